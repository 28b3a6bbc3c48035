# The invoice as a PDF, drawn by the worker (cairo + pango, DejaVu fonts):
# A4, the seller's and buyer's addresses, number, dates, order and PO
# number, every line, the tax per rate, the totals and the terms, in the
# reader's language with money as the reader writes it; as many pages as
# the lines need.  Read back with pdftotext as a person would read it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use File::Temp qw(tempdir);
use Encode qw(decode_utf8);
use Portico::Test;
use Portico::Invoices;

my $dir = tempdir(CLEANUP => 1);
my $n = 0;

# The PDF at path for client c: (text as pdftotext -layout reads it, pdfinfo's output, response).
sub pdf_text {
    my ($c, $path) = @_;
    my $res = $c->get($path);
    return ('', '', $res) unless $res->code == 200;
    my $file = "$dir/" . ++$n . '.pdf';
    open(my $fh, '>:raw', $file) or die "$file: $!";
    print {$fh} $res->content;
    close $fh;
    my $text = decode_utf8(scalar `pdftotext -layout -enc UTF-8 $file - 2>/dev/null`);
    my $info = decode_utf8(scalar `pdfinfo $file 2>/dev/null`);
    $text =~ s/\x{a0}/ /g;
    return ($text, $info, $res);
}

subtest 'the demo invoice in English' => sub {
    my ($text, $info, $res) = pdf_text(or_client('carl@acme.example'), '/orders/invoices/INV-2026-000003.pdf');
    is($res->code, 200, 'served to its organisation');
    is($res->header('Content-Type'), 'application/pdf', 'a PDF');
    like($res->header('Content-Disposition') // '', qr/filename="INV-2026-000003\.pdf"/, 'named for its number');
    like($info, qr/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/, 'A4');
    like($info, qr/Pages:\s+1\b/, 'one page');
    like($info, qr/Title:\s+Invoice INV-2026-000003/, 'titled');
    like($text, qr/Invoice\s*\n?.*INV-2026-000003/s, 'the title and number');
    like($text, qr/Portico Services GmbH/, 'the seller');
    like($text, qr/Hafenstraße 21/, '... its street');
    like($text, qr/VAT number DE298765432/, '... and VAT number');
    like($text, qr/Acme Industrial Ltd/, 'the buyer');
    like($text, qr/12 Wellington Street/, '... its street');
    like($text, qr/LS1 4DL Leeds/, '... and city');
    like($text, qr/Date\s+5 Oct 2026/, 'the date as the reader writes dates');
    like($text, qr/Due date\s+4 Nov 2026/, 'the due date');
    like($text, qr/Order\s+O-2026-000002/, 'the order');
    like($text, qr/Your PO number\s+PO-ACME-1033/, 'the PO number');
    like($text, qr/1\s+PX-100 gateway \(discontinued\)\s+2 piece\s+507\.40 GBP\s+20 %\s+1,014\.80 GBP\s*\n\s*PX-100\n/, 'line 1, its SKU below the name');
    like($text, qr/2\s+Industrial Ethernet cable, 5 m\s+2 piece\s+19\.90 GBP\s+20 %\s+39\.80 GBP\s*\n\s*CB-ETH-5\n/, 'line 2');
    like($text, qr/Tax 20 % of 1,054\.60 GBP\s+210\.92 GBP/, 'the tax of the rate');
    like($text, qr/Net total\s+1,054\.60 GBP/, 'the net total');
    like($text, qr/Total due\s+1,265\.52 GBP/, 'the gross total');
    like($text, qr/Payable within 30 days, by 4 Nov 2026/, 'the terms');
};

subtest 'in German' => sub {
    my ($text) = pdf_text(or_client('carl@acme.example', lang => 'de'), '/orders/invoices/INV-2026-000003.pdf');
    like($text, qr/Rechnung\s*\n?.*INV-2026-000003/s, 'Rechnung');
    like($text, qr/Rechnungsempfänger|Acme Industrial Ltd/, 'the buyer');
    like($text, qr/Datum\s+5\. Okt\.? 2026/, 'the date as a German reader writes it');
    like($text, qr/1\.014,80 GBP/, 'money with a decimal comma and points');
    like($text, qr/USt\. 20 % auf 1\.054,60 GBP\s+210,92 GBP/, 'the tax of the rate');
    like($text, qr/Zu zahlen\s+1\.265,52 GBP/, 'the total');
    like($text, qr/Zahlbar innerhalb von 30 Tagen/, 'the terms');
    like($text, qr/2 Stück/, 'units in German');
};

subtest 'two rates, many lines, a credit note' => sub {
    my (undef, undef, $buyer) = ct_buyer();
    ct_set_limits(undef, undef);
    my $address = ct_address(country => 'DE');
    my @lines;
    for my $i (1 .. 45) {
        my (undef, $sku) = ct_product(prices => { GBP => 100 + $i }, tax_class => $i % 3 ? 'standard' : 'reduced',
            name => "Item number $i");
        push @lines, [$sku, 1];
    }
    my ($number) = inv_order($buyer, \@lines, address => $address);
    my ($inv) = inv_issue($number);
    my ($text, $info) = pdf_text(inv_desk(), "/orders/invoices/$inv.pdf");
    my ($pages) = $info =~ /Pages:\s+(\d+)/;
    cmp_ok($pages // 0, '>=', 2, '45 lines take more than a page');
    like($text, qr/Item number 1\b/, 'the first line');
    like($text, qr/Item number 45\b/, 'the last line');
    is(() = $text =~ /Item number \d+/g, 45, 'every line once');
    # German rates: 19 % and 7 % (delivered to Germany).
    like($text, qr/Tax 19 % of/, 'the standard rate\'s tax');
    like($text, qr/Tax 7 % of/, 'the reduced rate\'s tax');
    my $r = inv_row($inv);
    my $gross = sprintf('%d.%02d', int($r->{gross_minor} / 100), $r->{gross_minor} % 100);
    like($text, qr/Total due\s+\Q$gross\E GBP/, 'the total');
    my ($cn) = inv_credit($inv, { 1 => 1 });
    ($text, $info) = pdf_text(inv_desk(), "/orders/invoices/$cn.pdf");
    like($info, qr/Title:\s+Credit note \Q$cn\E/, 'a credit note is titled so');
    like($text, qr/-1\.01 GBP/, 'with negative amounts');
    like($text, qr/Total credited\s+-1\.20 GBP/, 'its total: -1.01 and 19 % tax on it, -0.1919 rounded to -0.19')
        or diag $text;
    unlike($text, qr/Due date/, 'no due date');
};

subtest 'after the access check' => sub {
    my ($text, $info, $res) = pdf_text(or_client('paula@northwind.example'), '/orders/invoices/INV-2026-000003.pdf');
    is($res->code, 404, 'another organisation\'s: 404');
    unlike($res->content, qr/^%PDF/, '... and no PDF');
};

done_testing();
