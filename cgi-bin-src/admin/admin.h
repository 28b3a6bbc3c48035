/*
 * portico-admin: database migrations, demo data and users, from the shell.
 */
#ifndef ADMIN_H
#define ADMIN_H

#include "portico.h"

int	 admin_migrate(const char *sql_dir, const char *subdir);
int	 admin_user_add(int argc, char **argv);
int	 admin_check(void);
int	 admin_pages_forget(const char *worker);

#endif
