# Who may open the administration of the service catalogue: every page
# and every write answers the admin and the manager (tickets.admin), 403
# to an agent, a customer and a partner, and sends an anonymous reader to
# sign in (a write without a session is refused).  A write without the
# CSRF token is refused with 403 and changes nothing.  Unknown ids are 404.
# The navigation offers the pages exactly to those who may open them.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::TicketsAdmin;

my @GETS = qw(
    /tickets/admin/ /tickets/admin/services/new /tickets/admin/services/1
    /tickets/admin/services/1/form /tickets/admin/services/1/fields/new
    /tickets/admin/services/1/fields/1 /tickets/admin/services/1/preview
    /tickets/admin/categories /tickets/admin/categories/new /tickets/admin/categories/1
    /tickets/admin/groups /tickets/admin/groups/new /tickets/admin/groups/1
    /tickets/admin/priorities
);
# Writes, each with a form that would change something if it were let through.
my @POSTS = (
    ['/tickets/admin/services/new', [slug => tka_prefix() . '-x', name_en => 'X', name_de => 'X']],
    ['/tickets/admin/services/1', [slug => 'printer-fault', name_en => 'Changed', name_de => 'Geändert']],
    ['/tickets/admin/services/1/delete', []],
    ['/tickets/admin/services/1/fields/new', [kind => 'text', name => 'x', label_en => 'X', label_de => 'X']],
    ['/tickets/admin/services/1/fields/1', [kind => 'text', name => 'serial', label_en => 'X', label_de => 'X']],
    ['/tickets/admin/services/1/fields/1/move', [direction => 'down']],
    ['/tickets/admin/services/1/fields/1/remove', []],
    ['/tickets/admin/services/1/fields/1/restore', []],
    ['/tickets/admin/services/1/preview', [subject => 'S', description => 'D']],
    ['/tickets/admin/categories/new', [slug => tka_prefix() . '-y', name_en => 'Y', name_de => 'Y']],
    ['/tickets/admin/categories/1', [slug => 'devices', name_en => 'Changed', name_de => 'Geändert']],
    ['/tickets/admin/categories/1/delete', []],
    ['/tickets/admin/categories/1/move', [direction => 'down']],
    ['/tickets/admin/groups/new', [slug => tka_prefix() . '-z', name => 'Z']],
    ['/tickets/admin/groups/1', [slug => 'service-desk', name => 'Changed']],
    ['/tickets/admin/groups/1/delete', []],
    ['/tickets/admin/priorities', [map { ("p-$_" => '5') } qw(1-1 1-2 1-3 2-1 2-2 2-3 3-1 3-2 3-3)]],
);

# What the writes above would change, to prove nothing did.
my $state_sql = 'SELECT CONCAT_WS("|",'
    . ' (SELECT GROUP_CONCAT(CONCAT(id, s.slug, active, position) ORDER BY id) FROM ticket_services s),'
    . ' (SELECT GROUP_CONCAT(CONCAT(service_id, name, active, position) ORDER BY id) FROM ticket_fields),'
    . ' (SELECT GROUP_CONCAT(CONCAT(id, slug, position) ORDER BY id) FROM ticket_categories),'
    . ' (SELECT GROUP_CONCAT(CONCAT(category_id, lang, name) ORDER BY category_id, lang) FROM ticket_category_texts),'
    . ' (SELECT GROUP_CONCAT(CONCAT(service_id, lang, name) ORDER BY service_id, lang) FROM ticket_service_texts),'
    . ' (SELECT GROUP_CONCAT(CONCAT(id, slug, name, active) ORDER BY id) FROM ticket_groups),'
    . ' (SELECT GROUP_CONCAT(priority ORDER BY impact, urgency) FROM ticket_priority_matrix))';
my $state = sql_value($state_sql);
my $audits = sub { sql_value("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'ticket\\_%'") };
my $audit_before = $audits->();

for my $who (qw(admin@portico.example manager@portico.example)) {
    subtest "$who opens every page" => sub {
        my $c = tka_client($who);
        for my $p (@GETS) {
            my ($doc, $res) = $c->get_xml($p);
            is($res->code, 200, "$p: 200");
            like(xp($doc, '/page/@view'), qr/^admin-/, "$p: an admin view");
        }
        my ($doc) = $c->get_xml('/tickets/admin/');
        is(xp_count($doc, '/page/nav/section[@name="admin"]/link[@href="/tickets/admin/"][@current="1"]'), 1,
            'the navigation offers the catalogue\'s administration, marked current');
        is(xp($doc, '/page/nav/section[@name="admin"]/@current'), '1', 'in the administration section');
    };
}

for my $who (qw(agent@portico.example carl@acme.example anna.admin@acme.example paula@northwind.example
    editor@portico.example)) {
    subtest "$who may not" => sub {
        my $c = tka_client($who);
        for my $p (@GETS) {
            is($c->get($p)->code, 403, "GET $p: 403");
        }
        for my $w (@POSTS) {
            my (undef, $res) = tka_post($c, $w->[0], $w->[1]);
            is($res->code, 403, "POST $w->[0]: 403");
        }
        my ($doc) = $c->get_xml('/');
        is(xp_count($doc, '//link[@href="/tickets/admin/"]'), 0, 'not in the navigation');
        is(xp_count($doc, '/page/start//*[@href="/tickets/admin/"]'), 0, 'no tile on the start page');
    };
}

subtest 'anonymous readers are sent to sign in' => sub {
    my $c = tka_client(undef);
    for my $p (@GETS) {
        my $res = $c->get($p);
        is($res->code, 303, "GET $p: 303");
        is(location_path($res), "/auth/login?next=$p", "$p: to the login with the way back");
    }
    for my $w (@POSTS) {
        my (undef, $res) = tka_post($c, $w->[0], $w->[1]);
        is($res->code, 403, "POST $w->[0] with the anonymous token: 403");
    }
};

subtest 'a write without the CSRF token changes nothing' => sub {
    my $c = tka_client('admin@portico.example');
    for my $w (@POSTS) {
        my ($doc, $res) = tka_post($c, $w->[0], $w->[1], no_csrf => 1);
        is($res->code, 403, "POST $w->[0] without a token: 403");
        my (undef, $res2) = tka_post($c, $w->[0], $w->[1], csrf => 'f' x 64);
        is($res2->code, 403, "POST $w->[0] with a wrong token: 403");
    }
};

is(sql_value($state_sql), $state, 'no write of any refused request reached the database');
is($audits->(), $audit_before, 'and nothing was audited');

subtest 'unknown ids are 404' => sub {
    my $c = tka_client('admin@portico.example');
    for my $p (qw(/tickets/admin/services/999999 /tickets/admin/services/999999/form
        /tickets/admin/services/999999/preview /tickets/admin/services/1/fields/999999
        /tickets/admin/services/2/fields/1 /tickets/admin/categories/999999 /tickets/admin/groups/999999)) {
        is($c->get($p)->code, 404, "GET $p: 404");
    }
    for my $p (qw(/tickets/admin/services/999999/delete /tickets/admin/services/2/fields/1/remove
        /tickets/admin/categories/999999/delete /tickets/admin/groups/999999/delete)) {
        my (undef, $res) = tka_post($c, $p, []);
        is($res->code, 404, "POST $p: 404");
    }
    my (undef, $res) = tka_post($c, '/tickets/admin/categories/1/move', [direction => 'sideways']);
    is($res->code, 400, 'a move without up or down: 400');
};

subtest 'German pages' => sub {
    my $id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");
    my $lang = sql_value("SELECT language FROM users WHERE id = $id");
    sql("UPDATE users SET language = 'de' WHERE id = $id");
    my $c = tka_client('manager@portico.example');
    my $html = $c->get('/tickets/admin/')->decoded_content;
    ok(index($html, '<h1>Servicekatalog</h1>') >= 0, 'the heading in German');
    ok(index($html, 'Geräte &amp; Ausstattung') >= 0, 'category names in German');
    $html = $c->get('/tickets/admin/priorities')->decoded_content;
    ok(index($html, 'Auswirkung: hoch') >= 0, 'the matrix in German');
    sql('UPDATE users SET language = ' . sql_quote($lang) . " WHERE id = $id");
};

done_testing;
