package Portico::Test;

# Shared helpers for the HTTP tests in t/http/.
#
# The tests talk to a running stack (nginx + FastCGI workers + MariaDB)
# started by script/test. They read where it is from the environment:
#
#   PORTICO_URL   base URL of nginx           (default http://127.0.0.1:18080)
#   PORTICO_VAR   the stack's state directory (default $PORTICO_REPO/var/test)
#   PORTICO_REPO  the source tree             (default: found from this file)
#   PORTICO_CONF  the config file             (default $PORTICO_VAR/portico.conf)
#
# A client (Portico::Test->client) is a browser stand-in: it keeps cookies,
# never follows redirects (tests assert the 303s themselves) and can fetch a
# page's XML (?format=xml) as an XML::LibXML document.
#
# Plain functions (exported) cover the rest: SQL against the test database,
# XPath shortcuts, Set-Cookie parsing and Location normalisation.

use strict;
use warnings;

use Carp qw(croak);
use Cwd qw(abs_path);
use Exporter qw(import);
use Encode ();
use File::Basename qw(dirname);
use File::Spec;
use HTTP::Cookies;
use HTTP::Date qw(str2time);
use HTTP::Request;
use HTTP::Request::Common ();
use IPC::Open3 ();
use Symbol ();
use LWP::UserAgent;
use Time::HiRes ();
use URI;
use XML::LibXML;

our @EXPORT = qw(
    base_url repo_dir var_dir conf_file
    DEMO_PASSWORD demo_users demo_user
    sql sql_rows sql_value sql_quote forget_kept_pages
    xml_of xp xp_list xp_count csrf_of message_keys
    set_cookies cookie_is_cleared location_path
    wait_until unique_tag worker_pids run_script audit_of
);

use constant DEMO_PASSWORD => 'portico-demo';

# Test names and diagnostics carry German text: print them as UTF-8.
{
    require Test::Builder;
    my $tb = Test::Builder->new;
    binmode($_, ':encoding(UTF-8)') for $tb->output, $tb->failure_output, $tb->todo_output;
}

# --------------------------------------------------------------------------
# Where things are

sub base_url {
    my $u = $ENV{PORTICO_URL} || 'http://127.0.0.1:18080';
    $u =~ s{/+\z}{};
    return $u;
}

sub repo_dir {
    return $ENV{PORTICO_REPO} if $ENV{PORTICO_REPO};
    # t/http/lib/Portico/Test.pm -> four levels up is the repository root.
    my $d = dirname(abs_path(__FILE__));
    return abs_path(File::Spec->catdir($d, ('..') x 4));
}

sub var_dir {
    return $ENV{PORTICO_VAR} || File::Spec->catdir(repo_dir(), 'var', 'test');
}

# Runs one of the stack's control commands (script/db-stop, db-start,
# smtp-stop, smtp-start) for this stack; true when it succeeded, and a
# diagnostic with its output when it did not.
sub run_script {
    my ($name) = @_;
    my $repo = repo_dir();
    local $ENV{PORTICO_VAR} = var_dir();
    local $ENV{PORTICO_REPO} = $repo;
    my $out = `"$repo/script/$name" 2>&1`;
    my $rc = $? >> 8;
    Test::More::diag("script/$name exit $rc: $out") if $rc != 0;
    return $rc == 0;
}

sub conf_file {
    return $ENV{PORTICO_CONF} || File::Spec->catfile(var_dir(), 'portico.conf');
}

# --------------------------------------------------------------------------
# Demo data (SPEC "Demo data"). Every demo user has the password DEMO_PASSWORD.

my @DEMO = (
    { email => 'admin@portico.example',   org => 'Portico Services GmbH',     kind => 'provider',
      roles => ['admin'],                      home => 'admin',    lang => undef },
    { email => 'manager@portico.example', org => 'Portico Services GmbH',     kind => 'provider',
      roles => ['manager'],                    home => 'admin',    lang => undef },
    { email => 'agent@portico.example',   org => 'Portico Services GmbH',     kind => 'provider',
      roles => ['agent'],                      home => 'agent',    lang => undef },
    { email => 'editor@portico.example',  org => 'Portico Services GmbH',     kind => 'provider',
      roles => ['kb_editor'],                  home => 'agent',    lang => undef },
    { email => 'anna.admin@acme.example', org => 'Acme Industrial Ltd',       kind => 'customer',
      roles => ['customer_admin'],             home => 'customer', lang => undef },
    { email => 'carl@acme.example',       org => 'Acme Industrial Ltd',       kind => 'customer',
      roles => ['customer_user', 'buyer'],     home => 'customer', lang => undef },
    { email => 'olivia@acme.example',     org => 'Acme Industrial Ltd',       kind => 'customer',
      roles => ['customer_user', 'approver'],  home => 'customer', lang => undef },
    { email => 'klaus@bergmann.example',  org => 'Bergmann Maschinenbau AG',  kind => 'customer',
      roles => ['customer_user'],              home => 'customer', lang => 'de' },
    { email => 'paula@northwind.example', org => 'Northwind Distribution',    kind => 'partner',
      roles => ['partner_user'],               home => 'partner',  lang => undef },
);

sub demo_users { return map { +{%$_} } @DEMO }

sub demo_user {
    my ($email) = @_;
    my ($u) = grep { $_->{email} eq $email } @DEMO;
    croak "no demo user $email" unless $u;
    return +{%$u};
}

# --------------------------------------------------------------------------
# SQL through the mariadb client, as portico/portico on the stack's socket.

# Quotes a string as an SQL literal. Only for values the tests control.
sub sql_quote {
    my ($s) = @_;
    return 'NULL' unless defined $s;
    $s =~ s/\\/\\\\/g;
    $s =~ s/'/\\'/g;
    $s =~ s/\0/\\0/g;
    return "'$s'";
}

# Whether sql() outdates the kept pages after a write; a test of what a
# change behind the workers' backs does sets it to 0 with local.
our $FORGET_ON_WRITE = 1;

# Runs one or more statements; returns the rows of the last result set as
# array refs of strings (NULL becomes undef). Dies with the client's error.
sub sql_rows {
    my ($query) = @_;
    # A write of what a signed-in session or a kept list is read from
    # outdates the sessions and lists the worker processes keep (session.c,
    # kept.c), as the workers' own writes do: the database's counter for
    # every host, the file for this one's next request.
    my $auth = $FORGET_ON_WRITE && $query !~ /\A\s*(?:SELECT|SHOW)\b[^;]*;?\s*\z/si
        && $query =~ /\b(?:sessions|users|orgs|roles|user_roles|role_permissions|permissions|ticket_groups|ticket_group_members|ticket_canned|ticket_categories|ticket_category_texts|ticket_services|ticket_service_texts|ticket_service_tiers|ticket_fields|ticket_field_texts|ticket_field_options|ticket_field_option_texts|ticket_priority_matrix)\b/i;
    $query =~ s/;?\s*\z/;\nUPDATE auth_generation SET n = n + 1 WHERE id = 1/ if $auth;
    my $sock = File::Spec->catfile(var_dir(), 'run', 'mysqld.sock');
    my @cmd = ('mariadb', "--socket=$sock", '--user=portico',
        '--default-character-set=utf8mb4', '--batch', '--skip-column-names',
        '--connect-timeout=5', 'portico', '-e', $query);
    local $ENV{MYSQL_PWD} = 'portico';
    my $err = Symbol::gensym();
    my $pid = IPC::Open3::open3(my $in, my $out, $err, @cmd);
    close $in;
    my $text = do { local $/; <$out> } // '';
    my $errtext = do { local $/; <$err> } // '';
    waitpid($pid, 0);
    my $rc = $? >> 8;
    die "SQL failed (exit $rc): $errtext\n  query: $query\n" if $rc != 0;
    # A change made behind the workers' backs, as an administrator's SQL
    # would be: outdate the pages they keep, or it shows only after
    # [cache] pages_s.
    forget_kept_pages() if $FORGET_ON_WRITE && $query !~ /\A\s*(?:SELECT|SHOW)\b[^;]*;?\s*\z/si;
    forget_kept_sessions() if $auth;
    my @rows;
    for my $line (split /\n/, $text) {
        my @f = map {
            my $v = $_;
            if ($v eq 'NULL') { undef }
            else {
                $v =~ s/\\(.)/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1 eq '0' ? "\0" : $1/ge;
                $v;
            }
        } split /\t/, $line, -1;
        push @rows, \@f;
    }
    return \@rows;
}

sub sql { return sql_rows(@_) }

# Raises the generation of every worker's page cache ($PORTICO_VAR/cache/
# <worker>/generation, a 64-bit counter the worker processes map shared;
# pagecache.c), so no page kept before is used again.
sub forget_kept_pages {
    bump_counter($_) for glob(File::Spec->catfile(var_dir(), 'cache', '*', 'generation'));
    return;
}

# Raises this host's counter of changes to sessions ($PORTICO_VAR/cache/
# sessions-generation, mapped shared by every worker process; session.c),
# so no process uses a session it kept before.
sub forget_kept_sessions {
    bump_counter(File::Spec->catfile(var_dir(), 'cache', 'sessions-generation'));
    return;
}

# Adds one to the 64-bit counter in a file the workers map shared.
sub bump_counter {
    my ($file) = @_;
    open(my $fh, '+<:raw', $file) or return;
    my $n = sysread($fh, my $buf, 8);
    my $gen = defined $n && $n == 8 ? unpack('Q<', $buf) : 0;
    sysseek($fh, 0, 0);
    syswrite($fh, pack('Q<', $gen + 1));
    close $fh;
    return;
}

# The audit rows of action on object type (and id, when given), oldest
# first: { user, before, after } with the JSON as text.
sub audit_of {
    my ($action, $type, $id) = @_;
    my $r = sql_rows('SELECT user_id, before_json, after_json FROM audit_log WHERE action = '
        . sql_quote($action) . ' AND object_type = ' . sql_quote($type)
        . (defined $id ? ' AND object_id = ' . sql_quote($id) : '') . ' ORDER BY id');
    return map { { user => $_->[0], before => Encode::decode_utf8($_->[1] // ''),
        after => Encode::decode_utf8($_->[2] // '') } } @$r;
}

# The first column of the first row, or undef.
sub sql_value {
    my $rows = sql_rows(@_);
    return @$rows ? $rows->[0][0] : undef;
}

# --------------------------------------------------------------------------
# XML

# Parses a response body as XML; returns the document or undef (with the
# parse error in $@).
sub xml_of {
    my ($res) = @_;
    my $doc = eval { XML::LibXML->load_xml(string => $res->content, no_network => 1) };
    return $doc;
}

# String value of an XPath expression ('' when nothing matches or no doc).
sub xp {
    my ($doc, $path) = @_;
    return '' unless $doc;
    return $doc->findvalue($path);
}

# Text values of every node an XPath expression selects.
sub xp_list {
    my ($doc, $path) = @_;
    return () unless $doc;
    return map { $_->textContent } $doc->findnodes($path);
}

# Number of nodes an XPath expression selects (0 without a document).
sub xp_count {
    my ($doc, $path) = @_;
    return 0 unless $doc;
    return 0 + $doc->findvalue("count($path)");
}

sub csrf_of {
    my ($doc) = @_;
    return xp($doc, '/page/session/@csrf');
}

sub message_keys {
    my ($doc) = @_;
    return xp_list($doc, '/page/messages/message/@key');
}

# --------------------------------------------------------------------------
# HTTP details

# Parses every Set-Cookie header of a response:
#   { name => { value => '...', attrs => { httponly => 1, samesite => 'Lax', ... } } }
# Attribute names are lower-cased; their values are kept as sent.
sub set_cookies {
    my ($res) = @_;
    my %c;
    for my $h ($res->headers->header('Set-Cookie')) {
        my ($pair, @attrs) = split /;\s*/, $h;
        my ($name, $value) = split /=/, $pair, 2;
        next unless defined $name;
        $name =~ s/^\s+|\s+$//g;
        my %a;
        for my $at (@attrs) {
            my ($k, $v) = split /=/, $at, 2;
            $k =~ s/^\s+|\s+$//g;
            $a{lc $k} = defined $v ? $v : 1;
        }
        $c{$name} = { value => $value // '', attrs => \%a, raw => $h };
    }
    return \%c;
}

# True when a Set-Cookie entry (from set_cookies) deletes the cookie.
sub cookie_is_cleared {
    my ($c) = @_;
    return 0 unless $c;
    return 1 if defined $c->{attrs}{'max-age'} && $c->{attrs}{'max-age'} =~ /^\s*-?0*\s*$|^\s*-/;
    if (defined $c->{attrs}{expires}) {
        my $t = str2time($c->{attrs}{expires});
        return 1 if defined $t && $t <= time;
    }
    return 0;
}

# The Location of a redirect as a local path ('/auth/login?x=1'), with this
# stack's scheme://host:port stripped; an off-site Location is returned whole
# so that tests can see it. undef when there is no Location.
sub location_path {
    my ($res) = @_;
    my $loc = $res->header('Location');
    return undef unless defined $loc;
    my $base = base_url();
    return substr($loc, length $base) || '/' if index($loc, "$base/") == 0 || $loc eq $base;
    return $loc;
}

# Polls $cond every $every_s (0.2 s unless given) until it returns true or $timeout_s passes.
sub wait_until {
    my ($timeout_s, $cond, $every_s) = @_;
    my $end = Time::HiRes::time() + $timeout_s;
    while (1) {
        my $r = $cond->();
        return $r if $r;
        return 0 if Time::HiRes::time() > $end;
        Time::HiRes::sleep($every_s // 0.2);
    }
}

# A tag unique to this test run, for test emails and the like.
sub unique_tag {
    my ($prefix) = @_;
    return sprintf('%s-%d-%d', $prefix // 't', $$, int(Time::HiRes::time() * 1000) % 100000000);
}

# PIDs of the portico-* processes that hold a unix socket open, e.g. the
# FastCGI workers of this stack: worker_pids("$VAR/run/auth.sock"). Sorted.
# The supervisor that holds the socket to start workers on it (a shell,
# script/lib/worker-supervise) is not one of them.
sub worker_pids {
    my ($sock_path) = @_;
    $sock_path //= File::Spec->catfile(var_dir(), 'run', 'auth.sock');
    my %inodes;
    if (open(my $u, '<', '/proc/net/unix')) {
        <$u>;
        while (my $line = <$u>) {
            chomp $line;
            my @f = split ' ', $line;
            $inodes{ $f[6] } = 1 if @f >= 8 && $f[7] eq $sock_path;
        }
        close $u;
    }
    return () unless %inodes;
    my @p;
    opendir(my $d, '/proc') or return ();
    for my $pid (grep { /^\d+$/ } readdir $d) {
        my $exe = readlink("/proc/$pid/exe") // next;
        next unless $exe =~ m{/portico-[^/]*\z};
        opendir(my $fd, "/proc/$pid/fd") or next;
        for my $n (readdir $fd) {
            my $l = readlink("/proc/$pid/fd/$n") // next;
            if ($l =~ /^socket:\[(\d+)\]$/ && $inodes{$1}) { push @p, $pid; last }
        }
        closedir $fd;
    }
    closedir $d;
    return sort { $a <=> $b } @p;
}

# --------------------------------------------------------------------------
# The client

# Portico::Test->client(accept_language => 'en', timeout => 20)
sub client {
    my ($class, %opt) = @_;
    my $jar = HTTP::Cookies->new(hide_cookie2 => 1);
    my $ua = LWP::UserAgent->new(
        agent                 => 'portico-http-tests/1',
        cookie_jar            => $jar,
        max_redirect          => 0,
        requests_redirectable => [],
        timeout               => $opt{timeout} // 20,
        keep_alive            => 0,
    );
    $ua->default_header('Accept-Language' => $opt{accept_language})
        if defined $opt{accept_language};
    my $uri = URI->new(base_url());
    return bless { ua => $ua, jar => $jar, host => $uri->host, last => undef }, $class;
}

sub ua  { $_[0]{ua} }
sub jar { $_[0]{jar} }
sub last_response { $_[0]{last} }

sub _url {
    my ($path) = @_;
    return $path if $path =~ m{^https?://};
    return base_url() . $path;
}

sub request {
    my ($self, $req) = @_;
    my $res = $self->{ua}->request($req);
    $self->{last} = $res;
    return $res;
}

# GET a path; extra arguments are header name/value pairs.
sub get {
    my ($self, $path, @headers) = @_;
    return $self->request(HTTP::Request->new(GET => _url($path), [@headers]));
}

# POST an ordinary form. $form is an array ref of name/value pairs (order
# kept, names may repeat) or a hash ref. Extra arguments are headers.
sub post {
    my ($self, $path, $form, @headers) = @_;
    my @pairs = ref $form eq 'HASH' ? (map { ($_, $form->{$_}) } sort keys %$form) : @$form;
    my $req = HTTP::Request::Common::POST(_url($path), \@pairs, @headers);
    return $self->request($req);
}

# POST a raw body with a given content type.
sub post_raw {
    my ($self, $path, $body, $type, @headers) = @_;
    my $req = HTTP::Request->new(POST => _url($path),
        ['Content-Type' => $type // 'application/x-www-form-urlencoded', @headers], $body);
    return $self->request($req);
}

sub _with_format_xml {
    my ($path) = @_;
    return $path . ($path =~ /\?/ ? '&' : '?') . 'format=xml';
}

# GET ?format=xml of a page. In list context: ($doc, $response).
# $doc is undef when the body is not XML.
sub get_xml {
    my ($self, $path, @headers) = @_;
    my $res = $self->get(_with_format_xml($path), @headers);
    my $doc = xml_of($res);
    return wantarray ? ($doc, $res) : $doc;
}

# POST a form asking for the page XML (Accept: application/xml).
# In list context: ($doc, $response).
sub post_xml {
    my ($self, $path, $form, @headers) = @_;
    my $res = $self->post($path, $form, Accept => 'application/xml', @headers);
    my $doc = xml_of($res);
    return wantarray ? ($doc, $res) : $doc;
}

# The CSRF token a form on the next page would carry: from the login page
# for an anonymous client, from the start page for a logged-in one.
sub csrf {
    my ($self) = @_;
    my ($doc, $res) = $self->get_xml('/auth/login');
    ($doc, $res) = $self->get_xml('/') unless $res->code == 200;
    my $t = csrf_of($doc);
    croak 'no csrf token on the page (status ' . $res->code . ')' unless length $t;
    return $t;
}

# Logs in through the form. Returns the POST's response (303 on success).
# Options: next => '/path', accept => 'application/xml', csrf => token.
sub login {
    my ($self, $email, $password, %opt) = @_;
    $password //= DEMO_PASSWORD;
    my $csrf = exists $opt{csrf} ? $opt{csrf} : $self->csrf;
    my @form = (email => $email, password => $password);
    push @form, csrf => $csrf if defined $csrf;
    push @form, next => $opt{next} if defined $opt{next};
    my @h = $opt{accept} ? (Accept => $opt{accept}) : ();
    return $self->post('/auth/login', \@form, @h);
}

sub logout {
    my ($self) = @_;
    return $self->post('/auth/logout', [csrf => $self->csrf]);
}

# The value of a cookie in the jar, or undef.
sub cookie {
    my ($self, $name) = @_;
    my $found;
    $self->{jar}->scan(sub {
        my (undef, $k, $v) = @_;
        $found = $v if $k eq $name;
    });
    return $found;
}

# Puts a cookie into the jar as if the server had set it.
sub set_cookie {
    my ($self, $name, $value) = @_;
    my $domain = $self->{host};
    $domain .= '.local' unless $domain =~ /\./;
    $self->{jar}->set_cookie(0, $name, $value, '/', $domain, undef, 1, 0, 86400, 0);
    return;
}

sub clear_cookies {
    my ($self) = @_;
    $self->{jar}->clear;
    return;
}

1;
