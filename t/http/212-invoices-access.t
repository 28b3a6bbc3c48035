# Who sees which invoice: the people of its organisation who may read all
# its orders (orders.read.org, orders.approve), a buyer without that the
# invoices of their own orders (another's: 403), the provider's order desk
# every organisation's; another organisation's invoice does not exist for
# anyone else (404), its PDF neither.  The list is scoped the same way and
# filtered by status; overdue is an open invoice whose due date lies
# before the reader's today, in the reader's time zone.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Invoices;

# The demo invoices: INV-2026-000003 and CN-2026-000001 of Acme's
# O-2026-000002 (Anna's), INV-2026-000004 of Acme's O-2026-000001
# (Carl's), INV-2026-000008 and INV-2026-000005 of Northwind's, and
# INV-2026-000006 of Bergmann's; the other four up to INV-2026-000009
# are Acme's.
my @who = (
    [anon    => undef],
    [editor  => 'editor@portico.example'],     # provider, no orders.*
    [agent   => 'agent@portico.example'],      # provider: orders.read, not the desk
    [manager => 'manager@portico.example'],    # provider: the order desk
    [admin   => 'admin@portico.example'],      # provider: the order desk
    [klaus   => 'klaus@bergmann.example'],     # Bergmann: orders.read only
    [carl    => 'carl@acme.example'],          # Acme: place, read.org
    [olivia  => 'olivia@acme.example'],        # Acme: approve, read.org
    [paula   => 'paula@northwind.example'],    # Northwind: place, read.org
);
my %client = map { $_->[0] => or_client($_->[1]) } @who;

my @routes = (
    ['/orders/invoices', { anon => 303, manager => 200, admin => 200, carl => 200, olivia => 200, paula => 200 }, 403],
    ['/orders/invoices/INV-2026-000003', { anon => 303, editor => 403, manager => 200, admin => 200, carl => 200, olivia => 200 }, 404],
    ['/orders/invoices/INV-2026-000003.pdf', { anon => 303, editor => 403, manager => 200, admin => 200, carl => 200, olivia => 200 }, 404],
    ['/orders/invoices/CN-2026-000001', { anon => 303, editor => 403, manager => 200, admin => 200, carl => 200, olivia => 200 }, 404],
    ['/orders/invoices/INV-2026-000008', { anon => 303, editor => 403, manager => 200, admin => 200, paula => 200 }, 404],
    ['/orders/invoices/INV-2026-000008.pdf', { anon => 303, editor => 403, manager => 200, admin => 200, paula => 200 }, 404],
    ['/orders/invoices/INV-2026-999999', { anon => 303, editor => 403 }, 404],
    ['/orders/invoices/INV-26-1', { anon => 404 }, 404],
    ['/orders/invoices/new?order=O-2026-000001', { anon => 303, manager => 200, admin => 200 }, 403],
);
for my $r (@routes) {
    my ($path, $want, $default) = @$r;
    subtest "GET $path" => sub {
        for my $w (@who) {
            my $expect = $want->{$w->[0]} // $default;
            is($client{$w->[0]}->get($path)->code, $expect, "$w->[0]: $expect");
        }
    };
}

subtest 'the lists' => sub {
    my %numbers;
    for my $name (qw(carl paula manager)) {
        my ($doc) = $client{$name}->get_xml('/orders/invoices');
        $numbers{$name} = [sort(xp_list($doc, '/page/invoices/invoice/@number'))];
        is(xp($doc, '/page/invoices/@scope'), $name eq 'manager' ? 'all' : 'org', "$name: scope");
    }
    is_deeply([grep { /-2026-00000\d$/ } @{ $numbers{carl} }], [qw(CN-2026-000001 INV-2026-000001 INV-2026-000002
        INV-2026-000003 INV-2026-000004 INV-2026-000007 INV-2026-000009)],
        'Acme\'s people see Acme\'s');
    is_deeply([grep { /-2026-00000\d$/ } @{ $numbers{paula} }], [qw(INV-2026-000005 INV-2026-000008)], 'Northwind\'s see Northwind\'s');
    ok((grep { $_ eq 'INV-2026-000008' } @{ $numbers{manager} }) && (grep { $_ eq 'INV-2026-000003' } @{ $numbers{manager} }),
        'the desk sees every organisation\'s');
    my ($doc) = $client{carl}->get_xml('/orders/invoices?q=O-2026-000002');
    is_deeply([sort(xp_list($doc, '/page/invoices/invoice/@number'))], [qw(CN-2026-000001 INV-2026-000003)],
        'searched by order number');
    ($doc) = $client{carl}->get_xml('/orders/invoices?q=INV-2026-000004');
    is_deeply([xp_list($doc, '/page/invoices/invoice/@number')], ['INV-2026-000004'], '... and by invoice number');
};

subtest 'a buyer who sees only their own orders' => sub {
    my ($own_id, $own_email) = ct_person(roles => ['ct-own']);
    my $own = or_client($own_email);
    ct_set_limits(undef, undef);
    my $address = ct_address(country => 'GB');
    my (undef, $sku) = ct_product(prices => { GBP => 500 });
    my ($number) = inv_order($own, [[$sku, 1]], address => $address);
    my ($inv) = inv_issue($number);
    is($own->get("/orders/invoices/$inv")->code, 200, 'the invoice of their order: 200');
    is($own->get("/orders/invoices/$inv.pdf")->code, 200, '... its PDF');
    is($own->get('/orders/invoices/INV-2026-000004')->code, 403, 'another buyer\'s of the organisation: 403');
    is($own->get('/orders/invoices/INV-2026-000004.pdf')->code, 403, '... its PDF too');
    my ($doc) = $own->get_xml('/orders/invoices');
    is(xp($doc, '/page/invoices/@scope'), 'mine', 'their list is their own');
    is_deeply([xp_list($doc, '/page/invoices/invoice/@number')], [$inv], '... with their invoice alone');
};

subtest 'open, overdue and paid, as the reader sees the day' => sub {
    my (undef, undef, $buyer) = ct_buyer();
    ct_set_limits(undef, undef);
    my $address = ct_address(country => 'GB');
    my (undef, $sku) = ct_product(prices => { GBP => 700 });
    my ($number) = inv_order($buyer, [[$sku, 1]], address => $address);
    my ($inv) = inv_issue($number);
    my (undef, $east_email) = ct_person(zone => 'Pacific/Kiritimati');     # UTC+14
    my (undef, $west_email) = ct_person(zone => 'Pacific/Pago_Pago');      # UTC-11
    my ($east, $west) = map { or_client($_) } $east_email, $west_email;
    # Due on the day it is now in Pago Pago, which is always a day before Kiritimati's.
    sql("UPDATE invoices SET due_date = DATE(UTC_TIMESTAMP() - INTERVAL 11 HOUR) WHERE number = '$inv'");
    my ($doc) = $west->get_xml("/orders/invoices/$inv");
    is(xp($doc, '/page/invoice/@status'), 'open', 'due today where the reader is: open');
    ($doc) = $east->get_xml("/orders/invoices/$inv");
    is(xp($doc, '/page/invoice/@status'), 'overdue', 'due yesterday where the reader is: overdue');
    ($doc) = $east->get_xml('/orders/invoices?status=overdue');
    ok((grep { $_ eq $inv } xp_list($doc, '/page/invoices/invoice/@number')), 'the overdue filter lists it');
    is(xp($doc, "/page/invoices/invoice[\@number='$inv']/\@status"), 'overdue', '... as overdue');
    ($doc) = $west->get_xml('/orders/invoices?status=overdue');
    ok(!(grep { $_ eq $inv } xp_list($doc, '/page/invoices/invoice/@number')), '... not for the reader for whom it is due today');
    ($doc) = $east->get_xml('/orders/invoices?status=open');
    ok((grep { $_ eq $inv } xp_list($doc, '/page/invoices/invoice/@number')), 'open lists the overdue as well');
    is(inv_paid($inv)->code, 303, 'paid');
    ($doc) = $east->get_xml("/orders/invoices/$inv");
    is(xp($doc, '/page/invoice/@status'), 'paid', 'then it is paid, never overdue');
    ($doc) = $east->get_xml('/orders/invoices?status=overdue');
    ok(!(grep { $_ eq $inv } xp_list($doc, '/page/invoices/invoice/@number')), '... and leaves the overdue list');
    ($doc) = $east->get_xml('/orders/invoices?status=paid');
    ok((grep { $_ eq $inv } xp_list($doc, '/page/invoices/invoice/@number')), '... for the paid one');
    ($doc) = $client{carl}->get_xml('/orders/invoices/CN-2026-000001');
    is(xp($doc, '/page/invoice/@kind'), 'credit_note', 'a credit note');
    is(xp($doc, '/page/invoice/@status'), 'paid', '... refunded is never overdue');
};

subtest 'the page shows what the invoice holds' => sub {
    my ($doc) = $client{carl}->get_xml('/orders/invoices/INV-2026-000003');
    is(xp($doc, '/page/invoice/@status'), 'overdue', 'the demo\'s open invoice due 4 November 2026 is overdue');
    is(xp($doc, '/page/invoice/seller/name'), 'Portico Services GmbH', 'the seller');
    is(xp($doc, '/page/invoice/buyer/street'), '12 Wellington Street', 'the buyer\'s address');
    is(xp_count($doc, '/page/invoice/lines/line'), 2, 'two lines');
    is(xp($doc, '/page/invoice/taxes/tax/@tax'), 21092, 'the tax of the rate');
    is(xp($doc, '/page/invoice/totals/@gross'), 126552, 'the total');
    is(xp($doc, '/page/invoice/@due'), '2026-11-04', 'the due date');
    ok(!xp($doc, '/page/invoice/actions/@paid'), 'no "paid" button for the customer');
    is(xp($doc, '/page/invoice/@order-href'), '/orders/O-2026-000002', 'the order links to its page');
    ($doc) = $client{manager}->get_xml('/orders/invoices/INV-2026-000003');
    is(xp($doc, '/page/invoice/actions/@paid'), 1, 'the desk gets one');
    is(xp($doc, '/page/invoice/@order-href'), '/orders/desk/O-2026-000002', '... and the desk\'s page of the order');
    my $html = $client{carl}->get('/orders/invoices/INV-2026-000003')->decoded_content;
    like($html, qr/1,265\.52\x{a0}GBP/, 'the HTML page shows the total as the reader writes money');
    like($html, qr{href="/orders/invoices/INV-2026-000003\.pdf"}, '... and links the PDF');
};

done_testing();
