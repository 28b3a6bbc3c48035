/*
 * SLA clocks of tickets (issue 12 §4), for every program that changes a
 * ticket (the tickets worker, portico-mailin).  A ticket gets the policy
 * of the most specific rule for its service and its organisation's tier,
 * and one clock per target the policy has for its priority: first
 * response, update and resolution, in the business time of the policy's
 * calendar (businesstime.c does the arithmetic).  What happens to the
 * ticket moves them, inside the transaction of the change, after the
 * ticket's row is locked:
 *
 *   raised                       every clock starts (pt_ticket_create)
 *   public reply by an agent     first response stops (met or late), the
 *                                update clock starts again
 *   pending on the customer      every running clock pauses
 *   back from that               every paused clock resumes
 *   resolved or closed           every clock stops
 *   reopened                     resolution runs on from where it stood,
 *                                the update clock starts again
 *   a new priority               each clock not yet stopped gets the
 *                                policy's target for it (a clock whose
 *                                priority has no target keeps its own),
 *                                the business time used so far kept
 *
 * (the status changes through pt_ticket_set_status).  A ticket pending on
 * a third party keeps its clocks running: waiting for our own suppliers is
 * our time, not the customer's.
 *
 * Warnings (at the policy's share of a target) and breaches are recorded
 * by pt_ticket_sla_housekeeping, which every process of the tickets worker
 * runs every [tickets] sla_check_s seconds (default 30) in an idle second:
 * it finds the clocks past their mark from an index and records each one
 * in a transaction that locks the ticket first, as every change does.  An
 * agent who opens the ticket before that records its marks the same way
 * (pt_ticket_sla_check).  "UPDATE ... WHERE breached_at IS NULL" lets
 * exactly one process, on whichever host, record a breach, write its row
 * and queue the group lead's mail.  A clock that stops or pauses after its
 * due records its breach then.
 *
 * A breach is escalated by the BPMN process ticket-escalation
 * (processes/ticket-escalation.bpmn) when it is deployed and the ticket's
 * group has a lead: the breach sends the message ticket.sla_breached on
 * the ticket's number, which starts it, in the breach's transaction; the
 * process mails the leads (action ticket.sla_alert: pt_ticket_sla_alert,
 * the same mail, saying that the ticket will be theirs) and gives the
 * ticket to the lead if no agent touches it (ticket.c) within 2 business
 * hours.  While an escalation of the ticket runs, a further breach, or one
 * nobody can escalate, mails the leads from here as before.
 *
 * Calendars, policies and their rules change rarely and only in SQL:
 * each process keeps the calendars it loaded, and the policy it found for
 * a service, tier and priority, for CAL_MAX_AGE_S seconds.  So a new
 * ticket's clocks cost the statement that writes them and nothing more.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extern.h"

enum sla_sql {
	SQL_ORG_TIER, SQL_POLICY, SQL_CALENDAR, SQL_CLOCKS, SQL_CLOCK_INSERT, SQL_CLOCK_UPDATE, SQL_TICKET_DUE,
	SQL_TICKET_LOCK, SQL_BREACH_MARK, SQL_BREACH_INSERT, SQL_WARN_MARK, SQL_ALERT_TICKET,
	SQL_LEADS, SQL_DUE, SQL_TARGETS, SQL_ESCALATION, SQL__MAX
};

#define NOW "UTC_TIMESTAMP(6)"

static const struct pt_sql sql[SQL__MAX] = {
	/* Kept (pt_kept_query): an organisation's tier.  Binds: org. */
	[SQL_ORG_TIER] = { "pt_sla_org_tier",
	    "SELECT tier FROM orgs WHERE id = ?" },
	/*
	 * The policy of the most specific matching rule (service beats tier
	 * beats the default), with its targets for a priority: one row per
	 * target, the first rule's first (its id last).  Binds: priority,
	 * service, tier.
	 */
	[SQL_POLICY] = { "pt_sla_policy",
	    "SELECT p.id, p.warn_percent, g.kind, g.minutes, r.id"
	    " FROM sla_policy_rules r"
	    " JOIN sla_policies p ON p.id = r.policy_id AND p.active = 1"
	    " LEFT JOIN sla_targets g ON g.policy_id = p.id AND g.priority = ?"
	    " WHERE (r.service_id IS NULL OR r.service_id = ?) AND (r.tier IS NULL OR r.tier = ?)"
	    " ORDER BY r.service_id IS NULL, r.tier IS NULL, r.id, g.kind" },
	/*
	 * A policy's calendar in one query: its zone ('z'), hours ('h':
	 * weekday, seconds), holidays ('d': days since 1970) and closures
	 * ('c': local seconds since 1970).  Binds: policy x4.
	 */
	[SQL_CALENDAR] = { "pt_sla_calendar",
	    "SELECT 'z', c.time_zone, NULL, NULL FROM sla_policies p"
	    " JOIN sla_calendars c ON c.id = p.calendar_id WHERE p.id = ?"
	    " UNION ALL SELECT 'h', h.weekday, TIME_TO_SEC(h.opens), TIME_TO_SEC(h.closes)"
	    " FROM sla_policies p JOIN sla_calendar_hours h ON h.calendar_id = p.calendar_id"
	    " WHERE p.id = ?"
	    " UNION ALL SELECT 'd', DATEDIFF(d.day, '1970-01-01'), NULL, NULL"
	    " FROM sla_policies p JOIN sla_holidays d ON d.calendar_id = p.calendar_id"
	    " WHERE p.id = ?"
	    " UNION ALL SELECT 'c', TIMESTAMPDIFF(SECOND, '1970-01-01', s.starts_at),"
	    " TIMESTAMPDIFF(SECOND, '1970-01-01', s.ends_at), NULL"
	    " FROM sla_policies p JOIN sla_closures s ON s.calendar_id = p.calendar_id"
	    " WHERE p.id = ?" },
	/* The ticket's clocks, locked for the change.  Binds: ticket. */
	[SQL_CLOCKS] = { "pt_sla_clocks",
	    "SELECT c.kind, c.policy_id, c.state, c.target_s, c.consumed_s, c.since, c.due_at,"
	    " c.warned_at IS NOT NULL, c.breached_at IS NOT NULL, p.warn_percent"
	    " FROM ticket_sla_clocks c JOIN sla_policies p ON p.id = c.policy_id"
	    " WHERE c.ticket_id = ? ORDER BY c.kind FOR UPDATE" },
	[SQL_CLOCK_INSERT] = { "pt_sla_clock_insert",
	    "INSERT INTO ticket_sla_clocks (ticket_id, kind, policy_id, state, target_s, consumed_s,"
	    " since, due_at, warn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	/*
	 * Binds: policy, state, target, consumed, since, due, warn, fresh x2,
	 * stopped, ticket, kind.  A fresh period (a restart) may warn and
	 * breach again.
	 */
	[SQL_CLOCK_UPDATE] = { "pt_sla_clock_update",
	    "UPDATE ticket_sla_clocks SET policy_id = ?, state = ?, target_s = ?, consumed_s = ?,"
	    " since = ?, due_at = ?, warn_at = ?, warned_at = IF(?, NULL, warned_at),"
	    " breached_at = IF(?, NULL, breached_at), stopped_at = ?"
	    " WHERE ticket_id = ? AND kind = ?" },
	/*
	 * The ticket's next due for the lists, and when its first running
	 * clock reaches the warning share (its due, for a clock without a
	 * warning) for the desk's "breaching".  Binds: ticket x2.
	 */
	[SQL_TICKET_DUE] = { "pt_sla_ticket_due",
	    "UPDATE tickets t JOIN (SELECT MIN(due_at) d, MIN(COALESCE(warn_at, due_at)) w"
	    " FROM ticket_sla_clocks WHERE ticket_id = ? AND state = 'running') c"
	    " SET t.sla_due_at = c.d, t.sla_warn_at = c.w WHERE t.id = ?" },
	[SQL_TICKET_LOCK] = { "pt_sla_ticket_lock",
	    "SELECT id FROM tickets WHERE id = ? FOR UPDATE" },
	/* Set once, by whoever gets there first.  Binds: ticket, kind. */
	[SQL_BREACH_MARK] = { "pt_sla_breach_mark",
	    "UPDATE ticket_sla_clocks SET breached_at = " NOW ","
	    " warned_at = COALESCE(warned_at, " NOW ")"
	    " WHERE ticket_id = ? AND kind = ? AND breached_at IS NULL" },
	/* Binds: ticket, kind, policy, due. */
	[SQL_BREACH_INSERT] = { "pt_sla_breach_insert",
	    "INSERT INTO ticket_sla_breaches (ticket_id, kind, policy_id, due_at, breached_at)"
	    " VALUES (?, ?, ?, ?, " NOW ")" },
	[SQL_WARN_MARK] = { "pt_sla_warn_mark",
	    "UPDATE ticket_sla_clocks SET warned_at = " NOW
	    " WHERE ticket_id = ? AND kind = ? AND warned_at IS NULL" },
	/* What a lead's mail says of the ticket.  Binds: ticket. */
	[SQL_ALERT_TICKET] = { "pt_sla_alert_ticket",
	    "SELECT number, subject, priority, group_id, thread_id FROM tickets WHERE id = ?" },
	/*
	 * The active leads of a group who take ticket mails, each with their
	 * language, else their org's.  Binds: group.
	 */
	[SQL_LEADS] = { "pt_sla_leads",
	    "SELECT u.email, u.name, COALESCE(u.language, o.language, 'en')"
	    " FROM ticket_group_members m JOIN users u ON u.id = m.user_id AND u.status = 'active'"
	    "   AND u.notify_tickets = 1"
	    " JOIN orgs o ON o.id = u.org_id"
	    " WHERE m.group_id = ? AND m.is_lead = 1 ORDER BY u.id" },
	/*
	 * The targets of a ticket's clocks' policy for a priority, in seconds:
	 * kind, seconds.  Binds: priority, ticket.
	 */
	[SQL_TARGETS] = { "pt_sla_targets",
	    "SELECT c.kind, g.minutes * 60 FROM ticket_sla_clocks c JOIN sla_targets g"
	    " ON g.policy_id = c.policy_id AND g.kind = c.kind AND g.priority = ?"
	    " WHERE c.ticket_id = ?" },
	/*
	 * Whether a breach of the ticket can be escalated by the process:
	 * its number, the id of its group's first active lead (NULL: no
	 * lead), whether the process waits for breaches (a message start
	 * event of its deployed version), and whether an escalation of the
	 * ticket runs already or is about to start.  Binds: ticket.
	 */
	[SQL_ESCALATION] = { "pt_sla_escalation",
	    "SELECT t.number, t.subject, t.priority,"
	    " (SELECT m.user_id FROM ticket_group_members m JOIN users u ON u.id = m.user_id"
	    "   AND u.status = 'active' WHERE m.group_id = t.group_id AND m.is_lead = 1"
	    "   ORDER BY m.user_id LIMIT 1),"
	    " EXISTS (SELECT 1 FROM flow_subscriptions s WHERE s.message = 'ticket.sla_breached'"
	    "   AND s.instance_id IS NULL),"
	    " EXISTS (SELECT 1 FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id"
	    "   WHERE i.business_key = t.number AND i.state IN ('running', 'suspended')"
	    "   AND d.process_key = 'ticket-escalation')"
	    " OR EXISTS (SELECT 1 FROM flow_commands c WHERE c.failed_at IS NULL AND c.kind = 'message'"
	    "   AND c.message = 'ticket.sla_breached' AND c.business_key = t.number)"
	    " FROM tickets t WHERE t.id = ?" },
	/* Tickets with a clock past its due or its warning and not yet recorded. */
	[SQL_DUE] = { "pt_sla_due",
	    "SELECT ticket_id FROM ticket_sla_clocks WHERE state = 'running'"
	    " AND breached_at IS NULL AND due_at < " NOW
	    " UNION SELECT ticket_id FROM ticket_sla_clocks WHERE state = 'running'"
	    " AND warned_at IS NULL AND warn_at <= " NOW " LIMIT 50" },
};

/* ---- the calendars of policies, kept for a while per process ---------------- */

#define CAL_CACHE	8
#define CAL_MAX_AGE_S	60

struct cal_entry {
	long long		 policy_id;	/* 0: free */
	time_t			 loaded;
	char			 zone[64];
	struct pt_bt_calendar	 cal;
};

static struct cal_entry cals[CAL_CACHE];

/*
 * A calendar from rows of its zone ('z', name), hours ('h', weekday,
 * from, to), holidays ('d', day) and closures ('c', from, to), as
 * SQL_CALENDAR reads them; zone (size bytes) holds the zone's name.
 * Arrays from calloc: pt_bt_rows_free.  PT_EINVAL for a calendar the
 * library refuses.
 */
int
pt_bt_from_rows(struct pt_bt_calendar *cal, char *zone, size_t size, const struct pt_rows *rows)
{
	size_t i, nh = 0, nd = 0, nc = 0;

	for (i = 0; i < rows->nrows; i++) {
		const char *k = pt_cell(rows, i, 0);

		nh += k[0] == 'h';
		nd += k[0] == 'd';
		nc += k[0] == 'c';
		if (k[0] == 'z')
			snprintf(zone, size, "%s", pt_cell(rows, i, 1));
	}
	cal->zone = zone;
	if ((nh > 0 && (cal->hours = calloc(nh, sizeof(*cal->hours))) == NULL) ||
	    (nd > 0 && (cal->holidays = calloc(nd, sizeof(*cal->holidays))) == NULL) ||
	    (nc > 0 && (cal->closures = calloc(nc, sizeof(*cal->closures))) == NULL))
		return PT_ENOMEM;
	for (i = 0; i < rows->nrows; i++) {
		const char *k = pt_cell(rows, i, 0);

		if (k[0] == 'h') {
			struct pt_bt_hours *h = &cal->hours[cal->nhours++];

			h->weekday = (int)pt_cell_int(rows, i, 1);
			h->from_s = (long)pt_cell_int(rows, i, 2);
			h->to_s = (long)pt_cell_int(rows, i, 3);
		} else if (k[0] == 'd')
			cal->holidays[cal->nholidays++] = (long)pt_cell_int(rows, i, 1);
		else if (k[0] == 'c') {
			struct pt_bt_closure *c = &cal->closures[cal->nclosures++];

			c->from_local = pt_cell_int(rows, i, 1);
			c->to_local = pt_cell_int(rows, i, 2);
		}
	}
	return pt_bt_prepare(cal);
}

void
pt_bt_rows_free(struct pt_bt_calendar *cal)
{
	free(cal->hours);
	free(cal->holidays);
	free(cal->closures);
	memset(cal, 0, sizeof(*cal));
}

static void
cal_clear(struct cal_entry *e)
{
	pt_bt_rows_free(&e->cal);
	memset(e, 0, sizeof(*e));
}

/* Fill e from the rows of SQL_CALENDAR; PT_EINVAL for a calendar the library refuses. */
static int
cal_fill(struct cal_entry *e, const struct pt_rows *rows)
{
	return pt_bt_from_rows(&e->cal, e->zone, sizeof(e->zone), rows);
}

/* The calendar of policy_id: kept, or loaded now (one query).  Valid until the next call. */
static int
calendar_of(struct pt_req *req, long long policy_id, const struct pt_bt_calendar **cal)
{
	struct cal_entry *e = NULL;
	struct pt_rows rows;
	time_t now = time(NULL);
	size_t i;
	int rc;

	for (i = 0; i < CAL_CACHE && e == NULL; i++)
		if (cals[i].policy_id == policy_id) {
			if (now - cals[i].loaded < CAL_MAX_AGE_S) {
				*cal = &cals[i].cal;
				return PT_OK;
			}
			e = &cals[i];
		}
	/* Else a free slot, else the one loaded longest ago. */
	for (i = 0; i < CAL_CACHE && e == NULL; i++)
		if (cals[i].policy_id == 0)
			e = &cals[i];
	if (e == NULL)
		for (e = &cals[0], i = 1; i < CAL_CACHE; i++)
			if (cals[i].loaded < e->loaded)
				e = &cals[i];
	if ((rc = pt_db_query(req, &sql[SQL_CALENDAR], &rows, PT_BINDS(pt_int(policy_id),
	    pt_int(policy_id), pt_int(policy_id), pt_int(policy_id)))) != PT_OK)
		return rc;
	cal_clear(e);
	if (rows.nrows == 0 || (rc = cal_fill(e, &rows)) != PT_OK) {
		pt_log(req, PT_LOG_ERROR, "SLA policy %lld: its calendar is %s", policy_id,
		    rows.nrows == 0 ? "missing" : "invalid (unknown time zone or hours)");
		cal_clear(e);
		return rows.nrows == 0 ? PT_ENOTFOUND : PT_EINVAL;
	}
	e->policy_id = policy_id;
	e->loaded = now;
	*cal = &e->cal;
	return PT_OK;
}

/* ---- a ticket's clocks ------------------------------------------------------- */

enum kind { FIRST_RESPONSE, UPDATE, RESOLUTION, KIND__MAX };
static const char *const kinds[KIND__MAX] = { "first_response", "update", "resolution" };
static const char *const states[] = { "running", "paused", "stopped" };

struct tclock {
	int		 present;
	long long	 policy_id;
	struct pt_clock	 c;
	int		 warned;		/* warned_at set */
	int		 breach_recorded;	/* breached_at set */
	int		 changed;
	int		 fresh;			/* restarted: warn and breach anew */
};

struct tclocks {
	long long		 ticket_id;
	struct tclock		 v[KIND__MAX];
	long long		 retarget_s[KIND__MAX];	/* OP_RETARGET's new targets */
	long long		 policy_id;
	int			 warn_percent;
	const struct pt_bt_calendar *cal;
	time_t			 now;
};

static int
kind_index(const char *s)
{
	int i;

	for (i = 0; i < KIND__MAX; i++)
		if (strcmp(s, kinds[i]) == 0)
			return i;
	return -1;
}

/*
 * The instant of what happens in this request: a reply that also changes
 * the status is one event for the clocks, not two a second apart.
 * Housekeeping (no request id) takes the time of each call.
 */
static time_t
now_of(const struct pt_req *req)
{
	static char id[sizeof(req->id)];
	static time_t at;

	if (req->id[0] == '\0' || strcmp(id, req->id) != 0) {
		at = time(NULL);
		memcpy(id, req->id, sizeof(id));
	}
	return at;
}

/* "YYYY-MM-DD hh:mm:ss" of t in the arena, or NULL (SQL NULL) when !set. */
static const char *
stamp(struct pt_req *req, int set, time_t t)
{
	char buf[20];

	if (!set)
		return NULL;
	pt_utc_format(t, buf);
	return pt_strdup(req, buf);
}

/*
 * The ticket's clocks, locked, and their calendar.  PT_ENOTFOUND when it
 * has none (raised while no policy matched): nothing to do.
 */
static int
load(struct pt_req *req, long long ticket_id, struct tclocks *k)
{
	struct pt_rows rows;
	size_t i;
	int rc;

	memset(k, 0, sizeof(*k));
	k->ticket_id = ticket_id;
	k->now = now_of(req);
	if ((rc = pt_db_query(req, &sql[SQL_CLOCKS], &rows, PT_BINDS(pt_int(ticket_id)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_ENOTFOUND;
	for (i = 0; i < rows.nrows; i++) {
		int x = kind_index(pt_cell(&rows, i, 0));
		struct tclock *t;
		const char *st = pt_cell(&rows, i, 2);

		if (x < 0)
			continue;
		t = &k->v[x];
		t->present = 1;
		t->policy_id = pt_cell_int(&rows, i, 1);
		t->c.state = strcmp(st, "running") == 0 ? PT_CLOCK_RUNNING :
		    strcmp(st, "paused") == 0 ? PT_CLOCK_PAUSED : PT_CLOCK_STOPPED;
		t->c.target_s = pt_cell_int(&rows, i, 3);
		t->c.consumed_s = pt_cell_int(&rows, i, 4);
		if (pt_utc_parse(pt_cell(&rows, i, 5), &t->c.since) != PT_OK)
			return PT_EDB;
		t->c.has_due = pt_cell(&rows, i, 6) != NULL &&
		    pt_utc_parse(pt_cell(&rows, i, 6), &t->c.due) == PT_OK;
		t->warned = pt_cell_int(&rows, i, 7) != 0;
		t->breach_recorded = pt_cell_int(&rows, i, 8) != 0;
		k->policy_id = t->policy_id;
		k->warn_percent = (int)pt_cell_int(&rows, i, 9);
	}
	if ((rc = calendar_of(req, k->policy_id, &k->cal)) != PT_OK)
		return rc;
	/*
	 * A running clock without a due was written by hand (the demo data,
	 * an administrator): its due is what resuming it at its since gives.
	 */
	for (i = 0; i < KIND__MAX; i++) {
		struct tclock *t = &k->v[i];

		if (!t->present || t->c.state != PT_CLOCK_RUNNING || t->c.has_due)
			continue;
		t->c.state = PT_CLOCK_PAUSED;
		if ((rc = pt_clock_resume(&t->c, k->cal, t->c.since)) != PT_OK && rc != PT_ENOTFOUND)
			return rc;
		t->changed = 1;
	}
	return PT_OK;
}

/* When a running clock reaches the policy's share: NULL when it does not run. */
static const char *
warn_stamp(struct pt_req *req, const struct tclocks *k, const struct tclock *t)
{
	time_t at;

	if (pt_clock_warn_at(&t->c, k->cal, k->warn_percent, &at) != PT_OK)
		return NULL;
	return stamp(req, 1, at);
}

/* Write the changed clocks and the ticket's next due. */
static int
save(struct pt_req *req, struct tclocks *k)
{
	int i, rc, any = 0;

	for (i = 0; i < KIND__MAX; i++) {
		struct tclock *t = &k->v[i];

		if (!t->present || !t->changed)
			continue;
		any = 1;
		if ((rc = pt_db_exec(req, &sql[SQL_CLOCK_UPDATE], PT_BINDS(pt_int(t->policy_id),
		    pt_str(states[t->c.state]), pt_int(t->c.target_s), pt_int(t->c.consumed_s),
		    pt_str(stamp(req, 1, t->c.since)), pt_str(stamp(req, t->c.has_due, t->c.due)),
		    pt_str(warn_stamp(req, k, t)), pt_int(t->fresh), pt_int(t->fresh),
		    pt_str(stamp(req, t->c.state == PT_CLOCK_STOPPED, t->c.since)),
		    pt_int(k->ticket_id), pt_str(kinds[i])), NULL)) != PT_OK)
			return rc;
	}
	if (!any)
		return PT_OK;
	return pt_db_exec(req, &sql[SQL_TICKET_DUE], PT_BINDS(pt_int(k->ticket_id),
	    pt_int(k->ticket_id)), NULL);
}

/*
 * Mail the leads of the ticket's group, each in their language and in the
 * ticket's mail thread: template sla-alert with what happened ("warning"
 * or "breach") to which clock; escalates: the ticket goes to the lead if
 * nobody touches it (the escalation process sends it).
 */
static int
alert(struct pt_req *req, const struct tclocks *k, int kind, const char *what, int escalates)
{
	const struct tclock *t = &k->v[kind];
	struct pt_mail_thread th = { NULL, NULL, NULL, NULL };
	struct pt_rows tk, leads;
	long long percent = 0;
	xmlNodePtr d;
	size_t i;
	int rc, p;

	if ((rc = pt_db_query(req, &sql[SQL_ALERT_TICKET], &tk,
	    PT_BINDS(pt_int(k->ticket_id)))) != PT_OK)
		return rc;
	if (tk.nrows == 0 || pt_cell(&tk, 0, 3) == NULL)
		return PT_OK;	/* no group: nobody to tell */
	if ((rc = pt_db_query(req, &sql[SQL_LEADS], &leads,
	    PT_BINDS(pt_int(pt_cell_int(&tk, 0, 3))))) != PT_OK)
		return rc;
	if (leads.nrows == 0) {
		pt_log(req, PT_LOG_WARN, "SLA %s of %s (%s): group %s has no lead to tell", what,
		    pt_cell(&tk, 0, 0), kinds[kind], pt_cell(&tk, 0, 3));
		return PT_OK;
	}
	if (pt_clock_percent(&t->c, k->cal, k->now, &p) == PT_OK)
		percent = p;
	/* In the ticket's thread, under the mails about it. */
	th.in_reply_to = th.references = pt_cell(&tk, 0, 4);
	for (i = 0; i < leads.nrows; i++) {
		if ((d = pt_mail_data(req)) == NULL)
			return PT_ENOMEM;
		pt_attr(d, "what", what);
		pt_attr(d, "clock", kinds[kind]);
		if (escalates)
			pt_attr(d, "escalates", "1");
		pt_node(d, "number", pt_cell(&tk, 0, 0));
		pt_node(d, "subject", pt_cell(&tk, 0, 1));
		pt_node(d, "priority", pt_cell(&tk, 0, 2));
		pt_node(d, "percent", pt_printf(req, "%lld", percent));
		if (t->c.has_due) {
			char due[24];
			struct tm tm;

			gmtime_r(&t->c.due, &tm);
			strftime(due, sizeof(due), "%Y-%m-%dT%H:%M:%SZ", &tm);
			pt_node(d, "due", due);
		}
		pt_node(d, "link", pt_printf(req, "%s/tickets/%s", pt_base_url(), pt_cell(&tk, 0, 0)));
		if ((rc = pt_mail_queue_thread(req, "sla-alert", pt_cell(&leads, i, 0),
		    pt_cell(&leads, i, 1), pt_mail_lang(pt_cell(&leads, i, 2)), d,
		    &th)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

/*
 * Set a clock's once-only mark (SQL_BREACH_MARK or SQL_WARN_MARK): *mine
 * is 1 when this call set it, 0 when another process had.
 */
static int
mark(struct pt_req *req, const struct tclocks *k, int kind, enum sla_sql which, int *mine)
{
	unsigned long long n = 0;
	int rc;

	*mine = 0;
	if ((rc = pt_db_exec(req, &sql[which], PT_BINDS(pt_int(k->ticket_id),
	    pt_str(kinds[kind])), &n)) != PT_OK)
		return rc;
	*mine = n == 1;
	return PT_OK;
}

/*
 * Hand the breach of clock kind to the escalation process when it can
 * take it (see the top); else mail the leads.
 */
static int
escalate(struct pt_req *req, const struct tclocks *k, int kind)
{
	enum { E_NUMBER, E_SUBJECT, E_PRIORITY, E_LEAD, E_DEPLOYED, E_RUNS };
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ESCALATION], &rows,
	    PT_BINDS(pt_int(k->ticket_id)))) != PT_OK)
		return rc;
	if (rows.nrows == 1 && pt_cell(&rows, 0, E_LEAD) != NULL &&
	    pt_cell_int(&rows, 0, E_DEPLOYED) && !pt_cell_int(&rows, 0, E_RUNS)) {
		struct pt_flow_var vars[] = {
			PT_FLOW_NUM("ticket_id", (double)k->ticket_id),
			PT_FLOW_STR("ticket_number", pt_cell(&rows, 0, E_NUMBER)),
			PT_FLOW_STR("subject", pt_cell(&rows, 0, E_SUBJECT)),
			PT_FLOW_NUM("priority", (double)pt_cell_int(&rows, 0, E_PRIORITY)),
			PT_FLOW_STR("clock", kinds[kind]),
			PT_FLOW_NUM("group_lead_id", (double)pt_cell_int(&rows, 0, E_LEAD)),
		};

		if ((rc = pt_flow_message(req, "ticket.sla_breached", pt_cell(&rows, 0, E_NUMBER), 0,
		    vars, PT_NELEM(vars))) != PT_OK)
			return rc;
		/* Recorded in a change that touched the ticket already (a late answer): that counts. */
		if (pt_ticket_touched_here(req, k->ticket_id))
			return pt_flow_message(req, "ticket.touched", pt_cell(&rows, 0, E_NUMBER),
			    req->session.user->id, NULL, 0);
		return PT_OK;
	}
	return alert(req, k, kind, "breach", 0);
}

/* Record the breach of clock kind unless someone did: its row, the history, the escalation. */
static int
record_breach(struct pt_req *req, struct tclocks *k, int kind)
{
	struct tclock *t = &k->v[kind];
	int rc, mine;

	if (t->breach_recorded)
		return PT_OK;
	if ((rc = mark(req, k, kind, SQL_BREACH_MARK, &mine)) != PT_OK)
		return rc;
	t->breach_recorded = t->warned = 1;
	if (!mine)
		return PT_OK;
	if ((rc = pt_db_exec(req, &sql[SQL_BREACH_INSERT], PT_BINDS(pt_int(k->ticket_id),
	    pt_str(kinds[kind]), pt_int(t->policy_id), pt_str(stamp(req, 1, t->c.due))),
	    NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, k->ticket_id, pt_printf(req, "sla_%s", kinds[kind]), NULL,
	    "breached")) != PT_OK)
		return rc;
	return escalate(req, k, kind);
}

/* Record that clock kind reached the policy's share, unless someone did; mail the leads. */
static int
record_warning(struct pt_req *req, struct tclocks *k, int kind)
{
	int rc, mine;

	if (k->v[kind].warned)
		return PT_OK;
	if ((rc = mark(req, k, kind, SQL_WARN_MARK, &mine)) != PT_OK)
		return rc;
	k->v[kind].warned = 1;
	return mine ? alert(req, k, kind, "warning", 0) : PT_OK;
}

/* Record what the clocks reached by now: breaches, else warnings. */
static int
record_due(struct pt_req *req, struct tclocks *k)
{
	time_t at;
	int i, rc, p;

	for (i = 0; i < KIND__MAX; i++) {
		struct tclock *t = &k->v[i];

		if (!t->present)
			continue;
		if (pt_clock_breached(&t->c, k->now, &at)) {
			if ((rc = record_breach(req, k, i)) != PT_OK)
				return rc;
		} else if (t->c.state == PT_CLOCK_RUNNING && !t->warned &&
		    pt_clock_percent(&t->c, k->cal, k->now, &p) == PT_OK && p >= k->warn_percent &&
		    (rc = record_warning(req, k, i)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

/* What an event does to one clock. */
enum op { OP_PAUSE, OP_RESUME, OP_STOP, OP_RESTART, OP_RENEW, OP_REOPEN, OP_RETARGET };

/*
 * A new target (k->retarget_s[kind]) for a clock not yet stopped, the
 * business time it used kept: running, its due is worked out again from
 * now; paused, it has none until it runs.  Its marks start afresh unless
 * it is past its due now as before, whose breach was recorded already.
 */
static int
retarget(struct tclocks *k, struct tclock *t, int kind)
{
	int rc, was_running = t->c.state == PT_CLOCK_RUNNING, was_late;
	time_t at;

	if (t->c.state == PT_CLOCK_STOPPED)
		return PT_OK;
	was_late = pt_clock_breached(&t->c, k->now, &at);
	if (was_running && (rc = pt_clock_pause(&t->c, k->cal, k->now)) != PT_OK)
		return rc;
	t->c.target_s = k->retarget_s[kind];
	t->c.has_due = 0;
	if (was_running && (rc = pt_clock_resume(&t->c, k->cal, k->now)) != PT_OK)
		return rc;
	t->fresh = !(was_late && pt_clock_breached(&t->c, k->now, &at));
	return PT_OK;
}

static int
apply(struct tclocks *k, int kind, enum op op)
{
	struct tclock *t = &k->v[kind];
	int rc = PT_OK;

	if (!t->present)
		return PT_OK;
	switch (op) {
	case OP_PAUSE:
		rc = pt_clock_pause(&t->c, k->cal, k->now);
		break;
	case OP_RESUME:
		rc = pt_clock_resume(&t->c, k->cal, k->now);
		break;
	case OP_STOP:
		rc = pt_clock_stop(&t->c, k->cal, k->now);
		break;
	case OP_RESTART:
		if (t->c.state == PT_CLOCK_STOPPED)
			return PT_OK;	/* a reply to a resolved ticket promises nothing new */
		rc = pt_clock_restart(&t->c, k->cal, k->now);
		t->fresh = 1;
		break;
	case OP_RENEW:
		/* Reopened: the next update is due as for a new ticket. */
		rc = pt_clock_start(&t->c, k->cal, t->c.target_s, k->now);
		t->fresh = 1;
		break;
	case OP_REOPEN:
		rc = pt_clock_reopen(&t->c, k->cal, k->now);
		break;
	case OP_RETARGET:
		rc = retarget(k, t, kind);
		break;
	}
	if (t->fresh)
		t->warned = t->breach_recorded = 0;
	t->changed = 1;
	/* A calendar without business time ahead: the clock runs without a due. */
	return rc == PT_ENOTFOUND ? PT_OK : rc;
}

/*
 * Load the ticket's clocks, record what they reached, apply ops[kind] to
 * each (-1: none; OP_RETARGET with targets_s[kind]), record breaches the
 * change reveals, save.  With no op at all (the periodic check) the
 * running clocks' marks are written again from the calendar as it is now,
 * so a mark that an edited calendar moved is not found again and again.
 */
static int
event(struct pt_req *req, long long ticket_id, const int ops[KIND__MAX],
    const long long *targets_s)
{
	struct tclocks k;
	int i, rc, any = 0;

	if ((rc = load(req, ticket_id, &k)) != PT_OK)
		return rc == PT_ENOTFOUND || rc == PT_EINVAL ? PT_OK : rc;
	if (targets_s != NULL)
		memcpy(k.retarget_s, targets_s, sizeof(k.retarget_s));
	if ((rc = record_due(req, &k)) != PT_OK)
		return rc;
	for (i = 0; i < KIND__MAX; i++) {
		if (ops[i] < 0)
			continue;
		any = 1;
		if ((rc = apply(&k, i, (enum op)ops[i])) != PT_OK)
			return rc;
	}
	for (i = 0; i < KIND__MAX && !any; i++)
		if (k.v[i].present && k.v[i].c.state == PT_CLOCK_RUNNING && !k.v[i].warned)
			k.v[i].changed = 1;
	if ((rc = save(req, &k)) != PT_OK)
		return rc;
	/* A clock stopped or paused past its due is recorded now: nobody looks later. */
	return record_due(req, &k);
}

/* ---- the policy of a new ticket, kept for a while per process --------------- */

#define POLICY_CACHE	32
#define TIER_MAX_BYTES	160	/* VARCHAR(40) of utf8mb4 */

struct policy_entry {
	time_t		 loaded;	/* 0: free */
	long long	 service_id;
	long long	 priority;
	int		 has_tier;
	char		 tier[TIER_MAX_BYTES + 1];
	long long	 policy_id;	/* 0: no rule matches */
	int		 warn_percent;
	long long	 minutes[KIND__MAX];	/* -1: no target */
};

static struct policy_entry policies[POLICY_CACHE];

/* Fill e from the rows of SQL_POLICY: the first rule's policy and targets. */
static void
policy_fill(struct policy_entry *e, const struct pt_rows *rows)
{
	size_t i;
	int x;

	e->policy_id = 0;
	for (x = 0; x < KIND__MAX; x++)
		e->minutes[x] = -1;
	if (rows->nrows == 0)
		return;
	e->policy_id = pt_cell_int(rows, 0, 0);
	e->warn_percent = (int)pt_cell_int(rows, 0, 1);
	for (i = 0; i < rows->nrows && pt_cell_int(rows, i, 4) == pt_cell_int(rows, 0, 4); i++)
		if (pt_cell(rows, i, 2) != NULL && (x = kind_index(pt_cell(rows, i, 2))) >= 0)
			e->minutes[x] = pt_cell_int(rows, i, 3);
}

/*
 * The policy for a ticket of service_id, an organisation of tier (NULL:
 * none) and priority: kept, or found now (one query).  Valid until the
 * next call.
 */
static int
policy_of(struct pt_req *req, long long service_id, const char *tier, long long priority,
    const struct policy_entry **out)
{
	static struct policy_entry one;
	struct policy_entry *e = NULL;
	struct pt_rows rows;
	time_t now = time(NULL);
	size_t i;
	int rc, keep = tier == NULL || strlen(tier) <= TIER_MAX_BYTES;

	for (i = 0; i < POLICY_CACHE && keep && e == NULL; i++)
		if (policies[i].loaded != 0 && policies[i].service_id == service_id &&
		    policies[i].priority == priority && policies[i].has_tier == (tier != NULL) &&
		    (tier == NULL || strcmp(policies[i].tier, tier) == 0)) {
			if (now - policies[i].loaded < CAL_MAX_AGE_S) {
				*out = &policies[i];
				return PT_OK;
			}
			e = &policies[i];
		}
	/* Else a free slot, else the one loaded longest ago. */
	for (i = 0; i < POLICY_CACHE && keep && e == NULL; i++)
		if (policies[i].loaded == 0)
			e = &policies[i];
	if (keep && e == NULL)
		for (e = &policies[0], i = 1; i < POLICY_CACHE; i++)
			if (policies[i].loaded < e->loaded)
				e = &policies[i];
	if (e == NULL)
		e = &one;	/* a tier too long to keep: used once */
	if ((rc = pt_db_query(req, &sql[SQL_POLICY], &rows, PT_BINDS(pt_int(priority),
	    pt_int(service_id), pt_str(tier)))) != PT_OK)
		return rc;
	memset(e, 0, sizeof(*e));
	policy_fill(e, &rows);
	if (e != &one) {
		e->service_id = service_id;
		e->priority = priority;
		e->has_tier = tier != NULL;
		if (tier != NULL)
			memcpy(e->tier, tier, strlen(tier) + 1);
		e->loaded = now;
	}
	*out = e;
	return PT_OK;
}

/* The earlier of a stamp kept in *at (set: *has) and t. */
static void
earliest(int *has, time_t *at, time_t t)
{
	if (!*has || t < *at)
		*at = t;
	*has = 1;
}

int
pt_ticket_sla_plan(struct pt_req *req, long long service_id, long long org_id,
    long long priority, struct pt_sla_plan *plan)
{
	const struct policy_entry *p;
	const struct pt_bt_calendar *cal;
	struct pt_rows tier;
	time_t now = now_of(req), at, due = 0, warn = 0;
	int rc, x, has_due = 0, has_warn = 0;

	memset(plan, 0, sizeof(*plan));
	/* The tier of an organisation changes rarely: kept rows, as the session's. */
	if ((rc = pt_kept_query(req, &sql[SQL_ORG_TIER], &tier, PT_BINDS(pt_int(org_id)))) != PT_OK ||
	    (rc = policy_of(req, service_id, tier.nrows == 1 ? pt_cell(&tier, 0, 0) : NULL,
	    priority, &p)) != PT_OK)
		return rc;
	if (p->policy_id == 0)
		return PT_OK;	/* no rule matches: no clocks */
	if ((rc = calendar_of(req, p->policy_id, &cal)) != PT_OK)
		return rc == PT_EINVAL || rc == PT_ENOTFOUND ? PT_OK : rc;
	plan->policy_id = p->policy_id;
	plan->since = stamp(req, 1, now);
	for (x = 0; x < KIND__MAX; x++) {
		struct pt_sla_plan_clock *c;
		struct pt_clock k;

		if (p->minutes[x] < 0)
			continue;
		c = &plan->clocks[plan->n++];
		memset(&k, 0, sizeof(k));
		rc = pt_clock_start(&k, cal, p->minutes[x] * 60, now);
		if (rc != PT_OK && rc != PT_ENOTFOUND)
			return rc;
		c->kind = kinds[x];
		c->target_s = k.target_s;
		c->due_at = stamp(req, k.has_due, k.due);
		if (k.has_due)
			earliest(&has_due, &due, k.due);
		/* The ticket's first warning, as SQL_TICKET_DUE has it: else its due. */
		if (pt_clock_warn_at(&k, cal, p->warn_percent, &at) == PT_OK) {
			c->warn_at = stamp(req, 1, at);
			earliest(&has_warn, &warn, at);
		} else if (k.has_due)
			earliest(&has_warn, &warn, k.due);
	}
	plan->due_at = stamp(req, has_due, due);
	plan->warn_at = stamp(req, has_warn, warn);
	return PT_OK;
}

int
pt_ticket_sla_start(struct pt_req *req, long long ticket_id, const struct pt_sla_plan *plan)
{
	struct pt_bind b[KIND__MAX * 9];
	size_t i;

	for (i = 0; i < plan->n; i++) {
		const struct pt_sla_plan_clock *c = &plan->clocks[i];
		struct pt_bind *r = b + i * 9;

		r[0] = pt_int(ticket_id);
		r[1] = pt_str(c->kind);
		r[2] = pt_int(plan->policy_id);
		r[3] = pt_str("running");
		r[4] = pt_int(c->target_s);
		r[5] = pt_int(0);
		r[6] = pt_str(plan->since);
		r[7] = pt_str(c->due_at);
		r[8] = pt_str(c->warn_at);
	}
	return pt_db_exec_rows(req, &sql[SQL_CLOCK_INSERT], b, 9, plan->n, NULL);
}

int
pt_ticket_sla_replied(struct pt_req *req, long long ticket_id)
{
	static const int ops[KIND__MAX] = { OP_STOP, OP_RESTART, -1 };

	return event(req, ticket_id, ops, NULL);
}

int
pt_ticket_sla_status(struct pt_req *req, long long ticket_id, const char *old_status,
    const char *old_reason, const char *status, const char *reason)
{
	static const int pause[KIND__MAX] = { OP_PAUSE, OP_PAUSE, OP_PAUSE };
	static const int resume[KIND__MAX] = { OP_RESUME, OP_RESUME, OP_RESUME };
	static const int stop[KIND__MAX] = { OP_STOP, OP_STOP, OP_STOP };
	static const int reopen[KIND__MAX] = { -1, OP_RENEW, OP_REOPEN };
	int was_waiting = strcmp(old_status, "pending") == 0 && old_reason != NULL &&
	    strcmp(old_reason, "customer") == 0;
	int waiting = strcmp(status, "pending") == 0 && reason != NULL &&
	    strcmp(reason, "customer") == 0;
	int was_done = strcmp(old_status, "resolved") == 0 || strcmp(old_status, "closed") == 0;
	int done = strcmp(status, "resolved") == 0 || strcmp(status, "closed") == 0;

	if (done && !was_done)
		return event(req, ticket_id, stop, NULL);
	if (was_done && !done) {
		int rc = event(req, ticket_id, reopen, NULL);

		/* Reopened straight into waiting for the customer. */
		return rc == PT_OK && waiting ? event(req, ticket_id, pause, NULL) : rc;
	}
	if (waiting && !was_waiting)
		return event(req, ticket_id, pause, NULL);
	if (was_waiting && !waiting)
		return event(req, ticket_id, resume, NULL);
	return PT_OK;
}

int
pt_ticket_sla_priority(struct pt_req *req, long long ticket_id, long long priority)
{
	int ops[KIND__MAX] = { -1, -1, -1 }, x, rc;
	long long targets_s[KIND__MAX] = { 0, 0, 0 };
	struct pt_rows rows;
	size_t i;

	if ((rc = pt_db_query(req, &sql[SQL_TARGETS], &rows, PT_BINDS(pt_int(priority),
	    pt_int(ticket_id)))) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++)
		if ((x = kind_index(pt_cell(&rows, i, 0))) >= 0) {
			ops[x] = OP_RETARGET;
			targets_s[x] = pt_cell_int(&rows, i, 1);
		}
	if (rows.nrows == 0)
		return PT_OK;
	return event(req, ticket_id, ops, targets_s);
}

/* ---- warnings and breaches nobody caused ------------------------------------------ */

static long long next_check_ms;

int
pt_ticket_sla_check(struct pt_req *req, long long ticket_id)
{
	static const int none[KIND__MAX] = { -1, -1, -1 };
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_TICKET_LOCK], &rows,
	    PT_BINDS(pt_int(ticket_id)))) != PT_OK ||
	    (rows.nrows == 1 && (rc = event(req, ticket_id, none, NULL)) != PT_OK) ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return PT_OK;
}

int
pt_ticket_sla_housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	long every_s = pt_conf_int("tickets", "sla_check_s", 30);
	long long every_ms = 1000LL * (every_s > 0 ? every_s : 30), now_ms = pt_clock_ms();
	struct pt_rows rows;
	size_t i;
	int rc;

	if (when == PT_HK_STOP) {
		for (i = 0; i < CAL_CACHE; i++)
			cal_clear(&cals[i]);
		return 0;
	}
	/*
	 * Not before it is time, and in an idle second of the process (the
	 * loop wakes it every second while this returns 1); right after a
	 * response only when the process has had no idle second for three
	 * rounds, and never while a request waits.
	 */
	if (now_ms < next_check_ms || (when == PT_HK_AFTER &&
	    (now_ms < next_check_ms + 2 * every_ms || pt_requests_waiting())))
		return 1;
	next_check_ms = now_ms + every_ms;
	if ((rc = pt_db_query(req, &sql[SQL_DUE], &rows, PT_NOBINDS)) != PT_OK)
		return 1;
	for (i = 0; i < rows.nrows; i++)
		if ((rc = pt_ticket_sla_check(req, pt_cell_int(&rows, i, 0))) != PT_OK) {
			pt_log(req, PT_LOG_ERROR, "SLA check of ticket %s failed (%d)",
			    pt_cell(&rows, i, 0), rc);
			break;
		}
	/* A full batch: more may be due, look again in a second. */
	if (rows.nrows == 50)
		next_check_ms = now_ms + 1000;
	return 1;
}

int
pt_ticket_sla_alert(struct pt_req *req, long long ticket_id, const char *clock)
{
	struct tclocks k;
	int kind, rc;

	if (clock == NULL || (kind = kind_index(clock)) < 0)
		return PT_EINVAL;
	if ((rc = load(req, ticket_id, &k)) != PT_OK)
		return rc;
	if (!k.v[kind].present)
		return PT_ENOTFOUND;
	return alert(req, &k, kind, "breach", 1);
}

const struct pt_group pt_ticket_sla_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
