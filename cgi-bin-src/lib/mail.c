/*
 * The outbox: a mail is a row, written in the transaction of the change it
 * reports, so a rolled-back change sends nothing and a committed one is
 * never lost.  portico-mailer renders and sends it.
 */
#include <libxml/xmlsave.h>
#include <string.h>

#include "extern.h"

enum mail_sql { SQL_OUTBOX_INSERT, SQL_OUTBOX_INSERT_THREAD, SQL__MAX };

const struct pt_sql pt_mail_sql[SQL__MAX] = {
	[SQL_OUTBOX_INSERT] = { "outbox_insert",
	    "INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status,"
	    " attempts, next_attempt_at) VALUES (UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, 'queued', 0,"
	    " UTC_TIMESTAMP(6))" },
	[SQL_OUTBOX_INSERT_THREAD] = { "outbox_insert_thread",
	    "INSERT INTO outbox (created_at, to_email, to_name, lang, template, data_xml, status,"
	    " attempts, next_attempt_at, message_id, in_reply_to, references_ids, reply_to)"
	    " VALUES (UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, 'queued', 0, UTC_TIMESTAMP(6), ?, ?, ?, ?)" },
};
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

const char *
pt_base_url(void)
{
	return pt_site.base_url;
}

int
pt_mail_queue_thread(struct pt_req *req, const char *template, const char *to_email,
    const char *to_name, const char *lang, xmlNodePtr data, const struct pt_mail_thread *th)
{
	xmlBufferPtr buf;
	const char *xml;
	int rc;

	if (data == NULL)
		return PT_ENOMEM;	/* pt_mail_data() failed */
	if ((buf = xmlBufferCreate()) == NULL)
		return PT_ENOMEM;
	if (xmlNodeDump(buf, data->doc, data, 0, 0) < 0 ||
	    (xml = pt_arena_strndup(req->arena, (const char *)xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf))) == NULL) {
		xmlBufferFree(buf);
		return PT_ENOMEM;
	}
	xmlBufferFree(buf);
	if (th == NULL)
		rc = pt_db_exec(req, &pt_mail_sql[SQL_OUTBOX_INSERT],
		    PT_BINDS(pt_str(to_email), pt_str(to_name != NULL ? to_name : ""), pt_str(lang),
		    pt_str(template), pt_str(xml)), NULL);
	else
		rc = pt_db_exec(req, &pt_mail_sql[SQL_OUTBOX_INSERT_THREAD],
		    PT_BINDS(pt_str(to_email), pt_str(to_name != NULL ? to_name : ""), pt_str(lang),
		    pt_str(template), pt_str(xml), pt_str(th->message_id), pt_str(th->in_reply_to),
		    pt_str(th->references), pt_str(th->reply_to)), NULL);
	if (rc == PT_OK)
		pt_log(req, PT_LOG_INFO, "mail %s queued for %s", template, to_email);
	return rc;
}

int
pt_mail_queue(struct pt_req *req, const char *template, const char *to_email,
    const char *to_name, const char *lang, xmlNodePtr data)
{
	return pt_mail_queue_thread(req, template, to_email, to_name, lang, data, NULL);
}
