# The knowledge base demo data (sql/demo/0010-0019): enough articles and
# FAQ entries in both languages for every audience, bodies that are clean
# XHTML of the sanitiser's allow-list with a matching body_text (what the
# search indexes), links and related articles that lead somewhere, German
# that is German, and category names in both languages.
#
# Only the demo's own rows are looked at (the articles, categories and FAQ
# topics whose slugs the demo files name), so articles other tests create
# meanwhile, or script/kb-generate's, do not count.  Nothing here depends
# on the ids the demo rows happen to get.
#
# Links lead where their reader may go: an article's body and related
# list, and an FAQ answer, name only articles of the same or a wider
# audience (public is the widest, internal readers see all), and
# published ones from published articles.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Encode qw(decode_utf8);
use File::Spec;
use Test::More;
use XML::LibXML;
use Portico::Test;

# The slugs of the rows an INSERT INTO $table of the demo files creates
# (the third value of each row for articles and categories, the second
# for FAQ topics), as an SQL list.
sub demo_slugs {
    my ($table, $nth) = @_;
    my @slugs;
    for my $file (glob(File::Spec->catfile(repo_dir(), 'sql', 'demo', '*.sql'))) {
        open(my $fh, '<:raw', $file) or die "$file: $!";
        my $sql = do { local $/; <$fh> };
        while ($sql =~ /^INSERT INTO \Q$table\E \(.*?\) VALUES\s*(.*?);\s*$/gms) {
            my $rows = $1;
            push @slugs, $1 while $rows =~ /^\s*\((?:\s*[^,]+,){$nth}\s*'([a-z0-9-]+)'/gm;
        }
    }
    die "no demo rows in $table" unless @slugs;
    return join(', ', map { sql_quote($_) } @slugs);
}
my $ART_SLUGS = demo_slugs('kb_articles', 2);
my $CAT_SLUGS = demo_slugs('kb_categories', 2);
my $TOPIC_SLUGS = demo_slugs('kb_faq_topics', 1);

my $ART = "a.slug IN ($ART_SLUGS)";
my $FAQ = "f.topic_id IN (SELECT tp.id FROM kb_faq_topics tp WHERE tp.slug IN ($TOPIC_SLUGS))";
my $CAT = "c.slug IN ($CAT_SLUGS)";
# The demo articles by id, for rows that refer to them (texts, related).
my $DEMO_IDS = "(SELECT a.id FROM kb_articles a WHERE $ART)";

# Rows with every value decoded from UTF-8 (sql_rows gives bytes).
sub rows {
    my ($q) = @_;
    return [ map { [ map { defined $_ ? decode_utf8($_) : undef } @$_ ] } @{ sql_rows($q) } ];
}
sub one { return rows($_[0])->[0][0] }

# --------------------------------------------------------------- counts

my %by_status = map { $_->[0] => $_->[1] }
    @{ rows("SELECT status, COUNT(*) FROM kb_articles a WHERE $ART GROUP BY status") };
my $published = $by_status{published} // 0;
cmp_ok($published, '>=', 60, "at least 60 published demo articles ($published)");
for my $s (qw(draft review archived)) {
    cmp_ok($by_status{$s} // 0, '>=', 1, "an article in status $s, for the editor");
}

my %by_audience = map { $_->[0] => $_->[1] } @{ rows(
    "SELECT audience, COUNT(*) FROM kb_articles a WHERE $ART AND status = 'published' GROUP BY audience") };
cmp_ok($by_audience{public} // 0,   '>=', 10, 'public articles (anonymous visitors)');
cmp_ok($by_audience{customer} // 0, '>=', 20, 'customer articles');
cmp_ok($by_audience{partner} // 0,  '>=', 8,  'at least 8 partner articles');
cmp_ok($by_audience{internal} // 0, '>=', 8,  'at least 8 internal articles');

my %by_lang = map { $_->[0] => $_->[1] } @{ rows(
    "SELECT t.lang, COUNT(*) FROM kb_article_texts t JOIN kb_articles a ON a.id = t.article_id
      WHERE $ART AND a.status = 'published' GROUP BY t.lang") };
cmp_ok($by_lang{en} // 0, '>=', 60, 'English texts of the published articles');
cmp_ok($by_lang{de} // 0, '>=', 50, 'German texts of the published articles');
is(join(',', sort keys %by_lang), 'de,en', 'only the languages en and de');

my $en_only = one("SELECT COUNT(*) FROM kb_articles a WHERE $ART AND a.status = 'published'
    AND NOT EXISTS (SELECT 1 FROM kb_article_texts t WHERE t.article_id = a.id AND t.lang = 'de')");
ok($en_only >= 3 && $en_only <= 10, "a few published articles only in English, for the fallback ($en_only)");
is(one("SELECT COUNT(*) FROM kb_articles a WHERE $ART
    AND NOT EXISTS (SELECT 1 FROM kb_article_texts t WHERE t.article_id = a.id AND t.lang = 'en')"),
    0, 'every demo article has an English text');

my $faq = one("SELECT COUNT(*) FROM kb_faq f WHERE $FAQ AND f.status = 'published'");
cmp_ok($faq, '>=', 30, "at least 30 published FAQ entries ($faq)");
cmp_ok(one("SELECT COUNT(DISTINCT topic_id) FROM kb_faq f WHERE $FAQ AND f.status = 'published'"),
    '>=', 5, 'FAQ entries in several topics');
is(one("SELECT COUNT(*) FROM kb_faq f WHERE $FAQ AND
    (SELECT COUNT(*) FROM kb_faq_texts x WHERE x.faq_id = f.id AND x.lang IN ('en', 'de')) <> 2"),
    0, 'every FAQ entry in English and German');
cmp_ok(one("SELECT COUNT(*) FROM kb_faq f WHERE $FAQ AND f.article_id IS NOT NULL"),
    '>=', 10, 'FAQ entries link to articles');
is(one("SELECT COUNT(*) FROM kb_faq f WHERE $FAQ AND f.article_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM kb_articles a WHERE a.id = f.article_id)"), 0,
    'the articles FAQ entries link to exist');

# ------------------------------------------------------------ categories

my $cats = rows("SELECT c.id, c.slug,
    (SELECT name FROM kb_category_texts x WHERE x.category_id = c.id AND x.lang = 'en'),
    (SELECT name FROM kb_category_texts x WHERE x.category_id = c.id AND x.lang = 'de')
    FROM kb_categories c WHERE $CAT ORDER BY c.slug");
cmp_ok(scalar @$cats, '>=', 8, 'a category tree of the demo');
cmp_ok(one("SELECT COUNT(*) FROM kb_categories c WHERE $CAT AND c.parent_id IS NULL"),
    '>=', 7, 'about eight top-level categories');
cmp_ok(one("SELECT COUNT(*) FROM kb_categories c WHERE $CAT AND c.parent_id IS NOT NULL"),
    '>=', 3, 'some subcategories');
for my $c (@$cats) {
    my ($id, $slug, $en, $de) = @$c;
    ok(defined $en && length $en && defined $de && length $de,
        "category $slug has a name in en and de") or diag("en: " . ($en // 'none') . ", de: " . ($de // 'none'));
}
is(one("SELECT COUNT(*) FROM kb_articles a WHERE $ART AND a.status = 'published'
    AND a.category_id NOT IN (SELECT id FROM kb_categories)"), 0, 'every article is in a category');

# ---------------------------------------------------------------- bodies

# The sanitiser's allow-list (what article bodies may contain).
my %ALLOWED = map { $_ => 1 }
    qw(h2 h3 h4 p ul ol li table thead tbody tr th td code pre strong em a blockquote);
my %ids = map { $_->[0] => 1 } @{ rows("SELECT id FROM kb_articles") };

# Checks one XHTML fragment: well-formed, allowed elements, no attribute
# but href on a, hrefs to articles that exist or to https.  Returns the
# document (undef when not well-formed) and a list of complaints.
sub check_xhtml {
    my ($xhtml) = @_;
    my $doc = eval { XML::LibXML->load_xml(string => "<body>$xhtml</body>", no_network => 1) };
    return (undef, "not well-formed: " . ($@ =~ s/\s+/ /gr)) unless $doc;
    my @bad;
    for my $el ($doc->documentElement->findnodes('.//*')) {
        my $name = $el->nodeName;
        push @bad, "element <$name>" unless $ALLOWED{$name};
        for my $attr ($el->attributes) {
            my $an = $attr->nodeName;
            if ($name eq 'a' && $an eq 'href') {
                my $href = $attr->value;
                if ($href =~ m{\A/kb/articles/(\d+)\z}) {
                    push @bad, "link to missing article $1" unless $ids{$1};
                } elsif ($href !~ m{\Ahttps://}) {
                    push @bad, "href $href";
                }
            } else {
                push @bad, "attribute $an on <$name>";
            }
        }
        push @bad, '<a> without href' if $name eq 'a' && !$el->hasAttribute('href');
    }
    return ($doc, @bad);
}

sub squeeze { my ($s) = @_; $s =~ s/\s+//g; return $s }

my $texts = rows("SELECT t.article_id, t.lang, t.title, t.summary, t.body, t.body_text, a.status
    FROM kb_article_texts t JOIN kb_articles a ON a.id = t.article_id WHERE $ART
    ORDER BY t.article_id, t.lang");
my (@not_clean, @text_bad, @short, @no_umlaut, @no_summary);
for my $t (@$texts) {
    my ($id, $lang, $title, $summary, $body, $body_text, $status) = @$t;
    my $what = "article $id ($lang)";
    my ($doc, @bad) = check_xhtml($body);
    push @not_clean, "$what: @bad" if @bad;
    if (!defined $body_text || $body_text !~ /\S/) {
        push @text_bad, "$what: empty body_text";
    } elsif ($body_text =~ /</) {
        push @text_bad, "$what: '<' in body_text";
    } elsif ($doc && squeeze($doc->documentElement->textContent) ne squeeze($body_text)) {
        push @text_bad, "$what: body_text is not the text of the body";
    }
    push @no_summary, $what unless length($title) && length($summary) >= 30;
    my $words = () = ($body_text // '') =~ /\w+/g;
    push @short, "$what: $words words" if $status eq 'published' && ($words < 150 || $words > 600);
    push @no_umlaut, $what if $lang eq 'de' && "$title $summary $body_text" !~ /[äöüÄÖÜß]/;
}
cmp_ok(scalar @$texts, '>=', 120, 'texts checked: ' . scalar @$texts);
is_deeply(\@not_clean, [], 'every body is well-formed XHTML of the allow-list, its links lead to articles or https');
is_deeply(\@text_bad, [], 'every body_text is the body without markup, non-empty, without <');
is_deeply(\@no_summary, [], 'every text has a title and a real summary');
is_deeply(\@short, [], 'published bodies have 150 to 600 words');
is_deeply(\@no_umlaut, [], 'German texts are German: umlauts in every one');

my @same = map { "article $_->[0]" } @{ rows("SELECT e.article_id FROM kb_article_texts e
    JOIN kb_article_texts d ON d.article_id = e.article_id AND d.lang = 'de'
    WHERE e.lang = 'en' AND e.article_id IN $DEMO_IDS AND (e.title = d.title OR e.body = d.body)") };
is_deeply(\@same, [], 'German texts are translations, not copies of the English');

my $dupes = rows("SELECT t.title FROM kb_article_texts t WHERE t.article_id IN $DEMO_IDS
    GROUP BY t.lang, t.title HAVING COUNT(*) > 1");
is(scalar @$dupes, 0, 'no two articles share a title') or diag(join ', ', map { $_->[0] } @$dupes);

# ------------------------------------------------------- tags, related

is(one("SELECT COUNT(*) FROM kb_articles a WHERE $ART AND a.status = 'published'
    AND NOT EXISTS (SELECT 1 FROM kb_article_tags g WHERE g.article_id = a.id)"), 0,
    'every published article has tags');
cmp_ok(one("SELECT COUNT(*) FROM kb_related r WHERE r.article_id IN $DEMO_IDS"), '>=', 60,
    'articles have related articles');
is(one("SELECT COUNT(*) FROM kb_related r WHERE r.article_id IN $DEMO_IDS
    AND (r.related_id = r.article_id OR NOT EXISTS (SELECT 1 FROM kb_articles a WHERE a.id = r.related_id))"),
    0, 'related articles exist and are other articles');

# ------------------------------------------------- links by audience

# Who reads an article of each audience also reads these.
my %WIDER = (
    public   => [qw(public)],
    customer => [qw(public customer)],
    partner  => [qw(public partner)],
    internal => [qw(public customer partner internal)],
);
my %target = map { $_->[0] => { audience => $_->[1], status => $_->[2] } }
    @{ rows("SELECT id, audience, status FROM kb_articles") };

# Why a link from something of this audience and status to article $to
# leads nowhere for some of its readers, or '' when it does not.
sub narrower {
    my ($audience, $status, $to) = @_;
    my $t = $target{$to} or return "missing article $to";
    return "article $to is $t->{status}" if $status eq 'published' && $t->{status} ne 'published';
    return '' if grep { $_ eq $t->{audience} } @{ $WIDER{$audience} };
    return "$t->{audience} article $to";
}

# The links that lead nowhere for some readers, of rows (what, audience,
# status, text): the text's article ids are what $ids captures.
sub narrow_links {
    my ($query, $ids) = @_;
    my @bad;
    for my $r (@{ rows($query) }) {
        my ($what, $audience, $status, $text) = @$r;
        for my $to ($text =~ /$ids/g) {
            my $why = narrower($audience, $status, $to);
            push @bad, "$what links to $why" if $why;
        }
    }
    return \@bad;
}
my $HREF = qr{href="/kb/articles/(\d+)"};

is_deeply(narrow_links("SELECT CONCAT(a.audience, ' article ', a.slug, ' (', t.lang, ')'),
    a.audience, a.status, t.body FROM kb_articles a JOIN kb_article_texts t ON t.article_id = a.id
    WHERE $ART ORDER BY a.slug, t.lang", $HREF), [],
    'article bodies link to articles of the same or a wider audience');
is_deeply(narrow_links("SELECT CONCAT(a.audience, ' article ', a.slug, ' (related)'),
    a.audience, a.status, GROUP_CONCAT(r.related_id) FROM kb_related r
    JOIN kb_articles a ON a.id = r.article_id WHERE $ART GROUP BY a.id ORDER BY a.slug", qr/(\d+)/), [],
    'related articles are of the same or a wider audience');
is_deeply(narrow_links("SELECT CONCAT(f.audience, ' FAQ: ', x.question, ' (', x.lang, ')'),
    f.audience, f.status, x.answer FROM kb_faq f JOIN kb_faq_texts x ON x.faq_id = f.id
    WHERE $FAQ ORDER BY f.position, x.lang", $HREF), [],
    'FAQ answers link to articles of the same or a wider audience');

# ------------------------------------------------------------- versions

is(one("SELECT COUNT(*) FROM kb_article_texts t WHERE t.article_id IN $DEMO_IDS
    AND NOT EXISTS (SELECT 1 FROM kb_article_versions v WHERE v.article_id = t.article_id
                    AND v.lang = t.lang AND v.version_no = t.version_no AND v.body = t.body)"),
    0, 'every text has its current version in the history');
cmp_ok(one("SELECT COUNT(*) FROM kb_article_texts WHERE article_id IN $DEMO_IDS AND version_no > 1"),
    '>=', 1, 'some texts have an earlier version, for diff and restore');

# ------------------------------------------------------------- numbers

is(one("SELECT COUNT(*) FROM kb_articles a WHERE $ART AND a.status = 'published'
    AND (a.view_count = 0 OR a.helpful_yes + a.helpful_no > a.view_count OR a.published_at IS NULL
         OR a.updated_at < a.created_at OR a.created_at < UTC_TIMESTAMP() - INTERVAL 400 DAY
         OR a.updated_at > UTC_TIMESTAMP())"),
    0, 'published articles: views, helpful votes and dates plausible, within the last year');
cmp_ok(one("SELECT DATEDIFF(MAX(created_at), MIN(created_at)) FROM kb_articles a WHERE $ART"),
    '>=', 180, 'created over a long period');

# ------------------------------------------------------------------ FAQ

my $faqs = rows("SELECT x.faq_id, x.lang, x.question, x.answer, x.answer_text
    FROM kb_faq_texts x JOIN kb_faq f ON f.id = x.faq_id WHERE $FAQ ORDER BY x.faq_id, x.lang");
my (@faq_bad, $de_umlauts, $de_total);
for my $f (@$faqs) {
    my ($id, $lang, $q, $answer, $text) = @$f;
    my ($doc, @bad) = check_xhtml($answer);
    push @faq_bad, "FAQ $id ($lang): @bad" if @bad;
    push @faq_bad, "FAQ $id ($lang): question" unless $q =~ /\?\z/;
    push @faq_bad, "FAQ $id ($lang): answer_text"
        if !defined $text || $text !~ /\S/ || $text =~ /</
        || ($doc && squeeze($doc->documentElement->textContent) ne squeeze($text));
    if ($lang eq 'de') {
        $de_total++;
        $de_umlauts++ if "$q $text" =~ /[äöüÄÖÜß]/;
    }
}
is_deeply(\@faq_bad, [], 'FAQ: questions end in "?", answers clean XHTML with a matching answer_text');
cmp_ok($de_umlauts // 0, '>=', 0.8 * ($de_total // 1), "German FAQ entries are German ($de_umlauts of $de_total with umlauts)");

done_testing;
