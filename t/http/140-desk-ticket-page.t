# The desk's part of the ticket page: agents see the requester's and the
# organisation's context (tier, open tickets, the link to them), who else
# had the ticket open lately ("... is also viewing this ticket"), the time
# spent with its form; customers see none of it, not even in the XML, and
# are never recorded as viewers.  Time spent: minutes or h:mm with a note,
# written with history and audit; invalid input is 422 with the values
# kept; customers and anonymous visitors get 403, a form without the
# CSRF token 403.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
my $manager = tk_client('manager@portico.example');
my $n = tk_raise($carl, 'other-question', [subject => 'Desk page test', description => 'Hello desk']);
my $id = ticket_id($n);

subtest 'context for agents' => sub {
    my ($doc, $res) = $agent->get_xml("/tickets/$n");
    is($res->code, 200, 'the agent opens the ticket');
    my $c = '/page/ticket/agent/context';
    is(xp($doc, "$c/requester"), 'Carl Customer', 'requester');
    is(xp($doc, "$c/requester/\@email"), 'carl@acme.example', 'e-mail');
    is(xp($doc, "$c/org"), 'Acme Industrial Ltd', 'organisation');
    is(xp($doc, "$c/org/\@tier"), sql_value('SELECT tier FROM orgs WHERE id = 2'), 'its tier');
    is(xp($doc, "$c/org/\@open"),
        sql_value("SELECT COUNT(*) FROM tickets WHERE org_id = 2 AND status IN ('new','open','pending')"),
        'its open tickets');
    is(xp($doc, "$c/requester/\@open"),
        sql_value("SELECT COUNT(*) FROM tickets WHERE requester_id = 6 AND status IN ('new','open','pending')"),
        'the requester\'s open tickets');
    is(xp($doc, "$c/org/\@href"), '/tickets/desk?view=all&org=2', 'the list of them');
    is(xp_count($doc, "$c/contracts"), 0, 'no contracts made up');
    is(xp($doc, '/page/ticket/agent/time/@total'), '0', 'no time spent yet');
    my $html = $agent->get("/tickets/$n")->decoded_content;
    like($html, qr{<h2 id="context-title">Requester and organisation</h2>}, 'HTML: the context card');
    like($html, qr{href="/tickets/desk\?view=all&amp;org=2"}, 'HTML: the link to the org\'s tickets');
};

subtest 'customers see none of it' => sub {
    my ($doc, $res) = $carl->get_xml("/tickets/$n");
    is($res->code, 200, 'the requester opens the ticket');
    is(xp_count($doc, '/page/ticket/agent'), 0, 'no agent part');
    is(xp_count($doc, '//viewers | //canned | //context | //time'), 0, 'no viewers, canned, context, time');
    is(sql_value("SELECT COUNT(*) FROM ticket_viewers WHERE ticket_id = $id AND user_id = 6"), 0,
        'the customer is not recorded as a viewer');
    my $html = $carl->get("/tickets/$n")->decoded_content;
    unlike($html, qr/also viewing|time-title|merge-title|context-title|name="canned"/, 'HTML: nothing of the desk');
    is($carl->get("/tickets/$n/viewers")->code, 403, 'the viewers fragment: 403');
    my $anon = tk_client(undef)->get("/tickets/$n/viewers");
    is($anon->code, 303, 'anonymous: to the login page');
};

subtest 'also viewing' => sub {
    sql("DELETE FROM ticket_viewers WHERE ticket_id = $id");
    $agent->get_xml("/tickets/$n");
    is(sql_value("SELECT COUNT(*) FROM ticket_viewers WHERE ticket_id = $id AND user_id = 3"), 1,
        'the agent\'s visit is recorded');
    my ($doc) = $agent->get_xml("/tickets/$n");
    is(xp_count($doc, '/page/ticket/agent/viewers/person'), 0, 'nobody else: no one named');
    ($doc) = $manager->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/agent/viewers/person'), 'Alex Agent', 'the manager sees the agent');
    my $html = $manager->get("/tickets/$n")->decoded_content;
    like($html, qr{<strong>Alex Agent</strong> is also viewing this ticket\.}, 'HTML: the notice');
    ($doc) = $agent->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/agent/viewers/person'), 'Max Manager', 'and the agent the manager');
    my $frag = $agent->get("/tickets/$n/viewers");
    is($frag->code, 200, 'the fragment for the script');
    like($frag->decoded_content, qr{^<div class="tk-viewers"><p class="alert alert-info tk-viewers-notice"><strong>Max Manager</strong> is also viewing},
        'the fragment is the notice alone');
    sql("UPDATE ticket_viewers SET seen_at = seen_at - INTERVAL 3 MINUTE WHERE ticket_id = $id AND user_id = 2");
    ($doc) = $agent->get_xml("/tickets/$n");
    is(xp_count($doc, '/page/ticket/agent/viewers/person'), 0, 'three minutes later the manager is gone');
    my $de = tk_client('manager@portico.example', lang => 'de');
    sql("UPDATE users SET language = 'de' WHERE id = 2");
    $html = $de->get("/tickets/$n")->decoded_content;
    sql("UPDATE users SET language = NULL WHERE id = 2");
    like($html, qr{<strong>Alex Agent</strong> sieht sich dieses Ticket ebenfalls gerade an\.}, 'in German');
};

subtest 'time spent' => sub {
    my ($doc, $res) = tk_post($agent, "/tickets/$n/time", [minutes => '45', 'time-note' => 'Phone call']);
    is($res->code, 303, 'recorded: 303');
    like(location_path($res), qr{^/tickets/\Q$n\E\?done=time}, 'back to the ticket');
    my $r = sql_rows("SELECT user_id, minutes, note FROM ticket_time_entries WHERE ticket_id = $id ORDER BY id");
    is_deeply($r, [[3, 45, 'Phone call']], 'the entry');
    ok(grep({ $_->{field} eq 'time' && $_->{new} eq '45' && $_->{user} == 3 } history_rows($n)), 'history');
    my @a = audit_for('ticket.time', $n);
    is(scalar @a, 1, 'audit');
    like($a[0]{after}, qr/"minutes":45,"note":"Phone call"/, 'audit: what');
    ($doc, $res) = tk_post($agent, "/tickets/$n/time", [minutes => '1:30', 'time-note' => '']);
    is($res->code, 303, 'h:mm');
    is(sql_value("SELECT minutes FROM ticket_time_entries WHERE ticket_id = $id ORDER BY id DESC LIMIT 1"), 90,
        '1:30 is 90 minutes');
    ($doc) = $agent->get_xml("/tickets/$n?done=time");
    is(xp($doc, '/page/ticket/agent/time/@total'), '135', 'the total');
    is(xp_count($doc, '/page/ticket/agent/time/entry'), 2, 'both entries');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.done.time', 'said so');
    my $html = $agent->get("/tickets/$n")->decoded_content;
    like($html, qr{Total: <strong>2 h 15 min</strong>}, 'HTML: the total in hours and minutes');

    for my $bad (['', 'tickets.time.required'], ['abc', 'tickets.time.invalid'], ['0', 'tickets.time.invalid'],
        ['1441', 'tickets.time.invalid'], ['2:75', 'tickets.time.invalid'], ['-5', 'tickets.time.invalid']) {
        ($doc, $res) = tk_post($agent, "/tickets/$n/time", [minutes => $bad->[0], 'time-note' => 'kept']);
        is($res->code, 422, "'$bad->[0]': 422");
        is(xp($doc, "/page/messages/message[\@field='minutes']/\@key"), $bad->[1], "'$bad->[0]': message");
        is(xp($doc, "/page/form[\@name='time']/field[\@name='time-note']"), 'kept', "'$bad->[0]': note kept");
        is(xp($doc, "/page/form[\@name='time']/field[\@name='minutes']"), $bad->[0], "'$bad->[0]': minutes kept");
    }
    ($doc, $res) = tk_post($agent, "/tickets/$n/time", [minutes => '5', 'time-note' => 'x' x 501]);
    is($res->code, 422, 'a long note: 422');
    is(xp($doc, "/page/messages/message[\@field='time-note']/\@max"), '500', 'the bound is said');
    is(sql_value("SELECT COUNT(*) FROM ticket_time_entries WHERE ticket_id = $id"), 2, 'nothing more written');

    ($doc, $res) = tk_post($carl, "/tickets/$n/time", [minutes => '5']);
    is($res->code, 403, 'a customer: 403');
    ($doc, $res) = tk_post(tk_client(undef), "/tickets/$n/time", [minutes => '5']);
    is($res->code, 403, 'anonymous: 403');
    ($doc, $res) = tk_post($agent, "/tickets/$n/time", [minutes => '5'], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    ($doc, $res) = tk_post($agent, '/tickets/T-1999-999999/time', [minutes => '5']);
    is($res->code, 404, 'no such ticket: 404');
    is(sql_value("SELECT COUNT(*) FROM ticket_time_entries WHERE ticket_id = $id"), 2, 'none of them wrote');
};

done_testing;
