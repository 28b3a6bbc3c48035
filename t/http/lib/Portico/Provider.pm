package Portico::Provider;

# Helpers for the provider administration tests (t/http/65-*.t .. 74-*.t):
# logged-in clients, throw-away orgs, users and roles made with SQL, and
# the audit rows a write left behind. Everything made here carries a
# unique tag and is removed by cleanup().

use strict;
use warnings;

use Carp qw(croak);
use Exporter qw(import);
use Test::More ();
use Portico::Test;

our @EXPORT = qw(
    login_as make_org make_user make_role user_session_count
    audit_rows last_audit track cleanup
);

my (@orgs, @users, @roles);

# A client logged in as $email (demo password unless given); dies if the
# login does not answer 303.
sub login_as {
    my ($email, $password) = @_;
    my $c = Portico::Test->client(accept_language => 'en');
    my $res = $c->login($email, $password // DEMO_PASSWORD);
    croak "login as $email: " . $res->code unless $res->code == 303;
    return $c;
}

# A new org (kind customer unless given); returns its id.
sub make_org {
    my (%o) = @_;
    my $name = $o{name} // unique_tag('Test Org');
    sql(sprintf("INSERT INTO orgs (name, kind, tier, currency, language, status) VALUES (%s, %s, %s, %s, 'en', %s)",
        sql_quote($name), sql_quote($o{kind} // 'customer'), sql_quote($o{tier}),
        sql_quote($o{currency} // 'EUR'), sql_quote($o{status} // 'active')));
    my $id = sql_value('SELECT id FROM orgs WHERE name = ' . sql_quote($name));
    push @orgs, $id;
    return $id;
}

# A new active user of org with the demo password and the named roles; returns its id.
sub make_user {
    my (%o) = @_;
    my $email = $o{email} // (unique_tag('u') . '@test.example');
    my $name = $o{name} // 'Test Person';
    sql(sprintf("INSERT INTO users (org_id, email, name, password_hash, language, time_zone, phone)"
        . " SELECT %d, %s, %s, password_hash, 'en', 'UTC', %s FROM users WHERE email = 'admin\@portico.example'",
        $o{org_id}, sql_quote($email), sql_quote($name), sql_quote($o{phone})));
    my $id = sql_value('SELECT id FROM users WHERE email = ' . sql_quote($email));
    for my $r (@{ $o{roles} // [] }) {
        sql("INSERT INTO user_roles (user_id, role_id) SELECT $id, id FROM roles WHERE name = " . sql_quote($r));
    }
    push @users, $id;
    return $id;
}

# A role made with SQL (for tests that need one without the form); returns its id.
sub make_role {
    my (%o) = @_;
    my $name = $o{name} // lc(unique_tag('r')) =~ s/-/_/gr;
    sql(sprintf("INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES (%s, %s, %s, %d, 0)",
        sql_quote($name), sql_quote($o{org_kind} // 'customer'), sql_quote($o{home} // 'customer'),
        $o{priority} // 5));
    my $id = sql_value('SELECT id FROM roles WHERE name = ' . sql_quote($name));
    push @roles, $id;
    return $id;
}

sub user_session_count {
    my ($user_id) = @_;
    return sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = $user_id");
}

# Audit rows for an object, oldest first: [action, user_id, org_id, before_json, after_json, ip].
sub audit_rows {
    my ($type, $id) = @_;
    return sql_rows(sprintf('SELECT action, user_id, org_id, before_json, after_json, ip FROM audit_log'
        . ' WHERE object_type = %s AND object_id = %s ORDER BY id', sql_quote($type), sql_quote($id)));
}

sub last_audit {
    my ($type, $id) = @_;
    my $rows = audit_rows($type, $id);
    return @$rows ? $rows->[-1] : undef;
}

# Remember something made elsewhere (e.g. through a form) for cleanup.
sub track {
    my ($what, $id) = @_;
    push @orgs, $id if $what eq 'org';
    push @users, $id if $what eq 'user';
    push @roles, $id if $what eq 'role';
    return $id;
}

# Removes what the test made (users first, then roles and orgs). Audit
# rows stay: the log is never edited by tests.
sub cleanup {
    for my $u (@users) {
        sql("DELETE FROM user_roles WHERE user_id = $u; DELETE FROM sessions WHERE user_id = $u;"
            . " DELETE FROM user_tokens WHERE user_id = $u; DELETE FROM users WHERE id = $u");
    }
    for my $r (@roles) {
        sql("DELETE FROM user_roles WHERE role_id = $r; DELETE FROM roles WHERE id = $r");
    }
    for my $o (@orgs) {
        # A new customer org's onboarding (customer-onboarding.bpmn) refers to it.
        require Portico::ProcessCases;
        Portico::ProcessCases::forget_org($o);
        sql("DELETE FROM org_role_limits WHERE org_id = $o;"
            . " DELETE FROM orgs WHERE id = $o AND NOT EXISTS (SELECT 1 FROM users WHERE org_id = $o)");
    }
    @users = @roles = @orgs = ();
    return;
}

END { cleanup() }

1;
