package Portico::Processes;
# Process administration from the tests (issue 14): small BPMN models to
# deploy, uploads through the admin pages, and instances with their
# tokens, variables, history, tasks and incidents written as rows, as
# portico-flowd writes them (sql/migrations/0050-flow.sql), so that the
# pages can be tested whether or not the engine runs in the stack.
#
# The instances a test makes (and what hangs on them, commands included)
# are deleted when it ends; deployed definitions stay (their keys are the
# test's own).
use strict;
use warnings;
use Exporter 'import';
use File::Spec;
use File::Temp qw(tempdir);
use HTTP::Request::Common ();
use Portico::Test;
use Portico::Orders qw(or_client or_csrf or_errors);

our @EXPORT = qw(model_xml model_file fixture_bpmn definition_of
    pa_upload add_instance add_token add_history add_variable add_task add_incident
    or_client or_csrf or_errors PA_PROVIDER PA_ACME);

use constant { PA_PROVIDER => 1, PA_ACME => 2 };

my @INSTANCES;

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

# pa_upload($client, NAME, BYTES, %o): POST BYTES as the file NAME in the
# upload form (multipart), with the session's token unless no_csrf;
# ($doc, $res) with the page's XML (Accept: application/xml).
sub pa_upload {
    my ($c, $name, $bytes, %o) = @_;
    utf8::encode($bytes) if utf8::is_utf8($bytes);
    my @form = (model => [undef, $name, Content => $bytes, 'Content-Type' => 'application/octet-stream']);
    push @form, csrf => or_csrf($c) unless $o{no_csrf};
    my $req = HTTP::Request::Common::POST(base_url() . '/admin/processes/', Content_Type => 'form-data',
        Accept => 'application/xml', Content => \@form);
    my $res = $c->request($req);
    return (xml_of($res), $res);
}

# add_instance(definition => ID, key => business key, org => ID|undef,
# state => running, started => SQL expression, ended => SQL expression,
# incidents => N, parent => ID): its id.
sub add_instance {
    my (%o) = @_;
    sql('INSERT INTO flow_instances (definition_id, parent_id, business_key, org_id, state, incidents,'
        . ' started_at, ended_at, updated_at) VALUES (' . join(', ', $o{definition} // die('definition'),
            $o{parent} // 'NULL', sql_quote($o{key} // ''), $o{org} // 'NULL',
            sql_quote($o{state} // 'running'), $o{incidents} // 0,
            $o{started} // 'UTC_TIMESTAMP(6)', $o{ended} // 'NULL', 'UTC_TIMESTAMP(6)') . ')');
    my $id = sql_value("SELECT MAX(id) FROM flow_instances WHERE definition_id = $o{definition}");
    push @INSTANCES, $id;
    return $id;
}

# add_token(INSTANCE, ELEMENT): a token waiting there; its id.
sub add_token {
    my ($inst, $element) = @_;
    sql("INSERT INTO flow_tokens (instance_id, element_id, created_at) VALUES ($inst, "
        . sql_quote($element) . ', UTC_TIMESTAMP(6))');
    return sql_value("SELECT MAX(id) FROM flow_tokens WHERE instance_id = $inst");
}

# add_history(INSTANCE, ELEMENT, kind => ..., started => SQL, ended => SQL
# or undef, user => ID, outcome => word): a history row.
sub add_history {
    my ($inst, $element, %o) = @_;
    sql('INSERT INTO flow_history (instance_id, definition_id, element_id, element_kind, user_id,'
        . ' started_at, ended_at, outcome) SELECT id, definition_id, ' . join(', ', sql_quote($element),
            sql_quote($o{kind} // 'task'), $o{user} // 'NULL', $o{started} // 'UTC_TIMESTAMP(6)',
            exists $o{ended} ? $o{ended} // 'NULL' : 'UTC_TIMESTAMP(6)', sql_quote($o{outcome}))
        . " FROM flow_instances WHERE id = $inst");
}

# add_variable(INSTANCE, NAME, TYPE, VALUE)
sub add_variable {
    my ($inst, $name, $type, $value) = @_;
    sql("INSERT INTO flow_variables (instance_id, name, type, value, updated_at) VALUES ($inst, "
        . join(', ', sql_quote($name), sql_quote($type), sql_quote($value), 'UTC_TIMESTAMP(6)') . ')');
}

# add_task(INSTANCE, TOKEN, ELEMENT, name => ..., org => ID, roles => 'agent'): an open user task; its id.
sub add_task {
    my ($inst, $token, $element, %o) = @_;
    sql('INSERT INTO flow_tasks (instance_id, token_id, element_id, name, process_name, org_id,'
        . ' candidate_roles, form, state, created_at) VALUES (' . join(', ', $inst, $token,
            sql_quote($element), sql_quote($o{name} // 'Look at it'), "'Test process'",
            $o{org} // PA_PROVIDER, sql_quote($o{roles} // 'agent'), "'[]'", "'open'",
            'UTC_TIMESTAMP(6)') . ')');
    return sql_value("SELECT MAX(id) FROM flow_tasks WHERE instance_id = $inst");
}

# add_incident(INSTANCE, ELEMENT, MESSAGE): an open incident (the instance's count raised); its id.
sub add_incident {
    my ($inst, $element, $message) = @_;
    sql("INSERT INTO flow_incidents (instance_id, element_id, message, created_at) VALUES ($inst, "
        . sql_quote($element) . ', ' . sql_quote($message) . ', UTC_TIMESTAMP(6))');
    sql("UPDATE flow_instances SET incidents = incidents + 1 WHERE id = $inst");
    return sql_value("SELECT MAX(id) FROM flow_incidents WHERE instance_id = $inst");
}

END {
    if (@INSTANCES) {
        my $ids = join(', ', @INSTANCES);
        eval {
            sql("DELETE FROM flow_commands WHERE instance_id IN ($ids) OR incident_id IN"
                . " (SELECT id FROM flow_incidents WHERE instance_id IN ($ids))"
                . " OR task_id IN (SELECT id FROM flow_tasks WHERE instance_id IN ($ids))");
            sql("DELETE FROM flow_task_candidates WHERE task_id IN (SELECT id FROM flow_tasks WHERE instance_id IN ($ids))");
            sql("DELETE FROM $_ WHERE instance_id IN ($ids)")
                for qw(flow_tasks flow_incidents flow_history flow_variables flow_tokens flow_jobs
                    flow_subscriptions);
            sql("UPDATE flow_instances SET parent_id = NULL WHERE id IN ($ids)");
            sql("DELETE FROM flow_instances WHERE id IN ($ids)");
        };
    }
}

1;
