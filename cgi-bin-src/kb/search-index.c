/*
 * Keeping the search index current (the index itself: search-xapian.cc).
 *
 * Each application host keeps its own index in [paths] cache/kb-search-index,
 * shared by its kb processes; MariaDB stays the only source of truth.
 * Triggers (sql/migrations/0014-kb-search-index.sql) add a row to
 * kb_search_changes for every change a search can see, whoever makes it.
 * Before a search ranks, search.c reads the newest row's seq with the
 * stamp it reads anyway (no extra statement) and asks kb_index_ready:
 *
 *   - the index has caught up with that seq: it answers;
 *   - a few changes behind (CATCHUP_MAX): this process takes the index's
 *     write lock, re-indexes the articles the rows name (two statements)
 *     and answers: an edit is found by its new words at once, on every
 *     host, because every host compares with the database before it
 *     answers;
 *   - another process is writing: it waits for it (WAIT_MS at most);
 *   - no index, one of another database (kb_search_state.generation), or
 *     far behind: the search is ranked by InnoDB FULLTEXT as before, and
 *     the process builds or catches up in its housekeeping, after the
 *     response went out, BUILD_ARTICLES articles at a time.
 *
 * A host reading a replica catches up with what the replica has, and its
 * results are fetched from the same replica.  Whatever the index says, the
 * page's texts are fetched by id with status and audience applied, so an
 * index that is behind can only lose a result, never show one the reader
 * may not see.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kb.h"
#include "search-xapian.h"

#define CATCHUP_MAX 500		/* change rows caught up within a search */
#define BUILD_ARTICLES 2000	/* article ids per step of a build */
#define WAIT_MS 300
/*
 * What the index holds and how (search-xapian.cc): an index of another
 * format is built afresh, as one of another database is.
 */
#define INDEX_FORMAT "3"

enum ix_sql { SQL_IX_STATE, SQL_IX_CHANGED, SQL_IX_DOCS, SQL_IX_BUILD, SQL_IX__MAX };

#define DOC_COLS \
	"a.id, t.lang, a.audience, a.category_id, t.title, t.summary, t.body_text," \
	" (SELECT GROUP_CONCAT(tg.name SEPARATOR '\x1f') FROM kb_article_tags x" \
	"  JOIN kb_tags tg ON tg.id = x.tag_id WHERE x.article_id = a.id)"

static const struct pt_sql sql[SQL_IX__MAX] = {
	[SQL_IX_STATE] = { "kb_ix_state",
	    "SELECT s.generation, (SELECT COALESCE(MAX(seq), 0) FROM kb_search_changes),"
	    " (SELECT COALESCE(MAX(id), 0) FROM kb_articles) FROM kb_search_state s WHERE s.one = 1" },
	/* Binds: the index's seq, the most rows to take. */
	[SQL_IX_CHANGED] = { "kb_ix_changed",
	    "SELECT article_id, seq FROM kb_search_changes WHERE seq > ? ORDER BY seq LIMIT ?" },
	/* Binds: a JSON array of article ids (an id may come more than once). */
	[SQL_IX_DOCS] = { "kb_ix_docs",
	    "SELECT " DOC_COLS " FROM (SELECT DISTINCT id FROM"
	    "  JSON_TABLE(?, '$[*]' COLUMNS (id INT UNSIGNED PATH '$')) l) j"
	    " JOIN kb_articles a ON a.id = j.id JOIN kb_article_texts t ON t.article_id = a.id"
	    " WHERE a.status = 'published'" },
	/* Binds: the article ids above and up to. */
	[SQL_IX_BUILD] = { "kb_ix_build",
	    "SELECT " DOC_COLS " FROM kb_articles a JOIN kb_article_texts t ON t.article_id = a.id"
	    " WHERE a.id > ? AND a.id <= ? AND a.status = 'published'" },
};

const struct pt_group kb_search_index_group = { NULL, 0, sql, SQL_IX__MAX, NULL, 0 };

static struct {
	char		 dir[1024];
	int		 open;		/* the reader is open */
	char		 gen[64];	/* what the reader saw */
	unsigned long long seq;
	int		 building;	/* the reader saw a build in progress */
	int		 work;		/* housekeeping should build or catch up */
	int		 closed_at_exit;
} ix;

static const char *
index_dir(void)
{
	if (ix.dir[0] == '\0')
		snprintf(ix.dir, sizeof(ix.dir), "%s/kb-search-index",
		    pt_conf_str("paths", "cache", "/var/cache/portico"));
	return ix.dir;
}

/* Read the reader's metadata into ix. */
static void
read_meta(void)
{
	char seq[32], build[32];

	kb_xi_meta("generation", ix.gen, sizeof(ix.gen));
	kb_xi_meta("seq", seq, sizeof(seq));
	kb_xi_meta("build", build, sizeof(build));
	ix.seq = strtoull(seq, NULL, 10);
	ix.building = build[0] != '\0';
}

static int
reopen(void)
{
	if (!ix.closed_at_exit) {
		atexit(kb_xi_close);
		ix.closed_at_exit = 1;
	}
	if (kb_xi_open(index_dir()) != 0) {
		ix.open = 0;
		return PT_ENOTFOUND;
	}
	ix.open = 1;
	read_meta();
	return PT_OK;
}

static int
index_error(struct pt_req *req, const char *what)
{
	pt_log(req, PT_LOG_ERROR, "search index %s: %s: %s", index_dir(), what, kb_xi_error());
	kb_xi_abort();
	return PT_ESYS;
}

/* Add the texts in rows (DOC_COLS) to the index being written. */
static int
add_rows(struct pt_req *req, struct pt_rows *rows)
{
	size_t r;

	for (r = 0; r < rows->nrows; r++) {
		struct kb_xi_doc d;
		char *tags = pt_cell(rows, r, 7);

		if (tags != NULL)
			kb_lower_utf8(tags, strlen(tags));
		d.article_id = pt_cell_int(rows, r, 0);
		d.lang = pt_cell(rows, r, 1);
		d.audience = pt_cell(rows, r, 2);
		d.category_id = pt_cell_int(rows, r, 3);
		d.title = pt_cell(rows, r, 4);
		d.summary = pt_cell(rows, r, 5);
		d.body = pt_cell(rows, r, 6);
		d.tags = tags;
		if (kb_xi_add(&d) != 0)
			return index_error(req, "add");
	}
	return PT_OK;
}

/*
 * Re-index the articles of up to max change rows after the index's seq;
 * the write lock is held.  *left: 1 if more rows wait.
 */
static int
catch_up_locked(struct pt_req *req, long long max, int *left)
{
	struct pt_rows ch, docs;
	char meta[32];
	const char *json = "[";
	unsigned long long from, to;
	size_t r;
	int rc;

	*left = 0;
	kb_xi_meta("seq", meta, sizeof(meta));
	from = strtoull(meta, NULL, 10);
	if ((rc = pt_db_query(req, &sql[SQL_IX_CHANGED], &ch, PT_BINDS(pt_int((long long)from),
	    pt_int(max)))) != PT_OK) {
		kb_xi_abort();
		return rc;
	}
	if (ch.nrows == 0) {
		kb_xi_abort();
		return PT_OK;
	}
	to = strtoull(pt_cell(&ch, ch.nrows - 1, 1), NULL, 10);
	for (r = 0; r < ch.nrows && json != NULL; r++) {
		if (kb_xi_delete_article(pt_cell_int(&ch, r, 0)) != 0)
			return index_error(req, "delete");
		json = pt_printf(req, "%s%s%s", json, r > 0 ? "," : "", pt_cell(&ch, r, 0));
	}
	if (json == NULL || (json = pt_printf(req, "%s]", json)) == NULL) {
		kb_xi_abort();
		return PT_ENOMEM;
	}
	if ((rc = pt_db_query(req, &sql[SQL_IX_DOCS], &docs, PT_BINDS(pt_str(json)))) != PT_OK) {
		kb_xi_abort();
		return rc;
	}
	if ((rc = add_rows(req, &docs)) != PT_OK)
		return rc;
	snprintf(meta, sizeof(meta), "%llu", to);
	if (kb_xi_set_meta("seq", meta) != 0 || kb_xi_commit() != 0)
		return index_error(req, "commit");
	*left = (long long)ch.nrows == max;
	return PT_OK;
}

/* Wait for another process to bring the index up to seq; PT_OK when it did. */
static int
wait_for(unsigned long long seq)
{
	int waited;

	for (waited = 0; waited < WAIT_MS; waited += 10) {
		usleep(10000);
		if (reopen() == PT_OK && !ix.building && ix.seq >= seq)
			return PT_OK;
	}
	return PT_ENOTFOUND;
}

/* The database's generation and the index format: what an index must have been built for. */
static const char *
generation(const char *db_gen)
{
	static char g[64];

	snprintf(g, sizeof(g), "%s/%s", db_gen, INDEX_FORMAT);
	return g;
}

int
kb_index_ready(struct pt_req *req, const char *db_gen, unsigned long long seq)
{
	const char *gen;
	int rc, left, busy;

	if (db_gen == NULL || *db_gen == '\0' ||
	    strcmp(pt_conf_str("kb", "search_index", "on"), "off") == 0)
		return PT_ENOTFOUND;
	gen = generation(db_gen);
	if (ix.open && !ix.building && strcmp(ix.gen, gen) == 0 && ix.seq >= seq)
		return PT_OK;
	if (reopen() != PT_OK || ix.building || strcmp(ix.gen, gen) != 0) {
		ix.work = 1;
		return PT_ENOTFOUND;
	}
	if (ix.seq >= seq)
		return PT_OK;
	if (seq - ix.seq > CATCHUP_MAX) {
		ix.work = 1;
		return PT_ENOTFOUND;
	}
	busy = kb_xi_begin(index_dir(), 0);
	if (busy < 0) {
		index_error(req, "open for writing");
		return PT_ENOTFOUND;
	}
	if (busy > 0)
		return wait_for(seq);
	if ((rc = catch_up_locked(req, CATCHUP_MAX, &left)) != PT_OK)
		return PT_ENOTFOUND;
	if (reopen() != PT_OK || ix.seq < seq) {
		ix.work = 1;
		return PT_ENOTFOUND;
	}
	return PT_OK;
}

/* One step of a build from scratch; the write lock is held.  *left: more to do. */
static int
build_step(struct pt_req *req, const char *gen, unsigned long long seq, long long max_id,
    int *left)
{
	struct pt_rows docs;
	char meta[64], next[32];
	long long from, to;
	int rc;

	*left = 1;
	kb_xi_meta("generation", meta, sizeof(meta));
	if (strcmp(meta, gen) != 0) {
		/* Another database's index, or none: start afresh. */
		kb_xi_abort();
		if (kb_xi_begin(index_dir(), 1) != 0)
			return index_error(req, "create");
		snprintf(next, sizeof(next), "%llu", seq);
		if (kb_xi_set_meta("generation", gen) != 0 || kb_xi_set_meta("seq", next) != 0 ||
		    kb_xi_set_meta("build", "0") != 0)
			return index_error(req, "metadata");
	}
	kb_xi_meta("build", meta, sizeof(meta));
	if (meta[0] == '\0') {
		/* Built: catch up with the changes since. */
		return catch_up_locked(req, CATCHUP_MAX * 10, left);
	}
	from = strtoll(meta, NULL, 10);
	to = from + BUILD_ARTICLES;
	if ((rc = pt_db_query(req, &sql[SQL_IX_BUILD], &docs, PT_BINDS(pt_int(from),
	    pt_int(to)))) != PT_OK) {
		kb_xi_abort();
		return rc;
	}
	if ((rc = add_rows(req, &docs)) != PT_OK)
		return rc;
	snprintf(next, sizeof(next), "%lld", to);
	if (kb_xi_set_meta("build", to >= max_id ? "" : next) != 0 || kb_xi_commit() != 0)
		return index_error(req, "commit");
	if (to >= max_id)
		pt_log(req, PT_LOG_INFO, "search index %s built up to article %lld", index_dir(),
		    max_id);
	return PT_OK;
}

int
kb_index_housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	struct pt_rows st;
	int busy, left = 0;

	if (!ix.work || when == PT_HK_STOP)
		return 0;
	if (pt_db_query(req, &sql[SQL_IX_STATE], &st, PT_NOBINDS) != PT_OK || st.nrows != 1)
		return 1;
	busy = kb_xi_begin(index_dir(), 0);
	if (busy != 0) {
		/* Another process builds; or the directory is unusable (logged). */
		if (busy < 0)
			index_error(req, "open for writing");
		ix.work = 0;
		return 0;
	}
	if (build_step(req, generation(pt_cell(&st, 0, 0)), strtoull(pt_cell(&st, 0, 1), NULL, 10),
	    pt_cell_int(&st, 0, 2), &left) != PT_OK) {
		ix.work = 0;
		return 0;
	}
	ix.work = left;
	reopen();
	return left;
}

int
kb_index_search(const struct kb_xi_query *q, struct kb_xi_result *r)
{
	return ix.open && kb_xi_search(q, r) == 0 ? PT_OK : PT_ENOTFOUND;
}
