package Portico::Invoices;

# Helpers for the tests of invoices and credit notes (t/http/210-219):
# confirmed orders placed by a buyer of the test's own (Portico::Cart),
# shipments of them written as the order desk would, the desk's client and
# its issuing, and the invoices a test made.
#
# What a test makes is deleted when it ends: the invoices and shipments of
# its orders.  This module's END runs before Portico::Cart's, which
# deletes the orders.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Portico::Test;
use Portico::Cart;

our @EXPORT = (qw(inv_order inv_ship inv_desk inv_issue inv_row inv_lines inv_number_of
    inv_credit inv_paid), @Portico::Cart::EXPORT);

my @orders;

# A confirmed order of buyer client $c with lines [sku, qty] ...; returns
# (number, id).  The order is placed by checkout, then confirmed in the
# database as the desk would.
sub inv_order {
    my ($c, $lines, %f) = @_;
    my $number = ct_place($c, $lines, %f);
    my $id = ct_order_id($number);
    sql("UPDATE orders SET status = " . sql_quote($f{status} // 'confirmed') . " WHERE id = $id");
    push @orders, $id;
    return ($number, $id);
}

# A shipment of order id with { line_no => quantity }; returns its no.
sub inv_ship {
    my ($order_id, $lines) = @_;
    my $no = 1 + (sql_value("SELECT COALESCE(MAX(no), 0) FROM shipments WHERE order_id = $order_id") // 0);
    sql("INSERT INTO shipments (order_id, no, carrier, tracking_number, shipped_at, created_at)"
        . " VALUES ($order_id, $no, 'DHL', 'JD0001', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
    my $sid = sql_value("SELECT id FROM shipments WHERE order_id = $order_id AND no = $no");
    for my $l (sort keys %$lines) {
        sql("INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity)"
            . " VALUES ($sid, $order_id, $l, $lines->{$l})");
    }
    return $no;
}

# The order desk: the demo manager (orders.desk), signed in.
my $desk;
sub inv_desk { return $desk //= or_client('manager@portico.example', lang => $_[0]) }

# The desk issues an invoice for order number (shipment no, or all not
# billed).  Returns ($number or undef, $res, $doc).
sub inv_issue {
    my ($number, $shipment, %o) = @_;
    my ($doc, $res) = or_post($o{client} // inv_desk(), '/orders/invoices/new',
        [order => $number, shipment => $shipment // '']);
    my ($inv) = $res->code == 303 ? (location_path($res) =~ m{^/orders/invoices/((?:INV|CN)-\d{4}-\d{6,})\?issued=1$}) : ();
    return ($inv, $res, $doc);
}

# The desk credits { order line no => quantity } of invoice number.
sub inv_credit {
    my ($number, $qty, %o) = @_;
    my ($doc, $res) = or_post($o{client} // inv_desk(), "/orders/invoices/$number/credit",
        [map { ("q$_" => $qty->{$_}) } sort keys %$qty]);
    my ($cn) = $res->code == 303 ? (location_path($res) =~ m{^/orders/invoices/(CN-\d{4}-\d{6,})\?issued=1$}) : ();
    return ($cn, $res, $doc);
}

# The desk marks invoice number paid; returns the response.
sub inv_paid {
    my ($number, %o) = @_;
    my (undef, $res) = or_post($o{client} // inv_desk(), "/orders/invoices/$number/paid", []);
    return $res;
}

# The invoices row of number as a hash.
sub inv_row {
    my ($number) = @_;
    my @cols = qw(id kind year seq org_id order_id shipment_id currency net_minor tax_minor
        gross_minor issue_date payment_terms_days due_date status paid_at paid_by issued_by
        po_number seller_name seller_country buyer_name buyer_street buyer_city buyer_country);
    my $r = sql_rows('SELECT ' . join(', ', @cols) . ' FROM invoices WHERE number = ' . sql_quote($number));
    return undef unless @$r;
    my %h;
    @h{@cols} = map { defined $_ && $_ eq 'NULL' ? undef : $_ } @{ $r->[0] };
    return \%h;
}

# The lines of invoice number: [[order_line_no, quantity, unit, rate, net, tax, gross], ...].
sub inv_lines {
    my ($number) = @_;
    return sql_rows('SELECT l.order_line_no, l.quantity, l.unit_price_minor, l.tax_rate_bp,'
        . ' l.net_minor, l.tax_minor, l.gross_minor FROM invoice_lines l JOIN invoices i'
        . ' ON i.id = l.invoice_id WHERE i.number = ' . sql_quote($number) . ' ORDER BY l.line_no');
}

# (kind prefix, year, seq) of a number.
sub inv_number_of {
    my ($n) = @_;
    return $n =~ /^(INV|CN)-(\d{4})-(\d+)$/ ? ($1, $2, $3 + 0) : ();
}

END {
    my $status = $?;
    eval {
        if (@orders) {
            my $in = join(', ', @orders);
            sql("DELETE FROM invoices WHERE order_id IN ($in)");
            sql("DELETE FROM shipments WHERE order_id IN ($in)");
        }
    };
    $? = $status;
}

1;
