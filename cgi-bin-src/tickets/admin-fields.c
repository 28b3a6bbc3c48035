/*
 * A service's form (permission tickets.admin): its fields in order with
 * buttons to move one up or down, adding and editing a field (kind,
 * machine name, label and help in English and German, required, a PCRE2
 * pattern, bounds whose meaning follows the kind, the options of a
 * choice), removing one, and a preview drawn by the customers' own view.
 *
 * What the customer side reads (fields.c) decides the rules here:
 *   - a pattern is matched against the whole text of a text, long text or
 *     number field with PCRE2_UTF; one that does not compile with those
 *     options is refused at the field with PCRE2's own message;
 *   - min and max are characters for text and long text (at most the
 *     kind's bound), the value for a number, days from today for a date,
 *     how many options for a multiple choice, and for a file its size
 *     (typed in KB, kept in bytes, at most the upload bound);
 *   - a choice or multiple choice needs options: one a line,
 *     "value | English label | German label".
 * Tickets keep their answers: a field that has some is retired (hidden
 * from the form, kept for the tickets that answered it, and restorable)
 * instead of deleted, its kind no longer changes, and an option that was
 * chosen is retired rather than deleted when it leaves the list.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"

enum fields_sql {
	SQL_SERVICE,
	SQL_FIELDS,
	SQL_FIELD,
	SQL_OPTIONS,
	SQL_NEXT_POSITION,
	SQL_INSERT,
	SQL_UPDATE,
	SQL_TEXT,
	SQL_OPTION_INSERT,
	SQL_OPTION_UPDATE,
	SQL_OPTION_TEXT,
	SQL_OPTION_TEXT_DELETE,
	SQL_OPTION_RETIRE,
	SQL_OPTION_DELETE,
	SQL_LOCK,
	SQL_ORDER,
	SQL_SET_POSITION,
	SQL_RETIRE,
	SQL_RESTORE,
	SQL_DELETE,
	SQL__MAX
};

#define FIELD_TEXTS(col, lang) \
	" LEFT JOIN ticket_field_texts " col " ON " col ".field_id = f.id AND " col \
	".lang = '" lang "'"
/* Tickets that answered field f (a file field's answer row points to its file). */
#define ANSWERS_OF(f) \
	"(SELECT COUNT(DISTINCT a.ticket_id) FROM ticket_answers a WHERE a.field_id = " f ")"

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: lang x2, id. */
	[SQL_SERVICE] = { "tka_fields_service",
	    "SELECT s.id, s.slug, s.type, COALESCE(st.name, se.name, s.slug),"
	    " COALESCE(st.description, se.description, ''), COALESCE(ct.name, ce.name, c.slug),"
	    " s.active"
	    " FROM ticket_services s JOIN ticket_categories c ON c.id = s.category_id"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'"
	    " LEFT JOIN ticket_category_texts ct ON ct.category_id = c.id AND ct.lang = ?"
	    " LEFT JOIN ticket_category_texts ce ON ce.category_id = c.id AND ce.lang = 'en'"
	    " WHERE s.id = ?" },
	/* The form's fields first, in order, then the retired ones. */
	[SQL_FIELDS] = { "tka_fields_list",
	    "SELECT f.id, f.name, f.kind, f.required, f.pattern, f.min_value, f.max_value,"
	    " f.active, e.label, d.label, " ANSWERS_OF("f.id") ","
	    " (SELECT COUNT(*) FROM ticket_field_options o WHERE o.field_id = f.id AND o.active = 1)"
	    " FROM ticket_fields f" FIELD_TEXTS("e", "en") FIELD_TEXTS("d", "de")
	    " WHERE f.service_id = ? ORDER BY f.active DESC, f.position, f.id" },
	[SQL_FIELD] = { "tka_fields_get",
	    "SELECT f.id, f.name, f.kind, f.required, f.pattern, f.min_value, f.max_value,"
	    " f.active, e.label, d.label, e.help, d.help, " ANSWERS_OF("f.id")
	    " FROM ticket_fields f" FIELD_TEXTS("e", "en") FIELD_TEXTS("d", "de")
	    " WHERE f.id = ? AND f.service_id = ?" },
	[SQL_OPTIONS] = { "tka_fields_options",
	    "SELECT o.id, o.value, o.active, e.label, d.label,"
	    " (SELECT COUNT(*) FROM ticket_answers a WHERE a.field_id = o.field_id"
	    "   AND a.value = o.value)"
	    " FROM ticket_field_options o"
	    " LEFT JOIN ticket_field_option_texts e ON e.option_id = o.id AND e.lang = 'en'"
	    " LEFT JOIN ticket_field_option_texts d ON d.option_id = o.id AND d.lang = 'de'"
	    " WHERE o.field_id = ? ORDER BY o.active DESC, o.position, o.id" },
	[SQL_NEXT_POSITION] = { "tka_fields_next_position",
	    "SELECT COALESCE(MAX(position), 0) + 10 FROM ticket_fields"
	    " WHERE service_id = ? AND active = 1" },
	[SQL_INSERT] = { "tka_fields_insert",
	    "INSERT INTO ticket_fields (service_id, name, kind, required, pattern, min_value,"
	    " max_value, position, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)" },
	[SQL_UPDATE] = { "tka_fields_update",
	    "UPDATE ticket_fields SET name = ?, kind = ?, required = ?, pattern = ?,"
	    " min_value = ?, max_value = ? WHERE id = ?" },
	[SQL_TEXT] = { "tka_fields_text",
	    "INSERT INTO ticket_field_texts (field_id, lang, label, help) VALUES (?, ?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE label = VALUES(label), help = VALUES(help)" },
	[SQL_OPTION_INSERT] = { "tka_fields_option_insert",
	    "INSERT INTO ticket_field_options (field_id, value, position, active)"
	    " VALUES (?, ?, ?, 1)" },
	[SQL_OPTION_UPDATE] = { "tka_fields_option_update",
	    "UPDATE ticket_field_options SET position = ?, active = 1 WHERE id = ?" },
	[SQL_OPTION_TEXT] = { "tka_fields_option_text",
	    "INSERT INTO ticket_field_option_texts (option_id, lang, label) VALUES (?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE label = VALUES(label)" },
	[SQL_OPTION_TEXT_DELETE] = { "tka_fields_option_text_delete",
	    "DELETE FROM ticket_field_option_texts WHERE option_id = ? AND lang = ?" },
	[SQL_OPTION_RETIRE] = { "tka_fields_option_retire",
	    "UPDATE ticket_field_options SET active = 0 WHERE id = ?" },
	[SQL_OPTION_DELETE] = { "tka_fields_option_delete",
	    "DELETE FROM ticket_field_options WHERE id = ?" },
	/* A ticket being raised with an answer to the field waits for this lock. */
	[SQL_LOCK] = { "tka_fields_lock",
	    "SELECT f.id, " ANSWERS_OF("f.id") ","
	    " (SELECT COUNT(*) FROM ticket_attachments x WHERE x.field_id = f.id)"
	    " FROM ticket_fields f WHERE f.id = ? AND f.service_id = ? FOR UPDATE" },
	[SQL_ORDER] = { "tka_fields_order",
	    "SELECT id, position FROM ticket_fields WHERE service_id = ? AND active = 1"
	    " ORDER BY position, id FOR UPDATE" },
	[SQL_SET_POSITION] = { "tka_fields_set_position",
	    "UPDATE ticket_fields SET position = ? WHERE id = ?" },
	[SQL_RETIRE] = { "tka_fields_retire",
	    "UPDATE ticket_fields SET active = 0 WHERE id = ?" },
	[SQL_RESTORE] = { "tka_fields_restore",
	    "UPDATE ticket_fields SET active = 1, position = ? WHERE id = ?" },
	/* Its texts and options go with it (ON DELETE CASCADE). */
	[SQL_DELETE] = { "tka_fields_delete",
	    "DELETE FROM ticket_fields WHERE id = ?" },
};

enum { S_ID, S_SLUG, S_TYPE, S_NAME, S_DESC, S_CATEGORY, S_ACTIVE };
enum { L_ID, L_NAME, L_KIND, L_REQUIRED, L_PATTERN, L_MIN, L_MAX, L_ACTIVE, L_LABEL_EN,
	L_LABEL_DE, L_ANSWERS, L_OPTIONS };
enum { G_ID, G_NAME, G_KIND, G_REQUIRED, G_PATTERN, G_MIN, G_MAX, G_ACTIVE, G_LABEL_EN,
	G_LABEL_DE, G_HELP_EN, G_HELP_DE, G_ANSWERS };
enum { O_ID, O_VALUE, O_ACTIVE, O_LABEL_EN, O_LABEL_DE, O_ANSWERS };

#define NAME_MAX_CHARS		40	/* ticket_fields.name */
#define HELP_MAX_CHARS		1000	/* ticket_field_texts.help */
#define PATTERN_MAX_CHARS	500	/* ticket_fields.pattern */
#define OPTIONS_MAX_CHARS	8000	/* the options' lines together */
#define OPTIONS_MAX		100	/* options of one field */
#define OPTION_VALUE_MAX	60	/* ticket_field_options.value */
#define NUMBER_BOUND		999999999999999LL	/* 15 digits: what fields.c reads */
#define DATE_BOUND		36500	/* days from today either way */
#define KB			1024LL

static const char *const kinds[] = {
	"text", "longtext", "number", "date", "select", "multiselect", "checkbox", "file"
};

enum { F_KIND, F_NAME, F_LABEL_EN, F_LABEL_DE, F_HELP_EN, F_HELP_DE, F_REQUIRED, F_PATTERN,
	F_MIN, F_MAX, F_OPTIONS, F__MAX };

static const struct tka_input inputs[F__MAX] = {
	[F_KIND] =	{ "kind", TKA_CHOICE, 1, 0, 0, kinds, PT_NELEM(kinds) },
	[F_NAME] =	{ "name", TKA_SLUG, 1, 0, NAME_MAX_CHARS, NULL, 0 },
	[F_LABEL_EN] =	{ "label_en", TKA_LINE, 1, 0, TKA_NAME_MAX_CHARS, NULL, 0 },
	[F_LABEL_DE] =	{ "label_de", TKA_LINE, 1, 0, TKA_NAME_MAX_CHARS, NULL, 0 },
	[F_HELP_EN] =	{ "help_en", TKA_TEXT, 0, 0, HELP_MAX_CHARS, NULL, 0 },
	[F_HELP_DE] =	{ "help_de", TKA_TEXT, 0, 0, HELP_MAX_CHARS, NULL, 0 },
	[F_REQUIRED] =	{ "required", TKA_CHECK, 0, 0, 0, NULL, 0 },
	[F_PATTERN] =	{ "pattern", TKA_LINE, 0, 0, PATTERN_MAX_CHARS, NULL, 0 },
	[F_MIN] =	{ "min", TKA_INT, 0, -NUMBER_BOUND, NUMBER_BOUND, NULL, 0 },
	[F_MAX] =	{ "max", TKA_INT, 0, -NUMBER_BOUND, NUMBER_BOUND, NULL, 0 },
	[F_OPTIONS] =	{ "options", TKA_TEXT, 0, 0, OPTIONS_MAX_CHARS, NULL, 0 },
};

static const char *const names[F__MAX] = {
	"kind", "name", "label_en", "label_de", "help_en", "help_de", "required", "pattern",
	"min", "max", "options"
};

static int
is_kind(const char *kind, const char *k)
{
	return kind != NULL && strcmp(kind, k) == 0;
}

static int
is_choice(const char *kind)
{
	return is_kind(kind, "select") || is_kind(kind, "multiselect");
}

/* ---- the service ---------------------------------------------------------- */

struct service {
	struct pt_rows	 rows;
	long long	 id;
};
#define SV(s, col)	pt_cell(&(s)->rows, 0, (col))

/* The service of the route's first capture: PT_OK or PT_ENOTFOUND. */
static int
service_load(struct pt_req *req, struct service *s)
{
	int rc;

	if (tka_cap_id(req, 1, &s->id) != PT_OK)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_SERVICE], &s->rows, PT_BINDS(pt_str(req->lang),
	    pt_str(req->lang), pt_int(s->id)))) != PT_OK)
		return rc;
	return s->rows.nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

static xmlNodePtr
service_node(struct pt_req *req, xmlNodePtr parent, const struct service *s)
{
	xmlNodePtr n = pt_node(parent, "service", NULL);

	pt_attr(n, "id", SV(s, S_ID));
	pt_attr(n, "slug", SV(s, S_SLUG));
	pt_attr(n, "type", SV(s, S_TYPE));
	pt_attr(n, "active", SV(s, S_ACTIVE));
	pt_node(n, "name", SV(s, S_NAME));
	pt_node(n, "category", SV(s, S_CATEGORY));
	(void)req;
	return n;
}

static const char *
form_path(struct pt_req *req, const struct service *s, const char *query)
{
	return pt_printf(req, TKA_ROOT "services/%lld/form%s", s->id, query);
}

/* ---- the list of fields ---------------------------------------------------- */

static int
list(struct pt_req *req)
{
	static const char *const params[] = {
		"created", "saved", "removed", "retired", "restored"
	};
	static const char *const keys[] = {
		"tickets.admin.service.created", "tickets.admin.saved",
		"tickets.admin.field.removed", "tickets.admin.field.retired",
		"tickets.admin.field.restored"
	};
	struct service s;
	struct pt_rows rows;
	xmlNodePtr n;
	size_t i;
	int rc;

	if ((rc = service_load(req, &s)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	if ((rc = pt_db_query(req, &sql[SQL_FIELDS], &rows, PT_BINDS(pt_int(s.id)))) != PT_OK)
		return rc;
	n = pt_node(req->page, "tka-form", NULL);
	service_node(req, n, &s);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr f = pt_node(n, "field", NULL);

		pt_attr(f, "id", pt_cell(&rows, i, L_ID));
		pt_attr(f, "name", pt_cell(&rows, i, L_NAME));
		pt_attr(f, "kind", pt_cell(&rows, i, L_KIND));
		pt_attr(f, "required", pt_cell(&rows, i, L_REQUIRED));
		pt_attr(f, "active", pt_cell(&rows, i, L_ACTIVE));
		pt_attr(f, "answers", pt_cell(&rows, i, L_ANSWERS));
		pt_attr(f, "options", pt_cell(&rows, i, L_OPTIONS));
		if (pt_cell(&rows, i, L_PATTERN) != NULL && *pt_cell(&rows, i, L_PATTERN) != '\0')
			pt_attr(f, "pattern", pt_cell(&rows, i, L_PATTERN));
		if (pt_cell(&rows, i, L_MIN) != NULL)
			pt_attr(f, "min", is_kind(pt_cell(&rows, i, L_KIND), "file") ?
			    pt_printf(req, "%lld", pt_cell_int(&rows, i, L_MIN) / KB) :
			    pt_cell(&rows, i, L_MIN));
		if (pt_cell(&rows, i, L_MAX) != NULL)
			pt_attr(f, "max", is_kind(pt_cell(&rows, i, L_KIND), "file") ?
			    pt_printf(req, "%lld", pt_cell_int(&rows, i, L_MAX) / KB) :
			    pt_cell(&rows, i, L_MAX));
		pt_attr(pt_node(f, "label", pt_cell(&rows, i, L_LABEL_EN)), "lang", "en");
		pt_attr(pt_node(f, "label", pt_cell(&rows, i, L_LABEL_DE)), "lang", "de");
	}
	tka_flash(req, params, keys, PT_NELEM(params));
	req->view = "admin-form";
	return 200;
}

/* ---- a field's form ---------------------------------------------------------- */

struct option {
	const char	*value, *en, *de;
};

struct options {
	struct option	 v[OPTIONS_MAX];
	size_t		 n;
};

/*
 * The field form view: the service, the field (NULL when new), its
 * retired options that tickets chose, and the values to show.
 */
static int
show_form(struct pt_req *req, int status, const struct service *s, const struct pt_rows *f,
    const struct pt_rows *opts, const char *const *v)
{
	xmlNodePtr n = pt_node(req->page, "tka-field", NULL);
	size_t i;

	service_node(req, n, s);
	if (f != NULL) {
		pt_attr(n, "id", pt_cell(f, 0, G_ID));
		pt_attr(n, "name", pt_cell(f, 0, G_NAME));
		pt_attr(n, "kind", pt_cell(f, 0, G_KIND));
		pt_attr(n, "active", pt_cell(f, 0, G_ACTIVE));
		pt_attr(n, "answers", pt_cell(f, 0, G_ANSWERS));
		pt_attr(pt_node(n, "label", pt_cell(f, 0, G_LABEL_EN)), "lang", "en");
		pt_attr(pt_node(n, "label", pt_cell(f, 0, G_LABEL_DE)), "lang", "de");
	}
	for (i = 0; opts != NULL && i < opts->nrows; i++)
		if (pt_cell_int(opts, i, O_ACTIVE) == 0) {
			xmlNodePtr o = pt_node(n, "retired-option", pt_cell(opts, i, O_LABEL_EN));

			pt_attr(o, "value", pt_cell(opts, i, O_VALUE));
			pt_attr(o, "answers", pt_cell(opts, i, O_ANSWERS));
		}
	pt_form_values(req, "field", names, v, F__MAX);
	tka_limits(req, inputs, F__MAX);
	req->view = "admin-field";
	return status;
}

/* The field of the route's second capture, of service s, with its options. */
static int
field_load(struct pt_req *req, const struct service *s, struct pt_rows *f, struct pt_rows *opts,
    long long *id)
{
	int rc;

	if (tka_cap_id(req, 2, id) != PT_OK)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_FIELD], f, PT_BINDS(pt_int(*id),
	    pt_int(s->id)))) != PT_OK)
		return rc;
	if (f->nrows != 1)
		return PT_ENOTFOUND;
	return pt_db_query(req, &sql[SQL_OPTIONS], opts, PT_BINDS(pt_int(*id)));
}

/* The active options as the form's lines: "value | English | German". */
static const char *
options_text(struct pt_req *req, const struct pt_rows *opts)
{
	const char *s = "";
	size_t i;

	for (i = 0; i < opts->nrows && s != NULL; i++) {
		const char *de = pt_cell(opts, i, O_LABEL_DE);

		if (pt_cell_int(opts, i, O_ACTIVE) == 0)
			continue;
		s = pt_printf(req, "%s%s%s | %s%s%s", s, *s != '\0' ? "\n" : "",
		    pt_cell(opts, i, O_VALUE), pt_cell(opts, i, O_LABEL_EN) != NULL ?
		    pt_cell(opts, i, O_LABEL_EN) : pt_cell(opts, i, O_VALUE),
		    de != NULL ? " | " : "", de != NULL ? de : "");
	}
	return s;
}

/* A bound as the form shows it: a file's in KB. */
static const char *
bound_text(struct pt_req *req, const char *kind, const char *v)
{
	if (v == NULL)
		return "";
	if (is_kind(kind, "file"))
		return pt_printf(req, "%lld", strtoll(v, NULL, 10) / KB);
	return v;
}

static void
values_of(struct pt_req *req, const struct pt_rows *f, const struct pt_rows *opts,
    const char **v)
{
	const char *kind = pt_cell(f, 0, G_KIND);

	v[F_KIND] = kind;
	v[F_NAME] = pt_cell(f, 0, G_NAME);
	v[F_LABEL_EN] = pt_cell(f, 0, G_LABEL_EN);
	v[F_LABEL_DE] = pt_cell(f, 0, G_LABEL_DE);
	v[F_HELP_EN] = pt_cell(f, 0, G_HELP_EN);
	v[F_HELP_DE] = pt_cell(f, 0, G_HELP_DE);
	v[F_REQUIRED] = pt_cell(f, 0, G_REQUIRED);
	v[F_PATTERN] = pt_cell(f, 0, G_PATTERN) != NULL ? pt_cell(f, 0, G_PATTERN) : "";
	v[F_MIN] = bound_text(req, kind, pt_cell(f, 0, G_MIN));
	v[F_MAX] = bound_text(req, kind, pt_cell(f, 0, G_MAX));
	v[F_OPTIONS] = options_text(req, opts);
}

/* ---- checks ------------------------------------------------------------------- */

/*
 * Does the pattern compile as fields.c will use it?  0 yes; 1 after a
 * message at "pattern" that carries PCRE2's words and the offset.
 */
static int
check_pattern(struct pt_req *req, const char *pattern)
{
	PCRE2_UCHAR text[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	int err;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &err, &off, NULL);
	if (re != NULL) {
		pcre2_code_free(re);
		return 0;
	}
	if (pcre2_get_error_message(err, text, sizeof(text)) < 0)
		text[0] = '\0';
	pt_message(req, "error", "tickets.admin.field.pattern", "pattern");
	if (req->messages != NULL && req->messages->last != NULL) {
		pt_attr(req->messages->last, "detail", (const char *)text);
		pt_attr_int(req->messages->last, "offset", (long long)off);
	}
	return 1;
}

/* An error at the options' line. */
static void
option_message(struct pt_req *req, const char *key, long line)
{
	pt_message(req, "error", key, "options");
	if (req->messages != NULL && req->messages->last != NULL)
		pt_attr_int(req->messages->last, "line", line);
}

/* [A-Za-z0-9][A-Za-z0-9_.-]*, at most OPTION_VALUE_MAX characters. */
static int
option_value_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > OPTION_VALUE_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '_' || c == '.' || c == '-'))))
			return 0;
	}
	return 1;
}

/* s[0..len) trimmed, in the arena. */
static char *
part(struct pt_req *req, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return pt_arena_strndup(req->arena, s, len);
}

/*
 * The options' lines into o: "value | English label | German label", the
 * German one optional, blank lines skipped.  0 fine, 1 after a message
 * naming the first bad line, or an error.
 */
static int
read_options(struct pt_req *req, const char *text, struct options *o)
{
	const char *p = text;
	long line = 0;

	o->n = 0;
	while (*p != '\0') {
		const char *end = strchr(p, '\n'), *bar1, *bar2;
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		struct option *opt;
		char *l;
		size_t i;

		line++;
		if ((l = part(req, p, len)) == NULL)
			return PT_ENOMEM;
		p += len + (end != NULL);
		if (*l == '\0')
			continue;
		if (o->n == OPTIONS_MAX) {
			option_message(req, "tickets.admin.options.too-many", line);
			return 1;
		}
		opt = &o->v[o->n];
		bar1 = strchr(l, '|');
		bar2 = bar1 != NULL ? strchr(bar1 + 1, '|') : NULL;
		if (bar1 == NULL || (bar2 != NULL && strchr(bar2 + 1, '|') != NULL)) {
			option_message(req, "tickets.admin.options.line", line);
			return 1;
		}
		if ((opt->value = part(req, l, (size_t)(bar1 - l))) == NULL ||
		    (opt->en = part(req, bar1 + 1, bar2 != NULL ? (size_t)(bar2 - bar1 - 1) :
		    strlen(bar1 + 1))) == NULL ||
		    (opt->de = part(req, bar2 != NULL ? bar2 + 1 : "", bar2 != NULL ?
		    strlen(bar2 + 1) : 0)) == NULL)
			return PT_ENOMEM;
		if (!option_value_ok(opt->value)) {
			option_message(req, "tickets.admin.options.value", line);
			return 1;
		}
		if (*opt->en == '\0' || pt_text_chars(opt->en, 0) < 0 ||
		    pt_text_chars(opt->en, 0) > TKA_NAME_MAX_CHARS ||
		    pt_text_chars(opt->de, 0) < 0 || pt_text_chars(opt->de, 0) > TKA_NAME_MAX_CHARS) {
			option_message(req, "tickets.admin.options.label", line);
			return 1;
		}
		for (i = 0; i < o->n; i++)
			if (strcmp(o->v[i].value, opt->value) == 0) {
				option_message(req, "tickets.admin.options.twice", line);
				return 1;
			}
		o->n++;
	}
	return 0;
}

/* A bound outside [lo, hi]: a message at field naming the range. */
static int
out_of(struct pt_req *req, const char *field, long long x, long long lo, long long hi)
{
	if (x >= lo && x <= hi)
		return 0;
	tka_message_range(req, "tickets.admin.field.bound", field, lo, hi);
	return 1;
}

/*
 * What the kind allows: a pattern, bounds in its range, options.  v is the
 * form as read (its own checks passed for the values used here);
 * answered_kind is the stored kind of a field with answers (else NULL).
 * The number of problems, each with its message, or an error.
 */
static int
check_kind(struct pt_req *req, const char **v, struct options *o, const char *answered_kind)
{
	const char *kind = v[F_KIND];
	int has_min = *v[F_MIN] != '\0', has_max = *v[F_MAX] != '\0', bad = 0, rc;
	long long min = tka_int(v[F_MIN], 0), max = tka_int(v[F_MAX], 0);

	if (*kind == '\0' || !pt_one_of(kind, kinds, PT_NELEM(kinds)))
		return 0;	/* the kind's own message says it */
	if (answered_kind != NULL && strcmp(answered_kind, kind) != 0) {
		pt_message(req, "error", "tickets.admin.field.kind-answered", "kind");
		bad++;
	}
	if (*v[F_PATTERN] != '\0' && pt_chars(v[F_PATTERN]) <= PATTERN_MAX_CHARS) {
		if (!is_kind(kind, "text") && !is_kind(kind, "longtext") && !is_kind(kind, "number")) {
			pt_message(req, "error", "tickets.admin.field.pattern-kind", "pattern");
			bad++;
		} else
			bad += check_pattern(req, v[F_PATTERN]);
	}
	if ((rc = read_options(req, v[F_OPTIONS], o)) < 0)
		return rc;
	if (rc == 0 && is_choice(kind) && o->n == 0) {
		pt_message(req, "error", "tickets.admin.options.required", "options");
		rc = 1;
	} else if (rc == 0 && !is_choice(kind) && o->n > 0) {
		pt_message(req, "error", "tickets.admin.options.kind", "options");
		rc = 1;
	}
	bad += rc;

	/* The bounds' own checks failed: their messages are there already. */
	if ((has_min && tka_int(v[F_MIN], NUMBER_BOUND + 1) > NUMBER_BOUND) ||
	    (has_max && tka_int(v[F_MAX], NUMBER_BOUND + 1) > NUMBER_BOUND))
		return bad;
	if (is_kind(kind, "select") || is_kind(kind, "checkbox")) {
		if (has_min || has_max) {
			pt_message(req, "error", "tickets.admin.field.no-bounds",
			    has_min ? "min" : "max");
			bad++;
		}
		return bad;
	}
	if (is_kind(kind, "text") || is_kind(kind, "longtext")) {
		long long hi = is_kind(kind, "text") ? TK_TEXT_MAX_CHARS : TK_LONGTEXT_MAX_CHARS;

		if (has_min)
			bad += out_of(req, "min", min, 0, hi);
		if (has_max)
			bad += out_of(req, "max", max, 1, hi);
	} else if (is_kind(kind, "date")) {
		if (has_min)
			bad += out_of(req, "min", min, -DATE_BOUND, DATE_BOUND);
		if (has_max)
			bad += out_of(req, "max", max, -DATE_BOUND, DATE_BOUND);
	} else if (is_kind(kind, "multiselect")) {
		long long n = o->n > 0 ? (long long)o->n : 1;

		if (has_min)
			bad += out_of(req, "min", min, 0, n);
		if (has_max)
			bad += out_of(req, "max", max, 1, n);
	} else if (is_kind(kind, "file")) {
		if (has_min) {
			pt_message(req, "error", "tickets.admin.field.file-min", "min");
			bad++;
		}
		if (has_max)
			bad += out_of(req, "max", max, 1, TK_FILE_MAX_BYTES / KB);
	}
	if (has_min && has_max && min > max && bad == 0) {
		pt_message(req, "error", "tickets.admin.field.min-above-max", "min");
		bad++;
	}
	return bad;
}

/* A bound as stored: NULL when empty, a file's in bytes. */
static struct pt_bind
bound_bind(const char *kind, const char *v)
{
	if (*v == '\0')
		return pt_str(NULL);
	return pt_int(tka_int(v, 0) * (is_kind(kind, "file") ? KB : 1));
}

/* ---- writing ------------------------------------------------------------------- */

static int
write_texts(struct pt_req *req, long long id, const char *const *v)
{
	const char *labels[2] = { v[F_LABEL_EN], v[F_LABEL_DE] };
	const char *helps[2] = { v[F_HELP_EN], v[F_HELP_DE] };

	return tka_texts(req, &sql[SQL_TEXT], id, labels, helps);
}

/*
 * The field's options as o says, in its order; old are the rows it had
 * (NULL for a new field).  An option that leaves the list is deleted, or
 * retired when tickets chose it; one that comes back is active again.
 */
static int
write_options(struct pt_req *req, long long field_id, const struct options *o,
    const struct pt_rows *old)
{
	size_t i, r;
	int rc;

	for (i = 0; i < o->n; i++) {
		const struct option *opt = &o->v[i];
		long long id = 0, position = (long long)(i + 1) * 10;

		for (r = 0; old != NULL && r < old->nrows; r++)
			if (strcmp(pt_cell(old, r, O_VALUE), opt->value) == 0)
				id = pt_cell_int(old, r, O_ID);
		if (id != 0)
			rc = pt_db_exec(req, &sql[SQL_OPTION_UPDATE], PT_BINDS(pt_int(position),
			    pt_int(id)), NULL);
		else {
			rc = pt_db_exec(req, &sql[SQL_OPTION_INSERT], PT_BINDS(pt_int(field_id),
			    pt_str(opt->value), pt_int(position)), NULL);
			id = (long long)pt_db_insert_id();
		}
		if (rc != PT_OK ||
		    (rc = pt_db_exec(req, &sql[SQL_OPTION_TEXT], PT_BINDS(pt_int(id), pt_str("en"),
		    pt_str(opt->en)), NULL)) != PT_OK)
			return rc;
		/* Without a German label the customers' form falls back to the English one. */
		if (*opt->de != '\0')
			rc = pt_db_exec(req, &sql[SQL_OPTION_TEXT], PT_BINDS(pt_int(id),
			    pt_str("de"), pt_str(opt->de)), NULL);
		else
			rc = pt_db_exec(req, &sql[SQL_OPTION_TEXT_DELETE], PT_BINDS(pt_int(id),
			    pt_str("de")), NULL);
		if (rc != PT_OK)
			return rc;
	}
	for (r = 0; old != NULL && r < old->nrows; r++) {
		const char *value = pt_cell(old, r, O_VALUE);

		for (i = 0; i < o->n; i++)
			if (strcmp(o->v[i].value, value) == 0)
				break;
		if (i < o->n)
			continue;
		if (pt_cell_int(old, r, O_ANSWERS) > 0)
			rc = pt_cell_int(old, r, O_ACTIVE) != 0 ? pt_db_exec(req,
			    &sql[SQL_OPTION_RETIRE], PT_BINDS(pt_int(pt_cell_int(old, r, O_ID))),
			    NULL) : PT_OK;
		else
			rc = pt_db_exec(req, &sql[SQL_OPTION_DELETE],
			    PT_BINDS(pt_int(pt_cell_int(old, r, O_ID))), NULL);
		if (rc != PT_OK)
			return rc;
	}
	return PT_OK;
}

static int
new_form(struct pt_req *req)
{
	const char *v[F__MAX] = { "text", "", "", "", "", "", "0", "", "", "", "" };
	struct service s;
	int rc;

	if ((rc = service_load(req, &s)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	return show_form(req, 200, &s, NULL, NULL, v);
}

static int
edit_form(struct pt_req *req)
{
	const char *v[F__MAX];
	struct service s;
	struct pt_rows f, opts;
	long long id;
	int rc;

	if ((rc = service_load(req, &s)) != PT_OK ||
	    (rc = field_load(req, &s, &f, &opts, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	values_of(req, &f, &opts, v);
	return show_form(req, 200, &s, &f, &opts, v);
}

/*
 * Write the form as read into field id of service s (f its row, opts its
 * options) or, when f is NULL, into a new field at the end of the form:
 * the row, its texts and options and the audit row, then 303 to the form.
 */
static int
save(struct pt_req *req, const struct service *s, const struct pt_rows *f,
    const struct pt_rows *opts, long long id)
{
	const char *v[F__MAX], *before[F__MAX];
	struct options *o;
	struct pt_rows next;
	int rc, bad;

	if ((o = pt_alloc(req, sizeof(*o))) == NULL)
		return PT_ENOMEM;
	if ((bad = tka_read(req, inputs, F__MAX, v)) < 0)
		return bad;
	if ((rc = check_kind(req, v, o, f != NULL && pt_cell_int(f, 0, G_ANSWERS) > 0 ?
	    pt_cell(f, 0, G_KIND) : NULL)) < 0)
		return rc;
	if (bad + rc > 0)
		return show_form(req, 422, s, f, opts, v);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if (f != NULL)
		rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[F_NAME]),
		    pt_str(v[F_KIND]), pt_str(v[F_REQUIRED]),
		    pt_str(*v[F_PATTERN] != '\0' ? v[F_PATTERN] : NULL),
		    bound_bind(v[F_KIND], v[F_MIN]), bound_bind(v[F_KIND], v[F_MAX]), pt_int(id)),
		    NULL);
	else if ((rc = pt_db_query(req, &sql[SQL_NEXT_POSITION], &next,
	    PT_BINDS(pt_int(s->id)))) == PT_OK) {
		rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_int(s->id), pt_str(v[F_NAME]),
		    pt_str(v[F_KIND]), pt_str(v[F_REQUIRED]),
		    pt_str(*v[F_PATTERN] != '\0' ? v[F_PATTERN] : NULL),
		    bound_bind(v[F_KIND], v[F_MIN]), bound_bind(v[F_KIND], v[F_MAX]),
		    pt_int(pt_cell_int(&next, 0, 0))), NULL);
		id = (long long)pt_db_insert_id();
	}
	if (rc == PT_EDUP) {
		/* This form has a field of the name, retired or not. */
		pt_db_rollback(req);
		pt_message(req, "error", "tickets.admin.field.name-taken", "name");
		return show_form(req, 422, s, f, opts, v);
	}
	if (rc == PT_OK)
		rc = write_texts(req, id, v);
	if (rc == PT_OK)
		rc = write_options(req, id, o, opts);
	if (f != NULL)
		values_of(req, f, opts, before);
	return tka_done(req, rc, f != NULL ? "ticket_field.update" : "ticket_field.create",
	    "ticket_field", id, f != NULL ? tka_json_object(req, names, before, F__MAX) : NULL,
	    tka_json_object(req, names, v, F__MAX), form_path(req, s, "?saved=1"));
}

static int
create(struct pt_req *req)
{
	struct service s;
	int rc;

	if ((rc = service_load(req, &s)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	return save(req, &s, NULL, NULL, 0);
}

static int
update(struct pt_req *req)
{
	struct service s;
	struct pt_rows f, opts;
	long long id;
	int rc;

	if ((rc = service_load(req, &s)) != PT_OK ||
	    (rc = field_load(req, &s, &f, &opts, &id)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	return save(req, &s, &f, &opts, id);
}

/* ---- order, removing, restoring -------------------------------------------------- */

/* Begin and lock the route's field of the route's service: PT_OK, or the answer. */
static int
field_lock(struct pt_req *req, struct service *s, long long *id, struct pt_rows *lock)
{
	int rc;

	if ((rc = service_load(req, s)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	if (tka_cap_id(req, 2, id) != PT_OK)
		return tka_not_found(req);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], lock, PT_BINDS(pt_int(*id),
	    pt_int(s->id)))) != PT_OK)
		return tka_undo(req, rc);
	if (lock->nrows != 1)
		return tka_undo(req, tka_not_found(req));
	return PT_OK;
}

/* POST .../move with direction up or down, among the form's active fields (a retired one: 404). */
static int
move(struct pt_req *req)
{
	struct service s;
	struct pt_rows lock;
	long long id;
	int rc;

	if ((rc = field_lock(req, &s, &id, &lock)) != PT_OK)
		return rc;
	return tka_move_done(req, &sql[SQL_ORDER], PT_BINDS(pt_int(s.id)), &sql[SQL_SET_POSITION],
	    id, "ticket_field.move", "ticket_field", form_path(req, &s, ""));
}

/* POST .../remove: deleted when no ticket answered it, else retired. */
static int
remove_field(struct pt_req *req)
{
	struct service s;
	struct pt_rows lock;
	long long id;
	int rc, keep;

	if ((rc = field_lock(req, &s, &id, &lock)) != PT_OK)
		return rc;
	keep = pt_cell_int(&lock, 0, 1) > 0 || pt_cell_int(&lock, 0, 2) > 0;
	rc = pt_db_exec(req, &sql[keep ? SQL_RETIRE : SQL_DELETE], PT_BINDS(pt_int(id)), NULL);
	return tka_done(req, rc, keep ? "ticket_field.retire" : "ticket_field.delete",
	    "ticket_field", id, pt_printf(req, "{\"service_id\":%lld}", s.id), NULL,
	    form_path(req, &s, keep ? "?retired=1" : "?removed=1"));
}

/* POST .../restore: a retired field back at the end of the form. */
static int
restore(struct pt_req *req)
{
	struct service s;
	struct pt_rows lock, next;
	long long id;
	int rc;

	if ((rc = field_lock(req, &s, &id, &lock)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_NEXT_POSITION], &next,
	    PT_BINDS(pt_int(s.id)))) == PT_OK)
		rc = pt_db_exec(req, &sql[SQL_RESTORE], PT_BINDS(pt_int(pt_cell_int(&next, 0, 0)),
		    pt_int(id)), NULL);
	return tka_done(req, rc, "ticket_field.restore", "ticket_field", id, NULL,
	    pt_printf(req, "{\"service_id\":%lld}", s.id), form_path(req, &s, "?restored=1"));
}

/* ---- the preview ----------------------------------------------------------------- */

/*
 * The form as a customer sees it, drawn by the customers' view (the
 * page's ticket-form is what raise.c gives it); sending it checks every
 * field as raising a ticket would, and raises nothing.
 */
static int
preview_page(struct pt_req *req, const struct service *s, const struct tk_form *form, int status)
{
	const char *service[5] = {
		SV(s, S_SLUG), SV(s, S_TYPE), SV(s, S_NAME), SV(s, S_DESC), SV(s, S_CATEGORY)
	};
	xmlNodePtr p;

	p = tk_form_tree(req, pt_printf(req, TKA_ROOT "services/%lld/preview", s->id), service,
	    form);
	pt_attr(p, "preview", "1");
	pt_attr(p->children, "id", SV(s, S_ID));
	pt_attr(p->children, "active", SV(s, S_ACTIVE));
	req->view = "admin-preview";
	return status;
}

static int
preview(struct pt_req *req)
{
	static const struct tka_input subject = {
		"subject", TKA_LINE, 1, 0, TK_SUBJECT_MAX_CHARS, NULL, 0
	};
	struct service s;
	struct tk_form form;
	const char *v, *body;
	int rc, bad;

	if ((rc = service_load(req, &s)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	if ((rc = tk_fields_load(req, s.id, &form)) != PT_OK)
		return rc;
	if (req->method != PT_POST)
		return preview_page(req, &s, &form, 200);
	if ((bad = tka_read(req, &subject, 1, &v)) < 0 ||
	    (rc = tk_body_read(req, "description", 1, &body)) < 0)
		return bad < 0 ? bad : rc;
	bad += rc;
	if ((rc = tk_fields_read(req, &form)) < 0)
		return rc;
	bad += rc;
	if (bad > 0)
		return preview_page(req, &s, &form, 422);
	pt_message(req, "success", "tickets.admin.preview.valid", NULL);
	return preview_page(req, &s, &form, 200);
}

#define SERVICE TKA_ROOT "services/(\\d{1,9})"
#define FIELD SERVICE "/fields/(\\d{1,9})"

static const struct pt_route routes[] = {
	{ PT_GET,  SERVICE "/form",		list,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  SERVICE "/fields/new",	new_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, SERVICE "/fields/new",	create,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  FIELD,			edit_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, FIELD,			update,		PT_R_LOGIN, TKA_PERM },
	{ PT_POST, FIELD "/move",		move,		PT_R_LOGIN, TKA_PERM },
	{ PT_POST, FIELD "/remove",		remove_field,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, FIELD "/restore",		restore,	PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  SERVICE "/preview",		preview,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, SERVICE "/preview",		preview,	PT_R_LOGIN, TKA_PERM },
};

static const char *const views[] = { "admin-form", "admin-field", "admin-preview" };

const struct pt_group tka_fields_group = PT_GROUP(routes, sql, views);
