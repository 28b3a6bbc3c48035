/*
 * The ticket page (GET /tickets/<number>): subject, status, priority, the
 * service and the form's answers, the people in CC and the conversation
 * with its files.  Customers never get internal notes or their files: not
 * on the page and not in ?format=xml, since they are not read for them.
 * Agents get their part as well (agent.c).  A customer's page is kept
 * for them alone while nothing on it changes (personal.c); an agent's
 * never is.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tickets.h"

enum view_sql { SQL_LISTS, SQL__MAX };

/*
 * What a customer's page lists about the ticket, in one statement
 * (TK_L_PARTS, never an internal note nor a file of one: the agent bind
 * is 0).  An agent's page reads these and the agents' parts in one
 * statement of its own (tk_agent_rows).
 */
static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LISTS] = { "tk_view_lists", TK_L_PARTS },
};

/* The columns of each kind of row, after the tag. */
enum { A_NAME = 1, A_KIND, A_LABEL, A_VALUE, A_OPTION, A_FILE_ID, A_FILE_NAME, A_FILE_TYPE,
	A_FILE_SIZE };
enum { C_ID = 1, C_NAME, C_EMAIL };
enum { F_ID = 1, F_MESSAGE, F_NAME, F_TYPE, F_SIZE };
enum { M_ID = 1, M_KIND, M_VIA, M_AUTHOR_ID, M_AUTHOR, M_STAFF, M_BODY, M_CREATED };

/* 1 if the reader may add and remove people in CC. */
int
tk_may_edit_cc(const struct pt_req *req, const struct tk_ticket *t)
{
	return t->agent || t->requester_id == req->session.user->id ||
	    (pt_can(req, "tickets.read.org") && t->org_id == req->session.user->org_id);
}

/* <file id href type size>name</file> of row i, its columns from col (id, name, type, size). */
static void
file_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows, size_t i,
    size_t id, size_t name, size_t type, size_t size)
{
	xmlNodePtr f = pt_node(parent, "file", pt_cell(rows, i, name));

	pt_attr(f, "id", pt_cell(rows, i, id));
	pt_attr(f, "href", pt_printf(req, "/tickets/files/%s/%s", pt_cell(rows, i, id),
	    pt_cell(rows, i, name)));
	pt_attr(f, "type", pt_cell(rows, i, type));
	pt_attr(f, "size", pt_cell(rows, i, size));
}

/* <answer field kind><label/><value raw/>|<file/>...</answer> of the 'a' row i. */
static xmlNodePtr
answer_node(struct pt_req *req, xmlNodePtr answers, xmlNodePtr a, const struct pt_rows *rows,
    size_t i)
{
	const char *name = pt_cell(rows, i, A_NAME);
	xmlNodePtr v;

	if (a == NULL || i == 0 || strcmp(pt_cell(rows, i - 1, A_NAME), name) != 0) {
		a = pt_node(answers, "answer", NULL);
		pt_attr(a, "field", name);
		pt_attr(a, "kind", pt_cell(rows, i, A_KIND));
		pt_node(a, "label", pt_cell(rows, i, A_LABEL));
	}
	if (pt_cell(rows, i, A_FILE_ID) != NULL) {
		if (pt_cell(rows, i, A_FILE_NAME) != NULL)
			file_node(req, a, rows, i, A_FILE_ID, A_FILE_NAME, A_FILE_TYPE, A_FILE_SIZE);
		return a;
	}
	v = pt_node(a, "value", pt_cell(rows, i, A_OPTION) != NULL ?
	    pt_cell(rows, i, A_OPTION) : pt_cell(rows, i, A_VALUE));
	pt_attr(v, "raw", pt_cell(rows, i, A_VALUE));
	return a;
}

/* <message id kind via created><author id staff/><body/><file/>...</message> of the 'm' row i. */
static void
message_node(struct pt_req *req, xmlNodePtr messages, const struct pt_rows *rows, size_t i,
    size_t files, size_t nfiles)
{
	xmlNodePtr m = pt_node(messages, "message", NULL);
	size_t j;

	pt_attr(m, "id", pt_cell(rows, i, M_ID));
	pt_attr(m, "kind", pt_cell(rows, i, M_KIND));
	pt_attr(m, "via", pt_cell(rows, i, M_VIA));
	pt_attr(m, "created", pt_cell(rows, i, M_CREATED));
	if (pt_cell(rows, i, M_AUTHOR_ID) != NULL) {
		xmlNodePtr a = pt_node(m, "author", pt_cell(rows, i, M_AUTHOR));

		pt_attr(a, "id", pt_cell(rows, i, M_AUTHOR_ID));
		if (pt_cell(rows, i, M_STAFF) != NULL && strcmp(pt_cell(rows, i, M_STAFF), "1") == 0)
			pt_attr(a, "staff", "1");
	}
	pt_node(m, "body", pt_cell(rows, i, M_BODY));
	for (j = files; j < files + nfiles; j++)
		if (strcmp(pt_cell(rows, j, F_MESSAGE), pt_cell(rows, i, M_ID)) == 0)
			file_node(req, m, rows, j, F_ID, F_NAME, F_TYPE, F_SIZE);
}

static const struct pt_rows *sorting;	/* the rows row_cmp compares (qsort has no context) */

static int
row_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb, c;
	const char *x, *y;
	int d;

	if ((d = strcmp(pt_cell(sorting, a, 0), pt_cell(sorting, b, 0))) != 0)
		return d;
	x = pt_cell(sorting, a, TK_L_SORT);
	y = pt_cell(sorting, b, TK_L_SORT);
	if ((d = strcasecmp(x != NULL ? x : "", y != NULL ? y : "")) != 0)
		return d;
	for (c = TK_L_SORT + 1; c < TK_L_COLS; c++) {
		long long i = pt_cell_int(sorting, a, c), j = pt_cell_int(sorting, b, c);

		if (i != j)
			return i < j ? -1 : 1;
	}
	return a < b ? -1 : a > b;
}

void
tk_lists_sort(struct pt_req *req, struct pt_rows *rows)
{
	size_t n = rows->nrows, w = rows->ncols, i;
	size_t *order = pt_alloc(req, (n + 1) * sizeof(*order));
	char **cell = pt_alloc(req, (n * w + 1) * sizeof(*cell));
	size_t *len = pt_alloc(req, (n * w + 1) * sizeof(*len));

	if (order == NULL || cell == NULL || len == NULL || w < TK_L_COLS)
		return;
	for (i = 0; i < n; i++)
		order[i] = i;
	sorting = rows;
	qsort(order, n, sizeof(*order), row_cmp);
	for (i = 0; i < n; i++) {
		memcpy(cell + i * w, rows->cell + order[i] * w, w * sizeof(*cell));
		memcpy(len + i * w, rows->len + order[i] * w, w * sizeof(*len));
	}
	memcpy(rows->cell, cell, n * w * sizeof(*cell));
	memcpy(rows->len, len, n * w * sizeof(*len));
}

/* The answers, CC and messages under the ticket's node n from the lists' rows (others: the agents'). */
static void
lists_nodes(struct pt_req *req, xmlNodePtr n, const struct pt_rows *rows)
{
	xmlNodePtr answers = pt_node(n, "answers", NULL), cc = pt_node(n, "cc", NULL);
	xmlNodePtr messages = pt_node(n, "messages", NULL), a = NULL, p;
	size_t i, files = 0, nfiles = 0;

	for (i = 0; i < rows->nrows; i++)
		switch (TK_TAG(rows, i)) {
		case 'a':
			a = answer_node(req, answers, a, rows, i);
			break;
		case 'c':
			p = pt_node(cc, "person", pt_cell(rows, i, C_NAME));
			pt_attr(p, "id", pt_cell(rows, i, C_ID));
			pt_attr(p, "email", pt_cell(rows, i, C_EMAIL));
			if (pt_cell_int(rows, i, C_ID) == req->session.user->id)
				pt_attr(p, "me", "1");
			break;
		case 'f':
			/* Sorted before the messages they belong to. */
			if (nfiles++ == 0)
				files = i;
			break;
		case 'm':
			message_node(req, messages, rows, i, files, nfiles);
			break;
		}
}

static void
ticket_attrs(struct pt_req *req, xmlNodePtr n, const struct tk_ticket *t)
{
	static const struct { const char *name; enum tk_ticket_col col; } attrs[] = {
		{ "number", TK_T_NUMBER }, { "status", TK_T_STATUS },
		{ "pending-reason", TK_T_PENDING }, { "type", TK_T_TYPE },
		{ "impact", TK_T_IMPACT }, { "urgency", TK_T_URGENCY },
		{ "priority", TK_T_PRIORITY }, { "created", TK_T_CREATED },
		{ "updated", TK_T_UPDATED }, { "resolved", TK_T_RESOLVED },
		{ "closed", TK_T_CLOSED },
	};
	size_t i;

	for (i = 0; i < PT_NELEM(attrs); i++)
		if (TK_CELL(t, attrs[i].col) != NULL)
			pt_attr(n, attrs[i].name, TK_CELL(t, attrs[i].col));
	pt_attr(n, "href", tk_ticket_path(req, t->number, NULL));
}

int
tk_page(struct pt_req *req, int status)
{
	struct pt_rows lists;
	struct tk_ticket t;
	xmlNodePtr n, c, actions;
	int rc;

	if ((rc = tk_ticket_page(req, &t)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (t.agent)
		rc = tk_agent_rows(req, &t, &lists);
	else
		rc = pt_db_query(req, &sql[SQL_LISTS], &lists, PT_BINDS(pt_str(req->lang),
		    pt_str(req->lang), pt_int(t.id), pt_int(t.id), pt_int(t.id), pt_int(0),
		    pt_int(t.id), pt_int(0)));
	if (rc != PT_OK)
		return rc;
	tk_lists_sort(req, &lists);

	n = pt_node(req->page, "ticket", NULL);
	ticket_attrs(req, n, &t);
	pt_node(n, "subject", TK_CELL(&t, TK_T_SUBJECT));
	pt_attr(pt_node(n, "org", TK_CELL(&t, TK_T_ORG_NAME)), "tier", TK_CELL(&t, TK_T_ORG_TIER));
	c = pt_node(n, "requester", TK_CELL(&t, TK_T_REQUESTER_NAME));
	pt_attr(c, "id", TK_CELL(&t, TK_T_REQUESTER));
	pt_attr(c, "email", TK_CELL(&t, TK_T_REQUESTER_EMAIL));
	pt_attr(pt_node(n, "service", TK_CELL(&t, TK_T_SERVICE_NAME)), "slug",
	    TK_CELL(&t, TK_T_SERVICE_SLUG));
	if (TK_CELL(&t, TK_T_GROUP) != NULL)
		pt_attr(pt_node(n, "group", TK_CELL(&t, TK_T_GROUP_NAME)), "id", TK_CELL(&t, TK_T_GROUP));
	if (TK_CELL(&t, TK_T_ASSIGNEE) != NULL)
		pt_attr(pt_node(n, "assignee", TK_CELL(&t, TK_T_ASSIGNEE_NAME)), "id",
		    TK_CELL(&t, TK_T_ASSIGNEE));
	/* A customer sees a parent of their own organisation only. */
	if (TK_CELL(&t, TK_T_PARENT_NUMBER) != NULL &&
	    (t.agent || pt_cell_int(&t.rows, 0, TK_T_PARENT_ORG) == t.org_id))
		pt_attr(pt_node(n, "parent", NULL), "number", TK_CELL(&t, TK_T_PARENT_NUMBER));
	if (TK_CELL(&t, TK_T_MERGED_NUMBER) != NULL)
		pt_attr(pt_node(n, "merged-into", NULL), "number", TK_CELL(&t, TK_T_MERGED_NUMBER));
	lists_nodes(req, n, &lists);

	actions = pt_node(n, "actions", NULL);
	pt_attr_int(actions, "reopen-days", pt_ticket_reopen_days());
	if (t.agent || tk_customer_may_reply(&t))
		pt_attr(actions, "reply", "1");
	if (!t.agent && pt_one_of(t.status, tk_statuses, 3))
		pt_attr(actions, "resolve", "1");
	if (tk_may_edit_cc(req, &t))
		pt_attr(actions, "cc", "1");
	pt_limit(req, "body", TK_BODY_MAX_CHARS);
	pt_attr_int(actions, "max-bytes", TK_FILE_MAX_BYTES);
	if ((t.agent && (rc = tk_agent_node(req, n, &t, &lists)) != PT_OK) ||
	    (rc = tk_sla_node(req, n, &t, &lists)) != PT_OK)
		return rc;
	tk_survey_node(req, n, &t);

	if (pt_query(req, "created") != NULL)
		pt_message(req, "success", "tickets.created", NULL);
	else if (pt_query(req, "done") != NULL && req->method == PT_GET) {
		const char *d = pt_query(req, "done");
		static const char *const done[] = { "reply", "note", "status", "assign", "resolve",
		    "cc-add", "cc-remove", "reopened", "parent", "related" };

		if (pt_one_of(d, done, PT_NELEM(done)))
			pt_message(req, "success", pt_printf(req, "tickets.done.%s", d), NULL);
	}
	req->view = "ticket";
	return status;
}

int
tk_refuse(struct pt_req *req, const char *key, const char *field, const char *form,
    const char *const *fields, size_t nfields)
{
	pt_db_rollback(req);
	if (key != NULL)
		pt_message(req, "error", key, field);
	pt_form_echo(req, form, fields, nfields);
	return tk_page(req, 422);
}

/* GET /tickets/<number> */
static int
show(struct pt_req *req)
{
	int rc;

	if (tk_personal_ticket(req, req->ncaps > 1 && tk_number_ok(req->caps[1]) ? req->caps[1] : NULL))
		return 200;
	if ((rc = tk_page(req, 200)) == 200)
		tk_personal_keep(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_GET, TK_ROUTE, show, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_view_group = PT_GROUP(routes, sql, views);
