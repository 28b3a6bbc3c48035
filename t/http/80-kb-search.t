# Knowledge base search: ranking (a title match outranks a body match),
# filters (category with its subcategories, tag, content language and "all
# languages"), paging (10 a page, honest total, page 2 keeps the search's
# log row), snippets (a window around the first hit, hits as <hit>
# elements, text escaped), bounds on q (empty: the form only; over 200
# characters: 422 with a message on q, the text kept), and the log: one kb_searches row per
# search with its result count.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

# Made-up words (FULLTEXT: at least 3 letters, no stopwords), unique per run.
sub word { my $w = 'zq'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8; return $w }
my ($term, $ptag, $deonly, $pageword) = map { word() } 1 .. 4;

my $top = create_category(names => { en => 'Search top' });
my $sub = create_category(parent => $top, names => { en => 'Search sub' });
my $other = create_category(names => { en => 'Search other' });
my ($top_slug, $sub_slug) = map { sql_value("SELECT slug FROM kb_categories WHERE id = $_") } $top, $sub;

# The body-only article is newer and has the term three times: the title
# article must still come first.
my $body_art = create_article(category => $other, texts => { en => {
    title => 'Maintenance notes', summary => 'General notes',
    body_text => "Before you start, read all of this. The $term unit needs care; clean the $term filter and the $term fan." } });
my $title_art = create_article(category => $sub, tags => [$ptag],
    updated => '2020-01-01 00:00:00', texts => { en => {
    title => "Resetting the $term", summary => 'How to reset it',
    body_text => 'Hold the button for ten seconds.' } });
my $de_art = create_article(category => $top, texts => {
    en => { title => 'Paper jam', body_text => 'Open the tray.' },
    de => { title => "Papierstau $deonly", body_text => "Öffnen Sie das Fach. $deonly <script>alert(1)</script> Ende." } });

my $c = reader();

subtest 'title match outranks body match' => sub {
    my ($doc, $res) = $c->get_xml("/kb/search?q=$term");
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/search/@total'), 2, 'two results');
    is_deeply([xp_list($doc, '/page/search/results/result/@id')], [$title_art, $body_art],
        'title article first, body article second');
    like(xp($doc, "/page/search/results/result[\@id=$title_art]/title"), qr/Resetting/, 'title given');
};

subtest 'snippet: window around the hit, hits as elements' => sub {
    my ($doc) = $c->get_xml("/kb/search?q=$term");
    my $sn = "/page/search/results/result[\@id=$body_art]/snippet";
    is(xp_count($doc, "$sn/hit"), 3, 'three hits marked');
    is(xp($doc, "$sn/hit[1]"), $term, 'hit text is the term');
    like(xp($doc, $sn), qr/clean the \Q$term\E filter/, 'surrounding text kept');
    my $html = $c->get("/kb/search?q=$term")->content;
    like($html, qr{<mark>\Q$term\E</mark>}, 'hits rendered as <mark>');
};

subtest 'markup in body_text comes out as text' => sub {
    my ($doc) = $c->get_xml("/kb/search?q=$deonly&lang=de");
    is(xp($doc, '/page/search/results/result/@id'), $de_art, 'found in German');
    like(xp($doc, '/page/search/results/result/snippet'), qr/<script>alert\(1\)<\/script>/, 'script is text in the XML');
    is(xp_count($doc, '//snippet//script'), 0, 'no script element');
    my $html = $c->get("/kb/search?q=$deonly&lang=de")->content;
    like($html, qr/&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'escaped in the HTML');
    unlike($html, qr/<script>alert/, 'never raw');
};

subtest 'language: page language by default, a chosen one, or all' => sub {
    my ($doc) = $c->get_xml("/kb/search?q=$deonly");
    is(xp($doc, '/page/search/@lang'), 'en', 'default is the page language');
    is(xp($doc, '/page/search/@total'), 0, 'German-only word not found in English');
    ($doc) = $c->get_xml("/kb/search?q=$deonly&lang=all");
    is(xp($doc, '/page/search/@total'), 1, 'found with all languages');
    is(xp($doc, '/page/search/results/result/@lang'), 'de', 'marked as German');
    ($doc) = $c->get_xml("/kb/search?q=Papierstau+$deonly&lang=all");
    is(xp_count($doc, "/page/search/results/result[\@id=$de_art]"), 1, 'an article is listed once');
    ($doc) = $c->get_xml("/kb/search?q=$deonly&lang=xx");
    is(xp($doc, '/page/search/@lang'), 'en', 'unknown language: the page language');
    my $de = reader(undef, lang => 'de');
    ($doc) = $de->get_xml("/kb/search?q=$deonly");
    is(xp($doc, '/page/search/@total'), 1, 'a German page searches German texts');
};

subtest 'category filter includes subcategories' => sub {
    my ($doc) = $c->get_xml("/kb/search?q=$term&category=$top_slug");
    is_deeply([xp_list($doc, '/page/search/results/result/@id')], [$title_art], 'top: the article of its subcategory');
    ($doc) = $c->get_xml("/kb/search?q=$term&category=$sub_slug");
    is_deeply([xp_list($doc, '/page/search/results/result/@id')], [$title_art], 'sub itself');
    ($doc) = $c->get_xml("/kb/search?q=$term&category=no-such-category-here");
    is(xp($doc, '/page/search/@total'), 0, 'unknown category: nothing');
    ($doc) = $c->get_xml("/kb/search?q=$term&category=Bad%20Slug!");
    is(xp($doc, '/page/search/@total'), 2, 'malformed slug is ignored');
    is(xp($doc, '/page/search/@category'), '', 'and not echoed');
};

subtest 'tag filter' => sub {
    my ($doc) = $c->get_xml("/kb/search?q=$term&tag=$ptag");
    is_deeply([xp_list($doc, '/page/search/results/result/@id')], [$title_art], 'only the tagged article');
    ($doc) = $c->get_xml("/kb/search?q=$term&tag=nosuchtag" . word());
    is(xp($doc, '/page/search/@total'), 0, 'unknown tag: nothing');
};

subtest 'paging: 10 a page, total, page 2 reuses the log row' => sub {
    my @ids = map {
        create_article(category => $other, texts => { en => { title => "Item $_ $pageword", body_text => "Text $_" } })
    } 1 .. 13;
    my $before = sql_value('SELECT COUNT(*) FROM kb_searches WHERE query = ' . sql_quote($pageword));
    my ($doc) = $c->get_xml("/kb/search?q=$pageword");
    is(xp($doc, '/page/search/@total'), 13, 'total 13');
    is(xp_count($doc, '/page/search/results/result'), 10, '10 on page 1');
    is(xp($doc, '/page/search/pager/@pages'), 2, '2 pages');
    my $sid = xp($doc, '/page/search/@search-id');
    ok($sid > 0, 'search id');
    my ($doc2) = $c->get_xml("/kb/search?q=$pageword&page=2&s=$sid");
    is(xp_count($doc2, '/page/search/results/result'), 3, '3 on page 2');
    is(xp($doc2, '/page/search/pager/@page'), 2, 'page 2');
    is(xp($doc2, '/page/search/@search-id'), $sid, 'same search id');
    my %seen;
    $seen{$_}++ for xp_list($doc, '//result/@id'), xp_list($doc2, '//result/@id');
    is(scalar(keys %seen), 13, 'every article once over both pages');
    is(sql_value('SELECT COUNT(*) FROM kb_searches WHERE query = ' . sql_quote($pageword)) - $before, 1,
        'logged once');
    like(xp($doc2, '//result[1]/@href'), qr{^/kb/go/\d+\?s=$sid$}, 'links carry the search id');
    my ($doc3) = $c->get_xml("/kb/search?q=$pageword&page=99");
    is(xp($doc3, '/page/search/pager/@page'), 1, 'past the end: page 1');
    my $html = $c->get("/kb/search?q=$pageword")->content;
    like($html, qr{rel="next"[^>]*href="/kb/search\?q=\Q$pageword\E&amp;lang=en&amp;s=\d+&amp;page=2"|href="/kb/search\?q=\Q$pageword\E&amp;lang=en&amp;s=\d+&amp;page=2"[^>]*rel="next"|rel="next" class="btn" href="/kb/search\?q=\Q$pageword\E&amp;lang=en&amp;s=\d+&amp;page=2"}, 'next link keeps the query');
};

subtest 'log: query, source, result count, user' => sub {
    my $u = reader('carl@acme.example');
    my ($doc) = $u->get_xml("/kb/search?q=$term");
    my $sid = xp($doc, '/page/search/@search-id');
    my $row = sql_rows("SELECT source, query, result_count, user_id, org_id, lang FROM kb_searches WHERE id = $sid")->[0];
    my $carl = sql_rows("SELECT id, org_id FROM users WHERE email = 'carl\@acme.example'")->[0];
    is_deeply($row, ['search', $term, 2, $carl->[0], $carl->[1], 'en'], 'row as expected');
    ($doc) = $c->get_xml("/kb/search?q=$term");
    $sid = xp($doc, '/page/search/@search-id');
    is(sql_value("SELECT user_id IS NULL FROM kb_searches WHERE id = $sid"), 1, 'anonymous: no user');
};

subtest 'bounds on q' => sub {
    my $before = sql_value('SELECT COUNT(*) FROM kb_searches');
    my ($doc, $res) = $c->get_xml('/kb/search');
    is($res->code, 200, 'no q: 200');
    is(xp_count($doc, '/page/search/results'), 0, 'just the form');
    ($doc, $res) = $c->get_xml('/kb/search?q=%20%20%20');
    is(xp_count($doc, '/page/search/results'), 0, 'blank q: just the form');
    my $long = 'a' x 201;
    ($doc, $res) = $c->get_xml("/kb/search?q=$long");
    is($res->code, 422, '201 characters: 422');
    is(xp($doc, '/page/messages/message[@field="q"]/@key'), 'kb.search.q.too-long', 'message on q');
    is(xp($doc, '/page/form[@name="search"]/field[@name="q"]'), $long, 'input kept');
    my $html = $c->get("/kb/search?q=$long");
    is($html->code, 422, 'HTML: 422');
    like($html->content, qr/aria-invalid="true"/, 'field marked invalid');
    ($doc, $res) = $c->get_xml('/kb/search?q=' . ('%C3%A4' x 200));
    is($res->code, 200, '200 umlauts (400 bytes): fine');
    ($doc, $res) = $c->get_xml('/kb/search?q=' . ('%C3%A4' x 200) . 'a');
    is($res->code, 422, '201 characters of umlauts: 422');
    ($doc, $res) = $c->get_xml('/kb/search?q=' . ('x' x 180) . '%20%20%20' . ('%20' x 40));
    is($res->code, 200, 'trailing blanks are trimmed before the bound');
    is(sql_value('SELECT COUNT(*) FROM kb_searches') - $before, 2, 'only the valid non-empty searches logged');
};

# The SQL budget (issue 4: at most 4 statements a page, the session's
# included), counted with MariaDB's Com_stmt_execute around one request;
# the smallest of a few tries, so other clients' statements cannot inflate it.
subtest 'at most 4 statements a page' => sub {
    my $u = reader('carl@acme.example');
    for my $c ($u, reader()) {
        cmp_ok(statements_for($c, "/kb/search?q=$term"), '<=', 4, 'search with results');
        cmp_ok(statements_for($c, "/kb/search?q=${term}x"), '<=', 4, 'search without results');
        cmp_ok(statements_for($c, "/kb/search?q=$term&category=$top_slug&tag=$ptag&lang=all"), '<=', 4, 'with filters');
        cmp_ok(statements_for($c, "/kb/suggest?q=$term"), '<=', 4, 'suggest');
        cmp_ok(statements_for($c, "/kb/go/$title_art", 303), '<=', 4, 'go');
    }
    my ($doc) = $u->get_xml("/kb/search?q=$term");
    my $sid = xp($doc, '/page/search/@search-id');
    cmp_ok(statements_for($u, "/kb/go/$title_art?s=$sid", 303), '<=', 4, 'go with a click');
};

END {
    sql('DELETE FROM kb_searches WHERE query IN (' . join(',', map { sql_quote($_) } $term, $deonly, $pageword,
        "Papierstau $deonly", 'ä' x 100, 'x' x 180) . ') OR query LIKE ' . sql_quote("%$term%"));
}

done_testing;
