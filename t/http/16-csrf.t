# CSRF: every POST needs the token of its own browser/session; without it,
# or with a wrong one, the answer is 403 (view forbidden, message error.csrf)
# and nothing happens.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $email = 'agent@portico.example';

sub is_forbidden {
    my ($doc, $res, $what) = @_;
    is($res->code, 403, "$what: 403");
    is(xp($doc, '/page/@view'), 'forbidden', "$what: view forbidden");
    ok(grep({ $_ eq 'error.csrf' } message_keys($doc)), "$what: message error.csrf");
}

subtest 'login without or with a wrong token' => sub {
    my $c = Portico::Test->client;
    my $good = $c->csrf;
    my ($doc, $res) = $c->post_xml('/auth/login', [email => $email, password => DEMO_PASSWORD]);
    is_forbidden($doc, $res, 'no csrf');
    ok(!$c->cookie('portico_session'), 'no session');

    ($doc, $res) = $c->post_xml('/auth/login', [email => $email, password => DEMO_PASSWORD, csrf => '0' x 64]);
    is_forbidden($doc, $res, 'wrong csrf');
    ($doc, $res) = $c->post_xml('/auth/login', [email => $email, password => DEMO_PASSWORD, csrf => '']);
    is_forbidden($doc, $res, 'empty csrf');
    ($doc, $res) = $c->post_xml('/auth/login', [email => $email, password => DEMO_PASSWORD, csrf => substr($good, 0, 63)]);
    is_forbidden($doc, $res, 'truncated csrf');
    ok(!$c->cookie('portico_session'), 'still no session');

    my $html = $c->post('/auth/login', [email => $email, password => DEMO_PASSWORD]);
    is($html->code, 403, 'HTML answer is 403 too');
    like($html->header('Content-Type') // '', qr{^text/html}, 'rendered as a page');
};

subtest "another browser's token does not work" => sub {
    my $attacker = Portico::Test->client;
    my $stolen = $attacker->csrf;
    my $victim = Portico::Test->client;
    $victim->get('/auth/login');    # victim has its own csrf cookie
    my ($doc, $res) = $victim->post_xml('/auth/login', [email => $email, password => DEMO_PASSWORD, csrf => $stolen]);
    is_forbidden($doc, $res, 'token of another browser');

    my $fresh = Portico::Test->client;    # no cookie at all
    ($doc, $res) = $fresh->post_xml('/auth/login', [email => $email, password => DEMO_PASSWORD, csrf => $stolen]);
    is_forbidden($doc, $res, 'token without its cookie');
    ok(!$fresh->cookie('portico_session'), 'no session');
};

subtest 'logout needs the session token' => sub {
    my $c = Portico::Test->client;
    is($c->login($email, DEMO_PASSWORD)->code, 303, 'logged in');
    my ($doc, $res) = $c->post_xml('/auth/logout', []);
    is_forbidden($doc, $res, 'logout without csrf');
    is($c->get('/')->code, 200, 'session still valid');

    my $other = Portico::Test->client;
    is($other->login('editor@portico.example', DEMO_PASSWORD)->code, 303, 'second user logged in');
    my $other_csrf = csrf_of($other->get_xml('/'));
    ($doc, $res) = $c->post_xml('/auth/logout', [csrf => $other_csrf]);
    is_forbidden($doc, $res, "logout with another session's csrf");
    is($c->get('/')->code, 200, 'session still valid');
    is($other->get('/')->code, 200, 'the other session too');

    is($c->post('/auth/logout', [csrf => csrf_of($c->get_xml('/'))])->code, 303, 'logout with the right token works');
    is($other->post('/auth/logout', [csrf => $other_csrf])->code, 303, 'and for the other user');
};

subtest 'language switch needs the token' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    my ($doc, $res) = $c->post_xml('/auth/language', [lang => 'de', next => '/auth/login']);
    is_forbidden($doc, $res, 'language without csrf');
    ok(!set_cookies($res)->{portico_lang}, 'no language cookie set');
    is(xp(scalar $c->get_xml('/auth/login'), '/page/@lang'), 'en', 'language unchanged');
};

done_testing;
