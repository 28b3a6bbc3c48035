/*
 * portico-admin: database migrations, demo data, users and checks, from the shell.
 */
#ifndef ADMIN_H
#define ADMIN_H

#include <dirent.h>

#include "portico.h"

int	 admin_migrate(const char *sql_dir, const char *subdir);
int	 admin_user_add(int argc, char **argv);
/* check [--nginx-user USER]: one line per check; PT_OK when all are fine. */
int	 admin_check(int argc, char **argv, int conf_rc);
int	 admin_pages_forget(const char *worker);
/* process check FILE... | process draw [--lang LANG] FILE: BPMN models, no database needed. */
int	 admin_process(int argc, char **argv);
/* process deploy FILE...: each as a new version (needs the configuration); PT_OK when none is refused. */
int	 admin_process_deploy(int argc, char **argv);

/* The *.sql files of dir in name order (scandir); -1 if dir cannot be read. */
int	 admin_sql_files(const char *dir, struct dirent ***names);
void	 admin_sql_files_free(struct dirent **names, int n);
/*
 * The next statement of sql[*pos..len) without its delimiter and the
 * comments before it, from *start to *end; quotes and comments may hold
 * the delimiter.  delim starts as ";" and carries what a DELIMITER line
 * names to the next call.  1 if there is one, 0 at the end.
 */
#define ADMIN_DELIM_MAX	16	/* a DELIMITER line's string, with its NUL */
int	 admin_sql_next(const char *sql, size_t len, size_t *pos, size_t *start, size_t *end,
	    char delim[ADMIN_DELIM_MAX]);

#endif
