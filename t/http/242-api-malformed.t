# Bodies the integration API cannot read: each malformed JSON body is
# refused with 400 and a reason, another content type with 415, a body
# over the bound with 413 (from the worker, and past nginx's bound from
# nginx, in JSON both), and none of them writes anything.  Every write
# endpoint gets the whole list.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Api;
use Portico::Cart;

my ($pid, $sku) = ct_product(prices => { GBP => 1000 });
my ($token) = api_integration(qw(orders.read orders.write invoices.write catalogue.write));

# Orders a good body would change: submitted (confirm), confirmed (ship), shipped (deliver).
ct_set_limits(undef, undef);
my $gb = ct_address(country => 'GB');
my (undef, undef, $buyer) = ct_buyer();
my ($submitted, $confirmed, $shipped) = map { ct_place($buyer, [[$sku, 2]], address => $gb) } 1 .. 3;
api_call(POST => "/api/v1/orders/$_/confirm", token => $token) for $confirmed, $shipped;
api_call(POST => "/api/v1/orders/$shipped/shipments", token => $token,
    body => { carrier => 'DHL', lines => [{ line => 1, quantity => 2 }] });
my (undef, $invoice) = api_call(POST => "/api/v1/orders/$shipped/invoices", token => $token);
my $inv = $invoice->{number} // die 'no invoice';
sub invoices { return sql_value("SELECT GROUP_CONCAT(status ORDER BY id) FROM invoices WHERE order_id IN ("
    . join(', ', map { ct_order_id($_) } $confirmed, $shipped) . ')') }

# Each a body that must answer 400 malformed_json: [what, bytes].
my @malformed = (
    ['nothing at all', ''],
    ['white space only', "  \n"],
    ['an unclosed object', '{"items": ['],
    ['a trailing comma', '{"items": [],}'],
    ['single quotes', "{'items': []}"],
    ['a bare word', 'items'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"items"'],
    ['an array, not an object', '[{"sku": "x"}]'],
    ['true', 'true'],
    ['a duplicate key', '{"items": [], "items": []}'],
    ['a comment', '{"items": [] /* c */}'],
    ['garbage after the object', '{"items": []} x'],
    ['two objects', '{} {}'],
    ['an unquoted key', '{items: []}'],
    ['a NUL escape', '{"items": [{"sku": "a\u0000b", "stock": 1}]}'],
    ['invalid UTF-8', qq({"items": [{"sku": "\xff\xfe", "stock": 1}]})],
    ['a lone surrogate', '{"items": [{"sku": "\ud800", "stock": 1}]}'],
    ['an integer too big', '{"items": [{"sku": "x", "stock": 99999999999999999999999}]}'],
    ['a number too large', '{"items": [{"sku": "x", "stock": 1e999}]}'],
    ['NaN', '{"items": [{"sku": "x", "stock": NaN}]}'],
    ['a leading zero', '{"items": [{"sku": "x", "stock": 01}]}'],
    ['a control character in a string', qq({"items": [{"sku": "a\tb", "stock": 1}]})],
    ['a byte-order mark', qq(\xef\xbb\xbf{"items": []})],
    ['nesting 5000 deep', ('[' x 5000) . (']' x 5000)],
    ['an escape that is none', '{"items": [{"sku": "\q", "stock": 1}]}'],
);

# The write endpoints, how to see that nothing was written, and whether
# no body at all is a good one ({}).
my @writes = (
    ['/api/v1/stock', sub { sql_value("SELECT COUNT(*) FROM products WHERE stock IS NOT NULL OR stock_updated_at IS NOT NULL") }, 0],
    ["/api/v1/orders/$submitted/confirm", sub { api_written($submitted) }, 1],
    ["/api/v1/orders/$confirmed/shipments", sub { api_written($confirmed) }, 0],
    ["/api/v1/orders/$shipped/shipments/1/delivered", sub { api_written($shipped) }, 1],
    ["/api/v1/orders/$shipped/delivered", sub { api_written($shipped) }, 1],
    ["/api/v1/orders/$submitted/cancel", sub { api_written($submitted) }, 0],
    ["/api/v1/orders/$confirmed/invoices", \&invoices, 1],
    ["/api/v1/invoices/$inv/paid", \&invoices, 1],
);

my $audits = sql_value('SELECT COUNT(*) FROM audit_log');
for my $w (@writes) {
    my ($path, $state, $empty_ok) = @$w;
    my $before = $state->();
    subtest "POST $path: malformed bodies" => sub {
        for my $m (@malformed) {
            my ($what, $bytes) = @$m;
            next if $empty_ok && $bytes eq '';
            my ($res, $j) = api_call(POST => $path, token => $token, body => $bytes);
            is($res->code, 400, "$what: 400");
            is($j && $j->{error}{code}, 'malformed_json', '... malformed_json');
            ok(length($j && $j->{error}{message} // ''), '... with a reason');
        }
        is($state->(), $before, 'nothing was written');
        is(sql_value('SELECT COUNT(*) FROM audit_log'), $audits, 'nothing was audited');
    };
    subtest "POST $path: other content types and sizes" => sub {
        my ($res, $j) = api_call(POST => $path, token => $token, body => 'items=1',
            type => 'application/x-www-form-urlencoded');
        is($res->code, 415, 'a form: 415');
        is($j->{error}{code}, 'unsupported_media_type', '... in JSON');
        ($res, $j) = api_call(POST => $path, token => $token, body => '{"items":[]}', type => 'text/plain');
        is($res->code, 415, 'text/plain: 415');
        ($res, $j) = api_call(POST => $path, token => $token,
            body => '{"items":[{"sku":"x","stock":1}],"pad":"' . ('x' x 70000) . '"}');
        is($res->code, 413, 'a body over 64 KiB: 413');
        is($j && $j->{error}{code}, 'too_large', '... in JSON, from the worker');
        ($res, $j) = api_call(POST => $path, token => $token, body => '{"pad":"' . ('x' x 300000) . '"}');
        is($res->code, 413, 'a body over 128 KiB: 413');
        is($j && $j->{error}{code}, 'too_large', '... in JSON, from nginx');
        ($res, $j) = api_call(POST => $path, body => '{"pad":"' . ('x' x 70000) . '"}');
        is($res->code, 413, 'too large without a token: 413 (the size is checked first)');
        is($state->(), $before, 'nothing was written');
        is(sql_value('SELECT COUNT(*) FROM audit_log'), $audits, 'nothing was audited');
    };
}

END {
    my $status = $?;
    eval { api_forget_invoices($submitted, $confirmed, $shipped); api_forget_shipments($submitted, $confirmed, $shipped) };
    $? = $status;
}

done_testing;
