/*
 * portico-auth: who you are (login, logout, language) and where you start.
 */
#include "auth.h"

enum route {
	ROUTE_START,
	ROUTE_LOGIN_FORM,
	ROUTE_LOGIN,
	ROUTE_LOGOUT,
	ROUTE_LANGUAGE,
	ROUTE_HEALTH,
	ROUTE__MAX
};

static const struct pt_route routes[ROUTE__MAX] = {
	[ROUTE_START] =		{ PT_GET,  "/",			auth_start,	 PT_R_LOGIN, NULL },
	[ROUTE_LOGIN_FORM] =	{ PT_GET,  "/auth/login",	auth_login_form, 0, NULL },
	[ROUTE_LOGIN] =		{ PT_POST, "/auth/login",	auth_login,	 0, NULL },
	[ROUTE_LOGOUT] =	{ PT_POST, "/auth/logout",	auth_logout,	 0, NULL },
	[ROUTE_LANGUAGE] =	{ PT_POST, "/auth/language",	auth_language,	 0, NULL },
	[ROUTE_HEALTH] =	{ PT_GET,  "/auth/health",	auth_health,	 0, NULL },
};

static const char *const views[] = {
	"login", "start", "not-found", "forbidden", "unavailable", "error",
};

int
main(void)
{
	static const struct pt_worker auth = {
		"auth", routes, ROUTE__MAX, auth_sql, AUTH_SQL__MAX,
		views, sizeof(views) / sizeof(views[0])
	};

	return pt_main(&auth);
}
