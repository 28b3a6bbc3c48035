# portico-mailin --lmtp: the MTA delivers over LMTP (RFC 2033) instead of a
# pipe, as systemd's portico-mailin.socket hands it a connection.  A whole
# session written at once (PIPELINING): the greeting, one answer per
# command, a reply to a ticket taken in with its dot-stuffed lines undone,
# one answer per recipient after DATA, several transactions in a session,
# the order of commands enforced, a mail over [mailin] message_bytes
# refused with 552 and nothing written.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Admin qw(conf_variant);
use Portico::Mailin;

my $carl = tk_client('carl@acme.example');
my $n = tk_raise($carl, 'other-question', [subject => 'Asked over LMTP', description => 'On the web first.']);
my $id = ticket_id($n);
my $to = reply_address($id);

sub mail_text {
    my ($mid, @body) = @_;
    return join("\r\n", 'From: Carl Carter <carl@acme.example>', "To: $to",
        "Subject: Re: [$n] Asked over LMTP", "Message-ID: <$mid\@mail.acme.example>",
        'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', @body) . "\r\n";
}
# The answers of a session: one line each, the multi-line LHLO answer as one.
sub answers {
    my ($out) = @_;
    my @lines = split /\r\n/, $out;
    my @a;
    for (@lines) {
        if (@a && $a[-1] =~ /(?:\A|\n)250-[^\n]*\z/) { $a[-1] .= "\n$_" }
        else { push @a, $_ }
    }
    return @a;
}
sub public_bodies { return map { $_->{body} } grep { $_->{kind} eq 'public' } message_rows($n) }

subtest 'a session: a reply taken in, one answer per recipient' => sub {
    my $mail = mail_text('lmtp.1', 'First line.', '.. a line that began with a dot', '.', 'Last line.');
    # Dot-stuffing: every line that begins with a dot gets one more.
    (my $stuffed = $mail) =~ s/^\./../mg;
    my $session = "LHLO mta.example\r\nMAIL FROM:<carl\@acme.example>\r\n"
        . "RCPT TO:<$to>\r\nRCPT TO:<support\@portico.example>\r\nDATA\r\n$stuffed.\r\nQUIT\r\n";
    my ($rc, $out, $err) = mailin_run($session, '--lmtp');
    is($rc, 0, 'exit 0') or diag $err;
    my @a = answers($out);
    like($a[0], qr/^220 \S+ LMTP/, 'the greeting');
    like($a[1], qr/^250-\S+\n250-PIPELINING\n.*\n250 SIZE \d+$/s, 'LHLO: the extensions, SIZE last');
    like($a[2], qr/^250 2\.1\.0/, 'MAIL FROM accepted');
    like($a[3], qr/^250 2\.1\.5 <\Q$to\E>/, 'the reply address accepted');
    like($a[4], qr/^250 2\.1\.5/, 'and the support address');
    like($a[5], qr/^354 /, 'DATA: go ahead');
    like($a[6], qr/^250 2\.0\.0 <\Q$to\E> taken in/, 'after the dot: one answer for the first recipient');
    like($a[7], qr/^250 2\.0\.0 <support\@portico\.example> taken in/, 'and one for the second');
    like($a[8], qr/^221 /, 'QUIT');
    is(scalar @a, 9, 'nothing else');
    my @b = public_bodies();
    is(scalar @b, 2, 'one reply on the ticket, not one per recipient');
    is($b[-1], "First line.\n.. a line that began with a dot\n.\nLast line.",
        'its text with the dots as written (sent as "..." and "..")');
};

subtest 'several transactions, and commands out of order' => sub {
    my $session = "MAIL FROM:<carl\@acme.example>\r\nLHLO mta.example\r\nDATA\r\n"
        . "RCPT TO:<$to>\r\nMAIL FROM:<carl\@acme.example>\r\nMAIL FROM:<x\@y>\r\nDATA\r\n"
        . "RCPT TO:<>\r\nRCPT TO:<$to>\r\nRSET\r\nDATA\r\n"
        . "MAIL FROM:<carl\@acme.example>\r\nRCPT TO:<$to>\r\nDATA\r\n"
        . mail_text('lmtp.2', 'Second mail.') . ".\r\n"
        . "MAIL FROM:<carl\@acme.example>\r\nRCPT TO:<$to>\r\nDATA\r\n"
        . mail_text('lmtp.3', 'Third mail.') . ".\r\nBOGUS\r\nQUIT\r\n";
    my ($rc, $out) = mailin_run($session, '--lmtp');
    my @a = answers($out);
    shift @a;
    my @codes = map { /^(\d{3})/ ? $1 : '?' } @a;
    is("@codes", '503 250 503 503 250 503 503 501 250 250 503 250 250 354 250 250 250 354 250 500 221',
        'MAIL before LHLO, DATA and RCPT before MAIL, a second MAIL, DATA before RCPT, an empty'
        . ' recipient: refused; RSET forgets the envelope; two mails in one session');
    my @b = public_bodies();
    is(scalar @b, 4, 'both mails on the ticket');
    is($b[-2], 'Second mail.', 'the second');
    is($b[-1], 'Third mail.', 'the third');
};

subtest 'over [mailin] message_bytes: 552, nothing written' => sub {
    my $before = scalar public_bodies();
    my $session = "LHLO mta.example\r\nMAIL FROM:<carl\@acme.example>\r\nRCPT TO:<$to>\r\nDATA\r\n"
        . mail_text('lmtp.4', ('A long line of text that goes on and on.') x 40) . ".\r\nQUIT\r\n";
    my ($rc, $out) = mailin_run($session, '--lmtp', { conf => conf_variant('mailin.message_bytes' => 500) });
    my @a = answers($out);
    like($a[5], qr/^552 5\.3\.4 <\Q$to\E>/, 'the recipient: message too large');
    like($a[6], qr/^221 /, 'and the session goes on to QUIT');
    is(scalar public_bodies(), $before, 'nothing on the ticket');
};

subtest 'LMTP brings its own envelope' => sub {
    my ($rc) = mailin_run('', '--lmtp', '-f', 'carl@acme.example');
    is($rc, 64, '--lmtp with -f: a usage error');
};

done_testing;
