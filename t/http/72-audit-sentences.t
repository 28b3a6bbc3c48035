# The audit log reads as sentences: "Anna Admin changed the roles of Carl
# Customer: Buyer → Approver", in English and German; only the fields that
# changed, as before → after in words (role names, statuses, money); a
# deleted actor shown as such; a generic sentence for an unknown action;
# the raw JSON kept behind a <details> disclosure; a filter by day means
# the reader's day, in the reader's time zone.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;

# Rows on one day of their own, so the date filter shows exactly them.
my $day = '2023-05-04';
my $carl = sql_value("SELECT id FROM users WHERE email = 'carl\@acme.example'");
my $anna = sql_value("SELECT id FROM users WHERE email = 'anna.admin\@acme.example'");
my $olivia = sql_value("SELECT id FROM users WHERE email = 'olivia\@acme.example'");
my $ghost = 4000000000;    # nobody has this id: removed from the table
my $clear = "DELETE FROM audit_log WHERE at >= '$day' - INTERVAL 1 DAY AND at < '$day' + INTERVAL 2 DAY";
sql($clear);
sql("INSERT INTO audit_log (at, user_id, org_id, action, object_type, object_id, before_json, after_json, ip) VALUES"
    . " ('$day 10:00:00', $anna, 2, 'user.roles', 'user', '$carl',"
    . "  '{\"roles\":[\"customer_user\",\"buyer\"]}', '{\"roles\":[\"customer_user\",\"approver\"]}', '192.0.2.1'),"
    . " ('$day 10:01:00', $anna, 2, 'user.status', 'user', '$olivia',"
    . "  '{\"status\":\"active\"}', '{\"status\":\"inactive\"}', '192.0.2.1'),"
    . " ('$day 10:02:00', $anna, 2, 'budgets.update', 'org', '2',"
    . "  '{\"buyer\":{\"order\":100000,\"month\":null}}', '{\"buyer\":{\"order\":250000,\"month\":null}}', '192.0.2.1'),"
    . " ('$day 10:03:00', $carl, 2, 'user.profile', 'user', '$carl',"
    . "  '{\"name\":\"Carl C\",\"phone\":null,\"notify_news\":0}', '{\"name\":\"Carl Customer\",\"phone\":null,\"notify_news\":0}', '192.0.2.2'),"
    . " ('$day 10:04:00', $ghost, 2, 'user.language', 'user', '$ghost',"
    . "  '{\"language\":\"en\"}', '{\"language\":\"de\"}', '192.0.2.3'),"
    . " ('$day 10:05:00', NULL, 2, 'widget.poke', 'widget', '17', NULL, '{\"n\":\"<b>x</b>\"}', ''),"
    # Near midnight: 3 May 22:30 UTC is 4 May in Berlin (+2) but 3 May in
    # London (+1); 4 May 22:30 UTC is 5 May in Berlin but 4 May in London.
    . " ('$day' - INTERVAL 90 MINUTE, $carl, 2, 'logout', 'user', '$carl', NULL, NULL, '192.0.2.2'),"
    . " ('$day' + INTERVAL 1350 MINUTE, $carl, 2, 'login', 'user', '$carl', NULL, NULL, '192.0.2.2')");

sub sentences {
    my ($c) = @_;
    my $res = $c->get("/auth/audit?from=$day&to=$day");
    is($res->code, 200, 'audit page 200') or return;
    my $dom = XML::LibXML->load_html(string => $res->decoded_content, recover => 2, suppress_errors => 1);
    my %by;
    for my $row ($dom->findnodes('//table//tbody/tr')) {
        my ($p) = $row->findnodes('.//p[contains(@class, "audit-sentence")]') or next;
        (my $text = $p->textContent) =~ s/\s+/ /g;
        $text =~ s/^ | $//g;
        my @changes = map { (my $t = $_->textContent) =~ s/\s+/ /g; $t =~ s/^ | $//g; $t }
            $row->findnodes('.//ul[contains(@class, "audit-changes")]/li');
        my $json = join '|', map { $_->textContent } $row->findnodes('.//details/pre');
        $by{$text} = { changes => \@changes, json => $json };
    }
    return \%by;
}

subtest 'English, as the provider admin' => sub {
    my $c = Portico::Test->client(accept_language => 'en');
    is($c->login('admin@portico.example')->code, 303, 'signed in');
    my $s = sentences($c) or return;
    ok($s->{'Anna Admin changed the roles of Carl Customer: Buyer → Approver'},
        'roles: only the roles that changed, as names')
        or diag explain [keys %$s];
    ok($s->{'Anna Admin changed the status of Olivia Approver: Active → Deactivated'}, 'status in words');
    my ($budget) = grep { /^Anna Admin changed the budget limits of Acme Industrial Ltd$/ } keys %$s;
    ok($budget, 'budgets: the org by name') or return;
    is_deeply($s->{$budget}{changes}, ['Buyer, limit per order: 1,000.00 GBP → 2,500.00 GBP'],
        'only the changed limit, as money in the org currency');
    my ($profile) = grep { /^Carl Customer changed their profile$/ } keys %$s;
    ok($profile, 'profile sentence');
    is_deeply($s->{$profile}{changes}, ['Name: Carl C → Carl Customer'], 'unchanged fields left out');
    ok($s->{'A deleted user changed their language: English → Deutsch'}, 'a removed actor reads as deleted');
    my ($generic) = grep { /widget\.poke/ } keys %$s;
    is($generic, 'System: “widget.poke” on widget 17', 'an unknown action: a generic sentence');
    ok(index($s->{$generic}{json}, '{"n":"<b>x</b>"}') >= 0, 'the raw JSON behind the disclosure, as text');
    like($s->{$profile}{json}, qr/"name":"Carl C"/, 'before JSON kept');

    ok($s->{'Carl Customer signed out'} && !$s->{'Carl Customer signed in'},
        "the day in Europe/Berlin: 3 May 22:30 UTC is in, 4 May 22:30 UTC is out");

    my ($doc) = $c->get_xml("/auth/audit?from=$day&to=$day&action=user.roles");
    my $ch = '/page/audit/entry/changes/change[@field="roles"]';
    is(xp($doc, "$ch/before/item[not(\@kept)]"), 'buyer', 'XML: removed role');
    is(xp($doc, "$ch/after/item[not(\@kept)]"), 'approver', 'XML: added role');
    is(xp($doc, "$ch/after/item[\@kept='1']"), 'customer_user', 'XML: kept role marked');
    is(xp($doc, '/page/audit/entry/object'), 'Carl Customer', 'XML: the object name from the database');
};

subtest 'German, as the customer admin' => sub {
    my $c = Portico::Test->client(accept_language => 'de');
    is($c->login('anna.admin@acme.example')->code, 303, 'signed in');
    my $s = sentences($c) or return;
    ok($s->{'Anna Admin hat die Rollen von Carl Customer geändert: Einkäufer → Freigeber'},
        'roles in German') or diag explain [keys %$s];
    ok($s->{'Ein gelöschter Benutzer hat die eigene Sprache geändert: English → Deutsch'},
        'deleted actor in German');
    my ($budget) = grep { /Budgetgrenzen/ } keys %$s;
    is_deeply($s->{$budget}{changes}, ['Einkäufer, Grenze je Bestellung: 1.000,00 GBP → 2.500,00 GBP'],
        'money in German');
    ok($s->{'Carl Customer hat sich angemeldet'} && !$s->{'Carl Customer hat sich abgemeldet'},
        "the day in Europe/London: 4 May 22:30 UTC is in, 3 May 22:30 UTC is out");
};

sql($clear);
done_testing();
