/*
 * Taking work: the next pending command (in id order) or the next due
 * job, each locked with FOR UPDATE SKIP LOCKED and done in one
 * transaction with all it causes.  The instance a step moves is locked
 * the same way; when another process has it, the step is rolled back and
 * that command or job is passed over for now (the next look starts from
 * the beginning again).  A deadlock or lock wait timeout rolls the step
 * back and runs it again; a lost connection is the caller's outage.
 */
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flowd.h"

#define ATTEMPTS	5	/* runs of a step that meets deadlocks */
#define SKIPPED_JOBS	4

/* Commands after this id are looked at first: those before were busy. */
static long long cmd_after;
static struct fl_busy cmd_busy, job_busy;
static long long skipped_jobs[SKIPPED_JOBS];
static size_t nskipped;

enum db_failure { DB_RETRY, DB_LOST, DB_REFUSED };

/* What the last PT_EDB was. */
static enum db_failure
db_failure(void)
{
	if (pt_db_errno() == ER_LOCK_DEADLOCK || pt_db_errno() == ER_LOCK_WAIT_TIMEOUT)
		return DB_RETRY;
	if (pt_db_lost())
		return DB_LOST;
	return pt_db_ping() == PT_OK ? DB_REFUSED : DB_LOST;
}

static void
step_init(struct fl_step *s, struct pt_req *req)
{
	struct timespec ts;

	memset(s, 0, sizeof(*s));
	s->req = req;
	clock_gettime(CLOCK_REALTIME, &ts);
	s->now = ts.tv_sec;
	s->now_us = ts.tv_nsec / 1000;
}

/* ---- commands ------------------------------------------------------------- */

static int
take_command(struct pt_req *req, void *item)
{
	struct fl_command *c = item;
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, &fl_sql[FS_CMD_TAKE], &rows, PT_BINDS(pt_int(cmd_after)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_ENOTFOUND;
	memset(c, 0, sizeof(*c));
	c->id = pt_cell_int(&rows, 0, 0);
	c->kind = pt_cell(&rows, 0, 1);
	c->process_key = pt_cell(&rows, 0, 2);
	c->message = pt_cell(&rows, 0, 3);
	c->business_key = pt_cell(&rows, 0, 4) != NULL ? pt_cell(&rows, 0, 4) : "";
	c->org_id = pt_cell_int(&rows, 0, 5);
	c->definition_id = pt_cell_int(&rows, 0, 6);
	c->instance_id = pt_cell_int(&rows, 0, 7);
	c->task_id = pt_cell_int(&rows, 0, 8);
	c->incident_id = pt_cell_int(&rows, 0, 9);
	c->variables = pt_cell(&rows, 0, 10);
	c->user_id = pt_cell_int(&rows, 0, 11);
	return PT_OK;
}

/* Mark command id failed with why, in a transaction of its own. */
static int
command_failed(struct pt_req *req, const struct fl_command *c, const char *why)
{
	int rc;

	pt_log(req, PT_LOG_WARN, "command %lld (%s) failed: %s", c->id, c->kind, why);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	/* A completion flowd cannot take leaves the task open for its people. */
	if (strcmp(c->kind, "complete") == 0 && (rc = pt_db_exec(req, &fl_sql[FS_TASK_REOPEN],
	    PT_BINDS(pt_int(c->task_id)), NULL)) != PT_OK)
		goto fail;
	if ((rc = pt_db_exec(req, &fl_sql[FS_CMD_FAIL], PT_BINDS(pt_str(why), pt_int(c->id)),
	    NULL)) != PT_OK)
		goto fail;
	return pt_db_commit(req);
fail:
	pt_db_rollback(req);
	return rc;
}

/* A command: done, its effects written, deleted. */
static int
run_command(struct fl_step *s, void *item)
{
	const struct fl_command *c = item;
	int rc;

	if ((rc = fl_command_do(s, c)) != PT_OK || (rc = fl_step_flush(s)) != PT_OK)
		return rc;
	return pt_db_exec(s->req, &fl_sql[FS_CMD_DELETE], PT_BINDS(pt_int(c->id)), NULL);
}

static void
busy_command(void *item)
{
	cmd_after = ((struct fl_command *)item)->id;
}

static void
no_command(void)
{
	cmd_after = 0;	/* passed some over: from the start next time */
	cmd_busy.n = 0;
}

static int
failed_command(struct pt_req *req, void *item, struct fl_step *s)
{
	return command_failed(req, item, s->err[0] != '\0' ? s->err : "it cannot be done");
}

/* ---- jobs --------------------------------------------------------------------- */

static int
take_job(struct pt_req *req, void *item)
{
	struct fl_job *j = item;
	struct pt_rows rows;
	long long skip[SKIPPED_JOBS] = { 0 };
	size_t i;
	int rc;

	for (i = 0; i < nskipped; i++)
		skip[i] = skipped_jobs[i];
	if ((rc = pt_db_query(req, &fl_sql[FS_JOB_TAKE], &rows, PT_BINDS(pt_int(skip[0]),
	    pt_int(skip[1]), pt_int(skip[2]), pt_int(skip[3])))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_ENOTFOUND;
	memset(j, 0, sizeof(*j));
	j->id = pt_cell_int(&rows, 0, 0);
	j->kind = pt_cell(&rows, 0, 1);
	j->definition_id = pt_cell_int(&rows, 0, 2);
	j->instance_id = pt_cell_int(&rows, 0, 3);
	j->token_id = pt_cell_int(&rows, 0, 4);
	j->task_id = pt_cell_int(&rows, 0, 5);
	j->element_id = pt_cell(&rows, 0, 6);
	j->armed_at = (time_t)pt_cell_int(&rows, 0, 7);
	j->fired = (long)pt_cell_int(&rows, 0, 8);
	j->retries = (int)pt_cell_int(&rows, 0, 9);
	return PT_OK;
}

/* The job failed: count its tries down or open an incident, in a transaction of its own. */
static int
job_failed(struct pt_req *req, void *item, struct fl_step *s)
{
	const struct fl_job *j = item;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = fl_job_failed(s, j, s->permanent || !s->action_failed,
	    s->err[0] != '\0' ? s->err : "it failed")) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return pt_db_commit(req);
}

static int
run_job(struct fl_step *s, void *item)
{
	int rc;

	if ((rc = fl_job_do(s, item)) != PT_OK)
		return rc;
	return fl_step_flush(s);
}

static void
busy_job(void *item)
{
	if (nskipped < SKIPPED_JOBS)
		skipped_jobs[nskipped++] = ((struct fl_job *)item)->id;
}

static void
no_job(void)
{
	nskipped = 0;
	job_busy.n = 0;
}

/* ---- one step of either kind ------------------------------------------------- */

struct kind {
	struct fl_busy *instances;	/* busy in this pass */
	int	(*take)(struct pt_req *, void *item);	/* locked; PT_ENOTFOUND: none */
	int	(*run)(struct fl_step *, void *item);	/* everything but the commit */
	void	(*busy)(void *item);			/* its instance is another's now */
	void	(*none)(void);				/* nothing to take */
	int	(*failed)(struct pt_req *, void *item, struct fl_step *);
};

static int
one_step(struct pt_req *req, const struct kind *k, void *item)
{
	struct fl_step s;
	int attempt, rc;

	for (attempt = 0; attempt < ATTEMPTS; attempt++) {
		step_init(&s, req);
		s.busy = k->instances;
		if ((rc = pt_db_begin(req)) != PT_OK)
			return PT_EDB;
		if ((rc = k->take(req, item)) != PT_OK) {
			pt_db_rollback(req);
			if (rc == PT_ENOTFOUND) {
				k->none();
				return 0;
			}
			if (rc == PT_EDB && db_failure() == DB_RETRY)
				continue;
			return PT_EDB;
		}
		if ((rc = k->run(&s, item)) == PT_OK && (rc = pt_db_commit(req)) == PT_OK)
			return 1;
		pt_db_rollback(req);
		if (rc == PT_ELIMIT) {
			k->busy(item);
			return 1;
		}
		if (rc == PT_ENOMEM) {
			pt_log(req, PT_LOG_ERROR, "out of memory");
			return PT_EDB;
		}
		if (rc == PT_EDB) {
			switch (db_failure()) {
			case DB_RETRY:
				continue;
			case DB_LOST:
				return PT_EDB;
			case DB_REFUSED:
				if (s.err[0] == '\0')
					snprintf(s.err, sizeof(s.err), "the database refused it (error %u)",
					    pt_db_errno());
				s.action_failed = 1;
				break;
			}
		}
		/* Refused, or failed for good: said so in a transaction of its own. */
		return k->failed(req, item, &s) == PT_OK ? 1 : PT_EDB;
	}
	/* Deadlocked every time: pass it over for now. */
	k->busy(item);
	return 1;
}

int
fl_loop_command(struct pt_req *req)
{
	static const struct kind commands = { &cmd_busy, take_command, run_command, busy_command,
	    no_command, failed_command };
	struct fl_command c;

	memset(&c, 0, sizeof(c));
	return one_step(req, &commands, &c);
}

int
fl_loop_job(struct pt_req *req)
{
	static const struct kind jobs = { &job_busy, take_job, run_job, busy_job, no_job, job_failed };
	struct fl_job j;

	memset(&j, 0, sizeof(j));
	return one_step(req, &jobs, &j);
}

long
fl_loop_idle_ms(struct pt_req *req, long cap)
{
	struct pt_rows rows;
	long long us;

	/* A failure is for the steps to find out (and wait out). */
	if (pt_db_query(req, &fl_sql[FS_IDLE_PEEK], &rows, PT_NOBINDS) != PT_OK || rows.nrows == 0)
		return 0;
	if (pt_cell_int(&rows, 0, 0) != 0)
		return 0;
	if (pt_cell(&rows, 0, 1) == NULL)
		return cap;
	us = pt_cell_int(&rows, 0, 1);
	if (us <= 0)
		return 0;
	return us / 1000 < cap ? (long)(us / 1000) + 1 : cap;
}
