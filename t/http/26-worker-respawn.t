# The stack keeps each worker's processes alive as the systemd units do:
# a kb process killed with SIGKILL is replaced on the same socket within a
# few seconds, the pid file lists the processes that run, and the new
# process serves requests. The test leaves the stack as it found it (the
# same number of processes, none stopped), so later tests are unaffected.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;

my $sock = File::Spec->catfile(var_dir(), 'run', 'kb.sock');
my $pidfile = File::Spec->catfile(var_dir(), 'run', 'kb.pid');
my @stopped;
END { kill 'CONT', @stopped if @stopped }

# The pids in the stack's pid file ("pid start-time" lines), sorted.
sub pidfile_pids {
    open(my $fh, '<', $pidfile) or return ();
    my @p = map { (split ' ')[0] } grep { /\S/ } <$fh>;
    return sort { $a <=> $b } @p;
}

my @before = worker_pids($sock);
cmp_ok(scalar @before, '>=', 2, 'kb runs several processes') or BAIL_OUT('no kb processes found');
is_deeply([pidfile_pids()], \@before, 'the pid file lists them');
is(Portico::Test->client->get('/kb/health')->code, 200, 'kb answers');

my $victim = $before[0];
is(kill('KILL', $victim), 1, "kill -9 $victim");

my @after;
ok(wait_until(10, sub {
    @after = worker_pids($sock);
    @after == @before && !grep { $_ == $victim } @after;
}), 'within a few seconds as many kb processes run again') or diag explain \@after;
ok(!grep({ $_ == $victim } @after), 'the killed one is not among them');
my @new = grep { my $p = $_; !grep { $_ == $p } @before } @after;
is(scalar @new, 1, 'one new process');
ok(wait_until(5, sub { join(' ', pidfile_pids()) eq join(' ', @after) }), 'the pid file lists the new set')
    or diag explain [pidfile_pids()];

# Only the new process may accept now: it must be the one that answers.
my @old = grep { $_ != $new[0] } @after;
@stopped = grep { kill('STOP', $_) } @old;
is(scalar @stopped, scalar @old, 'the other processes paused');
my $res = Portico::Test->client(timeout => 10)->get('/kb/health');
is($res->code, 200, 'the new process serves /kb/health');
my $page = Portico::Test->client(timeout => 10)->get('/kb/');
is($page->code, 200, 'and the knowledge base');
kill 'CONT', @stopped;
@stopped = ();

is_deeply([worker_pids($sock)], \@after, 'the stack runs on with the full set');

done_testing;
