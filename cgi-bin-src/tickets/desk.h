/*
 * The agent desk (tickets.work): its views of the tickets, and on the
 * ticket page the requester's and organisation's context, canned
 * responses, merging, time spent, knowledge base drafts from answers and
 * who else has the ticket open.  Each file is a page group, listed in
 * main.c; this header is what they share.
 */
#ifndef TICKETS_DESK_H
#define TICKETS_DESK_H

#include "tickets.h"

extern const struct pt_group tk_desk_group;		/* desk.c: the desk's views */
extern const struct pt_group tk_desk_bulk_group;	/* desk-bulk.c: bulk changes */
extern const struct pt_group tk_canned_group;		/* canned.c: canned responses */
extern const struct pt_group tk_merge_group;		/* merge.c: a duplicate into another ticket */
extern const struct pt_group tk_time_group;		/* timespent.c: time spent */
extern const struct pt_group tk_kbdraft_group;		/* kbdraft.c: an answer as a KB draft */
extern const struct pt_group tk_presence_group;		/* presence.c: who has a ticket open */

#define TK_WORK	"tickets.work"

/* ---- the desk's views (desk.c) ---------------------------------------------------- */

/* The views, in the order of their tabs (and of the desk's counts). */
enum tk_desk_view {
	TK_DESK_V_MINE, TK_DESK_V_UNASSIGNED, TK_DESK_V_GROUPS, TK_DESK_V_BREACHING,
	TK_DESK_V_PENDING, TK_DESK_V_ALL, TK_DESK_V__MAX
};
/*
 * The desk of the query's view and filters with status (200, or 422 after
 * a refused bulk change whose messages are already on the page).
 */
int	 tk_desk_page(struct pt_req *, int status);
/* The query's view and filters as a query string (view=...&...), page aside; NULL on OOM. */
const char *tk_desk_query(struct pt_req *);

/* ---- bulk changes (desk-bulk.c) --------------------------------------------------- */

/* The most tickets one bulk change takes (a desk page shows at most as many). */
#define TK_DESK_BULK_MAX	100
/* After a bulk change (GET ?done=bulk&...): its outcome under the page. */
int	 tk_desk_bulk_result(struct pt_req *);

/* ---- the ticket page (desk-ticket.c) ------------------------------------------ */

/*
 * The desk's part of an agent's ticket page, under the agent node: the
 * context (requester, organisation), canned responses, time spent,
 * drafts, the merge form, and who else has it open (which also
 * records that the reader has).  From the page's rows (tk_agent_rows)
 * and the kept choices (agent.c: 'k' the canned responses).
 */
int	 tk_desk_node(struct pt_req *, xmlNodePtr agent, const struct tk_ticket *,
	    const struct pt_rows *rows, const struct pt_rows *choices);
/* Open tickets are counted up to this and one more ("more than 1000"). */
#define TK_OPEN_COUNT_CAP	1000

/* ---- canned responses (canned.c) ------------------------------------------------ */

/*
 * <canned lang><response id name lang>filled body</response>...</canned>
 * under parent from the 'k' rows of choices (id, name, lang, body: one
 * variant per name, in lang, the requester's, where there is one);
 * placeholders filled for t, which was loaded for the page
 * (tk_ticket_page).
 */
int	 tk_canned_node(struct pt_req *, xmlNodePtr parent, const struct tk_ticket *,
	    const char *lang, const struct pt_rows *choices);
/*
 * body with its placeholders filled for t (loaded for the page) and the
 * reader as the agent; in the arena, NULL on OOM.
 */
const char *tk_canned_fill(struct pt_req *, const char *body, const struct tk_ticket *);

/* ---- presence (presence.c) -------------------------------------------------------- */

/* How long a viewer counts as having the ticket open, in seconds. */
#define TK_VIEWER_S	120
/*
 * Record that the reader has t open now (outside any transaction), and
 * <viewers href within-s><person id seen>name</person>...</viewers> under
 * parent from the 'v' rows (TK_VIEWERS_PART): the other agents who had
 * it open within TK_VIEWER_S seconds.
 */
int	 tk_presence_node(struct pt_req *, xmlNodePtr parent, const struct tk_ticket *,
	    const struct pt_rows *rows);
/*
 * The other agents who had a ticket open lately, newest first, a part of
 * the page's statement ('v': id, name, seen).  Binds: ticket, reader,
 * seconds.
 */
#define TK_VIEWERS_PART \
	"(SELECT 'v', u.id, u.name, " TK_ISO("v.seen_at") ", NULL, NULL, NULL, NULL, NULL, NULL," \
	" NULL, NULL, NULL, '', TIMESTAMPDIFF(MICROSECOND, v.seen_at, UTC_TIMESTAMP(6)), u.id, 0" \
	" FROM ticket_viewers v JOIN users u ON u.id = v.user_id" \
	" WHERE v.ticket_id = ? AND v.user_id <> ?" \
	" AND v.seen_at >= UTC_TIMESTAMP(6) - INTERVAL ? SECOND" \
	" ORDER BY v.seen_at DESC LIMIT 10)"

/* ---- shared by the desk's forms ---------------------------------------------------- */

/* The positive id in s (at most 10 digits); 0 for "", -1 for anything else. */
long long tk_id_of(const char *s);
/*
 * Check text v of field: required (unless it may be empty or white
 * space), at most max_chars characters, printable (tab and line ends
 * allowed when multiline).  0 when fine, else 1 after the message
 * <prefix>.required, .too-long (with the bound) or .invalid at field.
 */
int	 tk_desk_text(struct pt_req *, const char *v, const char *field, int multiline,
	    long max_chars, int required, const char *prefix);
/* The bounds of one entry of time spent. */
#define TK_TIME_MAX_MINUTES	1440
#define TK_TIME_NOTE_MAX_CHARS	500

#endif
