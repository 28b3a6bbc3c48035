# Sessions: the cookie holds a token whose SHA-256 is stored (never the token
# itself); a session ends after session_idle_min (30) without requests and
# after session_absolute_h (12) in any case; a new login rotates the token.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $email = 'anna.admin@acme.example';

sub hash_of { 'UNHEX(SHA2(' . sql_quote($_[0]) . ',256))' }

sub logged_in_client {
    my $c = Portico::Test->client;
    my $res = $c->login($email, DEMO_PASSWORD);
    is($res->code, 303, 'logged in');
    my $t = $c->cookie('portico_session');
    ok($t, 'session cookie') or return;
    return ($c, $t);
}

subtest 'only the hash of the token is stored' => sub {
    my ($c, $t) = logged_in_client() or return;
    my $h = hash_of($t);
    is(sql_value("SELECT COUNT(*) FROM sessions WHERE token_hash = $h"), 1,
        'token_hash = SHA-256(cookie)');
    is(sql_value("SELECT LENGTH(token_hash) FROM sessions WHERE token_hash = $h"), 32, 'hash is 32 bytes');
    my $rows = sql_rows("SELECT * FROM sessions WHERE token_hash = $h");
    my $hex = sql_value("SELECT HEX(token_hash) FROM sessions WHERE token_hash = $h");
    ok(!grep({ defined && index(lc $_, lc $t) >= 0 } @{ $rows->[0] }), 'no column holds the raw token');
    isnt(lc $hex, lc $t, 'the hash is not the token');
};

subtest 'idle expiry' => sub {
    my ($c, $t) = logged_in_client() or return;
    my $h = hash_of($t);
    sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(6) - INTERVAL 20 MINUTE WHERE token_hash = $h");
    is($c->get('/')->code, 200, 'still logged in after 20 idle minutes');
    sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(6) - INTERVAL 2 HOUR WHERE token_hash = $h");
    my $res = $c->get('/');
    is($res->code, 303, 'after 2 idle hours the start page is anonymous');
    like(location_path($res) // '', qr{^/auth/login\?expired=1&next=/$}, 'sent to login, told why');
    ok(cookie_is_cleared(set_cookies($res)->{portico_session}), 'the stale cookie is removed');
    my $doc = $c->get_xml(location_path($res) . '&format=xml');
    is(xp_count($doc, '/page/session/user'), 0, 'no user on the login page');
    is_deeply([message_keys($doc)], ['login.session-expired'], 'the login page says the session expired');
    $res = $c->get('/');
    like(location_path($res) // '', qr{^/auth/login\?next=/$}, 'said once: the next visit is a plain login');
};

subtest 'activity keeps a session alive' => sub {
    my ($c, $t) = logged_in_client() or return;
    my $h = hash_of($t);
    sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(6) - INTERVAL 25 MINUTE WHERE token_hash = $h");
    is($c->get('/')->code, 200, 'request after 25 idle minutes');
    my $age = sql_value("SELECT TIMESTAMPDIFF(SECOND, last_seen_at, UTC_TIMESTAMP(6)) FROM sessions WHERE token_hash = $h");
    ok(defined $age && $age < 25 * 60, "last_seen_at moved forward (now ${\($age // 'n/a')} s ago)");
};

subtest 'absolute expiry' => sub {
    my ($c, $t) = logged_in_client() or return;
    my $h = hash_of($t);
    my $left = sql_value("SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(6), expires_at) FROM sessions WHERE token_hash = $h");
    ok(defined $left && $left > 11 * 60 && $left <= 12 * 60, "expires_at about 12 h ahead ($left min)");
    sql("UPDATE sessions SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, last_seen_at = UTC_TIMESTAMP(6) WHERE token_hash = $h");
    my $res = $c->get('/');
    is($res->code, 303, 'past expires_at the start page is anonymous, however recent the last request');
    like(location_path($res) // '', qr{^/auth/login}, 'sent to login');
};

subtest 'a new login rotates the token' => sub {
    my ($c, $t) = logged_in_client() or return;
    my $res = $c->login($email, DEMO_PASSWORD);
    is($res->code, 303, 'logged in again in the same browser');
    my $t2 = $c->cookie('portico_session');
    ok($t2 && $t2 ne $t, 'a different token');
    is(sql_value('SELECT COUNT(*) FROM sessions WHERE token_hash = ' . hash_of($t)), 0, 'old session row gone');
    is(sql_value('SELECT COUNT(*) FROM sessions WHERE token_hash = ' . hash_of($t2)), 1, 'new session row present');
    my $old = Portico::Test->client;
    $old->set_cookie(portico_session => $t);
    is($old->get('/')->code, 303, 'the old token opens nothing');
};

done_testing;
