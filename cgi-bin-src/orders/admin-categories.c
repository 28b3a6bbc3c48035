/*
 * The catalogue's categories (catalogue.manage, /orders/admin/categories):
 * the list in the catalogue's order with the number of products of each,
 * creating and editing one (slug, name and description in English and
 * German, position), and deleting one that holds no product: a category
 * with products answers 422 and stays.
 */
#include <string.h>

#include "orders.h"

enum categories_sql {
	SQL_LIST, SQL_GET, SQL_LOCK, SQL_NEXT, SQL_INSERT, SQL_UPDATE, SQL_TEXT, SQL_DELETE, SQL__MAX
};

#define TEXTS(alias, lang) \
	" LEFT JOIN catalogue_category_texts " alias " ON " alias ".category_id = c.id AND " \
	alias ".lang = '" lang "'"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "or_admin_categories_list",
	    "SELECT c.id, c.slug, c.position, e.name, d.name,"
	    " (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id)"
	    " FROM catalogue_categories c" TEXTS("e", "en") TEXTS("d", "de")
	    " ORDER BY c.position, c.id" },
	[SQL_GET] = { "or_admin_categories_get",
	    "SELECT c.id, c.slug, e.name, d.name, e.description, d.description, c.position,"
	    " (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id)"
	    " FROM catalogue_categories c" TEXTS("e", "en") TEXTS("d", "de") " WHERE c.id = ?" },
	/* A new product of the category waits for this lock, so "empty" holds until the delete. */
	[SQL_LOCK] = { "or_admin_categories_lock",
	    "SELECT id FROM catalogue_categories WHERE id = ? FOR UPDATE" },
	[SQL_NEXT] = { "or_admin_categories_next",
	    "SELECT COALESCE(MAX(position), 0) + 10 FROM catalogue_categories" },
	[SQL_INSERT] = { "or_admin_categories_insert",
	    "INSERT INTO catalogue_categories (slug, position) VALUES (?, ?)" },
	[SQL_UPDATE] = { "or_admin_categories_update",
	    "UPDATE catalogue_categories SET slug = ?, position = ?, updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ?" },
	[SQL_TEXT] = { "or_admin_categories_text",
	    "INSERT INTO catalogue_category_texts (category_id, lang, name, description)"
	    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name),"
	    " description = VALUES(description)" },
	[SQL_DELETE] = { "or_admin_categories_delete",
	    "DELETE FROM catalogue_categories WHERE id = ?" },
};

enum { L_ID, L_SLUG, L_POSITION, L_NAME_EN, L_NAME_DE, L_PRODUCTS };

/* The form, in the order of SQL_GET's columns after the id and of the audit row. */
enum { F_SLUG, F_NAME_EN, F_NAME_DE, F_DESC_EN, F_DESC_DE, F_POSITION, F__MAX };
#define G_PRODUCTS (F__MAX + 1)

static const struct pt_input inputs[F__MAX] = {
	[F_SLUG] =	{ "slug", PT_IN_SLUG, 1, 0, 60, NULL, 0 },
	[F_NAME_EN] =	{ "name_en", PT_IN_LINE, 1, 0, 200, NULL, 0 },
	[F_NAME_DE] =	{ "name_de", PT_IN_LINE, 1, 0, 200, NULL, 0 },
	[F_DESC_EN] =	{ "description_en", PT_IN_TEXT, 0, 0, 1000, NULL, 0 },
	[F_DESC_DE] =	{ "description_de", PT_IN_TEXT, 0, 0, 1000, NULL, 0 },
	[F_POSITION] =	{ "position", PT_IN_INT, 0, 0, 1000000, NULL, 0 },
};

static const char *const names[F__MAX] = {
	"slug", "name_en", "name_de", "description_en", "description_de", "position"
};

static int
list(struct pt_req *req)
{
	struct pt_rows rows;
	xmlNodePtr l;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	l = pt_node(req->page, "or-categories", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr c = pt_node(l, "category", NULL);

		pt_attr(c, "id", pt_cell(&rows, i, L_ID));
		pt_attr(c, "slug", pt_cell(&rows, i, L_SLUG));
		pt_attr(c, "position", pt_cell(&rows, i, L_POSITION));
		pt_attr(c, "products", pt_cell(&rows, i, L_PRODUCTS));
		pt_attr(pt_node(c, "name", pt_cell(&rows, i, L_NAME_EN)), "lang", "en");
		pt_attr(pt_node(c, "name", pt_cell(&rows, i, L_NAME_DE)), "lang", "de");
	}
	or_flash(req, "saved", "orders.admin.saved");
	or_flash(req, "deleted", "orders.admin.category.deleted");
	req->view = "admin-categories";
	return 200;
}

/* The form view: the category's row (NULL when new) and the values to show. */
static int
show(struct pt_req *req, int status, const struct pt_rows *c, const char *const *v)
{
	xmlNodePtr n = pt_node(req->page, "or-category", NULL);

	if (c != NULL) {
		pt_attr(n, "id", pt_cell(c, 0, 0));
		pt_attr(n, "products", pt_cell(c, 0, G_PRODUCTS));
		pt_node(n, "name", pt_cell(c, 0, 1 + F_NAME_EN));
	}
	pt_form_values(req, "category", names, v, F__MAX);
	pt_input_limits(req, inputs, F__MAX);
	req->view = "admin-category";
	return status;
}

static void
values_of(const struct pt_rows *c, const char **v)
{
	size_t i;

	for (i = 0; i < F__MAX; i++)
		v[i] = pt_cell(c, 0, 1 + i) != NULL ? pt_cell(c, 0, 1 + i) : "";
}

static int
new_form(struct pt_req *req)
{
	const char *v[F__MAX] = { "", "", "", "", "", "" };

	return show(req, 200, NULL, v);
}

static int
edit_form(struct pt_req *req)
{
	const char *v[F__MAX];
	struct pt_rows c;
	long long id;
	int rc;

	if ((rc = or_load(req, &sql[SQL_GET], &c, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	values_of(&c, v);
	return show(req, 200, &c, v);
}

/* The form as read into category id (c its row) or a new one when c is NULL. */
static int
save(struct pt_req *req, const struct pt_rows *c, long long id)
{
	const char *v[F__MAX], *before[F__MAX];
	static const char *const langs[2] = { "en", "de" };
	struct pt_rows next;
	long long position;
	size_t i;
	int rc;

	if ((rc = pt_input_read(req, inputs, F__MAX, v)) != 0)
		return rc < 0 ? rc : show(req, 422, c, v);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_NEXT], &next, PT_NOBINDS)) != PT_OK)
		return or_undo(req, rc);
	position = pt_input_int(v[F_POSITION], c != NULL ? pt_cell_int(c, 0, 1 + F_POSITION) :
	    pt_cell_int(&next, 0, 0));
	v[F_POSITION] = pt_printf(req, "%lld", position);
	if (c != NULL)
		rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[F_SLUG]), pt_int(position),
		    pt_int(id)), NULL);
	else {
		rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(v[F_SLUG]), pt_int(position)),
		    NULL);
		id = (long long)pt_db_insert_id();
	}
	if (rc == PT_EDUP) {
		pt_db_rollback(req);
		pt_message(req, "error", "orders.admin.slug.taken", "slug");
		return show(req, 422, c, v);
	}
	for (i = 0; i < 2 && rc == PT_OK; i++)
		rc = pt_db_exec(req, &sql[SQL_TEXT], PT_BINDS(pt_int(id), pt_str(langs[i]),
		    pt_str(v[F_NAME_EN + i]), pt_str(v[F_DESC_EN + i])), NULL);
	if (c != NULL)
		values_of(c, before);
	return or_done(req, rc, c != NULL ? "catalogue_category.update" :
	    "catalogue_category.create", "catalogue_category", pt_printf(req, "%lld", id),
	    c != NULL ? pt_json_fields(req, names, before, F__MAX) : NULL,
	    pt_json_fields(req, names, v, F__MAX), OR_ADMIN "categories?saved=1");
}

static int
create(struct pt_req *req)
{
	return save(req, NULL, 0);
}

static int
update(struct pt_req *req)
{
	struct pt_rows c;
	long long id;
	int rc;

	if ((rc = or_load(req, &sql[SQL_GET], &c, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return save(req, &c, id);
}

/* POST .../delete: only an empty category goes; one with products stays (422). */
static int
delete(struct pt_req *req)
{
	const char *before[F__MAX];
	struct pt_rows c, lock;
	long long id;
	int rc;

	if (or_cap_id(req, 1, &id) != PT_OK)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_GET], &c, PT_BINDS(pt_int(id)))) != PT_OK)
		return or_undo(req, rc);
	if (c.nrows != 1)
		return or_undo(req, pt_error_page(req, 404, NULL));
	values_of(&c, before);
	if (pt_cell_int(&c, 0, G_PRODUCTS) > 0) {
		pt_db_rollback(req);
		pt_message(req, "error", "orders.admin.category.not-empty", NULL);
		return show(req, 422, &c, before);
	}
	rc = pt_db_exec(req, &sql[SQL_DELETE], PT_BINDS(pt_int(id)), NULL);
	return or_done(req, rc, "catalogue_category.delete", "catalogue_category",
	    pt_printf(req, "%lld", id), pt_json_fields(req, names, before, F__MAX), NULL,
	    OR_ADMIN "categories?deleted=1");
}

#define CATEGORY OR_ADMIN "categories/(\\d{1,9})"

static const struct pt_route routes[] = {
	{ PT_GET,  OR_ADMIN "categories",	list,		PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_GET,  OR_ADMIN "categories/new",	new_form,	PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, OR_ADMIN "categories/new",	create,		PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_GET,  CATEGORY,			edit_form,	PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, CATEGORY,			update,		PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, CATEGORY "/delete",		delete,		PT_R_LOGIN, OR_PERM_MANAGE },
};

static const char *const views[] = { "admin-categories", "admin-category" };

const struct pt_group or_admin_categories_group = PT_GROUP(routes, sql, views);
