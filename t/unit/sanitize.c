/*
 * The rich-text sanitiser against the XSS payload list
 * (fixtures/xss/payloads.txt): for every payload the output holds only
 * allow-listed elements and attributes, no event handler, no URL with a
 * scheme other than http, https or mailto, parses as XML, and sanitises
 * to itself.  Then what editors need survives intact, and the bounds hold.
 * Run under ASan: a leak or an overflow fails.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portico.h"
#include "tap.h"

static const char *const allowed_elems[] = {
	"h2", "h3", "h4", "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul",
	"ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tr", "th", "td",
	"a", "img", NULL
};

static const struct {
	const char *elem, *attr;
} allowed_attrs[] = {
	{ "a", "href" }, { "a", "title" }, { "a", "class" }, { "a", "rel" },
	{ "img", "src" }, { "img", "alt" }, { "img", "title" }, { "img", "width" },
	{ "img", "height" }, { "th", "scope" }, { "th", "colspan" }, { "th", "rowspan" },
	{ "td", "colspan" }, { "td", "rowspan" },
};

static int
elem_ok(const char *name)
{
	size_t i;

	for (i = 0; allowed_elems[i] != NULL; i++)
		if (strcmp(allowed_elems[i], name) == 0)
			return 1;
	return 0;
}

static int
attr_ok(const char *elem, const char *attr)
{
	size_t i;

	for (i = 0; i < PT_NELEM(allowed_attrs); i++)
		if (strcmp(allowed_attrs[i].elem, elem) == 0 && strcmp(allowed_attrs[i].attr, attr) == 0)
			return 1;
	return 0;
}

/* A URL as a browser would act on it: lower case, without white space and controls. */
static int
url_ok(const char *v)
{
	char norm[4096];
	size_t j = 0;

	for (; *v != '\0' && j + 1 < sizeof(norm); v++)
		if ((unsigned char)*v > 0x20 && *v != 0x7f)
			norm[j++] = (char)tolower((unsigned char)*v);
	norm[j] = '\0';
	if (strstr(norm, "javascript:") != NULL || strstr(norm, "vbscript:") != NULL ||
	    strstr(norm, "data:") != NULL)
		return 0;
	return strncmp(norm, "https://", 8) == 0 || strncmp(norm, "http://", 7) == 0 ||
	    strncmp(norm, "mailto:", 7) == 0 ||
	    (norm[0] == '/' && norm[1] != '/' && norm[1] != '\\');
}

/* Every element and attribute under n is allowed; *why says what was not. */
static int
tree_ok(xmlNodePtr n, char *why, size_t whysz)
{
	for (; n != NULL; n = n->next) {
		xmlAttrPtr a;

		if (n->type == XML_TEXT_NODE)
			continue;
		if (n->type != XML_ELEMENT_NODE) {
			snprintf(why, whysz, "node of type %d", (int)n->type);
			return 0;
		}
		if (!elem_ok((const char *)n->name)) {
			snprintf(why, whysz, "element %s", n->name);
			return 0;
		}
		for (a = n->properties; a != NULL; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			int good = attr_ok((const char *)n->name, (const char *)a->name) &&
			    strncasecmp((const char *)a->name, "on", 2) != 0 && v != NULL;

			if (good && (strcmp((const char *)a->name, "href") == 0 ||
			    strcmp((const char *)a->name, "src") == 0))
				good = url_ok((const char *)v);
			if (good && strcmp((const char *)a->name, "class") == 0)
				good = strcmp((const char *)v, "video") == 0;
			if (!good)
				snprintf(why, whysz, "attribute %s=\"%s\" on %s", a->name,
				    v != NULL ? (const char *)v : "", n->name);
			xmlFree(v);
			if (!good)
				return 0;
		}
		if (!tree_ok(n->children, why, whysz))
			return 0;
	}
	return 1;
}

/* Decode the escapes of the payload file in place; returns the length. */
static size_t
unescape(char *s)
{
	char *d = s, *p = s;

	while (*p != '\0') {
		if (*p != '\\' || p[1] == '\0') {
			*d++ = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case 't': *d++ = '\t'; p++; break;
		case 'n': *d++ = '\n'; p++; break;
		case 'r': *d++ = '\r'; p++; break;
		case '\\': *d++ = '\\'; p++; break;
		case 'x':
			if (isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
				char hex[3] = { p[1], p[2], '\0' };

				*d++ = (char)strtol(hex, NULL, 16);
				p += 3;
				break;
			}
			/* FALLTHROUGH */
		default:
			*d++ = '\\';
		}
	}
	*d = '\0';
	return (size_t)(d - s);
}

/* One hostile payload: every property the sanitiser promises. */
static void
check_payload(struct pt_req *req, const char *payload, size_t len, int lineno)
{
	const char *xhtml, *text, *again, *text2;
	char name[160], why[512] = "";
	xmlDocPtr doc;
	xmlNodePtr body;
	int rc, good;

	rc = pt_sanitize(req, payload, len, 64 * 1024, &xhtml, &text);
	snprintf(name, sizeof(name), "payload line %d: sanitised", lineno);
	if (!ok(rc == PT_OK && xhtml != NULL && text != NULL, name)) {
		printf("#   rc %d for: %s\n", rc, payload);
		return;
	}
	doc = xmlNewDoc(BAD_CAST "1.0");
	body = xmlNewDocNode(doc, NULL, BAD_CAST "body", NULL);
	xmlDocSetRootElement(doc, body);
	rc = pt_xhtml_append(req, body, xhtml);
	snprintf(name, sizeof(name), "payload line %d: output is well-formed XML", lineno);
	ok(rc == PT_OK, name);
	good = rc == PT_OK && tree_ok(body->children, why, sizeof(why));
	snprintf(name, sizeof(name), "payload line %d: only allowed markup and URLs", lineno);
	if (!ok(good, name))
		printf("#   %s\n#   in:  %s\n#   out: %s\n", why, payload, xhtml);
	xmlFreeDoc(doc);

	rc = pt_sanitize(req, xhtml, strlen(xhtml), 64 * 1024, &again, &text2);
	snprintf(name, sizeof(name), "payload line %d: idempotent", lineno);
	if (!ok(rc == PT_OK && strcmp(again, xhtml) == 0 && strcmp(text, text2) == 0, name))
		printf("#   first:  %s\n#   second: %s\n", xhtml, rc == PT_OK ? again : "(failed)");
}

static int
payloads(struct pt_req *req)
{
	const char *src = getenv("PT_SRCDIR");
	char path[1024], line[8192];
	FILE *f;
	int lineno = 0, n = 0;

	snprintf(path, sizeof(path), "%s/t/unit/fixtures/xss/payloads.txt", src != NULL ? src : ".");
	if ((f = fopen(path, "r")) == NULL) {
		ok(0, "payload file opens");
		printf("#   %s\n", path);
		return 0;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		size_t len = strlen(line);

		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		len = unescape(line);
		check_payload(req, line, len, lineno);
		pt_req_reset(req);
		n++;
	}
	fclose(f);
	return n;
}

static void
same(struct pt_req *req, const char *in, const char *want, const char *name)
{
	const char *xhtml = NULL, *text = NULL;
	int rc = pt_sanitize(req, in, strlen(in), 64 * 1024, &xhtml, &text);

	if (rc != PT_OK)
		printf("#   rc %d\n", rc);
	is_str(xhtml, want, name);
}

static void
positive(struct pt_req *req)
{
	const char *xhtml, *text;
	const char *article =
	    "<h2>Reset the device</h2>\n"
	    "<p>Hold <strong>power</strong> and <em>reset</em> for <code>10 s</code>.</p>\n"
	    "<h3>Steps</h3>\n"
	    "<ol><li>Unplug it.</li><li>Wait.</li></ol>\n"
	    "<ul><li>One</li><li>Two <a href=\"/kb/articles/7\">see also</a></li></ul>\n"
	    "<h4>Reference</h4>\n"
	    "<table><thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Value</th></tr></thead>"
	    "<tbody><tr><td>a</td><td colspan=\"2\">b</td></tr></tbody></table>\n"
	    "<pre>line 1\n  line 2 &lt;tag&gt; &amp;</pre>\n"
	    "<blockquote><p>Quoted.</p></blockquote>\n"
	    "<dl><dt>Term</dt><dd>Definition</dd></dl>\n"
	    "<p><img src=\"/kb/files/5/diagram.png\" alt=\"Diagram\" width=\"400\" height=\"300\" /><br />"
	    "<img src=\"https://cdn.example.com/x.png\" alt=\"\" /></p>\n"
	    "<p><a href=\"https://www.youtube.com/watch?v=abc\" class=\"video\" rel=\"noopener noreferrer\">"
	    "Video</a> <a href=\"mailto:help@example.com\">mail us</a></p>\n"
	    "<hr />\n"
	    "<p>Umlaute: äöü ß – “quotes” €</p>";

	ok(pt_sanitize(req, article, strlen(article), 64 * 1024, &xhtml, &text) == PT_OK,
	    "a full article sanitises");
	is_str(xhtml, article, "headings, lists, tables, code, links, images and video survive intact");
	ok(text != NULL && strstr(text, "Reset the device\nHold power and reset for 10 s.\nSteps") != NULL,
	    "plain text separates blocks with newlines");
	ok(text != NULL && strstr(text, "<strong>") == NULL && strstr(text, "<a ") == NULL &&
	    strstr(text, "line 2 <tag> &") != NULL, "plain text has no markup, text decoded");
	ok(text != NULL && strstr(text, "Key\nValue") != NULL, "every cell is its own line");
	ok(text != NULL && strstr(text, "Umlaute: äöü ß") != NULL, "UTF-8 text kept");

	same(req, "<h1>Title</h1>", "<h2>Title</h2>", "h1 is demoted to h2");
	same(req, "<h5>a</h5><h6>b</h6>", "<h4>a</h4>\n<h4>b</h4>", "h5 and h6 become h4");
	same(req, "<b>bold</b> and <i>italic</i>", "<p><strong>bold</strong> and <em>italic</em></p>",
	    "b and i become strong and em; loose text gets a paragraph");
	same(req, "<div><span>a</span> <font color=red>b</font> <u>c</u></div>", "<p>a b c</p>",
	    "span, div, font and u are unwrapped");
	same(req, "<a href=\"https://example.com/x?a=1&amp;b=2\">x</a>",
	    "<p><a href=\"https://example.com/x?a=1&amp;b=2\" rel=\"noopener noreferrer\">x</a></p>",
	    "external links get rel=noopener noreferrer");
	same(req, "<a href=\"/kb/\" rel=\"opener\">x</a>", "<p><a href=\"/kb/\">x</a></p>",
	    "local links get no rel; a given rel is dropped");
	same(req, "<a href=\"https://evil.example/\" class=\"video\">v</a>",
	    "<p><a href=\"https://evil.example/\" rel=\"noopener noreferrer\">v</a></p>",
	    "class video only for video hosts");
	same(req, "<a href=\"https://vimeo.com/1\" class=\"big video\">v</a>",
	    "<p><a href=\"https://vimeo.com/1\" rel=\"noopener noreferrer\">v</a></p>",
	    "no other class value");
	same(req, "<a href=\"javascript:alert(1)\">x</a>", "<p>x</p>",
	    "a link with a bad URL is unwrapped, its text kept");
	same(req, "<img src=\"javascript:alert(1)\" alt=\"x\">", "", "an image with a bad src is dropped");
	same(req, "<img src=\"http://example.com/a.png\">", "", "images only over https or local");
	same(req, "<a href=\"  /kb/x \">x</a>", "<p><a href=\"/kb/x\">x</a></p>",
	    "white space around a URL is removed");
	same(req, "<script>alert(1)</script><style>p{}</style><p>after</p>", "<p>after</p>",
	    "script and style are dropped with their content");
	same(req, "<ul><li>a</li>b<li>c</li></ul>", "<ul><li>a</li><li>b</li><li>c</li></ul>",
	    "loose text in a list gets an item");
	same(req, "<table><td>x</td></table>", "<table><tr><td>x</td></tr></table>",
	    "loose cells get a row");
	same(req, "<p>a<!-- comment -->b</p>", "<p>ab</p>", "comments are dropped");
	same(req, "<p>&lt;script&gt;</p>", "<p>&lt;script&gt;</p>", "escaped markup stays text");
	same(req, "", "", "empty input, empty output");
	same(req, "<th scope=\"evil\" colspan=\"0\" rowspan=\"3\">h</th>", "<p>h</p>",
	    "cells outside a table are unwrapped");
	same(req, "<table><tr><th scope=\"evil\" colspan=\"0\" rowspan=\"3\">h</th></tr></table>",
	    "<table><tr><th rowspan=\"3\">h</th></tr></table>", "bad attribute values are dropped");
}

static void
bounds(struct pt_req *req)
{
	const char *xhtml, *text;
	char *deep, *big;
	size_t i, n;
	xmlDocPtr doc;
	xmlNodePtr body;

	is_int(pt_sanitize(req, "<p>0123456789</p>", 17, 16, &xhtml, &text), PT_ELIMIT,
	    "input over max_bytes: PT_ELIMIT");
	ok(xhtml == NULL && text == NULL, "no output on failure");
	/* 20 bytes of & grow to 100 escaped: the output is bounded too. */
	is_int(pt_sanitize(req, "&&&&&&&&&&&&&&&&&&&&", 20, 30, &xhtml, &text), PT_ELIMIT,
	    "output over max_bytes: PT_ELIMIT");
	is_int(pt_sanitize(req, "<p>\xff\xfe</p>", 9, 1024, &xhtml, &text), PT_EINVAL,
	    "invalid UTF-8: PT_EINVAL");
	is_int(pt_sanitize(req, NULL, 0, 1024, &xhtml, &text), PT_EINVAL, "NULL: PT_EINVAL");

	n = 5000;
	deep = malloc(n * 5 + 1);
	for (i = 0; i < n; i++)
		memcpy(deep + i * 5, "<div>", 5);
	deep[n * 5] = '\0';
	is_int(pt_sanitize(req, deep, n * 5, 1 << 20, &xhtml, &text), PT_ELIMIT,
	    "5000 nested elements: PT_ELIMIT");
	for (i = 0; i < 40; i++)
		memcpy(deep + i * 5, "<div>", 5);
	memcpy(deep + 40 * 5, "x", 2);
	is_int(pt_sanitize(req, deep, strlen(deep), 1 << 20, &xhtml, &text), PT_OK,
	    "40 nested elements are fine");
	free(deep);

	big = malloc(300001);
	for (i = 0; i < 300000; i++)
		big[i] = "<p>x</p>"[i % 8];
	big[300000] = '\0';
	is_int(pt_sanitize(req, big, 300000, 1 << 20, &xhtml, &text), PT_OK, "300 KB of paragraphs");
	free(big);

	doc = xmlNewDoc(BAD_CAST "1.0");
	body = xmlNewDocNode(doc, NULL, BAD_CAST "body", NULL);
	xmlDocSetRootElement(doc, body);
	is_int(pt_xhtml_append(req, body, "<p>unclosed"), PT_EINVAL, "xhtml_append: broken XML is PT_EINVAL");
	is_int(pt_xhtml_append(req, body, "<p>&nbsp;</p>"), PT_EINVAL, "xhtml_append: no HTML entities");
	is_int(pt_xhtml_append(req, body, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>"),
	    PT_EINVAL, "xhtml_append: no DTD smuggled in");
	is_int(pt_xhtml_append(req, body, ""), PT_OK, "xhtml_append: empty body");
	is_int(pt_xhtml_append(req, body, NULL), PT_OK, "xhtml_append: NULL body");
	ok(body->children == NULL, "nothing appended on failure");
	is_int(pt_xhtml_append(req, body, "<p>a</p>\n<p>b <em>c</em></p>"), PT_OK, "xhtml_append works");
	ok(body->children != NULL && strcmp((const char *)body->children->name, "p") == 0 &&
	    body->last != NULL && strcmp((const char *)body->last->name, "p") == 0,
	    "nodes appended in order");
	xmlFreeDoc(doc);

	is_int(pt_sanitize(req, "<p>a\x01" "b</p>", 10, 1024, &xhtml, &text), PT_OK, "control bytes");
	is_str(xhtml, "<p>ab</p>", "control bytes are removed");
}

int
main(void)
{
	struct pt_req *req = pt_req_new("test");
	int n;

	n = payloads(req);
	ok(n >= 60, "at least 60 payloads");
	pt_req_reset(req);
	positive(req);
	pt_req_reset(req);
	bounds(req);
	pt_req_free(req);
	xmlCleanupParser();
	return done_testing();
}
