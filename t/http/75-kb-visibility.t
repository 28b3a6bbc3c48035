# Who reads what in the knowledge base: anonymous visitors see public
# articles only; a customer (carl) public + customer; a partner (paula)
# public + partner; agent, editor and admin (kb.read.internal) all four.
# Direct addresses of articles or categories one may not see answer 404,
# exactly like missing ones; unpublished articles (draft, review,
# archived) answer 404 to everybody, editors included. Lists and counts
# (home, category) show the same visible set.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

my @AUD = qw(public customer partner internal);
my %SEES = (
    anonymous                  => [qw(public)],
    'carl@acme.example'        => [qw(public customer)],
    'paula@northwind.example'  => [qw(public partner)],
    'agent@portico.example'    => [qw(public customer partner internal)],
    'editor@portico.example'   => [qw(public customer partner internal)],
    'admin@portico.example'    => [qw(public customer partner internal)],
);

# A public top-level category with one published article per audience and
# one unpublished public article per other status; a subcategory per
# audience with one public article each.
my $top = create_category(names => { en => 'Visibility top' });
my $top_slug = sql_value("SELECT slug FROM kb_categories WHERE id = $top");
my (%art, %unpub, %subcat, %subslug, %subart);
for my $aud (@AUD) {
    $art{$aud} = create_article(category => $top, audience => $aud,
        texts => { en => { title => "Visible to $aud", summary => "for $aud" } });
}
for my $st (qw(draft review archived)) {
    $unpub{$st} = create_article(category => $top, audience => 'public', status => $st,
        texts => { en => { title => "Status $st" } });
}
for my $aud (@AUD) {
    $subcat{$aud} = create_category(parent => $top, audience => $aud, names => { en => "Sub $aud" });
    $subslug{$aud} = sql_value("SELECT slug FROM kb_categories WHERE id = $subcat{$aud}");
    $subart{$aud} = create_article(category => $subcat{$aud}, audience => 'public',
        texts => { en => { title => "Public in sub $aud" } });
}
# A public category below an internal one is hidden with its parent.
my $deep = create_category(parent => $subcat{internal}, audience => 'public', names => { en => 'Deep' });
my $deep_slug = sql_value("SELECT slug FROM kb_categories WHERE id = $deep");

my $missing = 1 + sql_value('SELECT COALESCE(MAX(id), 0) FROM kb_articles');

for my $who (sort keys %SEES) {
    subtest $who => sub {
        my %may = map { $_ => 1 } @{ $SEES{$who} };
        my $c = reader($who eq 'anonymous' ? undef : $who);

        for my $aud (@AUD) {
            my ($doc, $res) = $c->get_xml("/kb/articles/$art{$aud}");
            if ($may{$aud}) {
                is($res->code, 200, "$aud article opens");
                is(xp($doc, '/page/article/@id'), $art{$aud}, "$aud article is the one asked for");
                is(xp($doc, '/page/article/@audience'), $aud, "audience $aud in the XML");
            } else {
                is($res->code, 404, "$aud article answers 404");
                is(xp($doc, '/page/@view'), 'not-found', 'the not-found page');
                is(xp_count($doc, '/page/article'), 0, 'nothing of the article');
                unlike($res->content, qr/Visible to $aud/, 'title not leaked');
            }
        }
        for my $st (sort keys %unpub) {
            my $res = $c->get("/kb/articles/$unpub{$st}");
            is($res->code, 404, "$st article answers 404");
            unlike($res->content, qr/Status $st/, "$st title not leaked");
        }
        # Invisible and missing look the same (status and view).
        my ($mdoc, $mres) = $c->get_xml("/kb/articles/$missing");
        is($mres->code, 404, 'missing article 404');
        is(xp($mdoc, '/page/@view'), 'not-found', 'missing: not-found page');

        # The category page lists exactly the visible published articles.
        my ($cdoc, $cres) = $c->get_xml("/kb/categories/$top_slug");
        is($cres->code, 200, 'public category opens');
        my @ids = sort { $a <=> $b } map { 0 + $_ } xp_list($cdoc, '/page/kb-category/articles/article/@id');
        is_deeply(\@ids, [sort { $a <=> $b } map { $art{$_} } @{ $SEES{$who} }], 'category lists the visible articles');
        is(xp($cdoc, '/page/kb-category/pager/@total'), scalar @{ $SEES{$who} }, 'pager total counts them');
        my @subs = sort(xp_list($cdoc, '/page/kb-category/subcategories/category/name'));
        is_deeply(\@subs, [sort map { "Sub $_" } @{ $SEES{$who} }], 'subcategories of visible audiences only');

        # Subcategories: their own audience decides; children of a hidden one are hidden.
        for my $aud (@AUD) {
            my $res = $c->get("/kb/categories/$subslug{$aud}");
            is($res->code, $may{$aud} ? 200 : 404, "category of audience $aud: " . ($may{$aud} ? 200 : 404));
            unlike($res->content, qr/Sub $aud/, "name of sub $aud not leaked") unless $may{$aud};
        }
        is($c->get("/kb/categories/$deep_slug")->code, $may{internal} ? 200 : 404,
            'a public category below an internal one follows its parent');

        # Home: the count of the test category covers visible articles in visible subcategories.
        my ($hdoc, $hres) = $c->get_xml('/kb/');
        is($hres->code, 200, 'home opens');
        is(xp($hdoc, "/page/kb-home/categories/category[\@id='$top']/\@articles"),
            2 * scalar @{ $SEES{$who} }, 'home counts visible articles in the tree');
        for my $aud (@AUD) {
            my $listed = xp_count($hdoc, "/page/kb-home/*/article[\@id='$art{$aud}']") > 0;
            ok(!$listed, "$aud article not in popular/recent lists") unless $may{$aud};
        }
        for my $st (sort keys %unpub) {
            is(xp_count($hdoc, "/page/kb-home/*/article[\@id='$unpub{$st}']"), 0, "$st article never listed");
        }
    };
}

# A top-level category of a restricted audience is not on the home page for others.
my $cust_top = create_category(audience => 'customer', names => { en => 'Customers only top' });
{
    my $anon = reader();
    my $doc = $anon->get_xml('/kb/');
    is(xp_count($doc, "/page/kb-home/categories/category[\@id='$cust_top']"), 0,
        'anonymous: customer top category not on home');
    my $carl = reader('carl@acme.example');
    $doc = $carl->get_xml('/kb/');
    is(xp_count($doc, "/page/kb-home/categories/category[\@id='$cust_top']"), 1,
        'carl: customer top category on home');
    my $paula = reader('paula@northwind.example');
    $doc = $paula->get_xml('/kb/');
    is(xp_count($doc, "/page/kb-home/categories/category[\@id='$cust_top']"), 0,
        'paula: customer top category not on home');
}

cleanup();
done_testing();
