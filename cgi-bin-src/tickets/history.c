/*
 * The worker's part of every change of a ticket: the audit row and the
 * text people type.  What the change writes to the ticket's tables (the
 * ticket's updated_at, history rows, the message) is the runtime's
 * (pt_ticket_*, lib/ticket.c), shared with portico-mailin.  Handlers call
 * these and never write those tables themselves.
 */
#include <string.h>

#include "tickets.h"

const char *const tk_statuses[5] = { "new", "open", "pending", "resolved", "closed" };
const char *const tk_pending_reasons[2] = { "customer", "third_party" };

int
tk_audit(struct pt_req *req, const char *action, const char *number, const char *before,
    const char *after)
{
	return pt_audit(req, action, "ticket", number, before, after);
}

int
tk_set_status(struct pt_req *req, const struct tk_ticket *t, const char *status,
    const char *reason)
{
	int rc;

	if ((rc = pt_ticket_set_status(req, t->id, t->status, TK_CELL(t, TK_T_PENDING), status,
	    reason)) != PT_OK)
		return rc;
	/*
	 * Resolved from an open state: the requester is asked how it went
	 * (survey.c).  Tickets are resolved only here: portico-mailin reopens
	 * them, close.c closes resolved ones.
	 */
	if (strcmp(status, "resolved") == 0 && pt_one_of(t->status, tk_statuses, 3))
		return tk_survey_resolved(req, t);
	return PT_OK;
}

int
tk_customer_may_reply(const struct tk_ticket *t)
{
	return pt_ticket_customer_may_reply(t->status, TK_CELL(t, TK_T_RESOLVED_AGO_S));
}

int
tk_body_read(struct pt_req *req, const char *name, int required, const char **body)
{
	const char *v = pt_form(req, name);
	long n;

	if ((v = pt_lf_lines(req, v != NULL ? v : "")) == NULL)
		return PT_ENOMEM;
	*body = v;
	if (strspn(v, " \t\r\n") == strlen(v)) {
		*body = "";
		if (!required)
			return 0;
		pt_message(req, "error", "tickets.body.required", name);
		return 1;
	}
	n = pt_text_chars(v, 1);
	if (n > TK_BODY_MAX_CHARS || (n < 0 && (long)pt_chars(v) > TK_BODY_MAX_CHARS)) {
		pt_message_max(req, "tickets.body.too-long", name, TK_BODY_MAX_CHARS);
		return 1;
	}
	if (n < 0) {
		pt_message(req, "error", "tickets.body.invalid", name);
		return 1;
	}
	return 0;
}

