# A wrong current password on the account page (password change, address
# change) is a failed login: it counts towards the login throttle of the
# account ([throttle] account_failures, 5, within window_min). Past the
# limit the account forms answer 429 even with the right password, and so
# does the login form for that account; nothing changes.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Account;

my $LIMIT = 5;
my $new = 'a much better secret';

sub failures {
    my ($u) = @_;
    return sql_value("SELECT COUNT(*) FROM login_attempts WHERE email = " . sql_quote($u->{email})
        . " AND success = 0");
}

# The form's fields with the given current password.
my %forms = (
    password => sub { ('/auth/account/password', current_password => $_[0], password => $new, password2 => $new) },
    email    => sub { ('/auth/account/email', email_password => $_[0],
        new_email => lc(unique_tag('thr') . '@example.org')) },
);

for my $form (sort keys %forms) {
    subtest "wrong current passwords on the $form form" => sub {
        my $u = new_user();
        my $c = Portico::Test->client;
        is($c->login($u->{email})->code, 303, 'signed in');
        my $hash = sql_value("SELECT password_hash FROM users WHERE id = $u->{id}");
        for my $i (1 .. $LIMIT) {
            my ($path, @fields) = $forms{$form}->("wrong password $i");
            my ($doc, $res) = $c->post_xml($path, [@fields, csrf => csrf_of(scalar $c->get_xml('/auth/account'))]);
            is($res->code, 422, "wrong password $i: 422");
        }
        is(failures($u), $LIMIT, "$LIMIT failed logins recorded for the account");

        my ($path, @fields) = $forms{$form}->(DEMO_PASSWORD);
        my ($doc, $res) = $c->post_xml($path, [@fields, csrf => csrf_of(scalar $c->get_xml('/auth/account'))]);
        is($res->code, 429, 'then the right password: 429');
        ok(grep({ $_ eq 'login.throttled' } message_keys($doc)), 'the throttle message');
        is(xp($doc, '/page/@view'), 'account', 'on the account page');
        is(sql_value("SELECT password_hash FROM users WHERE id = $u->{id}"), $hash, 'the password is unchanged');
        is(sql_value("SELECT COUNT(*) FROM user_tokens WHERE user_id = $u->{id}"), 0, 'no link made');

        my $other = Portico::Test->client;
        is($other->login($u->{email}, DEMO_PASSWORD)->code, 429, 'the login form is throttled for the account');
        is($c->get('/auth/account')->code, 200, 'the session itself goes on');
    };
}

subtest 'a right current password below the limit still works' => sub {
    my $u = new_user();
    my $c = Portico::Test->client;
    is($c->login($u->{email})->code, 303, 'signed in');
    my ($doc, $res) = $c->post_xml('/auth/account/password', [current_password => 'wrong',
        password => $new, password2 => $new, csrf => csrf_of(scalar $c->get_xml('/auth/account'))]);
    is($res->code, 422, 'one wrong password: 422');
    is(failures($u), 1, 'one failure recorded');
    $res = $c->post('/auth/account/password', [current_password => DEMO_PASSWORD,
        password => $new, password2 => $new, csrf => csrf_of(scalar $c->get_xml('/auth/account'))]);
    is($res->code, 303, 'the right one: changed');
};

done_testing;
