# portico-flowd's user tasks (issue 14, contracts 3 and 4): a task is
# offered within the instance's org (the provider's for
# orgScope="provider") to each candidate role that exists, assigned when
# the assignee expression names an active user of that org, with its form
# as JSON and its due time; its people get a mail, and a reminder job
# mails them again before the due time (an hour before, half-way for a
# shorter task); with dueBusinessTime the due time, and with
# portico:businessTime a timer, count the business hours of the org's
# calendar (its SLA policy's, as tickets' clocks).  Completing sets the form's variables, completed_by and
# the task's assignments, ends its history row with who, closes the task
# and its reminder; a completion flowd cannot take fails and reopens it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use POSIX ();
use Test::More;
use Portico::Test;
use Portico::Flow;

my $key = flow_key('t-tasks');
flow_deploy('tasks');
my $acme = sql_value("SELECT id FROM orgs WHERE name = 'Acme Industrial Ltd'");
my $provider = sql_value("SELECT id FROM orgs WHERE kind = 'provider' ORDER BY id LIMIT 1");
my $olivia = sql_value("SELECT id FROM users WHERE email = 'olivia\@acme.example'");
my $agent = sql_value("SELECT id FROM users WHERE email = 'agent\@portico.example'");

sub task_row {
    my ($id) = @_;
    my $r = sql_rows('SELECT name, name_de, process_name, process_name_de, business_key, org_id, candidate_roles,'
        . ' assignee_id, form, state, TIMESTAMPDIFF(SECOND, created_at, due_at), completed_by, reminded_at'
        . " FROM flow_tasks WHERE id = $id")->[0];
    my %t;
    @t{qw(name name_de process process_de bk org roles assignee form state due_s completed_by reminded)} = @$r;
    return \%t;
}

sub candidates {
    my ($id) = @_;
    return [ map { $_->[0] } @{ sql_rows('SELECT r.name FROM flow_task_candidates c JOIN roles r ON r.id = c.role_id'
        . " WHERE c.task_id = $id AND c.org_id = (SELECT org_id FROM flow_tasks WHERE id = $id) ORDER BY r.name") } ];
}

sub mails {
    my ($template, $bk) = @_;
    return [ sort map { $_->[0] } @{ sql_rows('SELECT to_email FROM outbox WHERE template = ' . sql_quote($template)
        . ' AND data_xml LIKE ' . sql_quote("%$bk%")) } ];
}

subtest 'the task, offered and assigned within the instance\'s org' => sub {
    my $bk = unique_tag('tsk');
    flow_start($key, $bk, { assignee_id => $olivia }, $acme);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key) }), 'an instance') or return;
    my $task = flow_open_task($i->{id}, 'approve');
    ok($task, 'its task is open') or return;
    my $t = task_row($task);
    is($t->{name}, 'Approve it', 'its name');
    is($t->{name_de}, 'Freigeben', 'and German name');
    is($t->{process}, 'User tasks', 'the process\'s name');
    is($t->{bk}, $bk, 'the business key');
    is($t->{org}, $acme, 'in the instance\'s org');
    is($t->{roles}, 'approver customer_admin no_such_role', 'the roles as the model names them');
    is_deeply(candidates($task), ['approver', 'customer_admin'], 'a candidate row per role that exists');
    is($t->{assignee}, $olivia, 'assigned to the user the expression names');
    is($t->{form}, '[{"name":"approved","type":"boolean","label":"Approve","label_de":"Freigeben","required":true},'
        . '{"name":"comment","type":"text","label":"Comment","label_de":"Kommentar","required":false}]', 'the form as JSON');
    ok(abs($t->{due_s} - 3 * 3600) <= 1, "due three hours after it was made ($t->{due_s} s)");
    my @jobs = grep { $_->{kind} eq 'task-due' } @{ flow_jobs($i->{id}) };
    is(scalar @jobs, 1, 'a reminder job');
    is(sql_value("SELECT TIMESTAMPDIFF(SECOND, due_at, (SELECT due_at FROM flow_tasks WHERE id = $task))"
        . " FROM flow_jobs WHERE id = $jobs[0]{id}"), 3600, 'an hour before the due time');
    is_deeply(mails('task-assigned', $bk), ['olivia@acme.example'], 'the assignee got the mail');

    flow_job_due_now($i->{id}, 'approve');
    ok(flow_wait(5, sub { task_row($task)->{reminded} }), 'the reminder fired: reminded_at is set') or return;
    is_deeply(mails('task-due', $bk), ['olivia@acme.example'], 'and the assignee got the reminder');
    is(scalar(grep { $_->{kind} eq 'task-due' } @{ flow_jobs($i->{id}) }), 0, 'the job is done');

    flow_complete($task, $olivia, { approved => \1, comment => 'fine' });
    my $next;
    ok(flow_wait(10, sub { $next = flow_open_task($i->{id}, 'check') }), 'completed: the next task is open') or return;
    $t = task_row($task);
    is($t->{state}, 'completed', 'the first task is completed');
    is($t->{completed_by}, $olivia, 'by her');
    is_deeply(candidates($task), [], 'its candidates are gone');
    my $v = flow_vars($i->{id});
    is_deeply($v->{approved}, ['boolean', 'true'], 'the form\'s boolean');
    is_deeply($v->{comment}, ['string', 'fine'], 'the form\'s text');
    is_deeply($v->{completed_by}, ['number', $olivia], 'completed_by');
    is_deeply($v->{decision}, ['boolean', 'true'], 'the task\'s assignment saw the form\'s values');
    my ($h) = grep { $_->{element} eq 'approve' } @{ flow_history($i->{id}) };
    is($h->{user}, $olivia, 'the history row names who');

    my $c = task_row($next);
    is($c->{org}, $provider, 'the provider\'s task is in the provider\'s org');
    is($c->{assignee}, undef, 'offered, not assigned');
    is_deeply(candidates($next), ['agent'], 'to the agents');
    my ($rj) = grep { $_->{kind} eq 'task-due' } @{ flow_jobs($i->{id}) };
    is(sql_value("SELECT TIMESTAMPDIFF(SECOND, due_at, (SELECT due_at FROM flow_tasks WHERE id = $next))"
        . " FROM flow_jobs WHERE id = $rj->{id}"), 1800, 'a task due within the hour is reminded half-way');
    ok(scalar @{ mails('task-assigned', $bk) } > 1, 'the agents got the mail');
};

subtest 'an assignee of another org, or no one' => sub {
    my $bk = unique_tag('tsk2');
    flow_start($key, $bk, { assignee_id => $agent }, $acme);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $key) }), 'an instance') or return;
    my $task = flow_open_task($i->{id}, 'approve');
    ok($task, 'its task is open') or return;
    is(task_row($task)->{assignee}, undef, 'a user of another org is not assigned');
    is_deeply(candidates($task), ['approver', 'customer_admin'], 'it is offered to the roles');

    my $cmd = flow_complete($task, $olivia, { approved => \0 });
    flow_control('suspend', $i->{id});
    # The completion comes first (commands in id order); the next one fails.
    ok(flow_wait(10, sub { flow_open_task($i->{id}, 'check') }), 'the completion was taken before the suspend');
    my $next = flow_open_task($i->{id}, 'check');
    ok(flow_wait(10, sub { flow_instance($bk, $key)->{state} eq 'suspended' }), 'then suspended');
    $cmd = flow_complete($next, $agent);
    ok(flow_wait(10, sub { my $c = flow_command_rows($cmd); $c && $c->{failed_at} }),
        'completing a task of a suspended instance fails') or return;
    like(flow_command_rows($cmd)->{error}, qr/is suspended/, 'saying so');
    is(task_row($next)->{state}, 'open', 'and the task is open again');
    is(task_row($next)->{completed_by}, undef, 'completed by nobody');

    $cmd = flow_complete($task, $olivia);
    ok(flow_wait(10, sub { my $c = flow_command_rows($cmd); $c && $c->{failed_at} }),
        'completing a completed task fails');
};

subtest 'business time' => sub {
    my $bkey = flow_key('t-business');
    flow_deploy('business');
    my $bk = unique_tag('biz');
    flow_start($bkey, $bk);
    my $i;
    ok(flow_wait(10, sub { $i = flow_instance($bk, $bkey); $i && @{ flow_jobs($i->{id}) } == 4 }),
        'the task and its timers') or return;
    my $task = flow_open_task($i->{id}, 'work');
    my %due = map { $_->[0] => [$_->[1], $_->[2]] } @{ sql_rows('SELECT element_id, FLOOR(UNIX_TIMESTAMP(armed_at)),'
        . " FLOOR(UNIX_TIMESTAMP(due_at)) FROM flow_jobs WHERE instance_id = $i->{id} AND kind = 'timer'") };
    my ($armed, $plain) = @{ $due{plain_hours} };
    is($plain - $armed, 36000, 'the plain timer: ten hours');

    # The provider's calendar (its tier's rule, else the default one), counted second by second.
    my $cal = sql_value('SELECT p.calendar_id FROM sla_policy_rules r JOIN sla_policies p ON p.id = r.policy_id'
        . ' WHERE r.service_id IS NULL AND r.tier IS NULL');
    my %hours;
    push @{ $hours{$_->[0]} }, [$_->[1], $_->[2]] for @{ sql_rows('SELECT weekday, TIME_TO_SEC(opens),'
        . " TIME_TO_SEC(closes) FROM sla_calendar_hours WHERE calendar_id = $cal") };
    my %holiday = map { $_->[0] => 1 } @{ sql_rows("SELECT day FROM sla_holidays WHERE calendar_id = $cal") };
    my @closed = @{ sql_rows("SELECT DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i:%s')"
        . " FROM sla_closures WHERE calendar_id = $cal") };
    my $zone = sql_value("SELECT time_zone FROM sla_calendars WHERE id = $cal");
    local $ENV{TZ} = $zone;
    POSIX::tzset();
    my %minute;
    my $business = sub {
        my ($t) = @_;
        my $m = $t - $t % 60;
        return $minute{$m} //= do {
            my @l = localtime($m);
            my $day = POSIX::strftime('%Y-%m-%d', @l);
            my $local = POSIX::strftime('%Y-%m-%d %H:%M:%S', @l);
            my $s = $l[2] * 3600 + $l[1] * 60;
            my $wd = $l[6] == 0 ? 7 : $l[6];
            !$holiday{$day} && !grep({ $local ge $_->[0] && $local lt $_->[1] } @closed)
                && grep({ $s >= $_->[0] && $s < $_->[1] } @{ $hours{$wd} // [] }) ? 1 : 0;
        };
    };
    my $after = sub {
        my ($seconds) = @_;
        my ($t, $n) = ($armed, 0);
        while ($n < $seconds && $t < $armed + 60 * 86400) { $n++ if $business->($t); $t++ }
        return $t;
    };
    my $t = $after->(36000);
    is($due{business_hours}[1], $t, 'the business-time timer: after ten business hours of the calendar');
    is(sql_value("SELECT FLOOR(UNIX_TIMESTAMP(due_at)) FROM flow_tasks WHERE id = $task"), $t,
        'the task is due after ten business hours too');
    # A business day is the calendar's working day: its weekly hours over its working days.
    my ($week_s, $days) = (0, scalar keys %hours);
    $week_s += $_->[1] - $_->[0] for map { @$_ } values %hours;
    is($due{business_day}[1], $after->(int($week_s / $days)),
        'P1D in business time: one working day of the calendar (' . $week_s / $days / 3600 . ' hours), not 24 business hours');
    delete $ENV{TZ};
    POSIX::tzset();
};

done_testing();
