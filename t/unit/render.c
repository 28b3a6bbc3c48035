/*
 * Rendering: catalogue lookups in the page's language, escaping of user
 * text, theme precedence, the shared common/ views, ?format=xml, and the
 * development-mode reload of a changed stylesheet.
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

	snprintf(path, sizeof(path), "%s/t/unit/fixtures/xslt", src != NULL ? src : ".");
	if (mkdtemp(tmpl) == NULL)
		return 99;
	snprintf(dir, sizeof(dir), "%s/xslt", tmpl);
	copy_tree(path, dir);

	pt_site.theme = "plain";
	pt_site.development = 1;
	is_int(pt_i18n_load(dir, langs, 2), PT_OK, "catalogues load");
	is_int(pt_render_init(dir, "plain", 1), PT_OK, "renderer starts");
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
	pt_render_free();

	/* The theme is imported after the view: its templates win. */
	is_int(pt_render_init(dir, "loud", 0), PT_OK, "renderer with another theme");
	html = render("en", "hello", 0);
	ok(html != NULL && strstr(html, "loud-logo") != NULL && strstr(html, "layout-logo") == NULL,
	    "theme overrides the layout's named template");
	free(html);
	ok(pt_render_init(dir, "../evil", 0) != PT_OK, "a theme name cannot leave the xslt dir");
	pt_render_free();
	pt_i18n_free();

	snprintf(path, sizeof(path), "rm -rf '%s'", tmpl);
	if (system(path) != 0)
		return 99;
	return done_testing();
}
