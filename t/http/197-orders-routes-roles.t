# Every route of the cart, checkout, orders, approvals and delivery
# addresses, for every kind of person: what each one answers, from a table.
# Anonymous readers are sent to the login (a POST without a session has no
# CSRF token: 403); a missing permission is 403; another organisation's
# order or address is 404; a POST without its CSRF token is 403 even for
# those allowed.  The POSTs are sent with values that change nothing (422)
# where the person may send them.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;

# Acme's demo orders: O-2026-000001 (confirmed), O-2026-000004 (rejected);
# Bergmann's: O-2026-000007 (by Monika Schulz).  Acme's address 1.
my @who = (
    [anon   => undef],
    [editor => 'editor@portico.example'],     # provider, kb_editor: no orders.* at all
    [agent  => 'agent@portico.example'],      # provider: orders.read (the catalogue)
    [admin  => 'admin@portico.example'],      # provider admin: orders.read
    [klaus  => 'klaus@bergmann.example'],     # Bergmann customer_user: orders.read
    [carl   => 'carl@acme.example'],          # Acme buyer: place, read.org
    [olivia => 'olivia@acme.example'],        # Acme approver: approve, read.org
    [anna   => 'anna.admin@acme.example'],    # Acme customer_admin: place, read.org, approve, addresses
    [paula  => 'paula@northwind.example'],    # Northwind partner: place, read.org, addresses
);

# [method, path, form, { person => status }, default status for the rest]
my @routes = (
    [GET => '/orders/cart', undef, { anon => 303, carl => 200, anna => 200, paula => 200 }, 403],
    [GET => '/orders/history', undef, { anon => 303, carl => 200, olivia => 200, anna => 200, paula => 200 }, 403],
    [GET => '/orders/history.csv', undef, { anon => 303, carl => 200, olivia => 200, anna => 200, paula => 200 }, 403],
    [GET => '/orders/approvals', undef, { anon => 303, olivia => 200, anna => 200 }, 403],
    [GET => '/orders/addresses', undef, { anon => 303, anna => 200, paula => 200 }, 403],
    [GET => '/orders/addresses/new', undef, { anon => 303, anna => 200, paula => 200 }, 403],
    [GET => '/orders/addresses/1', undef, { anon => 303, anna => 200, paula => 404 }, 403],
    [GET => '/orders/O-2026-000001', undef,
        { anon => 303, editor => 403, carl => 200, olivia => 200, anna => 200 }, 404],
    [GET => '/orders/O-2026-000007', undef, { anon => 303, editor => 403, klaus => 403 }, 404],
    [POST => '/orders/cart/add', [sku => '', quantity => ''], { anon => 403, carl => 422, anna => 422, paula => 422 }, 403],
    [POST => '/orders/cart', [qty => 'x'], { anon => 403, carl => 303, anna => 303, paula => 303 }, 403],
    [POST => '/orders/checkout', [address => '', expected => ''], { anon => 403, carl => 422, anna => 422, paula => 422 }, 403],
    [POST => '/orders/O-2026-000001/approve', [comment => ''],
        { anon => 403, olivia => 422, anna => 422 }, 403],
    [POST => '/orders/O-2026-000001/reject', [comment => ''],
        { anon => 403, olivia => 422, anna => 422 }, 403],
    [POST => '/orders/O-2026-000007/approve', [comment => ''], { anon => 403, olivia => 404, anna => 404 }, 403],
    [POST => '/orders/O-2026-000004/cancel', [],
        { anon => 403, editor => 403, carl => 422, olivia => 422, anna => 422 }, 404],
    [POST => '/orders/O-2026-000004/repeat', [], { anon => 403, carl => 303, anna => 303, paula => 404 }, 403],
    [POST => '/orders/addresses/new', [label => ''], { anon => 403, anna => 422, paula => 422 }, 403],
    [POST => '/orders/addresses/1', [label => ''], { anon => 403, anna => 422, paula => 404 }, 403],
);

my $carts = sql_rows('SELECT user_id, product_id, quantity FROM cart_lines WHERE user_id IN (6, 5, 9)');
or_route_table(\@who, \@routes);
is(sql_value("SELECT status FROM orders WHERE number = 'O-2026-000004'"), 'rejected', 'the demo orders are as they were');
is(sql_value("SELECT status FROM orders WHERE number = 'O-2026-000001'"), 'confirmed', '... both');

# "Order again" filled carl's and anna's carts: as they were.
sql('DELETE FROM cart_lines WHERE user_id IN (6, 5, 9)');
sql("INSERT INTO cart_lines (user_id, product_id, quantity) VALUES ($_->[0], $_->[1], $_->[2])") for @$carts;

done_testing;
