/*
 * Throttling of what a stranger may try often: signing in, asking for a
 * password link.  Each is counted in its own table by its own statement;
 * the rule is the same: within the window ([throttle] window_min), at most
 * so many per address and so many per client IP.
 */
#include "portico.h"

int
pt_throttled(struct pt_req *req, const struct pt_sql *count, const char *email,
    long per_address, long per_ip)
{
	long window_s = 60 * pt_conf_int("throttle", "window_min", 15);
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, count, &rows, PT_BINDS(pt_str(email), pt_int(window_s),
	    pt_str(req->remote_addr), pt_int(window_s)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return PT_OK;
	return pt_cell_int(&rows, 0, 0) >= per_address || pt_cell_int(&rows, 0, 1) >= per_ip ?
	    PT_ELIMIT : PT_OK;
}
