# The survey on the ticket page and its answer: the requester of a
# resolved ticket gets the form there (nobody else: a colleague in CC sees
# no survey and may not answer, 403; another organisation 404; agents see
# the answer, read-only).  One answer per ticket (a second POST changes
# it), changeable for 7 days after it was first given: then the page shows
# it read-only and a POST is refused (409) and changes nothing.  A rating
# missing or outside 1..5, or a comment over 2000 characters, is 422 with
# the values kept and a message at the field, on the ticket page and on
# the link's page; CSRF on both.  The results (GET /tickets/surveys) give
# the count and average, per agent, group and service, and the latest
# comments, to agents and managers only.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use HTTP::Request::Common ();
use Encode qw(encode_utf8);
use Portico::Test;
use Portico::Tickets;
use Portico::Survey;

my $carl = tk_client('carl@acme.example');
my $olivia = tk_client('olivia@acme.example');
my $agent = tk_client('agent@portico.example');
my $agent_id = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
forget_filings_of('carl@acme.example');

my $w = made_up_word();
my $n = tk_raise($carl, 'other-question', [subject => "Survey page $w", description => "About $w.",
    suggested => 'script']);
my (undef, $cc) = tk_post($carl, "/tickets/$n/cc", [email => 'olivia@acme.example']);
tk_post($agent, "/tickets/$n/assign", [group => 1, assignee => $agent_id]);

subtest 'before it is resolved: no survey' => sub {
    my ($doc) = $carl->get_xml("/tickets/$n");
    is(xp_count($doc, '/page/ticket/survey'), 0, 'none on the page');
    my (undef, $res) = tk_post($carl, "/tickets/$n/survey", [rating => 5]);
    is($res->code, 409, 'an answer: 409');
};

agent_resolve($agent, $n);

subtest 'on the ticket page, for the requester' => sub {
    my ($doc) = $carl->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/survey/@state'), 'open', 'open');
    is(xp($doc, '/page/ticket/survey/@action'), "/tickets/$n/survey", 'answered on the ticket');
    is(xp($doc, "/page/limits/limit[\@name='comment']/\@chars"), 2000, 'the comment\'s bound');
    my $html = $carl->get("/tickets/$n")->decoded_content;
    like($html, qr{<h2 id="survey-title">How satisfied are you with our help\?</h2>}, 'the section');
    is(() = $html =~ /<input type="radio"[^>]*name="rating"/g, 5, 'five ratings');
    like($html, qr{<textarea id="comment" name="comment" rows="4" maxlength="2000"}, 'a bounded comment');
    ($doc) = $olivia->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/@number'), $n, 'the colleague in CC sees the ticket');
    is(xp_count($doc, '/page/ticket/survey'), 0, 'but no survey');
    ($doc) = $agent->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/survey/@state'), 'open', 'the agent sees it is asked');
    ok(!xp($doc, '/page/ticket/survey/@action'), 'without a form');
};

subtest 'refused answers keep what was typed' => sub {
    my $long = 'ä' x 2001;
    for my $case (
        [ 'no rating',     [comment => 'Fine.'],            'rating',  'tickets.survey.rating.required' ],
        [ 'rating 0',      [rating => 0, comment => 'Fine.'], 'rating', 'tickets.survey.rating.invalid' ],
        [ 'rating 6',      [rating => 6, comment => 'Fine.'], 'rating', 'tickets.survey.rating.invalid' ],
        [ 'rating "five"', [rating => 'five', comment => 'Fine.'], 'rating', 'tickets.survey.rating.invalid' ],
        [ 'comment of 2001 characters', [rating => 4, comment => encode_utf8($long)], 'comment',
          'tickets.survey.comment.too-long', $long ],
    ) {
        my ($what, $pairs, $field, $key, $typed) = @$case;
        my ($doc, $res) = tk_post($carl, "/tickets/$n/survey", $pairs);
        is($res->code, 422, "$what: 422");
        is(xp($doc, "/page/messages/message[\@field='$field']/\@key"), $key, "$what: the message at $field");
        my %p = @$pairs;
        is(xp($doc, "/page/form[\@name='survey']/field[\@name='comment']"), $typed // $p{comment},
            "$what: the comment kept");
        is(xp($doc, "/page/form[\@name='survey']/field[\@name='rating']"), $p{rating} // '', "$what: the rating kept");
        is(xp($doc, '/page/ticket/survey/@state'), 'open', "$what: the form again");
    }
    ok(!defined survey_row($n)->{rating}, 'nothing stored');
    my $html = do {
        my $c = $carl;
        my $res = $c->request(HTTP::Request::Common::POST(base_url() . "/tickets/$n/survey",
            [csrf => tk_csrf($c), rating => 9, comment => 'Kept <b>here</b>']));
        $res->decoded_content;
    };
    like($html, qr{<a href="#rating">Choose one of the ratings from 1 to 5\.</a>}, 'the summary links to the group');
    like($html, qr{<input type="radio" id="rating" name="rating" value="1" aria-invalid="true" aria-describedby="rating-error"},
        'the group says it is wrong');
    like($html, qr{Kept &lt;b&gt;here&lt;/b&gt;</textarea>}, 'the comment kept, escaped');

    my ($doc, $res) = tk_post($carl, "/tickets/$n/survey", [rating => 4], no_csrf => 1);
    is($res->code, 403, 'without the token: 403');
    ($doc, $res) = tk_post($olivia, "/tickets/$n/survey", [rating => 1]);
    is($res->code, 403, 'the colleague in CC: 403');
    ($doc, $res) = tk_post(tk_client('klaus@bergmann.example'), "/tickets/$n/survey", [rating => 1]);
    is($res->code, 404, 'another organisation: 404');
    ($doc, $res) = tk_post($agent, "/tickets/$n/survey", [rating => 5]);
    is($res->code, 403, 'the agent: 403');
    ok(!defined survey_row($n)->{rating}, 'still nothing stored');

    my $link = survey_link_of($n);
    my $anon = tk_client(undef);
    ($doc, $res) = $anon->post_xml($link, [csrf => $anon->csrf, rating => '', comment => 'Through the link']);
    is($res->code, 422, 'on the link\'s page too: 422');
    is(xp($doc, "/page/form[\@name='survey']/field[\@name='comment']"), 'Through the link', 'the comment kept');
    is(xp($doc, '/page/@view'), 'survey', 'the link\'s page');
};

subtest 'one answer, changeable for 7 days' => sub {
    my ($doc, $res) = tk_post($carl, "/tickets/$n/survey", [rating => 2, comment => "Slow.\nBut friendly."]);
    is($res->code, 303, 'answered');
    is(location_path($res), "/tickets/$n?done=survey", 'back to the ticket');
    my $s = survey_row($n);
    is("$s->{rating}/$s->{answered_via}/$s->{answered_round}", '2/page/1', 'stored, from the page');
    is($s->{comment}, "Slow.\nBut friendly.", 'the comment');
    ok(!defined $s->{changed_at}, 'not changed');
    my $first = $s->{answered_at};
    ($doc) = $carl->get_xml("/tickets/$n?done=survey");
    is(xp($doc, '/page/messages/message/@key'), 'tickets.survey.done', 'thanks');
    is(xp($doc, '/page/ticket/survey/@state'), 'answered', 'may be changed');
    is(xp($doc, '/page/ticket/survey/answer/@rating'), '2', 'the answer');

    ($doc, $res) = tk_post($carl, "/tickets/$n/survey", [rating => 4, comment => 'Better on second thought.']);
    is($res->code, 303, 'changed');
    $s = survey_row($n);
    is($s->{rating}, 4, 'the new rating');
    is($s->{answered_at}, $first, 'first given when it was');
    ok(defined $s->{changed_at}, 'changed now');
    is(sql_value('SELECT COUNT(*) FROM ticket_surveys WHERE ticket_id = ' . ticket_id($n)), 1, 'one answer per ticket');
    my @audit = audit_for('ticket.survey.change', $n);
    is(scalar @audit, 1, 'the change audited');
    like($audit[0]{before}, qr/"rating":2/, 'from 2');
    like($audit[0]{after}, qr/"rating":4/, 'to 4');

    sql('UPDATE ticket_surveys SET answered_at = UTC_TIMESTAMP(6) - INTERVAL 6 DAY - INTERVAL 23 HOUR'
        . ' WHERE ticket_id = ' . ticket_id($n));
    ($doc, $res) = tk_post($carl, "/tickets/$n/survey", [rating => 5, comment => 'Still within the week.']);
    is($res->code, 303, 'six days and 23 hours later: still changeable');
    is(survey_row($n)->{rating}, 5, 'changed');

    sql('UPDATE ticket_surveys SET answered_at = UTC_TIMESTAMP(6) - INTERVAL 8 DAY WHERE ticket_id = ' . ticket_id($n));
    ($doc) = $carl->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/survey/@state'), 'locked', 'eight days later: read-only');
    ok(!xp($doc, '/page/ticket/survey/@action'), 'no form');
    like($carl->get("/tickets/$n")->decoded_content, qr{Answers can be changed for 7 days}, 'says why');
    ($doc, $res) = tk_post($carl, "/tickets/$n/survey", [rating => 1, comment => 'Too late.']);
    is($res->code, 409, 'a change now: 409');
    is(xp($doc, '/page/messages/message/@key'), 'tickets.survey.locked.short', 'with the reason');
    my $link = survey_link_of($n);
    my $anon = tk_client(undef);
    ($doc, $res) = $anon->post_xml($link, [csrf => $anon->csrf, rating => 1]);
    is($res->code, 409, 'through the link too: 409');
    is(xp($doc, '/page/survey-page/survey/@state'), 'locked', 'showing the answer read-only');
    is(survey_row($n)->{rating}, 5, 'unchanged');
    ($doc) = $agent->get_xml("/tickets/$n");
    is(xp($doc, '/page/ticket/survey/answer/@rating'), '5', 'the agent sees the rating');
    is(xp($doc, '/page/ticket/survey/answer/comment'), 'Still within the week.', 'and the comment');
};

subtest 'the results' => sub {
    my ($doc, $res) = $agent->get_xml('/tickets/surveys');
    is($res->code, 200, 'agents: 200');
    my $want = sql_rows('SELECT COUNT(*), ROUND(AVG(rating), 2) FROM ticket_surveys WHERE rating IS NOT NULL'
        . ' AND answered_at >= UTC_TIMESTAMP(6) - INTERVAL 30 DAY')->[0];
    is(xp($doc, '/page/survey-results/total/@count'), $want->[0], 'the count of the last 30 days');
    is(xp($doc, '/page/survey-results/total/@average'), $want->[1], 'the average');
    is(xp($doc, '/page/survey-results/total/rating[@value="5"]/@count'),
        sql_value('SELECT COUNT(*) FROM ticket_surveys WHERE rating = 5'
        . ' AND answered_at >= UTC_TIMESTAMP(6) - INTERVAL 30 DAY'), 'how many gave 5');
    ok(xp_count($doc, "/page/survey-results/by[\@what='agent']/row[\@id='$agent_id']") == 1, 'a row for the agent');
    ok(xp_count($doc, "/page/survey-results/by[\@what='group']/row[\@id='1']") == 1, 'for the group');
    ok(xp_count($doc, "/page/survey-results/by[\@what='service']/row") >= 1, 'per service');
    ($doc) = $agent->get_xml('/tickets/surveys?days=7');
    is(xp_count($doc, "/page/survey-results/comments/comment[\@number='$n']"), 0,
        'answered 8 days ago: not in the last 7 days');
    ($doc) = $agent->get_xml('/tickets/surveys?days=30');
    is(xp($doc, "/page/survey-results/comments/comment[\@number='$n']"), 'Still within the week.', 'the comment');
    is(xp($doc, "/page/survey-results/comments/comment[\@number='$n']/\@rating"), '5', 'its rating');
    my $html = $agent->get('/tickets/surveys')->decoded_content;
    like($html, qr{<h2 id="by-agent-title">By agent</h2>}, 'averages by agent');
    is(tk_client('manager@portico.example')->get('/tickets/surveys')->code, 200, 'managers: 200');
    is($carl->get('/tickets/surveys')->code, 403, 'customers: 403');
    is(tk_client(undef)->get('/tickets/surveys')->code, 303, 'anonymous: to sign in');
};

done_testing;
