package Portico::SLA;

# Helpers for the SLA tests (t/http/130-134): a ticket's clocks as the
# database holds them, moving them back in time (so that business time has
# passed without waiting for it), and a UTC stamp as a reader in a time
# zone and language sees it on a page (the layout's date format).
#
# The tests raise printer-fault tickets: the demo rule gives that service
# the "24x7 critical" policy, whose calendar counts every second, so the
# business time between two instants is their distance and every due can
# be checked to the second whenever the test runs.

use strict;
use warnings;

use Exporter qw(import);
use POSIX ();
use Time::Local ();
use Portico::Test;

our @EXPORT = qw(clocks shift_clocks policy_id epoch_of local_text seconds_until);

my @COLS = qw(kind policy_id state target_s consumed_s since due_at warn_at warned_at breached_at stopped_at);

# The ticket's clocks: { first_response => { state => ..., ... }, ... }.
sub clocks {
    my ($number) = @_;
    my $rows = sql_rows('SELECT ' . join(', ', map { "c.$_" } @COLS)
        . ' FROM ticket_sla_clocks c JOIN tickets t ON t.id = c.ticket_id WHERE t.number = '
        . sql_quote($number) . ' ORDER BY c.kind');
    my %c;
    for my $r (@$rows) {
        my %h;
        @h{@COLS} = @$r;
        $c{ $h{kind} } = \%h;
    }
    return \%c;
}

# Move everything the ticket's clocks remember $s seconds into the past,
# as if they had run (or waited) that much longer; the ticket's next due too.
sub shift_clocks {
    my ($number, $s, %o) = @_;
    my $only = $o{kind} ? ' AND c.kind = ' . sql_quote($o{kind}) : '';
    my $q = sql_quote($number);
    sql("UPDATE ticket_sla_clocks c JOIN tickets t ON t.id = c.ticket_id SET"
        . " c.since = c.since - INTERVAL $s SECOND, c.due_at = c.due_at - INTERVAL $s SECOND,"
        . " c.warn_at = c.warn_at - INTERVAL $s SECOND WHERE t.number = $q$only");
    sql("UPDATE tickets t SET t.sla_due_at = (SELECT MIN(c.due_at) FROM ticket_sla_clocks c"
        . " WHERE c.ticket_id = t.id AND c.state = 'running'),"
        . " t.sla_warn_at = (SELECT MIN(COALESCE(c.warn_at, c.due_at)) FROM ticket_sla_clocks c"
        . " WHERE c.ticket_id = t.id AND c.state = 'running') WHERE t.number = $q");
    return;
}

sub policy_id {
    my ($name) = @_;
    return sql_value('SELECT id FROM sla_policies WHERE name = ' . sql_quote($name));
}

# "YYYY-MM-DD hh:mm:ss[.ffffff]" or "YYYY-MM-DDThh:mm:ssZ" (UTC) as epoch seconds.
sub epoch_of {
    my ($stamp) = @_;
    my ($y, $mo, $d, $h, $mi, $s) = $stamp =~ /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)/
        or die "not a stamp: $stamp";
    return Time::Local::timegm($s, $mi, $h, $d, $mo - 1, $y);
}

# Seconds from the database's now to a stamp.
sub seconds_until {
    my ($stamp) = @_;
    return sql_value('SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), ' . sql_quote($stamp) . ')');
}

my %MON = (
    en => [qw(Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)],
    de => ['Jan.', 'Feb.', "M\x{e4}rz", 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
);

# The text a page shows for a UTC stamp (style datetime) to a reader in
# $zone speaking $lang: "4 Dec 2026, 21:05" or "4. Dez. 2026, 21:05".
sub local_text {
    my ($stamp, $zone, $lang) = @_;
    my $t = epoch_of($stamp);
    my @lt;
    {
        local $ENV{TZ} = ":$zone";
        POSIX::tzset();
        @lt = localtime($t);
    }
    POSIX::tzset();
    my ($min, $hour, $day, $mon, $year) = @lt[1 .. 5];
    my $sep = $lang eq 'de' ? '. ' : ' ';
    return sprintf('%d%s%s %d, %02d:%02d', $day, $sep, $MON{$lang}[$mon], $year + 1900, $hour, $min);
}

1;
