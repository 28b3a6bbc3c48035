/*
 * Links between tickets, for agents: a ticket's parent (it is part of a
 * larger one; no cycles) and "related" tickets (kept once per pair, the
 * smaller id first).  Each change writes the history of both tickets it
 * touches and an audit row, in one transaction that locks the tickets in
 * id order, so two agents linking the same pair the other way round do
 * not deadlock.  On the page agents see the parent, the children and the
 * related tickets (tk_links_node); customers only a parent of their own
 * organisation (view.c).
 */
#include <stdlib.h>
#include <string.h>

#include "tickets.h"

enum links_sql {
	SQL_OTHER, SQL_LOCK, SQL_PARENT_OF, SQL_SET_PARENT, SQL_RELATED_ADD, SQL_RELATED_REMOVE,
	SQL_NUMBER, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_OTHER] = { "tk_links_other",
	    "SELECT id, number, parent_id FROM tickets WHERE number = ?" },
	[SQL_LOCK] = { "tk_links_lock",
	    "SELECT id FROM tickets WHERE id IN (?, ?) ORDER BY id FOR UPDATE" },
	[SQL_PARENT_OF] = { "tk_links_parent_of",
	    "SELECT parent_id FROM tickets WHERE id = ?" },
	[SQL_SET_PARENT] = { "tk_links_set_parent",
	    "UPDATE tickets SET parent_id = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_RELATED_ADD] = { "tk_links_related_add",
	    "INSERT IGNORE INTO ticket_links (ticket_id, related_id, created_by, created_at)"
	    " VALUES (LEAST(?, ?), GREATEST(?, ?), ?, UTC_TIMESTAMP(6))" },
	[SQL_RELATED_REMOVE] = { "tk_links_related_remove",
	    "DELETE FROM ticket_links WHERE ticket_id = LEAST(?, ?) AND related_id = GREATEST(?, ?)" },
	[SQL_NUMBER] = { "tk_links_number",
	    "SELECT number FROM tickets WHERE id = ?" },
};

#define PARENT_DEPTH_MAX 32	/* a chain of parents longer than this is refused */

void
tk_links_node(xmlNodePtr parent, const struct pt_rows *rows)
{
	xmlNodePtr l = pt_node(parent, "links", NULL), n;
	size_t i, shown = 0;

	/* The children first, then the related tickets, each by number. */
	for (i = 0; i < rows->nrows && shown < TK_LINKS_MAX; i++) {
		if (TK_TAG(rows, i) != 'l')
			continue;
		n = pt_node(l, pt_cell(rows, i, 1), NULL);
		pt_attr(n, "number", pt_cell(rows, i, 2));
		pt_attr(n, "status", pt_cell(rows, i, 4));
		pt_node(n, "subject", pt_cell(rows, i, 3));
		shown++;
	}
}

static const char *const link_fields[] = { "number" };

/*
 * The ticket named by the form's number: *other its row (id, number,
 * parent).  0 found (and not t itself), 1 after a message at "number".
 */
static int
other_ticket(struct pt_req *req, const struct tk_ticket *t, struct pt_rows *other)
{
	const char *number = pt_form_trim(req, "number");
	int rc;

	if (number == NULL)
		return PT_ENOMEM;
	if (!tk_number_ok(number)) {
		pt_message(req, "error", "tickets.links.number", "number");
		return 1;
	}
	if ((rc = pt_db_query(req, &sql[SQL_OTHER], other, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (other->nrows != 1) {
		pt_message(req, "error", "tickets.links.unknown", "number");
		return 1;
	}
	if (pt_cell_int(other, 0, 0) == t->id) {
		pt_message(req, "error", "tickets.links.self", "number");
		return 1;
	}
	return 0;
}

/* Begin, lock the route's ticket and the other one (id order): PT_OK or the answer. */
static int
begin_pair(struct pt_req *req, struct tk_ticket *t, struct pt_rows *other, int *refused)
{
	struct pt_rows locked;
	int rc;

	*refused = 0;
	if ((rc = tk_begin_lock(req, t)) != PT_OK)
		return rc;
	if ((rc = other_ticket(req, t, other)) != 0) {
		if (rc == 1)
			*refused = 1;
		else
			pt_db_rollback(req);
		return rc == 1 ? PT_OK : rc;
	}
	return pt_db_query(req, &sql[SQL_LOCK], &locked, PT_BINDS(pt_int(t->id),
	    pt_int(pt_cell_int(other, 0, 0))));
}

/* 1 if ticket id is ancestor or the ticket itself of start's chain of parents (or too deep). */
static int
in_chain(struct pt_req *req, long long start, long long id, int *err)
{
	struct pt_rows rows;
	long long cur = start;
	int depth;

	*err = PT_OK;
	for (depth = 0; cur != 0 && depth < PARENT_DEPTH_MAX; depth++) {
		if (cur == id)
			return 1;
		if ((*err = pt_db_query(req, &sql[SQL_PARENT_OF], &rows, PT_BINDS(pt_int(cur)))) != PT_OK)
			return 0;
		cur = rows.nrows == 1 && pt_cell(&rows, 0, 0) != NULL ? pt_cell_int(&rows, 0, 0) : 0;
	}
	return cur != 0;
}

/* POST /tickets/<number>/parent: number of the parent, or empty to clear it. */
static int
parent_post(struct pt_req *req)
{
	const char *number = pt_form(req, "number");
	struct tk_ticket t;
	struct pt_rows other = { 0 }, prev;
	long long pid = 0;
	const char *old, *old_number = NULL, *new_number = NULL;
	int rc, refused, err;

	if (number != NULL && strspn(number, " \t") == strlen(number)) {
		if ((rc = tk_begin_lock(req, &t)) != PT_OK)
			return rc;
	} else {
		if ((rc = begin_pair(req, &t, &other, &refused)) != PT_OK)
			goto fail;
		if (refused)
			return tk_refuse(req, NULL, NULL, "parent", link_fields, 1);
		pid = pt_cell_int(&other, 0, 0);
		new_number = pt_cell(&other, 0, 1);
		/* The new parent may not be this ticket's descendant. */
		if (in_chain(req, pid, t.id, &err))
			return tk_refuse(req, "tickets.links.cycle", "number", "parent", link_fields, 1);
		if ((rc = err) != PT_OK)
			goto fail;
	}
	old = TK_CELL(&t, TK_T_PARENT);
	if ((old == NULL && pid == 0) || (old != NULL && strtoll(old, NULL, 10) == pid)) {
		pt_db_rollback(req);
		return pt_redirect(req, tk_ticket_path(req, t.number, "?done=parent"));
	}
	/* The history names tickets by number. */
	if (old != NULL) {
		if ((rc = pt_db_query(req, &sql[SQL_NUMBER], &prev, PT_BINDS(pt_int(strtoll(old, NULL,
		    10))))) != PT_OK)
			goto fail;
		old_number = prev.nrows == 1 ? pt_cell(&prev, 0, 0) : NULL;
	}
	if ((rc = pt_db_exec(req, &sql[SQL_SET_PARENT], PT_BINDS(pid != 0 ? pt_int(pid) : pt_str(NULL),
	    pt_int(t.id)), NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, t.id, "parent", old_number, new_number)) != PT_OK ||
	    (pid != 0 && (rc = pt_ticket_history(req, pid, "child", NULL, t.number)) != PT_OK) ||
	    (rc = tk_audit(req, "ticket.parent", t.number,
	    pt_printf(req, "{\"parent\":%s}", pt_json_str(req, old_number)),
	    pt_printf(req, "{\"parent\":%s}", pt_json_str(req, new_number)))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=parent"));
fail:
	pt_db_rollback(req);
	return rc;
}

/* POST /tickets/<number>/related (remove: 0 add, 1 remove): number of the other ticket. */
static int
related(struct pt_req *req, int remove)
{
	struct tk_ticket t;
	struct pt_rows other;
	unsigned long long n = 0;
	long long oid;
	int rc, refused;

	if ((rc = begin_pair(req, &t, &other, &refused)) != PT_OK)
		goto fail;
	if (refused)
		return tk_refuse(req, NULL, NULL, "related", link_fields, 1);
	oid = pt_cell_int(&other, 0, 0);
	if (remove)
		rc = pt_db_exec(req, &sql[SQL_RELATED_REMOVE], PT_BINDS(pt_int(t.id), pt_int(oid),
		    pt_int(t.id), pt_int(oid)), &n);
	else
		rc = pt_db_exec(req, &sql[SQL_RELATED_ADD], PT_BINDS(pt_int(t.id), pt_int(oid),
		    pt_int(t.id), pt_int(oid), pt_int(req->session.user->id)), &n);
	if (rc != PT_OK)
		goto fail;
	if (n == 0) {
		pt_db_rollback(req);
		return pt_redirect(req, tk_ticket_path(req, t.number, "?done=related"));
	}
	if ((rc = pt_ticket_history(req, t.id, "related", remove ? pt_cell(&other, 0, 1) : NULL,
	    remove ? NULL : pt_cell(&other, 0, 1))) != PT_OK ||
	    (rc = pt_ticket_history(req, oid, "related", remove ? t.number : NULL,
	    remove ? NULL : t.number)) != PT_OK ||
	    (rc = tk_audit(req, remove ? "ticket.related.remove" : "ticket.related.add", t.number,
	    NULL, pt_printf(req, "{\"related\":%s}", pt_json_str(req, pt_cell(&other, 0, 1))))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=related"));
fail:
	pt_db_rollback(req);
	return rc;
}

static int
related_add(struct pt_req *req)
{
	return related(req, 0);
}

static int
related_remove(struct pt_req *req)
{
	return related(req, 1);
}

#define WORK "tickets.work"

static const struct pt_route routes[] = {
	{ PT_POST, TK_ROUTE "/parent",		parent_post,	PT_R_LOGIN, WORK },
	{ PT_POST, TK_ROUTE "/related",		related_add,	PT_R_LOGIN, WORK },
	{ PT_POST, TK_ROUTE "/related/remove",	related_remove,	PT_R_LOGIN, WORK },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_links_group = PT_GROUP(routes, sql, views);
