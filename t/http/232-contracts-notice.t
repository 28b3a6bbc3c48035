# Contracts and their notice deadlines.  The organisation's list
# (orders.read.org) shows each contract's running period and the last day
# to give notice before its next renewal; a contract without renewal just
# ends (and shows as ended once past).  The provider's staff
# (contracts.manage) see the contracts running out: those that end, or
# whose notice deadline comes, within the next N days.  Contracts here are
# made in the database, as contracts entered from outside the portal are,
# with dates around the reader's today as the page says it.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX ();
use Time::Local qw(timegm);
use Portico::Test;
use Portico::Offers;
use Portico::OrgAdmin ();

my $anna = or_client(ANNA);
my ($d) = $anna->get_xml('/orders/contracts');
my $today = xp($d, '/page/contracts/@today');
like($today, qr/^\d{4}-\d\d-\d\d$/, "the reader's today: $today");

# Dates as the C computes them (DATE_ADD): months clamped to the month's end, then days.
sub add {
    my ($date, $months, $days) = @_;
    my ($y, $m, $dd) = split /-/, $date;
    my $mm = $y * 12 + $m - 1 + $months;
    ($y, $m) = (int($mm / 12), $mm % 12 + 1);
    my @len = (31, ($y % 4 == 0 && ($y % 100 != 0 || $y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31);
    $dd = $len[$m - 1] if $dd > $len[$m - 1];
    my $t = timegm(0, 0, 12, $dd, $m - 1, $y) + ($days // 0) * 86400;
    return POSIX::strftime('%Y-%m-%d', gmtime $t);
}

# The notice deadline the page should show: the first period end whose
# deadline is today or later, counted from the first term's end.
sub deadline {
    my ($end, $renewal, $notice) = @_;
    for (my $k = 0; ; $k++) {
        my $p = add($end, $k * $renewal);
        my $last = add($p, 0, -$notice);
        return ($last, $p) if $last ge $today;
    }
}

my $seq = $$ * 10;
my %c;
# name => [org, start, end, renewal months, notice days]
my %spec = (
    soon_renewed => [ACME, add($today, 0, -300), add($today, 0, 10), 12, 30],
    notice_soon  => [ACME, add($today, 0, -100), add($today, 0, 60), 12, 30],
    ends_soon    => [ACME, add($today, 0, -50), add($today, 0, 20), 0, 0],
    ended        => [ACME, add($today, 0, -400), add($today, 0, -5), 0, 0],
    old_renewing => [ACME, add($today, 0, -1000), add($today, 0, -400), 6, 10],
    month_end    => [ACME, '2025-01-31', '2026-01-31', 1, 0],
    bergmann     => [BERGMANN, add($today, 0, -30), add($today, 0, 15), 12, 10],
);
for my $name (sort keys %spec) {
    my ($org, $start, $end, $renewal, $notice) = @{ $spec{$name} };
    $seq++;
    my $number = sprintf('C-1999-%06d', $seq % 1000000);
    sql('INSERT INTO contracts (number, year, seq, org_id, title, currency, start_date, end_date,'
        . ' renewal_months, notice_days, created_at) VALUES (' . join(', ', sql_quote($number), 1999, $seq, $org,
            sql_quote(of_prefix() . " $name"), "'GBP'", sql_quote($start), sql_quote($end), $renewal, $notice)
        . ', UTC_TIMESTAMP(6))');
    $c{$name} = $number;
}
my $cid = sql_value('SELECT id FROM contracts WHERE number = ' . sql_quote($c{notice_soon}));
sql("INSERT INTO contract_lines (contract_id, line_no, sku, name, unit, quantity, unit_price_minor, billing)"
    . " VALUES ($cid, 1, '', 'Managed print', 'month', 2, 15000, 'month')");

subtest "the organisation's list: the running period and the notice deadline" => sub {
    my ($d, $res) = $anna->get_xml('/orders/contracts');
    is($res->code, 200, 'Acme admin: 200');
    my $at = sub { my ($n, $a) = @_; return xp($d, "/page/contracts/contract[\@number='$c{$n}']/\@$a") };
    my ($dl, $stops) = deadline($spec{soon_renewed}[2], 12, 30);
    is($at->('soon_renewed', 'period-end'), $spec{soon_renewed}[2], 'renewing in 10 days: the period ends then');
    is($at->('soon_renewed', 'notice-deadline'), $dl, "... but its notice deadline has passed: the next one, $dl");
    is($at->('soon_renewed', 'stops-on'), $stops, '... which stops it a year later');
    is($at->('notice_soon', 'notice-deadline'), add($today, 0, 30), 'renewing in 60 days with 30 days notice: give notice within 30 days');
    is($at->('notice_soon', 'stops-on'), add($today, 0, 60), '... to end it in 60');
    is($at->('ends_soon', 'notice-deadline'), '', 'without renewal: no notice deadline');
    is($at->('ends_soon', 'period-end'), add($today, 0, 20), '... it ends in 20 days');
    is($at->('ends_soon', 'ended'), '', '... and has not ended');
    is($at->('ended', 'ended'), '1', 'one that ended 5 days ago says so');
    ($dl) = deadline($spec{old_renewing}[2], 6, 10);
    is($at->('old_renewing', 'notice-deadline'), $dl, "renewed every 6 months since long ago: $dl");
    ok($at->('old_renewing', 'period-end') ge $today, '... its period runs now');
    ($dl) = deadline('2026-01-31', 1, 0);
    is($at->('month_end', 'notice-deadline'), $dl, "monthly from 31 January: the ends clamp to the month's end ($dl)");
    is(xp_count($d, "/page/contracts/contract[\@number='$c{bergmann}']"), 0, "not Bergmann's contract");
    is(or_client(CARL)->get('/orders/contracts')->code, 200, 'a buyer (orders.read.org): 200');
    is(or_client('klaus@bergmann.example')->get('/orders/contracts')->code, 403, 'a customer user without orders.read.org: 403');
    is(of_staff()->get('/orders/contracts')->code, 403, "the provider's manager: 403 (the list is the organisation's)");
    my $html = $anna->get('/orders/contracts')->decoded_content;
    like($html, qr/Notice deadline/, 'the page names the notice deadline');
};

subtest "a contract's page" => sub {
    my ($d, $res) = $anna->get_xml("/orders/contracts/$c{notice_soon}");
    is($res->code, 200, 'the page: 200');
    is(xp($d, '/page/contract/@notice-deadline'), add($today, 0, 30), 'the notice deadline');
    is(xp($d, '/page/contract/lines/line/name'), 'Managed print', 'its recurring line');
    is(xp($d, '/page/contract/lines/line/@net-minor'), 30000, '... 2 x 150.00');
    is(xp_count($d, '/page/contract/offer'), 0, 'no offer: entered from outside');
    my ($bm, $bm_email) = Portico::OrgAdmin::make_user(org => BERGMANN, roles => ['customer_admin']);
    is(or_client($bm_email)->get("/orders/contracts/$c{notice_soon}")->code, 404, 'another organisation: 404');
    is($anna->get("/orders/contracts/$c{bergmann}")->code, 404, "Bergmann's contract for Acme: 404");
    is($anna->get('/orders/contracts/C-1999-999999')->code, 404, 'an unknown number: 404');
    is($anna->get("/orders/contracts/$c{notice_soon}/files/1")->code, 404, 'a document it does not have: 404');
    is(or_client('klaus@bergmann.example')->get("/orders/contracts/$c{bergmann}")->code, 403, 'without orders.read.org: 403');
};

subtest 'the provider sees contracts running out' => sub {
    my $staff = of_staff();
    my ($d, $res) = $staff->get_xml('/orders/admin/contracts?days=45');
    is($res->code, 200, 'the manager: 200');
    my $mtoday = xp($d, '/page/contracts/@today');
    is(xp($d, '/page/contracts/@days'), 45, 'within 45 days');
    my $has = sub { xp_count($d, "/page/contracts/contract[\@number='$c{$_[0]}']") };
    ok($has->('notice_soon'), 'the one whose notice deadline is in 30 days');
    is(xp($d, "/page/contracts/contract[\@number='$c{notice_soon}']/\@reason"), 'notice', '... for its notice deadline');
    ok($has->('ends_soon'), 'the one that ends in 20 days');
    is(xp($d, "/page/contracts/contract[\@number='$c{ends_soon}']/\@reason"), 'ends', '... because it ends');
    ok($has->('bergmann'), "Bergmann's too (notice deadline in 5 days)");
    is(xp($d, "/page/contracts/contract[\@number='$c{bergmann}']/org"), 'Bergmann Maschinenbau AG', '... with its organisation');
    ok(!$has->('soon_renewed'), 'not the one whose next deadline is in almost a year');
    ok(!$has->('ended'), 'not the one that ended');
    ($d) = $staff->get_xml('/orders/admin/contracts?days=400');
    ok(xp_count($d, "/page/contracts/contract[\@number='$c{soon_renewed}']"), 'within 400 days: that one too');
    ($d) = $staff->get_xml('/orders/admin/contracts?days=abc');
    is(xp($d, '/page/contracts/@days'), 90, 'a days value that is no number: 90');
    ($d) = $staff->get_xml('/orders/admin/contracts?days=99999');
    is(xp($d, '/page/contracts/@days'), 90, '... and one past 3650');
    is($anna->get('/orders/admin/contracts')->code, 403, "a customer's admin: 403");
    is(or_client('agent@portico.example')->get('/orders/admin/contracts')->code, 403, 'an agent without contracts.manage: 403');
    is(or_client('admin@portico.example')->get('/orders/admin/contracts')->code, 200, "the provider's admin: 200");
    ($d) = $staff->get_xml('/orders/admin/contracts?days=45');
    is(xp($d, "/page/contracts/contract[\@number='$c{bergmann}']/\@href"), "/orders/admin/contracts/$c{bergmann}",
        "each links to the staff's page of the contract");
    ($d, $res) = $staff->get_xml("/orders/admin/contracts/$c{notice_soon}");
    is($res->code, 200, "an organisation's contract, for staff: 200");
    is(xp($d, '/page/contract/@staff'), 1, '... as staff see it');
    is(xp($d, '/page/contract/org'), 'Acme Industrial Ltd', '... with its organisation');
    is(xp($d, '/page/contract/@notice-deadline'), add($today, 0, 30), '... and its notice deadline');
    is($staff->get('/orders/admin/contracts/C-1999-999999')->code, 404, 'an unknown number: 404');
    is($anna->get("/orders/admin/contracts/$c{notice_soon}")->code, 403, "the customer's admin on the staff's page: 403");
};

done_testing;
