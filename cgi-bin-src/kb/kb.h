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

#endif
