# Asking for a return: from an order of which something has arrived, a
# person of the organisation who may return goods picks lines and
# quantities (never more than arrived minus what other returns, but the
# rejected, took), a reason and photos; a line goes back only while its
# product's window is open.  The return gets an RMA number R-<year>-<seq>,
# its rows, a timeline row and an audit row.  Refusals: 422 with the
# values kept and a message at each field; photos that are no pictures,
# too large or too many are refused.
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
my ($pa, $ska) = ct_product(prices => { GBP => 1000 }, sku => 'SENSOR', name => 'Return sensor');
my ($pb, $skb) = ct_product(prices => { GBP => 500 }, sku => 'SERVICE', name => 'A service');
sql("UPDATE products SET return_days = 0 WHERE id = $pb");
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
sql("INSERT INTO user_roles (user_id, role_id) SELECT $buyer_id, id FROM roles WHERE name = 'buyer'");
my ($mate_id, $mate_email, $mate) = ct_buyer();
sql("INSERT INTO user_roles (user_id, role_id) SELECT $mate_id, id FROM roles WHERE name = 'approver'");
my ($plain_id, $plain_email, $plain) = ct_buyer();    # orders, sees the organisation's, returns nothing

subtest 'ask for a return' => sub {
    my $n = od_delivered($buyer, [[$ska, 5], [$skb, 1]], address => $gb);
    my ($doc, $res) = $buyer->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@return'), 1, 'the order page offers to return goods');
    is(xp($doc, '/page/order/lines/line[@no="1"]/@returnable'), 1, '... of line 1');
    is(xp($doc, '/page/order/lines/line[@no="2"]/@returnable'), '', '... not of the service (no window)');
    ($doc, $res) = $buyer->get_xml("/orders/$n/return");
    is($res->code, 200, 'the form');
    is(xp($doc, '/page/return-new/lines/line[@no="1"]/@returnable'), 5, 'five sensors can go back');
    is(xp($doc, '/page/return-new/lines/line[@no="2"]/@returnable'), 0, 'the service cannot');

    ($doc, $res) = od_return($buyer, $n, { 1 => 6, 2 => 1 }, reason => 'nonsense', comment => 'c' x 2001);
    is($res->code, 422, 'too much of everything: 422');
    my $e = or_errors($doc);
    is($e->{qty_1}, 'orders.return.too-many', 'line 1: too many');
    is(xp($doc, '/page/messages/message[@field="qty_1"]/@max'), 5, '... at most 5');
    is($e->{qty_2}, 'orders.return.none-left', 'line 2: nothing can go back');
    is($e->{reason}, 'input.choice', 'the reason');
    is($e->{comment}, 'input.too-long', 'the comment');
    is(xp($doc, '/page/form[@name="return"]/field[@name="qty_1"]'), 6, 'the quantity kept');
    is(length(xp($doc, '/page/form[@name="return"]/field[@name="comment"]')), 2001, 'the comment kept');
    ($doc, $res) = od_return($buyer, $n, { 1 => 0 });
    is(or_errors($doc)->{lines}, 'orders.return.nothing', 'nothing at all: 422 at the lines');
    ($doc, $res) = od_return($buyer, $n, { 1 => 'x' });
    is(or_errors($doc)->{qty_1}, 'input.integer', 'not a number');
    ($doc, $res) = od_return($buyer, $n, { 1 => 1 }, photos => [['notes.txt', 'plain text', 'image/png']]);
    is(or_errors($doc)->{photos}, 'orders.return.photos.type', 'a text file claiming to be a PNG: refused');
    ($doc, $res) = od_return($buyer, $n, { 1 => 1 }, photos => [['big.png', od_png('x' x (2 * 1024 * 1024)), 'image/png']]);
    is(or_errors($doc)->{photos}, 'orders.return.photos.size', 'a photo over 2 MB: refused');
    ($doc, $res) = od_return($buyer, $n, { 1 => 1 }, photos => [map { ["p$_.png", od_png($_), 'image/png'] } 1 .. 5]);
    is(or_errors($doc)->{photos}, 'orders.return.photos.too-many', 'five photos: refused');
    is(sql_value('SELECT COUNT(*) FROM returns WHERE order_id = ' . ct_order_id($n)), 0, 'no return yet');
    ($doc, $res) = od_return($buyer, $n, { 1 => 1 }, post => { no_csrf => 1 });
    is($res->code, 403, 'without the CSRF token: 403');

    ($doc, $res) = od_return($buyer, $n, { 1 => 2, 2 => '' }, reason => 'damaged', comment => "Two cracked.\r\nSee photos.",
        photos => [['front view.png', od_png('a'), 'image/png'], ['back.png', od_png('b'), 'image/png']]);
    is($res->code, 303, 'two sensors with two photos: 303');
    my ($number) = (location_path($res) // '') =~ m{^/orders/returns/(R-\d{4}-\d{6})\?requested=1$};
    ok($number, "to the return's page ($number)") or return;
    my $r = od_return_row($number);
    is($r->{status}, 'requested', 'requested');
    is($r->{reason}, 'damaged', 'damaged');
    is($r->{comment}, "Two cracked.\nSee photos.", 'the comment');
    is($r->{requested_by}, $buyer_id, 'by the buyer');
    is_deeply($r->{lines}, { 1 => 2 }, 'two of line 1');
    is_deeply($r->{events}, ['requested'], 'on its timeline');
    is(sql_value("SELECT COUNT(*) FROM return_files WHERE return_id = $r->{id}"), 2, 'two photos kept');
    is(sql_value("SELECT filename FROM return_files WHERE return_id = $r->{id} ORDER BY id LIMIT 1"), 'front_view.png', '... under a safe name');
    my ($a) = Portico::OrgAdmin::audit_rows('return.request', 'return', $r->{id});
    like($a->{after} // '', qr/"number":"\Q$number\E","order":"\Q$n\E","reason":"damaged","lines":1,"photos":2/, 'audited');

    ($doc, $res) = $buyer->get_xml("/orders/returns/$number");
    is($res->code, 200, 'its page');
    is(xp($doc, '/page/return/lines/line[@no="1"]/@quantity'), 2, 'the lines');
    is(xp_count($doc, '/page/return/photos/photo'), 2, 'the photos');
    my $href = xp($doc, '/page/return/photos/photo[1]/@href');
    $res = $buyer->get($href);
    is($res->code, 200, 'a photo: 200');
    is($res->header('Content-Type'), 'image/png', '... a PNG');
    is($mate->get($href)->code, 200, 'a colleague who sees the organisation\'s orders: 200');
    is(or_client('paula@northwind.example')->get($href)->code, 404, 'another organisation: 404');
    is(or_client('paula@northwind.example')->get("/orders/returns/$number")->code, 404, '... its page: 404');
    is(od_manager()->get($href)->code, 200, 'the order desk: 200');

    ($doc) = $buyer->get_xml("/orders/$n/return");
    is(xp($doc, '/page/return-new/lines/line[@no="1"]/@returnable'), 3, 'three can still go back');
    ($doc, $res) = od_return($plain, $n, { 1 => 1 });
    is($res->code, 403, 'a buyer without orders.return: 403');
    ($doc, $res) = od_return($mate, $n, { 1 => 4 });
    is($res->code, 422, 'a colleague asks for four: 422');
    is(xp($doc, '/page/messages/message[@field="qty_1"]/@max'), 3, '... at most 3');
    ($doc, $res) = od_return($mate, $n, { 1 => 3 }, reason => 'not_needed');
    is($res->code, 303, 'the three: 303');
    ($doc) = $buyer->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@return'), '', 'nothing left to return: the order page offers it no more');
    is(xp_count($doc, '/page/order/returns/return'), 2, 'it lists both returns');
    ($doc, $res) = od_return($buyer, $n, { 1 => 1 });
    is(or_errors($doc)->{qty_1}, 'orders.return.none-left', 'a fifth one: nothing can go back');

    sql("UPDATE returns SET status = 'rejected' WHERE number = " . sql_quote($number));
    ($doc) = $buyer->get_xml("/orders/$n/return");
    is(xp($doc, '/page/return-new/lines/line[@no="1"]/@returnable'), 2, 'a rejected return gives its two back');
};

subtest 'the window and what has arrived' => sub {
    my $n = od_delivered($buyer, [[$ska, 2]], address => $gb);
    my $id = ct_order_id($n);
    sql("UPDATE shipments SET delivered_at = UTC_TIMESTAMP(6) - INTERVAL 31 DAY WHERE order_id = $id");
    my ($doc, $res) = od_return($buyer, $n, { 1 => 1 });
    is($res->code, 422, 'delivered 31 days ago, a 30-day window: 422');
    is(or_errors($doc)->{qty_1}, 'orders.return.none-left', '... nothing can go back');
    sql("UPDATE products SET return_days = 45 WHERE id = $pa");
    ($doc, $res) = od_return($buyer, $n, { 1 => 1 });
    is($res->code, 303, 'a 45-day window: 303');
    sql("UPDATE products SET return_days = 30 WHERE id = $pa");

    my $s = od_confirmed($buyer, [[$ska, 2]], address => $gb);
    od_ship(od_manager(), $s, { 1 => 2 });
    ($doc, $res) = $buyer->get_xml("/orders/$s/return");
    is(xp($doc, '/page/return-new/@returnable'), '', 'shipped, not arrived: nothing to return');
    ($doc, $res) = od_return($buyer, $s, { 1 => 1 });
    is($res->code, 422, '... 422');
    my $html = $buyer->get("/orders/$s/return")->decoded_content;
    like($html, qr{Nothing of this order can be returned}, 'HTML: says so');
};

subtest 'who may ask' => sub {
    my $n = od_delivered($buyer, [[$ska, 1]], address => $gb);
    is(or_client('klaus@bergmann.example')->get("/orders/$n/return")->code, 403, 'a customer_user without orders.return: 403');
    is(or_client('paula@northwind.example')->get("/orders/$n/return")->code, 404, 'another organisation: 404');
    is(or_client('anna.admin@acme.example')->get("/orders/$n/return")->code, 200, "the customer's admin: 200");
    is(od_manager()->get("/orders/$n/return")->code, 403, 'the order desk: 403 (it does not return goods)');
    is($buyer->get('/orders/O-2026-999999/return')->code, 404, 'no such order: 404');
};

done_testing;
