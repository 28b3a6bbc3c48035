/*
 * A ticket and who may see it.  Agents (tickets.work) see every ticket;
 * anyone else only tickets of their own organisation that they raised or
 * follow in CC, or, with tickets.read.org, all of their organisation's.
 * A ticket the reader may not see is answered like one that does not
 * exist (404), so its number tells nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets.h"

enum ticket_sql { SQL_PAGE, SQL_LOCK, SQL_CC_HAS, SQL__MAX };

/* The columns up to TK_T_RESOLVED_AGO_S, of the ticket aliased t. */
#define TICKET_COLUMNS \
	"SELECT t.id, t.number, t.org_id, t.requester_id, t.service_id, t.type, t.subject," \
	" t.status, t.pending_reason, t.impact, t.urgency, t.priority, t.group_id," \
	" t.assignee_id, t.parent_id, t.merged_into_id, t.thread_id, " TK_ISO("t.created_at") "," \
	" " TK_ISO("t.updated_at") ", " TK_ISO("t.resolved_at") ", " TK_ISO("t.closed_at") "," \
	" TIMESTAMPDIFF(SECOND, t.resolved_at, UTC_TIMESTAMP(6))"

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Binds: lang, number, agent, org, user, may read the org's, user.
	 * With the people, the organisation and the survey the page shows.
	 */
	[SQL_PAGE] = { "tk_ticket_page",
	    TICKET_COLUMNS ", o.name, o.tier, r.name, r.email, s.slug,"
	    " COALESCE(st.name, se.name, s.slug), g.name, a.name, p.number, m.number, p.org_id, "
	    PT_TICKET_SLA_COLUMNS ", COALESCE(r.language, o.language), o.kind, " TK_SURVEY_COLUMNS
	    " FROM tickets t JOIN orgs o ON o.id = t.org_id JOIN users r ON r.id = t.requester_id"
	    " JOIN ticket_services s ON s.id = t.service_id"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'"
	    " LEFT JOIN ticket_groups g ON g.id = t.group_id"
	    " LEFT JOIN users a ON a.id = t.assignee_id"
	    " LEFT JOIN tickets p ON p.id = t.parent_id"
	    " LEFT JOIN tickets m ON m.id = t.merged_into_id"
	    " LEFT JOIN ticket_surveys sv ON sv.ticket_id = t.id"
	    " WHERE t.number = ? AND (? OR (t.org_id = ? AND (t.requester_id = ? OR ?"
	    "   OR EXISTS (SELECT 1 FROM ticket_cc c WHERE c.ticket_id = t.id AND c.user_id = ?))))" },
	/* Only the ticket's row is locked: the access rule is checked in C. */
	[SQL_LOCK] = { "tk_ticket_lock",
	    TICKET_COLUMNS " FROM tickets t WHERE t.number = ? FOR UPDATE" },
	[SQL_CC_HAS] = { "tk_ticket_cc_has",
	    "SELECT 1 FROM ticket_cc WHERE ticket_id = ? AND user_id = ?" },
};

int
tk_number_ok(const char *s)
{
	size_t i, n;

	if (s == NULL || strncmp(s, "T-", 2) != 0)
		return 0;
	for (i = 2; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	if (s[6] != '-')
		return 0;
	for (n = 0, i = 7; s[i] >= '0' && s[i] <= '9'; i++)
		n++;
	return s[i] == '\0' && n >= 6 && n <= 10;
}

/* The number of the route's first capture, or NULL. */
static const char *
cap_number(const struct pt_req *req)
{
	const char *n = req->ncaps > 1 ? req->caps[1] : NULL;

	return tk_number_ok(n) ? n : NULL;
}

static void
fill(struct tk_ticket *t, const struct pt_req *req)
{
	t->id = pt_cell_int(&t->rows, 0, TK_T_ID);
	t->org_id = pt_cell_int(&t->rows, 0, TK_T_ORG);
	t->requester_id = pt_cell_int(&t->rows, 0, TK_T_REQUESTER);
	t->number = TK_CELL(t, TK_T_NUMBER);
	t->status = TK_CELL(t, TK_T_STATUS);
	t->agent = pt_can(req, "tickets.work");
}

int
tk_ticket_page(struct pt_req *req, struct tk_ticket *t)
{
	const struct pt_user *u = req->session.user;
	const char *number = cap_number(req);
	int rc;

	memset(t, 0, sizeof(*t));
	if (number == NULL || u == NULL)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_PAGE], &t->rows, PT_BINDS(pt_str(req->lang),
	    pt_str(number), pt_int(pt_can(req, "tickets.work")), pt_int(u->org_id), pt_int(u->id),
	    pt_int(pt_can(req, "tickets.read.org")), pt_int(u->id)))) != PT_OK)
		return rc;
	if (t->rows.nrows != 1)
		return PT_ENOTFOUND;
	fill(t, req);
	return PT_OK;
}

int
tk_ticket_lock(struct pt_req *req, struct tk_ticket *t)
{
	return tk_ticket_lock_number(req, cap_number(req), t);
}

int
tk_ticket_lock_number(struct pt_req *req, const char *number, struct tk_ticket *t)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows cc;
	int rc;

	memset(t, 0, sizeof(*t));
	if (!tk_number_ok(number) || u == NULL)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &t->rows, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (t->rows.nrows != 1)
		return PT_ENOTFOUND;
	fill(t, req);
	if (t->agent)
		return PT_OK;
	if (t->org_id != u->org_id)
		return PT_ENOTFOUND;
	if (t->requester_id == u->id || pt_can(req, "tickets.read.org"))
		return PT_OK;
	if ((rc = pt_db_query(req, &sql[SQL_CC_HAS], &cc, PT_BINDS(pt_int(t->id),
	    pt_int(u->id)))) != PT_OK)
		return rc;
	return cc.nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

int
tk_begin_lock(struct pt_req *req, struct tk_ticket *t)
{
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = tk_ticket_lock(req, t)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	return PT_OK;
}

const char *
tk_ticket_path(struct pt_req *req, const char *number, const char *suffix)
{
	return pt_printf(req, "/tickets/%s%s", number, suffix != NULL ? suffix : "");
}

const struct pt_group tk_ticket_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
