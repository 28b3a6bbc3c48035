/*
 * Mails about tickets, queued in the outbox in the transaction of the
 * change they tell of (portico-mailer sends them): a new ticket to the
 * members of its group, an agent's public reply to the requester and the
 * people in CC, a customer's reply (on the web or by mail) to the assignee
 * (else the group), and an agent's change of status to the requester and
 * the people in CC.  Each recipient gets it in their language (their
 * profile's, else their organisation's), and only when they want mails
 * about tickets (users.notify_tickets).  The first mail of a ticket has
 * the ticket's thread id as Message-ID; every later one refers to it
 * (In-Reply-To, References), so mail programs show one thread.  Mails to
 * the customers name the ticket's reply address as Reply-To, so their
 * answer by mail reaches the ticket (portico-mailin); the agents answer
 * on the ticket's page.
 */
#include <stdlib.h>
#include <string.h>

#include "portico.h"

enum mail_sql { SQL_TICKET, SQL_SERVICE_NAMES, SQL_GROUP, SQL_FOLLOWERS, SQL_WORKERS, SQL__MAX };

/* Binds: ticket.  COALESCE: a recipient's language, else the org's. */
#define RECIPIENT_COLUMNS "u.id, u.email, u.name, COALESCE(u.language, o.language, 'en')"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_TICKET] = { "pt_ticket_mail_ticket",
	    "SELECT t.number, t.subject, t.priority, t.thread_id, r.name, og.name, t.service_id,"
	    " (SELECT m.body FROM ticket_messages m WHERE m.ticket_id = t.id AND m.kind = 'public'"
	    "   ORDER BY m.id LIMIT 1)"
	    " FROM tickets t JOIN users r ON r.id = t.requester_id JOIN orgs og ON og.id = t.org_id"
	    " WHERE t.id = ?" },
	/* Kept (pt_kept_query): the catalogue's texts change rarely. */
	[SQL_SERVICE_NAMES] = { "pt_ticket_mail_service_names",
	    "SELECT lang, name FROM ticket_service_texts WHERE service_id = ?" },
	/* Kept: the members of a group who take ticket mails.  Binds: group. */
	[SQL_GROUP] = { "pt_ticket_mail_group",
	    "SELECT " RECIPIENT_COLUMNS " FROM ticket_group_members gm"
	    " JOIN users u ON u.id = gm.user_id JOIN orgs o ON o.id = u.org_id"
	    " WHERE gm.group_id = ? AND u.status = 'active' AND u.notify_tickets = 1 ORDER BY u.id" },
	/* The requester and the people in CC, but not the author (binds: ticket x2, author). */
	[SQL_FOLLOWERS] = { "pt_ticket_mail_followers",
	    "SELECT " RECIPIENT_COLUMNS " FROM users u JOIN orgs o ON o.id = u.org_id"
	    " WHERE u.id IN (SELECT requester_id FROM tickets WHERE id = ?"
	    "   UNION SELECT user_id FROM ticket_cc WHERE ticket_id = ?)"
	    " AND u.id <> ? AND u.status = 'active' AND u.notify_tickets = 1 ORDER BY u.id" },
	/* The assignee, else the group's members, but not the author (binds: ticket x2, author). */
	[SQL_WORKERS] = { "pt_ticket_mail_workers",
	    "SELECT " RECIPIENT_COLUMNS " FROM tickets t JOIN users u ON u.id = t.assignee_id"
	    " JOIN orgs o ON o.id = u.org_id WHERE t.id = ? AND u.id <> ? AND u.status = 'active'"
	    " AND u.notify_tickets = 1"
	    " UNION SELECT " RECIPIENT_COLUMNS " FROM tickets t"
	    " JOIN ticket_group_members gm ON gm.group_id = t.group_id"
	    " JOIN users u ON u.id = gm.user_id JOIN orgs o ON o.id = u.org_id"
	    " WHERE t.id = ? AND t.assignee_id IS NULL AND u.id <> ? AND u.status = 'active'"
	    " AND u.notify_tickets = 1" },
};

enum { T_NUMBER, T_SUBJECT, T_PRIORITY, T_THREAD, T_REQUESTER, T_ORG, T_SERVICE, T_BODY };
enum { R_ID, R_EMAIL, R_NAME, R_LANG };

/* What a mail tells of its ticket, and the service's names (lang, name). */
struct facts {
	const char	*number;
	const char	*subject;
	const char	*priority;
	const char	*thread;
	const char	*requester;
	const char	*org;
	const char	*first;		/* the first public message */
	struct pt_rows	 names;
};

#define EXCERPT_MAX_BYTES 4000	/* of a message quoted in a mail */

const char *
pt_mail_lang(const char *lang)
{
	const char *const *langs;
	size_t n;

	if (pt_language(lang) != NULL)
		return pt_language(lang);
	langs = pt_languages(&n);
	return n > 0 ? langs[0] : "en";
}

/* The service's name in lang, else English, else any. */
static const char *
service_name(const struct pt_rows *names, const char *lang)
{
	const char *en = NULL, *any = NULL;
	size_t i;

	for (i = 0; i < names->nrows; i++) {
		if (strcmp(pt_cell(names, i, 0), lang) == 0)
			return pt_cell(names, i, 1);
		if (strcmp(pt_cell(names, i, 0), "en") == 0)
			en = pt_cell(names, i, 1);
		any = pt_cell(names, i, 1);
	}
	return en != NULL ? en : any != NULL ? any : "";
}

/* At most EXCERPT_MAX_BYTES of s, cut before a UTF-8 continuation byte. */
static const char *
excerpt(struct pt_req *req, const char *s)
{
	size_t n;

	if (s == NULL || strlen(s) <= EXCERPT_MAX_BYTES)
		return s != NULL ? s : "";
	n = EXCERPT_MAX_BYTES;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return pt_printf(req, "%.*s…", (int)n, s);
}

/*
 * Queue template for every recipient row, in one statement: data with the
 * ticket's facts, the service in the recipient's language, text (a
 * message) and, for a change of status, status and reason (NULL
 * otherwise).
 */
static int
queue_all(struct pt_req *req, const char *template, const struct facts *f,
    const struct pt_rows *to, const char *text, const char *message_id, const char *in_reply_to,
    const char *reply_to, const char *status, const char *reason)
{
	struct pt_mail_thread th = { message_id, in_reply_to, in_reply_to, reply_to };
	struct pt_mail *m;
	size_t i;

	if (to->nrows == 0)
		return PT_OK;
	if ((m = pt_alloc(req, to->nrows * sizeof(*m))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < to->nrows; i++) {
		const char *lang = pt_mail_lang(pt_cell(to, i, R_LANG));
		xmlNodePtr data = pt_mail_data(req);

		pt_node(data, "number", f->number);
		pt_node(data, "subject", f->subject);
		pt_node(data, "priority", f->priority);
		pt_node(data, "requester", f->requester);
		pt_node(data, "org", f->org);
		pt_node(data, "service", service_name(&f->names, lang));
		pt_node(data, "author", req->session.user != NULL ? req->session.user->name : "");
		pt_node(data, "text", excerpt(req, text));
		if (status != NULL)
			pt_node(data, "status", status);
		if (reason != NULL)
			pt_node(data, "reason", reason);
		pt_node(data, "link", pt_printf(req, "%s/tickets/%s", pt_base_url(), f->number));
		m[i].template = template;
		m[i].to_email = pt_cell(to, i, R_EMAIL);
		m[i].to_name = pt_cell(to, i, R_NAME);
		m[i].lang = lang;
		m[i].data = data;
		m[i].th = &th;
	}
	return pt_mail_queue_all(req, m, to->nrows);
}

/* The service's names in every language: kept rows, the catalogue changes rarely. */
static int
service_names(struct pt_req *req, long long service_id, struct pt_rows *names)
{
	return pt_kept_query(req, &sql[SQL_SERVICE_NAMES], names, PT_BINDS(pt_int(service_id)));
}

/* The facts of the ticket as it is now. */
static int
load(struct pt_req *req, long long ticket_id, struct facts *f)
{
	struct pt_rows t;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_TICKET], &t, PT_BINDS(pt_int(ticket_id)))) != PT_OK)
		return rc;
	if (t.nrows != 1)
		return PT_ENOTFOUND;
	f->number = pt_cell(&t, 0, T_NUMBER);
	f->subject = pt_cell(&t, 0, T_SUBJECT);
	f->priority = pt_cell(&t, 0, T_PRIORITY);
	f->thread = pt_cell(&t, 0, T_THREAD);
	f->requester = pt_cell(&t, 0, T_REQUESTER);
	f->org = pt_cell(&t, 0, T_ORG);
	f->first = pt_cell(&t, 0, T_BODY);
	return service_names(req, pt_cell_int(&t, 0, T_SERVICE), &f->names);
}

/*
 * The ticket's reply address for the Reply-To of mails to its customers,
 * or NULL (logged) when none can be made: the mail then goes without.
 */
static const char *
reply_to(struct pt_req *req, long long ticket_id)
{
	char addr[PT_REPLY_ADDRESS_MAX];

	if (pt_reply_address(ticket_id, addr, sizeof(addr)) != PT_OK) {
		pt_log(req, PT_LOG_WARN, "no reply address for ticket %lld (see [secrets] hmac_key"
		    " and [mailin] address); its mails go without Reply-To", ticket_id);
		return NULL;
	}
	return pt_strdup(req, addr);
}

/*
 * A new ticket's mail to its group: what it tells is what the ticket was
 * made of and the requester (the request's user), so nothing is read
 * again but the kept names and members.
 */
int
pt_ticket_mail_new(struct pt_req *req, const struct pt_ticket_new *n,
    const struct pt_ticket_made *t)
{
	const struct pt_user *u = req->session.user;
	struct facts f = { t->number, n->subject, pt_printf(req, "%lld", t->priority), t->thread,
	    u->name, u->org_name, n->body, { 0, 0, NULL, NULL } };
	struct pt_rows to;
	int rc;

	if (n->group_id == NULL)
		return PT_OK;	/* no group: nobody to tell */
	if ((rc = service_names(req, n->service_id, &f.names)) != PT_OK ||
	    (rc = pt_kept_query(req, &sql[SQL_GROUP], &to,
	    PT_BINDS(pt_int(strtoll(n->group_id, NULL, 10))))) != PT_OK)
		return rc;
	return queue_all(req, "ticket-new", &f, &to, f.first, f.thread, NULL, NULL, NULL, NULL);
}

int
pt_ticket_mail_reply(struct pt_req *req, long long ticket_id, const char *message_id,
    const char *body)
{
	struct facts f;
	struct pt_rows to;
	const struct pt_user *u = req->session.user;
	int rc;

	if ((rc = load(req, ticket_id, &f)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_FOLLOWERS], &to, PT_BINDS(pt_int(ticket_id),
	    pt_int(ticket_id), pt_int(u != NULL ? u->id : 0)))) != PT_OK)
		return rc;
	/* The requester and CC answer by mail: to the ticket's reply address. */
	return queue_all(req, "ticket-reply", &f, &to, body, message_id, f.thread,
	    reply_to(req, ticket_id), NULL, NULL);
}

int
pt_ticket_mail_update(struct pt_req *req, long long ticket_id, const char *message_id,
    const char *body)
{
	struct facts f;
	struct pt_rows to;
	long long author = req->session.user != NULL ? req->session.user->id : 0;
	int rc;

	if ((rc = load(req, ticket_id, &f)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_WORKERS], &to, PT_BINDS(pt_int(ticket_id),
	    pt_int(author), pt_int(ticket_id), pt_int(author)))) != PT_OK)
		return rc;
	return queue_all(req, "ticket-update", &f, &to, body, message_id, f.thread, NULL, NULL,
	    NULL);
}

int
pt_ticket_mail_status(struct pt_req *req, long long ticket_id, const char *status,
    const char *reason)
{
	struct facts f;
	struct pt_rows to;
	const struct pt_user *u = req->session.user;
	const char *mid;
	char rnd[17];
	int rc;

	if ((rc = load(req, ticket_id, &f)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_FOLLOWERS], &to, PT_BINDS(pt_int(ticket_id),
	    pt_int(ticket_id), pt_int(u != NULL ? u->id : 0)))) != PT_OK ||
	    (rc = pt_random_hex(rnd, 8)) != PT_OK)
		return rc;
	if ((mid = pt_ticket_message_id(req, pt_printf(req, "ticket.%lld.status.%s", ticket_id,
	    rnd))) == NULL)
		return PT_ENOMEM;
	return queue_all(req, "ticket-status", &f, &to, "", mid, f.thread,
	    reply_to(req, ticket_id), status, reason);
}

const struct pt_group pt_ticket_mail_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
