/*
 * portico-tasks: the task inbox, and the process administration.
 */
#include "tasks.h"
#include "deploy.h"

static const char *const common_views[] = { "not-found", "forbidden", "unavailable", "error" };
static const struct pt_group common_group = {
	NULL, 0, NULL, 0, common_views, PT_NELEM(common_views)
};

static const struct pt_group *const groups[] = {
	/* the inbox */
	&ts_inbox_group,
	&ts_task_group,
	&ts_kept_group,
	/* process administration (/admin/processes/) */
	&pa_processes_group,
	&pa_process_group,
	&pa_instances_group,
	&pa_instance_group,
	&pa_common_group,
	&fl_deploy_group,
	&common_group,
};

int
main(void)
{
	static const struct pt_worker tasks = {
		"tasks", groups, PT_NELEM(groups), NULL, NULL
	};

	return pt_main(&tasks);
}
