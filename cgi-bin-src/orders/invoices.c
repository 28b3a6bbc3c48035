/*
 * Invoices and credit notes on pages (issuing is invoice-issue.c):
 *
 *   GET  /orders/invoices                the list: an organisation's invoices
 *                                        (orders.read.org or orders.approve),
 *                                        a buyer's of their own orders, every
 *                                        organisation's for the order desk
 *   GET  /orders/invoices/<number>       an invoice to read and print
 *   GET  /orders/invoices/<number>.pdf   the same as a PDF (invoice-pdf.c)
 *   POST /orders/invoices/<number>/paid  the desk marks it paid
 *   POST /orders/invoices/<number>/credit  the desk credits some of its lines
 *   GET  /orders/invoices/new?order=...  the desk's issuing of an order: what
 *   POST /orders/invoices/new            is billed and what not, per shipment
 *
 * An invoice exists for the people of its organisation (another's: 404) and
 * for the provider's order desk; of its organisation's people those who may
 * read all its orders, and the buyer of its order (else 403).  Overdue is
 * what an open invoice is once its due date lies before the reader's today.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orders.h"

#define PAGE_SIZE	25
#define COUNT_LIMIT	"10001"

enum invoices_sql {
	SQL_LIST, SQL_COUNT, SQL_LIST_ALL, SQL_COUNT_ALL, SQL_GET, SQL_LINES, SQL_ORDER, SQL_ORDER_LINES, SQL_SHIPMENTS,
	SQL_ORDER_INVOICES, SQL_SHIPMENT_ID, SQL__MAX
};

/*
 * The invoices a list shows: an organisation's (binds: org), or for the
 * desk every organisation's (binds: none), then MATCH's binds: buyer x2,
 * status x2, overdue, today, number x3.  status is '' or the row's
 * status; overdue (0/1) narrows to open invoices due before today.  The
 * organisation's own statement lets its walk use invoices_org_issued.
 */
#define MATCH \
	" AND (? = 0 OR o.buyer_id = ?) AND (? = '' OR i.status = ?)" \
	" AND (? = 0 OR (i.status = 'open' AND i.kind = 'invoice' AND i.due_date < ?))" \
	" AND (? = '' OR i.number = ? OR o.number = ?)"
#define MATCHING_ORG \
	" FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.org_id = ?" MATCH
#define MATCHING_ALL \
	" FROM invoices i JOIN orders o ON o.id = i.order_id WHERE 1 = 1" MATCH
/* A page of them, newest first (binds: the MATCHING's, limit, offset), and their count. */
#define LIST_SQL(matching) \
	"SELECT i.number, i.kind, i.status, " DAY("i.issue_date") ", " DAY("i.due_date") "," \
	" i.currency, i.net_minor, i.tax_minor, i.gross_minor, o.number, g.name, i.org_id" \
	" FROM (SELECT i.id" matching " ORDER BY i.issue_date DESC, i.id DESC LIMIT ? OFFSET ?) p" \
	" JOIN invoices i ON i.id = p.id JOIN orders o ON o.id = i.order_id" \
	" JOIN orgs g ON g.id = i.org_id ORDER BY i.issue_date DESC, i.id DESC"
#define COUNT_SQL(matching) \
	"SELECT COUNT(*) FROM (SELECT 1" matching " LIMIT " COUNT_LIMIT ") c"

#define DAY(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "or_invoices_list", LIST_SQL(MATCHING_ORG) },
	[SQL_COUNT] = { "or_invoices_count", COUNT_SQL(MATCHING_ORG) },
	[SQL_LIST_ALL] = { "or_invoices_list_all", LIST_SQL(MATCHING_ALL) },
	[SQL_COUNT_ALL] = { "or_invoices_count_all", COUNT_SQL(MATCHING_ALL) },
	/* Binds: number, org, any org (0/1). */
	[SQL_GET] = { "or_invoice_get",
	    "SELECT i.id, i.number, i.kind, i.org_id, o.buyer_id, i.status, o.number, i.currency,"
	    " i.net_minor, i.tax_minor, i.gross_minor, " DAY("i.issue_date") ","
	    " i.payment_terms_days, " DAY("i.due_date") ", " OR_ISO("i.paid_at") ", i.po_number,"
	    " i.seller_name, i.seller_street, i.seller_street2, i.seller_postal_code,"
	    " i.seller_city, i.seller_country, i.seller_vat_id, i.buyer_name, i.buyer_street,"
	    " i.buyer_street2, i.buyer_postal_code, i.buyer_city, i.buyer_country, i.buyer_vat_id,"
	    " s.no, u.name, i.order_id"
	    " FROM invoices i JOIN orders o ON o.id = i.order_id"
	    " LEFT JOIN shipments s ON s.id = i.shipment_id LEFT JOIN users u ON u.id = o.buyer_id"
	    " WHERE i.number = ? AND (i.org_id = ? OR ? = 1)" },
	[SQL_LINES] = { "or_invoice_get_lines",
	    "SELECT line_no, order_line_no, sku, name, unit, quantity, unit_price_minor,"
	    " tax_rate_bp, net_minor, tax_minor, gross_minor"
	    " FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no" },
	/* The desk's: any organisation's order.  Binds: number. */
	[SQL_ORDER] = { "or_invoice_order",
	    "SELECT o.id, o.number, o.status, g.name, o.currency, o.gross_minor"
	    " FROM orders o JOIN orgs g ON g.id = o.org_id WHERE o.number = ?" },
	/* Each line with what was shipped and billed of it.  Binds: order x3. */
	[SQL_ORDER_LINES] = { "or_invoice_order_lines",
	    "SELECT ol.line_no, ol.sku, ol.name, ol.unit, ol.quantity,"
	    " (SELECT COALESCE(SUM(sl.quantity), 0) FROM shipment_lines sl"
	    "   WHERE sl.order_id = ol.order_id AND sl.line_no = ol.line_no),"
	    " (SELECT COALESCE(SUM(il.quantity), 0) FROM invoices i"
	    "   JOIN invoice_lines il ON il.invoice_id = i.id"
	    "   WHERE i.order_id = ? AND i.kind = 'invoice' AND il.order_line_no = ol.line_no)"
	    " FROM order_lines ol WHERE ol.order_id = ? ORDER BY ol.line_no" },
	/* The order's shipments and the invoice of each.  Binds: order. */
	[SQL_SHIPMENTS] = { "or_invoice_shipments",
	    "SELECT s.no, s.carrier, " OR_ISO("s.shipped_at") ", i.number,"
	    " (SELECT SUM(sl.quantity) FROM shipment_lines sl WHERE sl.shipment_id = s.id)"
	    " FROM shipments s LEFT JOIN invoices i ON i.shipment_id = s.id"
	    " WHERE s.order_id = ? ORDER BY s.no" },
	/* Binds: order. */
	[SQL_ORDER_INVOICES] = { "or_invoice_order_invoices",
	    "SELECT number, kind, status, " DAY("issue_date") ", " DAY("due_date") ", currency,"
	    " gross_minor FROM invoices WHERE order_id = ? ORDER BY id" },
	/* Binds: order, shipment no. */
	[SQL_SHIPMENT_ID] = { "or_invoice_shipment_id",
	    "SELECT id FROM shipments WHERE order_id = ? AND no = ?" },
};

enum {
	LI_NUMBER, LI_KIND, LI_STATUS, LI_ISSUED, LI_DUE, LI_CURRENCY, LI_NET, LI_TAX, LI_GROSS,
	LI_ORDER, LI_ORG, LI_ORG_ID
};
enum {
	I_ID, I_NUMBER, I_KIND, I_ORG, I_BUYER_ID, I_STATUS, I_ORDER, I_CURRENCY, I_NET, I_TAX,
	I_GROSS, I_ISSUED, I_TERMS, I_DUE, I_PAID_AT, I_PO, I_SELLER, I_BUYER = I_SELLER + 7,
	I_SHIPMENT = I_BUYER + 7, I_BUYER_PERSON, I_ORDER_ID
};
/* The parts of an address in the rows, from its first column. */
enum { A_NAME, A_STREET, A_STREET2, A_POSTAL, A_CITY, A_COUNTRY, A_VAT };
enum {
	L_NO, L_ORDER_LINE, L_SKU, L_NAME, L_UNIT, L_QTY, L_PRICE, L_RATE, L_NET, L_TAX, L_GROSS
};

/* The provider's order desk: every organisation's invoices. */
static int
desk(const struct pt_req *req)
{
	const struct pt_user *u = req->session.user;

	return u != NULL && u->org_kind != NULL && strcmp(u->org_kind, "provider") == 0 &&
	    pt_can(req, OR_PERM_DESK);
}

/* The reader's today ("YYYY-MM-DD"), in the arena. */
static const char *
today(struct pt_req *req)
{
	char *d = pt_alloc(req, 11);

	if (d != NULL)
		pt_local_date(req, time(NULL), d);
	return d;
}

/* What the reader sees of an invoice's status: open, overdue or paid. */
static const char *
shown_status(const char *kind, const char *status, const char *due, const char *today)
{
	if (strcmp(status, "open") == 0 && strcmp(kind, "invoice") == 0 && today != NULL &&
	    strcmp(due, today) < 0)
		return "overdue";
	return status;
}

xmlNodePtr
or_invoices_node(struct pt_req *req, xmlNodePtr parent, const char *packed)
{
	xmlNodePtr l = pt_node(parent, "invoices", NULL), n;
	const char *now = today(req), *p = packed, *end;
	char v[6][24], until[20];
	time_t at;

	while (p != NULL && *p != '\0') {
		/* number kind status issued due gross */
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		if (end - p >= 100 || sscanf(pt_printf(req, "%.*s", (int)(end - p), p),
		    "%23s %23s %23s %23s %23s %23s", v[0], v[1], v[2], v[3], v[4], v[5]) != 6)
			break;
		n = pt_node(l, "invoice", NULL);
		pt_attr(n, "number", v[0]);
		pt_attr(n, "href", pt_invoice_href(req, v[0]));
		pt_attr(n, "kind", v[1]);
		pt_attr(n, "status", shown_status(v[1], v[2], v[4], now));
		pt_attr(n, "issued", v[3]);
		pt_attr(n, "due", v[4]);
		pt_attr(n, "gross", v[5]);
		/* Open and not yet overdue: the page reads otherwise the day after its due date. */
		if (strcmp(v[1], "invoice") == 0 && strcmp(v[2], "open") == 0 && now != NULL &&
		    strcmp(v[4], now) >= 0 && pt_day_start_utc(req, v[4], 1, until) == PT_OK &&
		    pt_utc_parse(until, &at) == PT_OK)
			pt_pagecache_until(req, at);
		p = *end == ',' ? end + 1 : end;
	}
	return l;
}

/* ---- the list -------------------------------------------------------------- */

struct filter {
	int		 all;		/* the desk: every organisation */
	long long	 buyer;		/* 0: the organisation's, else this buyer's own */
	const char	*status;	/* "", open, overdue, paid */
	const char	*number;	/* an invoice's or an order's number, or "" */
	const char	*today;
	long long	 page;
};

static size_t
bind_matching(const struct pt_req *req, const struct filter *f, struct pt_bind *b)
{
	const char *row_status = strcmp(f->status, "overdue") == 0 ? "open" : f->status;
	size_t n = 0;

	if (!f->all)
		b[n++] = pt_int(req->session.user->org_id);
	b[n++] = pt_int(f->buyer);
	b[n++] = pt_int(f->buyer);
	b[n++] = pt_str(row_status);
	b[n++] = pt_str(row_status);
	b[n++] = pt_int(strcmp(f->status, "overdue") == 0);
	b[n++] = pt_str(f->today);
	b[n++] = pt_str(f->number);
	b[n++] = pt_str(f->number);
	b[n++] = pt_str(f->number);
	return n;
}

/* GET /orders/invoices */
static int
list(struct pt_req *req)
{
	static const char *const statuses[] = { "open", "overdue", "paid" };
	struct pt_rows rows, count;
	struct pt_bind b[16];
	struct filter f;
	const char *v;
	xmlNodePtr l, n, pager;
	long long total;
	size_t i, nb;
	int rc;

	memset(&f, 0, sizeof(f));
	f.all = desk(req);
	if (!f.all && !pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_APPROVE)) {
		if (!pt_can(req, OR_PERM_PLACE))
			return pt_error_page(req, 403, NULL);
		f.buyer = req->session.user->id;
	}
	v = pt_query(req, "status");
	f.status = pt_one_of(v, statuses, PT_NELEM(statuses)) ? v : "";
	if ((v = pt_query_trim(req, "q")) == NULL || (f.today = today(req)) == NULL)
		return PT_ENOMEM;
	f.number = pt_invoice_number_ok(v) || or_number_ok(v) ? v : "";
	f.page = pt_query_page(req);
	nb = bind_matching(req, &f, b);
	b[nb] = pt_int(PAGE_SIZE);
	b[nb + 1] = pt_int((f.page - 1) * PAGE_SIZE);
	if ((rc = pt_db_query(req, &sql[f.all ? SQL_LIST_ALL : SQL_LIST], &rows, b, nb + 2)) !=
	    PT_OK ||
	    (rc = pt_db_query(req, &sql[f.all ? SQL_COUNT_ALL : SQL_COUNT], &count, b, nb)) != PT_OK)
		return rc;
	total = pt_cell_int(&count, 0, 0);
	l = pt_node(req->page, "invoices", NULL);
	pt_attr(l, "scope", f.all ? "all" : f.buyer != 0 ? "mine" : "org");
	pt_attr(l, "status", f.status);
	pt_attr(l, "q", v);
	pt_attr(l, "today", f.today);
	for (i = 0; i < rows.nrows; i++) {
		n = pt_node(l, "invoice", NULL);
		pt_attr(n, "number", pt_cell(&rows, i, LI_NUMBER));
		pt_attr(n, "href", pt_invoice_href(req, pt_cell(&rows, i, LI_NUMBER)));
		pt_attr(n, "kind", pt_cell(&rows, i, LI_KIND));
		pt_attr(n, "status", shown_status(pt_cell(&rows, i, LI_KIND),
		    pt_cell(&rows, i, LI_STATUS), pt_cell(&rows, i, LI_DUE), f.today));
		pt_attr(n, "issued", pt_cell(&rows, i, LI_ISSUED));
		pt_attr(n, "due", pt_cell(&rows, i, LI_DUE));
		pt_attr(n, "currency", pt_cell(&rows, i, LI_CURRENCY));
		pt_attr(n, "net", pt_cell(&rows, i, LI_NET));
		pt_attr(n, "tax", pt_cell(&rows, i, LI_TAX));
		pt_attr(n, "gross", pt_cell(&rows, i, LI_GROSS));
		pt_attr(n, "order", pt_cell(&rows, i, LI_ORDER));
		if (f.all) {
			pt_attr(pt_node(n, "org", pt_cell(&rows, i, LI_ORG)), "id",
			    pt_cell(&rows, i, LI_ORG_ID));
			pt_attr(n, "order-href", pt_printf(req, "/orders/desk/%s",
			    pt_cell(&rows, i, LI_ORDER)));
		} else
			pt_attr(n, "order-href", or_order_href(req, pt_cell(&rows, i, LI_ORDER)));
	}
	pager = pt_pager(l, f.page, total > 10000 ? 10000 : total, PAGE_SIZE);
	if (total > 10000)
		pt_attr(pager, "more", "1");
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	req->view = "invoices";
	return 200;
}

/* ---- one invoice ------------------------------------------------------------- */

/*
 * The invoice with number as the reader may see it, with its lines:
 * PT_OK, or an HTTP status (404, 403) to answer, or an error.
 */
static int
invoice_find(struct pt_req *req, const char *number, struct pt_rows *inv, struct pt_rows *lines)
{
	const struct pt_user *u = req->session.user;
	int rc, all = desk(req);

	if (!pt_invoice_number_ok(number))
		return 404;
	if ((rc = pt_db_query(req, &sql[SQL_GET], inv, PT_BINDS(pt_str(number),
	    pt_int(u->org_id), pt_int(all)))) != PT_OK)
		return rc;
	if (inv->nrows != 1)
		return 404;
	if (!all && !pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_APPROVE) &&
	    pt_cell_int(inv, 0, I_BUYER_ID) != u->id)
		return 403;
	if (lines == NULL)
		return PT_OK;
	return pt_db_query(req, &sql[SQL_LINES], lines, PT_BINDS(pt_str(pt_cell(inv, 0, I_ID))));
}

static void
party_node(xmlNodePtr parent, const char *name, const struct pt_rows *inv, size_t col)
{
	static const char *const parts[] = { "name", "street", "street2", "postal-code", "city" };
	xmlNodePtr p = pt_node(parent, name, NULL);
	size_t i;

	pt_attr(p, "country", pt_cell(inv, 0, col + A_COUNTRY));
	pt_attr(p, "vat-id", pt_cell(inv, 0, col + A_VAT));
	for (i = 0; i < PT_NELEM(parts); i++)
		pt_node(p, parts[i], pt_cell(inv, 0, col + i));
}

/* The tax per rate, in the order the rates first appear: rate_bp, net, tax into t (n lines). */
struct tax_sum {
	long long	 rate_bp, net, tax;
};

static size_t
tax_sums(const struct pt_rows *lines, struct tax_sum *t)
{
	size_t i, j, n = 0;

	for (i = 0; i < lines->nrows; i++) {
		long long rate = pt_cell_int(lines, i, L_RATE);

		for (j = 0; j < n && t[j].rate_bp != rate; j++)
			;
		if (j == n)
			t[n++] = (struct tax_sum){ rate, 0, 0 };
		t[j].net += pt_cell_int(lines, i, L_NET);
		t[j].tax += pt_cell_int(lines, i, L_TAX);
	}
	return n;
}

static xmlNodePtr
invoice_node(struct pt_req *req, const struct pt_rows *inv, const struct pt_rows *lines)
{
	xmlNodePtr n = pt_node(req->page, "invoice", NULL), l, t;
	const char *number = pt_cell(inv, 0, I_NUMBER);
	struct tax_sum *sums;
	size_t i, ns;

	pt_attr(n, "number", number);
	pt_attr(n, "href", pt_invoice_href(req, number));
	pt_attr(n, "pdf", pt_printf(req, "%s.pdf", pt_invoice_href(req, number)));
	pt_attr(n, "kind", pt_cell(inv, 0, I_KIND));
	pt_attr(n, "status", shown_status(pt_cell(inv, 0, I_KIND), pt_cell(inv, 0, I_STATUS),
	    pt_cell(inv, 0, I_DUE), today(req)));
	pt_attr(n, "currency", pt_cell(inv, 0, I_CURRENCY));
	pt_attr(n, "issued", pt_cell(inv, 0, I_ISSUED));
	pt_attr(n, "due", pt_cell(inv, 0, I_DUE));
	pt_attr(n, "terms-days", pt_cell(inv, 0, I_TERMS));
	if (pt_cell(inv, 0, I_PAID_AT) != NULL)
		pt_attr(n, "paid-at", pt_cell(inv, 0, I_PAID_AT));
	pt_attr(n, "order", pt_cell(inv, 0, I_ORDER));
	/* The order's page: the customer's own, or the desk's of any organisation's. */
	if (pt_cell_int(inv, 0, I_ORG) == req->session.user->org_id)
		pt_attr(n, "order-href", or_order_href(req, pt_cell(inv, 0, I_ORDER)));
	else if (desk(req))
		pt_attr(n, "order-href", pt_printf(req, "/orders/desk/%s", pt_cell(inv, 0, I_ORDER)));
	if (pt_cell(inv, 0, I_SHIPMENT) != NULL)
		pt_attr(n, "shipment", pt_cell(inv, 0, I_SHIPMENT));
	pt_node(n, "po-number", pt_cell(inv, 0, I_PO));
	pt_node(n, "buyer-person", pt_cell(inv, 0, I_BUYER_PERSON));
	party_node(n, "seller", inv, I_SELLER);
	party_node(n, "buyer", inv, I_BUYER);
	l = pt_node(n, "lines", NULL);
	for (i = 0; i < lines->nrows; i++) {
		t = pt_node(l, "line", NULL);
		pt_attr(t, "no", pt_cell(lines, i, L_NO));
		pt_attr(t, "order-line", pt_cell(lines, i, L_ORDER_LINE));
		pt_attr(t, "sku", pt_cell(lines, i, L_SKU));
		pt_attr(t, "unit", pt_cell(lines, i, L_UNIT));
		pt_attr(t, "quantity", pt_cell(lines, i, L_QTY));
		pt_attr(t, "unit-minor", pt_cell(lines, i, L_PRICE));
		pt_attr(t, "rate-bp", pt_cell(lines, i, L_RATE));
		pt_attr(t, "net", pt_cell(lines, i, L_NET));
		pt_attr(t, "tax", pt_cell(lines, i, L_TAX));
		pt_attr(t, "gross", pt_cell(lines, i, L_GROSS));
		pt_node(t, "name", pt_cell(lines, i, L_NAME));
	}
	l = pt_node(n, "taxes", NULL);
	if ((sums = pt_alloc(req, (lines->nrows + 1) * sizeof(*sums))) != NULL) {
		ns = tax_sums(lines, sums);
		for (i = 0; i < ns; i++) {
			t = pt_node(l, "tax", NULL);
			pt_attr_int(t, "rate-bp", sums[i].rate_bp);
			pt_attr_int(t, "net", sums[i].net);
			pt_attr_int(t, "tax", sums[i].tax);
		}
	}
	t = pt_node(n, "totals", NULL);
	pt_attr(t, "net", pt_cell(inv, 0, I_NET));
	pt_attr(t, "tax", pt_cell(inv, 0, I_TAX));
	pt_attr(t, "gross", pt_cell(inv, 0, I_GROSS));
	t = pt_node(n, "actions", NULL);
	if (desk(req) && strcmp(pt_cell(inv, 0, I_STATUS), "open") == 0)
		pt_attr(t, "paid", "1");
	if (desk(req) && strcmp(pt_cell(inv, 0, I_KIND), "invoice") == 0)
		pt_attr(t, "credit", "1");
	return n;
}

static int
invoice_page(struct pt_req *req, int status, const char *number)
{
	struct pt_rows inv, lines;
	int rc;

	if ((rc = invoice_find(req, number, &inv, &lines)) != PT_OK)
		return rc > 0 ? pt_error_page(req, rc, NULL) : rc;
	invoice_node(req, &inv, &lines);
	or_flash(req, "issued", strcmp(pt_cell(&inv, 0, I_KIND), "credit_note") == 0 ?
	    "orders.invoice.issued-credit" : "orders.invoice.issued-msg");
	or_flash(req, "paid", "orders.invoice.marked-paid");
	req->view = "invoice";
	return status;
}

/* GET /orders/invoices/<number> */
static int
invoice(struct pt_req *req)
{
	return invoice_page(req, 200, req->caps[1]);
}

/*
 * The end of a desk's write inside its transaction: on an error the
 * rollback; on a refusal the rollback and the page refused() draws of
 * number with the reason (422); else the commit and 303 to the invoice
 * with ?<flash>=1.
 */
static int
desk_end(struct pt_req *req, int rc, const struct pt_invoice_out *out, const char *flash,
    int (*refused)(struct pt_req *, int, const char *), const char *number)
{
	if (rc != PT_OK)
		return or_undo(req, rc);
	if (out->refusal != NULL) {
		pt_db_rollback(req);
		pt_message(req, "error", out->refusal, NULL);
		return refused(req, 422, number);
	}
	if ((rc = pt_db_commit(req)) != PT_OK)
		return or_undo(req, rc);
	return pt_redirect(req, pt_printf(req, "%s?%s=1", pt_invoice_href(req, out->number), flash));
}

/* ---- the PDF ----------------------------------------------------------------- */

/* The catalogue text of key in the reader's language, else the key. */
static const char *
text(const struct pt_req *req, const char *key)
{
	const char *t = pt_i18n_get(req->lang, key);

	return t != NULL ? t : key;
}

/* t with {name} replaced by value, in the arena (t itself without it). */
static const char *
fill_text(struct pt_req *req, const char *t, const char *name, const char *value)
{
	char *mark = pt_printf(req, "{%s}", name);
	const char *at;

	if (t == NULL || mark == NULL || (at = strstr(t, mark)) == NULL)
		return t;
	return pt_printf(req, "%.*s%s%s", (int)(at - t), t, value, at + strlen(mark));
}

/* The catalogue text of key with {name} replaced by value. */
static const char *
fill(struct pt_req *req, const char *key, const char *name, const char *value)
{
	return fill_text(req, text(req, key), name, value);
}

static const char *
money(struct pt_req *req, const char *minor, const char *currency)
{
	char out[PT_MONEY_SHOWN_MAX];

	pt_money_shown(strtoll(minor, NULL, 10), currency, req->lang, out);
	return pt_strdup(req, out);
}

/* A rate in basis points as the reader writes a percentage: "19 %", "8,1 %". */
static const char *
rate(struct pt_req *req, long long bp)
{
	int de = strcmp(req->lang, "de") == 0;

	if (bp % 100 == 0)
		return pt_printf(req, "%lld\xc2\xa0%%", bp / 100);
	if (bp % 10 == 0)
		return pt_printf(req, "%lld%c%lld\xc2\xa0%%", bp / 100, de ? ',' : '.', bp % 100 / 10);
	return pt_printf(req, "%lld%c%02lld\xc2\xa0%%", bp / 100, de ? ',' : '.', bp % 100);
}

/* The address lines of a party (name first), non-empty ones, into v; how many. */
static size_t
address_lines(struct pt_req *req, const struct pt_rows *inv, size_t col, const char **v)
{
	size_t n = 0;
	const char *s;

	v[n++] = pt_cell(inv, 0, col + A_NAME);
	if (*(s = pt_cell(inv, 0, col + A_STREET)) != '\0')
		v[n++] = s;
	if (*(s = pt_cell(inv, 0, col + A_STREET2)) != '\0')
		v[n++] = s;
	s = pt_printf(req, "%s %s", pt_cell(inv, 0, col + A_POSTAL), pt_cell(inv, 0, col + A_CITY));
	if (s != NULL && strcmp(s, " ") != 0)
		v[n++] = s;
	if (*(s = pt_cell(inv, 0, col + A_COUNTRY)) != '\0')
		v[n++] = text(req, pt_printf(req, "orders.country.%s", s));
	if (*(s = pt_cell(inv, 0, col + A_VAT)) != '\0')
		v[n++] = fill(req, "orders.invoice.vat-id", "id", s);
	return n;
}

/* GET /orders/invoices/<number>.pdf */
static int
invoice_pdf(struct pt_req *req)
{
	const char *cur, *kind, *facts[16], *seller[8], *buyer[8], *totals[6], *pdf;
	struct pt_rows inv, lines;
	struct or_pdf_invoice d;
	struct or_pdf_line *pl;
	struct or_pdf_tax *pt;
	struct tax_sum *sums;
	size_t i, n, len;
	int rc, credit;

	if ((rc = invoice_find(req, req->caps[1], &inv, &lines)) != PT_OK)
		return rc > 0 ? pt_error_page(req, rc, NULL) : rc;
	cur = pt_cell(&inv, 0, I_CURRENCY);
	kind = pt_cell(&inv, 0, I_KIND);
	credit = strcmp(kind, "credit_note") == 0;
	memset(&d, 0, sizeof(d));
	d.title = fill(req, credit ? "orders.invoice.title.credit_note" : "orders.invoice.title.invoice",
	    "number", pt_cell(&inv, 0, I_NUMBER));
	d.nseller = address_lines(req, &inv, I_SELLER, seller);
	d.seller = seller;
	d.nbuyer = address_lines(req, &inv, I_BUYER, buyer);
	d.buyer = buyer;
	n = 0;
	facts[n++] = text(req, "orders.invoice.number");
	facts[n++] = pt_cell(&inv, 0, I_NUMBER);
	facts[n++] = text(req, "orders.invoice.issued");
	facts[n++] = pt_time_text(req, pt_cell(&inv, 0, I_ISSUED), "date");
	if (!credit) {
		facts[n++] = text(req, "orders.invoice.due");
		facts[n++] = pt_time_text(req, pt_cell(&inv, 0, I_DUE), "date");
	}
	facts[n++] = text(req, "orders.invoice.order");
	facts[n++] = pt_cell(&inv, 0, I_ORDER);
	if (pt_cell(&inv, 0, I_SHIPMENT) != NULL) {
		facts[n++] = text(req, "orders.invoice.shipment");
		facts[n++] = pt_cell(&inv, 0, I_SHIPMENT);
	}
	if (*pt_cell(&inv, 0, I_PO) != '\0') {
		facts[n++] = text(req, "orders.invoice.po");
		facts[n++] = pt_cell(&inv, 0, I_PO);
	}
	d.facts = facts;
	d.nfacts = n;
	d.head[0] = text(req, "orders.invoice.col.no");
	d.head[1] = text(req, "orders.invoice.col.item");
	d.head[2] = text(req, "orders.invoice.col.quantity");
	d.head[3] = text(req, "orders.invoice.col.price");
	d.head[4] = text(req, "orders.invoice.col.rate");
	d.head[5] = text(req, "orders.invoice.col.net");
	if ((pl = pt_alloc(req, (lines.nrows + 1) * sizeof(*pl))) == NULL ||
	    (sums = pt_alloc(req, (lines.nrows + 1) * sizeof(*sums))) == NULL ||
	    (pt = pt_alloc(req, (lines.nrows + 1) * sizeof(*pt))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < lines.nrows; i++) {
		pl[i].no = pt_cell(&lines, i, L_NO);
		pl[i].sku = pt_cell(&lines, i, L_SKU);
		pl[i].name = pt_cell(&lines, i, L_NAME);
		pl[i].quantity = pt_printf(req, "%s %s", pt_cell(&lines, i, L_QTY),
		    text(req, pt_printf(req, "orders.unit.%s", pt_cell(&lines, i, L_UNIT))));
		pl[i].price = money(req, pt_cell(&lines, i, L_PRICE), cur);
		pl[i].rate = rate(req, pt_cell_int(&lines, i, L_RATE));
		pl[i].net = money(req, pt_cell(&lines, i, L_NET), cur);
	}
	d.lines = pl;
	d.nlines = lines.nrows;
	d.ntaxes = tax_sums(&lines, sums);
	for (i = 0; i < d.ntaxes; i++) {
		char net[PT_MONEY_SHOWN_MAX], tax[PT_MONEY_SHOWN_MAX];

		pt_money_shown(sums[i].net, cur, req->lang, net);
		pt_money_shown(sums[i].tax, cur, req->lang, tax);
		/* "Tax 19 % of 100.00 EUR" */
		pt[i].label = fill_text(req, fill(req, "orders.invoice.tax-of", "rate",
		    rate(req, sums[i].rate_bp)), "net", net);
		pt[i].net = pt_strdup(req, net);
		pt[i].tax = pt_strdup(req, tax);
	}
	d.taxes = pt;
	n = 0;
	totals[n++] = text(req, "orders.invoice.total.net");
	totals[n++] = money(req, pt_cell(&inv, 0, I_NET), cur);
	totals[n++] = text(req, "orders.invoice.total.tax");
	totals[n++] = money(req, pt_cell(&inv, 0, I_TAX), cur);
	totals[n++] = text(req, credit ? "orders.invoice.total.credit" : "orders.invoice.total.gross");
	totals[n++] = money(req, pt_cell(&inv, 0, I_GROSS), cur);
	d.totals = totals;
	d.ntotals = n;
	if (credit)
		d.terms = text(req, "orders.invoice.terms.credit");
	else
		d.terms = fill_text(req, fill(req, "orders.invoice.terms", "days",
		    pt_cell(&inv, 0, I_TERMS)), "due", pt_time_text(req, pt_cell(&inv, 0, I_DUE),
		    "date"));
	d.footer = pt_printf(req, "%s · %s", pt_cell(&inv, 0, I_SELLER + A_NAME),
	    text(req, "orders.invoice.footer"));
	if ((rc = or_invoice_pdf(req, &d, &pdf, &len)) != PT_OK)
		return rc;
	req->body = pdf;
	req->body_len = len;
	req->content_type_out = "application/pdf";
	if (pt_header_add(req, "Content-Disposition", pt_printf(req, "inline; filename=\"%s.pdf\"",
	    pt_cell(&inv, 0, I_NUMBER))) != PT_OK)
		return PT_ENOMEM;
	return 200;
}

/* ---- the desk ------------------------------------------------------------------ */

/* POST /orders/invoices/<number>/paid */
static int
paid(struct pt_req *req)
{
	struct pt_rows inv;
	struct pt_invoice_out out;
	int rc;

	if (!desk(req))
		return pt_error_page(req, 403, NULL);
	if ((rc = invoice_find(req, req->caps[1], &inv, NULL)) != PT_OK)
		return rc > 0 ? pt_error_page(req, rc, NULL) : rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = pt_invoice_mark_paid(req, pt_cell_int(&inv, 0, I_ID), &out);
	return desk_end(req, rc, &out, "paid", invoice_page, req->caps[1]);
}

/*
 * POST /orders/invoices/<number>/credit: a credit note for quantities of
 * the invoice's lines, q<order line no> each (empty: none), as the desk
 * gives money back for goods returned or a complaint.
 */
static int
credit(struct pt_req *req)
{
	struct pt_rows inv, lines;
	struct pt_credit_line *cl;
	const char **fields;
	struct pt_invoice_out out;
	size_t i, n = 0;
	int rc;

	if (!desk(req))
		return pt_error_page(req, 403, NULL);
	if ((rc = invoice_find(req, req->caps[1], &inv, &lines)) != PT_OK)
		return rc > 0 ? pt_error_page(req, rc, NULL) : rc;
	if (strcmp(pt_cell(&inv, 0, I_KIND), "invoice") != 0)
		return pt_error_page(req, 404, NULL);
	if ((cl = pt_alloc(req, (lines.nrows + 1) * sizeof(*cl))) == NULL ||
	    (fields = pt_alloc(req, (lines.nrows + 1) * sizeof(*fields))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < lines.nrows; i++)
		if ((fields[i] = pt_printf(req, "q%s", pt_cell(&lines, i, L_ORDER_LINE))) == NULL)
			return PT_ENOMEM;
	/* What was typed, shown again when the form is refused. */
	pt_form_echo(req, "credit", fields, lines.nrows);
	for (i = 0; i < lines.nrows; i++) {
		const char *f = fields[i], *v = pt_form(req, f);

		if (v == NULL || *v == '\0' || strcmp(v, "0") == 0)
			continue;
		if (strlen(v) > 5 || !pt_valid(PT_V_ID, v, strlen(v))) {
			pt_message(req, "error", "input.invalid", f);
			return invoice_page(req, 422, req->caps[1]);
		}
		cl[n].order_line_no = pt_cell_int(&lines, i, L_ORDER_LINE);
		cl[n++].quantity = strtoll(v, NULL, 10);
	}
	if (n == 0) {
		pt_message(req, "error", "orders.invoice.credit.none", NULL);
		return invoice_page(req, 422, req->caps[1]);
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = pt_invoice_credit(req, pt_cell_int(&inv, 0, I_ORDER_ID), 0, cl, n, &out);
	return desk_end(req, rc, &out, "issued", invoice_page, req->caps[1]);
}

/* The desk's page of the order number: its lines, shipments and invoices, with status. */
static int
new_page(struct pt_req *req, int status, const char *number)
{
	struct pt_rows o, lines, ships, invs;
	xmlNodePtr n, l, t;
	const char *id;
	size_t i;
	int rc;

	if (!or_number_ok(number))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_ORDER], &o, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (o.nrows != 1)
		return pt_error_page(req, 404, NULL);
	id = pt_cell(&o, 0, 0);
	if ((rc = pt_db_query(req, &sql[SQL_ORDER_LINES], &lines, PT_BINDS(pt_str(id),
	    pt_str(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_SHIPMENTS], &ships, PT_BINDS(pt_str(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_ORDER_INVOICES], &invs, PT_BINDS(pt_str(id)))) != PT_OK)
		return rc;
	n = pt_node(req->page, "billing", NULL);
	pt_attr(n, "order", pt_cell(&o, 0, 1));
	pt_attr(n, "status", pt_cell(&o, 0, 2));
	pt_attr(n, "currency", pt_cell(&o, 0, 4));
	pt_attr(n, "gross", pt_cell(&o, 0, 5));
	pt_node(n, "org", pt_cell(&o, 0, 3));
	l = pt_node(n, "lines", NULL);
	for (i = 0; i < lines.nrows; i++) {
		t = pt_node(l, "line", NULL);
		pt_attr(t, "no", pt_cell(&lines, i, 0));
		pt_attr(t, "sku", pt_cell(&lines, i, 1));
		pt_attr(t, "unit", pt_cell(&lines, i, 3));
		pt_attr(t, "quantity", pt_cell(&lines, i, 4));
		pt_attr(t, "shipped", pt_cell(&lines, i, 5));
		pt_attr(t, "billed", pt_cell(&lines, i, 6));
		pt_node(t, "name", pt_cell(&lines, i, 2));
	}
	l = pt_node(n, "shipments", NULL);
	for (i = 0; i < ships.nrows; i++) {
		t = pt_node(l, "shipment", NULL);
		pt_attr(t, "no", pt_cell(&ships, i, 0));
		pt_attr(t, "shipped", pt_cell(&ships, i, 2));
		pt_attr(t, "quantity", pt_cell(&ships, i, 4));
		if (pt_cell(&ships, i, 3) != NULL) {
			pt_attr(t, "invoice", pt_cell(&ships, i, 3));
			pt_attr(t, "invoice-href", pt_invoice_href(req, pt_cell(&ships, i, 3)));
		}
		pt_node(t, "carrier", pt_cell(&ships, i, 1));
	}
	l = pt_node(n, "invoices", NULL);
	for (i = 0; i < invs.nrows; i++) {
		t = pt_node(l, "invoice", NULL);
		pt_attr(t, "number", pt_cell(&invs, i, 0));
		pt_attr(t, "href", pt_invoice_href(req, pt_cell(&invs, i, 0)));
		pt_attr(t, "kind", pt_cell(&invs, i, 1));
		pt_attr(t, "status", shown_status(pt_cell(&invs, i, 1), pt_cell(&invs, i, 2),
		    pt_cell(&invs, i, 4), today(req)));
		pt_attr(t, "issued", pt_cell(&invs, i, 3));
		pt_attr(t, "due", pt_cell(&invs, i, 4));
		pt_attr(t, "currency", pt_cell(&invs, i, 5));
		pt_attr(t, "gross", pt_cell(&invs, i, 6));
	}
	req->view = "invoice-new";
	return status;
}

/* GET /orders/invoices/new?order=<number> */
static int
new_form(struct pt_req *req)
{
	if (!desk(req))
		return pt_error_page(req, 403, NULL);
	return new_page(req, 200, pt_query(req, "order"));
}

/* POST /orders/invoices/new: order, and shipment (its no; "": all not billed). */
static int
issue(struct pt_req *req)
{
	const char *number = pt_form(req, "order"), *ship = pt_form(req, "shipment");
	struct pt_rows o, s;
	struct pt_invoice_out out;
	long long shipment_id = 0;
	int rc;

	if (!desk(req))
		return pt_error_page(req, 403, NULL);
	if (!or_number_ok(number))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_ORDER], &o, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (o.nrows != 1)
		return pt_error_page(req, 404, NULL);
	if (ship != NULL && *ship != '\0') {
		if (strlen(ship) > 5 || !pt_valid(PT_V_ID, ship, strlen(ship)))
			return pt_error_page(req, 404, NULL);
		if ((rc = pt_db_query(req, &sql[SQL_SHIPMENT_ID], &s, PT_BINDS(pt_str(pt_cell(&o, 0, 0)),
		    pt_str(ship)))) != PT_OK)
			return rc;
		if (s.nrows != 1)
			return pt_error_page(req, 404, NULL);
		shipment_id = pt_cell_int(&s, 0, 0);
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = pt_invoice_issue(req, pt_cell_int(&o, 0, 0), shipment_id, &out);
	if (rc == PT_ENOTFOUND) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	return desk_end(req, rc, &out, "issued", new_page, number);
}

#define INVOICE "/orders/invoices/" PT_INVOICE_NUMBER_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET,  "/orders/invoices",		list,		PT_R_LOGIN, NULL },
	{ PT_GET,  "/orders/invoices/new",	new_form,	PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, "/orders/invoices/new",	issue,		PT_R_LOGIN, OR_PERM_DESK },
	{ PT_GET,  INVOICE,			invoice,	PT_R_LOGIN, OR_PERM_READ },
	{ PT_GET,  INVOICE "\\.pdf",		invoice_pdf,	PT_R_LOGIN, OR_PERM_READ },
	{ PT_POST, INVOICE "/paid",		paid,		PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, INVOICE "/credit",		credit,		PT_R_LOGIN, OR_PERM_DESK },
};

static const char *const views[] = { "invoices", "invoice", "invoice-new" };

const struct pt_group or_invoices_group = PT_GROUP(routes, sql, views);
