# A line break from the request never reaches a response header: the
# "next" of the login page ending in LF (or carrying CRLF) is refused and
# "/" used instead, whether the visitor is signed in (a redirect to next)
# or not (the form echoes next). Checked on the raw bytes nginx sends, so
# an injected header or an early end of the header block would show.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use IO::Socket::INET;
use Test::More;
use Portico::Test;

# GET path over a plain socket: (head lines, body) as the client sees them.
sub raw_get {
    my ($path, $cookie) = @_;
    my $uri = URI->new(base_url());
    my $s = IO::Socket::INET->new(PeerAddr => $uri->host, PeerPort => $uri->port, Timeout => 10)
        or die "connect: $!";
    print $s "GET $path HTTP/1.1\r\nHost: " . $uri->host_port . "\r\nConnection: close\r\n"
        . ($cookie ? "Cookie: $cookie\r\n" : '') . "\r\n";
    local $/;
    my $raw = <$s> // '';
    close $s;
    my ($head, $body) = split /\r\n\r\n/, $raw, 2;
    return ([split /\r\n/, $head // ''], $body // '', $raw);
}

my @hostile = ('/x%0A', '/x%0D%0ASet-Cookie:%20evil=1', '/x%0D%0A%0D%0A<h1>injected</h1>');

subtest 'signed in: the redirect goes to / and the header block is intact' => sub {
    my $c = Portico::Test->client;
    is($c->login('carl@acme.example', DEMO_PASSWORD)->code, 303, 'signed in');
    my $cookie = 'portico_session=' . $c->cookie('portico_session');
    for my $next (@hostile) {
        my ($head, $body, $raw) = raw_get("/auth/login?next=$next", $cookie);
        like($head->[0], qr{^HTTP/1\.1 303 }, "$next: 303");
        my @loc = grep { /^Location:/i } @$head;
        is(scalar @loc, 1, "$next: one Location");
        like($loc[0] // '', qr{^Location: (?:https?://[^/]+)?/\z}i, "$next: to /");
        ok(!grep({ !/^[A-Za-z0-9-]+: ?\S/ } @$head[1 .. $#$head]), "$next: every header line is a header")
            or diag explain $head;
        ok(grep({ /^X-Content-Type-Options: nosniff$/ } @$head), "$next: the security headers follow");
        ok(!grep({ /^Set-Cookie: evil/i } @$head), "$next: no injected cookie");
        unlike($body, qr{injected|Content-Security-Policy|X-Request-Id}, "$next: no headers or markup in the body");
    }
    # LWP's view agrees.
    my $res = $c->get('/auth/login?next=/x%0A');
    is($res->code, 303, 'LWP: 303');
    is(location_path($res), '/', 'LWP: Location /');
};

subtest 'signed out: the form carries / as next' => sub {
    my $c = Portico::Test->client;
    for my $next (@hostile) {
        my ($doc, $res) = $c->get_xml("/auth/login?next=$next");
        is($res->code, 200, "$next: the login form");
        is(xp($doc, "/page/form[\@name='login']/field[\@name='next']"), '/', "$next: next refused");
    }
    my $res = $c->login('carl@acme.example', DEMO_PASSWORD, next => "/x\n");
    is($res->code, 303, 'signing in with next=/x LF: 303');
    is(location_path($res), '/', 'to /');
};

done_testing;
