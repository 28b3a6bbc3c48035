/*
 * portico-flowd: executes the deployed BPMN models (see flowd.h).
 *
 * One process, no arguments; it reads the same config as the workers
 * ($PORTICO_CONF) and logs as they do.  It takes commands as they come
 * (looking at least every 50 ms while idle) and due jobs, in turns, so
 * that neither starves the other under load; idle, it sleeps until the
 * next job is due or 50 ms have passed.  Several may run, on several
 * hosts, against one database.  A database outage is logged and waited
 * out; it never exits for one.  SIGTERM or SIGINT ends it after the step
 * in hand.
 */
#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "flowd.h"

#define IDLE_MS		50	/* the longest a command waits while flowd is idle */
#define TURN		16	/* commands, then jobs, taken in a row before the other kind */

/* A turn of up to TURN steps of one kind: how many were done, or PT_EDB. */
static int
turn(struct pt_req *req, int (*one)(struct pt_req *))
{
	int n = 0, rc;

	while (n < TURN && !pt_stopping) {
		snprintf(req->id, sizeof(req->id), "-");
		rc = one(req);
		pt_req_reset(req);
		if (rc < 0)
			return rc;
		if (rc == 0)
			break;
		n++;
	}
	return n;
}

int
main(int argc, char **argv)
{
	struct pt_req *req = NULL;
	struct pt_db_outage outage = { 0, 0, 0 };
	int commands, jobs, status = 1;

	(void)argv;
	pt_log_init("flowd");
	if (argc > 1) {
		fputs("usage: portico-flowd   (configuration from $PORTICO_CONF)\n", stderr);
		return 2;
	}
	if (pt_conf_load(NULL) != PT_OK || pt_log_configure() != PT_OK)
		return 1;
	if (pt_valid_init() != PT_OK ||
	    pt_i18n_load_site(pt_conf_str("paths", "xslt", PT_PKGDATADIR "/xslt")) != PT_OK) {
		pt_log(NULL, PT_LOG_ERROR, "cannot load validators or catalogues");
		goto out;
	}
	/* No gap locks: steps of different instances never wait for each other. */
	pt_db_session("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
	/* The runtime's statements first (pt_db_init registers none after others). */
	if (pt_db_init() != PT_OK || fl_sql_init() != PT_OK || fl_action_register() != PT_OK ||
	    fl_cache_init() != PT_OK || pt_daemon_signals() != PT_OK ||
	    (req = pt_req_new("flowd")) == NULL)
		goto out;
	pt_log(NULL, PT_LOG_INFO, "ready");
	while (!pt_stopping) {
		if ((commands = turn(req, fl_loop_command)) >= 0)
			jobs = turn(req, fl_loop_job);
		else
			jobs = commands;
		if (commands == PT_EDB || jobs == PT_EDB) {
			pt_daemon_sleep_ms(pt_db_outage(&outage, 1));
			continue;
		}
		(void)pt_db_outage(&outage, 0);
		/* Idle: one look a turn until there is work (or the database fails). */
		if (commands == 0 && jobs == 0) {
			long ms;

			while (!pt_stopping && (ms = fl_loop_idle_ms(req, IDLE_MS)) > 0) {
				pt_req_reset(req);
				pt_daemon_sleep_ms(ms);
			}
			pt_req_reset(req);
		}
	}
	pt_log(NULL, PT_LOG_INFO, "stopping");
	status = 0;
out:
	pt_req_free(req);
	fl_cache_free();
	pt_runtime_free();
	return status;
}
