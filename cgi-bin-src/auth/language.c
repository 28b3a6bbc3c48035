/*
 * The language switcher: a form, so it works without JavaScript.  The
 * choice is kept in a cookie for everyone and in the profile for a signed-in
 * user, where it then wins over the browser's Accept-Language.
 */
#include <string.h>

#include "auth.h"

#define LANG_COOKIE_MAX_AGE_S (365L * 24 * 3600)

enum language_sql { SQL_SET_LANGUAGE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_SET_LANGUAGE] = { "set_language",
	    "UPDATE users SET language = ? WHERE id = ?" },
};

static int
set_language(struct pt_req *req)
{
	const char *lang = pt_form(req, "lang"), *next = pt_form(req, "next");
	const char *const *langs;
	const struct pt_user *u = req->session.user;
	size_t n, i;
	int rc;

	langs = pt_languages(&n);
	for (i = 0; lang != NULL && i < n; i++)
		if (strcmp(lang, langs[i]) == 0)
			break;
	if (lang == NULL || i == n)
		return pt_error_page(req, 400, "error.bad-request");
	if ((rc = pt_cookie_set(req, "portico_lang", langs[i], LANG_COOKIE_MAX_AGE_S, 1)) != PT_OK)
		return rc;
	if (u != NULL) {
		if ((rc = pt_db_begin(req)) != PT_OK)
			return rc;
		if ((rc = pt_db_exec(req, &sql[SQL_SET_LANGUAGE],
		    PT_BINDS(pt_str(langs[i]), pt_int(u->id)), NULL)) != PT_OK ||
		    (rc = pt_audit(req, "user.language", "user", pt_printf(req, "%lld",
		    (long long)u->id), pt_printf(req, "{\"language\":\"%s\"}", u->lang != NULL ?
		    u->lang : ""), pt_printf(req, "{\"language\":\"%s\"}", langs[i]))) != PT_OK ||
		    (rc = pt_db_commit(req)) != PT_OK) {
			pt_db_rollback(req);
			return rc;
		}
	}
	return pt_redirect(req, next != NULL && pt_valid(PT_V_LOCAL_PATH, next, strlen(next)) ?
	    next : "/");
}

static const struct pt_route routes[] = {
	{ PT_POST, "/auth/language", set_language, 0, NULL },
};

static const char *const views[] = { "error" };

const struct pt_group auth_language_group = PT_GROUP(routes, sql, views);
