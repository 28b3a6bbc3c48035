/*
 * The fields of a service's form, defined in data (ticket_fields and their
 * texts and options): loading them in the reader's language, describing
 * them to the page, reading and checking what was sent for each by its
 * kind, and storing the answers with the ticket.
 *
 * The form names a field "f-<name>".  Every check says what is wrong at
 * the field; the values sent are kept for the form shown again (files
 * cannot be: the field then asks for the file again).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <stdio.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tickets.h"

enum fields_sql { SQL_FIELDS, SQL_OPTIONS, SQL_ANSWER, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_FIELDS] = { "tk_fields_fields",
	    "SELECT f.id, f.name, f.kind, f.required, f.pattern, f.min_value, f.max_value,"
	    " COALESCE(t.label, e.label, f.name), COALESCE(t.help, e.help, '')"
	    " FROM ticket_fields f"
	    " LEFT JOIN ticket_field_texts t ON t.field_id = f.id AND t.lang = ?"
	    " LEFT JOIN ticket_field_texts e ON e.field_id = f.id AND e.lang = 'en'"
	    " WHERE f.service_id = ? AND f.active = 1 ORDER BY f.position, f.id" },
	[SQL_OPTIONS] = { "tk_fields_options",
	    "SELECT o.field_id, o.value, COALESCE(t.label, e.label, o.value)"
	    " FROM ticket_fields f JOIN ticket_field_options o ON o.field_id = f.id"
	    " LEFT JOIN ticket_field_option_texts t ON t.option_id = o.id AND t.lang = ?"
	    " LEFT JOIN ticket_field_option_texts e ON e.option_id = o.id AND e.lang = 'en'"
	    " WHERE f.service_id = ? AND f.active = 1 AND o.active = 1"
	    " ORDER BY o.field_id, o.position, o.id" },
	[SQL_ANSWER] = { "tk_fields_answer",
	    "INSERT INTO ticket_answers (ticket_id, field_id, position, value, attachment_id)"
	    " VALUES (?, ?, ?, ?, ?)" },
};

enum { C_ID, C_NAME, C_KIND, C_REQUIRED, C_PATTERN, C_MIN, C_MAX, C_LABEL, C_HELP };

static const char *const kinds[] = {
	"text", "longtext", "number", "date", "select", "multiselect", "checkbox", "file"
};

#define MATCH_LIMIT	100000	/* a pattern's backtracking bound per value */

int
tk_fields_load(struct pt_req *req, long long service_id, struct tk_form *form)
{
	struct pt_rows rows, opts;
	size_t i, j;
	int rc;

	memset(form, 0, sizeof(*form));
	/* A form changes rarely: kept rows (pt_kept_query), outdated by any change to it. */
	if ((rc = pt_kept_query(req, &sql[SQL_FIELDS], &rows, PT_BINDS(pt_str(req->lang),
	    pt_int(service_id)))) != PT_OK ||
	    (rc = pt_kept_query(req, &sql[SQL_OPTIONS], &opts, PT_BINDS(pt_str(req->lang),
	    pt_int(service_id)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_OK;
	if ((form->f = pt_alloc(req, rows.nrows * sizeof(*form->f))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < rows.nrows; i++) {
		struct tk_field *f = &form->f[form->n];
		size_t k;

		f->id = pt_cell_int(&rows, i, C_ID);
		f->name = pt_cell(&rows, i, C_NAME);
		f->kind = NULL;
		for (k = 0; k < PT_NELEM(kinds); k++)
			if (strcmp(pt_cell(&rows, i, C_KIND), kinds[k]) == 0)
				f->kind = kinds[k];
		if (f->kind == NULL)
			continue;
		f->required = pt_cell_int(&rows, i, C_REQUIRED) != 0;
		f->pattern = pt_cell(&rows, i, C_PATTERN);
		if (f->pattern != NULL && *f->pattern == '\0')
			f->pattern = NULL;
		if ((f->has_min = pt_cell(&rows, i, C_MIN) != NULL))
			f->min = pt_cell_int(&rows, i, C_MIN);
		if ((f->has_max = pt_cell(&rows, i, C_MAX) != NULL))
			f->max = pt_cell_int(&rows, i, C_MAX);
		f->label = pt_cell(&rows, i, C_LABEL);
		f->help = pt_cell(&rows, i, C_HELP);
		if ((f->param = pt_printf(req, "f-%s", f->name)) == NULL)
			return PT_ENOMEM;
		for (j = 0; j < opts.nrows; j++)
			if (pt_cell_int(&opts, j, 0) == f->id)
				f->noptions++;
		if (f->noptions > 0) {
			if ((f->options = pt_alloc(req, f->noptions * sizeof(*f->options))) == NULL)
				return PT_ENOMEM;
			f->noptions = 0;
			for (j = 0; j < opts.nrows; j++)
				if (pt_cell_int(&opts, j, 0) == f->id) {
					f->options[f->noptions].value = pt_cell(&opts, j, 1);
					f->options[f->noptions].label = pt_cell(&opts, j, 2);
					f->noptions++;
				}
		}
		form->n++;
	}
	return PT_OK;
}

/* The most characters a text field takes. */
static long long
text_max(const struct tk_field *f)
{
	long long dflt = strcmp(f->kind, "longtext") == 0 ? TK_LONGTEXT_MAX_CHARS : TK_TEXT_MAX_CHARS;

	return f->has_max && f->max > 0 && f->max < dflt ? f->max : dflt;
}

/* The most bytes a file field takes: its max, within the runtime's upload bound. */
static long long
file_max(const struct tk_field *f)
{
	long long bound = TK_FILE_MAX_BYTES;

	return f->has_max && f->max > 0 && f->max < bound ? f->max : bound;
}

void
tk_fields_node(struct pt_req *req, xmlNodePtr parent, const struct tk_form *form)
{
	xmlNodePtr fs = pt_node(parent, "fields", NULL);
	size_t i, j;

	for (i = 0; i < form->n; i++) {
		const struct tk_field *f = &form->f[i];
		xmlNodePtr n = pt_node(fs, "field", NULL);

		pt_attr(n, "name", f->param);
		pt_attr(n, "kind", f->kind);
		if (f->required)
			pt_attr(n, "required", "1");
		if (strcmp(f->kind, "text") == 0 || strcmp(f->kind, "longtext") == 0) {
			pt_limit(req, f->param, text_max(f));
			if (f->has_min && f->min > 0)
				pt_attr_int(n, "min-chars", f->min);
		} else if (strcmp(f->kind, "number") == 0) {
			if (f->has_min)
				pt_attr_int(n, "min", f->min);
			if (f->has_max)
				pt_attr_int(n, "max", f->max);
		} else if (strcmp(f->kind, "date") == 0) {
			char day[11];

			if (f->has_min && tk_day_from_today(f->min, day) == PT_OK)
				pt_attr(n, "min", day);
			if (f->has_max && tk_day_from_today(f->max, day) == PT_OK)
				pt_attr(n, "max", day);
		} else if (strcmp(f->kind, "file") == 0)
			pt_attr_int(n, "max-bytes", file_max(f));
		pt_node(n, "label", f->label);
		if (f->help != NULL && *f->help != '\0')
			pt_node(n, "help", f->help);
		for (j = 0; j < f->noptions; j++)
			pt_attr(pt_node(n, "option", f->options[j].label), "value", f->options[j].value);
	}
}

/* ---- dates ------------------------------------------------------------------ */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long long
days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static void
civil_from_days(long long z, int *y, unsigned *m, unsigned *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)((long long)yoe + era * 400 + (*m <= 2));
}

static long long
today_days(void)
{
	return (long long)(time(NULL) / 86400);
}

int
tk_day_from_today(long long days, char out[11])
{
	int y;
	unsigned m, d;

	if (days < -3650000 || days > 3650000)
		return PT_EINVAL;
	civil_from_days(today_days() + days, &y, &m, &d);
	if (y < 1 || y > 9999)
		return PT_EINVAL;
	snprintf(out, 11, "%04d-%02u-%02u", y, m % 100, d % 100);
	return PT_OK;
}

/* The days since 1970 of "YYYY-MM-DD", or PT_EINVAL for anything else. */
static int
parse_day(const char *s, long long *days)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return PT_EINVAL;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return PT_EINVAL;
	y = (unsigned)atoi(s);
	m = (unsigned)atoi(s + 5);
	d = (unsigned)atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return PT_EINVAL;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return PT_EINVAL;
	*days = days_from_civil(y, m, d);
	return PT_OK;
}

/* ---- checks ------------------------------------------------------------------ */

/* An error at the field with a bound the text names ({min} or {max}). */
static void
bound_message(struct pt_req *req, const char *key, const struct tk_field *f, const char *name,
    const char *value)
{
	pt_message(req, "error", key, f->param);
	if (req->messages != NULL && req->messages->last != NULL)
		pt_attr(req->messages->last, name, value);
}

/*
 * 1 if v matches the field's pattern as a whole, 0 if not, -1 if the
 * pattern does not compile or the match gives up (logged: the
 * administrator's mistake, which must not stop people filing).
 */
static int
pattern_matches(struct pt_req *req, const struct tk_field *f, const char *v)
{
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	PCRE2_SIZE erroff;
	int err, rc;

	re = pcre2_compile((PCRE2_SPTR)f->pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &err, &erroff, NULL);
	if (re == NULL) {
		pt_log(req, PT_LOG_WARN, "ticket field %lld: pattern does not compile at %zu",
		    f->id, (size_t)erroff);
		return -1;
	}
	md = pcre2_match_data_create_from_pattern(re, NULL);
	mc = pcre2_match_context_create(NULL);
	if (md == NULL || mc == NULL) {
		rc = -1;
		goto done;
	}
	pcre2_set_match_limit(mc, MATCH_LIMIT);
	rc = pcre2_match(re, (PCRE2_SPTR)v, strlen(v), 0, 0, md, mc);
	if (rc >= 0)
		rc = 1;
	else if (rc == PCRE2_ERROR_NOMATCH)
		rc = 0;
	else {
		pt_log(req, PT_LOG_WARN, "ticket field %lld: pattern match failed (%d)", f->id, rc);
		rc = -1;
	}
done:
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return rc;
}

/* 1 if v is one of the field's options. */
static const char *
option_of(const struct tk_field *f, const char *v)
{
	size_t i;

	for (i = 0; i < f->noptions; i++)
		if (strcmp(f->options[i].value, v) == 0)
			return f->options[i].value;
	return NULL;
}

/* Keep v as one of the field's values (for storing and for the form shown again). */
static int
keep(struct pt_req *req, struct tk_field *f, const char *v, size_t cap)
{
	if (f->values == NULL && (f->values = pt_alloc(req, cap * sizeof(*f->values))) == NULL)
		return PT_ENOMEM;
	if (f->nvalues < cap)
		f->values[f->nvalues++] = v;
	return PT_OK;
}

/* A text, longtext or number: its checks. 0 fine, 1 a message given. */
static int
check_text(struct pt_req *req, struct tk_field *f, const char *v)
{
	int multi = strcmp(f->kind, "longtext") == 0;
	long n = pt_text_chars(v, multi);
	long long max = text_max(f);

	if (n < 0) {
		pt_message(req, "error", "tickets.field.invalid", f->param);
		return 1;
	}
	if (n > max) {
		pt_message_max(req, "tickets.field.too-long", f->param, (long)max);
		return 1;
	}
	if (f->has_min && n < f->min) {
		bound_message(req, "tickets.field.too-short", f, "min", pt_printf(req, "%lld", f->min));
		return 1;
	}
	if (f->pattern != NULL && pattern_matches(req, f, v) == 0) {
		pt_message(req, "error", "tickets.field.pattern", f->param);
		return 1;
	}
	return 0;
}

/* "12", "-3.5" or "3,5" (at most 15 digits and 6 decimals) into *x; the dot form into *norm. */
static int
parse_number(struct pt_req *req, const char *v, double *x, const char **norm)
{
	char *s = pt_strdup(req, v), *p, *end;
	size_t digits = 0, decimals = 0;
	int dot = 0;

	if (s == NULL)
		return PT_ENOMEM;
	p = s + (*s == '-');
	for (; *p != '\0'; p++) {
		if (*p == ',' || *p == '.') {
			if (dot || digits == 0)
				return PT_EINVAL;
			*p = '.';
			dot = 1;
		} else if (*p >= '0' && *p <= '9') {
			if (dot)
				decimals++;
			else
				digits++;
		} else
			return PT_EINVAL;
	}
	if (digits == 0 || digits > 15 || (dot && decimals == 0) || decimals > 6)
		return PT_EINVAL;
	errno = 0;
	*x = strtod(s, &end);
	if (errno != 0 || *end != '\0')
		return PT_EINVAL;
	*norm = s;
	return PT_OK;
}

static int
check_number(struct pt_req *req, struct tk_field *f, const char *v, const char **norm)
{
	double x;

	if (parse_number(req, v, &x, norm) != PT_OK) {
		pt_message(req, "error", "tickets.field.number", f->param);
		return 1;
	}
	if (f->has_min && x < (double)f->min) {
		bound_message(req, "tickets.field.number-min", f, "min", pt_printf(req, "%lld", f->min));
		return 1;
	}
	if (f->has_max && x > (double)f->max) {
		bound_message(req, "tickets.field.number-max", f, "max", pt_printf(req, "%lld", f->max));
		return 1;
	}
	if (f->pattern != NULL && pattern_matches(req, f, *norm) == 0) {
		pt_message(req, "error", "tickets.field.pattern", f->param);
		return 1;
	}
	return 0;
}

static int
check_date(struct pt_req *req, struct tk_field *f, const char *v)
{
	long long days, today = today_days();
	char day[11];

	if (parse_day(v, &days) != PT_OK) {
		pt_message(req, "error", "tickets.field.date", f->param);
		return 1;
	}
	if (f->has_min && days < today + f->min && tk_day_from_today(f->min, day) == PT_OK) {
		bound_message(req, "tickets.field.date-min", f, "min", pt_strdup(req, day));
		return 1;
	}
	if (f->has_max && days > today + f->max && tk_day_from_today(f->max, day) == PT_OK) {
		bound_message(req, "tickets.field.date-max", f, "max", pt_strdup(req, day));
		return 1;
	}
	return 0;
}

/* Every value sent for a multiselect: each one of the options, each once. */
static int
read_multi(struct pt_req *req, struct tk_field *f, int *bad)
{
	size_t i, j, cap = f->noptions > 0 ? f->noptions : 1;
	int rc;

	for (i = 0; i < req->form.n; i++) {
		const char *v = req->form.v[i].value, *o;

		if (strcmp(req->form.v[i].name, f->param) != 0 || *v == '\0')
			continue;
		if ((o = option_of(f, v)) == NULL) {
			if (!*bad)
				pt_message(req, "error", "tickets.field.option", f->param);
			*bad = 1;
			continue;
		}
		for (j = 0; j < f->nvalues; j++)
			if (f->values[j] == o)
				break;
		if (j == f->nvalues && (rc = keep(req, f, o, cap)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

/* A file field: at most one file, of a known type and size; *bad when refused. */
static void
check_file(struct pt_req *req, struct tk_field *f, int *bad)
{
	if (tk_files_read(req, f->param, &f->file) != 0)
		*bad = 1;
	else if (f->file.n > 1) {
		pt_message(req, "error", "tickets.files.too-many", f->param);
		*bad = 1;
	} else if (f->file.n == 1 && (long long)f->file.f[0].up->len > file_max(f)) {
		pt_message_max(req, "tickets.field.file-size", f->param, (long)(file_max(f) / 1024));
		*bad = 1;
	} else if (f->file.n == 0 && f->required) {
		pt_message(req, "error", "tickets.field.required", f->param);
		*bad = 1;
	}
	if (*bad)
		f->file.n = 0;
}

int
tk_fields_read(struct pt_req *req, struct tk_form *form)
{
	size_t i;
	int bad = 0, rc;

	for (i = 0; i < form->n; i++) {
		struct tk_field *f = &form->f[i];
		const char *v = pt_form(req, f->param), *norm = NULL;
		int fb = 0;

		f->nvalues = 0;
		if (strcmp(f->kind, "multiselect") == 0) {
			if ((rc = read_multi(req, f, &fb)) != PT_OK)
				return rc;
			if (!fb && f->required && f->nvalues == 0) {
				pt_message(req, "error", "tickets.field.required", f->param);
				fb = 1;
			} else if (!fb && f->has_min && (long long)f->nvalues < f->min && f->nvalues > 0) {
				bound_message(req, "tickets.field.choose-min", f, "min",
				    pt_printf(req, "%lld", f->min));
				fb = 1;
			} else if (!fb && f->has_max && (long long)f->nvalues > f->max) {
				bound_message(req, "tickets.field.choose-max", f, "max",
				    pt_printf(req, "%lld", f->max));
				fb = 1;
			}
			bad += fb;
			continue;
		}
		if (strcmp(f->kind, "file") == 0) {
			check_file(req, f, &fb);
			bad += fb;
			continue;
		}
		if (strcmp(f->kind, "longtext") == 0) {
			if ((v = pt_lf_lines(req, v != NULL ? v : "")) == NULL)
				return PT_ENOMEM;
			/* Keep inner line breaks; only the ends are trimmed. */
			while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
				v++;
			if ((v = pt_strdup(req, v)) == NULL)
				return PT_ENOMEM;
			{
				size_t len = strlen(v);

				while (len > 0 && strchr(" \t\r\n", v[len - 1]) != NULL)
					((char *)v)[--len] = '\0';
			}
		} else if ((v = pt_form_trim(req, f->param)) == NULL)
			return PT_ENOMEM;
		if (strcmp(f->kind, "checkbox") == 0)
			v = *v != '\0' ? "1" : "";
		if ((rc = keep(req, f, v, 1)) != PT_OK)
			return rc;
		if (*v == '\0') {
			if (f->required) {
				pt_message(req, "error", strcmp(f->kind, "checkbox") == 0 ?
				    "tickets.field.check" : "tickets.field.required", f->param);
				bad++;
			}
			f->nvalues = 0;
			f->echo = "";
			continue;
		}
		f->echo = v;
		if (strcmp(f->kind, "text") == 0 || strcmp(f->kind, "longtext") == 0)
			fb = check_text(req, f, v);
		else if (strcmp(f->kind, "number") == 0) {
			fb = check_number(req, f, v, &norm);
			if (!fb)
				f->values[0] = norm;
		} else if (strcmp(f->kind, "date") == 0)
			fb = check_date(req, f, v);
		else if (strcmp(f->kind, "select") == 0 && option_of(f, v) == NULL) {
			pt_message(req, "error", "tickets.field.option", f->param);
			fb = 1;
		}
		bad += fb;
	}
	/* A file chosen in a form that goes back must be chosen again. */
	if (bad > 0)
		for (i = 0; i < form->n; i++)
			if (form->f[i].file.n > 0) {
				pt_message(req, "info", "tickets.field.file-again", form->f[i].param);
				form->f[i].file.n = 0;
			}
	return bad;
}

void
tk_fields_echo(xmlNodePtr form_node, const struct tk_form *form)
{
	size_t i, j;

	for (i = 0; i < form->n; i++) {
		const struct tk_field *f = &form->f[i];

		if (strcmp(f->kind, "multiselect") == 0) {
			for (j = 0; j < f->nvalues; j++)
				pt_attr(pt_node(form_node, "field", f->values[j]), "name", f->param);
		} else if (strcmp(f->kind, "file") != 0)
			pt_attr(pt_node(form_node, "field", f->echo != NULL ? f->echo : ""), "name",
			    f->param);
	}
}

int
tk_fields_store(struct pt_req *req, long long ticket_id, long long message_id,
    struct tk_form *form)
{
	size_t i, j;
	int rc;

	for (i = 0; i < form->n; i++) {
		struct tk_field *f = &form->f[i];

		if (f->file.n == 1) {
			if ((rc = pt_ticket_files_store(req, ticket_id, message_id, f->id, &f->file)) != PT_OK ||
			    (rc = pt_db_exec(req, &sql[SQL_ANSWER], PT_BINDS(pt_int(ticket_id),
			    pt_int(f->id), pt_int(0), pt_str(f->file.f[0].name),
			    pt_int(f->file.f[0].id)), NULL)) != PT_OK)
				return rc;
			continue;
		}
		for (j = 0; j < f->nvalues; j++)
			if ((rc = pt_db_exec(req, &sql[SQL_ANSWER], PT_BINDS(pt_int(ticket_id),
			    pt_int(f->id), pt_int((long long)j), pt_str(f->values[j]), pt_str(NULL)),
			    NULL)) != PT_OK)
				return rc;
	}
	return PT_OK;
}

int
tk_fields_save_files(struct pt_req *req, struct tk_form *form)
{
	size_t i;
	int rc;

	for (i = 0; i < form->n; i++)
		if ((rc = pt_ticket_files_save(req, &form->f[i].file)) != PT_OK)
			return rc;
	return PT_OK;
}

void
tk_fields_forget_files(struct pt_req *req, struct tk_form *form)
{
	size_t i;

	for (i = 0; i < form->n; i++)
		pt_ticket_files_forget(req, &form->f[i].file);
}

/* A JSON object of the answers for the audit row. */
const char *
tk_fields_json(struct pt_req *req, const struct tk_form *form)
{
	const char *s = "{";
	size_t i, j;

	for (i = 0; i < form->n && s != NULL; i++) {
		const struct tk_field *f = &form->f[i];
		const char *v;

		if (f->file.n == 1)
			v = pt_json_str(req, f->file.f[0].name);
		else if (strcmp(f->kind, "multiselect") == 0) {
			v = "[";
			for (j = 0; j < f->nvalues && v != NULL; j++)
				v = pt_printf(req, "%s%s%s", v, j ? "," : "", pt_json_str(req, f->values[j]));
			v = v != NULL ? pt_printf(req, "%s]", v) : NULL;
		} else if (f->nvalues > 0)
			v = pt_json_str(req, f->values[0]);
		else
			continue;
		if (v == NULL)
			return NULL;
		s = pt_printf(req, "%s%s%s:%s", s, strcmp(s, "{") != 0 ? "," : "",
		    pt_json_str(req, f->name), v);
	}
	return s != NULL ? pt_printf(req, "%s}", s) : NULL;
}

const struct pt_group tk_fields_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };
