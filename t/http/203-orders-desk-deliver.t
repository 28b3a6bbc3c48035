# A shipment is marked delivered on a day (the staff member's calendar day:
# not before it left, not after today); the order is delivered when it is
# shipped and every shipment has arrived, and stays partly shipped while
# something is still to leave.  Timeline, audit and the buyer's mail as
# for the other steps; a shipment marked twice: 422; an unknown one: 404.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX ();
use Portico::Test;
use Portico::Cart;
use Portico::OrderDesk;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 }, sku => 'DELIV');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
my $manager_id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");
my $m = od_manager();
# The manager's zone is Europe/Berlin: the days are his.
sub berlin_day {
    my ($offset_days) = @_;
    local $ENV{TZ} = 'Europe/Berlin';
    POSIX::tzset();
    my $d = POSIX::strftime('%Y-%m-%d', localtime(time + 86400 * $offset_days));
    return $d;
}
my ($yesterday, $today, $tomorrow) = map { berlin_day($_) } -1, 0, 1;
POSIX::tzset();

subtest 'the shipments arrive one by one' => sub {
    my $n = od_confirmed($buyer, [[$ska, 4]], address => $gb);
    my ($doc, $res) = od_ship($m, $n, { 1 => 1 }, carrier => 'DHL', tracking_number => 'A1',
        tracking_url => 'https://t.example/A1');
    is($res->code, 303, 'one shipped');
    ($doc) = $m->get_xml("/orders/desk/$n");
    is(xp($doc, '/page/order/actions/@deliver'), 1, 'the desk offers to mark it delivered');
    is(xp($doc, '/page/order/actions/@today'), $today, "... on the manager's today");
    ($doc, $res) = od_deliver($m, $n, 1, $today, no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    ($doc, $res) = od_deliver($buyer, $n, 1, $today);
    is($res->code, 403, 'the buyer: 403');
    ($doc, $res) = od_deliver($m, $n, 1, $tomorrow);
    is($res->code, 422, 'tomorrow: 422');
    is(or_errors($doc)->{delivered_on_1}, 'orders.fulfil.delivered-when', '... at the field');
    is(xp($doc, '/page/form[@name="deliver-1"]/field[@name="delivered_on_1"]'), $tomorrow, '... kept');
    ($doc, $res) = od_deliver($m, $n, 1, $yesterday);
    is($res->code, 422, 'the day before it left: 422');
    for my $bad ('', '2026-02-30', 'soon') {
        ($doc, $res) = od_deliver($m, $n, 1, $bad);
        is($res->code, 422, "'$bad': 422");
        ok(or_errors($doc)->{delivered_on_1}, '... at the field');
    }
    is(od_shipments($n)->[0]{delivered}, undef, 'not delivered yet');

    ($doc, $res) = od_deliver($m, $n, 1, $today);
    is($res->code, 303, 'delivered today: 303');
    is(location_path($res), "/orders/desk/$n?delivered=1", '... back to the order');
    like(od_shipments($n)->[0]{delivered} // '', qr/^\d{4}-\d\d-\d\d 1[01]:00:00$/, 'noon of that day in Berlin, in UTC');
    is(od_status($n), 'partly_shipped', 'the order: still partly shipped (three are still to leave)');
    is_deeply(od_events($n)->[-1], ['partly_shipped', $manager_id, '', 1, 'delivered'], 'on the timeline');
    my ($a) = od_audit('order.deliver', $n);
    like($a->{after} // '', qr/"shipment":1,"delivered_on":"\Q$today\E"/, 'audited');
    ok((grep { $_->{data} =~ /event="delivered"/ } @{ od_mails($buyer_email, $n) }), 'the buyer is told');
    ($doc, $res) = od_deliver($m, $n, 1, $today);
    is($res->code, 422, 'marked again: 422');
    is(or_errors($doc)->{''}, 'orders.fulfil.already-delivered', '... it is already');
    (undef, $res) = od_deliver($m, $n, 2, $today);
    is($res->code, 404, 'a shipment the order does not have: 404');
    (undef, $res) = od_deliver($m, 'O-2026-999999', 1, $today);
    is($res->code, 404, 'no such order: 404');

    (undef, $res) = od_ship($m, $n, { 1 => 3 }, carrier => 'DPD');
    is(od_status($n), 'shipped', 'the rest shipped: shipped');
    (undef, $res) = od_deliver($m, $n, 2, $today);
    is($res->code, 303, 'the second arrives');
    is(od_status($n), 'delivered', 'every shipment has arrived: delivered');
    is_deeply(od_events($n)->[-1], ['delivered', $manager_id, '', 2, 'delivered'], 'on the timeline');
    ($doc) = $m->get_xml("/orders/desk/$n");
    is(xp($doc, '/page/order/actions/@deliver'), '', 'nothing more to mark');
};

subtest 'the buyer follows it on the order page' => sub {
    my $n = od_confirmed($buyer, [[$ska, 2]], address => $gb);
    od_ship($m, $n, { 1 => 2 }, carrier => 'DHL Express', tracking_number => 'JD-77',
        tracking_url => 'https://track.example/JD-77?a=1&b=2');
    od_deliver($m, $n, 1, $today);
    my ($doc, $res) = $buyer->get_xml("/orders/$n");
    is($res->code, 200, 'the order page');
    my $s = '/page/order/shipments/shipment[@no="1"]';
    is(xp($doc, "$s/carrier"), 'DHL Express', 'the carrier');
    is(xp($doc, "$s/tracking"), 'JD-77', 'the tracking number');
    is(xp($doc, "$s/tracking/\@href"), 'https://track.example/JD-77?a=1&b=2', '... with its address');
    is(xp($doc, "$s/line[\@no='1']/\@quantity"), 2, 'the line and quantity');
    like(xp($doc, "$s/\@delivered"), qr/^\Q$today\ET1[01]:00:00Z$/, 'the day it arrived');
    is(xp($doc, '/page/order/timeline/event[@action="shipped"]/@shipment'), 1, 'the timeline: it left');
    is(xp($doc, '/page/order/timeline/event[@action="delivered"]/@status'), 'delivered', '... and arrived');
    is(xp($doc, '/page/order/lines/line[@no="1"]/@shipped'), 2, 'the line: shipped in full');
    my $html = $buyer->get("/orders/$n")->decoded_content;
    like($html, qr{<a class="or-tracking" href="https://track\.example/JD-77\?a=1&amp;b=2" rel="noopener noreferrer">JD-77</a>},
        'HTML: the tracking number links to the carrier');
    like($html, qr{Shipment 1 delivered}, 'HTML: the arrival on the timeline');

    sql("UPDATE shipments SET tracking_url = 'javascript:alert(1)' WHERE order_id = " . ct_order_id($n));
    ($doc) = $buyer->get_xml("/orders/$n");
    is(xp($doc, "$s/tracking/\@href"), '', 'an address that is not http(s) never becomes a link');
};

done_testing;
