package Portico::Api;

# Helpers for the tests of the integration API (t/http/240-249):
# integrations made on the token page by the demo admin, requests to
# /api/v1/ with a bearer token and a JSON body, and the answer's JSON.
#
# The integrations a test made (name prefix api_prefix()) are deleted when
# it ends, with the audit rows that name them.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use HTTP::Request;
use JSON::PP ();
use LWP::UserAgent;
use Portico::Test;
use Portico::Orders qw(or_client or_post);
use Portico::OrgAdmin ();

our @EXPORT = qw(api_prefix api_admin api_integration api_call api_settle api_json
    api_audit api_random_token api_written api_forget_shipments api_forget_invoices);

my $PREFIX = "API$$";
my ($admin, @made);

sub api_prefix { return $PREFIX }

# The demo admin, signed in (once).
sub api_admin { return $admin //= or_client('admin@portico.example') }

# An integration holding scopes, made on the token page: (token, id, name).
sub api_integration {
    my (@scopes) = @_;
    my $name = "$PREFIX " . unique_tag('i');
    my ($doc, $res) = or_post(api_admin(), '/orders/admin/integrations',
        [name => $name, map { ("scope_$_" => 1) } @scopes]);
    croak 'making an integration: ' . $res->code unless $res->code == 200;
    my $token = xp($doc, '/page/or-new-token/text()');
    croak "no token on the page: $token" unless $token =~ /\Apti_[0-9a-f]{64}\z/;
    my $id = sql_value('SELECT id FROM integrations WHERE name = ' . sql_quote($name));
    push @made, $id;
    return ($token, $id, $name);
}

# A token of the right form that no integration has.
sub api_random_token {
    return 'pti_' . join('', map { sprintf('%02x', int(rand(256))) } 1 .. 32);
}

# JSON text of a Perl structure (keys sorted).
sub api_json { return JSON::PP->new->utf8->canonical->encode($_[0]) }

# A request: api_call(METHOD, path, token => t | auth => 'header value',
# body => ref (as JSON) | bytes, type => content type, cookie => ...).
# Returns ($res, $json): $json undef when the answer is not JSON.
sub api_call {
    my ($method, $path, %o) = @_;
    my $ua = LWP::UserAgent->new(max_redirect => 0, timeout => 60);
    my $req = HTTP::Request->new($method => base_url() . $path);
    $req->header(Authorization => "Bearer $o{token}") if defined $o{token};
    $req->header(Authorization => $o{auth}) if defined $o{auth};
    $req->header(Cookie => $o{cookie}) if defined $o{cookie};
    if (exists $o{body}) {
        my $b = ref $o{body} ? api_json($o{body}) : $o{body};
        $req->content($b);
        $req->header('Content-Type' => $o{type} // 'application/json');
        $req->header('Content-Length' => length $b);
    } elsif ($method eq 'POST') {
        $req->header('Content-Length' => 0);
    }
    my $res = $ua->request($req);
    my $json = eval { JSON::PP->new->utf8->decode($res->content) };
    return ($res, $json);
}

# Let the feed count the order events written so far: they count once
# [api] feed_settle_ms old (a second), so they are made older.
sub api_settle {
    sql('UPDATE order_events SET at = at - INTERVAL 5 SECOND'
        . ' WHERE at > UTC_TIMESTAMP(6) - INTERVAL 10 SECOND');
    return;
}

# The audit rows of action on object (type, id), newest first:
# { user_id org_id integration_id before after ip }.
sub api_audit { return Portico::OrgAdmin::audit_rows(@_) }

# What is written about the order number: its events, shipments and audit
# rows, and its status, as one string; the same before and after a refused
# request.
sub api_written {
    my ($number) = @_;
    my $id = sql_value('SELECT id FROM orders WHERE number = ' . sql_quote($number));
    return join(' ', map { sql_value($_) // 'NULL' } "SELECT COUNT(*) FROM order_events WHERE order_id = $id",
        "SELECT COUNT(*) FROM shipments WHERE order_id = $id",
        "SELECT COUNT(*) FROM audit_log WHERE object_type = 'order' AND object_id = '$id'",
        "SELECT status FROM orders WHERE id = $id");
}

# Remove the shipments of the orders (numbers) and the events that name
# them: a test's own END calls it, before Portico::Cart deletes the orders.
sub api_forget_shipments {
    my (@numbers) = @_;
    return unless @numbers;
    my $in = 'SELECT id FROM orders WHERE number IN (' . join(', ', map { sql_quote($_) } @numbers) . ')';
    sql("DELETE FROM order_events WHERE order_id IN ($in) AND shipment_id IS NOT NULL;"
        . " DELETE FROM shipments WHERE order_id IN ($in)");
    return;
}

# Remove the invoices of the orders (numbers) and their audit rows; before api_forget_shipments.
sub api_forget_invoices {
    my (@numbers) = @_;
    return unless @numbers;
    my $in = 'SELECT id FROM invoices WHERE order_id IN (SELECT id FROM orders WHERE number IN ('
        . join(', ', map { sql_quote($_) } @numbers) . '))';
    sql("DELETE FROM audit_log WHERE object_type = 'invoice' AND object_id IN ($in)");
    sql("DELETE FROM invoices WHERE id IN (SELECT id FROM ($in) x)");
    return;
}

END {
    my $status = $?;
    eval {
        my $like = sql_quote("$PREFIX %");
        sql("DELETE FROM audit_log WHERE integration_id IN (SELECT id FROM integrations WHERE name LIKE $like)");
        sql("DELETE FROM audit_log WHERE object_type = 'integration' AND object_id IN"
            . " (SELECT id FROM integrations WHERE name LIKE $like)");
        sql("DELETE FROM integrations WHERE name LIKE $like");
    };
    $? = $status;
}

1;
