/*
 * Offers, as the provider's staff write them (contracts.manage,
 * /orders/admin/offers): the list, a new offer for a customer or partner
 * organisation (numbered at once, gapless per year, as orders are), and
 * the offer's page, where a draft's header (title, validity, the
 * contract's term, renewal and notice, terms in Markdown shown as
 * sanitised XHTML) and lines (a product of the catalogue at the
 * organisation's price, or free text; once or recurring per month or
 * year) are changed, attachments added (offer-files.c) and the draft is
 * sent: then the organisation's people who may approve orders get a mail,
 * and it never changes again.  A changed offer is a new draft that
 * revises the old one ("revise"); once that is sent, the old one can no
 * longer be accepted.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orders.h"

#define OFFERS_PER_PAGE	50		/* offers a page of the list, newest first */
#define LINES_MAX	100		/* lines of an offer */
#define TITLE_MAX_CHARS	200
#define TERMS_MAX_CHARS	16000		/* 4 bytes a character at most: within terms_md's TEXT */
#define NAME_MAX_CHARS	200

enum offer_admin_sql {
	SQL_LIST, SQL_ORGS, SQL_ORG, SQL_COUNTER, SQL_CREATE, SQL_UPDATE, SQL_PRODUCT, SQL_NEXT_LINE,
	SQL_ADD_LINE, SQL_DELETE_LINE, SQL_SEND, SQL_APPROVERS, SQL_REVISE, SQL_REVISE_LINES, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: state ('' for all), state, today, state, today, state, state, limit, offset. */
	[SQL_LIST] = { "or_offer_admin_list",
	    "SELECT f.number, f.status, f.title, og.name, DATE_FORMAT(f.valid_until, '%Y-%m-%d'),"
	    " " OR_ISO("f.created_at") ", " OR_ISO("f.sent_at") ", " OR_ISO("f.decided_at")
	    " FROM offers f JOIN orgs og ON og.id = f.org_id"
	    " WHERE (? = '' OR (? = 'expired' AND f.status = 'sent' AND f.valid_until < ?)"
	    "   OR (? = 'sent' AND f.status = 'sent' AND f.valid_until >= ?)"
	    "   OR (? IN ('draft', 'accepted', 'declined') AND f.status = ?))"
	    " ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?" },
	[SQL_ORGS] = { "or_offer_admin_orgs",
	    "SELECT id, name, currency FROM orgs WHERE kind IN ('customer', 'partner')"
	    " AND status = 'active' ORDER BY name" },
	[SQL_ORG] = { "or_offer_admin_org",
	    "SELECT currency FROM orgs WHERE id = ? AND kind IN ('customer', 'partner')"
	    " AND status = 'active'" },
	[SQL_COUNTER] = { "or_offer_admin_counter",
	    "INSERT INTO offer_counters (year, last_no) VALUES (?, 1)"
	    " ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)" },
	/*
	 * Binds: number, year, seq, org, revises, title, currency, valid until,
	 * term, renewal, notice, terms (Markdown), terms (XHTML), creator.
	 */
	[SQL_CREATE] = { "or_offer_admin_create",
	    "INSERT INTO offers (number, year, seq, org_id, revises_id, title, currency, valid_until,"
	    " term_months, renewal_months, notice_days, terms_md, terms_html, created_by, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6),"
	    " UTC_TIMESTAMP(6))" },
	/* Binds: title, valid until, term, renewal, notice, terms (Markdown, XHTML), id. */
	[SQL_UPDATE] = { "or_offer_admin_update",
	    "UPDATE offers SET title = ?, valid_until = ?, term_months = ?, renewal_months = ?,"
	    " notice_days = ?, terms_md = ?, terms_html = ?, updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ? AND status = 'draft'" },
	/* A product the organisation may buy, in its language, at its price.  Binds: org, sku. */
	[SQL_PRODUCT] = { "or_offer_admin_product",
	    "SELECT p.id, p.sku, COALESCE(t.name, e.name, p.sku), p.unit, p.tax_class,"
	    " COALESCE(cp.amount_minor, lp.amount_minor)"
	    " FROM products p JOIN orgs o ON o.id = ?"
	    " LEFT JOIN product_texts t ON t.product_id = p.id AND t.lang = o.language"
	    " LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'"
	    " LEFT JOIN contract_prices cp ON cp.org_id = o.id AND cp.product_id = p.id"
	    "   AND cp.currency = o.currency"
	    " LEFT JOIN product_prices lp ON lp.product_id = p.id AND lp.currency = o.currency"
	    " WHERE p.sku = ? AND p.active = 1 AND" OR_VISIBLE },
	[SQL_NEXT_LINE] = { "or_offer_admin_next_line",
	    "SELECT COALESCE(MAX(line_no), 0) + 1, COUNT(*) FROM offer_lines WHERE offer_id = ?" },
	[SQL_ADD_LINE] = { "or_offer_admin_add_line",
	    "INSERT INTO offer_lines (offer_id, line_no, kind, product_id, sku, name, unit, quantity,"
	    " unit_price_minor, billing, tax_class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[SQL_DELETE_LINE] = { "or_offer_admin_delete_line",
	    "DELETE FROM offer_lines WHERE offer_id = ? AND line_no = ?" },
	[SQL_SEND] = { "or_offer_admin_send",
	    "UPDATE offers SET status = 'sent', sent_by = ?, sent_at = UTC_TIMESTAMP(6),"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND status = 'draft'" },
	/* Who is told of a sent offer: who may approve orders in the org.  Binds: org. */
	[SQL_APPROVERS] = { "or_offer_admin_approvers",
	    "SELECT DISTINCT u.id, u.email, u.name, COALESCE(u.language, og.language, 'en')"
	    " FROM users u JOIN orgs og ON og.id = u.org_id"
	    " JOIN user_roles ur ON ur.user_id = u.id"
	    " JOIN role_permissions rp ON rp.role_id = ur.role_id"
	    " JOIN permissions p ON p.id = rp.permission_id"
	    " WHERE u.org_id = ? AND u.status = 'active' AND u.notify_orders = 1"
	    " AND p.name IN ('" OR_PERM_APPROVE "', 'orders.*') ORDER BY u.id" },
	/* A new draft from an offer.  Binds: number, year, seq, creator, old id. */
	[SQL_REVISE] = { "or_offer_admin_revise",
	    "INSERT INTO offers (number, year, seq, org_id, revises_id, title, currency, valid_until,"
	    " term_months, renewal_months, notice_days, terms_md, terms_html, created_by, created_at,"
	    " updated_at) SELECT ?, ?, ?, org_id, id, title, currency, valid_until, term_months,"
	    " renewal_months, notice_days, terms_md, terms_html, ?, UTC_TIMESTAMP(6),"
	    " UTC_TIMESTAMP(6) FROM offers WHERE id = ?" },
	/* Binds: new id, old id. */
	[SQL_REVISE_LINES] = { "or_offer_admin_revise_lines",
	    "INSERT INTO offer_lines (offer_id, line_no, kind, product_id, sku, name, unit, quantity,"
	    " unit_price_minor, billing, tax_class) SELECT ?, line_no, kind, product_id, sku, name,"
	    " unit, quantity, unit_price_minor, billing, tax_class FROM offer_lines"
	    " WHERE offer_id = ?" },
};

static const char *const states[] = { "draft", "sent", "expired", "accepted", "declined" };
static const char *const kinds[] = { "once", "recurring" };
static const char *const billings[] = { "month", "year" };

/* ---- the header of an offer ---------------------------------------------- */

enum { H_TITLE, H_VALID, H_TERM, H_RENEWAL, H_NOTICE, H_TERMS, H_ORG, H__MAX };
static const struct pt_input head_inputs[H__MAX] = {
	[H_TITLE] =	{ "title", PT_IN_LINE, 1, 0, TITLE_MAX_CHARS, NULL, 0 },
	[H_VALID] =	{ "valid_until", PT_IN_LINE, 1, 0, 10, NULL, 0 },
	[H_TERM] =	{ "term_months", PT_IN_INT, 1, 1, 120, NULL, 0 },
	[H_RENEWAL] =	{ "renewal_months", PT_IN_INT, 1, 0, 120, NULL, 0 },
	[H_NOTICE] =	{ "notice_days", PT_IN_INT, 1, 0, 730, NULL, 0 },
	[H_TERMS] =	{ "terms", PT_IN_TEXT, 0, 0, TERMS_MAX_CHARS, NULL, 0 },
	[H_ORG] =	{ "org", PT_IN_INT, 1, 1, 4294967295LL, NULL, 0 },
};
static const char *const head_names[H__MAX] = {
	"title", "valid_until", "term_months", "renewal_months", "notice_days", "terms", "org"
};

/* ---- a line ---------------------------------------------------------------- */

enum { L_KIND, L_SKU, L_NAME, L_UNIT, L_QTY, L_PRICE, L_BILLING, L_TAX, L__MAX };
static const struct pt_input line_inputs[L__MAX] = {
	[L_KIND] =	{ "kind", PT_IN_CHOICE, 1, 0, 0, kinds, PT_NELEM(kinds) },
	[L_SKU] =	{ "sku", PT_IN_LINE, 0, 0, OR_SKU_MAX_CHARS, NULL, 0 },
	[L_NAME] =	{ "name", PT_IN_LINE, 0, 0, NAME_MAX_CHARS, NULL, 0 },
	[L_UNIT] =	{ "unit", PT_IN_CHOICE, 0, 0, 0, or_units, OR_NUNITS },
	[L_QTY] =	{ "quantity", PT_IN_INT, 1, 1, OR_QTY_MAX, NULL, 0 },
	[L_PRICE] =	{ "price", PT_IN_AMOUNT, 0, 0, OR_PRICE_MAX_MINOR, NULL, 0 },
	[L_BILLING] =	{ "billing", PT_IN_CHOICE, 0, 0, 0, billings, PT_NELEM(billings) },
	[L_TAX] =	{ "tax_class", PT_IN_CHOICE, 0, 0, 0, or_tax_classes, OR_NTAX_CLASSES },
};
static const char *const line_names[L__MAX] = {
	"kind", "sku", "name", "unit", "quantity", "price", "billing", "tax_class"
};

/* ---- the list -------------------------------------------------------------- */

enum { S_NUMBER, S_STATUS, S_TITLE, S_ORG, S_VALID, S_CREATED, S_SENT, S_DECIDED };

/* GET /orders/admin/offers[?state=][&page=] */
static int
list(struct pt_req *req)
{
	const char *state = pt_query(req, "state");
	long long page = pt_query_page(req);
	char today[11];
	struct pt_rows rows;
	xmlNodePtr l, o;
	size_t i;
	int rc;

	if (state == NULL || !pt_one_of(state, states, PT_NELEM(states)))
		state = "";
	pt_local_date(req, time(NULL), today);
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_str(state), pt_str(state),
	    pt_str(today), pt_str(state), pt_str(today), pt_str(state), pt_str(state),
	    pt_int(OFFERS_PER_PAGE + 1), pt_int((page - 1) * OFFERS_PER_PAGE)))) != PT_OK)
		return rc;
	l = pt_node(req->page, "offers", NULL);
	pt_attr(l, "state", state);
	pt_attr(l, "staff", "1");
	or_pager_more(l, page, rows.nrows > OFFERS_PER_PAGE);
	for (i = 0; i < rows.nrows && i < OFFERS_PER_PAGE; i++) {
		o = pt_node(l, "offer", NULL);
		pt_attr(o, "number", pt_cell(&rows, i, S_NUMBER));
		pt_attr(o, "href", or_offer_href(req, pt_cell(&rows, i, S_NUMBER), 1));
		pt_attr(o, "state", or_offer_state(req, pt_cell(&rows, i, S_STATUS),
		    pt_cell(&rows, i, S_VALID)));
		pt_attr(o, "valid-until", pt_cell(&rows, i, S_VALID));
		pt_attr(o, "created", pt_cell(&rows, i, S_CREATED));
		if (pt_cell(&rows, i, S_SENT) != NULL)
			pt_attr(o, "sent", pt_cell(&rows, i, S_SENT));
		if (pt_cell(&rows, i, S_DECIDED) != NULL)
			pt_attr(o, "decided", pt_cell(&rows, i, S_DECIDED));
		pt_node(o, "title", pt_cell(&rows, i, S_TITLE));
		pt_node(o, "org", pt_cell(&rows, i, S_ORG));
	}
	or_flash(req, "sent", "orders.offers.sent");
	req->view = "admin-offers";
	return 200;
}

/* ---- a new offer ------------------------------------------------------------ */

/* The organisations an offer may be written for, as <org id currency>name</org>. */
static int
org_nodes(struct pt_req *req, xmlNodePtr parent)
{
	struct pt_rows orgs;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ORGS], &orgs, PT_NOBINDS)) != PT_OK)
		return rc;
	for (i = 0; i < orgs.nrows; i++) {
		xmlNodePtr o = pt_node(parent, "org", pt_cell(&orgs, i, 1));

		pt_attr(o, "id", pt_cell(&orgs, i, 0));
		pt_attr(o, "currency", pt_cell(&orgs, i, 2));
	}
	return PT_OK;
}

/* The new offer's form with status and values v. */
static int
new_page(struct pt_req *req, int status, const char *const *v)
{
	xmlNodePtr n = pt_node(req->page, "offer-new", NULL);
	int rc;

	if ((rc = org_nodes(req, n)) != PT_OK)
		return rc;
	pt_form_values(req, "offer", head_names, v, H__MAX);
	pt_input_limits(req, head_inputs, H__MAX);
	req->view = "admin-offer";
	return status;
}

/* GET /orders/admin/offers/new[?org=] */
static int
fresh(struct pt_req *req)
{
	char valid[11], today[11];
	const char *v[H__MAX] = { "", "", "12", "12", "90", "", "" };
	const char *org = pt_query(req, "org");

	pt_local_date(req, time(NULL), today);
	pt_date_add(today, 0, 30, valid);
	v[H_VALID] = valid;
	if (org != NULL && pt_valid(PT_V_ID, org, strlen(org)))
		v[H_ORG] = org;
	return new_page(req, 200, v);
}

/*
 * Check the header's values beyond their kinds: the validity date is a
 * date that has not passed.  The terms become XHTML in *html.  Returns the
 * number of bad fields, or an error (< 0).
 */
static int
check_head(struct pt_req *req, const char **v, const char **html)
{
	char today[11], ignored[11];
	const char *text;
	int bad = 0, rc;

	*html = "";
	if (*v[H_VALID] != '\0') {
		pt_local_date(req, time(NULL), today);
		if (strlen(v[H_VALID]) != 10 || pt_date_add(v[H_VALID], 0, 0, ignored) != PT_OK) {
			pt_message(req, "error", "orders.offer.valid.invalid", "valid_until");
			bad++;
		} else if (strcmp(v[H_VALID], today) < 0) {
			pt_message(req, "error", "orders.offer.valid.past", "valid_until");
			bad++;
		}
	}
	rc = pt_markdown(req, v[H_TERMS], strlen(v[H_TERMS]), 4 * TERMS_MAX_CHARS, html, &text);
	if (rc == PT_ENOMEM)
		return rc;
	if (rc != PT_OK) {
		pt_message(req, "error", "orders.offer.terms.invalid", "terms");
		bad++;
	}
	return bad;
}

/* POST /orders/admin/offers: a new draft. */
static int
create(struct pt_req *req)
{
	const char *v[H__MAX], *html, *number;
	struct pt_rows org;
	long long seq, id;
	time_t now = time(NULL);
	struct tm tm;
	int rc, bad;

	if ((bad = pt_input_read(req, head_inputs, H__MAX, v)) < 0)
		return bad;
	if ((rc = check_head(req, v, &html)) < 0)
		return rc;
	bad += rc;
	org.nrows = 0;
	if (*v[H_ORG] != '\0' && (rc = pt_db_query(req, &sql[SQL_ORG], &org,
	    PT_BINDS(pt_str(v[H_ORG])))) != PT_OK)
		return rc;
	if (*v[H_ORG] != '\0' && org.nrows != 1) {
		pt_message(req, "error", "orders.offer.org.unknown", "org");
		bad++;
	}
	if (bad > 0)
		return new_page(req, 422, v);
	gmtime_r(&now, &tm);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = or_next_seq(req, &sql[SQL_COUNTER], tm.tm_year + 1900, &seq)) != PT_OK)
		return or_undo(req, rc);
	number = pt_printf(req, "Q-%04d-%06lld", tm.tm_year + 1900, seq);
	if ((rc = pt_db_exec(req, &sql[SQL_CREATE], PT_BINDS(pt_str(number), pt_int(tm.tm_year + 1900),
	    pt_int(seq), pt_str(v[H_ORG]), pt_str(NULL), pt_str(v[H_TITLE]), pt_str(pt_cell(&org, 0, 0)),
	    pt_str(v[H_VALID]), pt_str(v[H_TERM]), pt_str(v[H_RENEWAL]), pt_str(v[H_NOTICE]),
	    pt_str(v[H_TERMS]), pt_str(html), pt_int(req->session.user->id)), NULL)) != PT_OK)
		return or_undo(req, rc);
	id = (long long)pt_db_insert_id();
	return or_done(req, PT_OK, "offer.create", "offer", pt_printf(req, "%lld", id), NULL,
	    pt_printf(req, "{\"number\":\"%s\",\"org\":%s,\"title\":%s}", number, v[H_ORG],
	    pt_json_str(req, v[H_TITLE])), or_offer_href(req, number, 1));
}

/* ---- an offer's page --------------------------------------------------------- */

/*
 * The offer's page with status; head and line are the forms' values
 * (NULL: the offer's own header, an empty line).
 */
static int
show(struct pt_req *req, int status, const struct or_offer *f, const char *const *head,
    const char *const *line)
{
	const struct pt_rows *r = &f->row;
	const char *h[H__MAX], *l[L__MAX] = { "once", "", "", "piece", "1", "", "", "" };
	xmlNodePtr o;

	o = or_offer_node(req, req->page, f, or_offer_href(req, pt_cell(r, 0, OF_NUMBER), 1));
	pt_attr(o, "staff", "1");
	if (strcmp(f->state, "draft") == 0) {
		if (head == NULL) {
			h[H_TITLE] = pt_cell(r, 0, OF_TITLE);
			h[H_VALID] = pt_cell(r, 0, OF_VALID);
			h[H_TERM] = pt_cell(r, 0, OF_TERM);
			h[H_RENEWAL] = pt_cell(r, 0, OF_RENEWAL);
			h[H_NOTICE] = pt_cell(r, 0, OF_NOTICE);
			h[H_TERMS] = pt_cell(r, 0, OF_TERMS_MD);
			h[H_ORG] = pt_cell(r, 0, OF_ORG_ID);
			head = h;
		}
		pt_form_values(req, "offer", head_names, head, H__MAX);
		pt_form_values(req, "line", line_names, line != NULL ? line : l, L__MAX);
		pt_input_limits(req, head_inputs, H__MAX);
		pt_input_limits(req, line_inputs, L__MAX);
	}
	or_flash(req, "saved", "orders.offer.saved");
	or_flash(req, "created", "orders.offer.created");
	req->view = "admin-offer";
	return status;
}

/* The offer of the route's first capture, locked when lock: 404 as PT_ENOTFOUND. */
static int
load(struct pt_req *req, int lock, struct or_offer *f)
{
	return or_offer_load(req, req->caps[1], 0, lock, f);
}

/* GET /orders/admin/offers/<number> */
static int
page(struct pt_req *req)
{
	struct or_offer f;
	int rc;

	if ((rc = load(req, 0, &f)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return show(req, 200, &f, NULL, NULL);
}

int
or_offer_admin_page(struct pt_req *req, int status, const struct or_offer *f)
{
	return show(req, status, f, NULL, NULL);
}

int
or_offer_draft_begin(struct pt_req *req, struct or_offer *f, int *answer)
{
	int rc;

	*answer = 0;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = load(req, 1, f)) != PT_OK) {
		pt_db_rollback(req);
		if (rc == PT_ENOTFOUND)
			*answer = pt_error_page(req, 404, NULL);
		return rc;
	}
	if (strcmp(pt_cell(&f->row, 0, OF_STATUS), "draft") != 0) {
		pt_db_rollback(req);
		pt_message(req, "error", "orders.offer.not-draft", NULL);
		*answer = show(req, 422, f, NULL, NULL);
		return PT_EINVAL;
	}
	return PT_OK;
}


/* POST /orders/admin/offers/<number>: the draft's header. */
static int
update(struct pt_req *req)
{
	const char *v[H__MAX], *html, *id;
	struct or_offer f;
	int rc, bad, answer;

	if ((rc = or_offer_draft_begin(req, &f, &answer)) != PT_OK)
		return answer != 0 ? answer : rc;
	id = pt_cell(&f.row, 0, OF_ID);
	/* The organisation is the offer's: the form cannot move it. */
	if ((bad = pt_input_read(req, head_inputs, H_ORG, v)) < 0)
		return or_undo(req, bad);
	v[H_ORG] = pt_cell(&f.row, 0, OF_ORG_ID);
	if ((rc = check_head(req, v, &html)) < 0)
		return or_undo(req, rc);
	if (bad + rc > 0) {
		pt_db_rollback(req);
		return show(req, 422, &f, v, NULL);
	}
	rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[H_TITLE]), pt_str(v[H_VALID]),
	    pt_str(v[H_TERM]), pt_str(v[H_RENEWAL]), pt_str(v[H_NOTICE]), pt_str(v[H_TERMS]),
	    pt_str(html), pt_str(id)), NULL);
	return or_done(req, rc, "offer.update", "offer", id,
	    pt_json_fields(req, head_names, (const char *const[]){ pt_cell(&f.row, 0, OF_TITLE),
	    pt_cell(&f.row, 0, OF_VALID), pt_cell(&f.row, 0, OF_TERM), pt_cell(&f.row, 0, OF_RENEWAL),
	    pt_cell(&f.row, 0, OF_NOTICE), pt_cell(&f.row, 0, OF_TERMS_MD) }, H_ORG),
	    pt_json_fields(req, head_names, v, H_ORG),
	    pt_printf(req, "%s?saved=1", or_offer_href(req, req->caps[1], 1)));
}

/* The form's line checked against the catalogue and the offer's lines. */
struct new_line {
	const char	*product_id, *sku, *name, *unit, *tax_class, *billing;
	long long	 price_minor;
};

static int
check_line(struct pt_req *req, const struct or_offer *f, const char **v, struct new_line *nl)
{
	struct pt_rows p;
	struct pt_money m, total = { 0, 0, 0 };
	size_t i;
	int bad = 0, rc;

	memset(nl, 0, sizeof(*nl));
	pt_parse_amount(v[L_PRICE], &nl->price_minor);
	nl->sku = "";
	nl->name = v[L_NAME];
	nl->unit = v[L_UNIT];
	nl->tax_class = *v[L_TAX] != '\0' ? v[L_TAX] : "standard";
	nl->billing = strcmp(v[L_KIND], "recurring") == 0 ? v[L_BILLING] : NULL;
	if (nl->billing != NULL && *nl->billing == '\0') {
		pt_message(req, "error", "input.choose", "billing");
		bad++;
	}
	if (*v[L_SKU] != '\0') {
		if ((rc = pt_db_query(req, &sql[SQL_PRODUCT], &p, PT_BINDS(pt_str(pt_cell(&f->row, 0,
		    OF_ORG_ID)), pt_str(v[L_SKU])))) != PT_OK)
			return rc;
		if (p.nrows != 1) {
			pt_message(req, "error", "orders.admin.sku.unknown", "sku");
			return bad + 1;
		}
		nl->product_id = pt_cell(&p, 0, 0);
		nl->sku = pt_cell(&p, 0, 1);
		if (*nl->name == '\0')
			nl->name = pt_cell(&p, 0, 2);
		nl->unit = pt_cell(&p, 0, 3);
		if (*v[L_TAX] == '\0')
			nl->tax_class = pt_cell(&p, 0, 4);
		if (nl->price_minor < 0 && pt_cell(&p, 0, 5) != NULL)
			nl->price_minor = pt_cell_int(&p, 0, 5);
		if (nl->price_minor < 0) {
			pt_message(req, "error", "orders.offer.price.none", "price");
			bad++;
		}
	} else {
		if (*v[L_NAME] == '\0') {
			pt_message(req, "error", "orders.offer.line.name.required", "name");
			bad++;
		}
		if (*v[L_UNIT] == '\0') {
			pt_message(req, "error", "input.choose", "unit");
			bad++;
		}
		if (*v[L_PRICE] == '\0') {
			pt_message(req, "error", "input.required", "price");
			bad++;
		}
	}
	if (bad > 0)
		return bad;
	/* Every sum of the offer stays within what money.c counts. */
	for (i = 0; i < f->lines.nrows; i++) {
		pt_money_line(pt_cell_int(&f->lines, i, OL_PRICE), pt_cell_int(&f->lines, i, OL_QTY), 0, &m);
		pt_money_add(&total, &m);
	}
	if (pt_money_line(nl->price_minor, pt_input_int(v[L_QTY], 1), 0, &m) != PT_OK ||
	    pt_money_add(&total, &m) != PT_OK) {
		pt_message(req, "error", "orders.offer.too-much", "quantity");
		bad++;
	}
	return bad;
}

/* POST /orders/admin/offers/<number>/lines */
static int
add_line(struct pt_req *req)
{
	const char *v[L__MAX], *id;
	struct new_line nl;
	struct pt_rows next;
	struct or_offer f;
	int rc, bad, answer;

	if ((rc = or_offer_draft_begin(req, &f, &answer)) != PT_OK)
		return answer != 0 ? answer : rc;
	id = pt_cell(&f.row, 0, OF_ID);
	if ((bad = pt_input_read(req, line_inputs, L__MAX, v)) < 0)
		return or_undo(req, bad);
	if (bad == 0 && (bad = check_line(req, &f, v, &nl)) < 0)
		return or_undo(req, bad);
	if (bad == 0 && f.lines.nrows >= LINES_MAX) {
		pt_message_max(req, "orders.offer.lines.max", NULL, LINES_MAX);
		bad++;
	}
	if (bad > 0) {
		pt_db_rollback(req);
		return show(req, 422, &f, NULL, v);
	}
	if ((rc = pt_db_query(req, &sql[SQL_NEXT_LINE], &next, PT_BINDS(pt_str(id)))) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ADD_LINE], PT_BINDS(pt_str(id), pt_str(pt_cell(&next, 0, 0)),
	    pt_str(v[L_KIND]), pt_str(nl.product_id), pt_str(nl.sku), pt_str(nl.name), pt_str(nl.unit),
	    pt_str(v[L_QTY]), pt_int(nl.price_minor), pt_str(nl.billing), pt_str(nl.tax_class)),
	    NULL)) != PT_OK)
		return or_undo(req, rc);
	return or_done(req, rc, "offer.line.add", "offer", id, NULL,
	    pt_printf(req, "{\"line\":%s,\"kind\":\"%s\",\"sku\":%s,\"name\":%s,\"quantity\":%s,"
	    "\"unit_price_minor\":%lld,\"billing\":%s}", pt_cell(&next, 0, 0), v[L_KIND],
	    pt_json_str(req, nl.sku), pt_json_str(req, nl.name), v[L_QTY], nl.price_minor,
	    pt_json_str(req, nl.billing)),
	    pt_printf(req, "%s?saved=1", or_offer_href(req, req->caps[1], 1)));
}

/* POST /orders/admin/offers/<number>/lines/<no>/delete */
static int
delete_line(struct pt_req *req)
{
	unsigned long long n = 0;
	struct or_offer f;
	long long no;
	int rc, answer;

	if (or_cap_id(req, 2, &no) != PT_OK)
		return pt_error_page(req, 404, NULL);
	if ((rc = or_offer_draft_begin(req, &f, &answer)) != PT_OK)
		return answer != 0 ? answer : rc;
	if ((rc = pt_db_exec(req, &sql[SQL_DELETE_LINE], PT_BINDS(pt_str(pt_cell(&f.row, 0, OF_ID)),
	    pt_int(no)), &n)) != PT_OK)
		return or_undo(req, rc);
	if (n != 1)
		return or_undo(req, pt_error_page(req, 404, NULL));
	return or_done(req, rc, "offer.line.delete", "offer", pt_cell(&f.row, 0, OF_ID),
	    pt_printf(req, "{\"line\":%lld}", no), NULL,
	    pt_printf(req, "%s?saved=1", or_offer_href(req, req->caps[1], 1)));
}

/* The organisation's approvers are told of the offer (in the transaction that sends it). */
static int
tell_approvers(struct pt_req *req, const struct or_offer *f)
{
	const struct pt_rows *r = &f->row;
	struct pt_rows to;
	struct pt_mail *m;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_APPROVERS], &to,
	    PT_BINDS(pt_str(pt_cell(r, 0, OF_ORG_ID))))) != PT_OK)
		return rc;
	if (to.nrows == 0)
		return PT_OK;
	if ((m = pt_alloc(req, to.nrows * sizeof(*m))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < to.nrows; i++) {
		xmlNodePtr d = pt_mail_data(req);

		if (d != NULL) {
			pt_node(d, "number", pt_cell(r, 0, OF_NUMBER));
			pt_node(d, "title", pt_cell(r, 0, OF_TITLE));
			pt_node(d, "org", pt_cell(r, 0, OF_ORG));
			pt_node(d, "sender", req->session.user->name);
			pt_node(d, "valid", pt_cell(r, 0, OF_VALID));
			pt_node(d, "link", pt_printf(req, "%s%s", pt_base_url(),
			    or_offer_href(req, pt_cell(r, 0, OF_NUMBER), 0)));
		}
		m[i] = (struct pt_mail){ "offer-sent", pt_cell(&to, i, 1), pt_cell(&to, i, 2),
		    pt_mail_lang(pt_cell(&to, i, 3)), d, NULL };
	}
	return pt_mail_queue_all(req, m, to.nrows);
}

/* POST /orders/admin/offers/<number>/send */
static int
send(struct pt_req *req)
{
	struct or_offer f;
	char today[11], sha[65];
	const char *text;
	int rc, answer;

	if ((rc = or_offer_draft_begin(req, &f, &answer)) != PT_OK)
		return answer != 0 ? answer : rc;
	pt_local_date(req, time(NULL), today);
	if (f.lines.nrows == 0 || strcmp(pt_cell(&f.row, 0, OF_VALID), today) < 0) {
		pt_db_rollback(req);
		pt_message(req, "error", f.lines.nrows == 0 ? "orders.offer.send.empty" :
		    "orders.offer.valid.past", f.lines.nrows == 0 ? NULL : "valid_until");
		return show(req, 422, &f, NULL, NULL);
	}
	if ((text = or_offer_text(req, &f)) == NULL)
		return or_undo(req, PT_ENOMEM);
	or_sha256_hex(text, strlen(text), sha);
	if ((rc = pt_db_exec(req, &sql[SQL_SEND], PT_BINDS(pt_int(req->session.user->id),
	    pt_str(pt_cell(&f.row, 0, OF_ID))), NULL)) == PT_OK)
		rc = tell_approvers(req, &f);
	return or_done(req, rc, "offer.send", "offer", pt_cell(&f.row, 0, OF_ID),
	    "{\"status\":\"draft\"}", pt_printf(req, "{\"status\":\"sent\",\"sha256\":\"%s\"}", sha),
	    pt_printf(req, "%s?sent=1", OR_OFFERS_ADMIN));
}

/* POST /orders/admin/offers/<number>/revise: a new draft from a sent or decided offer. */
static int
revise(struct pt_req *req)
{
	const char *number;
	struct or_offer f;
	long long seq, id;
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = load(req, 1, &f)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	if (strcmp(f.state, "draft") == 0 || strcmp(f.state, "accepted") == 0) {
		pt_db_rollback(req);
		pt_message(req, "error", "orders.offer.revise.not", NULL);
		return show(req, 422, &f, NULL, NULL);
	}
	gmtime_r(&now, &tm);
	if ((rc = or_next_seq(req, &sql[SQL_COUNTER], tm.tm_year + 1900, &seq)) != PT_OK)
		return or_undo(req, rc);
	number = pt_printf(req, "Q-%04d-%06lld", tm.tm_year + 1900, seq);
	if ((rc = pt_db_exec(req, &sql[SQL_REVISE], PT_BINDS(pt_str(number), pt_int(tm.tm_year + 1900),
	    pt_int(seq), pt_int(req->session.user->id), pt_str(pt_cell(&f.row, 0, OF_ID))),
	    NULL)) != PT_OK)
		return or_undo(req, rc);
	id = (long long)pt_db_insert_id();
	if ((rc = pt_db_exec(req, &sql[SQL_REVISE_LINES], PT_BINDS(pt_int(id),
	    pt_str(pt_cell(&f.row, 0, OF_ID))), NULL)) != PT_OK)
		return or_undo(req, rc);
	return or_done(req, rc, "offer.revise", "offer", pt_printf(req, "%lld", id), NULL,
	    pt_printf(req, "{\"number\":\"%s\",\"revises\":\"%s\"}", number,
	    pt_cell(&f.row, 0, OF_NUMBER)), pt_printf(req, "%s?created=1", or_offer_href(req, number, 1)));
}

#define OFFER OR_OFFERS_ADMIN "/" OR_OFFER_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET,  OR_OFFERS_ADMIN,		list,		PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_POST, OR_OFFERS_ADMIN,		create,		PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_GET,  OR_OFFERS_ADMIN "/new",	fresh,		PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_GET,  OFFER,			page,		PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_POST, OFFER,			update,		PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_POST, OFFER "/lines",		add_line,	PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_POST, OFFER "/lines/([0-9]{1,5})/delete", delete_line, PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_POST, OFFER "/send",		send,		PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_POST, OFFER "/revise",		revise,		PT_R_LOGIN, OR_PERM_CONTRACTS },
};

static const char *const views[] = { "admin-offers", "admin-offer" };

const struct pt_group or_offer_admin_group = PT_GROUP(routes, sql, views);
