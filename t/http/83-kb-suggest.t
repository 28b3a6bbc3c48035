# Suggestions for free text (a ticket subject, a question): /kb/suggest?q=
# answers at most 5 best matches for the reader's audience, ranked like the
# search, as XML (?format=xml: <suggestions><suggestion id href title
# summary/>) and as an HTML fragment (a <section>, no page chrome).  Each
# call is logged with source 'suggest'; the links go through /kb/go so an
# opened suggestion is recorded.  Bounds: empty q gives an empty list and
# no log row, over 200 characters is 422.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

sub word { my $w = 'zq'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8; return $w }
my $term = word();
my $cat = create_category(names => { en => 'Suggest' });
my $best = create_article(category => $cat, texts => { en => {
    title => "Printer $term offline", summary => 'When the <printer> says "offline" & more' } });
my @others = map {
    create_article(category => $cat, texts => { en => { title => "Note $_", body_text => "Something about $term number $_." } })
} 1 .. 6;
my $internal = create_article(category => $cat, audience => 'internal', texts => { en => { title => "Internal $term" } });
# Only the made-up term counts: "my" is below the FULLTEXT token size, and a
# common word such as "offline" would also find the demo articles.
my @queries = ("my $term");

my $c = reader('carl@acme.example');

subtest 'XML: at most 5, best first, audience respected' => sub {
    my ($doc, $res) = $c->get_xml("/kb/suggest?q=my+$term");
    is($res->code, 200, 'status 200');
    my @s = $doc->findnodes('/page/suggestions/suggestion');
    is(scalar(@s), 5, 'five suggestions');
    is($s[0]->getAttribute('id'), $best, 'the title match first');
    is($s[0]->getAttribute('title'), "Printer $term offline", 'title attribute');
    is($s[0]->getAttribute('summary'), 'When the <printer> says "offline" & more', 'summary attribute');
    my $sid = xp($doc, '/page/suggestions/@search-id');
    like($s[0]->getAttribute('href'), qr{^/kb/go/$best\?s=$sid$}, 'link through /kb/go');
    ok(!grep({ $_->getAttribute('id') == $internal } @s), 'no internal article');
    my $row = sql_rows("SELECT source, query, result_count FROM kb_searches WHERE id = $sid")->[0];
    is_deeply($row, ['suggest', "my $term", 7], 'logged as suggest with the full count');

    $res = $c->get($s[0]->getAttribute('href'));
    is($res->code, 303, 'opening a suggestion redirects');
    is(location_path($res), "/kb/articles/$best", 'to the article');
    is(sql_value("SELECT clicked_article_id FROM kb_searches WHERE id = $sid"), $best, 'the opened suggestion is recorded');
};

subtest 'HTML fragment' => sub {
    my $res = $c->get("/kb/suggest?q=$term");
    push @queries, $term;
    is($res->code, 200, 'status 200');
    like($res->header('Content-Type'), qr{^text/html}, 'HTML');
    my $html = $res->content;
    like($html, qr{^\s*<section class="kb-suggest"}, 'starts with the section');
    unlike($html, qr{<html|<head|<body|<header|<footer|<!DOCTYPE}i, 'no page chrome');
    like($html, qr{<ul class="kb-suggest-list">}, 'a list');
    is(() = $html =~ /<li>/g, 5, 'five items');
    like($html, qr{&lt;printer&gt; says "offline" &amp; more|&lt;printer&gt; says &quot;offline&quot; &amp; more}, 'summary escaped');
    like($html, qr{href="/kb/go/$best\?s=\d+"}, 'links through /kb/go');
    my $de = reader(undef, lang => 'de');
    like($de->get("/kb/suggest?q=$term")->content, qr/Diese Artikel/, 'German heading');
};

subtest 'anonymous: public only' => sub {
    my $a = reader();
    my ($doc) = $a->get_xml("/kb/suggest?q=Internal+$term");
    push @queries, "Internal $term";
    ok(!grep({ $_ == $internal } xp_list($doc, '//suggestion/@id')), 'internal not suggested');
    my $sid = xp($doc, '/page/suggestions/@search-id');
    is(sql_value("SELECT user_id IS NULL FROM kb_searches WHERE id = $sid"), 1, 'logged without a user');
};

subtest 'bounds' => sub {
    my $before = sql_value("SELECT COUNT(*) FROM kb_searches WHERE source = 'suggest'");
    my ($doc, $res) = $c->get_xml('/kb/suggest?q=');
    is($res->code, 200, 'empty q: 200');
    is(xp_count($doc, '//suggestion'), 0, 'empty list');
    $res = $c->get('/kb/suggest');
    is($res->code, 200, 'no q, HTML: 200');
    unlike($res->content, qr/<li>/, 'no items');
    ($doc, $res) = $c->get_xml('/kb/suggest?q=' . ('b' x 201));
    is($res->code, 422, 'over 200 characters: 422');
    is(xp($doc, '/page/messages/message[@field="q"]/@key'), 'kb.search.q.too-long', 'message on q');
    $res = $c->get('/kb/suggest?q=' . ('b' x 201));
    is($res->code, 422, 'HTML: 422');
    like($res->content, qr/role="alert"/, 'the fragment says why');
    like($res->decoded_content, qr/200 characters/, 'and the limit');
    is(sql_value("SELECT COUNT(*) FROM kb_searches WHERE source = 'suggest'") - $before, 0, 'nothing logged');
};

END {
    sql('DELETE FROM kb_searches WHERE query IN (' . join(',', map { sql_quote($_) } @queries) . ')');
}

done_testing;
