# MariaDB goes away: portico-mailer logs it, keeps running (same pid) and
# delivers again as soon as the database is back. The database is always
# restarted.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;
use Portico::Mail;

my $repo = repo_dir();
my $var  = var_dir();
my $stopped = 0;


END {
    if ($stopped) {
        my $rc = $?;
        run_script('db-start') or diag('db-start failed in END');
        wait_until(30, sub { Portico::Test->client->get('/auth/health')->code == 200 })
            or diag('health not back after db-start');
        $? = $rc;
    }
}

# The mailer's pid from its pid file ("pid start-time"), if that process runs.
sub mailer_pid {
    open(my $fh, '<', File::Spec->catfile($var, 'run', 'mailer.pid')) or return undef;
    my ($pid) = split ' ', (<$fh> // '');
    return defined $pid && kill(0, $pid) ? $pid : undef;
}

sub log_size { return -s File::Spec->catfile($var, 'log', 'mailer.log') // 0 }

sub log_since {
    my ($offset) = @_;
    open(my $fh, '<', File::Spec->catfile($var, 'log', 'mailer.log')) or return '';
    seek($fh, $offset, 0);
    local $/;
    return <$fh> // '';
}

my $pid = mailer_pid();
ok($pid, "portico-mailer runs (pid " . ($pid // '?') . ')') or do { done_testing; exit };
my $log_at = log_size();

$stopped = 1;
ok(run_script('db-stop'), 'script/db-stop') or do { done_testing; exit };
ok(wait_until(10, sub { log_since($log_at) =~ /database unavailable/ }), 'the mailer logs the outage');
sleep 3;
is(mailer_pid(), $pid, 'still running, same pid, during the outage');

ok(run_script('db-start'), 'script/db-start') or do { done_testing; exit };
$stopped = 0;

my $to = unique_tag('dbout') . '@mailtest.example';
my $id = sql_value(sprintf(
    "INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status,"
    . " attempts, next_attempt_at) VALUES (UTC_TIMESTAMP(6), %s, '', 'de', 'password-changed', '',"
    . " 'queued', 0, UTC_TIMESTAMP(6)); SELECT LAST_INSERT_ID();", sql_quote($to)));
my $m = Portico::Mail::wait_for(to => $to, timeout => 20);
ok($m, 'a mail queued after the outage arrives');
like($m->{subject} // '', qr/Passwort/, 'in German');
ok(wait_until(10, sub { sql_value("SELECT status FROM outbox WHERE id = $id") eq 'sent' }), 'recorded as sent');
is(mailer_pid(), $pid, 'the same mailer process did it');
like(log_since($log_at), qr/database back after/, 'the mailer logs the recovery');

done_testing;
