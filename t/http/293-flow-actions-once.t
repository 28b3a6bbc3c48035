# portico-flowd's service actions (cgi-bin-src/flowd/actions.c), each run
# twice for one job in one transaction, as a retry after a failure would
# (t/http/flow-action.c runs them as flowd's job does): the second run
# sees the first's row in flow_action_log and does nothing, so every
# effect happens once.  What each action does: mail.send to a role of the
# instance's org, a person or an address, each in their language;
# order.set decides an order as the approver who completed the task, with
# the buyer's mail; return.set takes a return's step; ticket.create,
# ticket.set and ticket.note change tickets with their history; and what
# a retry cannot mend is refused at once (PT_EINVAL, -4) with a reason:
# an unknown template or role, another org's order, an order decided.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::OrderDesk;
use Portico::Process;
use Portico::Mail ();

use constant EINVAL => 4;    # exit lines say rc=-4

sub runs_ok {
    my ($lines, $what) = @_;
    is_deeply([grep { /^rc=/ } @$lines], ['rc=0 ', 'rc=0 '], "$what: both runs answer PT_OK")
        or diag(join("\n", @$lines));
}

sub logged {
    my ($job) = @_;
    return sql_rows("SELECT action, result FROM flow_action_log WHERE job_id = $job");
}

my $tag = unique_tag('FA');

subtest 'mail.send: to a role, a person, an address; once' => sub {
    my ($de_id, $de_email) = ct_person(roles => ['approver'], name => 'Anja Approver', lang => 'de');
    my ($en_id, $en_email) = ct_person(roles => ['approver'], name => 'Alan Approver', lang => 'en');
    my ($gone_id, $gone_email) = ct_person(roles => ['approver'], name => 'Gone Approver');
    sql("UPDATE users SET status = 'inactive' WHERE id = $gone_id");
    my $inst = fl_test_instance(org => ACME, key => $tag);
    my $job = fl_job_id();
    my ($rc, $out) = fl_action($job, $inst, 'mail.send',
        [template => 'return-inspection-reminder', to => "role:approver, user:$en_id external-$$\@example.org"]);
    runs_ok($out, 'mail.send');
    my %mails = map { $_->[0] => $_->[1] } @{ sql_rows('SELECT to_email, lang FROM outbox'
        . " WHERE template = 'return-inspection-reminder' AND data_xml LIKE " . sql_quote("%$tag%")) };
    is($mails{$de_email}, 'de', 'an approver of the org, in German, her language');
    is($mails{$en_email}, 'en', 'another in English: named twice (role and user), one mail');
    ok(exists $mails{"external-$$\@example.org"}, 'the address');
    ok(!exists $mails{$gone_email}, 'not an approver who is no longer active');
    ok(exists $mails{'olivia@acme.example'}, "Acme's demo approver");
    ok(!(grep { /bergmann/ } keys %mails), 'nobody of another org');
    my $n = sql_value("SELECT COUNT(*) FROM outbox WHERE data_xml LIKE " . sql_quote("%$tag%"));
    is($n, scalar(keys %mails), 'each once, though the action ran twice');
    like(logged($job)->[0][1] // '', qr/^\d+ mail\(s\) of return-inspection-reminder/, 'the action log says what it did');
    like(sql_value("SELECT data_xml FROM outbox WHERE to_email = " . sql_quote($de_email)
        . " AND data_xml LIKE " . sql_quote("%$tag%")), qr{<link>/tasks/</link><business-key>\Q$tag\E</business-key>},
        'the data: the business key and a link to the inbox');

    my $m = Portico::Mail::wait_for(to => $de_email, subject => qr/\Q$tag\E/, timeout => 30);
    ok($m, 'the mail arrives') or diag('no mail');
    is($m && $m->{subject}, "[$tag] Erinnerung: die zurückgesandte Ware wartet auf ihre Prüfung", '... in German');

    ($rc, $out) = fl_action(fl_job_id(), $inst, 'mail.send', [template => 'no-such-template', to => 'role:approver'], times => 1);
    is($out->[0], 'rc=-4 there is no mail template no-such-template', 'an unknown template: refused, said');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'mail.send', [template => 'return-inspection-reminder', to => 'role:wizard'], times => 1);
    is($out->[0], 'rc=-4 there is no role wizard', 'an unknown role: refused');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'mail.send', [template => 'return-inspection-reminder', to => 'someone'], times => 1);
    like($out->[0], qr/^rc=-4 someone is no recipient/, 'no recipient: refused');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'mail.send', [template => 'return-inspection-reminder'], times => 1);
    is($out->[0], 'rc=-4 mail.send needs parameter to', 'a missing parameter: refused');
};

subtest 'order.set: the decision, once, as who completed the task' => sub {
    ct_set_limits(1000, undef);    # 10.00 per order
    my $gb = ct_address(country => 'GB', label => 'Actions');
    my (undef, $sku) = ct_product(prices => { GBP => 5000 }, name => 'Action widget');
    my ($buyer_id, $buyer_email, $buyer) = ct_buyer(name => 'Olaf Once');
    my ($appr_id, $appr_email) = ct_person(roles => ['approver'], name => 'Ada Decider');
    my $n = ct_place($buyer, [[$sku, 1]], address => $gb);
    my $order = ct_order_row($n);
    is($order->{status}, 'awaiting_approval', 'an order waits');
    my $inst = fl_test_instance(org => ACME, key => $n,
        vars => { order_id => $order->{id}, buyer_id => $buyer_id, completed_by => $appr_id, comment => 'Once is enough.' });
    my $job = fl_job_id();
    my ($rc, $out) = fl_action($job, $inst, 'order.set', [order => \$order->{id}, field => 'status', value => 'approved']);
    runs_ok($out, 'order.set');
    $order = ct_order_row($n);
    is($order->{status}, 'approved', 'approved');
    is($order->{decided_by}, $appr_id, '... by who completed the task');
    is($order->{decision_comment}, 'Once is enough.', '... with the comment');
    ok($order->{counted_at}, '... counted from now');
    is(sql_value("SELECT COUNT(*) FROM order_events WHERE order_id = $order->{id} AND status = 'approved'"), 1,
        'one timeline row');
    is(sql_value("SELECT COUNT(*) FROM outbox WHERE template = 'order-decision' AND to_email = "
        . sql_quote($buyer_email)), 1, "one mail to the buyer");
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'order.approve' AND object_id = '$order->{id}'"
        . " AND user_id = $appr_id"), 1, 'one audit row, as the approver');
    is_deeply(logged($job), [['order.set', "order $n approved"]], 'logged');

    ($rc, $out) = fl_action(fl_job_id(), $inst, 'order.set', [order => \$order->{id}, field => 'status', value => 'rejected'], times => 1);
    is($out->[0], "rc=-4 order $n does not await approval", 'another job deciding it again: refused');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'mail.send', [template => 'order-approval-reminder', to => $appr_id], times => 1);
    is($out->[0], 'rc=0 ', 'a reminder about the order (the variable order_id names it) to a user id');
    my $m = Portico::Mail::wait_for(to => $appr_email, subject => qr/\Q$n\E\] Reminder/, timeout => 30);
    is($m && $m->{subject}, "[$n] Reminder: the order of Olaf Once waits for approval", 'the mail says which order');
    like($m ? $m->{text} : '', qr/Olaf Once placed order \Q$n\E of 50\.00 GBP net/, '... with its facts');
    like($m ? $m->{text} : '', qr{/orders/\Q$n\E}, '... and a link to it');
    my $other = fl_test_instance(org => BERGMANN, key => "$n-x", vars => { completed_by => $appr_id });
    ($rc, $out) = fl_action(fl_job_id(), $other, 'order.set', [order => \$order->{id}, field => 'status', value => 'rejected'], times => 1);
    is($out->[0], "rc=-4 order $n is not of the instance's organisation", "another org's instance: refused");
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'order.set', [order => \$order->{id}, field => 'po_number', value => 'x'], times => 1);
    is($out->[0], 'rc=-4 field po_number cannot be set; only status', 'another field: refused');
    is(ct_order_row($n)->{status}, 'approved', 'the order stays approved');
};

subtest 'return.set: a step, once' => sub {
    ct_set_limits(undef, undef);
    my $gb = ct_address(country => 'GB', label => 'Actions returns');
    my (undef, $sku) = ct_product(prices => { GBP => 1000 }, name => 'Action return');
    my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
    sql("INSERT INTO user_roles (user_id, role_id) SELECT $buyer_id, id FROM roles WHERE name = 'buyer'");
    my $n = od_delivered($buyer, [[$sku, 2]], address => $gb);
    my (undef, $res) = od_return($buyer, $n, { 1 => 1 }, reason => 'defective');
    my ($r) = (location_path($res) // '') =~ m{(R-\d{4}-\d{6,})};
    ok($r, 'a return') or return;
    my $row = od_return_row($r);
    my $manager = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");
    my $inst = fl_test_instance(org => ACME, key => $r, vars => { return_id => $row->{id}, completed_by => $manager });
    my $job = fl_job_id();
    my ($rc, $out) = fl_action($job, $inst, 'return.set',
        [return => \$row->{id}, field => 'status', value => 'approved', comment => 'Send it back.']);
    runs_ok($out, 'return.set');
    $row = od_return_row($r);
    is($row->{status}, 'approved', 'approved');
    is($row->{instructions}, 'Send it back.', '... with the instructions');
    is_deeply($row->{events}, [qw(requested approved)], 'one timeline row');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'return.approved' AND object_id = '$row->{id}'"
        . " AND user_id = $manager"), 1, 'one audit row, as the manager');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'return.set', [return => \$row->{id}, field => 'status', value => 'approved'], times => 1);
    is($out->[0], 'rc=0 ', 'approved again: it is so already, nothing to do');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'return.set', [return => \$row->{id}, field => 'status', value => 'refunded'], times => 1);
    is($out->[0], "rc=-4 return $r cannot become refunded (orders.return.not-waiting)", 'refunded before it came: refused');
};

subtest 'tickets: create, set, note; once each' => sub {
    my ($req_id) = ct_person(roles => ['customer_user'], name => 'Tilda Ticket');
    my $agent = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
    my $inst = fl_test_instance(org => ACME, key => "$tag-T", vars => { requester_id => $req_id });
    my $job = fl_job_id();
    my ($rc, $out) = fl_action($job, $inst, 'ticket.create',
        [service => 'printer-fault', subject => "Printer $tag", body => 'It prints nothing.']);
    runs_ok($out, 'ticket.create');
    my $t = sql_rows("SELECT id, number, requester_id, org_id, status FROM tickets WHERE subject = " . sql_quote("Printer $tag"));
    is(scalar(@$t), 1, 'one ticket');
    my ($tid, $tnum) = @{ $t->[0] };
    is_deeply([@{ $t->[0] }[2, 3, 4]], [$req_id, ACME, 'new'], 'raised for the requester, of the org, new');
    is_deeply([grep { /^set / } @$out], ["set ticket_id=$tid", "set ticket_number=$tnum"],
        'the process learns its id and number');

    sql("UPDATE flow_variables SET value = '$agent' WHERE instance_id = $inst AND name = 'requester_id'");
    sql("INSERT INTO flow_variables (instance_id, name, type, value, updated_at) VALUES ($inst, 'completed_by', 'number', '$agent', UTC_TIMESTAMP(6))");
    $job = fl_job_id();
    ($rc, $out) = fl_action($job, $inst, 'ticket.set', [ticket => \$tid, field => 'assignee', value => \$agent]);
    runs_ok($out, 'ticket.set assignee');
    is(sql_value("SELECT assignee_id FROM tickets WHERE id = $tid"), $agent, 'assigned to the agent');
    is(sql_value("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = $tid AND field = 'assignee'"), 1, 'one history row');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'ticket.set', [ticket => \$tid, field => 'priority', value => \1]);
    runs_ok($out, 'ticket.set priority');
    is(sql_value("SELECT priority FROM tickets WHERE id = $tid"), 1, 'priority 1');
    is(sql_value("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = $tid AND field = 'priority'"), 1, 'one history row');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'ticket.set', [ticket => \$tid, field => 'status', value => 'pending'], times => 1);
    is($out->[0], 'rc=-4 pending needs parameter reason: customer or third_party', 'pending without a reason: refused');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'ticket.set', [ticket => \$tid, field => 'status', value => 'pending', reason => 'customer']);
    runs_ok($out, 'ticket.set status');
    is_deeply(sql_rows("SELECT status, pending_reason FROM tickets WHERE id = $tid"), [['pending', 'customer']], 'pending for the customer');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'ticket.set', [ticket => \$tid, field => 'assignee', value => \$req_id], times => 1);
    is($out->[0], "rc=-4 user $req_id is no active agent", 'a customer as assignee: refused');

    $job = fl_job_id();
    ($rc, $out) = fl_action($job, $inst, 'ticket.note', [ticket => \$tid, text => 'Escalated by the process.']);
    runs_ok($out, 'ticket.note');
    is_deeply(sql_rows("SELECT kind, author_id, body FROM ticket_messages WHERE ticket_id = $tid AND kind = 'internal'"),
        [['internal', $agent, 'Escalated by the process.']], 'one internal note, by who completed the task');
    my $other = fl_test_instance(org => BERGMANN, key => "$tag-B");
    ($rc, $out) = fl_action(fl_job_id(), $other, 'ticket.note', [ticket => \$tid, text => 'x'], times => 1);
    is($out->[0], "rc=-4 ticket $tnum is not of the instance's organisation", "another org's ticket: refused");
    sql("DELETE FROM $_ WHERE ticket_id = $tid")
        for qw(ticket_sla_breaches ticket_sla_clocks ticket_history ticket_messages);
    sql("DELETE FROM tickets WHERE id = $tid");
};

subtest 'a rolled-back step leaves no trace: the retry acts' => sub {
    my $inst = fl_test_instance(org => ACME, key => "$tag-R");
    my $job = fl_job_id();
    my ($rc, $out) = fl_action($job, $inst, 'mail.send', [template => 'return-inspection-reminder',
        to => "rolled-$$\@example.org"], times => 1, rollback => 1);
    is($out->[0], 'rc=0 ', 'the action ran');
    is(scalar(@{ logged($job) }), 0, '... but its step rolled back: no log row');
    is(sql_value("SELECT COUNT(*) FROM outbox WHERE to_email = 'rolled-$$\@example.org'"), 0, '... and no mail');
    fl_action($job, $inst, 'mail.send', [template => 'return-inspection-reminder', to => "rolled-$$\@example.org"]);
    is(sql_value("SELECT COUNT(*) FROM outbox WHERE to_email = 'rolled-$$\@example.org'"), 1, 'the retry sends it, once');
};

done_testing;
