# The catalogue as each kind of reader sees it: anonymous readers are sent
# to the login, a role without orders.read is refused (403); customers and
# partners see the active products of their audience and tier, the
# provider's people every active one; the categories with their counts, the
# search by SKU and by words of the name and description in the reader's
# language, the kind filter, the sorts and the pager; the /orders/ worker
# answers its health check and is in the navigation.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Orders;

my $carl  = or_client('carl@acme.example');          # Acme: customer, gold, GBP
my $klaus = or_client('klaus@bergmann.example');     # Bergmann: customer, silver, EUR, German
my $paula = or_client('paula@northwind.example');    # Northwind: partner, premier, EUR
my $agent = or_client('agent@portico.example');      # the provider, EUR

subtest 'the worker' => sub {
    my ($doc, $res) = Portico::Test->client->get_xml('/orders/health');
    is($res->code, 200, '/orders/health 200');
    is(xp($doc, '(/health | /page/health)/@files'), 'ok', 'its files directory is usable');
};

subtest 'who may open it' => sub {
    my $res = Portico::Test->client->get('/orders/');
    is($res->code, 303, 'anonymous: 303');
    like(location_path($res), qr{^/auth/login}, 'to the login');
    $res = Portico::Test->client->get('/orders/products/PX-200');
    like(location_path($res) // '', qr{^/auth/login}, 'a product too');
    my $ed = or_client('editor@portico.example');
    is($ed->get('/orders/')->code, 403, 'a KB editor without orders.read: 403');
    is($ed->get('/orders/products/PX-200')->code, 403, 'and for a product');
    my ($doc) = $carl->get_xml('/');
    is(xp($doc, '/page/nav/section[@name="orders"]/@href'), '/orders/', 'the orders section in the navigation');
    is(xp($doc, '/page/start/area[@key="nav.orders.catalogue"]/@href'), '/orders/', 'and a tile on the start page');
    ($doc) = $ed->get_xml('/');
    is(xp_count($doc, '/page/nav/section[@name="orders"]'), 0, 'not for the editor');
};

# Everything a reader's organisation sees: the sum of the category counts.
sub seen {
    my ($c, $query) = @_;
    my ($doc, $res) = $c->get_xml('/orders/' . ($query // ''));
    is($res->code, 200, 'the catalogue answers 200') or return;
    return $doc;
}

subtest 'audience, tier and active' => sub {
    my $doc = seen($carl);
    is(xp($doc, '/page/catalogue/categories/@all'), 76, 'Acme (gold customer): 80 less the inactive and 3 for partners');
    is(xp($doc, '/page/catalogue/pager/@total'), 76, 'the pager counts the same');
    is(xp($doc, '/page/catalogue/@currency'), 'GBP', 'in its currency');
    is(xp_count($doc, '/page/catalogue/categories/category'), 6, 'six categories');
    is(xp($doc, 'sum(/page/catalogue/categories/category/@count)'), 76, 'their counts add up');
    is(xp_count($doc, '/page/catalogue/product'), 24, '24 a page');
    is(seen($klaus)->findvalue('/page/catalogue/categories/@all'), 74,
        'Bergmann (silver): neither the gold-only support nor the ATEX gateway (gold, premier)');
    is(seen($paula)->findvalue('/page/catalogue/categories/@all'), 76, 'Northwind (partner): 3 customer-only fewer, the partner ones more');
    is(seen($agent)->findvalue('/page/catalogue/categories/@all'), 79, 'the provider: every active product');
    my @all = (or_skus($carl, '/orders/?category=gateways'));
    ok(!grep({ $_ eq 'PX-DEMO' } @all), 'no partner-only product for a customer');
    ok(!grep({ $_ eq 'PX-100' } @all), 'no inactive product');
    ok(grep({ $_ eq 'PX-400-ATEX' } @all), 'the gold tier\'s product for Acme');
    ok(grep({ $_ eq 'PX-DEMO' } or_skus($paula, '/orders/?category=gateways')), 'the partner kit for a partner');
};

subtest 'categories, kind, sorts and pages' => sub {
    my $doc = seen($carl, '?category=sensors');
    is(xp_count($doc, '/page/catalogue/product'), 18, 'a category: its 18 sensors');
    is(xp($doc, '/page/catalogue/pager/@total'), 18, 'counted');
    is(xp($doc, '/page/catalogue/categories/category[@current="1"]/@slug'), 'sensors', 'marked current');
    is(xp($doc, '/page/catalogue/categories/category[@slug="sensors"]'), 'Sensors', 'by its English name');
    is(xp_count($doc, '/page/catalogue/product[@category != "sensors"]'), 0, 'nothing else');

    $doc = seen($carl, '?kind=service');
    is(xp_count($doc, '/page/catalogue/product[@kind != "service"]'), 0, 'kind=service: services only');
    is(xp($doc, '/page/catalogue/pager/@total'), 18, 'Acme sees 18 of 20 (not the partner training and white label)');

    my @skus = or_skus($carl, '/orders/?category=accessories&sort=sku');
    is_deeply(\@skus, [sort @skus], 'sort=sku: by SKU');
    ($doc) = $carl->get_xml('/orders/?category=field-services&sort=price');
    my @p = map { $_->getAttribute('minor') } $doc->findnodes('/page/catalogue/product/price[@minor]');
    is_deeply(\@p, [sort { $a <=> $b } @p], 'sort=price: cheapest first');
    is(xp($doc, '/page/catalogue/product[last()]/@sku'), 'FS-TRAVEL', 'the one on request last');
    is(xp($doc, '/page/catalogue/product[last()]/price/@on-request'), '1', 'it has no GBP price');

    $doc = seen($carl, '?page=4');
    is(xp_count($doc, '/page/catalogue/product'), 4, 'page 4 of 76: the last 4');
    is(xp($doc, '/page/catalogue/pager/@pages'), 4, 'of 4 pages');
    $doc = seen($carl, '?page=9');
    is(xp_count($doc, '/page/catalogue/product'), 0, 'past the last page: none');
    $doc = seen($carl, '?category=no-such&kind=rocket&sort=x%27');
    is(xp($doc, '/page/catalogue/categories/@all'), 76, 'unknown filters are dropped');
    is(xp($doc, '/page/catalogue/@sort'), 'name', 'the sort falls back to the name');
};

subtest 'search' => sub {
    is_deeply([or_skus($carl, '/orders/?q=PX-200&sort=sku')],
        [qw(ENC-IP65 MOD-IO8 MOD-LTE PX-200 PX-200-EU PX-200-UK PX-LAB)],
        'a SKU finds its product, its variants and what names it (not the partners\' kit nor the old PX-100)');
    my @v = or_skus($carl, '/orders/?q=vibration+magnet');
    ok(grep({ $_ eq 'VS-3-M' } @v), 'two words: the magnet-mount vibration sensor');
    ok(!grep({ $_ eq 'VS-3-S' } @v), 'not the stud-mount one (no "magnet")');
    is_deeply([or_skus($carl, '/orders/?q=Schwingungssensor')], [], 'German words do not match English texts');
    my @k = or_skus($klaus, '/orders/?q=Schwingungssensor');
    ok(grep({ $_ eq 'VS-3-M' } @k), 'but do for a German reader');
    my ($doc) = $klaus->get_xml('/orders/?q=VS-3-M');
    is(xp($doc, '/page/catalogue/product[@sku="VS-3-M"]/name'), 'VS-3 Schwingungssensor, Magnetfuß',
        'the German name');
    is(xp($doc, '/page/catalogue/categories/category[@slug="sensors"]'), 'Sensoren', 'the German category');
    is_deeply([or_skus($carl, '/orders/?q=%25')], [], 'a % is a character, not a wildcard');
    is_deeply([or_skus($carl, '/orders/?q=_')], [], 'so is _');
    ($doc) = $carl->get_xml('/orders/?q=cable&category=accessories');
    ok(xp($doc, '/page/catalogue/pager/@total') > 0, 'search within a category');
    is(xp($doc, 'sum(/page/catalogue/categories/category/@count)'), xp($doc, '/page/catalogue/categories/@all'),
        'the counts follow the search');
    is(xp($doc, '/page/catalogue/@q'), 'cable', 'the search is kept');
    ($doc) = $carl->get_xml('/orders/?q=' . ('x' x 101));
    is(xp($doc, '/page/catalogue/categories/@all'), 76, 'a search over 100 characters is dropped');
    is(xp($doc, '/page/limits/limit[@name="q"]/@chars'), 100, 'the field says its bound');
};

subtest 'HTML' => sub {
    my $html = $carl->get('/orders/?category=sensors')->decoded_content;
    like($html, qr{<table class="data-table or-table">}, 'a data table');
    like($html, qr{<div class="table-scroll" role="region" tabindex="0" aria-labelledby="products-caption">}, 'in its scroll region');
    like($html, qr{<a href="/orders/products/VS-3-M">VS-3 vibration sensor, magnet mount</a>}, 'products link their page');
    like($html, qr{aria-current="page"}, 'the category is marked');
    $html = $klaus->get('/orders/?category=sensors')->decoded_content;
    like($html, qr{<h1>Katalog</h1>}, 'German heading');
    like($html, qr{pro Stück}, 'German units');
    like($html, qr{245,00\x{a0}EUR}, 'German money: 245,00 EUR');
};

done_testing;
