# Invitations: an org admin invites a person by email, name and initial
# roles; the user is created as "invited" without a password, an invite
# token valid for 7 days is minted, the mail "invite" is queued in the
# org's language with a link to /auth/invite, and an audit row is written.
# The org admin goes back to the users list ("Invitation sent."), the
# provider's admin, who invites into any org, to the new user.  Bad input
# gives 422 with the field message and the input kept; an address in use
# in the admin's own org is refused; one of another org is answered like
# any invitation (56-users-invite-elsewhere.t).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::OrgAdmin;

my $anna = client_as('anna.admin@acme.example');

sub has_message {
    my ($doc, $key, $field) = @_;
    my $q = "/page/messages/message[\@kind='error' and \@key='$key'"
        . (defined $field ? " and \@field='$field'" : '') . ']';
    return xp_count($doc, $q) > 0;
}

subtest 'the form' => sub {
    my ($doc, $res) = $anna->get_xml('/auth/users/new');
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'user-new', 'view user-new');
    is(xp($doc, '/page/user-new/org'), 'Acme Industrial Ltd', 'into her own org');
    is_deeply([xp_list($doc, '/page/user-new/roles/role/@name')],
        [qw(customer_user buyer approver customer_admin)], 'the roles of a customer org, nothing else');
    my $html = $anna->get('/auth/users/new')->content;
    like($html, qr{<label for="email">}, 'labelled email field');
    like($html, qr{<input type="checkbox" id="role-\d+" name="role" value="\d+" checked}, 'a role ticked by default');
};

subtest 'anna invites a new user' => sub {
    my $email = unique_tag('invitee') . '@example.com';
    forget_user_at_end($email);
    my @roles = (role_id('customer_user'), role_id('buyer'));
    my ($doc, $res) = post_form($anna, '/auth/users/new',
        [email => "  \u$email ", name => ' Ivy Invitee ', map { (role => $_) } @roles]);
    is($res->code, 303, 'invite: 303');
    my $u = user_row('email = ' . sql_quote($email));
    ok($u, 'user created (address lower-cased and trimmed)') or return;
    is(location_path($res), '/auth/users?invited=1', 'to the users list');
    is($u->{org_id}, ACME, 'in Acme');
    is($u->{name}, 'Ivy Invitee', 'name trimmed');
    is($u->{status}, 'invited', 'status invited');
    is($u->{has_password}, 0, 'no password');
    is($u->{language}, 'en', "the org's language");
    is_deeply(roles_of($u->{id}), [qw(buyer customer_user)], 'initial roles');
    my @tokens = token_rows($u->{id});
    is(scalar @tokens, 1, 'one invite token');
    is($tokens[0]{valid}, 1, 'valid');
    is($tokens[0]{days}, 7, 'for 7 days');
    my @mails = outbox_for($email);
    is(scalar @mails, 1, 'one mail queued');
    is($mails[0]{template}, 'invite', 'template invite');
    is($mails[0]{lang}, 'en', 'in English, the language of Acme');
    my $data = XML::LibXML->load_xml(string => $mails[0]{data});
    is(xp($data, '/data/inviter'), 'Anna Admin', 'inviter');
    is(xp($data, '/data/org'), 'Acme Industrial Ltd', 'org');
    is(xp($data, '/data/expires-days'), 7, 'expires-days');
    my $link = xp($data, '/data/link');
    like($link, qr{^https?://[^/]+/auth/invite\?token=[0-9a-f]{64}$}, 'absolute link with a token');
    my ($audit) = audit_rows('user.invite', 'user', $u->{id});
    ok($audit, 'audit row') or return;
    is($audit->{user_id}, ANNA_ID, 'by anna');
    is($audit->{org_id}, ACME, 'in her org');
    like($audit->{after}, qr{"email":"\Q$email\E"}, 'after: email');
    like($audit->{after}, qr{"status":"invited"}, 'after: status');
    like($audit->{after}, qr{"roles":\["customer_user","buyer"\]}, 'after: roles');
    is($audit->{before}, undef, 'no before');

    ($doc) = $anna->get_xml('/auth/users?invited=1');
    ok(xp_count($doc, "/page/messages/message[\@key='users.invited']"), 'success message');
    ($doc) = $anna->get_xml("/auth/users/$u->{id}");
    ok(xp($doc, '/page/user-detail/invitation/@expires'), 'pending invitation shown');

    my ($path) = $link =~ m{^https?://[^/]+(/.*)$};
    my $invitee = Portico::Test->client;
    my ($form, $r) = $invitee->get_xml($path);
    is($r->code, 200, 'the link opens the acceptance page');
    is(xp($form, '/page/password-form/email'), $email, 'for the invitee');

    SKIP: {
        skip 'no Portico::Mail (mail helpers) on this tree', 3 unless eval { require Portico::Mail; 1 };
        my $mail = invite_mail($email);
        ok($mail, 'the mail arrived at the SMTP sink') or last;
        like($mail->{subject}, qr/Acme Industrial Ltd/, 'subject names the org');
        is(link_path($mail->{text}), $path, 'the mail carries the link');
    }

    # The link works: the invitee sets a password and is signed in.
    my $pw = 'a-new-password-' . unique_tag('pw');
    $r = $invitee->post($path, [csrf => csrf_of($form), token => xp($form, '/page/password-form/token'),
        password => $pw, password2 => $pw]);
    is($r->code, 303, 'password set: 303');
    is(user_row($u->{id})->{status}, 'active', 'the invitee is active now');
    my ($start) = $invitee->get_xml('/');
    is(xp($start, '/page/session/user/email'), $email, 'and signed in');
    is(token_rows($u->{id}) && (token_rows($u->{id}))[0]{valid}, 0, 'the token is used up');
};

subtest '422: bad input, input kept' => sub {
    my $role = role_id('customer_user');
    my %cases = (
        'no email'        => [[email => '', name => 'X', role => $role], 'users.email.required', 'email'],
        'malformed email' => [[email => 'not-an-address', name => 'X', role => $role], 'users.email.invalid', 'email'],
        'too long email'  => [[email => ('a' x 250) . '@example.com', name => 'X', role => $role], 'users.email.invalid', 'email'],
        'no name'         => [[email => unique_tag('n') . '@example.com', name => '  ', role => $role], 'users.name.required', 'name'],
        'long name'       => [[email => unique_tag('n') . '@example.com', name => 'x' x 201, role => $role], 'users.name.invalid', 'name'],
        'no role'         => [[email => unique_tag('n') . '@example.com', name => 'No Role'], 'users.roles.required', 'roles'],
        'partner role'    => [[email => unique_tag('n') . '@example.com', name => 'P', role => role_id('partner_user')], 'users.roles.invalid', 'roles'],
        'provider role'   => [[email => unique_tag('n') . '@example.com', name => 'P', role => role_id('admin')], 'users.roles.invalid', 'roles'],
        'junk role'       => [[email => unique_tag('n') . '@example.com', name => 'P', role => 'x1'], 'users.roles.invalid', 'roles'],
    );
    my $before = sql_value('SELECT COUNT(*) FROM users');
    for my $name (sort keys %cases) {
        my ($form, $key, $field) = @{ $cases{$name} };
        my ($doc, $res) = post_form($anna, '/auth/users/new', $form);
        is($res->code, 422, "$name: 422");
        ok(has_message($doc, $key, $field), "$name: $key on $field") or diag explain [message_keys($doc)];
        my %f = @$form;
        is(xp($doc, "/page/form/field[\@name='name']"), $f{name}, "$name: name kept");
        is(xp($doc, "/page/form/field[\@name='email']"), $f{email}, "$name: email kept");
    }
    is(sql_value('SELECT COUNT(*) FROM users'), $before, 'nobody created');

    my ($doc, $res) = post_form($anna, '/auth/users/new',
        [email => 'x', name => 'Kept', role => role_id('buyer')]);
    is(xp($doc, "/page/user-new/roles/role[\@name='buyer']/\@on"), 1, 'ticked role kept');
    is(xp($doc, "/page/user-new/roles/role[\@name='customer_user']/\@on"), 0, 'unticked role kept unticked');
    my $html = $anna->post('/auth/users/new', [csrf => page_csrf($anna), email => 'x', name => 'Kept <b>', role => role_id('buyer')]);
    is($html->code, 422, 'HTML 422');
    like($html->content, qr{value="Kept &lt;b&gt;"}, 'input kept, escaped');
    like($html->content, qr{aria-invalid="true"}, 'field marked invalid');
};

subtest 'an address in use in her own org cannot be invited' => sub {
    for my $email ('carl@acme.example', 'CARL@acme.example') {
        my ($doc, $res) = post_form($anna, '/auth/users/new',
            [email => $email, name => 'Dup', role => role_id('customer_user')]);
        is($res->code, 422, "$email: 422");
        ok(has_message($doc, 'users.email.taken', 'email'), "$email: users.email.taken");
        unlike($res->content, qr/Bergmann|Acme Industrial Ltd<\/org><\/user/, "$email: no org named with the address");
    }
    is(sql_value("SELECT COUNT(*) FROM users WHERE email = 'klaus\@bergmann.example'"), 1, 'still one klaus');
};

subtest 'refused: CSRF, another role, anonymous' => sub {
    my $email = unique_tag('csrf') . '@example.com';
    forget_user_at_end($email);
    my ($doc, $res) = post_form($anna, '/auth/users/new',
        [email => $email, name => 'No Token', role => role_id('customer_user')], no_csrf => 1);
    is($res->code, 403, 'without csrf: 403');
    ok(grep({ $_ eq 'error.csrf' } message_keys($doc)), 'error.csrf');
    ($doc, $res) = post_form($anna, '/auth/users/new',
        [email => $email, name => 'No Token', role => role_id('customer_user'), csrf => 'f' x 64], no_csrf => 1);
    is($res->code, 403, 'wrong csrf: 403');
    my $klaus = client_as('klaus@bergmann.example');
    is($klaus->get('/auth/users/new')->code, 403, 'klaus GET: 403');
    ($doc, $res) = post_form($klaus, '/auth/users/new', [email => $email, name => 'K', role => role_id('customer_user')]);
    is($res->code, 403, 'klaus POST: 403');
    is(Portico::Test->client->post('/auth/users/new', [email => $email])->code, 403, 'anonymous POST: 403');
    is(user_row('email = ' . sql_quote($email)), undef, 'nobody created');
};

subtest 'the provider admin invites into any org' => sub {
    my $admin = client_as('admin@portico.example');
    my ($doc, $res) = $admin->get_xml('/auth/admin/users/new');
    is($res->code, 200, 'without org: 200');
    ok(xp_count($doc, '/page/user-new/orgs/org') >= 4, 'chooses the org first');
    ($doc, $res) = $admin->get_xml('/auth/admin/users/new?org=' . BERGMANN);
    is(xp($doc, '/page/user-new/org'), 'Bergmann Maschinenbau AG', 'form for Bergmann');
    ($doc) = $admin->get_xml('/auth/admin/users/new?org=' . NORTHWIND);
    is_deeply([xp_list($doc, '/page/user-new/roles/role/@name')], ['partner_user'], 'a partner org offers partner roles');
    is($admin->get('/auth/admin/users/new?org=99999')->code, 404, 'unknown org: 404');
    is($admin->get('/auth/admin/users/new?org=abc')->code, 404, 'malformed org: 404');

    my $email = unique_tag('berg') . '@example.com';
    forget_user_at_end($email);
    ($doc, $res) = post_form($admin, '/auth/admin/users/new',
        [org => BERGMANN, email => $email, name => 'Berta Bergmann', role => role_id('approver')]);
    is($res->code, 303, 'invite: 303');
    my $u = user_row('email = ' . sql_quote($email));
    is($u->{org_id}, BERGMANN, 'in Bergmann');
    is($u->{status}, 'invited', 'invited');
    is(location_path($res), "/auth/admin/users/$u->{id}?invited=1", 'to the admin detail page');
    is_deeply(roles_of($u->{id}), ['approver'], 'role');
    my ($mail) = outbox_for($email);
    is($mail->{lang}, 'de', "mail in Bergmann's language");
    like($mail->{data}, qr{<inviter>Ada Admin</inviter>}, 'inviter is the admin');
    my ($audit) = audit_rows('user.invite', 'user', $u->{id});
    is($audit->{user_id}, 1, 'audit by the admin');

    ($doc, $res) = post_form($admin, '/auth/admin/users/new',
        [org => BERGMANN, email => unique_tag('x') . '@example.com', name => 'X', role => role_id('agent')]);
    is($res->code, 422, 'a provider role for a customer org: 422');
    ok(has_message($doc, 'users.roles.invalid', 'roles'), 'users.roles.invalid');
    ($doc, $res) = post_form($admin, '/auth/admin/users/new',
        [email => unique_tag('x') . '@example.com', name => 'X', role => role_id('buyer')]);
    is($res->code, 404, 'without org: 404');
    is($anna->get('/auth/admin/users/new?org=' . ACME)->code, 403, 'anna on the provider form: 403');
};

done_testing;
