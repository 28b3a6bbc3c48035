# The SMTP server goes away: portico-mailer keeps the mails queued, counts
# the attempts, records the error and backs off (30 s, doubling); nothing
# is marked sent and nothing is lost. When the server is back, every mail
# is delivered exactly once. The sink is always restarted.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Mail;

my $repo = repo_dir();
my $stopped = 0;


END {
    if ($stopped) {
        my $rc = $?;
        run_script('smtp-start') or diag('smtp-start failed in END');
        $? = $rc;
    }
}

sub queue {
    my ($to) = @_;
    return sql_value(sprintf(
        "INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status,"
        . " attempts, next_attempt_at) VALUES (UTC_TIMESTAMP(6), %s, 'Retry Test', 'en',"
        . " 'password-changed', '', 'queued', 0, UTC_TIMESTAMP(6)); SELECT LAST_INSERT_ID();",
        sql_quote($to)));
}

# status, attempts, last_error, seconds until next_attempt_at, sent_at
sub row {
    my ($id) = @_;
    my $r = sql_rows("SELECT status, attempts, last_error,"
        . " TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), next_attempt_at), sent_at FROM outbox WHERE id = $id");
    return { status => $r->[0][0], attempts => $r->[0][1], last_error => $r->[0][2],
        due_in_s => $r->[0][3], sent_at => $r->[0][4] };
}

# Make the rows due now, as if their back-off had passed.
sub due_now { sql('UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(6) WHERE id IN (' . join(',', @_) . ')') }

ok(-x "$repo/script/smtp-stop" && -x "$repo/script/smtp-start", 'script/smtp-stop and smtp-start exist')
    or do { done_testing; exit };
$stopped = 1;
ok(run_script('smtp-stop'), 'script/smtp-stop') or do { done_testing; exit };

my @to = map { unique_tag("retry$_") . '@mailtest.example' } 1 .. 2;
my @id = map { queue($_) } @to;
ok($id[0] && $id[1], "queued outbox @id while the SMTP server is away");

subtest 'first failure' => sub {
    ok(wait_until(15, sub { row($id[0])->{attempts} >= 1 && row($id[1])->{attempts} >= 1 }),
        'both attempted');
    for my $id (@id) {
        my $r = row($id);
        is($r->{status}, 'queued', "$id still queued");
        is($r->{attempts}, 1, "$id: one attempt");
        like($r->{last_error} // '', qr/\S/, "$id last_error: " . ($r->{last_error} // ''));
        ok(!defined $r->{sent_at}, "$id not sent");
        ok($r->{due_in_s} >= 20 && $r->{due_in_s} <= 31, "$id: next attempt in ~30 s ($r->{due_in_s})");
    }
};

subtest 'second failure doubles the back-off' => sub {
    due_now(@id);
    ok(wait_until(15, sub { row($id[0])->{attempts} >= 2 && row($id[1])->{attempts} >= 2 }),
        'attempted again');
    for my $id (@id) {
        my $r = row($id);
        is($r->{status}, 'queued', "$id still queued");
        is($r->{attempts}, 2, "$id: two attempts");
        ok($r->{due_in_s} >= 50 && $r->{due_in_s} <= 61, "$id: next attempt in ~60 s ($r->{due_in_s})");
    }
};

ok(!Portico::Mail::wait_for(to => $to[0], timeout => 0), 'nothing arrived meanwhile');

ok(run_script('smtp-start'), 'script/smtp-start') or do { done_testing; exit };
$stopped = 0;
due_now(@id);

subtest 'delivered once the server is back' => sub {
    for my $i (0, 1) {
        my $m = Portico::Mail::wait_for(to => $to[$i], timeout => 20);
        ok($m, "mail to $to[$i] arrived") or next;
        like($m->{subject}, qr/password was changed/, 'the right mail');
        ok(wait_until(10, sub { row($id[$i])->{status} eq 'sent' }), "$id[$i] sent");
        is(row($id[$i])->{attempts}, 3, 'third attempt succeeded');
        ok(defined row($id[$i])->{sent_at}, 'sent_at');
    }
    sleep 2;
    is(scalar(Portico::Mail::mails(to => $to[$_])), 1, "exactly one mail to $to[$_]") for 0, 1;
};

done_testing;
