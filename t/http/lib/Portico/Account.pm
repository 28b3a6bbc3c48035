package Portico::Account;

# Helpers for the account tests (t/http/45-54): throw-away users, the
# outbox, mailed links and one-time tokens.
#
# new_user() makes a user of its own for a test (a copy of a demo user's
# org, role and password hash, so the password is DEMO_PASSWORD); every
# user made here is deleted when the test ends, with the rows that carry
# its address. The demo users keep their passwords and roles.
#
# Mails: every queued mail is an outbox row, checked always. Whether it also
# reached the SMTP sink is checked with Portico::Mail (the mail helper's
# module) when it is there; mail_arrives() says why it could not check.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Digest::SHA qw(sha256_hex);
use File::Spec;
use XML::LibXML;

use Portico::Test;

our @EXPORT = qw(
    new_user outbox_rows outbox_wait outbox_link mail_subject mail_arrives
    path_of token_of make_token forget_email audit_rows
);

my (@made_users, %emails);

# new_user(like => 'carl@acme.example', status => 'active', lang => undef)
# Returns { id, email, name, org_id }.
sub new_user {
    my (%opt) = @_;
    my $like = $opt{like} // 'carl@acme.example';
    my ($domain) = $like =~ /\@(.+)\z/;
    my $tag = unique_tag($opt{tag} // 'acct');
    my $email = lc "$tag\@$domain";
    my $name = $opt{name} // "Test $tag";
    my $status = $opt{status} // 'active';
    my $hash = $status eq 'invited' ? 'NULL' : 'password_hash';
    my $lang = defined $opt{lang} ? sql_quote($opt{lang}) : 'NULL';
    my $id = sql_value(
        "INSERT INTO users (org_id, email, name, password_hash, language, time_zone, status, created_at)"
        . " SELECT org_id, " . sql_quote($email) . ", " . sql_quote($name) . ", $hash, $lang,"
        . " 'UTC', " . sql_quote($status) . ", UTC_TIMESTAMP(6) FROM users WHERE email = "
        . sql_quote($like) . ";"
        . " SELECT LAST_INSERT_ID()");
    croak "could not make a user like $like" unless $id;
    sql("INSERT INTO user_roles (user_id, role_id) SELECT $id, role_id FROM user_roles"
        . " WHERE user_id = (SELECT id FROM users WHERE email = " . sql_quote($like) . ")");
    push @made_users, $id;
    $emails{$email} = 1;
    my $org = sql_value("SELECT org_id FROM users WHERE id = $id");
    return { id => $id, email => $email, name => $name, org_id => $org };
}

# Remember an address to clean up after (e.g. a new address a user moved to).
sub forget_email { $emails{ lc $_[0] } = 1 }

END {
    my $rc = $?;
    eval {
        for my $id (@made_users) {
            my $e = sql_value("SELECT email FROM users WHERE id = $id");
            $emails{$e} = 1 if defined $e;
            sql("DELETE FROM users WHERE id = $id");
        }
        for my $e (keys %emails) {
            my $q = sql_quote($e);
            sql("DELETE FROM login_attempts WHERE email = $q;"
                . " DELETE FROM password_reset_requests WHERE email = $q;"
                . " DELETE FROM outbox WHERE to_email = $q");
        }
        1;
    } or warn "cleanup failed: $@";
    $? = $rc;
}

# Outbox rows to an address (and template): [{ id, template, lang, data }] oldest first;
# data is the parsed <data> element (XML::LibXML) or undef.
sub outbox_rows {
    my ($to, $template) = @_;
    my $q = "SELECT id, template, lang, data_xml FROM outbox WHERE to_email = " . sql_quote($to);
    $q .= " AND template = " . sql_quote($template) if defined $template;
    my @rows;
    for my $r (@{ sql_rows("$q ORDER BY id") }) {
        my $doc = eval { XML::LibXML->load_xml(string => $r->[3]) } if length($r->[3] // '');
        push @rows, { id => $r->[0], template => $r->[1], lang => $r->[2],
            data => $doc ? $doc->documentElement : undef };
    }
    return @rows;
}

# The newest outbox row of a template to an address, waiting a moment for it.
sub outbox_wait {
    my ($to, $template) = @_;
    my @rows;
    wait_until(5, sub { @rows = outbox_rows($to, $template); scalar @rows });
    return $rows[-1];
}

# The <link> of the newest mail of a template to an address, as a local path.
sub outbox_link {
    my ($to, $template) = @_;
    my $row = outbox_wait($to, $template) or return undef;
    return undef unless $row->{data};
    return path_of($row->{data}->findvalue('link'));
}

# A URL of this site as a path ('/auth/...?token=...'); a path stays as it is.
sub path_of {
    my ($url) = @_;
    return undef unless defined $url;
    $url =~ s{^https?://[^/]+}{};
    return $url;
}

sub token_of {
    my ($path) = @_;
    return $path =~ /[?&]token=([0-9a-f]{64})/ ? $1 : undef;
}

# A token made directly in the database: (raw token) for user, purpose, data, ttl (s, may be < 0).
sub make_token {
    my ($user_id, $purpose, $data, $ttl_s) = @_;
    my $token = sha256_hex(unique_tag('token') . rand());
    sql("INSERT INTO user_tokens (token_hash, user_id, purpose, data, created_at, expires_at)"
        . " VALUES (UNHEX(SHA2(" . sql_quote($token) . ", 256)), $user_id, " . sql_quote($purpose)
        . ", " . sql_quote($data) . ", UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL "
        . int($ttl_s // 3600) . " SECOND)");
    return $token;
}

# The subject of a mail template in a language, from the mail catalogue,
# cut before the first {placeholder}.
sub mail_subject {
    my ($template, $lang) = @_;
    my $file = File::Spec->catfile(repo_dir(), 'xslt', 'i18n', $lang // 'en', 'mail.xml');
    return undef unless -r $file;
    my $doc = XML::LibXML->load_xml(location => $file);
    my $s = $doc->findvalue("/catalog/msg[\@key = 'mail.$template.subject']");
    $s =~ s/\{.*//s;
    return length $s ? $s : undef;
}

# The mail at the SMTP sink: (mail, undef) or (undef, why it is not checked).
sub mail_arrives {
    my ($to, $template, $lang) = @_;
    return (undef, 'Portico::Mail is not there yet')
        unless eval { require Portico::Mail; 1 };
    return (undef, 'the stack runs no mailer')
        unless -d File::Spec->catdir(var_dir(), 'mail');
    my $subject = mail_subject($template, $lang);
    my $m = Portico::Mail::wait_for(to => $to,
        ($subject ? (subject => qr/\Q$subject\E/) : ()), timeout => 20);
    return ($m, $m ? undef : 'no mail arrived');
}

# Audit rows [action, user_id, object_type, object_id, before_json, after_json, ip] about a user.
sub audit_rows {
    my ($user_id, $action) = @_;
    my $q = "SELECT action, user_id, object_type, object_id, before_json, after_json, ip"
        . " FROM audit_log WHERE object_type = 'user' AND object_id = " . sql_quote($user_id);
    $q .= " AND action = " . sql_quote($action) if defined $action;
    return @{ sql_rows("$q ORDER BY id") };
}

1;
