# What a desk page costs the database when it is built, counted, not
# timed (speed is script/bench's, tickets-desk-unassigned-built; a kept
# desk costs one statement, t/http/170): each measurement first outdates
# the kept pages (forget_kept_pages).  At most 5 statements for every
# view and filter (the session's included), and with 30 000 more tickets
# the views read rows in proportion to their page: the unassigned view
# sorted by due walks an index in its order (EXPLAIN of the very statement
# the page ran, from the server's log), one walk per group, so that a
# small group's agent reads about as little as a big group's.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Desk;
use Portico::KB qw(statements_for rows_read_for);

my $N = 30000;
my $STATEMENTS_MAX = 5;
# The tabs count up to 100 tickets each (each counted row read twice: in
# the index and in the derived table), the page walks its groups up to
# the page, the pager counts up to three pages past it.
my $ROWS_MAX = 3000;

my $w = desk_world();
my $alex_id = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
# 30 000 tickets: statuses, services, groups (service desk, billing: both
# Alex's) spread evenly, every third unassigned, the others Alex's; most
# with a due, in no order of their creation.
bulk_tickets(n => $N, year => 1995, org => $w->{org}, requester => $w->{requester}, subject => 'Load ticket',
    assignee => $alex_id);
sql("UPDATE tickets SET sla_due_at = created_at + INTERVAL (CAST(seq AS SIGNED) * 7919) % 20000 MINUTE,"
    . " sla_warn_at = created_at + INTERVAL (CAST(seq AS SIGNED) * 7919) % 20000 - 120 MINUTE"
    . " WHERE org_id = $w->{org} AND year = 1995 AND seq % 4 <> 0 AND status IN ('new', 'open')");
# A few unassigned of Dora's small group among them.
sql("UPDATE tickets SET group_id = $w->{group} WHERE org_id = $w->{org} AND year = 1995 AND seq % 3 = 0"
    . " AND status IN ('new', 'open') AND seq <= 60");
sql('ANALYZE TABLE tickets');

my $alex = tk_client('agent@portico.example');
my $dora = tk_client($w->{agent_email});

subtest 'statements per page' => sub {
    for my $path (map { "/tickets/desk?view=$_" } qw(mine unassigned groups breaching pending all)) {
        cmp_ok(statements_for($alex, $path, 200, \&forget_kept_pages), '<=', $STATEMENTS_MAX, $path);
        cmp_ok(statements_for($alex, "$path&page=3", 200, \&forget_kept_pages), '<=', $STATEMENTS_MAX, "$path&page=3");
    }
    cmp_ok(statements_for($alex, '/tickets/desk', 200, \&forget_kept_pages), '<=', $STATEMENTS_MAX, 'the default view');
    cmp_ok(statements_for($alex, "/tickets/desk?view=all&org=$w->{org}&priority=5&q=Load&status=open", 200,
        \&forget_kept_pages),
        '<=', $STATEMENTS_MAX, 'every filter');
    cmp_ok(statements_for($dora, '/tickets/desk?view=groups', 200, \&forget_kept_pages), '<=', $STATEMENTS_MAX, 'a small group');
};

subtest 'rows read: the unassigned view sorted by due' => sub {
    my ($doc) = $alex->get_xml('/tickets/desk?view=unassigned');
    is(xp_count($doc, '/page/desk/ticket'), 25, 'a full page');
    is(xp($doc, '/page/desk/pager/@more'), '1', 'of many more');
    for my $path ('/tickets/desk?view=unassigned', '/tickets/desk?view=unassigned&page=3',
        "/tickets/desk?view=unassigned&org=$w->{org}") {
        cmp_ok(rows_read_for($alex, $path, \&forget_kept_pages), '<=', $ROWS_MAX, "Alex (two big groups): $path");
    }
    my $p1 = rows_read_for($alex, '/tickets/desk?view=unassigned&per=100', \&forget_kept_pages);
    my $p4 = rows_read_for($alex, '/tickets/desk?view=unassigned&per=100&page=4', \&forget_kept_pages);
    # Each walk reads the pages before this one, the pager counts on from it:
    # some 10 rows more for each ticket on the pages before.
    cmp_ok($p4 - $p1, '<=', 10 * 3 * 100, 'page 4 reads in proportion to the pages before it, not the table');
    cmp_ok(rows_read_for($dora, '/tickets/desk?view=unassigned', \&forget_kept_pages), '<=', $ROWS_MAX,
        'Dora (a group of a few among 30 000): as little');
    is(scalar(grep { /^T-1995-/ } desk_numbers($dora, '/tickets/desk?view=unassigned')),
        sql_value("SELECT COUNT(*) FROM tickets WHERE group_id = $w->{group} AND assignee_id IS NULL"
            . " AND status IN ('new', 'open', 'pending') AND year = 1995"), 'and she gets all of them');
};

subtest 'rows read: the other views' => sub {
    # Each after a page filtered by priority: a prepared statement that
    # took the priority for a constant once must not sort ever after.
    for my $v (qw(mine groups pending all)) {
        is($alex->get("/tickets/desk?view=$v&priority=5")->code, 200, "$v by priority");
        cmp_ok(rows_read_for($alex, "/tickets/desk?view=$v", \&forget_kept_pages), '<=', $ROWS_MAX, $v);
    }
    cmp_ok(rows_read_for($dora, '/tickets/desk?view=groups', \&forget_kept_pages), '<=', $ROWS_MAX, 'groups of a small group');
    cmp_ok(rows_read_for($alex, '/tickets/desk?view=all&q=T-1995-012345', \&forget_kept_pages), '<=', $ROWS_MAX, 'a number');
};

subtest 'EXPLAIN of the unassigned view\'s walk' => sub {
    forget_kept_pages();
    my ($page) = grep { /t\.assignee_id IS NULL/ && /^SELECT STRAIGHT_JOIN t\.number/ }
        executed_statements($alex, '/tickets/desk?view=unassigned');
    ok($page, 'the page\'s statement ran') or return;
    my ($walk) = $page =~ /\((SELECT t\.id, t\.desk_due d\b.*?LIMIT \?)\)/;
    ok($walk, 'its first walk') or return;
    like($walk, qr/ORDER BY t\.desk_due, t\.priority, t\.created_at, t\.id/, 'in the desk\'s order');
    # Its binds: the group, open ones, the empty filters, the rows.
    my $group = sql_value("SELECT MIN(g.id) FROM ticket_groups g JOIN ticket_group_members m ON m.group_id = g.id"
        . " AND m.user_id = $alex_id WHERE g.active = 1 AND g.name = (SELECT MIN(x.name) FROM ticket_groups x"
        . " JOIN ticket_group_members y ON y.group_id = x.id AND y.user_id = $alex_id WHERE x.active = 1)");
    my @values = ($group, 1, 0, 0, 0, 0, 0, 0, "''", "''", "''", "''", "''", "''", 25);
    is(scalar(() = $walk =~ /\?/g), scalar @values, 'as many binds as we give');
    (my $q = $walk) =~ s/\?/shift @values/ge;
    my ($t) = grep { $_->{table} eq 't' } explain_rows($q);
    is($t->{key}, 'tickets_desk_unassigned', 'walks the desk\'s index of unassigned tickets by group');
    unlike($t->{Extra} // '', qr/filesort/i, 'in its order: no sort');
    like($t->{type}, qr/^(ref|range)$/, 'a range of it, not a scan');
};

sql("DELETE FROM tickets WHERE org_id = $w->{org} AND year = 1995");
done_testing;
