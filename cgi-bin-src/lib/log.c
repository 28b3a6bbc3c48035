/*
 * Logging: one line per event on stderr, which spawn-fcgi or systemd
 * routes to a file or the journal.  Every line names the worker, the pid
 * and, inside a request, the request id, so a user's report can be traced.
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "portico.h"

static const char *log_worker = "portico";
static long log_pid;		/* getpid() is a system call: asked once */
static const char *const level_names[] = { "error", "warn", "info", "debug" };

void
pt_log_init(const char *worker)
{
	log_worker = worker;
	log_pid = (long)getpid();
}

void
pt_log(const struct pt_req *req, enum pt_loglevel level, const char *fmt, ...)
{
	char when[32], msg[1024];
	struct timespec ts;
	struct tm tm;
	va_list ap;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s %s[%ld] %s req=%s %s\n", when, log_worker,
	    log_pid != 0 ? log_pid : (long)getpid(),
	    level_names[level], req != NULL ? req->id : "-", msg);
}
