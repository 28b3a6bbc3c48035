# The order page lists the order's invoices and credit notes, each with
# its status as the reader sees it and its amount, within the page's five
# SQL statements (the invoices come with the order's row); the order
# desk's page of the order as well, with the way to invoice it.  A page
# kept for its reader shows an invoice as soon as it is issued or paid:
# both move the order's change time, which the kept page is stamped with.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB ();
use Portico::Invoices;

my $carl = or_client('carl@acme.example');

subtest 'the demo orders\' invoices' => sub {
    my ($doc) = $carl->get_xml('/orders/O-2026-000021');
    is_deeply([xp_list($doc, '/page/order/invoices/invoice/@number')], [qw(INV-2026-000001 INV-2026-000002)],
        'an order shipped twice: an invoice per shipment, in the order issued');
    is_deeply([xp_list($doc, '/page/order/invoices/invoice/@status')], [qw(paid paid)], '... both paid');
    is(xp($doc, '/page/order/invoices/invoice[1]/@href'), '/orders/invoices/INV-2026-000001', '... linked');
    is(xp($doc, '/page/order/invoices/invoice[1]/@gross'), 161304, '... with the amount');
    ($doc) = $carl->get_xml('/orders/O-2026-000002');
    is_deeply([xp_list($doc, '/page/order/invoices/invoice/@number')], [qw(INV-2026-000003 CN-2026-000001)],
        'an invoice and its credit note');
    is(xp($doc, '/page/order/invoices/invoice[1]/@status'), 'overdue', 'the open invoice due on 4 November is overdue');
    is(xp($doc, '/page/order/invoices/invoice[2]/@kind'), 'credit_note', 'the credit note says what it is');
    is(xp($doc, '/page/order/invoices/invoice[2]/@gross'), -2388, '... with its negative amount');
    ($doc) = $carl->get_xml('/orders/O-2026-000006');
    is(xp_count($doc, '/page/order/invoices/invoice'), 0, 'an order not invoiced: none');
    my $html = $carl->get('/orders/O-2026-000002')->decoded_content;
    like($html, qr{<a href="/orders/invoices/INV-2026-000003">INV-2026-000003</a>}, 'the page links the invoice');
    unlike($html, qr{/orders/invoices/new}, '... and offers the customer no invoicing');
};

subtest 'five statements' => sub {
    for my $number (qw(O-2026-000021 O-2026-000002)) {
        my $n = Portico::KB::statements_for($carl, "/orders/$number", 200, \&forget_kept_pages);
        ok($n > 0 && $n <= 5, "the order page of $number, built: $n statements (at most 5)");
    }
    my $n = Portico::KB::statements_for(inv_desk(), '/orders/desk/O-2026-000021', 200, \&forget_kept_pages);
    ok($n > 0 && $n <= 5, "the desk's page of it: $n statements");
    my ($doc) = inv_desk()->get_xml('/orders/desk/O-2026-000021');
    is(xp_count($doc, '/page/order/invoices/invoice'), 2, 'the desk\'s page lists the invoices');
    like(inv_desk()->get('/orders/desk/O-2026-000021')->decoded_content,
        qr{href="/orders/invoices/new\?order=O-2026-000021"}, '... and links the invoicing of the order');
};

subtest 'a kept page shows an invoice once it is issued and once paid' => sub {
    my (undef, $email) = ct_person();
    my $buyer = or_client($email);
    ct_set_limits(undef, undef);
    my $address = ct_address(country => 'GB');
    my (undef, $sku) = ct_product(prices => { GBP => 900 });
    my ($number) = inv_order($buyer, [[$sku, 2]], address => $address);
    my $before = $buyer->get("/orders/$number")->decoded_content;
    $buyer->get("/orders/$number");    # kept now
    unlike($before, qr{/orders/invoices/INV-}, 'before: no invoice');
    my ($inv) = inv_issue($number);
    my $after = $buyer->get("/orders/$number")->decoded_content;
    like($after, qr{/orders/invoices/\Q$inv\E}, 'after the issuing the page lists it');
    like($after, qr{inv-status-open}, '... open');
    is(inv_paid($inv)->code, 303, 'paid');
    like($buyer->get("/orders/$number")->decoded_content, qr{inv-status-paid}, '... and the page says so at once');
};

done_testing();
