/*
 * portico-kb: the knowledge base — articles, FAQ, search, suggestions,
 * feedback and authoring.
 */
#include "kb.h"

static const char *const common_views[] = { "not-found", "forbidden", "unavailable", "error" };
static const struct pt_group common_group = {
	NULL, 0, NULL, 0, common_views, PT_NELEM(common_views)
};

static const struct pt_group *const groups[] = {
	&kb_browse_group,
	&kb_faq_group,
	&kb_search_group,
	&kb_feedback_group,
	&kb_editor_group,
	&kb_files_group,
	&kb_categories_group,
	&kb_views_group,
	&kb_search_log_group,
	&kb_search_index_group,
	&common_group,
};

/* Outside requests: write the counted views and the waiting search log; free the copies at exit. */
static int
housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	int left = kb_views_housekeeping(req, when);

	left |= kb_search_log_housekeeping(req, when);
	left |= kb_index_housekeeping(req, when);

	if (when == PT_HK_STOP) {
		kb_categories_free();
		kb_search_cache_free();
	}
	return left;
}

int
main(void)
{
	static const struct pt_worker kb = { "kb", groups, PT_NELEM(groups), housekeeping, "kb" };

	return pt_main(&kb);
}
