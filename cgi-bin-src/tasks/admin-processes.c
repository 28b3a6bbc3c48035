/*
 * The deployed processes (GET /admin/processes/): per process key its
 * name, newest version, who deployed it when, its running instances and
 * their open incidents; and the form that uploads a model (POST, field
 * "model", multipart/form-data).  An upload is deployed by fl_deploy
 * (flowd/deploy.c) in one transaction with its audit row: a model equal
 * to the newest version changes nothing, a changed one becomes the next
 * version, a refused one shows the form again (422) with the validator's
 * reason, which names the element, its id and its line.
 */
#include <string.h>

#include "admin.h"
#include "deploy.h"

enum processes_sql { SQL_LIST, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * The newest version of each key; the counts over every version of
	 * it, by the instances' index (definition_id, state, started_at).
	 */
	[SQL_LIST] = { "pa_processes_list",
	    "SELECT d.process_key, d.name, d.name_de, d.version, " PA_ISO("d.deployed_at") ", u.name,"
	    " (SELECT COUNT(*) FROM flow_definitions x JOIN flow_instances i"
	    "   ON i.definition_id = x.id AND i.state = 'running' WHERE x.process_key = d.process_key),"
	    " (SELECT COUNT(*) FROM flow_definitions x JOIN flow_instances i"
	    "   ON i.definition_id = x.id AND i.state = 'suspended' WHERE x.process_key = d.process_key),"
	    " (SELECT COALESCE(SUM(i.incidents), 0) FROM flow_definitions x JOIN flow_instances i"
	    "   ON i.definition_id = x.id AND i.state IN ('running', 'suspended')"
	    "   WHERE x.process_key = d.process_key)"
	    " FROM flow_definitions d LEFT JOIN users u ON u.id = d.deployed_by"
	    " WHERE d.version = (SELECT MAX(y.version) FROM flow_definitions y"
	    "   WHERE y.process_key = d.process_key)"
	    " ORDER BY d.process_key" },
};

enum { L_KEY, L_NAME, L_NAME_DE, L_VERSION, L_AT, L_BY, L_RUNNING, L_SUSPENDED, L_INCIDENTS };

static int
show(struct pt_req *req, int status)
{
	xmlNodePtr list = pt_node(req->page, "processes", NULL);
	struct pt_rows rows;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	pt_attr_int(list, "max-kib", FL_BPMN_MAX_BYTES / 1024);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr p = pt_node(list, "process", pa_in_lang(req, pt_cell(&rows, i, L_NAME),
		    pt_cell(&rows, i, L_NAME_DE)));

		pt_attr(p, "key", pt_cell(&rows, i, L_KEY));
		pt_attr(p, "version", pt_cell(&rows, i, L_VERSION));
		pt_attr(p, "deployed", pt_cell(&rows, i, L_AT));
		if (pt_cell(&rows, i, L_BY) != NULL)
			pt_attr(p, "by", pt_cell(&rows, i, L_BY));
		pt_attr(p, "running", pt_cell(&rows, i, L_RUNNING));
		pt_attr(p, "suspended", pt_cell(&rows, i, L_SUSPENDED));
		pt_attr(p, "incidents", pt_cell(&rows, i, L_INCIDENTS));
	}
	req->view = "admin-processes";
	return status;
}

/* GET /admin/processes/ */
static int
list(struct pt_req *req)
{
	return show(req, 200);
}

/* The form again, 422, with the message key at the field and the validator's reason, if any. */
static int
refuse(struct pt_req *req, const char *key, long max_kib, const char *reason, const char *file)
{
	xmlNodePtr r;

	if (max_kib > 0)
		pt_message_max(req, key, "model", max_kib);
	else
		pt_message(req, "error", key, "model");
	if (reason != NULL || file != NULL) {
		r = pt_node(req->page, "refusal", reason);
		if (file != NULL)
			pt_attr(r, "file", file);
	}
	return show(req, 422);
}

/* POST /admin/processes/: deploy the uploaded model. */
static int
upload(struct pt_req *req)
{
	const struct pt_upload *up = pt_upload(req, "model");
	char err[FL_ERROR_BYTES];
	long long id;
	int rc, version, unchanged;

	if (up == NULL || up->len == 0)
		return refuse(req, "processes.upload.none", 0, NULL, NULL);
	if (up->len > FL_BPMN_MAX_BYTES)
		return refuse(req, "processes.upload.size", FL_BPMN_MAX_BYTES / 1024, NULL, up->filename);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = fl_deploy(req, up->data, up->len, up->filename, req->session.user->id, &id, &version,
	    &unchanged, err);
	if (rc == PT_EINVAL || rc == PT_ELIMIT || rc == PT_EDUP) {
		pt_db_rollback(req);
		return refuse(req, rc == PT_EDUP ? "processes.upload.race" : "processes.upload.refused",
		    0, err, up->filename);
	}
	if (rc == PT_OK && !unchanged)
		rc = pt_db_commit(req);
	if (rc != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	if (unchanged) {
		pt_db_rollback(req);
		return pt_redirect(req, pt_printf(req, PA_ROOT "version/%lld?unchanged=1", id));
	}
	return pt_redirect(req, pt_printf(req, PA_ROOT "version/%lld?deployed=1", id));
}

static const struct pt_route routes[] = {
	{ PT_GET,  PA_ROOT,	list,	PT_R_LOGIN, PA_PERM },
	{ PT_POST, PA_ROOT,	upload,	PT_R_LOGIN, PA_PERM },
};

static const char *const views[] = { "admin-processes" };

const struct pt_group pa_processes_group = PT_GROUP(routes, sql, views);
