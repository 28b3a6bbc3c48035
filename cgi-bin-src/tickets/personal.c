/*
 * A reader's own ticket pages, kept for them (pagecache.c,
 * pt_pagecache_personal): a customer's page of a ticket and list of their
 * tickets, and an agent's desk.  Building any of them costs three or four
 * statements and a transform of twenty messages or rows; a kept one costs
 * the stamp below, one indexed statement, and a file read.
 *
 * The stamp is what the page was made of: for a ticket, its row's change
 * time and state, the newest history row (every change writes one), the
 * survey and the SLA deadline shown, and the two things that change with
 * time alone (the reopen window and the survey's).  Messages, files, CC and
 * links need no part of their own: whatever adds, moves or removes one also
 * moves the ticket's updated_at (pt_ticket_touch or a status change: reply,
 * note, mail in, merge) or writes history (links, on both tickets) in the
 * same transaction.  Each part costs MariaDB a subquery to plan on every
 * execution: with one per table the stamp took about half of the database's
 * time per kept page, and the kept page was at 0.15 of hello; with these
 * three (the survey and the CC of the access rule are joined by their keys),
 * 0.2 and more.  For a list, the newest change time of
 * the tickets in its scope (raising, replying and every status or field
 * change move it) and, for one's own list, the tickets one is in CC on.
 * The statement is also the access rule: a ticket the reader may not see
 * has no stamp, and its page is built (and refused) as always.
 *
 * An agent's ticket page is never kept: who else has it open changes by
 * the second.  Their desk is (desk.c), per agent, since it counts what is
 * theirs and their groups': its stamp is the newest change time and the
 * newest id of all tickets, which every change to a ticket moves (raised,
 * assigned, answered, its status or priority set, on the web, by mail or
 * in bulk: each writes updated_at, and its SLA deadlines move with it),
 * so any change shows on the next desk, whoever made it; and the
 * database's auth_generation, which every change to the people,
 * organisations, groups and services it names raises, as the process
 * knows it (pt_kept_generation: at once on this host, from others within
 * half a second, as kept sessions and lists follow it).  What
 * changes with time alone (a deadline that passes, the breaching tab, "3
 * minutes ago") the desk names with pt_pagecache_until.  Deadlines that
 * an edited calendar moves (the SLA check writes them without a change to
 * the ticket) show within PT_PAGECACHE_PERSONAL_S.  So does, on any of
 * these pages, a change whose transaction wrote its change time before
 * another one's and committed after it, if a page was kept in between:
 * the newest change time was the other's before and after.
 *
 * Names of people and services are in no customer's stamp; an entry lives
 * PT_PAGECACHE_PERSONAL_S seconds at most.  Times on kept pages may be
 * relative ("3 minutes ago"): the entry is not used once one of them
 * turns (render.c).
 */
#include <string.h>

#include "tickets.h"

enum { SQL_TICKET, SQL_MINE, SQL_ORG, SQL_DESK, SQL__MAX };

#define STAMP_TIME(col)	"IFNULL(DATE_FORMAT(" col ", '%Y%m%d%H%i%s%f'), '-')"
#define NOW "UTC_TIMESTAMP(6)"

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: reopen days, reader, number, org, reader, tickets.read.org. */
	[SQL_TICKET] = { "tk_personal_ticket",
	    "SELECT CONCAT_WS('/', t.id, " STAMP_TIME("t.updated_at") ", t.status,"
	    " IFNULL(t.pending_reason, '-'), t.priority, IFNULL(t.group_id, 0),"
	    " IFNULL(t.assignee_id, 0), IFNULL(t.parent_id, 0), IFNULL(t.merged_into_id, 0),"
	    " " STAMP_TIME("t.resolved_at") ", " STAMP_TIME("t.closed_at") ","
	    " IFNULL(TIMESTAMPDIFF(SECOND, t.resolved_at, " NOW ") >= ? * 86400, '-'),"
	    " (SELECT IFNULL(MAX(h.id), 0) FROM ticket_history h WHERE h.ticket_id = t.id),"
	    " IFNULL(CONCAT_WS(',', s.round, IFNULL(s.rating, '-'),"
	    "   " STAMP_TIME("s.answered_at") ", " STAMP_TIME("s.changed_at") ","
	    "   s.expires_at <= " NOW ", IFNULL(s.answered_at + INTERVAL 7 DAY <= " NOW ", '-')), '-'),"
	    " (SELECT CONCAT(" STAMP_TIME("MIN(IF(c.kind IN ('first_response', 'update')"
	    "   AND c.state = 'running' AND c.due_at >= " NOW ", c.due_at, NULL))") ", ',',"
	    "   IFNULL(MAX(c.state = 'paused'), 0))"
	    "   FROM ticket_sla_clocks c WHERE c.ticket_id = t.id))"
	    " FROM tickets t LEFT JOIN ticket_surveys s ON s.ticket_id = t.id"
	    " LEFT JOIN ticket_cc cc ON cc.ticket_id = t.id AND cc.user_id = ?"
	    " WHERE t.number = ? AND t.org_id = ? AND (t.requester_id = ? OR cc.user_id IS NOT NULL OR ?)" },
	/* Binds: reader x2. */
	[SQL_MINE] = { "tk_kept_mine",
	    "SELECT CONCAT_WS('/',"
	    " (SELECT " STAMP_TIME("MAX(t.updated_at)") " FROM tickets t WHERE t.requester_id = ?),"
	    " (SELECT CONCAT(COUNT(*), ',', " STAMP_TIME("MAX(t.updated_at)") ", ',', BIT_XOR(t.id))"
	    "   FROM ticket_cc c JOIN tickets t ON t.id = c.ticket_id WHERE c.user_id = ?))" },
	/* Binds: org. */
	[SQL_ORG] = { "tk_kept_org",
	    "SELECT " STAMP_TIME("MAX(t.updated_at)") " FROM tickets t WHERE t.org_id = ?" },
	/*
	 * No binds: the ends of two indexes, read without a subquery (MariaDB
	 * plans each on every execution, which would cost more than the read).
	 */
	[SQL_DESK] = { "tk_kept_desk",
	    "SELECT CONCAT_WS('/', " STAMP_TIME("MAX(t.updated_at)") ", IFNULL(MAX(t.id), 0))"
	    " FROM tickets t" },
};

const struct pt_group tk_personal_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

/* Only a plain GET of the page (no message to show, no XML). */
static int
keepable(struct pt_req *req)
{
	return req->session.user != NULL && req->method == PT_GET && !req->want_xml;
}

/* Customers only: an agent's ticket page and lists are never kept. */
static int
customer(struct pt_req *req)
{
	return keepable(req) && !pt_can(req, "tickets.work");
}

/*
 * Look the stamp up with statement s, followed by more, and mark the page
 * personal; 1 if a kept page was sent.
 */
static int
serve_more(struct pt_req *req, const struct pt_sql *s, const struct pt_bind *binds, size_t n,
    const char *variant, const char *more)
{
	struct pt_rows rows;
	const char *stamp;

	if (pt_db_query(req, s, &rows, binds, n) != PT_OK || rows.nrows != 1 ||
	    pt_cell(&rows, 0, 0) == NULL ||
	    (stamp = pt_printf(req, "%s%s", pt_cell(&rows, 0, 0), more)) == NULL)
		return 0;
	pt_pagecache_personal(req, stamp);
	return pt_pagecache_find(req, variant, NULL) && pt_pagecache_send(req, NULL) == PT_OK;
}

/* The same with the statement's stamp alone. */
static int
serve(struct pt_req *req, const struct pt_sql *s, const struct pt_bind *binds, size_t n,
    const char *variant)
{
	return serve_more(req, s, binds, n, variant, "");
}


int
tk_personal_ticket(struct pt_req *req, const char *number)
{
	const struct pt_user *u = req->session.user;

	if (!customer(req) || number == NULL || req->query.n > 0)
		return 0;
	return serve(req, &sql[SQL_TICKET], PT_BINDS(pt_int(pt_ticket_reopen_days()),
	    pt_int(u->id), pt_str(number), pt_int(u->org_id), pt_int(u->id),
	    pt_int(pt_can(req, "tickets.read.org"))), NULL);
}

/* What the list reads from its query string (list.c). */
static const char *const list_params[] = {
	"status", "service", "q", "sort", "page", "requester", "group", "assignee"
};

int
tk_personal_list(struct pt_req *req, int org)
{
	const struct pt_user *u = req->session.user;
	const char *variant;

	if (!customer(req) ||
	    (variant = pt_pagecache_variant(req, list_params, PT_NELEM(list_params))) == NULL)
		return 0;
	if (org)
		return serve(req, &sql[SQL_ORG], PT_BINDS(pt_int(u->org_id)), variant);
	return serve(req, &sql[SQL_MINE], PT_BINDS(pt_int(u->id), pt_int(u->id)), variant);
}

/* What the desk reads from its query string (desk.c); "done" (a bulk change's outcome) is not kept. */
static const char *const desk_params[] = {
	"view", "org", "service", "priority", "status", "q", "per", "page"
};

int
tk_personal_desk(struct pt_req *req)
{
	const char *variant, *more;
	long long names;

	if (!keepable(req) ||
	    (variant = pt_pagecache_variant(req, desk_params, PT_NELEM(desk_params))) == NULL ||
	    (names = pt_kept_generation(req)) < 0 || (more = pt_printf(req, "/%lld", names)) == NULL)
		return 0;
	return serve_more(req, &sql[SQL_DESK], PT_NOBINDS, variant, more);
}

void
tk_personal_keep(struct pt_req *req)
{
	if (req->cache_personal)
		pt_pagecache_keep(req, 0);
}
