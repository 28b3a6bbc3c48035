# What a ticket page costs the database, counted, not timed (speed is
# script/bench's): at most 5 statements for a customer's list, an
# organisation's list, a customer's ticket with 20 messages, the same
# ticket on an agent's page with everything the desk shows, and the
# agents' queue (the session's included); the agent's page counts the
# organisation's open tickets no further than 1 000 ("more than 1 000"),
# and, with 30 000 tickets in one organisation, every order and
# filter the lists offer reads a few thousand rows at most: the pager's
# count (up to 1 001 rows, or the text's TEXT_RECENT tickets) and the
# page's walk of an index in its order, each over the share of rows the
# other filters keep.  A scan, or a sort of the organisation's tickets,
# reads 30 000 and more.
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
my $STATEMENTS_MAX = 5;
# The count reads at most 1 001 rows of the share the filters keep (the
# scarcest filter offered keeps a sixteenth), the page three walks of 25.
my $ROWS_MAX = 5000;

my $org = make_org(tier => 'silver');
my $admin = make_user(org_id => $org, roles => ['customer_admin']);
my $user = make_user(org_id => $org, roles => ['customer_user']);
my $colleague = make_user(org_id => $org, roles => ['customer_user'], name => 'Colleague In CC');
my $email = sql_value("SELECT email FROM users WHERE id = $admin");
my $uemail = sql_value("SELECT email FROM users WHERE id = $user");
my $agent_id = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");

# 30 000 tickets of the admin in a year of their own, the first 3 the
# user's: statuses, services, groups and assignees spread evenly.
bulk_tickets(n => $N, year => 1998, org => $org, requester => $admin, first => 3,
    first_requester => $user, subject => 'Load ticket', assignee => $agent_id);

# The user's ticket T-1998-000002 with 20 messages: every fifth an internal
# note, a file on a reply and one on a note, a colleague in CC, an answer.
my $tid = sql_value("SELECT id FROM tickets WHERE number = 'T-1998-000002'");
sql("INSERT INTO ticket_messages (ticket_id, kind, via, author_id, body, created_at)"
    . " SELECT $tid, IF(seq % 5 = 0, 'internal', 'public'), 'web', IF(seq % 2 = 1, $user, $agent_id),"
    . " CONCAT('Message ', seq, ' of the conversation.'), UTC_TIMESTAMP(6) - INTERVAL 100 - seq MINUTE"
    . " FROM seq_1_to_20");
my ($m3, $m5) = map { sql_value("SELECT id FROM ticket_messages WHERE ticket_id = $tid"
    . " AND body = 'Message $_ of the conversation.'") } 3, 5;
sql("INSERT INTO ticket_attachments (ticket_id, message_id, filename, content_type, size_bytes, storage_name,"
    . " created_by, created_at) VALUES ($tid, $m3, 'photo.png', 'image/png', 1234, REPEAT('a', 64), $user,"
    . " UTC_TIMESTAMP(6)), ($tid, $m5, 'internal.pdf', 'application/pdf', 99, REPEAT('b', 64), $agent_id,"
    . " UTC_TIMESTAMP(6))");
sql("INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES ($tid, $colleague, $user, UTC_TIMESTAMP(6))");
sql("INSERT INTO ticket_answers (ticket_id, field_id, position, value)"
    . " SELECT $tid, id, 0, 'PX-20418' FROM ticket_fields WHERE service_id = 1 AND name = 'serial'");

# A canned response, for the agent's page to offer.
my $canned_name = unique_tag('Canned 160');
sql('INSERT INTO ticket_canned (name, lang, body, created_at, updated_at) VALUES ('
    . sql_quote($canned_name) . ", 'en', 'Dear {requester.name}', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");

my $a = login_as($email);
my $u = login_as($uemail);
my $agent = tk_client('agent@portico.example');

subtest 'the customer\'s ticket with 20 messages' => sub {
    my ($doc, $res) = $u->get_xml('/tickets/T-1998-000002');
    is($res->code, 200, 'opens');
    is(xp_count($doc, '/page/ticket/messages/message'), 16, 'the 16 public messages');
    is(xp_count($doc, "/page/ticket/messages/message[\@kind='internal']"), 0, 'no internal note');
    is(xp($doc, '/page/ticket/messages/message[1]/body'), 'Message 1 of the conversation.', 'in order');
    is(xp($doc, "/page/ticket/messages/message[\@id='$m3']/file"), 'photo.png', 'the reply\'s file');
    is(xp_count($doc, '//file[. = \'internal.pdf\']'), 0, 'not the note\'s file');
    is(xp($doc, '/page/ticket/cc/person'), 'Colleague In CC', 'the colleague in CC');
    is(xp($doc, "/page/ticket/answers/answer[\@field='serial']/value"), 'PX-20418', 'the answer');
    cmp_ok(statements_for($u, '/tickets/T-1998-000002'), '<=', $STATEMENTS_MAX, "at most $STATEMENTS_MAX statements");
    cmp_ok(statements_for($a, '/tickets/T-1998-000002'), '<=', $STATEMENTS_MAX,
        'for the organisation\'s admin too');
};

subtest 'the same ticket on an agent\'s page' => sub {
    my ($doc, $res) = $agent->get_xml('/tickets/T-1998-000002');
    is($res->code, 200, 'opens');
    is(xp_count($doc, '/page/ticket/messages/message'), 20, 'an agent reads all 20');
    is(xp($doc, "/page/ticket/messages/message[\@id='$m5']/file"), 'internal.pdf', 'and the note\'s file');
    my $c = '/page/ticket/agent/context';
    is(xp($doc, "$c/org/\@open"), '1000', 'the organisation\'s open tickets counted up to 1 000');
    is(xp($doc, "$c/org/\@open-more"), '1', 'and said to be more');
    is(xp($doc, "$c/requester/\@open"), '2', 'the requester\'s own: 2 of their 3 (one is resolved)');
    is(xp_count($doc, "$c/requester/\@open-more"), 0, 'exactly');
    cmp_ok(xp_count($doc, '/page/ticket/agent/agents/person'), '>=', 1, 'the agents to assign to');
    cmp_ok(xp_count($doc, '/page/ticket/agent/groups/group'), '>=', 2, 'the groups');
    is(xp($doc, "/page/ticket/agent/canned/response[\@name='$canned_name']"), 'Dear Test Person',
        'the canned responses, filled in');
    is(xp_count($doc, '/page/ticket/agent/viewers'), 1, 'who else has it open');
    my $html = $agent->get('/tickets/T-1998-000002')->decoded_content;
    like($html, qr/more than 1000 open tickets of this organisation/, 'HTML: "more than 1000"');
    like($html, qr/\b2 open tickets\b/, 'HTML: the requester\'s 2');
    my $n = statements_for($agent, '/tickets/T-1998-000002');
    cmp_ok($n, '<=', $STATEMENTS_MAX, "at most $STATEMENTS_MAX statements ($n, the record of the reader's visit included)");
    cmp_ok(rows_read_for($agent, '/tickets/T-1998-000002'), '<=', $ROWS_MAX,
        'rows read: the counts stop at 1 001, nothing else grows with the organisation');
};

subtest 'statements per list' => sub {
    cmp_ok(statements_for($u, '/tickets/mine'), '<=', $STATEMENTS_MAX, 'the customer\'s list');
    cmp_ok(statements_for($a, '/tickets/mine'), '<=', $STATEMENTS_MAX, 'the organisation\'s list');
    cmp_ok(statements_for($agent, '/tickets/queue'), '<=', $STATEMENTS_MAX, 'the queue');
    cmp_ok(statements_for($a, '/tickets/mine?q=ticket+77'), '<=', $STATEMENTS_MAX, 'a text');
};

# Every order, each status the filter offers, and each other filter alone.
my @statuses = ('', 'active', qw(new open pending resolved closed));
my @common = ((map { "status=$_" } @statuses), 'service=invoice-question', 'q=ticket+4711',
    'q=T-1998-004711', 'page=3');
my %lists = (
    'the organisation\'s list' => [$a, '/tickets/mine', @common, "requester=$user"],
    'the customer\'s list'     => [$u, '/tickets/mine', @common],
    'the queue'                => [$agent, '/tickets/queue', @common, 'group=2', 'assignee=me',
                                   'assignee=none', 'assignee=none&group=2', "assignee=$agent_id"],
);
for my $name (sort keys %lists) {
    my ($c, $base, @filters) = @{ $lists{$name} };
    subtest "rows read: $name" => sub {
        for my $sort (qw(updated newest oldest)) {
            for my $f (@filters) {
                my $path = "$base?sort=$sort&$f";
                cmp_ok(rows_read_for($c, $path), '<=', $ROWS_MAX, $path);
            }
        }
    };
}

subtest 'a text is looked for among the recent tickets, a number anywhere' => sub {
    my ($doc) = $a->get_xml('/tickets/mine?q=Load+ticket+4711');
    is(xp_count($doc, '/page/tickets/ticket'), 0, 'ticket 4711 was updated long ago: not among them');
    is(xp($doc, '/page/tickets/@text-recent'), '1000', 'the page says how many are searched');
    ($doc) = $a->get_xml('/tickets/mine?q=Load+ticket+999');
    is(join(' ', map { $_->value } $doc->findnodes('/page/tickets/ticket/@number')), 'T-1998-000999',
        'a recent one is found');
    ($doc) = $a->get_xml('/tickets/mine?q=T-1998-004711');
    is(xp($doc, '/page/tickets/ticket/@number'), 'T-1998-004711', 'by its number, however old');
    ($doc) = $a->get_xml('/tickets/mine?q=ticket+1&page=2');
    is(xp_count($doc, '/page/tickets/ticket'), 25, 'the second page of a text');
    is(xp($doc, '/page/tickets/pager/@total'), 112, 'counted: 1, 10-19, 100-199, 1000');
    ($doc) = $a->get_xml('/tickets/mine?q=ticket+1&page=9');
    is(xp_count($doc, '/page/tickets/ticket'), 0, 'past the last page: none');
    is(xp($doc, '/page/tickets/pager/@total'), 112, 'and still counted');
};

subtest 'a page past 1 000: the right tickets, in order' => sub {
    my ($doc) = $a->get_xml('/tickets/mine?status=closed&sort=oldest&page=3');
    my @n = map { $_->value } $doc->findnodes('/page/tickets/ticket/@number');
    is(scalar @n, 25, 'a full page');
    # Closed are seq 4, 9, 14, ...; the oldest have the highest seq.
    is($n[0], sprintf('T-1998-%06d', 29999 - 5 * 50), 'the 51st oldest closed');
    is($n[24], sprintf('T-1998-%06d', 29999 - 5 * 74), 'to the 75th');
    ($doc) = $a->get_xml('/tickets/mine?status=active&page=2');
    @n = map { $_->value } $doc->findnodes('/page/tickets/ticket/@number');
    is($n[0], 'T-1998-000042', 'not yet resolved, newest update first: the 26th');
    is(xp($doc, '/page/tickets/pager/@more'), '1', 'more than the count cap');
};

sql('DELETE FROM ticket_canned WHERE name = ' . sql_quote($canned_name));
sql("DELETE FROM ticket_answers WHERE ticket_id = $tid");
sql("DELETE FROM ticket_attachments WHERE ticket_id = $tid");
sql("DELETE FROM ticket_cc WHERE ticket_id = $tid");
sql("DELETE FROM ticket_messages WHERE ticket_id = $tid");
sql("DELETE FROM tickets WHERE org_id = $org");
done_testing;
