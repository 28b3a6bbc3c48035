/*
 * An org's budget limits per role, set by the org's own administrator.
 *
 * The org's limits (set by the provider) cap everything: a role's limit
 * may not be above them, and a role without a limit of its own has the
 * org's.  Amounts are typed as decimals in the org's currency ("1000.00",
 * or "1000,00") and stored as integer minor units; an empty field means
 * "the organisation's limit" and is stored as SQL NULL.  The runtime
 * (lib/budget.c) reads the same rows for pt_budget_of and pt_budget_check.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"

enum budgets_sql { SQL_ORG, SQL_ORG_LOCK, SQL_ROLES, SQL_LIMIT_SET, SQL_LIMIT_DEL, SQL__MAX };

#define ORG_COLUMNS \
	"SELECT name, kind, currency, order_limit_minor, monthly_limit_minor FROM orgs WHERE id = ?"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_ORG] = { "budgets_org", ORG_COLUMNS },
	[SQL_ORG_LOCK] = { "budgets_org_lock", ORG_COLUMNS " FOR UPDATE" },
	[SQL_ROLES] = { "budgets_roles",
	    "SELECT r.id, r.name, l.order_limit_minor, l.monthly_limit_minor"
	    " FROM roles r LEFT JOIN org_role_limits l ON l.role_id = r.id AND l.org_id = ?"
	    " WHERE r.org_kind = ? ORDER BY r.priority, r.name" },
	[SQL_LIMIT_SET] = { "budgets_limit_set",
	    "INSERT INTO org_role_limits (org_id, role_id, order_limit_minor, monthly_limit_minor)"
	    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " order_limit_minor = VALUES(order_limit_minor),"
	    " monthly_limit_minor = VALUES(monthly_limit_minor)" },
	[SQL_LIMIT_DEL] = { "budgets_limit_del",
	    "DELETE FROM org_role_limits WHERE org_id = ? AND role_id = ?" },
};

enum { O_NAME, O_KIND, O_CURRENCY, O_ORDER, O_MONTH };

/* The two limits a role and an org have. */
enum limit_kind { L_ORDER, L_MONTH, L__MAX };
static const char *const limit_field[L__MAX] = { "order", "month" };

#define NO_LIMIT (-1LL)

struct role_limits {
	long long	 id;
	const char	*name;
	long long	 limit[L__MAX];	/* minor units, NO_LIMIT for "the org's" */
};

struct org_budget {
	struct pt_rows	 org;		/* ORG_COLUMNS */
	long long	 limit[L__MAX];	/* the org's own, NO_LIMIT: none */
	struct role_limits *roles;
	size_t		 nroles;
};

static long long
cell_limit(const struct pt_rows *rows, size_t r, size_t c)
{
	return pt_cell(rows, r, c) != NULL ? pt_cell_int(rows, r, c) : NO_LIMIT;
}

/* The org of the session with its roles' limits; lock the org row inside a transaction. */
static int
budget_load(struct pt_req *req, int lock, struct org_budget *ob)
{
	long long org_id = req->session.user->org_id;
	struct pt_rows rows;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[lock ? SQL_ORG_LOCK : SQL_ORG], &ob->org,
	    PT_BINDS(pt_int(org_id)))) != PT_OK)
		return rc;
	if (ob->org.nrows != 1)
		return PT_ENOTFOUND;
	ob->limit[L_ORDER] = cell_limit(&ob->org, 0, O_ORDER);
	ob->limit[L_MONTH] = cell_limit(&ob->org, 0, O_MONTH);
	if ((rc = pt_db_query(req, &sql[SQL_ROLES], &rows, PT_BINDS(pt_int(org_id),
	    pt_str(pt_cell(&ob->org, 0, O_KIND))))) != PT_OK)
		return rc;
	ob->nroles = rows.nrows;
	if ((ob->roles = pt_alloc(req, (rows.nrows + 1) * sizeof(*ob->roles))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < rows.nrows; i++) {
		ob->roles[i].id = pt_cell_int(&rows, i, 0);
		ob->roles[i].name = pt_cell(&rows, i, 1);
		ob->roles[i].limit[L_ORDER] = cell_limit(&rows, i, 2);
		ob->roles[i].limit[L_MONTH] = cell_limit(&rows, i, 3);
	}
	return PT_OK;
}

/* What a role's holder may spend: its own limit, else the org's, never above the org's. */
static long long
effective(long long role, long long org)
{
	if (role == NO_LIMIT)
		return org;
	return org != NO_LIMIT && role > org ? org : role;
}

/* "1234.50" for 123450 minor units; "" for no limit. */
static const char *
decimal(struct pt_req *req, long long minor)
{
	if (minor < 0)
		return "";
	return pt_printf(req, "%lld.%02lld", minor / 100, minor % 100);
}

static const char *
field_name(struct pt_req *req, enum limit_kind k, long long role_id)
{
	return pt_printf(req, "%s-%lld", limit_field[k], role_id);
}

/* {"buyer":{"order":100000,"month":null},...} for the audit row. */
static const char *
limits_json(struct pt_req *req, const struct org_budget *ob)
{
	const char *s = "{";
	size_t i;

	for (i = 0; i < ob->nroles && s != NULL; i++) {
		const struct role_limits *r = &ob->roles[i];
		const char *o = r->limit[L_ORDER] < 0 ? "null" :
		    pt_printf(req, "%lld", r->limit[L_ORDER]);
		const char *m = r->limit[L_MONTH] < 0 ? "null" :
		    pt_printf(req, "%lld", r->limit[L_MONTH]);

		s = pt_printf(req, "%s%s%s:{\"order\":%s,\"month\":%s}", s, i == 0 ? "" : ",",
		    pt_json_str(req, r->name), o, m);
	}
	return s != NULL ? pt_printf(req, "%s}", s) : NULL;
}

/*
 * The page: the org's limits, each role's own and effective limits, and
 * the form (values as typed when posted, else as stored).
 */
static int
show(struct pt_req *req, const struct org_budget *ob, int posted, int status)
{
	xmlNodePtr page = pt_node(req->page, "budgets", NULL), form, org;
	struct pt_budget mine;
	size_t i;
	int k, rc;

	pt_attr(page, "currency", pt_cell(&ob->org, 0, O_CURRENCY));
	org = pt_node(page, "org", pt_cell(&ob->org, 0, O_NAME));
	pt_attr_int(org, "id", req->session.user->org_id);
	for (k = 0; k < L__MAX; k++)
		if (ob->limit[k] >= 0)
			pt_attr_int(org, limit_field[k], ob->limit[k]);
	/* The administrator's own limits, as the orders worker will see them. */
	if ((rc = pt_budget_of(req, &mine)) != PT_OK)
		return rc;
	{
		xmlNodePtr m = pt_node(page, "mine", NULL);

		if (mine.order_limit_minor >= 0)
			pt_attr_int(m, "order", mine.order_limit_minor);
		if (mine.monthly_limit_minor >= 0)
			pt_attr_int(m, "month", mine.monthly_limit_minor);
	}
	form = pt_node(req->page, "form", NULL);
	pt_attr(form, "name", "budgets");
	for (i = 0; i < ob->nroles; i++) {
		const struct role_limits *r = &ob->roles[i];
		xmlNodePtr n = pt_node(page, "role", NULL);

		pt_attr_int(n, "id", r->id);
		pt_attr(n, "name", r->name);
		for (k = 0; k < L__MAX; k++) {
			const char *name = field_name(req, k, r->id), *v;
			long long eff = effective(r->limit[k], ob->limit[k]);

			if (r->limit[k] >= 0)
				pt_attr_int(n, limit_field[k], r->limit[k]);
			if (eff >= 0)
				pt_attr_int(n, pt_printf(req, "effective-%s", limit_field[k]), eff);
			v = posted ? pt_form(req, name) : decimal(req, r->limit[k]);
			pt_attr(pt_node(form, "field", v != NULL ? v : ""), "name", name);
		}
	}
	req->view = "budgets";
	return status;
}

static int
budgets(struct pt_req *req)
{
	struct org_budget ob;
	int rc;

	if ((rc = budget_load(req, 0, &ob)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "budgets.saved", NULL);
	return show(req, &ob, 0, 200);
}

/* POST: order-<role id> and month-<role id> for every role of the org's kind. */
static int
budgets_save(struct pt_req *req)
{
	struct org_budget ob, next;
	const char *before, *after;
	size_t i;
	int k, rc, invalid = 0;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = budget_load(req, 1, &ob)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	next = ob;
	if ((next.roles = pt_alloc(req, (ob.nroles + 1) * sizeof(*next.roles))) == NULL) {
		rc = PT_ENOMEM;
		goto fail;
	}
	memcpy(next.roles, ob.roles, ob.nroles * sizeof(*ob.roles));
	for (i = 0; i < next.nroles; i++) {
		for (k = 0; k < L__MAX; k++) {
			const char *name = field_name(req, k, next.roles[i].id);
			long long minor;

			/* "" is no limit (NO_LIMIT): the org's. */
			if ((rc = pt_parse_amount(pt_form(req, name), &minor)) != PT_OK) {
				pt_message(req, "error", rc == PT_ELIMIT ? "budgets.negative" :
				    "budgets.invalid", name);
				invalid = 1;
				continue;
			}
			if (minor >= 0 && ob.limit[k] >= 0 && minor > ob.limit[k]) {
				pt_message(req, "error", "budgets.exceeds-org", name);
				invalid = 1;
				continue;
			}
			next.roles[i].limit[k] = minor;
		}
	}
	if (invalid) {
		pt_db_rollback(req);
		return show(req, &ob, 1, 422);
	}
	before = limits_json(req, &ob);
	after = limits_json(req, &next);
	if (before == NULL || after == NULL) {
		rc = PT_ENOMEM;
		goto fail;
	}
	if (strcmp(before, after) != 0) {
		long long org_id = req->session.user->org_id;

		for (i = 0; i < next.nroles; i++) {
			const struct role_limits *r = &next.roles[i];

			if (r->limit[L_ORDER] < 0 && r->limit[L_MONTH] < 0)
				rc = pt_db_exec(req, &sql[SQL_LIMIT_DEL], PT_BINDS(pt_int(org_id),
				    pt_int(r->id)), NULL);
			else
				rc = pt_db_exec(req, &sql[SQL_LIMIT_SET], PT_BINDS(pt_int(org_id),
				    pt_int(r->id),
				    r->limit[L_ORDER] < 0 ? pt_str(NULL) : pt_int(r->limit[L_ORDER]),
				    r->limit[L_MONTH] < 0 ? pt_str(NULL) : pt_int(r->limit[L_MONTH])),
				    NULL);
			if (rc != PT_OK)
				goto fail;
		}
		if ((rc = pt_audit(req, "budgets.update", "org", pt_printf(req, "%lld", org_id),
		    before, after)) != PT_OK)
			goto fail;
	}
	if ((rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/auth/budgets?saved=1");
fail:
	pt_db_rollback(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_GET,  "/auth/budgets", budgets,      0, "users.manage.org" },
	{ PT_POST, "/auth/budgets", budgets_save, 0, "users.manage.org" },
};

static const char *const views[] = { "budgets" };

const struct pt_group auth_budgets_group = PT_GROUP(routes, sql, views);
