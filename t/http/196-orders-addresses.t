# The organisation's delivery addresses (orders.addresses: the customer's
# admin, a partner's people): the list, a new one and an edit with 422, a
# message per field and the values kept; a country must be one whose tax
# rates are known; a retired address is no longer offered at checkout;
# another organisation's address is not found; every change audited.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;

my ($admin_id, $admin_email) = ct_person(roles => ['customer_admin'], name => 'Addie Admin');
my $admin = or_client($admin_email);
my $tag = ct_prefix();
my $bergmann_address = ct_address(org => BERGMANN, country => 'DE', label => 'Werk');

subtest 'who keeps them' => sub {
    my ($doc, $res) = $admin->get_xml('/orders/addresses');
    is($res->code, 200, "the customer's admin: 200");
    ok(xp_count($doc, '/page/addresses/address[label="Head office"]'), "Acme's demo addresses are listed");
    is(xp_count($doc, '/page/addresses/address[label="Werk Esslingen"]'), 0, "not Bergmann's");
    ok(xp_count($doc, "/page/nav/section[\@name='orders']/link[\@href='/orders/addresses'][\@current='1']"),
        'in the navigation');
    is(or_client('paula@northwind.example')->get('/orders/addresses')->code, 200, "a partner's person: 200");
    for my $who ('carl@acme.example', 'olivia@acme.example', 'klaus@bergmann.example', 'admin@portico.example') {
        is(or_client($who)->get('/orders/addresses')->code, 403, "$who: 403");
        is(or_client($who)->get('/orders/addresses/new')->code, 403, "$who: the form 403");
    }
    is(Portico::Test->client->get('/orders/addresses')->code, 303, 'anonymous: to the login');
};

my $id;
subtest 'a new address' => sub {
    my %good = (label => "$tag Plant 9", recipient => 'Acme, Goods-in', street => '9 Canal Road',
        street2 => 'Gate B', postal_code => 'LS12 6AB', city => 'Leeds', country => 'GB');
    my ($doc, $res) = $admin->get_xml('/orders/addresses/new');
    is($res->code, 200, 'the form');
    ok(xp_count($doc, '/page/delivery-address/countries/country[.="GB"]'), 'the countries of the tax rates to choose from');
    is(xp($doc, '/page/limits/limit[@name="postal_code"]/@chars'), 20, 'limits for the fields');
    for my $c (['label', ''], ['recipient', ''], ['street', ''], ['postal_code', 'P' x 21], ['city', ''],
        ['country', ''], ['country', 'XX'], ['label', 'L' x 101]) {
        my ($field, $value) = @$c;
        ($doc, $res) = or_post($admin, '/orders/addresses/new', [%{ { %good, $field => $value } }]);
        is($res->code, 422, "$field '" . substr($value, 0, 5) . "': 422");
        ok(or_errors($doc)->{$field}, "... a message at $field");
        is(xp($doc, '/page/form[@name="address"]/field[@name="street2"]'), 'Gate B', '... the values kept');
    }
    (undef, $res) = or_post($admin, '/orders/addresses/new', [%good], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    is(sql_value('SELECT COUNT(*) FROM org_addresses WHERE label = ' . sql_quote("$tag Plant 9")), 0, 'nothing saved');
    ($doc, $res) = or_post($admin, '/orders/addresses/new', [%good]);
    is($res->code, 303, 'saved: 303');
    is(location_path($res), '/orders/addresses?saved=1', '... to the list');
    $id = sql_value('SELECT id FROM org_addresses WHERE label = ' . sql_quote("$tag Plant 9"));
    is_deeply(sql_rows("SELECT org_id, recipient, street, street2, postal_code, city, country, active"
        . " FROM org_addresses WHERE id = $id"),
        [[ACME, 'Acme, Goods-in', '9 Canal Road', 'Gate B', 'LS12 6AB', 'Leeds', 'GB', 1]], 'for Acme, as typed');
    my ($a) = Portico::OrgAdmin::audit_rows('org_address.create', 'org_address', $id);
    like($a->{after} // '', qr/"city":"Leeds"/, 'audited');
    my ($b_id, $b_email, $buyer) = ct_buyer();
    my ($cart) = ct_cart($buyer);
    ok(xp_count($cart, "/page/cart-page/addresses/address[\@id='$id']"), 'offered at checkout');
};

subtest 'edit and retire' => sub {
    my ($doc, $res) = $admin->get_xml("/orders/addresses/$id");
    is($res->code, 200, 'the edit form');
    is(xp($doc, '/page/form[@name="address"]/field[@name="city"]'), 'Leeds', 'with its values');
    ($doc, $res) = or_post($admin, "/orders/addresses/$id", [label => "$tag Plant 9", recipient => 'Acme',
        street => '9 Canal Road', street2 => '', postal_code => 'LS12 6AB', city => '', country => 'GB', active => 1]);
    is($res->code, 422, 'the city emptied: 422');
    ($doc, $res) = or_post($admin, "/orders/addresses/$id", [label => "$tag Plant 9", recipient => 'Acme',
        street => '9 Canal Road', street2 => '', postal_code => 'LS12 6AB', city => 'Leeds', country => 'IE']);
    is($res->code, 303, 'saved without "offered" ticked: 303');
    is_deeply(sql_rows("SELECT country, active FROM org_addresses WHERE id = $id"), [['IE', 0]], 'retired, in Ireland');
    my ($a) = Portico::OrgAdmin::audit_rows('org_address.update', 'org_address', $id);
    like($a->{before} // '', qr/"active":"1"/, 'audited before');
    like($a->{after} // '', qr/"active":"0"/, '... and after');
    my (undef, undef, $buyer) = ct_buyer();
    my ($cart) = ct_cart($buyer);
    is(xp_count($cart, "/page/cart-page/addresses/address[\@id='$id']"), 0, 'no longer offered at checkout');
    ($doc) = $admin->get_xml('/orders/addresses');
    is(xp($doc, "/page/addresses/address[\@id='$id']/\@active"), 0, 'listed as retired');
    is($admin->get("/orders/addresses/$bergmann_address")->code, 404, "Bergmann's address for Acme: 404");
    (undef, $res) = or_post($admin, "/orders/addresses/$bergmann_address", [label => 'x', recipient => 'x',
        street => 'x', postal_code => 'x', city => 'x', country => 'DE', active => 1]);
    is($res->code, 404, '... nor may it be changed');
    is(sql_value("SELECT label FROM org_addresses WHERE id = $bergmann_address"), "$tag Werk", 'it is unchanged');
    is($admin->get('/orders/addresses/999999999')->code, 404, 'no such address: 404');
};

done_testing;
