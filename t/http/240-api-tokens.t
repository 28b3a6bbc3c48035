# The integrations' API tokens (/orders/admin/integrations): only the
# provider's admins (admin.integrations) see and change them; a new token
# is shown once, on the answer that made it, and only its SHA-256 is kept;
# a name and a scope are required (422, the name kept); a revoked token is
# refused by the API at once; each create and revoke is audited; the list
# shows the last use.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Api;
use Portico::Orders qw(or_client or_post or_errors);

my $page = '/orders/admin/integrations';

subtest 'who may open the page' => sub {
    my $res = or_client(undef)->get($page);
    is($res->code, 303, 'anonymous: to the login page');
    like(location_path($res) // '', qr{^/auth/login}, '... there');
    for my $email (qw(manager@portico.example agent@portico.example anna.admin@acme.example
        carl@acme.example paula@northwind.example)) {
        my (undef, $r) = or_client($email)->get_xml($page);
        is($r->code, 403, "$email: 403");
        (undef, $r) = or_post(or_client($email), $page, [name => 'x', 'scope_orders.read' => 1]);
        is($r->code, 403, "$email may not make one: 403");
    }
    my ($doc, $r) = api_admin()->get_xml($page);
    is($r->code, 200, 'the admin: 200');
    is(xp_count($doc, '/page/or-integrations/scopes/scope'), 4, 'the four scopes are offered');
    is(xp_count($doc, '/page/or-new-token'), 0, 'no token on the list');
    is(xp_count($doc, "/page/nav//link[\@href='$page']"), 1, 'the navigation offers the page');
    my $html = api_admin()->get($page)->decoded_content;
    like($html, qr{<h1>Integrations and API tokens</h1>}, 'HTML: the page');
    my $de = or_client('admin@portico.example', lang => 'de');
    sql("UPDATE users SET language = 'de' WHERE email = 'admin\@portico.example'");
    like($de->get($page)->decoded_content, qr{Integrationen und API-Token}, 'German');
    sql("UPDATE users SET language = 'en' WHERE email = 'admin\@portico.example'");
};

subtest 'a new token: shown once, kept as its hash, audited' => sub {
    my $name = api_prefix() . ' ERP';
    my ($doc, $res) = or_post(api_admin(), $page, [name => $name, 'scope_orders.read' => 1,
        'scope_orders.write' => 1]);
    is($res->code, 200, 'made: 200, the page with the token');
    my $token = xp($doc, '/page/or-new-token/text()');
    like($token, qr/\Apti_[0-9a-f]{64}\z/, 'the token: pti_ and 64 hex digits');
    is(xp($doc, '/page/or-new-token/name'), $name, 'named');
    like($res->header('Cache-Control') // '', qr/no-store/, 'no-store');
    my $row = sql_rows('SELECT id, scopes, HEX(token_hash), token_hint, created_by FROM integrations'
        . ' WHERE name = ' . sql_quote($name))->[0];
    ok($row, 'the row');
    my ($id, $scopes, $hash, $hint, $by) = @$row;
    is($scopes, 'orders.read,orders.write', 'its scopes');
    is($hash, uc(sql_value('SELECT SHA2(' . sql_quote($token) . ', 256)')), 'the SHA-256 of the token is kept');
    is($hint, substr($token, 4, 8), 'and its first eight digits as a hint');
    is($by, sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'"), 'made by the admin');
    my $raw = join(' ', map { $_ // '' } @{ sql_rows("SELECT * FROM integrations WHERE id = $id")->[0] });
    unlike($raw, qr/\Q$token\E|\Q${\ substr($token, 4)}\E/, 'the token itself is nowhere in the row');
    my ($a) = api_audit('integration.create', 'integration', $id);
    ok($a, 'audited');
    like($a->{after} // '', qr/"name":"\Q$name\E".*"scopes":"orders.read,orders.write"/, '... with name and scopes');
    unlike($a->{after} // '', qr/\Q${\ substr($token, 4)}\E/, '... but not the token');
    like(api_admin()->get('/auth/audit?action=integration.create')->decoded_content,
        qr{<strong>Ada Admin</strong> made an API token for <strong>\Q$name\E</strong>}, 'the audit log says it in words');

    ($doc) = api_admin()->get_xml($page);
    is(xp_count($doc, '/page/or-new-token'), 0, 'the list again: the token is not shown');
    is(xp($doc, "/page/or-integrations/integration[\@id='$id']/\@hint"), $hint, 'only its hint');
    is(join(',', xp_list($doc, "/page/or-integrations/integration[\@id='$id']/scope")),
        'orders.read,orders.write', 'with its scopes');
    unlike(api_admin()->get($page)->decoded_content, qr/\Q${\ substr($token, 4)}\E/, 'HTML: nor there');
    is(xp($doc, "/page/or-integrations/integration[\@id='$id']/\@last-used") // '', '', 'never used');

    my ($r, $j) = api_call(GET => '/api/v1/orders', token => $token);
    is($r->code, 200, 'the API takes it');
    is(sql_value("SELECT last_used_at IS NOT NULL FROM integrations WHERE id = $id"), 1, 'its use is stamped');
    is(sql_value("SELECT last_used_ip FROM integrations WHERE id = $id"), '127.0.0.1', '... with the address');
    ($doc) = api_admin()->get_xml($page);
    like(xp($doc, "/page/or-integrations/integration[\@id='$id']/\@last-used"), qr/^\d{4}-/, 'the list shows the last use');
};

subtest 'refusals: 422 with the name kept, CSRF' => sub {
    my ($doc, $res) = or_post(api_admin(), $page, [name => api_prefix() . ' none']);
    is($res->code, 422, 'no scope: 422');
    is(or_errors($doc)->{scopes}, 'orders.api.scopes.required', '... said at the scopes');
    is(xp($doc, "/page/form[\@name='integration']/field[\@name='name']"), api_prefix() . ' none', 'the name is kept');
    ($doc, $res) = or_post(api_admin(), $page, [name => '  ', 'scope_invoices.write' => 1]);
    is($res->code, 422, 'no name: 422');
    is(or_errors($doc)->{name}, 'input.required', '... said at the name');
    is(xp($doc, "/page/form[\@name='integration']/field[\@name='scope_invoices.write']"), '1', 'the scope stays ticked');
    ($doc, $res) = or_post(api_admin(), $page, [name => 'x' x 101, 'scope_orders.read' => 1]);
    is($res->code, 422, 'a name over 100 characters: 422');
    my (undef, undef, $taken) = api_integration('orders.read');
    ($doc, $res) = or_post(api_admin(), $page, [name => $taken, 'scope_orders.read' => 1]);
    is($res->code, 422, 'a name taken: 422');
    is(or_errors($doc)->{name}, 'orders.api.name.taken', '... said at the name');
    (undef, $res) = or_post(api_admin(), $page, [name => api_prefix() . ' nocsrf', 'scope_orders.read' => 1], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    is(sql_value('SELECT COUNT(*) FROM integrations WHERE name IN (' . join(', ', map { sql_quote(api_prefix() . $_) }
        ' none', ' nocsrf') . ')'), 0, 'none of these made a row');
};

subtest 'revoke' => sub {
    my ($token, $id) = api_integration('orders.read');
    my ($r) = api_call(GET => '/api/v1/orders', token => $token);
    is($r->code, 200, 'works before');
    my (undef, $res) = or_post(or_client('manager@portico.example'), "$page/$id/revoke", []);
    is($res->code, 403, 'a manager may not revoke: 403');
    (undef, $res) = or_post(api_admin(), "$page/$id/revoke", [], no_csrf => 1);
    is($res->code, 403, 'without the CSRF token: 403');
    is(sql_value("SELECT revoked_at IS NULL FROM integrations WHERE id = $id"), 1, 'still valid');
    (undef, $res) = or_post(api_admin(), "$page/$id/revoke", []);
    is($res->code, 303, 'the admin revokes it: 303');
    is(location_path($res), "$page?revoked=1", '... to the list');
    is(sql_value("SELECT revoked_at IS NOT NULL AND revoked_by = (SELECT id FROM users WHERE email = 'admin\@portico.example')"
        . " FROM integrations WHERE id = $id"), 1, 'revoked, by the admin');
    my @a = api_audit('integration.revoke', 'integration', $id);
    is(scalar @a, 1, 'audited');
    like($a[0]{after}, qr/"revoked":"1"/, '... as revoked');
    my $j;
    ($r, $j) = api_call(GET => '/api/v1/orders', token => $token);
    is($r->code, 401, 'the API refuses it now: 401');
    is($j->{error}{code}, 'token_revoked', '... saying it was revoked');
    (undef, $res) = or_post(api_admin(), "$page/$id/revoke", []);
    is($res->code, 303, 'revoking again: 303');
    is(scalar(my @b = api_audit('integration.revoke', 'integration', $id)), 1, '... and no second audit row');
    my ($doc) = api_admin()->get_xml("$page?revoked=1");
    like(xp($doc, "/page/or-integrations/integration[\@id='$id']/\@revoked"), qr/^\d{4}-/, 'the list says revoked');
    is(xp_count($doc, "/page/messages/message[\@key='orders.api.revoked']"), 1, 'and so does the message');
    (undef, $res) = or_post(api_admin(), "$page/999999999/revoke", []);
    is($res->code, 404, 'an unknown one: 404');
};

subtest 'the demo: a warehouse token that works, an ERP token revoked' => sub {
    my ($r, $j) = api_call(GET => '/api/v1/orders/O-2026-000001',
        token => 'pti_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    is($r->code, 200, "the demo warehouse's token reads an order");
    is($j->{po_number}, 'PO-ACME-1041', '... the demo order');
    ($r, $j) = api_call(GET => '/api/v1/orders',
        token => 'pti_fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210');
    is($r->code, 401, "the old ERP's token: 401");
    is($j->{error}{code}, 'token_revoked', '... revoked');
    my ($doc) = api_admin()->get_xml($page);
    is(xp_count($doc, "/page/or-integrations/integration[name='Warehouse Leeds (demo)' and not(\@revoked)]"), 1,
        'the list shows the warehouse');
    is(xp_count($doc, "/page/or-integrations/integration[name='Old ERP (demo)' and \@revoked]"), 1, '... and the revoked ERP');
    is(sql_value("SELECT stock FROM products WHERE sku = 'PX-400-ATEX'"), 0, 'the warehouse reported a sensor out of stock');
};

done_testing;
