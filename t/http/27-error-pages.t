# Error pages keep the chrome: the header, and for a signed-in user their
# name and the navigation, also when the request was refused before
# routing (400, 413).  Each status has a title in plain words, in English
# and German; a 405 is not "Page not found" and says in Allow what the
# path does answer.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;

my $carl = sql_value("SELECT name FROM users WHERE email = 'carl\@acme.example'");
ok(length $carl, "Carl's name: $carl");

my $anon = Portico::Test->client(accept_language => 'en');
my $user = Portico::Test->client(accept_language => 'en');
is($user->login('carl@acme.example', DEMO_PASSWORD)->code, 303, 'Carl signed in');

sub html_of {
    my ($res) = @_;
    return XML::LibXML->load_html(string => $res->decoded_content, recover => 2, suppress_errors => 1);
}

sub text_of {
    my ($dom, $xpath) = @_;
    my ($n) = $dom->findnodes($xpath);
    return undef unless $n;
    (my $t = $n->textContent) =~ s/\s+/ /g;
    $t =~ s/^ | $//g;
    return $t;
}

# The page as a person sees it: status, the header, the title in <h1> and
# <title>, and whether the signed-in name and the navigation are there.
sub looks_right {
    my ($res, %want) = @_;
    is($res->code, $want{status}, "status $want{status}");
    my $dom = html_of($res);
    ok($dom->findnodes('//header[contains(@class, "site-header")]'), 'with the header');
    is(text_of($dom, '//main//h1'), $want{title}, "h1: $want{title}");
    like(text_of($dom, '//title'), qr/^\Q$want{title}\E/, 'and the same in <title>');
    if ($want{signed_in}) {
        like(text_of($dom, '//header') // '', qr/\Q$carl\E/, 'the signed-in name in the header');
        ok($dom->findnodes('//header//nav'), 'and the navigation');
    } else {
        unlike(text_of($dom, '//header') // '', qr/\Q$carl\E/, 'nobody signed in');
    }
    return $dom;
}

subtest '404, anonymous and signed in' => sub {
    looks_right($anon->get('/auth/no-such-page'), status => 404, title => 'Page not found');
    looks_right($user->get('/auth/no-such-page'), status => 404, title => 'Page not found', signed_in => 1);
};

subtest '405: plain title and Allow' => sub {
    my $res = $user->post('/kb/', [csrf => 'x']);
    looks_right($res, status => 405, title => 'This action is not possible here', signed_in => 1);
    is($res->header('Allow'), 'GET, HEAD', 'Allow: GET, HEAD');
    $res = $anon->get('/auth/logout');
    looks_right($res, status => 405, title => 'This action is not possible here');
    is($res->header('Allow'), 'POST', 'a POST-only path: Allow: POST');
    my ($doc, $xres) = $user->get_xml('/auth/logout');
    is($xres->code, 405, 'XML: 405');
    is(xp($doc, '/page/@view'), 'error', 'view error, not not-found');
    my $de = Portico::Test->client(accept_language => 'de');
    $res = $de->get('/auth/logout');
    is(text_of(html_of($res), '//main//h1'), 'Diese Aktion ist hier nicht möglich', 'German title');
};

subtest '400 from the request parser: the session is still there' => sub {
    looks_right($user->get('/kb/?q=%ZZ'), status => 400, title => 'The request could not be read',
        signed_in => 1);
    looks_right($anon->get('/kb/?q=%ZZ'), status => 400, title => 'The request could not be read');
};

subtest '413 from the request parser: the session is still there' => sub {
    my $long = 'a' x 7500;    # over the query bound, under nginx's request line
    looks_right($user->get("/kb/search?q=$long"), status => 413, title => 'What you sent is too large',
        signed_in => 1);
};

subtest '403 keeps the navigation' => sub {
    looks_right($user->get('/auth/admin/orgs'), status => 403, title => 'Access denied', signed_in => 1);
};

subtest 'every status has its words in English and German' => sub {
    for my $lang ('en', 'de') {
        my $file = repo_dir() . "/xslt/i18n/$lang/errors.xml";
        my $cat = XML::LibXML->load_xml(location => $file);
        for my $status (400, 405, 409, 413, 422, 429) {
            for my $part ('title', 'text') {
                my $key = "error.status-$status.$part";
                ok(length(xp($cat, "/catalog/msg[\@key='$key']")), "$lang: $key");
            }
        }
    }
};

subtest 'the knowledge base 404 offers search and the KB home' => sub {
    for my $path ('/kb/articles/999999999', '/kb/categories/no-such-category') {
        my $res = $user->get($path);
        my $dom = looks_right($res, status => 404, title => 'Article not found', signed_in => 1);
        ok($dom->findnodes('//main//form[@action="/kb/search"]//input[@name="q"]'), "$path: a search field");
        ok($dom->findnodes('//main//a[@href="/kb/"]'), "$path: a link to the KB home");
    }
    # An article the reader may not see is the same 404.
    my $internal = sql_value("SELECT id FROM kb_articles WHERE audience = 'internal' AND status = 'published' LIMIT 1");
    SKIP: {
        skip 'no internal article', 2 unless $internal;
        my $res = $anon->get("/kb/articles/$internal");
        is($res->code, 404, 'an internal article for an anonymous reader: 404');
        ok(html_of($res)->findnodes('//main//form[@action="/kb/search"]'), 'with the search');
    }
};

done_testing;
