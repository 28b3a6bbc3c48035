# Articles, categories and lists in the page language: German texts on a
# German page when they exist; otherwise English with the fallback mark
# (lang="en" fallback="1") and a notice in German; an article with a text
# in neither language falls back to the one it has. Klaus (profile
# language de) reads German too.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::KB;

my $cat = create_category(names => { en => 'Networks', de => 'Netzwerke' },
    descriptions => { en => 'All about networks', de => 'Alles über Netzwerke' });
my $cat_en = create_category(parent => $cat, names => { en => 'Only English category' });
my $slug = sql_value("SELECT slug FROM kb_categories WHERE id = $cat");
my $both = create_article(category => $cat, texts => {
    en => { title => 'Configure the VPN', summary => 'English summary', body => '<p>English body</p>' },
    de => { title => 'VPN einrichten', summary => 'Deutsche Zusammenfassung', body => '<p>Deutscher Text</p>' },
});
my $en_only = create_article(category => $cat_en, texts => {
    en => { title => 'Only in English', body => '<p>English only body</p>' },
});
my $de_only = create_article(category => $cat, texts => {
    de => { title => 'Nur auf Deutsch', body => '<p>Nur deutsch</p>' },
});
my $fr_only = create_article(category => $cat, texts => {
    fr => { title => 'Seulement en français', body => '<p>Texte</p>' },
});

my $de = reader(undef, lang => 'de');
my $en = reader(undef, lang => 'en');
my $a = '/page/article';

# German page, German text.
my ($doc, $res) = $de->get_xml("/kb/articles/$both");
is($res->code, 200, 'de: 200');
is(xp($doc, '/page/@lang'), 'de', 'page in German');
is(xp($doc, "$a/\@lang"), 'de', 'German text');
is(xp($doc, "$a/\@fallback"), '0', 'no fallback');
is(xp($doc, "$a/title"), 'VPN einrichten', 'German title');
is(xp($doc, "$a/summary"), 'Deutsche Zusammenfassung', 'German summary');
is(xp($doc, "$a/body/p"), 'Deutscher Text', 'German body');
is(xp($doc, "$a/category"), 'Netzwerke', 'German category name');
is_deeply([xp_list($doc, "$a/breadcrumbs/crumb")], ['Wissensdatenbank', 'Netzwerke'], 'German breadcrumbs');
is_deeply([xp_list($doc, "$a/translations/translation/\@lang")], ['de', 'en'], 'both translations listed');
my $html = $de->get("/kb/articles/$both")->decoded_content;
my $dom = XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
ok(!$dom->findnodes('//*[contains(@class, "kb-fallback")]')->size, 'no fallback notice');
like($dom->findvalue('//*[contains(@class, "kb-updated")]'), qr/Zuletzt aktualisiert am \d+\. \w+\.? \d{4}/,
    'German date in words');

# The same article on an English page.
($doc) = $en->get_xml("/kb/articles/$both");
is(xp($doc, "$a/title"), 'Configure the VPN', 'en: English title');
is(xp($doc, "$a/\@fallback"), '0', 'en: no fallback');
is(xp($doc, "$a/category"), 'Networks', 'en: English category name');

# German page, English-only article: English with the mark and a German notice.
($doc, $res) = $de->get_xml("/kb/articles/$en_only");
is($res->code, 200, 'en-only on a German page: 200');
is(xp($doc, "$a/\@lang"), 'en', 'falls back to English');
is(xp($doc, "$a/\@fallback"), '1', 'marked as fallback');
is(xp($doc, "$a/title"), 'Only in English', 'English title');
is(xp($doc, "$a/category"), 'Only English category', 'category name falls back too');
$html = $de->get("/kb/articles/$en_only")->decoded_content;
$dom = XML::LibXML->load_html(string => $html, recover => 2, suppress_errors => 1);
my ($note) = $dom->findnodes('//*[contains(@class, "kb-fallback")]');
ok($note, 'fallback notice shown');
like($note ? $note->textContent : '', qr/noch nicht auf Deutsch verfügbar.*Englisch/s, 'notice says so, in German');
is($dom->findvalue('//article[contains(@class, "kb-article")]/@lang'), 'en', 'the article is marked lang="en"');
is($dom->findvalue('//html/@lang'), 'de', 'the page stays German');

# English page, German-only article: German is "any" after en.
($doc) = $en->get_xml("/kb/articles/$de_only");
is(xp($doc, "$a/\@lang"), 'de', 'en page, de-only: German');
is(xp($doc, "$a/\@fallback"), '1', 'marked as fallback');
$html = $en->get("/kb/articles/$de_only")->decoded_content;
like($html, qr/not available in English yet\. It is shown in German/, 'English notice');

# Neither language: the one it has.
($doc, $res) = $de->get_xml("/kb/articles/$fr_only");
is($res->code, 200, 'fr-only: 200');
is(xp($doc, "$a/\@lang"), 'fr', 'fr-only: French');
is(xp($doc, "$a/\@fallback"), '1', 'fr-only: fallback');

# Lists: category page in German, with the fallback flag per item.
($doc) = $de->get_xml("/kb/categories/$slug");
is(xp($doc, '/page/kb-category/name'), 'Netzwerke', 'category name in German');
is(xp($doc, '/page/kb-category/description'), 'Alles über Netzwerke', 'description in German');
is(xp($doc, "/page/kb-category/articles/article[\@id='$both']/title"), 'VPN einrichten', 'list: German title');
is(xp($doc, "/page/kb-category/articles/article[\@id='$both']/\@fallback"), '0', 'list: no fallback');
is(xp($doc, "/page/kb-category/articles/article[\@id='$fr_only']/\@fallback"), '1', 'list: fallback marked');
is(xp($doc, '/page/kb-category/subcategories/category/name'), 'Only English category', 'subcategory name falls back');
$html = $de->get("/kb/categories/$slug")->decoded_content;
like($html, qr/lang="fr"[^>]*>Seulement en français/, 'the fallback title carries its language');

# Klaus's profile says German.
{
    my $klaus = reader('klaus@bergmann.example', lang => 'en');
    my ($d) = $klaus->get_xml("/kb/articles/$both");
    is(xp($d, '/page/@lang'), 'de', 'klaus: German page');
    is(xp($d, "$a/title"), 'VPN einrichten', 'klaus: German title');
    ($d) = $klaus->get_xml("/kb/articles/$en_only");
    is(xp($d, "$a/\@fallback"), '1', 'klaus: English fallback marked');
}

# The home page speaks German.
$html = $de->get('/kb/')->decoded_content;
like($html, qr/<h1[^>]*>Wissensdatenbank<\/h1>/, 'German home heading');
like($html, qr/Häufige Fragen/, 'German FAQ link');

cleanup();
done_testing();
