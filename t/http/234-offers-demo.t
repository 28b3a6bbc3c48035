# The demo's offers and contracts (sql/demo/0073-orders-offers-demo.sql):
# one open, one accepted and one declined offer, and two contracts; the
# accepted offer's stored hash is that of its canonical text recomputed
# from its rows, its contract and order are there, and Acme's
# spare-parts agreement is among the contracts running out.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Offers;

my $anna = or_client(ANNA);
my ($d, $res) = $anna->get_xml('/orders/offers');
is($res->code, 200, "Acme's offers");
is(xp($d, "/page/offers/offer[\@number='Q-2026-000001']/\@state"), 'sent', 'Q-2026-000001 is open');
is(xp($d, "/page/offers/offer[\@number='Q-2026-000002']/\@state"), 'accepted', 'Q-2026-000002 is accepted');
is(xp_count($d, "/page/offers/offer[\@number='Q-2026-000003']"), 0, "Bergmann's is not Acme's");
my $o = of_row('Q-2026-000002');
is($o->{accepted_sha256}, of_sha('Q-2026-000002'), "the accepted offer's hash is that of its text recomputed");
is($o->{accepted_text}, of_text('Q-2026-000002'), '... and its text is that text');
is(of_row('Q-2026-000003')->{status}, 'declined', 'Q-2026-000003 is declined');
like(of_row('Q-2026-000003')->{decline_reason}, qr/intern vergeben/, '... with a reason');
($d) = $anna->get_xml('/orders/offers/Q-2026-000001');
ok(xp_count($d, '/page/offer/decide'), 'the open offer can be decided');
($d) = $anna->get_xml('/orders/contracts');
is(xp_count($d, "/page/contracts/contract[\@number='C-2026-000001' or \@number='C-2026-000002']"), 2, 'two contracts');
($d) = $anna->get_xml('/orders/contracts/C-2026-000001');
is(xp($d, '/page/contract/order/@number'), 'O-2026-000090', 'the accepted offer made an order');
is(xp($d, '/page/contract/lines/line/name'), 'Remote monitoring per sensor', '... and a contract of its monthly line');
($d) = $anna->get_xml('/orders/O-2026-000090');
is(xp_count($d, '/page/order/lines/line'), 2, 'the order has the one-off lines');
($d) = of_staff()->get_xml('/orders/admin/contracts');
is(xp($d, "/page/contracts/contract[\@number='C-2026-000002']/\@reason"), 'notice', 'the spare-parts agreement is running out');
done_testing;
