# Revoking sessions from the account page: only one's own. Another user's
# session id answers 404 like one that does not exist, and that session
# lives on. Revoking the current session signs out.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $u = new_user();
my $c = Portico::Test->client;
is($c->login($u->{email})->code, 303, 'signed in');
my $laptop = Portico::Test->client;
is($laptop->login($u->{email})->code, 303, 'signed in from a second browser');
my $other = new_user(like => 'klaus@bergmann.example');
my $foreign = Portico::Test->client;
is($foreign->login($other->{email})->code, 303, 'a user of another org signed in');

sub csrf_now { csrf_of(scalar $c->get_xml('/auth/account')) }
my $mine = sql_value("SELECT MAX(id) FROM sessions WHERE user_id = $u->{id}");
my $current = sql_value("SELECT MIN(id) FROM sessions WHERE user_id = $u->{id}");
my $theirs = sql_value("SELECT MAX(id) FROM sessions WHERE user_id = $other->{id}");

subtest "another user's session is not found" => sub {
    my ($doc, $res) = $c->post_xml("/auth/account/sessions/$theirs/revoke", [csrf => csrf_now()]);
    is($res->code, 404, 'answers 404');
    is(xp($doc, '/page/@view'), 'not-found', 'view not-found');
    is($foreign->get('/')->code, 200, 'their session lives on');
    is($c->post("/auth/account/sessions/99999999/revoke", [csrf => csrf_now()])->code, 404, 'no such session: 404');
    is($c->post("/auth/account/sessions/0/revoke", [csrf => csrf_now()])->code, 404, 'id 0: 404');
    is($c->post("/auth/account/sessions/abc/revoke", [csrf => csrf_now()])->code, 404, 'not a number: 404');
    is(scalar(grep { $_->[0] eq 'session.revoke' } @{ sql_rows("SELECT action FROM audit_log WHERE user_id = $u->{id}") }), 0, 'no audit row');
};

subtest 'CSRF' => sub {
    my ($doc, $res) = $c->post_xml("/auth/account/sessions/$mine/revoke", []);
    is($res->code, 403, 'no token: 403');
    ($doc, $res) = $c->post_xml("/auth/account/sessions/$mine/revoke", [csrf => csrf_of(scalar $foreign->get_xml('/'))]);
    is($res->code, 403, "another user's token: 403");
    is($laptop->get('/')->code, 200, 'the session lives on');
};

subtest 'revoking my other session' => sub {
    my $res = $c->post("/auth/account/sessions/$mine/revoke", [csrf => csrf_now()]);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/account?saved=session', 'back to the account page');
    is($laptop->get('/')->code, 303, 'the other browser is signed out');
    is(sql_value("SELECT COUNT(*) FROM sessions WHERE id = $mine"), 0, 'the row is gone');
    my $doc = $c->get_xml('/auth/account?saved=session');
    ok(grep({ $_ eq 'account.session.revoked' } message_keys($doc)), 'success message');
    is(xp_count($doc, '/page/account/sessions/session'), 1, 'one session listed');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'session.revoke' AND object_id = '$mine' AND user_id = $u->{id}"), 1, 'audit row');
    is($c->post("/auth/account/sessions/$mine/revoke", [csrf => csrf_now()])->code, 404, 'a second time: 404');
};

subtest 'revoking the current session signs out' => sub {
    my $res = $c->post("/auth/account/sessions/$current/revoke", [csrf => csrf_now()]);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/login?bye=1', 'to the login page');
    ok(cookie_is_cleared(set_cookies($res)->{portico_session}), 'the cookie is cleared');
    is($c->get('/auth/account')->code, 303, 'signed out');
};

done_testing;
