# The warehouse moves orders on through the API (orders.write): confirm,
# ship (lines and quantities, carrier, tracking), mark a shipment or the
# whole order delivered, cancel one of which nothing is shipped.  Each is the order desk's own operation: the
# order's status and timeline (order_events, by no person), the shipment
# rows, the buyer's mail, and an audit row naming the integration.  A
# refusal writes nothing: 409 for the order's state, 422 naming the
# fields, 404 for an order or shipment that is not there.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Api;
use Portico::Cart;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Goods-in');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 });
my ($pb, $skb) = ct_product(prices => { GBP => 500 });
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
my ($token, $iid) = api_integration(qw(orders.read orders.write));
my @orders;

sub place { my $n = ct_place($buyer, @_, address => $gb); push @orders, $n; return $n }

sub post { my ($path, $body) = @_; return api_call(POST => $path, token => $token, defined $body ? (body => $body) : ()) }

sub fields_of { my ($j) = @_; return { map { $_->{field} => $_->{reason} } @{ $j->{error}{fields} // [] } } }

subtest 'confirm' => sub {
    my $n = place([[$ska, 3], [$skb, 2]]);
    my $id = ct_order_id($n);
    my ($res, $j) = post("/api/v1/orders/$n/confirm");
    is($res->code, 200, 'confirm without a body: 200');
    is($j->{status}, 'confirmed', 'the answer is the order, confirmed');
    is(ct_order_row($n)->{status}, 'confirmed', 'the order is confirmed');
    my $e = sql_rows("SELECT status, user_id FROM order_events WHERE order_id = $id ORDER BY id DESC LIMIT 1")->[0];
    is_deeply($e, ['confirmed', undef], 'its timeline: confirmed, by no person');
    my ($a) = api_audit('order.confirm', 'order', $id);
    ok($a, 'audited');
    is($a->{integration_id}, $iid, '... naming the integration');
    is($a->{user_id}, undef, '... and no person');
    like($a->{before}, qr/"status":"submitted"/, '... from submitted');
    is(sql_value('SELECT COUNT(*) FROM outbox WHERE to_email = ' . sql_quote($buyer_email)
        . " AND template = 'order-fulfil'"), 1, 'the buyer is told');
    my $before = api_written($n);
    ($res, $j) = post("/api/v1/orders/$n/confirm", {});
    is($res->code, 409, 'confirmed again: 409');
    is($j->{error}{code}, 'conflict', '... conflict');
    like($j->{error}{message}, qr/submitted or approved/, '... saying why');
    is(api_written($n), $before, '... nothing written');
    ($res, $j) = post("/api/v1/orders/$n/confirm", { comment => 'x' });
    is($res->code, 422, 'an unknown field: 422');
    is(fields_of($j)->{comment}, 'unknown field', '... named');
    ($res, $j) = post('/api/v1/orders/O-2026-999999/confirm');
    is($res->code, 404, 'an unknown order: 404');
};

subtest 'ship, in two shipments' => sub {
    my $n = place([[$ska, 3], [$skb, 2]]);
    my $id = ct_order_id($n);
    my ($res, $j) = post("/api/v1/orders/$n/shipments", { carrier => 'DHL', lines => [{ line => 1, quantity => 1 }] });
    is($res->code, 409, 'not confirmed yet: 409');
    like($j->{error}{message}, qr/confirmed or partly shipped/, '... saying why');
    is(sql_value("SELECT COUNT(*) FROM shipments WHERE order_id = $id"), 0, '... no shipment');
    post("/api/v1/orders/$n/confirm");
    my $before = api_written($n);
    my @bad = (
        ['no carrier', { lines => [{ line => 1, quantity => 1 }] }, { carrier => 'required' }],
        ['no lines', { carrier => 'DHL' }, { lines => 'required' }],
        ['an empty list', { carrier => 'DHL', lines => [] }, { lines => qr/list of 1/ }],
        ['a quantity of 0', { carrier => 'DHL', lines => [{ line => 1, quantity => 0 }] }, { 'lines[0].quantity' => qr/from 1/ }],
        ['a line as a string', { carrier => 'DHL', lines => [{ line => '1', quantity => 1 }] }, { 'lines[0].line' => 'must be a whole number' }],
        ['more than ordered', { carrier => 'DHL', lines => [{ line => 1, quantity => 4 }] }, { 'lines[0].quantity' => 'At most 3 of this line are left to ship.' }],
        ['a line the order lacks', { carrier => 'DHL', lines => [{ line => 2, quantity => 1 }, { line => 9, quantity => 1 }] },
            { 'lines[1].line' => 'The order has no such line.' }],
        ['a line twice', { carrier => 'DHL', lines => [{ line => 1, quantity => 1 }, { line => 1, quantity => 1 }] },
            { 'lines[1].line' => qr/only once/ }],
        ['a tracking address that is not http', { carrier => 'DHL', tracking_url => 'javascript:alert(1)',
            lines => [{ line => 1, quantity => 1 }] }, { tracking_url => qr/https/ }],
        ['a carrier over 60 characters', { carrier => 'x' x 61, lines => [{ line => 1, quantity => 1 }] }, { carrier => qr/at most 60/ }],
        ['shipped_at not a time', { carrier => 'DHL', shipped_at => 'yesterday', lines => [{ line => 1, quantity => 1 }] },
            { shipped_at => qr/UTC time/ }],
        ['shipped in the future', { carrier => 'DHL', shipped_at => '2099-01-01T00:00:00Z', lines => [{ line => 1, quantity => 1 }] },
            { shipped_at => qr/future/ }],
        ['an unknown field', { carrier => 'DHL', weight => 3, lines => [{ line => 1, quantity => 1 }] }, { weight => 'unknown field' }],
    );
    for my $b (@bad) {
        my ($what, $body, $want) = @$b;
        ($res, $j) = post("/api/v1/orders/$n/shipments", $body);
        is($res->code, 422, "$what: 422");
        my $got = fields_of($j);
        for my $f (sort keys %$want) {
            if (ref $want->{$f}) { like($got->{$f} // '', $want->{$f}, "... $f") }
            else { is($got->{$f}, $want->{$f}, "... $f: $want->{$f}") }
        }
    }
    is(api_written($n), $before, 'none of them wrote anything');

    ($res, $j) = post("/api/v1/orders/$n/shipments", { carrier => ' DHL  ', tracking_number => 'JD014600',
        tracking_url => 'https://track.example/JD014600', lines => [{ line => 1, quantity => 2 }, { line => 2, quantity => 2 }] });
    is($res->code, 201, 'the first shipment: 201');
    is($j->{status}, 'partly_shipped', 'the order is partly shipped');
    is_deeply([map { [$_->{line}, $_->{shipped}] } @{ $j->{lines} }], [[1, 2], [2, 2]], 'the answer says what is shipped of each line');
    is($j->{shipments}[0]{tracking_number}, 'JD014600', 'and the shipment');
    my $s = sql_rows("SELECT id, no, carrier, tracking_number, tracking_url, created_by FROM shipments WHERE order_id = $id")->[0];
    is_deeply([@$s[1 .. 5]], [1, 'DHL', 'JD014600', 'https://track.example/JD014600', undef], 'the shipment row (the carrier trimmed, as a form\'s field), entered by no person');
    is_deeply(sql_rows("SELECT line_no, quantity FROM shipment_lines WHERE shipment_id = $s->[0] ORDER BY line_no"),
        [[1, 2], [2, 2]], 'its lines');
    is_deeply(sql_rows("SELECT status, user_id, shipment_id, shipment_action FROM order_events WHERE order_id = $id ORDER BY id DESC LIMIT 1")->[0],
        ['partly_shipped', undef, $s->[0], 'shipped'], 'the timeline: partly shipped, this shipment left');
    my ($a) = api_audit('order.ship', 'order', $id);
    is($a->{integration_id}, $iid, 'audited, naming the integration');
    like($a->{after}, qr/"shipment":1,"carrier":"DHL".*"lines":\[\{"line":1,"quantity":2\},\{"line":2,"quantity":2\}\]/, '... with what left');

    ($res, $j) = post("/api/v1/orders/$n/shipments", { carrier => 'UPS', lines => [{ line => 2, quantity => 1 }] });
    is($res->code, 422, 'line 2 again, all shipped: 422');
    is(fields_of($j)->{'lines[0].quantity'}, 'All of this line has been shipped.', '... said at it');
    ($res, $j) = post("/api/v1/orders/$n/shipments", { carrier => 'UPS', lines => [{ line => 1, quantity => 1 }] });
    is($res->code, 201, 'the rest: 201');
    is($j->{status}, 'shipped', 'the order is shipped');
    is(scalar @{ $j->{shipments} }, 2, 'in two shipments');
};

subtest 'delivered: a shipment, then the last' => sub {
    my $n = place([[$ska, 2]]);
    my $id = ct_order_id($n);
    post("/api/v1/orders/$n/confirm");
    post("/api/v1/orders/$n/shipments", { carrier => 'DHL', lines => [{ line => 1, quantity => 1 }] });
    post("/api/v1/orders/$n/shipments", { carrier => 'DHL', lines => [{ line => 1, quantity => 1 }] });
    my $before = api_written($n);
    my ($res, $j) = post("/api/v1/orders/$n/shipments/1/delivered", { delivered_at => '2099-01-01T00:00:00Z' });
    is($res->code, 422, 'delivered in the future: 422');
    like(fields_of($j)->{delivered_at}, qr/after today/, '... said at delivered_at');
    ($res, $j) = post("/api/v1/orders/$n/shipments/1/delivered", { delivered_at => 'now' });
    is($res->code, 422, 'not a time: 422');
    ($res, $j) = post("/api/v1/orders/$n/shipments/9/delivered");
    is($res->code, 404, 'no shipment 9: 404');
    is(api_written($n), $before, 'nothing written');
    ($res, $j) = post("/api/v1/orders/$n/shipments/1/delivered");
    is($res->code, 200, 'shipment 1 arrived: 200');
    is($j->{status}, 'shipped', 'the order is still shipped: shipment 2 is on its way');
    like($j->{shipments}[0]{delivered_at}, qr/^\d{4}-\d\d-\d\dT/, 'shipment 1 has its delivery time');
    is($j->{shipments}[1]{delivered_at}, undef, 'shipment 2 has none');
    my ($a) = api_audit('order.deliver', 'order', $id);
    is($a->{integration_id}, $iid, 'audited, naming the integration');
    ($res, $j) = post("/api/v1/orders/$n/shipments/1/delivered");
    is($res->code, 409, 'shipment 1 again: 409');
    like($j->{error}{message}, qr/already/, '... already delivered');
    ($res, $j) = post("/api/v1/orders/$n/shipments/2/delivered", { delivered_at => api_now() });
    is($res->code, 200, 'shipment 2 arrived: 200');
    is($j->{status}, 'delivered', 'the order is delivered');
    is_deeply(sql_rows("SELECT status, shipment_action FROM order_events WHERE order_id = $id ORDER BY id DESC LIMIT 1")->[0],
        ['delivered', 'delivered'], 'the timeline: delivered');
};

subtest 'the whole order delivered' => sub {
    my $n = place([[$ska, 2], [$skb, 1]]);
    my $id = ct_order_id($n);
    my ($res, $j) = post("/api/v1/orders/$n/delivered");
    is($res->code, 409, 'submitted: 409');
    post("/api/v1/orders/$n/confirm");
    post("/api/v1/orders/$n/shipments", { carrier => 'DHL', lines => [{ line => 1, quantity => 2 }] });
    my $before = api_written($n);
    ($res, $j) = post("/api/v1/orders/$n/delivered");
    is($res->code, 409, 'partly shipped: 409');
    like($j->{error}{message}, qr/partly_shipped/, '... saying so');
    is(api_written($n), $before, 'nothing written');
    post("/api/v1/orders/$n/shipments", { carrier => 'DHL', lines => [{ line => 2, quantity => 1 }] });
    ($res, $j) = post("/api/v1/orders/$n/delivered", { delivered_at => api_now() });
    is($res->code, 200, 'shipped: 200');
    is($j->{status}, 'delivered', 'delivered');
    is(sql_value("SELECT COUNT(*) FROM shipments WHERE order_id = $id AND delivered_at IS NULL"), 0, 'every shipment arrived');
    is(scalar(my @a = api_audit('order.deliver', 'order', $id)), 2, 'an audit row per shipment');
    ($res, $j) = post("/api/v1/orders/$n/delivered");
    is($res->code, 409, 'again: 409');
    ($res, $j) = post('/api/v1/orders/O-2026-999999/delivered');
    is($res->code, 404, 'an unknown order: 404');
};

subtest 'cancel, while nothing is shipped' => sub {
    my $n = place([[$ska, 2]]);
    my $id = ct_order_id($n);
    my $before = api_written($n);
    my ($res, $j) = post("/api/v1/orders/$n/cancel", {});
    is($res->code, 422, 'no reason: 422');
    is(fields_of($j)->{reason}, 'required', '... said at it');
    ($res, $j) = post("/api/v1/orders/$n/cancel", { reason => '  ' });
    is($res->code, 422, 'a blank reason: 422');
    ok(fields_of($j)->{reason}, '... said at it');
    ($res, $j) = post("/api/v1/orders/$n/cancel", { reason => 'x' x 1001 });
    is($res->code, 422, 'a reason over 1000 characters: 422');
    like(fields_of($j)->{reason}, qr/1000/, '... saying the bound');
    ($res, $j) = post("/api/v1/orders/$n/cancel", { reason => 5 });
    is($res->code, 422, 'a reason not a string: 422');
    ($res, $j) = post("/api/v1/orders/$n/cancel");
    is($res->code, 400, 'no body at all: 400');
    is(api_written($n), $before, 'nothing written');
    ($res, $j) = post("/api/v1/orders/$n/cancel", { reason => "Discontinued by the maker.\nSorry." });
    is($res->code, 200, 'with a reason of two lines: 200');
    is($j->{status}, 'cancelled', 'cancelled');
    is_deeply(sql_rows("SELECT status, user_id, comment FROM order_events WHERE order_id = $id ORDER BY id DESC LIMIT 1")->[0],
        ['cancelled', undef, "Discontinued by the maker.\nSorry."], 'the timeline says why, by no person');
    my ($a) = api_audit('order.desk-cancel', 'order', $id);
    is($a && $a->{integration_id}, $iid, 'audited, naming the integration');
    ($res, $j) = post("/api/v1/orders/$n/cancel", { reason => 'again' });
    is($res->code, 409, 'cancelled again: 409');

    my $s = place([[$ska, 1]]);
    post("/api/v1/orders/$s/confirm");
    post("/api/v1/orders/$s/shipments", { carrier => 'DHL', lines => [{ line => 1, quantity => 1 }] });
    ($res, $j) = post("/api/v1/orders/$s/cancel", { reason => 'too late' });
    is($res->code, 409, 'a shipped order: 409');
    like($j->{error}{message}, qr/no longer be cancelled/, '... saying why');
};

# Now in UTC, as the API writes times.
sub api_now { my @t = gmtime(time - 60); return sprintf('%04d-%02d-%02dT%02d:%02d:%02dZ', $t[5] + 1900, $t[4] + 1, @t[3, 2, 1, 0]) }

END {
    my $status = $?;
    eval { api_forget_shipments(@orders) };
    $? = $status;
}

done_testing;
