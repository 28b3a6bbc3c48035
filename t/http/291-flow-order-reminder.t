# The timers of order-approval, made due at once (the test moves the
# armed job's due_at to now, as if the business days had passed): after a
# business day the approvers and customer admins are reminded by mail,
# each in their language, and the task stays theirs; after three the
# customer admin decides instead (the approvers' task is withdrawn, a task
# for customer admins appears), and an approver on the order page is told
# someone else has it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::Process;
use Portico::Mail ();

ct_set_limits(100000, undef);
my $gb = ct_address(country => 'GB', label => 'Flow timers');
my (undef, $sku) = ct_product(prices => { GBP => 60000 }, name => 'Flow timer gateway');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer(name => 'Tim Timer');
my ($appr_id, $appr_email) = ct_person(roles => ['customer_user', 'approver'], name => 'Amalia Approver', lang => 'de');
my ($admin_id, $admin_email) = ct_person(roles => ['customer_admin'], name => 'Cora Customeradmin');
my $approver = or_client($appr_email);
my $admin = or_client($admin_email);

my $n = ct_place($buyer, [[$sku, 2]], address => $gb);
my $i = fl_instance('order-approval', $n);
my $t = fl_task('order-approval', $n, 'approve');
ok($i && $t, 'the order waits as a task') or BAIL_OUT('no instance or task');

subtest 'a reminder after a business day' => sub {
    my $job = fl_timer_job($i->{id}, 'remind');
    ok($job, 'a timer is armed for the reminder');
    my $due = sql_value("SELECT TIMESTAMPDIFF(HOUR, UTC_TIMESTAMP(), due_at) FROM flow_jobs WHERE id = $job");
    cmp_ok($due, '>=', 1, "due in the future ($due hours: a business day, by the org's calendar)");
    fl_fire_timer($i->{id}, 'remind');
    my $sent = fl_wait_value("SELECT COUNT(*) > 0 FROM outbox WHERE template = 'order-approval-reminder'"
        . " AND to_email = " . sql_quote($appr_email) . " AND data_xml LIKE '%$n%'", 1);
    is($sent, 1, 'the approver is reminded');
    is(sql_value("SELECT lang FROM outbox WHERE template = 'order-approval-reminder' AND to_email = "
        . sql_quote($appr_email) . " AND data_xml LIKE '%$n%'"), 'de', '... in German, her language');
    ok(sql_value("SELECT COUNT(*) FROM outbox WHERE template = 'order-approval-reminder' AND to_email = "
        . sql_quote($admin_email) . " AND data_xml LIKE '%$n%'"), '... and the customer admin');
    ok(!sql_value("SELECT COUNT(*) FROM outbox WHERE template = 'order-approval-reminder' AND to_email LIKE '%bergmann%'"
        . " AND data_xml LIKE '%$n%'"), '... nobody of another org');
    my $m = Portico::Mail::wait_for(to => $appr_email, subject => qr/\Q$n\E\] Erinnerung/, timeout => 30);
    ok($m, 'the mail arrives') or return;
    like($m->{text}, qr/Tim Timer hat die Bestellung \Q$n\E über 1\.200,00 GBP netto/, 'it says which order, in German');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $t->{id}"), 'open', 'the task stays open');
    is(fl_wait_value("SELECT COUNT(*) FROM flow_history WHERE instance_id = $i->{id} AND element_id = 'send_reminder'"
        . ' AND ended_at IS NOT NULL', 1), 1, 'the reminder step ran, once');
};

subtest 'after three business days the customer admin decides' => sub {
    fl_fire_timer($i->{id}, 'escalate');
    my $esc = fl_task('order-approval', $n, 'approve_admin');
    ok($esc, "a task for the customer admins") or return;
    is($esc->{candidate_roles}, 'customer_admin', '... only them');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $t->{id}"), 'cancelled', "the approvers' task is withdrawn");
    my ($doc) = $approver->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@decide'), 'other', 'the approver is told someone else has it');
    my (undef, $res) = or_post($approver, "/orders/$n/approve", [comment => '']);
    is($res->code, 403, '... and may not decide: 403');
    ($doc) = $admin->get_xml("/orders/$n");
    is(xp($doc, '/page/order/actions/@decide'), '1', 'the customer admin may');
    (undef, $res) = or_post($admin, "/orders/$n/approve", [comment => 'Approved on escalation.']);
    is($res->code, 303, 'the customer admin approves');
    is(fl_wait_value("SELECT status FROM orders WHERE number = '$n'", 'approved'), 'approved', 'approved');
    is(ct_order_row($n)->{decided_by}, $admin_id, 'by the customer admin');
    my $done = fl_wait_instance($i->{id}, 'completed');
    is($done && $done->{end_element}, 'approved', 'the instance ends at Approved');
};

done_testing;
