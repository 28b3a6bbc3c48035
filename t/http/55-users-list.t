# The users list: an org admin sees the users of their own org only, with
# roles, status and last sign-in, filtered by status and searched by name or
# email, 50 to a page; the provider's admin sees every org's users under
# /auth/admin/users.  Others get 403, anonymous visitors the login page.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my $anna = client_as('anna.admin@acme.example');

subtest 'anna sees the users of Acme, and only those' => sub {
    my ($doc, $res) = $anna->get_xml('/auth/users');
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'users', 'view users');
    is(xp($doc, '/page/users/@scope'), 'org', 'org scope');
    my @emails = xp_list($doc, '/page/users/user/email');
    ok(scalar(grep { $_ eq 'carl@acme.example' } @emails), 'carl listed');
    ok(scalar(grep { $_ eq 'anna.admin@acme.example' } @emails), 'anna herself listed');
    is(scalar(grep { !/\@acme\.example$|\@example\.com$/ } @emails), 0, 'nobody of another org')
        or diag explain \@emails;
    my $org_ids = sql_value("SELECT GROUP_CONCAT(DISTINCT org_id) FROM users WHERE id IN ("
        . join(',', map { int } xp_list($doc, '/page/users/user/@id')) . ')');
    is($org_ids, ACME, 'every listed id belongs to Acme');
    is_deeply([sort(xp_list($doc, "/page/users/user[email='carl\@acme.example']/role"))],
        [qw(buyer customer_user)], "carl's roles");
    is(xp($doc, "/page/users/user[email='carl\@acme.example']/\@status"), 'active', 'status');
    ok(xp($doc, "/page/users/user[email='anna.admin\@acme.example']/\@last-login") =~ /^\d{4}-\d\d-\d\dT/,
        'last sign-in as ISO time');
    is(xp($doc, '/page/users/pager/@page'), 1, 'pager page 1');
    is(xp($doc, '/page/users/pager/@total'), xp_count($doc, '/page/users/user'), 'total = rows on one page');
    is(xp_count($doc, '/page/users/orgs'), 0, 'no org filter for an org admin');

    my $html = $anna->get('/auth/users');
    is($html->code, 200, 'HTML 200');
    like($html->content, qr{<th scope="col">Roles</th>}, 'table with column headers');
    like($html->content, qr{href="/auth/users/6"}, 'links to the detail page');
    like($html->content, qr{href="/static/css/admin\.css"}, 'admin stylesheet linked');
};

subtest 'filter by status and search' => sub {
    my $inactive = make_user(org => ACME, roles => ['customer_user'], status => 'inactive', name => 'Ina Zebrafish');
    my $invited = make_user(org => ACME, roles => ['buyer'], status => 'invited', password => 0);
    my $doc = $anna->get_xml('/auth/users?status=inactive');
    my @ids = xp_list($doc, '/page/users/user/@id');
    ok(scalar(grep { $_ == $inactive } @ids), 'inactive user listed under status=inactive');
    is(scalar(grep { $_ ne 'inactive' } xp_list($doc, '/page/users/user/@status')), 0, 'only inactive ones');
    is(xp($doc, '/page/users/@status'), 'inactive', 'filter echoed');

    $doc = $anna->get_xml('/auth/users?status=invited');
    ok(scalar(grep { $_ == $invited } xp_list($doc, '/page/users/user/@id')), 'invited user under status=invited');

    $doc = $anna->get_xml('/auth/users?q=zebraf');
    is_deeply([xp_list($doc, '/page/users/user/@id')], [$inactive], 'search by part of the name');
    is(xp($doc, '/page/users/@q'), 'zebraf', 'search echoed');
    $doc = $anna->get_xml('/auth/users?q=CARL@ACME');
    is_deeply([xp_list($doc, '/page/users/user/email')], ['carl@acme.example'], 'search by email, any case');
    $doc = $anna->get_xml('/auth/users?q=klaus');
    is(xp_count($doc, '/page/users/user'), 0, 'a user of another org is not found by search');
    $doc = $anna->get_xml('/auth/users?q=%25');
    is(xp_count($doc, '/page/users/user'), 0, '% is taken literally');
    $doc = $anna->get_xml('/auth/users?status=bogus&org=3&page=-1');
    is(xp($doc, '/page/users/@status'), '', 'unknown status ignored');
    ok(!grep({ !/\@acme\.example$|\@example\.com$/ } xp_list($doc, '/page/users/user/email')),
        'org=3 in the query does not widen an org admin\'s scope');
    is(xp($doc, '/page/users/pager/@page'), 1, 'bad page number gives page 1');
};

subtest 'pager: 50 to a page' => sub {
    my $tag = unique_tag('pg');
    my @ids = map { make_user(org => ACME, roles => ['customer_user'], name => sprintf('Pager %s %02d', $tag, $_)) } 1 .. 53;
    my $doc = $anna->get_xml("/auth/users?q=$tag");
    is(xp_count($doc, '/page/users/user'), 50, '50 on page 1');
    is(xp($doc, '/page/users/pager/@pages'), 2, '2 pages');
    is(xp($doc, '/page/users/pager/@total'), 53, '53 in all');
    $doc = $anna->get_xml("/auth/users?q=$tag&page=2");
    is(xp_count($doc, '/page/users/user'), 3, '3 on page 2');
    is(xp($doc, '/page/users/user[1]/name'), "Pager $tag 51", 'ordered by name');
    my $html = $anna->get("/auth/users?q=$tag&page=2")->content;
    like($html, qr{href="/auth/users\?q=\Q$tag\E&amp;page=1"}, 'previous link keeps the search');
};

subtest 'others may not' => sub {
    my $klaus = client_as('klaus@bergmann.example');
    my ($doc, $res) = $klaus->get_xml('/auth/users');
    is($res->code, 403, 'customer_user klaus: 403');
    is(xp($doc, '/page/@view'), 'forbidden', 'forbidden page');
    is(client_as('carl@acme.example')->get('/auth/users')->code, 403, 'carl (Acme, no users.manage.org): 403');
    is($anna->get('/auth/admin/users')->code, 403, 'anna on the provider list: 403');
    is(client_as('manager@portico.example')->get('/auth/admin/users')->code, 403, 'manager: 403');
    my $anon = Portico::Test->client;
    my $res2 = $anon->get('/auth/users');
    is($res2->code, 303, 'anonymous: 303');
    like(location_path($res2), qr{^/auth/login\?.*next=/auth/users}, 'to the login page');
};

subtest 'the provider admin sees everyone, filtered by org' => sub {
    my $admin = client_as('admin@portico.example');
    my ($doc, $res) = $admin->get_xml('/auth/admin/users');
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/users/@scope'), 'admin', 'admin scope');
    for my $e (qw(klaus@bergmann.example carl@acme.example paula@northwind.example admin@portico.example)) {
        my $d = $admin->get_xml("/auth/admin/users?q=$e");
        ok(scalar(grep { $_ eq $e } xp_list($d, '/page/users/user/email')), "$e listed");
    }
    ok(xp($doc, '/page/users/pager/@total') >= 9, 'every org in the total');
    ok(xp_count($doc, '/page/users/orgs/org') >= 4, 'orgs for the filter');
    $doc = $admin->get_xml('/auth/admin/users?org=' . BERGMANN);
    is(xp($doc, "/page/users/user[email='klaus\@bergmann.example']/org"), 'Bergmann Maschinenbau AG', 'org shown');
    is_deeply([sort(xp_list($doc, '/page/users/user/org/@id'))], [(BERGMANN) x xp_count($doc, '/page/users/user')],
        'org filter');
    ok(scalar(grep { $_ eq 'klaus@bergmann.example' } xp_list($doc, '/page/users/user/email')), 'klaus in it');
    $doc = $admin->get_xml('/auth/admin/users?q=paula');
    is_deeply([xp_list($doc, '/page/users/user/email')], ['paula@northwind.example'], 'search across orgs');
    my $html = $admin->get('/auth/admin/users');
    like($html->content, qr{href="/auth/admin/users/8"}, 'detail links under /auth/admin/users');
};

subtest 'German' => sub {
    my $klaus_admin = client_as('admin@portico.example');
    $klaus_admin->post('/auth/language', [csrf => page_csrf($klaus_admin), lang => 'de', next => '/']);
    my $html = $klaus_admin->get('/auth/admin/users')->content;
    like($html, qr{<h1>Alle Benutzer</h1>}, 'title in German');
    like($html, qr{Letzte Anmeldung}, 'column in German');
    $klaus_admin->post('/auth/language', [csrf => page_csrf($klaus_admin), lang => 'en', next => '/']);
    sql('UPDATE users SET language = \'en\' WHERE id = 1');
};

done_testing;
