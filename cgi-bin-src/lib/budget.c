/*
 * Budget limits: per order and per calendar month, in the org's currency
 * (minor units).  An org has its own limits; its admin may set limits per
 * role up to them.  A person's limit is the most generous of their roles'
 * (a role without a limit of its own has the org's), never above the org's.
 * NULL in the database, -1 here: no limit.
 */
#include <string.h>

#include "extern.h"

enum budget_sql { SQL_BUDGET_OF, SQL__MAX };

const struct pt_sql pt_budget_sql[SQL__MAX] = {
	[SQL_BUDGET_OF] = { "budget_of",
	    "SELECT o.currency, o.order_limit_minor, o.monthly_limit_minor,"
	    " l.order_limit_minor, l.monthly_limit_minor"
	    " FROM users u JOIN orgs o ON o.id = u.org_id"
	    " JOIN user_roles ur ON ur.user_id = u.id"
	    " LEFT JOIN org_role_limits l ON l.org_id = u.org_id AND l.role_id = ur.role_id"
	    " WHERE u.id = ? AND u.org_id = ?" },
};
const size_t pt_budget_nsql = SQL__MAX;

/* -1 (no limit) is the largest; otherwise the larger. */
static long long
more_generous(long long a, long long b)
{
	return a < 0 || b < 0 ? -1 : a > b ? a : b;
}

/* The org's cap applies to whatever the roles allow. */
static long long
capped(long long role, long long org)
{
	if (org < 0)
		return role;
	return role < 0 || role > org ? org : role;
}

static long long
cell_limit(const struct pt_rows *rows, size_t r, size_t c)
{
	return pt_cell(rows, r, c) != NULL ? pt_cell_int(rows, r, c) : -1;
}

int
pt_budget_of(struct pt_req *req, struct pt_budget *b)
{
	if (req->session.user == NULL)
		return PT_EINVAL;
	return pt_budget_of_user(req, req->session.user->id, req->session.user->org_id, b);
}

int
pt_budget_of_user(struct pt_req *req, int64_t user_id, int64_t org_id, struct pt_budget *b)
{
	struct pt_rows rows;
	long long order = -2, month = -2, org_order, org_month;
	size_t r;
	int rc;

	if ((rc = pt_db_query(req, &pt_budget_sql[SQL_BUDGET_OF], &rows,
	    PT_BINDS(pt_int(user_id), pt_int(org_id)))) != PT_OK)
		return rc;
	if (rows.nrows == 0) {
		/* No role (or not of that org), no budget. */
		b->order_limit_minor = b->monthly_limit_minor = 0;
		b->currency = "EUR";
		return PT_OK;
	}
	b->currency = pt_cell(&rows, 0, 0);
	org_order = cell_limit(&rows, 0, 1);
	org_month = cell_limit(&rows, 0, 2);
	for (r = 0; r < rows.nrows; r++) {
		/* A role without a row of its own in org_role_limits has the org's limits. */
		long long ro = pt_cell(&rows, r, 3) != NULL ? cell_limit(&rows, r, 3) : org_order;
		long long rm = pt_cell(&rows, r, 4) != NULL ? cell_limit(&rows, r, 4) : org_month;

		order = order == -2 ? ro : more_generous(order, ro);
		month = month == -2 ? rm : more_generous(month, rm);
	}
	b->order_limit_minor = capped(order, org_order);
	b->monthly_limit_minor = capped(month, org_month);
	return PT_OK;
}

int
pt_budget_check(struct pt_req *req, long long amount_minor, long long month_spent_minor,
    const char **which)
{
	struct pt_budget b;
	int rc;

	*which = NULL;
	if ((rc = pt_budget_of(req, &b)) != PT_OK)
		return rc;
	if (b.order_limit_minor >= 0 && amount_minor > b.order_limit_minor) {
		*which = "order";
		return PT_ELIMIT;
	}
	if (b.monthly_limit_minor >= 0 && month_spent_minor + amount_minor > b.monthly_limit_minor) {
		*which = "month";
		return PT_ELIMIT;
	}
	return PT_OK;
}
