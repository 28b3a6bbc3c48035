/*
 * flowd.h — portico-flowd, the daemon that executes deployed BPMN models
 * (the schema and its contract: sql/migrations/0050-flow.sql).
 *
 * Its parts, one concern each:
 *   main.c     configuration, signals, the loop and database outages
 *   loop.c     taking commands and due jobs, each in one transaction
 *   commands.c what each command does
 *   jobs.c     what each due job does (service, timer, start-timer, task-due)
 *   engine.c   token movement per element kind
 *   waits.c    arming and disarming jobs and subscriptions
 *   vars.c     an instance's variables: load, lookup, save
 *   cache.c    parsed models by definition id
 *   tasks.c    user task rows
 *   history.c  history rows, buffered and written together
 *   calendar.c the org's business calendar for portico:businessTime
 *   sql.c      every statement it runs, in one table
 *
 * One step (a command or a job) is one transaction holding the lock of
 * every instance it moves (SELECT ... FOR UPDATE SKIP LOCKED on
 * flow_instances): several flowd processes share the work, never move
 * the same instance at once and never run a job twice.  A step that
 * meets a deadlock is rolled back and run again.
 */
#ifndef PORTICO_FLOWD_H
#define PORTICO_FLOWD_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "portico.h"
#include "model.h"
#include "expr.h"
#include "actions.h"

/* ---- models (cache.c) -------------------------------------------------- */

struct fl_def {
	long long	 id;
	const char	*key;		/* the process key */
	int		 version;
	const char	*name, *name_de;
	struct fl_model	*model;
};

int	 fl_cache_init(void);
void	 fl_cache_free(void);
/* The definition (parsed once per process).  PT_OK, PT_ENOTFOUND, PT_EINVAL (refused), PT_EDB. */
int	 fl_cache_get(struct pt_req *, long long definition_id, const struct fl_def **);
/* The newest version of key.  PT_OK, PT_ENOTFOUND, PT_EDB. */
int	 fl_cache_newest(struct pt_req *, const char *key, const struct fl_def **);

/* ---- variables (vars.c) ------------------------------------------------ */

struct fl_var {
	const char	*name;
	struct fl_value	 value;
	int		 dirty;		/* to be written */
};

struct fl_vars {
	struct fl_var	*v;
	size_t		 n, cap;
	struct pt_req	*req;
	struct fl_scope	 scope;		/* lookup over these, for expressions */
};

void	 fl_vars_init(struct fl_vars *, struct pt_req *);
int	 fl_vars_load(struct fl_vars *, long long instance_id);
/* Set name (copied into the arena); PT_EINVAL for a name that is none. */
int	 fl_vars_set(struct fl_vars *, const char *name, const struct fl_value *);
/* The variables of a command's JSON object into vars.  PT_OK or PT_EINVAL with why in err. */
int	 fl_vars_json(struct fl_vars *, const char *json, char *err, size_t size);
/* Write the changed ones. */
int	 fl_vars_save(struct fl_vars *, long long instance_id);
/* A copy of every variable of from into to, all dirty (a called instance). */
int	 fl_vars_copy(struct fl_vars *to, const struct fl_vars *from);
/* A value as the text form of flow_variables (number %.17g, ISO 8601 date). */
const char *fl_value_text(struct pt_req *, const struct fl_value *);

/* ---- the step in hand ---------------------------------------------------- */

/* A token of the instance, as loaded or made in this step. */
struct fl_token {
	long long	 id;
	const struct fl_element *element;
	long long	 scope;		/* the subProcess token holding it, 0 at the top */
	const char	*via;		/* the flow it came by, or NULL */
	int		 gone;		/* ended in this step */
	int		 fresh;		/* made in this step: nothing of it is in the tables yet but its row */
};

/* A token moving on within the step: it arrives at element, in scope, by flow via. */
struct fl_arrival {
	const struct fl_element *element;
	long long	 scope;
	const char	*via;
};

struct fl_hist_row {
	const struct fl_element *element;
	long long	 token_id;	/* 0: none */
	long long	 user_id;
	int		 ended;
	const char	*outcome;
};

/* A job or subscription armed in this step, written with it (waits.c). */
struct fl_wait {
	const char	*kind;		/* a job's kind; NULL: a subscription */
	const char	*element_id;
	const char	*message;	/* a subscription's */
	long long	 token_id, task_id;
	time_t		 due;		/* 0: now */
};

/* One instance being moved in this step. */
struct fl_run {
	struct pt_req	*req;
	struct fl_step	*step;
	struct fl_run	*parent_run;	/* the run of the callActivity that started it in this step */
	long long	 id;		/* the instance */
	const struct fl_def *def;
	const struct fl_model *model;
	const char	*business_key;
	long long	 org_id;	/* 0: none */
	long long	 parent_id, parent_token_id;
	char		 state[16];
	int		 ended;		/* reached an end (completed, terminated, failed, cancelled) */
	const char	*end_element;	/* the end event it reached */
	int		 changed;	/* its row to be written */
	int		 incidents_added;
	int		 incidents_reset;	/* its open incidents were resolved */
	int		 tokens_cleared;	/* every token row deleted at once */
	int		 draining;	/* its queue is being handled */
	struct fl_arrival *queue;
	size_t		 qhead, nqueue, capqueue;
	struct fl_vars	 vars;
	struct fl_token	*tokens;
	size_t		 ntokens, captokens;
	struct fl_hist_row *hist;
	size_t		 nhist, caphist;
	struct fl_wait	*waits;
	size_t		 nwaits, capwaits;
	int		 created;	/* its row was inserted in this step */
	long long	 user_id;	/* who started it */
};

/*
 * Instances another process had when a step of this pass wanted them:
 * later commands or jobs of the same instance wait for the next pass, so
 * that one process takes an instance's commands in their order.
 */
#define FL_BUSY_MAX 32
struct fl_busy {
	long long	 ids[FL_BUSY_MAX];
	size_t		 n;
};

/* What a whole step shares (its instances). */
struct fl_step {
	struct pt_req	*req;
	struct fl_run	*runs[16];
	size_t		 nruns;
	time_t		 now;		/* when the step began, */
	long		 now_us;	/* ... and its microseconds */
	struct fl_busy	*busy;		/* of this kind's pass, or NULL */
	long long	 job_id;	/* the job being done, 0 for a command */
	long long	 user_id;	/* who asked (a command's user), 0 for the system */
	long		 elements;	/* entered in this step: bounds a loop without a wait */
	int		 action_failed;	/* a service action failed: err says why */
	int		 permanent;	/* ... and will not do on a retry (or a parameter failed) */
	char		 err[FL_ERROR_BYTES];
};

/* ---- instances (engine.c) ------------------------------------------------ */

/*
 * Room for one more of n items of size bytes in *items (capacity *cap),
 * moved to a larger array in the arena when full.  PT_OK or PT_ENOMEM.
 */
int	 fl_grow(struct pt_req *, void *items, size_t n, size_t *cap, size_t size);

/*
 * Lock instance id with its tokens and load its model and variables.
 * PT_OK; PT_ENOTFOUND (no such instance); PT_ELIMIT (another process has
 * it now: try later); PT_EDB.
 */
int	 fl_run_open(struct fl_step *, long long id, int wait, struct fl_run **);
/*
 * Instant t (seconds, of the step's clock) as a DATETIME(6) to bind:
 * "YYYY-MM-DD hh:mm:ss.uuuuuu" with the microseconds of the step's now,
 * so that times the step computes from now keep their distance exactly.
 */
const char *fl_stamp(struct fl_step *, time_t t);
/* A new instance of def (its row written), no token yet. */
int	 fl_run_create(struct fl_step *, const struct fl_def *, const char *business_key,
	    long long org_id, long long user_id, long long parent_id, long long parent_token_id,
	    struct fl_run **);
/* Write what the step changed of every run: tokens, variables, history, instance rows. */
int	 fl_step_flush(struct fl_step *);

/* Begin at a start event (of the process, or the message or timer one that fired). */
int	 fl_start_at(struct fl_run *, const struct fl_element *start);
/* The first plain start event of the process, or NULL. */
const struct fl_element *fl_plain_start(const struct fl_model *, const struct fl_element *scope);
/* A token leaves element e (history already written): assignments, then its outgoing flows. */
int	 fl_leave(struct fl_run *, const struct fl_element *e, long long scope);
/* The waiting token id, or NULL. */
struct fl_token *fl_token_find(struct fl_run *, long long id);
/*
 * An event (timer job, message) fired at element e for waiting token t:
 * a boundary event of t's activity, a catch event or receive task t waits
 * at, or a catch event after the event-based gateway t waits at.
 * outcome: "fired" or "correlated".  *rearm: a non-interrupting cycle timer
 * fires again (the caller keeps the job).
 */
int	 fl_fire(struct fl_run *, const struct fl_element *e, struct fl_token *t,
	    const char *outcome);
/* Token t completes its activity (a user, service or send task): it moves on. */
int	 fl_complete(struct fl_run *, struct fl_token *t, long long user_id, const char *outcome);
/* End the instance as outcome state (cancelled, terminated, failed): every token, task, job. */
int	 fl_end_instance(struct fl_run *, const char *state);
/* An incident on the instance (flow_incidents row, incidents + 1). */
int	 fl_incident(struct fl_run *, long long job_id, const char *element_id, const char *message);
/* A token that waits after an incident (an exclusive gateway, a callActivity): try again. */
int	 fl_retry_token(struct fl_run *, struct fl_token *);

/* ---- history (history.c) ------------------------------------------------ */

/* A row for e entered by token token_id (0: a step with no waiting token); ended or open. */
int	 fl_hist_add(struct fl_run *, const struct fl_element *e, long long token_id, int ended,
	    const char *outcome);
/* End the open row of a token (in this step's buffer or the table). */
int	 fl_hist_end(struct fl_run *, long long token_id, long long user_id, const char *outcome);
/* End every open row of the instance. */
int	 fl_hist_end_all(struct fl_run *, const char *outcome);
int	 fl_hist_flush(struct fl_run *);

/* ---- user tasks (tasks.c) ------------------------------------------------ */

int	 fl_task_create(struct fl_run *, const struct fl_element *e, long long token_id);
/* The task of token (open or completing) ends as state (completed, cancelled). */
int	 fl_task_end(struct fl_run *, long long token_id, const char *state);
/* Every open task of the instance cancelled. */
int	 fl_task_end_all(struct fl_run *);

/* ---- jobs and subscriptions (waits.c) ------------------------------------ */

/* Arm the boundary events of an activity token (timers, messages). */
int	 fl_arm_boundaries(struct fl_run *, const struct fl_element *activity, long long token_id);
/* A timer job for element e and token (0: none); task_id for a task-due. */
int	 fl_arm_timer(struct fl_run *, const struct fl_element *e, long long token_id);
int	 fl_arm_job(struct fl_run *, const char *kind, const char *element_id, long long token_id,
	    long long task_id, time_t due);
/* Due now (a service job). */
int	 fl_arm_service(struct fl_run *, const struct fl_element *e, long long token_id);
int	 fl_arm_message(struct fl_run *, const struct fl_element *e, long long token_id);
/* Delete the jobs and subscriptions of the whole instance. */
int	 fl_disarm_all(struct fl_run *);
/* Write the jobs and subscriptions armed in this step. */
int	 fl_waits_flush(struct fl_run *);
/* Delete the jobs and subscriptions of token t (those its element may have). */
int	 fl_disarm(struct fl_run *, const struct fl_token *t);
/* When timer tm of run (armed at, fired times) is next due, business time applied. */
int	 fl_timer_next(struct pt_req *, long long org_id, const struct fl_timer *tm, time_t armed,
	    long fired, time_t *due);
/* The deployed definition: arm its start timers and message starts, disarm the older versions'. */
int	 fl_arm_definition(struct fl_step *, const struct fl_def *);

/* ---- business calendars (calendar.c) ------------------------------------ */

/*
 * from + n times the duration d in business time of org's calendar (none:
 * plain time).  A business day is the calendar's working day (its weekly
 * hours over the weekdays that have hours: 8 hours for 9 to 17), a week
 * as many business days as the calendar's week has; hours, minutes and
 * seconds are business time as they are.  So P1D from Monday 11:00 is
 * Tuesday 11:00, from Saturday the end of Monday.  PT_EINVAL for a
 * duration with years or months (they have no business length).
 */
int	 fl_business_add(struct pt_req *, long long org_id, time_t from,
	    const struct fl_duration *d, long n, time_t *due);
/* The provider's org id (kept). */
int	 fl_provider_org(struct pt_req *, long long *org_id);

/* ---- commands and jobs (commands.c, jobs.c, loop.c) ---------------------- */

int	 fl_sql_init(void);
/*
 * Take one pending command and do it.  1 when one was done (or failed),
 * 0 when none is waiting, PT_EDB when the database is away.
 */
int	 fl_loop_command(struct pt_req *);
/* Take one due job and do it; as fl_loop_command. */
int	 fl_loop_job(struct pt_req *);
/*
 * Idle: milliseconds to sleep before there is work (at most cap; 0 when a
 * command is pending or a job is due), in one round trip.
 */
long	 fl_loop_idle_ms(struct pt_req *, long cap);

struct fl_command {
	long long	 id;
	const char	*kind;
	const char	*process_key, *message, *business_key;
	long long	 org_id, definition_id, instance_id, task_id, incident_id, user_id;
	const char	*variables;
};
/*
 * Do a command in the open transaction.  PT_OK done; PT_EINVAL refused
 * (why in step->err: the command is marked failed); PT_ELIMIT an
 * instance it needs is busy (try later); PT_EDB.
 */
int	 fl_command_do(struct fl_step *, const struct fl_command *);

struct fl_job {
	long long	 id;
	const char	*kind;
	long long	 definition_id, instance_id, token_id, task_id;
	const char	*element_id;
	time_t		 armed_at;
	long		 fired;
	int		 retries;
};
/* As fl_command_do; PT_EINVAL and failures of actions: see jobs.c. */
int	 fl_job_do(struct fl_step *, const struct fl_job *);
/* A service job failed (after the rollback): count down its retries or open an incident. */
int	 fl_job_failed(struct fl_step *, const struct fl_job *, int permanent, const char *why);

/* Statement helpers shared by the parts. */
extern const struct pt_sql fl_sql[];
enum fl_sql_id {
	FS_INSTANCE_LOCK,
	FS_INSTANCE_LOCK_WAIT,
	FS_INSTANCE_EXISTS,
	FS_INSTANCE_INSERT,
	FS_INSTANCE_UPDATE,
	FS_INSTANCE_INCIDENT,
	FS_INSTANCE_CHILDREN,
	FS_TOKEN_INSERT,
	FS_TOKEN_DELETE,
	FS_TOKEN_DELETE_ALL,
	FS_VARS_LOAD,
	FS_VARS_SAVE,
	FS_HIST_INSERT,
	FS_HIST_END,
	FS_HIST_END_ALL,
	FS_TASK_INSERT,
	FS_TASK_CANDIDATES,
	FS_TASK_END,
	FS_TASK_END_CANDIDATES,
	FS_TASK_END_ALL,
	FS_TASK_END_ALL_CANDIDATES,
	FS_TASK_ASSIGNEE,
	FS_TASK_OF,
	FS_TASK_REOPEN,
	FS_JOB_INSERT,
	FS_JOB_DELETE_TOKEN,
	FS_JOB_DELETE_INSTANCE,
	FS_JOB_DELETE,
	FS_JOB_REARM,
	FS_JOB_FAILED,
	FS_JOB_SUSPEND,
	FS_JOB_RETRY,
	FS_JOB_TAKE,
	FS_SUB_INSERT,
	FS_SUB_DELETE_TOKEN,
	FS_SUB_DELETE_INSTANCE,
	FS_SUB_FIND,
	FS_SUB_START,
	FS_START_DISARM_JOBS,
	FS_START_DISARM_SUBS,
	FS_INCIDENT_INSERT,
	FS_INCIDENT_OF,
	FS_INCIDENT_RESOLVE,
	FS_INCIDENTS_CANCEL,
	FS_IDLE_PEEK,
	FS_CMD_TAKE,
	FS_CMD_DELETE,
	FS_CMD_FAIL,
	FS_DEF_LOAD,
	FS_DEF_NEWEST,
	FS_PROVIDER_ORG,
	FS_ORG_CALENDAR,
	FS__MAX
};

#endif
