/*
 * Contract prices (catalogue.manage, /orders/admin/contract-prices): an
 * organisation's own prices, which override the list prices for it.  The
 * page picks a customer or partner organisation and lists its contract
 * prices beside the list price; a form sets one (by SKU, in the
 * organisation's currency, replacing the one it had) and a button removes
 * one.  A price kept in a currency the organisation no longer has is shown
 * as not applying.
 */
#include <stdlib.h>
#include <string.h>

#include "orders.h"

#define PAGE OR_ADMIN "contract-prices"

enum contract_sql { SQL_ORGS, SQL_PRICES, SQL_PRODUCT, SQL_OLD, SQL_SET, SQL_DELETE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_ORGS] = { "or_contract_orgs",
	    "SELECT id, name, kind, currency FROM orgs WHERE kind IN ('customer', 'partner')"
	    " ORDER BY name" },
	/* Binds: lang, org. */
	[SQL_PRICES] = { "or_contract_prices",
	    "SELECT p.sku, COALESCE(t.name, e.name, p.sku), cp.currency, cp.amount_minor,"
	    " lp.amount_minor, cp.currency = o.currency, " "DATE_FORMAT(cp.updated_at, '%Y-%m-%dT%H:%i:%sZ')"
	    " FROM contract_prices cp JOIN orgs o ON o.id = cp.org_id"
	    " JOIN products p ON p.id = cp.product_id"
	    " LEFT JOIN product_texts t ON t.product_id = p.id AND t.lang = ?"
	    " LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'"
	    " LEFT JOIN product_prices lp ON lp.product_id = p.id AND lp.currency = cp.currency"
	    " WHERE cp.org_id = ? ORDER BY p.sku" },
	[SQL_PRODUCT] = { "or_contract_product", "SELECT id FROM products WHERE sku = ?" },
	/* Binds: org, product. */
	[SQL_OLD] = { "or_contract_old",
	    "SELECT currency, amount_minor FROM contract_prices WHERE org_id = ? AND product_id = ?"
	    " FOR UPDATE" },
	[SQL_SET] = { "or_contract_set",
	    "INSERT INTO contract_prices (org_id, product_id, currency, amount_minor) VALUES (?, ?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE currency = VALUES(currency), amount_minor = VALUES(amount_minor),"
	    " updated_at = UTC_TIMESTAMP(6)" },
	[SQL_DELETE] = { "or_contract_delete",
	    "DELETE FROM contract_prices WHERE org_id = ? AND product_id = ?" },
};

enum { O_ID, O_NAME, O_KIND, O_CURRENCY };
enum { C_SKU, C_NAME, C_CURRENCY, C_MINOR, C_LIST, C_APPLIES, C_UPDATED };

enum { F_SKU, F_PRICE, F__MAX };
static const struct pt_input inputs[F__MAX] = {
	[F_SKU] =	{ "sku", PT_IN_LINE, 1, 0, OR_SKU_MAX_CHARS, NULL, 0 },
	[F_PRICE] =	{ "price", PT_IN_AMOUNT, 1, 0, OR_PRICE_MAX_MINOR, NULL, 0 },
};
static const char *const names[F__MAX] = { "sku", "price" };

/* The organisation of org (the query's or the form's) among orgs: its row, or -1. */
static long
org_row(const struct pt_rows *orgs, const char *org)
{
	size_t i;

	for (i = 0; org != NULL && i < orgs->nrows; i++)
		if (strcmp(pt_cell(orgs, i, O_ID), org) == 0)
			return (long)i;
	return -1;
}

/* The page for org (NULL: none chosen yet) with status, the form's values v. */
static int
show(struct pt_req *req, int status, const char *org, const char *const *v)
{
	struct pt_rows orgs, prices;
	xmlNodePtr page;
	size_t i;
	long at;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ORGS], &orgs, PT_NOBINDS)) != PT_OK)
		return rc;
	page = pt_node(req->page, "or-contract", NULL);
	for (i = 0; i < orgs.nrows; i++) {
		xmlNodePtr o = pt_node(page, "org", pt_cell(&orgs, i, O_NAME));

		pt_attr(o, "id", pt_cell(&orgs, i, O_ID));
		pt_attr(o, "kind", pt_cell(&orgs, i, O_KIND));
		pt_attr(o, "currency", pt_cell(&orgs, i, O_CURRENCY));
	}
	if ((at = org_row(&orgs, org)) >= 0) {
		pt_attr(page, "org", org);
		pt_attr(page, "currency", pt_cell(&orgs, (size_t)at, O_CURRENCY));
		pt_node(page, "org-name", pt_cell(&orgs, (size_t)at, O_NAME));
		if ((rc = pt_db_query(req, &sql[SQL_PRICES], &prices, PT_BINDS(pt_str(req->lang),
		    pt_str(org)))) != PT_OK)
			return rc;
		for (i = 0; i < prices.nrows; i++) {
			xmlNodePtr p = pt_node(page, "price", NULL);

			pt_attr(p, "sku", pt_cell(&prices, i, C_SKU));
			pt_attr(p, "currency", pt_cell(&prices, i, C_CURRENCY));
			pt_attr(p, "minor", pt_cell(&prices, i, C_MINOR));
			if (pt_cell(&prices, i, C_LIST) != NULL)
				pt_attr(p, "list-minor", pt_cell(&prices, i, C_LIST));
			pt_attr(p, "applies", pt_cell(&prices, i, C_APPLIES));
			pt_attr(p, "updated", pt_cell(&prices, i, C_UPDATED));
			pt_node(p, "name", pt_cell(&prices, i, C_NAME));
		}
	}
	pt_form_values(req, "contract", names, v, F__MAX);
	pt_input_limits(req, inputs, F__MAX);
	req->view = "admin-contract";
	return status;
}

static int
page(struct pt_req *req)
{
	const char *v[F__MAX] = { "", "" };

	or_flash(req, "saved", "orders.admin.contract.saved");
	or_flash(req, "deleted", "orders.admin.contract.deleted");
	return show(req, 200, pt_query(req, "org"), v);
}

/*
 * The organisation and product a form names: *org_currency (NULL when the
 * organisation is none of the page's: 404) and *product (0: unknown SKU).
 */
static int
target(struct pt_req *req, const char *org, const char *sku, const char **org_currency,
    long long *product)
{
	struct pt_rows orgs, p;
	long at;
	int rc;

	*org_currency = NULL;
	*product = 0;
	if ((rc = pt_db_query(req, &sql[SQL_ORGS], &orgs, PT_NOBINDS)) != PT_OK)
		return rc;
	if ((at = org_row(&orgs, org)) < 0)
		return PT_OK;
	*org_currency = pt_cell(&orgs, (size_t)at, O_CURRENCY);
	if ((rc = pt_db_query(req, &sql[SQL_PRODUCT], &p, PT_BINDS(pt_str(sku)))) != PT_OK)
		return rc;
	if (p.nrows == 1)
		*product = pt_cell_int(&p, 0, 0);
	return PT_OK;
}

/* What the audit row says of a contract price (NULL when there is none). */
static const char *
price_json(struct pt_req *req, const char *org, const char *sku, const struct pt_rows *old)
{
	if (old->nrows != 1)
		return NULL;
	return pt_printf(req, "{\"org\":%s,\"sku\":%s,\"currency\":%s,\"amount_minor\":%s}", org,
	    pt_json_str(req, sku), pt_json_str(req, pt_cell(old, 0, 0)), pt_cell(old, 0, 1));
}

/* POST /orders/admin/contract-prices: org, sku, price. */
static int
set(struct pt_req *req)
{
	const char *org = pt_form(req, "org"), *v[F__MAX], *currency;
	long long product, minor;
	struct pt_rows old;
	int rc, bad;

	if (org == NULL || !pt_valid(PT_V_ID, org, strlen(org)))
		return pt_error_page(req, 404, NULL);
	if ((bad = pt_input_read(req, inputs, F__MAX, v)) < 0)
		return bad;
	if ((rc = target(req, org, v[F_SKU], &currency, &product)) != PT_OK)
		return rc;
	if (currency == NULL)
		return pt_error_page(req, 404, NULL);
	if (*v[F_SKU] != '\0' && product == 0) {
		pt_message(req, "error", "orders.admin.sku.unknown", "sku");
		bad++;
	}
	if (bad > 0)
		return show(req, 422, org, v);
	pt_parse_amount(v[F_PRICE], &minor);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_OLD], &old, PT_BINDS(pt_str(org), pt_int(product)))) == PT_OK)
		rc = pt_db_exec(req, &sql[SQL_SET], PT_BINDS(pt_str(org), pt_int(product),
		    pt_str(currency), pt_int(minor)), NULL);
	return or_done(req, rc, "contract_price.set", "contract_price",
	    pt_printf(req, "%s/%lld", org, product), price_json(req, org, v[F_SKU], &old),
	    pt_printf(req, "{\"org\":%s,\"sku\":%s,\"currency\":%s,\"amount_minor\":%lld}", org,
	    pt_json_str(req, v[F_SKU]), pt_json_str(req, currency), minor),
	    pt_printf(req, PAGE "?org=%s&saved=1", org));
}

/* POST /orders/admin/contract-prices/delete: org, sku. */
static int
delete(struct pt_req *req)
{
	const char *org = pt_form(req, "org"), *sku = pt_form(req, "sku"), *currency;
	long long product;
	struct pt_rows old;
	int rc;

	if (org == NULL || sku == NULL || !pt_valid(PT_V_ID, org, strlen(org)))
		return pt_error_page(req, 404, NULL);
	if ((rc = target(req, org, sku, &currency, &product)) != PT_OK)
		return rc;
	if (currency == NULL || product == 0)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_OLD], &old, PT_BINDS(pt_str(org), pt_int(product)))) != PT_OK)
		return or_undo(req, rc);
	if (old.nrows != 1)
		return or_undo(req, pt_error_page(req, 404, NULL));
	rc = pt_db_exec(req, &sql[SQL_DELETE], PT_BINDS(pt_str(org), pt_int(product)), NULL);
	return or_done(req, rc, "contract_price.delete", "contract_price",
	    pt_printf(req, "%s/%lld", org, product), price_json(req, org, sku, &old), NULL,
	    pt_printf(req, PAGE "?org=%s&deleted=1", org));
}

static const struct pt_route routes[] = {
	{ PT_GET,  PAGE,		page,	PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, PAGE,		set,	PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, PAGE "/delete",	delete,	PT_R_LOGIN, OR_PERM_MANAGE },
};

static const char *const views[] = { "admin-contract" };

const struct pt_group or_admin_contract_group = PT_GROUP(routes, sql, views);
