# Who may open a task: people of its organisation who have it, completed
# it or hold one of its candidate roles.  Another organisation's task, a
# task of one's own organisation offered to other roles, and a task that
# does not exist all answer 404 (the page and each change), so a task's
# existence tells nothing; the rows stay as they were.  The case (business
# key) links to its object only for a reader who may open that.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tasks;

my ($p1, undef, $approver) = ts_person(roles => [qw(customer_user approver)]);
my (undef, undef, $buyer) = ts_person(roles => [qw(customer_user buyer)]);
my (undef, undef, $bergmann) = ts_person(org => BERGMANN, roles => [qw(customer_user approver)]);
my (undef, undef, $agent) = ts_person(org => PROVIDER, roles => ['agent']);
my $admin = or_client('admin@portico.example');

my $acme = ts_task(roles => ['approver'], key => 'O-2026-990201');
my $mine = ts_task(roles => ['approver'], assignee => $p1);

sub refused {
    my ($c, $id, $who) = @_;
    my ($doc, $res) = $c->get_xml("/tasks/$id");
    is($res->code, 404, "$who: the page is not found");
    for my $what (qw(claim release complete)) {
        (undef, $res) = or_post($c, "/tasks/$id/$what", ['f-approved' => 'yes']);
        is($res->code, 404, "$who: $what is not found");
    }
}

my $before = ts_task_row($acme);
refused($bergmann, $acme, 'another organisation');
refused($buyer, $acme, 'the same organisation, not offered to their roles');
refused($admin, $acme, "the provider's administrator");
refused($approver, 4000000000, 'a task that does not exist');
refused($bergmann, $mine, "another organisation, an assigned task");
is_deeply(ts_task_row($acme), $before, 'the task is unchanged');
is(scalar(@{ ts_commands($acme) }), 0, 'no command');
is(ts_task_row($mine)->{assignee_id}, $p1, 'the assigned one too');
is($approver->get('/tasks/abc')->code, 404, 'a malformed id');

subtest 'the case links to its object for those who may open it' => sub {
    my ($doc) = $approver->get_xml("/tasks/$acme");
    is(xp($doc, '/page/task/key'), 'O-2026-990201', 'the order number');
    is(xp($doc, '/page/task/key/@href'), '/orders/O-2026-990201', "an approver may open the org's orders");

    my $role = lc "ts_plain_$$";
    sql('INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES (' . sql_quote($role)
        . ", 'customer', 'customer', 12, 0)");
    my (undef, undef, $plain) = ts_person(roles => [$role]);
    my $t = ts_task(roles => [$role], key => 'O-2026-990202');
    ($doc) = $plain->get_xml("/tasks/$t");
    is(xp($doc, '/page/task/key'), 'O-2026-990202', 'a role without order rights sees the number');
    is(xp($doc, '/page/task/key/@href'), '', 'but no link');

    my $p = ts_task(org => PROVIDER, roles => ['agent'], key => 'T-2026-990201');
    ($doc) = $agent->get_xml("/tasks/$p");
    is(xp($doc, '/page/task/key/@href'), '/tickets/T-2026-990201', 'an agent gets the ticket');
    my $free = ts_task(roles => ['approver'], key => 'customer 42');
    ($doc) = $approver->get_xml("/tasks/$free");
    is(xp($doc, '/page/task/key/@href'), '', 'a key that is no number links nowhere');
    sql("DELETE FROM flow_task_candidates WHERE role_id = (SELECT id FROM roles WHERE name = "
        . sql_quote($role) . ')');
    sql('UPDATE flow_tasks SET candidate_roles = \'\' WHERE candidate_roles = ' . sql_quote($role));
    sql("DELETE FROM user_roles WHERE role_id = (SELECT id FROM roles WHERE name = " . sql_quote($role) . ')');
    sql('DELETE FROM roles WHERE name = ' . sql_quote($role));
};

done_testing;
