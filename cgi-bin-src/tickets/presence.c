/*
 * Who has a ticket open.  Every time an agent's ticket page is built, a
 * row of ticket_viewers says so (the ticket, the agent, now); the page
 * names the other agents seen on the ticket in the last TK_VIEWER_S
 * seconds ("Anna is also viewing this ticket"), so two agents do not
 * answer the same customer at once.  No script is needed: the notice is
 * part of the page.  With script, htdocs/js/tickets-desk.js asks
 * GET /tickets/<number>/viewers every half minute, which keeps the
 * reader's own row fresh while the page stays open and replaces the
 * notice with the answer (view "viewers", a fragment).
 *
 * Customers never get the notice, nor are they recorded: only agents'
 * pages call this (tickets.work).
 */
#include "desk.h"

enum presence_sql { SQL_SEEN, SQL_OTHERS, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_SEEN] = { "tk_presence_seen",
	    "INSERT INTO ticket_viewers (ticket_id, user_id, seen_at) VALUES (?, ?, UTC_TIMESTAMP(6))"
	    " ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)" },
	/* The notice alone (binds: ticket, reader, seconds); the page reads it with the rest. */
	[SQL_OTHERS] = { "tk_presence_others", TK_VIEWERS_PART },
};

int
tk_presence_node(struct pt_req *req, xmlNodePtr parent, const struct tk_ticket *t,
    const struct pt_rows *rows)
{
	xmlNodePtr v;
	size_t i;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_SEEN], PT_BINDS(pt_int(t->id),
	    pt_int(req->session.user->id)), NULL)) != PT_OK)
		return rc;
	v = pt_node(parent, "viewers", NULL);
	pt_attr(v, "href", tk_ticket_path(req, t->number, "/viewers"));
	pt_attr_int(v, "within-s", TK_VIEWER_S);
	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr p;

		if (TK_TAG(rows, i) != 'v')
			continue;
		p = pt_node(v, "person", pt_cell(rows, i, 2));
		pt_attr(p, "id", pt_cell(rows, i, 1));
		pt_attr(p, "seen", pt_cell(rows, i, 3));
	}
	return PT_OK;
}

/* GET /tickets/<number>/viewers: the notice alone, for the page's script. */
static int
viewers(struct pt_req *req)
{
	struct pt_rows others;
	struct tk_ticket t;
	int rc;

	if ((rc = tk_ticket_page(req, &t)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = pt_db_query(req, &sql[SQL_OTHERS], &others, PT_BINDS(pt_int(t.id),
	    pt_int(req->session.user->id), pt_int(TK_VIEWER_S)))) != PT_OK ||
	    (rc = tk_presence_node(req, req->page, &t, &others)) != PT_OK)
		return rc;
	req->view = "viewers";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, TK_ROUTE "/viewers", viewers, PT_R_LOGIN, TK_WORK },
};

static const char *const views[] = { "viewers" };

const struct pt_group tk_presence_group = PT_GROUP(routes, sql, views);
