/*
 * What each command of flow_commands does (contract 2 of the engine's
 * schema): start, message, complete, deployed, suspend, resume, cancel,
 * retry.  Each runs in the transaction loop.c opened for it; a command
 * that cannot be carried out says why in step->err and is marked failed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "flowd.h"

/* Refuse the command: PT_EINVAL with why. */
static int
refuse(struct fl_step *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
refuse(struct fl_step *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof(s->err), fmt, ap);
	va_end(ap);
	return PT_EINVAL;
}

/* Open the instance a command names; refuses a missing one. */
static int
open_named(struct fl_step *s, long long id, struct fl_run **r)
{
	int rc = fl_run_open(s, id, 0, r);

	if (rc == PT_ENOTFOUND)
		return refuse(s, "there is no instance %lld", id);
	return rc;
}

static int
vars_of(struct fl_step *s, struct fl_run *r, const struct fl_command *c)
{
	return fl_vars_json(&r->vars, c->variables, s->err, sizeof(s->err));
}

/* A new instance of d from start, with the command's business key, org and variables. */
static int
start_new(struct fl_step *s, const struct fl_command *c, const struct fl_def *d,
    const struct fl_element *start)
{
	struct fl_run *r;
	int rc;

	if ((rc = fl_run_create(s, d, c->business_key, c->org_id, c->user_id, 0, 0, &r)) != PT_OK ||
	    (rc = vars_of(s, r, c)) != PT_OK)
		return rc;
	return fl_start_at(r, start);
}

static int
cmd_start(struct fl_step *s, const struct fl_command *c)
{
	const struct fl_def *d;
	const struct fl_element *start;
	int rc;

	if (c->process_key == NULL)
		return refuse(s, "a start command needs a process key");
	if ((rc = fl_cache_newest(s->req, c->process_key, &d)) == PT_ENOTFOUND)
		return refuse(s, "no process %s is deployed", c->process_key);
	if (rc == PT_EINVAL)
		return refuse(s, "process %s does not parse", c->process_key);
	if (rc != PT_OK)
		return rc;
	if ((start = fl_plain_start(d->model, NULL)) == NULL)
		return refuse(s, "process %s has no plain start event", c->process_key);
	return start_new(s, c, d, start);
}

static int
cmd_message(struct fl_step *s, const struct fl_command *c)
{
	const struct fl_element *e;
	const struct fl_def *d;
	struct fl_token *t;
	struct fl_run *r;
	struct pt_rows rows;
	int rc;

	if (c->message == NULL)
		return refuse(s, "a message command needs a message");
	if ((rc = pt_db_query(s->req, &fl_sql[FS_SUB_FIND], &rows, PT_BINDS(pt_str(c->message),
	    pt_str(c->business_key)))) != PT_OK)
		return rc;
	if (rows.nrows == 0) {
		/* Nobody waits: a message start event, else nothing. */
		if ((rc = pt_db_query(s->req, &fl_sql[FS_SUB_START], &rows,
		    PT_BINDS(pt_str(c->message)))) != PT_OK)
			return rc;
		if (rows.nrows == 0)
			return refuse(s, "nothing waits for message %s with business key \"%s\"",
			    c->message, c->business_key);
		if ((rc = fl_cache_get(s->req, pt_cell_int(&rows, 0, 0), &d)) != PT_OK)
			return rc == PT_EINVAL ? refuse(s, "its process does not parse") : rc;
		if ((e = fl_model_find(d->model, pt_cell(&rows, 0, 1))) == NULL)
			return refuse(s, "the start event %s is not in its process", pt_cell(&rows, 0, 1));
		return start_new(s, c, d, e);
	}
	if ((rc = open_named(s, pt_cell_int(&rows, 0, 0), &r)) != PT_OK)
		return rc;
	if (strcmp(r->state, "running") != 0)
		return refuse(s, "instance %lld is %s", r->id, r->state);
	if ((t = fl_token_find(r, pt_cell_int(&rows, 0, 1))) == NULL ||
	    (e = fl_model_find(r->model, pt_cell(&rows, 0, 2))) == NULL)
		return refuse(s, "instance %lld no longer waits for message %s", r->id, c->message);
	if ((rc = vars_of(s, r, c)) != PT_OK)
		return rc;
	return fl_fire(r, e, t, "correlated");
}

static int
cmd_complete(struct fl_step *s, const struct fl_command *c)
{
	struct fl_value who;
	struct fl_token *t;
	struct fl_run *r;
	struct pt_rows rows;
	long long user;
	int rc;

	if ((rc = pt_db_query(s->req, &fl_sql[FS_TASK_OF], &rows,
	    PT_BINDS(pt_int(c->task_id)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return refuse(s, "there is no task %lld", c->task_id);
	if (strcmp(pt_cell(&rows, 0, 2), "completing") != 0)
		return refuse(s, "task %lld is %s, not completing", c->task_id, pt_cell(&rows, 0, 2));
	user = c->user_id > 0 ? c->user_id : pt_cell_int(&rows, 0, 3);
	if ((rc = open_named(s, pt_cell_int(&rows, 0, 0), &r)) != PT_OK)
		return rc;
	if (strcmp(r->state, "running") != 0)
		return refuse(s, "instance %lld is %s", r->id, r->state);
	if ((t = fl_token_find(r, pt_cell_int(&rows, 0, 1))) == NULL ||
	    t->element->kind != FL_USER_TASK)
		return refuse(s, "task %lld no longer waits", c->task_id);
	if ((rc = vars_of(s, r, c)) != PT_OK)
		return rc;
	if (user > 0) {
		memset(&who, 0, sizeof(who));
		who.type = FL_NUMBER;
		who.number = (double)user;
		if ((rc = fl_vars_set(&r->vars, "completed_by", &who)) != PT_OK)
			return rc;
	}
	return fl_complete(r, t, user, "completed");
}

static int
cmd_deployed(struct fl_step *s, const struct fl_command *c)
{
	const struct fl_def *d;
	int rc;

	if ((rc = fl_cache_get(s->req, c->definition_id, &d)) == PT_ENOTFOUND)
		return refuse(s, "there is no definition %lld", c->definition_id);
	if (rc == PT_EINVAL)
		return refuse(s, "definition %lld does not parse", c->definition_id);
	if (rc != PT_OK)
		return rc;
	return fl_arm_definition(s, d);
}

static int
cmd_suspend(struct fl_step *s, const struct fl_command *c, int suspend)
{
	struct fl_run *r;
	int rc;

	if ((rc = open_named(s, c->instance_id, &r)) != PT_OK)
		return rc;
	if (strcmp(r->state, suspend ? "running" : "suspended") != 0)
		return refuse(s, "instance %lld is %s", r->id, r->state);
	if ((rc = pt_db_exec(s->req, &fl_sql[FS_JOB_SUSPEND], PT_BINDS(pt_int(suspend),
	    pt_int(r->id)), NULL)) != PT_OK)
		return rc;
	snprintf(r->state, sizeof(r->state), "%s", suspend ? "suspended" : "running");
	r->changed = 1;
	return PT_OK;
}

static int
cmd_cancel(struct fl_step *s, const struct fl_command *c)
{
	struct fl_run *r;
	int rc;

	if ((rc = open_named(s, c->instance_id, &r)) != PT_OK)
		return rc;
	if (strcmp(r->state, "running") != 0 && strcmp(r->state, "suspended") != 0)
		return refuse(s, "instance %lld is %s", r->id, r->state);
	return fl_end_instance(r, "cancelled");
}

static int
cmd_retry(struct fl_step *s, const struct fl_command *c)
{
	struct pt_rows rows;
	struct fl_run *r;
	size_t i;
	int rc;

	if ((rc = pt_db_query(s->req, &fl_sql[FS_INCIDENT_OF], &rows,
	    PT_BINDS(pt_int(c->incident_id)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return refuse(s, "there is no incident %lld", c->incident_id);
	if (pt_cell_int(&rows, 0, 3))
		return refuse(s, "incident %lld is resolved", c->incident_id);
	if ((rc = open_named(s, pt_cell_int(&rows, 0, 0), &r)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(s->req, &fl_sql[FS_INCIDENT_RESOLVE], PT_BINDS(
	    c->user_id > 0 ? pt_int(c->user_id) : pt_str(NULL), pt_str("retried"),
	    pt_int(c->incident_id)), NULL)) != PT_OK)
		return rc;
	r->incidents_added--;
	r->changed = 1;
	if (pt_cell(&rows, 0, 1) != NULL)
		return pt_db_exec(s->req, &fl_sql[FS_JOB_RETRY], PT_BINDS(pt_int(pt_cell_int(&rows, 0, 1))),
		    NULL);
	/* No job: a token that waits where it found no way on (a gateway, a call). */
	for (i = 0; i < r->ntokens; i++)
		if (!r->tokens[i].gone && strcmp(r->tokens[i].element->id, pt_cell(&rows, 0, 2)) == 0)
			return fl_retry_token(r, &r->tokens[i]);
	return PT_OK;
}

int
fl_command_do(struct fl_step *s, const struct fl_command *c)
{
	s->user_id = c->user_id;
	if (strcmp(c->kind, "start") == 0)
		return cmd_start(s, c);
	if (strcmp(c->kind, "message") == 0)
		return cmd_message(s, c);
	if (strcmp(c->kind, "complete") == 0)
		return cmd_complete(s, c);
	if (strcmp(c->kind, "deployed") == 0)
		return cmd_deployed(s, c);
	if (strcmp(c->kind, "suspend") == 0)
		return cmd_suspend(s, c, 1);
	if (strcmp(c->kind, "resume") == 0)
		return cmd_suspend(s, c, 0);
	if (strcmp(c->kind, "cancel") == 0)
		return cmd_cancel(s, c);
	if (strcmp(c->kind, "retry") == 0)
		return cmd_retry(s, c);
	return refuse(s, "unknown command %s", c->kind);
}
