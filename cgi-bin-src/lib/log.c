/*
 * Logging: one line per event, written to file descriptor 2.  That is
 * stderr, which systemd sends to the journal, unless [log] file names a
 * file: then pt_log_open puts that file on fd 2 (so whatever else writes
 * to stderr, libxml2 or the sanitizers, lands there too) and opens it
 * again once logrotate has moved it away.  Every line names the worker,
 * the pid and, inside a request, the request id, so a user's report can
 * be traced:
 *
 *   2024-05-01T12:00:00Z kb[4242] error req=3f2a... what happened
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "portico.h"

static const char *log_worker = "portico";
static long log_pid;		/* getpid() is a system call: asked once */
static const char *const level_names[] = { "error", "warn", "info", "debug" };

/* [log] file, when set: the path, the file fd 2 holds, when it was last compared. */
static char log_path[4096];
static dev_t log_dev;
static ino_t log_ino;
static time_t log_checked;

void
pt_log_init(const char *worker)
{
	log_worker = worker;
	log_pid = (long)getpid();
}

/* Open log_path for appending and put it on fd 2.  PT_OK or PT_ESYS. */
static int
log_reopen(void)
{
	struct stat st;
	int fd;

	fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0640);
	if (fd < 0)
		return PT_ESYS;
	if (fstat(fd, &st) != 0 || (fd != STDERR_FILENO && dup2(fd, STDERR_FILENO) < 0)) {
		if (fd != STDERR_FILENO)
			close(fd);
		return PT_ESYS;
	}
	if (fd != STDERR_FILENO)
		close(fd);	/* dup2 left fd 2 without FD_CLOEXEC: children inherit the log */
	log_dev = st.st_dev;
	log_ino = st.st_ino;
	return PT_OK;
}

int
pt_log_open(const char *path)
{
	struct timespec ts;

	if (path == NULL || *path == '\0') {
		log_path[0] = '\0';
		return PT_OK;
	}
	if (strlen(path) >= sizeof(log_path)) {
		pt_log(NULL, PT_LOG_ERROR, "[log] file: path too long");
		return PT_EINVAL;
	}
	memcpy(log_path, path, strlen(path) + 1);
	if (log_reopen() != PT_OK) {
		int e = errno;

		log_path[0] = '\0';
		pt_log(NULL, PT_LOG_ERROR, "[log] file: cannot open %s: %s", path, strerror(e));
		return PT_ESYS;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	log_checked = ts.tv_sec;
	return PT_OK;
}

int
pt_log_configure(void)
{
	return pt_log_open(pt_conf_str("log", "file", NULL));
}

/*
 * At most once a second: is log_path still the file on fd 2?  After
 * logrotate renamed it (or removed it) the path names another file or
 * none; open it anew.  If that fails the lines go on to the old file.
 */
static void
log_follow(void)
{
	struct timespec ts;
	struct stat st;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (ts.tv_sec == log_checked)
		return;
	log_checked = ts.tv_sec;
	if (stat(log_path, &st) == 0 && st.st_dev == log_dev && st.st_ino == log_ino)
		return;
	(void)log_reopen();
}

void
pt_log(const struct pt_req *req, enum pt_loglevel level, const char *fmt, ...)
{
	char when[32], line[1200];
	struct timespec ts;
	struct tm tm;
	va_list ap;
	int n, m;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line, sizeof(line), "%s %s[%ld] %s req=%s ", when, log_worker,
	    log_pid != 0 ? log_pid : (long)getpid(),
	    level_names[level], req != NULL ? req->id : "-");
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (m < 0)
		m = 0;
	n += (size_t)m < sizeof(line) - (size_t)n - 1 ? m : (int)(sizeof(line) - (size_t)n - 2);
	line[n++] = '\n';
	if (log_path[0] != '\0')
		log_follow();
	/* One write: processes sharing the file (O_APPEND) never mix their lines. */
	if (write(STDERR_FILENO, line, (size_t)n) < 0)
		return;
}
