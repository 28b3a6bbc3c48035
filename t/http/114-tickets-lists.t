# The lists of tickets: GET /tickets/mine shows a customer the tickets they
# raised and those they follow in CC, and with tickets.read.org all of
# their organisation's (never another's); GET /tickets/queue shows agents
# every organisation's tickets (403 for customers).  Filters by status,
# service, requester, text, group and assignee; sorting by update and
# age; 25 a page.  Dates come as ISO stamps and are shown by pt-datetime.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my ($t1, $t2, $t3, $t4, $t5, $t6) = map { demo_ticket($_) } 1 .. 6;

sub numbers {
    my ($c, $path) = @_;
    my ($doc, $res) = $c->get_xml($path);
    is($res->code, 200, "$path opens");
    return join ' ', sort map { $_->value } $doc->findnodes('/page/tickets/ticket/@number');
}

# The numbers of a list, every page of it, in the list's order.
sub all_pages {
    my ($c, $path) = @_;
    my @n;
    for (my $page = 1; ; $page++) {
        my ($doc, $res) = $c->get_xml($path . ($path =~ /\?/ ? '&' : '?') . "page=$page");
        is($res->code, 200, "$path page $page opens") or last;
        push @n, map { $_->value } $doc->findnodes('/page/tickets/ticket/@number');
        last if $page >= (xp($doc, '/page/tickets/pager/@pages') || 1);
    }
    return @n;
}

# The numbers of Acme's tickets (the demo has more than the six above)
# that match an SQL condition, sorted by number or in an SQL order.
sub acme {
    my ($where, $order) = @_;
    my $rows = sql_rows('SELECT number FROM tickets WHERE org_id = 2' . ($where ? " AND $where" : '')
        . ' ORDER BY ' . ($order // 'number'));
    return join ' ', map { $_->[0] } @$rows;
}

# Whether the list (numbers joined by blanks) holds each of the numbers.
sub holds {
    my ($list, @want) = @_;
    my %in = map { $_ => 1 } split ' ', $list;
    return !grep { !$in{$_} } @want;
}

# The numbers of the list that are among the given ones, in the list's order.
sub only {
    my ($list, @keep) = @_;
    my %k = map { $_ => 1 } @keep;
    return join ' ', grep { $k{$_} } split ' ', $list;
}

subtest 'a customer: own and CC' => sub {
    my $carl = tk_client('carl@acme.example');
    is(numbers($carl, '/tickets/mine'), join(' ', sort $t1, $t2, $t3), 'raised 1 and 2, in CC on 3');
    my ($doc) = $carl->get_xml('/tickets/mine');
    is(xp($doc, '/page/tickets/@scope'), 'mine', 'scope mine');
    is(xp($doc, '/page/@view'), 'list', 'view');
    is(xp_count($doc, '/page/tickets/requesters'), 0, 'no requester filter');
    like(xp($doc, "//ticket[\@number='$t1']/\@updated"), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'ISO stamp');
    is(xp($doc, "//ticket[\@number='$t1']/service"), 'Printer or device fault', 'service name');
    is(xp($doc, "//ticket[\@number='$t2']/\@pending-reason"), 'customer', 'pending reason');
    my $olivia = tk_client('olivia@acme.example');
    is(numbers($olivia, '/tickets/mine'), join(' ', sort $t1, $t6), 'olivia: in CC on 1, raised 6');
    my $klaus = tk_client('klaus@bergmann.example');
    is(numbers($klaus, '/tickets/mine'), $t4, 'klaus: only his');
};

subtest 'tickets.read.org: the whole organisation' => sub {
    my $anna = tk_client('anna.admin@acme.example');
    my $all = numbers($anna, '/tickets/mine');
    is($all, acme(), 'every Acme ticket, no other');
    ok(holds($all, $t1, $t2, $t3, $t6), 'those of Carl and Olivia among them');
    ok(!holds($all, $t4) && !holds($all, $t5), 'not those of Bergmann and Northwind');
    my ($doc) = $anna->get_xml('/tickets/mine');
    is(xp($doc, '/page/tickets/@scope'), 'org', 'scope org');
    ok(xp_count($doc, "/page/tickets/requesters/person[\@id='6']"), 'requester filter offers Carl');
    ok(!xp_count($doc, "/page/tickets/requesters/person[\@id='8']"), 'but nobody of another org');
    is(numbers($anna, '/tickets/mine?requester=7'), $t6, 'filter: requester');
    is(numbers($anna, '/tickets/mine?requester=8'), '', 'another org\'s requester finds nothing');
};

subtest 'filters' => sub {
    my $anna = tk_client('anna.admin@acme.example');
    my $pending = numbers($anna, '/tickets/mine?status=pending');
    is($pending, acme("status = 'pending'"), 'status pending');
    ok(holds($pending, $t2) && !holds($pending, $t1), 'T2 is pending, T1 is not');
    my $active = numbers($anna, '/tickets/mine?status=active');
    is($active, acme("status IN ('new', 'open', 'pending')"), 'not yet resolved');
    ok(holds($active, $t1, $t2, $t3, $t6), 'the four open demo tickets among them');
    my $resolved = numbers($anna, '/tickets/mine?status=resolved');
    is($resolved, acme("status = 'resolved'"), 'resolved');
    ok(length $resolved && !holds($resolved, $t1), 'some, and no open one');
    my $invoices = numbers($anna, '/tickets/mine?service=invoice-question');
    is($invoices, acme('service_id = 9'), 'service');
    ok(holds($invoices, $t2) && !holds($invoices, $t1), 'T2 asks about an invoice, T1 does not');
    my $printer = numbers($anna, '/tickets/mine?q=printer');
    is($printer, acme("subject LIKE '%printer%'"), 'text in the subject');
    ok(holds($printer, $t1) && !holds($printer, $t2), 'T1 is about a printer, T2 is not');
    is(numbers($anna, "/tickets/mine?q=$t6"), $t6, 'the number');
    is(numbers($anna, '/tickets/mine?q=100%25'), '', 'a % is a character, not a wildcard');
    is(numbers($anna, '/tickets/mine?status=bogus'), acme(), 'unknown status ignored');
    my ($doc) = $anna->get_xml('/tickets/mine?q=' . ('x' x 101));
    is(xp($doc, '/page/tickets/@q'), '', 'an over-long filter is dropped');
};

subtest 'sorting and paging' => sub {
    my $anna = tk_client('anna.admin@acme.example');
    my $before = sql_value('SELECT COUNT(*) FROM tickets WHERE org_id = 2');
    cmp_ok($before, '<=', 25, 'Acme\'s demo tickets fit on one page');
    my %order = (oldest => 'created_at, id', newest => 'created_at DESC, id DESC',
        updated => 'updated_at DESC, id DESC');
    my %demo = (oldest => [$t2, $t1, $t6, $t3], newest => [$t3, $t6, $t1, $t2],
        updated => [$t3, $t6, $t1, $t2]);
    for my $sort (qw(oldest newest updated)) {
        my ($doc) = $anna->get_xml($sort eq 'updated' ? '/tickets/mine' : "/tickets/mine?sort=$sort");
        my $list = join ' ', map { $_->value } $doc->findnodes('/page/tickets/ticket/@number');
        is($list, acme('', $order{$sort}), "sorted by $sort");
        is(only($list, $t1, $t2, $t3, $t6), join(' ', @{ $demo{$sort} }), "the demo tickets by $sort");
    }
    my $carl = tk_client('carl@acme.example');
    my @made = map { tk_raise($carl, 'other-question', [subject => "Paging $_", description => 'x']) } 1 .. 24;
    my ($doc) = $anna->get_xml('/tickets/mine?q=Paging');
    is(xp($doc, '/page/tickets/pager/@total'), 24, 'total');
    ($doc) = $anna->get_xml('/tickets/mine');
    is(xp_count($doc, '/page/tickets/ticket'), 25, 'a page of 25');
    my $total = $before + 24;
    is(xp($doc, '/page/tickets/pager/@total'), $total, 'the total');
    is(xp($doc, '/page/tickets/pager/@pages'), int(($total + 24) / 25), 'the pages it takes');
    ($doc) = $anna->get_xml('/tickets/mine?page=2');
    is(xp_count($doc, '/page/tickets/ticket'), $total - 25 > 25 ? 25 : $total - 25, 'the rest on page 2');
    my $html = $anna->get('/tickets/mine?status=active&sort=oldest')->decoded_content;
    like($html, qr{href="/tickets/mine\?status=active&amp;sort=oldest&amp;page=2"}, 'the pager keeps the filters');
    like($html, qr{<time datetime="[^"]+Z"}, 'dates as <time>');
};

subtest 'the queue: agents only' => sub {
    my $agent = tk_client('agent@portico.example');
    my ($doc, $res) = $agent->get_xml('/tickets/queue?sort=oldest');
    is($res->code, 200, 'agent: 200');
    is(xp($doc, '/page/tickets/@scope'), 'all', 'scope all');
    is(xp($doc, '/page/tickets/@status'), 'active', 'not yet resolved by default');
    my @queue = all_pages($agent, '/tickets/queue?sort=oldest');
    my %n = map { $_ => 1 } @queue;
    ok($n{$t1} && $n{$t2} && $n{$t3} && $n{$t6}, 'open tickets of Acme');
    ok(!$n{$t4} && !$n{$t5}, 'not the resolved and closed ones');
    is(join(' ', sort @queue), join(' ', map { $_->[0] } @{ sql_rows("SELECT number FROM tickets"
        . " WHERE status IN ('new', 'open', 'pending') ORDER BY number") }), 'every organisation\'s open ones');
    is($agent->get('/tickets/queue?status=')->code, 200, 'any status opens');
    ($doc) = $agent->get_xml('/tickets/queue?status=&q=Anmeldung');
    is(xp($doc, '/page/tickets/ticket/@number'), $t4, 'any org');
    is(xp($doc, '/page/tickets/ticket/org'), 'Bergmann Maschinenbau AG', 'with its org');
    is(numbers($agent, '/tickets/queue?assignee=none&group=2'), $t6, 'unassigned of the billing group');
    my $mine = numbers($agent, '/tickets/queue?assignee=me&status=open');
    is($mine, join(' ', map { $_->[0] } @{ sql_rows("SELECT number FROM tickets WHERE assignee_id = 3"
        . " AND status = 'open' ORDER BY number") }), 'mine, open');
    ok(holds($mine, $t1) && !holds($mine, $t2), 'T1 (Alex\'s, open), not T2 (Max\'s, pending)');
    ok(xp_count($doc, '/page/tickets/groups/group') >= 2, 'group filter');
    is(tk_client('carl@acme.example')->get('/tickets/queue')->code, 403, 'customer: 403');
    is(tk_client('editor@portico.example')->get('/tickets/mine')->code, 403, 'no tickets permission: 403');
    my $anon = tk_client(undef)->get('/tickets/queue');
    is($anon->code, 303, 'anonymous: to the login page');
};

done_testing;
