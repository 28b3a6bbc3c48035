# Who opens the process administration (issue 14, admin.processes, the
# provider's staff only): the provider's admin opens every page and finds
# it in the navigation; the manager, an agent and a customer's admin get
# 403 on every page and every control (and no "Processes" link); an
# anonymous visitor is sent to sign in.  A page of an instance or a
# version that does not exist is 404 for the admin.  The list reads in
# English and German.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Processes;

my $def = sql_value("SELECT id FROM flow_definitions WHERE process_key = 'order-approval' AND version = 1");
ok($def, 'order-approval is deployed') or BAIL_OUT('no shipped process');
my $inst = add_instance(definition => $def, key => 'ORD-T281', org => PA_ACME);
my $incident = add_incident($inst, 'approve', 'test incident');

my @pages = ('/admin/processes/', '/admin/processes/process/order-approval', "/admin/processes/version/$def",
    '/admin/processes/instances', "/admin/processes/instances/$inst");
my @posts = ("/admin/processes/instances/$inst/suspend", "/admin/processes/instances/$inst/resume",
    "/admin/processes/instances/$inst/cancel", "/admin/processes/instances/$inst/incidents/$incident/retry");

subtest 'the provider admin' => sub {
    my $c = or_client('admin@portico.example');
    for my $p (@pages) {
        my ($doc, $res) = $c->get_xml($p);
        is($res->code, 200, "$p: 200");
    }
    my ($doc) = $c->get_xml('/');
    is(xp_count($doc, '/page/nav/section[@name="admin"]/link[@href="/admin/processes/"]'), 1,
        'the navigation offers Processes in the administration');
    is(xp($doc, '/page/nav/section[@name="admin"]/link[@href="/admin/processes/"]/@key'), 'nav.processes',
        'named by nav.processes');
    ($doc) = $c->get_xml('/admin/processes/');
    is(xp($doc, '/page/nav/section[@name="admin"]/link[@current="1"]/@href'), '/admin/processes/',
        'and marks it current on the page');
    is($c->get('/admin/processes/instances/999999999')->code, 404, 'an instance that does not exist: 404');
    is($c->get('/admin/processes/version/999999999')->code, 404, 'a version that does not exist: 404');
    is($c->get('/admin/processes/process/no-such-process')->code, 404, 'a process that does not exist: 404');
    is($c->post("/admin/processes/instances/999999999/suspend", [csrf => or_csrf($c)])->code, 404,
        'suspending one that does not exist: 404');
    my $res = $c->post("/admin/processes/instances/$inst/suspend", [csrf => 'x' x 64]);
    is($res->code, 403, 'a control without the session\'s token: 403');
    is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE instance_id = $inst"), 0, 'and nothing asked');
};

for my $who ('manager@portico.example', 'agent@portico.example', 'anna.admin@acme.example',
    'carl@acme.example') {
    subtest "$who may not" => sub {
        my $c = or_client($who);
        for my $p (@pages) {
            is($c->get($p)->code, 403, "$p: 403");
        }
        my $token = or_csrf($c);
        for my $p (@posts) {
            is($c->post($p, [csrf => $token])->code, 403, "POST $p: 403");
        }
        my ($doc, $res) = pa_upload($c, 'x.bpmn', model_xml(key => 't281-' . unique_tag()));
        is($res->code, 403, 'an upload: 403');
        ($doc) = $c->get_xml('/');
        is(xp_count($doc, '//link[@href="/admin/processes/"]'), 0, 'no Processes in the navigation');
    };
}
is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE instance_id = $inst OR incident_id = $incident"), 0,
    'none of them asked the engine anything');

subtest 'anonymous' => sub {
    my $c = or_client(undef);
    for my $p (@pages) {
        my $res = $c->get($p);
        is($res->code, 303, "$p: sent away");
        like($res->header('Location') // '', qr{/auth/login}, 'to sign in');
    }
};

subtest 'in German' => sub {
    my $c = or_client('admin@portico.example');
    is($c->post('/auth/language', [lang => 'de', csrf => or_csrf($c), next => '/'])->code, 303,
        'the admin reads German');
    my $html = $c->get('/admin/processes/')->decoded_content;
    like($html, qr{<h1>Prozesse</h1>}, 'the heading');
    like($html, qr{Freigabe über dem Budget}, 'the process by its German name');
    like($html, qr{Ein Modell bereitstellen}, 'the upload form');
    is($c->post('/auth/language', [lang => 'en', csrf => or_csrf($c), next => '/'])->code, 303,
        'and English again');
    my $en = $c->get('/admin/processes/')->decoded_content;
    like($en, qr{Order approval above budget}, 'in English by its English name');
};

done_testing();
