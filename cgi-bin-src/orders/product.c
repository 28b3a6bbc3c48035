/*
 * A product's page (GET /orders/products/<sku>) with the price that
 * applies to the reader's organisation, its stock as the warehouse
 * reported it, and its image, which nginx sends
 * (X-Accel-Redirect) once the worker has checked that the reader may see
 * the product.  A product the reader's organisation may not see, or an
 * inactive one, is not found, except for the staff who keep the
 * catalogue: they see every product, with its list prices in every
 * currency and its audience.
 */
#include <string.h>

#include "orders.h"

enum product_sql { SQL_PRODUCT, SQL_PRICES, SQL_TIERS, SQL_IMAGE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: org, lang, lang, sku. */
	[SQL_PRODUCT] = { "or_product_page",
	    "SELECT p.id, p.sku, p.kind, p.unit, p.lead_time_days, p.active,"
	    " p.image_storage IS NOT NULL, p.audience," OR_NAME "," OR_DESCRIPTION ","
	    " c.slug, COALESCE(ct.name, ce.name, c.slug), p.active = 1 AND" OR_VISIBLE ","
	    " p.stock," OR_PRICE_COLUMNS
	    OR_PRODUCTS_FROM
	    " JOIN catalogue_categories c ON c.id = p.category_id"
	    " LEFT JOIN catalogue_category_texts ct ON ct.category_id = c.id AND ct.lang = ?"
	    " LEFT JOIN catalogue_category_texts ce ON ce.category_id = c.id AND ce.lang = 'en'"
	    " WHERE p.sku = ?" },
	[SQL_PRICES] = { "or_product_prices",
	    "SELECT currency, amount_minor FROM product_prices WHERE product_id = ?"
	    " ORDER BY FIELD(currency, 'EUR', 'CHF', 'GBP', 'USD')" },
	[SQL_TIERS] = { "or_product_tiers",
	    "SELECT tier FROM product_tiers WHERE product_id = ? ORDER BY tier" },
	/* Binds: org, sku. */
	[SQL_IMAGE] = { "or_product_image",
	    "SELECT p.image_storage, p.image_type, p.image_name, p.active = 1 AND" OR_VISIBLE
	    " FROM products p JOIN orgs o ON o.id = ? WHERE p.sku = ? AND p.image_storage IS NOT NULL" },
};

enum {
	P_ID, P_SKU, P_KIND, P_UNIT, P_LEAD, P_ACTIVE, P_IMAGE, P_AUDIENCE, P_NAME, P_DESC,
	P_CAT_SLUG, P_CAT_NAME, P_VISIBLE, P_STOCK, P_PRICE
};

/* The staff's part: list prices in every currency, audience and tiers. */
static int
staff_node(struct pt_req *req, xmlNodePtr product, const char *id, const char *audience)
{
	struct pt_rows prices, tiers;
	xmlNodePtr n;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_PRICES], &prices, PT_BINDS(pt_str(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_TIERS], &tiers, PT_BINDS(pt_str(id)))) != PT_OK)
		return rc;
	n = pt_node(product, "list-prices", NULL);
	for (i = 0; i < prices.nrows; i++) {
		xmlNodePtr p = pt_node(n, "price", NULL);

		pt_attr(p, "currency", pt_cell(&prices, i, 0));
		pt_attr(p, "minor", pt_cell(&prices, i, 1));
	}
	n = pt_node(product, "audience", NULL);
	pt_attr(n, "kinds", audience);
	for (i = 0; i < tiers.nrows; i++)
		pt_node(n, "tier", pt_cell(&tiers, i, 0));
	pt_attr(product, "edit", pt_printf(req, OR_ADMIN "products/%s", id));
	return PT_OK;
}

/* GET /orders/products/<sku> */
static int
product(struct pt_req *req)
{
	const char *sku = req->caps[1];
	int staff = pt_can(req, OR_PERM_MANAGE);
	struct pt_rows rows;
	xmlNodePtr p;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_PRODUCT], &rows, PT_BINDS(
	    pt_int(req->session.user->org_id), pt_str(req->lang), pt_str(req->lang),
	    pt_str(sku)))) != PT_OK)
		return rc;
	if (rows.nrows != 1 || (pt_cell_int(&rows, 0, P_VISIBLE) != 1 && !staff))
		return pt_error_page(req, 404, NULL);
	p = pt_node(req->page, "product", NULL);
	pt_attr(p, "sku", pt_cell(&rows, 0, P_SKU));
	pt_attr(p, "kind", pt_cell(&rows, 0, P_KIND));
	pt_attr(p, "unit", pt_cell(&rows, 0, P_UNIT));
	pt_attr(p, "lead-days", pt_cell(&rows, 0, P_LEAD));
	/* Units on hand as the warehouse last reported them (the API); none: not reported. */
	pt_attr(p, "stock", pt_cell(&rows, 0, P_STOCK));
	pt_attr(p, "active", pt_cell(&rows, 0, P_ACTIVE));
	pt_attr(p, "category", pt_cell(&rows, 0, P_CAT_SLUG));
	if (pt_cell_int(&rows, 0, P_IMAGE) == 1)
		pt_attr(p, "image", pt_printf(req, "%s/image", or_product_href(req, sku)));
	pt_node(p, "name", pt_cell(&rows, 0, P_NAME));
	pt_node(p, "description", pt_cell(&rows, 0, P_DESC));
	pt_node(p, "category-name", pt_cell(&rows, 0, P_CAT_NAME));
	or_price_node(p, &rows, 0, P_PRICE);
	/* The form that puts it in the cart: for buyers, when it is sold and has a price. */
	if (pt_can(req, OR_PERM_PLACE) && pt_cell_int(&rows, 0, P_ACTIVE) == 1 &&
	    pt_cell_int(&rows, 0, P_VISIBLE) == 1 && pt_cell(&rows, 0, P_PRICE) != NULL)
		pt_attr_int(p, "max-quantity", OR_QTY_MAX);
	if (staff && (rc = staff_node(req, p, pt_cell(&rows, 0, P_ID),
	    pt_cell(&rows, 0, P_AUDIENCE))) != PT_OK)
		return rc;
	req->view = "product";
	return 200;
}

/* GET /orders/products/<sku>/image */
static int
image(struct pt_req *req)
{
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_IMAGE], &rows, PT_BINDS(
	    pt_int(req->session.user->org_id), pt_str(req->caps[1])))) != PT_OK)
		return rc;
	if (rows.nrows != 1 || (pt_cell_int(&rows, 0, 3) != 1 && !pt_can(req, OR_PERM_MANAGE)))
		return pt_error_page(req, 404, NULL);
	rc = pt_send_file(req, pt_printf(req, "orders/%s", pt_cell(&rows, 0, 0)),
	    pt_cell(&rows, 0, 1), pt_cell(&rows, 0, 2), 1);
	return rc == PT_OK ? 200 : rc;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/orders/products/" OR_SKU_ROUTE, product, PT_R_LOGIN, OR_PERM_READ },
	{ PT_GET, "/orders/products/" OR_SKU_ROUTE "/image", image, PT_R_LOGIN, OR_PERM_READ },
};

static const char *const views[] = { "product" };

const struct pt_group or_product_group = PT_GROUP(routes, sql, views);
