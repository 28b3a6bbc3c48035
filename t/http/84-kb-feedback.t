# "Was this helpful?": POST /kb/articles/<id>/feedback with helpful=yes|no
# and an optional comment (at most 2000 characters).  Every rating is a
# kb_feedback row and bumps the article's counter in the same transaction,
# then 303 to the article with ?feedback=thanks.  Anonymous readers may
# rate public articles (with their double-submit CSRF token); without the
# token it is 403; an article the reader may not see is 404; bad input is
# 422 with the form again; anonymous votes on one article from one address
# are bounded ([throttle] feedback_per_article within window_min: 429 with
# the form again).  Editors (kb.edit) see ratings and the latest
# comments per article on /kb/editor/feedback; everyone else gets 403.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

my $cat = create_category(names => { en => 'Feedback' });
my $art = create_article(category => $cat, texts => { en => { title => 'Rate me please' } });
my $worse = create_article(category => $cat, texts => { en => { title => 'Rated badly' } });
my $internal = create_article(category => $cat, audience => 'internal', texts => { en => { title => 'Internal rated' } });
my $draft = create_article(category => $cat, status => 'draft', texts => { en => { title => 'Draft rated' } });

sub counts { return sql_rows("SELECT helpful_yes, helpful_no FROM kb_articles WHERE id = $_[0]")->[0] }
sub rows_of { return 0 + sql_value("SELECT COUNT(*) FROM kb_feedback WHERE article_id = $_[0]") }

subtest 'yes twice, no once: counters and rows' => sub {
    my $anon = reader();
    my $csrf = $anon->csrf;
    my $res = $anon->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes']);
    is($res->code, 303, 'anonymous yes: 303');
    like(location_path($res), qr{^/kb/articles/$art\?feedback=thanks$}, 'back to the article, thanks');

    my $carl = reader('carl@acme.example');
    my $ccsrf = csrf_of(scalar $carl->get_xml('/'));
    is($carl->post("/kb/articles/$art/feedback", [csrf => $ccsrf, helpful => 'yes', comment => 'Clear <b>steps</b> & good'])->code,
        303, 'customer yes with comment: 303');
    is($anon->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'no', comment => '  Too short  '])->code,
        303, 'anonymous no: 303');

    is_deeply(counts($art), [2, 1], 'helpful_yes 2, helpful_no 1');
    is(rows_of($art), 3, 'three rows');
    my $carl_id = sql_value("SELECT id FROM users WHERE email = 'carl\@acme.example'");
    my $rows = sql_rows("SELECT helpful, comment, user_id, lang, ip <> '' FROM kb_feedback WHERE article_id = $art ORDER BY id");
    is_deeply($rows, [[1, '', undef, 'en', 1], [1, 'Clear <b>steps</b> & good', $carl_id, 'en', 1], [0, 'Too short', undef, 'en', 1]],
        'rows: vote, comment (trimmed), user, language, ip');
};

subtest 'bad input: 422 with the form, nothing stored' => sub {
    my $c = reader();
    my $csrf = $c->csrf;
    my $before = counts($art);
    my ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [csrf => $csrf, comment => 'no choice']);
    is($res->code, 422, 'no helpful: 422');
    is(xp($doc, '/page/@view'), 'feedback', 'the feedback form');
    is(xp($doc, '/page/messages/message[@field="helpful"]/@key'), 'kb.feedback.helpful.missing', 'message on helpful');
    is(xp($doc, '/page/form[@name="feedback"]/field[@name="comment"]'), 'no choice', 'comment kept');
    is(xp($doc, '/page/article/title'), 'Rate me please', 'article title');
    ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'maybe']);
    is($res->code, 422, 'helpful=maybe: 422');
    ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes', comment => 'x' x 2001]);
    is($res->code, 422, '2001 characters: 422');
    is(xp($doc, '/page/messages/message[@field="comment"]/@key'), 'kb.feedback.comment.too-long', 'message on comment');
    is(xp($doc, '/page/messages/message[@field="comment"]/@max'), 2000, 'saying the limit');
    ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes', comment => "\x{e4}" x 2001]);
    is($res->code, 422, '2001 umlauts: 422');
    $res = $c->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'no', comment => 'a <i>b</i>']);
    is($res->code, 303, 'sanity: valid after invalid');
    my $html = $c->post("/kb/articles/$art/feedback", [csrf => $csrf, comment => '<script>x</script>']);
    is($html->code, 422, 'HTML 422');
    like($html->content, qr{<textarea[^>]*>&lt;script&gt;x&lt;/script&gt;</textarea>}, 'comment echoed escaped');
    like($html->content, qr{href="/kb/articles/$art"}, 'link back to the article');
    is_deeply(counts($art), [$before->[0], $before->[1] + 1], 'only the valid one counted');
    is($c->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes', comment => 'x' x 2000])->code, 303,
        '2000 characters: fine');
    is($c->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes', comment => "\x{e4}" x 2000])->code,
        303, '2000 umlauts (4000 bytes): fine, the limit is in characters');
};

subtest 'CSRF' => sub {
    my $c = reader();
    $c->csrf;
    my $before = rows_of($art);
    my ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [helpful => 'yes']);
    is($res->code, 403, 'no token: 403');
    ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [helpful => 'yes', csrf => '0' x 64]);
    is($res->code, 403, 'wrong token: 403');
    my $other = reader();
    ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [helpful => 'yes', csrf => $other->csrf]);
    is($res->code, 403, "another browser's token: 403");
    is(rows_of($art), $before, 'nothing stored');
};

subtest 'articles one may not rate: 404' => sub {
    my $anon = reader();
    my $csrf = $anon->csrf;
    my $res = $anon->post("/kb/articles/$internal/feedback", [csrf => $csrf, helpful => 'yes']);
    is($res->code, 404, 'internal article, anonymous: 404');
    my $carl = reader('carl@acme.example');
    my $ccsrf = csrf_of(scalar $carl->get_xml('/'));
    is($carl->post("/kb/articles/$internal/feedback", [csrf => $ccsrf, helpful => 'no'])->code, 404, 'internal, customer: 404');
    is($carl->post("/kb/articles/$draft/feedback", [csrf => $ccsrf, helpful => 'no'])->code, 404, 'draft: 404');
    my $max = sql_value('SELECT MAX(id) FROM kb_articles');
    is($carl->post('/kb/articles/' . ($max + 1000) . '/feedback', [csrf => $ccsrf, helpful => 'no'])->code, 404, 'unknown: 404');
    is($carl->post("/kb/articles/$internal/feedback", [csrf => $ccsrf])->code, 404, 'invisible and invalid: still 404');
    is(rows_of($internal) + rows_of($draft), 0, 'nothing stored');
    is_deeply(counts($internal), [0, 0], 'counters untouched');
    my $agent = reader('agent@portico.example');
    my $acsrf = csrf_of(scalar $agent->get_xml('/'));
    is($agent->post("/kb/articles/$internal/feedback", [csrf => $acsrf, helpful => 'yes'])->code, 303, 'agent may rate internal');
};

subtest 'editor overview' => sub {
    my $c = reader();
    my $csrf = $c->csrf;
    $c->post("/kb/articles/$worse/feedback", [csrf => $csrf, helpful => 'no', comment => "Wrong <script>alert('x')</script> steps"]) for 1 .. 2;
    $c->post("/kb/articles/$worse/feedback", [csrf => $csrf, helpful => 'yes']);

    for my $who (qw(carl@acme.example agent@portico.example paula@northwind.example)) {
        is(reader($who)->get('/kb/editor/feedback')->code, 403, "$who: 403");
    }
    is(reader()->get('/kb/editor/feedback')->code, 303, 'anonymous: to the login');

    my $ed = reader('editor@portico.example');
    my ($doc, $res) = $ed->get_xml('/kb/editor/feedback?sort=worst&period=all');
    is($res->code, 200, 'editor: 200');
    my @ids = xp_list($doc, '/page/feedback/articles/article/@id');
    my %pos;
    @pos{@ids} = 0 .. $#ids;
    ok(defined $pos{$worse} && defined $pos{$art}, 'both rated articles listed');
    ok($pos{$worse} < $pos{$art}, 'worst rate first');
    my $w = "/page/feedback/articles/article[\@id=$worse]";
    is(xp($doc, "$w/\@yes"), 1, 'yes count');
    is(xp($doc, "$w/\@no"), 2, 'no count');
    is(xp($doc, "$w/\@rate"), 33, 'helpful rate 33 %');
    is(xp($doc, "$w/\@views"), 0, 'views');
    is(xp($doc, "$w/title"), 'Rated badly', 'title');
    is(xp_count($doc, "$w/comment"), 2, 'its comments');
    is(xp($doc, "$w/comment[1]/\@helpful"), 'no', 'with the vote');
    is(xp_count($doc, "/page/feedback/articles/article[\@id=$art]/comment"), 3, 'at most 3 latest comments');
    ok(!grep({ $_ == $draft } @ids), 'unrated articles not listed');

    ($doc) = $ed->get_xml('/kb/editor/feedback?sort=best&period=7');
    @ids = xp_list($doc, '/page/feedback/articles/article/@id');
    @pos{@ids} = 0 .. $#ids;
    ok($pos{$art} < $pos{$worse}, 'best first');
    is(xp($doc, '/page/feedback/@period'), '7', 'period 7');
    is(xp($doc, "$w/\@no"), 2, 'period counts from the rows');

    sql("UPDATE kb_feedback SET created_at = UTC_TIMESTAMP(6) - INTERVAL 40 DAY WHERE article_id = $worse");
    ($doc) = $ed->get_xml('/kb/editor/feedback?period=30');
    is(xp_count($doc, $w), 0, 'older ratings fall out of the period');
    ($doc) = $ed->get_xml('/kb/editor/feedback?period=bogus&sort=bogus');
    is(xp($doc, '/page/feedback/@period'), 'all', 'unknown period: all');
    is(xp($doc, '/page/feedback/@sort'), 'worst', 'unknown sort: worst');

    my $html = $ed->get('/kb/editor/feedback')->content;
    like($html, qr{Wrong &lt;script&gt;alert\('x'\)&lt;/script&gt; steps|Wrong &lt;script&gt;alert\(&#39;x&#39;\)&lt;/script&gt; steps}, 'comment escaped');
    unlike($html, qr{<script>alert}, 'never raw');
    like($html, qr{<th scope="col">}, 'table headers');
};

subtest 'anonymous votes from one address are bounded per article' => sub {
    my $limit = 20;
    if (open(my $fh, '<', conf_file())) {
        my $in = '';
        while (<$fh>) {
            $in = $1 if /^\s*\[(\w+)\]/;
            $limit = $1 if $in eq 'throttle' && /^\s*feedback_per_article\s*=\s*(\d+)/;
        }
    }
    my $target = create_article(category => $cat, texts => { en => { title => 'Rated by a script' } });
    my $anon = reader();
    my $csrf = $anon->csrf;
    my @codes = map { $anon->post("/kb/articles/$target/feedback", [csrf => $csrf, helpful => 'yes'])->code } 1 .. $limit;
    is(scalar(grep { $_ == 303 } @codes), $limit, "$limit anonymous votes on one article: all counted");
    my ($doc, $res) = $anon->post_xml("/kb/articles/$target/feedback",
        [csrf => $csrf, helpful => 'no', comment => 'One more, please keep me']);
    is($res->code, 429, 'one more from the same address: 429');
    is(xp($doc, '/page/@view'), 'feedback', 'the feedback form again');
    is(xp($doc, "/page/messages/message[\@key='kb.feedback.throttled']/\@kind"), 'error', 'with the message');
    is(xp($doc, '/page/form[@name="feedback"]/field[@name="comment"]'), 'One more, please keep me', 'the comment kept');
    is_deeply(counts($target), [$limit, 0], 'not counted');
    is(rows_of($target), $limit, 'no row');
    my $carl = reader('carl@acme.example');
    is($carl->post("/kb/articles/$target/feedback", [csrf => $carl->csrf, helpful => 'no'])->code, 303,
        'a signed-in reader from the same address still rates');
    is($anon->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes'])->code, 303,
        'and the anonymous visitor another article');
};

done_testing;
