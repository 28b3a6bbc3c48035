/*
 * portico-tickets: the service catalogue and its forms, tickets and their
 * conversation, and the agents' work on them.
 */
#include "desk.h"
#include "admin.h"

static const char *const common_views[] = { "not-found", "forbidden", "unavailable", "error" };
static const struct pt_group common_group = {
	NULL, 0, NULL, 0, common_views, PT_NELEM(common_views)
};

static const struct pt_group *const groups[] = {
	&tk_catalogue_group,
	&tk_raise_group,
	&tk_list_group,
	&tk_view_group,
	&tk_reply_group,
	&tk_agent_group,
	&tk_files_group,
	&tk_ticket_group,
	&pt_ticket_group,
	&pt_ticket_mail_group,
	&pt_ticket_sla_group,
	&tk_fields_group,
	&tk_close_group,
	&tk_links_group,
	&tk_desk_group, &tk_desk_bulk_group, &tk_canned_group, &tk_merge_group,
	&tk_time_group, &tk_kbdraft_group, &tk_presence_group,
	&tk_deflect_group,
	&tk_survey_group,
	&tka_categories_group, &tka_services_group, &tka_fields_group, &tka_groups_group,
	&tka_priorities_group,
	&tk_sla_group,
	&tk_personal_group,
	&common_group,
};

/*
 * Outside requests: close the tickets whose reopen window has passed
 * (after a request, and in idle seconds only while it has a backlog), and
 * record the SLA marks that are due (it asks for every idle second).
 */
static int
housekeeping(struct pt_req *req, enum pt_housekeeping when)
{
	static int close_left;

	if (when != PT_HK_IDLE || close_left)
		close_left = tk_close_housekeeping(req, when);
	return pt_ticket_sla_housekeeping(req, when) | close_left;
}

int
main(void)
{
	static const struct pt_worker tickets = {
		"tickets", groups, PT_NELEM(groups), housekeeping, "tickets"
	};

	return pt_main(&tickets);
}
