# Logging in with the right password: the 303, the session cookie and its
# flags, the session stored as a hash, and the page showing who is logged in.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $carl = demo_user('carl@acme.example');

subtest 'anonymous start page sends to the login form' => sub {
    my $c = Portico::Test->client;
    my $res = $c->get('/');
    is($res->code, 303, 'GET / anonymous is 303');
    like(location_path($res) // '', qr{^/auth/login(?:\?|$)}, 'to /auth/login');
};

subtest 'login form' => sub {
    my $c = Portico::Test->client;
    my $res = $c->get('/auth/login');
    is($res->code, 200, 'GET /auth/login is 200');
    like($res->header('Content-Type') // '', qr{^text/html;\s*charset=utf-8}i, 'HTML');
    like($res->decoded_content, qr{<form[^>]+action="/auth/login"}, 'a form posting to /auth/login');
    like($res->decoded_content, qr{<input[^>]+name="password"}, 'with a password field');
    my $csrf = set_cookies($res)->{portico_csrf};
    ok($csrf, 'anonymous CSRF cookie portico_csrf is set');
    if ($csrf) {
        ok($csrf->{attrs}{httponly}, 'portico_csrf HttpOnly');
        is(lc($csrf->{attrs}{samesite} // ''), 'lax', 'portico_csrf SameSite=Lax');
        is($csrf->{attrs}{path}, '/', 'portico_csrf Path=/');
    }
    my $doc = $c->get_xml('/auth/login');
    is(xp($doc, '/page/@view'), 'login', 'view login');
    like(csrf_of($doc), qr/^[0-9a-f]{64}$/, 'csrf token is 64 hex');
    is(xp_count($doc, '/page/session/user'), 0, 'no user in the session');
};

subtest 'login succeeds' => sub {
    my $c = Portico::Test->client;
    my $res = $c->login($carl->{email}, DEMO_PASSWORD);
    is($res->code, 303, 'POST /auth/login is 303');
    is(location_path($res), '/', 'to /');
    my $sc = set_cookies($res)->{portico_session};
    ok($sc, 'portico_session cookie set') or return;
    ok($sc->{attrs}{httponly}, 'HttpOnly');
    is(lc($sc->{attrs}{samesite} // ''), 'lax', 'SameSite=Lax');
    is($sc->{attrs}{path}, '/', 'Path=/');
    like($sc->{value}, qr/^[A-Za-z0-9_-]{43,}$/, 'token long enough for 256 bits, URL-safe');
    ok(!exists $sc->{attrs}{domain}, 'no Domain attribute (host-only cookie)');

    my $doc = $c->get_xml('/');
    is(xp($doc, '/page/@view'), 'start', 'start page');
    is(xp($doc, '/page/session/user/email'), $carl->{email}, 'session user is carl');
    like(xp($doc, '/page/session/user/@id'), qr/^\d+$/, 'user id present');

    my $q = "UNHEX(SHA2(" . sql_quote($sc->{value}) . ",256))";
    is(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = $q"), 1,
        'one session row whose token_hash is SHA-256 of the cookie');
    is(sql_value("SELECT user_id FROM sessions WHERE token_hash = $q"),
        xp($doc, '/page/session/user/@id'), 'session row belongs to the logged-in user');
    like(sql_value("SELECT csrf FROM sessions WHERE token_hash = $q") // '',
        qr/^[0-9a-f]{64}$/, 'session has its own csrf token');
    is(sql_value("SELECT csrf FROM sessions WHERE token_hash = $q"), csrf_of($doc),
        'the page carries the session csrf token');
};

subtest 'next= is honoured for local paths only' => sub {
    my $c = Portico::Test->client;
    my $res = $c->login($carl->{email}, DEMO_PASSWORD, next => '/auth/health');
    is($res->code, 303, 'login with next');
    is(location_path($res), '/auth/health', 'redirect to the local next');

    for my $evil ('//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)') {
        my $e = Portico::Test->client;
        my $r = $e->login($carl->{email}, DEMO_PASSWORD, next => $evil);
        is($r->code, 303, "login with next=$evil is still a login");
        my $loc = location_path($r) // '';
        like($loc, qr{^/(?![/\\])}, "next=$evil does not leave the site (Location $loc)");
        unlike($loc, qr/evil\.example|javascript/i, "next=$evil is not followed");
    }
};

subtest 'next on the login form is kept in a hidden field' => sub {
    my $c = Portico::Test->client;
    my $res = $c->get('/auth/login?next=%2Fauth%2Fhealth');
    is($res->code, 200, 'login form with next');
    like($res->decoded_content, qr{<input(?=[^>]*type="hidden")(?=[^>]*name="next")(?=[^>]*value="/auth/health")[^>]*>},
        'hidden next field with the path');
};

subtest 'a chosen session cookie is not adopted (no fixation)' => sub {
    my $c = Portico::Test->client;
    my $planted = 'a' x 64;
    $c->set_cookie(portico_session => $planted);
    my $res = $c->login($carl->{email}, DEMO_PASSWORD);
    is($res->code, 303, 'login with a planted cookie');
    my $sc = set_cookies($res)->{portico_session};
    ok($sc && $sc->{value} ne $planted, 'a fresh token is issued');
    is(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(SHA2('$planted',256))"), 0,
        'no session row for the planted token');
};

done_testing;
