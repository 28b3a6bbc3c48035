# Changing the email address: the request needs the current password and
# sends a confirmation link (token purpose "email", 24 h) to the NEW
# address. Opening the link (GET) only shows the new address and a Confirm
# button (mail scanners prefetch links); the POST of that form, signed in
# or not, with the visitor's CSRF token, changes the address, once; the old
# address is told. A taken address is refused at that point, an expired or
# used link is a 404.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $u = new_user();
my $c = Portico::Test->client;
is($c->login($u->{email})->code, 303, 'signed in');
sub csrf_now { csrf_of(scalar $c->get_xml('/auth/account')) }

sub request_change {
    my ($to) = @_;
    return $c->post('/auth/account/email', [new_email => $to, email_password => DEMO_PASSWORD, csrf => csrf_now()]);
}

subtest 'bad input: 422, message on the field, the typed address kept' => sub {
    my @cases = (
        [['', DEMO_PASSWORD], 'new_email', 'account.email.required'],
        [['not an address', DEMO_PASSWORD], 'new_email', 'account.email.invalid'],
        [[$u->{email}, DEMO_PASSWORD], 'new_email', 'account.email.same'],
        [['fresh@acme.example', ''], 'email_password', 'account.current-password.required'],
        [['fresh@acme.example', 'wrong password'], 'email_password', 'account.current-password.wrong'],
    );
    for my $case (@cases) {
        my ($in, $field, $key) = @$case;
        my ($doc, $res) = $c->post_xml('/auth/account/email',
            [new_email => $in->[0], email_password => $in->[1], csrf => csrf_now()]);
        is($res->code, 422, "$key: 422");
        is(xp($doc, "/page/messages/message[\@field = '$field']/\@key"), $key, "$key: on $field");
        is(xp($doc, "/page/form[\@name = 'email']/field[\@name = 'new_email']"), $in->[0], "$key: address kept");
    }
    is(scalar(outbox_rows('fresh@acme.example')), 0, 'no mail');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id}"), 0, 'no token');
};

subtest 'CSRF' => sub {
    my $res = $c->post('/auth/account/email', [new_email => 'fresh@acme.example', email_password => DEMO_PASSWORD]);
    is($res->code, 403, 'no token: 403');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id}"), 0, 'no token made');
};

my $to = lc(unique_tag('moved') . '@example.org');
forget_email($to);

subtest 'the request mails a link to the new address' => sub {
    my $res = request_change(uc $to);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/account?sent=email', 'back to the account page');
    my $doc = $c->get_xml(location_path($res));
    ok(grep({ $_ eq 'account.email.sent' } message_keys($doc)), 'check your inbox');
    is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $u->{email}, 'not changed yet');
    my $row = outbox_wait($to, 'email-confirm');
    ok($row, 'email-confirm queued to the new address (lower-cased)');
    is($row->{data}->findvalue('new-email'), $to, 'data: new-email') if $row;
    my $link = outbox_link($to, 'email-confirm');
    like($link // '', qr{^/auth/account/email/confirm\?token=[0-9a-f]{64}$}, 'data: the link');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND purpose = 'email'"
        . " AND data = " . sql_quote($to) . " AND expires_at BETWEEN UTC_TIMESTAMP() + INTERVAL 23 HOUR"
        . " AND UTC_TIMESTAMP() + INTERVAL 25 HOUR"), 1, 'token: purpose email, the address, 24 h');
    ok(audit_rows($u->{id}, 'user.email-requested'), 'audit row of the request');
    is(scalar(outbox_rows($u->{email})), 0, 'nothing to the old address yet');

    my ($m, $why) = mail_arrives($to, 'email-confirm');
    SKIP: {
        skip $why, 2 if !$m && $why ne 'no mail arrived';
        ok($m, 'the mail arrived at the sink');
        like(($m->{text} // '') . ($m->{html} // ''), qr{\Q$link\E}, 'with the link') if $m;
    }

    # Open the link in a browser that is not signed in.
    my $anon = Portico::Test->client;
    for my $n (1, 2) {
        my ($cdoc, $cres) = $anon->get_xml($link);
        is($cres->code, 200, "GET $n: the link answers 200 without a session");
        is(xp($cdoc, '/page/@view'), 'email-confirm', "GET $n: view email-confirm");
        is(xp($cdoc, '/page/email-confirm/@result'), 'confirm', "GET $n: asks to confirm");
        is(xp($cdoc, '/page/email-confirm/email'), $to, "GET $n: shows the new address");
        is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $u->{email}, "GET $n: the address is unchanged");
        is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND purpose = 'email'"
            . " AND used_at IS NULL"), 1, "GET $n: the link is not used");
    }
    my $html = $anon->get($link)->decoded_content;
    ok($html =~ m{<form[^>]* method="post" action="/auth/account/email/confirm"}, 'a form posting the confirmation');
    ok($html =~ m{name="token" value="\Q${\ token_of($link)}\E"}, 'with the token');
    ok($html =~ m{<button type="submit"[^>]*>Confirm}, 'a Confirm button');

    my $res = $anon->post('/auth/account/email/confirm', [token => token_of($link)]);
    is($res->code, 403, 'POST without the CSRF token: 403');
    is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $u->{email}, 'the address is unchanged');

    $res = $anon->post('/auth/account/email/confirm', [token => token_of($link), csrf => $anon->csrf]);
    is($res->code, 303, 'POST with the token: 303');
    my ($cdoc, $cres) = $anon->get_xml(location_path($res));
    is($cres->code, 200, 'to a page answering 200');
    is(xp($cdoc, '/page/email-confirm/@result'), 'ok', 'result ok');
    is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $to, 'the address changed');
    my ($a) = audit_rows($u->{id}, 'user.email');
    ok($a, 'audit row user.email');
    like($a->[4] // '', qr/\Q$u->{email}\E/, 'before: the old address');
    like($a->[5] // '', qr/\Q$to\E/, 'after: the new address');
    my $old = outbox_wait($u->{email}, 'email-changed');
    ok($old, 'email-changed queued to the old address');
    is($old->{data}->findvalue('new-email'), $to, 'naming the new address') if $old;

    my ($again_doc, $again) = $anon->get_xml($link);
    is($again->code, 404, 'the link works only once');
    is(xp($again_doc, '/page/email-confirm/@result'), 'invalid', 'result invalid');
    ($again_doc, $again) = $anon->post_xml('/auth/account/email/confirm', [token => token_of($link), csrf => $anon->csrf]);
    is($again->code, 404, 'posting it again: 404');

    my $login = Portico::Test->client;
    is($login->login($to)->code, 303, 'sign-in with the new address works');
    is($login->login($u->{email})->code, 422, 'with the old one not');
    is($c->get('/auth/account')->code, 200, 'the session survived the change');
};

subtest 'a taken address is refused when the link is opened' => sub {
    my $other = new_user();
    my $res = request_change($other->{email});
    is($res->code, 303, 'the request answers like any other');
    my $link = outbox_link($other->{email}, 'email-confirm');
    ok($link, 'a link was sent');
    my ($doc, $r) = $c->get_xml($link);
    is($r->code, 422, 'opening it answers 422');
    is(xp($doc, '/page/email-confirm/@result'), 'taken', 'result taken');
    ($doc, $r) = $c->post_xml('/auth/account/email/confirm', [token => token_of($link), csrf => $c->csrf]);
    is($r->code, 422, 'confirming it answers 422');
    is(xp($doc, '/page/email-confirm/@result'), 'taken', 'result taken');
    is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $to, 'address unchanged');
};

subtest 'an expired or foreign link is a 404' => sub {
    my $addr = lc(unique_tag('late') . '@example.org');
    forget_email($addr);
    my $token = make_token($u->{id}, 'email', $addr, -60);
    my ($doc, $r) = $c->get_xml("/auth/account/email/confirm?token=$token");
    is($r->code, 404, 'expired: 404');
    is(xp($doc, '/page/email-confirm/@result'), 'invalid', 'result invalid');
    my $reset = make_token($u->{id}, 'reset', $addr, 3600);
    is($c->get("/auth/account/email/confirm?token=$reset")->code, 404, 'a token of another purpose: 404');
    is($c->get('/auth/account/email/confirm?token=' . ('0' x 64))->code, 404, 'unknown: 404');
    is($c->get('/auth/account/email/confirm?token=../../etc')->code, 404, 'malformed: 404');
    is($c->get('/auth/account/email/confirm')->code, 404, 'none: 404');
    my $html = $c->get("/auth/account/email/confirm?token=$token")->decoded_content;
    ok($html =~ m{<h1[^>]*>This link is no longer valid</h1>}, 'a clear page');
    is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $to, 'address unchanged');
};

done_testing;
