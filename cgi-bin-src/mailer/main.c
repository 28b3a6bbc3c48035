/*
 * portico-mailer: delivers the outbox (see outbox.c) through SMTP.
 *
 * One process; it reads the same config as the workers ($PORTICO_CONF),
 * loads the catalogues and renders xslt/mail/<template>.xsl with the
 * runtime, in the configured theme (its theme.xsl and catalogues).  It polls the outbox every second while idle and at once while
 * there is work.  A database outage is logged and waited out; it never
 * exits for one.  SIGTERM or SIGINT ends it after the mail in hand.
 */
#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "mailer.h"

int
main(int argc, char **argv)
{
	const char *xslt_dir;
	struct pt_req *req = NULL;
	struct pt_db_outage outage = { 0, 0, 0 };
	int rc, status = 1;

	(void)argv;
	pt_log_init("mailer");
	if (argc > 1) {
		fputs("usage: portico-mailer   (configuration from $PORTICO_CONF)\n", stderr);
		return 2;
	}
	if (pt_conf_load(NULL) != PT_OK || pt_log_configure() != PT_OK)
		return 1;
	xslt_dir = pt_conf_str("paths", "xslt", PT_PKGDATADIR "/xslt");
	if (pt_valid_init() != PT_OK || pt_i18n_load_site(xslt_dir) != PT_OK ||
	    pt_render_init(xslt_dir, pt_conf_str("site", "theme", "default"),
	    pt_conf_bool("site", "development", 0)) != PT_OK) {
		pt_log(NULL, PT_LOG_ERROR, "cannot load validators, catalogues or stylesheets from %s",
		    xslt_dir);
		goto out;
	}
	if (pt_db_init() != PT_OK || outbox_init() != PT_OK || smtp_init() != PT_OK ||
	    pt_daemon_signals() != PT_OK || (req = pt_req_new("mailer")) == NULL)
		goto out;
	pt_log(NULL, PT_LOG_INFO, "ready: outbox to %s", pt_conf_str("smtp", "url", "?"));
	while (!pt_stopping) {
		snprintf(req->id, sizeof(req->id), "-");
		rc = outbox_run(req, 5, &pt_stopping);
		pt_req_reset(req);
		if (rc == PT_EDB) {
			pt_daemon_sleep_ms(pt_db_outage(&outage, 1));
			continue;
		}
		(void)pt_db_outage(&outage, 0);
		/* Work done: look again soon; idle: once a second. */
		pt_daemon_sleep_ms(rc > 0 ? 50 : 1000);
	}
	pt_log(NULL, PT_LOG_INFO, "stopping");
	if (outbox_flush(req) != PT_OK)
		pt_log(NULL, PT_LOG_ERROR, "some sent mails could not be recorded; they may be sent again");
	status = 0;
out:
	pt_req_free(req);
	smtp_free();
	pt_runtime_free();
	return status;
}
