# Invoices through the API (invoices.write): the ERP issues an order's
# invoice for one shipment or for all not yet billed, with the invoices'
# own numbering, amounts and audit row (naming the integration), and
# reports an invoice paid.  Refusals write nothing: 409 when the order or
# invoice is not in a state for it, 404 for a shipment or order that is
# not there, 422 for fields.  The order's page in the API lists them.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Api;
use Portico::Cart;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 });
my ($pb, $skb) = ct_product(prices => { GBP => 250 });
my (undef, undef, $buyer) = ct_buyer();
my ($token, $iid) = api_integration(qw(orders.write invoices.write orders.read));
my @orders;

sub post { my ($path, $body) = @_; return api_call(POST => $path, token => $token, defined $body ? (body => $body) : ()) }

sub invoices_of {
    my ($n) = @_;
    return sql_value('SELECT COUNT(*) FROM invoices WHERE order_id = (SELECT id FROM orders WHERE number = ' . sql_quote($n) . ')');
}

my $n = ct_place($buyer, [[$ska, 2], [$skb, 4]], address => $gb);
my $m = ct_place($buyer, [[$ska, 1]], address => $gb);
push @orders, $n, $m;

subtest 'not yet confirmed: 409' => sub {
    my ($res, $j) = post("/api/v1/orders/$m/invoices");
    is($res->code, 409, '409');
    like($j->{error}{message}, qr/not confirmed/, '... saying why');
    is(invoices_of($m), 0, 'no invoice');
};

post("/api/v1/orders/$n/confirm");
post("/api/v1/orders/$n/shipments", { carrier => 'DHL', lines => [{ line => 1, quantity => 2 }] });
post("/api/v1/orders/$n/shipments", { carrier => 'DHL', lines => [{ line => 2, quantity => 4 }] });

my $inv;
subtest 'an invoice for a shipment' => sub {
    my ($res, $j) = post("/api/v1/orders/$n/invoices", { shipment => 1 });
    is($res->code, 201, '201');
    like($j->{number}, qr/^INV-\d{4}-\d{6,}$/, 'its number');
    is($j->{kind}, 'invoice', 'an invoice');
    is($j->{shipment}, 1, 'for shipment 1');
    is($j->{net_minor}, 2000, 'for its two pieces');
    is($j->{gross_minor}, 2400, 'with tax');
    is($j->{status}, 'open', 'open');
    like($j->{due_date}, qr/^\d{4}-\d\d-\d\d$/, 'a due date');
    $inv = $j->{number};
    my $row = sql_rows('SELECT issued_by, net_minor FROM invoices WHERE number = ' . sql_quote($inv))->[0];
    is_deeply($row, [undef, 2000], 'the row: issued by no person');
    my $id = sql_value('SELECT id FROM invoices WHERE number = ' . sql_quote($inv));
    my ($a) = api_audit('invoice.issue', 'invoice', $id);
    is($a && $a->{integration_id}, $iid, 'audited, naming the integration');

    my $before = invoices_of($n);
    ($res, $j) = post("/api/v1/orders/$n/invoices", { shipment => 1 });
    is($res->code, 409, 'the same shipment again: 409');
    like($j->{error}{message}, qr/invoiced already/, '... saying why');
    ($res, $j) = post("/api/v1/orders/$n/invoices", { shipment => 9 });
    is($res->code, 404, 'no shipment 9: 404');
    ($res, $j) = post("/api/v1/orders/$n/invoices", { shipment => '1' });
    is($res->code, 422, 'a shipment as a string: 422');
    is($j->{error}{fields}[0]{field}, 'shipment', '... named');
    ($res, $j) = post("/api/v1/orders/$n/invoices", { order => 1 });
    is($res->code, 422, 'an unknown field: 422');
    ($res, $j) = post('/api/v1/orders/O-2026-999999/invoices');
    is($res->code, 404, 'an unknown order: 404');
    is(invoices_of($n), $before, 'none of them wrote an invoice');
};

subtest 'the rest, then nothing left' => sub {
    my ($res, $j) = post("/api/v1/orders/$n/invoices", {});
    is($res->code, 201, 'everything not billed: 201');
    is($j->{shipment}, undef, 'for no one shipment');
    is($j->{net_minor}, 1000, 'the four of line 2');
    ($res, $j) = post("/api/v1/orders/$n/invoices");
    is($res->code, 409, 'again: 409');
    like($j->{error}{message}, qr/invoiced already/, '... every line is');
    is(invoices_of($n), 2, 'two invoices');
    ($res, $j) = api_call(GET => "/api/v1/orders/$n", token => $token);
    is_deeply([map { [$_->{number} =~ /^INV-/ ? 'INV' : '?', $_->{shipment}, $_->{net_minor}, $_->{status}] }
        @{ $j->{invoices} }], [['INV', 1, 2000, 'open'], ['INV', undef, 1000, 'open']], 'the order lists its invoices');
};

subtest 'paid' => sub {
    my ($res, $j) = post("/api/v1/invoices/$inv/paid");
    is($res->code, 200, 'paid: 200');
    is($j->{status}, 'paid', 'the answer says so');
    is(sql_value('SELECT status FROM invoices WHERE number = ' . sql_quote($inv)), 'paid', 'the row too');
    my $id = sql_value('SELECT id FROM invoices WHERE number = ' . sql_quote($inv));
    my ($a) = api_audit('invoice.paid', 'invoice', $id);
    is($a && $a->{integration_id}, $iid, 'audited, naming the integration');
    ($res, $j) = post("/api/v1/invoices/$inv/paid");
    is($res->code, 409, 'again: 409');
    like($j->{error}{message}, qr/paid already/, '... saying why');
    ($res, $j) = post("/api/v1/invoices/$inv/paid", { paid_at => 'today' });
    is($res->code, 422, 'a field: 422');
    ($res, $j) = post('/api/v1/invoices/INV-2026-999999/paid');
    is($res->code, 404, 'an unknown invoice: 404');
};

END {
    my $status = $?;
    eval { api_forget_invoices(@orders); api_forget_shipments(@orders) };
    $? = $status;
}

done_testing;
