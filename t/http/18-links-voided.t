# Mailed links are voided when what they protect changes: a new reset link
# voids the older ones; a password change on the account page and a
# password reset void every outstanding reset and email-change link of
# the account. A voided link answers 404 like a used one.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $anon = Portico::Test->client;

sub ask_reset {
    my ($email) = @_;
    my $n = scalar outbox_rows($email, 'reset');
    is($anon->post('/auth/password/forgot', [email => $email, csrf => $anon->csrf])->code, 303,
        'asked for a reset link');
    wait_until(5, sub { outbox_rows($email, 'reset') > $n });
    return outbox_link($email, 'reset');
}

sub link_works {
    my ($path) = @_;
    return $anon->get($path)->code == 200;
}

subtest 'a new reset link voids the older one' => sub {
    my $u = new_user();
    my $first = ask_reset($u->{email});
    ok(link_works($first), 'the first link works');
    my $second = ask_reset($u->{email});
    isnt($second, $first, 'a second link');
    is($anon->get($first)->code, 404, 'the first link no longer works');
    ok(link_works($second), 'the second one does');
    my ($doc, $res) = $anon->post_xml('/auth/password/reset', [token => token_of($first),
        password => 'a new secret 1', password2 => 'a new secret 1', csrf => $anon->csrf]);
    is($res->code, 404, 'posting with the first link: 404');
    my $probe = Portico::Test->client;
    is($probe->login($u->{email}, DEMO_PASSWORD)->code, 303, 'the password is unchanged');
};

subtest 'a new email-change link voids the older one' => sub {
    my $u = new_user();
    my $c = Portico::Test->client;
    is($c->login($u->{email})->code, 303, 'signed in');
    my @links;
    for my $n (1, 2) {
        my $to = lc(unique_tag("moved$n") . '@example.org');
        forget_email($to);
        is($c->post('/auth/account/email', [new_email => $to, email_password => DEMO_PASSWORD,
            csrf => csrf_of(scalar $c->get_xml('/auth/account'))])->code, 303, "change $n asked for");
        push @links, outbox_link($to, 'email-confirm');
    }
    is($anon->get($links[0])->code, 404, 'the first link no longer works');
    ok(link_works($links[1]), 'the second one does');
};

subtest 'a password change on the account page voids reset and email links' => sub {
    my $u = new_user();
    my $c = Portico::Test->client;
    is($c->login($u->{email})->code, 303, 'signed in');
    my $reset = ask_reset($u->{email});
    my $to = lc(unique_tag('voided') . '@example.org');
    forget_email($to);
    is($c->post('/auth/account/email', [new_email => $to, email_password => DEMO_PASSWORD,
        csrf => csrf_of(scalar $c->get_xml('/auth/account'))])->code, 303, 'asked for an address change');
    my $email_link = outbox_link($to, 'email-confirm');
    ok($email_link, 'an email-change link');
    ok(link_works($reset), 'the reset link works before');

    my $new = 'a changed secret 2';
    my $res = $c->post('/auth/account/password', [current_password => DEMO_PASSWORD,
        password => $new, password2 => $new, csrf => csrf_of(scalar $c->get_xml('/auth/account'))]);
    is($res->code, 303, 'password changed');
    is($anon->get($reset)->code, 404, 'the reset link no longer works');
    is($anon->get($email_link)->code, 404, 'the email-change link no longer works');
    is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $u->{email}, 'the address is unchanged');
    is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id} AND used_at IS NULL"
        . " AND expires_at > UTC_TIMESTAMP(6)"), 0, 'no usable token left');
};

subtest 'using a reset link voids the other links' => sub {
    my $u = new_user();
    my $reset = ask_reset($u->{email});
    # Made after the mailed one, so only using it can void them.
    my $other_reset = make_token($u->{id}, 'reset', undef, 3600);
    my $to = lc(unique_tag('voided') . '@example.org');
    my $email_token = make_token($u->{id}, 'email', $to, 3600);
    ok(link_works("/auth/password/reset?token=$other_reset"), 'the other reset link works before');
    my $new = 'a reset secret 3';
    my $res = $anon->post('/auth/password/reset', [token => token_of($reset), password => $new,
        password2 => $new, csrf => $anon->csrf]);
    is($res->code, 303, 'the password is reset');
    is($anon->get("/auth/password/reset?token=$other_reset")->code, 404, 'another reset link no longer works');
    is($anon->get("/auth/account/email/confirm?token=$email_token")->code, 404,
        'the email-change link no longer works');
    is(sql_value("SELECT email FROM users WHERE id = $u->{id}"), $u->{email}, 'the address is unchanged');
};

done_testing;
