# The order desk issues invoices: for everything of an order not billed
# yet, or for one shipment's quantities; never a line twice; only for
# confirmed orders and later.  Each invoice copies the order's lines with
# their prices, tax per line (rounded on the line), the totals as the
# lines' sums, the seller's and buyer's addresses and the organisation's
# payment terms, with its due date; an audit row says who issued it, and
# the order's buyer gets a mail in their language with the link.  The
# desk marks it paid once; credit notes give back at most what was billed,
# as negative amounts with numbers of their own.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Invoices;
use Portico::Mail ();
use Portico::OrgAdmin ();

my $terms = sql_value('SELECT payment_terms_days FROM orgs WHERE id = ' . ACME);
END { sql('UPDATE orgs SET payment_terms_days = ' . int($terms // 30) . ' WHERE id = ' . ACME) }
sql('UPDATE orgs SET payment_terms_days = 21 WHERE id = ' . ACME);

my ($buyer_id, $buyer_email, $buyer) = ct_buyer();
ct_set_limits(undef, undef);
my $address = ct_address(country => 'GB');
my (undef, $sensor) = ct_product(prices => { GBP => 1999 });               # 19.99, 20 %
my (undef, $book) = ct_product(prices => { GBP => 1234 }, tax_class => 'reduced');   # 12.34, 5 %
my (undef, $odd) = ct_product(prices => { GBP => 333 });                   # 3.33: 0.666 tax a piece

subtest 'an invoice for the whole order' => sub {
    my ($number, $order_id) = inv_order($buyer, [[$sensor, 3], [$book, 2], [$odd, 7]], address => $address);
    my ($inv, $res) = inv_issue($number);
    is($res->code, 303, 'the desk issues it');
    like($inv // '', qr/^INV-\d{4}-\d{6}$/, 'with an invoice number of the year');
    my $r = inv_row($inv);
    is($r->{kind}, 'invoice', 'an invoice');
    is($r->{order_id}, $order_id, 'of the order');
    is($r->{shipment_id}, undef, 'of no shipment');
    is_deeply(inv_lines($inv), [
        [1, 3, 1999, 2000, 5997, 1199, 7196],
        [2, 2, 1234, 500, 2468, 123, 2591],
        [3, 7, 333, 2000, 2331, 466, 2797],
    ], 'the lines as ordered, tax rounded on each line (5997 x 20 % = 1199.4 -> 1199; 2331 -> 466.2 -> 466)');
    is_deeply([@$r{qw(net_minor tax_minor gross_minor)}], [10796, 1788, 12584], 'the totals are the sums of the lines');
    is($r->{currency}, 'GBP', 'in the order\'s currency');
    is($r->{payment_terms_days}, 21, 'with the organisation\'s payment terms');
    is(sql_value("SELECT DATEDIFF(due_date, issue_date) FROM invoices WHERE number = '$inv'"), 21,
        'due 21 days after it is dated');
    is(sql_value("SELECT ABS(DATEDIFF(issue_date, UTC_DATE())) <= 1 FROM invoices WHERE number = '$inv'"), 1,
        'dated today (in the provider\'s zone)');
    is((inv_number_of($inv))[1], substr($r->{issue_date}, 0, 4), 'numbered in the year it is dated');
    is($r->{status}, 'open', 'open');
    is($r->{seller_name}, sql_value("SELECT name FROM orgs WHERE kind = 'provider' ORDER BY id LIMIT 1"), 'the provider sells');
    is($r->{buyer_name}, 'Acme Industrial Ltd', 'Acme buys');
    is($r->{issued_by}, sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'"), 'issued by the desk\'s person');
    my $audit = sql_rows("SELECT action, after_json FROM audit_log WHERE object_type = 'invoice' AND object_id = '$r->{id}'");
    is(scalar @$audit, 1, 'one audit row');
    is($audit->[0][0], 'invoice.issue', '... of the issuing');
    like($audit->[0][1], qr/"number":"\Q$inv\E".*"gross":12584/, '... with number and total');

    my ($again, $res2, $doc2) = inv_issue($number);
    is($res2->code, 422, 'a second invoice for the same order is refused');
    is(or_errors($doc2)->{''}, 'orders.invoice.refused.nothing', '... as everything is billed');
    is(sql_value("SELECT COUNT(*) FROM invoices WHERE order_id = $order_id"), 1, '... and none is written');
};

subtest 'per shipment' => sub {
    my ($number, $order_id) = inv_order($buyer, [[$sensor, 5], [$book, 4]], address => $address);
    my $s1 = inv_ship($order_id, { 1 => 2, 2 => 4 });
    my $s2 = inv_ship($order_id, { 1 => 3 });
    my ($i1, $res) = inv_issue($number, $s1);
    is($res->code, 303, 'the first shipment is invoiced');
    is_deeply([map { [@$_[0, 1]] } @{ inv_lines($i1) }], [[1, 2], [2, 4]], '... with its quantities');
    is(inv_row($i1)->{shipment_id}, sql_value("SELECT id FROM shipments WHERE order_id = $order_id AND no = $s1"),
        '... and names it');
    my (undef, $r2, $d2) = inv_issue($number, $s1);
    is($r2->code, 422, 'a shipment is invoiced once');
    is(or_errors($d2)->{''}, 'orders.invoice.refused.billed', '... it says so');
    my ($rest, $r3) = inv_issue($number);
    is($r3->code, 303, 'the rest of the order is invoiced');
    is_deeply([map { [@$_[0, 1]] } @{ inv_lines($rest) }], [[1, 3]], '... only what was not billed');
    my (undef, $r4, $d4) = inv_issue($number, $s2);
    is($r4->code, 422, 'the second shipment, billed with the rest, is refused');
    is(or_errors($d4)->{''}, 'orders.invoice.refused.billed', '... as billed');
    my (undef, $r5) = inv_issue($number, 99);
    is($r5->code, 404, 'a shipment the order does not have: 404');
    is(sql_value("SELECT COUNT(*) FROM invoices WHERE order_id = $order_id"), 2, 'two invoices');
};

subtest 'the buyer is told by mail' => sub {
    my ($number) = inv_order($buyer, [[$sensor, 2]], address => $address);
    my ($inv) = inv_issue($number);
    my @rows = grep { $_->{template} eq 'order-invoice' && $_->{data} =~ /\Q$inv\E/ }
        Portico::OrgAdmin::outbox_for($buyer_email);
    is(scalar @rows, 1, 'one mail to the buyer');
    my $m = Portico::Mail::wait_for(to => $buyer_email, subject => qr/\Q$inv\E/, timeout => 30);
    ok($m, 'delivered') or return;
    is($m->{subject}, "[$number] Invoice $inv", 'the subject names order and invoice');
    like($m->{text}, qr/47\.98 GBP, due on \d{1,2} \w{3} \d{4}/, 'the amount and due date as the buyer writes them');
    like($m->{text}, qr{/orders/invoices/\Q$inv\E}, 'the link to the invoice');
    my ($cn) = inv_credit($inv, { 1 => 1 });
    my $c = Portico::Mail::wait_for(to => $buyer_email, subject => qr/\Q$cn\E/, timeout => 30);
    ok($c && $c->{text} =~ /23\.99 GBP/, 'a credit note too, with the amount given back');
    sql("UPDATE users SET notify_orders = 0 WHERE id = $buyer_id");
    ($number) = inv_order($buyer, [[$sensor, 1]], address => $address);
    ($inv) = inv_issue($number);
    sql("UPDATE users SET notify_orders = 1 WHERE id = $buyer_id");
    is(scalar(grep { $_->{template} eq 'order-invoice' && $_->{data} =~ /\Q$inv\E/ }
        Portico::OrgAdmin::outbox_for($buyer_email)), 0, 'none for a buyer who wants no mails about orders');
};

subtest 'only confirmed orders and later' => sub {
    for my $status (qw(submitted awaiting_approval rejected cancelled)) {
        my ($number, $order_id) = inv_order($buyer, [[$sensor, 1]], address => $address, status => $status);
        my (undef, $res, $doc) = inv_issue($number);
        is($res->code, 422, "$status: refused");
        is(or_errors($doc)->{''}, 'orders.invoice.refused.status', '... as not billable');
    }
    for my $status (qw(partly_shipped shipped delivered)) {
        my ($number) = inv_order($buyer, [[$sensor, 1]], address => $address, status => $status);
        my ($inv, $res) = inv_issue($number);
        is($res->code, 303, "$status: invoiced");
    }
    my (undef, $res) = inv_issue('O-1999-999999');
    is($res->code, 404, 'an order that does not exist: 404');
};

subtest 'the buyer is billed at the organisation\'s address, else at the delivery address' => sub {
    my $saved = sql_rows('SELECT billing_street, billing_postal_code, billing_city, billing_country FROM orgs WHERE id = ' . ACME)->[0];
    sql("UPDATE orgs SET billing_street = '' WHERE id = " . ACME);
    my ($number) = inv_order($buyer, [[$sensor, 1]], address => $address);
    my ($inv) = inv_issue($number);
    my $r = inv_row($inv);
    is_deeply([@$r{qw(buyer_street buyer_city buyer_country)}], ['1 Test Street', 'Testtown', 'GB'],
        'without a billing address: the order\'s delivery address');
    sql("UPDATE orgs SET billing_street = 'Billing Road 1', billing_city = 'Leeds' WHERE id = " . ACME);
    ($number) = inv_order($buyer, [[$sensor, 1]], address => $address);
    ($inv) = inv_issue($number);
    is(inv_row($inv)->{buyer_street}, 'Billing Road 1', 'with one: the organisation\'s');
    sql('UPDATE orgs SET billing_street = ' . sql_quote($saved->[0]) . ', billing_city = '
        . sql_quote($saved->[2]) . ' WHERE id = ' . ACME);
    is(inv_row($inv)->{buyer_street}, 'Billing Road 1', 'the invoice keeps its copy when the organisation moves');
};

subtest 'paid' => sub {
    my ($number) = inv_order($buyer, [[$sensor, 1]], address => $address);
    my ($inv) = inv_issue($number);
    my $res = inv_paid($inv);
    is($res->code, 303, 'the desk marks it paid');
    my $r = inv_row($inv);
    is($r->{status}, 'paid', 'paid');
    ok(defined $r->{paid_at}, '... with when');
    is($r->{paid_by}, sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'"), '... and by whom');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'invoice.paid' AND object_id = '$r->{id}'"), 1,
        'an audit row');
    $res = inv_paid($inv);
    is($res->code, 422, 'twice: refused');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'invoice.paid' AND object_id = '$r->{id}'"), 1,
        '... without another audit row');
};

subtest 'credit notes' => sub {
    my ($number) = inv_order($buyer, [[$sensor, 3], [$odd, 7]], address => $address);
    my ($inv) = inv_issue($number);
    my ($cn, $res) = inv_credit($inv, { 2 => 3 });
    is($res->code, 303, 'the desk credits three of line 2');
    like($cn // '', qr/^CN-\d{4}-\d{6}$/, 'a credit note number');
    my $r = inv_row($cn);
    is($r->{kind}, 'credit_note', 'a credit note');
    my ($page) = inv_desk()->get_xml("/orders/invoices/$cn?issued=1");
    is(xp($page, '/page/messages/message/@key'), 'orders.invoice.issued-credit', 'its page says a credit note was issued');
    is_deeply(inv_lines($cn), [[2, 3, -333, 2000, -999, -200, -1199]],
        'negative amounts, tax rounded on the line (-199.8 -> -200)');
    is_deeply([@$r{qw(net_minor tax_minor gross_minor)}], [-999, -200, -1199], 'its totals');
    my (undef, $res2, $doc2) = inv_credit($inv, { 2 => 5 });
    is($res2->code, 422, 'more than billed and not credited yet: refused');
    is(or_errors($doc2)->{''}, 'orders.invoice.refused.credit', '... it says so');
    is(xp($doc2, '/page/form[@name="credit"]/field[@name="q2"]'), '5', '... and keeps what was typed');
    my ($cn2, $res3) = inv_credit($inv, { 1 => 3, 2 => 4 });
    is($res3->code, 303, 'exactly the rest: credited');
    my ($k1, $y1, $s1) = inv_number_of($cn);
    my ($k2, $y2, $s2) = inv_number_of($cn2);
    is($s2, $s1 + 1, 'credit notes count on their own: the next number');
    my (undef, $res4) = inv_credit($inv, { 1 => 'x' });
    is($res4->code, 422, 'a quantity that is no number: 422');
    my (undef, $res5) = inv_credit($inv, {});
    is($res5->code, 422, 'nothing to credit: 422');
    my (undef, $res6) = inv_credit($cn, { 2 => 1 });
    is($res6->code, 404, 'a credit note is not credited again');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'credit_note.issue' AND object_id = '$r->{id}'"), 1,
        'an audit row');
};

subtest 'only the desk issues, pays and credits' => sub {
    my ($number) = inv_order($buyer, [[$sensor, 1]], address => $address);
    my ($inv) = inv_issue($number);
    for my $email ('agent@portico.example', 'anna.admin@acme.example', 'carl@acme.example') {
        my $c = or_client($email);
        my (undef, $r1) = inv_issue($number, undef, client => $c);
        is($r1->code, 403, "$email may not issue");
        is(inv_paid($inv, client => $c)->code, 403, "... nor mark paid");
        my (undef, $r3) = inv_credit($inv, { 1 => 1 }, client => $c);
        is($r3->code, 403, "... nor credit");
        is($c->get("/orders/invoices/new?order=$number")->code, 403, '... nor see the desk\'s page');
    }
    my (undef, $r) = or_post(inv_desk(), '/orders/invoices/new', [order => $number], no_csrf => 1);
    is($r->code, 403, 'the desk without the CSRF token: 403');
    my ($doc, $res) = inv_desk()->get_xml("/orders/invoices/new?order=$number");
    is($res->code, 200, 'the desk\'s page of the order');
    is(xp($doc, '/page/billing/invoices/invoice/@number'), $inv, '... lists its invoice');
    is(xp($doc, '/page/billing/lines/line[@no=1]/@billed'), 1, '... and what is billed of each line');
    is(inv_desk()->get('/orders/invoices/new?order=O-1999-999998')->code, 404, 'an order that does not exist: 404');
};

done_testing();
