/*
 * The provider's side of an order: confirm it, ship it in one or more
 * shipments, mark shipments delivered, cancel it while nothing is
 * shipped.  The order desk (desk.c) calls these for a person of the
 * provider, the integration API for the warehouse or the ERP, which acts
 * as no person (actor 0): the rules are here once for both.
 *
 * Every operation runs inside the caller's transaction and starts by
 * locking the order's row, so two shipments of one order (from the desk
 * and from the warehouse at the same moment) are counted one after the
 * other and never ship a line more often than it was ordered.  It writes
 * the order's timeline row and queues the buyer's mail; the caller writes
 * its audit row and commits, or rolls back when it refused.
 *
 * The moves: submitted | approved -> confirmed -> partly_shipped ->
 * shipped -> delivered, and cancelled from submitted, awaiting_approval,
 * approved or confirmed.  An order is shipped when every line has left in
 * full, delivered when it is shipped and every shipment has arrived.
 */
#include <string.h>
#include <strings.h>
#include <time.h>

#include "orders.h"

enum fulfil_sql {
	SQL_LOCK, SQL_LINES, SQL_STATUS, SQL_EVENT, SQL_SHIP_CHECK, SQL_SHIPMENT, SQL_SHIPMENT_LINES,
	SQL_SHIPMENT_GET, SQL_DELIVER, SQL_UNDELIVERED, SQL_FACTS, SQL_SHIPMENT_MAIL, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LOCK] = { "or_fulfil_lock",
	    "SELECT id, status, org_id FROM orders WHERE number = ? FOR UPDATE" },
	/* Each line with what has left of it so far (the order's row is locked). */
	[SQL_LINES] = { "or_fulfil_lines",
	    "SELECT l.line_no, l.quantity, (SELECT COALESCE(SUM(sl.quantity), 0) FROM shipment_lines sl"
	    "   WHERE sl.order_id = l.order_id AND sl.line_no = l.line_no)"
	    " FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no" },
	[SQL_STATUS] = { "or_fulfil_status",
	    "UPDATE orders SET status = ?, updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* Binds: order, user (NULL: an integration), status, comment, shipment, action. */
	[SQL_EVENT] = { "or_fulfil_event",
	    "INSERT INTO order_events (order_id, at, user_id, status, comment, shipment_id,"
	    " shipment_action) VALUES (?, UTC_TIMESTAMP(6), ?, ?, ?, ?, ?)" },
	/*
	 * The next shipment's number, and whether its time (NULL: now) is
	 * neither before the order nor ahead of the clock.  Binds: at x3, order.
	 */
	[SQL_SHIP_CHECK] = { "or_fulfil_ship_check",
	    "SELECT (SELECT COALESCE(MAX(s.no), 0) + 1 FROM shipments s WHERE s.order_id = o.id),"
	    " ? IS NULL OR CAST(? AS DATETIME(6)) BETWEEN o.created_at"
	    "   AND UTC_TIMESTAMP(6) + INTERVAL 1 HOUR"
	    " FROM orders o WHERE o.id = ?" },
	/* Binds: order, no, carrier, tracking number, URL, shipped (NULL: now), by. */
	[SQL_SHIPMENT] = { "or_fulfil_shipment",
	    "INSERT INTO shipments (order_id, no, carrier, tracking_number, tracking_url, shipped_at,"
	    " created_by, created_at) VALUES (?, ?, ?, ?, ?, COALESCE(?, UTC_TIMESTAMP(6)), ?,"
	    " UTC_TIMESTAMP(6))" },
	[SQL_SHIPMENT_LINES] = { "or_fulfil_shipment_lines",
	    "INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity) VALUES (?, ?, ?, ?)" },
	/*
	 * Shipment no of the order: its id, whether it arrived already, and
	 * whether at (NULL: now) lies between a day before it left and a day
	 * from now.  Binds: at, order, no.
	 */
	[SQL_SHIPMENT_GET] = { "or_fulfil_shipment_get",
	    "SELECT s.id, s.delivered_at IS NOT NULL, CAST(COALESCE(?, UTC_TIMESTAMP(6)) AS DATETIME(6))"
	    "   BETWEEN s.shipped_at - INTERVAL 1 DAY AND UTC_TIMESTAMP(6) + INTERVAL 1 DAY"
	    " FROM shipments s WHERE s.order_id = ? AND s.no = ? FOR UPDATE" },
	[SQL_DELIVER] = { "or_fulfil_deliver",
	    "UPDATE shipments SET delivered_at = COALESCE(?, UTC_TIMESTAMP(6)) WHERE id = ?" },
	[SQL_UNDELIVERED] = { "or_fulfil_undelivered",
	    "SELECT COUNT(*) FROM shipments WHERE order_id = ? AND delivered_at IS NULL" },
	/* What the buyer's mail says, and the buyer as its recipient.  Binds: order. */
	[SQL_FACTS] = { "or_fulfil_facts",
	    "SELECT o.number, o.po_number, og.name, " OR_ISO("o.created_at") ", u.email, u.name,"
	    " COALESCE(u.language, og.language, 'en'), u.status = 'active' AND u.notify_orders = 1,"
	    " o.currency, o.net_minor, o.gross_minor"
	    " FROM orders o JOIN users u ON u.id = o.buyer_id JOIN orgs og ON og.id = o.org_id"
	    " WHERE o.id = ?" },
	/* A shipment with its lines, for the mail.  Binds: shipment. */
	[SQL_SHIPMENT_MAIL] = { "or_fulfil_shipment_mail",
	    "SELECT s.no, s.carrier, s.tracking_number, s.tracking_url, " OR_ISO("s.shipped_at") ","
	    " " OR_ISO("s.delivered_at") ", l.line_no, l.sku, l.name, l.unit, sl.quantity"
	    " FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id"
	    " JOIN order_lines l ON l.order_id = sl.order_id AND l.line_no = sl.line_no"
	    " WHERE s.id = ? ORDER BY sl.line_no" },
};

/* Registered by the worker with the other groups' statements. */
const struct pt_group or_fulfil_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

enum { F_NUMBER, F_PO, F_ORG, F_CREATED, F_EMAIL, F_NAME, F_LANG, F_MAILS, F_CURRENCY, F_NET,
	F_GROSS };
enum { M_NO, M_CARRIER, M_TRACKING, M_URL, M_SHIPPED, M_DELIVERED, M_LINE, M_SKU, M_NAME, M_UNIT,
	M_QTY };

int
or_http_url_ok(const char *s)
{
	size_t i, host;

	if (s == NULL)
		return 0;
	if (strncasecmp(s, "https://", 8) == 0)
		host = 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		host = 7;
	else
		return 0;
	if (s[host] == '\0' || strchr("/?#@:", s[host]) != NULL)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f || strchr("\"<>\\`", s[i]) != NULL)
			return 0;
	return pt_chars(s) <= OR_TRACKING_URL_MAX_CHARS;
}

/* Note a problem (the first OR_PROBLEMS_MAX are kept); returns PT_EINVAL. */
static int
problem(struct or_fulfil *f, const char *field, long long line_no, const char *key,
    long long max)
{
	if (f->nproblems < OR_PROBLEMS_MAX) {
		struct or_problem *p = &f->problems[f->nproblems++];

		p->field = field;
		p->line_no = line_no;
		p->key = key;
		p->max = max;
	}
	return PT_EINVAL;
}

/*
 * Lock the order and say where it stands (order_id, org_id, before);
 * PT_ENOTFOUND when there is none of that number.
 */
static int
lock_order(struct pt_req *req, struct or_fulfil *f, const char *number)
{
	struct pt_rows o;
	int rc;

	f->nproblems = 0;
	f->shipment_id = f->shipment_no = 0;
	if (!or_number_ok(number))
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &o, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (o.nrows != 1)
		return PT_ENOTFOUND;
	f->order_id = pt_cell_int(&o, 0, 0);
	f->before = f->status = pt_cell(&o, 0, 1);
	f->org_id = pt_cell_int(&o, 0, 2);
	return PT_OK;
}

/*
 * The order's new status and its timeline row (shipment 0: none).  Its
 * change time moves even when the status stays (a second shipment, one of
 * several delivered): the kept pages of the order follow it (kept.c).
 */
static int
move(struct pt_req *req, struct or_fulfil *f, const char *status, const char *comment,
    const char *action)
{
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_STATUS], PT_BINDS(pt_str(status), pt_int(f->order_id)),
	    NULL)) != PT_OK)
		return rc;
	f->status = status;
	return pt_db_exec(req, &sql[SQL_EVENT], PT_BINDS(pt_int(f->order_id),
	    f->actor_id != 0 ? pt_int(f->actor_id) : pt_str(NULL), pt_str(status),
	    pt_str(comment != NULL ? comment : ""),
	    f->shipment_id != 0 ? pt_int(f->shipment_id) : pt_str(NULL), pt_str(action)), NULL);
}

/* <shipment no carrier tracking url shipped delivered><line .../></shipment> under d. */
static int
shipment_data(struct pt_req *req, xmlNodePtr d, long long shipment_id)
{
	struct pt_rows s;
	xmlNodePtr n;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_SHIPMENT_MAIL], &s,
	    PT_BINDS(pt_int(shipment_id)))) != PT_OK)
		return rc;
	if (s.nrows == 0)
		return PT_OK;
	n = pt_node(d, "shipment", NULL);
	pt_attr(n, "no", pt_cell(&s, 0, M_NO));
	pt_attr(n, "shipped", pt_cell(&s, 0, M_SHIPPED));
	if (pt_cell(&s, 0, M_DELIVERED) != NULL)
		pt_attr(n, "delivered", pt_cell(&s, 0, M_DELIVERED));
	pt_node(n, "carrier", pt_cell(&s, 0, M_CARRIER));
	pt_node(n, "tracking", pt_cell(&s, 0, M_TRACKING));
	if (or_http_url_ok(pt_cell(&s, 0, M_URL)))
		pt_node(n, "tracking-url", pt_cell(&s, 0, M_URL));
	for (i = 0; i < s.nrows; i++) {
		xmlNodePtr l = pt_node(n, "line", pt_cell(&s, i, M_NAME));

		pt_attr(l, "no", pt_cell(&s, i, M_LINE));
		pt_attr(l, "sku", pt_cell(&s, i, M_SKU));
		pt_attr(l, "unit", pt_cell(&s, i, M_UNIT));
		pt_attr(l, "quantity", pt_cell(&s, i, M_QTY));
	}
	return PT_OK;
}

/*
 * Tell the buyer what happened (event: confirmed, shipped, delivered,
 * cancelled), in their language, unless they want no mails about orders.
 */
static int
tell_buyer(struct pt_req *req, const struct or_fulfil *f, const char *event, const char *comment)
{
	struct pt_rows r;
	xmlNodePtr d;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_FACTS], &r, PT_BINDS(pt_int(f->order_id)))) != PT_OK)
		return rc;
	if (r.nrows != 1 || pt_cell_int(&r, 0, F_MAILS) != 1)
		return PT_OK;
	if ((d = pt_mail_data(req)) == NULL)
		return PT_ENOMEM;
	pt_attr(d, "event", event);
	pt_attr(d, "status", f->status);
	pt_node(d, "number", pt_cell(&r, 0, F_NUMBER));
	pt_node(d, "buyer", pt_cell(&r, 0, F_NAME));
	pt_node(d, "org", pt_cell(&r, 0, F_ORG));
	pt_node(d, "po", pt_cell(&r, 0, F_PO));
	pt_node(d, "created", pt_cell(&r, 0, F_CREATED));
	pt_attr(pt_node(d, "net", pt_cell(&r, 0, F_NET)), "currency", pt_cell(&r, 0, F_CURRENCY));
	pt_attr(pt_node(d, "gross", pt_cell(&r, 0, F_GROSS)), "currency", pt_cell(&r, 0, F_CURRENCY));
	if (comment != NULL && *comment != '\0')
		pt_node(d, "comment", comment);
	pt_node(d, "link", pt_printf(req, "%s%s", pt_base_url(),
	    or_order_href(req, pt_cell(&r, 0, F_NUMBER))));
	if (f->shipment_id != 0 && (rc = shipment_data(req, d, f->shipment_id)) != PT_OK)
		return rc;
	return pt_mail_queue(req, "order-fulfil", pt_cell(&r, 0, F_EMAIL), pt_cell(&r, 0, F_NAME),
	    pt_mail_lang(pt_cell(&r, 0, F_LANG)), d);
}

int
or_fulfil_confirm(struct pt_req *req, struct or_fulfil *f, const char *number)
{
	int rc;

	if ((rc = lock_order(req, f, number)) != PT_OK)
		return rc;
	if (strcmp(f->before, "submitted") != 0 && strcmp(f->before, "approved") != 0)
		return problem(f, NULL, 0, "orders.fulfil.not-confirmable", -1);
	if ((rc = move(req, f, "confirmed", NULL, NULL)) != PT_OK)
		return rc;
	return tell_buyer(req, f, "confirmed", NULL);
}

/* A text of a shipment: at most max characters of one line; required or not. */
static void
check_text(struct or_fulfil *f, const char *field, const char *v, long max, int required)
{
	long n = v != NULL ? pt_text_chars(v, 0) : 0;

	if (n < 0)
		problem(f, field, 0, "input.invalid", -1);
	else if (n == 0 && required)
		problem(f, field, 0, "input.required", -1);
	else if (n > max)
		problem(f, field, 0, "input.too-long", max);
}

/* The shipment's lines against what is left of each (rows of SQL_LINES). */
static void
check_lines(struct or_fulfil *f, const struct or_shipment *in, const struct pt_rows *lines,
    long long *left_after)
{
	long long total = 0;
	size_t i, j;

	*left_after = 0;
	for (j = 0; j < lines->nrows; j++)
		*left_after += pt_cell_int(lines, j, 1) - pt_cell_int(lines, j, 2);
	for (i = 0; i < in->nlines; i++) {
		const struct or_ship_line *l = &in->lines[i];
		long long left = -1;

		for (j = 0; j < lines->nrows; j++)
			if (pt_cell_int(lines, j, 0) == l->line_no)
				left = pt_cell_int(lines, j, 1) - pt_cell_int(lines, j, 2);
		for (j = 0; j < i; j++)
			if (in->lines[j].line_no == l->line_no)
				break;
		if (left < 0)
			problem(f, "lines", l->line_no, "orders.fulfil.no-line", -1);
		else if (j < i)
			problem(f, "lines", l->line_no, "orders.fulfil.line-twice", -1);
		else if (l->quantity < 0)
			problem(f, "lines", l->line_no, "orders.fulfil.quantity", -1);
		else if (l->quantity > left)
			problem(f, "lines", l->line_no, left == 0 ? "orders.fulfil.all-shipped" :
			    "orders.fulfil.too-many", left);
		else {
			total += l->quantity;
			*left_after -= l->quantity;
		}
	}
	if (total == 0 && f->nproblems == 0)
		problem(f, "lines", 0, "orders.fulfil.nothing", -1);
}

int
or_fulfil_ship(struct pt_req *req, struct or_fulfil *f, const char *number,
    const struct or_shipment *in)
{
	struct pt_rows lines, chk;
	struct pt_bind *b;
	long long left_after;
	const char *url = in->tracking_url != NULL ? in->tracking_url : "";
	const char *at = in->shipped_at;
	char at_utc[20];
	time_t t;
	size_t i, n;
	int rc;

	if ((rc = lock_order(req, f, number)) != PT_OK)
		return rc;
	if (strcmp(f->before, "confirmed") != 0 && strcmp(f->before, "partly_shipped") != 0)
		return problem(f, NULL, 0, "orders.fulfil.not-shippable", -1);
	check_text(f, "carrier", in->carrier, OR_CARRIER_MAX_CHARS, 1);
	check_text(f, "tracking_number", in->tracking_number, OR_TRACKING_MAX_CHARS, 0);
	if (*url != '\0' && pt_chars(url) > OR_TRACKING_URL_MAX_CHARS)
		problem(f, "tracking_url", 0, "input.too-long", OR_TRACKING_URL_MAX_CHARS);
	else if (*url != '\0' && !or_http_url_ok(url))
		problem(f, "tracking_url", 0, "orders.fulfil.url", -1);
	if (at != NULL && pt_utc_parse(at, &t) != PT_OK)
		problem(f, "shipped_at", 0, "input.invalid", -1);
	else if (at != NULL) {
		pt_utc_format(t, at_utc);
		at = at_utc;
	}
	if ((rc = pt_db_query(req, &sql[SQL_LINES], &lines, PT_BINDS(pt_int(f->order_id)))) != PT_OK)
		return rc;
	check_lines(f, in, &lines, &left_after);
	if (f->nproblems > 0)
		return PT_EINVAL;
	if ((rc = pt_db_query(req, &sql[SQL_SHIP_CHECK], &chk, PT_BINDS(pt_str(at), pt_str(at),
	    pt_int(f->order_id)))) != PT_OK)
		return rc;
	if (chk.nrows != 1)
		return PT_ENOTFOUND;
	if (pt_cell_int(&chk, 0, 1) != 1)
		return problem(f, "shipped_at", 0, "orders.fulfil.shipped-when", -1);
	f->shipment_no = pt_cell_int(&chk, 0, 0);
	if ((rc = pt_db_exec(req, &sql[SQL_SHIPMENT], PT_BINDS(pt_int(f->order_id),
	    pt_int(f->shipment_no), pt_str(in->carrier),
	    pt_str(in->tracking_number != NULL ? in->tracking_number : ""), pt_str(url), pt_str(at),
	    f->actor_id != 0 ? pt_int(f->actor_id) : pt_str(NULL)), NULL)) != PT_OK)
		return rc;
	f->shipment_id = (long long)pt_db_insert_id();
	if ((b = pt_alloc(req, in->nlines * 4 * sizeof(*b))) == NULL)
		return PT_ENOMEM;
	for (i = n = 0; i < in->nlines; i++) {
		if (in->lines[i].quantity == 0)
			continue;
		b[4 * n] = pt_int(f->shipment_id);
		b[4 * n + 1] = pt_int(f->order_id);
		b[4 * n + 2] = pt_int(in->lines[i].line_no);
		b[4 * n + 3] = pt_int(in->lines[i].quantity);
		n++;
	}
	if ((rc = pt_db_exec_rows(req, &sql[SQL_SHIPMENT_LINES], b, 4, n, NULL)) != PT_OK ||
	    (rc = move(req, f, left_after == 0 ? "shipped" : "partly_shipped", NULL,
	    "shipped")) != PT_OK)
		return rc;
	return tell_buyer(req, f, "shipped", NULL);
}

int
or_fulfil_deliver(struct pt_req *req, struct or_fulfil *f, const char *number,
    long long shipment_no, const char *delivered_at)
{
	struct pt_rows s, open;
	const char *status;
	char at_utc[20];
	time_t t;
	int rc;

	if ((rc = lock_order(req, f, number)) != PT_OK)
		return rc;
	if (delivered_at != NULL) {
		if (pt_utc_parse(delivered_at, &t) != PT_OK)
			return problem(f, "delivered_at", 0, "input.invalid", -1);
		pt_utc_format(t, at_utc);
		delivered_at = at_utc;
	}
	if ((rc = pt_db_query(req, &sql[SQL_SHIPMENT_GET], &s, PT_BINDS(pt_str(delivered_at),
	    pt_int(f->order_id), pt_int(shipment_no)))) != PT_OK)
		return rc;
	if (s.nrows != 1)
		return PT_ENOTFOUND;
	f->shipment_id = pt_cell_int(&s, 0, 0);
	f->shipment_no = shipment_no;
	if (pt_cell_int(&s, 0, 1) == 1)
		return problem(f, NULL, 0, "orders.fulfil.already-delivered", -1);
	if (pt_cell_int(&s, 0, 2) != 1)
		return problem(f, "delivered_at", 0, "orders.fulfil.delivered-when", -1);
	if ((rc = pt_db_exec(req, &sql[SQL_DELIVER], PT_BINDS(pt_str(delivered_at),
	    pt_int(f->shipment_id)), NULL)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_UNDELIVERED], &open,
	    PT_BINDS(pt_int(f->order_id)))) != PT_OK)
		return rc;
	status = strcmp(f->before, "shipped") == 0 && pt_cell_int(&open, 0, 0) == 0 ?
	    "delivered" : f->before;
	if ((rc = move(req, f, status, NULL, "delivered")) != PT_OK)
		return rc;
	return tell_buyer(req, f, "delivered", NULL);
}

int
or_fulfil_cancel(struct pt_req *req, struct or_fulfil *f, const char *number, const char *reason)
{
	long long billed;
	long n;
	int rc;

	if ((rc = lock_order(req, f, number)) != PT_OK)
		return rc;
	if (!or_cancellable(f->before))
		return problem(f, NULL, 0, "orders.fulfil.not-cancellable", -1);
	if ((rc = or_order_billed(req, f->order_id, &billed)) != PT_OK)
		return rc;
	if (billed != 0)
		return problem(f, NULL, 0, "orders.fulfil.invoiced", -1);
	n = reason != NULL ? pt_text_chars(reason, 1) : 0;
	if (n < 0)
		return problem(f, "reason", 0, "input.invalid", -1);
	if (n == 0)
		return problem(f, "reason", 0, "input.required", -1);
	if (n > OR_REASON_MAX_CHARS)
		return problem(f, "reason", 0, "input.too-long", OR_REASON_MAX_CHARS);
	if ((rc = move(req, f, "cancelled", reason, NULL)) != PT_OK ||
	    (strcmp(f->before, "awaiting_approval") == 0 &&
	    (rc = or_approval_cancel(req, number)) != PT_OK))
		return rc;
	return tell_buyer(req, f, "cancelled", reason);
}
