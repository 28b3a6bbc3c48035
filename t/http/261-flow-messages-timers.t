# portico-flowd's events (issue 14): an event-based gateway arms its
# message and its timer, the first wins and the other is disarmed;
# messages correlate on (message, business key): of two waiting
# instances only the right one moves, and a message nobody waits for
# fails its command; a timer start event starts an instance each time it
# fires (a cycle arms itself again), a message start event starts one
# with the message's business key and variables, and a process without a
# plain start event refuses a start command.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Flow;

subtest 'an event-based gateway: the message wins' => sub {
    my $key = flow_key('t-evgw');
    flow_deploy('eventgw');
    my $bk = unique_tag('evm');
    flow_start($key, $bk);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key); $i && @{ flow_tokens($i->{id}) } }),
        'the instance waits') or return;
    is_deeply(flow_tokens($i->{id}), ['race'], 'its token waits at the gateway');
    my @jobs = @{ flow_jobs($i->{id}) };
    is(scalar @jobs, 1, 'one job: the timer');
    is($jobs[0]{element}, 'hour', 'of the timer event');
    is(sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE instance_id = $i->{id} AND element_id = 'answered'"
        . ' AND message = ' . sql_quote(flow_key('t-evgw-answer')) . ' AND business_key = ' . sql_quote($bk)), 1,
        'and a subscription of the message on its business key');

    my $cmd = flow_message(flow_key('t-evgw-answer'), $bk, { said => 'yes' });
    $i = flow_wait_state($bk, 'completed');
    ok($i, 'completed') or return;
    is($i->{end_element}, 'end_answer', 'by the message');
    is(scalar @{ flow_jobs($i->{id}) }, 0, 'the timer is disarmed');
    is(sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE instance_id = $i->{id}"), 0, 'no subscription left');
    is_deeply(flow_vars($i->{id})->{said}, ['string', 'yes'], "the message's variables are set");
    my @h = map { "$_->{element}:" . ($_->{outcome} // '') } @{ flow_history($i->{id}) };
    is_deeply(\@h, ['start:completed', 'race:completed', 'answered:correlated', 'end_answer:completed'],
        'the history');
    ok(!defined flow_command_rows($cmd), 'the message command is done and gone');
};

subtest 'an event-based gateway: the timer wins' => sub {
    my $key = flow_key('t-evgw');
    my $bk = unique_tag('evt');
    flow_start($key, $bk);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key); $i && @{ flow_jobs($i->{id}) } }),
        'the timer is armed') or return;
    my $due = sql_value("SELECT TIMESTAMPDIFF(SECOND, armed_at, due_at) FROM flow_jobs WHERE instance_id = $i->{id}");
    is($due, 3600, 'an hour after it was armed');
    flow_job_due_now($i->{id}, 'hour');
    $i = flow_wait_state($bk, 'completed', 5);
    ok($i, 'completed within a second or so of the timer being due') or return;
    is($i->{end_element}, 'end_timeout', 'by the timer');
    is(sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE instance_id = $i->{id}"), 0,
        'the message is disarmed');
    my $cmd = flow_message(flow_key('t-evgw-answer'), $bk);
    ok(flow_wait(10, sub { my $c = flow_command_rows($cmd); $c && $c->{failed_at} }),
        'a message that comes too late fails its command');
    like(flow_command_rows($cmd)->{error}, qr/nothing waits for message \S+ with business key "\Q$bk\E"/,
        'saying nothing waits for it');
};

subtest 'correlation by business key' => sub {
    my $key = flow_key('t-message');
    flow_deploy('message');
    my ($a, $b) = (unique_tag('ma'), unique_tag('mb'));
    flow_start($key, $a);
    flow_start($key, $b);
    my ($ia, $ib);
    ok(flow_wait(10, sub { $ia = flow_instance($a, $key); $ib = flow_instance($b, $key);
        $ia && $ib && @{ flow_tokens($ia->{id}) } && @{ flow_tokens($ib->{id}) } }), 'both wait') or return;
    is_deeply(flow_tokens($ia->{id}), ['wait_paid'], 'at the receive task');
    my $cmd = flow_message(flow_key('t-paid'), $b, { amount => 12.5 });
    $ib = flow_wait_state($b, 'completed');
    ok($ib, 'the instance of that business key completes') or return;
    is_deeply(flow_vars($ib->{id})->{amount}, ['number', '12.5'], 'with the message\'s variables');
    is(flow_instance($a, $key)->{state}, 'running', 'the other one still waits');
    is_deeply(flow_tokens($ia->{id}), ['wait_paid'], 'at its receive task');
    is(scalar(grep { $_->{element} eq 'wait_paid' && $_->{outcome} eq 'correlated' } @{ flow_history($ib->{id}) }), 1,
        'the receive task ended correlated');

    $cmd = flow_message(flow_key('t-paid'), unique_tag('nobody'));
    ok(flow_wait(10, sub { my $c = flow_command_rows($cmd); $c && $c->{failed_at} }),
        'a message for a business key nobody has fails');
    is(flow_instance($a, $key)->{state}, 'running', 'and moves nobody');
};

subtest 'timer and message start events' => sub {
    my $key = flow_key('t-starts');
    my $def = flow_deploy('starts');
    my $jobs = sql_rows("SELECT id, element_id, TIMESTAMPDIFF(SECOND, armed_at, due_at) FROM flow_jobs"
        . " WHERE kind = 'start-timer' AND definition_id = $def");
    is(scalar @$jobs, 1, 'deploying armed the start timer');
    is($jobs->[0][2], 3600, 'an hour after the deployment');
    is(sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE definition_id = $def AND instance_id IS NULL"
        . ' AND message = ' . sql_quote(flow_key('t-starts-hello'))), 1, 'and subscribed the message start');

    sql("UPDATE flow_jobs SET due_at = UTC_TIMESTAMP(6) WHERE id = $jobs->[0][0]");
    ok(flow_wait(5, sub { @{ flow_instances_of($key) } == 1 }), 'the timer started an instance') or return;
    my $first = flow_instances_of($key)->[0];
    ok(flow_wait(5, sub { (flow_instance($first->[2], $key) // {})->{state} eq 'completed' }),
        'which ran to its end');
    is(flow_instance($first->[2], $key)->{end_element}, 'end_timer', 'from the timer start');
    my $j = sql_rows("SELECT fired, TIMESTAMPDIFF(SECOND, armed_at, due_at) FROM flow_jobs WHERE id = $jobs->[0][0]");
    is_deeply($j, [[1, 7200]], 'the cycle (R2/PT1H) is armed again, an hour later');
    sql("UPDATE flow_jobs SET due_at = UTC_TIMESTAMP(6) WHERE id = $jobs->[0][0]");
    ok(flow_wait(5, sub { @{ flow_instances_of($key) } == 2 }), 'its second firing starts another');
    ok(flow_wait(5, sub { !sql_value("SELECT COUNT(*) FROM flow_jobs WHERE id = $jobs->[0][0]") }),
        'and the timer, fired twice, is gone');

    my $bk = unique_tag('hello');
    flow_message(flow_key('t-starts-hello'), $bk, { who => 'carl' });
    my $i = flow_wait_state($bk, 'completed');
    ok($i, 'the message started an instance with its business key') or return;
    is($i->{end_element}, 'end_message', 'from the message start');
    is_deeply(flow_vars($i->{id})->{who}, ['string', 'carl'], 'with its variables');
    is(flow_history($i->{id})->[0]{outcome}, 'correlated', 'the start event says so');

    my $cmd = flow_start($key, unique_tag('plain'));
    ok(flow_wait(10, sub { my $c = flow_command_rows($cmd); $c && $c->{failed_at} }),
        'a start command fails');
    like(flow_command_rows($cmd)->{error}, qr/has no plain start event/, 'it has no plain start event');

    $cmd = flow_start('no-such-process-' . flow_tag(), 'x');
    ok(flow_wait(10, sub { my $c = flow_command_rows($cmd); $c && $c->{failed_at} }),
        'starting a process that is not deployed fails');
    like(flow_command_rows($cmd)->{error}, qr/no process \S+ is deployed/, 'saying so');
};

done_testing();
