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
/* A product's tax class (products.tax_class): the delivery country's rate for it applies. */
#define OR_NTAX_CLASSES 3
extern const char *const or_tax_classes[OR_NTAX_CLASSES];
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

/* ==== the cart, checkout, orders and their approval ===================== */

extern const struct pt_group or_cart_group;		/* cart.c: the cart and its lines */
extern const struct pt_group or_checkout_group;		/* checkout.c: placing the order */
extern const struct pt_group or_history_group;		/* history.c: the list and its CSV */
extern const struct pt_group or_order_group;		/* order.c: an order, cancel, repeat */
extern const struct pt_group or_approval_group;		/* approval.c: approve or reject */
extern const struct pt_group or_addresses_group;	/* addresses.c: delivery addresses */
extern const struct pt_group or_order_common_group;	/* order-common.c: statements only */
extern const struct pt_group or_kept_group;		/* kept.c: statements only */

#define OR_PERM_PLACE		"orders.place"		/* a cart, and orders from it */
#define OR_PERM_READ_ORG	"orders.read.org"	/* every order of the organisation */
#define OR_PERM_APPROVE		"orders.approve"	/* decide orders above a buyer's limits */
#define OR_PERM_ADDRESSES	"orders.addresses"	/* keep the delivery addresses */

/* An order number: O-<year>-<at least six digits>. */
#define OR_NUMBER_ROUTE		"(O-[0-9]{4}-[0-9]{6,9})"
int	 or_number_ok(const char *s);
/* "/orders/<number>" in the arena. */
const char *or_order_href(struct pt_req *, const char *number);

/* A quantity in a cart or on an order line. */
#define OR_QTY_MAX		99999
/* A quantity typed into a form: "" is 0, else digits up to OR_QTY_MAX; -1 when malformed. */
long long or_qty_typed(const char *v);
/* The order line a form field "qty_<line>" is about (1..99999), else 0. */
long long or_qty_field(const char *name);
/* The texts of checkout, in characters (the columns of orders). */
#define OR_PO_MAX_CHARS		40
#define OR_COST_CENTRE_MAX_CHARS 40
#define OR_NOTE_MAX_CHARS	1000
#define OR_COMMENT_MAX_CHARS	1000

/* The states of an order (orders.status), in the order of its life. */
#define OR_NSTATUSES 9
extern const char *const or_statuses[OR_NSTATUSES];
/* 1 while an order may still be cancelled: nothing of it is shipped. */
int	 or_cancellable(const char *status);
/*
 * What the order's invoices still bill (invoices less credit notes), in
 * minor units: an order is cancelled only while it is 0, so that no
 * invoice of a cancelled order stays open (credit it first).
 */
int	 or_order_billed(struct pt_req *, long long order_id, long long *minor);

/*
 * A line of the reader's cart as it would be ordered now: the product,
 * the price that applies to the reader's organisation today and the tax
 * rate of the delivery country for its class.
 */
struct or_line {
	long long	 product_id;
	const char	*sku, *name, *unit, *tax_class;
	long long	 quantity;
	int		 orderable;	/* sold to the org now, at a price in its currency */
	long long	 unit_minor;	/* -1: no price */
	int		 contract;	/* the org's contract price */
	long long	 list_minor;	/* -1: no list price */
	int		 rate_bp;	/* -1: no rate for the country */
	struct pt_money	 money;		/* of the line; 0 unless orderable with a rate */
};

struct or_cart {
	const char	*currency;	/* the org's */
	const char	*country;	/* taxed for; NULL: no address, no tax */
	struct or_line	*lines;
	size_t		 nlines;
	int		 orderable;	/* every line is, and there is one */
	struct pt_money	 total;
};
/*
 * The reader's cart priced for delivery to country (NULL: net only).
 * PT_OK, PT_ELIMIT when the amounts pass PT_MONEY_MAX_MINOR, or an error.
 */
int	 or_cart_read(struct pt_req *, const char *country, struct or_cart *);
/* <cart> under parent: its lines with their prices and amounts, and totals. */
xmlNodePtr or_cart_node(struct pt_req *, xmlNodePtr parent, const struct or_cart *);
/*
 * The cart page (cart.c) with status: the cart, the delivery addresses,
 * the buyer's budget and the checkout form with values v (NULL: fresh).
 */
int	 or_cart_page(struct pt_req *, int status, const char *const *v);
/* Add quantity of product_id to the reader's cart (a transaction is open). */
int	 or_cart_add(struct pt_req *, long long product_id, long long quantity);

/* What the buyer's budget says of an order of net_minor (checkout.c). */
struct or_budget_state {
	struct pt_budget limits;
	long long	 month_spent_minor;	/* counted in the buyer's month so far */
	time_t		 month_from;		/* the month, in the buyer's zone */
	const char	*over;			/* NULL within the limits, else "order" or "month" */
};
int	 or_budget_state(struct pt_req *, long long net_minor, struct or_budget_state *);
/* <budget> under parent. */
void	 or_budget_node(struct pt_req *, xmlNodePtr parent, const struct or_budget_state *);

/*
 * A list's search by order number or PO number (?q=): q as typed (""
 * when absent, malformed or longer than PT_FILTER_MAX_CHARS); number, q
 * when it is an order number, else ""; po_like, otherwise a LIKE
 * pattern for the beginning of a PO number, which an index finds among
 * any number of orders ("" for no search).  PT_OK or PT_ENOMEM.
 */
struct or_search {
	const char	*q, *number, *po_like;
};
int	 or_search_read(struct pt_req *, struct or_search *);

/* A DATETIME column as ISO 8601 UTC, for the pages' dates. */
#define OR_ISO(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/*
 * An order in a list, of orders o joined to their buyers u: the first
 * OR_SUMMARY_NCOLS columns of a list's statement, which or_summary_node
 * turns into <order number href status created currency net tax gross
 * [budget-reason] buyer-id><buyer/><po-number/></order>.
 */
#define OR_SUMMARY_COLUMNS \
	"o.number, o.status, " OR_ISO("o.created_at") ", o.currency, o.net_minor, o.tax_minor," \
	" o.gross_minor, o.budget_reason, o.po_number, u.name, o.buyer_id"
#define OR_SUMMARY_NCOLS 11
xmlNodePtr or_summary_node(struct pt_req *, xmlNodePtr parent, const struct pt_rows *, size_t r);
/*
 * <address country><label/><recipient/><street/><street2/><postal-code/>
 * <city/></address> under parent from the columns label, recipient,
 * street, street2, postal code, city and country, from col on.
 */
xmlNodePtr or_address_node(xmlNodePtr parent, const struct pt_rows *, size_t r, size_t col);

/*
 * The order with this number in the reader's organisation (order.c):
 * PT_OK with its row, whose first columns are OR_O_*; PT_ENOTFOUND (404)
 * for a malformed number, none, or another organisation's.
 */
enum { OR_O_ID, OR_O_NUMBER, OR_O_STATUS, OR_O_BUYER_ID, OR_O_BUYER };
/*
 * The invoices and credit notes of the order o in one column (the order's
 * page keeps to five statements): "<number> <kind> <status> <issued>
 * <due> <gross>" each, in the order they were issued, separated by ','
 * (none of the parts holds a space or a comma); NULL without any.
 * or_invoices_node reads it.
 */
#define OR_INVOICES_PACKED \
	"(SELECT GROUP_CONCAT(CONCAT_WS(' ', i.number, i.kind, i.status," \
	" DATE_FORMAT(i.issue_date, '%Y-%m-%d'), DATE_FORMAT(i.due_date, '%Y-%m-%d'), i.gross_minor)" \
	" ORDER BY i.id SEPARATOR ',') FROM invoices i WHERE i.order_id = o.id)"
/*
 * The columns of an order's page (OR_ORDER_NCOLS, the first OR_O_*), of
 * OR_ORDER_FROM: the order o, its buyer u and who decided it d.
 */
#define OR_ORDER_COLUMNS \
	"o.id, o.number, o.status, o.buyer_id, u.name, o.currency, o.net_minor," \
	" o.tax_minor, o.gross_minor, o.po_number, o.cost_centre, o.requested_date, o.note," \
	" o.ship_label, o.ship_recipient, o.ship_street, o.ship_street2, o.ship_postal_code," \
	" o.ship_city, o.ship_country, o.budget_reason, o.counted_at IS NOT NULL, d.name," \
	" " OR_ISO("o.decided_at") ", o.decision_comment, " OR_ISO("o.created_at") "," \
	" " OR_ISO("o.updated_at") ", " OR_INVOICES_PACKED
#define OR_ORDER_NCOLS 28
#define OR_ORDER_FROM \
	" FROM orders o JOIN users u ON u.id = o.buyer_id LEFT JOIN users d ON d.id = o.decided_by"
int	 or_order_find(struct pt_req *, const char *number, struct pt_rows *order);
/* 1 if the reader may see it: with orders.read.org or orders.approve, or as its buyer. */
int	 or_order_readable(const struct pt_req *, const struct pt_rows *order);
/* The order's page with status (404 and 403 as the page answers them). */
int	 or_order_page(struct pt_req *, int status, const char *number);

/*
 * A reader's order page and history kept for them (kept.c): 1 when a kept
 * page was sent (answer 200); otherwise build the page and, when it is
 * 200, call or_kept_keep().
 */
int	 or_kept_order(struct pt_req *, const char *number);
int	 or_kept_history(struct pt_req *);
void	 or_kept_keep(struct pt_req *);

/*
 * A row of an order's timeline: the status it entered, by the reader (or,
 * with by_reader 0, by the rules, such as the budget), and a comment (NULL: none).
 */
int	 or_order_event(struct pt_req *, long long order_id, const char *status, const char *comment,
	    int by_reader);

/*
 * The approval step (approval.c): an order above the buyer's limits waits
 * for a person of the same organisation with orders.approve, who is told
 * by mail (or_approval_request, inside the transaction that placed the
 * order), in the BPMN process OR_APPROVAL_PROCESS that the checkout
 * starts with the order's number as business key.
 */
#define OR_APPROVAL_PROCESS	"order-approval"
int	 or_approval_request(struct pt_req *, long long order_id);
/*
 * The order's approval task (flow_tasks) of the reader's organisation:
 * id 0 when none is open; completing while flowd has not yet taken the
 * decision; mine if the reader may complete it (its assignee, or holding
 * a candidate role while it is offered).
 */
struct or_approval_task {
	long long	 id;
	int		 completing;
	int		 mine;
};
int	 or_approval_task(struct pt_req *, const char *number, struct or_approval_task *);
/* The order is cancelled while it waits: its approval process is cancelled with it (by the reader, or none). */
int	 or_approval_cancel(struct pt_req *, const char *number);

/* ==== the integration API (/api/v1/) and its tokens ======================== */

extern const struct pt_group or_admin_integrations_group;	/* admin-integrations.c: tokens */
extern const struct pt_group or_api_orders_group;		/* api-orders.c: the feed, an order */
extern const struct pt_group or_api_stock_group;		/* api-stock.c: stock, lead times */
extern const struct pt_group or_api_fulfil_group;		/* api-fulfil.c: confirm, ship, deliver */
extern const struct pt_group or_api_invoices_group;		/* api-invoices.c: issue, paid */

#define OR_PERM_INTEGRATIONS	"admin.integrations"	/* make and revoke API tokens */
/* The scopes of a token (integrations.scopes): each route of the API needs one. */
#define OR_API_NSCOPES		4
#define OR_API_ORDERS_READ	"orders.read"		/* the feed of orders, an order */
#define OR_API_ORDERS_WRITE	"orders.write"		/* confirm, ship, deliver */
#define OR_API_INVOICES_WRITE	"invoices.write"	/* issue an invoice */
#define OR_API_CATALOGUE_WRITE	"catalogue.write"	/* stock and lead times */

/* ==== fulfilment: the provider's order desk and the integration API ===== */

extern const struct pt_group or_fulfil_group;		/* fulfil.c: statements only */
extern const struct pt_group or_desk_group;		/* desk.c: the provider's order desk */

#define OR_PERM_DESK		"orders.desk"		/* confirm, ship, deliver, cancel any org's orders */

/* A shipment's texts, in characters (the columns of shipments). */
#define OR_CARRIER_MAX_CHARS	60
#define OR_TRACKING_MAX_CHARS	60
#define OR_TRACKING_URL_MAX_CHARS 500
#define OR_REASON_MAX_CHARS	1000
/* 1 if s is an http or https address with a host, without spaces or control characters. */
int	 or_http_url_ok(const char *s);

/*
 * Something a fulfilment operation refused: about field ("carrier",
 * "tracking_number", "tracking_url", "shipped_at", "delivered_at",
 * "reason", "lines"; NULL: the order's state), and for "lines" the order
 * line line_no (0: the lines as a whole); key is the message's catalogue
 * key, max (when >= 0) the most the line may take.
 */
struct or_problem {
	const char	*field;
	long long	 line_no;
	const char	*key;
	long long	 max;
};
#define OR_PROBLEMS_MAX 32

/*
 * One call of a fulfilment operation.  The caller sets actor_id (the
 * person who acts; 0: an integration) and opens the transaction; the
 * operation locks the order's row, checks, writes the change with its
 * order_events row and queues the buyer's mail (in their language, unless
 * they want no mails about orders).  It writes no audit row: the caller
 * does, from what the struct says, in the same transaction.
 *
 * Each returns PT_OK; PT_ENOTFOUND when there is no such order (or
 * shipment); PT_EINVAL when it refused, with problems[0..nproblems-1]
 * saying why (the caller rolls back); or an error.
 */
struct or_fulfil {
	long long	 actor_id;
	/* what the operation found and did */
	long long	 order_id;
	long long	 org_id;
	const char	*before;	/* the order's status before */
	const char	*status;	/* and after */
	long long	 shipment_id;	/* ship, deliver: the shipment */
	long long	 shipment_no;
	struct or_problem problems[OR_PROBLEMS_MAX];
	size_t		 nproblems;
};

/* submitted or approved -> confirmed. */
int	 or_fulfil_confirm(struct pt_req *, struct or_fulfil *, const char *number);

/* A quantity of an order line in a shipment. */
struct or_ship_line {
	long long	 line_no;
	long long	 quantity;	/* 0: not in this shipment */
};
struct or_shipment {
	const char	*carrier;		/* required */
	const char	*tracking_number;	/* "" or NULL: none */
	const char	*tracking_url;		/* "" or NULL: none; else http(s) */
	const char	*shipped_at;		/* UTC "YYYY-MM-DD hh:mm:ss"; NULL: now */
	const struct or_ship_line *lines;
	size_t		 nlines;
};
/*
 * A shipment of a confirmed or partly shipped order: never more of a line
 * than ordered minus shipped, at least one line.  The order is then
 * shipped when nothing is left to ship, else partly_shipped.
 */
int	 or_fulfil_ship(struct pt_req *, struct or_fulfil *, const char *number,
	    const struct or_shipment *);
/*
 * Shipment no of the order arrived at delivered_at (UTC "YYYY-MM-DD
 * hh:mm:ss", NULL: now; not a day before it left nor a day after now).  The
 * order is delivered when it is shipped and every shipment has arrived.
 */
int	 or_fulfil_deliver(struct pt_req *, struct or_fulfil *, const char *number,
	    long long shipment_no, const char *delivered_at);
/* Cancel it, while nothing of it is shipped, for reason (required). */
int	 or_fulfil_cancel(struct pt_req *, struct or_fulfil *, const char *number,
	    const char *reason);

/* ==== returns (returns.c) ================================================= */

extern const struct pt_group or_returns_group;		/* returns.c: RMA, for buyers and the desk */

#define OR_PERM_RETURN		"orders.return"		/* return delivered goods */

/*
 * The order's lines as a return sees them (returns.c): per line number,
 * SKU, name, unit, quantity, delivered, returned (by returns not
 * rejected), its product's return days, when it last arrived, the end of
 * its window and whether that is open; *any is 1 when something may be
 * returned now.
 */
int	 or_returnable_lines(struct pt_req *, const char *order_id, struct pt_rows *, int *any);

/*
 * The order's lines, timeline and shipments under order (order.c), for the
 * customer's page and the desk's: <lines> (with what was shipped of each),
 * <taxes>, <timeline> and <shipments>.  order_id as text; *returnable
 * (may be NULL) is 1 when a line may be returned now.
 */
int	 or_order_details(struct pt_req *, xmlNodePtr order, const char *order_id, int *returnable);
/* <returns><return number href status created/>...</returns> under order: its returns (order.c). */
int	 or_order_returns(struct pt_req *, xmlNodePtr order, const char *order_id);
/*
 * The facts of an order's row whose columns start with OR_ORDER_COLUMNS,
 * as <order number href status ...> under the page, without lines.
 */
xmlNodePtr or_order_facts(struct pt_req *, const struct pt_rows *o);
/* The year's next order number's seq, in the transaction that uses it (checkout.c). */
int	 or_order_seq(struct pt_req *, int year, long long *seq);
/*
 * The next seq of a gapless yearly counter: counter is an INSERT ... ON
 * DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1) of the year
 * (binds: year), whose row stays locked to the commit.
 */
int	 or_next_seq(struct pt_req *, const struct pt_sql *counter, int year, long long *seq);

/* ==== offers and contracts ================================================= */

extern const struct pt_group or_offer_admin_group;	/* offer-admin.c: staff write and send offers */
extern const struct pt_group or_offer_files_group;	/* offer-files.c: attachments */
extern const struct pt_group or_offer_group;		/* offer.c: the customer's offers, accept, decline */
extern const struct pt_group or_contracts_group;	/* contracts.c: contracts and their deadlines */
extern const struct pt_group or_offer_common_group;	/* offer-common.c: statements only */

#define OR_PERM_CONTRACTS	"contracts.manage"	/* the provider's staff who write offers */

/* An offer number: Q-<year>-<six digits or more>; a contract's C-... */
#define OR_OFFER_ROUTE		"(Q-[0-9]{4}-[0-9]{6,9})"
#define OR_CONTRACT_ROUTE	"(C-[0-9]{4}-[0-9]{6,9})"
#define OR_OFFERS_ADMIN		OR_ADMIN "offers"

/* The columns of an offer row (or_offer_load), OF_*; OF_REVISED_BY: the newest sent revision. */
enum {
	OF_ID, OF_NUMBER, OF_ORG_ID, OF_ORG, OF_STATUS, OF_TITLE, OF_CURRENCY, OF_VALID,
	OF_TERM, OF_RENEWAL, OF_NOTICE, OF_TERMS_MD, OF_TERMS_HTML, OF_CREATED, OF_CREATOR,
	OF_SENT, OF_SENDER, OF_DECIDED, OF_DECIDER, OF_IP, OF_REASON, OF_SHA, OF_REVISES,
	OF_CONTRACT, OF_ORDER, OF_REVISED_BY, OF__NCOLS
};
/* An offer as loaded: its row, lines and files. */
struct or_offer {
	struct pt_rows	 row;		/* one row of OF_* columns */
	struct pt_rows	 lines;		/* OL_* */
	struct pt_rows	 files;		/* OFL_* */
	const char	*state;		/* draft, sent, expired, superseded, accepted, declined: for the reader */
	int		 nonce, nrecurring;	/* lines of each kind */
};
enum {
	OL_NO, OL_KIND, OL_PRODUCT, OL_SKU, OL_NAME, OL_UNIT, OL_QTY, OL_PRICE, OL_BILLING,
	OL_TAX_CLASS
};
enum { OFL_ID, OFL_NAME, OFL_TYPE, OFL_SIZE, OFL_STORAGE, OFL_SHA, OFL_CREATED };
/*
 * Load the offer by number (org > 0: only of that organisation, and never
 * a draft; lock: FOR UPDATE, in a transaction).  PT_OK, PT_ENOTFOUND
 * (answer 404) or an error.
 */
int	 or_offer_load(struct pt_req *, const char *number, long long org, int lock,
	    struct or_offer *);
/* <offer> under parent, with its lines, totals, terms and files; files under base (its href). */
xmlNodePtr or_offer_node(struct pt_req *, xmlNodePtr parent, const struct or_offer *,
	    const char *base);
/*
 * The canonical text of the offer as it stands (see offer-common.c for
 * its form), which an acceptance hashes; arena, NULL on OOM.
 */
const char *or_offer_text(struct pt_req *, const struct or_offer *);
/* The SHA-256 of len bytes of data as 64 lower-case hex digits, into out. */
void	 or_sha256_hex(const void *data, size_t len, char out[65]);
/* "/orders/offers/<number>" or the staff's "/orders/admin/offers/<number>", in the arena. */
const char *or_offer_href(struct pt_req *, const char *number, int staff);
/*
 * <pager page [more="1"]> under parent: a list read one row past its page
 * says whether a next page has rows, without counting them all.
 */
void	 or_pager_more(xmlNodePtr parent, long long page, int more);
/* The staff's page of the offer with status (offer-admin.c). */
int	 or_offer_admin_page(struct pt_req *, int status, const struct or_offer *);
/*
 * Open the transaction of a change to the draft of the route's first
 * capture: locked and loaded into f.  PT_OK; else *answer is the answer
 * (404, or 422 when it is no longer a draft: nothing of a sent offer
 * changes; 0 for an error to return) and the transaction is closed.
 */
int	 or_offer_draft_begin(struct pt_req *, struct or_offer *f, int *answer);
/*
 * Send the file of the route's capture cap (an id) of the loaded offer:
 * 200 as pt_send_file answers, 404 when the offer has no such file.
 */
int	 or_offer_file_send(struct pt_req *, const struct or_offer *, size_t cap);
/* The state an offer of status and validity date has for the reader today. */
const char *or_offer_state(struct pt_req *, const char *status, const char *valid_until);

/* ==== invoices and credit notes ========================================= */

extern const struct pt_group or_invoices_group;		/* invoices.c: list, page, PDF, desk */

/*
 * <invoices><invoice number href kind status issued due gross/>...</invoices>
 * under parent from OR_INVOICES_PACKED's column (NULL: none), each with
 * its status as the reader sees it (open, overdue, paid); a kept page
 * turns when an open invoice falls due for its reader.
 */
xmlNodePtr or_invoices_node(struct pt_req *, xmlNodePtr parent, const char *packed);

/*
 * An invoice as the PDF shows it (invoice-pdf.c): texts ready to print,
 * money already written as the reader writes it.
 */
struct or_pdf_line {
	const char	*no, *sku, *name, *quantity, *price, *rate, *net;	/* quantity with its unit */
};
struct or_pdf_tax {
	const char	*label, *net, *tax;
};
struct or_pdf_invoice {
	const char	*title;			/* "Invoice INV-2026-000001" */
	const char	*const *seller;		/* lines of the seller's address */
	size_t		 nseller;
	const char	*const *buyer;
	size_t		 nbuyer;
	const char	*const *facts;		/* label, value, label, value, ... */
	size_t		 nfacts;
	const char	*head[6];		/* the lines' column heads: no, item, quantity, price, rate, net */
	const struct or_pdf_line *lines;
	size_t		 nlines;
	const struct or_pdf_tax *taxes;
	size_t		 ntaxes;
	const char	*const *totals;		/* label, value pairs */
	size_t		 ntotals;
	const char	*terms;			/* a sentence of the terms and due date */
	const char	*footer;
};
/* The PDF (A4) of inv into *pdf (arena) of *len bytes.  PT_OK, PT_ENOMEM, PT_ESYS. */
int	 or_invoice_pdf(struct pt_req *, const struct or_pdf_invoice *inv, const char **pdf,
	    size_t *len);

#endif
