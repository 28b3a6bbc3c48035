# The account page: only for signed-in users, reachable from the header,
# showing the stored profile, the fixed list of time zones and the user's
# own open sessions (the current one marked), and nobody else's.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

subtest 'anonymous users are sent to sign in' => sub {
    my $c = Portico::Test->client;
    my $res = $c->get('/auth/account');
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/login?next=/auth/account', 'to the login form, coming back after');
    for my $p ('/auth/account/data.xml', '/auth/account/data.json', '/auth/account/delete-request') {
        is($c->get($p)->code, 303, "$p: 303 too");
    }
    my $csrf = $c->csrf;
    for my $p ('/auth/account/profile', '/auth/account/password', '/auth/account/email',
        '/auth/account/sessions/1/revoke', '/auth/account/delete-request') {
        is($c->post($p, [csrf => $csrf])->code, 403, "POST $p: 403");
    }
};

subtest 'the page shows the profile, time zones and sessions' => sub {
    my $u = new_user();
    sql("UPDATE users SET phone = '+44 1 2345', time_zone = 'Europe/Berlin', notify_news = 1 WHERE id = $u->{id}");
    my $c = Portico::Test->client;
    is($c->login($u->{email})->code, 303, 'signed in');
    my $other = Portico::Test->client;
    is($other->login($u->{email})->code, 303, 'signed in from a second browser');
    my $carl = Portico::Test->client;
    is($carl->login('carl@acme.example')->code, 303, 'someone else signed in');

    my ($doc, $res) = $c->get_xml('/auth/account');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'account', 'view account');
    is(xp($doc, '/page/account/profile/name'), $u->{name}, 'name');
    is(xp($doc, '/page/account/profile/email'), $u->{email}, 'email');
    is(xp($doc, '/page/account/profile/phone'), '+44 1 2345', 'phone');
    is(xp($doc, '/page/account/profile/time_zone'), 'Europe/Berlin', 'time zone');
    is(xp($doc, '/page/account/profile/notify_news'), '1', 'notify_news');
    is(xp($doc, '/page/account/profile/notify_tickets'), '1', 'notify_tickets');
    ok(xp_count($doc, '/page/account/time-zones/zone') >= 20, 'a list of time zones');
    ok(xp_count($doc, "/page/account/time-zones/zone[. = 'UTC']"), 'UTC among them');
    is(xp_count($doc, '/page/account/sessions/session'), 2, 'two sessions: only this user\'s');
    is(xp_count($doc, '/page/account/sessions/session[@current = "1"]'), 1, 'one marked current');
    my $sid = sql_value("SELECT MAX(id) FROM sessions WHERE user_id = $u->{id}");
    my $first = sql_value("SELECT MIN(id) FROM sessions WHERE user_id = $u->{id}");
    is(xp($doc, '/page/account/sessions/session[@current = "1"]/@id'), $first, 'the current one is this browser\'s');
    ok(xp($doc, "/page/account/sessions/session[\@id = '$sid']/\@created") =~ /^\d{4}-\d\d-\d\dT/, 'created time');
    ok(xp($doc, "/page/account/sessions/session[\@id = '$sid']/\@last-seen") =~ /^\d{4}-/, 'last seen time');
    is(xp($doc, "/page/account/sessions/session[\@id = '$sid']/\@ip"), '127.0.0.1', 'IP');
    is(xp($doc, "/page/account/sessions/session[\@id = '$sid']/user-agent"), 'portico-http-tests/1', 'user agent');

    my $html = $c->get('/auth/account');
    is($html->code, 200, 'HTML 200');
    my $body = $html->decoded_content;
    like($body, qr{<h1[^>]*>My account</h1>}, 'one h1: My account');
    is(scalar(() = $body =~ /<h1/g), 1, 'exactly one h1');
    like($body, qr{<a [^>]*href="/auth/account"[^>]*aria-current="page"}, 'the header links to the account page');
    like($body, qr{action="/auth/account/profile"}, 'profile form');
    like($body, qr{action="/auth/account/password"}, 'password form');
    like($body, qr{action="/auth/account/email"}, 'email form');
    like($body, qr{action="/auth/account/sessions/$sid/revoke"}, 'revoke form for the other session');
    unlike($body, qr{action="/auth/account/sessions/$first/revoke"}, 'no revoke button for this session');
    like($body, qr{href="/auth/account/data\.xml"}, 'download link XML');
    like($body, qr{href="/auth/account/data\.json"}, 'download link JSON');
    like($body, qr{<option value="Europe/Berlin" selected="selected">}, 'the stored zone is selected');
    like($body, qr{<label for="name">}, 'labelled inputs');
    like($body, qr{/static/css/account\.css}, 'the area stylesheet');
    unlike($body, qr{style="}, 'no inline style');

    my $start = $c->get('/')->decoded_content;
    like($start, qr{<a [^>]*href="/auth/account"}, 'the start page header links to the account too');
};

done_testing;
