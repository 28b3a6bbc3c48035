/*
 * The auth worker: login, logout, language, the start page, health.
 * Its statements are one table, indexed by enum auth_sql.
 */
#ifndef AUTH_H
#define AUTH_H

#include "portico.h"

enum auth_sql {
	AUTH_SQL_USER_BY_EMAIL,
	AUTH_SQL_THROTTLE,
	AUTH_SQL_ATTEMPT_INSERT,
	AUTH_SQL_ATTEMPTS_CLEAR,
	AUTH_SQL_LOGIN_STAMP,
	AUTH_SQL_SET_LANGUAGE,
	AUTH_SQL__MAX
};
extern const struct pt_sql auth_sql[AUTH_SQL__MAX];

int	 auth_login_form(struct pt_req *);
int	 auth_login(struct pt_req *);
int	 auth_logout(struct pt_req *);
int	 auth_language(struct pt_req *);
int	 auth_start(struct pt_req *);
int	 auth_health(struct pt_req *);

#endif
