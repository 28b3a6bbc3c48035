# The admin edits an organisation: the form shows the stored values (limits
# as decimal amounts), a POST saves them with an audit row holding before
# and after. Deactivating ends the sessions of the org's people and stops
# them signing in; the provider's own org cannot be deactivated; the kind
# changes only while the org has nobody. Unknown ids answer 404.
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

subtest 'form shows the stored values' => sub {
    my ($doc, $res) = $c->get_xml('/auth/admin/orgs/2');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'org-form', 'view org-form');
    is(xp($doc, '/page/org-form/@id'), 2, 'org id');
    my %f = map { $_->getAttribute('name') => $_->textContent } $doc->findnodes("/page/form[\@name='org']/field");
    is($f{name}, 'Acme Industrial Ltd', 'name');
    is($f{currency}, 'GBP', 'currency');
    is($f{tier}, 'gold', 'tier');
    is($f{order_limit}, '5000.00', 'order limit as an amount');
    is($f{monthly_limit}, '20000.00', 'monthly limit as an amount');
    is($f{status}, 'active', 'status');
    is($c->get('/auth/admin/orgs/999999')->code, 404, 'unknown org: 404');
    is($c->post('/auth/admin/orgs/999999', [csrf => $c->csrf, name => 'x', kind => 'customer',
        currency => 'EUR', language => 'en', status => 'active'])->code, 404, 'POST to an unknown org: 404');
    is($c->get('/auth/admin/orgs/0')->code, 404, 'id 0: 404');
};

subtest 'edit and audit' => sub {
    my $org = make_org(name => unique_tag('Edit Org'), tier => 'bronze');
    my $new = unique_tag('Edited Org');
    my $res = $c->post("/auth/admin/orgs/$org", [csrf => $c->csrf, name => $new, kind => 'partner',
        tier => 'premier', currency => 'CHF', language => 'de', order_limit => '750', monthly_limit => '3000.25',
        status => 'active']);
    is($res->code, 303, 'answers 303');
    is(location_path($res), "/auth/admin/orgs/$org?saved=1", 'back to the form');
    is_deeply(sql_rows("SELECT name, kind, tier, currency, language, status, order_limit_minor, monthly_limit_minor"
        . " FROM orgs WHERE id = $org")->[0], [$new, 'partner', 'premier', 'CHF', 'de', 'active', 75000, 300025],
        'saved');
    my $a = last_audit('org', $org);
    is($a->[0], 'org.update', 'audit org.update');
    my ($before, $after) = map { $json->decode($_) } @$a[3, 4];
    like($before->{name}, qr/^Edit Org/, 'before: old name');
    is($before->{tier}, 'bronze', 'before: old tier');
    is($before->{kind}, 'customer', 'before: old kind');
    ok(!defined $before->{order_limit_minor}, 'before: no limit');
    is($after->{name}, $new, 'after: new name');
    is($after->{order_limit_minor}, 75000, 'after: limit');
    my ($doc) = $c->get_xml("/auth/admin/orgs/$org?saved=1");
    ok(grep({ $_ eq 'org.saved' } message_keys($doc)), 'success message');
    is(xp($doc, "/page/form/field[\@name='monthly_limit']"), '3000.25', 'shown again as an amount');

    # Clearing the limits stores NULL.
    $res = $c->post("/auth/admin/orgs/$org", [csrf => $c->csrf, name => $new, kind => 'partner', tier => '',
        currency => 'CHF', language => 'de', order_limit => '', monthly_limit => '', status => 'active']);
    is($res->code, 303, 'clear limits 303');
    is_deeply(sql_rows("SELECT tier, order_limit_minor, monthly_limit_minor FROM orgs WHERE id = $org")->[0],
        [undef, undef, undef], 'no tier, no limits');

    # A name that another org has: 422, input kept, nothing changed.
    my ($d2, $r2) = $c->post_xml("/auth/admin/orgs/$org", [csrf => $c->csrf, name => 'Acme Industrial Ltd',
        kind => 'partner', currency => 'EUR', language => 'en', status => 'active']);
    is($r2->code, 422, 'taken name: 422');
    is(xp($d2, '/page/messages/message[@field="name"]/@key'), 'org.name.taken', 'org.name.taken on name');
    is(xp($d2, '/page/form/field[@name="name"]'), 'Acme Industrial Ltd', 'input kept');
    is(xp($d2, '/page/form/field[@name="currency"]'), 'EUR', 'other input kept');
    is(sql_value("SELECT name FROM orgs WHERE id = $org"), $new, 'name unchanged');
    ($d2, $r2) = $c->post_xml("/auth/admin/orgs/$org", [csrf => $c->csrf, name => $new, kind => 'partner',
        currency => 'CHF', language => 'de', status => 'sleeping']);
    is($r2->code, 422, 'bad status: 422');
    is(xp($d2, '/page/messages/message[@field="status"]/@key'), 'org.status.invalid', 'org.status.invalid');
};

subtest 'the provider stays active and the provider' => sub {
    my ($doc, $res) = $c->post_xml('/auth/admin/orgs/1', [csrf => $c->csrf, name => 'Portico Services GmbH',
        kind => 'customer', currency => 'EUR', language => 'en', status => 'inactive']);
    is($res->code, 422, 'deactivating the provider: 422');
    is(xp($doc, '/page/messages/message[@field="status"]/@key'), 'org.status.provider', 'org.status.provider');
    is_deeply(sql_rows('SELECT kind, status FROM orgs WHERE id = 1')->[0], ['provider', 'active'], 'unchanged');
    ok(user_session_count(1) > 0, 'the admin is still signed in');
    is($c->get('/auth/admin/orgs')->code, 200, 'and can go on');
};

subtest 'kind changes only without people' => sub {
    my $org = make_org(name => unique_tag('Kind Org'));
    make_user(org_id => $org, roles => ['customer_user']);
    my ($doc, $res) = $c->post_xml("/auth/admin/orgs/$org", [csrf => $c->csrf,
        name => sql_value("SELECT name FROM orgs WHERE id = $org"), kind => 'partner', currency => 'EUR',
        language => 'en', status => 'active']);
    is($res->code, 422, 'answers 422');
    is(xp($doc, '/page/messages/message[@field="kind"]/@key'), 'org.kind.has-users', 'org.kind.has-users');
    is(sql_value("SELECT kind FROM orgs WHERE id = $org"), 'customer', 'still a customer');
};

subtest 'deactivating ends the sessions of the org' => sub {
    my $org = make_org(name => unique_tag('Deact Org'));
    my $email = unique_tag('deact') . '@test.example';
    my $uid = make_user(org_id => $org, email => $email, roles => ['customer_user']);
    my $u = login_as($email);
    is($u->get('/')->code, 200, 'the person is signed in');
    ok(user_session_count($uid) > 0, 'and has a session');
    my $name = sql_value("SELECT name FROM orgs WHERE id = $org");
    my $res = $c->post("/auth/admin/orgs/$org", [csrf => $c->csrf, name => $name, kind => 'customer',
        currency => 'EUR', language => 'en', status => 'inactive']);
    is($res->code, 303, 'deactivated: 303');
    is(sql_value("SELECT status FROM orgs WHERE id = $org"), 'inactive', 'org inactive');
    is(user_session_count($uid), 0, 'the person\'s sessions are gone');
    my $r = $u->get('/');
    is($r->code, 303, 'their next request is anonymous');
    like(location_path($r), qr{^/auth/login}, 'sent to sign in');
    is(Portico::Test->client->login($email)->code, 422, 'and they cannot sign in again');
    sql('DELETE FROM login_attempts WHERE email = ' . sql_quote($email));	# no weight on the IP throttle
    my $a = last_audit('org', $org);
    is($a->[0], 'org.deactivate', 'audit org.deactivate');
    like($a->[3], qr/"status":"active"/, 'before: active');
    like($a->[4], qr/"status":"inactive"/, 'after: inactive');

    $res = $c->post("/auth/admin/orgs/$org", [csrf => $c->csrf, name => $name, kind => 'customer',
        currency => 'EUR', language => 'en', status => 'active']);
    is($res->code, 303, 'reactivated');
    is(login_as($email)->get('/')->code, 200, 'the person can sign in again');
};

done_testing;
