/*
 * The warehouse moves orders on through the API (orders.write): confirm
 * an order, add a shipment with its tracking and lines, mark a shipment,
 * or all of an order's, delivered, or cancel it while nothing is shipped.
 * Each is the order desk's own operation (fulfil.c), called with no
 * person as the actor, so the
 * order's timeline, the checks (never more of a line than ordered minus
 * shipped, the states an order may move between) and the buyer's mail are
 * the desk's; this file reads the JSON, says the refusals in JSON and
 * writes the audit row, which names the integration.  Every request is
 * one transaction.  The answer is the order as GET /api/v1/orders/<number>
 * gives it.
 */
#include <stdlib.h>
#include <string.h>

#include "api.h"

#define LINES_MAX	OR_PROBLEMS_MAX

enum api_fulfil_sql { SQL_SHIPMENTS, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* The order's shipments not yet delivered, and its status.  Binds: number. */
	[SQL_SHIPMENTS] = { "or_api_undelivered",
	    "SELECT o.status, s.no FROM orders o"
	    " LEFT JOIN shipments s ON s.order_id = o.id AND s.delivered_at IS NULL"
	    " WHERE o.number = ? ORDER BY s.no" },
};

/* The reason of a problem: its English catalogue text, {max} filled in. */
static const char *
reason(struct pt_req *req, const struct or_problem *p)
{
	const char *t = pt_i18n_get("en", p->key), *at;

	if (t == NULL)
		return p->key;
	if (p->max >= 0 && (at = strstr(t, "{max}")) != NULL)
		return pt_printf(req, "%.*s%lld%s", (int)(at - t), t, p->max, at + 5);
	return t;
}

/*
 * The request's path of a problem's field; of a line, the item of the
 * shipment in (NULL: none) that names it, the last one (a line twice).
 */
static const char *
field_of(struct pt_req *req, const struct or_problem *p, const struct or_shipment *in)
{
	size_t i;

	if (strcmp(p->field, "lines") != 0 || p->line_no == 0 || in == NULL)
		return p->field;
	for (i = in->nlines; i-- > 0;)
		if (in->lines[i].line_no == p->line_no)
			return pt_printf(req, "lines[%zu].%s", i,
			    strcmp(p->key, "orders.fulfil.no-line") == 0 ||
			    strcmp(p->key, "orders.fulfil.line-twice") == 0 ? "line" : "quantity");
	return "lines";
}

#define NO_ORDER	"No order has this number."
#define NO_SHIPMENT	"No such order, or it has no shipment of this number."

/*
 * The end of a write: done, the audit row, the commit and the order;
 * refused, the rollback and 409 (the order's state) or 422 (the fields,
 * a line's by its item in the shipment in, NULL for none); nothing found,
 * 404 saying missing.
 */
static int
finish(struct pt_req *req, int rc, const struct or_fulfil *f, const char *action,
    const char *after, int status, const struct or_shipment *in, const char *missing)
{
	struct or_api_fields fields;
	size_t i;

	if (rc == PT_ENOTFOUND) {
		pt_db_rollback(req);
		return pt_api_error(req, 404, "not_found", missing);
	}
	if (rc == PT_EINVAL) {
		pt_db_rollback(req);
		or_api_fields_init(&fields, req);
		for (i = 0; i < f->nproblems; i++)
			if (f->problems[i].field == NULL)
				return pt_api_error(req, 409, "conflict", reason(req, &f->problems[i]));
		for (i = 0; i < f->nproblems; i++)
			or_api_field(&fields, field_of(req, &f->problems[i], in), NULL,
			    reason(req, &f->problems[i]));
		return or_api_fields_send(&fields);
	}
	if (rc == PT_OK)
		rc = pt_audit(req, action, "order", pt_printf(req, "%lld", f->order_id),
		    pt_printf(req, "{\"status\":\"%s\"}", f->before), after);
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK)
		return or_undo(req, rc);
	return or_api_order_answer(req, status, req->caps[1]);
}

/*
 * A member that is an ISO 8601 UTC time ("2026-03-01T10:00:00Z") as
 * "YYYY-MM-DD hh:mm:ss" (arena); NULL when absent or bad (an error in f).
 */
static const char *
utc_member(struct or_api_fields *f, json_t *body, const char *key)
{
	const char *s = NULL;
	char *out;
	time_t t;

	if (!or_api_str(f, body, NULL, key, 0, 40, &s))
		return NULL;
	if (strlen(s) < 20 || s[10] != 'T' || s[strlen(s) - 1] != 'Z' || pt_utc_parse(s, &t) != PT_OK) {
		or_api_field(f, key, NULL, "must be a UTC time such as 2026-03-01T10:00:00Z");
		return NULL;
	}
	if ((out = pt_alloc(f->req, 20)) == NULL)
		return NULL;
	pt_utc_format(t, out);
	return out;
}

/* POST /api/v1/orders/<number>/confirm: {} */
static int
confirm(struct pt_req *req)
{
	struct or_fulfil f = { .actor_id = 0 };
	int rc;

	if ((rc = or_api_empty_body(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_confirm(req, &f, req->caps[1]);
	return finish(req, rc, &f, "order.confirm", "{\"status\":\"confirmed\"}", 200, NULL, NO_ORDER);
}

/* The lines of a shipment's body into *lines (arena); the bad ones into f. */
static int
read_lines(struct pt_req *req, json_t *body, struct or_api_fields *f, struct or_ship_line **lines,
    size_t *n)
{
	static const char *const keys[] = { "line", "quantity" };
	json_t *list, *it;
	size_t i;

	*n = 0;
	if ((list = or_api_list(f, body, "lines", LINES_MAX)) == NULL)
		return PT_OK;
	if ((*lines = pt_alloc(req, json_array_size(list) * sizeof(**lines))) == NULL)
		return PT_ENOMEM;
	json_array_foreach(list, i, it) {
		const char *path = or_api_item(f, "lines", i, it, keys, PT_NELEM(keys));

		if (path == NULL)
			continue;
		or_api_int(f, it, path, "line", 1, 1, 65535, &(*lines)[i].line_no);
		or_api_int(f, it, path, "quantity", 1, 1, OR_QTY_MAX, &(*lines)[i].quantity);
	}
	*n = json_array_size(list);
	return PT_OK;
}

/*
 * POST /api/v1/orders/<number>/shipments: {carrier, tracking_number,
 * tracking_url, shipped_at, lines: [{line, quantity}]}; 201 with the order.
 */
static int
ship(struct pt_req *req)
{
	static const char *const keys[] = {
		"carrier", "tracking_number", "tracking_url", "shipped_at", "lines"
	};
	struct or_fulfil f = { .actor_id = 0 };
	struct or_api_fields fields;
	struct or_shipment in;
	struct or_ship_line *lines = NULL;
	const char *after, *l = "[";
	json_t *body;
	size_t i, n = 0;
	int rc;

	if ((rc = or_api_body(req, 0, &body)) != PT_OK)
		return rc;
	memset(&in, 0, sizeof(in));
	or_api_fields_init(&fields, req);
	or_api_unknown(&fields, body, NULL, keys, PT_NELEM(keys));
	or_api_str(&fields, body, NULL, "carrier", 1, OR_CARRIER_MAX_CHARS, &in.carrier);
	or_api_str(&fields, body, NULL, "tracking_number", 0, OR_TRACKING_MAX_CHARS,
	    &in.tracking_number);
	or_api_str(&fields, body, NULL, "tracking_url", 0, OR_TRACKING_URL_MAX_CHARS,
	    &in.tracking_url);
	in.shipped_at = utc_member(&fields, body, "shipped_at");
	if ((rc = read_lines(req, body, &fields, &lines, &n)) != PT_OK)
		return rc;
	if (fields.n > 0)
		return or_api_fields_send(&fields);
	in.lines = lines;
	in.nlines = n;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_ship(req, &f, req->caps[1], &in);
	for (i = 0; i < n && l != NULL; i++)
		l = pt_printf(req, "%s%s{\"line\":%lld,\"quantity\":%lld}", l, i > 0 ? "," : "",
		    lines[i].line_no, lines[i].quantity);
	after = rc != PT_OK || l == NULL ? NULL : pt_printf(req, "{\"status\":\"%s\",\"shipment\":%lld,"
	    "\"carrier\":%s,\"tracking_number\":%s,\"tracking_url\":%s,\"lines\":%s]}", f.status,
	    f.shipment_no, pt_json_str(req, in.carrier), pt_json_str(req, in.tracking_number),
	    pt_json_str(req, in.tracking_url), l);
	return finish(req, rc, &f, "order.ship", after, 201, &in, NO_ORDER);
}

/* The body of a delivery: {delivered_at} or {}; 1 when good (at: NULL for now), else the answer in *rc. */
static int
read_delivered(struct pt_req *req, const char **at, int *rc)
{
	static const char *const keys[] = { "delivered_at" };
	struct or_api_fields fields;
	json_t *body;

	if ((*rc = or_api_body(req, 1, &body)) != PT_OK)
		return 0;
	or_api_fields_init(&fields, req);
	or_api_unknown(&fields, body, NULL, keys, PT_NELEM(keys));
	*at = utc_member(&fields, body, "delivered_at");
	if (fields.n > 0) {
		*rc = or_api_fields_send(&fields);
		return 0;
	}
	return 1;
}

/* The audit row's after of a delivery. */
static const char *
delivered_json(struct pt_req *req, const struct or_fulfil *f, long long no, const char *at)
{
	return pt_printf(req, "{\"status\":\"%s\",\"shipment\":%lld,\"delivered_at\":%s}", f->status,
	    no, pt_json_str(req, at));
}

/* POST /api/v1/orders/<number>/shipments/<no>/delivered: {delivered_at} or {}. */
static int
deliver(struct pt_req *req)
{
	struct or_fulfil f = { .actor_id = 0 };
	long long no = strtoll(req->caps[2], NULL, 10);
	const char *at = NULL;
	int rc;

	if (!read_delivered(req, &at, &rc))
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_deliver(req, &f, req->caps[1], no, at);
	return finish(req, rc, &f, "order.deliver", rc == PT_OK ? delivered_json(req, &f, no, at) :
	    NULL, 200, NULL, NO_SHIPMENT);
}

/*
 * POST /api/v1/orders/<number>/delivered: {delivered_at} or {}.  Every
 * shipment of a shipped order that has not arrived arrives; the order is
 * then delivered.  An order with goods still to ship (or none shipped) is
 * refused, 409: delivered is all of it.
 */
static int
deliver_all(struct pt_req *req)
{
	struct or_fulfil f = { .actor_id = 0 };
	struct pt_rows s;
	const char *at = NULL;
	size_t i;
	int rc;

	if (!read_delivered(req, &at, &rc))
		return rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_SHIPMENTS], &s, PT_BINDS(pt_str(req->caps[1])))) != PT_OK)
		return or_undo(req, rc);
	if (s.nrows == 0)
		return or_undo(req, pt_api_error(req, 404, "not_found", NO_ORDER));
	if (strcmp(pt_cell(&s, 0, 0), "shipped") != 0)
		return or_undo(req, pt_api_error(req, 409, "conflict", pt_printf(req,
		    "The order is %s: only a shipped order, all of it, can be delivered.",
		    pt_cell(&s, 0, 0))));
	for (i = 0; i < s.nrows && rc == PT_OK; i++) {
		long long no = pt_cell_int(&s, i, 1);

		if (pt_cell(&s, i, 1) == NULL)
			continue;
		if ((rc = or_fulfil_deliver(req, &f, req->caps[1], no, at)) == PT_OK)
			rc = pt_audit(req, "order.deliver", "order", pt_printf(req, "%lld", f.order_id),
			    pt_printf(req, "{\"status\":\"%s\"}", f.before),
			    delivered_json(req, &f, no, at));
	}
	if (rc != PT_OK)
		return finish(req, rc, &f, NULL, NULL, 200, NULL, NO_SHIPMENT);
	if ((rc = pt_db_commit(req)) != PT_OK)
		return or_undo(req, rc);
	return or_api_order_answer(req, 200, req->caps[1]);
}

/*
 * POST /api/v1/orders/<number>/cancel: {"reason": "..."}, while nothing
 * of it is shipped.  The reason is checked as the desk checks it (text of
 * up to OR_REASON_MAX_CHARS characters, line breaks allowed).
 */
static int
cancel(struct pt_req *req)
{
	static const char *const keys[] = { "reason" };
	struct or_fulfil f = { .actor_id = 0 };
	struct or_api_fields fields;
	json_t *body, *v;
	const char *reason = NULL;
	int rc;

	if ((rc = or_api_body(req, 0, &body)) != PT_OK)
		return rc;
	or_api_fields_init(&fields, req);
	or_api_unknown(&fields, body, NULL, keys, PT_NELEM(keys));
	if ((v = json_object_get(body, "reason")) == NULL || json_is_null(v))
		or_api_field(&fields, "reason", NULL, "required");
	else if (!json_is_string(v))
		or_api_field(&fields, "reason", NULL, "must be a string");
	/* As the desk's form reads it: trimmed, its line ends LF. */
	else if ((reason = pt_trim(req, json_string_value(v))) == NULL ||
	    (reason = pt_lf_lines(req, reason)) == NULL)
		return PT_ENOMEM;
	if (fields.n > 0)
		return or_api_fields_send(&fields);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = or_fulfil_cancel(req, &f, req->caps[1], reason);
	return finish(req, rc, &f, "order.desk-cancel", rc != PT_OK ? NULL : pt_printf(req,
	    "{\"status\":\"cancelled\",\"reason\":%s}", pt_json_str(req, reason)), 200, NULL, NO_ORDER);
}

#define ORDER OR_API_V1 "orders/" OR_NUMBER_ROUTE

static const struct pt_route routes[] = {
	{ PT_POST, ORDER "/confirm",	confirm,	0, OR_API_ORDERS_WRITE },
	{ PT_POST, ORDER "/shipments",	ship,		0, OR_API_ORDERS_WRITE },
	{ PT_POST, ORDER "/shipments/([1-9][0-9]{0,3})/delivered", deliver, 0, OR_API_ORDERS_WRITE },
	{ PT_POST, ORDER "/delivered",	deliver_all,	0, OR_API_ORDERS_WRITE },
	{ PT_POST, ORDER "/cancel",	cancel,		0, OR_API_ORDERS_WRITE },
};

const struct pt_group or_api_fulfil_group = { routes, PT_NELEM(routes), sql, SQL__MAX, NULL, 0 };
