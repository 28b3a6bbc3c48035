# A signed-in reader has one "Was this helpful?" vote per article: voting
# again replaces the earlier vote (and its comment), and the article's
# counters follow the replacement. Each signed-in reader counts once;
# anonymous votes keep their own per-address bound (84-kb-feedback.t).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::KB;

my $cat = create_category(names => { en => 'One vote' });
my $art = create_article(category => $cat, texts => { en => { title => 'Vote on me once' } });

sub counts { return sql_rows("SELECT helpful_yes, helpful_no FROM kb_articles WHERE id = $art")->[0] }
sub rows_of {
    my ($email) = @_;
    return sql_rows("SELECT f.helpful, f.comment FROM kb_feedback f JOIN users u ON u.id = f.user_id"
        . " WHERE f.article_id = $art AND u.email = " . sql_quote($email) . " ORDER BY f.id");
}
sub vote {
    my ($c, $helpful, $comment) = @_;
    my $csrf = csrf_of(scalar $c->get_xml('/'));
    return $c->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => $helpful,
        defined $comment ? (comment => $comment) : ()])->code;
}

my $carl = reader('carl@acme.example');

subtest 'helpful twice counts once' => sub {
    is(vote($carl, 'yes', 'Good'), 303, 'first vote: 303');
    is(vote($carl, 'yes', 'Still good'), 303, 'the same vote again: 303');
    is_deeply(counts(), [1, 0], 'helpful 1, not helpful 0');
    is_deeply(rows_of('carl@acme.example'), [[1, 'Still good']], "one row of carl's, the latest comment");
};

subtest 'not helpful replaces helpful' => sub {
    is(vote($carl, 'no', 'Changed my mind'), 303, 'the other vote: 303');
    is_deeply(counts(), [0, 1], 'helpful down by one, not helpful up by one');
    is_deeply(rows_of('carl@acme.example'), [[0, 'Changed my mind']], 'still one row, now not helpful');
};

subtest 'each reader counts once; anonymous votes count apart' => sub {
    my $olivia = reader('olivia@acme.example');
    is(vote($olivia, 'yes'), 303, 'another reader: 303');
    is(vote($olivia, 'yes'), 303, 'and again: 303');
    is_deeply(counts(), [1, 1], 'her vote counted once, carl\'s kept');
    my $anon = reader();
    my $csrf = $anon->csrf;
    is($anon->post("/kb/articles/$art/feedback", [csrf => $csrf, helpful => 'yes'])->code, 303, 'anonymous: 303') for 1 .. 2;
    is_deeply(counts(), [3, 1], 'two anonymous votes: two more');
    is(sql_value("SELECT SUM(helpful = 1) FROM kb_feedback WHERE article_id = $art"), 3, 'the rows agree');
};

done_testing;
