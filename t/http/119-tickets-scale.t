# Lists at scale: with 30 000 tickets in one organisation, its admin's list
# (tickets.read.org), a customer's own list and the agents' queue read a
# few thousand rows at most (no scan of the table: the count stops at
# 1001, the page at 25; speed itself is measured by script/bench, not
# here), read at most 5 statements, and count no further than the pager
# needs (the page says "more than 1000"); the ticket page of a customer
# reads at most 5 statements too.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Provider qw(make_org make_user login_as);
use Portico::KB qw(statements_for rows_read_for);

my $N = 30000;
my $org = make_org(tier => 'silver');
my $admin = make_user(org_id => $org, roles => ['customer_admin']);
my $user = make_user(org_id => $org, roles => ['customer_user']);
my $email = sql_value("SELECT email FROM users WHERE id = $admin");
my $uemail = sql_value("SELECT email FROM users WHERE id = $user");

# 30 000 tickets of the admin, 3 of the user, in an old year of their own.
bulk_tickets(n => $N, year => 1999, org => $org, requester => $admin, first => 3,
    first_requester => $user, subject => 'Scale ticket', assignee => 3);

# Rows read for a page: the pager's count (at most 1 001 rows, and as many
# again to count them) and the page's walk of an index (t/http/160 tries
# every order and filter); a scan of the 30 000 would be ten times more.
my $ROWS_MAX = 3000;

my $a = login_as($email);
my $u = login_as($uemail);
my $agent = tk_client('agent@portico.example');

subtest 'the organisation\'s list' => sub {
    my ($doc) = $a->get_xml('/tickets/mine');
    is(xp_count($doc, '/page/tickets/ticket'), 25, 'a page');
    is(xp($doc, '/page/tickets/pager/@more'), '1', 'more than the count cap');
    is(xp($doc, '/page/tickets/pager/@total'), '1000', 'counted up to 1000');
    like(xp($doc, '/page/tickets/ticket[1]/@number'), qr/^T-1999-000001$/, 'newest update first');
    cmp_ok(rows_read_for($a, '/tickets/mine'), '<=', $ROWS_MAX, 'no scan');
    cmp_ok(rows_read_for($a, '/tickets/mine?status=pending&sort=oldest'), '<=', $ROWS_MAX, 'no scan with a filter, oldest first');
    cmp_ok(statements_for($a, '/tickets/mine'), '<=', 5, 'at most 5 statements');
    ($doc) = $a->get_xml('/tickets/mine?page=40');
    is(xp_count($doc, '/page/tickets/ticket'), 25, 'page 40');
    like($a->get('/tickets/mine?page=40')->decoded_content, qr/rel="next"/, 'and a next page');
};

subtest 'a customer\'s own list' => sub {
    my ($doc) = $u->get_xml('/tickets/mine');
    is(xp_count($doc, '/page/tickets/ticket'), 3, 'their three');
    is(xp($doc, '/page/tickets/pager/@total'), '3', 'counted');
    cmp_ok(rows_read_for($u, '/tickets/mine'), '<=', $ROWS_MAX, 'no scan');
    cmp_ok(statements_for($u, '/tickets/mine'), '<=', 5, 'at most 5 statements');
    cmp_ok(statements_for($u, '/tickets/T-1999-000002'), '<=', 5, 'the ticket page: at most 5 statements');
};

subtest 'the queue' => sub {
    cmp_ok(rows_read_for($agent, '/tickets/queue'), '<=', $ROWS_MAX, 'no scan');
    cmp_ok(rows_read_for($agent, '/tickets/queue?assignee=none&group=2'), '<=', $ROWS_MAX, 'unassigned of a group');
    cmp_ok(rows_read_for($agent, '/tickets/queue?status=closed&sort=oldest'), '<=', $ROWS_MAX, 'closed, oldest first');
    cmp_ok(statements_for($agent, '/tickets/queue'), '<=', 5, 'at most 5 statements');
};

sql("DELETE FROM tickets WHERE org_id = $org");
done_testing;
