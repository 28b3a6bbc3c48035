package Portico::OrderDesk;

# Helpers for the tests of the provider's order desk and shipments
# (t/http/200-209): the desk's people, orders placed by a test's buyer
# (Portico::Cart) and moved on through the desk's forms, and what the
# database says of an order's shipments, timeline and audit rows.
#
# The orders are the buyers' of Portico::Cart and go with them when the
# test ends; their shipments go first (they hold the orders' lines).

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Portico::Test;
use Portico::Cart;
use Portico::Orders qw(or_upload);
use Portico::OrgAdmin ();

our @EXPORT = qw(od_manager od_admin od_order od_confirmed od_confirm od_ship od_deliver
    od_cancel od_status od_shipments od_events od_audit od_mails od_delivered od_return od_png
    od_return_row od_return_step);

my ($manager, $admin);

# The demo's manager and admin, signed in (made once).
sub od_manager { return $manager //= or_client('manager@portico.example') }
sub od_admin   { return $admin //= or_client('admin@portico.example') }

# An order of the client (a test buyer) with lines [[sku, qty], ...]; its number.
sub od_order {
    my ($c, $lines, %o) = @_;
    return ct_place($c, $lines, address => $o{address}, po_number => $o{po} // '');
}

# The same, confirmed on the desk by the manager.
sub od_confirmed {
    my $n = od_order(@_);
    my (undef, $res) = od_confirm(od_manager(), $n);
    croak "confirm $n: " . $res->code unless $res->code == 303;
    return $n;
}

sub od_confirm { my ($c, $n, %o) = @_; return or_post($c, "/orders/desk/$n/confirm", [], %o) }

# Ship { line_no => quantity } with carrier, tracking_number, tracking_url.
sub od_ship {
    my ($c, $n, $qty, %f) = @_;
    my @form = (carrier => $f{carrier} // 'DHL', tracking_number => $f{tracking_number} // '',
        tracking_url => $f{tracking_url} // '');
    push @form, map { ("qty_$_" => $qty->{$_}) } sort { $a <=> $b } keys %$qty;
    return or_post($c, "/orders/desk/$n/ship", \@form, %{ $f{post} // {} });
}

sub od_deliver {
    my ($c, $n, $no, $day, %o) = @_;
    return or_post($c, "/orders/desk/$n/shipments/$no/delivered", [delivered_on => $day], %o);
}

sub od_cancel { my ($c, $n, $reason, %o) = @_; return or_post($c, "/orders/desk/$n/cancel", [reason => $reason], %o) }

# An order of the client with lines [[sku, qty], ...], confirmed, shipped in
# full and delivered today by the manager; its number.
sub od_delivered {
    my ($c, $lines, %o) = @_;
    my $n = od_confirmed($c, $lines, %o);
    my %qty = map { ($_ + 1) => $lines->[$_][1] } 0 .. $#$lines;
    my (undef, $res) = od_ship(od_manager(), $n, \%qty);
    croak "ship $n: " . $res->code unless $res->code == 303;
    my $id = ct_order_id($n);
    sql("UPDATE shipments SET delivered_at = UTC_TIMESTAMP(6) WHERE order_id = $id");
    sql("UPDATE orders SET status = 'delivered' WHERE id = $id");
    return $n;
}

# Ask for a return of order n: { line => qty }, reason, comment, photos
# [[filename, bytes, type], ...] (multipart).  Returns ($doc, $res).
sub od_return {
    my ($c, $n, $qty, %f) = @_;
    my @form = (reason => $f{reason} // 'damaged', comment => $f{comment} // '');
    push @form, map { ("qty_$_" => $qty->{$_}) } sort { $a <=> $b } keys %$qty;
    push @form, photos => $_ for @{ $f{photos} // [] };
    return or_upload($c, "/orders/$n/return", \@form, %{ $f{post} // {} });
}

# A small PNG image (its first bytes are what the worker looks at).
sub od_png { return "\x89PNG\r\n\x1a\n" . ("\0" x 64) . ($_[0] // '') }

# The returns row of number as a hash.
sub od_return_row {
    my ($number) = @_;
    my @cols = qw(id order_id org_id requested_by status reason comment instructions decision_comment
        decided_by received_at closed_at year seq);
    my $r = sql_rows('SELECT ' . join(', ', @cols) . ' FROM returns WHERE number = ' . sql_quote($number));
    return undef unless @$r;
    my %h;
    @h{@cols} = map { defined $_ && $_ eq 'NULL' ? undef : $_ } @{ $r->[0] };
    $h{lines} = { map { $_->[0] => $_->[1] } @{ sql_rows("SELECT line_no, quantity FROM return_lines WHERE return_id = $h{id}") } };
    $h{events} = [ map { $_->[0] } @{ sql_rows("SELECT status FROM return_events WHERE return_id = $h{id} ORDER BY id") } ];
    return \%h;
}

# POST a step of the desk (approve, reject, receive, refund, replace) with its text field.
sub od_return_step {
    my ($c, $number, $step, %f) = @_;
    my %o = %{ delete $f{post} // {} };
    return or_post($c, "/orders/returns/$number/$step", [%f], %o);
}

sub od_status { return sql_value('SELECT status FROM orders WHERE number = ' . sql_quote($_[0])) }

# The order's shipments: [{ no carrier tracking_number tracking_url shipped delivered
# created_by lines => { line_no => qty } }], by number.
sub od_shipments {
    my ($n) = @_;
    my $id = ct_order_id($n);
    my @s;
    for my $r (@{ sql_rows("SELECT id, no, carrier, tracking_number, tracking_url, shipped_at,"
        . " DATE_FORMAT(delivered_at, '%Y-%m-%d %H:%i:%s'), created_by FROM shipments WHERE order_id = $id ORDER BY no") }) {
        my %h;
        @h{qw(id no carrier tracking_number tracking_url shipped delivered created_by)} =
            map { defined $_ && $_ eq 'NULL' ? undef : $_ } @$r;
        $h{lines} = { map { $_->[0] => $_->[1] }
            @{ sql_rows("SELECT line_no, quantity FROM shipment_lines WHERE shipment_id = $h{id}") } };
        push @s, \%h;
    }
    return \@s;
}

# The order's timeline rows: [[status, user_id, comment, shipment no, action], ...].
sub od_events {
    my ($n) = @_;
    my $id = ct_order_id($n);
    return [ map { [map { defined $_ && $_ eq 'NULL' ? undef : $_ } @$_] } @{ sql_rows(
        "SELECT e.status, e.user_id, e.comment, s.no, e.shipment_action FROM order_events e"
        . " LEFT JOIN shipments s ON s.id = e.shipment_id WHERE e.order_id = $id ORDER BY e.id") } ];
}

# The audit rows of action on the order, newest first.
sub od_audit { my ($action, $n) = @_; return Portico::OrgAdmin::audit_rows($action, 'order', ct_order_id($n)) }

# The order-fulfil mails queued for email about order n: [{ lang, data }], newest first.
sub od_mails {
    my ($email, $n) = @_;
    return [ grep { $_->{template} eq 'order-fulfil' && $_->{data} =~ /\Q$n\E/ }
        Portico::OrgAdmin::outbox_for($email) ];
}

END {
    my $status = $?;
    eval {
        my $sku = sql_quote(ct_prefix() . '%');
        my $orders = "SELECT order_id FROM order_lines WHERE sku LIKE $sku";
        sql("UPDATE returns SET credit_note_id = NULL WHERE order_id IN ($orders)");
        sql("DELETE FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices WHERE order_id IN ($orders))");
        sql("DELETE FROM invoices WHERE order_id IN ($orders)");
        sql("DELETE FROM returns WHERE order_id IN ($orders)");
        sql("DELETE FROM order_events WHERE order_id IN ($orders)");
        sql("DELETE FROM shipment_lines WHERE order_id IN ($orders)");
        sql("DELETE FROM shipments WHERE order_id IN ($orders)");
    };
    $? = $status;
}

1;
