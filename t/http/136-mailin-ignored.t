# What portico-mailin must never take in, and what it tells the MTA:
# auto-replies, out-of-office notes, bounces and the portal's own mails
# coming back create nothing (exit 0, no bounce); so does mail from a
# stranger.  Not a mail, or too large: 65, the MTA bounces it.  The
# database away, or no key to check reply addresses with: 75, the MTA
# keeps the mail and tries again, and it arrives once things are back.
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
my $number = tk_raise($carl, 'other-question', [subject => 'Target of automatic mail',
    description => 'Replies to this must be people.']);
my $id = ticket_id($number);

sub counts { return [map { sql_value("SELECT COUNT(*) FROM $_") } qw(tickets ticket_messages ticket_attachments)] }

subtest 'automatic mail to a valid reply address changes nothing' => sub {
    my $before = counts();
    for my $f (qw(auto-replied.eml out-of-office.eml bounce.eml own-message.eml)) {
        my ($rc, undef, $err) = mailin_run(fixture_mail($f, ticket => $id));
        is($rc, 0, "$f: exit 0") or diag $err;
    }
    is_deeply(counts(), $before, 'no ticket, message or file');
    is(ticket_row($number)->{status}, 'new', 'the ticket as it was');
    # The same with the envelope saying it: a bounce's null sender.
    my ($rc) = mailin_run(fixture_mail('signature.eml', ticket => $id, message_id => "nullsender.$id"),
        '-f', '', '-r', reply_address($id));
    is($rc, 0, 'empty envelope sender: exit 0');
    is_deeply(counts(), $before, 'nothing either');
};

subtest 'a stranger gets nothing created' => sub {
    my $before = counts();
    my ($rc) = mailin_run(fixture_mail('new-ticket.eml', from => 'stranger@nowhere.example'));
    is($rc, 0, 'to the support address: exit 0');
    ($rc) = mailin_run(fixture_mail('alternative.eml', ticket => $id, from => 'stranger@nowhere.example'));
    is($rc, 0, 'to a reply address: exit 0');
    is_deeply(counts(), $before, 'nothing');
};

subtest 'what is no mail, or too large, is refused for the MTA to bounce (65)' => sub {
    my $before = counts();
    my ($rc, undef, $err) = mailin_run("To: support\@portico.example\nSubject: no sender\n\nhello\n");
    is($rc, 65, 'no From: 65');
    like($err, qr/sender/, 'saying why on standard error (the bounce quotes it)');
    ($rc) = mailin_run('');
    is($rc, 65, 'nothing at all: 65');
    ($rc) = mailin_run(fixture_mail('new-ticket.eml'), { conf => conf_variant('mailin.message_bytes' => 500) });
    is($rc, 65, 'over [mailin] message_bytes: 65');
    ($rc) = mailin_run("From: carl\@acme.example\n" . ("X-Filler: " . ('x' x 200) . "\n") x 1500 . "\nhi\n");
    is($rc, 65, 'a header block over its bound: 65');
    is_deeply(counts(), $before, 'nothing created');
    ($rc) = mailin_run('', '--bogus');
    is($rc, 64, 'an unknown option: 64');
};

subtest 'the database away or no key: 75, and the retry arrives' => sub {
    my $before = counts();
    my $mail = fixture_mail('signature.eml', ticket => $id, message_id => "retry.$id\@acme.example");
    my ($rc, undef, $err) = mailin_run($mail, { conf => conf_variant('database.socket' => '/nonexistent/mysqld.sock',
        'database.host' => '') });
    is($rc, 75, 'database unreachable: 75') or diag $err;
    ($rc) = mailin_run($mail, { conf => conf_variant('secrets.hmac_key' => '') });
    is($rc, 75, 'no [secrets] hmac_key: 75');
    ($rc) = mailin_run($mail, { conf => '/nonexistent/portico.conf' });
    is($rc, 75, 'no configuration: 75');
    is_deeply(counts(), $before, 'nothing yet');
    ($rc) = mailin_run($mail);
    is($rc, 0, 'the MTA tries again: 0');
    is(sql_value("SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = $id AND via = 'mail'"), 1,
        'and the reply is there, once');
};

subtest '--parse shows what a mail is understood as and changes nothing' => sub {
    my $before = counts();
    my ($rc, $out) = mailin_run(fixture_mail('bounce.eml', ticket => $id), '--parse');
    is($rc, 0, 'exit 0');
    like($out, qr/^automatic: auto-submitted null-sender report mailer-daemon$/m, 'the flags');
    like($out, qr/^to: \Q${\ reply_address($id)}\E \(reply address of ticket id $id\)$/m, 'the reply address checked');
    ($rc, $out) = mailin_run(fixture_mail('forged.eml', ticket => $id), '--parse');
    like($out, qr/wrong HMAC: forged/, 'a forged one named');
    is_deeply(counts(), $before, 'nothing created');
};

done_testing();
