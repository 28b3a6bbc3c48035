# What the people of a ticket do on its page.  A reply is a public message
# with its files; a customer's reply sets a pending ticket back to open and
# reopens a resolved one within [tickets] reopen_days (7), while a closed
# ticket, or one resolved longer ago, answers 422 with a message and keeps
# the text.  A customer may mark the ticket resolved; the requester and
# tickets.read.org add and remove colleagues of the same org in CC (anyone
# may remove themselves).  Every change writes the history and the audit
# log; replies are mailed, threaded, to the other side.  No CSRF token: 403.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Mail ();

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');

sub fresh {
    my ($c) = @_;
    return tk_raise($c // $carl, 'other-question', [subject => 'Reply test ' . unique_tag('r'),
        description => 'Question?']);
}

subtest 'a customer replies' => sub {
    my $n = fresh();
    my ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => "More details.\r\nSecond line."]);
    is($res->code, 303, 'answered 303');
    my @m = message_rows($n);
    is(scalar @m, 2, 'a second message');
    is($m[1]{kind}, 'public', 'public');
    is($m[1]{body}, "More details.\nSecond line.", 'the text, with LF line ends');
    like(location_path($res), qr{^/tickets/\Q$n\E\?done=reply&m=$m[1]{id}$}, 'back to the message');
    is(ticket_row($n)->{status}, 'new', 'a new ticket stays new');
    ok(grep({ $_->{field} eq 'reply' && $_->{new} eq $m[1]{id} } history_rows($n)), 'history: the reply');
    my @a = audit_for('ticket.reply', $n);
    is(scalar @a, 1, 'audit row');
    like($a[0]{after}, qr/"message_id":$m[1]{id}/, 'audit: the message');
    my @mails = outbox_for('ticket-update', $n);
    is_deeply([sort map { $_->{to} } @mails], [group_emails(1)], 'unassigned: the group gets the reply');
    ok(grep({ $_->{to} eq 'agent@portico.example' } @mails), 'Alex of the service desk among them');
    is($mails[0]{message_id}, $m[1]{message_id}, 'the message\'s Message-ID');
    is($mails[0]{in_reply_to}, ticket_row($n)->{thread_id}, 'In-Reply-To: the thread');

    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => " \n "]);
    is($res->code, 422, 'an empty reply: 422');
    is(xp($doc, "/page/messages/message[\@field='body']/\@key"), 'tickets.body.required', 'message');
    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'x' x 20001]);
    is($res->code, 422, 'too long: 422');
    is(xp($doc, "/page/messages/message[\@field='body']/\@max"), 20000, 'the bound');
    is(length xp($doc, "/page/form[\@name='reply']/field[\@name='body']"), 20001, 'the text kept');
    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'no token'], no_csrf => 1);
    is($res->code, 403, 'no CSRF token: 403');
    is(scalar message_rows($n), 2, 'nothing written');
    ($doc, $res) = tk_post(tk_client('klaus@bergmann.example'), "/tickets/$n/reply", [body => 'Hi']);
    is($res->code, 404, 'another org: 404');
    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'exe'], files => [file => ['a.exe', "MZ\0\0"]]);
    is($res->code, 422, 'a file of a refused type: 422');
    is(xp($doc, "/page/messages/message[\@field='file']/\@key"), 'tickets.field.file-type', 'said at the field');
    is(xp($doc, "/page/form[\@name='reply']/field[\@name='body']"), 'exe', 'text kept');
};

subtest 'an agent replies: mails to requester and CC, in their language' => sub {
    my $n = fresh();
    tk_post($carl, "/tickets/$n/cc", [email => 'olivia@acme.example']);
    sql("UPDATE users SET language = 'de' WHERE id = 7");
    my ($doc, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'We are on it.', after => 'pending:customer']);
    sql("UPDATE users SET language = NULL WHERE id = 7");
    is($res->code, 303, 'answered 303');
    my $t = ticket_row($n);
    is($t->{status}, 'pending', 'then pending');
    is($t->{pending_reason}, 'customer', 'for the customer');
    my %lang = map { $_->{to} => $_->{lang} } outbox_for('ticket-reply', $n);
    is_deeply([sort keys %lang], ['carl@acme.example', 'olivia@acme.example'], 'requester and CC');
    is($lang{'olivia@acme.example'}, 'de', 'each in their language');
    my $m = Portico::Mail::wait_for(to => 'carl@acme.example', subject => qr/\Q$n\E/, timeout => 30);
    ok($m, 'delivered') or return;
    is($m->{headers}{'in-reply-to'}, $t->{thread_id}, 'In-Reply-To header');
    like($m->{headers}{references}, qr/\Q$t->{thread_id}\E/, 'References header');
    like($m->{headers}{'message-id'}, qr/^<ticket\.\d+\.[0-9a-f]{16}\@portico\.example>$/, 'own Message-ID');
    like($m->{text}, qr/We are on it\./, 'the reply in the mail');
    like($m->{text}, qr{/tickets/\Q$n\E}, 'the link');

    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'Here is what you asked for.']);
    is(ticket_row($n)->{status}, 'open', 'the customer\'s reply sets pending back to open');
    ok(!defined ticket_row($n)->{pending_reason}, 'no reason any more');
    ($doc, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'x', after => 'bogus']);
    is($res->code, 422, 'unknown "then": 422');
};

subtest 'resolved, reopened, closed' => sub {
    my $n = fresh();
    my ($doc, $res) = tk_post($carl, "/tickets/$n/resolve", []);
    is($res->code, 303, 'marked resolved');
    my $t = ticket_row($n);
    is($t->{status}, 'resolved', 'resolved');
    ok(defined $t->{resolved_at}, 'when');
    ok(grep({ $_->{field} eq 'status' && $_->{new} eq 'resolved' } history_rows($n)), 'history');
    is(scalar audit_for('ticket.resolve', $n), 1, 'audit');
    ($doc, $res) = tk_post($carl, "/tickets/$n/resolve", []);
    is($res->code, 422, 'resolving again: 422');

    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'Not fixed after all.']);
    is($res->code, 303, 'a reply within the window');
    like(location_path($res), qr/done=reopened/, 'says it reopened');
    is(ticket_row($n)->{status}, 'open', 'open again');
    ok(!defined ticket_row($n)->{resolved_at}, 'resolution forgotten');

    tk_post($carl, "/tickets/$n/resolve", []);
    set_ticket($n, resolved_at => 'UTC_TIMESTAMP(6) - INTERVAL 8 DAY');
    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'Still broken.']);
    # Past the window the worker's housekeeping (close.c) may close the
    # ticket at any moment: the reply is refused either way.
    is($res->code, 422, 'after reopen_days: 422');
    like(xp($doc, "/page/messages/message[\@field='body']/\@key"), qr/^tickets\.reply\.(too-late|closed)$/,
        'says it is too late (or closed by now)');
    is(xp($doc, "/page/form[\@name='reply']/field[\@name='body']"), 'Still broken.', 'text kept');
    like(ticket_row($n)->{status}, qr/^(resolved|closed)$/, 'not reopened');

    set_ticket($n, status => "'closed'", closed_at => 'UTC_TIMESTAMP(6)');
    ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'Hello?']);
    is($res->code, 422, 'closed: 422');
    is(xp($doc, "/page/messages/message[\@field='body']/\@key"), 'tickets.reply.closed', 'says so');
    is(xp($doc, '/page/ticket/actions/@reply'), '', 'no reply form offered');
    is(scalar(grep { $_->{body} eq 'Hello?' } message_rows($n)), 0, 'nothing written');
    ($doc, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'Agents still may.']);
    is($res->code, 303, 'an agent may still write');
};

subtest 'CC' => sub {
    my $n = fresh();
    my ($doc, $res) = tk_post($carl, "/tickets/$n/cc", [email => ' Olivia@ACME.example ']);
    is($res->code, 303, 'add a colleague');
    is(sql_value('SELECT COUNT(*) FROM ticket_cc WHERE ticket_id = ' . ticket_id($n) . ' AND user_id = 7'), 1, 'row');
    ok(grep({ $_->{field} eq 'cc' && $_->{new} eq 'olivia@acme.example' } history_rows($n)), 'history');
    is(scalar audit_for('ticket.cc.add', $n), 1, 'audit');
    is(tk_client('olivia@acme.example')->get("/tickets/$n")->code, 200, 'she sees it now');
    for my $case (['klaus@bergmann.example', 'tickets.cc.unknown', 'another org: as unknown'],
        ['nobody@acme.example', 'tickets.cc.unknown', 'unknown'],
        ['not an address', 'tickets.cc.email.invalid', 'malformed'],
        ['olivia@acme.example', 'tickets.cc.already', 'twice'],
        ['carl@acme.example', 'tickets.cc.requester', 'the requester']) {
        ($doc, $res) = tk_post($carl, "/tickets/$n/cc", [email => $case->[0]]);
        is($res->code, 422, "$case->[2]: 422");
        is(xp($doc, "/page/messages/message[\@field='email']/\@key"), $case->[1], "$case->[2]: message");
        is(xp($doc, "/page/form[\@name='cc']/field[\@name='email']"), $case->[0], "$case->[2]: kept");
    }
    my $olivia = tk_client('olivia@acme.example');
    ($doc, $res) = tk_post($olivia, "/tickets/$n/cc", [email => 'anna.admin@acme.example']);
    is($res->code, 403, 'someone in CC may not add others');
    ($doc, $res) = tk_post($olivia, "/tickets/$n/cc/remove", [user => 7]);
    is($res->code, 303, 'but may leave');
    is(location_path($res), '/tickets/mine', 'back to the list: the ticket is no longer hers');
    is($olivia->get("/tickets/$n")->code, 404, 'she no longer sees it');
    is(scalar audit_for('ticket.cc.remove', $n), 1, 'audit');
    ($doc, $res) = tk_post($carl, "/tickets/$n/cc/remove", [user => 7]);
    is($res->code, 404, 'not in CC: 404');
    my $anna = tk_client('anna.admin@acme.example');
    ($doc, $res) = tk_post($anna, "/tickets/$n/cc", [email => 'olivia@acme.example']);
    is($res->code, 303, 'tickets.read.org adds');
    ($doc, $res) = tk_post($anna, "/tickets/$n/cc/remove", [user => 7]);
    is($res->code, 303, 'and removes');
    ($doc, $res) = tk_post($carl, "/tickets/$n/cc", [email => 'olivia@acme.example'], no_csrf => 1);
    is($res->code, 403, 'no CSRF token: 403');
};

done_testing;
