/*
 * A reader's inbox, kept for them (pagecache.c, pt_pagecache_personal).
 * Building it costs the list (a union of the reader's tasks and those
 * offered to their roles, sorted by due time) and its counts, and a
 * transform; a kept one costs the stamp below, one read of the end of an
 * index, and a file read.
 *
 * Everything an inbox shows is a task of the reader's organisation: the
 * stamp is the newest change time of its tasks, which the triggers of
 * migration 0053 move on every insert and update of a task (flowd creating,
 * completing or cancelling one, a claim, a release, a completion), with
 * the database's auth_generation as the process knows it
 * (pt_kept_generation), which every change to the reader's roles raises.
 * What changes with time alone (a due time that comes near or passes) the
 * page names with pt_pagecache_until; an entry lives
 * PT_PAGECACHE_PERSONAL_S seconds at most, so a change whose transaction
 * stamped a task before another one's and committed after it shows within
 * that time too.
 */
#include "tasks.h"

enum { SQL_ORG, SQL__MAX };

#define STAMP_TIME(col)	"IFNULL(DATE_FORMAT(" col ", '%Y%m%d%H%i%s%f'), '-')"

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: org.  The end of the index flow_tasks_org_updated. */
	[SQL_ORG] = { "ts_kept_org",
	    "SELECT " STAMP_TIME("MAX(t.updated_at)") " FROM flow_tasks t WHERE t.org_id = ?" },
};

const struct pt_group ts_kept_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

/* What the inbox reads from its query string (inbox.c). */
static const char *const inbox_params[] = { "show", "page" };

int
ts_kept_inbox(struct pt_req *req)
{
	struct pt_rows rows;
	const char *variant, *stamp;
	long long names;

	if (req->session.user == NULL || req->method != PT_GET || req->want_xml ||
	    (variant = pt_pagecache_variant(req, inbox_params, PT_NELEM(inbox_params))) == NULL ||
	    (names = pt_kept_generation(req)) < 0 ||
	    pt_db_query(req, &sql[SQL_ORG], &rows, PT_BINDS(pt_int(req->session.user->org_id))) !=
	    PT_OK || rows.nrows != 1 || pt_cell(&rows, 0, 0) == NULL ||
	    (stamp = pt_printf(req, "%s/%lld", pt_cell(&rows, 0, 0), names)) == NULL)
		return 0;
	pt_pagecache_personal(req, stamp);
	return pt_pagecache_find(req, variant, NULL) && pt_pagecache_send(req, NULL) == PT_OK;
}

void
ts_kept_keep(struct pt_req *req)
{
	if (req->cache_personal)
		pt_pagecache_keep(req, 0);
}
