# The approval step: an order above the buyer's limits waits; each person
# of the organisation who may approve it (orders.approve) and wants mails
# about orders gets one, in their language and time zone, but not the
# buyer; it is in their approvals list; they approve or reject it with a
# comment (required to reject), the buyer is told by mail, and an
# approved order counts towards the buyer's month from then on.  The step
# runs as the BPMN process order-approval: the form completes its task,
# and portico-flowd decides (the test waits for it).  Nobody
# decides their own order; a person of another organisation cannot even
# find it (404); without orders.approve: 403; every decision audited.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX ();
use Portico::Test;
use Portico::Cart;
use Portico::Mail ();
use Portico::Process;

ct_set_limits(100000, undef);    # 1 000.00 per order
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($p, $sku) = ct_product(prices => { GBP => 60000 }, sku => 'GATEWAY');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer(name => 'Bea Buyer');
my ($appr_id, $appr_email) = ct_person(roles => ['customer_user', 'approver'], name => 'Anke Approver',
    lang => 'de', zone => 'Asia/Tokyo');
my $approver = or_client($appr_email);
my ($quiet_id, $quiet_email) = ct_person(roles => ['approver'], name => 'Quiet Approver');
sql("UPDATE users SET notify_orders = 0 WHERE id = $quiet_id");
my ($bm_id, $bm_email) = ct_person(org => BERGMANN, roles => ['customer_admin'], name => 'Other Org Admin');
my $bergmann = or_client($bm_email);
Portico::Mail::clear(to => $_) for $appr_email, $quiet_email, $buyer_email;

my $number = ct_place($buyer, [[$sku, 2]], address => $gb, po_number => 'PO-APPROVE-1');
my $order = ct_order_row($number);
ok(fl_task('order-approval', $number, 'approve'), 'its approval is a task of the process order-approval');
sub status_becomes { fl_wait_value("SELECT status FROM orders WHERE number = '$_[0]'", $_[1]) }

subtest 'the order waits, and the approvers are told' => sub {
    is($order->{status}, 'awaiting_approval', '1 200.00 net is above 1 000.00: waiting');
    my @out = Portico::OrgAdmin::outbox_for($appr_email);
    is(scalar(grep { $_->{template} eq 'order-approval' } @out), 1, 'a mail to the approver queued');
    is($out[0]{lang}, 'de', '... in her language');
    is(scalar(grep { $_->{template} eq 'order-approval' && $_->{data} =~ /\Q$number\E/ }
        Portico::OrgAdmin::outbox_for('olivia@acme.example')), 1, "Acme's demo approver too");
    is(scalar(grep { $_->{template} eq 'order-approval' && $_->{data} =~ /\Q$number\E/ }
        Portico::OrgAdmin::outbox_for('anna.admin@acme.example')), 1, '... and its admin (customer_admin may approve)');
    is(scalar(grep { $_->{template} eq 'order-approval' } Portico::OrgAdmin::outbox_for($quiet_email)), 0,
        'not the approver who wants no mails about orders');
    is(scalar(Portico::OrgAdmin::outbox_for($buyer_email)), 0, 'not the buyer');
    is(scalar(Portico::OrgAdmin::outbox_for($bm_email)), 0, 'nobody of another organisation');

    my $m = Portico::Mail::wait_for(to => $appr_email, subject => qr/\Q$number\E/, timeout => 30);
    ok($m, 'the mail arrives') or return;
    like($m->{subject}, qr/^\[\Q$number\E\] Bitte geben Sie die Bestellung von Bea Buyer frei$/, 'subject in German');
    like($m->{text}, qr/1\.200,00 GBP netto \(1\.440,00 GBP inklusive Steuer\)/, 'the amounts as Germans write them');
    like($m->{text}, qr/über der Grenze je Bestellung/, 'why it waits');
    my $created = sql_value("SELECT UNIX_TIMESTAMP(created_at) FROM orders WHERE id = $order->{id}");
    my $tokyo = POSIX::strftime('%H:%M', gmtime($created + 9 * 3600));
    like($m->{text}, qr/Bestellt am [^\n]*\b\Q$tokyo\E\b/, "the time in her zone, Tokyo ($tokyo)");
    like($m->{text}, qr/PO-Nummer PO-APPROVE-1/, 'the PO number');
    like($m->{text}, qr{/orders/\Q$number\E}, 'a link to the order');
};

subtest 'the approvals list' => sub {
    my ($doc, $res) = $approver->get_xml('/orders/approvals');
    is($res->code, 200, 'an approver: 200');
    is(xp_count($doc, "/page/approvals/waiting/order[\@number='$number']"), 1, 'the order waits there');
    is(xp($doc, "/page/approvals/waiting/order[\@number='$number']/\@budget-reason"), 'order', '... with why');
    is(xp($doc, "/page/approvals/waiting/order[\@number='$number']/buyer"), 'Bea Buyer', '... and who');
    ok(xp_count($doc, "/page/nav/section[\@name='orders']/link[\@href='/orders/approvals'][\@current='1']"),
        'in the navigation');
    is($buyer->get('/orders/approvals')->code, 403, 'a buyer without orders.approve: 403');
    is(or_client('admin@portico.example')->get('/orders/approvals')->code, 403, "the provider's admin: 403");
    ($doc) = $bergmann->get_xml('/orders/approvals');
    is(xp_count($doc, "/page/approvals/waiting/order[\@number='$number']"), 0, 'another organisation does not see it');
    ($doc, $res) = $approver->get_xml("/orders/$number");
    is($res->code, 200, 'the approver opens the order');
    is(xp($doc, '/page/order/actions/@decide'), 1, '... and may decide it');
};

subtest 'who may not decide' => sub {
    my (undef, $res) = or_post($bergmann, "/orders/$number/approve", [comment => '']);
    is($res->code, 404, 'an approver of another organisation: 404');
    (undef, $res) = $bergmann->get_xml("/orders/$number");
    is($res->code, 404, '... nor see the order');
    (undef, $res) = or_post($buyer, "/orders/$number/approve", [comment => '']);
    is($res->code, 403, 'the buyer without orders.approve: 403');
    (undef, $res) = or_post(or_client('admin@portico.example'), "/orders/$number/approve", []);
    is($res->code, 403, "the provider's admin: 403");
    (undef, $res) = or_post($approver, "/orders/$number/approve", [comment => ''], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    is(ct_order_row($number)->{status}, 'awaiting_approval', 'still waiting');

    # An approver who buys too does not decide their own order.
    my ($self_id, $self_email, $self) = ct_buyer(also => ['approver']);
    # (approver has no limit of its own at Acme: the most generous is Acme's 5 000.00)
    my $own = ct_place($self, [[$sku, 9]], address => $gb);
    is(ct_order_row($own)->{status}, 'awaiting_approval', "an approver's own order above their limit (5 400.00) waits");
    ok(fl_task('order-approval', $own), '... as a task');
    my ($d) = $self->get_xml("/orders/$own");
    is(xp($d, '/page/order/actions/@decide'), 'own', 'its page says someone else decides');
    (undef, $res) = or_post($self, "/orders/$own/approve", [comment => 'fine by me']);
    is($res->code, 403, 'approving it: 403');
    is(ct_order_row($own)->{status}, 'awaiting_approval', '... still waiting');
    is(scalar(grep { $_->{template} eq 'order-approval' } Portico::OrgAdmin::outbox_for($self_email)), 0,
        '... and they got no mail asking them');
    (undef, $res) = or_post($approver, "/orders/$own/approve", [comment => '']);
    is($res->code, 303, 'another approver may: 303');
};

subtest 'reject, with a reason' => sub {
    my $other = ct_place($buyer, [[$sku, 3]], address => $gb);
    my ($d, $res) = or_post($approver, "/orders/$other/reject", [comment => '   ']);
    is($res->code, 422, 'rejecting without a comment: 422');
    is(or_errors($d)->{comment}, 'orders.approval.reason', '... asking why, at the comment');
    is(xp($d, '/page/@view'), 'order', '... on the order page');
    ($d, $res) = or_post($approver, "/orders/$other/reject", [comment => 'x' x 1001]);
    is($res->code, 422, 'a comment of 1001 characters: 422');
    is(length(xp($d, '/page/form[@name="decision"]/field[@name="comment"]')), 1001, '... kept');
    ok(fl_task('order-approval', $other), 'its task is there');
    ($d, $res) = or_post($approver, "/orders/$other/reject", [comment => "Not this quarter.\nAsk again in April."]);
    is($res->code, 303, 'rejected: 303');
    is(location_path($res), "/orders/$other?decided=1", '... back to the order');
    is(status_becomes($other, 'rejected'), 'rejected', 'flowd takes the decision');
    my $o = ct_order_row($other);
    is($o->{status}, 'rejected', 'rejected');
    is($o->{decided_by}, $appr_id, '... by the approver');
    is($o->{decision_comment}, "Not this quarter.\nAsk again in April.", '... with the comment');
    is($o->{counted_at}, undef, '... and it never counts');
    is_deeply(sql_rows("SELECT status, user_id, comment FROM order_events WHERE order_id = $o->{id} ORDER BY id DESC LIMIT 1"),
        [['rejected', $appr_id, "Not this quarter.\nAsk again in April."]], 'on the timeline');
    my ($a) = Portico::OrgAdmin::audit_rows('order.reject', 'order', $o->{id});
    like($a->{after} // '', qr/"status":"rejected"/, 'audited');
    my $m = Portico::Mail::wait_for(to => $buyer_email, subject => qr/\Q$other\E/, timeout => 30);
    ok($m, 'the buyer is told') or return;
    like($m->{subject}, qr/Your order has been rejected/, '... that it was rejected');
    like($m->{text}, qr/Anke Approver has rejected your order \Q$other\E/, '... by whom');
    like($m->{text}, qr/Not this quarter\.\s+Ask again in April\./, '... and why');
    (undef, $res) = or_post($approver, "/orders/$other/approve", [comment => '']);
    is($res->code, 422, 'deciding it again: 422');
    is(ct_order_row($other)->{status}, 'rejected', '... it stays rejected');
};

subtest 'approve: it counts from then on' => sub {
    my ($c) = ct_cart($buyer);
    is(xp($c, '/page/cart-page/budget/@month-spent'), 0, 'before: nothing of the buyer counts this month');
    my ($d, $res) = or_post($approver, "/orders/$number/approve", [comment => 'OK for line 2.']);
    is($res->code, 303, 'approved: 303');
    is(status_becomes($number, 'approved'), 'approved', 'flowd takes the decision');
    my $o = ct_order_row($number);
    is($o->{status}, 'approved', 'approved');
    ok($o->{counted_at}, '... counted now');
    is($o->{decision_comment}, 'OK for line 2.', '... with the comment');
    ($c) = ct_cart($buyer);
    is(xp($c, '/page/cart-page/budget/@month-spent'), 120000, "the buyer's month holds it");
    my ($a) = Portico::OrgAdmin::audit_rows('order.approve', 'order', $o->{id});
    is($a->{user_id}, $appr_id, 'audited as the approver');
    ($d) = $buyer->get_xml("/orders/$number");
    is(xp($d, '/page/order/decision/by'), 'Anke Approver', 'the order page says who approved it');
    is(xp_count($d, '/page/order/timeline/event'), 3, 'submitted, waiting, approved');
    my $m = Portico::Mail::wait_for(to => $buyer_email, subject => qr/\Q$number\E/, timeout => 30);
    ok($m, 'the buyer is told') or return;
    like($m->{subject}, qr/^\[\Q$number\E\] Your order has been approved$/, '... in English, their language');
    like($m->{text}, qr/1,440\.00 GBP with tax/, '... with the total');
    ($d) = $approver->get_xml('/orders/approvals');
    is(xp_count($d, "/page/approvals/waiting/order[\@number='$number']"), 0, 'no longer waiting');
    is(xp($d, "/page/approvals/decided/order[\@number='$number']/\@status"), 'approved', 'among the decided');
};

done_testing;
