# Versions: every save is a version (number, date, author, status at save,
# note) per language; the diff of two versions shows added and removed
# lines of the body as <diff><line op="same|add|del">; restoring a version
# copies it back as a new version (history is never rewritten: restoring
# v1 of three makes v4... here: of two makes v3 with v1's body), with an
# audit row.  Diffs over 2000 lines are refused with a message.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;

my $cat = create_category(names => { en => 'Editor versions' });
my $ed = as_role('editor@portico.example');
my $editor_id = sql_value("SELECT id FROM users WHERE email = 'editor\@portico.example'");
my $slug = kb_slug('ver');

my $v1 = "<h2>Install</h2>\n<p>Plug it in.</p>\n<p>Switch it on.</p>\n<ul><li>red</li><li>green</li></ul>";
my $v2 = "<h2>Install</h2>\n<p>Plug it in firmly.</p>\n<p>Switch it on.</p>\n<ul><li>red</li><li>blue</li><li>green</li></ul>\n<p>Done.</p>";

my ($doc, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $slug, title => 'Versions v1',
    body => $v1, note => 'one'));
is($res->code, 303, 'v1 created');
my $a = article_by_slug($slug) or BAIL_OUT('no article');
my $id = $a->{id};
($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en", new_article_form($cat, slug => $slug,
    title => 'Versions v2', body => $v2, note => 'two'));
is($res->code, 303, 'v2 saved');

subtest 'the list of versions' => sub {
    my ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id/versions?lang=en");
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'versions', 'view versions');
    is_deeply([xp_list($doc, '/page/kb-versions/version/@no')], [2, 1], 'newest first');
    is(xp($doc, "/page/kb-versions/version[\@no='1']/author"), 'Erin Editor', 'author name');
    is(xp($doc, "/page/kb-versions/version[\@no='1']/note"), 'one', 'note');
    is(xp($doc, "/page/kb-versions/version[\@no='2']/\@status"), 'draft', 'status at save');
    like(xp($doc, "/page/kb-versions/version[\@no='1']/\@created"), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'date');
    ($doc) = $ed->get_xml("/kb/editor/articles/$id/versions?lang=de");
    is(xp_count($doc, '/page/kb-versions/version'), 0, 'none in German');
    my $html = $ed->get("/kb/editor/articles/$id/versions?lang=en")->content;
    like($html, qr{action="/kb/editor/articles/$id/restore\?lang=en"}, 'a restore form');
    like($html, qr{href="/kb/editor/articles/$id/diff\?lang=en&amp;from=1&amp;to=2"}, 'a link to the changes');
};

subtest 'the diff' => sub {
    my ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id/diff?lang=en&from=1&to=2");
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'diff', 'view diff');
    my @add = xp_list($doc, "/page/diff/line[\@op='add']");
    my @del = xp_list($doc, "/page/diff/line[\@op='del']");
    my @same = xp_list($doc, "/page/diff/line[\@op='same']");
    ok((grep { /firmly/ } @add), 'the changed line is added') or diag explain \@add;
    ok((grep { /<p>Plug it in\.<\/p>/ } @del), 'the old line removed') or diag explain \@del;
    ok((grep { /Done\./ } @add), 'the new paragraph added');
    ok((grep { /blue/ } @add), 'the new list item added');
    ok((grep { /Switch it on/ } @same), 'unchanged lines are the same');
    ok((grep { /<h2>Install<\/h2>/ } @same), 'the heading too');
    ok(!(grep { /Switch it on/ } @add, @del), 'and neither added nor removed');
    is(xp($doc, '/page/diff/@added'), scalar @add, 'added count');
    is(xp($doc, '/page/diff/@removed'), scalar @del, 'removed count');
    is(xp($doc, '/page/diff/title-change/from'), 'Versions v1', 'title change shown');
    ($doc) = $ed->get_xml("/kb/editor/articles/$id/diff?lang=en&from=2&to=2");
    is(xp_count($doc, "/page/diff/line[\@op!='same']"), 0, 'a version against itself: no changes');
    my $html = $ed->get("/kb/editor/articles/$id/diff?lang=en&from=1&to=2")->content;
    like($html, qr{<li class="kb-diff-add">}, 'added lines marked in HTML');
    like($html, qr{&lt;p&gt;Plug it in firmly\.&lt;/p&gt;}, 'markup shown as text, escaped');
    for my $bad ('from=1', 'from=1&to=x', 'from=0&to=1', 'from=1&to=9') {
        is($ed->get("/kb/editor/articles/$id/diff?lang=en&$bad")->code, 404, "?$bad: 404");
    }
};

subtest 'restore v1 makes v3 with v1\'s body' => sub {
    my $v1row = (version_rows($id, 'en'))[0];
    my ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id/restore?lang=en", [version => 1]);
    is($res->code, 303, 'status 303');
    like(location_path($res), qr{^/kb/editor/articles/$id/versions\?lang=en&restored=3$}, 'to the versions');
    my @v = version_rows($id, 'en');
    is(scalar @v, 3, 'three versions');
    is($v[2]{no}, 3, 'the new one is 3');
    is($v[2]{body}, $v1row->{body}, "with v1's body");
    is($v[2]{title}, 'Versions v1', "and v1's title");
    like($v[2]{note}, qr/1/, 'a note naming the version');
    is($v[0]{body}, $v1row->{body}, 'v1 untouched');
    like($v[1]{body}, qr/firmly/, 'v2 untouched');
    my $t = text_row($id, 'en');
    is($t->{version_no}, 3, 'current text is v3');
    is($t->{body}, $v1row->{body}, 'with the restored body');
    unlike($t->{body_text}, qr/firmly|Done/, 'and its plain text');
    my ($audit) = audit_rows_for('kb.article.restore', 'kb_article', $id);
    ok($audit, 'audit row') or return;
    like($audit->{after}, qr{"restored":1,"version":3}, 'audit: restored 1 as 3');
    is($audit->{user_id}, $editor_id, 'by the editor');
    ($doc) = $ed->get_xml("/kb/editor/articles/$id/versions?lang=en&restored=3");
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.restored']"), 'success message');
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id/restore?lang=en", [version => 'x']);
    is($res->code, 404, 'a malformed version: 404');
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id/restore?lang=de", [version => 1]);
    is($res->code, 404, 'a version of another language: 404');
    is(scalar(version_rows($id, 'en')), 3, 'nothing added by those');
};

subtest 'a diff over 2000 lines is refused with a message' => sub {
    my $big = join '', map { "<p>$_</p>\n" } 1 .. 2001;
    sql(sprintf("INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body, status, note, created_at)"
        . " VALUES (%d, 'en', 100, 't', '', %s, 'draft', '', UTC_TIMESTAMP(6))", $id, sql_quote($big)));
    my ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id/diff?lang=en&from=1&to=100");
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/diff/@too-large'), '1', 'too large');
    is(xp_count($doc, '/page/diff/line'), 0, 'no lines');
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.diff.too-large']"), 'message');
    my $lines = join '', map { "<p>$_</p>\n" } 1 .. 1999;
    sql(sprintf("INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body, status, note, created_at)"
        . " VALUES (%d, 'en', 101, 't', '', %s, 'draft', '', UTC_TIMESTAMP(6))", $id, sql_quote($lines)));
    (my $other = $lines) =~ s/<p>(\d*[05])<\/p>/<p>changed $1<\/p>/g;
    sql(sprintf("INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body, status, note, created_at)"
        . " VALUES (%d, 'en', 102, 't', '', %s, 'draft', '', UTC_TIMESTAMP(6))", $id, sql_quote($other)));
    ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id/diff?lang=en&from=101&to=102");
    is($res->code, 200, '1999 lines each, a fifth changed: 200');
    is(xp($doc, '/page/diff/@added'), 399, '399 added');
    is(xp($doc, '/page/diff/@removed'), 399, '399 removed');
};

done_testing;
