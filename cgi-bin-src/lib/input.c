/*
 * A form read by a table of inputs: each field's kind, whether it is
 * required and its bounds, checked in one pass that leaves a message at
 * every field in error, so a page answers 422 once with all of them and
 * every value kept.  The messages are the catalogue's input.* keys.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "portico.h"

/* 1 if s is a slug of at most max characters: [a-z0-9]+(-[a-z0-9]+)*. */
static int
is_slug(const char *s, size_t max)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > max || s[0] == '-' || s[n - 1] == '-' || strstr(s, "--") != NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* An optional minus and 1..18 digits into *out: PT_OK or PT_EINVAL. */
static int
whole_number(const char *s, long long *out)
{
	const char *digits = s[0] == '-' ? s + 1 : s;
	char *end;

	if (*digits == '\0' || strlen(digits) > 18 || strspn(digits, "0123456789") != strlen(digits))
		return PT_EINVAL;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' ? PT_OK : PT_EINVAL;
}

long long
pt_input_int(const char *v, long long dflt)
{
	long long x;

	return v != NULL && whole_number(v, &x) == PT_OK ? x : dflt;
}

void
pt_message_range(struct pt_req *req, const char *key, const char *field, long long min,
    long long max)
{
	pt_message(req, "error", key, field);
	if (req->messages != NULL && req->messages->last != NULL) {
		pt_attr_int(req->messages->last, "min", min);
		pt_attr_int(req->messages->last, "max", max);
	}
}

/* A multi-line value: LF line ends, blank lines and spaces around it gone; arena. */
static const char *
trim_lines(struct pt_req *req, const char *s)
{
	char *t;
	size_t len;

	if (s == NULL)
		return "";
	if ((s = pt_lf_lines(req, s)) == NULL)
		return NULL;
	s += strspn(s, " \t\n");
	if ((t = pt_strdup(req, s)) == NULL)
		return NULL;
	for (len = strlen(t); len > 0 && strchr(" \t\n", t[len - 1]) != NULL; len--)
		t[len - 1] = '\0';
	return t;
}

/* A text kind's value v, not empty: 0 fine, 1 after a message at the field. */
static int
check_text(struct pt_req *req, const struct pt_input *in, const char *v)
{
	long chars;

	if ((chars = pt_text_chars(v, in->kind == PT_IN_TEXT)) < 0) {
		pt_message(req, "error", "input.invalid", in->name);
		return 1;
	}
	if (chars > in->max) {
		pt_message_max(req, "input.too-long", in->name, (long)in->max);
		return 1;
	}
	if (in->kind == PT_IN_SLUG && !is_slug(v, (size_t)in->max)) {
		pt_message_max(req, "input.slug", in->name, (long)in->max);
		return 1;
	}
	return 0;
}

/* A number kind's (whole or money) value v, not empty: 0, or 1 after a message. */
static int
check_number(struct pt_req *req, const struct pt_input *in, const char *v)
{
	long long x;
	int rc;

	if (in->kind == PT_IN_INT) {
		if (whole_number(v, &x) == PT_OK && x >= in->min && x <= in->max)
			return 0;
		pt_message_range(req, "input.integer", in->name, in->min, in->max);
		return 1;
	}
	rc = pt_parse_amount(v, &x);
	if (rc == PT_OK && x <= in->max)
		return 0;
	pt_message(req, "error", rc == PT_ELIMIT ? "input.amount.negative" : "input.amount", in->name);
	return 1;
}

int
pt_input_read(struct pt_req *req, const struct pt_input *inputs, size_t n, const char **v)
{
	size_t i;
	int bad = 0, rc;

	for (i = 0; i < n; i++) {
		const struct pt_input *in = &inputs[i];

		if (in->kind == PT_IN_CHECK) {
			v[i] = pt_form(req, in->name) != NULL && *pt_form(req, in->name) != '\0' ? "1" : "0";
			continue;
		}
		v[i] = in->kind == PT_IN_TEXT ? trim_lines(req, pt_form(req, in->name)) :
		    pt_form_trim(req, in->name);
		if (v[i] == NULL)
			return PT_ENOMEM;
		if (*v[i] == '\0') {
			if (in->required)
				pt_message(req, "error", in->kind == PT_IN_CHOICE ? "input.choose" :
				    "input.required", in->name);
			bad += in->required != 0;
			continue;
		}
		switch (in->kind) {
		case PT_IN_INT:
		case PT_IN_AMOUNT:
			rc = check_number(req, in, v[i]);
			break;
		case PT_IN_CHOICE:
			rc = !pt_one_of(v[i], in->choices, in->nchoices);
			if (rc)
				pt_message(req, "error", "input.choice", in->name);
			break;
		default:
			rc = check_text(req, in, v[i]);
			break;
		}
		bad += rc;
	}
	return bad;
}

void
pt_input_limits(struct pt_req *req, const struct pt_input *inputs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (inputs[i].kind == PT_IN_SLUG || inputs[i].kind == PT_IN_LINE ||
		    inputs[i].kind == PT_IN_TEXT)
			pt_limit(req, inputs[i].name, (long)inputs[i].max);
}

const char *
pt_json_fields(struct pt_req *req, const char *const *names, const char *const *values, size_t n)
{
	const char *s = "{";
	size_t i;

	for (i = 0; i < n && s != NULL; i++)
		s = pt_printf(req, "%s%s%s:%s", s, i > 0 ? "," : "", pt_json_str(req, names[i]),
		    pt_json_str(req, values[i]));
	return s != NULL ? pt_printf(req, "%s}", s) : NULL;
}
