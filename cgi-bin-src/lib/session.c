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
 *
 * Kept sessions.  Each process keeps the sessions it has read (at most
 * KEPT_MAX, by the token's hash), so that a signed-in page does not pay
 * the session's query.  A kept session is used only
 *   - before its absolute expiry and its idle expiry, both counted on this
 *     host's clock from what the database said when it was read (last
 *     activity as far as this process knows, which is never later than the
 *     database's: a session idle here may still be read afresh);
 *   - while the database's counter auth_generation is what it was when
 *     the session was read.  The counter is read at most every
 *     KEPT_CHECK_MS, so a change shows on every host within a second; on
 *     this host it shows at the next request, since the change also raises
 *     a counter in <[paths] cache>/sessions-generation that every process
 *     maps and compares on every signed-in request.
 * Whatever writes the tables a session is read from (pt_db tells,
 * db.c), in any worker, raises both counters once the request is done
 * (pt_session_publish): logout, revoked sessions, roles, permissions,
 * status, names, languages, organisations.  The touch of last_seen_at
 * tells whether the session is still there, too.  The rows of rarely
 * changing lists a process keeps (kept.c) follow the same counters: they
 * are forgotten with the kept sessions, and writes to the tables they are
 * read from raise the counters as well.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extern.h"

#define COOKIE_SESSION "portico_session"
#define COOKIE_CSRF "portico_csrf"
#define TOUCH_AFTER_S 60
#define KEPT_MAX 512		/* kept sessions per process; a full table starts afresh */
#define KEPT_CHECK_MS 500	/* how often auth_generation is read */
#define KEPT_STRINGS 8		/* name, email, lang, time zone, org name, org kind, home, last login */

enum core_sql {
	SQL_SESSION_LOAD,
	SQL_SESSION_TOUCH,
	SQL_SESSION_INSERT,
	SQL_SESSION_DELETE,
	SQL_SESSION_PURGE,
	SQL_AUDIT_INSERT,
	SQL_AUTH_GENERATION,
	SQL_AUTH_CHANGED,
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
	    " TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), s.expires_at),"
	    " TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP(6)),"
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
	    " before_json, after_json, ip, integration_id)"
	    " VALUES (UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[SQL_AUTH_GENERATION] = { "auth_generation",
	    "SELECT n FROM auth_generation WHERE id = 1" },
	[SQL_AUTH_CHANGED] = { "auth_changed",
	    "UPDATE auth_generation SET n = n + 1 WHERE id = 1" },
};
const size_t pt_core_nsql = SQL__MAX;

enum load_col {
	C_SID, C_CSRF, C_UID, C_ORG, C_NAME, C_EMAIL, C_LANG, C_TZ, C_ORGNAME, C_ORGKIND,
	C_LASTLOGIN, C_STALE, C_EXPIRES_IN, C_SEEN_AGO, C_ROLE, C_HOME, C_PRIORITY, C_PERM
};

/* A kept session: what pt_session_load read, in one malloc'd block of strings. */
struct kept {
	unsigned char	 hash[32];
	int64_t		 sid, uid, org_id;
	time_t		 expires;	/* absolute expiry on this host's clock */
	time_t		 seen;		/* last activity as far as this process knows */
	char		 csrf[65];
	size_t		 nroles, nperms;
	unsigned	 nulls;		/* bit i: string i is NULL */
	char		*blob;		/* KEPT_STRINGS strings, the roles, the permissions */
	size_t		 blob_len;
};

static struct {
	struct kept	 e[KEPT_MAX];
	size_t		 n;
	uint64_t	*host;		/* <[paths] cache>/sessions-generation */
	int		 host_tried;
	uint64_t	 host_seen;
	long long	 db_gen;	/* auth_generation the kept ones were read under; -1: unknown */
	long long	 checked_ms;
	int		 dirty;		/* this request wrote what a kept session may hold */
} kept = { .db_gen = -1 };

static void
kept_drop(struct kept *e)
{
	free(e->blob);
	*e = kept.e[--kept.n];
	kept.e[kept.n].blob = NULL;
}

static void
kept_flush(void)
{
	while (kept.n > 0)
		kept_drop(&kept.e[kept.n - 1]);
	pt_kept_forget();
}

void
pt_session_cache_free(void)
{
	kept_flush();
	kept.db_gen = -1;
}

static uint64_t *
kept_host(void)
{
	if (!kept.host_tried) {
		kept.host_tried = 1;
		if ((kept.host = pt_shared_counter("sessions-generation")) != NULL)
			kept.host_seen = __atomic_load_n(kept.host, __ATOMIC_SEQ_CST);
	}
	return kept.host;
}

/*
 * Whether the kept sessions are current: forgets them when this host's
 * counter moved, and when auth_generation did (read at most every
 * KEPT_CHECK_MS; on every request when there is no host counter).  0 when
 * the counter cannot be read: nothing is kept then.
 */
static int
kept_sync(struct pt_req *req)
{
	uint64_t *host = kept_host(), h;
	long long now = pt_clock_ms(), g;
	struct pt_rows rows;

	if (host != NULL && (h = __atomic_load_n(host, __ATOMIC_SEQ_CST)) != kept.host_seen) {
		kept.host_seen = h;
		kept_flush();
		kept.db_gen = -1;
	}
	if (host != NULL && kept.db_gen >= 0 && now - kept.checked_ms < KEPT_CHECK_MS)
		return 1;
	if (pt_db_query(req, &pt_core_sql[SQL_AUTH_GENERATION], &rows, PT_NOBINDS) != PT_OK ||
	    rows.nrows != 1) {
		kept_flush();
		kept.db_gen = -1;
		return 0;
	}
	g = pt_cell_int(&rows, 0, 0);
	if (g != kept.db_gen)
		kept_flush();
	kept.db_gen = g;
	kept.checked_ms = now;
	return 1;
}

int
pt_session_current(struct pt_req *req)
{
	return !kept.dirty && kept_sync(req);
}

long long
pt_kept_generation(struct pt_req *req)
{
	return pt_session_current(req) ? kept.db_gen : -1;
}

static struct kept *
kept_find(const unsigned char *hash)
{
	size_t i;

	for (i = 0; i < kept.n; i++)
		if (kept.e[i].hash[0] == hash[0] && memcmp(kept.e[i].hash, hash, 32) == 0)
			return &kept.e[i];
	return NULL;
}

/* Keep the session just read into req; a failure only means it is read again next time. */
static void
kept_put(const struct pt_req *req, const unsigned char *hash, long long expires_in,
    long long seen_ago)
{
	const struct pt_user *u = req->session.user;
	const char *s[KEPT_STRINGS] = { u->name, u->email, u->lang, u->time_zone, u->org_name,
	    u->org_kind, u->home, u->last_login };
	struct kept *e;
	size_t len = 0, i, n;
	time_t now = time(NULL);
	char *p;

	if (kept.db_gen < 0)
		return;
	if (kept.n == KEPT_MAX)
		kept_flush();
	for (i = 0; i < KEPT_STRINGS; i++)
		len += (s[i] != NULL ? strlen(s[i]) : 0) + 1;
	for (i = 0; i < u->nroles; i++)
		len += strlen(u->roles[i]) + 1;
	for (i = 0; i < u->nperms; i++)
		len += strlen(u->perms[i]) + 1;
	e = &kept.e[kept.n];
	memset(e, 0, sizeof(*e));
	if ((e->blob = malloc(len)) == NULL)
		return;
	p = e->blob;
	for (i = 0; i < KEPT_STRINGS; i++) {
		if (s[i] == NULL)
			e->nulls |= 1u << i;
		n = s[i] != NULL ? strlen(s[i]) : 0;
		memcpy(p, s[i] != NULL ? s[i] : "", n + 1);
		p += n + 1;
	}
	for (i = 0; i < u->nroles; i++, p += n + 1)
		memcpy(p, u->roles[i], (n = strlen(u->roles[i])) + 1);
	for (i = 0; i < u->nperms; i++, p += n + 1)
		memcpy(p, u->perms[i], (n = strlen(u->perms[i])) + 1);
	memcpy(e->hash, hash, 32);
	e->blob_len = len;
	e->sid = req->session.id;
	e->uid = u->id;
	e->org_id = u->org_id;
	e->expires = now + (time_t)expires_in;
	e->seen = now - (time_t)seen_ago;
	memcpy(e->csrf, req->session.csrf, sizeof(e->csrf));
	e->nroles = u->nroles;
	e->nperms = u->nperms;
	kept.n++;
}

/*
 * The kept session e as the request's, copied into the arena (a later
 * request may forget e while this one still reads it).  Touches
 * last_seen_at as the query would; PT_ENOTFOUND when the session is gone.
 */
static int
kept_use(struct pt_req *req, struct kept *e, time_t now)
{
	const char *s[KEPT_STRINGS];
	unsigned long long touched = 0;
	struct pt_user *u;
	char *p;
	size_t i;
	int rc;

	if (now - e->seen >= TOUCH_AFTER_S) {
		if ((rc = pt_db_exec(req, &pt_core_sql[SQL_SESSION_TOUCH],
		    PT_BINDS(pt_int(e->sid)), &touched)) != PT_OK)
			return rc;
		if (touched == 0)
			return PT_ENOTFOUND;
		e->seen = now;
	}
	if ((u = pt_alloc(req, sizeof(*u))) == NULL || (p = pt_alloc(req, e->blob_len)) == NULL ||
	    (u->roles = pt_alloc(req, (e->nroles + 1) * sizeof(*u->roles))) == NULL ||
	    (u->perms = pt_alloc(req, (e->nperms + 1) * sizeof(*u->perms))) == NULL)
		return PT_ENOMEM;
	memcpy(p, e->blob, e->blob_len);
	for (i = 0; i < KEPT_STRINGS; i++, p += strlen(p) + 1)
		s[i] = e->nulls & (1u << i) ? NULL : p;
	for (i = 0; i < e->nroles; i++, p += strlen(p) + 1)
		u->roles[i] = p;
	for (i = 0; i < e->nperms; i++, p += strlen(p) + 1)
		u->perms[i] = p;
	u->id = e->uid;
	u->org_id = e->org_id;
	u->name = s[0];
	u->email = s[1];
	u->lang = s[2];
	u->time_zone = s[3];
	u->org_name = s[4];
	u->org_kind = s[5];
	u->home = s[6];
	u->last_login = s[7];
	u->nroles = e->nroles;
	u->nperms = e->nperms;
	req->session.id = e->sid;
	memcpy(req->session.csrf, e->csrf, sizeof(req->session.csrf));
	req->session.user = u;
	return PT_OK;
}

void
pt_session_changed(void)
{
	kept.dirty = 1;
}

int
pt_session_sql_safe(const struct pt_sql *q)
{
	return q == &pt_core_sql[SQL_SESSION_TOUCH] || q == &pt_core_sql[SQL_SESSION_INSERT] ||
	    q == &pt_core_sql[SQL_SESSION_PURGE];
}

void
pt_session_publish(struct pt_req *req)
{
	uint64_t *host = kept_host();

	if (!kept.dirty)
		return;
	kept.dirty = 0;
	kept_flush();
	kept.db_gen = -1;
	if (pt_db_exec(req, &pt_core_sql[SQL_AUTH_CHANGED], PT_NOBINDS, NULL) != PT_OK)
		pt_log(req, PT_LOG_ERROR, "auth_generation not raised: other hosts keep sessions"
		    " up to date only when it is");
	if (host != NULL)
		kept.host_seen = __atomic_add_fetch(host, 1, __ATOMIC_SEQ_CST);
}

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
	struct kept *e;
	long long seen_ago;
	time_t now;
	int rc;

	memset(&req->session, 0, sizeof(req->session));
	if (token == NULL || !pt_valid(PT_V_TOKEN, token, strlen(token)))
		return anonymous(req);
	pt_sha256(token, strlen(token), hash);
	if (kept_sync(req) && (e = kept_find(hash)) != NULL) {
		now = time(NULL);
		if (now < e->expires && now - e->seen < pt_site.session_idle_s &&
		    (rc = kept_use(req, e, now)) != PT_ENOTFOUND)
			return rc;
		memset(&req->session, 0, sizeof(req->session));
		kept_drop(e);
	}
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
	seen_ago = pt_cell_int(&rows, 0, C_SEEN_AGO);
	/* Touch at most once a minute: one write per minute per user, not per request. */
	if (pt_cell_int(&rows, 0, C_STALE) == 1) {
		if ((rc = pt_db_exec(req, &pt_core_sql[SQL_SESSION_TOUCH],
		    PT_BINDS(pt_int(req->session.id)), NULL)) != PT_OK)
			return rc;
		seen_ago = 0;
	}
	kept_put(req, hash, pt_cell_int(&rows, 0, C_EXPIRES_IN), seen_ago);
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

/*
 * Permissions that reach across organisations: every org's tickets, the
 * internal articles, the editor, the provider's administration, the
 * catalogue's prices and every organisation's contract prices.  Only a
 * person of the provider holds them, whatever role a customer's or
 * partner's person was given by mistake: a role is data, and one wrong
 * tick must not open every customer's tickets to another customer.
 */
int
pt_perm_provider_only(const char *perm)
{
	static const char *const prefixes[] = { "tickets.work", "tickets.admin", "kb.read.internal",
	    "kb.edit", "admin.", "catalogue.manage", "orders.desk",
	    "contracts.manage" };
	size_t i;

	for (i = 0; i < PT_NELEM(prefixes); i++)
		if (strncmp(perm, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}

int
pt_can(const struct pt_req *req, const char *perm)
{
	const struct pt_user *u = req->session.user;
	size_t i, len;

	if (u == NULL || perm == NULL)
		return 0;
	if (pt_perm_provider_only(perm) && (u->org_kind == NULL || strcmp(u->org_kind, "provider") != 0))
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
	    pt_str(object_id), pt_str(before_json), pt_str(after_json),
	    /* Housekeeping outside a request has no client address. */
	    pt_str(req->remote_addr != NULL ? req->remote_addr : ""),
	    req->integration != NULL ? pt_int(req->integration->id) : pt_str(NULL)), NULL);
}

int
pt_audit(struct pt_req *req, const char *action, const char *object_type,
    const char *object_id, const char *before_json, const char *after_json)
{
	const struct pt_user *u = req->session.user;

	return pt_audit_as(req, u != NULL ? u->id : 0, u != NULL ? u->org_id : 0, action,
	    object_type, object_id, before_json, after_json);
}
