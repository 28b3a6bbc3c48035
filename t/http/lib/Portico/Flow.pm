package Portico::Flow;
# The BPMN engine (portico-flowd) from the tests: deploy a model of
# t/http/fixtures/flow/ under keys of its own, ask flowd as the workers do
# (rows in flow_commands), and read what it did (instances, tokens,
# history, variables, tasks, jobs) with a deadline.
#
# A fixture's strings that begin with "t-" (its process ids, a called
# process, message names) get this run's tag appended, so each test's
# models, messages and instances are its own.
use strict;
use warnings;
use Exporter 'import';
use File::Spec;
use File::Temp qw(tempdir);
use Time::HiRes ();
use Portico::Test qw(sql sql_rows sql_value sql_quote repo_dir unique_tag wait_until);
use Portico::Admin qw(admin_run);
use Portico::Test qw(conf_file);

our @EXPORT = qw(
    flow_tag flow_key flow_deploy flow_start flow_message flow_complete flow_control
    flow_instance flow_wait_state flow_wait flow_tokens flow_history flow_vars flow_tasks
    flow_jobs flow_command_rows flow_wait_commands flow_open_task flow_instances_of
    flow_job_due_now flow_incidents
);

my $TAG = unique_tag('r');
my $TMP;

sub flow_tag { return $TAG }

# The key a fixture's process id "t-x" is deployed under.
sub flow_key { my ($k) = @_; return "$k-$TAG" }

sub tagged {
    my ($xml) = @_;
    $xml =~ s/"(t-[A-Za-z0-9_.-]+)"/"$1-$TAG"/g;
    $xml =~ s/>(t-[A-Za-z0-9_.-]+)</>$1-$TAG</g;
    return $xml;
}

# flow_deploy(NAME): deploys t/http/fixtures/flow/NAME.bpmn; its definition id.
sub flow_deploy {
    my ($name) = @_;
    my $src = File::Spec->catfile(repo_dir(), 't', 'http', 'fixtures', 'flow', "$name.bpmn");
    open(my $in, '<:raw', $src) or die "cannot read $src: $!";
    my $xml = tagged(do { local $/; <$in> });
    close $in;
    $TMP //= tempdir('portico-flow-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    my $file = File::Spec->catfile($TMP, "$name.bpmn");
    open(my $out, '>:raw', $file) or die "cannot write $file: $!";
    print $out $xml;
    close $out;
    my ($rc, $o, $e) = admin_run(conf_file(), 'process', 'deploy', $file);
    die "portico-admin process deploy $name: exit $rc: $o$e" if $rc != 0;
    my ($key) = $xml =~ /<(?:\w+:)?process\b[^>]*\bid="([^"]+)"/;
    my $id = sql_value('SELECT id FROM flow_definitions WHERE process_key = ' . sql_quote($key)
        . ' ORDER BY version DESC LIMIT 1');
    # flowd armed its start events once the 'deployed' command is gone.
    wait_until(10, sub { !sql_value("SELECT COUNT(*) FROM flow_commands WHERE kind = 'deployed'"
        . " AND definition_id = $id AND failed_at IS NULL") })
        or die "flowd did not take the deployment of $key";
    return $id;
}

sub json_of {
    my ($vars) = @_;
    return undef unless $vars && %$vars;
    my @p;
    for my $k (sort keys %$vars) {
        my $v = $vars->{$k};
        my $j = !defined $v ? 'null'
            : ref $v eq 'HASH' ? qq({"date":"$v->{date}"})
            : ref $v eq 'SCALAR' ? ($$v ? 'true' : 'false')
            : $v =~ /\A-?\d+(?:\.\d+)?\z/ ? $v
            : do { (my $s = $v) =~ s/(["\\])/\\$1/g; qq("$s") };
        push @p, qq("$k":$j);
    }
    return '{' . join(',', @p) . '}';
}

sub command {
    my (%c) = @_;
    my @cols = sort keys %c;
    # Its id from the same session: flowd may have taken and deleted it already.
    return sql_value('INSERT INTO flow_commands (' . join(', ', @cols, 'created_at') . ') VALUES ('
        . join(', ', map({ sql_quote($c{$_}) } @cols), 'UTC_TIMESTAMP(6)') . '); SELECT LAST_INSERT_ID()');
}

# flow_start(KEY, BUSINESS_KEY, {vars}, org_id): the command's id.
sub flow_start {
    my ($key, $bk, $vars, $org) = @_;
    return command(kind => 'start', process_key => $key, business_key => $bk // '',
        variables => json_of($vars), (defined $org ? (org_id => $org) : ()));
}

sub flow_message {
    my ($message, $bk, $vars) = @_;
    return command(kind => 'message', message => $message, business_key => $bk // '',
        variables => json_of($vars));
}

# flow_complete(TASK_ID, USER_ID, {vars}): as the inbox does (pt_flow_complete).
sub flow_complete {
    my ($task, $user, $vars) = @_;
    sql("UPDATE flow_tasks SET state = 'completing', completed_by = $user,"
        . " completed_at = UTC_TIMESTAMP(6) WHERE id = $task AND state = 'open'");
    return command(kind => 'complete', task_id => $task, user_id => $user,
        variables => json_of($vars));
}

# flow_control(KIND, ID): suspend/resume/cancel an instance, retry an incident.
sub flow_control {
    my ($kind, $id) = @_;
    return command(kind => $kind, ($kind eq 'retry' ? (incident_id => $id) : (instance_id => $id)));
}

# The instance a start command made, by business key (the newest).
sub flow_instance {
    my ($bk, $key) = @_;
    my $r = sql_rows('SELECT i.id, i.state, i.end_element, i.incidents, i.parent_id FROM flow_instances i'
        . ' JOIN flow_definitions d ON d.id = i.definition_id WHERE i.business_key = ' . sql_quote($bk)
        . (defined $key ? ' AND d.process_key = ' . sql_quote($key) : '') . ' ORDER BY i.id DESC LIMIT 1');
    return undef unless @$r;
    return { id => $r->[0][0], state => $r->[0][1], end_element => $r->[0][2],
        incidents => $r->[0][3], parent_id => $r->[0][4] };
}

sub flow_instances_of {
    my ($key) = @_;
    return sql_rows('SELECT i.id, i.state, i.business_key FROM flow_instances i'
        . ' JOIN flow_definitions d ON d.id = i.definition_id WHERE d.process_key = ' . sql_quote($key)
        . ' ORDER BY i.id');
}

# flow_wait(SECONDS, sub): wait_until, polling every 50 ms (flowd's pace).
sub flow_wait { my ($timeout_s, $cond) = @_; return wait_until($timeout_s, $cond, 0.05) }

# The instance of business key (of process KEY) once its state is STATE
# (within 10 s), else undef.
sub flow_wait_state {
    my ($bk, $state, $timeout, $key) = @_;
    my $i;
    flow_wait($timeout // 10, sub { $i = flow_instance($bk, $key); $i && $i->{state} eq $state })
        or return undef;
    return $i;
}

# Commands still pending (none failed) once flowd took them all (10 s).
sub flow_wait_commands {
    my (@ids) = @_;
    my $list = join(', ', @ids);
    return flow_wait(10, sub {
        !sql_value("SELECT COUNT(*) FROM flow_commands WHERE id IN ($list) AND failed_at IS NULL") });
}

sub flow_command_rows {
    my ($id) = @_;
    my $r = sql_rows("SELECT kind, failed_at, error FROM flow_commands WHERE id = $id");
    return @$r ? { kind => $r->[0][0], failed_at => $r->[0][1], error => $r->[0][2] } : undef;
}

# Element ids the instance's tokens wait at, sorted.
sub flow_tokens {
    my ($id) = @_;
    return [ map { $_->[0] } @{ sql_rows("SELECT element_id FROM flow_tokens WHERE instance_id = $id"
        . ' ORDER BY element_id, id') } ];
}

# History rows: [{element, kind, ended, outcome, user}] in order.
sub flow_history {
    my ($id) = @_;
    return [ map { { element => $_->[0], kind => $_->[1], ended => defined $_->[2] ? 1 : 0,
        outcome => $_->[3], user => $_->[4] } }
        @{ sql_rows('SELECT element_id, element_kind, ended_at, outcome, user_id FROM flow_history'
        . " WHERE instance_id = $id ORDER BY id") } ];
}

# Variables: {name => [type, value]}.
sub flow_vars {
    my ($id) = @_;
    return { map { $_->[0] => [$_->[1], $_->[2]] }
        @{ sql_rows("SELECT name, type, value FROM flow_variables WHERE instance_id = $id") } };
}

sub flow_tasks {
    my ($id) = @_;
    return [ map { { id => $_->[0], element => $_->[1], state => $_->[2], org => $_->[3],
        assignee => $_->[4], roles => $_->[5], due => $_->[6] } }
        @{ sql_rows('SELECT id, element_id, state, org_id, assignee_id, candidate_roles, due_at'
        . " FROM flow_tasks WHERE instance_id = $id ORDER BY id") } ];
}

# The open task at element of the instance, once there (10 s).
sub flow_open_task {
    my ($id, $element) = @_;
    my $t;
    flow_wait(10, sub {
        $t = sql_value("SELECT id FROM flow_tasks WHERE instance_id = $id AND element_id = "
            . sql_quote($element) . " AND state = 'open'") });
    return $t;
}

sub flow_jobs {
    my ($id) = @_;
    return [ map { { id => $_->[0], kind => $_->[1], element => $_->[2], retries => $_->[3],
        suspended => $_->[4], fired => $_->[5], error => $_->[6] } }
        @{ sql_rows('SELECT id, kind, element_id, retries, suspended, fired, last_error FROM flow_jobs'
        . " WHERE instance_id = $id ORDER BY id") } ];
}

# Make the instance's jobs at element due now (a timer's wait, passed).
sub flow_job_due_now {
    my ($id, $element) = @_;
    sql('UPDATE flow_jobs SET due_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE instance_id = '
        . "$id AND element_id = " . sql_quote($element));
}

sub flow_incidents {
    my ($id) = @_;
    return [ map { { id => $_->[0], element => $_->[1], message => $_->[2], job => $_->[3],
        resolved => $_->[4], resolution => $_->[5] } }
        @{ sql_rows('SELECT id, element_id, message, job_id, resolved_at, resolution FROM flow_incidents'
        . " WHERE instance_id = $id ORDER BY id") } ];
}

1;
