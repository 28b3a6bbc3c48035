/*
 * The agents' part of a ticket (tickets.work): internal notes, which no
 * customer ever sees; status changes (pending with its reason: waiting
 * for the customer or for a third party); assignment to a group and an
 * agent; and, on the page, the choices for those forms and the ticket's
 * history.  The agent desk (queue views, bulk actions, canned responses,
 * merges) builds on these.
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

enum agent_sql { SQL_PAGE, SQL_CHOICES, SQL_GROUP, SQL_AGENT, SQL_ASSIGN, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Everything an agent's page lists about the ticket in one statement:
	 * TK_L_PARTS with the internal notes, then the agents' parts (all
	 * tagged rows of TK_L_COLS columns): 'd' the knowledge base drafts made
	 * from its answers (message, article, status, title), 'h' its
	 * history, newest first (at, by, field, old, new), the links
	 * (TK_LINKS_PART), the clocks (TK_SLA_PART), 't' the time spent
	 * (id, by, minutes, note, at), the other agents who have it open
	 * (TK_VIEWERS_PART) and 'x' the context: the open tickets of the
	 * organisation and of the requester, each counted up to
	 * TK_OPEN_COUNT_CAP + 1 (an index walk of that many rows at most),
	 * and the minutes spent.  Binds: see tk_agent_rows.
	 */
	[SQL_PAGE] = { "tk_agent_page",
	    TK_L_PARTS
	    " UNION ALL (SELECT 'd', d.message_id, d.article_id, a.status,"
	    " (SELECT s.title FROM kb_article_texts s WHERE s.article_id = a.id"
	    "   ORDER BY s.version_no DESC LIMIT 1), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
	    " '', d.message_id, 0, 0"
	    " FROM ticket_kb_drafts d JOIN kb_articles a ON a.id = d.article_id WHERE d.ticket_id = ?"
	    " ORDER BY d.message_id LIMIT 1000)"
	    " UNION ALL (SELECT 'h', " TK_ISO("h.at") ", u.name, h.field, h.old_value, h.new_value,"
	    " NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', 0 - CAST(h.id AS SIGNED), 0, 0"
	    " FROM ticket_history h LEFT JOIN users u ON u.id = h.user_id"
	    " WHERE h.ticket_id = ? ORDER BY h.id DESC LIMIT 200)"
	    " UNION ALL " TK_LINKS_PART
	    " UNION ALL " TK_SLA_PART
	    " UNION ALL (SELECT 't', e.id, u.name, e.minutes, e.note, " TK_ISO("e.created_at") ","
	    " NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', e.id, 0, 0"
	    " FROM ticket_time_entries e JOIN users u ON u.id = e.user_id WHERE e.ticket_id = ?"
	    " ORDER BY e.id LIMIT 1000)"
	    " UNION ALL " TK_VIEWERS_PART
	    " UNION ALL (SELECT 'x',"
	    " (SELECT COUNT(*) FROM (SELECT 1 FROM tickets o WHERE o.org_id = ?"
	    "   AND o.status IN ('new', 'open', 'pending')"
	    "   LIMIT ?) n),"
	    " (SELECT COUNT(*) FROM (SELECT 1 FROM tickets r WHERE r.requester_id = ?"
	    "   AND r.status IN ('new', 'open', 'pending')"
	    "   LIMIT ?) n),"
	    " (SELECT COALESCE(SUM(e.minutes), 0) FROM ticket_time_entries e WHERE e.ticket_id = ?),"
	    " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', 0, 0, 0)"
 },
	/*
	 * The lists the page offers to choose from, which change rarely and
	 * are kept (pt_kept_query): 'a' the agents (id, name, their groups),
	 * 'g' the active groups (id, name) and 'k' one canned response per
	 * name (id, name, lang, body) in the requester's language, else the
	 * reader's, else English, else any; columns 5 and 6 sort.  Binds:
	 * the requester's language, the reader's.
	 */
	[SQL_CHOICES] = { "tk_agent_choices",
	    "(SELECT 'a', u.id, u.name, (SELECT GROUP_CONCAT(m.group_id ORDER BY m.group_id"
	    "   SEPARATOR ' ') FROM ticket_group_members m WHERE m.user_id = u.id), NULL,"
	    " u.name, u.id" TK_AGENTS_FROM " ORDER BY u.name, u.id LIMIT 500)"
	    " UNION ALL (SELECT 'g', id, name, NULL, NULL, name, id FROM ticket_groups"
	    " WHERE active = 1)"
	    " UNION ALL (SELECT 'k', c.id, c.name, c.lang, c.body, c.name, c.id FROM ticket_canned c"
	    " WHERE c.id = (SELECT v.id FROM ticket_canned v WHERE v.name = c.name"
	    "   ORDER BY v.lang = ? DESC, v.lang = ? DESC, v.lang = 'en' DESC, v.lang, v.id LIMIT 1)"
	    " ORDER BY c.name, c.id LIMIT 500)"
	    " ORDER BY 1, 6, 7" },
	[SQL_GROUP] = { "tk_agent_group",
	    "SELECT id, name FROM ticket_groups WHERE id = ? AND active = 1" },
	[SQL_AGENT] = { "tk_agent_agent",
	    "SELECT u.id, u.name" TK_AGENTS_FROM " AND u.id = ?" },
	[SQL_ASSIGN] = { "tk_agent_assign",
	    "UPDATE tickets SET group_id = ?, assignee_id = ?, updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ?" },
};

int
tk_agent_rows(struct pt_req *req, const struct tk_ticket *t, struct pt_rows *rows)
{
	struct pt_bind id = pt_int(t->id);

	return pt_db_query(req, &sql[SQL_PAGE], rows, PT_BINDS(
	    /* TK_L_PARTS */
	    pt_str(req->lang), pt_str(req->lang), id, id, id, pt_int(1), id, pt_int(1),
	    /* drafts, history, links, clocks, time */
	    id, id, id, id, id, id, id,
	    /* viewers */
	    id, pt_int(req->session.user->id), pt_int(TK_VIEWER_S),
	    /* context */
	    pt_int(t->org_id), pt_int(TK_OPEN_COUNT_CAP + 1), pt_int(t->requester_id),
	    pt_int(TK_OPEN_COUNT_CAP + 1), id));
}

int
tk_agent_node(struct pt_req *req, xmlNodePtr ticket, const struct tk_ticket *t,
    const struct pt_rows *rows)
{
	struct pt_rows choices;
	xmlNodePtr a, groups, agents, hist, n;
	size_t i;
	int rc;

	if ((rc = pt_kept_query(req, &sql[SQL_CHOICES], &choices,
	    PT_BINDS(pt_str(TK_CELL(t, TK_T_REQUESTER_LANG)), pt_str(req->lang)))) != PT_OK)
		return rc;
	a = pt_node(ticket, "agent", NULL);
	groups = pt_node(a, "groups", NULL);
	agents = pt_node(a, "agents", NULL);
	for (i = 0; i < choices.nrows; i++)
		switch (TK_TAG(&choices, i)) {
		case 'a':
			n = pt_node(agents, "person", pt_cell(&choices, i, 2));
			pt_attr(n, "id", pt_cell(&choices, i, 1));
			if (pt_cell(&choices, i, 3) != NULL)
				pt_attr(n, "groups", pt_cell(&choices, i, 3));
			break;
		case 'g':
			pt_attr(pt_node(groups, "group", pt_cell(&choices, i, 2)), "id",
			    pt_cell(&choices, i, 1));
			break;
		}
	tk_links_node(a, rows);
	hist = pt_node(a, "history", NULL);
	for (i = 0; i < rows->nrows; i++) {
		if (TK_TAG(rows, i) != 'h')
			continue;
		n = pt_node(hist, "change", NULL);
		pt_attr(n, "at", pt_cell(rows, i, 1));
		pt_attr(n, "field", pt_cell(rows, i, 3));
		if (pt_cell(rows, i, 2) != NULL)
			pt_node(n, "by", pt_cell(rows, i, 2));
		if (pt_cell(rows, i, 4) != NULL)
			pt_node(n, "old", pt_cell(rows, i, 4));
		if (pt_cell(rows, i, 5) != NULL)
			pt_node(n, "new", pt_cell(rows, i, 5));
	}
	return tk_desk_node(req, a, t, rows, &choices);
}

static const char *const note_fields[] = { "note" };

/* POST /tickets/<number>/note: an internal note (note, required) and its files (file). */
static int
note(struct pt_req *req)
{
	const char *body, *mid = NULL, *files_json;
	struct pt_ticket_files files;
	struct tk_ticket t;
	long long msg;
	int rc, bad;

	if ((bad = tk_body_read(req, "note", 1, &body)) < 0)
		return bad;
	bad += tk_files_read(req, "file", &files);
	if (bad > 0)
		return tk_refuse(req, NULL, NULL, "note", note_fields, 1);
	if ((rc = pt_ticket_files_save(req, &files)) != PT_OK) {
		pt_ticket_files_forget(req, &files);
		return rc;
	}
	if ((rc = tk_begin_lock(req, &t)) != PT_OK) {
		pt_ticket_files_forget(req, &files);
		return rc;
	}
	if ((rc = pt_ticket_message_add(req, t.id, "internal", "web", body, &msg, &mid)) != PT_OK ||
	    (rc = pt_ticket_files_store(req, t.id, msg, 0, &files)) != PT_OK ||
	    (rc = pt_ticket_history(req, t.id, "note", NULL, pt_printf(req, "%lld", msg))) != PT_OK ||
	    (rc = pt_ticket_touch(req, t.id)) != PT_OK)
		goto fail;
	if ((files_json = pt_ticket_files_json(req, &files)) == NULL) {
		rc = PT_ENOMEM;
		goto fail;
	}
	if ((rc = tk_audit(req, "ticket.note", t.number, NULL,
	    pt_printf(req, "{\"message_id\":%lld,\"files\":%s}", msg, files_json))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, pt_printf(req, "?done=note&m=%lld",
	    msg)));
fail:
	pt_db_rollback(req);
	pt_ticket_files_forget(req, &files);
	return rc;
}

int
tk_status_change(struct pt_req *req, const struct tk_ticket *t, const char *status,
    const char *reason)
{
	int rc;

	if (strcmp(status, "pending") != 0)
		reason = NULL;
	if ((rc = tk_set_status(req, t, status, reason)) != PT_OK ||
	    (rc = tk_audit(req, "ticket.status", t->number,
	    pt_printf(req, "{\"status\":%s,\"pending_reason\":%s}", pt_json_str(req, t->status),
	    pt_json_str(req, TK_CELL(t, TK_T_PENDING))),
	    pt_printf(req, "{\"status\":%s,\"pending_reason\":%s}", pt_json_str(req, status),
	    pt_json_str(req, reason)))) != PT_OK)
		return rc;
	return pt_ticket_mail_status(req, t->id, status, reason);
}

const char *
tk_status_input(const char *status, const char **reason, int *at_reason)
{
	*at_reason = 0;
	if (!pt_one_of(status, tk_statuses, PT_NELEM(tk_statuses)))
		return "tickets.status.invalid";
	if (strcmp(status, "pending") != 0) {
		*reason = NULL;
		return NULL;
	}
	if (!pt_one_of(*reason, tk_pending_reasons, PT_NELEM(tk_pending_reasons))) {
		*at_reason = 1;
		return "tickets.status.reason";
	}
	return NULL;
}

int
tk_status_unchanged(const struct tk_ticket *t, const char *status, const char *reason)
{
	const char *pending = TK_CELL(t, TK_T_PENDING);

	return strcmp(status, t->status) == 0 &&
	    (reason == NULL || (pending != NULL && strcmp(reason, pending) == 0));
}

static const char *const status_fields[] = { "status", "reason" };

/* POST /tickets/<number>/status: status, and reason (customer, third_party) for pending. */
static int
status_post(struct pt_req *req)
{
	const char *status = pt_form(req, "status"), *reason = pt_form(req, "reason"), *key;
	struct tk_ticket t;
	int rc, at_reason;

	if ((rc = tk_begin_lock(req, &t)) != PT_OK)
		return rc;
	if ((key = tk_status_input(status, &reason, &at_reason)) != NULL)
		return tk_refuse(req, key, at_reason ? "reason" : "status", "status", status_fields, 2);
	if (tk_status_unchanged(&t, status, reason))
		return tk_refuse(req, "tickets.status.same", "status", "status", status_fields, 2);
	if ((rc = tk_status_change(req, &t, status, reason)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=status"));
fail:
	pt_db_rollback(req);
	return rc;
}

int
tk_priority_change(struct pt_req *req, const struct tk_ticket *t, long long priority)
{
	const char *old = TK_CELL(t, TK_T_PRIORITY);
	int rc;

	if (strtoll(old, NULL, 10) == priority)
		return PT_OK;
	if ((rc = pt_ticket_set_priority(req, t->id, strtoll(old, NULL, 10), priority)) != PT_OK)
		return rc;
	return tk_audit(req, "ticket.priority", t->number, pt_printf(req, "{\"priority\":%s}", old),
	    pt_printf(req, "{\"priority\":%lld}", priority));
}

/* The id of form field name: 0 when empty, -1 when not an id. */
static long long
form_id(struct pt_req *req, const char *name)
{
	const char *v = pt_form(req, name);

	if (v == NULL || *v == '\0')
		return 0;
	if (strlen(v) > 10 || !pt_valid(PT_V_ID, v, strlen(v)))
		return -1;
	return strtoll(v, NULL, 10);
}

int
tk_assign(struct pt_req *req, const struct tk_ticket *t, long long group, long long agent)
{
	const char *old_group = TK_CELL(t, TK_T_GROUP), *old_agent = TK_CELL(t, TK_T_ASSIGNEE);
	const char *new_group = group > 0 ? pt_printf(req, "%lld", group) : NULL;
	const char *new_agent = agent > 0 ? pt_printf(req, "%lld", agent) : NULL;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_ASSIGN], PT_BINDS(pt_str(new_group), pt_str(new_agent),
	    pt_int(t->id)), NULL)) != PT_OK)
		return rc;
	if ((old_group == NULL ? 0 : strtoll(old_group, NULL, 10)) != group &&
	    (rc = pt_ticket_history(req, t->id, "group", old_group, new_group)) != PT_OK)
		return rc;
	if ((old_agent == NULL ? 0 : strtoll(old_agent, NULL, 10)) != agent &&
	    (rc = pt_ticket_history(req, t->id, "assignee", old_agent, new_agent)) != PT_OK)
		return rc;
	return tk_audit(req, "ticket.assign", t->number,
	    pt_printf(req, "{\"group_id\":%s,\"assignee_id\":%s}", old_group != NULL ? old_group : "null",
	    old_agent != NULL ? old_agent : "null"),
	    pt_printf(req, "{\"group_id\":%s,\"assignee_id\":%s}",
	    new_group != NULL ? new_group : "null", new_agent != NULL ? new_agent : "null"));
}

static const char *const assign_fields[] = { "group", "assignee" };

/* POST /tickets/<number>/assign: group and assignee (either may be empty). */
static int
assign(struct pt_req *req)
{
	long long group = form_id(req, "group"), agent = form_id(req, "assignee");
	struct pt_rows g = { 0 }, a = { 0 };
	struct tk_ticket t;
	int rc;

	if ((rc = tk_begin_lock(req, &t)) != PT_OK)
		return rc;
	if (group > 0 && (rc = pt_db_query(req, &sql[SQL_GROUP], &g, PT_BINDS(pt_int(group)))) != PT_OK)
		goto fail;
	if (group < 0 || (group > 0 && g.nrows != 1))
		return tk_refuse(req, "tickets.assign.group", "group", "assign", assign_fields, 2);
	if (agent > 0 && (rc = pt_db_query(req, &sql[SQL_AGENT], &a, PT_BINDS(pt_int(agent)))) != PT_OK)
		goto fail;
	if (agent < 0 || (agent > 0 && a.nrows != 1))
		return tk_refuse(req, "tickets.assign.agent", "assignee", "assign", assign_fields, 2);
	if ((rc = tk_assign(req, &t, group, agent)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=assign"));
fail:
	pt_db_rollback(req);
	return rc;
}

#define WORK "tickets.work"

static const struct pt_route routes[] = {
	{ PT_POST, TK_ROUTE "/note",	note,		PT_R_LOGIN, WORK },
	{ PT_POST, TK_ROUTE "/status",	status_post,	PT_R_LOGIN, WORK },
	{ PT_POST, TK_ROUTE "/assign",	assign,		PT_R_LOGIN, WORK },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_agent_group = PT_GROUP(routes, sql, views);
