# Hostile input: oversized bodies, too many fields, over-long fields, broken
# percent-encoding, invalid UTF-8, NUL bytes, huge headers. The stack answers
# each with a 4xx (never a 5xx other than 413/400/431 framing from nginx),
# logs in nobody, and keeps serving afterwards; the workers' logs show no
# sanitizer report.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Spec;
use Test::More;
use Portico::Test;

my $tag = unique_tag('bounds');
my $email = "$tag\@nowhere.example";
my $valid = 'carl@acme.example';

# Sanitizer reports written by the workers while this file runs (the
# workers' stderr goes to $PORTICO_VAR/log/<worker>.log).
my $logdir = File::Spec->catdir(var_dir(), 'log');
my %log_size;
for my $f (glob "$logdir/*.log") { $log_size{$f} = -s $f }

sub not_server_error {
    my ($res, $what) = @_;
    cmp_ok($res->code, '<', 500, "$what: no server error (" . $res->code . ')');
}

sub no_session {
    my ($c, $what) = @_;
    ok(!$c->cookie('portico_session'), "$what: nobody logged in");
}

my $c = Portico::Test->client;
my $csrf = $c->csrf;

subtest 'body over 1 MB' => sub {
    my $body = "csrf=$csrf&email=$email&password=" . ('a' x (1024 * 1024 + 10));
    my $res = $c->post_raw('/auth/login', $body);
    is($res->code, 413, '413 Payload Too Large');
    no_session($c, '1 MB');
};

subtest 'body over the worker limit (64 KiB) but under nginx\'s' => sub {
    my $body = "csrf=$csrf&email=$valid&password=portico-demo&pad=" . ('b' x (100 * 1024));
    my $res = $c->post_raw('/auth/login', $body);
    like($res->code, qr/^(400|413)$/, '400 or 413 (' . $res->code . ')');
    no_session($c, '100 KiB');
};

subtest '1000 fields' => sub {
    my $body = "csrf=$csrf&email=$valid&password=portico-demo&" . join('&', map { "f$_=1" } 1 .. 1000);
    my $res = $c->post_raw('/auth/login', $body);
    like($res->code, qr/^(400|413|422)$/, 'rejected with 400, 413 or 422 (' . $res->code . ')');
    no_session($c, '1000 fields');
};

subtest 'over-long fields' => sub {
    my $res = $c->post('/auth/login', [csrf => $csrf, email => ('x' x 10000) . '@nowhere.example', password => 'x']);
    like($res->code, qr/^(400|413|422)$/, 'over-long email: ' . $res->code);
    $res = $c->post('/auth/login', [csrf => $csrf, email => $valid, password => 'p' x 50000]);
    like($res->code, qr/^(400|413|422)$/, 'over-long password: ' . $res->code);
    $res = $c->post('/auth/login', [csrf => $csrf, email => $email, password => 'x', next => '/' . ('n' x 20000)]);
    not_server_error($res, 'over-long next');
    $res = $c->post('/auth/login', [csrf => ('c' x 30000), email => $email, password => 'x']);
    like($res->code, qr/^(400|403|413)$/, 'over-long csrf: ' . $res->code);
    no_session($c, 'over-long fields');
};

subtest 'broken percent-encoding' => sub {
    for my $body ("csrf=$csrf&email=%ZZ%4&password=%", "csrf=$csrf&email=$email%&password=x%2",
                  "csrf=$csrf&%=1&email=$email&password=x", "csrf=$csrf&&&==&email=$email&password=x") {
        my $res = $c->post_raw('/auth/login', $body);
        like($res->code, qr/^(400|422)$/, "body '$body' → 400 or 422 (" . $res->code . ')');
    }
    for my $q ('next=%E0%A4%A', 'next=%', '%%%', 'a=1&&&b', 'format=xml%00') {
        not_server_error($c->get("/auth/login?$q"), "query '$q'");
    }
    no_session($c, 'percent-encoding');
};

subtest 'invalid UTF-8' => sub {
    my ($doc, $res) = (undef, $c->post_raw('/auth/login', "csrf=$csrf&email=%FF%FE$tag%C0%AF\@x.example&password=x",
        'application/x-www-form-urlencoded', Accept => 'application/xml'));
    like($res->code, qr/^(400|422)$/, 'rejected (' . $res->code . ')');
    if ($res->code == 422) {
        ok(xml_of($res), 'and the form it shows is still well-formed XML');
    }
    $res = $c->post_raw('/auth/login', "csrf=$csrf&email=%FF%FE$tag%C0%AF\@x.example&password=x");
    like($res->code, qr/^(400|422)$/, 'HTML too (' . $res->code . ')');
    not_server_error($c->get('/auth/login?next=%FF%FE'), 'invalid UTF-8 in the query');
};

subtest 'NUL bytes' => sub {
    my $res = $c->post_raw('/auth/login', "csrf=$csrf&email=carl%00\@acme.example&password=portico-demo");
    like($res->code, qr/^(400|422)$/, 'encoded NUL in email (' . $res->code . ')');
    $res = $c->post_raw('/auth/login', "csrf=$csrf&email=$valid&password=portico-demo%00extra");
    like($res->code, qr/^(400|422)$/, 'NUL in password does not truncate it (' . $res->code . ')');
    $res = $c->post_raw('/auth/login', "csrf=$csrf&email=$valid\0&password=portico-demo");
    like($res->code, qr/^(400|422)$/, 'raw NUL in body (' . $res->code . ')');
    no_session($c, 'NUL');
};

subtest 'odd content types' => sub {
    my $res = $c->post_raw('/auth/login', "csrf=$csrf&email=$email&password=x", 'multipart/form-data; boundary=x');
    not_server_error($res, 'form data labelled multipart');
    $res = $c->post_raw('/auth/login', '{"email":"x"}', 'application/json');
    not_server_error($res, 'JSON body');
    $res = $c->post_raw('/auth/login', '', 'application/x-www-form-urlencoded');
    not_server_error($res, 'empty body');
    no_session($c, 'content types');
};

subtest 'huge and odd headers' => sub {
    my $u = Portico::Test->client;
    my $res = $u->get('/', Cookie => 'portico_session=' . ('A' x 6000));
    is($res->code, 303, '6 KB session cookie is just no session');
    $res = $u->get('/', Cookie => join('; ', map { "c$_=v$_" } 1 .. 500));
    like($res->code, qr/^(303|400|413|431)$/, '500 cookies: no session, or refused (' . $res->code . ')');
    $res = $u->get('/', Cookie => 'portico_session=' . ('A' x 70000));
    like($res->code, qr/^(303|400|413|431|494)$/, '70 KB cookie header: ' . $res->code);
    $res = $u->get('/auth/login', 'Accept-Language' => join(',', map { "x$_;q=0.$_" } 1 .. 400) . ',de;q=0.01');
    is($res->code, 200, 'long Accept-Language');
    $res = $u->get('/auth/login', 'Accept-Language' => ';;;q=,,,de;q=abc,en;q=9');
    is($res->code, 200, 'malformed Accept-Language');
    $res = $u->get('/auth/login?next=/' . ('a' x 6000));
    like($res->code, qr/^(200|400|413|414)$/, 'long URL: ' . $res->code);
    $res = $u->get('/auth/login', Cookie => 'portico_session=%00%ff; portico_lang=../../etc; portico_csrf=' . ('z' x 500));
    is($res->code, 200, 'garbage cookies');
};

subtest 'still serving' => sub {
    # The hostile logins above may count as failures for the account.
    sql('DELETE FROM login_attempts WHERE success = 0 AND email = ' . sql_quote($valid));
    my $u = Portico::Test->client;
    for (1 .. 6) {
        my $res = $u->get('/auth/health');
        is($res->code, 200, "health $_");
    }
    is($u->login($valid, DEMO_PASSWORD)->code, 303, 'a normal login works');
    is($u->get('/')->code, 200, 'and the start page');
};

subtest 'no sanitizer reports in the worker logs' => sub {
    my @found;
    for my $f (glob "$logdir/*.log") {
        next unless -f $f && $f !~ m{/(?:mysqld|mariadb)[^/]*$};
        open(my $fh, '<', $f) or next;
        seek($fh, $log_size{$f} // 0, 0);
        while (my $line = <$fh>) {
            push @found, "$f: $line" if $line =~ /AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|SEGV on unknown address/;
        }
    }
    is(scalar @found, 0, 'no sanitizer report or crash') or diag(@found[0 .. ($#found < 9 ? $#found : 9)]);
};

END {
    eval {
        sql("DELETE FROM login_attempts WHERE success = 0 AND (email LIKE '%$tag%' OR email LIKE 'xxxxxxxxxx%'"
            . " OR email IN ('carl\@acme.example', 'carl\\0\@acme.example'))");
    };
}

done_testing;
