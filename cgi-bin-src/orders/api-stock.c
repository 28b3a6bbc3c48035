/*
 * Stock and lead times from the warehouse (catalogue.write):
 * POST /api/v1/stock {"items": [{"sku", "stock", "lead_time_days"}, ...]}
 * sets, for each product named by its SKU, the units on hand and the
 * working days to deliver (either or both).  All items or none: every
 * item is checked first (422 naming each bad one, "items[3].sku"), an
 * unknown SKU or one named twice included, then one transaction writes
 * each product with an audit row that names the integration.
 */
#include <string.h>

#include "api.h"

#define ITEMS_MAX	500
#define STOCK_MAX	1000000000LL
#define LEAD_MAX	365	/* as the catalogue's form */

enum api_stock_sql { SQL_LOCK, SQL_UPDATE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LOCK] = { "or_api_stock_lock",
	    "SELECT id, stock, lead_time_days FROM products WHERE sku = ? FOR UPDATE" },
	/* Binds: stock (NULL: keep) twice, lead time (NULL: keep), id. */
	[SQL_UPDATE] = { "or_api_stock_update",
	    "UPDATE products SET stock = COALESCE(?, stock),"
	    " stock_updated_at = IF(? IS NULL, stock_updated_at, UTC_TIMESTAMP(6)),"
	    " lead_time_days = COALESCE(?, lead_time_days), updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ?" },
};

struct item {
	const char	*sku;
	long long	 stock;		/* -1: not given */
	long long	 lead;		/* -1: not given */
};

/* The items of the body into *items (arena); the bad ones into f. */
static int
read_items(struct pt_req *req, json_t *body, struct or_api_fields *f, struct item **items,
    size_t *n)
{
	static const char *const top[] = { "items" };
	static const char *const keys[] = { "sku", "stock", "lead_time_days" };
	json_t *list, *it;
	size_t i, j;

	or_api_unknown(f, body, NULL, top, PT_NELEM(top));
	*n = 0;
	if ((list = or_api_list(f, body, "items", ITEMS_MAX)) == NULL)
		return PT_OK;
	if ((*items = pt_alloc(req, json_array_size(list) * sizeof(**items))) == NULL)
		return PT_ENOMEM;
	json_array_foreach(list, i, it) {
		const char *path;
		struct item *m = &(*items)[i];

		m->stock = m->lead = -1;
		if ((path = or_api_item(f, "items", i, it, keys, PT_NELEM(keys))) == NULL)
			continue;
		if (or_api_str(f, it, path, "sku", 1, OR_SKU_MAX_CHARS, &m->sku) && !or_sku_ok(m->sku))
			or_api_field(f, path, "sku", "is not a SKU");
		for (j = 0; j < i && m->sku != NULL; j++)
			if ((*items)[j].sku != NULL && strcmp((*items)[j].sku, m->sku) == 0) {
				or_api_field(f, path, "sku", "is named twice");
				break;
			}
		or_api_int(f, it, path, "stock", 0, 0, STOCK_MAX, &m->stock);
		or_api_int(f, it, path, "lead_time_days", 0, 0, LEAD_MAX, &m->lead);
		if (json_object_get(it, "stock") == NULL && json_object_get(it, "lead_time_days") == NULL)
			or_api_field(f, path, NULL, "needs stock or lead_time_days");
	}
	*n = json_array_size(list);
	return PT_OK;
}

static struct pt_bind
maybe(long long v)
{
	return v >= 0 ? pt_int(v) : pt_str(NULL);
}

static int
stock(struct pt_req *req)
{
	static const char *const names[] = { "sku", "stock", "lead_time_days" };
	struct or_api_fields f;
	struct item *items = NULL;
	json_t *body, *out, *list;
	size_t i, n;
	int rc;

	if ((rc = or_api_body(req, 0, &body)) != PT_OK)
		return rc;
	or_api_fields_init(&f, req);
	if ((rc = read_items(req, body, &f, &items, &n)) != PT_OK)
		return rc;
	if (f.n > 0)
		return or_api_fields_send(&f);
	if ((out = or_api_own(req, json_object())) == NULL || (list = json_array()) == NULL)
		return PT_ENOMEM;
	json_object_set_new(out, "items", list);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	for (i = 0; i < n && rc == PT_OK; i++) {
		const struct item *m = &items[i];
		const char *before[3], *after[3];
		struct pt_rows p;
		long long stock_now, lead_now;

		if ((rc = pt_db_query(req, &sql[SQL_LOCK], &p, PT_BINDS(pt_str(m->sku)))) != PT_OK)
			break;
		if (p.nrows != 1) {
			or_api_field(&f, pt_printf(req, "items[%zu]", i), "sku", "no product has this SKU");
			continue;
		}
		stock_now = m->stock >= 0 ? m->stock : pt_cell(&p, 0, 1) != NULL ? pt_cell_int(&p, 0, 1) : -1;
		lead_now = m->lead >= 0 ? m->lead : pt_cell_int(&p, 0, 2);
		before[0] = after[0] = m->sku;
		before[1] = pt_cell(&p, 0, 1);
		before[2] = pt_cell(&p, 0, 2);
		after[1] = stock_now >= 0 ? pt_printf(req, "%lld", stock_now) : NULL;
		after[2] = pt_printf(req, "%lld", lead_now);
		if ((rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(maybe(m->stock), maybe(m->stock),
		    maybe(m->lead), pt_int(pt_cell_int(&p, 0, 0))), NULL)) == PT_OK)
			rc = pt_audit(req, "product.stock", "product", pt_cell(&p, 0, 0),
			    pt_json_fields(req, names, before, 3), pt_json_fields(req, names, after, 3));
		json_array_append_new(list, json_pack("{s:s, s:o, s:I}", "sku", m->sku,
		    "stock", stock_now >= 0 ? json_integer(stock_now) : json_null(),
		    "lead_time_days", (json_int_t)lead_now));
	}
	if (rc == PT_OK && f.n > 0) {
		pt_db_rollback(req);
		return or_api_fields_send(&f);
	}
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK)
		return or_undo(req, rc);
	return or_api_send(req, 200, out);
}

static const struct pt_route routes[] = {
	{ PT_POST, OR_API_V1 "stock",	stock,	0, OR_API_CATALOGUE_WRITE },
};

const struct pt_group or_api_stock_group = { routes, PT_NELEM(routes), sql, SQL__MAX, NULL, 0 };
