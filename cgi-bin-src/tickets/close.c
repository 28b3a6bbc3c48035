/*
 * Closing resolved tickets: once [tickets] reopen_days have passed since a
 * ticket was resolved, a customer's reply can no longer reopen it, and it
 * closes.  Each tickets process looks for such tickets after a request at
 * most every [tickets] close_check_s seconds, and never while requests
 * wait.  A batch is taken FOR UPDATE SKIP LOCKED, so processes on any
 * number of hosts share the work and none closes a ticket twice; each
 * closing writes its history row and audit row (by nobody: the system) in
 * the batch's transaction.
 */
#include "tickets.h"

enum close_sql { SQL_DUE, SQL_CLOSE, SQL__MAX };

#define BATCH 50
#define MORE_AFTER_MS 1000	/* after a full batch, the next one: more may wait */

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: days, batch. */
	[SQL_DUE] = { "tk_close_due",
	    "SELECT id, number FROM tickets WHERE status = 'resolved'"
	    " AND resolved_at < UTC_TIMESTAMP(6) - INTERVAL ? DAY"
	    " ORDER BY resolved_at LIMIT ? FOR UPDATE SKIP LOCKED" },
	[SQL_CLOSE] = { "tk_close_close",
	    "UPDATE tickets SET status = 'closed', closed_at = UTC_TIMESTAMP(6),"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND status = 'resolved'" },
};

static long long next_ms;	/* when this process looks next (0: at once) */
static int more;		/* the last batch was full: more may wait */

/* Close one batch; *n gets how many.  A transaction of its own. */
static int
close_batch(struct pt_req *req, size_t *n)
{
	struct pt_rows rows;
	size_t i;
	int rc;

	*n = 0;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_DUE], &rows, PT_BINDS(pt_int(pt_ticket_reopen_days()),
	    pt_int(BATCH)))) != PT_OK)
		goto fail;
	for (i = 0; i < rows.nrows; i++) {
		long long id = pt_cell_int(&rows, i, 0);

		if ((rc = pt_db_exec(req, &sql[SQL_CLOSE], PT_BINDS(pt_int(id)), NULL)) != PT_OK ||
		    (rc = pt_ticket_history(req, id, "status", "resolved", "closed")) != PT_OK ||
		    (rc = tk_audit(req, "ticket.close", pt_cell(&rows, i, 1),
		    "{\"status\":\"resolved\"}", "{\"status\":\"closed\"}")) != PT_OK)
			goto fail;
	}
	if ((rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	*n = rows.nrows;
	if (*n > 0)
		pt_log(req, PT_LOG_INFO, "closed %zu resolved tickets", *n);
	return PT_OK;
fail:
	pt_db_rollback(req);
	return rc;
}

int
tk_close_housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	long long now = pt_clock_ms();
	long check_s = pt_conf_int("tickets", "close_check_s", 60);
	size_t n = 0;

	if (when == PT_HK_STOP)
		return 0;
	if (pt_requests_waiting() || now < next_ms)
		return more;
	next_ms = now + (check_s > 0 ? check_s : 60) * 1000LL;
	more = 0;
	if (close_batch(req, &n) != PT_OK) {
		pt_log(req, PT_LOG_WARN, "closing resolved tickets failed; trying again later");
		return 0;
	}
	/*
	 * A full batch: there may be more, taken a second later (an idle
	 * process wakes for it), not after every request of a busy one.
	 */
	if (n == BATCH) {
		next_ms = now + MORE_AFTER_MS;
		more = 1;
	}
	return more;
}

const struct pt_group tk_close_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
