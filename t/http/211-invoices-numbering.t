# Invoice numbers are given out without gaps and never twice, also when
# the desk issues many at the same moment (German law asks for it): each
# issuing takes the year's counter row in its own transaction, so numbers
# follow the commits.  Credit notes count on their own the same way.  Two
# invoices for one order at the same moment bill its lines once.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Invoices;

my $N = 8;
my (undef, undef, $buyer) = ct_buyer();
ct_set_limits(undef, undef);
my $address = ct_address(country => 'GB');
my (undef, $sku) = ct_product(prices => { GBP => 1050 });

# Each child signs in on its own and issues; it prints the number or the status.
sub issue_in_child {
    my ($number, %o) = @_;
    my $c = or_client('manager@portico.example');
    my ($inv, $res) = $o{credit} ? inv_credit($o{credit}, { 1 => 1 }, client => $c) : inv_issue($number, undef, client => $c);
    return $inv // ('STATUS ' . $res->code);
}

subtest "$N invoices at the same moment" => sub {
    my @orders = map { (inv_order($buyer, [[$sku, 1]], address => $address))[0] } 1 .. $N;
    my @got = ct_parallel($N, sub { issue_in_child($orders[$_[0]]) });
    is(scalar(grep { /^INV-/ } @got), $N, 'every one is issued') or diag explain \@got;
    my @seq = sort { $a <=> $b } map { (inv_number_of($_))[2] } grep { /^INV-/ } @got;
    my %seen;
    is(scalar(grep { !$seen{$_}++ } @seq), $N, 'no number twice');
    is($seq[-1] - $seq[0], $N - 1, 'no gap between them');
    my ($year) = (inv_number_of($got[0]))[1];
    is(sql_value("SELECT last_no FROM invoice_counters WHERE kind = 'invoice' AND year = $year"), $seq[-1],
        'the counter stands at the last');
    is(sql_value("SELECT COUNT(*) FROM invoices WHERE kind = 'invoice' AND year = $year AND seq BETWEEN $seq[0] AND $seq[-1]"),
        $N, 'every number between them is one of these invoices');
    my %order_of = map { $_ => sql_value("SELECT o.number FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.number = '$_'") } grep { /^INV-/ } @got;
    is_deeply([sort values %order_of], [sort @orders], 'one invoice for each order');
};

subtest 'one order invoiced from several requests at once' => sub {
    my ($number, $id) = inv_order($buyer, [[$sku, 3]], address => $address);
    my @got = ct_parallel(6, sub { issue_in_child($number) });
    is(scalar(grep { /^INV-/ } @got), 1, 'one request issues it') or diag explain \@got;
    is(scalar(grep { $_ eq 'STATUS 422' } @got), 5, 'the others are told it is billed');
    is(sql_value("SELECT COUNT(*) FROM invoices WHERE order_id = $id"), 1, 'one invoice');
    is(sql_value("SELECT SUM(l.quantity) FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id WHERE i.order_id = $id"),
        3, 'its line billed once');
};

subtest 'credit notes at the same moment' => sub {
    my ($number) = inv_order($buyer, [[$sku, 4]], address => $address);
    my ($inv) = inv_issue($number);
    my @got = ct_parallel(6, sub { issue_in_child(undef, credit => $inv) });
    my @cn = grep { /^CN-/ } @got;
    is(scalar @cn, 4, 'four of six credit one each: all that was billed') or diag explain \@got;
    is(scalar(grep { $_ eq 'STATUS 422' } @got), 2, 'the other two are refused');
    my @seq = sort { $a <=> $b } map { (inv_number_of($_))[2] } @cn;
    my %seen;
    is(scalar(grep { !$seen{$_}++ } @seq), 4, 'no credit note number twice');
    is($seq[-1] - $seq[0], 3, 'no gap');
    my ($year) = (inv_number_of($cn[0]))[1];
    is(sql_value("SELECT last_no FROM invoice_counters WHERE kind = 'credit_note' AND year = $year"), $seq[-1],
        'refused ones used no number');
};

done_testing();
