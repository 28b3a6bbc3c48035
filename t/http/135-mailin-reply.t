# A reply by mail to a ticket's reply address (piped into the built
# portico-mailin against the test stack's database) becomes a public reply
# on that ticket, written as on the web: from the requester, or a colleague
# of the ticket's organisation (who joins the CC), without the quoted
# history and signature, with its attachments (downloadable by the ticket's
# readers only), reopening per the web's rules, with history, audit and
# the mail to the agents; once, however often the MTA hands it over.  A
# reply address with a wrong HMAC adds nothing.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use JSON::PP ();
use Portico::Test;
use Portico::Tickets;
use Portico::Mailin;

my $json = JSON::PP->new->utf8;
my $carl = tk_client('carl@acme.example');

sub raise_for {
    my ($c, $subject) = @_;
    return tk_raise($c, 'other-question', [subject => $subject, description => 'Asked on the web.']);
}

sub mail_messages { return grep { $_->{kind} eq 'public' } message_rows($_[0]) }

subtest 'a colleague answers by mail: a public reply, cut, in CC, audited, mailed on' => sub {
    my $number = raise_for($carl, 'Printer shows error E-17');
    my $id = ticket_id($number);
    my ($rc, $out, $err) = mailin_run(fixture_mail('alternative.eml', ticket => $id));
    is($rc, 0, 'exit 0') or diag $err;
    my @m = mail_messages($number);
    is(scalar @m, 2, 'a second public message');
    is($m[1]{author}, 5, 'by Anna Admin, the sender');
    is(decode_utf8($m[1]{body}), "Thanks, the new driver fixed it \x{2013} the printer works again.\n\nAnna",
        'the reply without the quoted history');
    is($m[1]{message_id}, '<CAJx4mP3=alt.9921@mail.gmail.example>', 'the mail\'s Message-ID kept with it');
    is(sql_value("SELECT via FROM ticket_messages WHERE id = $m[1]{id}"), 'mail', 'via mail');
    ok(grep({ $_->{field} eq 'reply' && $_->{new} eq $m[1]{id} && $_->{user} == 5 } history_rows($number)),
        'history: the reply, by Anna');
    ok(grep({ $_->{field} eq 'cc' && $_->{new} eq 'anna.admin@acme.example' } history_rows($number)),
        'history: Anna joined the CC');
    is(sql_value("SELECT COUNT(*) FROM ticket_cc WHERE ticket_id = $id AND user_id = 5"), 1, 'Anna in CC');
    my ($a) = audit_for('ticket.reply', $number);
    ok($a, 'audit ticket.reply') or return;
    is($a->{user}, 5, 'audit: by Anna');
    is($a->{org}, 2, 'audit: in her org');
    my $after = $json->decode($a->{after});
    is($after->{via}, 'mail', 'audit: via mail');
    is($after->{mail}, '<CAJx4mP3=alt.9921@mail.gmail.example>', 'audit: which mail');
    my @out = outbox_for('ticket-update', $number);
    ok(@out, 'the agents are told (ticket-update)');
    ok(!grep({ ($_->{message_id} // '') =~ /alt\.9921/ } @out), 'with a Message-ID of ours, not the customer\'s');

    # The page shows it, to Carl too.
    my ($doc) = $carl->get_xml("/tickets/$number");
    like($doc->toString, qr/the printer works again/, 'on the ticket page');

    # The MTA hands the same mail over again: nothing doubles.
    ($rc) = mailin_run(fixture_mail('alternative.eml', ticket => $id));
    is($rc, 0, 'again: exit 0');
    is(scalar(mail_messages($number)), 2, 'again: no second reply');
};

subtest 'the requester\'s reply reopens: pending and recently resolved become open' => sub {
    my $number = raise_for($carl, 'Reopen by mail');
    my $id = ticket_id($number);
    set_ticket($number, status => "'pending'", pending_reason => "'customer'");
    my ($rc) = mailin_run(fixture_mail('signature.eml', ticket => $id, message_id => "sig.1.$id\@acme.example"));
    is($rc, 0, 'exit 0');
    is(ticket_row($number)->{status}, 'open', 'pending -> open');
    ok(grep({ $_->{field} eq 'status' && ($_->{old} // '') eq 'pending' && $_->{new} eq 'open' }
        history_rows($number)), 'history: the status change');
    is((mail_messages($number))[-1]{body}, 'The invoice number is 2026-0815, cost centre 4410.',
        'the signature is cut');
    is(sql_value("SELECT COUNT(*) FROM ticket_cc WHERE ticket_id = $id"), 0, 'the requester joins no CC');

    set_ticket($number, status => "'resolved'", pending_reason => 'NULL',
        resolved_at => 'UTC_TIMESTAMP(6) - INTERVAL 2 DAY');
    ($rc) = mailin_run(fixture_mail('signature.eml', ticket => $id, message_id => "sig.2.$id\@acme.example"));
    is($rc, 0, 'exit 0');
    is(ticket_row($number)->{status}, 'open', 'resolved two days ago -> open');

    my $before = scalar mail_messages($number);
    set_ticket($number, status => "'resolved'", resolved_at => 'UTC_TIMESTAMP(6) - INTERVAL 30 DAY');
    ($rc) = mailin_run(fixture_mail('signature.eml', ticket => $id, message_id => "sig.3.$id\@acme.example"));
    is($rc, 0, 'resolved a month ago: exit 0');
    is(scalar(mail_messages($number)), $before, 'but nothing added');
    isnt(ticket_row($number)->{status}, 'open', 'not reopened');
    set_ticket($number, status => "'closed'", closed_at => 'UTC_TIMESTAMP(6)');
    ($rc) = mailin_run(fixture_mail('signature.eml', ticket => $id, message_id => "sig.4.$id\@acme.example"));
    is($rc, 0, 'closed: exit 0');
    is(scalar(mail_messages($number)), $before, 'nothing added to a closed ticket');
};

subtest 'attachments are kept and only the ticket\'s readers may download them' => sub {
    my $number = raise_for($carl, 'Error log attached');
    my $id = ticket_id($number);
    my ($rc, undef, $err) = mailin_run(fixture_mail('attachments.eml', ticket => $id));
    is($rc, 0, 'exit 0') or diag $err;
    my $msg = (mail_messages($number))[-1];
    like($msg->{body}, qr/the error log and a photo of the display are attached/, 'the text');
    my $files = sql_rows("SELECT id, filename, content_type, size_bytes, storage_name, created_by"
        . " FROM ticket_attachments WHERE message_id = $msg->{id} ORDER BY id");
    is(scalar @$files, 3, 'three files');
    is_deeply([map { [@$_[1 .. 3], $_->[5]] } @$files],
        [['error-log.pdf', 'application/pdf', 438, 6], ['Anzeige_B_ro.png', 'image/png', 73, 6],
         ['passwd.txt', 'text/plain; charset=utf-8', 32, 6]],
        'names made harmless as on the web, types by their bytes, sizes, by Carl');
    my $dir = files_dir();
    ok(-f "$dir/tickets/$files->[0][4]", 'the PDF is stored under [paths] files/tickets/');
    my $res = $carl->get("/tickets/files/$files->[0][0]/error-log.pdf");
    is($res->code, 200, 'Carl downloads the PDF');
    like($res->content, qr/^%PDF-1\.4/, 'its bytes');
    is(tk_client('klaus@bergmann.example')->get("/tickets/files/$files->[0][0]/error-log.pdf")->code, 404,
        'another organisation: 404');
    is(tk_client('agent@portico.example')->get("/tickets/files/$files->[1][0]/x.png")->code, 200,
        'the agent sees the image');
    my ($a) = grep { $json->decode($_->{after})->{via} } audit_for('ticket.reply', $number);
    is(scalar @{ $json->decode($a->{after})->{files} }, 3, 'the audit names the files');
};

subtest 'a German Outlook reply loses its quoted block' => sub {
    my $klaus = tk_client('klaus@bergmann.example', lang => 'de');
    my $number = raise_for($klaus, 'Drucker zeigt Fehler E-17');
    my ($rc) = mailin_run(fixture_mail('outlook-german.eml', ticket => ticket_id($number)));
    is($rc, 0, 'exit 0');
    is(decode_utf8((mail_messages($number))[-1]{body}),
        "Hallo,\n\ndanke, mit Treiber 5.2 druckt er wieder. Das Ticket kann geschlossen werden.\n\n"
        . "Mit freundlichen Gr\x{fc}\x{df}en\nKlaus Bergmann", 'Von/Gesendet block cut, Windows-1252 decoded');
};

subtest 'a forged reply address adds nothing' => sub {
    my $number = raise_for($carl, 'Forgery target');
    my $id = ticket_id($number);
    my $messages = sql_value('SELECT COUNT(*) FROM ticket_messages');
    my ($rc) = mailin_run(fixture_mail('forged.eml', ticket => $id));
    is($rc, 0, 'exit 0: nothing to bounce to a forger');
    is(sql_value('SELECT COUNT(*) FROM ticket_messages'), $messages, 'no message anywhere');
    is(ticket_row($number)->{status}, 'new', 'the ticket unchanged');
    # The right number with another ticket's HMAC is as forged.
    my ($mac) = reply_address($id + 1) =~ /-([a-z2-7]{16})\@/;
    my ($good, $bad) = (reply_address($id), "support+t$id-$mac\@portico.example");
    (my $mail = fixture_mail('signature.eml', ticket => $id)) =~ s/\Q$good\E/$bad/g;
    ($rc) = mailin_run($mail);
    is($rc, 0, 'another ticket\'s HMAC: exit 0');
    is(sql_value('SELECT COUNT(*) FROM ticket_messages'), $messages, 'still nothing');
};

subtest 'only people of the ticket\'s organisation reply by mail' => sub {
    my $number = raise_for($carl, 'Only Acme replies');
    my $id = ticket_id($number);
    my $before = scalar mail_messages($number);
    for my $from ('klaus@bergmann.example', 'agent@portico.example', 'stranger@nowhere.example') {
        my ($rc) = mailin_run(fixture_mail('signature.eml', ticket => $id, from => $from,
            message_id => "from.$from.$id"));
        is($rc, 0, "$from: exit 0");
    }
    is(scalar(mail_messages($number)), $before, 'another org, an agent, a stranger: nothing added');
};

done_testing();
