# Search and suggestions show only what the reader may read: anonymous
# visitors public articles, a customer public + customer, a partner public
# + partner, agents and editors all four audiences; never drafts, articles
# in review or archived ones.  The total counts only what is shown, and a
# spelling suggestion never comes from an article the reader may not see.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

sub word { my $w = 'zq'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8; return $w }
my $term = word();
my %secret = map { $_ => word() } qw(customer partner internal);
my @typos;

my @AUD = qw(public customer partner internal);
my %SEES = (
    anonymous                 => [qw(public)],
    'carl@acme.example'       => [qw(public customer)],
    'paula@northwind.example' => [qw(public partner)],
    'agent@portico.example'   => [qw(public customer partner internal)],
    'editor@portico.example'  => [qw(public customer partner internal)],
);

my $cat = create_category(names => { en => 'Visibility search' });
my %art;
for my $aud (@AUD) {
    $art{$aud} = create_article(category => $cat, audience => $aud, texts => { en => {
        title => "Guide for $aud $term" . ($secret{$aud} ? " $secret{$aud}" : ''),
        body_text => "Body of the $aud guide about $term." } });
}
my %unpub = map {
    $_ => create_article(category => $cat, audience => 'public', status => $_,
        texts => { en => { title => "Status $_ $term" } })
} qw(draft review archived);

for my $who (sort keys %SEES) {
    subtest "search as $who" => sub {
        my $c = reader($who eq 'anonymous' ? undef : $who);
        my ($doc, $res) = $c->get_xml("/kb/search?q=$term");
        is($res->code, 200, 'status 200');
        my @want = sort { $a <=> $b } map { $art{$_} } @{ $SEES{$who} };
        my @got = sort { $a <=> $b } xp_list($doc, '/page/search/results/result/@id');
        is_deeply(\@got, \@want, 'exactly the visible articles');
        is(xp($doc, '/page/search/@total'), scalar(@want), 'honest total');
        my $sid = xp($doc, '/page/search/@search-id');
        is(sql_value("SELECT result_count FROM kb_searches WHERE id = $sid"), scalar(@want), 'logged count honest');

        ($doc) = $c->get_xml("/kb/suggest?q=$term");
        @got = sort { $a <=> $b } xp_list($doc, '/page/suggestions/suggestion/@id');
        is_deeply(\@got, \@want, 'suggestions: the same set');

        my %sees = map { $_ => 1 } @{ $SEES{$who} };
        for my $aud (grep { $secret{$_} } @AUD) {
            my $typo = $secret{$aud};
            substr($typo, 4, 1) = substr($typo, 4, 1) eq 'x' ? 'y' : 'x';
            push @typos, $typo;
            ($doc) = $c->get_xml("/kb/search?q=$typo");
            if ($sees{$aud}) {
                is(xp($doc, '//did-you-mean/@q'), $secret{$aud}, "$aud title word suggested");
            } else {
                is(xp_count($doc, '//did-you-mean'), 0, "$aud title word not suggested");
            }
        }
    };
}

subtest 'unpublished never found, not even by editors' => sub {
    my $c = reader('editor@portico.example');
    my ($doc) = $c->get_xml("/kb/search?q=Status+$term");
    my %ids = map { $_ => 1 } xp_list($doc, '//result/@id');
    ok(!$ids{ $unpub{$_} }, "$_ not found") for sort keys %unpub;
};

subtest 'go: an article one may not see is 404' => sub {
    my $c = reader('carl@acme.example');
    my ($doc) = $c->get_xml("/kb/search?q=$term");
    my $sid = xp($doc, '/page/search/@search-id');
    for my $aud (qw(partner internal)) {
        my $res = $c->get("/kb/go/$art{$aud}?s=$sid");
        is($res->code, 404, "$aud article: 404");
        ok(!defined $res->header('Location'), 'no redirect');
    }
    is($c->get("/kb/go/$unpub{draft}?s=$sid")->code, 404, 'draft: 404');
    is(sql_value("SELECT clicked_article_id IS NULL FROM kb_searches WHERE id = $sid"), 1, 'no click recorded');
};

subtest 'a category the reader may not see filters like an unknown one' => sub {
    my $hidden = create_category(audience => 'internal', names => { en => 'Hidden shelf' });
    my $in = create_article(category => $hidden, audience => 'public', texts => { en => {
        title => "Shelved $term", body_text => "Shelved guide about $term." } });
    my $slug = sql_value("SELECT slug FROM kb_categories WHERE id = $hidden");
    for my $who ('anonymous', 'carl@acme.example') {
        my $c = reader($who eq 'anonymous' ? undef : $who);
        my ($doc, $res) = $c->get_xml("/kb/search?q=$term&category=$slug");
        is($res->code, 200, "$who: status 200");
        is(xp($doc, '/page/search/@total'), 0, "$who: nothing found, as for an unknown category");
        ($doc) = $c->get_xml("/kb/search?q=$term&category=no-such-category-$term");
        is(xp($doc, '/page/search/@total'), 0, "$who: an unknown category finds nothing either");
        ($doc) = $c->get_xml("/kb/search?q=Shelved+$term");
        ok((grep { $_ == $in } xp_list($doc, '/page/search/results/result/@id')),
            "$who: without the filter the shelved public article is found");
    }
    my ($doc) = reader('agent@portico.example')->get_xml("/kb/search?q=$term&category=$slug");
    is_deeply([xp_list($doc, '/page/search/results/result/@id')], [$in], 'staff: the filter applies');
};

END {
    sql('DELETE FROM kb_searches WHERE query LIKE ' . sql_quote("%$term%")
        . (@typos ? ' OR query IN (' . join(',', map { sql_quote($_) } @typos) . ')' : ''));
}

done_testing;
