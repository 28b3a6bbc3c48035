# An instance's page (/admin/processes/instances/<id>, issue 14): the
# drawing of its version as inline SVG with the elements its tokens stand
# on highlighted and the path taken shaded, its variables, its history
# (element, started, ended, duration, who), its open task and its
# incidents; the data as ?format=xml and the HTML without script.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::Processes;

my $c = or_client('admin@portico.example');
my $key = 't284-' . unique_tag();
my ($doc, $res) = pa_upload($c, "$key.bpmn", model_xml(key => $key, name => 'Check a claim'));
is($res->code, 303, 'deployed');
my $def = definition_of($key, 1)->{id};
my $agent = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");

my $inst = add_instance(definition => $def, key => 'CLAIM-284', org => PA_ACME,
    started => 'UTC_TIMESTAMP(6) - INTERVAL 2 HOUR');
add_history($inst, 'start', kind => 'startEvent', started => 'UTC_TIMESTAMP(6) - INTERVAL 2 HOUR',
    ended => 'UTC_TIMESTAMP(6) - INTERVAL 2 HOUR', outcome => 'correlated');
add_history($inst, 'look', kind => 'userTask', started => 'UTC_TIMESTAMP(6) - INTERVAL 2 HOUR',
    ended => undef);
my $token = add_token($inst, 'look');
my $task = add_task($inst, $token, 'look', name => 'Look at it');
add_variable($inst, 'amount', 'number', '1250');
add_variable($inst, 'customer', 'string', '<b>Acme</b>');
my $incident = add_incident($inst, 'look', 'mail.send failed: no such template');

($doc, $res) = $c->get_xml("/admin/processes/instances/$inst");
is($res->code, 200, 'the page: 200');
my $i = '/page/instance';
is(xp($doc, "$i/\@state"), 'running', 'its state');
is(xp($doc, "$i/\@business-key"), 'CLAIM-284', 'its business key');
is(xp($doc, "$i/\@org"), 'Acme Industrial Ltd', 'its organisation');
is(xp($doc, "$i/\@name"), 'Check a claim', 'its process');
is(xp($doc, "$i/\@version"), 1, 'and version');
is_deeply([xp_list($doc, "$i/tokens/token/\@element")], ['look'], 'the active element');
is(xp($doc, "$i/tokens/token/\@name"), 'Look at it', 'by its name');
is(xp($doc, "$i/variables/variable[\@name='amount']"), '1250', 'a variable');
is(xp($doc, "$i/variables/variable[\@name='amount']/\@type"), 'number', 'with its type');
is_deeply([xp_list($doc, "$i/history/step/\@element")], ['start', 'look'], 'the history, oldest first');
is(xp($doc, "$i/history/step[1]/\@outcome"), 'correlated', 'with the outcome');
ok(xp($doc, "$i/history/step[1]/\@ended"), 'the start ended');
is(xp($doc, "$i/history/step[2]/\@ended"), '', 'the task has not');
cmp_ok(xp($doc, "$i/history/step[2]/\@seconds"), '>=', 7190, 'its duration so far');
is(xp($doc, "$i/tasks/task/\@id"), $task, 'the open task');
is(xp($doc, "$i/tasks/task/\@roles"), 'agent', 'offered to its roles');
is(xp($doc, "$i/incidents/incident/\@id"), $incident, 'the incident');
is(xp($doc, "$i/incidents/incident"), 'mail.send failed: no such template', 'with its message');

# The drawing: SVG in the page, the token's element active, the path taken shaded.
my $xc = XML::LibXML::XPathContext->new($doc);
$xc->registerNs(s => 'http://www.w3.org/2000/svg');
my ($svg) = $xc->findnodes("$i/drawing/s:svg");
ok($svg, 'the drawing is SVG') or BAIL_OUT('no drawing');
like($svg->getAttribute('viewBox') // '', qr/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/, 'with a viewBox');
is($xc->findvalue('s:title', $svg), 'Check a claim', 'titled with the process');
like($xc->findvalue('s:desc', $svg), qr/Waiting at: Look at it/, 'described by where it waits');
is($svg->getAttribute('aria-describedby'), $xc->findvalue('s:desc/@id', $svg), 'which the drawing names');
like($xc->findvalue('//s:g[@data-element="look"]/@class', $svg), qr/\bfl-active\b/, 'the task is highlighted');
like($xc->findvalue('//s:g[@data-element="start"]/@class', $svg), qr/\bfl-taken\b/, 'the start is shaded');
like($xc->findvalue('//s:g[@data-element="f1"]/@class', $svg), qr/\bfl-taken\b/, 'the flow taken is shaded');
unlike($xc->findvalue('//s:g[@data-element="f2"]/@class', $svg), qr/\bfl-taken\b/, 'the flow ahead is not');
unlike($xc->findvalue('//s:g[@data-element="done"]/@class', $svg), qr/\bfl-(taken|active)\b/, 'nor the end');

# The HTML: inline SVG in its scrolling region, no script needed, text escaped.
my $html = $c->get("/admin/processes/instances/$inst")->decoded_content;
like($html, qr{<div class="pa-drawing" role="region" tabindex="0" aria-labelledby="drawing-title"><svg[^>]*xmlns="http://www.w3.org/2000/svg"},
    'the drawing inline, in a region');
like($html, qr{&lt;b&gt;Acme&lt;/b&gt;}, 'a variable\'s text escaped');
unlike($html, qr{<b>Acme</b>}, 'never as markup');
like($html, qr{<form method="post" action="/admin/processes/instances/$inst/incidents/$incident/retry"},
    'the incident can be retried');
like($html, qr{<form method="post" action="/admin/processes/instances/$inst/suspend"}, 'the instance suspended');
like($html, qr{<form method="post" action="/admin/processes/instances/$inst/cancel"}, 'or cancelled');

# The process page counts it: one token on the task, passed counts from history.
($doc, $res) = $c->get_xml("/admin/processes/process/$key");
is($res->code, 200, 'the process page');
is_deeply([xp_list($doc, '/page/process/shown/elements/element/@id')], [qw(start look done)],
    'its elements in the order of the model');
is(xp($doc, '/page/process/shown/elements/element[@id="look"]/@tokens'), 1, 'one waiting at the task');
is(xp($doc, '/page/process/shown/elements/element[@id="start"]/@passed'), 1, 'the start passed once');
is(xp($doc, '/page/process/versions/version[@number="1"]/@running'), 1, 'version 1 has one running');
$xc = XML::LibXML::XPathContext->new($doc);
$xc->registerNs(s => 'http://www.w3.org/2000/svg');
is($xc->findvalue('//s:g[@class="fl-badge"][@data-element="look"]/s:text'), '1', 'a badge on the task');
($doc) = $c->get_xml("/admin/processes/version/$def?badges=passed");
$xc = XML::LibXML::XPathContext->new($doc);
$xc->registerNs(s => 'http://www.w3.org/2000/svg');
is($xc->findvalue('//s:g[@class="fl-badge"][@data-element="start"]/s:text'), '1', 'passed counts as badges');
is(xp($doc, '/page/process/shown/@badges'), 'passed', 'when asked');

done_testing();
