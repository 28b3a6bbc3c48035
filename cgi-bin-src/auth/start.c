/*
 * The start page: what this person can do here.  The tiles come from the
 * runtime's navigation table (nav.c), so the start page offers exactly the
 * pages the navigation offers, and only pages that exist.
 */
#include "auth.h"

static int
start(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	xmlNodePtr start;

	/* Kept per persona: name, organisation and last sign-in are the reader's holes. */
	pt_pagecache_everyone(req);
	if (pt_pagecache_serve(req))
		return 200;
	start = pt_node(req->page, "start", NULL);
	pt_attr(start, "home", u->home);
	pt_attr(start, "last-login", pt_pagecache_last_login(req));
	if (pt_nav_tiles(req, start, "area") != PT_OK)
		return PT_ENOMEM;
	pt_pagecache_keep(req, 0);
	req->view = "start";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/", start, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "start" };

const struct pt_group auth_start_group = PT_GROUP_NOSQL(routes, views);
