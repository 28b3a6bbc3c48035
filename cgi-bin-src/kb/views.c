/*
 * View counts, written in batches.  Counting a view with an UPDATE in the
 * request costs a write transaction per page; a reader does not need the
 * count to be exact to the second.  So each process adds up the views it
 * served in a small table and writes them with one statement when
 * VIEWS_BATCH articles are waiting, when the oldest view waits a second,
 * when the process has been idle for a second (the runtime's housekeeping)
 * and before it exits.  A process killed with SIGKILL loses at most a
 * second of views.  Batches are small: while a process writes, the
 * requests queued for it wait too.  With writes of 256 articles, random
 * article views measured a 99th percentile of 34-48 ms (script/bench, 32
 * connections); with writes of 32, 14-17 ms.
 */
#include <stdio.h>
#include <string.h>

#include "kb.h"

enum { SQL_VIEWS_ADD, SQL__MAX };

/* Binds: a JSON array of [article id, views] pairs, built here from integers. */
static const struct pt_sql sql[SQL__MAX] = {
	[SQL_VIEWS_ADD] = { "kb_views_add",
	    "UPDATE kb_articles a JOIN JSON_TABLE(?, '$[*]' COLUMNS"
	    " (id INT UNSIGNED PATH '$[0]', n INT UNSIGNED PATH '$[1]')) v ON a.id = v.id"
	    " SET a.view_count = a.view_count + v.n" },
};

const struct pt_group kb_views_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

#define VIEWS_SLOTS	512	/* open addressing: at most half full */
#define VIEWS_BATCH	32	/* distinct articles that make a write due */
#define VIEWS_WAIT_MS	1000	/* the longest a view waits for its write, busy */

static struct {
	long long	 id[VIEWS_SLOTS];	/* 0: free slot */
	unsigned	 n[VIEWS_SLOTS];
	size_t		 used;
	long long	 oldest_ms;	/* when the first waiting view came */
} views;

/* Write the waiting views; they stay waiting when the database fails. */
static int
views_write(struct pt_req *req)
{
	size_t i, len = 0, cap = views.used * 32 + 3;
	char *json;
	int rc, k;

	if (views.used == 0)
		return PT_OK;
	if ((json = pt_alloc(req, cap)) == NULL)
		return PT_ENOMEM;
	json[len++] = '[';
	for (i = 0; i < VIEWS_SLOTS; i++) {
		if (views.id[i] == 0)
			continue;
		k = snprintf(json + len, cap - len, "%s[%lld,%u]", len > 1 ? "," : "",
		    views.id[i], views.n[i]);
		if (k < 0 || (size_t)k >= cap - len)
			return PT_ENOMEM;
		len += (size_t)k;
	}
	json[len++] = ']';
	json[len] = '\0';
	if ((rc = pt_db_exec(req, &sql[SQL_VIEWS_ADD], PT_BINDS(pt_str(json)), NULL)) != PT_OK) {
		pt_log(req, PT_LOG_WARN, "%zu articles' views not written yet", views.used);
		return rc;
	}
	memset(&views, 0, sizeof(views));
	return PT_OK;
}

int
kb_view_count(struct pt_req *req, long long id)
{
	size_t i = (size_t)((unsigned long long)id * 2654435761u) % VIEWS_SLOTS;

	if (id <= 0)
		return PT_EINVAL;
	while (views.id[i] != 0 && views.id[i] != id)
		i = (i + 1) % VIEWS_SLOTS;
	if (views.id[i] == 0) {
		if (views.used + 1 > VIEWS_SLOTS / 2) {
			/* Housekeeping writes long before this; the database refused. */
			int rc = views_write(req);

			if (rc != PT_OK)
				return rc;
			return kb_view_count(req, id);
		}
		if (views.used == 0)
			views.oldest_ms = pt_clock_ms();
		views.id[i] = id;
		views.used++;
	}
	views.n[i]++;
	return PT_OK;
}

unsigned
kb_views_waiting(long long id)
{
	size_t i = (size_t)((unsigned long long)id * 2654435761u) % VIEWS_SLOTS;

	while (views.id[i] != 0) {
		if (views.id[i] == id)
			return views.n[i];
		i = (i + 1) % VIEWS_SLOTS;
	}
	return 0;
}

int
kb_views_housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	if (views.used == 0)
		return 0;
	if (when != PT_HK_AFTER || views.used >= VIEWS_BATCH ||
	    pt_clock_ms() - views.oldest_ms >= VIEWS_WAIT_MS)
		views_write(req);
	return views.used > 0;
}
