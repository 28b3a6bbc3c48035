# Login throttling per account: after [throttle] account_failures (5) failed
# logins within window_min (15) the account is refused with 429, even with
# the right password; failures older than the window do not count; an
# unknown email is throttled the same way (no enumeration through 429).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $victim  = 'olivia@acme.example';
my $tag     = unique_tag('thr');
my $unknown = "$tag\@nowhere.example";
my $LIMIT   = 5;

sub attempt {
    my ($email, $pw) = @_;
    my $c = Portico::Test->client;
    my ($doc, $res) = $c->post_xml('/auth/login', [email => $email, password => $pw, csrf => $c->csrf]);
    return ($doc, $res);
}

sub clean {
    sql('DELETE FROM login_attempts WHERE email IN (' . sql_quote($victim) . ',' . sql_quote($unknown) . ')');
}

clean();

subtest 'failures older than the window do not lock' => sub {
    sql(join ';', map {
        'INSERT INTO login_attempts (email, ip, attempted_at, success) VALUES ('
            . sql_quote($victim) . ", '127.0.0.1', UTC_TIMESTAMP(6) - INTERVAL 16 MINUTE, 0)"
    } 1 .. $LIMIT + 2);
    my $c = Portico::Test->client;
    my $res = $c->login($victim, DEMO_PASSWORD);
    is($res->code, 303, 'login succeeds despite old failures');
    clean();
};

subtest 'account is locked after the limit' => sub {
    for my $i (1 .. $LIMIT - 1) {
        my (undef, $res) = attempt($victim, "wrong-$i");
        is($res->code, 422, "failure $i is 422");
    }
    my (undef, $res) = attempt($victim, "wrong-$LIMIT");
    like($res->code, qr/^(422|429)$/, "failure $LIMIT is 422 or already 429");
    is(sql_value('SELECT COUNT(*) FROM login_attempts WHERE success = 0 AND email = ' . sql_quote($victim)),
        $LIMIT, "$LIMIT failures recorded for the account");

    my $sessions_sql = 'SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = '
        . sql_quote($victim);
    my $sessions_before = sql_value($sessions_sql);
    my $c = Portico::Test->client;
    my ($doc, $r) = $c->post_xml('/auth/login', [email => $victim, password => DEMO_PASSWORD, csrf => $c->csrf]);
    is($r->code, 429, 'right password now refused with 429');
    ok($doc, 'XML answer') or return;
    is(xp($doc, '/page/@view'), 'login', 'login form shown again');
    ok(grep({ $_ eq 'login.throttled' } message_keys($doc)), 'message login.throttled');
    is(xp($doc, "/page/form/field[\@name='email']"), $victim, 'email kept in the form');
    is(xp_count($doc, '/page/session/user'), 0, 'not logged in');
    ok(!$c->cookie('portico_session'), 'no session cookie');

    my $html = $c->login($victim, DEMO_PASSWORD);
    is($html->code, 429, 'HTML form is 429 too');
    like($html->header('Content-Type') // '', qr{^text/html}, 'rendered as HTML');
    is(sql_value($sessions_sql), $sessions_before, 'no session created for the locked account');
};

subtest 'another account from the same address is not locked' => sub {
    my $c = Portico::Test->client;
    is($c->login('anna.admin@acme.example', DEMO_PASSWORD)->code, 303, 'anna can log in');
};

subtest 'unknown email is throttled like a known one' => sub {
    for my $i (1 .. $LIMIT) {
        attempt($unknown, "wrong-$i");
    }
    my ($doc, $res) = attempt($unknown, DEMO_PASSWORD);
    is($res->code, 429, 'unknown email gets 429 after the limit too');
    ok(grep({ $_ eq 'login.throttled' } message_keys($doc)), 'same login.throttled message') if $doc;
};

subtest 'unlocked when the failures are gone' => sub {
    clean();
    my $c = Portico::Test->client;
    is($c->login($victim, DEMO_PASSWORD)->code, 303, 'login works again');
};

END { eval { clean() } }

done_testing;
