# Suspend, resume, cancel and retry on an instance's page (issue 14): each
# is a POST with the token that writes the command flowd takes (one
# flow_commands row in the transaction of its audit row), answers 303 to
# the page, which then says it is being done; what the state does not
# allow, or what is asked already, is 409 with the reason and writes
# nothing.  When portico-flowd runs in the stack, it carries the command
# out within a moment.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Processes;

my $c = or_client('admin@portico.example');
my $admin = sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'");
my $key = 't285-' . unique_tag();
my (undef, $res) = pa_upload($c, "$key.bpmn", model_xml(key => $key));
is($res->code, 303, 'deployed');
my $def = definition_of($key, 1)->{id};
# Does portico-flowd run in this stack?  Then it takes the 'deployed' command within a moment.
my $flowd = wait_until(3, sub {
    sql_value("SELECT COUNT(*) FROM flow_commands WHERE kind = 'deployed' AND definition_id = $def") == 0 });
diag($flowd ? 'portico-flowd carries the commands out' : 'no portico-flowd: the commands stay');

sub commands {
    my ($inst, $incident) = @_;
    return sql_rows('SELECT kind, instance_id, incident_id, user_id FROM flow_commands WHERE instance_id = '
        . $inst . (defined $incident ? " OR incident_id = $incident" : '') . ' ORDER BY id');
}

sub control {
    my ($path) = @_;
    return $c->post($path, [csrf => or_csrf($c)], Accept => 'application/xml');
}

my $inst = add_instance(definition => $def, key => 'C285');
add_token($inst, 'look');
my $base = "/admin/processes/instances/$inst";

# Suspend a running instance.
$res = control("$base/suspend");
is($res->code, 303, 'suspend: 303');
is(location_path($res), "$base?asked=suspend", 'back to the page');
my $cmds = commands($inst);
SKIP: {
    skip 'portico-flowd took the command already', 3 if $flowd && !@$cmds;
    is(scalar @$cmds, 1, 'one command');
    is_deeply($cmds->[0], ['suspend', $inst, undef, $admin], 'suspend, of the instance, by the admin');
    my ($doc) = $c->get_xml("$base?asked=suspend");
    is(xp($doc, '/page/instance/commands/command/@kind'), 'suspend', 'the page says it is being done');
}
my @audit = audit_of('process.instance.suspend', 'flow_instance', $inst);
is(scalar @audit, 1, 'an audit row');
is($audit[0]{user}, $admin, 'by the admin');

if ($flowd) {
    ok(wait_until(5, sub { sql_value("SELECT state FROM flow_instances WHERE id = $inst") eq 'suspended' }),
        'flowd suspends it');
} else {
    $res = control("$base/suspend");
    is($res->code, 409, 'suspending again while it is being done: 409');
    my $doc = xml_of($res);
    is(xp($doc, '/page/messages/message/@key'), 'processes.instance.already', 'says it is asked already');
    is(scalar @{ commands($inst) }, 1, 'no second command');
    # What flowd does with it: the instance suspended, the command gone.
    sql("UPDATE flow_instances SET state = 'suspended' WHERE id = $inst");
    sql("DELETE FROM flow_commands WHERE instance_id = $inst");
}

$res = control("$base/suspend");
is($res->code, 409, 'suspending a suspended instance: 409');
is(xp(xml_of($res), '/page/messages/message/@key'), 'processes.instance.not.suspend', 'says why');
is(scalar @{ commands($inst) }, 0, 'nothing asked');

$res = control("$base/resume");
is($res->code, 303, 'resume: 303');
if ($flowd) {
    ok(wait_until(5, sub { sql_value("SELECT state FROM flow_instances WHERE id = $inst") eq 'running' }),
        'flowd resumes it');
} else {
    is_deeply(commands($inst)->[0], ['resume', $inst, undef, $admin], 'the resume command');
    sql("UPDATE flow_instances SET state = 'running' WHERE id = $inst");
    sql("DELETE FROM flow_commands WHERE instance_id = $inst");
}
$res = control("$base/resume");
is($res->code, 409, 'resuming a running instance: 409');
is(xp(xml_of($res), '/page/messages/message/@key'), 'processes.instance.not.resume', 'says why');

# Retry an incident: its own command; not one that is resolved, nor one of another instance.
my $other = add_instance(definition => $def, key => 'C285-other');
my $foreign = add_incident($other, 'look', 'elsewhere');
my $incident = add_incident($inst, 'look', 'mail.send failed');
$res = control("$base/incidents/$foreign/retry");
is($res->code, 409, 'retrying another instance\'s incident here: 409');
is(scalar @{ commands($inst, $foreign) }, 0, 'nothing asked');
$res = control("$base/incidents/$incident/retry");
is($res->code, 303, 'retry: 303');
$cmds = commands($inst, $incident);
SKIP: {
    skip 'portico-flowd took the command already', 1 if $flowd && !@$cmds;
    is_deeply($cmds->[0], ['retry', undef, $incident, $admin], 'retry, of the incident');
}
@audit = audit_of('process.instance.retry', 'flow_instance', $inst);
like($audit[0]{after} // '', qr/"incident":$incident/, 'audited with the incident');
unless ($flowd) {
    sql("UPDATE flow_incidents SET resolved_at = UTC_TIMESTAMP(6), resolution = 'retried' WHERE id = $incident");
    sql("DELETE FROM flow_commands WHERE incident_id = $incident");
    $res = control("$base/incidents/$incident/retry");
    is($res->code, 409, 'retrying a resolved incident: 409');
    is(xp(xml_of($res), '/page/messages/message/@key'), 'processes.instance.not.retry', 'says why');
}

# Cancel.
$res = control("$base/cancel");
is($res->code, 303, 'cancel: 303');
if ($flowd) {
    ok(wait_until(5, sub { sql_value("SELECT state FROM flow_instances WHERE id = $inst") eq 'cancelled' }),
        'flowd cancels it');
} else {
    is_deeply(commands($inst)->[0], ['cancel', $inst, undef, $admin], 'the cancel command');
    sql("UPDATE flow_instances SET state = 'cancelled', ended_at = UTC_TIMESTAMP(6) WHERE id = $inst");
    sql("DELETE FROM flow_commands WHERE instance_id = $inst");
}
$res = control("$base/cancel");
is($res->code, 409, 'cancelling an ended instance: 409');
is(xp(xml_of($res), '/page/messages/message/@key'), 'processes.instance.not.cancel', 'says why');
my $html = $c->get($base)->decoded_content;
unlike($html, qr{action="\Q$base\E/(suspend|resume|cancel)"}, 'an ended instance offers no controls');

# A command flowd could not carry out is shown with its error.
my $failed = add_instance(definition => $def, key => 'C285-failed');
sql("INSERT INTO flow_commands (kind, instance_id, user_id, created_at, failed_at, error) VALUES"
    . " ('suspend', $failed, $admin, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 'no such instance state')");
my ($doc) = $c->get_xml("/admin/processes/instances/$failed");
is(xp($doc, '/page/instance/commands/command/@error'), 'no such instance state', 'a failed command with its error');

done_testing();
