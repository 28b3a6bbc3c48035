# Login throttling per client address: after [throttle] ip_failures (20)
# failed logins from one address within the window, every login from that
# address is refused with 429, even a first try at an untouched account.
# The failures are planted with SQL for this client's own address (as the
# worker recorded it), and removed again, so other test files are not
# locked out.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $LIMIT  = 20;
my $tag    = unique_tag('ipthr');
my $probe  = "$tag-probe\@nowhere.example";
my $target = 'manager@portico.example';

sub plant {
    my ($ip, $age_min) = @_;
    sql(join ';', map {
        'INSERT INTO login_attempts (email, ip, attempted_at, success) VALUES ('
            . sql_quote("$tag-$_\@nowhere.example") . ', ' . sql_quote($ip)
            . ", UTC_TIMESTAMP(6) - INTERVAL $age_min MINUTE, 0)"
    } 1 .. $LIMIT);
}

sub clean {
    sql("DELETE FROM login_attempts WHERE email LIKE '$tag-%'");
    sql('DELETE FROM login_attempts WHERE success = 0 AND email = ' . sql_quote($target));
}

# One real failure tells which address the worker records for us.
my $c = Portico::Test->client;
my $res = $c->login($probe, 'wrong');
is($res->code, 422, 'probe failure is 422');
my $rows = sql_rows('SELECT ip, success FROM login_attempts WHERE email = ' . sql_quote($probe));
is(scalar @$rows, 1, 'the failure is recorded once');
my $ip = $rows->[0][0] // '';
like($ip, qr/^[0-9a-fA-F:.]+$/, "recorded with the client address ($ip)");
is($rows->[0][1], 0, 'recorded as a failure');

subtest 'failures older than the window do not count' => sub {
    plant($ip, 16);
    my $u = Portico::Test->client;
    is($u->login($target, DEMO_PASSWORD)->code, 303, 'login succeeds');
    clean();
};

subtest 'address is locked after the limit' => sub {
    plant($ip, 0);
    my $u = Portico::Test->client;
    my ($doc, $r) = $u->post_xml('/auth/login', [email => $target, password => DEMO_PASSWORD, csrf => $u->csrf]);
    is($r->code, 429, 'right password for an untouched account refused with 429');
    ok(grep({ $_ eq 'login.throttled' } message_keys($doc)), 'message login.throttled') if $doc;
    ok(!$u->cookie('portico_session'), 'no session cookie');
};

subtest 'failures from another address do not lock this one' => sub {
    clean();
    plant('192.0.2.77', 0);
    my $u = Portico::Test->client;
    is($u->login($target, DEMO_PASSWORD)->code, 303, 'login succeeds');
};

subtest 'unlocked when the failures are gone' => sub {
    clean();
    my $u = Portico::Test->client;
    is($u->login($target, DEMO_PASSWORD)->code, 303, 'login works again');
};

END {
    eval { clean(); sql('DELETE FROM login_attempts WHERE email = ' . sql_quote($probe)) };
}

done_testing;
