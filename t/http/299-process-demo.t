# The demo data's cases of the shipped processes (sql/demo/0085): the demo
# ticket whose resolution breached has its escalation, which mailed the
# group's lead; the recently created Lindqvist Retail AB has its
# onboarding, which invited its admin.  flowd failed none of the demo's
# commands.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::ProcessCases;

plan skip_all => 'needs portico-flowd' unless flowd_built();

my $t1 = demo_ticket(1);
my $lead = sql_value("SELECT u.email FROM tickets t JOIN ticket_group_members m ON m.group_id = t.group_id"
    . " AND m.is_lead = 1 JOIN users u ON u.id = m.user_id WHERE t.id = 1 ORDER BY u.id LIMIT 1");

subtest 'the breached demo ticket is escalated' => sub {
    my $i;
    ok(wait_until(20, sub { $i = flow_instance('ticket-escalation', $t1) }), "$t1 has an escalation") or return;
    is(flow_vars($i->{id})->{ticket_id}, 1, 'of the ticket');
    ok(wait_until(20, sub { flow_passed($i->{id}, 'told') }), 'which told the lead');
    ok(scalar(grep { $_->{data} =~ /escalates="1"/ && $_->{to} eq $lead } outbox_for('sla-alert', $t1)),
        "by the breach mail to $lead");
    is(scalar(grep { defined $_->{failed_at} } flow_commands($t1)), 0, 'no command of it failed');
};

subtest 'the new customer is onboarded' => sub {
    my $org = sql_value("SELECT id FROM orgs WHERE name = 'Lindqvist Retail AB'");
    ok($org, 'Lindqvist Retail AB') or return;
    my $i;
    ok(wait_until(20, sub { $i = flow_instance('customer-onboarding', $org) }), 'has its onboarding') or return;
    is($i->{org_id}, $org, "as the org's");
    ok(wait_until(20, sub { sql_value("SELECT status FROM users WHERE email = 'maja.lindqvist\@lindqvist.example'"
        . " AND org_id = $org") }), 'its admin is invited');
    is(scalar(grep { defined $_->{failed_at} } flow_commands($org)), 0, 'no command of it failed');
};

done_testing;
