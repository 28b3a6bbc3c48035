# When a search finds nothing: "Did you mean ...?" for a typo of a title
# word (edit distance up to 2, from the title words of published articles),
# the categories whose names match, and the hint to contact support.  And
# the click log: /kb/go/<id>?s=<search id> records the first article opened
# from one's own search and always redirects to /kb/articles/<id>; a foreign,
# unknown or malformed search id, or an unknown article, is 404 and never a
# redirect.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

sub word { my $w = 'zq'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8; return $w }
my ($known, $catword, $clickword) = map { word() } 1 .. 3;
$known = word() while substr($known, 6, 1) eq substr($known, 7, 1);    # so a transposition changes it
# Each letter one further in the alphabet: a different letter for sure.
sub shift_letters { my ($s) = @_; $s =~ tr/a-z/b-za/; return $s }
my $typo1 = $known;
substr($typo1, 5, 1) = shift_letters(substr($known, 5, 1));                                 # one substitution
(my $typo2 = $known) =~ s/^(.{6})(.)(.)/$1$3$2/;                                          # a transposition: distance 2
my $cat = create_category(names => { en => ucfirst($catword) . ' Devices', de => ucfirst($catword) . ' Geräte' });
my $cat_slug = sql_value("SELECT slug FROM kb_categories WHERE id = $cat");
my $art = create_article(category => $cat, texts => { en => {
    title => "Calibrating the " . ucfirst($known), body_text => 'Turn the knob.' } });
my $click_art = create_article(category => $cat, texts => { en => { title => "Opening $clickword" } });
my $click_art2 = create_article(category => $cat, texts => { en => { title => "Closing $clickword" } });
my $hidden = create_article(category => $cat, audience => 'internal', texts => { en => { title => "Internal $clickword" } });
my @queries;

my $c = reader();

subtest 'did you mean: one letter off' => sub {
    push @queries, "the $typo1";
    my ($doc, $res) = $c->get_xml("/kb/search?q=the+$typo1");
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/search/@total'), 0, 'nothing found');
    is(xp($doc, '/page/search/nothing/did-you-mean/@q'), "the $known", 'suggestion keeps the other words');
    my $html = $c->get("/kb/search?q=the+$typo1")->content;
    like($html, qr{Did you mean <a href="/kb/search\?q=the%20\Q$known\E&amp;lang=en[^"]*">the \Q$known\E</a>\?}, 'shown as a link');
    like($html, qr/Contact our support team/, 'support hint');
    push @queries, "the $known";
    ($doc) = $c->get_xml("/kb/search?q=the+$known");
    is(xp($doc, '/page/search/results/result/@id'), $art, 'the suggestion finds the article');
};

subtest 'did you mean: two edits' => sub {
    push @queries, $typo2;
    my ($doc) = $c->get_xml("/kb/search?q=$typo2");
    is(xp($doc, '//did-you-mean/@q'), $known, 'transposition corrected');
    my $far = $known;
    substr($far, 2, 3) = shift_letters(substr($far, 2, 3));
    push @queries, $far;
    ($doc) = $c->get_xml("/kb/search?q=$far");
    is(xp_count($doc, '//did-you-mean'), 0, 'three edits: no suggestion');
};

subtest 'matching categories' => sub {
    my $nonce = word();    # a common word like "broken" would find the demo articles
    push @queries, "$catword $nonce";
    my ($doc) = $c->get_xml("/kb/search?q=$catword+$nonce");
    is(xp($doc, '/page/search/@total'), 0, 'nothing found');
    is(xp($doc, "/page/search/nothing/category[\@slug='$cat_slug']/\@href"), "/kb/categories/$cat_slug", 'category offered');
    is(xp($doc, "/page/search/nothing/category[\@slug='$cat_slug']"), ucfirst($catword) . ' Devices', 'by its name');
};

subtest 'categories one may not see are never offered' => sub {
    my $hidword = word();
    my $itop = create_category(audience => 'internal', names => { en => ucfirst($hidword) . ' Internal' });
    my $ichild = create_category(parent => $itop, audience => 'public', names => { en => ucfirst($hidword) . ' Below' });
    my ($top_slug, $child_slug) = map { sql_value("SELECT slug FROM kb_categories WHERE id = $_") } $itop, $ichild;
    # An article makes the vocabulary reload, so the new categories are known.
    create_article(category => $cat, texts => { en => { title => 'Reload ' . word() } });
    my $nonce = word();
    push @queries, "$hidword $nonce";
    my ($doc) = $c->get_xml("/kb/search?q=$hidword+$nonce");
    is(xp_count($doc, '//nothing/category'), 0, 'anonymous: neither the internal one nor its public child');
    my $agent = reader('agent@portico.example');
    ($doc) = $agent->get_xml("/kb/search?q=$hidword+$nonce");
    is_deeply([sort(xp_list($doc, '//nothing/category/@slug'))], [sort($top_slug, $child_slug)], 'agent: both');
};

subtest 'click: recorded once, redirect to the article' => sub {
    push @queries, $clickword;
    my ($doc) = $c->get_xml("/kb/search?q=$clickword");
    my $sid = xp($doc, '/page/search/@search-id');
    my $href = xp($doc, "//result[\@id=$click_art]/\@href");
    is($href, "/kb/go/$click_art?s=$sid", 'link through /kb/go');
    my $res = $c->get($href);
    is($res->code, 303, 'answered 303');
    is(location_path($res), "/kb/articles/$click_art", 'to the article');
    my $row = sql_rows("SELECT clicked_article_id, clicked_at IS NOT NULL FROM kb_searches WHERE id = $sid")->[0];
    is_deeply($row, [$click_art, 1], 'click recorded');
    $res = $c->get("/kb/go/$click_art2?s=$sid");
    is($res->code, 303, 'second click still redirects');
    is(location_path($res), "/kb/articles/$click_art2", 'to its article');
    is(sql_value("SELECT clicked_article_id FROM kb_searches WHERE id = $sid"), $click_art, 'the first click is kept');
    $res = $c->get("/kb/go/$click_art");
    is($res->code, 303, 'without a search id: just the redirect');
};

subtest 'go: bad ids are 404, never a redirect elsewhere' => sub {
    my $carl = reader('carl@acme.example');
    my ($doc) = $carl->get_xml("/kb/search?q=$clickword");
    my $carl_sid = xp($doc, '/page/search/@search-id');
    my ($adoc) = $c->get_xml("/kb/search?q=$clickword");
    my $anon_sid = xp($adoc, '/page/search/@search-id');
    # Ids are handed out in blocks (search-log.c): one never handed out lies past next_id.
    my $max = sql_value('SELECT next_id FROM kb_search_ids WHERE one = 1');
    my $maxart = sql_value('SELECT MAX(id) FROM kb_articles');
    my @cases = (
        ["another user's search", $c, "/kb/go/$click_art?s=$carl_sid"],
        ["an anonymous search, signed in", $carl, "/kb/go/$click_art?s=$anon_sid"],
        ['unknown search id', $c, "/kb/go/$click_art?s=" . ($max + 1000)],
        ['malformed search id', $c, "/kb/go/$click_art?s=1x"],
        ['search id zero', $c, "/kb/go/$click_art?s=0"],
        ['an off-site target in s', $c, "/kb/go/$click_art?s=https://evil.example/"],
        ['unknown article', $c, '/kb/go/' . ($maxart + 1000) . "?s=$anon_sid"],
        ['internal article, anonymous', $c, "/kb/go/$hidden?s=$anon_sid"],
        ['article id zero', $c, "/kb/go/0?s=$anon_sid"],
    );
    for my $case (@cases) {
        my ($what, $client, $path) = @$case;
        my $res = $client->get($path);
        is($res->code, 404, "$what: 404");
        ok(!defined $res->header('Location'), "$what: no Location");
    }
    is($c->get("/kb/go/$click_art/../../evil")->code, 404, 'extra path: 404');
    is(sql_value("SELECT COUNT(*) FROM kb_searches WHERE id IN ($carl_sid, $anon_sid) AND clicked_article_id IS NOT NULL"),
        0, 'nothing recorded');
    my $res = $carl->get("/kb/go/$click_art?s=$carl_sid");
    is($res->code, 303, 'own search: 303');
    is(sql_value("SELECT clicked_article_id FROM kb_searches WHERE id = $carl_sid"), $click_art, 'recorded');
};

END {
    sql('DELETE FROM kb_searches WHERE query IN (' . join(',', map { sql_quote($_) } @queries) . ')') if @queries;
}

done_testing;
