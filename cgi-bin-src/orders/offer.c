/*
 * Offers as the customer sees them (orders.approve: the organisation's
 * admin and approvers): the organisation's sent and decided offers, an
 * offer's page with its attachments, and the decision.  Drafts and other
 * organisations' offers do not exist here (404).
 *
 * Accepting records who, when and from which address (the client address
 * the request came from), and the canonical text of exactly the version
 * on the page (offer-common.c) with its SHA-256: the form carries the
 * hash the page showed, and an offer that reads otherwise now is not
 * accepted.  In the same transaction the offer becomes a contract (its
 * recurring lines; from today, the reader's date, for its term) and, when
 * it has one-off lines, an order to the delivery address chosen, with
 * the same tables checkout writes: confirmed at once (the provider
 * offered it), taxed per line at the address's rates, counted towards no
 * buyer's budget (the organisation's approver accepted it).  Declining
 * needs a reason.  Whoever sent the offer is told of the decision by
 * mail.  An offer past its validity date, or revised by a newer
 * one that was sent, can be neither accepted nor declined.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "orders.h"

#define OFFERS_PER_PAGE	50
#define REASON_MAX_CHARS 1000
#define ORDER_LINE_BINDS 14

enum offer_sql {
	SQL_LIST, SQL_ADDRESSES, SQL_ADDRESS, SQL_RATES, SQL_CONTRACT_SEQ, SQL_CONTRACT,
	SQL_CONTRACT_LINES, SQL_ORDER, SQL_ORDER_LINE, SQL_ACCEPT, SQL_DECLINE, SQL_SENDER, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: org, limit, offset. */
	[SQL_LIST] = { "or_offer_list",
	    "SELECT f.number, f.status, f.title, DATE_FORMAT(f.valid_until, '%Y-%m-%d'),"
	    " " OR_ISO("f.sent_at") ", " OR_ISO("f.decided_at") ","
	    " EXISTS (SELECT 1 FROM offers n WHERE n.revises_id = f.id AND n.status <> 'draft')"
	    " FROM offers f WHERE f.org_id = ? AND f.status <> 'draft'"
	    " ORDER BY f.sent_at DESC, f.id DESC LIMIT ? OFFSET ?" },
	[SQL_ADDRESSES] = { "or_offer_addresses",
	    "SELECT id, label, city, country FROM org_addresses WHERE org_id = ? AND active = 1"
	    " ORDER BY label, id" },
	/* Binds: id, org. */
	[SQL_ADDRESS] = { "or_offer_address",
	    "SELECT country FROM org_addresses WHERE id = ? AND org_id = ? AND active = 1" },
	[SQL_RATES] = { "or_offer_rates", "SELECT tax_class, rate_bp FROM tax_rates WHERE country = ?" },
	[SQL_CONTRACT_SEQ] = { "or_offer_contract_seq",
	    "INSERT INTO contract_counters (year, last_no) VALUES (?, 1)"
	    " ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)" },
	/* Binds: number, year, seq, order, start, end, offer. */
	[SQL_CONTRACT] = { "or_offer_contract",
	    "INSERT INTO contracts (number, year, seq, org_id, offer_id, order_id, title, currency,"
	    " start_date, end_date, renewal_months, notice_days, created_at)"
	    " SELECT ?, ?, ?, org_id, id, ?, title, currency, ?, ?, renewal_months, notice_days,"
	    " UTC_TIMESTAMP(6) FROM offers WHERE id = ?" },
	/* Binds: contract, offer. */
	[SQL_CONTRACT_LINES] = { "or_offer_contract_lines",
	    "INSERT INTO contract_lines (contract_id, line_no, product_id, sku, name, unit, quantity,"
	    " unit_price_minor, billing) SELECT ?, line_no, product_id, sku, name, unit, quantity,"
	    " unit_price_minor, billing FROM offer_lines WHERE offer_id = ? AND kind = 'recurring'" },
	/*
	 * The order, with a copy of its address.  Binds: number, year, seq, org,
	 * buyer, currency, net, tax, gross, note, address, org.
	 */
	[SQL_ORDER] = { "or_offer_order",
	    "INSERT INTO orders (number, year, seq, org_id, buyer_id, status, currency, net_minor,"
	    " tax_minor, gross_minor, note, address_id, ship_label, ship_recipient, ship_street,"
	    " ship_street2, ship_postal_code, ship_city, ship_country, created_at, updated_at)"
	    " SELECT ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, a.id, a.label, a.recipient, a.street,"
	    " a.street2, a.postal_code, a.city, a.country, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)"
	    " FROM org_addresses a WHERE a.id = ? AND a.org_id = ?" },
	[SQL_ORDER_LINE] = { "or_offer_order_line",
	    "INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity,"
	    " unit_price_minor, contract_price, tax_class, tax_rate_bp, net_minor, tax_minor,"
	    " gross_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	/* Binds: who, from, text, sha256, id. */
	[SQL_ACCEPT] = { "or_offer_accept",
	    "UPDATE offers SET status = 'accepted', decided_by = ?, decided_at = UTC_TIMESTAMP(6),"
	    " decided_ip = ?, accepted_text = ?, accepted_sha256 = ?, updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ? AND status = 'sent'" },
	/* Binds: who, from, reason, id. */
	[SQL_DECLINE] = { "or_offer_decline",
	    "UPDATE offers SET status = 'declined', decided_by = ?, decided_at = UTC_TIMESTAMP(6),"
	    " decided_ip = ?, decline_reason = ?, updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ? AND status = 'sent'" },
	/* Who sent the offer, told of the decision while active.  Binds: id. */
	[SQL_SENDER] = { "or_offer_sender",
	    "SELECT u.email, u.name, COALESCE(u.language, og.language, 'en') FROM offers f"
	    " JOIN users u ON u.id = f.sent_by JOIN orgs og ON og.id = u.org_id"
	    " WHERE f.id = ? AND u.status = 'active'" },
};

enum { A_ADDRESS, A_CONFIRM, A_SHA, A__MAX };
static const struct pt_input accept_inputs[A__MAX] = {
	[A_ADDRESS] =	{ "address", PT_IN_INT, 0, 1, 4294967295LL, NULL, 0 },
	[A_CONFIRM] =	{ "confirm", PT_IN_CHECK, 0, 0, 0, NULL, 0 },
	[A_SHA] =	{ "sha256", PT_IN_LINE, 1, 0, 64, NULL, 0 },
};
static const char *const accept_names[A__MAX] = { "address", "confirm", "sha256" };
static const struct pt_input reason_input = {
	"reason", PT_IN_TEXT, 0, 0, REASON_MAX_CHARS, NULL, 0
};

enum { S_NUMBER, S_STATUS, S_TITLE, S_VALID, S_SENT, S_DECIDED, S_SUPERSEDED };

/* GET /orders/offers[?page=] */
static int
list(struct pt_req *req)
{
	struct pt_rows rows;
	xmlNodePtr l, o;
	size_t i;
	int rc;

	long long page = pt_query_page(req);

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_int(req->session.user->org_id),
	    pt_int(OFFERS_PER_PAGE + 1), pt_int((page - 1) * OFFERS_PER_PAGE)))) != PT_OK)
		return rc;
	l = pt_node(req->page, "offers", NULL);
	or_pager_more(l, page, rows.nrows > OFFERS_PER_PAGE);
	for (i = 0; i < rows.nrows && i < OFFERS_PER_PAGE; i++) {
		const char *state = or_offer_state(req, pt_cell(&rows, i, S_STATUS),
		    pt_cell(&rows, i, S_VALID));

		if (strcmp(state, "sent") == 0 || strcmp(state, "expired") == 0)
			if (pt_cell_int(&rows, i, S_SUPERSEDED) == 1)
				state = "superseded";
		o = pt_node(l, "offer", NULL);
		pt_attr(o, "number", pt_cell(&rows, i, S_NUMBER));
		pt_attr(o, "href", or_offer_href(req, pt_cell(&rows, i, S_NUMBER), 0));
		pt_attr(o, "state", state);
		pt_attr(o, "valid-until", pt_cell(&rows, i, S_VALID));
		pt_attr(o, "sent", pt_cell(&rows, i, S_SENT));
		if (pt_cell(&rows, i, S_DECIDED) != NULL)
			pt_attr(o, "decided", pt_cell(&rows, i, S_DECIDED));
		pt_node(o, "title", pt_cell(&rows, i, S_TITLE));
	}
	req->view = "offers";
	return 200;
}

/*
 * The offer's page with status: the offer, and while it is open the
 * forms to accept it (with the delivery addresses when it has one-off
 * lines, and the hash of the text shown) and to decline it; accept and
 * reason are the forms' values (NULL: fresh).
 */
static int
show(struct pt_req *req, int status, const struct or_offer *f, const char *const *accept,
    const char *reason)
{
	const char *a[A__MAX] = { "", "0", "" }, *text;
	struct pt_rows addr;
	xmlNodePtr o, d, n;
	char sha[65];
	size_t i;
	int rc;

	o = or_offer_node(req, req->page, f, or_offer_href(req, pt_cell(&f->row, 0, OF_NUMBER), 0));
	if (strcmp(f->state, "sent") == 0) {
		if ((text = or_offer_text(req, f)) == NULL)
			return PT_ENOMEM;
		or_sha256_hex(text, strlen(text), sha);
		d = pt_node(o, "decide", NULL);
		pt_attr(d, "sha256", sha);
		if (f->nonce > 0) {
			if ((rc = pt_db_query(req, &sql[SQL_ADDRESSES], &addr,
			    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
				return rc;
			for (i = 0; i < addr.nrows; i++) {
				n = pt_node(d, "address", pt_printf(req, "%s, %s (%s)",
				    pt_cell(&addr, i, 1), pt_cell(&addr, i, 2), pt_cell(&addr, i, 3)));
				pt_attr(n, "id", pt_cell(&addr, i, 0));
			}
		}
		if (accept == NULL) {
			a[A_SHA] = sha;
			accept = a;
		}
		pt_form_values(req, "accept", accept_names, accept, A__MAX);
		pt_form_values(req, "decline", (const char *const[]){ "reason" },
		    (const char *const[]){ reason != NULL ? reason : "" }, 1);
		pt_limit(req, "reason", REASON_MAX_CHARS);
	}
	or_flash(req, "accepted", "orders.offer.accepted");
	or_flash(req, "declined", "orders.offer.declined");
	req->view = "offer";
	return status;
}

/* GET /orders/offers/<number> */
static int
page(struct pt_req *req)
{
	struct or_offer f;
	int rc;

	if ((rc = or_offer_load(req, req->caps[1], req->session.user->org_id, 0, &f)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return show(req, 200, &f, NULL, NULL);
}

/* GET /orders/offers/<number>/files/<id> */
static int
download(struct pt_req *req)
{
	struct or_offer f;
	int rc;

	if ((rc = or_offer_load(req, req->caps[1], req->session.user->org_id, 0, &f)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return or_offer_file_send(req, &f, 2);
}

/*
 * Open the decision's transaction: the offer locked and loaded, and still
 * open (sent, valid, not revised).  PT_OK; else *answer is the answer
 * (404, or 0 and the caller shows the page with *why) and the
 * transaction is closed.
 */
static int
begin_decision(struct pt_req *req, struct or_offer *f, int *answer, const char **why)
{
	int rc;

	*answer = 0;
	*why = NULL;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = or_offer_load(req, req->caps[1], req->session.user->org_id, 1, f)) != PT_OK) {
		pt_db_rollback(req);
		if (rc == PT_ENOTFOUND)
			*answer = pt_error_page(req, 404, NULL);
		return rc;
	}
	if (strcmp(f->state, "sent") != 0) {
		pt_db_rollback(req);
		*why = strcmp(f->state, "expired") == 0 ? "orders.offer.expired" :
		    strcmp(f->state, "superseded") == 0 ? "orders.offer.superseded" :
		    "orders.offer.decided";
		return PT_EINVAL;
	}
	return PT_OK;
}

/*
 * The order of the offer's one-off lines, to the address (of the
 * reader's organisation) in country: *order_id, and *number in the arena.
 */
static int
make_order(struct pt_req *req, const struct or_offer *f, const char *address, const char *country,
    long long *order_id, const char **number, int *priced)
{
	const struct pt_rows *l = &f->lines;
	struct pt_money total = { 0, 0, 0 }, *m;
	struct pt_rows rates;
	struct pt_bind *b;
	time_t now = time(NULL);
	struct tm tm;
	long long seq;
	size_t i, j, k = 0, n = 0;
	int rc, rate;

	*priced = 0;
	if ((rc = pt_db_query(req, &sql[SQL_RATES], &rates, PT_BINDS(pt_str(country)))) != PT_OK)
		return rc;
	if ((m = pt_alloc(req, l->nrows * sizeof(*m))) == NULL ||
	    (b = pt_alloc(req, l->nrows * ORDER_LINE_BINDS * sizeof(*b))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < l->nrows; i++) {
		if (strcmp(pt_cell(l, i, OL_KIND), "once") != 0)
			continue;
		for (rate = -1, j = 0; j < rates.nrows; j++)
			if (strcmp(pt_cell(&rates, j, 0), pt_cell(l, i, OL_TAX_CLASS)) == 0)
				rate = (int)pt_cell_int(&rates, j, 1);
		if (rate < 0 || pt_money_line(pt_cell_int(l, i, OL_PRICE), pt_cell_int(l, i, OL_QTY),
		    rate, &m[i]) != PT_OK || pt_money_add(&total, &m[i]) != PT_OK)
			return PT_OK;	/* not priced: no rate for the country, or too much */
		b[k++] = pt_int(0);	/* the order's id, below */
		b[k++] = pt_int((long long)++n);
		b[k++] = pt_str(pt_cell(l, i, OL_PRODUCT));
		b[k++] = pt_str(pt_cell(l, i, OL_SKU));
		b[k++] = pt_str(pt_cell(l, i, OL_NAME));
		b[k++] = pt_str(pt_cell(l, i, OL_UNIT));
		b[k++] = pt_str(pt_cell(l, i, OL_QTY));
		b[k++] = pt_str(pt_cell(l, i, OL_PRICE));
		b[k++] = pt_int(0);
		b[k++] = pt_str(pt_cell(l, i, OL_TAX_CLASS));
		b[k++] = pt_int(rate);
		b[k++] = pt_int(m[i].net_minor);
		b[k++] = pt_int(m[i].tax_minor);
		b[k++] = pt_int(m[i].gross_minor);
	}
	*priced = 1;
	gmtime_r(&now, &tm);
	if ((rc = or_order_seq(req, tm.tm_year + 1900, &seq)) != PT_OK)
		return rc;
	*number = pt_printf(req, "O-%04d-%06lld", tm.tm_year + 1900, seq);
	if ((rc = pt_db_exec(req, &sql[SQL_ORDER], PT_BINDS(pt_str(*number), pt_int(tm.tm_year + 1900),
	    pt_int(seq), pt_int(req->session.user->org_id), pt_int(req->session.user->id),
	    pt_str(pt_cell(&f->row, 0, OF_CURRENCY)), pt_int(total.net_minor), pt_int(total.tax_minor),
	    pt_int(total.gross_minor), pt_str(pt_printf(req, "%s: %s", pt_cell(&f->row, 0, OF_NUMBER),
	    pt_cell(&f->row, 0, OF_TITLE))), pt_str(address), pt_int(req->session.user->org_id)),
	    NULL)) != PT_OK)
		return rc;
	*order_id = (long long)pt_db_insert_id();
	for (i = 0; i < n; i++)
		b[i * ORDER_LINE_BINDS] = pt_int(*order_id);
	if ((rc = pt_db_exec_rows(req, &sql[SQL_ORDER_LINE], b, ORDER_LINE_BINDS, n, NULL)) != PT_OK ||
	    (rc = or_order_event(req, *order_id, "submitted",
	    pt_printf(req, "%s", pt_cell(&f->row, 0, OF_NUMBER)), 1)) != PT_OK)
		return rc;
	return or_order_event(req, *order_id, "confirmed", NULL, 0);
}

/*
 * Who sent the offer is told by mail that the reader accepted it (into
 * contract) or declined it (for reason).  In the decision's transaction.
 */
static int
tell_sender(struct pt_req *req, const struct or_offer *f, const char *decision,
    const char *contract, const char *reason)
{
	const char *number = pt_cell(&f->row, 0, OF_NUMBER);
	struct pt_rows to;
	xmlNodePtr d;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_SENDER], &to,
	    PT_BINDS(pt_str(pt_cell(&f->row, 0, OF_ID))))) != PT_OK)
		return rc;
	if (to.nrows != 1)
		return PT_OK;
	if ((d = pt_mail_data(req)) == NULL)
		return PT_ENOMEM;
	pt_attr(d, "decision", decision);
	pt_node(d, "number", number);
	pt_node(d, "title", pt_cell(&f->row, 0, OF_TITLE));
	pt_node(d, "org", pt_cell(&f->row, 0, OF_ORG));
	pt_node(d, "decider", req->session.user->name);
	if (contract != NULL)
		pt_node(d, "contract", contract);
	if (reason != NULL)
		pt_node(d, "why", reason);
	pt_node(d, "link", pt_printf(req, "%s%s", pt_base_url(), or_offer_href(req, number, 1)));
	return pt_mail_queue(req, "offer-decided", pt_cell(&to, 0, 0), pt_cell(&to, 0, 1),
	    pt_mail_lang(pt_cell(&to, 0, 2)), d);
}

/* The page again with the accept form's values, 422; key at field. */
static int
accept_again(struct pt_req *req, const struct or_offer *f, const char *key, const char *field,
    const char *const *v)
{
	pt_db_rollback(req);
	if (key != NULL)
		pt_message(req, "error", key, field);
	return show(req, 422, f, v, NULL);
}

/* POST /orders/offers/<number>/accept */
static int
accept(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *v[A__MAX], *why, *text, *order_number = NULL, *contract_number;
	char sha[65], start[11], end[11];
	struct pt_rows address;
	struct or_offer f;
	long long order_id = 0, seq, contract_id;
	time_t now = time(NULL);
	struct tm tm;
	int rc, bad, answer, priced;

	if ((rc = begin_decision(req, &f, &answer, &why)) != PT_OK) {
		if (answer != 0 || why == NULL)
			return answer != 0 ? answer : rc;
		pt_message(req, "error", why, NULL);
		return show(req, 422, &f, NULL, NULL);
	}
	if ((bad = pt_input_read(req, accept_inputs, A__MAX, v)) < 0)
		return or_undo(req, bad);
	if (strcmp(v[A_CONFIRM], "1") != 0) {
		pt_message(req, "error", "orders.offer.confirm", "confirm");
		bad++;
	}
	if (f.nonce > 0 && *v[A_ADDRESS] == '\0') {
		pt_message(req, "error", "input.choose", "address");
		bad++;
	}
	if (bad > 0)
		return accept_again(req, &f, NULL, NULL, v);
	if ((text = or_offer_text(req, &f)) == NULL)
		return or_undo(req, PT_ENOMEM);
	or_sha256_hex(text, strlen(text), sha);
	/* What the reader saw is what is accepted, or nothing is. */
	if (strcmp(sha, v[A_SHA]) != 0)
		return accept_again(req, &f, "orders.offer.changed", NULL, v);
	if (f.nonce > 0) {
		if ((rc = pt_db_query(req, &sql[SQL_ADDRESS], &address, PT_BINDS(pt_str(v[A_ADDRESS]),
		    pt_int(u->org_id)))) != PT_OK)
			return or_undo(req, rc);
		if (address.nrows != 1)
			return accept_again(req, &f, "orders.checkout.address.unknown", "address", v);
		if ((rc = make_order(req, &f, v[A_ADDRESS], pt_cell(&address, 0, 0), &order_id,
		    &order_number, &priced)) != PT_OK)
			return or_undo(req, rc);
		if (!priced)
			return accept_again(req, &f, "orders.offer.no-tax", "address", v);
	}
	pt_local_date(req, now, start);
	pt_date_add(start, (int)pt_cell_int(&f.row, 0, OF_TERM), -1, end);
	gmtime_r(&now, &tm);
	if ((rc = or_next_seq(req, &sql[SQL_CONTRACT_SEQ], tm.tm_year + 1900, &seq)) != PT_OK)
		return or_undo(req, rc);
	contract_number = pt_printf(req, "C-%04d-%06lld", tm.tm_year + 1900, seq);
	if ((rc = pt_db_exec(req, &sql[SQL_CONTRACT], PT_BINDS(pt_str(contract_number),
	    pt_int(tm.tm_year + 1900), pt_int(seq), order_id > 0 ? pt_int(order_id) : pt_str(NULL),
	    pt_str(start), pt_str(end), pt_str(pt_cell(&f.row, 0, OF_ID))), NULL)) != PT_OK)
		return or_undo(req, rc);
	contract_id = (long long)pt_db_insert_id();
	if ((rc = pt_db_exec(req, &sql[SQL_CONTRACT_LINES], PT_BINDS(pt_int(contract_id),
	    pt_str(pt_cell(&f.row, 0, OF_ID))), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ACCEPT], PT_BINDS(pt_int(u->id), pt_str(req->remote_addr),
	    pt_str(text), pt_str(sha), pt_str(pt_cell(&f.row, 0, OF_ID))), NULL)) != PT_OK ||
	    (rc = tell_sender(req, &f, "accepted", contract_number, NULL)) != PT_OK)
		return or_undo(req, rc);
	return or_done(req, rc, "offer.accept", "offer", pt_cell(&f.row, 0, OF_ID),
	    "{\"status\":\"sent\"}", pt_printf(req, "{\"status\":\"accepted\",\"sha256\":\"%s\","
	    "\"from\":%s,\"contract\":\"%s\",\"order\":%s}", sha, pt_json_str(req, req->remote_addr),
	    contract_number, pt_json_str(req, order_number)),
	    pt_printf(req, "%s?accepted=1", or_offer_href(req, req->caps[1], 0)));
}

/* POST /orders/offers/<number>/decline */
static int
decline(struct pt_req *req)
{
	const char *reason, *why;
	struct or_offer f;
	int rc, answer;

	if ((rc = begin_decision(req, &f, &answer, &why)) != PT_OK) {
		if (answer != 0 || why == NULL)
			return answer != 0 ? answer : rc;
		pt_message(req, "error", why, NULL);
		return show(req, 422, &f, NULL, NULL);
	}
	if ((rc = pt_input_read(req, &reason_input, 1, &reason)) < 0)
		return or_undo(req, rc);
	if (rc == 0 && *reason == '\0') {
		pt_message(req, "error", "orders.offer.reason.required", "reason");
		rc = 1;
	}
	if (rc > 0) {
		pt_db_rollback(req);
		return show(req, 422, &f, NULL, reason);
	}
	if ((rc = pt_db_exec(req, &sql[SQL_DECLINE], PT_BINDS(pt_int(req->session.user->id),
	    pt_str(req->remote_addr), pt_str(reason), pt_str(pt_cell(&f.row, 0, OF_ID))), NULL)) == PT_OK)
		rc = tell_sender(req, &f, "declined", NULL, reason);
	return or_done(req, rc, "offer.decline", "offer", pt_cell(&f.row, 0, OF_ID),
	    "{\"status\":\"sent\"}", pt_printf(req, "{\"status\":\"declined\",\"reason\":%s,\"from\":%s}",
	    pt_json_str(req, reason), pt_json_str(req, req->remote_addr)),
	    pt_printf(req, "%s?declined=1", or_offer_href(req, req->caps[1], 0)));
}

#define OFFER "/orders/offers/" OR_OFFER_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET,  "/orders/offers",		list,		PT_R_LOGIN, OR_PERM_APPROVE },
	{ PT_GET,  OFFER,			page,		PT_R_LOGIN, OR_PERM_APPROVE },
	{ PT_GET,  OFFER "/files/([0-9]{1,10})", download,	PT_R_LOGIN, OR_PERM_APPROVE },
	{ PT_POST, OFFER "/accept",		accept,		PT_R_LOGIN, OR_PERM_APPROVE },
	{ PT_POST, OFFER "/decline",		decline,	PT_R_LOGIN, OR_PERM_APPROVE },
};

static const char *const views[] = { "offers", "offer" };

const struct pt_group or_offer_group = PT_GROUP(routes, sql, views);
