/*
 * Login and logout.  A failed login says the same thing whether the address
 * is unknown, inactive or the password wrong, and costs the same time.
 * Failures are counted per address and per client IP; past a limit within
 * the window, logins for that address or from that IP are refused with 429
 * until the window has passed.  A wrong current password on the account
 * page is a failure too (auth_login_failed), so a session cannot be used
 * to guess the password faster than this form.
 */
#include <string.h>

#include "auth.h"

enum login_sql {
	SQL_USER_BY_EMAIL,
	SQL_THROTTLE,
	SQL_ATTEMPT_INSERT,
	SQL_ATTEMPTS_CLEAR,
	SQL_LOGIN_STAMP,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_USER_BY_EMAIL] = { "user_by_email",
	    "SELECT u.id, u.org_id, u.password_hash FROM users u JOIN orgs o ON o.id = u.org_id"
	    " WHERE u.email = ? AND u.status = 'active' AND o.status = 'active'" },
	[SQL_THROTTLE] = { "throttle",
	    "SELECT (SELECT COUNT(*) FROM login_attempts WHERE email = ? AND success = 0"
	    "   AND attempted_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND),"
	    " (SELECT COUNT(*) FROM login_attempts WHERE ip = ? AND success = 0"
	    "   AND attempted_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND)" },
	[SQL_ATTEMPT_INSERT] = { "attempt_insert",
	    "INSERT INTO login_attempts (email, ip, attempted_at, success)"
	    " VALUES (LEFT(?, 254), ?, UTC_TIMESTAMP(6), ?)" },
	[SQL_ATTEMPTS_CLEAR] = { "attempts_clear",
	    "DELETE FROM login_attempts WHERE email = ? AND success = 0" },
	[SQL_LOGIN_STAMP] = { "login_stamp",
	    PT_SQL_KEEPS_SESSIONS "UPDATE users SET previous_login_at = last_login_at,"
	    " last_login_at = UTC_TIMESTAMP(6) WHERE id = ?" },
};

static const char *const login_fields[] = { "email", "next" };

/* The page's "next" if it is a path on this site, else "/". */
static const char *
next_path(struct pt_req *req)
{
	const char *next = pt_form(req, "next");

	if (next == NULL)
		next = pt_query(req, "next");
	if (next == NULL || !pt_valid(PT_V_LOCAL_PATH, next, strlen(next)))
		return "/";
	return next;
}

static int
show_form(struct pt_req *req, int status)
{
	xmlNodePtr form = pt_form_echo(req, "login", login_fields, 2);

	/* Echo the validated next only: the form must not carry a foreign URL. */
	if (form != NULL && form->last != NULL)
		xmlNodeSetContent(form->last, BAD_CAST next_path(req));
	req->view = "login";
	return status;
}

static int
login_form(struct pt_req *req)
{
	if (req->session.user != NULL)
		return pt_redirect(req, next_path(req));
	/* Say now, not after the password is typed, that sign-in cannot work. */
	if (pt_db_alive() != PT_OK)
		return PT_EDB;
	/* The form without a query string is the same for every visitor but the token. */
	if (pt_pagecache_serve(req))
		return 200;
	pt_pagecache_keep(req, 0);
	if (pt_query(req, "bye") != NULL)
		pt_message(req, "success", "login.logged-out", NULL);
	if (pt_query(req, "expired") != NULL)
		pt_message(req, "info", "login.session-expired", NULL);
	if (pt_query(req, "reset") != NULL)
		pt_message(req, "success", "password.reset.done", NULL);
	return show_form(req, 200);
}

static int
record_attempt(struct pt_req *req, const char *email, int success)
{
	return pt_db_exec(req, &sql[SQL_ATTEMPT_INSERT],
	    PT_BINDS(pt_str(email), pt_str(req->remote_addr), pt_int(success)), NULL);
}

int
auth_login_throttled(struct pt_req *req, const char *email)
{
	int rc = pt_throttled(req, &sql[SQL_THROTTLE], email,
	    pt_conf_int("throttle", "account_failures", 5), pt_conf_int("throttle", "ip_failures", 20));

	if (rc == PT_ELIMIT)
		pt_log(req, PT_LOG_WARN, "login throttled for %s from %s", email, req->remote_addr);
	return rc;
}

int
auth_login_failed(struct pt_req *req, const char *email)
{
	return record_attempt(req, email, 0);
}

/* Everything a successful login changes, in one transaction with its audit row. */
static int
sign_in(struct pt_req *req, int64_t user_id, int64_t org_id, const char *email)
{
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_ATTEMPTS_CLEAR], PT_BINDS(pt_str(email)),
	    NULL)) != PT_OK ||
	    (rc = record_attempt(req, email, 1)) != PT_OK ||
	    (rc = pt_session_start(req, user_id)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_LOGIN_STAMP], PT_BINDS(pt_int(user_id)),
	    NULL)) != PT_OK ||
	    (rc = pt_audit_as(req, user_id, org_id, "login", "user",
	    pt_printf(req, "%lld", (long long)user_id), NULL, NULL)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return PT_OK;
}

static int
login(struct pt_req *req)
{
	const char *email = pt_email_normalise(req, pt_form(req, "email"));
	const char *password = pt_form(req, "password");
	struct pt_rows rows;
	int rc, invalid = 0;

	if (email == NULL)
		return PT_ENOMEM;
	if (*email == '\0') {
		pt_message(req, "error", "login.required.email", "email");
		invalid = 1;
	} else if (strlen(email) > PT_EMAIL_MAX_BYTES || !pt_valid(PT_V_EMAIL, email, strlen(email))) {
		pt_message(req, "error", "login.invalid.email", "email");
		invalid = 1;
	}
	if (password == NULL || *password == '\0') {
		pt_message(req, "error", "login.required.password", "password");
		invalid = 1;
	}
	if (invalid)
		return show_form(req, 422);
	rc = auth_login_throttled(req, email);
	if (rc == PT_ELIMIT) {
		pt_message(req, "error", "login.throttled", NULL);
		return show_form(req, 429);
	}
	if (rc != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_USER_BY_EMAIL], &rows,
	    PT_BINDS(pt_str(email)))) != PT_OK)
		return rc;
	if (rows.nrows != 1 || strlen(password) > PT_PASSWORD_MAX_BYTES ||
	    !pt_password_verify(password, pt_cell(&rows, 0, 2))) {
		if (rows.nrows != 1)
			pt_password_dummy(password);
		if ((rc = auth_login_failed(req, email)) != PT_OK)
			return rc;
		pt_message(req, "error", "login.failed", NULL);
		return show_form(req, 422);
	}
	if ((rc = sign_in(req, pt_cell_int(&rows, 0, 0), pt_cell_int(&rows, 0, 1), email)) != PT_OK)
		return rc;
	return pt_redirect(req, next_path(req));
}

static int
logout(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	int rc;

	if (u == NULL)
		return pt_redirect(req, "/auth/login");
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_audit(req, "logout", "user", pt_printf(req, "%lld", (long long)u->id),
	    NULL, NULL)) != PT_OK || (rc = pt_session_end(req)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return pt_redirect(req, "/auth/login?bye=1");
}

enum route { ROUTE_LOGIN_FORM, ROUTE_LOGIN, ROUTE_LOGOUT, ROUTE__MAX };

static const struct pt_route routes[ROUTE__MAX] = {
	[ROUTE_LOGIN_FORM] =	{ PT_GET,  "/auth/login",	login_form,	0, NULL },
	[ROUTE_LOGIN] =		{ PT_POST, "/auth/login",	login,		0, NULL },
	[ROUTE_LOGOUT] =	{ PT_POST, "/auth/logout",	logout,		0, NULL },
};

static const char *const views[] = { "login" };

const struct pt_group auth_login_group = PT_GROUP(routes, sql, views);
