/*
 * Provider administration of organisations (permission admin.users): the
 * list of all orgs, creating one, editing one; and the completion of
 * deletion requests by anonymising the person (DESIGN.md §4, issue 3 §8).
 *
 * Every write runs in one transaction with its audit row; the audit row
 * carries the org's fields before and after as JSON.  Deactivating an org
 * ends its people's sessions in the same transaction.  The provider's own
 * org cannot be deactivated, and an org's kind changes only while it has
 * nobody, because a person's roles are chosen by the kind of their org.
 *
 * What invoices copy is kept here too: the org's payment terms in days,
 * its billing address and VAT number (the provider's are the seller's on
 * every invoice).  A form sent without those fields leaves them as they
 * are; sent empty, the address is cleared and the terms are the default.
 *
 * A new customer org starts its onboarding, the BPMN process
 * customer-onboarding (processes/customer-onboarding.bpmn), in the
 * transaction that creates it: business key and org its id; variables
 * org_id, org_name, language and, when the form names one, the admin to
 * invite (admin_name, admin_email), whom the process invites.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"

#define PER_PAGE 50

enum orgs_sql {
	SQL_ORG_LIST,
	SQL_ORG_COUNT,
	SQL_ORG_GET,
	SQL_ORG_INSERT,
	SQL_ORG_UPDATE,
	SQL_ORG_END_SESSIONS,
	SQL_DELETIONS,
	SQL_ANON_GET,
	SQL_ANON_USER,
	SQL_ANON_SESSIONS,
	SQL_ANON_TOKENS,
	SQL_ANON_ROLES,
	SQL_ANON_AUDIT_JSON,
	SQL_ANON_AUDIT_IP,
	SQL_ANON_ATTEMPTS,
	SQL_ANON_OUTBOX,
	SQL_EMAIL_TAKEN,
	SQL__MAX
};

/* The list's filters: each "(? = '' OR column = ?)" takes the value twice. */
#define ORG_FILTER \
	" WHERE (? = '' OR o.kind = ?) AND (? = '' OR o.status = ?)" \
	" AND (? = '' OR o.name LIKE ?)"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_ORG_LIST] = { "org_list",
	    "SELECT o.id, o.name, o.kind, o.tier, o.currency, o.status, o.language,"
	    " (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id AND u.status <> 'deleted')"
	    " FROM orgs o" ORG_FILTER " ORDER BY o.name, o.id LIMIT ? OFFSET ?" },
	[SQL_ORG_COUNT] = { "org_count",
	    "SELECT COUNT(*) FROM orgs o" ORG_FILTER },
	[SQL_ORG_GET] = { "org_get",
	    "SELECT o.id, o.name, o.kind, o.tier, o.currency, o.language, o.status,"
	    " o.order_limit_minor, o.monthly_limit_minor,"
	    " DATE_FORMAT(o.created_at, '%Y-%m-%dT%H:%i:%sZ'),"
	    " (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id AND u.status <> 'deleted'),"
	    " o.mail_intake, o.payment_terms_days, o.billing_street, o.billing_street2,"
	    " o.billing_postal_code, o.billing_city, o.billing_country, o.vat_id"
	    " FROM orgs o WHERE o.id = ?" },
	[SQL_ORG_INSERT] = { "org_insert",
	    "INSERT INTO orgs (name, kind, tier, currency, language, status,"
	    " order_limit_minor, monthly_limit_minor, mail_intake, payment_terms_days,"
	    " billing_street, billing_street2, billing_postal_code, billing_city, billing_country,"
	    " vat_id, created_at)"
	    " VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_ORG_UPDATE] = { "org_update",
	    "UPDATE orgs SET name = ?, kind = ?, tier = ?, currency = ?, language = ?,"
	    " status = ?, order_limit_minor = ?, monthly_limit_minor = ?, mail_intake = ?,"
	    " payment_terms_days = ?, billing_street = ?, billing_street2 = ?,"
	    " billing_postal_code = ?, billing_city = ?, billing_country = ?, vat_id = ?"
	    " WHERE id = ?" },
	[SQL_ORG_END_SESSIONS] = { "org_end_sessions",
	    "DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.org_id = ?" },
	[SQL_DELETIONS] = { "deletions",
	    "SELECT u.id, u.name, u.email, o.name, u.status,"
	    " DATE_FORMAT(u.deletion_requested_at, '%Y-%m-%dT%H:%i:%sZ')"
	    " FROM users u JOIN orgs o ON o.id = u.org_id"
	    " WHERE u.deletion_requested_at IS NOT NULL AND u.anonymised_at IS NULL"
	    " ORDER BY u.deletion_requested_at, u.id" },
	[SQL_ANON_GET] = { "anon_get",
	    "SELECT id, org_id, email, name FROM users WHERE id = ?"
	    " AND deletion_requested_at IS NOT NULL AND anonymised_at IS NULL FOR UPDATE" },
	/* The row and its id stay, so tickets and orders keep their references. */
	[SQL_ANON_USER] = { "anon_user",
	    "UPDATE users SET name = CONCAT('Deleted user ', id),"
	    " email = CONCAT('deleted-', id, '@invalid.example'), phone = NULL,"
	    " password_hash = NULL, language = NULL, time_zone = 'UTC', status = 'deleted',"
	    " notify_tickets = 0, notify_orders = 0, notify_news = 0,"
	    " anonymised_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_ANON_SESSIONS] = { "anon_sessions",
	    "DELETE FROM sessions WHERE user_id = ?" },
	[SQL_ANON_TOKENS] = { "anon_tokens",
	    "DELETE FROM user_tokens WHERE user_id = ?" },
	[SQL_ANON_ROLES] = { "anon_roles",
	    "DELETE FROM user_roles WHERE user_id = ?" },
	/*
	 * Who did what and when stays; what the rows said about the person
	 * goes: rows about the user object, and rows whose JSON names their
	 * address or (as a JSON string) their name.
	 */
	[SQL_ANON_AUDIT_JSON] = { "anon_audit_json",
	    "UPDATE audit_log SET"
	    " before_json = IF(before_json IS NULL, NULL, '{\"anonymised\":true}'),"
	    " after_json = IF(after_json IS NULL, NULL, '{\"anonymised\":true}')"
	    " WHERE (object_type = 'user' AND object_id = ?)"
	    " OR INSTR(before_json, ?) > 0 OR INSTR(after_json, ?) > 0"
	    " OR INSTR(before_json, ?) > 0 OR INSTR(after_json, ?) > 0" },
	[SQL_ANON_AUDIT_IP] = { "anon_audit_ip",
	    "UPDATE audit_log SET ip = '' WHERE user_id = ?" },
	[SQL_ANON_ATTEMPTS] = { "anon_attempts",
	    "DELETE FROM login_attempts WHERE email = ?" },
	/* Mails already sent keep their row without the person; queued ones are not sent. */
	[SQL_ANON_OUTBOX] = { "anon_outbox",
	    "UPDATE outbox SET last_error = IF(status = 'queued', 'recipient anonymised', last_error),"
	    " status = IF(status = 'queued', 'failed', status),"
	    " to_email = ?, to_name = '', data_xml = '<data/>' WHERE to_email = ?" },
	/* Someone has the address (the admin a new org would invite). */
	[SQL_EMAIL_TAKEN] = { "org_email_taken",
	    "SELECT id FROM users WHERE email = ?" },
};

/* ---- small helpers ------------------------------------------------------ */

static const char *const kinds[] = { "customer", "partner" };
static const char *const tiers[] = { "bronze", "silver", "gold", "premier" };
static const char *const currencies[] = { "EUR", "GBP", "USD", "CHF" };
static const char *const languages[] = { "en", "de" };
static const char *const statuses[] = { "active", "inactive" };

static const char *
amount_text(struct pt_req *req, const char *minor)
{
	long long v;

	if (minor == NULL)
		return "";
	v = strtoll(minor, NULL, 10);
	return pt_printf(req, "%lld.%02lld", v / 100, v % 100);
}

static struct pt_bind
limit_bind(long long minor)
{
	return minor < 0 ? pt_str(NULL) : pt_int(minor);
}

/* ---- the list ------------------------------------------------------------ */

static int
org_list(struct pt_req *req)
{
	const char *kind = pt_query(req, "kind"), *status = pt_query(req, "status");
	const char *q = pt_query(req, "q"), *like;
	long long page = pt_query_page(req), total;
	struct pt_rows rows, count;
	xmlNodePtr list, filter;
	size_t r;
	int rc;

	/* Unknown filter values are dropped, not refused: the list shows everything instead. */
	if (kind == NULL || !(pt_one_of(kind, kinds, 2) || strcmp(kind, "provider") == 0))
		kind = "";
	if (status == NULL || !pt_one_of(status, statuses, 2))
		status = "";
	if (q == NULL || pt_chars(q) > PT_FILTER_MAX_CHARS || !pt_valid(PT_V_NAME, q, strlen(q)))
		q = "";
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	if ((like = pt_sql_like(req, q)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_ORG_COUNT], &count, PT_BINDS(pt_str(kind),
	    pt_str(kind), pt_str(status), pt_str(status), pt_str(q), pt_str(like)))) != PT_OK)
		return rc;
	total = count.nrows == 1 ? pt_cell_int(&count, 0, 0) : 0;
	if ((rc = pt_db_query(req, &sql[SQL_ORG_LIST], &rows, PT_BINDS(pt_str(kind),
	    pt_str(kind), pt_str(status), pt_str(status), pt_str(q), pt_str(like),
	    pt_int(PER_PAGE), pt_int((page - 1) * PER_PAGE)))) != PT_OK)
		return rc;

	list = pt_node(req->page, "orgs", NULL);
	filter = pt_node(list, "filter", NULL);
	pt_attr(filter, "kind", kind);
	pt_attr(filter, "status", status);
	pt_attr(filter, "q", q);
	for (r = 0; r < rows.nrows; r++) {
		xmlNodePtr o = pt_node(list, "org", pt_cell(&rows, r, 1));

		pt_attr(o, "id", pt_cell(&rows, r, 0));
		pt_attr(o, "kind", pt_cell(&rows, r, 2));
		pt_attr(o, "tier", pt_cell(&rows, r, 3));
		pt_attr(o, "currency", pt_cell(&rows, r, 4));
		pt_attr(o, "status", pt_cell(&rows, r, 5));
		pt_attr(o, "language", pt_cell(&rows, r, 6));
		pt_attr(o, "users", pt_cell(&rows, r, 7));
	}
	pt_pager(list, page, total, PER_PAGE);
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "org.saved", NULL);
	req->view = "orgs";
	return 200;
}

/* ---- the form ------------------------------------------------------------ */

enum org_field { F_NAME, F_KIND, F_TIER, F_CURRENCY, F_LANGUAGE, F_ORDER, F_MONTHLY, F_STATUS,
	F_MAIL_INTAKE, F_TERMS, F_STREET, F_STREET2, F_POSTAL, F_CITY, F_COUNTRY, F_VAT, F__MAX };

static const char *const org_fields[F__MAX] = {
	"name", "kind", "tier", "currency", "language", "order_limit", "monthly_limit", "status",
	"mail_intake", "payment_terms", "billing_street", "billing_street2", "billing_postal_code",
	"billing_city", "billing_country", "vat_id"
};

/* The columns of SQL_ORG_GET from o.payment_terms_days on, in the order of F_TERMS.. */
#define G_TERMS 12

/* Payment terms in days: the default, and the most a form may set (orgs_payment_terms). */
#define TERMS_DEFAULT	"30"
#define TERMS_MAX_DAYS	365

/*
 * The billing fields' bounds in characters (the columns of orgs); the
 * country is one of those the orders worker names (those with tax rates).
 */
static const struct {
	enum org_field	 field;
	long		 max_chars;
} billing_texts[] = {
	{ F_STREET, 200 }, { F_STREET2, 200 }, { F_POSTAL, 20 }, { F_CITY, 100 }, { F_VAT, 20 },
};
static const char *const countries[] = { "AT", "CH", "DE", "FR", "GB", "IE", "NL", "US" };

struct org_in {
	const char	*v[F__MAX];
	long long	 order_minor;
	long long	 monthly_minor;
	/* A new org: the admin its onboarding invites ("" for none). */
	const char	*admin_name, *admin_email;
};

/* The new org form's admin to invite, apart from the org's own fields. */
static const char *const admin_fields[] = { "admin_name", "admin_email" };

/* The org as the audit log keeps it. */
static const char *
org_json(struct pt_req *req, const char *const *v, long long order_minor, long long monthly_minor)
{
	return pt_printf(req, "{\"name\":%s,\"kind\":%s,\"tier\":%s,\"currency\":%s,"
	    "\"language\":%s,\"status\":%s,\"order_limit_minor\":%s,\"monthly_limit_minor\":%s,"
	    "\"mail_intake\":%s,\"payment_terms_days\":%s,\"billing_street\":%s,"
	    "\"billing_street2\":%s,\"billing_postal_code\":%s,\"billing_city\":%s,"
	    "\"billing_country\":%s,\"vat_id\":%s}",
	    pt_json_str(req, v[F_NAME]), pt_json_str(req, v[F_KIND]),
	    pt_json_str(req, v[F_TIER] != NULL && *v[F_TIER] != '\0' ? v[F_TIER] : NULL),
	    pt_json_str(req, v[F_CURRENCY]), pt_json_str(req, v[F_LANGUAGE]),
	    pt_json_str(req, v[F_STATUS]),
	    order_minor < 0 ? "null" : pt_printf(req, "%lld", order_minor),
	    monthly_minor < 0 ? "null" : pt_printf(req, "%lld", monthly_minor),
	    v[F_MAIL_INTAKE] != NULL && strcmp(v[F_MAIL_INTAKE], "1") == 0 ? "true" : "false",
	    v[F_TERMS] != NULL && *v[F_TERMS] != '\0' ? v[F_TERMS] : "null",
	    pt_json_str(req, v[F_STREET]), pt_json_str(req, v[F_STREET2]),
	    pt_json_str(req, v[F_POSTAL]), pt_json_str(req, v[F_CITY]),
	    pt_json_str(req, v[F_COUNTRY]), pt_json_str(req, v[F_VAT]));
}

/*
 * The org form view: the org's facts (edit) and the values to show.  For
 * a new org, org is NULL.
 */
static int
show_form(struct pt_req *req, int status, const struct pt_rows *org, const char *const *values)
{
	xmlNodePtr o = pt_node(req->page, "org-form", NULL), f;
	size_t i;

	if (org != NULL) {
		pt_attr(o, "id", pt_cell(org, 0, 0));
		pt_attr(o, "kind", pt_cell(org, 0, 2));
		pt_attr(o, "created", pt_cell(org, 0, 9));
		pt_attr(o, "users", pt_cell(org, 0, 10));
		pt_node(o, "name", pt_cell(org, 0, 1));
	}
	f = pt_form_values(req, "org", org_fields, values, F__MAX);
	if (org == NULL) {
		for (i = 0; i < PT_NELEM(admin_fields); i++) {
			const char *v = pt_form(req, admin_fields[i]);

			pt_attr(pt_node(f, "field", v != NULL ? v : ""), "name", admin_fields[i]);
		}
		pt_limit(req, "admin_name", PT_NAME_MAX_CHARS);
		pt_limit(req, "admin_email", PT_EMAIL_MAX_BYTES);
	}
	pt_limit(req, "name", PT_NAME_MAX_CHARS);
	for (i = 0; i < PT_NELEM(billing_texts); i++)
		pt_limit(req, org_fields[billing_texts[i].field], billing_texts[i].max_chars);
	req->view = "org-form";
	return status;
}

/*
 * The terms and billing fields of in: a field the form did not send keeps
 * the org's value (a new org's: the default), so a form of the older kind
 * changes none of them.  Adds a message per bad field; 1 when all is well.
 */
static int
read_billing(struct pt_req *req, const struct pt_rows *org, struct org_in *in)
{
	int ok = 1;
	size_t i;
	char *end;
	long days;

	for (i = F_TERMS; i <= F_VAT; i++)
		if (pt_form(req, org_fields[i]) == NULL)
			in->v[i] = org != NULL ? pt_cell(org, 0, G_TERMS + (i - F_TERMS)) :
			    i == F_TERMS ? TERMS_DEFAULT : "";
	if (*in->v[F_TERMS] == '\0')
		in->v[F_TERMS] = TERMS_DEFAULT;
	days = strtol(in->v[F_TERMS], &end, 10);
	if (*end != '\0' || strspn(in->v[F_TERMS], "0123456789") != strlen(in->v[F_TERMS]) ||
	    strlen(in->v[F_TERMS]) > 3 || days > TERMS_MAX_DAYS) {
		pt_message_range(req, "input.integer", "payment_terms", 0, TERMS_MAX_DAYS);
		ok = 0;
	}
	for (i = 0; i < PT_NELEM(billing_texts); i++) {
		const char *v = in->v[billing_texts[i].field];
		long n = pt_text_chars(v, 0);

		if (n < 0) {
			pt_message(req, "error", "input.invalid", org_fields[billing_texts[i].field]);
			ok = 0;
		} else if (n > billing_texts[i].max_chars) {
			pt_message_max(req, "input.too-long", org_fields[billing_texts[i].field],
			    billing_texts[i].max_chars);
			ok = 0;
		}
	}
	if (*in->v[F_COUNTRY] != '\0' && !pt_one_of(in->v[F_COUNTRY], countries,
	    PT_NELEM(countries))) {
		pt_message(req, "error", "input.choice", "billing_country");
		ok = 0;
	}
	return ok;
}

/*
 * Read and check the form into in.  org is the row being edited (NULL when
 * creating).  Adds a message per bad field; returns 1 when all is well.
 */
static int
read_form(struct pt_req *req, const struct pt_rows *org, struct org_in *in, int *rc)
{
	int ok = 1, provider = org != NULL && strcmp(pt_cell(org, 0, 2), "provider") == 0;
	size_t i;

	*rc = PT_OK;
	for (i = 0; i < F__MAX; i++)
		if ((in->v[i] = pt_form_trim(req, org_fields[i])) == NULL) {
			*rc = PT_ENOMEM;
			return 0;
		}
	if (*in->v[F_NAME] == '\0') {
		pt_message(req, "error", "org.name.required", "name");
		ok = 0;
	} else if (!pt_valid(PT_V_NAME, in->v[F_NAME], strlen(in->v[F_NAME]))) {
		pt_message_max(req, "org.name.invalid", "name", PT_NAME_MAX_CHARS);
		ok = 0;
	}
	if (provider)
		in->v[F_KIND] = "provider";	/* the provider stays the provider */
	else if (!pt_one_of(in->v[F_KIND], kinds, PT_NELEM(kinds))) {
		pt_message(req, "error", "org.kind.invalid", "kind");
		ok = 0;
	} else if (org != NULL && strcmp(in->v[F_KIND], pt_cell(org, 0, 2)) != 0 &&
	    pt_cell_int(org, 0, 10) > 0) {
		pt_message(req, "error", "org.kind.has-users", "kind");
		ok = 0;
	}
	if (*in->v[F_TIER] != '\0' && !pt_one_of(in->v[F_TIER], tiers, PT_NELEM(tiers))) {
		pt_message(req, "error", "org.tier.invalid", "tier");
		ok = 0;
	}
	if (!pt_one_of(in->v[F_CURRENCY], currencies, PT_NELEM(currencies))) {
		pt_message(req, "error", "org.currency.invalid", "currency");
		ok = 0;
	}
	if (!pt_one_of(in->v[F_LANGUAGE], languages, PT_NELEM(languages))) {
		pt_message(req, "error", "org.language.invalid", "language");
		ok = 0;
	}
	if (pt_parse_amount(in->v[F_ORDER], &in->order_minor) != PT_OK) {
		pt_message(req, "error", "org.limit.invalid", "order_limit");
		ok = 0;
	}
	if (pt_parse_amount(in->v[F_MONTHLY], &in->monthly_minor) != PT_OK) {
		pt_message(req, "error", "org.limit.invalid", "monthly_limit");
		ok = 0;
	} else if (in->order_minor >= 0 && in->monthly_minor >= 0 &&
	    in->order_minor > in->monthly_minor) {
		pt_message(req, "error", "org.limit.order-above-month", "order_limit");
		ok = 0;
	}
	if (!read_billing(req, org, in))
		ok = 0;
	/* A checkbox: "1" when ticked, absent otherwise; the provider takes no mail as a customer. */
	in->v[F_MAIL_INTAKE] = !provider && strcmp(in->v[F_MAIL_INTAKE], "1") == 0 ? "1" : "0";
	if (org == NULL)
		in->v[F_STATUS] = "active";
	else if (!pt_one_of(in->v[F_STATUS], statuses, PT_NELEM(statuses))) {
		pt_message(req, "error", "org.status.invalid", "status");
		ok = 0;
	} else if (provider && strcmp(in->v[F_STATUS], "active") != 0) {
		pt_message(req, "error", "org.status.provider", "status");
		ok = 0;
	}
	return ok;
}

/*
 * The name's unique key refused the write (another org has the name): the
 * key decides, not a look beforehand, so two admins saving at once cannot
 * both pass.  Nothing was written; the form comes back with the input.
 */
static int
name_taken(struct pt_req *req, const struct pt_rows *org, const struct org_in *in)
{
	pt_db_rollback(req);
	pt_message(req, "error", "org.name.taken", "name");
	return show_form(req, 422, org, in->v);
}

/*
 * The admin a new org's onboarding invites: none (both fields empty), or a
 * name and an address nobody has, for a customer org.  Adds a message per
 * bad field; 1 when all is well.
 */
static int
read_admin(struct pt_req *req, struct org_in *in, int *rc)
{
	struct pt_rows taken;
	int ok = 1;

	*rc = PT_OK;
	if ((in->admin_name = pt_form_trim(req, "admin_name")) == NULL ||
	    (in->admin_email = pt_email_normalise(req, pt_form(req, "admin_email"))) == NULL) {
		*rc = PT_ENOMEM;
		return 0;
	}
	if (*in->admin_name == '\0' && *in->admin_email == '\0')
		return 1;
	if (strcmp(in->v[F_KIND], "customer") != 0) {
		pt_message(req, "error", "org.admin.customer-only", "admin_email");
		return 0;
	}
	if (*in->admin_name == '\0') {
		pt_message(req, "error", "users.name.required", "admin_name");
		ok = 0;
	} else if (!pt_valid(PT_V_NAME, in->admin_name, strlen(in->admin_name))) {
		pt_message_max(req, "users.name.invalid", "admin_name", PT_NAME_MAX_CHARS);
		ok = 0;
	}
	if (*in->admin_email == '\0') {
		pt_message(req, "error", "users.email.required", "admin_email");
		ok = 0;
	} else if (strlen(in->admin_email) > PT_EMAIL_MAX_BYTES ||
	    !pt_valid(PT_V_EMAIL, in->admin_email, strlen(in->admin_email))) {
		pt_message(req, "error", "users.email.invalid", "admin_email");
		ok = 0;
	} else if ((*rc = pt_db_query(req, &sql[SQL_EMAIL_TAKEN], &taken,
	    PT_BINDS(pt_str(in->admin_email)))) != PT_OK)
		return 0;
	else if (taken.nrows > 0) {
		pt_message(req, "error", "org.admin.taken", "admin_email");
		ok = 0;
	}
	return ok;
}

/* Start the new customer org's onboarding (see the top), in the caller's transaction. */
static int
onboarding_start(struct pt_req *req, long long id, const struct org_in *in)
{
	const char *key = pt_printf(req, "%lld", id);
	struct pt_flow_var vars[] = {
		PT_FLOW_NUM("org_id", (double)id),
		PT_FLOW_STR("org_name", in->v[F_NAME]),
		PT_FLOW_STR("language", in->v[F_LANGUAGE]),
		PT_FLOW_STR("admin_name", in->admin_name),
		PT_FLOW_STR("admin_email", in->admin_email),
	};

	if (strcmp(in->v[F_KIND], "customer") != 0)
		return PT_OK;
	if (key == NULL)
		return PT_ENOMEM;
	return pt_flow_start(req, "customer-onboarding", key, id, req->session.user->id, vars,
	    PT_NELEM(vars));
}

static int
org_new_form(struct pt_req *req)
{
	const char *values[F__MAX] = { "", "customer", "", "EUR", "en", "", "", "active", "0",
	    TERMS_DEFAULT, "", "", "", "", "", "" };

	return show_form(req, 200, NULL, values);
}

static int
org_create(struct pt_req *req)
{
	struct org_in in;
	int64_t id;
	int rc, ok;

	ok = read_form(req, NULL, &in, &rc);
	if (rc == PT_OK && !read_admin(req, &in, &rc))
		ok = 0;
	if (!ok)
		return rc != PT_OK ? rc : show_form(req, 422, NULL, in.v);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_ORG_INSERT], PT_BINDS(pt_str(in.v[F_NAME]),
	    pt_str(in.v[F_KIND]), pt_str(*in.v[F_TIER] != '\0' ? in.v[F_TIER] : NULL),
	    pt_str(in.v[F_CURRENCY]), pt_str(in.v[F_LANGUAGE]), limit_bind(in.order_minor),
	    limit_bind(in.monthly_minor), pt_int(strcmp(in.v[F_MAIL_INTAKE], "1") == 0),
	    pt_str(in.v[F_TERMS]), pt_str(in.v[F_STREET]), pt_str(in.v[F_STREET2]),
	    pt_str(in.v[F_POSTAL]), pt_str(in.v[F_CITY]), pt_str(in.v[F_COUNTRY]),
	    pt_str(in.v[F_VAT])), NULL)) == PT_EDUP)
		return name_taken(req, NULL, &in);
	if (rc != PT_OK)
		goto fail;
	id = (int64_t)pt_db_insert_id();
	if ((rc = pt_audit(req, "org.create", "org", pt_printf(req, "%lld", (long long)id), NULL,
	    org_json(req, in.v, in.order_minor, in.monthly_minor))) != PT_OK ||
	    (rc = onboarding_start(req, (long long)id, &in)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/auth/admin/orgs?saved=1");
fail:
	pt_db_rollback(req);
	return rc;
}

/* The org of the route's capture, or 404. */
static int
load_org(struct pt_req *req, struct pt_rows *org)
{
	const char *id = req->caps[1];
	int rc;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return 404;
	if ((rc = pt_db_query(req, &sql[SQL_ORG_GET], org,
	    PT_BINDS(pt_int(strtoll(id, NULL, 10))))) != PT_OK)
		return rc;
	return org->nrows == 1 ? PT_OK : 404;
}

static int
org_edit_form(struct pt_req *req)
{
	struct pt_rows org;
	const char *values[F__MAX];
	size_t i;
	int rc;

	if ((rc = load_org(req, &org)) != PT_OK)
		return rc;
	values[F_NAME] = pt_cell(&org, 0, 1);
	values[F_KIND] = pt_cell(&org, 0, 2);
	values[F_TIER] = pt_cell(&org, 0, 3);
	values[F_CURRENCY] = pt_cell(&org, 0, 4);
	values[F_LANGUAGE] = pt_cell(&org, 0, 5);
	values[F_STATUS] = pt_cell(&org, 0, 6);
	values[F_ORDER] = amount_text(req, pt_cell(&org, 0, 7));
	values[F_MONTHLY] = amount_text(req, pt_cell(&org, 0, 8));
	values[F_MAIL_INTAKE] = pt_cell(&org, 0, 11);
	for (i = F_TERMS; i <= F_VAT; i++)
		values[i] = pt_cell(&org, 0, G_TERMS + (i - F_TERMS));
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "org.saved", NULL);
	return show_form(req, 200, &org, values);
}

static int
org_update(struct pt_req *req)
{
	struct pt_rows org;
	struct org_in in;
	const char *before[F__MAX];
	long long id;
	size_t i;
	int rc, deactivate;

	if ((rc = load_org(req, &org)) != PT_OK)
		return rc;
	if (!read_form(req, &org, &in, &rc))
		return rc != PT_OK ? rc : show_form(req, 422, &org, in.v);
	id = pt_cell_int(&org, 0, 0);
	for (i = 0; i < F__MAX; i++)
		before[i] = NULL;
	before[F_NAME] = pt_cell(&org, 0, 1);
	before[F_KIND] = pt_cell(&org, 0, 2);
	before[F_TIER] = pt_cell(&org, 0, 3);
	before[F_CURRENCY] = pt_cell(&org, 0, 4);
	before[F_LANGUAGE] = pt_cell(&org, 0, 5);
	before[F_STATUS] = pt_cell(&org, 0, 6);
	before[F_MAIL_INTAKE] = pt_cell(&org, 0, 11);
	for (i = F_TERMS; i <= F_VAT; i++)
		before[i] = pt_cell(&org, 0, G_TERMS + (i - F_TERMS));
	deactivate = strcmp(before[F_STATUS], "active") == 0 &&
	    strcmp(in.v[F_STATUS], "inactive") == 0;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_ORG_UPDATE], PT_BINDS(pt_str(in.v[F_NAME]),
	    pt_str(in.v[F_KIND]), pt_str(*in.v[F_TIER] != '\0' ? in.v[F_TIER] : NULL),
	    pt_str(in.v[F_CURRENCY]), pt_str(in.v[F_LANGUAGE]), pt_str(in.v[F_STATUS]),
	    limit_bind(in.order_minor), limit_bind(in.monthly_minor),
	    pt_int(strcmp(in.v[F_MAIL_INTAKE], "1") == 0), pt_str(in.v[F_TERMS]),
	    pt_str(in.v[F_STREET]), pt_str(in.v[F_STREET2]), pt_str(in.v[F_POSTAL]),
	    pt_str(in.v[F_CITY]), pt_str(in.v[F_COUNTRY]), pt_str(in.v[F_VAT]), pt_int(id)),
	    NULL)) == PT_EDUP)
		return name_taken(req, &org, &in);
	if (rc != PT_OK)
		goto fail;
	if (deactivate && (rc = pt_db_exec(req, &sql[SQL_ORG_END_SESSIONS],
	    PT_BINDS(pt_int(id)), NULL)) != PT_OK)
		goto fail;
	if ((rc = pt_audit(req, deactivate ? "org.deactivate" : "org.update", "org",
	    pt_printf(req, "%lld", id),
	    org_json(req, before, pt_cell(&org, 0, 7) != NULL ? pt_cell_int(&org, 0, 7) : -1,
	    pt_cell(&org, 0, 8) != NULL ? pt_cell_int(&org, 0, 8) : -1),
	    org_json(req, in.v, in.order_minor, in.monthly_minor))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, pt_printf(req, "/auth/admin/orgs/%lld?saved=1", id));
fail:
	pt_db_rollback(req);
	return rc;
}

/* ---- deletion requests ----------------------------------------------------- */

static int
show_deletions(struct pt_req *req, int status)
{
	xmlNodePtr list = pt_node(req->page, "deletions", NULL);
	struct pt_rows rows;
	size_t r;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_DELETIONS], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	for (r = 0; r < rows.nrows; r++) {
		xmlNodePtr u = pt_node(list, "user", NULL);

		pt_attr(u, "id", pt_cell(&rows, r, 0));
		pt_attr(u, "status", pt_cell(&rows, r, 4));
		pt_attr(u, "requested", pt_cell(&rows, r, 5));
		pt_node(u, "name", pt_cell(&rows, r, 1));
		pt_node(u, "email", pt_cell(&rows, r, 2));
		pt_node(u, "org", pt_cell(&rows, r, 3));
	}
	req->view = "deletions";
	return status;
}

static int
deletions(struct pt_req *req)
{
	if (pt_query(req, "done") != NULL)
		pt_message(req, "success", "deletion.done", NULL);
	return show_deletions(req, 200);
}

/*
 * Complete a deletion request: the person becomes "Deleted user <id>" in
 * one transaction, everything that identified them is removed or
 * scrubbed, and the row with its id stays for the records that refer to it.
 */
static int
anonymise(struct pt_req *req)
{
	const char *id = req->caps[1], *confirm = pt_form(req, "confirm");
	struct pt_rows u;
	long long uid;
	const char *email, *name_json;
	int rc;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return 404;
	uid = strtoll(id, NULL, 10);
	if (confirm == NULL || strcmp(confirm, "1") != 0) {
		pt_message(req, "error", "deletion.confirm.required",
		    pt_printf(req, "confirm-%lld", uid));
		return show_deletions(req, 422);
	}
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_ANON_GET], &u, PT_BINDS(pt_int(uid)))) != PT_OK)
		goto fail;
	if (u.nrows != 1) {
		pt_db_rollback(req);
		return 404;
	}
	email = pt_cell(&u, 0, 2);
	if ((name_json = pt_json_str(req, pt_cell(&u, 0, 3))) == NULL) {
		rc = PT_ENOMEM;
		goto fail;
	}
	if ((rc = pt_db_exec(req, &sql[SQL_ANON_AUDIT_JSON], PT_BINDS(pt_str(id), pt_str(email),
	    pt_str(email), pt_str(name_json), pt_str(name_json)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ANON_AUDIT_IP], PT_BINDS(pt_int(uid)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ANON_ATTEMPTS], PT_BINDS(pt_str(email)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ANON_OUTBOX], PT_BINDS(
	    pt_str(pt_printf(req, "deleted-%lld@invalid.example", uid)), pt_str(email)),
	    NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ANON_SESSIONS], PT_BINDS(pt_int(uid)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ANON_TOKENS], PT_BINDS(pt_int(uid)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ANON_ROLES], PT_BINDS(pt_int(uid)), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_ANON_USER], PT_BINDS(pt_int(uid)), NULL)) != PT_OK ||
	    (rc = pt_audit(req, "user.anonymise", "user", id, NULL,
	    "{\"anonymised\":true}")) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, "/auth/admin/deletions?done=1");
fail:
	pt_db_rollback(req);
	return rc;
}

enum route {
	ROUTE_LIST, ROUTE_NEW_FORM, ROUTE_NEW, ROUTE_EDIT_FORM, ROUTE_EDIT,
	ROUTE_DELETIONS, ROUTE_ANONYMISE, ROUTE__MAX
};

static const struct pt_route routes[ROUTE__MAX] = {
	[ROUTE_LIST] =	    { PT_GET,  "/auth/admin/orgs",	    org_list,	   0, "admin.users" },
	[ROUTE_NEW_FORM] =  { PT_GET,  "/auth/admin/orgs/new",	    org_new_form,  0, "admin.users" },
	[ROUTE_NEW] =	    { PT_POST, "/auth/admin/orgs/new",	    org_create,	   0, "admin.users" },
	[ROUTE_EDIT_FORM] = { PT_GET,  "/auth/admin/orgs/(\\d+)",   org_edit_form, 0, "admin.users" },
	[ROUTE_EDIT] =	    { PT_POST, "/auth/admin/orgs/(\\d+)",   org_update,	   0, "admin.users" },
	[ROUTE_DELETIONS] = { PT_GET,  "/auth/admin/deletions",	    deletions,	   0, "admin.users" },
	[ROUTE_ANONYMISE] = { PT_POST, "/auth/admin/users/(\\d+)/anonymise", anonymise, 0,
	    "admin.users" },
};

static const char *const views[] = { "orgs", "org-form", "deletions" };

const struct pt_group auth_orgs_group = PT_GROUP(routes, sql, views);
