# Every route of the order desk for every kind of person, from a table:
# the provider's managers and admins (orders.desk) may use them; anonymous
# readers go to the login (a POST without a session has no CSRF token:
# 403); everyone else, the provider's agents and editors included: 403.
# A POST without its CSRF token: 403 for those allowed too.  The POSTs
# send values that change nothing (422), and the demo orders stay as they
# were.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;

my @who = (
    [anon    => undef],
    [editor  => 'editor@portico.example'],
    [agent   => 'agent@portico.example'],
    [manager => 'manager@portico.example'],
    [admin   => 'admin@portico.example'],
    [klaus   => 'klaus@bergmann.example'],
    [carl    => 'carl@acme.example'],
    [anna    => 'anna.admin@acme.example'],
    [paula   => 'paula@northwind.example'],
);
# O-2026-000004: Acme's, rejected; O-2026-000021: Acme's, delivered in two shipments.
my @routes = (
    [GET => '/orders/desk', undef, { anon => 303, manager => 200, admin => 200 }, 403],
    [GET => '/orders/desk?status=all&org=3&q=BM', undef, { anon => 303, manager => 200, admin => 200 }, 403],
    [GET => '/orders/desk/O-2026-000004', undef, { anon => 303, manager => 200, admin => 200 }, 403],
    [GET => '/orders/desk/O-2026-000021', undef, { anon => 303, manager => 200, admin => 200 }, 403],
    [GET => '/orders/desk/O-2026-999999', undef, { anon => 303, manager => 404, admin => 404 }, 403],
    [POST => '/orders/desk/O-2026-000004/confirm', [], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/desk/O-2026-000004/ship', [carrier => '', qty_1 => 1], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/desk/O-2026-000004/cancel', [reason => ''], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/desk/O-2026-000021/shipments/1/delivered', [delivered_on => ''],
        { manager => 422, admin => 422 }, 403],
    [POST => '/orders/desk/O-2026-000021/shipments/9/delivered', [delivered_on => '2026-01-01'],
        { manager => 404, admin => 404 }, 403],
    [POST => '/orders/desk/O-2026-999999/confirm', [], { manager => 404, admin => 404 }, 403],
);

or_route_table(\@who, \@routes);

is(sql_value("SELECT status FROM orders WHERE number = 'O-2026-000004'"), 'rejected', 'the demo orders are as they were');
is(sql_value("SELECT status FROM orders WHERE number = 'O-2026-000021'"), 'delivered', '... both');
is(sql_value("SELECT COUNT(*) FROM shipments WHERE order_id = 4"), 0, 'no shipment of the rejected one');

done_testing;
