# RMA numbers are R-<year>-<six digits>, one after the other in a year
# without gaps or duplicates, also when returns are asked for at the same
# moment; and two returns of the same rest of an order asked for at the
# same moment cannot both take it (the order's row is locked first).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::OrderDesk;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 }, sku => 'NUM');
my @buyers = map { [ct_buyer()] } 1 .. 4;
sql("INSERT INTO user_roles (user_id, role_id) SELECT $_->[0], id FROM roles WHERE name = 'buyer'") for @buyers;
my @orders = map { od_delivered($_->[2], [[$ska, 2]], address => $gb) } @buyers;
my $year = (gmtime)[5] + 1900;
my $before = sql_value("SELECT COALESCE(MAX(last_no), 0) FROM return_counters WHERE year = $year");

subtest 'at the same moment, different orders' => sub {
    my @csrf = map { or_csrf($_->[2]) } @buyers;
    my @out = ct_parallel(4, sub {
        my ($k) = @_;
        my (undef, $res) = od_return($buyers[$k][2], $orders[$k], { 1 => 1 }, post => { csrf => $csrf[$k] });
        return $res->code . ' ' . (location_path($res) // '');
    });
    is(scalar(grep { /^303 / } @out), 4, 'four returns') or diag(join("\n", @out));
    my @numbers = sort map { m{(R-\d{4}-\d{6})} ? $1 : () } @out;
    is_deeply(\@numbers, [map { sprintf('R-%d-%06d', $year, $before + $_) } 1 .. 4],
        'numbered one after the other, no gap, no duplicate');
    is_deeply(sql_rows("SELECT seq FROM returns WHERE year = $year AND seq > $before ORDER BY seq"),
        [map { [$before + $_] } 1 .. 4], 'the rows agree');
};

subtest 'at the same moment, the same rest' => sub {
    my ($b) = $buyers[0];
    my $n = $orders[0];    # one of two left
    my $csrf = or_csrf($b->[2]);
    my @codes = ct_parallel(2, sub {
        my (undef, $res) = od_return($b->[2], $n, { 1 => 1 }, post => { csrf => $csrf });
        return $res->code;
    });
    is_deeply([sort @codes], [303, 422], 'one return takes the last piece, the other is refused');
    is(sql_value('SELECT SUM(rl.quantity) FROM return_lines rl WHERE rl.order_id = ' . ct_order_id($n)), 2,
        'two of two returned, never three');
};

done_testing;
