# A mail to the plain support address opens a ticket of [mailin] service
# (other-question on the test stack) when its sender is an active person
# who may raise tickets, of an organisation that takes tickets by mail:
# requester and org the sender's, the first message the mail's text via
# mail, its files kept, history, audit and the mail to the group, all in
# one go; a mail handed over twice opens one ticket.  Anyone else opens
# nothing.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use JSON::PP ();
use Portico::Test;
use Portico::Tickets;
use Portico::Provider qw(make_user cleanup);
use Portico::Admin qw(conf_variant);
use Portico::Mailin;

my $json = JSON::PP->new->utf8;

# The tickets a mail opened: numbers of tickets whose first message has this Message-ID.
sub opened_by {
    my ($mid) = @_;
    my $r = sql_rows('SELECT DISTINCT t.number FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id'
        . ' WHERE m.message_id = ' . sql_quote("<$mid>"));
    my @n = map { $_->[0] } @$r;
    forget_ticket(@n);
    return @n;
}

subtest 'Carl of Acme writes to the support address: a ticket' => sub {
    my ($rc, undef, $err) = mailin_run(fixture_mail('new-ticket.eml'));
    is($rc, 0, 'exit 0') or diag $err;
    my @n = opened_by('new.3030@mail.acme.example');
    is(scalar @n, 1, 'one ticket') or return;
    my $t = ticket_row($n[0]);
    is($t->{subject}, 'VPN access for our new colleague', 'subject');
    is($t->{requester_id}, 6, 'requester Carl');
    is($t->{org_id}, 2, 'org Acme');
    is(sql_value("SELECT slug FROM ticket_services WHERE id = $t->{service_id}"), 'other-question',
        'the service of [mailin] service');
    is($t->{status}, 'new', 'status new');
    is($t->{group_id}, 1, 'the service\'s group');
    like($t->{thread_id}, qr/^<ticket\.\Q$n[0]\E\.[0-9a-f]+\@portico\.example>$/, 'a thread of ours');
    my @m = message_rows($n[0]);
    is(scalar @m, 1, 'one message');
    is($m[0]{kind}, 'public', 'public');
    is($m[0]{author}, 6, 'by Carl');
    like($m[0]{body}, qr/^Hello,\n\nplease set up VPN access for Dana Doe/, 'the text');
    is(sql_value("SELECT via FROM ticket_messages WHERE id = $m[0]{id}"), 'mail', 'via mail');
    ok(grep({ $_->{field} eq 'status' && $_->{new} eq 'new' } history_rows($n[0])), 'history');
    my ($a) = audit_for('ticket.create', $n[0]);
    ok($a, 'audit ticket.create') or return;
    is($a->{user}, 6, 'audit: Carl');
    my $after = $json->decode($a->{after});
    is($after->{via}, 'mail', 'audit: via mail');
    is($after->{service}, 'other-question', 'audit: the service');
    my @out = outbox_for('ticket-new', $n[0]);
    ok(@out, 'the group is told (ticket-new)');
    is($out[0]{message_id}, $t->{thread_id}, 'threaded on the ticket');

    # Carl sees it among his tickets.
    my ($doc) = tk_client('carl@acme.example')->get_xml("/tickets/$n[0]");
    like($doc->toString, qr/Dana Doe/, 'Carl reads it on the web');

    ($rc) = mailin_run(fixture_mail('new-ticket.eml'));
    is($rc, 0, 'handed over again: exit 0');
    is(scalar(opened_by('new.3030@mail.acme.example')), 1, 'still one ticket');
};

subtest 'encoded headers, Latin-1 and HTML only come out as text' => sub {
    my ($rc) = mailin_run(fixture_mail('encoded-headers.eml'));
    is($rc, 0, 'Klaus of Bergmann: exit 0');
    my ($n) = opened_by('20260306100000.GA1234@bergmann.example');
    ok($n, 'a ticket') or return;
    is(decode_utf8(ticket_row($n)->{subject}), "Dr\x{fc}cker im B\x{fc}ro 3 \x{2013} kein Toner",
        'the subject decoded (Q Latin-1 and B UTF-8)');
    ($rc) = mailin_run(fixture_mail('latin1.eml'));
    ($n) = opened_by('latin1.5531@bergmann.example');
    ok($n, 'the Latin-1 mail opened one') or return;
    is(decode_utf8(ticket_row($n)->{subject}), "Stra\x{df}enlaterne defekt", 'an 8-bit Latin-1 subject');
    like(decode_utf8((message_rows($n))[0]{body}), qr/Geb\x{e4}ude 5 .* Gr\x{fc}\x{df}e\naus M\x{fc}nchen \x{a9} 2026/s,
        'the Latin-1 body in UTF-8');
    (my $html = fixture_mail('html-only.eml')) =~ s/^(To|Delivered-To): .*$/$1: support\@portico.example/mg;
    ($rc) = mailin_run($html);
    ($n) = opened_by('0100018e1f2a-html-only@email.acme.example');
    ok($n, 'the HTML-only mail opened one') or return;
    my $body = (message_rows($n))[0]{body};
    like($body, qr/^Hello team,\n\nit happens again on three printers:\n\n- Floor 1/, 'HTML made text');
    unlike($body, qr/<(?!https:)|alert|Earlier: please restart/, 'no markup, no script, no quoted part');
};

subtest 'attachments of a new ticket' => sub {
    (my $mail = fixture_mail('attachments.eml', ticket => 0)) =~ s/support\+t0-[a-z2-7]+\@/support\@/g;
    $mail =~ s/^Subject: .*$/Subject: Printer log/m;
    my ($rc) = mailin_run($mail);
    is($rc, 0, 'exit 0');
    my ($n) = opened_by('CAF3x9+attach.4711@mail.acme.example');
    ok($n, 'a ticket') or return;
    is_deeply(sql_rows('SELECT f.filename FROM ticket_attachments f JOIN tickets t ON t.id = f.ticket_id'
        . ' WHERE t.number = ' . sql_quote($n) . ' ORDER BY f.id'),
        [['error-log.pdf'], ['Anzeige_B_ro.png'], ['passwd.txt']], 'its files');
};

subtest 'nobody else opens tickets by mail' => sub {
    my $tickets = sql_value('SELECT COUNT(*) FROM tickets');
    my %cases = (
        'paula@northwind.example' => 'a partner without mail intake',
        'agent@portico.example'   => 'the provider\'s own people',
    );
    my $inactive = make_user(org_id => 2, roles => ['customer_user']);
    sql("UPDATE users SET status = 'inactive' WHERE id = $inactive");
    $cases{ sql_value("SELECT email FROM users WHERE id = $inactive") } = 'an inactive person';
    my $no_role = make_user(org_id => 2, roles => []);
    $cases{ sql_value("SELECT email FROM users WHERE id = $no_role") } = 'someone who may not raise tickets';
    my $i = 0;
    for my $from (sort keys %cases) {
        my ($rc) = mailin_run(fixture_mail('new-ticket.eml', from => $from, message_id => 'nobody.' . $i++));
        is($rc, 0, "$cases{$from}: exit 0");
    }
    my ($rc) = mailin_run(fixture_mail('new-ticket.eml', message_id => 'no-service.1'),
        { conf => conf_variant('mailin.service' => '') });
    is($rc, 0, 'no [mailin] service: exit 0');
    ($rc) = mailin_run(fixture_mail('new-ticket.eml', message_id => 'bad-service.1'),
        { conf => conf_variant('mailin.service' => 'partner-material') });
    is($rc, 0, 'a service Acme may not use: exit 0');
    sql('UPDATE orgs SET mail_intake = 0 WHERE id = 2');
    ($rc) = mailin_run(fixture_mail('new-ticket.eml', message_id => 'intake-off.1'));
    sql('UPDATE orgs SET mail_intake = 1 WHERE id = 2');
    is($rc, 0, 'Acme with mail intake turned off: exit 0');
    is(sql_value('SELECT COUNT(*) FROM tickets'), $tickets, 'no ticket from any of them');
    cleanup();
};

done_testing();
