# portico-flowd's scopes and ends (issue 14): an embedded subprocess runs
# its inside and completes when no token is left in it; an error end
# event is caught by the error boundary of the subprocess around it, or,
# caught by nothing, fails the instance with an incident; a terminate end
# event ends every token and cancels the open task and its jobs.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Flow;

my $agent = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");

subtest 'an embedded subprocess' => sub {
    my $key = flow_key('t-sub');
    flow_deploy('subprocess');
    my $bk = unique_tag('sub');
    flow_start($key, $bk, { who => 'nobody' });
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key); $i && @{ flow_tokens($i->{id}) } == 2 }),
        'two tokens wait') or return;
    is_deeply(flow_tokens($i->{id}), ['in_task', 'inside'], 'the subprocess and the task inside it');
    my ($sub) = @{ sql_rows("SELECT id FROM flow_tokens WHERE instance_id = $i->{id} AND element_id = 'inside'") };
    is(sql_value("SELECT scope_token_id FROM flow_tokens WHERE instance_id = $i->{id} AND element_id = 'in_task'"),
        $sub->[0], 'the task\'s token is in the subprocess\'s scope');
    ok(grep({ $_->{element} eq 'in_end_a' } @{ flow_history($i->{id}) }), 'the other path inside ended already');

    my $task = flow_open_task($i->{id}, 'in_task');
    flow_complete($task, $agent, { who => 'agent' });
    $i = flow_wait_state($bk, 'completed');
    ok($i, 'completing the last path inside completes the subprocess and the instance') or return;
    my @h = map { $_->{element} } @{ flow_history($i->{id}) };
    is(scalar(grep { $_ eq 'inside' } @h), 1, 'the subprocess has one history row');
    my ($inside) = grep { $_->{element} eq 'inside' } @{ flow_history($i->{id}) };
    is($inside->{outcome}, 'completed', 'completed');
    my $v = flow_vars($i->{id});
    is_deeply($v->{seen}, ['string', 'by agent'], 'a task inside sets the instance\'s variables');
    is_deeply($v->{inside_done}, ['boolean', 'true'], 'the subprocess\'s assignment ran when it completed');
};

subtest 'an error caught by the boundary of its subprocess' => sub {
    my $key = flow_key('t-errors');
    flow_deploy('errors');
    my ($bad, $good) = (unique_tag('bad'), unique_tag('good'));
    flow_start($key, $bad, { bad => \1 });
    flow_start($key, $good, { bad => \0 });
    my $i = flow_wait_state($bad, 'completed');
    ok($i, 'the instance that threw completes') or return;
    is($i->{end_element}, 'handled', 'by the error boundary\'s way');
    my %h = map { $_->{element} => $_ } @{ flow_history($i->{id}) };
    is($h{throw_bad}{outcome}, 'error:BAD', 'the error end event names the code');
    is($h{check}{outcome}, 'error:BAD', 'the subprocess ended by it');
    is($h{caught}{outcome}, 'error:BAD', 'the boundary caught it');
    ok(!$h{fine}, 'the normal way was not taken');
    is_deeply(flow_tokens($i->{id}), [], 'no token left');
    is($i->{incidents}, 0, 'no incident');
    my $g = flow_wait_state($good, 'completed');
    ok($g, 'the other one completes') or return;
    is($g->{end_element}, 'fine', 'the normal way');
};

subtest 'an error nothing catches' => sub {
    my $key = flow_key('t-uncaught');
    flow_deploy('error-uncaught');
    my $bk = unique_tag('worse');
    flow_start($key, $bk);
    my $i = flow_wait_state($bk, 'failed');
    ok($i, 'the instance failed') or return;
    is($i->{incidents}, 1, 'with an incident counted');
    my $inc = flow_incidents($i->{id});
    is(scalar @$inc, 1, 'one incident');
    like($inc->[0]{message}, qr/error WORSE thrown at boom was not caught/, 'saying what was not caught');
    is_deeply(flow_tokens($i->{id}), [], 'no token left');
    is(sql_value("SELECT COUNT(*) FROM flow_tasks WHERE instance_id = $i->{id} AND state = 'cancelled'"), 1,
        'the task of the other path is cancelled');
    is(scalar(grep { !$_->{ended} } @{ flow_history($i->{id}) }), 0, 'every history row ended');
};

subtest 'a terminate end event' => sub {
    my $key = flow_key('t-terminate');
    flow_deploy('terminate');
    my $bk = unique_tag('term');
    flow_start($key, $bk);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key); $i && @{ flow_tokens($i->{id}) } == 2 }), 'it waits')
        or return;
    my $task = flow_open_task($i->{id}, 'work');
    is(scalar(grep { $_->{kind} eq 'task-due' } @{ flow_jobs($i->{id}) }), 1, 'the task has its reminder job');
    flow_message(flow_key('t-terminate-stop'), $bk);
    $i = flow_wait_state($bk, 'terminated');
    ok($i, 'terminated') or return;
    is($i->{end_element}, 'kill', 'at the terminate end event');
    is_deeply(flow_tokens($i->{id}), [], 'no token left');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $task"), 'cancelled', 'the task is cancelled');
    is(scalar @{ flow_jobs($i->{id}) }, 0, 'its reminder is gone');
    my %h = map { $_->{element} => $_ } @{ flow_history($i->{id}) };
    is($h{work}{outcome}, 'terminated', 'the task\'s history row ends terminated');
    is(scalar(grep { $_->{element} eq 'end' } @{ flow_history($i->{id}) }), 0, 'the other end is never reached');
};

done_testing();
