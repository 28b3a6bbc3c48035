/*
 * Rendering: catalogue lookups in the page's language, escaping of user
 * text, theme precedence, the shared common/ views, ?format=xml, the
 * development-mode reload of a changed stylesheet, the error page that
 * names file and line of a broken one, the theme's own catalogue, and
 * mails that carry the theme.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "extern.h"
#include "tap.h"

static char dir[1024];

static struct pt_req *
page(const char *lang, const char *view)
{
	struct pt_req *req = pt_req_new("test");

	req->lang = lang;
	req->path = "/t";
	pt_page_init(req);
	pt_node(req->page, "user", "<script>alert('x')</script>");
	req->view = view;
	req->status = 200;
	return req;
}

static char *
render(const char *lang, const char *view, int xml)
{
	struct pt_req *req = page(lang, view);
	char *out = NULL;

	req->want_xml = xml;
	if (pt_render(req) == PT_OK)
		out = strndup(req->body, req->body_len);
	pt_req_free(req);
	return out;
}

static void
copy_tree(const char *from, const char *to)
{
	char cmd[4200];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && cp -R '%s' '%s'", to, from, to);
	if (system(cmd) != 0)
		exit(99);
}

/* Give path an mtime secs in the future, so a reload must notice the change. */
static void
touch_later(const char *path, int secs)
{
	struct timeval later[2];

	gettimeofday(&later[0], NULL);
	later[0].tv_sec += secs;
	later[1] = later[0];
	utimes(path, later);
}

static void
write_later(const char *d, const char *rel, int secs, const char *text)
{
	char path[1200];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", d, rel);
	if ((f = fopen(path, "w")) == NULL)
		exit(99);
	fputs(text, f);
	fclose(f);
	touch_later(path, secs);
}

int
main(void)
{
	static const char *const langs[] = { "en", "de" };
	const char *src = getenv("PT_SRCDIR");
	char tmpl[] = "/tmp/pt-render-XXXXXX", path[1200], *html;
	struct pt_req *req;
	xmlDocPtr mail, out;
	xmlChar *dump;
	int len;

	snprintf(path, sizeof(path), "%s/t/unit/fixtures/xslt", src != NULL ? src : ".");
	if (mkdtemp(tmpl) == NULL)
		return 99;
	snprintf(dir, sizeof(dir), "%s/xslt", tmpl);
	copy_tree(path, dir);

	pt_site.theme = "plain";
	pt_site.development = 1;
	is_int(pt_i18n_load(dir, langs, 2), PT_OK, "catalogues load");
	is_int(pt_render_init(dir, "plain", 1), PT_OK, "renderer starts");
	is_str(pt_i18n_get("en", "about"), "About Testsite, Testsite.", "{site} is the site name");
	is_int(pt_render_preload("test", (const char *const[]){ "hello", "not-found" }, 2), PT_OK,
	    "views preload");
	ok(pt_render_ready(), "ready after preload");

	html = render("en", "hello", 0);
	ok(html != NULL, "renders");
	ok(strncmp(html, "<!DOCTYPE html", 14) == 0, "HTML5 doctype (legacy-compat form)");
	ok(strstr(html, "<html") != NULL && strstr(html, " lang=\"en\"") != NULL, "lang attribute");
	ok(strstr(html, "<title>Test page</title>") != NULL, "catalogue text in the head");
	ok(strstr(html, "<h1>Hello</h1>") != NULL, "catalogue text in the view");
	ok(strstr(html, "&lt;script&gt;") != NULL && strstr(html, "<script>") == NULL,
	    "user text escaped");
	ok(strstr(html, "no.such.key") != NULL, "missing key shows the key");
	ok(strstr(html, "layout-logo") != NULL, "layout's named template by default");
	ok(strstr(html, "<span class=\"empty\"></span>") != NULL,
	    "an empty element keeps its end tag (HTML parsers need it)");
	ok(strstr(html, "<br />") != NULL || strstr(html, "<br/>") != NULL, "a void element closes itself");
	ok(strstr(html, "<?xml") == NULL, "no XML declaration in HTML");
	free(html);

	html = render("de", "hello", 0);
	ok(html != NULL && strstr(html, "<h1>Grüß Gott</h1>") != NULL, "German catalogue");
	ok(strstr(html, " lang=\"de\"") != NULL, "German lang attribute");
	free(html);

	html = render("en", "not-found", 0);
	ok(html != NULL && strstr(html, "common not found") != NULL, "common/ view as fallback");
	free(html);

	html = render("en", "hello", 1);
	ok(html != NULL && strncmp(html, "<?xml", 5) == 0 && strstr(html, "view=\"hello\"") != NULL,
	    "?format=xml gives the page tree");
	free(html);

	ok(render("en", "no-such-view", 0) == NULL, "unknown view fails cleanly");

	/* Development: a changed stylesheet is re-read on the next render. */
	write_later(dir, "test/hello.xsl", 5, "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	    "<xsl:import href=\"../layout.xsl\"/><xsl:template match=\"page\" mode=\"content\">"
	    "<p>changed</p></xsl:template></xsl:stylesheet>");
	html = render("en", "hello", 0);
	ok(html != NULL && strstr(html, "<p>changed</p>") != NULL, "changed view reloaded");
	free(html);

	/* ... and so is a file the view includes (a *-common.xsl), and the layout. */
	write_later(dir, "test/parts-common.xsl", 10, "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template name=\"part\">"
	    "<p>part one</p></xsl:template></xsl:stylesheet>");
	write_later(dir, "test/hello.xsl", 10, "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	    "<xsl:import href=\"../layout.xsl\"/><xsl:include href=\"parts-common.xsl\"/>"
	    "<xsl:template match=\"page\" mode=\"content\"><xsl:call-template name=\"part\"/>"
	    "</xsl:template></xsl:stylesheet>");
	html = render("en", "hello", 0);
	ok(html != NULL && strstr(html, "<p>part one</p>") != NULL, "view with an include");
	free(html);
	write_later(dir, "test/parts-common.xsl", 20, "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template name=\"part\">"
	    "<p>part two</p></xsl:template></xsl:stylesheet>");
	html = render("en", "hello", 0);
	ok(html != NULL && strstr(html, "<p>part two</p>") != NULL,
	    "changed included stylesheet reloaded");
	free(html);
	snprintf(path, sizeof(path), "sed -i 's/layout-logo/layout-changed/' '%s/layout.xsl'", dir);
	if (system(path) != 0)
		return 99;
	snprintf(path, sizeof(path), "%s/layout.xsl", dir);
	touch_later(path, 30);
	html = render("en", "hello", 0);
	ok(html != NULL && strstr(html, "layout-changed") != NULL, "changed layout reloaded");
	free(html);

	/* A theme that is not well-formed: the page names file and line, not the old look. */
	write_later(dir, "themes/plain/theme.xsl", 40, "<?xml version=\"1.0\"?>\n"
	    "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
	    "  <xsl:template name=\"theme-logo\"><b>broken</xsl:template>\n"
	    "</xsl:stylesheet>\n");
	req = page("en", "hello");
	is_int(pt_render(req), PT_OK, "a broken theme gives a page in development");
	is_int(req->status, 500, "... with status 500");
	html = strndup(req->body, req->body_len);
	snprintf(path, sizeof(path), "%s/themes/plain/theme.xsl:3:", dir);
	ok(strstr(html, path) != NULL, "... naming the file and the line");
	ok(strstr(html, "layout-changed") == NULL, "... and not the old look");
	free(html);
	pt_req_free(req);
	pt_render_mark_broken();	/* as a worker start with this theme does */
	is_int(pt_render_ready(), 0, "the health check says broken while the theme is");
	/* Compiles as XML, fails as XSLT: libxslt's message names file and line as well. */
	write_later(dir, "themes/plain/theme.xsl", 50, "<?xml version=\"1.0\"?>\n"
	    "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
	    "\n  <xsl:template name=\"theme-logo\"><xsl:value-of select=\"((\"/></xsl:template>\n"
	    "</xsl:stylesheet>\n");
	html = render("en", "hello", 0);
	snprintf(path, sizeof(path), "%s/themes/plain/theme.xsl line 4", dir);
	ok(html != NULL && strstr(html, path) != NULL, "an XSLT compile error names file and line");
	free(html);
	write_later(dir, "themes/plain/theme.xsl", 60, "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>");
	html = render("en", "hello", 0);
	ok(html != NULL && strstr(html, "layout-changed") != NULL, "the fixed theme is used again");
	free(html);
	is_int(pt_render_ready(), 1, "... and the health check is well again, without a restart");
	pt_render_free();

	/* The theme is imported after the view: its templates win. */
	is_int(pt_render_init(dir, "loud", 0), PT_OK, "renderer with another theme");
	html = render("en", "hello", 0);
	ok(html != NULL && strstr(html, "loud-logo") != NULL && strstr(html, "layout-logo") == NULL,
	    "theme overrides the layout's named template");
	ok(html != NULL && strstr(html, "<title>Loud page</title>") != NULL,
	    "the theme's catalogue overrides a key");
	is_str(pt_i18n_get("en", "about"), "About Loudsite, Loudsite.",
	    "{site} is the theme's site name");
	free(html);
	html = render("de", "hello", 0);
	ok(html != NULL && strstr(html, "<title>Testseite</title>") != NULL,
	    "a language the theme has no catalogue for keeps the main one");
	free(html);

	/* Mails: the theme's named templates, variables and keys reach them too. */
	req = page("en", "hello");
	mail = xmlReadMemory("<mail/>", 7, "mail.xml", "UTF-8", 0);
	is_int(pt_render_doc(req, "mail/note.xsl", mail, &out), PT_OK, "a mail renders");
	xmlDocDumpMemory(out, &dump, &len);
	ok(dump != NULL && strstr((char *)dump, "loud-brand Shout") != NULL,
	    "the mail has the theme's template and key");
	ok(dump != NULL && strstr((char *)dump, "colour=\"#ff0000\"") != NULL,
	    "the theme's variable wins in the mail");
	ok(dump != NULL && strstr((char *)dump, "<p>Loud page</p>") != NULL,
	    "the mail's own text from the theme's catalogue");
	xmlFree(dump);
	xmlFreeDoc(mail);
	pt_req_free(req);
	pt_render_free();

	/* Production: a broken theme fails the preload (health says 503); no page is made. */
	write_later(dir, "themes/loud/theme.xsl", 70, "<xsl:stylesheet version=\"1.0\" "
	    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><oops></xsl:stylesheet>");
	pt_site.development = 0;
	is_int(pt_render_init(dir, "loud", 0), PT_OK, "renderer with a broken theme");
	ok(pt_render_preload("test", (const char *const[]){ "hello" }, 1) != PT_OK,
	    "the preload fails");
	ok(render("en", "hello", 0) == NULL, "no page from a broken theme in production");
	/* The mailer keeps a mail the theme cannot render for the fix; a missing one it gives up. */
	req = page("en", "hello");
	mail = xmlReadMemory("<mail/>", 7, "mail.xml", "UTF-8", 0);
	is_int(pt_render_doc(req, "mail/note.xsl", mail, &out), PT_ESYS,
	    "a mail under a broken theme: PT_ESYS (the installation's fault)");
	is_int(pt_render_doc(req, "mail/none.xsl", mail, &out), PT_EINVAL,
	    "a mail whose stylesheet is missing: PT_EINVAL");
	xmlFreeDoc(mail);
	pt_req_free(req);
	ok(pt_render_init(dir, "../evil", 0) != PT_OK, "a theme name cannot leave the xslt dir");
	pt_render_free();
	pt_i18n_free();

	snprintf(path, sizeof(path), "rm -rf '%s'", tmpl);
	if (system(path) != 0)
		return 99;
	return done_testing();
}
