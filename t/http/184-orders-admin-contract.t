# Contract prices on the staff's pages: an organisation's page lists its
# contract prices; setting one (in the organisation's currency) writes it
# with an audit row and its customers see it at once, others never;
# setting it again replaces it (before and after audited); an unknown SKU
# or a bad price comes back 422 with the values kept and nothing written;
# removing one gives the list price back; a provider or unknown
# organisation is not found; only catalogue.manage may do any of it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Orders;

my $admin = or_client('admin@portico.example');
my $klaus = or_client('klaus@bergmann.example');
my $carl = or_client('carl@acme.example');
my $bergmann = sql_value("SELECT id FROM orgs WHERE name = 'Bergmann Maschinenbau AG'");
my $vs = or_product_id('VS-3-S');
sql("DELETE FROM contract_prices WHERE org_id = $bergmann");

sub price_of {
    my ($c, $sku) = @_;
    my ($doc) = $c->get_xml("/orders/products/$sku");
    return xp($doc, '/page/product/price/@minor') . (xp($doc, '/page/product/price/@contract') ? ' contract' : '');
}

subtest 'who may' => sub {
    is($carl->get('/orders/admin/contract-prices')->code, 403, 'a customer: 403');
    my (undef, $res) = or_post(or_client('anna.admin@acme.example'), '/orders/admin/contract-prices',
        [org => 2, sku => 'PX-200', price => '1']);
    is($res->code, 403, 'a customer admin setting her own price: 403');
    my ($doc) = $admin->get_xml('/orders/admin/contract-prices?org=2');
    is(xp_count($doc, '/page/or-contract/price'), 12, "Acme's twelve");
    is(xp($doc, '/page/or-contract/@currency'), 'GBP', 'in GBP');
    is(xp_count($doc, '/page/or-contract/org[@kind="provider"]'), 0, 'the provider is no choice');
};

subtest 'set, replace, remove' => sub {
    my $list = sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $vs AND currency = 'EUR'");
    is(price_of($klaus, 'VS-3-S'), $list, 'Bergmann pays the list price');
    my ($doc, $res) = or_post($admin, '/orders/admin/contract-prices', [org => $bergmann, sku => 'VS-3-S', price => '199']);
    is($res->code, 303, 'answered 303');
    is(location_path($res), "/orders/admin/contract-prices?org=$bergmann&saved=1", 'back to the org');
    is_deeply(sql_rows("SELECT currency, amount_minor FROM contract_prices WHERE org_id = $bergmann AND product_id = $vs"),
        [['EUR', 19900]], 'in the org\'s currency');
    is(price_of($klaus, 'VS-3-S'), '19900 contract', 'Bergmann sees it at once');
    like(price_of($carl, 'VS-3-S'), qr/^\d+ contract$/, 'Acme keeps its own');
    isnt(price_of($carl, 'VS-3-S'), '19900 contract', 'not Bergmann\'s');
    my @a = audit_of('contract_price.set', 'contract_price', "$bergmann/$vs");
    is(scalar @a, 1, 'audited');
    is($a[0]{before}, '', 'nothing before');
    like($a[0]{after}, qr/"sku":"VS-3-S","currency":"EUR","amount_minor":19900/, 'after');

    (undef, $res) = or_post($admin, '/orders/admin/contract-prices', [org => $bergmann, sku => 'VS-3-S', price => '189,50']);
    is($res->code, 303, 'again');
    is(sql_value("SELECT amount_minor FROM contract_prices WHERE org_id = $bergmann AND product_id = $vs"), 18950, 'replaced');
    @a = audit_of('contract_price.set', 'contract_price', "$bergmann/$vs");
    like($a[1]{before}, qr/"amount_minor":19900/, 'before');
    like($a[1]{after}, qr/"amount_minor":18950/, 'after');

    ($doc) = $admin->get_xml("/orders/admin/contract-prices?org=$bergmann&saved=1");
    is(xp($doc, '/page/or-contract/price[@sku="VS-3-S"]/@minor'), 18950, 'listed');
    is(xp($doc, '/page/or-contract/price[@sku="VS-3-S"]/@list-minor'), $list, 'beside the list price');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'orders.admin.contract.saved', 'said so');

    (undef, $res) = or_post($admin, '/orders/admin/contract-prices/delete', [org => $bergmann, sku => 'VS-3-S']);
    is($res->code, 303, 'removed');
    is(sql_value("SELECT COUNT(*) FROM contract_prices WHERE org_id = $bergmann"), 0, 'gone');
    is(price_of($klaus, 'VS-3-S'), $list, 'the list price again');
    like((audit_of('contract_price.delete', 'contract_price', "$bergmann/$vs"))[0]{before}, qr/18950/, 'audited');
    (undef, $res) = or_post($admin, '/orders/admin/contract-prices/delete', [org => $bergmann, sku => 'VS-3-S']);
    is($res->code, 404, 'removing it twice: 404');
};

subtest '422 and 404' => sub {
    my ($doc, $res) = or_post($admin, '/orders/admin/contract-prices', [org => $bergmann, sku => 'NOPE', price => '-1']);
    is($res->code, 422, 'answered 422');
    my $e = or_errors($doc);
    is($e->{sku}, 'orders.admin.sku.unknown', 'unknown SKU');
    is($e->{price}, 'input.amount.negative', 'negative price');
    is(xp($doc, "/page/form[\@name='contract']/field[\@name='sku']"), 'NOPE', 'kept');
    is(xp($doc, '/page/or-contract/@org'), $bergmann, 'on the org\'s page');
    ($doc, $res) = or_post($admin, '/orders/admin/contract-prices', [org => $bergmann, sku => '', price => 'abc']);
    is(or_errors($doc)->{sku}, 'input.required', 'SKU required');
    is(or_errors($doc)->{price}, 'input.amount', 'not an amount');
    is(sql_value("SELECT COUNT(*) FROM contract_prices WHERE org_id = $bergmann"), 0, 'nothing written');
    (undef, $res) = or_post($admin, '/orders/admin/contract-prices', [org => 1, sku => 'PX-200', price => '1']);
    is($res->code, 404, 'the provider: 404');
    (undef, $res) = or_post($admin, '/orders/admin/contract-prices', [org => 999999, sku => 'PX-200', price => '1']);
    is($res->code, 404, 'an unknown org: 404');
    (undef, $res) = or_post($admin, '/orders/admin/contract-prices', [org => $bergmann, sku => 'PX-200', price => '1'], no_csrf => 1);
    is($res->code, 403, 'without the token: 403');
    is(sql_value("SELECT COUNT(*) FROM contract_prices WHERE org_id = $bergmann"), 0, 'still nothing');
};

subtest 'a price in another currency does not apply' => sub {
    sql("INSERT INTO contract_prices (org_id, product_id, currency, amount_minor) VALUES ($bergmann, $vs, 'GBP', 100)");
    my $list = sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $vs AND currency = 'EUR'");
    is(price_of($klaus, 'VS-3-S'), $list, 'a GBP contract price is not Bergmann\'s (EUR)');
    my ($doc) = $admin->get_xml("/orders/admin/contract-prices?org=$bergmann");
    is(xp($doc, '/page/or-contract/price[@sku="VS-3-S"]/@applies'), 0, 'and the page says it does not apply');
    sql("DELETE FROM contract_prices WHERE org_id = $bergmann");
};

done_testing;
