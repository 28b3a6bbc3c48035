# The provider's order desk lists the orders of every organisation: by
# default those to confirm (submitted and approved, oldest first); of one
# status or any (newest first), of one organisation, by order number or
# PO number; 25 a page.  Only the provider's managers and admins see it
# (orders.desk); everyone else: 403.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::OrderDesk;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($p, $sku) = ct_product(prices => { GBP => 1000 }, sku => 'LIST');
my (undef, undef, $buyer) = ct_buyer();
my $tag = ct_prefix();
my @n = map { od_order($buyer, [[$sku, 1]], address => $gb, po => "$tag-PO-$_") } 1 .. 3;
# Placed at known moments, oldest first.
sql("UPDATE orders SET created_at = '2026-01-0$_ 10:00:00' WHERE number = " . sql_quote($n[$_ - 1])) for 1 .. 3;
sql("UPDATE orders SET status = 'approved' WHERE number = " . sql_quote($n[1]));
sql("UPDATE orders SET status = 'confirmed' WHERE number = " . sql_quote($n[2]));

sub numbers {
    my ($c, $q) = @_;
    my ($doc, $res) = $c->get_xml("/orders/desk$q");
    is($res->code, 200, "GET /orders/desk$q: 200") or return [];
    return [ grep { /^O-/ } xp_list($doc, '/page/desk/order/@number') ];
}

subtest 'to confirm, by default' => sub {
    my $m = od_manager();
    my ($doc) = $m->get_xml("/orders/desk?q=$tag-PO");
    is(xp($doc, '/page/desk/@status'), 'open', 'the filter is "to confirm"');
    is_deeply([grep { /^O-/ } xp_list($doc, '/page/desk/order/@number')], [@n[0, 1]],
        'the submitted and the approved one, oldest first; not the confirmed');
    is(xp($doc, "/page/desk/order[\@number='$n[0]']/org"), 'Acme Industrial Ltd', 'with its organisation');
    is(xp($doc, "/page/desk/order[\@number='$n[0]']/\@href"), "/orders/desk/$n[0]", 'linking to the desk page');
    is(xp($doc, "/page/desk/order[\@number='$n[0]']/\@ordered"), 1, 'one piece ordered');
    is(xp($doc, "/page/desk/order[\@number='$n[0]']/\@shipped"), 0, 'none shipped');
    ($doc) = $m->get_xml('/orders/desk');
    my @st = xp_list($doc, '/page/desk/order/@status');
    ok(@st && !grep({ !/^(submitted|approved)$/ } @st), 'the whole desk: submitted and approved only');
    ok(xp_count($doc, "/page/desk/order[\@number='O-2026-000006']"), "Acme's demo O-2026-000006 waits");
    ok(xp_count($doc, "/page/desk/order[\@number='O-2026-000007']"), "... and Bergmann's O-2026-000007");
};

subtest 'filters' => sub {
    my $m = od_manager();
    is_deeply(numbers($m, "?q=$tag-PO&status=all"), [@n[2, 1, 0]], 'any status: newest first');
    is_deeply(numbers($m, "?q=$tag-PO&status=confirmed"), [$n[2]], 'one status');
    is_deeply(numbers($m, "?q=$n[1]&status=all"), [$n[1]], 'by order number');
    is_deeply(numbers($m, "?q=$tag-PO-3&status=all"), [$n[2]], 'by part of the PO number');
    is_deeply(numbers($m, "?q=$tag-PO&status=all&org=" . BERGMANN), [], 'another organisation: none of them');
    is_deeply(numbers($m, "?q=$tag-PO&status=all&org=" . ACME), [@n[2, 1, 0]], 'Acme: all three');
    is_deeply(numbers($m, "?status=all&org=" . BERGMANN . "&q=O-2026-000007"), ['O-2026-000007'], "Bergmann's demo order");
    my ($doc) = $m->get_xml('/orders/desk?status=nonsense');
    is(xp($doc, '/page/desk/@status'), 'open', 'an unknown status: to confirm');
    ok(xp_count($doc, "/page/desk/orgs/org[\@id='" . ACME . "']"), 'the organisations to filter by');
    is(xp_count($doc, "/page/desk/orgs/org[\@id='1']"), 0, '... not the provider');
};

subtest 'pages' => sub {
    my @more = map { od_order($buyer, [[$sku, 1]], address => $gb, po => "$tag-MANY-$_") } 1 .. 26;
    my ($doc) = od_manager()->get_xml("/orders/desk?q=$tag-MANY&status=all");
    is(xp($doc, '/page/desk/pager/@total'), 26, '26 of them');
    is(xp_count($doc, '/page/desk/order'), 25, '25 on the first page');
    ($doc) = od_manager()->get_xml("/orders/desk?q=$tag-MANY&status=all&page=2");
    is_deeply([xp_list($doc, '/page/desk/order/@number')], [$more[0]], 'the oldest on the second');
    my $html = od_manager()->get("/orders/desk?q=$tag-MANY&status=all")->decoded_content;
    like($html, qr{href="/orders/desk\?q=\Q$tag\E-MANY&amp;status=all&amp;page=2"}, 'HTML: the pager keeps the filters');
};

subtest 'who may open it' => sub {
    is(od_admin()->get('/orders/desk')->code, 200, 'the admin: 200');
    for my $email (qw(agent@portico.example editor@portico.example carl@acme.example anna.admin@acme.example
        olivia@acme.example paula@northwind.example)) {
        is(or_client($email)->get('/orders/desk')->code, 403, "$email: 403");
    }
    my $res = or_client(undef)->get('/orders/desk');
    is($res->code, 303, 'anonymous: to the login');
    my ($doc) = od_manager()->get_xml('/');
    ok(xp_count($doc, "//link[\@href='/orders/desk']"), 'the navigation offers it to the manager');
    ($doc) = or_client('carl@acme.example')->get_xml('/');
    is(xp_count($doc, "//link[\@href='/orders/desk']"), 0, '... not to a buyer');
};

subtest 'in German, at the HTML' => sub {
    my (undef, $email) = ct_person(org => 1, roles => ['manager'], lang => 'de', zone => 'Europe/Berlin');
    my $html = or_client($email)->get("/orders/desk?q=$tag-PO")->decoded_content;
    like($html, qr{<h1>Auftragsbearbeitung</h1>}, 'the title');
    like($html, qr{<option value="open" selected="selected">Zu bestätigen</option>}, 'the default filter');
    like($html, qr{\Q$n[0]\E}, 'the order');
};

done_testing;
