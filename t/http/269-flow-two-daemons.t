# Two portico-flowd processes share one database (issue 14 §1, §6), as two
# hosts would: with the stack's own paused, two of this test's run 1 000
# instances (a mail, a fork, a timer, a join).  Both take part in the
# work, each job runs once, and each instance ends once.
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
my $prefix = 'two-' . flow_tag();

ok(stack_flowd_pause(), "the stack's flowd is paused");
my @procs = map { flowd_spawn("flowd-two-$_") } 1 .. 2;
sleep 0.3;
ok(flowd_alive($_), "flowd $_ runs") for @procs;
my @before = map { flowd_cpu_ticks($_) } @procs;

is(flowd_bulk_start($key, $prefix, $N), $N, "$N start commands");
sub ended { sql_value("SELECT COUNT(*) FROM flow_instances WHERE definition_id = $def AND state = 'completed'") // 0 }
ok(flow_wait(180, sub { ended() >= $N }), "all $N instances ended") or diag(ended() . ' ended');

# Each did a fair part: at least a fifth of the CPU time the two used.
my @used = map { flowd_cpu_ticks($procs[$_]) - $before[$_] } 0 .. 1;
my $total = $used[0] + $used[1];
cmp_ok($total, '>', 0, 'the two used CPU time');
for my $i (0 .. 1) {
    cmp_ok($used[$i], '>=', $total / 5, "flowd " . ($i + 1) . " did its part ($used[$i] of $total ticks)");
}

my $inst = "SELECT id FROM flow_instances WHERE definition_id = $def";
is(sql_value("SELECT COUNT(*) FROM flow_instances WHERE definition_id = $def"), $N, "$N instances, no more");
is(sql_value("SELECT COUNT(*) FROM flow_history WHERE definition_id = $def AND element_id = 'end'"), $N,
    'each ended once');
# Each element once per instance; the join once per branch that reached it.
is(sql_value("SELECT COUNT(*) FROM (SELECT instance_id, element_id FROM flow_history WHERE definition_id = $def"
    . " GROUP BY instance_id, element_id HAVING COUNT(*) <> IF(element_id = 'join', 2, 1)) d"), 0,
    'no element entered twice by an instance, the join once by each branch');
is(sql_value("SELECT COUNT(*) FROM flow_action_log WHERE instance_id IN ($inst)"), $N, 'one action per instance');
is(sql_value("SELECT COUNT(*) FROM (SELECT to_email FROM outbox WHERE to_email LIKE '$prefix-%'"
    . " GROUP BY to_email HAVING COUNT(*) > 1) d"), 0, 'no mail twice');
is(sql_value("SELECT COUNT(*) FROM outbox WHERE to_email LIKE '$prefix-%'"), $N, 'one mail per instance');
is(sql_value("SELECT COUNT(*) FROM flow_jobs WHERE instance_id IN ($inst)"), 0, 'no job left');
is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE process_key = '$key'"), 0, 'no command left');

sql("DELETE FROM outbox WHERE to_email LIKE '$prefix-%' AND status = 'queued'");
done_testing;
