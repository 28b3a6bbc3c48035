/*
 * What the inbox's pages share: a task's address, texts in the reader's
 * language, and how a due time reads now.
 */
#include <string.h>
#include <time.h>

#include "tasks.h"

const char *
ts_task_href(struct pt_req *req, const char *id)
{
	return pt_printf(req, TS_INBOX "%s", id);
}

const char *
ts_in_lang(const struct pt_req *req, const char *en, const char *de)
{
	return req->lang != NULL && strcmp(req->lang, "de") == 0 && de != NULL && de[0] != '\0' ?
	    de : en;
}

void
ts_due(struct pt_req *req, xmlNodePtr node, const char *iso)
{
	time_t due, now = time(NULL);

	if (iso == NULL || pt_utc_parse(iso, &due) != PT_OK)
		return;
	pt_attr(node, "due", iso);
	if (due <= now)
		pt_attr(node, "due-state", "overdue");
	else if (due - now <= TS_DUE_SOON_S) {
		pt_attr(node, "due-state", "soon");
		pt_pagecache_until(req, due);
	} else {
		pt_attr(node, "due-state", "later");
		pt_pagecache_until(req, due - TS_DUE_SOON_S);
	}
}
