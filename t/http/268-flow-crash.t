# portico-flowd survives kill -9 (issue 14 §6): 1 000 instances of a model
# with a mail, a fork, a timer and a join are run by two flowd processes of
# this test (the stack's own is paused meanwhile), and one of them is killed
# with SIGKILL every 50 to 300 milliseconds and started again.  Afterwards
# every instance has ended exactly once, no step was taken twice (one
# history row per element and instance), and no job ran twice (one action
# log row per instance, one mail per instance in the outbox).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Time::HiRes qw(sleep time);
use Test::More;
use Portico::Test;
use Portico::Flow;
use Portico::FlowDaemons;

my $N = 1000;
my $key = flow_key('t-crash');
my $def = flow_deploy('crash');
my $prefix = 'crash-' . flow_tag();

ok(stack_flowd_pause(), "the stack's flowd is paused: only this test's processes work");
my @procs = map { flowd_spawn("flowd-crash-$_") } 1 .. 2;

sub ended { sql_value("SELECT COUNT(*) FROM flow_instances WHERE definition_id = $def AND state = 'completed'") // 0 }

is(flowd_bulk_start($key, $prefix, $N), $N, "$N start commands");

# Kill one of the two every 50-300 ms while work is left, and start a new one.
my ($kills, $midway, $deadline) = (0, 0, time + 240);
while (time < $deadline) {
    sleep(0.05 + rand(0.25));
    my $done = ended();
    last if $done >= $N;
    my $i = int(rand(@procs));
    flowd_kill($procs[$i]);
    $kills++;
    $midway++ if $done > 0;
    $procs[$i] = flowd_spawn("flowd-crash-" . ($i + 1));
}
cmp_ok($kills, '>=', 10, "flowd was killed $kills times");
cmp_ok($midway, '>=', 5, "$midway of the kills came after some instances had ended and before all had");
ok(flow_wait(60, sub { ended() >= $N }), "all $N instances ended") or diag(ended() . " ended");

# What a restart must never do: lose a step, or take one twice.
my $inst = "SELECT id FROM flow_instances WHERE definition_id = $def";
is(sql_value("SELECT COUNT(*) FROM flow_instances WHERE definition_id = $def"), $N, "$N instances, no more");
is(sql_value("SELECT COUNT(*) FROM flow_instances WHERE definition_id = $def AND state <> 'completed'"), 0,
    'every one completed');
is(sql_value("SELECT COUNT(DISTINCT business_key) FROM flow_instances WHERE definition_id = $def"), $N,
    'one instance per start command');
is(sql_value("SELECT COUNT(*) FROM flow_history WHERE definition_id = $def AND element_id = 'end'"
    . " AND ended_at IS NOT NULL"), $N, 'the end event reached once per instance');
# Each element once per instance; the join once per branch that reached it.
is(sql_value("SELECT COUNT(*) FROM (SELECT instance_id, element_id FROM flow_history WHERE definition_id = $def"
    . " GROUP BY instance_id, element_id HAVING COUNT(*) <> IF(element_id = 'join', 2, 1)) d"), 0,
    'no element entered twice by an instance, the join once by each branch');
is(sql_value("SELECT COUNT(*) FROM flow_history WHERE definition_id = $def AND ended_at IS NULL"), 0,
    'no step left open');
is(sql_value("SELECT COUNT(*) FROM flow_history WHERE definition_id = $def"), $N * 9,
    'nine steps per instance (start, mail, fork, quick, wait, join twice, count, end)')
    or diag(explain(sql_rows("SELECT element_id, COUNT(*) FROM flow_history WHERE definition_id = $def GROUP BY element_id")));
is(sql_value("SELECT COUNT(*) FROM flow_action_log WHERE instance_id IN ($inst)"), $N, 'one action per instance');
is(sql_value("SELECT COUNT(*) FROM outbox WHERE to_email LIKE '$prefix-%'"), $N, "$N mails in the outbox");
is(sql_value("SELECT COUNT(*) FROM (SELECT to_email FROM outbox WHERE to_email LIKE '$prefix-%'"
    . " GROUP BY to_email HAVING COUNT(*) > 1) d"), 0, 'none of them twice');
is(sql_value("SELECT COUNT(*) FROM flow_variables WHERE instance_id IN ($inst) AND name = 'passed'"
    . " AND value = 'true'"), $N, 'the variable each instance sets at the end');
is(sql_value("SELECT COUNT(*) FROM flow_tokens WHERE instance_id IN ($inst)"), 0, 'no token left');
is(sql_value("SELECT COUNT(*) FROM flow_jobs WHERE instance_id IN ($inst)"), 0, 'no job left');
is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE process_key = '$key'"), 0,
    'no command left, none failed');
is(sql_value("SELECT COUNT(*) FROM flow_incidents WHERE instance_id IN ($inst)"), 0, 'no incident');

# The mails are this test's evidence, not mail to deliver: the mailer need not send them.
sql("DELETE FROM outbox WHERE to_email LIKE '$prefix-%' AND status = 'queued'");
done_testing;
