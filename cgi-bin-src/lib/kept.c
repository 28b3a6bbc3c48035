/*
 * Kept rows: what a statement that reads rarely changing lists returned
 * (the agents, the groups, canned responses, a service and its form), kept
 * by each process and
 * used again, so that a page listing them does not pay their query.
 *
 * The rows of a statement and its binds are used again only while the
 * process's kept sessions are (session.c): the same counters outdate
 * both, auth_generation in the database and <[paths] cache>/
 * sessions-generation on this host, and a write to any table they are
 * read from raises both once its request is done (db.c tells which
 * writes: pt_db_kept_table names the tables).  So the next request on
 * this host, and every request after half a second on any other host,
 * reads the lists afresh after a change.  A statement given here must read
 * only those tables: it is checked before its rows are first kept, and
 * refused (PT_EINVAL) otherwise, since its rows could never be outdated.
 * Within a request that has written such a table (a change not yet
 * published), the statement is run as it is.
 *
 * At most KEPT_MAX results are kept (a full table starts afresh), each of
 * at most KEPT_BYTES_MAX bytes (a bigger one is not kept).  A request gets
 * a copy in its arena, so that nothing it holds is freed under it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

#define KEPT_MAX	64
#define KEPT_BYTES_MAX	(256 * 1024)
#define NULL_CELL	SIZE_MAX	/* the length of an SQL NULL */

struct entry {
	const struct pt_sql	*q;
	unsigned char		*key;	/* the binds, serialised (bind_key) */
	size_t			 key_len;
	size_t			 nrows, ncols;
	size_t			*len;	/* per cell, NULL_CELL for NULL */
	char			*data;	/* the cells, each followed by a NUL */
	size_t			 data_len;
	void			*block;	/* one malloc: key, len, data */
};

static struct {
	struct entry	 e[KEPT_MAX];
	size_t		 n;
} kept;

void
pt_kept_forget(void)
{
	while (kept.n > 0)
		free(kept.e[--kept.n].block);
}

static int
word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '_';
}

int
pt_kept_sql_ok(const char *text)
{
	const char *p = text, *w;
	size_t n;

	while (*p != '\0') {
		while (*p != '\0' && !word_char(*p))
			p++;
		for (w = p; word_char(*w); w++)
			;
		n = (size_t)(w - p);
		if (n == 4 && (strncasecmp(p, "FROM", 4) == 0 || strncasecmp(p, "JOIN", 4) == 0)) {
			p = w;
			while (*p == ' ' || *p == '\t' || *p == '\n')
				p++;
			/* A derived table or subquery: its own FROM is looked at in turn. */
			if (*p == '(')
				continue;
			for (w = p; word_char(*w); w++)
				;
			if (w == p || !pt_db_kept_table(p, (size_t)(w - p)))
				return 0;
		}
		p = w;
	}
	return 1;
}

/* The binds as bytes (type, then the number or the length and the bytes), malloc'd; NULL on OOM. */
static unsigned char *
bind_key(const struct pt_bind *b, size_t n, size_t *len)
{
	unsigned char *key, *p;
	size_t i, total = 0;

	for (i = 0; i < n; i++)
		total += 1 + sizeof(long long) + (b[i].type == PT_B_STR || b[i].type == PT_B_BLOB ?
		    b[i].len : 0);
	if ((key = malloc(total > 0 ? total : 1)) == NULL)
		return NULL;
	for (p = key, i = 0; i < n; i++) {
		long long v = b[i].type == PT_B_INT ? b[i].i : (long long)b[i].len;

		*p++ = (unsigned char)b[i].type;
		memcpy(p, &v, sizeof(v));
		p += sizeof(v);
		if (b[i].type == PT_B_STR || b[i].type == PT_B_BLOB) {
			memcpy(p, b[i].p, b[i].len);
			p += b[i].len;
		}
	}
	*len = total;
	return key;
}

static struct entry *
find(const struct pt_sql *q, const unsigned char *key, size_t key_len)
{
	size_t i;

	for (i = 0; i < kept.n; i++)
		if (kept.e[i].q == q && kept.e[i].key_len == key_len &&
		    memcmp(kept.e[i].key, key, key_len) == 0)
			return &kept.e[i];
	return NULL;
}

/* Keep rows as the result of q with key; a failure only means they are read again next time. */
static void
put(const struct pt_sql *q, const unsigned char *key, size_t key_len, const struct pt_rows *rows)
{
	size_t ncells = rows->nrows * rows->ncols, data_len = 0, i, l;
	struct entry *e;
	char *d;

	for (i = 0; i < ncells; i++)
		data_len += (rows->cell[i] != NULL ? rows->len[i] : 0) + 1;
	if (key_len + ncells * sizeof(size_t) + data_len > KEPT_BYTES_MAX)
		return;
	if (kept.n == KEPT_MAX)
		pt_kept_forget();
	e = &kept.e[kept.n];
	memset(e, 0, sizeof(*e));
	if ((e->block = malloc(ncells * sizeof(size_t) + key_len + data_len + 1)) == NULL)
		return;
	e->len = e->block;
	e->key = (unsigned char *)(e->len + ncells);
	e->data = (char *)e->key + key_len;
	memcpy(e->key, key, key_len);
	for (d = e->data, i = 0; i < ncells; i++) {
		l = rows->cell[i] != NULL ? rows->len[i] : 0;
		e->len[i] = rows->cell[i] != NULL ? l : NULL_CELL;
		if (l > 0)
			memcpy(d, rows->cell[i], l);
		d[l] = '\0';
		d += l + 1;
	}
	e->q = q;
	e->key_len = key_len;
	e->nrows = rows->nrows;
	e->ncols = rows->ncols;
	e->data_len = data_len;
	kept.n++;
}

/* The kept rows of e as the request's, copied into the arena. */
static int
use(struct pt_req *req, const struct entry *e, struct pt_rows *rows)
{
	size_t ncells = e->nrows * e->ncols, i;
	char *d;

	rows->nrows = e->nrows;
	rows->ncols = e->ncols;
	if (ncells == 0)
		return PT_OK;
	if ((rows->cell = pt_alloc(req, ncells * sizeof(*rows->cell))) == NULL ||
	    (rows->len = pt_alloc(req, ncells * sizeof(*rows->len))) == NULL ||
	    (d = pt_alloc(req, e->data_len)) == NULL)
		return PT_ENOMEM;
	memcpy(d, e->data, e->data_len);
	for (i = 0; i < ncells; i++) {
		rows->cell[i] = e->len[i] == NULL_CELL ? NULL : d;
		rows->len[i] = e->len[i] == NULL_CELL ? 0 : e->len[i];
		d += rows->len[i] + 1;
	}
	return PT_OK;
}

int
pt_kept_query(struct pt_req *req, const struct pt_sql *q, struct pt_rows *rows,
    const struct pt_bind *b, size_t n)
{
	unsigned char *key;
	struct entry *e;
	size_t key_len = 0;
	int rc;

	memset(rows, 0, sizeof(*rows));
	key = NULL;
	if (pt_session_current(req)) {
		if ((key = bind_key(b, n, &key_len)) == NULL)
			return PT_ENOMEM;
		if ((e = find(q, key, key_len)) != NULL) {
			free(key);
			return use(req, e, rows);
		}
	}
	/* Checked where rows are read, so that a wrong statement fails at its first use. */
	if (!pt_kept_sql_ok(q->text)) {
		pt_log(req, PT_LOG_ERROR, "%s reads a table whose changes do not outdate kept rows"
		    " (pt_db_kept_table): not run", q->name);
		rc = PT_EINVAL;
	} else if ((rc = pt_db_query(req, q, rows, b, n)) == PT_OK && key != NULL)
		put(q, key, key_len, rows);
	free(key);
	return rc;
}
