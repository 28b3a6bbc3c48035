/*
 * Lists of tickets.  GET /tickets/mine: the tickets a person raised and
 * those they follow in CC, or with tickets.read.org all of their
 * organisation's.  GET /tickets/queue: every ticket, for agents
 * (tickets.work).  Both filter by status, service, text (subject or
 * number) and, by scope, requester, group and assignee; sort by last
 * update, newest or oldest; 25 a page.
 *
 * A page reads rows in proportion to its number, not to the tickets
 * there are (t/http/160 counts them):
 *   - the page's ids are picked from tickets alone, in a derived table
 *     that walks an index in the list's order and stops after the page
 *     (offset + 25 rows); only those ids are joined to the names shown.
 *     Left to join first, the optimiser may sort every ticket of the
 *     scope (or buffer a small joined table and sort after it);
 *   - each scope, status kind and order is its own statement with an
 *     index in that order (migration 0018): the scope's key, the status
 *     when one is chosen, the update or creation time.  "Not yet
 *     resolved" is three statuses, so it is three such walks, merged;
 *     one status is the same statement with two of them empty;
 *   - one's own tickets and those one follows in CC are walked apart and
 *     merged (CC is a short list per person);
 *   - the total is counted up to COUNT_CAP, so a large organisation's or
 *     the queue's page does not count every row;
 *   - a ticket number in the text finds that ticket by its index; other
 *     text is looked for in the subjects of the scope's TEXT_RECENT
 *     most recently updated tickets, which the page says.
 * The other filters (service, requester, group, assignee) are checked on
 * the rows walked; a filter left empty folds away, since MariaDB
 * optimises each execution with its values.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets.h"

enum scope { SCOPE_MINE, SCOPE_ORG, SCOPE_ALL, SCOPE__MAX };
enum sort { SORT_UPDATED, SORT_NEWEST, SORT_OLDEST, SORT__MAX };
/* How the page's tickets are found: any status, a set of statuses, or by text. */
enum mode { MODE_ANY, MODE_SET, MODE_TEXT, MODE__MAX };

static const char *const scope_names[SCOPE__MAX] = { "mine", "org", "all" };
static const char *const sort_names[SORT__MAX] = { "updated", "newest", "oldest" };

#define PAGE_SIZE 25
#define COUNT_CAP 1000	/* rows counted for the pager; more is "more than" */
#define TEXT_RECENT 1000	/* the tickets whose subjects a text is looked for in */

/* The columns of the tickets of a page, aliased t, and their names (binds: language). */
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

/*
 * Binds: service x2, requester x2, number x2, group x2, assignee x4.  "No
 * one" is IS NULL alone, which an index walks in order (with "= 0" beside
 * it, the server would gather the NULLs and the zeros and sort them).
 */
#define FILTERS \
	" AND (? = '' OR t.service_id = (SELECT x.id FROM ticket_services x WHERE x.slug = ?))" \
	" AND (? = 0 OR t.requester_id = ?) AND (? = '' OR t.number = ?)" \
	" AND (? = 0 OR t.group_id = ?)" \
	" AND (? = -1 OR (? = 0 AND t.assignee_id IS NULL) OR (? > 0 AND t.assignee_id = ?))"
/* Binds: any (1: no condition), status x3 (NULL for none). */
#define STATUS_IN " AND (? = 1 OR t.status IN (?, ?, ?))"
/* Binds: status (NULL: no rows). */
#define STATUS_ONE " AND t.status = ?"

/* The tickets of a scope (binds: user / user / org / none). */
#define OWN " FROM tickets t WHERE t.requester_id = ?"
#define CC " FROM ticket_cc c JOIN tickets t ON t.id = c.ticket_id WHERE c.user_id = ?"
#define ORG " FROM tickets t WHERE t.org_id = ?"
#define ALL " FROM tickets t WHERE 1 = 1"
/*
 * The same for a walk of one status: an order without the status would
 * read the other statuses for nothing, yet the optimiser takes one when
 * other filters make it guess few rows either way.
 */
#define OWN_SET \
	" FROM tickets t IGNORE INDEX FOR ORDER BY (tickets_requester, tickets_requester_created)" \
	" WHERE t.requester_id = ?"
#define ORG_SET \
	" FROM tickets t IGNORE INDEX FOR ORDER BY (tickets_org_updated, tickets_org_created)" \
	" WHERE t.org_id = ?"
#define ALL_SET \
	" FROM tickets t IGNORE INDEX FOR ORDER BY (tickets_updated, tickets_created) WHERE 1 = 1"

/* The orders: the key a branch of a page gives, the order of the tickets, of the page. */
#define KEY_UPDATED "t.updated_at"
#define BY_UPDATED " ORDER BY t.updated_at DESC, t.id DESC"
#define PBY_UPDATED " ORDER BY k DESC, id DESC"
#define KEY_NEWEST "t.created_at"
#define BY_NEWEST " ORDER BY t.created_at DESC, t.id DESC"
#define PBY_NEWEST " ORDER BY k DESC, id DESC"
#define KEY_OLDEST "t.created_at"
#define BY_OLDEST " ORDER BY t.created_at, t.id"
#define PBY_OLDEST " ORDER BY k, id"

/* One walk: the first rows of a scope in an order (binds: scope, status, filters, rows). */
#define BRANCH(src, status, S) \
	"(SELECT t.id, " KEY_##S " k" src status FILTERS BY_##S " LIMIT ?)"
#define PAGE_ANY(src, S)	BRANCH(src, "", S)
#define PAGE_ANY_MINE(S)	BRANCH(OWN, "", S) " UNION " BRANCH(CC, "", S)
#define PAGE_SET(src, S) \
	BRANCH(src##_SET, STATUS_ONE, S) " UNION ALL " BRANCH(src##_SET, STATUS_ONE, S) \
	" UNION ALL " BRANCH(src##_SET, STATUS_ONE, S)
#define PAGE_SET_MINE(S)	PAGE_SET(OWN, S) " UNION " BRANCH(CC, STATUS_IN, S)
/* The page of the walks merged (binds: the walks', limit, offset, language). */
#define PAGE(walks, S) \
	COLUMNS " FROM (" walks PBY_##S " LIMIT ? OFFSET ?) p JOIN tickets t ON t.id = p.id" \
	JOINS BY_##S

/* The scope's most recently updated tickets (binds: user, rows, user, rows, rows / org, rows / rows). */
#define RECENT_MINE \
	"(SELECT t.id, t.updated_at k" OWN BY_UPDATED " LIMIT ?) UNION" \
	" (SELECT t.id, t.updated_at k" CC BY_UPDATED " LIMIT ?)" PBY_UPDATED " LIMIT ?"
#define RECENT_ORG "SELECT t.id" ORG BY_UPDATED " LIMIT ?"
/*
 * The queue's walk names its index: with statistics taken while many
 * tickets were being added, the optimiser was seen to read all of them and
 * sort (t/http/160).
 */
#define RECENT_ALL "SELECT t.id FROM tickets t FORCE INDEX (tickets_updated) WHERE 1 = 1" \
	BY_UPDATED " LIMIT ?"
/* Those whose subject has the text (binds: recent, pattern, status set, filters). */
#define TEXT_MATCH(recent) \
	" FROM (" recent ") n JOIN tickets t ON t.id = n.id WHERE t.subject LIKE ?" STATUS_IN FILTERS
/*
 * Their page, with how many there are in a last column, counted on the
 * way (binds: the above, limit, offset, language).
 */
#define PAGE_TEXT(recent, S) \
	COLUMNS ", p.total FROM (SELECT t.id, COUNT(*) OVER () total" TEXT_MATCH(recent) BY_##S \
	" LIMIT ? OFFSET ?) p JOIN tickets t ON t.id = p.id" JOINS BY_##S

/* Counts (binds: scope, status set, filters, cap; for MINE both halves, then cap). */
#define COUNT(src) "SELECT COUNT(*) FROM (SELECT t.id" src STATUS_IN FILTERS " LIMIT ?) c"
#define COUNT_MINE \
	"SELECT COUNT(*) FROM ((SELECT t.id" OWN STATUS_IN FILTERS " LIMIT ?) UNION" \
	" (SELECT t.id" CC STATUS_IN FILTERS " LIMIT ?) LIMIT ?) c"
#define COUNT_TEXT(recent) "SELECT COUNT(*)" TEXT_MATCH(recent)

/* The services to filter by: the reader's org's, or all (binds: org, lang, all). */
#define SERVICES \
	"(SELECT 's' kind, s.slug v, COALESCE(st.name, se.name, s.slug) name, s.id id" \
	" FROM ticket_services s" PT_TICKET_AUDIENCE_JOIN \
	" LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?" \
	" LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'" \
	" WHERE ? OR (s.active = 1 AND" PT_TICKET_AUDIENCE_SQL "))"

enum list_sql {
	SQL_LIST,		/* + (scope * MODE__MAX + mode) * SORT__MAX + sort */
	SQL_COUNT = SQL_LIST + SCOPE__MAX * MODE__MAX * SORT__MAX,	/* + scope * 2 + text */
	SQL_CHOICES = SQL_COUNT + SCOPE__MAX * 2,	/* + scope */
	SQL__MAX = SQL_CHOICES + SCOPE__MAX
};

#define L(scope, mode, sort) [SQL_LIST + ((scope) * MODE__MAX + (mode)) * SORT__MAX + (sort)]
#define LISTS(S, sort) \
	L(SCOPE_MINE, MODE_ANY, sort) = { "tk_list_mine_any_" #S, PAGE(PAGE_ANY_MINE(S), S) }, \
	L(SCOPE_MINE, MODE_SET, sort) = { "tk_list_mine_set_" #S, PAGE(PAGE_SET_MINE(S), S) }, \
	L(SCOPE_MINE, MODE_TEXT, sort) = { "tk_list_mine_text_" #S, PAGE_TEXT(RECENT_MINE, S) }, \
	L(SCOPE_ORG, MODE_ANY, sort) = { "tk_list_org_any_" #S, PAGE(PAGE_ANY(ORG, S), S) }, \
	L(SCOPE_ORG, MODE_SET, sort) = { "tk_list_org_set_" #S, PAGE(PAGE_SET(ORG, S), S) }, \
	L(SCOPE_ORG, MODE_TEXT, sort) = { "tk_list_org_text_" #S, PAGE_TEXT(RECENT_ORG, S) }, \
	L(SCOPE_ALL, MODE_ANY, sort) = { "tk_list_all_any_" #S, PAGE(PAGE_ANY(ALL, S), S) }, \
	L(SCOPE_ALL, MODE_SET, sort) = { "tk_list_all_set_" #S, PAGE(PAGE_SET(ALL, S), S) }, \
	L(SCOPE_ALL, MODE_TEXT, sort) = { "tk_list_all_text_" #S, PAGE_TEXT(RECENT_ALL, S) }

static const struct pt_sql sql[SQL__MAX] = {
	LISTS(UPDATED, SORT_UPDATED),
	LISTS(NEWEST, SORT_NEWEST),
	LISTS(OLDEST, SORT_OLDEST),
	[SQL_COUNT + SCOPE_MINE * 2] = { "tk_list_count_mine", COUNT_MINE },
	[SQL_COUNT + SCOPE_MINE * 2 + 1] = { "tk_list_count_mine_text", COUNT_TEXT(RECENT_MINE) },
	[SQL_COUNT + SCOPE_ORG * 2] = { "tk_list_count_org", COUNT(ORG) },
	[SQL_COUNT + SCOPE_ORG * 2 + 1] = { "tk_list_count_org_text", COUNT_TEXT(RECENT_ORG) },
	[SQL_COUNT + SCOPE_ALL * 2] = { "tk_list_count_all", COUNT(ALL) },
	[SQL_COUNT + SCOPE_ALL * 2 + 1] = { "tk_list_count_all_text", COUNT_TEXT(RECENT_ALL) },
	/*
	 * What the filters offer, in one statement: services ('s': slug, name),
	 * and the org's people ('p') or the agents' groups ('g'): id, name.
	 */
	[SQL_CHOICES + SCOPE_MINE] = { "tk_list_choices_mine",
	    SERVICES " ORDER BY kind, name, id" },
	[SQL_CHOICES + SCOPE_ORG] = { "tk_list_choices_org",
	    SERVICES " UNION ALL (SELECT 'p', id, name, id FROM users WHERE org_id = ?"
	    "   AND status IN ('active', 'inactive') ORDER BY name, id LIMIT 500)"
	    " ORDER BY kind = 'p', name, id" },
	[SQL_CHOICES + SCOPE_ALL] = { "tk_list_choices_all",
	    SERVICES " UNION ALL (SELECT 'g', id, name, id FROM ticket_groups WHERE active = 1)"
	    " ORDER BY kind = 'g', name, id" },
};

enum { L_NUMBER, L_SUBJECT, L_STATUS, L_PENDING, L_PRIORITY, L_TYPE, L_SERVICE, L_SLUG,
	L_REQUESTER_ID, L_REQUESTER, L_CREATED, L_UPDATED, L_ORG, L_GROUP, L_ASSIGNEE,
	L_TEXT_TOTAL };
enum { C_KIND, C_VALUE, C_NAME };

struct filter {
	enum scope	 scope;
	enum sort	 sort;
	enum mode	 mode;
	const char	*status;	/* "" any, "active", or a status */
	const char	*set[3];	/* the statuses of MODE_SET, NULL for none */
	const char	*service;	/* "" or a slug */
	long long	 requester;	/* 0 any */
	const char	*q;		/* "" or a text */
	const char	*number;	/* "", or q when it is a ticket number */
	const char	*like;		/* q as a LIKE pattern */
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
	static const char *const active[3] = { "new", "open", "pending" };
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
	f->mode = MODE_SET;
	if (strcmp(f->status, "active") == 0)
		memcpy(f->set, active, sizeof(f->set));
	else if (f->status[0] != '\0')
		f->set[0] = f->status;
	else
		f->mode = MODE_ANY;
	f->service = "";
	if ((v = pt_query(req, "service")) != NULL && strlen(v) <= 60)
		f->service = v;
	if (scope != SCOPE_MINE)
		f->requester = query_id(req, "requester");
	if ((f->q = pt_query_trim(req, "q")) == NULL)
		return PT_ENOMEM;
	if (pt_text_chars(f->q, 0) < 0 || pt_chars(f->q) > PT_FILTER_MAX_CHARS)
		f->q = "";
	f->number = "";
	if (tk_number_ok(f->q))
		f->number = f->q;
	else if (f->q[0] != '\0')
		f->mode = MODE_TEXT;
	if ((f->like = pt_sql_like(req, f->q)) == NULL)
		return PT_ENOMEM;
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

void
tk_bind(struct tk_binds *b, struct pt_bind v)
{
	if (b->n < PT_NELEM(b->b))
		b->b[b->n] = v;
	b->n++;
}

static void
bind_filters(struct tk_binds *b, const struct filter *f)
{
	tk_bind(b, pt_str(f->service));
	tk_bind(b, pt_str(f->service));
	tk_bind(b, pt_int(f->requester));
	tk_bind(b, pt_int(f->requester));
	tk_bind(b, pt_str(f->number));
	tk_bind(b, pt_str(f->number));
	tk_bind(b, pt_int(f->group));
	tk_bind(b, pt_int(f->group));
	tk_bind(b, pt_int(f->assignee));
	tk_bind(b, pt_int(f->assignee));
	tk_bind(b, pt_int(f->assignee));
	tk_bind(b, pt_int(f->assignee));
}

static void
bind_status_in(struct tk_binds *b, const struct filter *f)
{
	tk_bind(b, pt_int(f->status[0] == '\0'));
	tk_bind(b, pt_str(f->set[0]));
	tk_bind(b, pt_str(f->set[1]));
	tk_bind(b, pt_str(f->set[2]));
}

/* The scope's key of OWN, CC or ORG; nothing for ALL. */
static void
bind_scope(struct tk_binds *b, const struct pt_req *req, enum scope scope)
{
	if (scope == SCOPE_MINE)
		tk_bind(b, pt_int(req->session.user->id));
	else if (scope == SCOPE_ORG)
		tk_bind(b, pt_int(req->session.user->org_id));
}

/* One BRANCH: scope, status (set i, or none when i < 0), filters, rows. */
static void
bind_branch(struct tk_binds *b, const struct pt_req *req, const struct filter *f, int i,
    long long rows)
{
	bind_scope(b, req, f->scope);
	if (i >= 0)
		tk_bind(b, pt_str(f->set[i]));
	bind_filters(b, f);
	tk_bind(b, pt_int(rows));
}

static void
bind_recent(struct tk_binds *b, const struct pt_req *req, const struct filter *f)
{
	bind_scope(b, req, f->scope);
	tk_bind(b, pt_int(TEXT_RECENT));
	if (f->scope == SCOPE_MINE) {
		tk_bind(b, pt_int(req->session.user->id));
		tk_bind(b, pt_int(TEXT_RECENT));
		tk_bind(b, pt_int(TEXT_RECENT));
	}
}

static void
bind_text(struct tk_binds *b, const struct pt_req *req, const struct filter *f)
{
	bind_recent(b, req, f);
	tk_bind(b, pt_str(f->like));
	bind_status_in(b, f);
	bind_filters(b, f);
}

/* The binds of the page's statement. */
static void
bind_page(struct tk_binds *b, const struct pt_req *req, const struct filter *f)
{
	long long offset = (f->page - 1) * PAGE_SIZE;
	int i;

	if (f->mode == MODE_TEXT)
		bind_text(b, req, f);
	else if (f->mode == MODE_ANY)
		bind_branch(b, req, f, -1, offset + PAGE_SIZE);
	else
		for (i = 0; i < 3; i++)
			bind_branch(b, req, f, i, offset + PAGE_SIZE);
	if (f->mode != MODE_TEXT && f->scope == SCOPE_MINE) {
		/* The CC walk: all statuses, or the set. */
		tk_bind(b, pt_int(req->session.user->id));
		if (f->mode == MODE_SET)
			bind_status_in(b, f);
		bind_filters(b, f);
		tk_bind(b, pt_int(offset + PAGE_SIZE));
	}
	tk_bind(b, pt_int(PAGE_SIZE));
	tk_bind(b, pt_int(offset));
	tk_bind(b, pt_str(req->lang));
}

/* The binds of the count's statement. */
static void
bind_count(struct tk_binds *b, const struct pt_req *req, const struct filter *f)
{
	if (f->mode == MODE_TEXT) {
		bind_text(b, req, f);
		return;
	}
	bind_scope(b, req, f->scope);
	bind_status_in(b, f);
	bind_filters(b, f);
	tk_bind(b, pt_int(COUNT_CAP + 1));
	if (f->scope == SCOPE_MINE) {
		tk_bind(b, pt_int(req->session.user->id));
		bind_status_in(b, f);
		bind_filters(b, f);
		tk_bind(b, pt_int(COUNT_CAP + 1));
		tk_bind(b, pt_int(COUNT_CAP + 1));
	}
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

/*
 * <services><service slug>name</service>...</services>, and the org's
 * <requesters><person id> or the <groups><group id>, from the choices.
 */
static void
choice_nodes(xmlNodePtr parent, enum scope scope, const struct pt_rows *rows)
{
	xmlNodePtr services = pt_node(parent, "services", NULL), other = NULL;
	size_t i;

	if (scope == SCOPE_ORG)
		other = pt_node(parent, "requesters", NULL);
	else if (scope == SCOPE_ALL)
		other = pt_node(parent, "groups", NULL);
	for (i = 0; i < rows->nrows; i++) {
		const char *kind = pt_cell(rows, i, C_KIND);

		if (kind[0] == 's')
			pt_attr(pt_node(services, "service", pt_cell(rows, i, C_NAME)), "slug",
			    pt_cell(rows, i, C_VALUE));
		else if (other != NULL)
			pt_attr(pt_node(other, kind[0] == 'p' ? "person" : "group",
			    pt_cell(rows, i, C_NAME)), "id", pt_cell(rows, i, C_VALUE));
	}
}

static int
list(struct pt_req *req, enum scope scope, const char *base)
{
	struct tk_binds b = { .n = 0 };
	struct pt_rows rows, count, choices;
	struct filter f;
	xmlNodePtr l, pager;
	long long total;
	int rc;

	if ((rc = read_filter(req, scope, &f)) != PT_OK)
		return rc;
	bind_page(&b, req, &f);
	if ((rc = pt_db_query(req, &sql[SQL_LIST + (scope * MODE__MAX + f.mode) * SORT__MAX + f.sort],
	    &rows, b.b, b.n)) != PT_OK)
		return rc;
	/* A text's page has its count; past its last page, it is counted apart. */
	if (f.mode == MODE_TEXT && rows.nrows > 0)
		total = pt_cell_int(&rows, 0, L_TEXT_TOTAL);
	else {
		b.n = 0;
		bind_count(&b, req, &f);
		if ((rc = pt_db_query(req, &sql[SQL_COUNT + scope * 2 + (f.mode == MODE_TEXT)],
		    &count, b.b, b.n)) != PT_OK)
			return rc;
		total = pt_cell_int(&count, 0, 0);
	}
	b.n = 0;
	tk_bind(&b, pt_int(req->session.user->org_id));
	tk_bind(&b, pt_str(req->lang));
	tk_bind(&b, pt_int(scope == SCOPE_ALL));
	if (scope == SCOPE_ORG)
		tk_bind(&b, pt_int(req->session.user->org_id));
	if ((rc = pt_db_query(req, &sql[SQL_CHOICES + scope], &choices, b.b, b.n)) != PT_OK)
		return rc;

	l = pt_node(req->page, "tickets", NULL);
	pt_attr(l, "scope", scope_names[scope]);
	pt_attr(l, "base", base);
	pt_attr(l, "status", f.status);
	pt_attr(l, "service", f.service);
	pt_attr(l, "q", f.q);
	pt_attr_int(l, "text-recent", TEXT_RECENT);
	pt_attr(l, "sort", sort_names[f.sort]);
	if (f.requester != 0)
		pt_attr_int(l, "requester", f.requester);
	if (f.group != 0)
		pt_attr_int(l, "group", f.group);
	pt_attr(l, "assignee", f.assignee_param);
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	ticket_nodes(req, l, &rows);
	choice_nodes(l, scope, &choices);
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
	int org = pt_can(req, "tickets.read.org"), rc;

	if (!org && !pt_can(req, "tickets.create"))
		return pt_error_page(req, 403, NULL);
	/* Kept for the reader while none of the tickets changed (personal.c). */
	if (tk_personal_list(req, org))
		return 200;
	if ((rc = list(req, org ? SCOPE_ORG : SCOPE_MINE, "/tickets/mine")) == 200)
		tk_personal_keep(req);
	return rc;
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
