/*
 * The service actions of portico-flowd (actions.h): a table of names and
 * functions, each run inside the transaction of the job that reached the
 * service or send task.
 *
 *   mail.send      template, to: a mail of xslt/mail/<template>.xsl to each
 *                  recipient in their language, through the outbox.  to is
 *                  one or more of (space- or comma-separated) role:<name>
 *                  (the active people holding the role in the instance's
 *                  org, or in the provider's for a provider role),
 *                  user:<id> or a bare user id (a number, e.g.
 *                  expr="buyer_id"), or an address.  The mail's data are
 *                  the process, business key, a link (the inbox), the
 *                  instance's variables and the recipient's name; with
 *                  a variable order_id, the order's facts as the order
 *                  mails have them (order-common.xsl), its page the link.
 *   order.set      order, field=status, value approved|rejected: the
 *                  approval's decision (lib/order-approval.c) by the
 *                  variable completed_by with the variable comment.
 *   return.set     return, field=status, value (approved, rejected,
 *                  received, refunded, replaced) and comment: a return's
 *                  step (lib/return.c) by completed_by; nothing when the
 *                  return has that status (the desk took the step).
 *   ticket.set     ticket, field (status, priority, group, assignee),
 *                  value; reason for status pending.
 *   ticket.create  service (slug or id), subject; body, requester (a user
 *                  id; else the variable requester_id, else who started
 *                  the instance), impact, urgency: a ticket as if the
 *                  requester raised it; sets ticket_id and ticket_number.
 *   ticket.note    ticket, text: an internal note by completed_by (else
 *                  nobody in person).
 *   ticket.sla_alert  ticket, clock: the SLA breach mail of the ticket's
 *                  clock to its group's leads, saying that it escalates to
 *                  them (pt_ticket_sla_alert; ticket-escalation.bpmn).
 *   user.invite    org, email, name, role: invite a person with a role of
 *                  the org's kind into the org (an invited user, the link
 *                  and the mail "invite" from the provider, as the auth
 *                  worker's people pages do); sets admin_user_id.  Someone
 *                  of the org invited before gets a new link; someone of
 *                  the org already active, nothing; an address of another
 *                  org is refused (customer-onboarding.bpmn).
 *   webhook.call   event: a JSON POST of the event, process, business key
 *                  and variables to [flow] webhook_url, the job's id as
 *                  Idempotency-Key, within [flow] webhook_timeout_ms.
 *
 * Every object an action names must belong to the instance's org when the
 * instance has one.  Each action records itself in flow_action_log under
 * the job's id, in the same transaction as its effect; run again for the
 * same job, it finds the row and does nothing.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "actions.h"

enum action_sql {
	SQL_DONE, SQL_LOG, SQL_VARS, SQL_STARTED_BY, SQL_ROLE, SQL_ROLE_PEOPLE, SQL_PERSON,
	SQL_ADDRESS, SQL_ORG_LANG, SQL_ORDER_ORG, SQL_RETURN_ORG, SQL_TICKET, SQL_GROUP, SQL_AGENT,
	SQL_ASSIGN, SQL_SERVICE, SQL_INVITE_ORG, SQL_INVITE_ROLE, SQL_INVITE_HOLDER, SQL_INVITE_USER,
	SQL_INVITE_GRANT, SQL_PROVIDER_NAME, SQL__MAX
};

/* A person, as the actor of what an action writes (req->session.user). */
#define PERSON_COLUMNS \
	"SELECT u.id, u.org_id, u.name, u.email, u.language, og.kind, og.name, u.status = 'active'" \
	" FROM users u JOIN orgs og ON og.id = u.org_id"

const struct pt_sql fl_action_sql[SQL__MAX] = {
	[SQL_DONE] = { "fl_action_done",
	    "SELECT result FROM flow_action_log WHERE job_id = ?" },
	/* Binds: job, instance, action, result. */
	[SQL_LOG] = { "fl_action_log",
	    "INSERT INTO flow_action_log (job_id, instance_id, action, done_at, result)"
	    " VALUES (?, ?, ?, UTC_TIMESTAMP(6), LEFT(?, 1000))" },
	[SQL_VARS] = { "fl_action_vars",
	    "SELECT name, type, value FROM flow_variables WHERE instance_id = ? ORDER BY name" },
	[SQL_STARTED_BY] = { "fl_action_started_by",
	    "SELECT started_by FROM flow_instances WHERE id = ?" },
	[SQL_ROLE] = { "fl_action_role",
	    "SELECT org_kind FROM roles WHERE name = ?" },
	/*
	 * The active people holding a role: in the provider's org for a
	 * provider's role, else in the instance's.  Binds: role, org.
	 */
	[SQL_ROLE_PEOPLE] = { "fl_action_role_people",
	    "SELECT DISTINCT u.id, u.email, u.name, COALESCE(u.language, og.language, 'en')"
	    " FROM roles r JOIN user_roles ur ON ur.role_id = r.id JOIN users u ON u.id = ur.user_id"
	    " JOIN orgs og ON og.id = u.org_id"
	    " WHERE r.name = ? AND u.status = 'active' AND u.org_id = IF(r.org_kind = 'provider',"
	    "   (SELECT MIN(p.id) FROM orgs p WHERE p.kind = 'provider'), ?)"
	    " ORDER BY u.id" },
	[SQL_PERSON] = { "fl_action_person", PERSON_COLUMNS " WHERE u.id = ?" },
	/* A mail to an address: its person's language, if it is someone's.  Binds: email. */
	[SQL_ADDRESS] = { "fl_action_address",
	    "SELECT u.name, COALESCE(u.language, og.language, 'en')"
	    " FROM users u JOIN orgs og ON og.id = u.org_id WHERE u.email = ?" },
	[SQL_ORG_LANG] = { "fl_action_org_lang",
	    "SELECT language FROM orgs WHERE id = ?" },
	[SQL_ORDER_ORG] = { "fl_action_order_org",
	    "SELECT org_id, number FROM orders WHERE id = ?" },
	[SQL_RETURN_ORG] = { "fl_action_return_org",
	    "SELECT org_id, number, status FROM returns WHERE id = ?" },
	[SQL_TICKET] = { "fl_action_ticket",
	    "SELECT id, number, org_id, status, pending_reason, priority, group_id, assignee_id"
	    " FROM tickets WHERE id = ? FOR UPDATE" },
	[SQL_GROUP] = { "fl_action_group",
	    "SELECT id FROM ticket_groups WHERE id = ? AND active = 1" },
	/* An agent: active, of the provider, with tickets.work.  Binds: user. */
	[SQL_AGENT] = { "fl_action_agent",
	    "SELECT u.id FROM users u JOIN orgs og ON og.id = u.org_id"
	    " WHERE u.id = ? AND u.status = 'active' AND og.kind = 'provider'"
	    " AND EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id"
	    "   JOIN permissions p ON p.id = rp.permission_id"
	    "   WHERE ur.user_id = u.id AND p.name = 'tickets.work')" },
	/* Binds: group, assignee, id. */
	[SQL_ASSIGN] = { "fl_action_assign",
	    "UPDATE tickets SET group_id = ?, assignee_id = ?, updated_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ?" },
	/* A service the org may use, by slug or id.  Binds: org, slug, id. */
	[SQL_SERVICE] = { "fl_action_service",
	    "SELECT s.id, s.type, s.group_id, s.impact, s.urgency, s.slug"
	    " FROM ticket_services s JOIN ticket_categories c ON c.id = s.category_id"
	    PT_TICKET_AUDIENCE_JOIN
	    " WHERE (s.slug = ? OR s.id = ?) AND s.active = 1 AND c.active = 1 AND"
	    PT_TICKET_AUDIENCE_SQL },
	/* The org an invitation goes to: name, kind, language, active.  Binds: org. */
	[SQL_INVITE_ORG] = { "fl_action_invite_org",
	    "SELECT name, kind, language, status = 'active' FROM orgs WHERE id = ?" },
	/* A role for people of an org of that kind.  Binds: role, kind. */
	[SQL_INVITE_ROLE] = { "fl_action_invite_role",
	    "SELECT id FROM roles WHERE name = ? AND org_kind = ?" },
	/* Whose the address is, locked for the invitation.  Binds: email. */
	[SQL_INVITE_HOLDER] = { "fl_action_invite_holder",
	    "SELECT id, org_id, status FROM users WHERE email = ? FOR UPDATE" },
	/* Binds: org, email, name, language. */
	[SQL_INVITE_USER] = { "fl_action_invite_user",
	    "INSERT INTO users (org_id, email, name, language, status, created_at)"
	    " VALUES (?, ?, ?, ?, 'invited', UTC_TIMESTAMP(6))" },
	/* Binds: user, role. */
	[SQL_INVITE_GRANT] = { "fl_action_invite_grant",
	    "INSERT IGNORE INTO user_roles (user_id, role_id) VALUES (?, ?)" },
	/* Who invites: the provider. */
	[SQL_PROVIDER_NAME] = { "fl_action_provider_name",
	    "SELECT name FROM orgs WHERE kind = 'provider' ORDER BY id LIMIT 1" },
};
const size_t fl_action_nsql = SQL__MAX;

enum { P_ID, P_ORG, P_NAME, P_EMAIL, P_LANG, P_ORG_KIND, P_ORG_NAME, P_ACTIVE };
enum { T_ID, T_NUMBER, T_ORG, T_STATUS, T_PENDING, T_PRIORITY, T_GROUP, T_ASSIGNEE };
enum { S_ID, S_TYPE, S_GROUP, S_IMPACT, S_URGENCY, S_SLUG };

/* What one run has: the step, its parameters, where it says why not, and what it did. */
struct run {
	const struct fl_action_ctx *ctx;
	struct pt_req	*req;
	const struct fl_param *params;
	size_t		 nparams;
	char		*err;
	size_t		 size;
	const char	*result;	/* for flow_action_log */
};

/* PT_EINVAL with the reason: what a retry cannot mend. */
static int
refuse(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int
refuse(struct run *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->err, r->size, fmt, ap);
	va_end(ap);
	return PT_EINVAL;
}

/* An error to try again: the reason for the admin, the code as it was. */
static int
failed(struct run *r, int rc, const char *what)
{
	snprintf(r->err, r->size, "%s failed (%s)", what, rc == PT_EDB ? "database" :
	    rc == PT_ENOMEM ? "out of memory" : "error");
	return rc;
}

static const struct fl_value *
param(const struct run *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nparams; i++)
		if (strcmp(r->params[i].name, name) == 0)
			return &r->params[i].value;
	return NULL;
}

/* A value as text (numbers as integers when they are), or NULL for null. */
static const char *
text_of(struct pt_req *req, const struct fl_value *v)
{
	char when[21];

	switch (v->type) {
	case FL_NULL:
		return NULL;
	case FL_STRING:
		return v->string;
	case FL_NUMBER:
		if (v->number == floor(v->number) && fabs(v->number) < 1e15)
			return pt_printf(req, "%lld", (long long)v->number);
		return pt_printf(req, "%.17g", v->number);
	case FL_BOOLEAN:
		return v->boolean ? "true" : "false";
	case FL_DATE:
		pt_utc_format(v->date, when);
		return pt_printf(req, "%.10sT%sZ", when, when + 11);
	default:
		return NULL;
	}
}

/* The text parameter name; NULL when it is missing or null. */
static const char *
param_text(struct run *r, const char *name)
{
	const struct fl_value *v = param(r, name);

	return v != NULL ? text_of(r->req, v) : NULL;
}

/* An id: a whole positive number, or a string of digits.  0 when it is none. */
static long long
id_of(const struct fl_value *v)
{
	if (v == NULL)
		return 0;
	if (v->type == FL_NUMBER)
		return v->number >= 1 && v->number < 1e15 && v->number == floor(v->number) ?
		    (long long)v->number : 0;
	if (v->type == FL_STRING && v->len > 0 && v->len <= 15 &&
	    strspn(v->string, "0123456789") == v->len)
		return strtoll(v->string, NULL, 10);
	return 0;
}

/* The id parameter name, or PT_EINVAL saying why not. */
static int
param_id(struct run *r, const char *name, long long *id)
{
	if ((*id = id_of(param(r, name))) == 0)
		return refuse(r, "parameter %s is not the id of a row", name);
	return PT_OK;
}

/* A variable of the instance as an id (0: not set, or not an id). */
static long long
var_id(const struct run *r, const char *name)
{
	struct fl_value v;

	if (r->ctx->vars == NULL || r->ctx->vars->lookup(r->ctx->vars->ctx, name, &v) != PT_OK)
		return 0;
	return id_of(&v);
}

/* A variable of the instance as text ("" when not set). */
static const char *
var_text(const struct run *r, const char *name)
{
	struct fl_value v;
	const char *s;

	if (r->ctx->vars == NULL || r->ctx->vars->lookup(r->ctx->vars->ctx, name, &v) != PT_OK)
		return "";
	s = text_of(r->req, &v);
	return s != NULL ? s : "";
}

/*
 * The person with this id as req->session.user, the actor of what is
 * written; id 0 leaves nobody.  PT_EINVAL when there is no such person.
 */
static int
act_as(struct run *r, long long id)
{
	struct pt_req *req = r->req;
	struct pt_rows p;
	struct pt_user *u;
	int rc;

	req->session.user = NULL;
	if (id == 0)
		return PT_OK;
	if ((rc = pt_db_query(req, &fl_action_sql[SQL_PERSON], &p, PT_BINDS(pt_int(id)))) != PT_OK)
		return failed(r, rc, "reading the person");
	if (p.nrows != 1)
		return refuse(r, "there is no user %lld", id);
	if ((u = pt_alloc(req, sizeof(*u))) == NULL)
		return PT_ENOMEM;
	u->id = id;
	u->org_id = pt_cell_int(&p, 0, P_ORG);
	u->name = pt_cell(&p, 0, P_NAME);
	u->email = pt_cell(&p, 0, P_EMAIL);
	u->lang = pt_cell(&p, 0, P_LANG);
	u->org_kind = pt_cell(&p, 0, P_ORG_KIND);
	u->org_name = pt_cell(&p, 0, P_ORG_NAME);
	req->session.user = u;
	return PT_OK;
}

/* The row's org must be the instance's (when it has one).  Binds: id; columns org, number, ... */
static int
same_org(struct run *r, const struct pt_sql *q, const char *what, long long id,
    struct pt_rows *row)
{
	int rc;

	if ((rc = pt_db_query(r->req, q, row, PT_BINDS(pt_int(id)))) != PT_OK)
		return failed(r, rc, pt_printf(r->req, "reading %s %lld", what, id));
	if (row->nrows != 1)
		return refuse(r, "there is no %s %lld", what, id);
	if (r->ctx->org_id != 0 && pt_cell_int(row, 0, 0) != r->ctx->org_id)
		return refuse(r, "%s %s is not of the instance's organisation", what,
		    pt_cell(row, 0, 1));
	return PT_OK;
}

static int
field_is_status(struct run *r)
{
	const char *field = param_text(r, "field");

	if (field == NULL || strcmp(field, "status") != 0)
		return refuse(r, "field %s cannot be set; only status", field != NULL ? field : "(none)");
	return PT_OK;
}

/* ---- mail.send ------------------------------------------------------------------ */

struct recipients {
	struct pt_mail	*m;
	size_t		 n, cap;
};

static void
free_node(void *node)
{
	xmlFreeNode(node);
}

static int
add_recipient(struct run *r, struct recipients *to, const char *template, xmlNodePtr data,
    const char *email, const char *name, const char *lang)
{
	struct pt_mail *m;
	xmlNodePtr d;
	size_t i;

	for (i = 0; i < to->n; i++)
		if (strcmp(to->m[i].to_email, email) == 0)
			return PT_OK;	/* named twice: one mail */
	if (to->n == to->cap) {
		size_t cap = to->cap != 0 ? to->cap * 2 : 8;

		if ((m = pt_alloc(r->req, cap * sizeof(*m))) == NULL)
			return PT_ENOMEM;
		if (to->n > 0)
			memcpy(m, to->m, to->n * sizeof(*m));
		to->m = m;
		to->cap = cap;
	}
	if ((d = xmlCopyNode(data, 1)) == NULL)
		return PT_ENOMEM;
	if (pt_arena_defer(r->req->arena, free_node, d) != PT_OK) {
		xmlFreeNode(d);
		return PT_ENOMEM;
	}
	pt_node(d, "recipient", name != NULL ? name : "");
	m = &to->m[to->n++];
	m->template = template;
	m->to_email = email;
	m->to_name = name != NULL ? name : "";
	m->lang = pt_mail_lang(lang);
	m->data = d;
	m->th = NULL;
	return PT_OK;
}

/* The recipients one part of "to" names. */
static int
recipients_of(struct run *r, const char *part, const char *template, xmlNodePtr data,
    struct recipients *to)
{
	struct pt_req *req = r->req;
	struct pt_rows rows;
	long long id = 0;
	size_t i, len = strlen(part);
	int rc;

	if (strncmp(part, "role:", 5) == 0) {
		if ((rc = pt_db_query(req, &fl_action_sql[SQL_ROLE], &rows,
		    PT_BINDS(pt_str(part + 5)))) != PT_OK)
			return failed(r, rc, "reading the role");
		if (rows.nrows != 1)
			return refuse(r, "there is no role %s", part + 5);
		if (strcmp(pt_cell(&rows, 0, 0), "provider") != 0 && r->ctx->org_id == 0)
			return refuse(r, "role %s is a customer's, and the instance has no org", part + 5);
		if ((rc = pt_db_query(req, &fl_action_sql[SQL_ROLE_PEOPLE], &rows,
		    PT_BINDS(pt_str(part + 5), pt_int(r->ctx->org_id)))) != PT_OK)
			return failed(r, rc, "reading the role's people");
		for (i = 0; i < rows.nrows; i++)
			if ((rc = add_recipient(r, to, template, data, pt_cell(&rows, i, 1),
			    pt_cell(&rows, i, 2), pt_cell(&rows, i, 3))) != PT_OK)
				return rc;
		return PT_OK;
	}
	if (strncmp(part, "user:", 5) == 0 || strspn(part, "0123456789") == len) {
		const char *digits = part[0] == 'u' ? part + 5 : part;

		if (*digits == '\0' || strlen(digits) > 15 ||
		    strspn(digits, "0123456789") != strlen(digits) ||
		    (id = strtoll(digits, NULL, 10)) <= 0)
			return refuse(r, "%s is not a user", part);
		if ((rc = pt_db_query(req, &fl_action_sql[SQL_PERSON], &rows,
		    PT_BINDS(pt_int(id)))) != PT_OK)
			return failed(r, rc, "reading the user");
		if (rows.nrows != 1)
			return refuse(r, "there is no user %lld", id);
		if (pt_cell_int(&rows, 0, P_ACTIVE) != 1)
			return PT_OK;	/* not active: nobody to tell */
		return add_recipient(r, to, template, data, pt_cell(&rows, 0, P_EMAIL),
		    pt_cell(&rows, 0, P_NAME), pt_cell(&rows, 0, P_LANG) != NULL ?
		    pt_cell(&rows, 0, P_LANG) : NULL);
	}
	if (strchr(part, '@') != NULL && len <= PT_EMAIL_MAX_BYTES && pt_valid(PT_V_EMAIL, part, len)) {
		const char *name = "", *lang = NULL;

		if ((rc = pt_db_query(req, &fl_action_sql[SQL_ADDRESS], &rows,
		    PT_BINDS(pt_str(part)))) != PT_OK)
			return failed(r, rc, "reading the address");
		if (rows.nrows == 1) {
			name = pt_cell(&rows, 0, 0);
			lang = pt_cell(&rows, 0, 1);
		} else if (r->ctx->org_id != 0) {
			if ((rc = pt_db_query(req, &fl_action_sql[SQL_ORG_LANG], &rows,
			    PT_BINDS(pt_int(r->ctx->org_id)))) != PT_OK)
				return failed(r, rc, "reading the org's language");
			if (rows.nrows == 1)
				lang = pt_cell(&rows, 0, 0);
		}
		return add_recipient(r, to, template, data, pt_strdup(req, part), name, lang);
	}
	return refuse(r, "%s is no recipient (role:<name>, user:<id>, an id or an address)", part);
}

/* The instance's variables into parent as <var name type>value</var>. */
static int
vars_node(struct run *r, xmlNodePtr parent, struct pt_rows *vars)
{
	size_t i;
	int rc;

	if ((rc = pt_db_query(r->req, &fl_action_sql[SQL_VARS], vars,
	    PT_BINDS(pt_int(r->ctx->instance_id)))) != PT_OK)
		return failed(r, rc, "reading the variables");
	for (i = 0; parent != NULL && i < vars->nrows; i++) {
		xmlNodePtr v = pt_node(parent, "var", pt_cell(vars, i, 2));

		pt_attr(v, "name", pt_cell(vars, i, 0));
		pt_attr(v, "type", pt_cell(vars, i, 1));
	}
	return PT_OK;
}

/* A template's name: xslt/mail/<name>.xsl must exist. */
static int
template_ok(const char *t)
{
	const char *dir = pt_conf_str("paths", "xslt", PT_PKGDATADIR "/xslt");
	size_t n = t != NULL ? strlen(t) : 0;
	char path[1024];

	if (n == 0 || n > 64 || strspn(t, "abcdefghijklmnopqrstuvwxyz0123456789-") != n ||
	    t[0] == '-')
		return 0;
	if ((size_t)snprintf(path, sizeof(path), "%s/mail/%s.xsl", dir, t) >= sizeof(path))
		return 0;
	return access(path, R_OK) == 0;
}

/*
 * The mail's data: the process, element and business key; about an
 * order (the variable order_id, of the instance's org) the facts of
 * order-common.xsl with the order's page as link, else the inbox.
 */
static int
mail_data(struct run *r, xmlNodePtr *data)
{
	long long order_id = var_id(r, "order_id");
	struct pt_rows f;
	int rc = PT_ENOTFOUND;

	if (order_id != 0 && (rc = pt_order_facts(r->req, order_id, &f)) != PT_OK &&
	    rc != PT_ENOTFOUND)
		return failed(r, rc, "reading the order");
	if (rc == PT_OK && (r->ctx->org_id == 0 || pt_cell_int(&f, 0, PT_OF_ORG_ID) == r->ctx->org_id))
		*data = pt_order_mail_data(r->req, &f);
	else if ((*data = pt_mail_data(r->req)) != NULL)
		pt_node(*data, "link", "/tasks/");
	if (*data == NULL)
		return PT_ENOMEM;
	pt_attr(*data, "process", r->ctx->process_key);
	pt_attr(*data, "element", r->ctx->element_id);
	pt_node(*data, "business-key", r->ctx->business_key);
	return PT_OK;
}

static int
mail_send(struct run *r)
{
	const char *template = param_text(r, "template"), *spec = param_text(r, "to");
	struct recipients to = { NULL, 0, 0 };
	struct pt_rows vars;
	xmlNodePtr data = NULL;
	char *list, *part, *save = NULL;
	int rc;

	if (!template_ok(template))
		return refuse(r, "there is no mail template %s", template != NULL ? template : "(none)");
	if (spec == NULL || *spec == '\0')
		return refuse(r, "the mail is to nobody (parameter to is empty)");
	if ((rc = mail_data(r, &data)) != PT_OK)
		return rc;
	if ((list = pt_strdup(r->req, spec)) == NULL)
		return PT_ENOMEM;
	if ((rc = vars_node(r, pt_node(data, "variables", NULL), &vars)) != PT_OK)
		return rc;
	for (part = strtok_r(list, " ,\t\n", &save); part != NULL; part = strtok_r(NULL, " ,\t\n", &save))
		if ((rc = recipients_of(r, part, template, data, &to)) != PT_OK)
			return rc;
	if ((rc = pt_mail_queue_all(r->req, to.m, to.n)) != PT_OK)
		return failed(r, rc, "queueing the mails");
	r->result = pt_printf(r->req, "%zu mail(s) of %s to %s", to.n, template, spec);
	return PT_OK;
}

/* ---- order.set and return.set ------------------------------------------------------ */

static int
order_set(struct run *r)
{
	const char *value = param_text(r, "value"), *number, *refusal;
	struct pt_rows row;
	long long id;
	int rc;

	if ((rc = param_id(r, "order", &id)) != PT_OK || (rc = field_is_status(r)) != PT_OK)
		return rc;
	if (value == NULL || (strcmp(value, "approved") != 0 && strcmp(value, "rejected") != 0))
		return refuse(r, "an order's status is set to approved or rejected, not %s",
		    value != NULL ? value : "(none)");
	if ((rc = same_org(r, &fl_action_sql[SQL_ORDER_ORG], "order", id, &row)) != PT_OK)
		return rc;
	number = pt_cell(&row, 0, 1);
	rc = pt_order_decide(r->req, id, value, var_id(r, "completed_by"), var_text(r, "comment"),
	    &refusal);
	if (rc == PT_ENOTFOUND)
		return refuse(r, "order %s or who decided it (user %lld) is gone", number,
		    var_id(r, "completed_by"));
	if (rc != PT_OK)
		return failed(r, rc, "deciding the order");
	if (refusal != NULL)
		return refuse(r, "order %s does not await approval", number);
	r->result = pt_printf(r->req, "order %s %s", number, value);
	return PT_OK;
}

static int
return_set(struct run *r)
{
	const char *value = param_text(r, "value"), *comment = param_text(r, "comment");
	const char *number, *refusal;
	struct pt_rows row;
	long long id;
	int rc;

	if ((rc = param_id(r, "return", &id)) != PT_OK || (rc = field_is_status(r)) != PT_OK)
		return rc;
	if (value == NULL || !pt_return_step_from(value, NULL))
		return refuse(r, "a return's status is set to approved, rejected, received,"
		    " refunded or replaced, not %s", value != NULL ? value : "(none)");
	if ((rc = same_org(r, &fl_action_sql[SQL_RETURN_ORG], "return", id, &row)) != PT_OK)
		return rc;
	number = pt_cell(&row, 0, 1);
	/* The order desk took the step itself as it completed the task (returns.c). */
	if (strcmp(pt_cell(&row, 0, 2), value) == 0) {
		r->result = pt_printf(r->req, "return %s was %s already", number, value);
		return PT_OK;
	}
	if ((rc = act_as(r, var_id(r, "completed_by"))) != PT_OK)
		return rc;
	rc = pt_return_step(r->req, id, value, comment, &refusal);
	if (rc == PT_ENOTFOUND)
		return refuse(r, "return %s is gone", number);
	if (rc != PT_OK)
		return failed(r, rc, "the return's step");
	if (refusal != NULL)
		return refuse(r, "return %s cannot become %s (%s)", number, value, refusal);
	r->result = pt_printf(r->req, "return %s %s", number, value);
	return PT_OK;
}

/* ---- tickets ----------------------------------------------------------------------- */

/* The ticket of parameter "ticket", locked, of the instance's org. */
static int
ticket_lock(struct run *r, struct pt_rows *t)
{
	long long id;
	int rc;

	if ((rc = param_id(r, "ticket", &id)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(r->req, &fl_action_sql[SQL_TICKET], t, PT_BINDS(pt_int(id)))) != PT_OK)
		return failed(r, rc, "locking the ticket");
	if (t->nrows != 1)
		return refuse(r, "there is no ticket %lld", id);
	if (r->ctx->org_id != 0 && pt_cell_int(t, 0, T_ORG) != r->ctx->org_id)
		return refuse(r, "ticket %s is not of the instance's organisation",
		    pt_cell(t, 0, T_NUMBER));
	return PT_OK;
}

static const char *const ticket_statuses[] = { "new", "open", "pending", "resolved", "closed" };
static const char *const pending_reasons[] = { "customer", "third_party" };

static int
ticket_status(struct run *r, const struct pt_rows *t, const char *value)
{
	const char *reason = param_text(r, "reason"), *number = pt_cell(t, 0, T_NUMBER);
	long long id = pt_cell_int(t, 0, T_ID);
	int rc;

	if (value == NULL || !pt_one_of(value, ticket_statuses, PT_NELEM(ticket_statuses)))
		return refuse(r, "a ticket's status is new, open, pending, resolved or closed, not %s",
		    value != NULL ? value : "(none)");
	if (strcmp(value, "pending") != 0)
		reason = NULL;
	else if (reason == NULL || !pt_one_of(reason, pending_reasons, PT_NELEM(pending_reasons)))
		return refuse(r, "pending needs parameter reason: customer or third_party");
	if (strcmp(value, pt_cell(t, 0, T_STATUS)) == 0 && (reason == NULL ||
	    (pt_cell(t, 0, T_PENDING) != NULL && strcmp(reason, pt_cell(t, 0, T_PENDING)) == 0)))
		return PT_OK;
	if ((rc = pt_ticket_set_status(r->req, id, pt_cell(t, 0, T_STATUS), pt_cell(t, 0, T_PENDING),
	    value, reason)) != PT_OK ||
	    (rc = pt_audit(r->req, "ticket.status", "ticket", number,
	    pt_printf(r->req, "{\"status\":%s,\"pending_reason\":%s}",
	    pt_json_str(r->req, pt_cell(t, 0, T_STATUS)), pt_json_str(r->req, pt_cell(t, 0, T_PENDING))),
	    pt_printf(r->req, "{\"status\":%s,\"pending_reason\":%s}", pt_json_str(r->req, value),
	    pt_json_str(r->req, reason)))) != PT_OK ||
	    (rc = pt_ticket_mail_status(r->req, id, value, reason)) != PT_OK)
		return failed(r, rc, "setting the ticket's status");
	return PT_OK;
}

/* A new group or assignee (the other kept), with history rows and the audit row. */
static int
ticket_assign(struct run *r, const struct pt_rows *t, const char *field, long long to)
{
	struct pt_req *req = r->req;
	const char *old_group = pt_cell(t, 0, T_GROUP), *old_agent = pt_cell(t, 0, T_ASSIGNEE);
	const char *group = old_group, *agent = old_agent, *now = to > 0 ? pt_printf(req, "%lld", to) : NULL;
	const char *old = strcmp(field, "group") == 0 ? old_group : old_agent;
	long long id = pt_cell_int(t, 0, T_ID);
	struct pt_rows ok;
	int rc;

	if (to > 0 && (rc = pt_db_query(req, &fl_action_sql[strcmp(field, "group") == 0 ?
	    SQL_GROUP : SQL_AGENT], &ok, PT_BINDS(pt_int(to)))) != PT_OK)
		return failed(r, rc, "reading the group or agent");
	if (to > 0 && ok.nrows != 1)
		return refuse(r, strcmp(field, "group") == 0 ? "there is no active group %lld" :
		    "user %lld is no active agent", to);
	if ((old == NULL ? 0 : strtoll(old, NULL, 10)) == to)
		return PT_OK;
	if (strcmp(field, "group") == 0)
		group = now;
	else
		agent = now;
	if ((rc = pt_db_exec(req, &fl_action_sql[SQL_ASSIGN], PT_BINDS(pt_str(group), pt_str(agent),
	    pt_int(id)), NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, id, strcmp(field, "group") == 0 ? "group" : "assignee",
	    old, now)) != PT_OK ||
	    (rc = pt_audit(req, "ticket.assign", "ticket", pt_cell(t, 0, T_NUMBER),
	    pt_printf(req, "{\"group_id\":%s,\"assignee_id\":%s}", old_group ? old_group : "null",
	    old_agent ? old_agent : "null"),
	    pt_printf(req, "{\"group_id\":%s,\"assignee_id\":%s}", group ? group : "null",
	    agent ? agent : "null"))) != PT_OK)
		return failed(r, rc, "assigning the ticket");
	return PT_OK;
}

static int
ticket_set(struct run *r)
{
	const char *field = param_text(r, "field"), *value = param_text(r, "value");
	const struct fl_value *v = param(r, "value");
	struct pt_rows t;
	long long n;
	int rc;

	if ((rc = ticket_lock(r, &t)) != PT_OK || (rc = act_as(r, var_id(r, "completed_by"))) != PT_OK)
		return rc;
	if (field == NULL)
		field = "(none)";
	if (strcmp(field, "status") == 0)
		rc = ticket_status(r, &t, value);
	else if (strcmp(field, "priority") == 0) {
		if ((n = id_of(v)) < 1 || n > 5)
			return refuse(r, "a ticket's priority is 1 to 5, not %s", value ? value : "(none)");
		if ((rc = pt_ticket_set_priority(r->req, pt_cell_int(&t, 0, T_ID),
		    pt_cell_int(&t, 0, T_PRIORITY), n)) == PT_OK && n != pt_cell_int(&t, 0, T_PRIORITY))
			rc = pt_audit(r->req, "ticket.priority", "ticket", pt_cell(&t, 0, T_NUMBER),
			    pt_printf(r->req, "{\"priority\":%s}", pt_cell(&t, 0, T_PRIORITY)),
			    pt_printf(r->req, "{\"priority\":%lld}", n));
		if (rc != PT_OK)
			return failed(r, rc, "setting the ticket's priority");
	} else if (strcmp(field, "group") == 0 || strcmp(field, "assignee") == 0) {
		/* null or 0: none */
		if (v != NULL && v->type != FL_NULL && id_of(v) == 0 &&
		    !(v->type == FL_NUMBER && v->number == 0))
			return refuse(r, "the ticket's %s is an id, not %s", field, value);
		rc = ticket_assign(r, &t, field, id_of(v));
	} else
		return refuse(r, "a ticket's field %s cannot be set (status, priority, group, assignee)",
		    field);
	if (rc == PT_OK)
		r->result = pt_printf(r->req, "ticket %s %s %s", pt_cell(&t, 0, T_NUMBER), field,
		    value != NULL ? value : "none");
	return rc;
}

static int
ticket_note(struct run *r)
{
	const char *text = param_text(r, "text"), *mid = NULL;
	struct pt_rows t;
	long long id, msg;
	int rc;

	if (text == NULL || *text == '\0')
		return refuse(r, "the note is empty");
	if (pt_text_chars(text, 1) < 0 || pt_text_chars(text, 1) > PT_TICKET_BODY_MAX_CHARS)
		return refuse(r, "the note is not text of at most %d characters",
		    PT_TICKET_BODY_MAX_CHARS);
	if ((rc = ticket_lock(r, &t)) != PT_OK || (rc = act_as(r, var_id(r, "completed_by"))) != PT_OK)
		return rc;
	id = pt_cell_int(&t, 0, T_ID);
	if ((rc = pt_ticket_message_add(r->req, id, "internal", "web", text, &msg, &mid)) != PT_OK ||
	    (rc = pt_ticket_history(r->req, id, "note", NULL, pt_printf(r->req, "%lld", msg))) != PT_OK ||
	    (rc = pt_ticket_touch(r->req, id)) != PT_OK ||
	    (rc = pt_audit(r->req, "ticket.note", "ticket", pt_cell(&t, 0, T_NUMBER), NULL,
	    pt_printf(r->req, "{\"message_id\":%lld,\"files\":[]}", msg))) != PT_OK)
		return failed(r, rc, "adding the note");
	r->result = pt_printf(r->req, "note %lld on ticket %s", msg, pt_cell(&t, 0, T_NUMBER));
	return PT_OK;
}

static int
ticket_create(struct run *r)
{
	const char *subject = param_text(r, "subject"), *body = param_text(r, "body");
	const char *service = param_text(r, "service");
	struct pt_ticket_new n;
	struct pt_ticket_made t;
	struct pt_rows s, who;
	struct fl_value v;
	long long requester = id_of(param(r, "requester")), impact, urgency;
	int rc;

	if (subject == NULL || *subject == '\0' || pt_text_chars(subject, 0) < 0 ||
	    pt_text_chars(subject, 0) > PT_TICKET_SUBJECT_MAX_CHARS)
		return refuse(r, "the subject is empty, not one line, or longer than %d characters",
		    PT_TICKET_SUBJECT_MAX_CHARS);
	if (body == NULL || *body == '\0')
		body = subject;
	if (pt_text_chars(body, 1) < 0 || pt_text_chars(body, 1) > PT_TICKET_BODY_MAX_CHARS)
		return refuse(r, "the body is not text of at most %d characters",
		    PT_TICKET_BODY_MAX_CHARS);
	if (requester == 0)
		requester = var_id(r, "requester_id");
	if (requester == 0) {
		if ((rc = pt_db_query(r->req, &fl_action_sql[SQL_STARTED_BY], &who,
		    PT_BINDS(pt_int(r->ctx->instance_id)))) != PT_OK)
			return failed(r, rc, "reading who started the instance");
		if (who.nrows == 1 && pt_cell(&who, 0, 0) != NULL)
			requester = pt_cell_int(&who, 0, 0);
	}
	if (requester == 0)
		return refuse(r, "nobody to raise the ticket: no parameter requester, no variable"
		    " requester_id, nobody started the instance");
	if ((rc = act_as(r, requester)) != PT_OK)
		return rc;
	if (r->ctx->org_id != 0 && r->req->session.user->org_id != r->ctx->org_id)
		return refuse(r, "the requester %lld is not of the instance's organisation", requester);
	if (service == NULL)
		return refuse(r, "no service");
	if ((rc = pt_db_query(r->req, &fl_action_sql[SQL_SERVICE], &s,
	    PT_BINDS(pt_int(r->req->session.user->org_id), pt_str(service),
	    pt_int(id_of(param(r, "service")))))) != PT_OK)
		return failed(r, rc, "reading the service");
	if (s.nrows != 1)
		return refuse(r, "there is no active service %s that the requester's org may use",
		    service);
	impact = id_of(param(r, "impact"));
	urgency = id_of(param(r, "urgency"));
	n.service_id = pt_cell_int(&s, 0, S_ID);
	n.type = pt_cell(&s, 0, S_TYPE);
	n.group_id = pt_cell(&s, 0, S_GROUP);
	n.impact = impact >= 1 && impact <= 3 ? impact : pt_cell_int(&s, 0, S_IMPACT);
	n.urgency = urgency >= 1 && urgency <= 3 ? urgency : pt_cell_int(&s, 0, S_URGENCY);
	n.subject = subject;
	n.body = body;
	n.via = "web";
	n.message_id = NULL;
	if ((rc = pt_ticket_create(r->req, &n, &t)) != PT_OK ||
	    (rc = pt_audit(r->req, "ticket.create", "ticket", t.number, NULL,
	    pt_printf(r->req, "{\"service\":%s,\"subject\":%s,\"priority\":%lld,\"group_id\":%s,"
	    "\"answers\":{}}", pt_json_str(r->req, pt_cell(&s, 0, S_SLUG)),
	    pt_json_str(r->req, subject), t.priority, n.group_id != NULL ? n.group_id : "null"))) !=
	    PT_OK ||
	    (rc = pt_ticket_mail_new(r->req, &n, &t)) != PT_OK)
		return failed(r, rc, "creating the ticket");
	if (r->ctx->set != NULL) {
		memset(&v, 0, sizeof(v));
		v.type = FL_NUMBER;
		v.number = (double)t.id;
		if ((rc = r->ctx->set(r->ctx->set_ctx, "ticket_id", &v)) != PT_OK)
			return failed(r, rc, "setting ticket_id");
		v.type = FL_STRING;
		v.string = t.number;
		v.len = strlen(t.number);
		if ((rc = r->ctx->set(r->ctx->set_ctx, "ticket_number", &v)) != PT_OK)
			return failed(r, rc, "setting ticket_number");
	}
	r->result = pt_printf(r->req, "ticket %s", t.number);
	return PT_OK;
}

static int
ticket_sla_alert(struct run *r)
{
	const char *clock = param_text(r, "clock");
	struct pt_rows t;
	int rc;

	if ((rc = ticket_lock(r, &t)) != PT_OK)
		return rc;
	rc = pt_ticket_sla_alert(r->req, pt_cell_int(&t, 0, T_ID), clock);
	if (rc == PT_EINVAL)
		return refuse(r, "clock %s is none of first_response, update and resolution",
		    clock != NULL ? clock : "(none)");
	if (rc == PT_ENOTFOUND)
		return refuse(r, "ticket %s has no %s clock", pt_cell(&t, 0, T_NUMBER), clock);
	if (rc != PT_OK)
		return failed(r, rc, "mailing the ticket's leads");
	r->result = pt_printf(r->req, "breach of %s of ticket %s told to its leads", clock,
	    pt_cell(&t, 0, T_NUMBER));
	return PT_OK;
}

/* ---- user.invite ------------------------------------------------------------------- */

enum { IO_NAME, IO_KIND, IO_LANG, IO_ACTIVE };
enum { IH_ID, IH_ORG, IH_STATUS };

/* The invited person: invited now, or invited before and not yet in (a new link). */
static int
invitee(struct run *r, long long org, const char *email, const char *name, const char *lang,
    long long *id, int *already)
{
	struct pt_req *req = r->req;
	struct pt_rows h;
	int rc;

	*already = 0;
	if ((rc = pt_db_query(req, &fl_action_sql[SQL_INVITE_HOLDER], &h,
	    PT_BINDS(pt_str(email)))) != PT_OK)
		return failed(r, rc, "reading who has the address");
	if (h.nrows == 0) {
		if ((rc = pt_db_exec(req, &fl_action_sql[SQL_INVITE_USER], PT_BINDS(pt_int(org),
		    pt_str(email), pt_str(name), pt_str(lang)), NULL)) != PT_OK)
			return failed(r, rc, "adding the invited user");
		*id = (long long)pt_db_insert_id();
		return PT_OK;
	}
	*id = pt_cell_int(&h, 0, IH_ID);
	if (pt_cell_int(&h, 0, IH_ORG) != org)
		return refuse(r, "%s is the address of someone of another organisation", email);
	if (strcmp(pt_cell(&h, 0, IH_STATUS), "active") == 0) {
		*already = 1;
		return PT_OK;
	}
	if (strcmp(pt_cell(&h, 0, IH_STATUS), "invited") != 0)
		return refuse(r, "%s is the address of a %s user of the organisation, who is"
		    " not invited again", email, pt_cell(&h, 0, IH_STATUS));
	if ((rc = pt_token_void(req, *id, "invite")) != PT_OK)
		return failed(r, rc, "voiding the older invitation");
	return PT_OK;
}

static int
user_invite(struct run *r)
{
	struct pt_req *req = r->req;
	const char *name = param_text(r, "name"), *role = param_text(r, "role");
	const char *email = pt_email_normalise(req, param_text(r, "email"));
	struct pt_rows o, ro, prov;
	struct fl_value v;
	long long org, id = 0, role_id;
	int rc, already;

	if ((rc = param_id(r, "org", &org)) != PT_OK)
		return rc;
	if (r->ctx->org_id != 0 && org != r->ctx->org_id)
		return refuse(r, "org %lld is not the instance's organisation", org);
	if (email == NULL)
		return PT_ENOMEM;
	if (*email == '\0' || strlen(email) > PT_EMAIL_MAX_BYTES ||
	    !pt_valid(PT_V_EMAIL, email, strlen(email)))
		return refuse(r, "\"%s\" is not an email address", email);
	if (name == NULL || *name == '\0' || !pt_valid(PT_V_NAME, name, strlen(name)))
		return refuse(r, "the name is empty, or longer than %d characters", PT_NAME_MAX_CHARS);
	if ((rc = pt_db_query(req, &fl_action_sql[SQL_INVITE_ORG], &o, PT_BINDS(pt_int(org)))) != PT_OK)
		return failed(r, rc, "reading the org");
	if (o.nrows != 1)
		return refuse(r, "there is no org %lld", org);
	if (pt_cell_int(&o, 0, IO_ACTIVE) != 1)
		return refuse(r, "org %s is inactive", pt_cell(&o, 0, IO_NAME));
	if ((rc = pt_db_query(req, &fl_action_sql[SQL_INVITE_ROLE], &ro, PT_BINDS(pt_str(role),
	    pt_str(pt_cell(&o, 0, IO_KIND))))) != PT_OK)
		return failed(r, rc, "reading the role");
	if (ro.nrows != 1)
		return refuse(r, "there is no role %s for people of a %s org",
		    role != NULL ? role : "(none)", pt_cell(&o, 0, IO_KIND));
	role_id = pt_cell_int(&ro, 0, 0);
	if ((rc = invitee(r, org, email, name, pt_cell(&o, 0, IO_LANG), &id, &already)) != PT_OK)
		return rc;
	if (!already) {
		if ((rc = pt_db_query(req, &fl_action_sql[SQL_PROVIDER_NAME], &prov,
		    PT_NOBINDS)) != PT_OK)
			return failed(r, rc, "reading the provider's name");
		if ((rc = pt_db_exec(req, &fl_action_sql[SQL_INVITE_GRANT], PT_BINDS(pt_int(id),
		    pt_int(role_id)), NULL)) != PT_OK ||
		    (rc = pt_invite_send(req, id, email, name, pt_cell(&o, 0, IO_NAME),
		    pt_cell(&o, 0, IO_LANG), prov.nrows == 1 ? pt_cell(&prov, 0, 0) : "")) != PT_OK ||
		    (rc = pt_audit_as(req, 0, org, "user.invite", "user", pt_printf(req, "%lld", id),
		    NULL, pt_printf(req, "{\"email\":%s,\"name\":%s,\"org_id\":%lld,"
		    "\"status\":\"invited\",\"roles\":[%s]}", pt_json_str(req, email),
		    pt_json_str(req, name), org, pt_json_str(req, role)))) != PT_OK)
			return failed(r, rc, "inviting");
	}
	if (r->ctx->set != NULL) {
		memset(&v, 0, sizeof(v));
		v.type = FL_NUMBER;
		v.number = (double)id;
		if ((rc = r->ctx->set(r->ctx->set_ctx, "admin_user_id", &v)) != PT_OK)
			return failed(r, rc, "setting admin_user_id");
	}
	r->result = pt_printf(req, already ? "%s is in org %lld already" :
	    "invited %s to org %lld", email, org);
	return PT_OK;
}

/* ---- webhook.call ------------------------------------------------------------------ */

/* The variables as a JSON object of their types (dates as {"date": ...}). */
static const char *
vars_json(struct run *r, const struct pt_rows *vars)
{
	struct pt_req *req = r->req;
	const char *out = "{", *v;
	size_t i;

	for (i = 0; i < vars->nrows && out != NULL; i++) {
		const char *type = pt_cell(vars, i, 1), *value = pt_cell(vars, i, 2);

		if (value == NULL || strcmp(type, "null") == 0)
			v = "null";
		else if (strcmp(type, "number") == 0 || strcmp(type, "boolean") == 0)
			v = value;
		else if (strcmp(type, "date") == 0)
			v = pt_printf(req, "{\"date\":%s}", pt_json_str(req, value));
		else
			v = pt_json_str(req, value);
		out = v != NULL ? pt_printf(req, "%s%s%s:%s", out, i > 0 ? "," : "",
		    pt_json_str(req, pt_cell(vars, i, 0)), v) : NULL;
	}
	return out != NULL ? pt_printf(req, "%s}", out) : NULL;
}

/* What the receiver answered is not kept: its status is all. */
static size_t
discard(char *ptr, size_t size, size_t n, void *ctx)
{
	(void)ptr;
	(void)ctx;
	return size * n;
}

static int
webhook_call(struct run *r)
{
	struct pt_req *req = r->req;
	const char *url = pt_conf_str("flow", "webhook_url", NULL), *event = param_text(r, "event");
	long timeout_ms = pt_conf_int("flow", "webhook_timeout_ms", 10000);
	struct curl_slist *h = NULL, *h2;
	struct pt_rows vars;
	const char *body, *vj, *key;
	char cerr[CURL_ERROR_SIZE] = "";
	long status = 0;
	CURLcode cc;
	CURL *c;
	int rc;

	if (url == NULL || *url == '\0')
		return refuse(r, "no webhook: [flow] webhook_url is not configured");
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		return refuse(r, "[flow] webhook_url is not an http or https URL");
	if (event == NULL || *event == '\0')
		return refuse(r, "the webhook's event is empty");
	if ((rc = vars_node(r, NULL, &vars)) != PT_OK)
		return rc;
	if ((vj = vars_json(r, &vars)) == NULL ||
	    (body = pt_printf(req, "{\"event\":%s,\"process\":%s,\"business_key\":%s,"
	    "\"instance_id\":%lld,\"org_id\":%s,\"job_id\":%lld,\"element\":%s,\"variables\":%s}",
	    pt_json_str(req, event), pt_json_str(req, r->ctx->process_key),
	    pt_json_str(req, r->ctx->business_key), r->ctx->instance_id,
	    r->ctx->org_id != 0 ? pt_printf(req, "%lld", r->ctx->org_id) : "null", r->ctx->job_id,
	    pt_json_str(req, r->ctx->element_id), vj)) == NULL ||
	    (key = pt_printf(req, "Idempotency-Key: flow-job-%lld", r->ctx->job_id)) == NULL)
		return PT_ENOMEM;
	if ((c = curl_easy_init()) == NULL)
		return PT_ENOMEM;
	if ((h2 = curl_slist_append(h, "Content-Type: application/json")) != NULL)
		h = h2;
	if ((h2 = curl_slist_append(h, key)) != NULL)
		h = h2;
	if ((h2 = curl_slist_append(h, "User-Agent: portico-flowd")) != NULL)
		h = h2;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 10000L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 10000L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	cc = curl_easy_perform(c);
	if (cc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(c);
	curl_slist_free_all(h);
	if (cc != CURLE_OK) {
		snprintf(r->err, r->size, "the webhook did not answer: %s",
		    *cerr != '\0' ? cerr : curl_easy_strerror(cc));
		return PT_ESYS;
	}
	if (status < 200 || status > 299) {
		snprintf(r->err, r->size, "the webhook answered HTTP %ld", status);
		return PT_ESYS;
	}
	r->result = pt_printf(req, "webhook %s: HTTP %ld", event, status);
	return PT_OK;
}

/* ---- the table ------------------------------------------------------------------ */

static const struct {
	const char	*name;
	int		(*run)(struct run *);
} table[] = {
	{ "mail.send",		mail_send },
	{ "ticket.set",		ticket_set },
	{ "order.set",		order_set },
	{ "return.set",		return_set },
	{ "ticket.create",	ticket_create },
	{ "ticket.note",	ticket_note },
	{ "ticket.sla_alert",	ticket_sla_alert },
	{ "user.invite",	user_invite },
	{ "webhook.call",	webhook_call },
};

int
fl_action_register(void)
{
	static const struct pt_group *const groups[] = {
		&pt_ticket_group, &pt_ticket_mail_group, &pt_ticket_sla_group, &pt_invoice_group,
		&pt_order_group, &pt_return_group,
	};
	size_t i;
	int rc;

	/* The runtime's own statements come first (pt_db_init does nothing the second time). */
	if ((rc = pt_db_init()) != PT_OK ||
	    (rc = pt_db_register(fl_action_sql, fl_action_nsql)) != PT_OK)
		return rc;
	for (i = 0; i < PT_NELEM(groups); i++)
		if ((rc = pt_db_register(groups[i]->sql, groups[i]->nsql)) != PT_OK)
			return rc;
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? PT_OK : PT_ESYS;
}

int
fl_action_run(const struct fl_action_ctx *ctx, const char *action,
    const struct fl_param *params, size_t nparams, char *err, size_t size)
{
	struct pt_req *req = ctx->req;
	struct pt_user *was = req->session.user;
	struct run r = { ctx, req, params, nparams, err, size, NULL };
	const struct fl_action *a = fl_action_find(action);
	struct pt_rows done;
	size_t i, t;
	int rc;

	if (size > 0)
		err[0] = '\0';
	if (a == NULL)
		return refuse(&r, "there is no action %s", action != NULL ? action : "(none)");
	/*
	 * Before the parameters: t/unit/flow-actions runs every action of
	 * fl_actions without a parameter and expects that refusal, so an
	 * action model.c names and this table lacks fails the unit test.
	 */
	for (t = 0; t < PT_NELEM(table); t++)
		if (strcmp(table[t].name, action) == 0)
			break;
	if (t == PT_NELEM(table))
		return refuse(&r, "action %s is named in model.c but actions.c has no function for it",
		    action);
	for (i = 0; a->required[i] != NULL; i++)
		if (param(&r, a->required[i]) == NULL)
			return refuse(&r, "%s needs parameter %s", action, a->required[i]);
	if ((rc = pt_db_query(req, &fl_action_sql[SQL_DONE], &done,
	    PT_BINDS(pt_int(ctx->job_id)))) != PT_OK)
		return failed(&r, rc, "reading the action log");
	if (done.nrows > 0)
		return PT_OK;	/* done before for this job */
	rc = table[t].run(&r);
	req->session.user = was;
	if (rc != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &fl_action_sql[SQL_LOG], PT_BINDS(pt_int(ctx->job_id),
	    pt_int(ctx->instance_id), pt_str(action), pt_str(r.result)), NULL)) != PT_OK)
		return failed(&r, rc, "writing the action log");
	return PT_OK;
}
