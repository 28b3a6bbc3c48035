# The cart: who may have one (orders.place), adding by SKU (what the
# organisation may not order, or has no price for, is refused at the
# field with the values kept), changing and removing lines, the prices of
# today (the organisation's contract price over the list price, in its
# currency), tax from the rates in data for the delivery address's
# country, rounded per line, and the audit of every change; CSRF.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::Cart;

my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my $ie = ct_address(country => 'IE', label => 'Dublin');
my ($p_list, $sku_list) = ct_product(prices => { GBP => 1234, EUR => 1500 }, sku => 'LIST');
my ($p_contract, $sku_contract) = ct_product(prices => { GBP => 10000 }, contract => 8550, sku => 'CONTRACT');
my ($p_eur, $sku_eur) = ct_product(prices => { EUR => 999 }, sku => 'EURONLY');
my ($p_partner, $sku_partner) = ct_product(prices => { GBP => 500 }, audience => 'partner', sku => 'PARTNER');
my ($p_off, $sku_off) = ct_product(prices => { GBP => 500 }, active => 0, sku => 'OFF');
my @tiny = map { [ct_product(prices => { GBP => 10 }, tax_class => 'reduced', sku => "TINY$_")] } 1 .. 3;

sub line {
    my ($doc, $sku) = @_;
    my ($l) = $doc->findnodes("/page/cart-page/cart/line[\@sku='$sku']");
    return $l;
}

subtest 'who has a cart' => sub {
    my $res = Portico::Test->client->get('/orders/cart');
    is($res->code, 303, 'anonymous: to the login');
    like(location_path($res), qr{^/auth/login}, '... the login page');
    is(or_client('editor@portico.example')->get('/orders/cart')->code, 403, 'a KB editor: 403');
    is(or_client('klaus@bergmann.example')->get('/orders/cart')->code, 403,
        'a customer user without orders.place: 403');
    is(or_client('agent@portico.example')->get('/orders/cart')->code, 403, "the provider's agent: 403");
    is(or_client('olivia@acme.example')->get('/orders/cart')->code, 403, 'an approver who does not buy: 403');
    my (undef, $r) = or_post(or_client('klaus@bergmann.example'), '/orders/cart/add',
        [sku => $sku_list, quantity => 1]);
    is($r->code, 403, 'nor may they add to one');
    my ($doc, $r2) = ct_cart($buyer);
    is($r2->code, 200, 'a buyer: 200');
    is(xp($doc, '/page/@view'), 'cart', 'the cart view');
    is(xp_count($doc, '/page/cart-page/cart/line'), 0, 'empty at first');
    is(xp($doc, '/page/cart-page/cart/@currency'), 'GBP', "in the organisation's currency");
    ok(xp_count($doc, "/page/nav/section[\@name='orders']/link[\@href='/orders/cart'][\@current='1']"),
        'the cart is in the navigation, current');
    for my $p ('/orders/cart', '/orders/history') {
        is(or_client('carl@acme.example')->get($p)->code, 200, "carl (buyer): $p 200");
        is(or_client('paula@northwind.example')->get($p)->code, 200, "paula (partner): $p 200");
        is(or_client('anna.admin@acme.example')->get($p)->code, 200, "anna (customer admin): $p 200");
    }
};

subtest 'adding by SKU' => sub {
    my ($doc, $res) = or_post($buyer, '/orders/cart/add', [sku => 'NO-SUCH-THING', quantity => 2]);
    is($res->code, 422, 'an unknown SKU: 422');
    is(or_errors($doc)->{sku}, 'orders.cart.sku.unknown', '... said at the field');
    is(xp($doc, '/page/form[@name="add"]/field[@name="sku"]'), 'NO-SUCH-THING', '... the SKU kept');
    is(xp($doc, '/page/form[@name="add"]/field[@name="quantity"]'), '2', '... and the quantity');
    is(xp($doc, '/page/@view'), 'cart', '... on the cart page');
    ($doc, $res) = or_post($buyer, '/orders/cart/add', [sku => $sku_partner, quantity => 1]);
    is(or_errors($doc)->{sku}, 'orders.cart.sku.unknown', 'a product for partners only: not for a customer');
    ($doc, $res) = or_post($buyer, '/orders/cart/add', [sku => $sku_off, quantity => 1]);
    is(or_errors($doc)->{sku}, 'orders.cart.sku.unknown', 'an inactive product: not sold');
    ($doc, $res) = or_post($buyer, '/orders/cart/add', [sku => $sku_eur, quantity => 1]);
    is($res->code, 422, 'a product without a GBP price: 422');
    is(or_errors($doc)->{sku}, 'orders.cart.sku.on-request', '... on request');
    for my $bad (['0', 'zero'], ['100000', 'too many'], ['two', 'words'], ['', 'nothing']) {
        ($doc, $res) = or_post($buyer, '/orders/cart/add', [sku => $sku_list, quantity => $bad->[0]]);
        is($res->code, 422, "quantity $bad->[1]: 422");
        ok(or_errors($doc)->{quantity}, '... at the quantity');
    }
    ($doc, $res) = or_post($buyer, '/orders/cart/add', [sku => $sku_list, quantity => 2], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    is(sql_value("SELECT COUNT(*) FROM cart_lines WHERE user_id = $buyer_id"), 0, 'nothing was added so far');

    is(ct_add($buyer, $sku_list, 2)->code, 303, 'a product sold to Acme: 303');
    is(location_path($buyer->last_response), '/orders/cart?added=1', '... back to the cart');
    is(ct_add($buyer, $sku_list, 3)->code, 303, 'the same again');
    is(sql_value("SELECT quantity FROM cart_lines WHERE user_id = $buyer_id AND product_id = $p_list"), 5,
        'the quantities add up in one line');
    is(ct_add($buyer, $sku_contract, 1)->code, 303, 'a product with a contract price');
    my @audit = Portico::OrgAdmin::audit_rows('cart.add', 'cart', $buyer_id);
    is(scalar @audit, 3, 'each addition audited');
    like($audit[0]{after}, qr/"sku":"\Q$sku_contract\E"/, '... with what was added');
    is($audit[0]{org_id}, ACME, '... in the organisation');
    ($doc) = ct_cart($buyer, '?added=1');
    is(xp_count($doc, '/page/messages/message[@key="orders.cart.added"]'), 1, 'the cart says it was added');
};

subtest "today's prices and tax per line" => sub {
    my ($doc) = ct_cart($buyer, "?address=$gb");
    my $l = line($doc, $sku_list);
    is($l->findvalue('price/@minor'), 1234, 'the list price in GBP');
    is($l->findvalue('price/@contract'), '', '... no contract');
    is($l->findvalue('@rate-bp'), 2000, 'GB standard rate 20 %');
    is($l->findvalue('amounts/@net'), 6170, '5 x 12.34 = 61.70');
    is($l->findvalue('amounts/@tax'), 1234, '20 % = 12.34');
    my $c = line($doc, $sku_contract);
    is($c->findvalue('price/@minor'), 8550, "Acme's contract price, not the list price");
    is($c->findvalue('price/@contract'), 1, '... marked');
    is($c->findvalue('price/@list-minor'), 10000, '... with the list price beside it');
    is(xp($doc, '/page/cart-page/cart/totals/@net'), 6170 + 8550, 'net total');
    is(xp($doc, '/page/cart-page/cart/totals/@tax'), 1234 + 1710, 'tax total');
    is(xp($doc, '/page/cart-page/cart/totals/@gross'), 6170 + 8550 + 1234 + 1710, 'gross total');
    is(xp($doc, '/page/cart-page/cart/@country'), 'GB', 'taxed for the chosen address');
    is(xp($doc, '/page/form[@name="checkout"]/field[@name="expected"]'), 6170 + 8550 + 1234 + 1710,
        'the checkout form carries the gross total shown');

    ($doc) = ct_cart($buyer, "?address=$ie");
    is(xp($doc, '/page/cart-page/cart/@country'), 'IE', 'another address: Ireland');
    is(line($doc, $sku_list)->findvalue('@rate-bp'), 2300, '23 %');
    is(line($doc, $sku_list)->findvalue('amounts/@tax'), 1419, '23 % of 61.70 = 14.191, rounded to 14.19');
    is(xp($doc, '/page/cart-page/cart/totals/@tax'), 1419 + 1967, '23 % of 85.50 = 19.665, rounded up to 19.67');

    # Prices are read each time: a new price shows at once.
    sql("UPDATE contract_prices SET amount_minor = 8000 WHERE product_id = $p_contract");
    ($doc) = ct_cart($buyer, "?address=$gb");
    is(line($doc, $sku_contract)->findvalue('price/@minor'), 8000, 'a changed contract price shows at once');
    sql("DELETE FROM contract_prices WHERE product_id = $p_contract");
    ($doc) = ct_cart($buyer, "?address=$gb");
    is(line($doc, $sku_contract)->findvalue('price/@minor'), 10000, 'without it, the list price');
    sql("INSERT INTO contract_prices (org_id, product_id, currency, amount_minor) VALUES (2, $p_contract, 'GBP', 8550)");

    # Rounded per line: three lines of 0.10 at 5 % are 0.03 of tax, not 0.02.
    ct_add($buyer, $_->[1], 1) for @tiny;
    ($doc) = ct_cart($buyer, "?address=$gb");
    is(line($doc, $_->[1])->findvalue('@rate-bp'), 500, "$_->[1]: the reduced rate, 5 %") for @tiny[0 .. 0];
    is(line($doc, $_->[1])->findvalue('amounts/@tax'), 1, "$_->[1]: 5 % of 0.10 = 0.005, rounded to 0.01")
        for @tiny;
    is(xp($doc, '/page/cart-page/cart/totals/@tax'), 1234 + 1710 + 3,
        'the tax total is the sum of the rounded lines');
    my $html = $buyer->get("/orders/cart?address=$gb")->decoded_content;
    like($html, qr{<span class="or-rate-note"><span class="nowrap">20(?:&#160;|\x{a0})%</span></span>}, 'HTML: the rate as 20 %');
    like($html, qr{61\.70(?:&#160;|\x{a0})GBP}, 'HTML: the amounts as money in GBP');
};

subtest 'changing and removing lines' => sub {
    my ($doc) = ct_cart($buyer);
    my %f = map { ('qty-' . $_->getAttribute('product-id') => $_->getAttribute('quantity')) }
        $doc->findnodes('/page/cart-page/cart/line');
    my ($d, $res) = or_post($buyer, '/orders/cart', [%{ { %f, "qty-$p_list" => 'many', "qty-$p_contract" => 4 } }]);
    is($res->code, 422, 'a quantity that is no number: 422');
    is(or_errors($d)->{"qty-$p_list"}, 'input.integer', '... at its field');
    is(xp($d, "/page/form[\@name='cart']/field[\@name='qty-$p_list']"), 'many', '... kept');
    is(xp($d, "/page/form[\@name='cart']/field[\@name='qty-$p_contract']"), '4', '... and the others');
    is(sql_value("SELECT quantity FROM cart_lines WHERE user_id = $buyer_id AND product_id = $p_contract"), 1,
        '... and nothing changed');
    ($d, $res) = or_post($buyer, '/orders/cart', [%{ { %f, "qty-$p_list" => 7, "qty-$p_contract" => 4 } }]);
    is($res->code, 303, 'new quantities: 303');
    is(location_path($res), '/orders/cart?updated=1', '... to the cart');
    is(sql_value("SELECT quantity FROM cart_lines WHERE user_id = $buyer_id AND product_id = $p_list"), 7, 'set to 7');
    my ($a) = Portico::OrgAdmin::audit_rows('cart.update', 'cart', $buyer_id);
    like($a->{after}, qr/"quantity":7,"was":5/, 'audited with before and after');
    ($d, $res) = or_post($buyer, '/orders/cart', [%{ { %f, "qty-$p_list" => 7, "qty-$p_contract" => 4,
        remove => $tiny[0][0] } }]);
    is($res->code, 303, 'the remove button of a line');
    is(sql_value("SELECT COUNT(*) FROM cart_lines WHERE user_id = $buyer_id AND product_id = $tiny[0][0]"), 0,
        '... removed it');
    ($d, $res) = or_post($buyer, '/orders/cart', ["qty-$tiny[1][0]" => 0]);
    is(sql_value("SELECT COUNT(*) FROM cart_lines WHERE user_id = $buyer_id AND product_id = $tiny[1][0]"), 0,
        'a quantity of 0 removes the line');
    is(sql_value("SELECT quantity FROM cart_lines WHERE user_id = $buyer_id AND product_id = $p_list"), 7,
        'a field left out keeps its line');
    my $other = or_client('carl@acme.example');
    ($d) = ct_cart($other);
    is(xp_count($d, "/page/cart-page/cart/line[starts-with(\@sku, '" . ct_prefix() . "')]"), 0,
        "a cart is its person's: carl does not see it");
};

subtest 'a product no longer sold stays in the cart, marked' => sub {
    sql("UPDATE products SET active = 0 WHERE id = $tiny[2][0]");
    my ($doc) = ct_cart($buyer);
    is(line($doc, $tiny[2][1])->findvalue('@orderable'), 0, 'marked not orderable');
    is(xp($doc, '/page/cart-page/cart/@orderable'), 0, 'so the cart cannot be ordered');
    my ($d, $res) = ct_checkout($buyer);
    is($res->code, 422, 'checkout: 422');
    is(xp($d, '/page/messages/message[@kind="error"]/@key'), 'orders.checkout.not-orderable', '... saying why');
    or_post($buyer, '/orders/cart', ["qty-$tiny[2][0]" => 0]);
    ($doc) = ct_cart($buyer);
    is(xp($doc, '/page/cart-page/cart/@orderable'), 1, 'removed: orderable again');
};

subtest "a product's page puts it in the cart" => sub {
    my ($doc) = $buyer->get_xml("/orders/products/$sku_list");
    is(xp($doc, '/page/product/@max-quantity'), '99999', 'a buyer: the page offers the cart');
    my $html = $buyer->get("/orders/products/$sku_list")->decoded_content;
    my $dom = XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
    my ($form) = $dom->findnodes('//form[@action="/orders/cart/add"]');
    ok($form, 'a form that posts to the cart') or return;
    my %fields = map { $_->getAttribute('name') => $_->getAttribute('value') // '' }
        $form->findnodes('.//input[@name]');
    is($fields{sku}, $sku_list, '... with the SKU');
    is($fields{quantity}, '1', '... a quantity of 1 to start with');
    ok(length $fields{csrf}, '... and the token');
    is($dom->findvalue('//label[@for="add-quantity"]'), 'Quantity', 'the quantity has its label');
    my $before = sql_value("SELECT COALESCE(SUM(quantity), 0) FROM cart_lines WHERE user_id = $buyer_id"
        . " AND product_id = $p_list");
    my %sent = (%fields, quantity => 4);
    my $res = $buyer->post('/orders/cart/add', [%sent]);
    is($res->code, 303, 'sent with 4: to the cart');
    is(sql_value("SELECT quantity FROM cart_lines WHERE user_id = $buyer_id AND product_id = $p_list"),
        $before + 4, '... and 4 more are in it');
    ($doc) = $buyer->get_xml("/orders/products/$sku_eur");
    is(xp_count($doc, '/page/product/@max-quantity'), 0, 'a product on request: no cart form');
    ($doc) = or_client('klaus@bergmann.example')->get_xml("/orders/products/$sku_list");
    is(xp($doc, '/page/product/@sku'), $sku_list, 'someone who may not order sees the product');
    is(xp_count($doc, '/page/product/@max-quantity'), 0, '... without a cart form');
};

done_testing;
