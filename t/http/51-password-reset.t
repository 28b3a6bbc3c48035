# Resetting the password from the mailed link: the link shows a form; the
# new password is set, the token used in the same transaction, every
# session of the user ended, an audit row and a "password-changed" mail
# written; then the login page says so. The link works once; an expired,
# unknown or foreign link is a clear 404 page pointing to a new request.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $u = new_user();
my $signed_in = Portico::Test->client;
is($signed_in->login($u->{email})->code, 303, 'the user is signed in somewhere');

my $c = Portico::Test->client;
is($c->post('/auth/password/forgot', [email => $u->{email}, csrf => $c->csrf])->code, 303, 'asked for a link');
my $link = outbox_link($u->{email}, 'reset');
like($link // '', qr{^/auth/password/reset\?token=[0-9a-f]{64}$}, 'the mail has the link');
my $token = token_of($link // '');
my $new = 'correct horse battery';

my ($m, $why) = mail_arrives($u->{email}, 'reset');
SKIP: {
    skip $why, 1 if !$m && $why ne 'no mail arrived';
    ok(index(($m->{text} // '') . ($m->{html} // ''), $token) >= 0, 'the mail at the sink carries the same link');
}

subtest 'the link shows the form' => sub {
    my ($doc, $res) = $c->get_xml($link);
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'password-set', 'view password-set');
    is(xp($doc, '/page/password-form/@purpose'), 'reset', 'purpose reset');
    is(xp($doc, '/page/password-form/@state'), 'form', 'state form');
    is(xp($doc, '/page/password-form/email'), $u->{email}, 'for the address');
    my $html = $c->get($link)->decoded_content;
    ok($html =~ m{<form class="form" method="post" action="/auth/password/reset"}, 'posting to the reset');
    ok($html =~ m{name="token" value="$token"}, 'carrying the token');
    ok($html =~ m{<label for="password">}, 'labelled');
};

subtest 'bad input: 422 and the form again, token unused' => sub {
    for my $case (['short', 'short', 'password', 'password.too-short'],
        [$new, "$new.", 'password2', 'password.mismatch'],
        [$u->{email}, $u->{email}, 'password', 'password.same-as-email']) {
        my ($doc, $res) = $c->post_xml('/auth/password/reset',
            [token => $token, password => $case->[0], password2 => $case->[1], csrf => $c->csrf]);
        is($res->code, 422, "$case->[3]: 422");
        is(xp($doc, "/page/messages/message[\@field = '$case->[2]']/\@key"), $case->[3], "$case->[3]: on $case->[2]");
        is(xp($doc, '/page/password-form/token'), $token, "$case->[3]: the token kept");
    }
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND used_at IS NOT NULL"), 0, 'not used');
};

subtest 'CSRF' => sub {
    my $res = $c->post('/auth/password/reset', [token => $token, password => $new, password2 => $new]);
    is($res->code, 403, 'no token: 403');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND used_at IS NOT NULL"), 0, 'not used');
};

subtest 'setting the password' => sub {
    my $res = $c->post('/auth/password/reset', [token => $token, password => $new, password2 => $new, csrf => $c->csrf]);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/login?reset=1', 'to the login page');
    my $doc = $c->get_xml('/auth/login?reset=1');
    ok(grep({ $_ eq 'password.reset.done' } message_keys($doc)), 'which says the password changed');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND purpose = 'reset' AND used_at IS NOT NULL"), 1, 'token used');
    is(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = $u->{id}"), 0, 'every session ended');
    is($signed_in->get('/')->code, 303, 'the signed-in browser is signed out');
    ok(audit_rows($u->{id}, 'user.password-reset'), 'audit row');
    ok(outbox_wait($u->{email}, 'password-changed'), 'password-changed mail queued');
    my $login = Portico::Test->client;
    is($login->login($u->{email}, DEMO_PASSWORD)->code, 422, 'the old password fails');
    is($login->login($u->{email}, $new)->code, 303, 'the new one works');
};

subtest 'the link works only once' => sub {
    my ($doc, $res) = $c->get_xml($link);
    is($res->code, 404, 'GET: 404');
    is(xp($doc, '/page/password-form/@state'), 'invalid', 'state invalid');
    ($doc, $res) = $c->post_xml('/auth/password/reset', [token => $token, password => "$new 2", password2 => "$new 2", csrf => $c->csrf]);
    is($res->code, 404, 'POST: 404');
    my $html = $c->get($link)->decoded_content;
    ok($html =~ m{href="/auth/password/forgot"}, 'the page links to a new request');
    ok($html =~ m{This link is no longer valid}, 'and says why');
};

subtest 'expired and foreign links' => sub {
    my $expired = make_token($u->{id}, 'reset', undef, -1);
    my ($doc, $res) = $c->get_xml("/auth/password/reset?token=$expired");
    is($res->code, 404, 'expired: 404');
    is($c->post('/auth/password/reset', [token => $expired, password => $new, password2 => $new, csrf => $c->csrf])->code, 404, 'expired POST: 404');
    my $invite = make_token($u->{id}, 'invite', undef, 3600);
    is($c->get("/auth/password/reset?token=$invite")->code, 404, 'an invitation token: 404');
    is($c->get('/auth/password/reset?token=' . ('f' x 64))->code, 404, 'unknown: 404');
    is($c->get('/auth/password/reset')->code, 404, 'none: 404');
    my $inactive = new_user(status => 'inactive');
    my $t = make_token($inactive->{id}, 'reset', undef, 3600);
    is($c->get("/auth/password/reset?token=$t")->code, 404, 'an inactive user: 404');
};

done_testing;
