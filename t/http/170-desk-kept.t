# An agent's desk is kept for them alone (cgi-bin-src/tickets/personal.c,
# tk_personal_desk): the same view, filters and page asked again is sent
# from the kept copy (X-Portico-Cache: hit) for one statement, and any
# change to a ticket, whoever makes it (a customer raising or answering
# one, another agent assigning, answering or changing it in bulk, SQL),
# shows on the very next desk.  So does what changes with time alone: a
# deadline that passes, a warning reached (the row's mark and the
# breaching tab), "just now" that turns "1 minute ago".  Another agent
# never gets someone's kept desk, and a desk with a message, in XML or
# with a parameter the desk does not read is never kept.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Desk;
use Portico::KB qw(statements_for);

sub cache_of { return $_[0]->header('X-Portico-Cache') // 'none' }

# The <tr> of ticket number on a desk page's HTML ('' when it is not there).
sub row_of {
    my ($html, $number) = @_;
    for my $tr ($html =~ m{(<tr>.*?</tr>)}gs) {
        return $tr if index($tr, qq{value="$number"}) >= 0;
    }
    return '';
}

# The tabs' counts on a desk page's HTML, by view ("99+" at the cap).
sub tabs_of {
    my ($html) = @_;
    my %n = $html =~ m{href="/tickets/desk\?view=(\w+)"[^>]*>[^<]*<span class="count-pill">(\d+\+?)</span>}g;
    return \%n;
}

# What the breaching tab should say now: tickets being worked on at or past their warning.
sub breaching_now {
    my $n = sql_value("SELECT COUNT(*) FROM tickets WHERE desk_active = 1 AND sla_warn_at <= UTC_TIMESTAMP(6)");
    return $n >= 100 ? '99+' : $n;
}

my $w = desk_world();
my ($G, $dora_id, $colin_id) = @$w{qw(group agent colleague)};
my $tag = lc $w->{tag};
$tag =~ s/[^a-z0-9]//g;
my $dora  = tk_client($w->{agent_email});
my $colin = tk_client($w->{colleague_email});
my $alex  = tk_client('agent@portico.example');
my $carl  = tk_client('carl@acme.example');

# Colin's name, changed on his account page; the answer's status.
sub rename_colin {
    my ($name) = @_;
    my $csrf = csrf_of(scalar $colin->get_xml('/auth/account'));
    return $colin->post('/auth/account/profile', [name => $name, phone => '', language => 'en',
        time_zone => 'Europe/Berlin', csrf => $csrf])->code;
}

my $unassigned = "/tickets/desk?view=unassigned&q=$tag";
my $all = "/tickets/desk?view=all&q=$tag";
my $n = desk_ticket($w, group => $G, subject => "Kept desk $tag first", due_min => 600);

subtest 'kept for the agent, for one statement' => sub {
    my $first = $dora->get($unassigned);
    is($first->code, 200, 'the desk');
    is(cache_of($first), 'miss', 'built and kept');
    my $again = $dora->get($unassigned);
    is(cache_of($again), 'hit', 'asked again: the kept desk');
    like(row_of($again->decoded_content, $n), qr/Kept desk \Q$tag\E first/, 'with the ticket on it');
    like($again->decoded_content, qr/Dora Desk/, 'and the agent\'s own name');
    is(statements_for($dora, $unassigned), 1, 'one statement (the session and its counter kept)');
    my @s = executed_statements($dora, $unassigned);
    ok((grep { /MAX\(t\.updated_at\)/ } @s), 'the stamp') or diag join("\n", @s);
    is(scalar(grep { /desk_active/ } @s), 0, 'nothing of the built desk: no count, no page');
    is(cache_of($dora->get("$unassigned&page=2")), 'miss', 'another page: an entry of its own');
    is(cache_of($dora->get("$unassigned&page=2")), 'hit', 'kept in turn');
};

subtest 'any change to a ticket shows on the next desk, whoever made it' => sub {
    $dora->get($all) for 1 .. 2;
    is(cache_of($dora->get($all)), 'hit', 'all tickets with the tag: kept');
    my $r = tk_raise($carl, 'other-question', [subject => "Kept desk $tag raised", description => 'Help']);
    my $page = $dora->get($all);
    isnt(cache_of($page), 'hit', 'a customer raises a ticket: not the kept desk');
    ok(row_of($page->decoded_content, $r), 'the new ticket is on it');

    is(cache_of($dora->get($unassigned)), 'miss', 'the unassigned view, kept again');
    is(cache_of($dora->get($unassigned)), 'hit', '... and used');
    my ($doc, $res) = tk_post($colin, "/tickets/$n/assign", [group => $G, assignee => $colin_id]);
    is($res->code, 303, 'another agent assigns the ticket to himself');
    $page = $dora->get($unassigned);
    isnt(cache_of($page), 'hit', 'the next desk is built anew');
    is(row_of($page->decoded_content, $n), '', 'and the ticket is no longer unassigned');
    my $groups = $dora->get("/tickets/desk?view=groups&q=$tag")->decoded_content;
    like(row_of($groups, $n), qr/Colin Colleague/, 'it is his in the group\'s view');

    $dora->get($all) for 1 .. 2;
    is(cache_of($dora->get($all)), 'hit', 'kept');
    my $before = sql_value("SELECT DATE_FORMAT(sla_due_at, '%Y-%m-%dT%H:%i:%sZ') FROM tickets WHERE number = '$r'");
    ($doc, $res) = tk_post($alex, "/tickets/$r/reply", [body => 'We are on it.']);
    is($res->code, 303, 'another agent answers the raised ticket');
    my $due = sql_value("SELECT DATE_FORMAT(sla_due_at, '%Y-%m-%dT%H:%i:%sZ') FROM tickets WHERE number = '$r'");
    isnt($due // '', $before // '', 'which answers its first response: the next due is another');
    $page = $dora->get($all);
    isnt(cache_of($page), 'hit', 'not the kept desk');
    if (defined $due) {
        like(row_of($page->decoded_content, $r), qr/<td class="tk-due"><time datetime="\Q$due\E"/,
            'the desk shows the new due');
    } else {
        like(row_of($page->decoded_content, $r), qr/<td class="tk-due"><span class="tk-none">/,
            'the desk shows no due');
    }

    $dora->get($all) for 1 .. 2;
    ($doc, $res) = tk_post($carl, "/tickets/$r/reply", [body => 'Thanks, one more detail.']);
    is($res->code, 303, 'the customer answers');
    isnt(cache_of($dora->get($all)), 'hit', 'the next desk is built anew');

    $dora->get($all) for 1 .. 2;
    ($doc, $res) = tk_post($alex, "$all&page=1", [ticket => $n, ticket => $r, action => 'priority',
        'bulk-priority' => 1]);
    is($res->code, 303, 'another agent sets the priority of both in bulk');
    $page = $dora->get($all);
    isnt(cache_of($page), 'hit', 'not the kept desk');
    like(row_of($page->decoded_content, $_), qr/tk-priority-1/, "$_ shows P1") for $n, $r;

    $dora->get($all) for 1 .. 2;
    set_ticket($n, subject => "'Kept desk $tag renamed'", updated_at => 'UTC_TIMESTAMP(6)');
    like(row_of($dora->get($all)->decoded_content, $n), qr/Kept desk \Q$tag\E renamed/,
        'a change made in SQL shows at once');

    $dora->get($all) for 1 .. 2;
    is(rename_colin('Colin Renamed'), 303, 'the assignee renames himself on his account page');
    my $renamed = $dora->get($all);
    isnt(cache_of($renamed), 'hit', 'not the kept desk');
    like(row_of($renamed->decoded_content, $n), qr/Colin Renamed/, 'the new name shows');
    is(rename_colin('Colin Colleague'), 303, '(and back)');
};

subtest 'one agent\'s kept desk is never another\'s' => sub {
    desk_ticket($w, group => $G, assignee => $dora_id, subject => "Kept desk $tag Dora's");
    $alex->get($all) for 1 .. 2;
    my $alex_page = $alex->get($all);
    is(cache_of($alex_page), 'hit', 'Alex\'s desk is kept');
    my $page = $dora->get($all);
    isnt(cache_of($page), 'hit', 'Dora asks for the same desk: not his kept one');
    my $mine = sql_value("SELECT COUNT(*) FROM tickets WHERE assignee_id = $dora_id AND desk_active = 1");
    is(tabs_of($page->decoded_content)->{mine}, $mine, 'her own count of her tickets');
    my $alex_mine = sql_value("SELECT COUNT(*) FROM tickets t JOIN users u ON u.id = t.assignee_id"
        . " WHERE u.email = 'agent\@portico.example' AND t.desk_active = 1");
    isnt($mine, $alex_mine > 99 ? '99+' : $alex_mine, '(which is not his)');
    is(tabs_of($alex_page->decoded_content)->{mine}, $alex_mine > 99 ? '99+' : $alex_mine, 'his is his');
    like($page->decoded_content, qr{<span class="user-name">Dora Desk</span>}, 'her name on it');
    like($alex_page->decoded_content, qr{<span class="user-name">Alex Agent</span>}, 'his on his');
    is(cache_of($dora->get($all)), 'hit', 'then hers is kept for her');
};

subtest 'what changes with time alone shows when it does' => sub {
    # Due in 9 s with its warning in 4 s; raised 55 s ago ("just now").
    my $t = desk_ticket($w, group => $G, subject => "Kept desk $tag soon");
    sql("UPDATE tickets SET sla_due_at = UTC_TIMESTAMP(6) + INTERVAL 9 SECOND,"
        . " sla_warn_at = UTC_TIMESTAMP(6) + INTERVAL 4 SECOND, created_at = UTC_TIMESTAMP(6) - INTERVAL 55 SECOND,"
        . " updated_at = UTC_TIMESTAMP(6) WHERE number = '$t'");
    # Another ticket, not on this desk, reaching its warning in 4 s too.
    my $o = desk_ticket($w, group => $G, assignee => $colin_id, subject => "Elsewhere $tag");
    sql("UPDATE tickets SET sla_due_at = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR,"
        . " sla_warn_at = UTC_TIMESTAMP(6) + INTERVAL 4 SECOND WHERE number = '$o'");
    my $started = time;
    my $first = $dora->get($unassigned);
    my $row = row_of($first->decoded_content, $t);
    unlike($row, qr/sla-at-risk|sla-breached/, 'before its warning: no mark');
    like($row, qr/just now/, 'raised just now');
    my $breaching = tabs_of($first->decoded_content)->{breaching};
    is($breaching, breaching_now(), 'the breaching tab');
    is(cache_of($dora->get($unassigned)), 'hit', 'kept');

    sleep 1 while time < $started + 6;
    my $page = $dora->get($unassigned);
    isnt(cache_of($page), 'hit', 'the warning reached: not the kept desk');
    like(row_of($page->decoded_content, $t), qr/sla-at-risk/, 'the ticket is at risk');
    like(row_of($page->decoded_content, $t), qr/1 minute ago/, 'raised 1 minute ago');
    is(tabs_of($page->decoded_content)->{breaching}, breaching_now(), 'the breaching tab counts both');
    cmp_ok(breaching_now(), '>=', $breaching + 2, '(two more)') unless $breaching eq '99+';
    is(cache_of($dora->get($unassigned)), 'hit', 'kept again');

    sleep 1 while time < $started + 11;
    $page = $dora->get($unassigned);
    isnt(cache_of($page), 'hit', 'the due passed: not the kept desk');
    like(row_of($page->decoded_content, $t), qr/sla-breached/, 'the ticket is breached');
};

subtest 'what is never kept' => sub {
    $dora->get($unassigned) for 1 .. 2;
    is(cache_of($dora->get("$unassigned&format=xml")), 'none', 'XML');
    $dora->get("$unassigned&utm=x") for 1 .. 2;
    is(cache_of($dora->get("$unassigned&utm=x")), 'none', 'a parameter the desk does not read');
    $dora->get("$unassigned&done=bulk") for 1 .. 2;
    is(cache_of($dora->get("$unassigned&done=bulk")), 'none', 'the outcome of a bulk change');
    my ($doc, $res) = tk_post($dora, "$unassigned&page=1", [action => 'assign', 'bulk-to' => 'me']);
    is($res->code, 422, 'a bulk change refused (no ticket ticked)');
    is(cache_of($res), 'none', 'its desk with the message');
    is(cache_of($dora->get($unassigned)), 'hit', 'the kept desk is still the desk');
};

done_testing;
