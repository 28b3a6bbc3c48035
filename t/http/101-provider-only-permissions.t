# Permissions that reach across organisations (every org's tickets, the
# internal articles, the editor, the provider's administration) count only
# for people of the provider.  A customer's role that lists one by mistake
# opens nothing: no other org's ticket, no internal article, no desk, and
# the page does not claim the permission either.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Portico::Test;
use Portico::Tickets;

my $role = 'test-wide-open-' . $$;
sql("INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES ('$role', 'customer', 'customer', 1, 0)");
my $role_id = sql_value("SELECT id FROM roles WHERE name = '$role'");
sql("INSERT INTO role_permissions (role_id, permission_id) SELECT $role_id, id FROM permissions"
    . " WHERE name IN ('tickets.work', 'kb.read.internal', 'kb.edit', 'admin.users', 'admin.audit')");
# carl@acme.example (user 6, customer org 2)
sql("INSERT INTO user_roles (user_id, role_id) VALUES (6, $role_id)");
sql('UPDATE auth_generation SET n = n + 1 WHERE id = 1');

my $carl = tk_client('carl@acme.example');

subtest 'the page lists only the permissions carl holds in effect' => sub {
    my ($doc) = $carl->get_xml('/');
    my @perms = map { $_->textContent } $doc->findnodes('/page/session/user/permission');
    ok(scalar(grep { $_ eq 'tickets.create' } @perms), 'his own ones are there');
    is_deeply([grep { /^(tickets\.work|kb\.read\.internal|kb\.edit|admin\.)/ } @perms], [],
        'none that reach across organisations');
};

subtest 'another organisation\'s ticket stays hidden' => sub {
    my $other = sql_value("SELECT number FROM tickets WHERE org_id <> 2 ORDER BY id LIMIT 1");
    ok(defined $other, 'a ticket of another org exists');
    is($carl->get("/tickets/$other")->code, 404, 'its page: 404');
    my $own = sql_value("SELECT number FROM tickets WHERE org_id = 2 AND requester_id = 6 ORDER BY id LIMIT 1");
    is($carl->get("/tickets/$own")->code, 200, 'his own ticket: 200');
    my ($doc) = $carl->get_xml("/tickets/$own");
    is(scalar(() = $doc->findnodes('//message[@kind = "internal"]')), 0, 'no internal notes on his own');
};

subtest 'internal articles, the editor and the administration stay closed' => sub {
    my $internal = sql_value("SELECT id FROM kb_articles WHERE audience = 'internal' AND status = 'published' ORDER BY id LIMIT 1");
    is($carl->get("/kb/articles/$internal")->code, 404, 'an internal article: 404');
    is($carl->get('/kb/editor')->code, 403, 'the editor: 403');
    is($carl->get('/auth/admin/users')->code, 403, 'all users: 403');
    is($carl->get('/auth/audit')->code, 403, 'the audit log: 403');
};

END {
    sql("DELETE FROM user_roles WHERE role_id = $role_id") if $role_id;
    sql("DELETE FROM role_permissions WHERE role_id = $role_id") if $role_id;
    sql("DELETE FROM roles WHERE id = $role_id") if $role_id;
    sql('UPDATE auth_generation SET n = n + 1 WHERE id = 1');
}

done_testing;
