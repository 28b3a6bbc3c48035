/*
 * What each due job of flow_jobs does: a service or send task runs its
 * action (actions.h) and moves on; a timer fires its catch, boundary or
 * event-based gateway's event (a non-interrupting cycle arms itself
 * again); a start timer starts an instance; a task reminder mails the
 * task's people.  The job is deleted in the transaction that does it.
 *
 * A service job whose action fails is rolled back with everything the
 * action did; loop.c then calls fl_job_failed in a transaction of its
 * own: the job's tries count down (the next one 10 s, 60 s, then 300 s
 * later) and the last failure, or a refusal (PT_EINVAL), opens an
 * incident and suspends the job until an admin retries it.
 */
#include <stdio.h>
#include <string.h>

#include "flowd.h"

static const int retry_after_s[] = { 10, 60, 300 };

struct set_ctx {
	struct fl_run	*r;
};

static int
set_var(void *ctx, const char *name, const struct fl_value *v)
{
	return fl_vars_set(&((struct set_ctx *)ctx)->r->vars, name, v);
}

/* The service or send task's parameters, evaluated. */
static int
params_of(struct fl_step *s, struct fl_run *r, const struct fl_element *e, struct fl_param **out)
{
	struct fl_expr_error err;
	struct fl_param *p;
	size_t i;

	if ((p = pt_alloc(s->req, (e->nparams + 1) * sizeof(*p))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < e->nparams; i++) {
		const struct fl_binding *b = &e->params[i];

		p[i].name = b->name;
		if (b->compiled == NULL) {
			p[i].value.type = b->value != NULL ? FL_STRING : FL_NULL;
			p[i].value.string = b->value != NULL ? b->value : "";
			p[i].value.len = strlen(p[i].value.string);
		} else if (fl_expr_eval(b->compiled, &r->vars.scope, s->req->arena, &p[i].value,
		    &err) != PT_OK) {
			snprintf(s->err, sizeof(s->err), "parameter %s (%s) fails: %s", b->name, b->expr,
			    err.message);
			s->permanent = 1;
			return PT_EINVAL;
		}
	}
	*out = p;
	return PT_OK;
}

static int
job_service(struct fl_step *s, const struct fl_job *j, struct fl_run *r, struct fl_token *t)
{
	const struct fl_element *e = t->element;
	struct fl_action_ctx ctx;
	struct set_ctx sc = { r };
	struct fl_param *p;
	int rc;

	if ((rc = params_of(s, r, e, &p)) != PT_OK)
		return rc;
	memset(&ctx, 0, sizeof(ctx));
	ctx.req = s->req;
	ctx.job_id = j->id;
	ctx.instance_id = r->id;
	ctx.org_id = r->org_id;
	ctx.business_key = r->business_key;
	ctx.process_key = r->def->key;
	ctx.element_id = e->id;
	ctx.vars = &r->vars.scope;
	ctx.set = set_var;
	ctx.set_ctx = &sc;
	if ((rc = fl_action_run(&ctx, e->action, p, e->nparams, s->err, sizeof(s->err))) != PT_OK) {
		if (s->err[0] == '\0')
			snprintf(s->err, sizeof(s->err), "action %s failed", e->action);
		s->permanent = rc == PT_EINVAL;
		s->action_failed = 1;
		/* The database's failures: loop.c tells a deadlock or outage from the rest. */
		return rc == PT_EDB ? PT_EDB : PT_EINVAL;
	}
	return fl_complete(r, t, 0, "completed");
}

static int
job_timer(struct fl_step *s, const struct fl_job *j, struct fl_run *r, struct fl_token *t)
{
	const struct fl_element *e = fl_model_find(r->model, j->element_id);
	long long token_id = t->id;
	time_t due;
	int rc;

	if (e == NULL || e->timer == NULL)
		return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
	if ((rc = fl_fire(r, e, t, "fired")) != PT_OK)
		return rc;
	/* A non-interrupting boundary cycle fires again while its activity waits. */
	if (e->kind == FL_BOUNDARY_EVENT && !e->interrupting && e->timer->kind == FL_TIMER_CYCLE &&
	    fl_token_find(r, token_id) != NULL &&
	    (rc = fl_timer_next(s->req, r->org_id, e->timer, j->armed_at, j->fired + 1, &due)) !=
	    PT_ENOTFOUND) {
		if (rc != PT_OK)
			return rc;
		return pt_db_exec(s->req, &fl_sql[FS_JOB_REARM], PT_BINDS(pt_int(due - j->armed_at),
		    pt_int(j->id)), NULL);
	}
	return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
}

static int
job_start_timer(struct fl_step *s, const struct fl_job *j)
{
	const struct fl_def *d;
	const struct fl_element *e;
	struct fl_run *r;
	time_t due;
	int rc;

	if ((rc = fl_cache_get(s->req, j->definition_id, &d)) != PT_OK && rc != PT_EINVAL)
		return rc;
	if (rc == PT_EINVAL || (e = fl_model_find(d->model, j->element_id)) == NULL ||
	    e->timer == NULL)
		return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
	if ((rc = fl_run_create(s, d, "", 0, 0, 0, 0, &r)) != PT_OK ||
	    (rc = fl_start_at(r, e)) != PT_OK)
		return rc;
	if ((rc = fl_timer_next(s->req, 0, e->timer, j->armed_at, j->fired + 1, &due)) == PT_OK)
		return pt_db_exec(s->req, &fl_sql[FS_JOB_REARM], PT_BINDS(pt_int(due - j->armed_at),
		    pt_int(j->id)), NULL);
	if (rc != PT_ENOTFOUND)
		return rc;
	return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
}

int
fl_job_do(struct fl_step *s, const struct fl_job *j)
{
	struct fl_token *t;
	struct fl_run *r;
	int rc;

	s->job_id = j->id;
	if (strcmp(j->kind, "start-timer") == 0)
		return job_start_timer(s, j);
	if ((rc = fl_run_open(s, j->instance_id, 0, &r)) == PT_ENOTFOUND)
		return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
	if (rc != PT_OK)
		return rc;
	if (strcmp(r->state, "suspended") == 0)
		return PT_ELIMIT;
	/* A job whose token or instance ended (its row outlived them) has nothing to do. */
	if ((t = fl_token_find(r, j->token_id)) == NULL || strcmp(r->state, "running") != 0)
		return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
	if (strcmp(j->kind, "service") == 0)
		return job_service(s, j, r, t);
	if (strcmp(j->kind, "timer") == 0)
		return job_timer(s, j, r, t);
	if (strcmp(j->kind, "task-due") == 0) {
		if (j->task_id > 0 && (rc = pt_task_mail(s->req, j->task_id, PT_TASK_MAIL_DUE)) != PT_OK)
			return rc;
		return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
	}
	return pt_db_exec(s->req, &fl_sql[FS_JOB_DELETE], PT_BINDS(pt_int(j->id)), NULL);
}

int
fl_job_failed(struct fl_step *s, const struct fl_job *j, int permanent, const char *why)
{
	int left = j->retries > 0 ? j->retries - 1 : 0, tries = 3 - left, rc;

	if (tries < 1)
		tries = 1;
	if (!permanent && left > 0) {
		pt_log(s->req, PT_LOG_WARN, "job %lld (%s of instance %lld) failed, %d tries left: %s",
		    j->id, j->element_id, j->instance_id, left, why);
		return pt_db_exec(s->req, &fl_sql[FS_JOB_FAILED], PT_BINDS(pt_int(left),
		    pt_int(retry_after_s[tries > 3 ? 2 : tries - 1]), pt_int(0), pt_str(why),
		    pt_int(j->id)), NULL);
	}
	pt_log(s->req, PT_LOG_WARN, "job %lld (%s of instance %lld) failed for good: %s", j->id,
	    j->element_id, j->instance_id, why);
	if ((rc = pt_db_exec(s->req, &fl_sql[FS_JOB_FAILED], PT_BINDS(pt_int(0), pt_int(0), pt_int(1),
	    pt_str(why), pt_int(j->id)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(s->req, &fl_sql[FS_INCIDENT_INSERT], PT_BINDS(pt_int(j->instance_id),
	    pt_int(j->id), pt_str(j->element_id), pt_str(why)), NULL)) != PT_OK)
		return rc;
	return pt_db_exec(s->req, &fl_sql[FS_INSTANCE_INCIDENT], PT_BINDS(pt_int(1),
	    pt_int(j->instance_id)), NULL);
}
