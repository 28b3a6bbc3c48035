/*
 * portico-admin pages forget [WORKER]: outdate the pages a worker keeps for
 * anonymous visitors (lib/pagecache.c), as a restart of the worker would,
 * without one: on this host at once, and on every host within a second
 * through the database's page counter (as the kb editor does after each
 * change).  For a change made directly in the database (a category
 * renamed, an FAQ entry edited in SQL).
 */
#include <errno.h>
#include <mysql.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "admin.h"

/*
 * Raise the page row of auth_generation: every host's processes outdate
 * their pages when it moves.  *n: its new value, 0 when it could not be raised.
 */
static int
raise_database_counter(unsigned long long *n)
{
	static const char q[] = PT_PAGES_CHANGED_SQL;
	MYSQL *m;
	int rc = PT_OK;

	*n = 0;
	if ((m = pt_db_connect_admin(PT_DB_WORKERS)) == NULL) {
		fprintf(stderr, "portico-admin: cannot connect to the database (%s): other hosts"
		    " outdate their pages after [cache] pages_s\n", pt_db_connect_error());
		return PT_EDB;
	}
	if (mysql_real_query(m, q, sizeof(q) - 1) != 0) {
		fprintf(stderr, "portico-admin: %s: other hosts outdate their pages after"
		    " [cache] pages_s\n", mysql_error(m));
		rc = PT_EDB;
	} else
		*n = (unsigned long long)mysql_insert_id(m);
	mysql_close(m);
	return rc;
}

int
admin_pages_forget(const char *worker)
{
	char dir[1024];
	struct stat st;
	unsigned long long n;
	int rc;

	if (worker == NULL)
		worker = "kb";
	if (*worker == '\0' || strspn(worker, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
	    strlen(worker)) {
		fprintf(stderr, "portico-admin: not a worker name: %s\n", worker);
		return PT_EINVAL;
	}
	if (pt_conf_int("cache", "pages_s", 300) <= 0) {
		printf("the page cache is off ([cache] pages_s = 0): nothing to forget\n");
		return PT_OK;
	}
	snprintf(dir, sizeof(dir), "%s/%s", pt_conf_str("paths", "cache", "/var/cache/portico"),
	    worker);
	/* First the other hosts' counter, so that this host's processes need not act on it again. */
	rc = raise_database_counter(&n);
	/* Never make the directory here: it would belong to whoever runs this tool. */
	if (stat(dir, &st) != 0)
		printf("%s keeps no pages on this host (%s: %s)\n", worker, dir, strerror(errno));
	else {
		if (pt_pagecache_init(worker) != PT_OK)
			return PT_EINVAL;
		if (n > 0)
			pt_pagecache_seen(n);
		pt_pagecache_free();
		printf("the pages %s kept on this host are outdated\n", worker);
	}
	if (rc == PT_OK)
		printf("and those of every other host within a second\n");
	return rc;
}
