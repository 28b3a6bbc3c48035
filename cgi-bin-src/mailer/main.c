/*
 * portico-mailer: delivers the outbox (see outbox.c) through SMTP.
 *
 * One process; it reads the same config as the workers ($PORTICO_CONF),
 * loads the catalogues and renders xslt/mail/<template>.xsl with the
 * runtime.  It polls the outbox every second while idle and at once while
 * there is work.  A database outage is logged and waited out; it never
 * exits for one.  SIGTERM or SIGINT ends it after the mail in hand.
 */
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mailer.h"

#define MAX_LANGS 8

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

static int
setup_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the idle sleep must end at once. */
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
		return PT_ESYS;
	sa.sa_handler = SIG_IGN;
	return sigaction(SIGPIPE, &sa, NULL) == 0 ? PT_OK : PT_ESYS;
}

static int
load_languages(const char *xslt_dir)
{
	char buf[128], *p, *save = NULL;
	const char *langs[MAX_LANGS];
	size_t n = 0;

	snprintf(buf, sizeof(buf), "%s", pt_conf_str("site", "languages", "en de"));
	for (p = strtok_r(buf, " ,", &save); p != NULL && n < MAX_LANGS;
	    p = strtok_r(NULL, " ,", &save))
		if (pt_valid(PT_V_LANG, p, strlen(p)))
			langs[n++] = p;
	return pt_i18n_load(xslt_dir, langs, n);
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	if (!stopping)
		(void)nanosleep(&ts, NULL);	/* EINTR on SIGTERM: fine */
}

int
main(int argc, char **argv)
{
	const char *xslt_dir;
	struct pt_req *req = NULL;
	time_t down_since = 0, last_note = 0;
	long down_wait_ms = 1000;
	int rc, status = 1;

	(void)argv;
	pt_log_init("mailer");
	if (argc > 1) {
		fputs("usage: portico-mailer   (configuration from $PORTICO_CONF)\n", stderr);
		return 2;
	}
	if (pt_conf_load(NULL) != PT_OK)
		return 1;
	xslt_dir = pt_conf_str("paths", "xslt", PT_PKGDATADIR "/xslt");
	if (pt_valid_init() != PT_OK || load_languages(xslt_dir) != PT_OK ||
	    pt_render_init(xslt_dir, "default", pt_conf_bool("site", "development", 0)) != PT_OK) {
		pt_log(NULL, PT_LOG_ERROR, "cannot load validators, catalogues or stylesheets from %s",
		    xslt_dir);
		goto out;
	}
	if (pt_db_init() != PT_OK || outbox_init() != PT_OK || smtp_init() != PT_OK ||
	    setup_signals() != PT_OK || (req = pt_req_new("mailer")) == NULL)
		goto out;
	pt_log(NULL, PT_LOG_INFO, "ready: outbox to %s", pt_conf_str("smtp", "url", "?"));
	while (!stopping) {
		snprintf(req->id, sizeof(req->id), "-");
		rc = outbox_run(req, 5, &stopping);
		pt_req_reset(req);
		if (rc == PT_EDB) {
			time_t now = time(NULL);

			/* Say so when it starts, then once a minute, not every second. */
			if (down_since == 0 || now - last_note >= 60) {
				pt_log(NULL, PT_LOG_ERROR, "database unavailable%s; retrying",
				    down_since == 0 ? "" : " still");
				last_note = now;
			}
			if (down_since == 0)
				down_since = now;
			/* 1 s, then up to 8 s between attempts: each one logs a line. */
			sleep_ms(down_wait_ms);
			if (down_wait_ms < 8000)
				down_wait_ms *= 2;
			continue;
		}
		if (down_since != 0) {
			pt_log(NULL, PT_LOG_INFO, "database back after %lld s",
			    (long long)(time(NULL) - down_since));
			down_since = 0;
		}
		down_wait_ms = 1000;
		/* Work done: look again soon; idle: once a second. */
		sleep_ms(rc > 0 ? 50 : 1000);
	}
	pt_log(NULL, PT_LOG_INFO, "stopping");
	if (outbox_flush(req) != PT_OK)
		pt_log(NULL, PT_LOG_ERROR, "some sent mails could not be recorded; they may be sent again");
	status = 0;
out:
	pt_req_free(req);
	smtp_free();
	pt_db_close();
	pt_render_free();
	pt_i18n_free();
	pt_valid_free();
	pt_conf_clear();
	xsltCleanupGlobals();
	xmlCleanupParser();
	return status;
}
