/*
 * Time spent on a ticket (tickets.work): each entry is minutes and a note
 * by the agent who spent them; the ticket page lists the entries and
 * their total (desk-ticket.c).  An entry is written with its history row
 * and audit row in one transaction, the ticket's row locked first as for
 * every change.  Time spent is the staff's own business: customers never
 * see it.
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

enum time_sql { SQL_INSERT, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_INSERT] = { "tk_time_insert",
	    "INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at)"
	    " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))" },
};

static const char *const time_fields[] = { "minutes", "time-note" };

/*
 * The minutes typed: a whole number 1..TK_TIME_MAX_MINUTES, or "h:mm".
 * -1 when it is neither.
 */
static long
read_minutes(const char *s)
{
	const char *colon = strchr(s, ':');
	char *end;
	long h, m;

	if (*s == '\0' || strlen(s) > 6 || strspn(s, "0123456789:") != strlen(s))
		return -1;
	if (colon == NULL) {
		m = strtol(s, &end, 10);
		return *end == '\0' && m >= 1 && m <= TK_TIME_MAX_MINUTES ? m : -1;
	}
	if (colon == s || strlen(colon + 1) != 2 || strchr(colon + 1, ':') != NULL)
		return -1;
	h = strtol(s, &end, 10);
	m = strtol(colon + 1, NULL, 10);
	if (end != colon || m > 59)
		return -1;
	m += h * 60;
	return m >= 1 && m <= TK_TIME_MAX_MINUTES ? m : -1;
}

/* POST /tickets/<number>/time: minutes (or h:mm) and a note (time-note, optional). */
static int
add(struct pt_req *req)
{
	const char *v, *note;
	struct tk_ticket t;
	long minutes;
	long long id;
	int rc;

	if ((v = pt_form_trim(req, "minutes")) == NULL || (note = pt_form_trim(req, "time-note")) == NULL)
		return PT_ENOMEM;
	if ((minutes = read_minutes(v)) < 0)
		return tk_refuse(req, *v == '\0' ? "tickets.time.required" : "tickets.time.invalid",
		    "minutes", "time", time_fields, PT_NELEM(time_fields));
	if (tk_desk_text(req, note, "time-note", 0, TK_TIME_NOTE_MAX_CHARS, 0, "tickets.time.note") > 0)
		return tk_refuse(req, NULL, NULL, "time", time_fields, PT_NELEM(time_fields));
	if ((rc = tk_begin_lock(req, &t)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_int(t.id),
	    pt_int(req->session.user->id), pt_int(minutes), pt_str(note)), NULL)) != PT_OK)
		goto fail;
	id = (long long)pt_db_insert_id();
	if ((rc = pt_ticket_history(req, t.id, "time", NULL, pt_printf(req, "%ld", minutes))) != PT_OK ||
	    (rc = tk_audit(req, "ticket.time", t.number, NULL,
	    pt_printf(req, "{\"entry_id\":%lld,\"minutes\":%ld,\"note\":%s}", id, minutes,
	    pt_json_str(req, note)))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, "?done=time"));
fail:
	pt_db_rollback(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_POST, TK_ROUTE "/time", add, PT_R_LOGIN, TK_WORK },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_time_group = PT_GROUP(routes, sql, views);
