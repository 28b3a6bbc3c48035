/*
 * Rendering: the page tree to HTML through the view's stylesheet, or to XML
 * for ?format=xml.  Stylesheets are parsed once per process and cached by
 * view.  Each view is wrapped so the configured theme is imported after it
 * and wins by import precedence; theme designers override named templates
 * and never touch a view.  Loading is done with the network off and file
 * writes forbidden.
 */
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
};

static struct view views[MAX_VIEWS];
static size_t nviews;
static int render_dev;		/* development: re-read changed stylesheets and catalogues */
static char xslt_dir[PATH_BYTES / 2];
static char theme_name[64];
static xsltSecurityPrefsPtr security;

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

static int
view_load(struct view *v, const char *rel)
{
	char wrapper[2 * PATH_BYTES], base[PATH_BYTES + 16];
	xsltStylesheetPtr style;
	xmlDocPtr doc;
	struct stat st;
	int n;

	/* Remember the attempt, so a broken file is retried only once it changes. */
	v->mtime = newest_mtime(v);
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
	if ((style = xsltParseStylesheetDoc(doc)) == NULL || style->errors > 0) {
		/*
		 * libxslt may hand back a half-built stylesheet whose free
		 * crashes (xsltFreeKeys); it is left alone.  The mtime above
		 * keeps this from happening again until the file is fixed.
		 */
		pt_log(NULL, PT_LOG_ERROR, "stylesheet %s does not compile", v->files[0]);
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

/* The view's stylesheet: "<worker>/<view>.xsl", else the shared "common/<view>.xsl". */
static struct view *
view_get(const char *worker, const char *name)
{
	char key[128], rel[128];
	struct view *v = NULL;
	struct stat st;
	size_t i;

	snprintf(key, sizeof(key), "%s/%s", worker, name);
	for (i = 0; i < nviews; i++)
		if (strcmp(views[i].key, key) == 0) {
			v = &views[i];
			break;
		}
	if (v != NULL) {
		/* Loaded or failed before: reload only in development, and only on change. */
		if (pt_site.development && newest_mtime(v) != v->mtime) {
			if (view_load(v, v->rel) != PT_OK && v->style != NULL)
				pt_log(NULL, PT_LOG_WARN, "keeping the old %s after a failed reload",
				    key);
			/* Kept pages were made with what was there before. */
			pt_pagecache_invalidate();
		}
		return v->style != NULL ? v : NULL;
	}
	if (nviews == MAX_VIEWS)
		return NULL;
	v = &views[nviews++];
	snprintf(v->key, sizeof(v->key), "%s", key);
	snprintf(rel, sizeof(rel), "%s", key);
	snprintf(v->files[0], PATH_BYTES, "%s/%s.xsl", xslt_dir, rel);
	if (stat(v->files[0], &st) != 0) {
		snprintf(rel, sizeof(rel), "common/%s", name);
		snprintf(v->files[0], PATH_BYTES, "%s/%s.xsl", xslt_dir, rel);
	}
	snprintf(v->files[1], PATH_BYTES, "%s/layout.xsl", xslt_dir);
	snprintf(v->files[2], PATH_BYTES, "%s/themes/%s/theme.xsl", xslt_dir, theme_name);
	v->nfiles = 3;
	snprintf(v->rel, sizeof(v->rel), "%s", rel);
	return view_load(v, v->rel) == PT_OK ? v : NULL;
}

int
pt_render_init(const char *dir, const char *theme, int development)
{
	render_dev = development;
	if ((size_t)snprintf(xslt_dir, sizeof(xslt_dir), "%s", dir) >= sizeof(xslt_dir) ||
	    (size_t)snprintf(theme_name, sizeof(theme_name), "%s", theme) >= sizeof(theme_name) ||
	    strpbrk(theme, "/\\\".<>&") != NULL)
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
	size_t i;

	for (i = 0; i < nviews; i++)
		if (views[i].style != NULL)
			xsltFreeStylesheet(views[i].style);
	memset(views, 0, sizeof(views));
	nviews = 0;
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
 * the site's).  Absolute times only; render_html allows relative ones.
 */
static void
reader_of(const struct pt_req *req, struct pt_reader *r)
{
	r->lang = req->lang;
	r->zone = req->session.user != NULL ? req->session.user->time_zone : pt_site.time_zone;
	r->relative = 0;
	r->now = time(NULL);
}

static int
render_html(struct pt_req *req, struct view *v)
{
	xsltTransformContextPtr ctxt;
	xmlDocPtr result;
	int rc = PT_EINVAL;

	struct pt_reader reader;

	reader_of(req, &reader);
	/* Only a signed-in reader's page is never kept: only it may say "3 hours ago". */
	reader.relative = req->session.user != NULL && !req->cache_keep;
	if ((ctxt = xsltNewTransformContext(v->style, req->doc)) == NULL)
		return PT_ENOMEM;
	ctxt->_private = &reader;
	result = xsltApplyStylesheetUser(v->style, req->doc, NULL, NULL, NULL, ctxt);
	if (result != NULL && ctxt->state == XSLT_STATE_OK)
		rc = serialise(req, result);
	if (rc != PT_OK)
		pt_log(req, PT_LOG_ERROR, "transform of %s failed", v->key);
	xmlFreeDoc(result);
	xsltFreeTransformContext(ctxt);
	return rc;
}

/*
 * A page the page cache keeps is rendered with a stand-in for the CSRF
 * token, so that the kept copy holds no visitor's token; the cache puts
 * the real one back before the page goes out.
 */
static void
csrf_placeholder(struct pt_req *req)
{
	const char *ph = pt_pagecache_placeholder(req);
	xmlNodePtr n;

	for (n = req->page->children; ph != NULL && n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "session"))
			xmlSetProp(n, BAD_CAST "csrf", BAD_CAST ph);
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
	if ((v = view_get(req->worker, req->view)) == NULL)
		return PT_EINVAL;
	if (pt_site.development)
		pt_i18n_refresh();
	csrf_placeholder(req);
	if ((rc = render_html(req, v)) != PT_OK)
		return rc;
	return pt_pagecache_store(req);
}

void
pt_render_refresh(const char *worker, const char *view)
{
	(void)view_get(worker, view);
	pt_i18n_refresh();
}

static int preload_ok = 1;

int
pt_render_preload(const char *worker, const char *const *names, size_t n)
{
	size_t i;
	int ok = 1;

	for (i = 0; i < n; i++)
		if (view_get(worker, names[i]) == NULL)
			ok = 0;
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
	return preload_ok;
}

int
pt_render_view(struct pt_req *req, const char *view)
{
	req->view = view;
	return pt_render(req);
}

/*
 * Documents that are not pages (mails): a stylesheet by its own path under
 * the xslt dir, without the theme wrapper.  Cached like the views; the file
 * and the layout.xsl next to it are watched in development.
 */
static struct view *
doc_style(const char *rel)
{
	char key[128], dir[PATH_BYTES];
	struct view *v = NULL;
	xsltStylesheetPtr style;
	struct stat st;
	size_t i;
	char *slash;

	if (strstr(rel, "..") != NULL || rel[0] == '/' ||
	    (size_t)snprintf(key, sizeof(key), "=%s", rel) >= sizeof(key))
		return NULL;
	for (i = 0; i < nviews; i++)
		if (strcmp(views[i].key, key) == 0) {
			v = &views[i];
			break;
		}
	if (v == NULL) {
		if (nviews == MAX_VIEWS)
			return NULL;
		v = &views[nviews++];
		snprintf(v->key, sizeof(v->key), "%s", key);
		snprintf(v->rel, sizeof(v->rel), "%s", rel);
		snprintf(v->files[0], PATH_BYTES, "%s/%s", xslt_dir, rel);
		snprintf(dir, sizeof(dir), "%s", v->files[0]);
		if ((slash = strrchr(dir, '/')) != NULL)
			*slash = '\0';
		snprintf(v->files[1], PATH_BYTES, "%.*s/layout.xsl", PATH_BYTES - 12, dir);
		v->nfiles = 2;
	} else if (v->style != NULL && (!render_dev || newest_mtime(v) == v->mtime))
		return v;
	else if (v->style == NULL && newest_mtime(v) == v->mtime)
		return NULL;	/* failed before and unchanged */
	v->mtime = newest_mtime(v);
	if (stat(v->files[0], &st) != 0) {
		pt_log(NULL, PT_LOG_ERROR, "no stylesheet %s", v->files[0]);
		return NULL;
	}
	style = xsltParseStylesheetFile(BAD_CAST v->files[0]);
	if (style == NULL || style->errors > 0) {
		/* As in view_load: a half-built stylesheet is left alone. */
		pt_log(NULL, PT_LOG_ERROR, "stylesheet %s does not compile", v->files[0]);
		return v->style != NULL ? v : NULL;
	}
	if (v->style != NULL)
		xsltFreeStylesheet(v->style);
	v->style = style;
	watch_all(v, 2, style);
	return v;
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
	if ((v = doc_style(rel)) == NULL)
		return PT_EINVAL;
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
