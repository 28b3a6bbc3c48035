/*
 * What the pages of orders share: the order number's form and path, the
 * states of an order, a row of an order's timeline, and an order in a
 * list and an address on a page.
 */
#include <stdlib.h>
#include <string.h>

#include "orders.h"

enum common_sql { SQL_BILLED, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* What the order's invoices bill less what its credit notes credit (theirs are negative). */
	[SQL_BILLED] = { "or_order_billed",
	    "SELECT COALESCE(SUM(gross_minor), 0) FROM invoices WHERE order_id = ?" },
};

/* Registered by the worker with the other groups' statements. */
const struct pt_group or_order_common_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

const char *const or_statuses[OR_NSTATUSES] = {
	"submitted", "awaiting_approval", "approved", "rejected", "confirmed", "partly_shipped",
	"shipped", "delivered", "cancelled"
};

int
or_number_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n >= 13 && n <= 16 && strncmp(s, "O-", 2) == 0 &&
	    strspn(s + 2, "0123456789") == 4 && s[6] == '-' &&
	    strspn(s + 7, "0123456789") == n - 7;
}

long long
or_qty_typed(const char *v)
{
	size_t n = strlen(v);

	if (n == 0)
		return 0;
	if (n > 5 || strspn(v, "0123456789") != n)	/* OR_QTY_MAX */
		return -1;
	return strtoll(v, NULL, 10);
}

long long
or_qty_field(const char *name)
{
	const char *no = strncmp(name, "qty_", 4) == 0 ? name + 4 : "";
	size_t n = strlen(no);

	if (n == 0 || n > 5 || strspn(no, "0123456789") != n)
		return 0;
	return strtoll(no, NULL, 10);
}

int
or_search_read(struct pt_req *req, struct or_search *s)
{
	if ((s->q = pt_query_trim(req, "q")) == NULL)
		return PT_ENOMEM;
	if (pt_text_chars(s->q, 0) < 0 || pt_chars(s->q) > PT_FILTER_MAX_CHARS)
		s->q = "";
	s->number = or_number_ok(s->q) ? s->q : "";
	s->po_like = *s->number == '\0' && *s->q != '\0' ? pt_sql_like_prefix(req, s->q) : "";
	return s->po_like != NULL ? PT_OK : PT_ENOMEM;
}

const char *
or_order_href(struct pt_req *req, const char *number)
{
	return pt_printf(req, "/orders/%s", number);
}

int
or_cancellable(const char *status)
{
	static const char *const open[] = { "submitted", "awaiting_approval", "approved", "confirmed" };

	return pt_one_of(status, open, PT_NELEM(open));
}

int
or_order_billed(struct pt_req *req, long long order_id, long long *minor)
{
	struct pt_rows r;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_BILLED], &r, PT_BINDS(pt_int(order_id)))) != PT_OK)
		return rc;
	*minor = r.nrows == 1 ? pt_cell_int(&r, 0, 0) : 0;
	return PT_OK;
}

int
or_order_event(struct pt_req *req, long long order_id, const char *status, const char *comment,
    int by_reader)
{
	return pt_order_event(req, order_id, by_reader ? req->session.user->id : 0, status, comment);
}

xmlNodePtr
or_summary_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows, size_t r)
{
	static const char *const attrs[] = {
		"number", "status", "created", "currency", "net", "tax", "gross", "budget-reason"
	};
	xmlNodePtr o = pt_node(parent, "order", NULL);
	size_t i;

	for (i = 0; i < PT_NELEM(attrs); i++)
		if (pt_cell(rows, r, i) != NULL)
			pt_attr(o, attrs[i], pt_cell(rows, r, i));
	pt_attr(o, "href", or_order_href(req, pt_cell(rows, r, 0)));
	pt_node(o, "po-number", pt_cell(rows, r, 8));
	pt_attr(pt_node(o, "buyer", pt_cell(rows, r, 9)), "id", pt_cell(rows, r, 10));
	return o;
}

xmlNodePtr
or_address_node(xmlNodePtr parent, const struct pt_rows *rows, size_t r, size_t col)
{
	static const char *const parts[] = {
		"label", "recipient", "street", "street2", "postal-code", "city"
	};
	xmlNodePtr a = pt_node(parent, "address", NULL);
	size_t i;

	pt_attr(a, "country", pt_cell(rows, r, col + PT_NELEM(parts)));
	for (i = 0; i < PT_NELEM(parts); i++)
		pt_node(a, parts[i], pt_cell(rows, r, col + i));
	return a;
}
