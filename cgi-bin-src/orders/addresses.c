/*
 * The organisation's delivery addresses (orders.addresses: the customer's
 * admin, a partner's people; /orders/addresses): the list, a new one, and
 * editing one, which includes retiring it (no longer offered at checkout;
 * the orders that went there keep their copy of it).  The country is one
 * of those the tax rates know (tax_rates), so every address can be taxed.
 * Another organisation's address is not found.
 */
#include <string.h>

#include "orders.h"

enum addresses_sql {
	SQL_LIST, SQL_GET, SQL_COUNTRIES, SQL_INSERT, SQL_UPDATE, SQL__MAX
};

#define COLUMNS "id, label, recipient, street, street2, postal_code, city, country, active"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "or_addresses_list",
	    "SELECT " COLUMNS " FROM org_addresses WHERE org_id = ? ORDER BY active DESC, label, id" },
	/* Binds: id, org. */
	[SQL_GET] = { "or_addresses_get",
	    "SELECT " COLUMNS " FROM org_addresses WHERE id = ? AND org_id = ?" },
	[SQL_COUNTRIES] = { "or_addresses_countries",
	    "SELECT DISTINCT country FROM tax_rates ORDER BY country" },
	[SQL_INSERT] = { "or_addresses_insert",
	    "INSERT INTO org_addresses (org_id, label, recipient, street, street2, postal_code,"
	    " city, country, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
	[SQL_UPDATE] = { "or_addresses_update",
	    "UPDATE org_addresses SET label = ?, recipient = ?, street = ?, street2 = ?,"
	    " postal_code = ?, city = ?, country = ?, active = ?, updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ? AND org_id = ?" },
};

/* The form, in the order of COLUMNS after the id. */
enum { F_LABEL, F_RECIPIENT, F_STREET, F_STREET2, F_POSTAL, F_CITY, F_COUNTRY, F_ACTIVE, F__MAX };

static const struct pt_input inputs[F__MAX] = {
	[F_LABEL] =	{ "label", PT_IN_LINE, 1, 0, 100, NULL, 0 },
	[F_RECIPIENT] =	{ "recipient", PT_IN_LINE, 1, 0, 200, NULL, 0 },
	[F_STREET] =	{ "street", PT_IN_LINE, 1, 0, 200, NULL, 0 },
	[F_STREET2] =	{ "street2", PT_IN_LINE, 0, 0, 200, NULL, 0 },
	[F_POSTAL] =	{ "postal_code", PT_IN_LINE, 1, 0, 20, NULL, 0 },
	[F_CITY] =	{ "city", PT_IN_LINE, 1, 0, 100, NULL, 0 },
	[F_COUNTRY] =	{ "country", PT_IN_LINE, 1, 0, 2, NULL, 0 },
	[F_ACTIVE] =	{ "active", PT_IN_CHECK, 0, 0, 0, NULL, 0 },
};

static const char *const names[F__MAX] = {
	"label", "recipient", "street", "street2", "postal_code", "city", "country", "active"
};

static int
list(struct pt_req *req)
{
	struct pt_rows rows;
	xmlNodePtr l;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows,
	    PT_BINDS(pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	l = pt_node(req->page, "addresses", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr a = or_address_node(l, &rows, i, 1 + F_LABEL);

		pt_attr(a, "id", pt_cell(&rows, i, 0));
		pt_attr(a, "href", pt_printf(req, "/orders/addresses/%s", pt_cell(&rows, i, 0)));
		pt_attr(a, "active", pt_cell(&rows, i, 1 + F_ACTIVE));
	}
	or_flash(req, "saved", "orders.addresses.saved");
	req->view = "addresses";
	return 200;
}

/* The form view with the countries to choose from; c is the address's row (NULL: new). */
static int
show(struct pt_req *req, int status, const struct pt_rows *c, const struct pt_rows *countries,
    const char *const *v)
{
	xmlNodePtr n = pt_node(req->page, "delivery-address", NULL), l;
	size_t i;

	if (c != NULL) {
		pt_attr(n, "id", pt_cell(c, 0, 0));
		pt_node(n, "label", pt_cell(c, 0, 1 + F_LABEL));
	}
	l = pt_node(n, "countries", NULL);
	for (i = 0; i < countries->nrows; i++)
		pt_node(l, "country", pt_cell(countries, i, 0));
	pt_form_values(req, "address", names, v, F__MAX);
	pt_input_limits(req, inputs, F__MAX);
	req->view = "address";
	return status;
}

static int
countries_of(struct pt_req *req, struct pt_rows *countries)
{
	return pt_db_query(req, &sql[SQL_COUNTRIES], countries, PT_NOBINDS);
}

/* The address of the route's id in the reader's org: PT_OK, PT_ENOTFOUND or an error. */
static int
load(struct pt_req *req, struct pt_rows *c, long long *id)
{
	int rc;

	if (or_cap_id(req, 1, id) != PT_OK)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_GET], c, PT_BINDS(pt_int(*id),
	    pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	return c->nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

static void
values_of(const struct pt_rows *c, const char **v)
{
	size_t i;

	for (i = 0; i < F__MAX; i++)
		v[i] = pt_cell(c, 0, 1 + i);
}

static int
new_form(struct pt_req *req)
{
	const char *v[F__MAX] = { "", "", "", "", "", "", "", "1" };
	struct pt_rows countries;
	int rc;

	if ((rc = countries_of(req, &countries)) != PT_OK)
		return rc;
	return show(req, 200, NULL, &countries, v);
}

static int
edit_form(struct pt_req *req)
{
	const char *v[F__MAX];
	struct pt_rows c, countries;
	long long id;
	int rc;

	if ((rc = load(req, &c, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = countries_of(req, &countries)) != PT_OK)
		return rc;
	values_of(&c, v);
	return show(req, 200, &c, &countries, v);
}

/* The form read into address id (c its row) or a new one (c NULL). */
static int
save(struct pt_req *req, const struct pt_rows *c, long long id)
{
	const char *v[F__MAX], *before[F__MAX];
	struct pt_rows countries;
	size_t i;
	int rc, bad, known = 0;

	if ((rc = countries_of(req, &countries)) != PT_OK)
		return rc;
	if ((bad = pt_input_read(req, inputs, F__MAX, v)) < 0)
		return bad;
	for (i = 0; i < countries.nrows; i++)
		known |= strcmp(pt_cell(&countries, i, 0), v[F_COUNTRY]) == 0;
	if (!known && *v[F_COUNTRY] != '\0') {
		pt_message(req, "error", "input.choice", "country");
		bad++;
	}
	if (c == NULL)
		v[F_ACTIVE] = "1";
	if (bad > 0)
		return show(req, 422, c, &countries, v);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if (c != NULL)
		rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[F_LABEL]),
		    pt_str(v[F_RECIPIENT]), pt_str(v[F_STREET]), pt_str(v[F_STREET2]),
		    pt_str(v[F_POSTAL]), pt_str(v[F_CITY]), pt_str(v[F_COUNTRY]),
		    pt_str(v[F_ACTIVE]), pt_int(id), pt_int(req->session.user->org_id)), NULL);
	else {
		rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_int(req->session.user->org_id),
		    pt_str(v[F_LABEL]), pt_str(v[F_RECIPIENT]), pt_str(v[F_STREET]),
		    pt_str(v[F_STREET2]), pt_str(v[F_POSTAL]), pt_str(v[F_CITY]),
		    pt_str(v[F_COUNTRY]), pt_str(v[F_ACTIVE])), NULL);
		id = (long long)pt_db_insert_id();
	}
	if (c != NULL)
		values_of(c, before);
	return or_done(req, rc, c != NULL ? "org_address.update" : "org_address.create",
	    "org_address", pt_printf(req, "%lld", id),
	    c != NULL ? pt_json_fields(req, names, before, F__MAX) : NULL,
	    pt_json_fields(req, names, v, F__MAX), "/orders/addresses?saved=1");
}

static int
create(struct pt_req *req)
{
	return save(req, NULL, 0);
}

static int
update(struct pt_req *req)
{
	struct pt_rows c;
	long long id;
	int rc;

	if ((rc = load(req, &c, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return save(req, &c, id);
}

#define ADDRESS "/orders/addresses/(\\d{1,9})"

static const struct pt_route routes[] = {
	{ PT_GET,  "/orders/addresses",		list,		PT_R_LOGIN, OR_PERM_ADDRESSES },
	{ PT_GET,  "/orders/addresses/new",	new_form,	PT_R_LOGIN, OR_PERM_ADDRESSES },
	{ PT_POST, "/orders/addresses/new",	create,		PT_R_LOGIN, OR_PERM_ADDRESSES },
	{ PT_GET,  ADDRESS,			edit_form,	PT_R_LOGIN, OR_PERM_ADDRESSES },
	{ PT_POST, ADDRESS,			update,		PT_R_LOGIN, OR_PERM_ADDRESSES },
};

static const char *const views[] = { "addresses", "address" };

const struct pt_group or_addresses_group = PT_GROUP(routes, sql, views);
