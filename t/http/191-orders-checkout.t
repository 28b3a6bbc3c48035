# Checkout: the form's checks (422 with a message per field and every
# value kept: the address must be one of the organisation's, a requested
# date not in the past, lengths; an empty cart; totals that changed since
# the page was shown), and an order placed within the buyer's limits: its
# gapless number of the year, its lines priced and taxed as the cart
# showed them, its copy of the address, its timeline, the emptied cart and
# the audit row, all in one transaction.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX qw(strftime);
use Portico::Test;
use Portico::Cart;

my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my $retired = ct_address(country => 'GB', label => 'Old depot', active => 0);
my $bergmann = ct_address(org => BERGMANN, country => 'DE', label => 'Esslingen');
my ($p1, $sku1) = ct_product(prices => { GBP => 1999 }, sku => 'A');
my ($p2, $sku2) = ct_product(prices => { GBP => 50000 }, contract => 45000, tax_class => 'reduced', sku => 'B');

subtest 'an empty cart cannot be ordered' => sub {
    my ($doc, $res) = or_post($buyer, '/orders/checkout', [address => $gb, expected => 0]);
    is($res->code, 422, 'answered 422');
    is(xp($doc, '/page/messages/message[@kind="error"]/@key'), 'orders.checkout.empty', '... the cart is empty');
};

ct_add($buyer, $sku1, 3);
ct_add($buyer, $sku2, 2);
my $year = strftime('%Y', gmtime);

subtest 'the form is checked, every value kept' => sub {
    my $tomorrow = strftime('%Y-%m-%d', gmtime(time + 2 * 86400));
    my %good = (po_number => 'PO-77', cost_centre => 'CC-1', requested_date => $tomorrow,
        note => "Gate 3,\nplease");
    my @cases = (
        ['no address', { address => '' }, address => 'input.required'],
        ['another organisation\'s address', { address => $bergmann }, address => 'orders.checkout.address.unknown'],
        ['a retired address', { address => $retired }, address => 'orders.checkout.address.unknown'],
        ['a PO number of 41 characters', { po_number => 'P' x 41 }, po_number => 'input.too-long'],
        ['a cost centre of 41 characters', { cost_centre => 'C' x 41 }, cost_centre => 'input.too-long'],
        ['a date in the past', { requested_date => '2020-01-31' }, requested_date => 'orders.checkout.date.past'],
        ['a date that is none', { requested_date => '2027-02-30' }, requested_date => 'orders.checkout.date.invalid'],
        ['not a date', { requested_date => 'next week' }, requested_date => 'orders.checkout.date.invalid'],
        ['a note of 1001 characters', { note => 'n' x 1001 }, note => 'input.too-long'],
    );
    for my $c (@cases) {
        my ($what, $f, $field, $key) = @$c;
        my ($doc, $res) = ct_checkout($buyer, address => $gb, %good, %$f);
        is($res->code, 422, "$what: 422");
        is(or_errors($doc)->{$field}, $key, "... $key at $field");
        for my $k (grep { $_ ne $field && $_ ne 'note' } keys %good) {
            is(xp($doc, "/page/form[\@name='checkout']/field[\@name='$k']"), $good{$k}, "... $k kept");
        }
        is(xp($doc, '/page/@view'), 'cart', '... on the cart page');
    }
    my ($doc) = ct_checkout($buyer, address => $gb, %good, po_number => 'P' x 41);
    is(xp($doc, "/page/form[\@name='checkout']/field[\@name='note']"), "Gate 3,\nplease", 'the note kept with its line break');
    is(xp($doc, '/page/limits/limit[@name="po_number"]/@chars'), 40, 'the PO field says its limit');
    is(sql_value("SELECT COUNT(*) FROM orders WHERE buyer_id = $buyer_id"), 0, 'no order so far');
    is(sql_value("SELECT COUNT(*) FROM cart_lines WHERE user_id = $buyer_id"), 2, 'the cart as it was');
    my (undef, $r) = or_post($buyer, '/orders/checkout', [address => $gb, expected => 1], no_csrf => 1);
    is($r->code, 403, 'without the CSRF token: 403');
};

subtest 'a total that changed is shown again, not ordered' => sub {
    my ($cart) = ct_cart($buyer, "?address=$gb");
    my $seen = xp($cart, '/page/form[@name="checkout"]/field[@name="expected"]');
    sql("UPDATE product_prices SET amount_minor = 2099 WHERE product_id = $p1");
    my ($doc, $res) = ct_checkout($buyer, address => $gb, expected => $seen, po_number => 'PO-CHANGED');
    is($res->code, 422, 'a price changed since the page: 422');
    is(xp($doc, '/page/messages/message[@kind="error"]/@key'), 'orders.checkout.changed', '... saying so');
    isnt(xp($doc, '/page/form[@name="checkout"]/field[@name="expected"]'), $seen, '... with the new total to confirm');
    is(xp($doc, '/page/form[@name="checkout"]/field[@name="po_number"]'), 'PO-CHANGED', '... the PO kept');
    my $ie = ct_address(country => 'IE', label => 'Dublin');
    ($cart) = ct_cart($buyer, "?address=$gb");
    ($doc, $res) = ct_checkout($buyer, address => $ie,
        expected => xp($cart, '/page/form[@name="checkout"]/field[@name="expected"]'));
    is($res->code, 422, 'another address chosen (other tax) than the totals shown: 422');
    is(xp($doc, '/page/cart-page/cart/@country'), 'IE', '... now showing the totals for it');
    is(xp($doc, '/page/cart-page/addresses/address[@current="1"]/@id'), $ie, '... and it chosen');
    is(sql_value("SELECT COUNT(*) FROM orders WHERE buyer_id = $buyer_id"), 0, 'still no order');
};

my $number;
subtest 'an order within the limits' => sub {
    my $before = sql_value("SELECT last_no FROM order_counters WHERE year = $year") // 0;
    my $tomorrow = strftime('%Y-%m-%d', gmtime(time + 2 * 86400));
    my ($doc, $res) = ct_checkout($buyer, address => $gb, po_number => 'PO-4711', cost_centre => 'MAINT',
        requested_date => $tomorrow, note => 'Gate 3');
    is($res->code, 303, 'placed: 303');
    ($number) = (location_path($res) // '') =~ m{^/orders/(O-\d{4}-\d{6})\?placed=1$};
    ok($number, "to the order's page: " . (location_path($res) // ''));
    is($number, sprintf('O-%s-%06d', $year, $before + 1), "the year's next number");
    my $o = ct_order_row($number);
    is($o->{status}, 'submitted', 'submitted');
    is($o->{org_id}, ACME, "the buyer's organisation");
    is($o->{currency}, 'GBP', 'in its currency');
    # 3 x 20.99 at 20 %: 62.97 + 12.59 (12.594); 2 x 450.00 (contract) at 5 %: 900.00 + 45.00.
    is($o->{net_minor}, 6297 + 90000, 'net: the lines at today\'s prices (contract price for B)');
    is($o->{tax_minor}, 1259 + 4500, 'tax: per line, 20 % and 5 %');
    is($o->{gross_minor}, 102056, 'gross: 962.97 + 57.59');
    is($o->{po_number}, 'PO-4711', 'PO number');
    is($o->{cost_centre}, 'MAINT', 'cost centre');
    is($o->{requested_date}, $tomorrow, 'requested date');
    is($o->{note}, 'Gate 3', 'note');
    is($o->{ship_country}, 'GB', 'a copy of the address');
    ok($o->{counted_at}, 'it counts towards the month at once');
    is($o->{budget_reason}, undef, 'no limit passed');
    my $id = $o->{id};
    is_deeply(sql_rows("SELECT line_no, sku, quantity, unit_price_minor, contract_price, tax_class, tax_rate_bp,"
        . " net_minor, tax_minor, gross_minor FROM order_lines WHERE order_id = $id ORDER BY line_no"),
        [[1, $sku1, 3, 2099, 0, 'standard', 2000, 6297, 1259, 7556],
         [2, $sku2, 2, 45000, 1, 'reduced', 500, 90000, 4500, 94500]], 'the lines as priced');
    is_deeply(sql_rows("SELECT status, user_id FROM order_events WHERE order_id = $id"),
        [['submitted', $buyer_id]], 'the timeline: submitted by the buyer');
    is(sql_value("SELECT COUNT(*) FROM cart_lines WHERE user_id = $buyer_id"), 0, 'the cart is empty');
    my ($a) = Portico::OrgAdmin::audit_rows('order.place', 'order', $id);
    ok($a, 'audited');
    like($a->{after} // '', qr/"number":"\Q$number\E".*"gross_minor":102056/, '... with number and totals');
    is($a->{user_id}, $buyer_id, '... by the buyer');

    ($doc, $res) = $buyer->get_xml("/orders/$number?placed=1");
    is($res->code, 200, 'the order page');
    is(xp($doc, '/page/order/@status'), 'submitted', '... submitted');
    is(xp_count($doc, '/page/order/lines/line'), 2, '... two lines');
    is(xp($doc, '/page/order/totals/@gross'), 102056, '... the totals');
    is(xp_count($doc, '/page/order/taxes/tax'), 2, '... tax per rate');
    is(xp($doc, '/page/order/taxes/tax[@rate-bp="500"]/@tax'), 4500, '... 5 %: 45.00');
    is(xp($doc, '/page/order/address/label'), ct_prefix() . ' Leeds', '... the address');
    is(xp_count($doc, '/page/messages/message[@key="orders.order.placed"]'), 1, '... thanks');
    is(xp($doc, '/page/order/actions/@cancel'), 1, '... the buyer may cancel it');
    is(xp($doc, '/page/order/actions/@repeat'), 1, '... and order it again');
};

subtest 'numbers are gapless and go on' => sub {
    my $n1 = ct_place($buyer, [[$sku1, 1]], address => $gb);
    my $n2 = ct_place($buyer, [[$sku1, 1]], address => $gb);
    my ($s0) = $number =~ /(\d+)$/;
    my ($s1) = $n1 =~ /(\d+)$/;
    my ($s2) = $n2 =~ /(\d+)$/;
    ok($s1 > $s0 && $s2 == $s1 + 1, "consecutive: $number, $n1, $n2");
    # A checkout that fails after its number rolls the number back.
    ct_add($buyer, $sku1, 1);
    my ($cart) = ct_cart($buyer);
    my (undef, $res) = or_post($buyer, '/orders/checkout', [address => $gb, expected => 1]);
    is($res->code, 422, 'a checkout refused');
    my $n3 = ct_place($buyer, [], address => $gb);
    my ($s3) = $n3 =~ /(\d+)$/;
    is(0 + $s3, $s2 + 1, 'the next order has the next number: no gap');
};

subtest 'numbers of orders placed at the same moment: no gap, no duplicate' => sub {
    my @buyers = map { [ct_buyer()] } 1 .. 6;
    my @forms;
    for my $b (@buyers) {
        ct_add($b->[2], $sku1, 1);
        my ($cart) = ct_cart($b->[2], "?address=$gb");
        push @forms, [address => $gb, expected => xp($cart, '/page/form[@name="checkout"]/field[@name="expected"]')];
    }
    my @tokens = map { or_csrf($_->[2]) } @buyers;
    my @answers = ct_parallel(scalar @buyers, sub {
        my ($k) = @_;
        my (undef, $res) = or_post($buyers[$k][2], '/orders/checkout', $forms[$k], csrf => $tokens[$k]);
        return $res->code . ' ' . (location_path($res) // '');
    });
    my @numbers = sort map { m{/orders/(O-\d{4}-\d{6})} ? $1 : () } @answers;
    is(scalar @numbers, 6, 'six orders placed') or diag(join("\n", @answers));
    my @seq = map { /(\d+)$/ ? 0 + $1 : () } @numbers;
    is_deeply(\@seq, [$seq[0] .. $seq[0] + 5], "consecutive numbers: $numbers[0] to $numbers[-1]");
    is(sql_value('SELECT COUNT(DISTINCT number) FROM orders WHERE buyer_id IN ('
        . join(', ', map { $_->[0] } @buyers) . ')'), 6, 'each its own');
};

done_testing;
