/*
 * One-time tokens for links sent by mail (password reset, invitation,
 * email confirmation).  Like session tokens, only their SHA-256 is stored;
 * a token works once and until it expires, and is voided (marked used)
 * when what it protects changes: see pt_token_void.
 *
 * An invitation is such a link in the mail "invite": the auth worker's
 * people pages send it, and so does portico-flowd's action user.invite
 * for the admin of a new customer org (customer-onboarding.bpmn).
 */
#include <string.h>

#include "extern.h"

enum token_sql { SQL_TOKEN_INSERT, SQL_TOKEN_FIND, SQL_TOKEN_USE, SQL_TOKEN_VOID, SQL__MAX };

const struct pt_sql pt_token_sql[SQL__MAX] = {
	[SQL_TOKEN_INSERT] = { "token_insert",
	    "INSERT INTO user_tokens (token_hash, user_id, purpose, data, created_at, expires_at)"
	    " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL ? SECOND)" },
	[SQL_TOKEN_FIND] = { "token_find",
	    "SELECT id, user_id, data FROM user_tokens WHERE token_hash = ? AND purpose = ?"
	    " AND used_at IS NULL AND expires_at > UTC_TIMESTAMP(6)" },
	[SQL_TOKEN_USE] = { "token_use",
	    "UPDATE user_tokens SET used_at = UTC_TIMESTAMP(6) WHERE id = ? AND used_at IS NULL" },
	/* Binds: user, purposes ('' for all, else a comma-separated list) twice. */
	[SQL_TOKEN_VOID] = { "token_void",
	    "UPDATE user_tokens SET used_at = UTC_TIMESTAMP(6) WHERE user_id = ? AND used_at IS NULL"
	    " AND (? = '' OR FIND_IN_SET(purpose, ?) > 0)" },
};
const size_t pt_token_nsql = SQL__MAX;

int
pt_token_create(struct pt_req *req, int64_t user_id, const char *purpose, const char *data,
    long ttl_s, char out[65])
{
	unsigned char hash[32];

	if (pt_random_hex(out, 32) != PT_OK)
		return PT_ESYS;
	pt_sha256(out, 64, hash);
	return pt_db_exec(req, &pt_token_sql[SQL_TOKEN_INSERT],
	    PT_BINDS(pt_blob(hash, sizeof(hash)), pt_int(user_id), pt_str(purpose), pt_str(data),
	    pt_int(ttl_s)), NULL);
}

int
pt_token_check(struct pt_req *req, const char *purpose, const char *token, int consume,
    int64_t *user_id, const char **data)
{
	unsigned char hash[32];
	unsigned long long used = 0;
	struct pt_rows rows;
	int rc;

	if (token == NULL || !pt_valid(PT_V_TOKEN, token, strlen(token)))
		return PT_ENOTFOUND;
	pt_sha256(token, 64, hash);
	if ((rc = pt_db_query(req, &pt_token_sql[SQL_TOKEN_FIND], &rows,
	    PT_BINDS(pt_blob(hash, sizeof(hash)), pt_str(purpose)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return PT_ENOTFOUND;
	if (consume) {
		if ((rc = pt_db_exec(req, &pt_token_sql[SQL_TOKEN_USE],
		    PT_BINDS(pt_int(pt_cell_int(&rows, 0, 0))), &used)) != PT_OK)
			return rc;
		if (used != 1)
			return PT_ENOTFOUND;	/* another request used it a moment ago */
	}
	if (user_id != NULL)
		*user_id = pt_cell_int(&rows, 0, 1);
	if (data != NULL)
		*data = pt_cell(&rows, 0, 2);
	return PT_OK;
}

int
pt_token_void(struct pt_req *req, int64_t user_id, const char *purposes)
{
	if (purposes == NULL)
		purposes = "";
	return pt_db_exec(req, &pt_token_sql[SQL_TOKEN_VOID],
	    PT_BINDS(pt_int(user_id), pt_str(purposes), pt_str(purposes)), NULL);
}

int
pt_invite_send(struct pt_req *req, int64_t user_id, const char *email, const char *name,
    const char *org_name, const char *lang, const char *inviter)
{
	char token[65];
	xmlNodePtr data;
	int rc;

	if ((rc = pt_token_create(req, user_id, "invite", NULL, PT_INVITE_TTL_DAYS * 86400L,
	    token)) != PT_OK)
		return rc;
	if ((data = pt_mail_data(req)) == NULL)
		return PT_ENOMEM;
	pt_node(data, "inviter", inviter);
	pt_node(data, "org", org_name);
	pt_node(data, "link", pt_printf(req, "%s/auth/invite?token=%s", pt_base_url(), token));
	pt_node(data, "expires-days", pt_printf(req, "%d", PT_INVITE_TTL_DAYS));
	return pt_mail_queue(req, "invite", email, name, lang, data);
}
