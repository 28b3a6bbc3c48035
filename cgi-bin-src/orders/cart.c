/*
 * The cart (orders.place, /orders/cart): one per person, kept in the
 * database (carts, cart_lines) and priced whenever it is shown, at the
 * price that applies to the organisation today and the tax rate of the
 * delivery address's country for each product's class.  The page holds
 * the lines with their quantities, a quick order by SKU, the buyer's
 * budget for the month, and the checkout form (checkout.c places the
 * order).  After "order again" (order.c) it says, line by line, what
 * costs something else now than on that order and what is no longer sold.
 *
 * Every change of the cart is audited with the change.
 */
#include <stdlib.h>
#include <string.h>

#include "orders.h"

#define CART_LINES_MAX	200	/* products in one cart */

enum cart_sql {
	SQL_CART, SQL_ADDRESSES, SQL_PRODUCT, SQL_ADD, SQL_SET, SQL_REMOVE, SQL_TOUCH, SQL_COUNT,
	SQL_REPEAT, SQL_REPEAT_LINES, SQL_CURRENCY, SQL__MAX
};

/* Whether the org may order the product now (binds as OR_PRODUCTS_FROM: org, lang). */
#define ORDERABLE \
	" p.active = 1 AND" OR_VISIBLE " AND COALESCE(cp.amount_minor, lp.amount_minor) IS NOT NULL"

static const struct pt_sql sql[SQL__MAX] = {
	/* The reader's lines priced for a country.  Binds: org, lang, user, country. */
	[SQL_CART] = { "or_cart_lines",
	    "SELECT p.id, p.sku, p.unit, p.tax_class," OR_NAME ", cl.quantity," ORDERABLE ","
	    OR_PRICE_COLUMNS ", tr.rate_bp"
	    OR_PRODUCTS_FROM
	    " JOIN cart_lines cl ON cl.product_id = p.id AND cl.user_id = ?"
	    " LEFT JOIN tax_rates tr ON tr.country = ? AND tr.tax_class = p.tax_class"
	    " ORDER BY cl.added_at, p.sku" },
	/* The org's addresses one may deliver to.  Binds: org. */
	[SQL_ADDRESSES] = { "or_cart_addresses",
	    "SELECT id, label, recipient, street, street2, postal_code, city, country"
	    " FROM org_addresses WHERE org_id = ? AND active = 1 ORDER BY id" },
	/* A product by SKU as the reader's org sees it.  Binds: org, lang, sku. */
	[SQL_PRODUCT] = { "or_cart_product",
	    "SELECT p.id, p.active = 1 AND" OR_VISIBLE ", COALESCE(cp.amount_minor, lp.amount_minor)"
	    " IS NOT NULL" OR_PRODUCTS_FROM " WHERE p.sku = ?" },
	[SQL_ADD] = { "or_cart_add",
	    "INSERT INTO cart_lines (user_id, product_id, quantity) VALUES (?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE quantity = LEAST(quantity + VALUES(quantity),"
	    " " OR_XSTR(OR_QTY_MAX) ")" },
	[SQL_SET] = { "or_cart_set",
	    "UPDATE cart_lines SET quantity = ? WHERE user_id = ? AND product_id = ?" },
	[SQL_REMOVE] = { "or_cart_remove",
	    "DELETE FROM cart_lines WHERE user_id = ? AND product_id = ?" },
	[SQL_TOUCH] = { "or_cart_touch",
	    "UPDATE carts SET updated_at = UTC_TIMESTAMP(6) WHERE user_id = ?" },
	[SQL_COUNT] = { "or_cart_count",
	    "SELECT COUNT(*), SUM(product_id = ?) FROM cart_lines WHERE user_id = ?" },
	/* An order of the org, for the report of "order again".  Binds: number, org. */
	[SQL_REPEAT] = { "or_cart_repeat",
	    "SELECT id, currency FROM orders WHERE number = ? AND org_id = ?" },
	/* Its lines against today.  Binds: org, lang, order. */
	[SQL_REPEAT_LINES] = { "or_cart_repeat_lines",
	    "SELECT ol.sku, ol.name, ol.quantity, ol.unit_price_minor," ORDERABLE ","
	    " COALESCE(cp.amount_minor, lp.amount_minor), o.currency"
	    OR_PRODUCTS_FROM " JOIN order_lines ol ON ol.product_id = p.id"
	    " WHERE ol.order_id = ? ORDER BY ol.line_no" },
	[SQL_CURRENCY] = { "or_cart_currency", "SELECT currency FROM orgs WHERE id = ?" },
};

enum {
	C_ID, C_SKU, C_UNIT, C_TAX_CLASS, C_NAME, C_QTY, C_ORDERABLE, C_PRICE, C_CONTRACT,
	C_LIST, C_CURRENCY, C_RATE
};
enum { A_ID, A_LABEL, A_RECIPIENT, A_STREET, A_STREET2, A_POSTAL, A_CITY, A_COUNTRY };
enum { R_SKU, R_NAME, R_QTY, R_THEN, R_ORDERABLE, R_NOW, R_CURRENCY };

/* The checkout form's fields (checkout.c reads them in this order). */
static const char *const checkout_fields[] = {
	"address", "po_number", "cost_centre", "requested_date", "note", "expected"
};

static long long
cell_or(const struct pt_rows *rows, size_t r, size_t c, long long dflt)
{
	return pt_cell(rows, r, c) != NULL ? pt_cell_int(rows, r, c) : dflt;
}

int
or_cart_read(struct pt_req *req, const char *country, struct or_cart *cart)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows rows;
	size_t i;
	int rc;

	memset(cart, 0, sizeof(*cart));
	cart->country = country;
	if ((rc = pt_db_query(req, &sql[SQL_CART], &rows, PT_BINDS(pt_int(u->org_id),
	    pt_str(req->lang), pt_int(u->id), pt_str(country != NULL ? country : "")))) != PT_OK)
		return rc;
	if (rows.nrows > 0 && (cart->lines = pt_alloc(req, rows.nrows * sizeof(*cart->lines))) == NULL)
		return PT_ENOMEM;
	cart->nlines = rows.nrows;
	cart->orderable = rows.nrows > 0;
	for (i = 0; i < rows.nrows; i++) {
		struct or_line *l = &cart->lines[i];

		l->product_id = pt_cell_int(&rows, i, C_ID);
		l->sku = pt_cell(&rows, i, C_SKU);
		l->unit = pt_cell(&rows, i, C_UNIT);
		l->tax_class = pt_cell(&rows, i, C_TAX_CLASS);
		l->name = pt_cell(&rows, i, C_NAME);
		l->quantity = pt_cell_int(&rows, i, C_QTY);
		l->orderable = pt_cell_int(&rows, i, C_ORDERABLE) == 1;
		l->unit_minor = cell_or(&rows, i, C_PRICE, -1);
		l->contract = pt_cell_int(&rows, i, C_CONTRACT) == 1;
		l->list_minor = cell_or(&rows, i, C_LIST, -1);
		l->rate_bp = country != NULL ? (int)cell_or(&rows, i, C_RATE, -1) : -1;
		cart->currency = pt_cell(&rows, i, C_CURRENCY);
		if (!l->orderable) {
			cart->orderable = 0;
			continue;
		}
		if ((rc = pt_money_line(l->unit_minor, l->quantity, l->rate_bp >= 0 ? l->rate_bp : 0,
		    &l->money)) != PT_OK || (rc = pt_money_add(&cart->total, &l->money)) != PT_OK)
			return rc == PT_EINVAL ? PT_ELIMIT : rc;
		if (country != NULL && l->rate_bp < 0)
			cart->orderable = 0;
	}
	return PT_OK;
}

static void
money_attrs(xmlNodePtr n, const struct pt_money *m)
{
	pt_attr_int(n, "net", m->net_minor);
	pt_attr_int(n, "tax", m->tax_minor);
	pt_attr_int(n, "gross", m->gross_minor);
}

xmlNodePtr
or_cart_node(struct pt_req *req, xmlNodePtr parent, const struct or_cart *cart)
{
	xmlNodePtr c = pt_node(parent, "cart", NULL);
	size_t i;

	pt_attr(c, "currency", cart->currency);
	if (cart->country != NULL)
		pt_attr(c, "country", cart->country);
	pt_attr(c, "orderable", cart->orderable ? "1" : "0");
	pt_attr_int(c, "lines", (long long)cart->nlines);
	for (i = 0; i < cart->nlines; i++) {
		const struct or_line *l = &cart->lines[i];
		xmlNodePtr n = pt_node(c, "line", NULL), p;

		pt_attr_int(n, "product-id", l->product_id);
		pt_attr(n, "sku", l->sku);
		pt_attr(n, "unit", l->unit);
		pt_attr(n, "tax-class", l->tax_class);
		pt_attr_int(n, "quantity", l->quantity);
		pt_attr(n, "orderable", l->orderable ? "1" : "0");
		pt_attr(n, "href", or_product_href(req, l->sku));
		pt_node(n, "name", l->name);
		p = pt_node(n, "price", NULL);
		pt_attr(p, "currency", cart->currency);
		if (l->unit_minor < 0)
			pt_attr(p, "on-request", "1");
		else {
			pt_attr_int(p, "minor", l->unit_minor);
			if (l->contract) {
				pt_attr(p, "contract", "1");
				if (l->list_minor >= 0)
					pt_attr_int(p, "list-minor", l->list_minor);
			}
		}
		if (l->orderable) {
			if (l->rate_bp >= 0)
				pt_attr_int(n, "rate-bp", l->rate_bp);
			money_attrs(pt_node(n, "amounts", NULL), &l->money);
		}
	}
	money_attrs(pt_node(c, "totals", NULL), &cart->total);
	return c;
}

/*
 * <repeat number> when the page follows "order again": each line of the
 * order that is not sold now (<gone>) or costs something else (<changed
 * then now>); quietly nothing for a number that is not the org's.
 */
static int
repeat_node(struct pt_req *req, xmlNodePtr parent)
{
	const char *number = pt_query(req, "repeat");
	struct pt_rows order, rows;
	xmlNodePtr r;
	size_t i;
	int rc;

	if (number == NULL || !or_number_ok(number))
		return PT_OK;
	if ((rc = pt_db_query(req, &sql[SQL_REPEAT], &order, PT_BINDS(pt_str(number),
	    pt_int(req->session.user->org_id)))) != PT_OK || order.nrows != 1)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_REPEAT_LINES], &rows, PT_BINDS(
	    pt_int(req->session.user->org_id), pt_str(req->lang),
	    pt_str(pt_cell(&order, 0, 0))))) != PT_OK)
		return rc;
	r = pt_node(parent, "repeat", NULL);
	pt_attr(r, "number", number);
	pt_attr(r, "href", or_order_href(req, number));
	for (i = 0; i < rows.nrows; i++) {
		int same_currency = strcmp(pt_cell(&rows, i, R_CURRENCY), pt_cell(&order, 0, 1)) == 0;
		xmlNodePtr n;

		if (pt_cell_int(&rows, i, R_ORDERABLE) != 1) {
			n = pt_node(r, "gone", NULL);
		} else if (!same_currency ||
		    pt_cell_int(&rows, i, R_NOW) != pt_cell_int(&rows, i, R_THEN)) {
			n = pt_node(r, "changed", NULL);
			pt_attr(n, "then-minor", pt_cell(&rows, i, R_THEN));
			pt_attr(n, "then-currency", pt_cell(&order, 0, 1));
			pt_attr(n, "now-minor", pt_cell(&rows, i, R_NOW));
			pt_attr(n, "now-currency", pt_cell(&rows, i, R_CURRENCY));
		} else {
			n = pt_node(r, "same", NULL);
		}
		pt_attr(n, "sku", pt_cell(&rows, i, R_SKU));
		pt_attr(n, "quantity", pt_cell(&rows, i, R_QTY));
		pt_node(n, "name", pt_cell(&rows, i, R_NAME));
	}
	return PT_OK;
}

/*
 * <addresses> with the chosen one (its id, else the first) marked current;
 * its row, or -1 when the org has none.
 */
static long
addresses_node(xmlNodePtr parent, const struct pt_rows *rows, const char *chosen)
{
	xmlNodePtr l = pt_node(parent, "addresses", NULL);
	size_t i;
	long pick = rows->nrows > 0 ? 0 : -1;

	for (i = 0; chosen != NULL && i < rows->nrows; i++)
		if (strcmp(pt_cell(rows, i, A_ID), chosen) == 0)
			pick = (long)i;
	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr a = or_address_node(l, rows, i, A_LABEL);

		pt_attr(a, "id", pt_cell(rows, i, A_ID));
		if ((long)i == pick)
			pt_attr(a, "current", "1");
	}
	return pick;
}

int
or_cart_page(struct pt_req *req, int status, const char *const *v)
{
	const char *values[PT_NELEM(checkout_fields)];
	const char *chosen, *country = NULL;
	struct or_budget_state budget;
	struct pt_rows addresses, currency;
	struct or_cart cart;
	xmlNodePtr page;
	size_t i;
	long pick;
	int rc;

	for (i = 0; i < PT_NELEM(checkout_fields); i++)
		values[i] = v != NULL && v[i] != NULL ? v[i] : "";
	chosen = *values[0] != '\0' ? values[0] : pt_query(req, "address");
	if ((rc = pt_db_query(req, &sql[SQL_ADDRESSES], &addresses,
	    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	page = pt_node(req->page, "cart-page", NULL);
	if ((pick = addresses_node(page, &addresses, chosen)) >= 0) {
		country = pt_cell(&addresses, (size_t)pick, A_COUNTRY);
		values[0] = pt_cell(&addresses, (size_t)pick, A_ID);
	}
	rc = or_cart_read(req, country, &cart);
	if (rc == PT_ELIMIT) {
		pt_message(req, "error", "orders.cart.too-much", NULL);
		memset(&cart, 0, sizeof(cart));
		status = status == 200 ? 422 : status;
	} else if (rc != PT_OK)
		return rc;
	if (cart.currency == NULL) {
		if ((rc = pt_db_query(req, &sql[SQL_CURRENCY], &currency,
		    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
			return rc;
		cart.currency = currency.nrows == 1 ? pt_cell(&currency, 0, 0) : "";
	}
	or_cart_node(req, page, &cart);
	if ((rc = or_budget_state(req, cart.total.net_minor, &budget)) != PT_OK)
		return rc;
	or_budget_node(req, page, &budget);
	if ((rc = repeat_node(req, page)) != PT_OK)
		return rc;
	/* The total the buyer sees is the total they confirm (checkout.c compares). */
	values[5] = pt_printf(req, "%lld", cart.total.gross_minor);
	pt_form_values(req, "checkout", checkout_fields, values, PT_NELEM(checkout_fields));
	pt_limit(req, "po_number", OR_PO_MAX_CHARS);
	pt_limit(req, "cost_centre", OR_COST_CENTRE_MAX_CHARS);
	pt_limit(req, "note", OR_NOTE_MAX_CHARS);
	pt_limit(req, "sku", OR_SKU_MAX_CHARS);
	or_flash(req, "added", "orders.cart.added");
	or_flash(req, "updated", "orders.cart.updated");
	req->view = "cart";
	return status;
}

/* GET /orders/cart */
static int
cart(struct pt_req *req)
{
	return or_cart_page(req, 200, NULL);
}

int
or_cart_add(struct pt_req *req, long long product_id, long long quantity)
{
	const struct pt_user *u = req->session.user;
	int rc;

	if ((rc = pt_order_budget_lock(req, u->id, u->org_id)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ADD], PT_BINDS(pt_int(u->id), pt_int(product_id),
	    pt_int(quantity)), NULL)) != PT_OK)
		return rc;
	return pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_int(u->id)), NULL);
}

enum { F_SKU, F_QUANTITY, F__MAX };
static const struct pt_input add_inputs[F__MAX] = {
	[F_SKU] =	{ "sku", PT_IN_LINE, 1, 0, OR_SKU_MAX_CHARS, NULL, 0 },
	[F_QUANTITY] =	{ "quantity", PT_IN_INT, 1, 1, OR_QTY_MAX, NULL, 0 },
};
static const char *const add_names[F__MAX] = { "sku", "quantity" };

/* The add form again with its values and status 422. */
static int
add_again(struct pt_req *req, const char **v)
{
	pt_form_values(req, "add", add_names, v, F__MAX);
	return or_cart_page(req, 422, NULL);
}

/* POST /orders/cart/add: a product by SKU (the quick order, a product's page). */
static int
add(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows product, count;
	const char *v[F__MAX];
	long long id;
	int rc;

	if ((rc = pt_input_read(req, add_inputs, F__MAX, v)) != 0)
		return rc < 0 ? rc : add_again(req, v);
	if ((rc = pt_db_query(req, &sql[SQL_PRODUCT], &product, PT_BINDS(pt_int(u->org_id),
	    pt_str(req->lang), pt_str(v[F_SKU])))) != PT_OK)
		return rc;
	if (product.nrows != 1 || pt_cell_int(&product, 0, 1) != 1) {
		pt_message(req, "error", "orders.cart.sku.unknown", "sku");
		return add_again(req, v);
	}
	if (pt_cell_int(&product, 0, 2) != 1) {
		pt_message(req, "error", "orders.cart.sku.on-request", "sku");
		return add_again(req, v);
	}
	id = pt_cell_int(&product, 0, 0);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_order_budget_lock(req, u->id, u->org_id)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COUNT], &count, PT_BINDS(pt_int(id),
	    pt_int(u->id)))) != PT_OK)
		return or_undo(req, rc);
	if (pt_cell_int(&count, 0, 0) >= CART_LINES_MAX && cell_or(&count, 0, 1, 0) == 0) {
		pt_db_rollback(req);
		pt_message_max(req, "orders.cart.full", "sku", CART_LINES_MAX);
		return add_again(req, v);
	}
	rc = or_cart_add(req, id, strtoll(v[F_QUANTITY], NULL, 10));
	return or_done(req, rc, "cart.add", "cart", pt_printf(req, "%lld", (long long)u->id), NULL,
	    pt_json_fields(req, add_names, v, F__MAX), "/orders/cart?added=1");
}

/*
 * POST /orders/cart: the quantities (qty-<product id>; 0 removes the line)
 * or the line a "remove" button names.  Every field is checked before
 * anything changes.
 */
static int
update(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *remove = pt_form(req, "remove");
	struct or_cart cart;
	const char **qty, **names, *after = "[";
	long long *want;
	size_t i, bad = 0, changed = 0;
	int rc;

	if ((rc = or_cart_read(req, NULL, &cart)) != PT_OK && rc != PT_ELIMIT)
		return rc;
	if ((qty = pt_alloc(req, (cart.nlines + 1) * sizeof(*qty))) == NULL ||
	    (names = pt_alloc(req, (cart.nlines + 1) * sizeof(*names))) == NULL ||
	    (want = pt_alloc(req, (cart.nlines + 1) * sizeof(*want))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < cart.nlines; i++) {
		const struct or_line *l = &cart.lines[i];
		const char *s;

		names[i] = pt_printf(req, "qty-%lld", l->product_id);
		if ((s = pt_form_trim(req, names[i])) == NULL)
			return PT_ENOMEM;
		qty[i] = s;
		want[i] = *s == '\0' ? l->quantity : pt_input_int(s, -1);
		if (remove != NULL && strcmp(remove, pt_printf(req, "%lld", l->product_id)) == 0)
			want[i] = 0;
		if (want[i] < 0 || want[i] > OR_QTY_MAX) {
			pt_message_range(req, "input.integer", names[i], 0, OR_QTY_MAX);
			bad++;
		}
	}
	if (bad > 0) {
		pt_form_values(req, "cart", names, qty, cart.nlines);
		return or_cart_page(req, 422, NULL);
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_order_budget_lock(req, u->id, u->org_id)) != PT_OK)
		return or_undo(req, rc);
	for (i = 0; i < cart.nlines && rc == PT_OK; i++) {
		const struct or_line *l = &cart.lines[i];

		if (want[i] == l->quantity)
			continue;
		if (want[i] == 0)
			rc = pt_db_exec(req, &sql[SQL_REMOVE], PT_BINDS(pt_int(u->id),
			    pt_int(l->product_id)), NULL);
		else
			rc = pt_db_exec(req, &sql[SQL_SET], PT_BINDS(pt_int(want[i]), pt_int(u->id),
			    pt_int(l->product_id)), NULL);
		after = pt_printf(req, "%s%s{\"sku\":%s,\"quantity\":%lld,\"was\":%lld}", after,
		    changed++ > 0 ? "," : "", pt_json_str(req, l->sku), want[i], l->quantity);
	}
	if (changed == 0) {
		pt_db_rollback(req);
		return pt_redirect(req, "/orders/cart");
	}
	if (rc == PT_OK)
		rc = pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_int(u->id)), NULL);
	return or_done(req, rc, "cart.update", "cart", pt_printf(req, "%lld", (long long)u->id),
	    NULL, pt_printf(req, "%s]", after), "/orders/cart?updated=1");
}

static const struct pt_route routes[] = {
	{ PT_GET,  "/orders/cart",	cart,	PT_R_LOGIN, OR_PERM_PLACE },
	{ PT_POST, "/orders/cart",	update,	PT_R_LOGIN, OR_PERM_PLACE },
	{ PT_POST, "/orders/cart/add",	add,	PT_R_LOGIN, OR_PERM_PLACE },
};

static const char *const views[] = { "cart" };

const struct pt_group or_cart_group = PT_GROUP(routes, sql, views);
