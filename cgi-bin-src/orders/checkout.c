/*
 * Checkout (POST /orders/checkout, orders.place): the reader's cart
 * becomes an order with a gapless number of the year (O-2026-000123),
 * priced as the cart page showed it: the organisation's price today, the
 * tax rate of the delivery address's country for each product's class,
 * tax rounded per line (lib/money.c).  The form gives the address, a PO
 * number, a cost centre, a requested date and a note, and the gross total
 * the buyer saw: when the cart costs something else now (a price changed,
 * another address was chosen), the page shows the new totals and asks
 * again instead of ordering.
 *
 * The buyer's budget (pt_budget_check: per order, and per calendar month
 * in the buyer's time zone) decides: within the limits the order is
 * submitted and counts towards the month at once; above them it waits for
 * an approver (approval.c) and counts only once approved.  The month is
 * read after the buyer's cart row is locked (pt_order_budget_lock), the first
 * statement of the transaction, and an approval takes the same lock: so
 * two orders of one buyer placed at the same moment are checked one after
 * the other, each against the month with the other in it.  Under InnoDB's
 * repeatable read the month's first plain read comes after that lock, so
 * its snapshot holds every order committed before.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orders.h"

enum checkout_sql {
	SQL_SPENT, SQL_ADDRESS, SQL_COUNTER, SQL_INSERT, SQL_LINE, SQL_EMPTY, SQL__MAX
};

#define LINE_BINDS 14

static const struct pt_sql sql[SQL__MAX] = {
	/* What counts in the buyer's month.  Binds: buyer, from, to. */
	[SQL_SPENT] = { "or_checkout_spent",
	    "SELECT COALESCE(SUM(net_minor), 0) FROM orders WHERE buyer_id = ?"
	    " AND counted_at >= ? AND counted_at < ? AND status <> 'cancelled'" },
	/* Binds: id, org. */
	[SQL_ADDRESS] = { "or_checkout_address",
	    "SELECT country FROM org_addresses WHERE id = ? AND org_id = ? AND active = 1" },
	/* As ticket numbers (lib/ticket.c): the row stays locked to the commit.  Binds: year. */
	[SQL_COUNTER] = { "or_checkout_counter",
	    "INSERT INTO order_counters (year, last_no) VALUES (?, 1)"
	    " ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)" },
	/*
	 * The order with a copy of its address.  Binds: number, year, seq, org,
	 * buyer, status, currency, net, tax, gross, po, cost centre, requested
	 * date, note, budget reason, counted (0/1), address, org.
	 */
	[SQL_INSERT] = { "or_checkout_insert",
	    "INSERT INTO orders (number, year, seq, org_id, buyer_id, status, currency, net_minor,"
	    " tax_minor, gross_minor, po_number, cost_centre, requested_date, note, budget_reason,"
	    " counted_at, address_id, ship_label, ship_recipient, ship_street, ship_street2,"
	    " ship_postal_code, ship_city, ship_country, created_at, updated_at)"
	    " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? = 1, UTC_TIMESTAMP(6), NULL),"
	    " a.id, a.label, a.recipient, a.street, a.street2, a.postal_code, a.city, a.country,"
	    " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM org_addresses a WHERE a.id = ? AND a.org_id = ?" },
	[SQL_LINE] = { "or_checkout_line",
	    "INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity,"
	    " unit_price_minor, contract_price, tax_class, tax_rate_bp, net_minor, tax_minor,"
	    " gross_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[SQL_EMPTY] = { "or_checkout_empty", "DELETE FROM cart_lines WHERE user_id = ?" },
};

/* ---- the budget ------------------------------------------------------------ */

int
or_budget_state(struct pt_req *req, long long net_minor, struct or_budget_state *st)
{
	const struct pt_user *u = req->session.user;
	char from[20], to[20];
	struct pt_rows spent;
	time_t now = time(NULL), next;
	int rc;

	memset(st, 0, sizeof(*st));
	if ((rc = pt_budget_of(req, &st->limits)) != PT_OK)
		return rc;
	pt_month_start(u->time_zone, now, 0, &st->month_from);
	pt_month_start(u->time_zone, now, 1, &next);
	pt_utc_format(st->month_from, from);
	pt_utc_format(next, to);
	if ((rc = pt_db_query(req, &sql[SQL_SPENT], &spent, PT_BINDS(pt_int(u->id), pt_str(from),
	    pt_str(to)))) != PT_OK)
		return rc;
	st->month_spent_minor = pt_cell_int(&spent, 0, 0);
	/* The runtime's rule decides; its limits are those pt_budget_of read. */
	rc = pt_budget_check(req, net_minor, st->month_spent_minor, &st->over);
	return rc == PT_ELIMIT ? PT_OK : rc;
}

void
or_budget_node(struct pt_req *req, xmlNodePtr parent, const struct or_budget_state *st)
{
	xmlNodePtr b = pt_node(parent, "budget", NULL);
	char from[sizeof("YYYY-MM-DDThh:mm:ssZ")];
	struct tm tm;

	(void)req;
	pt_attr(b, "currency", st->limits.currency);
	if (st->limits.order_limit_minor >= 0)
		pt_attr_int(b, "order-limit", st->limits.order_limit_minor);
	if (st->limits.monthly_limit_minor >= 0)
		pt_attr_int(b, "month-limit", st->limits.monthly_limit_minor);
	pt_attr_int(b, "month-spent", st->month_spent_minor);
	gmtime_r(&st->month_from, &tm);
	strftime(from, sizeof(from), "%Y-%m-%dT%H:%M:%SZ", &tm);
	pt_attr(b, "month-from", from);
	if (st->over != NULL)
		pt_attr(b, "over", st->over);
}

/* ---- the order ---------------------------------------------------------------- */

enum { F_ADDRESS, F_PO, F_COST_CENTRE, F_REQUESTED, F_NOTE, F_EXPECTED, F__MAX };

static const struct pt_input inputs[F__MAX] = {
	[F_ADDRESS] =	  { "address", PT_IN_INT, 1, 1, 4294967295LL, NULL, 0 },
	[F_PO] =	  { "po_number", PT_IN_LINE, 0, 0, OR_PO_MAX_CHARS, NULL, 0 },
	[F_COST_CENTRE] = { "cost_centre", PT_IN_LINE, 0, 0, OR_COST_CENTRE_MAX_CHARS, NULL, 0 },
	[F_REQUESTED] =	  { "requested_date", PT_IN_LINE, 0, 0, 10, NULL, 0 },
	[F_NOTE] =	  { "note", PT_IN_TEXT, 0, 0, OR_NOTE_MAX_CHARS, NULL, 0 },
	[F_EXPECTED] =	  { "expected", PT_IN_INT, 1, 0, PT_MONEY_MAX_MINOR, NULL, 0 },
};

/* The requested date: empty, or a date that has not passed for the reader. */
static int
check_date(struct pt_req *req, const char *v)
{
	char end[20], now[20];

	if (*v == '\0')
		return 0;
	if (strlen(v) != 10 || pt_day_start_utc(req, v, 1, end) != PT_OK) {
		pt_message(req, "error", "orders.checkout.date.invalid", "requested_date");
		return 1;
	}
	pt_utc_format(time(NULL), now);
	if (strcmp(end, now) <= 0) {
		pt_message(req, "error", "orders.checkout.date.past", "requested_date");
		return 1;
	}
	return 0;
}

/* The form again, with its values, after a rollback. */
static int
again(struct pt_req *req, const char *key, const char *field, const char **v)
{
	pt_db_rollback(req);
	if (key != NULL)
		pt_message(req, "error", key, field);
	return or_cart_page(req, 422, v);
}

/* The lines' binds, LINE_BINDS each. */
static struct pt_bind *
line_binds(struct pt_req *req, long long order_id, const struct or_cart *cart)
{
	struct pt_bind *b = pt_alloc(req, cart->nlines * LINE_BINDS * sizeof(*b));
	size_t i, n = 0;

	for (i = 0; b != NULL && i < cart->nlines; i++) {
		const struct or_line *l = &cart->lines[i];

		b[n++] = pt_int(order_id);
		b[n++] = pt_int((long long)i + 1);
		b[n++] = pt_int(l->product_id);
		b[n++] = pt_str(l->sku);
		b[n++] = pt_str(l->name);
		b[n++] = pt_str(l->unit);
		b[n++] = pt_int(l->quantity);
		b[n++] = pt_int(l->unit_minor);
		b[n++] = pt_int(l->contract);
		b[n++] = pt_str(l->tax_class);
		b[n++] = pt_int(l->rate_bp);
		b[n++] = pt_int(l->money.net_minor);
		b[n++] = pt_int(l->money.tax_minor);
		b[n++] = pt_int(l->money.gross_minor);
	}
	return b;
}

/* The year's next number (one statement; gapless, as the row stays locked). */
int
or_order_seq(struct pt_req *req, int year, long long *seq)
{
	return or_next_seq(req, &sql[SQL_COUNTER], year, seq);
}

/*
 * The order waits for approval: the process order-approval starts with
 * the order's number as business key, in the order's organisation, as
 * the order commits (the buyer is who started it).
 */
static int
start_approval(struct pt_req *req, const char *number, long long order_id)
{
	const struct pt_user *u = req->session.user;
	const struct pt_flow_var v[] = {
		PT_FLOW_NUM("order_id", (double)order_id), PT_FLOW_NUM("buyer_id", (double)u->id),
	};

	return pt_flow_start(req, OR_APPROVAL_PROCESS, number, u->org_id, u->id, v, PT_NELEM(v));
}

/* POST /orders/checkout */
static int
checkout(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *v[F__MAX], *number, *status, *after;
	struct or_budget_state budget;
	struct pt_rows address;
	struct or_cart cart;
	struct pt_bind *lb;
	long long seq, order_id;
	time_t now = time(NULL);
	struct tm tm;
	int rc, bad;

	if ((bad = pt_input_read(req, inputs, F__MAX, v)) < 0)
		return bad;
	if (bad == 0)
		bad = check_date(req, v[F_REQUESTED]);
	if (bad > 0)
		return or_cart_page(req, 422, v);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	/* First: the lock of the buyer's cart and budget (see the top). */
	if ((rc = pt_order_budget_lock(req, u->id, u->org_id)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_ADDRESS], &address, PT_BINDS(pt_str(v[F_ADDRESS]),
	    pt_int(u->org_id)))) != PT_OK)
		return or_undo(req, rc);
	if (address.nrows != 1)
		return again(req, "orders.checkout.address.unknown", "address", v);
	rc = or_cart_read(req, pt_cell(&address, 0, 0), &cart);
	if (rc == PT_ELIMIT)
		return again(req, "orders.cart.too-much", NULL, v);
	if (rc != PT_OK)
		return or_undo(req, rc);
	if (cart.nlines == 0)
		return again(req, "orders.checkout.empty", NULL, v);
	if (!cart.orderable)
		return again(req, "orders.checkout.not-orderable", NULL, v);
	if (cart.total.gross_minor != strtoll(v[F_EXPECTED], NULL, 10))
		return again(req, "orders.checkout.changed", NULL, v);
	if ((rc = or_budget_state(req, cart.total.net_minor, &budget)) != PT_OK)
		return or_undo(req, rc);
	status = budget.over == NULL ? "submitted" : "awaiting_approval";

	gmtime_r(&now, &tm);
	if ((rc = or_order_seq(req, tm.tm_year + 1900, &seq)) != PT_OK)
		return or_undo(req, rc);
	number = pt_printf(req, "O-%04d-%06lld", tm.tm_year + 1900, seq);
	rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(number), pt_int(tm.tm_year + 1900),
	    pt_int(seq), pt_int(u->org_id), pt_int(u->id), pt_str(status), pt_str(cart.currency),
	    pt_int(cart.total.net_minor), pt_int(cart.total.tax_minor),
	    pt_int(cart.total.gross_minor), pt_str(v[F_PO]), pt_str(v[F_COST_CENTRE]),
	    pt_str(*v[F_REQUESTED] != '\0' ? v[F_REQUESTED] : NULL), pt_str(v[F_NOTE]),
	    pt_str(budget.over), pt_int(budget.over == NULL), pt_str(v[F_ADDRESS]),
	    pt_int(u->org_id)), NULL);
	if (rc != PT_OK)
		return or_undo(req, rc);
	order_id = (long long)pt_db_insert_id();
	if ((lb = line_binds(req, order_id, &cart)) == NULL)
		return or_undo(req, PT_ENOMEM);
	if ((rc = pt_db_exec_rows(req, &sql[SQL_LINE], lb, LINE_BINDS, cart.nlines, NULL)) != PT_OK ||
	    (rc = or_order_event(req, order_id, "submitted", NULL, 1)) != PT_OK ||
	    (budget.over != NULL &&
	    (rc = or_order_event(req, order_id, "awaiting_approval", NULL, 0)) != PT_OK) ||
	    (rc = pt_db_exec(req, &sql[SQL_EMPTY], PT_BINDS(pt_int(u->id)), NULL)) != PT_OK ||
	    (budget.over != NULL && ((rc = or_approval_request(req, order_id)) != PT_OK ||
	    (rc = start_approval(req, number, order_id)) != PT_OK)))
		return or_undo(req, rc);
	after = pt_printf(req, "{\"number\":\"%s\",\"status\":\"%s\",\"currency\":%s,"
	    "\"net_minor\":%lld,\"tax_minor\":%lld,\"gross_minor\":%lld,\"lines\":%zu,"
	    "\"budget_over\":%s,\"po_number\":%s}", number, status, pt_json_str(req, cart.currency),
	    cart.total.net_minor, cart.total.tax_minor, cart.total.gross_minor, cart.nlines,
	    pt_json_str(req, budget.over), pt_json_str(req, v[F_PO]));
	return or_done(req, PT_OK, "order.place", "order", pt_printf(req, "%lld", order_id), NULL,
	    after, pt_printf(req, "%s?placed=1", or_order_href(req, number)));
}

static const struct pt_route routes[] = {
	{ PT_POST, "/orders/checkout", checkout, PT_R_LOGIN, OR_PERM_PLACE },
};

/* Its page is the cart's (or_cart_page). */
const struct pt_group or_checkout_group = { routes, PT_NELEM(routes), sql, SQL__MAX, NULL, 0 };
