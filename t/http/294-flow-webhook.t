# webhook.call, flowd's action that tells the integration ([flow]
# webhook_url) of a process's event: an HTTP POST of JSON (the event, the
# process, the business key, the instance's variables) with the job's id
# as Idempotency-Key, against a listener of the test's own.  Run twice for
# one job (a retry), the receiver hears of it once; a receiver that fails
# (HTTP 500) or does not answer within [flow] webhook_timeout_ms is a
# failure to try again (nothing logged, so the retry calls again, with the
# same key); without a URL configured it is refused at once.
use strict;
use warnings;
use feature 'state';
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use File::Temp qw(tempdir);
use IO::Socket::INET;
use JSON::PP;
use Time::HiRes ();
use Portico::Test;
use Portico::Process;

my $dir = tempdir(CLEANUP => 1);

# A listener on a port of its own: each request's head and body into
# $dir/requests (one file each), answered with status after delay_s.
sub listener {
    my (%o) = @_;
    my $server = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0, Listen => 5,
        Proto => 'tcp', ReuseAddr => 1) or die "listen: $!";
    my $port = $server->sockport;
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        my $n = 0;
        while (my $c = $server->accept) {
            my ($head, $body) = ('', '');
            while (my $line = <$c>) {
                $head .= $line;
                last if $line eq "\r\n";
            }
            my ($len) = $head =~ /^Content-Length:\s*(\d+)/mi;
            read($c, $body, $len // 0);
            $n++;
            open(my $f, '>', "$dir/request-$port-$n") or die;
            print $f $head, $body;
            close $f;
            Time::HiRes::sleep($o{delay_s}) if $o{delay_s};
            my $status = $o{status} // 200;
            print $c "HTTP/1.1 $status Whatever\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
            close $c;
        }
        exit 0;
    }
    close $server;
    return ($port, $pid);
}

sub requests {
    my ($port) = @_;
    return map { local $/; open(my $f, '<', $_) or die; scalar <$f> } sort glob("$dir/request-$port-*");
}

# The stack's configuration with [flow] added.
sub conf_with {
    my (%flow) = @_;
    state $n = 0;
    my $file = "$dir/portico-" . ++$n . '.conf';
    open(my $in, '<', conf_file()) or die;
    open(my $out, '>', $file) or die;
    print $out $_ while <$in>;
    print $out "\n[flow]\n", map { "$_ = $flow{$_}\n" } sort keys %flow;
    close $out;
    return $file;
}

my ($port, $pid) = listener();
my $inst = fl_test_instance(org => 2, key => "WH-$$", vars => { order_id => 42, note => 'über' });
my $conf = conf_with(webhook_url => "http://127.0.0.1:$port/hook", webhook_timeout_ms => 2000);

subtest 'the receiver hears of it once, with the job as its key' => sub {
    my $job = fl_job_id();
    my ($rc, $out) = fl_action($job, $inst, 'webhook.call', [event => 'order.escalated'], conf => $conf);
    is_deeply($out, ['rc=0 ', 'rc=0 '], 'both runs answer PT_OK');
    my @r = requests($port);
    is(scalar(@r), 1, 'one request, though the action ran twice');
    my ($head, $body) = split /\r\n\r\n/, $r[0] // '', 2;
    like($head, qr{^POST /hook HTTP/1\.1\r\n}, 'a POST to the configured URL');
    like($head, qr{^Content-Type: application/json\r$}mi, 'of JSON');
    like($head, qr{^Idempotency-Key: flow-job-$job\r$}mi, 'the job as its idempotency key');
    my $json = eval { JSON::PP->new->utf8->decode($body // '') };
    ok($json, 'the body is JSON') or return;
    is($json->{event}, 'order.escalated', 'the event');
    is($json->{business_key}, "WH-$$", 'the business key');
    is($json->{job_id}, $job, 'the job');
    is($json->{org_id}, 2, 'the org');
    is_deeply($json->{variables}, { order_id => 42, note => "\x{fc}ber" }, 'the variables, typed');
    is_deeply(sql_rows("SELECT action, result FROM flow_action_log WHERE job_id = $job"),
        [['webhook.call', 'webhook order.escalated: HTTP 200']], 'logged with what the receiver said');
};

subtest 'a failing or silent receiver: try again' => sub {
    my ($bad_port, $bad_pid) = listener(status => 500);
    my $job = fl_job_id();
    my ($rc, $out) = fl_action($job, $inst, 'webhook.call', [event => 'x'],
        conf => conf_with(webhook_url => "http://127.0.0.1:$bad_port/hook"), times => 1);
    like($out->[0], qr/^rc=-6 the webhook answered HTTP 500$/, 'HTTP 500: a failure to retry (not PT_EINVAL)');
    is(sql_value("SELECT COUNT(*) FROM flow_action_log WHERE job_id = $job"), 0, 'nothing logged');
    ($rc, $out) = fl_action($job, $inst, 'webhook.call', [event => 'x'],
        conf => conf_with(webhook_url => "http://127.0.0.1:$bad_port/hook"), times => 1);
    my @r = requests($bad_port);
    is(scalar(@r), 2, 'the retry calls again');
    like($r[1] // '', qr/^Idempotency-Key: flow-job-$job\r$/mi, '... with the same key');
    kill 'TERM', $bad_pid;
    waitpid($bad_pid, 0);

    my ($slow_port, $slow_pid) = listener(delay_s => 5);
    my $t0 = Time::HiRes::time();
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'webhook.call', [event => 'x'],
        conf => conf_with(webhook_url => "http://127.0.0.1:$slow_port/hook", webhook_timeout_ms => 500), times => 1);
    my $took = Time::HiRes::time() - $t0;
    like($out->[0], qr/^rc=-6 the webhook did not answer: /, 'no answer within the timeout: a failure to retry');
    cmp_ok($took, '<', 3, "given up after the timeout, not the receiver's 5 s (took $took s)");
    kill 'TERM', $slow_pid;
    waitpid($slow_pid, 0);
};

subtest 'no webhook configured: refused at once' => sub {
    my ($rc, $out) = fl_action(fl_job_id(), $inst, 'webhook.call', [event => 'x'], times => 1,
        conf => conf_with(webhook_url => ''));
    is($out->[0], 'rc=-4 no webhook: [flow] webhook_url is not configured', 'PT_EINVAL, saying why');
    ($rc, $out) = fl_action(fl_job_id(), $inst, 'webhook.call', [event => 'x'], times => 1,
        conf => conf_with(webhook_url => 'file:///etc/passwd'));
    is($out->[0], 'rc=-4 [flow] webhook_url is not an http or https URL', 'another scheme: refused');
};

kill 'TERM', $pid;
waitpid($pid, 0);
done_testing;
