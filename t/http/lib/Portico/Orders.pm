package Portico::Orders;

# Helpers for the tests of the orders worker (t/http/180-189): clients
# signed in as a demo user, forms posted with the session's CSRF token
# (Accept: application/xml, so a 422 comes back as the page, as with
# multipart for uploads), the page's error messages by field, audit rows,
# and the catalogue as a reader sees it.
#
# What a test makes carries or_prefix() in its SKU or slug and is deleted
# when the test ends, with the audit rows of the catalogue it wrote.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use HTTP::Request::Common ();
use Portico::Test;
use Portico::Tickets ();

our @EXPORT = qw(or_prefix or_client or_csrf or_post or_upload or_errors or_skus
    or_product_id or_category_id or_route_table);

my $PREFIX = "OR$$";

# A prefix unique to this run (letters and digits; lower-cased for slugs).
sub or_prefix { return $PREFIX }

# A client signed in as email (undef: anonymous) in lang (default en).
sub or_client { return Portico::Tickets::tk_client(@_) }

# The token a form of the client's session carries.
sub or_csrf {
    my ($c) = @_;
    my $t = csrf_of(scalar $c->get_xml('/'));
    $t = csrf_of(scalar $c->get_xml('/auth/login')) unless length $t;
    return $t;
}

# POST pairs urlencoded with the session's token (unless no_csrf, or
# csrf => '...').  Returns ($doc, $res).
sub or_post {
    my ($c, $path, $pairs, %o) = @_;
    my @form = @{ $pairs // [] };
    push @form, csrf => $o{csrf} // or_csrf($c) unless $o{no_csrf};
    my ($doc, $res) = $c->post_xml($path, \@form);
    return wantarray ? ($doc, $res) : $doc;
}

# POST pairs as multipart/form-data; a value [name, bytes, type] is a file.
# html => 1 asks for the HTML page instead of its XML.
sub or_upload {
    my ($c, $path, $pairs, %o) = @_;
    my @form;
    my @p = @{ $pairs // [] };
    while (my ($k, $v) = splice(@p, 0, 2)) {
        push @form, $k => ref $v ? [undef, $v->[0], Content => $v->[1], 'Content-Type' => $v->[2]
            // 'application/octet-stream'] : $v;
    }
    push @form, csrf => $o{csrf} // or_csrf($c) unless $o{no_csrf};
    my $req = HTTP::Request::Common::POST(base_url() . $path, Content_Type => 'form-data',
        ($o{html} ? () : (Accept => 'application/xml')), Content => \@form);
    my $res = $c->request($req);
    my $doc = xml_of($res);
    return wantarray ? ($doc, $res) : $doc;
}

# The page's error messages as { field => key } (the first per field).
sub or_errors {
    my ($doc) = @_;
    my %m;
    for my $n ($doc ? $doc->findnodes("/page/messages/message[\@kind='error']") : ()) {
        $m{ $n->getAttribute('field') // '' } //= $n->getAttribute('key');
    }
    return \%m;
}

# The SKUs on a catalogue page (path with its query), in the page's order.
sub or_skus {
    my ($c, $path) = @_;
    my ($doc, $res) = $c->get_xml($path);
    croak "$path: " . $res->code unless $res->code == 200;
    return xp_list($doc, '/page/catalogue/product/@sku');
}

# A table of routes for every kind of person, one subtest a route: who is
# [[name, email or undef], ...] (the name 'anon' unsigned), routes
# [[method, path, form, { name => status }, default status], ...].  A POST
# goes with the session's CSRF token (anon without one) and, where it is
# not refused with 403, once more without the token: 403.
sub or_route_table {
    my ($who, $routes) = @_;
    my %client = map { $_->[0] => or_client($_->[1]) } @$who;
    for my $r (@$routes) {
        my ($method, $path, $form, $want, $default) = @$r;
        Test::More::subtest("$method $path" => sub {
            for my $w (@$who) {
                my $name = $w->[0];
                my $expect = $want->{$name} // $default;
                my $res;
                if ($method eq 'GET') {
                    $res = $client{$name}->get($path);
                } else {
                    (undef, $res) = or_post($client{$name}, $path, $form, $name eq 'anon' ? (no_csrf => 1) : ());
                }
                Test::More::is($res->code, $expect, "$name: $expect");
                if ($method eq 'POST' && $expect != 403 && $name ne 'anon') {
                    my (undef, $r2) = or_post($client{$name}, $path, $form, no_csrf => 1);
                    Test::More::is($r2->code, 403, "$name without the CSRF token: 403");
                }
            }
        });
    }
}

sub or_product_id  { return sql_value('SELECT id FROM products WHERE sku = ' . sql_quote($_[0])) }
sub or_category_id { return sql_value('SELECT id FROM catalogue_categories WHERE slug = ' . sql_quote($_[0])) }

END {
    my $status = $?;
    my $sku = sql_quote("$PREFIX%");
    my $slug = sql_quote(lc($PREFIX) . '%');
    eval {
        sql("DELETE FROM contract_prices WHERE product_id IN (SELECT id FROM products WHERE sku LIKE $sku)");
        sql("DELETE FROM products WHERE sku LIKE $sku");
        sql("DELETE FROM catalogue_categories WHERE slug LIKE $slug");
    };
    $? = $status;
}

1;
