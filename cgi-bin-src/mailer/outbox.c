/*
 * The outbox: claim due rows, render each with xslt/mail/<template>.xsl in
 * the recipient's language, send it, and record the outcome.
 *
 * Claiming: inside a short transaction the due rows are locked with FOR
 * UPDATE SKIP LOCKED (so two mailers never take the same row) and leased:
 * their next_attempt_at moves past the time the batch can take.  Sending
 * happens outside the transaction, so no lock is held during SMTP and the
 * workers' inserts never wait.  A row becomes 'sent' only after the server
 * accepted it; a mailer killed mid-batch leaves its rows queued, due again
 * when the lease ends.  Nothing is ever deleted.
 */
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mailer.h"

#define PENDING_MAX	64
#define FAIL_AFTER	5	/* permanent failures before a mail is given up */

enum outbox_sql {
	SQL_CLAIM,
	SQL_LEASE,
	SQL_SENT,
	SQL_FAILED,
	SQL_RELEASE,
	SQL_ZONE,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_CLAIM] = { "outbox_claim",
	    "SELECT id, to_email, to_name, lang, template, data_xml, attempts, message_id,"
	    " in_reply_to, references_ids, reply_to FROM outbox"
	    " WHERE status = 'queued' AND next_attempt_at <= UTC_TIMESTAMP(6)"
	    " ORDER BY next_attempt_at, id LIMIT 5 FOR UPDATE SKIP LOCKED" },
	[SQL_LEASE] = { "outbox_lease",
	    "UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND"
	    " WHERE id = ? AND status = 'queued'" },
	[SQL_SENT] = { "outbox_sent",
	    "UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(6), attempts = attempts + 1"
	    " WHERE id = ? AND status = 'queued'" },
	[SQL_FAILED] = { "outbox_failed",
	    "UPDATE outbox SET attempts = attempts + 1, last_error = LEFT(?, 500), status = ?,"
	    " next_attempt_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND"
	    " WHERE id = ? AND status = 'queued'" },
	[SQL_RELEASE] = { "outbox_release",
	    "UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(6) WHERE id = ? AND status = 'queued'" },
	/* Binds: the recipient's address.  Not in the claim: FOR UPDATE would lock the user. */
	[SQL_ZONE] = { "outbox_zone",
	    "SELECT time_zone FROM users WHERE email = ? AND status = 'active'" },
};

/* Mails the server accepted while the database could not take the news. */
static long long pending[PENDING_MAX];
static size_t npending;

struct mail {
	long long	 id;
	const char	*to_email;
	const char	*to_name;
	const char	*lang;
	const char	*template;
	const char	*data_xml;
	long long	 attempts;
	const char	*message_id;	/* NULL: one is made */
	const char	*in_reply_to;	/* may be NULL */
	const char	*references;	/* may be NULL */
	const char	*reply_to;	/* may be NULL */
};

struct rendered {
	const char	*subject;
	const char	*text;
	const char	*html;
};

int
outbox_init(void)
{
	return pt_db_register(sql, SQL__MAX);
}

/* ---- rendering ---------------------------------------------------------- */

/* xmlNodeGetContent into the arena. */
static const char *
content_of(struct pt_req *req, xmlNodePtr n)
{
	xmlChar *c;
	char *s;

	if (n == NULL || (c = xmlNodeGetContent(n)) == NULL)
		return "";
	s = pt_strdup(req, (const char *)c);
	xmlFree(c);
	return s != NULL ? s : "";
}

static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n;

	for (n = parent != NULL ? parent->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
			return n;
	return NULL;
}

/* The subject on one line: whitespace runs become one space, ends trimmed. */
static const char *
one_line(struct pt_req *req, const char *s)
{
	char *out = pt_alloc(req, strlen(s) + 1), *o = out;
	int space = 0;

	if (out == NULL)
		return "";
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			space = o > out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* The <html> element as an HTML document: XHTML-style serialisation as in render.c. */
static const char *
html_of(struct pt_req *req, xmlNodePtr html)
{
	xmlBufferPtr buf;
	xmlSaveCtxtPtr save;
	xmlDocPtr doc;
	const char *out = NULL;

	if (html == NULL || (doc = pt_xml_doc(req)) == NULL)
		return NULL;
	xmlDocSetRootElement(doc, xmlDocCopyNode(html, doc, 1));
	if ((buf = xmlBufferCreate()) == NULL)
		return NULL;
	save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_AS_XML | XML_SAVE_XHTML |
	    XML_SAVE_NO_XHTML);
	if (save != NULL && xmlSaveTree(save, xmlDocGetRootElement(doc)) >= 0 &&
	    xmlSaveFlush(save) >= 0)
		out = pt_printf(req, "<!DOCTYPE html>\n%s", (const char *)xmlBufferContent(buf));
	if (save != NULL)
		xmlSaveClose(save);
	xmlBufferFree(buf);
	return out;
}

/*
 * The input of the mail stylesheet:
 *   <mail template lang><to name>addr</to><base-url/><data>...</data></mail>
 * data_xml is the element the worker queued; its attributes and children
 * become those of <data>, whatever the element was called.
 */
static xmlDocPtr
input_of(struct pt_req *req, const struct mail *m)
{
	xmlDocPtr doc, data = NULL;
	xmlNodePtr root, to, d, n;
	xmlAttrPtr a;
	const char *base = pt_conf_str("site", "base_url", "http://localhost:8080");

	if ((doc = pt_xml_doc(req)) == NULL)
		return NULL;
	root = xmlNewDocNode(doc, NULL, BAD_CAST "mail", NULL);
	xmlDocSetRootElement(doc, root);
	pt_attr(root, "template", m->template);
	pt_attr(root, "lang", m->lang);
	to = pt_node(root, "to", m->to_email);
	pt_attr(to, "name", m->to_name != NULL ? m->to_name : "");
	/* The base URL without a trailing slash, so templates write base + "/path". */
	{
		size_t blen = strlen(base);
		char *b = pt_strdup(req, base);

		while (b != NULL && blen > 0 && b[blen - 1] == '/')
			b[--blen] = '\0';
		pt_node(root, "base-url", b != NULL ? b : base);
	}
	d = pt_node(root, "data", NULL);
	if (m->data_xml != NULL && *m->data_xml != '\0') {
		/* No entity substitution, no DTD, no network: the text is data. */
		data = xmlReadMemory(m->data_xml, (int)strlen(m->data_xml), "data.xml", "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
		if (data == NULL || xmlDocGetRootElement(data) == NULL) {
			pt_log(req, PT_LOG_ERROR, "outbox %lld: data_xml is not well-formed", m->id);
			xmlFreeDoc(data);
			return NULL;
		}
		for (a = xmlDocGetRootElement(data)->properties; a != NULL; a = a->next) {
			xmlChar *v = xmlNodeListGetString(data, a->children, 1);

			xmlSetProp(d, a->name, v != NULL ? v : BAD_CAST "");
			xmlFree(v);
		}
		for (n = xmlDocGetRootElement(data)->children; n != NULL; n = n->next)
			xmlAddChild(d, xmlDocCopyNode(n, doc, 1));
		xmlFreeDoc(data);
	}
	return doc;
}

static int
render(struct pt_req *req, const struct mail *m, struct rendered *r)
{
	xmlDocPtr in, out;
	xmlNodePtr msg;
	struct pt_rows zone;
	char rel[96];
	int rc;

	if (!pt_valid(PT_V_LANG, m->lang, strlen(m->lang)) ||
	    strspn(m->template, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(m->template) ||
	    *m->template == '\0' ||
	    (size_t)snprintf(rel, sizeof(rel), "mail/%s.xsl", m->template) >= sizeof(rel))
		return PT_EINVAL;
	req->lang = m->lang;
	/* Times in the recipient's time zone when they have an account, else the site's. */
	req->time_zone = NULL;
	if (pt_db_query(req, &sql[SQL_ZONE], &zone, PT_BINDS(pt_str(m->to_email))) == PT_OK &&
	    zone.nrows == 1)
		req->time_zone = pt_cell(&zone, 0, 0);
	if ((in = input_of(req, m)) == NULL)
		return PT_EINVAL;
	if ((rc = pt_render_doc(req, rel, in, &out)) != PT_OK)
		return rc;
	msg = xmlDocGetRootElement(out);
	if (msg == NULL || !xmlStrEqual(msg->name, BAD_CAST "message"))
		return PT_EINVAL;
	r->subject = one_line(req, content_of(req, child(msg, "subject")));
	r->text = content_of(req, child(msg, "text"));
	r->html = html_of(req, child(msg, "html"));
	return r->html != NULL && *r->subject != '\0' ? PT_OK : PT_EINVAL;
}

/* ---- delivery ------------------------------------------------------------- */

/* Back-off after the n-th failure (n >= 1): 30 s doubling, capped at 1 h. */
static long
backoff_s(long long n)
{
	long first = pt_conf_int("smtp", "retry_first_s", 30);
	long max = pt_conf_int("smtp", "retry_max_s", 3600);
	long d = first > 0 ? first : 1;

	while (--n > 0 && d < max)
		d *= 2;
	return d < max ? d : max;
}

static int
record_failure(struct pt_req *req, const struct mail *m, int permanent, const char *error)
{
	int give_up = permanent && m->attempts + 1 >= FAIL_AFTER;
	long delay = backoff_s(m->attempts + 1);

	pt_log(req, give_up ? PT_LOG_ERROR : PT_LOG_WARN,
	    "outbox %lld (%s to %s) attempt %lld failed: %s%s", m->id, m->template, m->to_email,
	    m->attempts + 1, error, give_up ? "; giving up" : "");
	return pt_db_exec(req, &sql[SQL_FAILED], PT_BINDS(pt_str(error),
	    pt_str(give_up ? "failed" : "queued"), pt_int(delay), pt_int(m->id)), NULL);
}

static int
record_sent(struct pt_req *req, long long id)
{
	unsigned long long n = 0;
	int rc = pt_db_exec(req, &sql[SQL_SENT], PT_BINDS(pt_int(id)), &n);

	if (rc == PT_OK && n == 0)
		pt_log(req, PT_LOG_WARN, "outbox %lld was no longer queued when sent", id);
	return rc;
}

int
outbox_flush(struct pt_req *req)
{
	while (npending > 0) {
		if (record_sent(req, pending[npending - 1]) != PT_OK)
			return PT_EDB;
		npending--;
	}
	return PT_OK;
}

/* The domain of the sender, for Message-IDs. */
static const char *
domain_of(const char *addr)
{
	const char *at = strrchr(addr, '@');

	return at != NULL && at[1] != '\0' ? at + 1 : "portico.invalid";
}

/* 1 if s is one "<id-left@id-right>" of printable ASCII without spaces (RFC 5322 msg-id). */
static int
message_id_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 5 || n > 250 || s[0] != '<' || s[n - 1] != '>' || strchr(s, '@') == NULL)
		return 0;
	for (i = 1; i + 1 < n; i++)
		if (s[i] <= 0x20 || s[i] >= 0x7f || s[i] == '<' || s[i] == '>')
			return 0;
	return 1;
}

/* 1 if s is message ids separated by single spaces. */
static int
message_ids_ok(const char *s)
{
	char one[251];
	const char *p = s;

	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		if (len == 0 || len >= sizeof(one))
			return 0;
		memcpy(one, p, len);
		one[len] = '\0';
		if (!message_id_ok(one))
			return 0;
		p += len;
		if (*p == ' ')
			p++;
	}
	return p != s;
}

static int
deliver(struct pt_req *req, const struct mail *m)
{
	struct mime_buf buf = { 0 };
	struct smtp_result res;
	struct rendered r;
	struct mime_msg msg = { 0 };
	char *from, rnd[17];
	const char *from_name, *from_addr;
	int rc;

	if (!pt_valid(PT_V_EMAIL, m->to_email, strlen(m->to_email)))
		return record_failure(req, m, 1, "invalid recipient address");
	/*
	 * A stylesheet or theme that does not compile is kept waiting for the
	 * fix (and a restart in production), however long: only a mail that
	 * cannot be made from its own data counts towards giving up.
	 */
	if ((rc = render(req, m, &r)) != PT_OK)
		return record_failure(req, m, rc != PT_ESYS, pt_printf(req,
		    rc == PT_ESYS ? "mail/%s.xsl or the theme does not compile; kept until it does" :
		    "cannot render mail/%s.xsl (see the mailer's log)", m->template));
	if ((from = pt_strdup(req, pt_conf_str("smtp", "from", "Portico <portal@localhost>"))) == NULL ||
	    pt_random_hex(rnd, 8) != PT_OK)
		return PT_ENOMEM;
	mime_split_address(from, &from_name, &from_addr);
	msg.from_name = from_name;
	msg.from_addr = from_addr;
	msg.to_name = m->to_name != NULL ? m->to_name : "";
	msg.to_addr = m->to_email;
	msg.subject = r.subject;
	msg.text = r.text;
	msg.html = r.html;
	/* A mail of a conversation carries the Message-ID its worker gave it. */
	msg.message_id = m->message_id != NULL && message_id_ok(m->message_id) ? m->message_id :
	    pt_printf(req, "<outbox.%lld.%s@%s>", m->id, rnd, domain_of(from_addr));
	if (m->in_reply_to != NULL && message_id_ok(m->in_reply_to))
		msg.in_reply_to = m->in_reply_to;
	if (m->references != NULL && message_ids_ok(m->references))
		msg.references = m->references;
	/* An address as the validator takes it: nothing else goes into the header. */
	if (m->reply_to != NULL && pt_valid(PT_V_EMAIL, m->reply_to, strlen(m->reply_to)))
		msg.reply_to = m->reply_to;
	msg.date = time(NULL);
	if (msg.message_id == NULL || mime_build(&buf, &msg) != PT_OK) {
		mime_buf_free(&buf);
		return PT_ENOMEM;
	}
	rc = smtp_send(from_addr, m->to_email, buf.p, buf.len, &res);
	mime_buf_free(&buf);
	if (rc != PT_OK)
		return record_failure(req, m, res.permanent, res.error);
	pt_log(req, PT_LOG_INFO, "outbox %lld (%s, %s) sent to %s", m->id, m->template, m->lang,
	    m->to_email);
	if (record_sent(req, m->id) != PT_OK) {
		/* Sent but not recorded: remember it, and record it before anything else. */
		if (npending < PENDING_MAX)
			pending[npending++] = m->id;
		else
			pt_log(req, PT_LOG_ERROR, "outbox %lld sent but not recorded; it may be sent again",
			    m->id);
		return PT_EDB;
	}
	return PT_OK;
}

int
outbox_run(struct pt_req *req, int max, const volatile sig_atomic_t *stop)
{
	struct pt_rows rows;
	long lease_s = 5 * (pt_conf_int("smtp", "timeout_s", 20) + 10) + 60;
	size_t i, n;
	int rc, done = 0;

	if (outbox_flush(req) != PT_OK)
		return PT_EDB;
	if (pt_db_begin(req) != PT_OK)
		return PT_EDB;
	rc = pt_db_query(req, &sql[SQL_CLAIM], &rows, PT_NOBINDS);
	for (i = 0; rc == PT_OK && i < rows.nrows; i++)
		rc = pt_db_exec(req, &sql[SQL_LEASE], PT_BINDS(pt_int(lease_s),
		    pt_int(pt_cell_int(&rows, i, 0))), NULL);
	if (rc != PT_OK || pt_db_commit(req) != PT_OK) {
		pt_db_rollback(req);
		return PT_EDB;
	}
	n = rows.nrows < (size_t)max ? rows.nrows : (size_t)max;
	for (i = 0; i < rows.nrows; i++) {
		struct mail m;

		m.id = pt_cell_int(&rows, i, 0);
		m.to_email = pt_cell(&rows, i, 1) != NULL ? pt_cell(&rows, i, 1) : "";
		m.to_name = pt_cell(&rows, i, 2);
		m.lang = pt_cell(&rows, i, 3) != NULL ? pt_cell(&rows, i, 3) : "en";
		m.template = pt_cell(&rows, i, 4) != NULL ? pt_cell(&rows, i, 4) : "";
		m.data_xml = pt_cell(&rows, i, 5);
		m.attempts = pt_cell_int(&rows, i, 6);
		m.message_id = pt_cell(&rows, i, 7);
		m.in_reply_to = pt_cell(&rows, i, 8);
		m.references = pt_cell(&rows, i, 9);
		m.reply_to = pt_cell(&rows, i, 10);
		if (i >= n || *stop) {
			/* Not ours to send after all (stopping): due again at once. */
			(void)pt_db_exec(req, &sql[SQL_RELEASE], PT_BINDS(pt_int(m.id)), NULL);
			continue;
		}
		snprintf(req->id, sizeof(req->id), "outbox-%lld", m.id);
		rc = deliver(req, &m);
		snprintf(req->id, sizeof(req->id), "-");
		if (rc == PT_EDB)
			return PT_EDB;	/* the rest come due when their lease ends */
		done++;
	}
	return done;
}
