# The provider's staff write offers (contracts.manage): a draft for a
# customer or partner organisation, numbered gapless per year; its header
# (title, validity, the contract's term, renewal and notice, terms in
# Markdown kept as sanitised XHTML), lines (a product of the catalogue at
# the organisation's price, or free text; once or recurring), attachments
# (sniffed, size-bounded); sent, the organisation's approvers get a mail.
# Every write is audited; bad input answers 422 with the values kept.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Offers;
use Portico::OrgAdmin ();
use Portico::Mail ();
use Digest::SHA ();
use Encode ();

my $staff = of_staff();
my $mgr_id = sql_value("SELECT id FROM users WHERE email = 'manager\@portico.example'");

subtest 'a new offer: the form and its checks' => sub {
    my ($d, $res) = $staff->get_xml('/orders/admin/offers/new?org=' . ACME);
    is($res->code, 200, 'the form: 200');
    ok(xp_count($d, "/page/offer-new/org[\@id='" . ACME . "']"), 'Acme among the organisations');
    is(xp_count($d, "/page/offer-new/org[\@id='1']"), 0, 'not the provider itself');
    is(xp($d, "/page/form[\@name='offer']/field[\@name='org']"), ACME, 'the organisation chosen');
    is(xp($d, "/page/form[\@name='offer']/field[\@name='valid_until']"), of_date(30), 'valid for 30 days by default');

    ($d, $res) = or_post($staff, '/orders/admin/offers', [org => 99999, title => '', valid_until => '2020-01-01',
        term_months => 0, renewal_months => 12, notice_days => 90, terms => '<script>x</script> *fine*']);
    is($res->code, 422, 'bad values: 422');
    my $e = or_errors($d);
    is($e->{title}, 'input.required', 'the title is required');
    is($e->{valid_until}, 'orders.offer.valid.past', 'a past validity date is refused');
    is($e->{term_months}, 'input.integer', 'a term of 0 months is refused');
    is($e->{org}, 'orders.offer.org.unknown', 'an unknown organisation is refused');
    is(xp($d, "/page/form[\@name='offer']/field[\@name='terms']"), '<script>x</script> *fine*', 'the terms are kept as typed');
    is(xp($d, "/page/form[\@name='offer']/field[\@name='valid_until']"), '2020-01-01', 'the date too');
    ($d, $res) = or_post($staff, '/orders/admin/offers', [org => ACME, title => 'x', valid_until => of_date(3),
        term_months => 12, renewal_months => 0, notice_days => 0, terms => 'x' x 16001]);
    is(or_errors($d)->{terms}, 'input.too-long', 'terms of 16 001 characters: too long');
    is(xp($d, '/page/limits/limit[@name="terms"]/@chars'), 16000, '... the form says 16 000');
    ($d, $res) = or_post($staff, '/orders/admin/offers', [org => ACME, title => 'x', valid_until => '2026-02-30',
        term_months => 12, renewal_months => 0, notice_days => 0]);
    is(or_errors($d)->{valid_until}, 'orders.offer.valid.invalid', 'a date that does not exist: refused');
    (undef, $res) = or_post($staff, '/orders/admin/offers', [org => ACME, title => 'x'], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
};

my ($first, $second);
subtest 'the longest terms, in characters of four bytes, are kept whole' => sub {
    # 64 000 bytes: only a multipart form carries a value that long.
    my (undef, $res) = or_upload($staff, '/orders/admin/offers', [org => ACME, title => of_prefix() . ' long',
        valid_until => of_date(3), term_months => 12, renewal_months => 0, notice_days => 0,
        terms => Encode::encode_utf8("\x{1F4C4}" x 16000)]);
    is($res->code, 303, 'created: 303');
    my ($n) = location_path($res) =~ m{/(Q-\d{4}-\d+)$};
    is(length(of_row($n)->{terms_md}), 16000, '16 000 characters of four bytes each, whole');
};

subtest 'created: numbered without gaps, the terms sanitised, audited' => sub {
    my $year = (gmtime)[5] + 1900;
    $first = of_create(terms => "Net **30** days.\n\n<script>alert(1)</script>\n\n[terms](javascript:alert(1))");
    $second = of_create(org => 4, title => of_prefix() . ' partner offer');
    like($first, qr/^Q-$year-\d{6}$/, "numbered Q-$year-NNNNNN");
    my ($a, $b) = map { /(\d+)$/; $1 } $first, $second;
    is($b + 0, $a + 1, 'the next offer gets the next number');
    my $o = of_row($first);
    is($o->{status}, 'draft', 'a draft');
    is($o->{org_id}, ACME, 'for Acme');
    is($o->{currency}, 'GBP', "in Acme's currency");
    is($o->{created_by}, $mgr_id, 'by the manager');
    like($o->{terms_html}, qr{<strong>30</strong>}, 'the Markdown as XHTML');
    unlike($o->{terms_html}, qr{script|javascript}i, 'without script or javascript: links');
    my ($row) = Portico::OrgAdmin::audit_rows('offer.create', 'offer', $o->{id});
    is($row->{user_id}, $mgr_id, 'audited as the manager');
    like($row->{after} // '', qr/"number":"\Q$first\E"/, '... with its number');
    my ($d) = $staff->get_xml("/orders/admin/offers/$first");
    is(xp($d, '/page/offer/@state'), 'draft', 'its page: a draft');
    is(xp_count($d, '/page/offer/terms/p/strong'), 1, 'the terms shown as XHTML');
    is(xp($d, "/page/form[\@name='offer']/field[\@name='title']"), of_row($first)->{title}, 'the header form filled');
};

subtest 'the header of a draft' => sub {
    my $id = of_row($first)->{id};
    my ($d, $res) = or_post($staff, "/orders/admin/offers/$first", [title => '', valid_until => of_date(10),
        term_months => 24, renewal_months => 6, notice_days => 30, terms => 'Changed']);
    is($res->code, 422, 'without a title: 422');
    is(xp($d, "/page/form[\@name='offer']/field[\@name='terms']"), 'Changed', 'the values kept');
    ($d, $res) = or_post($staff, "/orders/admin/offers/$first", [title => of_prefix() . ' Managed print',
        valid_until => of_date(10), term_months => 24, renewal_months => 6, notice_days => 30,
        terms => 'Changed', org => BERGMANN]);
    is($res->code, 303, 'saved: 303');
    my $o = of_row($first);
    is_deeply([@{$o}{qw(title valid_until term_months renewal_months notice_days terms_md org_id)}],
        [of_prefix() . ' Managed print', of_date(10), 24, 6, 30, 'Changed', ACME],
        'the header changed, the organisation not');
    my ($row) = Portico::OrgAdmin::audit_rows('offer.update', 'offer', $id);
    like($row->{after} // '', qr/"title":"\Q${\ of_prefix()} Managed print\E"/, 'audited with the new values');
    like($row->{before} // '', qr/"title":"\Q${\ of_prefix()} offer\E"/, '... and the old');
};

subtest 'lines: products at the organisation’s price, free text, once or recurring' => sub {
    my $id = of_row($first)->{id};
    my ($p, $price) = @{ sql_rows("SELECT p.sku, COALESCE(cp.amount_minor, lp.amount_minor) FROM products p"
        . " JOIN product_prices lp ON lp.product_id = p.id AND lp.currency = 'GBP'"
        . " LEFT JOIN contract_prices cp ON cp.product_id = p.id AND cp.org_id = 2 AND cp.currency = 'GBP'"
        . " WHERE p.active = 1 AND FIND_IN_SET('customer', p.audience) AND NOT EXISTS"
        . " (SELECT 1 FROM product_tiers t WHERE t.product_id = p.id) ORDER BY cp.amount_minor IS NULL, p.id LIMIT 1")->[0] };
    my $url = "/orders/admin/offers/$first/lines";
    my ($d, $res) = or_post($staff, $url, [kind => 'recurring', billing => '', name => 'Service', unit => 'month',
        quantity => 'x', price => '-5']);
    is($res->code, 422, 'bad line: 422');
    my $e = or_errors($d);
    is($e->{quantity}, 'input.integer', 'the quantity is a whole number');
    is($e->{price}, 'input.amount.negative', 'no negative price');
    is(xp($d, "/page/form[\@name='line']/field[\@name='name']"), 'Service', 'the line kept');
    ($d, $res) = or_post($staff, $url, [kind => 'recurring', billing => '', name => 'Service', unit => 'month',
        quantity => 1, price => '5']);
    is(or_errors($d)->{billing}, 'input.choose', 'a recurring line needs monthly or yearly');
    ($d, $res) = or_post($staff, $url, [kind => 'once', sku => 'NO-SUCH-SKU', quantity => 1]);
    is(or_errors($d)->{sku}, 'orders.admin.sku.unknown', 'an unknown SKU: refused');
    ($d, $res) = or_post($staff, $url, [kind => 'once', name => '', unit => '', quantity => 1, price => '']);
    is(or_errors($d)->{name}, 'orders.offer.line.name.required', 'a free text line needs a description');
    is(or_errors($d)->{price}, 'input.required', '... and a price');
    ($d, $res) = or_post($staff, $url, [kind => 'once', name => 'Huge', unit => 'piece', quantity => 99999,
        price => '99999999999']);
    is(or_errors($d)->{quantity}, 'orders.offer.too-much', 'sums past what money counts: refused');

    of_line($first, sku => $p, quantity => 2);
    of_line($first, name => 'Installation on site', unit => 'hour', quantity => 6, price => '95.50', tax_class => 'reduced');
    of_line($first, kind => 'recurring', billing => 'month', name => 'Managed print service', unit => 'month', price => '250');
    of_line($first, kind => 'recurring', billing => 'year', name => 'Licence', unit => 'licence', quantity => 3, price => '100');
    my $lines = of_lines($id);
    is(scalar @$lines, 4, 'four lines');
    is_deeply([@{ $lines->[0] }[1, 2, 5, 6, 7]], ['once', $p, 2, $price, '-'], "the product at Acme's price ($price)");
    is_deeply([@{ $lines->[1] }[1, 2, 3, 4, 5, 6, 8]], ['once', '', 'Installation on site', 'hour', 6, 9550, 'reduced'],
        'a free text line');
    is_deeply([@{ $lines->[2] }[1, 7]], ['recurring', 'month'], 'monthly');
    is_deeply([@{ $lines->[3] }[1, 7]], ['recurring', 'year'], 'yearly');
    ($d) = $staff->get_xml("/orders/admin/offers/$first");
    is(xp($d, '/page/offer/totals/@once-minor'), 2 * $price + 57300, 'one-off sum');
    is(xp($d, '/page/offer/totals/@month-minor'), 25000, 'per month');
    is(xp($d, '/page/offer/totals/@year-minor'), 30000, 'per year');
    is(Portico::OrgAdmin::audit_count('offer.line.add', 'offer', $id), 4, 'each line audited');
    (undef, $res) = or_post($staff, "/orders/admin/offers/$first", [title => of_prefix() . ' Managed print',
        valid_until => of_date(10), term_months => 24, renewal_months => 6, notice_days => 30, terms => 'Changed']);
    is(location_path($res), "/orders/admin/offers/$first?saved=1", 'the header saved: back to the offer');

    of_line($first, name => 'Mistake', unit => 'piece', price => '1');
    (undef, $res) = or_post($staff, "/orders/admin/offers/$first/lines", [kind => 'once', name => 'Mistake 2',
        unit => 'piece', quantity => 1, price => '1']);
    is(location_path($res), "/orders/admin/offers/$first?saved=1", 'a line added: back to the offer');
    (undef, $res) = or_post($staff, "/orders/admin/offers/$first/lines/6/delete", []);
    is(location_path($res), "/orders/admin/offers/$first?saved=1", 'a line removed: back to the offer');
    (undef, $res) = or_post($staff, "/orders/admin/offers/$first/lines/5/delete", []);
    is($res->code, 303, 'a line removed: 303');
    is(scalar @{ of_lines($id) }, 4, '... it is gone');
    (undef, $res) = or_post($staff, "/orders/admin/offers/$first/lines/5/delete", []);
    is($res->code, 404, 'removing it again: 404');
    is(Portico::OrgAdmin::audit_count('offer.line.delete', 'offer', $id), 2, 'the removals audited');
};

subtest 'attachments' => sub {
    my $id = of_row($first)->{id};
    my $url = "/orders/admin/offers/$first/files";
    my ($d, $res) = or_upload($staff, $url, [file => ['setup.pdf', "MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", 'application/pdf']]);
    is($res->code, 422, 'a program claiming to be a PDF: 422');
    is(or_errors($d)->{file}, 'orders.offer.file.type', '... by its content');
    ($d, $res) = or_upload($staff, $url, [file => ['big.txt', 'a' x (5 * 1024 * 1024 + 1), 'text/plain']]);
    is($res->code, 422, 'over 5 MB: 422');
    is(or_errors($d)->{file}, 'orders.offer.file.size', '... too large');
    ($d, $res) = or_upload($staff, $url, []);
    is(or_errors($d)->{file}, 'orders.offer.file.required', 'no file: 422');
    my $pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    (undef, $res) = or_upload($staff, $url, [file => ['../Terms & Conditions.pdf', $pdf, 'application/pdf']]);
    is($res->code, 303, 'a PDF: 303');
    (undef, $res) = or_upload($staff, $url, [file => ['remove-me.txt', "plain\n", 'text/plain']]);
    is($res->code, 303, 'a text file: 303');
    is(location_path($res), "/orders/admin/offers/$first?saved=1", '... back to the offer');
    my $files = sql_rows("SELECT id, name, content_type, size_bytes, sha256, storage FROM offer_files WHERE offer_id = $id ORDER BY id");
    is(scalar @$files, 2, 'two files');
    is($files->[0][1], 'Terms_Conditions.pdf', 'the name made safe');
    is($files->[0][4], Digest::SHA::sha256_hex($pdf), 'its SHA-256 kept');
    ok(-f (var_dir() . "/files/orders/$files->[0][5]"), 'stored under files/orders/');
    $res = $staff->get("/orders/admin/offers/$first/files/$files->[0][0]");
    is($res->code, 200, 'downloaded by staff: 200');
    is($res->content, $pdf, '... the file itself');
    is($res->header('Content-Type'), 'application/pdf', '... as a PDF');
    (undef, $res) = or_post($staff, "/orders/admin/offers/$first/files/$files->[1][0]/delete", []);
    is($res->code, 303, 'removed: 303');
    is(location_path($res), "/orders/admin/offers/$first?saved=1", '... back to the offer');
    ok(!-e (var_dir() . "/files/orders/$files->[1][5]"), '... and its stored file');
    is(Portico::OrgAdmin::audit_count('offer.file.add', 'offer', $id), 2, 'uploads audited');
    is(Portico::OrgAdmin::audit_count('offer.file.delete', 'offer', $id), 1, 'the removal audited');
};

subtest 'sent: the approvers are told, and it never changes' => sub {
    my $o = of_row($second);
    my ($d, $res) = or_post($staff, "/orders/admin/offers/$second/send", []);
    is($res->code, 422, 'an offer without lines: 422');
    is((message_keys($d))[0] // '', 'orders.offer.send.empty', '... it needs a line');
    sql("DELETE FROM outbox WHERE template = 'offer-sent'");
    of_send($first);
    $o = of_row($first);
    is($o->{status}, 'sent', 'sent');
    is($o->{sent_by}, $mgr_id, '... by the manager');
    my @to = map { $_->[0] } @{ sql_rows("SELECT to_email FROM outbox WHERE template = 'offer-sent' ORDER BY to_email") };
    ok((grep { $_ eq ANNA } @to) && (grep { $_ eq OLIVIA } @to), "Acme's admin and approver are told");
    ok(!(grep { $_ eq CARL } @to), 'not its buyer');
    ok(!(grep { !/acme\.example$/ } @to), 'nobody of another organisation');
    my ($row) = Portico::OrgAdmin::audit_rows('offer.send', 'offer', $o->{id});
    like($row->{after} // '', qr/"sha256":"[0-9a-f]{64}"/, 'audited with the hash of what was sent');
    my $m = Portico::Mail::wait_for(to => OLIVIA, subject => qr/\Q$first\E/, timeout => 30);
    ok($m, 'the mail arrives') or return;
    like($m->{text}, qr{/orders/offers/\Q$first\E}, '... with a link to the offer');

    my $before = of_snapshot($first);
    for my $w (
        ["/orders/admin/offers/$first", [title => 'Changed', valid_until => of_date(5), term_months => 1,
            renewal_months => 0, notice_days => 0]],
        ["/orders/admin/offers/$first/lines", [kind => 'once', name => 'More', unit => 'piece', quantity => 1, price => 1]],
        ["/orders/admin/offers/$first/lines/1/delete", []],
        ["/orders/admin/offers/$first/send", []],
    ) {
        ($d, $res) = or_post($staff, @$w);
        is($res->code, 422, "POST $w->[0] after sending: 422");
        is((message_keys($d))[0] // '', 'orders.offer.not-draft', '... it is no longer a draft');
    }
    my $fid = sql_value("SELECT id FROM offer_files WHERE offer_id = $o->{id} LIMIT 1");
    (undef, $res) = or_post($staff, "/orders/admin/offers/$first/files/$fid/delete", []);
    is($res->code, 422, 'removing its file: 422');
    (undef, $res) = or_upload($staff, "/orders/admin/offers/$first/files", [file => ['x.txt', "x\n", 'text/plain']]);
    is($res->code, 422, 'adding one: 422');
    is(of_snapshot($first), $before, 'the offer, its lines and files are as they were');
    ok(!eval { sql("UPDATE offers SET title = 'x' WHERE id = $o->{id}"); 1 }, 'the database refuses to change it too');
    ok(!eval { sql("DELETE FROM offer_lines WHERE offer_id = $o->{id}"); 1 }, '... or its lines');
    is(of_snapshot($first), $before, '... still as it was');
};

subtest "in German: Bergmann's admin gets the mail in her language" => sub {
    my $n = of_create(org => BERGMANN, title => of_prefix() . ' Wartung', valid_until => '2030-03-09');
    is(of_row($n)->{currency}, 'EUR', "in Bergmann's currency");
    of_line($n, name => 'Wartung', unit => 'year', kind => 'recurring', billing => 'year', price => '4800');
    of_send($n);
    my $m = Portico::Mail::wait_for(to => 'sabine.krueger@bergmann.example', subject => qr/\Q$n\E/, timeout => 30);
    ok($m, 'the mail arrives') or return;
    like($m->{subject}, qr/Ein Angebot für Bergmann Maschinenbau AG/, 'the subject in German');
    like($m->{text}, qr/Es gilt bis 9\. März 2030\./, 'the validity as Germans write a date');
    my ($d) = or_client('sabine.krueger@bergmann.example')->get_xml("/orders/offers/$n");
    is(xp($d, '/page/@lang'), 'de', 'her page is in German');
    my $html = or_client('sabine.krueger@bergmann.example')->get("/orders/offers/$n")->decoded_content;
    like($html, qr/Angebot annehmen/, '... with the decision in German');
    like($html, qr/Jährlich/, '... and the billing');
};

subtest 'revised: a new draft with its lines' => sub {
    my ($d, $res) = or_post($staff, "/orders/admin/offers/$first/revise", []);
    is($res->code, 303, 'revised: 303');
    my ($new) = location_path($res) =~ m{/(Q-\d{4}-\d+)};
    my $n = of_row($new);
    is($n->{status}, 'draft', 'a new draft');
    is($n->{revises_id}, of_row($first)->{id}, '... that revises the old one');
    is(scalar @{ of_lines($n->{id}) }, 4, '... with its lines');
    ($d) = or_client(ANNA)->get_xml("/orders/offers/$first");
    is(xp($d, '/page/offer/@state'), 'sent', 'the old one is still open while the new one is a draft');
    of_send($new);
    ($d) = or_client(ANNA)->get_xml("/orders/offers/$first");
    is(xp($d, '/page/offer/@state'), 'superseded', 'once the new one is sent, the old one is replaced');
    is(xp($d, '/page/offer/revised-by/@href'), "/orders/offers/$new", '... and leads to the new one');
    ($d) = $staff->get_xml("/orders/admin/offers/$first");
    is(xp($d, '/page/offer/revised-by/@href'), "/orders/admin/offers/$new", "... on the staff's page too");
    ($d, $res) = or_post(or_client(ANNA), "/orders/offers/$first/decline", [reason => 'x']);
    is($res->code, 422, '... and can no longer be decided');
    (undef, $res) = or_post($staff, "/orders/admin/offers/$new/revise", []);
    is($res->code, 303, 'a sent offer may be revised again');
};

subtest 'the list' => sub {
    my ($d, $res) = $staff->get_xml('/orders/admin/offers');
    is($res->code, 200, 'the page: 200');
    is(xp($d, "/page/offers/offer[\@number='$first']/\@state"), 'sent', 'the sent offer');
    is(xp($d, "/page/offers/offer[\@number='$second']/\@state"), 'draft', 'the draft');
    ($d) = $staff->get_xml('/orders/admin/offers?state=draft');
    is(xp_count($d, "/page/offers/offer[\@state!='draft']"), 0, 'filtered to drafts');
    ok(xp_count($d, "/page/offers/offer[\@number='$second']"), '... the draft among them');
    ($d) = $staff->get_xml('/orders/admin/offers?state=nonsense');
    is(xp($d, '/page/offers/@state'), '', 'an unknown state shows all');

    # Sixty more drafts, made in the database as if long ago: pages of fifty.
    my $base = 900000 + ($$ % 1000) * 100;
    sql('INSERT INTO offers (number, year, seq, org_id, title, currency, valid_until, term_months,'
        . ' renewal_months, notice_days, terms_md, terms_html, created_by, created_at, updated_at) VALUES '
        . join(', ', map { "('Q-1999-" . ($base + $_) . "', 1999, " . ($base + $_) . ", 2, "
            . sql_quote(of_prefix() . " old $_") . ", 'GBP', '2030-01-01', 12, 0, 0, '', '', $mgr_id,"
            . " '2000-01-01 00:00:00' + INTERVAL $_ SECOND, '2000-01-01')" } 1 .. 60));
    ($d) = $staff->get_xml('/orders/admin/offers?state=draft');
    is(xp_count($d, '/page/offers/offer'), 50, 'fifty drafts on the first page');
    is(xp($d, '/page/offers/pager/@more'), 1, '... and more on the next');
    ($d) = $staff->get_xml('/orders/admin/offers?state=draft&page=2');
    ok(xp_count($d, "/page/offers/offer[\@number='Q-1999-" . ($base + 1) . "']"), 'the oldest on the second page');
    is(xp($d, '/page/offers/pager/@page'), 2, '... page 2');
    my $html = $staff->get('/orders/admin/offers?state=draft&page=2')->decoded_content;
    like($html, qr{href="/orders/admin/offers\?state=draft&amp;page=1"}, '... which links back to page 1, filter kept');
};

done_testing;
