# Order approval as the BPMN process order-approval, end to end through
# portico-flowd: an order above the buyer's limit starts an instance (the
# order number its business key, the order's org, the order and buyer as
# variables); its user task is offered to the org's approvers and customer
# admins, in their inbox; an approver completes it on the order's page or
# in the inbox, and flowd's order.set decides: the status, who decided and
# why, counted_at, the timeline and the buyer's mail.  While flowd has not
# taken a completion, the order page says the decision is recorded.  A
# cancelled order's process is cancelled with it, and one completed by the
# buyer (an approver too) is asked again.  The demo's waiting
# orders have their tasks.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::Process;
use Portico::Admin ();
use Portico::FlowDaemons qw(stack_flowd_pause stack_flowd_resume);

# The order's instance as it is now (no waiting).
sub fl_instance_now {
    return sql_value('SELECT COUNT(*) FROM flow_instances WHERE business_key = ' . sql_quote($_[0]));
}

ct_set_limits(100000, undef);    # 1 000.00 per order
my $gb = ct_address(country => 'GB', label => 'Flow');
my (undef, $sku) = ct_product(prices => { GBP => 60000 }, name => 'Flow gateway');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer(name => 'Fiona Flow');
my ($appr_id, $appr_email) = ct_person(roles => ['customer_user', 'approver'], name => 'Arno Approver');
my $approver = or_client($appr_email);
my $klaus = or_client('klaus@bergmann.example');

sub order_status { fl_wait_value("SELECT status FROM orders WHERE number = '$_[0]'", $_[1]) }

subtest 'an order above the limit starts the process' => sub {
    my $n = ct_place($buyer, [[$sku, 2]], address => $gb);
    my $order = ct_order_row($n);
    my $i = fl_instance('order-approval', $n);
    ok($i, 'an instance of order-approval') or return;
    is($i->{org_id}, ACME, "in the order's org");
    is($i->{started_by}, $buyer_id, 'started by the buyer');
    my $v = fl_vars($i->{id});
    is($v->{order_id}, $order->{id}, 'the order as a variable');
    is($v->{buyer_id}, $buyer_id, '... and the buyer');
    my $t = fl_task('order-approval', $n, 'approve');
    ok($t, 'its approval task') or return;
    is($t->{org_id}, ACME, "of the order's org");
    is($t->{candidate_roles}, 'approver customer_admin', 'offered to approvers and customer admins');
    is_deeply([map { $_->[0] } @{ sql_rows('SELECT r.name FROM flow_task_candidates c JOIN roles r ON r.id = c.role_id'
        . " WHERE c.task_id = $t->{id} ORDER BY r.name") }], [qw(approver customer_admin)], '... one candidate row each');
    my ($doc, $res) = $approver->get_xml('/tasks/');
    is(xp_count($doc, "/page/tasks/task[\@id='$t->{id}']"), 1, "in the approver's inbox");
    is($klaus->get("/tasks/$t->{id}")->code, 404, 'not for another org');
    ($doc) = $approver->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@decide'), '1', 'the order page offers the decision');
    # One mail per approver: the checkout's, with the order in it; the task
    # (portico:notify="false") sends none, now or before it is due.
    is(sql_value("SELECT COUNT(*) FROM outbox WHERE template = 'order-approval' AND to_email = "
        . sql_quote($appr_email) . " AND data_xml LIKE '%$n%'"), 1, "the approver gets the checkout's mail");
    is(sql_value("SELECT COUNT(*) FROM outbox WHERE template IN ('task-assigned', 'task-due') AND data_xml LIKE '%$n%'"),
        0, 'and no task mail besides');
    is(sql_value("SELECT COUNT(*) FROM flow_jobs WHERE task_id = $t->{id} AND kind = 'task-due'"), 0,
        'nor a task-due mail to come');
};

subtest 'approved on the order page: flowd decides' => sub {
    my $n = ct_place($buyer, [[$sku, 2]], address => $gb, po_number => 'PO-FLOW-1');
    my $t = fl_task('order-approval', $n, 'approve') or return fail('no task');
    my (undef, $res) = or_post($approver, "/orders/$n/approve", [comment => 'Fine for the pilot.']);
    is($res->code, 303, 'approved: 303');
    is(location_path($res), "/orders/$n?decided=1", '... back to the order');
    is(sql_value("SELECT completed_by FROM flow_tasks WHERE id = $t->{id}"), $appr_id, 'the task completed by the approver');
    is(order_status($n, 'approved'), 'approved', 'flowd takes the decision');
    my $o = ct_order_row($n);
    is($o->{decided_by}, $appr_id, 'decided by the approver');
    is($o->{decision_comment}, 'Fine for the pilot.', 'with the comment');
    ok($o->{counted_at}, 'counted from now');
    is_deeply(sql_rows("SELECT status, user_id, comment FROM order_events WHERE order_id = $o->{id} ORDER BY id DESC LIMIT 1"),
        [['approved', $appr_id, 'Fine for the pilot.']], 'on the timeline, by the approver');
    is(sql_value("SELECT COUNT(*) FROM outbox WHERE template = 'order-decision' AND to_email = "
        . sql_quote($buyer_email) . " AND data_xml LIKE '%$n%'"), 1, 'the buyer is told, once');
    my $i = fl_wait_instance(fl_instance('order-approval', $n)->{id}, 'completed');
    is($i && $i->{end_element}, 'approved', 'the instance ends at Approved');
    is(sql_value("SELECT COUNT(*) FROM flow_action_log WHERE instance_id = $i->{id} AND action = 'order.set'"), 1,
        'order.set ran once') if $i;
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $t->{id}"), 'completed', 'the task completed');
    (undef, $res) = or_post($approver, "/orders/$n/reject", [comment => 'Changed my mind.']);
    is($res->code, 422, 'deciding again: 422');
};

subtest 'rejected in the inbox, with a comment' => sub {
    my $n = ct_place($buyer, [[$sku, 3]], address => $gb);
    my $t = fl_task('order-approval', $n, 'approve') or return fail('no task');
    my ($doc, $res) = or_post($approver, "/tasks/$t->{id}/complete", ['f-approved' => 'no', 'f-comment' => "Not this quarter.\nAsk in April."]);
    is($res->code, 303, 'completed in the inbox: 303');
    is(order_status($n, 'rejected'), 'rejected', 'rejected by flowd');
    my $o = ct_order_row($n);
    is($o->{decided_by}, $appr_id, 'decided by the approver');
    is($o->{decision_comment}, "Not this quarter.\nAsk in April.", 'with the comment');
    is($o->{counted_at}, undef, 'never counted');
    like(sql_value("SELECT data_xml FROM outbox WHERE template = 'order-decision' AND to_email = "
        . sql_quote($buyer_email) . " AND data_xml LIKE '%$n%'") // '', qr/decision="rejected"/, 'the buyer is told');
    my $i = fl_wait_instance(fl_instance('order-approval', $n)->{id}, 'completed');
    is($i && $i->{end_element}, 'rejected', 'the instance ends at Rejected');
};

subtest 'nobody decides their own order, in the inbox either' => sub {
    my ($self_id, $self_email, $self) = ct_buyer(also => ['approver']);
    my $n = ct_place($self, [[$sku, 9]], address => $gb);
    my $t = fl_task('order-approval', $n, 'approve') or return fail('no task');
    my (undef, $res) = or_post($self, "/tasks/$t->{id}/complete", ['f-approved' => 'yes', 'f-comment' => 'Mine, fine.']);
    is($res->code, 303, 'the buyer, an approver, completes the task of their own order in the inbox');
    ok(wait_until(15, sub { sql_value("SELECT COUNT(*) FROM flow_tasks WHERE business_key = '$n' AND state = 'open'"
        . " AND id > $t->{id}") }), 'the process asks again: a new task');
    is(ct_order_row($n)->{status}, 'awaiting_approval', 'the order still waits');
    is(ct_order_row($n)->{decided_by}, undef, '... undecided');
    my $t2 = fl_task('order-approval', $n, 'approve');
    (undef, $res) = or_post($approver, "/tasks/$t2->{id}/complete", ['f-approved' => 'yes', 'f-comment' => '']);
    is($res->code, 303, 'another approver completes it');
    is(order_status($n, 'approved'), 'approved', 'approved');
    is(ct_order_row($n)->{decided_by}, $appr_id, '... by the other approver');
};

subtest 'recorded, not yet decided: the order page says so' => sub {
    my $n = ct_place($buyer, [[$sku, 2]], address => $gb);
    my $t = fl_task('order-approval', $n, 'approve') or return fail('no task');
    # The moment between a completion and flowd taking it, held still.
    sql("UPDATE flow_tasks SET state = 'completing' WHERE id = $t->{id}");
    my ($doc) = $approver->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@decide'), 'recorded', 'the page says the decision is recorded');
    like($approver->get("/orders/$n")->decoded_content, qr/The decision has been recorded/, '... in words');
    my $res;
    ($doc, $res) = or_post($approver, "/orders/$n/approve", [comment => '']);
    is($res->code, 422, 'deciding meanwhile: 422');
    is(or_errors($doc)->{''}, 'orders.approval.recorded', '... saying why');
    # The moment before flowd made the task, held still.
    sql("UPDATE flow_tasks SET state = 'cancelled' WHERE id = $t->{id}");
    ($doc) = $approver->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@decide'), 'preparing', 'no task yet: the page says it is being set up');
    ($doc, $res) = or_post($approver, "/orders/$n/approve", [comment => '']);
    is($res->code, 422, 'deciding then: 422');
    is(or_errors($doc)->{''}, 'orders.approval.preparing', '... saying why');
    sql("UPDATE flow_tasks SET state = 'open' WHERE id = $t->{id}");
    is(ct_order_row($n)->{status}, 'awaiting_approval', 'still waiting');
};

subtest 'before flowd took the start: the page waits, a cancel withdraws it' => sub {
    stack_flowd_pause() or return fail('the stack runs no flowd to pause');
    my $n = ct_place($buyer, [[$sku, 2]], address => $gb);
    is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE kind = 'start' AND business_key = '$n'"), 1,
        'the checkout asked flowd to start the process');
    my ($doc) = $approver->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@decide'), 'preparing', 'the page says the approval is being set up');
    my (undef, $res) = or_post($buyer, "/orders/$n/cancel", [cancel_comment => 'Too soon.']);
    is($res->code, 303, 'the buyer cancels the order');
    is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE business_key = '$n'"), 0, 'the start is withdrawn');
    stack_flowd_resume();
    my $m = ct_place($buyer, [[$sku, 2]], address => $gb);
    ok(fl_task('order-approval', $m, 'approve'), 'flowd runs again (a later order has its task)');
    is(sql_value("SELECT COUNT(*) FROM flow_instances WHERE business_key = '$n'"), 0,
        'the cancelled order never got a process');
};

subtest 'a cancelled order cancels its process' => sub {
    my $n = ct_place($buyer, [[$sku, 2]], address => $gb);
    my $t = fl_task('order-approval', $n, 'approve') or return fail('no task');
    my (undef, $res) = or_post($buyer, "/orders/$n/cancel", [cancel_comment => 'Ordered by mistake.']);
    is($res->code, 303, 'the buyer cancels the waiting order');
    my $i = fl_wait_instance(fl_instance('order-approval', $n)->{id}, 'cancelled');
    ok($i, 'its instance is cancelled');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $t->{id}"), 'cancelled', '... and its task');
};

subtest 'an order that waited before the processes ran gets its process on upgrade' => sub {
    my $n = ct_db_order(buyer => $buyer_id, status => 'awaiting_approval', net => 150000,
        at => '2026-11-30 10:00:00');
    ok(!fl_instance_now($n), 'an order waiting without a process');
    sql("DELETE FROM schema_migrations WHERE version = '0055-flow-waiting-cases.sql'");
    my ($rc, $out, $err) = do { local $?; Portico::Admin::admin_run(conf_file(), 'migrate') };
    is($rc, 0, 'portico-admin migrate applies the migration that hands it over') or diag("$out$err");
    my $t = fl_task('order-approval', $n, 'approve');
    ok($t, 'flowd starts its process: the approval is a task') or return;
    is($t->{org_id}, ACME, '... of its org');
    is(fl_vars($t->{instance_id})->{order_id}, ct_order_row($n)->{id}, '... about it');
};

subtest "the demo's waiting orders have their tasks" => sub {
    for my $n (qw(O-2026-000009 O-2026-000029)) {
        my $t = fl_task('order-approval', $n, 'approve');
        ok($t, "$n waits as a task") or next;
        is($t->{org_id}, sql_value("SELECT org_id FROM orders WHERE number = '$n'"), '... of its org');
    }
    my ($doc) = or_client('olivia@acme.example')->get_xml('/tasks/');
    ok(xp_count($doc, '/page/tasks/task') >= 1, "Acme's demo approver finds tasks in her inbox");
};

done_testing;
