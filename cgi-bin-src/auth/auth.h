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
extern const struct pt_group auth_health_group;		/* health.c */

#endif
