/*
 * Returns (RMA).  From an order of which something has arrived, the
 * organisation's people who may return goods (orders.return: buyers,
 * approvers, the customer's admin, a partner's people) pick lines and
 * quantities, a reason and photos (GET and POST /orders/<number>/return);
 * a line may be returned while its product's window is open (return_days
 * after it last arrived), never more than arrived minus what other
 * returns (not rejected) took; a line of no product (free text of an
 * offer) has no window.  The return gets a number R-<year>-<seq>,
 * gapless per year, and its page /orders/returns/<number>.
 *
 * The provider's order desk (orders.desk) finds every organisation's
 * returns at /orders/desk/returns and works them on their page: approve
 * with instructions for sending the goods back, or reject with a reason;
 * mark the goods received; close with a refund (a credit note) or a
 * replacement.  Each step has its timeline row and audit row, and tells
 * the person who asked, in their language.
 *
 * /orders/returns lists the organisation's returns (with orders.read.org
 * or orders.approve; else the reader's own).  Photos are sent by nginx
 * after the worker checked that the reader may see the return.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "orders.h"

/* The BPMN process that handles a return once its goods arrived (processes/). */
#define RETURN_PROCESS		"return-handling"
#define PAGE_SIZE		25
#define RETURN_TEXT_MAX_CHARS	2000
#define PHOTOS_MAX		4
#define PHOTO_MAX_BYTES		(2LL * 1024 * 1024)	/* four of them fit [limits] upload_bytes */

static const char *const reasons[] = { "damaged", "wrong_item", "defective", "not_needed" };
static const char *const return_statuses[] = {
	"requested", "approved", "rejected", "received", "refunded", "replaced"
};

/* A return's row for its page.  Binds: number, staff (0/1), org. */
#define RETURN_GET \
	"SELECT r.id, r.number, r.status, r.reason, r.comment, r.instructions, r.decision_comment," \
	" r.requested_by, q.name, o.number, o.buyer_id, og.name, " OR_ISO("r.created_at") "," \
	" " OR_ISO("r.decided_at") ", d.name, " OR_ISO("r.received_at") ", " OR_ISO("r.closed_at") "," \
	" cn.number, r.org_id, o.id, o.currency" \
	" FROM returns r JOIN orders o ON o.id = r.order_id JOIN orgs og ON og.id = r.org_id" \
	" LEFT JOIN invoices cn ON cn.id = r.credit_note_id" \
	" JOIN users q ON q.id = r.requested_by LEFT JOIN users d ON d.id = r.decided_by" \
	" WHERE r.number = ? AND (? = 1 OR r.org_id = ?)"

/* The lists: binds status x2, all (0/1), org, mine (0/1), user, limit, offset. */
#define LIST_WHERE \
	" FROM returns r WHERE (? = '' OR r.status = ?" \
	"   OR (? = 'open' AND r.status IN ('requested', 'approved', 'received')))" \
	" AND (? = 1 OR r.org_id = ?) AND (? = 0 OR r.requested_by = ?)"

enum returns_sql {
	SQL_ORDER, SQL_LINES, SQL_LOCK, SQL_COUNTER, SQL_INSERT, SQL_INSERT_LINES, SQL_INSERT_FILE,
	SQL_GET, SQL_GET_LINES, SQL_GET_FILES, SQL_GET_EVENTS, SQL_LIST, SQL_COUNT,
	SQL_PHOTO, SQL_RETURN_LOCK, SQL_TOUCH, SQL_TASK, SQL_PROCESS, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* The order a return is asked for, of the reader's organisation.  Binds: number, org. */
	[SQL_ORDER] = { "or_return_order",
	    "SELECT o.id, o.number, o.status, o.buyer_id FROM orders o WHERE o.number = ? AND o.org_id = ?" },
	/*
	 * Each line with what of it has arrived, what returns (but the
	 * rejected) took of it, its product's window, when it last arrived
	 * and until when it may be returned.  Binds: order.
	 */
	[SQL_LINES] = { "or_return_lines",
	    "SELECT x.line_no, x.sku, x.name, x.unit, x.quantity, x.delivered, x.returned,"
	    " x.return_days, " OR_ISO("x.last_at") ","
	    " " OR_ISO("x.last_at + INTERVAL x.return_days DAY") ","
	    " x.return_days > 0 AND x.last_at + INTERVAL x.return_days DAY >= UTC_TIMESTAMP(6)"
	    " FROM (SELECT ol.line_no, ol.sku, ol.name, ol.unit, ol.quantity,"
	    "   COALESCE(p.return_days, 0) AS return_days,"
	    "   (SELECT COALESCE(SUM(sl.quantity), 0) FROM shipment_lines sl"
	    "     JOIN shipments s ON s.id = sl.shipment_id"
	    "     WHERE sl.order_id = ol.order_id AND sl.line_no = ol.line_no"
	    "     AND s.delivered_at IS NOT NULL) AS delivered,"
	    "   (SELECT MAX(s.delivered_at) FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id"
	    "     WHERE sl.order_id = ol.order_id AND sl.line_no = ol.line_no) AS last_at,"
	    "   (SELECT COALESCE(SUM(rl.quantity), 0) FROM return_lines rl JOIN returns r ON r.id = rl.return_id"
	    "     WHERE rl.order_id = ol.order_id AND rl.line_no = ol.line_no"
	    "     AND r.status <> 'rejected') AS returned"
	    "   FROM order_lines ol LEFT JOIN products p ON p.id = ol.product_id WHERE ol.order_id = ?) x"
	    " ORDER BY x.line_no" },
	/* The order's row: returns of one order are counted one after the other. */
	[SQL_LOCK] = { "or_return_lock",
	    "SELECT status FROM orders WHERE id = ? FOR UPDATE" },
	[SQL_COUNTER] = { "or_return_counter",
	    "INSERT INTO return_counters (year, last_no) VALUES (?, 1)"
	    " ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)" },
	/* Binds: number, year, seq, order, org, by, reason, comment. */
	[SQL_INSERT] = { "or_return_insert",
	    "INSERT INTO returns (number, year, seq, order_id, org_id, requested_by, status, reason,"
	    " comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?,"
	    " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))" },
	[SQL_INSERT_LINES] = { "or_return_insert_lines",
	    "INSERT INTO return_lines (return_id, order_id, line_no, quantity) VALUES (?, ?, ?, ?)" },
	[SQL_INSERT_FILE] = { "or_return_insert_file",
	    "INSERT INTO return_files (return_id, filename, content_type, size_bytes, storage_name,"
	    " created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_GET] = { "or_return_get", RETURN_GET },
	[SQL_GET_LINES] = { "or_return_get_lines",
	    "SELECT rl.line_no, ol.sku, ol.name, ol.unit, rl.quantity, ol.unit_price_minor,"
	    " ol.tax_rate_bp FROM return_lines rl"
	    " JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_no = rl.line_no"
	    " WHERE rl.return_id = ? ORDER BY rl.line_no" },
	[SQL_GET_FILES] = { "or_return_get_files",
	    "SELECT id, filename, content_type, size_bytes FROM return_files WHERE return_id = ? ORDER BY id" },
	[SQL_GET_EVENTS] = { "or_return_get_events",
	    "SELECT " OR_ISO("e.at") ", e.status, e.comment, u.name FROM return_events e"
	    " LEFT JOIN users u ON u.id = e.user_id WHERE e.return_id = ? ORDER BY e.id" },
	[SQL_LIST] = { "or_return_list",
	    "SELECT r.number, r.status, r.reason, " OR_ISO("r.created_at") ", o.number, og.name, q.name,"
	    " (SELECT COALESCE(SUM(rl.quantity), 0) FROM return_lines rl WHERE rl.return_id = r.id)"
	    " FROM (SELECT r.id" LIST_WHERE " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?) p"
	    " JOIN returns r ON r.id = p.id JOIN orders o ON o.id = r.order_id"
	    " JOIN orgs og ON og.id = r.org_id JOIN users q ON q.id = r.requested_by"
	    " ORDER BY r.created_at DESC, r.id DESC" },
	[SQL_COUNT] = { "or_return_count",
	    "SELECT COUNT(*) FROM (SELECT 1" LIST_WHERE " LIMIT 10001) c" },
	/* A photo of a return the reader may see.  Binds: id, number, staff, org. */
	[SQL_PHOTO] = { "or_return_photo",
	    "SELECT f.storage_name, f.content_type, f.filename, r.requested_by"
	    " FROM return_files f JOIN returns r ON r.id = f.return_id"
	    " WHERE f.id = ? AND r.number = ? AND (? = 1 OR r.org_id = ?)" },
	[SQL_RETURN_LOCK] = { "or_return_row_lock",
	    "SELECT id, status, order_id, org_id FROM returns WHERE number = ? FOR UPDATE" },
	/* The return's inspection task still open or being completed.  Binds: number. */
	[SQL_TASK] = { "or_return_task",
	    "SELECT t.id, t.state FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id"
	    " JOIN flow_definitions d ON d.id = i.definition_id"
	    " WHERE t.business_key = ? AND t.state IN ('open', 'completing')"
	    " AND t.element_id = 'inspect' AND d.process_key = '" RETURN_PROCESS "'"
	    " ORDER BY t.id DESC LIMIT 1" },
	/* Whether the return's process runs, or is asked to start.  Binds: number x2. */
	[SQL_PROCESS] = { "or_return_process",
	    "SELECT (SELECT COUNT(*) FROM flow_instances i JOIN flow_definitions d"
	    "   ON d.id = i.definition_id WHERE i.business_key = ? AND i.state IN ('running', 'suspended')"
	    "   AND d.process_key = '" RETURN_PROCESS "')"
	    " + (SELECT COUNT(*) FROM flow_commands c WHERE c.kind = 'start' AND c.failed_at IS NULL"
	    "   AND c.process_key = '" RETURN_PROCESS "' AND c.business_key = ?)" },
	/* A return changes what its order's page shows: its kept page's stamp moves (kept.c). */
	[SQL_TOUCH] = { "or_return_touch_order",
	    "UPDATE orders SET updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
};

enum { O_ID, O_NUMBER, O_STATUS, O_BUYER };
enum {
	L_NO, L_SKU, L_NAME, L_UNIT, L_QTY, L_DELIVERED, L_RETURNED, L_DAYS, L_LAST, L_UNTIL, L_OPEN
};
enum {
	R_ID, R_NUMBER, R_STATUS, R_REASON, R_COMMENT, R_INSTRUCTIONS, R_DECISION, R_BY_ID, R_BY,
	R_ORDER, R_BUYER, R_ORG, R_CREATED, R_DECIDED, R_DECIDER, R_RECEIVED, R_CLOSED, R_CREDIT,
	R_ORG_ID, R_ORDER_ID, R_CURRENCY
};

/* "R-2026-000001": R-, four digits, '-', six to nine digits. */
#define RETURN_ROUTE	"(R-[0-9]{4}-[0-9]{6,9})"

static int
number_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n >= 13 && n <= 16 && strncmp(s, "R-", 2) == 0 &&
	    strspn(s + 2, "0123456789") == 4 && s[6] == '-' && strspn(s + 7, "0123456789") == n - 7;
}

static const char *
return_href(struct pt_req *req, const char *number)
{
	return pt_printf(req, "/orders/returns/%s", number);
}

/* What of a line may be returned now (rows of SQL_LINES): 0 once its window closed. */
static long long
returnable(const struct pt_rows *l, size_t i)
{
	long long left = pt_cell_int(l, i, L_DELIVERED) - pt_cell_int(l, i, L_RETURNED);

	return pt_cell_int(l, i, L_OPEN) == 1 && left > 0 ? left : 0;
}

int
or_returnable_lines(struct pt_req *req, const char *order_id, struct pt_rows *lines, int *any)
{
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LINES], lines, PT_BINDS(pt_str(order_id)))) != PT_OK)
		return rc;
	*any = 0;
	for (i = 0; i < lines->nrows; i++)
		if (returnable(lines, i) > 0)
			*any = 1;
	return PT_OK;
}

/* ---- asking for a return ------------------------------------------------- */

/* The order of the reader's organisation that they may return goods of; else the answer. */
static int
find_order(struct pt_req *req, struct pt_rows *o)
{
	int rc;

	if (!or_number_ok(req->caps[1]))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_ORDER], o, PT_BINDS(pt_str(req->caps[1]),
	    pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	if (o->nrows != 1)
		return pt_error_page(req, 404, NULL);
	if (!pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_APPROVE) &&
	    pt_cell_int(o, 0, O_BUYER) != req->session.user->id)
		return pt_error_page(req, 403, NULL);
	return PT_OK;
}

/* The form to ask for a return, with status. */
static int
new_page(struct pt_req *req, int status, const struct pt_rows *o)
{
	struct pt_rows lines;
	xmlNodePtr n, ls;
	size_t i;
	int rc, any;

	if ((rc = or_returnable_lines(req, pt_cell(o, 0, O_ID), &lines, &any)) != PT_OK)
		return rc;
	n = pt_node(req->page, "return-new", NULL);
	pt_attr(n, "order", pt_cell(o, 0, O_NUMBER));
	pt_attr(n, "order-href", or_order_href(req, pt_cell(o, 0, O_NUMBER)));
	if (any)
		pt_attr(n, "returnable", "1");
	ls = pt_node(n, "lines", NULL);
	for (i = 0; i < lines.nrows; i++) {
		xmlNodePtr l = pt_node(ls, "line", pt_cell(&lines, i, L_NAME));

		pt_attr(l, "no", pt_cell(&lines, i, L_NO));
		pt_attr(l, "sku", pt_cell(&lines, i, L_SKU));
		pt_attr(l, "unit", pt_cell(&lines, i, L_UNIT));
		pt_attr(l, "quantity", pt_cell(&lines, i, L_QTY));
		pt_attr(l, "delivered", pt_cell(&lines, i, L_DELIVERED));
		pt_attr(l, "returned", pt_cell(&lines, i, L_RETURNED));
		pt_attr_int(l, "returnable", returnable(&lines, i));
		pt_attr(l, "return-days", pt_cell(&lines, i, L_DAYS));
		if (pt_cell(&lines, i, L_UNTIL) != NULL)
			pt_attr(l, "until", pt_cell(&lines, i, L_UNTIL));
	}
	pt_limit(req, "comment", RETURN_TEXT_MAX_CHARS);
	req->view = "return-new";
	return status;
}

/* GET /orders/<number>/return */
static int
new_form(struct pt_req *req)
{
	struct pt_rows o;
	int rc;

	if ((rc = find_order(req, &o)) != PT_OK)
		return rc;
	return new_page(req, 200, &o);
}

struct photo {
	const struct pt_upload		*up;
	const struct pt_file_type	*type;
	const char			*name, *path;
	char				 storage[65];
};

/* The photos sent (field "photos"): images, at most PHOTOS_MAX of PHOTO_MAX_BYTES.  Errors at the field. */
static size_t
read_photos(struct pt_req *req, struct photo *p, int *bad)
{
	size_t i, n = 0;

	*bad = 0;
	for (i = 0; i < req->nuploads; i++) {
		const struct pt_upload *up = &req->uploads[i];

		if (strcmp(up->field, "photos") != 0 || up->len == 0)
			continue;
		if (n == PHOTOS_MAX) {
			pt_message_max(req, "orders.return.photos.too-many", "photos", PHOTOS_MAX);
			*bad = 1;
			return n;
		}
		if ((long long)up->len > PHOTO_MAX_BYTES) {
			pt_message_max(req, "orders.return.photos.size", "photos",
			    (long)(PHOTO_MAX_BYTES / (1024 * 1024)));
			*bad = 1;
			return n;
		}
		p[n].up = up;
		p[n].path = NULL;
		if ((p[n].type = pt_file_sniff(up->data, up->len)) == NULL ||
		    strncmp(p[n].type->type, "image/", 6) != 0) {
			pt_message(req, "error", "orders.return.photos.type", "photos");
			*bad = 1;
			return n;
		}
		n++;
	}
	return n;
}

static void
forget_photos(struct pt_req *req, const struct photo *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i].path != NULL && unlink(p[i].path) != 0)
			pt_log(req, PT_LOG_WARN, "unlink %s failed", p[i].path);
}

/* The year's next RMA number into seq (gapless: the counter's row stays locked). */
static int
next_seq(struct pt_req *req, int year, long long *seq)
{
	unsigned long long n = 0;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_COUNTER], PT_BINDS(pt_int(year)), &n)) != PT_OK)
		return rc;
	*seq = n == 1 ? 1 : (long long)pt_db_insert_id();
	return *seq >= 1 ? PT_OK : PT_EDB;
}

/*
 * Check the typed quantities (names[i] "qty_<line>", values[i]) against
 * the lines as they are now, with the order locked: a message at each
 * field that asks too much; the lines to return into b (4 binds each,
 * return id left 0) and their count into *n.  Returns the number of
 * problems.
 */
static int
check_quantities(struct pt_req *req, const struct pt_rows *lines, const char *const *names,
    const char *const *values, size_t nv, struct pt_bind *b, size_t *n, long long order_id)
{
	int bad = 0;
	size_t i, j;

	*n = 0;
	for (i = 0; i < nv; i++) {
		long long line = or_qty_field(names[i]), q = or_qty_typed(values[i]), left = -1;

		for (j = 0; j < lines->nrows; j++)
			if (pt_cell_int(lines, j, L_NO) == line)
				left = returnable(lines, j);
		if (q < 0) {
			pt_message_range(req, "input.integer", names[i], 0, OR_QTY_MAX);
			bad++;
		} else if (q > 0 && left < 0) {
			pt_message(req, "error", "orders.fulfil.no-line", names[i]);
			bad++;
		} else if (q > left) {
			if (left == 0)
				pt_message(req, "error", "orders.return.none-left", names[i]);
			else
				pt_message_max(req, "orders.return.too-many", names[i], (long)left);
			bad++;
		} else if (q > 0) {
			b[4 * *n] = pt_int(0);
			b[4 * *n + 1] = pt_int(order_id);
			b[4 * *n + 2] = pt_int(line);
			b[4 * *n + 3] = pt_int(q);
			(*n)++;
		}
	}
	if (bad == 0 && *n == 0) {
		pt_message(req, "error", "orders.return.nothing", "lines");
		bad++;
	}
	return bad;
}

/* POST /orders/<number>/return: qty_<line>, reason, comment, photos (multipart). */
static int
create(struct pt_req *req)
{
	static const struct pt_input inputs[] = {
		{ "reason", PT_IN_CHOICE, 1, 0, 0, reasons, PT_NELEM(reasons) },
		{ "comment", PT_IN_TEXT, 0, 0, RETURN_TEXT_MAX_CHARS, NULL, 0 },
	};
	const struct pt_user *u = req->session.user;
	struct photo photos[PHOTOS_MAX];
	struct pt_rows o, lines, lock;
	struct pt_bind *b;
	const char *v[2], **names, **values, *number, *after;
	long long order_id, seq, return_id;
	size_t i, nq = 0, nlines, nphotos;
	int rc, bad, photos_bad, any;
	time_t now = time(NULL);
	struct tm tm;

	if ((rc = find_order(req, &o)) != PT_OK)
		return rc;
	order_id = pt_cell_int(&o, 0, O_ID);
	if ((names = pt_alloc(req, (req->form.n + 3) * sizeof(*names))) == NULL ||
	    (values = pt_alloc(req, (req->form.n + 3) * sizeof(*values))) == NULL ||
	    (b = pt_alloc(req, (req->form.n + 1) * 4 * sizeof(*b))) == NULL)
		return PT_ENOMEM;
	if ((bad = pt_input_read(req, inputs, PT_NELEM(inputs), v)) < 0)
		return bad;
	names[0] = "reason";
	names[1] = "comment";
	values[0] = v[0];
	values[1] = v[1];
	for (i = 0; i < req->form.n; i++) {
		const char *f = req->form.v[i].name;

		if (or_qty_field(f) == 0)
			continue;
		names[2 + nq] = f;
		if ((values[2 + nq] = pt_form_trim(req, f)) == NULL)
			return PT_ENOMEM;
		nq++;
	}
	pt_form_values(req, "return", names, values, 2 + nq);
	nphotos = read_photos(req, photos, &photos_bad);
	bad += photos_bad;
	for (i = 0; i < nphotos && !photos_bad; i++) {
		if ((photos[i].name = pt_file_name(req, photos[i].up->filename, photos[i].type)) == NULL)
			return PT_ENOMEM;
		if ((rc = pt_file_store(req, "orders", photos[i].up->data, photos[i].up->len,
		    photos[i].storage, &photos[i].path)) != PT_OK) {
			forget_photos(req, photos, i);
			return rc == PT_ESYS ? PT_EDB : rc;
		}
	}
	if (photos_bad)
		nphotos = 0;
	if ((rc = pt_db_begin(req)) != PT_OK)
		goto fail;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(order_id)))) != PT_OK ||
	    (rc = or_returnable_lines(req, pt_cell(&o, 0, O_ID), &lines, &any)) != PT_OK)
		goto undo;
	bad += check_quantities(req, &lines, names + 2, values + 2, nq, b, &nlines, order_id);
	if (bad > 0) {
		pt_db_rollback(req);
		forget_photos(req, photos, nphotos);
		if (nphotos > 0)
			pt_message(req, "info", "orders.return.photos.again", "photos");
		return new_page(req, 422, &o);
	}
	gmtime_r(&now, &tm);
	if ((rc = next_seq(req, tm.tm_year + 1900, &seq)) != PT_OK)
		goto undo;
	number = pt_printf(req, "R-%04d-%06lld", tm.tm_year + 1900, seq);
	if ((rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(number), pt_int(tm.tm_year + 1900),
	    pt_int(seq), pt_int(order_id), pt_int(u->org_id), pt_int(u->id), pt_str(v[0]),
	    pt_str(v[1])), NULL)) != PT_OK)
		goto undo;
	return_id = (long long)pt_db_insert_id();
	for (i = 0; i < nlines; i++)
		b[4 * i] = pt_int(return_id);
	if ((rc = pt_db_exec_rows(req, &sql[SQL_INSERT_LINES], b, 4, nlines, NULL)) != PT_OK)
		goto undo;
	for (i = 0; i < nphotos; i++)
		if ((rc = pt_db_exec(req, &sql[SQL_INSERT_FILE], PT_BINDS(pt_int(return_id),
		    pt_str(photos[i].name), pt_str(photos[i].type->type),
		    pt_int((long long)photos[i].up->len), pt_str(photos[i].storage)), NULL)) != PT_OK)
			goto undo;
	if ((rc = pt_return_event(req, return_id, "requested", v[1])) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_TOUCH], PT_BINDS(pt_int(order_id)), NULL)) != PT_OK)
		goto undo;
	after = pt_printf(req, "{\"number\":\"%s\",\"order\":\"%s\",\"reason\":\"%s\",\"lines\":%zu,"
	    "\"photos\":%zu}", number, pt_cell(&o, 0, O_NUMBER), v[0], nlines, nphotos);
	if ((rc = pt_audit(req, "return.request", "return", pt_printf(req, "%lld", return_id), NULL,
	    after)) != PT_OK || (rc = pt_db_commit(req)) != PT_OK)
		goto undo;
	return pt_redirect(req, pt_printf(req, "%s?requested=1", return_href(req, number)));
undo:
	pt_db_rollback(req);
fail:
	forget_photos(req, photos, nphotos);
	return rc;
}

/* ---- a return's page ------------------------------------------------------ */

/*
 * The return with this number that the reader may see: the provider's
 * desk every one, others their organisation's (with orders.read.org or
 * orders.approve, else those they asked for); else the answer (404, 403).
 */
static int
find_return(struct pt_req *req, const char *number, struct pt_rows *r)
{
	const struct pt_user *u = req->session.user;
	int staff = pt_can(req, OR_PERM_DESK), rc;

	if (!number_ok(number))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_GET], r, PT_BINDS(pt_str(number), pt_int(staff),
	    pt_int(u->org_id)))) != PT_OK)
		return rc;
	if (r->nrows != 1)
		return pt_error_page(req, 404, NULL);
	if (!staff && !pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_APPROVE) &&
	    pt_cell_int(r, 0, R_BY_ID) != u->id)
		return pt_error_page(req, 403, NULL);
	return PT_OK;
}

static void
text_node(xmlNodePtr parent, const char *name, const char *v)
{
	if (v != NULL && *v != '\0')
		pt_node(parent, name, v);
}

/* The return's inspection task: *id 0 when none is open, *completing while flowd has not taken it. */
static int
inspection(struct pt_req *req, const char *number, long long *id, int *completing)
{
	struct pt_rows t;
	int rc;

	*id = 0;
	*completing = 0;
	if ((rc = pt_db_query(req, &sql[SQL_TASK], &t, PT_BINDS(pt_str(number)))) != PT_OK)
		return rc;
	if (t.nrows == 1) {
		*id = pt_cell_int(&t, 0, 0);
		*completing = strcmp(pt_cell(&t, 0, 1), "completing") == 0;
	}
	return PT_OK;
}

static int
return_page(struct pt_req *req, int status, const char *number)
{
	struct pt_rows r, lines, files, events;
	const char *id, *st;
	xmlNodePtr n, l, a;
	size_t i;
	int rc;

	if ((rc = find_return(req, number, &r)) != PT_OK)
		return rc;
	id = pt_cell(&r, 0, R_ID);
	if ((rc = pt_db_query(req, &sql[SQL_GET_LINES], &lines, PT_BINDS(pt_str(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_GET_FILES], &files, PT_BINDS(pt_str(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_GET_EVENTS], &events, PT_BINDS(pt_str(id)))) != PT_OK)
		return rc;
	st = pt_cell(&r, 0, R_STATUS);
	n = pt_node(req->page, "return", NULL);
	pt_attr(n, "number", number);
	pt_attr(n, "href", return_href(req, number));
	pt_attr(n, "status", st);
	pt_attr(n, "reason", pt_cell(&r, 0, R_REASON));
	pt_attr(n, "created", pt_cell(&r, 0, R_CREATED));
	pt_attr(n, "order", pt_cell(&r, 0, R_ORDER));
	pt_attr(n, "currency", pt_cell(&r, 0, R_CURRENCY));
	pt_attr(n, "back", pt_can(req, OR_PERM_DESK) ? "/orders/desk/returns" : "/orders/returns");
	if (pt_cell(&r, 0, R_ORG_ID) != NULL && pt_cell_int(&r, 0, R_ORG_ID) == req->session.user->org_id)
		pt_attr(n, "order-href", or_order_href(req, pt_cell(&r, 0, R_ORDER)));
	else
		pt_attr(n, "order-href", pt_printf(req, "/orders/desk/%s", pt_cell(&r, 0, R_ORDER)));
	if (pt_cell(&r, 0, R_CREDIT) != NULL) {
		pt_attr(n, "credit-note", pt_cell(&r, 0, R_CREDIT));
		pt_attr(n, "credit-note-href", pt_invoice_href(req, pt_cell(&r, 0, R_CREDIT)));
	}
	pt_node(n, "org", pt_cell(&r, 0, R_ORG));
	pt_node(n, "requested-by", pt_cell(&r, 0, R_BY));
	text_node(n, "comment", pt_cell(&r, 0, R_COMMENT));
	text_node(n, "instructions", pt_cell(&r, 0, R_INSTRUCTIONS));
	text_node(n, "decision-comment", pt_cell(&r, 0, R_DECISION));
	l = pt_node(n, "lines", NULL);
	for (i = 0; i < lines.nrows; i++) {
		xmlNodePtr x = pt_node(l, "line", pt_cell(&lines, i, 2));

		pt_attr(x, "no", pt_cell(&lines, i, 0));
		pt_attr(x, "sku", pt_cell(&lines, i, 1));
		pt_attr(x, "unit", pt_cell(&lines, i, 3));
		pt_attr(x, "quantity", pt_cell(&lines, i, 4));
		pt_attr(x, "unit-minor", pt_cell(&lines, i, 5));
	}
	l = pt_node(n, "photos", NULL);
	for (i = 0; i < files.nrows; i++) {
		xmlNodePtr x = pt_node(l, "photo", pt_cell(&files, i, 1));

		pt_attr(x, "href", pt_printf(req, "%s/photos/%s", return_href(req, number),
		    pt_cell(&files, i, 0)));
		pt_attr(x, "type", pt_cell(&files, i, 2));
		pt_attr(x, "bytes", pt_cell(&files, i, 3));
	}
	l = pt_node(n, "timeline", NULL);
	for (i = 0; i < events.nrows; i++) {
		xmlNodePtr e = pt_node(l, "event", NULL);

		pt_attr(e, "at", pt_cell(&events, i, 0));
		pt_attr(e, "status", pt_cell(&events, i, 1));
		text_node(e, "comment", pt_cell(&events, i, 2));
		text_node(e, "by", pt_cell(&events, i, 3));
	}
	a = pt_node(n, "actions", NULL);
	if (pt_can(req, OR_PERM_DESK)) {
		if (strcmp(st, "requested") == 0)
			pt_attr(a, "decide", "1");
		else if (strcmp(st, "approved") == 0)
			pt_attr(a, "receive", "1");
		else if (strcmp(st, "received") == 0) {
			long long task;
			int completing;

			if ((rc = inspection(req, number, &task, &completing)) != PT_OK)
				return rc;
			pt_attr(a, "close", completing ? "recorded" : "1");
		}
	}
	pt_limit(req, "instructions", RETURN_TEXT_MAX_CHARS);
	pt_limit(req, "reason", RETURN_TEXT_MAX_CHARS);
	pt_limit(req, "receive_note", RETURN_TEXT_MAX_CHARS);
	pt_limit(req, "refund_note", RETURN_TEXT_MAX_CHARS);
	pt_limit(req, "replace_note", RETURN_TEXT_MAX_CHARS);
	or_flash(req, "requested", "orders.return.done.requested");
	or_flash(req, "done", "orders.return.done.step");
	req->view = "return";
	return status;
}

/* GET /orders/returns/<number> */
static int
show(struct pt_req *req)
{
	return return_page(req, 200, req->caps[1]);
}

/* GET /orders/returns/<number>/photos/<id> */
static int
photo(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	int staff = pt_can(req, OR_PERM_DESK), rc;
	struct pt_rows f;

	if (!number_ok(req->caps[1]) || !pt_valid(PT_V_ID, req->caps[2], strlen(req->caps[2])))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_PHOTO], &f, PT_BINDS(pt_int(strtoll(req->caps[2], NULL, 10)),
	    pt_str(req->caps[1]), pt_int(staff), pt_int(u->org_id)))) != PT_OK)
		return rc;
	if (f.nrows != 1)
		return pt_error_page(req, 404, NULL);
	if (!staff && !pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_APPROVE) &&
	    pt_cell_int(&f, 0, 3) != u->id)
		return pt_error_page(req, 403, NULL);
	rc = pt_send_file(req, pt_printf(req, "orders/%s", pt_cell(&f, 0, 0)), pt_cell(&f, 0, 1),
	    pt_cell(&f, 0, 2), 1);
	return rc == PT_OK ? 200 : rc;
}

/* ---- the lists ------------------------------------------------------------ */

static int
list_page(struct pt_req *req, int all)
{
	const struct pt_user *u = req->session.user;
	const char *status = pt_query(req, "status");
	int mine = !all && !pt_can(req, OR_PERM_READ_ORG) && !pt_can(req, OR_PERM_APPROVE);
	long long page = pt_query_page(req), total;
	struct pt_rows rows, count;
	struct pt_bind b[10];
	xmlNodePtr l, p;
	size_t i;
	int rc;

	/* open (the desk's default), all (the organisation's default), or one status */
	if (status == NULL || (strcmp(status, "open") != 0 && strcmp(status, "all") != 0 &&
	    !pt_one_of(status, return_statuses, PT_NELEM(return_statuses))))
		status = all ? "open" : "all";
	pt_attr(l = pt_node(req->page, "returns", NULL), "status", status);
	if (strcmp(status, "all") == 0)
		status = "";
	b[0] = pt_str(status);
	b[1] = pt_str(status);
	b[2] = pt_str(status);
	b[3] = pt_int(all);
	b[4] = pt_int(u->org_id);
	b[5] = pt_int(mine);
	b[6] = pt_int(u->id);
	b[7] = pt_int(PAGE_SIZE);
	b[8] = pt_int((page - 1) * PAGE_SIZE);
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, b, 9)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COUNT], &count, b, 7)) != PT_OK)
		return rc;
	total = pt_cell_int(&count, 0, 0);
	pt_attr(l, "scope", all ? "desk" : mine ? "mine" : "org");
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr r = pt_node(l, "return", NULL);

		pt_attr(r, "number", pt_cell(&rows, i, 0));
		pt_attr(r, "href", return_href(req, pt_cell(&rows, i, 0)));
		pt_attr(r, "status", pt_cell(&rows, i, 1));
		pt_attr(r, "reason", pt_cell(&rows, i, 2));
		pt_attr(r, "created", pt_cell(&rows, i, 3));
		pt_attr(r, "order", pt_cell(&rows, i, 4));
		pt_attr(r, "pieces", pt_cell(&rows, i, 7));
		pt_node(r, "org", pt_cell(&rows, i, 5));
		pt_node(r, "requested-by", pt_cell(&rows, i, 6));
	}
	p = pt_pager(l, page, total > 10000 ? 10000 : total, PAGE_SIZE);
	if (total > 10000)
		pt_attr(p, "more", "1");
	req->view = "returns";
	return 200;
}

/* GET /orders/returns: the organisation's (or the reader's own). */
static int
list(struct pt_req *req)
{
	if (!pt_can(req, OR_PERM_RETURN) && !pt_can(req, OR_PERM_READ_ORG))
		return pt_error_page(req, 403, NULL);
	return list_page(req, 0);
}

/* GET /orders/desk/returns: every organisation's, by default those still open. */
static int
desk_list(struct pt_req *req)
{
	return list_page(req, 1);
}

/* ---- the desk's steps ----------------------------------------------------- */

/*
 * The goods arrived: the process return-handling starts (business key
 * the RMA number, in the return's organisation) with its inspection.
 */
static int
start_handling(struct pt_req *req, const struct pt_rows *lock, const char *number)
{
	const struct pt_flow_var v[] = {
		PT_FLOW_NUM("return_id", (double)pt_cell_int(lock, 0, 0)),
		PT_FLOW_NUM("order_id", (double)pt_cell_int(lock, 0, 2)),
	};

	return pt_flow_start(req, RETURN_PROCESS, number, pt_cell_int(lock, 0, 3),
	    req->session.user->id, v, PT_NELEM(v));
}

/*
 * Refund or replace once the goods arrived: the desk's button is the
 * inspection's outcome.  The desk closes the return at once (so that a
 * refused credit note is said on the spot) and completes the inspection
 * task of the return's process as accepted, with the note as findings;
 * flowd's return.set then finds the return closed.  A return without a
 * process (it arrived before processes ran returns) is closed all the
 * same; one whose process has not made its task yet waits for it.
 */
static int
inspected(struct pt_req *req, const char *number, const char *to, const char *text,
    const char **refusal)
{
	struct pt_rows p;
	long long task;
	int rc, completing;

	if ((rc = inspection(req, number, &task, &completing)) != PT_OK)
		return rc;
	if (completing) {
		*refusal = "orders.return.recorded";
		return PT_OK;
	}
	if (task == 0) {
		if ((rc = pt_db_query(req, &sql[SQL_PROCESS], &p, PT_BINDS(pt_str(number),
		    pt_str(number)))) != PT_OK)
			return rc;
		if (pt_cell_int(&p, 0, 0) > 0)
			*refusal = "orders.return.preparing";
		return PT_OK;
	}
	{
		const struct pt_flow_var v[] = {
			PT_FLOW_BOOL("accepted", 1),
			PT_FLOW_BOOL("replace", strcmp(to, "replaced") == 0),
			PT_FLOW_STR("findings", text),
		};

		rc = pt_flow_complete(req, task, req->session.user->id, v, PT_NELEM(v));
	}
	if (rc == PT_ENOTFOUND) {	/* completed in the inbox meanwhile */
		*refusal = "orders.return.recorded";
		return PT_OK;
	}
	return rc;
}

/*
 * A step of the desk: from status from to status to, with a text (the
 * instructions, a reason, a note) required or not, kept in field.
 */
static int
step(struct pt_req *req, const char *from, const char *to, const char *field, int required)
{
	const struct pt_input in = { field, PT_IN_TEXT, required, 0, RETURN_TEXT_MAX_CHARS, NULL, 0 };
	const char *number = req->caps[1], *text, *refusal = NULL;
	struct pt_rows lock;
	int rc;

	if (!number_ok(number))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_input_read(req, &in, 1, &text)) < 0)
		return rc;
	pt_form_values(req, to, (const char *const[]){ field }, &text, 1);
	if (rc > 0)
		return return_page(req, 422, number);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_RETURN_LOCK], &lock, PT_BINDS(pt_str(number)))) != PT_OK)
		return or_undo(req, rc);
	if (lock.nrows != 1) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	if (strcmp(pt_cell(&lock, 0, 1), from) != 0) {
		pt_db_rollback(req);
		pt_message(req, "error", pt_printf(req, "orders.return.not-%s", from), NULL);
		return return_page(req, 422, number);
	}
	if (strcmp(from, "received") == 0 &&
	    (rc = inspected(req, number, to, text, &refusal)) != PT_OK)
		return or_undo(req, rc);
	if (refusal == NULL &&
	    (rc = pt_return_step(req, pt_cell_int(&lock, 0, 0), to, text, &refusal)) != PT_OK)
		return or_undo(req, rc);
	if (refusal != NULL) {
		pt_db_rollback(req);
		pt_message(req, "error", refusal, NULL);
		return return_page(req, 422, number);
	}
	if ((strcmp(to, "received") == 0 && (rc = start_handling(req, &lock, number)) != PT_OK) ||
	    (rc = pt_db_commit(req)) != PT_OK)
		return or_undo(req, rc);
	return pt_redirect(req, pt_printf(req, "%s?done=1", return_href(req, number)));
}

static int approve(struct pt_req *req) { return step(req, "requested", "approved", "instructions", 1); }
static int reject(struct pt_req *req)  { return step(req, "requested", "rejected", "reason", 1); }
static int receive(struct pt_req *req) { return step(req, "approved", "received", "receive_note", 0); }
static int replace(struct pt_req *req) { return step(req, "received", "replaced", "replace_note", 0); }
static int refund(struct pt_req *req)  { return step(req, "received", "refunded", "refund_note", 0); }

#define RETURN "/orders/returns/" RETURN_ROUTE

static const struct pt_route routes[] = {
	{ PT_GET,  "/orders/" OR_NUMBER_ROUTE "/return", new_form, PT_R_LOGIN, OR_PERM_RETURN },
	{ PT_POST, "/orders/" OR_NUMBER_ROUTE "/return", create,   PT_R_LOGIN, OR_PERM_RETURN },
	{ PT_GET,  "/orders/returns",		list,		PT_R_LOGIN, OR_PERM_READ },
	{ PT_GET,  "/orders/desk/returns",	desk_list,	PT_R_LOGIN, OR_PERM_DESK },
	{ PT_GET,  RETURN,			show,		PT_R_LOGIN, OR_PERM_READ },
	{ PT_GET,  RETURN "/photos/([0-9]{1,18})", photo,	PT_R_LOGIN, OR_PERM_READ },
	{ PT_POST, RETURN "/approve",		approve,	PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, RETURN "/reject",		reject,		PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, RETURN "/receive",		receive,	PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, RETURN "/replace",		replace,	PT_R_LOGIN, OR_PERM_DESK },
	{ PT_POST, RETURN "/refund",		refund,		PT_R_LOGIN, OR_PERM_DESK },
};

static const char *const views[] = { "return-new", "return", "returns" };

const struct pt_group or_returns_group = PT_GROUP(routes, sql, views);
