# At the same moment: replies to one ticket from several clients are all
# kept (the ticket's row is locked for each, so none overwrites another's
# status or is lost), and tickets raised in parallel get numbers without a
# gap or a duplicate (the year's counter is taken FOR UPDATE in the
# transaction that writes the ticket).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $WORKERS = 6;
my $EACH = 5;

# Run code in $WORKERS forked children; each returns lines on a pipe.
sub in_parallel {
    my ($code) = @_;
    my @kids;
    for my $w (1 .. $WORKERS) {
        pipe(my $r, my $wr) or die "pipe: $!";
        my $pid = fork // die "fork: $!";
        if ($pid == 0) {
            close $r;
            my @out = eval { $code->($w) };
            print {$wr} map { "$_\n" } @out;
            print {$wr} "ERROR $@\n" if $@;
            close $wr;
            # Skip END blocks (cleanup) in the children.
            POSIX::_exit(0);
        }
        close $wr;
        push @kids, [$pid, $r];
    }
    my @lines;
    for my $k (@kids) {
        my $fh = $k->[1];
        push @lines, map { chomp; $_ } <$fh>;
        waitpid($k->[0], 0);
    }
    return @lines;
}
use POSIX ();

subtest 'parallel replies to one ticket lose nothing' => sub {
    my $carl = tk_client('carl@acme.example');
    my $n = tk_raise($carl, 'other-question', [subject => 'Parallel replies', description => 'Start']);
    my @clients = map { tk_client($_ % 2 ? 'carl@acme.example' : 'agent@portico.example') } 1 .. $WORKERS;
    my @tokens = map { tk_csrf($_) } @clients;
    my @codes = in_parallel(sub {
        my ($w) = @_;
        my @c;
        for my $i (1 .. $EACH) {
            my (undef, $res) = tk_post($clients[$w - 1], "/tickets/$n/reply", [body => "reply $w.$i"],
                csrf => $tokens[$w - 1]);
            push @c, $res->code;
        }
        return @c;
    });
    is(scalar(grep { $_ eq '303' } @codes), $WORKERS * $EACH, 'every reply answered 303')
        or diag join ' ', @codes;
    my %bodies = map { $_->{body} => 1 } message_rows($n);
    my @missing = grep { !$bodies{$_} } map { my $w = $_; map { "reply $w.$_" } 1 .. $EACH } 1 .. $WORKERS;
    is_deeply(\@missing, [], 'every reply is in the conversation');
    is(scalar(grep { $_->{field} eq 'reply' } history_rows($n)), $WORKERS * $EACH, 'one history row each');
    is(scalar audit_for('ticket.reply', $n), $WORKERS * $EACH, 'one audit row each');
    like(ticket_row($n)->{status}, qr/^(open|new)$/, 'a consistent status');
};

subtest 'tickets raised in parallel: numbers without gap or duplicate' => sub {
    my @clients = map { tk_client('carl@acme.example') } 1 .. $WORKERS;
    my @tokens = map { tk_csrf($_) } @clients;
    my @numbers = in_parallel(sub {
        my ($w) = @_;
        my @got;
        for my $i (1 .. $EACH) {
            my (undef, $res) = tk_post($clients[$w - 1], '/tickets/new/other-question',
                [subject => "Parallel $w.$i", description => 'x'], csrf => $tokens[$w - 1]);
            push @got, $res->code == 303 && location_path($res) =~ m{^/tickets/(T-\d{4}-\d+)\?} ? $1
                : 'FAILED ' . $res->code;
        }
        return @got;
    });
    forget_ticket(grep { /^T-/ } @numbers);
    is(scalar(grep { /^T-/ } @numbers), $WORKERS * $EACH, 'every ticket raised') or diag join ' ', @numbers;
    my %seen;
    is(scalar(grep { $seen{$_}++ } @numbers), 0, 'no number twice');
    my @seq = sort { $a <=> $b } map { /-(\d+)$/ ? 0 + $1 : () } @numbers;
    is($seq[-1] - $seq[0] + 1, scalar @seq, 'consecutive: no gap between the first and the last');
    my ($year) = $numbers[0] =~ /^T-(\d{4})-/;
    is(sql_value("SELECT last_no FROM ticket_counters WHERE year = $year"), $seq[-1], 'the counter stands at the last');
    is(sql_value('SELECT COUNT(*) FROM tickets WHERE number IN (' . join(',', map { sql_quote($_) } @numbers) . ')'),
        $WORKERS * $EACH, 'each number is a ticket');
};

done_testing;
