# The admin pages with portico-flowd running (issue 14): an instance the
# engine started shows where it waits, its history and its task; suspend,
# resume and cancel on its page are carried out by the engine within a
# moment, and the page shows the new state.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Processes;

my $c = or_client('admin@portico.example');
my $key = 't287-' . unique_tag();
my (undef, $res) = pa_upload($c, "$key.bpmn", model_xml(key => $key, name => 'Check a claim'));
is($res->code, 303, 'deployed');
my $def = definition_of($key, 1)->{id};
ok(wait_until(5, sub {
    sql_value("SELECT COUNT(*) FROM flow_commands WHERE kind = 'deployed' AND definition_id = $def") == 0 }),
    'portico-flowd took the deployed command') or BAIL_OUT('portico-flowd does not run in this stack');

# A worker's message starts it (the model's message start event).
sql("INSERT INTO flow_commands (kind, message, business_key, variables, created_at) VALUES ('message',"
    . " '$key.start', 'LIVE-287', '{\"amount\":1250}', UTC_TIMESTAMP(6))");
my $inst;
ok(wait_until(5, sub { $inst = sql_value("SELECT id FROM flow_instances WHERE definition_id = $def"
    . " AND business_key = 'LIVE-287'") }), 'the engine started an instance');
ok(wait_until(5, sub { sql_value("SELECT COUNT(*) FROM flow_tasks WHERE instance_id = $inst AND state = 'open'") }),
    'and made its user task');

my ($doc) = $c->get_xml("/admin/processes/instances/$inst");
is(xp($doc, '/page/instance/@state'), 'running', 'the page: running');
is_deeply([xp_list($doc, '/page/instance/tokens/token/@element')], ['look'], 'waiting at the task');
is_deeply([xp_list($doc, '/page/instance/history/step/@element')], ['start', 'look'], 'its history');
is(xp($doc, '/page/instance/variables/variable[@name="amount"]'), '1250', 'the message\'s variable');
is(xp($doc, '/page/instance/tasks/task/@element'), 'look', 'the open task');
($doc) = $c->get_xml("/admin/processes/process/$key");
is(xp($doc, '/page/process/shown/elements/element[@id="look"]/@tokens'), 1, 'the process page counts it');

sub act {
    my ($what, $state) = @_;
    my $res = $c->post("/admin/processes/instances/$inst/$what", [csrf => or_csrf($c)]);
    is($res->code, 303, "$what: 303");
    ok(wait_until(2, sub { sql_value("SELECT state FROM flow_instances WHERE id = $inst") eq $state }),
        "the engine made it $state");
    is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE instance_id = $inst"), 0, 'the command is done');
    my ($d) = $c->get_xml("/admin/processes/instances/$inst");
    is(xp($d, '/page/instance/@state'), $state, "the page says $state");
    is(xp_count($d, '/page/instance/commands/command'), 0, 'and nothing is being done any more');
}

act('suspend', 'suspended');
act('resume', 'running');
act('cancel', 'cancelled');
is(sql_value("SELECT state FROM flow_tasks WHERE instance_id = $inst"), 'cancelled', 'its task cancelled');
my $html = $c->get("/admin/processes/instances/$inst")->decoded_content;
unlike($html, qr{action="/admin/processes/instances/$inst/(suspend|resume|cancel)"}, 'no controls any more');

done_testing();
