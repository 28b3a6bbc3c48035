# portico-flowd's gateways (issue 14): a parallel join waits for one token
# per incoming flow, whatever each branch waited for, and passes once; an
# exclusive gateway takes the first flow whose condition holds in document
# order, else its default; without a default and with no way on, the token
# waits at the gateway with an incident until a retry finds one.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Flow;

my $agent = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");

subtest 'a parallel join of three branches' => sub {
    my $key = flow_key('t-parallel');
    flow_deploy('parallel');
    my $bk = unique_tag('par');
    my $cmd = flow_start($key, $bk, { n => 1 });
    ok(flow_wait_commands($cmd), 'flowd took the start command') or return;
    my $i = flow_instance($bk, $key);
    ok($i, 'an instance') or return;
    is($i->{state}, 'running', 'running');
    is_deeply(flow_tokens($i->{id}), [qw(go join review)],
        'tokens: the quick branch waits at the join, the others at the task and the message');
    my $task = flow_open_task($i->{id}, 'review');
    ok($task, 'the review task is open') or return;

    $cmd = flow_complete($task, $agent, { ok => \1 });
    ok(flow_wait_commands($cmd), 'the completion is taken');
    is_deeply(flow_tokens($i->{id}), [qw(go join join)], 'two tokens wait at the join now');
    is(flow_instance($bk, $key)->{state}, 'running', 'still running');

    $cmd = flow_message(flow_key('t-parallel-go'), $bk);
    ok(flow_wait_commands($cmd), 'the message is taken');
    $i = flow_wait_state($bk, 'completed');
    ok($i, 'the join passed: completed') or return;
    is($i->{end_element}, 'end', 'at its end event');
    is_deeply(flow_tokens($i->{id}), [], 'no token left');
    my @h = @{ flow_history($i->{id}) };
    is(scalar(grep { $_->{element} eq 'join' } @h), 3, 'the join was entered three times');
    is(scalar(grep { $_->{element} eq 'join' && ($_->{outcome} // '') eq 'joined' } @h), 2,
        'two of them waited and were joined');
    is(scalar(grep { $_->{element} eq 'end' } @h), 1, 'the end was reached exactly once');
    is(scalar(grep { !$_->{ended} } @h), 0, 'every history row ended');
    my ($review) = grep { $_->{element} eq 'review' } @h;
    is($review->{user}, $agent, 'the review row names who completed it');
    is($review->{kind}, 'userTask', 'as a userTask');
    my $v = flow_vars($i->{id});
    is_deeply($v->{ok}, ['boolean', 'true'], 'the form variable is set');
    is_deeply($v->{completed_by}, ['number', $agent], 'completed_by is the user');
    is_deeply($v->{n}, ['number', '1'], 'the start variable is kept');
};

subtest 'an exclusive gateway with a default' => sub {
    my $key = flow_key('t-exclusive');
    flow_deploy('exclusive');
    my %want = (5000 => 'high', 500 => 'mid', 5 => 'low');
    my %bk;
    for my $amount (sort keys %want) {
        $bk{$amount} = unique_tag("ex$amount");
        flow_start($key, $bk{$amount}, { amount => $amount });
    }
    for my $amount (sort keys %want) {
        my $i = flow_wait_state($bk{$amount}, 'completed');
        ok($i, "amount $amount: completed") or next;
        is($i->{end_element}, $want{$amount}, "amount $amount: ends at $want{$amount}");
        my @h = map { $_->{element} } @{ flow_history($i->{id}) };
        is_deeply(\@h, ['start', 'size', $want{$amount}], "amount $amount: the path taken");
        is_deeply(flow_vars($i->{id})->{checked}, ['boolean', 'true'], "amount $amount: the gateway's assignment ran");
    }
};

subtest 'no way on and no default: an incident, then a retry' => sub {
    my $key = flow_key('t-nodefault');
    flow_deploy('exclusive-nodefault');
    my $bk = unique_tag('nd');
    flow_start($key, $bk, { answer => 'maybe' });
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key); $i && $i->{incidents} == 1 }),
        'an incident is counted on the instance') or return;
    is($i->{state}, 'running', 'the instance still runs');
    is_deeply(flow_tokens($i->{id}), ['size'], 'its token waits at the gateway');
    my $inc = flow_incidents($i->{id});
    is(scalar @$inc, 1, 'one incident');
    like($inc->[0]{message}, qr/no condition of exclusive gateway size holds/, 'saying why');
    is($inc->[0]{element}, 'size', 'at the gateway');

    sql("UPDATE flow_variables SET value = 'no' WHERE instance_id = $i->{id} AND name = 'answer'");
    my $cmd = flow_control('retry', $inc->[0]{id});
    ok(flow_wait_commands($cmd), 'the retry is taken');
    $i = flow_wait_state($bk, 'completed');
    ok($i, 'completed after the retry') or return;
    is($i->{end_element}, 'no', 'the way the condition now names');
    is($i->{incidents}, 0, 'no open incident');
    $inc = flow_incidents($i->{id});
    is($inc->[0]{resolution}, 'retried', 'the incident is resolved as retried');
};

done_testing();
