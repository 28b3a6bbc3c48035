/*
 * The task inbox (GET /tasks/): the user tasks of the BPMN engine that wait
 * for the reader, whoever they are (every signed-in person has one): those
 * of their organisation assigned to them (open, or completing while flowd
 * takes the completion) and those offered to one of their roles there that
 * nobody has claimed (flow_task_candidates).  ?show=mine, offered or all
 * (the default) picks one tab; each tab says how many it holds (counted
 * up to COUNT_CAP).  Most urgent first: by due time, those without one
 * last; PAGE_SIZE a page.  A page walks the organisation's open tasks in
 * that order and stops after its rows, each offered one found with a probe
 * of its candidates (PT_TASKS_OFFERED): for an approver offered 10 000
 * tasks a page reads about 25 of them and costs a millisecond, where
 * joining all the candidates and sorting them took 0.3 s.  A reader
 * offered nothing walks nothing (their own tasks come from their index);
 * a reader offered few of many open tasks walks them all, some 10 ms a
 * thousand, and then has the page kept.
 *
 * The page is kept per reader (kept.c): a kept inbox costs one statement,
 * a built one three (the stamp, the counts, the list; two when the tab
 * counts nothing).
 */
#include <string.h>

#include "tasks.h"

#define PAGE_SIZE	25
#define COUNT_CAP	100
#define COUNT_LIMIT	"101"	/* COUNT_CAP + 1 in SQL */

#define LIST_COLUMNS \
	"SELECT t.id, t.name, t.name_de, t.process_name, t.process_name_de, t.business_key," \
	" t.state, t.assignee_id IS NOT NULL, " TS_ISO("t.due_at") ", " TS_ISO("t.created_at") \
	" FROM flow_tasks t"
/* The reader's own.  Binds: reader, org.  The index flow_tasks_inbox_mine. */
#define MINE		" t.assignee_id = ? AND t.org_id = ? AND t.inbox_due IS NOT NULL"
#define ORDER		" ORDER BY t.inbox_due, t.id"

enum inbox_sql { SQL_LIST_ALL, SQL_LIST_MINE, SQL_LIST_OFFERED, SQL_COUNTS, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Binds: org, reader, PT_TASKS_OFFERED's, limit, offset.  The
	 * organisation's tasks in an inbox (index flow_tasks_inbox), read in
	 * its order up to the page's end.
	 */
	[SQL_LIST_ALL] = { "ts_inbox_all",
	    LIST_COLUMNS " WHERE t.org_id = ? AND t.inbox_due IS NOT NULL"
	    " AND (t.assignee_id = ? OR (" PT_TASKS_OFFERED "))" ORDER " LIMIT ? OFFSET ?" },
	/* Binds: MINE's, limit, offset. */
	[SQL_LIST_MINE] = { "ts_inbox_mine",
	    LIST_COLUMNS " WHERE" MINE ORDER " LIMIT ? OFFSET ?" },
	/* Binds: PT_TASKS_OFFERED's, limit, offset. */
	[SQL_LIST_OFFERED] = { "ts_inbox_offered",
	    LIST_COLUMNS " WHERE" PT_TASKS_OFFERED ORDER " LIMIT ? OFFSET ?" },
	/* Binds: MINE's, PT_TASKS_OFFERED's. */
	[SQL_COUNTS] = { "ts_inbox_counts",
	    "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM flow_tasks t WHERE" MINE
	    " LIMIT " COUNT_LIMIT ") m),"
	    " (SELECT COUNT(*) FROM (SELECT 1 FROM flow_tasks t WHERE" PT_TASKS_OFFERED
	    " LIMIT " COUNT_LIMIT ") o)" },
};

enum { L_ID, L_NAME, L_NAME_DE, L_PROCESS, L_PROCESS_DE, L_KEY, L_STATE, L_ASSIGNED, L_DUE,
	L_CREATED };

/* The tabs, in the order they are shown. */
enum show { SHOW_ALL, SHOW_MINE, SHOW_OFFERED, SHOW__MAX };
static const char *const shows[SHOW__MAX] = { "all", "mine", "offered" };

static enum show
read_show(struct pt_req *req)
{
	const char *v = pt_query(req, "show");
	size_t i;

	for (i = 0; v != NULL && i < SHOW__MAX; i++)
		if (strcmp(v, shows[i]) == 0)
			return (enum show)i;
	return SHOW_ALL;
}

/* PT_TASKS_OFFERED's binds into b (4). */
static size_t
bind_offered(const struct pt_user *u, struct pt_bind *b)
{
	b[0] = pt_int(u->org_id);
	b[1] = pt_int(u->org_id);
	b[2] = pt_int(u->id);
	b[3] = pt_int(u->id);
	return 4;
}

/*
 * The page of the tab's list into rows: all of both when the reader has
 * some of each, else the one part that has any (none: no statement).
 */
static int
list(struct pt_req *req, enum show show, long long mine, long long offered, long long page,
    struct pt_rows *rows)
{
	const struct pt_user *u = req->session.user;
	enum inbox_sql which;
	struct pt_bind b[8];
	size_t n = 0;

	if (show == SHOW_ALL)
		show = offered == 0 ? SHOW_MINE : mine == 0 ? SHOW_OFFERED : SHOW_ALL;
	if ((show == SHOW_MINE && mine == 0) || (show == SHOW_OFFERED && offered == 0)) {
		memset(rows, 0, sizeof(*rows));
		return PT_OK;
	}
	switch (show) {
	case SHOW_MINE:
		which = SQL_LIST_MINE;
		b[n++] = pt_int(u->id);
		b[n++] = pt_int(u->org_id);
		break;
	case SHOW_OFFERED:
		which = SQL_LIST_OFFERED;
		n = bind_offered(u, b);
		break;
	default:
		which = SQL_LIST_ALL;
		b[n++] = pt_int(u->org_id);
		b[n++] = pt_int(u->id);
		n += bind_offered(u, b + n);
		break;
	}
	b[n++] = pt_int(PAGE_SIZE);
	b[n++] = pt_int((page - 1) * PAGE_SIZE);
	return pt_db_query(req, &sql[which], rows, b, n);
}

/* A count as the tabs show it: "7", or "999+" at the cap. */
static const char *
count_text(struct pt_req *req, long long n)
{
	return n > COUNT_CAP ? pt_printf(req, "%d+", COUNT_CAP) : pt_printf(req, "%lld", n);
}

static void
task_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows, size_t r)
{
	xmlNodePtr t = pt_node(parent, "task", NULL);

	pt_attr(t, "id", pt_cell(rows, r, L_ID));
	pt_attr(t, "href", ts_task_href(req, pt_cell(rows, r, L_ID)));
	pt_attr(t, "state", pt_cell(rows, r, L_STATE));
	pt_attr(t, "held", strcmp(pt_cell(rows, r, L_ASSIGNED), "1") == 0 ? "mine" : "offered");
	pt_attr(t, "created", pt_cell(rows, r, L_CREATED));
	ts_due(req, t, pt_cell(rows, r, L_DUE));
	pt_node(t, "name", ts_in_lang(req, pt_cell(rows, r, L_NAME), pt_cell(rows, r, L_NAME_DE)));
	pt_node(t, "process", ts_in_lang(req, pt_cell(rows, r, L_PROCESS),
	    pt_cell(rows, r, L_PROCESS_DE)));
	pt_node(t, "key", pt_cell(rows, r, L_KEY));
}

/* GET /tasks/ */
static int
inbox(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows rows, counts;
	struct pt_bind b[8];
	enum show show;
	long long page, mine, offered, total;
	xmlNodePtr l, tab, pager;
	size_t i, n;
	int rc;

	if (ts_kept_inbox(req))
		return 200;
	if (pt_query(req, "done") != NULL)
		pt_message(req, "success", "tasks.done", NULL);
	if (pt_query(req, "released") != NULL)
		pt_message(req, "success", "tasks.released", NULL);
	show = read_show(req);
	page = pt_query_page(req);
	b[0] = pt_int(u->id);
	b[1] = pt_int(u->org_id);
	n = 2 + bind_offered(u, b + 2);
	if ((rc = pt_db_query(req, &sql[SQL_COUNTS], &counts, b, n)) != PT_OK)
		return rc;
	mine = pt_cell_int(&counts, 0, 0);
	offered = pt_cell_int(&counts, 0, 1);
	if ((rc = list(req, show, mine, offered, page, &rows)) != PT_OK)
		return rc;
	l = pt_node(req->page, "tasks", NULL);
	pt_attr(l, "show", shows[show]);
	for (i = 0; i < SHOW__MAX; i++) {
		long long c = i == SHOW_MINE ? mine : i == SHOW_OFFERED ? offered : mine + offered;

		tab = pt_node(l, "tab", NULL);
		pt_attr(tab, "name", shows[i]);
		pt_attr(tab, "href", i == SHOW_ALL ? TS_INBOX : pt_printf(req, TS_INBOX "?show=%s",
		    shows[i]));
		pt_attr(tab, "count", count_text(req, c));
		if (i == (size_t)show)
			pt_attr(tab, "current", "1");
	}
	for (i = 0; i < rows.nrows; i++)
		task_node(req, l, &rows, i);
	total = show == SHOW_MINE ? mine : show == SHOW_OFFERED ? offered : mine + offered;
	pager = pt_pager(l, page, total > COUNT_CAP ? COUNT_CAP : total, PAGE_SIZE);
	if (total > COUNT_CAP)
		pt_attr(pager, "more", "1");
	pt_nav_count(req, "tasks", count_text(req, mine + offered));
	req->view = "inbox";
	ts_kept_keep(req);
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, TS_INBOX, inbox, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "inbox" };

const struct pt_group ts_inbox_group = PT_GROUP(routes, sql, views);
