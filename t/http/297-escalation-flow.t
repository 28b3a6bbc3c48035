# Ticket escalation end to end through portico-flowd: a breach mails the
# group's lead (the SLA breach mail, saying the ticket will be theirs, in
# their language); untouched until the 2 business hours' timer fires (its
# job made due now), the ticket is assigned to the lead with an internal
# note, by nobody in person, and the instance ends as reassigned; touched
# before, the instance ends as handled and nothing is reassigned.  flowd
# fails no command of it on the way.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::SLA;
use Portico::ProcessCases;
use Portico::Mail ();

plan skip_all => 'needs portico-flowd' unless flowd_built();

my $KEY = 'ticket-escalation';
my ($carl, $agent, $lead_id) = escalation_cast();
my $other_id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");

# A printer ticket of the manager's whose first response is late, found by the agent opening it.
sub breached {
    my ($subject) = @_;
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => $subject));
    set_ticket($n, assignee_id => $other_id, status => "'open'");
    shift_clocks($n, 3900, kind => 'first_response');
    $agent->get_xml("/tickets/$n");
    my $i;
    wait_until(20, sub { $i = flow_instance($KEY, $n) });
    return ($n, $i);
}

sub escalation_mails {
    my ($n) = @_;
    return grep { $_->{data} =~ /escalates="1"/ } outbox_for('sla-alert', $n);
}

subtest 'untouched: the lead is told, and gets the ticket with a note' => sub {
    my ($n, $i) = breached('Nobody touches me');
    ok($i, 'an escalation runs for the ticket') or return;
    ok(wait_until(20, sub { escalation_mails($n) }), 'the lead is mailed') or return;
    my @m = escalation_mails($n);
    is(scalar @m, 1, 'once');
    is($m[0]{to}, 'agent@portico.example', 'to the lead');
    like($m[0]{data}, qr/what="breach"/, 'of the breach');
    like($m[0]{data}, qr{<link>https?://[^<]+/tickets/\Q$n\E</link>}, "with the ticket's link");
    is($m[0]{in_reply_to}, ticket_row($n)->{thread_id}, "in the ticket's thread");
    my $mail = Portico::Mail::wait_for(to => 'agent@portico.example', subject => qr/SLA breached: First response of \Q$n\E/);
    like($mail && $mail->{text}, qr/within 2 business hours, it will be assigned to you/, 'saying it will be theirs');
    is(ticket_row($n)->{assignee_id}, $other_id, 'the ticket is still where it was');

    ok(flow_fire($i->{id}, 'untouched'), '2 business hours later (the timer made due)') or return;
    my $done = wait_flow_ended($KEY, $n);
    is($done && $done->{state}, 'completed', 'the escalation completes');
    ok(flow_passed($i->{id}, 'reassigned'), 'as reassigned');
    is(ticket_row($n)->{assignee_id}, $lead_id, 'the lead has the ticket');
    my ($note) = grep { $_->{kind} eq 'internal' } message_rows($n);
    ok($note, 'an internal note') or return;
    like($note->{body}, qr/Escalated to the group lead/, 'saying why');
    ok(!defined $note->{author}, 'by nobody in person');
    my ($h) = grep { $_->{field} eq 'assignee' } history_rows($n);
    is_deeply([$h->{old}, $h->{new}, $h->{user}], [$other_id, $lead_id, undef], 'the history: to the lead, by the system');
    is(scalar(grep { defined $_->{failed_at} } flow_commands($n)), 0, 'no command of it failed');
    is(scalar flow_commands($n), 0, 'none waits');
};

subtest 'touched in time: nothing is reassigned' => sub {
    my ($n, $i) = breached('Touched in time');
    ok($i, 'an escalation runs') or return;
    ok(wait_until(20, sub { grep { $_->{element} eq 'untouched' } @{ flow_jobs($i->{id}) } }),
        'its timer is armed');
    my (undef, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'Working on it.']);
    is($res->code, 303, 'the agent answers');
    my $done = wait_flow_ended($KEY, $n);
    is($done && $done->{state}, 'completed', 'the escalation completes');
    ok(flow_passed($i->{id}, 'handled'), 'as handled');
    ok(!flow_passed($i->{id}, 'reassign'), 'without reassigning');
    is_deeply(flow_jobs($i->{id}), [], 'its timer is gone');
    is(ticket_row($n)->{assignee_id}, $other_id, 'the ticket stays where it was');
    is(scalar(grep { $_->{kind} eq 'internal' } message_rows($n)), 0, 'no note');
    is(scalar(grep { defined $_->{failed_at} } flow_commands($n)), 0, 'no command of it failed');
};

subtest "in the lead's language" => sub {
    my $was = sql_value("SELECT language FROM users WHERE id = $lead_id");
    sql("UPDATE users SET language = 'de' WHERE id = $lead_id");
    my ($n) = eval { breached('Auf Deutsch') };
    my $mail = $n && Portico::Mail::wait_for(to => 'agent@portico.example',
        subject => qr/SLA verletzt: Erste Antwort für \Q$n\E/);
    sql('UPDATE users SET language = ' . (defined $was ? sql_quote($was) : 'NULL') . " WHERE id = $lead_id");
    ok($mail, 'the mail in German') or return;
    like($mail->{text}, qr/wird es Ihnen zugewiesen/, 'saying it will be theirs');
};

done_testing;
