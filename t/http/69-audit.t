# The audit log: newest first, 50 a page, filters by action, object type,
# the acting person's email, dates and (for admin.audit) org. A bad filter
# value answers 422 with a message on the field, the value kept, and the
# list still shown. An org admin sees only their org's rows, whatever the
# filters say; a role with neither admin.audit nor users.manage.org gets 403.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Provider;

my $tag = lc(unique_tag('aud')) =~ s/-/_/gr;
# Rows of our own: one for Acme (org 2), one for Bergmann (org 3), one by the system.
sql("INSERT INTO audit_log (at, user_id, org_id, action, object_type, object_id, before_json, after_json, ip) VALUES"
    . " ('2024-03-10 12:00:00', 5, 2, '$tag.acme', 'widget', '1', '{\"n\":\"<b>old</b>\"}', '{\"n\":\"new\"}', '192.0.2.1'),"
    . " ('2024-03-11 12:00:00', 8, 3, '$tag.bergmann', 'widget', '2', NULL, '{\"secret\":\"bergmann-only\"}', '192.0.2.2'),"
    . " ('2024-03-12 12:00:00', NULL, NULL, '$tag.system', 'widget', '3', NULL, NULL, '')");

subtest 'admin sees everything, newest first' => sub {
    my $c = login_as('admin@portico.example');
    my ($doc, $res) = $c->get_xml('/auth/audit');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/@view'), 'audit', 'view audit');
    is(xp($doc, '/page/audit/@scope'), 'all', 'scope all');
    my @at = xp_list($doc, '/page/audit/entry/@at');
    ok(@at >= 1 && @at <= 50, 'at most 50 on a page');
    is_deeply(\@at, [sort { $b cmp $a } @at], 'newest first');
    like($at[0], qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'ISO UTC times');
    is(xp($doc, '/page/audit/pager/@total'), sql_value('SELECT COUNT(*) FROM audit_log'), 'total in the pager');
    ok(xp_count($doc, '/page/audit/orgs/org') >= 4, 'orgs to filter by');

    ($doc) = $c->get_xml("/auth/audit?object=widget&from=2024-03-10&to=2024-03-12");
    is_deeply([xp_list($doc, '/page/audit/entry/@action')], ["$tag.system", "$tag.bergmann", "$tag.acme"],
        'object and date filters, newest first');
    my ($e) = $doc->findnodes("/page/audit/entry[\@action='$tag.acme']");
    is(xp($e, 'user/email'), 'anna.admin@acme.example', 'who: email');
    is(xp($e, 'user/name'), 'Anna Admin', 'who: name');
    is(xp($e, 'org'), 'Acme Industrial Ltd', 'org');
    is(xp($e, '@ip'), '192.0.2.1', 'IP');
    is(xp($e, 'before'), '{"n":"<b>old</b>"}', 'before as text');
    is(xp($e, 'after'), '{"n":"new"}', 'after as text');
    is(xp_count($doc, "/page/audit/entry[\@action='$tag.system']/user"), 0, 'the system row has no user');

    ($doc) = $c->get_xml("/auth/audit?action=$tag.acme");
    is_deeply([xp_list($doc, '/page/audit/entry/@action')], ["$tag.acme"], 'action filter');
    ($doc) = $c->get_xml("/auth/audit?object=widget&user=anna.admin");
    is_deeply([xp_list($doc, '/page/audit/entry/@action')], ["$tag.acme"], 'user email filter (part of it)');
    ($doc) = $c->get_xml("/auth/audit?object=widget&org=3");
    is_deeply([xp_list($doc, '/page/audit/entry/@action')], ["$tag.bergmann"], 'org filter');
    ($doc) = $c->get_xml("/auth/audit?object=widget&from=2024-03-11&to=2024-03-11");
    is_deeply([xp_list($doc, '/page/audit/entry/@action')], ["$tag.bergmann"], 'one day, both ends inclusive');

    my $res2 = $c->get("/auth/audit?object=widget");
    like($res2->decoded_content, qr/\{"n":"&lt;b&gt;old&lt;\/b&gt;"\}|\{&quot;n&quot;:&quot;&lt;b&gt;old/, 'JSON shown escaped in the HTML');
    unlike($res2->decoded_content, qr/<b>old<\/b>/, 'never as markup');
};

subtest 'bad filters: 422, message on the field, list still shown' => sub {
    my $c = login_as('admin@portico.example');
    for my $case (['from', '2024-02-30', 'audit.date.invalid'], ['to', '10.03.2024', 'audit.date.invalid'],
            ['action', 'DROP TABLE', 'audit.filter.invalid'], ['object', 'x' x 65, 'audit.filter.invalid'],
            ['org', 'acme', 'audit.filter.invalid']) {
        my ($f, $v, $key) = @$case;
        my ($doc, $res) = $c->get_xml("/auth/audit?object=widget&$f=" . ($v =~ s/ /%20/gr));
        $f eq 'object' and ($doc, $res) = $c->get_xml("/auth/audit?$f=$v");
        is($res->code, 422, "$f=$v: 422");
        is(xp($doc, "/page/messages/message[\@field='$f']/\@key"), $key, "$key on $f");
        is(xp($doc, "/page/form[\@name='audit']/field[\@name='$f']"), $v, 'the value kept');
        ok(xp_count($doc, '/page/audit/entry') > 0, 'the list is still shown');
    }
    my ($doc, $res) = $c->get_xml('/auth/audit?object=widget&from=2024-03-12&to=2024-03-10');
    is($res->code, 422, 'from after to: 422');
    is(xp($doc, "/page/messages/message[\@field='to']/\@key"), 'audit.date.order', 'audit.date.order on to');
    my $r = $c->get('/auth/audit?from=yesterday');
    is($r->code, 422, 'HTML 422');
    like($r->decoded_content, qr/id="from-error"/, 'field error next to the field');
    like($r->decoded_content, qr/value="yesterday"/, 'typed value kept');
};

subtest 'pager' => sub {
    my $c = login_as('admin@portico.example');
    my $total = sql_value('SELECT COUNT(*) FROM audit_log');
    if ($total <= 50) {
        sql("INSERT INTO audit_log (at, user_id, org_id, action, object_type, object_id, ip)"
            . " SELECT '2000-01-01', NULL, NULL, '$tag.filler', 'filler', seq, '' FROM seq_1_to_60");
        $total = sql_value('SELECT COUNT(*) FROM audit_log');
    }
    my ($doc) = $c->get_xml('/auth/audit?page=2');
    is(xp($doc, '/page/audit/pager/@page'), 2, 'page 2');
    is(xp($doc, '/page/audit/pager/@pages'), int(($total + 49) / 50), 'pages');
    my ($p1) = $c->get_xml('/auth/audit');
    is(xp_count($p1, '/page/audit/entry'), 50, '50 on the first page');
    my %first = map { $_ => 1 } xp_list($p1, '/page/audit/entry/@id');
    ok(!grep({ $first{$_} } xp_list($doc, '/page/audit/entry/@id')), 'page 2 has other rows');
};

subtest 'manager: admin.audit' => sub {
    my $c = login_as('manager@portico.example');
    my ($doc, $res) = $c->get_xml('/auth/audit?object=widget');
    is($res->code, 200, 'answers 200');
    is(xp_count($doc, '/page/audit/entry'), 3, 'every org\'s rows');
};

subtest 'anna, an org admin: her org only' => sub {
    my $c = login_as('anna.admin@acme.example');
    my ($doc, $res) = $c->get_xml('/auth/audit');
    is($res->code, 200, 'answers 200');
    is(xp($doc, '/page/audit/@scope'), 'org', 'scope org');
    is(xp_count($doc, '/page/audit/orgs'), 0, 'no org choice');
    is(xp_count($doc, '/page/audit/entry/org[@id != "2"]'), 0, 'no row of another org');
    is(xp_count($doc, '/page/audit/entry[not(org)]'), 0, 'no row without an org');
    is(xp($doc, '/page/audit/pager/@total'), sql_value('SELECT COUNT(*) FROM audit_log WHERE org_id = 2'), 'all of Acme\'s');
    for my $q ("object=widget", "object=widget&org=3", "action=$tag.bergmann", "action=$tag.bergmann&org=3",
            "user=klaus") {
        ($doc, $res) = $c->get_xml("/auth/audit?$q");
        ok(!grep({ $_ ne "$tag.acme" && /^\Q$tag\E/ } xp_list($doc, '/page/audit/entry/@action')), "?$q: no other org's row");
        unlike($res->content, qr/bergmann-only/, "?$q: not even in the page");
    }
    ($doc) = $c->get_xml("/auth/audit?object=widget");
    is_deeply([xp_list($doc, '/page/audit/entry/@action')], ["$tag.acme"], 'her org\'s row is there');
};

subtest 'klaus, a customer user: 403' => sub {
    my $c = login_as('klaus@bergmann.example');
    my ($doc, $res) = $c->get_xml('/auth/audit');
    is($res->code, 403, 'answers 403');
    unlike($res->content, qr/\Q$tag\E/, 'nothing of the log');
};

END { sql("DELETE FROM audit_log WHERE action LIKE '$tag.%'") if $tag }

done_testing;
