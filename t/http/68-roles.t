# Roles and permissions: the admin lists roles, creates one (name pattern,
# kind, a start page that fits the kind, priority), edits its permissions
# and, for a role that is not built in, its name, start page and priority;
# a built-in role keeps its name. Every change has an audit row with before
# and after. A permission change reaches the role's holders on their next
# request. A change that leaves nobody able to manage roles is refused.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use JSON::PP ();
use Portico::Test;
use Portico::Provider;

my $c = login_as('admin@portico.example');
my $json = JSON::PP->new->utf8;
my $rname = lc(unique_tag('qa')) =~ s/-/_/gr;

subtest 'list' => sub {
    my ($doc, $res) = $c->get_xml('/auth/admin/roles');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'roles', 'view roles');
    for my $r (qw(customer_user customer_admin buyer approver partner_user agent kb_editor manager admin)) {
        is(xp($doc, "/page/roles/role[.='$r']/\@builtin"), 1, "$r is listed as built in");
    }
    is(xp($doc, "/page/roles/role[.='customer_user']/\@org-kind"), 'customer', 'org kind');
    is(xp($doc, "/page/roles/role[.='manager']/\@home"), 'admin', 'home');
    is(xp($doc, "/page/roles/role[.='manager']/\@permissions"),
        sql_value("SELECT COUNT(*) FROM role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.name = 'manager'"),
        'permission count');
};

my $role_id;
subtest 'create' => sub {
    my $res = $c->post('/auth/admin/roles/new', [csrf => $c->csrf, name => $rname, org_kind => 'customer',
        home => 'customer', priority => '15']);
    is($res->code, 303, 'answers 303');
    $role_id = sql_value('SELECT id FROM roles WHERE name = ' . sql_quote($rname));
    ok($role_id, 'the role exists') or return;
    track(role => $role_id);
    is(location_path($res), "/auth/admin/roles/$role_id?saved=1", 'to its permissions');
    is_deeply(sql_rows("SELECT org_kind, home, priority, builtin FROM roles WHERE id = $role_id")->[0],
        ['customer', 'customer', 15, 0], 'stored');
    my $a = last_audit('role', $role_id);
    is($a->[0], 'role.create', 'audit role.create');
    is_deeply($json->decode($a->[4]), { name => $rname, org_kind => 'customer', home => 'customer',
        priority => 15, permissions => [] }, 'after JSON');
    my ($doc) = $c->get_xml("/auth/admin/roles/$role_id?saved=1");
    ok(grep({ $_ eq 'roles.saved' } message_keys($doc)), 'saved message');
    is(xp_count($doc, '/page/role-form/permission'), sql_value('SELECT COUNT(*) FROM permissions'), 'every permission offered');
    is(xp_count($doc, '/page/role-form/permission[@granted="1"]'), 0, 'none granted yet');
};

subtest 'create: 422 keeps the input' => sub {
    my @cases = (
        [name => '', 'roles.name.required'],
        [name => 'Bad-Name', 'roles.name.invalid'],
        [name => 'ab', 'roles.name.invalid'],
        [name => '9lives', 'roles.name.invalid'],
        [name => 'a' . ('b' x 41), 'roles.name.invalid'],
        [name => 'buyer', 'roles.name.taken'],
        [org_kind => 'vendor', 'roles.org-kind.invalid'],
        [home => 'admin', 'roles.home.invalid'],
        [priority => 'high', 'roles.priority.invalid'],
        [priority => '1001', 'roles.priority.invalid'],
    );
    my $n = sql_value('SELECT COUNT(*) FROM roles');
    for my $case (@cases) {
        my ($field, $value, $key) = @$case;
        my %form = (name => 'valid_but_unused', org_kind => 'customer', home => 'customer', priority => '3');
        $form{$field} = $value;
        my ($doc, $res) = $c->post_xml('/auth/admin/roles/new', [csrf => $c->csrf, %form]);
        is($res->code, 422, "$field=$value: 422");
        ok(grep({ $_ eq $key } message_keys($doc)), "message $key");
        my $on = $field eq 'org_kind' ? 'org_kind' : $field;
        is(xp($doc, "/page/messages/message[\@key='$key']/\@field"), $on, "on $on");
        is(xp($doc, "/page/form[\@name='role']/field[\@name='$field']"), $value, 'input kept');
    }
    is(sql_value('SELECT COUNT(*) FROM roles'), $n, 'no role made');
    my $res = $c->post('/auth/admin/roles/new', [csrf => $c->csrf, name => $rname . 'p', org_kind => 'provider',
        home => 'agent', priority => '-5']);
    is($res->code, 303, 'a provider role with home agent and a negative priority is fine');
    track(role => sql_value('SELECT id FROM roles WHERE name = ' . sql_quote($rname . 'p')));
};

subtest 'permissions reach the holders on their next request' => sub {
    my $org = make_org(name => unique_tag('Role Org'));
    my $email = unique_tag('holder') . '@test.example';
    my $uid = make_user(org_id => $org, email => $email, roles => ['customer_user']);
    sql("INSERT INTO user_roles (user_id, role_id) VALUES ($uid, $role_id)");	# assignment is the org admin's page
    my $u = login_as($email);
    my ($doc) = $u->get_xml('/');
    ok(!grep({ $_ eq 'users.manage.org' } xp_list($doc, '/page/session/user/permission')), 'no users.manage.org yet');
    ok(grep({ $_ eq $rname } xp_list($doc, '/page/session/user/role')), 'holds the new role');

    my $res = $c->post("/auth/admin/roles/$role_id", [csrf => $c->csrf, name => $rname, home => 'customer',
        priority => '15', perm => 'users.manage.org', perm => 'tickets.read.org']);
    is($res->code, 303, 'grant: 303');
    is_deeply([map { $_->[0] } @{ sql_rows("SELECT p.name FROM role_permissions rp JOIN permissions p"
        . " ON p.id = rp.permission_id WHERE rp.role_id = $role_id ORDER BY p.name") }],
        ['tickets.read.org', 'users.manage.org'], 'granted in the DB');
    ($doc) = $u->get_xml('/');
    ok(grep({ $_ eq 'users.manage.org' } xp_list($doc, '/page/session/user/permission')), 'the holder has users.manage.org on the next request');
    ok(grep({ $_ eq 'tickets.read.org' } xp_list($doc, '/page/session/user/permission')), 'and tickets.read.org');
    my $a = last_audit('role', $role_id);
    is($a->[0], 'role.update', 'audit role.update');
    is_deeply($json->decode($a->[3])->{permissions}, [], 'before: none');
    is_deeply($json->decode($a->[4])->{permissions}, ['tickets.read.org', 'users.manage.org'], 'after: both');

    $res = $c->post("/auth/admin/roles/$role_id", [csrf => $c->csrf, name => $rname, home => 'customer',
        priority => '15', perm => 'tickets.read.org']);
    is($res->code, 303, 'revoke: 303');
    ($doc) = $u->get_xml('/');
    ok(!grep({ $_ eq 'users.manage.org' } xp_list($doc, '/page/session/user/permission')), 'users.manage.org gone on the next request');

    # Rename, new home and priority of a role that is not built in.
    my $renamed = $rname . 'x';
    $res = $c->post("/auth/admin/roles/$role_id", [csrf => $c->csrf, name => $renamed, home => 'customer',
        priority => '99', perm => 'tickets.read.org']);
    is($res->code, 303, 'rename: 303');
    is_deeply(sql_rows("SELECT name, priority FROM roles WHERE id = $role_id")->[0], [$renamed, 99], 'renamed');
    like(last_audit('role', $role_id)->[4], qr/"name":"\Q$renamed\E"/, 'audit has the new name');

    # A stray permission name is a forged form.
    my ($d2, $r2) = $c->post_xml("/auth/admin/roles/$role_id", [csrf => $c->csrf, name => $renamed,
        home => 'customer', priority => '99', perm => 'root.everything']);
    is($r2->code, 422, 'unknown permission: 422');
    is(xp($d2, '/page/messages/message/@key'), 'roles.permission.invalid', 'roles.permission.invalid');
    # Reaching across organisations is for the provider's roles only.
    ($d2, $r2) = $c->post_xml("/auth/admin/roles/$role_id", [csrf => $c->csrf, name => $renamed,
        home => 'customer', priority => '99', perm => 'tickets.read.org', perm => 'tickets.work']);
    is($r2->code, 422, 'tickets.work for a customer role: 422');
    is(xp($d2, '/page/messages/message/@key'), 'roles.permission.provider-only', 'roles.permission.provider-only');
    is(sql_value("SELECT COUNT(*) FROM role_permissions WHERE role_id = $role_id"), 1, 'not granted');
    # A home that does not fit the role's kind.
    ($d2, $r2) = $c->post_xml("/auth/admin/roles/$role_id", [csrf => $c->csrf, name => $renamed,
        home => 'partner', priority => '99', perm => 'kb.edit']);
    is($r2->code, 422, 'home partner for a customer role: 422');
    is(xp($d2, '/page/form/field[@name="home"]'), 'partner', 'input kept');
    is(xp($d2, '/page/role-form/permission[@name="kb.edit"]/@granted'), 1, 'ticked boxes kept');
    is(xp($d2, '/page/role-form/permission[@name="tickets.read.org"]/@granted'), 0, 'unticked boxes kept');
    is(sql_value("SELECT COUNT(*) FROM role_permissions WHERE role_id = $role_id"), 1, 'nothing changed');
    is($c->get('/auth/admin/roles/999999')->code, 404, 'unknown role: 404');
    is($c->post('/auth/admin/roles/999999', [csrf => $c->csrf, name => 'x'])->code, 404, 'POST unknown role: 404');
};

subtest 'built-in roles keep their name' => sub {
    my $bid = sql_value("SELECT id FROM roles WHERE name = 'kb_editor'");
    my @keep = map { $_->[0] } @{ sql_rows("SELECT permission_id FROM role_permissions WHERE role_id = $bid") };
    my @perms = map { $_->[0] } @{ sql_rows("SELECT p.name FROM role_permissions rp JOIN permissions p"
        . " ON p.id = rp.permission_id WHERE rp.role_id = $bid") };
    my $res = $c->post("/auth/admin/roles/$bid", [csrf => $c->csrf, name => 'renamed_editor', home => 'admin',
        priority => '1', (map { (perm => $_) } @perms, 'tickets.work')]);
    is($res->code, 303, 'answers 303');
    is_deeply(sql_rows("SELECT name, home, priority FROM roles WHERE id = $bid")->[0], ['kb_editor', 'agent', 45],
        'name, home and priority unchanged');
    ok(sql_value("SELECT COUNT(*) FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id"
        . " WHERE rp.role_id = $bid AND p.name = 'tickets.work'"), 'the permission was granted');
    my ($doc) = login_as('editor@portico.example')->get_xml('/');
    ok(grep({ $_ eq 'tickets.work' } xp_list($doc, '/page/session/user/permission')), 'the editor has it');
    # Put the demo role back as it was.
    sql("DELETE FROM role_permissions WHERE role_id = $bid");
    sql("INSERT INTO role_permissions (role_id, permission_id) VALUES " . join(',', map { "($bid, $_)" } @keep));
    is(sql_value("SELECT COUNT(*) FROM role_permissions WHERE role_id = $bid"), scalar @keep, 'restored');
};

subtest 'nobody can be locked out of role management' => sub {
    my $aid = sql_value("SELECT id FROM roles WHERE name = 'admin'");
    my @perms = grep { $_ ne 'admin.roles' } map { $_->[0] } @{ sql_rows("SELECT p.name FROM role_permissions rp"
        . " JOIN permissions p ON p.id = rp.permission_id WHERE rp.role_id = $aid") };
    my $before = sql_value("SELECT COUNT(*) FROM role_permissions WHERE role_id = $aid");
    my ($doc, $res) = $c->post_xml("/auth/admin/roles/$aid", [csrf => $c->csrf, map { (perm => $_) } @perms]);
    is($res->code, 422, 'taking admin.roles from the only role with it: 422');
    is(xp($doc, '/page/messages/message/@key'), 'roles.lockout', 'roles.lockout');
    is(sql_value("SELECT COUNT(*) FROM role_permissions WHERE role_id = $aid"), $before, 'rolled back');
    is($c->get('/auth/admin/roles')->code, 200, 'the admin still manages roles');
};

done_testing;
