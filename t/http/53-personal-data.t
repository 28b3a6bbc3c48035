# Personal data: the user downloads their own data as XML and as JSON
# (attachments, the same content: profile, org, roles, sessions, audit
# rows about and by them, their sign-in attempts), and nobody else's. The
# deletion request is recorded with an audit row and shown as pending.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use JSON::PP ();
use Portico::Test;
use Portico::Account;

my $u = new_user(like => 'olivia@acme.example');
my $c = Portico::Test->client;
is($c->login($u->{email})->code, 303, 'signed in');
is(Portico::Test->client->login($u->{email}, 'wrong password')->code, 422, 'one failed sign-in elsewhere');
sub csrf_now { csrf_of(scalar $c->get_xml('/auth/account')) }
is($c->post('/auth/account/profile', [name => 'Dora Data', phone => '+1 555 0100', language => 'en',
    time_zone => 'UTC', csrf => csrf_now()])->code, 303, 'a profile change for the audit log');
my $carl = Portico::Test->client;
$carl->login('carl@acme.example');

subtest 'XML' => sub {
    my $res = $c->get('/auth/account/data.xml');
    is($res->code, 200, 'answers 200');
    like($res->header('Content-Type'), qr{^application/xml}, 'XML');
    like($res->header('Content-Disposition') // '', qr{^attachment; filename="portico-personal-data\.xml"}, 'an attachment');
    is($res->header('Cache-Control'), 'no-store', 'not cached');
    my $doc = xml_of($res);
    ok($doc, 'well-formed');
    is(xp($doc, '/personal-data/user/email'), $u->{email}, 'the address');
    is(xp($doc, '/personal-data/user/name'), 'Dora Data', 'the name');
    is(xp($doc, '/personal-data/user/phone'), '+1 555 0100', 'the phone');
    is(xp($doc, '/personal-data/org/name'), 'Acme Industrial Ltd', 'the org');
    is_deeply([sort(xp_list($doc, '/personal-data/roles/role/name'))], ['approver', 'customer_user'], 'the roles');
    is(xp_count($doc, '/personal-data/sessions/session'), 1, 'the session');
    ok(xp_count($doc, "/personal-data/audit_log/entry[action = 'user.profile']"), 'the audit row of the change');
    ok(xp_count($doc, "/personal-data/audit_log/entry[action = 'login']"), 'the login');
    is(xp_count($doc, "/personal-data/login_attempts/attempt[success = '0']"), 1, 'the failed sign-in');
    unlike($res->content, qr/carl\@acme\.example|password_hash|\$y\$/, "no one else's data, no hash");
    unlike($res->content, qr/csrf/, 'no CSRF token in the file');
};

subtest 'JSON' => sub {
    my $res = $c->get('/auth/account/data.json');
    is($res->code, 200, 'answers 200');
    like($res->header('Content-Type'), qr{^application/json}, 'JSON');
    like($res->header('Content-Disposition') // '', qr{^attachment; filename="portico-personal-data\.json"}, 'an attachment');
    my $d = eval { JSON::PP->new->utf8->decode($res->content) };
    ok($d, 'valid JSON') or diag $@;
    is($d->{user}{email}, $u->{email}, 'the address');
    is($d->{user}{name}, 'Dora Data', 'the name');
    is($d->{org}{kind}, 'customer', 'the org');
    is(scalar @{ $d->{roles} }, 2, 'the roles');
    is(scalar @{ $d->{sessions} }, 1, 'the session');
    ok((grep { $_->{action} eq 'user.profile' } @{ $d->{audit_log} }), 'the audit row');
    my ($p) = grep { $_->{action} eq 'user.profile' } @{ $d->{audit_log} };
    ok(eval { JSON::PP::decode_json($p->{after}) }->{name} eq 'Dora Data', 'its after value') if $p;
    is(scalar(grep { $_->{success} eq '0' } @{ $d->{login_attempts} }), 1, 'the failed sign-in');
    unlike($res->content, qr/carl\@acme\.example|\$y\$/, "no one else's data, no hash");
};

subtest 'the same download for another user shows only theirs' => sub {
    my $doc = xml_of($carl->get('/auth/account/data.xml'));
    is(xp($doc, '/personal-data/user/email'), 'carl@acme.example', "carl's own");
    unlike($doc->toString, qr/\Q$u->{email}\E/, 'nothing of the other user');
};

subtest 'the deletion request' => sub {
    my ($doc, $res) = $c->get_xml('/auth/account/delete-request');
    is($res->code, 200, 'the page answers 200');
    is(xp($doc, '/page/@view'), 'account-delete', 'view account-delete');
    is(xp($doc, '/page/deletion/@requested'), '', 'nothing requested yet');

    ($doc, $res) = $c->post_xml('/auth/account/delete-request', [csrf => csrf_now()]);
    is($res->code, 422, 'without the confirmation: 422');
    is(xp($doc, "/page/messages/message[\@field = 'confirm']/\@key"), 'account.delete.confirm-required', 'message on the box');
    is($c->post('/auth/account/delete-request', [confirm => 1])->code, 403, 'no csrf: 403');
    is(sql_value("SELECT deletion_requested_at FROM users WHERE id = $u->{id}"), undef, 'nothing recorded');

    $res = $c->post('/auth/account/delete-request', [confirm => 1, csrf => csrf_now()]);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/account/delete-request?sent=1', 'to the page');
    ok(sql_value("SELECT deletion_requested_at FROM users WHERE id = $u->{id}"), 'recorded');
    ok(audit_rows($u->{id}, 'user.deletion-requested'), 'audit row');
    ($doc) = $c->get_xml('/auth/account/delete-request?sent=1');
    ok(grep({ $_ eq 'account.delete.sent' } message_keys($doc)), 'the page says an administrator completes it');
    like(xp($doc, '/page/deletion/@requested'), qr/^\d{4}-\d\d-\d\dT/, 'and when it was asked for');
    ok($c->get('/auth/account/delete-request')->decoded_content =~ /An administrator will complete/, 'HTML says so');
    like(xp(scalar $c->get_xml('/auth/account'), '/page/account/@deletion-requested'), qr/^\d{4}-/, 'the account page shows it too');
    is($c->post('/auth/account/delete-request', [confirm => 1, csrf => csrf_now()])->code, 303, 'asking again is harmless');
    is(scalar(audit_rows($u->{id}, 'user.deletion-requested')), 1, 'and writes no second row');
    is($c->get('/')->code, 200, 'the user can go on until an administrator acts');
};

done_testing;
