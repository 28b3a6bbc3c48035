/*
 * An order's page (GET /orders/<number>): its facts, the delivery
 * address as it was ordered, the lines with their prices and tax, the tax
 * per rate, the totals and its timeline; and what the reader may do with
 * it: cancel it while nothing of it is shipped (its buyer, or an
 * approver), order it again (orders.place), approve or reject it
 * (approval.c).  Only orders of the reader's organisation exist for them
 * (another's: 404); of those, every one with orders.read.org, else only
 * their own (403).
 *
 * "Order again" (POST /orders/<number>/repeat) copies the lines that are
 * still sold into the reader's cart, at today's prices; the cart then
 * says what costs something else now and what is no longer sold.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orders.h"

enum order_sql {
	SQL_ORDER, SQL_LINES, SQL_RETURNS, SQL_EVENTS, SQL_LOCK, SQL_CANCEL, SQL_REPEAT, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: number, org. */
	[SQL_ORDER] = { "or_order_get",
	    "SELECT " OR_ORDER_COLUMNS OR_ORDER_FROM " WHERE o.number = ? AND o.org_id = ?" },
	/*
	 * With what was shipped of each line, what arrived, what returns (but
	 * the rejected) took of it, and whether its return window is open
	 * (return_days after it last arrived; a line of no product, free text
	 * of an offer, has none).
	 */
	[SQL_LINES] = { "or_order_lines",
	    "SELECT ol.line_no, ol.sku, ol.name, ol.unit, ol.quantity, ol.unit_price_minor,"
	    " ol.contract_price, ol.tax_class, ol.tax_rate_bp, ol.net_minor, ol.tax_minor,"
	    " ol.gross_minor, (SELECT COALESCE(SUM(sl.quantity), 0) FROM shipment_lines sl"
	    "   WHERE sl.order_id = ol.order_id AND sl.line_no = ol.line_no),"
	    " (SELECT COALESCE(SUM(sl.quantity), 0) FROM shipment_lines sl"
	    "   JOIN shipments s ON s.id = sl.shipment_id WHERE sl.order_id = ol.order_id"
	    "   AND sl.line_no = ol.line_no AND s.delivered_at IS NOT NULL),"
	    " (SELECT COALESCE(SUM(rl.quantity), 0) FROM return_lines rl JOIN returns r ON r.id = rl.return_id"
	    "   WHERE rl.order_id = ol.order_id AND rl.line_no = ol.line_no AND r.status <> 'rejected'),"
	    " COALESCE(p.return_days, 0) > 0 AND (SELECT MAX(s.delivered_at) FROM shipment_lines sl"
	    "   JOIN shipments s ON s.id = sl.shipment_id WHERE sl.order_id = ol.order_id"
	    "   AND sl.line_no = ol.line_no) + INTERVAL p.return_days DAY >= UTC_TIMESTAMP(6)"
	    " FROM order_lines ol LEFT JOIN products p ON p.id = ol.product_id"
	    " WHERE ol.order_id = ? ORDER BY ol.line_no" },
	/* The order's returns.  Binds: order. */
	[SQL_RETURNS] = { "or_order_returns",
	    "SELECT number, status, " OR_ISO("created_at") " FROM returns WHERE order_id = ? ORDER BY id" },
	/*
	 * The timeline with its shipments in one statement (the page keeps to
	 * five): an event about a shipment that left comes once per line of
	 * it, with the shipment's facts; every other event once.
	 */
	[SQL_EVENTS] = { "or_order_events",
	    "SELECT e.id, " OR_ISO("e.at") ", e.status, e.comment, u.name, e.shipment_action, s.no,"
	    " s.carrier, s.tracking_number, s.tracking_url, " OR_ISO("s.shipped_at") ","
	    " " OR_ISO("s.delivered_at") ", sl.line_no, sl.quantity"
	    " FROM order_events e LEFT JOIN users u ON u.id = e.user_id"
	    " LEFT JOIN shipments s ON s.id = e.shipment_id"
	    " LEFT JOIN shipment_lines sl ON sl.shipment_id = s.id AND e.shipment_action = 'shipped'"
	    " WHERE e.order_id = ? ORDER BY e.id, sl.line_no" },
	[SQL_LOCK] = { "or_order_lock",
	    "SELECT status FROM orders WHERE id = ? FOR UPDATE" },
	[SQL_CANCEL] = { "or_order_cancel",
	    "UPDATE orders SET status = 'cancelled', updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* Its lines that the org may order today.  Binds: org, lang, order. */
	[SQL_REPEAT] = { "or_order_repeat",
	    "SELECT ol.product_id, ol.quantity FROM products p JOIN orgs o ON o.id = ?"
	    " LEFT JOIN contract_prices cp ON cp.org_id = o.id AND cp.product_id = p.id"
	    "   AND cp.currency = o.currency"
	    " LEFT JOIN product_prices lp ON lp.product_id = p.id AND lp.currency = o.currency"
	    " JOIN order_lines ol ON ol.product_id = p.id AND ol.order_id = ?"
	    " WHERE p.active = 1 AND" OR_VISIBLE
	    " AND COALESCE(cp.amount_minor, lp.amount_minor) IS NOT NULL ORDER BY ol.line_no" },
};

enum {
	O_ID, O_NUMBER, O_STATUS, O_BUYER_ID, O_BUYER, O_CURRENCY, O_NET, O_TAX, O_GROSS, O_PO,
	O_COST_CENTRE, O_REQUESTED, O_NOTE, O_LABEL, O_RECIPIENT, O_STREET, O_STREET2, O_POSTAL,
	O_CITY, O_COUNTRY, O_REASON, O_COUNTED, O_DECIDER, O_DECIDED, O_COMMENT, O_CREATED,
	O_UPDATED, O_INVOICES
};
enum {
	L_NO, L_SKU, L_NAME, L_UNIT, L_QTY, L_UNIT_PRICE, L_CONTRACT, L_TAX_CLASS, L_RATE, L_NET,
	L_TAX, L_GROSS, L_SHIPPED, L_DELIVERED, L_RETURNED, L_RETURN_OPEN
};
enum {
	E_ID, E_AT, E_STATUS, E_COMMENT, E_BY, E_ACTION, E_SHIP_NO, E_CARRIER, E_TRACKING,
	E_TRACKING_URL, E_SHIPPED, E_DELIVERED, E_LINE, E_LINE_QTY
};

int
or_order_find(struct pt_req *req, const char *number, struct pt_rows *order)
{
	int rc;

	if (!or_number_ok(number))
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_ORDER], order, PT_BINDS(pt_str(number),
	    pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	return order->nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

int
or_order_readable(const struct pt_req *req, const struct pt_rows *order)
{
	return pt_can(req, OR_PERM_READ_ORG) || pt_can(req, OR_PERM_APPROVE) ||
	    pt_cell_int(order, 0, O_BUYER_ID) == req->session.user->id;
}

/* The buyer while they may still order, or an approver. */
static int
may_cancel(const struct pt_req *req, const struct pt_rows *order)
{
	return pt_can(req, OR_PERM_APPROVE) || (pt_can(req, OR_PERM_PLACE) &&
	    pt_cell_int(order, 0, O_BUYER_ID) == req->session.user->id);
}

/* <lines> and <taxes> under order; returns 1 when a line may be returned now. */
static int
lines_node(xmlNodePtr order, const struct pt_rows *lines)
{
	int any = 0;
	xmlNodePtr l = pt_node(order, "lines", NULL), taxes = pt_node(order, "taxes", NULL);
	size_t i, j;

	for (i = 0; i < lines->nrows; i++) {
		xmlNodePtr n = pt_node(l, "line", NULL);

		pt_attr(n, "no", pt_cell(lines, i, L_NO));
		pt_attr(n, "sku", pt_cell(lines, i, L_SKU));
		pt_attr(n, "unit", pt_cell(lines, i, L_UNIT));
		pt_attr(n, "quantity", pt_cell(lines, i, L_QTY));
		pt_attr(n, "unit-minor", pt_cell(lines, i, L_UNIT_PRICE));
		if (pt_cell_int(lines, i, L_CONTRACT) == 1)
			pt_attr(n, "contract", "1");
		pt_attr(n, "tax-class", pt_cell(lines, i, L_TAX_CLASS));
		pt_attr(n, "rate-bp", pt_cell(lines, i, L_RATE));
		pt_attr(n, "net", pt_cell(lines, i, L_NET));
		pt_attr(n, "tax", pt_cell(lines, i, L_TAX));
		pt_attr(n, "gross", pt_cell(lines, i, L_GROSS));
		pt_attr(n, "shipped", pt_cell(lines, i, L_SHIPPED));
		pt_attr(n, "delivered", pt_cell(lines, i, L_DELIVERED));
		pt_attr(n, "returned", pt_cell(lines, i, L_RETURNED));
		if (pt_cell_int(lines, i, L_RETURN_OPEN) == 1 &&
		    pt_cell_int(lines, i, L_DELIVERED) > pt_cell_int(lines, i, L_RETURNED)) {
			pt_attr(n, "returnable", "1");
			any = 1;
		}
		pt_node(n, "name", pt_cell(lines, i, L_NAME));
	}
	/* The tax per rate, in the order the rates first appear: what an invoice lists. */
	for (i = 0; i < lines->nrows; i++) {
		long long net = 0, tax = 0;
		int seen = 0;

		for (j = 0; j < i && !seen; j++)
			seen = pt_cell_int(lines, j, L_RATE) == pt_cell_int(lines, i, L_RATE);
		if (seen)
			continue;
		for (j = i; j < lines->nrows; j++)
			if (pt_cell_int(lines, j, L_RATE) == pt_cell_int(lines, i, L_RATE)) {
				net += pt_cell_int(lines, j, L_NET);
				tax += pt_cell_int(lines, j, L_TAX);
			}
		l = pt_node(taxes, "tax", NULL);
		pt_attr(l, "rate-bp", pt_cell(lines, i, L_RATE));
		pt_attr_int(l, "net", net);
		pt_attr_int(l, "tax", tax);
	}
	return any;
}

/* <shipment no carrier shipped [delivered]><tracking [href]/><line no quantity/>...</shipment>. */
static xmlNodePtr
shipment_node(xmlNodePtr parent, const struct pt_rows *ev, size_t r)
{
	xmlNodePtr s = pt_node(parent, "shipment", NULL), t;
	const char *url = pt_cell(ev, r, E_TRACKING_URL);

	pt_attr(s, "no", pt_cell(ev, r, E_SHIP_NO));
	pt_attr(s, "shipped", pt_cell(ev, r, E_SHIPPED));
	if (pt_cell(ev, r, E_DELIVERED) != NULL)
		pt_attr(s, "delivered", pt_cell(ev, r, E_DELIVERED));
	pt_node(s, "carrier", pt_cell(ev, r, E_CARRIER));
	t = pt_node(s, "tracking", pt_cell(ev, r, E_TRACKING));
	/* Checked when it was stored; checked again before it becomes an href. */
	if (*url != '\0' && or_http_url_ok(url))
		pt_attr(t, "href", url);
	return s;
}

/* <timeline> of events and <shipments>, from the rows of SQL_EVENTS. */
static void
events_node(xmlNodePtr order, const struct pt_rows *ev)
{
	xmlNodePtr t = pt_node(order, "timeline", NULL), ships = pt_node(order, "shipments", NULL);
	xmlNodePtr s = NULL, e, l;
	const char *action;
	size_t i;

	for (i = 0; i < ev->nrows; i++) {
		/* A row after the first of an event is another line of its shipment. */
		if (i == 0 || strcmp(pt_cell(ev, i, E_ID), pt_cell(ev, i - 1, E_ID)) != 0) {
			e = pt_node(t, "event", NULL);
			pt_attr(e, "at", pt_cell(ev, i, E_AT));
			pt_attr(e, "status", pt_cell(ev, i, E_STATUS));
			if (pt_cell(ev, i, E_BY) != NULL)
				pt_node(e, "by", pt_cell(ev, i, E_BY));
			if (*pt_cell(ev, i, E_COMMENT) != '\0')
				pt_node(e, "comment", pt_cell(ev, i, E_COMMENT));
			s = NULL;
			action = pt_cell(ev, i, E_ACTION);
			if (action != NULL && pt_cell(ev, i, E_SHIP_NO) != NULL) {
				pt_attr(e, "shipment", pt_cell(ev, i, E_SHIP_NO));
				pt_attr(e, "action", action);
				if (strcmp(action, "shipped") == 0)
					s = shipment_node(ships, ev, i);
			}
		}
		if (s != NULL && pt_cell(ev, i, E_LINE) != NULL) {
			l = pt_node(s, "line", NULL);
			pt_attr(l, "no", pt_cell(ev, i, E_LINE));
			pt_attr(l, "quantity", pt_cell(ev, i, E_LINE_QTY));
		}
	}
}

xmlNodePtr
or_order_facts(struct pt_req *req, const struct pt_rows *o)
{
	xmlNodePtr n = pt_node(req->page, "order", NULL), t;

	pt_attr(n, "number", pt_cell(o, 0, O_NUMBER));
	pt_attr(n, "href", or_order_href(req, pt_cell(o, 0, O_NUMBER)));
	pt_attr(n, "status", pt_cell(o, 0, O_STATUS));
	pt_attr(n, "currency", pt_cell(o, 0, O_CURRENCY));
	pt_attr(n, "created", pt_cell(o, 0, O_CREATED));
	pt_attr(n, "updated", pt_cell(o, 0, O_UPDATED));
	or_invoices_node(req, n, pt_cell(o, 0, O_INVOICES));
	pt_attr(n, "counted", pt_cell(o, 0, O_COUNTED));
	pt_attr(n, "buyer-id", pt_cell(o, 0, O_BUYER_ID));
	if (pt_cell(o, 0, O_REASON) != NULL)
		pt_attr(n, "budget-reason", pt_cell(o, 0, O_REASON));
	pt_node(n, "buyer", pt_cell(o, 0, O_BUYER));
	pt_node(n, "po-number", pt_cell(o, 0, O_PO));
	pt_node(n, "cost-centre", pt_cell(o, 0, O_COST_CENTRE));
	if (pt_cell(o, 0, O_REQUESTED) != NULL)
		pt_node(n, "requested-date", pt_cell(o, 0, O_REQUESTED));
	pt_node(n, "note", pt_cell(o, 0, O_NOTE));
	or_address_node(n, o, 0, O_LABEL);
	t = pt_node(n, "totals", NULL);
	pt_attr(t, "net", pt_cell(o, 0, O_NET));
	pt_attr(t, "tax", pt_cell(o, 0, O_TAX));
	pt_attr(t, "gross", pt_cell(o, 0, O_GROSS));
	if (pt_cell(o, 0, O_DECIDED) != NULL) {
		xmlNodePtr d = pt_node(n, "decision", NULL);

		pt_attr(d, "at", pt_cell(o, 0, O_DECIDED));
		pt_node(d, "by", pt_cell(o, 0, O_DECIDER));
		pt_node(d, "comment", pt_cell(o, 0, O_COMMENT));
	}
	return n;
}

int
or_order_details(struct pt_req *req, xmlNodePtr order, const char *order_id, int *returnable)
{
	struct pt_rows lines, events;
	int rc, any;

	if ((rc = pt_db_query(req, &sql[SQL_LINES], &lines, PT_BINDS(pt_str(order_id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_EVENTS], &events, PT_BINDS(pt_str(order_id)))) != PT_OK)
		return rc;
	any = lines_node(order, &lines);
	if (returnable != NULL)
		*returnable = any;
	events_node(order, &events);
	return PT_OK;
}

int
or_order_returns(struct pt_req *req, xmlNodePtr order, const char *order_id)
{
	struct pt_rows r;
	xmlNodePtr l;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_RETURNS], &r, PT_BINDS(pt_str(order_id)))) != PT_OK)
		return rc;
	l = pt_node(order, "returns", NULL);
	for (i = 0; i < r.nrows; i++) {
		xmlNodePtr n = pt_node(l, "return", NULL);

		pt_attr(n, "number", pt_cell(&r, i, 0));
		pt_attr(n, "href", pt_printf(req, "/orders/returns/%s", pt_cell(&r, i, 0)));
		pt_attr(n, "status", pt_cell(&r, i, 1));
		pt_attr(n, "created", pt_cell(&r, i, 2));
	}
	return PT_OK;
}

/* What the order's <invoices> under n still bill: invoices less credit notes (or_order_billed). */
static long long
billed(xmlNodePtr n)
{
	xmlNodePtr l, i;
	long long sum = 0;
	xmlChar *g;

	for (l = n->children; l != NULL; l = l->next)
		if (l->type == XML_ELEMENT_NODE && xmlStrEqual(l->name, BAD_CAST "invoices"))
			for (i = l->children; i != NULL; i = i->next)
				if (i->type == XML_ELEMENT_NODE && (g = xmlGetProp(i, BAD_CAST "gross")) != NULL) {
					sum += strtoll((const char *)g, NULL, 10);
					xmlFree(g);
				}
	return sum;
}

/* <order> with everything the page shows. */
static int
order_node(struct pt_req *req, const struct pt_rows *o)
{
	xmlNodePtr n = or_order_facts(req, o), t;
	const char *status = pt_cell(o, 0, O_STATUS);
	int rc, returnable;

	if ((rc = or_order_details(req, n, pt_cell(o, 0, O_ID), &returnable)) != PT_OK ||
	    (rc = or_order_returns(req, n, pt_cell(o, 0, O_ID))) != PT_OK)
		return rc;
	t = pt_node(n, "actions", NULL);
	if (returnable && pt_can(req, OR_PERM_RETURN))
		pt_attr(t, "return", "1");
	if (or_cancellable(status) && may_cancel(req, o) && billed(n) == 0)
		pt_attr(t, "cancel", "1");
	if (pt_can(req, OR_PERM_PLACE))
		pt_attr(t, "repeat", "1");
	if (strcmp(status, "awaiting_approval") == 0 && pt_can(req, OR_PERM_APPROVE)) {
		struct or_approval_task task;

		if ((rc = or_approval_task(req, pt_cell(o, 0, O_NUMBER), &task)) != PT_OK)
			return rc;
		/* The form while its task is open for the reader; what became of it otherwise. */
		if (pt_cell_int(o, 0, O_BUYER_ID) == req->session.user->id)
			pt_attr(t, "decide", "own");
		else if (task.completing)
			pt_attr(t, "decide", "recorded");
		else if (task.id != 0)
			pt_attr(t, "decide", task.mine ? "1" : "other");
		else
			pt_attr(t, "decide", "preparing");	/* flowd has not made the task yet */
		/*
		 * What flowd does next (make the task, decide) changes the page
		 * within moments; making the task does not touch the order's
		 * row, so a kept copy of these would outlive it.
		 */
		if (task.completing || task.id == 0)
			pt_pagecache_until(req, time(NULL) + 1);
	}
	return PT_OK;
}

int
or_order_page(struct pt_req *req, int status, const char *number)
{
	struct pt_rows o;
	int rc;

	if ((rc = or_order_find(req, number, &o)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (!or_order_readable(req, &o))
		return pt_error_page(req, 403, NULL);
	if ((rc = order_node(req, &o)) != PT_OK)
		return rc;
	pt_limit(req, "comment", OR_COMMENT_MAX_CHARS);
	pt_limit(req, "cancel_comment", OR_COMMENT_MAX_CHARS);
	or_flash(req, "placed", "orders.order.placed");
	or_flash(req, "cancelled", "orders.order.cancelled");
	or_flash(req, "decided", "orders.order.decided");
	req->view = "order";
	return status;
}

/* GET /orders/<number> */
static int
order(struct pt_req *req)
{
	int rc;

	if (or_kept_order(req, req->caps[1]))
		return 200;
	if ((rc = or_order_page(req, 200, req->caps[1])) == 200)
		or_kept_keep(req);
	return rc;
}

static const struct pt_input comment_input = {
	"cancel_comment", PT_IN_TEXT, 0, 0, OR_COMMENT_MAX_CHARS, NULL, 0
};

/* POST /orders/<number>/cancel: while nothing is shipped, with an optional comment. */
static int
cancel(struct pt_req *req)
{
	const char *comment, *before;
	struct pt_rows o, lock;
	long long id, billed;
	int rc;

	if ((rc = or_order_find(req, req->caps[1], &o)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (!or_order_readable(req, &o) || !may_cancel(req, &o))
		return pt_error_page(req, 403, NULL);
	if ((rc = pt_input_read(req, &comment_input, 1, &comment)) != 0) {
		if (rc < 0)
			return rc;
		pt_form_values(req, "cancel", (const char *const[]){ "cancel_comment" }, &comment, 1);
		return or_order_page(req, 422, req->caps[1]);
	}
	id = pt_cell_int(&o, 0, O_ID);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(id)))) != PT_OK)
		return or_undo(req, rc);
	if (lock.nrows != 1 || !or_cancellable(pt_cell(&lock, 0, 0))) {
		pt_db_rollback(req);
		pt_message(req, "error", "orders.order.not-cancellable", NULL);
		return or_order_page(req, 422, req->caps[1]);
	}
	if ((rc = or_order_billed(req, id, &billed)) != PT_OK)
		return or_undo(req, rc);
	if (billed != 0) {
		pt_db_rollback(req);
		pt_message(req, "error", "orders.order.invoiced", NULL);
		return or_order_page(req, 422, req->caps[1]);
	}
	before = pt_printf(req, "{\"status\":\"%s\"}", pt_cell(&lock, 0, 0));
	if ((rc = pt_db_exec(req, &sql[SQL_CANCEL], PT_BINDS(pt_int(id)), NULL)) == PT_OK &&
	    (rc = or_order_event(req, id, "cancelled", comment, 1)) == PT_OK &&
	    strcmp(pt_cell(&lock, 0, 0), "awaiting_approval") == 0)
		rc = or_approval_cancel(req, req->caps[1]);
	return or_done(req, rc, "order.cancel", "order", pt_cell(&o, 0, O_ID), before,
	    pt_printf(req, "{\"status\":\"cancelled\",\"comment\":%s}", pt_json_str(req, comment)),
	    pt_printf(req, "%s?cancelled=1", or_order_href(req, req->caps[1])));
}

/* POST /orders/<number>/repeat: the lines still sold into the cart. */
static int
repeat(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows o, lines;
	size_t i;
	int rc;

	if ((rc = or_order_find(req, req->caps[1], &o)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (!or_order_readable(req, &o))
		return pt_error_page(req, 403, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_REPEAT], &lines, PT_BINDS(pt_int(u->org_id),
	    pt_str(pt_cell(&o, 0, O_ID))))) != PT_OK)
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	for (i = 0; i < lines.nrows && rc == PT_OK; i++)
		rc = or_cart_add(req, pt_cell_int(&lines, i, 0), pt_cell_int(&lines, i, 1));
	return or_done(req, rc, "cart.repeat", "cart", pt_printf(req, "%lld", (long long)u->id),
	    NULL, pt_printf(req, "{\"order\":\"%s\",\"lines\":%zu}", pt_cell(&o, 0, O_NUMBER),
	    lines.nrows), pt_printf(req, "/orders/cart?repeat=%s", pt_cell(&o, 0, O_NUMBER)));
}

#define ORDER "/orders/" OR_NUMBER_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET,  ORDER,		order,	PT_R_LOGIN, OR_PERM_READ },
	{ PT_POST, ORDER "/cancel",	cancel,	PT_R_LOGIN, OR_PERM_READ },
	{ PT_POST, ORDER "/repeat",	repeat,	PT_R_LOGIN, OR_PERM_PLACE },
};

static const char *const views[] = { "order" };

const struct pt_group or_order_group = PT_GROUP(routes, sql, views);
