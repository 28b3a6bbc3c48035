# Sending an invitation again: a new token and mail for a user who has not
# accepted yet; the older links stop working.  Only for invited users;
# other org 404, no permission 403, no token 403; an audit row.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my $anna = client_as('anna.admin@acme.example');

subtest 'anna sends an invitation again' => sub {
    my $email = unique_tag('again') . '@example.com';
    forget_user_at_end($email);
    my ($doc, $res) = post_form($anna, '/auth/users/new',
        [email => $email, name => 'Ron Resend', role => role_id('customer_user')]);
    is($res->code, 303, 'invited');
    my $u = user_row('email = ' . sql_quote($email));
    my ($first) = outbox_for($email);
    my ($old_link) = $first->{data} =~ m{<link>https?://[^/<]+(/auth/invite\?token=[0-9a-f]+)</link>};
    ok($old_link, 'first link');

    ($doc, $res) = post_form($anna, "/auth/users/$u->{id}/invite", []);
    is($res->code, 303, 'again: 303');
    is(location_path($res), "/auth/users/$u->{id}?resent=1", 'back to the page');
    my @tokens = token_rows($u->{id});
    is(scalar @tokens, 2, 'two tokens');
    is($tokens[0]{valid}, 0, 'the old one is void');
    is($tokens[1]{valid}, 1, 'the new one valid');
    is($tokens[1]{days}, 7, 'for 7 days');
    my @mails = outbox_for($email);
    is(scalar @mails, 2, 'a second mail');
    is($mails[0]{template}, 'invite', 'an invitation');
    my ($new_link) = $mails[0]{data} =~ m{<link>https?://[^/<]+(/auth/invite\?token=[0-9a-f]+)</link>};
    isnt($new_link, $old_link, 'with a new link');
    my ($a) = audit_rows('user.invite.resend', 'user', $u->{id});
    ok($a, 'audit row');
    is($a->{user_id}, ANNA_ID, 'by anna');
    ($doc) = $anna->get_xml("/auth/users/$u->{id}?resent=1");
    ok(xp_count($doc, "/page/messages/message[\@key='users.invite.resent']"), 'message');

    my $c = Portico::Test->client;
    is($c->get($old_link)->code, 404, 'the old link no longer works');
    is($c->get($new_link)->code, 200, 'the new one does');

    SKIP: {
        skip 'no Portico::Mail (mail helpers) on this tree', 1 unless eval { require Portico::Mail; 1 };
        my $ok = 0;
        for (1 .. 2) {    # the first invitation, then the second
            my $m = Portico::Mail::wait_for(to => $email, timeout => 30) or last;
            $ok = 1 if (link_path($m->{text}) // '') eq $new_link;
        }
        ok($ok, 'the new link arrived by mail');
    }
};

subtest 'only for invited users' => sub {
    my $u = make_user(org => ACME, roles => ['customer_user']);
    my ($doc, $res) = post_form($anna, "/auth/users/$u/invite", []);
    is($res->code, 422, 'an active user: 422');
    ok(xp_count($doc, "/page/messages/message[\@key='users.invite.not-invited']"), 'users.invite.not-invited');
    is(scalar(my @t = token_rows($u)), 0, 'no token');
};

subtest 'refused' => sub {
    my $b = make_user(org => BERGMANN, roles => ['customer_user'], status => 'invited', password => 0);
    my $u = make_user(org => ACME, roles => ['customer_user'], status => 'invited', password => 0);
    my ($doc, $res) = post_form($anna, "/auth/users/$b/invite", []);
    is($res->code, 404, 'another org\'s user: 404');
    my $klaus = client_as('klaus@bergmann.example');
    ($doc, $res) = post_form($klaus, "/auth/users/$b/invite", []);
    is($res->code, 403, 'klaus: 403');
    ($doc, $res) = post_form($anna, "/auth/users/$u/invite", [], no_csrf => 1);
    is($res->code, 403, 'without csrf: 403');
    is(scalar(my @t = (token_rows($b), token_rows($u))), 0, 'no tokens made');

    my $admin = client_as('admin@portico.example');
    ($doc, $res) = post_form($admin, "/auth/admin/users/$b/invite", []);
    is($res->code, 303, 'the provider admin for Bergmann: 303');
    is(scalar(my @t2 = token_rows($b)), 1, 'a token');
    my ($a) = audit_rows('user.invite.resend', 'user', $b);
    is($a->{user_id}, 1, 'audit by the admin');
};

done_testing;
