/*
 * The service level on the ticket page (issue 12 §4): for agents every
 * clock with its due, the time left while paused, and the marks (at risk,
 * breached, how often), for the customer the due of the next answer they
 * are promised, in their time zone (xslt/tickets/sla.xsl).  The clocks
 * themselves are the runtime's (cgi-bin-src/lib/ticket-sla.c).
 */
#include <string.h>

#include "tickets.h"

enum sla_sql { SQL_VIEW, SQL__MAX };

#define NOW "UTC_TIMESTAMP(6)"

static const struct pt_sql sql[SQL__MAX] = {
	/* The clocks as the ticket page shows them.  Binds: ticket. */
	[SQL_VIEW] = { "tk_sla_view",
	    "SELECT c.kind, c.state, c.target_s, c.consumed_s, " TK_ISO("c.due_at") ","
	    " c.state = 'running' AND (c.warned_at IS NOT NULL OR c.warn_at <= " NOW "),"
	    " c.state = 'running' AND c.due_at < " NOW ", " TK_ISO("c.breached_at") ","
	    " " TK_ISO("c.stopped_at") ", p.name,"
	    " (SELECT COUNT(*) FROM ticket_sla_breaches b WHERE b.ticket_id = c.ticket_id"
	    "   AND b.kind = c.kind),"
	    " c.state = 'running' AND ((c.breached_at IS NULL AND c.due_at < " NOW ")"
	    "   OR (c.warned_at IS NULL AND c.warn_at <= " NOW "))"
	    " FROM ticket_sla_clocks c JOIN sla_policies p ON p.id = c.policy_id"
	    " WHERE c.ticket_id = ? ORDER BY c.kind" },
};

enum view_col {
	V_KIND, V_STATE, V_TARGET, V_CONSUMED, V_DUE, V_AT_RISK, V_OVERDUE, V_BREACHED,
	V_STOPPED, V_POLICY, V_BREACHES, V_MARK_DUE
};

/*
 * The agent's view of the clocks.  A mark the periodic check has not
 * recorded yet (a breach, a warning) is recorded now, as the check would,
 * and the clocks read again: whoever looks first records it.
 */
static int
view_rows(struct pt_req *req, long long ticket_id, struct pt_rows *rows)
{
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_VIEW], rows, PT_BINDS(pt_int(ticket_id)))) != PT_OK)
		return rc;
	for (i = 0; i < rows->nrows; i++)
		if (pt_cell_int(rows, i, V_MARK_DUE))
			break;
	if (i == rows->nrows)
		return PT_OK;
	if ((rc = pt_ticket_sla_check(req, ticket_id)) != PT_OK)
		pt_log(req, PT_LOG_WARN, "SLA marks of ticket %lld not recorded (%d); the check will",
		    ticket_id, rc);
	return pt_db_query(req, &sql[SQL_VIEW], rows, PT_BINDS(pt_int(ticket_id)));
}

int
tk_sla_node(struct pt_req *req, xmlNodePtr parent, const struct tk_ticket *t)
{
	struct pt_rows rows;
	xmlNodePtr sla, c;
	size_t i;
	int rc;

	if (!t->agent) {
		/* The customer is promised the next answer: first response, then each update. */
		if (pt_cell_int(&t->rows, 0, TK_T_SLA_WAITING))
			pt_attr(pt_node(parent, "sla", NULL), "waiting", "customer");
		else if (TK_CELL(t, TK_T_SLA_ANSWER_BY) != NULL)
			pt_node(pt_node(parent, "sla", NULL), "answer-by", TK_CELL(t, TK_T_SLA_ANSWER_BY));
		return PT_OK;
	}
	if ((rc = view_rows(req, t->id, &rows)) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_OK;
	sla = pt_node(parent, "sla", NULL);
	pt_attr(sla, "policy", pt_cell(&rows, 0, V_POLICY));
	for (i = 0; i < rows.nrows; i++) {
		const char *state = pt_cell(&rows, i, V_STATE);

		c = pt_node(sla, "clock", NULL);
		pt_attr(c, "kind", pt_cell(&rows, i, V_KIND));
		pt_attr(c, "state", state);
		pt_attr_int(c, "target-minutes", pt_cell_int(&rows, i, V_TARGET) / 60);
		if (strcmp(state, "paused") == 0) {
			long long left = pt_cell_int(&rows, i, V_TARGET) -
			    pt_cell_int(&rows, i, V_CONSUMED);

			pt_attr_int(c, "left-minutes", left > 0 ? (left + 59) / 60 : 0);
		}
		if (pt_cell(&rows, i, V_DUE) != NULL)
			pt_attr(c, "due", pt_cell(&rows, i, V_DUE));
		if (pt_cell_int(&rows, i, V_AT_RISK))
			pt_attr(c, "at-risk", "1");
		/* Overdue shows at once, before the periodic check records it. */
		if (pt_cell_int(&rows, i, V_OVERDUE) || pt_cell(&rows, i, V_BREACHED) != NULL)
			pt_attr(c, "breached", pt_cell(&rows, i, V_BREACHED) != NULL ?
			    pt_cell(&rows, i, V_BREACHED) : pt_cell(&rows, i, V_DUE));
		if (pt_cell(&rows, i, V_STOPPED) != NULL)
			pt_attr(c, "stopped", pt_cell(&rows, i, V_STOPPED));
		if (pt_cell_int(&rows, i, V_BREACHES) > 0)
			pt_attr(c, "breaches", pt_cell(&rows, i, V_BREACHES));
	}
	return PT_OK;
}

const struct pt_group tk_sla_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
