# Customer onboarding end to end through portico-flowd: the provider
# creates a customer org naming its admin; the process invites them (an
# invited user of the org with the role customer_admin, the invitation mail
# from the provider in the org's language, its audit row by nobody in
# person) and waits; the admin accepts the link, and the welcome mail
# follows; 7 days later (the timer made due) a check-in task is offered to
# the provider's managers and agents, whom the inbox shows it to, while
# the new admin finds no such task; completing it ends the onboarding.
# An invitation not accepted while its link is valid (7 days, the timer
# made due) becomes a follow-up task for the managers alone.  An org
# created without an admin goes straight to the week and the check-in.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Portico::Test;
use Portico::Provider;
use Portico::ProcessCases;
use Portico::Mail ();

plan skip_all => 'needs portico-flowd' unless flowd_built();

my $KEY = 'customer-onboarding';
my ($admin, $manager, $agent) = map { login_as("$_\@portico.example") } qw(admin manager agent);
my ($provider, $provider_name) = @{ sql_rows("SELECT id, name FROM orgs WHERE kind = 'provider' ORDER BY id LIMIT 1")->[0] };

sub create_org {
    my (%f) = @_;
    my %form = (kind => 'customer', currency => 'EUR', language => 'en', %f);
    my $res = $admin->post('/auth/admin/orgs/new', [csrf => $admin->csrf, %form]);
    my $id = sql_value('SELECT id FROM orgs WHERE name = ' . sql_quote(encode_utf8($f{name})));
    track(org => $id) if defined $id;
    return ($res, $id);
}

# The check-in task once the week is over: its row as a hash.
sub check_in_after_week {
    my ($i) = @_;
    return undef unless flow_fire($i->{id}, 'week');
    my $t;
    wait_until(20, sub {
        $t = sql_rows("SELECT id, org_id, candidate_roles, state, due_at FROM flow_tasks WHERE instance_id = $i->{id}"
            . " AND element_id = 'check_in'")->[0];
    });
    return $t ? { id => $t->[0], org_id => $t->[1], roles => $t->[2], state => $t->[3], due_at => $t->[4] } : undef;
}

subtest 'invited, accepted, welcomed, checked in with by staff only' => sub {
    my $name = unique_tag('Newcomer GmbH');
    my $email = lc(unique_tag('chef')) . '@newcomer.example';
    my ($res, $org) = create_org(name => $name, language => 'de', admin_name => 'Clara Chef',
        admin_email => $email);
    is($res->code, 303, 'the org is created');
    my $i;
    ok(wait_until(20, sub { $i = flow_instance($KEY, $org) }), 'its onboarding runs') or return;
    is($i->{org_id}, $org, "as the org's");

    my $u;
    ok(wait_until(20, sub { $u = sql_rows('SELECT id, org_id, name, status FROM users WHERE email = '
        . sql_quote($email))->[0] }), 'the admin is invited') or return;
    track(user => $u->[0]);
    is_deeply([@$u[1 .. 3]], [$org, 'Clara Chef', 'invited'], 'as an invited person of the org');
    is_deeply([map { $_->[0] } @{ sql_rows("SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id"
        . " WHERE ur.user_id = $u->[0]") }], ['customer_admin'], 'the org\'s admin');
    my $a = sql_rows("SELECT user_id, org_id FROM audit_log WHERE action = 'user.invite' AND object_type = 'user'"
        . " AND object_id = '$u->[0]'")->[0];
    ok($a && !defined $a->[0] && $a->[1] == $org, 'audited, by nobody in person, in the org');
    my $mail = Portico::Mail::wait_for(to => $email, subject => qr/Einladung/);
    ok($mail, 'the invitation mail, in the org\'s language') or return;
    like($mail->{text}, qr/\Q$provider_name\E/, 'from the provider');
    my ($link) = (Portico::Mail::link_in($mail, qr{/auth/invite\?token=}) // '') =~ m{(/auth/invite\?token=[0-9a-f]{64})};
    ok($link, 'with its link') or return;
    is_deeply(flow_tokens($i->{id}), ['accepted'], 'the process waits for the acceptance');

    # Someone else of the org accepting an invitation is not the admin's acceptance.
    my $other = lc(unique_tag('colleague')) . '@newcomer.example';
    my $role = sql_value("SELECT id FROM roles WHERE name = 'customer_user'");
    $res = $admin->post('/auth/admin/users/new', [csrf => $admin->csrf, org => $org, email => $other,
        name => 'Carla Colleague', role => $role]);
    is($res->code, 303, 'the provider invites a colleague too');
    track(user => sql_value('SELECT id FROM users WHERE email = ' . sql_quote($other)));
    my $om = Portico::Mail::wait_for(to => $other, subject => qr/Einladung/);
    my ($olink) = (Portico::Mail::link_in($om, qr{/auth/invite\?token=}) // '') =~ m{(/auth/invite\?token=[0-9a-f]{64})};
    ok($olink, 'with a link of their own') or return;
    my $oc = Portico::Test->client;
    $oc->get($olink);
    my $pw = 'onboarding rocks 2026';
    $res = $oc->post('/auth/invite', [token => substr($olink, length('/auth/invite?token=')), password => $pw,
        password2 => $pw, csrf => $oc->csrf]);
    is($res->code, 303, 'the colleague accepts');
    is(scalar(grep { ($_->{message} // '') eq 'user.invitation_accepted' } flow_commands($org)), 0,
        'which tells the onboarding nothing');
    is_deeply(flow_tokens($i->{id}), ['accepted'], 'it still waits for its admin');

    my $c = Portico::Test->client;
    is($c->get($link)->code, 200, 'the admin opens the link');
    $res = $c->post('/auth/invite', [token => substr($link, length('/auth/invite?token=')), password => $pw,
        password2 => $pw, csrf => $c->csrf]);
    is($res->code, 303, 'and accepts');
    my $welcome = Portico::Mail::wait_for(to => $email, subject => qr/Willkommen im .*-Portal, \Q$name\E/);
    ok($welcome, 'the welcome mail follows, in German') or return;
    like($welcome->{text}, qr{/auth/users}, 'with the way to invite colleagues');
    ok(wait_until(20, sub { join(',', @{ flow_tokens($i->{id}) }) eq 'week' }), 'then a week passes') or return;
    is(flow_vars($i->{id})->{admin_user_id}, $u->[0], 'knowing who accepted');

    my $t = check_in_after_week($i);
    ok($t, '7 days later: the check-in task') or return;
    is($t->{org_id}, $provider, "in the provider's org");
    is($t->{roles}, 'manager agent', 'for managers and agents');
    ok(defined $t->{due_at}, 'with a due');
    is_deeply([sort map { $_->[0] } @{ sql_rows("SELECT r.name FROM flow_task_candidates c JOIN roles r ON r.id = c.role_id"
        . " WHERE c.task_id = $t->{id} AND c.org_id = $provider") }], [qw(agent manager)], 'offered to both roles');
    for my $staff ([manager => $manager], [agent => $agent]) {
        my ($doc) = $staff->[1]->get_xml('/tasks/');
        is(xp($doc, "/page/tasks/task[\@id=$t->{id}]/key"), $org, "the $staff->[0]'s inbox shows it");
    }
    my ($doc, $r) = $c->get_xml('/tasks/');
    is($r->code, 200, 'the new admin has an inbox');
    is(xp_count($doc, "/page/tasks/task[\@id=$t->{id}]"), 0, 'without the check-in');
    is($c->get("/tasks/$t->{id}")->code, 404, 'and cannot open it');

    $r = $manager->post("/tasks/$t->{id}/complete", [csrf => $manager->csrf, 'f-reached' => 'yes',
        'f-notes' => 'All fine.']);
    is($r->code, 303, 'the manager completes it');
    my $done = wait_flow_ended($KEY, $org);
    is($done && $done->{state}, 'completed', 'the onboarding completes');
    is($done && $done->{end_element}, 'onboarded', 'as onboarded');
    is(scalar(grep { defined $_->{failed_at} } flow_commands($org)), 0, 'no command of it failed');
};

subtest 'not accepted in 7 days: the managers follow it up' => sub {
    my $email = lc(unique_tag('late')) . '@newcomer.example';
    my ($res, $org) = create_org(name => unique_tag('Slow Newcomer'), admin_name => 'Lars Late',
        admin_email => $email);
    my $i;
    ok(wait_until(20, sub { $i = flow_instance($KEY, $org) }), 'its onboarding runs') or return;
    my $u;
    ok(wait_until(20, sub { $u = sql_value('SELECT id FROM users WHERE email = ' . sql_quote($email)) }),
        'the admin is invited') or return;
    track(user => $u);
    ok(wait_until(20, sub { join(',', @{ flow_tokens($i->{id}) }) eq 'accepted' }), 'and awaited') or return;
    ok(flow_fire($i->{id}, 'not_accepted'), 'the link expires unused') or return;
    my $t;
    ok(wait_until(20, sub { $t = sql_rows("SELECT id, org_id, candidate_roles FROM flow_tasks"
        . " WHERE instance_id = $i->{id} AND element_id = 'follow_up' AND state = 'open'")->[0] }),
        'a follow-up task') or return;
    is_deeply([@$t[1, 2]], [$provider, 'manager'], "for the provider's managers");
    my ($doc) = $manager->get_xml('/tasks/');
    is(xp($doc, "/page/tasks/task[\@id=$t->[0]]/key"), $org, "in the manager's inbox");
    ($doc) = $agent->get_xml('/tasks/');
    is(xp_count($doc, "/page/tasks/task[\@id=$t->[0]]"), 0, "not in the agent's");
    ok(!flow_passed($i->{id}, 'welcome'), 'nobody welcomed');
};

subtest 'without an admin: straight to the week' => sub {
    my ($res, $org) = create_org(name => unique_tag('Quiet Newcomer'));
    is($res->code, 303, 'created');
    my $i;
    ok(wait_until(20, sub { $i = flow_instance($KEY, $org) }), 'its onboarding runs') or return;
    ok(wait_until(20, sub { join(',', @{ flow_tokens($i->{id}) }) eq 'week' }), 'waiting for the week');
    ok(!flow_passed($i->{id}, 'invite'), 'nobody invited');
    is(sql_value("SELECT COUNT(*) FROM users WHERE org_id = $org"), 0, 'nobody made');
    ok(check_in_after_week($i), 'the check-in follows');
};

done_testing;
