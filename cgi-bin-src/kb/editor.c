/*
 * Authoring (kb.edit): the editors' list of every article, the form that
 * creates an article and edits its text per language and its metadata
 * (with a preview that saves nothing), the workflow of states, and the
 * version history with a line diff and restore.
 *
 * A text's body is written in Markdown (CommonMark with GFM tables, the
 * default for new texts) or, as before Markdown, in XHTML; texts keep the
 * format they were written in, and the editor may switch a text's format
 * (the body is then read in the new one: the preview shows the result).
 * Every save turns the body into allow-listed XHTML (pt_markdown, or
 * pt_sanitize for XHTML) and writes, in one transaction, the current text (kb_article_texts), a new
 * version row (kb_article_versions: history is only ever appended to) and
 * an audit row; a Markdown body keeps its source beside the XHTML
 * readers are shown.  Editors see every status and audience, but only here;
 * the readers' pages apply the audience rule (kb.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"

enum editor_sql {
	SQL_LIST,
	SQL_COUNT,
	SQL_CATEGORIES,
	SQL_CATEGORY_EXISTS,
	SQL_ARTICLE,
	SQL_ARTICLE_LOCK,
	SQL_ARTICLE_EXISTS,
	SQL_ARTICLE_INSERT,
	SQL_ARTICLE_UPDATE,
	SQL_TEXT,
	SQL_TEXTS,
	SQL_TEXT_UPSERT,
	SQL_VERSION_NEXT,
	SQL_VERSION_INSERT,
	SQL_VERSIONS,
	SQL_VERSION,
	SQL_TAGS,
	SQL_TAGS_CLEAR,
	SQL_TAG_CREATE,
	SQL_TAG_ADD,
	SQL_RELATED,
	SQL_RELATED_CLEAR,
	SQL_RELATED_ADD,
	SQL_STATE_SET,
	SQL_ATTACHMENTS,
	SQL_TITLE,
	SQL_TITLES,
	SQL__MAX
};

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/* Binds: status twice, category twice, lang twice, q, pattern. */
#define LIST_WHERE \
	" WHERE (? = '' OR a.status = ?) AND (? = 0 OR a.category_id = ?)" \
	" AND (? = '' OR EXISTS (SELECT 1 FROM kb_article_texts l" \
	"   WHERE l.article_id = a.id AND l.lang = ?))" \
	" AND (? = '' OR EXISTS (SELECT 1 FROM kb_article_texts s" \
	"   WHERE s.article_id = a.id AND s.title LIKE ?))"
#define ARTICLE_COLUMNS \
	"SELECT a.id, a.category_id, a.slug, a.audience, a.status, " ISO("a.created_at") "," \
	" " ISO("a.updated_at") ", " ISO("a.published_at") " FROM kb_articles a WHERE a.id = ?"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "kb_editor_list",
	    "SELECT a.id, a.slug, a.status, a.audience, " ISO("a.updated_at") ", a.category_id,"
	    " (SELECT t.title FROM kb_article_texts t WHERE t.article_id = a.id"
	    "   ORDER BY t.lang = ? DESC, t.lang = 'en' DESC, t.lang LIMIT 1),"
	    " (SELECT GROUP_CONCAT(t.lang ORDER BY t.lang SEPARATOR ' ')"
	    "   FROM kb_article_texts t WHERE t.article_id = a.id)"
	    " FROM kb_articles a" LIST_WHERE
	    " ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?" },
	[SQL_COUNT] = { "kb_editor_count",
	    "SELECT COUNT(*) FROM kb_articles a" LIST_WHERE },
	[SQL_CATEGORIES] = { "kb_editor_categories",
	    "SELECT c.id, c.parent_id, c.slug, COALESCE(t.name, e.name, c.slug), c.audience"
	    " FROM kb_categories c"
	    " LEFT JOIN kb_category_texts t ON t.category_id = c.id AND t.lang = ?"
	    " LEFT JOIN kb_category_texts e ON e.category_id = c.id AND e.lang = 'en'"
	    " ORDER BY COALESCE(c.parent_id, c.id), c.parent_id IS NOT NULL, c.position, c.id" },
	[SQL_CATEGORY_EXISTS] = { "kb_editor_category_exists",
	    "SELECT 1 FROM kb_categories WHERE id = ?" },
	[SQL_ARTICLE] = { "kb_editor_article", ARTICLE_COLUMNS },
	[SQL_ARTICLE_LOCK] = { "kb_editor_article_lock", ARTICLE_COLUMNS " FOR UPDATE" },
	[SQL_ARTICLE_EXISTS] = { "kb_editor_article_exists",
	    "SELECT 1 FROM kb_articles WHERE id = ?" },
	[SQL_ARTICLE_INSERT] = { "kb_editor_article_insert",
	    "INSERT INTO kb_articles (category_id, slug, audience, status, created_by,"
	    " created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, UTC_TIMESTAMP(6),"
	    " UTC_TIMESTAMP(6))" },
	[SQL_ARTICLE_UPDATE] = { "kb_editor_article_update",
	    "UPDATE kb_articles SET category_id = ?, slug = ?, audience = ?,"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_TEXT] = { "kb_editor_text",
	    "SELECT title, summary, body, version_no, " ISO("updated_at") ", body_format,"
	    " body_source FROM kb_article_texts WHERE article_id = ? AND lang = ?" },
	[SQL_TEXTS] = { "kb_editor_texts",
	    "SELECT lang, version_no, title FROM kb_article_texts WHERE article_id = ?"
	    " ORDER BY lang" },
	[SQL_TEXT_UPSERT] = { "kb_editor_text_upsert",
	    "INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_format,"
	    " body_source, body_text, version_no, updated_at, updated_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6), ?)"
	    " ON DUPLICATE KEY UPDATE title = VALUES(title), summary = VALUES(summary),"
	    " body = VALUES(body), body_format = VALUES(body_format),"
	    " body_source = VALUES(body_source), body_text = VALUES(body_text),"
	    " version_no = VALUES(version_no), updated_at = VALUES(updated_at),"
	    " updated_by = VALUES(updated_by)" },
	[SQL_VERSION_NEXT] = { "kb_editor_version_next",
	    "SELECT COALESCE(MAX(version_no), 0) + 1 FROM kb_article_versions"
	    " WHERE article_id = ? AND lang = ?" },
	[SQL_VERSION_INSERT] = { "kb_editor_version_insert",
	    "INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary,"
	    " body, body_format, body_source, status, note, created_by, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_VERSIONS] = { "kb_editor_versions",
	    "SELECT v.version_no, " ISO("v.created_at") ", u.name, v.status, v.note, v.title"
	    " FROM kb_article_versions v LEFT JOIN users u ON u.id = v.created_by"
	    " WHERE v.article_id = ? AND v.lang = ? ORDER BY v.version_no DESC LIMIT 1000" },
	[SQL_VERSION] = { "kb_editor_version",
	    "SELECT version_no, title, summary, body, status, " ISO("created_at") ","
	    " body_format, body_source FROM kb_article_versions WHERE article_id = ? AND lang = ? AND version_no = ?" },
	[SQL_TAGS] = { "kb_editor_tags",
	    "SELECT t.name FROM kb_article_tags x JOIN kb_tags t ON t.id = x.tag_id"
	    " WHERE x.article_id = ? ORDER BY t.name" },
	[SQL_TAGS_CLEAR] = { "kb_editor_tags_clear",
	    "DELETE FROM kb_article_tags WHERE article_id = ?" },
	/* Two editors adding the same new tag at once both find it there afterwards. */
	[SQL_TAG_CREATE] = { "kb_editor_tag_create",
	    "INSERT INTO kb_tags (name) VALUES (?) ON DUPLICATE KEY UPDATE id = id" },
	[SQL_TAG_ADD] = { "kb_editor_tag_add",
	    "INSERT IGNORE INTO kb_article_tags (article_id, tag_id)"
	    " SELECT ?, id FROM kb_tags WHERE name = ?" },
	[SQL_RELATED] = { "kb_editor_related",
	    "SELECT related_id FROM kb_related WHERE article_id = ? ORDER BY position, related_id" },
	[SQL_RELATED_CLEAR] = { "kb_editor_related_clear",
	    "DELETE FROM kb_related WHERE article_id = ?" },
	[SQL_RELATED_ADD] = { "kb_editor_related_add",
	    "INSERT INTO kb_related (article_id, related_id, position) VALUES (?, ?, ?)" },
	[SQL_STATE_SET] = { "kb_editor_state_set",
	    "UPDATE kb_articles SET status = ?, updated_at = UTC_TIMESTAMP(6),"
	    " published_at = IF(? = 'published', UTC_TIMESTAMP(6), published_at) WHERE id = ?" },
	[SQL_ATTACHMENTS] = { "kb_editor_attachments",
	    "SELECT id, filename, content_type, size_bytes FROM kb_attachments"
	    " WHERE article_id = ? ORDER BY id" },
	/* An article's title in a language, else in English, else its first. */
	[SQL_TITLE] = { "kb_editor_title",
	    "SELECT a.id, a.status, (SELECT t.title FROM kb_article_texts t WHERE t.article_id = a.id"
	    "   ORDER BY t.lang = ? DESC, t.lang = 'en' DESC, t.lang LIMIT 1)"
	    " FROM kb_articles a WHERE a.id = ?" },
	/* Binds: lang, pattern, the article to leave out, how many. */
	[SQL_TITLES] = { "kb_editor_titles",
	    "SELECT a.id, a.status, (SELECT t.title FROM kb_article_texts t WHERE t.article_id = a.id"
	    "   ORDER BY t.lang = ? DESC, t.lang = 'en' DESC, t.lang LIMIT 1)"
	    " FROM kb_articles a WHERE EXISTS (SELECT 1 FROM kb_article_texts s"
	    "   WHERE s.article_id = a.id AND s.title LIKE ?) AND a.id <> ?"
	    " ORDER BY a.status = 'published' DESC, a.updated_at DESC, a.id DESC LIMIT ?" },
};

/* Columns of ARTICLE_COLUMNS. */
enum { A_ID, A_CATEGORY, A_SLUG, A_AUDIENCE, A_STATUS, A_CREATED, A_UPDATED, A_PUBLISHED };

#define PAGE_SIZE		50
#define SLUG_MAX_BYTES		120
#define TITLE_MAX_CHARS		300
#define SUMMARY_MAX_CHARS	1000
#define NOTE_MAX_CHARS		300
#define BODY_MAX_CHARS		200000	/* what the editor types, Markdown or HTML */
/* The stored XHTML of such a body: markup added by Markdown, entities. */
#define BODY_RENDERED_MAX_BYTES	(8 * BODY_MAX_CHARS)
#define TAGS_MAX		20
#define RELATED_MAX		20
#define DIFF_MAX_LINES		2000
#define TITLES_MAX		10	/* titles a related-article search shows */

static const char *const statuses[] = { "draft", "review", "published", "archived" };
static const char *const audiences[] = { "public", "customer", "partner", "internal" };
static const char *const formats[] = { "markdown", "xhtml" };

/* The workflow: every allowed change of status, and nothing else. */
static const struct transition {
	const char	*from;
	const char	*to;
} transitions[] = {
	{ "draft", "review" },
	{ "review", "published" },
	{ "review", "draft" },
	{ "published", "archived" },
	{ "published", "draft" },	/* withdraw */
	{ "archived", "draft" },
};

static int
transition_allowed(const char *from, const char *to)
{
	size_t i;

	for (i = 0; i < PT_NELEM(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0 && strcmp(transitions[i].to, to) == 0)
			return 1;
	return 0;
}

/* ---- small helpers ------------------------------------------------------- */

/* 1 if s is a slug: ^[a-z0-9]+(-[a-z0-9]+)*$ */
static int
slug_ok(const char *s)
{
	int prev_dash = 1;

	for (; *s != '\0'; s++) {
		if (*s == '-') {
			if (prev_dash)
				return 0;
			prev_dash = 1;
		} else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			prev_dash = 0;
		else
			return 0;
	}
	return !prev_dash;
}

/* The article id of the route's first capture, or 0. */
static long long
cap_id(const struct pt_req *req)
{
	const char *id = req->ncaps > 1 ? req->caps[1] : NULL;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return 0;
	return strtoll(id, NULL, 10);
}

/* ?lang= (or the form's lang), NULL when absent, "" when not a site language. */
static const char *
lang_param(struct pt_req *req)
{
	const char *l = pt_query(req, "lang");

	if (l == NULL)
		l = pt_form(req, "lang");
	if (l == NULL)
		return NULL;
	l = pt_language(l);
	return l != NULL ? l : "";
}

static const char *
one_of(const char *s, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, v[i]) == 0)
			return v[i];
	return NULL;
}

/* The catalogue text of key in the page language with {n} replaced by n. */
static const char *
restored_note(struct pt_req *req, long long n)
{
	const char *t = pt_i18n_get(req->lang, "kb.editor.restored-note"), *at;

	if (t == NULL || (at = strstr(t, "{n}")) == NULL)
		return pt_printf(req, "Restored from version %lld", n);
	return pt_printf(req, "%.*s%lld%s", (int)(at - t), t, n, at + 3);
}

/* ---- the article ------------------------------------------------------------ */

struct article {
	struct pt_rows	 rows;
	long long	 id;
};
#define ART(a, col)	pt_cell(&(a)->rows, 0, (col))

/* The article of the route's capture (locked with lock); PT_ENOTFOUND if none. */
static int
article_load(struct pt_req *req, int lock, struct article *a)
{
	int rc;

	if ((a->id = cap_id(req)) == 0)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[lock ? SQL_ARTICLE_LOCK : SQL_ARTICLE], &a->rows,
	    PT_BINDS(pt_int(a->id)))) != PT_OK)
		return rc;
	return a->rows.nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

/*
 * The language an article is edited in when ?lang= is absent: the page
 * language if it has a text in it, else its first text's, else the page's.
 */
static int
default_lang(struct pt_req *req, long long id, const char **lang)
{
	struct pt_rows rows;
	size_t i;
	int rc;

	*lang = pt_language(req->lang) != NULL ? pt_language(req->lang) : "en";
	if ((rc = pt_db_query(req, &sql[SQL_TEXTS], &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++)
		if (strcmp(pt_cell(&rows, i, 0), *lang) == 0)
			return PT_OK;
	for (i = 0; i < rows.nrows; i++)
		if (pt_language(pt_cell(&rows, i, 0)) != NULL) {
			*lang = pt_language(pt_cell(&rows, i, 0));
			break;
		}
	return PT_OK;
}

/* The language of an article page: ?lang= if valid, else the default; PT_ENOTFOUND if bad. */
static int
article_lang(struct pt_req *req, long long id, const char **lang)
{
	const char *l = lang_param(req);

	if (l == NULL)
		return default_lang(req, id, lang);
	if (*l == '\0')
		return PT_ENOTFOUND;
	*lang = l;
	return PT_OK;
}

/* The article of the route's capture and the language of its page (unlocked). */
static int
article_page(struct pt_req *req, struct article *a, const char **lang)
{
	int rc;

	if ((rc = article_load(req, 0, a)) != PT_OK)
		return rc;
	return article_lang(req, a->id, lang);
}

/* ---- input ------------------------------------------------------------------ */

struct input {
	const char	*category, *slug, *audience, *lang;
	const char	*title, *summary, *body, *tags_raw, *note;
	const char	*format;	/* "markdown" or "xhtml": how body is written */
	long long	 category_id;
	const char	*tags[TAGS_MAX];
	size_t		 ntags;
	long long	 related[RELATED_MAX];
	size_t		 nrelated;
	const char	*xhtml, *text;	/* the sanitised body */
};

/*
 * The fields of the article form echoed back as they were typed.  The
 * related articles (one "related" field per chosen article) are shown by
 * related_node() instead, with their titles.
 */
static const char *const form_fields[] = {
	"category", "slug", "audience", "lang", "title", "summary", "format", "body", "tags",
	"note", "related_q"
};
enum { F_CATEGORY, F_SLUG, F_AUDIENCE, F_LANG, F_TITLE, F_SUMMARY, F_FORMAT, F_BODY, F_TAGS };

/*
 * Split the comma-separated tags of in->tags_raw: each trimmed, inner
 * white space collapsed, ASCII lower-cased, duplicates dropped; each must
 * then be letters and digits with single spaces or hyphens between, at
 * most PT_TAG_MAX_CHARS characters (PT_V_TAG).  0, or -1 with a message key
 * in *key.
 */
static int
parse_tags(struct pt_req *req, struct input *in, const char **key)
{
	const char *p = in->tags_raw;

	in->ntags = 0;
	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p), i, o = 0;
		char *t = pt_alloc(req, len + 1);
		int space = 0;

		if (t == NULL)
			return PT_ENOMEM;
		for (i = 0; i < len; i++) {
			char c = p[i];

			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				space = o > 0;
				continue;
			}
			if (space)
				t[o++] = ' ';
			space = 0;
			t[o++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		}
		t[o] = '\0';
		p += len + (end != NULL);
		if (o == 0)
			continue;
		/* One line of plain words: what script/kb-generate and the pages expect. */
		if (pt_text_chars(t, 0) < 0 || !pt_valid(PT_V_TAG, t, o)) {
			*key = "kb.editor.tags.invalid";
			return -1;
		}
		for (i = 0; i < in->ntags; i++)
			if (strcmp(in->tags[i], t) == 0)
				break;
		if (i < in->ntags)
			continue;
		if (in->ntags == TAGS_MAX) {
			*key = "kb.editor.tags.too-many";
			return -1;
		}
		in->tags[in->ntags++] = t;
	}
	return 0;
}

/*
 * Add the article ids of one "related" value (commas or spaces between,
 * as an API client may send them) to in->related, duplicates dropped.
 * 0, or -1 for anything that is not an id, self, or too many.
 */
static int
related_add(struct input *in, const char *p, long long self)
{
	size_t i;

	for (;;) {
		size_t len;
		long long id;

		p += strspn(p, ", \t\r\n");
		if (*p == '\0')
			return 0;
		len = strcspn(p, ", \t\r\n");
		if (!pt_valid(PT_V_ID, p, len))
			return -1;
		id = strtoll(p, NULL, 10);
		p += len;
		if (id == self)
			return -1;
		for (i = 0; i < in->nrelated; i++)
			if (in->related[i] == id)
				break;
		if (i < in->nrelated)
			continue;
		if (in->nrelated == RELATED_MAX)
			return -1;
		in->related[in->nrelated++] = id;
	}
}

/*
 * The related articles of the form: every "related" field (a checkbox per
 * chosen article).  0, -1 if one is not an existing article other than
 * self, or an error.
 */
static int
parse_related(struct pt_req *req, struct input *in, long long self)
{
	struct pt_rows rows;
	size_t i;
	int rc;

	in->nrelated = 0;
	for (i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].name, "related") == 0 &&
		    related_add(in, req->form.v[i].value, self) < 0)
			return -1;
	for (i = 0; i < in->nrelated; i++) {
		if ((rc = pt_db_query(req, &sql[SQL_ARTICLE_EXISTS], &rows,
		    PT_BINDS(pt_int(in->related[i])))) != PT_OK)
			return rc;
		if (rows.nrows != 1)
			return -1;
	}
	return 0;
}

/*
 * May body be rendered?  PT_OK, PT_ELIMIT over BODY_MAX_CHARS characters
 * (said first, also of a body that is invalid too), PT_EINVAL for control
 * characters other than tab and line ends, or for malformed UTF-8.
 */
static int
body_check(const char *body)
{
	long n = pt_text_chars(body, 1);

	if (n < 0)
		return pt_chars(body) > BODY_MAX_CHARS ? PT_ELIMIT : PT_EINVAL;
	return n > BODY_MAX_CHARS ? PT_ELIMIT : PT_OK;
}

/*
 * The XHTML and plain text of a body written in format ("markdown" or
 * "xhtml"): the allow-listed result readers are shown, in the arena.
 * PT_OK, PT_ELIMIT, PT_EINVAL or an error (pt_markdown, pt_sanitize).
 */
static int
body_render(struct pt_req *req, const char *format, const char *body, const char **xhtml,
    const char **text)
{
	if (strcmp(format, "markdown") == 0)
		return pt_markdown(req, body, strlen(body), BODY_RENDERED_MAX_BYTES, xhtml, text);
	return pt_sanitize(req, body, strlen(body), BODY_RENDERED_MAX_BYTES, xhtml, text);
}

/*
 * Read and check the form: per-field messages for what is wrong.  self is
 * the article being edited (0 for a new one); format the body's format
 * when the form does not say (the text's stored one).  Returns the number
 * of fields in error (0: in is ready to store, body sanitised) or an error.
 */
static int
read_input(struct pt_req *req, struct input *in, long long self, const char *lang,
    const char *format)
{
	struct pt_rows rows;
	const char *key = NULL;
	long n;
	int rc, bad = 0;

	memset(in, 0, sizeof(*in));
	if ((in->category = pt_form_trim(req, "category")) == NULL ||
	    (in->slug = pt_form_trim(req, "slug")) == NULL ||
	    (in->title = pt_form_trim(req, "title")) == NULL ||
	    (in->summary = pt_form_trim(req, "summary")) == NULL ||
	    (in->tags_raw = pt_form_trim(req, "tags")) == NULL ||
	    (in->note = pt_form_trim(req, "note")) == NULL)
		return PT_ENOMEM;
	in->body = pt_form(req, "body") != NULL ? pt_form(req, "body") : "";
	if ((in->body = pt_lf_lines(req, in->body)) == NULL)
		return PT_ENOMEM;
	in->audience = one_of(pt_form(req, "audience"), audiences, PT_NELEM(audiences));
	in->lang = lang != NULL ? lang : pt_language(pt_form(req, "lang"));
	in->format = pt_form(req, "format") != NULL ?
	    one_of(pt_form(req, "format"), formats, PT_NELEM(formats)) : format;

#define FIELD_ERROR(k, f) do { pt_message(req, "error", (k), (f)); bad++; } while (0)
#define FIELD_TOO_LONG(k, f, max) do { pt_message_max(req, (k), (f), (max)); bad++; } while (0)
	if (!pt_valid(PT_V_ID, in->category, strlen(in->category)))
		FIELD_ERROR("kb.editor.category.invalid", "category");
	else {
		in->category_id = strtoll(in->category, NULL, 10);
		if ((rc = pt_db_query(req, &sql[SQL_CATEGORY_EXISTS], &rows,
		    PT_BINDS(pt_int(in->category_id)))) != PT_OK)
			return rc;
		if (rows.nrows != 1)
			FIELD_ERROR("kb.editor.category.invalid", "category");
	}
	if (*in->slug == '\0')
		FIELD_ERROR("kb.editor.slug.required", "slug");
	else if (strlen(in->slug) > SLUG_MAX_BYTES ||
	    !slug_ok(in->slug))
		FIELD_ERROR("kb.editor.slug.invalid", "slug");
	/* Whether another article has the slug is for the unique key to say (slug_taken). */
	if (in->audience == NULL)
		FIELD_ERROR("kb.editor.audience.invalid", "audience");
	if (in->lang == NULL)
		FIELD_ERROR("kb.editor.lang.invalid", "lang");
	if (in->format == NULL)
		FIELD_ERROR("kb.editor.format.invalid", "format");
	n = pt_text_chars(in->title, 0);
	if (*in->title == '\0')
		FIELD_ERROR("kb.editor.title.required", "title");
	else if (n < 0)
		FIELD_ERROR("kb.editor.title.invalid", "title");
	else if (n > TITLE_MAX_CHARS)
		FIELD_TOO_LONG("kb.editor.title.too-long", "title", TITLE_MAX_CHARS);
	n = pt_text_chars(in->summary, 1);
	if (n < 0)
		FIELD_ERROR("kb.editor.summary.invalid", "summary");
	else if (n > SUMMARY_MAX_CHARS)
		FIELD_TOO_LONG("kb.editor.summary.too-long", "summary", SUMMARY_MAX_CHARS);
	n = pt_text_chars(in->note, 0);
	if (n < 0 || n > NOTE_MAX_CHARS)
		FIELD_ERROR("kb.editor.note.invalid", "note");
	if ((rc = parse_tags(req, in, &key)) == -1)
		FIELD_ERROR(key, "tags");
	else if (rc < 0)
		return rc;
	if ((rc = parse_related(req, in, self)) == -1)
		FIELD_ERROR("kb.editor.related.invalid", "related");
	else if (rc < 0)
		return rc;

	/* The body last: the sanitiser runs only on a body that may be stored. */
	if (strspn(in->body, " \t\r\n") == strlen(in->body))
		FIELD_ERROR("kb.editor.body.required", "body");
	else {
		rc = body_check(in->body);
		if (rc == PT_OK && in->format != NULL)
			rc = body_render(req, in->format, in->body, &in->xhtml, &in->text);
		if (rc == PT_ELIMIT)
			FIELD_TOO_LONG("kb.editor.body.too-long", "body", BODY_MAX_CHARS);
		else if (rc == PT_EINVAL)
			FIELD_ERROR("kb.editor.body.invalid", "body");
		else if (rc != PT_OK)
			return rc;
	}
#undef FIELD_TOO_LONG
#undef FIELD_ERROR
	return bad;
}

/* ---- JSON for the audit rows ------------------------------------------------- */

static const char *
tags_json(struct pt_req *req, const char *const *tags, size_t n)
{
	const char *s = "[";
	size_t i;

	for (i = 0; i < n && s != NULL; i++)
		s = pt_printf(req, "%s%s%s", s, i ? "," : "", pt_json_str(req, tags[i]));
	return s != NULL ? pt_printf(req, "%s]", s) : NULL;
}

static const char *
ids_json(struct pt_req *req, const long long *ids, size_t n)
{
	const char *s = "[";
	size_t i;

	for (i = 0; i < n && s != NULL; i++)
		s = pt_printf(req, "%s%s%lld", s, i ? "," : "", ids[i]);
	return s != NULL ? pt_printf(req, "%s]", s) : NULL;
}

/* What an audit row says about the saved input (the body is in the version row). */
static const char *
input_json(struct pt_req *req, const struct input *in, long long version)
{
	return pt_printf(req, "{\"slug\":%s,\"category_id\":%lld,\"audience\":%s,\"lang\":%s,"
	    "\"version\":%lld,\"title\":%s,\"format\":%s,\"tags\":%s,\"related\":%s,\"note\":%s}",
	    pt_json_str(req, in->slug), in->category_id, pt_json_str(req, in->audience),
	    pt_json_str(req, in->lang), version, pt_json_str(req, in->title),
	    pt_json_str(req, in->format),
	    tags_json(req, in->tags, in->ntags), ids_json(req, in->related, in->nrelated),
	    pt_json_str(req, in->note));
}

/* ---- storing ---------------------------------------------------------------- */

/* A text's body as stored: what readers see, and what the editor wrote. */
struct body {
	const char	*xhtml, *text;	/* sanitised, and its plain text */
	const char	*format;	/* "markdown" or "xhtml" */
	const char	*source;	/* the Markdown typed; NULL for "xhtml" */
};

/*
 * The text of (id, lang) becomes title/summary/body as a new version,
 * stamped with the article's status and note.  *version gets its number.
 * Call inside a transaction holding the article's row lock.
 */
static int
store_text(struct pt_req *req, long long id, const char *lang, const char *title,
    const char *summary, const struct body *b, const char *status,
    const char *note, long long *version)
{
	long long uid = req->session.user->id;
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_VERSION_NEXT], &rows, PT_BINDS(pt_int(id),
	    pt_str(lang)))) != PT_OK)
		return rc;
	*version = rows.nrows == 1 ? pt_cell_int(&rows, 0, 0) : 1;
	if ((rc = pt_db_exec(req, &sql[SQL_TEXT_UPSERT], PT_BINDS(pt_int(id), pt_str(lang),
	    pt_str(title), pt_str(summary), pt_str(b->xhtml), pt_str(b->format),
	    pt_str(b->source), pt_str(b->text), pt_int(*version), pt_int(uid)), NULL)) != PT_OK)
		return rc;
	return pt_db_exec(req, &sql[SQL_VERSION_INSERT], PT_BINDS(pt_int(id), pt_str(lang),
	    pt_int(*version), pt_str(title), pt_str(summary), pt_str(b->xhtml),
	    pt_str(b->format), pt_str(b->source), pt_str(status), pt_str(note), pt_int(uid)),
	    NULL);
}

/* The body of the input as stored. */
static struct body
input_body(const struct input *in)
{
	struct body b = { in->xhtml, in->text, in->format, NULL };

	if (strcmp(in->format, "markdown") == 0)
		b.source = in->body;
	return b;
}

/* Replace the article's tags (created on the fly) and related articles. */
static int
store_links(struct pt_req *req, long long id, const struct input *in)
{
	size_t i;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_TAGS_CLEAR], PT_BINDS(pt_int(id)), NULL)) != PT_OK)
		return rc;
	for (i = 0; i < in->ntags; i++)
		if ((rc = pt_db_exec(req, &sql[SQL_TAG_CREATE], PT_BINDS(pt_str(in->tags[i])),
		    NULL)) != PT_OK ||
		    (rc = pt_db_exec(req, &sql[SQL_TAG_ADD], PT_BINDS(pt_int(id),
		    pt_str(in->tags[i])), NULL)) != PT_OK)
			return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_RELATED_CLEAR], PT_BINDS(pt_int(id)), NULL)) != PT_OK)
		return rc;
	for (i = 0; i < in->nrelated; i++)
		if ((rc = pt_db_exec(req, &sql[SQL_RELATED_ADD], PT_BINDS(pt_int(id),
		    pt_int(in->related[i]), pt_int((long long)i)), NULL)) != PT_OK)
			return rc;
	return PT_OK;
}

/* ---- the form page ------------------------------------------------------------ */

/* <categories><category id parent slug audience>name</category>...; rows get the rows. */
static int
categories_node(struct pt_req *req, xmlNodePtr parent, struct pt_rows *rows)
{
	xmlNodePtr cats;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CATEGORIES], rows, PT_BINDS(pt_str(req->lang)))) != PT_OK)
		return rc;
	cats = pt_node(parent, "categories", NULL);
	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr c = pt_node(cats, "category", pt_cell(rows, i, 3));

		pt_attr(c, "id", pt_cell(rows, i, 0));
		if (pt_cell(rows, i, 1) != NULL)
			pt_attr(c, "parent", pt_cell(rows, i, 1));
		pt_attr(c, "slug", pt_cell(rows, i, 2));
		pt_attr(c, "audience", pt_cell(rows, i, 4));
	}
	return PT_OK;
}

/*
 * <category-hidden id audience>name</category-hidden> under parent when
 * the category (or one above it) is for fewer readers than an article of
 * audience: readers who may see the article but not the category are not
 * shown the category's name (kb/categories.c), so the editor is warned.
 */
static void
category_warning(xmlNodePtr parent, const struct pt_rows *cats, const char *category,
    const char *audience)
{
	size_t i, depth;
	const char *id = category;

	if (category == NULL || audience == NULL ||
	    one_of(audience, audiences, PT_NELEM(audiences)) == NULL)
		return;
	/* Up the tree from the category; depth bounds a loop in bad data. */
	for (depth = 0; id != NULL && depth < 16; depth++) {
		for (i = 0; i < cats->nrows; i++)
			if (strcmp(pt_cell(cats, i, 0), id) == 0)
				break;
		if (i == cats->nrows)
			return;
		if (strcmp(pt_cell(cats, i, 4), "public") != 0 &&
		    strcmp(pt_cell(cats, i, 4), audience) != 0) {
			xmlNodePtr w = pt_node(parent, "category-hidden", pt_cell(cats, i, 3));

			pt_attr(w, "id", pt_cell(cats, i, 0));
			pt_attr(w, "audience", pt_cell(cats, i, 4));
			pt_attr(w, "article-audience", audience);
			return;
		}
		id = pt_cell(cats, i, 1);
	}
}

/* <languages><language code has-text version/></languages>: the site's languages. */
static int
languages_node(struct pt_req *req, xmlNodePtr parent, long long id)
{
	const char *const *langs;
	struct pt_rows rows = { 0 };
	xmlNodePtr ls;
	size_t n, i, j;
	int rc;

	if (id != 0 && (rc = pt_db_query(req, &sql[SQL_TEXTS], &rows,
	    PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	langs = pt_languages(&n);
	ls = pt_node(parent, "languages", NULL);
	for (i = 0; i < n; i++) {
		xmlNodePtr l = pt_node(ls, "language", NULL);

		pt_attr(l, "code", langs[i]);
		pt_attr(l, "has-text", "0");
		for (j = 0; j < rows.nrows; j++)
			if (strcmp(pt_cell(&rows, j, 0), langs[i]) == 0) {
				pt_attr(l, "has-text", "1");
				pt_attr(l, "version", pt_cell(&rows, j, 1));
				pt_node(l, "title", pt_cell(&rows, j, 2));
			}
	}
	return PT_OK;
}

static int
attachments_node(struct pt_req *req, xmlNodePtr parent, long long id)
{
	struct pt_rows rows;
	xmlNodePtr files;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_ATTACHMENTS], &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	files = pt_node(parent, "attachments", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr f = pt_node(files, "file", pt_cell(&rows, i, 1));

		pt_attr(f, "id", pt_cell(&rows, i, 0));
		pt_attr(f, "href", pt_printf(req, "/kb/files/%s/%s", pt_cell(&rows, i, 0),
		    pt_cell(&rows, i, 1)));
		pt_attr(f, "type", pt_cell(&rows, i, 2));
		pt_attr(f, "size", pt_cell(&rows, i, 3));
	}
	return PT_OK;
}

/* <article id status><title>…</title></article> under parent for each row of SQL_TITLE(S). */
static void
title_nodes(xmlNodePtr parent, const struct pt_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr a = pt_node(parent, "article", NULL);

		pt_attr(a, "id", pt_cell(rows, i, 0));
		pt_attr(a, "status", pt_cell(rows, i, 1));
		pt_node(a, "title", pt_cell(rows, i, 2) != NULL ? pt_cell(rows, i, 2) : "");
	}
}

/* <related><article id status><title/></article>...</related>: the chosen ones, in order. */
static int
related_node(struct pt_req *req, xmlNodePtr parent, const long long *ids, size_t n)
{
	xmlNodePtr r = pt_node(parent, "related", NULL);
	struct pt_rows rows;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if ((rc = pt_db_query(req, &sql[SQL_TITLE], &rows, PT_BINDS(pt_str(req->lang),
		    pt_int(ids[i])))) != PT_OK)
			return rc;
		title_nodes(r, &rows);
	}
	return PT_OK;
}

/*
 * Up to TITLES_MAX articles other than self whose title (in any language)
 * contains q, as title_nodes under parent; q of fewer than two
 * characters or over PT_FILTER_MAX_CHARS finds nothing.
 */
static int
titles_find(struct pt_req *req, xmlNodePtr parent, const char *q, long long self)
{
	struct pt_rows rows;
	const char *like;
	long n = pt_text_chars(q, 0);
	int rc;

	if (n < 2 || n > PT_FILTER_MAX_CHARS)
		return PT_OK;
	if ((like = pt_sql_like(req, q)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_TITLES], &rows, PT_BINDS(pt_str(req->lang),
	    pt_str(like), pt_int(self), pt_int(TITLES_MAX)))) != PT_OK)
		return rc;
	title_nodes(parent, &rows);
	return PT_OK;
}

/* The format a text is written in ("markdown" for one not written yet). */
static int
stored_format(struct pt_req *req, long long id, const char *lang, const char **format)
{
	struct pt_rows text;
	int rc;

	*format = "markdown";
	if (id == 0)
		return PT_OK;
	if ((rc = pt_db_query(req, &sql[SQL_TEXT], &text, PT_BINDS(pt_int(id),
	    pt_str(lang)))) != PT_OK)
		return rc;
	if (text.nrows == 1)
		*format = one_of(pt_cell(&text, 0, 5), formats, PT_NELEM(formats)) != NULL ?
		    one_of(pt_cell(&text, 0, 5), formats, PT_NELEM(formats)) : "xhtml";
	return PT_OK;
}

/*
 * The form filled from the database: the text of lang (empty when it has
 * none yet; a Markdown text shows its source), and its related articles
 * in *related.
 */
static int
form_from_db(struct pt_req *req, const struct article *a, const char *lang, struct input *related)
{
	struct pt_rows text, tags, rel;
	const char *values[PT_NELEM(form_fields)] = { 0 };
	const char *t = "";
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_TEXT], &text, PT_BINDS(pt_int(a->id),
	    pt_str(lang)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_TAGS], &tags, PT_BINDS(pt_int(a->id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_RELATED], &rel, PT_BINDS(pt_int(a->id)))) != PT_OK)
		return rc;
	for (i = 0; i < tags.nrows && t != NULL; i++)
		t = pt_printf(req, "%s%s%s", t, i ? ", " : "", pt_cell(&tags, i, 0));
	for (i = 0; i < rel.nrows && related->nrelated < RELATED_MAX; i++)
		related->related[related->nrelated++] = pt_cell_int(&rel, i, 0);
	values[F_CATEGORY] = ART(a, A_CATEGORY);
	values[F_SLUG] = ART(a, A_SLUG);
	values[F_AUDIENCE] = ART(a, A_AUDIENCE);
	values[F_LANG] = lang;
	values[F_FORMAT] = "markdown";
	if (text.nrows == 1) {
		int md = pt_cell(&text, 0, 5) != NULL && strcmp(pt_cell(&text, 0, 5), "markdown") == 0;

		values[F_TITLE] = pt_cell(&text, 0, 0);
		values[F_SUMMARY] = pt_cell(&text, 0, 1);
		values[F_FORMAT] = md ? "markdown" : "xhtml";
		values[F_BODY] = md && pt_cell(&text, 0, 6) != NULL ? pt_cell(&text, 0, 6) :
		    pt_cell(&text, 0, 2);
	}
	values[F_TAGS] = t;
	pt_form_values(req, "kb-article", form_fields, values, PT_NELEM(form_fields));
	return PT_OK;
}

/* The ids of the form's "related" fields that are ids, without failing on the rest. */
static void
related_from_form(struct pt_req *req, struct input *in, long long self)
{
	size_t i;

	in->nrelated = 0;
	for (i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].name, "related") == 0)
			(void)related_add(in, req->form.v[i].value, self);
}

/* 1 if the form's action is name. */
static int
action_is(struct pt_req *req, const char *name)
{
	return pt_form(req, "action") != NULL && strcmp(pt_form(req, "action"), name) == 0;
}

/*
 * The editor form (view "editor-form") for a new article (a NULL) or for
 * the text of a in lang.  with_form: echo the submitted form (else the
 * database's values, or defaults for a new article).  in with a sanitised
 * body: show it as the preview.  After a "find" the articles whose titles
 * match related_q are offered as related articles.
 */
static int
show_form(struct pt_req *req, const struct article *a, const char *lang, int with_form,
    const struct input *in, int status)
{
	xmlNodePtr f = pt_node(req->page, "kb-article-form", NULL);
	struct input related = { 0 };
	struct pt_rows cats, rows;
	const char *format;
	long long self = a != NULL ? a->id : 0;
	size_t i;
	int rc;

	pt_attr(f, "mode", a != NULL ? "edit" : "new");
	pt_limit(req, "title", TITLE_MAX_CHARS);
	pt_limit(req, "summary", SUMMARY_MAX_CHARS);
	pt_limit(req, "slug", SLUG_MAX_BYTES);	/* ASCII: characters are bytes */
	pt_limit(req, "note", NOTE_MAX_CHARS);
	pt_limit(req, "body", BODY_MAX_CHARS);
	if (lang != NULL)
		pt_attr(f, "lang", lang);
	if ((rc = categories_node(req, f, &cats)) != PT_OK ||
	    (rc = languages_node(req, f, self)) != PT_OK)
		return rc;
	if (a != NULL) {
		xmlNodePtr ts;

		pt_attr_int(f, "id", a->id);
		pt_attr(f, "base", pt_printf(req, "/kb/editor/articles/%lld", a->id));
		pt_attr(f, "slug", ART(a, A_SLUG));
		pt_attr(f, "status", ART(a, A_STATUS));
		pt_attr(f, "audience", ART(a, A_AUDIENCE));
		pt_attr(f, "created", ART(a, A_CREATED));
		pt_attr(f, "updated", ART(a, A_UPDATED));
		if (ART(a, A_PUBLISHED) != NULL)
			pt_attr(f, "published", ART(a, A_PUBLISHED));
		/* What the page is titled by: the title in lang, else another. */
		if ((rc = pt_db_query(req, &sql[SQL_TITLE], &rows, PT_BINDS(pt_str(lang != NULL ?
		    lang : req->lang), pt_int(a->id)))) != PT_OK)
			return rc;
		if (rows.nrows == 1 && pt_cell(&rows, 0, 2) != NULL)
			pt_attr(f, "title", pt_cell(&rows, 0, 2));
		ts = pt_node(f, "transitions", NULL);
		for (i = 0; i < PT_NELEM(transitions); i++)
			if (strcmp(transitions[i].from, ART(a, A_STATUS)) == 0)
				pt_attr(pt_node(ts, "transition", NULL), "to", transitions[i].to);
		if ((rc = attachments_node(req, f, a->id)) != PT_OK)
			return rc;
	}
	if (lang != NULL && (rc = stored_format(req, self, lang, &format)) == PT_OK)
		pt_attr(f, "stored-format", format);
	else if (lang != NULL)
		return rc;
	if (in != NULL && in->xhtml != NULL) {
		xmlNodePtr p = pt_node(f, "preview", NULL);

		pt_node(p, "title", in->title);
		pt_node(p, "summary", in->summary);
		if ((rc = pt_xhtml_append(req, pt_node(p, "body", NULL), in->xhtml)) != PT_OK)
			return rc;
	}
	if (with_form) {
		pt_form_echo(req, "kb-article", form_fields, PT_NELEM(form_fields));
		related_from_form(req, &related, self);
		category_warning(f, &cats, pt_form(req, "category"), pt_form(req, "audience"));
	} else if (a != NULL) {
		if ((rc = form_from_db(req, a, lang, &related)) != PT_OK)
			return rc;
		category_warning(f, &cats, ART(a, A_CATEGORY), ART(a, A_AUDIENCE));
	} else {
		const char *values[PT_NELEM(form_fields)] = { 0 };

		values[F_AUDIENCE] = "customer";
		values[F_LANG] = lang;
		values[F_FORMAT] = "markdown";
		pt_form_values(req, "kb-article", form_fields, values, PT_NELEM(form_fields));
	}
	if ((rc = related_node(req, f, related.related, related.nrelated)) != PT_OK)
		return rc;
	if (with_form && action_is(req, "find")) {
		const char *q = pt_form_trim(req, "related_q");
		xmlNodePtr found;

		if (q == NULL)
			return PT_ENOMEM;
		if (*q == '\0')	/* Enter in another field: nothing was looked for */
			goto done;
		found = pt_node(f, "related-found", NULL);
		pt_attr(found, "q", q);
		if ((rc = titles_find(req, found, q, self)) != PT_OK)
			return rc;
		/* The chosen ones are listed already. */
		for (i = 0; i < related.nrelated; i++) {
			xmlNodePtr n, next;

			for (n = found->children; n != NULL; n = next) {
				xmlChar *id = xmlGetProp(n, BAD_CAST "id");

				next = n->next;
				if (id != NULL && strtoll((const char *)id, NULL, 10) == related.related[i]) {
					xmlUnlinkNode(n);
					xmlFreeNode(n);
				}
				xmlFree(id);
			}
		}
	}
done:
	pt_limit(req, "related_q", PT_FILTER_MAX_CHARS);
	req->view = "editor-form";
	return status;
}

/* ---- the list --------------------------------------------------------------------- */

/* GET /kb/editor: ?status= ?category= ?lang= ?q= ?page= */
static int
list(struct pt_req *req)
{
	const char *status = one_of(pt_query(req, "status"), statuses, PT_NELEM(statuses));
	const char *lang = pt_language(pt_query(req, "lang"));
	const char *cat = pt_query(req, "category");
	const char *q = pt_query_trim(req, "q"), *like;
	long long category = 0, page = pt_query_page(req), total, pages;
	long q_chars;
	struct pt_rows rows, cats;
	xmlNodePtr l;
	size_t i;
	int rc;

	if (q == NULL)
		return PT_ENOMEM;
	if (status == NULL)
		status = "";
	if (lang == NULL)
		lang = "";
	if (cat != NULL && pt_valid(PT_V_ID, cat, strlen(cat)))
		category = strtoll(cat, NULL, 10);
	q_chars = pt_text_chars(q, 0);
	if (q_chars < 0 || q_chars > PT_FILTER_MAX_CHARS)
		q = "";
	pt_limit(req, "q", PT_FILTER_MAX_CHARS);
	if ((like = pt_sql_like(req, q)) == NULL)
		return PT_ENOMEM;
#define FILTER_BINDS pt_str(status), pt_str(status), pt_int(category), pt_int(category), \
	pt_str(lang), pt_str(lang), pt_str(q), pt_str(like)
	if ((rc = pt_db_query(req, &sql[SQL_COUNT], &rows, PT_BINDS(FILTER_BINDS))) != PT_OK)
		return rc;
	total = rows.nrows == 1 ? pt_cell_int(&rows, 0, 0) : 0;
	pages = pt_pages(total, PAGE_SIZE);
	if (page > pages)
		page = pages;
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_str(req->lang),
	    FILTER_BINDS, pt_int(PAGE_SIZE), pt_int((page - 1) * PAGE_SIZE)))) != PT_OK)
		return rc;
#undef FILTER_BINDS

	l = pt_node(req->page, "kb-editor", NULL);
	pt_attr(l, "status", status);
	pt_attr(l, "lang", lang);
	if (category != 0)
		pt_attr_int(l, "category", category);
	pt_attr(l, "q", q);
	if ((rc = categories_node(req, l, &cats)) != PT_OK ||
	    (rc = languages_node(req, l, 0)) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr a = pt_node(l, "article", NULL);

		pt_attr(a, "id", pt_cell(&rows, i, 0));
		pt_attr(a, "slug", pt_cell(&rows, i, 1));
		pt_attr(a, "status", pt_cell(&rows, i, 2));
		pt_attr(a, "audience", pt_cell(&rows, i, 3));
		pt_attr(a, "updated", pt_cell(&rows, i, 4));
		pt_attr(a, "category", pt_cell(&rows, i, 5));
		pt_attr(a, "langs", pt_cell(&rows, i, 7) != NULL ? pt_cell(&rows, i, 7) : "");
		pt_node(a, "title", pt_cell(&rows, i, 6) != NULL ? pt_cell(&rows, i, 6) : "");
	}
	pt_pager(l, page, total, PAGE_SIZE);
	req->view = "editor";
	return 200;
}

/* ---- new article ----------------------------------------------------------------- */

/*
 * Another article has the slug: its unique key refused the write, and
 * nothing was written.  The form comes back with what was typed.
 */
static int
slug_taken(struct pt_req *req, const struct article *a, const char *lang)
{
	pt_db_rollback(req);
	pt_message(req, "error", "kb.editor.slug.taken", "slug");
	return show_form(req, a, lang, 1, NULL, 422);
}

static int
new_form(struct pt_req *req)
{
	return show_form(req, NULL, pt_language(req->lang), 0, NULL, 200);
}

/* POST /kb/editor/new: the article as a draft with version 1 of its first text. */
static int
new_post(struct pt_req *req)
{
	struct input in;
	struct body body;
	long long id, version;
	int rc;

	if (action_is(req, "find"))
		return show_form(req, NULL, pt_language(pt_form(req, "lang")), 1, NULL, 200);
	if ((rc = read_input(req, &in, 0, NULL, "markdown")) < 0)
		return rc;
	if (rc > 0)
		return show_form(req, NULL, in.lang, 1, NULL, 422);
	if (action_is(req, "preview"))
		return show_form(req, NULL, in.lang, 1, &in, 200);

	body = input_body(&in);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_exec(req, &sql[SQL_ARTICLE_INSERT], PT_BINDS(pt_int(in.category_id),
	    pt_str(in.slug), pt_str(in.audience), pt_int(req->session.user->id)), NULL)) == PT_EDUP)
		return slug_taken(req, NULL, in.lang);
	if (rc != PT_OK)
		goto fail;
	id = (long long)pt_db_insert_id();
	if ((rc = store_text(req, id, in.lang, in.title, in.summary, &body, "draft",
	    in.note, &version)) != PT_OK ||
	    (rc = store_links(req, id, &in)) != PT_OK ||
	    (rc = pt_audit(req, "kb.article.create", "kb_article", pt_printf(req, "%lld", id),
	    NULL, input_json(req, &in, version))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	/* Public pages may show what changed: outdate the kept ones. */
	pt_pagecache_changed(req);
	return pt_redirect(req, pt_printf(req, "/kb/editor/articles/%lld?lang=%s&created=1", id,
	    in.lang));
fail:
	pt_db_rollback(req);
	return rc;
}

/* ---- edit -------------------------------------------------------------------- */

/* GET /kb/editor/articles/<id>?lang= */
static int
edit_form(struct pt_req *req)
{
	struct article a;
	const char *lang;
	int rc;

	if ((rc = article_page(req, &a, &lang)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (pt_query(req, "created") != NULL)
		pt_message(req, "success", "kb.editor.created", NULL);
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "kb.editor.saved", NULL);
	if (pt_query(req, "state") != NULL)
		pt_message(req, "success", "kb.editor.state.changed", NULL);
	if (pt_query(req, "uploaded") != NULL)
		pt_message(req, "success", "kb.editor.file.uploaded", NULL);
	if (pt_query(req, "deleted") != NULL)
		pt_message(req, "success", "kb.editor.file.deleted", NULL);
	return show_form(req, &a, lang, 0, NULL, 200);
}

/* POST /kb/editor/articles/<id>?lang=: find related articles, preview, or save. */
static int
edit_post(struct pt_req *req)
{
	struct article a, locked;
	struct input in;
	struct body body;
	const char *lang, *before, *format;
	long long version;
	int rc;

	if ((rc = article_page(req, &a, &lang)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (action_is(req, "find"))
		return show_form(req, &a, lang, 1, NULL, 200);
	if ((rc = stored_format(req, a.id, lang, &format)) != PT_OK ||
	    (rc = read_input(req, &in, a.id, lang, format)) < 0)
		return rc;
	if (rc > 0)
		return show_form(req, &a, lang, 1, NULL, 422);
	if (action_is(req, "preview"))
		return show_form(req, &a, lang, 1, &in, 200);

	body = input_body(&in);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = article_load(req, 1, &locked)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	before = pt_printf(req, "{\"slug\":%s,\"category_id\":%s,\"audience\":%s,\"status\":%s}",
	    pt_json_str(req, ART(&locked, A_SLUG)), ART(&locked, A_CATEGORY),
	    pt_json_str(req, ART(&locked, A_AUDIENCE)), pt_json_str(req, ART(&locked, A_STATUS)));
	if ((rc = pt_db_exec(req, &sql[SQL_ARTICLE_UPDATE], PT_BINDS(pt_int(in.category_id),
	    pt_str(in.slug), pt_str(in.audience), pt_int(a.id)), NULL)) == PT_EDUP)
		return slug_taken(req, &a, lang);
	if (rc != PT_OK ||
	    (rc = store_text(req, a.id, lang, in.title, in.summary, &body,
	    ART(&locked, A_STATUS), in.note, &version)) != PT_OK ||
	    (rc = store_links(req, a.id, &in)) != PT_OK ||
	    (rc = pt_audit(req, "kb.article.save", "kb_article", pt_printf(req, "%lld", a.id),
	    before, input_json(req, &in, version))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	/* Public pages may show what changed: outdate the kept ones. */
	pt_pagecache_changed(req);
	return pt_redirect(req, pt_printf(req, "/kb/editor/articles/%lld?lang=%s&saved=1", a.id,
	    lang));
fail:
	pt_db_rollback(req);
	return rc;
}

/*
 * POST /kb/editor/preview: format=, body= as the live preview beside the
 * textarea fetches it (view "editor-preview", an HTML fragment): the body
 * rendered and sanitised exactly as a save would store it.  Nothing is
 * stored.  422 with a message on the body when it could not be.
 */
static int
preview_post(struct pt_req *req)
{
	const char *format = one_of(pt_form(req, "format"), formats, PT_NELEM(formats));
	const char *body = pt_form(req, "body") != NULL ? pt_form(req, "body") : "";
	const char *xhtml = NULL, *text;
	xmlNodePtr p;
	int rc = PT_OK;

	if ((body = pt_lf_lines(req, body)) == NULL)
		return PT_ENOMEM;
	p = pt_node(req->page, "kb-preview", NULL);
	req->view = "editor-preview";
	if (format == NULL) {
		pt_message(req, "error", "kb.editor.format.invalid", "format");
		return 422;
	}
	pt_attr(p, "format", format);
	if ((rc = body_check(body)) == PT_OK)
		rc = body_render(req, format, body, &xhtml, &text);
	if (rc == PT_ELIMIT) {
		pt_message_max(req, "kb.editor.body.too-long", "body", BODY_MAX_CHARS);
		return 422;
	}
	if (rc == PT_EINVAL) {
		pt_message(req, "error", "kb.editor.body.invalid", "body");
		return 422;
	}
	if (rc != PT_OK)
		return rc;
	if ((rc = pt_xhtml_append(req, pt_node(p, "body", NULL), xhtml)) != PT_OK)
		return rc;
	return 200;
}

/*
 * GET /kb/editor/titles?q=&exclude=: the articles whose title contains q
 * (view "editor-titles"), for the suggestions of the related-article
 * search as the editor types.
 */
static int
titles(struct pt_req *req)
{
	const char *q = pt_query_trim(req, "q"), *ex = pt_query(req, "exclude");
	long long self = 0;
	xmlNodePtr t;

	if (q == NULL)
		return PT_ENOMEM;
	if (ex != NULL && pt_valid(PT_V_ID, ex, strlen(ex)))
		self = strtoll(ex, NULL, 10);
	t = pt_node(req->page, "kb-titles", NULL);
	pt_attr(t, "q", q);
	req->view = "editor-titles";
	return titles_find(req, t, q, self) == PT_OK ? 200 : PT_EDB;
}

/* ---- workflow ------------------------------------------------------------------- */

/*
 * The page that asks before an article is archived (view
 * "editor-archive"): what archiving does, a confirming POST and a way
 * back that changes nothing.
 */
static int
archive_page(struct pt_req *req, const struct article *a, const char *lang)
{
	xmlNodePtr p = pt_node(req->page, "kb-archive", NULL);
	struct pt_rows rows;
	int rc;

	pt_attr_int(p, "id", a->id);
	pt_attr(p, "lang", lang);
	pt_attr(p, "slug", ART(a, A_SLUG));
	pt_attr(p, "status", ART(a, A_STATUS));
	pt_attr(p, "base", pt_printf(req, "/kb/editor/articles/%lld", a->id));
	pt_attr(p, "allowed", transition_allowed(ART(a, A_STATUS), "archived") ? "1" : "0");
	if ((rc = pt_db_query(req, &sql[SQL_TITLE], &rows, PT_BINDS(pt_str(lang),
	    pt_int(a->id)))) != PT_OK)
		return rc;
	if (rows.nrows == 1 && pt_cell(&rows, 0, 2) != NULL)
		pt_attr(p, "title", pt_cell(&rows, 0, 2));
	req->view = "editor-archive";
	return 200;
}

/* GET /kb/editor/articles/<id>/archive?lang=: asks whether to archive. */
static int
archive_form(struct pt_req *req)
{
	struct article a;
	const char *lang;
	int rc;

	if ((rc = article_page(req, &a, &lang)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return archive_page(req, &a, lang);
}

/*
 * POST /kb/editor/articles/<id>/state: to=draft|review|published|archived.
 * Archiving takes the article from every reader: without confirm=1 it
 * answers the page that asks first, and changes nothing.
 */
static int
state_post(struct pt_req *req)
{
	const char *to = one_of(pt_form(req, "to"), statuses, PT_NELEM(statuses));
	const char *lang, *from, *key = NULL, *confirm = pt_form(req, "confirm");
	struct article a;
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = article_load(req, 1, &a)) != PT_OK ||
	    (rc = article_lang(req, a.id, &lang)) != PT_OK) {
		pt_db_rollback(req);
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	}
	from = ART(&a, A_STATUS);
	if (to == NULL || !transition_allowed(from, to))
		key = "kb.editor.state.invalid";
	else if (strcmp(to, "archived") == 0 && (confirm == NULL || strcmp(confirm, "1") != 0)) {
		pt_db_rollback(req);
		return archive_page(req, &a, lang);
	} else if (strcmp(to, "published") == 0) {
		if ((rc = pt_db_query(req, &sql[SQL_TEXTS], &rows, PT_BINDS(pt_int(a.id)))) != PT_OK)
			goto fail;
		if (rows.nrows == 0)
			key = "kb.editor.state.no-text";
	}
	if (key != NULL) {
		pt_db_rollback(req);
		pt_message(req, "error", key, "to");
		return show_form(req, &a, lang, 0, NULL, 422);
	}
	if ((rc = pt_db_exec(req, &sql[SQL_STATE_SET], PT_BINDS(pt_str(to), pt_str(to),
	    pt_int(a.id)), NULL)) != PT_OK ||
	    (rc = pt_audit(req, "kb.article.state", "kb_article", pt_printf(req, "%lld", a.id),
	    pt_printf(req, "{\"status\":%s}", pt_json_str(req, from)),
	    pt_printf(req, "{\"status\":%s}", pt_json_str(req, to)))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	/* Public pages may show what changed: outdate the kept ones. */
	pt_pagecache_changed(req);
	return pt_redirect(req, pt_printf(req, "/kb/editor/articles/%lld?lang=%s&state=%s", a.id,
	    lang, to));
fail:
	pt_db_rollback(req);
	return rc;
}

/* ---- versions ----------------------------------------------------------------- */

/* <kb-versions id lang base> with the article's title in lang and its languages. */
static xmlNodePtr
versions_head(struct pt_req *req, const struct article *a, const char *lang, const char *name)
{
	xmlNodePtr v = pt_node(req->page, name, NULL);

	pt_attr_int(v, "id", a->id);
	pt_attr(v, "lang", lang);
	pt_attr(v, "slug", ART(a, A_SLUG));
	pt_attr(v, "status", ART(a, A_STATUS));
	pt_attr(v, "base", pt_printf(req, "/kb/editor/articles/%lld", a->id));
	return v;
}

/* GET /kb/editor/articles/<id>/versions?lang= */
static int
versions(struct pt_req *req)
{
	struct article a;
	struct pt_rows rows;
	const char *lang;
	xmlNodePtr vs;
	size_t i;
	int rc;

	if ((rc = article_page(req, &a, &lang)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if ((rc = pt_db_query(req, &sql[SQL_VERSIONS], &rows, PT_BINDS(pt_int(a.id),
	    pt_str(lang)))) != PT_OK)
		return rc;
	if (pt_query(req, "restored") != NULL)
		pt_message(req, "success", "kb.editor.restored", NULL);
	vs = versions_head(req, &a, lang, "kb-versions");
	if ((rc = languages_node(req, vs, a.id)) != PT_OK)
		return rc;
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr v = pt_node(vs, "version", NULL);

		pt_attr(v, "no", pt_cell(&rows, i, 0));
		pt_attr(v, "created", pt_cell(&rows, i, 1));
		pt_attr(v, "status", pt_cell(&rows, i, 3));
		pt_node(v, "author", pt_cell(&rows, i, 2) != NULL ? pt_cell(&rows, i, 2) : "");
		pt_node(v, "note", pt_cell(&rows, i, 4));
		pt_node(v, "title", pt_cell(&rows, i, 5));
	}
	req->view = "versions";
	return 200;
}

/* ---- diff ------------------------------------------------------------------------ */

struct line {
	const char	*s;
	size_t		 len;
	uint32_t	 hash;
};

/* Block-level tags after whose end a diff line ends. */
static const char *const line_ends[] = {
	"</p>", "</h2>", "</h3>", "</h4>", "</li>", "</pre>", "</blockquote>", "</tr>",
	"</dt>", "</dd>", "</ul>", "</ol>", "</dl>", "</table>", "</thead>", "</tbody>",
	"<br/>", "<br />", "<hr/>", "<hr />",
};

static int
ends_line(const char *tag, size_t len)
{
	size_t i;

	for (i = 0; i < PT_NELEM(line_ends); i++)
		if (strlen(line_ends[i]) == len && memcmp(line_ends[i], tag, len) == 0)
			return 1;
	return 0;
}

static void
line_add(struct line *v, size_t *n, size_t max, const char *s, size_t len)
{
	size_t i;
	uint32_t h = 2166136261u;

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
	    s[len - 1] == '\n'))
		len--;
	if (len == 0)
		return;
	if (*n < max) {
		for (i = 0; i < len; i++)
			h = (h ^ (unsigned char)s[i]) * 16777619u;
		v[*n].s = s;
		v[*n].len = len;
		v[*n].hash = h;
	}
	(*n)++;
}

/*
 * A body as lines: one per line break, blank lines left out, and for
 * XHTML (markup) one per block element too (a paragraph, a list item, a
 * table row); Markdown sources are compared line by line as typed.
 * Returns how many lines there are; only the first max are stored in v.
 */
static size_t
split_lines(const char *x, int markup, struct line *v, size_t max)
{
	const char *start = x, *p = x, *gt;
	size_t n = 0;

	while (*p != '\0') {
		if (*p == '\n') {
			line_add(v, &n, max, start, (size_t)(p - start));
			start = ++p;
		} else if (markup && *p == '<' && (gt = strchr(p, '>')) != NULL) {
			int end = ends_line(p, (size_t)(gt + 1 - p));

			p = gt + 1;
			if (end) {
				line_add(v, &n, max, start, (size_t)(p - start));
				start = p;
			}
		} else
			p++;
	}
	line_add(v, &n, max, start, strlen(start));
	return n;
}

static int
line_eq(const struct line *a, const struct line *b)
{
	return a->hash == b->hash && a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static void
diff_line(struct pt_req *req, xmlNodePtr parent, const char *op, const struct line *l)
{
	char *s = pt_alloc(req, l->len + 1);

	if (s == NULL)
		return;
	memcpy(s, l->s, l->len);
	pt_attr(pt_node(parent, "line", s), "op", op);
}

/*
 * The lines of a turned into those of b, by a longest common subsequence:
 * <line op="same|del|add"> under parent.  The common head and tail are
 * matched first; the table for the rest (at most DIFF_MAX_LINES squared
 * 16-bit cells) is malloc'd and freed here, not kept by the arena.
 */
static int
diff_lines(struct pt_req *req, xmlNodePtr parent, const struct line *a, size_t na,
    const struct line *b, size_t nb, long *added, long *removed)
{
	size_t head = 0, tail = 0, n, m, i, j, w;
	uint16_t *t;

	while (head < na && head < nb && line_eq(&a[head], &b[head]))
		head++;
	while (tail < na - head && tail < nb - head &&
	    line_eq(&a[na - 1 - tail], &b[nb - 1 - tail]))
		tail++;
	n = na - head - tail;
	m = nb - head - tail;
	w = m + 1;
	if ((t = calloc((n + 1) * w, sizeof(*t))) == NULL)
		return PT_ENOMEM;
	/* t[i][j]: the length of the LCS of a[head+i..] and b[head+j..]. */
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;) {
			if (line_eq(&a[head + i], &b[head + j]))
				t[i * w + j] = (uint16_t)(t[(i + 1) * w + j + 1] + 1);
			else
				t[i * w + j] = t[(i + 1) * w + j] > t[i * w + j + 1] ?
				    t[(i + 1) * w + j] : t[i * w + j + 1];
		}
	for (i = 0; i < head; i++)
		diff_line(req, parent, "same", &a[i]);
	i = j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && line_eq(&a[head + i], &b[head + j])) {
			diff_line(req, parent, "same", &a[head + i]);
			i++;
			j++;
		} else if (j == m || (i < n && t[(i + 1) * w + j] >= t[i * w + j + 1])) {
			diff_line(req, parent, "del", &a[head + i]);
			(*removed)++;
			i++;
		} else {
			diff_line(req, parent, "add", &b[head + j]);
			(*added)++;
			j++;
		}
	}
	for (i = na - tail; i < na; i++)
		diff_line(req, parent, "same", &a[i]);
	free(t);
	return PT_OK;
}

/* A version number of the query (from, to, version), or 0. */
static long long
version_param(struct pt_req *req, const char *name)
{
	const char *v = pt_query(req, name);

	if (v == NULL)
		v = pt_form(req, name);
	if (v == NULL || strlen(v) > 9 || !pt_valid(PT_V_ID, v, strlen(v)))
		return 0;
	return strtoll(v, NULL, 10);
}

/* Columns of SQL_VERSION. */
enum { V_NO, V_TITLE, V_SUMMARY, V_BODY, V_STATUS, V_CREATED, V_FORMAT, V_SOURCE };

/* 1 if the version row (SQL_VERSION) was written in Markdown and kept its source. */
static int
version_is_markdown(const struct pt_rows *v)
{
	return pt_cell(v, 0, V_FORMAT) != NULL && strcmp(pt_cell(v, 0, V_FORMAT), "markdown") == 0 &&
	    pt_cell(v, 0, V_SOURCE) != NULL;
}

/* GET /kb/editor/articles/<id>/diff?lang=&from=&to= */
static int
diff(struct pt_req *req)
{
	long long from = version_param(req, "from"), to = version_param(req, "to");
	struct pt_rows va, vb;
	struct article a;
	struct line *la, *lb;
	const char *lang;
	size_t na, nb;
	long added = 0, removed = 0;
	int md;
	xmlNodePtr d;
	int rc;

	if ((rc = article_page(req, &a, &lang)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (from == 0 || to == 0)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_VERSION], &va, PT_BINDS(pt_int(a.id), pt_str(lang),
	    pt_int(from)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_VERSION], &vb, PT_BINDS(pt_int(a.id), pt_str(lang),
	    pt_int(to)))) != PT_OK)
		return rc;
	if (va.nrows != 1 || vb.nrows != 1)
		return pt_error_page(req, 404, NULL);

	d = versions_head(req, &a, lang, "diff");
	pt_attr_int(d, "from", from);
	pt_attr_int(d, "to", to);
	pt_attr(d, "from-created", pt_cell(&va, 0, 5));
	pt_attr(d, "to-created", pt_cell(&vb, 0, 5));
	pt_node(d, "title", pt_cell(&vb, 0, 1));
	if ((la = pt_alloc(req, DIFF_MAX_LINES * sizeof(*la))) == NULL ||
	    (lb = pt_alloc(req, DIFF_MAX_LINES * sizeof(*lb))) == NULL)
		return PT_ENOMEM;
	/* Two Markdown versions compare their sources, what the editor typed. */
	md = version_is_markdown(&va) && version_is_markdown(&vb);
	if (md)
		pt_attr(d, "format", "markdown");
	na = split_lines(pt_cell(&va, 0, md ? 7 : 3), !md, la, DIFF_MAX_LINES);
	nb = split_lines(pt_cell(&vb, 0, md ? 7 : 3), !md, lb, DIFF_MAX_LINES);
	pt_attr_int(d, "from-lines", (long long)na);
	pt_attr_int(d, "to-lines", (long long)nb);
	if (na > DIFF_MAX_LINES || nb > DIFF_MAX_LINES) {
		pt_attr(d, "too-large", "1");
		pt_attr_int(d, "max-lines", DIFF_MAX_LINES);
		pt_message(req, "info", "kb.editor.diff.too-large", NULL);
	} else {
		if ((rc = diff_lines(req, d, la, na, lb, nb, &added, &removed)) != PT_OK)
			return rc;
		pt_attr_int(d, "added", added);
		pt_attr_int(d, "removed", removed);
		if (strcmp(pt_cell(&va, 0, 1), pt_cell(&vb, 0, 1)) != 0) {
			xmlNodePtr t = pt_node(d, "title-change", NULL);

			pt_node(t, "from", pt_cell(&va, 0, 1));
			pt_node(t, "to", pt_cell(&vb, 0, 1));
		}
	}
	req->view = "diff";
	return 200;
}

/* ---- restore ---------------------------------------------------------------------- */

/* POST /kb/editor/articles/<id>/restore?lang=: version= becomes a new version. */
static int
restore(struct pt_req *req)
{
	long long no = version_param(req, "version"), version;
	const char *lang;
	struct article a;
	struct pt_rows v;
	struct body b = { NULL, NULL, "xhtml", NULL };
	int rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = article_load(req, 1, &a)) != PT_OK ||
	    (rc = article_lang(req, a.id, &lang)) != PT_OK)
		goto fail;
	if ((rc = pt_db_query(req, &sql[SQL_VERSION], &v, PT_BINDS(pt_int(a.id), pt_str(lang),
	    pt_int(no)))) != PT_OK)
		goto fail;
	if (v.nrows != 1) {
		rc = PT_ENOTFOUND;
		goto fail;
	}
	/*
	 * Sanitised when saved; again, for the plain text and today's
	 * allow-list.  A Markdown version is rendered again from its source.
	 */
	if (version_is_markdown(&v)) {
		b.format = "markdown";
		b.source = pt_cell(&v, 0, V_SOURCE);
	}
	if ((rc = body_render(req, b.format, b.source != NULL ? b.source : pt_cell(&v, 0, V_BODY),
	    &b.xhtml, &b.text)) != PT_OK)
		goto fail;
	if ((rc = store_text(req, a.id, lang, pt_cell(&v, 0, V_TITLE), pt_cell(&v, 0, V_SUMMARY),
	    &b, ART(&a, A_STATUS), restored_note(req, no), &version)) != PT_OK ||
	    (rc = pt_audit(req, "kb.article.restore", "kb_article", pt_printf(req, "%lld", a.id),
	    pt_printf(req, "{\"lang\":%s}", pt_json_str(req, lang)),
	    pt_printf(req, "{\"lang\":%s,\"restored\":%lld,\"version\":%lld}",
	    pt_json_str(req, lang), no, version))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	/* Public pages may show what changed: outdate the kept ones. */
	pt_pagecache_changed(req);
	return pt_redirect(req, pt_printf(req, "/kb/editor/articles/%lld/versions?lang=%s&restored=%lld",
	    a.id, lang, version));
fail:
	pt_db_rollback(req);
	if (rc == PT_ENOTFOUND)
		return pt_error_page(req, 404, NULL);
	return rc == PT_EINVAL || rc == PT_ELIMIT ? pt_error_page(req, 422, NULL) : rc;
}

#define EDIT "kb.edit"

static const struct pt_route routes[] = {
	{ PT_GET,  "/kb/editor",				list,		0, EDIT },
	{ PT_GET,  "/kb/editor/new",				new_form,	0, EDIT },
	{ PT_POST, "/kb/editor/new",				new_post,	0, EDIT },
	{ PT_GET,  "/kb/editor/articles/(\\d+)",		edit_form,	0, EDIT },
	{ PT_POST, "/kb/editor/articles/(\\d+)",		edit_post,	0, EDIT },
	{ PT_POST, "/kb/editor/articles/(\\d+)/state",		state_post,	0, EDIT },
	{ PT_GET,  "/kb/editor/articles/(\\d+)/archive",	archive_form,	0, EDIT },
	{ PT_POST, "/kb/editor/preview",			preview_post,	0, EDIT },
	{ PT_GET,  "/kb/editor/titles",				titles,		0, EDIT },
	{ PT_GET,  "/kb/editor/articles/(\\d+)/versions",	versions,	0, EDIT },
	{ PT_GET,  "/kb/editor/articles/(\\d+)/diff",		diff,		0, EDIT },
	{ PT_POST, "/kb/editor/articles/(\\d+)/restore",	restore,	0, EDIT },
};

static const char *const views[] = {
	"editor", "editor-form", "versions", "diff", "editor-archive", "editor-preview",
	"editor-titles"
};

const struct pt_group kb_editor_group = PT_GROUP(routes, sql, views);
