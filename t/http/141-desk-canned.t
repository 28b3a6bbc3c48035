# Canned responses.  Agents (and service administrators) keep the list
# at /tickets/canned: create, edit and delete, each with its audit row;
# a missing or too long name, an unknown language, an empty text, an
# unknown placeholder and a name taken in that language are 422 with
# every value kept; customers get 403 and anonymous visitors the login
# page.  On an agent's ticket page the reply form offers one variant per
# name in the requester's language (else the agent's, else English) with
# the placeholders filled; "Insert" without script puts the text into
# the reply and shows the page again.  Customers never get canned
# responses.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $agent = tk_client('agent@portico.example');
my $carl = tk_client('carl@acme.example');
my $klaus = tk_client('klaus@bergmann.example');
my $tag = unique_tag();
my $name = "Greeting $tag";
my @ids;

END { sql("DELETE FROM ticket_canned WHERE name LIKE '%$tag%'") if $tag }

sub canned_row {
    my ($id) = @_;
    my $r = sql_rows("SELECT name, lang, body, created_by, updated_by FROM ticket_canned WHERE id = $id");
    return $r->[0];
}

subtest 'who may' => sub {
    for my $path ('/tickets/canned', '/tickets/canned/new') {
        is($carl->get($path)->code, 403, "$path: a customer gets 403");
        my $res = tk_client(undef)->get($path);
        is($res->code, 303, "$path: anonymous to the login page");
        like(location_path($res), qr{^/auth/login}, "$path: the login page");
        is($agent->get($path)->code, 200, "$path: an agent");
    }
    is(tk_client('admin@portico.example')->get('/tickets/canned')->code, 200, 'an admin');
    my ($doc, $res) = tk_post($carl, '/tickets/canned/new', [name => 'x', lang => 'en', body => 'y']);
    is($res->code, 403, 'a customer cannot create one');
    ($doc, $res) = tk_post($agent, '/tickets/canned/new', [name => "x $tag", lang => 'en', body => 'y'], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    is(sql_value("SELECT COUNT(*) FROM ticket_canned WHERE name LIKE '%$tag%'"), 0, 'nothing written');
};

subtest 'create, list, edit' => sub {
    my ($doc, $res) = tk_post($agent, '/tickets/canned/new', [name => $name, lang => 'en',
        body => "Hello {requester.name},\r\n\r\nabout {ticket.number} ({ticket.subject}) for {org.name}.\r\n\r\n{agent.name}"]);
    is($res->code, 303, 'created: 303');
    is(location_path($res), '/tickets/canned?done=created', 'to the list');
    my $id = sql_value('SELECT id FROM ticket_canned WHERE name = ' . sql_quote($name) . " AND lang = 'en'");
    ok($id, 'the row');
    push @ids, $id;
    my $r = canned_row($id);
    is($r->[2], "Hello {requester.name},\n\nabout {ticket.number} ({ticket.subject}) for {org.name}.\n\n{agent.name}",
        'the text, line ends as LF');
    is("$r->[3]/$r->[4]", '3/3', 'by the agent');
    my @a = @{ sql_rows("SELECT user_id, after_json FROM audit_log WHERE action = 'ticket.canned.create'"
        . " AND object_type = 'ticket_canned' AND object_id = '$id'") };
    is(scalar @a, 1, 'audit');
    like($a[0][1], qr/"name":"\Q$name\E","lang":"en"/, 'audit: what');

    ($doc, $res) = tk_post($agent, '/tickets/canned/new', [name => $name, lang => 'de',
        body => "Guten Tag {requester.name},\n\nzu {ticket.number}.\n\n{agent.name}"]);
    is($res->code, 303, 'the German variant');
    push @ids, sql_value('SELECT id FROM ticket_canned WHERE name = ' . sql_quote($name) . " AND lang = 'de'");

    ($doc) = $agent->get_xml("/tickets/canned?q=$tag");
    is(xp_count($doc, '/page/canned-list/response'), 2, 'the list has both');
    is(join(',', xp_list($doc, '/page/canned-list/response/@lang')), 'de,en', 'by name and language');
    is(xp($doc, '/page/canned-list/pager/@total'), 2, 'counted');
    ($doc) = $agent->get_xml("/tickets/canned?q=$tag&lang=de");
    is(xp_count($doc, '/page/canned-list/response'), 1, 'filtered by language');

    ($doc, $res) = $agent->get_xml("/tickets/canned/$ids[0]");
    is($res->code, 200, 'the edit form');
    is(xp($doc, "/page/form[\@name='canned']/field[\@name='name']"), $name, 'its name');
    ($doc, $res) = tk_post($agent, "/tickets/canned/$ids[0]", [name => $name, lang => 'en',
        body => "Hello {requester.name},\n\nabout {ticket.number} ({ticket.subject}) for {org.name}.\n\nRegards,\n{agent.name}"]);
    is($res->code, 303, 'saved');
    like(canned_row($ids[0])->[2], qr/Regards,\n\{agent\.name\}$/, 'the new text');
    @a = @{ sql_rows("SELECT before_json, after_json FROM audit_log WHERE action = 'ticket.canned.update'"
        . " AND object_id = '$ids[0]'") };
    is(scalar @a, 1, 'audit');
    unlike($a[0][0], qr/Regards/, 'audit: before');
    like($a[0][1], qr/Regards/, 'audit: after');
    is($agent->get('/tickets/canned/999999999')->code, 404, 'no such response: 404');
};

subtest '422 keeps every value' => sub {
    my ($doc, $res) = tk_post($agent, '/tickets/canned/new', [name => '', lang => 'fr', body => " \n "]);
    is($res->code, 422, 'empty: 422');
    my %m = map { $_->getAttribute('field') => $_->getAttribute('key') } $doc->findnodes("/page/messages/message[\@kind='error']");
    is($m{name}, 'tickets.canned.name.required', 'name required');
    is($m{lang}, 'tickets.canned.lang.invalid', 'unknown language');
    is($m{body}, 'tickets.body.required', 'text required');
    is(xp($doc, "/page/form[\@name='canned']/field[\@name='lang']"), 'fr', 'language kept');

    ($doc, $res) = tk_post($agent, '/tickets/canned/new', [name => 'N' x 101, lang => 'en', body => 'Dear {customer.name}']);
    is($res->code, 422, 'too long, unknown placeholder: 422');
    %m = map { $_->getAttribute('field') => $_->getAttribute('key') } $doc->findnodes("/page/messages/message[\@kind='error']");
    is($m{name}, 'tickets.canned.name.too-long', 'name too long');
    is(xp($doc, "/page/messages/message[\@field='name']/\@max"), 100, 'the bound');
    is($m{body}, 'tickets.canned.placeholder', 'unknown placeholder');
    is(xp($doc, "/page/form[\@name='canned']/field[\@name='body']"), 'Dear {customer.name}', 'text kept');
    is(xp($doc, "/page/form[\@name='canned']/field[\@name='name']"), 'N' x 101, 'name kept');

    ($doc, $res) = tk_post($agent, '/tickets/canned/new', [name => $name, lang => 'en', body => 'Another']);
    is($res->code, 422, 'name taken in that language: 422');
    is(xp($doc, "/page/messages/message[\@field='name']/\@key"), 'tickets.canned.name.taken', 'says so');
    is(xp($doc, "/page/form[\@name='canned']/field[\@name='body']"), 'Another', 'kept');
    ($doc, $res) = tk_post($agent, "/tickets/canned/$ids[1]", [name => $name, lang => 'en', body => 'Clash']);
    is($res->code, 422, 'editing into a taken name: 422');
    is(canned_row($ids[1])->[1], 'de', 'unchanged');
    ($doc, $res) = tk_post($agent, "/tickets/canned/$ids[1]", [name => '', lang => 'de', body => 'x']);
    is($res->code, 422, 'edit with an empty name: 422');
    is(xp($doc, '/page/canned-form/@id'), $ids[1], 'the same form');
    is(xp($doc, "/page/form[\@name='canned']/field[\@name='body']"), 'x', 'kept');
    is(sql_value("SELECT COUNT(*) FROM ticket_canned WHERE name LIKE '%$tag%'"), 2, 'nothing else written');
};

subtest 'on the ticket page' => sub {
    my $n = tk_raise($carl, 'other-question', [subject => 'Canned test', description => 'Please help']);
    my ($doc) = $agent->get_xml("/tickets/$n");
    my ($r) = $doc->findnodes("/page/ticket/agent/canned/response[\@name='$name']");
    ok($r, 'offered');
    is($r->getAttribute('lang'), 'en', 'in the requester\'s language');
    is($r->textContent, "Hello Carl Customer,\n\nabout $n (Canned test) for Acme Industrial Ltd.\n\nRegards,\nAlex Agent",
        'placeholders filled');
    my $html = $agent->get("/tickets/$n")->decoded_content;
    like($html, qr{<option value="$ids[0]" data-body="Hello Carl Customer,}, 'HTML: the text for the script');
    like($html, qr{formaction="/tickets/\Q$n\E/canned"}, 'HTML: Insert without script');

    my $k = tk_raise($klaus, 'other-question', [subject => 'Textbaustein', description => 'Hallo']);
    ($doc) = $agent->get_xml("/tickets/$k");
    ($r) = $doc->findnodes("/page/ticket/agent/canned/response[\@name='$name']");
    is($r->getAttribute('lang'), 'de', 'German for the German requester');
    like($r->textContent, qr/^Guten Tag Klaus Bergmann,/, 'filled');

    ($doc) = $carl->get_xml("/tickets/$n");
    is(xp_count($doc, '//canned'), 0, 'the customer gets none');
    unlike($carl->get("/tickets/$n")->decoded_content, qr/\Q$tag\E/, 'not in the HTML either');

    my ($d2, $res) = tk_post($agent, "/tickets/$n/canned", [canned => $ids[0], body => "First line\r\n", after => 'resolved']);
    is($res->code, 200, 'Insert: the page again');
    is(xp($d2, "/page/form[\@name='reply']/field[\@name='body']"),
        "First line\n\nHello Carl Customer,\n\nabout $n (Canned test) for Acme Industrial Ltd.\n\nRegards,\nAlex Agent",
        'the text after what was typed');
    is(xp($d2, "/page/form[\@name='reply']/field[\@name='after']"), 'resolved', 'the status choice kept');
    is(scalar message_rows($n), 1, 'nothing sent');
    ($d2, $res) = tk_post($agent, "/tickets/$n/canned", [canned => '', body => 'typed']);
    is($res->code, 422, 'nothing chosen: 422');
    is(xp($d2, "/page/messages/message[\@field='canned']/\@key"), 'tickets.canned.choose', 'says so');
    is(xp($d2, "/page/form[\@name='reply']/field[\@name='body']"), 'typed', 'what was typed is kept');
    ($d2, $res) = tk_post($carl, "/tickets/$n/canned", [canned => $ids[0], body => '']);
    is($res->code, 403, 'a customer: 403');
};

subtest 'delete' => sub {
    my ($doc, $res) = tk_post($carl, "/tickets/canned/$ids[1]/delete", []);
    is($res->code, 403, 'a customer: 403');
    ($doc, $res) = tk_post($agent, "/tickets/canned/$ids[1]/delete", [confirm => 1], no_csrf => 1);
    is($res->code, 403, 'no CSRF: 403');
    ($doc, $res) = tk_post($agent, "/tickets/canned/$ids[1]/delete", []);
    is($res->code, 303, 'deleted');
    is(sql_value("SELECT COUNT(*) FROM ticket_canned WHERE id = $ids[1]"), 0, 'gone');
    my @a = @{ sql_rows("SELECT before_json FROM audit_log WHERE action = 'ticket.canned.delete' AND object_id = '$ids[1]'") };
    is(scalar @a, 1, 'audit');
    like($a[0][0], qr/Guten Tag/, 'audit keeps what it was');
    ($doc, $res) = tk_post($agent, "/tickets/canned/$ids[1]/delete", []);
    is($res->code, 404, 'twice: 404');
};

done_testing;
