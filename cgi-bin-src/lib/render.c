/*
 * Rendering: the page tree to HTML through the view's stylesheet, or to XML
 * for ?format=xml.  Stylesheets are parsed once per process and cached by
 * view.  Each view is wrapped so the configured theme is imported after it
 * and wins by import precedence; theme designers override named templates
 * and never touch a view.  Mails get the same theme.xsl after their own
 * stylesheet.  Loading is done with the network off and file writes
 * forbidden.
 *
 * What libxml2 and libxslt say while a stylesheet is parsed (file, line,
 * what is wrong) is logged; in development it is also the page shown, as
 * long as the stylesheet stays broken, so a theme designer never looks at
 * an old look believing it new.  In development the [site] theme of the
 * config file is followed too: edit it, reload the page.
 */
#include <stdarg.h>
#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extern.h"

#define MAX_VIEWS 64
#define MAX_WATCHED 16	/* files of one stylesheet watched in development */
#define PATH_BYTES 1024
#define ERRORS_BYTES 4096	/* what one failed load said, kept for the log and the page */

/*
 * A cached stylesheet.  files[] are watched in development: the first
 * three (view, layout, theme; for a mail: the file and the layout next to
 * it) are known before parsing, so a stylesheet that failed to compile is
 * retried when one of them changes; after a successful parse the list
 * also holds every file it imports or includes, at any depth.
 */
struct view {
	char			 key[128];	/* "auth/login" */
	char			 rel[128];	/* the file, relative to the xslt dir, without .xsl */
	char			 files[MAX_WATCHED][PATH_BYTES];
	size_t			 nfiles;
	time_t			 mtime;		/* newest of files[] when last loaded */
	xsltStylesheetPtr	 style;
	char			*error;		/* the last load failed: what the parsers said (malloc) */
};

static struct view views[MAX_VIEWS];
static size_t nviews;
static int render_dev;		/* development: re-read changed stylesheets and catalogues */
static char xslt_dir[PATH_BYTES / 2];
static char theme_name[64];
static xsltSecurityPrefsPtr security;
static char load_errors[ERRORS_BYTES];
static size_t load_errors_len;

static void
xml_free(void *p)
{
	xmlFree(p);
}

static time_t
newest_mtime(const struct view *v)
{
	struct stat st;
	time_t newest = 0;
	size_t i;

	for (i = 0; i < v->nfiles; i++)
		if (stat(v->files[i], &st) == 0 && st.st_mtime > newest)
			newest = st.st_mtime;
	return newest;
}

static void
watch_file(struct view *v, const xmlChar *url)
{
	size_t i;

	if (url == NULL || strstr((const char *)url, "://") != NULL)
		return;		/* only plain paths: we load with the network off */
	for (i = 0; i < v->nfiles; i++)
		if (strcmp(v->files[i], (const char *)url) == 0)
			return;
	if (v->nfiles == MAX_WATCHED) {
		pt_log(NULL, PT_LOG_WARN, "%s: more than %d files, %s not watched", v->key,
		    MAX_WATCHED, (const char *)url);
		return;
	}
	if ((size_t)snprintf(v->files[v->nfiles], PATH_BYTES, "%s", (const char *)url) < PATH_BYTES)
		v->nfiles++;
}

/*
 * Add the files a compiled stylesheet was made of: its own document, the
 * documents it included (libxslt keeps them on docList) and, recursively,
 * what it imported.
 */
static void
watch_style(struct view *v, xsltStylesheetPtr style)
{
	xsltDocumentPtr d;
	xsltStylesheetPtr imp;

	if (style->doc != NULL)
		watch_file(v, style->doc->URL);
	for (d = style->docList; d != NULL; d = d->next)
		if (d->doc != NULL)
			watch_file(v, d->doc->URL);
	for (imp = style->imports; imp != NULL; imp = imp->next)
		watch_style(v, imp);
}

/* After a successful parse: the known files first, then all the parts. */
static void
watch_all(struct view *v, size_t nknown, xsltStylesheetPtr style)
{
	v->nfiles = nknown;
	watch_style(v, style);
	v->mtime = newest_mtime(v);
}

/* libxml2's and libxslt's error callback while a stylesheet is parsed: collect. */
static void __attribute__((format(printf, 2, 3)))
collect_error(void *ctx, const char *fmt, ...)
{
	va_list ap;
	int n;

	(void)ctx;
	if (load_errors_len >= sizeof(load_errors) - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(load_errors + load_errors_len, sizeof(load_errors) - load_errors_len, fmt, ap);
	va_end(ap);
	if (n > 0)
		load_errors_len += (size_t)n;
	if (load_errors_len > sizeof(load_errors) - 1)
		load_errors_len = sizeof(load_errors) - 1;
}

/*
 * Log what the failed load of v said, a line each (file and line are in
 * them), leaving out libxml2's excerpt lines that only point with "^".
 */
static void
log_errors(const struct view *v)
{
	const char *p = v->error, *nl;
	int n = 0;

	pt_log(NULL, PT_LOG_ERROR, "stylesheet %s does not compile", v->files[0]);
	for (; p != NULL && *p != '\0' && n < 20; p = nl != NULL ? nl + 1 : NULL) {
		size_t len;

		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (strspn(p, " \t^") >= len)
			continue;
		pt_log(NULL, PT_LOG_ERROR, "%s: %.*s", v->key, (int)len, p);
		n++;
	}
}

static int
view_load(struct view *v, const char *rel)
{
	char wrapper[2 * PATH_BYTES], base[PATH_BYTES + 16];
	xsltStylesheetPtr style = NULL;
	xmlDocPtr doc;
	struct stat st;
	int n;

	/* Remember the attempt, so a broken file is retried only once it changes. */
	v->mtime = newest_mtime(v);
	free(v->error);
	v->error = NULL;
	if (stat(v->files[0], &st) != 0) {
		pt_log(NULL, PT_LOG_ERROR, "no stylesheet %s", v->files[0]);
		return PT_ENOTFOUND;
	}
	n = snprintf(wrapper, sizeof(wrapper),
	    "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	    "<xsl:import href=\"%s.xsl\"/><xsl:import href=\"themes/%s/theme.xsl\"/>"
	    "</xsl:stylesheet>", rel, theme_name);
	if (n < 0 || (size_t)n >= sizeof(wrapper))
		return PT_ELIMIT;
	snprintf(base, sizeof(base), "%s/wrapper.xsl", xslt_dir);
	if ((doc = xmlReadMemory(wrapper, n, base, "UTF-8", XML_PARSE_NONET)) == NULL)
		return PT_EINVAL;
	load_errors_len = 0;
	load_errors[0] = '\0';
	xmlSetGenericErrorFunc(NULL, collect_error);
	xsltSetGenericErrorFunc(NULL, collect_error);
	style = xsltParseStylesheetDoc(doc);
	xmlSetGenericErrorFunc(NULL, NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	if (style == NULL || style->errors > 0) {
		/*
		 * libxslt may hand back a half-built stylesheet whose free
		 * crashes (xsltFreeKeys); it is left alone.  The mtime above
		 * keeps this from happening again until the file is fixed.
		 */
		v->error = strdup(load_errors_len > 0 ? load_errors : "the stylesheet does not compile");
		log_errors(v);
		if (style == NULL)
			xmlFreeDoc(doc);
		return PT_EINVAL;
	}
	if (v->style != NULL)
		xsltFreeStylesheet(v->style);
	v->style = style;
	watch_all(v, 3, style);
	return PT_OK;
}

/*
 * A cached stylesheet by key, made on first use: rel (relative to the xslt
 * dir, without .xsl) with the theme after it; the layout.xsl it imports is
 * watched too.  In development a changed file is re-read.  NULL only when
 * the table is full; v->style is NULL while it does not compile.
 */
static struct view *
style_get(const char *key, const char *rel, const char *layout)
{
	struct view *v = NULL;
	size_t i;

	for (i = 0; i < nviews; i++)
		if (strcmp(views[i].key, key) == 0) {
			v = &views[i];
			break;
		}
	if (v != NULL) {
		/* Loaded or failed before: reload only in development, and only on change. */
		if (render_dev && newest_mtime(v) != v->mtime) {
			(void)view_load(v, v->rel);
			/* Kept pages were made with what was there before. */
			pt_pagecache_invalidate();
		}
		return v;
	}
	if (nviews == MAX_VIEWS)
		return NULL;
	v = &views[nviews++];
	snprintf(v->key, sizeof(v->key), "%s", key);
	snprintf(v->rel, sizeof(v->rel), "%s", rel);
	snprintf(v->files[0], PATH_BYTES, "%s/%s.xsl", xslt_dir, rel);
	snprintf(v->files[1], PATH_BYTES, "%s", layout);
	snprintf(v->files[2], PATH_BYTES, "%s/themes/%s/theme.xsl", xslt_dir, theme_name);
	v->nfiles = 3;
	(void)view_load(v, v->rel);
	return v;
}

/* The view's stylesheet: "<worker>/<view>.xsl", else the shared "common/<view>.xsl". */
static struct view *
view_get(const char *worker, const char *name)
{
	char key[128], rel[128], path[PATH_BYTES], layout[PATH_BYTES];
	struct stat st;

	if ((size_t)snprintf(key, sizeof(key), "%s/%s", worker, name) >= sizeof(key))
		return NULL;
	snprintf(rel, sizeof(rel), "%s", key);
	snprintf(path, sizeof(path), "%s/%s.xsl", xslt_dir, rel);
	if (stat(path, &st) != 0)
		snprintf(rel, sizeof(rel), "common/%s", name);
	snprintf(layout, sizeof(layout), "%s/layout.xsl", xslt_dir);
	return style_get(key, rel, layout);
}

/* A theme name is a directory name under themes/: no path, no markup. */
static int
theme_valid(const char *theme)
{
	return *theme != '\0' && strlen(theme) < sizeof(theme_name) &&
	    strpbrk(theme, "/\\\".<>&' ") == NULL;
}

static void
forget_all(void)
{
	size_t i;

	for (i = 0; i < nviews; i++) {
		if (views[i].style != NULL)
			xsltFreeStylesheet(views[i].style);
		free(views[i].error);
	}
	memset(views, 0, sizeof(views));
	nviews = 0;
}

/*
 * Development: follow [site] theme of the config file.  When the file
 * changed and names another theme, every stylesheet is made again with
 * it, the theme's catalogues are merged, and kept pages are outdated.
 */
static void
follow_theme(void)
{
	static struct stat seen;
	const char *path = pt_conf_path();
	char name[sizeof(theme_name)];
	struct stat st;

	if (!render_dev || path == NULL || stat(path, &st) != 0)
		return;
	if (st.st_ino == seen.st_ino && st.st_size == seen.st_size &&
	    st.st_mtim.tv_sec == seen.st_mtim.tv_sec && st.st_mtim.tv_nsec == seen.st_mtim.tv_nsec)
		return;
	seen = st;
	if (pt_conf_peek(path, "site", "theme", name, sizeof(name)) != PT_OK)
		snprintf(name, sizeof(name), "default");
	if (strcmp(name, theme_name) == 0)
		return;
	if (!theme_valid(name)) {
		pt_log(NULL, PT_LOG_WARN, "[site] theme '%s' in %s is not a theme name; keeping %s",
		    name, path, theme_name);
		return;
	}
	pt_log(NULL, PT_LOG_INFO, "theme %s (changed in %s)", name, path);
	snprintf(theme_name, sizeof(theme_name), "%s", name);
	pt_site.theme = theme_name;
	forget_all();
	(void)pt_i18n_theme(xslt_dir, theme_name);
	pt_pagecache_invalidate();
}

const char *
pt_render_theme(void)
{
	follow_theme();
	return pt_site.theme;
}

int
pt_render_init(const char *dir, const char *theme, int development)
{
	render_dev = development;
	if ((size_t)snprintf(xslt_dir, sizeof(xslt_dir), "%s", dir) >= sizeof(xslt_dir) ||
	    !theme_valid(theme))
		return PT_EINVAL;
	snprintf(theme_name, sizeof(theme_name), "%s", theme);
	if (pt_i18n_theme(xslt_dir, theme_name) != PT_OK)
		return PT_EINVAL;
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	exsltRegisterAll();
	pt_time_register();
	if (security == NULL) {
		security = xsltNewSecurityPrefs();
		xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
		xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
		xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
		xsltSetDefaultSecurityPrefs(security);
	}
	return PT_OK;
}

void
pt_render_free(void)
{
	forget_all();
	xsltSetDefaultSecurityPrefs(NULL);
	xsltFreeSecurityPrefs(security);
	security = NULL;
	pt_tz_free();
}

static int
render_xml(struct pt_req *req)
{
	xmlChar *out = NULL;
	int len = 0;

	xmlDocDumpMemoryEnc(req->doc, &out, &len, "UTF-8");
	if (out == NULL || pt_arena_defer(req->arena, xml_free, out) != PT_OK) {
		xmlFree(out);
		return PT_ENOMEM;
	}
	req->body = (const char *)out;
	req->body_len = (size_t)len;
	req->content_type_out = "application/xml; charset=utf-8";
	return PT_OK;
}

/*
 * Serialise the HTML result.  libxml2's HTML serialiser looks every tag and
 * attribute up in its tables with case-insensitive compares, which cost
 * more than the transform itself; the XHTML-aware XML serialiser writes the
 * same markup (void elements as <br />, empty elements as <p></p>, which
 * HTML parsers read alike) at a fraction of the cost.  XML_SAVE_NO_XHTML
 * keeps libxml2 from switching XHTML mode off again because our doctype
 * (about:legacy-compat) is not an XHTML one.
 */
static int
serialise(struct pt_req *req, xmlDocPtr result)
{
	xmlBufferPtr buf = xmlBufferCreateSize(8192);
	xmlSaveCtxtPtr save;
	char *out;
	int rc = PT_EINVAL;

	if (buf == NULL)
		return PT_ENOMEM;
	save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_AS_XML | XML_SAVE_XHTML |
	    XML_SAVE_NO_XHTML);
	if (save != NULL && xmlSaveDoc(save, result) >= 0 && xmlSaveFlush(save) >= 0 &&
	    (out = pt_arena_strndup(req->arena, (const char *)xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf))) != NULL) {
		req->body = out;
		req->body_len = (size_t)xmlBufferLength(buf);
		req->content_type_out = "text/html; charset=utf-8";
		rc = PT_OK;
	}
	if (save != NULL)
		xmlSaveClose(save);
	xmlBufferFree(buf);
	return rc;
}

/*
 * Who reads the page: language and time zone (the signed-in user's, else
 * the one the request names, a mail's recipient's, else the site's).
 * Absolute times only; render_html allows relative ones.
 */
static void
reader_of(const struct pt_req *req, struct pt_reader *r)
{
	r->lang = req->lang;
	r->zone = req->session.user != NULL ? req->session.user->time_zone :
	    req->time_zone != NULL ? req->time_zone : pt_site.time_zone;
	r->relative = 0;
	r->now = time(NULL);
	r->turns = NULL;
}

static int
render_html(struct pt_req *req, struct view *v)
{
	xsltTransformContextPtr ctxt;
	xmlDocPtr result;
	int rc = PT_EINVAL;

	struct pt_reader reader;
	time_t turns = 0;

	reader_of(req, &reader);
	/*
	 * Only a signed-in reader's page may say "3 hours ago": one that is
	 * not kept, or kept for them alone until the first such text turns.
	 * A page kept for many says when it was, absolutely.
	 */
	reader.relative = req->session.user != NULL && (!req->cache_keep || req->cache_personal);
	if (req->cache_keep)
		reader.turns = &turns;
	if ((ctxt = xsltNewTransformContext(v->style, req->doc)) == NULL)
		return PT_ENOMEM;
	ctxt->_private = &reader;
	result = xsltApplyStylesheetUser(v->style, req->doc, NULL, NULL, NULL, ctxt);
	if (result != NULL && ctxt->state == XSLT_STATE_OK)
		rc = serialise(req, result);
	if (turns != 0)
		pt_pagecache_until(req, turns);
	if (rc != PT_OK)
		pt_log(req, PT_LOG_ERROR, "transform of %s failed", v->key);
	xmlFreeDoc(result);
	xsltFreeTransformContext(ctxt);
	return rc;
}

/*
 * Development: the page for a stylesheet that does not compile, made
 * without any stylesheet (the broken one may be the layout or the theme):
 * status 500 and what libxml2 and libxslt said, file and line included.
 */
static int
error_page(struct pt_req *req, const struct view *v)
{
	const char *title = pt_i18n_get(req->lang, "error.stylesheet.title");
	const char *text = pt_i18n_get(req->lang, "error.stylesheet.text");
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr html, head, body, main;
	int rc;

	if (title == NULL)
		title = "A stylesheet does not compile";
	if (text == NULL)
		text = "Fix the file named below and reload the page. What libxml2 and libxslt said:";
	if (doc == NULL)
		return PT_ENOMEM;
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, BAD_CAST "about:legacy-compat");
	html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
	xmlDocSetRootElement(doc, html);
	xmlSetProp(html, BAD_CAST "lang", BAD_CAST(req->lang != NULL ? req->lang : "en"));
	head = xmlNewChild(html, NULL, BAD_CAST "head", NULL);
	xmlSetProp(xmlNewChild(head, NULL, BAD_CAST "meta", NULL), BAD_CAST "charset",
	    BAD_CAST "utf-8");
	xmlNewTextChild(head, NULL, BAD_CAST "title", BAD_CAST title);
	xmlSetProp(xmlNewChild(head, NULL, BAD_CAST "link", NULL), BAD_CAST "rel",
	    BAD_CAST "stylesheet");
	xmlSetProp(head->last, BAD_CAST "href", BAD_CAST "/static/css/portico.css");
	body = xmlNewChild(html, NULL, BAD_CAST "body", NULL);
	main = xmlNewChild(body, NULL, BAD_CAST "main", NULL);
	xmlSetProp(main, BAD_CAST "class", BAD_CAST "container stylesheet-error");
	xmlNewTextChild(main, NULL, BAD_CAST "h1", BAD_CAST title);
	xmlNewTextChild(main, NULL, BAD_CAST "p", BAD_CAST text);
	xmlNewTextChild(main, NULL, BAD_CAST "pre", BAD_CAST v->error);
	rc = serialise(req, doc);
	xmlFreeDoc(doc);
	if (rc == PT_OK)
		req->status = 500;
	return rc;
}

int
pt_render(struct pt_req *req)
{
	struct view *v;
	int rc;

	/* A handler that built its own body (a download) is answered with it as it is. */
	if (req->body != NULL && req->content_type_out != NULL)
		return PT_OK;
	pt_page_finish(req);
	if (req->want_xml)
		return render_xml(req);
	follow_theme();
	if ((v = view_get(req->worker, req->view)) == NULL)
		return PT_EINVAL;
	if (render_dev && v->error != NULL)
		return error_page(req, v);
	if (v->style == NULL)
		return PT_EINVAL;
	if (render_dev)
		pt_i18n_refresh();
	pt_pagecache_mask(req);
	if ((rc = render_html(req, v)) != PT_OK)
		return rc;
	return pt_pagecache_store(req);
}

void
pt_render_refresh(const char *worker, const char *view)
{
	follow_theme();
	(void)view_get(worker, view);
	pt_i18n_refresh();
}

static int preload_ok = 1;

int
pt_render_preload(const char *worker, const char *const *names, size_t n)
{
	size_t i;
	int ok = 1;

	for (i = 0; i < n; i++) {
		struct view *v = view_get(worker, names[i]);

		if (v == NULL || v->style == NULL)
			ok = 0;
	}
	return ok ? PT_OK : PT_EINVAL;
}

void
pt_render_mark_broken(void)
{
	preload_ok = 0;
}

int
pt_render_ready(void)
{
	struct view *v;
	size_t i;

	if (preload_ok || !render_dev)
		return preload_ok;
	/* Development: a fixed file makes the health check well again without a restart. */
	follow_theme();
	for (i = 0; i < nviews; i++)
		if (access(views[i].files[0], R_OK) == 0 &&
		    (v = style_get(views[i].key, views[i].rel, views[i].files[1]))->error != NULL)
			return 0;
	preload_ok = 1;
	return 1;
}

int
pt_render_view(struct pt_req *req, const char *view)
{
	req->view = view;
	return pt_render(req);
}

/*
 * Documents that are not pages (mails): a stylesheet by its own path under
 * the xslt dir, with the theme imported after it as for the views; the
 * layout.xsl next to it is watched too in development.
 */
static struct view *
doc_style(const char *rel)
{
	char key[128], stem[128], layout[PATH_BYTES];
	size_t len = strlen(rel);
	const char *slash;

	if (strstr(rel, "..") != NULL || rel[0] == '/' || len < 5 ||
	    strcmp(rel + len - 4, ".xsl") != 0 ||
	    (size_t)snprintf(key, sizeof(key), "=%s", rel) >= sizeof(key))
		return NULL;
	snprintf(stem, sizeof(stem), "%.*s", (int)(len - 4), rel);
	slash = strrchr(rel, '/');
	snprintf(layout, sizeof(layout), "%s/%.*slayout.xsl", xslt_dir,
	    slash != NULL ? (int)(slash - rel + 1) : 0, rel);
	return style_get(key, stem, layout);
}

static void
doc_free(void *p)
{
	xmlFreeDoc(p);
}

int
pt_render_doc(struct pt_req *req, const char *rel, xmlDocPtr in, xmlDocPtr *out)
{
	struct pt_reader reader;
	xsltTransformContextPtr ctxt;
	xmlDocPtr result;
	struct view *v;

	*out = NULL;
	follow_theme();
	if ((v = doc_style(rel)) == NULL)
		return PT_EINVAL;
	if (v->style == NULL)
		/* There but not compiling (itself, its layout or the theme): the installation's fault. */
		return access(v->files[0], R_OK) == 0 ? PT_ESYS : PT_EINVAL;
	if (render_dev)
		pt_i18n_refresh();
	reader_of(req, &reader);
	if ((ctxt = xsltNewTransformContext(v->style, in)) == NULL)
		return PT_ENOMEM;
	ctxt->_private = &reader;
	result = xsltApplyStylesheetUser(v->style, in, NULL, NULL, NULL, ctxt);
	if (result == NULL || ctxt->state != XSLT_STATE_OK) {
		pt_log(req, PT_LOG_ERROR, "transform of %s failed", rel);
		xmlFreeDoc(result);
		xsltFreeTransformContext(ctxt);
		return PT_EINVAL;
	}
	xsltFreeTransformContext(ctxt);
	if (pt_arena_defer(req->arena, doc_free, result) != PT_OK) {
		xmlFreeDoc(result);
		return PT_ENOMEM;
	}
	*out = result;
	return PT_OK;
}
