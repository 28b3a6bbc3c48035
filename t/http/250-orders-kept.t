# An order's page and the order history are kept for their reader
# (cgi-bin-src/orders/kept.c): asked again, the reader gets the kept copy
# (X-Portico-Cache: hit), and any change to what it shows (a cancel, an
# approval, a new order) makes the next one built anew.  The stamp is
# also the access rule: a kept page never reaches someone who may not see
# the order.  What each costs the database, counted: at most 5 statements
# built (the session's included), fewer kept; the history's count stops
# after a thousand ("more than 1 000").
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX ();
use Portico::Test;
use Portico::Cart;
use Portico::KB qw(statements_for);
use Portico::OrderDesk;
use Portico::Process;

sub cache_of { return $_[0]->header('X-Portico-Cache') // 'none' }

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Kept');
my (undef, $sku) = ct_product(prices => { GBP => 1000 }, name => 'Kept page widget');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
my ($mate_id, $mate_email, $mate) = ct_buyer();
my ($own_id, $own_email) = ct_person(roles => ['ct-own']);
my $own = or_client($own_email);
my $klaus = or_client('klaus@bergmann.example');
my ($appr_id, $appr_email) = ct_person(roles => ['approver']);
my $approver = or_client($appr_email);

my $n = ct_place($buyer, [[$sku, 2]], address => $gb);

subtest "an order's page, kept for its reader" => sub {
    is($buyer->get("/orders/$n")->code, 200, 'the page');
    my $again = $buyer->get("/orders/$n");
    is(cache_of($again), 'hit', 'asked again: the kept page');
    like($again->decoded_content, qr/\Q$n\E/, 'with the order on it');
    is(cache_of($buyer->get("/orders/$n?format=xml")), 'none', 'XML is never kept');
    is(cache_of($buyer->get("/orders/$n?placed=1")), 'none', 'nor a page with a message');

    my (undef, $res) = or_post($buyer, "/orders/$n/cancel", [cancel_comment => 'Kept page check']);
    is($res->code, 303, 'the buyer cancels it');
    my $after = $buyer->get("/orders/$n");
    isnt(cache_of($after), 'hit', 'the next page is built anew');
    like($after->decoded_content, qr/Kept page check/, '... and shows the comment on the timeline');
    my ($doc) = $buyer->get_xml("/orders/$n");
    is(xp($doc, '/page/order/@status'), 'cancelled', '... and the new status');
    is(cache_of($buyer->get("/orders/$n")), 'hit', 'then kept again');
};

subtest 'an approval reaches the kept page of the buyer' => sub {
    ct_set_limits(500, undef);
    my $w = ct_place($buyer, [[$sku, 1]], address => $gb);
    ct_set_limits(undef, undef);
    $buyer->get("/orders/$w");
    is(cache_of($buyer->get("/orders/$w")), 'hit', 'the waiting order, kept');
    ok(fl_task('order-approval', $w), 'its approval task is there');
    my (undef, $res) = or_post($approver, "/orders/$w/approve", [comment => 'Fine by me']);
    is($res->code, 303, 'the approver approves it');
    is(fl_wait_value("SELECT status FROM orders WHERE number = '$w'", 'approved'), 'approved',
        'flowd takes the decision');
    my $after = $buyer->get("/orders/$w");
    isnt(cache_of($after), 'hit', 'the buyer\'s next page is built anew');
    like($after->decoded_content, qr/Fine by me/, '... with the approver\'s comment');
};

subtest 'shipments reach the kept page, also when the status stays' => sub {
    my $o = od_confirmed($buyer, [[$sku, 5]], address => $gb);
    my $m = od_manager();
    my (undef, $res) = od_ship($m, $o, { 1 => 2 }, carrier => 'Kept Carrier One', tracking_number => 'K1');
    is($res->code, 303, 'two of five shipped: partly shipped');
    $buyer->get("/orders/$o");
    is(cache_of($buyer->get("/orders/$o")), 'hit', 'kept');
    (undef, $res) = od_ship($m, $o, { 1 => 1 }, carrier => 'Kept Carrier Two', tracking_number => 'K2');
    is($res->code, 303, 'one more: still partly shipped');
    is(od_status($o), 'partly_shipped', '... the status stays');
    my $after = $buyer->get("/orders/$o");
    isnt(cache_of($after), 'hit', 'the buyer\'s next page is built anew');
    like($after->decoded_content, qr/Kept Carrier Two/, '... and shows the second shipment');
    (undef, $res) = od_deliver($m, $o, 1, POSIX::strftime('%Y-%m-%d', gmtime));
    is($res->code, 303, 'the first shipment delivered');
    isnt(cache_of($buyer->get("/orders/$o")), 'hit', '... built anew again');
};

subtest 'never to one who may not see the order' => sub {
    $buyer->get("/orders/$n");
    is(cache_of($buyer->get("/orders/$n")), 'hit', 'kept for the buyer');
    my $res = $mate->get("/orders/$n");
    is($res->code, 200, 'a colleague with orders.read.org: 200');
    isnt(cache_of($res), 'hit', '... from a page of his own, not the buyer\'s');
    is($own->get("/orders/$n")->code, 403, 'one who sees only his own orders: 403');
    is($own->get("/orders/$n")->code, 403, '... asked again too');
    is($klaus->get("/orders/$n")->code, 404, 'another organisation: 404');
    is($klaus->get("/orders/$n")->code, 404, '... asked again too');
};

subtest 'the history, kept for its reader' => sub {
    $buyer->get('/orders/history?page=1');
    my $again = $buyer->get('/orders/history?page=1');
    is(cache_of($again), 'hit', 'asked again: the kept page');
    is(cache_of($buyer->get('/orders/history?page=1&x=1')), 'none', 'a parameter it does not read: built');
    my $m = ct_place($mate, [[$sku, 3]], address => $gb);
    my $after = $buyer->get('/orders/history?page=1');
    isnt(cache_of($after), 'hit', "a colleague's new order: built anew");
    like($after->decoded_content, qr/\Q$m\E/, '... and on it');
    my ($doc) = $own->get_xml('/orders/history');
    is(xp_count($doc, "/page/orders/order[\@number='$m']"), 0,
        'one who sees only his own orders never gets the organisation\'s list');
};

subtest 'statements: at most 5 built, fewer kept' => sub {
    # Ten thousand and more orders of the buyer's organisation, in a year of their own.
    sql('INSERT INTO orders (number, year, seq, org_id, buyer_id, status, currency, net_minor, tax_minor,'
        . ' gross_minor, po_number, ship_label, ship_recipient, ship_street, ship_postal_code, ship_city,'
        . ' ship_country, counted_at, created_at, updated_at)'
        . " SELECT CONCAT('O-1998-', LPAD(seq, 6, '0')), 1998, seq, " . ACME . ", $buyer_id, 'delivered',"
        . " 'GBP', 100, 20, 120, CONCAT('KEPT-', seq), 'x', 'x', 'x', 'x', 'x', 'GB',"
        . " '1998-01-01' + INTERVAL seq MINUTE, '1998-01-01' + INTERVAL seq MINUTE,"
        . " '1998-01-01' + INTERVAL seq MINUTE FROM seq_1_to_10200");
    my ($doc) = $buyer->get_xml('/orders/history');
    is(xp($doc, '/page/orders/pager/@more'), '1', 'more than the count counts');
    is(xp($doc, '/page/orders/pager/@total'), 1000, '... which stops at 1 000');
    cmp_ok(statements_for($buyer, '/orders/history?built=1&status=delivered&page=3'), '<=', 5,
        'the history built: at most 5 statements');
    cmp_ok(statements_for($buyer, '/orders/history?built=1&q=KEPT-1'), '<=', 5,
        '... searched by PO number too');
    cmp_ok(statements_for($buyer, "/orders/$n?built=1"), '<=', 5, 'an order built: at most 5');
    cmp_ok(statements_for($buyer, '/orders/history?status=delivered'), '<=', 2, 'the history kept: 2 at most');
    cmp_ok(statements_for($buyer, "/orders/$n"), '<=', 2, 'an order kept: 2 at most');
    sql("DELETE FROM orders WHERE year = 1998 AND po_number LIKE 'KEPT-%'");
};

done_testing;
