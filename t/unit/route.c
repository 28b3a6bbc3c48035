/* Routing: anchored patterns, captures, methods, HEAD as GET, 405 detection. */
#include "portico.h"
#include "tap.h"

static int h_a(struct pt_req *r) { (void)r; return 1; }
static int h_b(struct pt_req *r) { (void)r; return 2; }
static int h_c(struct pt_req *r) { (void)r; return 3; }

static const struct pt_route routes[] = {
	{ PT_GET,  "/auth/login",			h_a, 0, NULL },
	{ PT_POST, "/auth/login",			h_b, 0, NULL },
	{ PT_GET,  "/kb/articles/([1-9][0-9]*)(?:/(en|de))?", h_c, 0, NULL },
};

static const struct pt_route *
match(struct pt_router *r, struct pt_req *req, enum pt_method m, const char *path, int *known)
{
	pt_req_reset(req);
	req->method = m;
	req->path = path;
	return pt_router_match(r, req, known);
}

int
main(void)
{
	struct pt_router *r = pt_router_new(routes, 3);
	struct pt_req *req = pt_req_new("test");
	const struct pt_route *rt;
	int known;

	ok(r != NULL, "routes compile");
	rt = match(r, req, PT_GET, "/auth/login", &known);
	ok(rt != NULL && rt->handler == h_a, "GET /auth/login");
	rt = match(r, req, PT_POST, "/auth/login", &known);
	ok(rt != NULL && rt->handler == h_b, "POST /auth/login: same path, other handler");
	rt = match(r, req, PT_HEAD, "/auth/login", &known);
	ok(rt != NULL && rt->handler == h_a, "HEAD is served by the GET route");
	ok(match(r, req, PT_GET, "/auth/login/", &known) == NULL, "trailing slash is another path");
	ok(match(r, req, PT_GET, "/x/auth/login", &known) == NULL, "anchored at the start");
	ok(match(r, req, PT_GET, "/auth/loginx", &known) == NULL, "anchored at the end");
	rt = match(r, req, PT_GET, "/kb/articles/42/de", &known);
	ok(rt != NULL && rt->handler == h_c, "pattern with captures");
	is_int(req->ncaps, 3, "whole match and two captures");
	is_str(req->caps[1], "42", "first capture");
	is_str(req->caps[2], "de", "second capture");
	rt = match(r, req, PT_GET, "/kb/articles/7", &known);
	ok(rt != NULL && req->ncaps == 2 && strcmp(req->caps[1], "7") == 0,
	    "optional group left out");
	ok(match(r, req, PT_GET, "/kb/articles/0", &known) == NULL, "capture pattern is enforced");
	rt = match(r, req, PT_POST, "/kb/articles/7", &known);
	ok(rt == NULL && known, "known path, wrong method: 405 material");
	is_int(known, 1 << PT_GET, "and the methods it does answer, for Allow");
	rt = match(r, req, PT_GET, "/nowhere", &known);
	ok(rt == NULL && !known, "unknown path: 404 material");
	pt_req_free(req);
	pt_router_free(r);
	return done_testing();
}
