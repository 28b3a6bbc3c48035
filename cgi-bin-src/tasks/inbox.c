/*
 * The task inbox (GET /tasks/): the user tasks of the BPMN engine that wait
 * for the reader, whoever they are (every signed-in person has one): those
 * of their organisation assigned to them (open, or completing while flowd
 * takes the completion) and those offered to one of their roles there that
 * nobody has claimed (flow_task_candidates).  ?show=mine, offered or all
 * (the default) picks one tab; each tab says how many it holds (counted
 * up to COUNT_CAP).  Most urgent first: by due time, those without one
 * last; PAGE_SIZE a page.
 *
 * The page is kept per reader (kept.c): a kept inbox costs one statement,
 * a built one three (the stamp, the list, the counts).  The list walks the
 * org's open tasks in the order shown (flow_tasks_org: org, state, due
 * time, id) and stops at the page, so a page costs about its rows however
 * many tasks wait: with ten thousand offered to an approver's role,
 * sorting them all took 65 ms a page, the walk takes one or two.
 */
#include <string.h>

#include "tasks.h"

#define PAGE_SIZE	25
#define COUNT_CAP	1000
#define COUNT_LIMIT	"1001"	/* COUNT_CAP + 1 in SQL */

/*
 * The open tasks of the reader's org that are theirs (mine wanted) or
 * offered to one of their roles (offered wanted), in index order (due
 * time, id).  The role check is a lookup per task (a dependent subquery:
 * as EXISTS, MariaDB would materialise every task offered to the roles
 * first).  Binds: org, mine wanted, user, offered wanted, user, rows.
 */
#define OPEN_IDS(due, order, k) \
	" (SELECT t.id, t.due_at, " k " AS k FROM flow_tasks t WHERE t.org_id = ? AND t.state = 'open'" \
	" AND t.due_at " due " AND ((? AND t.assignee_id = ?) OR (? AND t.assignee_id IS NULL AND" \
	" (SELECT 1 FROM user_roles ur JOIN flow_task_candidates c ON c.org_id = t.org_id" \
	" AND c.role_id = ur.role_id AND c.task_id = t.id WHERE ur.user_id = ? LIMIT 1)))" \
	" ORDER BY " order " LIMIT ?)"
/* Theirs that flowd is completing.  Binds: mine wanted, user, org, rows. */
#define COMPLETING_IDS \
	" (SELECT t.id, t.due_at, t.due_at IS NULL AS k FROM flow_tasks t WHERE ? AND t.assignee_id = ?" \
	" AND t.state = 'completing' AND t.org_id = ? ORDER BY k, t.due_at, t.id LIMIT ?)"

/* The reader's tasks as ids, for the counts.  Binds: mine wanted, user, org; offered wanted, org, user. */
#define MINE_IDS \
	" SELECT t.id FROM flow_tasks t WHERE ? AND t.assignee_id = ? AND t.org_id = ?" \
	" AND t.state IN ('open', 'completing')"
#define OFFERED_IDS \
	" SELECT c.task_id FROM user_roles ur JOIN flow_task_candidates c" \
	" ON c.org_id = ? AND c.role_id = ur.role_id JOIN flow_tasks t ON t.id = c.task_id" \
	" AND t.assignee_id IS NULL AND t.state = 'open' WHERE ? AND ur.user_id = ?"

enum inbox_sql { SQL_LIST, SQL_COUNTS, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Those with a due time, then those without, then the ones being
	 * completed, each up to the page's end.  Binds: OPEN_IDS's twice,
	 * COMPLETING_IDS's, limit, offset.
	 */
	[SQL_LIST] = { "ts_inbox_list",
	    "SELECT t.id, t.name, t.name_de, t.process_name, t.process_name_de, t.business_key,"
	    " t.state, t.assignee_id IS NOT NULL, " TS_ISO("t.due_at") ", " TS_ISO("t.created_at")
	    " FROM (" OPEN_IDS("IS NOT NULL", "t.due_at, t.id", "0") " UNION ALL"
	    OPEN_IDS("IS NULL", "t.id", "1") " UNION ALL" COMPLETING_IDS ") x"
	    " JOIN flow_tasks t ON t.id = x.id ORDER BY x.k, t.due_at, t.id LIMIT ? OFFSET ?" },
	/* Binds: as SQL_LIST's without limit and offset (mine and offered both wanted). */
	[SQL_COUNTS] = { "ts_inbox_counts",
	    "SELECT (SELECT COUNT(*) FROM (" MINE_IDS " LIMIT " COUNT_LIMIT ") m),"
	    " (SELECT COUNT(*) FROM (SELECT DISTINCT x.task_id FROM (" OFFERED_IDS ") x"
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

/* The binds of SQL_LIST into b (18): rows of each part up to the page's end. */
static size_t
bind_list(const struct pt_req *req, int mine, int offered, long long page, struct pt_bind *b)
{
	const struct pt_user *u = req->session.user;
	long long offset = (page - 1) * PAGE_SIZE;
	size_t n = 0;
	int i;

	for (i = 0; i < 2; i++) {
		b[n++] = pt_int(u->org_id);
		b[n++] = pt_int(mine);
		b[n++] = pt_int(u->id);
		b[n++] = pt_int(offered);
		b[n++] = pt_int(u->id);
		b[n++] = pt_int(offset + PAGE_SIZE);
	}
	b[n++] = pt_int(mine);
	b[n++] = pt_int(u->id);
	b[n++] = pt_int(u->org_id);
	b[n++] = pt_int(offset + PAGE_SIZE);
	b[n++] = pt_int(PAGE_SIZE);
	b[n++] = pt_int(offset);
	return n;
}

/* The binds of MINE_IDS and OFFERED_IDS into b (6). */
static size_t
bind_ids(const struct pt_req *req, int mine, int offered, struct pt_bind *b)
{
	const struct pt_user *u = req->session.user;
	size_t n = 0;

	b[n++] = pt_int(mine);
	b[n++] = pt_int(u->id);
	b[n++] = pt_int(u->org_id);
	b[n++] = pt_int(u->org_id);
	b[n++] = pt_int(offered);
	b[n++] = pt_int(u->id);
	return n;
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
	struct pt_rows rows, counts;
	struct pt_bind b[18];
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
	n = bind_list(req, show != SHOW_OFFERED, show != SHOW_MINE, page, b);
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, b, n)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COUNTS], &counts, b, bind_ids(req, 1, 1, b))) != PT_OK)
		return rc;
	mine = pt_cell_int(&counts, 0, 0);
	offered = pt_cell_int(&counts, 0, 1);
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
