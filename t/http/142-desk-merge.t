# Merging a duplicate into another ticket: the conversation (messages and
# their files) moves to the target, the duplicate is closed with
# merged_into pointing to the target and a system line on both, its
# requester and CC follow the target in CC, with history on both and an
# audit row each.  Refused with 422 (value kept): itself, an unknown
# number, another organisation's ticket, a ticket merged already, a
# closed or merged target.  Customers and anonymous visitors get 403, a
# form without the CSRF token 403.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $carl = tk_client('carl@acme.example');
my $anna = tk_client('anna.admin@acme.example');
my $agent = tk_client('agent@portico.example');
my $klaus = tk_client('klaus@bergmann.example');

my $dup = tk_raise($carl, 'other-question', [subject => 'Printer again', description => 'Duplicate text']);
my $keep = tk_raise($anna, 'other-question', [subject => 'Printer broken', description => 'Original text']);
my ($dup_id, $keep_id) = (ticket_id($dup), ticket_id($keep));

sub refused {
    my ($into, $key, $what, $on) = @_;
    my ($doc, $res) = tk_post($agent, '/tickets/' . ($on // $dup) . '/merge', [into => $into]);
    is($res->code, 422, "$what: 422");
    is(xp($doc, "/page/messages/message[\@field='into']/\@key"), $key, "$what: message");
    is(xp($doc, "/page/form[\@name='merge']/field[\@name='into']"), $into, "$what: value kept");
}

subtest 'who may' => sub {
    my ($doc, $res) = tk_post($carl, "/tickets/$dup/merge", [into => $keep]);
    is($res->code, 403, 'a customer: 403');
    ($doc, $res) = tk_post(tk_client(undef), "/tickets/$dup/merge", [into => $keep]);
    is($res->code, 403, 'anonymous: 403');
    ($doc, $res) = tk_post($agent, "/tickets/$dup/merge", [into => $keep], no_csrf => 1);
    is($res->code, 403, 'no CSRF token: 403');
    ($doc, $res) = tk_post($agent, '/tickets/T-1999-999999/merge', [into => $keep]);
    is($res->code, 404, 'no such ticket: 404');
    is(ticket_row($dup)->{status}, 'new', 'nothing changed');
};

subtest 'refused' => sub {
    refused('', 'tickets.merge.required', 'empty');
    refused('T-26-1', 'tickets.merge.number', 'not a number');
    refused($dup, 'tickets.merge.self', 'itself');
    refused('T-1999-999999', 'tickets.merge.unknown', 'unknown');
    my $other = tk_raise($klaus, 'other-question', [subject => 'Drucker', description => 'x']);
    refused($other, 'tickets.merge.other-org', 'another organisation');
    my $closed = tk_raise($carl, 'other-question', [subject => 'Closed one', description => 'x']);
    set_ticket($closed, status => "'closed'", closed_at => 'UTC_TIMESTAMP(6)');
    refused($closed, 'tickets.merge.target-closed', 'a closed target');
    is(scalar message_rows($dup), 1, 'nothing moved');
};

subtest 'merge' => sub {
    my ($doc, $res) = tk_post($carl, "/tickets/$dup/cc", [email => 'olivia@acme.example']);
    is($res->code, 303, 'olivia in CC of the duplicate');
    ($doc, $res) = tk_post($agent, "/tickets/$dup/reply", [body => 'We are on it.']);
    is($res->code, 303, 'an answer on the duplicate');
    ($doc, $res) = tk_post($agent, "/tickets/$dup/note", [note => 'Same as the other one.'],
        files => [file => ['log.txt', "a log\n"]]);
    is($res->code, 303, 'a note with a file on the duplicate');
    my @before = map { $_->{id} } message_rows($dup);
    my ($own) = map { $_->{id} } message_rows($keep);
    is(scalar @before, 3, 'three messages');

    ($doc, $res) = tk_post($agent, "/tickets/$dup/merge", [into => " $keep "]);
    is($res->code, 303, 'merged: 303');
    is(location_path($res), "/tickets/$keep?done=merged-here", 'to the ticket that stays');

    my $d = ticket_row($dup);
    is($d->{status}, 'closed', 'the duplicate is closed');
    ok(defined $d->{closed_at}, 'with its time');
    is(sql_value("SELECT merged_into_id FROM tickets WHERE id = $dup_id"), $keep_id, 'it points to the target');

    my @k = message_rows($keep);
    is_deeply([map { $_->{id} } grep { $_->{kind} ne 'system' } @k], [sort { $a <=> $b } ($own, @before)],
        'the conversation moved to the target');
    is_deeply([map { "$_->{kind}:$_->{body}" } grep { $_->{kind} eq 'system' } @k], ["system:merged-from:$dup"],
        'a system line on the target');
    is_deeply([map { "$_->{kind}:$_->{body}" } message_rows($dup)], ["system:merged-into:$keep"],
        'only the system line is left on the duplicate');
    is(sql_value("SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = $keep_id AND filename = 'log.txt'"), 1,
        'the note\'s file moved along');

    my @cc = @{ sql_rows("SELECT u.email FROM ticket_cc c JOIN users u ON u.id = c.user_id WHERE c.ticket_id = $keep_id ORDER BY u.email") };
    is_deeply([map { $_->[0] } @cc], ['carl@acme.example', 'olivia@acme.example'], 'requester and CC follow');

    my @hd = history_rows($dup);
    ok(grep({ $_->{field} eq 'merged_into' && $_->{new} eq $keep } @hd), 'history of the duplicate');
    ok(grep({ $_->{field} eq 'status' && $_->{new} eq 'closed' } @hd), 'its status change');
    my @hk = history_rows($keep);
    ok(grep({ $_->{field} eq 'merged' && $_->{new} eq $dup } @hk), 'history of the target');
    is(scalar(grep { $_->{field} eq 'cc' } @hk), 2, 'the CC rows');
    my @a = audit_for('ticket.merge', $dup);
    is(scalar @a, 1, 'audit of the duplicate');
    like($a[0]{after}, qr/"status":"closed","merged_into":"\Q$keep\E","messages_moved":3,"cc_added":\["carl\@acme.example","olivia\@acme.example"\]/,
        'audit: what');
    is(scalar audit_for('ticket.merged-from', $keep), 1, 'audit of the target');

    ($doc) = $agent->get_xml("/tickets/$keep?done=merged-here");
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.done.merged-here', 'said so');
    ok(xp_count($doc, "/page/ticket/messages/message[body='Duplicate text']"), 'the duplicate\'s description is here');
    ($doc) = $agent->get_xml("/tickets/$dup");
    is(xp($doc, '/page/ticket/merged-into/@number'), $keep, 'the duplicate shows where it went');
    unlike($agent->get("/tickets/$dup")->decoded_content, qr/merge-title/, 'and offers no merge any more');

    my ($cdoc, $cres) = $carl->get_xml("/tickets/$keep");
    is($cres->code, 200, 'the duplicate\'s requester may read the target now');
    is(xp_count($cdoc, "//message[\@kind='internal']"), 0, 'but no internal note');
    like($carl->get("/tickets/$keep")->decoded_content,
        qr{Ticket <a href="/tickets/\Q$dup\E">\Q$dup\E</a> was merged into this ticket\.}, 'the system line in words');
    like($carl->get("/tickets/$dup")->decoded_content,
        qr{This ticket was merged into <a href="/tickets/\Q$keep\E">\Q$keep\E</a>}, 'on the duplicate too');

    refused($keep, 'tickets.merge.already', 'merged already');
    my $third = tk_raise($carl, 'other-question', [subject => 'Third', description => 'x']);
    refused($dup, 'tickets.merge.target-merged', 'a merged target', $third);
};

done_testing;
