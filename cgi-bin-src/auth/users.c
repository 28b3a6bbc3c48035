/*
 * The people of an organisation: the list, invitations, roles and status.
 *
 * One implementation serves two scopes.  An org's own administrator
 * (users.manage.org) works under /auth/users on the users of their org
 * only; the provider's administrator (admin.users) works under
 * /auth/admin/users on the users of every org.  The scope decides the org
 * every statement is bound to: "? = 0 OR u.org_id = ?" gets the session
 * user's org in the org scope (never 0) and 0 only in the provider scope,
 * so a user of another org is not found (404) by the same query that
 * finds one's own.  Roles offered are always those of the user's org kind.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"

enum users_sql {
	SQL_LIST,
	SQL_COUNT,
	SQL_ORGS,
	SQL_ORG,
	SQL_USER,
	SQL_USER_LOCK,
	SQL_USER_ROLES,
	SQL_KIND_ROLES,
	SQL_EMAIL_TAKEN,
	SQL_USER_INSERT,
	SQL_ROLES_CLEAR,
	SQL_ROLE_ADD,
	SQL_STATUS_SET,
	SQL_SESSIONS_END,
	SQL_PERMS_OF,
	SQL_INVITE_PENDING,
	SQL__MAX
};

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/* Binds: org (0 = all) twice, status ('' = all but deleted) twice, q, pattern twice. */
#define LIST_WHERE \
	" WHERE (? = 0 OR u.org_id = ?)" \
	" AND ((? = '' AND u.status <> 'deleted') OR u.status = ?)" \
	" AND (? = '' OR u.name LIKE ? OR u.email LIKE ?)"
#define USER_COLUMNS \
	"SELECT u.id, u.org_id, u.name, u.email, u.status, u.language, u.phone," \
	" " ISO("u.last_login_at") ", " ISO("u.created_at") "," \
	" u.password_hash IS NOT NULL, o.name, o.kind, o.language, o.currency" \
	" FROM users u JOIN orgs o ON o.id = u.org_id" \
	" WHERE u.id = ? AND (? = 0 OR u.org_id = ?)"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "users_list",
	    "SELECT u.id, u.name, u.email, u.status, " ISO("u.last_login_at") ", o.id, o.name,"
	    " (SELECT GROUP_CONCAT(r.name ORDER BY r.priority DESC, r.name SEPARATOR '\\n')"
	    "   FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id)"
	    " FROM users u JOIN orgs o ON o.id = u.org_id" LIST_WHERE
	    " ORDER BY u.name, u.id LIMIT ? OFFSET ?" },
	[SQL_COUNT] = { "users_count",
	    "SELECT COUNT(*) FROM users u" LIST_WHERE },
	[SQL_ORGS] = { "users_orgs",
	    "SELECT id, name, kind FROM orgs ORDER BY name, id" },
	[SQL_ORG] = { "users_org",
	    "SELECT id, name, kind, language FROM orgs WHERE id = ?" },
	[SQL_USER] = { "users_user", USER_COLUMNS },
	[SQL_USER_LOCK] = { "users_user_lock", USER_COLUMNS " FOR UPDATE" },
	[SQL_USER_ROLES] = { "users_user_roles",
	    "SELECT r.id, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id"
	    " WHERE ur.user_id = ? ORDER BY r.priority, r.name" },
	[SQL_KIND_ROLES] = { "users_kind_roles",
	    "SELECT id, name FROM roles WHERE org_kind = ? ORDER BY priority, name" },
	/* Who has an address: enum holder_col. */
	[SQL_EMAIL_TAKEN] = { "users_email_taken",
	    "SELECT u.id, u.org_id, u.name, COALESCE(u.language, o.language), u.status, o.name"
	    " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.email = ?" },
	[SQL_USER_INSERT] = { "users_insert",
	    "INSERT INTO users (org_id, email, name, language, status, created_at)"
	    " VALUES (?, ?, ?, ?, 'invited', UTC_TIMESTAMP(6))" },
	[SQL_ROLES_CLEAR] = { "users_roles_clear",
	    "DELETE FROM user_roles WHERE user_id = ?" },
	[SQL_ROLE_ADD] = { "users_role_add",
	    "INSERT INTO user_roles (user_id, role_id)"
	    " SELECT ?, id FROM roles WHERE id = ? AND org_kind = ?" },
	[SQL_STATUS_SET] = { "users_status_set",
	    "UPDATE users SET status = ? WHERE id = ?" },
	[SQL_SESSIONS_END] = { "users_sessions_end",
	    "DELETE FROM sessions WHERE user_id = ?" },
	[SQL_PERMS_OF] = { "users_perms_of",
	    "SELECT DISTINCT p.name FROM user_roles ur"
	    " JOIN role_permissions rp ON rp.role_id = ur.role_id"
	    " JOIN permissions p ON p.id = rp.permission_id WHERE ur.user_id = ?" },
	[SQL_INVITE_PENDING] = { "users_invite_pending",
	    "SELECT " ISO("MAX(expires_at)") " FROM user_tokens WHERE user_id = ?"
	    " AND purpose = 'invite' AND used_at IS NULL AND expires_at > UTC_TIMESTAMP(6)" },
};

enum holder_col { H_ID, H_ORG_ID, H_NAME, H_LANG, H_STATUS };

/* Columns of USER_COLUMNS. */
enum { U_ID, U_ORG_ID, U_NAME, U_EMAIL, U_STATUS, U_LANGUAGE, U_PHONE, U_LAST_LOGIN,
	U_CREATED, U_HAS_PASSWORD, U_ORG_NAME, U_ORG_KIND, U_ORG_LANG, U_CURRENCY };

#define PAGE_SIZE 50

/* Where a page works and on whose users. */
struct scope {
	const char	*name;		/* "org" or "admin", for the stylesheets */
	const char	*base;		/* path of the list; the others are below it */
	const char	*permission;	/* the route's: an own-rights check needs it */
	int		 all_orgs;	/* 1: every org's users (provider administration) */
};

static const struct scope scope_org = { "org", "/auth/users", "users.manage.org", 0 };
static const struct scope scope_admin = { "admin", "/auth/admin/users", "admin.users", 1 };

/* The org to bind to the scoped statements: the session's, or 0 for all. */
static long long
scope_org_id(const struct pt_req *req, const struct scope *sc)
{
	return sc->all_orgs ? 0 : (long long)req->session.user->org_id;
}

/* One user as the scope sees it (the row of USER_COLUMNS). */
struct target {
	struct pt_rows	 rows;
	long long	 id;
	long long	 org_id;
};
#define T(t, col)	pt_cell(&(t)->rows, 0, (col))

/*
 * Load the user whose id is in the route's first capture, within the
 * scope; lock the row inside a transaction.  PT_ENOTFOUND for an id that
 * is malformed, unknown or of another org: the caller answers 404.
 */
static int
target_load(struct pt_req *req, const struct scope *sc, int lock, struct target *t)
{
	const char *id = req->ncaps > 1 ? req->caps[1] : NULL;
	long long org = scope_org_id(req, sc);
	int rc;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[lock ? SQL_USER_LOCK : SQL_USER], &t->rows,
	    PT_BINDS(pt_str(id), pt_int(org), pt_int(org)))) != PT_OK)
		return rc;
	if (t->rows.nrows != 1)
		return PT_ENOTFOUND;
	t->id = pt_cell_int(&t->rows, 0, U_ID);
	t->org_id = pt_cell_int(&t->rows, 0, U_ORG_ID);
	return PT_OK;
}

/* ---- roles --------------------------------------------------------------- */

struct role {
	long long	 id;
	const char	*name;
	int		 on;		/* held now, or ticked in the form */
};

struct roleset {
	struct role	*v;
	size_t		 n;
};

/* The roles an org of kind may hand out, none ticked. */
static int
kind_roles(struct pt_req *req, const char *kind, struct roleset *set)
{
	struct pt_rows rows;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_KIND_ROLES], &rows, PT_BINDS(pt_str(kind)))) != PT_OK)
		return rc;
	set->n = rows.nrows;
	if ((set->v = pt_alloc(req, (rows.nrows + 1) * sizeof(*set->v))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < rows.nrows; i++) {
		set->v[i].id = pt_cell_int(&rows, i, 0);
		set->v[i].name = pt_cell(&rows, i, 1);
	}
	return PT_OK;
}

/* Tick the roles user_id holds now. */
static int
tick_held(struct pt_req *req, long long user_id, struct roleset *set)
{
	struct pt_rows rows;
	size_t i, j;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_USER_ROLES], &rows, PT_BINDS(pt_int(user_id)))) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++)
		for (j = 0; j < set->n; j++)
			if (set->v[j].id == pt_cell_int(&rows, i, 0))
				set->v[j].on = 1;
	return PT_OK;
}

/*
 * Tick the roles of the form's "role" fields (role ids, repeatable).
 * Returns the number ticked, or -1 if a value is not a role of the set.
 */
static int
tick_form(struct pt_req *req, struct roleset *set)
{
	size_t i, j;
	int n = 0, bad = 0;

	for (j = 0; j < set->n; j++)
		set->v[j].on = 0;
	for (i = 0; i < req->form.n; i++) {
		const struct pt_param *p = &req->form.v[i];

		if (strcmp(p->name, "role") != 0)
			continue;
		for (j = 0; j < set->n; j++)
			if (pt_valid(PT_V_ID, p->value, p->len) &&
			    set->v[j].id == strtoll(p->value, NULL, 10))
				break;
		if (j == set->n)
			bad = 1;
		else if (!set->v[j].on) {
			set->v[j].on = 1;
			n++;
		}
	}
	return bad ? -1 : n;
}

/* ["a","b"]: the names of the ticked roles as a JSON array. */
static const char *
roles_json(struct pt_req *req, const struct roleset *set)
{
	const char *s = "[";
	size_t i;
	int first = 1;

	for (i = 0; i < set->n && s != NULL; i++) {
		if (!set->v[i].on)
			continue;
		s = pt_printf(req, "%s%s%s", s, first ? "" : ",", pt_json_str(req, set->v[i].name));
		first = 0;
	}
	return s != NULL ? pt_printf(req, "%s]", s) : NULL;
}

/* <roles><role id name on/>...</roles> under parent. */
static void
roles_node(xmlNodePtr parent, const struct roleset *set)
{
	xmlNodePtr roles = pt_node(parent, "roles", NULL);
	size_t i;

	for (i = 0; i < set->n; i++) {
		xmlNodePtr r = pt_node(roles, "role", NULL);

		pt_attr_int(r, "id", set->v[i].id);
		pt_attr(r, "name", set->v[i].name);
		pt_attr(r, "on", set->v[i].on ? "1" : "0");
	}
}

/* Replace user_id's roles by the ticked ones of set (all of org kind). */
static int
roles_store(struct pt_req *req, long long user_id, const char *kind, const struct roleset *set)
{
	size_t i;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_ROLES_CLEAR], PT_BINDS(pt_int(user_id)), NULL)) != PT_OK)
		return rc;
	for (i = 0; i < set->n; i++) {
		unsigned long long added = 0;

		if (!set->v[i].on)
			continue;
		if ((rc = pt_db_exec(req, &sql[SQL_ROLE_ADD], PT_BINDS(pt_int(user_id),
		    pt_int(set->v[i].id), pt_str(kind)), &added)) != PT_OK)
			return rc;
		if (added != 1)
			return PT_EINVAL;	/* the role was deleted a moment ago */
	}
	return PT_OK;
}

/*
 * Would user_id, with the roles stored now, still hold perm?  The same
 * rule as pt_can(): an exact grant or a granted "prefix.*".
 */
static int
still_holds(struct pt_req *req, long long user_id, const char *perm, int *holds)
{
	struct pt_rows rows;
	size_t i, len;
	int rc;

	*holds = 0;
	if ((rc = pt_db_query(req, &sql[SQL_PERMS_OF], &rows, PT_BINDS(pt_int(user_id)))) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows && !*holds; i++) {
		const char *g = pt_cell(&rows, i, 0);

		len = strlen(g);
		if (strcmp(g, perm) == 0 ||
		    (len >= 2 && strcmp(g + len - 2, ".*") == 0 && strncmp(g, perm, len - 1) == 0))
			*holds = 1;
	}
	return PT_OK;
}

/* ---- the list ------------------------------------------------------------ */

static const char *const statuses[] = { "active", "invited", "inactive", "deleted" };

/* A status of the filter, or "" (everyone but the deleted) for anything else. */
static const char *
status_filter(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < PT_NELEM(statuses); i++)
		if (strcmp(s, statuses[i]) == 0)
			return statuses[i];
	return "";
}

/* The query parameter name as an id, or 0 when absent or malformed. */
static long long
query_id(struct pt_req *req, const char *name)
{
	const char *v = pt_query(req, name);

	return v != NULL && pt_valid(PT_V_ID, v, strlen(v)) ? strtoll(v, NULL, 10) : 0;
}

static int
orgs_node(struct pt_req *req, xmlNodePtr parent)
{
	struct pt_rows rows;
	xmlNodePtr orgs;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ORGS], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	orgs = pt_node(parent, "orgs", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr o = pt_node(orgs, "org", pt_cell(&rows, i, 1));

		pt_attr(o, "id", pt_cell(&rows, i, 0));
		pt_attr(o, "kind", pt_cell(&rows, i, 2));
	}
	return PT_OK;
}

/* GET list: ?status= ?q= ?page= and, for the provider, ?org=. */
static int
list(struct pt_req *req, const struct scope *sc)
{
	const char *status = status_filter(pt_query(req, "status"));
	const char *q = pt_query_trim(req, "q"), *like;
	long long org = sc->all_orgs ? query_id(req, "org") : scope_org_id(req, sc);
	long long page = query_id(req, "page"), total, pages;
	struct pt_rows rows;
	xmlNodePtr users;
	size_t i;
	int rc;

	if (q == NULL)
		return PT_ENOMEM;
	if (pt_query(req, "invited") != NULL)
		pt_message(req, "success", "users.invited", NULL);
	if (pt_chars(q) > PT_FILTER_MAX_CHARS || (*q != '\0' && !pt_valid(PT_V_NAME, q, strlen(q))))
		q = "";
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	if ((like = pt_sql_like(req, q)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_COUNT], &rows, PT_BINDS(pt_int(org), pt_int(org),
	    pt_str(status), pt_str(status), pt_str(q), pt_str(like), pt_str(like)))) != PT_OK)
		return rc;
	total = rows.nrows == 1 ? pt_cell_int(&rows, 0, 0) : 0;
	pages = pt_pages(total, PAGE_SIZE);
	if (page < 1)
		page = 1;
	if (page > pages)
		page = pages;
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_int(org), pt_int(org),
	    pt_str(status), pt_str(status), pt_str(q), pt_str(like), pt_str(like),
	    pt_int(PAGE_SIZE), pt_int((page - 1) * PAGE_SIZE)))) != PT_OK)
		return rc;

	users = pt_node(req->page, "users", NULL);
	pt_attr(users, "scope", sc->name);
	pt_attr(users, "base", sc->base);
	pt_attr(users, "status", status);
	pt_attr(users, "q", q);
	if (sc->all_orgs) {
		if (org != 0)
			pt_attr_int(users, "org", org);
		if ((rc = orgs_node(req, users)) != PT_OK)
			return rc;
	}
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr u = pt_node(users, "user", NULL);
		char *roles = pt_cell(&rows, i, 7), *r, *save = NULL;

		pt_attr(u, "id", pt_cell(&rows, i, 0));
		pt_attr(u, "status", pt_cell(&rows, i, 3));
		if (pt_cell(&rows, i, 4) != NULL)
			pt_attr(u, "last-login", pt_cell(&rows, i, 4));
		pt_node(u, "name", pt_cell(&rows, i, 1));
		pt_node(u, "email", pt_cell(&rows, i, 2));
		pt_attr(pt_node(u, "org", pt_cell(&rows, i, 6)), "id", pt_cell(&rows, i, 5));
		for (r = roles != NULL ? strtok_r(roles, "\n", &save) : NULL; r != NULL;
		    r = strtok_r(NULL, "\n", &save))
			pt_node(u, "role", r);
	}
	pt_pager(users, page, total, PAGE_SIZE);
	req->view = "users";
	return 200;
}

/* ---- one user ------------------------------------------------------------ */

/*
 * The detail page of t: facts, effective budget, roles form (ticked as
 * held, or as in the form when submitted is given), status and
 * invitation actions.
 */
static int
show_user(struct pt_req *req, const struct scope *sc, struct target *t, int status,
    struct roleset *submitted)
{
	struct roleset held;
	struct pt_budget b;
	struct pt_rows rows;
	xmlNodePtr d, u;
	int rc;

	if (submitted == NULL) {
		if ((rc = kind_roles(req, T(t, U_ORG_KIND), &held)) != PT_OK ||
		    (rc = tick_held(req, t->id, &held)) != PT_OK)
			return rc;
		submitted = &held;
	}
	if ((rc = pt_budget_of_user(req, t->id, t->org_id, &b)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_INVITE_PENDING], &rows,
	    PT_BINDS(pt_int(t->id)))) != PT_OK)
		return rc;

	d = pt_node(req->page, "user-detail", NULL);
	pt_attr(d, "scope", sc->name);
	pt_attr(d, "base", sc->base);
	pt_attr(d, "self", t->id == req->session.user->id ? "1" : "0");
	u = pt_node(d, "user", NULL);
	pt_attr_int(u, "id", t->id);
	pt_attr(u, "status", T(t, U_STATUS));
	pt_attr(u, "has-password", pt_cell_int(&t->rows, 0, U_HAS_PASSWORD) ? "1" : "0");
	if (T(t, U_LANGUAGE) != NULL)
		pt_attr(u, "language", T(t, U_LANGUAGE));
	if (T(t, U_LAST_LOGIN) != NULL)
		pt_attr(u, "last-login", T(t, U_LAST_LOGIN));
	pt_attr(u, "created", T(t, U_CREATED));
	pt_node(u, "name", T(t, U_NAME));
	pt_node(u, "email", T(t, U_EMAIL));
	if (T(t, U_PHONE) != NULL)
		pt_node(u, "phone", T(t, U_PHONE));
	{
		xmlNodePtr o = pt_node(u, "org", T(t, U_ORG_NAME));

		pt_attr_int(o, "id", t->org_id);
		pt_attr(o, "kind", T(t, U_ORG_KIND));
	}
	if (rows.nrows == 1 && pt_cell(&rows, 0, 0) != NULL)
		pt_attr(pt_node(d, "invitation", NULL), "expires", pt_cell(&rows, 0, 0));
	{
		/* The runtime's answer to "how much may this person order?" */
		xmlNodePtr budget = pt_node(d, "budget", NULL);

		pt_attr(budget, "currency", b.currency);
		if (b.order_limit_minor >= 0)
			pt_attr_int(budget, "order", b.order_limit_minor);
		if (b.monthly_limit_minor >= 0)
			pt_attr_int(budget, "month", b.monthly_limit_minor);
	}
	roles_node(d, submitted);
	req->view = "user-detail";
	return status;
}

static int
detail(struct pt_req *req, const struct scope *sc)
{
	struct target t;
	int rc;

	if ((rc = target_load(req, sc, 0, &t)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "users.saved", NULL);
	if (pt_query(req, "invited") != NULL)
		pt_message(req, "success", "users.invited", NULL);
	if (pt_query(req, "resent") != NULL)
		pt_message(req, "success", "users.invite.resent", NULL);
	return show_user(req, sc, &t, 200, NULL);
}

/* The detail page's address after a change, with a flag for the message. */
static int
back_to(struct pt_req *req, const struct scope *sc, long long id, const char *flag)
{
	return pt_redirect(req, pt_printf(req, "%s/%lld?%s=1", sc->base, id, flag));
}

/* A change that loaded t inside a transaction ends without one: 422 with the page. */
static int
refuse(struct pt_req *req, const struct scope *sc, struct target *t, const char *key,
    const char *field, struct roleset *submitted)
{
	pt_db_rollback(req);
	pt_message(req, "error", key, field);
	return show_user(req, sc, t, 422, submitted);
}

/* POST .../roles: role=<id> for each ticked role of the user's org kind. */
static int
set_roles(struct pt_req *req, const struct scope *sc)
{
	struct roleset before, after;
	struct target t;
	int rc, n, holds = 1;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = target_load(req, sc, 1, &t)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	if ((rc = kind_roles(req, T(&t, U_ORG_KIND), &before)) != PT_OK ||
	    (rc = tick_held(req, t.id, &before)) != PT_OK ||
	    (rc = kind_roles(req, T(&t, U_ORG_KIND), &after)) != PT_OK)
		goto fail;
	n = tick_form(req, &after);
	if (strcmp(T(&t, U_STATUS), "deleted") == 0)
		return refuse(req, sc, &t, "users.deleted", NULL, NULL);
	if (n < 0)
		return refuse(req, sc, &t, "users.roles.invalid", "roles", &after);
	if (n == 0)
		return refuse(req, sc, &t, "users.roles.required", "roles", &after);
	if ((rc = roles_store(req, t.id, T(&t, U_ORG_KIND), &after)) != PT_OK)
		goto fail;
	/* Nobody takes away their own right to be here. */
	if (t.id == req->session.user->id &&
	    (rc = still_holds(req, t.id, sc->permission, &holds)) != PT_OK)
		goto fail;
	if (!holds)
		return refuse(req, sc, &t, "users.roles.own-admin", "roles", &after);
	if ((rc = pt_audit(req, "user.roles", "user", pt_printf(req, "%lld", t.id),
	    pt_printf(req, "{\"roles\":%s}", roles_json(req, &before)),
	    pt_printf(req, "{\"roles\":%s}", roles_json(req, &after)))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return back_to(req, sc, t.id, "saved");
fail:
	pt_db_rollback(req);
	return rc;
}

/*
 * POST .../status: status=inactive ends the user's sessions and voids their
 * links; status=active brings them back (as "invited" while they have no
 * password yet).  Nobody changes their own status.
 */
static int
set_status(struct pt_req *req, const struct scope *sc)
{
	const char *want = pt_form(req, "status"), *now, *next;
	struct target t;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = target_load(req, sc, 1, &t)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	now = T(&t, U_STATUS);
	if (strcmp(now, "deleted") == 0)
		return refuse(req, sc, &t, "users.deleted", NULL, NULL);
	if (t.id == req->session.user->id)
		return refuse(req, sc, &t, "users.status.self", "status", NULL);
	if (want != NULL && strcmp(want, "inactive") == 0)
		next = "inactive";
	else if (want != NULL && strcmp(want, "active") == 0)
		next = pt_cell_int(&t.rows, 0, U_HAS_PASSWORD) ? "active" : "invited";
	else
		return refuse(req, sc, &t, "users.status.invalid", "status", NULL);
	if (strcmp(now, next) != 0) {
		if ((rc = pt_db_exec(req, &sql[SQL_STATUS_SET], PT_BINDS(pt_str(next),
		    pt_int(t.id)), NULL)) != PT_OK)
			goto fail;
		if (strcmp(next, "inactive") == 0 &&
		    ((rc = pt_db_exec(req, &sql[SQL_SESSIONS_END], PT_BINDS(pt_int(t.id)),
		    NULL)) != PT_OK ||
		    (rc = pt_token_void(req, t.id, NULL)) != PT_OK))
			goto fail;
		if ((rc = pt_audit(req, "user.status", "user", pt_printf(req, "%lld", t.id),
		    pt_printf(req, "{\"status\":%s}", pt_json_str(req, now)),
		    pt_printf(req, "{\"status\":%s}", pt_json_str(req, next)))) != PT_OK)
			goto fail;
	}
	if ((rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return back_to(req, sc, t.id, "saved");
fail:
	pt_db_rollback(req);
	return rc;
}

/* ---- invitations --------------------------------------------------------- */

/* Invite user_id in the caller's transaction, as the signed-in inviter. */
static int
send_invitation(struct pt_req *req, long long user_id, const char *email, const char *name,
    const char *org_name, const char *lang)
{
	return pt_invite_send(req, user_id, email, name, org_name, lang, req->session.user->name);
}

/* POST .../invite: a new link for someone who has not accepted yet; older links stop working. */
static int
resend(struct pt_req *req, const struct scope *sc)
{
	struct target t;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = target_load(req, sc, 1, &t)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	if (strcmp(T(&t, U_STATUS), "invited") != 0)
		return refuse(req, sc, &t, "users.invite.not-invited", NULL, NULL);
	if ((rc = pt_token_void(req, t.id, "invite")) != PT_OK ||
	    (rc = send_invitation(req, t.id, T(&t, U_EMAIL), T(&t, U_NAME), T(&t, U_ORG_NAME),
	    T(&t, U_ORG_LANG))) != PT_OK ||
	    (rc = pt_audit(req, "user.invite.resend", "user", pt_printf(req, "%lld", t.id), NULL,
	    pt_printf(req, "{\"email\":%s}", pt_json_str(req, T(&t, U_EMAIL))))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return back_to(req, sc, t.id, "resent");
}

/* The org an invitation goes to: the session's, or the provider's choice (?org= or field org). */
struct inv_org {
	struct pt_rows	 rows;		/* id, name, kind, language */
	long long	 id;
};

static int
invite_org(struct pt_req *req, const struct scope *sc, struct inv_org *o)
{
	const char *v;
	int rc;

	o->id = scope_org_id(req, sc);
	if (sc->all_orgs) {
		if ((v = pt_form(req, "org")) == NULL)
			v = pt_query(req, "org");
		if (v == NULL || !pt_valid(PT_V_ID, v, strlen(v)))
			return PT_ENOTFOUND;
		o->id = strtoll(v, NULL, 10);
	}
	if ((rc = pt_db_query(req, &sql[SQL_ORG], &o->rows, PT_BINDS(pt_int(o->id)))) != PT_OK)
		return rc;
	return o->rows.nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

static const char *const invite_fields[] = { "email", "name" };

/* The invitation form for org o, roles ticked as in set. */
static int
show_invite(struct pt_req *req, const struct scope *sc, struct inv_org *o, struct roleset *set,
    int status)
{
	xmlNodePtr inv = pt_node(req->page, "user-new", NULL), org;

	pt_attr(inv, "scope", sc->name);
	pt_attr(inv, "base", sc->base);
	org = pt_node(inv, "org", pt_cell(&o->rows, 0, 1));
	pt_attr_int(org, "id", o->id);
	pt_attr(org, "kind", pt_cell(&o->rows, 0, 2));
	roles_node(inv, set);
	pt_form_echo(req, "user-new", invite_fields, PT_NELEM(invite_fields));
	pt_limit(req, "name", PT_NAME_MAX_CHARS);
	pt_limit(req, "email", PT_EMAIL_MAX_BYTES);	/* ASCII: as many characters */
	req->view = "user-new";
	return status;
}

/* The provider's invitation without ?org=: choose the org first. */
static int
choose_org(struct pt_req *req, const struct scope *sc)
{
	xmlNodePtr inv = pt_node(req->page, "user-new", NULL);
	int rc;

	pt_attr(inv, "scope", sc->name);
	pt_attr(inv, "base", sc->base);
	if ((rc = orgs_node(req, inv)) != PT_OK)
		return rc;
	req->view = "user-new";
	return 200;
}

static int
invite_form(struct pt_req *req, const struct scope *sc)
{
	struct inv_org o;
	struct roleset set;
	int rc;

	if (sc->all_orgs && pt_query(req, "org") == NULL)
		return choose_org(req, sc);
	if ((rc = invite_org(req, sc, &o)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = kind_roles(req, pt_cell(&o.rows, 0, 2), &set)) != PT_OK)
		return rc;
	/* The least of the roles is the usual start. */
	if (set.n > 0)
		set.v[0].on = 1;
	return show_invite(req, sc, &o, &set, 200);
}

/*
 * Where an invitation sends the inviter: an org admin to the list, for
 * every address alike (see invite_elsewhere); the provider to the new user.
 */
static int
invited(struct pt_req *req, const struct scope *sc, long long id)
{
	if (sc->all_orgs)
		return back_to(req, sc, id, "invited");
	return pt_redirect(req, pt_printf(req, "%s?invited=1", sc->base));
}

/*
 * An org admin invited an address of another org.  The answer is the one
 * of any invitation, so the address's account stays unknown to them;
 * nothing of that account changes, and its owner is told by mail (in the
 * transaction that also makes this path cost about what an invitation does).
 */
static int
invite_elsewhere(struct pt_req *req, const struct scope *sc, const struct inv_org *o,
    const char *email, const struct pt_rows *holder)
{
	const char *status = pt_cell(holder, 0, H_STATUS), *lang = pt_cell(holder, 0, H_LANG);
	xmlNodePtr data;
	int rc;

	pt_log(req, PT_LOG_INFO, "invitation of user %s of org %s into org %lld not sent",
	    pt_cell(holder, 0, H_ID), pt_cell(holder, 0, H_ORG_ID), o->id);
	if (strcmp(status, "active") != 0 && strcmp(status, "invited") != 0)
		return invited(req, sc, 0);
	if ((data = pt_mail_data(req)) == NULL)
		return PT_ENOMEM;
	pt_node(data, "org", pt_cell(&o->rows, 0, 1));
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_mail_queue(req, "invite-elsewhere", email, pt_cell(holder, 0, H_NAME),
	    lang != NULL ? lang : req->lang, data)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return invited(req, sc, 0);
}

/*
 * Whether the inviter may be told that holder (SQL_EMAIL_TAKEN's rows) has
 * the address: whose it is, and in which org, is none of the inviter's
 * business, so an org admin learns only of addresses of their own org,
 * which they see anyway.
 */
static int
taken_here(const struct scope *sc, const struct pt_rows *holder, long long org_id)
{
	return holder->nrows > 0 && (sc->all_orgs || pt_cell_int(holder, 0, H_ORG_ID) == org_id);
}

/* POST new: email, name, role (repeatable) and, for the provider, org. */
static int
invite(struct pt_req *req, const struct scope *sc)
{
	const char *email = pt_email_normalise(req, pt_form(req, "email"));
	const char *name = pt_form_trim(req, "name");
	struct pt_rows holder = { 0 };
	struct inv_org o;
	struct roleset set;
	long long id;
	int rc, n, invalid = 0;

	if (email == NULL || name == NULL)
		return PT_ENOMEM;
	if ((rc = invite_org(req, sc, &o)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = kind_roles(req, pt_cell(&o.rows, 0, 2), &set)) != PT_OK)
		return rc;
	n = tick_form(req, &set);

	if (*email == '\0') {
		pt_message(req, "error", "users.email.required", "email");
		invalid = 1;
	} else if (strlen(email) > PT_EMAIL_MAX_BYTES || !pt_valid(PT_V_EMAIL, email, strlen(email))) {
		pt_message(req, "error", "users.email.invalid", "email");
		invalid = 1;
	} else {
		if ((rc = pt_db_query(req, &sql[SQL_EMAIL_TAKEN], &holder,
		    PT_BINDS(pt_str(email)))) != PT_OK)
			return rc;
		if (taken_here(sc, &holder, o.id)) {
			pt_message(req, "error", "users.email.taken", "email");
			invalid = 1;
		}
	}
	if (*name == '\0') {
		pt_message(req, "error", "users.name.required", "name");
		invalid = 1;
	} else if (!pt_valid(PT_V_NAME, name, strlen(name))) {
		pt_message_max(req, "users.name.invalid", "name", PT_NAME_MAX_CHARS);
		invalid = 1;
	}
	if (n <= 0) {
		pt_message(req, "error", n < 0 ? "users.roles.invalid" : "users.roles.required",
		    "roles");
		invalid = 1;
	}
	if (invalid)
		return show_invite(req, sc, &o, &set, 422);
	if (holder.nrows > 0)
		return invite_elsewhere(req, sc, &o, email, &holder);

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_USER_INSERT], PT_BINDS(pt_int(o.id), pt_str(email),
	    pt_str(name), pt_str(pt_cell(&o.rows, 0, 3))), NULL)) == PT_EDUP) {
		/* Someone has the address since the look above: answered as that look would now. */
		pt_db_rollback(req);
		if ((rc = pt_db_query(req, &sql[SQL_EMAIL_TAKEN], &holder,
		    PT_BINDS(pt_str(email)))) != PT_OK)
			return rc;
		if (holder.nrows > 0 && !taken_here(sc, &holder, o.id))
			return invite_elsewhere(req, sc, &o, email, &holder);
		pt_message(req, "error", "users.email.taken", "email");
		return show_invite(req, sc, &o, &set, 422);
	}
	if (rc != PT_OK)
		goto fail;
	id = (long long)pt_db_insert_id();
	if ((rc = roles_store(req, id, pt_cell(&o.rows, 0, 2), &set)) != PT_OK ||
	    (rc = send_invitation(req, id, email, name, pt_cell(&o.rows, 0, 1),
	    pt_cell(&o.rows, 0, 3))) != PT_OK ||
	    (rc = pt_audit(req, "user.invite", "user", pt_printf(req, "%lld", id), NULL,
	    pt_printf(req, "{\"email\":%s,\"name\":%s,\"org_id\":%lld,\"status\":\"invited\","
	    "\"roles\":%s}", pt_json_str(req, email), pt_json_str(req, name), o.id,
	    roles_json(req, &set)))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return invited(req, sc, id);
fail:
	pt_db_rollback(req);
	return rc;
}

/* ---- the two scopes -------------------------------------------------------- */

static int org_list(struct pt_req *r)		{ return list(r, &scope_org); }
static int org_invite_form(struct pt_req *r)	{ return invite_form(r, &scope_org); }
static int org_invite(struct pt_req *r)		{ return invite(r, &scope_org); }
static int org_detail(struct pt_req *r)		{ return detail(r, &scope_org); }
static int org_roles(struct pt_req *r)		{ return set_roles(r, &scope_org); }
static int org_status(struct pt_req *r)		{ return set_status(r, &scope_org); }
static int org_resend(struct pt_req *r)		{ return resend(r, &scope_org); }

static int admin_list(struct pt_req *r)		{ return list(r, &scope_admin); }
static int admin_invite_form(struct pt_req *r)	{ return invite_form(r, &scope_admin); }
static int admin_invite(struct pt_req *r)	{ return invite(r, &scope_admin); }
static int admin_detail(struct pt_req *r)	{ return detail(r, &scope_admin); }
static int admin_roles(struct pt_req *r)	{ return set_roles(r, &scope_admin); }
static int admin_status(struct pt_req *r)	{ return set_status(r, &scope_admin); }
static int admin_resend(struct pt_req *r)	{ return resend(r, &scope_admin); }

#define ORG "users.manage.org"
#define ADM "admin.users"

static const struct pt_route routes[] = {
	{ PT_GET,  "/auth/users",			org_list,		0, ORG },
	{ PT_GET,  "/auth/users/new",			org_invite_form,	0, ORG },
	{ PT_POST, "/auth/users/new",			org_invite,		0, ORG },
	{ PT_GET,  "/auth/users/(\\d+)",		org_detail,		0, ORG },
	{ PT_POST, "/auth/users/(\\d+)/roles",		org_roles,		0, ORG },
	{ PT_POST, "/auth/users/(\\d+)/status",		org_status,		0, ORG },
	{ PT_POST, "/auth/users/(\\d+)/invite",		org_resend,		0, ORG },
	{ PT_GET,  "/auth/admin/users",			admin_list,		0, ADM },
	{ PT_GET,  "/auth/admin/users/new",		admin_invite_form,	0, ADM },
	{ PT_POST, "/auth/admin/users/new",		admin_invite,		0, ADM },
	{ PT_GET,  "/auth/admin/users/(\\d+)",		admin_detail,		0, ADM },
	{ PT_POST, "/auth/admin/users/(\\d+)/roles",	admin_roles,		0, ADM },
	{ PT_POST, "/auth/admin/users/(\\d+)/status",	admin_status,		0, ADM },
	{ PT_POST, "/auth/admin/users/(\\d+)/invite",	admin_resend,		0, ADM },
};

static const char *const views[] = { "users", "user-new", "user-detail" };

const struct pt_group auth_users_group = PT_GROUP(routes, sql, views);
