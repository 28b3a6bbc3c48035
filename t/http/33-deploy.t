# The deployment the README describes, in a temporary prefix: configure a
# separate build with --prefix under the test's var dir, make install, and
# run the INSTALLED programs with the INSTALLED configuration: portico.conf
# from portico.conf.sample with only what an operator sets (database,
# base_url, [log] file), the auth, kb and orders workers under spawn-fcgi (forking,
# their stderr on /dev/null), and nginx with the installed nginx.conf and
# site file (only host name, ports, certificate and nginx's own run and log
# paths replaced) over TLS with a throwaway certificate.  The smoke set:
# health, a login with CSRF, an article, an attachment uploaded in the kb
# editor and downloaded through X-Accel-Redirect, the orders worker's
# catalogue behind nginx's /orders/ location, the integration API behind
# /api/ (JSON, also nginx's own 413) and its OpenAPI document, log lines in the log file.  Also: the site file passes `nginx -t` inside a copy of Debian's
# /etc/nginx without warnings, and the installed systemd units pass
# `systemd-analyze verify` where it exists.  Everything started here is
# stopped at the end, also when a step fails.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Cwd qw(abs_path);
use File::Path qw(make_path remove_tree);
use File::Spec;
use HTTP::Request;
use POSIX ();
use Test::More;
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;

my $repo   = repo_dir();
my $D      = File::Spec->catdir(abs_path(var_dir()), 'deploy');
my $prefix = "$D/prefix";
my $etc    = "$prefix/etc/portico";
my $logf   = "$prefix/var/log/portico/portico.log";
my $port   = $ENV{PORTICO_PORT} || 18080;
my ($https, $http) = ($port + 2000, $port + 2001);
my $root   = $> == 0;
my $nginx  = -x '/usr/sbin/nginx' ? '/usr/sbin/nginx' : 'nginx';
my @workers = qw(auth kb orders);

# ------------------------------------------------------------ processes

sub cmdline {
    open(my $fh, '<', "/proc/$_[0]/cmdline") or return '';
    my $c = do { local $/; <$fh> } // '';
    $c =~ tr/\0/ /;
    return $c;
}

# Signal a process started here (its command line names our prefix or our
# nginx.conf) and wait until it is gone.
sub stop_pid {
    my ($pid, $sig) = @_;
    kill $sig, $pid;
    for (1 .. 100) { return unless -e "/proc/$pid" && cmdline($pid) ne ''; select(undef, undef, undef, 0.1) }
    kill 'KILL', $pid;
}

sub stop_everything {
    # nginx: the master of our config, by its pid file.
    if (open(my $fh, '<', "$D/nginx/nginx.pid")) {
        my $pid = <$fh> // '';
        chomp $pid;
        stop_pid($pid, 'QUIT') if $pid =~ /^\d+$/ && index(cmdline($pid), "$D/nginx/nginx.conf") >= 0;
    }
    # The workers: by the pid files spawn-fcgi wrote, and any other process
    # of the binaries installed here (e.g. from a run that was killed).
    my %pids;
    for my $w (@workers) {
        open(my $fh, '<', "$D/run/$w.pid") or next;
        while (my $l = <$fh>) { $pids{$1} = 1 if $l =~ /^(\d+)/ }
    }
    opendir(my $dh, '/proc') or return;
    $pids{$_} = 1 for grep { /^\d+$/ && index(cmdline($_), "$prefix/libexec/portico/") >= 0 } readdir $dh;
    for my $pid (keys %pids) {
        stop_pid($pid, 'TERM') if index(cmdline($pid), "$prefix/libexec/portico/") >= 0;
    }
}

END { stop_everything() if -d $D }

# sh LOG, CMD: run a shell command (paths here are ours: no quoting
# surprises), output appended to LOG; true on exit 0, else a diagnostic
# with the end of the log.
sub q_ { my $s = shift; $s =~ s/'/'\\''/g; return "'$s'" }
sub sh {
    my ($log, $cmd) = @_;
    my $rc = system("($cmd) >>" . q_($log) . ' 2>&1 </dev/null');
    return 1 if $rc == 0;
    my $tail = `tail -n 25 ${\ q_($log)}`;
    diag("failed (exit " . ($rc >> 8) . "): $cmd\n$tail");
    return 0;
}

sub slurp {
    open(my $fh, '<:raw', $_[0]) or return undef;
    local $/;
    return <$fh>;
}

sub spew {
    my ($path, $text) = @_;
    open(my $fh, '>:raw', $path) or die "$path: $!";
    print $fh $text;
    close $fh or die "$path: $!";
}

# edit FILE, [qr/.../, 'replacement'], ...: each pattern must match.
sub edit {
    my ($in, $out, @subs) = @_;
    my $t = slurp($in) // die "$in: $!";
    while (my ($re, $to) = splice(@subs, 0, 2)) {
        $t =~ s/$re/$to/g or die "$in: no match for $re\n";
    }
    spew($out, $t);
}

sub give_up {
    diag(@_) if @_;
    done_testing();
    exit;
}

stop_everything();
remove_tree($D);
make_path("$D/build", "$D/run", "$D/tls");
my $log = "$D/deploy.log";

# ---------------------------------------------------------------- install

# Built without optimisation: what is tested here is where make install puts
# things and how they run from there, and -O1 without debugging information
# compiles in about half the time of -O2 -g.
ok(sh($log, "cd " . q_("$D/build") . " && " . q_("$repo/configure") . " --prefix=" . q_($prefix)
    . " CFLAGS='-O1 -g0'"), "configure --prefix=$prefix") or give_up();
ok(sh($log, "make -C " . q_("$D/build") . " -j2 install"), 'make -j2 install') or give_up();

for my $f ('bin/portico-admin', 'bin/portico-mailer', 'libexec/portico/portico-auth',
    'libexec/portico/portico-kb', 'libexec/portico/portico-tickets', 'libexec/portico/portico-orders',
    'share/portico/xslt/layout.xsl', 'share/portico/sql/migrations/0034-orders-catalogue.sql',
    map { "etc/portico/$_" } qw(portico.conf.sample spawn-fcgi.example logrotate.example
        nginx/nginx.conf nginx/portico.conf systemd/portico-worker@.service
        systemd/portico-worker@.socket systemd/portico-mailer.service
        systemd/portico-mailin.socket systemd/portico-mailin@.service)) {
    ok(-f "$prefix/$f", "installed: $f");
}
ok(!-e "$prefix/libexec/portico/portico-hello" && !-e "$prefix/bin/portico-hello",
    'the benchmark baseline portico-hello is not installed');

subtest 'the installed configuration names this prefix' => sub {
    for my $f (glob("$etc/*.* $etc/*/*")) {
        my $t = slurp($f);
        unlike($t, qr/\@[a-z]+\@/, "$f: no placeholder left");
        unlike($t, qr{/usr/local}, "$f: no /usr/local");
    }
    like(slurp("$etc/portico.conf.sample"), qr{^xslt\s*=\s*\Q$prefix\E/share/portico/xslt$}m, 'xslt path');
    like(slurp("$etc/nginx/portico.conf"), qr{alias \Q$prefix\E/var/lib/portico/files/;}, 'protected alias');
    like(slurp("$etc/systemd/portico-worker\@.service"),
        qr{^ExecStart=/usr/bin/multiwatch .* -- \Q$prefix\E/libexec/portico/portico-%i$}m, 'ExecStart');
    unlike(slurp("$etc/systemd/portico-worker\@.socket"), qr/^PartOf=/m,
        'the socket is not part of the service (a restart keeps it listening)');
};

# ------------------------------------------------------------ configure

# portico.conf from the sample, with what an operator sets and nothing else.
my %set = (
    'database.socket'   => File::Spec->catfile(abs_path(var_dir()), 'run', 'mysqld.sock'),
    'database.host'     => '',
    'database.name'     => 'portico',
    'database.user'     => 'portico',
    'database.password' => 'portico',
    'site.base_url'     => "https://localhost:$https",
    # The stack's SMTP sink: the installed mailer may deliver what it finds.
    'smtp.url'          => 'smtp://127.0.0.1:' . ($port + 1000),
    'log.file'          => $logf,
);
{
    my ($section, %done, @out) = ('');
    for my $l (split /\n/, slurp("$etc/portico.conf.sample")) {
        $section = $1 if $l =~ /^\s*\[([^\]]+)\]/;
        if ($l =~ /^\s*(\w+)\s*=/ && exists $set{"$section.$1"}) {
            $l = "$1 = " . $set{"$section.$1"};
            $done{"$section.$1"} = 1;
        }
        push @out, $l;
    }
    spew("$etc/portico.conf", join("\n", @out) . "\n");
    is_deeply([sort grep { !$done{$_} } keys %set], [], 'the sample has every key an operator sets');
}
# The directories the README's install steps create (owners aside).
make_path(map { "$prefix/var/$_" } qw(run/portico log/portico lib/portico/files cache/portico));

# ------------------------------------------------------------ workers

for my $w (@workers) {
    ok(sh($log, "PORTICO_CONF=" . q_("$etc/portico.conf") . " spawn-fcgi -s "
            . q_("$prefix/var/run/portico/$w.sock") . " -M 0660 -F 2 -P " . q_("$D/run/$w.pid")
            . " -- " . q_("$prefix/libexec/portico/portico-$w")),
        "spawn-fcgi starts the installed portico-$w") or give_up();
}
my $ready = sub {
    my $t = slurp($logf) // '';
    return !grep { my $w = $_; $t !~ /^\S+ \Q$w\E\[\d+\] info req=- ready$/m } @workers;
};
ok(wait_until(15, $ready), "the workers say they are ready in $logf")
    or give_up('log: ' . (slurp($logf) // '(none)'));
like(slurp($logf), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ kb\[\d+\] info req=- ready$/m,
    'log line: time, worker[pid], level, req=id, what');

# portico-mailer logs to the same file (started in the background, as a
# supervisor would, and stopped again at once).
{
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        open(STDIN, '<', '/dev/null');
        open(STDOUT, '>', '/dev/null');
        open(STDERR, '>', '/dev/null');
        $ENV{PORTICO_CONF} = "$etc/portico.conf";
        exec("$prefix/bin/portico-mailer") or POSIX::_exit(127);
    }
    ok(wait_until(10, sub { (slurp($logf) // '') =~ /^\S+ mailer\[$pid\] info req=- ready/m }),
        'the installed portico-mailer logs to the [log] file too');
    kill 'TERM', $pid;
    waitpid($pid, 0);
}

# ---------------------------------------------------------------- nginx

ok(sh($log, "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost"
        . " -addext subjectAltName=DNS:localhost -keyout " . q_("$D/tls/key.pem")
        . " -out " . q_("$D/tls/cert.pem")), 'a throwaway certificate for localhost') or give_up();

# The site file with what an operator replaces (host name, certificate)
# and what a test needs (its ports, nginx's log directory).
sub site_file {
    my ($out, %o) = @_;
    my @subs = (
        qr/portal\.example\.com/               => 'localhost',
        qr{/etc/ssl/portico/fullchain\.pem}     => "$D/tls/cert.pem",
        qr{/etc/ssl/portico/privkey\.pem}       => "$D/tls/key.pem",
        qr{/var/log/nginx/}                     => "$o{logs}/",
    );
    push @subs, (
        qr/^\s*listen \[::\]:\d+.*\n/m => '',
        qr/listen 80;/                 => "listen 127.0.0.1:$http;",
        qr/listen 443 ssl/             => "listen 127.0.0.1:$https ssl",
    ) if $o{ports};
    edit("$etc/nginx/portico.conf", $out, @subs);
}

subtest 'the site file in a copy of Debian\'s /etc/nginx passes nginx -t without warnings' => sub {
    plan skip_all => 'no /etc/nginx/nginx.conf (Debian\'s nginx package)' unless -f '/etc/nginx/nginx.conf';
    my $deb = "$D/debian-nginx";
    ok(sh($log, "cp -a /etc/nginx " . q_($deb)), 'copy /etc/nginx') or return;
    make_path("$deb/logs");
    remove_tree("$deb/conf.d");
    make_path("$deb/conf.d");
    my @subs = (qr{/etc/nginx/} => "$deb/", qr{/var/log/nginx/} => "$deb/logs/");
    push @subs, (qr/^user .*\n/m => '') unless $root;
    edit('/etc/nginx/nginx.conf', "$deb/nginx.conf", @subs);
    site_file("$deb/conf.d/portico.conf", logs => "$deb/logs");
    my $out = `$nginx -t -c ${\ q_("$deb/nginx.conf")} -e ${\ q_("$deb/logs/error.log")} 2>&1`;
    is($? >> 8, 0, 'nginx -t accepts it') or diag($out);
    unlike($out, qr/\[(warn|emerg)\]/, 'no warnings (no duplicate directive)') or diag($out);
};

make_path(map { "$D/nginx/$_" } qw(conf.d logs tmp));
for my $f (qw(mime.types fastcgi_params)) {
    ok(sh($log, "cp /etc/nginx/$f " . q_("$D/nginx/$f")), "Debian's $f next to nginx.conf");
}
edit("$etc/nginx/nginx.conf", "$D/nginx/nginx.conf",
    qr/^user .*$/m       => $root ? 'user root;' : '',
    qr{^pid .*$}m        => "pid $D/nginx/nginx.pid;",
    qr{/var/log/nginx/}  => "$D/nginx/logs/");
site_file("$D/nginx/conf.d/portico.conf", logs => "$D/nginx/logs", ports => 1);
spew("$D/nginx/conf.d/test-paths.conf", join('', map { "${_}_temp_path $D/nginx/tmp/$_;\n" }
    qw(client_body fastcgi proxy scgi uwsgi)));
my @nginx_args = ('-p', "$D/nginx/", '-c', "$D/nginx/nginx.conf", '-e', "$D/nginx/logs/error.log");
ok(sh($log, join(' ', $nginx, map { q_($_) } @nginx_args)), 'nginx starts with the installed nginx.conf and site file')
    or give_up();

# ----------------------------------------------------------- smoke set

$ENV{PERL_LWP_SSL_CA_FILE} = "$D/tls/cert.pem";
$ENV{PORTICO_URL} = "https://localhost:$https";
my $anon = Portico::Test->client;
ok(wait_until(10, sub { $anon->get('/auth/health')->code == 200 }), '/auth/health 200 over TLS')
    or give_up(`tail -n 20 ${\ q_("$D/nginx/logs/error.log")}`);
is($anon->get('/kb/health')->code, 200, '/kb/health 200');
{
    my ($doc, $res) = $anon->get_xml('/orders/health');
    is($res->code, 200, '/orders/health 200: the installed orders worker behind /orders/');
    is(xp($doc, '(/health | /page/health)/@files'), 'ok', 'its files directory ([paths] files/orders) is usable');
}
my $plain = Portico::Test->client->get("http://127.0.0.1:$http/kb/");
is($plain->code, 301, 'plain http redirects');
like($plain->header('Location') // '', qr{^https://}, 'to https');
like($anon->get('/orders/nothing-here')->content, qr/<html/, 'the orders worker answers its own 404 page');
{
    my $res = $anon->get('/api/v1/orders');
    is($res->code, 401, "the integration API behind nginx's /api/: 401 without a token");
    like($res->header('Content-Type') // '', qr{^application/json}, '... in JSON');
    $res = $anon->get('/static/api/openapi.yaml');
    is($res->code, 200, 'its OpenAPI document is installed and served');
    like($res->content, qr/^openapi: 3\./m, '... OpenAPI 3');
    my $big = HTTP::Request->new(POST => "https://localhost:$https/api/v1/stock",
        ['Content-Type' => 'application/json'], '{"pad":"' . ('x' x 300000) . '"}');
    $res = $anon->request($big);
    is($res->code, 413, "a body past nginx's bound for /api/: 413");
    like($res->content, qr/"code":"too_large"/, '... in JSON');
}

subtest 'login with CSRF' => sub {
    my $c = Portico::Test->client;
    my $res = $c->login('carl@acme.example');
    is($res->code, 303, 'carl@acme.example signs in');
    ok((set_cookies($res)->{portico_session} // {})->{attrs}{secure}, 'the session cookie is Secure');
    my ($doc, $r) = $c->get_xml('/');
    is($r->code, 200, 'his start page');
    is(xp($doc, '/page/session/user/email'), 'carl@acme.example', 'as carl');
};

my $cat = create_category(names => { en => 'Deploy test' });
my $art = create_article(category => $cat, status => 'published', audience => 'public',
    texts => { en => { title => 'Installed and running' } });
forget_article($art);
{
    my ($doc, $res) = $anon->get_xml("/kb/articles/$art");
    is($res->code, 200, 'an article page');
    like($res->content, qr/Installed and running/, 'with its title');
}

subtest 'an attachment: uploaded in the editor, downloaded through X-Accel-Redirect' => sub {
    my $ed = as_role('editor@portico.example');
    my $data = "Deployed from the README.\n" . ('x' x 3000) . "\n";
    my $res = upload($ed, "/kb/editor/articles/$art/attachments?lang=en", filename => 'deploy.txt', data => $data);
    is($res->code, 303, 'uploaded') or diag($res->status_line);
    my $row = sql_rows("SELECT id, storage_name FROM kb_attachments WHERE article_id = $art")->[0];
    ok($row, 'a row') or return;
    my $path = "$prefix/var/lib/portico/files/kb/$row->[1]";
    ok(-f $path, "stored in the installed files directory ($path)");
    my $d = $ed->get("/kb/files/$row->[0]/deploy.txt");
    is($d->code, 200, 'downloaded');
    is($d->content, $data, 'the bytes uploaded, sent by nginx');
    ok(!defined $d->header('X-Accel-Redirect'), 'no X-Accel-Redirect reaches the client');
};

subtest 'a request\'s log line carries its request id' => sub {
    my $res = Portico::Test->client->post('/auth/login', [email => 'x@example.com', password => 'x']);
    my $id = $res->header('X-Request-Id') // '';
    like($id, qr/^[0-9a-f]{32}$/, 'the response names its request id (nginx $request_id)');
    ok(wait_until(5, sub { (slurp($logf) // '') =~ /^\S+ auth\[\d+\] warn req=\Q$id\E CSRF token mismatch/m }),
        'the log file has the request\'s line') or diag(slurp($logf));
};

# --------------------------------------------------------------- systemd

SKIP: {
    my $sa = -x '/usr/bin/systemd-analyze' ? '/usr/bin/systemd-analyze' : undef;
    skip 'systemd-analyze is not installed: the units are not verified', 1 unless $sa;
    skip 'multiwatch (Debian package) is not installed: the worker unit cannot be verified', 1
        unless -x '/usr/bin/multiwatch';
    my $u = "$D/units";
    make_path($u);
    ok(sh($log, "cp " . q_("$etc/systemd") . "/* " . q_($u) . " && cd " . q_($u)
            . " && ln -s portico-worker\@.service portico-worker\@kb.service"
            . " && ln -s portico-worker\@.socket portico-worker\@kb.socket"
            . " && $sa verify --man=no \$PWD/portico-worker\@kb.socket \$PWD/portico-worker\@kb.service"
            . " \$PWD/portico-mailer.service \$PWD/portico-mailin.socket"),
        'systemd-analyze verify accepts the installed units');
}

stop_everything();
# A run that passed leaves nothing; a failed one its files, to look at.
remove_tree($D) if Test::More->builder->is_passing;
done_testing;
