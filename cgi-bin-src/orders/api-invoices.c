/*
 * Invoices through the API (invoices.write): the ERP issues an order's
 * invoice, for one shipment or for all not yet billed, and reports an
 * invoice paid.  Both are the invoices' own operations (invoice-issue.c:
 * the gapless number, the lines, tax and due date, the audit row, which
 * names the integration); this file reads the JSON and says refusals in
 * it (409: the order or invoice is not in a state that allows it).  One
 * transaction each.
 */
#include <stdlib.h>
#include <string.h>

#include "api.h"

enum api_invoices_sql { SQL_ORDER, SQL_INVOICE, SQL_BY_NUMBER, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* The order and its shipment no (0: none asked; NULL id: the order has no such).  Binds: no, number. */
	[SQL_ORDER] = { "or_api_invoice_order",
	    "SELECT o.id, s.id FROM orders o LEFT JOIN shipments s ON s.order_id = o.id AND s.no = ?"
	    " WHERE o.number = ?" },
	[SQL_INVOICE] = { "or_api_invoice",
	    "SELECT " OR_API_INVOICE_COLUMNS " FROM invoices i LEFT JOIN shipments s ON s.id = i.shipment_id"
	    " WHERE i.id = ?" },
	[SQL_BY_NUMBER] = { "or_api_invoice_by_number",
	    "SELECT id FROM invoices WHERE number = ? AND kind = 'invoice'" },
};

/* The refusal's words: its English catalogue text. */
static const char *
refusal(const char *key)
{
	const char *t = pt_i18n_get("en", key);

	return t != NULL ? t : key;
}

/* Commit and answer status with the invoice; or the refusal (409), 404, an error. */
static int
finish(struct pt_req *req, int rc, const struct pt_invoice_out *out, int status)
{
	struct pt_rows i;

	if (rc == PT_ENOTFOUND) {
		pt_db_rollback(req);
		return pt_api_error(req, 404, "not_found", "No such invoice, order or shipment.");
	}
	if (rc == PT_OK && out->refusal != NULL) {
		pt_db_rollback(req);
		return pt_api_error(req, 409, "conflict", refusal(out->refusal));
	}
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK)
		return or_undo(req, rc);
	if ((rc = pt_db_query(req, &sql[SQL_INVOICE], &i, PT_BINDS(pt_int(out->id)))) != PT_OK)
		return rc;
	if (i.nrows != 1)
		return PT_ENOTFOUND;
	return or_api_send(req, status, or_api_own(req, or_api_invoice_json(&i, 0)));
}

/* POST /api/v1/orders/<number>/invoices: {"shipment": no} for one shipment, {} for all not billed. */
static int
issue(struct pt_req *req)
{
	static const char *const keys[] = { "shipment" };
	struct or_api_fields fields;
	struct pt_invoice_out out;
	struct pt_rows o;
	long long no = 0;
	json_t *body;
	int rc;

	if ((rc = or_api_body(req, 1, &body)) != PT_OK)
		return rc;
	or_api_fields_init(&fields, req);
	or_api_unknown(&fields, body, NULL, keys, PT_NELEM(keys));
	or_api_int(&fields, body, NULL, "shipment", 0, 1, 9999, &no);
	if (fields.n > 0)
		return or_api_fields_send(&fields);
	memset(&out, 0, sizeof(out));
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_ORDER], &o, PT_BINDS(pt_int(no),
	    pt_str(req->caps[1])))) != PT_OK)
		return or_undo(req, rc);
	if (o.nrows != 1)
		return or_undo(req, pt_api_error(req, 404, "not_found", "No order has this number."));
	if (no > 0 && pt_cell(&o, 0, 1) == NULL)
		return or_undo(req, pt_api_error(req, 404, "not_found",
		    "The order has no shipment of this number."));
	rc = pt_invoice_issue(req, pt_cell_int(&o, 0, 0), no > 0 ? pt_cell_int(&o, 0, 1) : 0, &out);
	return finish(req, rc, &out, 201);
}

/* POST /api/v1/invoices/<number>/paid: {} */
static int
paid(struct pt_req *req)
{
	struct pt_invoice_out out;
	struct pt_rows i;
	int rc;

	if ((rc = or_api_empty_body(req)) != PT_OK)
		return rc;
	memset(&out, 0, sizeof(out));
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_BY_NUMBER], &i, PT_BINDS(pt_str(req->caps[1])))) != PT_OK)
		return or_undo(req, rc);
	if (i.nrows != 1)
		return or_undo(req, pt_api_error(req, 404, "not_found", "No invoice has this number."));
	rc = pt_invoice_mark_paid(req, pt_cell_int(&i, 0, 0), &out);
	if (rc == PT_OK)
		out.id = pt_cell_int(&i, 0, 0);
	return finish(req, rc, &out, 200);
}

static const struct pt_route routes[] = {
	{ PT_POST, OR_API_V1 "orders/" OR_NUMBER_ROUTE "/invoices", issue, 0, OR_API_INVOICES_WRITE },
	{ PT_POST, OR_API_V1 "invoices/(INV-[0-9]{4}-[0-9]{6,9})/paid", paid, 0, OR_API_INVOICES_WRITE },
};

const struct pt_group or_api_invoices_group = { routes, PT_NELEM(routes), sql, SQL__MAX, NULL, 0 };
