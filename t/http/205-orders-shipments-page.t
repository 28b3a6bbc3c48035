# The demo's orders that have left, on the customer's order page and on
# the desk: their shipments with carrier, tracking link, lines and
# quantities and the day they arrived, in the timeline; in German for a
# German buyer.  The order page keeps to five SQL statements a request
# with its shipments (issue 13 section 11).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::KB ();

my $carl = or_client('carl@acme.example');

subtest "Acme's delivered order in two shipments" => sub {
    my ($doc, $res) = $carl->get_xml('/orders/O-2026-000021');
    is($res->code, 200, 'carl opens O-2026-000021');
    is(xp($doc, '/page/order/@status'), 'delivered', 'delivered');
    is(xp_count($doc, '/page/order/shipments/shipment'), 2, 'two shipments');
    my $s1 = '/page/order/shipments/shipment[@no="1"]';
    is(xp($doc, "$s1/carrier"), 'DHL Express', 'the first by DHL Express');
    is(xp($doc, "$s1/tracking"), '1234567890', '... its tracking number');
    like(xp($doc, "$s1/tracking/\@href"), qr{^https://www\.dhl\.com/.*1234567890$}, '... linked');
    is(xp($doc, "$s1/\@delivered"), '2026-09-17T12:00:00Z', '... delivered');
    is(join(',', map { $_->getAttribute('no') . 'x' . $_->getAttribute('quantity') } $doc->findnodes("$s1/line")),
        '1x2,2x2', '... two gateways and two cables');
    is(join(',', map { $_->getAttribute('status') . ($_->getAttribute('action') ? '/' . $_->getAttribute('action') : '') }
        $doc->findnodes('/page/order/timeline/event')),
        'submitted,confirmed,partly_shipped/shipped,partly_shipped/delivered,shipped/shipped,delivered/delivered',
        'the timeline');
    my $html = $carl->get('/orders/O-2026-000021')->decoded_content;
    like($html, qr{Shipment 2</strong>}, 'HTML: the shipments on the timeline');
    like($html, qr{<li><span class="or-ship-count nowrap">2 piece</span> Industrial Ethernet cable, 5 m}, 'HTML: a line of it');
};

subtest 'partly shipped, by the warehouse' => sub {
    my ($doc) = $carl->get_xml('/orders/O-2026-000023');
    is(xp($doc, '/page/order/@status'), 'partly_shipped', 'partly shipped');
    is(xp($doc, '/page/order/shipments/shipment/tracking/@href'), '', 'a tracking number without an address: no link');
    is(xp($doc, '/page/order/shipments/shipment/@delivered'), '', 'not delivered yet');
    is(xp($doc, '/page/order/timeline/event[@action="shipped"]/by'), '', 'shipped by an integration: by nobody');
    is(xp($doc, '/page/order/lines/line[@no="1"]/@shipped'), 4, 'four of six sensors have left');
    my $html = $carl->get('/orders/O-2026-000023')->decoded_content;
    like($html, qr{<span class="or-tracking">RM123456785GB</span>}, 'HTML: the number as text');
    like($html, qr{On its way}, 'HTML: on its way');
};

subtest "Bergmann's, in German" => sub {
    my $c = or_client('monika.schulz@bergmann.example');
    my $html = $c->get('/orders/O-2026-000025')->decoded_content;
    like($html, qr{Sendung 1</strong>}, 'Sendung 1');
    like($html, qr{<dt>Versanddienst</dt><dd>DHL Paket</dd>}, 'the carrier');
    like($html, qr{<dt>Zugestellt</dt><dd><time datetime="2026-10-27T12:00:00Z">27\. Okt\. 2026</time>}, 'the day it arrived');
    is($carl->get('/orders/O-2026-000025')->code, 404, "carl: another organisation's, 404");
};

subtest 'five statements' => sub {
    # As XML the page is built every time (a kept page costs its stamp alone).
    my $n = Portico::KB::statements_for($carl, '/orders/O-2026-000021?format=xml');
    ok($n > 0 && $n <= 5, "the order page with two shipments and three returns, built: $n statements (at most 5)");
    $n = Portico::KB::statements_for($carl, '/orders/O-2026-000021');
    ok($n > 0 && $n <= 5, "... kept: $n");
    $n = Portico::KB::statements_for(or_client('manager@portico.example'), '/orders/desk/O-2026-000021?format=xml');
    ok($n > 0 && $n <= 5, "the desk's page of it: $n statements");
};

subtest 'the desk has the demo orders' => sub {
    my ($doc) = or_client('manager@portico.example')->get_xml('/orders/desk?status=partly_shipped&q=O-2026-000023');
    is(xp($doc, '/page/desk/order/@shipped'), 10, 'ten of twelve pieces have left');
    is(xp($doc, '/page/desk/order/@ordered'), 12, '... of twelve');
    ($doc) = or_client('manager@portico.example')->get_xml('/orders/desk/O-2026-000022');
    is(xp($doc, '/page/order/actions/@deliver'), 1, 'the shipped one: waits to be marked delivered');
    ($doc) = or_client('manager@portico.example')->get_xml('/orders/desk/O-2026-000021');
    is_deeply([xp_list($doc, '/page/order/returns/return/@number')], ['R-2026-000001', 'R-2026-000004', 'R-2026-000006'],
        "the desk's page of an order lists its returns");
};

done_testing;
