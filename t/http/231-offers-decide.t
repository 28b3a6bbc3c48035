# The customer decides an offer (orders.approve: the organisation's admin
# and approvers).  Declining needs a reason.  Accepting records who, when,
# from which address and the SHA-256 of the canonical text of exactly the
# version accepted, which this test recomputes from the rows; the offer
# becomes a contract of its recurring lines and an order of its one-off
# lines (the same tables checkout writes, taxed per line at the delivery
# country's rates), and from then on no route changes it.  An offer past
# its validity date is expired for the reader: neither accepted nor
# declined.  Drafts and other organisations' offers are 404.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Digest::SHA qw(sha256_hex);
use Encode ();
use Portico::Test;
use Portico::Offers;
use Portico::Cart qw(ct_address ct_person ct_order_row ct_parallel);
use Portico::OrgAdmin ();
use Portico::Mail ();

my $anna = or_client(ANNA);
my $olivia = or_client(OLIVIA);
my $anna_id = sql_value("SELECT id FROM users WHERE email = '" . ANNA . "'");
my $olivia_id = sql_value("SELECT id FROM users WHERE email = '" . OLIVIA . "'");
my ($bm_id, $bm_email) = ct_person(org => BERGMANN, roles => ['customer_admin']);
my $bergmann = or_client($bm_email);
my $de = ct_address(country => 'DE', label => 'Hamburg');
my $bm_address = ct_address(org => BERGMANN, country => 'DE', label => 'Essen');

# An offer with a catalogue product, a free text line at the reduced rate,
# and a monthly and a yearly line.
my ($sku, $price) = @{ sql_rows("SELECT p.sku, lp.amount_minor FROM products p"
    . " JOIN product_prices lp ON lp.product_id = p.id AND lp.currency = 'GBP'"
    . " WHERE p.active = 1 AND p.tax_class = 'standard' AND FIND_IN_SET('customer', p.audience)"
    . " AND NOT EXISTS (SELECT 1 FROM product_tiers t WHERE t.product_id = p.id)"
    . " AND NOT EXISTS (SELECT 1 FROM contract_prices c WHERE c.product_id = p.id AND c.org_id = 2)"
    . " ORDER BY p.id LIMIT 1")->[0] };
sub full_offer {
    my (%o) = @_;
    my $n = of_create(title => of_prefix() . ' ' . ($o{title} // 'Print fleet'), renewal => $o{renewal} // 12,
        term => $o{term} // 12, notice => $o{notice} // 90, terms => "Ünïcode terms: **net 30**.");
    of_line($n, sku => $sku, quantity => 3);
    of_line($n, name => 'Training (½ day)', unit => 'day', quantity => 1, price => '480.10', tax_class => 'reduced');
    of_line($n, kind => 'recurring', billing => 'month', name => 'Managed print', unit => 'month', price => '199.99');
    of_line($n, kind => 'recurring', billing => 'year', name => 'Licence', unit => 'licence', quantity => 2, price => '120');
    or_upload(of_staff(), "/orders/admin/offers/$n/files", [file => ['sla.txt', "Service levels\n", 'text/plain']]);
    of_send($n) unless $o{draft};
    return $n;
}

my $offer = full_offer();
my $draft = full_offer(draft => 1);
my $declined = full_offer(title => 'To decline');

subtest 'who sees the offers' => sub {
    my ($d, $res) = $anna->get_xml('/orders/offers');
    is($res->code, 200, "Acme's admin: 200");
    is(xp($d, "/page/offers/offer[\@number='$offer']/\@state"), 'sent', 'the sent offer is open');
    is(xp_count($d, "/page/offers/offer[\@number='$draft']"), 0, 'not the draft');
    ($d, $res) = $olivia->get_xml("/orders/offers/$offer");
    is($res->code, 200, "Acme's approver opens it");
    is(xp_count($d, '/page/offer/lines/line'), 4, '... with its lines');
    is(xp($d, '/page/offer/decide/@sha256'), of_sha($offer), '... and the hash of its text');
    ok(xp_count($d, "/page/offer/decide/address[\@id='$de']"), "... Acme's delivery addresses");
    is(xp_count($d, "/page/offer/decide/address[\@id='$bm_address']"), 0, "... not Bergmann's");
    my $fid = xp($d, '/page/offer/files/file/@id');
    $res = $olivia->get("/orders/offers/$offer/files/$fid");
    is($res->code, 200, 'its attachment: 200');
    is($res->content, "Service levels\n", '... the file');
    is($olivia->get("/orders/offers/$draft")->code, 404, 'a draft: 404');
    is($bergmann->get("/orders/offers/$offer")->code, 404, "another organisation's admin: 404");
    is($bergmann->get("/orders/offers/$offer/files/$fid")->code, 404, '... nor its file');
    ($d) = $bergmann->get_xml('/orders/offers');
    is(xp_count($d, "/page/offers/offer[\@number='$offer']"), 0, '... not in their list');
    is(or_client(CARL)->get("/orders/offers/$offer")->code, 403, 'a buyer without orders.approve: 403');
    is(or_client(CARL)->get('/orders/offers')->code, 403, '... nor the list');
};

subtest 'decline: with a reason' => sub {
    my ($d, $res) = or_post($olivia, "/orders/offers/$declined/decline", [reason => '  ']);
    is($res->code, 422, 'without a reason: 422');
    is(or_errors($d)->{reason}, 'orders.offer.reason.required', '... asking why');
    ($d, $res) = or_post($olivia, "/orders/offers/$declined/decline", [reason => 'x' x 1001]);
    is($res->code, 422, 'a reason of 1001 characters: 422');
    is(length(xp($d, "/page/form[\@name='decline']/field[\@name='reason']")), 1001, '... kept');
    (undef, $res) = or_post($bergmann, "/orders/offers/$declined/decline", [reason => 'no']);
    is($res->code, 404, 'by another organisation: 404');
    (undef, $res) = or_post($olivia, "/orders/offers/$declined/decline", [reason => 'no'], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    (undef, $res) = or_post(or_client(CARL), "/orders/offers/$declined/decline", [reason => 'no']);
    is($res->code, 403, 'by a buyer: 403');
    is(of_row($declined)->{status}, 'sent', 'still open');
    (undef, $res) = or_post($olivia, "/orders/offers/$declined/decline", [reason => "Too expensive.\nTry again in May."]);
    is($res->code, 303, 'declined: 303');
    my $o = of_row($declined);
    is($o->{status}, 'declined', 'declined');
    is($o->{decided_by}, $olivia_id, '... by the approver');
    is($o->{decline_reason}, "Too expensive.\nTry again in May.", '... with the reason');
    is($o->{decided_ip}, '127.0.0.1', '... from her address');
    my ($a) = Portico::OrgAdmin::audit_rows('offer.decline', 'offer', $o->{id});
    is($a->{user_id}, $olivia_id, 'audited');
    like($a->{after} // '', qr/"reason":"Too expensive/, '... with the reason');
    my $m = Portico::Mail::wait_for(to => MANAGER, subject => qr/\Q$declined\E.*declined/, timeout => 30);
    ok($m, 'the manager who sent it is told') or diag 'no mail';
    like($m->{text} // '', qr/Olivia Approver of Acme Industrial Ltd has declined .* saying: Too expensive\./s, '... who and why');
    ($d) = $olivia->get_xml("/orders/offers/$declined");
    is(xp($d, '/page/offer/decision/reason'), "Too expensive.\nTry again in May.", 'the page says why');
    is(xp_count($d, '/page/offer/decide'), 0, '... and offers no decision');
    (undef, $res) = or_post($anna, "/orders/offers/$declined/accept", [sha256 => of_sha($declined), confirm => 1, address => $de]);
    is($res->code, 422, 'accepting it afterwards: 422');
    is(of_row($declined)->{status}, 'declined', '... it stays declined');
};

subtest 'accept: checks first' => sub {
    my $sha = of_sha($offer);
    my ($d, $res) = or_post($anna, "/orders/offers/$offer/accept", [sha256 => $sha, address => '']);
    is($res->code, 422, 'without ticking and without an address: 422');
    my $e = or_errors($d);
    is($e->{confirm}, 'orders.offer.confirm', 'asks to tick the box');
    is($e->{address}, 'input.choose', 'asks for the delivery address of the one-off lines');
    ($d, $res) = or_post($anna, "/orders/offers/$offer/accept", [sha256 => $sha, confirm => 1, address => $bm_address]);
    is(or_errors($d)->{address}, 'orders.checkout.address.unknown', "Bergmann's address: refused");
    is(xp($d, "/page/form[\@name='accept']/field[\@name='address']"), $bm_address, 'the values kept');
    ($d, $res) = or_post($anna, "/orders/offers/$offer/accept", [sha256 => '0' x 64, confirm => 1, address => $de]);
    is($res->code, 422, 'the hash of another text: 422');
    is((message_keys($d))[0], 'orders.offer.changed', '... the offer is not the one seen');
    (undef, $res) = or_post($bergmann, "/orders/offers/$offer/accept", [sha256 => $sha, confirm => 1, address => $bm_address]);
    is($res->code, 404, 'by another organisation: 404');
    (undef, $res) = or_post($anna, "/orders/offers/$offer/accept", [sha256 => $sha, confirm => 1, address => $de], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    (undef, $res) = or_post($anna, "/orders/offers/$draft/accept", [sha256 => $sha, confirm => 1, address => $de]);
    is($res->code, 404, 'a draft: 404');
    is(of_row($offer)->{status}, 'sent', 'still open');
    is(sql_value('SELECT COUNT(*) FROM contracts c JOIN offers f ON f.id = c.offer_id WHERE f.number = '
        . sql_quote($offer)), 0, 'no contract yet');
};

my ($contract, $order);
subtest 'accept: who, when, from where, and the hash of exactly this version' => sub {
    my $text = of_text($offer);
    my $sha = of_sha($offer);
    my (undef, $res) = or_post($anna, "/orders/offers/$offer/accept", [sha256 => $sha, confirm => 1, address => $de]);
    is($res->code, 303, 'accepted: 303');
    is(location_path($res), "/orders/offers/$offer?accepted=1", '... back to the offer');
    my $o = of_row($offer);
    is($o->{status}, 'accepted', 'accepted');
    is($o->{decided_by}, $anna_id, '... by the admin');
    ok($o->{decided_at}, '... at a time');
    is($o->{decided_ip}, '127.0.0.1', '... from the address the request came from');
    is($o->{accepted_text}, $text, 'the text kept is the canonical text recomputed from the rows');
    is($o->{accepted_sha256}, $sha, 'the stored hash is the SHA-256 of it');
    is(sha256_hex(Encode::encode_utf8($o->{accepted_text})), $o->{accepted_sha256}, '... and of the text kept');
    like($o->{accepted_text}, qr/^line: 2\tonce\t\tTraining \(½ day\)\tday\t1\t48010\t-\treduced$/m, 'a free text line in it');
    like($o->{accepted_text}, qr/^file: sla\.txt\ttext\/plain; charset=utf-8\t15\t[0-9a-f]{64}$/m, 'the attachment by its hash');
    my ($a) = Portico::OrgAdmin::audit_rows('offer.accept', 'offer', $o->{id});
    is($a->{user_id}, $anna_id, 'audited');
    like($a->{after} // '', qr/"sha256":"$sha"/, '... with the hash');
    ($contract) = ($a->{after} // '') =~ /"contract":"(C-\d{4}-\d+)"/;
    ($order) = ($a->{after} // '') =~ /"order":"(O-\d{4}-\d+)"/;
    ok($contract, "a contract $contract") or return;
    ok($order, "an order $order") or return;
    my $m = Portico::Mail::wait_for(to => MANAGER, subject => qr/\Q$offer\E.*accepted/, timeout => 30);
    ok($m, 'the manager who sent it is told');
    like($m->{text} // '', qr/Anna Admin of Acme Industrial Ltd has accepted .* contract \Q$contract\E\./s, '... into which contract');
    my ($d) = $anna->get_xml("/orders/offers/$offer");
    is(xp($d, '/page/offer/decision/@sha256'), $sha, 'the page shows the hash');
    is(xp($d, '/page/offer/decision/by'), 'Anna Admin', '... and who');
    is(xp($d, '/page/offer/contract/@number'), $contract, '... and the contract');
    is(xp($d, '/page/offer/order/@number'), $order, '... and the order');
};

subtest 'the contract: its recurring lines' => sub {
    my $c = sql_rows("SELECT org_id, title, currency, start_date, end_date, renewal_months, notice_days,"
        . " (SELECT COUNT(*) FROM contract_lines l WHERE l.contract_id = c.id) FROM contracts c WHERE number = "
        . sql_quote($contract))->[0];
    my $start = of_date(0);
    my @s = split /-/, $start;
    is($c->[0], ACME, "Acme's");
    is($c->[3], $start, 'from today');
    like($c->[4], qr/^\Q@{[ $s[0] + 1 ]}\E-/, 'to a year on');
    is_deeply([@$c[5, 6, 7]], [12, 90, 2], 'renews by 12 months, 90 days notice, two recurring lines');
    my ($d, $res) = $anna->get_xml("/orders/contracts/$contract");
    is($res->code, 200, 'its page');
    is(xp_count($d, '/page/contract/lines/line'), 2, '... the recurring lines');
    is(xp($d, "/page/contract/lines/line[\@billing='month']/\@unit-minor"), 19999, '... monthly 199.99');
    is(xp($d, '/page/contract/files/file'), 'sla.txt', '... and the document');
    $res = $anna->get(xp($d, '/page/contract/files/file/@href'));
    is($res->content, "Service levels\n", 'the document downloads');
    ($d, $res) = of_staff()->get_xml("/orders/admin/contracts/$contract");
    is($res->code, 200, "the staff's page of the contract");
    is(xp($d, '/page/contract/offer/@href'), "/orders/admin/offers/$offer", '... leads to the offer');
    is(xp($d, '/page/contract/order/@href'), "/orders/desk/$order", '... and to the order on the desk');
    $res = of_staff()->get(xp($d, '/page/contract/files/file/@href'));
    is($res->content, "Service levels\n", '... and its document downloads');
};

subtest 'the order: its one-off lines, taxed per line, confirmed' => sub {
    my $o = ct_order_row($order);
    is($o->{status}, 'confirmed', 'confirmed');
    is($o->{buyer_id}, $anna_id, 'placed by whoever accepted');
    is($o->{ship_country}, 'DE', 'to the address chosen');
    is($o->{counted_at}, undef, "counted towards nobody's budget");
    my $lines = of_rows("SELECT line_no, product_id IS NULL, sku, name, quantity, unit_price_minor, tax_class,"
        . " tax_rate_bp, net_minor, tax_minor, gross_minor FROM order_lines WHERE order_id = $o->{id} ORDER BY line_no");
    is(scalar @$lines, 2, 'two lines: the one-off ones');
    my $net1 = 3 * $price;
    my $tax1 = int($net1 * 1900 / 10000 + 0.5);
    is_deeply($lines->[0], [1, 0, $sku, $lines->[0][3], 3, $price, 'standard', 1900, $net1, $tax1, $net1 + $tax1],
        'the product at 19 %');
    is_deeply($lines->[1], [2, 1, '', 'Training (½ day)', 1, 48010, 'reduced', 700, 48010, 3361, 51371],
        'the free text line at the reduced 7 % (33.607 rounds to 33.61)');
    is($o->{net_minor}, $net1 + 48010, 'the net sum');
    is($o->{gross_minor}, $net1 + $tax1 + 51371, 'the gross sum');
    is_deeply(sql_rows("SELECT status, user_id FROM order_events WHERE order_id = $o->{id} ORDER BY id"),
        [['submitted', $anna_id], ['confirmed', undef]], 'its timeline');
    my ($d, $res) = $anna->get_xml("/orders/$order");
    is($res->code, 200, 'the order page shows it');
    is(xp_count($d, '/page/order/lines/line'), 2, '... with both lines');
    ($d) = $anna->get_xml('/orders/history');
    ok(xp_count($d, "//order[\@number='$order']"), 'in the order history');
};

subtest 'no route changes an accepted offer' => sub {
    my $before = of_snapshot($offer);
    my $staff = of_staff();
    my $sha = of_sha($offer);
    my $fid = sql_value("SELECT f.id FROM offer_files f JOIN offers o ON o.id = f.offer_id WHERE o.number = " . sql_quote($offer));
    for my $w (
        [$staff, "/orders/admin/offers/$offer", [title => 'x', valid_until => of_date(1), term_months => 1,
            renewal_months => 0, notice_days => 0, terms => 'x']],
        [$staff, "/orders/admin/offers/$offer/lines", [kind => 'once', name => 'x', unit => 'piece', quantity => 1, price => 1]],
        [$staff, "/orders/admin/offers/$offer/lines/1/delete", []],
        [$staff, "/orders/admin/offers/$offer/files/$fid/delete", []],
        [$staff, "/orders/admin/offers/$offer/send", []],
        [$staff, "/orders/admin/offers/$offer/revise", []],
        [$anna, "/orders/offers/$offer/accept", [sha256 => $sha, confirm => 1, address => $de]],
        [$olivia, "/orders/offers/$offer/decline", [reason => 'changed my mind']],
    ) {
        my ($d, $res) = or_post(@$w);
        is($res->code, 422, "POST $w->[1]: 422");
    }
    my (undef, $res) = or_upload($staff, "/orders/admin/offers/$offer/files", [file => ['x.txt', "x\n", 'text/plain']]);
    is($res->code, 422, 'POST a file: 422');
    is(of_snapshot($offer), $before, 'the offer, its lines and files are exactly as accepted');
    is(of_sha($offer), of_row($offer)->{accepted_sha256}, 'its hash still matches');
    is(sql_value('SELECT COUNT(*) FROM contracts c JOIN offers f ON f.id = c.offer_id WHERE f.number = '
        . sql_quote($offer)), 1, 'one contract');
    ok(!eval { sql("UPDATE offers SET decline_reason = 'x' WHERE number = " . sql_quote($offer)); 1 },
        'the database refuses a change of a decided offer');
    ok(!eval { sql("UPDATE offers SET status = 'sent' WHERE number = " . sql_quote($offer)); 1 }, '... or of its status');
};

subtest 'accepted and declined at the same moment: one decision wins' => sub {
    my $n = full_offer(title => 'Race');
    my $sha = of_sha($n);
    my @codes = ct_parallel(4, sub {
        my ($k) = @_;
        my $c = or_client($k % 2 ? OLIVIA : ANNA);
        my (undef, $res) = $k < 2
            ? or_post($c, "/orders/offers/$n/accept", [sha256 => $sha, confirm => 1, address => $de])
            : or_post($c, "/orders/offers/$n/decline", [reason => 'no']);
        return $res->code;
    });
    is(scalar(grep { $_ eq '303' } @codes), 1, 'one of two acceptances and two declines wins: ' . join(' ', @codes));
    is(scalar(grep { $_ eq '422' } @codes), 3, '... the others are told it is decided');
    my $o = of_row($n);
    like($o->{status}, qr/^(accepted|declined)$/, "it is $o->{status}");
    is(sql_value('SELECT COUNT(*) FROM contracts c JOIN offers f ON f.id = c.offer_id WHERE f.number = ' . sql_quote($n)),
        $o->{status} eq 'accepted' ? 1 : 0, '... with one contract at most');
    is(sql_value("SELECT COUNT(*) FROM orders WHERE note LIKE " . sql_quote("$n:%")),
        $o->{status} eq 'accepted' ? 1 : 0, '... and one order at most');
};

subtest 'expired: past its validity for the reader' => sub {
    my $n = full_offer(draft => 1, title => 'Expiring');
    my $mgr = sql_value("SELECT id FROM users WHERE email = '" . MANAGER . "'");
    # Sent long ago, valid until yesterday (made so in the database: the pages refuse a past date).
    sql("UPDATE offers SET valid_until = " . sql_quote(of_date(-2)) . ", status = 'sent', sent_by = $mgr,"
        . " sent_at = UTC_TIMESTAMP(6) - INTERVAL 20 DAY WHERE number = " . sql_quote($n));
    my ($d) = $anna->get_xml("/orders/offers/$n");
    is(xp($d, '/page/offer/@state'), 'expired', 'shown as expired');
    is(xp_count($d, '/page/offer/decide'), 0, '... with no decision to make');
    ($d) = $anna->get_xml('/orders/offers');
    is(xp($d, "/page/offers/offer[\@number='$n']/\@state"), 'expired', 'expired in the list');
    my $res;
    ($d, $res) = or_post($anna, "/orders/offers/$n/accept", [sha256 => of_sha($n), confirm => 1, address => $de]);
    is($res->code, 422, 'accepting it: 422');
    is((message_keys($d))[0], 'orders.offer.expired', '... it has expired');
    (undef, $res) = or_post($anna, "/orders/offers/$n/decline", [reason => 'late']);
    is($res->code, 422, 'declining it: 422');
    is(of_row($n)->{status}, 'sent', 'nothing changed');
    ($d) = of_staff()->get_xml('/orders/admin/offers?state=expired');
    ok(xp_count($d, "/page/offers/offer[\@number='$n'][\@state='expired']"), "the staff's list has it under expired");
    ($d) = of_staff()->get_xml('/orders/admin/offers?state=sent');
    is(xp_count($d, "/page/offers/offer[\@number='$n']"), 0, '... not under open');
};

done_testing;
