# Pages kept for signed-in readers (cgi-bin-src/lib/pagecache.c): a page
# is kept per persona (permissions, roles, home, time zone, language), and
# each reader gets it with their own name, organisation and token; nothing
# of one person reaches another person, an anonymous visitor or the files
# on disk, and a customer-only article never reaches anyone who may not
# read it.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use HTML::Entities qw(decode_entities);
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::OrgAdmin;

my $cat = create_category(names => { en => 'Kept for readers' });
my $secret = create_article(category => $cat, audience => 'customer',
    texts => { en => { title => 'Customers only, kept', body => '<p>For customers.</p>' } });
my $open = create_article(category => $cat, audience => 'public',
    texts => { en => { title => 'For everyone, kept', body => '<p>For all.</p>' } });

# A second reader with carl's persona (customer_user and buyer, English,
# the same time zone) in another organisation, with a name that needs
# escaping.
my $bob_name = q{Bob <b>"Brackets"</b> & Sons};
my ($bob_id, $bob_email) = make_user(org => BERGMANN, name => $bob_name, roles => [qw(customer_user buyer)]);
my ($carl_lang, $carl_zone) = @{ sql_rows('SELECT language, time_zone FROM users WHERE id = ' . CARL_ID)->[0] };
sql('UPDATE users SET language = ' . sql_quote($carl_lang) . ', time_zone = ' . sql_quote($carl_zone)
    . " WHERE id = $bob_id");

# Earlier sign-ins: both start pages name one.
reader('carl@acme.example');
reader($bob_email);
my $carl = reader('carl@acme.example');
my $bob = reader($bob_email);
my $anon = reader();
my $kept_dir = File::Spec->catdir(var_dir(), 'cache');

sub cache_of { return $_[0]->header('X-Portico-Cache') // 'none' }
sub tokens_in { my ($html) = @_; my %t = map { $_ => 1 } $html =~ /name="csrf" value="([0-9a-f]{64})"/g; return [sort keys %t] }
sub token_of { return csrf_of(scalar $_[0]->get_xml('/kb/')) }
# The pages kept per persona (auth, kb).  A customer's own ticket pages
# are kept for them alone, and for half a minute at most (t/http/165).
sub kept_files_have {
    my ($needle) = @_;
    for my $f (grep { !m{/tickets/[^/]+$} } glob(File::Spec->catfile($kept_dir, '*', '*.page'))) {
        open(my $fh, '<:raw', $f) or next;
        my $data = do { local $/; <$fh> };
        return 1 if index($data, $needle) >= 0;
    }
    return 0;
}
# Views until the page comes from the kept copy (development mode may
# outdate it once when a process loads a stylesheet).
sub kept_soon {
    my ($c, $path) = @_;
    for (1 .. 6) { return 1 if cache_of($c->get($path)) eq 'hit' }
    return 0;
}

my $carl_token = token_of($carl);
my $bob_token = token_of($bob);

subtest 'one kept page, each reader with their own parts' => sub {
    ok(kept_soon($carl, "/kb/articles/$secret"), "carl's view of a customer article is kept");
    my $res = $bob->get("/kb/articles/$secret");
    is($res->code, 200, 'bob, a customer too, reads it');
    is(cache_of($res), 'hit', 'from the page kept for carl: one page per persona, not per person');
    my $html = $res->decoded_content;
    like($html, qr{<h1[^>]*>Customers only, kept</h1>}, 'the article');
    unlike($html, qr/Carl/, "not carl's name");
    unlike($html, qr/Acme/, "not carl's organisation");
    unlike($html, qr/\Q$carl_token\E/, "not carl's token");
    is_deeply(tokens_in($html), [$bob_token], "bob's forms carry bob's token");
    my ($shown) = $html =~ m{<span class="user-name">([^<]*)</span>};
    is(decode_entities($shown // ''), $bob_name, "bob's name, as text");
    unlike($html, qr{<b>"Brackets"</b>}, 'no markup of his name gets through');
    like($html, qr{Bergmann}, "bob's organisation");

    $html = $carl->get("/kb/articles/$secret")->decoded_content;
    like($html, qr{<span class="user-name">Carl Customer</span>}, "carl still sees his name");
    unlike($html, qr/Bob|Bergmann/, "and nothing of bob's");
    is_deeply(tokens_in($html), [$carl_token], "with his own token");
};

subtest 'nothing of a reader is kept on disk' => sub {
    ok(!kept_files_have($_), "no '$_' in the kept files")
        for 'Carl Customer', 'carl@acme.example', 'Acme Industrial', $carl_token, $bob_token, 'Bergmann',
            $bob_email, 'Brackets';
};

subtest 'anonymous visitors get neither the article nor anyone\'s parts' => sub {
    my $res = $anon->get("/kb/articles/$secret");
    is($res->code, 404, 'a customer article is not found for an anonymous visitor');
    ok(kept_soon($carl, "/kb/articles/$open"), 'a public article kept for carl');
    $res = $anon->get("/kb/articles/$open");
    is($res->code, 200, 'the public article for an anonymous visitor');
    my $html = $res->decoded_content;
    unlike($html, qr/Carl|Acme|user-name/, "no signed-in reader's name or box");
    unlike($html, qr/\Q$carl_token\E/, "no reader's token");
    like($html, qr{href="/auth/login"}, 'a sign-in link instead');
};

subtest 'a partner never gets a customer page' => sub {
    my $paula = reader('paula@northwind.example');
    is($paula->get("/kb/articles/$secret")->code, 404, 'a partner: not found');
    is($paula->get("/kb/articles/$secret")->code, 404, '... also the second time');
};

subtest 'a vote stays with the voter' => sub {
    my $res = $carl->post("/kb/articles/$open/feedback", [csrf => $carl_token, helpful => 'yes', comment => 'Carl liked it']);
    is($res->code, 303, 'carl votes');
    like($carl->get(location_path($res))->decoded_content, qr/kb-feedback-done/, 'carl is thanked');
    my $html = $bob->get("/kb/articles/$open")->decoded_content;
    unlike($html, qr/kb-feedback-done|Carl liked it/, 'bob is not thanked for carl\'s vote');
    like($html, qr{action="/kb/articles/$open/feedback"}, 'bob gets the form');
};

subtest 'the start page: kept per persona, with the reader\'s own last sign-in' => sub {
    ok(kept_soon($carl, '/'), "carl's start page is kept");
    my $res = $bob->get('/');
    is(cache_of($res), 'hit', "bob's start page: the same kept page");
    my $html = $res->decoded_content;
    my ($h1) = $html =~ m{<h1 id="start-title">([^<]*)</h1>};
    like(decode_entities($h1 // ''), qr{\Q$bob_name\E}, 'welcomes bob');
    unlike($html, qr/Carl|Acme/, 'nothing of carl');
    my $last = sql_value("SELECT DATE_FORMAT(previous_login_at, '%Y-%m-%dT%H:%i:%sZ') FROM users WHERE id = $bob_id");
    ok(defined $last, 'bob signed in before');
    like($html, qr{<time datetime="\Q${\ ($last // 'none')}\E"}, "bob's own last sign-in");
    is_deeply(tokens_in($html), [$bob_token], "bob's token");
};

cleanup();
done_testing;
