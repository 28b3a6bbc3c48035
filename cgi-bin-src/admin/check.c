/*
 * portico-admin check [--nginx-user USER]: is this installation ready to
 * serve?  One line per check, "ok", "warn" or "FAIL", each failure with
 * what to do about it; PT_OK only when nothing failed.  Run it as the
 * workers' user: what is writable is decided for the user that runs it.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"

#define MAX_GROUPS 256

static int failures;

static void
say(const char *status, const char *what, const char *fmt, ...)
{
	va_list ap;

	if (strcmp(status, "FAIL") == 0)
		failures++;
	printf("%-6s%s: ", status, what);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- configuration --------------------------------------------------------- */

static const char *
conf_path(void)
{
	const char *p = getenv("PORTICO_CONF");

	return p != NULL ? p : PT_SYSCONFDIR "/portico/portico.conf";
}

static int
check_conf(int conf_rc)
{
	const char *path = conf_path(), *base_url = pt_conf_str("site", "base_url", "");
	static const char *const bools[][2] = {
		{ "site", "development" }, { "site", "secure_cookies" },
	};
	struct stat st;
	size_t i;
	int bad = 0;

	if (conf_rc != PT_OK) {
		if (stat(path, &st) != 0 || access(path, R_OK) != 0)
			say("FAIL", "config", "cannot read config %s: %s (set PORTICO_CONF to the"
			    " configuration file, copied from portico.conf.sample)", path,
			    strerror(errno));
		else
			say("FAIL", "config", "%s is malformed: every line is a [section], a"
			    " key = value or a ; comment", path);
		return PT_EINVAL;
	}
	for (i = 0; i < PT_NELEM(bools); i++)
		if (pt_conf_bool(bools[i][0], bools[i][1], 0) != pt_conf_bool(bools[i][0],
		    bools[i][1], 1)) {
			say("FAIL", "config", "[%s] %s is not true or false", bools[i][0], bools[i][1]);
			bad = 1;
		}
	if (strncmp(base_url, "https://", 8) != 0 && strncmp(base_url, "http://", 7) != 0) {
		say("FAIL", "config", "[site] base_url must be the portal's address,"
		    " https://host");
		bad = 1;
	}
	if (stat(path, &st) == 0 && (st.st_mode & S_IROTH) != 0) {
		say("FAIL", "config", "%s is readable by every user and holds the database"
		    " password (chmod o-rwx %s; the workers' user must still read it)", path, path);
		bad = 1;
	}
	if (!bad)
		say("ok", "config", "%s", path);
	return PT_OK;
}

/* ---- database -------------------------------------------------------------- */

/* "user@host via socket" for the lines about an account. */
static const char *
describe_account(enum pt_db_account account, char *buf, size_t size)
{
	const char *user, *password, *socket = pt_conf_str("database", "socket", NULL);
	const char *host = pt_conf_str("database", "host", NULL);

	pt_db_account(account, &user, &password);
	if (host == NULL || strcmp(host, "localhost") == 0)
		snprintf(buf, size, "%s@localhost via %s", user, socket != NULL ? socket :
		    "the default socket");
	else
		snprintf(buf, size, "%s@%s port %ld", user, host,
		    pt_conf_int("database", "port", 3306));
	return buf;
}

/* The workers' account should not be able to change the schema. */
static void
check_grants(MYSQL *m, const char *user)
{
	static const char *const ddl[] = { "ALL PRIVILEGES", "CREATE", "ALTER", "DROP" };
	MYSQL_RES *res;
	MYSQL_ROW row;
	const char *found = NULL;
	size_t i;

	if (mysql_query(m, "SHOW GRANTS FOR CURRENT_USER") != 0 ||
	    (res = mysql_store_result(m)) == NULL)
		return;
	while (found == NULL && (row = mysql_fetch_row(res)) != NULL) {
		const char *on = row[0] != NULL ? strstr(row[0], " ON ") : NULL;

		for (i = 0; on != NULL && found == NULL && i < PT_NELEM(ddl); i++) {
			const char *p = strstr(row[0], ddl[i]);

			if (p != NULL && p < on)
				found = ddl[i];
		}
	}
	mysql_free_result(res);
	if (found != NULL)
		say("warn", "database", "the workers' account %s has %s: grant it SELECT, INSERT,"
		    " UPDATE, DELETE only and give portico-admin migrate its own account"
		    " ([database] migrate_user)", user, found);
}

static MYSQL *
check_db(void)
{
	const char *user, *password;
	char who[512];
	MYSQL *m;

	describe_account(PT_DB_WORKERS, who, sizeof(who));
	pt_db_account(PT_DB_WORKERS, &user, &password);
	if ((m = pt_db_connect_admin(PT_DB_WORKERS)) == NULL) {
		say("FAIL", "database", "%s: %s (is MariaDB running, and are [database] user and"
		    " password those of the CREATE USER in portico.conf.sample?)", who,
		    pt_db_connect_error());
		return NULL;
	}
	say("ok", "database", "%s, database %s (MariaDB %s)", who,
	    pt_conf_str("database", "name", "portico"), mysql_get_server_info(m));
	check_grants(m, user);
	if (pt_conf_str("database", "migrate_user", NULL) == NULL) {
		say("ok", "migrate account", "none set: portico-admin migrate uses %s", user);
	} else {
		MYSQL *mm = pt_db_connect_admin(PT_DB_MIGRATE);

		describe_account(PT_DB_MIGRATE, who, sizeof(who));
		if (mm == NULL)
			say("FAIL", "migrate account", "%s: %s (check [database] migrate_user and"
			    " migrate_password)", who, pt_db_connect_error());
		else
			say("ok", "migrate account", "%s", who);
		if (mm != NULL)
			mysql_close(mm);
	}
	return m;
}

/* Whether name is one of the n names. */
static int
listed(const char *name, char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/* Append " word" to buf if it fits, else "..." once. */
static void
append(char *buf, size_t size, const char *word)
{
	size_t len = strlen(buf);

	if (len + strlen(word) + 6 < size)
		snprintf(buf + len, size - len, " %s", word);
	else if (len < 4 || strcmp(buf + len - 4, " ...") != 0)
		snprintf(buf + len, size - len, " ...");
}

/*
 * The migrations of this install against those the database has:
 * pending ones, a file that stopped halfway, and applied ones this install
 * does not have (the schema is newer than the programs).
 */
static void
check_migrations(MYSQL *m, const char *sql_dir)
{
	char dir[1024], pending[2048] = "", newer[2048] = "", word[512];
	char **files = NULL, **applied = NULL;
	struct dirent **names = NULL;
	MYSQL_RES *res;
	MYSQL_ROW row;
	int nfiles, napplied = 0, i, npending = 0, nnewer = 0;

	snprintf(dir, sizeof(dir), "%s/migrations", sql_dir);
	if ((nfiles = admin_sql_files(dir, &names)) < 0) {
		say("FAIL", "migrations", "cannot read %s", dir);
		return;
	}
	if (mysql_query(m, "SELECT version FROM schema_migrations"
	    " WHERE version NOT LIKE 'demo/%' ORDER BY version") != 0 ||
	    (res = mysql_store_result(m)) == NULL) {
		if (mysql_errno(m) == ER_NO_SUCH_TABLE)
			say("FAIL", "migrations", "none applied, the database is empty (run"
			    " portico-admin migrate)");
		else
			say("FAIL", "migrations", "%s", mysql_error(m));
		admin_sql_files_free(names, nfiles);
		return;
	}
	files = calloc((size_t)nfiles + 1, sizeof(*files));
	applied = calloc(mysql_num_rows(res) + 1, sizeof(*applied));
	for (i = 0; files != NULL && i < nfiles; i++)
		files[i] = names[i]->d_name;
	while (applied != NULL && (row = mysql_fetch_row(res)) != NULL)
		applied[napplied++] = row[0];
	for (i = 0; files != NULL && applied != NULL && i < napplied; i++)
		if (!listed(applied[i], files, nfiles)) {
			nnewer++;
			append(newer, sizeof(newer), applied[i]);
		}
	for (i = 0; files != NULL && applied != NULL && i < nfiles; i++)
		if (!listed(files[i], applied, napplied)) {
			npending++;
			append(pending, sizeof(pending), files[i]);
		}
	/* A file that stopped halfway (migrate.c): say where it stands. */
	if (mysql_query(m, "SELECT version, statements_done FROM schema_migration_steps"
	    " ORDER BY version") == 0) {
		MYSQL_RES *steps = mysql_store_result(m);

		while (steps != NULL && (row = mysql_fetch_row(steps)) != NULL) {
			snprintf(word, sizeof(word), "(%s stopped after statement %s)", row[0],
			    row[1]);
			append(pending, sizeof(pending), word);
		}
		if (steps != NULL)
			mysql_free_result(steps);
	}
	if (files == NULL || applied == NULL)
		say("FAIL", "migrations", "out of memory");
	else if (nnewer > 0)
		say("FAIL", "migrations", "the schema is newer than this install: applied but"
		    " not in %s:%s (install the Portico version that has them, or restore the"
		    " backup taken before the upgrade)", dir, newer);
	if (npending > 0)
		say("FAIL", "migrations", "%d pending:%s (run portico-admin migrate)", npending,
		    pending);
	else if (files != NULL && applied != NULL && nnewer == 0)
		say("ok", "migrations", "%d applied, none pending (%s)", napplied, dir);
	free(files);
	free(applied);
	mysql_free_result(res);
	admin_sql_files_free(names, nfiles);
}

/* ---- directories ----------------------------------------------------------- */

struct who {
	const char	*name;
	uid_t		 uid;
	gid_t		 groups[MAX_GROUPS];
	int		 ngroups;
};

static int
who_init(struct who *w, const char *name)
{
	struct passwd *pw = getpwnam(name);

	if (pw == NULL)
		return PT_EINVAL;
	w->name = name;
	w->uid = pw->pw_uid;
	w->ngroups = MAX_GROUPS;
	if (getgrouplist(name, pw->pw_gid, w->groups, &w->ngroups) < 0)
		w->ngroups = 0;
	return PT_OK;
}

static int
in_group(const struct who *w, gid_t gid)
{
	int i;

	for (i = 0; i < w->ngroups; i++)
		if (w->groups[i] == gid)
			return 1;
	return 0;
}

/* The permission bits (4 r, 2 w, 1 x) w has on st, as the kernel decides. */
static int
may(const struct who *w, const struct stat *st, int want)
{
	int bits;

	if (w->uid == 0)
		return 1;
	if (w->uid == st->st_uid)
		bits = (st->st_mode >> 6) & 7;
	else if (in_group(w, st->st_gid))
		bits = (st->st_mode >> 3) & 7;
	else
		bits = st->st_mode & 7;
	return (bits & want) == want;
}

/* The name of group gid in buf (getgrgid's answer is overwritten by the next call). */
static const char *
group_name(gid_t gid, char *buf, size_t size)
{
	struct group *g = getgrgid(gid);

	if (g != NULL)
		snprintf(buf, size, "%s", g->gr_name);
	else
		snprintf(buf, size, "%ld", (long)gid);
	return buf;
}

/*
 * nginx's user reaches into dir (x on dir and every directory above it)
 * and reads the files the workers make in it: 0640 (0750 for directories),
 * in dir's group when dir has the setgid bit, else in the workers' group.
 */
static int
nginx_reads(const struct who *nginx, const char *dir, char *why, size_t size)
{
	char path[1024], g1[64], g2[64];
	struct stat st;
	gid_t gid;
	char *p;

	snprintf(path, sizeof(path), "%s", dir);
	for (p = path; p != NULL; p = strchr(p + 1, '/')) {
		char c = p[1];

		p[1] = '\0';
		if (stat(path, &st) == 0 && !may(nginx, &st, 1)) {
			snprintf(why, size, "nginx's user %s cannot enter %s (chmod o+x %s, or give"
			    " it to nginx's group)", nginx->name, path, path);
			return PT_EINVAL;
		}
		p[1] = c;
	}
	if (stat(dir, &st) != 0 || !may(nginx, &st, 1)) {
		snprintf(why, size, "nginx's user %s cannot enter %s (mode %04o, group %s): give it"
		    " nginx's group with the setgid bit, chgrp %s %s && chmod 2750 %s", nginx->name,
		    dir, (unsigned)(st.st_mode & 07777), group_name(st.st_gid, g1, sizeof(g1)),
		    group_name(nginx->groups[0], g2, sizeof(g2)), dir, dir);
		return PT_EINVAL;
	}
	gid = (st.st_mode & S_ISGID) != 0 ? st.st_gid : getegid();
	if (nginx->uid != 0 && nginx->uid != geteuid() && !in_group(nginx, gid)) {
		snprintf(why, size, "nginx's user %s cannot read the files the workers write in %s"
		    " (mode 0640, group %s): give the directory nginx's group with the setgid bit,"
		    " chgrp %s %s && chmod 2750 %s", nginx->name, dir, group_name(gid, g1, sizeof(g1)),
		    group_name(nginx->groups[0], g2, sizeof(g2)), dir, dir);
		return PT_EINVAL;
	}
	return PT_OK;
}

static void
check_files(const struct who *nginx)
{
	const char *dir = pt_files_dir(), *user = pt_user_name();
	char why[2300], sub[2048], group[64];
	struct dirent **names = NULL;
	int n, i;

	if (pt_dir_writable(dir, why, sizeof(why)) != PT_OK) {
		say("FAIL", "files", "%s (the workers' user writes it, nginx's group reads it:"
		    " install -d -o %s -g %s -m 2750 %s; run this check as the workers' user)",
		    why, geteuid() == 0 ? "portico" : user, nginx != NULL ?
		    group_name(nginx->groups[0], group, sizeof(group)) : "www-data", dir);
		return;
	}
	if (nginx == NULL) {
		say("FAIL", "files", "%s is writable by %s, but nginx's user is not known on this"
		    " host (name it: portico-admin check --nginx-user USER)", dir, user);
		return;
	}
	if (nginx_reads(nginx, dir, why, sizeof(why)) != PT_OK) {
		say("FAIL", "files", "%s", why);
		return;
	}
	/* The workers' subdirectories (kb/), made at their first upload. */
	if ((n = scandir(dir, &names, NULL, alphasort)) < 0)
		n = 0;
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", dir, names[i]->d_name);
		if (!is_dir(sub))
			continue;
		if (pt_dir_writable(sub, why, sizeof(why)) != PT_OK ||
		    nginx_reads(nginx, sub, why, sizeof(why)) != PT_OK) {
			say("FAIL", "files", "%s", why);
			break;
		}
	}
	admin_sql_files_free(names, n);
	if (i == n)
		say("ok", "files", "%s (writable by %s, who ran this check; nginx's user %s reads"
		    " what the workers write)", dir, user, nginx->name);
}

static void
check_cache(const char *dir)
{
	char why[1300];

	if (pt_dir_writable(dir, why, sizeof(why)) != PT_OK)
		say("FAIL", "cache", "%s (install -d -o %s -m 0750 %s, or let the systemd units"
		    " create it by starting a worker; run this check as the workers' user)", why,
		    geteuid() == 0 ? "portico" : pt_user_name(), dir);
	else
		say("ok", "cache", "%s (writable by %s, who ran this check)", dir, pt_user_name());
}

static void
check_log(void)
{
	const char *file = pt_conf_str("log", "file", NULL);
	char dir[1024], *slash;

	if (file == NULL) {
		say("ok", "log", "to standard error, the journal under systemd ([log] file not set)");
		return;
	}
	snprintf(dir, sizeof(dir), "%s", file);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir)
		*slash = '\0';
	if (is_file(file) ? access(file, W_OK) == 0 : access(dir, W_OK | X_OK) == 0)
		say("ok", "log", "%s (writable by %s, who ran this check)", file, pt_user_name());
	else
		say("FAIL", "log", "%s is not writable by %s (install -d -o %s -m 0750 %s)", file,
		    pt_user_name(), geteuid() == 0 ? "portico" : pt_user_name(), dir);
}

static void
check_theme(const char *xslt_dir)
{
	const char *theme = pt_conf_str("site", "theme", "default");
	char base[1024], htdocs[1024 + sizeof("/htdocs")], xsl[2048], css[2048], known[1024] = "";
	struct dirent **names = NULL;
	char *slash;
	int n, i;

	snprintf(base, sizeof(base), "%s", xslt_dir);
	while (strlen(base) > 1 && base[strlen(base) - 1] == '/')
		base[strlen(base) - 1] = '\0';
	if ((slash = strrchr(base, '/')) != NULL)
		*slash = '\0';
	snprintf(htdocs, sizeof(htdocs), "%s", pt_conf_str("paths", "htdocs", ""));
	if (htdocs[0] == '\0')
		snprintf(htdocs, sizeof(htdocs), "%s/htdocs", base);
	snprintf(xsl, sizeof(xsl), "%s/themes/%s/theme.xsl", xslt_dir, theme);
	snprintf(css, sizeof(css), "%s/themes/%s/theme.css", htdocs, theme);
	if (strchr(theme, '/') == NULL && is_file(xsl) && is_file(css)) {
		say("ok", "theme", "%s (%s, %s)", theme, xsl, css);
		return;
	}
	snprintf(css, sizeof(css), "%s/themes", xslt_dir);
	if ((n = scandir(css, &names, NULL, alphasort)) < 0)
		n = 0;
	for (i = 0; i < n; i++)
		if (names[i]->d_name[0] != '.')
			append(known, sizeof(known), names[i]->d_name);
	admin_sql_files_free(names, n);
	snprintf(css, sizeof(css), "%s/themes/%s/theme.css", htdocs, theme);
	say("FAIL", "theme", "[site] theme %s: %s is missing (themes here:%s)", theme,
	    is_file(xsl) ? css : xsl, known[0] != '\0' ? known : " none");
}

/*
 * [secrets] hmac_key signs reply addresses and links that work without
 * signing in: without one, replies by mail wait at the MTA (portico-mailin
 * exits 75) and ticket mails go without Reply-To.
 */
static void
check_secrets(void)
{
	const char *k = pt_conf_str("secrets", "hmac_key", NULL);

	if (k == NULL)
		say("FAIL", "secrets", "[secrets] hmac_key is not set (set 32 or more random characters,"
		    " e.g. openssl rand -hex 32)");
	else if (strlen(k) < 32)
		say("FAIL", "secrets", "[secrets] hmac_key is shorter than 32 characters (set 32 or"
		    " more random characters, e.g. openssl rand -hex 32)");
	else
		say("ok", "secrets", "[secrets] hmac_key set (%zu characters)", strlen(k));
}

static void
check_paths(const char *xslt_dir, const char *sql_dir, const struct who *nginx)
{
	char path[1100];

	snprintf(path, sizeof(path), "%s/layout.xsl", xslt_dir);
	if (is_file(path))
		say("ok", "xslt", "%s", xslt_dir);
	else
		say("FAIL", "xslt", "%s is missing (set [paths] xslt to the installed stylesheets,"
		    " %s/xslt)", path, PT_PKGDATADIR);
	snprintf(path, sizeof(path), "%s/migrations", sql_dir);
	if (is_dir(path))
		say("ok", "sql", "%s", sql_dir);
	else
		say("FAIL", "sql", "%s is missing (set [paths] sql to %s/sql)", path,
		    PT_PKGDATADIR);
	check_files(nginx);
	check_cache(pt_conf_str("paths", "cache", "/var/cache/portico"));
	check_theme(xslt_dir);
	check_log();
	check_secrets();
}

int
admin_check(int argc, char **argv, int conf_rc)
{
	const char *nginx_user = "www-data", *xslt_dir, *sql_dir;
	struct who nginx;
	MYSQL *m;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--nginx-user") == 0 && i + 1 < argc)
			nginx_user = argv[++i];
		else {
			fprintf(stderr, "usage: portico-admin check [--nginx-user USER]\n");
			return PT_EINVAL;
		}
	}
	failures = 0;
	if (check_conf(conf_rc) != PT_OK)
		return PT_EINVAL;
	xslt_dir = pt_conf_str("paths", "xslt", PT_PKGDATADIR "/xslt");
	sql_dir = pt_conf_str("paths", "sql", PT_PKGDATADIR "/sql");
	if ((m = check_db()) != NULL) {
		check_migrations(m, sql_dir);
		mysql_close(m);
	}
	check_paths(xslt_dir, sql_dir, who_init(&nginx, nginx_user) == PT_OK ? &nginx : NULL);
	return failures == 0 ? PT_OK : PT_EINVAL;
}
