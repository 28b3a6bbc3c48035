/*
 * Setting a password from a mailed link: the forgotten-password request,
 * the reset form, and the acceptance of an invitation (the invitee's first
 * password).  Both forms are one view, "password-set".
 *
 * The request form answers the same for every well-formed address, known
 * or not, and is limited per address and per client IP like sign-in; only
 * an active user gets a mail.  A link works once (the token is used in the
 * transaction of the change) and until it expires; a new reset link voids
 * the older ones, and setting the password voids every other link of the
 * account (reset, address change), so no stale mail still opens it.
 *
 * An accepted invitation that a process waits for (the onboarding of a new
 * customer org, processes/customer-onboarding.bpmn, waits for the admin it
 * invited: the instance's admin_email) sends the message
 * user.invitation_accepted on the org's id in the acceptance's transaction.
 */
#include <string.h>

#include "auth.h"

enum password_sql {
	SQL_RESET_USER,
	SQL_THROTTLE,
	SQL_REQUEST_INSERT,
	SQL_TOKEN_USER,
	SQL_RESET_PASSWORD,
	SQL_ACCEPT_INVITE,
	SQL_SESSIONS_END_ALL,
	SQL_LOGIN_STAMP,
	SQL_ONBOARDING_WAITS,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_RESET_USER] = { "reset_user",
	    "SELECT u.id, u.org_id, u.name, u.language FROM users u JOIN orgs o ON o.id = u.org_id"
	    " WHERE u.email = ? AND u.status = 'active' AND o.status = 'active'" },
	[SQL_THROTTLE] = { "reset_throttle",
	    "SELECT (SELECT COUNT(*) FROM password_reset_requests WHERE email = ?"
	    "   AND requested_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND),"
	    " (SELECT COUNT(*) FROM password_reset_requests WHERE ip = ?"
	    "   AND requested_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND)" },
	[SQL_REQUEST_INSERT] = { "reset_request_insert",
	    "INSERT INTO password_reset_requests (email, ip, requested_at)"
	    " VALUES (?, ?, UTC_TIMESTAMP(6))" },
	[SQL_TOKEN_USER] = { "token_user",
	    "SELECT u.id, u.org_id, u.email, u.name, u.language, u.status, o.name"
	    " FROM users u JOIN orgs o ON o.id = u.org_id"
	    " WHERE u.id = ? AND o.status = 'active'" },
	[SQL_RESET_PASSWORD] = { "reset_password",
	    "UPDATE users SET password_hash = ? WHERE id = ? AND status = 'active'" },
	[SQL_ACCEPT_INVITE] = { "accept_invite",
	    "UPDATE users SET password_hash = ?, status = 'active' WHERE id = ? AND status = 'invited'" },
	[SQL_SESSIONS_END_ALL] = { "sessions_end_all",
	    "DELETE FROM sessions WHERE user_id = ?" },
	[SQL_LOGIN_STAMP] = { "invite_login_stamp",
	    "UPDATE users SET previous_login_at = last_login_at,"
	    " last_login_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* An instance waits for the acceptance of the org's admin.  Binds: org id (text), email. */
	[SQL_ONBOARDING_WAITS] = { "invite_onboarding_waits",
	    "SELECT 1 FROM flow_subscriptions s JOIN flow_variables v ON v.instance_id = s.instance_id"
	    " AND v.name = 'admin_email' WHERE s.message = 'user.invitation_accepted'"
	    " AND s.business_key = ? AND s.instance_id IS NOT NULL AND v.value = ? LIMIT 1" },
};

enum token_user_col { T_ID, T_ORG, T_EMAIL, T_NAME, T_LANG, T_STATUS, T_ORGNAME };

#define RESET_TTL_S (60L * 60)

static const char *const forgot_fields[] = { "email" };

/*
 * What a link is for: its token purpose, the status its user must have,
 * and where its form posts.
 */
struct purpose {
	const char	*name;		/* token purpose and <password-form purpose> */
	const char	*user_status;
	const char	*action;
};

static const struct purpose reset_purpose = { "reset", "active", "/auth/password/reset" };
static const struct purpose invite_purpose = { "invite", "invited", "/auth/invite" };

/* ---- the request for a link ------------------------------------------- */

static int
forgot_form(struct pt_req *req, int status)
{
	pt_form_echo(req, "forgot", forgot_fields, PT_NELEM(forgot_fields));
	req->view = "password-forgot";
	return status;
}

static int
forgot(struct pt_req *req)
{
	if (pt_query(req, "sent") != NULL)
		pt_message(req, "info", "password.forgot.sent", NULL);
	return forgot_form(req, 200);
}

/*
 * Record the request and, for an active user, mint the token and queue the
 * mail, all in one transaction.  Unknown addresses take the same path up to
 * the lookup, and the answer (303 to ?sent=1) is the same.
 */
static int
forgot_post(struct pt_req *req)
{
	const char *email = pt_email_normalise(req, pt_form(req, "email"));
	char token[65];
	struct pt_rows user;
	xmlNodePtr data;
	int rc;

	if (email == NULL)
		return PT_ENOMEM;
	if (*email == '\0') {
		pt_message(req, "error", "password.forgot.required", "email");
		return forgot_form(req, 422);
	}
	if (strlen(email) > PT_EMAIL_MAX_BYTES || !pt_valid(PT_V_EMAIL, email, strlen(email))) {
		pt_message(req, "error", "password.forgot.invalid", "email");
		return forgot_form(req, 422);
	}
	rc = pt_throttled(req, &sql[SQL_THROTTLE], email,
	    pt_conf_int("throttle", "reset_per_address", 5), pt_conf_int("throttle", "reset_per_ip", 20));
	if (rc == PT_ELIMIT) {
		pt_log(req, PT_LOG_WARN, "password reset throttled for %s from %s", email,
		    req->remote_addr);
		pt_message(req, "error", "password.forgot.throttled", NULL);
		return forgot_form(req, 429);
	}
	if (rc != PT_OK)
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_REQUEST_INSERT],
	    PT_BINDS(pt_str(email), pt_str(req->remote_addr)), NULL)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_RESET_USER], &user, PT_BINDS(pt_str(email)))) != PT_OK)
		goto fail;
	if (user.nrows == 1) {
		const char *lang = pt_cell(&user, 0, 3) != NULL ? pt_cell(&user, 0, 3) : req->lang;

		if ((rc = pt_token_void(req, pt_cell_int(&user, 0, 0), "reset")) != PT_OK ||
		    (rc = pt_token_create(req, pt_cell_int(&user, 0, 0), "reset", NULL, RESET_TTL_S,
		    token)) != PT_OK)
			goto fail;
		data = pt_mail_data(req);
		pt_node(data, "name", pt_cell(&user, 0, 2));
		pt_node(data, "link", pt_printf(req, "%s/auth/password/reset?token=%s",
		    pt_base_url(), token));
		pt_node(data, "expires-minutes", pt_printf(req, "%ld", RESET_TTL_S / 60));
		if ((rc = pt_mail_queue(req, "reset", email, pt_cell(&user, 0, 2), lang, data)) != PT_OK ||
		    (rc = pt_audit_as(req, pt_cell_int(&user, 0, 0), pt_cell_int(&user, 0, 1),
		    "user.reset-requested", "user", pt_cell(&user, 0, 0), NULL, NULL)) != PT_OK)
			goto fail;
	}
	if ((rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/auth/password/forgot?sent=1");
fail:
	pt_db_rollback(req);
	return rc;
}

/* ---- the form behind a link -------------------------------------------- */

/*
 * The user a link stands for, if the token is valid for the purpose and
 * the user has the status the purpose needs.  PT_ENOTFOUND otherwise.
 */
static int
link_user(struct pt_req *req, const struct purpose *pp, const char *token, int consume,
    struct pt_rows *user)
{
	int64_t user_id;
	int rc;

	if ((rc = pt_token_check(req, pp->name, token, consume, &user_id, NULL)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_TOKEN_USER], user, PT_BINDS(pt_int(user_id)))) != PT_OK)
		return rc;
	if (user->nrows != 1 || strcmp(pt_cell(user, 0, T_STATUS), pp->user_status) != 0)
		return PT_ENOTFOUND;
	return PT_OK;
}

/* View password-set: <password-form purpose state action> with the link's user. */
static int
show_password_form(struct pt_req *req, const struct purpose *pp, int status,
    const char *token, const struct pt_rows *user)
{
	xmlNodePtr f = pt_node(req->page, "password-form", NULL);

	pt_attr(f, "purpose", pp->name);
	pt_attr(f, "action", pp->action);
	pt_attr(f, "state", user != NULL ? "form" : "invalid");
	if (user != NULL) {
		pt_node(f, "token", token);
		pt_node(f, "email", pt_cell(user, 0, T_EMAIL));
		pt_node(f, "name", pt_cell(user, 0, T_NAME));
		pt_node(f, "org", pt_cell(user, 0, T_ORGNAME));
	}
	req->view = "password-set";
	return status;
}

static int
link_form(struct pt_req *req, const struct purpose *pp)
{
	const char *token = pt_query(req, "token");
	struct pt_rows user;
	int rc = link_user(req, pp, token, 0, &user);

	if (rc == PT_ENOTFOUND)
		return show_password_form(req, pp, 404, NULL, NULL);
	if (rc != PT_OK)
		return rc;
	return show_password_form(req, pp, 200, token, &user);
}

static int
reset_form(struct pt_req *req)
{
	return link_form(req, &reset_purpose);
}

static int
invite_form(struct pt_req *req)
{
	return link_form(req, &invite_purpose);
}

/* Tell the process that waits for this acceptance, if one does (see the top). */
static int
accepted(struct pt_req *req, int64_t uid, int64_t org, const char *email)
{
	const char *key = pt_printf(req, "%lld", (long long)org);
	struct pt_flow_var vars[] = { PT_FLOW_NUM("admin_user_id", (double)uid) };
	struct pt_rows rows;
	int rc;

	if (key == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_ONBOARDING_WAITS], &rows, PT_BINDS(pt_str(key),
	    pt_str(email)))) != PT_OK || rows.nrows == 0)
		return rc;
	return pt_flow_message(req, "user.invitation_accepted", key, uid, vars, PT_NELEM(vars));
}

/*
 * Set the password of the link's user.  A reset ends every session of the
 * user and sends to the login page; an invitation activates the user and
 * signs them in.
 */
static int
link_post(struct pt_req *req, const struct purpose *pp)
{
	const char *token = pt_form(req, "token");
	const char *pw = pt_form(req, "password"), *again = pt_form(req, "password2");
	int invite = pp == &invite_purpose;
	unsigned long long changed = 0;
	struct pt_rows user;
	char hash[128];
	int64_t uid, org;
	const char *uid_s, *lang, *rule;
	int rc;

	rc = link_user(req, pp, token, 0, &user);
	if (rc == PT_ENOTFOUND)
		return show_password_form(req, pp, 404, NULL, NULL);
	if (rc != PT_OK)
		return rc;
	rule = pt_password_rule(pw, pt_cell(&user, 0, T_EMAIL));
	if (rule != NULL || again == NULL || strcmp(pw, again) != 0) {
		if (rule != NULL)
			pt_message(req, "error", rule, "password");
		else
			pt_message(req, "error", "password.mismatch", "password2");
		return show_password_form(req, pp, 422, token, &user);
	}
	if (pt_password_hash(pw, hash, sizeof(hash)) != PT_OK)
		return PT_ESYS;
	uid = pt_cell_int(&user, 0, T_ID);
	org = pt_cell_int(&user, 0, T_ORG);
	uid_s = pt_cell(&user, 0, T_ID);
	lang = pt_cell(&user, 0, T_LANG) != NULL ? pt_cell(&user, 0, T_LANG) : req->lang;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	/* Use the token now: of two requests racing with it, one gets here. */
	rc = link_user(req, pp, token, 1, &user);
	if (rc == PT_OK)
		rc = pt_db_exec(req, &sql[invite ? SQL_ACCEPT_INVITE : SQL_RESET_PASSWORD],
		    PT_BINDS(pt_str(hash), pt_int(uid)), &changed);
	if (rc == PT_ENOTFOUND || (rc == PT_OK && changed != 1)) {
		pt_db_rollback(req);
		return show_password_form(req, pp, 404, NULL, NULL);
	}
	if (rc != PT_OK || (rc = pt_token_void(req, uid, NULL)) != PT_OK)
		goto fail;
	if (invite) {
		if ((rc = pt_session_start(req, uid)) != PT_OK ||
		    (rc = pt_db_exec(req, &sql[SQL_LOGIN_STAMP], PT_BINDS(pt_int(uid)), NULL)) != PT_OK ||
		    (rc = pt_audit_as(req, uid, org, "user.invite-accepted", "user", uid_s,
		    "{\"status\":\"invited\"}", "{\"status\":\"active\"}")) != PT_OK ||
		    (rc = accepted(req, uid, org, pt_cell(&user, 0, T_EMAIL))) != PT_OK ||
		    (rc = pt_db_commit(req)) != PT_OK)
			goto fail;
		return pt_redirect(req, "/");
	}
	{
		xmlNodePtr data = pt_mail_data(req);

		pt_node(data, "name", pt_cell(&user, 0, T_NAME));
		pt_node(data, "link", pt_printf(req, "%s/auth/password/forgot", pt_base_url()));
		pt_node(data, "ip", req->remote_addr);
		if ((rc = pt_db_exec(req, &sql[SQL_SESSIONS_END_ALL], PT_BINDS(pt_int(uid)),
		    NULL)) != PT_OK ||
		    (rc = pt_audit_as(req, uid, org, "user.password-reset", "user", uid_s, NULL,
		    NULL)) != PT_OK ||
		    (rc = pt_mail_queue(req, "password-changed", pt_cell(&user, 0, T_EMAIL),
		    pt_cell(&user, 0, T_NAME), lang, data)) != PT_OK ||
		    (rc = pt_db_commit(req)) != PT_OK)
			goto fail;
	}
	/* The browser may hold a session of this user: it ended with the others. */
	if (req->session.user != NULL && req->session.user->id == uid) {
		req->session.id = 0;
		if ((rc = pt_session_end(req)) != PT_OK)
			return rc;
	}
	return pt_redirect(req, "/auth/login?reset=1");
fail:
	pt_db_rollback(req);
	return rc;
}

static int
reset_post(struct pt_req *req)
{
	return link_post(req, &reset_purpose);
}

static int
invite_post(struct pt_req *req)
{
	return link_post(req, &invite_purpose);
}

enum route {
	ROUTE_FORGOT, ROUTE_FORGOT_POST, ROUTE_RESET, ROUTE_RESET_POST, ROUTE_INVITE,
	ROUTE_INVITE_POST, ROUTE__MAX
};

static const struct pt_route routes[ROUTE__MAX] = {
	[ROUTE_FORGOT] =	{ PT_GET,  "/auth/password/forgot",	forgot,		0, NULL },
	[ROUTE_FORGOT_POST] =	{ PT_POST, "/auth/password/forgot",	forgot_post,	0, NULL },
	[ROUTE_RESET] =		{ PT_GET,  "/auth/password/reset",	reset_form,	0, NULL },
	[ROUTE_RESET_POST] =	{ PT_POST, "/auth/password/reset",	reset_post,	0, NULL },
	[ROUTE_INVITE] =	{ PT_GET,  "/auth/invite",		invite_form,	0, NULL },
	[ROUTE_INVITE_POST] =	{ PT_POST, "/auth/invite",		invite_post,	0, NULL },
};

static const char *const views[] = { "password-forgot", "password-set" };

const struct pt_group auth_password_group = PT_GROUP(routes, sql, views);
