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
	[SQL_SERVICE_NAMES] = { "pt_ticket_mail_service_names",
	    "SELECT lang, name FROM ticket_service_texts WHERE service_id = ?" },
	[SQL_GROUP] = { "pt_ticket_mail_group",
	    "SELECT " RECIPIENT_COLUMNS " FROM tickets t"
	    " JOIN ticket_group_members gm ON gm.group_id = t.group_id"
	    " JOIN users u ON u.id = gm.user_id JOIN orgs o ON o.id = u.org_id"
	    " WHERE t.id = ? AND u.status = 'active' AND u.notify_tickets = 1 ORDER BY u.id" },
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
 * Queue template for every recipient row: data with the ticket's facts,
 * the service in the recipient's language, text (a message) and, for a
 * change of status, status and reason (NULL otherwise).
 */
static int
queue_all(struct pt_req *req, const char *template, const struct pt_rows *t,
    const struct pt_rows *names, const struct pt_rows *to, const char *text,
    const char *message_id, const char *in_reply_to, const char *reply_to, const char *status,
    const char *reason)
{
	struct pt_mail_thread th = { message_id, in_reply_to, in_reply_to, reply_to };
	size_t i;
	int rc;

	for (i = 0; i < to->nrows; i++) {
		const char *lang = pt_mail_lang(pt_cell(to, i, R_LANG));
		xmlNodePtr data = pt_mail_data(req);

		pt_node(data, "number", pt_cell(t, 0, T_NUMBER));
		pt_node(data, "subject", pt_cell(t, 0, T_SUBJECT));
		pt_node(data, "priority", pt_cell(t, 0, T_PRIORITY));
		pt_node(data, "requester", pt_cell(t, 0, T_REQUESTER));
		pt_node(data, "org", pt_cell(t, 0, T_ORG));
		pt_node(data, "service", service_name(names, lang));
		pt_node(data, "author", req->session.user != NULL ? req->session.user->name : "");
		pt_node(data, "text", excerpt(req, text));
		if (status != NULL)
			pt_node(data, "status", status);
		if (reason != NULL)
			pt_node(data, "reason", reason);
		pt_node(data, "link", pt_printf(req, "%s/tickets/%s", pt_base_url(),
		    pt_cell(t, 0, T_NUMBER)));
		if ((rc = pt_mail_queue_thread(req, template, pt_cell(to, i, R_EMAIL),
		    pt_cell(to, i, R_NAME), lang, data, &th)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

static int
load(struct pt_req *req, long long ticket_id, struct pt_rows *t, struct pt_rows *names)
{
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_TICKET], t, PT_BINDS(pt_int(ticket_id)))) != PT_OK)
		return rc;
	if (t->nrows != 1)
		return PT_ENOTFOUND;
	return pt_db_query(req, &sql[SQL_SERVICE_NAMES], names,
	    PT_BINDS(pt_int(pt_cell_int(t, 0, T_SERVICE))));
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

int
pt_ticket_mail_new(struct pt_req *req, long long ticket_id)
{
	struct pt_rows t, names, to;
	int rc;

	if ((rc = load(req, ticket_id, &t, &names)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_GROUP], &to, PT_BINDS(pt_int(ticket_id)))) != PT_OK)
		return rc;
	return queue_all(req, "ticket-new", &t, &names, &to, pt_cell(&t, 0, T_BODY),
	    pt_cell(&t, 0, T_THREAD), NULL, NULL, NULL, NULL);
}

int
pt_ticket_mail_reply(struct pt_req *req, long long ticket_id, const char *message_id,
    const char *body)
{
	struct pt_rows t, names, to;
	const struct pt_user *u = req->session.user;
	int rc;

	if ((rc = load(req, ticket_id, &t, &names)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_FOLLOWERS], &to, PT_BINDS(pt_int(ticket_id),
	    pt_int(ticket_id), pt_int(u != NULL ? u->id : 0)))) != PT_OK)
		return rc;
	/* The requester and CC answer by mail: to the ticket's reply address. */
	return queue_all(req, "ticket-reply", &t, &names, &to, body, message_id,
	    pt_cell(&t, 0, T_THREAD), reply_to(req, ticket_id), NULL, NULL);
}

int
pt_ticket_mail_update(struct pt_req *req, long long ticket_id, const char *message_id,
    const char *body)
{
	struct pt_rows t, names, to;
	long long author = req->session.user != NULL ? req->session.user->id : 0;
	int rc;

	if ((rc = load(req, ticket_id, &t, &names)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_WORKERS], &to, PT_BINDS(pt_int(ticket_id),
	    pt_int(author), pt_int(ticket_id), pt_int(author)))) != PT_OK)
		return rc;
	return queue_all(req, "ticket-update", &t, &names, &to, body, message_id,
	    pt_cell(&t, 0, T_THREAD), NULL, NULL, NULL);
}

int
pt_ticket_mail_status(struct pt_req *req, long long ticket_id, const char *status,
    const char *reason)
{
	struct pt_rows t, names, to;
	const struct pt_user *u = req->session.user;
	const char *mid;
	char rnd[17];
	int rc;

	if ((rc = load(req, ticket_id, &t, &names)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_FOLLOWERS], &to, PT_BINDS(pt_int(ticket_id),
	    pt_int(ticket_id), pt_int(u != NULL ? u->id : 0)))) != PT_OK ||
	    (rc = pt_random_hex(rnd, 8)) != PT_OK)
		return rc;
	if ((mid = pt_ticket_message_id(req, pt_printf(req, "ticket.%lld.status.%s", ticket_id,
	    rnd))) == NULL)
		return PT_ENOMEM;
	return queue_all(req, "ticket-status", &t, &names, &to, "", mid, pt_cell(&t, 0, T_THREAD),
	    reply_to(req, ticket_id), status, reason);
}

const struct pt_group pt_ticket_mail_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
