package Portico::Process;

# Helpers for the tests that run the shipped processes through
# portico-flowd (t/http/290-294 and the orders tests that now wait for
# it): an instance or an open user task of a process by business key,
# each waited for with a deadline (flowd takes a command within 100 ms;
# the deadline is for a loaded machine); a timer of an instance made due
# now, so that what a business day later does happens at once; the
# instance's state, variables and history.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use File::Spec;
use IPC::Open3 ();
use Portico::Test;

our @EXPORT = qw(fl_instance fl_task fl_fire_timer fl_wait_instance fl_history fl_vars
    fl_wait_value fl_timer_job fl_test_instance fl_action fl_job_id fl_forget);

use constant DEADLINE_S => 15;

my @TASK_COLUMNS = qw(id instance_id element_id state org_id assignee_id candidate_roles
    completed_by business_key);
my @INSTANCE_COLUMNS = qw(id state org_id business_key end_element incidents started_by);

sub _row {
    my ($sql, $columns) = @_;
    my $rows = sql_rows($sql);
    return undef unless @$rows;
    my %h;
    @h{@$columns} = @{ $rows->[0] };
    return \%h;
}

# The newest instance of process with this business key (waited for).
sub fl_instance {
    my ($process, $key) = @_;
    return wait_until(DEADLINE_S, sub {
        _row('SELECT ' . join(', ', map { "i.$_" } @INSTANCE_COLUMNS)
            . ' FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id'
            . ' WHERE d.process_key = ' . sql_quote($process) . ' AND i.business_key = '
            . sql_quote($key) . ' ORDER BY i.id DESC LIMIT 1', \@INSTANCE_COLUMNS);
    });
}

# The open task of process for key at element (any element when undef), waited for.
sub fl_task {
    my ($process, $key, $element) = @_;
    my $at = defined $element ? ' AND t.element_id = ' . sql_quote($element) : '';
    return wait_until(DEADLINE_S, sub {
        _row('SELECT ' . join(', ', map { "t.$_" } @TASK_COLUMNS)
            . ' FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id'
            . ' JOIN flow_definitions d ON d.id = i.definition_id'
            . ' WHERE d.process_key = ' . sql_quote($process) . ' AND t.business_key = '
            . sql_quote($key) . " AND t.state = 'open'$at ORDER BY t.id DESC LIMIT 1",
            \@TASK_COLUMNS);
    });
}

# The armed timer job of the instance's element (a boundary or catch event), or undef.
sub fl_timer_job {
    my ($instance_id, $element) = @_;
    return sql_value("SELECT id FROM flow_jobs WHERE instance_id = $instance_id AND kind = 'timer'"
        . ' AND element_id = ' . sql_quote($element) . ' ORDER BY id LIMIT 1');
}

# Make the instance's timer at element due now: what it does happens within moments.
sub fl_fire_timer {
    my ($instance_id, $element) = @_;
    my $job = wait_until(DEADLINE_S, sub { fl_timer_job($instance_id, $element) });
    croak "no timer $element armed for instance $instance_id" unless $job;
    sql("UPDATE flow_jobs SET due_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = $job");
    return $job;
}

# Wait until the instance is in state; its row then, or undef at the deadline.
sub fl_wait_instance {
    my ($instance_id, $state) = @_;
    return wait_until(DEADLINE_S, sub {
        my $i = _row('SELECT ' . join(', ', @INSTANCE_COLUMNS) . " FROM flow_instances WHERE id = $instance_id",
            \@INSTANCE_COLUMNS);
        $i && $i->{state} eq $state ? $i : undef;
    });
}

# Wait until $sql (one value) returns $want; the value then, or undef at the deadline.
sub fl_wait_value {
    my ($sql, $want) = @_;
    my $got;
    wait_until(DEADLINE_S, sub { $got = sql_value($sql); defined $got && $got eq $want });
    return $got;
}

# The elements the instance's tokens entered, in order, each as "element:outcome".
sub fl_history {
    my ($instance_id) = @_;
    return [ map { $_->[0] . ':' . ($_->[1] // '') }
        @{ sql_rows("SELECT element_id, outcome FROM flow_history WHERE instance_id = $instance_id ORDER BY id") } ];
}

# The instance's variables as a hash of name => value.
sub fl_vars {
    my ($instance_id) = @_;
    return { map { $_->[0] => $_->[1] }
        @{ sql_rows("SELECT name, value FROM flow_variables WHERE instance_id = $instance_id") } };
}

# Forget the instances that $where (SQL on flow_instances, unaliased) picks,
# with everything of them, and the commands still waiting for their
# business keys: what a test made in processes, before its people go
# (flow_instances.started_by and flow_tasks.completed_by name them).
sub fl_forget {
    my ($where) = @_;
    my $ids = join(', ', map { $_->[0] } @{ sql_rows("SELECT id FROM flow_instances WHERE $where") });
    return unless length $ids;
    sql("DELETE FROM flow_commands WHERE business_key IN (SELECT business_key FROM flow_instances WHERE id IN ($ids))");
    sql("DELETE FROM flow_task_candidates WHERE task_id IN (SELECT id FROM flow_tasks WHERE instance_id IN ($ids))");
    sql("DELETE FROM $_ WHERE instance_id IN ($ids)")
        for qw(flow_tasks flow_jobs flow_subscriptions flow_tokens flow_variables flow_history
            flow_incidents flow_action_log);
    sql("DELETE FROM flow_instances WHERE parent_id IN ($ids)");
    sql("DELETE FROM flow_instances WHERE id IN ($ids)");
}

# ---- the actions, run as a job would (t/http/flow-action.c) ----------------

my ($definition, @instances);

# An instance of the test's own process (no model: the actions read only
# its org, business key and variables) of org (undef: none), with
# variables { name => value } (numbers as numbers, other values as strings).
sub fl_test_instance {
    my (%o) = @_;
    my $key = "fl-test-$$";
    unless ($definition) {
        sql('INSERT INTO flow_definitions (process_key, version, name, xml, sha256, file_name, deployed_at)'
            . ' VALUES (' . join(', ', sql_quote($key), 1, "'Action test $$'", "'<definitions/>'",
                sql_quote('0' x 64), "'test.bpmn'", 'UTC_TIMESTAMP(6)') . ')');
        $definition = sql_value('SELECT id FROM flow_definitions WHERE process_key = ' . sql_quote($key));
    }
    sql('INSERT INTO flow_instances (definition_id, business_key, org_id, state, started_at, updated_at)'
        . " VALUES ($definition, " . sql_quote($o{key} // "K-$$") . ', ' . ($o{org} // 'NULL')
        . ", 'running', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
    my $id = sql_value("SELECT MAX(id) FROM flow_instances WHERE definition_id = $definition");
    push @instances, $id;
    my $vars = $o{vars} // {};
    for my $name (sort keys %$vars) {
        my $v = $vars->{$name};
        my $type = $v =~ /\A-?\d+(?:\.\d+)?\z/ ? 'number' : 'string';
        sql("INSERT INTO flow_variables (instance_id, name, type, value, updated_at) VALUES ($id, "
            . join(', ', sql_quote($name), sql_quote($type), sql_quote($v)) . ', UTC_TIMESTAMP(6))');
    }
    return $id;
}

# A job id of the test's own, far above flowd's (flow_action_log has no key on flow_jobs).
my $jobs = 0;
sub fl_job_id { return 9_000_000_000 + ($$ % 100000) * 1000 + ++$jobs }

# Run action for job of instance with params [name => value, ...] (a value
# as \number for a number), --times N (2) in one transaction; (exit status,
# [output lines]).  env: { NAME => value } for the program's environment.
sub fl_action {
    my ($job, $instance, $action, $params, %o) = @_;
    my $bin = File::Spec->catfile($ENV{PORTICO_BUILD} // File::Spec->catdir(repo_dir(), 'build'),
        't', 'http', 'flow-action');
    croak "flow-action is not built ($bin)" unless -x $bin;
    my @p = @{ $params // [] };
    my @args;
    while (my ($name, $v) = splice(@p, 0, 2)) {
        push @args, ref $v ? "$name:=$$v" : "$name=$v";
    }
    local $ENV{PORTICO_CONF} = $o{conf} // conf_file();
    local @ENV{ keys %{ $o{env} // {} } } = values %{ $o{env} // {} };
    my $pid = IPC::Open3::open3(my $in, my $out, undef, $bin, '--times', $o{times} // 2,
        ($o{rollback} ? '--rollback' : ()), $job, $instance, $action, @args);
    close $in;
    # Its log lines (stderr, merged) are left out: what it says is "rc=" and "set".
    my @lines = grep { /^(?:rc=|set )/ } map { chomp; $_ } <$out>;
    # Its status, without leaving it in $? (which the test's own exit would take for its own).
    local $?;
    waitpid($pid, 0);
    return ($? >> 8, \@lines);
}

END {
    local $?;
    return unless $definition;
    my $in = @instances ? join(', ', @instances) : 0;
    eval {
        sql("DELETE FROM flow_action_log WHERE instance_id IN ($in)");
        sql("DELETE FROM flow_variables WHERE instance_id IN ($in)");
        sql("DELETE FROM flow_instances WHERE id IN ($in)");
        sql("DELETE FROM flow_definitions WHERE id = $definition");
        1;
    } or Test::More::diag("cleaning up the test's instances: $@");
}

1;
