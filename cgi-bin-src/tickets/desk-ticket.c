/*
 * The desk's part of an agent's ticket page (under ticket/agent, which
 * only tickets.work holders get): who asks and for which organisation
 * (its tier, its open tickets and the list of them; contracts join here
 * once the orders worker keeps them), canned responses for the reply,
 * time spent, the ticket's links, the knowledge base drafts made from its
 * answers, the merge form's limits and who else has it open.  (Links
 * between tickets are links.c's.)
 *
 * All of it comes with the page's statement (tk_agent_rows) and the
 * ticket's own (the people, the organisation), the canned responses with
 * the kept choices (agent.c); only the record that the reader has the
 * ticket open is a statement of its own.
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

/* The context row 'x' of the page's statement. */
enum { X_ORG_OPEN = 1, X_REQ_OPEN, X_MINUTES };

/* @open of n, a count up to TK_OPEN_COUNT_CAP + 1: the cap and @open-more when more. */
static void
open_attrs(xmlNodePtr n, long long open)
{
	pt_attr_int(n, "open", open > TK_OPEN_COUNT_CAP ? TK_OPEN_COUNT_CAP : open);
	if (open > TK_OPEN_COUNT_CAP)
		pt_attr(n, "open-more", "1");
}

static void
context_node(struct pt_req *req, xmlNodePtr agent, const struct tk_ticket *t,
    const struct pt_rows *rows, size_t x)
{
	xmlNodePtr ctx = pt_node(agent, "context", NULL), n;

	n = pt_node(ctx, "requester", TK_CELL(t, TK_T_REQUESTER_NAME));
	pt_attr(n, "id", TK_CELL(t, TK_T_REQUESTER));
	pt_attr(n, "email", TK_CELL(t, TK_T_REQUESTER_EMAIL));
	pt_attr(n, "lang", TK_CELL(t, TK_T_REQUESTER_LANG));
	open_attrs(n, pt_cell_int(rows, x, X_REQ_OPEN));
	n = pt_node(ctx, "org", TK_CELL(t, TK_T_ORG_NAME));
	pt_attr(n, "id", TK_CELL(t, TK_T_ORG));
	pt_attr(n, "kind", TK_CELL(t, TK_T_ORG_KIND));
	if (TK_CELL(t, TK_T_ORG_TIER) != NULL)
		pt_attr(n, "tier", TK_CELL(t, TK_T_ORG_TIER));
	open_attrs(n, pt_cell_int(rows, x, X_ORG_OPEN));
	pt_attr(n, "href", pt_printf(req, "/tickets/desk?view=all&org=%lld", t->org_id));
}

/*
 * The time entries ('t': id, by, minutes, note, at) and the drafts ('d':
 * message, article, status, title).
 */
static void
side_nodes(struct pt_req *req, xmlNodePtr agent, const struct pt_rows *rows, const char *minutes)
{
	xmlNodePtr time = pt_node(agent, "time", NULL), drafts = pt_node(agent, "drafts", NULL), n;
	size_t i;

	pt_attr(time, "total", minutes);
	for (i = 0; i < rows->nrows; i++) {
		if (TK_TAG(rows, i) == 't') {
			n = pt_node(time, "entry", NULL);
			pt_attr(n, "id", pt_cell(rows, i, 1));
			pt_attr(n, "minutes", pt_cell(rows, i, 3));
			pt_attr(n, "at", pt_cell(rows, i, 5));
			pt_node(n, "by", pt_cell(rows, i, 2));
			pt_node(n, "note", pt_cell(rows, i, 4));
		} else if (TK_TAG(rows, i) == 'd') {
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
tk_desk_node(struct pt_req *req, xmlNodePtr agent, const struct tk_ticket *t,
    const struct pt_rows *rows, const struct pt_rows *choices)
{
	size_t x;
	int rc;

	for (x = 0; x < rows->nrows && TK_TAG(rows, x) != 'x'; x++)
		;
	if (x == rows->nrows)
		return PT_EDB;	/* the statement always has it */
	context_node(req, agent, t, rows, x);
	side_nodes(req, agent, rows, pt_cell(rows, x, X_MINUTES));
	pt_limit(req, "minutes", 5);
	pt_limit(req, "time-note", TK_TIME_NOTE_MAX_CHARS);
	pt_limit(req, "number", 20);
	if ((rc = tk_canned_node(req, agent, t, TK_CELL(t, TK_T_REQUESTER_LANG),
	    choices)) != PT_OK ||
	    (rc = tk_presence_node(req, agent, t, rows)) != PT_OK)
		return rc;
	done_message(req);
	return PT_OK;
}
