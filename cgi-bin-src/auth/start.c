/*
 * The start page: what this person can do here, from their permissions.
 * An area whose worker is not deployed yet is listed as coming, not linked.
 * An area reachable through several permissions has one row per permission.
 */
#include "auth.h"

static const struct area {
	const char	*key;
	const char	*href;
	const char	*permission;	/* NULL: everyone signed in */
	int		 available;	/* 0: the worker is not deployed yet */
} areas[] = {
	{ "nav.kb",		"/kb/",			"kb.read",		1 },
	{ "nav.tickets",	"/tickets/",		"tickets.create",	0 },
	{ "nav.queue",		"/tickets/queue",	"tickets.work",		0 },
	{ "nav.orders",		"/orders/",		"orders.place",		0 },
	{ "nav.approvals",	"/orders/approvals",	"orders.approve",	0 },
	{ "nav.partner",	"/partner/",		"partner.resources",	0 },
	{ "nav.articles",	"/kb/editor",		"kb.edit",		0 },
	{ "nav.users",		"/auth/users",		"users.manage.org",	1 },
	{ "nav.budgets",	"/auth/budgets",	"users.manage.org",	1 },
	{ "nav.admin",		"/auth/admin/orgs",	"admin.users",		1 },
	{ "nav.all-users",	"/auth/admin/users",	"admin.users",		1 },
	{ "nav.roles",		"/auth/admin/roles",	"admin.roles",		1 },
	{ "nav.audit",		"/auth/audit",		"admin.audit",		1 },
	{ "nav.audit",		"/auth/audit",		"users.manage.org",	1 },
	{ "nav.dashboard",	"/admin/",		"admin.dashboard",	0 },
	{ "nav.account",	"/auth/account",	NULL,			1 },
};

/* 1 if an area with this key is on the page already (one key, several permissions). */
static int
listed(xmlNodePtr start, const char *key)
{
	xmlNodePtr n;

	for (n = start->children; n != NULL; n = n->next) {
		xmlChar *k = xmlGetProp(n, BAD_CAST "key");
		int same = k != NULL && xmlStrEqual(k, BAD_CAST key);

		xmlFree(k);
		if (same)
			return 1;
	}
	return 0;
}

static int
start(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	xmlNodePtr start = pt_node(req->page, "start", NULL);
	size_t i;

	pt_attr(start, "home", u->home);
	pt_attr(start, "last-login", u->last_login);
	for (i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
		xmlNodePtr a;

		if ((areas[i].permission != NULL && !pt_can(req, areas[i].permission)) ||
		    listed(start, areas[i].key))
			continue;
		a = pt_node(start, "area", NULL);
		pt_attr(a, "key", areas[i].key);
		pt_attr(a, "href", areas[i].href);
		pt_attr(a, "available", areas[i].available ? "1" : "0");
	}
	req->view = "start";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/", start, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "start" };

const struct pt_group auth_start_group = PT_GROUP_NOSQL(routes, views);
