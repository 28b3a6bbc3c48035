/*
 * What the offer pages of staff (offer-admin.c) and customers (offer.c)
 * share: an offer loaded with its lines and files, its page element, the
 * state it has for the reader, and the canonical text an acceptance
 * hashes.
 *
 * The canonical text (version 1) is UTF-8 with LF line ends:
 *
 *	portico-offer-v1
 *	number: <number>
 *	org: <organisation id>
 *	title: <title>
 *	currency: <currency>
 *	valid-until: <YYYY-MM-DD>
 *	term-months: <n>
 *	renewal-months: <n>
 *	notice-days: <n>
 *	line: <no> TAB <once|recurring> TAB <sku> TAB <name> TAB <unit> TAB
 *	      <quantity> TAB <unit price, minor units> TAB <month|year|-> TAB <tax class>
 *	file: <name> TAB <content type> TAB <bytes> TAB <sha-256 of the content>
 *	terms: <bytes of the terms>
 *	<the terms as shown: the sanitised XHTML>
 *
 * with one line: per line in order and one file: per file in order of
 * upload.  No value holds a tab or a line end (titles, names, units and
 * SKUs are single lines of text without control characters; file names
 * are made of ASCII letters, digits, '.', '-' and '_'), and the terms
 * come last, counted, so the text reads one way only.
 */
#include <string.h>
#include <time.h>

#include "orders.h"

enum offer_common_sql { SQL_LOAD, SQL_LOCK, SQL_LINES, SQL_FILES, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: number, org (0: any, drafts too), org. */
	[SQL_LOAD] = { "or_offer_load",
	    "SELECT f.id, f.number, f.org_id, og.name, f.status, f.title, f.currency,"
	    " DATE_FORMAT(f.valid_until, '%Y-%m-%d'), f.term_months, f.renewal_months, f.notice_days,"
	    " f.terms_md, f.terms_html, " OR_ISO("f.created_at") ", cu.name, " OR_ISO("f.sent_at") ","
	    " su.name, " OR_ISO("f.decided_at") ", du.name, f.decided_ip, f.decline_reason,"
	    " f.accepted_sha256, r.number, c.number, ord.number,"
	    " (SELECT n.number FROM offers n WHERE n.revises_id = f.id AND n.status <> 'draft'"
	    "   ORDER BY n.id DESC LIMIT 1)"
	    " FROM offers f JOIN orgs og ON og.id = f.org_id JOIN users cu ON cu.id = f.created_by"
	    " LEFT JOIN users su ON su.id = f.sent_by LEFT JOIN users du ON du.id = f.decided_by"
	    " LEFT JOIN offers r ON r.id = f.revises_id LEFT JOIN contracts c ON c.offer_id = f.id"
	    " LEFT JOIN orders ord ON ord.id = c.order_id"
	    " WHERE f.number = ? AND (? = 0 OR (f.org_id = ? AND f.status <> 'draft'))" },
	/*
	 * The lock of a write, before the load reads the offer; only of what
	 * the reader may find, so nobody holds up another organisation's
	 * offer.  Binds: number, org (0: any), org.
	 */
	[SQL_LOCK] = { "or_offer_lock",
	    "SELECT id FROM offers WHERE number = ? AND (? = 0 OR (org_id = ? AND status <> 'draft'))"
	    " FOR UPDATE" },
	[SQL_LINES] = { "or_offer_lines",
	    "SELECT line_no, kind, product_id, sku, name, unit, quantity, unit_price_minor,"
	    " billing, tax_class FROM offer_lines WHERE offer_id = ? ORDER BY line_no" },
	[SQL_FILES] = { "or_offer_files",
	    "SELECT id, name, content_type, size_bytes, storage, sha256, " OR_ISO("created_at")
	    " FROM offer_files WHERE offer_id = ? ORDER BY id" },
};

const struct pt_group or_offer_common_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

const char *
or_offer_href(struct pt_req *req, const char *number, int staff)
{
	return pt_printf(req, "%s/%s", staff ? OR_OFFERS_ADMIN : "/orders/offers", number);
}

const char *
or_offer_state(struct pt_req *req, const char *status, const char *valid_until)
{
	char today[11];

	if (strcmp(status, "sent") != 0)
		return status;
	pt_local_date(req, time(NULL), today);
	return strcmp(valid_until, today) < 0 ? "expired" : "sent";
}

int
or_offer_load(struct pt_req *req, const char *number, long long org, int lock,
    struct or_offer *f)
{
	struct pt_rows l;
	size_t i;
	int rc;

	memset(f, 0, sizeof(*f));
	if (lock) {
		if ((rc = pt_db_query(req, &sql[SQL_LOCK], &l, PT_BINDS(pt_str(number), pt_int(org),
		    pt_int(org)))) != PT_OK)
			return rc;
		if (l.nrows != 1)
			return PT_ENOTFOUND;
	}
	if ((rc = pt_db_query(req, &sql[SQL_LOAD], &f->row, PT_BINDS(pt_str(number), pt_int(org),
	    pt_int(org)))) != PT_OK)
		return rc;
	if (f->row.nrows != 1)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_LINES], &f->lines,
	    PT_BINDS(pt_str(pt_cell(&f->row, 0, OF_ID))))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_FILES], &f->files,
	    PT_BINDS(pt_str(pt_cell(&f->row, 0, OF_ID))))) != PT_OK)
		return rc;
	for (i = 0; i < f->lines.nrows; i++) {
		if (strcmp(pt_cell(&f->lines, i, OL_KIND), "once") == 0)
			f->nonce++;
		else
			f->nrecurring++;
	}
	f->state = or_offer_state(req, pt_cell(&f->row, 0, OF_STATUS), pt_cell(&f->row, 0, OF_VALID));
	/* A sent offer that a newer one revises can no longer be accepted. */
	if (strcmp(f->state, "draft") != 0 && strcmp(f->state, "accepted") != 0 &&
	    strcmp(f->state, "declined") != 0 && pt_cell(&f->row, 0, OF_REVISED_BY) != NULL)
		f->state = "superseded";
	return PT_OK;
}

/* An attribute from a cell that may be NULL. */
static void
attr_cell(xmlNodePtr n, const char *name, const char *v)
{
	if (v != NULL)
		pt_attr(n, name, v);
}

xmlNodePtr
or_offer_node(struct pt_req *req, xmlNodePtr parent, const struct or_offer *f, const char *base)
{
	const struct pt_rows *r = &f->row;
	struct pt_money once = { 0, 0, 0 }, month = { 0, 0, 0 }, year = { 0, 0, 0 }, line;
	xmlNodePtr o = pt_node(parent, "offer", NULL), ls, fs, n;
	size_t i;

	pt_attr(o, "number", pt_cell(r, 0, OF_NUMBER));
	pt_attr(o, "status", pt_cell(r, 0, OF_STATUS));
	pt_attr(o, "state", f->state);
	pt_attr(o, "href", base);
	pt_attr(o, "org-id", pt_cell(r, 0, OF_ORG_ID));
	pt_attr(o, "currency", pt_cell(r, 0, OF_CURRENCY));
	pt_attr(o, "valid-until", pt_cell(r, 0, OF_VALID));
	pt_attr(o, "term-months", pt_cell(r, 0, OF_TERM));
	pt_attr(o, "renewal-months", pt_cell(r, 0, OF_RENEWAL));
	pt_attr(o, "notice-days", pt_cell(r, 0, OF_NOTICE));
	pt_attr(o, "created", pt_cell(r, 0, OF_CREATED));
	attr_cell(o, "sent", pt_cell(r, 0, OF_SENT));
	attr_cell(o, "revises", pt_cell(r, 0, OF_REVISES));
	if (pt_cell(r, 0, OF_REVISED_BY) != NULL) {
		n = pt_node(o, "revised-by", NULL);
		pt_attr(n, "number", pt_cell(r, 0, OF_REVISED_BY));
		pt_attr(n, "href", or_offer_href(req, pt_cell(r, 0, OF_REVISED_BY),
		    strncmp(base, OR_OFFERS_ADMIN, strlen(OR_OFFERS_ADMIN)) == 0));
	}
	pt_node(o, "title", pt_cell(r, 0, OF_TITLE));
	pt_node(o, "org", pt_cell(r, 0, OF_ORG));
	pt_node(o, "creator", pt_cell(r, 0, OF_CREATOR));
	if (pt_cell(r, 0, OF_SENDER) != NULL)
		pt_node(o, "sender", pt_cell(r, 0, OF_SENDER));
	if (pt_cell(r, 0, OF_DECIDED) != NULL) {
		n = pt_node(o, "decision", NULL);
		pt_attr(n, "at", pt_cell(r, 0, OF_DECIDED));
		attr_cell(n, "from", pt_cell(r, 0, OF_IP));
		attr_cell(n, "sha256", pt_cell(r, 0, OF_SHA));
		pt_node(n, "by", pt_cell(r, 0, OF_DECIDER));
		if (*pt_cell(r, 0, OF_REASON) != '\0')
			pt_node(n, "reason", pt_cell(r, 0, OF_REASON));
	}
	if (pt_cell(r, 0, OF_CONTRACT) != NULL) {
		n = pt_node(o, "contract", NULL);
		pt_attr(n, "number", pt_cell(r, 0, OF_CONTRACT));
		pt_attr(n, "href", pt_printf(req, "/orders/contracts/%s", pt_cell(r, 0, OF_CONTRACT)));
	}
	if (pt_cell(r, 0, OF_ORDER) != NULL) {
		n = pt_node(o, "order", NULL);
		pt_attr(n, "number", pt_cell(r, 0, OF_ORDER));
		pt_attr(n, "href", or_order_href(req, pt_cell(r, 0, OF_ORDER)));
	}
	ls = pt_node(o, "lines", NULL);
	for (i = 0; i < f->lines.nrows; i++) {
		const struct pt_rows *l = &f->lines;
		const char *billing = pt_cell(l, i, OL_BILLING);

		n = pt_node(ls, "line", NULL);
		pt_attr(n, "no", pt_cell(l, i, OL_NO));
		pt_attr(n, "kind", pt_cell(l, i, OL_KIND));
		pt_attr(n, "sku", pt_cell(l, i, OL_SKU));
		pt_attr(n, "unit", pt_cell(l, i, OL_UNIT));
		pt_attr(n, "quantity", pt_cell(l, i, OL_QTY));
		pt_attr(n, "unit-minor", pt_cell(l, i, OL_PRICE));
		pt_attr(n, "tax-class", pt_cell(l, i, OL_TAX_CLASS));
		attr_cell(n, "billing", billing);
		pt_node(n, "name", pt_cell(l, i, OL_NAME));
		/* Lines were checked against PT_MONEY_MAX_MINOR when added: these cannot fail. */
		pt_money_line(pt_cell_int(l, i, OL_PRICE), pt_cell_int(l, i, OL_QTY), 0, &line);
		pt_attr_int(n, "net-minor", line.net_minor);
		pt_money_add(billing == NULL ? &once : strcmp(billing, "month") == 0 ? &month : &year,
		    &line);
	}
	n = pt_node(o, "totals", NULL);
	pt_attr_int(n, "once-minor", once.net_minor);
	pt_attr_int(n, "month-minor", month.net_minor);
	pt_attr_int(n, "year-minor", year.net_minor);
	n = pt_node(o, "terms", NULL);
	if (pt_xhtml_append(req, n, pt_cell(r, 0, OF_TERMS_HTML)) != PT_OK)
		pt_log(req, PT_LOG_WARN, "offer %s: terms are not well-formed", pt_cell(r, 0, OF_NUMBER));
	fs = pt_node(o, "files", NULL);
	for (i = 0; i < f->files.nrows; i++) {
		n = pt_node(fs, "file", pt_cell(&f->files, i, OFL_NAME));
		pt_attr(n, "id", pt_cell(&f->files, i, OFL_ID));
		pt_attr(n, "type", pt_cell(&f->files, i, OFL_TYPE));
		pt_attr(n, "size", pt_cell(&f->files, i, OFL_SIZE));
		pt_attr(n, "sha256", pt_cell(&f->files, i, OFL_SHA));
		pt_attr(n, "href", pt_printf(req, "%s/files/%s", base, pt_cell(&f->files, i, OFL_ID)));
	}
	return o;
}

/* s += the printf'd text, growing in the arena; NULL stays NULL. */
static char *
append(struct pt_req *req, char *s, const char *more)
{
	if (s == NULL || more == NULL)
		return NULL;
	return pt_printf(req, "%s%s", s, more);
}

const char *
or_offer_text(struct pt_req *req, const struct or_offer *f)
{
	const struct pt_rows *r = &f->row, *l = &f->lines, *fl = &f->files;
	const char *terms = pt_cell(r, 0, OF_TERMS_HTML);
	char *s;
	size_t i;

	s = pt_printf(req, "portico-offer-v1\nnumber: %s\norg: %s\ntitle: %s\ncurrency: %s\n"
	    "valid-until: %s\nterm-months: %s\nrenewal-months: %s\nnotice-days: %s\n",
	    pt_cell(r, 0, OF_NUMBER), pt_cell(r, 0, OF_ORG_ID), pt_cell(r, 0, OF_TITLE),
	    pt_cell(r, 0, OF_CURRENCY), pt_cell(r, 0, OF_VALID), pt_cell(r, 0, OF_TERM),
	    pt_cell(r, 0, OF_RENEWAL), pt_cell(r, 0, OF_NOTICE));
	for (i = 0; i < l->nrows; i++)
		s = append(req, s, pt_printf(req, "line: %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
		    pt_cell(l, i, OL_NO), pt_cell(l, i, OL_KIND), pt_cell(l, i, OL_SKU),
		    pt_cell(l, i, OL_NAME), pt_cell(l, i, OL_UNIT), pt_cell(l, i, OL_QTY),
		    pt_cell(l, i, OL_PRICE), pt_cell(l, i, OL_BILLING) != NULL ?
		    pt_cell(l, i, OL_BILLING) : "-", pt_cell(l, i, OL_TAX_CLASS)));
	for (i = 0; i < fl->nrows; i++)
		s = append(req, s, pt_printf(req, "file: %s\t%s\t%s\t%s\n", pt_cell(fl, i, OFL_NAME),
		    pt_cell(fl, i, OFL_TYPE), pt_cell(fl, i, OFL_SIZE), pt_cell(fl, i, OFL_SHA)));
	return append(req, s, pt_printf(req, "terms: %zu\n%s", strlen(terms), terms));
}

void
or_sha256_hex(const void *data, size_t len, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char d[32];
	size_t i;

	pt_sha256(data, len, d);
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[64] = '\0';
}

void
or_pager_more(xmlNodePtr parent, long long page, int more)
{
	xmlNodePtr p = pt_node(parent, "pager", NULL);

	pt_attr_int(p, "page", page);
	if (more)
		pt_attr(p, "more", "1");
}
