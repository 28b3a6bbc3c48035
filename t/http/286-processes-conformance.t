# Conformance through the admin page (issue 14, item 5): the bpmn-js test
# models of ../shared/bpmn-samples (copied to t/unit/fixtures/bpmn/, see
# its README) uploaded on /admin/processes/.  The valid ones the engine
# can run are deployed and drawn; the valid ones outside the supported
# subset are refused with a message naming the element, its id and its
# line; the import-error-* ones, which its README says must be refused,
# are refused for their broken reference.  Nothing refused is stored.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Digest::SHA qw(sha256_hex);
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::Processes;

my %want = (
    'simple.bpmn' => undef,
    'import-process.bpmn' => undef,
    'boundary-events.bpmn' =>
        'line 13: boundaryEvent "BoundaryEvent_1" has no event definition (timer, message or error)',
    'draw-conditional-flow-default.bpmn' =>
        'line 16: inclusiveGateway "sid-1D5E8A2E-CCF0-4408-8C11-2BE2020AF37E" is not supported (see the supported subset in bpmn.c)',
    'draw-events.bpmn' =>
        'line 8: messageEventDefinition "sid-40ee6314-63d0-4452-8f33-f345b9f70a96" of startEvent "StartEvent_2" names no message (messageRef)',
    'draw-xor.bpmn' =>
        'line 12: exclusiveGateway "sid-81AA9CF4-08E7-4B17-B1FF-8479FD9E24EA" is never reached (no incoming sequence flow)',
    'import-boundaryEvent.bpmn' =>
        'line 5: boundaryEvent "BoundaryEvent_1" has no event definition (timer, message or error)',
    'draw-gateways.bpmn' =>
        'line 11: inclusiveGateway "InclusiveGateway_1" is not supported (see the supported subset in bpmn.c)',
    'draw-task-types.bpmn' =>
        'line 11: sendTask "sid-DC73E8B3-54C4-44E3-A172-E10E072A37CF" names no portico:action',
    'import-collaboration.bpmn' =>
        'line 5: participant "Participant_1" is a second pool: Portico runs one process per model',
    'import-error-boundaryEvent-missingAttachToRef.bpmn' =>
        'line 5: boundaryEvent "BoundaryEvent_1" is attached to nothing (no attachedToRef)',
    'import-error-invalid-flow-element.bpmn' =>
        'line 10: flowNodeRef of lane "Lane_1" names "TextAnnotation_1", which is no flow node of the process',
    'import-error-multiple-dis.bpmn' =>
        'line 19: BPMNShape "_BPMNShape_InclusiveGateway_3" is a second diagram element for inclusiveGateway "InclusiveGateway_1"',
);

my $c = or_client('admin@portico.example');
for my $file (sort keys %want) {
    my $bytes = do { local $/; open(my $fh, '<:raw', fixture_bpmn($file)) or die "$file: $!"; <$fh> };
    my $sha = sha256_hex($bytes);
    my ($doc, $res) = pa_upload($c, $file, $bytes);
    my $row = sql_value("SELECT id FROM flow_definitions WHERE sha256 = '$sha'");
    if (!defined $want{$file}) {
        is($res->code, 303, "$file is deployed");
        ok($row, "$file: stored");
        like(location_path($res) // '', qr{^/admin/processes/version/$row\?(deployed|unchanged)=1$}, "$file: its page");
        my ($page, $r) = $c->get_xml("/admin/processes/version/$row");
        is($r->code, 200, "$file: its page opens");
        my $xc = XML::LibXML::XPathContext->new($page);
        $xc->registerNs(s => 'http://www.w3.org/2000/svg');
        ok($xc->findvalue('count(/page/process/shown/drawing/s:svg//s:g[contains(@class, "fl-el")])') > 3,
            "$file: drawn from its diagram");
    } else {
        is($res->code, 422, "$file is refused");
        is(xp($doc, '/page/refusal'), $want{$file}, "$file: with the element, its id and its line");
        is($row, undef, "$file: not stored");
    }
}

done_testing();
