# The account pages in German: for a user whose profile says German, and
# for anonymous visitors whose browser asks for German; the reset mail goes
# out in the user's language.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $u = new_user(like => 'klaus@bergmann.example', lang => 'de');

sub has { my ($body, $re, $name) = @_; ok($body =~ $re, $name) or diag("no match for $re") }

subtest 'account page' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    is($c->login($u->{email})->code, 303, 'signed in');
    my $body = $c->get('/auth/account')->decoded_content;
    has($body, qr{<html[^>]* lang="de"}, 'lang="de"');
    has($body, qr{<title>Mein Konto – Portico</title>}, 'title');
    has($body, qr{<h1>Mein Konto</h1>}, 'heading');
    has($body, qr{Wo Sie angemeldet sind}, 'sessions heading');
    has($body, qr{Diese Sitzung}, 'this session');
    has($body, qr{Passwort ändern}, 'password button');
    has($body, qr{Meine Daten herunterladen \(XML\)}, 'download link');
    my ($doc, $res) = $c->post_xml('/auth/account/password',
        [current_password => 'falsch', password => 'x', password2 => 'x', csrf => csrf_of(scalar $c->get_xml('/auth/account'))]);
    is($res->code, 422, 'answers 422');
    $body = $c->post('/auth/account/password',
        [current_password => 'falsch', password => 'x', password2 => 'x', csrf => csrf_of(scalar $c->get_xml('/auth/account'))])->decoded_content;
    has($body, qr{Ihr aktuelles Passwort ist nicht richtig\.}, 'German field message');
    $body = $c->get('/auth/account/delete-request')->decoded_content;
    has($body, qr{<h1 id="delete-title">Mein Konto löschen</h1>}, 'deletion page');
};

subtest 'forgotten password, anonymous, German browser' => sub {
    my $c = Portico::Test->client(accept_language => 'de-DE,de;q=0.9');
    my $body = $c->get('/auth/password/forgot')->decoded_content;
    has($body, qr{<h1 id="forgot-title">Passwort vergessen\?</h1>}, 'heading');
    has($body, qr{Link senden}, 'button');
    has($c->get('/auth/login')->decoded_content, qr{Passwort vergessen\?</a>}, 'the login page link');
    my $res = $c->post('/auth/password/forgot', [email => $u->{email}, csrf => $c->csrf]);
    is($res->code, 303, 'asked');
    has($c->get(location_path($res))->decoded_content, qr{Wenn die Adresse bekannt ist}, 'the same-for-all answer');
    my $row = outbox_wait($u->{email}, 'reset');
    is($row && $row->{lang}, 'de', 'the mail is queued in German');
    has($c->get('/auth/password/reset?token=' . ('a' x 64))->decoded_content, qr{Dieser Link ist nicht mehr gültig}, 'invalid link page');
    has($c->get('/auth/password/reset?token=' . ('a' x 64))->decoded_content, qr{Neuen Link anfordern}, 'with the German action');
    my $link = outbox_link($u->{email}, 'reset');
    has($c->get($link)->decoded_content, qr{Neues Passwort wählen}, 'the reset form');

    my ($m, $why) = mail_arrives($u->{email}, 'reset', 'de');
    SKIP: {
        skip $why, 1 if !$m && $why ne 'no mail arrived';
        ok($m, 'the German mail arrived');
    }
};

done_testing;
