/*
 * The FAQ: short questions and answers grouped by topic, in topic order,
 * each entry in the page language or a marked fallback (en, else any),
 * optionally linking to the full article when the reader may open it.
 *
 * Two plain statements (three queries per page with the session's): the
 * topics' names, and the entries with all their texts (the language is
 * chosen in C, texts.c).  An entry shows when it is published and its own
 * audience allows the reader (the KB_AUDIENCE_SQL rule on
 * kb_faq.audience); its article link only when the article is published
 * and visible too.  Topics without a visible entry are left out.  Links to
 * articles inside the answers are checked in a third statement, for all
 * answers at once and only when there are some: those the reader cannot
 * follow show as plain text (audience.c).
 */
#include <stdlib.h>
#include <string.h>


#include "kb.h"

/* The audience rule of KB_AUDIENCE_SQL for an FAQ entry aliased "f". */
#define FAQ_AUDIENCE_SQL \
	"(f.audience = 'public' OR (f.audience = 'customer' AND ?)" \
	" OR (f.audience = 'partner' AND ?) OR (f.audience = 'internal' AND ?))"

enum faq_sql {
	SQL_FAQ_TOPICS,
	SQL_FAQ,
	SQL_FAQ_LINKS,
	SQL__MAX
};

enum { T_ID, T_LANG, T_NAME };
enum { F_TOPIC_ID, F_TOPIC_SLUG, F_ID, F_LANG, F_QUESTION, F_ANSWER, F_ARTICLE };

static const struct pt_sql sql[SQL__MAX] = {
	/* Every topic name, few as they are. */
	[SQL_FAQ_TOPICS] = { "kb_faq_topics",
	    "SELECT topic_id, lang, name FROM kb_faq_topic_texts ORDER BY topic_id, lang" },
	/* A row per text of each visible entry.  Binds: aud x3 (entry), aud x3 (article). */
	[SQL_FAQ] = { "kb_faq",
	    "SELECT tp.id, tp.slug, f.id, t.lang, t.question, t.answer, a.id"
	    " FROM kb_faq_topics tp"
	    " JOIN kb_faq f ON f.topic_id = tp.id AND f.status = 'published'"
	    "  AND " FAQ_AUDIENCE_SQL
	    " JOIN kb_faq_texts t ON t.faq_id = f.id"
	    " LEFT JOIN kb_articles a ON a.id = f.article_id AND a.status = 'published'"
	    "  AND " KB_AUDIENCE_SQL
	    " ORDER BY tp.position, tp.id, f.position, f.id, t.lang" },
	/* Which articles the answers link to the reader may open.  Binds: JSON list, aud x3. */
	[SQL_FAQ_LINKS] = { "kb_faq_links", "SELECT a.id" KB_LINKS_FROM },
};

/* The topic's name in the page language (else English, else any), or its slug. */
static const char *
topic_name(struct pt_req *req, const struct pt_rows *names, const char *id, const char *slug)
{
	size_t r, end;

	for (r = 0; r < names->nrows; r = end) {
		end = kb_same_run(names, r, T_ID);
		if (strcmp(pt_cell(names, r, T_ID), id) == 0)
			return pt_cell(names, kb_pick_text(names, r, end, T_LANG, req->lang), T_NAME);
	}
	return slug;
}

/* The answers' links to articles the reader may not open become text; no statement when there are none. */
static int
settle_links(struct pt_req *req, struct kb_links *links, const struct kb_audience *aud)
{
	struct pt_rows ok;
	const char *json;
	size_t r;
	int rc;

	if (links->n == 0)
		return PT_OK;
	if ((json = kb_links_json(req, links)) == NULL)
		return PT_ENOMEM;
	if (strcmp(json, "[]") != 0) {
		if ((rc = pt_db_query(req, &sql[SQL_FAQ_LINKS], &ok, PT_BINDS(pt_str(json),
		    KB_AUDIENCE_BINDS(aud)))) != PT_OK)
			return rc;
		for (r = 0; r < ok.nrows; r++)
			kb_links_allow(links, pt_cell_int(&ok, r, 0));
	}
	kb_links_settle(links);
	return PT_OK;
}

static int
faq(struct pt_req *req)
{
	struct kb_audience aud;
	struct kb_links links = { 0 };
	struct pt_rows names, rows;
	xmlNodePtr list, topic = NULL;
	const char *topic_id = NULL;
	size_t r, end, t;
	int rc;

	pt_pagecache_everyone(req);
	if (pt_pagecache_serve(req))
		return 200;
	kb_audience_of(req, &aud);
	if ((rc = pt_db_query(req, &sql[SQL_FAQ_TOPICS], &names, PT_NOBINDS)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_FAQ], &rows, PT_BINDS(KB_AUDIENCE_BINDS(&aud),
	    KB_AUDIENCE_BINDS(&aud)))) != PT_OK)
		return rc;

	list = pt_node(req->page, "faq", NULL);
	for (r = 0; r < rows.nrows; r = end) {
		const char *lang, *art = pt_cell(&rows, r, F_ARTICLE);
		xmlNodePtr e, answer;

		end = kb_same_run(&rows, r, F_ID);
		t = kb_pick_text(&rows, r, end, F_LANG, req->lang);
		lang = pt_cell(&rows, t, F_LANG);
		if (topic_id == NULL || strcmp(topic_id, pt_cell(&rows, r, F_TOPIC_ID)) != 0) {
			topic_id = pt_cell(&rows, r, F_TOPIC_ID);
			topic = pt_node(list, "topic", NULL);
			pt_attr(topic, "id", topic_id);
			pt_attr(topic, "slug", pt_cell(&rows, r, F_TOPIC_SLUG));
			pt_node(topic, "name", topic_name(req, &names, topic_id,
			    pt_cell(&rows, r, F_TOPIC_SLUG)));
		}
		e = pt_node(topic, "entry", NULL);
		pt_attr(e, "id", pt_cell(&rows, t, F_ID));
		pt_attr(e, "lang", lang);
		pt_attr(e, "fallback", strcmp(lang, req->lang) != 0 ? "1" : "0");
		if (art != NULL) {
			pt_attr(e, "article-id", art);
			pt_attr(e, "article-href", pt_printf(req, "/kb/articles/%s", art));
		}
		pt_node(e, "question", pt_cell(&rows, t, F_QUESTION));
		answer = pt_node(e, "answer", NULL);
		if (pt_xhtml_append(req, answer, pt_cell(&rows, t, F_ANSWER)) != PT_OK)
			pt_log(req, PT_LOG_WARN, "an FAQ answer does not parse; shown empty");
		if ((rc = kb_links_collect(req, answer, &links)) != PT_OK)
			return rc;
	}
	if ((rc = settle_links(req, &links, &aud)) != PT_OK)
		return rc;
	pt_pagecache_keep(req, 0);
	req->view = "faq";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/kb/faq", faq, 0, NULL },
};

static const char *const views[] = { "faq" };

const struct pt_group kb_faq_group = PT_GROUP(routes, sql, views);
