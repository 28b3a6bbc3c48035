package Portico::Tasks;

# Helpers for the tests of the task inbox (t/http/270-277): user tasks
# made as the engine makes them (sql/migrations/0050, contract 3 of the
# engine's work): a definition of the test's own, an instance per task of
# an organisation, the flow_tasks row and one flow_task_candidates row per
# candidate role; people of the test's own with given roles; signed-in
# clients and forms posted with the session's token.
#
# Tasks made as rows are never completed: flowd finds no token for them
# and opens them again.  ts_flow_task has flowd make a real one, of the
# fixture t/http/fixtures/flow/tasks-form.bpmn, offered to the run's own
# role ts_flow_role() (make it with ts_flow_role_make), and completing it
# runs the process to its end.
#
# What a test makes is deleted when it ends: its commands, candidates,
# tasks, instances and definition.  This module's END runs before
# Portico::OrgAdmin's, which deletes the people.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Portico::Test;
use Portico::OrgAdmin ();
use Portico::Orders qw(or_client or_csrf or_post or_errors);
use Portico::Flow qw(flow_deploy flow_start flow_instance flow_open_task flow_key flow_wait flow_wait_state
    flow_vars flow_history);

our @EXPORT = qw(ts_key ts_task ts_person ts_task_row ts_commands ts_role_id ts_inbox
    ts_instance ts_flow_role ts_flow_role_make ts_flow_task or_client or_csrf or_post or_errors
    flow_wait flow_vars flow_history ACME BERGMANN PROVIDER APPROVAL_FORM);

use constant { PROVIDER => 1, ACME => 2, BERGMANN => 3 };

# The order approval's form (processes/order-approval.bpmn), as flowd writes it.
use constant APPROVAL_FORM => '[{"name":"approved","type":"boolean","label":"Approve the order",'
    . '"label_de":"Bestellung freigeben","required":true},{"name":"comment","type":"text",'
    . '"label":"Comment (required to reject)","label_de":"Kommentar (f\u00fcr eine Ablehnung n\u00f6tig)",'
    . '"required":false}]';

my $KEY = "ts-test-$$";
my ($definition, @instances);

# The process key of the test's definition.
sub ts_key { return $KEY }

sub ts_role_id {
    my ($name) = @_;
    my $id = sql_value('SELECT id FROM roles WHERE name = ' . sql_quote($name));
    croak "no role $name" unless $id;
    return $id;
}

sub _definition {
    return $definition if $definition;
    sql('INSERT INTO flow_definitions (process_key, version, name, name_de, xml, sha256, file_name,'
        . ' deployed_at) VALUES (' . join(', ', sql_quote($KEY), 1, "'Test process $$'",
            "'Testprozess $$'", "'<definitions/>'", sql_quote('0' x 64), "'test.bpmn'",
            'UTC_TIMESTAMP(6)') . ')');
    $definition = sql_value('SELECT id FROM flow_definitions WHERE process_key = ' . sql_quote($KEY));
    return $definition;
}

# A running instance of the test's definition for org (undef: none); its id.
sub ts_instance {
    my (%o) = @_;
    my $def = _definition();
    sql('INSERT INTO flow_instances (definition_id, business_key, org_id, state, started_at, updated_at)'
        . " VALUES ($def, " . sql_quote($o{key} // '') . ', ' . ($o{org} // 'NULL') . ', '
        . sql_quote($o{state} // 'running') . ', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))');
    my $id = sql_value("SELECT MAX(id) FROM flow_instances WHERE definition_id = $def");
    push @instances, $id;
    return $id;
}

# A user task as flowd makes it; returns its id.  Options: org (ACME),
# roles (names; one candidate row each), assignee (a user id), name,
# name_de, process, process_de, key (business key), due (an SQL
# expression, e.g. 'UTC_TIMESTAMP() + INTERVAL 2 DAY'; undef: none), form
# (JSON), state (open), instance (an instance id; else a new one),
# instance_state.
sub ts_task {
    my (%o) = @_;
    my $org = $o{org} // ACME;
    my $inst = $o{instance} // ts_instance(org => $org, key => $o{key}, state => $o{instance_state});
    my $state = $o{state} // 'open';
    sql('INSERT INTO flow_tasks (instance_id, token_id, element_id, name, name_de, process_name,'
        . ' process_name_de, business_key, org_id, candidate_roles, assignee_id, form, state, due_at,'
        . ' created_at, claimed_at) VALUES (' . join(', ', $inst, 0, "'approve'",
            sql_quote($o{name} // "Test task $$"), sql_quote($o{name_de}),
            sql_quote($o{process} // "Test process $$"), sql_quote($o{process_de}),
            sql_quote($o{key} // ''), $org, sql_quote(join(' ', @{ $o{roles} // [] })),
            $o{assignee} // 'NULL', sql_quote($o{form} // APPROVAL_FORM), sql_quote($state),
            $o{due} // 'NULL', 'UTC_TIMESTAMP(6)', defined $o{assignee} ? 'UTC_TIMESTAMP(6)' : 'NULL')
        . ')');
    my $id = sql_value("SELECT MAX(id) FROM flow_tasks WHERE instance_id = $inst");
    if ($state eq 'open') {
        for my $r (@{ $o{roles} // [] }) {
            sql("INSERT INTO flow_task_candidates (org_id, role_id, task_id) VALUES ($org, "
                . ts_role_id($r) . ", $id)");
        }
    }
    return $id;
}

# The role the fixture's task is offered to in this run.
sub ts_flow_role { return flow_key('t-tasks-role') }

my ($flow_role_made, $flow_deployed, @flow_keys);

# Make that role (a customer's), once; its name.
sub ts_flow_role_make {
    return ts_flow_role() if $flow_role_made++;
    sql('INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES ('
        . sql_quote(ts_flow_role()) . ", 'customer', 'customer', 10, 0)");
    return ts_flow_role();
}

# An open task flowd made of the fixture for org (ACME) with business key
# key: its id, and the instance's (list context).
sub ts_flow_task {
    my (%o) = @_;
    ts_flow_role_make();
    flow_deploy('tasks-form') unless $flow_deployed++;
    my $bk = $o{key} // "ts-$$-" . scalar(@flow_keys);
    push @flow_keys, $bk;
    flow_start(flow_key('t-tasks-form'), $bk, $o{vars} // {}, $o{org} // ACME);
    my $inst;
    flow_wait(10, sub { $inst = flow_instance($bk, flow_key('t-tasks-form')) }) or croak "flowd made no instance";
    my $task = flow_open_task($inst->{id}, 'review') or croak "flowd made no task";
    return wantarray ? ($task, $inst->{id}) : $task;
}

# A person of org with roles (names), language lang: (id, email, client).
sub ts_person {
    my (%o) = @_;
    my ($id, $email) = Portico::OrgAdmin::make_user(org => $o{org} // ACME, roles => $o{roles} // [],
        name => $o{name});
    sql('UPDATE users SET time_zone = ' . sql_quote($o{zone} // 'Europe/London')
        . (defined $o{lang} ? ', language = ' . sql_quote($o{lang}) : '') . " WHERE id = $id");
    return ($id, $email, or_client($email, lang => $o{lang}));
}

# The task's row as a hash.
sub ts_task_row {
    my ($id) = @_;
    my $r = sql_rows('SELECT id, state, assignee_id, completed_by, claimed_at, completed_at, org_id,'
        . " updated_at, reminded_at FROM flow_tasks WHERE id = $id");
    return undef unless @$r;
    my %h;
    @h{qw(id state assignee_id completed_by claimed_at completed_at org_id updated_at reminded_at)}
        = @{ $r->[0] };
    $h{candidates} = sql_value("SELECT COUNT(*) FROM flow_task_candidates WHERE task_id = $id");
    return \%h;
}

# The commands written for the task: [{ kind, user_id, variables }, ...].
sub ts_commands {
    my ($task) = @_;
    return [map { +{ kind => $_->[0], user_id => $_->[1], variables => $_->[2] } }
        @{ sql_rows("SELECT kind, user_id, variables FROM flow_commands WHERE task_id = $task ORDER BY id") }];
}

# The client's inbox (query e.g. '?show=mine') as XML: ($doc, $res).
sub ts_inbox {
    my ($c, $query) = @_;
    return $c->get_xml('/tasks/' . ($query // ''));
}

END {
    if ($flow_deployed) {
        my $key = sql_quote(flow_key('t-tasks-form'));
        push @instances, map { $_->[0] } @{ sql_rows('SELECT i.id FROM flow_instances i JOIN flow_definitions d'
            . " ON d.id = i.definition_id WHERE d.process_key = $key") };
        eval {
            my $ids = join(', ', @instances) || 0;
            sql("DELETE FROM flow_history WHERE instance_id IN ($ids)");
            sql("DELETE FROM flow_variables WHERE instance_id IN ($ids)");
            sql("DELETE FROM flow_jobs WHERE instance_id IN ($ids)");
            sql("DELETE FROM flow_tokens WHERE instance_id IN ($ids)");
        };
    }
    my $ids = join(', ', @instances);
    if (@instances) {
        eval {
            sql("DELETE FROM flow_commands WHERE task_id IN (SELECT id FROM flow_tasks WHERE instance_id IN ($ids))");
            sql("DELETE FROM flow_task_candidates WHERE task_id IN (SELECT id FROM flow_tasks WHERE instance_id IN ($ids))");
            sql("DELETE FROM flow_tasks WHERE instance_id IN ($ids)");
            sql("DELETE FROM flow_instances WHERE id IN ($ids)");
        };
    }
    eval { sql("DELETE FROM flow_definitions WHERE id = $definition") } if $definition;
    if ($flow_role_made) {
        my $r = sql_quote(ts_flow_role());
        eval {
            sql("DELETE FROM flow_task_candidates WHERE role_id = (SELECT id FROM roles WHERE name = $r)");
            sql("DELETE FROM user_roles WHERE role_id = (SELECT id FROM roles WHERE name = $r)");
            sql("DELETE FROM roles WHERE name = $r");
        };
    }
}

1;
