/*
 * The kb worker: the knowledge base.  Each file is one page group
 * (routes, statements, views), listed in main.c.
 */
#ifndef KB_H
#define KB_H

#include "portico.h"

extern const struct pt_group kb_browse_group;	/* browse.c: home, category tree, article view */
extern const struct pt_group kb_faq_group;	/* faq.c: FAQ by topic */
extern const struct pt_group kb_search_group;	/* search.c: search, suggestions, click log */
extern const struct pt_group kb_feedback_group;	/* feedback.c: helpful yes/no, ratings for editors */
extern const struct pt_group kb_editor_group;	/* editor.c: authoring, workflow, versions */
extern const struct pt_group kb_files_group;	/* files.c: attachments upload and download */
extern const struct pt_group kb_categories_group; /* categories.c: the tree, kept per process */
extern const struct pt_group kb_views_group;	/* views.c: view counts, written in batches */

/* What the reader may see (audience.c). */
struct kb_audience {
	int	 customer;
	int	 partner;
	int	 internal;
};
void	 kb_audience_of(const struct pt_req *, struct kb_audience *);
/* 1 if an article of this audience ("public", "customer", ...) may be shown. */
int	 kb_audience_allows(const struct kb_audience *, const char *audience);

/* The visibility test for an article aliased "a", and its three binds. */
#define KB_AUDIENCE_SQL \
	"(a.audience = 'public' OR (a.audience = 'customer' AND ?)" \
	" OR (a.audience = 'partner' AND ?) OR (a.audience = 'internal' AND ?))"
#define KB_AUDIENCE_BINDS(aud) \
	pt_int((aud)->customer), pt_int((aud)->partner), pt_int((aud)->internal)

/*
 * Links to articles in a text on the page (audience.c): the <a> elements
 * under a node whose href is an article page of this site, and which of
 * them the reader can follow.  Everything is in the request's arena.
 */
struct kb_links {
	xmlNodePtr	*a;
	long long	*id;		/* the article; 0: the address names none */
	unsigned char	*ok;		/* 1: the reader may open it */
	size_t		 n;
	size_t		 cap;
};
/* Add the article links under node (its descendants) to l, which starts zeroed. */
int	 kb_links_collect(struct pt_req *, xmlNodePtr node, struct kb_links *l);
/* Their article ids as a JSON array, each once ("[]" when none); NULL on OOM. */
const char *kb_links_json(struct pt_req *, const struct kb_links *);
/* The reader may open article id: its links stay links. */
void	 kb_links_allow(struct kb_links *, long long id);
/* Every link not allowed becomes a <span> with the same text (and title). */
void	 kb_links_settle(struct kb_links *);
/*
 * The articles of a kb_links_json() list the reader may open, column a.id.
 * Binds: the JSON list, aud x3.
 */
#define KB_LINKS_FROM \
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT PATH '$')) j" \
	" JOIN kb_articles a ON a.id = j.id WHERE a.status = 'published' AND " KB_AUDIENCE_SQL

/*
 * Of rows first..end-1 (one text each, its language in column col), the
 * one to show in lang: that language, else English, else the first (texts.c).
 */
size_t	 kb_pick_text(const struct pt_rows *, size_t first, size_t end, size_t col,
	    const char *lang);
/* The end of the run of rows from first with the same value in column col. */
size_t	 kb_same_run(const struct pt_rows *, size_t first, size_t col);

/* A category of the per-process copy of the tree (categories.c). */
struct kb_category {
	long long	 id;
	long long	 parent;	/* 0: a top-level category */
	const char	*slug;
	char		 audience[9];	/* public, customer, partner, internal */
};
/* *out = category id or NULL when there is none; valid until the next kb_category* call. */
int	 kb_category(struct pt_req *, long long id, const struct kb_category **out);
/* Its name in lang, else in English, else in its first language, else its slug. */
const char *kb_category_name(const struct kb_category *, const char *lang);
/*
 * The trail to category id, root first, into trail (room for 20): it ends
 * before the first category the reader may not open.  *n may be 0.
 */
int	 kb_category_trail(struct pt_req *, long long id, const struct kb_audience *,
	    const struct kb_category **trail, size_t *n);
void	 kb_categories_free(void);

/*
 * A reader's comment on an article, in characters: the article page's
 * form (browse.c), the form repeated after a mistake and the check
 * (feedback.c).  The column holds VARCHAR(2000) characters.
 */
#define KB_COMMENT_MAX_CHARS 2000

/* What a ranked search found for one page (search-cache.c). */
#define KB_SEARCH_HIT_MAX 10
struct kb_search_hit {
	long long	 total;
	size_t		 n;
	long long	 id[KB_SEARCH_HIT_MAX];
	char		 lang[KB_SEARCH_HIT_MAX][3];
	int		 about;		/* total is an estimate */
	int		 indexed;	/* ranked by the search index */
};
/* The remembered page of a search (key: everything the ranking depends on), or NULL. */
const struct kb_search_hit *kb_search_cache_get(const char *key);
/* The knowledge base's stamp when that page was ranked, or NULL. */
const char *kb_search_cache_stamp(const char *key);
void	 kb_search_cache_put(const char *key, const char *stamp, const struct kb_search_hit *);
void	 kb_search_cache_drop(const char *key);
void	 kb_search_cache_free(void);

/*
 * The search log (search-log.c).  kb_search_log gives the search its id at
 * once; the row is written now when no other request waits, else within
 * about a second.  kb_search_click records the first click on one's own
 * search (*done: 0 if the row is not there or was clicked before);
 * kb_search_click_later tries again for a few seconds, for a row another
 * process has not written yet.
 */
int	 kb_search_log(struct pt_req *, const char *source, const char *q, long long count,
	    long long *id);
int	 kb_search_log_flush(struct pt_req *);
int	 kb_search_click(struct pt_req *, long long search_id, long long article_id,
	    long long user_id, unsigned long long *done);
int	 kb_search_click_later(long long search_id, long long article_id, long long user_id);
int	 kb_search_log_housekeeping(struct pt_req *, enum pt_housekeeping);
extern const struct pt_group kb_search_log_group;

/*
 * The search index (search-index.c, search-xapian.cc).  kb_index_ready:
 * PT_OK when the index has caught up with change seq of database
 * generation gen (catching up if it is a few changes behind), else
 * PT_ENOTFOUND: rank with SQL, the index is built or caught up in
 * housekeeping.
 */
struct kb_xi_query;
struct kb_xi_result;
int	 kb_index_ready(struct pt_req *, const char *gen, unsigned long long seq);
int	 kb_index_search(const struct kb_xi_query *, struct kb_xi_result *);
int	 kb_index_housekeeping(struct pt_req *, enum pt_housekeeping);
extern const struct pt_group kb_search_index_group;
/* Lower-case ASCII and Latin-1 capitals in place (search.c); byte lengths stay. */
void	 kb_lower_utf8(char *s, size_t len);

/* Count a view of article id (views.c); written within [kb] views_write_s and a little. */
int	 kb_view_count(struct pt_req *, long long id);
/* The views of article id this process counted and has not written yet. */
unsigned kb_views_waiting(long long id);
/* Write the counted views when due (always when idle or stopping); 1 if some wait. */
int	 kb_views_housekeeping(struct pt_req *, enum pt_housekeeping);

#endif
