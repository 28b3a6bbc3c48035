# What the kept sessions (cgi-bin-src/lib/session.c) and the pages kept
# for signed-in readers (pagecache.c) must never do: serve an article
# after its audience was narrowed, show a person the navigation and the
# articles of roles they no longer hold, or keep a session working once it
# was revoked, signed out or its user deactivated.  Every process keeps
# its own sessions, so each check is repeated often enough to reach both
# processes of each worker, which have all read the session before.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;
use Portico::OrgAdmin;

my $ROUNDS = 12;    # requests per check: with two processes per worker, both answer

my $cat = create_category(names => { en => 'Fresh for readers' });
my $id = create_article(category => $cat, audience => 'customer',
    texts => { en => { title => 'Narrowed soon', body => '<p>Customers, for now.</p>' } });
my $slug = sql_value("SELECT slug FROM kb_articles WHERE id = $id");

sub cache_of { return $_[0]->header('X-Portico-Cache') // 'none' }
# The statuses of $ROUNDS requests for each path, as one string per path.
sub statuses {
    my ($c, @paths) = @_;
    return map { my $p = $_; join(' ', map { $c->get($p)->code } 1 .. $ROUNDS) } @paths;
}
sub all_are { my ($code) = @_; return join(' ', ($code) x $ROUNDS) }
# A client that sends c's session cookie on every request, whatever the
# answers say: an old cookie, kept by a browser or an attacker.
sub same_cookie {
    my ($c) = @_;
    my ($value) = $c->jar->as_string =~ /portico_session=([0-9a-f]{64})/;
    die "no session cookie\n" unless $value;
    my $copy = Portico::Test->client(accept_language => 'en');
    $copy->ua->cookie_jar(undef);
    $copy->ua->default_header(Cookie => "portico_session=$value");
    return $copy;
}
# How many of $ROUNDS views of path show a signed-in header.
sub signed_in_views {
    my ($c, $path) = @_;
    return scalar grep { $c->get($path)->decoded_content =~ /user-name/ } 1 .. $ROUNDS;
}

subtest 'an article narrowed in the editor is gone at once for signed-in readers' => sub {
    my ($u, $email) = make_user(org => ACME, roles => ['customer_user']);
    my $reader = reader($email);
    my ($kb) = statuses($reader, "/kb/articles/$id");
    is($kb, all_are(200), 'a customer reads the article, again and again');
    is(cache_of($reader->get("/kb/articles/$id")), 'hit', 'from the kept page');
    my $ed = as_role('editor@portico.example');
    my (undef, $res) = post_csrf($ed, "/kb/editor/articles/$id?lang=en", new_article_form($cat,
        slug => $slug, audience => 'internal', title => 'Narrowed soon', body => '<p>Staff only now.</p>'));
    is($res->code, 303, 'the editor narrows it to internal');
    ($kb) = statuses($reader, "/kb/articles/$id");
    is($kb, all_are(404), 'the customer: not found, on every process');
    is(reader()->get("/kb/articles/$id")->code, 404, 'an anonymous visitor: not found');
};

subtest 'a role taken away: the next page has the new navigation and audience' => sub {
    my $open = create_article(category => $cat, audience => 'customer',
        texts => { en => { title => 'For customers', body => '<p>Customers.</p>' } });
    # A role of customers that reads only what everyone reads.
    my $lite = unique_tag('lite');
    sql("INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES ('$lite', 'customer', 'customer', 5, 0);"
        . " INSERT INTO role_permissions (role_id, permission_id) SELECT r.id, p.id FROM roles r, permissions p"
        . " WHERE r.name = '$lite' AND p.name = 'kb.read'");
    my ($u, $email) = make_user(org => ACME, roles => [qw(customer_admin customer_user)]);
    my $c = same_cookie(reader($email));
    my ($start, $art) = statuses($c, '/', "/kb/articles/$open");
    is($start, all_are(200), 'the start page');
    is($art, all_are(200), 'a customer article');
    like($c->get('/')->decoded_content, qr{href="/auth/users"}, 'the navigation offers the users page');

    my $anna = client_as('anna.admin@acme.example');
    my (undef, $res) = post_form($anna, "/auth/users/$u/roles", [role => role_id($lite)]);
    is($res->code, 303, 'anna leaves the user only a role that reads public articles');
    my @pages = map { $c->get('/')->decoded_content } 1 .. $ROUNDS;
    is(scalar(grep { m{href="/auth/users"} } @pages), 0, 'no start page offers the users page any more');
    is(scalar(grep { m{user-name} } @pages), $ROUNDS, 'still signed in');
    ($art) = statuses($c, "/kb/articles/$open");
    is($art, all_are(404), 'without kb.read.customer the article is not found, on every process');
    my ($users) = statuses($c, '/auth/users');
    is($users, all_are(403), 'and the users page is refused');
    sql("DELETE FROM user_roles WHERE user_id = $u; DELETE FROM roles WHERE name = '$lite'");
};

subtest 'a session revoked from another browser stops on every process' => sub {
    my ($u, $email) = make_user(org => ACME, roles => ['customer_user']);
    my $here = reader($email);
    my $there = same_cookie(reader($email));
    my ($start) = statuses($there, '/');
    is($start, all_are(200), 'the other browser is signed in (auth worker)');
    is(signed_in_views($there, '/kb/'), $ROUNDS, 'and in the knowledge base (kb worker)');
    my $sid = sql_value("SELECT MAX(id) FROM sessions WHERE user_id = $u");
    my $token = csrf_of(scalar $here->get_xml('/auth/account'));
    my $res = $here->post("/auth/account/sessions/$sid/revoke", [csrf => $token]);
    is($res->code, 303, 'revoked');
    ($start) = statuses($there, '/');
    is($start, all_are(303), 'the old cookie on the start page: signed out on every process');
    is(signed_in_views($there, '/kb/'), 0, 'in the knowledge base: signed out on every process');
    is($here->get('/')->code, 200, 'the browser that revoked it stays signed in');
};

subtest 'a signed-out cookie stops on every process' => sub {
    my ($u, $email) = make_user(org => ACME, roles => ['customer_user']);
    my $c = reader($email);
    my $copy = same_cookie($c);
    my ($start) = statuses($copy, '/');
    is($start, all_are(200), 'a copy of the cookie works while the session lives');
    is(signed_in_views($copy, '/kb/'), $ROUNDS, 'also in the knowledge base');
    my $res = $c->post('/auth/logout', [csrf => csrf_of(scalar $c->get_xml('/'))]);
    is($res->code, 303, 'signed out');
    ($start) = statuses($copy, '/');
    is($start, all_are(303), 'the old cookie: signed out on every process');
    is(signed_in_views($copy, '/kb/'), 0, 'also in the knowledge base');
};

subtest 'a deactivated user is signed out on every process' => sub {
    my ($u, $email) = make_user(org => ACME, roles => ['customer_user']);
    my $victim = same_cookie(reader($email));
    my ($start) = statuses($victim, '/');
    is($start, all_are(200), 'signed in');
    my $anna = client_as('anna.admin@acme.example');
    my (undef, $res) = post_form($anna, "/auth/users/$u/status", [status => 'inactive']);
    is($res->code, 303, 'anna deactivates the user');
    ($start) = statuses($victim, '/');
    is($start, all_are(303), 'signed out on every process');
};

subtest 'a session ended in the database by hand ends within a second' => sub {
    my ($u, $email) = make_user(org => ACME, roles => ['customer_user']);
    my $c = same_cookie(reader($email));
    my ($start) = statuses($c, '/');
    is($start, all_are(200), 'signed in');
    {
        # Behind the workers' backs, as an administrator's SQL would be,
        # and without touching this host's counter: the database's counter
        # is what other hosts see.
        local $Portico::Test::FORGET_ON_WRITE = 0;
        sql("DELETE FROM sessions WHERE user_id = $u; UPDATE auth_generation SET n = n + 1 WHERE id = 1");
    }
    select(undef, undef, undef, 1.0);
    ($start) = statuses($c, '/');
    is($start, all_are(303), 'after a second: signed out on every process');
};

subtest 'a sign-in empties nobody\'s kept sessions, a sign-out does' => sub {
    my $gen = sub { sql_value('SELECT n FROM auth_generation WHERE id = 1') };
    my $c = Portico::Test->client(accept_language => 'en');
    my $before = $gen->();
    my $res = $c->login('carl@acme.example');
    is($res->code, 303, 'carl signs in');
    ok(defined sql_value("SELECT 1 FROM users WHERE email = 'carl\@acme.example'"
        . " AND last_login_at > UTC_TIMESTAMP(6) - INTERVAL 10 SECOND"), 'his sign-in is stamped');
    is($gen->(), $before, 'the counter that empties every process\'s kept sessions stays');
    $res = $c->logout;
    is($res->code, 303, 'he signs out');
    cmp_ok($gen->(), '>', $before, 'and that moves it: the session must end everywhere');
};

cleanup();
done_testing;
