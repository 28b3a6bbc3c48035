/*
 * Reading the knowledge base: the home page (search box, top-level
 * categories with their article counts, popular and recent articles), a
 * category (breadcrumbs, subcategories, its articles with a pager) and an
 * article (text in the page language or a marked fallback, breadcrumbs,
 * tags, related articles, attachments, translations; counts a view).
 *
 * Who may read what is decided in SQL on every statement: an article needs
 * status 'published' and KB_AUDIENCE_SQL, a category CAT_AUDIENCE_SQL (the
 * same rule on its own audience, also for every ancestor).  What the reader
 * may not see answers 404, exactly like what does not exist.
 *
 * Query budget (issue 4 §9: at most 4 per page, the session's included):
 * home 2, category 2, article 3 (article + texts; the view count; tags +
 * related + attachments + which of the body's article links the reader may
 * open, in one UNION ALL), plus the session's one when signed in.  The
 * categories come from the per-process tree (categories.c).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "kb.h"

#define CATEGORY_PER_PAGE 20
#define HOME_LIST_MAX 5		/* popular and recent articles on the home page */
#define SLUG_MAX_BYTES 80	/* kb_categories.slug; the tree walks stop at depth 20 against cycles */

/* The same audience rule as KB_AUDIENCE_SQL, for a category aliased "c". */
#define CAT_AUDIENCE_SQL \
	"(c.audience = 'public' OR (c.audience = 'customer' AND ?)" \
	" OR (c.audience = 'partner' AND ?) OR (c.audience = 'internal' AND ?))"

/*
 * The language of an article's text to show: the page language (bound),
 * else en, else the first there is.  One bind.  Three primary-key look-ups
 * are cheaper per listed row than one ORDER BY ... LIMIT 1, which sorts.
 */
#define TEXT_LANG(alias) \
	"COALESCE((SELECT x.lang FROM kb_article_texts x WHERE x.article_id = " alias ".id" \
	" AND x.lang = ?), (SELECT x.lang FROM kb_article_texts x WHERE x.article_id = " \
	alias ".id AND x.lang = 'en'), (SELECT MIN(x.lang) FROM kb_article_texts x" \
	" WHERE x.article_id = " alias ".id))"

/* A column of a category's text (name, description) with the same fallback.  One bind. */
#define CAT_TEXT(alias, col) \
	"(SELECT ct." col " FROM kb_category_texts ct WHERE ct.category_id = " alias ".id" \
	" ORDER BY ct.lang = ? DESC, ct.lang = 'en' DESC, ct.lang LIMIT 1)"

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

enum browse_sql {
	SQL_HOME_CATEGORIES,
	SQL_HOME_ARTICLES,
	SQL_CATEGORY,
	SQL_CATEGORY_ARTICLES,
	SQL_ARTICLE,
	SQL_ARTICLE_PARTS,
	SQL__MAX
};

/* An article list row: id, slug, lang, title, summary, updated. */
#define ARTICLE_ROW \
	"a.id, a.slug, t.lang, t.title, t.summary, " ISO("GREATEST(a.updated_at, t.updated_at)")
#define ARTICLE_FROM \
	" FROM kb_articles a JOIN kb_article_texts t ON t.article_id = a.id AND t.lang = " \
	TEXT_LANG("a")

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Top-level categories the reader may see, each with the number of
	 * articles the reader may see in it and its visible subcategories.
	 * Binds: aud x3 (anchor), aud x3 (recursion), lang, lang, aud x3
	 * (articles), aud x3 (top level).
	 */
	[SQL_HOME_CATEGORIES] = { "kb_home_categories",
	    "WITH RECURSIVE tree (root_id, id, depth) AS ("
	    " SELECT c.id, c.id, 0 FROM kb_categories c"
	    " WHERE c.parent_id IS NULL AND " CAT_AUDIENCE_SQL
	    " UNION ALL SELECT tree.root_id, c.id, tree.depth + 1 FROM tree"
	    " JOIN kb_categories c ON c.parent_id = tree.id"
	    " WHERE tree.depth < 20 AND " CAT_AUDIENCE_SQL ")"
	    " SELECT c.id, c.slug, " CAT_TEXT("c", "name") ", " CAT_TEXT("c", "description") ","
	    " (SELECT COUNT(*) FROM tree JOIN kb_articles a ON a.category_id = tree.id"
	    "  WHERE tree.root_id = c.id AND a.status = 'published' AND " KB_AUDIENCE_SQL ")"
	    " FROM kb_categories c WHERE c.parent_id IS NULL AND " CAT_AUDIENCE_SQL
	    " ORDER BY c.position, c.id" },
	/*
	 * The most viewed and the most recently updated visible articles.
	 * Binds: lang, aud x3, limit, lang, aud x3, limit.
	 */
	[SQL_HOME_ARTICLES] = { "kb_home_articles",
	    "(SELECT 'popular', " ARTICLE_ROW ARTICLE_FROM
	    " WHERE a.status = 'published' AND " KB_AUDIENCE_SQL
	    " ORDER BY a.view_count DESC, a.id DESC LIMIT ?)"
	    " UNION ALL"
	    " (SELECT 'recent', " ARTICLE_ROW ARTICLE_FROM
	    " WHERE a.status = 'published' AND " KB_AUDIENCE_SQL
	    " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?)" },
	/*
	 * A category by slug: its ancestors and itself ('crumb', sort -depth,
	 * with the number of visible articles directly in it), then its
	 * visible subcategories ('sub', sort position, with the number of
	 * visible articles in their subtrees).  Columns: kind, sort, id,
	 * slug, audience, name, description, count, visible.
	 * Binds: slug; aud x3 (down anchor), aud x3 (down recursion);
	 * lang, lang, aud x3 (count), aud x3 (visible); lang, lang, aud x3
	 * (count), aud x3 (sub visible).
	 */
	[SQL_CATEGORY] = { "kb_category",
	    "WITH RECURSIVE up (id, parent_id, depth) AS ("
	    " SELECT id, parent_id, 0 FROM kb_categories WHERE slug = ?"
	    " UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM kb_categories c"
	    " JOIN up ON c.id = up.parent_id WHERE up.depth < 20),"
	    " down (root_id, id, depth) AS ("
	    " SELECT c.id, c.id, 0 FROM kb_categories c JOIN up ON c.parent_id = up.id"
	    " WHERE up.depth = 0 AND " CAT_AUDIENCE_SQL
	    " UNION ALL SELECT down.root_id, c.id, down.depth + 1 FROM down"
	    " JOIN kb_categories c ON c.parent_id = down.id"
	    " WHERE down.depth < 20 AND " CAT_AUDIENCE_SQL ")"
	    " SELECT 'crumb', -up.depth, c.id, c.slug, c.audience,"
	    " " CAT_TEXT("c", "name") ", " CAT_TEXT("c", "description") ","
	    " IF(up.depth = 0, (SELECT COUNT(*) FROM kb_articles a WHERE a.category_id = c.id"
	    "  AND a.status = 'published' AND " KB_AUDIENCE_SQL "), 0),"
	    " " CAT_AUDIENCE_SQL
	    " FROM up JOIN kb_categories c ON c.id = up.id"
	    " UNION ALL"
	    " SELECT 'sub', c.position, c.id, c.slug, c.audience,"
	    " " CAT_TEXT("c", "name") ", " CAT_TEXT("c", "description") ","
	    " (SELECT COUNT(*) FROM down JOIN kb_articles a ON a.category_id = down.id"
	    "  WHERE down.root_id = c.id AND a.status = 'published' AND " KB_AUDIENCE_SQL "),"
	    " 1 FROM kb_categories c JOIN up ON c.parent_id = up.id"
	    " WHERE up.depth = 0 AND " CAT_AUDIENCE_SQL
	    " ORDER BY 1, 2, 3" },
	/* One page of a category's visible articles.  Binds: lang, id, aud x3, limit, offset. */
	[SQL_CATEGORY_ARTICLES] = { "kb_category_articles",
	    "SELECT " ARTICLE_ROW ARTICLE_FROM
	    " WHERE a.category_id = ? AND a.status = 'published' AND " KB_AUDIENCE_SQL
	    " ORDER BY t.title, a.id LIMIT ? OFFSET ?" },
	/*
	 * The article with every text it has (one row per language; the
	 * page's language is chosen in C, see kb_pick_text()).  The category
	 * comes from the per-process tree (categories.c).
	 * Binds: id, aud x3.
	 */
	[SQL_ARTICLE] = { "kb_article",
	    "SELECT a.id, a.slug, a.audience, a.status, t.lang,"
	    " " ISO("GREATEST(a.updated_at, t.updated_at)") ","
	    " a.view_count, a.helpful_yes, a.helpful_no, t.title, t.summary, t.body, a.category_id"
	    " FROM kb_articles a JOIN kb_article_texts t ON t.article_id = a.id"
	    " WHERE a.id = ? AND a.status = 'published' AND " KB_AUDIENCE_SQL
	    " ORDER BY t.lang" },
	/*
	 * Everything else around an article in one round trip, plain joins
	 * only.  Columns: kind, sort, id, text1, text2, text3.
	 *   file    0, attachment id, filename, content type, size in bytes
	 *   related position, article id, slug, lang, title (a row per text)
	 *   tag     0, tag id, name
	 *   link    0, id of an article the body links to that the reader may open
	 * Binds: article id (files); article id, aud x3 (related); article id
	 * (tags); the body's article links as JSON, aud x3 (links).
	 */
	[SQL_ARTICLE_PARTS] = { "kb_article_parts",
	    "SELECT 'file', 0, f.id, f.filename, f.content_type, f.size_bytes"
	    " FROM kb_attachments f WHERE f.article_id = ?"
	    " UNION ALL SELECT 'related', r.position, a.id, a.slug, t.lang, t.title"
	    " FROM kb_related r JOIN kb_articles a ON a.id = r.related_id"
	    " JOIN kb_article_texts t ON t.article_id = a.id"
	    " WHERE r.article_id = ? AND a.status = 'published' AND " KB_AUDIENCE_SQL
	    " UNION ALL SELECT 'tag', 0, g.id, g.name, NULL, NULL"
	    " FROM kb_article_tags at JOIN kb_tags g ON g.id = at.tag_id WHERE at.article_id = ?"
	    " UNION ALL SELECT 'link', 0, a.id, NULL, NULL, NULL" KB_LINKS_FROM
	    " ORDER BY 1, 2, 4, 3, 5" },
};

#define AUD3(aud) KB_AUDIENCE_BINDS(aud)

/* ---- shared pieces -------------------------------------------------------- */

/* The id of the route's capture, or 0 when it is no id at all. */
static long long
capture_id(const struct pt_req *req)
{
	const char *s = req->caps[1];

	if (s == NULL || !pt_valid(PT_V_ID, s, strlen(s)))
		return 0;
	return strtoll(s, NULL, 10);
}

/* <crumb href="/kb/">Knowledge base</crumb>: the first crumb of every page. */
static void
crumb_home(struct pt_req *req, xmlNodePtr crumbs)
{
	const char *name = pt_i18n_get(req->lang, "kb.home");

	pt_attr(pt_node(crumbs, "crumb", name != NULL ? name : "Knowledge base"), "href", "/kb/");
}

static void
crumb_category(struct pt_req *req, xmlNodePtr crumbs, const char *slug, const char *name)
{
	pt_attr(pt_node(crumbs, "crumb", name), "href", pt_printf(req, "/kb/categories/%s", slug));
}

/*
 * One article of a list from a row laid out as ARTICLE_ROW starting at
 * column c: <article id slug lang fallback updated><title/><summary/></article>.
 */
static xmlNodePtr
list_article(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows, size_t r,
    size_t c)
{
	xmlNodePtr a = pt_node(parent, "article", NULL);
	const char *lang = pt_cell(rows, r, c + 2);

	pt_attr(a, "id", pt_cell(rows, r, c));
	pt_attr(a, "slug", pt_cell(rows, r, c + 1));
	pt_attr(a, "lang", lang);
	pt_attr(a, "fallback", strcmp(lang, req->lang) != 0 ? "1" : "0");
	pt_attr(a, "updated", pt_cell(rows, r, c + 5));
	pt_attr(a, "href", pt_printf(req, "/kb/articles/%s", pt_cell(rows, r, c)));
	pt_node(a, "title", pt_cell(rows, r, c + 3));
	pt_node(a, "summary", pt_cell(rows, r, c + 4));
	return a;
}

/*
 * Parse an article body (sanitised XHTML, stored by the editor through
 * pt_sanitize) and append it under parent.  A body that does not parse
 * shows empty instead of failing the page; the editor's sanitiser makes
 * that impossible for bodies it wrote.
 */
static void
append_body(struct pt_req *req, xmlNodePtr parent, const char *xhtml)
{
	if (xhtml == NULL || *xhtml == '\0')
		return;
	if (pt_xhtml_append(req, parent, xhtml) != PT_OK)
		pt_log(req, PT_LOG_WARN, "an article body does not parse; shown empty");
}

/* ---- the home page ---------------------------------------------------------- */

static int
home(struct pt_req *req)
{
	struct kb_audience aud;
	struct pt_rows cats, arts;
	xmlNodePtr kb, list, popular, recent;
	size_t r;
	int rc;

	pt_pagecache_everyone(req);
	if (pt_pagecache_serve(req))
		return 200;
	kb_audience_of(req, &aud);
	if ((rc = pt_db_query(req, &sql[SQL_HOME_CATEGORIES], &cats, PT_BINDS(AUD3(&aud),
	    AUD3(&aud), pt_str(req->lang), pt_str(req->lang), AUD3(&aud), AUD3(&aud)))) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_HOME_ARTICLES], &arts, PT_BINDS(pt_str(req->lang),
	    AUD3(&aud), pt_int(HOME_LIST_MAX), pt_str(req->lang), AUD3(&aud),
	    pt_int(HOME_LIST_MAX)))) != PT_OK)
		return rc;

	kb = pt_node(req->page, "kb-home", NULL);
	list = pt_node(kb, "categories", NULL);
	for (r = 0; r < cats.nrows; r++) {
		xmlNodePtr c = pt_node(list, "category", NULL);

		pt_attr(c, "id", pt_cell(&cats, r, 0));
		pt_attr(c, "slug", pt_cell(&cats, r, 1));
		pt_attr(c, "href", pt_printf(req, "/kb/categories/%s", pt_cell(&cats, r, 1)));
		pt_attr(c, "articles", pt_cell(&cats, r, 4));
		pt_node(c, "name", pt_cell(&cats, r, 2));
		pt_node(c, "description", pt_cell(&cats, r, 3));
	}
	popular = pt_node(kb, "popular", NULL);
	recent = pt_node(kb, "recent", NULL);
	for (r = 0; r < arts.nrows; r++)
		list_article(req, strcmp(pt_cell(&arts, r, 0), "popular") == 0 ? popular : recent,
		    &arts, r, 1);
	pt_pagecache_keep(req, 0);
	req->view = "home";
	return 200;
}

/* ---- a category --------------------------------------------------------------- */

static int
category(struct pt_req *req)
{
	const char *slug = req->caps[1];
	struct kb_audience aud;
	struct pt_rows rows, arts;
	xmlNodePtr kb, crumbs, subs, list;
	long long page = pt_query_page(req), total = 0, id = 0;
	size_t r, self = 0;
	int rc, found = 0;

	if (slug == NULL || strlen(slug) > SLUG_MAX_BYTES)
		return 404;
	pt_pagecache_everyone(req);
	if (pt_pagecache_serve(req))
		return 200;
	kb_audience_of(req, &aud);
	if ((rc = pt_db_query(req, &sql[SQL_CATEGORY], &rows, PT_BINDS(pt_str(slug),
	    AUD3(&aud), AUD3(&aud),
	    pt_str(req->lang), pt_str(req->lang), AUD3(&aud), AUD3(&aud),
	    pt_str(req->lang), pt_str(req->lang), AUD3(&aud), AUD3(&aud)))) != PT_OK)
		return rc;
	/* The category and every ancestor must be visible; otherwise it does not exist. */
	for (r = 0; r < rows.nrows; r++) {
		if (strcmp(pt_cell(&rows, r, 0), "crumb") != 0)
			continue;
		if (pt_cell_int(&rows, r, 8) == 0)
			return 404;
		if (pt_cell_int(&rows, r, 1) == 0) {
			found = 1;
			self = r;
			id = pt_cell_int(&rows, r, 2);
			total = pt_cell_int(&rows, r, 7);
		}
	}
	if (!found)
		return 404;
	if ((rc = pt_db_query(req, &sql[SQL_CATEGORY_ARTICLES], &arts, PT_BINDS(pt_str(req->lang),
	    pt_int(id), AUD3(&aud), pt_int(CATEGORY_PER_PAGE),
	    pt_int((page - 1) * CATEGORY_PER_PAGE)))) != PT_OK)
		return rc;

	kb = pt_node(req->page, "kb-category", NULL);
	pt_attr(kb, "id", pt_cell(&rows, self, 2));
	pt_attr(kb, "slug", pt_cell(&rows, self, 3));
	pt_attr(kb, "audience", pt_cell(&rows, self, 4));
	pt_node(kb, "name", pt_cell(&rows, self, 5));
	pt_node(kb, "description", pt_cell(&rows, self, 6));
	crumbs = pt_node(kb, "breadcrumbs", NULL);
	crumb_home(req, crumbs);
	subs = pt_node(kb, "subcategories", NULL);
	for (r = 0; r < rows.nrows; r++) {
		xmlNodePtr s;

		if (strcmp(pt_cell(&rows, r, 0), "crumb") == 0) {
			if (r != self)
				crumb_category(req, crumbs, pt_cell(&rows, r, 3), pt_cell(&rows, r, 5));
			continue;
		}
		s = pt_node(subs, "category", NULL);
		pt_attr(s, "id", pt_cell(&rows, r, 2));
		pt_attr(s, "slug", pt_cell(&rows, r, 3));
		pt_attr(s, "href", pt_printf(req, "/kb/categories/%s", pt_cell(&rows, r, 3)));
		pt_attr(s, "articles", pt_cell(&rows, r, 7));
		pt_node(s, "name", pt_cell(&rows, r, 5));
		pt_node(s, "description", pt_cell(&rows, r, 6));
	}
	list = pt_node(kb, "articles", NULL);
	for (r = 0; r < arts.nrows; r++)
		list_article(req, list, &arts, r, 0);
	pt_pager(kb, page, total, CATEGORY_PER_PAGE);
	pt_pagecache_keep(req, 0);
	req->view = "category";
	return 200;
}

/* ---- an article ------------------------------------------------------------------ */

/* Column numbers of SQL_ARTICLE. */
enum { A_ID, A_SLUG, A_AUDIENCE, A_STATUS, A_LANG, A_UPDATED, A_VIEWS, A_YES, A_NO, A_TITLE,
	A_SUMMARY, A_BODY, A_CAT_ID };

/* /kb/search?<name>=<value, percent-encoded>: a search filtered by a tag. */
static const char *
search_href(struct pt_req *req, const char *name, const char *value)
{
	xmlChar *enc = xmlURIEscapeStr(BAD_CAST (value != NULL ? value : ""), BAD_CAST "-._~");
	const char *href;

	if (enc == NULL)
		return NULL;
	href = pt_printf(req, "/kb/search?%s=%s", name, (const char *)enc);
	xmlFree(enc);
	return href;
}

/* The attachment's download address: /kb/files/<id>/<filename, percent-encoded>. */
static const char *
file_href(struct pt_req *req, const char *id, const char *filename)
{
	xmlChar *enc = xmlURIEscapeStr(BAD_CAST (filename != NULL ? filename : ""),
	    BAD_CAST "-._~");
	const char *href;

	if (enc == NULL)
		return NULL;
	href = pt_printf(req, "/kb/files/%s/%s", id, (const char *)enc);
	xmlFree(enc);
	return href;
}

/*
 * <breadcrumbs>: the knowledge base, then the trail to category cat_id the
 * reader may open; and <category>, the article's own, only when the reader
 * may open it and all above it.  A category the reader may not open keeps
 * its name to itself: a public article in an internal category shows just
 * "Knowledge base".
 */
static int
article_trail(struct pt_req *req, xmlNodePtr art, long long cat_id, const struct kb_audience *aud)
{
	const struct kb_category *trail[20];
	xmlNodePtr crumbs, c;
	size_t i, n;
	int rc;

	if ((rc = kb_category_trail(req, cat_id, aud, trail, &n)) != PT_OK)
		return rc;
	if (n > 0 && trail[n - 1]->id == cat_id) {
		c = pt_node(art, "category", kb_category_name(trail[n - 1], req->lang));
		pt_attr_int(c, "id", trail[n - 1]->id);
		pt_attr(c, "slug", trail[n - 1]->slug);
	}
	crumbs = pt_node(art, "breadcrumbs", NULL);
	crumb_home(req, crumbs);
	for (i = 0; i < n; i++)
		crumb_category(req, crumbs, trail[i]->slug, kb_category_name(trail[i], req->lang));
	return PT_OK;
}

/*
 * <tags>, <related>, <attachments> from the rows of SQL_ARTICLE_PARTS, and
 * the body's links settled: those to articles the reader may open stay.
 */
static void
article_parts(struct pt_req *req, xmlNodePtr art, const struct pt_rows *parts,
    struct kb_links *links)
{
	xmlNodePtr tags = pt_node(art, "tags", NULL), related = pt_node(art, "related", NULL);
	xmlNodePtr files = pt_node(art, "attachments", NULL), n;
	size_t r, end;

	for (r = 0; r < parts->nrows; r = end) {
		const char *kind = pt_cell(parts, r, 0), *pid = pt_cell(parts, r, 2);

		end = r + 1;
		if (strcmp(kind, "tag") == 0) {
			n = pt_node(tags, "tag", pt_cell(parts, r, 3));
			pt_attr(n, "href", search_href(req, "tag", pt_cell(parts, r, 3)));
		} else if (strcmp(kind, "related") == 0) {
			/* One row per text of the related article: show one. */
			while (end < parts->nrows && strcmp(pt_cell(parts, end, 0), kind) == 0 &&
			    strcmp(pt_cell(parts, end, 2), pid) == 0)
				end++;
			n = pt_node(related, "ref",
			    pt_cell(parts, kb_pick_text(parts, r, end, 4, req->lang), 5));
			pt_attr(n, "id", pid);
			pt_attr(n, "slug", pt_cell(parts, r, 3));
			pt_attr(n, "href", pt_printf(req, "/kb/articles/%s", pid));
		} else if (strcmp(kind, "file") == 0) {
			n = pt_node(files, "file", pt_cell(parts, r, 3));
			pt_attr(n, "id", pid);
			pt_attr(n, "href", file_href(req, pid, pt_cell(parts, r, 3)));
			pt_attr(n, "type", pt_cell(parts, r, 4));
			pt_attr(n, "size", pt_cell(parts, r, 5));
		} else if (strcmp(kind, "link") == 0)
			kb_links_allow(links, pt_cell_int(parts, r, 2));
	}
	kb_links_settle(links);
}

static int
article(struct pt_req *req)
{
	long long id = capture_id(req);
	struct kb_audience aud;
	struct kb_links links = { 0 };
	struct pt_rows a, parts;
	xmlNodePtr art, body, tr;
	const char *json;
	size_t r, t;
	int rc;

	if (id == 0)
		return 404;
	/* A kept page is of a published article this reader may see: count the view and send it. */
	pt_pagecache_everyone(req);
	if (pt_pagecache_serve(req)) {
		if (kb_view_count(req, id) != PT_OK)
			pt_log(req, PT_LOG_WARN, "a view of article %lld was not counted", id);
		return 200;
	}
	kb_audience_of(req, &aud);
	if ((rc = pt_db_query(req, &sql[SQL_ARTICLE], &a, PT_BINDS(pt_int(id), AUD3(&aud)))) != PT_OK)
		return rc;
	if (a.nrows == 0)
		return 404;

	t = kb_pick_text(&a, 0, a.nrows, A_LANG, req->lang);
	art = pt_node(req->page, "article", NULL);
	pt_attr(art, "id", pt_cell(&a, t, A_ID));
	pt_attr(art, "slug", pt_cell(&a, t, A_SLUG));
	pt_attr(art, "audience", pt_cell(&a, t, A_AUDIENCE));
	pt_attr(art, "status", pt_cell(&a, t, A_STATUS));
	pt_attr(art, "lang", pt_cell(&a, t, A_LANG));
	pt_attr(art, "fallback", strcmp(pt_cell(&a, t, A_LANG), req->lang) != 0 ? "1" : "0");
	pt_attr(art, "updated", pt_cell(&a, t, A_UPDATED));
	pt_node(art, "title", pt_cell(&a, t, A_TITLE));
	pt_node(art, "summary", pt_cell(&a, t, A_SUMMARY));
	append_body(req, body = pt_node(art, "body", NULL), pt_cell(&a, t, A_BODY));
	/* The body's article links are checked with the other parts: no statement of their own. */
	if ((rc = kb_links_collect(req, body, &links)) != PT_OK)
		return rc;
	if ((json = kb_links_json(req, &links)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_ARTICLE_PARTS], &parts,
	    PT_BINDS(pt_int(id), pt_int(id), AUD3(&aud), pt_int(id), pt_str(json),
	    AUD3(&aud)))) != PT_OK)
		return rc;
	/* A view that cannot be counted now still shows the article. */
	if (kb_view_count(req, id) != PT_OK)
		pt_log(req, PT_LOG_WARN, "a view of article %lld was not counted", id);
	/* Written ones, and those this process counted (this one too) but has not written. */
	pt_attr_int(art, "views", pt_cell_int(&a, t, A_VIEWS) + kb_views_waiting(id));
	pt_attr(art, "helpful-yes", pt_cell(&a, t, A_YES));
	pt_attr(art, "helpful-no", pt_cell(&a, t, A_NO));
	if ((rc = article_trail(req, art, pt_cell_int(&a, t, A_CAT_ID), &aud)) != PT_OK)
		return rc;
	article_parts(req, art, &parts, &links);
	tr = pt_node(art, "translations", NULL);
	for (r = 0; r < a.nrows; r++)
		pt_attr(pt_node(tr, "translation", NULL), "lang", pt_cell(&a, r, A_LANG));
	if (pt_query(req, "feedback") != NULL && strcmp(pt_query(req, "feedback"), "thanks") == 0)
		pt_message(req, "success", "kb.feedback.thanks", NULL);
	pt_limit(req, "comment", KB_COMMENT_MAX_CHARS);
	pt_pagecache_keep(req, 0);
	req->view = "article";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/kb/", home, 0, NULL },
	{ PT_GET, "/kb/categories/([a-z0-9-]+)", category, 0, NULL },
	{ PT_GET, "/kb/articles/(\\d+)", article, 0, NULL },
};

static const char *const views[] = { "home", "category", "article" };

const struct pt_group kb_browse_group = PT_GROUP(routes, sql, views);
