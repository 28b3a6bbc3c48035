/*
 * Bulk changes on the desk (tickets.work): POST /tickets/desk?<the view's
 * query> with the tickets ticked on the page (ticket, up to
 * TK_DESK_BULK_MAX) and one action, the submit button's value:
 *
 *   assign    bulk-to: "me" (the group stays), "g<group>" (the group's
 *             queue: nobody's), "a<group>-<agent>" (an agent of the group)
 *   status    bulk-status and, for pending, bulk-reason
 *   priority  bulk-priority, 1 to 5
 *
 * Each ticket goes through the single ticket's code: its row locked and
 * its access checked (tk_ticket_lock_number), then tk_assign,
 * tk_status_change (history, audit, the clocks, the mail to the requester
 * and CC) or tk_priority_change (history, audit, the clocks' targets), all
 * in one transaction, the tickets locked in the order of their numbers.
 *
 * What is refused:
 *   - the whole change, with 422, the page again with the tickets still
 *     ticked and a message: no ticket, too many, a number that is none,
 *     no action, an assignee or status or priority that is none, and a
 *     status a ticket has already (as on the ticket page); nothing changes;
 *   - some tickets: one that does not exist (any more) or that is merged
 *     into another (its conversation is worked there) is left as it is
 *     and named, with why, on the page after the change; a change a
 *     ticket has already (assigned so, that priority) is counted apart.
 *     When no ticket changes at all, that is a 422 too.
 * After a change, 303 to the desk's view with the outcome in the query
 * (done=bulk, changed, unchanged, refused=<number>:<why>.<number>:<why>
 * for the first REFUSED_LISTED of those left, more=<how many else>),
 * which the page shows (tk_desk_bulk_result): a redirect's target is at
 * most 1 024 characters of a few kinds (PT_V_LOCAL_PATH).
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

enum bulk_sql { SQL_GROUP, SQL_MEMBER, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_GROUP] = { "tk_bulk_group",
	    "SELECT id FROM ticket_groups WHERE id = ? AND active = 1" },
	/* Binds: group, agent. */
	[SQL_MEMBER] = { "tk_bulk_member",
	    "SELECT u.id FROM ticket_group_members m"
	    " JOIN ticket_groups g ON g.id = m.group_id AND g.active = 1"
	    " JOIN users u ON u.id = m.user_id WHERE m.group_id = ? AND m.user_id = ? AND"
	    TK_IS_AGENT },
};

enum action { A_ASSIGN, A_STATUS, A_PRIORITY, A__MAX };
static const char *const actions[A__MAX] = { "assign", "status", "priority" };

/* Why a ticket was left as it was. */
enum why { WHY_UNKNOWN, WHY_MERGED, WHY_SAME, WHY__MAX };
static const char *const whys[WHY__MAX] = { "unknown", "merged", "same" };

/* The tickets left as they were that the outcome names; it counts the others. */
#define REFUSED_LISTED	20

/* The form's fields besides the tickets, echoed on a 422. */
static const char *const fields[] = {
	"action", "bulk-to", "bulk-status", "bulk-reason", "bulk-priority"
};

struct bulk {
	enum action	 action;
	const char	**numbers;	/* sorted, each once */
	size_t		 n;
	long long	 group, agent;	/* assign: -1 keeps the ticket's */
	const char	*status, *reason;
	long long	 priority;
	/* the outcome */
	enum why	*why;		/* per number; WHY__MAX: changed or unchanged */
	size_t		 changed, unchanged;
};

static int
compare_numbers(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The tickets ticked into b, sorted and each once: PT_OK, or a message's key. */
static int
read_tickets(struct pt_req *req, struct bulk *b, const char **key)
{
	size_t i, j;

	*key = NULL;
	if ((b->numbers = pt_alloc(req, (req->form.n + 1) * sizeof(*b->numbers))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < req->form.n; i++) {
		const char *v = req->form.v[i].value;

		if (strcmp(req->form.v[i].name, "ticket") != 0)
			continue;
		if (!tk_number_ok(v)) {
			*key = "tickets.bulk.invalid";
			return PT_OK;
		}
		for (j = 0; j < b->n && strcmp(b->numbers[j], v) != 0; j++)
			;
		if (j == b->n)
			b->numbers[b->n++] = v;
	}
	if (b->n == 0)
		*key = "tickets.bulk.none";
	else if (b->n > TK_DESK_BULK_MAX)
		*key = "tickets.bulk.too-many";
	qsort(b->numbers, b->n, sizeof(*b->numbers), compare_numbers);
	return PT_OK;
}

/* "me", "g<group>" or "a<group>-<agent>" into b: PT_OK, or PT_EINVAL for anything else. */
static int
parse_to(const struct pt_req *req, const char *v, struct bulk *b)
{
	const char *dash;
	char *end;

	if (v == NULL)
		return PT_EINVAL;
	if (strcmp(v, "me") == 0) {
		b->group = -1;
		b->agent = req->session.user->id;
		return PT_OK;
	}
	if ((v[0] != 'g' && v[0] != 'a') || v[1] < '1' || v[1] > '9' || strlen(v) > 24)
		return PT_EINVAL;
	b->group = strtoll(v + 1, &end, 10);
	b->agent = 0;
	if (v[0] == 'g')
		return *end == '\0' ? PT_OK : PT_EINVAL;
	dash = end;
	if (*dash != '-' || dash[1] < '1' || dash[1] > '9')
		return PT_EINVAL;
	b->agent = strtoll(dash + 1, &end, 10);
	return *end == '\0' ? PT_OK : PT_EINVAL;
}

/*
 * The action and its value into b: PT_OK with *key NULL, or a message's
 * key and its field; or an error.
 */
static int
read_action(struct pt_req *req, struct bulk *b, const char **key, const char **field)
{
	const char *a = pt_form(req, "action"), *v;
	struct pt_rows rows;
	int rc, at_reason;
	size_t i;

	*key = NULL;
	*field = "action";
	for (i = 0; a != NULL && i < A__MAX && strcmp(a, actions[i]) != 0; i++)
		;
	if (a == NULL || i == A__MAX) {
		*key = "tickets.bulk.action";
		return PT_OK;
	}
	b->action = (enum action)i;
	switch (b->action) {
	case A_ASSIGN:
		*field = "bulk-to";
		if (parse_to(req, pt_form(req, "bulk-to"), b) != PT_OK) {
			*key = "tickets.bulk.to.invalid";
			return PT_OK;
		}
		if (b->group < 0)
			return PT_OK;
		if (b->agent == 0)
			rc = pt_db_query(req, &sql[SQL_GROUP], &rows, PT_BINDS(pt_int(b->group)));
		else
			rc = pt_db_query(req, &sql[SQL_MEMBER], &rows, PT_BINDS(pt_int(b->group),
			    pt_int(b->agent)));
		if (rc != PT_OK)
			return rc;
		if (rows.nrows != 1)
			*key = "tickets.bulk.to.invalid";
		return PT_OK;
	case A_STATUS:
		b->status = pt_form(req, "bulk-status");
		b->reason = pt_form(req, "bulk-reason");
		if ((*key = tk_status_input(b->status, &b->reason, &at_reason)) != NULL)
			*field = at_reason ? "bulk-reason" : "bulk-status";
		return PT_OK;
	default:
		*field = "bulk-priority";
		v = pt_form(req, "bulk-priority");
		if (v == NULL || strlen(v) != 1 || v[0] < '1' || v[0] > '5')
			*key = "tickets.bulk.priority.invalid";
		else
			b->priority = v[0] - '0';
		return PT_OK;
	}
}

static void
why_node(xmlNodePtr result, const char *number, const char *why)
{
	xmlNodePtr n = pt_node(result, "ticket", NULL);

	pt_attr(n, "number", number);
	pt_attr(n, "why", why);
}

/* The outcome for the page: <bulk-result state changed unchanged><ticket number why/>... */
static xmlNodePtr
result_node(struct pt_req *req, const char *state, const struct bulk *b)
{
	xmlNodePtr r = pt_node(req->page, "bulk-result", NULL);
	size_t i;

	pt_attr(r, "state", state);
	pt_attr_int(r, "changed", (long long)b->changed);
	pt_attr_int(r, "unchanged", (long long)b->unchanged);
	for (i = 0; b->why != NULL && i < b->n; i++)
		if (b->why[i] != WHY__MAX)
			why_node(r, b->numbers[i], whys[b->why[i]]);
	return r;
}

/* The desk again, 422: the message at its field, the tickets still ticked, the form's values. */
static int
refuse(struct pt_req *req, const struct bulk *b, const char *key, const char *field)
{
	xmlNodePtr f;
	size_t i;

	if (key != NULL) {
		if (strcmp(key, "tickets.bulk.too-many") == 0)
			pt_message_max(req, key, field, TK_DESK_BULK_MAX);
		else
			pt_message(req, "error", key, field);
	}
	f = pt_form_echo(req, "bulk", fields, PT_NELEM(fields));
	for (i = 0; i < b->n; i++)
		pt_attr(pt_node(f, "field", b->numbers[i]), "name", "ticket");
	return tk_desk_page(req, 422);
}

/*
 * The action on the locked ticket t, which may be changed: counted as
 * changed, or as unchanged when it has that assignment or priority.
 */
static int
change(struct pt_req *req, struct bulk *b, const struct tk_ticket *t)
{
	const char *g = TK_CELL(t, TK_T_GROUP), *a = TK_CELL(t, TK_T_ASSIGNEE);
	long long old_group = g != NULL ? strtoll(g, NULL, 10) : 0;
	long long old_agent = a != NULL ? strtoll(a, NULL, 10) : 0;
	long long group = b->group >= 0 ? b->group : old_group;

	switch (b->action) {
	case A_ASSIGN:
		if (group == old_group && b->agent == old_agent) {
			b->unchanged++;
			return PT_OK;
		}
		b->changed++;
		return tk_assign(req, t, group, b->agent);
	case A_STATUS:
		b->changed++;
		return tk_status_change(req, t, b->status, b->reason);
	default:
		if (strtoll(TK_CELL(t, TK_T_PRIORITY), NULL, 10) == b->priority) {
			b->unchanged++;
			return PT_OK;
		}
		b->changed++;
		return tk_priority_change(req, t, b->priority);
	}
}

/* Where the desk shows the outcome: its view and page, and done=bulk with the numbers. */
static const char *
done_location(struct pt_req *req, const struct bulk *b)
{
	const char *loc = pt_printf(req, "/tickets/desk?%s&page=%lld&done=bulk&changed=%zu"
	    "&unchanged=%zu", tk_desk_query(req), pt_query_page(req), b->changed, b->unchanged);
	size_t i, k = 0;

	for (i = 0; loc != NULL && i < b->n; i++) {
		if (b->why[i] == WHY__MAX)
			continue;
		if (k < REFUSED_LISTED)
			loc = pt_printf(req, "%s%s%s:%s", loc, k == 0 ? "&refused=" : ".",
			    b->numbers[i], whys[b->why[i]]);
		k++;
	}
	if (loc != NULL && k > REFUSED_LISTED)
		loc = pt_printf(req, "%s&more=%zu", loc, k - REFUSED_LISTED);
	return loc;
}

/* POST /tickets/desk */
static int
bulk(struct pt_req *req)
{
	struct bulk b;
	struct tk_ticket *t;
	const char *key, *field = "bulk";
	size_t i, invalid = 0;
	int rc;

	memset(&b, 0, sizeof(b));
	if ((rc = read_tickets(req, &b, &key)) != PT_OK)
		return rc;
	if (key != NULL)
		return refuse(req, &b, key, "bulk");
	if ((rc = read_action(req, &b, &key, &field)) != PT_OK)
		return rc;
	if (key != NULL)
		return refuse(req, &b, key, field);
	if ((b.why = pt_alloc(req, b.n * sizeof(*b.why))) == NULL ||
	    (t = pt_alloc(req, b.n * sizeof(*t))) == NULL)
		return PT_ENOMEM;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	for (i = 0; i < b.n; i++) {
		b.why[i] = WHY__MAX;
		rc = tk_ticket_lock_number(req, b.numbers[i], &t[i]);
		if (rc == PT_ENOTFOUND)
			b.why[i] = WHY_UNKNOWN;
		else if (rc != PT_OK)
			goto fail;
		else if (TK_CELL(&t[i], TK_T_MERGED) != NULL)
			b.why[i] = WHY_MERGED;
		else if (b.action == A_STATUS && tk_status_unchanged(&t[i], b.status, b.reason)) {
			b.why[i] = WHY_SAME;
			invalid++;
		}
	}
	/* A status a ticket has already is refused as on its page: the whole change. */
	if (invalid > 0) {
		pt_db_rollback(req);
		for (i = 0; i < b.n; i++)
			if (b.why[i] != WHY_SAME)
				b.why[i] = WHY__MAX;
		result_node(req, "refused", &b);
		return refuse(req, &b, "tickets.bulk.same", "bulk-status");
	}
	for (i = 0; i < b.n; i++)
		if (b.why[i] == WHY__MAX && (rc = change(req, &b, &t[i])) != PT_OK)
			goto fail;
	if (b.changed == 0 && b.unchanged == 0) {
		pt_db_rollback(req);
		result_node(req, "refused", &b);
		return refuse(req, &b, "tickets.bulk.nothing", "bulk");
	}
	if ((rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, done_location(req, &b));
fail:
	pt_db_rollback(req);
	return rc;
}

int
tk_desk_bulk_result(struct pt_req *req)
{
	struct bulk b;
	const char *done = pt_query(req, "done"), *v = pt_query(req, "refused"), *colon, *dot, *next;
	char number[24];
	xmlNodePtr r;
	size_t k, w, len;

	if (done == NULL || strcmp(done, "bulk") != 0 || req->method != PT_GET)
		return PT_OK;
	memset(&b, 0, sizeof(b));
	b.changed = (size_t)(tk_id_of(pt_query(req, "changed")) > 0 ?
	    tk_id_of(pt_query(req, "changed")) : 0);
	b.unchanged = (size_t)(tk_id_of(pt_query(req, "unchanged")) > 0 ?
	    tk_id_of(pt_query(req, "unchanged")) : 0);
	if ((r = result_node(req, "done", &b)) == NULL)
		return PT_ENOMEM;
	if (tk_id_of(pt_query(req, "more")) > 0)
		pt_attr_int(r, "more", tk_id_of(pt_query(req, "more")));
	/* "<number>:<why>.<number>:<why>": what is not a number and a reason is left out. */
	for (k = 0; v != NULL && *v != '\0' && k < REFUSED_LISTED; k++, v = next) {
		dot = strchr(v, '.');
		next = dot != NULL ? dot + 1 : NULL;
		len = dot != NULL ? (size_t)(dot - v) : strlen(v);
		if ((colon = memchr(v, ':', len)) == NULL || (size_t)(colon - v) >= sizeof(number))
			continue;
		memcpy(number, v, (size_t)(colon - v));
		number[colon - v] = '\0';
		for (w = 0; w < WHY__MAX; w++)
			if (strlen(whys[w]) == len - (size_t)(colon - v) - 1 &&
			    strncmp(colon + 1, whys[w], strlen(whys[w])) == 0)
				break;
		if (tk_number_ok(number) && w < WHY__MAX)
			why_node(r, number, whys[w]);
	}
	return PT_OK;
}

static const struct pt_route routes[] = {
	{ PT_POST, "/tickets/desk", bulk, PT_R_LOGIN, TK_WORK },
};

static const char *const views[] = { "desk" };

const struct pt_group tk_desk_bulk_group = PT_GROUP(routes, sql, views);
