# Service categories on pages: creating one writes it with both languages'
# texts and its audit row and answers 303; a duplicate slug, missing names,
# a bad slug or position come back 422 with every value kept and a message
# at each field; editing changes it with before and after in the audit
# row; moving one up or down renumbers the catalogue's order; an empty
# category can be deleted, one with services stays (422 with a message).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Portico::Test;
use Portico::TicketsAdmin;

my $admin = tka_client('admin@portico.example');
my $p = tka_prefix();
my $admin_id = sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'");

sub texts {
    my ($id) = @_;
    return { map { $_->[0] => { name => decode_utf8($_->[1]), description => decode_utf8($_->[2]) } }
        @{ sql_rows("SELECT lang, name, description FROM ticket_category_texts WHERE category_id = $id") } };
}

subtest 'create' => sub {
    my ($doc, $res) = tka_post($admin, '/tickets/admin/categories/new', [slug => "$p-hardware",
        name_en => 'Hardware', name_de => 'Hardware und Geräte', description_en => "Devices.\r\nAll of them.",
        description_de => 'Geräte aller Art.', position => '']);
    is($res->code, 303, '303 after success');
    is(location_path($res), '/tickets/admin/categories?saved=1', 'back to the list');
    my $id = tka_category_id("$p-hardware");
    ok($id, 'the row');
    my $t = texts($id);
    is($t->{en}{name}, 'Hardware', 'English name');
    is($t->{de}{name}, 'Hardware und Geräte', 'German name');
    is($t->{en}{description}, "Devices.\nAll of them.", 'description with LF line ends');
    my $max = sql_value("SELECT MAX(position) FROM ticket_categories WHERE id <> $id");
    is(sql_value("SELECT position FROM ticket_categories WHERE id = $id"), $max + 10, 'at the end without a position');
    my @a = tka_audit('ticket_category.create', 'ticket_category', $id);
    is(scalar @a, 1, 'one audit row');
    is($a[0]{user}, $admin_id, 'by the admin');
    like($a[0]{after}, qr/"name_de":"Hardware und Geräte"/, 'with what was saved');

    my $html = $admin->get('/auth/audit?action=ticket_category.create')->decoded_content;
    like($html, qr{<p class="audit-sentence"><strong>Ada Admin</strong> created service category \Q$id\E</p>},
        'the audit log says it as a sentence');

    ($doc) = $admin->get_xml('/tickets/admin/categories?saved=1');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.admin.saved', 'said so');
    is(xp($doc, "/page/tka-categories/category[\@id='$id']/name[\@lang='de']"), 'Hardware und Geräte', 'listed');
};

subtest '422 keeps every value and says what is wrong at each field' => sub {
    my $count = sql_value('SELECT COUNT(*) FROM ticket_categories');
    my ($doc, $res) = tka_post($admin, '/tickets/admin/categories/new', [slug => 'devices',
        name_en => 'Duplicate', name_de => 'Doppelt', description_en => 'x', description_de => 'y',
        position => '20']);
    is($res->code, 422, 'a taken slug: 422');
    is(tka_errors($doc)->{slug}, 'tickets.admin.slug.taken', 'at the slug');
    is(xp($doc, "/page/form[\@name='category']/field[\@name='name_en']"), 'Duplicate', 'name kept');
    is(xp($doc, "/page/form[\@name='category']/field[\@name='description_de']"), 'y', 'description kept');
    is(xp($doc, "/page/form[\@name='category']/field[\@name='position']"), '20', 'position kept');

    ($doc, $res) = tka_post($admin, '/tickets/admin/categories/new', [slug => 'Not A Slug!',
        name_en => '', name_de => '  ', description_en => 'kept', description_de => '', position => 'ten']);
    is($res->code, 422, 'missing names, bad slug and position: 422');
    my $e = tka_errors($doc);
    is($e->{name_en}, 'tickets.admin.required', 'English name required');
    is($e->{name_de}, 'tickets.admin.required', 'German name required');
    is($e->{slug}, 'tickets.admin.slug.invalid', 'slug form');
    is($e->{position}, 'tickets.admin.integer', 'position a number');
    is(xp($doc, "/page/messages/message[\@field='position']/\@max"), '1000000', 'the range is said');
    is(xp($doc, "/page/form[\@name='category']/field[\@name='slug']"), 'Not A Slug!', 'bad slug kept');
    is(xp($doc, "/page/form[\@name='category']/field[\@name='description_en']"), 'kept', 'the rest kept');

    ($doc, $res) = tka_post($admin, '/tickets/admin/categories/new', [slug => "$p-long",
        name_en => 'N' x 201, name_de => 'ok', position => '']);
    is($res->code, 422, 'too long: 422');
    is(tka_errors($doc)->{name_en}, 'tickets.admin.too-long', 'at the name');
    is(xp($doc, "/page/messages/message[\@field='name_en']/\@max"), '200', 'with the bound');
    is(sql_value('SELECT COUNT(*) FROM ticket_categories'), $count, 'nothing written');

    my $html = $admin->post('/tickets/admin/categories/new', [slug => 'devices', name_en => '', name_de => 'x',
        csrf => csrf_of(scalar $admin->get_xml('/'))])->decoded_content;
    like($html, qr{<a href="#name_en">}, 'HTML: the summary links the field');
    like($html, qr{id="name_en"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="name_en"}, 'HTML: the field is marked');
};

subtest 'edit' => sub {
    my $id = tka_category_id("$p-hardware");
    my ($doc) = $admin->get_xml("/tickets/admin/categories/$id");
    is(xp($doc, "/page/form[\@name='category']/field[\@name='name_de']"), 'Hardware und Geräte', 'the form shows the row');
    my (undef, $res) = tka_post($admin, "/tickets/admin/categories/$id", [slug => "$p-hw",
        name_en => 'Hardware and devices', name_de => 'Geräte', description_en => '', description_de => '',
        position => '5']);
    is($res->code, 303, 'answered 303');
    is(sql_value("SELECT CONCAT(slug, ' ', position) FROM ticket_categories WHERE id = $id"), "$p-hw 5", 'slug and position');
    is(texts($id)->{de}{name}, 'Geräte', 'German name');
    is(texts($id)->{en}{description}, '', 'description emptied');
    my @a = tka_audit('ticket_category.update', 'ticket_category', $id);
    is(scalar @a, 1, 'audited');
    like($a[0]{before}, qr/"slug":"\Q$p\E-hardware"/, 'before');
    like($a[0]{after}, qr/"slug":"\Q$p\E-hw"/, 'after');

    ($doc, $res) = tka_post($admin, "/tickets/admin/categories/$id", [slug => 'billing', name_en => 'x', name_de => 'y']);
    is($res->code, 422, 'another category\'s slug: 422');
    is(tka_errors($doc)->{slug}, 'tickets.admin.slug.taken', 'at the slug');
    is(sql_value("SELECT slug FROM ticket_categories WHERE id = $id"), "$p-hw", 'unchanged');
};

subtest 'move up and down' => sub {
    my $a = tka_category($admin, 'a', position => 900001);
    my $b = tka_category($admin, 'b', position => 900002);
    my $order = sub { join ',', map { $_->[0] } @{ sql_rows('SELECT id FROM ticket_categories ORDER BY position, id') } };
    my @before = split /,/, $order->();
    is($before[-1], $b, 'b last');
    my (undef, $res) = tka_post($admin, "/tickets/admin/categories/$b/move", [direction => 'up']);
    is($res->code, 303, 'answered 303');
    my @after = split /,/, $order->();
    is_deeply([@after[-2, -1]], [$b, $a], 'b before a');
    is_deeply(sql_rows('SELECT position FROM ticket_categories ORDER BY position, id')->[0], ['10'], 'renumbered from 10');
    is(scalar(tka_audit('ticket_category.move', 'ticket_category', $b)), 1, 'audited');
    (undef, $res) = tka_post($admin, "/tickets/admin/categories/$a/move", [direction => 'down']);
    is($res->code, 303, 'moving the last one down');
    is_deeply([(split /,/, $order->())[-2, -1]], [$b, $a], 'changes nothing');
    (undef, $res) = tka_post($admin, "/tickets/admin/categories/$b/move", [direction => 'down']);
    is_deeply([(split /,/, $order->())[-2, -1]], [$a, $b], 'and back');
    my ($doc) = $admin->get_xml('/tickets/admin/categories');
    is(xp($doc, '/page/tka-categories/category[last()]/@id'), $b, 'the list follows the order');
};

subtest 'delete' => sub {
    my $id = tka_category_id("$p-hw");
    my $sid = tka_service($admin, 'in-hw', category => $id);
    my ($doc, $res) = tka_post($admin, "/tickets/admin/categories/$id/delete", []);
    is($res->code, 422, 'a category with services: 422');
    is(xp($doc, "/page/messages/message[\@kind='error']/\@key"), 'tickets.admin.category.not-empty', 'with a message');
    is(xp($doc, '/page/tka-category/@services'), '1', 'the page says how many');
    ok(tka_category_id("$p-hw"), 'still there');

    sql("DELETE FROM ticket_services WHERE id = $sid");
    (undef, $res) = tka_post($admin, "/tickets/admin/categories/$id/delete", []);
    is($res->code, 303, 'an empty one: 303');
    is(location_path($res), '/tickets/admin/categories?deleted=1', 'to the list');
    ok(!tka_category_id("$p-hw"), 'gone');
    is(sql_value("SELECT COUNT(*) FROM ticket_category_texts WHERE category_id = $id"), 0, 'with its texts');
    my @a = tka_audit('ticket_category.delete', 'ticket_category', $id);
    is(scalar @a, 1, 'audited');
    like($a[0]{before}, qr/"name_en":"Hardware and devices"/, 'with what it was');
};

done_testing;
