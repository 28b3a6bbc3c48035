# The catalogue's categories on the staff's pages: creating one writes it
# with both languages' texts and its audit row; a taken slug, missing names
# or a bad position come back 422 with every value kept; editing changes
# it with before and after audited; an empty category can be deleted, one
# with products stays (422); only catalogue.manage opens them.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Orders;

my $p = lc or_prefix();
my $admin = or_client('admin@portico.example');
my $manager = or_client('manager@portico.example');

subtest 'who may open them' => sub {
    like(location_path(Portico::Test->client->get('/orders/admin/categories')) // '', qr{^/auth/login}, 'anonymous: login');
    is(or_client('carl@acme.example')->get('/orders/admin/categories')->code, 403, 'a customer: 403');
    my (undef, $res) = or_post(or_client('agent@portico.example'), '/orders/admin/categories/new',
        [slug => "$p-x", name_en => 'x', name_de => 'y']);
    is($res->code, 403, 'an agent posting: 403');
    my ($doc) = $manager->get_xml('/orders/admin/categories');
    is(xp_count($doc, '/page/or-categories/category'), 6, 'a manager sees the six');
    is(xp($doc, '/page/or-categories/category[@slug="sensors"]/@products'), 18, 'with their product counts');
};

my $id;
subtest 'create' => sub {
    my ($doc, $res) = or_post($admin, '/orders/admin/categories/new', [slug => "$p-tools",
        name_en => 'Tools', name_de => 'Werkzeuge', description_en => "Hand tools.\r\nAll.",
        description_de => '', position => '']);
    is($res->code, 303, 'answered 303');
    is(location_path($res), '/orders/admin/categories?saved=1', 'to the list');
    $id = or_category_id("$p-tools");
    ok($id, 'the row');
    is_deeply(sql_rows("SELECT lang, name, description FROM catalogue_category_texts WHERE category_id = $id ORDER BY lang"),
        [['de', 'Werkzeuge', ''], ['en', 'Tools', "Hand tools.\nAll."]], 'both texts');
    is(sql_value("SELECT position FROM catalogue_categories WHERE id = $id"),
        sql_value("SELECT MAX(position) FROM catalogue_categories WHERE id <> $id") + 10, 'at the end');
    my @a = audit_of('catalogue_category.create', 'catalogue_category', $id);
    is(scalar @a, 1, 'audited');
    like($a[0]{after}, qr/"name_de":"Werkzeuge"/, 'with what was saved');
    ($doc) = $admin->get_xml('/orders/admin/categories?saved=1');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'orders.admin.saved', 'said so');
};

subtest 'refused forms' => sub {
    my $n = sql_value('SELECT COUNT(*) FROM catalogue_categories');
    my ($doc, $res) = or_post($admin, '/orders/admin/categories/new', [slug => 'sensors',
        name_en => 'Dup', name_de => 'Dopp', description_en => 'kept', position => '5']);
    is($res->code, 422, 'a taken slug: 422');
    is(or_errors($doc)->{slug}, 'orders.admin.slug.taken', 'at the slug');
    is(xp($doc, "/page/form[\@name='category']/field[\@name='description_en']"), 'kept', 'values kept');
    ($doc, $res) = or_post($admin, '/orders/admin/categories/new', [slug => 'Bad Slug', name_en => '',
        name_de => 'x' x 201, position => '-1']);
    is($res->code, 422, 'bad input: 422');
    my $e = or_errors($doc);
    is($e->{slug}, 'input.slug', 'slug');
    is($e->{name_en}, 'input.required', 'name');
    is($e->{name_de}, 'input.too-long', 'too long');
    is($e->{position}, 'input.integer', 'position');
    is(xp($doc, "/page/form[\@name='category']/field[\@name='slug']"), 'Bad Slug', 'kept');
    is(sql_value('SELECT COUNT(*) FROM catalogue_categories'), $n, 'nothing written');
};

subtest 'edit and delete' => sub {
    my ($doc, $res) = or_post($admin, "/orders/admin/categories/$id", [slug => "$p-hand-tools",
        name_en => 'Hand tools', name_de => 'Handwerkzeuge', description_en => '', description_de => '', position => '7']);
    is($res->code, 303, 'edited');
    is(sql_value("SELECT CONCAT(slug, ' ', position) FROM catalogue_categories WHERE id = $id"), "$p-hand-tools 7", 'slug, position');
    my @a = audit_of('catalogue_category.update', 'catalogue_category', $id);
    like($a[0]{before}, qr/"slug":"\Q$p\E-tools"/, 'before');
    like($a[0]{after}, qr/"slug":"\Q$p\E-hand-tools"/, 'after');

    my $sensors = or_category_id('sensors');
    ($doc, $res) = or_post($admin, "/orders/admin/categories/$sensors/delete", []);
    is($res->code, 422, 'a category with products: 422');
    is(xp($doc, "/page/messages/message[\@kind='error']/\@key"), 'orders.admin.category.not-empty', 'said so');
    ok(or_category_id('sensors'), 'it stays');
    (undef, $res) = or_post($admin, "/orders/admin/categories/$id/delete", [], no_csrf => 1);
    is($res->code, 403, 'without the token: 403');
    ok(or_category_id("$p-hand-tools"), 'still there');
    (undef, $res) = or_post($admin, "/orders/admin/categories/$id/delete", []);
    is($res->code, 303, 'an empty one: deleted');
    ok(!or_category_id("$p-hand-tools"), 'gone');
    is(sql_value("SELECT COUNT(*) FROM catalogue_category_texts WHERE category_id = $id"), 0, 'with its texts');
    is(scalar(audit_of('catalogue_category.delete', 'catalogue_category', $id)), 1, 'audited');
    is($admin->get("/orders/admin/categories/$id")->code, 404, 'its page: 404');
};

subtest 'German' => sub {
    sql("UPDATE users SET language = 'de' WHERE email = 'manager\@portico.example'");
    my $html = or_client('manager@portico.example')->get('/orders/admin/categories')->decoded_content;
    sql("UPDATE users SET language = 'en' WHERE email = 'manager\@portico.example'");
    like($html, qr{<h1>Kategorien</h1>}, 'the heading');
    like($html, qr{<td>Sensoren</td>}, 'the German names beside the English ones');
};

done_testing;
