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
    is(numbers($anna, '/tickets/mine'), join(' ', sort $t1, $t2, $t3, $t6), 'every Acme ticket, no other');
    my ($doc) = $anna->get_xml('/tickets/mine');
    is(xp($doc, '/page/tickets/@scope'), 'org', 'scope org');
    ok(xp_count($doc, "/page/tickets/requesters/person[\@id='6']"), 'requester filter offers Carl');
    ok(!xp_count($doc, "/page/tickets/requesters/person[\@id='8']"), 'but nobody of another org');
    is(numbers($anna, '/tickets/mine?requester=7'), $t6, 'filter: requester');
    is(numbers($anna, '/tickets/mine?requester=8'), '', 'another org\'s requester finds nothing');
};

subtest 'filters' => sub {
    my $anna = tk_client('anna.admin@acme.example');
    is(numbers($anna, '/tickets/mine?status=pending'), $t2, 'status pending');
    is(numbers($anna, '/tickets/mine?status=active'), join(' ', sort $t1, $t2, $t3, $t6), 'not yet resolved');
    is(numbers($anna, '/tickets/mine?status=resolved'), '', 'none resolved');
    is(numbers($anna, '/tickets/mine?service=invoice-question'), $t2, 'service');
    is(numbers($anna, '/tickets/mine?q=printer'), $t1, 'text in the subject');
    is(numbers($anna, "/tickets/mine?q=$t6"), $t6, 'the number');
    is(numbers($anna, '/tickets/mine?q=100%25'), '', 'a % is a character, not a wildcard');
    is(numbers($anna, '/tickets/mine?status=bogus'), join(' ', sort $t1, $t2, $t3, $t6), 'unknown status ignored');
    my ($doc) = $anna->get_xml('/tickets/mine?q=' . ('x' x 101));
    is(xp($doc, '/page/tickets/@q'), '', 'an over-long filter is dropped');
};

subtest 'sorting and paging' => sub {
    my $anna = tk_client('anna.admin@acme.example');
    my ($doc) = $anna->get_xml('/tickets/mine?sort=oldest');
    is(join(' ', map { $_->value } $doc->findnodes('/page/tickets/ticket/@number')),
        join(' ', $t2, $t1, $t6, $t3), 'oldest first');
    ($doc) = $anna->get_xml('/tickets/mine?sort=newest');
    is(join(' ', map { $_->value } $doc->findnodes('/page/tickets/ticket/@number')),
        join(' ', $t3, $t6, $t1, $t2), 'newest first');
    ($doc) = $anna->get_xml('/tickets/mine');
    is(join(' ', map { $_->value } $doc->findnodes('/page/tickets/ticket/@number')),
        join(' ', $t3, $t6, $t1, $t2), 'last updated first');
    my $carl = tk_client('carl@acme.example');
    my @made = map { tk_raise($carl, 'other-question', [subject => "Paging $_", description => 'x']) } 1 .. 24;
    ($doc) = $anna->get_xml('/tickets/mine?q=Paging');
    is(xp($doc, '/page/tickets/pager/@total'), 24, 'total');
    ($doc) = $anna->get_xml('/tickets/mine');
    is(xp_count($doc, '/page/tickets/ticket'), 25, 'a page of 25');
    is(xp($doc, '/page/tickets/pager/@pages'), 2, 'two pages');
    ($doc) = $anna->get_xml('/tickets/mine?page=2');
    is(xp_count($doc, '/page/tickets/ticket'), 28 - 25, 'the rest on page 2');
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
    my %n = map { $_->value => 1 } $doc->findnodes('/page/tickets/ticket/@number');
    ok($n{$t1} && $n{$t2} && $n{$t3} && $n{$t6}, 'open tickets of Acme');
    ok(!$n{$t4} && !$n{$t5}, 'not the resolved and closed ones');
    is($agent->get('/tickets/queue?status=')->code, 200, 'any status opens');
    ($doc) = $agent->get_xml('/tickets/queue?status=&q=Anmeldung');
    is(xp($doc, '/page/tickets/ticket/@number'), $t4, 'any org');
    is(xp($doc, '/page/tickets/ticket/org'), 'Bergmann Maschinenbau AG', 'with its org');
    is(numbers($agent, '/tickets/queue?assignee=none&group=2'), $t6, 'unassigned of the billing group');
    is(numbers($agent, '/tickets/queue?assignee=me&status=open'), $t1, 'mine, open');
    ok(xp_count($doc, '/page/tickets/groups/group') >= 2, 'group filter');
    is(tk_client('carl@acme.example')->get('/tickets/queue')->code, 403, 'customer: 403');
    is(tk_client('editor@portico.example')->get('/tickets/mine')->code, 403, 'no tickets permission: 403');
    my $anon = tk_client(undef)->get('/tickets/queue');
    is($anon->code, 303, 'anonymous: to the login page');
};

done_testing;
