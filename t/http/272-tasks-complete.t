# Completing a task with its form (POST /tasks/<id>/complete): the form of
# flow_tasks.form drawn with labels in the reader's language, types
# (string, text, number, boolean, date) and required marks; every field
# checked, 422 with the values kept and a message at each bad field; on
# success the task is 'completing', a 'complete' command carries the typed
# values for flowd, the audit row is written and the inbox says so.  A
# task offered to the reader becomes theirs as they complete it; a task of
# a suspended process cannot be completed; a completed task reads back
# who completed it, when, and with what.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use XML::LibXML;
use Portico::Test;
use Portico::Tasks;

my $FORM = '[{"name":"approved","type":"boolean","label":"Approve","label_de":"Freigeben","required":true},'
    . '{"name":"comment","type":"text","label":"Comment","label_de":"Kommentar"},'
    . '{"name":"amount","type":"number","label":"Amount","label_de":"Betrag","required":true},'
    . '{"name":"ref","type":"string","label":"Reference","label_de":"Zeichen"},'
    . '{"name":"deliver_on","type":"date","label":"Deliver on","label_de":"Liefern am"}]';

my ($p1, undef, $c1) = ts_person(roles => [qw(customer_user approver)], name => "Completer $$");
my ($p2, undef, $c2) = ts_person(roles => [qw(customer_user approver)], lang => 'de');

sub keys_at {
    my ($doc) = @_;
    my %m;
    $m{ $_->getAttribute('field') // '' } = $_->getAttribute('key')
        for $doc ? $doc->findnodes('/page/messages/message[@kind="error"]') : ();
    return \%m;
}
sub kept { my ($doc, $f) = @_; return xp($doc, "/page/form/field[\@name='$f']") }

my $task = ts_task(roles => ['approver'], assignee => $p1, form => $FORM, key => 'O-2026-990101');

subtest 'the form' => sub {
    my ($doc, $res) = $c1->get_xml("/tasks/$task");
    is($res->code, 200, 'the task page');
    is(xp($doc, '/page/task/may/@complete'), '1', 'it may be completed');
    is_deeply([xp_list($doc, '/page/task/fields/field/@type')], [qw(boolean text number string date)], 'five fields');
    is(xp($doc, '/page/task/fields/field[@name="amount"]'), 'Amount', 'labelled');
    is(xp($doc, '/page/task/fields/field[@name="amount"]/@required'), '1', 'required');
    my $html = XML::LibXML->load_html(string => $c1->get("/tasks/$task")->decoded_content, recover => 2,
        suppress_errors => 1);
    my ($form) = $html->findnodes("//form[\@action='/tasks/$task/complete']");
    ok($form, 'a form to complete it') or return;
    is(scalar(() = $form->findnodes('.//input[@type="radio" and @name="f-approved"]')), 2, 'yes and no');
    is(xp($form, './/fieldset[.//input[@name="f-approved"]]/legend'), 'Approve *', 'with a legend and its mark');
    ok($form->findnodes('.//textarea[@name="f-comment" and @id="f-comment"]'), 'a text area');
    ok($form->findnodes('.//label[@for="f-comment"]'), 'labelled');
    ok($form->findnodes('.//input[@name="f-amount" and @inputmode="decimal" and @required]'), 'a number');
    ok($form->findnodes('.//input[@name="f-deliver_on" and @type="date"]'), 'a date');
    ok($form->findnodes('.//input[@name="f-ref" and @maxlength="200"]'), 'a line, bounded');
    ok($form->findnodes('.//input[@name="csrf"]'), 'with the token');
    my ($de) = $c2->get_xml("/tasks/" . ts_task(roles => ['approver'], form => $FORM));
    is(xp($de, '/page/task/fields/field[@name="amount"]'), 'Betrag', 'in German for a German reader');
};

subtest 'bad input: 422 with the values kept' => sub {
    my ($doc, $res) = or_post($c1, "/tasks/$task/complete", []);
    is($res->code, 422, 'nothing filled in');
    my $m = keys_at($doc);
    is($m->{'f-approved'}, 'input.choose', 'the decision is required');
    is($m->{'f-amount'}, 'input.required', 'the amount is required');
    ok(!$m->{'f-comment'} && !$m->{'f-ref'}, 'the optional ones are fine');

    ($doc, $res) = or_post($c1, "/tasks/$task/complete", ['f-approved' => 'maybe', 'f-amount' => '12 apples',
        'f-deliver_on' => '2027-02-30', 'f-ref' => 'x' x 201, 'f-comment' => "Line one\nline two"]);
    is($res->code, 422, 'malformed values');
    $m = keys_at($doc);
    is($m->{'f-approved'}, 'input.choice', 'yes or no only');
    is($m->{'f-amount'}, 'tasks.input.number', 'not a number');
    is($m->{'f-deliver_on'}, 'tasks.input.date', 'not a date');
    is($m->{'f-ref'}, 'input.too-long', 'too long');
    is(xp($doc, '/page/messages/message[@field="f-ref"]/@max'), '200', 'says how long it may be');
    is(kept($doc, 'f-amount'), '12 apples', 'the amount kept as typed');
    is(kept($doc, 'f-deliver_on'), '2027-02-30', 'the date kept');
    is(kept($doc, 'f-comment'), "Line one\nline two", 'the comment kept');
    is(xp($doc, '/page/task/fields/field[@name="amount"]'), 'Amount', 'the form is shown again');
    my $row = ts_task_row($task);
    is($row->{state}, 'open', 'the task is still open');
    is(scalar(@{ ts_commands($task) }), 0, 'no command written');

    my $html = XML::LibXML->load_html(string => $c1->post("/tasks/$task/complete",
        ['f-approved' => 'yes', 'f-amount' => 'abc', csrf => or_csrf($c1)])->decoded_content,
        recover => 2, suppress_errors => 1);
    ok($html->findnodes('//input[@name="f-amount" and @value="abc" and @aria-invalid="true"]'),
        'HTML: the bad value kept and marked');
    ok($html->findnodes('//p[@id="f-amount-error"]'), 'HTML: its message next to it');
    ok($html->findnodes('//input[@name="f-approved" and @value="yes" and @checked]'), 'HTML: the choice kept');
    ok($html->findnodes('//*[contains(@class, "error-summary")]//a[@href="#f-amount"]'), 'HTML: the summary links to it');
};

my $role = ts_flow_role_make();
sql("INSERT INTO user_roles (user_id, role_id) SELECT id, " . ts_role_id($role) . " FROM users WHERE id IN ($p1, $p2)");

subtest 'completed, and flowd goes on' => sub {
    my ($ft, $inst) = ts_flow_task(key => 'O-2026-990101');
    my (undef, $res) = or_post($c1, "/tasks/$ft/claim", []);
    is($res->code, 303, 'claimed first');
    (undef, $res) = or_post($c1, "/tasks/$ft/complete", ['f-approved' => 'yes', 'f-amount' => '1234,5'],
        no_csrf => 1);
    is($res->code, 403, 'not without the session token');
    (undef, $res) = or_post($c1, "/tasks/$ft/complete", ['f-approved' => 'yes', 'f-amount' => '1234,5',
        'f-comment' => 'Fine by me', 'f-deliver_on' => '2027-01-31', 'f-ref' => '']);
    is($res->code, 303, 'completed');
    is(location_path($res), "/tasks/?done=$ft", 'back to the inbox');
    my $row = ts_task_row($ft);
    like($row->{state}, qr/\A(?:completing|completed)\z/, 'the task is being completed (or flowd was quick)');
    is($row->{completed_by}, $p1, 'by them');
    my @a = audit_of('task.complete', 'task', $ft);
    is(scalar(@a), 1, 'an audit row');
    is($a[0]{user}, $p1, 'by them');
    like($a[0]{after}, qr/"amount":1234\.5/, 'with the values');

    my ($doc) = ts_inbox($c1, "?done=$ft&show=mine");
    is(xp($doc, '/page/messages/message/@key'), 'tasks.done', 'the inbox says so');

    ok(flow_wait(10, sub { ts_task_row($ft)->{state} eq 'completed' }), 'flowd completes the task');
    ok(flow_wait(10, sub { (sql_value("SELECT state FROM flow_instances WHERE id = $inst") // '') eq 'completed' }),
        'and the process ends');
    my $v = flow_vars($inst);
    is_deeply($v->{approved}, ['boolean', 'true'], 'approved: true');
    is_deeply($v->{amount}, ['number', '1234.5'], 'the amount as a number');
    is_deeply($v->{comment}, ['string', 'Fine by me'], 'the comment');
    is_deeply($v->{ref}, ['string', ''], 'an empty optional line is ""');
    is_deeply($v->{deliver_on}, ['date', '2027-01-31T00:00:00Z'], 'the date');
    is_deeply($v->{completed_by}, ['number', $p1], 'who completed it, for the model');
    is_deeply($v->{approved_copy}, ['boolean', 'true'], "the task's assignments ran");
    my ($h) = grep { $_->{element} eq 'review' } @{ flow_history($inst) };
    is($h->{user}, $p1, 'the history names them');

    ($doc) = $c1->get_xml("/tasks/$ft");
    is(xp($doc, '/page/task/@state'), 'completed', 'the page: completed');
    is(xp($doc, '/page/task/may/@complete'), '', 'no form any more');
    is(xp($doc, '/page/task/completed-by'), "Completer $$", 'who completed it');
    ok(xp($doc, '/page/task/@completed'), 'when');
    is(xp($doc, '/page/task/answers/answer[@name="amount"]'), '1234.5', 'with what');
    is(xp($doc, '/page/task/answers/answer[@name="approved"]'), 'true', 'the decision');

    my $res2;
    ($doc, $res2) = or_post($c1, "/tasks/$ft/complete", ['f-approved' => 'no', 'f-amount' => '1']);
    is($res2->code, 422, 'not twice');
    is(xp($doc, '/page/messages/message/@key'), 'tasks.closed', 'it is no longer open');
};

subtest 'offered: theirs as they complete it' => sub {
    my ($offered, $inst) = ts_flow_task();
    my (undef, $res) = or_post($c2, "/tasks/$offered/complete", ['f-approved' => 'no', 'f-amount' => '7',
        'f-comment' => 'Zu teuer']);
    is($res->code, 303, 'a candidate completes an offered task');
    is(ts_task_row($offered)->{assignee_id}, $p2, 'it became theirs');
    ok(flow_wait(10, sub { ts_task_row($offered)->{state} eq 'completed' }), 'and flowd completes it');
    is_deeply(flow_vars($inst)->{approved}, ['boolean', 'false'], 'approved: false');
};

subtest 'a suspended process' => sub {
    my $t = ts_task(roles => ['approver'], assignee => $p1, instance_state => 'suspended');
    my ($doc) = $c1->get_xml("/tasks/$t");
    is(xp($doc, '/page/task/may/@suspended'), '1', 'the page says it is suspended');
    is(xp($doc, '/page/task/may/@complete'), '', 'no form');
    my $html = $c1->get("/tasks/$t")->decoded_content;
    like($html, qr/suspended this process/, 'HTML: in words');
    my $res;
    ($doc, $res) = or_post($c1, "/tasks/$t/complete", ['f-approved' => 'yes']);
    is($res->code, 422, 'completing is refused');
    is(xp($doc, '/page/messages/message/@key'), 'tasks.complete.suspended', 'with the reason');
    is(ts_task_row($t)->{state}, 'open', 'still open');
    is(scalar(@{ ts_commands($t) }), 0, 'no command');
};

subtest 'a completed task reads back' => sub {
    my $inst = ts_instance(org => ACME);
    my $t = ts_task(roles => ['approver'], instance => $inst, state => 'completed');
    sql("UPDATE flow_tasks SET completed_by = $p2, completed_at = UTC_TIMESTAMP(6) WHERE id = $t");
    sql("INSERT INTO flow_variables (instance_id, name, type, value, updated_at) VALUES"
        . " ($inst, 'approved', 'boolean', 'true', UTC_TIMESTAMP(6)),"
        . " ($inst, 'comment', 'string', 'Gern', UTC_TIMESTAMP(6))");
    my ($doc, $res) = $c1->get_xml("/tasks/$t");
    is($res->code, 200, 'a candidate role holder reads it');
    is(xp($doc, '/page/task/@state'), 'completed', 'completed');
    is(xp($doc, '/page/task/answers/answer[@name="approved"]'), 'true', 'the decision');
    is(xp($doc, '/page/task/answers/answer[@name="comment"]'), 'Gern', 'the comment');
    my $html = XML::LibXML->load_html(string => $c2->get("/tasks/$t")->decoded_content, recover => 2,
        suppress_errors => 1);
    like(xp($html, '//dl[contains(@class, "ts-values")]'), qr/Bestellung freigeben\s*Ja/, 'HTML: in German, Ja');
    sql("DELETE FROM flow_variables WHERE instance_id = $inst");
};

done_testing;
