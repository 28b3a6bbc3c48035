/*
 * MariaDB: one connection per process, every statement of the registered
 * tables prepared once per connection.  Auto-reconnect is off; when a
 * statement finds the connection lost, we reconnect, prepare again and retry
 * once, but only outside a transaction (inside one, the work is gone and the
 * caller must answer 503).  While the database is down each request makes
 * one fast connection attempt, so service resumes by itself.
 */
#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "extern.h"

/* Statement tables: the runtime's few and one per page group of a worker. */
#define MAX_TABLES 64
#define CELL_BYTES 256

struct table {
	const struct pt_sql	*sql;
	size_t			 n;
	MYSQL_STMT		**stmts;
	unsigned char		*auth;	/* per statement: may change a kept session or list */
};

static struct table tables[MAX_TABLES];
static size_t ntables;
static MYSQL *conn;
static int in_tx;
static int bulk;		/* the server takes rows of binds at once (array binding) */
static MYSQL_STMT *last_stmt;
static char dup_key[65];	/* the unique key of the last PT_EDUP */
static unsigned int last_errno;	/* of the last statement that failed */
static const char *session_sql;	/* run on every new connection (pt_db_session) */

/*
 * The tables a signed-in session is read from, and those of the rarely
 * changing lists processes keep (kept.c: the agents' groups, their
 * members, canned responses, the service catalogue and its forms, the
 * priority matrix).  A list to keep from another table joins here.
 */
int
pt_db_kept_table(const char *w, size_t n)
{
	static const char *const names[] = { "sessions", "users", "orgs", "roles", "user_roles",
	    "role_permissions", "permissions", "ticket_groups", "ticket_group_members",
	    "ticket_canned", "ticket_categories", "ticket_category_texts", "ticket_services",
	    "ticket_service_texts", "ticket_service_tiers", "ticket_fields", "ticket_field_texts",
	    "ticket_field_options", "ticket_field_option_texts", "ticket_priority_matrix" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && strncasecmp(w, names[i], n) == 0)
			return 1;
	return 0;
}

static int
word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * 1 if q writes (INSERT, UPDATE, DELETE, REPLACE) and names a table a
 * session or a kept list is read from anywhere in its text: the rough
 * test errs on the side of outdating kept sessions and rows once too
 * often.
 */
static int
writes_auth(const struct pt_sql *q)
{
	const char *p = q->text, *w;

	if (strncmp(p, PT_SQL_KEEPS_SESSIONS, sizeof(PT_SQL_KEEPS_SESSIONS) - 1) == 0)
		return 0;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '(')
		p++;
	if (strncasecmp(p, "INSERT", 6) != 0 && strncasecmp(p, "UPDATE", 6) != 0 &&
	    strncasecmp(p, "DELETE", 6) != 0 && strncasecmp(p, "REPLACE", 7) != 0)
		return 0;
	if (pt_session_sql_safe(q))
		return 0;
	for (; *p != '\0'; p = w) {
		while (*p != '\0' && !word_char(*p))
			p++;
		for (w = p; word_char(*w); w++)
			;
		if (w > p && pt_db_kept_table(p, (size_t)(w - p)))
			return 1;
	}
	return 0;
}

int
pt_db_register(const struct pt_sql *sql, size_t n)
{
	size_t i;

	if (ntables == MAX_TABLES)
		return PT_ELIMIT;
	if ((tables[ntables].stmts = calloc(n, sizeof(MYSQL_STMT *))) == NULL ||
	    (tables[ntables].auth = calloc(n, 1)) == NULL) {
		free(tables[ntables].stmts);
		return PT_ENOMEM;
	}
	for (i = 0; i < n; i++)
		tables[ntables].auth[i] = (unsigned char)writes_auth(&sql[i]);
	tables[ntables].sql = sql;
	tables[ntables].n = n;
	ntables++;
	return PT_OK;
}

/* The runtime's own tables come first; a worker's follow. */
int
pt_db_init(void)
{
	if (ntables > 0)
		return PT_OK;
	if (pt_db_register(pt_core_sql, pt_core_nsql) != PT_OK ||
	    pt_db_register(pt_token_sql, pt_token_nsql) != PT_OK ||
	    pt_db_register(pt_mail_sql, pt_mail_nsql) != PT_OK ||
	    pt_db_register(pt_budget_sql, pt_budget_nsql) != PT_OK ||
	    pt_db_register(pt_pagecache_sql, pt_pagecache_nsql) != PT_OK ||
	    pt_db_register(pt_api_sql, pt_api_nsql) != PT_OK ||
	    pt_db_register(pt_flow_sql, pt_flow_nsql) != PT_OK ||
	    pt_db_register(pt_task_mail_sql, pt_task_mail_nsql) != PT_OK ||
	    pt_db_register(pt_task_count_sql, pt_task_count_nsql) != PT_OK)
		return PT_ENOMEM;
	return PT_OK;
}

static int
is_lost(unsigned int err)
{
	switch (err) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_LOST_EXTENDED:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
	case ER_QUERY_INTERRUPTED:
		return 1;
	default:
		return 0;
	}
}

void
pt_db_close(void)
{
	size_t t, i;

	for (t = 0; t < ntables; t++)
		for (i = 0; i < tables[t].n; i++)
			if (tables[t].stmts[i] != NULL) {
				mysql_stmt_close(tables[t].stmts[i]);
				tables[t].stmts[i] = NULL;
			}
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	in_tx = 0;
	last_stmt = NULL;
}

/* The server's words for the last failed connection attempt. */
static char connect_error[512];

const char *
pt_db_connect_error(void)
{
	return connect_error;
}

/*
 * [database] user and password, or for PT_DB_MIGRATE migrate_user and
 * migrate_password when migrate_user is set (the account with DDL rights;
 * the workers' account has data rights only).
 */
void
pt_db_account(enum pt_db_account account, const char **user, const char **password)
{
	const char *mu = pt_conf_str("database", "migrate_user", NULL);

	if (account == PT_DB_MIGRATE && mu != NULL) {
		*user = mu;
		*password = pt_conf_str("database", "migrate_password", NULL);
	} else {
		*user = pt_conf_str("database", "user", "portico");
		*password = pt_conf_str("database", "password", NULL);
	}
}

static MYSQL *
open_conn(enum pt_db_account account, unsigned long flags)
{
	const char *user, *password;
	unsigned int timeout = (unsigned int)pt_conf_int("database", "connect_timeout_s", 2);
	unsigned int rw_timeout = 30;
	my_bool no = 0;
	MYSQL *m;

	if ((m = mysql_init(NULL)) == NULL)
		return NULL;
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	mysql_options(m, MYSQL_OPT_RECONNECT, &no);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* All times in the database are UTC; NOW() must agree. */
	mysql_options(m, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+00:00', group_concat_max_len = 65536");
	pt_db_account(account, &user, &password);
	if (mysql_real_connect(m, pt_conf_str("database", "host", NULL), user, password,
	    pt_conf_str("database", "name", "portico"),
	    (unsigned int)pt_conf_int("database", "port", 0),
	    pt_conf_str("database", "socket", NULL), flags) == NULL) {
		snprintf(connect_error, sizeof(connect_error), "%s", mysql_error(m));
		pt_log(NULL, PT_LOG_ERROR, "database connect: %s", connect_error);
		mysql_close(m);
		return NULL;
	}
	if (session_sql != NULL && account == PT_DB_WORKERS &&
	    mysql_real_query(m, session_sql, strlen(session_sql)) != 0) {
		snprintf(connect_error, sizeof(connect_error), "%s", mysql_error(m));
		pt_log(NULL, PT_LOG_ERROR, "database session: %s", connect_error);
		mysql_close(m);
		return NULL;
	}
	return m;
}

int
pt_db_lost(void)
{
	return last_errno == 0 || is_lost(last_errno);
}

long
pt_db_outage(struct pt_db_outage *o, int down)
{
	time_t now = time(NULL);

	if (!down) {
		if (o->since != 0)
			pt_log(NULL, PT_LOG_INFO, "database back after %lld s",
			    (long long)(now - o->since));
		o->since = 0;
		o->wait_ms = 1000;
		return 0;
	}
	/* Say so when it starts, then once a minute, not every attempt. */
	if (o->since == 0 || now - o->noted >= 60) {
		pt_log(NULL, PT_LOG_ERROR, "database unavailable%s; retrying",
		    o->since == 0 ? "" : " still");
		o->noted = now;
	}
	if (o->since == 0) {
		o->since = now;
		o->wait_ms = 1000;
	}
	/* 1 s, then up to 8 s between attempts. */
	if (o->wait_ms < 8000 && o->since != now)
		o->wait_ms *= 2;
	return o->wait_ms;
}

void
pt_db_session(const char *sql)
{
	session_sql = sql;
}

unsigned int
pt_db_errno(void)
{
	return last_errno;
}

MYSQL *
pt_db_connect_admin(enum pt_db_account account)
{
	return open_conn(account, CLIENT_MULTI_STATEMENTS);
}

static int
connect_and_prepare(void)
{
	unsigned long caps = 0;
	size_t t, i;

	pt_db_close();
	if ((conn = open_conn(PT_DB_WORKERS, 0)) == NULL)
		return PT_EDB;
	bulk = mariadb_get_infov(conn, MARIADB_CONNECTION_EXTENDED_SERVER_CAPABILITIES, &caps) == 0 &&
	    (caps & (MARIADB_CLIENT_STMT_BULK_OPERATIONS >> 32)) != 0;
	for (t = 0; t < ntables; t++)
		for (i = 0; i < tables[t].n; i++) {
			MYSQL_STMT *st = mysql_stmt_init(conn);
			const char *text = tables[t].sql[i].text;

			if (st == NULL || mysql_stmt_prepare(st, text, strlen(text)) != 0) {
				pt_log(NULL, PT_LOG_ERROR, "prepare %s: %s", tables[t].sql[i].name,
				    st != NULL ? mysql_stmt_error(st) : "out of memory");
				if (st != NULL)
					mysql_stmt_close(st);
				pt_db_close();
				return PT_EDB;
			}
			tables[t].stmts[i] = st;
		}
	return PT_OK;
}

static MYSQL_STMT *
stmt_of(const struct pt_sql *q)
{
	size_t t;

	for (t = 0; t < ntables; t++)
		if (q >= tables[t].sql && q < tables[t].sql + tables[t].n)
			return tables[t].stmts[q - tables[t].sql];
	return NULL;
}

/* Tell the kept sessions and lists when q, just executed, may have changed one. */
static void
note_write(const struct pt_sql *q)
{
	size_t t;

	for (t = 0; t < ntables; t++)
		if (q >= tables[t].sql && q < tables[t].sql + tables[t].n) {
			if (tables[t].auth[q - tables[t].sql])
				pt_session_changed();
			return;
		}
}

struct pt_bind
pt_int(long long i)
{
	struct pt_bind b = { .type = PT_B_INT, .i = i };

	return b;
}

struct pt_bind
pt_str(const char *s)
{
	struct pt_bind b = { .type = s != NULL ? PT_B_STR : PT_B_NULL, .p = s,
	    .len = s != NULL ? strlen(s) : 0 };

	return b;
}

struct pt_bind
pt_blob(const void *p, size_t len)
{
	struct pt_bind b = { .type = PT_B_BLOB, .p = p, .len = len };

	return b;
}

/*
 * Bind nrows rows of n parameters each (b row by row) as arrays, one per
 * column, for one execution of them all (MariaDB's array binding: one
 * round trip).  A column's values must be of one kind, or SQL NULL.
 */
static int
bind_rows(struct pt_req *req, MYSQL_STMT *st, const struct pt_bind *b, size_t n, size_t nrows)
{
	MYSQL_BIND *mb;
	unsigned int size = (unsigned int)nrows;
	size_t c, r;

	if ((mb = pt_alloc(req, n * sizeof(*mb))) == NULL)
		return PT_ENOMEM;
	for (c = 0; c < n; c++) {
		enum pt_bind_type type = PT_B_NULL;
		unsigned long *lens = pt_alloc(req, nrows * sizeof(*lens));
		char *ind = pt_alloc(req, nrows);
		long long *ints = NULL;
		const void **ptrs = NULL;

		if (lens == NULL || ind == NULL)
			return PT_ENOMEM;
		for (r = 0; r < nrows; r++) {
			const struct pt_bind *v = &b[r * n + c];

			if (v->type == PT_B_NULL)
				continue;
			if (type != PT_B_NULL && v->type != type) {
				pt_log(req, PT_LOG_ERROR, "rows bind column %zu as two kinds", c);
				return PT_EINVAL;
			}
			type = v->type;
		}
		if (type == PT_B_INT)
			ints = pt_alloc(req, nrows * sizeof(*ints));
		else
			ptrs = pt_alloc(req, nrows * sizeof(*ptrs));
		if (ints == NULL && ptrs == NULL)
			return PT_ENOMEM;
		for (r = 0; r < nrows; r++) {
			const struct pt_bind *v = &b[r * n + c];

			ind[r] = v->type == PT_B_NULL ? STMT_INDICATOR_NULL : STMT_INDICATOR_NONE;
			lens[r] = (unsigned long)v->len;
			if (ints != NULL)
				ints[r] = v->i;
			else
				ptrs[r] = v->p;
		}
		mb[c].buffer_type = type == PT_B_INT ? MYSQL_TYPE_LONGLONG :
		    type == PT_B_BLOB ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
		mb[c].buffer = ints != NULL ? (void *)ints : (void *)ptrs;
		mb[c].length = lens;
		mb[c].u.indicator = ind;
	}
	if (mysql_stmt_attr_set(st, STMT_ATTR_ARRAY_SIZE, &size) != 0)
		return PT_EDB;
	return mysql_stmt_bind_param(st, mb) == 0 ? PT_OK : PT_EDB;
}

static int
bind_params(struct pt_req *req, MYSQL_STMT *st, const struct pt_bind *b, size_t n, size_t nrows)
{
	MYSQL_BIND *mb;
	unsigned long *lens;
	long long *ints;
	unsigned int single = 0;
	size_t i;

	if (mysql_stmt_param_count(st) != n) {
		pt_log(req, PT_LOG_ERROR, "statement wants %lu parameters, got %zu",
		    mysql_stmt_param_count(st), n);
		return PT_EINVAL;
	}
	if (nrows > 1)
		return bind_rows(req, st, b, n, nrows);
	/* A statement run with rows before runs once again. */
	if (mysql_stmt_attr_set(st, STMT_ATTR_ARRAY_SIZE, &single) != 0)
		return PT_EDB;
	if (n == 0)
		return PT_OK;
	mb = pt_alloc(req, n * sizeof(*mb));
	lens = pt_alloc(req, n * sizeof(*lens));
	ints = pt_alloc(req, n * sizeof(*ints));
	if (mb == NULL || lens == NULL || ints == NULL)
		return PT_ENOMEM;
	for (i = 0; i < n; i++) {
		switch (b[i].type) {
		case PT_B_NULL:
			mb[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case PT_B_INT:
			ints[i] = b[i].i;
			mb[i].buffer_type = MYSQL_TYPE_LONGLONG;
			mb[i].buffer = &ints[i];
			break;
		case PT_B_STR:
		case PT_B_BLOB:
			lens[i] = (unsigned long)b[i].len;
			mb[i].buffer_type = b[i].type == PT_B_STR ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			mb[i].buffer = (void *)(uintptr_t)b[i].p;
			mb[i].buffer_length = lens[i];
			mb[i].length = &lens[i];
			break;
		}
	}
	return mysql_stmt_bind_param(st, mb) == 0 ? PT_OK : PT_EDB;
}

/*
 * A unique key refused the row (1062, 1586): remember which key, from the
 * server's message "Duplicate entry '...' for key 'name'", so a handler
 * can tell the field.  1 if so.
 */
static int
is_duplicate(MYSQL_STMT *st)
{
	const char *msg, *k, *end;
	unsigned int err = mysql_stmt_errno(st);

	dup_key[0] = '\0';
	if (err != ER_DUP_ENTRY && err != ER_DUP_ENTRY_WITH_KEY_NAME)
		return 0;
	msg = mysql_stmt_error(st);
	if ((k = strstr(msg, "for key '")) != NULL) {
		k += strlen("for key '");
		/* A key may be qualified by its table: "orgs.orgs_name". */
		if ((end = strchr(k, '\'')) != NULL && (size_t)(end - k) < sizeof(dup_key)) {
			memcpy(dup_key, k, (size_t)(end - k));
			dup_key[end - k] = '\0';
		}
	}
	return 1;
}

const char *
pt_db_dup_key(void)
{
	const char *dot = strrchr(dup_key, '.');

	return dot != NULL ? dot + 1 : dup_key;
}

/*
 * Execute q, with nrows rows of n binds at once when nrows > 1; on a lost
 * connection outside a transaction, reconnect and retry once.
 */
static int
execute(struct pt_req *req, const struct pt_sql *q, const struct pt_bind *b, size_t n,
    size_t nrows, MYSQL_STMT **out)
{
	int attempt, rc;

	for (attempt = 0; attempt < 2; attempt++) {
		MYSQL_STMT *st;

		if (conn == NULL && (in_tx || connect_and_prepare() != PT_OK))
			return PT_EDB;
		if ((st = stmt_of(q)) == NULL) {
			pt_log(req, PT_LOG_ERROR, "statement %s is not registered", q->name);
			return PT_EINVAL;
		}
		if ((rc = bind_params(req, st, b, n, nrows)) == PT_EINVAL)
			return rc;
		if (rc == PT_OK && mysql_stmt_execute(st) == 0) {
			*out = last_stmt = st;
			note_write(q);
			return PT_OK;
		}
		if (is_duplicate(st)) {
			pt_log(req, PT_LOG_INFO, "%s: %s", q->name, mysql_stmt_error(st));
			return PT_EDUP;
		}
		pt_log(req, PT_LOG_ERROR, "%s: %s", q->name, mysql_stmt_error(st));
		last_errno = mysql_stmt_errno(st) != 0 ? mysql_stmt_errno(st) : mysql_errno(conn);
		if (!is_lost(mysql_stmt_errno(st)) && !is_lost(mysql_errno(conn)))
			return PT_EDB;
		{
			int was_tx = in_tx;

			pt_db_close();
			/* Inside a transaction the work is lost: fail until the caller rolls back. */
			in_tx = was_tx;
			if (was_tx)
				return PT_EDB;
		}
	}
	return PT_EDB;
}

int
pt_db_exec(struct pt_req *req, const struct pt_sql *q, const struct pt_bind *b, size_t n,
    unsigned long long *affected)
{
	MYSQL_STMT *st;
	int rc;

	if ((rc = execute(req, q, b, n, 1, &st)) != PT_OK)
		return rc;
	if (affected != NULL)
		*affected = (unsigned long long)mysql_stmt_affected_rows(st);
	return PT_OK;
}

int
pt_db_exec_rows(struct pt_req *req, const struct pt_sql *q, const struct pt_bind *b,
    size_t nbinds, size_t nrows, unsigned long long *affected)
{
	unsigned long long one, sum = 0;
	MYSQL_STMT *st;
	size_t r;
	int rc;

	if (nrows > 1 && bulk) {
		if ((rc = execute(req, q, b, nbinds, nrows, &st)) != PT_OK)
			return rc;
		sum = (unsigned long long)mysql_stmt_affected_rows(st);
	} else
		/* A server without array binding: one round trip per row. */
		for (r = 0; r < nrows; r++) {
			if ((rc = pt_db_exec(req, q, b + r * nbinds, nbinds, &one)) != PT_OK)
				return rc;
			sum += one;
		}
	if (affected != NULL)
		*affected = sum;
	return PT_OK;
}

unsigned long long
pt_db_insert_id(void)
{
	return last_stmt != NULL ? (unsigned long long)mysql_stmt_insert_id(last_stmt) : 0;
}

static int
fetch_rows(struct pt_req *req, MYSQL_STMT *st, struct pt_rows *rows)
{
	MYSQL_RES *meta;
	MYSQL_BIND *rb;
	unsigned long *lens;
	my_bool *nulls, *errs;
	char *bufs, **cells = NULL;
	size_t *cell_lens = NULL, ncols, cap = 0, c;
	int rc = PT_OK, frc;

	memset(rows, 0, sizeof(*rows));
	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return PT_OK;	/* a statement without a result */
	ncols = mysql_num_fields(meta);
	mysql_free_result(meta);
	rb = pt_alloc(req, ncols * sizeof(*rb));
	lens = pt_alloc(req, ncols * sizeof(*lens));
	nulls = pt_alloc(req, ncols * sizeof(*nulls));
	errs = pt_alloc(req, ncols * sizeof(*errs));
	bufs = pt_alloc(req, ncols * CELL_BYTES);
	if (rb == NULL || lens == NULL || nulls == NULL || errs == NULL || bufs == NULL)
		return PT_ENOMEM;
	for (c = 0; c < ncols; c++) {
		rb[c].buffer_type = MYSQL_TYPE_STRING;
		rb[c].buffer = bufs + c * CELL_BYTES;
		rb[c].buffer_length = CELL_BYTES;
		rb[c].length = &lens[c];
		rb[c].is_null = &nulls[c];
		rb[c].error = &errs[c];
	}
	if (mysql_stmt_bind_result(st, rb) != 0 || mysql_stmt_store_result(st) != 0) {
		pt_log(req, PT_LOG_ERROR, "result: %s", mysql_stmt_error(st));
		mysql_stmt_free_result(st);
		return PT_EDB;
	}
	rows->ncols = ncols;
	while ((frc = mysql_stmt_fetch(st)) == 0 || frc == MYSQL_DATA_TRUNCATED) {
		if (rows->nrows == cap) {
			size_t ncap = cap == 0 ? 16 : cap * 2;
			char **nc = pt_alloc(req, ncap * ncols * sizeof(*nc));
			size_t *nl = pt_alloc(req, ncap * ncols * sizeof(*nl));

			if (nc == NULL || nl == NULL) {
				rc = PT_ENOMEM;
				break;
			}
			if (cap > 0) {
				memcpy(nc, cells, cap * ncols * sizeof(*nc));
				memcpy(nl, cell_lens, cap * ncols * sizeof(*nl));
			}
			cells = nc;
			cell_lens = nl;
			cap = ncap;
		}
		for (c = 0; c < ncols; c++) {
			size_t at = rows->nrows * ncols + c;
			char *v = NULL;

			if (!nulls[c]) {
				if ((v = pt_alloc(req, lens[c] + 1)) == NULL) {
					rc = PT_ENOMEM;
					break;
				}
				if (lens[c] > CELL_BYTES) {
					/* A long value: fetch the whole column into its own buffer. */
					MYSQL_BIND one = { 0 };

					one.buffer_type = MYSQL_TYPE_STRING;
					one.buffer = v;
					one.buffer_length = lens[c] + 1;
					if (mysql_stmt_fetch_column(st, &one, (unsigned int)c, 0) != 0) {
						rc = PT_EDB;
						break;
					}
				} else
					memcpy(v, bufs + c * CELL_BYTES, lens[c]);
				v[lens[c]] = '\0';
			}
			cells[at] = v;
			cell_lens[at] = nulls[c] ? 0 : lens[c];
		}
		if (rc != PT_OK)
			break;
		rows->nrows++;
	}
	if (rc == PT_OK && frc == 1) {
		pt_log(req, PT_LOG_ERROR, "fetch: %s", mysql_stmt_error(st));
		rc = PT_EDB;
	}
	mysql_stmt_free_result(st);
	rows->cell = cells;
	rows->len = cell_lens;
	return rc;
}

int
pt_db_query(struct pt_req *req, const struct pt_sql *q, struct pt_rows *rows,
    const struct pt_bind *b, size_t n)
{
	MYSQL_STMT *st;
	int rc;

	memset(rows, 0, sizeof(*rows));
	if ((rc = execute(req, q, b, n, 1, &st)) != PT_OK)
		return rc;
	return fetch_rows(req, st, rows);
}

long long
pt_cell_int(const struct pt_rows *rows, size_t r, size_t c)
{
	const char *v = pt_cell(rows, r, c);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

static int
simple(struct pt_req *req, const char *sql)
{
	if (mysql_real_query(conn, sql, strlen(sql)) == 0)
		return PT_OK;
	pt_log(req, PT_LOG_ERROR, "%s: %s", sql, mysql_error(conn));
	last_errno = mysql_errno(conn);
	if (is_lost(mysql_errno(conn)))
		pt_db_close();
	return PT_EDB;
}

int
pt_db_begin(struct pt_req *req)
{
	int attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if (conn == NULL && connect_and_prepare() != PT_OK)
			return PT_EDB;
		if (simple(req, "START TRANSACTION") == PT_OK) {
			in_tx = 1;
			return PT_OK;
		}
		if (conn != NULL)
			return PT_EDB;	/* not a lost connection: do not retry */
	}
	return PT_EDB;
}

int
pt_db_commit(struct pt_req *req)
{
	int rc;

	if (conn == NULL) {
		in_tx = 0;
		return PT_EDB;
	}
	rc = simple(req, "COMMIT");
	in_tx = 0;
	return rc;
}

void
pt_db_rollback(struct pt_req *req)
{
	if (conn != NULL && in_tx)
		(void)simple(req, "ROLLBACK");
	in_tx = 0;
}

int
pt_db_in_tx(void)
{
	return in_tx;
}

int
pt_db_used(void)
{
	return ntables > 0;
}

/*
 * Without a round trip: a connection the server has closed (restart,
 * shutdown, timeout) becomes readable or hung up, since the server never
 * speaks unasked.  A dead or missing connection is replaced now.
 */
int
pt_db_alive(void)
{
	struct pollfd pfd;

	if (conn != NULL) {
		pfd.fd = (int)mysql_get_socket(conn);
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (pfd.fd >= 0 && poll(&pfd, 1, 0) == 0)
			return PT_OK;
		pt_db_close();
	}
	return connect_and_prepare();
}

int
pt_db_ping(void)
{
	if (conn != NULL && mysql_ping(conn) == 0)
		return PT_OK;
	return connect_and_prepare();
}
