# Return handling as the BPMN process return-handling, end to end
# through portico-flowd: when the order desk marks a return's goods
# received, an instance starts (the RMA number its business key, the
# return's org) with an inspection task for the provider's order desk;
# completed in the inbox, flowd's return.set replaces, refunds or rejects
# the return with the findings; the desk's refund and replace buttons
# close the return at once and complete the inspection; after two
# business days (the timer made due now) the desk is reminded.
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

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Flow returns');
my (undef, $sku) = ct_product(prices => { GBP => 1000 }, name => 'Flow returnable');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer(name => 'Rhea Return');
sql("INSERT INTO user_roles (user_id, role_id) SELECT $buyer_id, id FROM roles WHERE name = 'buyer'");
my $m = od_manager();
my $manager_id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");

# A return of one piece whose goods arrived: (RMA number, order number).
sub received {
    my $n = od_delivered($buyer, [[$sku, 3]], address => $gb);
    my (undef, $res) = od_return($buyer, $n, { 1 => 1 }, reason => 'defective', comment => 'Dead.');
    my ($r) = (location_path($res) // '') =~ m{(R-\d{4}-\d{6,})} or die 'no return: ' . $res->code;
    od_return_step($m, $r, 'approve', instructions => 'Send it back.');
    (undef, $res) = od_return_step($m, $r, 'receive', receive_note => 'Came today.');
    die 'not received: ' . $res->code unless $res->code == 303;
    return ($r, $n);
}

sub return_status { fl_wait_value("SELECT status FROM returns WHERE number = '$_[0]'", $_[1]) }

subtest 'received: the inspection waits for the desk' => sub {
    my ($r) = received();
    my $i = fl_instance('return-handling', $r);
    ok($i, 'an instance of return-handling') or return;
    is($i->{org_id}, ACME, "in the return's org");
    is($i->{started_by}, $manager_id, 'started by who received the goods');
    is(fl_vars($i->{id})->{return_id}, od_return_row($r)->{id}, 'the return as a variable');
    my $t = fl_task('return-handling', $r, 'inspect');
    ok($t, 'an inspection task') or return;
    is($t->{org_id}, 1, "of the provider's org");
    is($t->{candidate_roles}, 'manager admin', 'for the order desk');
    my ($doc) = $m->get_xml('/tasks/');
    is(xp_count($doc, "/page/tasks/task[\@id='$t->{id}']"), 1, "in the manager's inbox");
};

subtest 'inspected in the inbox: replaced by flowd' => sub {
    my ($r) = received();
    my $t = fl_task('return-handling', $r, 'inspect') or return fail('no task');
    my (undef, $res) = or_post($m, "/tasks/$t->{id}/complete",
        ['f-accepted' => 'yes', 'f-replace' => 'yes', 'f-findings' => 'Pin bent; a new one goes out.']);
    is($res->code, 303, 'completed: 303');
    is(return_status($r, 'replaced'), 'replaced', 'flowd replaces it');
    my $row = od_return_row($r);
    ok($row->{closed_at}, 'closed');
    is_deeply($row->{events}, [qw(requested approved received replaced)], 'on the timeline');
    is_deeply(sql_rows("SELECT e.user_id, e.comment FROM return_events e WHERE e.return_id = $row->{id}"
        . " AND e.status = 'replaced'"), [[$manager_id, 'Pin bent; a new one goes out.']],
        '... by the inspector, with the findings');
    ok((grep { $_->{template} eq 'order-return' && $_->{data} =~ /step="replaced"/ }
        Portico::OrgAdmin::outbox_for($buyer_email)), 'the buyer is told');
    my $i = fl_wait_instance(fl_instance('return-handling', $r)->{id}, 'completed');
    ok($i, 'the instance ends');
};

subtest 'inspected in the inbox: rejected' => sub {
    my ($r) = received();
    my $t = fl_task('return-handling', $r, 'inspect') or return fail('no task');
    my (undef, $res) = or_post($m, "/tasks/$t->{id}/complete",
        ['f-accepted' => 'no', 'f-replace' => 'no', 'f-findings' => 'Worn by use.']);
    is($res->code, 303, 'completed: 303');
    is(return_status($r, 'rejected'), 'rejected', 'flowd rejects it');
    is(od_return_row($r)->{decision_comment}, 'Worn by use.', 'with the findings as the reason');
};

subtest "the desk's refund: at once, and the inspection with it" => sub {
    my ($r, $n) = received();
    my $t = fl_task('return-handling', $r, 'inspect') or return fail('no task');
    my ($doc, $res) = od_return_step($m, $r, 'refund', refund_note => 'Refund in full.');
    is($res->code, 422, 'not invoiced yet: 422 on the spot');
    is(or_errors($doc)->{''}, 'orders.invoice.refused.credit', '... nothing to credit');
    is(sql_value("SELECT state FROM flow_tasks WHERE id = $t->{id}"), 'open', '... and the task stays open');
    (undef, $res) = or_post($m, '/orders/invoices/new', [order => $n, shipment => '']);
    is($res->code, 303, 'the order is invoiced');
    (undef, $res) = od_return_step($m, $r, 'refund', refund_note => 'Refund in full.');
    is($res->code, 303, 'refunded: 303');
    is(od_return_row($r)->{status}, 'refunded', 'refunded at once');
    is(sql_value("SELECT completed_by FROM flow_tasks WHERE id = $t->{id}"), $manager_id, 'the inspection completed by the desk');
    my $i = fl_wait_instance(fl_instance('return-handling', $r)->{id}, 'completed');
    ok($i, 'the instance ends') or return;
    like(sql_value("SELECT result FROM flow_action_log WHERE instance_id = $i->{id} AND action = 'return.set'") // '',
        qr/was refunded already/, 'return.set found it refunded: nothing twice');
    is(sql_value("SELECT COUNT(*) FROM invoices WHERE return_id = " . od_return_row($r)->{id}), 1, 'one credit note');
};

subtest 'recorded in the inbox, not yet taken: the return page says so' => sub {
    my ($r) = received();
    my $t = fl_task('return-handling', $r, 'inspect') or return fail('no task');
    sql("UPDATE flow_tasks SET state = 'completing' WHERE id = $t->{id}");
    my ($doc) = $m->get_xml("/orders/returns/$r");
    is(xp($doc, '/page/return/actions/@close'), 'recorded', 'the page says the inspection is recorded');
    my $res;
    ($doc, $res) = od_return_step($m, $r, 'replace');
    is($res->code, 422, 'closing it meanwhile: 422');
    is(or_errors($doc)->{''}, 'orders.return.recorded', '... saying why');
    sql("UPDATE flow_tasks SET state = 'open' WHERE id = $t->{id}");
};

subtest 'a reminder after two business days' => sub {
    my ($r) = received();
    my $i = fl_instance('return-handling', $r) or return fail('no instance');
    fl_task('return-handling', $r, 'inspect');
    fl_fire_timer($i->{id}, 'remind');
    is(fl_wait_value("SELECT COUNT(*) > 0 FROM outbox WHERE template = 'return-inspection-reminder'"
        . " AND to_email = 'manager\@portico.example' AND data_xml LIKE '%$r%'", 1), 1, 'the managers are reminded');
    ok(!sql_value("SELECT COUNT(*) FROM outbox WHERE template = 'return-inspection-reminder'"
        . " AND to_email LIKE '%acme%' AND data_xml LIKE '%$r%'"), '... not the customer');
};

subtest "the demo's received return has its inspection" => sub {
    ok(fl_task('return-handling', 'R-2026-000006', 'inspect'), 'R-2026-000006 waits for its inspection');
};

done_testing;
