# The lists an agent's ticket page offers (the agents to assign to with
# their groups, the active groups, the canned responses) change rarely, so
# each tickets process keeps them (kept.c) and the page reads them with
# no statement of its own.  They are never shown stale: after a change
# through the pages (a canned response written, changed and deleted; a
# group made, renamed, given a member and deactivated; an agent who
# renames themselves on their account page, in another worker) and after
# one in SQL with the counter raised (an agent deactivated), every next
# page shows it, whichever process answers.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::TicketsAdmin qw(tka_post tka_group_id tka_prefix);
use Portico::Provider qw(make_user login_as);
use Portico::KB qw(statements_for);

my $tag = unique_tag('kept');
my $carl = tk_client('carl@acme.example');
my $agent = tk_client('agent@portico.example');
my $admin = tk_client('admin@portico.example');
my $agent_id = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");
my $n = tk_raise($carl, 'other-question', [subject => "Kept lists $tag", description => 'Hello']);
my $path = "/tickets/$n";
END { sql("DELETE FROM ticket_canned WHERE name LIKE '%$tag'") if $tag }

# Six pages in a row (both processes answer some), each checked by $check.
sub every_page {
    my ($check, $name) = @_;
    my @bad;
    for my $i (1 .. 6) {
        my ($doc, $res) = $agent->get_xml($path);
        push @bad, $i unless $res->code == 200 && $check->($doc);
    }
    ok(!@bad, $name) or diag("not on pages @bad");
}

sub canned_text {
    my ($doc, $name) = @_;
    return xp($doc, "/page/ticket/agent/canned/response[\@name='$name']") // '';
}

every_page(sub { xp_count($_[0], '/page/ticket/agent/agents/person') >= 1 }, 'the lists are kept by every process');
cmp_ok(statements_for($agent, $path), '<=', 3,
    'kept: the page runs the ticket\'s, the lists\' and the visit\'s statements, none for the kept lists');

subtest 'canned responses' => sub {
    my $name = "Greeting $tag";
    my (undef, $res) = tk_post($agent, '/tickets/canned/new', [name => $name, lang => 'en',
        body => 'First text for {requester.name}']);
    is($res->code, 303, 'written');
    my $id = sql_value('SELECT id FROM ticket_canned WHERE name = ' . sql_quote($name));
    every_page(sub { canned_text($_[0], $name) eq 'First text for Carl Customer' }, 'on the next pages');
    (undef, $res) = tk_post($agent, "/tickets/canned/$id", [name => $name, lang => 'en', body => 'Second text']);
    is($res->code, 303, 'changed');
    every_page(sub { canned_text($_[0], $name) eq 'Second text' }, 'the change on the next pages');
    (undef, $res) = tk_post($agent, "/tickets/canned/$id/delete", [confirm => 1]);
    is($res->code, 303, 'deleted');
    every_page(sub { canned_text($_[0], $name) eq '' }, 'gone from the next pages');
};

subtest 'groups' => sub {
    my $slug = tka_prefix() . '-kept';	# removed at the end, whatever happens
    my (undef, $res) = tka_post($admin, '/tickets/admin/groups/new', [slug => $slug, name => "Desk $tag",
        active => 1]);
    is($res->code, 303, 'made');
    my $gid = tka_group_id($slug);
    my $group = sub { xp($_[0], "/page/ticket/agent/groups/group[\@id='$gid']") // '' };
    every_page(sub { $group->($_[0]) eq "Desk $tag" }, 'on the next pages');
    (undef, $res) = tka_post($admin, "/tickets/admin/groups/$gid", [slug => $slug, name => "Team $tag",
        active => 1, members => $agent_id, lead => $agent_id]);
    is($res->code, 303, 'renamed, the agent a member');
    every_page(sub {
        $group->($_[0]) eq "Team $tag"
            && (' ' . xp($_[0], "/page/ticket/agent/agents/person[\@id='$agent_id']/\@groups") . ' ') =~ / $gid /
    }, 'the name and the agent\'s groups on the next pages');
    (undef, $res) = tka_post($admin, "/tickets/admin/groups/$gid", [slug => $slug, name => "Team $tag",
        members => $agent_id, lead => $agent_id]);
    is($res->code, 303, 'deactivated');
    every_page(sub { $group->($_[0]) eq '' }, 'gone from the next pages');
    (undef, $res) = tka_post($admin, "/tickets/admin/groups/$gid/delete", []);
    is($res->code, 303, 'deleted');
};

subtest 'agents' => sub {
    my $email = "$tag-agent\@portico.example";
    my $id = make_user(org_id => 1, email => $email, name => "New Agent $tag", roles => ['agent']);
    my $person = sub { xp($_[0], "/page/ticket/agent/agents/person[\@id='$id']") // '' };
    every_page(sub { $person->($_[0]) eq "New Agent $tag" }, 'a new agent (SQL, counter raised) on the next pages');
    my $c = login_as($email);
    my $csrf = csrf_of(scalar $c->get_xml('/auth/account'));
    my $res = $c->post('/auth/account/profile', [csrf => $csrf, name => "Renamed Agent $tag", phone => '',
        language => 'en', time_zone => 'UTC']);
    is($res->code, 303, 'the agent renames themselves on their account page (the auth worker)');
    every_page(sub { $person->($_[0]) eq "Renamed Agent $tag" }, 'the new name on the next pages');
    sql("UPDATE users SET status = 'inactive' WHERE id = $id");
    every_page(sub { $person->($_[0]) eq '' }, 'deactivated in SQL (counter raised): gone from the next pages');
};

done_testing;
