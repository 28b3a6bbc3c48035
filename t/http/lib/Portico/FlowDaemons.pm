package Portico::FlowDaemons;
# portico-flowd processes of a test's own, beside the stack's: started with
# the stack's configuration (as a second host would run one), killed with
# SIGKILL, and the stack's own flowd paused meanwhile so that only the
# test's processes do the work.  Whatever a test started is killed and the
# stack's flowd resumed when the test ends, also when it dies.
use strict;
use warnings;
use Exporter 'import';
use File::Spec;
use POSIX ();
use Portico::Test qw(var_dir conf_file repo_dir sql_value sql_quote);

our @EXPORT = qw(flowd_spawn flowd_kill flowd_alive flowd_cpu_ticks stack_flowd_pause
    stack_flowd_resume flowd_bulk_start);

my (%mine, @paused);

sub binary {
    my $build = $ENV{PORTICO_BUILD} || File::Spec->catdir(repo_dir(), 'build');
    return File::Spec->catfile($build, 'cgi-bin-src', 'flowd', 'portico-flowd');
}

# flowd_spawn(NAME): a new portico-flowd logging to var/test/log/NAME.log; its pid.
sub flowd_spawn {
    my ($name) = @_;
    my $log = File::Spec->catfile(var_dir(), 'log', "$name.log");
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        POSIX::setsid();
        open(STDIN, '<', '/dev/null');
        open(STDOUT, '>', '/dev/null');
        open(STDERR, '>>', $log) or POSIX::_exit(127);
        $ENV{PORTICO_CONF} = conf_file();
        exec(binary()) or POSIX::_exit(127);
    }
    $mine{$pid} = $name;
    return $pid;
}

sub flowd_alive {
    my ($pid) = @_;
    return 0 if waitpid($pid, POSIX::WNOHANG()) == $pid;
    return kill(0, $pid) ? 1 : 0;
}

# flowd_kill(PID[, SIGNAL]): SIGKILL (or SIGNAL) and reap it.
sub flowd_kill {
    my ($pid, $sig) = @_;
    kill($sig // 'KILL', $pid);
    waitpid($pid, 0);
    delete $mine{$pid};
}

# CPU time (user + system clock ticks) a process has used.
sub flowd_cpu_ticks {
    my ($pid) = @_;
    open(my $fh, '<', "/proc/$pid/stat") or return undef;
    my $stat = <$fh>;
    $stat =~ s/\A.*\)\s+//s;	# past the command name, which may hold spaces
    my @f = split ' ', $stat;
    return $f[11] + $f[12];	# utime, stime (fields 14, 15)
}

# The stack's own flowd (var/test/run/flowd.pid), stopped with SIGSTOP.
sub stack_flowd_pause {
    my $f = File::Spec->catfile(var_dir(), 'run', 'flowd.pid');
    open(my $fh, '<', $f) or return 0;
    my ($pid) = split ' ', (<$fh> // '');
    return 0 unless $pid && kill('STOP', $pid);
    push @paused, $pid;
    return $pid;
}

sub stack_flowd_resume { kill('CONT', @paused) if @paused; @paused = () }

# flowd_bulk_start(KEY, PREFIX, N): N start commands in one statement, with
# business keys PREFIX-1 .. PREFIX-N and the variable address
# PREFIX-i@example.org each.
sub flowd_bulk_start {
    my ($key, $prefix, $n) = @_;
    die "bad count $n" unless $n =~ /\A[1-9][0-9]*\z/;
    # MariaDB's sequence engine: the table seq_1_to_N has the rows 1 .. N.
    return sql_value('INSERT INTO flow_commands (kind, process_key, business_key, variables, created_at)'
        . " SELECT 'start', " . sql_quote($key) . ', CONCAT(' . sql_quote("$prefix-") . ', seq),'
        . ' CONCAT(\'{"address":"\', ' . sql_quote("$prefix-") . ', seq, \'@example.org"}\'),'
        . " UTC_TIMESTAMP(6) FROM seq_1_to_$n; SELECT ROW_COUNT()");
}

END {
    my $rc = $?;
    flowd_kill($_) for keys %mine;
    stack_flowd_resume();
    $? = $rc;
}

1;
