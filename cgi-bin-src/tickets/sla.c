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

static const struct pt_sql sql[SQL__MAX] = {
	/* The clocks again once marks were recorded (binds: ticket); the page reads them with the rest. */
	[SQL_VIEW] = { "tk_sla_view", TK_SLA_PART },
};

/* The columns of TK_SLA_PART, after its tag. */
enum view_col {
	V_KIND = 1, V_STATE, V_TARGET, V_CONSUMED, V_DUE, V_AT_RISK, V_OVERDUE, V_BREACHED,
	V_STOPPED, V_POLICY, V_BREACHES, V_MARK_DUE
};

/*
 * The agent's view of the clocks: the 's' rows of the page's (in *rows,
 * from *first; none: *first is the number of rows).  A mark the periodic
 * check has not recorded yet (a breach, a warning) is recorded now, as
 * the check would, and the clocks read again (*rows is then again):
 * whoever looks first records it.
 */
static int
view_rows(struct pt_req *req, long long ticket_id, const struct pt_rows **rows, size_t *first,
    struct pt_rows *again)
{
	size_t i, n = (*rows)->nrows;
	int rc, due = 0;

	*first = n;
	for (i = 0; i < n; i++)
		if (TK_TAG(*rows, i) == 's') {
			if (*first == n)
				*first = i;
			due |= pt_cell_int(*rows, i, V_MARK_DUE) != 0;
		}
	if (!due)
		return PT_OK;
	if ((rc = pt_ticket_sla_check(req, ticket_id)) != PT_OK)
		pt_log(req, PT_LOG_WARN, "SLA marks of ticket %lld not recorded (%d); the check will",
		    ticket_id, rc);
	if ((rc = pt_db_query(req, &sql[SQL_VIEW], again, PT_BINDS(pt_int(ticket_id)))) != PT_OK)
		return rc;
	*rows = again;
	*first = 0;
	return PT_OK;
}

int
tk_sla_node(struct pt_req *req, xmlNodePtr parent, const struct tk_ticket *t,
    const struct pt_rows *page_rows)
{
	const struct pt_rows *rows = page_rows;
	struct pt_rows again;
	xmlNodePtr sla = NULL, c;
	size_t i, first = 0;
	int rc;

	if (!t->agent) {
		/* The customer is promised the next answer: first response, then each update. */
		if (pt_cell_int(&t->rows, 0, TK_T_SLA_WAITING))
			pt_attr(pt_node(parent, "sla", NULL), "waiting", "customer");
		else if (TK_CELL(t, TK_T_SLA_ANSWER_BY) != NULL)
			pt_node(pt_node(parent, "sla", NULL), "answer-by", TK_CELL(t, TK_T_SLA_ANSWER_BY));
		return PT_OK;
	}
	if ((rc = view_rows(req, t->id, &rows, &first, &again)) != PT_OK)
		return rc;
	for (i = first; i < rows->nrows && TK_TAG(rows, i) == 's'; i++) {
		const char *state = pt_cell(rows, i, V_STATE);

		if (sla == NULL) {
			sla = pt_node(parent, "sla", NULL);
			pt_attr(sla, "policy", pt_cell(rows, i, V_POLICY));
		}

		c = pt_node(sla, "clock", NULL);
		pt_attr(c, "kind", pt_cell(rows, i, V_KIND));
		pt_attr(c, "state", state);
		pt_attr_int(c, "target-minutes", pt_cell_int(rows, i, V_TARGET) / 60);
		if (strcmp(state, "paused") == 0) {
			long long left = pt_cell_int(rows, i, V_TARGET) -
			    pt_cell_int(rows, i, V_CONSUMED);

			pt_attr_int(c, "left-minutes", left > 0 ? (left + 59) / 60 : 0);
		}
		if (pt_cell(rows, i, V_DUE) != NULL)
			pt_attr(c, "due", pt_cell(rows, i, V_DUE));
		if (pt_cell_int(rows, i, V_AT_RISK))
			pt_attr(c, "at-risk", "1");
		/* Overdue shows at once, before the periodic check records it. */
		if (pt_cell_int(rows, i, V_OVERDUE) || pt_cell(rows, i, V_BREACHED) != NULL)
			pt_attr(c, "breached", pt_cell(rows, i, V_BREACHED) != NULL ?
			    pt_cell(rows, i, V_BREACHED) : pt_cell(rows, i, V_DUE));
		if (pt_cell(rows, i, V_STOPPED) != NULL)
			pt_attr(c, "stopped", pt_cell(rows, i, V_STOPPED));
		if (pt_cell_int(rows, i, V_BREACHES) > 0)
			pt_attr(c, "breaches", pt_cell(rows, i, V_BREACHES));
	}
	return PT_OK;
}

const struct pt_group tk_sla_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
