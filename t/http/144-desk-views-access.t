# The agent desk (/tickets/desk) and who opens it: every view answers an
# agent 200 with that view; a customer, a KB editor (no tickets.work) and
# a customer whose role lists tickets.work by mistake (it counts only for
# the provider's people) get 403; an anonymous visitor is sent to sign in.
# Without ?view an agent gets "mine", or "unassigned" while nothing is
# theirs; a view the desk does not know is that default too.  The
# navigation offers the desk, and the old queue stays as "all tickets".
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Provider qw(make_role);
use Portico::Desk;

my @VIEWS = qw(mine unassigned groups breaching pending all);
my $w = desk_world();
my $agent = tk_client('agent@portico.example');
my $dora = tk_client($w->{agent_email});

subtest 'an agent opens every view' => sub {
    for my $v (@VIEWS) {
        my ($doc, $res) = $agent->get_xml("/tickets/desk?view=$v");
        is($res->code, 200, "$v: 200");
        is(xp($doc, '/page/@view'), 'desk', "$v: the desk");
        is(xp($doc, '/page/desk/@view'), $v, "$v: that view");
        is(xp($doc, '/page/desk/views/view[@current]/@name'), $v, "$v: its tab is the current one");
        is(xp_count($doc, '/page/desk/views/view'), 6, "$v: six tabs");
    }
    my ($html) = $agent->get('/tickets/desk?view=breaching')->decoded_content;
    ok($html =~ m{<h1>Agent desk</h1>}, 'HTML: the heading');
    ok($html =~ m{<a href="/tickets/desk\?view=breaching" aria-current="page">Breaching <span},
        'HTML: the current tab is marked for screen readers');
};

subtest 'in German' => sub {
    sql("UPDATE users SET language = 'de' WHERE id = $w->{colleague}");
    my $de = tk_client($w->{colleague_email});
    my $html = $de->get('/tickets/desk?view=pending')->decoded_content;
    ok($html =~ m{<h1>Arbeitsplatz</h1>}, 'the heading');
    ok($html =~ m{aria-current="page">Wartend <span}, 'the tab');
};

subtest 'the default view' => sub {
    my ($doc) = $dora->get_xml('/tickets/desk');
    is(xp($doc, '/page/desk/@view'), 'unassigned', 'nothing is hers: unassigned');
    is(xp($doc, '/page/desk/@default'), '1', 'said to be the default');
    my $n = desk_ticket($w, status => 'open', assignee => $w->{agent}, group => $w->{group});
    ($doc) = $dora->get_xml('/tickets/desk');
    is(xp($doc, '/page/desk/@view'), 'mine', 'with a ticket of hers: mine');
    is(xp($doc, '/page/desk/ticket/@number'), $n, 'which lists it');
    ($doc) = $dora->get_xml('/tickets/desk?view=everything');
    is(xp($doc, '/page/desk/@view'), 'mine', 'an unknown view: the default');
};

subtest 'customers, other staff and anonymous visitors' => sub {
    is(tk_client('carl@acme.example')->get('/tickets/desk')->code, 403, 'a customer: 403');
    is(tk_client('anna.admin@acme.example')->get('/tickets/desk?view=all')->code, 403,
        'a customer admin: 403');
    is(tk_client('editor@portico.example')->get('/tickets/desk?view=mine')->code, 403,
        'a KB editor without tickets.work: 403');
    my $anon = tk_client(undef)->get('/tickets/desk?view=unassigned');
    is($anon->code, 303, 'anonymous: redirected');
    like(location_path($anon), qr{^/auth/login}, 'to the login');

    my $role = make_role(org_kind => 'customer', home => 'customer');
    sql("INSERT INTO role_permissions (role_id, permission_id) SELECT $role, id FROM permissions"
        . " WHERE name = 'tickets.work'");
    sql("INSERT INTO user_roles (user_id, role_id) VALUES ($w->{requester}, $role)");
    my $rita = tk_client($w->{requester_email});
    is($rita->get("/tickets/desk?view=$_")->code, 403, "a customer with tickets.work in a role: $_ 403")
        for @VIEWS;
};

subtest 'the navigation offers the desk' => sub {
    my ($doc) = $agent->get_xml('/');
    is(xp($doc, "/page/nav/section[\@name='tickets']/\@href"), '/tickets/desk', 'the tickets section opens it');
    is(xp($doc, "/page/start/area[\@key='nav.tickets.desk']/\@href"), '/tickets/desk', 'a start page area');
    is(xp_count($doc, "/page/nav/section[\@name='tickets']/link[\@href='/tickets/queue']"), 1,
        'all tickets (the queue) stays in the section');
    ($doc) = $agent->get_xml('/tickets/queue');
    is(xp($doc, '/page/tickets/@scope'), 'all', 'and still answers');
    my $html = $agent->get('/tickets/' . demo_ticket(1))->decoded_content;
    ok($html =~ m{<a href="/tickets/desk">Agent desk</a>}, 'the ticket page leads back to the desk');
};

done_testing;
