# Links between tickets (agents): a parent (no cycles, not itself), related
# tickets (once per pair, either way round), each with history on both
# tickets and an audit row; customers may not set them (403) and see a
# parent only when it is of their own organisation.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $carl = tk_client('carl@acme.example');
my $klaus = tk_client('klaus@bergmann.example');
my $agent = tk_client('agent@portico.example');
my $a = tk_raise($carl, 'other-question', [subject => 'Big outage', description => 'x']);
my $b = tk_raise($carl, 'other-question', [subject => 'Printer in hall 2', description => 'x']);
my $c = tk_raise($klaus, 'other-question', [subject => 'Drucker', description => 'x']);

subtest 'parent' => sub {
    my ($doc, $res) = tk_post($carl, "/tickets/$b/parent", [number => $a]);
    is($res->code, 403, 'a customer: 403');
    ($doc, $res) = tk_post($agent, "/tickets/$b/parent", [number => $a]);
    is($res->code, 303, 'an agent sets the parent');
    is(ticket_row($b)->{parent_id}, ticket_id($a), 'stored');
    ok(grep({ $_->{field} eq 'parent' && $_->{new} eq $a } history_rows($b)), 'history of the child');
    ok(grep({ $_->{field} eq 'child' && $_->{new} eq $b } history_rows($a)), 'history of the parent');
    is(scalar audit_for('ticket.parent', $b), 1, 'audit');
    ($doc) = $agent->get_xml("/tickets/$a");
    is(xp($doc, '/page/ticket/agent/links/child/@number'), $b, 'the parent lists its part');
    ($doc) = $carl->get_xml("/tickets/$b");
    is(xp($doc, '/page/ticket/parent/@number'), $a, 'the customer sees a parent of their org');

    ($doc, $res) = tk_post($agent, "/tickets/$a/parent", [number => $b]);
    is($res->code, 422, 'a cycle: 422');
    is(xp($doc, "/page/messages/message[\@field='number']/\@key"), 'tickets.links.cycle', 'says so');
    ($doc, $res) = tk_post($agent, "/tickets/$a/parent", [number => $a]);
    is(xp($doc, "/page/messages/message[\@field='number']/\@key"), 'tickets.links.self', 'not itself');
    ($doc, $res) = tk_post($agent, "/tickets/$a/parent", [number => 'T-1900-999999']);
    is(xp($doc, "/page/messages/message[\@field='number']/\@key"), 'tickets.links.unknown', 'unknown');
    is(xp($doc, "/page/form[\@name='parent']/field[\@name='number']"), 'T-1900-999999', 'kept');
    ($doc, $res) = tk_post($agent, "/tickets/$a/parent", [number => 'nonsense']);
    is(xp($doc, "/page/messages/message[\@field='number']/\@key"), 'tickets.links.number', 'malformed');

    ($doc, $res) = tk_post($agent, "/tickets/$c/parent", [number => $a]);
    is($res->code, 303, 'a parent of another org');
    ($doc) = $klaus->get_xml("/tickets/$c");
    is(xp_count($doc, '/page/ticket/parent'), 0, 'which its customer does not see');
    ($doc, $res) = tk_post($agent, "/tickets/$c/parent", [number => '']);
    ok(!defined ticket_row($c)->{parent_id}, 'cleared');
};

subtest 'related' => sub {
    my ($doc, $res) = tk_post($carl, "/tickets/$a/related", [number => $c]);
    is($res->code, 403, 'a customer: 403');
    ($doc, $res) = tk_post($agent, "/tickets/$c/related", [number => $a]);
    is($res->code, 303, 'an agent links');
    my ($ia, $ic) = (ticket_id($a), ticket_id($c));
    my ($lo, $hi) = $ia < $ic ? ($ia, $ic) : ($ic, $ia);
    is(sql_value("SELECT COUNT(*) FROM ticket_links WHERE ticket_id = $lo AND related_id = $hi"), 1, 'one row');
    ($doc, $res) = tk_post($agent, "/tickets/$a/related", [number => $c]);
    is(sql_value("SELECT COUNT(*) FROM ticket_links WHERE $ia IN (ticket_id, related_id)"), 1, 'still one, either way round');
    ($doc) = $agent->get_xml("/tickets/$a");
    is(xp($doc, '/page/ticket/agent/links/related/@number'), $c, 'shown on one');
    ($doc) = $agent->get_xml("/tickets/$c");
    is(xp($doc, '/page/ticket/agent/links/related/@number'), $a, 'and the other');
    ok(grep({ $_->{field} eq 'related' && $_->{new} eq $a } history_rows($c)), 'history');
    is(scalar audit_for('ticket.related.add', $c), 1, 'audit');
    ($doc) = $klaus->get_xml("/tickets/$c");
    unlike($doc->toString, qr/\Q$a\E|Big outage/, 'the customer sees nothing of the other org\'s ticket');
    ($doc, $res) = tk_post($agent, "/tickets/$a/related/remove", [number => $c]);
    is($res->code, 303, 'unlinked');
    is(sql_value("SELECT COUNT(*) FROM ticket_links WHERE $ia IN (ticket_id, related_id)"), 0, 'gone');
    is(scalar audit_for('ticket.related.remove', $a), 1, 'audit');
};

done_testing;
