/*
 * The orders of the reader's organisation (GET /orders/history): with
 * orders.read.org all of them, else (a buyer without it) their own;
 * newest first, 25 a page, filtered by status, buyer and the days they
 * were placed (in the reader's time zone), and searched by order number
 * or the beginning of a PO number (orders_org_po finds it among any number).  GET /orders/history.csv gives the same orders, all of
 * them up to CSV_ROWS_MAX, as a CSV file for a spreadsheet.
 *
 * A page walks the organisation's orders in the order of the index
 * orders_org_list, which holds every column a filter reads, and stops
 * after its rows; the total is counted up to COUNT_CAP.
 */
#include <stdlib.h>
#include <string.h>

#include "orders.h"

#define PAGE_SIZE	25
#define COUNT_CAP	1000
#define COUNT_LIMIT	"1001"	/* COUNT_CAP + 1 in SQL */
#define CSV_ROWS_MAX	50000

/* Binds: org, buyer x2, status x2, number x2, po x2, from, to. */
#define MATCHING \
	" FROM orders o WHERE o.org_id = ? AND (? = 0 OR o.buyer_id = ?)" \
	" AND (? = '' OR o.status = ?) AND (? = '' OR o.number = ?)" \
	" AND (? = '' OR o.po_number LIKE ?) AND o.created_at >= ? AND o.created_at < ?"

enum history_sql { SQL_LIST, SQL_COUNT, SQL_BUYERS, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: MATCHING's, limit, offset. */
	[SQL_LIST] = { "or_history_list",
	    "SELECT " OR_SUMMARY_COLUMNS ", o.cost_centre, o.requested_date,"
	    " (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id)"
	    " FROM (SELECT o.id" MATCHING " ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?) p"
	    " JOIN orders o ON o.id = p.id JOIN users u ON u.id = o.buyer_id"
	    " ORDER BY o.created_at DESC, o.id DESC" },
	[SQL_COUNT] = { "or_history_count",
	    "SELECT COUNT(*) FROM (SELECT 1" MATCHING " LIMIT " COUNT_LIMIT ") c" },
	[SQL_BUYERS] = { "or_history_buyers",
	    "SELECT id, name FROM users WHERE org_id = ? AND status IN ('active', 'inactive')"
	    " ORDER BY name, id LIMIT 500" },
};

enum {
	L_NUMBER, L_STATUS, L_CREATED, L_CURRENCY, L_NET, L_TAX, L_GROSS, L_REASON, L_PO, L_BUYER,
	L_BUYER_ID, L_COST_CENTRE = OR_SUMMARY_NCOLS, L_REQUESTED, L_LINES
};

struct filter {
	int		 org;		/* every order of the org, else the reader's own */
	const char	*status, *from, *to;
	struct or_search s;
	long long	 buyer;		/* 0 any */
	char		 from_utc[20], to_utc[20];
	long long	 page;
};

/* A day "YYYY-MM-DD" of the query, or "" when absent or malformed. */
static const char *
query_day(struct pt_req *req, const char *name, int days_later, char utc[20], const char *dflt)
{
	const char *v = pt_query(req, name);

	strcpy(utc, dflt);
	if (v == NULL || strlen(v) != 10 || pt_day_start_utc(req, v, days_later, utc) != PT_OK) {
		strcpy(utc, dflt);
		return "";
	}
	return v;
}

static int
read_filter(struct pt_req *req, struct filter *f)
{
	const char *v;

	memset(f, 0, sizeof(*f));
	f->org = pt_can(req, OR_PERM_READ_ORG);
	v = pt_query(req, "status");
	f->status = pt_one_of(v, or_statuses, OR_NSTATUSES) ? v : "";
	if (or_search_read(req, &f->s) != PT_OK)
		return PT_ENOMEM;
	f->from = query_day(req, "from", 0, f->from_utc, "1000-01-01 00:00:00");
	f->to = query_day(req, "to", 1, f->to_utc, "9999-12-31 23:59:59");
	if (f->org) {
		v = pt_query(req, "buyer");
		if (v != NULL && strlen(v) <= 10 && pt_valid(PT_V_ID, v, strlen(v)))
			f->buyer = strtoll(v, NULL, 10);
	} else
		f->buyer = req->session.user->id;
	f->page = pt_query_page(req);
	return PT_OK;
}

/* MATCHING's binds into b (11). */
static size_t
bind_matching(const struct pt_req *req, const struct filter *f, struct pt_bind *b)
{
	size_t n = 0;

	b[n++] = pt_int(req->session.user->org_id);
	b[n++] = pt_int(f->buyer);
	b[n++] = pt_int(f->buyer);
	b[n++] = pt_str(f->status);
	b[n++] = pt_str(f->status);
	b[n++] = pt_str(f->s.number);
	b[n++] = pt_str(f->s.number);
	b[n++] = pt_str(f->s.po_like);
	b[n++] = pt_str(f->s.po_like);
	b[n++] = pt_str(f->from_utc);
	b[n++] = pt_str(f->to_utc);
	return n;
}

static int
list_rows(struct pt_req *req, const struct filter *f, long long limit, long long offset,
    struct pt_rows *rows)
{
	struct pt_bind b[16];
	size_t n = bind_matching(req, f, b);

	b[n++] = pt_int(limit);
	b[n++] = pt_int(offset);
	return pt_db_query(req, &sql[SQL_LIST], rows, b, n);
}

static void
order_nodes(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr o = or_summary_node(req, parent, rows, i);

		pt_attr(o, "lines", pt_cell(rows, i, L_LINES));
		if (pt_cell(rows, i, L_REQUESTED) != NULL)
			pt_attr(o, "requested", pt_cell(rows, i, L_REQUESTED));
		pt_node(o, "cost-centre", pt_cell(rows, i, L_COST_CENTRE));
	}
}

/* GET /orders/history */
static int
history(struct pt_req *req)
{
	struct pt_rows rows, count, buyers;
	struct pt_bind b[16];
	struct filter f;
	xmlNodePtr l, pager, bl;
	long long total;
	size_t i;
	int rc;

	if (!pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_PLACE))
		return pt_error_page(req, 403, NULL);
	if (or_kept_history(req))
		return 200;
	if ((rc = read_filter(req, &f)) != PT_OK)
		return rc;
	if ((rc = list_rows(req, &f, PAGE_SIZE, (f.page - 1) * PAGE_SIZE, &rows)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COUNT], &count, b, bind_matching(req, &f, b))) != PT_OK)
		return rc;
	total = pt_cell_int(&count, 0, 0);
	l = pt_node(req->page, "orders", NULL);
	pt_attr(l, "scope", f.org ? "org" : "mine");
	pt_attr(l, "status", f.status);
	pt_attr(l, "q", f.s.q);
	pt_attr(l, "from", f.from);
	pt_attr(l, "to", f.to);
	if (f.org && f.buyer != 0)
		pt_attr_int(l, "buyer", f.buyer);
	if (f.org) {
		if ((rc = pt_db_query(req, &sql[SQL_BUYERS], &buyers,
		    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
			return rc;
		bl = pt_node(l, "buyers", NULL);
		for (i = 0; i < buyers.nrows; i++)
			pt_attr(pt_node(bl, "person", pt_cell(&buyers, i, 1)), "id",
			    pt_cell(&buyers, i, 0));
	}
	order_nodes(req, l, &rows);
	pager = pt_pager(l, f.page, total > COUNT_CAP ? COUNT_CAP : total, PAGE_SIZE);
	if (total > COUNT_CAP)
		pt_attr(pager, "more", "1");
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	req->view = "history";
	or_kept_keep(req);
	return 200;
}

/* The catalogue text of key in the reader's language, else the key. */
static const char *
text(const struct pt_req *req, const char *key)
{
	const char *t = pt_i18n_get(req->lang, key);

	return t != NULL ? t : key;
}

/* GET /orders/history.csv: the filtered orders, one a line. */
static int
history_csv(struct pt_req *req)
{
	static const char *const heads[] = {
		"orders.history.col.number", "orders.history.col.placed",
		"orders.history.col.status", "orders.history.col.buyer", "orders.history.col.po",
		"orders.history.col.cost-centre", "orders.history.col.requested",
		"orders.history.col.currency", "orders.history.col.net", "orders.history.col.tax",
		"orders.history.col.gross", "orders.history.col.lines"
	};
	char amount[PT_MONEY_TEXT_MAX];
	struct pt_rows rows;
	struct pt_csv csv;
	struct filter f;
	size_t i, j;
	int rc;

	if (!pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_PLACE))
		return pt_error_page(req, 403, NULL);
	if ((rc = read_filter(req, &f)) != PT_OK ||
	    (rc = list_rows(req, &f, CSV_ROWS_MAX, 0, &rows)) != PT_OK)
		return rc;
	pt_csv_init(&csv, req);
	for (i = 0; i < PT_NELEM(heads); i++)
		pt_csv_value(&csv, text(req, heads[i]));
	pt_csv_end(&csv);
	for (i = 0; i < rows.nrows; i++) {
		pt_csv_value(&csv, pt_cell(&rows, i, L_NUMBER));
		pt_csv_value(&csv, pt_cell(&rows, i, L_CREATED));
		pt_csv_value(&csv, text(req, pt_printf(req, "orders.status.%s",
		    pt_cell(&rows, i, L_STATUS))));
		pt_csv_text(&csv, pt_cell(&rows, i, L_BUYER));
		pt_csv_text(&csv, pt_cell(&rows, i, L_PO));
		pt_csv_text(&csv, pt_cell(&rows, i, L_COST_CENTRE));
		pt_csv_value(&csv, pt_cell(&rows, i, L_REQUESTED));
		pt_csv_value(&csv, pt_cell(&rows, i, L_CURRENCY));
		for (j = L_NET; j <= L_GROSS; j++) {
			pt_money_text(pt_cell_int(&rows, i, j), amount);
			pt_csv_value(&csv, amount);
		}
		pt_csv_value(&csv, pt_cell(&rows, i, L_LINES));
		pt_csv_end(&csv);
	}
	return pt_csv_send(&csv, "orders.csv");
}

static const struct pt_route routes[] = {
	{ PT_GET, "/orders/history",	 history,	PT_R_LOGIN, NULL },
	{ PT_GET, "/orders/history.csv", history_csv,	PT_R_LOGIN, NULL },
};

static const char *const views[] = { "history" };

const struct pt_group or_history_group = PT_GROUP(routes, sql, views);
