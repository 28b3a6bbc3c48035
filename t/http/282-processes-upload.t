# Uploading a model on /admin/processes/ (issue 14): a new one is deployed
# as version 1 by the signed-in admin (row, audit row, the 'deployed'
# command) and the page says so; the same file again changes nothing; a
# changed one becomes version 2; a refused one shows the form again (422)
# with the validator's reason naming element, id and line, and writes
# nothing; no file, a file over 2 MiB and a missing token are refused too.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Encode ();
use HTTP::Request::Common ();
use Test::More;
use Portico::Test;
use Portico::Processes;

my $c = or_client('admin@portico.example');
my $admin = sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'");
my $key = 't282-' . unique_tag();
my $xml = model_xml(key => $key, name => 'Check a claim', name_de => 'Anspruch prüfen');

my ($doc, $res) = pa_upload($c, "$key.bpmn", $xml);
is($res->code, 303, 'a new model: 303');
my $d1 = definition_of($key, 1);
ok($d1, 'deployed as version 1') or BAIL_OUT('not deployed');
is(location_path($res), "/admin/processes/version/$d1->{id}?deployed=1", 'to its version\'s page');
is($d1->{deployed_by}, $admin, 'deployed by the admin');
is($d1->{file_name}, "$key.bpmn", 'the uploaded file\'s name');
is($d1->{bytes}, length(Encode::encode_utf8($xml)), 'the document as uploaded');
my @audit = audit_of('process.deploy', 'flow_definition', $d1->{id});
is(scalar @audit, 1, 'one audit row');
is($audit[0]{user}, $admin, 'by the admin');
like($audit[0]{after}, qr/"process_key":"\Q$key\E","version":1/, 'naming key and version');
ok(wait_until(5, sub {
    sql_value("SELECT COUNT(*) FROM flow_commands WHERE kind = 'deployed' AND definition_id = $d1->{id}"
        . " AND user_id = $admin AND failed_at IS NULL")
    || sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE definition_id = $d1->{id} AND instance_id IS NULL") }),
    "the 'deployed' command (pending, or taken by flowd: the start event subscribed)");

($doc, $res) = $c->get_xml(location_path($res));
is($res->code, 200, 'the version\'s page');
is(xp($doc, '/page/messages/message[@kind="success"]/@key'), 'processes.deployed', 'says it is deployed');
is(xp($doc, '/page/process/@key'), $key, 'of the process');

($doc, $res) = pa_upload($c, "$key.bpmn", $xml);
is($res->code, 303, 'the same file again: 303');
is(location_path($res), "/admin/processes/version/$d1->{id}?unchanged=1", 'to the newest version, unchanged');
is(sql_value("SELECT COUNT(*) FROM flow_definitions WHERE process_key = '$key'"), 1, 'no new version');
is(scalar(my @a2 = audit_of('process.deploy', 'flow_definition', $d1->{id})), 1, 'no new audit row');
($doc) = $c->get_xml(location_path($res));
is(xp($doc, '/page/messages/message/@key'), 'processes.unchanged', 'the page says nothing changed');

($doc, $res) = pa_upload($c, "$key-2.bpmn", model_xml(key => $key, name => 'Check a claim', task => 'Look closely'));
is($res->code, 303, 'a changed model: 303');
my $d2 = definition_of($key, 2);
ok($d2, 'deployed as version 2');
is(location_path($res), "/admin/processes/version/$d2->{id}?deployed=1", 'to version 2');

# Refused: 422, the form again with the reason; nothing written.
my $before = sql_value('SELECT COUNT(*) FROM flow_definitions');
my $bad = do { local $/; open(my $fh, '<:raw', fixture_bpmn('import-error-boundaryEvent-missingAttachToRef.bpmn')) or die; <$fh> };
($doc, $res) = pa_upload($c, 'broken.bpmn', $bad);
is($res->code, 422, 'a refused model: 422');
is(xp($doc, '/page/messages/message[@field="model"]/@key'), 'processes.upload.refused', 'the message at the field');
is(xp($doc, '/page/refusal'), 'line 5: boundaryEvent "BoundaryEvent_1" is attached to nothing (no attachedToRef)',
    'the validator\'s reason: element, id and line');
is(xp($doc, '/page/refusal/@file'), 'broken.bpmn', 'naming the file');
ok(xp_count($doc, '/page/processes/process') >= 4, 'with the list of processes');
is(sql_value('SELECT COUNT(*) FROM flow_definitions'), $before, 'nothing deployed');
my $html = do {
    my $req = HTTP::Request::Common::POST(base_url() . '/admin/processes/', Content_Type => 'form-data',
        Content => [model => [undef, 'broken.bpmn', Content => $bad], csrf => or_csrf($c)]);
    $c->request($req)->decoded_content;
};
like($html, qr{line 5: boundaryEvent &quot;BoundaryEvent_1&quot; is attached to nothing|line 5: boundaryEvent "BoundaryEvent_1" is attached to nothing},
    'the HTML page shows the reason');
like($html, qr{aria-invalid="true"}, 'and marks the field');

($doc, $res) = pa_upload($c, 'not-xml.bpmn', 'this is no XML');
is($res->code, 422, 'not XML: 422');
like(xp($doc, '/page/refusal'), qr/line \d+/, 'with the parser\'s line');

# No file, too large, no token.
my $req = HTTP::Request::Common::POST(base_url() . '/admin/processes/', Content_Type => 'form-data',
    Accept => 'application/xml', Content => [csrf => or_csrf($c)]);
$res = $c->request($req);
$doc = xml_of($res);
is($res->code, 422, 'no file: 422');
is(xp($doc, '/page/messages/message[@field="model"]/@key'), 'processes.upload.none', 'asks for one');

my $big = model_xml(key => $key, name => 'Too big');
$big =~ s{</bpmn:definitions>}{'<!-- ' . ('x' x (2 * 1024 * 1024)) . " -->\n</bpmn:definitions>"}e;
($doc, $res) = pa_upload($c, 'big.bpmn', $big);
is($res->code, 422, 'over 2 MiB: 422');
is(xp($doc, '/page/messages/message[@field="model"]/@key'), 'processes.upload.size', 'says it is too large');
is(xp($doc, '/page/messages/message[@field="model"]/@max'), 2048, 'and the most, in KiB');
is(sql_value("SELECT COUNT(*) FROM flow_definitions WHERE process_key = '$key'"), 2, 'not deployed');

# Past the upload bound of every form ([limits] upload_bytes, 10 MiB): the worker's own 413 page.
my $huge = $big;
$huge =~ s{</bpmn:definitions>}{'<!-- ' . ('y' x (8 * 1024 * 1024 + 400 * 1024)) . " -->\n</bpmn:definitions>"}e;
($doc, $res) = pa_upload($c, 'huge.bpmn', $huge);
is($res->code, 413, 'over 10 MiB: 413');
like($res->decoded_content, qr{<h1>What you sent is too large</h1>}, 'the worker\'s page saying so, not nginx\'s');
is(sql_value("SELECT COUNT(*) FROM flow_definitions WHERE process_key = '$key'"), 2, 'not deployed');

($doc, $res) = pa_upload($c, "$key-3.bpmn", model_xml(key => $key, task => 'Third'), no_csrf => 1);
is($res->code, 403, 'without the token: 403');
is(sql_value("SELECT COUNT(*) FROM flow_definitions WHERE process_key = '$key'"), 2, 'not deployed');

done_testing();
