# No page shows a raw timestamp: every date and time goes through the one
# formatter (pt:time), and the exact instant lives only in <time datetime>.
#
# As anonymous and as every demo user, crawl the HTML pages reachable by
# same-origin GET links from / and /kb/ (each route shape, digits folded,
# a few times; capped per reader), strip the markup (so attributes do not
# count) and look for "YYYY-MM-DD hh:mm" or "YYYY-MM-DDThh:mm" in the text.
# Verbatim data is left out: <pre> and <code> hold code samples in articles
# and the raw audit JSON behind its disclosure.  So that the test can fail,
# it checks that pages with <time datetime> were seen, for every signed-in
# reader and overall.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

use constant PAGES_PER_READER => 45;
use constant PER_SHAPE        => 2;

my $RAW = qr/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

# Links that are not pages to read: static files, downloads, and GETs that
# answer with a redirect or a file.
my $SKIP = qr{^/(?:css|js|icons|themes|img|favicon)|^/kb/files/|\.(?:xml|json|csv|pdf|png|svg|zip)(?:\?|$)|^/kb/search/click};

# The text a reader sees: no tags (so no attributes), no <pre>/<code>
# content, no script or style.
sub visible_text {
    my ($html) = @_;
    $html =~ s{<(script|style|pre|code)\b[^>]*>.*?</\1\s*>}{ }gis;
    $html =~ s{<!--.*?-->}{ }gs;
    $html =~ s{<[^>]*>}{ }gs;
    $html =~ s{&nbsp;|&#160;}{ }g;
    return $html;
}

# The route shape of a path: digit runs folded, query values dropped.
sub shape {
    my ($path) = @_;
    my ($p, $q) = split /\?/, $path, 2;
    $p =~ s/\d+/N/g;
    my @keys = sort map { (split /=/, $_, 2)[0] } split /[&;]/, $q // '';
    return join '?', $p, join '&', @keys;
}

sub links_of {
    my ($html) = @_;
    my @out;
    while ($html =~ /<a\b[^>]*?\bhref="([^"]*)"/gi) {
        my $h = $1;
        $h =~ s/&amp;/&/g;
        $h =~ s/#.*//;
        next unless $h =~ m{^/(?!/)};
        next if $h =~ $SKIP;
        push @out, $h;
    }
    return @out;
}

# Crawls as client $c; returns (pages fetched, pages with <time datetime>).
sub crawl {
    my ($c, $who) = @_;
    my @queue = ('/', '/kb/');
    my (%seen, %per_shape);
    my ($pages, $with_time) = (0, 0);
    while (@queue && $pages < PAGES_PER_READER) {
        my $path = shift @queue;
        next if $seen{$path}++;
        next if $per_shape{ shape($path) }++ >= PER_SHAPE;
        my $res = $c->get($path);
        next unless $res->code == 200 && ($res->header('Content-Type') // '') =~ m{^text/html};
        $pages++;
        my $html = $res->decoded_content // '';
        $with_time++ if $html =~ /<time\b[^>]*\bdatetime="[^"]+"/;
        my $text = visible_text($html);
        if ($text =~ /(.{0,40}$RAW.{0,20})/s) {
            (my $around = $1) =~ s/\s+/ /g;
            fail("$who: $path shows a raw timestamp: ...$around...");
        }
        push @queue, links_of($html);
    }
    return ($pages, $with_time);
}

# The pattern catches what it must, and the stripping keeps it honest.
like(visible_text('<p>at 2026-12-04 11:49:00</p>'), $RAW, 'a MariaDB stamp in text is caught');
like(visible_text('<td>2026-12-04T11:49:00Z</td>'), $RAW, 'an ISO stamp in text is caught');
unlike(visible_text('<time datetime="2026-12-04T11:49:00Z" title="x">4 Dec 2026, 11:49</time>'),
    $RAW, 'an attribute is not text');

my $total_with_time = 0;
{
    my $c = Portico::Test->client(accept_language => 'en');
    my ($pages, $with_time) = crawl($c, 'anonymous');
    cmp_ok($pages, '>=', 5, "anonymous: $pages pages read");
    $total_with_time += $with_time;
}
for my $u (demo_users()) {
    my $c = Portico::Test->client(accept_language => 'en');
    my $res = $c->login($u->{email}, DEMO_PASSWORD);
    is($res->code, 303, "$u->{email}: signed in") or next;
    my ($pages, $with_time) = crawl($c, $u->{email});
    cmp_ok($pages, '>=', 5, "$u->{email}: $pages pages read");
    cmp_ok($with_time, '>', 0, "$u->{email}: $with_time of them show a <time datetime>");
    $total_with_time += $with_time;
}
cmp_ok($total_with_time, '>', 10, "pages with dates were checked ($total_with_time)");

done_testing();
