# The FAQ: topics in position order, each with its published entries in
# position order that the reader may see; topics without a visible entry
# are left out; "Read the full article" only when the reader may open the
# article; answers are markup, questions text; the page language with the
# English fallback marked; <details><summary> so it works without
# JavaScript.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::KB;

my $cat = create_category(names => { en => 'FAQ articles' });
my $pub_art = create_article(category => $cat, texts => { en => { title => 'Public full article' } });
my $int_art = create_article(category => $cat, audience => 'internal', texts => { en => { title => 'Internal full article' } });
my $draft_art = create_article(category => $cat, status => 'draft', texts => { en => { title => 'Draft full article' } });

# Topic positions are given out of creation order on purpose.
my $t2 = create_faq_topic(position => 9002, names => { en => 'Second topic', de => 'Zweites Thema' });
my $t1 = create_faq_topic(position => 9001, names => { en => 'First topic', de => 'Erstes Thema' });
my $t3 = create_faq_topic(position => 9003, names => { en => 'Internal only topic' });
my $t4 = create_faq_topic(position => 9004, names => { en => 'Drafts only topic' });

my %f;
$f{b} = create_faq(topic => $t1, position => 2, article => $int_art,
    texts => { en => { question => 'Q b <i>x</i>?', answer => '<p>Answer <strong>b</strong></p>' } });
$f{a} = create_faq(topic => $t1, position => 1, article => $pub_art,
    texts => { en => { question => 'Q a?', answer => '<p>Answer a</p><ul><li>one</li></ul>' },
               de => { question => 'Frage a?', answer => '<p>Antwort a</p>' } });
$f{c} = create_faq(topic => $t1, position => 3, audience => 'customer',
    texts => { en => { question => 'Q c customers?' } });
$f{d} = create_faq(topic => $t1, position => 4, audience => 'partner',
    texts => { en => { question => 'Q d partners?' } });
$f{e} = create_faq(topic => $t2, position => 1, article => $draft_art,
    texts => { en => { question => 'Q e?' } });
$f{draft} = create_faq(topic => $t2, position => 2, status => 'draft', texts => { en => { question => 'Q draft?' } });
$f{archived} = create_faq(topic => $t2, position => 3, status => 'archived', texts => { en => { question => 'Q archived?' } });
$f{int} = create_faq(topic => $t3, audience => 'internal', texts => { en => { question => 'Q internal?' } });
$f{t4} = create_faq(topic => $t4, status => 'draft', texts => { en => { question => 'Q t4 draft?' } });

my %EXPECT = (
    anonymous                 => { topics => [$t1, $t2], t1 => [qw(a b)], link_b => 0 },
    'carl@acme.example'       => { topics => [$t1, $t2], t1 => [qw(a b c)], link_b => 0 },
    'paula@northwind.example' => { topics => [$t1, $t2], t1 => [qw(a b d)], link_b => 0 },
    'agent@portico.example'   => { topics => [$t1, $t2, $t3], t1 => [qw(a b c d)], link_b => 1 },
);
my %mine = map { $_ => 1 } ($t1, $t2, $t3, $t4);

for my $who (sort keys %EXPECT) {
    subtest $who => sub {
        my $x = $EXPECT{$who};
        my $c = reader($who eq 'anonymous' ? undef : $who);
        my ($doc, $res) = $c->get_xml('/kb/faq');
        is($res->code, 200, 'FAQ 200');
        is(xp($doc, '/page/@view'), 'faq', 'view faq');
        my @topics = grep { $mine{$_} } xp_list($doc, '/page/faq/topic/@id');
        is_deeply(\@topics, $x->{topics}, 'my topics: visible ones, in position order');
        my @t1 = xp_list($doc, "/page/faq/topic[\@id='$t1']/entry/\@id");
        is_deeply(\@t1, [map { $f{$_} } @{ $x->{t1} }], 'first topic: visible entries in position order');
        is_deeply([xp_list($doc, "/page/faq/topic[\@id='$t2']/entry/\@id")], [$f{e}], 'drafts and archived entries left out');
        is(xp($doc, "/page/faq/topic[\@id='$t1']/name"), 'First topic', 'topic name');
        is(xp($doc, "//entry[\@id='$f{a}']/\@article-href"), "/kb/articles/$pub_art", 'link to the public article');
        is(xp_count($doc, "//entry[\@id='$f{b}']/\@article-href"), $x->{link_b}, 'link to the internal article only for kb.read.internal');
        is(xp_count($doc, "//entry[\@id='$f{e}']/\@article-href"), 0, 'never a link to a draft article');
        is(xp($doc, "//entry[\@id='$f{b}']/question"), 'Q b <i>x</i>?', 'question is text');
        is(xp($doc, "//entry[\@id='$f{b}']/answer/p/strong"), 'b', 'answer is markup');
        is(xp($doc, "//entry[\@id='$f{a}']/\@lang"), 'en', 'English');
        is(xp($doc, "//entry[\@id='$f{a}']/\@fallback"), '0', 'not a fallback');
    };
}

# HTML: <details><summary>, the article link, escaping.
{
    my $anon = reader();
    my $res = $anon->get('/kb/faq');
    is($res->code, 200, 'HTML 200');
    my $html = $res->decoded_content;
    unlike($html, qr/<i>x<\/i>/, 'question markup escaped');
    my $dom = XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
    is(scalar(() = $dom->findnodes('//h1')), 1, 'one h1');
    my ($d) = $dom->findnodes("//details[\@id='faq-$f{a}']");
    ok($d, 'an entry is a <details>');
    is($d ? $d->findvalue('summary') : '', 'Q a?', 'the question is its <summary>');
    is($d ? $d->findvalue('.//li') : '', 'one', 'the answer markup is there');
    is($d ? $d->findvalue('.//a[contains(., "Read the full article")]/@href') : '', "/kb/articles/$pub_art",
        '"Read the full article" link');
    my ($s) = $dom->findnodes("//section[\@id='topic-" . sql_value("SELECT slug FROM kb_faq_topics WHERE id = $t1") . "']");
    ok($s, 'a section per topic');
    is($s ? $s->findvalue('h2') : '', 'First topic', 'topic heading');
    ok($dom->findnodes('//script[not(@src)] | //script[@src != "/static/js/portico.js"]')->size == 0,
        'no script needed: only the site-wide progressive one (focus on the error summary)');
}

# German: German text when there is one, else English marked.
{
    my $de = reader(undef, lang => 'de');
    my $doc = $de->get_xml('/kb/faq');
    is(xp($doc, "/page/faq/topic[\@id='$t1']/name"), 'Erstes Thema', 'German topic name');
    is(xp($doc, "//entry[\@id='$f{a}']/question"), 'Frage a?', 'German question');
    is(xp($doc, "//entry[\@id='$f{a}']/\@fallback"), '0', 'German: no fallback');
    is(xp($doc, "//entry[\@id='$f{b}']/question"), 'Q b <i>x</i>?', 'English question where no German');
    is(xp($doc, "//entry[\@id='$f{b}']/\@lang"), 'en', 'lang en');
    is(xp($doc, "//entry[\@id='$f{b}']/\@fallback"), '1', 'fallback marked');
    is(xp($doc, "/page/faq/topic[\@id='$t3']/name"), '', '(internal topic still hidden)');
    my $html = $de->get('/kb/faq')->decoded_content;
    my $dom = XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
    my ($d) = $dom->findnodes("//details[\@id='faq-$f{b}']");
    is($d ? $d->getAttribute('lang') : '', 'en', 'the English entry is marked lang="en"');
    like($d ? $d->findvalue('.//*[contains(@class, "kb-fallback-note")]') : '', qr/noch nicht auf Deutsch/,
        'German note on the English entry');
}

cleanup();
done_testing();
