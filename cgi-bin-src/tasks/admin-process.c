/*
 * A process (GET /admin/processes/process/<key>): its versions, each with
 * who deployed it when and its instances by state, and a version's
 * drawing (the newest; GET /admin/processes/version/<id> for another)
 * with a count badge per element: the tokens standing there now, or with
 * ?badges=passed how often an instance passed it (flow_history).  The
 * same counts stand in a table below the drawing, for those who do not
 * see it.
 */
#include <stdlib.h>
#include <string.h>

#include "admin.h"

enum process_sql { SQL_VERSIONS, SQL_KEY_OF, SQL_COUNTS, SQL_TOKENS, SQL_PASSED, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_VERSIONS] = { "pa_process_versions",
	    "SELECT d.id, d.version, d.name, d.name_de, " PA_ISO("d.deployed_at") ", u.name,"
	    " d.file_name, d.sha256, LENGTH(d.xml)"
	    " FROM flow_definitions d LEFT JOIN users u ON u.id = d.deployed_by"
	    " WHERE d.process_key = ? ORDER BY d.version DESC" },
	[SQL_KEY_OF] = { "pa_process_key_of",
	    "SELECT process_key FROM flow_definitions WHERE id = ?" },
	/* Instances by version and state (the index definition_id, state, started_at). */
	[SQL_COUNTS] = { "pa_process_counts",
	    "SELECT i.definition_id, i.state, COUNT(*) FROM flow_definitions d"
	    " JOIN flow_instances i ON i.definition_id = d.id"
	    " WHERE d.process_key = ? GROUP BY i.definition_id, i.state" },
	/* Tokens standing on each element now, in the instances that have not ended. */
	[SQL_TOKENS] = { "pa_process_tokens",
	    "SELECT t.element_id, COUNT(*) FROM flow_instances i"
	    " JOIN flow_tokens t ON t.instance_id = i.id"
	    " WHERE i.definition_id = ? AND i.state IN ('running', 'suspended')"
	    " GROUP BY t.element_id" },
	/* How often each element was entered (the index definition_id, element_id). */
	[SQL_PASSED] = { "pa_process_passed",
	    "SELECT element_id, COUNT(*) FROM flow_history WHERE definition_id = ?"
	    " GROUP BY element_id" },
};

enum { V_ID, V_VERSION, V_NAME, V_NAME_DE, V_AT, V_BY, V_FILE, V_SHA, V_BYTES };

/* The states an instance is in, as the page counts them. */
static const char *const states[] = {
	"running", "suspended", "completed", "terminated", "cancelled", "failed"
};

/* The counts of rows (element_id, count) as badges. */
static struct fl_svg_count *
counts_of(struct pt_req *req, const struct pt_rows *rows)
{
	struct fl_svg_count *c = pt_alloc(req, (rows->nrows + 1) * sizeof(*c));
	size_t i;

	for (i = 0; c != NULL && i < rows->nrows; i++) {
		c[i].id = pt_cell(rows, i, 0);
		c[i].count = (long)pt_cell_int(rows, i, 1);
	}
	return c;
}

/* The count of element id in rows (element_id, count), "0" when none. */
static const char *
count_in(const struct pt_rows *rows, const char *id)
{
	size_t i;

	for (i = 0; i < rows->nrows; i++)
		if (strcmp(pt_cell(rows, i, 0), id) == 0)
			return pt_cell(rows, i, 1);
	return "0";
}

/* The page of key with version `shown` (a definition id; 0: the newest). */
static int
show(struct pt_req *req, const char *key, long long shown)
{
	xmlNodePtr page, vs, els, n;
	struct pt_rows versions, counts, tokens, passed;
	struct fl_svg_marks marks;
	struct fl_model *m;
	const char *badges = pt_query(req, "badges"), *desc;
	size_t i, k, at = 0;
	int rc, by_passed;

	if ((rc = pt_db_query(req, &sql[SQL_VERSIONS], &versions, PT_BINDS(pt_str(key)))) != PT_OK)
		return rc;
	if (versions.nrows == 0)
		return pt_error_page(req, 404, NULL);
	for (i = 0; i < versions.nrows; i++)
		if (pt_cell_int(&versions, i, V_ID) == shown)
			at = i;
	shown = pt_cell_int(&versions, at, V_ID);
	if ((rc = pt_db_query(req, &sql[SQL_COUNTS], &counts, PT_BINDS(pt_str(key)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_TOKENS], &tokens, PT_BINDS(pt_int(shown)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_PASSED], &passed, PT_BINDS(pt_int(shown)))) != PT_OK)
		return rc;
	page = pt_node(req->page, "process", NULL);
	pt_attr(page, "name", pa_in_lang(req, pt_cell(&versions, 0, V_NAME), pt_cell(&versions, 0, V_NAME_DE)));
	pt_attr(page, "key", key);
	vs = pt_node(page, "versions", NULL);
	for (i = 0; i < versions.nrows; i++) {
		xmlNodePtr v = pt_node(vs, "version", pa_in_lang(req, pt_cell(&versions, i, V_NAME),
		    pt_cell(&versions, i, V_NAME_DE)));
		long long total = 0;

		pt_attr(v, "id", pt_cell(&versions, i, V_ID));
		pt_attr(v, "number", pt_cell(&versions, i, V_VERSION));
		pt_attr(v, "deployed", pt_cell(&versions, i, V_AT));
		if (pt_cell(&versions, i, V_BY) != NULL)
			pt_attr(v, "by", pt_cell(&versions, i, V_BY));
		pt_attr(v, "file", pt_cell(&versions, i, V_FILE));
		pt_attr(v, "sha256", pt_cell(&versions, i, V_SHA));
		pt_attr(v, "bytes", pt_cell(&versions, i, V_BYTES));
		if (i == at)
			pt_attr(v, "shown", "1");
		for (k = 0; k < PT_NELEM(states); k++) {
			long long c = 0;
			size_t r;

			for (r = 0; r < counts.nrows; r++)
				if (pt_cell_int(&counts, r, 0) == pt_cell_int(&versions, i, V_ID) &&
				    strcmp(pt_cell(&counts, r, 1), states[k]) == 0)
					c = pt_cell_int(&counts, r, 2);
			pt_attr_int(v, states[k], c);
			total += c;
		}
		pt_attr_int(v, "instances", total);
	}

	if ((rc = pa_model(req, shown, &m)) != PT_OK && rc != PT_EINVAL)
		return rc;
	by_passed = badges != NULL && strcmp(badges, "passed") == 0;
	memset(&marks, 0, sizeof(marks));
	marks.counts = counts_of(req, by_passed ? &passed : &tokens);
	marks.ncounts = by_passed ? passed.nrows : tokens.nrows;
	if (marks.counts == NULL)
		return PT_ENOMEM;
	n = pt_node(page, "shown", NULL);
	pt_attr(n, "id", pt_cell(&versions, at, V_ID));
	pt_attr(n, "number", pt_cell(&versions, at, V_VERSION));
	pt_attr(n, "badges", by_passed ? "passed" : "tokens");
	/* The description: each badge as "name: count". */
	desc = "";
	for (i = 0; i < marks.ncounts; i++)
		desc = pt_printf(req, "%s%s%s: %ld", desc, i > 0 ? "; " : "",
		    pa_element_name(req, m, marks.counts[i].id), marks.counts[i].count);
	if (desc == NULL || (rc = pa_drawing(req, n, m, &marks, desc)) != PT_OK)
		return rc != PT_OK ? rc : PT_ENOMEM;
	els = pt_node(n, "elements", NULL);
	if ((rc = pa_elements(req, els, m)) != PT_OK)
		return rc;
	for (n = els->children; n != NULL; n = n->next) {
		xmlChar *id = xmlGetProp(n, BAD_CAST "id");

		if (id == NULL)
			return PT_ENOMEM;
		pt_attr(n, "tokens", count_in(&tokens, (const char *)id));
		pt_attr(n, "passed", count_in(&passed, (const char *)id));
		xmlFree(id);
	}
	if (pt_query(req, "deployed") != NULL)
		pt_message(req, "success", "processes.deployed", NULL);
	if (pt_query(req, "unchanged") != NULL)
		pt_message(req, "info", "processes.unchanged", NULL);
	req->view = "admin-process";
	return 200;
}

/* GET /admin/processes/process/<key>: the newest version. */
static int
by_key(struct pt_req *req)
{
	return show(req, req->caps[1], 0);
}

/* GET /admin/processes/version/<id>: that version of its process. */
static int
by_version(struct pt_req *req)
{
	struct pt_rows rows;
	long long id;
	int rc;

	if (pa_cap_id(req, 1, &id) != PT_OK)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_KEY_OF], &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return pt_error_page(req, 404, NULL);
	return show(req, pt_cell(&rows, 0, 0), id);
}

static const struct pt_route routes[] = {
	{ PT_GET, PA_ROOT "process/" PA_KEY_RE,		by_key,		PT_R_LOGIN, PA_PERM },
	{ PT_GET, PA_ROOT "version/(\\d{1,18})",	by_version,	PT_R_LOGIN, PA_PERM },
};

static const char *const views[] = { "admin-process" };

const struct pt_group pa_process_group = PT_GROUP(routes, sql, views);
