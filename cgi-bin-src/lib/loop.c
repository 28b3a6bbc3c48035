/*
 * The worker process: start-up (config, validators, catalogues,
 * stylesheets, statements, routes), then the FastCGI accept loop.  Each
 * request is read with bounds, dispatched, rendered and written; then its
 * arena is reset, so a worker's memory stays flat over millions of requests.
 * SIGTERM ends the loop after the request in hand.
 */
#include <fcgiapp.h>
#include <libxslt/xsltutils.h>
#include <libxslt/xslt.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

/*
 * No SA_RESTART: a blocking accept() or sleep must return at once, so
 * the loop sees that it is to stop.  A closed peer is an error, not SIGPIPE.
 */
int
pt_signals_init(void (*on_stop)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
		return PT_ESYS;
	sa.sa_handler = SIG_IGN;
	return sigaction(SIGPIPE, &sa, NULL) == 0 ? PT_OK : PT_ESYS;
}

volatile sig_atomic_t pt_stopping;

static void
daemon_stop(int sig)
{
	(void)sig;
	pt_stopping = 1;
}

int
pt_daemon_signals(void)
{
	return pt_signals_init(daemon_stop);
}

void
pt_daemon_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	if (!pt_stopping && ms > 0)
		(void)nanosleep(&ts, NULL);	/* EINTR on SIGTERM: fine */
}

void
pt_runtime_free(void)
{
	pt_db_close();
	pt_session_cache_free();
	pt_pagecache_free();
	pt_render_free();
	pt_i18n_free();
	pt_valid_free();
	pt_conf_clear();
	xsltCleanupGlobals();
	xmlCleanupParser();
}

/*
 * All groups' routes in one array, in the order of the groups, and last
 * the runtime's own GET /<worker>/health.
 */
static struct pt_route *
collect_routes(const struct pt_worker *w, size_t *n)
{
	static char health_pattern[96];
	struct pt_route *all;
	size_t g, total = 1;

	if ((size_t)snprintf(health_pattern, sizeof(health_pattern), "/%s/health", w->name) >=
	    sizeof(health_pattern))
		return NULL;
	for (g = 0; g < w->ngroups; g++)
		total += w->groups[g]->nroutes;
	if ((all = calloc(total, sizeof(*all))) == NULL)
		return NULL;
	for (*n = 0, g = 0; g < w->ngroups; g++) {
		memcpy(all + *n, w->groups[g]->routes, w->groups[g]->nroutes * sizeof(*all));
		*n += w->groups[g]->nroutes;
	}
	all[*n].method = PT_GET;
	all[*n].pattern = health_pattern;
	all[*n].handler = pt_health;
	(*n)++;
	return all;
}

static int
startup(const struct pt_worker *w, struct pt_router **router, struct pt_route **routes)
{
	const char *xslt_dir;
	size_t g, n;
	int styles_ok = 1;

	pt_log_init(w->name);
	if (pt_conf_load(NULL) != PT_OK || pt_log_configure() != PT_OK)
		return PT_EINVAL;
	pt_site_load();
	xslt_dir = pt_conf_str("paths", "xslt", PT_PKGDATADIR "/xslt");
	if (pt_valid_init() != PT_OK || pt_i18n_load_site(xslt_dir) != PT_OK ||
	    pt_render_init(xslt_dir, pt_site.theme, pt_site.development) != PT_OK) {
		pt_log(NULL, PT_LOG_ERROR, "cannot load validators, catalogues or stylesheets from %s",
		    xslt_dir);
		return PT_EINVAL;
	}
	if (pt_db_init() != PT_OK)
		return PT_ENOMEM;
	if (pt_pagecache_init(w->name) != PT_OK)
		return PT_EINVAL;
	/* A broken upload store is told now, not at the first upload. */
	(void)pt_files_watch(w->files_subdir);
	for (g = 0; g < w->ngroups; g++) {
		const struct pt_group *grp = w->groups[g];

		if (grp->nsql > 0 && pt_db_register(grp->sql, grp->nsql) != PT_OK) {
			pt_log(NULL, PT_LOG_ERROR, "cannot register the statements of %s's page"
			    " group %zu (out of memory, or more groups than the database layer keeps)",
			    w->name, g);
			return PT_ENOMEM;
		}
		if (pt_render_preload(w->name, grp->views, grp->nviews) != PT_OK)
			styles_ok = 0;
	}
	if (!styles_ok) {
		pt_log(NULL, PT_LOG_ERROR, "some stylesheets of %s do not compile", w->name);
		pt_render_mark_broken();
	}
	if ((*routes = collect_routes(w, &n)) == NULL ||
	    (*router = pt_router_new(*routes, n)) == NULL)
		return PT_EINVAL;
	return pt_signals_init(on_term);
}

static void
shutdown_all(struct pt_router *router)
{
	pt_router_free(router);
	pt_runtime_free();
}

/*
 * Read the body (CONTENT_LENGTH bytes) into the arena; PT_ELIMIT past the
 * bound, which is [limits] upload_bytes for multipart/form-data bodies
 * outside the API and body_bytes for all others.
 */
static int
read_body(FCGX_Request *fr, struct pt_req *req, char **body, size_t *len)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	const char *ctype = FCGX_GetParam("CONTENT_TYPE", fr->envp);
	const char *uri = FCGX_GetParam("DOCUMENT_URI", fr->envp);
	unsigned long long want;
	size_t got = 0;
	char *end;

	*body = NULL;
	*len = 0;
	/* Known before the body is read, so a refusal of it answers in JSON too. */
	req->api = pt_api_path(uri);
	if (cl == NULL || *cl == '\0')
		return PT_OK;
	want = strtoull(cl, &end, 10);
	if (*end != '\0')
		return PT_EINVAL;
	if (want > (req->api ? pt_site.limits.body_bytes :
	    pt_body_limit(ctype, &pt_site.limits)) || want > INT32_MAX)
		return PT_ELIMIT;
	if ((*body = pt_alloc(req, (size_t)want + 1)) == NULL)
		return PT_ENOMEM;
	while (got < want) {
		int n = FCGX_GetStr(*body + got, (int)(want - got), fr->in);

		if (n <= 0)
			return PT_EINVAL;	/* the client went away mid-body */
		got += (size_t)n;
	}
	*len = got;
	return PT_OK;
}

static void
respond(FCGX_Request *fr, struct pt_req *req)
{
	static const char fallback[] = "Status: 500 Internal Server Error\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\nInternal error\n";
	char *out;
	size_t len;

	if (req->status != 303 && req->doc != NULL && pt_render(req) != PT_OK) {
		/* The error page itself failed: plain text is all that is left. */
		req->status = 500;
		req->body = NULL;
		req->want_xml = 0;
		if (pt_render_view(req, "error") != PT_OK)
			req->body = NULL;
	}
	if ((out = pt_resp_serialize(req, &len)) == NULL) {
		FCGX_PutStr(fallback, (int)strlen(fallback), fr->out);
		return;
	}
	FCGX_PutStr(out, (int)len, fr->out);
}

/*
 * The request id: nginx's $request_id when it passes one (so the worker's
 * log lines and nginx's access log share it), else our own.
 */
static void
request_id(FCGX_Request *fr, struct pt_req *req)
{
	const char *rid = FCGX_GetParam("REQUEST_ID", fr->envp);
	size_t len = rid != NULL ? strspn(rid, "0123456789abcdef") : 0;

	if (len >= 8 && len < sizeof(req->id) && rid[len] == '\0')
		memcpy(req->id, rid, len + 1);
	else if (pt_random_hex(req->id, 8) != PT_OK)
		snprintf(req->id, sizeof(req->id), "0");
}

static void
handle(const struct pt_worker *w, const struct pt_router *router, FCGX_Request *fr,
    struct pt_req *req)
{
	char *body;
	size_t len;
	int rc;

	request_id(fr, req);
	rc = read_body(fr, req, &body, &len);
	if (rc == PT_OK)
		rc = pt_req_parse(req, fr->envp, body, len, &pt_site.limits);
	if (rc == PT_OK)
		pt_dispatch(w, router, req);
	else
		pt_dispatch_refused(req, rc == PT_ELIMIT ? 413 : 400);
	respond(fr, req);
	pt_log(req, req->status >= 500 ? PT_LOG_ERROR : PT_LOG_INFO, "%s %s %d",
	    req->method == PT_POST ? "POST" : req->method == PT_HEAD ? "HEAD" :
	    req->method == PT_OTHER ? "OTHER" : "GET",
	    req->path != NULL ? req->path : "?", req->status);
}

long long
pt_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
pt_requests_waiting(void)
{
	struct pollfd p = { .fd = 0, .events = POLLIN, .revents = 0 };

	/* Descriptor 0 is the listening socket (spawn-fcgi, systemd). */
	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN) != 0;
}

/*
 * SIGALRM ends a blocking accept() when the worker has idle work to do
 * (FCGI_FAIL_ACCEPT_ON_INTR): the handler need not do anything itself.
 */
static void
on_alarm(int sig)
{
	(void)sig;
}

/* The worker's housekeeping in a clean request context; 1 if work is left. */
static int
housekeeping(const struct pt_worker *w, struct pt_req *req, enum pt_housekeeping when)
{
	/* Kept personal pages are removed from the disk once they are too old to be used. */
	int left = pt_pagecache_sweep();

	if (w->housekeeping == NULL)
		return left;
	left |= w->housekeeping(req, when);
	pt_req_reset(req);
	return left;
}

int
pt_main(const struct pt_worker *w)
{
	struct pt_router *router = NULL;
	struct pt_route *routes = NULL;
	struct pt_req *req;
	FCGX_Request fr;
	struct sigaction sa;
	int pending = 0, rc;

	if (startup(w, &router, &routes) != PT_OK || (req = pt_req_new(w->name)) == NULL) {
		shutdown_all(router);
		free(routes);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, FCGI_FAIL_ACCEPT_ON_INTR) != 0 ||
	    sigaction(SIGALRM, &sa, NULL) != 0) {
		pt_log(NULL, PT_LOG_ERROR, "FastCGI initialisation failed");
		pt_req_free(req);
		shutdown_all(router);
		free(routes);
		return 1;
	}
	pt_log(NULL, PT_LOG_INFO, "ready");
	while (!stopping) {
		/* With work left, wait a second at most for the next request. */
		if (pending)
			alarm(1);
		rc = FCGX_Accept_r(&fr);
		if (pending)
			alarm(0);
		if (rc == -EINTR && !stopping) {
			pending = housekeeping(w, req, PT_HK_IDLE);
			continue;
		}
		if (rc < 0)
			break;
		handle(w, router, &fr, req);
		FCGX_Finish_r(&fr);
		pt_req_reset(req);
		pending = housekeeping(w, req, PT_HK_AFTER);
	}
	pt_log(NULL, PT_LOG_INFO, "stopping");
	housekeeping(w, req, PT_HK_STOP);
	FCGX_Free(&fr, 1);
	pt_req_free(req);
	shutdown_all(router);
	free(routes);
	return 0;
}
