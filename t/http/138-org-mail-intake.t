# The provider's admin decides per organisation whether mail to the support
# address opens tickets (orgs.mail_intake, read by portico-mailin): a
# checkbox on the org form, off for a new org, saved with an audit row that
# names it before and after; the provider's own org has no such box and
# never takes mail as a customer.
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

sub fields {
    my ($doc) = @_;
    return { map { $_->getAttribute('name') => $_->textContent } $doc->findnodes("/page/form[\@name='org']/field") };
}

subtest 'the demo customers take mail, the partner does not' => sub {
    is_deeply(sql_rows('SELECT id, mail_intake FROM orgs WHERE id IN (2, 3, 4) ORDER BY id'),
        [[2, 1], [3, 1], [4, 0]], 'Acme and Bergmann on, Northwind off');
    my ($doc) = $c->get_xml('/auth/admin/orgs/2');
    is(fields($doc)->{mail_intake}, '1', 'the form shows it on');
    my $html = $c->get('/auth/admin/orgs/2')->decoded_content;
    like($html, qr/<input[^>]*name="mail_intake"[^>]*checked/, 'a ticked checkbox');
    like($html, qr/<label for="mail_intake">/, 'with its label');
};

subtest 'a new org starts without mail intake, and may be created with it' => sub {
    my ($doc) = $c->get_xml('/auth/admin/orgs/new');
    is(fields($doc)->{mail_intake}, '0', 'off on the new form');
    my $name = unique_tag('Mail Org');
    my $res = $c->post('/auth/admin/orgs/new', [csrf => $c->csrf, name => $name, kind => 'customer',
        currency => 'EUR', language => 'en', mail_intake => '1']);
    is($res->code, 303, 'created');
    my $id = sql_value('SELECT id FROM orgs WHERE name = ' . sql_quote($name));
    track(org => $id);
    is(sql_value("SELECT mail_intake FROM orgs WHERE id = $id"), 1, 'stored on');
    my $after = $json->decode(last_audit('org', $id)->[4]);
    ok($after->{mail_intake}, 'the audit row says so');
};

subtest 'turned on and off, with the audit saying before and after' => sub {
    my $org = make_org(name => unique_tag('Intake Org'));
    my @form = (csrf => $c->csrf, name => unique_tag('Intake Org'), kind => 'customer', currency => 'EUR',
        language => 'en', status => 'active');
    is($c->post("/auth/admin/orgs/$org", [@form, mail_intake => '1'])->code, 303, 'ticked: 303');
    is(sql_value("SELECT mail_intake FROM orgs WHERE id = $org"), 1, 'on');
    my $a = last_audit('org', $org);
    my ($before, $after) = map { $json->decode($_) } @$a[3, 4];
    ok(!$before->{mail_intake} && $after->{mail_intake}, 'audit: off before, on after');
    is($c->post("/auth/admin/orgs/$org", [@form])->code, 303, 'not ticked (absent): 303');
    is(sql_value("SELECT mail_intake FROM orgs WHERE id = $org"), 0, 'off again');
    is($c->post("/auth/admin/orgs/$org", [@form, mail_intake => 'yes please'])->code, 303,
        'any other value: 303');
    is(sql_value("SELECT mail_intake FROM orgs WHERE id = $org"), 0, 'is no tick');

    # A form refused for another field keeps the box as it was sent.
    my %bad = (@form, currency => 'XXX', mail_intake => '1');
    my ($doc, $res) = $c->post_xml("/auth/admin/orgs/$org", [%bad]);
    is($res->code, 422, 'bad currency: 422');
    is(fields($doc)->{mail_intake}, '1', 'the tick is kept');
    is(sql_value("SELECT mail_intake FROM orgs WHERE id = $org"), 0, 'nothing saved');
};

subtest 'the provider never takes mail as a customer' => sub {
    my $html = $c->get('/auth/admin/orgs/1')->decoded_content;
    unlike($html, qr/name="mail_intake"/, 'no checkbox on the provider form');
    my $name = sql_value('SELECT name FROM orgs WHERE id = 1');
    is($c->post('/auth/admin/orgs/1', [csrf => $c->csrf, name => $name, kind => 'provider', currency => 'EUR',
        language => 'en', status => 'active', mail_intake => '1'])->code, 303, 'posted anyway: 303');
    is(sql_value('SELECT mail_intake FROM orgs WHERE id = 1'), 0, 'still off');
};

subtest 'only the provider admin may change it' => sub {
    my $cust = login_as('anna.admin@acme.example');
    my $res = $cust->post('/auth/admin/orgs/2', [csrf => $cust->csrf, name => 'Acme Industrial Ltd',
        kind => 'customer', currency => 'GBP', language => 'en', status => 'active']);
    ok($res->code == 403 || $res->code == 404, 'a customer admin: refused (' . $res->code . ')');
    is(sql_value('SELECT mail_intake FROM orgs WHERE id = 2'), 1, 'unchanged');
    $res = $c->post('/auth/admin/orgs/2', [name => 'Acme Industrial Ltd', kind => 'customer', currency => 'GBP',
        language => 'en', status => 'active']);
    is($res->code, 403, 'without the CSRF token: 403');
    is(sql_value('SELECT mail_intake FROM orgs WHERE id = 2'), 1, 'unchanged');
};

cleanup();
done_testing();
