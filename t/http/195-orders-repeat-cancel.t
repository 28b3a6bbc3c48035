# Order again: the lines still sold go into the cart at today's prices,
# and the cart says which cost something else now and which are no longer
# sold (inactive, or without a price in the organisation's currency).
# Cancel: the buyer or an approver, while nothing is shipped, with a
# comment on the timeline; audited.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 }, sku => 'RISES', name => 'Price rises');
my ($pb, $skb) = ct_product(prices => { GBP => 2000 }, sku => 'GOES', name => 'Goes away');
my ($pc, $skc) = ct_product(prices => { GBP => 3000 }, sku => 'STAYS', name => 'Stays the same');
my ($pd, $skd) = ct_product(prices => { GBP => 4000 }, contract => 3500, sku => 'CONTRACT', name => 'Loses its contract');
my ($pe, $ske) = ct_product(prices => { GBP => 5000, EUR => 6000 }, sku => 'NOGBP', name => 'No GBP price');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
my ($mate_id, $mate_email, $mate) = ct_buyer();
my ($own_id, $own_email) = ct_person(roles => ['ct-own']);
my $own = or_client($own_email);

sub cart_skus {
    my ($c) = @_;
    my ($doc) = ct_cart($c);
    return { map { $_->getAttribute('sku') => $_->getAttribute('quantity') } $doc->findnodes('/page/cart-page/cart/line') };
}

subtest 'order again, at today\'s prices' => sub {
    my $n = ct_place($buyer, [[$ska, 2], [$skb, 1], [$skc, 3], [$skd, 1], [$ske, 4]], address => $gb);
    sql("UPDATE product_prices SET amount_minor = 1150 WHERE product_id = $pa AND currency = 'GBP'");
    sql("UPDATE products SET active = 0 WHERE id = $pb");
    sql("DELETE FROM contract_prices WHERE product_id = $pd");
    sql("DELETE FROM product_prices WHERE product_id = $pe AND currency = 'GBP'");
    ct_add($buyer, $skc, 1);
    my ($doc, $res) = or_post($buyer, "/orders/$n/repeat", []);
    is($res->code, 303, 'order again: 303');
    is(location_path($res), "/orders/cart?repeat=$n", '... to the cart, naming the order');
    is_deeply(cart_skus($buyer), { $ska => 2, $skc => 4, $skd => 1 },
        'the lines still sold are in the cart, added to what was there');
    ($doc) = ct_cart($buyer, "?repeat=$n");
    my $r = '/page/cart-page/repeat';
    is(xp($doc, "$r/\@number"), $n, 'the cart says where they came from');
    is(xp($doc, "$r/changed[\@sku='$ska']/\@then-minor"), 1000, 'a price that rose: was 10.00');
    is(xp($doc, "$r/changed[\@sku='$ska']/\@now-minor"), 1150, '... is 11.50');
    is(xp($doc, "$r/changed[\@sku='$skd']/\@then-minor"), 3500, 'a contract price gone: was 35.00');
    is(xp($doc, "$r/changed[\@sku='$skd']/\@now-minor"), 4000, '... is the list price now');
    is(xp_count($doc, "$r/gone[\@sku='$skb']"), 1, 'an inactive product: no longer sold');
    is(xp_count($doc, "$r/gone[\@sku='$ske']"), 1, 'a product without a price in GBP: no longer sold');
    is(xp_count($doc, "$r/same[\@sku='$skc']"), 1, 'the one at its old price: unchanged');
    is(xp($doc, "/page/cart-page/cart/line[\@sku='$ska']/price/\@minor"), 1150, 'the cart prices it at today\'s price');
    my $html = $buyer->get("/orders/cart?repeat=$n")->decoded_content;
    like($html, qr{Price changed</span> <strong>Price rises</strong>}, 'HTML: says the price changed');
    like($html, qr{No longer sold</span> <strong>Goes away</strong>}, 'HTML: and what is no longer sold');
    my ($a) = Portico::OrgAdmin::audit_rows('cart.repeat', 'cart', $buyer_id);
    like($a->{after} // '', qr/"order":"\Q$n\E","lines":3/, 'audited: three lines copied');

    (undef, $res) = or_post($mate, "/orders/$n/repeat", []);
    is($res->code, 303, "a colleague who sees the organisation's orders may order it again");
    (undef, $res) = or_post($own, "/orders/$n/repeat", []);
    is($res->code, 403, 'one who sees only his own orders: 403');
    (undef, $res) = or_post(or_client('olivia@acme.example'), "/orders/$n/repeat", []);
    is($res->code, 403, 'an approver who does not order: 403');
    (undef, $res) = or_post(or_client('paula@northwind.example'), "/orders/$n/repeat", []);
    is($res->code, 404, 'another organisation: 404');
    (undef, $res) = or_post($buyer, "/orders/$n/repeat", [], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    ($doc) = ct_cart(or_client('paula@northwind.example'), "?repeat=$n");
    is(xp_count($doc, '/page/cart-page/repeat'), 0, "another organisation's number reports nothing");
};

subtest 'the demo: an order with a gateway no longer sold and a cable that costs more' => sub {
    my $carl = or_client('carl@acme.example');
    my $before = sql_rows('SELECT product_id, quantity FROM cart_lines WHERE user_id = 6');
    my (undef, $res) = or_post($carl, '/orders/O-2026-000002/repeat', []);
    is($res->code, 303, 'carl orders O-2026-000002 again');
    my ($doc) = ct_cart($carl, '?repeat=O-2026-000002');
    is(xp_count($doc, "/page/cart-page/repeat/gone[\@sku='PX-100']"), 1, 'the PX-100 is no longer sold');
    is(xp($doc, "/page/cart-page/repeat/changed[\@sku='CB-ETH-5']/\@now-minor"), 2150, 'the cable: 21.50 now');
    is(xp($doc, "/page/cart-page/repeat/changed[\@sku='CB-ETH-5']/\@then-minor"), 1990, '... 19.90 then');
    sql('DELETE FROM cart_lines WHERE user_id = 6');
    sql("INSERT INTO cart_lines (user_id, product_id, quantity) VALUES (6, $_->[0], $_->[1])") for @$before;
};

subtest 'cancel while nothing is shipped' => sub {
    my $n = ct_place($buyer, [[$skc, 1]], address => $gb);
    my ($doc, $res) = or_post($mate, "/orders/$n/cancel", [cancel_comment => '']);
    is($res->code, 403, "a colleague who is not its buyer (and no approver): 403");
    (undef, $res) = or_post(or_client('paula@northwind.example'), "/orders/$n/cancel", []);
    is($res->code, 404, 'another organisation: 404');
    (undef, $res) = or_post($buyer, "/orders/$n/cancel", [cancel_comment => 'x'], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    ($doc, $res) = or_post($buyer, "/orders/$n/cancel", [cancel_comment => 'c' x 1001]);
    is($res->code, 422, 'a comment of 1001 characters: 422');
    is(or_errors($doc)->{cancel_comment}, 'input.too-long', '... at the field');
    is(length(xp($doc, '/page/form[@name="cancel"]/field[@name="cancel_comment"]')), 1001, '... kept');
    is(ct_order_row($n)->{status}, 'submitted', 'still submitted');
    ($doc, $res) = or_post($buyer, "/orders/$n/cancel", [cancel_comment => 'Ordered twice.']);
    is($res->code, 303, 'its buyer cancels it: 303');
    is(location_path($res), "/orders/$n?cancelled=1", '... back to the order');
    my $o = ct_order_row($n);
    is($o->{status}, 'cancelled', 'cancelled');
    is_deeply(sql_rows("SELECT status, user_id, comment FROM order_events WHERE order_id = $o->{id} ORDER BY id DESC LIMIT 1"),
        [['cancelled', $buyer_id, 'Ordered twice.']], 'on the timeline with the comment');
    my ($a) = Portico::OrgAdmin::audit_rows('order.cancel', 'order', $o->{id});
    like($a->{before} // '', qr/"status":"submitted"/, 'audited: before');
    like($a->{after} // '', qr/"status":"cancelled"/, '... and after');
    ($doc, $res) = or_post($buyer, "/orders/$n/cancel", []);
    is($res->code, 422, 'cancelling it again: 422');
    is(xp($doc, '/page/messages/message[@kind="error"]/@key'), 'orders.order.not-cancellable', '... it cannot be');
    ($doc) = $buyer->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@cancel'), '', 'the page offers it no more');

    for my $st (qw(awaiting_approval approved confirmed)) {
        my $m = ct_place($buyer, [[$skc, 1]], address => $gb);
        sql("UPDATE orders SET status = '$st' WHERE number = " . sql_quote($m));
        (undef, $res) = or_post($buyer, "/orders/$m/cancel", []);
        is($res->code, 303, "$st: cancelled");
    }
    for my $st (qw(partly_shipped shipped delivered rejected)) {
        my $m = ct_place($buyer, [[$skc, 1]], address => $gb);
        sql("UPDATE orders SET status = '$st' WHERE number = " . sql_quote($m));
        (undef, $res) = or_post($buyer, "/orders/$m/cancel", []);
        is($res->code, 422, "$st: 422, not cancelled");
        is(ct_order_row($m)->{status}, $st, "... still $st");
    }
    my $m = ct_place($buyer, [[$skc, 1]], address => $gb);
    (undef, $res) = or_post(or_client('olivia@acme.example'), "/orders/$m/cancel", [cancel_comment => 'Not needed.']);
    is($res->code, 303, 'an approver of the organisation may cancel it');
    is(ct_order_row($m)->{status}, 'cancelled', '... cancelled');
};

done_testing;
