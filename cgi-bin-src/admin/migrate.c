/*
 * Migrations: <sql>/migrations/NNNN-name.sql applied in name order, each
 * recorded in schema_migrations so it runs once.  Demo data is a second set
 * of files under <sql>/demo, recorded the same way as "demo/NNNN-name".
 * Each file is one multi-statement query; a file that fails stops the run
 * and is not recorded, so it is retried after the fix.
 */
#include <dirent.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"

#define SQL_FILE_MAX_BYTES (16 * 1024 * 1024)

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
	if (mysql_real_query(m, sql, len) != 0 || drain(m) != 0) {
		fprintf(stderr, "portico-admin: %s\n", mysql_error(m));
		return -1;
	}
	return 0;
}

static int
applied(MYSQL *m, const char *version)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	const char *q = "SELECT 1 FROM schema_migrations WHERE version = ?";
	MYSQL_BIND b;
	unsigned long len = strlen(version);
	int found = -1;

	memset(&b, 0, sizeof(b));
	b.buffer_type = MYSQL_TYPE_STRING;
	b.buffer = (void *)(uintptr_t)version;
	b.buffer_length = len;
	b.length = &len;
	if (st != NULL && mysql_stmt_prepare(st, q, strlen(q)) == 0 &&
	    mysql_stmt_bind_param(st, &b) == 0 && mysql_stmt_execute(st) == 0 &&
	    mysql_stmt_store_result(st) == 0)
		found = mysql_stmt_num_rows(st) > 0;
	if (st != NULL)
		mysql_stmt_close(st);
	return found;
}

static int
record(MYSQL *m, const char *version)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	const char *q = "INSERT INTO schema_migrations (version, applied_at) VALUES (?, UTC_TIMESTAMP(6))";
	MYSQL_BIND b;
	unsigned long len = strlen(version);
	int rc = -1;

	memset(&b, 0, sizeof(b));
	b.buffer_type = MYSQL_TYPE_STRING;
	b.buffer = (void *)(uintptr_t)version;
	b.buffer_length = len;
	b.length = &len;
	if (st != NULL && mysql_stmt_prepare(st, q, strlen(q)) == 0 &&
	    mysql_stmt_bind_param(st, &b) == 0 && mysql_stmt_execute(st) == 0)
		rc = 0;
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
admin_migrate(const char *sql_dir, const char *subdir)
{
	static const char bootstrap[] =
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version VARCHAR(200) NOT NULL PRIMARY KEY,"
	    " applied_at DATETIME(6) NOT NULL"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
	char dir[1024], path[2048], version[512];
	struct dirent **names = NULL;
	MYSQL *m;
	int n, i, rc = PT_OK, count = 0;

	snprintf(dir, sizeof(dir), "%s/%s", sql_dir, subdir);
	if ((m = pt_db_connect_multi()) == NULL)
		return PT_EDB;
	if (run(m, bootstrap, strlen(bootstrap)) != 0) {
		mysql_close(m);
		return PT_EDB;
	}
	if ((n = scandir(dir, &names, is_sql, alphasort)) < 0) {
		fprintf(stderr, "portico-admin: cannot read %s\n", dir);
		mysql_close(m);
		return PT_ESYS;
	}
	for (i = 0; i < n; i++) {
		size_t len = 0;
		char *sql;
		int done;

		snprintf(version, sizeof(version), "%s%s", strcmp(subdir, "migrations") == 0 ?
		    "" : "demo/", names[i]->d_name);
		if (rc != PT_OK || (done = applied(m, version)) == 1)
			continue;
		if (done < 0) {
			rc = PT_EDB;
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if ((sql = slurp(path, &len)) == NULL) {
			fprintf(stderr, "portico-admin: cannot read %s\n", path);
			rc = PT_ESYS;
			continue;
		}
		if (run(m, sql, len) != 0 || record(m, version) != 0) {
			fprintf(stderr, "portico-admin: %s failed; fix it and run again\n", version);
			rc = PT_EDB;
		} else {
			printf("applied %s\n", version);
			count++;
		}
		free(sql);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	mysql_close(m);
	if (rc == PT_OK)
		printf("%s: %d applied, up to date\n", subdir, count);
	return rc;
}

int
admin_check(void)
{
	return pt_db_init() == PT_OK && pt_db_ping() == PT_OK ? PT_OK : PT_EDB;
}
