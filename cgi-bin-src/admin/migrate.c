/*
 * Migrations: <sql>/migrations/NNNN-name.sql applied in name order, each
 * recorded in schema_migrations so it runs once.  Demo data is a second set
 * of files under <sql>/demo, recorded the same way as "demo/NNNN-name".
 *
 * MariaDB commits every DDL statement as it runs, so a file cannot be
 * applied as one transaction.  Instead each file is split into its
 * statements, which run one at a time, and after each the count of those
 * done is kept in schema_migration_steps.  A file that fails halfway stops
 * the run with the file, the statement and the server's error; what ran
 * stays and is recorded there, the file is not recorded as applied, and
 * the next run (after the fix) continues with the statement that failed.
 * Only when all of a file ran is it recorded in schema_migrations (and its
 * steps row removed), once.
 *
 * Runs as the migration account ([database] migrate_user).
 */
#include <dirent.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "admin.h"

#define SQL_FILE_MAX_BYTES (16 * 1024 * 1024)
#define SHOWN_SQL_BYTES 300

static int
drain(MYSQL *m)
{
	int status;

	do {
		MYSQL_RES *res = mysql_store_result(m);

		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(m) != 0)
			return -1;
		status = mysql_next_result(m);
	} while (status == 0);
	return status > 0 ? -1 : 0;
}

static int
run(MYSQL *m, const char *sql, size_t len)
{
	return mysql_real_query(m, sql, len) != 0 || drain(m) != 0 ? -1 : 0;
}

/*
 * q with its first ? bound to version and a second one, if q has it, to n.
 * *out (may be NULL) gets the first column of the first row, -1 when there
 * is no row.  0, or -1 with the server's error printed.
 */
static int
stmt(MYSQL *m, const char *q, const char *version, long long n, long long *out)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	MYSQL_BIND b[2], r;
	unsigned long len = strlen(version);
	long long value = -1;
	my_bool is_null = 0;
	int rc = -1;

	memset(b, 0, sizeof(b));
	b[0].buffer_type = MYSQL_TYPE_STRING;
	b[0].buffer = (void *)(uintptr_t)version;
	b[0].buffer_length = len;
	b[0].length = &len;
	b[1].buffer_type = MYSQL_TYPE_LONGLONG;
	b[1].buffer = &n;
	memset(&r, 0, sizeof(r));
	r.buffer_type = MYSQL_TYPE_LONGLONG;
	r.buffer = &value;
	r.is_null = &is_null;
	if (st != NULL && mysql_stmt_prepare(st, q, strlen(q)) == 0 &&
	    mysql_stmt_bind_param(st, b) == 0 && mysql_stmt_execute(st) == 0 &&
	    (out == NULL || (mysql_stmt_bind_result(st, &r) == 0 &&
	    mysql_stmt_store_result(st) == 0 && mysql_stmt_fetch(st) != 1)))
		rc = 0;
	if (rc != 0)
		fprintf(stderr, "portico-admin: %s\n", st != NULL ? mysql_stmt_error(st) :
		    "out of memory");
	if (out != NULL)
		*out = is_null ? -1 : value;
	if (st != NULL)
		mysql_stmt_close(st);
	return rc;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf;

	if (f == NULL)
		return NULL;
	if ((buf = malloc(SQL_FILE_MAX_BYTES)) != NULL) {
		*len = fread(buf, 1, SQL_FILE_MAX_BYTES, f);
		if (*len == SQL_FILE_MAX_BYTES) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

static int
is_sql(const struct dirent *d)
{
	size_t len = strlen(d->d_name);

	return len > 4 && strcmp(d->d_name + len - 4, ".sql") == 0 && d->d_name[0] != '.';
}

int
admin_sql_files(const char *dir, struct dirent ***names)
{
	return scandir(dir, names, is_sql, alphasort);
}

void
admin_sql_files_free(struct dirent **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/*
 * A line "DELIMITER <string>" before a statement makes <string> end the
 * statements after it, as in the mariadb client, so that a trigger or
 * routine whose body holds ';' (IF ... THEN ...; END IF) is one statement:
 *
 *	DELIMITER //
 *	CREATE TRIGGER t AFTER UPDATE ON a FOR EACH ROW
 *	IF NEW.x <> OLD.x THEN INSERT INTO b VALUES (NEW.id); END IF //
 *	DELIMITER ;
 *
 * 1 if the line at sql[*i] was one (*i is then past it), 0 if not.
 */
static int
delimiter_line(const char *sql, size_t len, size_t *i, char delim[ADMIN_DELIM_MAX])
{
	static const char word[] = "DELIMITER";
	size_t a = *i + sizeof(word) - 1, b;

	if (a >= len || strncasecmp(sql + *i, word, sizeof(word) - 1) != 0 ||
	    (sql[a] != ' ' && sql[a] != '\t'))
		return 0;
	while (a < len && (sql[a] == ' ' || sql[a] == '\t'))
		a++;
	for (b = a; b < len && strchr(" \t\r\n", sql[b]) == NULL; b++)
		;
	if (b == a || b - a >= ADMIN_DELIM_MAX)
		return 0;
	memcpy(delim, sql + a, b - a);
	delim[b - a] = '\0';
	while (b < len && sql[b] != '\n')
		b++;
	*i = b;
	return 1;
}

/*
 * The next statement of sql[*pos..len): *start and *end delimit it without
 * its delimiter (';' until a DELIMITER line names another) and the comments
 * and white space before it.  Quotes (' " `) and comments (-- , #, / * * /)
 * may hold the delimiter.  delim starts as ";" and carries a DELIMITER
 * line's string to the next call.  1 if there is one, 0 at the end.
 */
int
admin_sql_next(const char *sql, size_t len, size_t *pos, size_t *start, size_t *end,
    char delim[ADMIN_DELIM_MAX])
{
	size_t i, dlen;
	int any = 0;

again:
	i = *pos;
	for (;;) {
		while (i < len && (sql[i] == ' ' || sql[i] == '\t' || sql[i] == '\n' ||
		    sql[i] == '\r'))
			i++;
		if (i + 1 < len && sql[i] == '-' && sql[i + 1] == '-' &&
		    (i + 2 == len || strchr(" \t\r\n", sql[i + 2]) != NULL)) {
			while (i < len && sql[i] != '\n')
				i++;
		} else if (i < len && sql[i] == '#') {
			while (i < len && sql[i] != '\n')
				i++;
		} else if (i + 1 < len && sql[i] == '/' && sql[i + 1] == '*' &&
		    (i + 2 >= len || sql[i + 2] != '!')) {
			for (i += 2; i + 1 < len && !(sql[i] == '*' && sql[i + 1] == '/'); i++)
				;
			i = i + 2 < len ? i + 2 : len;
		} else if (!delimiter_line(sql, len, &i, delim))
			break;
	}
	*start = i;
	dlen = strlen(delim);
	while (i < len && strncmp(sql + i, delim, dlen) != 0) {
		char c = sql[i];

		any = 1;
		if (c == '\'' || c == '"' || c == '`') {
			for (i++; i < len && sql[i] != c; i++)
				if (sql[i] == '\\' && c != '`' && i + 1 < len)
					i++;
		} else if (c == '-' && i + 2 < len && sql[i + 1] == '-' &&
		    strchr(" \t\r\n", sql[i + 2]) != NULL) {
			while (i + 1 < len && sql[i + 1] != '\n')
				i++;
		} else if (c == '#') {
			while (i + 1 < len && sql[i + 1] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && sql[i + 1] == '*') {
			for (i += 2; i + 1 < len && !(sql[i] == '*' && sql[i + 1] == '/'); i++)
				;
			i++;
		}
		if (i < len)
			i++;
	}
	*end = i < len ? i : len;
	while (*end > *start && strchr(" \t\r\n", sql[*end - 1]) != NULL)
		(*end)--;
	*pos = i < len ? i + dlen : len;
	if (!any && *pos < len)
		goto again;	/* an empty statement: ";;" */
	return any;
}

static int
line_of(const char *sql, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += sql[i] == '\n';
	return line;
}

/*
 * Apply one file's statements after the first done ones, keeping count in
 * schema_migration_steps, then record the file.  PT_OK or PT_EDB, with the
 * statement that failed and what to do told on stderr.
 */
static int
apply_file(MYSQL *m, const char *version, const char *sql, size_t len, long long done)
{
	static const char q_step[] =
	    "INSERT INTO schema_migration_steps (version, statements_done, updated_at)"
	    " VALUES (?, ?, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE"
	    " statements_done = VALUES(statements_done), updated_at = VALUES(updated_at)";
	static const char q_record[] =
	    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, UTC_TIMESTAMP(6))";
	static const char q_unstep[] = "DELETE FROM schema_migration_steps WHERE version = ?";
	size_t pos = 0, start, end;
	char delim[ADMIN_DELIM_MAX] = ";";
	long long k = 0;

	if (done > 0)
		printf("%s: statements 1-%lld ran before; continuing with statement %lld\n",
		    version, done, done + 1);
	while (admin_sql_next(sql, len, &pos, &start, &end, delim)) {
		if (++k <= done)
			continue;
		if (run(m, sql + start, end - start) != 0) {
			int shown = end - start > SHOWN_SQL_BYTES ? SHOWN_SQL_BYTES : (int)(end - start);

			fprintf(stderr, "portico-admin: %s failed at statement %lld (line %d): %s\n"
			    "  %.*s%s\n", version, k, line_of(sql, start), mysql_error(m), shown,
			    sql + start, (size_t)shown < end - start ? " ..." : "");
			if (k > 1)
				fprintf(stderr, "portico-admin: statements 1-%lld of %s ran and are"
				    " kept (MariaDB commits DDL as it goes); %s is not recorded as"
				    " applied.\n", k - 1, version, version);
			else
				fprintf(stderr, "portico-admin: nothing of %s ran.\n", version);
			fprintf(stderr, "portico-admin: fix statement %lld (or those after it) and"
			    " run portico-admin migrate again: it continues with statement %lld.\n",
			    k, k);
			return PT_EDB;
		}
		if (stmt(m, q_step, version, k, NULL) != 0)
			return PT_EDB;
	}
	if (run(m, "START TRANSACTION", 17) != 0 || stmt(m, q_record, version, 0, NULL) != 0 ||
	    stmt(m, q_unstep, version, 0, NULL) != 0 || run(m, "COMMIT", 6) != 0) {
		fprintf(stderr, "portico-admin: %s ran but could not be recorded: %s\n", version,
		    mysql_error(m));
		return PT_EDB;
	}
	return PT_OK;
}

int
admin_migrate(const char *sql_dir, const char *subdir)
{
	static const char *const bootstrap[] = {
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version VARCHAR(200) NOT NULL PRIMARY KEY,"
	    " applied_at DATETIME(6) NOT NULL"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
	    /* The statements of a file that did not run to the end. */
	    "CREATE TABLE IF NOT EXISTS schema_migration_steps ("
	    " version VARCHAR(200) NOT NULL PRIMARY KEY,"
	    " statements_done INT UNSIGNED NOT NULL,"
	    " updated_at DATETIME(6) NOT NULL"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
	};
	static const char q_applied[] = "SELECT COUNT(*) FROM schema_migrations WHERE version = ?";
	static const char q_done[] =
	    "SELECT statements_done FROM schema_migration_steps WHERE version = ?";
	char dir[1024], path[2048], version[512];
	struct dirent **names = NULL;
	MYSQL *m;
	size_t b;
	int n, i, rc = PT_OK, count = 0;

	snprintf(dir, sizeof(dir), "%s/%s", sql_dir, subdir);
	if ((m = pt_db_connect_admin(PT_DB_MIGRATE)) == NULL) {
		fprintf(stderr, "portico-admin: cannot connect to the database: %s\n",
		    pt_db_connect_error());
		return PT_EDB;
	}
	for (b = 0; b < PT_NELEM(bootstrap); b++)
		if (run(m, bootstrap[b], strlen(bootstrap[b])) != 0) {
			fprintf(stderr, "portico-admin: %s\n", mysql_error(m));
			mysql_close(m);
			return PT_EDB;
		}
	if ((n = admin_sql_files(dir, &names)) < 0) {
		fprintf(stderr, "portico-admin: cannot read %s\n", dir);
		mysql_close(m);
		return PT_ESYS;
	}
	/* The first failure stops the run: later files may build on that one. */
	for (i = 0; i < n && rc == PT_OK; i++) {
		long long applied, done;
		size_t len = 0;
		char *sql;

		snprintf(version, sizeof(version), "%s%s", strcmp(subdir, "migrations") == 0 ?
		    "" : "demo/", names[i]->d_name);
		if (stmt(m, q_applied, version, 0, &applied) != 0 ||
		    stmt(m, q_done, version, 0, &done) != 0) {
			rc = PT_EDB;
			break;
		}
		if (applied > 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if ((sql = slurp(path, &len)) == NULL) {
			fprintf(stderr, "portico-admin: cannot read %s\n", path);
			rc = PT_ESYS;
			break;
		}
		if ((rc = apply_file(m, version, sql, len, done > 0 ? done : 0)) == PT_OK) {
			printf("applied %s\n", version);
			count++;
		}
		free(sql);
	}
	admin_sql_files_free(names, n);
	mysql_close(m);
	if (rc == PT_OK)
		printf("%s: %d applied, up to date\n", subdir, count);
	return rc;
}
