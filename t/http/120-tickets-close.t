# A resolved ticket closes by itself once [tickets] reopen_days (7) have
# passed: the tickets worker looks after requests (every
# [tickets] close_check_s, 2 s in the test stack), writes the history row
# and the audit row, and leaves tickets resolved more recently alone.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $carl = tk_client('carl@acme.example');
my $old = tk_raise($carl, 'other-question', [subject => 'Old resolved', description => 'x']);
my $recent = tk_raise($carl, 'other-question', [subject => 'Recently resolved', description => 'x']);
tk_post($carl, "/tickets/$_/resolve", []) for $old, $recent;
set_ticket($old, resolved_at => 'UTC_TIMESTAMP(6) - INTERVAL 8 DAY');
set_ticket($recent, resolved_at => 'UTC_TIMESTAMP(6) - INTERVAL 6 DAY');

my $closed = wait_until(20, sub {
    $carl->get('/tickets/mine');
    return ticket_row($old)->{status} eq 'closed';
});
ok($closed, 'the old one closes');
my $t = ticket_row($old);
ok(defined $t->{closed_at}, 'with the time');
ok(defined $t->{resolved_at}, 'and keeps when it was resolved');
my ($h) = grep { $_->{field} eq 'status' && $_->{new} eq 'closed' } history_rows($old);
ok($h, 'history row');
ok(!defined $h->{user}, 'by the system');
my @a = audit_for('ticket.close', $old);
is(scalar @a, 1, 'one audit row');
is(ticket_row($recent)->{status}, 'resolved', 'the recent one stays resolved');
my ($doc, $res) = tk_post($carl, "/tickets/$old/reply", [body => 'Too late?']);
is($res->code, 422, 'a closed ticket takes no reply');

done_testing;
