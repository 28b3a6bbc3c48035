# Every demo user lands on the start page of their role: view start, home,
# their own name, email, organisation and roles, and nobody else's.  The
# tiles are the pages this user may open and nothing that does not exist
# yet: each opens, and the KB editor's tile leads to the editor.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;

my %home_seen;
for my $u (demo_users()) {
    subtest $u->{email} => sub {
        my $c = Portico::Test->client(accept_language => 'en');
        my $res = $c->login($u->{email}, DEMO_PASSWORD);
        is($res->code, 303, 'login 303');
        is(location_path($res), '/', 'to /');

        my ($doc, $xres) = $c->get_xml('/');
        is($xres->code, 200, 'start page 200');
        is(xp($doc, '/page/@view'), 'start', 'view start');
        my ($user) = $doc ? $doc->findnodes('/page/session/user') : ();
        ok($user, 'session has a user') or return;
        is(xp($doc, '/page/session/user/email'), $u->{email}, 'email');
        is(xp($doc, '/page/session/user/@home'), $u->{home}, "home $u->{home}");
        is(xp($doc, '/page/start/@home'), $u->{home}, 'start page for that home');
        is(xp($doc, '/page/session/user/org'), $u->{org}, "org $u->{org}");
        is(xp($doc, '/page/session/user/org/@kind'), $u->{kind}, "org kind $u->{kind}");
        is_deeply([sort(xp_list($doc, '/page/session/user/role'))], [sort @{ $u->{roles} }],
            'roles ' . join(', ', @{ $u->{roles} }));
        my $name = xp($doc, '/page/session/user/name');
        ok(length $name && $name ne $u->{email}, "has a name ($name)");
        like(xp($doc, '/page/session/user/@id'), qr/^\d+$/, 'user id');
        like(xp($doc, '/page/session/user/@org-id'), qr/^\d+$/, 'org id');
        is(xp($doc, '/page/@lang'), $u->{lang} // 'en', 'language ' . ($u->{lang} // 'en'));
        for my $a ($doc->findnodes('/page/start/area')) {
            like($a->getAttribute('href') // '', qr{^/(?!/)}, 'area ' . ($a->getAttribute('key') // '?') . ' links locally');
        }
        # Every area opens for this user; none is merely announced.
        for my $a ($doc->findnodes('/page/start/area')) {
            is($c->get($a->getAttribute('href'))->code, 200,
                'area ' . $a->getAttribute('key') . ' opens');
        }
        is(xp_count($doc, '/page/start/area[@available]'), 0, 'no area marked as still to come');
        my @keys = xp_list($doc, '/page/start/area/@key');
        my @absent = grep { m{^/partner/} } xp_list($doc, '/page/start/area/@href');
        is_deeply(\@absent, [], 'no area of a worker that does not exist');
        my %once;
        is(scalar(grep { $once{$_}++ } @keys), 0, 'each area listed once');
        ok(grep({ $_ eq 'nav.account' } @keys), 'everyone has the account area');
        my %may = map { $_ => 1 } xp_list($doc, '/page/session/user/permission');
        is(!!grep({ $_ eq 'nav.users' } @keys), !!$may{'users.manage.org'},
            'user administration offered exactly to those who may manage users');
        is(!!grep({ $_ eq 'nav.orgs' } @keys), !!$may{'admin.users'},
            'provider administration offered exactly to those with admin.users');
        is(!!grep({ $_ eq 'nav.all-users' } @keys), !!$may{'admin.users'},
            'all users offered exactly to those with admin.users');
        is(xp($doc, '/page/start/area[@key="nav.editor"]/@href'), $may{'kb.edit'} ? '/kb/editor' : '',
            $may{'kb.edit'} ? 'the editor tile links the editor' : 'no editor tile without kb.edit');
        my @other = grep { $_ ne $u->{email} } map { $_->{email} } demo_users();
        my $body = $xres->content;
        ok(!grep({ index($body, $_) >= 0 } @other), "no other user's email on the page");

        my $html = $c->get('/');
        is($html->code, 200, 'HTML start page');
        my $dom = XML::LibXML->load_html(string => $html->content, recover => 2, suppress_errors => 1);
        (my $text = $dom->findvalue('//body')) =~ s/\s+/ /g;
        ok(index($text, $name) >= 0, 'the HTML shows the name');
        ok(xp_count($dom, '//form[@action="/auth/logout"]'), 'the HTML has a logout form');
        for my $h (xp_list($doc, '/page/start/area/@href')) {
            ok(xp_count($dom, qq{//main//a[\@href="$h"]}), "the HTML links the area $h");
        }
        (my $main = $dom->findvalue('//main')) =~ s/\s+/ /g;
        unlike($main, qr/coming soon/i, 'nothing announced as coming soon');
        $home_seen{ $u->{home} }++;
    };
}

is_deeply([sort keys %home_seen], [qw(admin agent customer partner)], 'all four homes covered');

done_testing;
