# Claim and release: an open task offered to one of the reader's roles
# that nobody has becomes theirs (POST /tasks/<id>/claim), and theirs goes
# back to its roles (POST /tasks/<id>/release), each with its audit row
# and only with the session's token; a task someone else has, a closed
# one, or one assigned by name with no role to go back to is refused with
# 422 and a message, the row unchanged.  Releasing tells the roles by mail
# (t/http/275 reads the mails).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tasks;

my ($p1, $p1_mail, $c1) = ts_person(roles => [qw(customer_user approver)], name => "Olive $$");
my ($p2, $p2_mail, $c2) = ts_person(roles => [qw(customer_user approver)]);
my ($pa, $pa_mail, $ca) = ts_person(roles => ['customer_admin']);

my $task = ts_task(roles => [qw(approver customer_admin)], name => "Claim me $$");

sub message_keys_of { my ($doc) = @_; return [xp_list($doc, '/page/messages/message/@key')] }

subtest 'offered: claim it' => sub {
    my ($doc, $res) = $c1->get_xml("/tasks/$task");
    is($res->code, 200, 'the task page');
    is(xp($doc, '/page/task/may/@claim'), '1', 'it may be claimed');
    is(xp($doc, '/page/task/@held'), 'offered', 'nobody has it');
    is_deeply([xp_list($doc, '/page/task/roles/role')], [qw(approver customer_admin)], 'offered to two roles');

    (undef, $res) = or_post($c1, "/tasks/$task/claim", [], no_csrf => 1);
    is($res->code, 403, 'no claim without the session token');
    is(ts_task_row($task)->{assignee_id}, undef, 'still nobody\'s');

    (undef, $res) = or_post($c1, "/tasks/$task/claim", []);
    is($res->code, 303, 'claimed');
    is(location_path($res), "/tasks/$task?claimed=1", 'back to the task');
    my $row = ts_task_row($task);
    is($row->{assignee_id}, $p1, 'it is theirs');
    ok($row->{claimed_at}, 'claimed now');
    my @a = audit_of('task.claim', 'task', $task);
    is(scalar(@a), 1, 'an audit row');
    is($a[0]{user}, $p1, 'by who claimed it');

    ($doc) = $c1->get_xml("/tasks/$task?claimed=1");
    is_deeply(message_keys_of($doc), ['tasks.claimed'], 'the page says so');
    is(xp($doc, '/page/task/@held'), 'mine', 'theirs');
    is(xp($doc, '/page/task/may/@release'), '1', 'they may release it');
    is(xp($doc, '/page/task/may/@claim'), '', 'not claim it again');

    my ($inbox) = ts_inbox($c1, '?show=mine');
    ok(grep({ $_ == $task } xp_list($inbox, '/page/tasks/task/@id')), 'in their inbox as theirs');
};

subtest 'taken: others see who has it' => sub {
    my ($doc, $res) = $c2->get_xml("/tasks/$task");
    is($res->code, 200, 'a colleague with the role still sees it');
    is(xp($doc, '/page/task/@held'), 'other', 'someone else has it');
    is(xp($doc, '/page/task/assignee'), "Olive $$", 'who');
    is(xp($doc, '/page/task/may/@claim') . xp($doc, '/page/task/may/@complete'), '', 'nothing to do for them');
    my ($inbox) = ts_inbox($c2);
    ok(!grep({ $_ == $task } xp_list($inbox, '/page/tasks/task/@id')), 'gone from their inbox');

    ($doc, $res) = or_post($c2, "/tasks/$task/claim", []);
    is($res->code, 422, 'a second claim is refused');
    is_deeply(message_keys_of($doc), ['tasks.claim.taken'], 'taken already');
    ($doc, $res) = or_post($c2, "/tasks/$task/release", []);
    is($res->code, 422, 'so is their release');
    is_deeply(message_keys_of($doc), ['tasks.release.not-yours'], 'not theirs');
    ($doc, $res) = or_post($c1, "/tasks/$task/claim", []);
    is($res->code, 422, 'the holder claiming again');
    is_deeply(message_keys_of($doc), ['tasks.claim.yours'], 'is told it is theirs');
    is(ts_task_row($task)->{assignee_id}, $p1, 'unchanged');
};

subtest 'release' => sub {
    sql("DELETE FROM outbox WHERE to_email IN (" . join(', ', map { sql_quote($_) } $p1_mail, $p2_mail, $pa_mail) . ')');
    my (undef, $res) = or_post($c1, "/tasks/$task/release", [], no_csrf => 1);
    is($res->code, 403, 'no release without the session token');
    (undef, $res) = or_post($c1, "/tasks/$task/release", []);
    is($res->code, 303, 'released');
    is(location_path($res), "/tasks/?released=$task", 'to the inbox');
    my $row = ts_task_row($task);
    is($row->{assignee_id}, undef, 'nobody has it');
    is($row->{claimed_at}, undef, 'not claimed');
    is($row->{state}, 'open', 'still open');
    my @a = audit_of('task.release', 'task', $task);
    is(scalar(@a), 1, 'an audit row');
    is($a[0]{user}, $p1, 'by who released it');
    my ($doc) = ts_inbox($c1, "?released=$task");
    is_deeply(message_keys_of($doc), ['tasks.released'], 'the inbox says so');
    ok(grep({ $_ == $task } xp_list($doc, '/page/tasks/task[@held="offered"]/@id')), 'offered to them again');

    my %to = map { $_->[0] => $_->[1] } @{ sql_rows("SELECT to_email, template FROM outbox WHERE to_email IN ("
        . join(', ', map { sql_quote($_) } $p1_mail, $p2_mail, $pa_mail) . ')') };
    is($to{$p2_mail}, 'task-assigned', 'the other approver is told');
    is($to{$pa_mail}, 'task-assigned', 'so is the customer admin');
    ok(!$to{$p1_mail}, 'not who released it');

    (undef, $res) = or_post($c2, "/tasks/$task/claim", []);
    is($res->code, 303, 'a colleague claims it now');
    is(ts_task_row($task)->{assignee_id}, $p2, 'theirs');
};

subtest 'refused' => sub {
    my $named = ts_task(roles => [], assignee => $p1);
    my ($doc, $res) = $c1->get_xml("/tasks/$named");
    is(xp($doc, '/page/task/may/@release'), '', 'a task assigned by name offers no release');
    ($doc, $res) = or_post($c1, "/tasks/$named/release", []);
    is($res->code, 422, 'and refuses one');
    is_deeply(message_keys_of($doc), ['tasks.release.nobody'], 'nobody could take it over');
    is(ts_task_row($named)->{assignee_id}, $p1, 'still theirs');

    my $closed = ts_task(roles => ['approver'], state => 'completed');
    ($doc, $res) = or_post($c1, "/tasks/$closed/claim", []);
    is($res->code, 422, 'a completed task cannot be claimed');
    is_deeply(message_keys_of($doc), ['tasks.closed'], 'it is closed');
    is(ts_task_row($closed)->{assignee_id}, undef, 'unchanged');

    my $admins = ts_task(roles => ['customer_admin'], assignee => $pa);
    ($doc, $res) = or_post($c1, "/tasks/$admins/claim", []);
    is($res->code, 404, "a task not offered to the reader's roles is not found");
};

done_testing;
