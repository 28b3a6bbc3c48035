# Accepting an invitation: the link (token purpose "invite") shows the org
# and a set-password form; the POST sets the password, activates the user,
# uses the token, signs the user in and goes to the start page. Once only;
# expired links and users who are not "invited" get a 404.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $u = new_user(status => 'invited', like => 'anna.admin@acme.example');
is(sql_value("SELECT password_hash FROM users WHERE id = $u->{id}"), undef, 'the invitee has no password');
my $token = make_token($u->{id}, 'invite', undef, 7 * 86400);
my $link = "/auth/invite?token=$token";
my $pw = 'welcome aboard 2026';
my $c = Portico::Test->client;

subtest 'the link shows the org and the form' => sub {
    my ($doc, $res) = $c->get_xml($link);
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'password-set', 'view password-set');
    is(xp($doc, '/page/password-form/@purpose'), 'invite', 'purpose invite');
    is(xp($doc, '/page/password-form/org'), 'Acme Industrial Ltd', 'the org');
    is(xp($doc, '/page/password-form/name'), $u->{name}, 'the name');
    my $html = $c->get($link)->decoded_content;
    ok($html =~ m{action="/auth/invite"}, 'posting to /auth/invite');
    ok($html =~ m{Acme Industrial Ltd}, 'the org is shown');
};

subtest 'bad input and CSRF' => sub {
    my ($doc, $res) = $c->post_xml('/auth/invite', [token => $token, password => 'short', password2 => 'short', csrf => $c->csrf]);
    is($res->code, 422, 'short: 422');
    is(xp($doc, "/page/messages/message[\@field = 'password']/\@key"), 'password.too-short', 'message');
    is(xp($doc, '/page/password-form/token'), $token, 'token kept');
    is($c->post('/auth/invite', [token => $token, password => $pw, password2 => $pw])->code, 403, 'no csrf: 403');
    is(sql_value("SELECT status FROM users WHERE id = $u->{id}"), 'invited', 'still invited');
};

subtest 'accepting' => sub {
    my $res = $c->post('/auth/invite', [token => $token, password => $pw, password2 => $pw, csrf => $c->csrf]);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/', 'to the start page');
    ok(set_cookies($res)->{portico_session}, 'a session cookie');
    my ($doc) = $c->get_xml('/');
    is(xp($doc, '/page/@view'), 'start', 'signed in: the start page');
    is(xp($doc, '/page/session/user/email'), $u->{email}, 'as the invitee');
    is(xp($doc, '/page/session/user/role'), 'customer_admin', 'with the role of the invitation');
    is(sql_value("SELECT status FROM users WHERE id = $u->{id}"), 'active', 'active now');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND used_at IS NOT NULL"), 1, 'token used');
    ok(audit_rows($u->{id}, 'user.invite-accepted'), 'audit row');
    my $login = Portico::Test->client;
    is($login->login($u->{email}, $pw)->code, 303, 'signing in with the password works');
};

subtest 'once only, and not for others' => sub {
    my $other = Portico::Test->client;
    my ($doc, $res) = $other->get_xml($link);
    is($res->code, 404, 'used: 404');
    is(xp($doc, '/page/password-form/@state'), 'invalid', 'state invalid');
    ok($other->get($link)->decoded_content =~ m{This link is no longer valid}, 'a clear page');
    is($other->post('/auth/invite', [token => $token, password => $pw, password2 => $pw, csrf => $other->csrf])->code, 404, 'POST: 404');
    my $again = make_token($u->{id}, 'invite', undef, 3600);
    is($other->get("/auth/invite?token=$again")->code, 404, 'an active user cannot be invited again');
    my $v = new_user(status => 'invited');
    my $late = make_token($v->{id}, 'invite', undef, -5);
    is($other->get("/auth/invite?token=$late")->code, 404, 'expired: 404');
    is($other->post('/auth/invite', [token => $late, password => $pw, password2 => $pw, csrf => $other->csrf])->code, 404, 'expired POST: 404');
    is(sql_value("SELECT status FROM users WHERE id = $v->{id}"), 'invited', 'still invited');
    my $reset = make_token($v->{id}, 'reset', undef, 3600);
    is($other->get("/auth/invite?token=$reset")->code, 404, 'a reset token: 404');
};

done_testing;
