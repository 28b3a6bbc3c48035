/*
 * One request, from parsed input to a rendered answer: session, language,
 * route, CSRF, login and permission checks, the handler, and the error page
 * when something said no.  The checks live here, once, so a handler only
 * does its own work.
 */
#include <string.h>
#include <strings.h>

#include "extern.h"

struct pt_site pt_site;

/* [paths] files without trailing slashes (a copy kept for the process). */
static const char *
files_dir(void)
{
	static char dir[1024];
	const char *v = pt_conf_str("paths", "files", "/var/lib/portico/files");
	size_t n = strlen(v);

	while (n > 1 && v[n - 1] == '/')
		n--;
	if (n >= sizeof(dir))
		n = sizeof(dir) - 1;
	memcpy(dir, v, n);
	dir[n] = '\0';
	return dir;
}

void
pt_site_load(void)
{
	pt_site.theme = pt_conf_str("site", "theme", "default");
	pt_site.development = pt_conf_bool("site", "development", 0);
	pt_site.base_url = pt_conf_str("site", "base_url", "http://localhost:8080");
	pt_site.secure_cookies = pt_conf_bool("site", "secure_cookies", !pt_site.development);
	pt_site.session_idle_s = 60 * pt_conf_int("site", "session_idle_min", 30);
	pt_site.session_absolute_s = 3600 * pt_conf_int("site", "session_absolute_h", 12);
	pt_limits_default(&pt_site.limits);
	pt_site.limits.body_bytes = (size_t)pt_conf_int("limits", "body_bytes",
	    (long)pt_site.limits.body_bytes);
	pt_site.limits.fields = (size_t)pt_conf_int("limits", "fields", (long)pt_site.limits.fields);
	pt_site.limits.upload_bytes = (size_t)pt_conf_int("limits", "upload_bytes",
	    (long)pt_site.limits.upload_bytes);
	pt_site.limits.files = (size_t)pt_conf_int("limits", "files", (long)pt_site.limits.files);
	pt_site.limits.rich_value_bytes = (size_t)pt_conf_int("limits", "rich_value_bytes",
	    (long)pt_site.limits.rich_value_bytes);
	pt_site.files_dir = files_dir();
	pt_site.time_zone = pt_conf_str("site", "time_zone", "UTC");
	if (!pt_tz_known(pt_site.time_zone)) {
		pt_log(NULL, PT_LOG_WARN, "[site] time_zone %s is not a known zone; using UTC",
		    pt_site.time_zone);
		pt_site.time_zone = "UTC";
	}
}

const char *
pt_files_dir(void)
{
	return pt_site.files_dir != NULL ? pt_site.files_dir : files_dir();
}

int
pt_development(void)
{
	return pt_site.development;
}

/*
 * The views of error statuses; every other status has the view "error",
 * which says in plain words what its status means (error.status-<code>).
 */
static const struct {
	int		 status;
	const char	*view;
} error_views[] = {
	{ 403, "forbidden" }, { 404, "not-found" }, { 503, "unavailable" },
};

/*
 * An error answers with its page, never with a file a handler prepared
 * with pt_send_file before it failed: nginx would send the file for any
 * status as long as X-Accel-Redirect is there.
 */
static void
drop_download(struct pt_req *req)
{
	size_t i, j;

	for (i = j = 0; i < req->nheaders; i++)
		if (strcasecmp(req->headers[i].name, "X-Accel-Redirect") != 0 &&
		    strcasecmp(req->headers[i].name, "Content-Disposition") != 0)
			req->headers[j++] = req->headers[i];
	if (j != req->nheaders) {
		req->nheaders = j;
		req->body = NULL;
		req->body_len = 0;
		req->content_type_out = NULL;
	}
}

int
pt_error_page(struct pt_req *req, int status, const char *key)
{
	size_t i;

	req->status = status;
	req->view = "error";
	drop_download(req);
	for (i = 0; i < sizeof(error_views) / sizeof(error_views[0]); i++)
		if (error_views[i].status == status)
			req->view = error_views[i].view;
	if (key != NULL)
		pt_message(req, "error", key, NULL);
	return status;
}

/* Profile language, else the portico_lang cookie, else Accept-Language, else the default. */
static const char *
choose_lang(const struct pt_req *req)
{
	const char *const *langs;
	const char *c, *l;
	size_t n, i;

	langs = pt_languages(&n);
	if (n == 0)
		return "en";
	c = req->session.user != NULL ? req->session.user->lang : NULL;
	for (i = 0; c != NULL && i < n; i++)
		if (strcmp(c, langs[i]) == 0)
			return langs[i];
	c = pt_cookie(req, "portico_lang");
	for (i = 0; c != NULL && i < n; i++)
		if (strcmp(c, langs[i]) == 0)
			return langs[i];
	if ((l = pt_lang_negotiate(req->accept_language, langs, n)) != NULL)
		return l;
	c = pt_conf_str("site", "default_language", langs[0]);
	for (i = 0; i < n; i++)
		if (strcmp(c, langs[i]) == 0)
			return langs[i];
	return langs[0];
}

const char *
pt_allow(struct pt_req *req, int methods)
{
	const char *allow = "";

	if (methods & (1 << PT_GET))
		allow = "GET, HEAD";
	if (methods & (1 << PT_POST))
		allow = *allow != '\0' ? "GET, HEAD, POST" : "POST";
	return pt_header_add(req, "Allow", allow) == PT_OK ? allow : NULL;
}

/* 405 with the methods the path does answer (RFC 9110 §15.5.6). */
static int
method_not_allowed(struct pt_req *req, int methods)
{
	if (pt_allow(req, methods) == NULL)
		return PT_ENOMEM;
	return pt_error_page(req, 405, NULL);
}

static int
run_route(const struct pt_route *route, int path_known, struct pt_req *req)
{
	if (route == NULL)
		return path_known ? method_not_allowed(req, path_known) : pt_error_page(req, 404, NULL);
	if (req->method == PT_POST && !(route->flags & PT_R_NOCSRF) && !pt_csrf_ok(req)) {
		pt_log(req, PT_LOG_WARN, "CSRF token mismatch on %s", req->path);
		return pt_error_page(req, 403, "error.csrf");
	}
	if ((route->flags & PT_R_LOGIN || route->permission != NULL) && req->session.user == NULL) {
		if (req->method != PT_GET && req->method != PT_HEAD)
			return pt_error_page(req, 403, "error.login-required");
		/* A session cookie that no longer opens a session: say it expired. */
		return pt_redirect(req, pt_printf(req, "/auth/login?%snext=%s",
		    pt_cookie(req, "portico_session") != NULL ? "expired=1&" : "", req->path));
	}
	if (route->permission != NULL && !pt_can(req, route->permission))
		return pt_error_page(req, 403, NULL);
	return route->handler(req);
}

void
pt_dispatch(const struct pt_worker *w, const struct pt_router *router, struct pt_req *req)
{
	const struct pt_route *route;
	int path_known = 0, rc;

	(void)w;
	if (req->api) {
		pt_api_dispatch(router, req);
		return;
	}
	route = pt_router_match(router, req, &path_known);
	rc = pt_session_load(req);
	req->lang = choose_lang(req);
	if (pt_page_init(req) != PT_OK) {
		req->status = 500;
		return;
	}
	if (rc == PT_EDB)
		req->status = pt_error_page(req, 503, NULL);
	else if (rc != PT_OK)
		req->status = pt_error_page(req, 500, NULL);
	else
		req->status = run_route(route, path_known, req);
	if (pt_db_in_tx()) {
		pt_log(req, PT_LOG_ERROR, "handler left a transaction open; rolled back");
		pt_db_rollback(req);
	}
	/* Before the answer goes out: the next request on any process sees the change. */
	pt_session_publish(req);
	if (req->status == PT_EDB)
		req->status = pt_error_page(req, 503, NULL);
	else if (req->status == PT_EDUP)	/* a duplicate the handler did not expect */
		req->status = pt_error_page(req, 409, NULL);
	else if (req->status < 0)
		req->status = pt_error_page(req, 500, NULL);
	if (req->status >= 400 && req->view == NULL)
		req->status = pt_error_page(req, req->status, NULL);
}

/*
 * An answer for a request that could not be parsed: no route, but the
 * session when the cookies were read (pt_req_parse reads them before the
 * query and the body), so a signed-in user keeps their name, navigation
 * and language on the error page.  Only a read: nothing of the request is
 * acted on.
 */
void
pt_dispatch_refused(struct pt_req *req, int status)
{
	int rc = PT_OK;

	if (req->api) {
		pt_api_refused(req, status);
		return;
	}
	if (req->path == NULL)
		req->path = "/";
	if (req->cookies.n > 0)
		rc = pt_session_load(req);
	if (rc != PT_OK)
		memset(&req->session, 0, sizeof(req->session));
	req->lang = choose_lang(req);
	if (pt_page_init(req) != PT_OK) {
		req->status = 500;
		return;
	}
	pt_error_page(req, status, NULL);
}
