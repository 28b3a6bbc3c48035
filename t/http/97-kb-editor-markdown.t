# Article bodies written in Markdown: a save keeps the source and stores
# the sanitised XHTML (the readers' page shows the GFM table); the editor
# re-opens the source; versions, diff and restore work on it; a text
# written in XHTML stays XHTML; Preview (no JavaScript) and the preview
# endpoint of the live preview (POST /kb/editor/preview, CSRF checked)
# show exactly what a save would store; XSS attempts through Markdown
# never reach the database.
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

my $cat = create_category(names => { en => 'Markdown articles' });
my $ed = as_role('editor@portico.example');

my $md = <<'MD';
## Prices

Plans **compared**, see [the portal](https://portal.example/plans).

| Plan  | Price |
|-------|------:|
| Basic | 10    |
| Pro   | 20    |

```
reset --hard
```
MD

my ($id, $slug);
subtest 'save Markdown: the source and the sanitised XHTML' => sub {
    $slug = kb_slug('md');
    my ($doc, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $slug,
        audience => 'public', title => 'Plans and prices', format => 'markdown', body => $md));
    is($res->code, 303, 'saved: 303');
    my $a = article_by_slug($slug) or return fail('no article');
    $id = $a->{id};
    my $t = text_row($id, 'en');
    is($t->{body_format}, 'markdown', 'format markdown');
    is($t->{body_source}, $md, 'the source as typed');
    like($t->{body}, qr{<h2>Prices</h2>}, 'XHTML: heading');
    like($t->{body}, qr{<table>.*<th>Plan</th>.*<td>Pro</td>.*</table>}s, 'XHTML: the table');
    like($t->{body}, qr{<a href="https://portal.example/plans" rel="noopener noreferrer">the portal</a>}, 'XHTML: the link');
    like($t->{body}, qr{<pre><code>reset --hard\n</code></pre>}, 'XHTML: fenced code');
    unlike($t->{body}, qr{\|}, 'no Markdown left in the XHTML');
    like($t->{body_text}, qr{Plans compared}, 'plain text for search');
    my ($v) = version_rows($id, 'en');
    is($v->{body_format}, 'markdown', 'version 1: markdown');
    is($v->{body_source}, $md, 'version 1: the source');
    is($v->{body}, $t->{body}, 'version 1: the same XHTML');
    my ($audit) = audit_rows_for('kb.article.create', 'kb_article', $id);
    like($audit->{after} // '', qr{"format":"markdown"}, 'the audit row says so');
};

subtest 'readers see the table' => sub {
    return fail('no article') unless $id;
    sql("UPDATE kb_articles SET status = 'published', published_at = UTC_TIMESTAMP(6) WHERE id = $id");
    my ($doc, $res) = reader()->get_xml("/kb/articles/$id");
    is($res->code, 200, 'published: 200');
    is(xp($doc, '/page/article/body/table/tbody/tr[2]/td[1]'), 'Pro', 'the table in the article');
    is(xp($doc, '/page/article/body/h2'), 'Prices', 'the heading');
    my $html = Encode::decode_utf8(reader()->get("/kb/articles/$id")->content);
    like($html, qr{<th>Price</th>}, 'the HTML page has the table');
};

subtest 'the editor re-opens the source' => sub {
    return fail('no article') unless $id;
    my ($doc) = $ed->get_xml("/kb/editor/articles/$id?lang=en");
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='format']"), 'markdown', 'format markdown');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='body']"), $md, 'the body field holds the source');
    my $html = Encode::decode_utf8($ed->get("/kb/editor/articles/$id?lang=en")->content);
    like($html, qr{<option value="markdown" selected}, 'Markdown selected');
    like($html, qr{\| Basic \| 10    \|}, 'the textarea shows the Markdown');
};

subtest 'versions: a new one, the diff of the sources, restore' => sub {
    return fail('no article') unless $id;
    (my $md2 = $md) =~ s/\| Pro   \| 20    \|/| Pro   | 25    |/;
    # No format field: the text keeps the one it is written in.
    my @form = grep { defined } @{ new_article_form($cat, slug => $slug, audience => 'public',
        title => 'Plans and prices', body => $md2) };
    my %f = @form;
    delete $f{format};
    my ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en", [%f]);
    is($res->code, 303, 'version 2 saved');
    my $t = text_row($id, 'en');
    is($t->{body_format}, 'markdown', 'still Markdown without a format field');
    like($t->{body}, qr{<td>25</td>}, 'the new price');
    ($doc, $res) = $ed->get_xml("/kb/editor/articles/$id/diff?lang=en&from=1&to=2");
    is($res->code, 200, 'diff 200');
    is(xp($doc, '/page/diff/@format'), 'markdown', 'the sources are compared');
    is(xp($doc, "/page/diff/line[\@op='del']"), '| Pro   | 20    |', 'the removed source line');
    is(xp($doc, "/page/diff/line[\@op='add']"), '| Pro   | 25    |', 'the added source line');
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$id/restore?lang=en", [version => 1]);
    is($res->code, 303, 'restore v1: 303');
    my @v = version_rows($id, 'en');
    is(scalar @v, 3, 'version 3');
    is($v[2]{body_format}, 'markdown', 'restored as Markdown');
    is($v[2]{body_source}, $md, "with v1's source");
    is($v[2]{body}, $v[0]{body}, "and v1's XHTML");
    is(text_row($id, 'en')->{body_source}, $md, 'the current text is v1 again');
};

subtest 'a text written in XHTML stays XHTML' => sub {
    my $x = create_article(category => $cat, status => 'draft',
        texts => { en => { title => 'Old style', body => '<p>Old <strong>style</strong></p>' } });
    forget_article($x);
    my ($doc) = $ed->get_xml("/kb/editor/articles/$x?lang=en");
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='format']"), 'xhtml', 'opens as XHTML');
    is(xp($doc, "/page/form[\@name='kb-article']/field[\@name='body']"), '<p>Old <strong>style</strong></p>', 'the body as stored');
    is(xp($doc, '/page/kb-article-form/@stored-format'), 'xhtml', 'the form knows how it is written');
    like(Encode::decode_utf8($ed->get("/kb/editor/articles/$x?lang=en")->content), qr{class="hint kb-format-note"}, 'and says what switching means');
    my $s = sql_value("SELECT slug FROM kb_articles WHERE id = $x");
    my %f = @{ new_article_form($cat, slug => $s, title => 'Old style', body => '<p>Old <em>style</em></p>') };
    delete $f{format};
    my $res;
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$x?lang=en", [%f]);
    is($res->code, 303, 'saved without a format field');
    my $t = text_row($x, 'en');
    is($t->{body_format}, 'xhtml', 'still XHTML');
    ok(!defined $t->{body_source}, 'no source kept');
    is($t->{body}, '<p>Old <em>style</em></p>', 'the body as typed');
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$x?lang=en", new_article_form($cat, slug => $s,
        title => 'Old style', format => 'markdown', body => "Now *Markdown*\n"));
    is($res->code, 303, 'switched to Markdown');
    is(text_row($x, 'en')->{body}, '<p>Now <em>Markdown</em></p>', 'rendered from then on');
    ($doc, $res) = post_csrf($ed, "/kb/editor/articles/$x?lang=en", new_article_form($cat, slug => $s,
        title => 'Old style', format => 'rtf', body => 'x'));
    is($res->code, 422, 'an unknown format: 422');
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.format.invalid' and \@field='format']"), 'with the message');
};

subtest 'Preview without JavaScript renders the Markdown and saves nothing' => sub {
    my $before = sql_value('SELECT COUNT(*) FROM kb_articles');
    my ($doc, $res) = post_csrf($ed, '/kb/editor/new', [@{ new_article_form($cat, format => 'markdown',
        title => 'Preview', body => "| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n") },
        action => 'preview']);
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/kb-article-form/preview/body/table/tbody/tr/td[2]'), '2', 'the table in the preview');
    is(xp_count($doc, '/page/kb-article-form/preview/body//script'), 0, 'no script');
    like(xp($doc, "/page/form[\@name='kb-article']/field[\@name='body']"), qr{<script>alert\(1\)</script>}, 'the typed source is kept');
    is(sql_value('SELECT COUNT(*) FROM kb_articles'), $before, 'nothing saved');
    $res = $ed->request(HTTP::Request::Common::POST(base_url() . '/kb/editor/new', [
        @{ new_article_form($cat, format => 'markdown', title => 'Preview',
            body => "| a | b |\n|---|---|\n| 1 | 2 |\n") }, action => 'preview', csrf => csrf_for($ed)]));
    like($res->decoded_content, qr{<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]+"><table>},
        'the HTML preview puts the table in a scrolling region, as the article page does');
};

subtest 'the live preview endpoint' => sub {
    my ($doc, $res) = post_multipart($ed, '/kb/editor/preview', [format => 'markdown',
        body => "## Hi\n\n| k | v |\n|---|---|\n| x | y |\n\n[bad](javascript:alert(1)) <img src=x onerror=alert(1)>\n"]);
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'editor-preview', 'view editor-preview');
    is(xp($doc, '/page/kb-preview/body/h2'), 'Hi', 'heading');
    is(xp($doc, '/page/kb-preview/body/table/tbody/tr/td[2]'), 'y', 'table');
    my $html = $ed->request(HTTP::Request::Common::POST(base_url() . '/kb/editor/preview',
        Content_Type => 'form-data', Content => [format => 'markdown', body => "| k | v |\n|---|---|\n| x | y |\n",
        csrf => csrf_for($ed)]))->decoded_content;
    like($html, qr{<div class="table-scroll" role="region" tabindex="0" aria-label="Table 1"><table>},
        'the fragment puts the table in a named scrolling region');
    is(xp_count($doc, '/page/kb-preview/body//a'), 0, 'the javascript: link is no link');
    is(xp_count($doc, '/page/kb-preview/body//img'), 0, 'no img with onerror');
    my $r = $ed->request(HTTP::Request::Common::POST(base_url() . '/kb/editor/preview',
        Content_Type => 'form-data', Content => [format => 'markdown', body => "Some **bold**\n", csrf => csrf_for($ed)]));
    is($r->code, 200, 'HTML: 200');
    like($r->content, qr{^<div class="kb-live-fragment"><p>Some <strong>bold</strong></p>}, 'an HTML fragment of the body');
    unlike($r->content, qr{<html}i, 'not a page');
    ($doc, $res) = post_multipart($ed, '/kb/editor/preview', [format => 'xhtml', body => '<p onclick="x()">a</p><script>b()</script>']);
    is($res->code, 200, 'XHTML too');
    is(xp($doc, '/page/kb-preview/body/p'), 'a', 'sanitised');
    is(xp_count($doc, '/page/kb-preview/body//@onclick | /page/kb-preview/body//script'), 0, 'without handler or script');
    ($doc, $res) = post_multipart($ed, '/kb/editor/preview', [format => 'markdown', body => 'x' x (200 * 1024 + 1)]);
    is($res->code, 422, 'over 200 KB: 422');
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.body.too-long']"), 'with the message');
    ($doc, $res) = post_multipart($ed, '/kb/editor/preview', [format => 'markdown', body => 'x'], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    is(xp_count($doc, '/page/kb-preview'), 0, 'and no preview');
    ($doc, $res) = post_multipart($ed, '/kb/editor/preview', [format => 'markdown', body => 'x'], csrf => 'f' x 64);
    is($res->code, 403, 'with a wrong token: 403');
    for my $email (ROLES_WITHOUT) {
        my $c = as_role($email);
        (undef, $res) = post_multipart($c, '/kb/editor/preview', [format => 'markdown', body => 'x']);
        is($res->code, 403, "$email: 403");
    }
};

subtest 'XSS through Markdown never reaches the database' => sub {
    my @payloads = (
        "<script>alert(1)</script>",
        "Hi <img src=x onerror=alert(1)>",
        "<div onclick=\"alert(1)\">x</div>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x](vbscript:msgbox(1))",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<style>body{display:none}</style>",
        "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")",
        "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">x</a>",
        "```\n</code><script>alert(1)</script>\n```",
        "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    );
    for my $i (0 .. $#payloads) {
        my $s = kb_slug('mdx');
        my (undef, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $s,
            format => 'markdown', body => "Text\n\n$payloads[$i]\n"));
        is($res->code, 303, "payload $i saved");
        my $a = article_by_slug($s) or next;
        my $body = text_row($a->{id}, 'en')->{body};
        # Text may mention javascript: (as text it is harmless); no URL may use it.
        my $ok = $body !~ /<script|<iframe|<style|<img[^>]*onerror|\son[a-z]+="|(?:href|src)="[^"]*(?:javascript|vbscript|data):/i;
        ok($ok, "payload $i stored harmless") or diag("payload: $payloads[$i]\nstored: $body");
    }
};

done_testing;
