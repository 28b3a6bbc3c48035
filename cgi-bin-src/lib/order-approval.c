/*
 * An order's approval above its buyer's limits, for every program that
 * takes part in it: portico-orders places the order and asks (the mails
 * to the approvers), and portico-flowd decides it, in the order.set
 * action of the BPMN process order-approval, once an approver completed
 * the process's user task.  What a decision writes, in the caller's
 * transaction: the order's status (awaiting_approval -> approved |
 * rejected), decided_by, decided_at, decision_comment and counted_at (an
 * approved order counts towards its buyer's month from then on), its
 * updated_at, a timeline row, the audit row and the buyer's mail.
 *
 * The buyer's cart row is the lock of their monthly budget (checkout.c
 * takes it first): a decision takes it first too, so the month is
 * counted one order at a time.
 */
#include <string.h>

#include "extern.h"

enum order_sql {
	SQL_BUDGET_LOCK, SQL_EVENT, SQL_ORDER, SQL_LOCK, SQL_DECIDE, SQL_FACTS, SQL_PERSON, SQL__MAX
};

#define ISO(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * The buyer's cart row, made when missing: a write, so it holds the
	 * row's lock to the end of the transaction whether it made or found
	 * it.  Binds: user, org.
	 */
	[SQL_BUDGET_LOCK] = { "pt_order_budget_lock",
	    "INSERT INTO carts (user_id, org_id) VALUES (?, ?)"
	    " ON DUPLICATE KEY UPDATE user_id = user_id" },
	[SQL_EVENT] = { "pt_order_event",
	    "INSERT INTO order_events (order_id, at, user_id, status, comment)"
	    " VALUES (?, UTC_TIMESTAMP(6), ?, ?, ?)" },
	[SQL_ORDER] = { "pt_order_buyer",
	    "SELECT buyer_id, org_id, number FROM orders WHERE id = ?" },
	[SQL_LOCK] = { "pt_order_lock",
	    "SELECT status FROM orders WHERE id = ? FOR UPDATE" },
	/* Binds: status, decider, comment, status, id. */
	[SQL_DECIDE] = { "pt_order_decide",
	    "UPDATE orders SET status = ?, decided_by = ?, decided_at = UTC_TIMESTAMP(6),"
	    " decision_comment = ?, counted_at = IF(? = 'approved', UTC_TIMESTAMP(6), NULL),"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* What the mails say, and the buyer as a recipient (PT_OF_*).  Binds: order. */
	[SQL_FACTS] = { "pt_order_facts",
	    "SELECT o.number, o.currency, o.net_minor, o.gross_minor, o.budget_reason,"
	    " " ISO("o.created_at") ", o.po_number, og.name, o.org_id, u.id, u.email, u.name,"
	    " COALESCE(u.language, og.language, 'en'), u.status = 'active' AND u.notify_orders = 1"
	    " FROM orders o JOIN users u ON u.id = o.buyer_id JOIN orgs og ON og.id = o.org_id"
	    " WHERE o.id = ?" },
	/* Who decided: their name for the buyer's mail, their org for the audit row. */
	[SQL_PERSON] = { "pt_order_person",
	    "SELECT name, org_id FROM users WHERE id = ?" },
};

const struct pt_group pt_order_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

int
pt_order_budget_lock(struct pt_req *req, long long buyer_id, long long org_id)
{
	return pt_db_exec(req, &sql[SQL_BUDGET_LOCK], PT_BINDS(pt_int(buyer_id), pt_int(org_id)),
	    NULL);
}

int
pt_order_event(struct pt_req *req, long long order_id, long long user_id, const char *status,
    const char *comment)
{
	return pt_db_exec(req, &sql[SQL_EVENT], PT_BINDS(pt_int(order_id),
	    user_id > 0 ? pt_int(user_id) : pt_str(NULL), pt_str(status),
	    pt_str(comment != NULL ? comment : "")), NULL);
}

int
pt_order_facts(struct pt_req *req, long long order_id, struct pt_rows *facts)
{
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_FACTS], facts, PT_BINDS(pt_int(order_id)))) != PT_OK)
		return rc;
	return facts->nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

xmlNodePtr
pt_order_mail_data(struct pt_req *req, const struct pt_rows *f)
{
	xmlNodePtr d = pt_mail_data(req);

	if (d == NULL)
		return NULL;
	pt_node(d, "number", pt_cell(f, 0, PT_OF_NUMBER));
	pt_node(d, "buyer", pt_cell(f, 0, PT_OF_BUYER));
	pt_node(d, "org", pt_cell(f, 0, PT_OF_ORG));
	pt_node(d, "po", pt_cell(f, 0, PT_OF_PO));
	pt_node(d, "created", pt_cell(f, 0, PT_OF_CREATED));
	pt_attr(pt_node(d, "net", pt_cell(f, 0, PT_OF_NET)), "currency", pt_cell(f, 0, PT_OF_CURRENCY));
	pt_attr(pt_node(d, "gross", pt_cell(f, 0, PT_OF_GROSS)), "currency",
	    pt_cell(f, 0, PT_OF_CURRENCY));
	if (pt_cell(f, 0, PT_OF_REASON) != NULL)
		pt_node(d, "reason", pt_cell(f, 0, PT_OF_REASON));
	pt_node(d, "link", pt_printf(req, "%s/orders/%s", pt_base_url(), pt_cell(f, 0, PT_OF_NUMBER)));
	return d;
}

/* The buyer is told of the decision (unless they want no mails about orders). */
static int
tell_buyer(struct pt_req *req, long long order_id, const char *decision, const char *decider,
    const char *comment)
{
	struct pt_rows f;
	xmlNodePtr d;
	int rc;

	if ((rc = pt_order_facts(req, order_id, &f)) != PT_OK)
		return rc;
	if (pt_cell_int(&f, 0, PT_OF_BUYER_MAILS) != 1)
		return PT_OK;
	if ((d = pt_order_mail_data(req, &f)) == NULL)
		return PT_ENOMEM;
	pt_attr(d, "decision", decision);
	pt_node(d, "approver", decider);
	pt_node(d, "comment", comment);
	return pt_mail_queue(req, "order-decision", pt_cell(&f, 0, PT_OF_BUYER_EMAIL),
	    pt_cell(&f, 0, PT_OF_BUYER), pt_mail_lang(pt_cell(&f, 0, PT_OF_BUYER_LANG)), d);
}

int
pt_order_decide(struct pt_req *req, long long order_id, const char *decision,
    long long decided_by, const char *comment, const char **refusal)
{
	struct pt_rows o, lock, who = { 0 };
	const char *decider = "", *id;
	long long decider_org = 0;
	int rc;

	*refusal = NULL;
	if (strcmp(decision, "approved") != 0 && strcmp(decision, "rejected") != 0)
		return PT_EINVAL;
	if (comment == NULL)
		comment = "";
	if ((rc = pt_db_query(req, &sql[SQL_ORDER], &o, PT_BINDS(pt_int(order_id)))) != PT_OK)
		return rc;
	if (o.nrows != 1)
		return PT_ENOTFOUND;
	if (decided_by > 0) {
		if ((rc = pt_db_query(req, &sql[SQL_PERSON], &who, PT_BINDS(pt_int(decided_by)))) !=
		    PT_OK)
			return rc;
		if (who.nrows != 1)
			return PT_ENOTFOUND;
		decider = pt_cell(&who, 0, 0);
		decider_org = pt_cell_int(&who, 0, 1);
	}
	/* The buyer's budget lock first, as checkout takes it. */
	if ((rc = pt_order_budget_lock(req, pt_cell_int(&o, 0, 0), pt_cell_int(&o, 0, 1))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(order_id)))) != PT_OK)
		return rc;
	if (lock.nrows != 1 || strcmp(pt_cell(&lock, 0, 0), "awaiting_approval") != 0) {
		*refusal = "orders.approval.not-waiting";
		return PT_OK;
	}
	id = pt_printf(req, "%lld", order_id);
	if ((rc = pt_db_exec(req, &sql[SQL_DECIDE], PT_BINDS(pt_str(decision),
	    decided_by > 0 ? pt_int(decided_by) : pt_str(NULL), pt_str(comment), pt_str(decision),
	    pt_int(order_id)), NULL)) != PT_OK ||
	    (rc = pt_order_event(req, order_id, decided_by, decision, comment)) != PT_OK ||
	    (rc = tell_buyer(req, order_id, decision, decider, comment)) != PT_OK)
		return rc;
	return pt_audit_as(req, decided_by, decider_org,
	    strcmp(decision, "approved") == 0 ? "order.approve" : "order.reject", "order", id,
	    "{\"status\":\"awaiting_approval\"}",
	    pt_printf(req, "{\"status\":\"%s\",\"comment\":%s}", decision, pt_json_str(req, comment)));
}
