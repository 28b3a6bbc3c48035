# Confirm and cancel on the order desk: a submitted or approved order is
# confirmed; an order is cancelled with a reason while nothing of it has
# left, never once a shipment has.  Each writes the order's timeline row
# by the staff member, its audit row, and a mail to the buyer in their
# language (none to a buyer who wants no mails about orders).  Refusals
# answer 422 with the reason typed kept; other people: 403; without the
# CSRF token: 403; an unknown order: 404.
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

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($p, $sku) = ct_product(prices => { GBP => 2500 }, sku => 'CONF', name => 'Confirmable');
my ($buyer_id, $buyer_email, $buyer) = ct_buyer(lang => 'de', name => 'Bruno Besteller');
sql("UPDATE users SET language = 'de' WHERE id = $buyer_id");
my ($quiet_id, $quiet_email, $quiet) = ct_buyer();
sql("UPDATE users SET notify_orders = 0 WHERE id = $quiet_id");
my $manager_id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");
my $m = od_manager();

subtest 'confirm' => sub {
    my $n = od_order($buyer, [[$sku, 2]], address => $gb, po => 'PO-CONF-1');
    is(od_status($n), 'submitted', 'submitted');
    my ($doc) = $m->get_xml("/orders/desk/$n");
    is(xp($doc, '/page/order/actions/@confirm'), 1, 'the desk offers to confirm it');
    is(xp($doc, '/page/order/actions/@ship'), '', '... not to ship it yet');
    is(xp($doc, '/page/order/org'), 'Acme Industrial Ltd', 'the organisation');
    my $res;
    (undef, $res) = od_confirm($m, $n, no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    (undef, $res) = od_confirm($buyer, $n);
    is($res->code, 403, 'its buyer: 403');
    (undef, $res) = od_confirm(or_client('agent@portico.example'), $n);
    is($res->code, 403, 'an agent: 403');
    is(od_status($n), 'submitted', 'still submitted');
    Portico::Mail::clear(to => $buyer_email);
    (undef, $res) = od_confirm($m, $n);
    is($res->code, 303, 'the manager confirms it: 303');
    is(location_path($res), "/orders/desk/$n?confirmed=1", '... back to the order on the desk');
    is(od_status($n), 'confirmed', 'confirmed');
    is_deeply(od_events($n)->[-1], ['confirmed', $manager_id, '', undef, undef], 'on the timeline, by the manager');
    my ($a) = od_audit('order.confirm', $n);
    like($a->{before} // '', qr/"status":"submitted"/, 'audited: before');
    like($a->{after} // '', qr/"status":"confirmed"/, '... after');
    is($a->{user_id}, $manager_id, '... by the manager');
    my $mails = od_mails($buyer_email, $n);
    is(scalar(@$mails), 1, 'a mail to the buyer');
    is($mails->[0]{lang}, 'de', '... in his language');
    my $mail = Portico::Mail::wait_for(to => $buyer_email, subject => qr/\Q$n\E/, timeout => 30);
    ok($mail, 'it arrives') or return;
    is($mail->{subject}, "[$n] Ihre Bestellung ist bestätigt", 'subject in German');
    like($mail->{text}, qr/über 60,00 GBP inkl\. Steuer ist bestätigt/, 'the gross amount as Germans write it');
    like($mail->{text}, qr/PO-Nummer PO-CONF-1/, 'the PO number');
    like($mail->{text}, qr{/orders/\Q$n\E\b}, 'a link to the order');

    ($doc, $res) = od_confirm($m, $n);
    is($res->code, 422, 'confirming it again: 422');
    is(or_errors($doc)->{''}, 'orders.fulfil.not-confirmable', '... it cannot be');
    is(scalar(@{ od_events($n) }), 2, 'no second timeline row');

    my $q = od_order($quiet, [[$sku, 1]], address => $gb);
    sql("UPDATE orders SET status = 'approved' WHERE number = " . sql_quote($q));
    (undef, $res) = od_confirm(od_admin(), $q);
    is($res->code, 303, 'an approved order: the admin confirms it');
    is(od_status($q), 'confirmed', 'confirmed');
    is(scalar(@{ od_mails($quiet_email, $q) }), 0, 'no mail to a buyer who wants none about orders');

    for my $st (qw(awaiting_approval rejected cancelled)) {
        my $o = od_order($quiet, [[$sku, 1]], address => $gb);
        sql("UPDATE orders SET status = '$st' WHERE number = " . sql_quote($o));
        (undef, $res) = od_confirm($m, $o);
        is($res->code, 422, "$st: 422");
        is(od_status($o), $st, "... still $st");
    }
    (undef, $res) = od_confirm($m, 'O-2026-999999');
    is($res->code, 404, 'no such order: 404');
    is($m->get('/orders/desk/O-2026-999999')->code, 404, '... its page: 404');
    is($m->get('/orders/desk/nonsense')->code, 404, 'not an order number: 404');
};

subtest 'cancel while nothing has left' => sub {
    my $n = od_confirmed($buyer, [[$sku, 3]], address => $gb);
    my ($doc, $res) = od_cancel($m, $n, '');
    is($res->code, 422, 'without a reason: 422');
    is(or_errors($doc)->{reason}, 'input.required', '... at the field');
    ($doc, $res) = od_cancel($m, $n, 'x' x 1001);
    is($res->code, 422, 'a reason of 1001 characters: 422');
    is(or_errors($doc)->{reason}, 'input.too-long', '... at the field');
    is(length(xp($doc, '/page/form[@name="cancel"]/field[@name="reason"]')), 1001, '... kept');
    is(xp($doc, '/page/messages/message[@field="reason"]/@max'), 1000, '... saying the limit');
    (undef, $res) = od_cancel($m, $n, 'x', no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    (undef, $res) = od_cancel($buyer, $n, 'x');
    is($res->code, 403, 'the buyer through the desk: 403');
    is(od_status($n), 'confirmed', 'still confirmed');
    (undef, $res) = od_cancel($m, $n, "Discontinued by the maker.\r\nSorry.");
    is($res->code, 303, 'cancelled with a reason: 303');
    is(od_status($n), 'cancelled', 'cancelled');
    is_deeply(od_events($n)->[-1], ['cancelled', $manager_id, "Discontinued by the maker.\nSorry.", undef, undef],
        'on the timeline with the reason');
    my ($a) = od_audit('order.desk-cancel', $n);
    like($a->{before} // '', qr/"status":"confirmed"/, 'audited: before');
    like($a->{after} // '', qr/"reason":"Discontinued by the maker\.\\nSorry\."/, '... with the reason');
    my $mails = od_mails($buyer_email, $n);
    is(scalar(grep { $_->{data} =~ /event="cancelled"/ && $_->{data} =~ /Discontinued/ } @$mails), 1,
        'the buyer is told why');
    ($doc) = $buyer->get_xml("/orders/$n");
    is(xp($doc, '/page/order/timeline/event[last()]/comment'), "Discontinued by the maker.\nSorry.",
        'the buyer reads it on the order');

    my $s = od_confirmed($buyer, [[$sku, 3]], address => $gb);
    (undef, $res) = od_ship($m, $s, { 1 => 1 });
    is($res->code, 303, 'one of three shipped');
    ($doc, $res) = od_cancel($m, $s, 'Too late.');
    is($res->code, 422, 'cancel once something has left: 422');
    is(or_errors($doc)->{''}, 'orders.fulfil.not-cancellable', '... it cannot be');
    is(xp($doc, '/page/form[@name="cancel"]/field[@name="reason"]'), 'Too late.', '... the reason kept');
    is(od_status($s), 'partly_shipped', 'still partly shipped');
    is(xp($doc, '/page/order/actions/@cancel'), '', 'the desk offers it no more');
    (undef, $res) = or_post($buyer, "/orders/$s/cancel", []);
    is($res->code, 422, 'nor may the buyer');

    for my $st (qw(submitted awaiting_approval approved)) {
        my $o = od_order($buyer, [[$sku, 1]], address => $gb);
        sql("UPDATE orders SET status = '$st' WHERE number = " . sql_quote($o));
        (undef, $res) = od_cancel($m, $o, 'No stock.');
        is($res->code, 303, "$st: cancelled");
    }
    for my $st (qw(shipped delivered rejected cancelled)) {
        my $o = od_order($buyer, [[$sku, 1]], address => $gb);
        sql("UPDATE orders SET status = '$st' WHERE number = " . sql_quote($o));
        (undef, $res) = od_cancel($m, $o, 'No stock.');
        is($res->code, 422, "$st: 422");
        is(od_status($o), $st, "... still $st");
    }
};

done_testing;
