package Portico::KB;

# Knowledge-base test data for the HTTP tests (t/http/75-* and anyone else's).
# Everything is made with SQL, with unique slugs, and removed again by
# cleanup() (also run at END, so a test that dies leaves nothing behind).
# Ids are returned as plain numbers.
#
#   use Portico::KB;
#
#   kb_slug('vpn')                 a unique slug: "vpn-<pid>-<time>-<n>"
#   reader($email)                 a client logged in as $email (demo password);
#                                  reader() or reader(undef): an anonymous client.
#                                  Both send Accept-Language: en unless
#                                  lang => 'de' is given: reader($email, lang => 'de').
#
#   create_category(%o)            returns the category id. Options:
#       slug      (default kb_slug('cat'))
#       parent    parent category id (default none: top level)
#       audience  public|customer|partner|internal (default public)
#       position  (default 0)
#       names     { en => 'Devices', de => 'Geräte' } (default { en => slug })
#       descriptions { en => '...' } (default '')
#
#   create_article(%o)             returns the article id. Options:
#       category  category id (required)
#       audience  public|customer|partner|internal (default public)
#       status    draft|review|published|archived (default published)
#       slug      (default kb_slug('art'))
#       texts     { en => { title, summary, body, body_text }, de => {...} }
#                 body is stored as given: give sanitised XHTML (default
#                 "<p>$title</p>"); body_text defaults to the title.
#                 (default { en => { title => slug } })
#       tags      [ 'vpn', 'router' ]  tag names; missing tags are created
#                 (and removed by cleanup), existing ones reused
#       related   [ id, id ]  related articles, in this order
#       views     initial view_count (default 0)
#       helpful   [ yes, no ] initial helpful counts (default [0, 0])
#       updated   updated_at as 'YYYY-MM-DD hh:mm:ss' (default now, UTC)
#
#   create_faq_topic(%o)           returns the topic id. Options: slug,
#       position (default 0), names { en => ..., de => ... }.
#
#   create_faq(%o)                 returns the FAQ entry id. Options:
#       topic     topic id (default: a new topic)
#       audience  (default public)
#       status    draft|published|archived (default published)
#       position  (default 0)
#       article   article id to link (default none)
#       texts     { en => { question, answer }, de => {...} }; answer is
#                 sanitised XHTML (default "<p>answer</p>")
#
#   add_attachment($article_id, filename, content_type, size)
#                                  an kb_attachments row (no file on disk); returns id
#   article_views($id)             the stored view_count
#   statements_for($client, $path, $code, $before_each)
#                                  the statements (Com_stmt_execute) one GET of
#                                  $path costs, the session's included: the
#                                  smallest of six tries or more (until it was
#                                  seen three times), so other clients'
#                                  statements cannot inflate it; -1 when the
#                                  answer is not $code (default 200);
#                                  $before_each->() runs before each try
#                                  (forget_kept_pages: the page built)
#   rows_read_for($client, $path, $before_each)
#                                  the rows the database read (Handler_read_next,
#                                  _prev, _rnd_next: index and table scans) for
#                                  one GET of $path, the smallest of as many tries:
#                                  a size check that does not depend on the
#                                  machine's speed (a scan of a big table shows)
#   cleanup()                      deletes everything made above
#
# Nothing here touches rows it did not create.

use strict;
use warnings;

use Carp qw(croak);
use DBI;
use Exporter qw(import);
use File::Spec;
use Portico::Test;

our @EXPORT = qw(
    kb_slug reader create_category create_article create_faq_topic create_faq
    add_attachment article_views statements_for rows_read_for cleanup
);

my (@categories, @articles, @topics, @faqs, @tags);
my $seq = 0;

sub kb_slug {
    my ($prefix) = @_;
    $seq++;
    my $s = lc(unique_tag($prefix // 'kb')) . "-$seq";
    $s =~ s/[^a-z0-9-]+/-/g;
    return $s;
}

sub reader {
    my ($email, %o) = @_;
    my $c = Portico::Test->client(accept_language => $o{lang} // 'en');
    return $c unless defined $email;
    my $res = $c->login($email, $o{password} // DEMO_PASSWORD);
    croak "login as $email: " . $res->code unless $res->code == 303;
    return $c;
}

sub _id_of {
    my ($table, $slug) = @_;
    my $id = sql_value("SELECT id FROM $table WHERE slug = " . sql_quote($slug));
    croak "no $table row for $slug" unless defined $id;
    return 0 + $id;
}

sub create_category {
    my (%o) = @_;
    my $slug = $o{slug} // kb_slug('cat');
    sql(sprintf("INSERT INTO kb_categories (parent_id, slug, position, audience) VALUES (%s, %s, %d, %s)",
        defined $o{parent} ? int($o{parent}) : 'NULL', sql_quote($slug), $o{position} // 0,
        sql_quote($o{audience} // 'public')));
    my $id = _id_of('kb_categories', $slug);
    push @categories, $id;
    my $names = $o{names} // { en => $slug };
    for my $lang (sort keys %$names) {
        sql(sprintf("INSERT INTO kb_category_texts (category_id, lang, name, description) VALUES (%d, %s, %s, %s)",
            $id, sql_quote($lang), sql_quote($names->{$lang}),
            sql_quote(($o{descriptions} // {})->{$lang} // '')));
    }
    return $id;
}

sub create_article {
    my (%o) = @_;
    croak 'create_article needs category' unless defined $o{category};
    my $slug = $o{slug} // kb_slug('art');
    my $updated = defined $o{updated} ? sql_quote($o{updated}) : 'UTC_TIMESTAMP(6)';
    my ($yes, $no) = @{ $o{helpful} // [0, 0] };
    sql(sprintf("INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at,"
        . " published_at, view_count, helpful_yes, helpful_no)"
        . " VALUES (%d, %s, %s, %s, %s, %s, %s, %d, %d, %d)",
        $o{category}, sql_quote($slug), sql_quote($o{audience} // 'public'),
        sql_quote($o{status} // 'published'), $updated, $updated, $updated,
        $o{views} // 0, $yes, $no));
    my $id = _id_of('kb_articles', $slug);
    push @articles, $id;
    my $texts = $o{texts} // { en => { title => $slug } };
    for my $lang (sort keys %$texts) {
        my $t = $texts->{$lang};
        my $title = $t->{title} // $slug;
        sql(sprintf("INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at)"
            . " VALUES (%d, %s, %s, %s, %s, %s, %s)",
            $id, sql_quote($lang), sql_quote($title), sql_quote($t->{summary} // ''),
            sql_quote($t->{body} // "<p>$title</p>"), sql_quote($t->{body_text} // $title), $updated));
    }
    for my $tag (@{ $o{tags} // [] }) {
        my $tid = sql_value('SELECT id FROM kb_tags WHERE name = ' . sql_quote($tag));
        unless (defined $tid) {
            sql('INSERT INTO kb_tags (name) VALUES (' . sql_quote($tag) . ')');
            $tid = sql_value('SELECT id FROM kb_tags WHERE name = ' . sql_quote($tag));
            push @tags, $tid;
        }
        sql("INSERT INTO kb_article_tags (article_id, tag_id) VALUES ($id, $tid)");
    }
    my $pos = 0;
    for my $rel (@{ $o{related} // [] }) {
        sql(sprintf('INSERT INTO kb_related (article_id, related_id, position) VALUES (%d, %d, %d)',
            $id, $rel, $pos++));
    }
    return $id;
}

sub create_faq_topic {
    my (%o) = @_;
    my $slug = $o{slug} // kb_slug('topic');
    sql(sprintf('INSERT INTO kb_faq_topics (slug, position) VALUES (%s, %d)', sql_quote($slug),
        $o{position} // 0));
    my $id = _id_of('kb_faq_topics', $slug);
    push @topics, $id;
    my $names = $o{names} // { en => $slug };
    for my $lang (sort keys %$names) {
        sql(sprintf('INSERT INTO kb_faq_topic_texts (topic_id, lang, name) VALUES (%d, %s, %s)',
            $id, sql_quote($lang), sql_quote($names->{$lang})));
    }
    return $id;
}

sub create_faq {
    my (%o) = @_;
    my $topic = $o{topic} // create_faq_topic();
    # One client call, so LAST_INSERT_ID() sees the insert.
    my $id = 0 + sql_value(sprintf('INSERT INTO kb_faq (topic_id, article_id, audience, position, status)'
        . ' VALUES (%d, %s, %s, %d, %s); SELECT LAST_INSERT_ID()',
        $topic, defined $o{article} ? int($o{article}) : 'NULL', sql_quote($o{audience} // 'public'),
        $o{position} // 0, sql_quote($o{status} // 'published')));
    push @faqs, $id;
    my $texts = $o{texts} // { en => { question => "Question $id?" } };
    for my $lang (sort keys %$texts) {
        my $t = $texts->{$lang};
        my $answer = $t->{answer} // '<p>answer</p>';
        (my $plain = $answer) =~ s/<[^>]*>//g;
        sql(sprintf('INSERT INTO kb_faq_texts (faq_id, lang, question, answer, answer_text) VALUES (%d, %s, %s, %s, %s)',
            $id, sql_quote($lang), sql_quote($t->{question} // "Question $id?"), sql_quote($answer),
            sql_quote($plain)));
    }
    return $id;
}

sub add_attachment {
    my ($article, $filename, $type, $size) = @_;
    my $storage = join '', map { sprintf '%02x', int(rand(256)) } 1 .. 32;
    sql(sprintf('INSERT INTO kb_attachments (article_id, filename, content_type, size_bytes, storage_name, created_at)'
        . ' VALUES (%d, %s, %s, %d, %s, UTC_TIMESTAMP(6))', $article, sql_quote($filename),
        sql_quote($type // 'application/pdf'), $size // 1234, sql_quote($storage)));
    return 0 + sql_value('SELECT id FROM kb_attachments WHERE storage_name = ' . sql_quote($storage));
}

# A global status counter, read on a connection held open: a reading costs
# no process start, so the window a page is measured in is the request
# alone, which the daemons that poll (portico-flowd, every 50 ms) seldom
# fall into; the fewest of several tries (below) leaves them out.
# The sum of the counters named, in one reading.
my $status_dbh;
sub _status {
    my @names = @_;
    $status_dbh //= DBI->connect('dbi:MariaDB:database=portico;mariadb_socket='
        . File::Spec->catfile(var_dir(), 'run', 'mysqld.sock'), 'portico', 'portico',
        { RaiseError => 1, PrintError => 0, AutoCommit => 1 });
    my $n = 0;
    $n += $_->[1] for @{ $status_dbh->selectall_arrayref('SHOW GLOBAL STATUS WHERE Variable_name IN ('
        . join(', ', map { "'$_'" } @names) . ')') };
    return $n;
}

sub _executes { return _status('Com_stmt_execute') }

# The fewest of what $measure->() returns over several tries (a negative
# answer ends them: the page failed).  The global counters these are read
# from also count what other processes do meanwhile (housekeeping, the
# mailer, the session's generation check), which only ever adds: the
# fewest is the page's own.  At least 6 tries, and more (up to 20) until
# the fewest has been seen 3 times, so that a busy moment does not decide.
sub _fewest {
    my ($measure) = @_;
    my ($min, $seen) = (undef, 0);
    for my $try (1 .. 20) {
        my $n = $measure->();
        return -1 if $n < 0;
        if (!defined $min || $n < $min) { ($min, $seen) = ($n, 1) }
        elsif ($n == $min) { $seen++ }
        last if $try >= 6 && $seen >= 3;
    }
    return $min;
}

sub statements_for {
    my ($c, $path, $code, $before_each) = @_;
    return _fewest(sub {
        $before_each->() if $before_each;
        my $before = _executes();
        my $res = $c->get($path);
        my $n = _executes() - $before;
        return $res->code == ($code // 200) ? $n : -1;
    });
}

sub _rows_read {
    return _status(qw(Handler_read_next Handler_read_prev Handler_read_rnd_next));
}

sub rows_read_for {
    my ($c, $path, $before_each) = @_;
    return _fewest(sub {
        $before_each->() if $before_each;
        my $before = _rows_read();
        my $res = $c->get($path);
        my $n = _rows_read() - $before;
        return $res->code == 200 ? $n : -1;
    });
}

sub article_views {
    my ($id) = @_;
    return 0 + sql_value("SELECT view_count FROM kb_articles WHERE id = $id");
}

sub cleanup {
    my @q;
    push @q, 'DELETE FROM kb_faq WHERE id IN (' . join(',', @faqs) . ')' if @faqs;
    push @q, 'DELETE FROM kb_faq WHERE topic_id IN (' . join(',', @topics) . ')' if @topics;
    push @q, 'DELETE FROM kb_faq_topics WHERE id IN (' . join(',', @topics) . ')' if @topics;
    if (@articles) {
        my $in = join ',', @articles;
        push @q, "UPDATE kb_faq SET article_id = NULL WHERE article_id IN ($in)";
        push @q, "DELETE FROM kb_related WHERE related_id IN ($in)";
        push @q, "DELETE FROM kb_articles WHERE id IN ($in)";
    }
    push @q, 'DELETE FROM kb_tags WHERE id IN (' . join(',', @tags) . ')' if @tags;
    # Children before parents: the newest first.
    push @q, "DELETE FROM kb_categories WHERE id = $_" for reverse @categories;
    if (@q) {
        eval { sql(join(';', @q)); 1 } or warn "Portico::KB cleanup: $@";
    }
    @faqs = @topics = @articles = @tags = @categories = ();
    return;
}

END { cleanup() }

1;
