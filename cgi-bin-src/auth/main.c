/*
 * portico-auth: who you are (login, logout, language, account), where you
 * start, and the administration of people and organisations.
 */
#include "auth.h"

/* The error views every group may answer with. */
static const char *const common_views[] = { "not-found", "forbidden", "unavailable", "error" };
static const struct pt_group common_group = {
	NULL, 0, NULL, 0, common_views, PT_NELEM(common_views)
};

static const struct pt_group *const groups[] = {
	&auth_start_group,
	&auth_login_group,
	&auth_language_group,
	&auth_account_group,
	&auth_password_group,
	&auth_privacy_group,
	&auth_users_group,
	&auth_budgets_group,
	&auth_orgs_group,
	&auth_roles_group,
	&auth_audit_group,
	&common_group,
};

int
main(void)
{
	static const struct pt_worker auth = { "auth", groups, PT_NELEM(groups), NULL, NULL };

	return pt_main(&auth);
}
