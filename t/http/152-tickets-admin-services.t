# Services on pages: the list groups every category's services, active and
# inactive; creating one writes the row, its texts in English and German,
# its audience and tiers and the audit row, then sends the admin to its
# form; a taken slug, missing names, no audience, an unknown category or
# group come back 422 with every value kept; the catalogue shows a new
# service to exactly the organisations its audience and tiers name, and
# hides an inactive one; editing is audited with before and after; a
# service without tickets is deleted with its form, one with tickets is
# deactivated instead.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Portico::Test;
use Portico::Tickets;
use Portico::TicketsAdmin;

my $admin = tka_client('admin@portico.example');
my $carl = tk_client('carl@acme.example');           # Acme: customer, gold
my $klaus = tk_client('klaus@bergmann.example');     # Bergmann: customer, silver
my $paula = tk_client('paula@northwind.example');    # Northwind: partner
my $p = tka_prefix();

sub in_catalogue {
    my ($c, $slug) = @_;
    my ($doc) = $c->get_xml('/tickets/');
    return xp_count($doc, "/page/catalogue/category/service[\@slug='$slug']");
}

subtest 'the list' => sub {
    my ($doc, $res) = $admin->get_xml('/tickets/admin/');
    is($res->code, 200, '200');
    is(xp_count($doc, '/page/tka-services/category'), sql_value('SELECT COUNT(*) FROM ticket_categories'),
        'every category');
    is(xp($doc, "/page/tka-services/category[\@slug='devices']/service[\@slug='printer-fault']/name[\@lang='de']"),
        'Störung an Drucker oder Gerät', 'a service with its German name');
    is(xp($doc, "//service[\@slug='printer-fault']/group"), 'Service Desk', 'its group');
    is(xp($doc, "//service[\@slug='printer-fault']/\@fields"), '6', 'its fields');
    is(xp($doc, "//service[\@slug='consulting']/\@tiers"), 'gold,premier', 'its tiers');
};

subtest 'create' => sub {
    my ($doc, $res) = tka_post($admin, '/tickets/admin/services/new', [slug => "$p-laptop",
        category => 1, name_en => 'Laptop loan', name_de => 'Leihgerät', description_en => 'Borrow a laptop.',
        description_de => 'Ein Notebook ausleihen.', type => 'request', group => 2, impact => 3, urgency => 1,
        audience => 'customer', tiers => 'gold', tiers => 'bronze', active => 1, position => '']);
    is($res->code, 303, 'answered 303');
    my $id = tka_service_id("$p-laptop");
    ok($id, 'the row');
    is(location_path($res), "/tickets/admin/services/$id/form?created=1", 'on to its form');
    my $r = sql_rows("SELECT category_id, audience, type, group_id, impact, urgency, active FROM ticket_services WHERE id = $id")->[0];
    is_deeply($r, [1, 'customer', 'request', 2, 3, 1, 1], 'category, audience, type, group, impact, urgency, active');
    is(decode_utf8(sql_value("SELECT name FROM ticket_service_texts WHERE service_id = $id AND lang = 'de'")), 'Leihgerät',
        'German name');
    is(sql_value("SELECT description FROM ticket_service_texts WHERE service_id = $id AND lang = 'en'"), 'Borrow a laptop.',
        'English description');
    is(sql_value("SELECT GROUP_CONCAT(tier ORDER BY tier) FROM ticket_service_tiers WHERE service_id = $id"), 'bronze,gold',
        'tiers');
    my @a = tka_audit('ticket_service.create', 'ticket_service', $id);
    is(scalar @a, 1, 'one audit row');
    like($a[0]{after}, qr/"audience":"customer".*"tiers":"bronze,gold"/, 'with audience and tiers');
    ($doc) = $admin->get_xml("/tickets/admin/services/$id");
    like(xp($doc, '/page/tka-service/@updated'), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'when it last changed');
    ($doc) = $admin->get_xml("/tickets/admin/services/$id/form?created=1");
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.admin.service.created', 'said so');
};

subtest '422 keeps every value' => sub {
    my $count = sql_value('SELECT COUNT(*) FROM ticket_services');
    my ($doc, $res) = tka_post($admin, '/tickets/admin/services/new', [slug => 'printer-fault',
        category => 1, name_en => 'Again', name_de => 'Nochmal', type => 'incident', group => 1,
        impact => 1, urgency => 2, audience => 'partner', tiers => 'silver', position => '7']);
    is($res->code, 422, 'a taken slug: 422');
    is(tka_errors($doc)->{slug}, 'tickets.admin.slug.taken', 'at the slug');
    my $f = "/page/form[\@name='service']";
    is(xp($doc, "$f/field[\@name='name_de']"), 'Nochmal', 'name kept');
    is(xp($doc, "$f/field[\@name='type']"), 'incident', 'type kept');
    is(xp($doc, "$f/field[\@name='impact']"), '1', 'impact kept');
    is(xp($doc, "$f/field[\@name='active']"), '0', 'unticked kept');
    is(join(',', xp_list($doc, "$f/field[\@name='audience']")), 'partner', 'audience kept');
    is(join(',', xp_list($doc, "$f/field[\@name='tiers']")), 'silver', 'tiers kept');
    is(xp($doc, "$f/field[\@name='position']"), '7', 'position kept');
    is(xp_count($doc, '/page/tka-service/choices/group'), sql_value('SELECT COUNT(*) FROM ticket_groups'),
        'the groups to choose from');

    ($doc, $res) = tka_post($admin, '/tickets/admin/services/new', [slug => "$p-bad", category => 999999,
        name_en => '', name_de => '', type => 'wish', group => 999999, impact => 4, urgency => '',
        tiers => 'platinum']);
    is($res->code, 422, 'everything wrong: 422');
    my $e = tka_errors($doc);
    is($e->{name_en}, 'tickets.admin.required', 'English name required');
    is($e->{name_de}, 'tickets.admin.required', 'German name required');
    is($e->{category}, 'tickets.admin.choice', 'an unknown category');
    is($e->{group}, 'tickets.admin.choice', 'an unknown group');
    is($e->{type}, 'tickets.admin.choice', 'an unknown type');
    is($e->{impact}, 'tickets.admin.choice', 'impact 1..3');
    is($e->{urgency}, 'tickets.admin.choose.required', 'urgency required');
    is($e->{audience}, 'tickets.admin.service.audience-required', 'at least one audience');
    is($e->{tiers}, 'tickets.admin.choice', 'an unknown tier');
    is(xp($doc, "/page/form[\@name='service']/field[\@name='slug']"), "$p-bad", 'slug kept');
    is(sql_value('SELECT COUNT(*) FROM ticket_services'), $count, 'nothing written');

    sql('UPDATE ticket_groups SET active = 0 WHERE id = 2');
    ($doc, $res) = tka_post($admin, '/tickets/admin/services/new', [slug => "$p-idle", category => 1,
        name_en => 'Idle', name_de => 'Untätig', type => 'request', group => 2, impact => 2, urgency => 2,
        audience => 'customer', active => 1]);
    sql('UPDATE ticket_groups SET active = 1 WHERE id = 2');
    is($res->code, 422, 'an active service for an inactive group: 422');
    is(tka_errors($doc)->{group}, 'tickets.admin.service.group-inactive', 'at the group');
    is(sql_value('SELECT COUNT(*) FROM ticket_services'), $count, 'nothing written');
};

subtest 'the catalogue follows audience, tiers and active' => sub {
    my $id = tka_service_id("$p-laptop");
    is(in_catalogue($klaus, "$p-laptop"), 0, 'gold or bronze only: not for Bergmann (silver)');
    is(in_catalogue($carl, "$p-laptop"), 1, 'Acme (gold) sees it');
    is(in_catalogue($paula, "$p-laptop"), 0, 'a partner does not');

    my (undef, $res) = tka_post($admin, "/tickets/admin/services/$id", [slug => "$p-laptop", category => 2,
        name_en => 'Laptop loan', name_de => 'Leihnotebook', description_en => '', description_de => '',
        type => 'request', group => 2, impact => 3, urgency => 1, audience => 'customer', audience => 'partner',
        active => 1, position => '']);
    is($res->code, 303, 'edited: 303');
    is(location_path($res), "/tickets/admin/services/$id?saved=1", 'back to the service');
    is(in_catalogue($klaus, "$p-laptop"), 1, 'no tiers: every customer');
    is(in_catalogue($paula, "$p-laptop"), 1, 'and partners');
    my ($doc) = $carl->get_xml('/tickets/');
    is(xp($doc, "/page/catalogue/category[\@slug='accounts']/service[\@slug='$p-laptop']/name"), 'Laptop loan',
        'in its new category');
    is(sql_value("SELECT COUNT(*) FROM ticket_service_tiers WHERE service_id = $id"), 0, 'tiers gone');
    is(sql_value("SELECT category_id FROM ticket_services WHERE id = $id"), 2, 'category');
    my @a = tka_audit('ticket_service.update', 'ticket_service', $id);
    is(scalar @a, 1, 'audited');
    like($a[0]{before}, qr/"name_de":"Leihgerät"/, 'before');
    like($a[0]{after}, qr/"name_de":"Leihnotebook"/, 'after');

    (undef, $res) = tka_post($admin, "/tickets/admin/services/$id", [slug => "$p-laptop", category => 2,
        name_en => 'Laptop loan', name_de => 'Leihnotebook', type => 'request', group => 2, impact => 3,
        urgency => 1, audience => 'customer', position => '']);
    is($res->code, 303, 'deactivated: 303');
    is(in_catalogue($carl, "$p-laptop"), 0, 'hidden from the catalogue');
    is($carl->get("/tickets/new/$p-laptop")->code, 404, 'its form too');
    ($doc) = $admin->get_xml('/tickets/admin/');
    is(xp($doc, "//service[\@slug='$p-laptop']/\@active"), '0', 'listed as inactive for the admin');
};

subtest 'delete or deactivate' => sub {
    my $empty = tka_service($admin, 'empty');
    tka_field($admin, $empty, 'note');
    my (undef, $res) = tka_post($admin, "/tickets/admin/services/$empty/delete", []);
    is($res->code, 303, 'without tickets: 303');
    is(location_path($res), '/tickets/admin/?deleted=1', 'to the list');
    ok(!sql_value("SELECT id FROM ticket_services WHERE id = $empty"), 'deleted');
    is(sql_value("SELECT COUNT(*) FROM ticket_fields WHERE service_id = $empty"), 0, 'with its form');
    is(scalar(tka_audit('ticket_service.delete', 'ticket_service', $empty)), 1, 'audited');

    my $used = tka_service($admin, 'used');
    tk_raise($carl, "$p-used", [subject => 'Please', description => 'Thanks']);
    (undef, $res) = tka_post($admin, "/tickets/admin/services/$used/delete", []);
    is($res->code, 303, 'with a ticket: 303');
    is(location_path($res), '/tickets/admin/?deactivated=1', 'to the list, saying so');
    is(sql_value("SELECT active FROM ticket_services WHERE id = $used"), 0, 'deactivated, not deleted');
    is(scalar(tka_audit('ticket_service.deactivate', 'ticket_service', $used)), 1, 'audited');
    my ($doc) = $admin->get_xml('/tickets/admin/?deactivated=1');
    is(xp($doc, "/page/messages/message[\@kind='info']/\@key"), 'tickets.admin.service.deactivated', 'the list says why');
};

done_testing;
