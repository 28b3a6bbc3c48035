/*
 * Orders in the integration API (orders.read): the feed of orders that
 * changed since a cursor, and one order with everything about it.
 *
 * The feed.  Every change of an order's status writes an order_events row
 * (submitted, approved, confirmed, shipped, ...), and its id is the
 * cursor: GET /api/v1/orders?since=<cursor> answers the orders with an
 * event after it, each once, at its latest event, oldest first, with its
 * lines, and the cursor to ask with next.  An ERP that keeps the cursor
 * sees every order that became new (status=submitted,approved: ready to
 * confirm) and every later change, however seldom it asks.  Events count
 * only once they are [api] feed_settle_ms old (1 s): an event's id is
 * given out when its transaction writes it, not when it commits, and a
 * feed that showed id 101 before 100 committed would step past 100 for
 * good.  Transactions that write events take milliseconds.
 */
#include <stdlib.h>
#include <string.h>

#include "api.h"

#define FEED_LIMIT_DEFAULT	50
#define FEED_LIMIT_MAX		200

/* The facts of an order every answer gives, in the order of enum below; o orders, g orgs, u buyers. */
#define ORDER_COLUMNS \
	"o.id, o.number, o.status, g.id, g.name, u.name, u.email, o.currency, o.net_minor," \
	" o.tax_minor, o.gross_minor, o.po_number, o.cost_centre, o.requested_date, o.note," \
	" o.ship_label, o.ship_recipient, o.ship_street, o.ship_street2, o.ship_postal_code," \
	" o.ship_city, o.ship_country, " OR_ISO("o.created_at") ", " OR_ISO("o.updated_at")
#define ORDER_JOINS " JOIN orgs g ON g.id = o.org_id JOIN users u ON u.id = o.buyer_id"
enum {
	O_ID, O_NUMBER, O_STATUS, O_ORG_ID, O_ORG, O_BUYER, O_EMAIL, O_CURRENCY, O_NET, O_TAX,
	O_GROSS, O_PO, O_COST_CENTRE, O_REQUESTED, O_NOTE, O_LABEL, O_RECIPIENT, O_STREET,
	O_STREET2, O_POSTAL, O_CITY, O_COUNTRY, O_CREATED, O_UPDATED, O__N
};

/* An order's lines, with what of each has been shipped. */
#define LINE_COLUMNS \
	"l.order_id, l.line_no, l.sku, l.name, l.unit, l.quantity, l.unit_price_minor," \
	" l.tax_rate_bp, l.net_minor, l.tax_minor, l.gross_minor," \
	" (SELECT COALESCE(SUM(s.quantity), 0) FROM shipment_lines s" \
	"   WHERE s.order_id = l.order_id AND s.line_no = l.line_no)"
enum {
	L_ORDER, L_NO, L_SKU, L_NAME, L_UNIT, L_QTY, L_PRICE, L_RATE, L_NET, L_TAX, L_GROSS,
	L_SHIPPED
};

enum api_orders_sql { SQL_FEED, SQL_FEED_LINES, SQL_ORDER, SQL_LINES, SQL_SHIPMENTS, SQL_EVENTS,
	SQL_INVOICES, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Binds: statuses (comma-separated, '' for all) twice, since, settle
	 * (microseconds), limit.  Each order once, at its latest settled event
	 * after since; the status filter is a column, so the cursor passes
	 * the orders it leaves out too.
	 */
	[SQL_FEED] = { "or_api_feed",
	    "SELECT " ORDER_COLUMNS ", f.last_event, ? = '' OR FIND_IN_SET(o.status, ?) > 0"
	    " FROM (SELECT e.order_id, MAX(e.id) AS last_event FROM order_events e"
	    "   WHERE e.id > ? AND e.at <= UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND"
	    "   GROUP BY e.order_id ORDER BY last_event LIMIT ?) f"
	    " JOIN orders o ON o.id = f.order_id" ORDER_JOINS " ORDER BY f.last_event" },
	/* The lines of the orders with events in (since, next]: the feed's page.  Binds: since, next. */
	[SQL_FEED_LINES] = { "or_api_feed_lines",
	    "SELECT " LINE_COLUMNS
	    " FROM (SELECT DISTINCT e.order_id FROM order_events e WHERE e.id > ? AND e.id <= ?) f"
	    " JOIN order_lines l ON l.order_id = f.order_id ORDER BY l.order_id, l.line_no" },
	[SQL_ORDER] = { "or_api_order",
	    "SELECT " ORDER_COLUMNS " FROM orders o" ORDER_JOINS " WHERE o.number = ?" },
	[SQL_LINES] = { "or_api_order_lines",
	    "SELECT " LINE_COLUMNS " FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no" },
	[SQL_SHIPMENTS] = { "or_api_order_shipments",
	    "SELECT s.no, s.carrier, s.tracking_number, s.tracking_url, " OR_ISO("s.shipped_at") ","
	    " " OR_ISO("s.delivered_at") ", sl.line_no, sl.quantity"
	    " FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id"
	    " WHERE s.order_id = ? ORDER BY s.no, sl.line_no" },
	[SQL_EVENTS] = { "or_api_order_events",
	    "SELECT e.id, " OR_ISO("e.at") ", e.status, e.comment, s.no, e.shipment_action"
	    " FROM order_events e LEFT JOIN shipments s ON s.id = e.shipment_id"
	    " WHERE e.order_id = ? ORDER BY e.id" },
	/* Its invoices and credit notes, in the order they were issued. */
	[SQL_INVOICES] = { "or_api_order_invoices",
	    "SELECT " OR_API_INVOICE_COLUMNS
	    " FROM invoices i LEFT JOIN shipments s ON s.id = i.shipment_id"
	    " WHERE i.order_id = ? ORDER BY i.id" },
};
enum { S_NO, S_CARRIER, S_TRACKING, S_URL, S_SHIPPED, S_DELIVERED, S_LINE, S_QTY };
enum { E_ID, E_AT, E_STATUS, E_COMMENT, E_SHIPMENT, E_ACTION };

/* {number, status, org, buyer, currency, amounts, po_number, ..., ship_to, created_at, updated_at}. */
static json_t *
order_json(const struct pt_rows *o, size_t r)
{
	json_t *j = json_object();

	if (j == NULL)
		return NULL;
	json_object_set_new(j, "number", or_api_cell_str(o, r, O_NUMBER));
	json_object_set_new(j, "status", or_api_cell_str(o, r, O_STATUS));
	json_object_set_new(j, "org", json_pack("{s:o, s:o}", "id", or_api_cell_int(o, r, O_ORG_ID),
	    "name", or_api_cell_str(o, r, O_ORG)));
	json_object_set_new(j, "buyer", json_pack("{s:o, s:o}", "name", or_api_cell_str(o, r, O_BUYER),
	    "email", or_api_cell_str(o, r, O_EMAIL)));
	json_object_set_new(j, "currency", or_api_cell_str(o, r, O_CURRENCY));
	json_object_set_new(j, "net_minor", or_api_cell_int(o, r, O_NET));
	json_object_set_new(j, "tax_minor", or_api_cell_int(o, r, O_TAX));
	json_object_set_new(j, "gross_minor", or_api_cell_int(o, r, O_GROSS));
	json_object_set_new(j, "po_number", or_api_cell_str(o, r, O_PO));
	json_object_set_new(j, "cost_centre", or_api_cell_str(o, r, O_COST_CENTRE));
	json_object_set_new(j, "requested_date", or_api_cell_str(o, r, O_REQUESTED));
	json_object_set_new(j, "note", or_api_cell_str(o, r, O_NOTE));
	json_object_set_new(j, "ship_to", json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "label", or_api_cell_str(o, r, O_LABEL), "recipient", or_api_cell_str(o, r, O_RECIPIENT),
	    "street", or_api_cell_str(o, r, O_STREET), "street2", or_api_cell_str(o, r, O_STREET2),
	    "postal_code", or_api_cell_str(o, r, O_POSTAL), "city", or_api_cell_str(o, r, O_CITY),
	    "country", or_api_cell_str(o, r, O_COUNTRY)));
	json_object_set_new(j, "created_at", or_api_cell_str(o, r, O_CREATED));
	json_object_set_new(j, "updated_at", or_api_cell_str(o, r, O_UPDATED));
	return j;
}

static json_t *
line_json(const struct pt_rows *l, size_t r)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "line", or_api_cell_int(l, r, L_NO), "sku", or_api_cell_str(l, r, L_SKU),
	    "name", or_api_cell_str(l, r, L_NAME), "unit", or_api_cell_str(l, r, L_UNIT),
	    "quantity", or_api_cell_int(l, r, L_QTY), "shipped", or_api_cell_int(l, r, L_SHIPPED),
	    "unit_price_minor", or_api_cell_int(l, r, L_PRICE),
	    "tax_rate_bp", or_api_cell_int(l, r, L_RATE), "net_minor", or_api_cell_int(l, r, L_NET),
	    "tax_minor", or_api_cell_int(l, r, L_TAX), "gross_minor", or_api_cell_int(l, r, L_GROSS));
}

enum { I_NUMBER, I_KIND, I_SHIPMENT, I_CURRENCY, I_NET, I_TAX, I_GROSS, I_ISSUED, I_DUE, I_STATUS };

json_t *
or_api_invoice_json(const struct pt_rows *i, size_t r)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "number", or_api_cell_str(i, r, I_NUMBER), "kind", or_api_cell_str(i, r, I_KIND),
	    "shipment", or_api_cell_int(i, r, I_SHIPMENT), "currency", or_api_cell_str(i, r, I_CURRENCY),
	    "net_minor", or_api_cell_int(i, r, I_NET), "tax_minor", or_api_cell_int(i, r, I_TAX),
	    "gross_minor", or_api_cell_int(i, r, I_GROSS), "issue_date", or_api_cell_str(i, r, I_ISSUED),
	    "due_date", or_api_cell_str(i, r, I_DUE), "status", or_api_cell_str(i, r, I_STATUS));
}

/* A query parameter as a whole number from min to max (absent: dflt); 0 when malformed. */
static int
param_int(struct pt_req *req, const char *name, long long min, long long max, long long dflt,
    long long *out)
{
	const char *v = pt_query(req, name);
	char *end;

	*out = dflt;
	if (v == NULL)
		return 1;
	if (*v == '\0' || strlen(v) > 18 || strspn(v, "0123456789") != strlen(v))
		return 0;
	*out = strtoll(v, &end, 10);
	return *out >= min && *out <= max;
}

/* ?status=a,b: known statuses only; "" for none given.  NULL when one is unknown. */
static const char *
param_statuses(struct pt_req *req)
{
	const char *v = pt_query(req, "status"), *p;

	if (v == NULL)
		return "";
	if (*v == '\0')
		return NULL;
	for (p = v; *p != '\0';) {
		size_t n = strcspn(p, ","), i;
		int known = 0;

		for (i = 0; i < OR_NSTATUSES && !known; i++)
			known = strlen(or_statuses[i]) == n && strncmp(or_statuses[i], p, n) == 0;
		if (!known)
			return NULL;
		p += n;
		if (*p == ',' && *++p == '\0')
			return NULL;
	}
	return v;
}

/* GET /api/v1/orders?since=&limit=&status= */
static int
feed(struct pt_req *req)
{
	long long since, limit, next;
	struct pt_rows rows, lines;
	const char *statuses;
	json_t *root, *list, **orders;
	size_t i, k;
	int rc;

	if (!param_int(req, "since", 0, 999999999999999999LL, 0, &since))
		return pt_api_error(req, 400, "invalid_parameter",
		    "since must be a cursor: a whole number, 0 or more.");
	if (!param_int(req, "limit", 1, FEED_LIMIT_MAX, FEED_LIMIT_DEFAULT, &limit))
		return pt_api_error(req, 400, "invalid_parameter",
		    "limit must be a whole number from 1 to " OR_XSTR(FEED_LIMIT_MAX) ".");
	if ((statuses = param_statuses(req)) == NULL)
		return pt_api_error(req, 400, "invalid_parameter",
		    "status must list order states separated by commas, such as submitted,approved.");
	if ((rc = pt_db_query(req, &sql[SQL_FEED], &rows, PT_BINDS(pt_str(statuses), pt_str(statuses),
	    pt_int(since), pt_int(1000 * pt_conf_int("api", "feed_settle_ms", 1000)),
	    pt_int(limit)))) != PT_OK)
		return rc;
	next = rows.nrows > 0 ? pt_cell_int(&rows, rows.nrows - 1, O__N) : since;
	lines.nrows = 0;
	if (rows.nrows > 0 && (rc = pt_db_query(req, &sql[SQL_FEED_LINES], &lines,
	    PT_BINDS(pt_int(since), pt_int(next)))) != PT_OK)
		return rc;
	if ((root = or_api_own(req, json_object())) == NULL || (list = json_array()) == NULL ||
	    (orders = pt_alloc(req, (rows.nrows + 1) * sizeof(*orders))) == NULL)
		return PT_ENOMEM;
	json_object_set_new(root, "orders", list);
	for (i = 0; i < rows.nrows; i++) {
		orders[i] = NULL;
		if (pt_cell_int(&rows, i, O__N + 1) != 1)
			continue;
		if ((orders[i] = order_json(&rows, i)) == NULL)
			return PT_ENOMEM;
		json_object_set_new(orders[i], "cursor", or_api_cell_int(&rows, i, O__N));
		json_object_set_new(orders[i], "lines", json_array());
		json_array_append_new(list, orders[i]);
	}
	for (k = 0; k < lines.nrows; k++)
		for (i = 0; i < rows.nrows; i++)
			if (orders[i] != NULL && pt_cell_int(&rows, i, O_ID) == pt_cell_int(&lines, k, L_ORDER)) {
				json_array_append_new(json_object_get(orders[i], "lines"), line_json(&lines, k));
				break;
			}
	json_object_set_new(root, "next_cursor", json_integer(next));
	json_object_set_new(root, "more", json_boolean(rows.nrows == (size_t)limit));
	return or_api_send(req, 200, root);
}

/* The order as GET answers it (the writes answer with it too): lines, shipments, events, invoices. */
int
or_api_order_answer(struct pt_req *req, int status, const char *number)
{
	struct pt_rows o, l, s, e, inv;
	json_t *root, *a, *sh = NULL;
	long long id;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ORDER], &o, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (o.nrows != 1)
		return pt_api_error(req, 404, "not_found", "No order has this number.");
	id = pt_cell_int(&o, 0, O_ID);
	if ((rc = pt_db_query(req, &sql[SQL_LINES], &l, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_SHIPMENTS], &s, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_EVENTS], &e, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_INVOICES], &inv, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if ((root = or_api_own(req, order_json(&o, 0))) == NULL)
		return PT_ENOMEM;
	json_object_set_new(root, "lines", a = json_array());
	for (i = 0; i < l.nrows; i++)
		json_array_append_new(a, line_json(&l, i));
	json_object_set_new(root, "shipments", a = json_array());
	for (i = 0; i < s.nrows; i++) {
		if (i == 0 || pt_cell_int(&s, i, S_NO) != pt_cell_int(&s, i - 1, S_NO)) {
			sh = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:[]}",
			    "no", or_api_cell_int(&s, i, S_NO), "carrier", or_api_cell_str(&s, i, S_CARRIER),
			    "tracking_number", or_api_cell_str(&s, i, S_TRACKING),
			    "tracking_url", or_api_cell_str(&s, i, S_URL),
			    "shipped_at", or_api_cell_str(&s, i, S_SHIPPED),
			    "delivered_at", or_api_cell_str(&s, i, S_DELIVERED), "lines");
			json_array_append_new(a, sh);
		}
		json_array_append_new(json_object_get(sh, "lines"), json_pack("{s:o, s:o}",
		    "line", or_api_cell_int(&s, i, S_LINE), "quantity", or_api_cell_int(&s, i, S_QTY)));
	}
	json_object_set_new(root, "events", a = json_array());
	for (i = 0; i < e.nrows; i++)
		json_array_append_new(a, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
		    "cursor", or_api_cell_int(&e, i, E_ID), "at", or_api_cell_str(&e, i, E_AT),
		    "status", or_api_cell_str(&e, i, E_STATUS), "comment", or_api_cell_str(&e, i, E_COMMENT),
		    "shipment", or_api_cell_int(&e, i, E_SHIPMENT),
		    "shipment_action", or_api_cell_str(&e, i, E_ACTION)));
	json_object_set_new(root, "invoices", a = json_array());
	for (i = 0; i < inv.nrows; i++)
		json_array_append_new(a, or_api_invoice_json(&inv, i));
	return or_api_send(req, status, root);
}

/* GET /api/v1/orders/<number> */
static int
order(struct pt_req *req)
{
	return or_api_order_answer(req, 200, req->caps[1]);
}

#define ORDER OR_API_V1 "orders/" OR_NUMBER_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET, OR_API_V1 "orders",	feed,	0, OR_API_ORDERS_READ },
	{ PT_GET, ORDER,		order,	0, OR_API_ORDERS_READ },
};

const struct pt_group or_api_orders_group = { routes, PT_NELEM(routes), sql, SQL__MAX, NULL, 0 };
