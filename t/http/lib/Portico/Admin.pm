package Portico::Admin;
# portico-admin from the tests: the built binary run on the stack's
# configuration or on a variant of it written to a temporary file.
use strict;
use warnings;
use Exporter 'import';
use File::Spec;
use File::Temp qw(tempdir);
use IPC::Open3 ();
use Symbol ();
use Portico::Test qw(repo_dir conf_file);

our @EXPORT = qw(admin_bin admin_run conf_variant migrate_sql);

sub admin_bin {
    return File::Spec->catfile($ENV{PORTICO_BUILD} // File::Spec->catdir(repo_dir(), 'build'),
        'cgi-bin-src', 'admin', 'portico-admin');
}

# admin_run($conf, @args): (exit status, stdout, stderr) of portico-admin
# with PORTICO_CONF=$conf.
sub admin_run {
    my ($conf, @args) = @_;
    local $ENV{PORTICO_CONF} = $conf;
    my $err = Symbol::gensym();
    my $pid = IPC::Open3::open3(my $in, my $out, $err, admin_bin(), @args);
    close $in;
    my $stdout = do { local $/; <$out> } // '';
    my $stderr = do { local $/; <$err> } // '';
    waitpid($pid, 0);
    return ($? >> 8, $stdout, $stderr);
}

my $TMP;

# conf_variant('section.key' => value, ...): the stack's configuration
# with those values, as a new file (mode 0600) in a temporary directory.
sub conf_variant {
    my (%set) = @_;
    $TMP //= tempdir('portico-admin-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    open(my $in, '<', conf_file()) or die "cannot read " . conf_file() . ": $!";
    my ($section, @out, %done) = ('');
    while (my $line = <$in>) {
        $section = $1 if $line =~ /^\s*\[([^\]]+)\]/;
        if ($line =~ /^\s*([A-Za-z_]+)\s*=/ && exists $set{"$section.$1"}) {
            $line = "$1 = $set{\"$section.$1\"}\n";
            $done{"$section.$1"} = 1;
        }
        push @out, $line;
    }
    close $in;
    # Keys the file lacks: a new [section] line and the key at the end.
    for my $k (grep { !$done{$_} } sort keys %set) {
        my ($s, $key) = split /\./, $k, 2;
        push @out, "[$s]\n$key = $set{$k}\n";
    }
    my $path = File::Spec->catfile($TMP, sprintf('conf-%d.conf', scalar(() = glob("$TMP/*")) + 1));
    open(my $o, '>', $path) or die "cannot write $path: $!";
    print $o @out;
    close $o;
    chmod 0600, $path;
    return $path;
}

# SQL as the stack's migration account (DDL rights), through the client.
sub migrate_sql {
    my ($query) = @_;
    my $sock = File::Spec->catfile(Portico::Test::var_dir(), 'run', 'mysqld.sock');
    local $ENV{MYSQL_PWD} = 'portico-migrate';
    my $err = Symbol::gensym();
    my $pid = IPC::Open3::open3(my $in, my $out, $err, 'mariadb', "--socket=$sock",
        '--user=portico_migrate', '--batch', '--skip-column-names', 'portico', '-e', $query);
    close $in;
    my $text = do { local $/; <$out> } // '';
    my $errtext = do { local $/; <$err> } // '';
    waitpid($pid, 0);
    die "SQL failed: $errtext\n  query: $query\n" if $? != 0;
    return $text;
}

1;
