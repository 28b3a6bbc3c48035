/*
 * The integrations and their API tokens (admin.integrations: the
 * provider's admins, /orders/admin/integrations): the list (name, scopes,
 * the token's first digits, who made it when, its last use, revoked or
 * not), making one with a name and scopes, and revoking one.
 *
 * A new token is shown once, on the answer to the POST that made it: the
 * page is rendered there and then (no redirect, which would need the token
 * kept somewhere) and, like every answer, marked no-store.  Only its
 * SHA-256 is kept (pt_api_token_new).  A revoked integration stays in the
 * list and in the audit rows that name it; its token is refused from the
 * next request on.
 */
#include <string.h>

#include "orders.h"

enum integrations_sql { SQL_LIST, SQL_INSERT, SQL_GET, SQL_REVOKE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "or_integrations_list",
	    "SELECT i.id, i.name, i.scopes, i.token_hint, " OR_ISO("i.created_at") ", c.name,"
	    " " OR_ISO("i.revoked_at") ", r.name, " OR_ISO("i.last_used_at") ", i.last_used_ip"
	    " FROM integrations i LEFT JOIN users c ON c.id = i.created_by"
	    " LEFT JOIN users r ON r.id = i.revoked_by"
	    " ORDER BY i.revoked_at IS NOT NULL, i.name" },
	[SQL_INSERT] = { "or_integrations_insert",
	    "INSERT INTO integrations (name, scopes, token_hash, token_hint, created_by, created_at)"
	    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_GET] = { "or_integrations_get",
	    "SELECT id, name, scopes, revoked_at IS NOT NULL FROM integrations WHERE id = ? FOR UPDATE" },
	[SQL_REVOKE] = { "or_integrations_revoke",
	    "UPDATE integrations SET revoked_at = UTC_TIMESTAMP(6), revoked_by = ?"
	    " WHERE id = ? AND revoked_at IS NULL" },
};

enum {
	L_ID, L_NAME, L_SCOPES, L_HINT, L_CREATED, L_CREATOR, L_REVOKED, L_REVOKER, L_USED,
	L_USED_IP
};

/* The scopes a token may hold, and the form's checkbox of each ("scope_" + name). */
static const char *const scopes[OR_API_NSCOPES] = {
	OR_API_ORDERS_READ, OR_API_ORDERS_WRITE, OR_API_INVOICES_WRITE, OR_API_CATALOGUE_WRITE
};

#define NAME_MAX_CHARS 100
static const struct pt_input name_input = { "name", PT_IN_LINE, 1, 0, NAME_MAX_CHARS, NULL, 0 };

/* The list and the form (values v: the name, then each scope's "1" or "0"). */
static int
page(struct pt_req *req, int status, const char *const *v)
{
	const char *fields[1 + OR_API_NSCOPES];
	struct pt_rows rows;
	xmlNodePtr l, s;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	l = pt_node(req->page, "or-integrations", NULL);
	s = pt_node(l, "scopes", NULL);
	for (i = 0; i < OR_API_NSCOPES; i++)
		pt_node(s, "scope", scopes[i]);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr n = pt_node(l, "integration", NULL);
		const char *set = pt_cell(&rows, i, L_SCOPES);
		size_t k;

		pt_attr(n, "id", pt_cell(&rows, i, L_ID));
		pt_attr(n, "hint", pt_cell(&rows, i, L_HINT));
		pt_attr(n, "created", pt_cell(&rows, i, L_CREATED));
		pt_attr(n, "revoked", pt_cell(&rows, i, L_REVOKED));
		pt_attr(n, "last-used", pt_cell(&rows, i, L_USED));
		pt_attr(n, "last-used-ip", pt_cell(&rows, i, L_USED_IP));
		pt_node(n, "name", pt_cell(&rows, i, L_NAME));
		pt_node(n, "created-by", pt_cell(&rows, i, L_CREATOR));
		if (pt_cell(&rows, i, L_REVOKER) != NULL)
			pt_node(n, "revoked-by", pt_cell(&rows, i, L_REVOKER));
		for (k = 0; k < OR_API_NSCOPES; k++)
			if (pt_api_scope_in(set, scopes[k]))
				pt_node(n, "scope", scopes[k]);
	}
	fields[0] = "name";
	for (i = 0; i < OR_API_NSCOPES; i++)
		fields[1 + i] = pt_printf(req, "scope_%s", scopes[i]);
	pt_form_values(req, "integration", fields, v, 1 + OR_API_NSCOPES);
	pt_input_limits(req, &name_input, 1);
	or_flash(req, "revoked", "orders.api.revoked");
	req->view = "admin-integrations";
	return status;
}

static int
list(struct pt_req *req)
{
	const char *v[1 + OR_API_NSCOPES] = { "", "0", "0", "0", "0" };

	return page(req, 200, v);
}

/* POST: a new integration with its token, shown on the page this once. */
static int
create(struct pt_req *req)
{
	const char *v[1 + OR_API_NSCOPES], *set = "", *hint;
	static const char *const audit_names[] = { "name", "scopes", "token_hint" };
	const char *audit_values[3];
	char token[PT_API_TOKEN_CHARS + 1];
	unsigned char hash[32];
	xmlNodePtr n;
	size_t i;
	int bad, rc;

	if ((bad = pt_input_read(req, &name_input, 1, v)) < 0)
		return bad;
	for (i = 0; i < OR_API_NSCOPES; i++) {
		const char *f = pt_form(req, pt_printf(req, "scope_%s", scopes[i]));

		v[1 + i] = f != NULL && strcmp(f, "1") == 0 ? "1" : "0";
		if (*v[1 + i] == '1' &&
		    (set = *set == '\0' ? scopes[i] : pt_printf(req, "%s,%s", set, scopes[i])) == NULL)
			return PT_ENOMEM;
	}
	if (*set == '\0') {
		pt_message(req, "error", "orders.api.scopes.required", "scopes");
		bad++;
	}
	if (bad > 0)
		return page(req, 422, v);
	if (pt_api_token_new(token, hash) != PT_OK)
		return PT_ESYS;
	hint = pt_printf(req, "%.8s", token + strlen(PT_API_TOKEN_PREFIX));
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(v[0]), pt_str(set),
	    pt_blob(hash, sizeof(hash)), pt_str(hint), pt_int(req->session.user->id)), NULL);
	if (rc == PT_EDUP) {
		pt_db_rollback(req);
		pt_message(req, "error", "orders.api.name.taken", "name");
		return page(req, 422, v);
	}
	audit_values[0] = v[0];
	audit_values[1] = set;
	audit_values[2] = hint;
	if (rc == PT_OK)
		rc = pt_audit(req, "integration.create", "integration",
		    pt_printf(req, "%llu", pt_db_insert_id()), NULL,
		    pt_json_fields(req, audit_names, audit_values, PT_NELEM(audit_names)));
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK)
		return or_undo(req, rc);
	n = pt_node(req->page, "or-new-token", token);
	pt_node(n, "name", v[0]);
	for (i = 0; i < OR_API_NSCOPES; i++)
		v[1 + i] = "0";
	v[0] = "";
	pt_message(req, "success", "orders.api.created.message", NULL);
	return page(req, 200, v);
}

/* POST .../revoke: its token is refused from now on; a second revoke changes nothing. */
static int
revoke(struct pt_req *req)
{
	static const char *const audit_names[] = { "name", "scopes", "revoked" };
	const char *before[3], *after[3];
	unsigned long long n = 0;
	struct pt_rows row;
	long long id;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	/* Its row locked (SQL_GET), so two revokes at once audit once. */
	if ((rc = or_load(req, &sql[SQL_GET], &row, &id)) != PT_OK)
		return or_undo(req, rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc);
	if ((rc = pt_db_exec(req, &sql[SQL_REVOKE], PT_BINDS(pt_int(req->session.user->id),
	    pt_int(id)), &n)) != PT_OK)
		return or_undo(req, rc);
	if (n == 0) {
		pt_db_rollback(req);
		return pt_redirect(req, OR_ADMIN "integrations?revoked=1");
	}
	before[0] = after[0] = pt_cell(&row, 0, 1);
	before[1] = after[1] = pt_cell(&row, 0, 2);
	before[2] = "0";
	after[2] = "1";
	return or_done(req, PT_OK, "integration.revoke", "integration", pt_cell(&row, 0, 0),
	    pt_json_fields(req, audit_names, before, 3), pt_json_fields(req, audit_names, after, 3),
	    OR_ADMIN "integrations?revoked=1");
}

static const struct pt_route routes[] = {
	{ PT_GET,  OR_ADMIN "integrations",	list,	PT_R_LOGIN, OR_PERM_INTEGRATIONS },
	{ PT_POST, OR_ADMIN "integrations",	create,	PT_R_LOGIN, OR_PERM_INTEGRATIONS },
	{ PT_POST, OR_ADMIN "integrations/(\\d{1,9})/revoke", revoke, PT_R_LOGIN, OR_PERM_INTEGRATIONS },
};

static const char *const views[] = { "admin-integrations" };

const struct pt_group or_admin_integrations_group = PT_GROUP(routes, sql, views);
