/*
 * What every change of a ticket writes, inside the change's transaction:
 * the ticket's updated_at, a history row per field that changed (who,
 * when, from what, to what), the audit row, and for the conversation the
 * message.  Handlers call these and never write those tables themselves.
 */
#include <string.h>

#include "tickets.h"

enum history_sql { SQL_HISTORY, SQL_TOUCH, SQL_STATUS, SQL_MESSAGE, SQL__MAX };

#define NOW "UTC_TIMESTAMP(6)"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_HISTORY] = { "tk_history_insert",
	    "INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value)"
	    " VALUES (?, " NOW ", ?, ?, LEFT(?, 300), LEFT(?, 300))" },
	[SQL_TOUCH] = { "tk_history_touch",
	    "UPDATE tickets SET updated_at = " NOW " WHERE id = ?" },
	/*
	 * Binds: reason, status x4, id.  Back to an open state forgets when it
	 * was resolved; status is set last, as MariaDB assigns in order.
	 */
	[SQL_STATUS] = { "tk_history_status",
	    "UPDATE tickets SET pending_reason = ?, updated_at = " NOW ","
	    " resolved_at = CASE WHEN ? = 'resolved' THEN " NOW
	    "   WHEN ? IN ('new', 'open', 'pending') THEN NULL ELSE resolved_at END,"
	    " closed_at = IF(? = 'closed', " NOW ", NULL), status = ? WHERE id = ?" },
	[SQL_MESSAGE] = { "tk_history_message",
	    "INSERT INTO ticket_messages (ticket_id, kind, via, author_id, body, message_id, created_at)"
	    " VALUES (?, ?, 'web', ?, ?, ?, " NOW ")" },
};

const char *const tk_statuses[5] = { "new", "open", "pending", "resolved", "closed" };
const char *const tk_pending_reasons[2] = { "customer", "third_party" };

int
tk_history(struct pt_req *req, long long ticket_id, const char *field, const char *old,
    const char *new_value)
{
	const struct pt_user *u = req->session.user;

	return pt_db_exec(req, &sql[SQL_HISTORY], PT_BINDS(pt_int(ticket_id),
	    u != NULL ? pt_int(u->id) : pt_str(NULL), pt_str(field), pt_str(old),
	    pt_str(new_value)), NULL);
}

int
tk_audit(struct pt_req *req, const char *action, const char *number, const char *before,
    const char *after)
{
	return pt_audit(req, action, "ticket", number, before, after);
}

int
tk_touch(struct pt_req *req, long long ticket_id)
{
	return pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_int(ticket_id)), NULL);
}

int
tk_set_status(struct pt_req *req, const struct tk_ticket *t, const char *status,
    const char *reason)
{
	const char *old_reason = TK_CELL(t, TK_T_PENDING);
	int rc;

	if (strcmp(status, "pending") != 0)
		reason = NULL;
	if ((rc = pt_db_exec(req, &sql[SQL_STATUS], PT_BINDS(pt_str(reason), pt_str(status),
	    pt_str(status), pt_str(status), pt_str(status), pt_int(t->id)), NULL)) != PT_OK)
		return rc;
	if (strcmp(t->status, status) != 0 &&
	    (rc = tk_history(req, t->id, "status", t->status, status)) != PT_OK)
		return rc;
	if ((old_reason == NULL) != (reason == NULL) ||
	    (old_reason != NULL && reason != NULL && strcmp(old_reason, reason) != 0))
		return tk_history(req, t->id, "pending_reason", old_reason, reason);
	return PT_OK;
}

const char *
tk_message_id(struct pt_req *req, const char *local)
{
	const char *from = pt_conf_str("smtp", "from", "portal@localhost");
	const char *at = strrchr(from, '@'), *end;
	size_t len;

	if (at == NULL || at[1] == '\0')
		return pt_printf(req, "<%s@portico.invalid>", local);
	at++;
	/* "Name <addr@domain>": the domain ends before '>'. */
	end = strchr(at, '>');
	len = end != NULL ? (size_t)(end - at) : strlen(at);
	return pt_printf(req, "<%s@%.*s>", local, (int)len, at);
}

int
tk_message_add(struct pt_req *req, long long ticket_id, const char *kind, const char *body,
    long long *id, const char **message_id)
{
	const struct pt_user *u = req->session.user;
	char rnd[17];
	const char *mid;
	int rc;

	if ((mid = *message_id) == NULL) {
		if ((rc = pt_random_hex(rnd, 8)) != PT_OK)
			return rc;
		if ((mid = tk_message_id(req, pt_printf(req, "ticket.%lld.%s", ticket_id, rnd))) == NULL)
			return PT_ENOMEM;
	}
	if ((rc = pt_db_exec(req, &sql[SQL_MESSAGE], PT_BINDS(pt_int(ticket_id), pt_str(kind),
	    u != NULL ? pt_int(u->id) : pt_str(NULL), pt_str(body), pt_str(mid)), NULL)) != PT_OK)
		return rc;
	*id = (long long)pt_db_insert_id();
	*message_id = mid;
	return PT_OK;
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

const struct pt_group tk_history_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
