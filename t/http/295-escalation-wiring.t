# Ticket escalation (processes/ticket-escalation.bpmn), what the tickets
# code asks of flowd: a recorded SLA breach of a ticket whose group has a
# lead starts the escalation (message ticket.sla_breached on the ticket's
# number, with the ticket, the clock and the lead) in the breach's
# transaction, and no plain breach mail goes out then; an agent's touch
# (a reply, a note, a new status, priority, group or assignee) while an
# escalation waits sends ticket.touched once per change; a customer's
# reply, reading the ticket, or a ticket without an escalation sends
# nothing; a second breach while one escalation runs, or a group without
# a lead, mails the leads as before.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::SLA;
use Portico::ProcessCases;

my $KEY = 'ticket-escalation';
my ($carl, $agent, $lead_id) = escalation_cast();
my $manager = tk_client('manager@portico.example');

sub plain_breach_mails {
    my ($n) = @_;
    return grep { $_->{data} =~ /what="breach"/ && $_->{data} !~ /escalates=/ } outbox_for('sla-alert', $n);
}

sub touches {
    my ($n) = @_;
    return scalar grep { ($_->{message} // '') eq 'ticket.touched' } flow_commands($n);
}

# The touch reached the escalation: with flowd, it ended as handled; else one
# ticket.touched waits for flowd.
sub touched_ok {
    my ($n, $what) = @_;
    if (flowd_built()) {
        my $i = wait_flow_ended($KEY, $n);
        return ok($i && $i->{state} eq 'completed' && flow_passed($i->{id}, 'handled')
            && !flow_passed($i->{id}, 'reassign'), "$what: the escalation ends as handled");
    }
    return is(touches($n), 1, "$what: one ticket.touched");
}

# A new printer ticket whose first response is 65 minutes late, opened by the agent.
sub breached_ticket {
    my ($subject) = @_;
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => $subject));
    shift_clocks($n, 3900, kind => 'first_response');
    $agent->get_xml("/tickets/$n");
    return $n;
}

subtest 'a breach starts the escalation of the ticket' => sub {
    my $n = breached_ticket('Escalate me');
    my $t = ticket_row($n);
    my $v = flow_asked($KEY, $n, message => 'ticket.sla_breached');
    ok($v, 'the escalation was asked for, on the ticket number') or return;
    is($v->{ticket_id}, $t->{id}, 'ticket_id');
    is($v->{ticket_number}, $n, 'ticket_number');
    is($v->{subject}, 'Escalate me', 'subject');
    is($v->{priority}, $t->{priority}, 'priority');
    is($v->{clock}, 'first_response', 'the clock that breached');
    is($v->{group_lead_id}, $lead_id, "the lead of the ticket's group");
    is(scalar plain_breach_mails($n), 0, 'no plain breach mail: the process tells the lead');
    is(scalar @{ sql_rows('SELECT 1 FROM ticket_sla_breaches b JOIN tickets t ON t.id = b.ticket_id WHERE t.number = '
        . sql_quote($n)) }, 1, 'the breach is recorded as before');
};

subtest 'reading and a customer reply do not touch; an agent reply with a new status is one touch' => sub {
    my $n = breached_ticket('Touch me once');
    $agent->get_xml("/tickets/$n");
    my (undef, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'Any news?']);
    is($res->code, 303, 'the customer replies');
    is(touches($n), 0, 'no touch from reading or from the customer');
    $res = (tk_post($agent, "/tickets/$n/reply", [body => 'On it.', after => 'pending:customer']))[1];
    is($res->code, 303, 'the agent answers and sets it pending');
    touched_ok($n, 'the reply with a new status');
    unless (flowd_built()) {
        my ($c) = grep { ($_->{message} // '') eq 'ticket.touched' } flow_commands($n);
        is($c && $c->{user_id}, $lead_id, 'asked by the agent');
    }
};

subtest 'each kind of touch counts' => sub {
    my %ways = (
        note => sub { tk_post($agent, "/tickets/$_[0]/note", [note => 'Looking.']) },
        priority => sub {
            tk_post($agent, '/tickets/desk', [ticket => $_[0], action => 'priority', 'bulk-priority' => 2]) },
        status => sub { tk_post($agent, "/tickets/$_[0]/status", [status => 'open']) },
        assignee => sub {
            tk_post($manager, "/tickets/$_[0]/assign", [group => 1, assignee => $lead_id]) },
    );
    for my $way (sort keys %ways) {
        my $n = breached_ticket("Touch by $way");
        my (undef, $res) = $ways{$way}->($n);
        is($res->code, 303, "$way: done");
        touched_ok($n, $way);
    }
};

subtest "an agent's late answer is both the breach and the touch" => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Answered late'));
    shift_clocks($n, 3900, kind => 'first_response');
    my (undef, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'Sorry for the wait.']);
    is($res->code, 303, 'the agent answers, late');
    ok(flow_asked($KEY, $n, message => 'ticket.sla_breached'), 'the breach is escalated');
    touched_ok($n, 'the answer');
};

subtest 'a ticket without an escalation is not touched' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'On time'));
    tk_post($agent, "/tickets/$n/reply", [body => 'Hello.']);
    is(touches($n), 0, 'no ticket.touched');
    ok(!flow_instance($KEY, $n), 'no escalation');
};

subtest 'a group without a lead: the plain mail, no escalation' => sub {
    sql('UPDATE ticket_group_members SET is_lead = 0 WHERE group_id = 1');
    my $n = eval { breached_ticket('Nobody leads') };
    sql("UPDATE ticket_group_members SET is_lead = 1 WHERE group_id = 1 AND user_id = $lead_id");
    ok($n, 'breached') or return;
    ok(!flow_asked($KEY, $n, message => 'ticket.sla_breached'), 'no escalation asked for');
};

subtest 'a second breach while the escalation runs mails the leads as before' => sub {
    my $n = breached_ticket('Twice late');
    ok(flow_asked($KEY, $n, message => 'ticket.sla_breached'), 'the first breach escalates') or return;
    shift_clocks($n, 90000, kind => 'resolution');
    $agent->get_xml("/tickets/$n");
    my @plain = plain_breach_mails($n);
    is(scalar @plain, 1, 'the resolution breach: one plain mail');
    like($plain[0]{data}, qr/clock="resolution"/, 'of the resolution clock');
    is(scalar grep({ ($_->{message} // '') eq 'ticket.sla_breached' } flow_commands($n))
        + (flow_instance($KEY, $n) ? 1 : 0), 1, 'and no second escalation');
};

done_testing;
