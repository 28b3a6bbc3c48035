# Mails about tasks (lib/task-mail.c, pt_task_mail): a task released back
# to its roles is told to every active person of its organisation who
# holds one of them, never to who released it nor to inactive people or
# other organisations; each in their language, with the task's name in it,
# its process, case, due time and a link to the task.  (flowd sends the
# same mail when it creates a task, and the reminder before it is due.)
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tasks;
use Portico::Mail ();

my ($p1, $m1, $c1) = ts_person(roles => [qw(customer_user approver)]);
my ($p2, $m2) = ts_person(roles => [qw(customer_user approver)], name => "Erika $$", lang => 'de',
    zone => 'Europe/Berlin');
my ($p3, $m3) = ts_person(roles => ['customer_admin'], name => "Anne $$");
my ($p4, $m4) = ts_person(roles => [qw(customer_user approver)]);
sql("UPDATE users SET status = 'inactive' WHERE id = $p4");
my ($p5, $m5) = ts_person(org => BERGMANN, roles => [qw(customer_user approver)]);

my $task = ts_task(roles => [qw(approver customer_admin)], assignee => $p1, key => 'O-2026-990301',
    name => "Approve the order $$", name_de => "Bestellung freigeben $$", process => 'Order approval',
    process_de => 'Freigabe über dem Budget', due => "'2031-03-04 15:30:00'");

Portico::Mail::clear(to => $_) for $m1, $m2, $m3, $m4, $m5;
my (undef, $res) = or_post($c1, "/tasks/$task/release", []);
is($res->code, 303, 'released');

my @queued = @{ sql_rows("SELECT to_email, template, lang FROM outbox WHERE template = 'task-assigned'"
    . " AND to_email IN (" . join(', ', map { sql_quote($_) } $m1, $m2, $m3, $m4, $m5) . ') ORDER BY to_email') };
is_deeply([sort map { $_->[0] } @queued], [sort $m2, $m3], 'queued for the two active role holders only');

my $en = Portico::Mail::wait_for(to => $m3, subject => qr/\Q$$\E/, timeout => 30);
ok($en, 'the customer admin gets it') or BAIL_OUT('no mail');
is($en->{subject}, "A task for you: Approve the order $$", 'English subject with the task');
like($en->{text}, qr/Hello Anne $$/, 'greets them');
like($en->{text}, qr/process “Order approval” is offered to you/, 'offered to them and their colleagues');
like($en->{text}, qr/Case: O-2026-990301/, 'the case');
like($en->{text}, qr/Due: .*2031/, 'the due time');
my $link = Portico::Mail::link_in($en, qr{/tasks/\d+});
like($link // '', qr{/tasks/$task\z}, 'links to the task');
like($en->{html}, qr{<a href="[^"]*/tasks/$task"}, 'HTML: the button links there too');

my $de = Portico::Mail::wait_for(to => $m2, subject => qr/\Q$$\E/, timeout => 30);
ok($de, 'the German approver gets it') or BAIL_OUT('no mail');
is($de->{subject}, "Eine Aufgabe für Sie: Bestellung freigeben $$", 'in German, with the German name');
like($de->{text}, qr/Prozesses „Freigabe über dem Budget“/, 'the German process name');
like($de->{text}, qr/Fällig: .*4\..*2031.*16:30/, 'the due time in their zone (16:30 in Berlin)');

ok(!Portico::Mail::wait_for(to => $m1, subject => qr/\Q$$\E/, timeout => 2), 'not to who released it');

subtest 'flowd: a new task, and its reminder before it is due' => sub {
    my $role = ts_flow_role_make();
    my ($holder, $hm) = ts_person(roles => [$role], name => "Holder $$");
    Portico::Mail::clear(to => $hm);
    my ($t, $inst) = ts_flow_task(key => "R-2026-9$$");
    my $m = Portico::Mail::wait_for(to => $hm, subject => qr/Review the case/, timeout => 30);
    ok($m, 'the role holder is told of the new task') or return;
    is($m->{subject}, 'A task for you: Review the case', 'its name');
    like($m->{text}, qr/Case: R-2026-9$$/, 'its case');
    like(Portico::Mail::link_in($m, qr{/tasks/\d+}) // '', qr{/tasks/$t\z}, 'links to it');
    is(ts_task_row($t)->{reminded_at}, undef, 'not reminded yet');
    sql("UPDATE flow_jobs SET due_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE task_id = $t AND kind = 'task-due'");
    my $r = Portico::Mail::wait_for(to => $hm, subject => qr/Due soon: Review the case/, timeout => 30);
    ok($r, 'the reminder before it is due');
    like($r->{text} // '', qr/nobody has taken it yet/, 'says it is still on offer');
    ok(flow_wait(10, sub { ts_task_row($t)->{reminded_at} }), 'the task knows it was reminded');
};

done_testing;
