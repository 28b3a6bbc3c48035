/*
 * The navigation table (nav.c): which sections and pages a user is offered
 * for their permissions, which of them the request's path marks current,
 * nothing for anonymous visitors, and the start page's tiles.
 */
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "extern.h"
#include "tap.h"

/* The string value of an XPath expression over doc, in buf. */
static const char *
xp(xmlDocPtr doc, const char *expr, char *buf, size_t size)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr obj = ctx != NULL ? xmlXPathEvalExpression(BAD_CAST expr, ctx) : NULL;
	xmlChar *s = obj != NULL ? xmlXPathCastToString(obj) : NULL;

	snprintf(buf, size, "%s", s != NULL ? (const char *)s : "(error)");
	xmlFree(s);
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(ctx);
	return buf;
}

/* The page a user with perms gets for path: its envelope's <nav>, tiles under <start>. */
static xmlDocPtr
page_for(struct pt_req *req, const char *path, const char **perms, size_t nperms,
    struct pt_user *user)
{
	pt_req_reset(req);
	req->path = path;
	req->lang = "en";
	user->perms = perms;
	user->nperms = nperms;
	/* Cross-organisation permissions count only for the provider's people (pt_can). */
	user->org_kind = "customer";
	for (size_t i = 0; i < nperms; i++)
		if (strncmp(perms[i], "admin.", 6) == 0 || strcmp(perms[i], "kb.edit") == 0 ||
		    strcmp(perms[i], "tickets.work") == 0)
			user->org_kind = "provider";
	req->session.user = perms != NULL ? user : NULL;
	if (pt_page_init(req) != PT_OK)
		return NULL;
	if (pt_nav_tiles(req, pt_node(req->page, "start", NULL), "area") != PT_OK)
		return NULL;
	return req->doc;
}

int
main(void)
{
	static const char *customer[] = { "kb.read", "tickets.create" };
	static const char *org_admin[] = { "kb.read", "users.manage.org" };
	static const char *provider[] = { "kb.read", "kb.edit", "admin.*" };
	static const char *manager[] = { "kb.read", "admin.audit", "tickets.work" };
	static const char *buyer[] = { "kb.read", "orders.read", "orders.place" };
	struct pt_user user = { .id = 7, .org_id = 3, .name = "Nina", .email = "n@x.example",
	    .org_name = "X", .org_kind = "customer", .home = "customer" };
	struct pt_req *req = pt_req_new("auth");
	char b[512];
	xmlDocPtr d;

	d = page_for(req, "/kb/", NULL, 0, &user);
	is_str(xp(d, "count(/page/nav)", b, sizeof(b)), "0", "anonymous: no navigation");
	is_str(xp(d, "count(//area)", b, sizeof(b)), "0", "anonymous: no tiles");

	d = page_for(req, "/", customer, PT_NELEM(customer), &user);
	is_str(xp(d, "concat(/page/nav/section[1]/@name, ' ', /page/nav/section[2]/@name, ' ',"
	    " /page/nav/section[3]/@name, ' ', count(/page/nav/section))", b, sizeof(b)),
	    "start tasks kb 4", "customer: start, tasks, kb and tickets");
	is_str(xp(d, "concat(/page/nav/section[@name='tickets']/@href, ' ',"
	    " count(/page/nav/section[@name='tickets']/link))", b, sizeof(b)), "/tickets/mine 2",
	    "customer: my tickets and the catalogue, not the queue");
	is_str(xp(d, "/page/nav/section[@current='1']/@name", b, sizeof(b)), "start", "/ is the start");
	is_str(xp(d, "count(//*[@current])", b, sizeof(b)), "2", "one section and one page current");
	is_str(xp(d, "count(/page/nav//*[starts-with(@href, '/auth/')])", b, sizeof(b)), "0",
	    "customer: no administration, no account in the main navigation");
	is_str(xp(d, "concat(//area[1]/@key, ' ', //area[2]/@key, ' ', //area[3]/@key, ' ',"
	    " //area[4]/@key, ' ', count(//area))", b, sizeof(b)),
	    "nav.kb nav.tickets.mine nav.tickets.new nav.account 4",
	    "customer's tiles: knowledge base, tickets and account");

	d = page_for(req, "/auth/budgets", org_admin, PT_NELEM(org_admin), &user);
	is_str(xp(d, "/page/nav/section[@name='admin']/@href", b, sizeof(b)), "/auth/users",
	    "org admin: administration goes to the org's users");
	is_str(xp(d, "count(/page/nav/section[@name='admin']/link)", b, sizeof(b)), "3",
	    "users, budgets, audit");
	is_str(xp(d, "/page/nav/section/link[@current='1']/@href", b, sizeof(b)), "/auth/budgets",
	    "budgets current");
	is_str(xp(d, "count(//link[@href='/auth/admin/users'])", b, sizeof(b)), "0",
	    "no provider pages for an org admin");

	d = page_for(req, "/auth/admin/orgs/12", provider, PT_NELEM(provider), &user);
	is_str(xp(d, "/page/nav/section[@name='admin']/@href", b, sizeof(b)), "/auth/admin/orgs",
	    "provider admin (admin.*): administration goes to the organisations");
	is_str(xp(d, "count(/page/nav/section[@name='admin']/link)", b, sizeof(b)), "7",
	    "orgs, all users, roles, audit, deletions, integrations, processes");
	is_str(xp(d, "count(//link[@href='/admin/processes/'])", b, sizeof(b)), "1", "processes listed");
	is_str(xp(d, "count(//link[@href='/auth/admin/users'])", b, sizeof(b)), "1", "all users listed");
	is_str(xp(d, "/page/nav/section/link[@current='1']/@href", b, sizeof(b)), "/auth/admin/orgs",
	    "an organisation's page belongs to the organisations");
	is_str(xp(d, "/page/nav/section[@name='editor']/@href", b, sizeof(b)), "/kb/editor",
	    "kb.edit: the editor is a section");
	is_str(xp(d, "//area[@key='nav.editor']/@href", b, sizeof(b)), "/kb/editor",
	    "and a tile linking the editor");

	d = page_for(req, "/kb/editor/articles/3", provider, PT_NELEM(provider), &user);
	is_str(xp(d, "/page/nav/section[@current='1']/@name", b, sizeof(b)), "editor",
	    "the longest owning href wins: an article in the editor is the editor's");
	d = page_for(req, "/kb/editorial", provider, PT_NELEM(provider), &user);
	is_str(xp(d, "/page/nav/section[@current='1']/@name", b, sizeof(b)), "kb",
	    "/kb/editorial is not the editor's");
	d = page_for(req, "/kb/editor/articles/3", customer, PT_NELEM(customer), &user);
	is_str(xp(d, "/page/nav/section[@current='1']/@name", b, sizeof(b)), "kb",
	    "without kb.edit the path falls to the knowledge base");
	d = page_for(req, "/auth/account", provider, PT_NELEM(provider), &user);
	is_str(xp(d, "count(/page/nav//*[@current])", b, sizeof(b)), "0",
	    "the account page marks no section of the main navigation");

	d = page_for(req, "/auth/audit", manager, PT_NELEM(manager), &user);
	is_str(xp(d, "concat(/page/nav/section[@name='admin']/@href, ' ',"
	    " count(/page/nav/section[@name='admin']/link))", b, sizeof(b)), "/auth/audit 1",
	    "admin.audit alone: the audit log is the administration");
	is_str(xp(d, "count(/page/nav//*[contains(@href, 'orders')])", b, sizeof(b)), "0",
	    "without orders.read no orders section");
	is_str(xp(d, "concat(/page/nav/section[@name='tickets']/@href, ' ',"
	    " count(/page/nav/section[@name='tickets']/link))", b, sizeof(b)), "/tickets/desk 4",
	    "tickets.work alone: the desk, all tickets and the figures, not the catalogue");

	d = page_for(req, "/orders/products/GW-100", buyer, PT_NELEM(buyer), &user);
	is_str(xp(d, "concat(/page/nav/section[@current='1']/@name, ' ',"
	    " /page/nav/section[@name='orders']/@href, ' ', /page/nav/section/link[@current='1']/@href)",
	    b, sizeof(b)), "orders /orders/ /orders/",
	    "orders.read: a product's page belongs to the catalogue of the orders section");
	is_str(xp(d, "//area[@key='nav.orders.catalogue']/@href", b, sizeof(b)), "/orders/",
	    "and the catalogue is a tile");

	pt_req_free(req);
	return done_testing();
}
