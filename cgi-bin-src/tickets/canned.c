/*
 * Canned responses: texts agents put into a reply.  A response has a name
 * and a variant per language; its body may hold placeholders, filled for
 * the ticket when it is put into a reply:
 *
 *   {requester.name} {ticket.number} {ticket.subject} {agent.name} {org.name}
 *
 * On the ticket page the reply form offers one variant per name, in the
 * requester's language where there is one (desk-ticket.c calls
 * tk_canned_node).  With script, choosing one puts its filled text into
 * the reply (htdocs/js/tickets-desk.js reads it from the option); without,
 * "Insert" posts the form to POST /tickets/<number>/canned, which shows
 * the page again with the text added to what was typed.
 *
 * Agents (tickets.work) and service administrators (tickets.admin) keep
 * the list: /tickets/canned, new, edit, delete; every change with its
 * audit row.  Customers never see any of it.
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

enum canned_sql {
	SQL_ONE, SQL_LIST, SQL_COUNT, SQL_INSERT, SQL_UPDATE, SQL_DELETE, SQL_LOCK,
	SQL__MAX
};

#define LIST_WHERE " WHERE (? = '' OR c.name LIKE ?) AND (? = '' OR c.lang = ?)"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_ONE] = { "tk_canned_one",
	    "SELECT c.id, c.name, c.lang, c.body, " TK_ISO("c.updated_at") ", u.name"
	    " FROM ticket_canned c LEFT JOIN users u ON u.id = c.updated_by WHERE c.id = ?" },
	/* Binds: q, pattern, lang x2, limit, offset. */
	[SQL_LIST] = { "tk_canned_list",
	    "SELECT c.id, c.name, c.lang, " TK_ISO("c.updated_at") ", u.name, LEFT(c.body, 160)"
	    " FROM ticket_canned c LEFT JOIN users u ON u.id = c.updated_by" LIST_WHERE
	    " ORDER BY c.name, c.lang LIMIT ? OFFSET ?" },
	[SQL_COUNT] = { "tk_canned_count",
	    "SELECT COUNT(*) FROM ticket_canned c" LIST_WHERE },
	[SQL_INSERT] = { "tk_canned_insert",
	    "INSERT INTO ticket_canned (name, lang, body, created_by, updated_by, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))" },
	[SQL_UPDATE] = { "tk_canned_update",
	    "UPDATE ticket_canned SET name = ?, lang = ?, body = ?, updated_by = ?,"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_DELETE] = { "tk_canned_delete",
	    "DELETE FROM ticket_canned WHERE id = ?" },
	[SQL_LOCK] = { "tk_canned_lock",
	    "SELECT id, name, lang, body FROM ticket_canned WHERE id = ? FOR UPDATE" },
};

#define NAME_MAX_CHARS	100
#define PAGE_SIZE	50

static const char *const placeholders[] = {
	"requester.name", "ticket.number", "ticket.subject", "agent.name", "org.name",
};

/* What each placeholder stands for on ticket t (loaded for the page). */
static const char *
placeholder_value(const struct pt_req *req, const struct tk_ticket *t, size_t i)
{
	switch (i) {
	case 0: return TK_CELL(t, TK_T_REQUESTER_NAME);
	case 1: return t->number;
	case 2: return TK_CELL(t, TK_T_SUBJECT);
	case 3: return req->session.user->name;
	default: return TK_CELL(t, TK_T_ORG_NAME);
	}
}

/* The placeholder "{name}" at s, or -1. */
static int
placeholder_at(const char *s, size_t *len)
{
	size_t i, n;

	for (i = 0; i < PT_NELEM(placeholders); i++) {
		n = strlen(placeholders[i]);
		if (s[0] == '{' && strncmp(s + 1, placeholders[i], n) == 0 && s[n + 1] == '}') {
			*len = n + 2;
			return (int)i;
		}
	}
	return -1;
}

const char *
tk_canned_fill(struct pt_req *req, const char *body, const struct tk_ticket *t)
{
	size_t cap = strlen(body) + 1, used = 0, len;
	const char *s, *v;
	char *out, *bigger;
	int i;

	if ((out = pt_alloc(req, cap)) == NULL)
		return NULL;
	for (s = body; *s != '\0';) {
		if ((i = placeholder_at(s, &len)) < 0) {
			v = s;
			len = 1;
			s++;
		} else {
			v = placeholder_value(req, t, (size_t)i);
			v = v != NULL ? v : "";
			s += len;
			len = strlen(v);
		}
		if (used + len + 1 > cap) {
			cap = 2 * (used + len + 1);
			if ((bigger = pt_alloc(req, cap)) == NULL)
				return NULL;
			memcpy(bigger, out, used);
			out = bigger;
		}
		memcpy(out + used, v, len);
		used += len;
	}
	out[used] = '\0';
	return out;
}

int
tk_canned_node(struct pt_req *req, xmlNodePtr parent, const struct tk_ticket *t,
    const char *lang, const struct pt_rows *choices)
{
	xmlNodePtr c = pt_node(parent, "canned", NULL);
	size_t i;

	pt_attr(c, "lang", lang);
	for (i = 0; i < choices->nrows; i++) {
		const char *body;
		xmlNodePtr r;

		if (TK_TAG(choices, i) != 'k')
			continue;
		if ((body = tk_canned_fill(req, pt_cell(choices, i, 4), t)) == NULL)
			return PT_ENOMEM;
		r = pt_node(c, "response", body);
		pt_attr(r, "id", pt_cell(choices, i, 1));
		pt_attr(r, "name", pt_cell(choices, i, 2));
		pt_attr(r, "lang", pt_cell(choices, i, 3));
	}
	return PT_OK;
}

/* ---- putting one into the reply without script ---------------------------------- */

static const char *const reply_fields[] = { "body", "after", "canned" };

/* POST /tickets/<number>/canned: canned (an id), body and after as typed so far. */
static int
insert(struct pt_req *req)
{
	const char *values[PT_NELEM(reply_fields)], *typed, *filled;
	long long id = tk_id_of(pt_form(req, "canned"));
	struct pt_rows rows = { 0 };
	struct tk_ticket t;
	int rc;

	if ((rc = tk_ticket_page(req, &t)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (id > 0 && (rc = pt_db_query(req, &sql[SQL_ONE], &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if (rows.nrows != 1) {
		pt_message(req, "error", "tickets.canned.choose", "canned");
		pt_form_echo(req, "reply", reply_fields, PT_NELEM(reply_fields));
		return tk_page(req, 422);
	}
	if ((typed = pt_lf_lines(req, pt_form(req, "body") != NULL ? pt_form(req, "body") : "")) == NULL ||
	    (filled = tk_canned_fill(req, pt_cell(&rows, 0, 3), &t)) == NULL)
		return PT_ENOMEM;
	values[0] = strspn(typed, " \t\n") == strlen(typed) ? filled :
	    pt_printf(req, "%s%s%s", typed, typed[strlen(typed) - 1] == '\n' ? "\n" : "\n\n", filled);
	values[1] = pt_form(req, "after");
	values[2] = pt_cell(&rows, 0, 0);
	if (values[0] == NULL)
		return PT_ENOMEM;
	pt_form_values(req, "reply", reply_fields, values, PT_NELEM(reply_fields));
	pt_message(req, "info", "tickets.canned.inserted", "body");
	return tk_page(req, 200);
}

/* ---- the list and its forms -------------------------------------------------------- */

static int
may_manage(const struct pt_req *req)
{
	return pt_can(req, TK_WORK) || pt_can(req, "tickets.admin");
}

/* GET /tickets/canned?q=&lang=&page= */
static int
list(struct pt_req *req)
{
	const char *q, *lang = pt_query(req, "lang"), *like;
	struct pt_rows rows, count;
	long long page = pt_query_page(req);
	xmlNodePtr l;
	size_t i;
	int rc;

	if (!may_manage(req))
		return pt_error_page(req, 403, NULL);
	if ((q = pt_query_trim(req, "q")) == NULL)
		return PT_ENOMEM;
	if (pt_text_chars(q, 0) < 0 || pt_chars(q) > PT_FILTER_MAX_CHARS)
		q = "";
	if (lang == NULL || pt_language(lang) == NULL)
		lang = "";
	if ((like = pt_sql_like(req, q)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_COUNT], &count, PT_BINDS(pt_str(q), pt_str(like),
	    pt_str(lang), pt_str(lang)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_str(q), pt_str(like),
	    pt_str(lang), pt_str(lang), pt_int(PAGE_SIZE), pt_int((page - 1) * PAGE_SIZE)))) != PT_OK)
		return rc;
	l = pt_node(req->page, "canned-list", NULL);
	pt_attr(l, "q", q);
	pt_attr(l, "lang", lang);
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr r = pt_node(l, "response", NULL);

		pt_attr(r, "id", pt_cell(&rows, i, 0));
		pt_attr(r, "lang", pt_cell(&rows, i, 2));
		pt_attr(r, "updated", pt_cell(&rows, i, 3));
		pt_attr(r, "href", pt_printf(req, "/tickets/canned/%s", pt_cell(&rows, i, 0)));
		pt_node(r, "name", pt_cell(&rows, i, 1));
		if (pt_cell(&rows, i, 4) != NULL)
			pt_node(r, "by", pt_cell(&rows, i, 4));
		pt_node(r, "start", pt_cell(&rows, i, 5));
	}
	pt_pager(l, page, pt_cell_int(&count, 0, 0), PAGE_SIZE);
	if (pt_query(req, "done") != NULL && pt_one_of(pt_query(req, "done"),
	    (const char *const[]){ "created", "saved", "deleted" }, 3))
		pt_message(req, "success", pt_printf(req, "tickets.canned.done.%s",
		    pt_query(req, "done")), NULL);
	req->view = "canned-list";
	return 200;
}

static const char *const form_fields[] = { "name", "lang", "body" };

/*
 * The form page (view canned-form) for response id (0: a new one) with
 * status; rows (NULL: none) is the response as stored (SQL_ONE).
 */
static int
form_page(struct pt_req *req, long long id, int status, const struct pt_rows *rows)
{
	xmlNodePtr f = pt_node(req->page, "canned-form", NULL), p;
	size_t i;

	if (rows != NULL && rows->nrows == 1) {
		pt_attr(f, "updated", pt_cell(rows, 0, 4));
		if (pt_cell(rows, 0, 5) != NULL)
			pt_attr(f, "by", pt_cell(rows, 0, 5));
	}
	if (id > 0) {
		pt_attr_int(f, "id", id);
		pt_attr(f, "action", pt_printf(req, "/tickets/canned/%lld", id));
	} else
		pt_attr(f, "action", "/tickets/canned/new");
	p = pt_node(f, "placeholders", NULL);
	for (i = 0; i < PT_NELEM(placeholders); i++)
		pt_node(p, "placeholder", pt_printf(req, "{%s}", placeholders[i]));
	pt_limit(req, "name", NAME_MAX_CHARS);
	pt_limit(req, "body", TK_BODY_MAX_CHARS);
	req->view = "canned-form";
	return status;
}

/*
 * Read and check the form into v (name, lang, body): the number of
 * fields in error (each with its message), or an error.
 */
static int
read_form(struct pt_req *req, const char *v[3])
{
	const char *p;
	size_t len;
	int bad = 0, rc;

	if ((v[0] = pt_form_trim(req, "name")) == NULL || (v[1] = pt_form_trim(req, "lang")) == NULL)
		return PT_ENOMEM;
	bad += tk_desk_text(req, v[0], "name", 0, NAME_MAX_CHARS, 1, "tickets.canned.name");
	if (pt_language(v[1]) == NULL) {
		pt_message(req, "error", "tickets.canned.lang.invalid", "lang");
		bad++;
	}
	if ((rc = tk_body_read(req, "body", 1, &v[2])) < 0)
		return rc;
	bad += rc;
	/* Every "{" that starts a placeholder must name one we fill. */
	for (p = rc == 0 ? strchr(v[2], '{') : NULL; p != NULL; p = strchr(p + 1, '{')) {
		size_t k = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz._");

		if (k > 0 && p[k + 1] == '}' && placeholder_at(p, &len) < 0) {
			pt_message(req, "error", "tickets.canned.placeholder", "body");
			bad++;
			break;
		}
	}
	return bad;
}

static const char *
canned_json(struct pt_req *req, const char *const v[3])
{
	return pt_printf(req, "{\"name\":%s,\"lang\":%s,\"body\":%s}", pt_json_str(req, v[0]),
	    pt_json_str(req, v[1]), pt_json_str(req, v[2]));
}

/* GET /tickets/canned/new */
static int
new_form(struct pt_req *req)
{
	const char *values[3] = { "", req->lang, "" };

	if (!may_manage(req))
		return pt_error_page(req, 403, NULL);
	pt_form_values(req, "canned", form_fields, values, 3);
	return form_page(req, 0, 200, NULL);
}

/* The answer to a name and language another response has: 422 at the name. */
static int
taken(struct pt_req *req, long long id)
{
	pt_db_rollback(req);
	pt_message(req, "error", "tickets.canned.name.taken", "name");
	pt_form_echo(req, "canned", form_fields, 3);
	return form_page(req, id, 422, NULL);
}

/* POST /tickets/canned/new */
static int
create(struct pt_req *req)
{
	const char *v[3];
	long long uid = req->session.user->id, id;
	int rc;

	if (!may_manage(req))
		return pt_error_page(req, 403, NULL);
	if ((rc = read_form(req, v)) < 0)
		return rc;
	if (rc > 0) {
		pt_form_echo(req, "canned", form_fields, 3);
		return form_page(req, 0, 422, NULL);
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(v[0]), pt_str(v[1]),
	    pt_str(v[2]), pt_int(uid), pt_int(uid)), NULL)) == PT_EDUP)
		return taken(req, 0);
	if (rc != PT_OK)
		goto fail;
	id = (long long)pt_db_insert_id();
	if ((rc = pt_audit(req, "ticket.canned.create", "ticket_canned", pt_printf(req, "%lld", id),
	    NULL, canned_json(req, v))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/tickets/canned?done=created");
fail:
	pt_db_rollback(req);
	return rc;
}

/* The id of the route's capture, or 0. */
static long long
cap_id(const struct pt_req *req)
{
	return req->ncaps > 1 ? tk_id_of(req->caps[1]) : 0;
}

/* GET /tickets/canned/<id> */
static int
edit_form(struct pt_req *req)
{
	long long id = cap_id(req);
	struct pt_rows rows = { 0 };
	const char *values[3];
	int rc;

	if (!may_manage(req))
		return pt_error_page(req, 403, NULL);
	if (id > 0 && (rc = pt_db_query(req, &sql[SQL_ONE], &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return pt_error_page(req, 404, NULL);
	values[0] = pt_cell(&rows, 0, 1);
	values[1] = pt_cell(&rows, 0, 2);
	values[2] = pt_cell(&rows, 0, 3);
	pt_form_values(req, "canned", form_fields, values, 3);
	return form_page(req, id, 200, &rows);
}

/*
 * Begin and lock response id into before (name, lang, body, in the
 * arena): 0 when it is locked, else what the handler answers (404, or an
 * error), the transaction rolled back.
 */
static int
begin_locked(struct pt_req *req, long long id, const char *before[3])
{
	struct pt_rows old;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &old, PT_BINDS(pt_int(id)))) != PT_OK ||
	    old.nrows != 1) {
		pt_db_rollback(req);
		return rc != PT_OK ? rc : pt_error_page(req, 404, NULL);
	}
	before[0] = pt_cell(&old, 0, 1);
	before[1] = pt_cell(&old, 0, 2);
	before[2] = pt_cell(&old, 0, 3);
	return 0;
}

/* POST /tickets/canned/<id> */
static int
save(struct pt_req *req)
{
	long long id = cap_id(req);
	const char *v[3], *before[3];
	int rc, bad;

	if (!may_manage(req))
		return pt_error_page(req, 403, NULL);
	if ((bad = read_form(req, v)) < 0)
		return bad;
	if ((rc = begin_locked(req, id, before)) != 0)
		return rc;
	if (bad > 0) {
		pt_db_rollback(req);
		pt_form_echo(req, "canned", form_fields, 3);
		return form_page(req, id, 422, NULL);
	}
	if ((rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[0]), pt_str(v[1]),
	    pt_str(v[2]), pt_int(req->session.user->id), pt_int(id)), NULL)) == PT_EDUP)
		return taken(req, id);
	if (rc != PT_OK ||
	    (rc = pt_audit(req, "ticket.canned.update", "ticket_canned", pt_printf(req, "%lld", id),
	    canned_json(req, before), canned_json(req, v))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/tickets/canned?done=saved");
fail:
	pt_db_rollback(req);
	return rc;
}

/* POST /tickets/canned/<id>/delete */
static int
delete(struct pt_req *req)
{
	long long id = cap_id(req);
	const char *before[3];
	int rc;

	if (!may_manage(req))
		return pt_error_page(req, 403, NULL);
	if ((rc = begin_locked(req, id, before)) != 0)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_DELETE], PT_BINDS(pt_int(id)), NULL)) != PT_OK ||
	    (rc = pt_audit(req, "ticket.canned.delete", "ticket_canned", pt_printf(req, "%lld", id),
	    canned_json(req, before), NULL)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/tickets/canned?done=deleted");
fail:
	pt_db_rollback(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_GET,  "/tickets/canned",			list,		PT_R_LOGIN, NULL },
	{ PT_GET,  "/tickets/canned/new",		new_form,	PT_R_LOGIN, NULL },
	{ PT_POST, "/tickets/canned/new",		create,		PT_R_LOGIN, NULL },
	{ PT_GET,  "/tickets/canned/(\\d{1,10})",	edit_form,	PT_R_LOGIN, NULL },
	{ PT_POST, "/tickets/canned/(\\d{1,10})",	save,		PT_R_LOGIN, NULL },
	{ PT_POST, "/tickets/canned/(\\d{1,10})/delete", delete,	PT_R_LOGIN, NULL },
	{ PT_POST, TK_ROUTE "/canned",			insert,		PT_R_LOGIN, TK_WORK },
};

static const char *const views[] = { "canned-list", "canned-form", "ticket" };

const struct pt_group tk_canned_group = PT_GROUP(routes, sql, views);
