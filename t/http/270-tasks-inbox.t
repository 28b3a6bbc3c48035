# The task inbox (/tasks/) per role: the tasks assigned to the reader and
# those offered to one of their roles within their organisation, never
# another organisation's, another person's or a task that is no longer
# open; the tabs mine, offered and all with their counts; most urgent
# first, 25 a page; names in the reader's language; the empty state; the
# overdue mark in the HTML; and the kept page, which a change of a task
# of the reader's organisation outdates at once.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::Tasks;

my $PAST = 'UTC_TIMESTAMP() - INTERVAL 2 HOUR';
my $LATER = 'UTC_TIMESTAMP() + INTERVAL 3 DAY';

my ($olivia_id, undef, $approver) = ts_person(roles => [qw(customer_user approver)]);
my ($anna_id, undef, $admin) = ts_person(roles => ['customer_admin']);
my (undef, undef, $buyer) = ts_person(roles => [qw(customer_user buyer)]);
my (undef, undef, $agent) = ts_person(org => PROVIDER, roles => ['agent']);
my (undef, undef, $bergmann) = ts_person(org => BERGMANN, roles => [qw(customer_user approver)], lang => 'de');

my $offered = ts_task(roles => [qw(approver customer_admin)], key => 'O-2026-990001',
    name => 'Approve the order', name_de => 'Bestellung freigeben', process => 'Order approval',
    process_de => 'Freigabe', due => $PAST);
my $mine = ts_task(roles => ['approver'], assignee => $olivia_id, due => $LATER);
my $admins = ts_task(roles => ['customer_admin']);
my $annas = ts_task(roles => ['approver'], assignee => $anna_id);
my $provider = ts_task(org => PROVIDER, roles => ['agent'], key => 'T-2026-990001');
my $other_org = ts_task(org => BERGMANN, roles => ['approver'], name => 'Other org task',
    name_de => 'Aufgabe der anderen');
my $completed = ts_task(roles => ['approver'], state => 'completed');
my $cancelled = ts_task(roles => ['approver'], assignee => $olivia_id, state => 'cancelled');

sub ids {
    my ($c, $query) = @_;
    my ($doc, $res) = ts_inbox($c, $query);
    is($res->code, 200, 'the inbox opens' . ($query ? " ($query)" : ''));
    return ({ map { $_ => 1 } xp_list($doc, '/page/tasks/task/@id') }, $doc);
}

subtest 'anonymous' => sub {
    my $c = Portico::Test->client;
    my $res = $c->get('/tasks/');
    is($res->code, 303, 'sent to sign in');
    like($res->header('Location') // '', qr{/auth/login}, 'to the login page');
};

subtest 'an approver' => sub {
    my ($ids, $doc) = ids($approver);
    ok($ids->{$offered}, 'sees the task offered to approvers');
    ok($ids->{$mine}, 'sees the task assigned to them');
    ok(!$ids->{$admins}, 'not the one offered to customer admins only');
    ok(!$ids->{$annas}, "not a colleague's task, though it names approvers");
    ok(!$ids->{$provider}, "not the provider's");
    ok(!$ids->{$other_org}, "not another organisation's");
    ok(!$ids->{$completed} && !$ids->{$cancelled}, 'not a completed or cancelled one');
    is(xp($doc, "/page/tasks/task[\@id=$offered]/\@held"), 'offered', 'the offered one is offered');
    is(xp($doc, "/page/tasks/task[\@id=$mine]/\@held"), 'mine', 'the assigned one is theirs');
    is(xp($doc, "/page/tasks/task[\@id=$offered]/name"), 'Approve the order', 'its name');
    is(xp($doc, "/page/tasks/task[\@id=$offered]/process"), 'Order approval', 'its process');
    is(xp($doc, "/page/tasks/task[\@id=$offered]/key"), 'O-2026-990001', 'its case');
    is(xp($doc, "/page/tasks/task[\@id=$offered]/\@href"), "/tasks/$offered", 'its page');
    is(xp($doc, "/page/tasks/task[\@id=$offered]/\@due-state"), 'overdue', 'overdue');
    is(xp($doc, "/page/tasks/task[\@id=$mine]/\@due-state"), 'later', 'due in three days');
    my @order = xp_list($doc, '/page/tasks/task/@id');
    my ($io) = grep { $order[$_] == $offered } 0 .. $#order;
    my ($im) = grep { $order[$_] == $mine } 0 .. $#order;
    ok($io < $im, 'the overdue task comes first');
    is(xp($doc, '/page/nav/section[@name="tasks"]/@href'), '/tasks/', 'Tasks is in the navigation');
    is(xp($doc, '/page/nav/section[@name="tasks"]/@current'), '1', 'and current');

    my ($m) = ids($approver, '?show=mine');
    ok($m->{$mine} && !$m->{$offered}, 'mine: only the assigned one');
    my ($o, $odoc) = ids($approver, '?show=offered');
    ok($o->{$offered} && !$o->{$mine}, 'offered: only the offered one');
    is(xp($odoc, '/page/tasks/@show'), 'offered', 'the tab is marked');
    is(xp($odoc, '/page/tasks/tab[@current="1"]/@name'), 'offered', 'the current tab');
};

subtest 'a customer admin' => sub {
    my ($ids) = ids($admin);
    ok($ids->{$offered} && $ids->{$admins}, 'sees what is offered to customer admins');
    ok($ids->{$annas}, 'and what is assigned to them');
    ok(!$ids->{$mine}, "not the approver's own");
};

subtest 'a buyer without tasks' => sub {
    my ($ids, $doc) = ids($buyer);
    is(scalar(keys %$ids), 0, 'no task');
    is(xp($doc, '/page/tasks/tab[@name="all"]/@count'), '0', 'counted 0');
    my $dom = XML::LibXML->load_html(string => $buyer->get('/tasks/')->decoded_content, recover => 2,
        suppress_errors => 1);
    like(xp($dom, '//*[contains(@class, "empty-state")]'), qr/No task waits for you\..*task inbox/s,
        'the empty state says what the inbox is');
};

subtest "the provider's agent" => sub {
    my ($ids) = ids($agent);
    ok($ids->{$provider}, "sees the provider's task offered to agents");
    ok(!$ids->{$offered} && !$ids->{$other_org}, "no customer's");
};

subtest 'another organisation' => sub {
    my ($ids, $doc) = ids($bergmann);
    ok($ids->{$other_org}, 'its approver sees its own task');
    ok(!$ids->{$offered} && !$ids->{$mine}, "never Acme's");
    is(xp($doc, "/page/tasks/task[\@id=$other_org]/name"), 'Aufgabe der anderen', 'in German');
};

subtest 'tabs, counts and pages' => sub {
    my $role = lc "ts_counts_$$";
    sql('INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES (' . sql_quote($role)
        . ", 'customer', 'customer', 13, 0)");
    my ($id, undef, $c) = ts_person(roles => [$role]);
    my @made;
    push @made, ts_task(roles => [$role], due => "UTC_TIMESTAMP() + INTERVAL $_ HOUR") for 1 .. 28;
    push @made, ts_task(roles => [$role], assignee => $id) for 1 .. 2;
    my ($ids, $doc) = ids($c);
    is(xp($doc, '/page/tasks/tab[@name="all"]/@count'), '30', 'all: 30');
    is(xp($doc, '/page/tasks/tab[@name="mine"]/@count'), '2', 'mine: 2');
    is(xp($doc, '/page/tasks/tab[@name="offered"]/@count'), '28', 'offered: 28');
    is(xp($doc, '/page/nav/section[@name="tasks"]/@count'), '30', 'the navigation counts them');
    is(scalar(keys %$ids), 25, '25 on the first page');
    is(xp($doc, '/page/tasks/pager/@pages'), '2', 'two pages');
    is(xp($doc, '/page/tasks/task[1]/@id'), $made[0], 'the one due first comes first');
    my ($p2) = ids($c, '?page=2');
    is(scalar(keys %$p2), 5, '5 on the second');
    ok($p2->{ $made[-1] } && $p2->{ $made[-2] }, 'the tasks without a due time come last');
    my ($m, $mdoc) = ids($c, '?show=mine');
    is(scalar(keys %$m), 2, 'mine: its two');
    is(xp($mdoc, '/page/tasks/pager/@pages'), '1', 'on one page');
    sql("DELETE FROM user_roles WHERE user_id = $id");
    my ($none) = ids($c);
    ok(!$none->{ $made[0] }, 'without the role, its offered tasks are gone');
    ok($none->{ $made[-1] }, 'the assigned stay');
    sql("DELETE FROM flow_task_candidates WHERE role_id = (SELECT id FROM roles WHERE name = "
        . sql_quote($role) . ')');
    sql('DELETE FROM roles WHERE name = ' . sql_quote($role));
};

subtest 'the HTML' => sub {
    my $dom = XML::LibXML->load_html(string => $approver->get('/tasks/')->decoded_content, recover => 2,
        suppress_errors => 1);
    my ($row) = $dom->findnodes("//table[contains(\@class, 'data-table')]//tr[.//a[\@href='/tasks/$offered']]");
    ok($row, 'the task is a row of the table') or return;
    like($row->textContent, qr/Overdue/, 'marked overdue in words');
    ok($row->findnodes('.//time[@datetime]'), 'its due time as <time>');
    like($row->textContent, qr/Offered to your role/, 'its state');
    ok($dom->findnodes('//div[@class="table-scroll" and @role="region"]/table'), 'in the shared table region');
    ok($dom->findnodes('//nav[contains(@class, "primary-nav")]//a[@href="/tasks/"]//span[@class="count-pill"]'),
        'the navigation shows the count');
    my $de = XML::LibXML->load_html(string => $bergmann->get('/tasks/')->decoded_content, recover => 2,
        suppress_errors => 1);
    is(xp($de, '//h1'), 'Aufgaben', 'German heading');
};

subtest 'the kept inbox' => sub {
    my $res = $approver->get('/tasks/');
    is($res->code, 200, 'the inbox');
    $res = $approver->get('/tasks/');
    is($res->header('X-Portico-Cache') // '', 'hit', 'kept for its reader');
    my $new;
    {
        # As flowd would: a new task, nobody outdates kept pages by hand.
        local $Portico::Test::FORGET_ON_WRITE = 0;
        $new = ts_task(roles => ['approver'], name => "Fresh task $$");
    }
    $res = $approver->get('/tasks/');
    isnt($res->header('X-Portico-Cache') // '', 'hit', 'a new task of the organisation outdates it');
    like($res->decoded_content, qr/Fresh task $$/, 'and shows at once');
    {
        local $Portico::Test::FORGET_ON_WRITE = 0;
        sql("UPDATE flow_tasks SET state = 'cancelled' WHERE id = $new");
        sql("DELETE FROM flow_task_candidates WHERE task_id = $new");
    }
    $res = $approver->get('/tasks/');
    unlike($res->decoded_content, qr/Fresh task $$/, 'a cancelled task goes at once');
    $res = $bergmann->get('/tasks/');
    $res = $bergmann->get('/tasks/');
    is($res->header('X-Portico-Cache') // '', 'hit', "another organisation's kept inbox");
    {
        local $Portico::Test::FORGET_ON_WRITE = 0;
        ts_task(roles => ['approver'], name => "Acme only $$");
    }
    $res = $bergmann->get('/tasks/');
    is($res->header('X-Portico-Cache') // '', 'hit', "stays kept when Acme's tasks change");
};

done_testing;
