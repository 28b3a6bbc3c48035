# The ticket page: its facts, the form's answers, the conversation and CC
# for whoever may see the ticket (requester, CC, tickets.read.org of the
# org, agents); another organisation, or a colleague without the right,
# gets 404, as for a number that does not exist.  Internal notes and their
# files are shown to agents only: never to a customer, neither in the HTML
# nor in ?format=xml, and their files do not download for customers.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $t1 = demo_ticket(1);
my $t4 = demo_ticket(4);
my ($year) = $t1 =~ /^T-(\d{4})-/;

subtest 'who may see a ticket' => sub {
    my %code = (
        'carl@acme.example'       => 200,    # requester
        'olivia@acme.example'     => 200,    # in CC
        'anna.admin@acme.example' => 200,    # tickets.read.org of Acme
        'agent@portico.example'   => 200,    # agent
        'admin@portico.example'   => 200,    # tickets.work
        'klaus@bergmann.example'  => 404,    # another org
        'paula@northwind.example' => 404,    # another org
        'editor@portico.example'  => 404,    # provider without tickets.work
    );
    for my $email (sort keys %code) {
        my $c = tk_client($email);
        is($c->get("/tickets/$t1")->code, $code{$email}, "$email: $code{$email}");
        is($c->get("/tickets/$t1?format=xml")->code, $code{$email}, "$email: XML $code{$email}");
    }
    my $carl = tk_client('carl@acme.example');
    is($carl->get("/tickets/T-$year-999999")->code, 404, 'no such number: 404');
    is($carl->get('/tickets/T-20x6-000001')->code, 404, 'malformed: 404');
    my $anon = tk_client(undef)->get("/tickets/$t1");
    is($anon->code, 303, 'anonymous: to the login page');
    like(location_path($anon), qr{^/auth/login\?next=/tickets/\Q$t1\E$}, 'and back afterwards');
    # A colleague of the org without tickets.read.org, not in CC, does not see it.
    sql("DELETE FROM ticket_cc WHERE ticket_id = 1 AND user_id = 7");
    is(tk_client('olivia@acme.example')->get("/tickets/$t1")->code, 404, 'no longer in CC: 404');
    sql("INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES (1, 7, 6, UTC_TIMESTAMP(6))");
};

subtest 'the page of a customer' => sub {
    my $carl = tk_client('carl@acme.example');
    my ($doc, $res) = $carl->get_xml("/tickets/$t1");
    is(xp($doc, '/page/@view'), 'ticket', 'view');
    my $t = '/page/ticket';
    is(xp($doc, "$t/\@number"), $t1, 'number');
    is(xp($doc, "$t/subject"), 'Label printer in dispatch prints blank labels', 'subject');
    is(xp($doc, "$t/\@status"), 'open', 'status');
    is(xp($doc, "$t/\@priority"), '3', 'priority');
    is(xp($doc, "$t/service"), 'Printer or device fault', 'service');
    is(xp($doc, "$t/group"), 'Service Desk', 'group');
    is(xp($doc, "$t/assignee"), 'Alex Agent', 'assignee');
    is(xp($doc, "$t/answers/answer[\@field='serial']/value"), 'LP-20418', 'answer');
    is(xp($doc, "$t/answers/answer[\@field='serial']/label"), 'Device serial number', 'answer label');
    is(xp($doc, "$t/cc/person"), 'Olivia Approver', 'CC');
    is(xp_count($doc, "$t/messages/message"), 3, 'three public messages');
    is(xp_count($doc, "$t/messages/message[\@kind='internal']"), 0, 'no internal note in the XML');
    unlike($doc->toString, qr/print head temperature sensor/, 'the note\'s text is nowhere in the XML');
    is(xp_count($doc, "$t/agent"), 0, 'no agents\' part');
    is(xp($doc, "$t/messages/message[2]/author/\@staff"), '1', 'the agent\'s reply is marked as staff');
    is(xp($doc, "$t/actions/\@reply"), '1', 'may reply');
    is(xp($doc, "$t/actions/\@resolve"), '1', 'may mark resolved');
    my $html = $carl->get("/tickets/$t1")->decoded_content;
    unlike($html, qr/print head temperature sensor/, 'the note\'s text is nowhere in the HTML');
    unlike($html, qr/Internal note/, 'no internal note');
    like($html, qr/Since Monday morning/, 'the description');
    like($html, qr{<time datetime=}, 'dates as <time>');

    my $de = tk_client('klaus@bergmann.example', lang => 'de');
    ($doc) = $de->get_xml("/tickets/$t4");
    is(xp($doc, '/page/ticket/service'), 'Passwort- oder Anmeldeproblem', 'service name in German');
    is(xp($doc, "/page/ticket/answers/answer[\@field='system']/value"), 'Serviceportal', 'option label in German');
    like($de->get("/tickets/$t4")->decoded_content, qr/Gelöst/, 'status in German');
};

subtest 'the page of an agent' => sub {
    my $agent = tk_client('agent@portico.example');
    my ($doc) = $agent->get_xml("/tickets/$t1");
    is(xp_count($doc, "/page/ticket/messages/message[\@kind='internal']"), 1, 'the internal note');
    like(xp($doc, "/page/ticket/messages/message[\@kind='internal']/body"), qr/temperature sensor/, 'its text');
    ok(xp_count($doc, '/page/ticket/agent/groups/group') >= 2, 'groups to assign to');
    ok(xp_count($doc, "/page/ticket/agent/agents/person[\@id='3']"), 'agents to assign to');
    ok(xp_count($doc, "/page/ticket/agent/history/change[\@field='status']"), 'history');
    is(xp($doc, '/page/ticket/org'), 'Acme Industrial Ltd', 'the org');
    my $html = $agent->get("/tickets/$t1")->decoded_content;
    like($html, qr/Internal note/, 'HTML: marked as internal');
    like($html, qr{action="/tickets/\Q$t1\E/note"}, 'HTML: the note form');
};

subtest 'files of internal notes are for agents only' => sub {
    my $agent = tk_client('agent@portico.example');
    my $carl = tk_client('carl@acme.example');
    my $updated = sql_value('SELECT updated_at FROM tickets WHERE id = 1');
    my ($doc, $res) = tk_post($agent, "/tickets/$t1/note", [note => 'Supplier quote attached.'],
        files => [file => ['quote.txt', "Print head: 240 EUR\n"]]);
    is($res->code, 303, 'note with a file: 303');
    my $fid = sql_value("SELECT f.id FROM ticket_attachments f JOIN ticket_messages m ON m.id = f.message_id"
        . " WHERE m.ticket_id = 1 AND m.kind = 'internal' AND f.filename = 'quote.txt'");
    ok($fid, 'stored');
    is($agent->get("/tickets/files/$fid/quote.txt")->code, 200, 'the agent downloads it');
    is($carl->get("/tickets/files/$fid/quote.txt")->code, 404, 'the requester does not: 404');
    is(tk_client('anna.admin@acme.example')->get("/tickets/files/$fid/quote.txt")->code, 404,
        'nor the org admin');
    ($doc) = $carl->get_xml("/tickets/$t1");
    unlike($doc->toString, qr/quote\.txt|Supplier quote/, 'neither the note nor its file on the customer\'s page');
    ($doc, $res) = tk_post($carl, "/tickets/$t1/reply", [body => 'Here is the photo.'],
        files => [file => ['label.txt', "blank\n"]]);
    is($res->code, 303, 'a public reply with a file');
    my $pid = sql_value("SELECT f.id FROM ticket_attachments f WHERE f.ticket_id = 1 AND f.filename = 'label.txt'");
    is($carl->get("/tickets/files/$pid/label.txt")->code, 200, 'the requester downloads a public file');
    is(tk_client('olivia@acme.example')->get("/tickets/files/$pid/x")->code, 200, 'and so does CC');
    is(tk_client('klaus@bergmann.example')->get("/tickets/files/$pid/x")->code, 404, 'another org: 404');
    is(tk_client(undef)->get("/tickets/files/$pid/x")->code, 303, 'anonymous: login');
    my $dl = $carl->get("/tickets/files/$pid/label.txt");
    is($dl->header('Content-Type') =~ m{^text/plain} ? 1 : 0, 1, 'served as text');
    # Put ticket 1 back as the demo had it.
    my $files = sql_rows("SELECT storage_name FROM ticket_attachments WHERE ticket_id = 1");
    sql('DELETE FROM ticket_attachments WHERE ticket_id = 1');
    sql('DELETE FROM ticket_history WHERE ticket_id = 1 AND id > (SELECT m FROM (SELECT MAX(id) m FROM ticket_history'
        . ' WHERE ticket_id = 1 AND field = \'reply\' AND new_value = \'4\') x)');
    sql("DELETE FROM ticket_messages WHERE ticket_id = 1 AND id > 4");
    unlink(File::Spec->catfile(files_dir(), 'tickets', $_->[0])) for @$files;
    sql("UPDATE tickets SET status = 'open', updated_at = '$updated' WHERE id = 1");
};

done_testing;
