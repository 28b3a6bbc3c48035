# The home page's parts (search form, categories, popular and recent, FAQ
# link), the category pager (20 a page), bad addresses (404, never 5xx),
# and the SQL budget: at most 4 statements per page, the session's
# included, and none for a public page an anonymous visitor saw before
# (the page cache), counted with MariaDB's Com_stmt_execute around one request
# (the smallest of a few tries, so the mailer's once-a-second poll or the
# session's once-a-minute touch cannot inflate it).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::KB;

my $cat = create_category(names => { en => 'Pager category' });
my $slug = sql_value("SELECT slug FROM kb_categories WHERE id = $cat");
my @ids;
for my $i (1 .. 21) {
    push @ids, create_article(category => $cat,
        texts => { en => { title => sprintf('Pager article %02d', $i), summary => "Summary $i" } },
        views => 1000000 + $i, updated => sprintf('2030-01-01 00:00:%02d', $i));
}
create_article(category => $cat, audience => 'internal', texts => { en => { title => 'Pager internal' } });
my $faq = create_faq(article => $ids[0]);
my $anon = reader();

# Home.
{
    my ($doc, $res) = $anon->get_xml('/kb/');
    is($res->code, 200, 'home 200');
    is(xp($doc, '/page/@view'), 'home', 'view home');
    is(xp($doc, "/page/kb-home/categories/category[\@id='$cat']/\@articles"), 21, 'category with its count');
    is(xp($doc, "/page/kb-home/categories/category[\@id='$cat']/\@href"), "/kb/categories/$slug", 'category href');
    my @pop = xp_list($doc, '/page/kb-home/popular/article/@id');
    is_deeply([@pop[0 .. 4]], [reverse @ids[16 .. 20]], 'popular: most viewed first');
    my @rec = xp_list($doc, '/page/kb-home/recent/article/@id');
    is_deeply([@rec[0 .. 4]], [reverse @ids[16 .. 20]], 'recent: newest first');
    my $html = $anon->get('/kb/')->decoded_content;
    my $dom = XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
    my ($form) = $dom->findnodes('//form[@action="/kb/search"]');
    ok($form, 'search form');
    is($form ? lc $form->getAttribute('method') : '', 'get', 'search by GET');
    ok($form && $form->findnodes('.//input[@name="q"]')->size, 'field q');
    my $qid = $form ? $form->findvalue('.//input[@name="q"]/@id') : '';
    ok($form && $form->findnodes(".//label[\@for='$qid']")->size, 'q has a label');
    ok($dom->findnodes('//a[@href="/kb/faq"]')->size, 'link to the FAQ');
    ok($dom->findnodes("//a[\@href='/kb/categories/$slug']")->size, 'link to the category');
    is(scalar(() = $dom->findnodes('//h1')), 1, 'one h1');
}

# Pager: 20 a page, ordered by title.
{
    my ($doc, $res) = $anon->get_xml("/kb/categories/$slug");
    is($res->code, 200, 'category 200');
    is(xp_count($doc, '/page/kb-category/articles/article'), 20, '20 on page 1');
    is(xp($doc, '/page/kb-category/articles/article[1]/title'), 'Pager article 01', 'ordered by title');
    is(xp($doc, '/page/kb-category/pager/@page'), 1, 'page 1');
    is(xp($doc, '/page/kb-category/pager/@pages'), 2, '2 pages');
    is(xp($doc, '/page/kb-category/pager/@total'), 21, '21 visible articles');
    is(xp($doc, '/page/kb-category/articles/article[1]/summary'), 'Summary 1', 'summary');
    like(xp($doc, '/page/kb-category/articles/article[1]/@updated'), qr/^2030-01-01T00:00:01Z$/, 'updated');
    ($doc) = $anon->get_xml("/kb/categories/$slug?page=2");
    is_deeply([xp_list($doc, '/page/kb-category/articles/article/title')], ['Pager article 21'], 'page 2: the 21st');
    my $html = $anon->get("/kb/categories/$slug")->decoded_content;
    like($html, qr{href="/kb/categories/\Q$slug\E\?page=2"}, 'link to page 2');
    ($doc, $res) = $anon->get_xml("/kb/categories/$slug?page=99");
    is($res->code, 200, 'a page past the end: 200');
    is(xp_count($doc, '/page/kb-category/articles/article'), 0, 'and empty');
    for my $p ('x', '-1', '0', '9999999999999') {
        ($doc, $res) = $anon->get_xml("/kb/categories/$slug?page=$p");
        is($res->code, 200, "page=$p: 200");
        is(xp($doc, '/page/kb-category/pager/@page'), 1, "page=$p: page 1");
    }
}

# Bad addresses: 404, never a 5xx.
for my $path ('/kb/articles/0', '/kb/articles/99999999999999999999', '/kb/articles/999999999999999999',
    '/kb/articles/-1', '/kb/articles/abc', '/kb/articles/1x', '/kb/articles/', '/kb/articles/00',
    '/kb/categories/%3Cscript%3E', '/kb/categories/<script>', '/kb/categories/UPPER', '/kb/categories/',
    '/kb/categories/' . ('a' x 81), '/kb/categories/no-such-category-' . $$, "/kb/categories/$slug/x",
    '/kb/faq/x', '/kb/nothing-here', "/kb/articles/$ids[0]/x")
{
    my $res = $anon->get($path);
    is($res->code, 404, "$path: 404");
}
{
    my $res = $anon->post('/kb/', [csrf => $anon->csrf]);
    ok($res->code == 405 || $res->code == 404, 'POST /kb/: 405 or 404, not 5xx (' . $res->code . ')');
    $res = $anon->request(HTTP::Request->new(HEAD => base_url() . "/kb/articles/$ids[0]"));
    is($res->code, 200, 'HEAD of an article: 200');
}

# The start page offers the knowledge base, and it opens.
{
    my $carl = reader('carl@acme.example');
    my $doc = $carl->get_xml('/');
    is(xp($doc, "/page/start/area[\@key='nav.kb']/\@href"), '/kb/', 'start page: knowledge base linked');
    is($carl->get('/kb/')->code, 200, 'and it opens');
}

# The SQL budget (statements_for: Portico::KB).

for my $who (undef, 'carl@acme.example') {
    my $c = reader($who);
    $c->get('/kb/');    # a worker connection that has prepared its statements
    for my $path ('/kb/', "/kb/categories/$slug", "/kb/categories/$slug?page=2", "/kb/articles/$ids[0]",
        "/kb/articles/$ids[0]?format=xml", '/kb/faq')
    {
        my $n = statements_for($c, $path, undef, \&forget_kept_pages);
        ok($n >= 1 && $n <= 4, ($who // 'anonymous') . ": $path runs $n statements (at most 4)");
        next if defined $who || $path =~ /\?/;
        # A page an anonymous visitor saw before is kept: no statement at all.
        $c->get($path);
        is(statements_for($c, $path), 0, "anonymous: $path again runs no statement");
    }
}

cleanup();
done_testing();
