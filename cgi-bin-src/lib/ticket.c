/*
 * What every change of a ticket writes, inside the change's transaction,
 * whoever makes it: the tickets worker for a person on the web, and
 * portico-mailin for a person who wrote a mail.  The actor is the
 * request's user (req->session.user; portico-mailin sets the sender).
 *
 *   - a new ticket: the next number of the year (ticket_counters, its
 *     row locked by the write that counts on until the transaction ends,
 *     so numbers are gapless and in order), its priority from the matrix,
 *     its SLA clocks, its first message and history row;
 *   - a message of the conversation, with its files (stored under
 *     [paths] files/tickets/ before the transaction, removed again when
 *     it fails);
 *   - a history row per field that changed, the ticket's updated_at, a
 *     status change with the times it sets, a new priority with the SLA
 *     clocks' targets for it;
 *   - the reopen rule of a customer's reply;
 *   - an agent's touch of a ticket whose escalation waits for one
 *     (processes/ticket-escalation.bpmn): the message ticket.touched.
 * The audit row and the mails (ticket-mail.c) are the caller's, since
 * what they say depends on the change.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"

enum ticket_sql {
	SQL_HISTORY,
	SQL_TOUCH,
	SQL_STATUS,
	SQL_PRIORITY_SET,
	SQL_MESSAGE,
	SQL_FILE,
	SQL_COUNTER_NEXT,
	SQL_PRIORITY,
	SQL_INSERT,
	SQL_ESCALATION_WAITS,
	SQL__MAX
};

#define NOW "UTC_TIMESTAMP(6)"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_HISTORY] = { "pt_ticket_history",
	    "INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value)"
	    " VALUES (?, " NOW ", ?, ?, LEFT(?, 300), LEFT(?, 300))" },
	[SQL_TOUCH] = { "pt_ticket_touch",
	    "UPDATE tickets SET updated_at = " NOW " WHERE id = ?" },
	/*
	 * Binds: reason, status x4, id.  Back to an open state forgets when it
	 * was resolved; status is set last, as MariaDB assigns in order.
	 */
	[SQL_STATUS] = { "pt_ticket_status",
	    "UPDATE tickets SET pending_reason = ?, updated_at = " NOW ","
	    " resolved_at = CASE WHEN ? = 'resolved' THEN " NOW
	    "   WHEN ? IN ('new', 'open', 'pending') THEN NULL ELSE resolved_at END,"
	    " closed_at = IF(? = 'closed', " NOW ", NULL), status = ? WHERE id = ?" },
	[SQL_PRIORITY_SET] = { "pt_ticket_priority_set",
	    "UPDATE tickets SET priority = ?, updated_at = " NOW " WHERE id = ?" },
	[SQL_MESSAGE] = { "pt_ticket_message",
	    "INSERT INTO ticket_messages (ticket_id, kind, via, author_id, body, message_id, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, " NOW ")" },
	[SQL_FILE] = { "pt_ticket_file",
	    "INSERT INTO ticket_attachments (ticket_id, message_id, field_id, filename, content_type,"
	    " size_bytes, storage_name, created_by, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, " NOW ")" },
	/*
	 * The year's next number, its row locked to the end of the
	 * transaction: 1 affected row for the year's first (a new row, seq 1),
	 * 2 for the others (seq is the insert id LAST_INSERT_ID sets).
	 * Binds: year.
	 */
	[SQL_COUNTER_NEXT] = { "pt_ticket_counter_next",
	    "INSERT INTO ticket_counters (year, last_no) VALUES (?, 1)"
	    " ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)" },
	/* Kept (pt_kept_query): the matrix changes rarely.  Binds: impact, urgency. */
	[SQL_PRIORITY] = { "pt_ticket_priority",
	    "SELECT priority FROM ticket_priority_matrix WHERE impact = ? AND urgency = ?" },
	[SQL_INSERT] = { "pt_ticket_insert",
	    "INSERT INTO tickets (number, year, seq, org_id, requester_id, service_id, type, subject,"
	    " status, impact, urgency, priority, group_id, thread_id, created_at, updated_at,"
	    " sla_due_at, sla_warn_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, " NOW ", " NOW ", ?, ?)" },
	/*
	 * The ticket's number when its escalation waits for a touch: an
	 * instance subscribed to ticket.touched, or a breach flowd has not
	 * taken yet (commands are taken in id order, so a touch written after
	 * it finds the instance that breach starts); and no touch of it is
	 * pending already (a reply with a new status is one touch).  Binds: ticket.
	 */
	[SQL_ESCALATION_WAITS] = { "pt_ticket_escalation_waits",
	    "SELECT t.number FROM tickets t WHERE t.id = ?"
	    " AND (EXISTS (SELECT 1 FROM flow_subscriptions s WHERE s.message = 'ticket.touched'"
	    "     AND s.business_key = t.number AND s.instance_id IS NOT NULL)"
	    "   OR EXISTS (SELECT 1 FROM flow_commands c WHERE c.failed_at IS NULL"
	    "     AND c.kind = 'message' AND c.message = 'ticket.sla_breached'"
	    "     AND c.business_key = t.number))"
	    " AND NOT EXISTS (SELECT 1 FROM flow_commands c WHERE c.failed_at IS NULL"
	    "   AND c.kind = 'message' AND c.message = 'ticket.touched' AND c.business_key = t.number)" },
};

const struct pt_group pt_ticket_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

#define PRIORITY_DEFAULT 3	/* when the matrix lacks a cell (logged) */

/* The actor's id as a bind: NULL for a change nobody made in person. */
static struct pt_bind
actor(const struct pt_req *req)
{
	return req->session.user != NULL ? pt_int(req->session.user->id) : pt_str(NULL);
}

/* ---- history, status, reopening ---------------------------------------------- */

/*
 * What an agent does that counts as touching the ticket for its
 * escalation: an answer or an internal note, a new status, priority,
 * group or assignee.  Reading it does not, nor what a customer or the
 * system (the SLA marks, flowd's own reassignment) writes.
 */
static const char *const touching[] = { "reply", "note", "status", "priority", "group",
	"assignee" };

/*
 * When the actor is one of the provider's staff and the change touches the
 * ticket, tell its escalation, if one waits: the message ticket.touched on
 * the ticket's number, in the change's transaction.
 */
/*
 * The ticket the staff touched last in this request: an agent's late
 * answer records the breach it answers after its history row, and the
 * escalation that breach starts must count the answer (ticket-sla.c).
 */
static char touch_req[sizeof(((struct pt_req *)0)->id)];
static long long touch_ticket;

int
pt_ticket_touched_here(const struct pt_req *req, long long ticket_id)
{
	return req->id[0] != '\0' && touch_ticket == ticket_id && strcmp(touch_req, req->id) == 0;
}

static int
touched(struct pt_req *req, long long ticket_id, const char *field)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows rows;
	int rc;

	if (u == NULL || u->org_kind == NULL || strcmp(u->org_kind, "provider") != 0 ||
	    !pt_one_of(field, touching, PT_NELEM(touching)))
		return PT_OK;
	memcpy(touch_req, req->id, sizeof(touch_req));
	touch_ticket = ticket_id;
	if ((rc = pt_db_query(req, &sql[SQL_ESCALATION_WAITS], &rows,
	    PT_BINDS(pt_int(ticket_id)))) != PT_OK || rows.nrows == 0)
		return rc;
	return pt_flow_message(req, "ticket.touched", pt_cell(&rows, 0, 0), u->id, NULL, 0);
}

int
pt_ticket_history(struct pt_req *req, long long ticket_id, const char *field, const char *old,
    const char *new_value)
{
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_HISTORY], PT_BINDS(pt_int(ticket_id), actor(req),
	    pt_str(field), pt_str(old), pt_str(new_value)), NULL)) != PT_OK)
		return rc;
	return touched(req, ticket_id, field);
}

int
pt_ticket_touch(struct pt_req *req, long long ticket_id)
{
	return pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_int(ticket_id)), NULL);
}

int
pt_ticket_set_status(struct pt_req *req, long long ticket_id, const char *old_status,
    const char *old_reason, const char *status, const char *reason)
{
	int rc;

	if (strcmp(status, "pending") != 0)
		reason = NULL;
	if ((rc = pt_db_exec(req, &sql[SQL_STATUS], PT_BINDS(pt_str(reason), pt_str(status),
	    pt_str(status), pt_str(status), pt_str(status), pt_int(ticket_id)), NULL)) != PT_OK ||
	    (rc = pt_ticket_sla_status(req, ticket_id, old_status, old_reason, status,
	    reason)) != PT_OK)
		return rc;
	if (strcmp(old_status, status) != 0 &&
	    (rc = pt_ticket_history(req, ticket_id, "status", old_status, status)) != PT_OK)
		return rc;
	if ((old_reason == NULL) != (reason == NULL) ||
	    (old_reason != NULL && reason != NULL && strcmp(old_reason, reason) != 0))
		return pt_ticket_history(req, ticket_id, "pending_reason", old_reason, reason);
	return PT_OK;
}

int
pt_ticket_set_priority(struct pt_req *req, long long ticket_id, long long old_priority,
    long long priority)
{
	int rc;

	if (priority == old_priority)
		return PT_OK;
	if ((rc = pt_db_exec(req, &sql[SQL_PRIORITY_SET], PT_BINDS(pt_int(priority),
	    pt_int(ticket_id)), NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, ticket_id, "priority", pt_printf(req, "%lld", old_priority),
	    pt_printf(req, "%lld", priority))) != PT_OK)
		return rc;
	return pt_ticket_sla_priority(req, ticket_id, priority);
}

long
pt_ticket_reopen_days(void)
{
	long d = pt_conf_int("tickets", "reopen_days", 7);

	return d >= 0 ? d : 7;
}

int
pt_ticket_customer_may_reply(const char *status, const char *resolved_ago_s)
{
	if (strcmp(status, "closed") == 0)
		return 0;
	if (strcmp(status, "resolved") == 0)
		return resolved_ago_s == NULL ||
		    strtoll(resolved_ago_s, NULL, 10) <= pt_ticket_reopen_days() * 86400;
	return 1;
}

const char *
pt_ticket_status_after_customer_reply(const char *status)
{
	if (strcmp(status, "pending") == 0 || strcmp(status, "resolved") == 0)
		return "open";
	return status;
}

/* ---- the conversation ---------------------------------------------------------- */

const char *
pt_ticket_message_id(struct pt_req *req, const char *local)
{
	const char *from = pt_conf_str("smtp", "from", "portal@localhost");
	const char *at = strrchr(from, '@'), *end;
	size_t len;

	if (at == NULL || at[1] == '\0')
		return pt_printf(req, "<%s@portico.invalid>", local);
	at++;
	/* "Name <addr@domain>": the domain ends before '>'. */
	end = strchr(at, '>');
	len = end != NULL ? (size_t)(end - at) : strlen(at);
	return pt_printf(req, "<%s@%.*s>", local, (int)len, at);
}

int
pt_ticket_message_add(struct pt_req *req, long long ticket_id, const char *kind, const char *via,
    const char *body, long long *id, const char **message_id)
{
	char rnd[17];
	const char *mid;
	int rc;

	if ((mid = *message_id) == NULL) {
		if ((rc = pt_random_hex(rnd, 8)) != PT_OK)
			return rc;
		if ((mid = pt_ticket_message_id(req, pt_printf(req, "ticket.%lld.%s", ticket_id,
		    rnd))) == NULL)
			return PT_ENOMEM;
	}
	if ((rc = pt_db_exec(req, &sql[SQL_MESSAGE], PT_BINDS(pt_int(ticket_id), pt_str(kind),
	    pt_str(via), actor(req), pt_str(body), pt_str(mid)), NULL)) != PT_OK)
		return rc;
	*id = (long long)pt_db_insert_id();
	*message_id = mid;
	return PT_OK;
}

/* ---- files ------------------------------------------------------------------------ */

int
pt_ticket_files_save(struct pt_req *req, struct pt_ticket_files *files)
{
	size_t i;
	int rc;

	for (i = 0; i < files->n; i++) {
		struct pt_ticket_file *f = &files->f[i];

		if ((f->name = pt_file_name(req, f->up->filename, f->type)) == NULL)
			return PT_ENOMEM;
		if ((rc = pt_file_store(req, "tickets", f->up->data, f->up->len, f->storage,
		    &f->path)) != PT_OK)
			return rc == PT_ESYS ? PT_EDB : rc;
	}
	return PT_OK;
}

int
pt_ticket_files_store(struct pt_req *req, long long ticket_id, long long message_id,
    long long field_id, struct pt_ticket_files *files)
{
	size_t i;
	int rc;

	for (i = 0; i < files->n; i++) {
		struct pt_ticket_file *f = &files->f[i];

		if ((rc = pt_db_exec(req, &sql[SQL_FILE], PT_BINDS(pt_int(ticket_id),
		    pt_int(message_id), field_id != 0 ? pt_int(field_id) : pt_str(NULL),
		    pt_str(f->name), pt_str(f->type->type), pt_int((long long)f->up->len),
		    pt_str(f->storage), actor(req)), NULL)) != PT_OK)
			return rc;
		f->id = (long long)pt_db_insert_id();
	}
	return PT_OK;
}

void
pt_ticket_files_forget(struct pt_req *req, const struct pt_ticket_files *files)
{
	size_t i;

	for (i = 0; i < files->n; i++)
		if (files->f[i].path != NULL && unlink(files->f[i].path) != 0)
			pt_log(req, PT_LOG_WARN, "unlink %s: %s", files->f[i].path, strerror(errno));
}

const char *
pt_ticket_files_json(struct pt_req *req, const struct pt_ticket_files *files)
{
	const char *s = "[";
	size_t i;

	for (i = 0; i < files->n && s != NULL; i++)
		s = pt_printf(req, "%s%s{\"filename\":%s,\"storage_name\":\"%s\"}", s, i ? "," : "",
		    pt_json_str(req, files->f[i].name), files->f[i].storage);
	return s != NULL ? pt_printf(req, "%s]", s) : NULL;
}

/* ---- a new ticket ---------------------------------------------------------------- */

/* The next number of this year's counter, inside the transaction (one statement). */
static int
next_number(struct pt_req *req, int year, long long *seq)
{
	unsigned long long n = 0;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_COUNTER_NEXT], PT_BINDS(pt_int(year)), &n)) != PT_OK)
		return rc;
	*seq = n == 1 ? 1 : (long long)pt_db_insert_id();
	if (*seq < 1) {
		pt_log(req, PT_LOG_ERROR, "ticket_counters gave no number for %d", year);
		return PT_EDB;
	}
	return PT_OK;
}

static int
priority_of(struct pt_req *req, long long impact, long long urgency, long long *priority)
{
	struct pt_rows rows;
	int rc;

	if ((rc = pt_kept_query(req, &sql[SQL_PRIORITY], &rows, PT_BINDS(pt_int(impact),
	    pt_int(urgency)))) != PT_OK)
		return rc;
	if (rows.nrows == 1) {
		*priority = pt_cell_int(&rows, 0, 0);
		return PT_OK;
	}
	pt_log(req, PT_LOG_WARN, "ticket_priority_matrix has no priority for impact %lld,"
	    " urgency %lld; P%d", impact, urgency, PRIORITY_DEFAULT);
	*priority = PRIORITY_DEFAULT;
	return PT_OK;
}

/*
 * Six statements: the number, the ticket with its SLA due, its first
 * message, its history row and its clocks; the priority, the policy and
 * the calendar are kept by the process.
 */
int
pt_ticket_create(struct pt_req *req, const struct pt_ticket_new *n, struct pt_ticket_made *out)
{
	const struct pt_user *u = req->session.user;
	struct pt_sla_plan sla;
	struct tm tm;
	time_t now = time(NULL);
	char rnd[17];
	long long seq;
	int rc, year;

	if (u == NULL)
		return PT_EINVAL;
	gmtime_r(&now, &tm);
	year = tm.tm_year + 1900;
	if ((rc = priority_of(req, n->impact, n->urgency, &out->priority)) != PT_OK ||
	    (rc = pt_ticket_sla_plan(req, n->service_id, u->org_id, out->priority, &sla)) != PT_OK ||
	    (rc = pt_random_hex(rnd, 8)) != PT_OK ||
	    (rc = next_number(req, year, &seq)) != PT_OK)
		return rc;
	if ((out->number = pt_printf(req, "T-%04d-%06lld", year, seq)) == NULL ||
	    (out->thread = pt_ticket_message_id(req, pt_printf(req, "ticket.%s.%s", out->number,
	    rnd))) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(out->number), pt_int(year),
	    pt_int(seq), pt_int(u->org_id), pt_int(u->id), pt_int(n->service_id), pt_str(n->type),
	    pt_str(n->subject), pt_int(n->impact), pt_int(n->urgency), pt_int(out->priority),
	    pt_str(n->group_id), pt_str(out->thread), pt_str(sla.due_at),
	    pt_str(sla.warn_at)), NULL)) != PT_OK)
		return rc;
	out->id = (long long)pt_db_insert_id();
	out->message_id = n->message_id != NULL ? n->message_id : out->thread;
	if ((rc = pt_ticket_message_add(req, out->id, "public", n->via, n->body, &out->message,
	    &out->message_id)) != PT_OK ||
	    (rc = pt_ticket_history(req, out->id, "status", NULL, "new")) != PT_OK)
		return rc;
	return pt_ticket_sla_start(req, out->id, &sla);
}
