# Links a reader cannot follow are text, and a category a reader may not
# open keeps its name to itself.
#
# A public article links in its body to a public, a customer, a partner,
# an internal, a draft and a missing article (also with a query, a
# fragment and the site's absolute address); its related list names the
# same articles; a public FAQ answer links to some of them.  For each
# reader (anonymous, paula the partner, carl the customer, the agent) the
# links to what the reader may open stay links, the rest show their text
# as a <span>, in the page XML and in the HTML, and the related list leaves
# them out.  The article page stays within its statement budget.
#
# A public article in an internal category shows "Knowledge base" as its
# only breadcrumb and no category, in search results too; the category's
# name appears on no page a non-staff reader sees, and does for the agent.
#
# Last, a crawl of every knowledge-base page each reader reaches (home,
# FAQ, categories, articles, a search) finds no link to an article that
# answers 404 for that reader.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::KB;

sub word { my $w = 'zq'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8; return $w }

# The site's own address, as the sanitiser lets editors write it.
my ($base) = do {
    open(my $fh, '<', conf_file()) or die "conf: $!";
    map { /^\s*base_url\s*=\s*(\S+)/ ? $1 : () } <$fh>;
};
$base =~ s{/+\z}{};

my $cat = create_category(names => { en => 'Link targets' });
my %target = map {
    my ($aud, $status) = @$_;
    ("$aud-$status" => create_article(category => $cat, audience => $aud, status => $status,
        texts => { en => { title => "Target $aud $status" } }))
} ([public => 'published'], [customer => 'published'], [partner => 'published'],
    [internal => 'published'], [public => 'draft']);
my $missing = 1 + sql_value('SELECT COALESCE(MAX(id), 0) FROM kb_articles') + 1000;
my ($pub, $cust, $part, $int, $draft) = @target{qw(public-published customer-published
    partner-published internal-published public-draft)};

# Each link's text, and the article it points to (undef: none there).
my @LINKS = (
    [ 'public words',        "/kb/articles/$pub",            $pub ],
    [ 'customer words',      "/kb/articles/$cust",           $cust ],
    [ 'partner words',       "/kb/articles/$part",           $part ],
    [ 'internal words',      "/kb/articles/$int",            $int ],
    [ 'draft words',         "/kb/articles/$draft",          $draft ],
    [ 'missing words',       "/kb/articles/$missing",        $missing ],
    [ 'customer anchor',     "/kb/articles/$cust?x=1#part",  $cust ],
    [ 'internal absolute',   "$base/kb/articles/$int",       $int ],
    [ 'public absolute',     "$base/kb/articles/$pub#top",   $pub ],
    [ 'not an id',           '/kb/articles/x1',              undef ],
);
my $body = '<p>Read ' . join(', ', map { qq{<a href="$_->[1]">$_->[0]</a>} } @LINKS)
    . ', <a href="/kb/faq">the FAQ words</a> and <a href="https://example.org/">outside words</a>.</p>'
    . qq{<ul><li><strong>Nested <a href="/kb/articles/$int" title="a title">internal nested</a></strong></li></ul>};
my $src = create_article(category => $cat, audience => 'public',
    related => [ $cust, $int, $pub, $part, $draft ],
    texts => { en => { title => 'The linking article', body => $body } });
push @LINKS, [ 'internal nested', "/kb/articles/$int", $int ];

my $topic = create_faq_topic(names => { en => 'Link topic' });
my $faq = create_faq(topic => $topic, texts => { en => { question => 'Where does it link?',
    answer => qq{<p>See <a href="/kb/articles/$pub">faq public</a>, <a href="/kb/articles/$cust">faq customer</a>,}
        . qq{ <a href="/kb/articles/$part">faq partner</a> and <a href="/kb/articles/$int">faq internal</a>.</p>} } });
my %FAQ_LINKS = ('faq public' => $pub, 'faq customer' => $cust, 'faq partner' => $part,
    'faq internal' => $int);

# An internal category with a public article in it.
my $secret_name = 'Backroom shelf ' . word();
my $term = word();
my $intcat = create_category(audience => 'internal', names => { en => $secret_name });
my $intslug = sql_value("SELECT slug FROM kb_categories WHERE id = $intcat");
my $hidden = create_article(category => $intcat, audience => 'public',
    texts => { en => { title => "Public but shelved $term", body_text => "About $term." } });
forget_kept_pages();

my %READERS = (
    anonymous                 => { may => [$pub],                   staff => 0 },
    'paula@northwind.example' => { may => [$pub, $part],            staff => 0 },
    'carl@acme.example'       => { may => [$pub, $cust],            staff => 0 },
    'agent@portico.example'   => { may => [$pub, $cust, $part, $int], staff => 1 },
);

sub html_dom {
    my ($html) = @_;
    return XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
}

for my $who (sort keys %READERS) {
    my %may = map { $_ => 1 } @{ $READERS{$who}{may} };
    my $staff = $READERS{$who}{staff};
    my $c = reader($who eq 'anonymous' ? undef : $who);

    subtest "$who: links in an article" => sub {
        my ($doc, $res) = $c->get_xml("/kb/articles/$src");
        is($res->code, 200, 'the article opens');
        my $b = '/page/article/body';
        for my $l (@LINKS) {
            my ($text, $href, $id) = @$l;
            my $q = "\"$text\"";
            if (defined $id && $may{$id}) {
                is(xp_count($doc, "$b//a[. = $q]"), 1, "'$text' is a link");
                is(xp($doc, "$b//a[. = $q]/\@href"), $href, "'$text' keeps its address");
                is(xp_count($doc, "$b//span[. = $q]"), 0, "'$text' is no span");
            } else {
                is(xp_count($doc, "$b//a[. = $q]"), 0, "'$text' is no link");
                is(xp_count($doc, "$b//span[. = $q]"), 1, "'$text' is text in a span");
                is(xp_count($doc, "$b//span[. = $q]/\@href"), 0, "'$text' has no href left");
            }
        }
        is(xp_count($doc, "$b//a[. = 'the FAQ words']"), 1, 'a link elsewhere on the site stays');
        is(xp_count($doc, "$b//a[. = 'outside words']"), 1, 'an outside link stays');
        my $nested = $may{$int} ? 'a' : 'span';
        is(xp($doc, "$b/ul/li/strong/${nested}[. = 'internal nested']/\@title"), 'a title',
            'a nested link: settled in place, its title kept');
        like(xp($doc, "$b/p"), qr/^Read public words, customer words, partner words, internal words,/,
            'the sentence reads the same');

        my @want = grep { $may{$_} } ($cust, $int, $pub, $part);
        is_deeply([ xp_list($doc, '/page/article/related/ref/@id') ], \@want,
            'related: only what the reader may open, in order');

        my $dom = html_dom($c->get("/kb/articles/$src")->decoded_content);
        my ($kb) = $dom->findnodes('//*[contains(concat(" ", @class, " "), " kb-body ")]');
        ok($kb, 'the HTML has the body');
        my %html_links = map { $_->textContent => $_->getAttribute('href') } $kb ? $kb->findnodes('.//a') : ();
        my %html_spans = map { $_->textContent => 1 } $kb ? $kb->findnodes('.//span') : ();
        for my $l (@LINKS) {
            my ($text, $href, $id) = @$l;
            if (defined $id && $may{$id}) {
                is($html_links{$text}, $href, "HTML: '$text' links to $href");
            } else {
                ok(!exists $html_links{$text} && $html_spans{$text}, "HTML: '$text' is plain text");
            }
        }
        my @related = map { $_->getAttribute('href') }
            $dom->findnodes('//*[contains(@class, "kb-related")]//a');
        is_deeply(\@related, [ map { "/kb/articles/$_" } @want ], 'HTML: related links');
    };

    subtest "$who: links in an FAQ answer" => sub {
        my ($doc, $res) = $c->get_xml('/kb/faq');
        is($res->code, 200, 'the FAQ opens');
        my $e = "/page/faq/topic/entry[\@id='$faq']/answer";
        for my $text (sort keys %FAQ_LINKS) {
            my $id = $FAQ_LINKS{$text};
            if ($may{$id}) {
                is(xp($doc, "$e//a[. = '$text']/\@href"), "/kb/articles/$id", "'$text' is a link");
            } else {
                is(xp_count($doc, "$e//a[. = '$text']"), 0, "'$text' is no link");
                is(xp_count($doc, "$e//span[. = '$text']"), 1, "'$text' is text");
            }
        }
        my $html = $c->get('/kb/faq')->decoded_content;
        for my $text (sort keys %FAQ_LINKS) {
            my $id = $FAQ_LINKS{$text};
            if ($may{$id}) {
                like($html, qr{<a href="/kb/articles/$id">\Q$text\E</a>}, "HTML: '$text' is a link");
            } else {
                like($html, qr{<span>\Q$text\E</span>}, "HTML: '$text' is text");
            }
        }
    };

    subtest "$who: the internal category's name" => sub {
        my ($doc, $res) = $c->get_xml("/kb/articles/$hidden");
        is($res->code, 200, 'the public article in it opens');
        my @crumbs = xp_list($doc, '/page/article/breadcrumbs/crumb');
        my %pages = (
            'the article' => "/kb/articles/$hidden",
            'the kb home' => '/kb/',
            'the FAQ' => '/kb/faq',
            'a search' => "/kb/search?q=$term",
            'a search in that category' => "/kb/search?q=$term&category=$intslug",
        );
        my ($sdoc) = $c->get_xml("/kb/search?q=$term");
        is_deeply([ xp_list($sdoc, '/page/search/results/result/@id') ], [$hidden], 'search finds it');
        if ($staff) {
            is(scalar @crumbs, 2, 'breadcrumbs: the knowledge base and the category');
            is($crumbs[1], $secret_name, 'the category crumb');
            is(xp($doc, '/page/article/category'), $secret_name, 'the category label');
            is(xp($sdoc, "/page/search/results/result[\@id='$hidden']/category"), $secret_name,
                'search result: the category');
            is(xp_count($sdoc, "/page/search/categories/category[. = '$secret_name']"), 1,
                'search filter: the category');
            for my $what ('the article', 'a search') {
                like($c->get($pages{$what})->decoded_content, qr/\Q$secret_name\E/, "$what (HTML) shows the name");
            }
        } else {
            is(scalar @crumbs, 1, 'breadcrumbs: the knowledge base alone');
            is($crumbs[0], 'Knowledge base', '... "Knowledge base"');
            is(xp_count($doc, '/page/article/category'), 0, 'no category label');
            is(xp_count($sdoc, "/page/search/results/result[\@id='$hidden']/category"), 0,
                'search result: no category');
            is(xp_count($sdoc, "/page/search/categories/category[\@slug='$intslug']"), 0,
                'search filter: not offered');
            is(xp_count($sdoc, "/page/search/nothing/category[\@slug='$intslug']"), 0,
                'search help: not offered');
            for my $what (sort keys %pages) {
                my $path = $pages{$what};
                my $res = $c->get($path);
                unlike($res->decoded_content, qr/\Q$secret_name\E/, "$what (HTML): not named");
                my ($x) = $c->get_xml($path);
                unlike($x ? $x->toString : '', qr/\Q$secret_name\E/, "$what (XML): not named");
            }
            is($c->get("/kb/categories/$intslug")->code, 404, 'the category itself: 404');
        }
    };

    subtest "$who: statement budget" => sub {
        $c->get("/kb/articles/$src");
        my $n = statements_for($c, "/kb/articles/$src", undef, \&forget_kept_pages);
        ok($n >= 1 && $n <= 4, "an article with links runs $n statements (at most 4)");
        $n = statements_for($c, '/kb/faq', undef, \&forget_kept_pages);
        ok($n >= 1 && $n <= 4, "the FAQ with links runs $n statements (at most 4)");
    };
}

# A kept page is for every anonymous visitor: the second visit gets the same.
{
    my $anon = reader();
    forget_kept_pages();
    $anon->get("/kb/articles/$src");
    my $res = $anon->get("/kb/articles/$src");
    like($res->decoded_content, qr{<span>customer words</span>}, 'anonymous, kept page: still text');
    unlike($res->decoded_content, qr{href="/kb/articles/$cust"}, 'anonymous, kept page: no link to it');
}

# Every link on every page a reader reaches leads somewhere for that reader.
for my $who ('anonymous', 'paula@northwind.example', 'carl@acme.example') {
    subtest "crawl as $who" => sub {
        my $c = reader($who eq 'anonymous' ? undef : $who);
        my @queue = ('/kb/', '/kb/faq', "/kb/search?q=$term", '/kb/search?q=gateway');
        my (%seen, %status, %from);
        while (defined(my $path = shift @queue)) {
            next if $seen{$path}++;
            my $res = $c->get($path);
            $status{$path} = $res->code;
            next unless $res->code == 200;
            my $html = $res->decoded_content;
            unlike($html, qr/\Q$secret_name\E/, "$path: the internal category is not named");
            for my $a (html_dom($html)->findnodes('//a[@href]')) {
                my $href = $a->getAttribute('href');
                $href =~ s/#.*//;
                next unless $href =~ m{\A(?:\Q$base\E)?(/kb/(?:articles/[^?/]+|categories/[a-z0-9-]+))(?:\?.*)?\z};
                push @{ $from{$1} }, $path;
                push @queue, $1;
            }
        }
        my @articles = grep { m{^/kb/articles/} } keys %from;
        cmp_ok(scalar @articles, '>=', 10, scalar(@articles) . ' article links followed');
        my @dead = map { "$_ (" . $status{$_} . ") from " . join(', ', @{ $from{$_} }) }
            grep { $status{$_} != 200 } sort keys %from;
        is_deeply(\@dead, [], 'no link leads to an error page');
    };
}

cleanup();
done_testing;
