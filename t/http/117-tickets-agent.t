# The agents' part: internal notes, status changes (pending needs a
# reason), assignment to a group and an agent.  Agents (tickets.work) of
# the provider work any org's ticket; customers get 403 for these forms,
# anonymous visitors too.  Each change writes the history and the audit
# row; invalid input is 422 with the values kept.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Mail ();

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
my $n = tk_raise(tk_client('klaus@bergmann.example'), 'other-question', [subject => 'Agent test', description => 'Hallo']);

subtest 'only agents' => sub {
    my $anna = tk_client('anna.admin@acme.example');
    for my $form (['note', [note => 'x']], ['status', [status => 'open']], ['assign', [group => 1]]) {
        my ($doc, $res) = tk_post(tk_client('klaus@bergmann.example'), "/tickets/$n/$form->[0]", $form->[1]);
        is($res->code, 403, "$form->[0]: the requester gets 403");
        ($doc, $res) = tk_post(tk_client(undef), "/tickets/$n/$form->[0]", $form->[1]);
        is($res->code, 403, "$form->[0]: anonymous gets 403");
        ($doc, $res) = tk_post($agent, "/tickets/$n/$form->[0]", $form->[1], no_csrf => 1);
        is($res->code, 403, "$form->[0]: no CSRF token, 403");
    }
    is(scalar message_rows($n), 1, 'nothing written');
};

subtest 'internal note' => sub {
    my ($doc, $res) = tk_post($agent, "/tickets/$n/note", [note => 'Called the customer.']);
    is($res->code, 303, 'answered 303');
    my @m = message_rows($n);
    is($m[-1]{kind}, 'internal', 'internal');
    is($m[-1]{author}, 3, 'by the agent');
    is(scalar audit_for('ticket.note', $n), 1, 'audit');
    ok(grep({ $_->{field} eq 'note' } history_rows($n)), 'history');
    is(scalar outbox_for('ticket-reply', $n), 0, 'no mail to the customer');
    ($doc) = tk_client('klaus@bergmann.example')->get_xml("/tickets/$n");
    unlike($doc->toString, qr/Called the customer/, 'the customer does not see it');
    ($doc, $res) = tk_post($agent, "/tickets/$n/note", [note => '']);
    is($res->code, 422, 'empty: 422');
    is(xp($doc, "/page/messages/message[\@field='note']/\@key"), 'tickets.body.required', 'message');
};

subtest 'status' => sub {
    my ($doc, $res) = tk_post($agent, "/tickets/$n/status", [status => 'pending', reason => '']);
    is($res->code, 422, 'pending without a reason: 422');
    is(xp($doc, "/page/messages/message[\@field='reason']/\@key"), 'tickets.status.reason', 'message');
    is(xp($doc, "/page/form[\@name='status']/field[\@name='status']"), 'pending', 'value kept');
    ($doc, $res) = tk_post($agent, "/tickets/$n/status", [status => 'pending', reason => 'third_party']);
    is($res->code, 303, 'pending for a third party');
    my $t = ticket_row($n);
    is("$t->{status}/$t->{pending_reason}", 'pending/third_party', 'stored');
    my @h = grep { $_->{field} =~ /^(status|pending_reason)$/ } history_rows($n);
    is_deeply([map { "$_->{field}:" . ($_->{old} // '') . '>' . ($_->{new} // '') } @h],
        ['status:>new', 'status:new>pending', 'pending_reason:>third_party'], 'history');
    my @a = audit_for('ticket.status', $n);
    like($a[-1]{after}, qr/"status":"pending","pending_reason":"third_party"/, 'audit');
    my @mails = outbox_for('ticket-status', $n);
    is_deeply([map { "$_->{to}/$_->{lang}" } @mails], ['klaus@bergmann.example/de'],
        'the requester is told, in German');
    like($mails[0]{data}, qr{<status>pending</status><reason>third_party</reason>}, 'what changed');
    is($mails[0]{in_reply_to}, ticket_row($n)->{thread_id}, 'in the ticket\'s thread');
    my $m = Portico::Mail::wait_for(to => 'klaus@bergmann.example', subject => qr/\Q$n\E/, timeout => 30);
    ok($m, 'delivered');
    like($m->{subject} // '', qr/Status geändert/, 'German subject');
    like($m->{text} // '', qr/Sie wartet auf Dritte\./, 'the status in words');
    ($doc, $res) = tk_post($agent, "/tickets/$n/status", [status => 'pending', reason => 'third_party']);
    is($res->code, 422, 'the same again: 422');
    ($doc, $res) = tk_post($agent, "/tickets/$n/status", [status => 'frozen']);
    is($res->code, 422, 'unknown status: 422');
    ($doc, $res) = tk_post($agent, "/tickets/$n/status", [status => 'resolved']);
    ok(defined ticket_row($n)->{resolved_at}, 'resolved: when');
    ($doc, $res) = tk_post($agent, "/tickets/$n/status", [status => 'closed']);
    $t = ticket_row($n);
    ok(defined $t->{closed_at} && defined $t->{resolved_at}, 'closed keeps when it was resolved');
    ($doc, $res) = tk_post($agent, "/tickets/$n/status", [status => 'open']);
    $t = ticket_row($n);
    ok(!defined $t->{closed_at} && !defined $t->{resolved_at}, 'open again forgets both');
};

subtest 'assignment' => sub {
    my ($doc, $res) = tk_post($agent, "/tickets/$n/assign", [group => 2, assignee => 2]);
    is($res->code, 303, 'answered 303');
    my $t = ticket_row($n);
    is("$t->{group_id}/$t->{assignee_id}", '2/2', 'billing, the manager');
    my @h = grep { $_->{field} =~ /^(group|assignee)$/ } history_rows($n);
    is_deeply([map { "$_->{field}:" . ($_->{old} // '') . '>' . ($_->{new} // '') } @h],
        ['group:1>2', 'assignee:>2'], 'history');
    like((audit_for('ticket.assign', $n))[-1]{after}, qr/"group_id":2,"assignee_id":2/, 'audit');
    ($doc, $res) = tk_post($agent, "/tickets/$n/assign", [group => 99, assignee => 2]);
    is($res->code, 422, 'unknown group: 422');
    is(xp($doc, "/page/messages/message[\@field='group']/\@key"), 'tickets.assign.group', 'message');
    ($doc, $res) = tk_post($agent, "/tickets/$n/assign", [group => 1, assignee => 6]);
    is($res->code, 422, 'a customer is no agent: 422');
    is(xp($doc, "/page/messages/message[\@field='assignee']/\@key"), 'tickets.assign.agent', 'message');
    is(xp($doc, "/page/form[\@name='assign']/field[\@name='assignee']"), '6', 'value kept');
    ($doc, $res) = tk_post($agent, "/tickets/$n/assign", [group => '', assignee => '']);
    is($res->code, 303, 'unassign');
    $t = ticket_row($n);
    ok(!defined $t->{group_id} && !defined $t->{assignee_id}, 'nobody');
    my ($page) = $agent->get_xml("/tickets/$n");
    ok(xp_count($page, "/page/ticket/agent/history/change[\@field='assignee']"), 'the page shows the history');
    my ($q) = $agent->get_xml('/tickets/queue?assignee=none&q=Agent+test');
    is(xp($q, '/page/tickets/ticket/@number'), $n, 'in the unassigned queue');
};

done_testing;
