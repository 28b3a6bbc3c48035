# Warnings and breaches: the periodic check of the tickets processes, or
# an agent opening the ticket first, records a clock past its warning
# share or its due exactly once (its row, the ticket's history, a mail to
# the group's lead in the lead's language), and the agents' page shows
# it; a clock stopped after its due records its breach at once.  With the
# escalation process deployed and flowd running, the breach mail is its
# first step, a moment later (t/http/295-escalation-wiring.t).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX ();
use Portico::Test;
use Portico::Tickets;
use Portico::SLA;
use Portico::Mail ();

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
my $check_s = 30;	# [tickets] sla_check_s (conf/portico.conf.sample)

sub breaches {
    my ($n) = @_;
    return sql_rows('SELECT b.kind, b.due_at, b.breached_at, b.policy_id FROM ticket_sla_breaches b'
        . ' JOIN tickets t ON t.id = b.ticket_id WHERE t.number = ' . sql_quote($n) . ' ORDER BY b.id');
}

sub alerts {
    my ($n, $what) = @_;
    return grep { $_->{data} =~ /what="$what"/ } outbox_for('sla-alert', $n);
}

# The lead of the second subtest reads in a far time zone (far from the
# site's and from UTC, whatever the season).  Its ticket runs past its due
# now, so that the periodic check that records the first subtest's breach
# records its breach too: one wait of up to a check interval, not two.
my $zone = 'Pacific/Auckland';
my $zone_was = sql_value("SELECT time_zone FROM users WHERE email = 'agent\@portico.example'");
sql("UPDATE users SET time_zone = '$zone' WHERE email = 'agent\@portico.example'");
my $far = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Far away lead'));
shift_clocks($far, 3900, kind => 'first_response');

subtest 'a first response past its due is recorded once' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Nobody answers'));
    shift_clocks($n, 3900, kind => 'first_response');	# 65 of its 60 minutes gone
    my $due = clocks($n)->{first_response}{due_at};
    # Nobody opens the ticket: the periodic check of some process finds it.
    ok(wait_until($check_s + 5, sub { @{ breaches($n) } }), 'the check records the breach') or return;
    my $b = breaches($n);
    is(scalar @$b, 1, 'one breach');
    is($b->[0][0], 'first_response', 'of the first response');
    is($b->[0][1], $due, 'with the due it ran past');
    ok(epoch_of($b->[0][2]) >= epoch_of($due), 'recorded after it');
    is($b->[0][3], policy_id('24x7 critical'), 'under its policy');
    my $c = clocks($n)->{first_response};
    is($c->{state}, 'running', 'the clock runs on');
    ok(defined $c->{breached_at}, 'marked breached');
    ok(defined $c->{warned_at}, 'no warning comes after the breach');
    ok(grep({ $_->{field} eq 'sla_first_response' && $_->{new} eq 'breached' && !defined $_->{user} }
        history_rows($n)), 'in the history, by nobody');

    # The escalation process (ticket-escalation.bpmn) sends it a moment later when it is deployed.
    ok(wait_until(20, sub { alerts($n, 'breach') }), 'the lead is mailed');
    my @mails = alerts($n, 'breach');
    is(scalar @mails, 1, 'one mail');
    is($mails[0]{to}, 'agent@portico.example', 'to the lead of the service desk');
    is($mails[0]{lang}, 'en', 'in the lead\'s language');
    like($mails[0]{data}, qr{<link>http[^<]*/tickets/\Q$n\E</link>}, 'with the link');
    is($mails[0]{in_reply_to}, ticket_row($n)->{thread_id}, "in the ticket's mail thread");
    my $m = Portico::Mail::wait_for(to => 'agent@portico.example', subject => qr/SLA breached: First response of \Q$n\E/,
        timeout => 20);
    ok($m, 'delivered: "SLA breached: First response of ..."');
    like($m->{text} // '', qr/has missed its target for "First response", which was due \d+ \w{3} \d{4}, \d\d:\d\d/,
        'the due in words') if $m;

    my ($doc) = $agent->get_xml("/tickets/$n");
    is(scalar @{ breaches($n) }, 1, 'opening the ticket records nothing more');
    is(scalar alerts($n, 'breach'), 1, 'and mails nobody again');

    is(xp($doc, "/page/ticket/sla/clock[\@kind='first_response']/\@breached"), 
        sql_value("SELECT DATE_FORMAT(breached_at, '%Y-%m-%dT%H:%i:%sZ') FROM ticket_sla_clocks c"
        . ' JOIN tickets t ON t.id = c.ticket_id WHERE c.kind = \'first_response\' AND t.number = ' . sql_quote($n)),
        'the page: breached, with when');
    like($agent->get("/tickets/$n")->decoded_content, qr{First response due <time[^>]*>[^<]+</time> <span class="status-badge sla-breached">Breached</span>},
        'shown as breached');
    is(epoch_of(sql_value('SELECT sla_due_at FROM tickets WHERE number = ' . sql_quote($n))), epoch_of($due),
        'the ticket sorts by the due it missed');
};

subtest 'the lead reads the due in their own time zone' => sub {
    my $n = $far;
    my $due = clocks($n)->{first_response}{due_at};
    ok(wait_until($check_s + 5, sub { @{ breaches($n) } }), 'the breach is recorded') or return;
    my $m = Portico::Mail::wait_for(to => 'agent@portico.example',
        subject => qr/SLA breached: First response of \Q$n\E/, timeout => 20);
    sql('UPDATE users SET time_zone = ' . sql_quote($zone_was) . " WHERE email = 'agent\@portico.example'");
    ok($m, 'delivered') or return;
    my $local = do {
        local $ENV{TZ} = $zone;
        POSIX::tzset();
        my @t = localtime(epoch_of($due));
        POSIX::strftime('%H:%M', @t);
    };
    POSIX::tzset();
    like($m->{text} // '', qr/which was due \d+ \w{3} \d{4}, \Q$local\E/, "at $local in $zone");
};

subtest 'half of the target: the lead is warned, in German if that is their language' => sub {
    sql(q{UPDATE users SET language = 'de' WHERE email = 'agent@portico.example'});
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Warn me'));
    shift_clocks($n, 1860, kind => 'first_response');	# 31 of 60 minutes
    my ($doc) = $agent->get_xml("/tickets/$n");
    ok(scalar alerts($n, 'warning'), 'the agent opening the ticket records the warning');
    sql(q{UPDATE users SET language = NULL WHERE email = 'agent@portico.example'});
    my @mails = alerts($n, 'warning');
    is(scalar @mails, 1, 'one warning');
    is($mails[0]{lang}, 'de', 'in German');
    like($mails[0]{data}, qr{<percent>5\d</percent>}, 'at the share used');
    is(scalar @{ breaches($n) }, 0, 'no breach');
    ok(defined clocks($n)->{first_response}{warned_at}, 'marked warned');
    my $m = Portico::Mail::wait_for(to => 'agent@portico.example', subject => qr/SLA-Warnung: Erste Antwort für \Q$n\E/,
        timeout => 20);
    ok($m, 'delivered: "SLA-Warnung: Erste Antwort für ..."');
    is(xp($doc, "/page/ticket/sla/clock[\@kind='first_response']/\@at-risk"), 1, 'the page: at risk');
    like($agent->get("/tickets/$n")->decoded_content, qr{sla-at-risk">At risk<}, 'shown');
};

subtest 'answered late: the breach is recorded with the answer' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Late answer'));
    shift_clocks($n, 3660, kind => 'first_response');
    my (undef, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'Sorry for the wait.']);
    is($res->code, 303, 'the agent answers');
    my $b = breaches($n);
    is(scalar @$b, 1, 'one breach, at once or by the check, never two');
    my $c = clocks($n)->{first_response};
    is($c->{state}, 'stopped', 'first response stopped');
    ok(defined $c->{breached_at}, 'breached');
    my ($doc) = $agent->get_xml("/tickets/$n");
    ok(xp_count($doc, "/page/ticket/sla/clock[\@kind='first_response' and \@state='stopped' and \@breached]"),
        'the page: done late');
    like($agent->get("/tickets/$n")->decoded_content, qr/First response: Done late \(<time/, 'said so');
};

subtest 'the update clock can breach again after each reply' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Updates, please'));
    tk_post($agent, "/tickets/$n/reply", [body => 'Looking into it.']);
    shift_clocks($n, 14460, kind => 'update');
    $agent->get_xml("/tickets/$n");
    is(scalar(grep { $_->[0] eq 'update' } @{ breaches($n) }), 1, 'first update breach');
    tk_post($agent, "/tickets/$n/reply", [body => 'Still looking.']);
    my $c = clocks($n)->{update};
    ok(!defined $c->{breached_at} && !defined $c->{warned_at}, 'a new period: no marks');
    shift_clocks($n, 14460, kind => 'update');
    my ($doc) = $agent->get_xml("/tickets/$n");
    is(scalar(grep { $_->[0] eq 'update' } @{ breaches($n) }), 2, 'second update breach');
    is(xp($doc, "/page/ticket/sla/clock[\@kind='update']/\@breaches"), 2, 'the page counts them');
};

done_testing;
