/*
 * An instance's variables (flow_variables): read once per step, looked up
 * by expressions through fl_scope, changed in memory and written back in
 * one statement with the step.  The text form is the table's: a number as
 * %.17g, a string as it is, true/false, a date as 2027-01-31T08:00:00Z.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "flowd.h"

#define VARS_MAX	1000	/* per instance */
#define NAME_MAX_BYTES	64

static struct fl_var *
find(const struct fl_vars *vs, const char *name)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (strcmp(vs->v[i].name, name) == 0)
			return &vs->v[i];
	return NULL;
}

static int
lookup(void *ctx, const char *name, struct fl_value *out)
{
	const struct fl_var *v = find(ctx, name);

	if (v == NULL || v->value.type == FL_NULL)
		return PT_ENOTFOUND;
	*out = v->value;
	return PT_OK;
}

void
fl_vars_init(struct fl_vars *vs, struct pt_req *req)
{
	memset(vs, 0, sizeof(*vs));
	vs->req = req;
	vs->scope.lookup = lookup;
	vs->scope.ctx = vs;
	vs->scope.now = time(NULL);
}

/* A slot for name: the existing one, or a new one (name copied). */
static struct fl_var *
slot(struct fl_vars *vs, const char *name)
{
	struct fl_var *v;

	if ((v = find(vs, name)) != NULL)
		return v;
	if (vs->n >= VARS_MAX)
		return NULL;
	if (fl_grow(vs->req, &vs->v, vs->n, &vs->cap, sizeof(*v)) != PT_OK)
		return NULL;
	v = &vs->v[vs->n];
	memset(v, 0, sizeof(*v));
	if ((v->name = pt_strdup(vs->req, name)) == NULL)
		return NULL;
	vs->n++;
	return v;
}

int
fl_vars_set(struct fl_vars *vs, const char *name, const struct fl_value *value)
{
	struct fl_var *v;

	if (name == NULL || strlen(name) > NAME_MAX_BYTES || fl_expr_name_valid(name) != PT_OK)
		return PT_EINVAL;
	if ((v = slot(vs, name)) == NULL)
		return PT_ENOMEM;
	v->value = *value;
	if (value->type == FL_STRING) {
		char *s = pt_alloc(vs->req, value->len + 1);

		if (s == NULL)
			return PT_ENOMEM;
		memcpy(s, value->string, value->len);
		s[value->len] = '\0';
		v->value.string = s;
	}
	v->dirty = 1;
	return PT_OK;
}

/* A value from its text form and type name; PT_EINVAL when they disagree. */
static int
parse_text(const char *type, const char *text, size_t len, struct fl_value *out)
{
	char *end;

	memset(out, 0, sizeof(*out));
	if (strcmp(type, "null") == 0 || text == NULL) {
		out->type = FL_NULL;
		return PT_OK;
	}
	if (strcmp(type, "number") == 0) {
		out->type = FL_NUMBER;
		out->number = strtod(text, &end);
		return *end == '\0' && isfinite(out->number) ? PT_OK : PT_EINVAL;
	}
	if (strcmp(type, "string") == 0) {
		out->type = FL_STRING;
		out->string = text;
		out->len = len;
		return PT_OK;
	}
	if (strcmp(type, "boolean") == 0) {
		out->type = FL_BOOLEAN;
		out->boolean = strcmp(text, "true") == 0;
		return out->boolean || strcmp(text, "false") == 0 ? PT_OK : PT_EINVAL;
	}
	if (strcmp(type, "date") == 0) {
		out->type = FL_DATE;
		return fl_time_parse(text, &out->date);
	}
	return PT_EINVAL;
}

int
fl_vars_load(struct fl_vars *vs, long long instance_id)
{
	struct pt_rows rows;
	struct fl_var *v;
	size_t r;
	int rc;

	if ((rc = pt_db_query(vs->req, &fl_sql[FS_VARS_LOAD], &rows,
	    PT_BINDS(pt_int(instance_id)))) != PT_OK)
		return rc;
	for (r = 0; r < rows.nrows; r++) {
		if ((v = slot(vs, pt_cell(&rows, r, 0))) == NULL)
			return PT_ENOMEM;
		if (parse_text(pt_cell(&rows, r, 1), pt_cell(&rows, r, 2),
		    rows.len[r * rows.ncols + 2], &v->value) != PT_OK) {
			pt_log(vs->req, PT_LOG_WARN, "instance %lld: variable %s does not read as a %s",
			    instance_id, v->name, pt_cell(&rows, r, 1));
			v->value.type = FL_NULL;
		}
		v->dirty = 0;
	}
	return PT_OK;
}

const char *
fl_value_text(struct pt_req *req, const struct fl_value *v)
{
	char buf[64];
	struct tm tm;

	switch (v->type) {
	case FL_NUMBER:
		snprintf(buf, sizeof(buf), "%.17g", v->number);
		return pt_strdup(req, buf);
	case FL_STRING:
		return v->string;
	case FL_BOOLEAN:
		return v->boolean ? "true" : "false";
	case FL_DATE:
		if (gmtime_r(&v->date, &tm) == NULL)
			return NULL;
		strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
		return pt_strdup(req, buf);
	default:
		return NULL;
	}
}

int
fl_vars_save(struct fl_vars *vs, long long instance_id)
{
	struct pt_bind *b;
	size_t i, n = 0;

	for (i = 0; i < vs->n; i++)
		n += vs->v[i].dirty;
	if (n == 0)
		return PT_OK;
	if ((b = pt_alloc(vs->req, n * 4 * sizeof(*b))) == NULL)
		return PT_ENOMEM;
	for (i = 0, n = 0; i < vs->n; i++) {
		const struct fl_var *v = &vs->v[i];

		if (!v->dirty)
			continue;
		b[n * 4] = pt_int(instance_id);
		b[n * 4 + 1] = pt_str(v->name);
		b[n * 4 + 2] = pt_str(fl_type_names[v->value.type]);
		b[n * 4 + 3] = pt_str(fl_value_text(vs->req, &v->value));
		n++;
	}
	for (i = 0; i < vs->n; i++)
		vs->v[i].dirty = 0;
	return pt_db_exec_rows(vs->req, &fl_sql[FS_VARS_SAVE], b, 4, n, NULL);
}

int
fl_vars_copy(struct fl_vars *to, const struct fl_vars *from)
{
	size_t i;
	int rc;

	for (i = 0; i < from->n; i++)
		if ((rc = fl_vars_set(to, from->v[i].name, &from->v[i].value)) != PT_OK)
			return rc;
	return PT_OK;
}

int
fl_vars_json(struct fl_vars *vs, const char *text, char *err, size_t size)
{
	json_error_t jerr;
	json_t *root, *val, *d;
	const char *key;
	struct fl_value v;
	int rc = PT_OK;

	if (text == NULL || *text == '\0')
		return PT_OK;
	if ((root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr)) == NULL ||
	    !json_is_object(root)) {
		snprintf(err, size, "the variables are no JSON object");
		json_decref(root);
		return PT_EINVAL;
	}
	json_object_foreach(root, key, val) {
		memset(&v, 0, sizeof(v));
		if (json_is_null(val))
			v.type = FL_NULL;
		else if (json_is_number(val)) {
			v.type = FL_NUMBER;
			v.number = json_number_value(val);
		} else if (json_is_string(val)) {
			v.type = FL_STRING;
			v.string = json_string_value(val);
			v.len = json_string_length(val);
		} else if (json_is_boolean(val)) {
			v.type = FL_BOOLEAN;
			v.boolean = json_is_true(val);
		} else if (json_is_object(val) && json_object_size(val) == 1 &&
		    (d = json_object_get(val, "date")) != NULL && json_is_string(d) &&
		    fl_time_parse(json_string_value(d), &v.date) == PT_OK) {
			v.type = FL_DATE;
		} else {
			snprintf(err, size, "variable %.64s: no number, string, boolean, null or date", key);
			rc = PT_EINVAL;
			break;
		}
		if ((rc = fl_vars_set(vs, key, &v)) != PT_OK) {
			snprintf(err, size, "\"%.64s\" is no variable name", key);
			break;
		}
	}
	json_decref(root);
	return rc;
}
