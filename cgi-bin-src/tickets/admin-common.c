/*
 * What the administration pages of the service catalogue share: a form
 * read and checked by a table of inputs, the id of the route, the values
 * a form shows, the list's success messages, moving a row up or down, and
 * JSON for the audit rows.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"

/* The languages every name and description is kept in. */
#define NLANGS 2
static const char *const langs[NLANGS] = { "en", "de" };

/* 1 if s is a slug of at most max characters: [a-z0-9]+(-[a-z0-9]+)*. */
static int
slug_ok(const char *s, size_t max)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > max || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '-' && s[i + 1] == '-')
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return 1;
}

/* A whole number as typed: an optional minus and 1..18 digits. */
static int
parse_int(const char *s, long long *out)
{
	const char *p = *s == '-' ? s + 1 : s;
	size_t n = strlen(p), i;
	char *end;

	if (n == 0 || n > 18)
		return PT_EINVAL;
	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return PT_EINVAL;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' ? PT_OK : PT_EINVAL;
}

void
tka_limits(struct pt_req *req, const struct tka_input *inputs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (inputs[i].kind == TKA_SLUG || inputs[i].kind == TKA_LINE ||
		    inputs[i].kind == TKA_TEXT)
			pt_limit(req, inputs[i].name, (long)inputs[i].max);
}

void
tka_values(const struct pt_rows *rows, const int *cols, size_t n, const char **v)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = pt_cell(rows, 0, cols[i]) != NULL ? pt_cell(rows, 0, cols[i]) : "";
}

long long
tka_int(const char *v, long long dflt)
{
	long long x;

	return v != NULL && parse_int(v, &x) == PT_OK ? x : dflt;
}

void
tka_message_range(struct pt_req *req, const char *key, const char *field, long long min,
    long long max)
{
	pt_message(req, "error", key, field);
	if (req->messages != NULL && req->messages->last != NULL) {
		pt_attr_int(req->messages->last, "min", min);
		pt_attr_int(req->messages->last, "max", max);
	}
}

/* One text input: trimmed, LF line ends, its characters checked.  0 fine, 1 a message. */
static int
read_text(struct pt_req *req, const struct tka_input *in, const char **v)
{
	int multi = in->kind == TKA_TEXT;
	const char *s = pt_form(req, in->name);
	long n;

	if (multi && s != NULL && (s = pt_lf_lines(req, s)) == NULL)
		return PT_ENOMEM;
	if (multi) {
		char *t;
		size_t len;

		while (s != NULL && (*s == ' ' || *s == '\t' || *s == '\n'))
			s++;
		if ((t = pt_strdup(req, s != NULL ? s : "")) == NULL)
			return PT_ENOMEM;
		len = strlen(t);
		while (len > 0 && strchr(" \t\n", t[len - 1]) != NULL)
			t[--len] = '\0';
		*v = t;
	} else if ((*v = pt_form_trim(req, in->name)) == NULL)
		return PT_ENOMEM;
	if (**v == '\0') {
		if (!in->required)
			return 0;
		pt_message(req, "error", "tickets.admin.required", in->name);
		return 1;
	}
	n = pt_text_chars(*v, multi);
	if (n < 0) {
		pt_message(req, "error", "tickets.admin.invalid", in->name);
		return 1;
	}
	if (n > in->max) {
		pt_message_max(req, "tickets.admin.too-long", in->name, (long)in->max);
		return 1;
	}
	if (in->kind == TKA_SLUG && !slug_ok(*v, (size_t)in->max)) {
		pt_message_max(req, "tickets.admin.slug.invalid", in->name, (long)in->max);
		return 1;
	}
	return 0;
}

int
tka_read(struct pt_req *req, const struct tka_input *inputs, size_t n, const char **v)
{
	size_t i;
	int bad = 0, rc;

	for (i = 0; i < n; i++) {
		const struct tka_input *in = &inputs[i];
		long long x;

		switch (in->kind) {
		case TKA_SLUG:
		case TKA_LINE:
		case TKA_TEXT:
			if ((rc = read_text(req, in, &v[i])) < 0)
				return rc;
			bad += rc;
			break;
		case TKA_INT:
			if ((v[i] = pt_form_trim(req, in->name)) == NULL)
				return PT_ENOMEM;
			if (*v[i] == '\0') {
				if (in->required) {
					pt_message(req, "error", "tickets.admin.required", in->name);
					bad++;
				}
			} else if (parse_int(v[i], &x) != PT_OK || x < in->min || x > in->max) {
				tka_message_range(req, "tickets.admin.integer", in->name, in->min, in->max);
				bad++;
			}
			break;
		case TKA_CHOICE:
			if ((v[i] = pt_form_trim(req, in->name)) == NULL)
				return PT_ENOMEM;
			if (*v[i] == '\0' && in->required) {
				pt_message(req, "error", "tickets.admin.choose.required", in->name);
				bad++;
			} else if (*v[i] != '\0' && !pt_one_of(v[i], in->choices, in->nchoices)) {
				pt_message(req, "error", "tickets.admin.choice", in->name);
				bad++;
			}
			break;
		case TKA_CHECK:
			v[i] = pt_form(req, in->name) != NULL && *pt_form(req, in->name) != '\0' ?
			    "1" : "0";
			break;
		}
	}
	return bad;
}

int
tka_cap_id(const struct pt_req *req, size_t i, long long *id)
{
	const char *s = i < req->ncaps ? req->caps[i] : NULL;

	if (s == NULL || !pt_valid(PT_V_ID, s, strlen(s)))
		return PT_ENOTFOUND;
	*id = strtoll(s, NULL, 10);
	return PT_OK;
}

int
tka_load(struct pt_req *req, size_t i, const struct pt_sql *get, struct pt_rows *rows,
    long long *id)
{
	int rc;

	if (tka_cap_id(req, i, id) != PT_OK)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, get, rows, PT_BINDS(pt_int(*id)))) != PT_OK)
		return rc;
	return rows->nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

int
tka_not_found(struct pt_req *req)
{
	return pt_error_page(req, 404, NULL);
}

void
tka_form_multi(xmlNodePtr form, const char *name, const char *const *values, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pt_attr(pt_node(form, "field", values[i]), "name", name);
}

int
tka_form_all(struct pt_req *req, const char *name, const char ***values, size_t *n)
{
	size_t i;

	*n = 0;
	if ((*values = pt_alloc(req, (req->form.n + 1) * sizeof(**values))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].name, name) == 0 && *req->form.v[i].value != '\0')
			(*values)[(*n)++] = req->form.v[i].value;
	return PT_OK;
}

void
tka_flash(struct pt_req *req, const char *const *params, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pt_query(req, params[i]) != NULL)
			pt_message(req, "success", keys[i], NULL);
}

/* -1 for "up", 1 for "down", 0 for anything else: the move form's direction. */
static int
direction(struct pt_req *req)
{
	const char *d = pt_form(req, "direction");

	if (d == NULL)
		return 0;
	return strcmp(d, "up") == 0 ? -1 : strcmp(d, "down") == 0 ? 1 : 0;
}

/*
 * Move the row id one place up (dir < 0) or down (dir > 0) among the rows
 * of list and number them all 10, 20, 30 ... with set.  PT_OK (also at
 * either end, where nothing moves), PT_ENOTFOUND when id is not in the list.
 */
static int
move(struct pt_req *req, const struct pt_sql *list, const struct pt_bind *lbinds,
    size_t nlbinds, const struct pt_sql *set, long long id, int dir)
{
	struct pt_rows rows;
	long long *order;
	size_t i, at = 0;
	int rc, found = 0;

	if ((rc = pt_db_query(req, list, &rows, lbinds, nlbinds)) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_ENOTFOUND;
	if ((order = pt_alloc(req, rows.nrows * sizeof(*order))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < rows.nrows; i++) {
		order[i] = pt_cell_int(&rows, i, 0);
		if (order[i] == id) {
			at = i;
			found = 1;
		}
	}
	if (!found)
		return PT_ENOTFOUND;
	if (dir < 0 && at > 0) {
		order[at] = order[at - 1];
		order[at - 1] = id;
	} else if (dir > 0 && at + 1 < rows.nrows) {
		order[at] = order[at + 1];
		order[at + 1] = id;
	}
	for (i = 0; i < rows.nrows; i++) {
		long long pos = (long long)(i + 1) * 10;
		size_t r;

		/* Only rows whose number changes are written. */
		for (r = 0; r < rows.nrows; r++)
			if (pt_cell_int(&rows, r, 0) == order[i])
				break;
		if (r < rows.nrows && pt_cell_int(&rows, r, 1) == pos)
			continue;
		if ((rc = pt_db_exec(req, set, PT_BINDS(pt_int(pos), pt_int(order[i])), NULL)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

int
tka_texts(struct pt_req *req, const struct pt_sql *text, long long id, const char *const a[2],
    const char *const b[2])
{
	size_t i;
	int rc;

	for (i = 0; i < NLANGS; i++)
		if ((rc = pt_db_exec(req, text, PT_BINDS(pt_int(id), pt_str(langs[i]),
		    pt_str(a[i]), pt_str(b[i])), NULL)) != PT_OK)
			return rc;
	return PT_OK;
}

int
tka_undo(struct pt_req *req, int rc)
{
	pt_db_rollback(req);
	return rc;
}

int
tka_done(struct pt_req *req, int rc, const char *action, const char *type, long long id,
    const char *before, const char *after, const char *location)
{
	if (rc == PT_OK)
		rc = pt_audit(req, action, type, id >= 0 ? pt_printf(req, "%lld", id) : NULL, before,
		    after);
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK)
		return tka_undo(req, rc);
	return pt_redirect(req, location);
}

int
tka_move_done(struct pt_req *req, const struct pt_sql *list, const struct pt_bind *lbinds,
    size_t nlbinds, const struct pt_sql *set, long long id, const char *action,
    const char *type, const char *location)
{
	int dir = direction(req), rc;

	if (dir == 0) {
		pt_db_rollback(req);
		return pt_error_page(req, 400, NULL);
	}
	if ((rc = move(req, list, lbinds, nlbinds, set, id, dir)) == PT_ENOTFOUND) {
		pt_db_rollback(req);
		return tka_not_found(req);
	}
	return tka_done(req, rc, action, type, id, NULL,
	    pt_printf(req, "{\"direction\":\"%s\"}", dir < 0 ? "up" : "down"), location);
}

const char *
tka_json_object(struct pt_req *req, const char *const *names, const char *const *values,
    size_t n)
{
	const char *s = "{";
	size_t i;

	for (i = 0; i < n && s != NULL; i++)
		s = pt_printf(req, "%s%s%s:%s", s, i > 0 ? "," : "", pt_json_str(req, names[i]),
		    pt_json_str(req, values[i]));
	return s != NULL ? pt_printf(req, "%s}", s) : NULL;
}
