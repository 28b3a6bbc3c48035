# POST /api/v1/stock (catalogue.write): the warehouse sets products' stock
# and lead times by SKU, either or both; every item is checked first, and
# a request with any bad item (422, each named by its path) or unknown SKU
# writes nothing; a good one writes every product with an audit row that
# names the integration and no person.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Api;
use Portico::Cart qw(ct_product);

my ($pa, $ska) = ct_product(prices => { GBP => 1000 });
my ($pb, $skb) = ct_product(prices => { GBP => 2000 });
my ($pc, $skc) = ct_product(prices => { GBP => 3000 });
sql("UPDATE products SET lead_time_days = 4 WHERE id IN ($pa, $pb, $pc)");
my ($token, $iid, $iname) = api_integration('catalogue.write');

sub state_of {
    return join(' | ', map { join(',', map { $_ // 'null' } @$_) } @{ sql_rows(
        "SELECT stock, lead_time_days, stock_updated_at IS NOT NULL FROM products WHERE id IN ($pa, $pb, $pc) ORDER BY id") });
}

subtest 'stock and lead times, all at once, audited' => sub {
    my ($res, $j) = api_call(POST => '/api/v1/stock', token => $token, body => { items => [
        { sku => $ska, stock => 12, lead_time_days => 2 },
        { sku => $skb, stock => 0 },
        { sku => $skc, lead_time_days => 10 },
    ] });
    is($res->code, 200, 'written: 200');
    is_deeply($j->{items}, [
        { sku => $ska, stock => 12, lead_time_days => 2 },
        { sku => $skb, stock => 0, lead_time_days => 4 },
        { sku => $skc, stock => undef, lead_time_days => 10 },
    ], 'the answer says what each product has now');
    is(state_of(), '12,2,1 | 0,4,1 | null,10,0', 'the products: stock and its time set where given, lead times too');
    my ($a) = api_audit('product.stock', 'product', $pa);
    ok($a, 'audited');
    is($a->{integration_id}, $iid, '... naming the integration');
    is($a->{user_id}, undef, '... and no person');
    like($a->{before}, qr/"stock":null,"lead_time_days":"4"/, '... before');
    like($a->{after}, qr/"stock":"12","lead_time_days":"2"/, '... after');
    my ($doc) = api_admin()->get_xml('/auth/audit?action=product.stock');
    is(xp($doc, "//entry[\@object-id='$pa'][1]/integration"), $iname, 'the audit log names the integration');
    is(xp_count($doc, "//entry[\@object-id='$pa'][1]/user"), 0, '... and no person');
    like(api_admin()->get('/auth/audit?action=product.stock')->decoded_content, qr/The integration \Q$iname\E/,
        '... in words');
    ($a) = api_audit('product.stock', 'product', $pc);
    like($a->{after}, qr/"stock":null,"lead_time_days":"10"/, 'a lead time alone keeps the stock unreported');
    ($res) = api_call(POST => '/api/v1/stock', token => $token, body => { items => [{ sku => $ska, stock => 11 }] });
    is($res->code, 200, 'again');
    is(state_of(), '11,2,1 | 0,4,1 | null,10,0', 'stock alone keeps the lead time');
};

subtest 'the buyer sees the stock on the product page' => sub {
    my $carl = Portico::Orders::or_client('carl@acme.example');
    my ($doc) = $carl->get_xml("/orders/products/$ska");
    is(xp($doc, '/page/product/@stock'), 11, 'the units on hand');
    is(xp($doc, '/page/product/@lead-days'), 2, 'and the lead time the warehouse reported');
    like($carl->get("/orders/products/$ska")->decoded_content, qr{<dd class="or-stock">11 in stock</dd>}, 'HTML: 11 in stock');
    like($carl->get("/orders/products/$skb")->decoded_content, qr{<dd class="or-stock">Out of stock</dd>}, 'HTML: none left');
    ($doc) = $carl->get_xml("/orders/products/$skc");
    is(xp_count($doc, '/page/product/@stock'), 0, 'a stock never reported is not shown');
    unlike($carl->get("/orders/products/$skc")->decoded_content, qr{or-stock}, '... in the HTML either');
    my $klaus = Portico::Orders::or_client('klaus@bergmann.example');
    like($klaus->get("/orders/products/$ska")->decoded_content, qr{11 auf Lager}, 'in German');
};

subtest 'any bad item: 422 naming each, nothing written' => sub {
    my $before = state_of();
    my $audits = sql_value("SELECT COUNT(*) FROM audit_log WHERE integration_id = $iid");
    my @cases = (
        ['no items', {}, { items => 'required' }],
        ['items not a list', { items => { sku => $ska } }, { items => qr/list/ }],
        ['an empty list', { items => [] }, { items => qr/list of 1/ }],
        ['an unknown field', { items => [{ sku => $ska, stock => 1 }], force => 1 }, { force => 'unknown field' }],
        ['an item not an object', { items => [5] }, { 'items[0]' => 'must be an object' }],
        ['no SKU', { items => [{ stock => 1 }] }, { 'items[0].sku' => 'required' }],
        ['a SKU not a string', { items => [{ sku => 5, stock => 1 }] }, { 'items[0].sku' => 'must be a string' }],
        ['a malformed SKU', { items => [{ sku => 'a b', stock => 1 }] }, { 'items[0].sku' => 'is not a SKU' }],
        ['neither stock nor lead time', { items => [{ sku => $ska }] }, { 'items[0]' => qr/needs stock/ }],
        ['a negative stock', { items => [{ sku => $ska, stock => -1 }] }, { 'items[0].stock' => qr/from 0/ }],
        ['a stock as a string', { items => [{ sku => $ska, stock => '5' }] }, { 'items[0].stock' => 'must be a whole number' }],
        ['a fraction', { items => [{ sku => $ska, stock => 1.5 }] }, { 'items[0].stock' => 'must be a whole number' }],
        ['a lead time over a year', { items => [{ sku => $ska, lead_time_days => 366 }] }, { 'items[0].lead_time_days' => qr/to 365/ }],
        ['an unknown field in an item', { items => [{ sku => $ska, stock => 1, colour => 'red' }] }, { 'items[0].colour' => 'unknown field' }],
        ['a SKU twice', { items => [{ sku => $ska, stock => 1 }, { sku => $ska, stock => 2 }] }, { 'items[1].sku' => 'is named twice' }],
        ['good items and one unknown SKU', { items => [{ sku => $ska, stock => 99 }, { sku => $skb, stock => 98 },
            { sku => 'NO-SUCH-SKU-' . $$, stock => 1 }] }, { 'items[2].sku' => 'no product has this SKU' }],
        ['two bad items', { items => [{ sku => $ska, stock => -5 }, { sku => $skb, lead_time_days => 'soon' }] },
            { 'items[0].stock' => qr/from 0/, 'items[1].lead_time_days' => 'must be a whole number' }],
    );
    for my $c (@cases) {
        my ($what, $body, $want) = @$c;
        my ($res, $j) = api_call(POST => '/api/v1/stock', token => $token, body => $body);
        is($res->code, 422, "$what: 422");
        is($j->{error}{code}, 'invalid_fields', '... invalid_fields');
        my %got = map { $_->{field} => $_->{reason} } @{ $j->{error}{fields} // [] };
        for my $f (sort keys %$want) {
            if (ref $want->{$f}) { like($got{$f} // '', $want->{$f}, "... $f") }
            else { is($got{$f}, $want->{$f}, "... $f: $want->{$f}") }
        }
    }
    is(state_of(), $before, 'nothing was written');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE integration_id = $iid"), $audits, 'nothing was audited');
};

done_testing;
