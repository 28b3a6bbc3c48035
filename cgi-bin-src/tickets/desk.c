/*
 * The agent desk (tickets.work, which only the provider's people hold):
 * GET /tickets/desk?view=..., the views an agent works from:
 *
 *   mine         assigned to me
 *   unassigned   nobody's yet, of my groups and of no group; every
 *                unassigned ticket for an agent in no group (who has no
 *                queue of their own and sees what waits anywhere)
 *   groups       my groups' tickets, whoever has them
 *   breaching    a running clock at its policy's warning share or past
 *                its due (a paused clock, pending on the customer, does
 *                not count)
 *   pending      waiting for the customer or a third party
 *   all          every ticket
 *
 * Without ?view it is mine, or unassigned while nothing is mine: what to
 * do next.  Each view holds the tickets still being worked on (new, open,
 * pending) unless a status filter names another; it is sorted by the
 * next due (tickets without a running clock last), then priority, then
 * age, and filters by organisation, service, priority, status and text
 * (a ticket number, or words of the subject).  25, 50 or 100 a page; the
 * tabs say how many tickets each view holds, up to PT_DESK_COUNT_CAP.
 * POST /tickets/desk changes the tickets ticked on it (desk-bulk.c).
 *
 * A page reads rows in proportion to its size, not to the tickets there
 * are (t/http/147): each view is a walk of an index in the desk's order
 * (migration 0030) that stops after the page; a view of my groups walks
 * each group apart (up to FEW_GROUPS of them) and merges the walks, so a
 * small group is not found by reading a big one.  Only the page's ids are
 * joined to the names shown.  Filters are checked on the rows walked (an
 * empty one folds away: MariaDB optimises each execution with its
 * values), and a ticket number is looked up by its own index.
 *
 * Statements: the groups and their agents, the services and the
 * organisation filtered by (kept by the process until one changes,
 * pt_kept_query), the tabs' counts, the page, and the pager's count when
 * the page does not tell it (t/http/147 counts them).
 *
 * The page is kept for its agent (personal.c, tk_personal_desk: the next
 * desk with the same view, filters and page costs one statement and a
 * file) until any ticket changes, and not past the instant it would read
 * differently: a deadline on it that passes, a ticket that reaches its
 * warning (the breaching tab), a relative time that turns (t/http/170).
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

static const char *const view_names[TK_DESK_V__MAX] = {
	"mine", "unassigned", "groups", "breaching", "pending", "all"
};

/* The groups walked one by one; more are one walk with FIND_IN_SET. */
#define FEW_GROUPS	4

/*
 * How each view is found: its page statement and its count.  An agent's
 * unassigned tickets and their groups' are a walk per group, with a
 * statement for each number of groups up to FEW_GROUPS: MariaDB plans
 * every part of a statement on each execution, one for a group the agent
 * is not in as well.
 */
enum walk {
	W_MINE,
	W_UNASSIGNED_1,					/* + groups - 1 */
	W_UNASSIGNED_ANY = W_UNASSIGNED_1 + FEW_GROUPS,
	W_GROUPS_1,					/* + groups - 1 */
	W_GROUPS_ANY = W_GROUPS_1 + FEW_GROUPS,
	W_BREACHING, W_PENDING, W_ALL, W__MAX
};
/* Pages the pager knows past the current one before it says "more". */
#define PAGES_AHEAD	3

/* The columns of the page's tickets (binds: language). */
#define COLUMNS \
	"SELECT STRAIGHT_JOIN t.number, t.subject, t.status, t.pending_reason, t.priority, o.id," \
	" o.name, r.id, r.name, COALESCE(st.name, se.name, s.slug), s.slug, g.id, g.name, a.id," \
	" a.name, " TK_ISO("t.sla_due_at") ", t.sla_due_at <= UTC_TIMESTAMP(6)," \
	" t.sla_warn_at <= UTC_TIMESTAMP(6), " TK_ISO("t.created_at") ", " TK_ISO("t.sla_warn_at")
#define JOINS \
	" JOIN users r ON r.id = t.requester_id JOIN orgs o ON o.id = t.org_id" \
	" JOIN ticket_services s ON s.id = t.service_id" \
	" LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?" \
	" LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'" \
	" LEFT JOIN ticket_groups g ON g.id = t.group_id LEFT JOIN users a ON a.id = t.assignee_id"

/* The desk's order: next due (none last), priority, age; of a walk, and of the page. */
#define KEY "t.id, t.desk_due d, t.priority p, t.created_at c"
#define BY " ORDER BY t.desk_due, t.priority, t.created_at, t.id"
#define PBY " ORDER BY d, p, c, id"

/*
 * Binds: org x2, service x2 (its id: 0 any, -1 none), priority x2, status
 * x2, number x2, text x2.  The priority is compared as an expression: as
 * "t.priority = ?" the optimiser drops the priority from the order once
 * it is a constant, and for a prepared statement that stays so for every
 * later execution, which then sorts the whole view instead of walking its
 * index (seen with MariaDB 10.11).  The service is too, so that its index
 * is never walked instead of the view's.
 */
#define FILTERS \
	" AND (? = 0 OR t.org_id = ?) AND (? = 0 OR t.service_id + 0 = ?)" \
	" AND (? = 0 OR t.priority + 0 = ?) AND (? = '' OR t.status = ?)" \
	" AND (? = '' OR t.number = ?) AND (? = '' OR t.subject LIKE ?)"

/*
 * One walk of an index in the desk's order (binds: cond's, filters, rows).
 * Each view names its indexes: by its estimates the optimiser may rather
 * read all open tickets in order and skip the others', which for a small
 * group means reading nearly all of them.  A ticket number is still found
 * by its own index, and "all" of one organisation by the organisation's.
 */
#define WALK_IN(indexes, cond) \
	"(SELECT " KEY " FROM tickets t FORCE INDEX (" indexes ", tickets_number)" \
	" WHERE " cond FILTERS BY " LIMIT ?)"
#define WALK(cond) "(SELECT " KEY " FROM tickets t WHERE " cond FILTERS BY " LIMIT ?)"

/* What each walk reads; "active" binds 1 for new, open and pending, 0 for the others. */
#define C_MINE		"t.assignee_id = ? AND t.desk_active = ?"		/* agent, active */
#define C_UNASSIGNED_GROUP \
	"t.group_id = ? AND t.assignee_id IS NULL AND t.desk_active = ?"	/* group, active */
#define C_UNASSIGNED_NOGROUP \
	"t.group_id IS NULL AND t.assignee_id IS NULL AND t.desk_active = ?"	/* active */
#define C_UNASSIGNED_ANY \
	"t.assignee_id IS NULL AND t.desk_active = ?" \
	" AND (? = '' OR t.group_id IS NULL OR FIND_IN_SET(t.group_id, ?) > 0)"	/* active, set x2 */
#define C_GROUP		"t.group_id = ? AND t.desk_active = ?"		/* group, active */
#define C_GROUPS_ANY	"t.desk_active = ? AND FIND_IN_SET(t.group_id, ?) > 0"	/* active, set */
#define C_BREACHING	"t.desk_active = 1 AND t.sla_warn_at <= UTC_TIMESTAMP(6)"
#define C_PENDING	"t.status = 'pending'"
#define C_ALL		"t.desk_active = ?"					/* active */

/* The unassigned of n groups, then those of no group; the tickets of n groups. */
#define U_WALK(cond)	WALK_IN("tickets_desk_unassigned", cond)
#define U_GROUP		U_WALK(C_UNASSIGNED_GROUP) " UNION ALL "
#define U_NOGROUP	U_WALK(C_UNASSIGNED_NOGROUP)
#define G_WALK		WALK_IN("tickets_desk_group", C_GROUP)
#define G_MORE		" UNION ALL " G_WALK

/* The page of the walks merged (binds: the walks', limit, offset, language). */
#define PAGE(walks) \
	COLUMNS " FROM (" walks PBY " LIMIT ? OFFSET ?) p JOIN tickets t ON t.id = p.id" JOINS BY
/* How many the walks find, each up to its rows (binds: the walks'). */
#define COUNT(walks) "SELECT COUNT(*) FROM (" walks ") x"

/* Each of the desk's counts, up to PT_DESK_COUNT_CAP. */
#define COUNT_OF(cond) \
	"(SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE " cond PT_DESK_COUNT_LIMIT ") x)"
#define COUNT_GROUPS \
	"(SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1 FROM ticket_group_members m" \
	"   JOIN tickets t ON t.group_id = m.group_id AND t.desk_active = 1 WHERE m.user_id = ?" \
	PT_DESK_COUNT_LIMIT ") x)"

enum desk_sql {
	SQL_CHOICES,
	SQL_NAMES,
	SQL_COUNTS,
	SQL_PAGE,			/* + walk */
	SQL_COUNT = SQL_PAGE + W__MAX,	/* + walk */
	SQL__MAX = SQL_COUNT + W__MAX
};

#define WALKS(w, name, walks) \
	[SQL_PAGE + (w)] = { "tk_desk_page_" name, PAGE(walks) }, \
	[SQL_COUNT + (w)] = { "tk_desk_count_" name, COUNT(walks) }

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * The groups and their agents, which change rarely and are kept
	 * (pt_kept_query; no binds, so one copy serves every agent): 'g' the
	 * active groups (id, name), 'a' their members who are agents (id,
	 * name, group).  Columns 5 and 6 sort.
	 */
	[SQL_CHOICES] = { "tk_desk_choices",
	    "(SELECT 'g', g.id, g.name, NULL, g.name, g.id FROM ticket_groups g WHERE g.active = 1)"
	    " UNION ALL (SELECT STRAIGHT_JOIN 'a', u.id, u.name, m.group_id, u.name, u.id"
	    " FROM ticket_groups g JOIN ticket_group_members m ON m.group_id = g.id"
	    " JOIN users u ON u.id = m.user_id WHERE g.active = 1 AND" TK_IS_AGENT " LIMIT 2000)"
	    " ORDER BY 1, 5, 6" },
	/*
	 * Tagged rows, kept too (binds: language, org): 's' the services to
	 * filter by (slug, name); 'o' the organisation filtered by (id,
	 * name).  Columns 4 and 5 sort.
	 */
	[SQL_NAMES] = { "tk_desk_names",
	    "(SELECT 's', s.slug, COALESCE(st.name, se.name, s.slug), COALESCE(st.name, se.name, s.slug),"
	    " s.id FROM ticket_services s"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en')"
	    " UNION ALL (SELECT 'o', o.id, o.name, o.name, o.id FROM orgs o WHERE o.id = ?)"
	    " ORDER BY 1, 4, 5" },
	/*
	 * The counts of the views in the order of enum tk_desk_view, then
	 * the next instant a ticket being worked on reaches its warning (the
	 * breaching tab counts it from then).  Binds: agent x4.
	 */
	[SQL_COUNTS] = { "tk_desk_counts",
	    "SELECT " PT_DESK_COUNT_MINE ", " PT_DESK_COUNT_UNASSIGNED ", " COUNT_GROUPS ","
	    " " PT_DESK_COUNT_BREACHING ", " COUNT_OF(C_PENDING) ", " COUNT_OF("t.desk_active = 1") ","
	    " (SELECT " TK_ISO("MIN(t.sla_warn_at)") " FROM tickets t WHERE t.desk_active = 1"
	    "   AND t.sla_warn_at > UTC_TIMESTAMP(6))" },
	WALKS(W_MINE, "mine", WALK_IN("tickets_desk_assignee", C_MINE)),
	WALKS(W_UNASSIGNED_1, "unassigned_1", U_GROUP U_NOGROUP),
	WALKS(W_UNASSIGNED_1 + 1, "unassigned_2", U_GROUP U_GROUP U_NOGROUP),
	WALKS(W_UNASSIGNED_1 + 2, "unassigned_3", U_GROUP U_GROUP U_GROUP U_NOGROUP),
	WALKS(W_UNASSIGNED_1 + 3, "unassigned_4", U_GROUP U_GROUP U_GROUP U_GROUP U_NOGROUP),
	WALKS(W_UNASSIGNED_ANY, "unassigned_any", WALK_IN("tickets_desk_assignee", C_UNASSIGNED_ANY)),
	WALKS(W_GROUPS_1, "groups_1", G_WALK),
	WALKS(W_GROUPS_1 + 1, "groups_2", G_WALK G_MORE),
	WALKS(W_GROUPS_1 + 2, "groups_3", G_WALK G_MORE G_MORE),
	WALKS(W_GROUPS_1 + 3, "groups_4", G_WALK G_MORE G_MORE G_MORE),
	WALKS(W_GROUPS_ANY, "groups_any", WALK_IN("tickets_desk_active", C_GROUPS_ANY)),
	WALKS(W_BREACHING, "breaching", WALK(C_BREACHING)),
	WALKS(W_PENDING, "pending", WALK_IN("tickets_desk_status", C_PENDING)),
	WALKS(W_ALL, "all", WALK_IN("tickets_desk_active, tickets_desk_status, tickets_org_status", C_ALL)),
};

/* The page's columns. */
enum { P_NUMBER, P_SUBJECT, P_STATUS, P_PENDING, P_PRIORITY, P_ORG_ID, P_ORG, P_REQUESTER_ID,
	P_REQUESTER, P_SERVICE, P_SLUG, P_GROUP_ID, P_GROUP, P_ASSIGNEE_ID, P_ASSIGNEE, P_DUE,
	P_BREACHED, P_AT_RISK, P_CREATED, P_WARN };
/* The columns of the kept rows (choices and names: a service's id after its sort name). */
enum { S_KIND, S_A, S_B, S_C, S_SERVICE_ID };
/* The counts' row has the next warning after them. */
enum { C_NEXT_WARN = TK_DESK_V__MAX };

static const long long per_pages[] = { 25, 50, 100 };

struct desk {
	enum tk_desk_view view;
	int		 chosen;	/* the view is the query's, not the default */
	long long	 org;		/* 0: any */
	const char	*service;	/* "" or a slug */
	long long	 service_id;	/* 0: any; -1: a slug of no service */
	long long	 priority;	/* 0: any */
	const char	*status;	/* "": new, open and pending; else one status */
	int		 active;	/* status is one of new, open, pending (or "") */
	const char	*q;		/* "" or the text */
	const char	*number;	/* q when it is a ticket number, else "" */
	const char	*like;		/* q as a LIKE pattern when it is words, else "" */
	long long	 page, per;
	long long	 groups[FEW_GROUPS];	/* the first of the agent's groups */
	size_t		 ngroups;	/* all of them */
	const char	*group_set;	/* all of them, "1,4,7" */
	long long	 counts[TK_DESK_V__MAX];
};

/* A positive id of the query (at most 10 digits), or 0. */
static long long
query_id(struct pt_req *req, const char *name)
{
	long long id = tk_id_of(pt_query(req, name));

	return id > 0 ? id : 0;
}

/* The view and filters of the query; a value the desk does not know is ignored. */
static int
read_query(struct pt_req *req, struct desk *d)
{
	const char *v;
	size_t i;

	memset(d, 0, sizeof(*d));
	v = pt_query(req, "view");
	for (i = 0; v != NULL && i < TK_DESK_V__MAX; i++)
		if (strcmp(v, view_names[i]) == 0) {
			d->view = (enum tk_desk_view)i;
			d->chosen = 1;
		}
	d->org = query_id(req, "org");
	d->service = "";
	if ((v = pt_query(req, "service")) != NULL && strlen(v) <= 60)
		d->service = v;
	if ((v = pt_query(req, "priority")) != NULL && strlen(v) == 1 && v[0] >= '1' && v[0] <= '5')
		d->priority = v[0] - '0';
	d->status = "";
	if ((v = pt_query(req, "status")) != NULL && d->view != TK_DESK_V_PENDING &&
	    pt_one_of(v, tk_statuses, PT_NELEM(tk_statuses)))
		d->status = v;
	d->active = d->status[0] == '\0' || pt_one_of(d->status, tk_statuses, 3);
	if ((d->q = pt_query_trim(req, "q")) == NULL)
		return PT_ENOMEM;
	if (pt_text_chars(d->q, 0) < 0 || pt_chars(d->q) > PT_FILTER_MAX_CHARS)
		d->q = "";
	d->number = d->like = "";
	if (tk_number_ok(d->q))
		d->number = d->q;
	else if (d->q[0] != '\0' && (d->like = pt_sql_like(req, d->q)) == NULL)
		return PT_ENOMEM;
	d->per = per_pages[0];
	v = pt_query(req, "per");
	for (i = 0; v != NULL && i < PT_NELEM(per_pages); i++)
		if (strtoll(v, NULL, 10) == per_pages[i] && strlen(v) <= 3)
			d->per = per_pages[i];
	d->page = pt_query_page(req);
	return PT_OK;
}

static int
filtered(const struct desk *d)
{
	return d->org != 0 || d->service[0] != '\0' || d->priority != 0 || d->status[0] != '\0' ||
	    d->q[0] != '\0';
}

/* One walk's FILTERS and rows. */
static void
bind_rest(struct tk_binds *b, const struct desk *d, long long rows)
{
	tk_bind(b, pt_int(d->org));
	tk_bind(b, pt_int(d->org));
	tk_bind(b, pt_int(d->service_id));
	tk_bind(b, pt_int(d->service_id));
	tk_bind(b, pt_int(d->priority));
	tk_bind(b, pt_int(d->priority));
	tk_bind(b, pt_str(d->status));
	tk_bind(b, pt_str(d->status));
	tk_bind(b, pt_str(d->number));
	tk_bind(b, pt_str(d->number));
	tk_bind(b, pt_str(d->like));
	tk_bind(b, pt_str(d->like));
	tk_bind(b, pt_int(rows));
}

/* Which walk finds the view. */
static enum walk
walk_of(const struct desk *d)
{
	switch (d->view) {
	case TK_DESK_V_MINE:
		return W_MINE;
	case TK_DESK_V_UNASSIGNED:
		return d->ngroups > 0 && d->ngroups <= FEW_GROUPS ?
		    (enum walk)(W_UNASSIGNED_1 + d->ngroups - 1) : W_UNASSIGNED_ANY;
	case TK_DESK_V_GROUPS:
		/* In no group, nothing is walked (tk_desk_page). */
		return d->ngroups > 0 && d->ngroups <= FEW_GROUPS ?
		    (enum walk)(W_GROUPS_1 + d->ngroups - 1) : W_GROUPS_ANY;
	case TK_DESK_V_BREACHING:
		return W_BREACHING;
	case TK_DESK_V_PENDING:
		return W_PENDING;
	default:
		return W_ALL;
	}
}

/* The binds of the walks of w, each reading up to rows. */
static void
bind_walks(struct tk_binds *b, const struct pt_req *req, const struct desk *d, enum walk w,
    long long rows)
{
	size_t i;

	if ((w >= W_UNASSIGNED_1 && w < W_UNASSIGNED_ANY) || (w >= W_GROUPS_1 && w < W_GROUPS_ANY)) {
		/* A walk per group; the unassigned ones then those of no group. */
		for (i = 0; i < d->ngroups && i < FEW_GROUPS; i++) {
			tk_bind(b, pt_int(d->groups[i]));
			tk_bind(b, pt_int(d->active));
			bind_rest(b, d, rows);
		}
		if (w < W_UNASSIGNED_ANY) {
			tk_bind(b, pt_int(d->active));
			bind_rest(b, d, rows);
		}
		return;
	}
	switch (w) {
	case W_MINE:
		tk_bind(b, pt_int(req->session.user->id));
		tk_bind(b, pt_int(d->active));
		bind_rest(b, d, rows);
		break;
	case W_UNASSIGNED_ANY:
		tk_bind(b, pt_int(d->active));
		tk_bind(b, pt_str(d->group_set));
		tk_bind(b, pt_str(d->group_set));
		bind_rest(b, d, rows);
		break;
	case W_GROUPS_ANY:
		tk_bind(b, pt_int(d->active));
		tk_bind(b, pt_str(d->group_set));
		bind_rest(b, d, rows);
		break;
	case W_ALL:
		tk_bind(b, pt_int(d->active));
		bind_rest(b, d, rows);
		break;
	default:	/* breaching, pending: no binds of their own */
		bind_rest(b, d, rows);
	}
}

/* 1 if the choices (SQL_CHOICES) have user among the agents of group. */
static int
member_of(const struct pt_rows *choices, const char *user, const char *group)
{
	size_t i;

	for (i = 0; i < choices->nrows; i++)
		if (pt_cell(choices, i, S_KIND)[0] == 'a' && strcmp(pt_cell(choices, i, S_A), user) == 0 &&
		    strcmp(pt_cell(choices, i, S_C), group) == 0)
			return 1;
	return 0;
}

/* A kept desk is not used from instant iso (NULL: none) on: the page reads differently then. */
static void
until(struct pt_req *req, const char *iso)
{
	time_t t;

	if (iso != NULL && pt_utc_parse(iso, &t) == PT_OK)
		pt_pagecache_until(req, t);
}

/*
 * The groups (those of the reader into d, by name) and their agents from
 * the choices, then the services and the organisation from the names, as
 * nodes; the id of the service filtered by and the counts into d.
 */
static int
side_nodes(struct pt_req *req, xmlNodePtr desk, const struct pt_rows *choices,
    const struct pt_rows *names, const struct pt_rows *counts, struct desk *d)
{
	xmlNodePtr services = pt_node(desk, "services", NULL), groups = pt_node(desk, "groups", NULL);
	xmlNodePtr agents = pt_node(desk, "agents", NULL), n;
	const char *set = "", *me = pt_printf(req, "%lld", (long long)req->session.user->id);
	size_t i;
	int v;

	if (me == NULL)
		return PT_ENOMEM;
	for (i = 0; i < choices->nrows; i++) {
		const char *a = pt_cell(choices, i, S_A), *b = pt_cell(choices, i, S_B);

		if (pt_cell(choices, i, S_KIND)[0] == 'a') {
			n = pt_node(agents, "person", b);
			pt_attr(n, "id", a);
			pt_attr(n, "group", pt_cell(choices, i, S_C));
			continue;
		}
		n = pt_node(groups, "group", b);
		pt_attr(n, "id", a);
		if (!member_of(choices, me, a))
			continue;
		pt_attr(n, "member", "1");
		if (d->ngroups < FEW_GROUPS)
			d->groups[d->ngroups] = strtoll(a, NULL, 10);
		d->ngroups++;
		if ((set = pt_printf(req, "%s%s%s", set, *set ? "," : "", a)) == NULL)
			return PT_ENOMEM;
	}
	d->group_set = set;
	for (i = 0; i < names->nrows; i++) {
		const char *a = pt_cell(names, i, S_A), *b = pt_cell(names, i, S_B);

		if (pt_cell(names, i, S_KIND)[0] != 's') {
			pt_attr(pt_node(desk, "org", b), "id", a);
			continue;
		}
		pt_attr(pt_node(services, "service", b), "slug", a);
		if (strcmp(a, d->service) == 0)
			d->service_id = pt_cell_int(names, i, S_SERVICE_ID);
	}
	if (d->service[0] != '\0' && d->service_id == 0)
		d->service_id = -1;	/* no such service: no ticket */
	for (v = 0; v < TK_DESK_V__MAX && counts->nrows == 1; v++)
		d->counts[v] = pt_cell_int(counts, 0, v);
	/* The breaching tab counts one more then. */
	if (counts->nrows == 1)
		until(req, pt_cell(counts, 0, C_NEXT_WARN));
	return PT_OK;
}

/* <views><view name href count [more] [current]/>...</views>: the tabs. */
static void
view_nodes(struct pt_req *req, xmlNodePtr desk, const struct desk *d)
{
	xmlNodePtr views = pt_node(desk, "views", NULL), n;
	int v;

	for (v = 0; v < TK_DESK_V__MAX; v++) {
		long long c = d->counts[v];

		/* In no group, "my groups" is nothing; unassigned are all of them. */
		if (v == TK_DESK_V_GROUPS && d->ngroups == 0)
			c = 0;
		n = pt_node(views, "view", NULL);
		pt_attr(n, "name", view_names[v]);
		pt_attr(n, "href", pt_printf(req, "/tickets/desk?view=%s", view_names[v]));
		pt_attr_int(n, "count", c >= PT_DESK_COUNT_CAP ? PT_DESK_COUNT_CAP - 1 : c);
		if (c >= PT_DESK_COUNT_CAP)
			pt_attr(n, "more", "1");
		if ((enum tk_desk_view)v == d->view)
			pt_attr(n, "current", "1");
	}
}

static void
ticket_nodes(struct pt_req *req, xmlNodePtr desk, const struct pt_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr t = pt_node(desk, "ticket", NULL), n;

		pt_attr(t, "number", pt_cell(rows, i, P_NUMBER));
		pt_attr(t, "href", tk_ticket_path(req, pt_cell(rows, i, P_NUMBER), NULL));
		pt_attr(t, "status", pt_cell(rows, i, P_STATUS));
		if (pt_cell(rows, i, P_PENDING) != NULL)
			pt_attr(t, "pending-reason", pt_cell(rows, i, P_PENDING));
		pt_attr(t, "priority", pt_cell(rows, i, P_PRIORITY));
		pt_attr(t, "created", pt_cell(rows, i, P_CREATED));
		if (pt_cell(rows, i, P_DUE) != NULL) {
			pt_attr(t, "due", pt_cell(rows, i, P_DUE));
			if (pt_cell_int(rows, i, P_BREACHED) == 1)
				pt_attr(t, "breached", "1");
			else if (pt_cell_int(rows, i, P_AT_RISK) == 1)
				pt_attr(t, "at-risk", "1");
			/* A mark not shown yet is from its instant on (the seconds cut: never later). */
			if (pt_cell_int(rows, i, P_BREACHED) != 1)
				until(req, pt_cell(rows, i, P_DUE));
			if (pt_cell_int(rows, i, P_AT_RISK) != 1)
				until(req, pt_cell(rows, i, P_WARN));
		}
		pt_node(t, "subject", pt_cell(rows, i, P_SUBJECT));
		pt_attr(pt_node(t, "org", pt_cell(rows, i, P_ORG)), "id", pt_cell(rows, i, P_ORG_ID));
		pt_attr(pt_node(t, "requester", pt_cell(rows, i, P_REQUESTER)), "id",
		    pt_cell(rows, i, P_REQUESTER_ID));
		pt_attr(pt_node(t, "service", pt_cell(rows, i, P_SERVICE)), "slug",
		    pt_cell(rows, i, P_SLUG));
		if (pt_cell(rows, i, P_GROUP) != NULL) {
			n = pt_node(t, "group", pt_cell(rows, i, P_GROUP));
			pt_attr(n, "id", pt_cell(rows, i, P_GROUP_ID));
		}
		if (pt_cell(rows, i, P_ASSIGNEE) != NULL) {
			n = pt_node(t, "assignee", pt_cell(rows, i, P_ASSIGNEE));
			pt_attr(n, "id", pt_cell(rows, i, P_ASSIGNEE_ID));
		}
	}
}

/*
 * The view and the filters that hold, page aside: the base of the
 * pager's links and of the bulk form's action.  NULL on OOM.
 */
static const char *
query_of(struct pt_req *req, const struct desk *d)
{
	const char *q = pt_printf(req, "view=%s", view_names[d->view]);

	if (q != NULL && d->org != 0)
		q = pt_printf(req, "%s&org=%lld", q, d->org);
	if (q != NULL && d->service[0] != '\0')
		q = pt_printf(req, "%s&service=%s", q, pt_url_encode(req, d->service));
	if (q != NULL && d->priority != 0)
		q = pt_printf(req, "%s&priority=%lld", q, d->priority);
	if (q != NULL && d->status[0] != '\0')
		q = pt_printf(req, "%s&status=%s", q, d->status);
	if (q != NULL && d->q[0] != '\0')
		q = pt_printf(req, "%s&q=%s", q, pt_url_encode(req, d->q));
	if (q != NULL && d->per != per_pages[0])
		q = pt_printf(req, "%s&per=%lld", q, d->per);
	return q;
}

const char *
tk_desk_query(struct pt_req *req)
{
	struct desk d;

	if (read_query(req, &d) != PT_OK)
		return NULL;
	return query_of(req, &d);
}

int
tk_desk_page(struct pt_req *req, int status)
{
	struct tk_binds b = { .n = 0 };
	struct pt_rows choices, names, counts, rows = { 0 }, count;
	struct desk d;
	xmlNodePtr desk, pager;
	enum walk w;
	long long offset, total, cap;
	int rc, more = 0;

	if ((rc = read_query(req, &d)) != PT_OK)
		return rc;
	if ((rc = pt_kept_query(req, &sql[SQL_CHOICES], &choices, PT_NOBINDS)) != PT_OK ||
	    (rc = pt_kept_query(req, &sql[SQL_NAMES], &names, PT_BINDS(pt_str(req->lang),
	    pt_int(d.org)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COUNTS], &counts, PT_BINDS(pt_int(req->session.user->id),
	    pt_int(req->session.user->id), pt_int(req->session.user->id),
	    pt_int(req->session.user->id)))) != PT_OK)
		return rc;
	desk = pt_node(req->page, "desk", NULL);
	if ((rc = side_nodes(req, desk, &choices, &names, &counts, &d)) != PT_OK)
		return rc;
	if (!d.chosen)
		d.view = d.counts[TK_DESK_V_MINE] > 0 ? TK_DESK_V_MINE : TK_DESK_V_UNASSIGNED;
	w = walk_of(&d);
	offset = (d.page - 1) * d.per;
	/* In no group, "my groups" holds nothing: no walk. */
	if (!(d.view == TK_DESK_V_GROUPS && d.ngroups == 0)) {
		bind_walks(&b, req, &d, w, offset + d.per);
		tk_bind(&b, pt_int(d.per));
		tk_bind(&b, pt_int(offset));
		tk_bind(&b, pt_str(req->lang));
		if ((rc = pt_db_query(req, &sql[SQL_PAGE + w], &rows, b.b, b.n)) != PT_OK)
			return rc;
	}
	/*
	 * The pager: a first page that is not full, or an unfiltered view the
	 * tab counted (whole, or up to its cap while this page is within it),
	 * says how many there are; else they are counted up to PAGES_AHEAD
	 * pages past this one.
	 */
	if (d.page == 1 && rows.nrows < (size_t)d.per)
		total = (long long)rows.nrows;
	else if (d.view == TK_DESK_V_GROUPS && d.ngroups == 0)
		total = 0;
	else if (!filtered(&d) && d.counts[d.view] < PT_DESK_COUNT_CAP)
		total = d.counts[d.view];
	else if (!filtered(&d) && offset + d.per < PT_DESK_COUNT_CAP) {
		total = PT_DESK_COUNT_CAP;
		more = 1;
	} else {
		cap = offset + (PAGES_AHEAD + 1) * d.per;
		b.n = 0;
		bind_walks(&b, req, &d, w, cap + 1);
		if ((rc = pt_db_query(req, &sql[SQL_COUNT + w], &count, b.b, b.n)) != PT_OK)
			return rc;
		total = pt_cell_int(&count, 0, 0);
		if (total > cap) {
			total = cap;
			more = 1;
		}
	}

	pt_attr(desk, "view", view_names[d.view]);
	if (!d.chosen)
		pt_attr(desk, "default", "1");
	pt_attr(desk, "query", query_of(req, &d));
	if (d.org != 0)
		pt_attr_int(desk, "org", d.org);
	pt_attr(desk, "service", d.service);
	if (d.priority != 0)
		pt_attr_int(desk, "priority", d.priority);
	pt_attr(desk, "status", d.status);
	pt_attr(desk, "q", d.q);
	pt_attr_int(desk, "per", d.per);
	pt_attr_int(desk, "groups", (long long)d.ngroups);
	pt_attr_int(desk, "bulk-max", TK_DESK_BULK_MAX);
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	view_nodes(req, desk, &d);
	ticket_nodes(req, desk, &rows);
	pager = pt_pager(desk, d.page, total, d.per);
	if (more)
		pt_attr(pager, "more", "1");
	if ((rc = tk_desk_bulk_result(req)) != PT_OK)
		return rc;
	req->view = "desk";
	return status;
}

/* GET /tickets/desk: kept for the agent while no ticket changed (personal.c). */
static int
show(struct pt_req *req)
{
	int rc;

	if (tk_personal_desk(req))
		return 200;
	if ((rc = tk_desk_page(req, 200)) == 200)
		tk_personal_keep(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/tickets/desk", show, PT_R_LOGIN, TK_WORK },
};

static const char *const views[] = { "desk" };

const struct pt_group tk_desk_group = PT_GROUP(routes, sql, views);
