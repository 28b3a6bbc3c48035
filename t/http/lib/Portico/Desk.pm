package Portico::Desk;

# Helpers for the agent desk's tests (t/http/144-149): a world of its own
# made with SQL (a customer organisation with a requester, an agent group
# with two agents of the provider, tickets of that organisation in the
# states, priorities, groups and dues a test names), the numbers a desk
# page lists in its order, and the statements a request executed (MariaDB's
# general log, read as the database's superuser).
#
# Everything made here is removed when the test ends: the organisation's
# tickets (with their clocks, history, messages), the group, and the
# people (Portico::Provider's cleanup, which runs after this one's).

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use File::Spec;
use Portico::Test;
use Portico::Provider qw(make_org make_user);

our @EXPORT = qw(
    desk_world desk_ticket desk_numbers desk_xml executed_statements explain_rows
);

my @orgs;
my @groups;

# The world: { org, requester, group, agent, colleague, agent_email,
# colleague_email }: a customer organisation (tier silver) with one
# requester, and a new agent group whose members are two new agents of the
# provider (role agent), the first its lead.
sub desk_world {
    my (%o) = @_;
    my $tag = unique_tag('desk');
    my $org = make_org(tier => 'silver', name => "Desk Test Org $tag");
    push @orgs, $org;
    my %w = (org => $org, tag => $tag);
    $w{requester_email} = lc("req-$tag\@desk.example");
    $w{requester} = make_user(org_id => $org, roles => ['customer_user'], name => 'Rita Requester',
        email => $w{requester_email});
    $w{agent_email} = lc("agent-$tag\@desk.example");
    $w{agent} = make_user(org_id => 1, roles => ['agent'], name => 'Dora Desk', email => $w{agent_email});
    $w{colleague_email} = lc("colleague-$tag\@desk.example");
    $w{colleague} = make_user(org_id => 1, roles => ['agent'], name => 'Colin Colleague',
        email => $w{colleague_email});
    sql('INSERT INTO ticket_groups (slug, name) VALUES (' . sql_quote($tag) . ', '
        . sql_quote("Desk group $tag") . ')');
    $w{group} = sql_value('SELECT id FROM ticket_groups WHERE slug = ' . sql_quote($tag));
    push @groups, $w{group};
    sql("INSERT INTO ticket_group_members (group_id, user_id, is_lead) VALUES"
        . " ($w{group}, $w{agent}, 1), ($w{group}, $w{colleague}, 0)") unless $o{no_group};
    return \%w;
}

my $seq = ($$ % 100000) * 100;

# A ticket of the world's organisation made with SQL; returns its number
# (T-1996-<pid><nn>).  Options (SQL values where noted): status (new),
# reason, priority (3), group (id or undef), assignee (id or undef),
# service (slug, printer-fault), subject, age_min (minutes since raised,
# 60), due_min (minutes from now to the next due; undef: none), warn_min
# (to the warning; default: an hour before the due).
sub desk_ticket {
    my ($w, %o) = @_;
    my $n = ++$seq;
    my $number = sprintf('T-1996-%07d', $n);
    my $service = sql_value('SELECT id FROM ticket_services WHERE slug = '
        . sql_quote($o{service} // 'printer-fault'));
    my $due = defined $o{due_min} ? "UTC_TIMESTAMP(6) + INTERVAL $o{due_min} MINUTE" : 'NULL';
    my $warn = defined $o{due_min}
        ? 'UTC_TIMESTAMP(6) + INTERVAL ' . ($o{warn_min} // $o{due_min} - 60) . ' MINUTE' : 'NULL';
    my $status = $o{status} // 'new';
    sql('INSERT INTO tickets (number, year, seq, org_id, requester_id, service_id, type, subject, status,'
        . ' pending_reason, impact, urgency, priority, group_id, assignee_id, thread_id, created_at,'
        . ' updated_at, resolved_at, closed_at, sla_due_at, sla_warn_at) VALUES ('
        . join(', ', sql_quote($number), 1996, $n, $w->{org}, $w->{requester}, $service, "'incident'",
            sql_quote($o{subject} // "Desk test $number"), sql_quote($status),
            defined $o{reason} ? sql_quote($o{reason}) : 'NULL', 2, 2, $o{priority} // 3,
            $o{group} // 'NULL', $o{assignee} // 'NULL', sql_quote("<$number.desk\@x>"),
            'UTC_TIMESTAMP(6) - INTERVAL ' . ($o{age_min} // 60) . ' MINUTE',
            'UTC_TIMESTAMP(6) - INTERVAL ' . ($o{age_min} // 60) . ' MINUTE',
            $status =~ /^(resolved|closed)$/ ? 'UTC_TIMESTAMP(6)' : 'NULL',
            $status eq 'closed' ? 'UTC_TIMESTAMP(6)' : 'NULL', $due, $warn) . ')');
    return $number;
}

# The page XML of a desk path (and the response).
sub desk_xml {
    my ($c, $path) = @_;
    return $c->get_xml($path);
}

# The ticket numbers a desk page lists, in its order; only those of the
# world when one is given.
sub desk_numbers {
    my ($c, $path, $w) = @_;
    my ($doc, $res) = $c->get_xml($path);
    croak "$path: " . $res->code unless $res->code == 200;
    my @n = map { $_->value } $doc->findnodes('/page/desk/ticket/@number');
    return $w ? grep { /^T-1996-/ } @n : @n;
}

# The database's superuser (the system user that installed it, through
# the unix socket), for the server's logs.
sub root_sql {
    my ($query) = @_;
    my $sock = File::Spec->catfile(var_dir(), 'run', 'mysqld.sock');
    open(my $fh, '-|', 'mariadb', "--socket=$sock", '--batch', '--skip-column-names', '-e', $query)
        or croak "mariadb: $!";
    my @rows = map { chomp; [split /\t/, $_, -1] } <$fh>;
    close $fh or croak "root SQL failed: $query";
    return \@rows;
}

# The texts of the prepared statements a GET of path by client executed
# (from MariaDB's general log, switched on for the request), in order.
sub executed_statements {
    my ($c, $path) = @_;
    root_sql("SET GLOBAL log_output = 'TABLE'; TRUNCATE mysql.general_log; SET GLOBAL general_log = 1");
    my $res = $c->get($path);
    root_sql('SET GLOBAL general_log = 0');
    croak "$path: " . $res->code unless $res->code == 200;
    my $rows = root_sql("SELECT REPLACE(REPLACE(argument, '\\n', ' '), '\\t', ' ') FROM mysql.general_log"
        . " WHERE command_type = 'Execute' ORDER BY event_time");
    root_sql('TRUNCATE mysql.general_log');
    return map { $_->[0] } @$rows;
}

# EXPLAIN of a query as rows of hashes (table, type, key, rows, Extra).
sub explain_rows {
    my ($query) = @_;
    my @cols = qw(id select_type table type possible_keys key key_len ref rows Extra);
    return map { my %h; @h{@cols} = @$_; \%h } @{ sql_rows("EXPLAIN $query") };
}

END {
    my $status = $?;
    for my $o (@orgs) {
        eval { sql("UPDATE tickets SET merged_into_id = NULL, parent_id = NULL WHERE org_id = $o;"
            . " DELETE FROM tickets WHERE org_id = $o"); 1 } or warn "desk cleanup: $@";
    }
    for my $g (@groups) {
        eval { sql("UPDATE tickets SET group_id = NULL WHERE group_id = $g; DELETE FROM ticket_groups WHERE id = $g"); 1 }
            or warn "desk cleanup: $@";
    }
    @orgs = @groups = ();
    $? = $status;
}

1;
