package Portico::Processes;
# Process administration from the tests (issue 14): small BPMN models to
# deploy.
use strict;
use warnings;
use Exporter 'import';
use File::Spec;
use File::Temp qw(tempdir);
use Portico::Test qw(sql sql_value sql_quote repo_dir);

our @EXPORT = qw(model_xml model_file fixture_bpmn definition_of);

# model_xml(key => K, name => N, name_de => D, task => T): a model of
# process K: a message start event ("K.start"), a user task T offered to
# the provider's agents, an end event, with its diagram.
sub model_xml {
    my (%o) = @_;
    my $key = $o{key} // die 'model_xml: key';
    my $name = $o{name} // "Test process $key";
    my $de = defined $o{name_de} ? qq{ portico:name-de="$o{name_de}"} : '';
    my $task = $o{task} // 'Look at it';
    return <<"XML";
<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
    xmlns:portico="https://portico.example/bpmn" id="defs_$key" targetNamespace="https://portico.example/test">
  <bpmn:message id="msg_start" name="$key.start"/>
  <bpmn:process id="$key" name="$name"$de isExecutable="true">
    <bpmn:startEvent id="start" name="Asked">
      <bpmn:outgoing>f1</bpmn:outgoing>
      <bpmn:messageEventDefinition messageRef="msg_start"/>
    </bpmn:startEvent>
    <bpmn:userTask id="look" name="$task" portico:name-de="Ansehen" portico:candidateRoles="agent" portico:orgScope="provider">
      <bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="done" name="Done">
      <bpmn:incoming>f2</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="look"/>
    <bpmn:sequenceFlow id="f2" sourceRef="look" targetRef="done"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="$key">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="look_di" bpmnElement="look"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="370" y="100" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118"/><di:waypoint x="370" y="118"/></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
XML
}

my $TMP;

# model_file(NAME, XML): XML (characters, written as UTF-8) in a temporary
# file NAME; its path.
sub model_file {
    my ($name, $xml) = @_;
    utf8::encode($xml) if utf8::is_utf8($xml);
    $TMP //= tempdir('portico-bpmn-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    my $path = File::Spec->catfile($TMP, $name);
    open(my $fh, '>:raw', $path) or die "cannot write $path: $!";
    print $fh $xml;
    close $fh;
    return $path;
}

# fixture_bpmn(NAME): the path of t/unit/fixtures/bpmn/NAME (the samples
# of ../shared/bpmn-samples the tests use).
sub fixture_bpmn {
    return File::Spec->catfile(repo_dir(), 't', 'unit', 'fixtures', 'bpmn', $_[0]);
}

# definition_of(KEY, VERSION): { id, name, name_de, sha256, file_name,
# deployed_by, bytes } of that version, or undef.
sub definition_of {
    my ($key, $version) = @_;
    my $r = sql('SELECT id, name, name_de, sha256, file_name, deployed_by, LENGTH(xml)'
        . ' FROM flow_definitions WHERE process_key = ' . sql_quote($key)
        . ' AND version = ' . int($version));
    return undef unless @$r;
    my %d;
    @d{qw(id name name_de sha256 file_name deployed_by bytes)} = @{ $r->[0] };
    return \%d;
}

1;
