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

static struct pt_bind
time_bind(struct pt_req *req, time_t t, char buf[20])
{
	(void)req;
	pt_utc_format(t, buf);
	return pt_str(buf);
}

int
fl_timer_next(struct pt_req *req, long long org_id, const struct fl_timer *tm, time_t armed,
    long fired, time_t *due)
{
	long long secs;
	int rc;

	if (!tm->business_time || tm->kind == FL_TIMER_DATE ||
	    (secs = fl_duration_seconds(&tm->every)) < 0)
		return fl_timer_due(tm, armed, fired, due);
	/* Business time: the periods count business seconds of the org's calendar. */
	if ((rc = fl_timer_due(tm, armed, fired, due)) != PT_OK)
		return rc;
	if (tm->kind == FL_TIMER_CYCLE && tm->has_start)
		return fl_business_add(req, org_id, tm->at, secs * fired, due);
	return fl_business_add(req, org_id, armed, secs * (tm->kind == FL_TIMER_CYCLE ? fired + 1 : 1),
	    due);
}

int
fl_arm_job(struct fl_run *r, const char *kind, const char *element_id, long long token_id,
    long long task_id, time_t due)
{
	char dbuf[20], abuf[20];

	return pt_db_exec(r->req, &fl_sql[FS_JOB_INSERT], PT_BINDS(pt_str(kind), pt_int(r->def->id),
	    pt_int(r->id), id_or_null(token_id), id_or_null(task_id), pt_str(element_id),
	    due > 0 ? time_bind(r->req, due, dbuf) : pt_str(NULL),
	    time_bind(r->req, r->vars.scope.now, abuf), pt_int(0),
	    pt_int(strcmp(r->state, "suspended") == 0)), NULL);
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
	return pt_db_exec(r->req, &fl_sql[FS_SUB_INSERT], PT_BINDS(pt_str(e->message),
	    pt_str(r->business_key), pt_int(r->def->id), pt_int(r->id), pt_int(token_id),
	    pt_str(e->id)), NULL);
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

	if ((w & 1) && (rc = pt_db_exec(r->req, &fl_sql[FS_JOB_DELETE_TOKEN], PT_BINDS(pt_int(r->id),
	    pt_int(t->id)), NULL)) != PT_OK)
		return rc;
	if ((w & 2) && (rc = pt_db_exec(r->req, &fl_sql[FS_SUB_DELETE_TOKEN], PT_BINDS(pt_int(r->id),
	    pt_int(t->id)), NULL)) != PT_OK)
		return rc;
	return PT_OK;
}

int
fl_arm_definition(struct pt_req *req, const struct fl_def *d)
{
	time_t now = time(NULL), due;
	char dbuf[20], abuf[20];
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
			    pt_str(NULL), pt_str(s->id), time_bind(req, due, dbuf),
			    time_bind(req, now, abuf), pt_int(0), pt_int(0)), NULL)) != PT_OK)
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
