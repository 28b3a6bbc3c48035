/*
 * The auth worker: who you are, what you may do, and who administers whom.
 * Each file is one page group (routes, statements, views), listed in main.c.
 */
#ifndef AUTH_H
#define AUTH_H

#include "portico.h"

extern const struct pt_group auth_login_group;		/* login.c */
extern const struct pt_group auth_language_group;	/* language.c */
extern const struct pt_group auth_start_group;		/* start.c */
extern const struct pt_group auth_account_group;	/* account.c: profile, password, email, sessions */
extern const struct pt_group auth_password_group;	/* password.c: forgotten password, invitation */
extern const struct pt_group auth_privacy_group;	/* privacy.c: personal data export, deletion request */
extern const struct pt_group auth_users_group;		/* users.c: people of an org, and of all orgs */
extern const struct pt_group auth_budgets_group;	/* budgets.c: an org's limits per role */
extern const struct pt_group auth_orgs_group;		/* orgs.c: provider administration of orgs */
extern const struct pt_group auth_roles_group;		/* roles.c: roles and their permissions */
extern const struct pt_group auth_audit_group;		/* audit.c: the audit log */

/*
 * The login throttle (login.c), for every form that checks a password:
 * PT_ELIMIT (logged) if email or the client IP failed too often lately,
 * and the record of one more failure.
 */
int	 auth_login_throttled(struct pt_req *, const char *email);
int	 auth_login_failed(struct pt_req *, const char *email);

#endif
