# portico-flowd's call activity (issue 14): the newest version of the
# called process starts as a child instance (parent, token, the same
# business key and org, a copy of the variables); when it completes, its
# variables come back and the caller moves on.  An error the child throws
# is caught by the error boundary of the call.  Cancelling the caller
# cancels the child.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Flow;

my $agent = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
my $org = sql_value("SELECT id FROM orgs WHERE name = 'Acme Industrial Ltd'");
my $parent_key = flow_key('t-call-parent');
my $child_key = flow_key('t-call-child');
flow_deploy('call-child');
flow_deploy('call-parent');

sub child_of {
    my ($parent) = @_;
    my $r = sql_rows('SELECT i.id, i.state, i.business_key, i.org_id, i.parent_token_id, d.process_key'
        . " FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id WHERE i.parent_id = $parent");
    return @$r ? { id => $r->[0][0], state => $r->[0][1], bk => $r->[0][2], org => $r->[0][3],
        token => $r->[0][4], key => $r->[0][5] } : undef;
}

subtest 'a child instance, and its variables back' => sub {
    my $bk = unique_tag('call');
    flow_start($parent_key, $bk, { x => 21 }, $org);
    my ($p, $c);
    ok(flow_wait(10, sub { $p = flow_instance($bk, $parent_key); $p && ($c = child_of($p->{id})) }),
        'the call started a child instance') or return;
    is($c->{key}, $child_key, 'of the called process');
    is($c->{bk}, $bk, 'with the same business key');
    is($c->{org}, $org, 'and org');
    is($c->{token}, sql_value("SELECT id FROM flow_tokens WHERE instance_id = $p->{id} AND element_id = 'call'"),
        'naming the token of the call activity');
    is_deeply(flow_tokens($p->{id}), ['call'], 'the caller waits at the call');
    is_deeply(flow_vars($c->{id})->{x}, ['number', '21'], 'the child has a copy of the variables');
    my $task = flow_open_task($c->{id}, 'child_task');
    ok($task, 'the child\'s task is open') or return;
    is(sql_value("SELECT business_key FROM flow_tasks WHERE id = $task"), $bk, 'the task carries the business key');

    flow_complete($task, $agent, { answer => 42 });
    $p = flow_wait_state($bk, 'completed', 10, $parent_key);
    ok($p, 'the caller completes') or return;
    is($p->{end_element}, 'got_it', 'having the child\'s variables (child_done, answer) when deciding');
    is(child_of($p->{id})->{state}, 'completed', 'the child completed');
    my $v = flow_vars($p->{id});
    is_deeply($v->{answer}, ['number', '42'], 'the form variable came back');
    is_deeply($v->{completed_by}, ['number', $agent], 'and who completed it');
    my ($call) = grep { $_->{element} eq 'call' } @{ flow_history($p->{id}) };
    is($call->{outcome}, 'completed', 'the call\'s history row completed');
    is(scalar(grep { $_->{element} eq 'got_it' } @{ flow_history($p->{id}) }), 1, 'the caller\'s end reached once');
};

subtest 'an error of the child, caught on the call' => sub {
    my $pkey = flow_key('t-call-error-parent');
    flow_deploy('call-error-child');
    flow_deploy('call-error-parent');
    my $bk = unique_tag('callerr');
    flow_start($pkey, $bk);
    my $p = flow_wait_state($bk, 'completed', 10, $pkey);
    ok($p, 'the caller completes') or return;
    is($p->{end_element}, 'end_no_stock', 'by the error boundary\'s way');
    my $c = child_of($p->{id});
    ok($c, 'the child ran') or return;
    is($c->{state}, 'completed', 'the child ended at its error end');
    is(sql_value("SELECT end_element FROM flow_instances WHERE id = $c->{id}"), 'no_stock', 'which it names');
    my %h = map { $_->{element} => $_ } @{ flow_history($p->{id}) };
    is($h{call}{outcome}, 'error:NO_STOCK', 'the call ended by the error');
    is($h{out_of_stock}{outcome}, 'error:NO_STOCK', 'the boundary caught it');
    is($p->{incidents}, 0, 'no incident');
};

subtest 'cancelling the caller cancels the child' => sub {
    my $bk = unique_tag('callx');
    flow_start($parent_key, $bk, { x => 1 });
    my ($p, $c);
    ok(flow_wait(10, sub { $p = flow_instance($bk, $parent_key); $p && ($c = child_of($p->{id})) }),
        'a child runs') or return;
    my $task = flow_open_task($c->{id}, 'child_task');
    flow_control('cancel', $p->{id});
    ok(flow_wait_state($bk, 'cancelled', 10, $parent_key), 'the caller is cancelled');
    is(child_of($p->{id})->{state}, 'cancelled', 'and the child');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $task"), 'cancelled', 'with its task');
};

done_testing();
