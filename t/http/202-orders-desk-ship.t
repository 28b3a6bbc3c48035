# Shipping on the order desk: pick lines and quantities (never more of a
# line than ordered minus shipped), a carrier, a tracking number and its
# address.  The order is partly shipped while something is left, shipped
# when nothing is; each shipment has its rows, a timeline row, an audit
# row and a mail to the buyer.  Bad input answers 422 with every value
# kept and a message at each field; two shipments of the same rest at the
# same moment: one of them.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::OrderDesk;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 }, sku => 'SENSOR', name => 'Sensor');
my ($pb, $skb) = ct_product(prices => { GBP => 500 }, sku => 'CABLE', name => 'Cable', unit => 'metre');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
my $manager_id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");
my $m = od_manager();
my $url = 'https://track.example.com/p?id=JD0001&x=1';

subtest 'ship part, then the rest' => sub {
    my $n = od_confirmed($buyer, [[$ska, 5], [$skb, 3]], address => $gb);
    my ($doc) = $m->get_xml("/orders/desk/$n");
    is(xp($doc, '/page/order/actions/@ship'), 1, 'a confirmed order: the desk offers to ship it');
    is(xp($doc, '/page/order/lines/line[@no="1"]/@shipped'), 0, 'nothing of line 1 shipped yet');
    my $html = $m->get("/orders/desk/$n")->decoded_content;
    like($html, qr{<input type="text" inputmode="numeric" id="qty_1" name="qty_1" size="5" maxlength="5" value="5"}, 'HTML: what is left of line 1 filled in');

    my $res;
    ($doc, $res) = od_ship($m, $n, { 1 => 2, 2 => '' }, carrier => 'DHL Express', tracking_number => 'JD0001',
        tracking_url => $url);
    is($res->code, 303, 'two of five sensors: 303');
    is(location_path($res), "/orders/desk/$n?shipped=1", '... back to the order');
    is(od_status($n), 'partly_shipped', 'partly shipped');
    my $s = od_shipments($n);
    is(scalar(@$s), 1, 'one shipment');
    is_deeply([@{ $s->[0] }{qw(no carrier tracking_number tracking_url created_by)}],
        [1, 'DHL Express', 'JD0001', $url, $manager_id], '... numbered 1, with carrier and tracking, by the manager');
    is_deeply($s->[0]{lines}, { 1 => 2 }, '... holding two of line 1 (an empty quantity is none)');
    is($s->[0]{delivered}, undef, '... not delivered');
    is_deeply(od_events($n)->[-1], ['partly_shipped', $manager_id, '', 1, 'shipped'], 'on the timeline');
    my ($a) = od_audit('order.ship', $n);
    like($a->{before} // '', qr/"status":"confirmed"/, 'audited: before');
    like($a->{after} // '', qr/"status":"partly_shipped","shipment":1,"carrier":"DHL Express".*"lines":\[\{"line":1,"quantity":2\}\]/,
        '... after, with the lines');
    my $mails = od_mails($buyer_email, $n);
    ok((grep { $_->{data} =~ /event="shipped"/ && $_->{data} =~ /JD0001/ && $_->{data} =~ /status="partly_shipped"/ } @$mails),
        'the buyer is told, with the tracking number');

    ($doc, $res) = od_ship($m, $n, { 1 => 4, 2 => 4 }, carrier => 'DPD');
    is($res->code, 422, 'four more sensors (three are left) and four cables (three ordered): 422');
    my $e = or_errors($doc);
    is($e->{qty_1}, 'orders.fulfil.too-many', 'at line 1: too many');
    is(xp($doc, '/page/messages/message[@field="qty_1"]/@max'), 3, '... at most 3');
    is($e->{qty_2}, 'orders.fulfil.too-many', 'at line 2 as well');
    is(xp($doc, '/page/messages/message[@field="qty_2"]/@max'), 3, '... at most 3');
    is(xp($doc, '/page/form[@name="ship"]/field[@name="qty_1"]'), 4, 'the quantities kept');
    is(xp($doc, '/page/form[@name="ship"]/field[@name="carrier"]'), 'DPD', 'the carrier kept');
    is(scalar(@{ od_shipments($n) }), 1, 'no second shipment');

    ($doc, $res) = od_ship($m, $n, { 1 => 3, 2 => 3 }, carrier => 'DPD', tracking_number => '',
        tracking_url => '');
    is($res->code, 303, 'exactly what is left: 303');
    is(od_status($n), 'shipped', 'shipped');
    $s = od_shipments($n);
    is_deeply([map { $_->{no} } @$s], [1, 2], 'shipments 1 and 2');
    is_deeply($s->[1]{lines}, { 1 => 3, 2 => 3 }, '... the second with the rest');
    is_deeply(od_events($n)->[-1], ['shipped', $manager_id, '', 2, 'shipped'], 'on the timeline');
    ($doc) = $m->get_xml("/orders/desk/$n");
    is(xp($doc, '/page/order/actions/@ship'), '', 'nothing left to ship: no form');
    is(xp($doc, '/page/order/actions/@deliver'), 1, '... but the shipments can arrive');
    ($doc, $res) = od_ship($m, $n, { 1 => 1 });
    is($res->code, 422, 'shipping a shipped order: 422');
    is(or_errors($doc)->{''}, 'orders.fulfil.not-shippable', '... it cannot be');
};

subtest 'the bounds of a quantity, and the texts' => sub {
    my $n = od_confirmed($buyer, [[$ska, 2], [$skb, 1]], address => $gb);
    my %cases = (
        'more than ordered' => [{ 1 => 3 }, 'qty_1', 'orders.fulfil.too-many'],
        'negative' => [{ 1 => -1 }, 'qty_1', 'input.integer'],
        'not a number' => [{ 1 => 'two' }, 'qty_1', 'input.integer'],
        'a fraction' => [{ 1 => '1.5' }, 'qty_1', 'input.integer'],
        'six digits' => [{ 1 => '100000' }, 'qty_1', 'input.integer'],
        'nothing at all' => [{ 1 => 0, 2 => '' }, 'lines', 'orders.fulfil.nothing'],
        'a line the order does not have' => [{ 9 => 1 }, 'qty_9', 'orders.fulfil.no-line'],
    );
    for my $c (sort keys %cases) {
        my ($qty, $field, $key) = @{ $cases{$c} };
        my ($doc, $res) = od_ship($m, $n, $qty);
        is($res->code, 422, "$c: 422");
        is(or_errors($doc)->{$field}, $key, "... $key at $field");
    }
    my ($doc, $res) = od_ship($m, $n, { 1 => 'x', 2 => 2 }, carrier => '', tracking_number => 'n' x 61,
        tracking_url => 'javascript:alert(1)');
    is($res->code, 422, 'everything wrong at once: 422');
    my $e = or_errors($doc);
    is($e->{qty_1}, 'input.integer', 'the quantity');
    is($e->{qty_2}, 'orders.fulfil.too-many', 'the other quantity');
    is($e->{carrier}, 'input.required', 'the carrier');
    is($e->{tracking_number}, 'input.too-long', 'the tracking number');
    is($e->{tracking_url}, 'orders.fulfil.url', 'the address: http(s) only');
    is(xp($doc, '/page/form[@name="ship"]/field[@name="tracking_url"]'), 'javascript:alert(1)', '... kept');
    for my $bad ('http://', 'https://exa mple.com', 'ftp://example.com/x', 'https://"x"', 'https://' . ('a' x 500)) {
        ($doc, $res) = od_ship($m, $n, { 1 => 1 }, tracking_url => $bad);
        is($res->code, 422, "tracking address '" . substr($bad, 0, 20) . "': 422");
    }
    ($doc, $res) = od_ship($m, $n, { 1 => 1 }, carrier => 'c' x 61);
    is(or_errors($doc)->{carrier}, 'input.too-long', 'a carrier of 61 characters: too long');
    is(scalar(@{ od_shipments($n) }), 0, 'nothing was shipped');
    is(od_status($n), 'confirmed', 'still confirmed');

    ($doc, $res) = od_ship($m, $n, { 1 => 2, 2 => 1 }, carrier => 'c' x 60, tracking_number => 't' x 60,
        tracking_url => 'HTTP://Example.com/' . ('u' x 481));
    is($res->code, 303, 'at every limit: shipped');
    is(od_status($n), 'shipped', 'all of it at once: shipped');

    my $html = $m->get("/orders/desk/$n")->decoded_content;
    like($html, qr{Shipment 1}, 'HTML: the shipment on the desk page');

    my $s = od_order($buyer, [[$ska, 1]], address => $gb);
    ($doc, $res) = od_ship($m, $s, { 1 => 1 });
    is($res->code, 422, 'a submitted order cannot be shipped before it is confirmed');
    (undef, $res) = od_ship($buyer, $s, { 1 => 1 });
    is($res->code, 403, 'the buyer: 403');
    (undef, $res) = od_ship($m, $s, { 1 => 1 }, post => { no_csrf => 1 });
    is($res->code, 403, 'without the CSRF token: 403');
    (undef, $res) = od_ship($m, 'O-2026-999999', { 1 => 1 });
    is($res->code, 404, 'no such order: 404');
};

subtest 'two shipments of the same rest at the same moment' => sub {
    my $n = od_confirmed($buyer, [[$ska, 4]], address => $gb);
    my $csrf = or_csrf($m);
    my @codes = ct_parallel(2, sub {
        my (undef, $res) = od_ship($m, $n, { 1 => 4 }, post => { csrf => $csrf });
        return $res->code;
    });
    is_deeply([sort @codes], [303, 422], 'one ships, the other is refused');
    my $s = od_shipments($n);
    is(scalar(@$s), 1, 'one shipment');
    is($s->[0]{lines}{1}, 4, '... of the four');
    is(od_status($n), 'shipped', 'shipped');
};

done_testing;
