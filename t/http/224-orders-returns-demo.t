# The demo's six returns, one in each state, on the pages people read: the
# organisation's list, a return's page with its lines, reason,
# instructions and timeline (in German for Bergmann's), the returns of an
# order on its page, and the products' windows (services none, gateways
# two years).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;

my $carl = or_client('carl@acme.example');

subtest "Acme's returns" => sub {
    my ($doc, $res) = $carl->get_xml('/orders/returns');
    is($res->code, 200, "carl's list");
    is_deeply([sort(xp_list($doc, '/page/returns/return/@number'))], ['R-2026-000001', 'R-2026-000004', 'R-2026-000006'],
        "Acme's three, never another organisation's");
    ($doc) = $carl->get_xml('/orders/returns?status=approved');
    is_deeply([xp_list($doc, '/page/returns/return/@number')], ['R-2026-000004'], 'by status');
    ($doc) = $carl->get_xml('/orders/returns/R-2026-000004');
    is(xp($doc, '/page/return/@status'), 'approved', 'R-2026-000004: approved');
    is(xp($doc, '/page/return/@reason'), 'defective', '... defective');
    is(xp($doc, '/page/return/lines/line/@quantity'), 1, '... one gateway');
    like(xp($doc, '/page/return/instructions'), qr/^Send it to Portico Returns/, '... with instructions');
    is(join(',', xp_list($doc, '/page/return/timeline/event/@status')), 'requested,approved', '... its timeline');
    my $html = $carl->get('/orders/returns/R-2026-000004')->decoded_content;
    like($html, qr{<h1>Return R-2026-000004</h1>}, 'HTML: the title');
    like($html, qr{How to send it back}, 'HTML: the instructions');
    like($html, qr{<a href="/orders/O-2026-000021">O-2026-000021</a>}, 'HTML: its order');
    ($doc) = $carl->get_xml('/orders/O-2026-000021');
    is_deeply([xp_list($doc, '/page/order/returns/return/@number')], ['R-2026-000001', 'R-2026-000004', 'R-2026-000006'],
        'the order lists its returns');
    is(xp($doc, '/page/order/lines/line[@no="2"]/@returned'), 2, 'two cables are on their way back');
    is(xp($doc, '/page/order/lines/line[@no="1"]/@returned'), 1, '... and one gateway');
    is(xp($doc, '/page/order/lines/line[@no="1"]/@returnable'), 1, 'the other gateway may still go back (two years)');
    is(xp($doc, '/page/order/lines/line[@no="2"]/@returnable'), '', 'the cables no more (30 days)');
};

subtest "Bergmann's, in German" => sub {
    my $c = or_client('monika.schulz@bergmann.example');
    my $html = $c->get('/orders/returns/R-2026-000003')->decoded_content;
    like($html, qr{<h1>Rücksendung R-2026-000003</h1>}, 'the title');
    like($html, qr{Ersetzt}, 'replaced');
    like($html, qr{Defekt \(Gewährleistung\)}, 'the reason');
    like($html, qr{Ein neues Gateway ist unterwegs\.}, 'the note on the timeline');
};

subtest 'the windows' => sub {
    is(sql_value("SELECT return_days FROM products WHERE sku = 'SW-AN-PRO-Y'"), 0, 'a service: none');
    is(sql_value("SELECT return_days FROM products WHERE sku = 'PX-200'"), 730, 'a gateway: two years');
    is(sql_value("SELECT return_days FROM products WHERE sku = 'CB-ETH-5'"), 30, 'a cable: 30 days');
};

subtest 'the desk' => sub {
    my ($doc) = or_client('manager@portico.example')->get_xml('/orders/desk/returns');
    ok(xp_count($doc, "/page/returns/return[\@number='$_']"), "open: $_") for qw(R-2026-000004 R-2026-000005 R-2026-000006);
    is(xp_count($doc, "/page/returns/return[\@number='R-2026-000001' or \@number='R-2026-000002' or \@number='R-2026-000003']"), 0,
        '... not the closed ones');
    ($doc) = or_client('manager@portico.example')->get_xml('/orders/returns/R-2026-000005');
    is(xp($doc, '/page/return/actions/@decide'), 1, "Northwind's waits for a decision");
};

done_testing;
