/*
 * Kept rows (kept.c) are outdated by writes to the tables they are read
 * from, which db.c knows by name (pt_db_kept_table): a statement may be
 * kept only when every table it names after FROM or JOIN is one of them,
 * subqueries and derived tables included; and a write is known to outdate
 * them by the same names.
 */
#include "extern.h"
#include "tap.h"

int
main(void)
{
	ok(pt_kept_sql_ok("SELECT id, name FROM ticket_groups WHERE active = 1"), "one kept table");
	ok(pt_kept_sql_ok("(SELECT 'a', u.id FROM users u WHERE EXISTS (SELECT 1 FROM user_roles ur"
	    " JOIN role_permissions rp ON rp.role_id = ur.role_id JOIN permissions p"
	    " ON p.id = rp.permission_id WHERE ur.user_id = u.id))"
	    " UNION ALL (SELECT 'k', c.id FROM ticket_canned c WHERE c.id = (SELECT v.id"
	    " FROM ticket_canned v WHERE v.name = c.name LIMIT 1))"),
	    "unions, subqueries and joins of kept tables");
	ok(pt_kept_sql_ok("SELECT COUNT(*) FROM (SELECT 1 FROM ticket_group_members m) x"),
	    "a derived table: its own FROM counts");
	ok(pt_kept_sql_ok("select g.id from ticket_groups g left join users u on u.id = g.id"),
	    "in lower case");
	ok(!pt_kept_sql_ok("SELECT id FROM tickets WHERE id = 1"), "tickets change all the time: refused");
	ok(!pt_kept_sql_ok("SELECT g.id FROM ticket_groups g JOIN ticket_messages m ON m.id = g.id"),
	    "a join of a table whose writes do not outdate them: refused");
	ok(pt_kept_sql_ok("SELECT s.id FROM ticket_services s JOIN ticket_categories c"
	    " ON c.id = s.category_id LEFT JOIN ticket_service_texts t ON t.service_id = s.id"
	    " JOIN ticket_fields f ON f.service_id = s.id JOIN ticket_field_options o"
	    " ON o.field_id = f.id"), "the catalogue and its forms: kept");
	ok(!pt_kept_sql_ok("SELECT 1 FROM users WHERE EXISTS (SELECT 1 FROM ticket_cc)"),
	    "nor in a subquery");
	ok(!pt_kept_sql_ok("SELECT 1 FROM `ticket_groups`"), "a quoted name is not recognised: refused");
	ok(pt_db_kept_table("ticket_canned", 13) && pt_db_kept_table("USERS", 5),
	    "the names, in any case");
	ok(!pt_db_kept_table("ticket_canned_x", 15) && !pt_db_kept_table("ticket_canned", 12),
	    "whole names only");
	return done_testing();
}
