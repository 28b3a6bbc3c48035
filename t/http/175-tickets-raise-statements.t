# What raising a ticket costs the database, counted, not timed (speed is
# script/bench's tickets-raise): with the session, the service and its
# form, the priority matrix, the organisation's tier, the SLA policy and
# calendar and the group's members kept by the process, a raise is its
# transaction alone: begin, the year's number, the ticket with its next
# SLA due, its first message, its history row, its clocks (one statement
# for all), the audit row, the mails to the group (one statement for
# all), the filing, commit.
#
# What those rows say is what it was while each was read afresh: every
# member's mail tells the ticket's number, subject, priority, requester,
# organisation, the service in the member's language and the text, threaded
# on the ticket; the ticket's next due and first warning are its clocks';
# a change to a member, to the matrix or to the group is heeded by the next
# raise; a mail to the support address (portico-mailin) names the
# sender's organisation as the web does.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Portico::Test;
use Portico::Tickets;
use Portico::Mailin;

my $ROUND_TRIPS_MAX = 10;

my $carl = tk_client('carl@acme.example');

sub round_trips {
    my $n = 0;
    $n += $_->[1] for @{ sql_rows("SHOW GLOBAL STATUS WHERE Variable_name IN"
        . " ('Com_stmt_execute', 'Com_begin', 'Com_commit')") };
    return $n;
}

# Raise other-question as the bench does: after the script's suggestions.
my $seq = 0;
sub raise {
    my (%o) = @_;
    my ($doc, $res) = tk_post($carl, '/tickets/new/other-question', [
        subject => $o{subject} // 'Question about the delivery ' . ++$seq,
        description => $o{description} // "Raised by test 175, request $seq.\nSecond line.",
        suggested => 'script']);
    return undef unless $res->code == 303;
    my ($number) = location_path($res) =~ m{^/tickets/(T-\d{4}-\d{6,})\?created=1$} or return undef;
    forget_ticket($number);
    return $number;
}

# The fewest round trips of a raise over several (the counters are the
# server's: the mailer and housekeeping only ever add to them).
sub raise_round_trips {
    my $min;
    for (1 .. 8) {
        my $before = round_trips();
        my $number = raise() or return -1;
        my $n = round_trips() - $before;
        $min = $n if !defined $min || $n < $min;
    }
    return $min;
}

sub field { my ($xml, $name) = @_; return $xml =~ m{<\Q$name\E>([^<]*)</\Q$name\E>} ? $1 : undef }

subtest 'a raise is its transaction alone' => sub {
    ok(raise(), 'raised once: the process has read what it keeps');
    my $n = raise_round_trips();
    cmp_ok($n, '>', 0, 'raised');
    cmp_ok($n, '<=', $ROUND_TRIPS_MAX, "at most $ROUND_TRIPS_MAX round trips");
    note "$n round trips";
};

subtest 'the mails to the group say what the ticket is' => sub {
    # The manager reads German from now on: the service's German name in his mail.
    my $was = sql_value('SELECT language FROM users WHERE id = 2');
    sql("UPDATE users SET language = 'de' WHERE id = 2");
    # (As bytes: what the form sends and what the database gives back.)
    my ($subject, $text) = map { encode_utf8($_) } 'Wo finde ich das Handbuch?', 'Für den Drucker PX-20.';
    my $number = raise(subject => $subject, description => $text);
    my %lang = map { $_->[0] => $_->[1] } @{ sql_rows("SELECT u.email, COALESCE(u.language, o.language, 'en')"
        . ' FROM ticket_group_members m JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = u.org_id'
        . ' WHERE m.group_id = 1') };
    sql('UPDATE users SET language = ' . (defined $was ? sql_quote($was) : 'NULL') . ' WHERE id = 2');
    ok($number, 'raised') or return;
    my $t = ticket_row($number);
    my @mails = outbox_for('ticket-new', $number);
    is_deeply([sort map { $_->{to} } @mails], [group_emails(1)], 'a mail to each member of the service desk');
    my %name = map { $_->[0] => $_->[1] } @{ sql_rows('SELECT lang, name FROM ticket_service_texts'
        . " WHERE service_id = $t->{service_id}") };
    my $requester = sql_value('SELECT name FROM users WHERE id = 6');
    my $org = sql_value('SELECT name FROM orgs WHERE id = 2');
    is($lang{ sql_value('SELECT email FROM users WHERE id = 2') }, 'de', 'the manager reads German');
    for my $m (@mails) {
        my $lang = $lang{ $m->{to} };
        is($m->{lang}, $lang, "$m->{to}: in $lang");
        is(field($m->{data}, 'number'), $number, "$m->{to}: the number");
        is(field($m->{data}, 'subject'), $subject, "$m->{to}: the subject");
        is(field($m->{data}, 'priority'), $t->{priority}, "$m->{to}: the priority");
        is(field($m->{data}, 'requester'), $requester, "$m->{to}: the requester");
        is(field($m->{data}, 'org'), $org, "$m->{to}: the organisation");
        is(field($m->{data}, 'service'), $name{$lang}, "$m->{to}: the service in $lang");
        is(field($m->{data}, 'text'), $text, "$m->{to}: the text");
        like(field($m->{data}, 'link'), qr{/tickets/\Q$number\E$}, "$m->{to}: the link");
        is($m->{message_id}, $t->{thread_id}, "$m->{to}: the ticket's thread as Message-ID");
        ok(!defined $m->{in_reply_to}, "$m->{to}: the first of the thread");
    }
    isnt($name{de}, $name{en}, 'the service has a German name of its own');
};

subtest 'what the process keeps is outdated by a change' => sub {
    my $lena = 'lena.fischer@portico.example';
    ok((grep { $_ eq $lena } group_emails(1)), 'Lena of the service desk takes ticket mail') or return;
    sql('UPDATE users SET notify_tickets = 0 WHERE email = ' . sql_quote($lena));
    my $number = raise();
    sql('UPDATE users SET notify_tickets = 1 WHERE email = ' . sql_quote($lena));
    ok(!(grep { $_->{to} eq $lena } outbox_for('ticket-new', $number)), 'no mail for Lena once she wants none');
    ok((grep { $_->{to} eq $lena } outbox_for('ticket-new', raise())), 'and again once she wants them');

    my $p = sql_value('SELECT priority FROM ticket_priority_matrix WHERE impact = 3 AND urgency = 3');
    sql('UPDATE ticket_priority_matrix SET priority = 2 WHERE impact = 3 AND urgency = 3');
    $number = raise();
    sql("UPDATE ticket_priority_matrix SET priority = $p WHERE impact = 3 AND urgency = 3");
    is(ticket_row($number)->{priority}, 2, 'a changed matrix gives the new priority');
    is(ticket_row(raise())->{priority}, $p, 'and the old one once it is back');

    sql('INSERT INTO ticket_group_members (group_id, user_id, is_lead) VALUES (1, 12, 0)');
    $number = raise();
    sql('DELETE FROM ticket_group_members WHERE group_id = 1 AND user_id = 12');
    my $new = sql_value('SELECT email FROM users WHERE id = 12');
    ok((grep { $_->{to} eq $new } outbox_for('ticket-new', $number)), 'a new member of the group is told');
};

subtest 'the ticket\'s next due and first warning are its clocks\'' => sub {
    my $number = raise() or return;
    my $id = ticket_id($number);
    my $r = sql_rows('SELECT COUNT(*), MIN(due_at), MIN(COALESCE(warn_at, due_at)) FROM ticket_sla_clocks'
        . " WHERE ticket_id = $id AND state = 'running'")->[0];
    cmp_ok($r->[0], '>', 0, 'the ticket has running clocks');
    my $t = sql_rows("SELECT sla_due_at, sla_warn_at FROM tickets WHERE id = $id")->[0];
    ok(defined $t->[0], 'a next due');
    is($t->[0], $r->[1], 'sla_due_at: the earliest due');
    is($t->[1], $r->[2], 'sla_warn_at: the earliest warning');
    my $c = sql_rows("SELECT COUNT(*) FROM ticket_sla_clocks c JOIN tickets t ON t.id = c.ticket_id"
        . " JOIN sla_targets g ON g.policy_id = c.policy_id AND g.kind = c.kind AND g.priority = t.priority"
        . " WHERE c.ticket_id = $id AND c.target_s = g.minutes * 60")->[0][0];
    is($c, $r->[0], 'each clock has its policy\'s target for the priority');
};

subtest 'a mail to the support address names the organisation too' => sub {
    my $mid = "raise-175." . time() . ".$$\@mail.acme.example";
    my ($rc, undef, $err) = mailin_run(fixture_mail('new-ticket.eml', message_id => $mid));
    is($rc, 0, 'exit 0') or diag $err;
    my $number = sql_value('SELECT t.number FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id'
        . ' WHERE m.message_id = ' . sql_quote("<$mid>"));
    ok($number, 'a ticket') or return;
    forget_ticket($number);
    my @mails = outbox_for('ticket-new', $number);
    ok(@mails, 'the group is told');
    is(field($mails[0]{data}, 'org'), sql_value('SELECT name FROM orgs WHERE id = 2'), 'the sender\'s organisation');
    is(field($mails[0]{data}, 'requester'), sql_value('SELECT name FROM users WHERE id = 6'), 'the sender');
};

done_testing;
