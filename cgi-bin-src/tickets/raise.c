/*
 * Raising a ticket through a service's form (GET and POST
 * /tickets/new/<service>).  Every form has a subject and a description,
 * then the service's own fields (fields.c).  An invalid form comes back
 * 422 with every value kept and a message at each field.  A valid one
 * becomes, in one transaction: the ticket with the next number of the
 * year (ticket_counters, its row locked until the commit, so numbers are
 * gapless and in order), its priority from the matrix, its SLA clocks,
 * the service's group, the answers and files, the first message, the
 * history row, the audit row and the mails to the group's members.  Files
 * are written before the transaction and removed again when it fails.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tickets.h"

enum raise_sql { SQL_SERVICE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: org, lang x2, slug. */
	[SQL_SERVICE] = { "tk_raise_service",
	    "SELECT s.id, s.slug, s.type, s.group_id, s.impact, s.urgency,"
	    " COALESCE(st.name, se.name, s.slug), COALESCE(st.description, se.description, ''),"
	    " COALESCE(ct.name, ce.name, c.slug)"
	    " FROM ticket_services s JOIN ticket_categories c ON c.id = s.category_id"
	    PT_TICKET_AUDIENCE_JOIN
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'"
	    " LEFT JOIN ticket_category_texts ct ON ct.category_id = c.id AND ct.lang = ?"
	    " LEFT JOIN ticket_category_texts ce ON ce.category_id = c.id AND ce.lang = 'en'"
	    " WHERE s.slug = ? AND s.active = 1 AND c.active = 1 AND" PT_TICKET_AUDIENCE_SQL },
};

enum { S_ID, S_SLUG, S_TYPE, S_GROUP, S_IMPACT, S_URGENCY, S_NAME, S_DESC, S_CATEGORY };

struct service {
	struct pt_rows	 rows;
	long long	 id;
};
#define SV(s, col)	pt_cell(&(s)->rows, 0, (col))

/* The service of the route's capture, if the reader's org may use it. */
static int
service_load(struct pt_req *req, struct service *s)
{
	int rc;

	/* The catalogue changes rarely: kept rows (pt_kept_query), outdated by any change to it. */
	if ((rc = pt_kept_query(req, &sql[SQL_SERVICE], &s->rows,
	    PT_BINDS(pt_int(req->session.user->org_id), pt_str(req->lang), pt_str(req->lang),
	    pt_str(req->caps[1])))) != PT_OK)
		return rc;
	if (s->rows.nrows != 1)
		return PT_ENOTFOUND;
	s->id = pt_cell_int(&s->rows, 0, S_ID);
	return PT_OK;
}

xmlNodePtr
tk_form_tree(struct pt_req *req, const char *action, const char *const service[5],
    const struct tk_form *form)
{
	xmlNodePtr p = pt_node(req->page, "ticket-form", NULL), sv, f;
	const char *subject = pt_form(req, "subject"), *body = pt_form(req, "description");

	pt_attr(p, "action", action);
	sv = pt_node(p, "service", NULL);
	pt_attr(sv, "slug", service[0]);
	pt_attr(sv, "type", service[1]);
	pt_node(sv, "name", service[2]);
	pt_node(sv, "description", service[3]);
	pt_node(sv, "category", service[4]);
	tk_fields_node(req, p, form);
	pt_limit(req, "subject", TK_SUBJECT_MAX_CHARS);
	pt_limit(req, "description", TK_BODY_MAX_CHARS);
	pt_attr_int(p, "max-bytes", TK_FILE_MAX_BYTES);

	f = pt_node(req->page, "form", NULL);
	pt_attr(f, "name", "ticket");
	pt_attr(pt_node(f, "field", subject != NULL ? subject : ""), "name", "subject");
	pt_attr(pt_node(f, "field", body != NULL ? body : ""), "name", "description");
	if (req->method == PT_POST)
		tk_fields_echo(f, form);
	return p;
}

/* The form page (view "new"): the service, its fields, and the values to show. */
static int
form_page(struct pt_req *req, const struct service *s, const struct tk_form *form, int status)
{
	const char *service[5] = {
		SV(s, S_SLUG), SV(s, S_TYPE), SV(s, S_NAME), SV(s, S_DESC), SV(s, S_CATEGORY)
	};

	tk_form_tree(req, pt_printf(req, "/tickets/new/%s", SV(s, S_SLUG)), service, form);
	req->view = "new";
	return status;
}

/* GET /tickets/new/<service> */
static int
new_form(struct pt_req *req)
{
	struct service s;
	struct tk_form form;
	int rc;

	if ((rc = service_load(req, &s)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = tk_fields_load(req, s.id, &form)) != PT_OK)
		return rc;
	return form_page(req, &s, &form, 200);
}

/* The subject: one line of at most TK_SUBJECT_MAX_CHARS.  0 fine, 1 a message given. */
static int
read_subject(struct pt_req *req, const char **subject)
{
	long n;

	if ((*subject = pt_form_trim(req, "subject")) == NULL)
		return PT_ENOMEM;
	n = pt_text_chars(*subject, 0);
	if (**subject == '\0')
		pt_message(req, "error", "tickets.subject.required", "subject");
	else if (n > TK_SUBJECT_MAX_CHARS || (n < 0 && (long)pt_chars(*subject) > TK_SUBJECT_MAX_CHARS))
		pt_message_max(req, "tickets.subject.too-long", "subject", TK_SUBJECT_MAX_CHARS);
	else if (n < 0)
		pt_message(req, "error", "tickets.subject.invalid", "subject");
	else
		return 0;
	return 1;
}

/* The ticket and everything it starts with; *id and *number get its own.  Inside a transaction. */
static int
create(struct pt_req *req, const struct service *s, struct tk_form *form,
    const char *subject, const char *body, long long *id, const char **number)
{
	struct pt_ticket_new n = { s->id, SV(s, S_TYPE), SV(s, S_GROUP),
	    pt_cell_int(&s->rows, 0, S_IMPACT), pt_cell_int(&s->rows, 0, S_URGENCY), subject, body,
	    "web", NULL };
	struct pt_ticket_made t;
	const char *answers;
	int rc;

	if ((rc = pt_ticket_create(req, &n, &t)) != PT_OK ||
	    (rc = tk_fields_store(req, t.id, t.message, form)) != PT_OK)
		return rc;
	*id = t.id;
	*number = t.number;
	if ((answers = tk_fields_json(req, form)) == NULL)
		return PT_ENOMEM;
	if ((rc = tk_audit(req, "ticket.create", t.number, NULL,
	    pt_printf(req, "{\"service\":%s,\"subject\":%s,\"priority\":%lld,\"group_id\":%s,"
	    "\"answers\":%s}", pt_json_str(req, SV(s, S_SLUG)), pt_json_str(req, subject), t.priority,
	    SV(s, S_GROUP), answers))) != PT_OK)
		return rc;
	return pt_ticket_mail_new(req, &n, &t);
}

/* POST /tickets/new/<service> (multipart when it has file fields; either is read). */
static int
new_post(struct pt_req *req)
{
	const char *subject, *body, *number = NULL;
	struct service s;
	struct tk_form form;
	long long filing, id = 0;
	int rc, bad;

	if ((rc = service_load(req, &s)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = tk_fields_load(req, s.id, &form)) != PT_OK)
		return rc;
	if ((bad = read_subject(req, &subject)) < 0)
		return bad;
	if ((rc = tk_body_read(req, "description", 1, &body)) < 0)
		return rc;
	bad += rc;
	if ((rc = tk_fields_read(req, &form)) < 0)
		return rc;
	bad += rc;
	if (bad > 0)
		return form_page(req, &s, &form, 422);
	/* The first submit may show articles that answer it instead (deflect.c). */
	if ((rc = tk_deflect_offer(req, s.id, SV(&s, S_SLUG), SV(&s, S_NAME), &form, subject, body,
	    &filing)) != 0)
		return rc;

	if ((rc = tk_fields_save_files(req, &form)) != PT_OK) {
		tk_fields_forget_files(req, &form);
		return rc == PT_ESYS ? PT_EDB : rc;
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		goto gone;
	if ((rc = create(req, &s, &form, subject, body, &id, &number)) != PT_OK ||
	    (rc = tk_deflect_raised(req, filing, s.id, id)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, pt_printf(req, "/tickets/%s?created=1", number));
fail:
	pt_db_rollback(req);
gone:
	tk_fields_forget_files(req, &form);
	return rc;
}

#define SERVICE "/tickets/new/([a-z0-9]+(?:-[a-z0-9]+)*)"

static const struct pt_route routes[] = {
	{ PT_GET,  SERVICE, new_form, PT_R_LOGIN, "tickets.create" },
	{ PT_POST, SERVICE, new_post, PT_R_LOGIN, "tickets.create" },
};

static const char *const views[] = { "new" };

const struct pt_group tk_raise_group = PT_GROUP(routes, sql, views);
