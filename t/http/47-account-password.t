# Changing the password on the account page: the current password is
# required, the new one follows the rule (10..1024 bytes, not the address,
# typed twice). This session stays, the user's other sessions end, the
# audit row and the "password-changed" mail are written with the change.
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
my $second = Portico::Test->client;
is($second->login($u->{email})->code, 303, 'signed in from a second browser');
my $carl = Portico::Test->client;
is($carl->login('carl@acme.example')->code, 303, 'another user signed in');

sub csrf_now { csrf_of(scalar $c->get_xml('/auth/account')) }
my $new = 'a much better secret';

subtest 'bad input: 422 with a message on the field, nothing changes' => sub {
    my @cases = (
        [[current_password => '', password => $new, password2 => $new], 'current_password', 'account.current-password.required'],
        [[current_password => 'wrong password', password => $new, password2 => $new], 'current_password', 'account.current-password.wrong'],
        [[current_password => DEMO_PASSWORD, password => 'short', password2 => 'short'], 'password', 'password.too-short'],
        [[current_password => DEMO_PASSWORD, password => '', password2 => ''], 'password', 'password.required'],
        [[current_password => DEMO_PASSWORD, password => 'x' x 1025, password2 => 'x' x 1025], 'password', 'password.too-long'],
        [[current_password => DEMO_PASSWORD, password => uc $u->{email}, password2 => uc $u->{email}], 'password', 'password.same-as-email'],
        [[current_password => DEMO_PASSWORD, password => $new, password2 => "$new!"], 'password2', 'password.mismatch'],
    );
    for my $case (@cases) {
        my ($form, $field, $key) = @$case;
        my ($doc, $res) = $c->post_xml('/auth/account/password', [@$form, csrf => csrf_now()]);
        is($res->code, 422, "$key: 422");
        is(xp($doc, '/page/@view'), 'account', "$key: the account page");
        is(xp($doc, "/page/messages/message[\@field = '$field']/\@key"), $key, "$key: on $field");
        unlike($res->content, qr/\Q$new\E|portico-demo/, "$key: no password echoed");
    }
    is($second->get('/')->code, 200, 'the other session still works');
    is(scalar(outbox_rows($u->{email}, 'password-changed')), 0, 'no mail');
};

subtest 'CSRF' => sub {
    my $res = $c->post('/auth/account/password', [current_password => DEMO_PASSWORD, password => $new, password2 => $new]);
    is($res->code, 403, 'no token: 403');
    my $probe = Portico::Test->client;
    is($probe->login($u->{email}, DEMO_PASSWORD)->code, 303, 'the old password still works');
    $probe->logout;
};

subtest 'a good change' => sub {
    my $before = sql_value("SELECT password_hash FROM users WHERE id = $u->{id}");
    my $res = $c->post('/auth/account/password',
        [current_password => DEMO_PASSWORD, password => $new, password2 => $new, csrf => csrf_now()]);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/account?saved=password', 'back to the account page');
    isnt(sql_value("SELECT password_hash FROM users WHERE id = $u->{id}"), $before, 'a new hash');
    my $doc = $c->get_xml('/auth/account?saved=password');
    is(xp($doc, '/page/@view'), 'account', 'this session stays signed in');
    ok(grep({ $_ eq 'account.password.saved' } message_keys($doc)), 'success message');
    is(xp_count($doc, '/page/account/sessions/session'), 1, 'one session left');
    is($second->get('/')->code, 303, 'the other session has ended');
    is($carl->get('/')->code, 200, "another user's session is untouched");

    my ($a) = audit_rows($u->{id}, 'user.password');
    ok($a, 'audit row user.password');
    like($a->[5] // '', qr/"other_sessions_ended":1/, 'it says one other session ended');
    unlike(join(' ', map { $_ // '' } @$a), qr/\$y\$|\Q$new\E/, 'neither hash nor password in the audit log');

    my $mail = outbox_wait($u->{email}, 'password-changed');
    ok($mail, 'password-changed queued for the user');
    is($mail && $mail->{data} ? $mail->{data}->findvalue('name') : '', $u->{name}, 'with the name');

    my $login = Portico::Test->client;
    is($login->login($u->{email}, DEMO_PASSWORD)->code, 422, 'the old password no longer works');
    is($login->login($u->{email}, $new)->code, 303, 'the new one does');

    my ($m, $why) = mail_arrives($u->{email}, 'password-changed');
    SKIP: {
        skip $why, 1 if !$m && $why ne 'no mail arrived';
        ok($m, 'the mail arrived at the sink');
    }
};

done_testing;
