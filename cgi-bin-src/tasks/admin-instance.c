/*
 * An instance (GET /admin/processes/instances/<id>): the drawing of its
 * version with the elements its tokens stand on highlighted and the path
 * already taken shaded (its history), its variables, its history (each
 * element entered: started, ended, how long, who), its open tasks, its
 * incidents, its child instances, and what was asked of the engine and
 * not yet done (or could not be done).
 *
 * The controls (POST, CSRF by the runtime, an audit row each) ask
 * portico-flowd through pt_flow_control in the audit row's transaction:
 *   /suspend  a running instance       /resume  a suspended one
 *   /cancel   a running or suspended one (its open incidents with it)
 *   /incidents/<id>/retry  an open incident's job
 * flowd carries a command out within 100 ms; until then the page says it
 * is being done.  Asking for what the instance's state does not allow, or
 * what is already asked, answers 409 with the page and the reason.
 */
#include <stdlib.h>
#include <string.h>

#include "admin.h"

#define HISTORY_MAX	500	/* rows shown, the newest; the count says how many there are */

enum instance_sql {
	SQL_GET, SQL_LOCK, SQL_TOKENS, SQL_VARIABLES, SQL_HISTORY, SQL_HISTORY_COUNT,
	SQL_TASKS, SQL_INCIDENTS, SQL_INCIDENT_LOCK, SQL_CHILDREN, SQL_COMMANDS, SQL_ASKED,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_GET] = { "pa_instance_get",
	    "SELECT i.id, i.definition_id, d.process_key, d.version, d.name, d.name_de,"
	    " i.business_key, i.org_id, o.name, i.state, i.incidents, su.name,"
	    " " PA_ISO("i.started_at") ", " PA_ISO("i.ended_at") ", i.end_element,"
	    " " PA_ISO("i.updated_at") ", i.parent_id"
	    " FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id"
	    " LEFT JOIN orgs o ON o.id = i.org_id LEFT JOIN users su ON su.id = i.started_by"
	    " WHERE i.id = ?" },
	[SQL_LOCK] = { "pa_instance_lock",
	    "SELECT state FROM flow_instances WHERE id = ? FOR UPDATE" },
	[SQL_TOKENS] = { "pa_instance_tokens",
	    "SELECT id, element_id, " PA_ISO("created_at") " FROM flow_tokens"
	    " WHERE instance_id = ? ORDER BY id" },
	[SQL_VARIABLES] = { "pa_instance_variables",
	    "SELECT name, type, value, " PA_ISO("updated_at") " FROM flow_variables"
	    " WHERE instance_id = ? ORDER BY name" },
	/* The newest rows, oldest first: binds id, limit. */
	[SQL_HISTORY] = { "pa_instance_history",
	    "SELECT * FROM (SELECT h.id, h.element_id, h.element_kind, " PA_ISO("h.started_at") " s,"
	    " " PA_ISO("h.ended_at") " e,"
	    " TIMESTAMPDIFF(SECOND, h.started_at, COALESCE(h.ended_at, UTC_TIMESTAMP(6))) d,"
	    " u.name, h.outcome"
	    " FROM flow_history h LEFT JOIN users u ON u.id = h.user_id"
	    " WHERE h.instance_id = ? ORDER BY h.id DESC LIMIT ?) x ORDER BY x.id" },
	[SQL_HISTORY_COUNT] = { "pa_instance_history_count",
	    "SELECT COUNT(*) FROM flow_history WHERE instance_id = ?" },
	[SQL_TASKS] = { "pa_instance_tasks",
	    "SELECT t.id, t.element_id, t.name, t.name_de, t.state, t.candidate_roles, u.name,"
	    " " PA_ISO("t.due_at") ", " PA_ISO("t.created_at")
	    " FROM flow_tasks t LEFT JOIN users u ON u.id = t.assignee_id"
	    " WHERE t.instance_id = ? AND t.state IN ('open', 'completing') ORDER BY t.id" },
	[SQL_INCIDENTS] = { "pa_instance_incidents",
	    "SELECT n.id, n.element_id, n.message, " PA_ISO("n.created_at") ","
	    " " PA_ISO("n.resolved_at") ", n.resolution, u.name"
	    " FROM flow_incidents n LEFT JOIN users u ON u.id = n.resolved_by"
	    " WHERE n.instance_id = ? ORDER BY n.id DESC" },
	[SQL_INCIDENT_LOCK] = { "pa_instance_incident_lock",
	    "SELECT id FROM flow_incidents WHERE id = ? AND instance_id = ? AND resolved_at IS NULL" },
	[SQL_CHILDREN] = { "pa_instance_children",
	    "SELECT i.id, d.name, d.name_de, i.state FROM flow_instances i"
	    " JOIN flow_definitions d ON d.id = i.definition_id WHERE i.parent_id = ? ORDER BY i.id" },
	/* What was asked of the engine for it and is still there: pending, or failed. */
	[SQL_COMMANDS] = { "pa_instance_commands",
	    "SELECT c.kind, " PA_ISO("c.created_at") ", " PA_ISO("c.failed_at") ", c.error,"
	    " c.incident_id, u.name FROM flow_commands c LEFT JOIN users u ON u.id = c.user_id"
	    " WHERE c.instance_id = ? OR c.incident_id IN"
	    "  (SELECT n.id FROM flow_incidents n WHERE n.instance_id = ?)"
	    " ORDER BY c.id" },
	/* A pending command of kind for the instance (binds kind, instance, kind, incident). */
	[SQL_ASKED] = { "pa_instance_asked",
	    "SELECT COUNT(*) FROM flow_commands WHERE failed_at IS NULL AND kind = ?"
	    " AND (instance_id = ? OR (? = 'retry' AND incident_id = ?))" },
};

enum {
	G_ID, G_DEFINITION, G_KEY, G_VERSION, G_NAME, G_NAME_DE, G_BKEY, G_ORG, G_ORG_NAME,
	G_STATE, G_INCIDENTS, G_STARTED_BY, G_STARTED, G_ENDED, G_END_ELEMENT, G_UPDATED,
	G_PARENT
};

/* ids[0..n) as a NULL-free array of strings from column col of rows, without repeats. */
static const char **
distinct(struct pt_req *req, const struct pt_rows *rows, size_t col, size_t *n)
{
	const char **ids = pt_alloc(req, (rows->nrows + 1) * sizeof(*ids));
	size_t i, k;

	*n = 0;
	for (i = 0; ids != NULL && i < rows->nrows; i++) {
		const char *id = pt_cell(rows, i, col);

		for (k = 0; k < *n && strcmp(ids[k], id) != 0; k++)
			;
		if (k == *n)
			ids[(*n)++] = id;
	}
	return ids;
}

/* 1 if id is one of ids[0..n). */
static int
among(const char *const *ids, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return 1;
	return 0;
}

/*
 * The drawing: tokens highlighted; the elements entered, and each
 * sequence flow between two of them, shaded.
 */
static int
drawing(struct pt_req *req, xmlNodePtr parent, const struct fl_model *m,
    const struct pt_rows *tokens, const struct pt_rows *history)
{
	struct fl_svg_marks marks;
	const char **active, **entered, **taken, *desc = "", *label;
	size_t nactive, nentered, ntaken = 0, i;

	memset(&marks, 0, sizeof(marks));
	if (m == NULL)
		return pa_drawing(req, parent, NULL, &marks, NULL);
	if ((active = distinct(req, tokens, 1, &nactive)) == NULL ||
	    (entered = distinct(req, history, 1, &nentered)) == NULL ||
	    (taken = pt_alloc(req, (nentered + m->nelements + 1) * sizeof(*taken))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < nentered; i++)
		taken[ntaken++] = entered[i];
	for (i = 0; i < m->nelements; i++) {
		const struct fl_element *e = m->elements[i];

		if (e->kind == FL_SEQUENCE_FLOW && e->source != NULL && e->target != NULL &&
		    among(entered, nentered, e->source->id) &&
		    (among(entered, nentered, e->target->id) || among(active, nactive, e->target->id)))
			taken[ntaken++] = e->id;
	}
	for (i = 0; i < nactive && desc != NULL; i++)
		desc = pt_printf(req, "%s%s%s", desc, i > 0 ? ", " : "", pa_element_name(req, m, active[i]));
	if (desc == NULL)
		return PT_ENOMEM;
	marks.active = active;
	marks.nactive = nactive;
	marks.taken = taken;
	marks.ntaken = ntaken;
	if ((label = pt_i18n_get(req->lang, "processes.instance.desc.active")) == NULL)
		label = "Active";
	return pa_drawing(req, parent, m, &marks, *desc != '\0' ? pt_printf(req, "%s: %s", label,
	    desc) : NULL);
}

/* Rows of rows as <name> under parent, attributes from cols[] (NULL skipped, NULL cells left out). */
static void
rows_out(xmlNodePtr parent, const char *name, const struct pt_rows *rows,
    const char *const *cols, size_t ncols, size_t text_col)
{
	size_t i, c;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr n = pt_node(parent, name, text_col < rows->ncols ?
		    pt_cell(rows, i, text_col) : NULL);

		for (c = 0; c < ncols && c < rows->ncols; c++)
			if (cols[c] != NULL && pt_cell(rows, i, c) != NULL)
				pt_attr(n, cols[c], pt_cell(rows, i, c));
	}
}

/* name="..." on each child of list: the name of the element its element="..." names. */
static int
add_names(struct pt_req *req, xmlNodePtr list, const struct fl_model *m)
{
	xmlNodePtr n;

	for (n = list->children; n != NULL; n = n->next) {
		xmlChar *el = xmlGetProp(n, BAD_CAST "element");

		if (el == NULL)
			return PT_ENOMEM;
		pt_attr(n, "name", pa_element_name(req, m, (const char *)el));
		xmlFree(el);
	}
	return PT_OK;
}

/* The page of instance id with status; 404 when there is none. */
static int
show(struct pt_req *req, long long id, int status)
{
	static const char *const token_cols[] = { "id", "element", "since" };
	static const char *const var_cols[] = { "name", "type", NULL, "updated" };
	static const char *const incident_cols[] = { "id", "element", NULL, "created", "resolved",
		"resolution", "by" };
	static const char *const step_cols[] = { "id", "element", "kind", "started", "ended",
		"seconds", "by", "outcome" };
	static const char *const command_cols[] = { "kind", "asked", "failed", "error", "incident",
		"by" };
	struct pt_rows inst, tokens, vars, history, hcount, tasks, incidents, children, commands;
	xmlNodePtr page, n, list;
	struct fl_model *m;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_GET], &inst, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if (inst.nrows != 1)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_TOKENS], &tokens, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_VARIABLES], &vars, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_HISTORY], &history, PT_BINDS(pt_int(id),
	    pt_int(HISTORY_MAX)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_HISTORY_COUNT], &hcount, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_TASKS], &tasks, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_INCIDENTS], &incidents, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_CHILDREN], &children, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COMMANDS], &commands, PT_BINDS(pt_int(id),
	    pt_int(id)))) != PT_OK)
		return rc;
	if ((rc = pa_model(req, pt_cell_int(&inst, 0, G_DEFINITION), &m)) != PT_OK &&
	    rc != PT_EINVAL)
		return rc;

	page = pt_node(req->page, "instance", NULL);
	pt_attr(page, "id", pt_cell(&inst, 0, G_ID));
	pt_attr(page, "definition", pt_cell(&inst, 0, G_DEFINITION));
	pt_attr(page, "process", pt_cell(&inst, 0, G_KEY));
	pt_attr(page, "version", pt_cell(&inst, 0, G_VERSION));
	pt_attr(page, "name", pa_in_lang(req, pt_cell(&inst, 0, G_NAME), pt_cell(&inst, 0, G_NAME_DE)));
	pt_attr(page, "business-key", pt_cell(&inst, 0, G_BKEY));
	if (pt_cell(&inst, 0, G_ORG) != NULL) {
		pt_attr(page, "org-id", pt_cell(&inst, 0, G_ORG));
		pt_attr(page, "org", pt_cell(&inst, 0, G_ORG_NAME));
	}
	pt_attr(page, "state", pt_cell(&inst, 0, G_STATE));
	pt_attr(page, "incidents", pt_cell(&inst, 0, G_INCIDENTS));
	if (pt_cell(&inst, 0, G_STARTED_BY) != NULL)
		pt_attr(page, "started-by", pt_cell(&inst, 0, G_STARTED_BY));
	pt_attr(page, "started", pt_cell(&inst, 0, G_STARTED));
	if (pt_cell(&inst, 0, G_ENDED) != NULL)
		pt_attr(page, "ended", pt_cell(&inst, 0, G_ENDED));
	if (pt_cell(&inst, 0, G_END_ELEMENT) != NULL) {
		pt_attr(page, "end-element", pt_cell(&inst, 0, G_END_ELEMENT));
		pt_attr(page, "end-name", pa_element_name(req, m, pt_cell(&inst, 0, G_END_ELEMENT)));
	}
	pt_attr(page, "updated", pt_cell(&inst, 0, G_UPDATED));
	if (pt_cell(&inst, 0, G_PARENT) != NULL)
		pt_attr(page, "parent", pt_cell(&inst, 0, G_PARENT));

	if ((rc = drawing(req, page, m, &tokens, &history)) != PT_OK)
		return rc;
	list = pt_node(page, "tokens", NULL);
	rows_out(list, "token", &tokens, token_cols, PT_NELEM(token_cols), (size_t)-1);
	if ((rc = add_names(req, list, m)) != PT_OK)
		return rc;
	rows_out(pt_node(page, "variables", NULL), "variable", &vars, var_cols,
	    PT_NELEM(var_cols), 2);
	list = pt_node(page, "history", NULL);
	pt_attr(list, "total", pt_cell(&hcount, 0, 0));
	rows_out(list, "step", &history, step_cols, PT_NELEM(step_cols), (size_t)-1);
	if ((rc = add_names(req, list, m)) != PT_OK)
		return rc;
	list = pt_node(page, "tasks", NULL);
	for (i = 0; i < tasks.nrows; i++) {
		n = pt_node(list, "task", pa_in_lang(req, pt_cell(&tasks, i, 2), pt_cell(&tasks, i, 3)));
		pt_attr(n, "id", pt_cell(&tasks, i, 0));
		pt_attr(n, "element", pt_cell(&tasks, i, 1));
		pt_attr(n, "state", pt_cell(&tasks, i, 4));
		pt_attr(n, "roles", pt_cell(&tasks, i, 5));
		if (pt_cell(&tasks, i, 6) != NULL)
			pt_attr(n, "assignee", pt_cell(&tasks, i, 6));
		if (pt_cell(&tasks, i, 7) != NULL)
			pt_attr(n, "due", pt_cell(&tasks, i, 7));
		pt_attr(n, "created", pt_cell(&tasks, i, 8));
	}
	list = pt_node(page, "incidents", NULL);
	rows_out(list, "incident", &incidents, incident_cols, PT_NELEM(incident_cols), 2);
	if ((rc = add_names(req, list, m)) != PT_OK)
		return rc;
	list = pt_node(page, "children", NULL);
	for (i = 0; i < children.nrows; i++) {
		n = pt_node(list, "child", pa_in_lang(req, pt_cell(&children, i, 1),
		    pt_cell(&children, i, 2)));
		pt_attr(n, "id", pt_cell(&children, i, 0));
		pt_attr(n, "state", pt_cell(&children, i, 3));
	}
	rows_out(pt_node(page, "commands", NULL), "command", &commands, command_cols,
	    PT_NELEM(command_cols), (size_t)-1);
	if (pt_query(req, "asked") != NULL && commands.nrows > 0)
		pt_message(req, "info", "processes.instance.asked", NULL);
	req->view = "admin-instance";
	return status;
}

/* GET /admin/processes/instances/<id> */
static int
instance(struct pt_req *req)
{
	long long id;

	if (pa_cap_id(req, 1, &id) != PT_OK)
		return pt_error_page(req, 404, NULL);
	return show(req, id, 200);
}

/* The page again, 409, with why the control cannot be done now. */
static int
not_now(struct pt_req *req, long long id, const char *key)
{
	pt_db_rollback(req);
	pt_message(req, "error", key, NULL);
	return show(req, id, 409);
}

/*
 * A control of the instance of capture 1: allowed in the states listed
 * (space-separated, padded); incident > 0 for a retry.
 */
static int
control(struct pt_req *req, enum pt_flow_control what, const char *kind, const char *allowed,
    long long incident)
{
	struct pt_rows lock, asked;
	const char *state;
	long long id;
	int rc;

	if (pa_cap_id(req, 1, &id) != PT_OK)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(id)))) != PT_OK)
		goto fail;
	if (lock.nrows != 1) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	state = pt_printf(req, " %s ", pt_cell(&lock, 0, 0));
	if (state == NULL || strstr(allowed, state) == NULL)
		return not_now(req, id, pt_printf(req, "processes.instance.not.%s", kind));
	if (incident > 0) {
		struct pt_rows open;

		if ((rc = pt_db_query(req, &sql[SQL_INCIDENT_LOCK], &open, PT_BINDS(pt_int(incident),
		    pt_int(id)))) != PT_OK)
			goto fail;
		if (open.nrows != 1)
			return not_now(req, id, "processes.instance.not.retry");
	}
	if ((rc = pt_db_query(req, &sql[SQL_ASKED], &asked, PT_BINDS(pt_str(kind), pt_int(id),
	    pt_str(kind), pt_int(incident)))) != PT_OK)
		goto fail;
	if (pt_cell_int(&asked, 0, 0) > 0)
		return not_now(req, id, "processes.instance.already");
	if ((rc = pt_flow_control(req, what, incident > 0 ? incident : id,
	    req->session.user->id)) != PT_OK)
		goto fail;
	return pa_done(req, rc, pt_printf(req, "process.instance.%s", kind), "flow_instance", id,
	    incident > 0 ? pt_printf(req, "{\"incident\":%lld}", incident) : NULL,
	    pt_printf(req, PA_ROOT "instances/%lld?asked=%s", id, kind));
fail:
	pt_db_rollback(req);
	return rc;
}

static int
suspend(struct pt_req *req)
{
	return control(req, PT_FLOW_SUSPEND, "suspend", " running ", 0);
}

static int
resume(struct pt_req *req)
{
	return control(req, PT_FLOW_RESUME, "resume", " suspended ", 0);
}

static int
cancel(struct pt_req *req)
{
	return control(req, PT_FLOW_CANCEL, "cancel", " running suspended ", 0);
}

static int
retry(struct pt_req *req)
{
	long long incident;

	if (pa_cap_id(req, 2, &incident) != PT_OK)
		return pt_error_page(req, 404, NULL);
	return control(req, PT_FLOW_RETRY, "retry", " running ", incident);
}

#define INSTANCE PA_ROOT "instances/(\\d{1,18})"

static const struct pt_route routes[] = {
	{ PT_GET,  INSTANCE,					instance,	PT_R_LOGIN, PA_PERM },
	{ PT_POST, INSTANCE "/suspend",				suspend,	PT_R_LOGIN, PA_PERM },
	{ PT_POST, INSTANCE "/resume",				resume,		PT_R_LOGIN, PA_PERM },
	{ PT_POST, INSTANCE "/cancel",				cancel,		PT_R_LOGIN, PA_PERM },
	{ PT_POST, INSTANCE "/incidents/(\\d{1,18})/retry",	retry,		PT_R_LOGIN, PA_PERM },
};

static const char *const views[] = { "admin-instance" };

const struct pt_group pa_instance_group = PT_GROUP(routes, sql, views);
