/*
 * Lists of tickets.  GET /tickets/mine: the tickets a person raised and
 * those they follow in CC, or with tickets.read.org all of their
 * organisation's.  GET /tickets/queue: every ticket, for agents
 * (tickets.work).  Both filter by status, service, text (subject or
 * number) and, by scope, requester, group and assignee; sort by last
 * update, newest or oldest; 25 a page.
 *
 * Each scope and order is its own statement, so that the server can walk
 * the index that fits (tickets_org_updated, tickets_group_status,
 * tickets_updated, ...); a filter left empty folds away, since MariaDB
 * optimises each execution with its values.  STRAIGHT_JOIN keeps tickets
 * first: left alone, the optimiser starts from the small services table
 * and sorts every ticket (seconds at 100 000 tickets).  One's own tickets
 * are few: their ids are gathered first (requester and CC indexes) and
 * only they are sorted.  The total is counted up to COUNT_CAP, so a
 * large organisation's or the queue's page does not count every row.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets.h"

enum scope { SCOPE_MINE, SCOPE_ORG, SCOPE_ALL, SCOPE__MAX };
enum sort { SORT_UPDATED, SORT_NEWEST, SORT_OLDEST, SORT__MAX };

static const char *const scope_names[SCOPE__MAX] = { "mine", "org", "all" };
static const char *const sort_names[SORT__MAX] = { "updated", "newest", "oldest" };

#define COLUMNS \
	"SELECT STRAIGHT_JOIN t.number, t.subject, t.status, t.pending_reason, t.priority, t.type," \
	" COALESCE(st.name, se.name, s.slug), s.slug, r.id, r.name, " TK_ISO("t.created_at") "," \
	" " TK_ISO("t.updated_at") ", o.name, g.name, a.name"
#define JOINS \
	" JOIN users r ON r.id = t.requester_id JOIN orgs o ON o.id = t.org_id" \
	" JOIN ticket_services s ON s.id = t.service_id" \
	" LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?" \
	" LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'" \
	" LEFT JOIN ticket_groups g ON g.id = t.group_id LEFT JOIN users a ON a.id = t.assignee_id"
/* Binds: status x3, service x2, requester x2, q, pattern, q, group x2, assignee x3. */
#define FILTERS \
	" AND (? = '' OR t.status = ? OR (? = 'active' AND t.status IN ('new', 'open', 'pending')))" \
	" AND (? = '' OR t.service_id = (SELECT x.id FROM ticket_services x WHERE x.slug = ?))" \
	" AND (? = 0 OR t.requester_id = ?)" \
	" AND (? = '' OR t.subject LIKE ? OR t.number = ?) AND (? = 0 OR t.group_id = ?)" \
	" AND (? = -1 OR (? = 0 AND t.assignee_id IS NULL) OR t.assignee_id = ?)"
#define NFILTER_BINDS 15
/* The tickets of the scope (binds: user x2 / none / none), then WHERE_* (org / none). */
#define FROM_MINE \
	" FROM (SELECT id FROM tickets WHERE requester_id = ?" \
	"   UNION SELECT ticket_id FROM ticket_cc WHERE user_id = ?) m JOIN tickets t ON t.id = m.id"
#define FROM_ALL " FROM tickets t"
#define WHERE_MINE " WHERE 1 = 1"
#define WHERE_ORG " WHERE t.org_id = ?"
#define WHERE_ALL " WHERE 1 = 1"
#define BY_UPDATED " ORDER BY t.updated_at DESC, t.id DESC LIMIT ? OFFSET ?"
#define BY_NEWEST " ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?"
#define BY_OLDEST " ORDER BY t.created_at, t.id LIMIT ? OFFSET ?"

enum list_sql {
	SQL_LIST,		/* + scope * SORT__MAX + sort */
	SQL_COUNT = SQL_LIST + SCOPE__MAX * SORT__MAX,	/* + scope */
	SQL_SERVICES = SQL_COUNT + SCOPE__MAX,
	SQL_REQUESTERS,
	SQL_GROUPS,
	SQL__MAX
};

#define LIST(scope, from, where, sort, by) \
	[SQL_LIST + (scope) * SORT__MAX + (sort)] = { "tk_list_" #scope "_" #sort, \
	    COLUMNS from JOINS where FILTERS by }
#define COUNT(scope, from, where) \
	[SQL_COUNT + (scope)] = { "tk_list_count_" #scope, \
	    "SELECT COUNT(*) FROM (SELECT 1" from where FILTERS " LIMIT ?) c" }

static const struct pt_sql sql[SQL__MAX] = {
	LIST(SCOPE_MINE, FROM_MINE, WHERE_MINE, SORT_UPDATED, BY_UPDATED),
	LIST(SCOPE_MINE, FROM_MINE, WHERE_MINE, SORT_NEWEST, BY_NEWEST),
	LIST(SCOPE_MINE, FROM_MINE, WHERE_MINE, SORT_OLDEST, BY_OLDEST),
	LIST(SCOPE_ORG, FROM_ALL, WHERE_ORG, SORT_UPDATED, BY_UPDATED),
	LIST(SCOPE_ORG, FROM_ALL, WHERE_ORG, SORT_NEWEST, BY_NEWEST),
	LIST(SCOPE_ORG, FROM_ALL, WHERE_ORG, SORT_OLDEST, BY_OLDEST),
	LIST(SCOPE_ALL, FROM_ALL, WHERE_ALL, SORT_UPDATED, BY_UPDATED),
	LIST(SCOPE_ALL, FROM_ALL, WHERE_ALL, SORT_NEWEST, BY_NEWEST),
	LIST(SCOPE_ALL, FROM_ALL, WHERE_ALL, SORT_OLDEST, BY_OLDEST),
	COUNT(SCOPE_MINE, FROM_MINE, WHERE_MINE),
	COUNT(SCOPE_ORG, FROM_ALL, WHERE_ORG),
	COUNT(SCOPE_ALL, FROM_ALL, WHERE_ALL),
	/* The services to filter by: the reader's org's, or all (binds: org, lang, all). */
	[SQL_SERVICES] = { "tk_list_services",
	    "SELECT s.slug, COALESCE(st.name, se.name, s.slug) FROM ticket_services s"
	    PT_TICKET_AUDIENCE_JOIN
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'"
	    " WHERE ? OR (s.active = 1 AND" PT_TICKET_AUDIENCE_SQL ")"
	    " ORDER BY 2, s.id" },
	[SQL_REQUESTERS] = { "tk_list_requesters",
	    "SELECT id, name FROM users WHERE org_id = ? AND status IN ('active', 'inactive')"
	    " ORDER BY name, id LIMIT 500" },
	[SQL_GROUPS] = { "tk_list_groups",
	    "SELECT id, name FROM ticket_groups WHERE active = 1 ORDER BY name, id" },
};

enum { L_NUMBER, L_SUBJECT, L_STATUS, L_PENDING, L_PRIORITY, L_TYPE, L_SERVICE, L_SLUG,
	L_REQUESTER_ID, L_REQUESTER, L_CREATED, L_UPDATED, L_ORG, L_GROUP, L_ASSIGNEE };

#define PAGE_SIZE 25
#define COUNT_CAP 1000	/* rows counted for the pager; more is "more than" */

struct filter {
	enum scope	 scope;
	enum sort	 sort;
	const char	*status;	/* "" any, "active", or a status */
	const char	*service;	/* "" or a slug */
	long long	 requester;	/* 0 any */
	const char	*q;		/* "" or a text */
	long long	 group;		/* 0 any */
	long long	 assignee;	/* -1 any, 0 none, else a user */
	const char	*assignee_param;	/* "", "none", "me" or an id */
	long long	 page;
};

/* A positive id of the query, or 0. */
static long long
query_id(struct pt_req *req, const char *name)
{
	const char *v = pt_query(req, name);

	if (v == NULL || strlen(v) > 10 || !pt_valid(PT_V_ID, v, strlen(v)))
		return 0;
	return strtoll(v, NULL, 10);
}

/* The filters of the query; a value that is not one the list knows is ignored. */
static int
read_filter(struct pt_req *req, enum scope scope, struct filter *f)
{
	const char *v;
	size_t i;

	memset(f, 0, sizeof(*f));
	f->scope = scope;
	f->sort = SORT_UPDATED;
	v = pt_query(req, "sort");
	for (i = 0; v != NULL && i < SORT__MAX; i++)
		if (strcmp(v, sort_names[i]) == 0)
			f->sort = (enum sort)i;
	v = pt_query(req, "status");
	f->status = scope == SCOPE_ALL ? "active" : "";
	if (v != NULL && (strcmp(v, "") == 0 || strcmp(v, "active") == 0 ||
	    pt_one_of(v, tk_statuses, PT_NELEM(tk_statuses))))
		f->status = v;
	f->service = "";
	if ((v = pt_query(req, "service")) != NULL && strlen(v) <= 60)
		f->service = v;
	if (scope != SCOPE_MINE)
		f->requester = query_id(req, "requester");
	if ((f->q = pt_query_trim(req, "q")) == NULL)
		return PT_ENOMEM;
	if (pt_text_chars(f->q, 0) < 0 || pt_chars(f->q) > PT_FILTER_MAX_CHARS)
		f->q = "";
	f->assignee = -1;
	f->assignee_param = "";
	if (scope == SCOPE_ALL) {
		f->group = query_id(req, "group");
		v = pt_query(req, "assignee");
		if (v != NULL && strcmp(v, "none") == 0) {
			f->assignee = 0;
			f->assignee_param = "none";
		} else if (v != NULL && strcmp(v, "me") == 0) {
			f->assignee = req->session.user->id;
			f->assignee_param = "me";
		} else if (query_id(req, "assignee") != 0) {
			f->assignee = query_id(req, "assignee");
			f->assignee_param = v;
		}
	}
	f->page = pt_query_page(req);
	return PT_OK;
}

/*
 * The binds of a statement into b, in the order of its text: the scope's
 * tickets, the language of the joins (with_lang: the list, not the
 * count), the org, the filters.  The number of binds, or -1 on OOM.
 */
static long
binds(struct pt_req *req, const struct filter *f, int with_lang, struct pt_bind *b)
{
	const struct pt_user *u = req->session.user;
	const char *like = pt_sql_like(req, f->q);
	long n = 0;

	if (like == NULL)
		return -1;
	if (f->scope == SCOPE_MINE) {
		b[n++] = pt_int(u->id);
		b[n++] = pt_int(u->id);
	}
	if (with_lang)
		b[n++] = pt_str(req->lang);
	if (f->scope == SCOPE_ORG)
		b[n++] = pt_int(u->org_id);
	b[n++] = pt_str(f->status);
	b[n++] = pt_str(f->status);
	b[n++] = pt_str(f->status);
	b[n++] = pt_str(f->service);
	b[n++] = pt_str(f->service);
	b[n++] = pt_int(f->requester);
	b[n++] = pt_int(f->requester);
	b[n++] = pt_str(f->q);
	b[n++] = pt_str(like);
	b[n++] = pt_str(f->q);
	b[n++] = pt_int(f->group);
	b[n++] = pt_int(f->group);
	b[n++] = pt_int(f->assignee);
	b[n++] = pt_int(f->assignee);
	b[n++] = pt_int(f->assignee);
	return n;
}

static void
ticket_nodes(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr t = pt_node(parent, "ticket", NULL);

		pt_attr(t, "number", pt_cell(rows, i, L_NUMBER));
		pt_attr(t, "href", tk_ticket_path(req, pt_cell(rows, i, L_NUMBER), NULL));
		pt_attr(t, "status", pt_cell(rows, i, L_STATUS));
		if (pt_cell(rows, i, L_PENDING) != NULL)
			pt_attr(t, "pending-reason", pt_cell(rows, i, L_PENDING));
		pt_attr(t, "priority", pt_cell(rows, i, L_PRIORITY));
		pt_attr(t, "type", pt_cell(rows, i, L_TYPE));
		pt_attr(t, "created", pt_cell(rows, i, L_CREATED));
		pt_attr(t, "updated", pt_cell(rows, i, L_UPDATED));
		pt_node(t, "subject", pt_cell(rows, i, L_SUBJECT));
		pt_attr(pt_node(t, "service", pt_cell(rows, i, L_SERVICE)), "slug",
		    pt_cell(rows, i, L_SLUG));
		pt_attr(pt_node(t, "requester", pt_cell(rows, i, L_REQUESTER)), "id",
		    pt_cell(rows, i, L_REQUESTER_ID));
		pt_node(t, "org", pt_cell(rows, i, L_ORG));
		if (pt_cell(rows, i, L_GROUP) != NULL)
			pt_node(t, "group", pt_cell(rows, i, L_GROUP));
		if (pt_cell(rows, i, L_ASSIGNEE) != NULL)
			pt_node(t, "assignee", pt_cell(rows, i, L_ASSIGNEE));
	}
}

/* <NAME><ELEM id|slug>name</ELEM>...</NAME> from rows (key, name). */
static void
choice_nodes(xmlNodePtr parent, const char *name, const char *elem, const char *key,
    const struct pt_rows *rows)
{
	xmlNodePtr c = pt_node(parent, name, NULL);
	size_t i;

	for (i = 0; i < rows->nrows; i++)
		pt_attr(pt_node(c, elem, pt_cell(rows, i, 1)), key, pt_cell(rows, i, 0));
}

static int
list(struct pt_req *req, enum scope scope, const char *base)
{
	struct pt_bind b[NFILTER_BINDS + 5];	/* scope (2), language, limit, offset */
	struct pt_rows rows, count, choices;
	struct filter f;
	xmlNodePtr l, pager;
	long long total;
	long n;
	int rc;

	if ((rc = read_filter(req, scope, &f)) != PT_OK)
		return rc;
	if ((n = binds(req, &f, 0, b)) < 0)
		return PT_ENOMEM;
	b[n] = pt_int(COUNT_CAP + 1);
	if ((rc = pt_db_query(req, &sql[SQL_COUNT + scope], &count, b, (size_t)n + 1)) != PT_OK)
		return rc;
	if ((n = binds(req, &f, 1, b)) < 0)
		return PT_ENOMEM;
	b[n] = pt_int(PAGE_SIZE);
	b[n + 1] = pt_int((f.page - 1) * PAGE_SIZE);
	if ((rc = pt_db_query(req, &sql[SQL_LIST + scope * SORT__MAX + f.sort], &rows, b,
	    (size_t)n + 2)) != PT_OK)
		return rc;

	l = pt_node(req->page, "tickets", NULL);
	pt_attr(l, "scope", scope_names[scope]);
	pt_attr(l, "base", base);
	pt_attr(l, "status", f.status);
	pt_attr(l, "service", f.service);
	pt_attr(l, "q", f.q);
	pt_attr(l, "sort", sort_names[f.sort]);
	if (f.requester != 0)
		pt_attr_int(l, "requester", f.requester);
	if (f.group != 0)
		pt_attr_int(l, "group", f.group);
	pt_attr(l, "assignee", f.assignee_param);
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	ticket_nodes(req, l, &rows);

	if ((rc = pt_db_query(req, &sql[SQL_SERVICES], &choices,
	    PT_BINDS(pt_int(req->session.user->org_id), pt_str(req->lang),
	    pt_int(scope == SCOPE_ALL)))) != PT_OK)
		return rc;
	choice_nodes(l, "services", "service", "slug", &choices);
	if (scope == SCOPE_ORG) {
		if ((rc = pt_db_query(req, &sql[SQL_REQUESTERS], &choices,
		    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
			return rc;
		choice_nodes(l, "requesters", "person", "id", &choices);
	} else if (scope == SCOPE_ALL) {
		if ((rc = pt_db_query(req, &sql[SQL_GROUPS], &choices, PT_NOBINDS)) != PT_OK)
			return rc;
		choice_nodes(l, "groups", "group", "id", &choices);
	}
	total = pt_cell_int(&count, 0, 0);
	pager = pt_pager(l, f.page, total > COUNT_CAP ? COUNT_CAP : total, PAGE_SIZE);
	if (total > COUNT_CAP)
		pt_attr(pager, "more", "1");
	req->view = "list";
	return 200;
}

/* GET /tickets/mine: one's own and CC'd tickets, or with tickets.read.org the org's. */
static int
mine(struct pt_req *req)
{
	if (pt_can(req, "tickets.read.org"))
		return list(req, SCOPE_ORG, "/tickets/mine");
	if (!pt_can(req, "tickets.create"))
		return pt_error_page(req, 403, NULL);
	return list(req, SCOPE_MINE, "/tickets/mine");
}

/* GET /tickets/queue: every organisation's tickets, for agents. */
static int
queue(struct pt_req *req)
{
	return list(req, SCOPE_ALL, "/tickets/queue");
}

static const struct pt_route routes[] = {
	{ PT_GET, "/tickets/mine",	mine,	PT_R_LOGIN, NULL },
	{ PT_GET, "/tickets/queue",	queue,	PT_R_LOGIN, "tickets.work" },
};

static const char *const views[] = { "list" };

const struct pt_group tk_list_group = PT_GROUP(routes, sql, views);
