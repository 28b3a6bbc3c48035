# The order desk works the returns: approve with instructions (required)
# or reject with a reason (required); mark the goods received; close with
# a refund or a replacement.  Each step only from the state before it
# (else 422), with its timeline row, its audit row and a mail to the
# person who asked, in their language.  The desk's list shows every
# organisation's returns, by default those still open; customers see
# their organisation's at /orders/returns.  Received goods start the BPMN
# process return-handling; refunding or replacing completes its
# inspection task (the test waits for the task, which flowd makes).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Cart;
use Portico::OrderDesk;
use Portico::Mail ();
use Portico::Process;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($pa, $ska) = ct_product(prices => { GBP => 1000 }, sku => 'RET', name => 'Returnable');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer(lang => 'de', name => 'Rita Rückgabe');
sql("INSERT INTO user_roles (user_id, role_id) SELECT $buyer_id, id FROM roles WHERE name = 'buyer'");
my $manager_id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");
my $m = od_manager();

sub ask {
    my ($qty) = @_;
    my $n = od_delivered($buyer, [[$ska, 3]], address => $gb);
    my (undef, $res) = od_return($buyer, $n, { 1 => $qty // 1 }, reason => 'defective', comment => 'Dead on arrival.');
    my ($number) = (location_path($res) // '') =~ m{(R-\d{4}-\d{6,})} or die 'no return: ' . $res->code;
    return ($number, $n);
}

subtest 'approve, receive, refund' => sub {
    my ($r, $n) = ask();
    my ($doc) = $m->get_xml("/orders/returns/$r");
    is(xp($doc, '/page/return/actions/@decide'), 1, 'the desk may decide it');
    ($doc) = $buyer->get_xml("/orders/returns/$r");
    is(xp($doc, '/page/return/actions/@decide'), '', '... the buyer may not');
    my (undef, $res) = od_return_step($buyer, $r, 'approve', instructions => 'x');
    is($res->code, 403, 'the buyer approving: 403');
    ($doc, $res) = od_return_step($m, $r, 'approve', instructions => '');
    is($res->code, 422, 'without instructions: 422');
    is(or_errors($doc)->{instructions}, 'input.required', '... at the field');
    ($doc, $res) = od_return_step($m, $r, 'approve', instructions => 'i' x 2001);
    is(or_errors($doc)->{instructions}, 'input.too-long', 'instructions of 2001 characters: too long');
    is(length(xp($doc, '/page/form[@name="approved"]/field[@name="instructions"]')), 2001, '... kept');
    ($doc, $res) = od_return_step($m, $r, 'receive');
    is($res->code, 422, 'received before it is approved: 422');
    is(or_errors($doc)->{''}, 'orders.return.not-approved', '... it cannot be');
    (undef, $res) = od_return_step($m, $r, 'approve', instructions => 'x', post => { no_csrf => 1 });
    is($res->code, 403, 'without the CSRF token: 403');
    is(od_return_row($r)->{status}, 'requested', 'still requested');

    Portico::Mail::clear(to => $buyer_email);
    (undef, $res) = od_return_step($m, $r, 'approve', instructions => "Send it to Unit 4, Leeds.\nRMA on the box.");
    is($res->code, 303, 'approved with instructions: 303');
    is(location_path($res), "/orders/returns/$r?done=1", '... back to the return');
    my $row = od_return_row($r);
    is($row->{status}, 'approved', 'approved');
    is($row->{instructions}, "Send it to Unit 4, Leeds.\nRMA on the box.", 'the instructions kept');
    is($row->{decided_by}, $manager_id, 'decided by the manager');
    my ($a) = Portico::OrgAdmin::audit_rows('return.approved', 'return', $row->{id});
    like($a->{after} // '', qr/"status":"approved","instructions":"Send it/, 'audited');
    my $mail = Portico::Mail::wait_for(to => $buyer_email, subject => qr/\Q$r\E/, timeout => 30);
    ok($mail, 'the buyer is told') or return;
    is($mail->{subject}, "[$r] Ihre Rücksendung ist genehmigt", '... in German');
    like($mail->{text}, qr/Send it to Unit 4, Leeds\./, '... with the instructions');
    ($doc) = $buyer->get_xml("/orders/returns/$r");
    is(xp($doc, '/page/return/instructions'), "Send it to Unit 4, Leeds.\nRMA on the box.", 'the buyer reads them on the return');

    ($doc, $res) = od_return_step($m, $r, 'approve', instructions => 'again');
    is($res->code, 422, 'approved again: 422');
    is(or_errors($doc)->{''}, 'orders.return.not-requested', '... it is decided');
    ($doc, $res) = od_return_step($m, $r, 'refund');
    is($res->code, 422, 'refunded before received: 422');
    (undef, $res) = od_return_step($m, $r, 'receive', receive_note => 'Box dented.');
    is($res->code, 303, 'received: 303');
    is(od_return_row($r)->{status}, 'received', 'received');
    ok(od_return_row($r)->{received_at}, '... when');
    ok(fl_task('return-handling', $r, 'inspect'), 'the goods wait for their inspection, a task');
    ($doc, $res) = od_return_step($m, $r, 'refund', refund_note => 'Refund in full.');
    is($res->code, 422, 'refunded before the order was invoiced: 422');
    is(or_errors($doc)->{''}, 'orders.invoice.refused.credit', '... nothing to credit');
    is(xp($doc, '/page/form[@name="refunded"]/field[@name="refund_note"]'), 'Refund in full.', '... the note kept');
    is(od_return_row($r)->{status}, 'received', 'still received');
    (undef, $res) = or_post($m, '/orders/invoices/new', [order => $n, shipment => '']);
    is($res->code, 303, 'the order is invoiced');
    (undef, $res) = od_return_step($m, $r, 'refund', refund_note => '');
    is($res->code, 303, 'refunded: 303');
    $row = od_return_row($r);
    is($row->{status}, 'refunded', 'refunded');
    ok($row->{closed_at}, 'closed');
    my $cn = sql_rows("SELECT i.kind, i.return_id, i.gross_minor, r.credit_note_id = i.id FROM invoices i"
        . " JOIN returns r ON r.id = i.return_id WHERE r.id = $row->{id}");
    is_deeply($cn, [['credit_note', $row->{id}, -1200, 1]], 'a credit note of the one piece (12.00 with tax), linked to the return');
    ($doc) = $buyer->get_xml("/orders/returns/$r");
    like(xp($doc, '/page/return/@credit-note'), qr/^CN-\d{4}-\d{6}$/, 'the return names its credit note');
    is_deeply($row->{events}, [qw(requested approved received refunded)], 'the timeline');
    (undef, $res) = od_return_step($m, $r, 'replace');
    is($res->code, 422, 'replaced after the refund: 422');
};

subtest 'reject, replace' => sub {
    my ($r, $n) = ask(2);
    my ($doc, $res) = od_return_step($m, $r, 'reject', reason => '');
    is(or_errors($doc)->{reason}, 'input.required', 'rejected without a reason: 422 at the field');
    (undef, $res) = od_return_step($m, $r, 'reject', reason => 'Worn by use, not defective.');
    is($res->code, 303, 'rejected: 303');
    my $row = od_return_row($r);
    is($row->{status}, 'rejected', 'rejected');
    is($row->{decision_comment}, 'Worn by use, not defective.', 'with the reason');
    ($doc) = $buyer->get_xml("/orders/$n/return");
    is(xp($doc, '/page/return-new/lines/line[@no="1"]/@returnable'), 3, 'a rejected return counts no more');
    my ($q) = ask();
    od_return_step($m, $q, 'approve', instructions => 'Send it back.');
    od_return_step($m, $q, 'receive');
    ok(fl_task('return-handling', $q, 'inspect'), 'its inspection task');
    (undef, $res) = od_return_step($m, $q, 'replace', replace_note => 'A new one is on its way.');
    is($res->code, 303, 'replaced: 303');
    is(od_return_row($q)->{status}, 'replaced', 'replaced');
    ok((grep { $_->{template} eq 'order-return' && $_->{data} =~ /step="replaced"/ }
        Portico::OrgAdmin::outbox_for($buyer_email)), 'the buyer is told');
    (undef, $res) = od_return_step($m, 'R-2026-999999', 'approve', instructions => 'x');
    is($res->code, 404, 'no such return: 404');
};

subtest 'the lists' => sub {
    my ($r) = ask();
    my ($doc, $res) = $m->get_xml('/orders/desk/returns');
    is($res->code, 200, 'the desk list');
    is(xp($doc, '/page/returns/@status'), 'open', 'open by default');
    ok(xp_count($doc, "/page/returns/return[\@number='$r']"), 'the new return is there');
    ok(xp_count($doc, "/page/returns/return[\@number='R-2026-000005']"), "... and Northwind's waiting demo return");
    is(xp_count($doc, "/page/returns/return[\@status='refunded' or \@status='rejected' or \@status='replaced']"), 0, 'none closed');
    ($doc) = $m->get_xml('/orders/desk/returns?status=refunded');
    ok(xp_count($doc, "/page/returns/return[\@number='R-2026-000001']"), 'refunded: the demo R-2026-000001');
    ($doc) = $buyer->get_xml('/orders/returns');
    is(xp($doc, '/page/returns/@scope'), 'org', "the buyer sees the organisation's");
    ok(xp_count($doc, "/page/returns/return[\@number='$r']"), '... with the new one');
    ok(xp_count($doc, "/page/returns/return[\@number='R-2026-000004']"), "... and Acme's demo returns");
    is(xp_count($doc, "/page/returns/return[\@number='R-2026-000005']"), 0, "never Northwind's");
    is(or_client('klaus@bergmann.example')->get('/orders/returns')->code, 403, 'a customer_user: 403');
    is($buyer->get('/orders/desk/returns')->code, 403, 'the desk list for a buyer: 403');
};

done_testing;
