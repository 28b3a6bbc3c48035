/*
 * The account page: a person's own profile, password, address and
 * sessions.  Every change is the signed-in user's own row, so every
 * statement is bound to req->session.user->id; a session id of someone
 * else answers 404 like one that does not exist.
 *
 * A new address is only used once its owner proves it: the change sends a
 * one-time link (token purpose "email", 24 h) to the new address; the
 * link's page shows a Confirm button whose POST applies it, whether or not
 * the browser is signed in (opening a link must not change anything: mail
 * scanners open them).
 * A password change voids every mailed link of the account (reset, address
 * change): whoever knew the old password may have asked for them.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"

enum account_sql {
	SQL_PROFILE,
	SQL_PROFILE_UPDATE,
	SQL_PASSWORD_UPDATE,
	SQL_SESSIONS,
	SQL_SESSIONS_END_OTHERS,
	SQL_SESSION_REVOKE,
	SQL_EMAIL_OWNER,
	SQL_EMAIL_TAKEN,
	SQL_EMAIL_UPDATE,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_PROFILE] = { "account_profile",
	    "SELECT name, email, phone, language, time_zone, notify_tickets, notify_orders,"
	    " notify_news, DATE_FORMAT(deletion_requested_at, '%Y-%m-%dT%H:%i:%sZ'), password_hash"
	    " FROM users WHERE id = ?" },
	[SQL_PROFILE_UPDATE] = { "account_profile_update",
	    "UPDATE users SET name = ?, phone = ?, language = ?, time_zone = ?,"
	    " notify_tickets = ?, notify_orders = ?, notify_news = ? WHERE id = ?" },
	[SQL_PASSWORD_UPDATE] = { "account_password_update",
	    "UPDATE users SET password_hash = ? WHERE id = ?" },
	[SQL_SESSIONS] = { "account_sessions",
	    "SELECT id, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'),"
	    " DATE_FORMAT(last_seen_at, '%Y-%m-%dT%H:%i:%sZ'), ip, user_agent"
	    " FROM sessions WHERE user_id = ? AND expires_at > UTC_TIMESTAMP(6)"
	    " AND last_seen_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND"
	    " ORDER BY last_seen_at DESC, id DESC LIMIT 100" },
	[SQL_SESSIONS_END_OTHERS] = { "account_sessions_end_others",
	    "DELETE FROM sessions WHERE user_id = ? AND id <> ?" },
	[SQL_SESSION_REVOKE] = { "account_session_revoke",
	    "DELETE FROM sessions WHERE id = ? AND user_id = ?" },
	[SQL_EMAIL_OWNER] = { "account_email_owner",
	    "SELECT u.id, u.org_id, u.email, u.name, u.language FROM users u"
	    " JOIN orgs o ON o.id = u.org_id"
	    " WHERE u.id = ? AND u.status = 'active' AND o.status = 'active'" },
	[SQL_EMAIL_TAKEN] = { "account_email_taken",
	    "SELECT COUNT(*) FROM users WHERE email = ? AND id <> ?" },
	[SQL_EMAIL_UPDATE] = { "account_email_update",
	    "UPDATE users SET email = ? WHERE id = ?" },
};

enum profile_col {
	P_NAME, P_EMAIL, P_PHONE, P_LANG, P_TZ, P_NTICKETS, P_NORDERS, P_NNEWS, P_DELETION,
	P_HASH
};

#define PHONE_MAX_CHARS 40	/* digits and + ( ) - / . space: one byte each */
#define EMAIL_TOKEN_TTL_S (24L * 3600)
#define LANG_COOKIE_MAX_AGE_S (365L * 24 * 3600)

/* The zones a person may choose: IANA names, enough for the customers we have. */
static const char *const time_zones[] = {
	"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris",
	"Europe/Brussels", "Europe/Amsterdam", "Europe/Luxembourg", "Europe/Berlin",
	"Europe/Zurich", "Europe/Vienna", "Europe/Rome", "Europe/Madrid", "Europe/Copenhagen",
	"Europe/Oslo", "Europe/Stockholm", "Europe/Helsinki", "Europe/Warsaw", "Europe/Prague",
	"Europe/Budapest", "Europe/Bucharest", "Europe/Athens", "Europe/Istanbul",
	"Europe/Kyiv", "America/New_York", "America/Chicago", "America/Denver",
	"America/Los_Angeles", "America/Toronto", "America/Mexico_City", "America/Sao_Paulo",
	"Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore",
	"Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
};

static const char *const notify_fields[] = { "notify_tickets", "notify_orders", "notify_news" };
static const char *const profile_fields[] = {
	"name", "phone", "language", "time_zone", "notify_tickets", "notify_orders", "notify_news"
};
static const char *const email_fields[] = { "new_email" };

static const char *
user_id_str(struct pt_req *req)
{
	return pt_printf(req, "%lld", (long long)req->session.user->id);
}

static int
known_zone(const char *tz)
{
	size_t i;

	for (i = 0; tz != NULL && i < PT_NELEM(time_zones); i++)
		if (strcmp(tz, time_zones[i]) == 0)
			return 1;
	return 0;
}

/* Digits, spaces and + ( ) - / . only, with at least three digits. */
static int
valid_phone(const char *s)
{
	size_t digits = 0;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (strchr("+()-/. ", *s) == NULL)
			return 0;
	}
	return digits >= 3;
}

static int
load_profile(struct pt_req *req, struct pt_rows *rows)
{
	int rc = pt_db_query(req, &sql[SQL_PROFILE], rows,
	    PT_BINDS(pt_int(req->session.user->id)));

	if (rc == PT_OK && rows->nrows != 1)
		rc = PT_ENOTFOUND;
	return rc;
}

/*
 * The account page: <account> with the stored profile, the time zones to
 * choose from and the open sessions.  On 422 the failing form's input is
 * echoed by the caller (/page/form[@name]), and the stylesheet prefers it.
 */
static int
show_account(struct pt_req *req, int status)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows p, s;
	xmlNodePtr acc, prof, zones, list, n;
	size_t i;
	int rc;

	if ((rc = load_profile(req, &p)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = pt_db_query(req, &sql[SQL_SESSIONS], &s,
	    PT_BINDS(pt_int(u->id), pt_int(pt_conf_int("site", "session_idle_min", 30) * 60)))) !=
	    PT_OK)
		return rc;
	acc = pt_node(req->page, "account", NULL);
	pt_attr(acc, "deletion-requested", pt_cell(&p, 0, P_DELETION));
	prof = pt_node(acc, "profile", NULL);
	pt_node(prof, "name", pt_cell(&p, 0, P_NAME));
	pt_node(prof, "email", pt_cell(&p, 0, P_EMAIL));
	pt_node(prof, "phone", pt_cell(&p, 0, P_PHONE));
	pt_node(prof, "language", pt_cell(&p, 0, P_LANG) != NULL ? pt_cell(&p, 0, P_LANG) : req->lang);
	pt_node(prof, "time_zone", pt_cell(&p, 0, P_TZ));
	pt_node(prof, "notify_tickets", pt_cell(&p, 0, P_NTICKETS));
	pt_node(prof, "notify_orders", pt_cell(&p, 0, P_NORDERS));
	pt_node(prof, "notify_news", pt_cell(&p, 0, P_NNEWS));
	zones = pt_node(acc, "time-zones", NULL);
	for (i = 0; i < PT_NELEM(time_zones); i++)
		pt_node(zones, "zone", time_zones[i]);
	list = pt_node(acc, "sessions", NULL);
	for (i = 0; i < s.nrows; i++) {
		n = pt_node(list, "session", NULL);
		pt_attr(n, "id", pt_cell(&s, i, 0));
		if (pt_cell_int(&s, i, 0) == req->session.id)
			pt_attr(n, "current", "1");
		pt_attr(n, "created", pt_cell(&s, i, 1));
		pt_attr(n, "last-seen", pt_cell(&s, i, 2));
		pt_attr(n, "ip", pt_cell(&s, i, 3));
		pt_node(n, "user-agent", pt_cell(&s, i, 4));
	}
	pt_limit(req, "name", PT_NAME_MAX_CHARS);
	pt_limit(req, "phone", PHONE_MAX_CHARS);
	req->view = "account";
	return status;
}

static int
account(struct pt_req *req)
{
	static const struct { const char *param, *value, *kind, *key; } notes[] = {
		{ "saved", "profile", "success", "account.profile.saved" },
		{ "saved", "password", "success", "account.password.saved" },
		{ "saved", "session", "success", "account.session.revoked" },
		{ "sent", "email", "info", "account.email.sent" },
	};
	size_t i;

	for (i = 0; i < PT_NELEM(notes); i++) {
		const char *v = pt_query(req, notes[i].param);

		if (v != NULL && strcmp(v, notes[i].value) == 0)
			pt_message(req, notes[i].kind, notes[i].key, NULL);
	}
	return show_account(req, 200);
}

/* Profile as a JSON object for the audit log. */
static const char *
profile_json(struct pt_req *req, const char *name, const char *phone, const char *lang,
    const char *tz, const char *nt, const char *no, const char *nn)
{
	return pt_printf(req, "{\"name\":%s,\"phone\":%s,\"language\":%s,\"time_zone\":%s,"
	    "\"notify_tickets\":%s,\"notify_orders\":%s,\"notify_news\":%s}",
	    pt_json_str(req, name), pt_json_str(req, phone), pt_json_str(req, lang),
	    pt_json_str(req, tz), nt, no, nn);
}

static int
save_profile(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *name = pt_form_trim(req, "name"), *phone = pt_form_trim(req, "phone");
	const char *lang = pt_language(pt_form(req, "language"));
	const char *tz = pt_form(req, "time_zone");
	const char *notify[3];
	struct pt_rows p;
	int invalid = 0, rc;
	size_t i;

	if (name == NULL || phone == NULL)
		return PT_ENOMEM;
	if (*name == '\0') {
		pt_message(req, "error", "account.name.required", "name");
		invalid = 1;
	} else if (!pt_valid(PT_V_NAME, name, strlen(name))) {
		pt_message_max(req, "account.name.invalid", "name", PT_NAME_MAX_CHARS);
		invalid = 1;
	}
	if (*phone != '\0' && (strlen(phone) > PHONE_MAX_CHARS || !valid_phone(phone))) {
		pt_message_max(req, "account.phone.invalid", "phone", PHONE_MAX_CHARS);
		invalid = 1;
	}
	if (lang == NULL) {
		pt_message(req, "error", "account.language.invalid", "language");
		invalid = 1;
	}
	if (!known_zone(tz)) {
		pt_message(req, "error", "account.time-zone.invalid", "time_zone");
		invalid = 1;
	}
	for (i = 0; i < 3; i++) {
		const char *v = pt_form(req, notify_fields[i]);

		notify[i] = v != NULL && strcmp(v, "1") == 0 ? "1" : "0";
		if (v != NULL && *v != '\0' && strcmp(v, "1") != 0 && strcmp(v, "0") != 0) {
			pt_message(req, "error", "account.notify.invalid", notify_fields[i]);
			invalid = 1;
		}
	}
	if (invalid) {
		pt_form_echo(req, "profile", profile_fields, PT_NELEM(profile_fields));
		return show_account(req, 422);
	}
	if ((rc = load_profile(req, &p)) != PT_OK)
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_PROFILE_UPDATE], PT_BINDS(pt_str(name),
	    pt_str(*phone != '\0' ? phone : NULL), pt_str(lang), pt_str(tz), pt_int(*notify[0] == '1'),
	    pt_int(*notify[1] == '1'), pt_int(*notify[2] == '1'), pt_int(u->id)), NULL)) != PT_OK ||
	    (rc = pt_audit(req, "user.profile", "user", user_id_str(req),
	    profile_json(req, pt_cell(&p, 0, P_NAME), pt_cell(&p, 0, P_PHONE),
	    pt_cell(&p, 0, P_LANG), pt_cell(&p, 0, P_TZ), pt_cell(&p, 0, P_NTICKETS),
	    pt_cell(&p, 0, P_NORDERS), pt_cell(&p, 0, P_NNEWS)),
	    profile_json(req, name, *phone != '\0' ? phone : NULL, lang, tz, notify[0], notify[1],
	    notify[2]))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	/* The signed-out pages (login after sign-out) follow the profile's language too. */
	if ((rc = pt_cookie_set(req, "portico_lang", lang, LANG_COOKIE_MAX_AGE_S, 1)) != PT_OK)
		return rc;
	return pt_redirect(req, "/auth/account?saved=profile");
}

/*
 * <data> for a mail (see xslt/mail/<template>.xsl): <name>, and
 * <new-email>, <link> and <ip> when given.  Freed with the request.
 */
static xmlNodePtr
mail_data(struct pt_req *req, const char *name, const char *new_email, const char *link,
    const char *ip)
{
	xmlNodePtr d = pt_mail_data(req);

	if (d == NULL)
		return NULL;
	pt_node(d, "name", name);
	if (new_email != NULL)
		pt_node(d, "new-email", new_email);
	if (link != NULL)
		pt_node(d, "link", link);
	if (ip != NULL)
		pt_node(d, "ip", ip);
	return d;
}

/*
 * The current password typed into field: 1 if it is the user's, else 0
 * with a message on the field.  A wrong one is a failed login of the
 * account, so a borrowed session guesses no faster than the login form;
 * *rc is set on a database error.
 */
static int
current_password_ok(struct pt_req *req, const struct pt_rows *p, const char *field, int *rc)
{
	const char *current = pt_form(req, field);

	if (current == NULL || *current == '\0') {
		pt_message(req, "error", "account.current-password.required", field);
		return 0;
	}
	if (strlen(current) <= PT_PASSWORD_MAX_BYTES &&
	    pt_password_verify(current, pt_cell(p, 0, P_HASH)))
		return 1;
	*rc = auth_login_failed(req, pt_cell(p, 0, P_EMAIL));
	pt_message(req, "error", "account.current-password.wrong", field);
	return 0;
}

/*
 * Past the login throttle of the account, the forms that ask for the
 * current password answer 429, even with the right one.  PT_OK to go on.
 */
static int
throttled(struct pt_req *req, const struct pt_rows *p, int *status)
{
	int rc = auth_login_throttled(req, pt_cell(p, 0, P_EMAIL));

	if (rc == PT_ELIMIT) {
		pt_message(req, "error", "login.throttled", NULL);
		*status = show_account(req, 429);
	}
	return rc;
}

static int
change_password(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *pw = pt_form(req, "password"), *again = pt_form(req, "password2"), *rule;
	char hash[128];
	unsigned long long ended = 0;
	struct pt_rows p;
	int rc, ok, status;

	if ((rc = load_profile(req, &p)) != PT_OK)
		return rc;
	if ((rc = throttled(req, &p, &status)) != PT_OK)
		return rc == PT_ELIMIT ? status : rc;
	ok = current_password_ok(req, &p, "current_password", &rc);
	if (rc != PT_OK)
		return rc;
	if ((rule = pt_password_rule(pw, pt_cell(&p, 0, P_EMAIL))) != NULL) {
		pt_message(req, "error", rule, "password");
		ok = 0;
	} else if (again == NULL || strcmp(pw, again) != 0) {
		pt_message(req, "error", "password.mismatch", "password2");
		ok = 0;
	}
	if (!ok)
		return show_account(req, 422);
	if (pt_password_hash(pw, hash, sizeof(hash)) != PT_OK)
		return PT_ESYS;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_PASSWORD_UPDATE], PT_BINDS(pt_str(hash),
	    pt_int(u->id)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_SESSIONS_END_OTHERS], PT_BINDS(pt_int(u->id),
	    pt_int(req->session.id)), &ended)) != PT_OK ||
	    (rc = pt_token_void(req, u->id, NULL)) != PT_OK ||
	    (rc = pt_audit(req, "user.password", "user", user_id_str(req), NULL,
	    pt_printf(req, "{\"other_sessions_ended\":%llu}", ended))) != PT_OK ||
	    (rc = pt_mail_queue(req, "password-changed", pt_cell(&p, 0, P_EMAIL),
	    pt_cell(&p, 0, P_NAME), u->lang != NULL ? u->lang : req->lang,
	    mail_data(req, pt_cell(&p, 0, P_NAME), NULL,
	    pt_printf(req, "%s/auth/password/forgot", pt_base_url()), req->remote_addr))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return pt_redirect(req, "/auth/account?saved=password");
}

/*
 * Ask for a new address: the current password proves it is the owner at
 * the keyboard, the mail to the new address that it is theirs.  Whether
 * the address belongs to someone else is told only when the link is used,
 * so this form answers the same for every well-formed address.
 */
static int
change_email(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *email = pt_email_normalise(req, pt_form(req, "new_email"));
	char token[65];
	struct pt_rows p;
	int rc, ok = 1, status;

	if (email == NULL)
		return PT_ENOMEM;
	if ((rc = load_profile(req, &p)) != PT_OK)
		return rc;
	pt_form_echo(req, "email", email_fields, PT_NELEM(email_fields));
	if ((rc = throttled(req, &p, &status)) != PT_OK)
		return rc == PT_ELIMIT ? status : rc;
	if (*email == '\0') {
		pt_message(req, "error", "account.email.required", "new_email");
		ok = 0;
	} else if (strlen(email) > PT_EMAIL_MAX_BYTES || !pt_valid(PT_V_EMAIL, email, strlen(email))) {
		pt_message(req, "error", "account.email.invalid", "new_email");
		ok = 0;
	} else if (strcmp(email, pt_cell(&p, 0, P_EMAIL)) == 0) {
		pt_message(req, "error", "account.email.same", "new_email");
		ok = 0;
	}
	if (!current_password_ok(req, &p, "email_password", &rc))
		ok = 0;
	if (rc != PT_OK)
		return rc;
	if (!ok)
		return show_account(req, 422);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	/* Only the newest request's link works: one pending address at a time. */
	if ((rc = pt_token_void(req, u->id, "email")) != PT_OK ||
	    (rc = pt_token_create(req, u->id, "email", email, EMAIL_TOKEN_TTL_S, token)) != PT_OK ||
	    (rc = pt_audit(req, "user.email-requested", "user", user_id_str(req),
	    pt_printf(req, "{\"email\":%s}", pt_json_str(req, pt_cell(&p, 0, P_EMAIL))),
	    pt_printf(req, "{\"email\":%s}", pt_json_str(req, email)))) != PT_OK ||
	    (rc = pt_mail_queue(req, "email-confirm", email, pt_cell(&p, 0, P_NAME),
	    u->lang != NULL ? u->lang : req->lang, mail_data(req, pt_cell(&p, 0, P_NAME), email,
	    pt_printf(req, "%s/auth/account/email/confirm?token=%s", pt_base_url(), token),
	    NULL))) !=
	    PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return pt_redirect(req, "/auth/account?sent=email");
}

/*
 * The confirmation link's page: <email-confirm result="..."> in view
 * email-confirm, with the new address and, for the Confirm form, the token.
 */
static int
confirm_result(struct pt_req *req, int status, const char *result, const char *email,
    const char *token)
{
	xmlNodePtr n = pt_node(req->page, "email-confirm", NULL);

	pt_attr(n, "result", result);
	if (email != NULL)
		pt_node(n, "email", email);
	if (token != NULL)
		pt_node(n, "token", token);
	req->view = "email-confirm";
	return status;
}

enum owner_col { O_ID, O_ORG, O_EMAIL, O_NAME, O_LANG };

/*
 * What a confirmation link stands for, without using it: PT_OK with its
 * user (owner, enum owner_col), the new address and whether another
 * account has that address by now; PT_ENOTFOUND for a link that does not
 * work (unknown, used, expired, or its user is no longer active).
 */
static int
email_link(struct pt_req *req, const char *token, struct pt_rows *owner, const char **email,
    int *taken)
{
	int64_t user_id = 0;
	struct pt_rows t;
	int rc;

	*email = NULL;
	if ((rc = pt_token_check(req, "email", token, 0, &user_id, email)) != PT_OK)
		return rc;
	if (*email == NULL)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_EMAIL_OWNER], owner, PT_BINDS(pt_int(user_id)))) !=
	    PT_OK)
		return rc;
	if (owner->nrows != 1)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_EMAIL_TAKEN], &t,
	    PT_BINDS(pt_str(*email), pt_int(user_id)))) != PT_OK)
		return rc;
	*taken = pt_cell_int(&t, 0, 0) != 0;
	return PT_OK;
}

/*
 * GET of the mailed link: the new address and a Confirm button.  Opening
 * the link changes nothing, so a mail scanner that fetches every link
 * confirms nothing.  ?confirmed=1 is where the POST sends the browser.
 */
static int
confirm_page(struct pt_req *req)
{
	const char *token = pt_query(req, "token"), *email;
	struct pt_rows owner;
	int rc, taken = 0;

	if (token == NULL && pt_query(req, "confirmed") != NULL)
		return confirm_result(req, 200, "ok", NULL, NULL);
	rc = email_link(req, token, &owner, &email, &taken);
	if (rc == PT_ENOTFOUND)
		return confirm_result(req, 404, "invalid", NULL, NULL);
	if (rc != PT_OK)
		return rc;
	if (taken)
		return confirm_result(req, 422, "taken", email, NULL);
	return confirm_result(req, 200, "confirm", email, token);
}

/*
 * POST of the Confirm button (token; the visitor's CSRF token, signed in
 * or not): the address changes, the link is used, and the account's other
 * mailed links (reset, address change) are voided; the old address is told.
 */
static int
confirm_email(struct pt_req *req)
{
	const char *token = pt_form(req, "token"), *email;
	struct pt_rows owner;
	int64_t user_id;
	int rc, taken = 0;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = email_link(req, token, &owner, &email, &taken);
	/* Use the token now: of two requests racing with it, one gets here. */
	if (rc == PT_OK && !taken)
		rc = pt_token_check(req, "email", token, 1, NULL, NULL);
	if (rc == PT_ENOTFOUND || (rc == PT_OK && taken)) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? confirm_result(req, 404, "invalid", NULL, NULL) :
		    confirm_result(req, 422, "taken", email, NULL);
	}
	if (rc != PT_OK)
		goto fail;
	user_id = pt_cell_int(&owner, 0, O_ID);
	if ((rc = pt_db_exec(req, &sql[SQL_EMAIL_UPDATE], PT_BINDS(pt_str(email),
	    pt_int(user_id)), NULL)) == PT_EDUP) {
		/* Taken since the look above: the token stays unused with the rollback. */
		pt_db_rollback(req);
		return confirm_result(req, 422, "taken", email, NULL);
	}
	if (rc != PT_OK ||
	    (rc = pt_token_void(req, user_id, "reset,email")) != PT_OK ||
	    (rc = pt_audit_as(req, user_id, pt_cell_int(&owner, 0, O_ORG), "user.email", "user",
	    pt_cell(&owner, 0, O_ID),
	    pt_printf(req, "{\"email\":%s}", pt_json_str(req, pt_cell(&owner, 0, O_EMAIL))),
	    pt_printf(req, "{\"email\":%s}", pt_json_str(req, email)))) != PT_OK ||
	    (rc = pt_mail_queue(req, "email-changed", pt_cell(&owner, 0, O_EMAIL),
	    pt_cell(&owner, 0, O_NAME),
	    pt_cell(&owner, 0, O_LANG) != NULL ? pt_cell(&owner, 0, O_LANG) : req->lang,
	    mail_data(req, pt_cell(&owner, 0, O_NAME), email,
	    pt_printf(req, "%s/auth/password/forgot", pt_base_url()), NULL))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/auth/account/email/confirm?confirmed=1");
fail:
	pt_db_rollback(req);
	return rc;
}

/*
 * End one of the user's own sessions.  Ending the current one is signing
 * out; another user's session id is not found.
 */
static int
revoke_session(struct pt_req *req)
{
	const char *id = req->caps[1];
	unsigned long long gone = 0;
	long long sid;
	int rc;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return pt_error_page(req, 404, NULL);
	sid = strtoll(id, NULL, 10);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_SESSION_REVOKE], PT_BINDS(pt_int(sid),
	    pt_int(req->session.user->id)), &gone)) != PT_OK)
		goto fail;
	if (gone != 1) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	if ((rc = pt_audit(req, "session.revoke", "session", id, NULL, NULL)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	if (sid == req->session.id) {
		/* The row is gone already; this clears the cookie. */
		req->session.id = 0;
		if ((rc = pt_session_end(req)) != PT_OK)
			return rc;
		return pt_redirect(req, "/auth/login?bye=1");
	}
	return pt_redirect(req, "/auth/account?saved=session");
fail:
	pt_db_rollback(req);
	return rc;
}

enum route {
	ROUTE_ACCOUNT, ROUTE_PROFILE, ROUTE_PASSWORD, ROUTE_EMAIL, ROUTE_EMAIL_CONFIRM_PAGE,
	ROUTE_EMAIL_CONFIRM, ROUTE_REVOKE, ROUTE__MAX
};

static const struct pt_route routes[ROUTE__MAX] = {
	[ROUTE_ACCOUNT] =	{ PT_GET,  "/auth/account",		account,	PT_R_LOGIN, NULL },
	[ROUTE_PROFILE] =	{ PT_POST, "/auth/account/profile",	save_profile,	PT_R_LOGIN, NULL },
	[ROUTE_PASSWORD] =	{ PT_POST, "/auth/account/password",	change_password, PT_R_LOGIN, NULL },
	[ROUTE_EMAIL] =		{ PT_POST, "/auth/account/email",	change_email,	PT_R_LOGIN, NULL },
	[ROUTE_EMAIL_CONFIRM_PAGE] = { PT_GET, "/auth/account/email/confirm", confirm_page, 0, NULL },
	[ROUTE_EMAIL_CONFIRM] =	{ PT_POST, "/auth/account/email/confirm", confirm_email, 0, NULL },
	[ROUTE_REVOKE] =	{ PT_POST, "/auth/account/sessions/(\\d+)/revoke", revoke_session,
				  PT_R_LOGIN, NULL },
};

static const char *const views[] = { "account", "email-confirm" };

const struct pt_group auth_account_group = PT_GROUP(routes, sql, views);
