/*
 * Routing: a worker's table of (method, pcre2 pattern, handler), compiled
 * once.  Patterns are anchored at both ends by the runtime so "^/auth/login"
 * never also matches "/auth/login/../x".  HEAD is served by GET routes.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "portico.h"

struct pt_router {
	const struct pt_route	*routes;
	size_t			 n;
	pcre2_code		**code;
	pcre2_match_data	*md;
};

void
pt_router_free(struct pt_router *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n && r->code != NULL; i++)
		pcre2_code_free(r->code[i]);
	free(r->code);
	pcre2_match_data_free(r->md);
	free(r);
}

struct pt_router *
pt_router_new(const struct pt_route *routes, size_t n)
{
	struct pt_router *r = calloc(1, sizeof(*r));
	size_t i;

	if (r == NULL)
		return NULL;
	r->routes = routes;
	r->n = n;
	if ((r->code = calloc(n, sizeof(*r->code))) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		int err;
		PCRE2_SIZE off;

		r->code[i] = pcre2_compile((PCRE2_SPTR)routes[i].pattern, PCRE2_ZERO_TERMINATED,
		    PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_DOLLAR_ENDONLY | PCRE2_UTF, &err, &off, NULL);
		if (r->code[i] == NULL) {
			pt_log(NULL, PT_LOG_ERROR, "route %zu: bad pattern %s at %zu",
			    i, routes[i].pattern, (size_t)off);
			goto fail;
		}
		(void)pcre2_jit_compile(r->code[i], PCRE2_JIT_COMPLETE);
	}
	if ((r->md = pcre2_match_data_create(PT_MAX_CAPS, NULL)) == NULL)
		goto fail;
	return r;
fail:
	pt_router_free(r);
	return NULL;
}

const struct pt_route *
pt_router_match(const struct pt_router *r, struct pt_req *req, int *path_known)
{
	enum pt_method m = req->method == PT_HEAD ? PT_GET : req->method;
	size_t i, plen = strlen(req->path);

	*path_known = 0;
	for (i = 0; i < r->n; i++) {
		PCRE2_SIZE *ov;
		int rc, k;

		rc = pcre2_match(r->code[i], (PCRE2_SPTR)req->path, plen, 0, 0, r->md, NULL);
		if (rc < 0)
			continue;
		if (r->routes[i].method != m) {
			*path_known |= 1 << r->routes[i].method;
			continue;
		}
		ov = pcre2_get_ovector_pointer(r->md);
		req->ncaps = 0;
		for (k = 0; k < rc && k < PT_MAX_CAPS; k++) {
			req->caps[k] = ov[2 * k] == PCRE2_UNSET ? NULL :
			    pt_arena_strndup(req->arena, req->path + ov[2 * k], ov[2 * k + 1] - ov[2 * k]);
			req->ncaps++;
		}
		return &r->routes[i];
	}
	return NULL;
}
