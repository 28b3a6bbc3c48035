/*
 * A task's page (GET /tasks/<id>): what it is, its process and case (a
 * link to the order, return or ticket when the reader may open it), its
 * due time, who has it; the form to complete it with, drawn from
 * flow_tasks.form; once done, who completed it when and with what.
 *
 * Claim (POST /tasks/<id>/claim): an open task offered to one of the
 * reader's roles that nobody has becomes theirs.  Release (POST
 * /tasks/<id>/release): theirs goes back to its candidate roles, who are
 * told by mail.  Complete (POST /tasks/<id>/complete): every field of the
 * form is checked (required, a number, a date, its length), and a bad
 * one answers 422 with every value kept and a message at each field;
 * otherwise the task is the reader's (claimed in passing while it was
 * offered to them), pt_flow_complete asks flowd to complete it with the
 * form's values, and the inbox says so.  Each change writes its audit row
 * in its transaction.  A task of a suspended process cannot be completed
 * until an administrator resumes it.
 *
 * Who may see a task: people of its organisation who have it, completed
 * it, or hold one of its candidate roles.  Anyone else, of that
 * organisation or another, gets 404, so a task's existence tells nothing.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tasks.h"

/* A task's form: at most FORM_MAX_FIELDS fields; a text's bounds in characters. */
#define FORM_MAX_FIELDS		50
#define STRING_MAX_CHARS	200
#define TEXT_MAX_CHARS		4000
#define NUMBER_MAX_CHARS	40
#define NUMBER_MAX		1e15
#define FIELD_PREFIX		"f-"	/* a field's input is named f-<name> */

#define TASK_COLUMNS \
	"t.id, t.name, t.name_de, t.process_name, t.process_name_de, t.business_key, t.state," \
	" t.assignee_id, a.name, t.form, " TS_ISO("t.due_at") ", " TS_ISO("t.created_at") "," \
	" " TS_ISO("t.claimed_at") ", " TS_ISO("t.completed_at") ", t.completed_by, cb.name," \
	" i.state, i.org_id, t.instance_id, t.candidate_roles," \
	" EXISTS (SELECT 1 FROM flow_task_candidates c JOIN user_roles ur ON ur.role_id = c.role_id" \
	"   WHERE c.task_id = t.id AND c.org_id = t.org_id AND ur.user_id = ?)," \
	" (SELECT COUNT(*) FROM flow_task_candidates c WHERE c.task_id = t.id)"

enum task_sql {
	SQL_TASK, SQL_LOCK, SQL_CLAIM, SQL_RELEASE, SQL_VARS, SQL_COMMAND_VARS, SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: reader, task, org. */
	[SQL_TASK] = { "ts_task",
	    "SELECT " TASK_COLUMNS " FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id"
	    " LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users cb ON cb.id = t.completed_by"
	    " WHERE t.id = ? AND t.org_id = ?" },
	/* The first statement of a change.  Binds: task, org. */
	[SQL_LOCK] = { "ts_task_lock",
	    "SELECT t.id FROM flow_tasks t WHERE t.id = ? AND t.org_id = ? FOR UPDATE" },
	/* Binds: reader, task. */
	[SQL_CLAIM] = { "ts_task_claim",
	    "UPDATE flow_tasks SET assignee_id = ?, claimed_at = UTC_TIMESTAMP(6)"
	    " WHERE id = ? AND state = 'open' AND assignee_id IS NULL" },
	/* Binds: task, reader. */
	[SQL_RELEASE] = { "ts_task_release",
	    "UPDATE flow_tasks SET assignee_id = NULL, claimed_at = NULL"
	    " WHERE id = ? AND state = 'open' AND assignee_id = ?" },
	/* The values of a completed task's form.  Binds: instance. */
	[SQL_VARS] = { "ts_task_vars",
	    "SELECT name, type, value FROM flow_variables WHERE instance_id = ?" },
	/* The values of a task being completed.  Binds: task. */
	[SQL_COMMAND_VARS] = { "ts_task_command_vars",
	    "SELECT variables FROM flow_commands WHERE task_id = ? AND kind = 'complete'"
	    " ORDER BY id DESC LIMIT 1" },
};

enum {
	T_ID, T_NAME, T_NAME_DE, T_PROCESS, T_PROCESS_DE, T_KEY, T_STATE, T_ASSIGNEE_ID,
	T_ASSIGNEE, T_FORM, T_DUE, T_CREATED, T_CLAIMED, T_COMPLETED, T_COMPLETED_BY_ID,
	T_COMPLETED_BY, T_INSTANCE_STATE, T_INSTANCE_ORG, T_INSTANCE, T_ROLES, T_CANDIDATE,
	T_NCANDIDATES
};

/* A task as loaded for its reader. */
struct task {
	struct pt_rows	 row;
	long long	 id;
	int		 mine;		/* assigned to the reader */
	int		 candidate;	/* offered to one of the reader's roles now */
};

/* A field of the form. */
enum field_type { F_STRING, F_TEXT, F_NUMBER, F_BOOLEAN, F_DATE, F__MAX };
static const char *const field_types[F__MAX] = { "string", "text", "number", "boolean", "date" };

struct field {
	const char	*name;		/* the variable */
	enum field_type	 type;
	const char	*label;		/* in the reader's language */
	int		 required;
};
struct form {
	struct field	 f[FORM_MAX_FIELDS];
	size_t		 n;
};

static const char *const yes_no[] = { "yes", "no" };

/* How each type is read (pt_input_read) and bounded: a boolean is one of yes_no. */
static const struct type_input {
	enum pt_input_kind kind;
	long		 max_chars;	/* 0: no text bound */
} type_inputs[F__MAX] = {
	[F_STRING] =	{ PT_IN_LINE,	STRING_MAX_CHARS },
	[F_TEXT] =	{ PT_IN_TEXT,	TEXT_MAX_CHARS },
	[F_NUMBER] =	{ PT_IN_LINE,	NUMBER_MAX_CHARS },
	[F_BOOLEAN] =	{ PT_IN_CHOICE,	0 },
	[F_DATE] =	{ PT_IN_LINE,	10 },
};

/* ---- reading the task --------------------------------------------------- */

static const char *
cell(const struct task *t, size_t c)
{
	return pt_cell(&t->row, 0, c);
}

static long long
me(const struct pt_req *req)
{
	return req->session.user->id;
}

/* 1 if the space- or comma-separated role names hold one of the reader's roles. */
static int
holds_role(const struct pt_req *req, const char *names)
{
	const struct pt_user *u = req->session.user;
	const char *p = names;
	size_t i, n;

	while (p != NULL && *p != '\0') {
		p += strspn(p, " ,");
		n = strcspn(p, " ,");
		for (i = 0; n > 0 && i < u->nroles; i++)
			if (strlen(u->roles[i]) == n && strncmp(u->roles[i], p, n) == 0)
				return 1;
		p += n;
	}
	return 0;
}

/*
 * The task of the route's capture in the reader's organisation, if they
 * may see it: PT_OK, PT_ENOTFOUND (answer 404), or an error.
 */
static int
load(struct pt_req *req, struct task *t)
{
	const char *cap = req->caps[1];
	int rc;

	memset(t, 0, sizeof(*t));
	if (cap == NULL || strlen(cap) > 18)
		return PT_ENOTFOUND;
	t->id = strtoll(cap, NULL, 10);
	if ((rc = pt_db_query(req, &sql[SQL_TASK], &t->row, PT_BINDS(pt_int(me(req)),
	    pt_int(t->id), pt_int(req->session.user->org_id)))) != PT_OK)
		return rc;
	if (t->row.nrows != 1)
		return PT_ENOTFOUND;
	t->mine = cell(t, T_ASSIGNEE_ID) != NULL && pt_cell_int(&t->row, 0, T_ASSIGNEE_ID) == me(req);
	t->candidate = strcmp(cell(t, T_CANDIDATE), "1") == 0;
	if (t->mine || t->candidate || holds_role(req, cell(t, T_ROLES)) ||
	    (cell(t, T_COMPLETED_BY_ID) != NULL &&
	    pt_cell_int(&t->row, 0, T_COMPLETED_BY_ID) == me(req)))
		return PT_OK;
	return PT_ENOTFOUND;
}

/* 1 if s is a variable name of flowd/expr.h: a letter or '_', then letters, digits, '_'. */
static int
var_name_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 64 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
	    s[0] == '_'))
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static void
json_free(void *v)
{
	json_decref(v);
}

/* A JSON text parsed, freed with the request; NULL when it is no JSON. */
static json_t *
json_of(struct pt_req *req, const char *text)
{
	json_t *v;

	if (text == NULL || (v = json_loads(text, JSON_REJECT_DUPLICATES, NULL)) == NULL)
		return NULL;
	if (pt_arena_defer(req->arena, json_free, v) != PT_OK) {
		json_decref(v);
		return NULL;
	}
	return v;
}

/*
 * The task's form (flow_tasks.form, written by flowd from the model):
 * PT_OK, or PT_EINVAL (logged) when it is not the array of fields the
 * schema describes.
 */
static int
read_form(struct pt_req *req, const struct task *t, struct form *form)
{
	json_t *a, *o;
	size_t i, k;

	form->n = 0;
	if ((a = json_of(req, cell(t, T_FORM))) == NULL || !json_is_array(a) ||
	    json_array_size(a) > FORM_MAX_FIELDS)
		goto bad;
	json_array_foreach(a, i, o) {
		struct field *f = &form->f[form->n];
		const char *type, *label, *label_de;

		f->name = json_string_value(json_object_get(o, "name"));
		type = json_string_value(json_object_get(o, "type"));
		label = json_string_value(json_object_get(o, "label"));
		label_de = json_string_value(json_object_get(o, "label_de"));
		if (f->name == NULL || !var_name_ok(f->name) || type == NULL)
			goto bad;
		for (k = 0; k < F__MAX && strcmp(type, field_types[k]) != 0; k++)
			;
		if (k == F__MAX)
			goto bad;
		f->type = (enum field_type)k;
		f->label = ts_in_lang(req, label != NULL && *label != '\0' ? label : f->name, label_de);
		f->required = json_is_true(json_object_get(o, "required"));
		form->n++;
	}
	return PT_OK;
bad:
	pt_log(req, PT_LOG_ERROR, "task %lld: its form is not an array of fields: %.200s", t->id,
	    cell(t, T_FORM));
	return PT_EINVAL;
}

/* ---- the page ----------------------------------------------------------------- */

/*
 * Where the business key leads, for whom: the object's page when the
 * reader may open it (orders and returns of their organisation, tickets
 * too; the provider's desks, every organisation's).
 */
static const struct key_link {
	const char	*prefix;	/* O-2026-000123 */
	const char	*href;		/* the key follows */
	const char	*perm;
	int		 any_org;	/* else only of the reader's organisation */
} key_links[] = {
	{ "O-", "/orders/desk/",	"orders.desk",		1 },
	{ "O-", "/orders/",		"orders.read.org",	0 },
	{ "O-", "/orders/",		"orders.approve",	0 },
	{ "R-", "/orders/returns/",	"orders.desk",		1 },
	{ "R-", "/orders/returns/",	"orders.read.org",	0 },
	{ "T-", "/tickets/",		"tickets.work",		1 },
	{ "T-", "/tickets/",		"tickets.read.org",	0 },
};

/* 1 if key is <letter>-<4 digits>-<6 to 10 digits>, the form of the portal's numbers. */
static int
number_ok(const char *key)
{
	size_t n = strlen(key), d;

	if (n < 13 || n > 17 || key[1] != '-' || strspn(key + 2, "0123456789") != 4 || key[6] != '-')
		return 0;
	d = strspn(key + 7, "0123456789");
	return d >= 6 && d <= 10 && key[7 + d] == '\0';
}

static const char *
key_href(struct pt_req *req, const struct task *t)
{
	const char *key = cell(t, T_KEY), *org = cell(t, T_INSTANCE_ORG);
	int own = org != NULL && pt_cell_int(&t->row, 0, T_INSTANCE_ORG) == req->session.user->org_id;
	size_t i;

	if (key == NULL || !number_ok(key))
		return NULL;
	for (i = 0; i < PT_NELEM(key_links); i++)
		if (strncmp(key, key_links[i].prefix, 2) == 0 && (own || key_links[i].any_org) &&
		    pt_can(req, key_links[i].perm))
			return pt_printf(req, "%s%s", key_links[i].href, key);
	return NULL;
}

/* <answer name type label>value</answer> under parent: the value as the type shows it. */
static void
answer_node(xmlNodePtr parent, const struct field *f, const char *value)
{
	xmlNodePtr a = pt_node(parent, "answer", value);

	pt_attr(a, "name", f->name);
	pt_attr(a, "type", field_types[f->type]);
	pt_attr(a, "label", f->label);
}

/* The JSON value of a command's variable as text: what flow_variables would hold. */
static const char *
json_text(struct pt_req *req, json_t *v)
{
	json_t *d;

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_true(v))
		return "true";
	if (json_is_false(v))
		return "false";
	if (json_is_number(v))
		return pt_printf(req, "%.17g", json_number_value(v));
	if (json_is_object(v) && (d = json_object_get(v, "date")) != NULL)
		return json_string_value(d);
	return NULL;
}

/*
 * <answers> of a task completed or being completed: each field of the
 * form with the value it was completed with (from the command while flowd
 * has not taken it, then from the instance's variables).
 */
static int
answers_node(struct pt_req *req, xmlNodePtr task, const struct task *t, const struct form *form)
{
	struct pt_rows rows;
	xmlNodePtr as = pt_node(task, "answers", NULL);
	json_t *obj = NULL;
	size_t i, r;
	int rc;

	if (strcmp(cell(t, T_STATE), "completing") == 0) {
		if ((rc = pt_db_query(req, &sql[SQL_COMMAND_VARS], &rows,
		    PT_BINDS(pt_int(t->id)))) != PT_OK)
			return rc;
		if (rows.nrows == 1)
			obj = json_of(req, pt_cell(&rows, 0, 0));
		for (i = 0; i < form->n; i++)
			if (obj != NULL && json_object_get(obj, form->f[i].name) != NULL)
				answer_node(as, &form->f[i], json_text(req,
				    json_object_get(obj, form->f[i].name)));
		return PT_OK;
	}
	if ((rc = pt_db_query(req, &sql[SQL_VARS], &rows,
	    PT_BINDS(pt_int(pt_cell_int(&t->row, 0, T_INSTANCE))))) != PT_OK)
		return rc;
	for (i = 0; i < form->n; i++)
		for (r = 0; r < rows.nrows; r++)
			if (strcmp(pt_cell(&rows, r, 0), form->f[i].name) == 0)
				answer_node(as, &form->f[i], pt_cell(&rows, r, 2));
	return PT_OK;
}

/* <fields> of the form to fill, with their input names and bounds. */
static void
fields_node(struct pt_req *req, xmlNodePtr task, const struct form *form)
{
	xmlNodePtr fs = pt_node(task, "fields", NULL);
	size_t i;

	for (i = 0; i < form->n; i++) {
		const struct field *f = &form->f[i];
		const char *input = pt_printf(req, FIELD_PREFIX "%s", f->name);
		xmlNodePtr x = pt_node(fs, "field", f->label);

		pt_attr(x, "name", f->name);
		pt_attr(x, "input", input);
		pt_attr(x, "type", field_types[f->type]);
		if (f->required)
			pt_attr(x, "required", "1");
		if (type_inputs[f->type].max_chars > 0)
			pt_limit(req, input, type_inputs[f->type].max_chars);
	}
}

/*
 * The task's page with status: values (NULL: a fresh form) are the
 * form's inputs as they came, in the order of the form's fields.
 */
static int
page(struct pt_req *req, int status, const struct task *t, const char *const *values)
{
	const char *state = cell(t, T_STATE), *href;
	struct form form;
	xmlNodePtr x, may;
	int open = strcmp(state, "open") == 0, form_ok, rc;

	form_ok = read_form(req, t, &form) == PT_OK;
	x = pt_node(req->page, "task", NULL);
	pt_attr(x, "id", cell(t, T_ID));
	pt_attr(x, "href", ts_task_href(req, cell(t, T_ID)));
	pt_attr(x, "state", state);
	pt_attr(x, "held", t->mine ? "mine" : cell(t, T_ASSIGNEE_ID) != NULL ? "other" : "offered");
	pt_attr(x, "instance-state", cell(t, T_INSTANCE_STATE));
	pt_attr(x, "created", cell(t, T_CREATED));
	if (cell(t, T_CLAIMED) != NULL)
		pt_attr(x, "claimed", cell(t, T_CLAIMED));
	if (cell(t, T_COMPLETED) != NULL)
		pt_attr(x, "completed", cell(t, T_COMPLETED));
	ts_due(req, x, cell(t, T_DUE));
	pt_node(x, "name", ts_in_lang(req, cell(t, T_NAME), cell(t, T_NAME_DE)));
	pt_node(x, "process", ts_in_lang(req, cell(t, T_PROCESS), cell(t, T_PROCESS_DE)));
	if ((href = key_href(req, t)) != NULL)
		pt_attr(pt_node(x, "key", cell(t, T_KEY)), "href", href);
	else
		pt_node(x, "key", cell(t, T_KEY));
	if (cell(t, T_ASSIGNEE) != NULL)
		pt_attr(pt_node(x, "assignee", cell(t, T_ASSIGNEE)), "id", cell(t, T_ASSIGNEE_ID));
	if (cell(t, T_COMPLETED_BY) != NULL)
		pt_node(x, "completed-by", cell(t, T_COMPLETED_BY));
	{
		const char *p = cell(t, T_ROLES);
		xmlNodePtr roles = pt_node(x, "roles", NULL);
		size_t n;

		while (p != NULL && *p != '\0') {
			p += strspn(p, " ,");
			if ((n = strcspn(p, " ,")) > 0)
				pt_node(roles, "role", pt_printf(req, "%.*s", (int)n, p));
			p += n;
		}
	}
	may = pt_node(x, "may", NULL);
	if (open && cell(t, T_ASSIGNEE_ID) == NULL && t->candidate)
		pt_attr(may, "claim", "1");
	if (open && t->mine && pt_cell_int(&t->row, 0, T_NCANDIDATES) > 0)
		pt_attr(may, "release", "1");
	if (open && form_ok && (t->mine || (cell(t, T_ASSIGNEE_ID) == NULL && t->candidate))) {
		if (strcmp(cell(t, T_INSTANCE_STATE), "running") == 0) {
			pt_attr(may, "complete", "1");
			fields_node(req, x, &form);
			if (values != NULL) {
				const char *names[FORM_MAX_FIELDS];
				size_t i;

				for (i = 0; i < form.n; i++)
					names[i] = pt_printf(req, FIELD_PREFIX "%s", form.f[i].name);
				pt_form_values(req, "task", names, values, form.n);
			}
		} else if (strcmp(cell(t, T_INSTANCE_STATE), "suspended") == 0)
			pt_attr(may, "suspended", "1");
	}
	if (!form_ok)
		pt_attr(x, "form-broken", "1");
	if (form_ok && !open && (rc = answers_node(req, x, t, &form)) != PT_OK)
		return rc;
	req->view = "task";
	return status;
}

/* The success message key when the query has param (after a redirect). */
static void
flash(struct pt_req *req, const char *param, const char *key)
{
	if (pt_query(req, param) != NULL)
		pt_message(req, "success", key, NULL);
}

/* GET /tasks/<id> */
static int
show(struct pt_req *req)
{
	struct task t;
	int rc;

	if ((rc = load(req, &t)) == PT_ENOTFOUND)
		return pt_error_page(req, 404, NULL);
	if (rc != PT_OK)
		return rc;
	flash(req, "claimed", "tasks.claimed");
	return page(req, 200, &t, NULL);
}

/* ---- the changes -------------------------------------------------------- */

/*
 * Open the transaction of a change to the route's task: locked, then
 * loaded for the reader.  PT_OK; PT_ENOTFOUND (404, rolled back); or an
 * error (rolled back).
 */
static int
begin(struct pt_req *req, struct task *t)
{
	struct pt_rows lock;
	const char *cap = req->caps[1];
	int rc;

	if (cap == NULL || strlen(cap) > 18)
		return PT_ENOTFOUND;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(strtoll(cap, NULL, 10)),
	    pt_int(req->session.user->org_id)))) == PT_OK)
		rc = lock.nrows == 1 ? load(req, t) : PT_ENOTFOUND;
	if (rc != PT_OK)
		pt_db_rollback(req);
	return rc;
}

/* Roll back and answer the task's page with 422 and the message key. */
static int
refuse(struct pt_req *req, struct task *t, const char *key, const char *const *values)
{
	pt_db_rollback(req);
	pt_message(req, "error", key, NULL);
	return page(req, 422, t, values);
}

/*
 * The audit row, the commit, the counts of the host's start pages
 * forgotten, and 303 to location; on failure the rollback and rc.
 */
static int
done(struct pt_req *req, int rc, const struct task *t, const char *action, const char *after,
    const char *location)
{
	const char *id = cell(t, T_ID);

	if (rc == PT_OK)
		rc = pt_audit(req, action, "task", id, NULL, after);
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	pt_tasks_changed();
	return pt_redirect(req, location);
}

/* Begin, and turn what begin says into the answer (*answer 0: go on). */
static int
begin_change(struct pt_req *req, struct task *t, int *answer)
{
	int rc = begin(req, t);

	*answer = rc == PT_OK ? 0 : rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return rc;
}

/* POST /tasks/<id>/claim */
static int
claim(struct pt_req *req)
{
	struct task t;
	int answer;

	if (begin_change(req, &t, &answer) != PT_OK)
		return answer;
	if (strcmp(cell(&t, T_STATE), "open") != 0)
		return refuse(req, &t, "tasks.closed", NULL);
	if (cell(&t, T_ASSIGNEE_ID) != NULL)
		return refuse(req, &t, t.mine ? "tasks.claim.yours" : "tasks.claim.taken", NULL);
	if (!t.candidate)
		return refuse(req, &t, "tasks.claim.not-offered", NULL);
	return done(req, pt_db_exec(req, &sql[SQL_CLAIM], PT_BINDS(pt_int(me(req)), pt_int(t.id)),
	    NULL), &t, "task.claim", pt_printf(req, "{\"assignee_id\":%lld}", me(req)),
	    pt_printf(req, TS_INBOX "%lld?claimed=1", t.id));
}

/* POST /tasks/<id>/release: back to its candidate roles, who are told by mail. */
static int
release(struct pt_req *req)
{
	struct task t;
	int answer, rc;

	if (begin_change(req, &t, &answer) != PT_OK)
		return answer;
	if (strcmp(cell(&t, T_STATE), "open") != 0)
		return refuse(req, &t, "tasks.closed", NULL);
	if (!t.mine)
		return refuse(req, &t, "tasks.release.not-yours", NULL);
	if (pt_cell_int(&t.row, 0, T_NCANDIDATES) == 0)
		return refuse(req, &t, "tasks.release.nobody", NULL);
	rc = pt_db_exec(req, &sql[SQL_RELEASE], PT_BINDS(pt_int(t.id), pt_int(me(req))), NULL);
	if (rc == PT_OK)
		rc = pt_task_mail(req, t.id, PT_TASK_MAIL_ASSIGNED);
	return done(req, rc, &t, "task.release", "{\"assignee_id\":null}",
	    pt_printf(req, TS_INBOX "?released=%lld", t.id));
}

/* The inputs of the form's fields, for pt_input_read: each field's first check. */
static void
form_inputs(struct pt_req *req, const struct form *form, struct pt_input *in)
{
	size_t i;

	for (i = 0; i < form->n; i++) {
		const struct field *f = &form->f[i];

		memset(&in[i], 0, sizeof(in[i]));
		in[i].name = pt_printf(req, FIELD_PREFIX "%s", f->name);
		in[i].required = f->required;
		in[i].kind = type_inputs[f->type].kind;
		in[i].max = type_inputs[f->type].max_chars;
		if (in[i].kind == PT_IN_CHOICE) {
			in[i].choices = yes_no;
			in[i].nchoices = PT_NELEM(yes_no);
		}
	}
}

/* A number as typed ("12", "-3.5", "3,5"): PT_OK with *x, else PT_EINVAL. */
static int
number_typed(const char *s, double *x)
{
	char buf[NUMBER_MAX_CHARS + 1], *end, *comma;

	if (strlen(s) > NUMBER_MAX_CHARS || strspn(s, "+-0123456789.,") != strlen(s))
		return PT_EINVAL;
	strcpy(buf, s);
	if ((comma = strchr(buf, ',')) != NULL) {
		if (strchr(buf, '.') != NULL || strchr(comma + 1, ',') != NULL)
			return PT_EINVAL;
		*comma = '.';
	}
	*x = strtod(buf, &end);
	return end != buf && *end == '\0' && isfinite(*x) && fabs(*x) <= NUMBER_MAX ? PT_OK :
	    PT_EINVAL;
}

/*
 * The form's values read and checked into vars (one per field: a value
 * left empty in an optional field is "" for a text, else null): the
 * number of bad fields, each with its message, or an error (< 0).
 * values gets the inputs as they came, for the form shown again.
 */
static int
read_values(struct pt_req *req, const struct form *form, const char **values,
    struct pt_flow_var *vars)
{
	struct pt_input in[FORM_MAX_FIELDS];
	size_t i;
	int bad;

	form_inputs(req, form, in);
	if ((bad = pt_input_read(req, in, form->n, values)) < 0)
		return bad;
	for (i = 0; i < form->n; i++) {
		const struct field *f = &form->f[i];
		struct pt_flow_var *v = &vars[i];
		const char *s = values[i];
		int date_only = 0;

		memset(v, 0, sizeof(*v));
		v->name = f->name;
		if (*s == '\0' && f->type != F_STRING && f->type != F_TEXT) {
			v->type = PT_FLOW_NULL;	/* optional, left empty (else pt_input_read said so) */
			continue;
		}
		switch (f->type) {
		case F_STRING:
		case F_TEXT:
			v->type = PT_FLOW_STRING;
			v->string = s;
			break;
		case F_NUMBER:
			v->type = PT_FLOW_NUMBER;
			if (number_typed(s, &v->number) != PT_OK) {
				pt_message(req, "error", "tasks.input.number", in[i].name);
				bad++;
			}
			break;
		case F_DATE:
			v->type = PT_FLOW_DATE;
			if (pt_time_parse(s, &v->date, &date_only) != PT_OK || !date_only) {
				pt_message(req, "error", "tasks.input.date", in[i].name);
				bad++;
			}
			break;
		case F_BOOLEAN:
		case F__MAX:
			v->type = PT_FLOW_BOOLEAN;
			v->boolean = strcmp(s, "yes") == 0;
			break;
		}
	}
	return bad;
}

/* POST /tasks/<id>/complete */
static int
complete(struct pt_req *req)
{
	struct pt_flow_var vars[FORM_MAX_FIELDS];
	const char *values[FORM_MAX_FIELDS], *json;
	struct form form;
	struct task t;
	int answer, bad, rc;

	if (begin_change(req, &t, &answer) != PT_OK)
		return answer;
	if (strcmp(cell(&t, T_STATE), "open") != 0)
		return refuse(req, &t, "tasks.closed", NULL);
	if (cell(&t, T_ASSIGNEE_ID) != NULL && !t.mine)
		return refuse(req, &t, "tasks.complete.taken", NULL);
	if (!t.mine && !t.candidate)
		return refuse(req, &t, "tasks.claim.not-offered", NULL);
	if (strcmp(cell(&t, T_INSTANCE_STATE), "suspended") == 0)
		return refuse(req, &t, "tasks.complete.suspended", NULL);
	if (strcmp(cell(&t, T_INSTANCE_STATE), "running") != 0)
		return refuse(req, &t, "tasks.closed", NULL);
	if (read_form(req, &t, &form) != PT_OK)
		return refuse(req, &t, "tasks.form.broken", NULL);
	/* The summary's first line, above each field's (a success redirects, unseen). */
	pt_message(req, "error", "tasks.complete.check", NULL);
	if ((bad = read_values(req, &form, values, vars)) < 0) {
		pt_db_rollback(req);
		return bad;
	}
	if (bad > 0) {
		pt_db_rollback(req);
		return page(req, 422, &t, values);
	}
	if ((json = pt_flow_vars_json(req, vars, form.n)) == NULL) {
		pt_db_rollback(req);
		return PT_ENOMEM;	/* the values are checked: no NaN reaches here */
	}
	rc = PT_OK;
	if (!t.mine)	/* offered to the reader: theirs as they complete it */
		rc = pt_db_exec(req, &sql[SQL_CLAIM], PT_BINDS(pt_int(me(req)), pt_int(t.id)), NULL);
	if (rc == PT_OK)
		rc = pt_flow_complete(req, t.id, me(req), vars, form.n);
	if (rc == PT_ENOTFOUND)
		return refuse(req, &t, "tasks.closed", NULL);
	return done(req, rc, &t, "task.complete", json,
	    pt_printf(req, TS_INBOX "?done=%lld", t.id));
}

#define TASK_ROUTE	TS_INBOX "([0-9]{1,18})"

static const struct pt_route routes[] = {
	{ PT_GET,  TASK_ROUTE,			show,		PT_R_LOGIN, NULL },
	{ PT_POST, TASK_ROUTE "/claim",		claim,		PT_R_LOGIN, NULL },
	{ PT_POST, TASK_ROUTE "/release",	release,	PT_R_LOGIN, NULL },
	{ PT_POST, TASK_ROUTE "/complete",	complete,	PT_R_LOGIN, NULL },
};

static const char *const views[] = { "task" };

const struct pt_group ts_task_group = PT_GROUP(routes, sql, views);
