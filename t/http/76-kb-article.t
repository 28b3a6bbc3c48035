# The article page: the XML of SPEC4 (title, summary, body, category,
# breadcrumbs, tags, related, attachments, translations, updated, views,
# helpful counts), a counted view per request, related articles only when
# the reader may open them, titles and summaries as escaped plain text,
# the body copied as markup, the feedback form with its csrf field, the
# ?feedback=thanks message and the print stylesheet.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::KB;

my $parent = create_category(names => { en => 'Article parent' });
my $child = create_category(parent => $parent, names => { en => 'Article child' });
my ($pslug, $cslug) = map { sql_value("SELECT slug FROM kb_categories WHERE id = $_") } $parent, $child;

my $rel_pub = create_article(category => $child, texts => { en => { title => 'Related public' } });
my $rel_int = create_article(category => $child, audience => 'internal',
    texts => { en => { title => 'Related internal' } });
my $rel_draft = create_article(category => $child, status => 'draft',
    texts => { en => { title => 'Related draft' } });
my $rel_cust = create_article(category => $child, audience => 'customer',
    texts => { en => { title => 'Related customer' } });
my $tag = kb_slug('tag');
my $xss = '<script>alert(1)</script>&"\'';
my $id = create_article(
    category => $child,
    tags     => [$tag, 'zz-second-tag'],
    related  => [$rel_int, $rel_pub, $rel_draft, $rel_cust],
    views    => 41,
    helpful  => [8, 1],
    updated  => '2026-03-05 10:20:30',
    texts    => {
        en => {
            title   => "Reset $xss",
            summary => "Summary $xss",
            body    => '<h2>Steps</h2><p>Press <a href="/kb/">this</a> and <strong>hold</strong>.</p>'
                . '<table><thead><tr><th>Key</th></tr></thead><tbody><tr><td>F1</td></tr></tbody></table>',
        },
        de => { title => 'Zurücksetzen' },
    },
);
my $file = add_attachment($id, 'manual v2.pdf', 'application/pdf', 12345);

my $anon = reader();
my ($doc, $res) = $anon->get_xml("/kb/articles/$id");
is($res->code, 200, 'article 200 for anonymous (public)');
is(xp($doc, '/page/@view'), 'article', 'view article');
my $a = '/page/article';
is(xp($doc, "$a/\@id"), $id, 'id');
like(xp($doc, "$a/\@slug"), qr/^art-/, 'slug');
is(xp($doc, "$a/\@audience"), 'public', 'audience');
is(xp($doc, "$a/\@status"), 'published', 'status');
is(xp($doc, "$a/\@lang"), 'en', 'lang en');
is(xp($doc, "$a/\@fallback"), '0', 'no fallback');
is(xp($doc, "$a/\@updated"), '2026-03-05T10:20:30Z', 'updated as ISO UTC');
is(xp($doc, "$a/\@views"), 42, 'views include this one');
is(xp($doc, "$a/\@helpful-yes"), 8, 'helpful yes');
is(xp($doc, "$a/\@helpful-no"), 1, 'helpful no');
is(xp($doc, "$a/title"), "Reset $xss", 'title as text');
is(xp($doc, "$a/summary"), "Summary $xss", 'summary as text');
is(xp_count($doc, "$a/title/*"), 0, 'no markup inside the title');
is(xp($doc, "$a/body/h2"), 'Steps', 'body markup: h2');
is(xp($doc, "$a/body/p/a/\@href"), '/kb/', 'body markup: link');
is(xp($doc, "$a/body/table/tbody/tr/td"), 'F1', 'body markup: table');
is(xp($doc, "$a/category"), 'Article child', 'category name');
is(xp($doc, "$a/category/\@id"), $child, 'category id');
is(xp($doc, "$a/category/\@slug"), $cslug, 'category slug');
is_deeply([xp_list($doc, "$a/breadcrumbs/crumb/\@href")], ['/kb/', "/kb/categories/$pslug", "/kb/categories/$cslug"],
    'breadcrumbs: home, parent, category');
is_deeply([xp_list($doc, "$a/breadcrumbs/crumb")], ['Knowledge base', 'Article parent', 'Article child'],
    'breadcrumb names');
is_deeply([sort(xp_list($doc, "$a/tags/tag"))], [sort($tag, 'zz-second-tag')], 'tags');
is_deeply([xp_list($doc, "$a/related/ref/\@id")], [$rel_pub], 'related: only the visible published one');
is(xp($doc, "$a/related/ref/\@href"), "/kb/articles/$rel_pub", 'related href');
is(xp($doc, "$a/related/ref"), 'Related public', 'related title');
is(xp($doc, "$a/attachments/file/\@id"), $file, 'attachment id');
is(xp($doc, "$a/attachments/file/\@href"), "/kb/files/$file/manual%20v2.pdf", 'attachment href (encoded)');
is(xp($doc, "$a/attachments/file/\@type"), 'application/pdf', 'attachment type');
is(xp($doc, "$a/attachments/file/\@size"), 12345, 'attachment size');
is(xp($doc, "$a/attachments/file"), 'manual v2.pdf', 'attachment name');
is_deeply([xp_list($doc, "$a/translations/translation/\@lang")], ['de', 'en'], 'translations');

# Related articles follow the reader's audience.
{
    my $carl = reader('carl@acme.example');
    my $d = $carl->get_xml("/kb/articles/$id");
    is_deeply([xp_list($d, "$a/related/ref/\@id")], [$rel_pub, $rel_cust], 'carl: public and customer related, in order');
    my $agent = reader('agent@portico.example');
    $d = $agent->get_xml("/kb/articles/$id");
    is_deeply([xp_list($d, "$a/related/ref/\@id")], [$rel_int, $rel_pub, $rel_cust],
        'agent: internal too, never the draft');
}

# Every view is counted once, whoever reads.  A process writes the views
# it counted in batches, within about a second (and after an idle second).
sub views_soon {
    my ($id, $want) = @_;
    my $n;
    for (1 .. 50) {
        $n = article_views($id);
        return $n if $n >= $want;
        select(undef, undef, undef, 0.1);
    }
    return $n;
}
{
    select(undef, undef, undef, 2.5);    # the views of the pages above written
    my $before = article_views($id);
    $anon->get("/kb/articles/$id");
    is(views_soon($id, $before + 1), $before + 1, 'one view counted (HTML)');
    my $d = $anon->get_xml("/kb/articles/$id");
    is(views_soon($id, $before + 2), $before + 2, 'one view counted (XML)');
    is(xp($d, "$a/\@views"), $before + 2, 'the page shows the new count');
    $anon->get("/kb/articles/$id") for 1 .. 25;
    is(views_soon($id, $before + 27), $before + 27, 'a burst of views: every one counted');
    $anon->get("/kb/articles/$rel_int");
    $anon->get("/kb/articles/$rel_draft");
    select(undef, undef, undef, 2.5);
    is(article_views($id), $before + 27, 'and none twice');
    is(article_views($rel_int), 0, 'a refused article is not counted');
    is(article_views($rel_draft), 0, 'a draft is not counted');
}

# The HTML page.
$res = $anon->get("/kb/articles/$id");
is($res->code, 200, 'HTML 200');
my $html = $res->content;
unlike($html, qr/<script>alert/, 'no script tag from the title or summary');
like($html, qr/Reset &lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'title escaped in the HTML');
my $dom = XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
is(scalar(() = $dom->findnodes('//h1')), 1, 'one h1');
like($dom->findvalue('//h1'), qr/^Reset <script>/, 'h1 is the title (as text)');
like($dom->findvalue('//title'), qr/^Reset /, 'document title starts with the article title');
is($dom->findvalue('//*[contains(@class, "kb-body")]/h2'), 'Steps', 'body rendered as markup');
is($dom->findvalue('//*[contains(@class, "kb-body")]//strong'), 'hold', 'inline markup kept');
ok($dom->findnodes('//link[@rel="stylesheet" and @media="print" and contains(@href, "kb-print.css")]')->size,
    'print stylesheet linked for media print');
ok($dom->findnodes('//link[@rel="stylesheet" and contains(@href, "/static/css/kb.css")]')->size, 'kb.css linked');
like($dom->findvalue('//*[contains(@class, "kb-updated")]'), qr/Last updated\s+5 Mar 2026\s*$/,
    'last updated as a date (no time: the page is kept for every reader)');
is($dom->findvalue('//*[contains(@class, "kb-updated")]/time/@datetime'), '2026-03-05T10:20:30Z',
    'the exact instant in datetime');
my @crumbs = map { $_->getAttribute('href') } $dom->findnodes('//nav[contains(@class, "kb-crumbs")]//a');
is_deeply(\@crumbs, ['/kb/', "/kb/categories/$pslug", "/kb/categories/$cslug"], 'breadcrumb links');
is($dom->findvalue('//nav[contains(@class, "kb-crumbs")]//*[@aria-current="page"]'), "Reset $xss",
    'last crumb is the article, current');
is_deeply([map { $_->textContent } $dom->findnodes('//*[contains(@class, "kb-related")]//a')], ['Related public'],
    'related list');
my ($form) = $dom->findnodes("//form[\@action='/kb/articles/$id/feedback']");
ok($form, 'feedback form posts to the feedback route');
if ($form) {
    is(lc($form->getAttribute('method')), 'post', 'method post');
    my $csrf = $form->findvalue('.//input[@name="csrf"]/@value');
    ok(length $csrf, 'hidden csrf');
    is($csrf, csrf_of(scalar $anon->get_xml("/kb/articles/$id")), 'csrf is the session token');
    is_deeply([sort map { $_->getAttribute('value') } $form->findnodes('.//button[@name="helpful"]')], ['no', 'yes'],
        'yes and no buttons');
    ok($form->findnodes('.//textarea[@name="comment"]')->size, 'optional comment');
    my $cid = $form->findvalue('.//textarea/@id');
    ok($form->findnodes(".//label[\@for='$cid']")->size, 'the comment has a label');
}
ok(!$dom->findnodes('//*[contains(@class, "alert-success")]')->size, 'no success message without ?feedback');

# ?feedback=thanks
($doc, $res) = $anon->get_xml("/kb/articles/$id?feedback=thanks");
is($res->code, 200, 'thanks page 200');
ok(grep({ $_ eq 'kb.feedback.thanks' } message_keys($doc)), 'success message kb.feedback.thanks');
$res = $anon->get("/kb/articles/$id?feedback=thanks");
$dom = XML::LibXML->load_html(string => $res->content, recover => 2, suppress_errors => 1);
like($dom->findvalue('//*[contains(@class, "alert-success")]'), qr/Thank you/, 'thanks shown');
($doc) = $anon->get_xml("/kb/articles/$id?feedback=other");
ok(!grep({ $_ eq 'kb.feedback.thanks' } message_keys($doc)), 'other values show nothing');

# Title and summary stored with markup come out as text in lists too.
{
    my $hdoc = $anon->get_xml("/kb/categories/$cslug");
    my ($item) = grep { $_->findvalue('@id') == $id } $hdoc->findnodes('/page/kb-category/articles/article');
    is($item ? $item->findvalue('title') : '', "Reset $xss", 'category list: title as text');
    my $h = $anon->get("/kb/categories/$cslug")->content;
    unlike($h, qr/<script>alert/, 'category page: escaped');
    $h = $anon->get('/kb/')->content;
    unlike($h, qr/<script>alert/, 'home page: escaped');
}

# Breadcrumbs leave out a category the reader may not open.
{
    my $hidden = create_category(audience => 'partner', names => { en => 'Partner parent' });
    my $open = create_category(parent => $hidden, names => { en => 'Open child' });
    my $x = create_article(category => $open, texts => { en => { title => 'Under a partner category' } });
    my $d = $anon->get_xml("/kb/articles/$x");
    is(xp($d, "$a/title"), 'Under a partner category', 'a public article under a hidden category opens');
    is_deeply([xp_list($d, "$a/breadcrumbs/crumb")], ['Knowledge base'],
        'the hidden category and what is below it are not in the trail');
    is($anon->get("/kb/categories/" . sql_value("SELECT slug FROM kb_categories WHERE id = $open"))->code, 404,
        '(that child category answers 404 to this reader)');
    my $paula = reader('paula@northwind.example');
    $d = $paula->get_xml("/kb/articles/$x");
    is_deeply([xp_list($d, "$a/breadcrumbs/crumb")], ['Knowledge base', 'Partner parent', 'Open child'],
        'a partner sees the whole trail');
}

cleanup();
done_testing();
