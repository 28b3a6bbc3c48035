# The page cache (cgi-bin-src/lib/pagecache.c): a public page an anonymous
# visitor saw before is sent from the kept copy (X-Portico-Cache: hit),
# with the visitor's own CSRF token in its forms and no other visitor's
# token kept on disk; signed-in readers get pages kept apart from the
# anonymous ones (110-kept-pages-signed-in.t); query strings and XML are
# never served from it; a change in the editor, an archived article and a
# changed stylesheet show at once; each language is kept apart; views of
# kept pages are counted.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;

my $cat = create_category(names => { en => 'Kept pages' });
my $id = create_article(category => $cat, audience => 'public',
    texts => { en => { title => 'Kept article', body => '<p>The first words.</p>' },
               de => { title => 'Gemerkter Artikel', body => '<p>Die ersten Worte.</p>' } });
my $slug = sql_value("SELECT slug FROM kb_articles WHERE id = $id");
my $kept_dir = File::Spec->catdir(var_dir(), 'cache', 'kb');

sub cache_of { return $_[0]->header('X-Portico-Cache') // 'none' }
sub tokens_in { my ($html) = @_; return $html =~ /name="csrf" value="([0-9a-f]{64})"/g }
sub masked { (my $h = $_[0]) =~ s/[0-9a-f]{64}/TOKEN/g; return $h }
# In development mode each process reloads a changed stylesheet on its
# next use of it, which outdates the kept pages once more: a few views.
sub kept_soon {
    my ($c, $path) = @_;
    for (1 .. 6) { return 1 if cache_of($c->get($path)) eq 'hit' }
    return 0;
}
sub distinct { my %seen = map { $_ => 1 } @_; return [sort keys %seen] }
sub kept_files { return glob(File::Spec->catfile($kept_dir, '*.page')) }
sub file_has {
    my ($needle) = @_;
    for my $f (kept_files()) {
        open(my $fh, '<:raw', $f) or next;
        my $data = do { local $/; <$fh> };
        return 1 if index($data, $needle) >= 0;
    }
    return 0;
}

subtest 'kept after the first view, sent with the visitor\'s token' => sub {
    my ($va, $vb) = (reader(), reader());
    my $first = $va->get("/kb/articles/$id");
    is($first->code, 200, 'first view 200');
    is(cache_of($first), 'miss', 'first view: built and kept');
    my $again = $va->get("/kb/articles/$id");
    is(cache_of($again), 'hit', 'second view: from the kept page');
    my $other = $vb->get("/kb/articles/$id");
    is(cache_of($other), 'hit', 'another visitor: from the kept page');
    is(masked($again->decoded_content), masked($first->decoded_content), 'the same page, tokens aside');
    like($other->decoded_content, qr{<h1[^>]*>Kept article</h1>}, 'the article');

    my $token_a = set_cookies($first)->{portico_csrf}{value};
    my $token_b = set_cookies($other)->{portico_csrf}{value};
    my @ta = tokens_in($again->decoded_content);
    my @tb = tokens_in($other->decoded_content);
    ok(@ta >= 2, 'the forms carry a token');
    is_deeply(distinct(@ta), [$token_a], "visitor A's forms: A's own token");
    is_deeply(distinct(@tb), [$token_b], "visitor B's forms: B's own token");
    isnt($ta[0], $tb[0], 'two visitors, two tokens');
    ok(!file_has($ta[0]) && !file_has($tb[0]), 'no visitor\'s token in the kept files');

    my $res = $vb->post("/kb/articles/$id/feedback", [csrf => $tb[0], helpful => 'yes', comment => '']);
    is($res->code, 303, 'the form of a kept page posts (the token is valid)');
    is(sql_value("SELECT helpful_yes FROM kb_articles WHERE id = $id"), 1, 'and the vote counts');
};

subtest 'what is never served from it' => sub {
    my $anon = reader();
    $anon->get("/kb/articles/$id") for 1 .. 2;
    is(cache_of($anon->get("/kb/articles/$id?format=xml")), 'none', '?format=xml: built');
    is(cache_of($anon->get("/kb/articles/$id?feedback=thanks")), 'none', 'a query string: built');
    my $carl = reader('carl@acme.example');
    my $res = $carl->get("/kb/articles/$id");
    is($res->code, 200, 'a customer reads it');
    is(cache_of($res), 'miss', 'signed in: not the anonymous visitors\' page');
    like($res->decoded_content, qr/Carl/, 'with the reader\'s name in the header');
    is(cache_of($anon->get('/kb/articles/999999999')), 'none', 'a 404 is not kept');
    is(cache_of($anon->get('/kb/articles/999999999')), 'none', '... not even the second time');
};

subtest 'each language apart' => sub {
    my $de = reader();
    $de->ua->default_header('Accept-Language' => 'de');
    $de->get("/kb/articles/$id");
    my $res = $de->get("/kb/articles/$id");
    is(cache_of($res), 'hit', 'German: kept');
    like($res->decoded_content, qr{<h1[^>]*>Gemerkter Artikel</h1>}, 'the German text');
    like(reader()->get("/kb/articles/$id")->decoded_content, qr{<h1[^>]*>Kept article</h1>},
        'English visitors still get the English page');
};

subtest 'a change in the editor shows at once' => sub {
    my $anon = reader();
    $anon->get("/kb/articles/$id") for 1 .. 2;
    is(cache_of($anon->get("/kb/articles/$id")), 'hit', 'kept');
    my $ed = as_role('editor@portico.example');
    my $counter = sql_value('SELECT n FROM auth_generation WHERE id = 2');
    my (undef, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en", new_article_form($cat,
        slug => $slug, audience => 'public', title => 'Kept article, edited', body => '<p>New words.</p>'));
    is($res->code, 303, 'saved in the editor');
    cmp_ok(sql_value('SELECT n FROM auth_generation WHERE id = 2'), '>', $counter,
        'the database\'s page counter moved: every host outdates its kept pages');
    $res = $anon->get("/kb/articles/$id");
    is(cache_of($res), 'miss', 'the next view builds the page again');
    like($res->decoded_content, qr{<h1[^>]*>Kept article, edited</h1>}, 'with the new title');
    like($res->decoded_content, qr{New words\.}, 'and the new body');

    ok(kept_soon($anon, '/kb/faq'), 'the FAQ is kept too');
    (undef, $res) = post_csrf($ed, "/kb/editor/articles/$id/state", [to => 'archived', lang => 'en', confirm => 1]);
    is($res->code, 303, 'archived in the editor');
    is($anon->get("/kb/articles/$id")->code, 404, 'gone for readers at once');
    is(cache_of($anon->get('/kb/faq')), 'miss', 'every kept page is built again');
    (undef, $res) = post_csrf($ed, "/kb/editor/articles/$id/state", [to => 'draft', lang => 'en']);
    (undef, $res) = post_csrf($ed, "/kb/editor/articles/$id/state", [to => 'review', lang => 'en']);
    (undef, $res) = post_csrf($ed, "/kb/editor/articles/$id/state", [to => 'published', lang => 'en']);
    is($anon->get("/kb/articles/$id")->code, 200, 'published again: readable again');
};

subtest 'a changed stylesheet shows at once (development mode)' => sub {
    my $anon = reader();
    ok(kept_soon($anon, '/kb/faq'), 'kept');
    my $xsl = File::Spec->catfile(repo_dir(), 'xslt', 'kb', 'faq.xsl');
    my @was = (stat $xsl)[8, 9];
    # Newer than every file the view is made of (layout.xsl may be newer than faq.xsl).
    utime($was[0], time() + 2, $xsl) or die "utime $xsl: $!";
    is(cache_of($anon->get('/kb/faq')), 'miss', 'the FAQ page is built again');
    utime(@was, $xsl);
    $anon->get('/kb/faq');    # the stylesheet as it was, loaded again
} if (conf_file() && do { open(my $fh, '<', conf_file()); local $/; <$fh> =~ /^development\s*=\s*true/m });

subtest 'views of kept pages are counted' => sub {
    my $anon = reader();
    $anon->get("/kb/articles/$id");
    select(undef, undef, undef, 2.5);    # earlier views written
    my $before = article_views($id);
    my @c = map { cache_of($anon->get("/kb/articles/$id")) } 1 .. 10;
    is(scalar(grep { $_ eq 'hit' } @c), 10, 'ten views from the kept page');
    my $n = $before;
    wait_until(5, sub { ($n = article_views($id)) >= $before + 10 });
    is($n, $before + 10, 'ten views counted');
};

subtest 'a search: kept, logged every time, each with its own id' => sub {
    my $w = 'zk'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8;
    my @found = map { create_article(category => $cat, audience => 'public',
        texts => { en => { title => "Kept search $w $_", body_text => "About $w, part $_." } }) } 1 .. 12;
    my $anon = reader();
    my $logged = sub { sql_value('SELECT COUNT(*) FROM kb_searches WHERE query = ' . sql_quote($w)) };
    my $first = $anon->get("/kb/search?q=$w");
    is(cache_of($first), 'miss', 'first search: ranked and kept');
    my $second = reader()->get("/kb/search?q=$w");
    is(cache_of($second), 'hit', 'the same search by another visitor: the kept page');
    is($logged->(), 2, 'both searches logged');
    my @links1 = $first->decoded_content =~ m{href="/kb/go/(\d+)\?s=(\d+)"}g;
    my @links2 = $second->decoded_content =~ m{href="/kb/go/(\d+)\?s=(\d+)"}g;
    is(scalar(@links2), 20, 'ten results on the kept page');
    my ($id1, $id2) = ($links1[1] // 0, $links2[1] // 0);
    is_deeply([sort { $a <=> $b } map { 0 + $_->[0] } @{ sql_rows('SELECT id FROM kb_searches WHERE query = '
        . sql_quote($w)) }], [sort { $a <=> $b } $id1, $id2], 'the ids in the pages are the two logged searches');
    isnt($id1, $id2, 'each search its own id');
    is_deeply([map { $links2[2 * $_ + 1] } 0 .. 9], [($id2) x 10], 'every link of the kept page carries its id');
    is_deeply([map { $links1[2 * $_ + 1] } 0 .. 9], [($id1) x 10], 'and every link of the first page the first id');
    is(sql_value("SELECT result_count FROM kb_searches WHERE id = $id2"), 12, 'the kept search logged with its result count');
    is_deeply([map { $links2[2 * $_] } 0 .. 9], [map { $links1[2 * $_] } 0 .. 9], 'the same results');
    my $go = reader()->get("/kb/go/$links2[0]?s=$id2");
    is($go->code, 303, 'a result of the kept page opens');
    is(sql_value("SELECT clicked_article_id FROM kb_searches WHERE id = $id2"), $links2[0], 'the click is recorded on its search');
    like($second->decoded_content, qr{page=2[^"]*s=$id2|s=$id2[^"]*page=2}, 'the pager goes on with the same id');
    my $p2 = reader()->get("/kb/search?q=$w&page=2&s=$id2");
    my $p2b = reader()->get("/kb/search?q=$w&page=2&s=$id2");
    is(cache_of($p2b), 'hit', 'page 2 kept as well');
    is($logged->(), 2, 'paging on logs nothing new');
    like($p2b->decoded_content, qr{/kb/go/\d+\?s=$id2"}, 'page 2 links carry the search id of its URL');

    my $ed = as_role('editor@portico.example');
    my (undef, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, audience => 'public',
        title => "Newest $w", summary => "All about $w."));
    is($res->code, 303, 'a new article in the editor');
    my ($new) = location_path($res) =~ m{/articles/(\d+)};
    forget_article($new);
    for my $to (qw(review published)) {
        post_csrf($ed, "/kb/editor/articles/$new/state", [to => $to, lang => 'en']);
    }
    my $third = reader()->get("/kb/search?q=$w");
    is(cache_of($third), 'miss', 'after the publication the search is ranked again');
    like($third->decoded_content, qr{/kb/go/$new\?}, 'and finds the new article');
};

subtest 'a direct SQL change, then portico-admin pages forget' => sub {
    my $anon = reader();
    ok(kept_soon($anon, "/kb/articles/$id"), 'kept');
    {
        local $Portico::Test::FORGET_ON_WRITE = 0;
        sql("UPDATE kb_article_texts SET title = 'Changed behind its back' WHERE article_id = $id AND lang = 'en'");
    }
    unlike($anon->get("/kb/articles/$id")->decoded_content, qr{Changed behind its back},
        'a change in the database alone: the kept page still shows the old title');
    my $admin = File::Spec->catfile($ENV{PORTICO_BUILD} // File::Spec->catdir(repo_dir(), 'build'),
        'cgi-bin-src', 'admin', 'portico-admin');
    local $ENV{PORTICO_CONF} = conf_file();
    my $counter = sub { sql_value('SELECT n FROM auth_generation WHERE id = 2') };
    my $before = $counter->();
    my $out = `"$admin" pages forget kb 2>&1`;
    is($? >> 8, 0, 'portico-admin pages forget kb: exit 0');
    like($out, qr/outdated/, '... says so');
    is($counter->(), $before + 1, 'and raises the database\'s page counter, for the other hosts');
    like($anon->get("/kb/articles/$id")->decoded_content, qr{<h1[^>]*>Changed behind its back</h1>},
        'the next view shows the change');
    isnt(system("\"$admin\" pages forget ../etc >/dev/null 2>&1") >> 8, 0, 'a worker name with a path: refused');
};

subtest 'a change made on another host shows here within a second' => sub {
    my $anon = reader();
    ok(kept_soon($anon, "/kb/articles/$id"), 'kept');
    {
        local $Portico::Test::FORGET_ON_WRITE = 0;
        sql("UPDATE kb_article_texts SET title = 'Edited on another host' WHERE article_id = $id AND lang = 'en'");
    }
    select(undef, undef, undef, 1.2);
    unlike($anon->get("/kb/articles/$id")->decoded_content, qr{Edited on another host},
        'the rows alone: this host still sends its kept page');
    {
        local $Portico::Test::FORGET_ON_WRITE = 0;
        # What the other host's editor does after its commit (pt_pagecache_changed).
        sql('UPDATE auth_generation SET n = n + 1 WHERE id = 2');
    }
    ok(wait_until(2, sub { $anon->get("/kb/articles/$id")->decoded_content =~ m{<h1[^>]*>Edited on another host</h1>} }),
        'once the database\'s page counter moved: the change shows');
    # Both processes: each must have seen it.
    my @titles = map { $anon->get("/kb/articles/$id")->decoded_content =~ m{<h1[^>]*>([^<]*)</h1>} } 1 .. 8;
    is(scalar(grep { $_ eq 'Edited on another host' } @titles), 8, 'on every process of the host');
};

subtest 'a direct SQL change, with the pages forgotten' => sub {
    my $anon = reader();
    $anon->get("/kb/articles/$id") for 1 .. 2;
    sql("UPDATE kb_article_texts SET title = 'Renamed by SQL' WHERE article_id = $id AND lang = 'en'");
    like($anon->get("/kb/articles/$id")->decoded_content, qr{<h1[^>]*>Renamed by SQL</h1>},
        'forget_kept_pages (what a restart of the worker does) outdates the kept page');
};

Portico::KBEditor::cleanup_editor();    # the editor's article first: it is in a category of ours
cleanup();
done_testing();
