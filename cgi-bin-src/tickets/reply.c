/*
 * What the people of a ticket do on its page: reply (customers and
 * agents), mark it resolved (customers), and add or remove colleagues in
 * CC.  Each locks the ticket's row first (so replies at the same moment
 * are written one after the other and none is lost) and writes its
 * change, the history and the audit row, and its mails, in one
 * transaction.
 *
 * A customer's reply sets a pending ticket back to open, and reopens a
 * resolved one within [tickets] reopen_days; a closed ticket (or one
 * resolved longer ago) takes no more replies: 422, raise a new one.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets.h"

enum reply_sql { SQL_CC_USER, SQL_CC_ADD, SQL_CC_REMOVE, SQL_CC_PERSON, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* A colleague of the ticket's org (binds: email, org). */
	[SQL_CC_USER] = { "tk_reply_cc_user",
	    "SELECT id, name, email FROM users WHERE email = ? AND org_id = ? AND status = 'active'" },
	[SQL_CC_ADD] = { "tk_reply_cc_add",
	    "INSERT IGNORE INTO ticket_cc (ticket_id, user_id, added_by, added_at)"
	    " VALUES (?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_CC_REMOVE] = { "tk_reply_cc_remove",
	    "DELETE FROM ticket_cc WHERE ticket_id = ? AND user_id = ?" },
	[SQL_CC_PERSON] = { "tk_reply_cc_person",
	    "SELECT u.id, u.email FROM ticket_cc c JOIN users u ON u.id = c.user_id"
	    " WHERE c.ticket_id = ? AND c.user_id = ?" },
};

static const char *const reply_fields[] = { "body", "after" };

/* The agent's "and then" of a reply: "", "pending:customer", "pending:third_party", "resolved". */
static int
read_after(const char *v, const char **status, const char **reason)
{
	*status = NULL;
	*reason = NULL;
	if (v == NULL || *v == '\0')
		return PT_OK;
	if (strcmp(v, "resolved") == 0) {
		*status = "resolved";
		return PT_OK;
	}
	if (strcmp(v, "pending:customer") == 0 || strcmp(v, "pending:third_party") == 0) {
		*status = "pending";
		*reason = strchr(v, ':') + 1;
		return PT_OK;
	}
	return PT_EINVAL;
}

/* The status a reply leaves: a customer's reopens, an agent's answers a new ticket. */
static const char *
status_after_reply(const struct tk_ticket *t, const char *after)
{
	if (after != NULL)
		return after;
	if (t->agent)
		return strcmp(t->status, "new") == 0 ? "open" : t->status;
	return pt_ticket_status_after_customer_reply(t->status);
}

/* POST /tickets/<number>/reply: body (required), files (file), for agents also after. */
static int
reply(struct pt_req *req)
{
	const char *body, *after, *reason, *status, *mid = NULL, *files_json;
	struct pt_ticket_files files;
	struct tk_ticket t;
	long long msg;
	int rc, bad;

	/* What was sent is checked first: a refused form writes nothing. */
	if ((bad = tk_body_read(req, "body", 1, &body)) < 0)
		return bad;
	bad += tk_files_read(req, "file", &files);
	if (bad > 0)
		return tk_refuse(req, NULL, NULL, "reply", reply_fields, PT_NELEM(reply_fields));
	if ((rc = pt_ticket_files_save(req, &files)) != PT_OK) {
		pt_ticket_files_forget(req, &files);
		return rc;
	}
	if ((rc = tk_begin_lock(req, &t)) != PT_OK) {
		pt_ticket_files_forget(req, &files);
		return rc;
	}
	if (!t.agent && !tk_customer_may_reply(&t)) {
		pt_ticket_files_forget(req, &files);
		return tk_refuse(req, strcmp(t.status, "closed") == 0 ? "tickets.reply.closed" :
		    "tickets.reply.too-late", "body", "reply", reply_fields, PT_NELEM(reply_fields));
	}
	if (read_after(t.agent ? pt_form(req, "after") : NULL, &after, &reason) != PT_OK) {
		pt_ticket_files_forget(req, &files);
		return tk_refuse(req, "tickets.status.invalid", "after", "reply", reply_fields,
		    PT_NELEM(reply_fields));
	}
	status = status_after_reply(&t, after);
	if ((rc = pt_ticket_message_add(req, t.id, "public", "web", body, &msg, &mid)) != PT_OK ||
	    (rc = pt_ticket_files_store(req, t.id, msg, 0, &files)) != PT_OK ||
	    (rc = pt_ticket_history(req, t.id, "reply", NULL, pt_printf(req, "%lld", msg))) != PT_OK ||
	    (t.agent && (rc = pt_ticket_sla_replied(req, t.id)) != PT_OK))
		goto fail;
	if (strcmp(status, t.status) != 0 || reason != NULL)
		rc = tk_set_status(req, &t, status, reason);
	else
		rc = pt_ticket_touch(req, t.id);
	if (rc != PT_OK)
		goto fail;
	if ((files_json = pt_ticket_files_json(req, &files)) == NULL) {
		rc = PT_ENOMEM;
		goto fail;
	}
	if ((rc = tk_audit(req, "ticket.reply", t.number,
	    pt_printf(req, "{\"status\":%s}", pt_json_str(req, t.status)),
	    pt_printf(req, "{\"message_id\":%lld,\"status\":%s,\"files\":%s}", msg,
	    pt_json_str(req, status), files_json))) != PT_OK)
		goto fail;
	rc = t.agent ? pt_ticket_mail_reply(req, t.id, mid, body) :
	    pt_ticket_mail_update(req, t.id, mid, body);
	if (rc != PT_OK || (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, pt_printf(req, "?done=%s&m=%lld",
	    !t.agent && strcmp(t.status, "resolved") == 0 ? "reopened" : "reply", msg)));
fail:
	pt_db_rollback(req);
	pt_ticket_files_forget(req, &files);
	return rc;
}

/* POST /tickets/<number>/resolve: the customer says it is solved. */
static int
resolve(struct pt_req *req)
{
	struct tk_ticket t;
	int rc;

	if ((rc = tk_begin_lock(req, &t)) != PT_OK)
		return rc;
	if (!pt_one_of(t.status, tk_statuses, 3))
		return tk_refuse(req, "tickets.resolve.invalid", NULL, "resolve", NULL, 0);
	if ((rc = tk_set_status(req, &t, "resolved", NULL)) != PT_OK ||
	    (rc = tk_audit(req, "ticket.resolve", t.number,
	    pt_printf(req, "{\"status\":%s}", pt_json_str(req, t.status)),
	    "{\"status\":\"resolved\"}")) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=resolve"));
fail:
	pt_db_rollback(req);
	return rc;
}

static const char *const cc_fields[] = { "email" };

/* POST /tickets/<number>/cc: email of a colleague of the ticket's organisation. */
static int
cc_add(struct pt_req *req)
{
	struct tk_ticket t;
	struct pt_rows u;
	const char *email = pt_email_normalise(req, pt_form(req, "email"));
	unsigned long long n = 0;
	int rc;

	if (email == NULL)
		return PT_ENOMEM;
	if ((rc = tk_begin_lock(req, &t)) != PT_OK)
		return rc;
	if (!tk_may_edit_cc(req, &t)) {
		pt_db_rollback(req);
		return pt_error_page(req, 403, NULL);
	}
	if (*email == '\0' || strlen(email) > PT_EMAIL_MAX_BYTES ||
	    !pt_valid(PT_V_EMAIL, email, strlen(email)))
		return tk_refuse(req, "tickets.cc.email.invalid", "email", "cc", cc_fields, 1);
	/* Only the ticket's org: a person of another is "not found" as anyone unknown. */
	if ((rc = pt_db_query(req, &sql[SQL_CC_USER], &u, PT_BINDS(pt_str(email),
	    pt_int(t.org_id)))) != PT_OK)
		goto fail;
	if (u.nrows != 1)
		return tk_refuse(req, "tickets.cc.unknown", "email", "cc", cc_fields, 1);
	if (pt_cell_int(&u, 0, 0) == t.requester_id)
		return tk_refuse(req, "tickets.cc.requester", "email", "cc", cc_fields, 1);
	if ((rc = pt_db_exec(req, &sql[SQL_CC_ADD], PT_BINDS(pt_int(t.id),
	    pt_int(pt_cell_int(&u, 0, 0)), pt_int(req->session.user->id)), &n)) != PT_OK)
		goto fail;
	if (n == 0)
		return tk_refuse(req, "tickets.cc.already", "email", "cc", cc_fields, 1);
	if ((rc = pt_ticket_history(req, t.id, "cc", NULL, pt_cell(&u, 0, 2))) != PT_OK ||
	    (rc = pt_ticket_touch(req, t.id)) != PT_OK ||
	    (rc = tk_audit(req, "ticket.cc.add", t.number, NULL,
	    pt_printf(req, "{\"user_id\":%s,\"email\":%s}", pt_cell(&u, 0, 0),
	    pt_json_str(req, pt_cell(&u, 0, 2))))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=cc-add"));
fail:
	pt_db_rollback(req);
	return rc;
}

/* POST /tickets/<number>/cc/remove: user (an id); anyone may remove themselves. */
static int
cc_remove(struct pt_req *req)
{
	const char *v = pt_form(req, "user");
	struct tk_ticket t;
	struct pt_rows p;
	long long user;
	int rc;

	if (v == NULL || strlen(v) > 10 || !pt_valid(PT_V_ID, v, strlen(v)))
		return pt_error_page(req, 404, NULL);
	user = strtoll(v, NULL, 10);
	if ((rc = tk_begin_lock(req, &t)) != PT_OK)
		return rc;
	if (!tk_may_edit_cc(req, &t) && user != req->session.user->id) {
		pt_db_rollback(req);
		return pt_error_page(req, 403, NULL);
	}
	if ((rc = pt_db_query(req, &sql[SQL_CC_PERSON], &p, PT_BINDS(pt_int(t.id),
	    pt_int(user)))) != PT_OK)
		goto fail;
	if (p.nrows != 1) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	if ((rc = pt_db_exec(req, &sql[SQL_CC_REMOVE], PT_BINDS(pt_int(t.id), pt_int(user)),
	    NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, t.id, "cc", pt_cell(&p, 0, 1), NULL)) != PT_OK ||
	    (rc = pt_ticket_touch(req, t.id)) != PT_OK ||
	    (rc = tk_audit(req, "ticket.cc.remove", t.number,
	    pt_printf(req, "{\"user_id\":%lld,\"email\":%s}", user,
	    pt_json_str(req, pt_cell(&p, 0, 1))), NULL)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	/* Who removed themselves may no longer see the ticket. */
	if (user == req->session.user->id && !tk_may_edit_cc(req, &t) &&
	    !pt_can(req, "tickets.read.org"))
		return pt_redirect(req, "/tickets/mine");
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=cc-remove"));
fail:
	pt_db_rollback(req);
	return rc;
}


static const struct pt_route routes[] = {
	{ PT_POST, TK_ROUTE "/reply",	reply,		PT_R_LOGIN, NULL },
	{ PT_POST, TK_ROUTE "/resolve",	resolve,	PT_R_LOGIN, NULL },
	{ PT_POST, TK_ROUTE "/cc",	cc_add,		PT_R_LOGIN, NULL },
	{ PT_POST, TK_ROUTE "/cc/remove",	cc_remove,	PT_R_LOGIN, NULL },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_reply_group = PT_GROUP(routes, sql, views);
