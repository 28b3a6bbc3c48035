# Bulk changes on the desk (POST /tickets/desk): the tickets ticked get a
# new assignee (me, a group's queue, an agent of the group), status or
# priority, each through the single ticket's code in one transaction:
# the row, its history and audit rows, the SLA clocks (paused for the
# customer, targets for a new priority) and the mails the status change
# sends.  Refused as a whole with 422, the tickets still ticked and a
# message: no ticket, too many, an action or value that is none, a status
# a ticket has already.  Tickets it may not touch (merged into another,
# or gone) are left as they are and named, with why, after the change.
# Without the CSRF token, or for anyone but an agent, nothing happens.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use HTTP::Request::Common ();
use Portico::Test;
use Portico::Tickets;
use Portico::Desk;

my $w = desk_world();
my ($A, $B, $G) = @$w{qw(agent colleague group)};
my $dora = tk_client($w->{agent_email});
my $desk = '/tickets/desk?view=all&org=' . $w->{org};

# POST the desk's bulk form: the tickets ticked, the form's other pairs, tk_post's options.
sub bulk {
    my ($c, $numbers, $pairs, %o) = @_;
    return tk_post($c, "$desk&page=1", [(map { (ticket => $_) } @$numbers), @$pairs], %o);
}

sub row { ticket_row($_[0]) }

sub statuses { join ' ', map { row($_)->{status} } @_ }

subtest 'refused as a whole: 422, the tickets still ticked, nothing changed' => sub {
    my @n = map { desk_ticket($w, status => 'new', group => $G) } 1 .. 3;
    my ($doc, $res) = bulk($dora, [], [action => 'assign', 'bulk-to' => 'me']);
    is($res->code, 422, 'no ticket ticked: 422');
    is(xp($doc, "/page/messages/message[\@field='bulk']/\@key"), 'tickets.bulk.none', 'said at the tickets');
    is(xp($doc, "/page/form[\@name='bulk']/field[\@name='bulk-to']"), 'me', 'the choice kept');
    is(xp($doc, '/page/desk/@view'), 'all', 'the same view again');

    ($doc, $res) = bulk($dora, \@n, [action => 'assign', 'bulk-to' => 'nobody']);
    is($res->code, 422, 'an assignee that is none: 422');
    is(xp($doc, "/page/messages/message[\@field='bulk-to']/\@key"), 'tickets.bulk.to.invalid', 'said there');
    is(join(' ', xp_list($doc, "/page/form[\@name='bulk']/field[\@name='ticket']")), join(' ', sort @n),
        'the tickets still ticked');
    my $html = $dora->request(HTTP::Request::Common::POST(base_url() . "$desk&page=1",
        [(map { (ticket => $_) } @n), action => 'assign', 'bulk-to' => 'nobody', csrf => tk_csrf($dora)]))
        ->decoded_content;
    ok($html =~ m{<input type="checkbox" name="ticket" value="$n[1]" id="pick-$n[1]" checked="checked"},
        'HTML: ticked again');

    ($doc, $res) = bulk($dora, \@n, [action => 'assign', 'bulk-to' => "a$G-6"]);
    is($res->code, 422, 'a customer as the agent: 422');
    ($doc, $res) = bulk($dora, \@n, [action => 'assign', 'bulk-to' => "a2-$A"]);
    is($res->code, 422, 'an agent not of that group: 422');
    ($doc, $res) = bulk($dora, \@n, [action => 'status', 'bulk-status' => 'frozen']);
    is(xp($doc, "/page/messages/message[\@field='bulk-status']/\@key"), 'tickets.status.invalid', 'no such status');
    ($doc, $res) = bulk($dora, \@n, [action => 'status', 'bulk-status' => 'pending', 'bulk-reason' => '']);
    is($res->code, 422, 'pending without the reason: 422');
    is(xp($doc, "/page/messages/message[\@field='bulk-reason']/\@key"), 'tickets.status.reason', 'said there');
    ($doc, $res) = bulk($dora, \@n, [action => 'priority', 'bulk-priority' => '7']);
    is(xp($doc, "/page/messages/message[\@field='bulk-priority']/\@key"), 'tickets.bulk.priority.invalid',
        'no such priority');
    ($doc, $res) = bulk($dora, \@n, [action => 'delete']);
    is(xp($doc, "/page/messages/message[\@field='action']/\@key"), 'tickets.bulk.action', 'no such action');
    ($doc, $res) = bulk($dora, [@n, 'T-12-3'], [action => 'priority', 'bulk-priority' => 2]);
    is(xp($doc, "/page/messages/message[\@field='bulk']/\@key"), 'tickets.bulk.invalid', 'not a number');

    set_ticket($n[1], status => "'open'");
    ($doc, $res) = bulk($dora, \@n, [action => 'status', 'bulk-status' => 'open']);
    is($res->code, 422, 'one of them open already, set open: 422');
    is(xp($doc, "/page/messages/message[\@field='bulk-status']/\@key"), 'tickets.bulk.same', 'the message');
    is(xp($doc, '/page/bulk-result/ticket/@number'), $n[1], 'naming that ticket');
    is(xp($doc, '/page/bulk-result/ticket/@why'), 'same', 'and why');
    is(statuses(@n), 'new open new', 'the others not changed either');
    is(scalar(grep { $_->{field} eq 'status' } map { history_rows($_) } @n), 0, 'no history');
    is(scalar(map { audit_for('ticket.status', $_) } @n), 0, 'no audit row');
    is(scalar(map { outbox_for('ticket-status', $_) } @n), 0, 'no mail');

    my @many = map { sprintf('T-1996-%07d', 9000000 + $_) } 1 .. 101;
    ($doc, $res) = bulk($dora, \@many, [action => 'priority', 'bulk-priority' => 2]);
    is($res->code, 422, '101 tickets: 422');
    is(xp($doc, "/page/messages/message[\@field='bulk']/\@key"), 'tickets.bulk.too-many', 'too many');
    is(xp($doc, "/page/messages/message[\@field='bulk']/\@max"), 100, 'at most 100');
};

subtest 'assign: to me, to a group\'s queue, to an agent of the group' => sub {
    my $x = desk_ticket($w, status => 'new', group => 1);
    my $y = desk_ticket($w, status => 'open', group => $G, assignee => $B);
    my $z = desk_ticket($w, status => 'open', group => $G, assignee => $A);
    my ($doc, $res) = bulk($dora, [$x, $y, $z], [action => 'assign', 'bulk-to' => 'me']);
    is($res->code, 303, 'answered 303');
    like(location_path($res), qr{^/tickets/desk\?view=all&org=$w->{org}&page=1&done=bulk&changed=2&unchanged=1$},
        'to the same view, with the outcome');
    is(join(' ', map { row($_)->{assignee_id} . '/' . row($_)->{group_id} } $x, $y, $z), "$A/1 $A/$G $A/$G",
        'hers, each in its group');
    is_deeply([map { "$_->{field}:" . ($_->{old} // '') . '>' . $_->{new} . ":$_->{user}" }
        grep { $_->{field} =~ /^(assignee|group)$/ } history_rows($y)], ["assignee:$B>$A:$A"], 'history');
    like((audit_for('ticket.assign', $x))[-1]{after}, qr/"group_id":1,"assignee_id":$A/, 'audit');
    is(scalar(audit_for('ticket.assign', $z)), 0, 'hers already: no change, no audit');
    ($doc) = $dora->get_xml(location_path($res));
    is(xp($doc, '/page/bulk-result/@changed'), 2, 'the page says: 2 changed');
    is(xp($doc, '/page/bulk-result/@unchanged'), 1, 'and 1 was so already');

    ($doc, $res) = bulk($dora, [$x, $y], [action => 'assign', 'bulk-to' => "g$G"]);
    is($res->code, 303, 'to her group\'s queue');
    is(join(' ', map { (row($_)->{assignee_id} // 'nobody') . '/' . row($_)->{group_id} } $x, $y),
        "nobody/$G nobody/$G", 'the group\'s, nobody\'s');
    ($doc, $res) = bulk($dora, [$x], [action => 'assign', 'bulk-to' => "a$G-$B"]);
    is($res->code, 303, 'to Colin of the group');
    is(row($x)->{assignee_id}, $B, 'his');
    is(scalar(outbox_for('ticket-status', $x)), 0, 'an assignment mails nobody, as on the ticket page');
};

subtest 'status: history, audit, mails, the clocks paused' => sub {
    my $rita = tk_client($w->{requester_email});
    my $raised = tk_raise($rita, 'printer-fault', tk_printer_form(subject => 'Bulk status test'));
    my $plain = desk_ticket($w, status => 'open', group => $G);
    my ($doc, $res) = bulk($dora, [$raised, $plain], [action => 'status', 'bulk-status' => 'pending',
        'bulk-reason' => 'customer']);
    is($res->code, 303, 'answered 303');
    is(join(' ', map { row($_)->{status} . '/' . row($_)->{pending_reason} } $raised, $plain),
        'pending/customer pending/customer', 'both pending for the customer');
    is_deeply([map { "$_->{field}:" . ($_->{old} // '') . '>' . $_->{new} }
        grep { $_->{field} =~ /^(status|pending_reason)$/ } history_rows($plain)],
        ['status:open>pending', 'pending_reason:>customer'], 'history');
    like((audit_for('ticket.status', $raised))[-1]{after}, qr/"status":"pending","pending_reason":"customer"/,
        'audit');
    is(scalar(outbox_for('ticket-status', $_)), 1, "the requester told of $_") for $raised, $plain;
    is(sql_value("SELECT COUNT(*) FROM ticket_sla_clocks c JOIN tickets t ON t.id = c.ticket_id"
        . " WHERE t.number = " . sql_quote($raised) . " AND c.state = 'running'"), 0, 'no clock runs');
    ok(sql_value("SELECT COUNT(*) FROM ticket_sla_clocks c JOIN tickets t ON t.id = c.ticket_id"
        . " WHERE t.number = " . sql_quote($raised) . " AND c.state = 'paused'") > 0, 'they wait for the customer');
    is(sql_value('SELECT sla_due_at FROM tickets WHERE number = ' . sql_quote($raised)), undef,
        'and the ticket has no next due');

    ($doc, $res) = bulk($dora, [$raised], [action => 'status', 'bulk-status' => 'resolved']);
    is($res->code, 303, 'resolved');
    ok(defined row($raised)->{resolved_at}, 'when');
    ok(sql_value('SELECT COUNT(*) FROM ticket_surveys s JOIN tickets t ON t.id = s.ticket_id WHERE t.number = '
        . sql_quote($raised)), 'the requester is asked how it went, as on the ticket page');
};

subtest 'priority: history, audit, the clocks\' targets' => sub {
    my $rita = tk_client($w->{requester_email});
    my $n = tk_raise($rita, 'printer-fault', tk_printer_form(subject => 'Bulk priority test'));
    my $old = row($n)->{priority};
    my $new = $old == 1 ? 2 : 1;
    my ($doc, $res) = bulk($dora, [$n], [action => 'priority', 'bulk-priority' => $new]);
    is($res->code, 303, 'answered 303');
    is(row($n)->{priority}, $new, 'the new priority');
    is_deeply([map { "$_->{field}:$_->{old}>$_->{new}" } grep { $_->{field} eq 'priority' } history_rows($n)],
        ["priority:$old>$new"], 'history');
    like((audit_for('ticket.priority', $n))[-1]{after}, qr/"priority":$new/, 'audit');
    my $want = sql_value("SELECT minutes * 60 FROM sla_targets WHERE policy_id = 3 AND priority = $new"
        . " AND kind = 'first_response'");
    my ($target, $due_s) = @{ sql_rows("SELECT c.target_s, TIMESTAMPDIFF(SECOND, t.created_at, c.due_at)"
        . " FROM ticket_sla_clocks c JOIN tickets t ON t.id = c.ticket_id WHERE t.number = " . sql_quote($n)
        . " AND c.kind = 'first_response'")->[0] };
    is($target, $want, 'first response: the target for the new priority');
    cmp_ok(abs($due_s - $want), '<=', 30, 'due that long after it was raised (around the clock)');
    is(sql_value('SELECT TIMESTAMPDIFF(SECOND, t.sla_due_at, MIN(c.due_at)) FROM tickets t'
        . ' JOIN ticket_sla_clocks c ON c.ticket_id = t.id AND c.state = \'running\' WHERE t.number = '
        . sql_quote($n) . ' GROUP BY t.id'), 0, 'the ticket\'s next due follows');
    my ($page) = $dora->get_xml("/tickets/$n");
    is(xp($page, "/page/ticket/agent/history/change[\@field='priority']/new"), $new, 'the ticket page shows it');
};

subtest 'tickets it may not touch are left as they are, and named' => sub {
    my $keep = desk_ticket($w, status => 'open', group => $G);
    my $dup = desk_ticket($w, status => 'closed', group => $G);
    set_ticket($dup, merged_into_id => ticket_id($keep));
    my $fine = desk_ticket($w, status => 'open', group => $G, priority => 3);
    my $gone = 'T-1996-8999999';
    my ($doc, $res) = bulk($dora, [$fine, $dup, $gone], [action => 'priority', 'bulk-priority' => 4]);
    is($res->code, 303, 'the rest changed: 303');
    is(row($fine)->{priority}, 4, 'changed');
    is(row($dup)->{priority}, 3, 'the merged one not');
    ($doc) = $dora->get_xml(location_path($res));
    my %why = map { $_->getAttribute('number') => $_->getAttribute('why') } $doc->findnodes('/page/bulk-result/ticket');
    diag(location_path($res)) unless keys %why == 2;
    is_deeply(\%why, { $dup => 'merged', $gone => 'unknown' }, 'the page says which and why');
    my $html = $dora->get(location_path($res))->decoded_content;
    ok($html =~ m{<a href="/tickets/$dup">$dup</a>: it is merged into another ticket; change that one}, 'HTML: in words');

    ($doc, $res) = bulk($dora, [$dup, $gone], [action => 'priority', 'bulk-priority' => 4]);
    is($res->code, 422, 'none of them could change: 422');
    is(xp($doc, "/page/messages/message/\@key"), 'tickets.bulk.nothing', 'said so');
    is(xp_count($doc, '/page/bulk-result/ticket'), 2, 'naming both');
};

subtest 'a hundred at once' => sub {
    my @n = map { desk_ticket($w, status => 'new', group => $G) } 1 .. 100;
    my ($doc, $res) = bulk($dora, \@n, [action => 'assign', 'bulk-to' => 'me']);
    is($res->code, 303, 'answered 303');
    is(sql_value('SELECT COUNT(*) FROM tickets WHERE assignee_id = ' . $A . ' AND number IN ('
        . join(',', map { sql_quote($_) } @n) . ')'), 100, 'all hers');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'ticket.assign' AND object_id IN ("
        . join(',', map { sql_quote($_) } @n) . ')'), 100, 'an audit row each');
    ($doc) = $dora->get_xml("/tickets/desk?view=mine&per=100");
    is(xp_count($doc, '/page/desk/ticket'), 100, 'her desk shows a hundred on one page');
};

subtest 'who may' => sub {
    my $n = desk_ticket($w, status => 'new', group => $G);
    my ($doc, $res) = bulk($dora, [$n], [action => 'assign', 'bulk-to' => 'me'], csrf => 'f' x 64);
    is($res->code, 403, 'a wrong CSRF token: 403');
    ($doc, $res) = bulk($dora, [$n], [action => 'assign', 'bulk-to' => 'me'], no_csrf => 1);
    is($res->code, 403, 'none: 403');
    ($doc, $res) = bulk(tk_client($w->{requester_email}), [$n], [action => 'assign', 'bulk-to' => 'me']);
    is($res->code, 403, 'a customer: 403');
    ($doc, $res) = bulk(tk_client('editor@portico.example'), [$n], [action => 'assign', 'bulk-to' => 'me']);
    is($res->code, 403, 'a KB editor: 403');
    ($doc, $res) = bulk(tk_client(undef), [$n], [action => 'assign', 'bulk-to' => 'me']);
    ok(!($res->code == 303 && (location_path($res) // '') =~ /done=bulk/), 'anonymous: nothing done');
    is(row($n)->{assignee_id}, undef, 'nobody\'s still');
    is(scalar(audit_for('ticket.assign', $n)), 0, 'no audit row');
};

done_testing;
