# Asking for a password reset link: the same answer (status, page, message)
# for a known, an unknown and an inactive address; only an active user gets
# a mail (outbox row, token purpose "reset", 60 min). Requests are limited
# per address and per client IP (429), known or unknown alike.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $u = new_user();
my $inactive = new_user(status => 'inactive');
my $unknown = lc(unique_tag('nobody') . '@acme.example');
forget_email($unknown);

sub ask {
    my ($c, $email, @extra) = @_;
    return $c->post('/auth/password/forgot', [email => $email, csrf => $c->csrf, @extra]);
}

subtest 'the form' => sub {
    my $c = Portico::Test->client;
    my ($doc, $res) = $c->get_xml('/auth/password/forgot');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'password-forgot', 'view password-forgot');
    my $html = $c->get('/auth/password/forgot')->decoded_content;
    ok($html =~ m{<label for="email">}, 'a labelled address field');
    ok($c->get('/auth/login')->decoded_content =~ m{href="/auth/password/forgot"}, 'the login page links here');
};

subtest 'the same answer for every address' => sub {
    my %seen;
    for my $who ([$u->{email}, 'known'], [$unknown, 'unknown'], [$inactive->{email}, 'inactive']) {
        my $c = Portico::Test->client;
        my $res = ask($c, uc $who->[0]);
        is($res->code, 303, "$who->[1]: 303");
        my $loc = location_path($res);
        $seen{$loc}++;
        my ($doc, $r) = $c->get_xml($loc);
        is($r->code, 200, "$who->[1]: the page answers 200");
        is(join(',', message_keys($doc)), 'password.forgot.sent', "$who->[1]: one message, password.forgot.sent");
        my $html = $c->get($loc)->decoded_content;
        ok($html =~ /If the address is known, a mail/, "$who->[1]: the text");
    }
    is(scalar(keys %seen), 1, 'the same redirect for all');
    my $row = outbox_wait($u->{email}, 'reset');
    ok($row, 'a reset mail for the active user');
    like($row->{data}->findvalue('link'), qr{/auth/password/reset\?token=[0-9a-f]{64}$}, 'with the link') if $row;
    is($row->{data}->findvalue('expires-minutes'), '60', 'expires in 60 minutes') if $row;
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND purpose = 'reset'"
        . " AND expires_at BETWEEN UTC_TIMESTAMP() + INTERVAL 59 MINUTE AND UTC_TIMESTAMP() + INTERVAL 61 MINUTE"), 1,
        'token purpose reset, 60 minutes');
    is(scalar(outbox_rows($unknown)), 0, 'no mail for the unknown address');
    is(scalar(outbox_rows($inactive->{email})), 0, 'no mail for the inactive user');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $inactive->{id}"), 0, 'no token for the inactive user');
    is(sql_value("SELECT COUNT(*) FROM password_reset_requests WHERE email IN ("
        . join(',', map { sql_quote($_) } $u->{email}, $unknown, $inactive->{email}) . ")"), 3, 'every request recorded');

    my ($m, $why) = mail_arrives($u->{email}, 'reset');
    SKIP: {
        skip $why, 2 if !$m && $why ne 'no mail arrived';
        ok($m, 'the mail arrived at the sink');
        like(($m->{text} // ''), qr{/auth/password/reset\?token=[0-9a-f]{64}}, 'with a reset link') if $m;
    }
};

subtest 'bad input: 422 with the input kept' => sub {
    my $c = Portico::Test->client;
    my ($doc, $res) = $c->post_xml('/auth/password/forgot', [email => '', csrf => $c->csrf]);
    is($res->code, 422, 'empty: 422');
    is(xp($doc, "/page/messages/message[\@field = 'email']/\@key"), 'password.forgot.required', 'required');
    ($doc, $res) = $c->post_xml('/auth/password/forgot', [email => 'no address', csrf => $c->csrf]);
    is($res->code, 422, 'malformed: 422');
    is(xp($doc, "/page/messages/message[\@field = 'email']/\@key"), 'password.forgot.invalid', 'invalid');
    is(xp($doc, "/page/form/field[\@name = 'email']"), 'no address', 'input kept');
};

subtest 'CSRF' => sub {
    my $c = Portico::Test->client;
    $c->get('/auth/password/forgot');
    my ($doc, $res) = $c->post_xml('/auth/password/forgot', [email => $u->{email}]);
    is($res->code, 403, 'no token: 403');
    is(xp($doc, '/page/@view'), 'forbidden', 'forbidden');
};

subtest 'throttled per address, known or not' => sub {
    for my $email ($u->{email}, $unknown) {
        my $c = Portico::Test->client;
        my $before = sql_value("SELECT COUNT(*) FROM password_reset_requests WHERE email = " . sql_quote($email));
        ask($c, $email) for $before + 1 .. 5;
        my ($doc, $res) = $c->post_xml('/auth/password/forgot', [email => $email, csrf => $c->csrf]);
        is($res->code, 429, "6th request for one address: 429");
        ok(grep({ $_ eq 'password.forgot.throttled' } message_keys($doc)), 'message');
    }
    is(scalar(outbox_rows($u->{email}, 'reset')), 5, 'five mails, not six');
};

subtest 'throttled per IP' => sub {
    my $tag = unique_tag('flood');
    sql("INSERT INTO password_reset_requests (email, ip, requested_at) VALUES "
        . join(',', map { "('$tag-$_\@example.org', '127.0.0.1', UTC_TIMESTAMP(6))" } 1 .. 20));
    my $c = Portico::Test->client;
    my $fresh = lc(unique_tag('fresh') . '@acme.example');
    my ($doc, $res) = $c->post_xml('/auth/password/forgot', [email => $fresh, csrf => $c->csrf]);
    is($res->code, 429, '20 requests from this IP: the next one is 429');
    sql("DELETE FROM password_reset_requests WHERE email LIKE '$tag-%'");
    is(ask($c, $fresh)->code, 303, 'fine again once they are gone');
    sql("DELETE FROM password_reset_requests WHERE email = " . sql_quote($fresh));
};

done_testing;
