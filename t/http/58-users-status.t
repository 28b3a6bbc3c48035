# Deactivate and reactivate: a deactivated user's sessions end at once,
# their open links stop working and they cannot sign in; reactivating
# brings them back (as "invited" while they have no password).  Nobody
# changes their own status.  Audit rows carry before and after.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my $anna = client_as('anna.admin@acme.example');

subtest 'anna deactivates and reactivates a user of Acme' => sub {
    my ($u, $email) = make_user(org => ACME, roles => ['customer_user']);
    my $victim = client_as($email);
    is($victim->get('/')->code, 200, 'the user is signed in');
    sql("INSERT INTO user_tokens (token_hash, user_id, purpose, created_at, expires_at)"
        . " VALUES (UNHEX(SHA2('t$u', 256)), $u, 'reset', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 HOUR)");

    my ($doc, $res) = post_form($anna, "/auth/users/$u/status", [status => 'inactive']);
    is($res->code, 303, 'deactivate: 303');
    is(location_path($res), "/auth/users/$u?saved=1", 'back to the page');
    is(user_row($u)->{status}, 'inactive', 'status inactive');
    is(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = $u"), 0, 'sessions ended');
    my $r = $victim->get('/');
    is($r->code, 303, "the user's next request is not signed in");
    like(location_path($r), qr{^/auth/login}, 'sent to the login page');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u AND used_at IS NULL"), 0, 'open links void');
    is(Portico::Test->client->login($email)->code, 422, 'cannot sign in');
    my ($a) = audit_rows('user.status', 'user', $u);
    is($a->{user_id}, ANNA_ID, 'audit by anna');
    is($a->{before}, '{"status":"active"}', 'before');
    is($a->{after}, '{"status":"inactive"}', 'after');

    ($doc) = $anna->get_xml("/auth/users/$u");
    is(xp($doc, '/page/user-detail/user/@status'), 'inactive', 'the page shows it');
    like($anna->get("/auth/users/$u")->content, qr{name="status" value="active"}, 'offers reactivation');

    ($doc, $res) = post_form($anna, "/auth/users/$u/status", [status => 'active']);
    is($res->code, 303, 'reactivate: 303');
    is(user_row($u)->{status}, 'active', 'active again');
    is(Portico::Test->client->login($email)->code, 303, 'signs in again');
    ($a) = audit_rows('user.status', 'user', $u);
    is($a->{after}, '{"status":"active"}', 'audit after');

    my $n = audit_count('user.status', 'user', $u);
    ($doc, $res) = post_form($anna, "/auth/users/$u/status", [status => 'active']);
    is($res->code, 303, 'no change: 303');
    is(audit_count('user.status', 'user', $u), $n, 'no audit row for no change');
};

subtest 'an invited user comes back as invited' => sub {
    my $u = make_user(org => ACME, roles => ['buyer'], status => 'invited', password => 0);
    my ($doc, $res) = post_form($anna, "/auth/users/$u/status", [status => 'inactive']);
    is($res->code, 303, 'deactivate: 303');
    is(user_row($u)->{status}, 'inactive', 'inactive');
    ($doc, $res) = post_form($anna, "/auth/users/$u/status", [status => 'active']);
    is(user_row($u)->{status}, 'invited', 'reactivated as invited (no password yet)');
};

subtest '422: yourself, bad value, deleted user' => sub {
    my ($doc, $res) = post_form($anna, '/auth/users/' . ANNA_ID . '/status', [status => 'inactive']);
    is($res->code, 422, 'anna deactivating herself: 422');
    ok(xp_count($doc, "/page/messages/message[\@key='users.status.self']"), 'users.status.self');
    is(user_row(ANNA_ID)->{status}, 'active', 'anna still active');
    is($anna->get('/')->code, 200, 'and signed in');

    my $u = make_user(org => ACME, roles => ['buyer']);
    ($doc, $res) = post_form($anna, "/auth/users/$u/status", [status => 'deleted']);
    is($res->code, 422, 'status=deleted: 422');
    ok(xp_count($doc, "/page/messages/message[\@key='users.status.invalid' and \@field='status']"), 'users.status.invalid');
    ($doc, $res) = post_form($anna, "/auth/users/$u/status", []);
    is($res->code, 422, 'no status: 422');
    is(user_row($u)->{status}, 'active', 'unchanged');

    my $d = make_user(org => ACME, roles => ['buyer'], status => 'deleted');
    ($doc, $res) = post_form($anna, "/auth/users/$d/status", [status => 'active']);
    is($res->code, 422, 'a deleted user: 422');
    is(user_row($d)->{status}, 'deleted', 'stays deleted');
};

subtest 'refused: other org 404, no permission 403, no token 403' => sub {
    my $u = make_user(org => ACME, roles => ['buyer']);
    my ($doc, $res) = post_form($anna, '/auth/users/' . KLAUS_ID . '/status', [status => 'inactive']);
    is($res->code, 404, 'anna on klaus: 404');
    is(user_row(KLAUS_ID)->{status}, 'active', 'klaus still active');
    my $klaus = client_as('klaus@bergmann.example');
    ($doc, $res) = post_form($klaus, "/auth/users/$u/status", [status => 'inactive']);
    is($res->code, 403, 'klaus: 403');
    ($doc, $res) = post_form($anna, "/auth/users/$u/status", [status => 'inactive'], no_csrf => 1);
    is($res->code, 403, 'without csrf: 403');
    is(user_row($u)->{status}, 'active', 'unchanged');
    ($doc, $res) = post_form($anna, "/auth/admin/users/$u/status", [status => 'inactive']);
    is($res->code, 403, 'anna on the provider action: 403');
};

subtest 'the provider admin deactivates in any org' => sub {
    my $admin = client_as('admin@portico.example');
    my ($b, $email) = make_user(org => BERGMANN, roles => ['customer_user']);
    my ($doc, $res) = post_form($admin, "/auth/admin/users/$b/status", [status => 'inactive']);
    is($res->code, 303, 'status 303');
    is(location_path($res), "/auth/admin/users/$b?saved=1", 'back to the admin page');
    is(user_row($b)->{status}, 'inactive', 'inactive');
    my ($a) = audit_rows('user.status', 'user', $b);
    is($a->{user_id}, 1, 'audit by the admin');
    ($doc, $res) = post_form($admin, '/auth/admin/users/1/status', [status => 'inactive']);
    is($res->code, 422, 'not themselves');
    is(user_row(1)->{status}, 'active', 'admin still active');
};

done_testing;
