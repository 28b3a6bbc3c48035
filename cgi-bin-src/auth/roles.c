/*
 * Roles and their permissions (permission admin.roles).  The provider's
 * admin defines roles beyond the built-in ones and decides what each role
 * may do.  A holder's rights change on their next request, because the
 * session query loads the permissions every time.
 *
 * Built-in roles keep their name, kind, home and priority; only their
 * permissions change.  A change that would leave no active person able to
 * administer roles is refused, so the provider cannot lock itself out.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

#define ROLE_NAME_MIN 3
#define ROLE_NAME_MAX 41
#define PRIORITY_MAX 1000

enum roles_sql {
	SQL_ROLE_LIST,
	SQL_ROLE_GET,
	SQL_ROLE_PERMS,
	SQL_ROLE_INSERT,
	SQL_ROLE_UPDATE,
	SQL_ROLE_PERMS_CLEAR,
	SQL_ROLE_PERM_ADD,
	SQL_ROLE_ADMINS_LEFT,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_ROLE_LIST] = { "role_list",
	    "SELECT r.id, r.name, r.org_kind, r.home, r.priority, r.builtin,"
	    " (SELECT COUNT(*) FROM role_permissions rp WHERE rp.role_id = r.id),"
	    " (SELECT COUNT(*) FROM user_roles ur WHERE ur.role_id = r.id)"
	    " FROM roles r ORDER BY FIELD(r.org_kind, 'customer', 'partner', 'provider'),"
	    " r.priority DESC, r.name" },
	[SQL_ROLE_GET] = { "role_get",
	    "SELECT id, name, org_kind, home, priority, builtin FROM roles WHERE id = ?" },
	[SQL_ROLE_PERMS] = { "role_perms",
	    "SELECT p.id, p.name, p.description, rp.role_id IS NOT NULL FROM permissions p"
	    " LEFT JOIN role_permissions rp ON rp.permission_id = p.id AND rp.role_id = ?"
	    " ORDER BY p.name" },
	[SQL_ROLE_INSERT] = { "role_insert",
	    "INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES (?, ?, ?, ?, 0)" },
	[SQL_ROLE_UPDATE] = { "role_update",
	    "UPDATE roles SET name = ?, home = ?, priority = ? WHERE id = ?" },
	[SQL_ROLE_PERMS_CLEAR] = { "role_perms_clear",
	    "DELETE FROM role_permissions WHERE role_id = ?" },
	[SQL_ROLE_PERM_ADD] = { "role_perm_add",
	    "INSERT INTO role_permissions (role_id, permission_id) VALUES (?, ?)" },
	[SQL_ROLE_ADMINS_LEFT] = { "role_admins_left",
	    "SELECT COUNT(*) FROM users u JOIN orgs o ON o.id = u.org_id"
	    " JOIN user_roles ur ON ur.user_id = u.id"
	    " JOIN role_permissions rp ON rp.role_id = ur.role_id"
	    " JOIN permissions p ON p.id = rp.permission_id"
	    " WHERE p.name IN ('admin.roles', 'admin.*') AND u.status = 'active'"
	    " AND o.status = 'active'" },
};

static const char *const org_kinds[] = { "customer", "partner", "provider" };

/* The homes a role of each org kind may have: people land where their org belongs. */
static int
home_fits(const char *kind, const char *home)
{
	if (strcmp(kind, "provider") == 0)
		return strcmp(home, "agent") == 0 || strcmp(home, "admin") == 0;
	return strcmp(kind, home) == 0;
}

/* ^[a-z][a-z0-9_]{2,40}$ */
static int
valid_role_name(const char *s)
{
	size_t len = strlen(s), i;

	if (len < ROLE_NAME_MIN || len > ROLE_NAME_MAX || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* An integer from -PRIORITY_MAX to PRIORITY_MAX, as typed. */
static int
parse_priority(const char *s, long *out)
{
	const char *p = *s == '-' ? s + 1 : s;
	size_t n = strlen(p), i;

	if (n == 0 || n > 4)
		return 0;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	*out = strtol(s, NULL, 10);
	return *out >= -PRIORITY_MAX && *out <= PRIORITY_MAX;
}

/* ---- the list ------------------------------------------------------------ */

static int
role_list(struct pt_req *req)
{
	xmlNodePtr list = pt_node(req->page, "roles", NULL);
	struct pt_rows rows;
	size_t r;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ROLE_LIST], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	for (r = 0; r < rows.nrows; r++) {
		xmlNodePtr n = pt_node(list, "role", pt_cell(&rows, r, 1));

		pt_attr(n, "id", pt_cell(&rows, r, 0));
		pt_attr(n, "org-kind", pt_cell(&rows, r, 2));
		pt_attr(n, "home", pt_cell(&rows, r, 3));
		pt_attr(n, "priority", pt_cell(&rows, r, 4));
		pt_attr(n, "builtin", pt_cell(&rows, r, 5));
		pt_attr(n, "permissions", pt_cell(&rows, r, 6));
		pt_attr(n, "users", pt_cell(&rows, r, 7));
	}
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "roles.saved", NULL);
	req->view = "roles";
	return 200;
}

/* ---- create ---------------------------------------------------------------- */

enum role_field { F_NAME, F_KIND, F_HOME, F_PRIORITY, F__MAX };
static const char *const role_fields[F__MAX] = { "name", "org_kind", "home", "priority" };

static int
show_new(struct pt_req *req, int status, const char *const *values)
{
	pt_node(req->page, "role-form", NULL);
	pt_form_values(req, "role", role_fields, values, F__MAX);
	req->view = "role-form";
	return status;
}

static int
role_new_form(struct pt_req *req)
{
	const char *values[F__MAX] = { "", "customer", "customer", "10" };

	return show_new(req, 200, values);
}

/*
 * Name, home and priority of a role (kind only when creating); messages per
 * bad field.  Whether the name is free is for the unique key to say when
 * the row is written (name_taken).
 */
static int
read_fields(struct pt_req *req, const char *const *v, const char *kind, long *priority)
{
	int ok = 1;

	if (*v[F_NAME] == '\0') {
		pt_message(req, "error", "roles.name.required", "name");
		ok = 0;
	} else if (!valid_role_name(v[F_NAME])) {
		pt_message(req, "error", "roles.name.invalid", "name");
		ok = 0;
	}
	if (!pt_one_of(kind, org_kinds, PT_NELEM(org_kinds))) {
		pt_message(req, "error", "roles.org-kind.invalid", "org_kind");
		ok = 0;
	} else if (!home_fits(kind, v[F_HOME])) {
		pt_message(req, "error", "roles.home.invalid", "home");
		ok = 0;
	}
	if (!parse_priority(v[F_PRIORITY], priority)) {
		pt_message(req, "error", "roles.priority.invalid", "priority");
		ok = 0;
	}
	return ok;
}

/*
 * Another role has the name: the unique key refused the write, nothing was
 * written.  The caller shows its form again with the input.
 */
static void
name_taken(struct pt_req *req)
{
	pt_db_rollback(req);
	pt_message(req, "error", "roles.name.taken", "name");
}

static int
role_create(struct pt_req *req)
{
	const char *v[F__MAX];
	long priority;
	long long id;
	size_t i;
	int rc;

	for (i = 0; i < F__MAX; i++)
		if ((v[i] = pt_form_trim(req, role_fields[i])) == NULL)
			return PT_ENOMEM;
	if (!read_fields(req, v, v[F_KIND], &priority))
		return show_new(req, 422, v);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_ROLE_INSERT], PT_BINDS(pt_str(v[F_NAME]),
	    pt_str(v[F_KIND]), pt_str(v[F_HOME]), pt_int(priority)), NULL)) == PT_EDUP) {
		name_taken(req);
		return show_new(req, 422, v);
	}
	if (rc != PT_OK)
		goto fail;
	id = (long long)pt_db_insert_id();
	if ((rc = pt_audit(req, "role.create", "role", pt_printf(req, "%lld", id), NULL,
	    pt_printf(req, "{\"name\":%s,\"org_kind\":%s,\"home\":%s,\"priority\":%ld,"
	    "\"permissions\":[]}", pt_json_str(req, v[F_NAME]), pt_json_str(req, v[F_KIND]),
	    pt_json_str(req, v[F_HOME]), priority))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, pt_printf(req, "/auth/admin/roles/%lld?saved=1", id));
fail:
	pt_db_rollback(req);
	return rc;
}

/* ---- edit ------------------------------------------------------------------ */

static int
load_role(struct pt_req *req, struct pt_rows *role)
{
	const char *id = req->caps[1];
	int rc;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return 404;
	if ((rc = pt_db_query(req, &sql[SQL_ROLE_GET], role,
	    PT_BINDS(pt_int(strtoll(id, NULL, 10))))) != PT_OK)
		return rc;
	return role->nrows == 1 ? PT_OK : 404;
}

/* 1 if name was ticked in the form (fields "perm", one per ticked box). */
static int
ticked(const struct pt_req *req, const char *name)
{
	size_t i;

	for (i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].name, "perm") == 0 &&
		    strcmp(req->form.v[i].value, name) == 0)
			return 1;
	return 0;
}

/*
 * The edit view: the role, every permission with its box ticked from the
 * database (from_form 0) or from what was submitted (from_form 1).
 */
static int
show_edit(struct pt_req *req, int status, const struct pt_rows *role, const struct pt_rows *perms,
    const char *const *values, int from_form)
{
	xmlNodePtr f = pt_node(req->page, "role-form", NULL);
	size_t r;

	pt_attr(f, "id", pt_cell(role, 0, 0));
	pt_attr(f, "org-kind", pt_cell(role, 0, 2));
	pt_attr(f, "builtin", pt_cell(role, 0, 5));
	pt_node(f, "name", pt_cell(role, 0, 1));
	for (r = 0; r < perms->nrows; r++) {
		const char *name = pt_cell(perms, r, 1);
		xmlNodePtr p = pt_node(f, "permission", pt_cell(perms, r, 2));
		int on = from_form ? ticked(req, name) : pt_cell_int(perms, r, 3) == 1;

		pt_attr(p, "id", pt_cell(perms, r, 0));
		pt_attr(p, "name", name);
		pt_attr(p, "granted", on ? "1" : "0");
	}
	pt_form_values(req, "role", role_fields, values, F__MAX);
	req->view = "role-form";
	return status;
}

static int
role_edit_form(struct pt_req *req)
{
	struct pt_rows role, perms;
	const char *values[F__MAX];
	int rc;

	if ((rc = load_role(req, &role)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_ROLE_PERMS], &perms,
	    PT_BINDS(pt_int(pt_cell_int(&role, 0, 0))))) != PT_OK)
		return rc;
	values[F_NAME] = pt_cell(&role, 0, 1);
	values[F_KIND] = pt_cell(&role, 0, 2);
	values[F_HOME] = pt_cell(&role, 0, 3);
	values[F_PRIORITY] = pt_cell(&role, 0, 4);
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "roles.saved", NULL);
	return show_edit(req, 200, &role, &perms, values, 0);
}

/* The role as the audit log keeps it; granted[r] says which permissions it has. */
static const char *
role_json(struct pt_req *req, const char *const *v, long priority, const struct pt_rows *perms,
    const int *granted)
{
	const char *list = "";
	size_t r;

	for (r = 0; r < perms->nrows; r++)
		if (granted[r])
			list = pt_printf(req, "%s%s%s", list, *list != '\0' ? "," : "",
			    pt_json_str(req, pt_cell(perms, r, 1)));
	return pt_printf(req, "{\"name\":%s,\"org_kind\":%s,\"home\":%s,\"priority\":%ld,"
	    "\"permissions\":[%s]}", pt_json_str(req, v[F_NAME]), pt_json_str(req, v[F_KIND]),
	    pt_json_str(req, v[F_HOME]), priority, list);
}

static int
role_update(struct pt_req *req)
{
	struct pt_rows role, perms, left;
	const char *v[F__MAX], *before_v[F__MAX];
	int *was, *now, builtin, changed = 0, rc;
	long priority, before_priority;
	long long id;
	size_t r, i;

	if ((rc = load_role(req, &role)) != PT_OK)
		return rc;
	id = pt_cell_int(&role, 0, 0);
	builtin = pt_cell_int(&role, 0, 5) == 1;
	if ((rc = pt_db_query(req, &sql[SQL_ROLE_PERMS], &perms, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	before_v[F_NAME] = pt_cell(&role, 0, 1);
	before_v[F_KIND] = pt_cell(&role, 0, 2);
	before_v[F_HOME] = pt_cell(&role, 0, 3);
	before_v[F_PRIORITY] = pt_cell(&role, 0, 4);
	before_priority = strtol(before_v[F_PRIORITY], NULL, 10);
	/* A built-in role keeps everything but its permissions. */
	for (i = 0; i < F__MAX; i++)
		if (builtin || i == F_KIND)
			v[i] = before_v[i];
		else if ((v[i] = pt_form_trim(req, role_fields[i])) == NULL)
			return PT_ENOMEM;
	if (!read_fields(req, v, v[F_KIND], &priority))
		return show_edit(req, 422, &role, &perms, v, 1);
	/* Every ticked box must name a permission; a stray value is a forged form. */
	for (i = 0; i < req->form.n; i++) {
		int known = 0;

		if (strcmp(req->form.v[i].name, "perm") != 0)
			continue;
		for (r = 0; r < perms.nrows && !known; r++)
			known = strcmp(req->form.v[i].value, pt_cell(&perms, r, 1)) == 0;
		if (!known) {
			pt_message(req, "error", "roles.permission.invalid", "permissions");
			return show_edit(req, 422, &role, &perms, v, 1);
		}
		/* Reaching across organisations is the provider's alone (pt_can). */
		if (strcmp(v[F_KIND], "provider") != 0 && pt_perm_provider_only(req->form.v[i].value)) {
			pt_message(req, "error", "roles.permission.provider-only", "permissions");
			return show_edit(req, 422, &role, &perms, v, 1);
		}
	}
	was = pt_alloc(req, (perms.nrows + 1) * sizeof(*was));
	now = pt_alloc(req, (perms.nrows + 1) * sizeof(*now));
	if (was == NULL || now == NULL)
		return PT_ENOMEM;
	for (r = 0; r < perms.nrows; r++) {
		was[r] = pt_cell_int(&perms, r, 3) == 1;
		now[r] = ticked(req, pt_cell(&perms, r, 1));
		changed |= was[r] != now[r];
	}
	changed |= strcmp(v[F_NAME], before_v[F_NAME]) != 0 ||
	    strcmp(v[F_HOME], before_v[F_HOME]) != 0 || priority != before_priority;
	if (!changed)
		return pt_redirect(req, pt_printf(req, "/auth/admin/roles/%lld?saved=1", id));

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_ROLE_UPDATE], PT_BINDS(pt_str(v[F_NAME]),
	    pt_str(v[F_HOME]), pt_int(priority), pt_int(id)), NULL)) == PT_EDUP) {
		name_taken(req);
		return show_edit(req, 422, &role, &perms, v, 1);
	}
	if (rc != PT_OK || (rc = pt_db_exec(req, &sql[SQL_ROLE_PERMS_CLEAR],
	    PT_BINDS(pt_int(id)), NULL)) != PT_OK)
		goto fail;
	for (r = 0; r < perms.nrows; r++)
		if (now[r] && (rc = pt_db_exec(req, &sql[SQL_ROLE_PERM_ADD], PT_BINDS(pt_int(id),
		    pt_int(pt_cell_int(&perms, r, 0))), NULL)) != PT_OK)
			goto fail;
	if ((rc = pt_db_query(req, &sql[SQL_ROLE_ADMINS_LEFT], &left, PT_NOBINDS)) != PT_OK)
		goto fail;
	if (left.nrows != 1 || pt_cell_int(&left, 0, 0) == 0) {
		pt_db_rollback(req);
		pt_message(req, "error", "roles.lockout", "permissions");
		return show_edit(req, 422, &role, &perms, v, 1);
	}
	if ((rc = pt_audit(req, "role.update", "role", pt_printf(req, "%lld", id),
	    role_json(req, before_v, before_priority, &perms, was),
	    role_json(req, v, priority, &perms, now))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, pt_printf(req, "/auth/admin/roles/%lld?saved=1", id));
fail:
	pt_db_rollback(req);
	return rc;
}

enum route {
	ROUTE_LIST, ROUTE_NEW_FORM, ROUTE_NEW, ROUTE_EDIT_FORM, ROUTE_EDIT, ROUTE__MAX
};

static const struct pt_route routes[ROUTE__MAX] = {
	[ROUTE_LIST] =	    { PT_GET,  "/auth/admin/roles",	    role_list,	    0, "admin.roles" },
	[ROUTE_NEW_FORM] =  { PT_GET,  "/auth/admin/roles/new",	    role_new_form,  0, "admin.roles" },
	[ROUTE_NEW] =	    { PT_POST, "/auth/admin/roles/new",	    role_create,    0, "admin.roles" },
	[ROUTE_EDIT_FORM] = { PT_GET,  "/auth/admin/roles/(\\d+)",  role_edit_form, 0, "admin.roles" },
	[ROUTE_EDIT] =	    { PT_POST, "/auth/admin/roles/(\\d+)",  role_update,    0, "admin.roles" },
};

static const char *const views[] = { "roles", "role-form" };

const struct pt_group auth_roles_group = PT_GROUP(routes, sql, views);
