# The survey link works without signing in, for its ticket only: the page
# (view "survey") shows the ticket's number, subject and service and the
# form, nothing else of the ticket.  A token whose MAC, id or expiry was
# altered, a malformed one, or one of another ticket is refused with 403
# and a page saying the link is not valid (and nothing of the ticket); an
# expired one (signed with the site's key, so genuine) is 410, as is the
# link of a round the ticket was resolved again since ("replaced") and
# any link while the ticket is reopened.  Answering through the link
# stores the rating (via 'link') with an audit row by the requester;
# CSRF holds for anonymous visitors too.  ?rating=N chooses a rating
# without saving it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Survey;

my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
forget_filings_of('carl@acme.example');

sub raise_resolved {
    my ($subject) = @_;
    my $w = made_up_word();
    my $n = tk_raise($carl, 'other-question', [subject => "$subject $w", description => "About $w.",
        suggested => 'script']);
    agent_resolve($agent, $n);
    return ($n, survey_link_of($n));
}

my ($n, $link) = raise_resolved('Rate me');
my ($other, $other_link) = raise_resolved('Another one');
my $id = ticket_id($n);
my ($token) = $link =~ m{/survey/(.+)$};
my ($tid, $expires, $mac) = split /\./, $token;

subtest 'without signing in: the survey of that ticket' => sub {
    my $anon = tk_client(undef);
    my ($doc, $res) = $anon->get_xml($link);
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'survey', 'the survey page');
    is(xp($doc, '/page/survey-page/@number'), $n, 'the ticket');
    like(xp($doc, '/page/survey-page/subject'), qr/^Rate me /, 'its subject');
    is(xp($doc, '/page/survey-page/service'), 'Other question', 'its service');
    is(xp($doc, '/page/survey-page/survey/@state'), 'open', 'open');
    is(xp($doc, '/page/survey-page/survey/@action'), $link, 'answered at the link');
    ok(!xp($doc, '/page/session/user/@id'), 'nobody signed in');
    ok(!xp($doc, '/page/survey-page/@ticket-href'), 'no way into the ticket for an anonymous visitor');
    is(xp_count($doc, '//message[@kind] | //messages/message'), 0, 'nothing else');
    my $html = $anon->get($link)->decoded_content;
    like($html, qr{<legend>Your rating}, 'a labelled group');
    is(() = $html =~ /<input type="radio"[^>]*name="rating"/g, 5, 'five ratings');
    like($html, qr{<label for="rating-5">5 – Very satisfied</label>}, 'each with its label in words');
    unlike($html, qr{About zq}, 'not the conversation');
    is($carl->get("/tickets/$n")->code, 200, 'the requester signed in still has the ticket page');
    is($anon->get("/tickets/$n")->code, 303, 'but the link opens nothing else');
    ($doc) = $carl->get_xml($link);
    is(xp($doc, '/page/survey-page/@ticket-href'), "/tickets/$n", 'the requester signed in gets a link to the ticket');
    ($doc) = $anon->get_xml("$link?rating=4");
    is(xp($doc, "/page/form[\@name='survey']/field[\@name='rating']"), '4', '?rating=4 chooses 4');
    ok(!defined survey_row($n)->{rating}, 'without saving it');
};

subtest 'altered, foreign and expired links' => sub {
    my $anon = tk_client(undef);
    my $flip = substr($mac, 0, 21) . (substr($mac, 21) eq 'A' ? 'B' : 'A');
    my %refused = (
        'the MAC changed'        => "/tickets/$n/survey/$tid.$expires.$flip",
        'the expiry moved'       => "/tickets/$n/survey/$tid." . ($expires + 86400) . ".$mac",
        'another ticket\'s id'   => "/tickets/$n/survey/" . ticket_id($other) . ".$expires.$mac",
        'another ticket\'s link' => "/tickets/$n/survey/" . ($other_link =~ m{/survey/(.+)$})[0],
        'this link on another'   => "/tickets/$other/survey/$token",
        'a made-up number'       => "/tickets/T-2099-999999/survey/$token",
        'garbage'                => "/tickets/$n/survey/hello",
        'cut off'                => substr($link, 0, -5),
        'a token signed for another round' => "/tickets/$n/survey/" . survey_token($id, time + 86400, 7),
    );
    for my $what (sort keys %refused) {
        my ($doc, $res) = $anon->get_xml($refused{$what});
        is($res->code, 403, "$what: 403");
        is(xp($doc, '/page/survey-page/@refused'), 'invalid', "$what: the page says the link is not valid");
        ok(!xp($doc, '/page/survey-page/@number') && !xp($doc, '//subject'), "$what: nothing of the ticket");
    }
    my $html = $anon->get($refused{garbage})->decoded_content;
    like($html, qr{<h1>This survey link is not valid</h1>}, 'in plain words');

    my $genuine = survey_token($id, time + 3600, 1);
    is($anon->get("/tickets/$n/survey/$genuine")->code, 200, 'a token signed with the site\'s key works');
    my $old = survey_token($id, time - 60, 1);
    my ($doc, $res) = $anon->get_xml("/tickets/$n/survey/$old");
    is($res->code, 410, 'expired: 410');
    is(xp($doc, '/page/survey-page/@refused'), 'expired', 'the page says it expired');
    like($anon->get("/tickets/$n/survey/$old")->decoded_content, qr{<h1>This survey link has expired</h1>}, 'in words');
    ($doc, $res) = $anon->post_xml("/tickets/$n/survey/$old", [csrf => $anon->csrf, rating => 5]);
    is($res->code, 410, 'nor can it be answered');
    ok(!defined survey_row($n)->{rating}, 'nothing stored');
};

subtest 'answering through the link' => sub {
    my $anon = tk_client(undef);
    $anon->get($link);
    my ($doc, $res) = $anon->post_xml($link, [rating => 4, comment => 'Quick and kind.']);
    is($res->code, 403, 'without the token: 403');
    ok(!defined survey_row($n)->{rating}, 'nothing stored');
    ($doc, $res) = $anon->post_xml($link, [csrf => $anon->csrf, rating => 4, comment => "Quick and kind.\r\nThanks!"]);
    is($res->code, 303, 'answered');
    is(location_path($res), "$link?done=1", 'back to the link');
    my $s = survey_row($n);
    is($s->{rating}, 4, 'rating');
    is($s->{comment}, "Quick and kind.\nThanks!", 'comment, line ends as LF');
    is($s->{answered_via}, 'link', 'through the link');
    is($s->{answered_round}, 1, 'of round 1');
    my @audit = audit_for('ticket.survey.answer', $n);
    is(scalar @audit, 1, 'an audit row');
    is("$audit[0]{user}/$audit[0]{org}", '6/2', 'by the requester');
    like($audit[0]{after}, qr/"rating":4/, 'what was rated');
    ($doc) = $anon->get_xml("$link?done=1");
    is(xp($doc, '/page/messages/message/@key'), 'tickets.survey.done', 'thanks');
    is(xp($doc, '/page/survey-page/survey/@state'), 'answered', 'answered, may be changed');
    is(xp($doc, '/page/survey-page/survey/answer/@rating'), '4', 'the answer shown');
    is(xp($doc, '/page/survey-page/survey/answer/comment'), "Quick and kind.\nThanks!", 'and the comment');
    ok(xp($doc, '/page/survey-page/survey/answer/@change-until'), 'until when it may change');
    ($doc, $res) = $anon->post_xml($link, [csrf => $anon->csrf, rating => 5]);
    is($res->code, 303, 'changed through the link');
    is(survey_row($n)->{rating}, 5, 'to 5');
    ok(!defined survey_row($n)->{comment}, 'without a comment now');
};

subtest 'reopened, then resolved again' => sub {
    my ($doc, $res) = tk_post($carl, "/tickets/$n/reply", [body => 'It broke again.']);
    is($res->code, 303, 'reopened by the reply');
    my $anon = tk_client(undef);
    ($doc, $res) = $anon->get_xml($link);
    is($res->code, 410, 'while reopened: 410');
    is(xp($doc, '/page/survey-page/@refused'), 'reopened', 'the page says so');
    ($doc, $res) = $anon->post_xml($link, [csrf => $anon->csrf, rating => 1]);
    is($res->code, 410, 'and takes no answer');
    is(survey_row($n)->{rating}, 5, 'the answer stays');
    agent_resolve($agent, $n);
    my $new = survey_link_of($n);
    isnt($new, $link, 'a new link');
    ($doc, $res) = $anon->get_xml($link);
    is($res->code, 410, 'the old link: 410');
    is(xp($doc, '/page/survey-page/@refused'), 'replaced', 'replaced');
    ($doc, $res) = $anon->get_xml($new);
    is($res->code, 200, 'the new one works');
    is(xp($doc, '/page/survey-page/survey/@state'), 'open', 'a new survey to answer');
    is(xp($doc, '/page/survey-page/survey/answer/@earlier'), '1', 'the earlier answer shown as earlier');
    ($doc, $res) = $anon->post_xml($new, [csrf => $anon->csrf, rating => 3]);
    is($res->code, 303, 'answered');
    my $s = survey_row($n);
    is("$s->{rating}/$s->{answered_round}", '3/2', 'one answer per ticket: the new round\'s');
};

done_testing;
