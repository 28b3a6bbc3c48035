# Raising a ticket starts the clocks of the policy its service and its
# organisation's tier choose, each with its due in business time; agents
# see every deadline on the ticket page, the customer "we will answer by"
# in their own time zone and language.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Encode qw(encode);
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::SLA;

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
my $critical = policy_id('24x7 critical');

subtest 'a printer fault gets the 24x7 critical clocks' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form());
    my $t = ticket_row($n);
    is($t->{priority}, 3, 'impact 2 x urgency 2: P3');
    my $c = clocks($n);
    is_deeply([sort keys %$c], [qw(first_response resolution update)], 'three clocks');
    my %target = (first_response => 60, update => 240, resolution => 1440);
    for my $k (sort keys %target) {
        is($c->{$k}{policy_id}, $critical, "$k: the service's rule beats Acme's gold tier");
        is($c->{$k}{state}, 'running', "$k runs");
        is($c->{$k}{target_s}, $target{$k} * 60, "$k: P3 target $target{$k} business minutes");
        is($c->{$k}{consumed_s}, 0, "$k: nothing used yet");
        ok(abs(epoch_of($c->{$k}{since}) - epoch_of($t->{created_at})) <= 1, "$k: since the ticket was raised");
        is(epoch_of($c->{$k}{due_at}) - epoch_of($c->{$k}{since}), $target{$k} * 60,
            "$k: around the clock the due is the target later");
        is(epoch_of($c->{$k}{warn_at}) - epoch_of($c->{$k}{since}), $target{$k} * 30,
            "$k: warned at 50 %");
        ok(!defined $c->{$k}{warned_at} && !defined $c->{$k}{breached_at}, "$k: no warning, no breach");
    }
    is(sql_value('SELECT sla_due_at FROM tickets WHERE number = ' . sql_quote($n)),
        $c->{first_response}{due_at}, "the ticket's next due is the first response's");
};

subtest 'the tier chooses where no service rule does' => sub {
    my $acme = tk_raise($carl, 'other-question', [subject => 'Opening hours at Easter',
        description => 'Are you open on Easter Monday?']);
    my $klaus = tk_client('klaus@bergmann.example', lang => 'de');
    my $bergmann = tk_raise($klaus, 'other-question', [subject => encode('UTF-8', 'Öffnungszeiten an Ostern'),
        description => encode('UTF-8', 'Haben Sie am Ostermontag geöffnet?')]);
    is(clocks($acme)->{first_response}{policy_id}, policy_id('Premium'), 'Acme (gold): Premium');
    is(clocks($bergmann)->{first_response}{policy_id}, policy_id('Standard'), 'Bergmann (silver): Standard');
    is(clocks($acme)->{first_response}{target_s}, 480 * 60, 'Premium P5 first response: 480 minutes');
    is(clocks($bergmann)->{first_response}{target_s}, 960 * 60, 'Standard P5 first response: 960 minutes');
    my $c = clocks($bergmann)->{resolution};
    ok(epoch_of($c->{due_at}) - epoch_of($c->{since}) >= $c->{target_s},
        'office hours: the due is at least the target later');
};

subtest 'agents see every deadline' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Deadlines for agents'));
    my $c = clocks($n);
    my ($doc, $res) = $agent->get_xml("/tickets/$n");
    is($res->code, 200, 'the ticket page');
    is(xp($doc, '/page/ticket/sla/@policy'), '24x7 critical', 'the policy');
    is(xp_count($doc, '/page/ticket/sla/clock'), 3, 'three clocks');
    for my $k (qw(first_response update resolution)) {
        my $clock = "/page/ticket/sla/clock[\@kind='$k']";
        is(xp($doc, "$clock/\@state"), 'running', "$k running");
        is(epoch_of(xp($doc, "$clock/\@due")), epoch_of($c->{$k}{due_at}), "$k: its due");
        is(xp_count($doc, "$clock/\@breached"), 0, "$k: not breached");
    }
    is(xp($doc, "/page/ticket/sla/clock[\@kind='first_response']/\@target-minutes"), 60, 'target in minutes');

    my $html = $agent->get("/tickets/$n")->decoded_content;
    for my $k (qw(first_response resolution)) {
        my $text = local_text($c->{$k}{due_at}, 'Europe/Berlin', 'en');
        my $label = $k eq 'first_response' ? 'First response' : 'Resolution';
        like($html, qr{\Q$label\E due <time datetime="[^"]+">\Q$text\E</time>},
            "\"$label due $text\" in the agent's zone (Berlin), no raw stamp");
    }
    unlike($html, qr/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?!Z")/, 'no raw timestamp in the text');
};

subtest 'the customer: we will answer by, in their time zone' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'When will you answer?'));
    my $due = clocks($n)->{first_response}{due_at};
    my $zone = sql_value(q{SELECT time_zone FROM users WHERE email = 'carl@acme.example'});
    sql(q{UPDATE users SET time_zone = 'America/New_York' WHERE email = 'carl@acme.example'});
    my $c2 = tk_client('carl@acme.example');
    my ($doc) = $c2->get_xml("/tickets/$n");
    is(epoch_of(xp($doc, '/page/ticket/sla/answer-by')), epoch_of($due), 'answer-by: the first response due');
    is(xp_count($doc, '/page/ticket/sla/clock'), 0, 'no clocks for the customer');
    is(xp_count($doc, '/page/ticket/sla/@policy'), 0, 'nor the policy');
    my $html = $c2->get("/tickets/$n")->decoded_content;
    my $ny = local_text($due, 'America/New_York', 'en');
    like($html, qr{We will answer by <time datetime="[^"]+">\Q$ny\E</time>\.}, "we will answer by $ny (New York)");
    unlike($html, qr/First response due/, 'no agent deadlines');
    sql('UPDATE users SET time_zone = ' . sql_quote($zone) . q{ WHERE email = 'carl@acme.example'});

    my $klaus = tk_client('klaus@bergmann.example', lang => 'de');
    my $kn = tk_raise($klaus, 'printer-fault', tk_printer_form(subject => 'Drucker druckt nicht'));
    my $kdue = clocks($kn)->{first_response}{due_at};
    my $de = local_text($kdue, 'Europe/Berlin', 'de');
    like($klaus->get("/tickets/$kn")->decoded_content,
        qr{Wir antworten bis <time datetime="[^"]+">\Q$de\E</time>\.}, "German: wir antworten bis $de");

    # Past its due, the promise is not made any more.
    shift_clocks($n, 3700, kind => 'first_response');
    ($doc) = $carl->get_xml("/tickets/$n");
    ok(epoch_of(xp($doc, '/page/ticket/sla/answer-by')) != epoch_of($due), 'an overdue first response is not promised');
};

subtest 'other organisations see nothing of it' => sub {
    my $n = tk_raise($carl, 'printer-fault', tk_printer_form(subject => 'Not for Bergmann'));
    my $klaus = tk_client('klaus@bergmann.example', lang => 'de');
    my ($doc, $res) = $klaus->get_xml("/tickets/$n");
    is($res->code, 404, 'another org: 404');
    is(xp_count($doc, '//sla'), 0, 'no deadlines');
};

done_testing;
