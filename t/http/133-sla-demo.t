# The demo service levels: the two calendars (Germany office with the
# German public holidays of 2026 and 2027, 24x7), the three policies with a
# target per priority and clock, the rules; a ticket raised now on office
# hours is due where a minute-by-minute count of Berlin's business hours
# says, whenever the test runs; and the demo tickets' clocks and breaches.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use POSIX ();
use Encode qw(encode);
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::SLA;

my $office = sql_value(q{SELECT id FROM sla_calendars WHERE name = 'Germany office'});
my $always = sql_value(q{SELECT id FROM sla_calendars WHERE name = '24x7'});

subtest 'calendars' => sub {
    ok($office && $always, 'Germany office and 24x7');
    is(sql_value("SELECT time_zone FROM sla_calendars WHERE id = $office"), 'Europe/Berlin', 'office: Berlin');
    is(join(' ', map { join '-', @$_ } @{ sql_rows("SELECT weekday, opens, closes FROM sla_calendar_hours"
        . " WHERE calendar_id = $office ORDER BY weekday") }),
        join(' ', map { "$_-08:00:00-18:00:00" } 1 .. 5), 'office: Monday to Friday 08:00-18:00');
    is(sql_value("SELECT COUNT(*) FROM sla_calendar_hours WHERE calendar_id = $always"
        . " AND opens = '00:00:00' AND closes = '24:00:00'"), 7, '24x7: every day, all day');
    my %want = map { $_ => 1 } qw(2026-01-01 2026-04-03 2026-04-06 2026-05-01 2026-05-14 2026-05-25
        2026-10-03 2026-12-25 2026-12-26 2027-01-01 2027-03-26 2027-03-29 2027-05-01 2027-05-06
        2027-05-17 2027-10-03 2027-12-25 2027-12-26);
    my @days = map { $_->[0] } @{ sql_rows("SELECT day FROM sla_holidays WHERE calendar_id = $office ORDER BY day") };
    is_deeply([sort @days], [sort keys %want],
        'New Year, Good Friday, Easter Monday, 1 May, Ascension, Whit Monday, 3 Oct, Christmas: 2026 and 2027');
    is(sql_value("SELECT name FROM sla_holidays WHERE calendar_id = $office AND day = '2027-05-06'"),
        'Christi Himmelfahrt', 'named');
};

subtest 'policies, targets and rules' => sub {
    my %warn = ('Standard' => 80, 'Premium' => 75, '24x7 critical' => 50);
    for my $p (sort keys %warn) {
        my $id = policy_id($p);
        ok($id, "$p exists");
        is(sql_value("SELECT warn_percent FROM sla_policies WHERE id = $id"), $warn{$p}, "$p warns at $warn{$p} %");
        is(sql_value("SELECT COUNT(*) FROM sla_targets WHERE policy_id = $id"), 15, "$p: 5 priorities x 3 clocks");
        is(sql_value("SELECT COUNT(*) FROM sla_targets a JOIN sla_targets b ON b.policy_id = a.policy_id"
            . " AND b.kind = a.kind AND b.priority = a.priority + 1 WHERE a.policy_id = $id AND b.minutes <= a.minutes"),
            0, "$p: a lower priority never has a shorter target");
    }
    is(sql_value("SELECT calendar_id FROM sla_policies WHERE id = " . policy_id('24x7 critical')), $always,
        '24x7 critical counts around the clock');
    is(join(' ', map { $_->[0] // '-' } @{ sql_rows("SELECT tier FROM sla_policy_rules WHERE service_id IS NULL"
        . " AND policy_id = " . policy_id('Premium') . " ORDER BY tier") }), 'gold premium', 'Premium: gold and premium orgs');
};

# Berlin business seconds of the office calendar from $from for $target
# seconds, minute by minute: the instant the target is used up.
my %holiday = map { $_->[0] => 1 } @{ sql_rows("SELECT day FROM sla_holidays WHERE calendar_id = $office") };
my @closures = map { [$_->[0], $_->[1]] }
    @{ sql_rows("SELECT starts_at, ends_at FROM sla_closures WHERE calendar_id = $office") };

sub office_open {
    my ($t) = @_;
    my @lt;
    {
        local $ENV{TZ} = ':Europe/Berlin';
        POSIX::tzset();
        @lt = localtime($t);
    }
    POSIX::tzset();
    my $day = sprintf('%04d-%02d-%02d', $lt[5] + 1900, $lt[4] + 1, $lt[3]);
    my $local = sprintf('%s %02d:%02d:%02d', $day, @lt[2, 1, 0]);
    return 0 if $lt[6] == 0 || $lt[6] == 6 || $holiday{$day} || $lt[2] < 8 || $lt[2] >= 18;
    return !grep { $local ge $_->[0] && $local lt $_->[1] } @closures;
}

sub office_due {
    my ($from, $target) = @_;
    my $t = $from;
    while ($target > 0) {
        $target -= 60 if office_open($t);
        $t += 60;
    }
    return $t + $target;
}

subtest 'a ticket on office hours is due where Berlin business hours say' => sub {
    my $klaus = tk_client('klaus@bergmann.example', lang => 'de');
    my $n = tk_raise($klaus, 'other-question', [subject => encode('UTF-8', 'Wann haben Sie geöffnet?'),
        description => 'Wir planen einen Besuch.']);
    my $c = clocks($n);
    is($c->{first_response}{policy_id}, policy_id('Standard'), 'Bergmann: Standard');
    for my $k (qw(first_response resolution)) {
        my $since = epoch_of($c->{$k}{since});
        my $want = office_due($since, $c->{$k}{target_s});
        my $got = epoch_of($c->{$k}{due_at});
        ok(abs($got - $want) <= 60, "$k: due $c->{$k}{due_at} UTC, as counted minute by minute")
            or diag('counted ' . POSIX::strftime('%Y-%m-%d %H:%M:%S', gmtime $want));
    }
};

subtest "the demo tickets' clocks" => sub {
    my ($t1, $t3, $t4) = map { demo_ticket($_) } 1, 3, 4;
    my $c = clocks($t1);
    is($c->{first_response}{state}, 'stopped', "$t1: answered");
    ok(defined $c->{first_response}{breached_at}, '... late');
    is($c->{resolution}{state}, 'running', '... not resolved');
    is(sql_value("SELECT COUNT(*) FROM ticket_sla_breaches WHERE ticket_id = 1"), 3, '... three breaches');
    is(sql_value("SELECT COUNT(*) FROM ticket_sla_breaches WHERE ticket_id = 4"), 2, "$t4: two");
    my $agent = tk_client('agent@portico.example');
    $agent->get_xml("/tickets/$t3");
    ok(defined clocks($t3)->{first_response}{due_at},
        "$t3: the due of a clock written without one is worked out (by the check, or when an agent looks)");
    my ($doc) = $agent->get_xml("/tickets/$t1");
    is(xp_count($doc, '/page/ticket/sla/clock[@breached]'), 3, 'the agent sees three breached clocks');
};

done_testing;
