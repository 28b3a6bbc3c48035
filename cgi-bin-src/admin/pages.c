/*
 * portico-admin pages forget [WORKER]: outdate the pages a worker keeps for
 * anonymous visitors (lib/pagecache.c), as a restart of the worker would,
 * without one.  For a change made directly in the database (a category
 * renamed, an FAQ entry edited in SQL); the kb editor does this itself.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "admin.h"

int
admin_pages_forget(const char *worker)
{
	char dir[1024];
	struct stat st;

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
	/* Never make the directory here: it would belong to whoever runs this tool. */
	if (stat(dir, &st) != 0) {
		printf("%s keeps no pages (%s: %s)\n", worker, dir, strerror(errno));
		return PT_OK;
	}
	if (pt_pagecache_init(worker) != PT_OK)
		return PT_EINVAL;
	pt_pagecache_free();
	printf("the pages %s kept are outdated\n", worker);
	return PT_OK;
}
