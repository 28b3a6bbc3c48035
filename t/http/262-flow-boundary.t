# portico-flowd's boundary events (issue 14) on a user task: a
# non-interrupting timer cycle (R2/PT1H) fires twice while the task stays
# open and then is gone; an interrupting timer cancels the task and leads
# its own way; an interrupting message does the same on its business key;
# a non-interrupting message leads a path of its own beside the task; the
# task completed ends its boundaries' timers and subscriptions.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Flow;

my $agent = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
my $key = flow_key('t-boundary');
flow_deploy('boundary');

# A started instance, waiting at its task: (instance, task id).
sub started {
    my ($bk) = @_;
    flow_start($key, $bk, { reminders => 0 });
    my $i;
    flow_wait(10, sub { $i = flow_instance($bk, $key) }) or return;
    my $task = flow_open_task($i->{id}, 'work');
    return ($i, $task);
}

sub timer_job {
    my ($i, $element) = @_;
    my ($j) = grep { $_->{element} eq $element } @{ flow_jobs($i->{id}) };
    return $j;
}

subtest 'a non-interrupting cycle fires twice, the task stays' => sub {
    my $bk = unique_tag('cyc');
    my ($i, $task) = started($bk);
    ok($task, 'the task is open') or return;
    my @kinds = sort map { "$_->{kind}:$_->{element}" } @{ flow_jobs($i->{id}) };
    is_deeply(\@kinds, ['timer:late', 'timer:nudge'], 'both timers are armed');
    is(sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE instance_id = $i->{id}"), 2,
        'both messages are subscribed');

    flow_job_due_now($i->{id}, 'nudge');
    ok(flow_wait(5, sub { (timer_job($i, 'nudge') // {})->{fired} == 1 }), 'it fired once and is armed again')
        or return;
    my $due = sql_value("SELECT TIMESTAMPDIFF(SECOND, armed_at, due_at) FROM flow_jobs WHERE instance_id = $i->{id}"
        . " AND element_id = 'nudge'");
    is($due, 7200, 'for two hours after it was armed');
    is_deeply(flow_tokens($i->{id}), ['work'], 'the task still waits');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $task"), 'open', 'and is open');
    is_deeply(flow_vars($i->{id})->{reminders}, ['number', '1'], 'its path ran once');

    flow_job_due_now($i->{id}, 'nudge');
    ok(flow_wait(5, sub { !timer_job($i, 'nudge') }), 'the second firing ends the cycle') or return;
    is_deeply(flow_vars($i->{id})->{reminders}, ['number', '2'], 'its path ran twice');
    my @nudges = grep { $_->{element} eq 'nudge' } @{ flow_history($i->{id}) };
    is(scalar @nudges, 2, 'two history rows of the boundary event');
    is(scalar(grep { $_->{element} eq 'reminded' } @{ flow_history($i->{id}) }), 2, 'its end reached twice');
    is(flow_instance($bk, $key)->{state}, 'running', 'the instance runs on');

    my $cmd = flow_complete($task, $agent);
    $i = flow_wait_state($bk, 'completed');
    ok($i, 'completing the task completes the instance') or return;
    is($i->{end_element}, 'done', 'at its end');
    is(scalar @{ flow_jobs($i->{id}) }, 0, 'the day timer is disarmed');
    is(sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE instance_id = $i->{id}"), 0,
        'and the messages');
};

subtest 'an interrupting timer' => sub {
    my $bk = unique_tag('late');
    my ($i, $task) = started($bk);
    ok($task, 'the task is open') or return;
    is(sql_value("SELECT TIMESTAMPDIFF(SECOND, armed_at, due_at) FROM flow_jobs WHERE instance_id = $i->{id}"
        . " AND element_id = 'late'"), 86400, 'the day timer is due a day later');
    flow_job_due_now($i->{id}, 'late');
    $i = flow_wait_state($bk, 'completed', 5);
    ok($i, 'completed within a second or so') or return;
    is($i->{end_element}, 'given_up', 'the timer\'s way');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $task"), 'cancelled', 'the task is cancelled');
    is(sql_value("SELECT COUNT(*) FROM flow_task_candidates WHERE task_id = $task"), 0,
        'and offered to nobody');
    my ($work) = grep { $_->{element} eq 'work' } @{ flow_history($i->{id}) };
    is($work->{outcome}, 'interrupted', 'the task\'s history row: interrupted');
    is(scalar @{ flow_jobs($i->{id}) }, 0, 'the cycle is disarmed');
};

subtest 'messages on the boundary' => sub {
    my $bk = unique_tag('msg');
    my ($i, $task) = started($bk);
    ok($task, 'the task is open') or return;
    my $other = unique_tag('other');
    my ($io, $to) = started($other);

    flow_message(flow_key('t-boundary-note'), $bk);
    ok(flow_wait(5, sub { grep { $_->{element} eq 'note_taken' } @{ flow_history($i->{id}) } }),
        'the non-interrupting message took its way') or return;
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $task"), 'open', 'the task stays open');
    is(flow_instance($bk, $key)->{state}, 'running', 'the instance runs');

    flow_message(flow_key('t-boundary-withdrawn'), $bk);
    $i = flow_wait_state($bk, 'completed');
    ok($i, 'the interrupting message ends it') or return;
    is($i->{end_element}, 'withdrawn_end', 'its way');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $task"), 'cancelled', 'the task is cancelled');
    is(flow_instance($other, $key)->{state}, 'running', 'the instance of another business key is untouched');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $to"), 'open', 'and its task open');
};

done_testing();
