# Completing a deletion request: the admin sees the open requests and
# anonymises the person in one transaction, after ticking a confirmation.
# Afterwards the person cannot sign in, no row of users, sessions or
# audit_log holds their old email or name, their audit rows keep who, when
# and what, and the users row keeps its id for tickets and orders.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Provider;

my $tag = unique_tag('anon');
my $email = "$tag\@test.example";
my $name = "Zora Quill $tag";
my $org = make_org(name => "Anon Org $tag");
my $uid = make_user(org_id => $org, email => $email, name => $name, phone => '+44 20 7946 0000',
    roles => ['customer_user', 'buyer']);
my $admin = login_as('admin@portico.example');
my $admin_id = sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'");

# The person signs in (a session, a login audit row) and things that name them pile up.
my $person = login_as($email);
is($person->get('/')->code, 200, 'the person is signed in');
my $q_email = sql_quote($email);
my $q_name_json = sql_quote(qq{{"name":"$name","email":"$email"}});
sql("INSERT INTO audit_log (at, user_id, org_id, action, object_type, object_id, before_json, after_json, ip) VALUES"
    . " (UTC_TIMESTAMP(6), 5, $org, 'user.invite', 'user', '$uid', NULL, $q_name_json, '198.51.100.7'),"
    . " (UTC_TIMESTAMP(6), 5, $org, 'ticket.create', 'ticket', '77', NULL, " . sql_quote(qq{{"requester":"$name"}}) . ", '198.51.100.7'),"
    . " (UTC_TIMESTAMP(6), 1, 1, 'org.update', 'org', '2', " . sql_quote(qq{{"contact":"$email"}}) . ", NULL, '198.51.100.8')");
sql("INSERT INTO user_tokens (token_hash, user_id, purpose, data, created_at, expires_at)"
    . " VALUES (UNHEX(SHA2('$tag', 256)), $uid, 'email', 'new-$email', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY)");
sql("INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status, next_attempt_at, sent_at)"
    . " VALUES (UTC_TIMESTAMP(6), $q_email, " . sql_quote($name) . ", 'en', 'invite', '<data/>', 'sent', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");

subtest 'only requested deletions can be completed' => sub {
    my ($doc, $res) = $admin->get_xml('/auth/admin/deletions');
    is($res->code, 200, 'deletions 200');
    is(xp_count($doc, "/page/deletions/user[\@id='$uid']"), 0, 'not listed before a request');
    is($admin->post("/auth/admin/users/$uid/anonymise", [csrf => $admin->csrf, confirm => 1])->code, 404,
        'no request: 404');
    is($admin->post('/auth/admin/users/999999/anonymise', [csrf => $admin->csrf, confirm => 1])->code, 404,
        'unknown user: 404');
    is(sql_value("SELECT status FROM users WHERE id = $uid"), 'active', 'untouched');
};

sql("UPDATE users SET deletion_requested_at = UTC_TIMESTAMP(6) WHERE id = $uid");

subtest 'the request is listed; confirmation is required' => sub {
    my ($doc, $res) = $admin->get_xml('/auth/admin/deletions');
    is(xp($doc, "/page/deletions/user[\@id='$uid']/email"), $email, 'listed with the email');
    is(xp($doc, "/page/deletions/user[\@id='$uid']/name"), $name, 'and the name');
    ($doc, $res) = $admin->post_xml("/auth/admin/users/$uid/anonymise", [csrf => $admin->csrf]);
    is($res->code, 422, 'without the confirmation: 422');
    is(xp($doc, "/page/messages/message[\@field='confirm-$uid']/\@key"), 'deletion.confirm.required',
        'message on the checkbox');
    is(xp($doc, '/page/@view'), 'deletions', 'the list again');
    is(sql_value("SELECT email FROM users WHERE id = $uid"), $email, 'nothing changed');
};

subtest 'anonymise' => sub {
    my $res = $admin->post("/auth/admin/users/$uid/anonymise", [csrf => $admin->csrf, confirm => 1]);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/admin/deletions?done=1', 'back to the list');

    my $row = sql_rows("SELECT id, org_id, name, email, phone, password_hash, status, anonymised_at IS NOT NULL,"
        . " notify_tickets + notify_orders + notify_news FROM users WHERE id = $uid")->[0];
    ok($row, 'the users row is still there') or return;
    is_deeply($row, [$uid, $org, "Deleted user $uid", "deleted-$uid\@invalid.example", undef, undef, 'deleted', 1, 0],
        'same id and org; name, email, phone, password, status, anonymised_at, notifications');
    is(user_session_count($uid), 0, 'no sessions');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $uid"), 0, 'no tokens');
    is(sql_value("SELECT COUNT(*) FROM user_roles WHERE user_id = $uid"), 0, 'no roles');

    for my $needle ($email, $name) {
        my $n = sql_quote('%' . $needle . '%');
        is(sql_value("SELECT COUNT(*) FROM users WHERE CONCAT_WS('|', name, email, IFNULL(phone, '')) LIKE $n"), 0,
            "users: no '$needle'");
        is(sql_value("SELECT COUNT(*) FROM sessions WHERE CONCAT_WS('|', ip, user_agent) LIKE $n"), 0,
            "sessions: no '$needle'");
        is(sql_value("SELECT COUNT(*) FROM audit_log WHERE CONCAT_WS('|', action, object_type, IFNULL(object_id, ''),"
            . " IFNULL(before_json, ''), IFNULL(after_json, '')) LIKE $n"), 0, "audit_log: no '$needle'");
        is(sql_value("SELECT COUNT(*) FROM login_attempts WHERE email LIKE $n"), 0, "login_attempts: no '$needle'");
        is(sql_value("SELECT COUNT(*) FROM outbox WHERE CONCAT_WS('|', to_email, to_name, data_xml) LIKE $n"), 0,
            "outbox: no '$needle'");
        is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE data LIKE $n"), 0, "user_tokens: no '$needle'");
    }

    # Integrity: who did what and when stays.
    my $login = sql_rows("SELECT user_id, action, at IS NOT NULL FROM audit_log WHERE action = 'login'"
        . " AND object_type = 'user' AND object_id = '$uid'");
    ok(@$login >= 1, 'the login rows are kept');
    is($login->[0][0], $uid, 'still by the same user id');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'user.invite' AND object_id = '$uid'"
        . " AND after_json = '{\"anonymised\":true}' AND user_id = 5 AND ip = '198.51.100.7'"), 1,
        'the invite row is kept, its JSON scrubbed, its actor and IP kept');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'ticket.create' AND object_id = '77'"
        . " AND after_json = '{\"anonymised\":true}'"), 1, 'a row naming them elsewhere is scrubbed too');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE user_id = $uid AND ip <> ''"), 0, 'their own IPs are gone');

    my $a = last_audit('user', $uid);
    is($a->[0], 'user.anonymise', 'audit row user.anonymise');
    is($a->[1], $admin_id, 'by the admin');
    is($a->[4], '{"anonymised":true}', 'with no personal data');

    # The person is gone for good.
    my $r = $person->get('/');
    is($r->code, 303, 'their old session no longer works');
    is(Portico::Test->client->login($email)->code, 422, 'they cannot sign in with the old address');
    is(Portico::Test->client->login("deleted-$uid\@invalid.example")->code, 422, 'nor with the new one');
    sql("DELETE FROM login_attempts WHERE email IN ($q_email, 'deleted-$uid\@invalid.example')");

    my ($doc) = $admin->get_xml('/auth/admin/deletions?done=1');
    ok(grep({ $_ eq 'deletion.done' } message_keys($doc)), 'success message');
    is(xp_count($doc, "/page/deletions/user[\@id='$uid']"), 0, 'no longer listed');
    is($admin->post("/auth/admin/users/$uid/anonymise", [csrf => $admin->csrf, confirm => 1])->code, 404,
        'a second time: 404');
};

# The rows this test made up (not the ones the portal wrote) go again.
END { sql("DELETE FROM audit_log WHERE ip IN ('198.51.100.7', '198.51.100.8')") }

done_testing;
