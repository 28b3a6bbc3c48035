# A name that a unique key refuses (MariaDB error 1062, PT_EDUP) is a
# mistake in the form, not a database failure: 422 with the message at the
# field, the form again with what was typed, and nothing written.  The key
# decides (no look beforehand), so a name that differs only in case or in
# accents, which the key's collation counts as the same, is refused too.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use XML::LibXML;
use Portico::Test;
use Portico::Provider;
use Portico::KB;
use Portico::KBEditor;

sub html_value {
    my ($res, $id) = @_;
    my $dom = XML::LibXML->load_html(string => $res->decoded_content, recover => 2, suppress_errors => 1);
    my ($n) = $dom->findnodes(qq{//input[\@id="$id"]});
    return $n ? $n->getAttribute('value') : undef;
}

my $admin = login_as('admin@portico.example');

subtest 'an org name that exists, in other letter case' => sub {
    my $count = sql_value('SELECT COUNT(*) FROM orgs');
    my $audit = sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'org.create'");
    my @form = (name => 'ACME INDUSTRIAL LTD', kind => 'customer', tier => 'silver', currency => 'GBP',
        language => 'en', order_limit => '', monthly_limit => '');
    my ($doc, $res) = $admin->post_xml('/auth/admin/orgs/new', [csrf => $admin->csrf, @form]);
    is($res->code, 422, '422, not 503');
    is(xp($doc, '/page/@view'), 'org-form', 'the form again');
    is(xp($doc, '/page/messages/message[@field="name"]/@key'), 'org.name.taken', 'org.name.taken at the name');
    is(xp($doc, '/page/form[@name="org"]/field[@name="name"]'), 'ACME INDUSTRIAL LTD', 'the name kept');
    is(xp($doc, '/page/form[@name="org"]/field[@name="tier"]'), 'silver', 'and the rest');
    is(sql_value('SELECT COUNT(*) FROM orgs'), $count, 'no org written');
    is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'org.create'"), $audit, 'no audit row');
    $res = $admin->post('/auth/admin/orgs/new', [csrf => $admin->csrf, @form]);
    is($res->code, 422, 'HTML: 422');
    is(html_value($res, 'name'), 'ACME INDUSTRIAL LTD', 'the field shows what was typed');
};

subtest 'renaming an org to a name that exists' => sub {
    my $name = unique_tag('Dup Org');
    my $id = make_org(name => $name);
    my ($doc, $res) = $admin->post_xml("/auth/admin/orgs/$id", [csrf => $admin->csrf,
        name => 'Bergmann Maschinenbau AG', kind => 'customer', currency => 'EUR', language => 'de',
        status => 'active']);
    is($res->code, 422, 'status 422');
    is(xp($doc, '/page/messages/message[@field="name"]/@key'), 'org.name.taken', 'at the name');
    is(xp($doc, '/page/form[@name="org"]/field[@name="name"]'), 'Bergmann Maschinenbau AG', 'kept');
    is(sql_value("SELECT name FROM orgs WHERE id = $id"), $name, 'the org keeps its name');
};

subtest 'a role name that exists' => sub {
    my $count = sql_value('SELECT COUNT(*) FROM roles');
    my ($doc, $res) = $admin->post_xml('/auth/admin/roles/new', [csrf => $admin->csrf, name => 'buyer',
        org_kind => 'customer', home => 'customer', priority => '7']);
    is($res->code, 422, '422, not 503');
    is(xp($doc, '/page/messages/message[@field="name"]/@key'), 'roles.name.taken', 'roles.name.taken at the name');
    is(xp($doc, '/page/form[@name="role"]/field[@name="name"]'), 'buyer', 'the name kept');
    is(xp($doc, '/page/form[@name="role"]/field[@name="priority"]'), '7', 'and the priority');
    is(sql_value('SELECT COUNT(*) FROM roles'), $count, 'no role written');
};

subtest 'an article slug that exists' => sub {
    my $cat = create_category(names => { en => 'Duplicate slugs' });
    my $first = create_article(category => $cat, status => 'draft');
    my $slug = sql_value("SELECT slug FROM kb_articles WHERE id = $first");
    my $ed = as_role('editor@portico.example');
    my $count = sql_value('SELECT COUNT(*) FROM kb_articles');
    my ($doc, $res) = post_csrf($ed, '/kb/editor/new', new_article_form($cat, slug => $slug,
        title => 'Zweiter Artikel über Drucker'));
    is($res->code, 422, '422, not 503');
    is(xp($doc, '/page/messages/message[@field="slug"]/@key'), 'kb.editor.slug.taken', 'at the slug');
    is(xp($doc, '/page/form[@name="kb-article"]/field[@name="title"]'), 'Zweiter Artikel über Drucker',
        'the title kept');
    is(sql_value('SELECT COUNT(*) FROM kb_articles'), $count, 'no article written');
};

done_testing;
