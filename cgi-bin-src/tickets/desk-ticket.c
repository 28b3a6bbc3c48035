/*
 * The desk's part of an agent's ticket page (under ticket/agent, which
 * only tickets.work holders get): who asks and for which organisation
 * (its tier, its open tickets and the list of them; contracts join here
 * once the orders worker keeps them), canned responses for the reply,
 * time spent, the ticket's links, the knowledge base drafts made from its
 * answers, the merge form's limits and who else has it open.  (Links
 * between tickets are links.c's.)
 *
 * Five queries: the context, one UNION of the lists (time entries and
 * drafts), the canned responses, and the two of presence.
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

enum desk_ticket_sql { SQL_CONTEXT, SQL_SIDE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Binds: ticket.  Open counts by status (tickets_org_status and
	 * tickets_requester), the time spent by the entries of the ticket.
	 */
	[SQL_CONTEXT] = { "tk_desk_context",
	    "SELECT r.id, r.name, r.email, COALESCE(r.language, o.language), o.id, o.name, o.tier,"
	    " o.kind,"
	    " (SELECT COUNT(*) FROM tickets x WHERE x.org_id = o.id"
	    "   AND x.status IN ('new', 'open', 'pending')),"
	    " (SELECT COUNT(*) FROM tickets x WHERE x.requester_id = r.id"
	    "   AND x.status IN ('new', 'open', 'pending')),"
	    " (SELECT COALESCE(SUM(e.minutes), 0) FROM ticket_time_entries e WHERE e.ticket_id = t.id)"
	    " FROM tickets t JOIN users r ON r.id = t.requester_id JOIN orgs o ON o.id = t.org_id"
	    " WHERE t.id = ?" },
	/*
	 * Binds: ticket x2.  Tagged rows: 't' time entries (id, who, minutes,
	 * note, when), 'd' drafts (message, article, status, title).
	 */
	[SQL_SIDE] = { "tk_desk_side",
	    "SELECT 't', e.id, u.name, e.minutes, e.note, " TK_ISO("e.created_at")
	    " FROM ticket_time_entries e JOIN users u ON u.id = e.user_id WHERE e.ticket_id = ?"
	    " UNION ALL SELECT 'd', d.message_id, d.article_id, a.status,"
	    " (SELECT s.title FROM kb_article_texts s WHERE s.article_id = a.id"
	    "   ORDER BY s.version_no DESC LIMIT 1), NULL"
	    " FROM ticket_kb_drafts d JOIN kb_articles a ON a.id = d.article_id WHERE d.ticket_id = ?"
	    " ORDER BY 1, 2 LIMIT 2000" },
};

enum { C_REQ_ID, C_REQ_NAME, C_REQ_EMAIL, C_REQ_LANG, C_ORG_ID, C_ORG_NAME, C_ORG_TIER,
	C_ORG_KIND, C_ORG_OPEN, C_REQ_OPEN, C_MINUTES };

static void
context_node(struct pt_req *req, xmlNodePtr agent, const struct pt_rows *c)
{
	xmlNodePtr ctx = pt_node(agent, "context", NULL), n;

	n = pt_node(ctx, "requester", pt_cell(c, 0, C_REQ_NAME));
	pt_attr(n, "id", pt_cell(c, 0, C_REQ_ID));
	pt_attr(n, "email", pt_cell(c, 0, C_REQ_EMAIL));
	pt_attr(n, "lang", pt_cell(c, 0, C_REQ_LANG));
	pt_attr(n, "open", pt_cell(c, 0, C_REQ_OPEN));
	n = pt_node(ctx, "org", pt_cell(c, 0, C_ORG_NAME));
	pt_attr(n, "id", pt_cell(c, 0, C_ORG_ID));
	pt_attr(n, "kind", pt_cell(c, 0, C_ORG_KIND));
	if (pt_cell(c, 0, C_ORG_TIER) != NULL)
		pt_attr(n, "tier", pt_cell(c, 0, C_ORG_TIER));
	pt_attr(n, "open", pt_cell(c, 0, C_ORG_OPEN));
	pt_attr(n, "href", pt_printf(req, "/tickets/desk?view=all&org=%s", pt_cell(c, 0, C_ORG_ID)));
}

static void
side_nodes(struct pt_req *req, xmlNodePtr agent, const struct pt_rows *rows, const char *minutes)
{
	xmlNodePtr time = pt_node(agent, "time", NULL), drafts = pt_node(agent, "drafts", NULL), n;
	size_t i;

	pt_attr(time, "total", minutes);
	for (i = 0; i < rows->nrows; i++) {
		if (pt_cell(rows, i, 0)[0] == 't') {
			n = pt_node(time, "entry", NULL);
			pt_attr(n, "id", pt_cell(rows, i, 1));
			pt_attr(n, "minutes", pt_cell(rows, i, 3));
			pt_attr(n, "at", pt_cell(rows, i, 5));
			pt_node(n, "by", pt_cell(rows, i, 2));
			pt_node(n, "note", pt_cell(rows, i, 4));
		} else {
			n = pt_node(drafts, "draft", pt_cell(rows, i, 4));
			pt_attr(n, "message", pt_cell(rows, i, 1));
			pt_attr(n, "article", pt_cell(rows, i, 2));
			pt_attr(n, "status", pt_cell(rows, i, 3));
			if (pt_can(req, "kb.edit"))
				pt_attr(n, "href", pt_printf(req, "/kb/editor/articles/%s",
				    pt_cell(rows, i, 2)));
		}
	}
}

long long
tk_id_of(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	if (strlen(s) > 10 || !pt_valid(PT_V_ID, s, strlen(s)))
		return -1;
	return strtoll(s, NULL, 10);
}

int
tk_desk_text(struct pt_req *req, const char *v, const char *field, int multiline, long max_chars,
    int required, const char *prefix)
{
	long n = pt_text_chars(v, multiline);

	if (strspn(v, " \t\n") == strlen(v)) {
		if (!required)
			return 0;
		pt_message(req, "error", pt_printf(req, "%s.required", prefix), field);
	} else if (n > max_chars || (n < 0 && (long)pt_chars(v) > max_chars))
		pt_message_max(req, pt_printf(req, "%s.too-long", prefix), field, max_chars);
	else if (n < 0)
		pt_message(req, "error", pt_printf(req, "%s.invalid", prefix), field);
	else
		return 0;
	return 1;
}

/* The success messages of the desk's own forms (view.c says the others'). */
static void
done_message(struct pt_req *req)
{
	static const char *const done[] = { "time", "kb-draft", "merged-here" };
	const char *d = pt_query(req, "done");

	if (d != NULL && req->method == PT_GET && pt_one_of(d, done, PT_NELEM(done)))
		pt_message(req, "success", pt_printf(req, "tickets.done.%s", d), NULL);
}

int
tk_desk_node(struct pt_req *req, xmlNodePtr agent, const struct tk_ticket *t)
{
	struct pt_rows ctx, side;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CONTEXT], &ctx, PT_BINDS(pt_int(t->id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_SIDE], &side, PT_BINDS(pt_int(t->id),
	    pt_int(t->id)))) != PT_OK)
		return rc;
	if (ctx.nrows != 1)
		return PT_ENOTFOUND;
	context_node(req, agent, &ctx);
	side_nodes(req, agent, &side, pt_cell(&ctx, 0, C_MINUTES));
	pt_limit(req, "minutes", 5);
	pt_limit(req, "time-note", TK_TIME_NOTE_MAX_CHARS);
	pt_limit(req, "number", 20);
	if ((rc = tk_canned_node(req, agent, t, pt_cell(&ctx, 0, C_REQ_LANG))) != PT_OK ||
	    (rc = tk_presence_node(req, agent, t)) != PT_OK)
		return rc;
	done_message(req);
	return PT_OK;
}

const struct pt_group tk_desk_ticket_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
