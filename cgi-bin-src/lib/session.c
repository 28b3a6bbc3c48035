/*
 * Sessions, CSRF and permissions (DESIGN.md §5).
 *
 * The cookie holds a 256-bit random token; the database holds only its
 * SHA-256, so a leaked table opens no session.  The session row, the user,
 * the org, the roles and the permissions come back in one query.  Sessions
 * end after an idle period and after an absolute lifetime.
 *
 * CSRF: a logged-in user's forms carry the session's synchronizer token.
 * Anonymous forms (login, language) use a double-submit token: a random
 * cookie whose value every form repeats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

#define COOKIE_SESSION "portico_session"
#define COOKIE_CSRF "portico_csrf"
#define TOUCH_AFTER_S 60

enum core_sql {
	SQL_SESSION_LOAD,
	SQL_SESSION_TOUCH,
	SQL_SESSION_INSERT,
	SQL_SESSION_DELETE,
	SQL_SESSION_PURGE,
	SQL_AUDIT_INSERT,
	SQL__MAX
};

const struct pt_sql pt_core_sql[SQL__MAX] = {
	/*
	 * One row per (role, permission) of the user: plain joins on keys, no
	 * grouping or sorting, which the server would do with temporary tables
	 * on every request.  The rows are folded into lists in C.
	 * STRAIGHT_JOIN: the order written is the right one (from the unique
	 * token outwards), and MariaDB would otherwise search all orders of
	 * seven tables again on every execution.
	 */
	[SQL_SESSION_LOAD] = { "session_load",
	    "SELECT STRAIGHT_JOIN s.id, s.csrf, u.id, u.org_id, u.name, u.email, u.language, u.time_zone,"
	    " o.name, o.kind, DATE_FORMAT(u.previous_login_at, '%Y-%m-%dT%H:%i:%sZ'),"
	    " s.last_seen_at < UTC_TIMESTAMP(6) - INTERVAL 60 SECOND,"
	    " r.name, r.home, r.priority, p.name"
	    " FROM sessions s JOIN users u ON u.id = s.user_id JOIN orgs o ON o.id = u.org_id"
	    " LEFT JOIN user_roles ur ON ur.user_id = u.id"
	    " LEFT JOIN roles r ON r.id = ur.role_id"
	    " LEFT JOIN role_permissions rp ON rp.role_id = r.id"
	    " LEFT JOIN permissions p ON p.id = rp.permission_id"
	    " WHERE s.token_hash = ? AND s.expires_at > UTC_TIMESTAMP(6)"
	    " AND s.last_seen_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND"
	    " AND u.status = 'active' AND o.status = 'active'" },
	[SQL_SESSION_TOUCH] = { "session_touch",
	    "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_SESSION_INSERT] = { "session_insert",
	    "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen_at,"
	    " expires_at, ip, user_agent) VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6),"
	    " UTC_TIMESTAMP(6) + INTERVAL ? SECOND, ?, LEFT(?, 255))" },
	[SQL_SESSION_DELETE] = { "session_delete",
	    "DELETE FROM sessions WHERE id = ?" },
	[SQL_SESSION_PURGE] = { "session_purge",
	    "DELETE FROM sessions WHERE user_id = ? AND (expires_at <= UTC_TIMESTAMP(6)"
	    " OR last_seen_at <= UTC_TIMESTAMP(6) - INTERVAL ? SECOND)" },
	[SQL_AUDIT_INSERT] = { "audit_insert",
	    "INSERT INTO audit_log (at, user_id, org_id, action, object_type, object_id,"
	    " before_json, after_json, ip) VALUES (UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, ?, ?, ?)" },
};
const size_t pt_core_nsql = SQL__MAX;

enum load_col {
	C_SID, C_CSRF, C_UID, C_ORG, C_NAME, C_EMAIL, C_LANG, C_TZ, C_ORGNAME, C_ORGKIND,
	C_LASTLOGIN, C_STALE, C_ROLE, C_HOME, C_PRIORITY, C_PERM
};

/* Add s to the list v (capacity nrows) unless it is there already; returns the new count. */
static size_t
add_unique(const char **v, size_t n, const char *s)
{
	size_t i;

	if (s == NULL)
		return n;
	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return n;
	v[n] = s;
	return n + 1;
}

/*
 * Fold the (role, permission) rows into the user's role list, ordered by
 * priority (highest first), the permission list, and home: the home of the
 * highest-priority role.
 */
static int
fold_roles(struct pt_req *req, const struct pt_rows *rows, struct pt_user *u)
{
	const char **roles = pt_alloc(req, rows->nrows * sizeof(*roles));
	const char **perms = pt_alloc(req, rows->nrows * sizeof(*perms));
	long long *prio = pt_alloc(req, rows->nrows * sizeof(*prio));
	size_t r, i, n;

	if (roles == NULL || perms == NULL || prio == NULL)
		return PT_ENOMEM;
	u->home = "customer";
	for (r = 0; r < rows->nrows; r++) {
		const char *role = pt_cell(rows, r, C_ROLE);

		u->nperms = add_unique(perms, u->nperms, pt_cell(rows, r, C_PERM));
		if (role == NULL || (n = add_unique(roles, u->nroles, role)) == u->nroles)
			continue;
		/* Insertion by priority keeps the list sorted; the first is the home role. */
		prio[u->nroles] = pt_cell_int(rows, r, C_PRIORITY);
		for (i = u->nroles; i > 0 && prio[i - 1] < prio[i]; i--) {
			const char *t = roles[i];
			long long p = prio[i];

			roles[i] = roles[i - 1];
			prio[i] = prio[i - 1];
			roles[i - 1] = t;
			prio[i - 1] = p;
		}
		if (i == 0 && pt_cell(rows, r, C_HOME) != NULL)
			u->home = pt_cell(rows, r, C_HOME);
		u->nroles = n;
	}
	u->roles = roles;
	u->perms = perms;
	return PT_OK;
}

static int
anonymous(struct pt_req *req)
{
	const char *t = pt_cookie(req, COOKIE_CSRF);

	if (t != NULL && pt_valid(PT_V_TOKEN, t, strlen(t))) {
		memcpy(req->session.csrf, t, 65);
		return PT_OK;
	}
	if (pt_random_hex(req->session.csrf, 32) != PT_OK)
		return PT_ESYS;
	req->session.csrf_is_new = 1;
	return pt_cookie_set(req, COOKIE_CSRF, req->session.csrf, -1, 1);
}

int
pt_session_load(struct pt_req *req)
{
	const char *token = pt_cookie(req, COOKIE_SESSION);
	unsigned char hash[32];
	struct pt_rows rows;
	struct pt_user *u;
	int rc;

	memset(&req->session, 0, sizeof(req->session));
	if (token == NULL || !pt_valid(PT_V_TOKEN, token, strlen(token)))
		return anonymous(req);
	pt_sha256(token, strlen(token), hash);
	rc = pt_db_query(req, &pt_core_sql[SQL_SESSION_LOAD], &rows,
	    PT_BINDS(pt_blob(hash, sizeof(hash)), pt_int(pt_site.session_idle_s)));
	if (rc != PT_OK)
		return rc;
	if (rows.nrows == 0) {
		/* Expired or unknown: forget the stale cookie, so "expired" is said once. */
		if ((rc = pt_cookie_set(req, COOKIE_SESSION, "", 0, 1)) != PT_OK)
			return rc;
		return anonymous(req);
	}
	if ((u = pt_alloc(req, sizeof(*u))) == NULL)
		return PT_ENOMEM;
	req->session.id = pt_cell_int(&rows, 0, C_SID);
	snprintf(req->session.csrf, sizeof(req->session.csrf), "%s",
	    pt_cell(&rows, 0, C_CSRF) != NULL ? pt_cell(&rows, 0, C_CSRF) : "");
	u->id = pt_cell_int(&rows, 0, C_UID);
	u->org_id = pt_cell_int(&rows, 0, C_ORG);
	u->name = pt_cell(&rows, 0, C_NAME);
	u->email = pt_cell(&rows, 0, C_EMAIL);
	u->lang = pt_cell(&rows, 0, C_LANG);
	u->time_zone = pt_cell(&rows, 0, C_TZ);
	u->org_name = pt_cell(&rows, 0, C_ORGNAME);
	u->org_kind = pt_cell(&rows, 0, C_ORGKIND);
	u->last_login = pt_cell(&rows, 0, C_LASTLOGIN);
	if ((rc = fold_roles(req, &rows, u)) != PT_OK)
		return rc;
	req->session.user = u;
	/* Touch at most once a minute: one write per minute per user, not per request. */
	if (pt_cell_int(&rows, 0, C_STALE) == 1)
		return pt_db_exec(req, &pt_core_sql[SQL_SESSION_TOUCH],
		    PT_BINDS(pt_int(req->session.id)), NULL);
	return PT_OK;
}

int
pt_session_start(struct pt_req *req, int64_t user_id)
{
	char token[65], csrf[65];
	unsigned char hash[32];
	int rc;

	/* Rotation: the pre-login session, if any, is gone. */
	if (req->session.id != 0 && (rc = pt_db_exec(req, &pt_core_sql[SQL_SESSION_DELETE],
	    PT_BINDS(pt_int(req->session.id)), NULL)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &pt_core_sql[SQL_SESSION_PURGE],
	    PT_BINDS(pt_int(user_id), pt_int(pt_site.session_idle_s)), NULL)) != PT_OK)
		return rc;
	if (pt_random_hex(token, 32) != PT_OK || pt_random_hex(csrf, 32) != PT_OK)
		return PT_ESYS;
	pt_sha256(token, 64, hash);
	rc = pt_db_exec(req, &pt_core_sql[SQL_SESSION_INSERT],
	    PT_BINDS(pt_blob(hash, sizeof(hash)), pt_int(user_id), pt_str(csrf),
	    pt_int(pt_site.session_absolute_s), pt_str(req->remote_addr),
	    pt_str(req->user_agent != NULL ? req->user_agent : "")), NULL);
	if (rc != PT_OK)
		return rc;
	req->session.id = (int64_t)pt_db_insert_id();
	memcpy(req->session.csrf, csrf, sizeof(csrf));
	return pt_cookie_set(req, COOKIE_SESSION, pt_strdup(req, token), -1, 1);
}

int
pt_session_end(struct pt_req *req)
{
	int rc = PT_OK;

	if (req->session.id != 0)
		rc = pt_db_exec(req, &pt_core_sql[SQL_SESSION_DELETE],
		    PT_BINDS(pt_int(req->session.id)), NULL);
	if (rc == PT_OK) {
		req->session.id = 0;
		req->session.user = NULL;
		rc = pt_cookie_set(req, COOKIE_SESSION, "", 0, 1);
	}
	return rc;
}

int
pt_csrf_ok(const struct pt_req *req)
{
	const char *sent = pt_form(req, "csrf");

	/* A token minted on this very request was never in a form the user saw. */
	if (sent == NULL || req->session.csrf_is_new || strlen(sent) != 64 ||
	    strlen(req->session.csrf) != 64)
		return 0;
	return pt_memeq_ct(sent, req->session.csrf, 64);
}

int
pt_can(const struct pt_req *req, const char *perm)
{
	const struct pt_user *u = req->session.user;
	size_t i, len;

	if (u == NULL || perm == NULL)
		return 0;
	for (i = 0; i < u->nperms; i++) {
		const char *g = u->perms[i];

		if (strcmp(g, perm) == 0)
			return 1;
		/* "admin.*" grants "admin.users" and "admin.users.edit". */
		len = strlen(g);
		if (len >= 2 && strcmp(g + len - 2, ".*") == 0 && strncmp(g, perm, len - 1) == 0)
			return 1;
	}
	return 0;
}

int
pt_audit_as(struct pt_req *req, int64_t user_id, int64_t org_id, const char *action,
    const char *object_type, const char *object_id, const char *before_json,
    const char *after_json)
{
	return pt_db_exec(req, &pt_core_sql[SQL_AUDIT_INSERT],
	    PT_BINDS(user_id != 0 ? pt_int(user_id) : pt_str(NULL),
	    org_id != 0 ? pt_int(org_id) : pt_str(NULL), pt_str(action), pt_str(object_type),
	    pt_str(object_id), pt_str(before_json), pt_str(after_json), pt_str(req->remote_addr)),
	    NULL);
}

int
pt_audit(struct pt_req *req, const char *action, const char *object_type,
    const char *object_id, const char *before_json, const char *after_json)
{
	const struct pt_user *u = req->session.user;

	return pt_audit_as(req, u != NULL ? u->id : 0, u != NULL ? u->org_id : 0, action,
	    object_type, object_id, before_json, after_json);
}
