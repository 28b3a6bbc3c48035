/*
 * A person's own data: the download of everything the portal keeps about
 * them (XML or JSON, the same content), and the request to delete the
 * account, which an administrator completes by anonymising the person.
 *
 * The export is a list of sections, each one statement bound to the
 * signed-in user; both formats are written from the same rows, so they
 * cannot drift apart.  The file is the handler's own body: the runtime
 * sends a body a handler set without rendering the page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

enum privacy_sql {
	SQL_USER,
	SQL_ORG,
	SQL_ROLES,
	SQL_SESSIONS,
	SQL_AUDIT,
	SQL_LOGIN_ATTEMPTS,
	SQL_RESET_REQUESTS,
	SQL_DELETION_STATE,
	SQL_DELETION_REQUEST,
	SQL__MAX
};

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/*
 * Every export statement takes the user id (twice for the audit log, once
 * with the address for the address-keyed tables, see bind_export()).
 */
static const struct pt_sql sql[SQL__MAX] = {
	[SQL_USER] = { "export_user",
	    "SELECT id, email, name, phone, language, time_zone, status, notify_tickets,"
	    " notify_orders, notify_news, " ISO("created_at") ", " ISO("last_login_at") ","
	    " " ISO("previous_login_at") ", " ISO("deletion_requested_at")
	    " FROM users WHERE id = ?" },
	[SQL_ORG] = { "export_org",
	    "SELECT o.id, o.name, o.kind FROM orgs o JOIN users u ON u.org_id = o.id"
	    " WHERE u.id = ?" },
	[SQL_ROLES] = { "export_roles",
	    "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id"
	    " WHERE ur.user_id = ? ORDER BY r.priority DESC, r.name" },
	[SQL_SESSIONS] = { "export_sessions",
	    "SELECT id, " ISO("created_at") ", " ISO("last_seen_at") ", " ISO("expires_at") ","
	    " ip, user_agent FROM sessions WHERE user_id = ? ORDER BY created_at, id" },
	[SQL_AUDIT] = { "export_audit",
	    "SELECT " ISO("at") ", user_id, action, object_type, object_id, before_json,"
	    " after_json, ip FROM audit_log"
	    " WHERE user_id = ? OR (object_type = 'user' AND object_id = ?)"
	    " ORDER BY at, id LIMIT 10000" },
	[SQL_LOGIN_ATTEMPTS] = { "export_login_attempts",
	    "SELECT " ISO("attempted_at") ", ip, success FROM login_attempts"
	    " WHERE email = (SELECT email FROM users WHERE id = ?) ORDER BY attempted_at, id"
	    " LIMIT 10000" },
	[SQL_RESET_REQUESTS] = { "export_reset_requests",
	    "SELECT " ISO("requested_at") ", ip FROM password_reset_requests"
	    " WHERE email = (SELECT email FROM users WHERE id = ?) ORDER BY requested_at, id"
	    " LIMIT 10000" },
	[SQL_DELETION_STATE] = { "deletion_state",
	    "SELECT " ISO("deletion_requested_at") " FROM users WHERE id = ?" },
	[SQL_DELETION_REQUEST] = { "deletion_request",
	    "UPDATE users SET deletion_requested_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ? AND deletion_requested_at IS NULL" },
};

#define MAX_COLS 14

/*
 * One part of the export: a single row (an object) or a list of rows, the
 * names of its columns (XML elements, JSON keys), and for lists the name
 * of one item's XML element.
 */
struct section {
	enum privacy_sql stmt;
	const char	*name;
	const char	*item;		/* NULL: a single row */
	int		 user_id_binds;	/* how often the statement takes the user id */
	const char	*cols[MAX_COLS + 1];
};

static const struct section sections[] = {
	{ SQL_USER, "user", NULL, 1, { "id", "email", "name", "phone", "language", "time_zone",
	    "status", "notify_tickets", "notify_orders", "notify_news", "created_at",
	    "last_login_at", "previous_login_at", "deletion_requested_at", NULL } },
	{ SQL_ORG, "org", NULL, 1, { "id", "name", "kind", NULL } },
	{ SQL_ROLES, "roles", "role", 1, { "name", NULL } },
	{ SQL_SESSIONS, "sessions", "session", 1, { "id", "created_at", "last_seen_at",
	    "expires_at", "ip", "user_agent", NULL } },
	{ SQL_AUDIT, "audit_log", "entry", 2, { "at", "by_user_id", "action", "object_type",
	    "object_id", "before", "after", "ip", NULL } },
	{ SQL_LOGIN_ATTEMPTS, "login_attempts", "attempt", 1, { "at", "ip", "success", NULL } },
	{ SQL_RESET_REQUESTS, "password_reset_requests", "request", 1, { "at", "ip", NULL } },
};

#define NSECTIONS PT_NELEM(sections)

static int
query_section(struct pt_req *req, const struct section *s, struct pt_rows *rows)
{
	struct pt_bind id = pt_int(req->session.user->id);

	if (s->user_id_binds == 2)
		return pt_db_query(req, &sql[s->stmt], rows, PT_BINDS(id,
		    pt_str(pt_printf(req, "%lld", (long long)req->session.user->id))));
	return pt_db_query(req, &sql[s->stmt], rows, PT_BINDS(id));
}

static int
query_all(struct pt_req *req, struct pt_rows rows[NSECTIONS])
{
	size_t i;
	int rc;

	for (i = 0; i < NSECTIONS; i++)
		if ((rc = query_section(req, &sections[i], &rows[i])) != PT_OK)
			return rc;
	return rows[0].nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

static void
free_xml(void *p)
{
	xmlFree(p);
}

/* The XML element of one row: its columns as child elements (NULL: left out). */
static void
xml_row(xmlNodePtr parent, const struct section *s, const struct pt_rows *rows, size_t r)
{
	size_t c;

	for (c = 0; s->cols[c] != NULL && c < rows->ncols; c++)
		if (pt_cell(rows, r, c) != NULL)
			pt_node(parent, s->cols[c], pt_cell(rows, r, c));
}

static int
attach(struct pt_req *req, const char *body, size_t len, const char *type, const char *ext)
{
	req->body = body;
	req->body_len = len;
	req->content_type_out = type;
	return pt_header_add(req, "Content-Disposition",
	    pt_printf(req, "attachment; filename=\"portico-personal-data.%s\"", ext));
}

static int
export_xml(struct pt_req *req)
{
	struct pt_rows rows[NSECTIONS];
	xmlDocPtr doc;
	xmlNodePtr root, sec;
	xmlChar *out = NULL;
	size_t i, r;
	int len = 0, rc;

	if ((rc = query_all(req, rows)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((doc = pt_xml_doc(req)) == NULL)
		return PT_ENOMEM;
	root = xmlNewDocNode(doc, NULL, BAD_CAST "personal-data", NULL);
	xmlDocSetRootElement(doc, root);
	pt_attr(root, "site", pt_base_url());
	for (i = 0; i < NSECTIONS; i++) {
		sec = pt_node(root, sections[i].name, NULL);
		if (sections[i].item == NULL) {
			if (rows[i].nrows > 0)
				xml_row(sec, &sections[i], &rows[i], 0);
			continue;
		}
		for (r = 0; r < rows[i].nrows; r++)
			xml_row(pt_node(sec, sections[i].item, NULL), &sections[i], &rows[i], r);
	}
	xmlDocDumpFormatMemoryEnc(doc, &out, &len, "UTF-8", 1);
	if (out == NULL || pt_arena_defer(req->arena, free_xml, out) != PT_OK) {
		xmlFree(out);
		return PT_ENOMEM;
	}
	if ((rc = attach(req, (const char *)out, (size_t)len, "application/xml; charset=utf-8",
	    "xml")) != PT_OK)
		return rc;
	return 200;
}

/* One row as a JSON object; every value a string or null. */
static int
json_row(struct pt_req *req, FILE *f, const struct section *s, const struct pt_rows *rows,
    size_t r)
{
	size_t c;

	fputc('{', f);
	for (c = 0; s->cols[c] != NULL && c < rows->ncols; c++) {
		const char *v = pt_json_str(req, pt_cell(rows, r, c));

		if (v == NULL)
			return PT_ENOMEM;
		fprintf(f, "%s\"%s\":%s", c > 0 ? "," : "", s->cols[c], v);
	}
	fputc('}', f);
	return PT_OK;
}

static int
export_json(struct pt_req *req)
{
	struct pt_rows rows[NSECTIONS];
	char *buf = NULL;
	size_t len = 0, i, r;
	FILE *f;
	int rc;

	if ((rc = query_all(req, rows)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((f = open_memstream(&buf, &len)) == NULL)
		return PT_ENOMEM;
	fprintf(f, "{\"site\":%s", pt_json_str(req, pt_base_url()));
	for (i = 0; rc == PT_OK && i < NSECTIONS; i++) {
		fprintf(f, ",\n\"%s\":", sections[i].name);
		if (sections[i].item == NULL) {
			if (rows[i].nrows > 0)
				rc = json_row(req, f, &sections[i], &rows[i], 0);
			else
				fputs("null", f);
			continue;
		}
		fputc('[', f);
		for (r = 0; rc == PT_OK && r < rows[i].nrows; r++) {
			fputs(r > 0 ? ",\n  " : "\n  ", f);
			rc = json_row(req, f, &sections[i], &rows[i], r);
		}
		fputc(']', f);
	}
	fputs("}\n", f);
	if (fclose(f) != 0 || buf == NULL) {
		free(buf);
		return PT_ENOMEM;
	}
	if (pt_arena_defer(req->arena, free, buf) != PT_OK) {
		free(buf);
		return PT_ENOMEM;
	}
	if (rc != PT_OK)
		return rc;
	if ((rc = attach(req, buf, len, "application/json; charset=utf-8", "json")) != PT_OK)
		return rc;
	return 200;
}

/* ---- the deletion request ------------------------------------------------ */

/* View account-delete: <deletion requested="ISO"/> (attribute absent until requested). */
static int
show_deletion(struct pt_req *req, int status)
{
	struct pt_rows rows;
	xmlNodePtr n;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_DELETION_STATE], &rows,
	    PT_BINDS(pt_int(req->session.user->id)))) != PT_OK)
		return rc;
	n = pt_node(req->page, "deletion", NULL);
	if (rows.nrows == 1)
		pt_attr(n, "requested", pt_cell(&rows, 0, 0));
	req->view = "account-delete";
	return status;
}

static int
deletion_form(struct pt_req *req)
{
	if (pt_query(req, "sent") != NULL)
		pt_message(req, "success", "account.delete.sent", NULL);
	return show_deletion(req, 200);
}

static int
deletion_request(struct pt_req *req)
{
	const char *confirm = pt_form(req, "confirm");
	unsigned long long changed = 0;
	int rc;

	if (confirm == NULL || strcmp(confirm, "1") != 0) {
		pt_message(req, "error", "account.delete.confirm-required", "confirm");
		return show_deletion(req, 422);
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_DELETION_REQUEST],
	    PT_BINDS(pt_int(req->session.user->id)), &changed)) != PT_OK ||
	    (changed == 1 && (rc = pt_audit(req, "user.deletion-requested", "user",
	    pt_printf(req, "%lld", (long long)req->session.user->id), NULL, NULL)) != PT_OK) ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return pt_redirect(req, "/auth/account/delete-request?sent=1");
}

enum route { ROUTE_XML, ROUTE_JSON, ROUTE_DELETE_FORM, ROUTE_DELETE, ROUTE__MAX };

static const struct pt_route routes[ROUTE__MAX] = {
	[ROUTE_XML] =		{ PT_GET,  "/auth/account/data\\.xml",	export_xml,	PT_R_LOGIN, NULL },
	[ROUTE_JSON] =		{ PT_GET,  "/auth/account/data\\.json",	export_json,	PT_R_LOGIN, NULL },
	[ROUTE_DELETE_FORM] =	{ PT_GET,  "/auth/account/delete-request", deletion_form, PT_R_LOGIN, NULL },
	[ROUTE_DELETE] =	{ PT_POST, "/auth/account/delete-request", deletion_request,
				  PT_R_LOGIN, NULL },
};

static const char *const views[] = { "account-delete" };

const struct pt_group auth_privacy_group = PT_GROUP(routes, sql, views);
