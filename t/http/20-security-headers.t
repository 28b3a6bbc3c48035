# Security headers on every response: worker pages of every kind (200, 303,
# 403, 404, 422, xml) and nginx's static files.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

sub common_headers {
    my ($res, $what) = @_;
    is($res->header('Content-Security-Policy'), $CSP, "$what: Content-Security-Policy");
    is(lc($res->header('X-Content-Type-Options') // ''), 'nosniff', "$what: nosniff");
    is(lc($res->header('Referrer-Policy') // ''), 'same-origin', "$what: Referrer-Policy");
    is(uc($res->header('X-Frame-Options') // ''), 'DENY', "$what: X-Frame-Options");
    my @csp = $res->headers->header('Content-Security-Policy');
    is(scalar @csp, 1, "$what: exactly one CSP header");
}

sub worker_headers {
    my ($res, $what) = @_;
    common_headers($res, $what);
    like($res->header('Cache-Control') // '', qr/\bno-store\b/, "$what: Cache-Control no-store");
    like($res->header('X-Request-Id') // '', qr/^[A-Za-z0-9._-]{6,}$/, "$what: X-Request-Id");
}

my $c = Portico::Test->client;
my %seen_ids;
my @cases = (
    ['GET /auth/login',         sub { $c->get('/auth/login') },            200],
    ['GET / anonymous',         sub { $c->get('/') },                      303],
    ['GET /auth/login xml',     sub { $c->get('/auth/login?format=xml') }, 200],
    ['GET /auth/health',        sub { $c->get('/auth/health') },           200],
    ['GET /auth/no-such-page',  sub { $c->get('/auth/no-such-page') },     404],
    ['POST /auth/login no csrf',sub { $c->post('/auth/login', [email => 'x@y.example', password => 'x']) }, 403],
    ['POST /auth/login bad pw', sub { $c->login('carl@acme.example', 'not-the-password') }, 422],
);
for my $case (@cases) {
    my ($what, $do, $status) = @$case;
    my $res = $do->();
    is($res->code, $status, "$what: status $status");
    worker_headers($res, $what);
    $seen_ids{ $res->header('X-Request-Id') // '' }++;
}
is(scalar(grep { $_ > 1 } values %seen_ids), 0, 'every response has its own request id');

subtest 'request id in the page matches the header' => sub {
    my ($doc, $res) = $c->get_xml('/auth/login');
    is(xp($doc, '/page/@request-id'), $res->header('X-Request-Id'), 'same id');
};

subtest 'logged-in pages' => sub {
    my $u = Portico::Test->client;
    my $res = $u->login('carl@acme.example', DEMO_PASSWORD);
    worker_headers($res, 'POST /auth/login ok');
    $res = $u->get('/');
    is($res->code, 200, 'start page');
    worker_headers($res, 'GET / logged in');
};

subtest 'static files from nginx' => sub {
    for my $path ('/static/css/portico.css') {
        my $res = $c->get($path);
        is($res->code, 200, "$path is served");
        like($res->header('Content-Type') // '', qr{^text/css}, "$path is CSS");
        common_headers($res, $path);
    }
    my $res = $c->get('/static/no-such-file.css');
    is($res->code, 404, 'missing static file is 404');
    common_headers($res, 'static 404');
};

END { eval { sql("DELETE FROM login_attempts WHERE success = 0 AND email IN ('carl\@acme.example', 'x\@y.example')") } }

done_testing;
