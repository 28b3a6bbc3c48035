/*
 * The provider's order desk (orders.desk: managers and admins).
 *
 * GET /orders/desk lists the orders of every organisation, 25 a page:
 * by default those to confirm (submitted or approved, oldest first), else
 * of one status or all (newest first), of one organisation, or searched
 * by order number or PO number.
 *
 * GET /orders/desk/<number> is an order as the desk sees it: its facts,
 * its lines with what has left of each, its shipments and timeline, and
 * the forms that move it on (fulfil.c does the moving): confirm; ship
 * some or all of what is left (lines and quantities, carrier, tracking
 * number and address); mark a shipment delivered on a day; cancel it with
 * a reason while nothing of it has left.  Each POST writes its audit row;
 * a refusal shows the page again with 422, the values kept and a message
 * at each field.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orders.h"

#define PAGE_SIZE	25
#define COUNT_CAP	10000
#define COUNT_LIMIT	"10001"	/* COUNT_CAP + 1 in SQL */

/* Binds: status x3, org x2, number x2, po x2. */
#define MATCHING \
	" FROM orders o WHERE (? = 'all' OR o.status = ?" \
	"   OR (? = 'open' AND o.status IN ('submitted', 'approved')))" \
	" AND (? = 0 OR o.org_id = ?) AND (? = '' OR o.number = ?) AND (? = '' OR o.po_number LIKE ?)"
#define LIST(order) \
	"SELECT " OR_SUMMARY_COLUMNS ", og.id, og.name," \
	" (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id)," \
	" (SELECT COALESCE(SUM(s.quantity), 0) FROM shipment_lines s WHERE s.order_id = o.id)" \
	" FROM (SELECT o.id" MATCHING " ORDER BY " order " LIMIT ? OFFSET ?) p" \
	" JOIN orders o ON o.id = p.id JOIN users u ON u.id = o.buyer_id" \
	" JOIN orgs og ON og.id = o.org_id ORDER BY " order

enum desk_sql { SQL_LIST_OLDEST, SQL_LIST_NEWEST, SQL_COUNT, SQL_ORGS, SQL_ORDER, SQL_SHIPPED, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST_OLDEST] = { "or_desk_list_oldest", LIST("o.created_at, o.id") },
	[SQL_LIST_NEWEST] = { "or_desk_list_newest", LIST("o.created_at DESC, o.id DESC") },
	[SQL_COUNT] = { "or_desk_count",
	    "SELECT COUNT(*) FROM (SELECT 1" MATCHING " LIMIT " COUNT_LIMIT ") c" },
	[SQL_ORGS] = { "or_desk_orgs",
	    "SELECT id, name FROM orgs WHERE kind IN ('customer', 'partner') ORDER BY name, id LIMIT 500" },
	/* Binds: number. */
	[SQL_ORDER] = { "or_desk_order",
	    "SELECT " OR_ORDER_COLUMNS ", og.id, og.name, og.kind" OR_ORDER_FROM
	    " JOIN orgs og ON og.id = o.org_id WHERE o.number = ?" },
	/* When shipment no left, as UTC.  Binds: number, no. */
	[SQL_SHIPPED] = { "or_desk_shipped",
	    "SELECT DATE_FORMAT(s.shipped_at, '%Y-%m-%d %H:%i:%s') FROM shipments s"
	    " JOIN orders o ON o.id = s.order_id WHERE o.number = ? AND s.no = ?" },
};

enum { L_ORG_ID = OR_SUMMARY_NCOLS, L_ORG, L_ORDERED, L_SHIPPED };
enum { D_ORG_ID = OR_ORDER_NCOLS, D_ORG, D_ORG_KIND };

/* ---- the list -------------------------------------------------------------- */

struct filter {
	const char	*status;	/* open, all, or a status */
	struct or_search s;
	long long	 org;		/* 0: every organisation */
	long long	 page;
};

static int
read_filter(struct pt_req *req, struct filter *f)
{
	const char *v = pt_query(req, "status");

	memset(f, 0, sizeof(*f));
	if (v != NULL && (strcmp(v, "all") == 0 || pt_one_of(v, or_statuses, OR_NSTATUSES)))
		f->status = v;
	else
		f->status = "open";
	if (or_search_read(req, &f->s) != PT_OK)
		return PT_ENOMEM;
	v = pt_query(req, "org");
	if (v != NULL && strlen(v) <= 10 && pt_valid(PT_V_ID, v, strlen(v)))
		f->org = strtoll(v, NULL, 10);
	f->page = pt_query_page(req);
	return PT_OK;
}

/* MATCHING's binds into b (9). */
static size_t
bind_matching(const struct filter *f, struct pt_bind *b)
{
	size_t n = 0;

	b[n++] = pt_str(f->status);
	b[n++] = pt_str(f->status);
	b[n++] = pt_str(f->status);
	b[n++] = pt_int(f->org);
	b[n++] = pt_int(f->org);
	b[n++] = pt_str(f->s.number);
	b[n++] = pt_str(f->s.number);
	b[n++] = pt_str(f->s.po_like);
	b[n++] = pt_str(f->s.po_like);
	return n;
}

/* GET /orders/desk */
static int
list(struct pt_req *req)
{
	struct pt_rows rows, count, orgs;
	struct pt_bind b[16];
	struct filter f;
	xmlNodePtr l, ol, pager;
	long long total;
	size_t i, n;
	int rc;

	if ((rc = read_filter(req, &f)) != PT_OK)
		return rc;
	n = bind_matching(&f, b);
	b[n++] = pt_int(PAGE_SIZE);
	b[n++] = pt_int((f.page - 1) * PAGE_SIZE);
	if ((rc = pt_db_query(req, &sql[strcmp(f.status, "open") == 0 ? SQL_LIST_OLDEST :
	    SQL_LIST_NEWEST], &rows, b, n)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COUNT], &count, b, bind_matching(&f, b))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_ORGS], &orgs, PT_NOBINDS)) != PT_OK)
		return rc;
	total = pt_cell_int(&count, 0, 0);
	l = pt_node(req->page, "desk", NULL);
	pt_attr(l, "status", f.status);
	pt_attr(l, "q", f.s.q);
	if (f.org != 0)
		pt_attr_int(l, "org", f.org);
	ol = pt_node(l, "orgs", NULL);
	for (i = 0; i < orgs.nrows; i++)
		pt_attr(pt_node(ol, "org", pt_cell(&orgs, i, 1)), "id", pt_cell(&orgs, i, 0));
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr o = or_summary_node(req, l, &rows, i);

		pt_attr(o, "href", pt_printf(req, "/orders/desk/%s", pt_cell(&rows, i, 0)));
		pt_attr(o, "ordered", pt_cell(&rows, i, L_ORDERED));
		pt_attr(o, "shipped", pt_cell(&rows, i, L_SHIPPED));
		pt_attr(pt_node(o, "org", pt_cell(&rows, i, L_ORG)), "id", pt_cell(&rows, i, L_ORG_ID));
	}
	pager = pt_pager(l, f.page, total > COUNT_CAP ? COUNT_CAP : total, PAGE_SIZE);
	if (total > COUNT_CAP)
		pt_attr(pager, "more", "1");
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	req->view = "desk";
	return 200;
}

/* ---- an order ------------------------------------------------------------- */

/* The order's desk page with status; 404 for an unknown number. */
static int
order_page(struct pt_req *req, int status, const char *number)
{
	struct pt_rows o;
	xmlNodePtr n, a;
	const char *st;
	char today[11];
	int rc;

	if (!or_number_ok(number))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_ORDER], &o, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (o.nrows != 1)
		return pt_error_page(req, 404, NULL);
	n = or_order_facts(req, &o);
	pt_attr(n, "desk-href", pt_printf(req, "/orders/desk/%s", number));
	pt_attr(pt_node(n, "org", pt_cell(&o, 0, D_ORG)), "kind", pt_cell(&o, 0, D_ORG_KIND));
	if ((rc = or_order_details(req, n, pt_cell(&o, 0, OR_O_ID), NULL)) != PT_OK ||
	    (rc = or_order_returns(req, n, pt_cell(&o, 0, OR_O_ID))) != PT_OK)
		return rc;
	st = pt_cell(&o, 0, OR_O_STATUS);
	a = pt_node(n, "actions", NULL);
	if (strcmp(st, "submitted") == 0 || strcmp(st, "approved") == 0)
		pt_attr(a, "confirm", "1");
	if (strcmp(st, "confirmed") == 0 || strcmp(st, "partly_shipped") == 0)
		pt_attr(a, "ship", "1");
	if (strcmp(st, "partly_shipped") == 0 || strcmp(st, "shipped") == 0)
		pt_attr(a, "deliver", "1");
	if (or_cancellable(st))
		pt_attr(a, "cancel", "1");
	pt_local_day(req, time(NULL), today);
	pt_attr(a, "today", today);
	pt_limit(req, "carrier", OR_CARRIER_MAX_CHARS);
	pt_limit(req, "tracking_number", OR_TRACKING_MAX_CHARS);
	pt_limit(req, "tracking_url", OR_TRACKING_URL_MAX_CHARS);
	pt_limit(req, "reason", OR_REASON_MAX_CHARS);
	or_flash(req, "confirmed", "orders.desk.done.confirmed");
	or_flash(req, "shipped", "orders.desk.done.shipped");
	or_flash(req, "delivered", "orders.desk.done.delivered");
	or_flash(req, "cancelled", "orders.desk.done.cancelled");
	req->view = "desk-order";
	return status;
}

/* GET /orders/desk/<number> */
static int
order(struct pt_req *req)
{
	return order_page(req, 200, req->caps[1]);
}

/* The field of the desk's forms a problem is about. */
static const char *
problem_field(struct pt_req *req, const struct or_problem *p, long long shipment_no)
{
	if (p->field == NULL)
		return NULL;
	if (strcmp(p->field, "lines") == 0 && p->line_no > 0)
		return pt_printf(req, "qty_%lld", p->line_no);
	if (strcmp(p->field, "delivered_at") == 0)
		return pt_printf(req, "delivered_on_%lld", shipment_no);
	return p->field;
}

/*
 * The end of a POST: on PT_OK the audit row (action, before and after),
 * the commit and 303 to the order with flash; refused: the rollback and
 * the page with 422 and the problems at their fields; no such order or
 * shipment: 404.
 */
static int
finish(struct pt_req *req, int rc, const struct or_fulfil *f, const char *action,
    const char *after, const char *flash, long long shipment_no)
{
	size_t i;

	if (rc == PT_EINVAL) {
		pt_db_rollback(req);
		for (i = 0; i < f->nproblems; i++) {
			const struct or_problem *p = &f->problems[i];
			const char *field = problem_field(req, p, shipment_no);

			if (p->max >= 0)
				pt_message_max(req, p->key, field, (long)p->max);
			else
				pt_message(req, "error", p->key, field);
		}
		return order_page(req, 422, req->caps[1]);
	}
	if (rc == PT_ENOTFOUND) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	return or_done(req, rc, action, "order", pt_printf(req, "%lld", f->order_id),
	    pt_printf(req, "{\"status\":\"%s\"}", f->before), after,
	    pt_printf(req, "/orders/desk/%s?%s=1", req->caps[1], flash));
}

/* POST /orders/desk/<number>/confirm */
static int
confirm(struct pt_req *req)
{
	struct or_fulfil f = { .actor_id = req->session.user->id };
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_confirm(req, &f, req->caps[1]);
	return finish(req, rc, &f, "order.confirm", "{\"status\":\"confirmed\"}", "confirmed", 0);
}

/* The shipment's lines as JSON for the audit row. */
static const char *
lines_json(struct pt_req *req, const struct or_ship_line *l, size_t n)
{
	const char *s = "[";
	size_t i;

	for (i = 0; i < n; i++)
		if (l[i].quantity > 0)
			s = pt_printf(req, "%s%s{\"line\":%lld,\"quantity\":%lld}", s,
			    s[1] != '\0' ? "," : "", l[i].line_no, l[i].quantity);
	return pt_printf(req, "%s]", s);
}

/* POST /orders/desk/<number>/ship: qty_<line>, carrier, tracking_number, tracking_url. */
static int
ship(struct pt_req *req)
{
	struct or_fulfil f = { .actor_id = req->session.user->id };
	struct or_shipment in;
	struct or_ship_line *lines;
	const char **names, **values;
	size_t i, n = 0, nbad = 0;
	const char *after;
	int rc;

	if ((lines = pt_alloc(req, (req->form.n + 1) * sizeof(*lines))) == NULL ||
	    (names = pt_alloc(req, (req->form.n + 3) * sizeof(*names))) == NULL ||
	    (values = pt_alloc(req, (req->form.n + 3) * sizeof(*values))) == NULL)
		return PT_ENOMEM;
	memset(&in, 0, sizeof(in));
	names[0] = "carrier";
	names[1] = "tracking_number";
	names[2] = "tracking_url";
	for (i = 0; i < 3; i++)
		if ((values[i] = pt_form_trim(req, names[i])) == NULL)
			return PT_ENOMEM;
	in.carrier = values[0];
	in.tracking_number = values[1];
	in.tracking_url = values[2];
	for (i = 0; i < req->form.n; i++) {
		const struct pt_param *p = &req->form.v[i];
		long long line = or_qty_field(p->name), q;

		if (line == 0)
			continue;
		if ((values[3 + n] = pt_form_trim(req, p->name)) == NULL)
			return PT_ENOMEM;
		names[3 + n] = p->name;
		if ((q = or_qty_typed(values[3 + n])) < 0) {
			pt_message_range(req, "input.integer", p->name, 0, OR_QTY_MAX);
			nbad++;
			q = 0;
		}
		lines[n].line_no = line;
		lines[n].quantity = q;
		n++;
	}
	in.lines = lines;
	in.nlines = n;
	pt_form_values(req, "ship", names, values, 3 + n);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_ship(req, &f, req->caps[1], &in);
	/* What the form got wrong is said with what the order refuses. */
	if (rc == PT_OK && nbad > 0)
		rc = PT_EINVAL;
	after = rc != PT_OK ? NULL : pt_printf(req, "{\"status\":\"%s\",\"shipment\":%lld,"
	    "\"carrier\":%s,\"tracking_number\":%s,\"tracking_url\":%s,\"lines\":%s}", f.status,
	    f.shipment_no, pt_json_str(req, in.carrier), pt_json_str(req, in.tracking_number),
	    pt_json_str(req, in.tracking_url), lines_json(req, lines, n));
	return finish(req, rc, &f, "order.ship", after, "shipped", 0);
}

/* POST /orders/desk/<number>/shipments/<no>/delivered: delivered_on, a day of the reader's. */
static int
deliver(struct pt_req *req)
{
	struct or_fulfil f = { .actor_id = req->session.user->id };
	struct pt_rows shipped;
	long long no = strtoll(req->caps[2], NULL, 10);
	const char *day, *field = pt_printf(req, "delivered_on_%lld", no);
	char start[20], end[20], today[11], at[20];
	time_t t;
	int rc;

	if ((day = pt_form_trim(req, "delivered_on")) == NULL)
		return PT_ENOMEM;
	pt_form_values(req, pt_printf(req, "deliver-%lld", no), (const char *const[]){ field },
	    &day, 1);
	if ((rc = pt_db_query(req, &sql[SQL_SHIPPED], &shipped, PT_BINDS(pt_str(req->caps[1]),
	    pt_int(no)))) != PT_OK)
		return rc;
	if (shipped.nrows != 1)
		return pt_error_page(req, 404, NULL);
	pt_local_day(req, time(NULL), today);
	if (*day == '\0') {
		pt_message(req, "error", "input.required", field);
		return order_page(req, 422, req->caps[1]);
	}
	if (strlen(day) != 10 || pt_day_start_utc(req, day, 0, start) != PT_OK ||
	    pt_day_start_utc(req, day, 1, end) != PT_OK) {
		pt_message(req, "error", "orders.desk.date.invalid", field);
		return order_page(req, 422, req->caps[1]);
	}
	if (strcmp(day, today) > 0 || strcmp(end, pt_cell(&shipped, 0, 0)) <= 0) {
		pt_message(req, "error", "orders.fulfil.delivered-when", field);
		return order_page(req, 422, req->caps[1]);
	}
	/* Noon of that day: the day it shows in every zone within twelve hours of the reader's. */
	if (pt_utc_parse(start, &t) != PT_OK)
		return PT_EINVAL;
	pt_utc_format(t + PT_DAY_S / 2, at);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_deliver(req, &f, req->caps[1], no, at);
	return finish(req, rc, &f, "order.deliver", pt_printf(req,
	    "{\"status\":\"%s\",\"shipment\":%lld,\"delivered_on\":\"%s\"}", f.status, no, day),
	    "delivered", no);
}

/* POST /orders/desk/<number>/cancel: reason. */
static int
cancel(struct pt_req *req)
{
	struct or_fulfil f = { .actor_id = req->session.user->id };
	const char *reason = pt_form_trim(req, "reason");
	int rc;

	if (reason == NULL || (reason = pt_lf_lines(req, reason)) == NULL)
		return PT_ENOMEM;
	pt_form_values(req, "cancel", (const char *const[]){ "reason" }, &reason, 1);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_cancel(req, &f, req->caps[1], reason);
	return finish(req, rc, &f, "order.desk-cancel", pt_printf(req,
	    "{\"status\":\"cancelled\",\"reason\":%s}", pt_json_str(req, reason)), "cancelled", 0);
}

#define ORDER "/orders/desk/" OR_NUMBER_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET,  "/orders/desk",	list,		PT_R_LOGIN, OR_PERM_DESK },
	{ PT_GET,  ORDER,		order,		PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, ORDER "/confirm",	confirm,	PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, ORDER "/ship",	ship,		PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, ORDER "/shipments/([1-9][0-9]{0,3})/delivered", deliver, PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, ORDER "/cancel",	cancel,		PT_R_LOGIN, OR_PERM_DESK },
};

static const char *const views[] = { "desk", "desk-order" };

const struct pt_group or_desk_group = PT_GROUP(routes, sql, views);
