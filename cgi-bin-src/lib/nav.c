/*
 * The site's map: its sections and the pages of each that belong in the
 * navigation, in one table.  The header's main navigation, a section's own
 * navigation and the start page's tiles are all drawn from it, filtered by
 * what the signed-in person may open, so a link the navigation offers
 * always opens and a page someone may open is always reachable.
 *
 * Only pages that exist are listed.  A worker that arrives (tickets,
 * orders, tasks, partner, /admin/) adds its section to enum pt_nav_section
 * and its pages to the links table, with the permission its route table
 * checks: nothing else changes.
 */
#include <string.h>

#include "extern.h"

/* The sections in the order of the main navigation. */
enum pt_nav_section {
	NAV_START,
	NAV_TASKS,
	NAV_KB,
	NAV_TICKETS,
	NAV_ORDERS,
	NAV_EDITOR,
	NAV_ADMIN,
	NAV_ACCOUNT,
	NAV__MAX
};

static const struct nav_section {
	const char	*name;		/* /page/nav/section/@name */
	const char	*key;		/* catalogue key of its name */
	int		 main;		/* 0: not in the main navigation (the header has the account) */
} sections[NAV__MAX] = {
	[NAV_START] =	{ "start",	"nav.start",	1 },
	[NAV_TASKS] =	{ "tasks",	"nav.tasks",	1 },
	[NAV_KB] =	{ "kb",		"nav.kb",	1 },
	[NAV_TICKETS] =	{ "tickets",	"nav.tickets",	1 },
	[NAV_ORDERS] =	{ "orders",	"nav.orders",	1 },
	[NAV_EDITOR] =	{ "editor",	"nav.editor",	1 },
	[NAV_ADMIN] =	{ "admin",	"nav.admin",	1 },
	[NAV_ACCOUNT] =	{ "account",	"nav.account",	0 },
};

#define NAV_TILE 1	/* a tile on the start page (key.desc is its text) */

/*
 * A page of a section.  It owns the paths at and below href (href "/"
 * owns only itself); the longest href that owns the request's path marks
 * the current page and section.  perm lists alternatives: the page is
 * offered to whoever holds one of them (NULL first: everyone signed in),
 * and it must be what the page's route checks.  A section links to its
 * first page the person may open.
 */
static const struct nav_link {
	enum pt_nav_section section;
	const char	*key;
	const char	*href;
	const char	*perm[2];
	unsigned	 flags;
} links[] = {
	{ NAV_START,	"nav.start",	"/",			{ NULL, NULL },		0 },
	{ NAV_TASKS,	"nav.tasks",	"/tasks/",		{ NULL, NULL },		0 },
	{ NAV_KB,	"nav.kb",	"/kb/",			{ NULL, NULL },		NAV_TILE },
	{ NAV_TICKETS,	"nav.tickets.mine", "/tickets/mine",	{ "tickets.create", "tickets.read.org" }, NAV_TILE },
	{ NAV_TICKETS,	"nav.tickets.new", "/tickets/",		{ "tickets.create", NULL }, NAV_TILE },
	{ NAV_TICKETS,	"nav.tickets.desk", "/tickets/desk",	{ "tickets.work", NULL }, NAV_TILE },
	{ NAV_TICKETS,	"nav.tickets.queue", "/tickets/queue",	{ "tickets.work", NULL }, 0 },
	{ NAV_TICKETS,	"nav.tickets.surveys", "/tickets/surveys", { "tickets.work", "admin.dashboard" }, 0 },
	{ NAV_TICKETS,	"nav.tickets.deflection", "/tickets/deflection", { "tickets.work", "admin.dashboard" }, 0 },
	{ NAV_ORDERS,	"nav.orders.catalogue", "/orders/",	{ "orders.read", NULL }, NAV_TILE },
	{ NAV_ORDERS,	"nav.orders.cart", "/orders/cart",	{ "orders.place", NULL }, NAV_TILE },
	{ NAV_ORDERS,	"nav.orders.history", "/orders/history", { "orders.read.org", "orders.place" }, NAV_TILE },
	{ NAV_ORDERS,	"nav.orders.approvals", "/orders/approvals", { "orders.approve", NULL }, NAV_TILE },
	{ NAV_ORDERS,	"nav.orders.invoices", "/orders/invoices", { "orders.read.org", "orders.place" }, NAV_TILE },
	{ NAV_ORDERS,	"nav.orders.addresses", "/orders/addresses", { "orders.addresses", NULL }, 0 },
	{ NAV_ORDERS,	"nav.orders.returns", "/orders/returns", { "orders.return", "orders.read.org" }, 0 },
	{ NAV_ORDERS,	"nav.orders.desk", "/orders/desk",	{ "orders.desk", NULL }, NAV_TILE },
	{ NAV_ORDERS,	"nav.orders.offers", "/orders/offers",	{ "orders.approve", NULL }, 0 },
	{ NAV_ORDERS,	"nav.orders.contracts", "/orders/contracts", { "orders.read.org", NULL }, 0 },
	{ NAV_ORDERS,	"nav.orders.desk-returns", "/orders/desk/returns", { "orders.desk", NULL }, 0 },
	{ NAV_EDITOR,	"nav.editor",	"/kb/editor",		{ "kb.edit", NULL },	NAV_TILE },
	{ NAV_ADMIN,	"nav.users",	"/auth/users",		{ "users.manage.org", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.budgets",	"/auth/budgets",	{ "users.manage.org", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.orgs",	"/auth/admin/orgs",	{ "admin.users", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.all-users", "/auth/admin/users",	{ "admin.users", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.roles",	"/auth/admin/roles",	{ "admin.roles", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.audit",	"/auth/audit",		{ "admin.audit", "users.manage.org" }, NAV_TILE },
	{ NAV_ADMIN,	"nav.deletions", "/auth/admin/deletions", { "admin.users", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.tickets-admin", "/tickets/admin/",	{ "tickets.admin", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.catalogue-admin", "/orders/admin/", { "catalogue.manage", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.integrations", "/orders/admin/integrations", { "admin.integrations", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.processes", "/admin/processes/",	{ "admin.processes", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.offers-admin", "/orders/admin/offers", { "contracts.manage", NULL }, NAV_TILE },
	{ NAV_ADMIN,	"nav.contracts-admin", "/orders/admin/contracts", { "contracts.manage", NULL }, 0 },
	{ NAV_ACCOUNT,	"nav.account",	"/auth/account",	{ NULL, NULL },		NAV_TILE },
};

/* 1 if the signed-in user may open the link's page. */
static int
may_open(const struct pt_req *req, const struct nav_link *l)
{
	size_t i;

	if (req->session.user == NULL)
		return 0;
	if (l->perm[0] == NULL)
		return 1;
	for (i = 0; i < PT_NELEM(l->perm) && l->perm[i] != NULL; i++)
		if (pt_can(req, l->perm[i]))
			return 1;
	return 0;
}

/* How much of path the link owns: strlen(href) when it owns path, else 0. */
static size_t
owns(const struct nav_link *l, const char *path)
{
	size_t n = strlen(l->href);

	if (path == NULL)
		return 0;
	if (strcmp(l->href, "/") == 0)
		return strcmp(path, "/") == 0;
	if (strncmp(path, l->href, n) != 0)
		return 0;
	if (path[n] == '\0' || path[n] == '/' || l->href[n - 1] == '/')
		return n;
	return 0;
}

/* The link the request's path belongs to among those the user may open, or NULL. */
static const struct nav_link *
current_link(const struct pt_req *req)
{
	const struct nav_link *best = NULL;
	size_t i, n, bestn = 0;

	for (i = 0; i < PT_NELEM(links); i++)
		if ((n = owns(&links[i], req->path)) > bestn && may_open(req, &links[i])) {
			best = &links[i];
			bestn = n;
		}
	return best;
}

int
pt_nav_append(struct pt_req *req, xmlNodePtr parent)
{
	const struct nav_link *cur;
	xmlNodePtr nav, sec[NAV__MAX] = { NULL };
	size_t i;

	if (req->session.user == NULL)
		return PT_OK;
	if ((nav = pt_node(parent, "nav", NULL)) == NULL)
		return PT_ENOMEM;
	cur = current_link(req);
	for (i = 0; i < PT_NELEM(links); i++) {
		const struct nav_link *l = &links[i];
		const struct nav_section *s = &sections[l->section];
		xmlNodePtr a;

		if (!s->main || !may_open(req, l))
			continue;
		if (sec[l->section] == NULL) {
			if ((sec[l->section] = pt_node(nav, "section", NULL)) == NULL)
				return PT_ENOMEM;
			pt_attr(sec[l->section], "name", s->name);
			pt_attr(sec[l->section], "key", s->key);
			pt_attr(sec[l->section], "href", l->href);
			if (cur != NULL && cur->section == l->section)
				pt_attr(sec[l->section], "current", "1");
		}
		if ((a = pt_node(sec[l->section], "link", NULL)) == NULL)
			return PT_ENOMEM;
		pt_attr(a, "key", l->key);
		pt_attr(a, "href", l->href);
		if (l == cur)
			pt_attr(a, "current", "1");
	}
	return PT_OK;
}

int
pt_nav_tiles(struct pt_req *req, xmlNodePtr parent, const char *element)
{
	size_t i;

	for (i = 0; i < PT_NELEM(links); i++) {
		const struct nav_link *l = &links[i];
		xmlNodePtr t;

		if (!(l->flags & NAV_TILE) || !may_open(req, l))
			continue;
		if ((t = pt_node(parent, element, NULL)) == NULL)
			return PT_ENOMEM;
		pt_attr(t, "key", l->key);
		pt_attr(t, "href", l->href);
		pt_attr(t, "section", sections[l->section].name);
	}
	return PT_OK;
}

void
pt_nav_count(struct pt_req *req, const char *section, const char *count)
{
	xmlNodePtr n, s;

	if (req->page == NULL || count == NULL)
		return;
	for (n = req->page->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST "nav") == 0)
			break;
	for (s = n != NULL ? n->children : NULL; s != NULL; s = s->next) {
		xmlChar *name = xmlGetProp(s, BAD_CAST "name");
		int match = name != NULL && xmlStrcmp(name, BAD_CAST section) == 0;

		xmlFree(name);
		if (match) {
			pt_attr(s, "count", count);
			return;
		}
	}
}
