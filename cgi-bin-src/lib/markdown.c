/*
 * Markdown for article bodies: CommonMark with GitHub's tables and
 * autolinks, by cmark-gfm, turned into the same allow-listed XHTML as a
 * body typed as HTML.
 *
 * cmark-gfm renders in its safe mode (no CMARK_OPT_UNSAFE): raw HTML in
 * the source becomes a comment and javascript:, vbscript:, file: and most
 * data: link targets become empty.  That is a first line only: its output
 * then goes through pt_sanitize() like any other body, so what is stored,
 * previewed and shown is decided by the one allow-list of sanitize.c.
 * cmark-gfm allocates with malloc; everything it returns is freed here and
 * only the sanitiser's result (in the arena) leaves this file.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <libxml/xmlstring.h>

#include "extern.h"

/* The GFM extensions an editor may use; the allow-list has no home for others (del, input). */
static const char *const extensions[] = { "table", "autolink" };

/*
 * The HTML cmark-gfm makes of md[0..len) (malloc'd, the caller frees it),
 * or NULL when out of memory or an extension is missing.
 */
static char *
render_html(const char *md, size_t len)
{
	cmark_parser *parser;
	cmark_node *doc = NULL;
	char *html = NULL;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	if ((parser = cmark_parser_new(CMARK_OPT_DEFAULT)) == NULL)
		return NULL;
	for (i = 0; i < PT_NELEM(extensions); i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);

		if (ext == NULL || !cmark_parser_attach_syntax_extension(parser, ext))
			goto done;
	}
	cmark_parser_feed(parser, md, len);
	if ((doc = cmark_parser_finish(parser)) == NULL)
		goto done;
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
done:
	if (doc != NULL)
		cmark_node_free(doc);
	cmark_parser_free(parser);
	return html;
}

int
pt_markdown(struct pt_req *req, const char *md, size_t len, size_t max_bytes,
    const char **xhtml, const char **text)
{
	char *copy, *html;
	int rc;

	*xhtml = *text = NULL;
	if (md == NULL)
		return PT_EINVAL;
	if (len > max_bytes)
		return PT_ELIMIT;
	/* xmlCheckUTF8 reads up to a NUL: a bounded copy that ends in one. */
	if ((copy = pt_alloc(req, len + 1)) == NULL)
		return PT_ENOMEM;
	memcpy(copy, md, len);
	copy[len] = '\0';
	if (memchr(md, '\0', len) != NULL || !xmlCheckUTF8((const xmlChar *)copy))
		return PT_EINVAL;
	if ((html = render_html(md, len)) == NULL)
		return PT_ENOMEM;
	rc = pt_sanitize(req, html, strlen(html), max_bytes * PT_MARKDOWN_GROWTH, xhtml, text);
	free(html);
	return rc;
}
