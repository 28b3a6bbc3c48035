# Reading orders through the API (orders.read): the feed answers the
# orders with a status change after the cursor, each once at its latest
# change, oldest first, with its lines, filtered by status, in pages with
# the cursor to ask with next; changes younger than a second wait for the
# next call.  An order's page has its facts, lines with what is shipped,
# shipments and timeline.  Bad parameters: 400.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Api;
use Portico::Cart;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 }, name => 'Widget');
my ($pb, $skb) = ct_product(prices => { GBP => 2550 }, name => 'Gadget');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
my ($token) = api_integration('orders.read');

api_settle();
my $start = sql_value('SELECT COALESCE(MAX(id), 0) FROM order_events');
my $n1 = ct_place($buyer, [[$ska, 2], [$skb, 1]], address => $gb, po_number => 'PO-API-1');
my $n2 = ct_place($buyer, [[$skb, 3]], address => $gb);
my $n3 = ct_place($buyer, [[$ska, 1]], address => $gb);

sub feed {
    my ($query) = @_;
    my ($res, $j) = api_call(GET => "/api/v1/orders?$query", token => $token);
    die 'feed: ' . $res->code . ' ' . $res->content unless $res->code == 200;
    return $j;
}

subtest 'changes younger than the settle time wait' => sub {
    my $j = feed("since=$start");
    is_deeply([map { $_->{number} } @{ $j->{orders} }], [], 'nothing yet');
    is($j->{next_cursor}, $start, 'the cursor stays');
};

api_settle();

subtest 'the feed since a cursor' => sub {
    my $j = feed("since=$start");
    is_deeply([map { $_->{number} } @{ $j->{orders} }], [$n1, $n2, $n3], 'the three new orders, oldest first');
    ok(!$j->{more}, 'no more');
    my $o = $j->{orders}[0];
    is($o->{status}, 'submitted', 'status');
    is($o->{po_number}, 'PO-API-1', 'PO number');
    is($o->{currency}, 'GBP', 'currency');
    is($o->{net_minor}, 4550, 'net');
    is($o->{gross_minor}, 5460, 'gross, with 20 % tax');
    is($o->{org}{id}, ACME, 'the organisation');
    is($o->{buyer}{email}, $buyer_email, 'the buyer');
    is($o->{ship_to}{country}, 'GB', 'where it goes');
    like($o->{ship_to}{label}, qr/Leeds/, '... the address as ordered');
    like($o->{created_at}, qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'created, ISO 8601 UTC');
    is_deeply([map { [$_->{line}, $_->{sku}, $_->{quantity}, $_->{shipped}, $_->{unit_price_minor}] } @{ $o->{lines} }],
        [[1, $ska, 2, 0, 1000], [2, $skb, 1, 0, 2550]], 'its lines');
    is($o->{lines}[0]{name}, 'Widget', 'with names');
    is($o->{lines}[1]{tax_minor}, 510, 'and tax per line');
    is(scalar @{ $j->{orders}[1]{lines} }, 1, 'the second order has its one line');
    is($j->{next_cursor}, $j->{orders}[2]{cursor}, 'the next cursor is the last order\'s');
    ok($j->{orders}[0]{cursor} > $start, 'cursors are past the one asked with');

    my $next = feed("since=$j->{next_cursor}");
    is(scalar @{ $next->{orders} }, 0, 'asked again with the next cursor: nothing new');
    is($next->{next_cursor}, $j->{next_cursor}, '... the cursor stays');
};

subtest 'pages' => sub {
    my $p1 = feed("since=$start&limit=2");
    is_deeply([map { $_->{number} } @{ $p1->{orders} }], [$n1, $n2], 'the first page: two');
    ok($p1->{more}, 'more');
    my $p2 = feed("since=$p1->{next_cursor}&limit=2");
    is_deeply([map { $_->{number} } @{ $p2->{orders} }], [$n3], 'the second: the third');
    ok(!$p2->{more}, 'no more');
};

subtest 'an order that changes comes again, at its new place' => sub {
    my $j = feed("since=$start");
    my $after = $j->{next_cursor};
    my $id = ct_order_id($n1);
    sql("INSERT INTO order_events (order_id, at, user_id, status, comment) VALUES ($id, UTC_TIMESTAMP(6), NULL, 'cancelled', 'test')");
    sql("UPDATE orders SET status = 'cancelled' WHERE id = $id");
    api_settle();
    $j = feed("since=$after");
    is_deeply([map { [$_->{number}, $_->{status}] } @{ $j->{orders} }], [[$n1, 'cancelled']], 'the cancelled order');
    $j = feed("since=$start");
    is_deeply([map { $_->{number} } @{ $j->{orders} }], [$n2, $n3, $n1], 'from the start: once each, at its latest change');
    $j = feed("since=$start&status=submitted,approved");
    is_deeply([map { $_->{number} } @{ $j->{orders} }], [$n2, $n3], 'only those ready to confirm');
    ok($j->{next_cursor} > $j->{orders}[1]{cursor}, 'the cursor passes the orders the filter leaves out');
    $j = feed("since=$start&status=cancelled");
    is_deeply([map { $_->{number} } @{ $j->{orders} }], [$n1], 'only the cancelled');
};

subtest 'an order with its shipments and timeline' => sub {
    my $id = ct_order_id($n2);
    sql("INSERT INTO shipments (order_id, no, carrier, tracking_number, tracking_url, shipped_at, created_at)"
        . " VALUES ($id, 1, 'DHL', 'JD0001', 'https://track.example/JD0001', '2026-03-01 10:00:00', UTC_TIMESTAMP(6))");
    my $sid = sql_value("SELECT id FROM shipments WHERE order_id = $id");
    sql("INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity) VALUES ($sid, $id, 1, 2)");
    my ($res, $o) = api_call(GET => "/api/v1/orders/$n2", token => $token);
    is($res->code, 200, 'the order: 200');
    is($o->{number}, $n2, 'the order');
    is_deeply([map { [$_->{line}, $_->{quantity}, $_->{shipped}] } @{ $o->{lines} }], [[1, 3, 2]], 'its line, 2 of 3 shipped');
    is_deeply($o->{shipments}, [{ no => 1, carrier => 'DHL', tracking_number => 'JD0001',
        tracking_url => 'https://track.example/JD0001', shipped_at => '2026-03-01T10:00:00Z', delivered_at => undef,
        lines => [{ line => 1, quantity => 2 }] }], 'its shipment');
    is_deeply([map { $_->{status} } @{ $o->{events} }], ['submitted'], 'its timeline');
    ok($o->{events}[0]{cursor} > $start, 'each event with its cursor');
    ($res, $o) = api_call(GET => '/api/v1/orders/O-2026-000007', token => $token);
    is($res->code, 200, "another organisation's order too: an integration serves the provider");
    is($o->{org}{id}, 3, '... Bergmann\'s');
};

subtest 'bad parameters: 400' => sub {
    for my $q ('since=-1', 'since=x', 'since=', 'since=1e3', 'limit=0', 'limit=201', 'limit=x',
        'status=shipped,', 'status=lost', 'status=') {
        my ($res, $j) = api_call(GET => "/api/v1/orders?$q", token => $token);
        is($res->code, 400, "$q: 400");
        is($j->{error}{code}, 'invalid_parameter', '... invalid_parameter');
    }
    my ($res) = api_call(GET => '/api/v1/orders?limit=200&since=0', token => $token);
    is($res->code, 200, 'limit=200: 200');
};

# Shipments hold their order: gone before Portico::Cart deletes the test's orders.
END {
    my $status = $?;
    eval { api_forget_shipments($n1, $n2, $n3) };
    $? = $status;
}

done_testing;
