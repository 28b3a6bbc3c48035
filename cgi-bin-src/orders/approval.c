/*
 * The approval step: an order above its buyer's limits (checkout.c)
 * waits for a person of the same organisation who holds orders.approve.
 * Each of them (but the buyer) is told by mail, in their language and time
 * zone, and finds it in their list (GET /orders/approvals); no one decides
 * their own order.
 *
 * The step runs as the BPMN process order-approval (processes/), which
 * checkout starts with the order's number as business key: its user task
 * is the approval, offered to the org's approvers and customer admins,
 * with a reminder after a business day and the customer admin's own task
 * after three.  Approvers complete it in the inbox (/tasks/) or on the
 * order's page with a comment (required to reject here): either way the
 * task is completed (pt_flow_complete) and portico-flowd's order.set
 * action takes the decision (lib/order-approval.c: status, decided_by,
 * the comment, counted_at, the timeline, the buyer's mail).  Until flowd
 * took it, the order's page says the decision is recorded.
 */
#include <string.h>

#include "orders.h"

#define DECIDED_SHOWN	20	/* the most recent decisions on the list */

enum approval_sql {
	SQL_WAITING, SQL_DECIDED, SQL_APPROVERS, SQL_TASK, SQL_TOUCH, SQL_WITHDRAW, SQL_INSTANCES,
	SQL__MAX
};

/* A row of the lists (binds: org). */
#define LIST_COLUMNS \
	"SELECT " OR_SUMMARY_COLUMNS ", d.name, " OR_ISO("o.decided_at") ", o.decision_comment" \
	" FROM orders o JOIN users u ON u.id = o.buyer_id LEFT JOIN users d ON d.id = o.decided_by"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_WAITING] = { "or_approval_waiting",
	    LIST_COLUMNS " WHERE o.org_id = ? AND o.status = 'awaiting_approval'"
	    " ORDER BY o.created_at, o.id" },
	[SQL_DECIDED] = { "or_approval_decided",
	    LIST_COLUMNS " WHERE o.org_id = ? AND o.decided_at IS NOT NULL"
	    " ORDER BY o.decided_at DESC, o.id DESC LIMIT " OR_XSTR(DECIDED_SHOWN) },
	/* Who may approve in the org, but the buyer, and wants mails about orders.  Binds: org, buyer. */
	[SQL_APPROVERS] = { "or_approval_approvers",
	    "SELECT DISTINCT u.id, u.email, u.name, COALESCE(u.language, og.language, 'en')"
	    " FROM users u JOIN orgs og ON og.id = u.org_id"
	    " JOIN user_roles ur ON ur.user_id = u.id"
	    " JOIN role_permissions rp ON rp.role_id = ur.role_id"
	    " JOIN permissions p ON p.id = rp.permission_id"
	    " WHERE u.org_id = ? AND u.id <> ? AND u.status = 'active' AND u.notify_orders = 1"
	    " AND p.name IN ('" OR_PERM_APPROVE "', 'orders.*') ORDER BY u.id" },
	/*
	 * The order's approval task still open or being completed, newest
	 * first, and whether the reader may complete it: its assignee, or
	 * holding a candidate role while nobody has it.  Binds: user, number, org.
	 */
	[SQL_TASK] = { "or_approval_task",
	    "SELECT t.id, t.state, t.assignee_id = ? OR (t.assignee_id IS NULL AND EXISTS"
	    " (SELECT 1 FROM flow_task_candidates c JOIN user_roles ur ON ur.role_id = c.role_id"
	    "   WHERE c.task_id = t.id AND c.org_id = t.org_id AND ur.user_id = ?))"
	    " FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id"
	    " JOIN flow_definitions d ON d.id = i.definition_id"
	    " WHERE t.business_key = ? AND t.org_id = ? AND t.state IN ('open', 'completing')"
	    " AND d.process_key = '" OR_APPROVAL_PROCESS "' ORDER BY t.id DESC LIMIT 1" },
	/* The order's approval instances still going (order numbers are unique).  Binds: number. */
	/*
	 * A start flowd has not taken yet is withdrawn (one it is taking
	 * waits for its commit: its instance is then found below).  Binds: number.
	 */
	[SQL_WITHDRAW] = { "or_approval_withdraw",
	    "DELETE FROM flow_commands WHERE kind = 'start' AND process_key = '" OR_APPROVAL_PROCESS "'"
	    " AND business_key = ? AND failed_at IS NULL" },
	/* A locking read: it sees an instance committed after this transaction's snapshot. */
	[SQL_INSTANCES] = { "or_approval_instances",
	    "SELECT i.id FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id"
	    " WHERE i.business_key = ? AND i.state IN ('running', 'suspended')"
	    " AND d.process_key = '" OR_APPROVAL_PROCESS "' LOCK IN SHARE MODE" },
	/* The order's page says the decision is recorded: its kept copy turns (kept.c). */
	[SQL_TOUCH] = { "or_approval_touch",
	    "UPDATE orders SET updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
};

enum { W_DECIDER = OR_SUMMARY_NCOLS, W_DECIDED, W_COMMENT };
enum { R_ID, R_EMAIL, R_NAME, R_LANG };

int
or_approval_request(struct pt_req *req, long long order_id)
{
	struct pt_rows f, to;
	struct pt_mail *m;
	size_t i;
	int rc;

	if ((rc = pt_order_facts(req, order_id, &f)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_APPROVERS], &to, PT_BINDS(pt_str(pt_cell(&f, 0,
	    PT_OF_ORG_ID)), pt_str(pt_cell(&f, 0, PT_OF_BUYER_ID))))) != PT_OK)
		return rc;
	if (to.nrows == 0)
		return PT_OK;
	if ((m = pt_alloc(req, to.nrows * sizeof(*m))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < to.nrows; i++) {
		m[i].template = "order-approval";
		m[i].to_email = pt_cell(&to, i, R_EMAIL);
		m[i].to_name = pt_cell(&to, i, R_NAME);
		m[i].lang = pt_mail_lang(pt_cell(&to, i, R_LANG));
		m[i].data = pt_order_mail_data(req, &f);
		m[i].th = NULL;
	}
	return pt_mail_queue_all(req, m, to.nrows);
}

int
or_approval_task(struct pt_req *req, const char *number, struct or_approval_task *t)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows r;
	int rc;

	memset(t, 0, sizeof(*t));
	if ((rc = pt_db_query(req, &sql[SQL_TASK], &r, PT_BINDS(pt_int(u->id), pt_int(u->id),
	    pt_str(number), pt_int(u->org_id)))) != PT_OK)
		return rc;
	if (r.nrows == 1) {
		t->id = pt_cell_int(&r, 0, 0);
		t->completing = strcmp(pt_cell(&r, 0, 1), "completing") == 0;
		t->mine = pt_cell(&r, 0, 2) != NULL && pt_cell_int(&r, 0, 2) == 1;
	}
	return PT_OK;
}

int
or_approval_cancel(struct pt_req *req, const char *number)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows r;
	size_t i;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_WITHDRAW], PT_BINDS(pt_str(number)), NULL)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_INSTANCES], &r, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	for (i = 0; i < r.nrows; i++)
		if ((rc = pt_flow_control(req, PT_FLOW_CANCEL, pt_cell_int(&r, i, 0),
		    u != NULL ? u->id : 0)) != PT_OK)
			return rc;
	return PT_OK;
}

static void
list_nodes(struct pt_req *req, xmlNodePtr parent, const char *name, const struct pt_rows *rows)
{
	xmlNodePtr l = pt_node(parent, name, NULL);
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr o = or_summary_node(req, l, rows, i);

		if (pt_cell(rows, i, W_DECIDED) != NULL)
			pt_attr(o, "decided", pt_cell(rows, i, W_DECIDED));
		if (pt_cell(rows, i, W_DECIDER) != NULL)
			pt_node(o, "decider", pt_cell(rows, i, W_DECIDER));
		if (*pt_cell(rows, i, W_COMMENT) != '\0')
			pt_node(o, "comment", pt_cell(rows, i, W_COMMENT));
	}
}

/* GET /orders/approvals */
static int
approvals(struct pt_req *req)
{
	struct pt_rows waiting, decided;
	xmlNodePtr a;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_WAITING], &waiting,
	    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_DECIDED], &decided,
	    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	a = pt_node(req->page, "approvals", NULL);
	list_nodes(req, a, "waiting", &waiting);
	list_nodes(req, a, "decided", &decided);
	req->view = "approvals";
	return 200;
}

static const struct pt_input comment_input = {
	"comment", PT_IN_TEXT, 0, 0, OR_COMMENT_MAX_CHARS, NULL, 0
};

/* The order's page again with the comment kept and status 422. */
static int
again(struct pt_req *req, const char *key, const char *field, const char *comment)
{
	if (key != NULL)
		pt_message(req, "error", key, field);
	pt_form_values(req, "decision", (const char *const[]){ "comment" }, &comment, 1);
	return or_order_page(req, 422, req->caps[1]);
}

/*
 * POST /orders/<number>/approve and /reject: complete the order's approval
 * task with approved and the comment; flowd decides.
 */
static int
decide(struct pt_req *req, const char *decision)
{
	const struct pt_user *u = req->session.user;
	struct or_approval_task task;
	const char *comment;
	struct pt_rows o;
	int rc;

	if ((rc = or_order_find(req, req->caps[1], &o)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (pt_cell_int(&o, 0, OR_O_BUYER_ID) == u->id)
		return pt_error_page(req, 403, "orders.approval.own");
	if ((rc = pt_input_read(req, &comment_input, 1, &comment)) != 0)
		return rc < 0 ? rc : again(req, NULL, NULL, comment);
	if (strcmp(decision, "rejected") == 0 && *comment == '\0')
		return again(req, "orders.approval.reason", "comment", comment);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = or_approval_task(req, req->caps[1], &task)) != PT_OK)
		return or_undo(req, rc);
	if (task.id == 0 || task.completing || strcmp(pt_cell(&o, 0, OR_O_STATUS),
	    "awaiting_approval") != 0) {
		pt_db_rollback(req);
		return again(req, strcmp(pt_cell(&o, 0, OR_O_STATUS), "awaiting_approval") != 0 ?
		    "orders.approval.not-waiting" : task.completing ? "orders.approval.recorded" :
		    "orders.approval.preparing", NULL, comment);
	}
	if (!task.mine) {
		pt_db_rollback(req);
		return pt_error_page(req, 403, "orders.approval.not-yours");
	}
	{
		const struct pt_flow_var vars[] = {
			PT_FLOW_BOOL("approved", strcmp(decision, "approved") == 0),
			PT_FLOW_STR("comment", comment),
		};

		rc = pt_flow_complete(req, task.id, u->id, vars, PT_NELEM(vars));
	}
	if (rc == PT_ENOTFOUND) {	/* completed in the inbox meanwhile */
		pt_db_rollback(req);
		return again(req, "orders.approval.recorded", NULL, comment);
	}
	if (rc != PT_OK || (rc = pt_db_exec(req, &sql[SQL_TOUCH],
	    PT_BINDS(pt_int(pt_cell_int(&o, 0, OR_O_ID))), NULL)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		return or_undo(req, rc);
	return pt_redirect(req, pt_printf(req, "%s?decided=1", or_order_href(req, req->caps[1])));
}

static int
approve(struct pt_req *req)
{
	return decide(req, "approved");
}

static int
reject(struct pt_req *req)
{
	return decide(req, "rejected");
}

#define ORDER "/orders/" OR_NUMBER_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET,  "/orders/approvals",	approvals,	PT_R_LOGIN, OR_PERM_APPROVE },
	{ PT_POST, ORDER "/approve",	approve,	PT_R_LOGIN, OR_PERM_APPROVE },
	{ PT_POST, ORDER "/reject",	reject,		PT_R_LOGIN, OR_PERM_APPROVE },
};

static const char *const views[] = { "approvals" };

const struct pt_group or_approval_group = PT_GROUP(routes, sql, views);
