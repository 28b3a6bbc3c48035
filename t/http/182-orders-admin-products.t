# The catalogue's products on the staff's pages (catalogue.manage): who may
# open them; creating a product with texts in both languages, audience,
# tiers, list prices and an image (written, audited, shown to customers at
# their price, the image sent after the access check); a refused form
# comes back 422 with every value kept, a message at each field and
# nothing written; editing changes prices (an emptied one goes), the
# audience and the active flag, with before and after in the audit row; a
# new image replaces the old file, which goes; CSRF is checked.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;
use Portico::Orders;

my $P = or_prefix();
my $admin = or_client('admin@portico.example');
my $carl = or_client('carl@acme.example');
my $files = File::Spec->catdir(var_dir(), 'files', 'orders');
my $admin_id = sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'");
my $sensors = or_category_id('sensors');

# A 1x1 PNG, and another (one byte differs), and a text file posing as one.
my $png = pack('H*', '89504e470d0a1a0a0000000d4948445200000001000000010806000000' .
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082');
(my $png2 = $png) =~ s/\x54\xa2/\x54\xa3/;

sub form {
    my (%o) = @_;
    my %f = (sku => "$P-A1", category => $sensors, kind => 'product', unit => 'box', tax_class => 'reduced',
        lead_time_days => '4', return_days => '14', tiers => '', audience => 'customer', active => '1',
        name_en => 'Test sensor', name_de => 'Testsensor', description_en => "Line one.\r\nLine two.",
        description_de => 'Zeile', price_EUR => '1250.50', price_CHF => '', price_GBP => '1100',
        price_USD => '', %o);
    return [map { ($_ => $f{$_}) } grep { defined $f{$_} } sort keys %f];
}

sub stored { opendir(my $d, $files) or return 0; return scalar grep { !/^\./ } readdir $d }

subtest 'who may open them' => sub {
    my $res = Portico::Test->client->get('/orders/admin/');
    is($res->code, 303, 'anonymous: to the login');
    for my $who ('carl@acme.example', 'anna.admin@acme.example', 'agent@portico.example') {
        my $c = or_client($who);
        is($c->get('/orders/admin/')->code, 403, "$who: 403");
        is($c->get('/orders/admin/products/new')->code, 403, "$who: 403 for the form");
        my (undef, $r) = or_upload($c, '/orders/admin/products/new', form());
        is($r->code, 403, "$who: 403 for a POST");
    }
    my ($doc, $r) = or_client('manager@portico.example')->get_xml('/orders/admin/');
    is($r->code, 200, 'a manager: 200');
    is(xp($doc, '/page/or-products/pager/@total'), 80, 'every product, the inactive one too');
    is(xp($doc, '/page/nav/section[@name="admin"]/link[@href="/orders/admin/"]/@current'), 1,
        'in the administration section of the navigation');
    ($doc) = $admin->get_xml('/orders/admin/?q=PX-100');
    is(xp($doc, '/page/or-products/product/@active'), 0, 'the search finds the inactive PX-100');
};

my $id;
subtest 'create' => sub {
    my $before = stored();
    my ($doc, $res) = or_upload($admin, '/orders/admin/products/new', [@{ form() },
        image => ['sensor.png', $png, 'image/png'], audience => 'partner']);
    is($res->code, 303, 'answered 303') or diag(join ' ', %{ or_errors($doc) });
    $id = or_product_id("$P-A1");
    ok($id, 'the row');
    is(location_path($res), "/orders/admin/products/$id?saved=1", 'to its form');
    my $r = sql_rows("SELECT kind, unit, lead_time_days, audience, active, image_type, image_name, image_storage,"
        . " tax_class, return_days FROM products WHERE id = $id")->[0];
    is($r->[9], 14, 'its return window');
    is_deeply([@$r[0 .. 6]], ['product', 'box', 4, 'customer,partner', 1, 'image/png', 'sensor.png'], 'its facts');
    is($r->[8], 'reduced', 'its tax class');
    ok(-f "$files/$r->[7]", 'the image is stored under files/orders/');
    is(stored(), $before + 1, 'one file more');
    is_deeply(sql_rows("SELECT lang, name, description FROM product_texts WHERE product_id = $id ORDER BY lang"),
        [['de', 'Testsensor', 'Zeile'], ['en', 'Test sensor', "Line one.\nLine two."]], 'texts, LF line ends');
    is_deeply(sql_rows("SELECT currency, amount_minor FROM product_prices WHERE product_id = $id ORDER BY currency"),
        [['EUR', 125050], ['GBP', 110000]], 'the prices given, in minor units');
    my @a = audit_of('product.create', 'product', $id);
    is(scalar @a, 1, 'one audit row');
    is($a[0]{user}, $admin_id, 'by the admin');
    like($a[0]{after}, qr/"price_EUR":"1250.50".*"audience":"customer,partner","image":"$r->[7]"/, 'with what was saved');

    ($doc) = $admin->get_xml("/orders/admin/products/$id?saved=1");
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'orders.admin.saved', 'saved, it says');
    is(xp($doc, "/page/form[\@name='product']/field[\@name='price_EUR']"), '1250.50', 'the form shows the price');
    is(xp($doc, "/page/form[\@name='product']/field[\@name='tax_class']"), 'reduced', '... and the tax class');
    like($admin->get("/orders/admin/products/$id")->decoded_content,
        qr{<option value="reduced" selected="selected">Reduced rate</option>}, 'HTML: chosen in its list');
    is(join(' ', xp_list($doc, "/page/form[\@name='product']/field[\@name='audience']")), 'customer partner', 'both audiences ticked');

    ($doc, $res) = $carl->get_xml("/orders/products/$P-A1");
    is($res->code, 200, 'a customer finds it');
    is(xp($doc, '/page/product/price/@minor'), 110000, 'at its GBP price');
    my $img = $carl->get("/orders/products/$P-A1/image");
    is($img->code, 200, 'its image');
    is($img->content, $png, 'the bytes uploaded');
    is($img->header('Content-Type'), 'image/png', 'as PNG');
    my $html = $admin->get('/auth/audit?action=product.create')->decoded_content;
    like($html, qr{<strong>Ada Admin</strong> created product \Q$id\E}, 'the audit log says it');
};

subtest '422 keeps every value' => sub {
    my $count = sql_value('SELECT COUNT(*) FROM products');
    my $before = stored();
    my ($doc, $res) = or_upload($admin, '/orders/admin/products/new', form(sku => "-bad sku", name_en => '',
        price_EUR => '-5', price_CHF => '12.345', lead_time_days => '400', return_days => '-1', category => '999999', tiers => 'Gold!',
        audience => '', unit => 'bucket', tax_class => 'luxury', image => ['x.png', "not an image\n", 'image/png']));
    is($res->code, 422, 'answered 422');
    my $e = or_errors($doc);
    is($e->{sku}, 'orders.admin.sku.invalid', 'SKU');
    is($e->{name_en}, 'input.required', 'name required');
    is($e->{price_EUR}, 'input.amount.negative', 'negative price');
    is($e->{price_CHF}, 'input.amount', 'three decimals');
    is($e->{lead_time_days}, 'input.integer', 'lead time range');
    is(xp($doc, "/page/messages/message[\@field='lead_time_days']/\@max"), 365, 'with its bound');
    is($e->{return_days}, 'input.integer', 'return window range');
    is($e->{category}, 'input.choice', 'an unknown category');
    is($e->{tiers}, 'orders.admin.tiers.invalid', 'tiers');
    is($e->{audience}, 'orders.admin.audience.required', 'no audience');
    is($e->{unit}, 'input.choice', 'unit');
    is($e->{tax_class}, 'input.choice', 'tax class');
    is($e->{image}, 'orders.admin.image.type', 'not an image');
    my $f = "/page/form[\@name='product']";
    is(xp($doc, "$f/field[\@name='sku']"), '-bad sku', 'SKU kept');
    is(xp($doc, "$f/field[\@name='price_CHF']"), '12.345', 'price kept as typed');
    is(xp($doc, "$f/field[\@name='price_GBP']"), '1100', 'a good price kept too');
    my (undef, $r) = or_upload($admin, '/orders/admin/products/new', form(name_en => ''), html => 1);
    like($r->decoded_content, qr{<input id="price_GBP" name="price_GBP" type="text" value="1100"}, 'HTML: in its field');
    is(xp($doc, "$f/field[\@name='name_de']"), 'Testsensor', 'the rest kept');
    is(sql_value('SELECT COUNT(*) FROM products'), $count, 'no product written');
    is(stored(), $before, 'no file stored');

    ($doc, $res) = or_upload($admin, '/orders/admin/products/new', form(sku => "$P-A1"));
    is($res->code, 422, 'a taken SKU: 422');
    is(or_errors($doc)->{sku}, 'orders.admin.sku.taken', 'at the SKU');
    ($doc, $res) = or_upload($admin, '/orders/admin/products/new', form(sku => "$P-BIG",
        image => ['big.png', $png . ("\0" x (2 * 1024 * 1024)), 'image/png']));
    is($res->code, 422, 'an image over 2 MB: 422');
    is(or_errors($doc)->{image}, 'orders.admin.image.size', 'at the image');
    is(stored(), $before, 'still no file');

    my $html = $admin->post('/orders/admin/products/new', [@{ form(name_en => '') }, csrf => or_csrf($admin)])->decoded_content;
    like($html, qr{<a href="#name_en">}, 'HTML: the summary links the field');
    like($html, qr{id="name_en"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="name_en"}, 'HTML: the field is marked');
};

subtest 'edit' => sub {
    my $old = sql_value("SELECT image_storage FROM products WHERE id = $id");
    my ($doc, $res) = or_upload($admin, "/orders/admin/products/$id", form(price_EUR => '99,90', price_GBP => '',
        active => undef, tiers => 'gold premier', image => ['new.png', $png2, 'image/png']));
    is($res->code, 303, 'answered 303') or diag(join ' ', %{ or_errors($doc) });
    is_deeply(sql_rows("SELECT currency, amount_minor FROM product_prices WHERE product_id = $id"), [['EUR', 9990]],
        'EUR changed (a comma is a decimal point), GBP gone');
    is(sql_value("SELECT GROUP_CONCAT(tier ORDER BY tier) FROM product_tiers WHERE product_id = $id"), 'gold,premier', 'tiers');
    is(sql_value("SELECT active FROM products WHERE id = $id"), 0, 'inactive');
    my $new = sql_value("SELECT image_storage FROM products WHERE id = $id");
    isnt($new, $old, 'a new image');
    ok(!-e "$files/$old", 'the old file is gone');
    ok(-f "$files/$new", 'the new one is there');
    my @a = audit_of('product.update', 'product', $id);
    is(scalar @a, 1, 'audited');
    like($a[0]{before}, qr/"price_EUR":"1250.50".*"price_GBP":"1100.00"/, 'before');
    like($a[0]{after}, qr/"price_EUR":"99,90".*"price_GBP":""/, 'after');
    is($carl->get("/orders/products/$P-A1")->code, 404, 'inactive: customers no longer find it');
    is($carl->get("/orders/products/$P-A1/image")->code, 404, 'nor its image');
    is($admin->get("/orders/products/$P-A1/image")->content, $png2, 'the staff see the new image');

    ($doc, $res) = or_upload($admin, "/orders/admin/products/$id", form(image_remove => '1'));
    is($res->code, 303, 'removing the image: 303');
    is(sql_value("SELECT COUNT(*) FROM products WHERE id = $id AND image_storage IS NULL AND image_type IS NULL"), 1, 'no image');
    ok(!-e "$files/$new", 'its file is gone');

    is($admin->get('/orders/admin/products/999999999')->code, 404, 'an unknown product: 404');
    (undef, $res) = or_upload($admin, '/orders/admin/products/999999999', form());
    is($res->code, 404, 'and for a POST');
};

subtest 'CSRF' => sub {
    my ($doc, $res) = or_upload($admin, "/orders/admin/products/$id", form(name_en => 'Changed'), no_csrf => 1);
    is($res->code, 403, 'without the token: 403');
    is(xp($doc, '/page/messages/message/@key'), 'error.csrf', 'said so');
    (undef, $res) = or_upload($admin, "/orders/admin/products/$id", form(name_en => 'Changed'), csrf => 'f' x 64);
    is($res->code, 403, 'with a wrong one: 403');
    is(sql_value("SELECT name FROM product_texts WHERE product_id = $id AND lang = 'en'"), 'Test sensor', 'nothing changed');
};

done_testing;
