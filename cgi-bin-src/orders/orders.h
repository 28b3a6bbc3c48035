/*
 * The orders worker (/orders/): the product catalogue with its prices,
 * and its maintenance by the provider's staff.  Each file is one page
 * group (routes, statements, views), listed in main.c; the cart, orders,
 * invoices, returns, offers and the integration API come as groups of
 * their own.
 */
#ifndef ORDERS_H
#define ORDERS_H

#include "portico.h"

extern const struct pt_group or_catalogue_group;	/* catalogue.c: browse and search */
extern const struct pt_group or_product_group;		/* product.c: a product's page and image */
extern const struct pt_group or_admin_categories_group;	/* admin-categories.c */
extern const struct pt_group or_admin_products_group;	/* admin-products.c: products, list prices */
extern const struct pt_group or_admin_contract_group;	/* admin-contract.c: contract prices */
extern const struct pt_group or_admin_import_group;	/* admin-import.c: price lists in CSV */

#define OR_PERM_READ	"orders.read"		/* browse the catalogue */
#define OR_PERM_MANAGE	"catalogue.manage"	/* the provider's staff who keep it */
#define OR_ADMIN	"/orders/admin/"

/* A number macro's value as a string, for SQL text. */
#define OR_STR(x)	#x
#define OR_XSTR(x)	OR_STR(x)

/* A SKU: a letter or digit, then letters, digits, '.', '_' and '-'; at most OR_SKU_MAX_CHARS. */
#define OR_SKU_MAX_CHARS	40
#define OR_SKU_ROUTE		"([A-Za-z0-9][A-Za-z0-9._-]{0,39})"
int	 or_sku_ok(const char *s);

/* The currencies prices are kept in: those an organisation may have (orgs.currency). */
#define OR_NCURRENCIES 4
extern const char *const or_currencies[OR_NCURRENCIES];
/* The units a quantity counts (products.unit). */
#define OR_NUNITS 12
extern const char *const or_units[OR_NUNITS];
/* A list or contract price in minor units, at most this (10^11 major units). */
#define OR_PRICE_MAX_MINOR	10000000000000LL

/*
 * The products a reader's organisation may see, and the price that applies
 * to it: from products p of the org o (binds: org, lang), with the texts t
 * in the reader's language and e in English, the contract price cp of the
 * org in its currency and the list price lp in that currency.  The
 * provider's people see every product; others those of their kind
 * (customer, partner), narrowed to their tier when the product names
 * tiers, and only while it is active.
 */
#define OR_PRODUCTS_FROM \
	" FROM products p JOIN orgs o ON o.id = ?" \
	" LEFT JOIN product_texts t ON t.product_id = p.id AND t.lang = ?" \
	" LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'" \
	" LEFT JOIN contract_prices cp ON cp.org_id = o.id AND cp.product_id = p.id" \
	"   AND cp.currency = o.currency" \
	" LEFT JOIN product_prices lp ON lp.product_id = p.id AND lp.currency = o.currency"
#define OR_VISIBLE \
	" (o.kind = 'provider' OR (FIND_IN_SET(o.kind, p.audience) > 0" \
	"   AND (NOT EXISTS (SELECT 1 FROM product_tiers x WHERE x.product_id = p.id)" \
	"     OR EXISTS (SELECT 1 FROM product_tiers x WHERE x.product_id = p.id AND x.tier = o.tier))))"
/* The price columns of OR_PRODUCTS_FROM: price, contract (0/1), list price, currency. */
#define OR_PRICE_COLUMNS \
	" COALESCE(cp.amount_minor, lp.amount_minor), cp.amount_minor IS NOT NULL," \
	" lp.amount_minor, o.currency"
#define OR_NAME		" COALESCE(t.name, e.name, p.sku)"
#define OR_DESCRIPTION	" COALESCE(t.description, e.description, '')"

/*
 * <price minor currency [contract="1" list-minor]/> under parent from the
 * columns of OR_PRICE_COLUMNS starting at col of row r; no price in the
 * currency gives <price currency on-request="1"/>.
 */
xmlNodePtr or_price_node(xmlNodePtr parent, const struct pt_rows *, size_t r, size_t col);
/* "/orders/products/<sku>" in the arena (the SKU URL-encoded). */
const char *or_product_href(struct pt_req *, const char *sku);

/* ---- the staff's pages (admin-common.c) ------------------------------------ */

/* The route's capture i as an id: PT_OK, or PT_ENOTFOUND (answer 404). */
int	 or_cap_id(const struct pt_req *, size_t i, long long *id);
/* The row of the route's first capture, by get (binds the id): PT_OK, PT_ENOTFOUND (404) or an error. */
int	 or_load(struct pt_req *, const struct pt_sql *get, struct pt_rows *, long long *id);
/*
 * The end of a write inside its transaction: when rc is PT_OK, the audit
 * row (action on object type and id, JSON before and after, either NULL),
 * the commit and 303 to location; otherwise the rollback and rc.
 */
int	 or_done(struct pt_req *, int rc, const char *action, const char *type, const char *id,
	    const char *before, const char *after, const char *location);
/* Roll the open transaction back and return rc. */
int	 or_undo(struct pt_req *, int rc);
/* The success message key when the query has param (?saved=1 after a redirect). */
void	 or_flash(struct pt_req *, const char *param, const char *key);
/* Minor units as the decimal a form shows ("1250.50"), in the arena. */
const char *or_amount_text(struct pt_req *, const char *minor);

#endif
