# portico-mailer delivers the outbox: a row queued by SQL arrives at the
# stack's SMTP sink as multipart/alternative (text + HTML, UTF-8), in the
# row's language, with absolute links and escaped data; the row becomes
# 'sent' with sent_at only then. Every template renders in English and
# German. A mail that can never go (bad address) is given up after five
# attempts and kept.
# Waits are long (60 s, left as soon as the row changes): earlier tests
# may leave hundreds of ticket mails queued ahead of these rows.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Mail;

binmode($_, ':encoding(UTF-8)') for *STDOUT, *STDERR;

# queue(to, name, lang, template, data_xml): the outbox id of a new row.
sub queue {
    my ($to, $name, $lang, $template, $data) = @_;
    return sql_value(sprintf(
        "INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status,"
        . " attempts, next_attempt_at) VALUES (UTC_TIMESTAMP(6), %s, %s, %s, %s, %s, 'queued', 0,"
        . " UTC_TIMESTAMP(6)); SELECT LAST_INSERT_ID();",
        map { sql_quote($_) } $to, $name, $lang, $template, $data // ''));
}

sub row {
    my ($id) = @_;
    my $r = sql_rows("SELECT status, attempts, sent_at, last_error FROM outbox WHERE id = $id");
    return $r->[0] ? { status => $r->[0][0], attempts => $r->[0][1], sent_at => $r->[0][2],
        last_error => $r->[0][3] } : {};
}

sub addr { return unique_tag($_[0]) . '@mailtest.example' }

subtest 'password-changed in English: multipart/alternative, recorded as sent' => sub {
    my $to = addr('pwd-en');
    my $id = queue($to, 'Zoë Test', 'en', 'password-changed');
    ok($id, "queued outbox $id");
    my $m = Portico::Mail::wait_for(to => $to, timeout => 20);
    ok($m, 'the mail arrived at the sink') or return;
    is($m->{subject}, 'Your Portico password was changed', 'subject');
    is($m->{to_name}, 'Zoë Test', 'To name (RFC 2047 encoded on the wire)');
    like($m->{headers}{to}, qr/^Zoë Test <\Q$to\E>$/, 'To header');
    like($m->{raw}, qr/^To: =\?UTF-8\?Q\?Zo=C3=AB_Test\?= <\Q$to\E>\r?$/m, 'To name as an encoded word');
    like($m->{from}, qr/^[^@\s]+@[^@\s]+$/, "From $m->{from}");
    like($m->{headers}{date} // '', qr/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/, 'Date');
    like($m->{headers}{'message-id'} // '', qr/^<outbox\.\Q$id\E\.[0-9a-f]+@[^>]+>$/, 'Message-ID');
    is($m->{headers}{'mime-version'}, '1.0', 'MIME-Version');
    is($m->{content_type}, 'multipart/alternative', 'multipart/alternative');
    is(scalar @{ $m->{parts} }, 2, 'two parts');
    is(join(' ', map { $_->{type} } @{ $m->{parts} }), 'text/plain text/html', 'text first, then HTML');
    is(join(' ', map { lc $_->{charset} } @{ $m->{parts} }), 'utf-8 utf-8', 'both UTF-8');
    like($m->{text}, qr/^Hello Zoë Test,\n\nThe password of your Portico account was just changed\./,
        'text part: greeting and body');
    unlike($m->{text}, qr/mail\.[a-z-]+\.[a-z-]+/, 'no catalogue key left in the text');
    like($m->{html}, qr/^<!DOCTYPE html>/, 'HTML part is a document');
    like($m->{html}, qr/<html[^>]* lang="en"/, 'HTML lang="en"');
    like($m->{html}, qr{<title>Your Portico password was changed</title>}, 'HTML title');
    like($m->{html}, qr{<h1[^>]*>Your Portico password was changed</h1>}, 'one h1');
    unlike($m->{html}, qr/<(?:img|script|link)\b/i, 'no images, scripts or external styles');
    my $url = Portico::Mail::link_in($m, qr{/auth/password/forgot});
    like($url // '', qr{^https?://[^/\s]+/auth/password/forgot$}, 'absolute link in the text part');
    like($m->{html}, qr{href="\Q$url\E"}, 'the same link in the HTML part') if $url;
    ok(wait_until(60, sub { row($id)->{status} eq 'sent' }), 'row status sent');
    my $r = row($id);
    ok(defined $r->{sent_at}, "sent_at $r->{sent_at}");
    is($r->{attempts}, 1, 'one attempt');
};

subtest 'German when the row says de' => sub {
    my $to = addr('pwd-de');
    my $id = queue($to, 'Jürgen Groß', 'de', 'password-changed');
    my $m = Portico::Mail::wait_for(to => $to, timeout => 20);
    ok($m, 'arrived') or return;
    is($m->{subject}, 'Ihr Portico-Passwort wurde geändert', 'German subject, umlaut decoded');
    like($m->{raw}, qr/^Subject: =\?UTF-8\?Q\?/m, 'subject encoded on the wire');
    like($m->{text}, qr/^Guten Tag Jürgen Groß,\n\nDas Passwort Ihres Portico-Kontos wurde soeben geändert\./,
        'German text');
    like($m->{text}, qr/Mit freundlichen Grüßen/, 'German signature');
    like($m->{html}, qr/<html[^>]* lang="de"/, 'HTML lang="de"');
    like($m->{html}, qr/Passwort zurücksetzen/, 'German HTML');
    ok(wait_until(60, sub { row($id)->{status} eq 'sent' }), 'sent');
};

subtest 'invite: data filled in and escaped, links made absolute' => sub {
    my $to = addr('invite');
    my $data = '<data><inviter>Anna &lt;Admin&gt;</inviter><org>Müller &amp; Söhne</org>'
        . '<link>/auth/invite?token=' . ('ab' x 32) . '</link><expires-days>7</expires-days></data>';
    my $id = queue($to, 'Neu Kunde', 'en', 'invite', $data);
    my $m = Portico::Mail::wait_for(to => $to, subject => qr/invited/, timeout => 20);
    ok($m, 'arrived') or return;
    is($m->{subject}, 'You are invited to the Portico portal of Müller & Söhne', 'subject with org');
    like($m->{text}, qr/Anna <Admin> has invited you to the Portico service portal of Müller & Söhne\./,
        'text: inviter and org as typed');
    like($m->{text}, qr/valid for 7 days/, 'expiry');
    like($m->{html}, qr/Anna &lt;Admin&gt; has invited you/, 'HTML: inviter escaped');
    like($m->{html}, qr/Müller &amp; Söhne/, 'HTML: org escaped');
    my $url = Portico::Mail::link_in($m, qr{/auth/invite\?token=});
    like($url // '', qr{^https?://[^/\s]+/auth/invite\?token=(?:ab){32}$}, "path made absolute: $url");
    like($m->{html}, qr{href="\Q$url\E"}, 'button links there') if $url;
    ok(wait_until(60, sub { row($id)->{status} eq 'sent' }), 'sent');
};

subtest 'a link that is not http(s) is left out' => sub {
    my $to = addr('badlink');
    queue($to, '', 'en', 'reset',
        '<data><link>javascript:alert(1)</link><expires-minutes>60</expires-minutes></data>');
    my $m = Portico::Mail::wait_for(to => $to, timeout => 20);
    ok($m, 'arrived') or return;
    unlike($m->{text} . $m->{html}, qr/javascript/i, 'no javascript: link anywhere');
    like($m->{text}, qr/^Hello,\n/, 'greeting without a name');
};

subtest 'every template in English and German' => sub {
    my %data = (
        'invite' => '<data><inviter>Anna Admin</inviter><org>Acme Industrial Ltd</org>'
            . '<link>http://localhost/auth/invite?token=x</link><expires-days>7</expires-days></data>',
        'reset' => '<data><link>/auth/password/reset?token=y</link><expires-minutes>60</expires-minutes></data>',
        'email-confirm' => '<data><link>/auth/account/email?token=z</link>'
            . '<new-email>new@mailtest.example</new-email></data>',
        'email-changed' => '<data><new-email>new@mailtest.example</new-email><link>/auth/password/forgot</link></data>',
        'password-changed' => '<data><name>X</name><link>http://localhost/auth/password/forgot</link><ip>192.0.2.7</ip></data>',
    );
    my %want = (
        en => { 'invite' => qr/invited/, 'reset' => qr/Reset your Portico password/,
            'email-confirm' => qr/Confirm your new email address/,
            'email-changed' => qr/Your email address was changed/,
            'password-changed' => qr/password was changed/ },
        de => { 'invite' => qr/Einladung/, 'reset' => qr/zurücksetzen/,
            'email-confirm' => qr/Bestätigen Sie Ihre neue E-Mail-Adresse/,
            'email-changed' => qr/E-Mail-Adresse wurde geändert/,
            'password-changed' => qr/Passwort wurde geändert/ },
    );
    my %to;
    for my $lang (qw(en de)) {
        for my $t (sort keys %data) {
            $to{"$lang $t"} = addr("$t-$lang");
            queue($to{"$lang $t"}, 'Test Person', $lang, $t, $data{$t});
        }
    }
    for my $k (sort keys %to) {
        my ($lang, $t) = split / /, $k;
        my $m = Portico::Mail::wait_for(to => $to{$k}, timeout => 20);
        ok($m, "$k arrived") or next;
        like($m->{subject}, $want{$lang}{$t}, "$k subject: $m->{subject}");
        ok(length($m->{text}) > 50 && length($m->{html}) > 200, "$k has both parts");
        like($m->{html}, qr/<html[^>]* lang="$lang"/, "$k HTML lang");
        unlike($m->{text} . $m->{subject}, qr/\bmail\.[a-z-]+\.[a-z-]+/, "$k: every key translated");
        like($m->{text}, qr/192\.0\.2\.7/, "$k names the IP the change came from")
            if $t eq 'password-changed';
        if ($t =~ /^email-/) {
            like($m->{text}, qr/new\@mailtest\.example/, "$k names the new address");
        }
        if ($data{$t} =~ /<link>/) {
            like(Portico::Mail::link_in($m) // '', qr{^https?://[^/\s]+/auth/}, "$k: absolute link");
        }
    }
};

subtest 'an address that can never work: given up after five attempts, kept' => sub {
    my $id = queue("bad address\r\nBcc: x\@mailtest.example", '', 'en', 'password-changed');
    sql("UPDATE outbox SET attempts = 4 WHERE id = $id");
    ok(wait_until(60, sub { row($id)->{status} eq 'failed' }), 'status failed');
    my $r = row($id);
    is($r->{attempts}, 5, 'five attempts');
    like($r->{last_error} // '', qr/invalid recipient/, "last_error: $r->{last_error}");
    ok(!defined $r->{sent_at}, 'never sent');
    is(sql_value("SELECT COUNT(*) FROM outbox WHERE id = $id"), 1, 'the row is kept');
    $id = queue('fine@mailtest.example', '', 'en', 'no-such-template');
    ok(wait_until(60, sub { (row($id)->{attempts} // 0) >= 1 }), 'unknown template: an attempt');
    $r = row($id);
    is($r->{status}, 'queued', 'still queued after one attempt (a fixed template can send it)');
    like($r->{last_error} // '', qr/cannot render mail\/no-such-template\.xsl/, 'last_error says why');
};

done_testing;
