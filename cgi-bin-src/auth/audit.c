/*
 * The audit log, newest first, with filters.  Holders of admin.audit read
 * every row; an org's own administrators (users.manage.org) read only the
 * rows of their org, whatever the filters say: the scope is bound into the
 * query from the session, never from the request.
 *
 * A bad filter value is reported on its field (422) and left out, so the
 * list below still shows what the good filters select.
 *
 * Each entry is told as a sentence by the stylesheet ("Anna Admin changed
 * the roles of Carl Customer: Buyer → Approver"): the list query brings
 * the names of the actor and of the object along (one query, no query per
 * row), and the fields that differ between the before and after JSON are
 * put into the page as <change> elements.  The JSON stays in the page.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

#define PER_PAGE 50
#define CODE_MAX_BYTES 64

enum audit_sql {
	SQL_AUDIT_LIST,
	SQL_AUDIT_COUNT,
	SQL_AUDIT_ORGS,
	SQL__MAX
};

/*
 * Scope first, then the filters; each "(? = x OR ...)" takes its value
 * twice.  The days are the reader's: from and to arrive as the UTC
 * instants at which those days begin and end in the reader's time zone.
 */
#define AUDIT_FROM \
	" FROM audit_log a LEFT JOIN users u ON u.id = a.user_id" \
	" LEFT JOIN orgs o ON o.id = a.org_id" \
	" WHERE (? = 0 OR a.org_id = ?) AND (? = 0 OR a.org_id = ?)" \
	" AND (? = '' OR a.action = ?) AND (? = '' OR a.object_type = ?)" \
	" AND (? = '' OR u.email LIKE ?)" \
	" AND (? = '' OR a.at >= ?) AND (? = '' OR a.at < ?)"

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * The object's name by its type: a person, an org, a role, an article
	 * (its title in the page's language, else any), an attachment.  The
	 * CASE keeps each lookup to the rows of its type.
	 */
	[SQL_AUDIT_LIST] = { "audit_list",
	    "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%dT%H:%i:%sZ'), a.user_id, u.name, u.email,"
	    " a.org_id, o.name, a.action, a.object_type, a.object_id, a.before_json,"
	    " a.after_json, a.ip, u.status, o.currency,"
	    " CASE a.object_type"
	    "  WHEN 'user' THEN (SELECT x.name FROM users x WHERE x.id = a.object_id)"
	    "  WHEN 'org' THEN (SELECT x.name FROM orgs x WHERE x.id = a.object_id)"
	    "  WHEN 'role' THEN (SELECT x.name FROM roles x WHERE x.id = a.object_id)"
	    "  WHEN 'integration' THEN (SELECT x.name FROM integrations x WHERE x.id = a.object_id)"
	    "  WHEN 'kb_article' THEN (SELECT x.title FROM kb_article_texts x"
	    "   WHERE x.article_id = a.object_id ORDER BY x.lang = ? DESC, x.lang LIMIT 1)"
	    "  WHEN 'kb_attachment' THEN (SELECT x.filename FROM kb_attachments x"
	    "   WHERE x.id = a.object_id)"
	    " END,"
	    " CASE a.object_type WHEN 'user' THEN (SELECT x.status FROM users x"
	    "  WHERE x.id = a.object_id) END,"
	    " CASE a.object_type WHEN 'org' THEN (SELECT x.currency FROM orgs x"
	    "  WHERE x.id = a.object_id) END,"
	    " (SELECT x.name FROM integrations x WHERE x.id = a.integration_id)" AUDIT_FROM
	    " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?" },
	[SQL_AUDIT_COUNT] = { "audit_count",
	    "SELECT COUNT(*)" AUDIT_FROM },
	[SQL_AUDIT_ORGS] = { "audit_orgs",
	    "SELECT id, name FROM orgs ORDER BY name, id" },
};

enum filter { F_ACTION, F_OBJECT, F_USER, F_FROM, F_TO, F_ORG, F__MAX };
static const char *const filter_names[F__MAX] = { "action", "object", "user", "from", "to", "org" };

/* ^[a-z0-9_.-]{1,64}$: the shape of every action and object type written. */
static int
valid_code(const char *s)
{
	size_t len = strlen(s), i;

	if (len == 0 || len > CODE_MAX_BYTES)
		return 0;
	for (i = 0; i < len; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
		    s[i] == '_' || s[i] == '.' || s[i] == '-'))
			return 0;
	return 1;
}

/* YYYY-MM-DD naming a day of the calendar. */
static int
valid_date(const char *s)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

/*
 * Check each filter; a bad one gets a message on its field and is
 * dropped (set to "").  Returns 1 when all were good.
 */
static int
check_filters(struct pt_req *req, const char **f, int all_orgs)
{
	int ok = 1, i;

	for (i = F_ACTION; i <= F_OBJECT; i++)
		if (*f[i] != '\0' && !valid_code(f[i])) {
			pt_message(req, "error", "audit.filter.invalid", filter_names[i]);
			f[i] = "";
			ok = 0;
		}
	if (*f[F_USER] != '\0' && (strlen(f[F_USER]) > PT_EMAIL_MAX_BYTES ||
	    !pt_valid(PT_V_NAME, f[F_USER], strlen(f[F_USER])))) {
		pt_message(req, "error", "audit.filter.invalid", "user");
		f[F_USER] = "";
		ok = 0;
	}
	for (i = F_FROM; i <= F_TO; i++)
		if (*f[i] != '\0' && !valid_date(f[i])) {
			pt_message(req, "error", "audit.date.invalid", filter_names[i]);
			f[i] = "";
			ok = 0;
		}
	if (*f[F_FROM] != '\0' && *f[F_TO] != '\0' && strcmp(f[F_FROM], f[F_TO]) > 0) {
		pt_message(req, "error", "audit.date.order", "to");
		f[F_TO] = "";
		ok = 0;
	}
	if (!all_orgs)
		f[F_ORG] = "";	/* an org admin's scope is their org; no choice to make */
	else if (*f[F_ORG] != '\0' && (strlen(f[F_ORG]) > 10 ||
	    !pt_valid(PT_V_ID, f[F_ORG], strlen(f[F_ORG])))) {
		pt_message(req, "error", "audit.filter.invalid", "org");
		f[F_ORG] = "";
		ok = 0;
	}
	return ok;
}

/*
 * The before and after JSON of a row, as the workers write them: an
 * object whose values are strings, numbers, true, false, null, arrays of
 * those, or (budgets) objects of those, which are flattened to "key.sub".
 * A field is kept as its raw JSON text, so that equal values compare
 * equal byte for byte (both sides come from the same writer).
 */
#define FIELDS_MAX 64
#define DEPTH_MAX 4

struct jfield {
	char		 key[128];
	const char	*v;		/* raw JSON of the value */
	size_t		 n;
};

struct jobject {
	struct jfield	 f[FIELDS_MAX];
	size_t		 n;
};

static const char *
ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* p at '"': past the closing quote, or NULL. */
static const char *
skip_string(const char *p)
{
	for (p++; *p != '\0' && *p != '"'; p++)
		if (*p == '\\' && *++p == '\0')
			return NULL;
	return *p == '"' ? p + 1 : NULL;
}

static const char *
skip_value(const char *p, int depth)
{
	char close;

	p = ws(p);
	if (*p == '"')
		return skip_string(p);
	if (*p != '[' && *p != '{') {
		const char *q = p;

		while (*q != '\0' && strchr(",]} \t\r\n", *q) == NULL)
			q++;
		return q > p ? q : NULL;
	}
	if (depth >= DEPTH_MAX)
		return NULL;
	close = *p == '[' ? ']' : '}';
	for (p = ws(p + 1); *p != close; p = ws(p + 1)) {
		if (close == '}') {
			if (*p != '"' || (p = skip_string(p)) == NULL || *(p = ws(p)) != ':')
				return NULL;
			p++;
		}
		if ((p = skip_value(p, depth + 1)) == NULL)
			return NULL;
		if (*(p = ws(p)) != ',')
			break;
	}
	return *p == close ? p + 1 : NULL;
}

/* The object at p into o, nested objects flattened under prefix. */
static int
read_object(const char *p, const char *prefix, struct jobject *o, int depth)
{
	const char *k, *v, *end;

	/* Nested objects are flattened; depth bounds the recursion. */
	if (*(p = ws(p)) != '{' || depth >= DEPTH_MAX)
		return PT_EINVAL;
	for (p = ws(p + 1); *p != '}'; p = ws(p + 1)) {
		char key[128];
		int n;

		if (*p != '"' || (end = skip_string(p)) == NULL)
			return PT_EINVAL;
		k = p + 1;
		n = snprintf(key, sizeof(key), "%s%s%.*s", prefix, *prefix != '\0' ? "." : "",
		    (int)(end - 1 - k), k);
		if (n < 0 || (size_t)n >= sizeof(key) || *(p = ws(end)) != ':')
			return PT_EINVAL;
		v = ws(p + 1);
		if (*v == '{' && read_object(v, key, o, depth + 1) != PT_OK)
			return PT_EINVAL;
		if ((end = skip_value(v, depth + 1)) == NULL)
			return PT_EINVAL;
		if (*v != '{' && o->n < FIELDS_MAX) {	/* more fields are left to the raw JSON */
			snprintf(o->f[o->n].key, sizeof(o->f[o->n].key), "%s", key);
			o->f[o->n].v = v;
			o->f[o->n].n = (size_t)(end - v);
			o->n++;
		}
		if (*(p = ws(end)) != ',')
			break;
	}
	return *p == '}' ? PT_OK : PT_EINVAL;
}

static void
put_utf8(char **q, unsigned long c)
{
	unsigned char *u = (unsigned char *)*q;

	if (c < 0x80)
		*u++ = (unsigned char)c;
	else if (c < 0x800) {
		*u++ = (unsigned char)(0xc0 | c >> 6);
		*u++ = (unsigned char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		*u++ = (unsigned char)(0xe0 | c >> 12);
		*u++ = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		*u++ = (unsigned char)(0x80 | (c & 0x3f));
	} else {
		*u++ = (unsigned char)(0xf0 | c >> 18);
		*u++ = (unsigned char)(0x80 | (c >> 12 & 0x3f));
		*u++ = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		*u++ = (unsigned char)(0x80 | (c & 0x3f));
	}
	*q = (char *)u;
}

/* A JSON scalar of n bytes as text ("" for null); NULL when out of memory. */
static const char *
scalar_text(struct pt_req *req, const char *v, size_t n)
{
	char *out, *q;
	size_t i;

	if (n == 4 && strncmp(v, "null", 4) == 0)
		return "";
	if (*v != '"' || n < 2)
		return pt_arena_strndup(req->arena, v, n);
	if ((out = pt_alloc(req, n + 1)) == NULL)
		return NULL;
	for (q = out, i = 1; i < n - 1; i++) {
		unsigned long c;
		char hex[5];

		if (v[i] != '\\') {
			*q++ = v[i];
			continue;
		}
		switch (v[++i]) {
		case 'n': *q++ = '\n'; break;
		case 'r': *q++ = '\r'; break;
		case 't': *q++ = '\t'; break;
		case 'b': case 'f': *q++ = ' '; break;
		case 'u':
			if (i + 4 >= n - 1)
				return out;
			memcpy(hex, v + i + 1, 4);
			hex[4] = '\0';
			c = strtoul(hex, NULL, 16);
			i += 4;
			/* Control characters and lone surrogates are not text to show. */
			put_utf8(&q, c < 0x20 || (c >= 0xd800 && c < 0xe000) ? 0xfffd : c);
			break;
		default: *q++ = v[i]; break;
		}
	}
	*q = '\0';
	return out;
}

/*
 * One side of a change under parent: <before>/<after> with the value as
 * text, or with an <item> per array element; an item found in the other
 * side's array is marked kept="1", so a list reads as what was removed
 * and what was added.
 */
static int
side_node(struct pt_req *req, xmlNodePtr parent, const char *name, const struct jfield *f,
    const struct jfield *other)
{
	const char *p, *end, *t;
	xmlNodePtr side, item;

	if (*f->v != '[') {
		if ((t = scalar_text(req, f->v, f->n)) == NULL)
			return PT_ENOMEM;
		pt_node(parent, name, t);
		return PT_OK;
	}
	side = pt_node(parent, name, NULL);
	pt_attr(side, "list", "1");
	for (p = ws(f->v + 1); *p != ']' && *p != '\0'; p = ws(end + 1)) {
		if ((end = skip_value(p, 1)) == NULL || (t = scalar_text(req, p,
		    (size_t)(end - p))) == NULL)
			return end == NULL ? PT_OK : PT_ENOMEM;
		item = pt_node(side, "item", t);
		if (*other->v == '[') {
			const char *o = ws(other->v + 1), *oend;

			for (; *o != ']' && *o != '\0' && (oend = skip_value(o, 1)) != NULL;
			    o = ws(oend + 1)) {
				if ((size_t)(oend - o) == (size_t)(end - p) &&
				    memcmp(o, p, (size_t)(end - p)) == 0) {
					pt_attr(item, "kept", "1");
					break;
				}
				if (*(oend = ws(oend)) != ',')
					break;
			}
		}
		if (*(end = ws(end)) != ',')
			break;
	}
	return PT_OK;
}

/*
 * <changes><change field="roles"><before>…</before><after>…</after>
 * </change></changes>: the fields both sides have whose values differ.
 * JSON that does not read is left to the raw disclosure.
 */
static int
changes_node(struct pt_req *req, xmlNodePtr entry, const char *before, const char *after)
{
	struct jobject *b, *a;
	xmlNodePtr changes = NULL, ch;
	size_t i, j;
	int rc;

	if ((b = pt_alloc(req, sizeof(*b))) == NULL || (a = pt_alloc(req, sizeof(*a))) == NULL)
		return PT_ENOMEM;
	b->n = a->n = 0;
	if (read_object(before, "", b, 0) != PT_OK || read_object(after, "", a, 0) != PT_OK)
		return PT_OK;
	for (i = 0; i < b->n; i++)
		for (j = 0; j < a->n; j++) {
			if (strcmp(b->f[i].key, a->f[j].key) != 0)
				continue;
			if (b->f[i].n != a->f[j].n || memcmp(b->f[i].v, a->f[j].v, b->f[i].n) != 0) {
				if (changes == NULL)
					changes = pt_node(entry, "changes", NULL);
				ch = pt_node(changes, "change", NULL);
				pt_attr(ch, "field", b->f[i].key);
				if ((rc = side_node(req, ch, "before", &b->f[i], &a->f[j])) != PT_OK ||
				    (rc = side_node(req, ch, "after", &a->f[j], &b->f[i])) != PT_OK)
					return rc;
			}
			break;
		}
	return PT_OK;
}

static int
audit_list(struct pt_req *req)
{
	const char *f[F__MAX], *like;
	char from_utc[20] = "", to_utc[20] = "";
	long long scope, org, page = pt_query_page(req), total;
	struct pt_rows rows, count, orgs;
	xmlNodePtr log, filter;
	int all_orgs, ok, rc;
	size_t r, i;

	if (pt_can(req, "admin.audit"))
		all_orgs = 1;
	else if (pt_can(req, "users.manage.org"))
		all_orgs = 0;
	else
		return 403;
	scope = all_orgs ? 0 : req->session.user->org_id;
	for (i = 0; i < F__MAX; i++)
		if ((f[i] = pt_query_trim(req, filter_names[i])) == NULL)
			return PT_ENOMEM;
	pt_form_echo(req, "audit", filter_names, F__MAX);	/* as typed, for a bad value */
	ok = check_filters(req, f, all_orgs);
	org = *f[F_ORG] != '\0' ? strtoll(f[F_ORG], NULL, 10) : 0;
	if ((like = pt_sql_like(req, f[F_USER])) == NULL)
		return PT_ENOMEM;
	if ((*f[F_FROM] != '\0' && pt_day_start_utc(req, f[F_FROM], 0, from_utc) != PT_OK) ||
	    (*f[F_TO] != '\0' && pt_day_start_utc(req, f[F_TO], 1, to_utc) != PT_OK))
		return PT_EINVAL;	/* check_filters let only dates through */

#define FILTER_BINDS \
	pt_int(scope), pt_int(scope), pt_int(org), pt_int(org), \
	pt_str(f[F_ACTION]), pt_str(f[F_ACTION]), pt_str(f[F_OBJECT]), pt_str(f[F_OBJECT]), \
	pt_str(f[F_USER]), pt_str(like), pt_str(f[F_FROM]), pt_str(from_utc), \
	pt_str(f[F_TO]), pt_str(to_utc)
	if ((rc = pt_db_query(req, &sql[SQL_AUDIT_COUNT], &count, PT_BINDS(FILTER_BINDS))) != PT_OK)
		return rc;
	total = count.nrows == 1 ? pt_cell_int(&count, 0, 0) : 0;
	if ((rc = pt_db_query(req, &sql[SQL_AUDIT_LIST], &rows, PT_BINDS(pt_str(req->lang),
	    FILTER_BINDS, pt_int(PER_PAGE), pt_int((page - 1) * PER_PAGE)))) != PT_OK)
		return rc;
#undef FILTER_BINDS

	log = pt_node(req->page, "audit", NULL);
	pt_attr(log, "scope", all_orgs ? "all" : "org");
	filter = pt_node(log, "filter", NULL);
	for (i = 0; i < F__MAX; i++)
		pt_attr(filter, filter_names[i], f[i]);
	if (all_orgs) {
		xmlNodePtr list = pt_node(log, "orgs", NULL);

		if ((rc = pt_db_query(req, &sql[SQL_AUDIT_ORGS], &orgs, PT_NOBINDS)) != PT_OK)
			return rc;
		for (r = 0; r < orgs.nrows; r++)
			pt_attr(pt_node(list, "org", pt_cell(&orgs, r, 1)), "id",
			    pt_cell(&orgs, r, 0));
	}
	for (r = 0; r < rows.nrows; r++) {
		xmlNodePtr e = pt_node(log, "entry", NULL), who;

		pt_attr(e, "id", pt_cell(&rows, r, 0));
		pt_attr(e, "at", pt_cell(&rows, r, 1));
		pt_attr(e, "action", pt_cell(&rows, r, 7));
		pt_attr(e, "object-type", pt_cell(&rows, r, 8));
		pt_attr(e, "object-id", pt_cell(&rows, r, 9));
		pt_attr(e, "ip", pt_cell(&rows, r, 12));
		if (pt_cell(&rows, r, 2) != NULL) {
			/* A person removed from the table, or anonymised, is shown as deleted. */
			who = pt_node(e, "user", NULL);
			pt_attr(who, "id", pt_cell(&rows, r, 2));
			pt_attr(who, "status", pt_cell(&rows, r, 13) != NULL ?
			    pt_cell(&rows, r, 13) : "deleted");
			pt_node(who, "name", pt_cell(&rows, r, 3));
			pt_node(who, "email", pt_cell(&rows, r, 4));
		}
		/* An integration's change through the API (audit_log.integration_id). */
		if (pt_cell(&rows, r, 18) != NULL)
			pt_node(e, "integration", pt_cell(&rows, r, 18));
		if (pt_cell(&rows, r, 5) != NULL) {
			xmlNodePtr on = pt_node(e, "org", pt_cell(&rows, r, 6));

			pt_attr(on, "id", pt_cell(&rows, r, 5));
			pt_attr(on, "currency", pt_cell(&rows, r, 14));
		}
		if (pt_cell(&rows, r, 15) != NULL || pt_cell(&rows, r, 16) != NULL ||
		    pt_cell(&rows, r, 17) != NULL) {
			xmlNodePtr obj = pt_node(e, "object", pt_cell(&rows, r, 15));

			pt_attr(obj, "status", pt_cell(&rows, r, 16));
			pt_attr(obj, "currency", pt_cell(&rows, r, 17));
		}
		if (pt_cell(&rows, r, 10) != NULL)
			pt_node(e, "before", pt_cell(&rows, r, 10));
		if (pt_cell(&rows, r, 11) != NULL)
			pt_node(e, "after", pt_cell(&rows, r, 11));
		if (pt_cell(&rows, r, 10) != NULL && pt_cell(&rows, r, 11) != NULL &&
		    (rc = changes_node(req, e, pt_cell(&rows, r, 10), pt_cell(&rows, r, 11))) != PT_OK)
			return rc;
	}
	pt_pager(log, page, total, PER_PAGE);
	req->view = "audit";
	return ok ? 200 : 422;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/auth/audit", audit_list, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "audit" };

const struct pt_group auth_audit_group = PT_GROUP(routes, sql, views);
