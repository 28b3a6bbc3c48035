/*
 * User tasks (flow_tasks, flow_task_candidates) as the inbox reads them:
 * made when a token reaches a userTask, completed or cancelled when it
 * leaves.  Who may work on one: the candidate roles within the org
 * (the instance's, or the provider's for orgScope="provider" and for an
 * instance without org), and an assignee when the model's expression
 * names an active user of that org.  The assignment mail goes with the
 * task; a reminder job before its due time.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flowd.h"

#define REMIND_BEFORE_S	3600

/* The fields as the JSON array flow_tasks.form holds. */
static const char *
form_json(struct pt_req *req, const struct fl_user_task *u)
{
	const char *out = "[";
	size_t i;

	for (i = 0; i < u->nfields && out != NULL; i++) {
		const struct fl_field *f = &u->fields[i];

		out = pt_printf(req, "%s%s{\"name\":%s,\"type\":%s,\"label\":%s,\"label_de\":%s,"
		    "\"required\":%s}", out, i > 0 ? "," : "", pt_json_str(req, f->name),
		    pt_json_str(req, fl_field_type_names[f->type]),
		    pt_json_str(req, f->label != NULL ? f->label : f->name),
		    pt_json_str(req, f->label_de), f->required ? "true" : "false");
	}
	return out != NULL ? pt_printf(req, "%s]", out) : NULL;
}

/* The roles, comma-separated, for FIND_IN_SET; and space-separated for the row. */
static int
roles_of(struct pt_req *req, const struct fl_user_task *u, const char **comma, const char **space)
{
	size_t i;

	*comma = *space = "";
	for (i = 0; i < u->nroles; i++) {
		*comma = pt_printf(req, "%s%s%s", *comma, i > 0 ? "," : "", u->roles[i]);
		*space = pt_printf(req, "%s%s%s", *space, i > 0 ? " " : "", u->roles[i]);
		if (*comma == NULL || *space == NULL)
			return PT_ENOMEM;
	}
	return PT_OK;
}

/* The assignee the expression names, when an active user of org; else 0. */
static int
assignee_of(struct fl_run *r, const struct fl_user_task *u, long long org_id, long long *user)
{
	struct fl_expr_error err;
	struct fl_value v;
	struct pt_rows rows;
	long long id;
	int rc;

	*user = 0;
	if (u->assignee_compiled == NULL)
		return PT_OK;
	if (fl_expr_eval(u->assignee_compiled, &r->vars.scope, r->req->arena, &v, &err) != PT_OK) {
		pt_log(r->req, PT_LOG_WARN, "instance %lld: the assignee expression fails: %s", r->id,
		    err.message);
		return PT_OK;
	}
	if (v.type == FL_NUMBER && v.number >= 1 && v.number < 4294967296.0 &&
	    v.number == floor(v.number))
		id = (long long)v.number;
	else if (v.type == FL_STRING && v.len > 0 && v.len < 12 &&
	    strspn(v.string, "0123456789") == v.len)
		id = atoll(v.string);
	else
		return PT_OK;
	if ((rc = pt_db_query(r->req, &fl_sql[FS_TASK_ASSIGNEE], &rows, PT_BINDS(pt_int(id),
	    pt_int(org_id)))) != PT_OK)
		return rc;
	if (rows.nrows == 1)
		*user = id;
	return PT_OK;
}

int
fl_task_create(struct fl_run *r, const struct fl_element *e, long long token_id)
{
	const struct fl_user_task *u = e->user;
	const char *form, *comma, *space;
	long long org_id = r->org_id, assignee, task_id;
	time_t now = r->vars.scope.now, due = 0, remind;
	int rc;

	if (u->scope == FL_SCOPE_PROVIDER || org_id <= 0)
		if ((rc = fl_provider_org(r->req, &org_id)) != PT_OK)
			return rc;
	if (u->due != NULL) {
		if (u->due_business_time && fl_duration_seconds(&u->due_after) >= 0)
			rc = fl_business_add(r->req, org_id, now, &u->due_after, 1, &due);
		else
			rc = fl_duration_add(&u->due_after, now, 1, &due) == PT_OK ? PT_OK : PT_EINVAL;
		if (rc == PT_EINVAL)
			due = 0;
		else if (rc != PT_OK)
			return rc;
	}
	if ((rc = assignee_of(r, u, org_id, &assignee)) != PT_OK)
		return rc;
	if ((form = form_json(r->req, u)) == NULL || roles_of(r->req, u, &comma, &space) != PT_OK)
		return PT_ENOMEM;
	if ((rc = pt_db_exec(r->req, &fl_sql[FS_TASK_INSERT], PT_BINDS(pt_int(r->id),
	    pt_int(token_id), pt_str(e->id), pt_str(e->name != NULL ? e->name : e->id),
	    pt_str(e->name_de), pt_str(r->def->name), pt_str(r->def->name_de),
	    pt_str(r->business_key), pt_int(org_id), pt_str(space),
	    assignee > 0 ? pt_int(assignee) : pt_str(NULL), pt_str(form),
	    pt_str(due > 0 ? fl_stamp(r->step, due) : NULL)), NULL)) != PT_OK)
		return rc;
	task_id = (long long)pt_db_insert_id();
	if (u->nroles > 0 && (rc = pt_db_exec(r->req, &fl_sql[FS_TASK_CANDIDATES],
	    PT_BINDS(pt_int(org_id), pt_int(task_id), pt_str(comma)), NULL)) != PT_OK)
		return rc;
	/* portico:notify="false": the process tells its people itself. */
	if (!u->notify)
		return PT_OK;
	if ((rc = pt_task_mail(r->req, task_id, PT_TASK_MAIL_ASSIGNED)) != PT_OK)
		return rc;
	if (due > now) {
		remind = due - now >= 2 * REMIND_BEFORE_S ? due - REMIND_BEFORE_S : now + (due - now) / 2;
		if ((rc = fl_arm_job(r, "task-due", e->id, token_id, task_id, remind)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

int
fl_task_end(struct fl_run *r, long long token_id, const char *state)
{
	int rc;

	if ((rc = pt_db_exec(r->req, &fl_sql[FS_TASK_END], PT_BINDS(pt_str(state), pt_int(r->id),
	    pt_int(token_id)), NULL)) != PT_OK)
		return rc;
	return pt_db_exec(r->req, &fl_sql[FS_TASK_END_CANDIDATES], PT_BINDS(pt_int(r->id),
	    pt_int(token_id)), NULL);
}

int
fl_task_end_all(struct fl_run *r)
{
	int rc;

	if ((rc = pt_db_exec(r->req, &fl_sql[FS_TASK_END_ALL_CANDIDATES], PT_BINDS(pt_int(r->id)),
	    NULL)) != PT_OK)
		return rc;
	return pt_db_exec(r->req, &fl_sql[FS_TASK_END_ALL], PT_BINDS(pt_int(r->id)), NULL);
}
