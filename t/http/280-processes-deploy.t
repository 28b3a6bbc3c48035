# portico-admin process deploy (issue 14): the set-up deployed the shipped
# models; a model is deployed as version 1, deploying it again changes
# nothing, a changed model becomes version 2, a model the validator
# refuses is named with its line and leaves no row; each deploy writes its
# audit row and the 'deployed' command flowd arms the start events by.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Encode ();
use File::Spec;
use Test::More;
use Portico::Test;
use Portico::Admin;
use Portico::Processes;

ok(-x admin_bin(), 'portico-admin is built') or BAIL_OUT('no portico-admin');

# The set-up (script/test, script/server) deployed processes/*.bpmn.
for my $key (qw(order-approval return-handling ticket-escalation customer-onboarding)) {
    my $d = definition_of($key, 1);
    ok($d, "$key is deployed as version 1 by the set-up") or next;
    is($d->{file_name}, "$key.bpmn", "$key: its file name");
    is($d->{deployed_by}, undef, "$key: deployed by portico-admin (nobody)");
    like($d->{sha256}, qr/\A[0-9a-f]{64}\z/, "$key: its SHA-256");
}
is(Encode::decode_utf8(sql_value("SELECT name_de FROM flow_definitions WHERE process_key = 'order-approval'")),
    'Freigabe über dem Budget', 'the German name is kept');

# The shipped models again: unchanged.
my @shipped = map { File::Spec->catfile(repo_dir(), 'processes', "$_.bpmn") } qw(order-approval return-handling);
my ($rc, $out, $err) = admin_run(conf_file(), 'process', 'deploy', @shipped);
is($rc, 0, 'deploying the shipped models again: exit 0') or diag("$out$err");
like($out, qr{order-approval\.bpmn: order-approval unchanged \(version 1\)$}m, 'order-approval unchanged');
like($out, qr{return-handling\.bpmn: return-handling unchanged \(version 1\)$}m, 'return-handling unchanged');
is(sql_value("SELECT COUNT(*) FROM flow_definitions WHERE process_key = 'order-approval'"), 1,
    'no new version');

# A new process.
my $key = 't280-' . unique_tag();
my $v1 = model_file("$key.bpmn", model_xml(key => $key, name => 'Check a claim', name_de => 'Anspruch prüfen'));
($rc, $out, $err) = admin_run(conf_file(), 'process', 'deploy', $v1);
is($rc, 0, 'a new model: exit 0') or diag("$out$err");
is($out, "$v1: $key deployed as version 1\n", 'says: deployed as version 1');
my $d1 = definition_of($key, 1);
ok($d1, 'flow_definitions has version 1') or BAIL_OUT('not deployed');
is($d1->{name}, 'Check a claim', 'its name');
is(Encode::decode_utf8($d1->{name_de}), 'Anspruch prüfen', 'its German name');
is($d1->{file_name}, "$key.bpmn", 'its file name, without the directory');
is($d1->{bytes}, -s $v1, 'the document as deployed');
my @audit = audit_of('process.deploy', 'flow_definition', $d1->{id});
is(scalar @audit, 1, 'one audit row');
like($audit[0]{after}, qr/"process_key":"\Q$key\E","version":1/, 'naming key and version');

# The 'deployed' command: pending until flowd takes it; once taken, the
# model's message start event is subscribed.  Never failed.
ok(wait_until(5, sub {
    sql_value("SELECT COUNT(*) FROM flow_commands WHERE kind = 'deployed' AND definition_id = $d1->{id}"
        . ' AND failed_at IS NULL')
    || sql_value("SELECT COUNT(*) FROM flow_subscriptions WHERE definition_id = $d1->{id}"
        . " AND instance_id IS NULL AND message = '$key.start'") }), "the 'deployed' command for flowd");
is(sql_value("SELECT COUNT(*) FROM flow_commands WHERE definition_id = $d1->{id} AND failed_at IS NOT NULL"),
    0, 'which did not fail');

# The same file again: unchanged, nothing written.
($rc, $out, $err) = admin_run(conf_file(), 'process', 'deploy', $v1);
is($rc, 0, 'the same model again: exit 0');
is($out, "$v1: $key unchanged (version 1)\n", 'says: unchanged');
is(sql_value("SELECT COUNT(*) FROM flow_definitions WHERE process_key = '$key'"), 1, 'no second version');
is(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'process.deploy' AND after_json LIKE '%\"$key\"%'"),
    1, 'and no second audit row');

# Changed: version 2; version 1 stays.
my $v2 = model_file("$key-v2.bpmn", model_xml(key => $key, name => 'Check a claim', task => 'Look closely'));
($rc, $out, $err) = admin_run(conf_file(), 'process', 'deploy', $v2);
is($rc, 0, 'a changed model: exit 0') or diag("$out$err");
is($out, "$v2: $key deployed as version 2\n", 'says: deployed as version 2');
my $d2 = definition_of($key, 2);
ok($d2 && $d2->{sha256} ne $d1->{sha256}, 'version 2 with its own SHA-256');
ok(definition_of($key, 1), 'version 1 stays');

# Refused: the parser's message with element, id and line; no row; exit 1
# even when another file of the same call is deployed.
my $bad = fixture_bpmn('import-error-boundaryEvent-missingAttachToRef.bpmn');
my $v3 = model_file("$key-v3.bpmn", model_xml(key => $key, name => 'Check a claim', task => 'Look again'));
($rc, $out, $err) = admin_run(conf_file(), 'process', 'deploy', $bad, $v3);
is($rc, 1, 'a refused model: exit 1');
like($out, qr{^\Q$bad\E: refused: line 5: boundaryEvent "BoundaryEvent_1" is attached to nothing \(no attachedToRef\)$}m,
    'names the element, its id and its line');
like($out, qr{^\Q$v3\E: \Q$key\E deployed as version 3$}m, 'the good file of the same call is deployed');
is(sql_value("SELECT COUNT(*) FROM flow_definitions WHERE file_name LIKE 'import-error%'"), 0,
    'the refused model left no row');

# What the tables cannot hold is refused too.
my $long = 'p' x 101;
my $vl = model_file('long.bpmn', model_xml(key => $long));
($rc, $out) = admin_run(conf_file(), 'process', 'deploy', $vl);
is($rc, 1, 'a process id longer than 100 characters: exit 1');
like($out, qr{refused: line \d+: process "p+": its id must be 1 to 100 characters}, 'says why');
my $vs = model_file('slash.bpmn', model_xml(key => 'a/b'));
($rc, $out) = admin_run(conf_file(), 'process', 'deploy', $vs);
like($out, qr{refused: line \d+: process "a/b": its id must be 1 to 100 characters: a letter or _, then},
    'a process id that is no NCName is refused');

($rc, $out) = admin_run(conf_file(), 'process', 'deploy', '/nonexistent/x.bpmn');
is($rc, 1, 'a missing file: exit 1');
like($out, qr{^/nonexistent/x\.bpmn: refused: cannot be read: No such file or directory$}m, 'says so');

done_testing();
