/*
 * The integration API's side of the runtime (DESIGN.md §3 and §5; see
 * portico.h): requests under /api/ are answered in JSON, authorised by a
 * bearer token that names an integration, never by a cookie.
 *
 * Tokens are 256 random bits in hex behind "pti_" (a prefix that secret
 * scanners and people recognise); like session tokens only their SHA-256
 * is stored, so a leaked table opens nothing.  The lookup is by that hash
 * on a unique key.  A token's last use is stamped at most once a minute,
 * so reading the API does not write a row per request.
 */
#include <string.h>
#include <strings.h>

#include "extern.h"

#define TOUCH_AFTER_S "60"

enum api_sql { SQL_API_TOKEN, SQL_API_TOUCH, SQL__MAX };

const struct pt_sql pt_api_sql[SQL__MAX] = {
	[SQL_API_TOKEN] = { "api_token",
	    "SELECT id, name, scopes, revoked_at IS NOT NULL,"
	    " last_used_at IS NULL OR last_used_at < UTC_TIMESTAMP(6) - INTERVAL " TOUCH_AFTER_S " SECOND"
	    " FROM integrations WHERE token_hash = ?" },
	[SQL_API_TOUCH] = { "api_touch",
	    "UPDATE integrations SET last_used_at = UTC_TIMESTAMP(6), last_used_ip = ? WHERE id = ?" },
};
const size_t pt_api_nsql = SQL__MAX;

enum { T_ID, T_NAME, T_SCOPES, T_REVOKED, T_STALE };

int
pt_api_path(const char *path)
{
	return path != NULL && strncmp(path, PT_API_PREFIX, sizeof(PT_API_PREFIX) - 1) == 0;
}

int
pt_api_token_new(char out[PT_API_TOKEN_CHARS + 1], unsigned char hash[32])
{
	memcpy(out, PT_API_TOKEN_PREFIX, sizeof(PT_API_TOKEN_PREFIX) - 1);
	if (pt_random_hex(out + sizeof(PT_API_TOKEN_PREFIX) - 1, 32) != PT_OK)
		return PT_ESYS;
	pt_sha256(out, PT_API_TOKEN_CHARS, hash);
	return PT_OK;
}

int
pt_api_scope_in(const char *scopes, const char *scope)
{
	size_t n = strlen(scope);

	while (scopes != NULL && *scopes != '\0') {
		size_t m = strcspn(scopes, ",");

		if (m == n && strncmp(scopes, scope, n) == 0)
			return 1;
		scopes += m;
		if (*scopes == ',')
			scopes++;
	}
	return 0;
}

int
pt_api_json(struct pt_req *req, int status, const char *json)
{
	req->status = status;
	req->body = json;
	req->body_len = strlen(json);
	req->content_type_out = "application/json";
	return status;
}

int
pt_api_error(struct pt_req *req, int status, const char *code, const char *message)
{
	const char *json = pt_printf(req, "{\"error\":{\"status\":%d,\"code\":%s,\"message\":%s}}\n",
	    status, pt_json_str(req, code), pt_json_str(req, message));

	return json != NULL ? pt_api_json(req, status, json) : PT_ENOMEM;
}

/* 401 with the challenge of RFC 6750 (invalid_token once a token was sent). */
static int
unauthorized(struct pt_req *req, int sent, const char *code, const char *message)
{
	pt_header_add(req, "WWW-Authenticate", sent ?
	    "Bearer realm=\"portico\", error=\"invalid_token\"" : "Bearer realm=\"portico\"");
	return pt_api_error(req, 401, code, message);
}

/*
 * The integration of the request's bearer token, which must hold scope:
 * PT_OK with req->integration set, else the answer's status (401, 403)
 * with its error written, or PT_EDB.
 */
static int
authenticate(struct pt_req *req, const char *scope)
{
	static const char bearer[] = "Bearer ";
	struct pt_integration *in;
	unsigned char hash[32];
	const char *h = req->authorization, *token;
	struct pt_rows rows;
	int rc;

	if (h == NULL || *h == '\0')
		return unauthorized(req, 0, "token_missing",
		    "Send the integration's token: Authorization: Bearer <token>.");
	/* The scheme is case-insensitive (RFC 9110 §11.1). */
	if (strncasecmp(h, bearer, sizeof(bearer) - 1) != 0)
		return unauthorized(req, 0, "token_missing",
		    "The Authorization header must use the Bearer scheme.");
	token = h + sizeof(bearer) - 1;
	while (*token == ' ')
		token++;
	if (strlen(token) != PT_API_TOKEN_CHARS ||
	    strncmp(token, PT_API_TOKEN_PREFIX, sizeof(PT_API_TOKEN_PREFIX) - 1) != 0 ||
	    strspn(token + sizeof(PT_API_TOKEN_PREFIX) - 1, "0123456789abcdef") !=
	    PT_API_TOKEN_CHARS - (sizeof(PT_API_TOKEN_PREFIX) - 1))
		return unauthorized(req, 1, "token_invalid", "The token is not a Portico API token.");
	pt_sha256(token, PT_API_TOKEN_CHARS, hash);
	if ((rc = pt_db_query(req, &pt_api_sql[SQL_API_TOKEN], &rows,
	    PT_BINDS(pt_blob(hash, sizeof(hash))))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return unauthorized(req, 1, "token_invalid", "No integration has this token.");
	if (pt_cell_int(&rows, 0, T_REVOKED) == 1)
		return unauthorized(req, 1, "token_revoked", "This token was revoked.");
	if (pt_cell_int(&rows, 0, T_STALE) == 1 &&
	    (rc = pt_db_exec(req, &pt_api_sql[SQL_API_TOUCH], PT_BINDS(pt_str(req->remote_addr),
	    pt_int(pt_cell_int(&rows, 0, T_ID))), NULL)) != PT_OK)
		return rc;
	if ((in = pt_alloc(req, sizeof(*in))) == NULL)
		return PT_ENOMEM;
	in->id = pt_cell_int(&rows, 0, T_ID);
	in->name = pt_cell(&rows, 0, T_NAME);
	in->scopes = pt_cell(&rows, 0, T_SCOPES) != NULL ? pt_cell(&rows, 0, T_SCOPES) : "";
	req->integration = in;
	if (scope != NULL && !pt_api_scope_in(in->scopes, scope))
		return pt_api_error(req, 403, "scope_missing",
		    pt_printf(req, "The token lacks the scope %s.", scope));
	return PT_OK;
}

/* 405 with the methods the path answers. */
static int
method_not_allowed(struct pt_req *req, int methods)
{
	const char *allow = pt_allow(req, methods);

	if (allow == NULL)
		return PT_ENOMEM;
	return pt_api_error(req, 405, "method_not_allowed",
	    pt_printf(req, "This path answers %s only.", allow));
}

/* The JSON answer of a status the handler returned without a body of its own. */
static void
finish(struct pt_req *req, int status)
{
	if (status == PT_EDB)
		pt_api_error(req, 503, "unavailable", "The database is unavailable; try again later.");
	else if (status == PT_EDUP)
		pt_api_error(req, 409, "conflict", "The change conflicts with data already there.");
	else if (status < 0)
		pt_api_error(req, 500, "internal", "The request failed on the server.");
	else if (req->body == NULL && status >= 400)
		pt_api_error(req, status, "error", pt_status_text(status));
	else
		req->status = status;
}

void
pt_api_dispatch(const struct pt_router *router, struct pt_req *req)
{
	const struct pt_route *route;
	int path_known = 0, rc;

	route = pt_router_match(router, req, &path_known);
	req->lang = "en";
	/* A page tree, so shared code that adds to one (messages) finds it; never rendered. */
	if (pt_page_init(req) != PT_OK) {
		finish(req, PT_ENOMEM);
		return;
	}
	if (route == NULL)
		rc = path_known ? method_not_allowed(req, path_known) :
		    pt_api_error(req, 404, "not_found", "No such path in the API.");
	else if ((rc = authenticate(req, route->permission)) == PT_OK)
		rc = route->handler(req);
	if (pt_db_in_tx()) {
		pt_log(req, PT_LOG_ERROR, "handler left a transaction open; rolled back");
		pt_db_rollback(req);
	}
	pt_session_publish(req);
	finish(req, rc);
	req->doc = NULL;
}

void
pt_api_refused(struct pt_req *req, int status)
{
	req->lang = "en";
	req->doc = NULL;
	if (status == 413)
		pt_api_error(req, 413, "too_large", pt_printf(req,
		    "The request body is larger than %zu bytes.", pt_site.limits.body_bytes));
	else
		pt_api_error(req, 400, "bad_request", "The request could not be read.");
}
