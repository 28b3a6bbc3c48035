# The clocks through a ticket's life: every clock pauses while the ticket
# is pending on the customer and runs on when they answer, the time waited
# not counted; pending on a third party does not pause them; an agent's
# first public reply stops the first response and starts the update clock
# again; resolving stops them all and reopening runs resolution on.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::SLA;

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');

sub status {
    my ($n, $status, $reason) = @_;
    my (undef, $res) = tk_post($agent, "/tickets/$n/status",
        [status => $status, defined $reason ? (reason => $reason) : ()]);
    is($res->code, 303, "status $status" . ($reason ? " ($reason)" : ''));
}

sub reply {
    my ($c, $n, $body, @more) = @_;
    my (undef, $res) = tk_post($c, "/tickets/$n/reply", [body => $body, @more]);
    is($res->code, 303, 'reply posted');
}

subtest 'pending on the customer pauses every clock' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Pause me'));
    shift_clocks($n, 600);	# ten minutes have passed
    status($n, 'pending', 'customer');
    my $c = clocks($n);
    for my $k (qw(first_response update resolution)) {
        is($c->{$k}{state}, 'paused', "$k paused");
        ok($c->{$k}{consumed_s} >= 600 && $c->{$k}{consumed_s} <= 615, "$k: the ten minutes counted")
            or diag("consumed $c->{$k}{consumed_s}");
        ok(!defined $c->{$k}{due_at}, "$k: no due while paused");
        ok(!defined $c->{$k}{warn_at}, "$k: no warning while paused");
    }
    is(sql_value('SELECT sla_due_at FROM tickets WHERE number = ' . sql_quote($n)), undef,
        'the ticket has no next due');

    my ($doc) = $agent->get_xml("/tickets/$n");
    is(xp($doc, "/page/ticket/sla/clock[\@kind='first_response']/\@state"), 'paused', 'agents see it paused');
    is(xp($doc, "/page/ticket/sla/clock[\@kind='first_response']/\@left-minutes"), 50, '50 minutes left');
    like($agent->get("/tickets/$n")->decoded_content, qr/Paused while we wait for the customer, 50 business minutes left/,
        'and read it');
    ($doc) = $carl->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/sla/@waiting'), 'customer', 'the customer: we wait for you');
    is(xp_count($doc, '/page/ticket/sla/answer-by'), 0, 'no promise while we wait');
    like($carl->get("/tickets/$n")->decoded_content, qr/We are waiting for your reply/, 'said so');

    # Two hours pass while the customer thinks it over; then they answer.
    shift_clocks($n, 7200);
    reply($carl, $n, 'The error code is E-071 again.');
    is(ticket_row($n)->{status}, 'open', 'the answer reopens the ticket');
    $c = clocks($n);
    for my $k (qw(first_response update resolution)) {
        is($c->{$k}{state}, 'running', "$k runs again");
        ok($c->{$k}{consumed_s} >= 600 && $c->{$k}{consumed_s} <= 615, "$k: the two hours waited do not count");
        my $left = seconds_until($c->{$k}{due_at});
        my $want = $c->{$k}{target_s} - $c->{$k}{consumed_s};
        ok(abs($left - $want) <= 5, "$k: due in what is left of the target") or diag("$left vs $want");
    }
    is(sql_value('SELECT sla_due_at FROM tickets WHERE number = ' . sql_quote($n)),
        $c->{first_response}{due_at}, 'the next due is back');
};

subtest 'pending on a third party: the clocks run on' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Waiting for the vendor'));
    my $before = clocks($n);
    status($n, 'pending', 'third_party');
    my $c = clocks($n);
    is($c->{$_}{state}, 'running', "$_ still runs") for qw(first_response update resolution);
    is($c->{resolution}{due_at}, $before->{resolution}{due_at}, 'the due stays');
    status($n, 'pending', 'customer');
    is(clocks($n)->{resolution}{state}, 'paused', 'from third party to the customer: paused');
    status($n, 'pending', 'third_party');
    is(clocks($n)->{resolution}{state}, 'running', 'and back: running');
};

subtest 'the first public reply: first response stops, the update clock starts again' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Answer me'));
    shift_clocks($n, 900);
    reply($agent, $n, 'Please send us a photo of the label.');
    my $c = clocks($n);
    is($c->{first_response}{state}, 'stopped', 'first response stopped');
    ok($c->{first_response}{consumed_s} >= 900 && $c->{first_response}{consumed_s} <= 915, 'after 15 minutes');
    ok(defined $c->{first_response}{stopped_at}, 'when');
    ok(!defined $c->{first_response}{breached_at}, 'in time: no breach');
    is($c->{update}{state}, 'running', 'update runs');
    ok($c->{update}{consumed_s} == 0 && abs(seconds_until($c->{update}{due_at}) - 14400) <= 5,
        'from zero: due in its 240 minutes');
    ok($c->{resolution}{consumed_s} == 0 && abs(seconds_until($c->{resolution}{due_at}) - (86400 - 900)) <= 5,
        'resolution runs on as it was');
    is(ticket_row($n)->{status}, 'open', 'new -> open');
    my ($doc) = $agent->get_xml("/tickets/$n");
    is(xp($doc, "/page/ticket/sla/clock[\@kind='first_response']/\@state"), 'stopped', 'shown stopped');
    like($agent->get("/tickets/$n")->decoded_content, qr/First response: Met \(<time/, 'met, with its time');

    # A reply that also asks the customer something: update restarts, then all pause.
    shift_clocks($n, 600);
    reply($agent, $n, 'Which firmware does it run?', after => 'pending:customer');
    $c = clocks($n);
    is($c->{update}{state}, 'paused', 'update paused');
    is($c->{update}{consumed_s}, 0, 'from zero');
    is($c->{first_response}{state}, 'stopped', 'first response stays stopped');
    ok($c->{resolution}{consumed_s} >= 1500, 'resolution kept its 25 minutes');

    # A customer's reply does not stop anything.
    reply($carl, $n, 'Firmware 2.4.1.');
    is(clocks($n)->{first_response}{state}, 'stopped', 'still stopped');
    is(clocks($n)->{update}{state}, 'running', 'update runs again');
};

subtest 'resolved stops every clock, reopened runs resolution on' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Resolve and reopen'));
    reply($agent, $n, 'Fixed remotely.');
    shift_clocks($n, 1200);
    my (undef, $res) = tk_post($carl, "/tickets/$n/resolve", []);
    is($res->code, 303, 'the customer resolves it');
    my $c = clocks($n);
    is($c->{$_}{state}, 'stopped', "$_ stopped") for qw(first_response update resolution);
    ok($c->{resolution}{consumed_s} >= 1200, 'resolution used 20 minutes');
    is(sql_value('SELECT sla_due_at FROM tickets WHERE number = ' . sql_quote($n)), undef, 'no next due');
    my $used = $c->{resolution}{consumed_s};

    shift_clocks($n, 86400 * 2);	# two days later the customer writes again
    reply($carl, $n, 'It happens again.');
    is(ticket_row($n)->{status}, 'open', 'reopened');
    $c = clocks($n);
    is($c->{resolution}{state}, 'running', 'resolution runs again');
    is($c->{resolution}{consumed_s}, $used, 'with the time it had, the two days resolved not counted');
    ok(abs(seconds_until($c->{resolution}{due_at}) - (86400 - $used)) <= 5, 'due in what is left');
    is($c->{update}{state}, 'running', 'an update is due again');
    is($c->{update}{consumed_s}, 0, 'from zero');
    is($c->{first_response}{state}, 'stopped', 'the first response was given');
};

done_testing;
