# "Turn this answer into a knowledge base draft": the form starts from the
# answer (the ticket's subject as title, the answer as Markdown body,
# audience internal); the draft is a KB article in status draft by the
# agent, with its text (Markdown source and sanitised XHTML) and version
# 1, audited as the editor's own; the ticket keeps the link (one draft per
# answer), a history row and an audit row, and the page links the answer
# to its draft.  The KB editors find it in their list.  Invalid input is
# 422 with the values kept; a note or another ticket's message is 404;
# customers and anonymous visitors get 403.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
my $editor = tk_client('editor@portico.example');
my $n = tk_raise($carl, 'other-question', [subject => 'Scanner does not pair', description => 'It blinks red.']);
my @articles;

END { sql('DELETE FROM kb_articles WHERE id IN (' . join(',', @articles) . ')') if @articles }

my ($doc, $res) = tk_post($agent, "/tickets/$n/reply", [body => "Hold the **pair** button for five seconds.\n\n- then scan the code"]);
my ($answer) = grep { $_->{kind} eq 'public' && $_->{author} == 3 } message_rows($n);
($doc, $res) = tk_post($agent, "/tickets/$n/note", [note => 'Internal only']);
my ($note) = grep { $_->{kind} eq 'internal' } message_rows($n);
my $cat = sql_value("SELECT id FROM kb_categories WHERE audience = 'internal' ORDER BY id LIMIT 1")
    // sql_value('SELECT id FROM kb_categories ORDER BY id LIMIT 1');

subtest 'the form' => sub {
    ($doc, $res) = $agent->get_xml("/tickets/$n/kb-draft?message=$answer->{id}");
    is($res->code, 200, 'an agent opens it');
    my $f = "/page/form[\@name='kb-draft']/field";
    is(xp($doc, "$f\[\@name='title']"), 'Scanner does not pair', 'title: the subject');
    is(xp($doc, "$f\[\@name='body']"), $answer->{body}, 'body: the answer');
    is(xp($doc, "$f\[\@name='audience']"), 'internal', 'internal by default');
    ok(xp_count($doc, '/page/kb-draft/categories/category') > 0, 'the categories to choose from');
    my ($page) = $agent->get_xml("/tickets/$n");
    is(xp($page, "/page/ticket/agent/drafts/draft"), '', 'no draft yet');
    like($agent->get("/tickets/$n")->decoded_content, qr{href="/tickets/\Q$n\E/kb-draft\?message=$answer->{id}"},
        'the answer offers it');
    is($agent->get("/tickets/$n/kb-draft?message=$note->{id}")->code, 404, 'an internal note: 404');
    is($agent->get("/tickets/$n/kb-draft?message=1")->code, 404, 'another ticket\'s message: 404');
    is($agent->get("/tickets/$n/kb-draft")->code, 404, 'no message: 404');
    is($carl->get("/tickets/$n/kb-draft?message=$answer->{id}")->code, 403, 'a customer: 403');
};

subtest '422 keeps every value' => sub {
    ($doc, $res) = tk_post($agent, "/tickets/$n/kb-draft", [message => $answer->{id}, title => '',
        lang => 'xx', category => '', audience => 'everyone', body => '  ']);
    is($res->code, 422, 'all wrong: 422');
    my %m = map { $_->getAttribute('field') => $_->getAttribute('key') } $doc->findnodes("/page/messages/message[\@kind='error']");
    is($m{title}, 'tickets.kb-draft.title.required', 'title');
    is($m{lang}, 'tickets.kb-draft.lang.invalid', 'language');
    is($m{category}, 'tickets.kb-draft.category.required', 'category');
    is($m{audience}, 'tickets.kb-draft.audience.invalid', 'audience');
    is($m{body}, 'tickets.kb-draft.body.required', 'body');
    is(xp($doc, "/page/form[\@name='kb-draft']/field[\@name='audience']"), 'everyone', 'kept');
    ($doc, $res) = tk_post($agent, "/tickets/$n/kb-draft", [message => $answer->{id}, title => 'T' x 301,
        lang => 'en', category => $cat, audience => 'internal', body => 'x']);
    is($res->code, 422, 'a long title: 422');
    is(xp($doc, "/page/messages/message[\@field='title']/\@max"), 300, 'the bound');
    is(xp($doc, "/page/form[\@name='kb-draft']/field[\@name='category']"), $cat, 'category kept');
    is(sql_value("SELECT COUNT(*) FROM ticket_kb_drafts WHERE message_id = $answer->{id}"), 0, 'nothing written');
    ($doc, $res) = tk_post($carl, "/tickets/$n/kb-draft", [message => $answer->{id}, title => 'x', lang => 'en',
        category => $cat, audience => 'internal', body => 'x']);
    is($res->code, 403, 'a customer: 403');
    ($doc, $res) = tk_post($agent, "/tickets/$n/kb-draft", [message => $answer->{id}, title => 'x', lang => 'en',
        category => $cat, audience => 'internal', body => 'x'], no_csrf => 1);
    is($res->code, 403, 'no CSRF token: 403');
};

subtest 'the draft' => sub {
    ($doc, $res) = tk_post($agent, "/tickets/$n/kb-draft", [message => $answer->{id},
        title => 'Pair the scanner', lang => 'en', category => $cat, audience => 'internal',
        body => "Hold the **pair** button for five seconds.\r\n\r\n- then scan the code\r\n<script>x</script>"]);
    is($res->code, 303, 'created: 303');
    is(location_path($res), "/tickets/$n?done=kb-draft&m=$answer->{id}", 'back to the answer');
    my $art = sql_value("SELECT article_id FROM ticket_kb_drafts WHERE message_id = $answer->{id}");
    ok($art, 'the ticket keeps the link');
    push @articles, $art;
    my $a = sql_rows("SELECT status, audience, created_by, category_id, slug FROM kb_articles WHERE id = $art")->[0];
    is_deeply([@$a[0 .. 3]], ['draft', 'internal', 3, $cat], 'a draft by the agent, internal');
    like($a->[4], qr/^ticket-t-\d{4}-\d{6}-m$answer->{id}$/, 'a slug of its own');
    my $t = sql_rows("SELECT title, body_format, body_source, body, version_no FROM kb_article_texts WHERE article_id = $art AND lang = 'en'")->[0];
    is($t->[0], 'Pair the scanner', 'title');
    is($t->[1], 'markdown', 'written in Markdown');
    is($t->[2], "Hold the **pair** button for five seconds.\n\n- then scan the code\n<script>x</script>", 'the source');
    like($t->[3], qr{<strong>pair</strong>}, 'the XHTML');
    unlike($t->[3], qr{<script}, 'sanitised');
    is($t->[4], 1, 'version 1');
    is(sql_value("SELECT COUNT(*) FROM kb_article_versions WHERE article_id = $art AND version_no = 1 AND status = 'draft' AND created_by = 3"),
        1, 'the version row');
    my @kb = @{ sql_rows("SELECT user_id, after_json FROM audit_log WHERE action = 'kb.article.create' AND object_id = '$art'") };
    is(scalar @kb, 1, 'audited as an article');
    like($kb[0][1], qr/"ticket":"\Q$n\E"/, 'naming the ticket');
    is(scalar audit_for('ticket.kb-draft', $n), 1, 'audited on the ticket');
    ok(grep({ $_->{field} eq 'kb_draft' && $_->{new} eq $art } history_rows($n)), 'history');

    ($doc) = $agent->get_xml("/tickets/$n?done=kb-draft");
    is(xp($doc, "/page/ticket/agent/drafts/draft[\@message='$answer->{id}']"), 'Pair the scanner', 'the page names the draft');
    is(xp($doc, "/page/ticket/agent/drafts/draft/\@status"), 'draft', 'and its state');
    is(xp($doc, "/page/messages/message[\@kind='success']/\@key"), 'tickets.done.kb-draft', 'said so');
    ($doc) = tk_client('admin@portico.example')->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/agent/drafts/draft/@href'), "/kb/editor/articles/$art", 'a KB editor gets the link');

    ($doc) = $editor->get_xml('/kb/editor');
    is(xp($doc, "(//article)[1]/\@id"), $art, 'the editors find it first in their list');

    ($doc, $res) = tk_post($agent, "/tickets/$n/kb-draft", [message => $answer->{id}, title => 'Again', lang => 'en',
        category => $cat, audience => 'internal', body => 'x']);
    is($res->code, 422, 'a second draft of one answer: 422');
    is(xp($doc, '/page/kb-draft/@article'), $art, 'names the one there is');
    is(sql_value("SELECT COUNT(*) FROM kb_articles WHERE slug LIKE 'ticket-%-m$answer->{id}'"), 1, 'still one');
    ($doc) = $carl->get_xml("/tickets/$n");
    is(xp_count($doc, '//drafts'), 0, 'the customer sees nothing of it');
};

done_testing;
