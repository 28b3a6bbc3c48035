/*
 * The audit log, newest first, with filters.  Holders of admin.audit read
 * every row; an org's own administrators (users.manage.org) read only the
 * rows of their org, whatever the filters say: the scope is bound into the
 * query from the session, never from the request.
 *
 * A bad filter value is reported on its field (422) and left out, so the
 * list below still shows what the good filters select.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

#define PER_PAGE 50
#define CODE_MAX_BYTES 64

enum audit_sql {
	SQL_AUDIT_LIST,
	SQL_AUDIT_COUNT,
	SQL_AUDIT_ORGS,
	SQL__MAX
};

/* Scope first, then the filters; each "(? = x OR ...)" takes its value twice. */
#define AUDIT_FROM \
	" FROM audit_log a LEFT JOIN users u ON u.id = a.user_id" \
	" LEFT JOIN orgs o ON o.id = a.org_id" \
	" WHERE (? = 0 OR a.org_id = ?) AND (? = 0 OR a.org_id = ?)" \
	" AND (? = '' OR a.action = ?) AND (? = '' OR a.object_type = ?)" \
	" AND (? = '' OR u.email LIKE ?)" \
	" AND (? = '' OR a.at >= CAST(? AS DATE))" \
	" AND (? = '' OR a.at < CAST(? AS DATE) + INTERVAL 1 DAY)"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_AUDIT_LIST] = { "audit_list",
	    "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%dT%H:%i:%sZ'), a.user_id, u.name, u.email,"
	    " a.org_id, o.name, a.action, a.object_type, a.object_id, a.before_json,"
	    " a.after_json, a.ip" AUDIT_FROM
	    " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?" },
	[SQL_AUDIT_COUNT] = { "audit_count",
	    "SELECT COUNT(*)" AUDIT_FROM },
	[SQL_AUDIT_ORGS] = { "audit_orgs",
	    "SELECT id, name FROM orgs ORDER BY name, id" },
};

enum filter { F_ACTION, F_OBJECT, F_USER, F_FROM, F_TO, F_ORG, F__MAX };
static const char *const filter_names[F__MAX] = { "action", "object", "user", "from", "to", "org" };

/* ^[a-z0-9_.-]{1,64}$: the shape of every action and object type written. */
static int
valid_code(const char *s)
{
	size_t len = strlen(s), i;

	if (len == 0 || len > CODE_MAX_BYTES)
		return 0;
	for (i = 0; i < len; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
		    s[i] == '_' || s[i] == '.' || s[i] == '-'))
			return 0;
	return 1;
}

/* YYYY-MM-DD naming a day of the calendar. */
static int
valid_date(const char *s)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

/*
 * Check each filter; a bad one gets a message on its field and is
 * dropped (set to "").  Returns 1 when all were good.
 */
static int
check_filters(struct pt_req *req, const char **f, int all_orgs)
{
	int ok = 1, i;

	for (i = F_ACTION; i <= F_OBJECT; i++)
		if (*f[i] != '\0' && !valid_code(f[i])) {
			pt_message(req, "error", "audit.filter.invalid", filter_names[i]);
			f[i] = "";
			ok = 0;
		}
	if (*f[F_USER] != '\0' && (strlen(f[F_USER]) > PT_EMAIL_MAX_BYTES ||
	    !pt_valid(PT_V_NAME, f[F_USER], strlen(f[F_USER])))) {
		pt_message(req, "error", "audit.filter.invalid", "user");
		f[F_USER] = "";
		ok = 0;
	}
	for (i = F_FROM; i <= F_TO; i++)
		if (*f[i] != '\0' && !valid_date(f[i])) {
			pt_message(req, "error", "audit.date.invalid", filter_names[i]);
			f[i] = "";
			ok = 0;
		}
	if (*f[F_FROM] != '\0' && *f[F_TO] != '\0' && strcmp(f[F_FROM], f[F_TO]) > 0) {
		pt_message(req, "error", "audit.date.order", "to");
		f[F_TO] = "";
		ok = 0;
	}
	if (!all_orgs)
		f[F_ORG] = "";	/* an org admin's scope is their org; no choice to make */
	else if (*f[F_ORG] != '\0' && (strlen(f[F_ORG]) > 10 ||
	    !pt_valid(PT_V_ID, f[F_ORG], strlen(f[F_ORG])))) {
		pt_message(req, "error", "audit.filter.invalid", "org");
		f[F_ORG] = "";
		ok = 0;
	}
	return ok;
}

static int
audit_list(struct pt_req *req)
{
	const char *f[F__MAX], *like;
	long long scope, org, page = pt_query_page(req), total;
	struct pt_rows rows, count, orgs;
	xmlNodePtr log, filter;
	int all_orgs, ok, rc;
	size_t r, i;

	if (pt_can(req, "admin.audit"))
		all_orgs = 1;
	else if (pt_can(req, "users.manage.org"))
		all_orgs = 0;
	else
		return 403;
	scope = all_orgs ? 0 : req->session.user->org_id;
	for (i = 0; i < F__MAX; i++)
		if ((f[i] = pt_query_trim(req, filter_names[i])) == NULL)
			return PT_ENOMEM;
	pt_form_echo(req, "audit", filter_names, F__MAX);	/* as typed, for a bad value */
	ok = check_filters(req, f, all_orgs);
	org = *f[F_ORG] != '\0' ? strtoll(f[F_ORG], NULL, 10) : 0;
	if ((like = pt_sql_like(req, f[F_USER])) == NULL)
		return PT_ENOMEM;

#define FILTER_BINDS \
	pt_int(scope), pt_int(scope), pt_int(org), pt_int(org), \
	pt_str(f[F_ACTION]), pt_str(f[F_ACTION]), pt_str(f[F_OBJECT]), pt_str(f[F_OBJECT]), \
	pt_str(f[F_USER]), pt_str(like), pt_str(f[F_FROM]), pt_str(f[F_FROM]), \
	pt_str(f[F_TO]), pt_str(f[F_TO])
	if ((rc = pt_db_query(req, &sql[SQL_AUDIT_COUNT], &count, PT_BINDS(FILTER_BINDS))) != PT_OK)
		return rc;
	total = count.nrows == 1 ? pt_cell_int(&count, 0, 0) : 0;
	if ((rc = pt_db_query(req, &sql[SQL_AUDIT_LIST], &rows, PT_BINDS(FILTER_BINDS,
	    pt_int(PER_PAGE), pt_int((page - 1) * PER_PAGE)))) != PT_OK)
		return rc;
#undef FILTER_BINDS

	log = pt_node(req->page, "audit", NULL);
	pt_attr(log, "scope", all_orgs ? "all" : "org");
	filter = pt_node(log, "filter", NULL);
	for (i = 0; i < F__MAX; i++)
		pt_attr(filter, filter_names[i], f[i]);
	if (all_orgs) {
		xmlNodePtr list = pt_node(log, "orgs", NULL);

		if ((rc = pt_db_query(req, &sql[SQL_AUDIT_ORGS], &orgs, PT_NOBINDS)) != PT_OK)
			return rc;
		for (r = 0; r < orgs.nrows; r++)
			pt_attr(pt_node(list, "org", pt_cell(&orgs, r, 1)), "id",
			    pt_cell(&orgs, r, 0));
	}
	for (r = 0; r < rows.nrows; r++) {
		xmlNodePtr e = pt_node(log, "entry", NULL), who;

		pt_attr(e, "id", pt_cell(&rows, r, 0));
		pt_attr(e, "at", pt_cell(&rows, r, 1));
		pt_attr(e, "action", pt_cell(&rows, r, 7));
		pt_attr(e, "object-type", pt_cell(&rows, r, 8));
		pt_attr(e, "object-id", pt_cell(&rows, r, 9));
		pt_attr(e, "ip", pt_cell(&rows, r, 12));
		if (pt_cell(&rows, r, 2) != NULL) {
			who = pt_node(e, "user", NULL);
			pt_attr(who, "id", pt_cell(&rows, r, 2));
			pt_node(who, "name", pt_cell(&rows, r, 3));
			pt_node(who, "email", pt_cell(&rows, r, 4));
		}
		if (pt_cell(&rows, r, 5) != NULL)
			pt_attr(pt_node(e, "org", pt_cell(&rows, r, 6)), "id", pt_cell(&rows, r, 5));
		if (pt_cell(&rows, r, 10) != NULL)
			pt_node(e, "before", pt_cell(&rows, r, 10));
		if (pt_cell(&rows, r, 11) != NULL)
			pt_node(e, "after", pt_cell(&rows, r, 11));
	}
	pt_pager(log, page, total, PER_PAGE);
	req->view = "audit";
	return ok ? 200 : 422;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/auth/audit", audit_list, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "audit" };

const struct pt_group auth_audit_group = PT_GROUP(routes, sql, views);
