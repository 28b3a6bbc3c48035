# The workflow: draft → review → published → archived → draft, review →
# draft, published → draft (withdraw); every other change is refused with
# 422 and changes nothing.  Publishing sets published_at and needs a text
# in at least one language.  Each transition writes an audit row; a
# published article is what readers see.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;

my $cat = create_category(names => { en => 'Editor workflow' });
my $ed = as_role('editor@portico.example');
my $editor_id = sql_value("SELECT id FROM users WHERE email = 'editor\@portico.example'");

sub to {
    my ($id, $state, %o) = @_;
    # Archiving is confirmed (t/http/98-kb-editor-form.t shows what happens when it is not).
    return post_csrf($o{as} // $ed, "/kb/editor/articles/$id/state", [to => $state, lang => 'en',
        ($state eq 'archived' ? (confirm => 1) : ())]);
}
sub status_of { sql_value("SELECT status FROM kb_articles WHERE id = $_[0]") }

subtest 'the whole life of an article' => sub {
    my $id = create_article(category => $cat, status => 'draft', audience => 'public',
        texts => { en => { title => 'Lifecycle', body => '<p>life</p>' } });
    sql("UPDATE kb_articles SET published_at = NULL WHERE id = $id");
    my $reader = reader();
    is($reader->get("/kb/articles/$id")->code, 404, 'a draft is not readable');
    my @path = (qw(review draft review published archived draft review published draft));
    my $from = 'draft';
    for my $s (@path) {
        my ($doc, $res) = to($id, $s);
        is($res->code, 303, "$from → $s: 303");
        is(location_path($res), "/kb/editor/articles/$id?lang=en&state=$s", '... back to the article');
        is(status_of($id), $s, "... now $s");
        my @audit = audit_rows_for('kb.article.state', 'kb_article', $id);
        is($audit[-1]{before}, qq({"status":"$from"}), '... audit before');
        is($audit[-1]{after}, qq({"status":"$s"}), '... audit after');
        is($audit[-1]{user_id}, $editor_id, '... by the editor');
        if ($s eq 'published') {
            ok(sql_value("SELECT published_at IS NOT NULL AND published_at > UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE FROM kb_articles WHERE id = $id"),
                '... published_at set now');
            is($reader->get("/kb/articles/$id")->code, 200, '... readable by anyone (public)');
        }
        $from = $s;
    }
    is(scalar(audit_rows_for('kb.article.state', 'kb_article', $id)), scalar @path, 'one audit row per transition');
    is($reader->get("/kb/articles/$id")->code, 404, 'withdrawn: not readable any more');
    my ($doc) = $ed->get_xml("/kb/editor/articles/$id?lang=en&state=draft");
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.state.changed']"), 'success message');
};

subtest 'transitions that are not allowed: 422' => sub {
    my %allowed = map { $_ => 1 } qw(draft>review review>published review>draft published>archived published>draft archived>draft);
    my @states = qw(draft review published archived);
    for my $from (@states) {
        my $id = create_article(category => $cat, status => $from, texts => { en => { title => "From $from" } });
        for my $t (@states, 'deleted', '') {
            next if $allowed{"$from>$t"};
            my ($doc, $res) = to($id, $t);
            is($res->code, 422, "$from → '$t': 422");
            is(status_of($id), $from, '... unchanged');
            ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.state.invalid' and \@field='to']"), '... with the message');
        }
        is(scalar(audit_rows_for('kb.article.state', 'kb_article', $id)), 0, "no audit rows for $from");
    }
};

subtest 'publishing needs a text' => sub {
    my $id = create_article(category => $cat, status => 'review', texts => {});
    my ($doc, $res) = to($id, 'published');
    is($res->code, 422, 'status 422');
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.state.no-text']"), 'message');
    is(status_of($id), 'review', 'still in review');
    my $html = $ed->post("/kb/editor/articles/$id/state", [to => 'published', lang => 'en', csrf => csrf_for($ed)])->content;
    like($html, qr{id="to-error"}, 'the HTML page shows why');
    ($doc, $res) = to($id, 'draft');
    is($res->code, 303, 'back to draft is fine without a text');
};

subtest 'the admin runs the workflow too' => sub {
    my $id = create_article(category => $cat, status => 'draft');
    my ($doc, $res) = to($id, 'review', as => as_role('admin@portico.example'));
    is($res->code, 303, 'status 303');
    is(status_of($id), 'review', 'in review');
};

done_testing;
