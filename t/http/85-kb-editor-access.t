# Who may author: every editor route answers the editor and the admin
# (kb.edit); a customer, a partner and an agent (kb.read.internal but not
# kb.edit) get 403; an anonymous visitor is sent to the login page on a
# GET and refused (403) on a POST; every POST without its CSRF token is
# refused (403) and changes nothing.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;

my $cat = create_category(names => { en => 'Editor access' });
my $art = create_article(category => $cat, status => 'draft', audience => 'internal',
    texts => { en => { title => 'Access test', body => '<p>one</p>' } });
# A second version so that diff and restore have something to work on.
sql("INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body, status, note, created_at)"
    . " VALUES ($art, 'en', 1, 'Access test', '', '<p>one</p>', 'draft', '', UTC_TIMESTAMP(6)),"
    . " ($art, 'en', 2, 'Access test', '', '<p>two</p>', 'draft', '', UTC_TIMESTAMP(6))");
my $att = add_attachment($art, 'a.pdf', 'application/pdf', 10);

my @gets = ('/kb/editor', '/kb/editor/new', "/kb/editor/articles/$art",
    "/kb/editor/articles/$art?lang=de", "/kb/editor/articles/$art/versions?lang=en",
    "/kb/editor/articles/$art/diff?lang=en&from=1&to=2", "/kb/editor/articles/$art/archive?lang=en",
    '/kb/editor/titles?q=access');
# POSTs with a body that would do nothing harmful or fail validation.
my @posts = (
    ['/kb/editor/new', [title => '']],
    ["/kb/editor/articles/$art?lang=en", [title => '']],
    ["/kb/editor/articles/$art/state", [to => 'nonsense']],
    ["/kb/editor/articles/$art/restore?lang=en", [version => 999]],
    ["/kb/editor/articles/$art/attachments", []],
    ["/kb/editor/attachments/$att/delete", []],
    ['/kb/editor/preview', [format => 'markdown', body => 'x']],
);

for my $email ('editor@portico.example', 'admin@portico.example') {
    subtest "$email may author" => sub {
        my $c = as_role($email);
        for my $p (@gets) {
            my ($doc, $res) = $c->get_xml($p);
            is($res->code, 200, "GET $p: 200");
        }
        my ($doc, $res) = post_csrf($c, '/kb/editor/new', [title => '']);
        is($res->code, 422, 'POST new with bad input: 422 (the handler ran)');
        ($doc, $res) = post_csrf($c, "/kb/editor/articles/$art/state", [to => 'archived']);
        is($res->code, 422, 'POST state with a transition not allowed from draft: 422');
    };
}

for my $email (ROLES_WITHOUT) {
    subtest "$email may not author" => sub {
        my $c = as_role($email);
        for my $p (@gets) {
            my $res = $c->get($p);
            is($res->code, 403, "GET $p: 403");
        }
        for my $p (@posts) {
            my ($doc, $res) = post_csrf($c, $p->[0], $p->[1]);
            is($res->code, 403, "POST $p->[0]: 403");
        }
        my $res = upload($c, "/kb/editor/articles/$art/attachments", filename => 'x.txt', data => "hello\n");
        is($res->code, 403, 'multipart upload: 403');
    };
}

subtest 'anonymous' => sub {
    my $c = reader();
    for my $p (@gets) {
        my $res = $c->get($p);
        is($res->code, 303, "GET $p: 303");
        like(location_path($res) // '', qr{^/auth/login}, '... to the login page');
    }
    my $csrf = $c->csrf;
    for my $p (@posts) {
        my $res = $c->post($p->[0], [@{ $p->[1] }, csrf => $csrf]);
        is($res->code, 403, "POST $p->[0]: 403");
    }
};

subtest 'CSRF on every POST' => sub {
    my $c = as_role('editor@portico.example');
    my $before = sql_value('SELECT COUNT(*) FROM kb_articles');
    my $slug = kb_slug('csrf');
    my @valid = (
        ['/kb/editor/new', new_article_form($cat, slug => $slug)],
        ["/kb/editor/articles/$art?lang=en", new_article_form($cat, slug => kb_slug('csrf'))],
        ["/kb/editor/articles/$art/state", [to => 'review']],
        ["/kb/editor/articles/$art/restore?lang=en", [version => 1]],
        ["/kb/editor/attachments/$att/delete", []],
        ['/kb/editor/preview', [format => 'markdown', body => 'x']],
    );
    for my $p (@valid) {
        for my $csrf (undef, 'f' x 64) {
            my ($doc, $res) = post_csrf($c, $p->[0], $p->[1], defined $csrf ? (csrf => $csrf) : (no_csrf => 1));
            is($res->code, 403, "POST $p->[0] " . (defined $csrf ? 'with a wrong token' : 'without a token') . ': 403');
        }
    }
    my $res = upload($c, "/kb/editor/articles/$art/attachments", filename => 'x.txt', data => "hi\n", csrf => '0');
    is($res->code, 403, 'multipart upload without a token: 403');
    is(sql_value('SELECT COUNT(*) FROM kb_articles'), $before, 'no article created');
    ok(!article_by_slug($slug), 'not the one of the form');
    is(sql_value("SELECT status FROM kb_articles WHERE id = $art"), 'draft', 'status unchanged');
    is(sql_value("SELECT COUNT(*) FROM kb_article_versions WHERE article_id = $art"), 2, 'no version added');
    is(sql_value("SELECT COUNT(*) FROM kb_attachments WHERE id = $att"), 1, 'attachment still there');
    is(sql_value("SELECT COUNT(*) FROM kb_attachments WHERE article_id = $art"), 1, 'and no new one');
};

subtest 'unknown articles and languages: 404' => sub {
    my $c = as_role('editor@portico.example');
    my $missing = 0 + sql_value('SELECT COALESCE(MAX(id), 0) + 1000 FROM kb_articles');
    for my $p ("/kb/editor/articles/$missing", "/kb/editor/articles/$missing/versions",
        "/kb/editor/articles/$art?lang=xx", "/kb/editor/articles/$art/diff?lang=en&from=1&to=99") {
        is($c->get($p)->code, 404, "GET $p: 404");
    }
    my ($doc, $res) = post_csrf($c, "/kb/editor/articles/$missing/state", [to => 'review']);
    is($res->code, 404, 'state of a missing article: 404');
    ($doc, $res) = post_csrf($c, "/kb/editor/articles/$art/restore?lang=en", [version => 99]);
    is($res->code, 404, 'restore of a missing version: 404');
    ($doc, $res) = post_csrf($c, '/kb/editor/attachments/999999999/delete', []);
    is($res->code, 404, 'delete of a missing attachment: 404');
};

done_testing;
