# The admin creates organisations: the row as typed (limits in minor units,
# empty = no limit), an audit row with the new values, the 303 back to the
# list which shows it. Bad values answer 422 with a message on the field
# and what was typed kept.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use utf8;
use Test::More;
use Encode qw(encode_utf8);
use JSON::PP ();
use Portico::Test;
use Portico::Provider;

my $c = login_as('admin@portico.example');
my $admin_id = sql_value("SELECT id FROM users WHERE email = 'admin\@portico.example'");

subtest 'create' => sub {
    my $name = unique_tag('Create Org') . ' & <Söhne>';
    my $res = $c->post('/auth/admin/orgs/new', [csrf => $c->csrf, name => "  $name ", kind => 'partner',
        tier => 'gold', currency => 'USD', language => 'de', order_limit => '1200.5',
        monthly_limit => '10000']);
    is($res->code, 303, 'answers 303');
    is(location_path($res), '/auth/admin/orgs?saved=1', 'back to the list');
    my $row = sql_rows('SELECT id, kind, tier, currency, language, status, order_limit_minor,'
        . ' monthly_limit_minor FROM orgs WHERE name = ' . sql_quote(encode_utf8($name)))->[0];
    ok($row, 'the org exists, name trimmed') or return;
    my $id = track(org => $row->[0]);
    is_deeply([@$row[1 .. 7]], ['partner', 'gold', 'USD', 'de', 'active', 120050, 1000000], 'fields and minor units');

    my $a = last_audit('org', $id);
    is($a->[0], 'org.create', 'audit action org.create');
    is($a->[1], $admin_id, 'by the admin');
    is($a->[2], 1, 'in the admin\'s org');
    ok(!defined $a->[3], 'no before');
    my $after = JSON::PP->new->utf8->decode($a->[4]);
    is_deeply($after, { name => $name, kind => 'partner', tier => 'gold', currency => 'USD', language => 'de',
        status => 'active', order_limit_minor => 120050, monthly_limit_minor => 1000000,
        mail_intake => JSON::PP::false, payment_terms_days => 30, billing_street => '', billing_street2 => '',
        billing_postal_code => '', billing_city => '', billing_country => '', vat_id => '' }, 'after JSON');
    is($a->[5], '127.0.0.1', 'IP recorded');

    my ($doc, $r) = $c->get_xml('/auth/admin/orgs?saved=1&q=' . substr($name, 0, 20));
    is(xp($doc, "/page/orgs/org[\@id='$id']"), $name, 'found by a search');
    is($r->code, 200, 'list 200');
    ok(grep({ $_ eq 'org.saved' } message_keys($doc)), 'success message');
    is(xp($doc, "/page/orgs/org[\@id='$id']"), $name, 'the list shows it');
    is(xp($doc, "/page/orgs/org[\@id='$id']/\@users"), 0, 'with no people');

    # Without limits: NULL, and the comma as decimal separator.
    my $n2 = unique_tag('Create Org Two');
    $res = $c->post('/auth/admin/orgs/new', [csrf => $c->csrf, name => $n2, kind => 'customer',
        tier => '', currency => 'EUR', language => 'en', order_limit => '99,9', monthly_limit => '']);
    is($res->code, 303, 'second org 303');
    $row = sql_rows('SELECT id, tier, order_limit_minor, monthly_limit_minor FROM orgs WHERE name = ' . sql_quote($n2))->[0];
    track(org => $row->[0]);
    is_deeply([@$row[1 .. 3]], [undef, 9990, undef], 'no tier, 99.90, no monthly limit');
    like(last_audit('org', $row->[0])->[4], qr/"monthly_limit_minor":null/, 'null in the audit JSON');
};

subtest '422 keeps the input' => sub {
    my $existing = 'Acme Industrial Ltd';
    my @cases = (
        [name => '', 'org.name.required'],
        [name => $existing, 'org.name.taken'],
        [name => 'x' x 201, 'org.name.invalid'],
        [kind => 'provider', 'org.kind.invalid'],
        [kind => 'vendor', 'org.kind.invalid'],
        [tier => 'platinum', 'org.tier.invalid'],
        [currency => 'JPY', 'org.currency.invalid'],
        [language => 'fr', 'org.language.invalid'],
        [order_limit => '12.345', 'org.limit.invalid'],
        [order_limit => '-5', 'org.limit.invalid'],
        [monthly_limit => 'lots', 'org.limit.invalid'],
        [monthly_limit => '1e5', 'org.limit.invalid'],
        [order_limit => '500', 'org.limit.order-above-month', monthly_limit => '100'],
    );
    my $count = sql_value('SELECT COUNT(*) FROM orgs');
    for my $case (@cases) {
        my ($field, $value, $key, @more) = @$case;
        my %form = (name => unique_tag('Bad Org'), kind => 'customer', tier => 'bronze', currency => 'GBP',
            language => 'en', order_limit => '10', monthly_limit => '20', @more);
        $form{$field} = $value;
        my ($doc, $res) = $c->post_xml('/auth/admin/orgs/new', [csrf => $c->csrf, %form]);
        is($res->code, 422, "$field=$value: 422");
        is(xp($doc, '/page/@view'), 'org-form', 'the form again');
        ok(grep({ $_ eq $key } message_keys($doc)), "message $key");
        is(xp($doc, "/page/messages/message[\@key='$key']/\@field"), $field, "on the field $field");
        (my $kept = $value) =~ s/^\s+|\s+$//g;
        is(xp($doc, "/page/form[\@name='org']/field[\@name='$field']"), $kept, 'input kept');
        is(xp($doc, "/page/form[\@name='org']/field[\@name='tier']"), 'bronze', 'other fields kept')
            unless $field eq 'tier';
    }
    is(sql_value('SELECT COUNT(*) FROM orgs'), $count, 'no org was made');

    # The HTML shows the message next to the field and keeps the value.
    my $res = $c->post('/auth/admin/orgs/new', [csrf => $c->csrf, name => 'Typed <name>', kind => 'customer',
        currency => 'EUR', language => 'en', order_limit => 'abc']);
    is($res->code, 422, 'HTML 422');
    like($res->decoded_content, qr/id="order_limit-error"/, 'field error in the HTML');
    like($res->decoded_content, qr/value="Typed &lt;name&gt;"/, 'typed name kept, escaped');
};

subtest 'list filters and pager' => sub {
    my ($doc, $res) = $c->get_xml('/auth/admin/orgs?kind=partner');
    is($res->code, 200, 'kind filter 200');
    ok(xp_count($doc, '/page/orgs/org') >= 1, 'some partners');
    is(xp_count($doc, "/page/orgs/org[\@kind!='partner']"), 0, 'only partners');
    ($doc) = $c->get_xml('/auth/admin/orgs?q=bergmann');
    is_deeply([xp_list($doc, '/page/orgs/org')], ['Bergmann Maschinenbau AG'], 'search is case-insensitive');
    ($doc) = $c->get_xml('/auth/admin/orgs?q=%25');
    is(xp_count($doc, '/page/orgs/org'), 0, '% is taken literally');
    my $inactive = make_org(name => unique_tag('Sleepy Org'), status => 'inactive');
    ($doc) = $c->get_xml('/auth/admin/orgs?status=inactive');
    ok(xp_count($doc, "/page/orgs/org[\@id='$inactive']"), 'inactive filter shows the inactive org');
    is(xp_count($doc, "/page/orgs/org[\@status='active']"), 0, 'and no active one');
    ($doc) = $c->get_xml('/auth/admin/orgs?kind=bogus&status=bogus');
    is(xp($doc, '/page/orgs/filter/@kind'), '', 'an unknown filter value is dropped');
    is(xp($doc, '/page/orgs/pager/@page'), 1, 'pager page 1');
    my $total = sql_value('SELECT COUNT(*) FROM orgs');
    is(xp($doc, '/page/orgs/pager/@total'), $total, 'pager total');
    ($doc) = $c->get_xml('/auth/admin/orgs?page=99');
    is(xp_count($doc, '/page/orgs/org'), 0, 'a page past the end is empty');
    is(xp($doc, '/page/orgs/pager/@page'), 99, 'and says which page');
    is(xp($doc, '/page/orgs/org[1]/@users') // '', '', 'no rows');
    ($doc) = $c->get_xml('/auth/admin/orgs?q=Acme');
    is(xp($doc, '/page/orgs/org[.="Acme Industrial Ltd"]/@users'),
        sql_value("SELECT COUNT(*) FROM users WHERE org_id = 2 AND status <> 'deleted'"), 'user count');
};

done_testing;
