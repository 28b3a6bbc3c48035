# portico-flowd's service tasks (issue 14): the action runs in the job's
# transaction; a failure that may pass is tried again (10 s, then 60 s
# later: the test moves the due time instead of waiting), the third
# failure opens an incident and suspends the job; the admin's retry
# resolves the incident and runs it again, and then the instance moves on
# with the task's assignments; a refusal (an action that cannot be done)
# is an incident at once.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use IO::Socket::INET;
use Test::More;
use Portico::Test;
use Portico::Flow;

my $key = flow_key('t-service');
flow_deploy('service');
my ($hook_port) = (base_url() =~ /:(\d+)\z/);
$hook_port += 2000;    # script/lib/stack.sh webhook_port: [flow] webhook_url

sub job_of {
    my ($i) = @_;
    my ($j) = @{ flow_jobs($i->{id}) };
    return $j;
}

subtest 'retries, an incident, a retry that succeeds' => sub {
    my $bk = unique_tag('svc');
    flow_start($key, $bk, { what => 'placed' });
    my ($i, $j);
    ok(flow_wait(15, sub { $i = flow_instance($bk, $key); $i && ($j = job_of($i)) && $j->{retries} == 2 }),
        'the first try failed: two tries left') or return;
    is($j->{kind}, 'service', 'a service job');
    like($j->{error}, qr/the webhook did not answer/, 'its last error says why');
    my $wait = sql_value("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), due_at) FROM flow_jobs WHERE id = $j->{id}");
    ok($wait >= 5 && $wait <= 10, "the next try is 10 s later ($wait s)");
    is_deeply(flow_tokens($i->{id}), ['call_hook'], 'the token waits at the task');
    my ($row) = grep { $_->{element} eq 'call_hook' } @{ flow_history($i->{id}) };
    ok(!$row->{ended}, 'its history row is open');

    flow_job_due_now($i->{id}, 'call_hook');
    ok(flow_wait(15, sub { job_of($i)->{retries} == 1 }), 'the second try failed: one left') or return;
    $wait = sql_value("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), due_at) FROM flow_jobs WHERE id = $j->{id}");
    ok($wait >= 50 && $wait <= 60, "the next try is 60 s later ($wait s)");

    flow_job_due_now($i->{id}, 'call_hook');
    ok(flow_wait(15, sub { flow_instance($bk, $key)->{incidents} == 1 }), 'the third failure is an incident') or return;
    $j = job_of($i);
    is($j->{retries}, 0, 'no tries left');
    is($j->{suspended}, 1, 'the job is suspended');
    my $inc = flow_incidents($i->{id});
    is(scalar @$inc, 1, 'one incident');
    is($inc->[0]{job}, $j->{id}, 'of the job');
    is($inc->[0]{element}, 'call_hook', 'at the task');
    like($inc->[0]{message}, qr/the webhook did not answer/, 'saying why');
    is(flow_instance($bk, $key)->{state}, 'running', 'the instance still runs');
    is(sql_value("SELECT COUNT(*) FROM flow_action_log WHERE job_id = $j->{id}"), 0, 'the action never got done');

    # Now the webhook answers.
    my $server = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $hook_port, Listen => 5,
        ReuseAddr => 1) or BAIL_OUT("cannot listen on $hook_port: $!");
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        while (my $c = $server->accept) {
            my $req = '';
            while (my $line = <$c>) { $req .= $line; last if $line =~ /^\r?\n\z/ }
            my ($len) = $req =~ /^Content-Length:\s*(\d+)/mi;
            read($c, my $body, $len // 0);
            print $c "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            close $c;
        }
        exit 0;
    }
    close $server;
    my $cmd = flow_control('retry', $inc->[0]{id});
    $i = flow_wait_state($bk, 'completed', 15);
    kill 'TERM', $pid;
    waitpid($pid, 0);
    ok($i, 'the retry ran the task and the instance completed') or return;
    $inc = flow_incidents($i->{id});
    is($inc->[0]{resolution}, 'retried', 'the incident is resolved as retried');
    ok(defined $inc->[0]{resolved}, 'with when');
    is($i->{incidents}, 0, 'no open incident on the instance');
    is(sql_value("SELECT COUNT(*) FROM flow_action_log WHERE job_id = $j->{id}"), 1, 'the action is logged once');
    like(sql_value("SELECT result FROM flow_action_log WHERE job_id = $j->{id}"), qr/webhook order\.placed: HTTP 200/,
        'with the event the parameter\'s expression made');
    is(scalar @{ flow_jobs($i->{id}) }, 0, 'the job is gone');
    is_deeply(flow_vars($i->{id})->{called}, ['boolean', 'true'], 'the task\'s assignment ran');
    my @rows = grep { $_->{element} eq 'call_hook' } @{ flow_history($i->{id}) };
    is(scalar @rows, 1, 'one history row for the task, whatever the tries');
    is($rows[0]{outcome}, 'completed', 'completed');
};

subtest 'a parameter that fails is an incident at once' => sub {
    my $bk = unique_tag('svcbad');
    flow_start($key, $bk, { what => 12 });    # 'order.' + 12: no string
    my $i;
    ok(flow_wait(15, sub { $i = flow_instance($bk, $key); $i && $i->{incidents} == 1 }), 'an incident') or return;
    my $j = job_of($i);
    is($j->{suspended}, 1, 'the job is suspended at once');
    like(flow_incidents($i->{id})->[0]{message}, qr/parameter event/, 'naming the parameter');
};

done_testing();
