# An invoiced order is not cancelled while its invoices still bill
# something: the buyer is refused (422, with the reason on the order's
# page, which no longer offers to cancel), so is the order desk, until the
# desk credits the invoice in full; then the desk cancels it, and no open
# invoice of a cancelled order is left to fall overdue.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Invoices;
use Portico::OrderDesk qw(od_cancel od_status);

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Cancel');
my (undef, $sku) = ct_product(prices => { GBP => 2500 }, name => 'Invoiced widget');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer();

my ($n, $id) = inv_order($buyer, [[$sku, 4]], address => $gb);
my ($inv, $res) = inv_issue($n);
is($res->code, 303, 'the desk invoices the confirmed order') or diag($res->decoded_content);

subtest 'the buyer may not cancel it' => sub {
    my ($doc) = $buyer->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@cancel'), '', 'the page no longer offers to cancel');
    my ($d, $r) = or_post($buyer, "/orders/$n/cancel", [cancel_comment => 'Changed our mind']);
    is($r->code, 422, 'asked anyway: 422');
    is(xp($d, '/page/messages/message[@kind="error"]/@key'), 'orders.order.invoiced', '... because it is invoiced');
    is(od_status($n), 'confirmed', 'still confirmed');
};

subtest 'nor the desk, until the invoice is credited' => sub {
    my ($d, $r) = od_cancel(inv_desk(), $n, 'Customer asked');
    is($r->code, 422, 'the desk: 422');
    is(xp($d, '/page/messages/message[@kind="error"]/@key'), 'orders.fulfil.invoiced', '... credit it first');
    is(od_status($n), 'confirmed', 'still confirmed');
    my ($cn, $cr) = inv_credit($inv, { 1 => 4 });
    is($cr->code, 303, 'the whole invoice credited');
    ($d, $r) = od_cancel(inv_desk(), $n, 'Customer asked');
    is($r->code, 303, 'then the desk cancels it');
    is(od_status($n), 'cancelled', 'cancelled');
    is(sql_value("SELECT SUM(gross_minor) FROM invoices WHERE order_id = $id"), 0, 'nothing left billed');
};

done_testing;
