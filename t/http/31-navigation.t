# The main navigation per role: every demo user sees exactly the sections
# and administration pages their roles let them open, each link answers
# 200 for them, and no page a role may open is missing from it.  The
# current section and page are marked, error pages keep the navigation,
# and anonymous pages carry none (the page cache keeps them for everyone)
# but have the knowledge base search in the header.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;

# The administration pages that exist, and who may open them.
my @ADMIN_PAGES = qw(/auth/users /auth/budgets /auth/admin/orgs /auth/admin/users
    /auth/admin/roles /auth/audit /auth/admin/deletions /tickets/admin/ /orders/admin/
    /orders/admin/integrations /admin/processes/ /orders/admin/offers /orders/admin/contracts);
my %ORG_ADMIN = (admin => [qw(/auth/users /auth/budgets /auth/audit)]);
my %PROVIDER = (admin => [qw(/auth/admin/orgs /auth/admin/users /auth/admin/roles
    /auth/audit /auth/admin/deletions /tickets/admin/ /orders/admin/
    /orders/admin/integrations /admin/processes/ /orders/admin/offers /orders/admin/contracts)]);

my %expect = (
    'admin@portico.example'   => { sections => [qw(start tasks kb tickets orders editor admin)], %PROVIDER },
    'manager@portico.example' => { sections => [qw(start tasks kb tickets orders admin)],
        admin => ['/auth/audit', '/tickets/admin/', '/orders/admin/', '/orders/admin/offers',
            '/orders/admin/contracts'] },
    'agent@portico.example'   => { sections => [qw(start tasks kb tickets orders)] },
    'editor@portico.example'  => { sections => [qw(start tasks kb editor)] },
    'anna.admin@acme.example' => { sections => [qw(start tasks kb tickets orders admin)], %ORG_ADMIN },
    'carl@acme.example'       => { sections => [qw(start tasks kb tickets orders)] },
    'olivia@acme.example'     => { sections => [qw(start tasks kb tickets orders)] },
    'klaus@bergmann.example'  => { sections => [qw(start tasks kb tickets orders)] },
    'paula@northwind.example' => { sections => [qw(start tasks kb tickets orders)] },
);

sub signed_in {
    my ($email) = @_;
    my $c = Portico::Test->client(accept_language => 'en');
    is($c->login($email, DEMO_PASSWORD)->code, 303, "$email signs in");
    return $c;
}

sub html_of {
    my ($res) = @_;
    return XML::LibXML->load_html(string => $res->decoded_content, recover => 2,
        suppress_errors => 1);
}

for my $u (demo_users()) {
    my $want = $expect{ $u->{email} } or BAIL_OUT("no expectation for $u->{email}");
    subtest $u->{email} => sub {
        my $c = signed_in($u->{email});
        my ($doc, $res) = $c->get_xml('/');
        is($res->code, 200, 'start page');
        is_deeply([xp_list($doc, '/page/nav/section/@name')], $want->{sections},
            'sections: ' . join(', ', @{ $want->{sections} }));
        is_deeply([xp_list($doc, '/page/nav/section[@name="admin"]/link/@href')], $want->{admin} // [],
            'administration pages: ' . join(', ', @{ $want->{admin} // ['none'] }));
        is(xp($doc, '/page/nav/section[@name="editor"]/@href'),
            (grep { $_ eq 'editor' } @{ $want->{sections} }) ? '/kb/editor' : '',
            'the editor is in the navigation exactly for editors');
        is(xp_count($doc, '/page/nav/section[@name="kb"][@href="/kb/"]'), 1, 'knowledge base section');
        my @hrefs = (xp_list($doc, '/page/nav/section/@href'), xp_list($doc, '/page/nav/section/link/@href'));
        is_deeply([grep { m{^/partner/|^/admin/(?!processes/)} } @hrefs], [],
            'no section of a worker that does not exist');

        # Every link opens, and on its page it is the current one.
        my %seen;
        for my $href (grep { !$seen{$_}++ } @hrefs) {
            my ($page, $r) = $c->get_xml($href);
            is($r->code, 200, "$href opens");
            my ($link) = $page ? $page->findnodes("/page/nav/section/link[\@href='$href']") : ();
            ok($link, "$href is in its own page's navigation") or next;
            is($link->getAttribute('current'), '1', "$href is marked current on its page");
            is($link->parentNode->getAttribute('current'), '1', "its section is current on $href");
            is(xp_count($page, '/page/nav//*[@current="1"]'), 2, "one section and one page current on $href");
        }

        # Every administration page opens exactly when the navigation offers it.
        my %offered = map { $_ => 1 } @hrefs;
        for my $p (@ADMIN_PAGES) {
            my $code = $c->get($p)->code;
            if ($offered{$p}) {
                is($code, 200, "$p offered and opens");
            } else {
                isnt($code, 200, "$p not offered and does not open ($code)");
            }
        }

        # The HTML: the main navigation with the current section marked, the search in the header.
        my $dom = html_of($c->get('/auth/account'));
        ok(xp_count($dom, '//header//nav[contains(@class, "primary-nav")]//a[@href="/"]'), 'HTML: main navigation');
        is(xp_count($dom, '//header//nav[contains(@class, "primary-nav")]//a[@aria-current]'), 0,
            'HTML: no section current on the account page');
        ok(xp_count($dom, '//header//form[@action="/kb/search" and @method="get"]//input[@name="q"]'),
            'HTML: knowledge base search in the header');
        $dom = html_of($c->get('/kb/faq'));
        is(xp($dom, '//header//nav[contains(@class, "primary-nav")]//a[@aria-current]/@href'), '/kb/',
            'HTML: the knowledge base is current on the FAQ');
        is(xp_count($dom, '//header//details[contains(@class, "menu")]/summary'), 1, 'HTML: the compact menu');
        is(xp_count($dom, '//header//details//nav//a[@href="/kb/" and @aria-current]'), 1,
            'HTML: the compact menu marks the current section too');
    };
}

subtest 'the current section below its pages' => sub {
    my $admin = signed_in('admin@portico.example');
    my $org_id = sql_value("SELECT id FROM orgs WHERE kind = 'customer' ORDER BY id LIMIT 1");
    for my $case (["/auth/admin/orgs/$org_id", 'admin', '/auth/admin/orgs'],
        ['/auth/admin/orgs/new', 'admin', '/auth/admin/orgs'],
        ['/auth/admin/users/new', 'admin', '/auth/admin/users'],
        ['/kb/editor/new', 'editor', '/kb/editor'],
        ['/kb/editor/feedback', 'editor', '/kb/editor'],
        ['/kb/search?q=router', 'kb', '/kb/']) {
        my ($path, $section, $link) = @$case;
        my ($doc, $res) = $admin->get_xml($path);
        is($res->code, 200, "$path opens");
        is(xp($doc, '/page/nav/section[@current="1"]/@name'), $section, "$path is in section $section");
        is(xp($doc, '/page/nav/section/link[@current="1"]/@href'), $link, "$path belongs to $link");
    }
    my $dom = html_of($admin->get("/auth/admin/orgs/$org_id"));
    is(xp($dom, '//nav[contains(@class, "section-nav")]//a[@aria-current]/@href'), '/auth/admin/orgs',
        'HTML: the section navigation marks the page the organisation belongs to');
    is(xp($dom, '//nav[contains(@class, "section-nav")]//a[@aria-current]/@aria-current'), 'true',
        'HTML: as part of the page, not as the page');
    ok(xp_count($dom, '//nav[contains(@class, "section-nav")]//a[@href="/auth/admin/users"]'),
        'HTML: "All users" is in the administration navigation');
    $dom = html_of($admin->get('/auth/admin/orgs'));
    is(xp($dom, '//nav[contains(@class, "section-nav")]//a[@href="/auth/admin/orgs"]/@aria-current'), 'page',
        'HTML: the page itself is aria-current="page"');
};

subtest 'error pages keep the navigation' => sub {
    my $carl = signed_in('carl@acme.example');
    my ($doc, $res) = $carl->get_xml('/auth/admin/orgs');
    is($res->code, 403, 'a customer may not open the provider administration');
    is_deeply([xp_list($doc, '/page/nav/section/@name')], [qw(start tasks kb tickets orders)], '403 keeps the navigation');
    ($doc, $res) = $carl->get_xml('/kb/no-such-page');
    is($res->code, 404, 'unknown page');
    is_deeply([xp_list($doc, '/page/nav/section/@name')], [qw(start tasks kb tickets orders)], '404 keeps the navigation');
};

subtest 'German' => sub {
    my $klaus = signed_in('klaus@bergmann.example');
    my $dom = html_of($klaus->get('/'));
    is(xp($dom, '/html/@lang'), 'de', 'German page');
    is(xp($dom, '//nav[contains(@class, "primary-nav")]//a[@href="/kb/"]'), 'Wissensdatenbank', 'German section name');
    is(xp($dom, '//header//form[@action="/auth/logout"]//button'), 'Abmelden', 'German sign-out');
};

subtest 'anonymous visitors' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    for my $path ('/kb/', '/kb/faq', '/auth/login') {
        my ($doc, $res) = $c->get_xml($path);
        is($res->code, 200, "$path opens");
        is(xp_count($doc, '/page/nav'), 0, "$path: no navigation in the envelope");
    }
    my $dom = html_of($c->get('/kb/'));
    is(xp_count($dom, '//nav[contains(@class, "primary-nav")]'), 0, 'HTML: no main navigation');
    my ($input) = $dom->findnodes('//header//form[@action="/kb/search" and @method="get"]//input[@name="q"]');
    ok($input, 'HTML: knowledge base search in the header') or return;
    my $id = $input->getAttribute('id');
    ok(xp_count($dom, qq{//header//label[\@for="$id"]}), 'the search field is labelled');
    ok(xp_count($dom, '//header//a[@href="/auth/login"]'), 'a way to sign in');
    my ($doc, $res) = $c->get_xml('/kb/search?q=router');
    is($res->code, 200, 'the header search answers');
    is(xp($doc, '/page/@view'), 'search', 'with the search page');
    $dom = html_of($c->get('/kb/search?q=router+reset'));
    my @values = map { $_->getAttribute('value') // '' }
        $dom->findnodes('//header//form[@action="/kb/search"]//input[@name="q"]');
    ok(@values && !grep({ $_ ne 'router reset' } @values), 'on the search page the header field holds what was searched');
    is($dom->findvalue('(//header//form[@action="/kb/search"]//input[@name="q"])[1]/@value'), 'router reset', 'the words as typed');
    $dom = html_of($c->get('/kb/'));
    is($dom->findvalue('(//header//input[@name="q"])[1]/@value'), '', 'elsewhere it is empty');
};

done_testing;
