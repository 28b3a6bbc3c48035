/*
 * What the orders worker's page groups share: the SKU's form, the
 * currencies and units, a price for the page, and the end of a staff
 * page's write (audit row, commit, redirect).
 */
#include <stdlib.h>
#include <string.h>

#include "orders.h"

const char *const or_currencies[OR_NCURRENCIES] = { "EUR", "CHF", "GBP", "USD" };
const char *const or_tax_classes[OR_NTAX_CLASSES] = { "standard", "reduced", "zero" };
const char *const or_units[OR_NUNITS] = {
	"piece", "pack", "box", "set", "metre", "kg", "litre", "hour", "day", "month", "year",
	"licence"
};

int
or_sku_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > OR_SKU_MAX_CHARS || strchr("._-", s[0]) != NULL)
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

xmlNodePtr
or_price_node(xmlNodePtr parent, const struct pt_rows *rows, size_t r, size_t col)
{
	xmlNodePtr p = pt_node(parent, "price", NULL);

	pt_attr(p, "currency", pt_cell(rows, r, col + 3));
	if (pt_cell(rows, r, col) == NULL) {
		pt_attr(p, "on-request", "1");
		return p;
	}
	pt_attr(p, "minor", pt_cell(rows, r, col));
	if (pt_cell_int(rows, r, col + 1) == 1) {
		pt_attr(p, "contract", "1");
		if (pt_cell(rows, r, col + 2) != NULL)
			pt_attr(p, "list-minor", pt_cell(rows, r, col + 2));
	}
	return p;
}

const char *
or_product_href(struct pt_req *req, const char *sku)
{
	return pt_printf(req, "/orders/products/%s", pt_url_encode(req, sku));
}

int
or_cap_id(const struct pt_req *req, size_t i, long long *id)
{
	const char *s = i < req->ncaps ? req->caps[i] : NULL;

	if (s == NULL || !pt_valid(PT_V_ID, s, strlen(s)))
		return PT_ENOTFOUND;
	*id = strtoll(s, NULL, 10);
	return PT_OK;
}

int
or_load(struct pt_req *req, const struct pt_sql *get, struct pt_rows *rows, long long *id)
{
	int rc;

	if (or_cap_id(req, 1, id) != PT_OK)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, get, rows, PT_BINDS(pt_int(*id)))) != PT_OK)
		return rc;
	return rows->nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

int
or_undo(struct pt_req *req, int rc)
{
	pt_db_rollback(req);
	return rc;
}

int
or_done(struct pt_req *req, int rc, const char *action, const char *type, const char *id,
    const char *before, const char *after, const char *location)
{
	if (rc == PT_OK)
		rc = pt_audit(req, action, type, id, before, after);
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK)
		return or_undo(req, rc);
	return pt_redirect(req, location);
}

void
or_flash(struct pt_req *req, const char *param, const char *key)
{
	if (pt_query(req, param) != NULL)
		pt_message(req, "success", key, NULL);
}

const char *
or_amount_text(struct pt_req *req, const char *minor)
{
	long long m;

	if (minor == NULL || *minor == '\0')
		return "";
	m = strtoll(minor, NULL, 10);
	return pt_printf(req, "%lld.%02lld", m / 100, m % 100);
}

int
or_next_seq(struct pt_req *req, const struct pt_sql *counter, int year, long long *seq)
{
	unsigned long long n = 0;
	int rc;

	if ((rc = pt_db_exec(req, counter, PT_BINDS(pt_int(year)), &n)) != PT_OK)
		return rc;
	/* A new year's row is inserted with 1 (affected 1); an update reports LAST_INSERT_ID. */
	*seq = n == 1 ? 1 : (long long)pt_db_insert_id();
	if (*seq < 1) {
		pt_log(req, PT_LOG_ERROR, "%s gave no number for %d", counter->name, year);
		return PT_EDB;
	}
	return PT_OK;
}
