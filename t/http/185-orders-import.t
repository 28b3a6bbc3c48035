# A price list from CSV: upload, preview, confirm.  A valid file (comma or
# semicolon separated, a byte order mark, CRLF, quoted fields with
# separators, doubled quotes and line breaks, extra columns, blank lines)
# is kept and previewed with each price's old and new value and nothing
# written; confirming applies the new and changed prices with an audit row
# each, once.  A file with errors is refused whole (422) with every error
# at its line number (the line its record starts on) and nothing kept or
# written: unknown SKU, currency, price, negative, duplicate, a missing
# column, bad quoting, not UTF-8, a header without a column, no prices.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Orders;

my $admin = or_client('admin@portico.example');
my $manager = or_client('manager@portico.example');
my $carl = or_client('carl@acme.example');
my $px200 = or_product_id('PX-200');
my $travel = or_product_id('FS-TRAVEL');

sub upload {
    my ($c, $csv, %o) = @_;
    return or_upload($c, '/orders/admin/import', [file => [$o{name} // 'prices.csv', $csv, 'text/csv']], %o);
}
sub prices { return sql_value("SELECT GROUP_CONCAT(CONCAT(product_id, currency, amount_minor) ORDER BY product_id, currency) FROM product_prices") }
sub imports { return sql_value('SELECT COUNT(*) FROM catalogue_imports') }
sub errors_of {
    my ($doc) = @_;
    return [map { $_->getAttribute('line') . ' ' . $_->getAttribute('key') } $doc->findnodes('/page/or-import/error')];
}

subtest 'who may' => sub {
    like(location_path(Portico::Test->client->get('/orders/admin/import')) // '', qr{^/auth/login}, 'anonymous: login');
    is($carl->get('/orders/admin/import')->code, 403, 'a customer: 403');
    my (undef, $res) = upload(or_client('agent@portico.example'), "sku,currency,price\nPX-200,EUR,1\n");
    is($res->code, 403, 'an agent uploading: 403');
    is($manager->get('/orders/admin/import')->code, 200, 'a manager: 200');
    (undef, $res) = upload($admin, "sku,currency,price\nPX-200,EUR,1\n", no_csrf => 1);
    is($res->code, 403, 'without the token: 403');
    is(imports(), 0, 'nothing kept');
};

my $id;
subtest 'a valid file: kept, previewed, nothing written' => sub {
    my $before = prices();
    my $csv = "\xef\xbb\xbfSKU,Name,Currency,Price\r\n"
        . "PX-200,\"Gateway, \"\"edge\"\"\",EUR,900.00\r\n"
        . "\r\n"
        . "VS-3-M,\"two\nlines\",GBP,\"210,70\"\r\n"
        . "FS-TRAVEL,,GBP,250\r\n"
        . ",,,\r\n";
    my ($doc, $res) = upload($admin, $csv, name => '../../Price list 2025.csv');
    is($res->code, 303, 'checked: 303') or diag(explain(errors_of($doc)));
    ($id) = (location_path($res) // '') =~ m{^/orders/admin/import/(\d+)$};
    ok($id, 'to its preview');
    is(sql_value("SELECT CONCAT(filename, ' ', line_count, ' ', applied_at IS NULL) FROM catalogue_imports WHERE id = $id"),
        'Price_list_2025.csv 3 1', 'kept with a safe name, not applied');
    is(prices(), $before, 'no price written');
    is(scalar(audit_of('catalogue_import.upload', 'catalogue_import', $id)), 1, 'audited');

    ($doc, $res) = $admin->get_xml("/orders/admin/import/$id");
    is($res->code, 200, 'the preview');
    my %l = map { $_->getAttribute('sku') => $_ } $doc->findnodes('/page/or-import/line');
    is($l{'PX-200'}->getAttribute('at'), 2, 'PX-200 on line 2');
    is($l{'PX-200'}->getAttribute('change'), 'changed', 'changed');
    is($l{'PX-200'}->getAttribute('old-minor'), 89000, 'from 890.00');
    is($l{'PX-200'}->getAttribute('minor'), 90000, 'to 900.00');
    is($l{'VS-3-M'}->getAttribute('at'), 4, 'VS-3-M on line 4 (after a blank line)');
    is($l{'VS-3-M'}->getAttribute('change'), 'same', 'a decimal comma, the same price');
    is($l{'FS-TRAVEL'}->getAttribute('at'), 6, 'FS-TRAVEL on line 6 (the field before had a line break)');
    is($l{'FS-TRAVEL'}->getAttribute('change'), 'new', 'a new GBP price');
    is(xp($doc, '/page/or-import/@changes'), 2, 'two changes');
    my $html = $admin->get("/orders/admin/import/$id")->decoded_content;
    like($html, qr{Apply the 2 new and changed prices}, 'HTML: the button says what it does');
};

subtest 'confirm' => sub {
    my ($doc, $res) = or_post($admin, "/orders/admin/import/$id", [], no_csrf => 1);
    is($res->code, 403, 'without the token: 403');
    is(sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $px200 AND currency = 'EUR'"), 89000, 'not applied');
    ($doc, $res) = or_post($manager, "/orders/admin/import/$id", []);
    is($res->code, 303, 'another of the staff confirms: 303');
    is(location_path($res), '/orders/admin/import?applied=1', 'back to the imports');
    is(sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $px200 AND currency = 'EUR'"), 90000, 'PX-200 changed');
    is(sql_value("SELECT amount_minor FROM product_prices WHERE product_id = $travel AND currency = 'GBP'"), 25000, 'FS-TRAVEL has a GBP price');
    ok(sql_value("SELECT applied_at IS NOT NULL FROM catalogue_imports WHERE id = $id"), 'marked applied');
    my @a = audit_of('product_price.import', 'product_price', "$px200/EUR");
    is(scalar @a, 1, 'the changed price audited');
    like($a[0]{before}, qr/"amount_minor":89000/, 'before');
    like($a[0]{after}, qr/"amount_minor":90000,"import":$id/, 'after, naming the import');
    is(scalar(audit_of('product_price.import', 'product_price', "$travel/GBP")), 1, 'the new one audited');
    is(scalar(audit_of('product_price.import', 'product_price', or_product_id('VS-3-M') . '/GBP')), 0, 'not the unchanged one');
    is(scalar(audit_of('catalogue_import.apply', 'catalogue_import', $id)), 1, 'the import audited');
    ($doc) = $carl->get_xml('/orders/products/FS-TRAVEL');
    is(xp($doc, '/page/product/price/@minor'), 25000, 'customers see the new price');

    my $n = sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'product_price.import'");
    ($doc, $res) = or_post($admin, "/orders/admin/import/$id", []);
    is($res->code, 422, 'confirming again: 422');
    is(xp($doc, "/page/messages/message[\@kind='error']/\@key"), 'orders.import.already', 'applied already');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'product_price.import'"), $n, 'nothing written again');
    ($doc) = $admin->get_xml('/orders/admin/import?applied=1');
    is(xp($doc, "/page/or-imports/import[\@id='$id']/\@applied") ne '', 1, 'listed as applied');
    is($admin->get('/orders/admin/import/999999')->code, 404, 'an unknown import: 404');
    sql("UPDATE product_prices SET amount_minor = 89000 WHERE product_id = $px200 AND currency = 'EUR'");
    sql("DELETE FROM product_prices WHERE product_id = $travel AND currency = 'GBP'");
};

subtest 'errors at their lines, nothing kept' => sub {
    my $before = prices();
    my $n = imports();
    my $csv = "sku,currency,price\n"
        . "PX-200,EUR,abc\n"
        . "NOPE,EUR,1\n"
        . "PX-200,JPY,1\n"
        . "\n"
        . "\"VS-3-M\",\"EUR\",\"-5\"\n"
        . "PX-200,EUR,\"1\n2\"\n"
        . "PX-200-EU,EUR,10\n"
        . "PX-200-EU,EUR,11\n"
        . "PX-200-UK\n"
        . "PX-200-UK,EUR,\"12.345\"\n"
        . "PX-400,CHF,1000\n";
    my ($doc, $res) = upload($admin, $csv);
    is($res->code, 422, 'refused: 422');
    is_deeply(errors_of($doc), ['2 orders.import.price', '3 orders.import.sku', '4 orders.import.currency',
        '6 orders.import.price.negative', '7 orders.import.price', '10 orders.import.duplicate',
        '11 orders.import.fields', '12 orders.import.price'], 'each error at its line');
    is(xp($doc, '/page/or-import/error[@key="orders.import.duplicate"]/@detail'), 9, 'the duplicate names the first line');
    is(xp($doc, '/page/or-import/error[@key="orders.import.sku"]/@detail'), 'NOPE', 'the SKU is named');
    is(xp($doc, '/page/or-import/@errors'), 8, 'eight errors');
    is(xp($doc, "/page/messages/message[\@field='file']/\@key"), 'orders.import.refused', 'said at the file field');
    is(imports(), $n, 'nothing kept');
    is(prices(), $before, 'nothing written');
    my (undef, $html) = upload($admin, "sku,currency,price\nNOPE,EUR,1\n", html => 1);
    like($html->decoded_content, qr{<strong>Line 2:</strong> no product has the SKU &#8220;NOPE&#8221;\.|<strong>Line 2:</strong> no product has the SKU "NOPE"\.},
        'HTML: the line and what is wrong');
};

subtest 'edge cases' => sub {
    my $n = imports();
    my %cases = (
        "sku,currency,price\nPX-200,EUR,\"12\"x\nPX-400,EUR,1\n"   => ['2 orders.import.quoting'],
        "sku,currency,price\nPX-200,EUR,12\nPX-400,EUR,\"1"        => ['3 orders.import.quoting'],
        "sku,currency,price\nPX-200,EUR,12\nVS-3-M,EUR,1\"0\n"     => ['3 orders.import.quoting'],
        "sku,currency,price\nPX-200,EUR,12\nVS-3-M,EUR,Gr\xfcn\n"  => ['3 orders.import.encoding'],
        "sku,price\nPX-200,12\n"                                   => ['1 orders.import.header.missing'],
        "sku,currency,price,SKU\nPX-200,EUR,12,x\n"                => ['1 orders.import.header.twice'],
        "sku,currency,price\n\n\n"                                 => ['1 orders.import.empty'],
        "sku,currency,price\nPX-200,eur,12\n"                      => ['2 orders.import.currency'],
        "sku,currency,price\nPX-200,EUR,1 000\n"                   => ['2 orders.import.price'],
    );
    for my $csv (sort keys %cases) {
        my ($doc, $res) = upload($admin, $csv);
        (my $what = $csv) =~ s/\n/\\n/g;
        is($res->code, 422, "422: $what");
        is_deeply(errors_of($doc), $cases{$csv}, "  at the line: @{ $cases{$csv} }");
    }
    my ($doc, $res) = upload($admin, "sku;currency;price\npx-200;EUR;905,50\n");
    is($res->code, 303, 'semicolons with a decimal comma, a SKU in lower case: accepted');
    my ($sid) = location_path($res) =~ m{(\d+)$};
    ($doc) = $admin->get_xml("/orders/admin/import/$sid");
    is(xp($doc, '/page/or-import/line/@minor'), 90550, '905.50');
    is(xp($doc, '/page/or-import/line/@sku'), 'PX-200', 'the product\'s own SKU');
    ($doc, $res) = upload($admin, '');
    is($res->code, 422, 'no file: 422');
    is(xp($doc, "/page/messages/message[\@field='file']/\@key"), 'orders.import.no-file', 'said so');
    ($doc, $res) = upload($admin, "sku,currency,price\n" . ("PX-200,EUR,1\n" x 90000));
    is($res->code, 422, 'over 1 MB: 422');
    is(xp($doc, "/page/messages/message[\@field='file']/\@key"), 'orders.import.file-size', 'said so');
    is(imports(), $n + 1, 'only the valid one kept');
};

subtest 'German' => sub {
    sql("UPDATE users SET language = 'de' WHERE email = 'manager\@portico.example'");
    my $m = or_client('manager@portico.example');
    my (undef, $res) = upload($m, "sku,currency,price\nNOPE,EUR,1\n", html => 1);
    sql("UPDATE users SET language = 'en' WHERE email = 'manager\@portico.example'");
    like($res->decoded_content, qr{<strong>Zeile 2:</strong> kein Produkt hat die Artikelnummer}, 'the errors in German');
};

done_testing;
