/*
 * A reader's order pages, kept for them (pagecache.c,
 * pt_pagecache_personal): the page of an order and the order history.
 * Building an order's page costs three statements and a transform of its
 * lines and timeline; the history, a walk of the organisation's orders, a
 * count of up to a thousand and the list of its buyers.  A kept one costs
 * the stamp below, one indexed statement, and a file read.
 *
 * The stamp is what the page was made of.  For an order: its row's change
 * time and status.  Whatever changes what its page shows moves
 * orders.updated_at in the same transaction (a status, an approval, a
 * shipment, a delivery, an invoice, a return).  For the history: the
 * newest change time of the organisation's orders (placing one and every
 * change of one move it; a buyer without orders.read.org sees a part of
 * them).  Both carry the database's auth_generation as the process knows
 * it (pt_kept_generation), which every change to the people they name
 * raises.  The order's statement is also the access rule: an order the
 * reader may not see has no stamp, and its page is built (and refused) as
 * always.
 *
 * What changes with time alone ("3 minutes ago", an invoice that falls
 * due) is named by the renderer and the page (pt_pagecache_until); an
 * entry lives PT_PAGECACHE_PERSONAL_S seconds at most.  A change whose
 * transaction wrote its change time before another one's and committed
 * after it shows within that time too, if a page was kept in between.
 */
#include "orders.h"

enum { SQL_ORDER, SQL_HISTORY, SQL__MAX };

#define STAMP_TIME(col)	"IFNULL(DATE_FORMAT(" col ", '%Y%m%d%H%i%s%f'), '-')"

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: number, org, may read the org's orders, reader. */
	[SQL_ORDER] = { "or_kept_order",
	    "SELECT CONCAT_WS('/', o.id, " STAMP_TIME("o.updated_at") ", o.status)"
	    " FROM orders o WHERE o.number = ? AND o.org_id = ? AND (? OR o.buyer_id = ?)" },
	/* Binds: org.  The end of the index orders_org_updated. */
	[SQL_HISTORY] = { "or_kept_history",
	    "SELECT " STAMP_TIME("MAX(o.updated_at)") " FROM orders o WHERE o.org_id = ?" },
};

const struct pt_group or_kept_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

/* Only a plain GET of the page (no message to show, no XML). */
static int
keepable(struct pt_req *req)
{
	return req->session.user != NULL && req->method == PT_GET && !req->want_xml;
}

/* Look the stamp up with statement s and mark the page personal; 1 if a kept page was sent. */
static int
serve(struct pt_req *req, const struct pt_sql *s, const struct pt_bind *binds, size_t n,
    const char *variant)
{
	struct pt_rows rows;
	const char *stamp;
	long long names;

	if ((names = pt_kept_generation(req)) < 0 ||
	    pt_db_query(req, s, &rows, binds, n) != PT_OK || rows.nrows != 1 ||
	    pt_cell(&rows, 0, 0) == NULL ||
	    (stamp = pt_printf(req, "%s/%lld", pt_cell(&rows, 0, 0), names)) == NULL)
		return 0;
	pt_pagecache_personal(req, stamp);
	return pt_pagecache_find(req, variant, NULL) && pt_pagecache_send(req, NULL) == PT_OK;
}

int
or_kept_order(struct pt_req *req, const char *number)
{
	const struct pt_user *u = req->session.user;

	if (!keepable(req) || req->query.n > 0 || !or_number_ok(number))
		return 0;
	return serve(req, &sql[SQL_ORDER], PT_BINDS(pt_str(number), pt_int(u->org_id),
	    pt_int(pt_can(req, OR_PERM_READ_ORG) || pt_can(req, OR_PERM_APPROVE)), pt_int(u->id)),
	    NULL);
}

/* What the history reads from its query string (history.c). */
static const char *const history_params[] = { "status", "q", "buyer", "from", "to", "page" };

int
or_kept_history(struct pt_req *req)
{
	const char *variant;

	if (!keepable(req) ||
	    (variant = pt_pagecache_variant(req, history_params, PT_NELEM(history_params))) == NULL)
		return 0;
	return serve(req, &sql[SQL_HISTORY], PT_BINDS(pt_int(req->session.user->org_id)), variant);
}

void
or_kept_keep(struct pt_req *req)
{
	if (req->cache_personal)
		pt_pagecache_keep(req, 0);
}
