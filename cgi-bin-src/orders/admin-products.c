/*
 * The catalogue's products (catalogue.manage, /orders/admin/): the list of
 * every product, active or not, with a search; creating and editing one
 * on one form: SKU, category, kind, unit, tax class (the delivery
 * country's rate for it applies, tax_rates), lead time, audience (kinds and
 * tiers), active, names and descriptions in English and German, the list
 * price in each currency (empty: none) and the image (uploaded, replaced
 * or removed).  Products are never deleted (orders will point at them):
 * one that is no longer sold is made inactive.  The form is multipart
 * (the image); a refused one comes back 422 with every value kept.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "orders.h"

#define PER_PAGE	50
#define IMAGE_MAX_BYTES	(2 * 1024 * 1024)
#define TIERS_MAX	8	/* of a product */
#define TIER_MAX_CHARS	40	/* product_tiers.tier, orgs.tier */

enum products_sql {
	SQL_LIST, SQL_COUNT, SQL_CATEGORIES, SQL_GET, SQL_INSERT, SQL_UPDATE, SQL_TEXT, SQL_TIERS_CLEAR,
	SQL_TIER, SQL_PRICE_SET, SQL_PRICE_CLEAR, SQL__MAX
};

/* A list price column of SQL_GET (as the form's decimal is made in C). */
#define PRICE(cur) \
	" (SELECT amount_minor FROM product_prices x WHERE x.product_id = p.id AND x.currency = '" cur "')"

/* Binds: q x3 (the LIKE pattern, '' for all), category x2. */
#define LIST_WHERE \
	" WHERE (? = '' OR p.sku LIKE ? OR e.name LIKE ?) AND (? = 0 OR p.category_id = ?)"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "or_admin_products_list",
	    "SELECT p.id, p.sku, p.kind, p.active, e.name, ce.name," PRICE("EUR")
	    " FROM products p LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'"
	    " JOIN catalogue_categories c ON c.id = p.category_id"
	    " LEFT JOIN catalogue_category_texts ce ON ce.category_id = c.id AND ce.lang = 'en'"
	    LIST_WHERE " ORDER BY p.sku LIMIT ? OFFSET ?" },
	[SQL_COUNT] = { "or_admin_products_count",
	    "SELECT COUNT(*) FROM products p"
	    " LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'" LIST_WHERE },
	[SQL_CATEGORIES] = { "or_admin_products_categories",
	    "SELECT c.id, COALESCE(t.name, e.name, c.slug) FROM catalogue_categories c"
	    " LEFT JOIN catalogue_category_texts t ON t.category_id = c.id AND t.lang = ?"
	    " LEFT JOIN catalogue_category_texts e ON e.category_id = c.id AND e.lang = 'en'"
	    " ORDER BY c.position, c.id" },
	/* The form's columns in the order of enum field, then the image's. */
	[SQL_GET] = { "or_admin_products_get",
	    "SELECT p.sku, p.category_id, p.kind, p.unit, p.tax_class, p.lead_time_days, p.return_days,"
	    " (SELECT GROUP_CONCAT(tier ORDER BY tier SEPARATOR ' ') FROM product_tiers x"
	    "   WHERE x.product_id = p.id), p.active, e.name, d.name, e.description, d.description,"
	    PRICE("EUR") "," PRICE("CHF") "," PRICE("GBP") "," PRICE("USD") ", p.audience,"
	    " p.image_storage, p.image_type, p.image_name, p.id"
	    " FROM products p LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'"
	    " LEFT JOIN product_texts d ON d.product_id = p.id AND d.lang = 'de' WHERE p.id = ?" },
	[SQL_INSERT] = { "or_admin_products_insert",
	    "INSERT INTO products (sku, category_id, kind, unit, tax_class, lead_time_days, return_days,"
	    " active, audience, image_storage, image_type, image_name)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[SQL_UPDATE] = { "or_admin_products_update",
	    "UPDATE products SET sku = ?, category_id = ?, kind = ?, unit = ?, tax_class = ?,"
	    " lead_time_days = ?, return_days = ?, active = ?, audience = ?, image_storage = ?, image_type = ?, image_name = ?,"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_TEXT] = { "or_admin_products_text",
	    "INSERT INTO product_texts (product_id, lang, name, description) VALUES (?, ?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE name = VALUES(name), description = VALUES(description)" },
	[SQL_TIERS_CLEAR] = { "or_admin_products_tiers_clear",
	    "DELETE FROM product_tiers WHERE product_id = ?" },
	[SQL_TIER] = { "or_admin_products_tier",
	    "INSERT IGNORE INTO product_tiers (product_id, tier) VALUES (?, ?)" },
	[SQL_PRICE_SET] = { "or_admin_products_price_set",
	    "INSERT INTO product_prices (product_id, currency, amount_minor) VALUES (?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE amount_minor = VALUES(amount_minor),"
	    " updated_at = UTC_TIMESTAMP(6)" },
	[SQL_PRICE_CLEAR] = { "or_admin_products_price_clear",
	    "DELETE FROM product_prices WHERE product_id = ? AND currency = ?" },
};

/* The form: SQL_GET's columns, the audit row's fields. */
enum field {
	F_SKU, F_CATEGORY, F_KIND, F_UNIT, F_TAX_CLASS, F_LEAD, F_RETURN, F_TIERS, F_ACTIVE, F_NAME_EN, F_NAME_DE, F_DESC_EN,
	F_DESC_DE, F_EUR, F_CHF, F_GBP, F_USD, F__MAX
};
enum { G_AUDIENCE = F__MAX, G_IMAGE, G_IMAGE_TYPE, G_IMAGE_NAME, G_ID };

static const char *const kinds[] = { "product", "service" };
static const char *const audiences[] = { "customer", "partner" };

static const struct pt_input inputs[F__MAX] = {
	[F_SKU] =	{ "sku", PT_IN_LINE, 1, 0, OR_SKU_MAX_CHARS, NULL, 0 },
	[F_CATEGORY] =	{ "category", PT_IN_INT, 1, 1, 999999999, NULL, 0 },
	[F_KIND] =	{ "kind", PT_IN_CHOICE, 1, 0, 0, kinds, 2 },
	[F_UNIT] =	{ "unit", PT_IN_CHOICE, 1, 0, 0, or_units, OR_NUNITS },
	[F_TAX_CLASS] =	{ "tax_class", PT_IN_CHOICE, 1, 0, 0, or_tax_classes, OR_NTAX_CLASSES },
	[F_LEAD] =	{ "lead_time_days", PT_IN_INT, 1, 0, 365, NULL, 0 },
	/* days after delivery a line of it may be returned; 0: never (services); empty: 30 */
	[F_RETURN] =	{ "return_days", PT_IN_INT, 0, 0, 3650, NULL, 0 },
	[F_TIERS] =	{ "tiers", PT_IN_LINE, 0, 0, 200, NULL, 0 },
	[F_ACTIVE] =	{ "active", PT_IN_CHECK, 0, 0, 0, NULL, 0 },
	[F_NAME_EN] =	{ "name_en", PT_IN_LINE, 1, 0, 200, NULL, 0 },
	[F_NAME_DE] =	{ "name_de", PT_IN_LINE, 1, 0, 200, NULL, 0 },
	[F_DESC_EN] =	{ "description_en", PT_IN_TEXT, 0, 0, 4000, NULL, 0 },
	[F_DESC_DE] =	{ "description_de", PT_IN_TEXT, 0, 0, 4000, NULL, 0 },
	[F_EUR] =	{ "price_EUR", PT_IN_AMOUNT, 0, 0, OR_PRICE_MAX_MINOR, NULL, 0 },
	[F_CHF] =	{ "price_CHF", PT_IN_AMOUNT, 0, 0, OR_PRICE_MAX_MINOR, NULL, 0 },
	[F_GBP] =	{ "price_GBP", PT_IN_AMOUNT, 0, 0, OR_PRICE_MAX_MINOR, NULL, 0 },
	[F_USD] =	{ "price_USD", PT_IN_AMOUNT, 0, 0, OR_PRICE_MAX_MINOR, NULL, 0 },
};

static const char *const names[F__MAX] = {
	"sku", "category", "kind", "unit", "tax_class", "lead_time_days", "return_days", "tiers", "active", "name_en", "name_de",
	"description_en", "description_de", "price_EUR", "price_CHF", "price_GBP", "price_USD"
};

/* The categories for the form's choice and the list's filter, named in the reader's language. */
static int
categories(struct pt_req *req, struct pt_rows *cats)
{
	return pt_db_query(req, &sql[SQL_CATEGORIES], cats, PT_BINDS(pt_str(req->lang)));
}

/* ---- the list -------------------------------------------------------------------- */

static int
list(struct pt_req *req)
{
	const char *q = pt_query_trim(req, "q"), *like;
	long long category, page = pt_query_page(req);
	struct pt_rows rows, count, cats;
	xmlNodePtr l;
	size_t i;
	int rc;

	if (q == NULL)
		return PT_ENOMEM;
	if (pt_text_chars(q, 0) < 0 || pt_chars(q) > PT_FILTER_MAX_CHARS)
		q = "";
	like = *q != '\0' ? pt_sql_like(req, q) : "";
	category = pt_input_int(pt_query(req, "category"), 0);
	if ((rc = pt_db_query(req, &sql[SQL_COUNT], &count, PT_BINDS(pt_str(like), pt_str(like),
	    pt_str(like), pt_int(category), pt_int(category)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_str(like), pt_str(like),
	    pt_str(like), pt_int(category), pt_int(category), pt_int(PER_PAGE),
	    pt_int((page - 1) * PER_PAGE)))) != PT_OK ||
	    (rc = categories(req, &cats)) != PT_OK)
		return rc;
	l = pt_node(req->page, "or-products", NULL);
	pt_attr(l, "q", q);
	pt_attr_int(l, "category", category);
	for (i = 0; i < cats.nrows; i++)
		pt_attr(pt_node(l, "category", pt_cell(&cats, i, 1)), "id", pt_cell(&cats, i, 0));
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr p = pt_node(l, "product", NULL);

		pt_attr(p, "id", pt_cell(&rows, i, 0));
		pt_attr(p, "sku", pt_cell(&rows, i, 1));
		pt_attr(p, "kind", pt_cell(&rows, i, 2));
		pt_attr(p, "active", pt_cell(&rows, i, 3));
		pt_node(p, "name", pt_cell(&rows, i, 4));
		pt_node(p, "category-name", pt_cell(&rows, i, 5));
		if (pt_cell(&rows, i, 6) != NULL)
			pt_attr(p, "eur-minor", pt_cell(&rows, i, 6));
	}
	pt_pager(l, page, pt_cell_int(&count, 0, 0), PER_PAGE);
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	req->view = "admin-products";
	return 200;
}

/* ---- the form -------------------------------------------------------------------- */

struct form {
	const char	*v[F__MAX];
	const char	*audience;	/* "customer,partner", as the SET column takes it */
	const char	*tiers[TIERS_MAX];
	size_t		 ntiers;
	long long	 price[OR_NCURRENCIES];	/* minor units, -1: none */
	const struct pt_upload *image;
	const struct pt_file_type *image_type;
	int		 image_remove;
};

/* The form view: the product's row (NULL when new) and the values to show. */
static int
show(struct pt_req *req, int status, const struct pt_rows *p, const struct form *f)
{
	xmlNodePtr n = pt_node(req->page, "or-product", NULL), form;
	struct pt_rows cats;
	size_t i;
	int rc;

	if ((rc = categories(req, &cats)) != PT_OK)
		return rc;
	for (i = 0; i < cats.nrows; i++)
		pt_attr(pt_node(n, "category", pt_cell(&cats, i, 1)), "id", pt_cell(&cats, i, 0));
	if (p != NULL) {
		pt_attr(n, "id", pt_cell(p, 0, G_ID));
		pt_attr(n, "sku", pt_cell(p, 0, F_SKU));
		pt_node(n, "name", pt_cell(p, 0, F_NAME_EN));
		if (pt_cell(p, 0, G_IMAGE) != NULL)
			pt_attr(n, "image", pt_printf(req, "%s/image",
			    or_product_href(req, pt_cell(p, 0, F_SKU))));
	}
	form = pt_form_values(req, "product", names, f->v, F__MAX);
	for (i = 0; i < PT_NELEM(audiences); i++)
		if (f->audience != NULL && strstr(f->audience, audiences[i]) != NULL)
			pt_attr(pt_node(form, "field", audiences[i]), "name", "audience");
	pt_input_limits(req, inputs, F__MAX);
	req->view = "admin-product";
	return status;
}

static void
values_of(const struct pt_rows *p, struct form *f)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < F__MAX; i++)
		f->v[i] = pt_cell(p, 0, i) != NULL ? pt_cell(p, 0, i) : "";
	f->audience = pt_cell(p, 0, G_AUDIENCE);
}

/* The list prices as the form shows them: decimals of the minor units. */
static void
prices_as_text(struct pt_req *req, struct form *f)
{
	size_t i;

	for (i = 0; i < OR_NCURRENCIES; i++)
		f->v[F_EUR + i] = or_amount_text(req, f->v[F_EUR + i]);
}

/* 1 if s is a tier as organisations have them: letters, digits and '-'. */
static int
tier_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= TIER_MAX_CHARS &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* The audience boxes, the tiers and the image: 0, or the number of fields in error. */
static int
read_rest(struct pt_req *req, struct form *f)
{
	char *tiers, *t, *save = NULL;
	int bad = 0, customer = 0, partner = 0;
	size_t i;

	for (i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].name, "audience") == 0) {
			customer |= strcmp(req->form.v[i].value, "customer") == 0;
			partner |= strcmp(req->form.v[i].value, "partner") == 0;
		}
	f->audience = customer && partner ? "customer,partner" : customer ? "customer" :
	    partner ? "partner" : "";
	if (*f->audience == '\0') {
		pt_message(req, "error", "orders.admin.audience.required", "audience");
		bad++;
	}
	if ((tiers = pt_strdup(req, f->v[F_TIERS])) == NULL)
		return PT_ENOMEM;
	for (t = strtok_r(tiers, " ,", &save); t != NULL; t = strtok_r(NULL, " ,", &save)) {
		if (!tier_ok(t) || f->ntiers == TIERS_MAX) {
			pt_message(req, "error", "orders.admin.tiers.invalid", "tiers");
			bad++;
			break;
		}
		f->tiers[f->ntiers++] = t;
	}
	for (i = 0; i < OR_NCURRENCIES; i++)
		if (pt_parse_amount(f->v[F_EUR + i], &f->price[i]) != PT_OK)
			f->price[i] = -1;
	f->image_remove = pt_form(req, "image_remove") != NULL;
	if ((f->image = pt_upload(req, "image")) != NULL && f->image->len > 0) {
		f->image_type = pt_file_sniff(f->image->data, f->image->len);
		if (f->image->len > IMAGE_MAX_BYTES) {
			pt_message_max(req, "orders.admin.image.size", "image", IMAGE_MAX_BYTES / 1024);
			bad++;
		} else if (f->image_type == NULL || strncmp(f->image_type->type, "image/", 6) != 0) {
			pt_message(req, "error", "orders.admin.image.type", "image");
			bad++;
		}
	} else
		f->image = NULL;
	return bad;
}

/* The product's texts, tiers and list prices, inside the transaction. */
static int
write_parts(struct pt_req *req, long long id, const struct form *f)
{
	static const char *const langs[2] = { "en", "de" };
	size_t i;
	int rc = PT_OK;

	for (i = 0; i < 2 && rc == PT_OK; i++)
		rc = pt_db_exec(req, &sql[SQL_TEXT], PT_BINDS(pt_int(id), pt_str(langs[i]),
		    pt_str(f->v[F_NAME_EN + i]), pt_str(f->v[F_DESC_EN + i])), NULL);
	if (rc == PT_OK)
		rc = pt_db_exec(req, &sql[SQL_TIERS_CLEAR], PT_BINDS(pt_int(id)), NULL);
	for (i = 0; i < f->ntiers && rc == PT_OK; i++)
		rc = pt_db_exec(req, &sql[SQL_TIER], PT_BINDS(pt_int(id), pt_str(f->tiers[i])), NULL);
	for (i = 0; i < OR_NCURRENCIES && rc == PT_OK; i++)
		rc = f->price[i] < 0 ?
		    pt_db_exec(req, &sql[SQL_PRICE_CLEAR], PT_BINDS(pt_int(id), pt_str(or_currencies[i])),
		    NULL) :
		    pt_db_exec(req, &sql[SQL_PRICE_SET], PT_BINDS(pt_int(id), pt_str(or_currencies[i]),
		    pt_int(f->price[i])), NULL);
	return rc;
}

/* What the audit row says of a form: its fields, the audience and the image's storage name. */
static const char *
audit_json(struct pt_req *req, const struct form *f, const char *image)
{
	const char *fields = pt_json_fields(req, names, f->v, F__MAX);

	if (fields == NULL)
		return NULL;
	return pt_printf(req, "%.*s,\"audience\":%s,\"image\":%s}", (int)strlen(fields) - 1, fields,
	    pt_json_str(req, f->audience), pt_json_str(req, image));
}

/* 1 if the category id (as typed and checked) is one of the catalogue's. */
static int
category_known(struct pt_req *req, const char *id, int *known)
{
	struct pt_rows cats;
	size_t i;
	int rc;

	*known = 0;
	if ((rc = categories(req, &cats)) != PT_OK)
		return rc;
	for (i = 0; i < cats.nrows; i++)
		*known |= strcmp(pt_cell(&cats, i, 0), id) == 0;
	return PT_OK;
}

/*
 * Write the form into product id (p its row) or a new product when p is
 * NULL: a new image is stored before the transaction and removed again
 * when it fails; a replaced or removed one after the commit.
 */
static int
save(struct pt_req *req, const struct pt_rows *p, long long id)
{
	const char *storage = NULL, *type = NULL, *name = NULL, *path = NULL, *old = NULL;
	char stored[65];
	struct form f, before;
	int rc, bad, known = 1;

	memset(&f, 0, sizeof(f));
	if ((bad = pt_input_read(req, inputs, F__MAX, f.v)) < 0)
		return bad;
	if ((rc = read_rest(req, &f)) < 0)
		return rc;
	bad += rc;
	if (*f.v[F_SKU] != '\0' && !or_sku_ok(f.v[F_SKU])) {
		pt_message_max(req, "orders.admin.sku.invalid", "sku", OR_SKU_MAX_CHARS);
		bad++;
	}
	if (*f.v[F_CATEGORY] != '\0' && (rc = category_known(req, f.v[F_CATEGORY], &known)) != PT_OK)
		return rc;
	if (!known) {
		pt_message(req, "error", "input.choice", "category");
		bad++;
	}
	if (bad > 0)
		return show(req, 422, p, &f);
	if (p != NULL) {
		storage = pt_cell(p, 0, G_IMAGE);
		type = pt_cell(p, 0, G_IMAGE_TYPE);
		name = pt_cell(p, 0, G_IMAGE_NAME);
	}
	if (f.image != NULL) {
		if ((rc = pt_file_store(req, "orders", f.image->data, f.image->len, stored, &path)) != PT_OK)
			return rc;
		old = storage;
		storage = stored;
		type = f.image_type->type;
		name = pt_file_name(req, f.image->filename, f.image_type);
	} else if (f.image_remove && storage != NULL) {
		old = storage;
		storage = type = name = NULL;
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		goto fail;
	if (p != NULL)
		rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(f.v[F_SKU]),
		    pt_int(atoll(f.v[F_CATEGORY])), pt_str(f.v[F_KIND]), pt_str(f.v[F_UNIT]),
		    pt_str(f.v[F_TAX_CLASS]), pt_int(atoll(f.v[F_LEAD])), pt_int(pt_input_int(f.v[F_RETURN], 30)),
		    pt_int(*f.v[F_ACTIVE] == '1'),
		    pt_str(f.audience), pt_str(storage), pt_str(type), pt_str(name), pt_int(id)), NULL);
	else {
		rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(f.v[F_SKU]),
		    pt_int(atoll(f.v[F_CATEGORY])), pt_str(f.v[F_KIND]), pt_str(f.v[F_UNIT]),
		    pt_str(f.v[F_TAX_CLASS]), pt_int(atoll(f.v[F_LEAD])), pt_int(pt_input_int(f.v[F_RETURN], 30)),
		    pt_int(*f.v[F_ACTIVE] == '1'),
		    pt_str(f.audience), pt_str(storage), pt_str(type), pt_str(name)), NULL);
		id = (long long)pt_db_insert_id();
	}
	if (rc == PT_EDUP) {
		pt_db_rollback(req);
		if (path != NULL)
			unlink(path);
		pt_message(req, "error", "orders.admin.sku.taken", "sku");
		return show(req, 422, p, &f);
	}
	if (rc == PT_OK)
		rc = write_parts(req, id, &f);
	if (p != NULL) {
		values_of(p, &before);
		prices_as_text(req, &before);
	}
	rc = or_done(req, rc, p != NULL ? "product.update" : "product.create", "product",
	    pt_printf(req, "%lld", id), p != NULL ? audit_json(req, &before, pt_cell(p, 0, G_IMAGE)) :
	    NULL, audit_json(req, &f, storage),
	    pt_printf(req, OR_ADMIN "products/%lld?saved=1", id));
	if (rc == 303) {
		if (old != NULL)
			unlink(pt_printf(req, "%s/orders/%s", pt_files_dir(), old));
		return rc;
	}
fail:
	if (path != NULL)
		unlink(path);
	return rc;
}

static int
new_form(struct pt_req *req)
{
	struct form f;
	size_t i;

	memset(&f, 0, sizeof(f));
	for (i = 0; i < F__MAX; i++)
		f.v[i] = "";
	f.v[F_KIND] = "product";
	f.v[F_UNIT] = "piece";
	f.v[F_TAX_CLASS] = "standard";
	f.v[F_LEAD] = "0";
	f.v[F_RETURN] = "30";
	f.v[F_ACTIVE] = "1";
	f.audience = "customer,partner";
	return show(req, 200, NULL, &f);
}

static int
edit_form(struct pt_req *req)
{
	struct pt_rows p;
	struct form f;
	long long id;
	int rc;

	if ((rc = or_load(req, &sql[SQL_GET], &p, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	values_of(&p, &f);
	prices_as_text(req, &f);
	or_flash(req, "saved", "orders.admin.saved");
	return show(req, 200, &p, &f);
}

static int
create(struct pt_req *req)
{
	return save(req, NULL, 0);
}

static int
update(struct pt_req *req)
{
	struct pt_rows p;
	long long id;
	int rc;

	if ((rc = or_load(req, &sql[SQL_GET], &p, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return save(req, &p, id);
}

#define PRODUCT OR_ADMIN "products/(\\d{1,9})"

static const struct pt_route routes[] = {
	{ PT_GET,  OR_ADMIN,			list,		PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_GET,  OR_ADMIN "products/new",	new_form,	PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, OR_ADMIN "products/new",	create,		PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_GET,  PRODUCT,			edit_form,	PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, PRODUCT,			update,		PT_R_LOGIN, OR_PERM_MANAGE },
};

static const char *const views[] = { "admin-products", "admin-product" };

const struct pt_group or_admin_products_group = PT_GROUP(routes, sql, views);
