# The organisation's orders: with orders.read.org every order of the
# organisation, else the buyer's own; never another organisation's;
# filters by status, buyer and the days they were placed (the reader's
# days), search by order number or PO number, the pager, and the CSV
# download of the same orders (header, amounts, status in words, text
# that a spreadsheet would run as a formula defused).  An order's page:
# another organisation's is not found (404), a colleague's without
# orders.read.org is forbidden (403).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode ();
use Portico::Test;
use Portico::Cart;

ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB', label => 'Leeds');
my ($p, $sku) = ct_product(prices => { GBP => 2500 }, sku => 'H');
my ($a_id, $a_email, $alice) = ct_buyer(name => 'Alice Orders');
my ($b_id, $b_email, $bob) = ct_buyer(name => 'Bob Orders');
my ($o_id, $o_email) = ct_person(roles => ['ct-own'], name => 'Olaf Own');
my $olaf = or_client($o_email);
my ($u_id, $u_email) = ct_person(roles => ['customer_user'], name => 'Uma User');
my $uma = or_client($u_email);

my $tag = ct_prefix();
my $n_alice = ct_place($alice, [[$sku, 2]], address => $gb, po_number => "$tag-PO-ALICE", cost_centre => 'CC-A');
my $n_bob = ct_place($bob, [[$sku, 4]], address => $gb, po_number => "=HYPERLINK(\"http://x\") $tag");
my $n_olaf = ct_place($olaf, [[$sku, 1]], address => $gb, po_number => "$tag-PO-OLAF");
# Old orders, for the days and the pager.
my @old = map { ct_db_order(buyer => $a_id, at => sprintf('2025-03-%02d 10:00:00', $_), net => 5 * $_,
    po => "$tag-OLD-$_") } 1 .. 28;

sub numbers {
    my ($c, $query) = @_;
    my ($doc, $res) = $c->get_xml('/orders/history' . ($query // ''));
    is($res->code, 200, "/orders/history$query: 200") or return [];
    return [xp_list($doc, '/page/orders/order/@number')];
}

subtest 'who sees which orders' => sub {
    my ($doc, $res) = $alice->get_xml('/orders/history');
    is($res->code, 200, 'a buyer with orders.read.org: 200');
    is(xp($doc, '/page/orders/@scope'), 'org', "... the organisation's orders");
    # Bob's PO begins with "=HYPERLINK" (for the CSV below), the others with the tag.
    my %all = map { $_ => 1 } @{ numbers($alice, "?q=$tag") }, @{ numbers($alice, '?q=%3DHYPERLINK') };
    ok($all{$n_alice} && $all{$n_bob} && $all{$n_olaf}, 'hers, her colleagues\', and those of one who sees only his own');
    ok(!$all{'O-2026-000007'}, "never Bergmann's");
    is(xp_count($doc, '/page/orders/buyers/person'), sql_value('SELECT COUNT(*) FROM users WHERE org_id = 2'
        . " AND status IN ('active', 'inactive')"), 'the buyers to filter by are the organisation\'s people');
    ($doc) = $olaf->get_xml('/orders/history');
    is(xp($doc, '/page/orders/@scope'), 'mine', 'one without orders.read.org: his own');
    is_deeply([xp_list($doc, '/page/orders/order/@number')], [$n_olaf], '... only his order');
    is(xp_count($doc, '/page/orders/buyers'), 0, '... and no filter by buyer');
    is_deeply(numbers($olaf, "?buyer=$a_id"), [$n_olaf], '... not even when he asks for a colleague');
    is($uma->get('/orders/history')->code, 403, 'a customer user who does not order: 403');
    is($uma->get('/orders/history.csv')->code, 403, '... nor the CSV');
    is(or_client('editor@portico.example')->get('/orders/history')->code, 403, 'a KB editor: 403');
    my ($d) = or_client('olivia@acme.example')->get_xml('/orders/history');
    is(xp($d, '/page/orders/@scope'), 'org', 'an approver (orders.read.org) sees the organisation\'s');
    ($d) = or_client('klaus@bergmann.example')->get_xml('/');
    is(xp_count($d, "//link[\@href='/orders/history']"), 0, 'the navigation offers it only to those who may open it');
    my $res2 = Portico::Test->client->get('/orders/history');
    is($res2->code, 303, 'anonymous: to the login');
};

subtest 'search and filters' => sub {
    is_deeply(numbers($alice, "?q=$n_bob"), [$n_bob], 'an order number finds that order');
    is_deeply(numbers($alice, "?q=$tag-PO-ALI"), [$n_alice], 'the beginning of a PO number finds it');
    is_deeply(numbers($alice, "?q=PO-ALICE"), [], 'its middle does not');
    is_deeply(numbers($alice, '?q=' . lc("$tag-po-olaf")), [$n_olaf], 'in any case');
    is_deeply(numbers($alice, '?q=O-2026-000007'), [], "Bergmann's number finds nothing");
    is_deeply(numbers($alice, "?q=$tag-PO&buyer=$b_id"), [], 'buyer and text together');
    is_deeply(numbers($alice, "?buyer=$b_id"), [$n_bob], 'by buyer');
    my $r = numbers($alice, "?q=$tag-OLD&from=2025-03-10&to=2025-03-12");
    is_deeply($r, [@old[11, 10, 9]], 'placed from 10 to 12 March 2025, newest first');
    is_deeply(numbers($alice, "?q=$tag&status=awaiting_approval"), [], 'by status: none waits');
    sql("UPDATE orders SET status = 'confirmed' WHERE number = " . sql_quote($old[0]));
    is_deeply(numbers($alice, "?q=$tag&status=confirmed"), [$old[0]], 'by status: confirmed');
    is_deeply(numbers($alice, "?q=$tag&status=nonsense")->[0] ? 1 : 0, 1, 'an unknown status is ignored');
    my ($doc) = $alice->get_xml("/orders/history?q=$tag-OLD");
    is(xp($doc, '/page/orders/pager/@total'), 28, '28 old orders');
    is(xp($doc, '/page/orders/pager/@pages'), 2, 'two pages');
    is(xp_count($doc, '/page/orders/order'), 25, '25 on the first');
    is(xp($doc, '/page/orders/order[1]/@number'), $old[27], 'the newest first');
    ($doc) = $alice->get_xml("/orders/history?q=$tag-OLD&page=2");
    is_deeply([xp_list($doc, '/page/orders/order/@number')], [@old[2, 1, 0]], 'the rest on the second');
    my $html = $alice->get("/orders/history?q=$tag-OLD&page=2")->decoded_content;
    like($html, qr{href="/orders/history\?q=\Q$tag\E-OLD&amp;page=1"}, 'HTML: the pager keeps the search');
    like($html, qr{<table class="data-table or-table">}, 'HTML: the shared table');
};

subtest 'CSV' => sub {
    my $res = $alice->get("/orders/history.csv?q=$tag");
    is($res->code, 200, 'the CSV: 200');
    like($res->header('Content-Type'), qr{^text/csv; charset=utf-8}, 'text/csv in UTF-8');
    like($res->header('Content-Disposition') // '', qr/attachment; filename="orders\.csv"/, 'as a download');
    my $body = $res->content;
    ok($body =~ s/^\xef\xbb\xbf//, 'with a byte-order mark');
    $body = Encode::decode('UTF-8', $body);
    my @lines = split /\r\n/, $body;
    is($lines[0], 'Order,Placed,Status,Buyer,PO number,Cost centre,Requested date,Currency,Net,Tax,Gross,Lines',
        'the header');
    is(scalar @lines, 1 + 2 + 28, "a line per order that matches (Alice's, Olaf's, the old ones)");
    my ($alice_line) = grep { /^\Q$n_alice\E,/ } @lines;
    like($alice_line, qr/^\Q$n_alice\E,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,Submitted,Alice Orders,\Q$tag\E-PO-ALICE,CC-A,,GBP,50\.00,10\.00,60\.00,1$/,
        "an order's line: number, time, status in words, buyer, PO, cost centre, amounts");
    my ($bob_line) = grep { /^\Q$n_bob\E,/ } split /\r\n/,
        Encode::decode('UTF-8', $alice->get("/orders/history.csv?buyer=$b_id")->content);
    like($bob_line, qr/,"'=HYPERLINK\(""http:\/\/x""\) \Q$tag\E",/, 'a PO that looks like a formula is defused and quoted');
    my ($old_line) = grep { /^\Q$old[0]\E,/ } @lines;
    like($old_line, qr/,0\.05,0\.00,0\.05,0$/, 'small amounts as 0.05');
    $res = $alice->get("/orders/history.csv?q=$tag-OLD&from=2025-03-10&to=2025-03-12");
    is(scalar(split /\r\n/, $res->content), 4, 'the filters apply to the CSV (header and 3)');
    $res = $olaf->get('/orders/history.csv');
    @lines = split /\r\n/, Encode::decode('UTF-8', $res->content =~ s/^\xef\xbb\xbf//r);
    is_deeply([map { (split /,/)[0] } @lines[1 .. $#lines]], [$n_olaf], 'his own only, for one who sees his own');
    my $de = or_client($a_email, lang => 'de');
    sql("UPDATE users SET language = 'de' WHERE id = $a_id");
    $res = $de->get("/orders/history.csv?q=$n_alice");
    my ($head, $line) = split /\r\n/, Encode::decode('UTF-8', $res->content =~ s/^\xef\xbb\xbf//r);
    like($head, qr/^Bestellung,Bestellt,Status,Besteller,/, 'in German for a German reader');
    like($line, qr/,Übermittelt,/, '... the status too');
    sql("UPDATE users SET language = NULL WHERE id = $a_id");
};

subtest "an order's page" => sub {
    is($alice->get("/orders/$n_bob")->code, 200, 'a colleague\'s order with orders.read.org: 200');
    is($olaf->get("/orders/$n_alice")->code, 403, 'without it, a colleague\'s order: 403');
    is($olaf->get("/orders/$n_olaf")->code, 200, '... his own: 200');
    is($uma->get("/orders/$n_alice")->code, 403, 'a customer user (catalogue only): 403');
    is($alice->get('/orders/O-2026-000007')->code, 404, "Bergmann's order for Acme: 404");
    is(or_client('klaus@bergmann.example')->get("/orders/$n_alice")->code, 404, "Acme's order for Bergmann: 404");
    is(or_client('agent@portico.example')->get("/orders/$n_alice")->code, 404,
        "the provider's agent (the order desk comes later): 404");
    is($alice->get('/orders/O-2026-999999')->code, 404, 'no such number: 404');
    is($alice->get('/orders/O-26-1')->code, 404, 'a malformed number: 404');
    is(or_client('editor@portico.example')->get("/orders/$n_alice")->code, 403, 'without orders.read: 403');
    my $html = $alice->get("/orders/$n_alice")->decoded_content;
    like($html, qr{<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">}, 'HTML: times through the shared date pattern');
    like($html, qr{60\.00(?:&#160;|\x{a0})GBP}, 'HTML: the gross total');
};

done_testing;
