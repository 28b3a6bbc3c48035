# portico-admin migrate with a migration that fails halfway: it stops
# with the file, the statement, its line and MariaDB's error; the
# statements before it stay applied (MariaDB commits DDL as it goes) and
# are counted, the file is not recorded as applied, and check says so.
# After the fix a second run continues with the failed statement (the
# ones before do not run twice) and records the file once.  Runs against
# a copy of the sql directory with one migration more; the workers'
# account cannot change the schema, the migration account can.
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

my $V = '9990-test-broken.sql';
sub cleanup {
    migrate_sql("DROP TABLE IF EXISTS mig_test_a, mig_test_b;"
        . " DELETE FROM schema_migrations WHERE version = '$V';"
        . " DELETE FROM schema_migration_steps WHERE version = '$V'");
}
cleanup();
END { cleanup() }

my $tmp = tempdir('portico-migrate-XXXXXX', TMPDIR => 1, CLEANUP => 1);
mkdir "$tmp/migrations" or die;
for my $f (glob(File::Spec->catfile(repo_dir(), 'sql', 'migrations', '*.sql'))) {
    copy($f, "$tmp/migrations/") or die "copy $f: $!";
}
my $conf = conf_variant('paths.sql' => $tmp);

sub write_migration {
    my ($third) = @_;
    open(my $fh, '>', "$tmp/migrations/$V") or die;
    print $fh <<"SQL";
-- A test migration; a ';' in a comment does not end a statement.
CREATE TABLE mig_test_a (id INT PRIMARY KEY, note VARCHAR(50)) ENGINE=InnoDB;

INSERT INTO mig_test_a VALUES (1, 'semi;colon ''quoted'' "x;"');
$third;
CREATE TABLE mig_test_b (id INT PRIMARY KEY) ENGINE=InnoDB;
SQL
    close $fh;
}

eval { sql('CREATE TABLE mig_test_nope (id INT)') };
like($@, qr/denied/i, "the workers' account cannot create tables");

write_migration('INSERT INTO mig_test_missing VALUES (2)');
my ($rc, $out, $err) = admin_run($conf, 'migrate');
is($rc, 1, 'a failing migration: exit 1');
like($err, qr/^portico-admin: \Q$V\E failed at statement 3 \(line 5\): Table 'portico\.mig_test_missing' doesn't exist$/m,
    'names file, statement, line and the server\'s error') or diag($err);
like($err, qr/^  INSERT INTO mig_test_missing VALUES \(2\)$/m, 'shows the statement');
like($err, qr/statements 1-2 of \Q$V\E ran and are kept/, 'says what ran');
like($err, qr/fix statement 3 .*run portico-admin migrate again: it continues with statement 3/, 'says what to do');
is(sql_value("SELECT COUNT(*) FROM schema_migrations WHERE version = '$V'"), 0, 'not recorded as applied');
is(sql_value("SELECT statements_done FROM schema_migration_steps WHERE version = '$V'"), 2,
    'two statements counted');
is(sql_value('SELECT note FROM mig_test_a WHERE id = 1'), q{semi;colon 'quoted' "x;"},
    'a quoted ; stays inside its statement');

my ($crc, $cout) = admin_run($conf, 'check', '--nginx-user', scalar getpwuid($>));
is($crc, 1, 'check: exit 1');
like($cout, qr/^FAIL  migrations: 1 pending: \Q$V\E \(\Q$V\E stopped after statement 2\)/m,
    'check tells the stopped migration') or diag($cout);

write_migration('INSERT INTO mig_test_a VALUES (2, NULL)');
($rc, $out, $err) = admin_run($conf, 'migrate');
is($rc, 0, 'after the fix: exit 0') or diag($err);
like($out, qr/^\Q$V\E: statements 1-2 ran before; continuing with statement 3$/m, 'continues');
like($out, qr/^applied \Q$V\E$/m, 'applied');
is(sql_value('SELECT COUNT(*) FROM mig_test_a'), 2, 'statement 2 did not run twice, 3 ran');
is(sql_value("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'portico'"
    . " AND table_name = 'mig_test_b'"), 1, 'the statements after it ran');
is(sql_value("SELECT COUNT(*) FROM schema_migrations WHERE version = '$V'"), 1, 'recorded once');
is(sql_value("SELECT COUNT(*) FROM schema_migration_steps WHERE version = '$V'"), 0, 'no steps left');

($rc, $out) = admin_run($conf, 'migrate');
is($rc, 0, 'a third run: exit 0');
like($out, qr/^migrations: 0 applied, up to date$/m, 'nothing to do');
is(sql_value("SELECT COUNT(*) FROM schema_migrations WHERE version = '$V'"), 1, 'still recorded once');

done_testing;
