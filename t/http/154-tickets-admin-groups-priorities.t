# Agent groups and the priority matrix on pages.  A group is created with
# its members, chosen among the provider's people who work the queue, and
# a lead (made a member when not ticked); a taken name or slug, someone who
# does not work the queue and missing fields come back 422 with every
# value kept; a service's tickets then go to the group and its members get
# the mail; a group that active services use stays active, one that
# services or tickets name cannot be deleted (422), an unused one can.
# The matrix is saved cell by cell (422 for a value outside P1..P5, every
# value kept), audited with before and after, and the next ticket gets
# its priority from it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::TicketsAdmin;

my $admin = tka_client('admin@portico.example');
my $carl = tk_client('carl@acme.example');
my $p = tka_prefix();
my %uid = map { $_ => sql_value("SELECT id FROM users WHERE email = '$_\@portico.example'") } qw(admin manager agent editor);
my @CELLS = qw(1-1 1-2 1-3 2-1 2-2 2-3 3-1 3-2 3-3);

sub members {
    my ($gid) = @_;
    return join ',', map { "$_->[0]" . ($_->[1] ? '*' : '') }
        @{ sql_rows("SELECT user_id, is_lead FROM ticket_group_members WHERE group_id = $gid ORDER BY user_id") };
}

subtest 'the list and the people offered' => sub {
    my ($doc, $res) = $admin->get_xml('/tickets/admin/groups');
    is($res->code, 200, '200');
    is(xp($doc, "/page/tka-groups/group[\@slug='service-desk']/lead"),
        sql_value("SELECT u.name FROM ticket_group_members m JOIN users u ON u.id = m.user_id"
            . " WHERE m.group_id = 1 AND m.is_lead = 1"), 'the lead');
    is(xp($doc, "/page/tka-groups/group[\@slug='service-desk']/\@members"),
        sql_value('SELECT COUNT(*) FROM ticket_group_members WHERE group_id = 1'), 'members');
    ($doc) = $admin->get_xml('/tickets/admin/groups/new');
    my %offered = map { $_ => 1 } xp_list($doc, '/page/tka-group/person/@id');
    ok($offered{ $uid{$_} }, "$_ works the queue: offered") for qw(admin manager agent);
    ok(!$offered{$uid{editor}}, 'the editor does not: not offered');
    my $workers = sql_value("SELECT COUNT(DISTINCT u.id) FROM users u JOIN orgs o ON o.id = u.org_id"
        . " JOIN user_roles ur ON ur.user_id = u.id JOIN role_permissions rp ON rp.role_id = ur.role_id"
        . " JOIN permissions p ON p.id = rp.permission_id WHERE o.kind = 'provider' AND u.status = 'active'"
        . " AND p.name = 'tickets.work'");
    is(scalar(keys %offered), $workers, 'exactly the provider\'s people who work the queue');
};

subtest 'create' => sub {
    my ($doc, $res) = tka_post($admin, '/tickets/admin/groups/new', [slug => "$p-field", name => "Field service $p",
        active => 1, members => $uid{agent}, lead => $uid{manager}]);
    is($res->code, 303, 'answered 303');
    is(location_path($res), '/tickets/admin/groups?saved=1', 'to the list');
    my $gid = tka_group_id("$p-field");
    is(members($gid), join(',', map { $_ == $uid{manager} ? "$_*" : $_ } sort { $a <=> $b } @uid{qw(agent manager)}),
        'the members, the lead made one');
    my @a = tka_audit('ticket_group.create', 'ticket_group', $gid);
    is(scalar @a, 1, 'audited');
    like($a[0]{after}, qr/"lead":"$uid{manager}"/, 'with the lead');

    my $sid = tka_service($admin, 'visit', group => $gid);
    my $number = tk_raise($carl, "$p-visit", [subject => 'Visit please', description => 'Thursday?']);
    is(ticket_row($number)->{group_id}, $gid, 'the service\'s tickets go to the group');
    is_deeply([sort map { $_->{to} } outbox_for('ticket-new', $number)],
        ['agent@portico.example', 'manager@portico.example'], 'and its members get the mail');
};

subtest '422 keeps every value' => sub {
    my $count = sql_value('SELECT COUNT(*) FROM ticket_groups');
    my ($doc, $res) = tka_post($admin, '/tickets/admin/groups/new', [slug => "$p-other", name => 'Service Desk',
        active => 1, members => $uid{admin}, members => $uid{agent}]);
    is($res->code, 422, 'a taken name: 422');
    is(tka_errors($doc)->{name}, 'tickets.admin.group.name-taken', 'at the name');
    is(join(',', sort(xp_list($doc, "/page/form[\@name='group']/field[\@name='members']"))),
        join(',', sort($uid{admin}, $uid{agent})), 'members kept');
    is(xp($doc, "/page/form[\@name='group']/field[\@name='slug']"), "$p-other", 'slug kept');

    ($doc, $res) = tka_post($admin, '/tickets/admin/groups/new', [slug => 'billing', name => "Other $p"]);
    is($res->code, 422, 'a taken slug: 422');
    is(tka_errors($doc)->{slug}, 'tickets.admin.slug.taken', 'at the slug');

    ($doc, $res) = tka_post($admin, '/tickets/admin/groups/new', [slug => '', name => '',
        members => $uid{editor}, lead => $uid{editor}]);
    is($res->code, 422, 'missing fields, someone who does not work the queue: 422');
    my $e = tka_errors($doc);
    is($e->{slug}, 'tickets.admin.required', 'slug required');
    is($e->{name}, 'tickets.admin.required', 'name required');
    is($e->{members}, 'tickets.admin.choice', 'not one of the people offered');
    is($e->{lead}, 'tickets.admin.choice', 'nor as lead');
    is(sql_value('SELECT COUNT(*) FROM ticket_groups'), $count, 'nothing written');
};

subtest 'edit, keep active, delete' => sub {
    my $gid = tka_group_id("$p-field");
    my ($doc, $res) = tka_post($admin, "/tickets/admin/groups/$gid", [slug => "$p-field", name => "Field service $p",
        members => $uid{agent}, lead => $uid{agent}]);
    is($res->code, 422, 'deactivating a group that an active service uses: 422');
    is(tka_errors($doc)->{active}, 'tickets.admin.group.active-services', 'at active');

    (undef, $res) = tka_post($admin, "/tickets/admin/groups/$gid", [slug => "$p-field", name => "Field team $p",
        active => 1, members => $uid{agent}, members => $uid{admin}, lead => $uid{agent}]);
    is($res->code, 303, 'edited: 303');
    is(members($gid), join(',', map { $_ == $uid{agent} ? "$_*" : $_ } sort { $a <=> $b } @uid{qw(admin agent)}),
        'members and lead replaced');
    my @a = tka_audit('ticket_group.update', 'ticket_group', $gid);
    is(scalar @a, 1, 'audited');
    like($a[0]{before}, qr/"name":"Field service \Q$p\E"/, 'before');
    like($a[0]{after}, qr/"name":"Field team \Q$p\E"/, 'after');

    ($doc, $res) = tka_post($admin, "/tickets/admin/groups/$gid/delete", []);
    is($res->code, 422, 'a group services and tickets name: 422');
    is(xp($doc, "/page/messages/message[\@kind='error']/\@key"), 'tickets.admin.group.in-use', 'says why');
    ok(tka_group_id("$p-field"), 'still there');

    my $unused = tka_group($admin, 'spare', members => [$uid{agent}]);
    (undef, $res) = tka_post($admin, "/tickets/admin/groups/$unused/delete", []);
    is($res->code, 303, 'an unused group: 303');
    ok(!tka_group_id("$p-spare"), 'deleted');
    is(sql_value("SELECT COUNT(*) FROM ticket_group_members WHERE group_id = $unused"), 0, 'with its members');
    is(scalar(tka_audit('ticket_group.delete', 'ticket_group', $unused)), 1, 'audited');
};

subtest 'the priority matrix' => sub {
    my ($doc, $res) = $admin->get_xml('/tickets/admin/priorities');
    is($res->code, 200, '200');
    my %now = map { $_ => xp($doc, "/page/form[\@name='matrix']/field[\@name='p-$_']") } @CELLS;
    is($now{'2-2'}, sql_value('SELECT priority FROM ticket_priority_matrix WHERE impact = 2 AND urgency = 2'),
        'the form shows the matrix');

    my %new = (%now, '2-2' => 1, '3-3' => 9, '1-1' => '');
    ($doc, $res) = tka_post($admin, '/tickets/admin/priorities', [map { ("p-$_" => $new{$_}) } @CELLS]);
    is($res->code, 422, 'P9 and an empty cell: 422');
    my $e = tka_errors($doc);
    is($e->{'p-3-3'}, 'tickets.admin.choice', 'at the cell');
    is($e->{'p-1-1'}, 'tickets.admin.choose.required', 'at the empty one');
    is(xp($doc, "/page/form[\@name='matrix']/field[\@name='p-2-2']"), '1', 'values kept');
    is(sql_value('SELECT priority FROM ticket_priority_matrix WHERE impact = 2 AND urgency = 2'), $now{'2-2'},
        'nothing written');

    my $audits = scalar tka_audit('ticket_priority_matrix.update', 'ticket_priority_matrix');
    %new = (%now, '2-2' => 1);
    (undef, $res) = tka_post($admin, '/tickets/admin/priorities', [map { ("p-$_" => $new{$_}) } @CELLS]);
    is($res->code, 303, 'saved: 303');
    is(location_path($res), '/tickets/admin/priorities?saved=1', 'back to the matrix');
    is(sql_value('SELECT priority FROM ticket_priority_matrix WHERE impact = 2 AND urgency = 2'), 1, 'the cell');
    my @a = tka_audit('ticket_priority_matrix.update', 'ticket_priority_matrix');
    is(scalar @a, $audits + 1, 'audited');
    like($a[-1]{before}, qr/"2-2":$now{'2-2'}/, 'before');
    like($a[-1]{after}, qr/"2-2":1/, 'after');

    my $sid = tka_service($admin, 'urgent', impact => 2, urgency => 2);
    my $number = tk_raise($carl, "$p-urgent", [subject => 'Now', description => 'Please']);
    is(ticket_row($number)->{priority}, 1, 'the next ticket: P1 from the matrix');

    (undef, $res) = tka_post($admin, '/tickets/admin/priorities', [map { ("p-$_" => $new{$_}) } @CELLS]);
    is($res->code, 303, 'saved unchanged: 303');
    is(scalar(tka_audit('ticket_priority_matrix.update', 'ticket_priority_matrix')), $audits + 1,
        'nothing changed, nothing audited');
};

done_testing;
