# Who may open the provider administration: admin everything; manager
# (admin.audit, admin.dashboard, no admin.users/admin.roles) the audit log
# only; anna, an org admin, her org's audit log only; klaus, a customer
# user, nothing. Anonymous GETs go to the sign-in form. Every POST without
# a valid CSRF token is refused with 403 and changes nothing.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Provider;

my @admin_only = (
    '/auth/admin/orgs', '/auth/admin/orgs/new', '/auth/admin/orgs/2', '/auth/admin/deletions',
);
my @roles_pages = ('/auth/admin/roles', '/auth/admin/roles/new', '/auth/admin/roles/1');

my %expect = (
    'admin@portico.example'   => { orgs => 200, roles => 200, audit => 200 },
    'manager@portico.example' => { orgs => 403, roles => 403, audit => 200 },
    'anna.admin@acme.example' => { orgs => 403, roles => 403, audit => 200 },
    'klaus@bergmann.example'  => { orgs => 403, roles => 403, audit => 403 },
    'paula@northwind.example' => { orgs => 403, roles => 403, audit => 403 },
);

for my $email (sort keys %expect) {
    subtest $email => sub {
        my $c = login_as($email);
        my $e = $expect{$email};
        for my $p (@admin_only) {
            is($c->get($p)->code, $e->{orgs}, "GET $p");
        }
        for my $p (@roles_pages) {
            is($c->get($p)->code, $e->{roles}, "GET $p");
        }
        my ($doc, $res) = $c->get_xml('/auth/audit');
        is($res->code, $e->{audit}, 'GET /auth/audit');
        is(xp($doc, '/page/@view'), 'forbidden', 'the forbidden page') if $e->{audit} == 403;

        # The writes: refused without the permission even with a good token.
        my $csrf = $c->csrf;
        my $before = sql_value('SELECT COUNT(*) FROM orgs');
        is($c->post('/auth/admin/orgs/new', [csrf => $csrf, name => unique_tag('Nope'), kind => 'customer',
            currency => 'EUR', language => 'en'])->code, $e->{orgs}, 'POST new org') unless $e->{orgs} == 200;
        is($c->post('/auth/admin/orgs/3', [csrf => $csrf, name => 'Bergmann Maschinenbau AG', kind => 'customer',
            tier => 'silver', currency => 'EUR', language => 'de', status => 'inactive'])->code, $e->{orgs},
            'POST edit org') unless $e->{orgs} == 200;
        is($c->post('/auth/admin/roles/new', [csrf => $csrf, name => 'nope_role', org_kind => 'customer',
            home => 'customer', priority => 1])->code, $e->{roles}, 'POST new role') unless $e->{roles} == 200;
        is($c->post('/auth/admin/roles/1', [csrf => $csrf, perm => 'admin.users'])->code, $e->{roles},
            'POST role permissions') unless $e->{roles} == 200;
        is($c->post('/auth/admin/users/8/anonymise', [csrf => $csrf, confirm => 1])->code, $e->{orgs},
            'POST anonymise') unless $e->{orgs} == 200;
        is(sql_value('SELECT COUNT(*) FROM orgs'), $before, 'no org was made');
        is(sql_value("SELECT status FROM orgs WHERE id = 3"), 'active', 'Bergmann is still active');
        is(sql_value("SELECT COUNT(*) FROM roles WHERE name = 'nope_role'"), 0, 'no role was made');
        is(sql_value("SELECT COUNT(*) FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id"
            . " WHERE rp.role_id = 1 AND p.name = 'admin.users'"), 0, 'customer_user did not get admin.users');
        is(sql_value("SELECT status FROM users WHERE id = 8"), 'active', 'klaus is untouched');
    };
}

subtest 'anonymous' => sub {
    my $c = Portico::Test->client;
    for my $p (@admin_only, @roles_pages, '/auth/audit') {
        my $res = $c->get($p);
        is($res->code, 303, "GET $p redirects");
        like(location_path($res) // '', qr{^/auth/login\?next=}, 'to the sign-in form');
    }
    my $csrf = $c->csrf;
    is($c->post('/auth/admin/orgs/new', [csrf => $csrf, name => 'x'])->code, 403, 'anonymous POST refused');
};

subtest 'CSRF on every POST' => sub {
    my $c = login_as('admin@portico.example');
    my $org = make_org(name => unique_tag('CSRF Org'));
    my $role = make_role();
    my $uid = make_user(org_id => $org, roles => ['customer_user']);
    sql("UPDATE users SET deletion_requested_at = UTC_TIMESTAMP(6) WHERE id = $uid");
    my $name = unique_tag('CSRF New');
    my @posts = (
        ['/auth/admin/orgs/new', [name => $name, kind => 'customer', currency => 'EUR', language => 'en']],
        ["/auth/admin/orgs/$org", [name => 'Renamed', kind => 'customer', currency => 'EUR', language => 'en', status => 'inactive']],
        ['/auth/admin/roles/new', [name => 'csrf_role_x', org_kind => 'customer', home => 'customer', priority => 1]],
        ["/auth/admin/roles/$role", [name => 'csrf_renamed', home => 'customer', priority => 1, perm => 'kb.edit']],
        ["/auth/admin/users/$uid/anonymise", [confirm => 1]],
    );
    for my $p (@posts) {
        my ($path, $form) = @$p;
        my ($doc, $res) = $c->post_xml($path, $form);
        is($res->code, 403, "$path without csrf: 403");
        is(xp($doc, '/page/messages/message/@key'), 'error.csrf', 'message error.csrf');
        ($doc, $res) = $c->post_xml($path, [@$form, csrf => 'f' x 64]);
        is($res->code, 403, "$path with a wrong csrf: 403");
    }
    is(sql_value('SELECT COUNT(*) FROM orgs WHERE name = ' . sql_quote($name)), 0, 'no org made');
    like(sql_value("SELECT name FROM orgs WHERE id = $org"), qr/^CSRF Org/, 'org not renamed');
    is(sql_value("SELECT status FROM orgs WHERE id = $org"), 'active', 'org still active');
    is(sql_value("SELECT COUNT(*) FROM roles WHERE name IN ('csrf_role_x', 'csrf_renamed')"), 0, 'no role made or renamed');
    is(sql_value("SELECT COUNT(*) FROM role_permissions WHERE role_id = $role"), 0, 'no permission granted');
    is(sql_value("SELECT status FROM users WHERE id = $uid"), 'active', 'user not anonymised');
};

done_testing;
