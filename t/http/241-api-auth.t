# Every endpoint of the integration API refuses a request without a valid
# bearer token (401: missing, another scheme, malformed, unknown, revoked)
# and one whose token lacks the endpoint's scope (403), in JSON with a
# reason, before it reads or writes anything; a signed-in browser's cookie
# authorises nothing there.  Unknown paths answer 404 and wrong methods
# 405, in JSON too.  A token with the scope needs no CSRF token.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Api;
use Portico::Cart;

my ($pid, $sku) = ct_product(prices => { GBP => 1000 });
my $stock_body = { items => [{ sku => $sku, stock => 7 }] };
my @scopes = qw(orders.read orders.write invoices.write catalogue.write);
my %token;
for my $s (@scopes) { ($token{$s}) = api_integration($s) }

# Orders for the writes to act on: one submitted, one confirmed, two shipped.
ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB');
my (undef, undef, $buyer) = ct_buyer();
my @orders = map { ct_place($buyer, [[$sku, 1]], address => $gb) } 1 .. 5;
my ($submitted, $confirmed, $shipped, $shipped2, $to_cancel) = @orders;
for my $n ($confirmed, $shipped, $shipped2) { api_call(POST => "/api/v1/orders/$n/confirm", token => $token{'orders.write'}) }
for my $n ($shipped, $shipped2) {
    api_call(POST => "/api/v1/orders/$n/shipments", token => $token{'orders.write'},
        body => { carrier => 'DHL', lines => [{ line => 1, quantity => 1 }] });
}
die 'the orders are not ready' unless join(' ', map { ct_order_row($_)->{status} } @orders) eq
    'submitted confirmed shipped shipped submitted';
my (undef, $invoice) = api_call(POST => "/api/v1/orders/$shipped2/invoices", token => $token{'invoices.write'});
die 'no invoice' unless ($invoice->{number} // '') =~ /^INV-/;

# [method, path, body, scope, status with the scope]: every route of the API.
my @endpoints = (
    [GET => '/api/v1/orders', undef, 'orders.read', 200],
    [GET => '/api/v1/orders?since=0&limit=5&status=submitted', undef, 'orders.read', 200],
    [GET => '/api/v1/orders/O-2026-000001', undef, 'orders.read', 200],
    [POST => "/api/v1/orders/$submitted/confirm", {}, 'orders.write', 200],
    [POST => "/api/v1/orders/$confirmed/shipments", { carrier => 'UPS', lines => [{ line => 1, quantity => 1 }] },
        'orders.write', 201],
    [POST => "/api/v1/orders/$shipped/shipments/1/delivered", {}, 'orders.write', 200],
    [POST => "/api/v1/orders/$shipped2/delivered", {}, 'orders.write', 200],
    [POST => "/api/v1/orders/$to_cancel/cancel", { reason => 'out of stock' }, 'orders.write', 200],
    [POST => '/api/v1/stock', $stock_body, 'catalogue.write', 200],
    [POST => "/api/v1/orders/$submitted/invoices", {}, 'invoices.write', 201],
    [POST => "/api/v1/invoices/$invoice->{number}/paid", undef, 'invoices.write', 200],
);
my ($revoked, $revoked_id) = api_integration(@scopes);
or_post_revoke($revoked_id);

sub or_post_revoke {
    my ($id) = @_;
    my (undef, $res) = Portico::Orders::or_post(api_admin(), "/orders/admin/integrations/$id/revoke", []);
    die 'revoke: ' . $res->code unless $res->code == 303;
}

my $audits = sql_value('SELECT COUNT(*) FROM audit_log');
my $states = join(' ', map { ct_order_row($_)->{status} } @orders);
my $cookie;
api_admin()->jar->scan(sub { $cookie = "$_[1]=$_[2]" if $_[1] eq 'portico_session' });
die 'no session cookie' unless $cookie;

for my $e (@endpoints) {
    my ($method, $path, $body, $scope, $ok) = @$e;
    my @b = defined $body ? (body => $body) : ();
    subtest "$method $path" => sub {
        my ($res, $j) = api_call($method, $path, @b);
        is($res->code, 401, 'no token: 401');
        like($res->header('Content-Type') // '', qr{^application/json}, '... in JSON');
        is($j->{error}{code}, 'token_missing', '... token_missing');
        is($j->{error}{status}, 401, '... with the status');
        like($j->{error}{message} // '', qr/Bearer/, '... and a reason');
        like($res->header('WWW-Authenticate') // '', qr/^Bearer realm="portico"$/, '... and the challenge');
        ($res, $j) = api_call($method, $path, @b, auth => "Basic " . 'YWRtaW46eA==');
        is($res->code, 401, 'Basic: 401');
        is($j->{error}{code}, 'token_missing', '... the Bearer scheme is asked for');
        ($res, $j) = api_call($method, $path, @b, token => 'abc');
        is($res->code, 401, 'a malformed token: 401');
        is($j->{error}{code}, 'token_invalid', '... token_invalid');
        like($res->header('WWW-Authenticate') // '', qr/error="invalid_token"/, '... invalid_token');
        ($res, $j) = api_call($method, $path, @b, token => api_random_token());
        is($res->code, 401, 'an unknown token: 401');
        is($j->{error}{code}, 'token_invalid', '... token_invalid');
        ($res, $j) = api_call($method, $path, @b, token => $revoked);
        is($res->code, 401, 'a revoked token (with every scope): 401');
        is($j->{error}{code}, 'token_revoked', '... token_revoked');
        ($res, $j) = api_call($method, $path, @b, cookie => $cookie);
        is($res->code, 401, "the admin's session cookie: 401");
        for my $s (grep { $_ ne $scope } @scopes) {
            ($res, $j) = api_call($method, $path, @b, token => $token{$s});
            is($res->code, 403, "a token with $s only: 403");
            is($j->{error}{code}, 'scope_missing', '... scope_missing');
            like($j->{error}{message}, qr/\Q$scope\E/, "... naming $scope");
        }
        is(sql_value('SELECT COUNT(*) FROM audit_log'), $audits, 'nothing was audited');
        is(sql_value("SELECT stock FROM products WHERE id = $pid"), undef, 'nothing was written');
        is(join(' ', map { ct_order_row($_)->{status} } @orders), $states, '... to any order');
        ($res, $j) = api_call($method, $path, @b, token => $token{$scope});
        is($res->code, $ok, "a token with $scope: $ok, without any CSRF token");
        like($res->header('Content-Type') // '', qr{^application/json}, '... in JSON');
        like($res->header('X-Content-Type-Options') // '', qr/nosniff/, '... with the security headers');
        is($res->header('Set-Cookie'), undef, '... and no cookie');
        sql("UPDATE products SET stock = NULL WHERE id = $pid");
        $audits = sql_value('SELECT COUNT(*) FROM audit_log');
        $states = join(' ', map { ct_order_row($_)->{status} } @orders);
    };
}

subtest 'the OpenAPI document describes every endpoint' => sub {
    my $res = Portico::Test->client->get('/static/api/openapi.yaml');
    is($res->code, 200, 'served with the static files');
    my $doc = $res->decoded_content;
    like($doc, qr/^openapi: 3\./m, 'OpenAPI 3');
    for my $e (@endpoints) {
        my ($method, $path) = @$e;
        (my $t = $path) =~ s{^/api/v1}{};
        $t =~ s{\?.*}{};
        $t =~ s{O-\d{4}-\d+}{{number}};
        $t =~ s{/shipments/\d+}{/shipments/{no}};
        $t =~ s{INV-\d{4}-\d+}{{invoice}};
        like($doc, qr{^  \Q$t\E:\n(?:    .*\n|\s*\n)*?    \L$method\E:\n(?:      .*\n)*?      x-portico-scope: \Q$e->[3]\E\n}m,
            "$method $t, with its scope $e->[3]");
    }
};

subtest 'paths and methods the API does not have' => sub {
    my ($res, $j) = api_call(GET => '/api/v1/nothing', token => $token{'orders.read'});
    is($res->code, 404, 'an unknown path: 404');
    is($j->{error}{code}, 'not_found', '... in JSON');
    ($res, $j) = api_call(GET => '/api/v1/orders/O-2026-999999', token => $token{'orders.read'});
    is($res->code, 404, 'an unknown order: 404');
    is($j->{error}{code}, 'not_found', '... in JSON');
    ($res, $j) = api_call(POST => '/api/v1/orders', token => $token{'orders.read'}, body => {});
    is($res->code, 405, 'POST to the feed: 405');
    is($res->header('Allow'), 'GET, HEAD', '... with Allow');
    is($j->{error}{code}, 'method_not_allowed', '... in JSON');
    ($res, $j) = api_call(GET => '/api/v1/stock', token => $token{'catalogue.write'});
    is($res->code, 405, 'GET of the stock: 405');
    is($res->header('Allow'), 'POST', '... with Allow');
    ($res, $j) = api_call(DELETE => '/api/v1/orders', token => $token{'orders.read'});
    is($res->code, 405, 'DELETE: 405');
};

END {
    my $status = $?;
    eval { api_forget_invoices(@orders); api_forget_shipments(@orders) };
    $? = $status;
}

done_testing;
