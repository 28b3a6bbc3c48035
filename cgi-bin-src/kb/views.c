/*
 * View counts, added up in memory and written in batches.  Counting a view
 * with an UPDATE in the request costs a write per page, and each article
 * row written costs the database about 18 microseconds (the row, its
 * kb_articles_popular index entry, the search trigger), however many views
 * it adds: a reader does not need the count to be exact to the second, so
 * each process adds up the views it served and writes an article once per
 * [kb] views_write_s (60 s; the development and test stacks use 1 s) with
 * all its views of that time.  On random views of the 36 700 public
 * articles of script/bench that is about 0.4 rows per view instead of 1;
 * on real traffic, where some articles are read far more than others, much
 * less.
 *
 * Two tables take turns: one counts while the other is written, VIEWS_BATCH
 * articles per statement and one statement after each request (so that the
 * requests queued for this process wait for a small write only: with
 * writes of 256 articles, random article views measured a 99th percentile
 * of 34-48 ms at 32 connections; with writes of 32, 14-17 ms), as many as
 * nothing waits for when the process is idle, and all at exit.  The
 * counting table is handed over for writing when its oldest view has
 * waited views_write_s, or when it is half full.  A process killed with
 * SIGKILL loses at most that many seconds of its views.  The tables are
 * allocated and touched at the first view, so the process's memory does
 * not grow afterwards.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

#define VIEWS_SLOTS	65536	/* per table, a power of two; open addressing, at most half full */
#define VIEWS_BATCH	32	/* articles a statement writes */

struct views {
	uint32_t	 id[VIEWS_SLOTS];	/* 0: free slot */
	uint32_t	 n[VIEWS_SLOTS];
	size_t		 used;
	size_t		 next;		/* writing: the slots before it are written */
	long long	 oldest_ms;	/* counting: when its first view came */
};

static struct views *counting, *writing;	/* writing: NULL when nothing is */

static size_t
slot_of(uint32_t id)
{
	return (size_t)(id * 2654435761u) & (VIEWS_SLOTS - 1);
}

/* Write the next batch of the writing table; when it is all written, it is empty. */
static int
views_write_batch(struct pt_req *req)
{
	size_t i, end, k = 0, len = 0, cap = VIEWS_BATCH * 24 + 3;
	char *json;
	int rc, w;

	if ((json = pt_alloc(req, cap)) == NULL)
		return PT_ENOMEM;
	json[len++] = '[';
	for (i = writing->next; i < VIEWS_SLOTS && k < VIEWS_BATCH; i++) {
		if (writing->id[i] == 0)
			continue;
		w = snprintf(json + len, cap - len, "%s[%u,%u]", k > 0 ? "," : "",
		    writing->id[i], writing->n[i]);
		if (w < 0 || (size_t)w >= cap - len)
			return PT_ENOMEM;
		len += (size_t)w;
		k++;
	}
	end = i;
	json[len++] = ']';
	json[len] = '\0';
	if (k > 0 && (rc = pt_db_exec(req, &sql[SQL_VIEWS_ADD], PT_BINDS(pt_str(json)), NULL)) != PT_OK) {
		pt_log(req, PT_LOG_WARN, "%zu articles' views not written yet",
		    writing->used + (counting != NULL ? counting->used : 0));
		return rc;
	}
	for (i = writing->next; i < end; i++)
		writing->id[i] = writing->n[i] = 0;
	writing->used -= k;
	writing->next = end;
	if (end == VIEWS_SLOTS) {
		writing->next = 0;
		writing = NULL;
	}
	return PT_OK;
}

static struct views *tables;	/* the two, allocated at the first view */
static long long wait_ms;	/* [kb] views_write_s */

/* Hand the counting table over for writing, unless one is written still; the other one counts. */
static void
views_swap(void)
{
	if (writing != NULL || counting->used == 0)
		return;
	writing = counting;
	counting = counting == &tables[0] ? &tables[1] : &tables[0];
}

/* Both tables, touched once (malloc, not calloc), so that the memory they take does not grow later. */
static int
views_init(void)
{
	if ((tables = malloc(2 * sizeof(*tables))) == NULL)
		return PT_ENOMEM;
	memset(tables, 0, 2 * sizeof(*tables));
	counting = &tables[0];
	wait_ms = 1000LL * pt_conf_int("kb", "views_write_s", 60);
	return PT_OK;
}

int
kb_view_count(struct pt_req *req, long long id)
{
	size_t i;
	int rc;

	if (id <= 0 || id > UINT32_MAX)
		return PT_EINVAL;
	if (counting == NULL && (rc = views_init()) != PT_OK)
		return rc;
	i = slot_of((uint32_t)id);
	while (counting->id[i] != 0 && counting->id[i] != (uint32_t)id)
		i = (i + 1) & (VIEWS_SLOTS - 1);
	if (counting->id[i] == 0) {
		if (counting->used + 1 > VIEWS_SLOTS / 2) {
			/* Full before its time: the other table must be written first. */
			while (writing != NULL)
				if ((rc = views_write_batch(req)) != PT_OK)
					return rc;
			views_swap();
			return kb_view_count(req, id);
		}
		if (counting->used == 0)
			counting->oldest_ms = pt_clock_ms();
		counting->id[i] = (uint32_t)id;
		counting->used++;
	}
	counting->n[i]++;
	return PT_OK;
}

static unsigned
views_in(const struct views *t, uint32_t id)
{
	size_t i = slot_of(id);

	for (; t->id[i] != 0; i = (i + 1) & (VIEWS_SLOTS - 1))
		if (t->id[i] == id)
			return t->n[i];
	return 0;
}

unsigned
kb_views_waiting(long long id)
{
	if (counting == NULL || id <= 0 || id > UINT32_MAX)
		return 0;
	return views_in(counting, (uint32_t)id) +
	    (writing != NULL ? views_in(writing, (uint32_t)id) : 0);
}

int
kb_views_housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	if (counting == NULL)
		return 0;
	if (writing == NULL && counting->used > 0 &&
	    (when == PT_HK_STOP || pt_clock_ms() - counting->oldest_ms >= wait_ms))
		views_swap();
	switch (when) {
	case PT_HK_AFTER:
		if (writing != NULL)
			views_write_batch(req);
		break;
	case PT_HK_IDLE:
		while (writing != NULL && views_write_batch(req) == PT_OK && !pt_requests_waiting())
			;
		break;
	case PT_HK_STOP:
		while (writing != NULL && views_write_batch(req) == PT_OK)
			if (writing == NULL)
				views_swap();
		free(tables);
		tables = counting = writing = NULL;
		return 0;
	}
	return writing != NULL || counting->used > 0;
}
