# The search cache (cgi-bin-src/kb/search-cache.c): a search made again is
# answered from the ranking a process remembered, with the texts fetched
# again in one statement (the anonymous HTML page, kept by the page cache,
# costs only its log row); what readers may no longer see is never shown,
# and a new or edited article shows at once.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

sub word { my $w = 'zq'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8; return $w }
my $term = word();

my $cat = create_category(names => { en => 'Search cache' });
my $first = create_article(category => $cat, texts => { en => {
    title => "Calibrating the $term", body_text => "Calibrate the $term every month." } });
my $second = create_article(category => $cat, texts => { en => {
    title => 'Cleaning notes', body_text => "Wipe the $term with a dry cloth." } });

my $c = reader();
my $r = '/page/search/results/result';

sub found {
    my ($doc, $res) = $c->get_xml("/kb/search?q=$term");
    is($res->code, 200, 'search answers 200');
    return ([xp_list($doc, "$r/\@id")], xp($doc, '/page/search/@total'), $doc);
}

subtest 'a search made again comes from the remembered ranking' => sub {
    my ($ids, $total) = found();
    is_deeply($ids, [$first, $second], 'ranked: title match first');
    is($total, 2, 'total');
    # Both processes have ranked it after a few tries; then a search costs
    # the fetch of the page's texts and the log row, nothing else.
    is(statements_for($c, "/kb/search?q=$term&format=xml"), 2, 'made again: 2 statements (texts, log)');
    # The HTML page an anonymous visitor saw is kept whole (pagecache.c): the log row only.
    is(statements_for($c, "/kb/search?q=$term"), 1, 'the kept page made again: 1 statement (log)');
    my ($again, $total2, $doc) = found();
    is_deeply($again, $ids, 'the same results');
    is($total2, 2, 'the same total');
    is(xp($doc, "$r\[1]/title"), "Calibrating the $term", 'titles fetched');
    like(xp($doc, "string($r\[2]/snippet)"), qr/dry cloth/, 'snippets made from the fetched text');
    my $logged = sql_value('SELECT COUNT(*) FROM kb_searches WHERE query = ' . sql_quote($term));
    cmp_ok($logged, '>=', 8, 'every search is logged, remembered or not');
};

subtest 'an article hidden since is not shown' => sub {
    # No updated_at: the knowledge base's stamp does not move, only the
    # audience check of the fetch can notice.
    sql("UPDATE kb_articles SET audience = 'internal' WHERE id = $second");
    my ($ids, $total) = found();
    is_deeply($ids, [$first], 'the internal article is gone for an anonymous reader');
    is($total, 1, 'and the total says so');
    my ($agent_doc) = reader('agent@portico.example')->get_xml("/kb/search?q=$term");
    is_deeply([xp_list($agent_doc, "$r/\@id")], [$first, $second], 'an agent still finds both');
    sql("UPDATE kb_articles SET audience = 'public', updated_at = UTC_TIMESTAMP(6) WHERE id = $second");
    ($ids) = found();
    is_deeply($ids, [$first, $second], 'public again (saved): found again');
};

subtest 'a new article shows at once' => sub {
    found() for 1 .. 4;
    my $third = create_article(category => $cat, texts => { en => {
        title => "The $term in depth", body_text => "All about the $term." } });
    my ($ids, $total) = found();
    is($total, 3, 'the total counts it');
    ok((grep { $_ == $third } @$ids), 'the new article is among the results');
};

subtest 'an edited text shows at once' => sub {
    found() for 1 .. 4;
    sql("UPDATE kb_article_texts SET title = 'Cleaning the $term, revised', updated_at = UTC_TIMESTAMP(6)"
        . " WHERE article_id = $second AND lang = 'en'");
    my (undef, undef, $doc) = found();
    is(xp($doc, "$r\[\@id = $second]/title"), "Cleaning the $term, revised", 'the new title');
};

subtest 'an archived article leaves the results' => sub {
    found() for 1 .. 4;
    sql("UPDATE kb_articles SET status = 'archived' WHERE id = $first");
    my ($ids) = found();
    ok(!(grep { $_ == $first } @$ids), 'archived: not found, although the ranking had it');
};

END {
    sql('DELETE FROM kb_searches WHERE query = ' . sql_quote($term)) if $term;
}
cleanup();
done_testing();
