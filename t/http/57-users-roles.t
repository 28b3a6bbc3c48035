# Roles: an org admin sets the roles of a user of their org (only roles of
# the org's kind, at least one, and never taking away their own admin
# role); the provider's admin does the same for any org.  A user of
# another org is 404, a role without the permission 403, a POST without
# the token 403.  Every change writes an audit row with before and after.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my $anna = client_as('anna.admin@acme.example');
my %id = map { $_ => role_id($_) } qw(customer_user buyer approver customer_admin partner_user agent admin);

sub roles_form { return [map { (role => $id{$_}) } @_] }

subtest 'the detail page shows the roles of the org kind, ticked as held' => sub {
    my $u = make_user(org => ACME, roles => [qw(customer_user approver)]);
    my ($doc, $res) = $anna->get_xml("/auth/users/$u");
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'user-detail', 'view user-detail');
    is(xp($doc, '/page/user-detail/user/@id'), $u, 'the user');
    is_deeply([xp_list($doc, '/page/user-detail/roles/role/@name')],
        [qw(customer_user buyer approver customer_admin)], 'customer roles offered');
    is_deeply([xp_list($doc, "/page/user-detail/roles/role[\@on='1']/\@name")],
        [qw(customer_user approver)], 'held ones ticked');
    is(xp($doc, '/page/user-detail/@self'), 0, 'not herself');
    like($anna->get("/auth/users/$u")->content, qr{<form class="form" method="post" action="/auth/users/$u/roles"},
        'HTML form posts to the roles action');
};

subtest 'anna sets roles' => sub {
    my $u = make_user(org => ACME, roles => [qw(customer_user)]);
    my ($doc, $res) = post_form($anna, "/auth/users/$u/roles", roles_form(qw(buyer approver)));
    is($res->code, 303, 'status 303');
    is(location_path($res), "/auth/users/$u?saved=1", 'back to the page');
    is_deeply(roles_of($u), [qw(approver buyer)], 'roles stored');
    my ($a) = audit_rows('user.roles', 'user', $u);
    ok($a, 'audit row') or return;
    is($a->{user_id}, ANNA_ID, 'by anna');
    is($a->{before}, '{"roles":["customer_user"]}', 'before');
    is($a->{after}, '{"roles":["buyer","approver"]}', 'after');
    ($doc) = $anna->get_xml("/auth/users/$u?saved=1");
    ok(xp_count($doc, "/page/messages/message[\@key='users.saved']"), 'saved message');

    ($doc, $res) = post_form($anna, "/auth/users/$u/roles", [@{ roles_form('customer_admin') }, role => $id{customer_admin}]);
    is($res->code, 303, 'a repeated role is fine');
    is_deeply(roles_of($u), ['customer_admin'], 'another admin made');
};

subtest '422: no role, a role of another kind, junk; roles kept as ticked' => sub {
    my $u = make_user(org => ACME, roles => [qw(buyer)]);
    my $audits = audit_count('user.roles', 'user', $u);
    my @cases = (
        ['no role', [], 'users.roles.required'],
        ['partner role', roles_form(qw(customer_user partner_user)), 'users.roles.invalid'],
        ['provider role', roles_form(qw(admin)), 'users.roles.invalid'],
        ['junk', [role => 'abc'], 'users.roles.invalid'],
        ['unknown id', [role => 999999], 'users.roles.invalid'],
    );
    for my $c (@cases) {
        my ($name, $form, $key) = @$c;
        my ($doc, $res) = post_form($anna, "/auth/users/$u/roles", $form);
        is($res->code, 422, "$name: 422");
        ok(xp_count($doc, "/page/messages/message[\@key='$key' and \@field='roles']"), "$name: $key");
        is(xp($doc, '/page/@view'), 'user-detail', "$name: the page again");
    }
    my ($doc) = post_form($anna, "/auth/users/$u/roles", roles_form(qw(approver partner_user)));
    is_deeply([xp_list($doc, "/page/user-detail/roles/role[\@on='1']/\@name")], ['approver'],
        'the ticks of the form are kept');
    is_deeply(roles_of($u), ['buyer'], 'roles unchanged');
    is(audit_count('user.roles', 'user', $u), $audits, 'no audit row');
};

subtest 'anna cannot remove her own admin role' => sub {
    my ($doc, $res) = post_form($anna, '/auth/users/' . ANNA_ID . '/roles', roles_form(qw(customer_user buyer)));
    is($res->code, 422, 'status 422');
    ok(xp_count($doc, "/page/messages/message[\@key='users.roles.own-admin']"), 'users.roles.own-admin');
    is_deeply(roles_of(ANNA_ID), ['customer_admin'], 'her roles unchanged');
    is(xp($doc, '/page/user-detail/@self'), 1, 'self on her own page');
    ($doc, $res) = post_form($anna, '/auth/users/' . ANNA_ID . '/roles', roles_form(qw(customer_admin buyer)));
    is($res->code, 303, 'adding a role to herself is fine');
    is_deeply(roles_of(ANNA_ID), [qw(buyer customer_admin)], 'stored');
    ($doc, $res) = post_form($anna, '/auth/users/' . ANNA_ID . '/roles', roles_form(qw(customer_admin)));
    is($res->code, 303, 'and back');
    is_deeply(roles_of(ANNA_ID), ['customer_admin'], 'demo roles restored');
};

subtest 'another org\'s user is 404, for every action' => sub {
    my $b = make_user(org => BERGMANN, roles => ['customer_user']);
    for my $id (KLAUS_ID, $b, 999999) {
        is($anna->get("/auth/users/$id")->code, 404, "GET /auth/users/$id: 404");
        my ($doc, $res) = post_form($anna, "/auth/users/$id/roles", roles_form('buyer'));
        is($res->code, 404, "roles of $id: 404");
        ($doc, $res) = post_form($anna, "/auth/users/$id/status", [status => 'inactive']);
        is($res->code, 404, "status of $id: 404");
        ($doc, $res) = post_form($anna, "/auth/users/$id/invite", []);
        is($res->code, 404, "invite of $id: 404");
    }
    is_deeply(roles_of(KLAUS_ID), ['customer_user'], "klaus' roles unchanged");
    is(user_row(KLAUS_ID)->{status}, 'active', 'klaus still active');
    is($anna->get('/auth/users/abc')->code, 404, 'a path that is no id: 404');
};

subtest '403 without the permission, 403 without the token' => sub {
    my $u = make_user(org => ACME, roles => ['customer_user']);
    my $klaus = client_as('klaus@bergmann.example');
    is($klaus->get('/auth/users/' . KLAUS_ID)->code, 403, 'klaus on himself: 403');
    my ($doc, $res) = post_form($klaus, '/auth/users/' . KLAUS_ID . '/roles', roles_form('customer_admin'));
    is($res->code, 403, 'klaus making himself admin: 403');
    is_deeply(roles_of(KLAUS_ID), ['customer_user'], 'unchanged');
    my $carl = client_as('carl@acme.example');
    ($doc, $res) = post_form($carl, "/auth/users/$u/roles", roles_form('buyer'));
    is($res->code, 403, 'carl (Acme, no users.manage.org): 403');
    ($doc, $res) = post_form($anna, "/auth/users/$u/roles", roles_form('buyer'), no_csrf => 1);
    is($res->code, 403, 'anna without csrf: 403');
    ok(grep({ $_ eq 'error.csrf' } message_keys($doc)), 'error.csrf');
    is_deeply(roles_of($u), ['customer_user'], 'unchanged');
    ($doc, $res) = post_form($anna, "/auth/admin/users/$u/roles", roles_form('buyer'));
    is($res->code, 403, 'anna on the provider action: 403');
};

subtest 'the provider admin sets roles in any org, of that org\'s kind' => sub {
    my $admin = client_as('admin@portico.example');
    my $b = make_user(org => BERGMANN, roles => ['customer_user']);
    my $p = make_user(org => NORTHWIND, roles => ['partner_user']);
    my ($doc, $res) = $admin->get_xml("/auth/admin/users/$b");
    is($res->code, 200, 'Bergmann user: 200');
    is(xp($doc, '/page/user-detail/@base'), '/auth/admin/users', 'admin base');
    ($doc) = $admin->get_xml("/auth/admin/users/$p");
    is_deeply([xp_list($doc, '/page/user-detail/roles/role/@name')], ['partner_user'], 'partner roles for a partner');

    ($doc, $res) = post_form($admin, "/auth/admin/users/$b/roles", roles_form(qw(customer_admin)));
    is($res->code, 303, 'status 303');
    is(location_path($res), "/auth/admin/users/$b?saved=1", 'back to the admin page');
    is_deeply(roles_of($b), ['customer_admin'], 'stored');
    my ($a) = audit_rows('user.roles', 'user', $b);
    is($a->{user_id}, 1, 'audit by the admin');
    ($doc, $res) = post_form($admin, "/auth/admin/users/$p/roles", roles_form(qw(buyer)));
    is($res->code, 422, 'a customer role for a partner: 422');
    ($doc, $res) = post_form($admin, "/auth/admin/users/$b/roles", roles_form(qw(agent)));
    is($res->code, 422, 'a provider role for a customer: 422');
    ($doc, $res) = post_form($admin, '/auth/admin/users/1/roles', roles_form(qw(agent)));
    is($res->code, 422, 'the admin cannot drop their own admin role');
    ok(xp_count($doc, "/page/messages/message[\@key='users.roles.own-admin']"), 'users.roles.own-admin');
    is_deeply(roles_of(1), ['admin'], 'admin keeps the admin role');
    is($admin->get('/auth/admin/users/999999')->code, 404, 'unknown id: 404');
};

done_testing;
