/*
 * Issuing invoices and credit notes, and marking them paid: the functions
 * the provider's order desk, the returns and the integration API call
 * inside their own transaction, by a person (req->session.user) or by an
 * integration (no user: the rows say NULL for who).  Each writes its audit
 * row (an issuing also the buyer's mail); the caller commits, or rolls
 * back on any refusal or error.
 *
 * An invoice bills an order: the quantities of one shipment, or all of
 * every line not billed before.  No line is ever billed twice: the order's
 * row is locked first, so two issuings for one order take turns, and each
 * bills at most what is ordered minus what earlier invoices billed.  A
 * credit note gives back at most what was billed minus what was credited,
 * at the line's price, as negative amounts.  The number is the next of its
 * kind and year from invoice_counters, whose row stays locked to the
 * commit: numbers are used in the order of the commits, without gaps.
 * Tax is rounded per line (lib/money.c) and the totals are the lines' sums.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extern.h"

enum issue_sql {
	SQL_LOCK, SQL_PARTIES, SQL_LINES, SQL_SHIPPED, SQL_COUNTER, SQL_INSERT, SQL_LINE,
	SQL_PAID_LOCK, SQL_PAID, SQL_TOUCH, SQL_BUYER, SQL__MAX
};

#define LINE_BINDS 12

static const struct pt_sql sql[SQL__MAX] = {
	/* The order, locked: issuings for one order take turns.  Binds: order. */
	[SQL_LOCK] = { "pt_invoice_lock",
	    "SELECT id, number, org_id, status, currency, po_number, ship_recipient, ship_street,"
	    " ship_street2, ship_postal_code, ship_city, ship_country"
	    " FROM orders WHERE id = ? FOR UPDATE" },
	/* The buyer's organisation and the provider (the seller).  Binds: org. */
	[SQL_PARTIES] = { "pt_invoice_parties",
	    "SELECT b.name, b.billing_street, b.billing_street2, b.billing_postal_code,"
	    " b.billing_city, b.billing_country, b.vat_id, b.payment_terms_days,"
	    " s.name, s.billing_street, s.billing_street2, s.billing_postal_code, s.billing_city,"
	    " s.billing_country, s.vat_id"
	    " FROM orgs b LEFT JOIN orgs s ON s.id = (SELECT MIN(id) FROM orgs WHERE kind = 'provider')"
	    " WHERE b.id = ?" },
	/*
	 * The order's lines with what invoices billed and credit notes gave
	 * back of each so far.  Binds: order x2.
	 */
	[SQL_LINES] = { "pt_invoice_lines",
	    "SELECT ol.line_no, ol.sku, ol.name, ol.unit, ol.quantity, ol.unit_price_minor,"
	    " ol.tax_rate_bp, COALESCE(b.billed, 0), COALESCE(b.credited, 0)"
	    " FROM order_lines ol LEFT JOIN (SELECT il.order_line_no,"
	    "   SUM(IF(i.kind = 'invoice', il.quantity, 0)) AS billed,"
	    "   SUM(IF(i.kind = 'credit_note', il.quantity, 0)) AS credited"
	    "   FROM invoices i JOIN invoice_lines il ON il.invoice_id = i.id"
	    "   WHERE i.order_id = ? GROUP BY il.order_line_no) b ON b.order_line_no = ol.line_no"
	    " WHERE ol.order_id = ? ORDER BY ol.line_no" },
	/* A shipment of the order: its quantities per line.  Binds: shipment, order. */
	[SQL_SHIPPED] = { "pt_invoice_shipped",
	    "SELECT sl.line_no, sl.quantity FROM shipments s"
	    " JOIN shipment_lines sl ON sl.shipment_id = s.id"
	    " WHERE s.id = ? AND s.order_id = ? ORDER BY sl.line_no" },
	/* As order numbers (checkout.c): the row stays locked to the commit.  Binds: kind, year. */
	[SQL_COUNTER] = { "pt_invoice_counter",
	    "INSERT INTO invoice_counters (kind, year, last_no) VALUES (?, ?, 1)"
	    " ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)" },
	/*
	 * Binds: number, kind, year, seq, org, order, shipment, return,
	 * currency, net, tax, gross, issue date, terms, due date, issued by,
	 * po, the seller's 7 and the buyer's 7 fields.
	 */
	[SQL_INSERT] = { "pt_invoice_insert",
	    "INSERT INTO invoices (number, kind, year, seq, org_id, order_id, shipment_id, return_id,"
	    " currency, net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date,"
	    " issued_at, issued_by, po_number, seller_name, seller_street, seller_street2,"
	    " seller_postal_code, seller_city, seller_country, seller_vat_id, buyer_name,"
	    " buyer_street, buyer_street2, buyer_postal_code, buyer_city, buyer_country,"
	    " buyer_vat_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6),"
	    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[SQL_LINE] = { "pt_invoice_line",
	    "INSERT INTO invoice_lines (invoice_id, line_no, order_line_no, sku, name, unit,"
	    " quantity, unit_price_minor, tax_rate_bp, net_minor, tax_minor, gross_minor)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[SQL_PAID_LOCK] = { "pt_invoice_paid_lock",
	    "SELECT id, number, status, order_id FROM invoices WHERE id = ? FOR UPDATE" },
	/* Binds: by (NULL: an integration), id. */
	[SQL_PAID] = { "pt_invoice_paid",
	    "UPDATE invoices SET status = 'paid', paid_at = UTC_TIMESTAMP(6), paid_by = ?"
	    " WHERE id = ? AND status = 'open'" },
	/* The order's page lists its invoices: it is kept until its row changes (kept.c). */
	[SQL_TOUCH] = { "pt_invoice_touch",
	    "UPDATE orders SET updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* The buyer as the mail's recipient, unless they want no mails about orders.  Binds: order. */
	[SQL_BUYER] = { "pt_invoice_buyer",
	    "SELECT u.email, u.name, COALESCE(u.language, og.language, 'en'), og.name"
	    " FROM orders o JOIN users u ON u.id = o.buyer_id JOIN orgs og ON og.id = o.org_id"
	    " WHERE o.id = ? AND u.status = 'active' AND u.notify_orders = 1" },
};

/* Registered by the worker with the other groups' statements. */
const struct pt_group pt_invoice_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

enum {
	K_ID, K_NUMBER, K_ORG, K_STATUS, K_CURRENCY, K_PO, K_RECIPIENT, K_STREET, K_STREET2,
	K_POSTAL, K_CITY, K_COUNTRY
};
enum {
	P_NAME, P_STREET, P_STREET2, P_POSTAL, P_CITY, P_COUNTRY, P_VAT, P_TERMS, P_SELLER
};
enum { L_NO, L_SKU, L_NAME, L_UNIT, L_QTY, L_PRICE, L_RATE, L_BILLED, L_CREDITED };

/* The states of an order that may be billed: confirmed, and what follows it. */
static int
billable(const char *status)
{
	static const char *const ok[] = { "confirmed", "partly_shipped", "shipped", "delivered" };

	return pt_one_of(status, ok, PT_NELEM(ok));
}

int
pt_invoice_number_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0, p;

	if (n > 4 && strncmp(s, "INV-", 4) == 0)
		p = 4;
	else if (n > 3 && strncmp(s, "CN-", 3) == 0)
		p = 3;
	else
		return 0;
	return n >= p + 11 && n <= p + 14 && strspn(s + p, "0123456789") == 4 &&
	    s[p + 4] == '-' && strspn(s + p + 5, "0123456789") == n - p - 5;
}

const char *
pt_invoice_href(struct pt_req *req, const char *number)
{
	return pt_printf(req, "/orders/invoices/%s", number);
}

/* What one issuing bills: a quantity per line of the order (0: none). */
struct billing {
	struct pt_rows	 order, parties, lines;
	long long	*qty;
	long long	 return_id;	/* 0: none */
	long long	 shipment_id;	/* 0: none */
	const char	*kind;		/* "invoice" or "credit_note" */
};

static void
refuse(struct pt_invoice_out *out, const char *key)
{
	out->refusal = key;
}

/* Lock the order and read its parties and lines: PT_OK, PT_ENOTFOUND, or an error. */
static int
billing_read(struct pt_req *req, long long order_id, struct billing *b)
{
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &b->order, PT_BINDS(pt_int(order_id)))) !=
	    PT_OK)
		return rc;
	if (b->order.nrows != 1)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_PARTIES], &b->parties,
	    PT_BINDS(pt_str(pt_cell(&b->order, 0, K_ORG))))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_LINES], &b->lines,
	    PT_BINDS(pt_int(order_id), pt_int(order_id)))) != PT_OK)
		return rc;
	if (b->parties.nrows != 1)
		return PT_ENOTFOUND;
	if ((b->qty = pt_alloc(req, (b->lines.nrows + 1) * sizeof(*b->qty))) == NULL)
		return PT_ENOMEM;
	return PT_OK;
}

/* A billing of kind for the order: out and b cleared, the order locked and read. */
static int
billing_start(struct pt_req *req, long long order_id, const char *kind, struct billing *b,
    struct pt_invoice_out *out)
{
	memset(out, 0, sizeof(*out));
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return billing_read(req, order_id, b);
}

/* The line of the order numbered line_no, or lines->nrows. */
static size_t
line_index(const struct pt_rows *lines, long long line_no)
{
	size_t i;

	for (i = 0; i < lines->nrows; i++)
		if (pt_cell_int(lines, i, L_NO) == line_no)
			return i;
	return lines->nrows;
}

/* The buyer's address: the organisation's for invoices, else the order's delivery address. */
static void
buyer_binds(const struct billing *b, struct pt_bind *v)
{
	const struct pt_rows *p = &b->parties, *o = &b->order;
	int own = *pt_cell(p, 0, P_STREET) != '\0';
	size_t i;

	v[0] = pt_str(pt_cell(p, 0, P_NAME));
	for (i = 0; i < 5; i++)
		v[1 + i] = pt_str(own ? pt_cell(p, 0, P_STREET + i) : pt_cell(o, 0, K_STREET + i));
	v[6] = pt_str(pt_cell(p, 0, P_VAT));
}

/*
 * Tell the order's buyer, in their language, that the invoice or credit
 * note number of gross_minor (due on due; NULL: none) is there, unless
 * they want no mails about orders.  A credit note's amount is said as
 * what is given back.
 */
static int
tell_buyer(struct pt_req *req, const struct billing *b, const char *number, long long gross_minor,
    const char *due)
{
	struct pt_rows r;
	xmlNodePtr d;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_BUYER], &r, PT_BINDS(pt_str(pt_cell(&b->order, 0,
	    K_ID))))) != PT_OK || r.nrows != 1)
		return rc;
	if ((d = pt_mail_data(req)) == NULL)
		return PT_ENOMEM;
	pt_attr(d, "kind", b->kind);
	pt_node(d, "invoice", number);
	pt_node(d, "number", pt_cell(&b->order, 0, K_NUMBER));
	pt_node(d, "po", pt_cell(&b->order, 0, K_PO));
	pt_node(d, "org", pt_cell(&r, 0, 3));
	pt_node(d, "buyer", pt_cell(&r, 0, 1));
	pt_attr(pt_node(d, "gross", pt_printf(req, "%lld", gross_minor < 0 ? -gross_minor :
	    gross_minor)), "currency", pt_cell(&b->order, 0, K_CURRENCY));
	if (due != NULL)
		pt_node(d, "due", due);
	pt_node(d, "link", pt_printf(req, "%s%s", pt_base_url(), pt_invoice_href(req, number)));
	return pt_mail_queue(req, "order-invoice", pt_cell(&r, 0, 0), pt_cell(&r, 0, 1),
	    pt_mail_lang(pt_cell(&r, 0, 2)), d);
}

/*
 * Write the invoice or credit note of b's quantities: PT_OK with out
 * filled, out->refusal when nothing is billed, or an error.
 */
static int
billing_write(struct pt_req *req, struct billing *b, struct pt_invoice_out *out)
{
	const struct pt_user *u = req->session.user;
	int credit = strcmp(b->kind, "credit_note") == 0;
	struct pt_money total = { 0, 0, 0 }, *money;
	struct pt_bind v[32], *lb;
	unsigned long long n = 0;
	char today[11], due[11];
	size_t i, k, nlines = 0;
	long long seq, id, year;
	const char *number, *terms;
	int rc;

	if ((money = pt_alloc(req, (b->lines.nrows + 1) * sizeof(*money))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < b->lines.nrows; i++) {
		if (b->qty[i] == 0)
			continue;
		rc = pt_money_line(credit ? -pt_cell_int(&b->lines, i, L_PRICE) :
		    pt_cell_int(&b->lines, i, L_PRICE), b->qty[i],
		    (int)pt_cell_int(&b->lines, i, L_RATE), &money[i]);
		if (rc != PT_OK || (rc = pt_money_add(&total, &money[i])) != PT_OK)
			return rc;
		nlines++;
	}
	if (nlines == 0) {
		refuse(out, "orders.invoice.refused.nothing");
		return PT_OK;
	}
	if (pt_zone_date(NULL, time(NULL), today) != PT_OK)
		return PT_ESYS;
	year = strtoll(today, NULL, 10);
	if ((rc = pt_db_exec(req, &sql[SQL_COUNTER], PT_BINDS(pt_str(b->kind), pt_int(year)),
	    &n)) != PT_OK)
		return rc;
	seq = n == 1 ? 1 : (long long)pt_db_insert_id();
	if (seq < 1) {
		pt_log(req, PT_LOG_ERROR, "invoice_counters gave no number for %s %lld", b->kind, year);
		return PT_EDB;
	}
	number = pt_printf(req, "%s-%lld-%06lld", credit ? "CN" : "INV", year, seq);
	terms = credit ? "0" : pt_cell(&b->parties, 0, P_TERMS);
	if (pt_date_add(today, 0, (int)strtol(terms, NULL, 10), due) != PT_OK)
		return PT_EINVAL;
	k = 0;
	v[k++] = pt_str(number);
	v[k++] = pt_str(b->kind);
	v[k++] = pt_int(year);
	v[k++] = pt_int(seq);
	v[k++] = pt_str(pt_cell(&b->order, 0, K_ORG));
	v[k++] = pt_str(pt_cell(&b->order, 0, K_ID));
	v[k++] = b->shipment_id != 0 ? pt_int(b->shipment_id) : pt_str(NULL);
	v[k++] = b->return_id != 0 ? pt_int(b->return_id) : pt_str(NULL);
	v[k++] = pt_str(pt_cell(&b->order, 0, K_CURRENCY));
	v[k++] = pt_int(total.net_minor);
	v[k++] = pt_int(total.tax_minor);
	v[k++] = pt_int(total.gross_minor);
	v[k++] = pt_str(today);
	v[k++] = pt_str(terms);
	v[k++] = pt_str(due);
	v[k++] = u != NULL ? pt_int(u->id) : pt_str(NULL);
	v[k++] = pt_str(pt_cell(&b->order, 0, K_PO));
	for (i = 0; i < 7; i++)
		v[k++] = pt_str(pt_cell(&b->parties, 0, P_SELLER + i) != NULL ?
		    pt_cell(&b->parties, 0, P_SELLER + i) : "");
	buyer_binds(b, v + k);
	k += 7;
	if ((rc = pt_db_exec(req, &sql[SQL_INSERT], v, k, NULL)) != PT_OK)
		return rc;
	id = (long long)pt_db_insert_id();
	if ((lb = pt_alloc(req, nlines * LINE_BINDS * sizeof(*lb))) == NULL)
		return PT_ENOMEM;
	for (i = 0, k = 0; i < b->lines.nrows; i++) {
		struct pt_bind *l = lb + k * LINE_BINDS;

		if (b->qty[i] == 0)
			continue;
		l[0] = pt_int(id);
		l[1] = pt_int((long long)++k);
		l[2] = pt_str(pt_cell(&b->lines, i, L_NO));
		l[3] = pt_str(pt_cell(&b->lines, i, L_SKU));
		l[4] = pt_str(pt_cell(&b->lines, i, L_NAME));
		l[5] = pt_str(pt_cell(&b->lines, i, L_UNIT));
		l[6] = pt_int(b->qty[i]);
		l[7] = pt_int(credit ? -pt_cell_int(&b->lines, i, L_PRICE) :
		    pt_cell_int(&b->lines, i, L_PRICE));
		l[8] = pt_str(pt_cell(&b->lines, i, L_RATE));
		l[9] = pt_int(money[i].net_minor);
		l[10] = pt_int(money[i].tax_minor);
		l[11] = pt_int(money[i].gross_minor);
	}
	if ((rc = pt_db_exec_rows(req, &sql[SQL_LINE], lb, LINE_BINDS, nlines, NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_str(pt_cell(&b->order, 0, K_ID))),
	    NULL)) != PT_OK)
		return rc;
	out->id = id;
	out->number = number;
	out->gross_minor = total.gross_minor;
	if ((rc = tell_buyer(req, b, number, total.gross_minor, credit ? NULL : due)) != PT_OK)
		return rc;
	return pt_audit(req, credit ? "credit_note.issue" : "invoice.issue", "invoice",
	    pt_printf(req, "%lld", id), NULL, pt_printf(req,
	    "{\"number\":\"%s\",\"order\":\"%s\",\"shipment\":%lld,\"return\":%lld,"
	    "\"currency\":\"%s\",\"net\":%lld,\"tax\":%lld,\"gross\":%lld,\"lines\":%zu,"
	    "\"issue_date\":\"%s\",\"terms_days\":%s}", number, pt_cell(&b->order, 0, K_NUMBER),
	    b->shipment_id, b->return_id, pt_cell(&b->order, 0, K_CURRENCY), total.net_minor,
	    total.tax_minor, total.gross_minor, nlines, today, terms));
}

int
pt_invoice_issue(struct pt_req *req, long long order_id, long long shipment_id,
    struct pt_invoice_out *out)
{
	struct billing b;
	struct pt_rows shipped;
	size_t i, j;
	int rc;

	if ((rc = billing_start(req, order_id, "invoice", &b, out)) != PT_OK)
		return rc;
	b.shipment_id = shipment_id;
	if (!billable(pt_cell(&b.order, 0, K_STATUS))) {
		refuse(out, "orders.invoice.refused.status");
		return PT_OK;
	}
	if (shipment_id == 0) {
		for (i = 0; i < b.lines.nrows; i++)
			b.qty[i] = pt_cell_int(&b.lines, i, L_QTY) - pt_cell_int(&b.lines, i, L_BILLED);
		return billing_write(req, &b, out);
	}
	if ((rc = pt_db_query(req, &sql[SQL_SHIPPED], &shipped, PT_BINDS(pt_int(shipment_id),
	    pt_int(order_id)))) != PT_OK)
		return rc;
	if (shipped.nrows == 0)
		return PT_ENOTFOUND;
	for (j = 0; j < shipped.nrows; j++) {
		i = line_index(&b.lines, pt_cell_int(&shipped, j, 0));
		if (i == b.lines.nrows)
			return PT_ENOTFOUND;
		b.qty[i] = pt_cell_int(&shipped, j, 1);
		/* Billed before, with the whole order or another shipment. */
		if (b.qty[i] > pt_cell_int(&b.lines, i, L_QTY) - pt_cell_int(&b.lines, i, L_BILLED)) {
			refuse(out, "orders.invoice.refused.billed");
			return PT_OK;
		}
	}
	rc = billing_write(req, &b, out);
	/* The unique key: this shipment has its invoice already. */
	if (rc == PT_EDUP) {
		refuse(out, "orders.invoice.refused.billed");
		return PT_OK;
	}
	return rc;
}

int
pt_invoice_credit(struct pt_req *req, long long order_id, long long return_id,
    const struct pt_credit_line *lines, size_t n, struct pt_invoice_out *out)
{
	struct billing b;
	size_t i, j;
	int rc;

	if ((rc = billing_start(req, order_id, "credit_note", &b, out)) != PT_OK)
		return rc;
	b.return_id = return_id;
	for (j = 0; j < n; j++) {
		if ((i = line_index(&b.lines, lines[j].order_line_no)) == b.lines.nrows ||
		    lines[j].quantity < 0)
			return PT_EINVAL;
		b.qty[i] += lines[j].quantity;
		if (b.qty[i] > pt_cell_int(&b.lines, i, L_BILLED) -
		    pt_cell_int(&b.lines, i, L_CREDITED)) {
			refuse(out, "orders.invoice.refused.credit");
			return PT_OK;
		}
	}
	return billing_write(req, &b, out);
}

int
pt_invoice_mark_paid(struct pt_req *req, long long invoice_id, struct pt_invoice_out *out)
{
	const struct pt_user *u = req->session.user;
	struct pt_rows inv;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = pt_db_query(req, &sql[SQL_PAID_LOCK], &inv, PT_BINDS(pt_int(invoice_id)))) !=
	    PT_OK)
		return rc;
	if (inv.nrows != 1)
		return PT_ENOTFOUND;
	if (strcmp(pt_cell(&inv, 0, 2), "open") != 0) {
		refuse(out, "orders.invoice.refused.paid");
		return PT_OK;
	}
	if ((rc = pt_db_exec(req, &sql[SQL_PAID], PT_BINDS(u != NULL ? pt_int(u->id) :
	    pt_str(NULL), pt_int(invoice_id)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_str(pt_cell(&inv, 0, 3))), NULL)) !=
	    PT_OK)
		return rc;
	out->id = invoice_id;
	out->number = pt_cell(&inv, 0, 1);
	return pt_audit(req, "invoice.paid", "invoice", pt_printf(req, "%lld", invoice_id),
	    "{\"status\":\"open\"}", "{\"status\":\"paid\"}");
}
