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

#endif
