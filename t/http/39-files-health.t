# The kb worker keeps uploads in [paths] files: when that directory is
# gone, /kb/health says so (503, files="unusable") instead of the first
# upload failing, a kb process that starts logs one clear line, and
# /auth/health, which does not use it, stays 200.  Once the directory is
# back, /kb/health is 200 again without a restart.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;

my $H = '(/health | /page/health)';
my $files = File::Spec->catdir(var_dir(), 'files');
my $away = "$files.away-$$";
my $log = File::Spec->catfile(var_dir(), 'log', 'kb.log');
my $sock = File::Spec->catfile(var_dir(), 'run', 'kb.sock');
ok(-d $files, 'the stack has a files directory') or BAIL_OUT("no $files");
END { rename $away, $files if -d $away && !-e $files }

my $c = Portico::Test->client;
my ($doc, $res) = $c->get_xml('/kb/health');
is($res->code, 200, '/kb/health 200');
is(xp($doc, "$H/\@files"), 'ok', 'files ok');
($doc) = $c->get_xml('/auth/health');
is(xp_count($doc, "$H/\@files"), 0, 'auth does not keep uploads: no files attribute');

my $log_size = -s $log // 0;
rename $files, $away or die "rename: $!";
($doc, $res) = $c->get_xml('/kb/health');
is($res->code, 503, 'files directory gone: /kb/health 503');
is(xp($doc, "$H/\@status"), 'failing', 'status failing');
is(xp($doc, "$H/\@files"), 'unusable', 'files unusable');
is(xp($doc, "$H/\@db"), 'ok', 'the database is fine');
unlike($res->content, qr/\Q$files\E/, 'the public answer does not name the path');
is($c->get('/auth/health')->code, 200, '/auth/health stays 200');

# A kb process that starts now (the supervisor replaces a killed one) logs it.
my @before = worker_pids($sock);
kill 'KILL', $before[0];
ok(wait_until(10, sub { my @now = worker_pids($sock); @now == @before && !grep { $_ == $before[0] } @now }),
    'a new kb process started');
my $line;
ok(wait_until(5, sub {
    open(my $fh, '<', $log) or return 0;
    seek($fh, $log_size, 0);
    ($line) = grep { /\[paths\] files:/ } <$fh>;
    $line;
}), 'it logged the files directory') or diag("no line in $log");
like($line // '', qr/error .*\[paths\] files: \Q$files\E does not exist; uploads will fail/,
    'one clear error line: path, reason, consequence');

rename $away, $files or die "rename back: $!";
($doc, $res) = $c->get_xml('/kb/health');
is($res->code, 200, 'directory back: /kb/health 200 without a restart');
is(xp($doc, "$H/\@files"), 'ok', 'files ok');

done_testing;
