/*
 * The start page: what this person can do here.  The tiles come from the
 * runtime's navigation table (nav.c), so the start page offers exactly the
 * pages the navigation offers, and only pages that exist.
 *
 * An agent (tickets.work) also gets the desk's box: how many tickets are
 * theirs, unassigned (of their groups) and breaching their service level,
 * each a link to that view of the desk (/tickets/desk, the tickets
 * worker's).  Workers do not link each other's code: the box reads the
 * tickets tables with a statement of its own, whose counts are the
 * runtime's (PT_DESK_COUNT_*), so the box and the desk's tabs agree.  It
 * is the one statement more, for agents only; the page stays kept per
 * persona, the counts being holes filled for each reader.
 *
 * Everyone also sees how many tasks of the service processes wait for
 * them (PT_TASKS_WAITING: assigned to them, or offered to one of their
 * roles), linking to the task inbox (/tasks/, the tasks worker), and the
 * navigation's Tasks carries the same count: a column of the desk's
 * statement for agents; for everyone else the count the process keeps
 * for a moment (pt_tasks_waiting), so their kept start page still costs
 * no statement; a hole of the kept page like the desk's counts.
 */
#include "auth.h"

enum start_sql { SQL_DESK, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: the agent x3; PT_TASKS_WAITING's. */
	[SQL_DESK] = { "auth_start_desk",
	    "SELECT " PT_DESK_COUNT_MINE ", " PT_DESK_COUNT_UNASSIGNED ", " PT_DESK_COUNT_BREACHING ","
	    " " PT_TASKS_WAITING },
};

/* The desk's views the box counts, in the order of SQL_DESK's columns. */
static const char *const desk_views[] = { "mine", "unassigned", "breaching" };
/* The kept page's holes: the desk's counts, then the tasks waiting. */
enum { HOLE_TASKS = PT_NELEM(desk_views), NHOLES };

/* A count as the page shows it: "7", or "99+" at the cap; NULL on OOM. */
static const char *
count_text(struct pt_req *req, long long n, long long cap)
{
	return n >= cap ? pt_printf(req, "%lld+", cap - 1) : pt_printf(req, "%lld", n);
}

/*
 * The reader's counts into counts[]: an agent's desk counts, and the tasks
 * waiting for everyone (counts[HOLE_TASKS]).  PT_OK, or an error.
 */
static int
read_counts(struct pt_req *req, int agent, const char *counts[NHOLES])
{
	const struct pt_user *u = req->session.user;
	struct pt_rows rows;
	long long waiting;
	size_t i;
	int rc;

	if (!agent) {
		if ((rc = pt_tasks_waiting(req, &waiting)) != PT_OK)
			return rc;
	} else {
		if ((rc = pt_db_query(req, &sql[SQL_DESK], &rows, PT_BINDS(pt_int(u->id),
		    pt_int(u->id), pt_int(u->id), pt_int(u->id), pt_int(u->org_id),
		    pt_int(u->org_id), pt_int(u->org_id), pt_int(u->id), pt_int(u->id)))) != PT_OK)
			return rc;
		for (i = 0; i < PT_NELEM(desk_views); i++)
			if ((counts[i] = count_text(req, rows.nrows == 1 ? pt_cell_int(&rows, 0, i) :
			    0, PT_DESK_COUNT_CAP)) == NULL)
				return PT_ENOMEM;
		waiting = rows.nrows == 1 ? pt_cell_int(&rows, 0, PT_NELEM(desk_views)) : 0;
	}
	if ((counts[HOLE_TASKS] = count_text(req, waiting, PT_TASKS_COUNT_CAP)) == NULL)
		return PT_ENOMEM;
	return PT_OK;
}

/* <desk><view name href count/>...</desk> under start, each count a hole of the kept page. */
static void
desk_node(struct pt_req *req, xmlNodePtr start, const char *const *counts)
{
	xmlNodePtr desk = pt_node(start, "desk", NULL), v;
	size_t i;

	pt_attr(desk, "href", "/tickets/desk");
	for (i = 0; i < PT_NELEM(desk_views); i++) {
		v = pt_node(desk, "view", NULL);
		pt_attr(v, "name", desk_views[i]);
		pt_attr(v, "href", pt_printf(req, "/tickets/desk?view=%s", desk_views[i]));
		pt_attr(v, "count", pt_pagecache_value_at(req, i, counts[i]));
	}
}

static int
start(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *counts[NHOLES] = { NULL }, *waiting;
	int agent = pt_can(req, "tickets.work"), kept, rc;
	xmlNodePtr start, tasks;

	/* Kept per persona: name, organisation, last sign-in and the counts are holes. */
	pt_pagecache_everyone(req);
	kept = pt_pagecache_find(req, NULL, NULL);
	if ((rc = read_counts(req, agent, counts)) != PT_OK)
		return rc;
	if (kept && pt_pagecache_send_values(req, counts, NHOLES) == PT_OK)
		return 200;
	start = pt_node(req->page, "start", NULL);
	pt_attr(start, "home", u->home);
	pt_attr(start, "last-login", pt_pagecache_last_login(req));
	waiting = pt_pagecache_value_at(req, HOLE_TASKS, counts[HOLE_TASKS]);
	tasks = pt_node(start, "tasks", NULL);
	pt_attr(tasks, "href", "/tasks/");
	pt_attr(tasks, "count", waiting);
	pt_nav_count(req, "tasks", waiting);
	if (agent)
		desk_node(req, start, counts);
	if (pt_nav_tiles(req, start, "area") != PT_OK)
		return PT_ENOMEM;
	pt_pagecache_keep(req, 0);
	req->view = "start";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/", start, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "start" };

const struct pt_group auth_start_group = PT_GROUP(routes, sql, views);
