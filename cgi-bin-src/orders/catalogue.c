/*
 * The catalogue (GET /orders/): the products the reader's organisation
 * may order, with the price that applies to it in its currency, by
 * category, searched by SKU and by words of the name and description in
 * the reader's language (else English), filtered by kind and sorted by
 * name, price or SKU.  Per organisation (audience, contract prices), so
 * never kept in the page cache.
 */
#include <stdlib.h>
#include <string.h>

#include "orders.h"

#define PER_PAGE	24
#define SUMMARY_CHARS	160	/* of a description in the list */
#define WORDS_MAX	5	/* of a search; more are not looked for */

/* One search word: the SKU, the name or the description holds it (binds: word, like x3). */
#define WORD \
	" AND (? = '' OR p.sku LIKE ? OR COALESCE(t.name, e.name) LIKE ?" \
	"   OR COALESCE(t.description, e.description) LIKE ?)"
#define WORDS WORD WORD WORD WORD WORD

#define CATEGORY_FROM \
	" JOIN catalogue_categories c ON c.id = p.category_id" \
	" LEFT JOIN catalogue_category_texts ct ON ct.category_id = c.id AND ct.lang = ?" \
	" LEFT JOIN catalogue_category_texts ce ON ce.category_id = c.id AND ce.lang = 'en'"

/* What the reader may see with the kind and words asked for (binds: kind x2, words). */
#define MATCHING \
	" WHERE p.active = 1 AND" OR_VISIBLE " AND (? = '' OR p.kind = ?)" WORDS

enum catalogue_sql { SQL_CURRENCY, SQL_COUNTS, SQL_LIST, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_CURRENCY] = { "or_catalogue_currency", "SELECT currency FROM orgs WHERE id = ?" },
	/* Binds: org, lang, lang, kind x2, words. */
	[SQL_COUNTS] = { "or_catalogue_counts",
	    "SELECT c.slug, COALESCE(ct.name, ce.name, c.slug), COUNT(*)"
	    OR_PRODUCTS_FROM CATEGORY_FROM MATCHING
	    " GROUP BY c.id, c.slug, c.position, ct.name, ce.name ORDER BY c.position, c.id" },
	/* Binds: org, lang, lang, kind x2, words, category x2, sort x3, limit, offset. */
	[SQL_LIST] = { "or_catalogue_list",
	    "SELECT p.sku, p.kind, p.unit, p.lead_time_days, p.image_storage IS NOT NULL,"
	    OR_NAME ", LEFT(" OR_DESCRIPTION ", " OR_XSTR(SUMMARY_CHARS) "),"
	    " CHAR_LENGTH(" OR_DESCRIPTION ") > " OR_XSTR(SUMMARY_CHARS) ","
	    " c.slug, COALESCE(ct.name, ce.name, c.slug)," OR_PRICE_COLUMNS
	    OR_PRODUCTS_FROM CATEGORY_FROM MATCHING
	    " AND (? = '' OR c.slug = ?)"
	    " ORDER BY CASE WHEN ? = 'price' THEN COALESCE(cp.amount_minor, lp.amount_minor) IS NULL END,"
	    " CASE WHEN ? = 'price' THEN COALESCE(cp.amount_minor, lp.amount_minor) END,"
	    " CASE WHEN ? = 'sku' THEN p.sku END," OR_NAME ", p.sku"
	    " LIMIT ? OFFSET ?" },
};

enum { C_SLUG, C_NAME, C_COUNT };
enum {
	L_SKU, L_KIND, L_UNIT, L_LEAD, L_IMAGE, L_NAME, L_SUMMARY, L_MORE, L_CAT_SLUG, L_CAT_NAME,
	L_PRICE
};

static const char *const kinds[] = { "product", "service" };
static const char *const sorts[] = { "name", "price", "sku" };

/* What the reader asked for; anything malformed is dropped (the whole catalogue). */
struct ask {
	const char	*q, *category, *kind, *sort;
	const char	*words[WORDS_MAX];
	size_t		 nwords;
	long long	 page;
};

/* 1 if s is a category's slug as the admin pages allow it. */
static int
slug_like(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 60 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static int
read_ask(struct pt_req *req, struct ask *a)
{
	char *words, *w, *save = NULL;
	const char *v;

	memset(a, 0, sizeof(*a));
	if ((a->q = pt_query_trim(req, "q")) == NULL ||
	    (a->category = pt_query_trim(req, "category")) == NULL ||
	    (v = pt_query_trim(req, "kind")) == NULL)
		return PT_ENOMEM;
	if (pt_text_chars(a->q, 0) < 0 || pt_chars(a->q) > PT_FILTER_MAX_CHARS)
		a->q = "";
	if (!slug_like(a->category))
		a->category = "";
	a->kind = pt_one_of(v, kinds, PT_NELEM(kinds)) ? v : "";
	v = pt_query(req, "sort");
	a->sort = pt_one_of(v, sorts, PT_NELEM(sorts)) ? v : "name";
	a->page = pt_query_page(req);
	if ((words = pt_strdup(req, a->q)) == NULL)
		return PT_ENOMEM;
	for (w = strtok_r(words, " \t", &save); w != NULL && a->nwords < WORDS_MAX;
	    w = strtok_r(NULL, " \t", &save))
		a->words[a->nwords++] = w;
	return PT_OK;
}

/* The binds of MATCHING after the org and languages: kind x2 and the words' slots. */
static void
bind_matching(struct pt_req *req, const struct ask *a, struct pt_bind *b, size_t *n)
{
	size_t i;

	b[(*n)++] = pt_str(a->kind);
	b[(*n)++] = pt_str(a->kind);
	for (i = 0; i < WORDS_MAX; i++) {
		const char *w = i < a->nwords ? a->words[i] : "";
		const char *like = *w != '\0' ? pt_sql_like(req, w) : "";

		b[(*n)++] = pt_str(w);
		b[(*n)++] = pt_str(like);
		b[(*n)++] = pt_str(like);
		b[(*n)++] = pt_str(like);
	}
}

/* <categories> with each category that has matching products, and the total for the ask. */
static long long
categories_node(xmlNodePtr parent, const struct pt_rows *rows, const struct ask *a)
{
	xmlNodePtr cats = pt_node(parent, "categories", NULL);
	long long total = 0, all = 0;
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr c = pt_node(cats, "category", pt_cell(rows, i, C_NAME));

		pt_attr(c, "slug", pt_cell(rows, i, C_SLUG));
		pt_attr(c, "count", pt_cell(rows, i, C_COUNT));
		all += pt_cell_int(rows, i, C_COUNT);
		if (strcmp(a->category, pt_cell(rows, i, C_SLUG)) == 0) {
			pt_attr(c, "current", "1");
			total = pt_cell_int(rows, i, C_COUNT);
		}
	}
	pt_attr_int(cats, "all", all);
	return *a->category != '\0' ? total : all;
}

static void
product_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows, size_t i)
{
	xmlNodePtr p = pt_node(parent, "product", NULL);
	const char *sku = pt_cell(rows, i, L_SKU);

	pt_attr(p, "sku", sku);
	pt_attr(p, "kind", pt_cell(rows, i, L_KIND));
	pt_attr(p, "unit", pt_cell(rows, i, L_UNIT));
	pt_attr(p, "lead-days", pt_cell(rows, i, L_LEAD));
	pt_attr(p, "href", or_product_href(req, sku));
	if (pt_cell_int(rows, i, L_IMAGE) == 1)
		pt_attr(p, "image", pt_printf(req, "%s/image", or_product_href(req, sku)));
	pt_attr(p, "category", pt_cell(rows, i, L_CAT_SLUG));
	pt_node(p, "name", pt_cell(rows, i, L_NAME));
	pt_attr(pt_node(p, "summary", pt_cell(rows, i, L_SUMMARY)), "more",
	    pt_cell(rows, i, L_MORE));
	pt_node(p, "category-name", pt_cell(rows, i, L_CAT_NAME));
	or_price_node(p, rows, i, L_PRICE);
}

/* GET /orders/ */
static int
catalogue(struct pt_req *req)
{
	struct pt_bind b[48];
	struct pt_rows currency, counts, rows;
	struct ask a;
	xmlNodePtr cat;
	long long total;
	size_t n = 0, nmatch, i;
	int rc;

	if ((rc = read_ask(req, &a)) != PT_OK)
		return rc;
	b[n++] = pt_int(req->session.user->org_id);
	b[n++] = pt_str(req->lang);
	b[n++] = pt_str(req->lang);
	bind_matching(req, &a, b, &n);
	nmatch = n;
	if ((rc = pt_db_query(req, &sql[SQL_CURRENCY], &currency, b, 1)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COUNTS], &counts, b, nmatch)) != PT_OK)
		return rc;
	if (currency.nrows != 1)
		return pt_error_page(req, 404, NULL);
	cat = pt_node(req->page, "catalogue", NULL);
	pt_attr(cat, "currency", pt_cell(&currency, 0, 0));
	pt_attr(cat, "q", a.q);
	pt_attr(cat, "category", a.category);
	pt_attr(cat, "kind", a.kind);
	pt_attr(cat, "sort", a.sort);
	total = categories_node(cat, &counts, &a);
	b[n++] = pt_str(a.category);
	b[n++] = pt_str(a.category);
	for (i = 0; i < 3; i++)
		b[n++] = pt_str(a.sort);
	b[n++] = pt_int(PER_PAGE);
	b[n++] = pt_int((a.page - 1) * PER_PAGE);
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, b, n)) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++)
		product_node(req, cat, &rows, i);
	pt_pager(cat, a.page, total, PER_PAGE);
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	req->view = "catalogue";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/orders/", catalogue, PT_R_LOGIN, OR_PERM_READ },
};

static const char *const views[] = { "catalogue" };

const struct pt_group or_catalogue_group = PT_GROUP(routes, sql, views);
