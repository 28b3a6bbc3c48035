package Portico::ProcessCases;

# Helpers for the tests of the shipped processes (t/http/295-299): what
# the workers ask of portico-flowd (flow_commands), the instances flowd
# runs for it, their variables and tokens, and making a timer due now.
#
# A worker writes its command in the transaction of its change; flowd
# takes it within 100 ms.  What a test asks of the wiring ("a start with
# these variables was asked") is answered from the command while it waits
# and from the instance once flowd has taken it (flow_asked), so the
# assertions hold whether or not flowd has got to it yet.
#
# Instances of orgs the tests made are deleted with them (forget_org, which
# Portico::Provider's cleanup calls): flow_instances refers to its org.

use strict;
use warnings;

use Exporter qw(import);
use File::Spec;
use Encode ();
use JSON::PP ();
use Portico::Test;

our @EXPORT = qw(
    flowd_built flow_ready flow_asked flow_instance flow_vars flow_tokens flow_commands
    flow_fire wait_flow_ended flow_jobs flow_passed forget_org forget_instances escalation_cast
);

# Whether this build has portico-flowd (script/test starts it when it does).
sub flowd_built {
    return -x File::Spec->catfile(repo_dir(), 'build', 'cgi-bin-src', 'flowd', 'portico-flowd');
}

my @made_subscriptions;

# Make sure the newest version of process key waits for message on its
# message start event (element): flowd subscribes it once it took the "deployed"
# command (waited for, 20 s); without flowd the test does, and removes it
# at the end.  Returns 1 when it does.
sub flow_ready {
    my ($key, $message, $element) = @_;
    my $q = 'SELECT COUNT(*) FROM flow_subscriptions s JOIN flow_definitions d ON d.id = s.definition_id'
        . ' WHERE s.instance_id IS NULL AND s.message = ' . sql_quote($message)
        . ' AND d.process_key = ' . sql_quote($key);
    if (flowd_built()) {
        return wait_until(20, sub { sql_value($q) > 0 }) ? 1 : 0;
    }
    return 1 if sql_value($q) > 0;
    my $def = sql_value('SELECT MAX(id) FROM flow_definitions WHERE process_key = ' . sql_quote($key));
    return 0 unless defined $def;
    sql('INSERT INTO flow_subscriptions (message, business_key, definition_id, element_id, created_at)'
        . ' SELECT ' . sql_quote($message) . ", '', $def, " . sql_quote($element) . ', UTC_TIMESTAMP(6)');
    push @made_subscriptions, sql_value('SELECT MAX(id) FROM flow_subscriptions');
    return 1;
}

# The escalation tests' people, once the escalation waits for breaches:
# carl raises tickets, the agent (the Service Desk's lead) works them;
# (carl's client, the agent's client, the agent's id).
sub escalation_cast {
    require Portico::Tickets;
    flow_ready('ticket-escalation', 'ticket.sla_breached', 'breached') or die "the escalation is not deployed\n";
    return (Portico::Tickets::tk_client('carl@acme.example'), Portico::Tickets::tk_client('agent@portico.example'),
        sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'"));
}

# The commands waiting for flowd on a business key: [{kind, process_key, message, org_id, vars, user_id}].
sub flow_commands {
    my ($business_key, %o) = @_;
    my $rows = sql_rows('SELECT kind, process_key, message, org_id, variables, user_id, failed_at, error'
        . ' FROM flow_commands WHERE business_key = ' . sql_quote($business_key)
        . ($o{message} ? ' AND message = ' . sql_quote($o{message}) : '') . ' ORDER BY id');
    return map {
        +{ kind => $_->[0], process_key => $_->[1], message => $_->[2], org_id => $_->[3],
           vars => defined $_->[4] ? JSON::PP->new->utf8->decode($_->[4]) : {}, user_id => $_->[5],
           failed_at => $_->[6], error => $_->[7] }
    } @$rows;
}

# The newest instance of process key with the business key, as a hash, or undef.
sub flow_instance {
    my ($key, $business_key) = @_;
    my $r = sql_rows('SELECT i.id, i.state, i.org_id, i.end_element, i.started_by FROM flow_instances i'
        . ' JOIN flow_definitions d ON d.id = i.definition_id WHERE d.process_key = ' . sql_quote($key)
        . ' AND i.business_key = ' . sql_quote($business_key) . ' ORDER BY i.id DESC LIMIT 1');
    return undef unless @$r;
    my %h;
    @h{qw(id state org_id end_element started_by)} = @{ $r->[0] };
    return \%h;
}

# An instance's variables: { name => value } (numbers as flowd printed them).
sub flow_vars {
    my ($instance_id) = @_;
    return { map { $_->[0] => defined $_->[1] ? Encode::decode_utf8($_->[1]) : undef }
        @{ sql_rows("SELECT name, value FROM flow_variables WHERE instance_id = $instance_id") } };
}

# Whether the instance's tokens passed element (a history row of it).
sub flow_passed {
    my ($instance_id, $element) = @_;
    return sql_value("SELECT COUNT(*) FROM flow_history WHERE instance_id = $instance_id AND element_id = "
        . sql_quote($element)) > 0;
}

# The elements an instance's tokens stand on, sorted.
sub flow_tokens {
    my ($instance_id) = @_;
    return [ map { $_->[0] }
        @{ sql_rows("SELECT element_id FROM flow_tokens WHERE instance_id = $instance_id ORDER BY element_id") } ];
}

# An instance's jobs: [{kind, element_id}].
sub flow_jobs {
    my ($instance_id) = @_;
    return [ map { +{ kind => $_->[0], element => $_->[1] } }
        @{ sql_rows("SELECT kind, element_id FROM flow_jobs WHERE instance_id = $instance_id ORDER BY id") } ];
}

# What the wiring asked: the variables of a start or message command on the
# business key, still waiting or taken into an instance of process key
# (then the instance's variables, as text).  undef when nothing was asked.
sub flow_asked {
    my ($key, $business_key, %o) = @_;
    my @c = grep { !defined $_->{failed_at} && (!$o{message} || ($_->{message} // '') eq $o{message}) }
        flow_commands($business_key);
    return $c[-1]{vars} if @c;
    my $i = flow_instance($key, $business_key);
    return $i ? flow_vars($i->{id}) : undef;
}

# Make the instance's timer job at element due now (what 2 business hours
# or 7 days would do), and wait (20 s) until flowd took it.  1 when it did.
sub flow_fire {
    my ($instance_id, $element) = @_;
    my $q = "SELECT COUNT(*) FROM flow_jobs WHERE instance_id = $instance_id AND element_id = "
        . sql_quote($element);
    return 0 unless wait_until(20, sub { sql_value($q) > 0 });
    sql("UPDATE flow_jobs SET due_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE instance_id = $instance_id"
        . ' AND element_id = ' . sql_quote($element));
    return wait_until(20, sub { sql_value($q) == 0 }) ? 1 : 0;
}

# Wait (20 s) until the instance ended; its row.
sub wait_flow_ended {
    my ($key, $business_key) = @_;
    my $i;
    wait_until(20, sub { $i = flow_instance($key, $business_key); $i && $i->{state} ne 'running' });
    return $i;
}

# Delete instances and everything of them.
sub forget_instances {
    my (@ids) = @_;
    return unless @ids;
    my $in = join(',', @ids);
    sql("DELETE c FROM flow_task_candidates c JOIN flow_tasks t ON t.id = c.task_id WHERE t.instance_id IN ($in);"
        . " DELETE FROM flow_tasks WHERE instance_id IN ($in);"
        . " DELETE FROM flow_jobs WHERE instance_id IN ($in);"
        . " DELETE FROM flow_subscriptions WHERE instance_id IN ($in);"
        . " DELETE FROM flow_tokens WHERE instance_id IN ($in);"
        . " DELETE FROM flow_variables WHERE instance_id IN ($in);"
        . " DELETE FROM flow_history WHERE instance_id IN ($in);"
        . " DELETE FROM flow_incidents WHERE instance_id IN ($in);"
        . " DELETE FROM flow_action_log WHERE instance_id IN ($in);"
        . " UPDATE flow_instances SET parent_id = NULL WHERE parent_id IN ($in);"
        . " DELETE FROM flow_instances WHERE id IN ($in)");
    return;
}

# Forget the flow state of an org about to be deleted: its commands and instances.
sub forget_org {
    my ($org_id) = @_;
    sql("DELETE FROM flow_commands WHERE org_id = $org_id");
    forget_instances(map { $_->[0] } @{ sql_rows("SELECT id FROM flow_instances WHERE org_id = $org_id") });
    return;
}

END {
    sql('DELETE FROM flow_subscriptions WHERE id IN (' . join(',', @made_subscriptions) . ')')
        if @made_subscriptions;
}

1;
