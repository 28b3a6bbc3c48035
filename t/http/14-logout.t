# Logging out: 303 to the login form, the session row deleted, the cookie
# cleared, and the old token worthless afterwards.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $c = Portico::Test->client;
is($c->login('paula@northwind.example', DEMO_PASSWORD)->code, 303, 'logged in');
my $token = $c->cookie('portico_session');
ok($token, 'have a session cookie') or do { done_testing; exit };
my $hash = 'UNHEX(SHA2(' . sql_quote($token) . ',256))';
is(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = $hash"), 1, 'session row exists');
is($c->get('/')->code, 200, 'start page while logged in');

my $csrf = csrf_of($c->get_xml('/'));
my $res = $c->post('/auth/logout', [csrf => $csrf]);
is($res->code, 303, 'POST /auth/logout is 303');
like(location_path($res) // '', qr{^/auth/login(?:\?|$)}, 'to /auth/login');
my $sc = set_cookies($res)->{portico_session};
ok($sc, 'logout answers with a portico_session cookie');
ok(cookie_is_cleared($sc) || ($sc && $sc->{value} eq ''), 'which clears it') if $sc;
is(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = $hash"), 0, 'session row deleted');

$res = $c->get('/');
is($res->code, 303, 'start page is anonymous again');
like(location_path($res) // '', qr{^/auth/login}, 'sent to login');

my $replay = Portico::Test->client;
$replay->set_cookie(portico_session => $token);
$res = $replay->get('/');
is($res->code, 303, 'the old token no longer opens a session');
my $doc = $replay->get_xml('/auth/login');
is(xp_count($doc, '/page/session/user'), 0, 'old token gives no user on the login page');

done_testing;
