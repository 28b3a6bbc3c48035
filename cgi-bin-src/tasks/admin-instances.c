/*
 * The instances (GET /admin/processes/instances): newest first, 50 a
 * page, filtered by process and version, state, business key (its
 * beginning), organisation and the reader's days they started between;
 * with the count of each state under the other filters.  A bad filter is
 * told at its field (422) and left out, so the list still shows what the
 * good ones select.  Each filter is one of the instances' indexes
 * (0050-flow.sql); "(? = '' OR ...)" drops a filter not given, which
 * MariaDB decides when the statement runs with its values.
 */
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "deploy.h"

#define PER_PAGE	50
#define KEY_MAX_CHARS	100	/* flow_instances.business_key */

enum instances_sql { SQL_LIST, SQL_COUNT, SQL_STATES, SQL_PROCESSES, SQL_ORGS, SQL__MAX };

/* Binds: process twice, version twice, state twice, key pattern twice, org twice, from twice, to twice. */
#define FILTERED \
	" FROM flow_instances i" \
	" WHERE (? = '' OR i.definition_id IN (SELECT x.id FROM flow_definitions x" \
	"   WHERE x.process_key = ? AND (? = 0 OR x.version = ?)))" \
	" AND (? = '' OR i.state = ?)" \
	" AND (? = '' OR i.business_key LIKE ?)" \
	" AND (? = 0 OR i.org_id = ?)" \
	" AND (? = '' OR i.started_at >= ?) AND (? = '' OR i.started_at < ?)"

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * The page's rows first, from the instances alone (newest first by
	 * the index of the filter, or flow_instances_started), then their
	 * definitions and orgs.
	 */
	[SQL_LIST] = { "pa_instances_list",
	    "SELECT i.id, d.process_key, d.version, d.name, d.name_de, i.business_key, i.org_id,"
	    " o.name, i.state, i.incidents, " PA_ISO("i.started_at") ", " PA_ISO("i.ended_at") ","
	    " i.parent_id FROM (SELECT i.*" FILTERED
	    "  ORDER BY i.started_at DESC, i.id DESC LIMIT ? OFFSET ?) i"
	    " JOIN flow_definitions d ON d.id = i.definition_id LEFT JOIN orgs o ON o.id = i.org_id"
	    " ORDER BY i.started_at DESC, i.id DESC" },
	[SQL_COUNT] = { "pa_instances_count", "SELECT COUNT(*)" FILTERED },
	[SQL_STATES] = { "pa_instances_states", "SELECT i.state, COUNT(*)" FILTERED " GROUP BY i.state" },
	[SQL_PROCESSES] = { "pa_instances_processes",
	    "SELECT d.process_key, d.name, d.name_de, d.version FROM flow_definitions d"
	    " WHERE d.version = (SELECT MAX(y.version) FROM flow_definitions y"
	    "   WHERE y.process_key = d.process_key) ORDER BY d.process_key" },
	[SQL_ORGS] = { "pa_instances_orgs",
	    "SELECT id, name FROM orgs ORDER BY name, id" },
};

enum { L_ID, L_KEY, L_VERSION, L_NAME, L_NAME_DE, L_BKEY, L_ORG, L_ORG_NAME, L_STATE,
	L_INCIDENTS, L_STARTED, L_ENDED, L_PARENT };

enum filter { F_PROCESS, F_VERSION, F_STATE, F_KEY, F_ORG, F_FROM, F_TO, F_PAGE, F__MAX };
static const char *const filter_names[F__MAX] = {
	"process", "version", "state", "key", "org", "from", "to", "page"
};

static const char *const states[] = {
	"running", "suspended", "completed", "terminated", "cancelled", "failed"
};

/* Drop filter i with a message at its field. */
static int
bad(struct pt_req *req, const char **f, enum filter i, const char *key)
{
	pt_message(req, "error", key, filter_names[i]);
	f[i] = "";
	return 0;
}

/* Check the filters; the bad ones are dropped.  1 when all were good. */
static int
check(struct pt_req *req, const char **f)
{
	char day[20];
	int ok = 1;
	size_t i;

	if (*f[F_PROCESS] != '\0' && !fl_key_ok(f[F_PROCESS]))
		ok = bad(req, f, F_PROCESS, "processes.filter.invalid");
	if (*f[F_VERSION] != '\0' && (strlen(f[F_VERSION]) > 9 ||
	    !pt_valid(PT_V_ID, f[F_VERSION], strlen(f[F_VERSION]))))
		ok = bad(req, f, F_VERSION, "processes.filter.invalid");
	if (*f[F_VERSION] != '\0' && *f[F_PROCESS] == '\0')
		ok = bad(req, f, F_VERSION, "processes.filter.version-alone");
	if (*f[F_STATE] != '\0' && !pt_one_of(f[F_STATE], states, PT_NELEM(states)))
		ok = bad(req, f, F_STATE, "processes.filter.invalid");
	if (pt_chars(f[F_KEY]) > KEY_MAX_CHARS)
		ok = bad(req, f, F_KEY, "processes.filter.invalid");
	if (*f[F_ORG] != '\0' && (strlen(f[F_ORG]) > 10 ||
	    !pt_valid(PT_V_ID, f[F_ORG], strlen(f[F_ORG]))))
		ok = bad(req, f, F_ORG, "processes.filter.invalid");
	for (i = F_FROM; i <= F_TO; i++)
		if (*f[i] != '\0' && pt_day_start_utc(req, f[i], 0, day) != PT_OK)
			ok = bad(req, f, (enum filter)i, "processes.filter.date");
	if (*f[F_FROM] != '\0' && *f[F_TO] != '\0' && strcmp(f[F_FROM], f[F_TO]) > 0)
		ok = bad(req, f, F_TO, "processes.filter.order");
	if (*f[F_PAGE] != '\0' && (strlen(f[F_PAGE]) > 6 ||
	    !pt_valid(PT_V_ID, f[F_PAGE], strlen(f[F_PAGE]))))
		f[F_PAGE] = "";
	return ok;
}

/* s with LIKE's \ % _ escaped, then %: "begins with s"; "" for "". */
static const char *
prefix_pattern(struct pt_req *req, const char *s)
{
	char *out, *o;

	if (*s == '\0')
		return "";
	if ((out = pt_alloc(req, 2 * strlen(s) + 2)) == NULL)
		return NULL;
	for (o = out; *s != '\0'; s++) {
		if (*s == '\\' || *s == '%' || *s == '_')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '%';
	*o = '\0';
	return out;
}

/* GET /admin/processes/instances */
static int
instances(struct pt_req *req)
{
	const char *f[F__MAX], *pattern, *from = "", *to = "";
	char from_utc[20], to_utc[20];
	struct pt_rows rows, total, by_state, procs, orgs;
	xmlNodePtr list, filter, n;
	long long page, version, org, count;
	size_t i, k;
	int rc, ok;

	for (i = 0; i < F__MAX; i++) {
		const char *v = pt_query(req, filter_names[i]);

		f[i] = v != NULL ? pt_trim(req, v) : "";
		if (f[i] == NULL)
			return PT_ENOMEM;
	}
	ok = check(req, f);
	if (*f[F_FROM] != '\0' && pt_day_start_utc(req, f[F_FROM], 0, from_utc) == PT_OK)
		from = from_utc;
	if (*f[F_TO] != '\0' && pt_day_start_utc(req, f[F_TO], 1, to_utc) == PT_OK)
		to = to_utc;
	version = *f[F_VERSION] != '\0' ? strtoll(f[F_VERSION], NULL, 10) : 0;
	org = *f[F_ORG] != '\0' ? strtoll(f[F_ORG], NULL, 10) : 0;
	page = *f[F_PAGE] != '\0' ? strtoll(f[F_PAGE], NULL, 10) : 1;
	if ((pattern = prefix_pattern(req, f[F_KEY])) == NULL)
		return PT_ENOMEM;
#define BINDS(state) pt_str(f[F_PROCESS]), pt_str(f[F_PROCESS]), pt_int(version), pt_int(version), \
	pt_str(state), pt_str(state), pt_str(pattern), pt_str(pattern), pt_int(org), pt_int(org), \
	pt_str(from), pt_str(from), pt_str(to), pt_str(to)
	if ((rc = pt_db_query(req, &sql[SQL_COUNT], &total, PT_BINDS(BINDS(f[F_STATE])))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_STATES], &by_state, PT_BINDS(BINDS("")))) != PT_OK)
		return rc;
	count = pt_cell_int(&total, 0, 0);
	if ((page - 1) * PER_PAGE >= count)
		page = count > 0 ? (count + PER_PAGE - 1) / PER_PAGE : 1;
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(BINDS(f[F_STATE]),
	    pt_int(PER_PAGE), pt_int((page - 1) * PER_PAGE)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_PROCESSES], &procs, PT_NOBINDS)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_ORGS], &orgs, PT_NOBINDS)) != PT_OK)
		return rc;
#undef BINDS

	list = pt_node(req->page, "instances", NULL);
	pt_attr_int(list, "total", count);
	filter = pt_node(list, "filter", NULL);
	for (i = 0; i < F_PAGE; i++)
		pt_attr(filter, filter_names[i], f[i]);
	for (k = 0; k < PT_NELEM(states); k++) {
		long long c = 0;

		for (i = 0; i < by_state.nrows; i++)
			if (strcmp(pt_cell(&by_state, i, 0), states[k]) == 0)
				c = pt_cell_int(&by_state, i, 1);
		n = pt_node(list, "state", NULL);
		pt_attr(n, "name", states[k]);
		pt_attr_int(n, "count", c);
	}
	for (i = 0; i < procs.nrows; i++) {
		n = pt_node(list, "process", pa_in_lang(req, pt_cell(&procs, i, 1), pt_cell(&procs, i, 2)));
		pt_attr(n, "key", pt_cell(&procs, i, 0));
		pt_attr(n, "versions", pt_cell(&procs, i, 3));
	}
	for (i = 0; i < orgs.nrows; i++) {
		n = pt_node(list, "org", pt_cell(&orgs, i, 1));
		pt_attr(n, "id", pt_cell(&orgs, i, 0));
	}
	for (i = 0; i < rows.nrows; i++) {
		n = pt_node(list, "instance", NULL);
		pt_attr(n, "id", pt_cell(&rows, i, L_ID));
		pt_attr(n, "process", pt_cell(&rows, i, L_KEY));
		pt_attr(n, "version", pt_cell(&rows, i, L_VERSION));
		pt_attr(n, "name", pa_in_lang(req, pt_cell(&rows, i, L_NAME), pt_cell(&rows, i, L_NAME_DE)));
		pt_attr(n, "business-key", pt_cell(&rows, i, L_BKEY));
		if (pt_cell(&rows, i, L_ORG) != NULL) {
			pt_attr(n, "org-id", pt_cell(&rows, i, L_ORG));
			pt_attr(n, "org", pt_cell(&rows, i, L_ORG_NAME));
		}
		pt_attr(n, "state", pt_cell(&rows, i, L_STATE));
		pt_attr(n, "incidents", pt_cell(&rows, i, L_INCIDENTS));
		pt_attr(n, "started", pt_cell(&rows, i, L_STARTED));
		if (pt_cell(&rows, i, L_ENDED) != NULL)
			pt_attr(n, "ended", pt_cell(&rows, i, L_ENDED));
		if (pt_cell(&rows, i, L_PARENT) != NULL)
			pt_attr(n, "parent", pt_cell(&rows, i, L_PARENT));
	}
	pt_pager(list, page, count, PER_PAGE);
	pt_form_values(req, "filter", filter_names, f, F_PAGE);
	pt_limit(req, "key", KEY_MAX_CHARS);
	req->view = "admin-instances";
	return ok ? 200 : 422;
}

static const struct pt_route routes[] = {
	{ PT_GET, PA_ROOT "instances",	instances,	PT_R_LOGIN, PA_PERM },
};

static const char *const views[] = { "admin-instances" };

const struct pt_group pa_instances_group = PT_GROUP(routes, sql, views);
