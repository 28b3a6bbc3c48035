/*
 * What a token waits for outside itself: jobs (flow_jobs: service tasks
 * due at once, timers, start timers, task reminders) and subscriptions
 * (flow_subscriptions: messages on a business key).  Armed when a token
 * comes to wait, disarmed with it.
 */
#include <stdio.h>
#include <string.h>

#include "flowd.h"

static struct pt_bind
id_or_null(long long id)
{
	return id > 0 ? pt_int(id) : pt_str(NULL);
}

int
fl_timer_next(struct pt_req *req, long long org_id, const struct fl_timer *tm, time_t armed,
    long fired, time_t *due)
{
	int rc;

	if (!tm->business_time || tm->kind == FL_TIMER_DATE || fl_duration_seconds(&tm->every) < 0)
		return fl_timer_due(tm, armed, fired, due);
	/* Business time: the periods count business days and hours of the org's calendar. */
	if ((rc = fl_timer_due(tm, armed, fired, due)) != PT_OK)
		return rc;
	if (tm->kind == FL_TIMER_CYCLE && tm->has_start)
		return fl_business_add(req, org_id, tm->at, &tm->every, fired, due);
	return fl_business_add(req, org_id, armed, &tm->every,
	    tm->kind == FL_TIMER_CYCLE ? fired + 1 : 1, due);
}

static int
wait_add(struct fl_run *r, const char *kind, const char *element_id, const char *message,
    long long token_id, long long task_id, time_t due)
{
	struct fl_wait *w;

	if (fl_grow(r->req, &r->waits, r->nwaits, &r->capwaits, sizeof(*w)) != PT_OK)
		return PT_ENOMEM;
	w = &r->waits[r->nwaits++];
	w->kind = kind;
	w->element_id = element_id;
	w->message = message;
	w->token_id = token_id;
	w->task_id = task_id;
	w->due = due;
	return PT_OK;
}

int
fl_arm_job(struct fl_run *r, const char *kind, const char *element_id, long long token_id,
    long long task_id, time_t due)
{
	return wait_add(r, kind, element_id, NULL, token_id, task_id, due);
}

#define JOB_BINDS	9
#define SUB_BINDS	6

int
fl_waits_flush(struct fl_run *r)
{
	struct pt_bind *jb, *sb;
	const char *armed = fl_stamp(r->step, r->step->now);
	size_t i, nj = 0, ns = 0;
	int suspended = strcmp(r->state, "suspended") == 0, rc;

	if (r->nwaits == 0)
		return PT_OK;
	if ((jb = pt_alloc(r->req, r->nwaits * JOB_BINDS * sizeof(*jb))) == NULL ||
	    (sb = pt_alloc(r->req, r->nwaits * SUB_BINDS * sizeof(*sb))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < r->nwaits; i++) {
		const struct fl_wait *w = &r->waits[i];

		if (w->kind == NULL) {
			struct pt_bind *b = sb + ns++ * SUB_BINDS;

			b[0] = pt_str(w->message);
			b[1] = pt_str(r->business_key);
			b[2] = pt_int(r->def->id);
			b[3] = pt_int(r->id);
			b[4] = pt_int(w->token_id);
			b[5] = pt_str(w->element_id);
		} else {
			struct pt_bind *b = jb + nj++ * JOB_BINDS;

			b[0] = pt_str(w->kind);
			b[1] = pt_int(r->def->id);
			b[2] = pt_int(r->id);
			b[3] = id_or_null(w->token_id);
			b[4] = id_or_null(w->task_id);
			b[5] = pt_str(w->element_id);
			b[6] = pt_str(w->due > 0 ? fl_stamp(r->step, w->due) : NULL);
			b[7] = pt_str(armed);
			b[8] = pt_int(suspended);
		}
	}
	r->nwaits = 0;
	if (nj > 0 && (rc = pt_db_exec_rows(r->req, &fl_sql[FS_JOB_INSERT], jb, JOB_BINDS, nj,
	    NULL)) != PT_OK)
		return rc;
	if (ns > 0 && (rc = pt_db_exec_rows(r->req, &fl_sql[FS_SUB_INSERT], sb, SUB_BINDS, ns,
	    NULL)) != PT_OK)
		return rc;
	return PT_OK;
}

/* Forget what this step armed for token (0: for every token). */
static void
waits_drop(struct fl_run *r, long long token_id)
{
	size_t i, j;

	for (i = j = 0; i < r->nwaits; i++)
		if (token_id != 0 && r->waits[i].token_id != token_id)
			r->waits[j++] = r->waits[i];
	r->nwaits = j;
}

int
fl_arm_timer(struct fl_run *r, const struct fl_element *e, long long token_id)
{
	time_t due;
	int rc;

	if ((rc = fl_timer_next(r->req, r->org_id, e->timer, r->vars.scope.now, 0, &due)) ==
	    PT_ENOTFOUND)
		return PT_OK;	/* a date in the past that fired, a cycle of nothing: never */
	if (rc != PT_OK)
		return rc;
	return fl_arm_job(r, "timer", e->id, token_id, 0, due);
}

int
fl_arm_service(struct fl_run *r, const struct fl_element *e, long long token_id)
{
	return fl_arm_job(r, "service", e->id, token_id, 0, 0);
}

int
fl_arm_message(struct fl_run *r, const struct fl_element *e, long long token_id)
{
	return wait_add(r, NULL, e->id, e->message, token_id, 0, 0);
}

int
fl_arm_boundaries(struct fl_run *r, const struct fl_element *a, long long token_id)
{
	size_t i;
	int rc;

	for (i = 0; i < a->nboundaries; i++) {
		const struct fl_element *b = a->boundaries[i];

		if (b->trigger == FL_TRIGGER_TIMER)
			rc = fl_arm_timer(r, b, token_id);
		else if (b->trigger == FL_TRIGGER_MESSAGE)
			rc = fl_arm_message(r, b, token_id);
		else
			continue;
		if (rc != PT_OK)
			return rc;
	}
	return PT_OK;
}

int
fl_disarm_all(struct fl_run *r)
{
	int rc;

	waits_drop(r, 0);
	if ((rc = pt_db_exec(r->req, &fl_sql[FS_JOB_DELETE_INSTANCE], PT_BINDS(pt_int(r->id)),
	    NULL)) != PT_OK)
		return rc;
	return pt_db_exec(r->req, &fl_sql[FS_SUB_DELETE_INSTANCE], PT_BINDS(pt_int(r->id)), NULL);
}

/* Which waits element e's token may have: jobs (1), subscriptions (2). */
static int
waits_of(const struct fl_element *e)
{
	int w = 0;
	size_t i;

	for (i = 0; i < e->nboundaries; i++)
		w |= e->boundaries[i]->trigger == FL_TRIGGER_TIMER ? 1 :
		    e->boundaries[i]->trigger == FL_TRIGGER_MESSAGE ? 2 : 0;
	switch (e->kind) {
	case FL_SERVICE_TASK:
	case FL_SEND_TASK:
		return w | 1;
	case FL_USER_TASK:
		return w | (e->user != NULL && e->user->due != NULL ? 1 : 0);
	case FL_RECEIVE_TASK:
		return w | 2;
	case FL_CATCH_EVENT:
		return w | (e->trigger == FL_TRIGGER_TIMER ? 1 : 2);
	case FL_EVENT_GATEWAY:
		for (i = 0; i < e->noutgoing; i++)
			w |= e->outgoing[i]->target->timer != NULL ? 1 :
			    e->outgoing[i]->target->message != NULL ? 2 : 0;
		return w;
	default:
		return w;
	}
}

int
fl_disarm(struct fl_run *r, const struct fl_token *t)
{
	int w = waits_of(t->element), rc;

	waits_drop(r, t->id);
	/* A token made in this step has nothing in the tables yet. */
	if (t->fresh)
		return PT_OK;
	if ((w & 1) && (rc = pt_db_exec(r->req, &fl_sql[FS_JOB_DELETE_TOKEN], PT_BINDS(pt_int(r->id),
	    pt_int(t->id)), NULL)) != PT_OK)
		return rc;
	if ((w & 2) && (rc = pt_db_exec(r->req, &fl_sql[FS_SUB_DELETE_TOKEN], PT_BINDS(pt_int(r->id),
	    pt_int(t->id)), NULL)) != PT_OK)
		return rc;
	return PT_OK;
}

int
fl_arm_definition(struct fl_step *step, const struct fl_def *d)
{
	struct pt_req *req = step->req;
	time_t now = step->now, due;
	size_t i;
	int rc;

	if ((rc = pt_db_exec(req, &fl_sql[FS_START_DISARM_JOBS], PT_BINDS(pt_str(d->key),
	    pt_int(d->id)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &fl_sql[FS_START_DISARM_SUBS], PT_BINDS(pt_str(d->key),
	    pt_int(d->id)), NULL)) != PT_OK)
		return rc;
	for (i = 0; i < d->model->nstarts; i++) {
		const struct fl_element *s = d->model->starts[i];

		if (s->scope != NULL)
			continue;
		if (s->trigger == FL_TRIGGER_TIMER) {
			if ((rc = fl_timer_next(req, 0, s->timer, now, 0, &due)) == PT_ENOTFOUND)
				continue;
			if (rc != PT_OK || (rc = pt_db_exec(req, &fl_sql[FS_JOB_INSERT],
			    PT_BINDS(pt_str("start-timer"), pt_int(d->id), pt_str(NULL), pt_str(NULL),
			    pt_str(NULL), pt_str(s->id), pt_str(fl_stamp(step, due)),
			    pt_str(fl_stamp(step, now)), pt_int(0)), NULL)) != PT_OK)
				return rc;
		} else if (s->trigger == FL_TRIGGER_MESSAGE) {
			if ((rc = pt_db_exec(req, &fl_sql[FS_SUB_INSERT], PT_BINDS(pt_str(s->message),
			    pt_str(""), pt_int(d->id), pt_str(NULL), pt_str(NULL), pt_str(s->id)),
			    NULL)) != PT_OK)
				return rc;
		}
	}
	return PT_OK;
}
