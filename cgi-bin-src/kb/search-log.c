/*
 * The search log, kb_searches: a row per search and suggestion with its
 * result count (the KPIs: top and zero-result searches), and the article
 * the search led to, recorded by /kb/go.
 *
 * A search's id is in its result links, so it is needed before the page
 * goes out.  Ids come from kb_search_ids in blocks of ID_BLOCK: a process
 * takes a block (one UPDATE) and gives each search one of its ids, so the
 * row itself can be written later.  When no other request is waiting the
 * row is written at once, before the page goes out, and a quiet portal
 * behaves as if every search were an INSERT.  Under load (requests queued
 * on the socket) rows wait in a small table and are written together: when
 * LOG_BATCH wait, when the oldest has waited LOG_WAIT_MS, when the process
 * is idle and before it exits.
 *
 * A click on a search whose row another process has not written yet is
 * kept and tried again each second for CLICK_WAIT_MS; its id was handed
 * out (it is below next_id), so the row is on its way.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "kb.h"

#define ID_BLOCK	256
#define ID_LOW		64	/* refill after the response below this many */
#define LOG_SLOTS	256
#define LOG_BATCH	64
#define LOG_WAIT_MS	1000
#define CLICK_SLOTS	64
#define CLICK_WAIT_MS	5000
#define QUERY_BYTES	200	/* kb_searches.query */

enum { SQL_IDS, SQL_WRITE, SQL_CLICK, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* The end of a new block; the block is the ID_BLOCK ids below it.  Binds: block size. */
	[SQL_IDS] = { "kb_search_ids",
	    "UPDATE kb_search_ids SET next_id = LAST_INSERT_ID(next_id + ?) WHERE one = 1" },
	/* Binds: a JSON array of [id, at, source, user id, org id, lang, query, count]. */
	[SQL_WRITE] = { "kb_search_write",
	    "INSERT INTO kb_searches (id, at, source, user_id, org_id, lang, query, result_count)"
	    " SELECT j.id, j.at, j.source, j.user_id, j.org_id, j.lang, j.query, j.n"
	    " FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$[0]',"
	    "  at DATETIME(6) PATH '$[1]', source VARCHAR(8) PATH '$[2]',"
	    "  user_id INT UNSIGNED PATH '$[3]', org_id INT UNSIGNED PATH '$[4]',"
	    "  lang CHAR(2) PATH '$[5]', query VARCHAR(200) PATH '$[6]',"
	    "  n INT UNSIGNED PATH '$[7]')) j" },
	/* The first click of one's own search is what it led to.  Binds: article, search, user. */
	[SQL_CLICK] = { "kb_search_click",
	    "UPDATE kb_searches SET clicked_article_id = ?, clicked_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ? AND user_id <=> ? AND clicked_article_id IS NULL" },
};

const struct pt_group kb_search_log_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

struct row {
	long long	 id;
	char		 at[64];	/* UTC, "YYYY-MM-DD HH:MM:SS.ffffff" */
	const char	*source;	/* "search" or "suggest" */
	long long	 user_id, org_id;	/* 0: anonymous */
	char		 lang[3];
	char		 query[QUERY_BYTES + 1];
	long long	 count;
};

struct click {
	long long	 search_id, article_id, user_id;	/* user 0: anonymous */
	long long	 until_ms;
};

static struct {
	long long	 next, end;	/* the process's ids: next .. end - 1 */
	struct row	 rows[LOG_SLOTS];
	size_t		 nrows;
	long long	 oldest_ms;
	struct click	 clicks[CLICK_SLOTS];
	size_t		 nclicks;
	long long	 clicks_tried_ms;
} lg;

static int
take_block(struct pt_req *req)
{
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_IDS], PT_BINDS(pt_int(ID_BLOCK)), NULL)) != PT_OK)
		return rc;
	lg.end = (long long)pt_db_insert_id();
	lg.next = lg.end - ID_BLOCK;
	return lg.next > 0 ? PT_OK : PT_EDB;
}

/*
 * Write the waiting rows in one statement; they stay waiting when the
 * database fails.  The JSON goes into one buffer sized for the worst case
 * (every byte of a query escaped as \u00XX).
 */
static int
write_rows(struct pt_req *req)
{
	size_t i, len = 0, cap = 3;
	char *json;
	int rc, k;

	if (lg.nrows == 0)
		return PT_OK;
	for (i = 0; i < lg.nrows; i++)
		cap += 6 * strlen(lg.rows[i].query) + 160;
	if ((json = pt_alloc(req, cap)) == NULL)
		return PT_ENOMEM;
	json[len++] = '[';
	for (i = 0; i < lg.nrows; i++) {
		const struct row *r = &lg.rows[i];
		const char *q = pt_json_str(req, r->query);
		char user[24] = "null", org[24] = "null";

		if (r->user_id > 0)
			snprintf(user, sizeof(user), "%lld", r->user_id);
		if (r->org_id > 0)
			snprintf(org, sizeof(org), "%lld", r->org_id);
		k = q == NULL ? -1 : snprintf(json + len, cap - len,
		    "%s[%lld,\"%s\",\"%s\",%s,%s,\"%s\",%s,%lld]", i > 0 ? "," : "", r->id, r->at,
		    r->source, user, org, r->lang, q, r->count);
		if (k < 0 || (size_t)k >= cap - len)
			return PT_ENOMEM;
		len += (size_t)k;
	}
	json[len++] = ']';
	json[len] = '\0';
	if ((rc = pt_db_exec(req, &sql[SQL_WRITE], PT_BINDS(pt_str(json)), NULL)) != PT_OK) {
		pt_log(req, PT_LOG_WARN, "%zu searches not logged yet", lg.nrows);
		return rc;
	}
	lg.nrows = 0;
	return PT_OK;
}

int
kb_search_log(struct pt_req *req, const char *source, const char *q, long long count,
    long long *id)
{
	const struct pt_user *u = req->session.user;
	struct timespec ts;
	struct row *r;
	struct tm tm;
	int rc;

	if (lg.nrows == LOG_SLOTS && (rc = write_rows(req)) != PT_OK)
		return rc;
	if (lg.next >= lg.end && (rc = take_block(req)) != PT_OK)
		return rc;
	r = &lg.rows[lg.nrows];
	memset(r, 0, sizeof(*r));
	r->id = lg.next++;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(r->at, sizeof(r->at), "%04d-%02d-%02d %02d:%02d:%02d.%06ld", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000);
	r->source = strcmp(source, "suggest") == 0 ? "suggest" : "search";
	r->user_id = u != NULL ? u->id : 0;
	r->org_id = u != NULL ? u->org_id : 0;
	snprintf(r->lang, sizeof(r->lang), "%s", req->lang);
	snprintf(r->query, sizeof(r->query), "%s", q);
	r->count = count;
	if (lg.nrows++ == 0)
		lg.oldest_ms = pt_clock_ms();
	*id = r->id;
	/* Nobody waiting: written now, as if there were no batches at all. */
	if (!pt_requests_waiting())
		return write_rows(req);
	return PT_OK;
}

int
kb_search_log_flush(struct pt_req *req)
{
	return write_rows(req);
}

int
kb_search_click_later(long long search_id, long long article_id, long long user_id)
{
	struct click *c;

	if (lg.nclicks == CLICK_SLOTS)
		return PT_ELIMIT;
	c = &lg.clicks[lg.nclicks++];
	c->search_id = search_id;
	c->article_id = article_id;
	c->user_id = user_id;
	c->until_ms = pt_clock_ms() + CLICK_WAIT_MS;
	return PT_OK;
}

int
kb_search_click(struct pt_req *req, long long search_id, long long article_id,
    long long user_id, unsigned long long *done)
{
	return pt_db_exec(req, &sql[SQL_CLICK], PT_BINDS(pt_int(article_id), pt_int(search_id),
	    user_id > 0 ? pt_int(user_id) : pt_str(NULL)), done);
}

/* The kept clicks whose search row is there by now; the rest until their time is up. */
static void
retry_clicks(struct pt_req *req)
{
	long long now = pt_clock_ms();
	size_t i, j;

	lg.clicks_tried_ms = now;
	for (i = j = 0; i < lg.nclicks; i++) {
		struct click *c = &lg.clicks[i];
		unsigned long long done = 0;

		if (kb_search_click(req, c->search_id, c->article_id, c->user_id, &done) == PT_OK &&
		    done > 0)
			continue;
		if (now >= c->until_ms) {
			pt_log(req, PT_LOG_INFO, "click on search %lld not recorded: no such row",
			    c->search_id);
			continue;
		}
		lg.clicks[j++] = *c;
	}
	lg.nclicks = j;
}

int
kb_search_log_housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	if (lg.nrows > 0 && (when != PT_HK_AFTER || lg.nrows >= LOG_BATCH ||
	    pt_clock_ms() - lg.oldest_ms >= LOG_WAIT_MS || !pt_requests_waiting()))
		(void)write_rows(req);
	if (lg.nclicks > 0 && (when != PT_HK_AFTER || pt_clock_ms() - lg.clicks_tried_ms >= 1000))
		retry_clicks(req);
	/* A new block between requests, before the search that would need it. */
	if (when != PT_HK_STOP && lg.end - lg.next < ID_LOW)
		(void)take_block(req);
	return lg.nrows > 0 || lg.nclicks > 0;
}
