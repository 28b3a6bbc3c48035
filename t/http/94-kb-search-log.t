# The search log under load (cgi-bin-src/kb/search-log.c): searches made
# at the same moment each get their own id at once, in their result links,
# and every one ends up as a row with its query and result count, also
# when the rows were written together.  A click on a search whose row is
# not written yet (its id handed out, the row still with another process)
# is recorded once the row is there; an id never handed out is refused.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use File::Temp qw(tempdir);
use POSIX ();
use Test::More;
use Portico::Test;
use Portico::KB;

my $w = 'zl'; $w .= ('a' .. 'z')[rand 26] for 1 .. 8;
my $cat = create_category(names => { en => 'Search log' });
my @arts = map { create_article(category => $cat, audience => 'public',
    texts => { en => { title => "Logged $w $_", body_text => "About $w, part $_." } }) } 1 .. 3;
my $q = sub { sql_value("SELECT COUNT(*) FROM kb_searches WHERE query = " . sql_quote($_[0])) };

subtest 'searches at the same moment: own ids, every row written' => sub {
    my $n = 40;
    my $dir = tempdir(CLEANUP => 1);
    reader()->get("/kb/search?q=$w");    # ranked and kept: the rest come from the kept page
    my @pids;
    for my $i (1 .. $n) {
        my $pid = fork();
        die "fork: $!" unless defined $pid;
        if ($pid == 0) {
            # POSIX::_exit: the parent's END blocks (the test data's cleanup) must not run here.
            my $res = reader()->get("/kb/search?q=$w");
            open(my $fh, '>', "$dir/$i") or POSIX::_exit(1);
            print $fh $res->code, "\n", $res->content;
            close $fh;
            POSIX::_exit(0);
        }
        push @pids, $pid;
    }
    waitpid($_, 0) for @pids;
    my (%ids, $ok);
    for my $i (1 .. $n) {
        open(my $fh, '<', "$dir/$i") or next;
        my $text = do { local $/; <$fh> };
        $ok++ if $text =~ /\A200\n/;
        my %page = map { $_ => 1 } $text =~ m{href="/kb/go/\d+\?s=(\d+)"}g;
        $ids{$_}++ for keys %page;
    }
    is($ok, $n, "$n searches answered 200");
    is(scalar(keys %ids), $n, 'each with an id of its own in its links');
    ok(wait_until(10, sub { $q->($w) >= $n + 1 }), 'every search logged');
    is($q->($w), $n + 1, '... exactly once');
    my $rows = sql_rows('SELECT id, result_count, lang, source, user_id FROM kb_searches WHERE query = '
        . sql_quote($w));
    my %logged = map { $_->[0] => $_ } @$rows;
    is(scalar(grep { $logged{$_} } keys %ids), $n, 'the ids of the pages are the ids of the rows');
    is(scalar(grep { $_->[1] == 3 && $_->[2] eq 'en' && $_->[3] eq 'search' && !defined $_->[4] } @$rows),
        $n + 1, 'with the result count, language, source, and no user');
};

subtest 'the query is logged as typed' => sub {
    my $typed = "$w \"quoted\" back\\slash Müller <b>";
    my $bytes = $typed;
    utf8::encode($bytes);
    my $res = reader()->get('/kb/search?q=' . join('', map { sprintf '%%%02X', ord } split //, $bytes));
    is($res->code, 200, 'searched');
    ok(wait_until(5, sub { $q->($bytes) == 1 }), 'logged once, quotes, backslash and umlaut as typed');
};

subtest 'a click on a search whose row is still on its way' => sub {
    # What another process does: hand out an id, write the row a little later.
    sql('UPDATE kb_search_ids SET next_id = next_id + 1 WHERE one = 1');
    my $sid = sql_value('SELECT next_id - 1 FROM kb_search_ids WHERE one = 1');
    my $res = reader()->get("/kb/go/$arts[0]?s=$sid");
    is($res->code, 303, 'the click goes to the article');
    is(location_path($res), "/kb/articles/$arts[0]", '... this one');
    sql("INSERT INTO kb_searches (id, at, source, lang, query, result_count)"
        . " VALUES ($sid, UTC_TIMESTAMP(6), 'search', 'en', " . sql_quote("$w later") . ', 3)');
    ok(wait_until(10, sub { sql_value("SELECT clicked_article_id FROM kb_searches WHERE id = $sid") }),
        'once the row is there, the click is recorded');
    is(sql_value("SELECT clicked_article_id FROM kb_searches WHERE id = $sid"), $arts[0], 'on that article');

    my $never = sql_value('SELECT next_id + 1000 FROM kb_search_ids WHERE one = 1');
    is(reader()->get("/kb/go/$arts[0]?s=$never")->code, 404, 'an id never handed out: 404');
};

sql('DELETE FROM kb_searches WHERE query LIKE ' . sql_quote("$w%"));
cleanup();
done_testing();
