/*
 * A return's steps (RMA), for every program that takes them: the order
 * desk's buttons in portico-orders, and portico-flowd's return.set action
 * of the BPMN process return-handling once an inspection was completed.
 * Each step, in the caller's transaction: the return's status and the
 * columns it sets (who decided and what they said, when the goods came,
 * when it was closed and with which credit note), a timeline row, the
 * order's updated_at (its kept page lists the returns), the mail to the
 * person who asked, in their language, and the audit row.  The actor is
 * req->session.user (NULL: nobody in person).
 */
#include <string.h>

#include "extern.h"

enum return_sql {
	SQL_LOCK, SQL_DECIDE, SQL_RECEIVE, SQL_CLOSE, SQL_CREDIT_LINES, SQL_EVENT, SQL_TOUCH,
	SQL_MAIL, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LOCK] = { "pt_return_lock",
	    "SELECT id, status, order_id, number FROM returns WHERE id = ? FOR UPDATE" },
	/* Binds: status, by, instructions, comment, id. */
	[SQL_DECIDE] = { "pt_return_decide",
	    "UPDATE returns SET status = ?, decided_by = ?, decided_at = UTC_TIMESTAMP(6),"
	    " instructions = ?, decision_comment = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_RECEIVE] = { "pt_return_receive",
	    "UPDATE returns SET status = 'received', received_at = UTC_TIMESTAMP(6),"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* Binds: status, credit note (NULL: none), id. */
	[SQL_CLOSE] = { "pt_return_close",
	    "UPDATE returns SET status = ?, credit_note_id = ?, closed_at = UTC_TIMESTAMP(6),"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* What a refund credits.  Binds: return. */
	[SQL_CREDIT_LINES] = { "pt_return_credit_lines",
	    "SELECT line_no, quantity FROM return_lines WHERE return_id = ? ORDER BY line_no" },
	[SQL_EVENT] = { "pt_return_event",
	    "INSERT INTO return_events (return_id, at, user_id, status, comment)"
	    " VALUES (?, UTC_TIMESTAMP(6), ?, ?, ?)" },
	[SQL_TOUCH] = { "pt_return_touch_order",
	    "UPDATE orders SET updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* The person who asked, as a mail's recipient.  Binds: return. */
	[SQL_MAIL] = { "pt_return_mail",
	    "SELECT r.number, o.number, u.email, u.name, COALESCE(u.language, og.language, 'en'),"
	    " u.status = 'active' AND u.notify_orders = 1, og.name"
	    " FROM returns r JOIN orders o ON o.id = r.order_id JOIN users u ON u.id = r.requested_by"
	    " JOIN orgs og ON og.id = r.org_id WHERE r.id = ?" },
};

const struct pt_group pt_return_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

/* Which status each step leaves from, and the name of its text (the desk's form field, the audit row's). */
static const struct {
	const char	*to;
	const char	*from[2];
	const char	*field;
} steps[] = {
	{ "approved",	{ "requested", NULL },		"instructions" },
	{ "rejected",	{ "requested", "received" },	"reason" },	/* received: after an inspection */
	{ "received",	{ "approved", NULL },		"receive_note" },
	{ "refunded",	{ "received", NULL },		"refund_note" },
	{ "replaced",	{ "received", NULL },		"replace_note" },
};

const char *
pt_return_step_field(const char *to)
{
	size_t i;

	for (i = 0; i < PT_NELEM(steps); i++)
		if (strcmp(steps[i].to, to) == 0)
			return steps[i].field;
	return NULL;
}

int
pt_return_step_from(const char *to, const char *status)
{
	size_t i, j;

	for (i = 0; i < PT_NELEM(steps); i++)
		if (strcmp(steps[i].to, to) == 0)
			for (j = 0; j < 2 && steps[i].from[j] != NULL; j++)
				if (status == NULL || strcmp(steps[i].from[j], status) == 0)
					return 1;
	return 0;
}

static struct pt_bind
actor(const struct pt_req *req)
{
	return req->session.user != NULL ? pt_int(req->session.user->id) : pt_str(NULL);
}

int
pt_return_event(struct pt_req *req, long long return_id, const char *status, const char *comment)
{
	return pt_db_exec(req, &sql[SQL_EVENT], PT_BINDS(pt_int(return_id), actor(req),
	    pt_str(status), pt_str(comment != NULL ? comment : "")), NULL);
}

/* Tell the person who asked of step (approved ... replaced), unless they want no mails about orders. */
static int
tell(struct pt_req *req, long long return_id, const char *step, const char *text)
{
	struct pt_rows m;
	xmlNodePtr d;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_MAIL], &m, PT_BINDS(pt_int(return_id)))) != PT_OK)
		return rc;
	if (m.nrows != 1 || pt_cell_int(&m, 0, 5) != 1)
		return PT_OK;
	if ((d = pt_mail_data(req)) == NULL)
		return PT_ENOMEM;
	pt_attr(d, "step", step);
	pt_node(d, "number", pt_cell(&m, 0, 0));
	pt_node(d, "order", pt_cell(&m, 0, 1));
	pt_node(d, "buyer", pt_cell(&m, 0, 3));
	pt_node(d, "org", pt_cell(&m, 0, 6));
	if (text != NULL && *text != '\0')
		pt_node(d, "comment", text);
	pt_node(d, "link", pt_printf(req, "%s/orders/returns/%s", pt_base_url(), pt_cell(&m, 0, 0)));
	return pt_mail_queue(req, "order-return", pt_cell(&m, 0, 2), pt_cell(&m, 0, 3),
	    pt_mail_lang(pt_cell(&m, 0, 4)), d);
}

/* A refund's credit note (invoice.c): the return's lines at the prices they were ordered at. */
static int
credit(struct pt_req *req, long long return_id, long long order_id, struct pt_invoice_out *out)
{
	struct pt_credit_line *cl;
	struct pt_rows l;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CREDIT_LINES], &l, PT_BINDS(pt_int(return_id)))) != PT_OK)
		return rc;
	if ((cl = pt_alloc(req, (l.nrows + 1) * sizeof(*cl))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < l.nrows; i++) {
		cl[i].order_line_no = pt_cell_int(&l, i, 0);
		cl[i].quantity = pt_cell_int(&l, i, 1);
	}
	return pt_invoice_credit(req, order_id, return_id, cl, l.nrows, out);
}

int
pt_return_step(struct pt_req *req, long long return_id, const char *to, const char *text,
    const char **refusal)
{
	struct pt_rows lock;
	const char *from, *order;
	int rc;

	*refusal = NULL;
	if (text == NULL)
		text = "";
	if (!pt_return_step_from(to, NULL))
		return PT_EINVAL;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(return_id)))) != PT_OK)
		return rc;
	if (lock.nrows != 1)
		return PT_ENOTFOUND;
	from = pt_cell(&lock, 0, 1);
	order = pt_cell(&lock, 0, 2);
	if (!pt_return_step_from(to, from)) {
		*refusal = "orders.return.not-waiting";
		return PT_OK;
	}
	if (strcmp(to, "approved") == 0 || strcmp(to, "rejected") == 0)
		rc = pt_db_exec(req, &sql[SQL_DECIDE], PT_BINDS(pt_str(to), actor(req),
		    pt_str(strcmp(to, "approved") == 0 ? text : ""),
		    pt_str(strcmp(to, "rejected") == 0 ? text : ""), pt_int(return_id)), NULL);
	else if (strcmp(to, "received") == 0)
		rc = pt_db_exec(req, &sql[SQL_RECEIVE], PT_BINDS(pt_int(return_id)), NULL);
	else if (strcmp(to, "refunded") == 0) {
		struct pt_invoice_out cn;

		if ((rc = credit(req, return_id, pt_cell_int(&lock, 0, 2), &cn)) == PT_OK &&
		    cn.refusal != NULL) {
			*refusal = cn.refusal;
			return PT_OK;
		}
		if (rc == PT_OK)
			rc = pt_db_exec(req, &sql[SQL_CLOSE], PT_BINDS(pt_str(to), pt_int(cn.id),
			    pt_int(return_id)), NULL);
	} else
		rc = pt_db_exec(req, &sql[SQL_CLOSE], PT_BINDS(pt_str(to), pt_str(NULL),
		    pt_int(return_id)), NULL);
	if (rc == PT_OK)
		rc = pt_return_event(req, return_id, to, text);
	if (rc == PT_OK)
		rc = pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_str(order)), NULL);
	if (rc == PT_OK)
		rc = tell(req, return_id, to, text);
	if (rc != PT_OK)
		return rc;
	return pt_audit(req, pt_printf(req, "return.%s", to), "return",
	    pt_printf(req, "%lld", return_id), pt_printf(req, "{\"status\":\"%s\"}", from),
	    pt_printf(req, "{\"status\":\"%s\",\"%s\":%s}", to, pt_return_step_field(to),
	    pt_json_str(req, text)));
}
