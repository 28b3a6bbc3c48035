/*
 * The database side of portico-mailin: a parsed mail becomes a public
 * reply on its ticket or a new ticket, written the way the tickets worker
 * writes them (the runtime's pt_ticket_*, lib/ticket.c), with the sender
 * as the request's user: the message, its files, the history, the status
 * a customer's reply leaves, the audit row and the mails, in one
 * transaction after the ticket's row is locked.
 *
 * Who may: the sender must be an active person of an active organisation
 * (users.email, in any case).  A reply is taken from anyone of the
 * ticket's organisation (a colleague who was not in CC is added to it, so
 * they see the ticket they answered); a new ticket only from someone who
 * may raise tickets (tickets.create) in an organisation that allows mail
 * intake, for the service [mailin] service if their organisation may use
 * it.  Everything else is ignored with a log line, never bounced.  A mail
 * the MTA hands over again (its Message-ID is already in a conversation)
 * is ignored too, so a retry never doubles a reply.
 */
#include <stdlib.h>
#include <string.h>

#include "mailin.h"

enum deliver_sql {
	SQL_SENDER,
	SQL_MAY_CREATE,
	SQL_SEEN,
	SQL_LOCK,
	SQL_CC_HAS,
	SQL_CC_ADD,
	SQL_SERVICE,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_SENDER] = { "mailin_sender",
	    "SELECT u.id, u.org_id, u.name, u.email, COALESCE(u.language, o.language, 'en'),"
	    " o.kind, o.mail_intake, o.name"
	    " FROM users u JOIN orgs o ON o.id = u.org_id"
	    " WHERE u.email = ? AND u.status = 'active' AND o.status = 'active'" },
	/* Binds: user.  A role granting tickets.create, or tickets.* */
	[SQL_MAY_CREATE] = { "mailin_may_create",
	    "SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id"
	    " JOIN permissions p ON p.id = rp.permission_id"
	    " WHERE ur.user_id = ? AND p.name IN ('tickets.create', 'tickets.*') LIMIT 1" },
	[SQL_SEEN] = { "mailin_seen",
	    "SELECT t.number FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id"
	    " WHERE m.message_id = ? AND m.via = 'mail' LIMIT 1" },
	[SQL_LOCK] = { "mailin_lock",
	    "SELECT id, number, org_id, requester_id, status, pending_reason,"
	    " TIMESTAMPDIFF(SECOND, resolved_at, UTC_TIMESTAMP(6)), merged_into_id"
	    " FROM tickets WHERE id = ? FOR UPDATE" },
	[SQL_CC_HAS] = { "mailin_cc_has",
	    "SELECT 1 FROM ticket_cc WHERE ticket_id = ? AND user_id = ?" },
	[SQL_CC_ADD] = { "mailin_cc_add",
	    "INSERT IGNORE INTO ticket_cc (ticket_id, user_id, added_by, added_at)"
	    " VALUES (?, ?, ?, UTC_TIMESTAMP(6))" },
	/* Binds: org, slug. */
	[SQL_SERVICE] = { "mailin_service",
	    "SELECT s.id, s.type, s.group_id, s.impact, s.urgency, s.slug"
	    " FROM ticket_services s JOIN ticket_categories c ON c.id = s.category_id"
	    PT_TICKET_AUDIENCE_JOIN
	    " WHERE s.slug = ? AND s.active = 1 AND c.active = 1 AND" PT_TICKET_AUDIENCE_SQL },
};

enum { U_ID, U_ORG, U_NAME, U_EMAIL, U_LANG, U_ORG_KIND, U_INTAKE, U_ORG_NAME };
enum { T_ID, T_NUMBER, T_ORG, T_REQUESTER, T_STATUS, T_PENDING, T_RESOLVED_AGO_S, T_MERGED };
enum { S_ID, S_TYPE, S_GROUP, S_IMPACT, S_URGENCY, S_SLUG };

#define MERGES_MAX 5	/* a merged ticket's target is followed this far */

int
mailin_deliver_init(void)
{
	if (pt_db_register(pt_ticket_group.sql, pt_ticket_group.nsql) != PT_OK ||
	    pt_db_register(pt_ticket_mail_group.sql, pt_ticket_mail_group.nsql) != PT_OK ||
	    pt_db_register(pt_ticket_sla_group.sql, pt_ticket_sla_group.nsql) != PT_OK)
		return PT_ENOMEM;
	return pt_db_register(sql, SQL__MAX);
}

/*
 * The sender as the request's user (the actor of every row written), or
 * PT_ENOTFOUND when no active person of an active organisation has the
 * address.  *row keeps the rest (kind and mail intake of the org).
 */
static int
sender(struct pt_req *req, const struct mailin_msg *m, struct pt_rows *row)
{
	struct pt_user *u;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_SENDER], row, PT_BINDS(pt_str(m->from_addr)))) != PT_OK)
		return rc;
	if (row->nrows != 1)
		return PT_ENOTFOUND;
	if ((u = pt_alloc(req, sizeof(*u))) == NULL)
		return PT_ENOMEM;
	u->id = pt_cell_int(row, 0, U_ID);
	u->org_id = pt_cell_int(row, 0, U_ORG);
	u->name = pt_cell(row, 0, U_NAME);
	u->email = pt_cell(row, 0, U_EMAIL);
	u->lang = pt_cell(row, 0, U_LANG);
	u->org_kind = pt_cell(row, 0, U_ORG_KIND);
	u->org_name = pt_cell(row, 0, U_ORG_NAME);
	req->session.user = u;
	req->lang = u->lang;
	return PT_OK;
}

/* The number of the ticket a mail of this Message-ID already went into, or NULL. */
static int
seen_before(struct pt_req *req, const char *mid, const char **number)
{
	struct pt_rows rows;
	int rc;

	*number = NULL;
	if (mid == NULL)
		return PT_OK;
	if ((rc = pt_db_query(req, &sql[SQL_SEEN], &rows, PT_BINDS(pt_str(mid)))) != PT_OK)
		return rc;
	if (rows.nrows == 1)
		*number = pt_cell(&rows, 0, 0);
	return PT_OK;
}

/* At most max characters of UTF-8 s, cut before a character; s itself when shorter. */
static const char *
cut_chars(struct pt_req *req, const char *s, size_t max)
{
	size_t n = 0, i;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n++ == max)
			return pt_arena_strndup(req->arena, s, i);
	return s;
}

/* The text the message keeps: the reply without its history, else the whole text. */
static const char *
body_of(struct pt_req *req, const struct mailin_msg *m)
{
	const char *b = *m->reply != '\0' ? m->reply : m->text;

	b += strspn(b, " \t\n");
	return cut_chars(req, b, PT_TICKET_BODY_MAX_CHARS);
}

/*
 * The attachments a ticket may keep, as the web form takes them: of a type
 * pt_file_sniff knows (by the bytes), within the size, at most
 * PT_TICKET_FILES_MAX; written to [paths] files before the transaction.
 * What is left out is logged.
 */
static int
files_of(struct pt_req *req, const struct mailin_msg *m, struct pt_ticket_files *files,
    struct pt_upload *ups)
{
	size_t i;
	int rc;

	memset(files, 0, sizeof(*files));
	for (i = 0; i < m->nattachments; i++) {
		const struct mailin_attachment *a = &m->attachments[i];
		const struct pt_file_type *type = pt_file_sniff(a->data, a->len);
		struct pt_ticket_file *f;

		if (a->len == 0 || type == NULL || (long long)a->len > PT_TICKET_FILE_MAX_BYTES ||
		    files->n == PT_TICKET_FILES_MAX) {
			pt_log(req, PT_LOG_INFO, "attachment %s (%s, %zu bytes) not kept: %s", a->name,
			    a->content_type, a->len, type == NULL || a->len == 0 ? "a type tickets do not take" :
			    files->n == PT_TICKET_FILES_MAX ? "too many" : "too large");
			continue;
		}
		ups[files->n] = (struct pt_upload){ "file", a->name, type->type, (const char *)a->data,
		    a->len };
		f = &files->f[files->n++];
		f->up = &ups[files->n - 1];
		f->type = type;
	}
	if (m->ndropped > 0)
		pt_log(req, PT_LOG_INFO, "%zu attachments over [mailin] attachments or"
		    " attachment_bytes not kept", m->ndropped);
	if ((rc = pt_ticket_files_save(req, files)) != PT_OK)
		pt_ticket_files_forget(req, files);
	return rc;
}

/* The ticket ticket_id, locked; a merged one's target instead.  PT_ENOTFOUND when none. */
static int
lock_ticket(struct pt_req *req, long long ticket_id, struct pt_rows *t)
{
	int rc, hops;

	for (hops = 0; hops <= MERGES_MAX; hops++) {
		if ((rc = pt_db_query(req, &sql[SQL_LOCK], t, PT_BINDS(pt_int(ticket_id)))) != PT_OK)
			return rc;
		if (t->nrows != 1)
			return PT_ENOTFOUND;
		if (pt_cell(t, 0, T_MERGED) == NULL)
			return PT_OK;
		ticket_id = pt_cell_int(t, 0, T_MERGED);
	}
	return PT_ENOTFOUND;
}

/*
 * A colleague who answered without being in CC joins it, with its history
 * row, so that the ticket they wrote to shows in their list.
 */
static int
join_cc(struct pt_req *req, const struct pt_rows *t, const char **joined)
{
	const struct pt_user *u = req->session.user;
	long long id = pt_cell_int(t, 0, T_ID);
	struct pt_rows cc;
	int rc;

	*joined = NULL;
	if (u->id == pt_cell_int(t, 0, T_REQUESTER))
		return PT_OK;
	if ((rc = pt_db_query(req, &sql[SQL_CC_HAS], &cc, PT_BINDS(pt_int(id), pt_int(u->id)))) != PT_OK)
		return rc;
	if (cc.nrows == 1)
		return PT_OK;
	if ((rc = pt_db_exec(req, &sql[SQL_CC_ADD], PT_BINDS(pt_int(id), pt_int(u->id),
	    pt_int(u->id)), NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, id, "cc", NULL, u->email)) != PT_OK)
		return rc;
	*joined = u->email;
	return PT_OK;
}

/* The reply's rows, inside the transaction, on the locked ticket t. */
static int
add_reply(struct pt_req *req, const struct mailin_msg *m, const struct pt_rows *t,
    const char *mid, struct pt_ticket_files *files, const char **done)
{
	const char *number = pt_cell(t, 0, T_NUMBER), *old = pt_cell(t, 0, T_STATUS);
	const char *status = pt_ticket_status_after_customer_reply(old), *body = body_of(req, m);
	const char *joined, *files_json;
	long long id = pt_cell_int(t, 0, T_ID), msg;
	int rc;

	if (body == NULL)
		return PT_ENOMEM;
	if ((rc = join_cc(req, t, &joined)) != PT_OK ||
	    (rc = pt_ticket_message_add(req, id, "public", "mail", body, &msg, &mid)) != PT_OK ||
	    (rc = pt_ticket_files_store(req, id, msg, 0, files)) != PT_OK ||
	    (rc = pt_ticket_history(req, id, "reply", NULL, pt_printf(req, "%lld", msg))) != PT_OK)
		return rc;
	rc = strcmp(status, old) != 0 ? pt_ticket_set_status(req, id, old, pt_cell(t, 0, T_PENDING),
	    status, NULL) : pt_ticket_touch(req, id);
	if (rc != PT_OK)
		return rc;
	if ((files_json = pt_ticket_files_json(req, files)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_audit(req, "ticket.reply", "ticket", number,
	    pt_printf(req, "{\"status\":%s}", pt_json_str(req, old)),
	    pt_printf(req, "{\"message_id\":%lld,\"status\":%s,\"via\":\"mail\",\"mail\":%s,"
	    "\"cc_joined\":%s,\"files\":%s}", msg, pt_json_str(req, status), pt_json_str(req, mid),
	    pt_json_str(req, joined), files_json))) != PT_OK)
		return rc;
	/* Its mails to the agents carry a Message-ID of ours, not the customer's. */
	if ((rc = pt_ticket_mail_update(req, id, NULL, body)) != PT_OK)
		return rc;
	*done = pt_printf(req, "reply %lld added to %s (%s%s%s)%s", msg, number, old,
	    strcmp(status, old) != 0 ? " -> " : "", strcmp(status, old) != 0 ? status : "",
	    joined != NULL ? ", sender added to CC" : "");
	return PT_OK;
}

int
mailin_deliver_reply(struct pt_req *req, const struct mailin_msg *m, int64_t ticket_id,
    const char **done)
{
	struct pt_upload ups[PT_TICKET_FILES_MAX];
	struct pt_ticket_files files;
	struct pt_rows who, t;
	const char *mid = *m->message_id != '\0' ? pt_printf(req, "<%s>", m->message_id) : NULL;
	const char *number;
	int rc;

	if ((rc = sender(req, m, &who)) != PT_OK) {
		*done = "the sender is no active person of an active organisation";
		return rc;
	}
	if ((rc = seen_before(req, mid, &number)) != PT_OK)
		return rc;
	if (number != NULL) {
		*done = pt_printf(req, "already taken into %s", number);
		return PT_ENOTFOUND;
	}
	if ((rc = files_of(req, m, &files, ups)) != PT_OK)
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		goto gone;
	if ((rc = lock_ticket(req, ticket_id, &t)) != PT_OK) {
		if (rc == PT_ENOTFOUND)
			*done = pt_printf(req, "its reply address names ticket id %lld, which does not"
			    " exist", (long long)ticket_id);
		goto fail;
	}
	/* Another organisation's people (the provider's agents too) answer on the web. */
	if (pt_cell_int(&t, 0, T_ORG) != req->session.user->org_id) {
		*done = pt_printf(req, "the sender is not of %s's organisation", pt_cell(&t, 0, T_NUMBER));
		rc = PT_ENOTFOUND;
		goto fail;
	}
	if (!pt_ticket_customer_may_reply(pt_cell(&t, 0, T_STATUS), pt_cell(&t, 0, T_RESOLVED_AGO_S))) {
		*done = pt_printf(req, "%s is %s and takes no more replies", pt_cell(&t, 0, T_NUMBER),
		    pt_cell(&t, 0, T_STATUS));
		rc = PT_ENOTFOUND;
		goto fail;
	}
	if (*body_of(req, m) == '\0' && files.n == 0) {
		*done = "it says nothing and has no attachment a ticket keeps";
		rc = PT_ENOTFOUND;
		goto fail;
	}
	if ((rc = add_reply(req, m, &t, mid, &files, done)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return PT_OK;
fail:
	pt_db_rollback(req);
gone:
	pt_ticket_files_forget(req, &files);
	return rc;
}

/* The service a new ticket from this sender gets, or PT_ENOTFOUND (*why says why). */
static int
service_of(struct pt_req *req, struct pt_rows *s, const char **why)
{
	const char *slug = pt_conf_str("mailin", "service", NULL);
	int rc;

	if (slug == NULL) {
		*why = "mail opens no tickets ([mailin] service is not set)";
		return PT_ENOTFOUND;
	}
	if ((rc = pt_db_query(req, &sql[SQL_SERVICE], s, PT_BINDS(pt_int(req->session.user->org_id),
	    pt_str(slug)))) != PT_OK)
		return rc;
	if (s->nrows != 1) {
		pt_log(req, PT_LOG_WARN, "[mailin] service %s is no active service that %s's"
		    " organisation may use", slug, req->session.user->email);
		*why = pt_printf(req, "the service %s is not open to the sender's organisation", slug);
		return PT_ENOTFOUND;
	}
	return PT_OK;
}

/* A subject for the ticket: the mail's, cut to the bound, or a stand-in. */
static const char *
subject_of(struct pt_req *req, const struct mailin_msg *m)
{
	const char *s = m->subject + strspn(m->subject, " ");

	return *s != '\0' ? cut_chars(req, s, PT_TICKET_SUBJECT_MAX_CHARS) :
	    pt_printf(req, "Mail from %s", m->from_addr);
}

int
mailin_deliver_new(struct pt_req *req, const struct mailin_msg *m, const char **done)
{
	struct pt_upload ups[PT_TICKET_FILES_MAX];
	struct pt_ticket_files files;
	struct pt_ticket_new n = { 0 };
	struct pt_ticket_made t;
	struct pt_rows who, s, may;
	const char *mid = *m->message_id != '\0' ? pt_printf(req, "<%s>", m->message_id) : NULL;
	const char *number, *files_json;
	int rc;

	if ((rc = sender(req, m, &who)) != PT_OK) {
		*done = "the sender is no active person of an active organisation";
		return rc;
	}
	if (strcmp(pt_cell(&who, 0, U_ORG_KIND), "provider") == 0 ||
	    pt_cell_int(&who, 0, U_INTAKE) != 1) {
		*done = "the sender's organisation does not take tickets by mail";
		return PT_ENOTFOUND;
	}
	if ((rc = pt_db_query(req, &sql[SQL_MAY_CREATE], &may,
	    PT_BINDS(pt_int(req->session.user->id)))) != PT_OK)
		return rc;
	if (may.nrows == 0) {
		*done = "the sender may not raise tickets";
		return PT_ENOTFOUND;
	}
	if ((rc = service_of(req, &s, done)) != PT_OK)
		return rc;
	if ((rc = seen_before(req, mid, &number)) != PT_OK)
		return rc;
	if (number != NULL) {
		*done = pt_printf(req, "already taken into %s", number);
		return PT_ENOTFOUND;
	}
	n.service_id = pt_cell_int(&s, 0, S_ID);
	n.type = pt_cell(&s, 0, S_TYPE);
	n.group_id = pt_cell(&s, 0, S_GROUP);
	n.impact = pt_cell_int(&s, 0, S_IMPACT);
	n.urgency = pt_cell_int(&s, 0, S_URGENCY);
	n.subject = subject_of(req, m);
	n.body = body_of(req, m);
	n.via = "mail";
	n.message_id = mid;
	if (n.subject == NULL || n.body == NULL)
		return PT_ENOMEM;
	if ((rc = files_of(req, m, &files, ups)) != PT_OK)
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		goto gone;
	if ((rc = pt_ticket_create(req, &n, &t)) != PT_OK ||
	    (rc = pt_ticket_files_store(req, t.id, t.message, 0, &files)) != PT_OK)
		goto fail;
	if ((files_json = pt_ticket_files_json(req, &files)) == NULL) {
		rc = PT_ENOMEM;
		goto fail;
	}
	if ((rc = pt_audit(req, "ticket.create", "ticket", t.number, NULL,
	    pt_printf(req, "{\"service\":%s,\"subject\":%s,\"priority\":%lld,\"group_id\":%s,"
	    "\"via\":\"mail\",\"mail\":%s,\"files\":%s}", pt_json_str(req, pt_cell(&s, 0, S_SLUG)),
	    pt_json_str(req, n.subject), t.priority, n.group_id != NULL ? n.group_id : "null",
	    pt_json_str(req, mid), files_json))) != PT_OK ||
	    (rc = pt_ticket_mail_new(req, &n, &t)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	*done = pt_printf(req, "ticket %s opened (service %s)", t.number, pt_cell(&s, 0, S_SLUG));
	return PT_OK;
fail:
	pt_db_rollback(req);
gone:
	pt_ticket_files_forget(req, &files);
	return rc;
}
