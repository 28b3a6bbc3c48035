/*
 * The ticket page (GET /tickets/<number>): subject, status, priority, the
 * service and the form's answers, the people in CC and the conversation
 * with its files.  Customers never get internal notes or their files: not
 * on the page and not in ?format=xml, since they are not read for them.
 * Agents get their part as well (agent.c).  Signed-in and per person, so
 * never kept in the page cache.
 */
#include <string.h>

#include "tickets.h"

enum view_sql { SQL_ANSWERS, SQL_MESSAGES, SQL_FILES, SQL_CC, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: lang x2, ticket.  A choice shows its label. */
	[SQL_ANSWERS] = { "tk_view_answers",
	    "SELECT f.name, f.kind, COALESCE(ft.label, fe.label, f.name), a.value,"
	    " COALESCE(ot.label, oe.label), a.attachment_id"
	    " FROM ticket_answers a JOIN ticket_fields f ON f.id = a.field_id"
	    " LEFT JOIN ticket_field_texts ft ON ft.field_id = f.id AND ft.lang = ?"
	    " LEFT JOIN ticket_field_texts fe ON fe.field_id = f.id AND fe.lang = 'en'"
	    " LEFT JOIN ticket_field_options o ON o.field_id = f.id AND o.value = a.value"
	    "   AND f.kind IN ('select', 'multiselect')"
	    " LEFT JOIN ticket_field_option_texts ot ON ot.option_id = o.id AND ot.lang = ?"
	    " LEFT JOIN ticket_field_option_texts oe ON oe.option_id = o.id AND oe.lang = 'en'"
	    " WHERE a.ticket_id = ? ORDER BY f.position, f.id, a.position" },
	/* Binds: ticket, agent.  Internal notes only for agents. */
	[SQL_MESSAGES] = { "tk_view_messages",
	    "SELECT m.id, m.kind, m.via, m.author_id, u.name, o.kind = 'provider', m.body,"
	    " " TK_ISO("m.created_at")
	    " FROM ticket_messages m LEFT JOIN users u ON u.id = m.author_id"
	    " LEFT JOIN orgs o ON o.id = u.org_id"
	    " WHERE m.ticket_id = ? AND (m.kind <> 'internal' OR ?) ORDER BY m.id LIMIT 1000" },
	/* Binds: ticket, agent.  The files of notes only for agents. */
	[SQL_FILES] = { "tk_view_files",
	    "SELECT f.id, f.message_id, f.field_id, f.filename, f.content_type, f.size_bytes"
	    " FROM ticket_attachments f LEFT JOIN ticket_messages m ON m.id = f.message_id"
	    " WHERE f.ticket_id = ? AND (m.kind IS NULL OR m.kind <> 'internal' OR ?)"
	    " ORDER BY f.id LIMIT 1000" },
	[SQL_CC] = { "tk_view_cc",
	    "SELECT u.id, u.name, u.email FROM ticket_cc c JOIN users u ON u.id = c.user_id"
	    " WHERE c.ticket_id = ? ORDER BY u.name, u.id" },
};

enum { A_NAME, A_KIND, A_LABEL, A_VALUE, A_OPTION, A_ATTACHMENT };
enum { M_ID, M_KIND, M_VIA, M_AUTHOR_ID, M_AUTHOR, M_STAFF, M_BODY, M_CREATED };
enum { F_ID, F_MESSAGE, F_FIELD, F_NAME, F_TYPE, F_SIZE };

/* 1 if the reader may add and remove people in CC. */
int
tk_may_edit_cc(const struct pt_req *req, const struct tk_ticket *t)
{
	return t->agent || t->requester_id == req->session.user->id ||
	    (pt_can(req, "tickets.read.org") && t->org_id == req->session.user->org_id);
}

static xmlNodePtr
file_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *files, size_t i)
{
	xmlNodePtr f = pt_node(parent, "file", pt_cell(files, i, F_NAME));

	pt_attr(f, "id", pt_cell(files, i, F_ID));
	pt_attr(f, "href", pt_printf(req, "/tickets/files/%s/%s", pt_cell(files, i, F_ID),
	    pt_cell(files, i, F_NAME)));
	pt_attr(f, "type", pt_cell(files, i, F_TYPE));
	pt_attr(f, "size", pt_cell(files, i, F_SIZE));
	return f;
}

static int
answers_node(struct pt_req *req, xmlNodePtr parent, const struct tk_ticket *t,
    const struct pt_rows *files)
{
	xmlNodePtr as = pt_node(parent, "answers", NULL), a = NULL;
	const char *prev = NULL;
	struct pt_rows rows;
	size_t i, j;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ANSWERS], &rows, PT_BINDS(pt_str(req->lang),
	    pt_str(req->lang), pt_int(t->id)))) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++) {
		const char *att = pt_cell(&rows, i, A_ATTACHMENT);
		xmlNodePtr v;

		if (prev == NULL || strcmp(prev, pt_cell(&rows, i, A_NAME)) != 0) {
			prev = pt_cell(&rows, i, A_NAME);
			a = pt_node(as, "answer", NULL);
			pt_attr(a, "field", prev);
			pt_attr(a, "kind", pt_cell(&rows, i, A_KIND));
			pt_node(a, "label", pt_cell(&rows, i, A_LABEL));
		}
		if (att != NULL) {
			for (j = 0; j < files->nrows; j++)
				if (strcmp(pt_cell(files, j, F_ID), att) == 0)
					file_node(req, a, files, j);
			continue;
		}
		v = pt_node(a, "value", pt_cell(&rows, i, A_OPTION) != NULL ?
		    pt_cell(&rows, i, A_OPTION) : pt_cell(&rows, i, A_VALUE));
		pt_attr(v, "raw", pt_cell(&rows, i, A_VALUE));
	}
	return PT_OK;
}

static void
messages_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows,
    const struct pt_rows *files)
{
	xmlNodePtr ms = pt_node(parent, "messages", NULL);
	size_t i, j;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr m = pt_node(ms, "message", NULL);

		pt_attr(m, "id", pt_cell(rows, i, M_ID));
		pt_attr(m, "kind", pt_cell(rows, i, M_KIND));
		pt_attr(m, "via", pt_cell(rows, i, M_VIA));
		pt_attr(m, "created", pt_cell(rows, i, M_CREATED));
		if (pt_cell(rows, i, M_AUTHOR_ID) != NULL) {
			xmlNodePtr a = pt_node(m, "author", pt_cell(rows, i, M_AUTHOR));

			pt_attr(a, "id", pt_cell(rows, i, M_AUTHOR_ID));
			if (pt_cell(rows, i, M_STAFF) != NULL && strcmp(pt_cell(rows, i, M_STAFF), "1") == 0)
				pt_attr(a, "staff", "1");
		}
		pt_node(m, "body", pt_cell(rows, i, M_BODY));
		for (j = 0; j < files->nrows; j++)
			if (pt_cell(files, j, F_MESSAGE) != NULL && pt_cell(files, j, F_FIELD) == NULL &&
			    strcmp(pt_cell(files, j, F_MESSAGE), pt_cell(rows, i, M_ID)) == 0)
				file_node(req, m, files, j);
	}
	(void)req;
}

static void
ticket_attrs(struct pt_req *req, xmlNodePtr n, const struct tk_ticket *t)
{
	static const struct { const char *name; enum tk_ticket_col col; } attrs[] = {
		{ "number", TK_T_NUMBER }, { "status", TK_T_STATUS },
		{ "pending-reason", TK_T_PENDING }, { "type", TK_T_TYPE },
		{ "impact", TK_T_IMPACT }, { "urgency", TK_T_URGENCY },
		{ "priority", TK_T_PRIORITY }, { "created", TK_T_CREATED },
		{ "updated", TK_T_UPDATED }, { "resolved", TK_T_RESOLVED },
		{ "closed", TK_T_CLOSED },
	};
	size_t i;

	for (i = 0; i < PT_NELEM(attrs); i++)
		if (TK_CELL(t, attrs[i].col) != NULL)
			pt_attr(n, attrs[i].name, TK_CELL(t, attrs[i].col));
	pt_attr(n, "href", tk_ticket_path(req, t->number, NULL));
}

int
tk_page(struct pt_req *req, int status)
{
	struct pt_rows msgs, files, cc;
	struct tk_ticket t;
	xmlNodePtr n, c, actions;
	size_t i;
	int rc;

	if ((rc = tk_ticket_page(req, &t)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = pt_db_query(req, &sql[SQL_FILES], &files, PT_BINDS(pt_int(t.id),
	    pt_int(t.agent)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_MESSAGES], &msgs, PT_BINDS(pt_int(t.id),
	    pt_int(t.agent)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_CC], &cc, PT_BINDS(pt_int(t.id)))) != PT_OK)
		return rc;

	n = pt_node(req->page, "ticket", NULL);
	ticket_attrs(req, n, &t);
	pt_node(n, "subject", TK_CELL(&t, TK_T_SUBJECT));
	pt_attr(pt_node(n, "org", TK_CELL(&t, TK_T_ORG_NAME)), "tier", TK_CELL(&t, TK_T_ORG_TIER));
	c = pt_node(n, "requester", TK_CELL(&t, TK_T_REQUESTER_NAME));
	pt_attr(c, "id", TK_CELL(&t, TK_T_REQUESTER));
	pt_attr(c, "email", TK_CELL(&t, TK_T_REQUESTER_EMAIL));
	pt_attr(pt_node(n, "service", TK_CELL(&t, TK_T_SERVICE_NAME)), "slug",
	    TK_CELL(&t, TK_T_SERVICE_SLUG));
	if (TK_CELL(&t, TK_T_GROUP) != NULL)
		pt_attr(pt_node(n, "group", TK_CELL(&t, TK_T_GROUP_NAME)), "id", TK_CELL(&t, TK_T_GROUP));
	if (TK_CELL(&t, TK_T_ASSIGNEE) != NULL)
		pt_attr(pt_node(n, "assignee", TK_CELL(&t, TK_T_ASSIGNEE_NAME)), "id",
		    TK_CELL(&t, TK_T_ASSIGNEE));
	/* A customer sees a parent of their own organisation only. */
	if (TK_CELL(&t, TK_T_PARENT_NUMBER) != NULL &&
	    (t.agent || pt_cell_int(&t.rows, 0, TK_T_PARENT_ORG) == t.org_id))
		pt_attr(pt_node(n, "parent", NULL), "number", TK_CELL(&t, TK_T_PARENT_NUMBER));
	if (TK_CELL(&t, TK_T_MERGED_NUMBER) != NULL)
		pt_attr(pt_node(n, "merged-into", NULL), "number", TK_CELL(&t, TK_T_MERGED_NUMBER));
	if ((rc = answers_node(req, n, &t, &files)) != PT_OK)
		return rc;

	c = pt_node(n, "cc", NULL);
	for (i = 0; i < cc.nrows; i++) {
		xmlNodePtr p = pt_node(c, "person", pt_cell(&cc, i, 1));

		pt_attr(p, "id", pt_cell(&cc, i, 0));
		pt_attr(p, "email", pt_cell(&cc, i, 2));
		if (pt_cell_int(&cc, i, 0) == req->session.user->id)
			pt_attr(p, "me", "1");
	}
	messages_node(req, n, &msgs, &files);

	actions = pt_node(n, "actions", NULL);
	pt_attr_int(actions, "reopen-days", pt_ticket_reopen_days());
	if (t.agent || tk_customer_may_reply(&t))
		pt_attr(actions, "reply", "1");
	if (!t.agent && pt_one_of(t.status, tk_statuses, 3))
		pt_attr(actions, "resolve", "1");
	if (tk_may_edit_cc(req, &t))
		pt_attr(actions, "cc", "1");
	pt_limit(req, "body", TK_BODY_MAX_CHARS);
	pt_attr_int(actions, "max-bytes", TK_FILE_MAX_BYTES);
	if ((t.agent && (rc = tk_agent_node(req, n, &t)) != PT_OK) ||
	    (rc = tk_sla_node(req, n, &t)) != PT_OK)
		return rc;
	if ((rc = tk_survey_node(req, n, &t)) != PT_OK)
		return rc;

	if (pt_query(req, "created") != NULL)
		pt_message(req, "success", "tickets.created", NULL);
	else if (pt_query(req, "done") != NULL && req->method == PT_GET) {
		const char *d = pt_query(req, "done");
		static const char *const done[] = { "reply", "note", "status", "assign", "resolve",
		    "cc-add", "cc-remove", "reopened", "parent", "related" };

		if (pt_one_of(d, done, PT_NELEM(done)))
			pt_message(req, "success", pt_printf(req, "tickets.done.%s", d), NULL);
	}
	req->view = "ticket";
	return status;
}

int
tk_refuse(struct pt_req *req, const char *key, const char *field, const char *form,
    const char *const *fields, size_t nfields)
{
	pt_db_rollback(req);
	if (key != NULL)
		pt_message(req, "error", key, field);
	pt_form_echo(req, form, fields, nfields);
	return tk_page(req, 422);
}

/* GET /tickets/<number> */
static int
show(struct pt_req *req)
{
	return tk_page(req, 200);
}

static const struct pt_route routes[] = {
	{ PT_GET, TK_ROUTE, show, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_view_group = PT_GROUP(routes, sql, views);
