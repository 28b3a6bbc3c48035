/*
 * The outbox: a mail is a row, written in the transaction of the change it
 * reports, so a rolled-back change sends nothing and a committed one is
 * never lost.  portico-mailer renders and sends it.
 */
#include <libxml/xmlsave.h>
#include <string.h>

#include "extern.h"

enum mail_sql { SQL_OUTBOX_INSERT, SQL__MAX };

/* A mail outside a conversation binds NULL for its thread's columns, their default. */
const struct pt_sql pt_mail_sql[SQL__MAX] = {
	[SQL_OUTBOX_INSERT] = { "outbox_insert",
	    "INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status,"
	    " attempts, next_attempt_at, message_id, in_reply_to, references_ids, reply_to)"
	    " VALUES (UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, 'queued', 0, UTC_TIMESTAMP(6), ?, ?, ?, ?)" },
};
#define OUTBOX_BINDS 9
const size_t pt_mail_nsql = SQL__MAX;

static void
free_node(void *node)
{
	xmlFreeNode(node);
}

xmlNodePtr
pt_mail_data(struct pt_req *req)
{
	xmlNodePtr d = xmlNewNode(NULL, BAD_CAST "data");

	if (d != NULL && pt_arena_defer(req->arena, free_node, d) != PT_OK) {
		xmlFreeNode(d);
		return NULL;
	}
	return d;
}

/* A worker's site settings hold it; a program without them (flowd) reads it from the config. */
const char *
pt_base_url(void)
{
	return pt_site.base_url != NULL ? pt_site.base_url :
	    pt_conf_str("site", "base_url", "http://localhost:8080");
}

/* The element as text in the arena; NULL on OOM. */
static const char *
data_text(struct pt_req *req, xmlNodePtr data)
{
	xmlBufferPtr buf;
	const char *xml = NULL;

	if ((buf = xmlBufferCreate()) == NULL)
		return NULL;
	if (xmlNodeDump(buf, data->doc, data, 0, 0) >= 0)
		xml = pt_arena_strndup(req->arena, (const char *)xmlBufferContent(buf),
		    (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	return xml;
}

int
pt_mail_queue_all(struct pt_req *req, const struct pt_mail *m, size_t n)
{
	static const struct pt_mail_thread none = { NULL, NULL, NULL, NULL };
	struct pt_bind *b;
	const char *xml;
	size_t i;
	int rc;

	if (n == 0)
		return PT_OK;
	if ((b = pt_alloc(req, n * OUTBOX_BINDS * sizeof(*b))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < n; i++) {
		const struct pt_mail_thread *th = m[i].th != NULL ? m[i].th : &none;
		struct pt_bind *r = b + i * OUTBOX_BINDS;

		/* data NULL is a failed pt_mail_data(). */
		if (m[i].data == NULL || (xml = data_text(req, m[i].data)) == NULL)
			return PT_ENOMEM;
		r[0] = pt_str(m[i].to_email);
		r[1] = pt_str(m[i].to_name != NULL ? m[i].to_name : "");
		r[2] = pt_str(m[i].lang);
		r[3] = pt_str(m[i].template);
		r[4] = pt_str(xml);
		r[5] = pt_str(th->message_id);
		r[6] = pt_str(th->in_reply_to);
		r[7] = pt_str(th->references);
		r[8] = pt_str(th->reply_to);
	}
	if ((rc = pt_db_exec_rows(req, &pt_mail_sql[SQL_OUTBOX_INSERT], b, OUTBOX_BINDS, n,
	    NULL)) != PT_OK)
		return rc;
	for (i = 0; i < n; i++)
		pt_log(req, PT_LOG_INFO, "mail %s queued for %s", m[i].template, m[i].to_email);
	return PT_OK;
}

int
pt_mail_queue_thread(struct pt_req *req, const char *template, const char *to_email,
    const char *to_name, const char *lang, xmlNodePtr data, const struct pt_mail_thread *th)
{
	struct pt_mail m = { template, to_email, to_name, lang, data, th };

	return pt_mail_queue_all(req, &m, 1);
}

int
pt_mail_queue(struct pt_req *req, const char *template, const char *to_email,
    const char *to_name, const char *lang, xmlNodePtr data)
{
	return pt_mail_queue_thread(req, template, to_email, to_name, lang, data, NULL);
}
