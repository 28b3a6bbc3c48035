/*
 * How many user tasks wait for the signed-in reader (PT_TASKS_WAITING),
 * for the start page and the navigation of the auth worker.  A kept start
 * page costs no statement at all; counting costs one, which took about a
 * third of the kept page's throughput.  So each process keeps the count of
 * the readers it served lately for PT_TASKS_COUNT_KEEP_MS, and forgets all
 * of them at once when the host's counter "tasks-generation" (a file of
 * [paths] cache every process maps) moves: the tasks worker raises it after
 * each claim, release or completion (pt_tasks_changed), so a reader's own
 * change shows on their next start page.  A task flowd creates, or a
 * change on another host, shows within PT_TASKS_COUNT_KEEP_MS.  The inbox
 * itself always counts afresh.
 *
 * The table is small and of fixed size (a reader's slot is their id modulo
 * its size; a newcomer takes an older reader's slot), so it never grows.
 */
#include <stdint.h>

#include "portico.h"
#include "extern.h"

enum task_count_sql { SQL_WAITING, SQL__MAX };

const struct pt_sql pt_task_count_sql[SQL__MAX] = {
	/* Binds: PT_TASKS_WAITING's (user, org, org, org, user, user). */
	[SQL_WAITING] = { "pt_tasks_waiting", "SELECT " PT_TASKS_WAITING },
};
const size_t pt_task_count_nsql = SQL__MAX;

#define SLOTS 512

static struct slot {
	int64_t		 user_id;	/* 0: empty */
	int64_t		 org_id;
	long long	 count;
	long long	 at_ms;		/* when it was counted (pt_clock_ms) */
	uint64_t	 generation;	/* the host's counter then */
} slots[SLOTS];

static uint64_t *host;	/* the host's counter, mapped once; NULL: none, keep nothing */
static int host_tried;

static uint64_t *
host_counter(void)
{
	if (!host_tried) {
		host_tried = 1;
		host = pt_shared_counter("tasks-generation");
	}
	return host;
}

void
pt_tasks_changed(void)
{
	uint64_t *g = host_counter();

	if (g != NULL)
		__atomic_add_fetch(g, 1, __ATOMIC_SEQ_CST);
}

int
pt_tasks_waiting(struct pt_req *req, long long *count)
{
	const struct pt_user *u = req->session.user;
	struct slot *s;
	struct pt_rows rows;
	uint64_t *g = host_counter(), gen;
	long long now = pt_clock_ms();
	int rc;

	*count = 0;
	if (u == NULL)
		return PT_OK;
	gen = g != NULL ? __atomic_load_n(g, __ATOMIC_SEQ_CST) : 0;
	s = &slots[(uint64_t)u->id % SLOTS];
	if (g != NULL && s->user_id == u->id && s->org_id == u->org_id && s->generation == gen &&
	    now - s->at_ms < PT_TASKS_COUNT_KEEP_MS) {
		*count = s->count;
		return PT_OK;
	}
	if ((rc = pt_db_query(req, &pt_task_count_sql[SQL_WAITING], &rows, PT_BINDS(pt_int(u->id),
	    pt_int(u->org_id), pt_int(u->org_id), pt_int(u->org_id), pt_int(u->id),
	    pt_int(u->id)))) != PT_OK)
		return rc;
	*count = rows.nrows == 1 ? pt_cell_int(&rows, 0, 0) : 0;
	s->user_id = u->id;
	s->org_id = u->org_id;
	s->count = *count;
	s->at_ms = now;
	s->generation = gen;
	return PT_OK;
}
