# What each desk view holds and in which order: the next due first (a
# ticket without a running clock last), then the priority, then the
# oldest; new, open and pending tickets unless the status filter names
# another; "unassigned" is nobody's of the agent's groups and of no group
# (every group's for an agent in none); "breaching" a clock at its warning
# share or past its due, each ticket marked as such; filters by
# organisation (the ticket page's link), service, priority, status and
# text (a number, or words of the subject); the tabs' counts; the pager.
# Data read from ?format=xml.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;
use Portico::Desk;

my $w = desk_world();
my ($A, $B, $G) = @$w{qw(agent colleague group)};
my %t;
# Assigned to Dora (A): due in minutes from now, priority, age in minutes.
$t{late}     = desk_ticket($w, status => 'open', assignee => $A, group => $G, due_min => -60, priority => 3);
$t{risk}     = desk_ticket($w, status => 'open', assignee => $A, group => $G, due_min => 30, warn_min => -10);
$t{p2}       = desk_ticket($w, status => 'open', assignee => $A, group => $G, due_min => 120, priority => 2,
    service => 'invoice-question', subject => 'Invoice for the blue widgets');
$t{p3}       = desk_ticket($w, status => 'open', assignee => $A, group => $G, due_min => 120, priority => 3);
$t{none_p1}  = desk_ticket($w, status => 'pending', reason => 'customer', assignee => $A, group => $G,
    priority => 1, age_min => 300);
$t{none_old} = desk_ticket($w, status => 'new', assignee => $A, group => $G, priority => 3, age_min => 200);
$t{none_new} = desk_ticket($w, status => 'new', assignee => $A, group => $G, priority => 3, age_min => 100);
$t{resolved} = desk_ticket($w, status => 'resolved', assignee => $A, group => $G);
$t{closed}   = desk_ticket($w, status => 'closed', assignee => $A, group => $G);
# Nobody's.
$t{u_old}    = desk_ticket($w, status => 'new', group => $G, due_min => 300, priority => 4, age_min => 90);
$t{u_young}  = desk_ticket($w, status => 'open', group => $G, due_min => 300, priority => 4, age_min => 30);
$t{u_nogrp}  = desk_ticket($w, status => 'open', due_min => 400, priority => 5);
$t{u_other}  = desk_ticket($w, status => 'new', group => 1, due_min => 10, priority => 4);
# Colin's (B), of the group and of billing.
$t{colin}    = desk_ticket($w, status => 'open', assignee => $B, group => $G, due_min => 50);
$t{colin_3p} = desk_ticket($w, status => 'pending', reason => 'third_party', assignee => $B, group => 2,
    due_min => 20, warn_min => -5, priority => 2);
my $org = $w->{org};

my $dora = tk_client($w->{agent_email});
my $alex = tk_client('agent@portico.example');

sub is_list {
    my ($c, $path, $want, $name) = @_;
    is_deeply([desk_numbers($c, $path, $w)], [map { $t{$_} } @$want], $name)
        or diag("want: @$want");
}

is_list($dora, '/tickets/desk?view=mine', [qw(late risk p2 p3 none_p1 none_old none_new)],
    'mine: by due, then priority, then age; no due last; open ones only');
is_list($dora, '/tickets/desk?view=mine&status=resolved', [qw(resolved)], 'mine, resolved');
is_list($dora, '/tickets/desk?view=mine&status=closed', [qw(closed)], 'mine, closed');
is_list($dora, '/tickets/desk?view=mine&status=new', [qw(none_old none_new)], 'mine, new');
is_list($dora, '/tickets/desk?view=unassigned', [qw(u_old u_young u_nogrp)],
    'unassigned: of her group and of no group, not of another group; the older first at the same due');
is_list($dora, '/tickets/desk?view=groups', [qw(late risk colin p2 p3 u_old u_young none_p1 none_old none_new)],
    'her group\'s, whoever has them');
is_list($dora, "/tickets/desk?view=breaching&org=$org", [qw(late u_other colin_3p risk colin)],
    'breaching: past due or past the warning; paused clocks (pending on the customer) have none');
is_list($dora, "/tickets/desk?view=pending&org=$org", [qw(colin_3p none_p1)], 'pending: both reasons');
is_list($dora, "/tickets/desk?view=all&org=$org",
    [qw(late u_other colin_3p risk colin p2 p3 u_old u_young u_nogrp none_p1 none_old none_new)],
    'all of the organisation');
is_list($alex, "/tickets/desk?view=unassigned&org=$org", [qw(u_other u_nogrp)],
    'Alex (service desk, billing) sees the service desk\'s and the group-less');

subtest 'an agent in no group' => sub {
    my $lone = desk_world(no_group => 1);
    my $c = tk_client($lone->{agent_email});
    is_list($c, "/tickets/desk?view=unassigned&org=$org", [qw(u_other u_old u_young u_nogrp)],
        'unassigned: every group\'s');
    my ($doc) = $c->get_xml('/tickets/desk?view=groups');
    is(xp_count($doc, '/page/desk/ticket'), 0, 'my groups: none');
    is(xp($doc, '/page/desk/@groups'), '0', 'the page says she is in none');
    is(xp($doc, "/page/desk/views/view[\@name='groups']/\@count"), '0', 'its tab counts none');
};

subtest 'filters' => sub {
    is_list($dora, '/tickets/desk?view=mine&priority=3', [qw(late risk p3 none_old none_new)], 'priority');
    is_list($dora, '/tickets/desk?view=mine&service=invoice-question', [qw(p2)], 'service');
    is_list($dora, '/tickets/desk?view=mine&q=blue+widgets', [qw(p2)], 'words of the subject');
    is_list($dora, "/tickets/desk?view=mine&q=$t{p3}", [qw(p3)], 'a number');
    is_list($dora, "/tickets/desk?view=unassigned&q=$t{p3}", [], 'a number not of the view');
    is_list($dora, "/tickets/desk?view=all&org=$org&priority=4", [qw(u_other u_old u_young)], 'org and priority');
    is_list($dora, '/tickets/desk?view=mine&priority=9&status=frozen&per=7',
        [qw(late risk p2 p3 none_p1 none_old none_new)], 'values the desk does not know are ignored');
    is_list($dora, '/tickets/desk?view=mine&service=no-such', [], 'a service nobody has: none');
    my ($doc) = $dora->get_xml("/tickets/desk?view=all&org=$org&service=printer-fault&priority=3&q=Desk");
    is(xp($doc, '/page/desk/org'), sql_value("SELECT name FROM orgs WHERE id = $org"), 'the organisation by name');
    is(xp($doc, '/page/desk/@org'), $org, 'kept: org');
    is(xp($doc, '/page/desk/@service'), 'printer-fault', 'kept: service');
    is(xp($doc, '/page/desk/@priority'), '3', 'kept: priority');
    is(xp($doc, '/page/desk/@q'), 'Desk', 'kept: text');
    my $html = $dora->get("/tickets/desk?view=all&org=$org&priority=3")->decoded_content;
    ok($html =~ m{<option value="$org" selected="selected">}, 'HTML: the organisation is chosen in the filter');
    ok($html =~ m{<option value="3" selected="selected">P3 medium</option>}, 'HTML: the priority');
};

subtest 'each row' => sub {
    my ($doc) = $dora->get_xml('/tickets/desk?view=mine');
    my $r = "/page/desk/ticket[\@number='$t{late}']";
    is(xp($doc, "$r/subject"), "Desk test $t{late}", 'subject');
    is(xp($doc, "$r/org/\@id"), $org, 'organisation');
    is(xp($doc, "$r/requester"), 'Rita Requester', 'requester');
    is(xp($doc, "$r/service/\@slug"), 'printer-fault', 'service');
    is(xp($doc, "$r/\@priority"), '3', 'priority');
    is(xp($doc, "$r/\@status"), 'open', 'status');
    is(xp($doc, "$r/assignee"), 'Dora Desk', 'assignee');
    like(xp($doc, "$r/group"), qr/^Desk group /, 'group');
    like(xp($doc, "$r/\@due"), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'due, ISO 8601');
    is(xp($doc, "$r/\@breached"), '1', 'past due: breached');
    is(xp($doc, "/page/desk/ticket[\@number='$t{risk}']/\@at-risk"), '1', 'past the warning: at risk');
    is(xp_count($doc, "/page/desk/ticket[\@number='$t{p2}']/\@*[name() = 'at-risk' or name() = 'breached']"),
        0, 'neither while in time');
    is(xp_count($doc, "/page/desk/ticket[\@number='$t{none_p1}']/\@due"), 0, 'no due: none said');
    my $html = $dora->get('/tickets/desk?view=mine')->decoded_content;
    my ($row) = $html =~ m{(<tr>(?:(?!</tr>).)*?<a class="nowrap" href="/tickets/$t{late}">.*?</tr>)}s;
    ok($row, 'HTML: the row');
    ok($row =~ m{>Breached<}, 'HTML: breached said in words');
    ok($row =~ m{<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"[^>]*>[^<]*ago</time>}, 'HTML: the due, relative');
    ok($row =~ m{<time datetime="[^"]+">\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d</time>}, 'HTML: and absolute');
    ok($row !~ m{\d{4}-\d\d-\d\dT\d\d:\d\d}s || $row =~ m{datetime="}, 'HTML: no raw timestamp shown');
    my ($rrow) = $html =~ m{(<tr>(?:(?!</tr>).)*?<a class="nowrap" href="/tickets/$t{risk}">.*?</tr>)}s;
    ok($rrow =~ m{>At risk<}, 'HTML: at risk said in words');
};

subtest 'tabs and pager' => sub {
    my ($doc) = $dora->get_xml('/tickets/desk?view=mine');
    my %count = map { $_->getAttribute('name') => $_->getAttribute('count') } $doc->findnodes('/page/desk/views/view');
    is($count{mine}, 7, 'mine');
    is($count{unassigned}, 3, 'unassigned');
    is($count{groups}, 10, 'my groups');
    ok($count{breaching} >= 3, 'breaching: at least these');
    is(xp($doc, '/page/desk/pager/@total'), 7, 'the pager');
    # 26 more of hers: two pages of 25, then 33 on one page of 50.
    desk_ticket($w, status => 'open', assignee => $A, priority => 5, due_min => 1000 + $_) for 1 .. 26;
    ($doc) = $dora->get_xml('/tickets/desk?view=mine');
    is(xp_count($doc, '/page/desk/ticket'), 25, 'a page of 25');
    is(xp($doc, '/page/desk/pager/@total'), 33, 'of 33');
    is(xp($doc, '/page/desk/pager/@pages'), 2, 'two pages');
    my @p2 = desk_numbers($dora, '/tickets/desk?view=mine&page=2');
    is(scalar @p2, 8, 'the second page: the rest');
    is($p2[-1], $t{none_new}, 'ending with the last');
    ($doc) = $dora->get_xml('/tickets/desk?view=mine&per=50');
    is(xp_count($doc, '/page/desk/ticket'), 33, '50 a page: all');
    is(xp($doc, '/page/desk/@per'), 50, 'kept');
    my $html = $dora->get('/tickets/desk?view=mine&priority=5')->decoded_content;
    ok($html =~ m{href="/tickets/desk\?view=mine&amp;priority=5&amp;page=2"}, 'HTML: the next page keeps the filters');
};

done_testing;
