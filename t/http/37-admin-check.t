# portico-admin check: one line per check, exit 0 when all are fine, and
# for each kind of problem an operator meets (no files directory, one
# nginx cannot read, a theme that is not there, a wrong database password,
# a migration not applied yet, a configuration everyone can read) exit 1
# with the line that says what and how to fix it.  Variants of the
# stack's configuration are written to temporary files.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Copy qw(copy);
use File::Spec;
use File::Temp qw(tempdir);
use Test::More;
use Portico::Test;
use Portico::Admin;

ok(-x admin_bin(), 'portico-admin is built') or BAIL_OUT('no portico-admin');
my $me = getpwuid($>);
my @as_nginx = ('--nginx-user', $me);   # the stack's nginx runs as this user

my ($rc, $out, $err) = admin_run(conf_file(), 'check', @as_nginx);
is($rc, 0, 'the test stack: exit 0') or diag("$out$err");
unlike($out, qr/^FAIL/m, 'no FAIL line');
unlike($out, qr/^warn/m, 'no warning: the workers\' account has data rights only');
like($out, qr/^ok    config: \Q${\ conf_file()}\E$/m, 'config line');
like($out, qr/^ok    database: portico\@localhost via \S+mysqld\.sock, database portico \(MariaDB /m,
    'database line names account, socket and database');
like($out, qr/^ok    migrate account: portico_migrate\@localhost/m, 'the migration account answers');
like($out, qr/^ok    migrations: \d+ applied, none pending/m, 'migrations line');
like($out, qr/^ok    files: \S+ \(writable by \Q$me\E, who ran this check; nginx's user \Q$me\E reads/m,
    'files line says who ran the check');
like($out, qr/^ok    theme: default /m, 'theme line');
like($out, qr/^ok    (xslt|sql|cache|log): /m, 'paths lines');
like($out, qr/^ok    secrets: \[secrets\] hmac_key set \(64 characters\)$/m, 'the HMAC key is there');
my @lines = split /\n/, $out;
is(scalar(grep { !/^(ok|warn|FAIL)  +[a-z ]+: / } @lines), 0, 'every line is "status what: detail"');

# A failing variant: exit 1 and the line.
sub fails {
    my ($name, $conf, $want, @args) = @_;
    my ($rc, $out, $err) = admin_run($conf, 'check', @args ? @args : @as_nginx);
    is($rc, 1, "$name: exit 1");
    like($out, $want, "$name: says so") or diag("$out$err");
    return $out;
}

my $tmp = tempdir('portico-check-XXXXXX', TMPDIR => 1, CLEANUP => 1);
chmod 0755, $tmp;

fails('missing files directory', conf_variant('paths.files' => "$tmp/nope"),
    qr{^FAIL  files: \Q$tmp\E/nope does not exist \(.*install -d -o \S+ -g \S+ -m 2750 \Q$tmp\E/nope}m);
open(my $fh, '>', "$tmp/plain") or die; close $fh;
fails('files is a file', conf_variant('paths.files' => "$tmp/plain"),
    qr{^FAIL  files: \Q$tmp\E/plain is not a directory}m);

# nginx (www-data) cannot read what the workers write in a directory of
# the workers' group; with the group www-data and the setgid bit it can.
SKIP: {
    my $gid = getgrnam('www-data');
    skip 'no www-data on this host', 6 unless defined $gid && defined getpwnam('www-data');
    mkdir "$tmp/files" or die;
    chmod 0750, "$tmp/files";
    my $conf = conf_variant('paths.files' => "$tmp/files");
    fails('files nginx cannot enter', $conf,
        qr{^FAIL  files: nginx's user www-data cannot enter \Q$tmp\E/files \(mode 0750, group \S+\): .*chgrp www-data \Q$tmp\E/files && chmod 2750}m,
        '--nginx-user', 'www-data');
    chmod 0755, "$tmp/files";
    fails('files nginx cannot read', $conf,
        qr{^FAIL  files: nginx's user www-data cannot read the files the workers write in \Q$tmp\E/files \(mode 0640, group \S+\).*chmod 2750}m,
        '--nginx-user', 'www-data');
    chown -1, $gid, "$tmp/files" or die "chgrp: $!";
    chmod 02750, "$tmp/files";
    my ($rc2, $out2) = admin_run($conf, 'check', '--nginx-user', 'www-data');
    like($out2, qr{^ok    files: \Q$tmp\E/files .*nginx's user www-data reads}m,
        'group www-data with the setgid bit: nginx reads') or diag($out2);
}

fails('missing cache directory', conf_variant('paths.cache' => "$tmp/nocache"),
    qr{^FAIL  cache: \Q$tmp\E/nocache does not exist \(install -d -o \S+ -m 0750 \Q$tmp\E/nocache}m);
fails('a log file in a missing directory', conf_variant('log.file' => "$tmp/nolog/portico.log"),
    qr{^FAIL  log: \Q$tmp\E/nolog/portico\.log is not writable by \S+ \(install -d }m);

fails('short HMAC key', conf_variant('secrets.hmac_key' => 'short'),
    qr{^FAIL  secrets: \[secrets\] hmac_key is shorter than 32 characters \(set 32 or more}m);
fails('no HMAC key', conf_variant('secrets.hmac_key' => ''),
    qr{^FAIL  secrets: \[secrets\] hmac_key is not set}m);
fails('missing theme', conf_variant('site.theme' => 'nosuch'),
    qr{^FAIL  theme: \[site\] theme nosuch: \S+/themes/nosuch/theme\.xsl is missing \(themes here: default}m);

my $out_db = fails('wrong database password', conf_variant('database.password' => 'wrong'),
    qr{^FAIL  database: portico\@localhost via \S+: Access denied for user 'portico'\@'localhost'}m);
unlike($out_db, qr/^FAIL  (files|theme|xslt)/m, 'the other checks still run and pass');

# A copy of the sql directory with one migration more than the database has.
mkdir "$tmp/sql" or die;
mkdir "$tmp/sql/migrations" or die;
for my $f (glob(File::Spec->catfile(repo_dir(), 'sql', 'migrations', '*.sql'))) {
    copy($f, "$tmp/sql/migrations/") or die "copy $f: $!";
}
open($fh, '>', "$tmp/sql/migrations/9999-extra.sql") or die;
print $fh "CREATE TABLE extra_check (id INT);\n";
close $fh;
fails('a pending migration', conf_variant('paths.sql' => "$tmp/sql"),
    qr{^FAIL  migrations: 1 pending: 9999-extra\.sql \(run portico-admin migrate\)}m);
# ... and one the database has that this install lacks.
unlink "$tmp/sql/migrations/9999-extra.sql";
my @mine = sort glob("$tmp/sql/migrations/*.sql");
my ($last) = $mine[-1] =~ m{([^/]+)\z};
unlink $mine[-1];
fails('schema newer than the install', conf_variant('paths.sql' => "$tmp/sql"),
    qr{^FAIL  migrations: the schema is newer than this install: applied but not in \S+: \Q$last\E}m);

my $open = conf_variant();
chmod 0644, $open;
fails('a configuration everyone can read', $open,
    qr{^FAIL  config: \Q$open\E is readable by every user and holds the database password}m);

($rc, $out) = admin_run("$tmp/none.conf", 'check');
is($rc, 1, 'no configuration: exit 1');
like($out, qr{^FAIL  config: cannot read config \Q$tmp\E/none\.conf: No such file}m, 'says so');

done_testing;
