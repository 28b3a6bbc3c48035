# Limits a person sees are in characters, and one number: the form's
# maxlength is the limit the server checks (both from one constant, given
# to the page as /page/limits/limit), counted in characters whatever their
# bytes.  A search over its limit comes back 422 with the text kept and
# the limit said, not a bare 413; a comment of exactly the limit in
# multi-byte characters is taken, one more is refused with the input kept.
# No message speaks of bytes.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8 decode_utf8);
use URI::Escape qw(uri_escape_utf8);
use XML::LibXML;
use Portico::Test;
use Portico::KB;
use Portico::Account;
use Portico::Provider;

my $c = Portico::Test->client(accept_language => 'en');

sub dom_of {
    my ($res) = @_;
    return XML::LibXML->load_html(string => $res->decoded_content, recover => 2, suppress_errors => 1);
}

sub attr_of {
    my ($dom, $xpath, $attr) = @_;
    my ($n) = $dom->findnodes($xpath);
    return $n ? $n->getAttribute($attr) : undef;
}

my ($home) = $c->get_xml('/kb/');
my $search_max = xp($home, '/page/limits/limit[@name="search"]/@chars');
like($search_max, qr/^[1-9]\d*$/, "the search limit is on the page: $search_max characters");

subtest 'a search over the limit: 422, the text kept, the limit said' => sub {
    for my $case (['ü' x ($search_max + 1), 'one multi-byte character too many'],
                  [join(' ', ('Druckerwarteschlange') x 60), 'a pasted paragraph of 1259 characters']) {
        my ($q, $what) = @$case;
        my $url = '/kb/search?q=' . uri_escape_utf8($q);
        my ($doc, $res) = $c->get_xml($url);
        is($res->code, 422, "$what: 422, not 413");
        is(xp($doc, '/page/messages/message[@field="q"]/@key'), 'kb.search.q.too-long', 'the message at the field');
        is(xp($doc, '/page/messages/message[@field="q"]/@max'), $search_max, 'with the limit');
        is(xp($doc, '/page/form[@name="search"]/field[@name="q"]'), $q, 'the text kept');
        $res = $c->get($url);
        is($res->code, 422, 'HTML: 422');
        my $dom = dom_of($res);
        is(attr_of($dom, '//input[@id="q"]', 'value'), $q, 'the search field shows it');
        like($dom->findvalue('//p[@id="q-error"]'), qr/\b$search_max characters\b/, 'the message says the limit in characters');
    }
    my ($doc, $res) = $c->get_xml('/kb/search?q=' . uri_escape_utf8('ü' x $search_max));
    is($res->code, 200, 'exactly the limit in two-byte characters: 200');
};

subtest 'the search fields\' maxlength is the server\'s limit' => sub {
    my $dom = dom_of($c->get('/kb/search'));
    is(attr_of($dom, '//input[@id="q"]', 'maxlength'), $search_max, 'search page: q');
    my ($doc) = $c->get_xml('/kb/search');
    my $tag_max = xp($doc, '/page/limits/limit[@name="tag"]/@chars');
    ok($tag_max, "a tag limit: $tag_max");
    is(attr_of($dom, '//input[@id="tag"]', 'maxlength'), $tag_max, 'search page: tag');
    $dom = dom_of($c->get('/kb/'));
    is(attr_of($dom, '//main//input[@name="q"]', 'maxlength'), $search_max, 'KB home: q');
};

subtest 'the comment of a rating: the limit in characters' => sub {
    my $cat = create_category(names => { en => 'Limits' });
    my $art = create_article(category => $cat, texts => { en => { title => 'Rate in characters' } });
    my ($doc) = $c->get_xml("/kb/articles/$art");
    my $max = xp($doc, '/page/limits/limit[@name="comment"]/@chars');
    like($max, qr/^[1-9]\d*$/, "the comment limit is on the article page: $max");
    my $dom = dom_of($c->get("/kb/articles/$art"));
    is(attr_of($dom, '//textarea[@name="comment"]', 'maxlength'), $max, 'the article\'s form: maxlength');

    my $rows = sub { sql_value("SELECT COUNT(*) FROM kb_feedback WHERE article_id = $art") };
    my $csrf = $c->csrf;
    my $exact = '€' x $max;    # three bytes each
    my $res = $c->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes', comment => $exact]);
    is($res->code, 303, "exactly $max three-byte characters: taken");
    is(decode_utf8(sql_value("SELECT comment FROM kb_feedback WHERE article_id = $art ORDER BY id DESC LIMIT 1")),
        $exact, 'stored whole');
    my $before = $rows->();
    my $over = $exact . 'ß';
    ($doc, $res) = $c->post_xml("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'no', comment => $over]);
    is($res->code, 422, 'one more: 422');
    is(xp($doc, '/page/form[@name="feedback"]/field[@name="comment"]'), $over, 'the comment kept');
    is(xp($doc, '/page/messages/message[@field="comment"]/@max'), $max, 'the message says the limit');
    is($rows->(), $before, 'nothing stored');
    $res = $c->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'no', comment => $over]);
    $dom = dom_of($res);
    is(attr_of($dom, '//textarea[@name="comment"]', 'maxlength'), $max, 'the form again: the same maxlength');
    like($dom->findvalue('//p[@id="comment-error"]'), qr/\b$max characters\b/, 'in characters');
};

subtest 'a name: the limit in characters, the same in the form' => sub {
    my $u = new_user();
    my $me = Portico::Test->client(accept_language => 'en');
    is($me->login($u->{email})->code, 303, 'signed in');
    my ($doc) = $me->get_xml('/auth/account');
    my $max = xp($doc, '/page/limits/limit[@name="name"]/@chars');
    like($max, qr/^[1-9]\d*$/, "the name limit is on the account page: $max");
    is(attr_of(dom_of($me->get('/auth/account')), '//input[@id="name"]', 'maxlength'), $max, 'the field\'s maxlength');
    my @form = (phone => '', language => 'en', time_zone => 'Europe/Vienna');
    my $name = 'Zoë ' . ('é' x ($max - 4));    # two bytes each: over the limit in bytes
    my $res = $me->post('/auth/account/profile', [csrf => csrf_of($doc), name => $name, @form]);
    is($res->code, 303, "a name of exactly $max characters, " . length(encode_utf8($name)) . ' bytes: saved');
    is(decode_utf8(sql_value("SELECT name FROM users WHERE id = $u->{id}")), $name, 'stored whole');
    ($doc, $res) = $me->post_xml('/auth/account/profile', [csrf => csrf_of($doc), name => "${name}x", @form]);
    is($res->code, 422, 'one more: 422');
    is(xp($doc, '/page/form[@name="profile"]/field[@name="name"]'), "${name}x", 'kept');
    is(xp($doc, '/page/messages/message[@field="name"]/@max'), $max, 'the message carries the limit');
    $res = $me->post('/auth/account/profile', [csrf => csrf_of($doc), name => "${name}x", @form]);
    like(dom_of($res)->findvalue('//p[@id="name-error"]'), qr/\b$max characters\b/, 'and says it');

    my $admin = login_as('admin@portico.example');
    for my $page (['/auth/admin/orgs/new', 'name', 'name'], ['/auth/users/new', 'name', 'name'],
                  ['/auth/admin/orgs', 'q', 'q'], ['/auth/users', 'q', 'q']) {
        my ($path, $limit, $id) = @$page;
        my $c2 = $path =~ m{^/auth/users} ? do { my $x = Portico::Test->client; $x->login('anna.admin@acme.example'); $x } : $admin;
        my ($d) = $c2->get_xml($path);
        my $want = xp($d, "/page/limits/limit[\@name='$limit']/\@chars");
        ok(length $want, "$path: the limit $limit ($want)");
        is(attr_of(dom_of($c2->get($path)), qq{//main//input[\@id="$id"]}, 'maxlength'), $want, "$path: maxlength");
    }
};

subtest 'no message speaks of bytes' => sub {
    for my $file (glob(repo_dir() . '/xslt/i18n/*.xml'), glob(repo_dir() . '/xslt/i18n/*/*.xml')) {
        my $cat = XML::LibXML->load_xml(location => $file);
        my @bytes = grep { /\bbytes?\b/i } map { $_->textContent } $cat->findnodes('//msg');
        is(scalar @bytes, 0, "$file: no bytes") or diag(join "\n", @bytes);
    }
};

done_testing;
