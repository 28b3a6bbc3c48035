# The admin's commands to portico-flowd (issue 14): suspend holds an
# instance's jobs back (a due timer does not fire) and refuses its
# messages; resume lets them go on; cancel ends every token, task, job and
# subscription; a command for an instance in the wrong state fails.  A
# database outage is waited out: flowd keeps running (the same process)
# and takes the commands written once the database is back.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;
use Portico::Flow;

my $key = flow_key('t-suspend');
flow_deploy('suspend');

sub failed_with {
    my ($cmd, $re, $name) = @_;
    ok(flow_wait(10, sub { my $c = flow_command_rows($cmd); $c && $c->{failed_at} }), "$name: the command fails")
        or return;
    like(flow_command_rows($cmd)->{error}, $re, "$name: saying why");
}

subtest 'suspend and resume' => sub {
    my $bk = unique_tag('sus');
    flow_start($key, $bk);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key); $i && @{ flow_jobs($i->{id}) } }), 'the timer is armed')
        or return;
    my $cmd = flow_control('suspend', $i->{id});
    ok(flow_wait_commands($cmd), 'the suspend is taken');
    is(flow_instance($bk, $key)->{state}, 'suspended', 'suspended');
    is(flow_jobs($i->{id})->[0]{suspended}, 1, 'its job is suspended');
    flow_job_due_now($i->{id}, 'pause');
    my $id = $i->{id};
    ok(!flow_wait(2, sub { !@{ flow_tokens($id) } || flow_tokens($id)->[0] ne 'pause' }),
        'the due timer does not fire while suspended');
    failed_with(flow_control('suspend', $i->{id}), qr/is suspended/, 'suspending it again');

    $cmd = flow_control('resume', $i->{id});
    ok(flow_wait(5, sub { (flow_tokens($id)->[0] // '') eq 'go' }), 'resumed, the due timer fires at once') or return;
    is(flow_instance($bk, $key)->{state}, 'running', 'running');
    failed_with(flow_control('resume', $i->{id}), qr/is running/, 'resuming a running one');

    flow_control('suspend', $i->{id});
    ok(flow_wait(5, sub { flow_instance($bk, $key)->{state} eq 'suspended' }), 'suspended again');
    failed_with(flow_message(flow_key('t-suspend-go'), $bk), qr/is suspended/, 'a message for it');
    flow_control('resume', $i->{id});
    ok(flow_wait(5, sub { flow_instance($bk, $key)->{state} eq 'running' }), 'resumed');
    flow_message(flow_key('t-suspend-go'), $bk);
    ok(flow_wait_state($bk, 'completed'), 'the message now completes it');
    is(scalar(grep { $_->{element} eq 'end' } @{ flow_history($id) }), 1, 'its end reached once');
};

subtest 'cancel' => sub {
    my $bk = unique_tag('can');
    flow_start($key, $bk);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key); $i && @{ flow_jobs($i->{id}) } }), 'it waits') or return;
    my $cmd = flow_control('cancel', $i->{id});
    $i = flow_wait_state($bk, 'cancelled');
    ok($i, 'cancelled') or return;
    is_deeply(flow_tokens($i->{id}), [], 'no token left');
    is(scalar @{ flow_jobs($i->{id}) }, 0, 'no job');
    is(sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE instance_id = $i->{id}"), 0, 'no subscription');
    my ($pause) = grep { $_->{element} eq 'pause' } @{ flow_history($i->{id}) };
    is($pause->{outcome}, 'cancelled', 'the waiting step\'s history row ends cancelled');
    ok(defined sql_value("SELECT ended_at FROM flow_instances WHERE id = $i->{id}"), 'the instance has its end time');
    failed_with(flow_control('cancel', $i->{id}), qr/is cancelled/, 'cancelling it again');
    failed_with(flow_control('cancel', 999999999), qr/there is no instance 999999999/, 'cancelling no instance');
};

my $stopped = 0;
END {
    if ($stopped) {
        my $rc = $?;
        run_script('db-start') or diag('db-start failed in END');
        $? = $rc;
    }
}

subtest 'a database outage' => sub {
    my $pidfile = File::Spec->catfile(var_dir(), 'run', 'flowd.pid');
    my $flowd = sub {
        open(my $fh, '<', $pidfile) or return undef;
        my ($pid) = split ' ', (<$fh> // '');
        return defined $pid && kill(0, $pid) ? $pid : undef;
    };
    my $log = File::Spec->catfile(var_dir(), 'log', 'flowd.log');
    my $at = -s $log // 0;
    my $since = sub {
        open(my $fh, '<', $log) or return '';
        seek($fh, $at, 0);
        local $/;
        return <$fh> // '';
    };
    my $pid = $flowd->();
    ok($pid, "portico-flowd runs (pid " . ($pid // '?') . ')') or return;
    $stopped = 1;
    ok(run_script('db-stop'), 'script/db-stop') or return;
    ok(wait_until(10, sub { $since->() =~ /database unavailable/ }), 'flowd logs the outage');
    sleep 2;
    is($flowd->(), $pid, 'and keeps running, the same process');
    ok(run_script('db-start'), 'script/db-start') or return;
    $stopped = 0;
    my $bk = unique_tag('back');
    flow_start($key, $bk);
    ok(flow_wait(20, sub { my $i = flow_instance($bk, $key); $i && @{ flow_jobs($i->{id}) } }),
        'a start written after the outage is taken');
    like($since->(), qr/database back after \d+ s/, 'flowd says the database is back');
    is($flowd->(), $pid, 'by the same process');
};

done_testing();
