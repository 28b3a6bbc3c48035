/*
 * A price list from CSV (catalogue.manage, /orders/admin/import): upload,
 * preview, confirm.  The file is parsed by libcsv (Debian libcsv-dev) in
 * strict mode: a header line naming the columns sku, currency and price
 * (in any order and case; other columns are ignored), then one list price
 * a line.  Fields are separated by commas, or by semicolons when the
 * header has more of those (as spreadsheets write for a decimal comma);
 * quoted fields may hold separators, doubled quotes and line breaks; the
 * text is UTF-8 (a byte order mark is skipped), with LF or CRLF line ends.
 *
 * Every line is checked against the whole catalogue before anything is
 * kept: each error is reported with its line number (the line its record
 * starts on), and a file with any error is refused whole (422).  A valid
 * file is kept in catalogue_imports and shown with each price's old and
 * new value; confirming it parses the kept file again in the transaction
 * that writes the prices, so it is applied only while still valid, and
 * only once.  Every price changed gets its audit row, and the import one.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "orders.h"

#define PAGE		OR_ADMIN "import"
#define FILE_MAX_BYTES	(1024 * 1024)
#define ROWS_MAX	10000	/* price lines in one file */
#define ERRORS_MAX	100	/* shown; the count goes on */
#define FIELD_MAX_CHARS	200

enum import_sql {
	SQL_PRODUCTS, SQL_PRICES, SQL_INSERT, SQL_GET, SQL_LOCK, SQL_RECENT, SQL_SET, SQL_APPLIED,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* Every product by SKU, for the lines to name (binds: lang). */
	[SQL_PRODUCTS] = { "or_import_products",
	    "SELECT p.id, p.sku, COALESCE(t.name, e.name, p.sku) FROM products p"
	    " LEFT JOIN product_texts t ON t.product_id = p.id AND t.lang = ?"
	    " LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'" },
	[SQL_PRICES] = { "or_import_prices",
	    "SELECT p.sku, x.currency, x.amount_minor FROM product_prices x"
	    " JOIN products p ON p.id = x.product_id" },
	[SQL_INSERT] = { "or_import_insert",
	    "INSERT INTO catalogue_imports (user_id, filename, data, line_count) VALUES (?, ?, ?, ?)" },
	[SQL_GET] = { "or_import_get",
	    "SELECT i.id, i.filename, i.data, i.line_count, u.name,"
	    " DATE_FORMAT(i.created_at, '%Y-%m-%dT%H:%i:%sZ'),"
	    " DATE_FORMAT(i.applied_at, '%Y-%m-%dT%H:%i:%sZ')"
	    " FROM catalogue_imports i JOIN users u ON u.id = i.user_id WHERE i.id = ?" },
	[SQL_LOCK] = { "or_import_lock",
	    "SELECT applied_at IS NOT NULL FROM catalogue_imports WHERE id = ? FOR UPDATE" },
	[SQL_RECENT] = { "or_import_recent",
	    "SELECT i.id, i.filename, i.line_count, u.name,"
	    " DATE_FORMAT(i.created_at, '%Y-%m-%dT%H:%i:%sZ'),"
	    " DATE_FORMAT(i.applied_at, '%Y-%m-%dT%H:%i:%sZ')"
	    " FROM catalogue_imports i JOIN users u ON u.id = i.user_id ORDER BY i.id DESC LIMIT 10" },
	[SQL_SET] = { "or_import_set",
	    "INSERT INTO product_prices (product_id, currency, amount_minor) VALUES (?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE amount_minor = VALUES(amount_minor),"
	    " updated_at = UTC_TIMESTAMP(6)" },
	[SQL_APPLIED] = { "or_import_applied",
	    "UPDATE catalogue_imports SET applied_at = UTC_TIMESTAMP(6) WHERE id = ?" },
};

enum { G_ID, G_FILENAME, G_DATA, G_LINES, G_USER, G_CREATED, G_APPLIED };

/* A product of the catalogue, for looking SKUs up (sorted by SKU, any case). */
struct product {
	long long	 id;
	const char	*sku;
	const char	*name;
	long long	 old[OR_NCURRENCIES];	/* list prices now; -1 none */
};

/* One price line of the file. */
struct line {
	long		 at;		/* its line number */
	const struct product *product;
	size_t		 currency;	/* index into or_currencies */
	long long	 minor;
};

struct error {
	long		 at;
	const char	*key;
	const char	*detail;	/* the column, the value or the other line; may be NULL */
};

/* The parse: libcsv's callbacks fill it. */
struct parse {
	struct pt_req	*req;
	struct product	*products;
	size_t		 nproducts;
	const char	**fields;	/* of the record being read */
	size_t		 nfields;
	int		 col_sku, col_currency, col_price;	/* -1 until the header names them */
	int		 header_done;
	int		 header_bad;	/* then the lines cannot be read */
	long		 line;		/* the physical line libcsv is in */
	long		 start;		/* the line the current record began on */
	int		 in_record;
	struct line	*lines;
	size_t		 nlines;
	struct error	 errors[ERRORS_MAX];
	size_t		 nerrors;	/* kept */
	size_t		 nbad;		/* all of them */
	int		 oom;
};

#define FIELDS_MAX 64	/* of one record; more are refused */

static void
error_at(struct parse *ps, long at, const char *key, const char *detail)
{
	if (ps->nerrors < ERRORS_MAX)
		ps->errors[ps->nerrors++] = (struct error){ at, key, detail };
	ps->nbad++;
}

static int
product_cmp(const void *a, const void *b)
{
	return strcasecmp(((const struct product *)a)->sku, ((const struct product *)b)->sku);
}

static const struct product *
product_find(const struct parse *ps, const char *sku)
{
	struct product key = { .sku = sku };

	return bsearch(&key, ps->products, ps->nproducts, sizeof(key), product_cmp);
}

/* The catalogue's products and their list prices, sorted for product_find. */
static int
products_load(struct pt_req *req, struct parse *ps)
{
	struct pt_rows p, prices;
	size_t i, c;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_PRODUCTS], &p, PT_BINDS(pt_str(req->lang)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_PRICES], &prices, PT_NOBINDS)) != PT_OK)
		return rc;
	if ((ps->products = pt_alloc(req, (p.nrows + 1) * sizeof(*ps->products))) == NULL)
		return PT_ENOMEM;
	ps->nproducts = p.nrows;
	for (i = 0; i < p.nrows; i++) {
		ps->products[i].id = pt_cell_int(&p, i, 0);
		ps->products[i].sku = pt_cell(&p, i, 1);
		ps->products[i].name = pt_cell(&p, i, 2);
		for (c = 0; c < OR_NCURRENCIES; c++)
			ps->products[i].old[c] = -1;
	}
	qsort(ps->products, ps->nproducts, sizeof(*ps->products), product_cmp);
	for (i = 0; i < prices.nrows; i++) {
		struct product *pr = (struct product *)product_find(ps, pt_cell(&prices, i, 0));

		for (c = 0; pr != NULL && c < OR_NCURRENCIES; c++)
			if (strcmp(or_currencies[c], pt_cell(&prices, i, 1)) == 0)
				pr->old[c] = pt_cell_int(&prices, i, 2);
	}
	return PT_OK;
}

/* The header: where sku, currency and price are. */
static void
header(struct parse *ps)
{
	int *cols[3] = { &ps->col_sku, &ps->col_currency, &ps->col_price };
	static const char *const names[3] = { "sku", "currency", "price" };
	size_t i, k;

	for (i = 0; i < ps->nfields; i++)
		for (k = 0; k < 3; k++)
			if (strcasecmp(ps->fields[i], names[k]) == 0) {
				if (*cols[k] >= 0)
					error_at(ps, ps->start, "orders.import.header.twice", names[k]);
				*cols[k] = (int)i;
			}
	for (k = 0; k < 3; k++)
		if (*cols[k] < 0)
			error_at(ps, ps->start, "orders.import.header.missing", names[k]);
	ps->header_done = 1;
	ps->header_bad = ps->nbad > 0;
}

/* A price line: checked against the catalogue and the lines before it. */
static void
price_line(struct parse *ps)
{
	const char *sku, *currency, *price;
	const struct product *p;
	struct line *l;
	long long minor;
	size_t c, i;
	int rc;

	if ((size_t)ps->col_sku >= ps->nfields || (size_t)ps->col_currency >= ps->nfields ||
	    (size_t)ps->col_price >= ps->nfields) {
		error_at(ps, ps->start, "orders.import.fields", NULL);
		return;
	}
	sku = ps->fields[ps->col_sku];
	currency = ps->fields[ps->col_currency];
	price = ps->fields[ps->col_price];
	if ((p = product_find(ps, sku)) == NULL) {
		error_at(ps, ps->start, "orders.import.sku", sku);
		return;
	}
	for (c = 0; c < OR_NCURRENCIES && strcmp(or_currencies[c], currency) != 0; c++)
		;
	if (c == OR_NCURRENCIES) {
		error_at(ps, ps->start, "orders.import.currency", currency);
		return;
	}
	if ((rc = pt_parse_amount(price, &minor)) != PT_OK || minor < 0 ||
	    minor > OR_PRICE_MAX_MINOR) {
		error_at(ps, ps->start, rc == PT_ELIMIT ? "orders.import.price.negative" :
		    "orders.import.price", price);
		return;
	}
	for (i = 0; i < ps->nlines; i++)
		if (ps->lines[i].product == p && ps->lines[i].currency == c) {
			error_at(ps, ps->start, "orders.import.duplicate",
			    pt_printf(ps->req, "%ld", ps->lines[i].at));
			return;
		}
	if (ps->nlines == ROWS_MAX) {
		error_at(ps, ps->start, "orders.import.too-many", OR_XSTR(ROWS_MAX));
		return;
	}
	l = &ps->lines[ps->nlines++];
	l->at = ps->start;
	l->product = p;
	l->currency = c;
	l->minor = minor;
}

/* libcsv: a field ended. */
static void
on_field(void *s, size_t len, void *data)
{
	struct parse *ps = data;
	char *f;

	if (!ps->in_record) {
		ps->in_record = 1;
		ps->nfields = 0;
	}
	if (ps->nfields == FIELDS_MAX || ps->oom)
		return;
	if ((f = pt_arena_strndup(ps->req->arena, s != NULL ? s : "", s != NULL ? len : 0)) == NULL) {
		ps->oom = 1;
		return;
	}
	ps->fields[ps->nfields++] = f;
}

/* libcsv: a record ended (or, with CSV_REPALL_NL, a line break outside one). */
static void
on_record(int c, void *data)
{
	struct parse *ps = data;
	size_t i;
	int empty = 1;

	(void)c;
	if (!ps->in_record || ps->oom) {
		ps->start = ps->line + 1;
		return;
	}
	ps->in_record = 0;
	for (i = 0; i < ps->nfields; i++) {
		/* Spreadsheets end rows with empty cells; every cell must be text (a quoted one may break lines). */
		if (*ps->fields[i] != '\0')
			empty = 0;
		if (pt_text_chars(ps->fields[i], 1) < 0) {
			error_at(ps, ps->start, "orders.import.encoding", NULL);
			empty = -1;
			break;
		}
		if (pt_chars(ps->fields[i]) > FIELD_MAX_CHARS) {
			error_at(ps, ps->start, "orders.import.field-long", OR_XSTR(FIELD_MAX_CHARS));
			empty = -1;
			break;
		}
	}
	if (empty == 0 && ps->nfields == FIELDS_MAX)
		error_at(ps, ps->start, "orders.import.fields", NULL);
	else if (empty == 0 && !ps->header_done)
		header(ps);
	else if (empty == 0 && !ps->header_bad)
		price_line(ps);
	ps->start = ps->line + 1;
}

/*
 * Parse len bytes of data into ps (products loaded): PT_OK when the whole
 * file parsed, its errors (if any) in ps; PT_ENOMEM.
 */
static int
parse(struct pt_req *req, struct parse *ps, const char *data, size_t len)
{
	struct csv_parser p;
	const char *nl, *end = data + len;
	size_t commas = 0, semis = 0, i;
	int rc = PT_OK, broken = 0;

	ps->req = req;
	ps->col_sku = ps->col_currency = ps->col_price = -1;
	ps->line = ps->start = 1;
	if ((ps->fields = pt_alloc(req, FIELDS_MAX * sizeof(*ps->fields))) == NULL ||
	    (ps->lines = pt_alloc(req, ROWS_MAX * sizeof(*ps->lines))) == NULL)
		return PT_ENOMEM;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3;
	for (i = 0; data + i < end && data[i] != '\n'; i++) {
		commas += data[i] == ',';
		semis += data[i] == ';';
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
		return PT_ENOMEM;
	csv_set_delim(&p, semis > commas ? ';' : ',');
	/* One line at a time, so the line numbers are known. */
	for (; data < end && rc == PT_OK; data = nl, ps->line++) {
		nl = memchr(data, '\n', (size_t)(end - data));
		nl = nl != NULL ? nl + 1 : end;
		if (csv_parse(&p, data, (size_t)(nl - data), on_field, on_record, ps) !=
		    (size_t)(nl - data)) {
			if (csv_error(&p) == CSV_ENOMEM)
				rc = PT_ENOMEM;
			else
				error_at(ps, ps->line, "orders.import.quoting", NULL);
			broken = 1;
			break;
		}
	}
	if (!broken) {
		ps->line--;
		if (csv_fini(&p, on_field, on_record, ps) != 0 || csv_error(&p) == CSV_EPARSE)
			error_at(ps, ps->start, "orders.import.quoting", NULL);
	}
	csv_free(&p);
	if (ps->oom)
		return PT_ENOMEM;
	if (rc == PT_OK && ps->nbad == 0 && ps->nlines == 0)
		error_at(ps, 1, "orders.import.empty", NULL);
	return rc;
}

/* <or-import> with the file's lines or errors. */
static xmlNodePtr
import_node(struct pt_req *req, const struct parse *ps)
{
	xmlNodePtr n = pt_node(req->page, "or-import", NULL);
	size_t i, changed = 0;

	for (i = 0; i < ps->nerrors; i++) {
		xmlNodePtr e = pt_node(n, "error", NULL);

		pt_attr_int(e, "line", ps->errors[i].at);
		pt_attr(e, "key", ps->errors[i].key);
		if (ps->errors[i].detail != NULL)
			pt_attr(e, "detail", ps->errors[i].detail);
	}
	pt_attr_int(n, "errors", (long long)ps->nbad);
	for (i = 0; i < ps->nlines && ps->nbad == 0; i++) {
		const struct line *l = &ps->lines[i];
		xmlNodePtr r = pt_node(n, "line", NULL);
		long long old = l->product->old[l->currency];

		pt_attr_int(r, "at", l->at);
		pt_attr(r, "sku", l->product->sku);
		pt_attr(r, "currency", or_currencies[l->currency]);
		pt_attr_int(r, "minor", l->minor);
		if (old >= 0)
			pt_attr_int(r, "old-minor", old);
		pt_attr(r, "change", old < 0 ? "new" : old == l->minor ? "same" : "changed");
		changed += old != l->minor;
		pt_node(r, "name", l->product->name);
	}
	pt_attr_int(n, "lines", (long long)ps->nlines);
	pt_attr_int(n, "changes", (long long)changed);
	return n;
}

static void
recent_node(struct pt_req *req, const struct pt_rows *rows)
{
	xmlNodePtr r = pt_node(req->page, "or-imports", NULL);
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr n = pt_node(r, "import", pt_cell(rows, i, 1));

		pt_attr(n, "id", pt_cell(rows, i, 0));
		pt_attr(n, "lines", pt_cell(rows, i, 2));
		pt_attr(n, "by", pt_cell(rows, i, 3));
		pt_attr(n, "created", pt_cell(rows, i, 4));
		if (pt_cell(rows, i, 5) != NULL)
			pt_attr(n, "applied", pt_cell(rows, i, 5));
	}
}

/* GET /orders/admin/import: the upload form and the recent imports. */
static int
page(struct pt_req *req)
{
	struct pt_rows recent;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_RECENT], &recent, PT_NOBINDS)) != PT_OK)
		return rc;
	recent_node(req, &recent);
	or_flash(req, "applied", "orders.import.applied");
	req->view = "admin-import";
	return 200;
}

/* The upload page again with status and the message key at the field "file". */
static int
refuse(struct pt_req *req, const char *key, long max)
{
	struct pt_rows recent;
	int rc;

	if (max > 0)
		pt_message_max(req, key, "file", max);
	else if (key != NULL)
		pt_message(req, "error", key, "file");
	if ((rc = pt_db_query(req, &sql[SQL_RECENT], &recent, PT_NOBINDS)) != PT_OK)
		return rc;
	recent_node(req, &recent);
	req->view = "admin-import";
	return 422;
}

/* What a kept price list's name gets when it has no extension. */
static const struct pt_file_type csv_type = { "text/csv", "csv", 0 };

/* POST /orders/admin/import: a file in field "file". */
static int
upload(struct pt_req *req)
{
	const struct pt_upload *up = pt_upload(req, "file");
	const char *name;
	struct parse ps;
	long long id;
	int rc;

	if (up == NULL || up->len == 0)
		return refuse(req, "orders.import.no-file", 0);
	if (up->len > FILE_MAX_BYTES)
		return refuse(req, "orders.import.file-size", FILE_MAX_BYTES / 1024);
	memset(&ps, 0, sizeof(ps));
	if ((rc = products_load(req, &ps)) != PT_OK || (rc = parse(req, &ps, up->data, up->len)) != PT_OK)
		return rc;
	if (ps.nbad > 0) {
		pt_message(req, "error", "orders.import.refused", "file");
		import_node(req, &ps);
		return refuse(req, NULL, 0);
	}
	if ((name = pt_file_name(req, up->filename, &csv_type)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_int(req->session.user->id), pt_str(name),
	    pt_blob(up->data, up->len), pt_int((long long)ps.nlines)), NULL);
	id = (long long)pt_db_insert_id();
	return or_done(req, rc, "catalogue_import.upload", "catalogue_import",
	    pt_printf(req, "%lld", id), NULL, pt_printf(req, "{\"file\":%s,\"lines\":%zu}",
	    pt_json_str(req, name), ps.nlines), pt_printf(req, PAGE "/%lld", id));
}

/* The kept import of the route's capture, parsed again into ps. */
static int
load(struct pt_req *req, struct pt_rows *imp, struct parse *ps)
{
	long long id;
	int rc;

	if ((rc = or_load(req, &sql[SQL_GET], imp, &id)) != PT_OK)
		return rc;
	memset(ps, 0, sizeof(*ps));
	if ((rc = products_load(req, ps)) != PT_OK)
		return rc;
	return parse(req, ps, pt_cell(imp, 0, G_DATA), imp->len[G_DATA]);
}

static void
describe(struct pt_req *req, xmlNodePtr n, const struct pt_rows *imp)
{
	pt_attr(n, "id", pt_cell(imp, 0, G_ID));
	pt_attr(n, "file", pt_cell(imp, 0, G_FILENAME));
	pt_attr(n, "by", pt_cell(imp, 0, G_USER));
	pt_attr(n, "created", pt_cell(imp, 0, G_CREATED));
	if (pt_cell(imp, 0, G_APPLIED) != NULL)
		pt_attr(n, "applied", pt_cell(imp, 0, G_APPLIED));
	req->view = "admin-import-preview";
}

/* GET /orders/admin/import/<id>: the preview. */
static int
preview(struct pt_req *req)
{
	struct pt_rows imp;
	struct parse ps;
	int rc;

	if ((rc = load(req, &imp, &ps)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	describe(req, import_node(req, &ps), &imp);
	return ps.nbad > 0 ? 422 : 200;
}

/* POST /orders/admin/import/<id>: apply it, once, while it is valid. */
static int
apply(struct pt_req *req)
{
	struct pt_rows imp, lock;
	struct parse ps;
	long long id;
	size_t i;
	int rc;

	if (or_cap_id(req, 1, &id) != PT_OK)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	/* Two confirmations of one import: the second waits here, then finds it applied. */
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(id)))) != PT_OK)
		return or_undo(req, rc);
	if (lock.nrows != 1)
		return or_undo(req, pt_error_page(req, 404, NULL));
	if ((rc = load(req, &imp, &ps)) != PT_OK)
		return or_undo(req, rc);
	if (pt_cell_int(&lock, 0, 0) == 1 || ps.nbad > 0) {
		pt_db_rollback(req);
		pt_message(req, "error", ps.nbad > 0 ? "orders.import.refused" :
		    "orders.import.already", NULL);
		describe(req, import_node(req, &ps), &imp);
		return 422;
	}
	for (i = 0; i < ps.nlines && rc == PT_OK; i++) {
		const struct line *l = &ps.lines[i];
		const char *cur = or_currencies[l->currency];
		long long old = l->product->old[l->currency];

		if (old == l->minor)
			continue;
		rc = pt_db_exec(req, &sql[SQL_SET], PT_BINDS(pt_int(l->product->id), pt_str(cur),
		    pt_int(l->minor)), NULL);
		if (rc == PT_OK)
			rc = pt_audit(req, "product_price.import", "product_price",
			    pt_printf(req, "%lld/%s", l->product->id, cur),
			    old >= 0 ? pt_printf(req, "{\"sku\":%s,\"amount_minor\":%lld}",
			    pt_json_str(req, l->product->sku), old) : NULL,
			    pt_printf(req, "{\"sku\":%s,\"amount_minor\":%lld,\"import\":%lld}",
			    pt_json_str(req, l->product->sku), l->minor, id));
	}
	if (rc == PT_OK)
		rc = pt_db_exec(req, &sql[SQL_APPLIED], PT_BINDS(pt_int(id)), NULL);
	return or_done(req, rc, "catalogue_import.apply", "catalogue_import",
	    pt_printf(req, "%lld", id), NULL, pt_printf(req, "{\"file\":%s,\"lines\":%zu}",
	    pt_json_str(req, pt_cell(&imp, 0, G_FILENAME)), ps.nlines), PAGE "?applied=1");
}

static const struct pt_route routes[] = {
	{ PT_GET,  PAGE,			page,		PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, PAGE,			upload,		PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_GET,  PAGE "/(\\d{1,18})",		preview,	PT_R_LOGIN, OR_PERM_MANAGE },
	{ PT_POST, PAGE "/(\\d{1,18})",		apply,		PT_R_LOGIN, OR_PERM_MANAGE },
};

static const char *const views[] = { "admin-import", "admin-import-preview" };

const struct pt_group or_admin_import_group = PT_GROUP(routes, sql, views);
