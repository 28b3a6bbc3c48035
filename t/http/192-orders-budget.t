# The buyer's budget at checkout (the runtime's pt_budget_check, net
# amounts in the organisation's currency): an order at its per-order
# limit is submitted, one minor unit above waits for approval; the same at
# the monthly limit; only orders that count (submitted within the limits,
# or approved; not those waiting, rejected or cancelled) fill the month;
# the month is the buyer's calendar month in their own time zone, so an
# order of the last second of the month before does not count and one of
# the first second does; and checkouts of one buyer sent at the same
# moment never both slip under the monthly limit.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX ();
use Portico::Test;
use Portico::Cart;

ct_set_limits(100000, 300000);    # 1 000.00 per order, 3 000.00 a month (Acme: 5 000 / 20 000)
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($p100, $sku100) = ct_product(prices => { GBP => 10000 }, sku => 'HUNDRED');
my ($p1, $sku1) = ct_product(prices => { GBP => 1 }, sku => 'PENNY');

# The UTC instant ("YYYY-MM-DD hh:mm:ss") the calendar month of now + $later months begins in $zone.
sub month_start {
    my ($zone, $later) = @_;
    my $old = $ENV{TZ};
    $ENV{TZ} = $zone;
    POSIX::tzset();
    my @t = localtime;
    my $t = POSIX::mktime(0, 0, 0, 1, $t[4] + ($later // 0), $t[5], 0, 0, -1);
    if (defined $old) { $ENV{TZ} = $old } else { delete $ENV{TZ} }
    POSIX::tzset();
    return (POSIX::strftime('%Y-%m-%d %H:%M:%S', gmtime $t), $t);
}

# An order of buyer counted at $at (UTC) for $net, made in the database.
sub counted_order {
    my ($buyer, $at, $net) = @_;
    return ct_db_order(buyer => $buyer, at => $at, net => $net);
}

sub budget_of {
    my ($c) = @_;
    my ($doc) = ct_cart($c);
    return { map { $_ => xp($doc, "/page/cart-page/budget/\@$_") } qw(order-limit month-limit month-spent month-from over) };
}

subtest 'per order: at the limit submitted, just above waiting' => sub {
    my ($id, undef, $c) = ct_buyer();
    my $b = budget_of($c);
    is($b->{'order-limit'}, 100000, 'the page shows the limit per order');
    is($b->{'month-limit'}, 300000, '... and per month');
    my $n = ct_place($c, [[$sku100, 10]], address => $gb);
    is(ct_order_row($n)->{status}, 'submitted', '1 000.00 net (1 200.00 gross): at the limit, submitted');
    ok(ct_order_row($n)->{counted_at}, '... and counted');
    ct_add($c, $sku100, 10);
    ct_add($c, $sku1, 1);
    is(budget_of($c)->{over}, 'order', 'the cart of 1 000.01 says it needs approval');
    my ($doc) = ct_cart($c);
    $n = ct_place($c, [], address => $gb);
    my $o = ct_order_row($n);
    is($o->{status}, 'awaiting_approval', '1 000.01: waiting for approval');
    is($o->{budget_reason}, 'order', '... above the limit per order');
    is($o->{counted_at}, undef, '... and not counted');
    is_deeply(sql_rows("SELECT status, user_id FROM order_events WHERE order_id = $o->{id} ORDER BY id"),
        [['submitted', $id], ['awaiting_approval', undef]], 'the timeline: submitted, then waiting (by the rules)');
    is(budget_of($c)->{'month-spent'}, 100000, 'the month holds only the order that counts');
};

subtest 'per month: at the limit submitted, just above waiting' => sub {
    my ($id, undef, $c) = ct_buyer();
    ct_place($c, [[$sku100, 10]], address => $gb) for 1 .. 2;
    is(budget_of($c)->{'month-spent'}, 200000, 'two orders of 1 000.00 counted');
    my $n = ct_place($c, [[$sku100, 10]], address => $gb);
    is(ct_order_row($n)->{status}, 'submitted', 'a third: 3 000.00 is at the monthly limit, submitted');
    is(budget_of($c)->{'month-spent'}, 300000, 'the month is full');
    $n = ct_place($c, [[$sku1, 1]], address => $gb);
    is(ct_order_row($n)->{status}, 'awaiting_approval', '0.01 more: waiting');
    is(ct_order_row($n)->{budget_reason}, 'month', '... above the monthly budget');
    is(budget_of($c)->{'month-spent'}, 300000, 'the waiting order does not count');
    # A cancelled order frees its part of the month, a rejected one never had one.
    my $first = sql_value("SELECT number FROM orders WHERE buyer_id = $id AND status = 'submitted' ORDER BY id LIMIT 1");
    my (undef, $res) = or_post($c, "/orders/$first/cancel", [cancel_comment => 'not needed']);
    is($res->code, 303, 'one of them cancelled');
    is(budget_of($c)->{'month-spent'}, 200000, 'the month has room again');
    $n = ct_place($c, [[$sku100, 10]], address => $gb);
    is(ct_order_row($n)->{status}, 'submitted', 'so 1 000.00 is submitted again');
};

subtest "the buyer's calendar month, in their time zone" => sub {
    my ($id, undef, $c) = ct_buyer(zone => 'Europe/London');
    my ($start) = month_start('Europe/London');
    my ($start_t) = (month_start('Europe/London'))[1];
    my $before = POSIX::strftime('%Y-%m-%d %H:%M:%S', gmtime($start_t - 1));
    counted_order($id, $before, 299999);
    counted_order($id, "$before.999999", 1);
    my $b = budget_of($c);
    is($b->{'month-spent'}, 0, "orders counted in the last second of last month ($before UTC) do not count");
    (my $iso = $start) =~ s/ /T/;
    is($b->{'month-from'}, "${iso}Z", "the month begins $start UTC for a buyer in London");
    my $n = ct_place($c, [[$sku100, 10]], address => $gb);
    is(ct_order_row($n)->{status}, 'submitted', 'so 1 000.00 is within the month');
    counted_order($id, $start, 200000);
    is(budget_of($c)->{'month-spent'}, 300000, "an order counted at $start, the month's first instant, counts");
    $n = ct_place($c, [[$sku1, 1]], address => $gb);
    is(ct_order_row($n)->{budget_reason}, 'month', 'now 0.01 more waits');
    my ($next) = month_start('Europe/London', 1);
    counted_order($id, $next, 500000);
    is(budget_of($c)->{'month-spent'}, 300000, "an order counted next month ($next) does not count now");

    # The same instants for a buyer in Auckland: their month began earlier.
    my ($nz, undef, $cz) = ct_buyer(zone => 'Pacific/Auckland');
    my ($nz_start, $nz_t) = month_start('Pacific/Auckland');
    counted_order($nz, POSIX::strftime('%Y-%m-%d %H:%M:%S', gmtime($nz_t - 1)), 100000);
    counted_order($nz, $nz_start, 50000);
    (my $nz_iso = $nz_start) =~ s/ /T/;
    is(budget_of($cz)->{'month-from'}, "${nz_iso}Z", "in Auckland the month began $nz_start UTC");
    is(budget_of($cz)->{'month-spent'}, 50000, '... and counts from then');
};

# POST the checkout n times at the same moment, alternately from each
# client, all with the total the page showed; the answers' status lines.
sub at_once {
    my ($n, $clients, $expected) = @_;
    my @tokens = map { or_csrf($_) } @$clients;
    return ct_parallel($n, sub {
        my ($k) = @_;
        my (undef, $res) = or_post($clients->[$k % @$clients], '/orders/checkout',
            [address => $gb, expected => $expected], csrf => $tokens[$k % @$clients]);
        return $res->code . ' ' . (location_path($res) // '');
    });
}

sub expected_total {
    my ($c) = @_;
    my ($cart) = ct_cart($c, "?address=$gb");
    return xp($cart, '/page/form[@name="checkout"]/field[@name="expected"]');
}

subtest 'checkouts at the same moment never both slip under the monthly limit' => sub {
    ct_set_limits(undef, 150000);    # no limit per order of its own (Acme's 5 000), 1 500.00 a month
    my ($id, $email, $c) = ct_buyer();
    # Two sessions of the buyer, each sending the same cart four times at once.
    my @clients = ($c, or_client($email));
    ct_add($c, $sku100, 10);          # 1 000.00: fits the month once, not twice
    my @answers = at_once(8, \@clients, expected_total($c));
    is(scalar @answers, 8, 'eight answers');
    is(scalar(grep { /^303 \/orders\/O-/ } @answers), 1, 'exactly one order placed') or diag(join("\n", @answers));
    is(scalar(grep { /^422 / } @answers), 7, 'the others: 422 (the cart was ordered meanwhile)');
    is(sql_value("SELECT COUNT(*) FROM orders WHERE buyer_id = $id"), 1, 'one order in the database');
    ok(sql_value("SELECT COALESCE(SUM(net_minor), 0) FROM orders WHERE buyer_id = $id"
        . " AND counted_at IS NOT NULL AND status <> 'cancelled'") <= 150000, 'what counts stays within 1 500.00');

    # The next cart, again at the same moment from both sessions.
    ct_add($c, $sku100, 4);           # 400.00: 1 400.00 fits; a second 400.00 would not
    @answers = at_once(4, \@clients, expected_total($c));
    is(scalar(grep { /^303 / } @answers), 1, 'again one order') or diag(join(' ', @answers));
    is(sql_value("SELECT SUM(net_minor) FROM orders WHERE buyer_id = $id AND counted_at IS NOT NULL"), 140000,
        'the month holds 1 400.00, within its 1 500.00');
};

done_testing;
