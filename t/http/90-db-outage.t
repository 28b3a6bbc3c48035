# MariaDB goes away: pages answer 503 with the "unavailable" view, still
# rendered as HTML, and /auth/health says so; when it comes back the same
# workers (same PIDs) answer 200 again within a few seconds, and a session
# made before the outage is still good. The database is always restarted.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;

my $repo = repo_dir();
my $stopped = 0;


END {
    if ($stopped) {
        my $rc = $?;
        run_script('db-start') or diag('db-start failed in END');
        wait_until(30, sub { Portico::Test->client->get('/auth/health')->code == 200 })
            or diag('health not back after db-start');
        $? = $rc;
    }
}

my $c = Portico::Test->client(accept_language => 'en');
is($c->get('/auth/health')->code, 200, 'healthy before');
is($c->login('agent@portico.example', DEMO_PASSWORD)->code, 303, 'logged in before the outage');
is($c->get('/')->code, 200, 'start page before');
my @pids = worker_pids();
ok(scalar @pids, 'workers listening on auth.sock: ' . join(' ', @pids));
# A second browser that had the login form open before the outage.
my $browser2 = Portico::Test->client(accept_language => 'en');
my $browser2_csrf = $browser2->csrf;

ok(-x "$repo/script/db-stop", 'script/db-stop exists') or do { done_testing; exit };
$stopped = 1;
ok(run_script('db-stop'), 'script/db-stop') or do { done_testing; exit };

subtest 'during the outage' => sub {
    my $res = $browser2->get('/auth/login');
    is($res->code, 503, 'GET /auth/login is 503');
    like($res->header('Content-Type') // '', qr{^text/html}, 'rendered as HTML');
    like($res->decoded_content, qr{<html[^>]*\blang="en"}, 'a real page with lang');
    is($res->header('Content-Security-Policy') ? 1 : 0, 1, 'security headers still sent');
    my ($doc, $xres) = $browser2->get_xml('/auth/login');
    is($xres->code, 503, 'XML 503');
    is(xp($doc, '/page/@view'), 'unavailable', 'view unavailable');
    is(xp($doc, '/page/@status'), '503', 'page status 503');

    $res = $browser2->get('/auth/health');
    is($res->code, 503, 'health is 503');
    my $h = xml_of($res);
    isnt(xp($h, '(/health | /page/health)/@db'), 'ok', 'health says db is not ok') if $h;

    $res = $c->get('/');
    is($res->code, 503, 'logged-in start page is 503');

    $res = $browser2->post('/auth/login', [email => 'agent@portico.example', password => DEMO_PASSWORD, csrf => $browser2_csrf]);
    is($res->code, 503, 'login attempt is 503');
};

ok(run_script('db-start'), 'script/db-start');
my $t0 = time;
my $back = wait_until(15, sub { Portico::Test->client->get('/auth/health')->code == 200 });
ok($back, 'health back to 200 within 15 s (' . (time - $t0) . ' s)');
$stopped = 0 if $back;

subtest 'after the outage' => sub {
    is($browser2->get('/auth/login')->code, 200, 'GET /auth/login is 200');
    is(xp(scalar $browser2->get_xml('/auth/login'), '/page/@view'), 'login', 'login view again');
    is($c->get('/')->code, 200, 'the session from before the outage still works');
    is($browser2->login('agent@portico.example', DEMO_PASSWORD)->code, 303, 'a new login works');
    # Every worker process must have reconnected, not only the one that
    # answered first: ask a few more times.
    my @codes = map { $browser2->get('/')->code } 1 .. 8;
    is_deeply(\@codes, [(200) x 8], 'repeated requests all 200');
    is_deeply([worker_pids()], \@pids, 'the same worker processes (not restarted)');
};

done_testing;
