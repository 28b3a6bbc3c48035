# Unknown paths: a 404 page (view not-found) rendered in the chrome, for
# anonymous and logged-in users, with the path shown escaped.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;

my $c = Portico::Test->client(accept_language => 'en');

for my $path ('/auth/no-such-page', '/auth/login/extra', '/auth/') {
    subtest "GET $path" => sub {
        my $res = $c->get($path);
        is($res->code, 404, 'status 404');
        like($res->header('Content-Type') // '', qr{^text/html}, 'HTML page');
        like($res->decoded_content, qr{<html[^>]*\blang="en"}, 'in the chrome, with lang');
        my ($doc, $xres) = $c->get_xml($path);
        is($xres->code, 404, 'XML status 404');
        is(xp($doc, '/page/@view'), 'not-found', 'view not-found');
        is(xp($doc, '/page/@status'), '404', 'page status 404');
    };
}

subtest 'logged in' => sub {
    my $u = Portico::Test->client;
    is($u->login('carl@acme.example', DEMO_PASSWORD)->code, 303, 'logged in');
    my ($doc, $res) = $u->get_xml('/auth/no-such-page');
    is($res->code, 404, 'status 404');
    is(xp($doc, '/page/session/user/email'), 'carl@acme.example', 'still shows who is logged in');
};

subtest 'the path is escaped' => sub {
    my $tag = unique_tag('nf');
    my $res = $c->get("/auth/%3Cscript%3E$tag%3C%2Fscript%3E");
    is($res->code, 404, 'status 404');
    my $dom = XML::LibXML->load_html(string => $res->content, recover => 2, suppress_errors => 1);
    is(xp_count($dom, qq{//script[contains(., '$tag')]}), 0, 'no script element from the URL');
    unlike($res->decoded_content, qr{<script>\Q$tag\E}, 'no raw <script> in the body');
};

subtest 'wrong method on a known path: 405 naming the methods it answers' => sub {
    my $res = $c->request(HTTP::Request->new(DELETE => base_url() . '/auth/login'));
    is($res->code, 405, 'DELETE /auth/login answers 405');
    is($res->header('Allow'), 'GET, HEAD, POST', 'Allow names GET, HEAD and POST');
    $res = $c->request(HTTP::Request->new(PUT => base_url() . '/kb/faq'));
    is($res->code, 405, 'PUT /kb/faq answers 405');
    is($res->header('Allow'), 'GET, HEAD', 'Allow names GET and HEAD');
    $res = $c->request(HTTP::Request->new(OPTIONS => base_url() . '/auth/health'));
    is($res->code, 405, 'OPTIONS /auth/health answers 405');
};

subtest 'another method on an unknown path: 404' => sub {
    my $res = $c->request(HTTP::Request->new(PUT => base_url() . '/kb/no-such-page-' . unique_tag('m')));
    is($res->code, 404, 'PUT on an unknown path answers 404');
};

done_testing;
