# The start page's desk box: an agent (tickets.work) sees how many tickets
# are theirs, unassigned in their groups and breaching their service
# level, the same numbers as the desk's tabs, each linking to that view.
# The page is still kept per persona: two agents of one persona each get
# their own counts from the kept page, and a count moves with the tickets
# at once.  It costs an agent one statement more and nobody else any; a
# customer, a KB editor and a customer with tickets.work in a role by
# mistake get no box.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Provider qw(make_role);
use Portico::Desk;
use Portico::KB qw(statements_for);

my $w = desk_world();
my ($A, $B, $G) = @$w{qw(agent colleague group)};
desk_ticket($w, status => 'open', assignee => $A, group => $G, due_min => -30);
desk_ticket($w, status => 'pending', reason => 'customer', assignee => $A, group => $G);
desk_ticket($w, status => 'closed', assignee => $A, group => $G);
desk_ticket($w, status => 'open', assignee => $B, group => $G, due_min => 600);
# Each signs in twice, so both pages say when they last did: one persona.
tk_client($_) for $w->{agent_email}, $w->{colleague_email};
my $dora = tk_client($w->{agent_email});
my $colin = tk_client($w->{colleague_email});

sub cache_of { return $_[0]->header('X-Portico-Cache') // 'none' }

sub kept_files_have {
    my ($needle) = @_;
    for my $f (glob(File::Spec->catfile(var_dir(), 'cache', 'auth', '*.page'))) {
        open(my $fh, '<:raw', $f) or next;
        my $data = do { local $/; <$fh> };
        return 1 if index($data, $needle) >= 0;
    }
    return 0;
}

# The box's counts in the page XML, by view.
sub box {
    my ($c) = @_;
    my ($doc, $res) = $c->get_xml('/');
    die '/: ' . $res->code unless $res->code == 200;
    return { map { $_->getAttribute('name') => $_->getAttribute('count') } $doc->findnodes('/page/start/desk/view') };
}

# The desk's tab counts, by view ("99+" at the cap, as the box says it).
sub tabs {
    my ($c) = @_;
    my ($doc) = $c->get_xml('/tickets/desk');
    return { map { $_->getAttribute('name') => $_->getAttribute('count') . ($_->getAttribute('more') ? '+' : '') }
        $doc->findnodes('/page/desk/views/view') };
}

# The box's counts in the HTML, by view, and whether the page was kept.
sub html_box {
    my ($c) = @_;
    my $res = $c->get('/');
    my %n = $res->decoded_content =~ m{<a href="/tickets/desk\?view=(\w+)"><span class="desk-count">([^<]*)</span>}g;
    return (\%n, cache_of($res));
}

subtest 'an agent\'s counts, the same as the desk\'s' => sub {
    my $box = box($dora);
    is($box->{mine}, 2, 'mine: her open and pending ones, not the closed one');
    is_deeply([sort keys %$box], [qw(breaching mine unassigned)], 'three counts');
    my $tabs = tabs($dora);
    is($box->{$_}, $tabs->{$_}, "$_: as the desk's tab") for qw(mine unassigned breaching);
    my $alex = tk_client('agent@portico.example');
    my $abox = box($alex);
    my $atabs = tabs($alex);
    is($abox->{$_}, $atabs->{$_}, "Alex's $_: as his tab") for qw(mine unassigned breaching);
    is($abox->{mine}, sql_value("SELECT LEAST(COUNT(*), 100) FROM tickets WHERE assignee_id = 3"
        . " AND status IN ('new', 'open', 'pending')") =~ s/^100$/99+/r, 'Alex\'s own, from the database');
};

subtest 'the links and words' => sub {
    my $html = $dora->get('/')->decoded_content;
    ok($html =~ m{<h2 id="desk-title"><a href="/tickets/desk">Your desk</a></h2>}, 'the heading leads to the desk');
    ok($html =~ m{<a href="/tickets/desk\?view=mine"><span class="desk-count">2</span> ?<span class="desk-count-label">assigned to you</span></a>},
        'mine, with its count, in words');
    ok($html =~ m{href="/tickets/desk\?view=unassigned"}, 'unassigned');
    ok($html =~ m{href="/tickets/desk\?view=breaching"}, 'breaching');
    sql("UPDATE users SET language = 'de' WHERE id = $B");
    my $de = tk_client($w->{colleague_email});
    ok($de->get('/')->decoded_content =~ m{Ihr Arbeitsplatz.*Ihnen zugewiesen}s, 'in German');
    sql("UPDATE users SET language = 'en' WHERE id = $B");
};

# The box of a page that came from the kept copy (development mode may
# outdate it once when a process loads a stylesheet; a test's SQL does).
sub kept_box {
    my ($c) = @_;
    for (1 .. 6) {
        my ($box, $cache) = html_box($c);
        return $box if $cache eq 'hit';
    }
    return undef;
}

subtest 'kept per persona, counted per person, at once' => sub {
    ok(kept_box($dora), 'the start page is kept');
    my ($c, $cc) = html_box($colin);
    is($cc, 'hit', 'Colin, of the same persona, gets the page Dora\'s request kept');
    is($c->{mine}, 1, 'with his own count');
    is(kept_box($dora)->{mine}, 2, 'Dora with hers');
    desk_ticket($w, status => 'new', assignee => $A, group => $G);
    my $d = kept_box($dora);
    is($d->{mine}, 3, 'a new ticket of hers counts at once on the kept page');
    ok(!kept_files_have('<span class="desk-count">3</span>') && !kept_files_have('<span class="desk-count">1</span>'),
        'no one\'s count in the kept files: they hold placeholders');
};

subtest 'one statement more, for agents only' => sub {
    my $editor = tk_client('editor@portico.example');
    my $carl = tk_client('carl@acme.example');
    my $s_editor = statements_for($editor, '/');
    my $s_carl = statements_for($carl, '/');
    my $s_dora = statements_for($dora, '/');
    cmp_ok($s_dora, '<=', $s_editor + 1, "an agent: at most one more than staff without tickets.work ($s_dora, $s_editor)");
    cmp_ok($s_carl, '<=', $s_editor, "a customer: none more ($s_carl)");
};

subtest 'nobody else gets the box' => sub {
    for my $who ('carl@acme.example', 'anna.admin@acme.example', 'editor@portico.example') {
        my ($doc) = tk_client($who)->get_xml('/');
        is(xp_count($doc, '/page/start/desk'), 0, "$who: no box");
    }
    my $role = make_role(org_kind => 'customer', home => 'customer');
    sql("INSERT INTO role_permissions (role_id, permission_id) SELECT $role, id FROM permissions"
        . " WHERE name = 'tickets.work'");
    sql("INSERT INTO user_roles (user_id, role_id) VALUES ($w->{requester}, $role)");
    my ($doc) = tk_client($w->{requester_email})->get_xml('/');
    is(xp_count($doc, '/page/start/desk'), 0, 'a customer with tickets.work in a role: no box');
};

done_testing;
