package Portico::Survey;

# Helpers for the deflection and survey tests (t/http/155-159): knowledge
# base articles only a test's made-up word finds, the rows of filings and
# surveys, survey links (made here from [secrets] hmac_key exactly as
# cgi-bin-src/lib/crypto.c signs them, to make expired or foreign ones),
# resolving a ticket as the agent, and cleanup of the filings a test made.

use strict;
use warnings;

use Carp qw(croak);
use Digest::SHA qw(hmac_sha256);
use Exporter qw(import);
use MIME::Base64 qw(encode_base64url);
use Portico::Test;
use Portico::KB;
use Portico::Tickets;

our @EXPORT = qw(
    made_up_word kb_articles_with deflection_rows deflection_row deflection_articles
    forget_filings_of survey_row survey_token survey_link_of agent_resolve hidden_inputs
    service_id
);

my @filing_users;

# A word no demo text has: "zq" and 8 random letters.
sub made_up_word {
    my $w = 'zq';
    $w .= ('a' .. 'z')[rand 26] for 1 .. 8;
    return $w;
}

# Published articles whose titles hold word: n public ones (best first:
# the word twice in the first title), and one each of the audiences in
# %o (internal => 1, partner => 1) and a draft (draft => 1).  Returns
# { public => [ids], internal => id, partner => id, draft => id }.
sub kb_articles_with {
    my ($word, $n, %o) = @_;
    my $cat = create_category(names => { en => "Deflection $word" });
    my %made = (public => []);
    for my $i (1 .. $n) {
        my $title = $i == 1 ? "Fixing the $word $word box" : "About the $word part $i";
        push @{ $made{public} }, create_article(category => $cat,
            texts => { en => { title => $title, summary => "Summary $i of $word" } });
    }
    for my $aud (qw(internal partner)) {
        $made{$aud} = create_article(category => $cat, audience => $aud,
            texts => { en => { title => "The $word for $aud readers" } }) if $o{$aud};
    }
    $made{draft} = create_article(category => $cat, status => 'draft',
        texts => { en => { title => "Draft $word" } }) if $o{draft};
    return \%made;
}

sub service_id {
    my ($slug) = @_;
    return sql_value('SELECT id FROM ticket_services WHERE slug = ' . sql_quote($slug));
}

my @FILING_COLS = qw(id user_id org_id service_id via shown_count opened_count answered_at ticket_id);

# The filings of user (email) made after row id since (0: all), oldest first, as hashes.
sub deflection_rows {
    my ($email, $since) = @_;
    push @filing_users, $email;
    my $r = sql_rows('SELECT ' . join(',', map { "d.$_" } @FILING_COLS) . ' FROM ticket_deflections d'
        . ' JOIN users u ON u.id = d.user_id WHERE u.email = ' . sql_quote($email)
        . ' AND d.id > ' . (0 + ($since // 0)) . ' ORDER BY d.id');
    return map { my %h; @h{@FILING_COLS} = @$_; \%h } @$r;
}

sub deflection_row {
    my ($id) = @_;
    my $r = sql_rows('SELECT ' . join(',', @FILING_COLS) . " FROM ticket_deflections WHERE id = " . (0 + $id));
    return undef unless @$r;
    my %h;
    @h{@FILING_COLS} = @{ $r->[0] };
    return \%h;
}

# The articles of a filing in the order shown: [ [article_id, position, opened (0/1)] ].
sub deflection_articles {
    my ($id) = @_;
    return sql_rows('SELECT article_id, position, opened_at IS NOT NULL FROM ticket_deflection_articles'
        . ' WHERE deflection_id = ' . (0 + $id) . ' ORDER BY position');
}

# Remove the filings of these users at the end (deflection_rows registers its user too).
sub forget_filings_of { push @filing_users, @_ }

my @SURVEY_COLS = qw(ticket_id round requester_id org_id service_id group_id agent_id sent_at expires_at
    rating comment answered_round answered_at changed_at answered_via);

# A ticket's survey row as a hash (undef when none).
sub survey_row {
    my ($number) = @_;
    my $r = sql_rows('SELECT ' . join(',', map { "s.$_" } @SURVEY_COLS) . ' FROM ticket_surveys s'
        . ' JOIN tickets t ON t.id = s.ticket_id WHERE t.number = ' . sql_quote($number));
    return undef unless @$r;
    my %h;
    @h{@SURVEY_COLS} = @{ $r->[0] };
    return \%h;
}

sub _hmac_key {
    my $conf = conf_file();
    open(my $fh, '<', $conf) or croak "$conf: $!";
    my $section = '';
    while (my $l = <$fh>) {
        $section = $1 if $l =~ /^\s*\[([^\]]+)\]/;
        return $1 if $section eq 'secrets' && $l =~ /^\s*hmac_key\s*=\s*(\S+)/;
    }
    croak "no [secrets] hmac_key in $conf";
}

# A survey token for ticket id, expiring at expires (Unix seconds), for round.
sub survey_token {
    my ($ticket_id, $expires, $round) = @_;
    my $mac = hmac_sha256("portico\0survey\0$ticket_id\0$expires\0round $round", _hmac_key());
    return "$ticket_id.$expires." . encode_base64url(substr($mac, 0, 16));
}

# The survey link of the newest survey mail in the outbox for ticket number (a path), or undef.
sub survey_link_of {
    my ($number) = @_;
    my @mails = outbox_for('ticket-survey', $number);
    return undef unless @mails;
    my ($path) = $mails[-1]{data} =~ m{<link>https?://[^/<]+(/tickets/\Q$number\E/survey/[^<]+)</link>}
        or return undef;
    return $path;
}

# The agent sets the ticket's status (default resolved); dies unless 303.
sub agent_resolve {
    my ($agent, $number, $status) = @_;
    my ($doc, $res) = tk_post($agent, "/tickets/$number/status", [status => $status // 'resolved']);
    croak "status of $number: " . $res->code . ' ' . join(',', message_keys($doc)) unless $res->code == 303;
    return $res;
}

# The hidden inputs of the HTML form whose action is action, in order: [name, value] pairs.
sub hidden_inputs {
    my ($html, $action) = @_;
    my ($form) = $html =~ m{(<form[^>]*action="\Q$action\E"[^>]*>.*?</form>)}s or return ();
    my @pairs;
    while ($form =~ m{<input type="hidden" name="([^"]*)" value="([^"]*)"}g) {
        my ($n, $v) = ($1, $2);
        for ($v) {
            s/&#10;/\n/g; s/&#13;/\r/g; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g;
            s/&#(\d+);/chr($1)/ge; s/&amp;/&/g;
        }
        push @pairs, [$n, $v];
    }
    return @pairs;
}

END {
    my $status = $?;
    if (@filing_users) {
        my $list = join(',', map { sql_quote($_) } @filing_users);
        eval { sql("DELETE d FROM ticket_deflections d JOIN users u ON u.id = d.user_id WHERE u.email IN ($list)") };
        warn "cleanup of filings failed: $@" if $@;
    }
    $? = $status;
}

1;
