# The ticket pages read the same rows however many tickets other
# organisations have: every statement of the customer's ticket page, the
# organisation admin's, the agent's (with the desk's context, history,
# links, time spent, clocks, survey, who else has it open, canned
# responses) and the customers' lists finds its rows through an index on
# the ticket or the organisation, so tickets of another organisation,
# each with messages, files, answers, CC, history, time spent, viewers,
# links, clocks and a survey, change nothing read for them
# (rows_read_for: Handler_read_next, _prev and _rnd_next, the fewest of
# several tries).  Measured three times: with the demo data, after 1 500
# such tickets and after 1 500 more.  The last two read exactly the same;
# neither reads more than the first (where a table is small, the
# optimizer may find a scan of it cheaper than an index: fewer rows read
# later is fine, more never).  A scan of the grown tables, or an index
# that the new rows make the optimizer leave, shows as more.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Provider qw(make_org make_user login_as);
use Portico::KB qw(statements_for rows_read_for);

my $OTHER_N = 1500;	# tickets of the other organisation, twice
my $agent_id = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
my $policy = sql_value('SELECT id FROM sla_policies ORDER BY id LIMIT 1');
my $serial = sql_value("SELECT id FROM ticket_fields WHERE service_id = 1 AND name = 'serial'");

# The organisation whose pages are measured: 30 tickets, the first 3 the user's.
my $org = make_org(tier => 'gold');
my $admin = make_user(org_id => $org, roles => ['customer_admin']);
my $user = make_user(org_id => $org, roles => ['customer_user']);
my $colleague = make_user(org_id => $org, roles => ['customer_user'], name => 'Colleague In CC');
bulk_tickets(n => 30, year => 1996, org => $org, requester => $admin, first => 3,
    first_requester => $user, subject => 'Measured ticket', assignee => $agent_id);
# The other organisation and its person exist from the start: only tickets come later.
my $other = make_org(tier => 'bronze');
my $other_user = make_user(org_id => $other, roles => ['customer_user']);
my $other_cc = make_user(org_id => $other, roles => ['customer_user']);

# Rows of every kind the pages read, for each ticket of org $o of year $y: 3 messages
# (the third an internal note, the first by $requester with a file), an
# answer, 2 changes, time spent, a viewer, a link to the next ticket, 2
# clocks, a survey, $cc in CC; and every tenth a child of the first.
sub ticket_rows {
    my ($o, $y, $requester, $cc) = @_;
    my $ids = "SELECT id FROM tickets WHERE org_id = $o AND year = $y";
    sql(join ';',
        "INSERT INTO ticket_messages (ticket_id, kind, via, author_id, body, created_at)"
        . " SELECT t.id, IF(s.seq = 3, 'internal', 'public'), 'web', IF(s.seq = 1, $requester, $agent_id),"
        . " CONCAT('Message ', s.seq), UTC_TIMESTAMP(6) - INTERVAL 100 - s.seq MINUTE"
        . " FROM tickets t JOIN seq_1_to_3 s WHERE t.org_id = $o AND t.year = $y",
        "INSERT INTO ticket_attachments (ticket_id, message_id, filename, content_type, size_bytes,"
        . " storage_name, created_by, created_at) SELECT m.ticket_id, m.id, 'photo.png', 'image/png', 1234,"
        . " SHA2(CONCAT('t161-', m.id), 256), $requester, UTC_TIMESTAMP(6) FROM ticket_messages m"
        . " WHERE m.ticket_id IN ($ids) AND m.body = 'Message 1'",
        "INSERT INTO ticket_answers (ticket_id, field_id, position, value)"
        . " SELECT id, $serial, 0, 'PX-1' FROM tickets WHERE org_id = $o AND year = $y",
        "INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value)"
        . " SELECT t.id, UTC_TIMESTAMP(6), $agent_id, 'status', 'new', 'open'"
        . " FROM tickets t JOIN seq_1_to_2 s WHERE t.org_id = $o AND t.year = $y",
        "INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at)"
        . " SELECT id, $agent_id, 15, 'Looked at it', UTC_TIMESTAMP(6) FROM tickets"
        . " WHERE org_id = $o AND year = $y",
        "INSERT INTO ticket_viewers (ticket_id, user_id, seen_at)"
        . " SELECT id, $agent_id, UTC_TIMESTAMP(6) FROM tickets WHERE org_id = $o AND year = $y",
        "INSERT INTO ticket_links (ticket_id, related_id, created_by, created_at)"
        . " SELECT t.id, n.id, $agent_id, UTC_TIMESTAMP(6) FROM tickets t"
        . " JOIN tickets n ON n.year = t.year AND n.seq = t.seq + 1"
        . " WHERE t.org_id = $o AND t.year = $y",
        "INSERT INTO ticket_sla_clocks (ticket_id, kind, policy_id, state, target_s, since, due_at,"
        . " warn_at) SELECT t.id, k.kind, $policy, 'running', 28800, UTC_TIMESTAMP(6),"
        . " UTC_TIMESTAMP(6) + INTERVAL 60 DAY, UTC_TIMESTAMP(6) + INTERVAL 50 DAY"
        . " FROM tickets t JOIN (SELECT 'first_response' AS kind UNION ALL SELECT 'resolution') k"
        . " WHERE t.org_id = $o AND t.year = $y",
        "INSERT INTO ticket_surveys (ticket_id, requester_id, org_id, service_id, sent_at, expires_at,"
        . " rating, answered_round, answered_at) SELECT id, requester_id, org_id, service_id,"
        . " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 30 DAY, 4, 1, UTC_TIMESTAMP(6)"
        . " FROM tickets WHERE org_id = $o AND year = $y",
        "INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at)"
        . " SELECT id, $cc, $requester, UTC_TIMESTAMP(6) FROM tickets"
        . " WHERE org_id = $o AND year = $y");
    # Children: every tenth ticket has the first as its parent.
    my $first = sql_value("SELECT MIN(id) FROM tickets WHERE org_id = $o AND year = $y");
    sql("UPDATE tickets SET parent_id = $first WHERE org_id = $o AND year = $y AND seq % 10 = 0");
    sql('ANALYZE TABLE tickets, ticket_messages, ticket_attachments, ticket_answers, ticket_history,'
        . ' ticket_time_entries, ticket_viewers, ticket_links, ticket_sla_clocks, ticket_surveys, ticket_cc');
}

ticket_rows($org, 1996, $user, $colleague);

my $u = login_as(sql_value("SELECT email FROM users WHERE id = $user"));
my $a = login_as(sql_value("SELECT email FROM users WHERE id = $admin"));
my $agent = tk_client('agent@portico.example');
my %pages = (
    'the customer\'s ticket'        => [$u, '/tickets/T-1996-000002'],
    'the organisation admin\'s view' => [$a, '/tickets/T-1996-000002'],
    'the agent\'s ticket page'       => [$agent, '/tickets/T-1996-000002'],
    'the customer\'s list'          => [$u, '/tickets/mine'],
    'the organisation\'s list'      => [$a, '/tickets/mine'],
    'the organisation\'s, filtered' => [$a, '/tickets/mine?status=pending&sort=oldest'],
    'the organisation\'s, a text'   => [$a, '/tickets/mine?q=Measured+ticket+2'],
);

subtest 'the pages show what they should' => sub {
    my ($doc) = $agent->get_xml('/tickets/T-1996-000002');
    is(xp_count($doc, '/page/ticket/messages/message'), 3, 'the agent: 3 messages');
    is(xp_count($doc, '/page/ticket/agent/history/change'), 2, 'the history');
    is(xp_count($doc, '/page/ticket/agent/links/related'), 2, 'the related tickets, both ways');
    is(xp_count($doc, '/page/ticket/agent/time/entry'), 1, 'the time spent');
    is(xp_count($doc, '/page/ticket/sla/clock'), 2, 'the clocks');
    is(xp($doc, '/page/ticket/survey/answer/@rating'), '4', 'the survey');
    ($doc) = $u->get_xml('/tickets/T-1996-000002');
    is(xp_count($doc, '/page/ticket/messages/message'), 2, 'the customer: the 2 public messages');
    is(xp($doc, '/page/ticket/cc/person'), 'Colleague In CC', 'the colleague in CC');
    ($doc) = $u->get_xml('/tickets/mine');
    is(xp_count($doc, '/page/tickets/ticket'), 3, 'the customer\'s 3 tickets');
};

# The rows each page reads, after $OTHER_N more tickets of the other organisation in year $y.
sub measure {
    my ($y) = @_;
    if ($y) {
        bulk_tickets(n => $OTHER_N, year => $y, org => $other, requester => $other_user,
            subject => 'Elsewhere', assignee => $agent_id);
        ticket_rows($other, $y, $other_user, $other_cc);
    }
    return { map { $_ => rows_read_for(@{ $pages{$_} }) } keys %pages };
}

my $demo = measure();
ok(!grep({ $_ < 0 } values %$demo), 'every page answers 200')
    or diag(join ', ', map { "$_: $demo->{$_}" } sort keys %$demo);
my $mid = measure(1995);
my $grown = measure(1994);
for my $name (sort keys %pages) {
    note("$name: rows read $demo->{$name} (demo data), $mid->{$name}, $grown->{$name}");
    is($grown->{$name}, $mid->{$name}, "$name: $mid->{$name} rows read, and as many with twice the tickets");
    cmp_ok($grown->{$name}, '<=', $demo->{$name}, "$name: not more than with the demo data ($demo->{$name})");
}

subtest 'statements, for the record' => sub {
    for my $name (sort keys %pages) {
        my $n = statements_for(@{ $pages{$name} });
        cmp_ok($n, '<=', 5, "$name: $n statements");
    }
};

sql("DELETE FROM ticket_links WHERE ticket_id IN (SELECT id FROM tickets WHERE org_id IN ($org, $other))");
sql("UPDATE tickets SET parent_id = NULL WHERE org_id IN ($org, $other)");
sql("DELETE FROM ticket_answers WHERE ticket_id IN (SELECT id FROM tickets WHERE org_id IN ($org, $other))");
sql("DELETE FROM ticket_time_entries WHERE ticket_id IN (SELECT id FROM tickets WHERE org_id IN ($org, $other))");
sql("DELETE FROM ticket_history WHERE ticket_id IN (SELECT id FROM tickets WHERE org_id IN ($org, $other))");
sql("DELETE FROM ticket_surveys WHERE org_id IN ($org, $other)");
sql("DELETE FROM tickets WHERE org_id IN ($org, $other)");
done_testing;
