package Portico::Tickets;

# Helpers for the ticket tests (t/http/112-129): signed-in clients, forms
# posted as multipart/form-data with the session's CSRF token (as XML, so a
# 422 comes back as the page), raising a ticket through a service's form,
# and the rows the tickets worker writes.
#
# Tickets the tests raise are registered (tk_raise does it; forget_ticket
# for others) and deleted with their rows and stored files when the test
# ends.  The demo tickets (T-<year>-000001..6) are left as they were, except
# what a test changes on purpose and puts back.

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use File::Spec;
use HTTP::Request::Common ();
use Portico::Test;

our @EXPORT = qw(
    tk_client tk_csrf tk_post tk_get tk_raise tk_printer_form forget_ticket demo_ticket
    ticket_row ticket_id history_rows audit_for outbox_for message_rows files_dir
    set_ticket group_emails bulk_tickets
);

my @tickets;

# A client signed in as email (Accept-Language: lang, default en); undef: anonymous.
sub tk_client {
    my ($email, %o) = @_;
    my $c = Portico::Test->client(accept_language => $o{lang} // 'en');
    return $c unless defined $email;
    my $res = $c->login($email, DEMO_PASSWORD);
    croak "login as $email: " . $res->code unless $res->code == 303;
    return $c;
}

# The CSRF token of the client's session (or the anonymous one).
sub tk_csrf {
    my ($c) = @_;
    my ($doc) = $c->get_xml('/');
    my $t = csrf_of($doc);
    ($doc) = $c->get_xml('/auth/login') unless length $t;
    return csrf_of($doc);
}

# POST pairs as multipart/form-data with the token (unless no_csrf, or
# csrf => '...'); files: [field => [filename, bytes]] pairs.  Returns
# ($doc, $res) with the page XML (Accept: application/xml).
sub tk_post {
    my ($c, $path, $pairs, %o) = @_;
    my @form = @{ $pairs // [] };
    push @form, csrf => ($o{csrf} // tk_csrf($c)) unless $o{no_csrf};
    my @files = @{ $o{files} // [] };
    while (my ($field, $f) = splice(@files, 0, 2)) {
        push @form, $field => [undef, $f->[0], 'Content-Type' => $f->[2] // 'application/octet-stream',
            Content => $f->[1]];
    }
    my $req = HTTP::Request::Common::POST(base_url() . $path, Content_Type => 'form-data',
        Content => \@form, Accept => 'application/xml');
    my $res = $c->request($req);
    return wantarray ? (xml_of($res), $res) : xml_of($res);
}

sub tk_get { my ($c, $path) = @_; return $c->get_xml($path) }

# The fields of a valid printer-fault form, with overrides.
sub tk_printer_form {
    my (%o) = @_;
    my %f = (
        subject            => 'Printer prints blank pages',
        description        => "It feeds paper but prints nothing.\nSince this morning.",
        'f-serial'         => 'PX-20418',
        'f-location'       => 'Hall 2, first floor',
        'f-error-code'     => 'E-071',
        'f-since'          => '',
        'f-affected-users' => '4',
        %o,
    );
    return [map { ($_ => $f{$_}) } sort keys %f];
}

# Raise a ticket through /tickets/new/<slug>; returns its number (dies unless 303).
# When the first submit offers knowledge base articles instead (a form sent
# without its script, cgi-bin-src/tickets/deflect.c), it raises the ticket
# anyway, as a person would: the same form again with the filing's id.
sub tk_raise {
    my ($c, $slug, $pairs, %o) = @_;
    my ($doc, $res) = tk_post($c, "/tickets/new/$slug", $pairs, %o);
    if ($res->code == 200 && xp($doc, '/page/deflect/@state') eq 'offer') {
        ($doc, $res) = tk_post($c, "/tickets/new/$slug",
            [@{ $pairs // [] }, deflection => xp($doc, '/page/deflect/@id')], %o);
    }
    croak "raising $slug: " . $res->code . ' ' . join(',', message_keys($doc)) unless $res->code == 303;
    my ($number) = location_path($res) =~ m{^/tickets/(T-\d{4}-\d{6,})\?created=1$}
        or croak 'unexpected Location ' . location_path($res);
    push @tickets, $number;
    return $number;
}

sub forget_ticket { push @tickets, @_ }

# The number of demo ticket n (1..6) of this year's demo data.
sub demo_ticket {
    my ($n) = @_;
    return sql_value("SELECT number FROM tickets WHERE id = $n");
}

# The addresses a group's mails go to: its active members who want ticket
# mail (the demo has more agents than the three of 0001), sorted.
sub group_emails {
    my ($group) = @_;
    return sort map { $_->[0] } @{ sql_rows('SELECT u.email FROM ticket_group_members m JOIN users u ON u.id = m.user_id'
        . " WHERE m.group_id = $group AND u.status = 'active' AND u.notify_tickets = 1") };
}

sub ticket_id { return sql_value('SELECT id FROM tickets WHERE number = ' . sql_quote($_[0])) }

# The ticket's row as a hash.
sub ticket_row {
    my ($number) = @_;
    my @cols = qw(id number year seq org_id requester_id service_id type subject status pending_reason
        impact urgency priority group_id assignee_id parent_id merged_into_id thread_id created_at updated_at resolved_at closed_at);
    my $r = sql_rows('SELECT ' . join(',', @cols) . ' FROM tickets WHERE number = ' . sql_quote($number));
    return undef unless @$r;
    my %h;
    @h{@cols} = @{ $r->[0] };
    return \%h;
}

# n tickets of org made with SQL, for tests at scale: numbers T-<year>-<seq>
# for seq 1..n, subject "<subject> <seq>", requester (the first `first` of
# them first_requester's); statuses new, open, pending, resolved, closed by
# seq % 5, service 1 + seq % 16, group 1 + seq % 2, every third unassigned
# and the others assignee's; created and updated seq minutes ago.  The
# caller deletes them (DELETE FROM tickets WHERE org_id = ...).
sub bulk_tickets {
    my (%o) = @_;
    my ($n, $year, $org) = @o{qw(n year org)};
    my $first = $o{first} // 0;
    my $first_req = $o{first_requester} // $o{requester};
    sql("INSERT INTO tickets (number, year, seq, org_id, requester_id, service_id, type, subject, status,"
        . " impact, urgency, priority, group_id, assignee_id, thread_id, created_at, updated_at)"
        . " SELECT CONCAT('T-$year-', LPAD(seq, 6, '0')), $year, seq, $org,"
        . " IF(seq <= $first, $first_req, $o{requester}), 1 + seq % 16, 'request',"
        . " CONCAT(" . sql_quote("$o{subject} ") . ", seq), ELT(1 + seq % 5, 'new', 'open', 'pending',"
        . " 'resolved', 'closed'), 3, 3, 5, 1 + seq % 2, IF(seq % 3 = 0, NULL, $o{assignee}),"
        . " CONCAT('<bulk', seq, '.$year\@x>'), UTC_TIMESTAMP(6) - INTERVAL seq MINUTE,"
        . " UTC_TIMESTAMP(6) - INTERVAL seq MINUTE FROM seq_1_to_$n");
    sql('ANALYZE TABLE tickets');
}

# Update a ticket's columns directly (to set up a state); values are SQL.
sub set_ticket {
    my ($number, %set) = @_;
    sql('UPDATE tickets SET ' . join(', ', map { "$_ = $set{$_}" } sort keys %set)
        . ' WHERE number = ' . sql_quote($number));
}

sub history_rows {
    my ($number) = @_;
    my $r = sql_rows('SELECT h.field, h.old_value, h.new_value, h.user_id FROM ticket_history h'
        . ' JOIN tickets t ON t.id = h.ticket_id WHERE t.number = ' . sql_quote($number) . ' ORDER BY h.id');
    return map { { field => $_->[0], old => $_->[1], new => $_->[2], user => $_->[3] } } @$r;
}

sub message_rows {
    my ($number) = @_;
    my $r = sql_rows('SELECT m.id, m.kind, m.author_id, m.body, m.message_id FROM ticket_messages m'
        . ' JOIN tickets t ON t.id = m.ticket_id WHERE t.number = ' . sql_quote($number) . ' ORDER BY m.id');
    return map { { id => $_->[0], kind => $_->[1], author => $_->[2], body => $_->[3], message_id => $_->[4] } } @$r;
}

sub audit_for {
    my ($action, $number) = @_;
    my $r = sql_rows('SELECT user_id, org_id, before_json, after_json FROM audit_log WHERE action = '
        . sql_quote($action) . " AND object_type = 'ticket' AND object_id = " . sql_quote($number)
        . ' ORDER BY id');
    return map { { user => $_->[0], org => $_->[1], before => $_->[2], after => $_->[3] } } @$r;
}

sub outbox_for {
    my ($template, $number) = @_;
    my $r = sql_rows('SELECT to_email, lang, message_id, in_reply_to, references_ids, data_xml FROM outbox'
        . ' WHERE template = ' . sql_quote($template) . ' AND data_xml LIKE '
        . sql_quote("%<number>$number</number>%") . ' ORDER BY id');
    return map { { to => $_->[0], lang => $_->[1], message_id => $_->[2], in_reply_to => $_->[3],
        references => $_->[4], data => $_->[5] } } @$r;
}

sub files_dir {
    my $conf = conf_file();
    open(my $fh, '<', $conf) or croak "$conf: $!";
    my $section = '';
    while (my $l = <$fh>) {
        $section = $1 if $l =~ /^\s*\[([^\]]+)\]/;
        return $1 if $section eq 'paths' && $l =~ /^\s*files\s*=\s*(\S+)/;
    }
    croak "no [paths] files in $conf";
}

END {
    my $status = $?;
    if (@tickets) {
        my $list = join(',', map { sql_quote($_) } @tickets);
        my $files = eval {
            sql_rows("SELECT f.storage_name FROM ticket_attachments f JOIN tickets t ON t.id = f.ticket_id"
                . " WHERE t.number IN ($list)");
        } // [];
        eval {
            sql("DELETE d FROM ticket_deflections d JOIN tickets t ON t.id = d.ticket_id WHERE t.number IN ($list)");
            sql("UPDATE tickets SET parent_id = NULL, merged_into_id = NULL WHERE number IN ($list)");
            sql("DELETE a FROM ticket_answers a JOIN tickets t ON t.id = a.ticket_id WHERE t.number IN ($list)");
            sql("DELETE FROM tickets WHERE number IN ($list)");
        };
        warn "cleanup of tickets failed: $@" if $@;
        my $dir = eval { files_dir() };
        unlink(File::Spec->catfile($dir, 'tickets', $_->[0])) for $dir ? @$files : ();
    }
    $? = $status;
}

1;
