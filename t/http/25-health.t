# /auth/health: 200 with <health status="ok" db="ok" stylesheets="ok"/> (on
# its own or inside the page envelope as view "health"), for anyone,
# without starting a session.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;

my $H = '(/health | /page/health)';

my $c = Portico::Test->client;
my $res = $c->get('/auth/health');
is($res->code, 200, 'GET /auth/health is 200');
like($res->header('Content-Type') // '', qr{^application/xml}, 'as XML');
my $doc = xml_of($res);
ok($doc, 'well-formed') or diag($res->content);
is(xp_count($doc, $H), 1, 'one <health> element');
is(xp($doc, "$H/\@status"), 'ok', 'status ok');
is(xp($doc, "$H/\@db"), 'ok', 'db ok');
is(xp($doc, "$H/\@stylesheets"), 'ok', 'stylesheets ok');
is(xp($doc, '/page/@view'), 'health', 'view health') if xp_count($doc, '/page');
ok(!set_cookies($res)->{portico_session}, 'no session cookie');
like($res->header('Cache-Control') // '', qr/no-store/, 'not cached');

my ($doc2, $res2) = $c->get_xml('/auth/health');
is($res2->code, 200, '?format=xml is the same answer');
is(xp($doc2, "$H/\@status"), 'ok', 'status ok');

my $res3 = $c->get('/auth/health', Accept => 'text/html');
like($res3->header('Content-Type') // '', qr{^application/xml}, 'XML even for a browser (view health is xml only)');

my $u = Portico::Test->client;
is($u->login('agent@portico.example', DEMO_PASSWORD)->code, 303, 'logged in');
is($u->get('/auth/health')->code, 200, 'health for a logged-in user');

done_testing;
