/*
 * What the API's handlers share (api.h): the body read as a JSON object,
 * field checks that collect every error with its path, and answers in
 * JSON.  jansson's values are freed with the request (pt_arena_defer).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api.h"

static void
release(void *v)
{
	json_decref(v);
}

json_t *
or_api_own(struct pt_req *req, json_t *v)
{
	if (v != NULL && pt_arena_defer(req->arena, release, v) != PT_OK) {
		json_decref(v);
		return NULL;
	}
	return v;
}

/* application/json, with parameters (charset=utf-8) or without. */
static int
is_json_type(const char *ctype)
{
	static const char t[] = "application/json";

	return ctype != NULL && strncasecmp(ctype, t, sizeof(t) - 1) == 0 &&
	    (ctype[sizeof(t) - 1] == '\0' || ctype[sizeof(t) - 1] == ';' ||
	    ctype[sizeof(t) - 1] == ' ');
}

int
or_api_body(struct pt_req *req, int allow_empty, json_t **obj)
{
	json_error_t err;
	json_t *v;

	*obj = NULL;
	if (req->api_body == NULL || req->api_body_len == 0) {
		if (!allow_empty)
			return pt_api_error(req, 400, "malformed_json",
			    "The request needs a JSON object as its body.");
		*obj = or_api_own(req, json_object());
		return *obj != NULL ? PT_OK : PT_ENOMEM;
	}
	if (!is_json_type(req->content_type))
		return pt_api_error(req, 415, "unsupported_media_type",
		    "Send the body as Content-Type: application/json.");
	/* Duplicate keys are refused: which of two values counts would be a guess. */
	v = json_loadb(req->api_body, req->api_body_len, JSON_REJECT_DUPLICATES, &err);
	if (v == NULL)
		return pt_api_error(req, 400, "malformed_json", pt_printf(req,
		    "The body is not valid JSON: %s (line %d, column %d).", err.text, err.line,
		    err.column));
	if ((v = or_api_own(req, v)) == NULL)
		return PT_ENOMEM;
	if (!json_is_object(v))
		return pt_api_error(req, 400, "malformed_json", "The body must be a JSON object.");
	*obj = v;
	return PT_OK;
}

int
or_api_send(struct pt_req *req, int status, json_t *v)
{
	char *s;
	const char *copy;

	if (v == NULL || (s = json_dumps(v, JSON_COMPACT)) == NULL)
		return PT_ENOMEM;
	copy = pt_printf(req, "%s\n", s);
	free(s);
	return copy != NULL ? pt_api_json(req, status, copy) : PT_ENOMEM;
}

void
or_api_fields_init(struct or_api_fields *f, struct pt_req *req)
{
	f->req = req;
	f->list = or_api_own(req, json_array());
	f->n = 0;
}

const char *
or_api_path(struct pt_req *req, const char *path, const char *key)
{
	return path == NULL || *path == '\0' ? key : pt_printf(req, "%s.%s", path, key);
}

void
or_api_field(struct or_api_fields *f, const char *path, const char *key, const char *reason)
{
	const char *field = key != NULL ? or_api_path(f->req, path, key) : path;

	f->n++;
	/* The count decides the answer; the list says why, up to a bound that keeps it short. */
	if (f->list != NULL && json_array_size(f->list) < 100 && field != NULL)
		json_array_append_new(f->list, json_pack("{s:s, s:s}", "field", field,
		    "reason", reason));
}

int
or_api_fields_send(struct or_api_fields *f)
{
	json_t *e;

	if (f->list == NULL)
		return PT_ENOMEM;
	e = or_api_own(f->req, json_pack("{s:{s:i, s:s, s:s, s:O}}", "error", "status", 422,
	    "code", "invalid_fields", "message", f->n == 1 ? "A field is not valid." :
	    "Some fields are not valid.", "fields", f->list));
	return or_api_send(f->req, 422, e);
}

void
or_api_unknown(struct or_api_fields *f, json_t *obj, const char *path,
    const char *const *known, size_t n)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		(void)v;
		if (!pt_one_of(key, known, n))
			or_api_field(f, path, key, "unknown field");
	}
}

int
or_api_empty_body(struct pt_req *req)
{
	struct or_api_fields f;
	json_t *body;
	int rc;

	if ((rc = or_api_body(req, 1, &body)) != PT_OK)
		return rc;
	or_api_fields_init(&f, req);
	or_api_unknown(&f, body, NULL, NULL, 0);
	return f.n > 0 ? or_api_fields_send(&f) : PT_OK;
}

json_t *
or_api_list(struct or_api_fields *f, json_t *obj, const char *key, size_t max)
{
	json_t *list = json_object_get(obj, key);

	if (list == NULL || json_is_null(list))
		or_api_field(f, key, NULL, "required");
	else if (!json_is_array(list) || json_array_size(list) == 0 || json_array_size(list) > max)
		or_api_field(f, key, NULL, pt_printf(f->req, "must be a list of 1 to %zu items", max));
	else
		return list;
	return NULL;
}

const char *
or_api_item(struct or_api_fields *f, const char *key, size_t i, json_t *item,
    const char *const *known, size_t n)
{
	const char *path = pt_printf(f->req, "%s[%zu]", key, i);

	if (path == NULL)
		return NULL;
	if (!json_is_object(item)) {
		or_api_field(f, path, NULL, "must be an object");
		return NULL;
	}
	or_api_unknown(f, item, path, known, n);
	return path;
}

/* obj's member key, or NULL when it is absent or null (an error when required). */
static json_t *
member(struct or_api_fields *f, json_t *obj, const char *path, const char *key, int required)
{
	json_t *v = json_object_get(obj, key);

	if (v != NULL && !json_is_null(v))
		return v;
	if (required)
		or_api_field(f, path, key, "required");
	return NULL;
}

int
or_api_int(struct or_api_fields *f, json_t *obj, const char *path, const char *key, int required,
    long long min, long long max, long long *out)
{
	json_t *v = member(f, obj, path, key, required);
	long long i;

	if (v == NULL)
		return 0;
	if (!json_is_integer(v)) {
		or_api_field(f, path, key, "must be a whole number");
		return 0;
	}
	i = json_integer_value(v);
	if (i < min || i > max) {
		or_api_field(f, path, key, pt_printf(f->req, "must be from %lld to %lld", min, max));
		return 0;
	}
	*out = i;
	return 1;
}

int
or_api_str(struct or_api_fields *f, json_t *obj, const char *path, const char *key, int required,
    long max_chars, const char **out)
{
	json_t *v = member(f, obj, path, key, required);
	const char *s;
	long n;

	if (v == NULL)
		return 0;
	if (!json_is_string(v)) {
		or_api_field(f, path, key, "must be a string");
		return 0;
	}
	/* Without surrounding white space, as a form's field is read. */
	if ((s = pt_trim(f->req, json_string_value(v))) == NULL)
		return 0;
	/* jansson hands out valid UTF-8 without NUL; a line has no control characters. */
	if ((n = pt_text_chars(s, 0)) < 0) {
		or_api_field(f, path, key, "must be one line of text without control characters");
		return 0;
	}
	if (n > max_chars) {
		or_api_field(f, path, key, pt_printf(f->req, "must be at most %ld characters",
		    max_chars));
		return 0;
	}
	if (required && n == 0) {
		or_api_field(f, path, key, "required");
		return 0;
	}
	*out = s;
	return 1;
}

json_t *
or_api_cell_str(const struct pt_rows *rows, size_t r, size_t c)
{
	const char *s = pt_cell(rows, r, c);

	return s != NULL ? json_string(s) : json_null();
}

json_t *
or_api_cell_int(const struct pt_rows *rows, size_t r, size_t c)
{
	return pt_cell(rows, r, c) != NULL ? json_integer(pt_cell_int(rows, r, c)) : json_null();
}
