/*
 * Token movement: what a token does at each kind of element, within the
 * step (one transaction) that moves it.
 *
 * A token that moves on is an arrival in the run's queue (element, scope,
 * the flow it came by), handled in order until none is left; only a token
 * that comes to wait (a user, service, send or receive task, a catch
 * event, an event-based gateway, a subProcess or callActivity whose
 * inside runs, a parallel join not yet complete, an exclusive gateway
 * that found no way) becomes a flow_tokens row.  A scope (the process, or
 * an embedded subProcess) completes when an end event finds neither a
 * waiting token nor an arrival left in it.
 *
 * Errors thrown by an error end event go outward through the enclosing
 * subProcesses and, from a called instance, to its callActivity, to the
 * first error boundary event that names the code (or names none); nothing
 * catches it: the instance fails with an incident.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flowd.h"

/* Elements one step may enter: a loop without a wait state ends here. */
#define STEP_ELEMENTS_MAX	10000

static int drain(struct fl_run *);
static int scope_done(struct fl_run *, const struct fl_element *end, long long scope);
static int interrupt(struct fl_run *, struct fl_token *, const char *outcome);
static int cancel_children(struct fl_run *, long long token_id);

/* ---- runs ------------------------------------------------------------------ */

static struct fl_run *
step_find(struct fl_step *s, long long id)
{
	size_t i;

	for (i = 0; i < s->nruns; i++)
		if (s->runs[i]->id == id)
			return s->runs[i];
	return NULL;
}

static struct fl_run *
run_new(struct fl_step *s)
{
	struct fl_run *r;

	if (s->nruns >= sizeof(s->runs) / sizeof(s->runs[0])) {
		snprintf(s->err, sizeof(s->err), "more than %zu instances in one step",
		    sizeof(s->runs) / sizeof(s->runs[0]));
		return NULL;
	}
	if ((r = pt_alloc(s->req, sizeof(*r))) == NULL)
		return NULL;
	r->req = s->req;
	r->step = s;
	fl_vars_init(&r->vars, s->req);
	r->vars.scope.now = s->now;
	s->runs[s->nruns++] = r;
	return r;
}

const char *
fl_stamp(struct fl_step *s, time_t t)
{
	char buf[20];

	pt_utc_format(t, buf);
	return pt_printf(s->req, "%s.%06ld", buf, s->now_us);
}

int
fl_grow(struct pt_req *req, void *items, size_t n, size_t *cap, size_t size)
{
	void **p = items, *grown;
	size_t c;

	if (n < *cap)
		return PT_OK;
	c = *cap ? *cap * 2 : 8;
	if ((grown = pt_alloc(req, c * size)) == NULL)
		return PT_ENOMEM;
	if (n > 0)
		memcpy(grown, *p, n * size);
	*p = grown;
	*cap = c;
	return PT_OK;
}

static struct fl_token *
token_add(struct fl_run *r, long long id, const struct fl_element *e, long long scope,
    const char *via)
{
	struct fl_token *t;

	if (fl_grow(r->req, &r->tokens, r->ntokens, &r->captokens, sizeof(*t)) != PT_OK)
		return NULL;
	t = &r->tokens[r->ntokens++];
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->element = e;
	t->scope = scope;
	t->via = via;
	return t;
}

int
fl_run_open(struct fl_step *s, long long id, int wait, struct fl_run **out)
{
	struct fl_run *r;
	struct pt_rows rows;
	size_t i;
	int rc;

	if ((*out = step_find(s, id)) != NULL)
		return PT_OK;
	for (i = 0; !wait && s->busy != NULL && i < s->busy->n; i++)
		if (s->busy->ids[i] == id)
			return PT_ELIMIT;
	if ((rc = pt_db_query(s->req, &fl_sql[wait ? FS_INSTANCE_LOCK_WAIT : FS_INSTANCE_LOCK],
	    &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if (rows.nrows == 0) {
		if ((rc = pt_db_query(s->req, &fl_sql[FS_INSTANCE_EXISTS], &rows,
		    PT_BINDS(pt_int(id)))) != PT_OK)
			return rc;
		if (rows.nrows == 0)
			return PT_ENOTFOUND;
		if (s->busy != NULL && s->busy->n < FL_BUSY_MAX)
			s->busy->ids[s->busy->n++] = id;
		return PT_ELIMIT;
	}
	if ((r = run_new(s)) == NULL)
		return PT_ENOMEM;
	r->id = id;
	if ((rc = fl_cache_get(s->req, pt_cell_int(&rows, 0, 0), &r->def)) != PT_OK) {
		s->nruns--;
		if (rc == PT_EINVAL)
			snprintf(s->err, sizeof(s->err), "instance %lld: its definition does not parse", id);
		return rc;
	}
	r->model = r->def->model;
	r->business_key = pt_cell(&rows, 0, 1);
	r->org_id = pt_cell_int(&rows, 0, 2);
	r->parent_id = pt_cell_int(&rows, 0, 3);
	r->parent_token_id = pt_cell_int(&rows, 0, 4);
	snprintf(r->state, sizeof(r->state), "%s", pt_cell(&rows, 0, 5));
	for (i = 0; i < rows.nrows; i++) {
		const struct fl_element *e;

		if (pt_cell(&rows, i, 6) == NULL)
			continue;
		if ((e = fl_model_find(r->model, pt_cell(&rows, i, 7))) == NULL) {
			pt_log(s->req, PT_LOG_ERROR, "instance %lld: token %s stands on %s, which its model lacks",
			    id, pt_cell(&rows, i, 6), pt_cell(&rows, i, 7));
			continue;
		}
		if (token_add(r, pt_cell_int(&rows, i, 6), e, pt_cell_int(&rows, i, 8),
		    pt_cell(&rows, i, 9)) == NULL)
			return PT_ENOMEM;
	}
	if ((rc = fl_vars_load(&r->vars, id)) != PT_OK)
		return rc;
	*out = r;
	return PT_OK;
}

int
fl_run_create(struct fl_step *s, const struct fl_def *d, const char *business_key,
    long long org_id, long long user_id, long long parent_id, long long parent_token_id,
    struct fl_run **out)
{
	struct fl_run *r;
	int rc;

	if ((r = run_new(s)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_exec(s->req, &fl_sql[FS_INSTANCE_INSERT], PT_BINDS(pt_int(d->id),
	    parent_id > 0 ? pt_int(parent_id) : pt_str(NULL),
	    parent_token_id > 0 ? pt_int(parent_token_id) : pt_str(NULL),
	    pt_str(business_key != NULL ? business_key : ""),
	    org_id > 0 ? pt_int(org_id) : pt_str(NULL),
	    user_id > 0 ? pt_int(user_id) : pt_str(NULL)), NULL)) != PT_OK)
		return rc;
	r->id = (long long)pt_db_insert_id();
	r->created = 1;
	r->def = d;
	r->model = d->model;
	r->business_key = pt_strdup(s->req, business_key != NULL ? business_key : "");
	r->org_id = org_id;
	r->parent_id = parent_id;
	r->parent_token_id = parent_token_id;
	r->user_id = user_id;
	snprintf(r->state, sizeof(r->state), "running");
	*out = r;
	return PT_OK;
}

int
fl_step_flush(struct fl_step *s)
{
	size_t i, j;
	int rc;

	for (i = 0; i < s->nruns; i++) {
		struct fl_run *r = s->runs[i];

		if (!r->tokens_cleared)
			for (j = 0; j < r->ntokens; j++)
				if (r->tokens[j].gone && r->tokens[j].id > 0 &&
				    (rc = pt_db_exec(s->req, &fl_sql[FS_TOKEN_DELETE],
				    PT_BINDS(pt_int(r->tokens[j].id)), NULL)) != PT_OK)
					return rc;
		if ((rc = fl_vars_save(&r->vars, r->id)) != PT_OK ||
		    (rc = fl_hist_flush(r)) != PT_OK || (rc = fl_waits_flush(r)) != PT_OK)
			return rc;
		/* A row inserted in this step is as it should be unless it ended or has incidents. */
		if (r->created && !r->ended && r->incidents_added == 0 && !r->incidents_reset &&
		    strcmp(r->state, "running") == 0)
			continue;
		if (r->changed && (rc = pt_db_exec(s->req, &fl_sql[FS_INSTANCE_UPDATE],
		    PT_BINDS(pt_str(r->state), pt_int(r->ended), pt_str(r->end_element),
		    pt_int(r->incidents_reset), pt_int(r->incidents_added), pt_int(r->id)), NULL)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

struct fl_token *
fl_token_find(struct fl_run *r, long long id)
{
	size_t i;

	for (i = 0; i < r->ntokens; i++)
		if (r->tokens[i].id == id && !r->tokens[i].gone)
			return &r->tokens[i];
	return NULL;
}

/* A token comes to wait at e: its row now, for the ids that name it. */
static struct fl_token *
wait_at(struct fl_run *r, const struct fl_element *e, long long scope, const char *via)
{
	struct fl_token *t;

	if (pt_db_exec(r->req, &fl_sql[FS_TOKEN_INSERT], PT_BINDS(pt_int(r->id), pt_str(e->id),
	    scope > 0 ? pt_int(scope) : pt_str(NULL), pt_str(via)), NULL) != PT_OK)
		return NULL;
	if ((t = token_add(r, (long long)pt_db_insert_id(), e, scope, via)) != NULL)
		t->fresh = 1;
	return t;
}

/* ---- the queue of arrivals ------------------------------------------------ */

static int
push(struct fl_run *r, const struct fl_element *e, long long scope, const char *via)
{
	struct fl_arrival *a;

	if (r->nqueue == r->capqueue) {
		size_t cap = r->capqueue ? r->capqueue * 2 : 8;

		if ((a = pt_alloc(r->req, cap * sizeof(*a))) == NULL)
			return PT_ENOMEM;
		if (r->nqueue > r->qhead)
			memcpy(a, r->queue + r->qhead, (r->nqueue - r->qhead) * sizeof(*a));
		r->nqueue -= r->qhead;
		r->qhead = 0;
		r->queue = a;
		r->capqueue = cap;
	}
	a = &r->queue[r->nqueue++];
	a->element = e;
	a->scope = scope;
	a->via = via;
	return PT_OK;
}

/* Arrivals still queued in scope. */
static int
queued_in(const struct fl_run *r, long long scope)
{
	size_t i;

	for (i = r->qhead; i < r->nqueue; i++)
		if (r->queue[i].scope == scope)
			return 1;
	return 0;
}

static int
waiting_in(const struct fl_run *r, long long scope)
{
	size_t i;

	for (i = 0; i < r->ntokens; i++)
		if (!r->tokens[i].gone && r->tokens[i].scope == scope)
			return 1;
	return 0;
}

/* ---- incidents --------------------------------------------------------------- */

int
fl_incident(struct fl_run *r, long long job_id, const char *element_id, const char *message)
{
	int rc;

	pt_log(r->req, PT_LOG_WARN, "instance %lld: incident at %s: %s", r->id, element_id, message);
	if ((rc = pt_db_exec(r->req, &fl_sql[FS_INCIDENT_INSERT], PT_BINDS(pt_int(r->id),
	    job_id > 0 ? pt_int(job_id) : pt_str(NULL), pt_str(element_id), pt_str(message)),
	    NULL)) != PT_OK)
		return rc;
	r->incidents_added++;
	r->changed = 1;
	return PT_OK;
}

/* ---- leaving an element ------------------------------------------------------ */

static int
assign(struct fl_run *r, const struct fl_element *e)
{
	struct fl_expr_error err;
	struct fl_value v;
	size_t i;
	int rc;

	for (i = 0; i < e->nassignments; i++) {
		const struct fl_binding *b = &e->assignments[i];

		if (fl_expr_eval(b->compiled, &r->vars.scope, r->req->arena, &v, &err) != PT_OK) {
			pt_log(r->req, PT_LOG_WARN, "instance %lld: %s: %s = %s fails (%s); it is null",
			    r->id, e->id, b->name, b->expr, err.message);
			memset(&v, 0, sizeof(v));
			v.type = FL_NULL;
		}
		if ((rc = fl_vars_set(&r->vars, b->name, &v)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

int
fl_leave(struct fl_run *r, const struct fl_element *e, long long scope)
{
	size_t i;
	int rc;

	if ((rc = assign(r, e)) != PT_OK)
		return rc;
	/* An activity or event without outgoing flows ends its path there. */
	if (e->noutgoing == 0)
		return scope_done(r, e, scope);
	for (i = 0; i < e->noutgoing; i++)
		if ((rc = push(r, e->outgoing[i]->target, scope, e->outgoing[i]->id)) != PT_OK)
			return rc;
	return PT_OK;
}

/*
 * The exclusive gateway's way: the first outgoing flow (in document
 * order) whose condition holds, else the default; NULL with why in msg.
 */
static const struct fl_element *
choose(struct fl_run *r, const struct fl_element *g, char *msg, size_t size)
{
	struct fl_expr_error err;
	size_t i;
	int holds;

	snprintf(msg, size, "no condition of exclusive gateway %s holds and it has no default", g->id);
	for (i = 0; i < g->noutgoing; i++) {
		const struct fl_element *f = g->outgoing[i];

		if (f == g->default_flow)
			continue;
		if (f->condition == NULL || f->condition->compiled == NULL)
			return f;
		if (fl_expr_test(f->condition->compiled, &r->vars.scope, r->req->arena, &holds,
		    &err) != PT_OK) {
			snprintf(msg, size, "the condition of flow %s (%s) fails: %s", f->id,
			    f->condition->expr, err.message);
			continue;
		}
		if (holds)
			return f;
	}
	return g->default_flow;
}

static int
gateway_retry(struct fl_run *r, struct fl_token *t)
{
	const struct fl_element *f;
	char msg[FL_ERROR_BYTES];
	int rc;

	if ((f = choose(r, t->element, msg, sizeof(msg))) == NULL)
		return fl_incident(r, 0, t->element->id, msg);
	t->gone = 1;
	if ((rc = fl_hist_end(r, t->id, 0, "completed")) != PT_OK ||
	    (rc = assign(r, t->element)) != PT_OK ||
	    (rc = push(r, f->target, t->scope, f->id)) != PT_OK)
		return rc;
	return drain(r);
}

/* ---- ending --------------------------------------------------------------------- */

/* Interrupt every token inside the subProcess token scope, and its queued arrivals. */
static int
cancel_scope(struct fl_run *r, long long scope, const char *outcome)
{
	size_t i, j;
	int rc;

	for (i = 0; i < r->ntokens; i++)
		if (!r->tokens[i].gone && r->tokens[i].scope == scope &&
		    (rc = interrupt(r, &r->tokens[i], outcome)) != PT_OK)
			return rc;
	for (i = j = r->qhead; i < r->nqueue; i++)
		if (r->queue[i].scope != scope)
			r->queue[j++] = r->queue[i];
	r->nqueue = j;
	return PT_OK;
}

/* End a waiting token that did not complete: its task, waits, inside and called instance. */
static int
interrupt(struct fl_run *r, struct fl_token *t, const char *outcome)
{
	int rc;

	t->gone = 1;
	if ((rc = fl_hist_end(r, t->id, 0, outcome)) != PT_OK ||
	    (rc = fl_disarm(r, t)) != PT_OK)
		return rc;
	switch (t->element->kind) {
	case FL_USER_TASK:
		return fl_task_end(r, t->id, "cancelled");
	case FL_SUBPROCESS:
		return cancel_scope(r, t->id, outcome);
	case FL_CALL_ACTIVITY:
		return cancel_children(r, t->id);
	default:
		return PT_OK;
	}
}

/* Cancel the instances the callActivity token (0: any) of r started. */
static int
cancel_children(struct fl_run *r, long long token_id)
{
	struct pt_rows rows;
	struct fl_run *c;
	size_t i;
	int rc;

	if ((rc = pt_db_query(r->req, &fl_sql[FS_INSTANCE_CHILDREN], &rows, PT_BINDS(pt_int(r->id),
	    pt_int(token_id), pt_int(token_id)))) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++) {
		if ((rc = fl_run_open(r->step, pt_cell_int(&rows, i, 0), 1, &c)) == PT_ENOTFOUND)
			continue;
		if (rc != PT_OK)
			return rc;
		/* One that ended in this step (its error is why the call ends) stays as it ended. */
		if (!c->ended && (rc = fl_end_instance(c, "cancelled")) != PT_OK)
			return rc;
	}
	return PT_OK;
}

int
fl_end_instance(struct fl_run *r, const char *state)
{
	size_t i;
	int rc;

	for (i = 0; i < r->ntokens; i++)
		r->tokens[i].gone = 1;
	r->nqueue = r->qhead = 0;
	if (!r->tokens_cleared && r->ntokens > 0 &&
	    (rc = pt_db_exec(r->req, &fl_sql[FS_TOKEN_DELETE_ALL], PT_BINDS(pt_int(r->id)),
	    NULL)) != PT_OK)
		return rc;
	r->tokens_cleared = 1;
	if ((rc = fl_task_end_all(r)) != PT_OK || (rc = fl_disarm_all(r)) != PT_OK ||
	    (rc = fl_hist_end_all(r, state)) != PT_OK)
		return rc;
	if (strcmp(state, "failed") != 0) {
		if ((rc = pt_db_exec(r->req, &fl_sql[FS_INCIDENTS_CANCEL], PT_BINDS(
		    r->step->user_id > 0 ? pt_int(r->step->user_id) : pt_str(NULL), pt_int(r->id)),
		    NULL)) != PT_OK)
			return rc;
		r->incidents_reset = 1;
		r->incidents_added = 0;
	}
	if ((rc = cancel_children(r, 0)) != PT_OK)
		return rc;
	snprintf(r->state, sizeof(r->state), "%s", state);
	r->ended = 1;
	r->changed = 1;
	return PT_OK;
}

/* The called instance r reached its end: its variables back, the callActivity moves on. */
static int
resume_parent(struct fl_run *r)
{
	struct fl_run *p = r->parent_run;
	struct fl_token *t;
	int rc;

	if (p == NULL && (rc = fl_run_open(r->step, r->parent_id, 1, &p)) != PT_OK)
		return rc == PT_ENOTFOUND ? PT_OK : rc;
	if (p->ended || (t = fl_token_find(p, r->parent_token_id)) == NULL)
		return PT_OK;
	if ((rc = fl_vars_copy(&p->vars, &r->vars)) != PT_OK)
		return rc;
	t->gone = 1;
	p->changed = 1;
	if ((rc = fl_hist_end(p, t->id, 0, "completed")) != PT_OK ||
	    (rc = fl_disarm(p, t)) != PT_OK ||
	    (rc = fl_leave(p, t->element, t->scope)) != PT_OK)
		return rc;
	return drain(p);
}

/* A path ended (at end, in scope): complete the scope when nothing is left in it. */
static int
scope_done(struct fl_run *r, const struct fl_element *end, long long scope)
{
	struct fl_token *t;
	int rc;

	if (r->ended || waiting_in(r, scope) || queued_in(r, scope))
		return PT_OK;
	if (scope == 0) {
		snprintf(r->state, sizeof(r->state), "completed");
		r->ended = 1;
		r->changed = 1;
		r->end_element = end->id;
		return r->parent_id > 0 ? resume_parent(r) : PT_OK;
	}
	if ((t = fl_token_find(r, scope)) == NULL)
		return PT_OK;
	t->gone = 1;
	if ((rc = fl_hist_end(r, t->id, 0, "completed")) != PT_OK ||
	    (rc = fl_disarm(r, t)) != PT_OK)
		return rc;
	return fl_leave(r, t->element, t->scope);
}

/* A boundary event b of token t's activity fires (t is still waiting). */
static int
boundary_fires(struct fl_run *r, const struct fl_element *b, struct fl_token *t,
    const char *outcome)
{
	int rc;

	if (b->interrupting && (rc = interrupt(r, t, b->trigger == FL_TRIGGER_ERROR ? outcome :
	    "interrupted")) != PT_OK)
		return rc;
	if ((rc = fl_hist_add(r, b, 0, 1, outcome)) != PT_OK)
		return rc;
	return fl_leave(r, b, t->scope);
}

/* Does boundary b catch error code? */
static int
catches(const struct fl_element *b, const char *code)
{
	return b->trigger == FL_TRIGGER_ERROR &&
	    (b->error_code == NULL || (code != NULL && strcmp(b->error_code, code) == 0));
}

/*
 * Error code thrown at element e inside scope: the nearest enclosing
 * activity with a boundary that catches it, up into the calling instance.
 */
static int
throw_error(struct fl_run *r, const struct fl_element *e, long long scope, const char *code)
{
	const char *outcome = pt_printf(r->req, "error:%s", code != NULL ? code : "");
	struct fl_token *t;
	size_t i;
	int rc;

	if (outcome == NULL)
		return PT_ENOMEM;
	for (t = fl_token_find(r, scope); t != NULL; t = fl_token_find(r, t->scope))
		for (i = 0; i < t->element->nboundaries; i++)
			if (catches(t->element->boundaries[i], code))
				return boundary_fires(r, t->element->boundaries[i], t, outcome);
	if (r->parent_id > 0) {
		struct fl_run *p = r->parent_run;

		if (p == NULL && (rc = fl_run_open(r->step, r->parent_id, 1, &p)) != PT_OK)
			return rc;
		if (!p->ended && (t = fl_token_find(p, r->parent_token_id)) != NULL) {
			/* The called instance ends at its error end; the error goes on in the caller. */
			if ((rc = fl_end_instance(r, "completed")) != PT_OK)
				return rc;
			r->end_element = e->id;
			for (i = 0; i < t->element->nboundaries; i++)
				if (catches(t->element->boundaries[i], code)) {
					if ((rc = boundary_fires(p, t->element->boundaries[i], t,
					    outcome)) != PT_OK)
						return rc;
					return drain(p);
				}
			if ((rc = throw_error(p, t->element, t->scope, code)) != PT_OK)
				return rc;
			return drain(p);
		}
	}
	if ((rc = fl_end_instance(r, "failed")) != PT_OK)
		return rc;
	r->end_element = e->id;
	return fl_incident(r, 0, e->id, pt_printf(r->req, "error %s thrown at %s was not caught",
	    code != NULL ? code : "(without code)", e->id));
}

/* ---- arriving at an element ------------------------------------------------------ */

static int
arrive_parallel(struct fl_run *r, const struct fl_element *g, long long scope, const char *via)
{
	struct fl_token *t, *found[64];
	size_t i, j;
	int rc;

	if (g->nincoming <= 1) {
		if ((rc = fl_hist_add(r, g, 0, 1, "completed")) != PT_OK)
			return rc;
		return fl_leave(r, g, scope);
	}
	/* A join: one token per incoming flow, the arriving one for its own. */
	for (i = 0; i < g->nincoming && i < 64; i++) {
		const char *f = g->incoming[i]->id;

		found[i] = NULL;
		if (via != NULL && strcmp(via, f) == 0)
			continue;
		for (j = 0; j < r->ntokens && found[i] == NULL; j++) {
			t = &r->tokens[j];
			if (!t->gone && t->element == g && t->scope == scope && t->via != NULL &&
			    strcmp(t->via, f) == 0)
				found[i] = t;
		}
		if (found[i] == NULL) {
			if ((t = wait_at(r, g, scope, via)) == NULL)
				return PT_EDB;
			return fl_hist_add(r, g, t->id, 0, NULL);
		}
	}
	for (i = 0; i < g->nincoming && i < 64; i++)
		if (found[i] != NULL) {
			found[i]->gone = 1;
			if ((rc = fl_hist_end(r, found[i]->id, 0, "joined")) != PT_OK)
				return rc;
		}
	if ((rc = fl_hist_add(r, g, 0, 1, "completed")) != PT_OK)
		return rc;
	return fl_leave(r, g, scope);
}

static int
arrive_exclusive(struct fl_run *r, const struct fl_element *g, long long scope, const char *via)
{
	const struct fl_element *f;
	struct fl_token *t;
	char msg[FL_ERROR_BYTES];
	int rc;

	if ((f = choose(r, g, msg, sizeof(msg))) == NULL) {
		/* The token waits at the gateway until an admin's retry finds a way. */
		if ((t = wait_at(r, g, scope, via)) == NULL)
			return PT_EDB;
		if ((rc = fl_hist_add(r, g, t->id, 0, NULL)) != PT_OK)
			return rc;
		return fl_incident(r, 0, g->id, msg);
	}
	if ((rc = fl_hist_add(r, g, 0, 1, "completed")) != PT_OK || (rc = assign(r, g)) != PT_OK)
		return rc;
	return push(r, f->target, scope, f->id);
}

/* The event-based gateway's branches armed for its token. */
static int
arrive_event_gateway(struct fl_run *r, const struct fl_element *g, long long scope,
    const char *via)
{
	struct fl_token *t;
	size_t i;
	int rc;

	if ((t = wait_at(r, g, scope, via)) == NULL)
		return PT_EDB;
	if ((rc = fl_hist_add(r, g, t->id, 0, NULL)) != PT_OK)
		return rc;
	for (i = 0; i < g->noutgoing; i++) {
		const struct fl_element *x = g->outgoing[i]->target;

		if (x->timer != NULL)
			rc = fl_arm_timer(r, x, t->id);
		else if (x->message != NULL)
			rc = fl_arm_message(r, x, t->id);
		else
			continue;
		if (rc != PT_OK)
			return rc;
	}
	return PT_OK;
}

static int
arrive_call(struct fl_run *r, const struct fl_element *e, struct fl_token *t)
{
	const struct fl_def *d;
	const struct fl_element *start;
	struct fl_run *c;
	int rc;

	if ((rc = fl_cache_newest(r->req, e->called, &d)) == PT_ENOTFOUND || rc == PT_EINVAL)
		return fl_incident(r, 0, e->id, pt_printf(r->req, "the called process %s is %s",
		    e->called, rc == PT_ENOTFOUND ? "not deployed" : "not readable"));
	if (rc != PT_OK)
		return rc;
	if ((start = fl_plain_start(d->model, NULL)) == NULL)
		return fl_incident(r, 0, e->id, pt_printf(r->req,
		    "the called process %s has no plain start event", e->called));
	if ((rc = fl_run_create(r->step, d, r->business_key, r->org_id, 0, r->id, t->id, &c)) != PT_OK)
		return rc;
	c->parent_run = r;
	if ((rc = fl_vars_copy(&c->vars, &r->vars)) != PT_OK)
		return rc;
	return fl_start_at(c, start);
}

int
fl_retry_token(struct fl_run *r, struct fl_token *t)
{
	int rc;

	switch (t->element->kind) {
	case FL_EXCLUSIVE_GATEWAY:
		return gateway_retry(r, t);
	case FL_CALL_ACTIVITY:
		/* The called process may be deployed now. */
		if ((rc = arrive_call(r, t->element, t)) != PT_OK)
			return rc;
		return drain(r);
	default:
		return PT_OK;
	}
}

/* A token that waits at activity e (of kind user, service, send, receive, sub, call). */
static int
arrive_activity(struct fl_run *r, const struct fl_element *e, long long scope, const char *via)
{
	const struct fl_element *start;
	struct fl_token *t;
	int rc;

	if ((t = wait_at(r, e, scope, via)) == NULL)
		return PT_EDB;
	if ((rc = fl_hist_add(r, e, t->id, 0, NULL)) != PT_OK ||
	    (rc = fl_arm_boundaries(r, e, t->id)) != PT_OK)
		return rc;
	switch (e->kind) {
	case FL_USER_TASK:
		return fl_task_create(r, e, t->id);
	case FL_SERVICE_TASK:
	case FL_SEND_TASK:
		return fl_arm_service(r, e, t->id);
	case FL_RECEIVE_TASK:
		return fl_arm_message(r, e, t->id);
	case FL_SUBPROCESS:
		if ((start = fl_plain_start(r->model, e)) == NULL)
			return fl_incident(r, 0, e->id, "the subprocess has no start event");
		if ((rc = fl_hist_add(r, start, 0, 1, "completed")) != PT_OK)
			return rc;
		return fl_leave(r, start, t->id);
	case FL_CALL_ACTIVITY:
		return arrive_call(r, e, t);
	default:
		return PT_OK;
	}
}

static int
arrive(struct fl_run *r, const struct fl_element *e, long long scope, const char *via)
{
	struct fl_token *t;
	int rc;

	if (++r->step->elements > STEP_ELEMENTS_MAX) {
		snprintf(r->step->err, sizeof(r->step->err),
		    "more than %d elements in one step: a loop without a wait state", STEP_ELEMENTS_MAX);
		return PT_EINVAL;
	}
	switch (e->kind) {
	case FL_END_EVENT:
		if ((rc = fl_hist_add(r, e, 0, 1, e->trigger == FL_TRIGGER_ERROR ?
		    pt_printf(r->req, "error:%s", e->error_code != NULL ? e->error_code : "") :
		    "completed")) != PT_OK)
			return rc;
		if (e->trigger == FL_TRIGGER_ERROR)
			return throw_error(r, e, scope, e->error_code);
		if (e->trigger == FL_TRIGGER_TERMINATE) {
			if (scope != 0) {
				if ((rc = cancel_scope(r, scope, "terminated")) != PT_OK)
					return rc;
				return scope_done(r, e, scope);
			}
			if ((rc = fl_end_instance(r, "terminated")) != PT_OK)
				return rc;
			r->end_element = e->id;
			return r->parent_id > 0 ? resume_parent(r) : PT_OK;
		}
		return scope_done(r, e, scope);
	case FL_TASK:
	case FL_START_EVENT:
	case FL_BOUNDARY_EVENT:
		if ((rc = fl_hist_add(r, e, 0, 1, "completed")) != PT_OK)
			return rc;
		return fl_leave(r, e, scope);
	case FL_EXCLUSIVE_GATEWAY:
		return arrive_exclusive(r, e, scope, via);
	case FL_PARALLEL_GATEWAY:
		return arrive_parallel(r, e, scope, via);
	case FL_EVENT_GATEWAY:
		return arrive_event_gateway(r, e, scope, via);
	case FL_CATCH_EVENT:
		if ((t = wait_at(r, e, scope, via)) == NULL)
			return PT_EDB;
		if ((rc = fl_hist_add(r, e, t->id, 0, NULL)) != PT_OK)
			return rc;
		return e->trigger == FL_TRIGGER_TIMER ? fl_arm_timer(r, e, t->id) :
		    fl_arm_message(r, e, t->id);
	case FL_USER_TASK:
	case FL_SERVICE_TASK:
	case FL_SEND_TASK:
	case FL_RECEIVE_TASK:
	case FL_SUBPROCESS:
	case FL_CALL_ACTIVITY:
		return arrive_activity(r, e, scope, via);
	default:
		snprintf(r->step->err, sizeof(r->step->err), "%s %s cannot be executed",
		    fl_kind_names[e->kind], e->id);
		return PT_EINVAL;
	}
}

/* Handle the queued arrivals until none is left (or the instance ended). */
static int
drain(struct fl_run *r)
{
	struct fl_arrival a;
	int rc;

	r->changed = 1;
	/* Called again from within (a called instance ended at once): the outer loop goes on. */
	if (r->draining)
		return PT_OK;
	r->draining = 1;
	while (r->qhead < r->nqueue && !r->ended) {
		a = r->queue[r->qhead++];
		/* The scope it was in was interrupted meanwhile: it goes nowhere. */
		if (a.scope != 0 && fl_token_find(r, a.scope) == NULL)
			continue;
		if ((rc = arrive(r, a.element, a.scope, a.via)) != PT_OK) {
			r->draining = 0;
			return rc;
		}
	}
	r->draining = 0;
	if (r->qhead >= r->nqueue)
		r->qhead = r->nqueue = 0;
	return PT_OK;
}

/* ---- entry points ---------------------------------------------------------------- */

const struct fl_element *
fl_plain_start(const struct fl_model *m, const struct fl_element *scope)
{
	size_t i;

	if (scope == NULL) {
		for (i = 0; i < m->nstarts; i++)
			if (m->starts[i]->trigger == FL_TRIGGER_NONE && m->starts[i]->scope == NULL)
				return m->starts[i];
		return NULL;
	}
	for (i = 0; i < scope->nchildren; i++)
		if (scope->children[i]->kind == FL_START_EVENT)
			return scope->children[i];
	return NULL;
}

int
fl_start_at(struct fl_run *r, const struct fl_element *start)
{
	int rc;

	if ((rc = fl_hist_add(r, start, 0, 1, start->trigger == FL_TRIGGER_NONE ? "completed" :
	    start->trigger == FL_TRIGGER_TIMER ? "fired" : "correlated")) != PT_OK ||
	    (rc = fl_leave(r, start, 0)) != PT_OK)
		return rc;
	return drain(r);
}

int
fl_fire(struct fl_run *r, const struct fl_element *e, struct fl_token *t, const char *outcome)
{
	int rc;

	if (t->element == e) {
		/* A catch event or receive task that waited for it. */
		t->gone = 1;
		if ((rc = fl_hist_end(r, t->id, 0, outcome)) != PT_OK ||
		    (rc = fl_disarm(r, t)) != PT_OK ||
		    (rc = fl_leave(r, e, t->scope)) != PT_OK)
			return rc;
	} else if (t->element->kind == FL_EVENT_GATEWAY) {
		/* The first of the gateway's events: the others are disarmed. */
		t->gone = 1;
		if ((rc = fl_hist_end(r, t->id, 0, "completed")) != PT_OK ||
		    (rc = fl_disarm(r, t)) != PT_OK)
			return rc;
		if ((rc = fl_hist_add(r, e, 0, 1, outcome)) != PT_OK)
			return rc;
		if ((rc = fl_leave(r, e, t->scope)) != PT_OK)
			return rc;
	} else if ((rc = boundary_fires(r, e, t, outcome)) != PT_OK)
		return rc;
	return drain(r);
}

int
fl_complete(struct fl_run *r, struct fl_token *t, long long user_id, const char *outcome)
{
	int rc;

	t->gone = 1;
	if ((rc = fl_hist_end(r, t->id, user_id, outcome)) != PT_OK ||
	    (rc = fl_disarm(r, t)) != PT_OK)
		return rc;
	if (t->element->kind == FL_USER_TASK && (rc = fl_task_end(r, t->id, "completed")) != PT_OK)
		return rc;
	if ((rc = fl_leave(r, t->element, t->scope)) != PT_OK)
		return rc;
	return drain(r);
}
