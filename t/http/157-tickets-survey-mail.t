# The survey mail: when a ticket becomes resolved (by the agent's status
# change, an agent's reply "and resolve", or the customer's "it is
# solved"), its survey starts a round (ticket_surveys: requester, org,
# service, group, the agent) and the requester gets the mail
# "ticket-survey" in their language through the outbox, threaded into the
# ticket's conversation, with a link /tickets/<number>/survey/<token> that
# the SMTP sink receives.  Reopening and resolving again is a new round
# with a new mail; closing a resolved ticket is none.  Someone who takes no
# ticket mails gets none, but the survey is there.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Survey;
use Portico::Mail;

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
my $agent_id = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
forget_filings_of('carl@acme.example', 'klaus@bergmann.example');

sub raise_as {
    my ($c, $subject) = @_;
    my $w = made_up_word();
    return tk_raise($c, 'other-question', [subject => "$subject $w", description => "About $w.",
        suggested => 'script']);
}

subtest 'resolved by the agent: a round, a mail in the outbox and in the sink' => sub {
    my $n = raise_as($carl, 'Where is my order');
    ok(!survey_row($n), 'no survey before');
    my ($doc, $res) = tk_post($agent, "/tickets/$n/assign", [group => 1, assignee => $agent_id]);
    is($res->code, 303, 'assigned');
    agent_resolve($agent, $n);
    my $t = ticket_row($n);
    my $s = survey_row($n);
    ok($s, 'a survey');
    is($s->{round}, 1, 'round 1');
    is("$s->{requester_id}/$s->{org_id}/$s->{service_id}", "6/2/$t->{service_id}", 'requester, org, service');
    is($s->{group_id}, 1, 'the group');
    is($s->{agent_id}, $agent_id, 'the agent');
    ok(!defined $s->{rating}, 'no answer yet');
    is(sql_value("SELECT ROUND(TIMESTAMPDIFF(SECOND, sent_at, expires_at) / 86400) FROM ticket_surveys WHERE ticket_id = $t->{id}"),
        30, 'the link works 30 days');

    my @mails = outbox_for('ticket-survey', $n);
    is(scalar @mails, 1, 'one survey mail queued');
    is($mails[0]{to}, 'carl@acme.example', 'to the requester');
    is($mails[0]{lang}, 'en', 'in English');
    is($mails[0]{in_reply_to}, $t->{thread_id}, 'in the ticket\'s thread');
    is($mails[0]{references}, $t->{thread_id}, 'references the thread');
    my $link = survey_link_of($n);
    like($link, qr{^/tickets/\Q$n\E/survey/$t->{id}\.\d+\.[A-Za-z0-9_-]{22}$}, 'the signed link');
    like($mails[0]{data}, qr{<days>30</days>}, 'says how long');
    like($mails[0]{data}, qr{<change-days>7</change-days>}, 'and how long an answer may change');
    unlike(join(' ', map { $_->[0] } @{ sql_rows('SELECT to_email FROM outbox WHERE template = \'ticket-survey\''
        . ' AND data_xml LIKE ' . sql_quote("%<number>$n</number>%")) }), qr/agent/, 'no survey to the agent');

    my $m = Portico::Mail::wait_for(to => 'carl@acme.example', subject => qr/\Q$n\E\z/, timeout => 30);
    ok($m, 'the mail arrived');
    SKIP: {
        skip 'no mail', 5 unless $m;
        is($m->{subject}, "How did we do? Your ticket $n", 'subject');
        like($m->{text}, qr/was resolved/, 'says it was resolved');
        like($m->{text}, qr{\Q$link\E}, 'the link in the text');
        like($m->{html}, qr{\Q$link\E\?rating=5}, 'a link per rating in the HTML');
        is($m->{headers}{'in-reply-to'}, $t->{thread_id}, 'threaded');
    }
    is($carl->get($link)->code, 200, 'the link opens the survey');
};

subtest 'reopened and resolved again: a new round, a new mail' => sub {
    my $n = raise_as($carl, 'Reopen me');
    agent_resolve($agent, $n);
    my $first = survey_link_of($n);
    my ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'Not solved after all.']);
    is($res->code, 303, 'the customer\'s reply');
    is(ticket_row($n)->{status}, 'open', 'reopens it');
    is(survey_row($n)->{round}, 1, 'no new round for reopening');
    is(scalar(outbox_for('ticket-survey', $n)), 1, 'nor a mail');
    agent_resolve($agent, $n);
    is(survey_row($n)->{round}, 2, 'resolved again: round 2');
    my @mails = outbox_for('ticket-survey', $n);
    is(scalar @mails, 2, 'a second mail');
    my $second = survey_link_of($n);
    isnt($second, $first, 'with a new link');
    agent_resolve($agent, $n, 'closed');
    is(survey_row($n)->{round}, 2, 'closing is no new round');
    is(scalar(outbox_for('ticket-survey', $n)), 2, 'and no mail');
};

subtest 'resolved by the customer, or by a reply that resolves' => sub {
    my $n = raise_as($carl, 'Solved it myself');
    my ($doc, $res) = tk_post($carl, "/tickets/$n/resolve", []);
    is($res->code, 303, 'marked resolved');
    my $s = survey_row($n);
    is($s->{round}, 1, 'a survey');
    ok(!defined $s->{agent_id}, 'nobody assigned, no agent');
    is(scalar(outbox_for('ticket-survey', $n)), 1, 'and its mail');

    $n = raise_as($carl, 'Answer and resolve');
    ($doc, $res) = tk_post($agent, "/tickets/$n/reply", [body => 'Done, see the manual.', after => 'resolved']);
    is($res->code, 303, 'the agent\'s reply resolving it');
    $s = survey_row($n);
    is($s->{agent_id}, $agent_id, 'the agent who resolved it');
    is(scalar(outbox_for('ticket-survey', $n)), 1, 'the mail');
};

subtest 'in the recipient\'s language' => sub {
    my $klaus = tk_client('klaus@bergmann.example', lang => 'de');
    my $n = raise_as($klaus, 'Wo ist meine Bestellung');
    agent_resolve($agent, $n);
    my @mails = outbox_for('ticket-survey', $n);
    is($mails[0]{lang}, 'de', 'German');
    like($mails[0]{data}, qr{<service>Sonstige Frage</service>}, 'the service\'s German name');
    my $m = Portico::Mail::wait_for(to => 'klaus@bergmann.example', subject => qr/\Q$n\E\z/, timeout => 30);
    SKIP: {
        skip 'no mail', 2 unless $m;
        is($m->{subject}, "Wie war unsere Hilfe? Ihr Ticket $n", 'German subject');
        like($m->{text}, qr/wurde gelöst/, 'German text');
    }
};

subtest 'no ticket mails wanted: no mail, the survey waits on the page' => sub {
    my $n = raise_as($carl, 'Quietly');
    sql("UPDATE users SET notify_tickets = 0 WHERE email = 'carl\@acme.example'");
    my $ok = eval { agent_resolve($agent, $n); 1 };
    sql("UPDATE users SET notify_tickets = 1 WHERE email = 'carl\@acme.example'");
    ok($ok, 'resolved') or diag $@;
    is(survey_row($n)->{round}, 1, 'a survey');
    is(scalar(outbox_for('ticket-survey', $n)), 0, 'no mail');
    my ($doc) = $carl->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/survey/@state'), 'open', 'on the ticket page');
};

done_testing;
