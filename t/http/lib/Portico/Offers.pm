package Portico::Offers;

# Helpers for the tests of offers and contracts (t/http/230-239): the
# provider's manager writing offers through the pages, offers as rows,
# and the canonical text of an offer recomputed here from its rows, the
# way cgi-bin-src/orders/offer-common.c documents it, so that a test can
# hold the stored hash against it.
#
# Offers, contracts and the orders they made stay in the database: a
# sent offer can never be changed or deleted (triggers refuse it), which
# is the point.  Their titles carry of_prefix().

use strict;
use warnings;

use Carp qw(croak);
use Digest::SHA qw(sha256_hex);
use Encode qw(decode_utf8 encode_utf8);
use Exporter qw(import);
use POSIX ();
use Portico::Test;
use Portico::Orders qw(or_client or_csrf or_post or_upload or_errors);

our @EXPORT = qw(of_prefix of_staff of_create of_line of_send of_row of_lines of_text of_sha
    of_snapshot of_rows of_date or_client or_csrf or_post or_upload or_errors ACME BERGMANN
    MANAGER ANNA OLIVIA CARL);

use constant {
    ACME => 2, BERGMANN => 3,
    MANAGER => 'manager@portico.example', ANNA => 'anna.admin@acme.example',
    OLIVIA => 'olivia@acme.example', CARL => 'carl@acme.example',
};

my $PREFIX = "OF$$";
my $staff;

sub of_prefix { return $PREFIX }

# The provider's manager (contracts.manage), signed in once.
sub of_staff { return $staff //= or_client(MANAGER) }

# The date days from today (UTC; the demo people's zones are within a day).
sub of_date {
    my ($days) = @_;
    return POSIX::strftime('%Y-%m-%d', gmtime(time + ($days // 0) * 86400));
}

# A new draft for org (default Acme) through the page; returns its number.
sub of_create {
    my (%o) = @_;
    my ($doc, $res) = or_post(of_staff(), '/orders/admin/offers', [
        org => $o{org} // ACME, title => $o{title} // "$PREFIX offer",
        valid_until => $o{valid_until} // of_date(30), term_months => $o{term} // 12,
        renewal_months => $o{renewal} // 12, notice_days => $o{notice} // 90,
        terms => $o{terms} // "Payment within **30 days**.\n\n- Support on workdays\n- Updates included",
    ]);
    croak 'creating an offer: ' . $res->code unless $res->code == 303;
    my ($number) = location_path($res) =~ m{/(Q-\d{4}-\d+)$} or croak 'no number in ' . location_path($res);
    return $number;
}

# Add a line (pairs of the form) to a draft; croaks unless 303.
sub of_line {
    my ($number, %f) = @_;
    my (undef, $res) = or_post(of_staff(), "/orders/admin/offers/$number/lines", [
        %{ { kind => 'once', quantity => 1, %f } } ]);
    croak "adding a line to $number: " . $res->code unless $res->code == 303;
    return;
}

sub of_send {
    my ($number) = @_;
    my (undef, $res) = or_post(of_staff(), "/orders/admin/offers/$number/send", []);
    croak "sending $number: " . $res->code unless $res->code == 303;
    return;
}

my @COLS = qw(id number org_id status title currency valid_until term_months renewal_months
    notice_days terms_md terms_html created_by sent_by sent_at decided_by decided_at decided_ip
    decline_reason accepted_text accepted_sha256 revises_id updated_at);

# sql_rows with every value decoded from UTF-8: text as the pages give it.
sub of_rows {
    return [map { [map { defined $_ ? decode_utf8($_) : undef } @$_] } @{ sql_rows(@_) }];
}

# The offer's row as a hash (dates as text).
sub of_row {
    my ($number) = @_;
    my $r = of_rows('SELECT ' . join(', ', map { $_ eq 'valid_until' ? "DATE_FORMAT(valid_until, '%Y-%m-%d')" : $_ } @COLS)
        . ' FROM offers WHERE number = ' . sql_quote($number));
    return undef unless @$r;
    my %h;
    @h{@COLS} = @{ $r->[0] };
    return \%h;
}

# Its lines and files, as rows of the canonical text's fields.
sub of_lines {
    my ($id) = @_;
    return of_rows('SELECT line_no, kind, sku, name, unit, quantity, unit_price_minor,'
        . " COALESCE(billing, '-'), tax_class FROM offer_lines WHERE offer_id = $id ORDER BY line_no");
}

sub of_files {
    my ($id) = @_;
    return of_rows("SELECT name, content_type, size_bytes, sha256 FROM offer_files WHERE offer_id = $id ORDER BY id");
}

# The canonical text of the offer as its rows stand now (version 1), in characters.
sub of_text {
    my ($number) = @_;
    my $o = of_row($number) or croak "no offer $number";
    my $t = "portico-offer-v1\n";
    $t .= "number: $o->{number}\norg: $o->{org_id}\ntitle: $o->{title}\ncurrency: $o->{currency}\n"
        . "valid-until: $o->{valid_until}\nterm-months: $o->{term_months}\n"
        . "renewal-months: $o->{renewal_months}\nnotice-days: $o->{notice_days}\n";
    $t .= 'line: ' . join("\t", map { $_ // '' } @$_) . "\n" for @{ of_lines($o->{id}) };
    $t .= 'file: ' . join("\t", @$_) . "\n" for @{ of_files($o->{id}) };
    # The terms are counted in bytes, as the C does.
    my $terms = $o->{terms_html};
    return $t . 'terms: ' . length(encode_utf8($terms)) . "\n" . $terms;
}

# The SHA-256 (hex) of the offer's canonical text in UTF-8.
sub of_sha {
    return sha256_hex(encode_utf8(of_text($_[0])));
}

# Everything an offer is made of, as one string: to compare before and after.
sub of_snapshot {
    my ($number) = @_;
    my $o = of_row($number) or croak "no offer $number";
    return join("\x1e", map { $_ // '(null)' } @{$o}{@COLS}) . "\x1d"
        . join("\x1e", map { join("\x1f", map { $_ // '' } @$_) } @{ of_lines($o->{id}) }, @{ of_files($o->{id}) });
}

1;
