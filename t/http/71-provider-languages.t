# The provider administration pages in English and German: every text comes
# from the catalogue (no key shows through), the page language is right,
# and field messages of a refused form are translated.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use utf8;
use Test::More;
use Encode qw(decode_utf8);
use Portico::Test;
use Portico::Provider;

my $org = make_org(name => unique_tag('Lang Org'));
my $uid = make_user(org_id => 1, email => unique_tag('lang-admin') . '@test.example', roles => ['admin']);
my $email = sql_value("SELECT email FROM users WHERE id = $uid");
my $role = sql_value("SELECT id FROM roles WHERE name = 'buyer'");
sql("UPDATE users SET deletion_requested_at = UTC_TIMESTAMP(6) WHERE id = "
    . make_user(org_id => $org, roles => ['customer_user']));

my @pages = ('/auth/admin/orgs', '/auth/admin/orgs/new', '/auth/admin/orgs/2', '/auth/admin/roles',
    '/auth/admin/roles/new', "/auth/admin/roles/$role", '/auth/audit?action=no.such.action',
    '/auth/admin/deletions');
my $key_re = qr/\b(?:admin|orgs?|roles|audit|deletions?|perm|currency|title)\.[a-z][a-z.-]*[a-z]\b/;

my %words = (
    en => ['Organisations', 'Roles and permissions', 'Audit log', 'Deletion requests'],
    de => ['Organisationen', 'Rollen und Berechtigungen', 'Prüfprotokoll', 'Löschanträge'],
);

for my $lang (qw(en de)) {
    subtest $lang => sub {
        sql("UPDATE users SET language = '$lang' WHERE id = $uid");
        my $c = login_as($email);
        my %seen;
        for my $p (@pages) {
            my $res = $c->get($p);
            is($res->code, 200, "$p 200");
            my $html = decode_utf8($res->content);
            ok($html =~ /<html[^>]* lang="$lang"/, 'page language');
            my @keys = $html =~ /($key_re)/g;
            # Permission names are shown as codes next to their description.
            # (and the audit hint names an action as an example).
            @keys = grep { (!/^(?:admin|kb|tickets|orders|partner|users)\.[a-z.]+$/ || /^admin\.(?:nav|pager)/)
                && $_ ne 'org.update' } @keys;
            is_deeply(\@keys, [], 'no catalogue key shows through');
            $seen{$_}++ for grep { index($html, $_) >= 0 } @{ $words{$lang} };
        }
        is_deeply([sort keys %seen], [sort @{ $words{$lang} }], 'the page names in ' . $lang);

        my $res = $c->post('/auth/admin/orgs/new', [csrf => $c->csrf, name => '', kind => 'customer',
            currency => 'EUR', language => 'en', order_limit => 'viel']);
        is($res->code, 422, 'answers 422');
        my $html = decode_utf8($res->content);
        my $want = $lang eq 'de' ? qr/Geben Sie den Namen der Organisation ein/ : qr/Enter the organisation&#39;s name|Enter the organisation's name/;
        ok($html =~ $want, 'the message in the right language');
        ok($html =~ /value="viel"/, 'input kept');
    };
}

done_testing;
