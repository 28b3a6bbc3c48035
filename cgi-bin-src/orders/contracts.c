/*
 * Contracts: the organisation's list and a contract's page with its
 * recurring lines and documents (orders.read.org), and the provider's
 * contracts running out (contracts.manage): those that end, or whose last
 * day to give notice comes, within the next N days, each with its page.
 *
 * A contract runs from start_date to end_date (its first term); with a
 * renewal period it then renews by that many months at a time unless
 * notice is given notice_days before the end of a period.  The notice
 * deadline a page shows is the last day on which notice still stops the
 * next renewal: the end of the first period that ends on or after the
 * reader's today plus notice_days, minus notice_days.  A contract without
 * renewal ends on end_date, and needs no notice.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orders.h"

#define CONTRACTS_SHOWN	1000
#define DAYS_DEFAULT	90
#define DAYS_MAX	3650

enum contracts_sql { SQL_LIST, SQL_ALL, SQL_ONE, SQL_LINES, SQL_OFFER, SQL__MAX };

#define COLUMNS \
	"SELECT c.number, c.title, c.currency, DATE_FORMAT(c.start_date, '%Y-%m-%d')," \
	" DATE_FORMAT(c.end_date, '%Y-%m-%d'), c.renewal_months, c.notice_days, f.number," \
	" ord.number, og.name, c.id" \
	" FROM contracts c JOIN orgs og ON og.id = c.org_id LEFT JOIN offers f ON f.id = c.offer_id" \
	" LEFT JOIN orders ord ON ord.id = c.order_id"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "or_contracts_list",
	    COLUMNS " WHERE c.org_id = ? ORDER BY c.start_date DESC, c.id DESC"
	    " LIMIT " OR_XSTR(CONTRACTS_SHOWN) },
	/* Every contract whose first term has begun or not: the running-out list sorts them. */
	[SQL_ALL] = { "or_contracts_all",
	    COLUMNS " WHERE c.renewal_months > 0 OR c.end_date >= ?"
	    " ORDER BY c.end_date, c.id LIMIT 10000" },
	/* Binds: number, org (0: any, for staff), org. */
	[SQL_ONE] = { "or_contracts_one",
	    COLUMNS " WHERE c.number = ? AND (? = 0 OR c.org_id = ?)" },
	[SQL_LINES] = { "or_contracts_lines",
	    "SELECT line_no, sku, name, unit, quantity, unit_price_minor, billing"
	    " FROM contract_lines WHERE contract_id = ? ORDER BY line_no" },
	/* The contract's offer, for its documents.  Binds: number, org. */
	[SQL_OFFER] = { "or_contracts_offer",
	    "SELECT f.number FROM contracts c JOIN offers f ON f.id = c.offer_id"
	    " WHERE c.number = ? AND c.org_id = ?" },
};

enum {
	C_NUMBER, C_TITLE, C_CURRENCY, C_START, C_END, C_RENEWAL, C_NOTICE, C_OFFER, C_ORDER,
	C_ORG, C_ID
};

/* Where a contract stands on the reader's today. */
struct standing {
	char	 period_end[11];	/* the end of the period today is in (or the last one) */
	char	 deadline[11];		/* "" without renewal: the last day to give notice */
	char	 stops_on[11];		/* the end notice by the deadline stops it at */
	int	 ended;			/* no renewal, and the end has passed */
};

static void
standing(const struct pt_rows *r, size_t i, const char *today, struct standing *s)
{
	const char *end = pt_cell(r, i, C_END);
	int renewal = (int)pt_cell_int(r, i, C_RENEWAL), notice = (int)pt_cell_int(r, i, C_NOTICE);
	char p[11], last[11];
	int k;

	memset(s, 0, sizeof(*s));
	memcpy(s->period_end, end, 11);
	if (renewal == 0) {
		s->ended = strcmp(end, today) < 0;
		return;
	}
	/* Periods end at end + k renewals; 1 200 years is as far as any contract goes. */
	memcpy(p, end, 11);
	for (k = 1; strcmp(p, today) < 0 && k < 14400; k++)
		pt_date_add(end, k * renewal, 0, p);
	memcpy(s->period_end, p, 11);
	for (k = 0; k < 14400; k++) {
		pt_date_add(end, k * renewal, 0, p);
		pt_date_add(p, 0, -notice, last);
		if (strcmp(last, today) >= 0)
			break;
	}
	memcpy(s->deadline, last, 11);
	memcpy(s->stops_on, p, 11);
}

/* <contract> under parent from row i, standing on today. */
static xmlNodePtr
contract_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *r, size_t i,
    const char *today, int staff)
{
	xmlNodePtr c = pt_node(parent, "contract", NULL), n;
	struct standing s;

	standing(r, i, today, &s);
	pt_attr(c, "number", pt_cell(r, i, C_NUMBER));
	pt_attr(c, "href", pt_printf(req, "%s/%s", staff ? OR_ADMIN "contracts" : "/orders/contracts",
	    pt_cell(r, i, C_NUMBER)));
	pt_attr(c, "currency", pt_cell(r, i, C_CURRENCY));
	pt_attr(c, "start", pt_cell(r, i, C_START));
	pt_attr(c, "end", pt_cell(r, i, C_END));
	pt_attr(c, "renewal-months", pt_cell(r, i, C_RENEWAL));
	pt_attr(c, "notice-days", pt_cell(r, i, C_NOTICE));
	pt_attr(c, "period-end", s.period_end);
	if (s.deadline[0] != '\0') {
		pt_attr(c, "notice-deadline", s.deadline);
		pt_attr(c, "stops-on", s.stops_on);
	}
	if (s.ended)
		pt_attr(c, "ended", "1");
	pt_node(c, "title", pt_cell(r, i, C_TITLE));
	pt_node(c, "org", pt_cell(r, i, C_ORG));
	if (pt_cell(r, i, C_OFFER) != NULL) {
		n = pt_node(c, "offer", NULL);
		pt_attr(n, "number", pt_cell(r, i, C_OFFER));
		if (staff || pt_can(req, OR_PERM_APPROVE))
			pt_attr(n, "href", or_offer_href(req, pt_cell(r, i, C_OFFER), staff));
	}
	if (pt_cell(r, i, C_ORDER) != NULL) {
		n = pt_node(c, "order", NULL);
		pt_attr(n, "number", pt_cell(r, i, C_ORDER));
		/* Staff follow it on the order desk, where they may. */
		if (!staff)
			pt_attr(n, "href", or_order_href(req, pt_cell(r, i, C_ORDER)));
		else if (pt_can(req, OR_PERM_DESK))
			pt_attr(n, "href", pt_printf(req, "/orders/desk/%s", pt_cell(r, i, C_ORDER)));
	}
	return c;
}

/* GET /orders/contracts */
static int
list(struct pt_req *req)
{
	struct pt_rows rows;
	char today[11];
	xmlNodePtr l;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows,
	    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	pt_local_date(req, time(NULL), today);
	l = pt_node(req->page, "contracts", NULL);
	pt_attr(l, "today", today);
	for (i = 0; i < rows.nrows; i++)
		contract_node(req, l, &rows, i, today, 0);
	req->view = "contracts";
	return 200;
}

/*
 * The contract of the route's number: of the reader's organisation, or
 * with staff of any.  Its documents are its offer's attachments, sent by
 * the offer's routes for staff and by the contract's for the customer.
 */
static int
contract_page(struct pt_req *req, int staff)
{
	long long org = staff ? 0 : req->session.user->org_id;
	struct pt_rows c, lines;
	struct or_offer f;
	char today[11];
	xmlNodePtr n, ls, l;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ONE], &c, PT_BINDS(pt_str(req->caps[1]), pt_int(org),
	    pt_int(org)))) != PT_OK)
		return rc;
	if (c.nrows != 1)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_LINES], &lines, PT_BINDS(pt_str(pt_cell(&c, 0, C_ID))))) != PT_OK)
		return rc;
	pt_local_date(req, time(NULL), today);
	n = contract_node(req, req->page, &c, 0, today, staff);
	if (staff)
		pt_attr(n, "staff", "1");
	ls = pt_node(n, "lines", NULL);
	for (i = 0; i < lines.nrows; i++) {
		l = pt_node(ls, "line", NULL);
		pt_attr(l, "no", pt_cell(&lines, i, 0));
		pt_attr(l, "sku", pt_cell(&lines, i, 1));
		pt_attr(l, "unit", pt_cell(&lines, i, 3));
		pt_attr(l, "quantity", pt_cell(&lines, i, 4));
		pt_attr(l, "unit-minor", pt_cell(&lines, i, 5));
		pt_attr(l, "billing", pt_cell(&lines, i, 6));
		pt_attr_int(l, "net-minor", pt_cell_int(&lines, i, 4) * pt_cell_int(&lines, i, 5));
		pt_node(l, "name", pt_cell(&lines, i, 2));
	}
	if (pt_cell(&c, 0, C_OFFER) != NULL) {
		if ((rc = or_offer_load(req, pt_cell(&c, 0, C_OFFER), org, 0, &f)) != PT_OK)
			return rc == PT_ENOTFOUND ? PT_EDB : rc;
		ls = pt_node(n, "files", NULL);
		for (i = 0; i < f.files.nrows; i++) {
			l = pt_node(ls, "file", pt_cell(&f.files, i, OFL_NAME));
			pt_attr(l, "type", pt_cell(&f.files, i, OFL_TYPE));
			pt_attr(l, "size", pt_cell(&f.files, i, OFL_SIZE));
			pt_attr(l, "href", staff ? pt_printf(req, "%s/files/%s",
			    or_offer_href(req, pt_cell(&c, 0, C_OFFER), 1), pt_cell(&f.files, i, OFL_ID)) :
			    pt_printf(req, "/orders/contracts/%s/files/%s", req->caps[1],
			    pt_cell(&f.files, i, OFL_ID)));
		}
	}
	req->view = "contract";
	return 200;
}

/* GET /orders/contracts/<number> */
static int
page(struct pt_req *req)
{
	return contract_page(req, 0);
}

/* GET /orders/admin/contracts/<number> */
static int
staff_page(struct pt_req *req)
{
	return contract_page(req, 1);
}

/* GET /orders/contracts/<number>/files/<id> */
static int
document(struct pt_req *req)
{
	struct pt_rows c;
	struct or_offer f;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_OFFER], &c, PT_BINDS(pt_str(req->caps[1]),
	    pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	if (c.nrows != 1)
		return pt_error_page(req, 404, NULL);
	if ((rc = or_offer_load(req, pt_cell(&c, 0, 0), req->session.user->org_id, 0, &f)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return or_offer_file_send(req, &f, 2);
}

/* The date a running-out contract is listed by: its end, or its notice deadline. */
static const char *
due(const struct standing *s, int renewal)
{
	return renewal == 0 ? s->period_end : s->deadline;
}

/* GET /orders/admin/contracts[?days=N] */
static int
running_out(struct pt_req *req)
{
	const char *d = pt_query(req, "days");
	struct pt_rows rows;
	struct standing s;
	char today[11], until[11];
	long long days = DAYS_DEFAULT;
	xmlNodePtr l, c;
	size_t i;
	int rc;

	if (d != NULL && pt_valid(PT_V_ID, d, strlen(d)) && strtoll(d, NULL, 10) <= DAYS_MAX)
		days = strtoll(d, NULL, 10);
	pt_local_date(req, time(NULL), today);
	pt_date_add(today, 0, (int)days, until);
	if ((rc = pt_db_query(req, &sql[SQL_ALL], &rows, PT_BINDS(pt_str(today)))) != PT_OK)
		return rc;
	l = pt_node(req->page, "contracts", NULL);
	pt_attr(l, "today", today);
	pt_attr_int(l, "days", days);
	pt_attr(l, "until", until);
	for (i = 0; i < rows.nrows; i++) {
		int renewal = (int)pt_cell_int(&rows, i, C_RENEWAL);

		standing(&rows, i, today, &s);
		if (strcmp(due(&s, renewal), today) < 0 || strcmp(due(&s, renewal), until) > 0)
			continue;
		c = contract_node(req, l, &rows, i, today, 1);
		pt_attr(c, "due", due(&s, renewal));
		pt_attr(c, "reason", renewal == 0 ? "ends" : "notice");
	}
	req->view = "admin-contracts";
	return 200;
}

#define CONTRACT "/orders/contracts/" OR_CONTRACT_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET, "/orders/contracts",			list,		PT_R_LOGIN, OR_PERM_READ_ORG },
	{ PT_GET, CONTRACT,				page,		PT_R_LOGIN, OR_PERM_READ_ORG },
	{ PT_GET, CONTRACT "/files/([0-9]{1,10})",	document,	PT_R_LOGIN, OR_PERM_READ_ORG },
	{ PT_GET, OR_ADMIN "contracts",			running_out,	PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_GET, OR_ADMIN "contracts/" OR_CONTRACT_ROUTE, staff_page,	PT_R_LOGIN, OR_PERM_CONTRACTS },
};

static const char *const views[] = { "contracts", "contract", "admin-contracts" };

const struct pt_group or_contracts_group = PT_GROUP(routes, sql, views);
