package Portico::OrgAdmin;

# Helpers for the org administration tests (t/http/55-64): signed-in
# clients, users made for one test and removed at its end, roles, audit
# rows, invitation tokens and the mail of an invitation.
#
# Users made here (or registered with forget_user_at_end) are deleted when
# the test ends, with their roles, sessions and tokens (ON DELETE CASCADE).
# Their audit rows and outbox rows stay: they are history.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Portico::Test;

our @EXPORT = qw(
    client_as page_csrf post_form
    ACME BERGMANN NORTHWIND PROVIDER ANNA_ID KLAUS_ID CARL_ID
    make_user forget_user_at_end user_row roles_of role_id audit_rows audit_count
    outbox_for token_rows invite_mail link_path
);

use constant { PROVIDER => 1, ACME => 2, BERGMANN => 3, NORTHWIND => 4 };
use constant { ANNA_ID => 5, CARL_ID => 6, KLAUS_ID => 8 };

my @made;

# A client signed in as email (demo password unless given).
sub client_as {
    my ($email, %opt) = @_;
    my $c = Portico::Test->client(%opt);
    my $res = $c->login($email, $opt{password});
    croak "login as $email failed: " . $res->code unless $res->code == 303;
    return $c;
}

# The CSRF token of the client's session.
sub page_csrf {
    my ($c) = @_;
    my $t = csrf_of(scalar $c->get_xml('/'));
    croak 'no csrf token' unless length $t;
    return $t;
}

# POST a form with the session's token added; returns ($doc, $res) with
# Accept: application/xml (so a 422 comes back as the page XML).
sub post_form {
    my ($c, $path, $pairs, %opt) = @_;
    my @form = @$pairs;
    push @form, csrf => page_csrf($c) unless $opt{no_csrf};
    return $c->post_xml($path, \@form);
}

# A user for one test: org, roles (names), status, with the demo password
# unless password => 0.  Returns the id.
sub make_user {
    my (%a) = @_;
    my $tag = unique_tag('oa');
    my $email = $a{email} // "$tag\@" . ($a{domain} // 'example.com');
    my $name = $a{name} // "Test $tag";
    my $status = $a{status} // 'active';
    my $hash = ($a{password} // 1)
        ? sql_quote(sql_value('SELECT password_hash FROM users WHERE id = ' . CARL_ID))
        : 'NULL';
    sql('INSERT INTO users (org_id, email, name, password_hash, status) VALUES ('
        . join(', ', int($a{org} // ACME), sql_quote($email), sql_quote($name), $hash, sql_quote($status)) . ')');
    my $id = sql_value('SELECT id FROM users WHERE email = ' . sql_quote($email));
    for my $r (@{ $a{roles} // [] }) {
        sql("INSERT INTO user_roles (user_id, role_id) SELECT $id, id FROM roles WHERE name = " . sql_quote($r));
    }
    push @made, $id;
    return wantarray ? ($id, $email) : $id;
}

# Delete the user with this address (made by the pages) when the test ends.
sub forget_user_at_end {
    my ($email) = @_;
    push @made, 'email:' . $email;
    return;
}

END {
    for my $m (@made) {
        my $where = $m =~ /^email:(.*)$/s ? 'email = ' . sql_quote($1) : 'id = ' . int($m);
        eval { sql("DELETE FROM users WHERE $where") };
    }
}

# users row as a hash (id org_id email name status language has_password).
sub user_row {
    my ($where) = @_;
    $where = "id = $where" if $where =~ /^\d+$/;
    my $r = sql_rows("SELECT id, org_id, email, name, status, language, password_hash IS NOT NULL"
        . " FROM users WHERE $where");
    return undef unless @$r;
    my %h;
    @h{qw(id org_id email name status language has_password)} = @{ $r->[0] };
    return \%h;
}

# The role names of a user, sorted.
sub roles_of {
    my ($id) = @_;
    return [ map { $_->[0] } @{ sql_rows('SELECT r.name FROM user_roles ur JOIN roles r'
        . " ON r.id = ur.role_id WHERE ur.user_id = $id ORDER BY r.name") } ];
}

sub role_id {
    my ($name) = @_;
    return sql_value('SELECT id FROM roles WHERE name = ' . sql_quote($name));
}

# Audit rows of action on object (newest first): { user_id org_id before after ip }.
sub audit_rows {
    my ($action, $object_type, $object_id) = @_;
    my $rows = sql_rows('SELECT user_id, org_id, before_json, after_json, ip, integration_id FROM audit_log'
        . ' WHERE action = ' . sql_quote($action) . ' AND object_type = ' . sql_quote($object_type)
        . ' AND object_id = ' . sql_quote($object_id) . ' ORDER BY id DESC');
    return map { my %h; @h{qw(user_id org_id before after ip integration_id)} = @$_; \%h } @$rows;
}

sub audit_count {
    return scalar(my @r = audit_rows(@_));
}

# Outbox rows for an address (newest first): { template lang data status }.
sub outbox_for {
    my ($email) = @_;
    my $rows = sql_rows('SELECT template, lang, data_xml, status FROM outbox WHERE to_email = '
        . sql_quote($email) . ' ORDER BY id DESC');
    return map { my %h; @h{qw(template lang data status)} = @$_; \%h } @$rows;
}

# Invitation tokens of a user: { valid => 0|1, days => whole days of validity }.
sub token_rows {
    my ($id, $purpose) = @_;
    $purpose //= 'invite';
    my $rows = sql_rows('SELECT used_at IS NULL AND expires_at > UTC_TIMESTAMP(6),'
        . ' ROUND(TIMESTAMPDIFF(SECOND, created_at, expires_at) / 86400)'
        . " FROM user_tokens WHERE user_id = $id AND purpose = " . sql_quote($purpose) . ' ORDER BY id');
    return map { +{ valid => $_->[0], days => $_->[1] } } @$rows;
}

# The invitation mail for an address from the SMTP sink (Portico::Mail),
# or undef when the mail helpers are not there.
sub invite_mail {
    my ($email, %opt) = @_;
    return undef unless eval { require Portico::Mail; 1 };
    return Portico::Mail::wait_for(to => $email, timeout => $opt{timeout} // 30,
        ($opt{subject} ? (subject => $opt{subject}) : ()));
}

# The path and query of the first /auth/invite link in a text.
sub link_path {
    my ($text) = @_;
    return undef unless defined $text && $text =~ m{https?://[^/\s]+(/auth/invite\?token=[0-9a-f]{64})};
    return $1;
}

1;
