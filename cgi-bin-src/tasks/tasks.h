/*
 * The tasks worker (portico-tasks): the task inbox (/tasks/), where every
 * signed-in person finds the user tasks of the BPMN engine (portico-flowd)
 * that wait for them, claims, releases and completes them; and the
 * process administration (/admin/processes/), which nginx routes here too.
 * Each file is one page group (routes, statements, views), listed in
 * main.c.  The worker reads the engine's tables (sql/migrations/0050) and
 * asks the engine through lib/flow.c; it never links flowd's code, except
 * the administration, which links libflowd.a to parse, deploy and draw
 * models.
 */
#ifndef TASKS_H
#define TASKS_H

#include "portico.h"

/* ==== the inbox =========================================================== */

extern const struct pt_group ts_inbox_group;	/* inbox.c: the list, mine/offered/all */
extern const struct pt_group ts_task_group;	/* task.c: a task, claim, release, complete */
extern const struct pt_group ts_kept_group;	/* kept.c: statements only */

#define TS_INBOX	"/tasks/"

/* A DATETIME column as ISO 8601 UTC, for the pages' dates. */
#define TS_ISO(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* "/tasks/<id>" in the arena. */
const char *ts_task_href(struct pt_req *, const char *id);
/* The German text when the reader reads German and there is one, else the English. */
const char *ts_in_lang(const struct pt_req *, const char *en, const char *de);
/*
 * Mark node as its due time iso (UTC, NULL: none) reads now: due="iso"
 * and due-state overdue (past), soon (within TS_DUE_SOON_S) or later, and
 * tell a kept page when that turns (pt_pagecache_until).
 */
#define TS_DUE_SOON_S	(24L * 3600)
void	 ts_due(struct pt_req *, xmlNodePtr node, const char *iso);

/*
 * The reader's inbox kept for them (kept.c): 1 when a kept page was sent
 * (answer 200); otherwise build the page and, when it is 200, call
 * ts_kept_keep().
 */
int	 ts_kept_inbox(struct pt_req *);
void	 ts_kept_keep(struct pt_req *);

/* ==== process administration (/admin/processes/) ========================= */

/* Their shared parts are in admin.h; fl_deploy's statements (flowd/deploy.h) are a group too. */
extern const struct pt_group pa_processes_group;	/* admin-processes.c: the list, upload */
extern const struct pt_group pa_process_group;		/* admin-process.c: versions, drawing */
extern const struct pt_group pa_instances_group;	/* admin-instances.c: filters, paging */
extern const struct pt_group pa_instance_group;		/* admin-instance.c: one, and its controls */
extern const struct pt_group pa_common_group;		/* admin-common.c: statements only */

#endif
