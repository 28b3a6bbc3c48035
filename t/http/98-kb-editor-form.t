# The article form around the text: the page is titled by the article's
# title (en, de; "New article" for a new one); tags are one line of plain
# words (422 with the form kept otherwise); related articles are found by
# title (Find without JavaScript, the suggestions endpoint with it) and
# shown with their titles; archiving asks first (GET and POST without
# confirm=1 change nothing; Cancel leads back); a public article in a
# category for fewer readers is warned about.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode ();
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;

my $cat = create_category(names => { en => 'Form tests', de => 'Formulartests' });
my $ed = as_role('editor@portico.example');
my $tag = 'zz' . lc(unique_tag('ft')) =~ s/[^a-z0-9]//gr;
forget_tag_prefix($tag);

sub has_error {
    my ($doc, $key, $field) = @_;
    return xp_count($doc, "/page/messages/message[\@kind='error' and \@key='$key' and \@field='$field']") > 0;
}

subtest 'the page is titled by the article' => sub {
    my $id = create_article(category => $cat, status => 'draft',
        texts => { en => { title => 'Resetting your password' }, de => { title => 'Passwort zurücksetzen' } });
    my $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id?lang=en")->content);
    like($html, qr{<title>Edit: Resetting your password\b}, '<title>');
    like($html, qr{<h1>Edit: Resetting your password</h1>}, 'h1');
    $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id?lang=de", 'Accept-Language' => 'de')->content);
    like($html, qr{<h1>Bearbeiten: Passwort zurücksetzen</h1>}, 'in German: Bearbeiten, and the German title');
    my $only = create_article(category => $cat, status => 'draft', texts => { en => { title => 'Only English' } });
    $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$only?lang=de")->content);
    like($html, qr{<h1>Edit: Only English</h1>}, 'a language not written yet: the title of another');
    $html = Encode::decode_utf8($ed->get('/kb/editor/new')->content);
    like($html, qr{<h1>New article</h1>}, 'a new article');
};

subtest 'tags are one line of plain words' => sub {
    my %bad = (
        'markup'          => "$tag-ok, <b>bold</b>",
        'angle brackets'  => "a<b",
        'line separator'  => "line\x{2028}break",
        'next line'       => "next\x{85}line",
        'punctuation'     => 'semi;colon',
        'quote'           => 'say "hi"',
        'too long'        => 'x' x 61,
        'double hyphen'   => 'a--b',
        'leading hyphen'  => '-a',
    );
    my $before = sql_value('SELECT COUNT(*) FROM kb_articles');
    for my $name (sort keys %bad) {
        my ($doc, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, title => 'Kept title',
            tags => $bad{$name}));
        is($res->code, 422, "$name: 422");
        ok(has_error($doc, 'kb.editor.tags.invalid', 'tags'), "$name: the message at the field");
        is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='tags']"), $bad{$name} =~ s/^\s+|\s+$//gr, "$name: the tags kept");
        is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='title']"), 'Kept title', "$name: the title kept");
    }
    is(sql_value('SELECT COUNT(*) FROM kb_articles'), $before, 'nothing saved');
    my $html = Encode::decode_utf8($ed->post('/kb/editor/new', [@{ new_article_form($cat, tags => '<b>x</b>') }, csrf => csrf_for($ed)])->content);
    like($html, qr{id="tags-error"}, 'the HTML shows the message at the field');

    my $slug = kb_slug('tags');
    my (undef, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $slug,
        tags => "$tag-wi-fi, $tag two  words, $tag-größe, $tag\nnext"));
    is($res->code, 303, 'letters (also beyond ASCII), digits, spaces and hyphens: saved');
    my $a = article_by_slug($slug) or return fail('no article');
    my @tags = map { $_->[0] } @{ sql_rows("SELECT t.name FROM kb_article_tags x JOIN kb_tags t ON t.id = x.tag_id WHERE x.article_id = $a->{id} ORDER BY t.name") };
    is_deeply([map { Encode::decode_utf8($_) } @tags], ["$tag next", "$tag two words", "$tag-größe", "$tag-wi-fi"],
        'stored as one line each (a line break between words is a space)');
    ok(!grep({ /[\r\n<>]/ } @tags), 'no line break or markup in any tag');
};

subtest 'related articles are found by title' => sub {
    my $word = 'Zq' . lc(unique_tag('rel')) =~ s/[^a-z0-9]//gr;
    my $r1 = create_article(category => $cat, status => 'published', texts => { en => { title => "$word router reset" } });
    my $r2 = create_article(category => $cat, status => 'review', texts => { en => { title => "$word modem lights" } });
    my $self = create_article(category => $cat, status => 'draft', texts => { en => { title => "$word itself" } });
    my $slug = sql_value("SELECT slug FROM kb_articles WHERE id = $self");

    # Without JavaScript: Find re-shows the form with the matches to tick.
    my ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$self?lang=en", [@{ new_article_form($cat, slug => $slug,
        title => 'Typed but not saved', related_q => $word, related => $r1) }, action => 'find']);
    is($res->code, 200, 'Find: 200');
    is(xp($doc, '/page/@view'), 'editor-form', 'the form again');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='title']"), 'Typed but not saved', 'what was typed is kept');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='related_q']"), $word, 'the search too');
    is_deeply([xp_list($doc, '/page/kb-article-form/related/article/@id')], [$r1], 'the chosen one, kept');
    is(xp($doc, '/page/kb-article-form/related/article/title'), "$word router reset", 'with its title');
    is_deeply([xp_list($doc, '/page/kb-article-form/related-found/article/@id')], [$r2],
        'found: the other match, not the chosen one, not the article itself');
    is(xp($doc, '/page/kb-article-form/related-found/article/@status'), 'review', 'with its status');
    isnt(text_row($self, 'en')->{title}, 'Typed but not saved', 'nothing saved');
    my $html = Encode::decode_utf8($ed->post("/kb/editor/articles/$self?lang=en", [@{ new_article_form($cat, slug => $slug,
        related_q => $word, related => $r1) }, action => 'find', csrf => csrf_for($ed)])->content);
    like($html, qr{<input type="checkbox" name="related" value="$r1" id="related-$r1" checked}, 'the chosen one is a ticked box');
    like($html, qr{<input type="checkbox" name="related" value="$r2" id="related-$r2" />}, 'the found one a box to tick');
    like($html, qr{<label for="related-$r2">\Q$word\E modem lights}, 'labelled by its title');

    ($doc) = post_csrf($ed, "/kb/editor/articles/$self?lang=en", [@{ new_article_form($cat, slug => $slug,
        related_q => '  ') }, action => 'find']);
    is(xp_count($doc, '/page/kb-article-form/related-found'), 0, 'Find with nothing typed looks for nothing');
    like(Encode::decode_utf8($ed->get("/kb/editor/articles/$self?lang=en")->content),
        qr{<button type="submit" name="action" value="find" class="btn btn-secondary" formaction="/kb/editor/articles/$self\?lang=en#related">},
        'the answer of Find opens at the related articles');

    # Ticking both and saving relates both; the page then lists them by title.
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$self?lang=en", [@{ new_article_form($cat, slug => $slug,
        title => "$word itself", related => $r1) }, related => $r2]);
    is($res->code, 303, 'saved with two related articles');
    is(sql_value("SELECT GROUP_CONCAT(related_id ORDER BY position) FROM kb_related WHERE article_id = $self"), "$r1,$r2", 'both, in order');
    ($doc) = $ed->get_xml("/kb/editor/articles/$self?lang=en");
    is_deeply([xp_list($doc, '/page/kb-article-form/related/article/title')], ["$word router reset", "$word modem lights"],
        'the editor shows them by title');
    # Unticking one (it is not sent) removes it.
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$self?lang=en", new_article_form($cat, slug => $slug,
        title => "$word itself", related => $r2));
    is(sql_value("SELECT GROUP_CONCAT(related_id) FROM kb_related WHERE article_id = $self"), $r2, 'unticked: removed');

    # With JavaScript: the suggestions endpoint.
    ($doc, $res) = $ed->get_xml("/kb/editor/titles?q=$word&exclude=$self");
    is($res->code, 200, 'titles: 200');
    is(xp($doc, '/page/@view'), 'editor-titles', 'view editor-titles');
    is_deeply([sort { $a <=> $b } xp_list($doc, '/page/kb-titles/article/@id')], [sort { $a <=> $b } $r1, $r2], 'both matches, not itself');
    is(xp($doc, '/page/kb-titles/article[1]/@id'), $r1, 'published first');
    $html = Encode::decode_utf8($ed->get("/kb/editor/titles?q=$word")->content);
    like($html, qr{^<ul class="kb-titles"><li data-id="\d+"}, 'an HTML fragment');
    unlike($html, qr{<html}i, 'not a page');
    ($doc) = $ed->get_xml('/kb/editor/titles?q=z');
    is(xp_count($doc, '/page/kb-titles/article'), 0, 'one character finds nothing');
    ($doc) = $ed->get_xml('/kb/editor/titles?q=' . ('%25' x 5));
    is(xp_count($doc, '/page/kb-titles/article'), 0, 'LIKE wildcards are literal');
    for my $email (ROLES_WITHOUT) {
        is(as_role($email)->get("/kb/editor/titles?q=$word")->code, 403, "$email may not search titles: 403");
    }
};

subtest 'archiving asks first' => sub {
    my $id = create_article(category => $cat, status => 'published', texts => { en => { title => 'To be archived' } });
    my $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id?lang=en")->content);
    like($html, qr{<div class="kb-danger-zone">.*<form method="get" action="/kb/editor/articles/$id/archive".*class="btn btn-danger"}s,
        'the editor offers Archive apart, as a danger button, leading to a question');
    unlike($html, qr{<input type="hidden" name="to" value="archived"}, 'not as a direct POST');

    my ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id/archive?lang=en");
    is($res->code, 200, 'the question: 200');
    is(xp($doc, '/page/@view'), 'editor-archive', 'view editor-archive');
    is(xp($doc, '/page/kb-archive/@allowed'), '1', 'archiving is possible');
    is(sql_value("SELECT status FROM kb_articles WHERE id = $id"), 'published', 'GET changed nothing');
    $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id/archive?lang=en")->content);
    like($html, qr{<h1 id="archive-title">Archive “To be archived”\?</h1>}, 'it names the article');
    like($html, qr{Readers will no longer find this article}, 'it says what archiving does');
    like($html, qr{<input type="hidden" name="confirm" value="1" />}, 'the confirming POST');
    like($html, qr{<a class="btn btn-secondary" href="/kb/editor/articles/$id\?lang=en">Cancel</a>}, 'Cancel leads back to the editor');

    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id/state", [to => 'archived', lang => 'en']);
    is($res->code, 200, 'POST without confirm: the question again');
    is(xp($doc, '/page/@view'), 'editor-archive', '... the same page');
    is(sql_value("SELECT status FROM kb_articles WHERE id = $id"), 'published', '... and nothing changed');
    is(scalar(audit_rows_for('kb.article.state', 'kb_article', $id)), 0, '... no audit row');
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id/state", [to => 'archived', lang => 'en', confirm => 'yes']);
    is(sql_value("SELECT status FROM kb_articles WHERE id = $id"), 'published', 'only confirm=1 confirms');

    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id/state", [to => 'archived', lang => 'en', confirm => 1]);
    is($res->code, 303, 'confirmed: 303');
    is(location_path($res), "/kb/editor/articles/$id?lang=en&state=archived", 'back to the article');
    is(sql_value("SELECT status FROM kb_articles WHERE id = $id"), 'archived', 'archived');

    ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id/archive?lang=en");
    is(xp($doc, '/page/kb-archive/@allowed'), '0', 'an archived article cannot be archived again');
    $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id/archive?lang=en")->content);
    unlike($html, qr{name="confirm"}, 'so no button');
    is($ed->get('/kb/editor/articles/999999999/archive')->code, 404, 'an unknown article: 404');
};

subtest 'a public article in a category for fewer readers is warned about' => sub {
    my $internal = create_category(audience => 'internal', names => { en => 'Staff only', de => 'Nur intern' });
    my $id = create_article(category => $internal, status => 'draft', audience => 'public', texts => { en => { title => 'Open' } });
    my ($doc) = $ed->get_xml("/kb/editor/articles/$id?lang=en");
    is(xp($doc, '/page/kb-article-form/category-hidden/@id'), $internal, 'the category is named');
    is(xp($doc, '/page/kb-article-form/category-hidden/@audience'), 'internal', 'with its audience');
    my $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id?lang=en")->content);
    like($html, qr{<p class="kb-warning" id="category-warning">The category “Staff only” is only for the audience “Internal”: readers of this article who may not see that category will not see its name.</p>},
        'the warning in English');
    $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id?lang=en", 'Accept-Language' => 'de')->content);
    like($html, qr{Die Kategorie „Nur intern“ ist nur für die Zielgruppe „Intern“}, 'and in German');

    my $same = create_article(category => $internal, status => 'draft', audience => 'internal', texts => { en => { title => 'Staff' } });
    ($doc) = $ed->get_xml("/kb/editor/articles/$same?lang=en");
    is(xp_count($doc, '/page/kb-article-form/category-hidden'), 0, 'an internal article there: no warning');
    my $child = create_category(parent => $internal, audience => 'public', names => { en => 'Open child' });
    my $deep = create_article(category => $child, status => 'draft', audience => 'customer', texts => { en => { title => 'Deep' } });
    ($doc) = $ed->get_xml("/kb/editor/articles/$deep?lang=en");
    is(xp($doc, '/page/kb-article-form/category-hidden/@id'), $internal, 'a category above counts too');
    my ($d2, $res) = post_csrf($ed, "/kb/editor/articles/$deep?lang=en", [@{ new_article_form($cat, audience => 'public',
        slug => sql_value("SELECT slug FROM kb_articles WHERE id = $deep"), title => 'Deep') }, action => 'preview']);
    is(xp_count($d2, '/page/kb-article-form/category-hidden'), 0, 'the form as typed decides: a public category, no warning');
};

done_testing;
