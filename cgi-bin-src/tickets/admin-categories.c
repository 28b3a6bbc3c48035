/*
 * The categories of the service catalogue (permission tickets.admin): the
 * list in the catalogue's order with buttons to move one up or down,
 * creating and editing one (slug, name and description in English and
 * German, position), and deleting one that holds no service: a category
 * with services answers 422 and stays.
 */
#include <string.h>

#include "admin.h"

enum categories_sql {
	SQL_LIST,
	SQL_GET,
	SQL_LOCK,
	SQL_NEXT_POSITION,
	SQL_INSERT,
	SQL_UPDATE,
	SQL_TEXT,
	SQL_DELETE,
	SQL_ORDER,
	SQL_SET_POSITION,
	SQL__MAX
};

#define TEXTS(col, lang) \
	" LEFT JOIN ticket_category_texts " col " ON " col ".category_id = c.id AND " col \
	".lang = '" lang "'"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "tka_categories_list",
	    "SELECT c.id, c.slug, c.position, e.name, d.name,"
	    " (SELECT COUNT(*) FROM ticket_services s WHERE s.category_id = c.id)"
	    " FROM ticket_categories c" TEXTS("e", "en") TEXTS("d", "de")
	    " ORDER BY c.position, c.id" },
	[SQL_GET] = { "tka_categories_get",
	    "SELECT c.id, c.slug, c.position, e.name, e.description, d.name, d.description,"
	    " (SELECT COUNT(*) FROM ticket_services s WHERE s.category_id = c.id)"
	    " FROM ticket_categories c" TEXTS("e", "en") TEXTS("d", "de") " WHERE c.id = ?" },
	/* A new service of the category waits for this lock, so "empty" holds until the delete. */
	[SQL_LOCK] = { "tka_categories_lock",
	    "SELECT id FROM ticket_categories WHERE id = ? FOR UPDATE" },
	[SQL_NEXT_POSITION] = { "tka_categories_next_position",
	    "SELECT COALESCE(MAX(position), 0) + 10 FROM ticket_categories" },
	[SQL_INSERT] = { "tka_categories_insert",
	    "INSERT INTO ticket_categories (slug, position) VALUES (?, ?)" },
	[SQL_UPDATE] = { "tka_categories_update",
	    "UPDATE ticket_categories SET slug = ?, position = ? WHERE id = ?" },
	[SQL_TEXT] = { "tka_categories_text",
	    "INSERT INTO ticket_category_texts (category_id, lang, name, description)"
	    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name),"
	    " description = VALUES(description)" },
	[SQL_DELETE] = { "tka_categories_delete",
	    "DELETE FROM ticket_categories WHERE id = ?" },
	[SQL_ORDER] = { "tka_categories_order",
	    "SELECT id, position FROM ticket_categories ORDER BY position, id FOR UPDATE" },
	[SQL_SET_POSITION] = { "tka_categories_set_position",
	    "UPDATE ticket_categories SET position = ? WHERE id = ?" },
};

enum { L_ID, L_SLUG, L_POSITION, L_NAME_EN, L_NAME_DE, L_SERVICES };
enum { G_ID, G_SLUG, G_POSITION, G_NAME_EN, G_DESC_EN, G_NAME_DE, G_DESC_DE, G_SERVICES };

#define DESC_MAX_CHARS 1000	/* ticket_category_texts.description */

/* The form, in the order of the audit row's JSON. */
enum { F_SLUG, F_NAME_EN, F_NAME_DE, F_DESC_EN, F_DESC_DE, F_POSITION, F__MAX };

static const struct tka_input inputs[F__MAX] = {
	[F_SLUG] =	{ "slug", TKA_SLUG, 1, 0, TKA_SLUG_MAX_CHARS, NULL, 0 },
	[F_NAME_EN] =	{ "name_en", TKA_LINE, 1, 0, TKA_NAME_MAX_CHARS, NULL, 0 },
	[F_NAME_DE] =	{ "name_de", TKA_LINE, 1, 0, TKA_NAME_MAX_CHARS, NULL, 0 },
	[F_DESC_EN] =	{ "description_en", TKA_TEXT, 0, 0, DESC_MAX_CHARS, NULL, 0 },
	[F_DESC_DE] =	{ "description_de", TKA_TEXT, 0, 0, DESC_MAX_CHARS, NULL, 0 },
	[F_POSITION] =	{ "position", TKA_INT, 0, 0, TKA_POSITION_MAX, NULL, 0 },
};

static const char *const names[F__MAX] = {
	"slug", "name_en", "name_de", "description_en", "description_de", "position"
};

/* ---- the list ------------------------------------------------------------ */

static int
list(struct pt_req *req)
{
	static const char *const params[] = { "saved", "deleted" };
	static const char *const keys[] = { "tickets.admin.saved", "tickets.admin.category.deleted" };
	xmlNodePtr l;
	struct pt_rows rows;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	l = pt_node(req->page, "tka-categories", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr c = pt_node(l, "category", NULL);

		pt_attr(c, "id", pt_cell(&rows, i, L_ID));
		pt_attr(c, "slug", pt_cell(&rows, i, L_SLUG));
		pt_attr(c, "position", pt_cell(&rows, i, L_POSITION));
		pt_attr(c, "services", pt_cell(&rows, i, L_SERVICES));
		pt_attr(pt_node(c, "name", pt_cell(&rows, i, L_NAME_EN)), "lang", "en");
		pt_attr(pt_node(c, "name", pt_cell(&rows, i, L_NAME_DE)), "lang", "de");
	}
	tka_flash(req, params, keys, PT_NELEM(params));
	req->view = "admin-categories";
	return 200;
}

/* ---- the form ------------------------------------------------------------ */

/* The form view: the category (NULL when new) and the values to show. */
static int
show_form(struct pt_req *req, int status, const struct pt_rows *c, const char *const *v)
{
	xmlNodePtr n = pt_node(req->page, "tka-category", NULL);

	if (c != NULL) {
		pt_attr(n, "id", pt_cell(c, 0, G_ID));
		pt_attr(n, "slug", pt_cell(c, 0, G_SLUG));
		pt_attr(n, "services", pt_cell(c, 0, G_SERVICES));
		pt_attr(pt_node(n, "name", pt_cell(c, 0, G_NAME_EN)), "lang", "en");
		pt_attr(pt_node(n, "name", pt_cell(c, 0, G_NAME_DE)), "lang", "de");
	}
	pt_form_values(req, "category", names, v, F__MAX);
	tka_limits(req, inputs, F__MAX);
	req->view = "admin-category";
	return status;
}

/* The columns of SQL_GET the form's inputs show. */
static const int columns[F__MAX] = {
	[F_SLUG] = G_SLUG, [F_NAME_EN] = G_NAME_EN, [F_NAME_DE] = G_NAME_DE,
	[F_DESC_EN] = G_DESC_EN, [F_DESC_DE] = G_DESC_DE, [F_POSITION] = G_POSITION
};

static int
new_form(struct pt_req *req)
{
	const char *v[F__MAX] = { "", "", "", "", "", "" };

	return show_form(req, 200, NULL, v);
}

static int
edit_form(struct pt_req *req)
{
	struct pt_rows c;
	const char *v[F__MAX];
	long long id;
	int rc;

	if ((rc = tka_load(req, 1, &sql[SQL_GET], &c, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	tka_values(&c, columns, F__MAX, v);
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "tickets.admin.saved", NULL);
	return show_form(req, 200, &c, v);
}

/* The texts of the form for both languages. */
static int
write_texts(struct pt_req *req, long long id, const char *const *v)
{
	const char *names2[2] = { v[F_NAME_EN], v[F_NAME_DE] };
	const char *descs[2] = { v[F_DESC_EN], v[F_DESC_DE] };

	return tka_texts(req, &sql[SQL_TEXT], id, names2, descs);
}

/*
 * Write the form as read into category id (c its row) or, when c is NULL,
 * into a new category: the row, its texts and the audit row, then 303; a
 * taken slug answers 422.
 */
static int
save(struct pt_req *req, const struct pt_rows *c, long long id)
{
	const char *v[F__MAX], *before[F__MAX];
	struct pt_rows next;
	long long position;
	int rc;

	if ((rc = tka_read(req, inputs, F__MAX, v)) != 0)
		return rc < 0 ? rc : show_form(req, 422, c, v);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_NEXT_POSITION], &next, PT_NOBINDS)) != PT_OK)
		return tka_undo(req, rc);
	/* Without a position: where it was, or at the end when new. */
	position = tka_int(v[F_POSITION], c != NULL ? pt_cell_int(c, 0, G_POSITION) :
	    pt_cell_int(&next, 0, 0));
	v[F_POSITION] = pt_printf(req, "%lld", position);
	if (c != NULL)
		rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[F_SLUG]), pt_int(position),
		    pt_int(id)), NULL);
	else {
		rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(v[F_SLUG]),
		    pt_int(position)), NULL);
		id = (long long)pt_db_insert_id();
	}
	if (rc == PT_EDUP) {
		pt_db_rollback(req);
		pt_message(req, "error", "tickets.admin.slug.taken", "slug");
		return show_form(req, 422, c, v);
	}
	if (rc == PT_OK)
		rc = write_texts(req, id, v);
	if (c != NULL)
		tka_values(c, columns, F__MAX, before);
	return tka_done(req, rc, c != NULL ? "ticket_category.update" : "ticket_category.create",
	    "ticket_category", id, c != NULL ? tka_json_object(req, names, before, F__MAX) : NULL,
	    tka_json_object(req, names, v, F__MAX), TKA_ROOT "categories?saved=1");
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

	if ((rc = tka_load(req, 1, &sql[SQL_GET], &c, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	return save(req, &c, id);
}

/* POST .../delete: only an empty category goes; one with services stays (422). */
static int
delete(struct pt_req *req)
{
	const char *before[F__MAX];
	struct pt_rows c, lock;
	long long id;
	int rc;

	if ((rc = tka_load(req, 1, &sql[SQL_GET], &c, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_GET], &c, PT_BINDS(pt_int(id)))) != PT_OK)
		return tka_undo(req, rc);
	if (c.nrows != 1)
		return tka_undo(req, tka_not_found(req));
	tka_values(&c, columns, F__MAX, before);
	if (pt_cell_int(&c, 0, G_SERVICES) > 0) {
		pt_db_rollback(req);
		pt_message(req, "error", "tickets.admin.category.not-empty", NULL);
		return show_form(req, 422, &c, before);
	}
	rc = pt_db_exec(req, &sql[SQL_DELETE], PT_BINDS(pt_int(id)), NULL);
	return tka_done(req, rc, "ticket_category.delete", "ticket_category", id,
	    tka_json_object(req, names, before, F__MAX), NULL, TKA_ROOT "categories?deleted=1");
}

/* POST .../move with direction up or down: the catalogue's order, renumbered. */
static int
move(struct pt_req *req)
{
	long long id;
	int rc;

	if (tka_cap_id(req, 1, &id) != PT_OK)
		return tka_not_found(req);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	return tka_move_done(req, &sql[SQL_ORDER], PT_NOBINDS, &sql[SQL_SET_POSITION], id,
	    "ticket_category.move", "ticket_category", TKA_ROOT "categories");
}

#define CATEGORY TKA_ROOT "categories/(\\d{1,9})"

static const struct pt_route routes[] = {
	{ PT_GET,  TKA_ROOT "categories",	list,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  TKA_ROOT "categories/new",	new_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, TKA_ROOT "categories/new",	create,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  CATEGORY,			edit_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, CATEGORY,			update,		PT_R_LOGIN, TKA_PERM },
	{ PT_POST, CATEGORY "/delete",		delete,		PT_R_LOGIN, TKA_PERM },
	{ PT_POST, CATEGORY "/move",		move,		PT_R_LOGIN, TKA_PERM },
};

static const char *const views[] = { "admin-categories", "admin-category" };

const struct pt_group tka_categories_group = PT_GROUP(routes, sql, views);
