# Every route of returns for every kind of person, from a table: asking
# for a return (orders.return: buyers, approvers, the customer's admin, a
# partner's people; of their organisation's orders), the lists, a return's
# page and photos (the organisation's people who see its orders, the
# person who asked, the order desk), and the desk's steps (orders.desk).
# Another organisation's order or return: 404; a missing permission: 403;
# anonymous: the login (a POST: 403); a POST without its CSRF token: 403.
# The POSTs send values that change nothing (422), and the demo returns
# stay as they were.
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
    [klaus   => 'klaus@bergmann.example'],      # Bergmann customer_user: orders.read only
    [monika  => 'monika.schulz@bergmann.example'],   # Bergmann's buyer
    [carl    => 'carl@acme.example'],
    [olivia  => 'olivia@acme.example'],
    [anna    => 'anna.admin@acme.example'],
    [paula   => 'paula@northwind.example'],
);

# O-2026-000021: Acme's, delivered; R-2026-000004: its return, approved;
# R-2026-000005: Northwind's, requested.
my @routes = (
    [GET => '/orders/O-2026-000021/return', undef,
        { anon => 303, carl => 200, olivia => 200, anna => 200, monika => 404, paula => 404 }, 403],
    [POST => '/orders/O-2026-000021/return', [reason => '', qty_1 => ''],
        { anon => 403, carl => 422, olivia => 422, anna => 422, monika => 404, paula => 404 }, 403],
    [GET => '/orders/returns', undef,
        { anon => 303, monika => 200, carl => 200, olivia => 200, anna => 200, paula => 200 }, 403],
    [GET => '/orders/returns/R-2026-000004', undef,
        { anon => 303, editor => 403, manager => 200, admin => 200, carl => 200, olivia => 200, anna => 200,
          agent => 404, klaus => 404, monika => 404, paula => 404 }, 404],
    [GET => '/orders/returns/R-2026-000005', undef,
        { anon => 303, editor => 403, manager => 200, admin => 200, paula => 200 }, 404],
    [GET => '/orders/returns/R-2026-999999', undef, { anon => 303, editor => 403 }, 404],
    [GET => '/orders/desk/returns', undef, { anon => 303, manager => 200, admin => 200 }, 403],
    [POST => '/orders/returns/R-2026-000004/approve', [instructions => ''], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/returns/R-2026-000004/reject', [reason => ''], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/returns/R-2026-000005/receive', [], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/returns/R-2026-000004/refund', [], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/returns/R-2026-000004/replace', [], { manager => 422, admin => 422 }, 403],
    [POST => '/orders/returns/R-2026-999999/receive', [], { manager => 404, admin => 404 }, 403],
);

or_route_table(\@who, \@routes);

is_deeply(sql_rows("SELECT number, status FROM returns WHERE id <= 6 ORDER BY id"),
    [['R-2026-000001', 'refunded'], ['R-2026-000002', 'rejected'], ['R-2026-000003', 'replaced'],
     ['R-2026-000004', 'approved'], ['R-2026-000005', 'requested'], ['R-2026-000006', 'received']],
    'the demo returns are as they were');

done_testing;
