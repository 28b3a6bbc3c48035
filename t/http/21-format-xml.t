# ?format=xml and Accept: application/xml give the page XML (the read API);
# browsers get HTML. The envelope carries what the SPEC lists.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $c = Portico::Test->client(accept_language => 'en');

subtest 'envelope of the login page' => sub {
    my ($doc, $res) = $c->get_xml('/auth/login');
    is($res->code, 200, 'status 200');
    like($res->header('Content-Type') // '', qr{^application/xml;\s*charset=utf-8$}i, 'application/xml; charset=utf-8');
    ok($doc, 'well-formed XML') or return;
    is($doc->documentElement->nodeName, 'page', 'root is <page>');
    is(xp($doc, '/page/@worker'), 'auth', 'worker="auth"');
    is(xp($doc, '/page/@view'), 'login', 'view="login"');
    is(xp($doc, '/page/@lang'), 'en', 'lang="en"');
    is(xp($doc, '/page/@path'), '/auth/login', 'path="/auth/login"');
    is(xp($doc, '/page/@status'), '200', 'status="200"');
    like(xp($doc, '/page/@theme'), qr/^[a-z0-9_-]+$/, 'theme named');
    is(xp($doc, '/page/@request-id'), $res->header('X-Request-Id'), 'request-id = X-Request-Id');
    is_deeply([sort map { $_->value } $doc->findnodes('/page/languages/language/@code')], ['de', 'en'],
        'languages en and de');
    like(csrf_of($doc), qr/^[0-9a-f]{64}$/, 'session csrf');
    is(xp_count($doc, '/page/messages'), 1, 'messages element present');
    unlike($res->content, qr/<\?xml-stylesheet/, 'no stylesheet PI');
};

subtest 'Accept header chooses the format' => sub {
    my $res = $c->get('/auth/login', Accept => 'application/xml');
    like($res->header('Content-Type') // '', qr{^application/xml}, 'Accept: application/xml gives XML');
    ok(xml_of($res), 'and it parses');

    $res = $c->get('/auth/login', Accept => 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    like($res->header('Content-Type') // '', qr{^text/html;\s*charset=utf-8}i, 'a browser Accept gives HTML');
    like($res->decoded_content, qr{^\s*<!DOCTYPE html}i, 'with a doctype');
    like($res->decoded_content, qr{<html[^>]*\blang="en"}, 'and <html lang="en">');

    $res = $c->get('/auth/login');
    like($res->header('Content-Type') // '', qr{^text/html}, 'no Accept gives HTML');
    unlike($res->decoded_content, qr{<page\b}, 'not the raw page XML');
};

subtest 'start page XML' => sub {
    my $u = Portico::Test->client;
    is($u->login('carl@acme.example', DEMO_PASSWORD)->code, 303, 'logged in');
    my ($doc, $res) = $u->get_xml('/');
    is($res->code, 200, 'status 200');
    is(xp($doc, '/page/@view'), 'start', 'view start');
    is(xp($doc, '/page/@path'), '/', 'path /');
    is(xp($doc, '/page/session/user/email'), 'carl@acme.example', 'user email');
    like(xp($doc, '/page/session/user/@org-id'), qr/^\d+$/, 'org-id');
    is(xp($doc, '/page/start/@home'), 'customer', 'start home');
    ok(xp_count($doc, '/page/start/area[@key and @href]'), 'areas with key and href');
};

subtest 'error pages come as XML too' => sub {
    my ($doc, $res) = $c->get_xml('/auth/does-not-exist');
    is($res->code, 404, 'status 404');
    like($res->header('Content-Type') // '', qr{^application/xml}, 'as XML');
    is(xp($doc, '/page/@status'), '404', 'page status 404');
    is(xp($doc, '/page/@view'), 'not-found', 'view not-found');
};

done_testing;
