/*
 * Markdown bodies (pt_markdown): what editors write comes out as the
 * allow-listed XHTML (headings, emphasis, links, GFM tables, fenced
 * code), what an attacker writes does not (raw <script>, <img onerror>,
 * javascript: and data: links), and the bounds hold (a source over the
 * limit, deep nesting, invalid UTF-8).  Run under ASan: a leak of
 * cmark-gfm's allocations fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portico.h"
#include "tap.h"

static struct pt_req *req;

/* The XHTML of md, or "" when pt_markdown failed (the test then fails on content). */
static const char *
md(const char *s)
{
	const char *xhtml, *text;

	if (pt_markdown(req, s, strlen(s), 64 * 1024, &xhtml, &text) != PT_OK)
		return "";
	return xhtml;
}

#define has(hay, needle, name)	ok(strstr((hay), (needle)) != NULL, (name))
#define hasnt(hay, needle, name) ok(strstr((hay), (needle)) == NULL, (name))

static void
what_editors_write(void)
{
	const char *x, *text;

	x = md("# Resetting\n\n## Steps\n\n### Detail\n");
	has(x, "<h2>Resetting</h2>", "# becomes h2 (the page has the h1)");
	has(x, "<h2>Steps</h2>", "## is h2");
	has(x, "<h3>Detail</h3>", "### is h3");

	x = md("Some *emphasis*, **strong** and `code`.\n");
	is_str(x, "<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>",
	    "emphasis, strong, code");

	x = md("[the portal](https://portal.example/x) and [home](/kb) and <https://a.example>\n");
	has(x, "<a href=\"https://portal.example/x\" rel=\"noopener noreferrer\">the portal</a>",
	    "an https link");
	has(x, "<a href=\"/kb\">home</a>", "a local link");
	has(x, "<a href=\"https://a.example\" rel=\"noopener noreferrer\">https://a.example</a>",
	    "an autolink");
	x = md("See www.example.com today.\n");
	has(x, "href=\"http://www.example.com\"", "a GFM bare www autolink");

	x = md("| Plan | Price |\n|:-----|------:|\n| Basic | 10 |\n| Pro | 20 |\n");
	has(x, "<table>", "a GFM table");
	has(x, "<thead>", "with its head");
	has(x, "<th>Plan</th>", "header cells");
	has(x, "<td>Pro</td>", "body cells");
	hasnt(x, "align", "alignment attributes are not on the allow-list");

	x = md("```c\nint main(void) { return 1 < 2; }\n```\n");
	has(x, "<pre><code>int main(void) { return 1 &lt; 2; }\n</code></pre>", "fenced code, escaped");
	hasnt(x, "class=", "the language class is dropped");

	x = md("- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n---\n\n![logo](/kb/files/1/logo.png)\n");
	has(x, "<ul>", "a list");
	has(x, "<ol>", "a numbered list");
	has(x, "<blockquote>", "a quote");
	has(x, "<hr />", "a rule");
	has(x, "<img src=\"/kb/files/1/logo.png\" alt=\"logo\" />", "a local image");

	ok(pt_markdown(req, "Line *one*\n\nLine two\n", 21, 1024, &x, &text) == PT_OK,
	    "plain text too");
	is_str(text, "Line one\nLine two", "the plain text of the body");
}

static void
what_attackers_write(void)
{
	const char *x;

	x = md("<script>alert(1)</script>\n\nText\n");
	hasnt(x, "script", "a raw script block is removed");
	hasnt(x, "alert", "with its content");
	has(x, "<p>Text</p>", "the rest stays");
	x = md("Hello <img src=x onerror=alert(1)> there\n");
	hasnt(x, "onerror", "an inline img with onerror is removed");
	hasnt(x, "<img", "the raw img with it");
	x = md("<div onclick=\"alert(1)\">*x*</div>\n");
	hasnt(x, "onclick", "raw block HTML is removed");
	x = md("[click](javascript:alert(1)) [c2](JaVaScRiPt:alert(1)) [d](data:text/html;base64,PHNjcmlwdD4=)\n");
	hasnt(x, "javascript", "javascript: links refused");
	hasnt(x, "JaVaScRiPt", "in any case");
	hasnt(x, "data:", "data: links refused");
	hasnt(x, "<a", "the refused links lose the link");
	has(x, "click", "their text stays");
	x = md("![x](data:image/svg+xml;base64,PHN2Zz4=) ![y](javascript:alert(1))\n");
	hasnt(x, "data:", "data: images refused");
	hasnt(x, "<img", "refused images are removed");
	x = md("[a](<javascript&#58;alert(1)>) [b](&#x6a;avascript:alert(1))\n");
	hasnt(x, "javascript:", "entity-encoded javascript: refused");
	x = md("<a href=\"https://ok.example\" onmouseover=\"alert(1)\">x</a>\n");
	hasnt(x, "onmouseover", "raw inline links are removed");
	x = md("[x](https://ok.example \"t\\\" onclick=\\\"alert(1)\")\n");
	hasnt(x, "onclick=\"", "a title cannot break out into an attribute");
	has(x, "title=\"t&quot; onclick=&quot;alert(1)\"", "it stays inside the title");
}

static void
bounds(void)
{
	const char *x, *t;
	char *big, *deep;
	size_t i, n = 200;

	is_int(pt_markdown(req, "0123456789abcdef!", 17, 16, &x, &t), PT_ELIMIT,
	    "a source over the limit: PT_ELIMIT");
	ok(x == NULL && t == NULL, "and no result");
	is_int(pt_markdown(req, "*\xff\xfe*", 4, 1024, &x, &t), PT_EINVAL, "invalid UTF-8: PT_EINVAL");
	is_int(pt_markdown(req, "a\0b", 3, 1024, &x, &t), PT_EINVAL, "a NUL byte: PT_EINVAL");
	is_int(pt_markdown(req, NULL, 0, 1024, &x, &t), PT_EINVAL, "NULL: PT_EINVAL");
	is_int(pt_markdown(req, "", 0, 1024, &x, &t), PT_OK, "empty: PT_OK");

	/* 200 nested quotes: deeper than the sanitiser takes. */
	deep = calloc(n * 2 + 2, 1);
	for (i = 0; i < n; i++)
		memcpy(deep + i * 2, "> ", 2);
	deep[n * 2] = 'x';
	is_int(pt_markdown(req, deep, strlen(deep), 64 * 1024, &x, &t), PT_ELIMIT,
	    "nesting deeper than 64: PT_ELIMIT");
	free(deep);

	/* 2 MB of table cells: refused before cmark-gfm sees it. */
	big = malloc(2 * 1024 * 1024 + 1);
	for (i = 0; i < 2 * 1024 * 1024; i++)
		big[i] = "|a\n"[i % 3];
	big[2 * 1024 * 1024] = '\0';
	is_int(pt_markdown(req, big, strlen(big), 200 * 1024, &x, &t), PT_ELIMIT,
	    "a 2 MB source with a 200 KB limit: PT_ELIMIT");
	/* Just under the limit: rendered, and what grows is bounded too. */
	big[200 * 1024] = '\0';
	ok(pt_markdown(req, big, strlen(big), 200 * 1024, &x, &t) == PT_OK,
	    "200 KB of table-like lines render");
	free(big);
}

int
main(void)
{
	if ((req = pt_req_new("test")) == NULL)
		return 1;
	what_editors_write();
	what_attackers_write();
	bounds();
	pt_req_free(req);
	return done_testing();
}
