# Creating and editing articles: the new-article form makes a draft with
# version 1 of its first text (tags created on the fly, related articles,
# audit row); editing saves the text of one language as a new version with
# the status at save and a note, and the metadata; adding a language is
# editing one without a text yet; Preview shows the sanitised body and
# saves nothing; the sanitiser runs on every save (script, event handlers,
# javascript: links and a handful of the XSS payload list never reach the
# database); bad input answers 422 with per-field messages and the input
# kept; the list shows every status and audience with filters and a pager.
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

my $cat = create_category(names => { en => 'Editor articles', de => 'Redaktionsartikel' });
my $cat2 = create_category(names => { en => 'Editor other' });
my $rel = create_article(category => $cat, status => 'published');
my $tagp = 'zz' . lc(unique_tag('tg')) =~ s/[^a-z0-9]//gr;
forget_tag_prefix($tagp);
my $ed = as_role('editor@portico.example');
my $editor_id = sql_value("SELECT id FROM users WHERE email = 'editor\@portico.example'");

sub has_error {
    my ($doc, $key, $field) = @_;
    return xp_count($doc, "/page/messages/message[\@kind='error' and \@key='$key' and \@field='$field']") > 0;
}

my $id;
subtest 'the new-article form' => sub {
    my ($doc, $res) = $ed->get_xml('/kb/editor/new');
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'editor-form', 'view editor-form');
    is(xp($doc, '/page/kb-article-form/@mode'), 'new', 'mode new');
    ok(xp_count($doc, "/page/kb-article-form/categories/category[\@id='$cat']"), 'categories offered');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='audience']"), 'customer', 'audience defaults to customers');
    my $html = $ed->get('/kb/editor/new')->content;
    like($html, qr{<label for="title">}, 'labelled title');
    like($html, qr{<textarea id="body" name="body"}, 'body textarea');
    like($html, qr{name="action" value="preview"}, 'a preview button');
};

subtest 'create: draft, version 1, tags, related, audit' => sub {
    my $slug = kb_slug('new');
    my ($doc, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $slug,
        title => '  How to reset the router  ', summary => 'Reset it.',
        body => "<h2>Steps</h2>\n<p>Hold the button.</p>",
        tags => " \U$tagp\E-Router , $tagp-vpn,, $tagp-router,$tagp-two  words ",
        related => "$rel", note => 'first draft'));
    is($res->code, 303, 'status 303');
    my $a = article_by_slug($slug);
    ok($a, 'article row') or return;
    $id = $a->{id};
    is(location_path($res), "/kb/editor/articles/$id?lang=en&created=1", 'to the edit page');
    is($a->{status}, 'draft', 'status draft');
    is($a->{audience}, 'customer', 'audience');
    is($a->{category_id}, $cat, 'category');
    is($a->{created_by}, $editor_id, 'created by the editor');
    my $t = text_row($id, 'en');
    is($t->{title}, 'How to reset the router', 'title trimmed');
    is($t->{version_no}, 1, 'version 1');
    like($t->{body}, qr{<h2>Steps</h2>}, 'body kept');
    like($t->{body_text}, qr{Hold the button}, 'body_text is the plain text');
    unlike($t->{body_text}, qr{<}, 'without markup');
    my @v = version_rows($id, 'en');
    is(scalar @v, 1, 'one version');
    is($v[0]{status}, 'draft', 'stamped draft');
    is($v[0]{note}, 'first draft', 'with the note');
    is($v[0]{body}, $t->{body}, 'the same body');
    my @tags = map { $_->[0] } @{ sql_rows("SELECT t.name FROM kb_article_tags x JOIN kb_tags t ON t.id = x.tag_id WHERE x.article_id = $id ORDER BY t.name") };
    is_deeply(\@tags, ["$tagp-router", "$tagp-two words", "$tagp-vpn"], 'tags normalised, deduplicated, created');
    is(sql_value("SELECT GROUP_CONCAT(related_id) FROM kb_related WHERE article_id = $id"), $rel, 'related');
    my ($audit) = audit_rows_for('kb.article.create', 'kb_article', $id);
    ok($audit, 'audit row') or return;
    is($audit->{user_id}, $editor_id, 'by the editor');
    like($audit->{after}, qr{"slug":"\Q$slug\E"}, 'after: slug');
    like($audit->{after}, qr{"version":1}, 'after: version');

    ($doc) = $ed->get_xml("/kb/editor/articles/$id?lang=en&created=1");
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.created']"), 'success message');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='title']"), 'How to reset the router', 'form filled');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='tags']"), "$tagp-router, $tagp-two words, $tagp-vpn", 'tags listed');
    is(xp($doc, '/page/kb-article-form/@status'), 'draft', 'status shown');
    is_deeply([xp_list($doc, '/page/kb-article-form/transitions/transition/@to')], ['review'], 'a draft goes to review');
};

subtest 'save a new version, and the metadata' => sub {
    return fail('no article') unless $id;
    my $slug = kb_slug('renamed');
    sql("UPDATE kb_articles SET status = 'review' WHERE id = $id");
    my ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en", new_article_form($cat2, slug => $slug,
        audience => 'partner', title => 'How to reset the router (v2)',
        body => "<h2>Steps</h2>\n<p>Hold the button for ten seconds.</p>", tags => "$tagp-vpn",
        related => '', note => 'longer'));
    is($res->code, 303, 'status 303');
    is(location_path($res), "/kb/editor/articles/$id?lang=en&saved=1", 'back to the form');
    my $a = article_by_slug($slug);
    is($a->{id}, $id, 'slug changed');
    is($a->{audience}, 'partner', 'audience changed');
    is($a->{category_id}, $cat2, 'category changed');
    my $t = text_row($id, 'en');
    is($t->{version_no}, 2, 'version 2');
    like($t->{body}, qr{ten seconds}, 'new body');
    my @v = version_rows($id, 'en');
    is(scalar @v, 2, 'two versions');
    is($v[1]{status}, 'review', 'stamped with the status at save');
    is($v[1]{note}, 'longer', 'note');
    is($v[1]{created_by}, $editor_id, 'by the editor');
    is(sql_value("SELECT COUNT(*) FROM kb_related WHERE article_id = $id"), 0, 'related cleared');
    is(sql_value("SELECT COUNT(*) FROM kb_article_tags WHERE article_id = $id"), 1, 'one tag left');
    my ($audit) = audit_rows_for('kb.article.save', 'kb_article', $id);
    ok($audit, 'audit row');
    like($audit->{before} // '', qr{"audience":"customer"}, 'before: the old audience');
    like($audit->{after} // '', qr{"audience":"partner"}, 'after: the new one');
    ($doc) = $ed->get_xml("/kb/editor/articles/$id?lang=en&saved=1");
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.saved']"), 'success message');
};

subtest 'a new language is editing one without a text' => sub {
    return fail('no article') unless $id;
    my ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id?lang=de");
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/kb-article-form/@lang'), 'de', 'German');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='title']"), '', 'empty title');
    is(xp($doc, "/page/kb-article-form/languages/language[\@code='de']/\@has-text"), '0', 'de has no text yet');
    my $slug = xp($doc, "/page/form[\@name='kb-article']/field[\@name='slug']");
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=de", new_article_form($cat2, slug => $slug,
        audience => 'partner', title => 'Router zurücksetzen', body => '<p>Knopf gedrückt halten.</p>',
        tags => "$tagp-vpn"));
    is($res->code, 303, 'saved: 303');
    my $t = text_row($id, 'de');
    is(Encode::decode_utf8($t->{title}), 'Router zurücksetzen', 'German title (UTF-8)');
    is($t->{version_no}, 1, 'German version 1');
    is(text_row($id, 'en')->{version_no}, 2, 'English untouched');
};

subtest 'preview saves nothing' => sub {
    return fail('no article') unless $id;
    my $slug = sql_value("SELECT slug FROM kb_articles WHERE id = $id");
    my $versions = sql_value("SELECT COUNT(*) FROM kb_article_versions WHERE article_id = $id");
    my ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en", [@{ new_article_form($cat2, slug => $slug,
        audience => 'partner', title => 'Preview title',
        body => '<p>Preview <strong>bold</strong></p><script>alert(1)</script><img src="x" onerror="alert(2)">') },
        action => 'preview']);
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'editor-form', 'the form again');
    is(xp($doc, '/page/kb-article-form/preview/title'), 'Preview title', 'preview title');
    is(xp($doc, '/page/kb-article-form/preview/body/p/strong'), 'bold', 'preview body as XHTML');
    is(xp_count($doc, '/page/kb-article-form/preview/body//script'), 0, 'no script in the preview');
    is(xp_count($doc, '/page/kb-article-form/preview/body//@onerror'), 0, 'no event handler in the preview');
    like(xp($doc, "/page/form[\@name='kb-article']/field[\@name='body']"), qr{<script>alert\(1\)</script>}, 'the typed body is kept in the form');
    is(sql_value("SELECT COUNT(*) FROM kb_article_versions WHERE article_id = $id"), $versions, 'no version');
    isnt(text_row($id, 'en')->{title}, 'Preview title', 'text unchanged');
    my $html = $ed->post("/kb/editor/articles/$id?lang=en", [@{ new_article_form($cat2, slug => $slug,
        audience => 'partner', title => 'Preview title', body => '<p>x</p><script>alert(1)</script>') },
        action => 'preview', csrf => csrf_for($ed)])->content;
    unlike($html, qr{<script>alert}, 'the HTML page has no script from the body');
    like($html, qr{&lt;script&gt;alert}, 'the textarea shows it escaped');
};

subtest 'the sanitiser runs on save' => sub {
    my $slug = kb_slug('xss');
    my ($doc, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $slug,
        body => '<p onclick="alert(1)">Hi <a href="javascript:alert(1)">link</a></p>'
            . '<script>alert(1)</script><img src="/kb/files/1/x.png" onerror="alert(2)" alt="pic">'
            . '<iframe src="https://evil.example/"></iframe><style>p{}</style>'));
    is($res->code, 303, 'saved');
    my $a = article_by_slug($slug) or return fail('no article');
    my $t = text_row($a->{id}, 'en');
    unlike($t->{body}, qr{<script}i, 'no script element');
    unlike($t->{body}, qr{alert}i, 'no script text');
    unlike($t->{body}, qr{\bon\w+\s*=}i, 'no event handler');
    unlike($t->{body}, qr{javascript:}i, 'no javascript: URL');
    unlike($t->{body}, qr{<iframe|<style}i, 'no iframe, no style');
    like($t->{body}, qr{<img[^>]+src="/kb/files/1/x.png"}, 'a local image stays');
    my ($v) = version_rows($a->{id}, 'en');
    is($v->{body}, $t->{body}, 'the version holds the sanitised body too');

    my $file = repo_dir() . '/t/unit/fixtures/xss/payloads.txt';
    SKIP: {
        skip 'no payload list', 1 unless -r $file;
        open(my $fh, '<:encoding(UTF-8)', $file) or die $!;
        my @payloads = grep { length && !/^#/ } map { chomp; $_ } <$fh>;
        close $fh;
        # A handful, spread over the list.
        my $step = @payloads > 12 ? int(@payloads / 12) : 1;
        my $n = 0;
        for (my $i = 0; $i < @payloads; $i += $step) {
            my $p = $payloads[$i];
            $p =~ s/\\x([0-9a-fA-F]{2})/chr(hex $1)/ge;
            $p =~ s/\\t/\t/g; $p =~ s/\\n/\n/g; $p =~ s/\\r/\r/g; $p =~ s/\\\\/\\/g;
            next if $p =~ /[\x00-\x08\x0b\x0c\x0e-\x1f]/;    # control characters: refused before the sanitiser
            my $s = kb_slug('pl');
            my ($d, $r) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $s, body => "<p>x</p>$p"));
            my $art = article_by_slug($s);
            if ($r->code == 303 && $art) {
                my $body = text_row($art->{id}, 'en')->{body};
                my $ok = $body !~ /<script|\bon[a-z]+\s*=|javascript:|vbscript:|<iframe|<object|<embed|<style|expression\s*\(/i;
                ok($ok, "payload $i stored harmless") or diag("payload: $p\nstored: $body");
            } else {
                is($r->code, 422, "payload $i refused with 422");
            }
            $n++;
        }
        ok($n >= 8, "$n payloads through the editor");
    }
};

subtest '422: per-field messages, input kept' => sub {
    my $taken = sql_value("SELECT slug FROM kb_articles WHERE id = $rel");
    my %cases = (
        'title too long'    => [{ title => 'x' x 301 }, 'kb.editor.title.too-long', 'title'],
        'no title'          => [{ title => '  ' }, 'kb.editor.title.required', 'title'],
        'summary too long'  => [{ summary => 'y' x 1001 }, 'kb.editor.summary.too-long', 'summary'],
        'bad slug'          => [{ slug => 'Not A Slug' }, 'kb.editor.slug.invalid', 'slug'],
        'slug with --'      => [{ slug => 'a--b' }, 'kb.editor.slug.invalid', 'slug'],
        'no slug'           => [{ slug => '' }, 'kb.editor.slug.required', 'slug'],
        'slug taken'        => [{ slug => $taken }, 'kb.editor.slug.taken', 'slug'],
        'no category'       => [{ category => '' }, 'kb.editor.category.invalid', 'category'],
        'unknown category'  => [{ category => 999999999 }, 'kb.editor.category.invalid', 'category'],
        'bad audience'      => [{ audience => 'everyone' }, 'kb.editor.audience.invalid', 'audience'],
        'bad language'      => [{ lang => 'xx' }, 'kb.editor.lang.invalid', 'lang'],
        'no body'           => [{ body => " \n " }, 'kb.editor.body.required', 'body'],
        'related unknown'   => [{ related => '999999999' }, 'kb.editor.related.invalid', 'related'],
        'related junk'      => [{ related => 'abc' }, 'kb.editor.related.invalid', 'related'],
        'tag too long'      => [{ tags => 't' x 61 }, 'kb.editor.tags.invalid', 'tags'],
        'too many tags'     => [{ tags => join(',', map { "$tagp-$_" } 1 .. 21) }, 'kb.editor.tags.too-many', 'tags'],
        'note too long'     => [{ note => 'n' x 301 }, 'kb.editor.note.invalid', 'note'],
    );
    my $before = sql_value('SELECT COUNT(*) FROM kb_articles');
    for my $name (sort keys %cases) {
        my ($over, $key, $field) = @{ $cases{$name} };
        my $form = new_article_form($cat, title => 'Kept title', %$over);
        my ($doc, $res) = post_csrf($ed, '/kb/editor/new', $form);
        is($res->code, 422, "$name: 422");
        ok(has_error($doc, $key, $field), "$name: $key on $field")
            or diag(join ', ', map { $_->getAttribute('key') . '@' . ($_->getAttribute('field') // '') } $doc ? $doc->findnodes('/page/messages/message') : ());
        my %f = @$form;
        is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='slug']"), $f{slug}, "$name: slug kept") if $field ne 'slug' || $f{slug} ne '';
        is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='title']"), $f{title}, "$name: title kept") if $name !~ /title/;
    }
    is(sql_value('SELECT COUNT(*) FROM kb_articles'), $before, 'nothing created');
    if ($id) {
        my ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en",
            new_article_form($cat, slug => sql_value("SELECT slug FROM kb_articles WHERE id = $id"), title => 'x' x 301));
        is($res->code, 422, 'edit with an over-long title: 422');
        ok(has_error($doc, 'kb.editor.title.too-long', 'title'), 'message on the title');
        ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en",
            new_article_form($cat, slug => sql_value("SELECT slug FROM kb_articles WHERE id = $id"), related => $id));
        ok(has_error($doc, 'kb.editor.related.invalid', 'related'), 'an article is not related to itself');
        is(text_row($id, 'en')->{version_no}, 2, 'no version saved');
    }
    my $html = $ed->post('/kb/editor/new', [@{ new_article_form($cat, title => 'x' x 301) }, csrf => csrf_for($ed)])->content;
    like($html, qr{aria-invalid="true"}, 'the HTML marks the field');
    like($html, qr{id="title-error"}, 'with its message');
};

subtest 'the form is multipart; a long body is bounded by the editor (200 000 characters)' => sub {
    my $html = $ed->get('/kb/editor/new')->content;
    like($html, qr{<form class="form kb-form" method="post" novalidate="novalidate" action="/kb/editor/new" enctype="multipart/form-data">}
        , 'the article form posts multipart/form-data (bounded by [limits] upload_bytes, not body_bytes)');
    my $big = '<p>' . ('a' x 1000) . "</p>\n";
    my $slug = kb_slug('big');
    my (undef, $res) = post_multipart($ed, "/kb/editor/new", new_article_form($cat, slug => $slug, body => $big x 150));
    {
        is($res->code, 303, 'a 150 KB body saves');
        my $a = article_by_slug($slug);
        ok($a && length(text_row($a->{id}, 'en')->{body}) > 150_000, 'stored whole');
        my ($doc, $r) = post_multipart($ed, '/kb/editor/new', new_article_form($cat, title => 'Kept title',
            body => '<p>' . ('z' x 200_000) . '</p>'));
        is($r->code, 422, 'over 200 000 characters: 422');
        ok(has_error($doc, 'kb.editor.body.too-long', 'body'), 'message on the body');
        is(xp($doc, "/page/messages/message[\@key='kb.editor.body.too-long']/\@max"), 200_000, 'the message says the limit');
        is(xp($doc, "/page/limits/limit[\@name='body']/\@chars"), 200_000, 'the same limit as the form\'s maxlength');
        is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='title']"), 'Kept title', 'input kept');
    }
    # Counted in characters: 199 993 two-byte characters (nearly 400 000 bytes) fit.
    $slug = kb_slug('umlauts');
    (undef, $res) = post_multipart($ed, '/kb/editor/new', new_article_form($cat, slug => $slug,
        body => Encode::encode_utf8('<p>' . ("\x{e4}" x 199_993) . '</p>')));
    is($res->code, 303, '200 000 characters of umlauts save');
    ok(article_by_slug($slug), 'and are stored');
    my ($doc, $r) = post_multipart($ed, '/kb/editor/new', new_article_form($cat, title => 'x' x 301));
    is($r->code, 422, 'a multipart post with bad input: 422 like any other');
    ok(has_error($doc, 'kb.editor.title.too-long', 'title'), 'with the message');
};

subtest 'the list: every status and audience, filters, pager' => sub {
    my $slugp = kb_slug('lst');
    my @ids;
    for my $s (qw(draft review published archived)) {
        push @ids, create_article(category => $cat2, status => $s, audience => 'internal', slug => "$slugp-$s",
            texts => { en => { title => "Listed $slugp $s" } });
    }
    my ($doc, $res) = $ed->get_xml('/kb/editor?q=' . $slugp);
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'editor', 'view editor');
    is(xp_count($doc, '/page/kb-editor/article'), 4, 'all four states, internal included');
    ($doc) = $ed->get_xml("/kb/editor?q=$slugp&status=review");
    is_deeply([xp_list($doc, '/page/kb-editor/article/title')], ["Listed $slugp review"], 'status filter');
    ($doc) = $ed->get_xml("/kb/editor?q=$slugp&category=$cat");
    is(xp_count($doc, '/page/kb-editor/article'), 0, 'category filter');
    ($doc) = $ed->get_xml("/kb/editor?q=$slugp&lang=de");
    is(xp_count($doc, '/page/kb-editor/article'), 0, 'language filter (no German texts)');
    ($doc) = $ed->get_xml("/kb/editor?q=$slugp&lang=en&category=$cat2");
    is(xp_count($doc, '/page/kb-editor/article'), 4, 'filters combined');
    is(xp($doc, '/page/kb-editor/pager/@total'), 4, 'pager total');
    ($doc) = $ed->get_xml('/kb/editor?q=' . ('%' x 3));
    is($res->code, 200, 'a LIKE wildcard is searched for literally');
    ($doc) = $ed->get_xml('/kb/editor');
    ok(xp($doc, '/page/kb-editor/pager/@total') >= 4, 'unfiltered list');
    ok(xp_count($doc, '/page/kb-editor/article') <= 50, 'at most 50 a page');
    my $html = $ed->get("/kb/editor?q=$slugp")->content;
    like($html, qr{<a href="/kb/editor/articles/$ids[0]">}, 'links to edit');
    like($html, qr{<th scope="col">}, 'table headers');
};

done_testing;
