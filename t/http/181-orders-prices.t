# The price rule: a customer sees, in their organisation's currency, the
# contract price their organisation has for a product, else its list
# price, else "on request"; no other organisation's contract price ever
# shows.  A product page shows the same price; the staff who keep the
# catalogue also see its list prices and audience.  Products a reader's
# organisation may not see, and inactive ones, are not found (404), except
# for those staff.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Orders;

my $carl  = or_client('carl@acme.example');          # Acme, GBP, contract prices
my $klaus = or_client('klaus@bergmann.example');     # Bergmann, EUR, none
my $admin = or_client('admin@portico.example');
my $px200 = or_product_id('PX-200');

sub price_of {
    my ($c, $sku) = @_;
    my ($doc, $res) = $c->get_xml("/orders/products/$sku");
    return $res->code unless $res->code == 200;
    my ($p) = $doc->findnodes('/page/product/price');
    return { map { $_->nodeName => $_->value } $p->attributes };
}

subtest 'contract over list price, in the org\'s currency' => sub {
    my $list = sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $px200 AND currency = 'GBP'");
    my $contract = sql_value("SELECT amount_minor FROM contract_prices WHERE org_id = 2 AND product_id = $px200");
    ok($contract < $list, "Acme's contract price ($contract) is below the list price ($list)");
    is_deeply(price_of($carl, 'PX-200'), { currency => 'GBP', minor => $contract, contract => 1, 'list-minor' => $list },
        'Acme: its contract price, marked, with the list price beside it');
    my ($doc) = $carl->get_xml('/orders/?q=PX-200');
    is(xp($doc, '/page/catalogue/product[@sku="PX-200"]/price/@minor'), $contract, 'the catalogue shows the same');
    is_deeply(price_of($carl, 'PX-200-EU'), { currency => 'GBP',
        minor => sql_value("SELECT amount_minor FROM product_prices WHERE product_id = "
            . or_product_id('PX-200-EU') . " AND currency = 'GBP'") }, 'without a contract price: the list price');
    is_deeply(price_of($klaus, 'PX-200'), { currency => 'EUR',
        minor => sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $px200 AND currency = 'EUR'") },
        'Bergmann: the EUR list price, never Acme\'s contract price');
    my $html = $klaus->get('/orders/?category=gateways')->decoded_content;
    my $gbp = sprintf('%.2f', $contract / 100);
    unlike($html, qr/\Q$gbp\E|Vertragspreis/, 'no trace of it on Bergmann\'s catalogue');
    is_deeply(price_of($carl, 'FS-TRAVEL'), { currency => 'GBP', 'on-request' => 1 }, 'no GBP price: on request');
};

subtest 'the currency is the organisation\'s' => sub {
    sql("UPDATE orgs SET currency = 'EUR' WHERE id = 2");
    my $eur = sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $px200 AND currency = 'EUR'");
    is_deeply(price_of($carl, 'PX-200'), { currency => 'EUR', minor => $eur },
        'Acme in EUR: the EUR list price (its contract price is in GBP)');
    is_deeply(price_of($carl, 'FS-TRAVEL')->{minor},
        sql_value("SELECT amount_minor FROM product_prices WHERE product_id = " . or_product_id('FS-TRAVEL') . " AND currency = 'EUR'"),
        'and the travel flat rate has a price now');
    sql("UPDATE orgs SET currency = 'GBP' WHERE id = 2");
    is(price_of($carl, 'PX-200')->{contract}, 1, 'back in GBP: the contract price again');
};

subtest 'a product page' => sub {
    my ($doc, $res) = $carl->get_xml('/orders/products/VS-3-M');
    is($res->code, 200, 'a product page: 200');
    is(xp($doc, '/page/@view'), 'product', 'view product');
    is(xp($doc, '/page/product/name'), 'VS-3 vibration sensor, magnet mount', 'its name');
    like(xp($doc, '/page/product/description'), qr/Triaxial/, 'its description');
    is(xp($doc, '/page/product/@unit'), 'piece', 'unit');
    is(xp($doc, '/page/product/@lead-days'), 3, 'lead time');
    is(xp($doc, '/page/product/category-name'), 'Sensors', 'category');
    is(xp_count($doc, '/page/product/list-prices'), 0, 'no list prices for a customer');
    is(xp($doc, '/page/product/@edit'), '', 'no edit link');
    my $html = $carl->get('/orders/products/VS-3-M')->decoded_content;
    like($html, qr{<h1>VS-3 vibration sensor, magnet mount</h1>}, 'HTML: the name is the heading');
    like($html, qr{Your contract price}, 'HTML: says it is the contract price');
    like($html, qr{<del><span class="amount nowrap">210.70\x{a0}GBP</span></del>}, 'HTML: the list price struck through');
    $html = $klaus->get('/orders/products/VS-3-M')->decoded_content;
    like($html, qr{<h1>VS-3 Schwingungssensor, Magnetfuß</h1>}, 'German');
    like($html, qr{3 Werktage}, 'German lead time');

    is($carl->get('/orders/products/PX-DEMO')->code, 404, 'a partner-only product: 404 for a customer');
    is(or_client('paula@northwind.example')->get('/orders/products/PX-DEMO')->code, 200, '200 for a partner');
    is($klaus->get('/orders/products/SW-PREMIUM')->code, 404, 'the gold tier\'s support: 404 for silver');
    is($carl->get('/orders/products/SW-PREMIUM')->code, 200, '200 for gold');
    is($carl->get('/orders/products/PX-100')->code, 404, 'an inactive product: 404');
    is($carl->get('/orders/products/NO-SUCH-SKU')->code, 404, 'an unknown SKU: 404');
    is($carl->get('/orders/products/PX-200/image')->code, 404, 'no image: 404');
    is($carl->get('/orders/products/..%2Fetc')->code, 404, 'not a SKU: 404');
};

subtest 'the staff see more' => sub {
    my ($doc, $res) = $admin->get_xml('/orders/products/PX-100');
    is($res->code, 200, 'an inactive product opens for catalogue.manage');
    is(xp($doc, '/page/product/@active'), 0, 'marked inactive');
    ($doc) = $admin->get_xml('/orders/products/PX-400-ATEX');
    is(join(' ', xp_list($doc, '/page/product/list-prices/price/@currency')), 'EUR CHF GBP', 'list prices in every currency');
    is(join(' ', xp_list($doc, '/page/product/audience/tier')), 'gold premier', 'the tiers');
    is(xp($doc, '/page/product/@edit'), '/orders/admin/products/' . or_product_id('PX-400-ATEX'), 'an edit link');
    is(or_client('agent@portico.example')->get('/orders/products/PX-100')->code, 404,
        'an agent (orders.read, not catalogue.manage): 404');
};

done_testing;
