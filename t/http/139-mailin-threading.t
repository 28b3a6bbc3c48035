# The whole loop: an agent answers on the web; the customer's mail carries
# the ticket's reply address as Reply-To and threads on the ticket
# (Message-ID of ours, In-Reply-To and References the ticket's thread); the
# customer's mail program answers it (to Reply-To, In-Reply-To its
# Message-ID, the agent's text quoted), and portico-mailin puts the answer,
# without the quote, on the ticket.  The mails to the agents name no
# Reply-To: they answer on the ticket's page.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Mail ();
use Portico::Mailin;

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');

my $number = tk_raise($carl, 'other-question', [subject => 'Threading ' . unique_tag('th'),
    description => 'Does the reply thread?']);
my $id = ticket_id($number);
my $thread = ticket_row($number)->{thread_id};

subtest 'the customer\'s mail: Reply-To the reply address, threaded' => sub {
    my ($doc, $res) = tk_post($agent, "/tickets/$number/reply", [body => 'Please restart the gateway.']);
    is($res->code, 303, 'the agent answers');
    my @rows = outbox_for('ticket-reply', $number);
    is(scalar @rows, 1, 'one mail, to Carl') or return;
    is(sql_value('SELECT reply_to FROM outbox WHERE template = ' . sql_quote('ticket-reply')
        . ' AND data_xml LIKE ' . sql_quote("%<number>$number</number>%")), reply_address($id),
        'the outbox row names the reply address');
    is($rows[0]{in_reply_to}, $thread, 'In-Reply-To: the thread');
    my $m = Portico::Mail::wait_for(to => 'carl@acme.example', text => qr/restart the gateway/, timeout => 30);
    ok($m, 'the mail arrives') or return;
    is($m->{headers}{'reply-to'}, reply_address($id), 'Reply-To: the ticket\'s reply address');
    like($m->{headers}{'message-id'}, qr/^<ticket\.$id\.[0-9a-f]+\@portico\.example>$/, 'a Message-ID of ours');
    is($m->{headers}{'in-reply-to'}, $thread, 'In-Reply-To: the thread');
    like($m->{headers}{references}, qr/\Q$thread\E/, 'References: the thread');
    is($m->{headers}{'auto-submitted'}, 'auto-generated', 'Auto-Submitted, so out-of-office notes stay away');

    # Carl's mail program answers.
    my $reply = join("\n",
        'Return-Path: <carl@acme.example>',
        'From: Carl Customer <carl@acme.example>',
        "To: $m->{headers}{'reply-to'}",
        "Subject: Re: $m->{subject}",
        'Message-ID: <carl.answer.' . $id . '@mail.acme.example>',
        "In-Reply-To: $m->{headers}{'message-id'}",
        "References: $m->{headers}{references} $m->{headers}{'message-id'}",
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Done, the gateway is back.',
        '',
        'On Mon, 1 Jun 2026 at 10:00, Portico <portal@portico.example> wrote:',
        (map { "> $_" } split /\n/, $m->{text}),
        '');
    my ($rc, undef, $err) = mailin_run($reply, '-f', 'carl@acme.example', '-r', $m->{headers}{'reply-to'});
    is($rc, 0, 'portico-mailin takes it: exit 0') or diag $err;
    my @msgs = message_rows($number);
    is($msgs[-1]{body}, 'Done, the gateway is back.', 'on the ticket, without the quote');
    is($msgs[-1]{author}, 6, 'by Carl');
    is(ticket_row($number)->{status}, 'open', 'the ticket is open');
};

subtest 'the agents\' mails name no Reply-To' => sub {
    my @rows = outbox_for('ticket-update', $number);
    ok(@rows, 'the agents were told of Carl\'s answers');
    is(sql_value('SELECT COUNT(*) FROM outbox WHERE template IN (' . sql_quote('ticket-update') . ','
        . sql_quote('ticket-new') . ') AND reply_to IS NOT NULL AND data_xml LIKE '
        . sql_quote("%<number>$number</number>%")), 0, 'without Reply-To');
};

done_testing();
