/*
 * Rich text: the allow-list sanitiser for article bodies, and the way a
 * stored body joins a page.
 *
 * pt_sanitize() parses what an editor typed with libxml2's HTML parser (as
 * forgiving as a browser about broken markup), then builds a new XML tree
 * from it: only the elements and attributes of the tables below are ever
 * created, with names taken from the tables, never from the input.  What is
 * not allowed is either dropped with its content (the dangerous elements)
 * or unwrapped (anything else: its children are kept).  URLs are decoded by
 * the parser, normalised the way browsers do (C0 controls and white space
 * removed) and then checked against a scheme allow-list.  A simple content
 * model (phrasing inside paragraphs, items inside lists, rows inside
 * tables) keeps the output stable: sanitising it again gives it back
 * unchanged, which the unit test checks for every payload.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include "extern.h"

/* Deeper input than this is not an article: PT_ELIMIT. */
#define SAN_MAX_DEPTH	64
#define SAN_ATTR_BYTES	1000	/* longest title/alt kept */
#define SAN_URL_BYTES	2000	/* longest URL kept */

/* What an element may contain. */
enum san_ctx {
	CTX_ROOT,	/* the body: blocks; loose phrasing goes into an implied <p> */
	CTX_FLOW,	/* blocks and phrasing: li, dd, td, th, blockquote */
	CTX_PHRASE,	/* phrasing only: p, h2-h4, dt, caption, pre, strong, em, code, a */
	CTX_LIST,	/* li only; anything else goes into an implied <li> */
	CTX_DLIST,	/* dt, dd; anything else goes into an implied <dd> */
	CTX_TABLE,	/* caption, thead, tbody, tr; cells get an implied <tr> */
	CTX_TSECT,	/* tr; cells get an implied <tr> */
	CTX_TROW,	/* th, td */
	CTX_VOID	/* br, hr, img: no content */
};

/* What an element is, for the context it appears in. */
enum san_cat { CAT_BLOCK, CAT_PHRASE, CAT_LI, CAT_DTDD, CAT_TPART, CAT_TR, CAT_CELL };

enum san_attr_kind { A_TEXT, A_HREF, A_SRC, A_CLASS, A_SCOPE, A_SPAN, A_SIZE };

struct san_attr {
	const char		*name;
	enum san_attr_kind	 kind;
};

static const struct san_attr attrs_a[] = { { "href", A_HREF }, { "title", A_TEXT },
	{ "class", A_CLASS }, { NULL, A_TEXT } };
static const struct san_attr attrs_img[] = { { "src", A_SRC }, { "alt", A_TEXT },
	{ "title", A_TEXT }, { "width", A_SIZE }, { "height", A_SIZE }, { NULL, A_TEXT } };
static const struct san_attr attrs_th[] = { { "scope", A_SCOPE }, { "colspan", A_SPAN },
	{ "rowspan", A_SPAN }, { NULL, A_TEXT } };
static const struct san_attr attrs_td[] = { { "colspan", A_SPAN }, { "rowspan", A_SPAN },
	{ NULL, A_TEXT } };

/* The allow-list: input name → output name, its category, its content, its attributes. */
struct san_elem {
	const char		*in;
	const char		*out;
	enum san_cat		 cat;
	enum san_ctx		 ctx;
	int			 block_text;	/* separates its text from the next in the plain text */
	const struct san_attr	*attrs;
};

static const struct san_elem elems[] = {
	{ "h1", "h2", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "h2", "h2", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "h3", "h3", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "h4", "h4", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "h5", "h4", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "h6", "h4", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "p", "p", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "pre", "pre", CAT_BLOCK, CTX_PHRASE, 1, NULL },
	{ "blockquote", "blockquote", CAT_BLOCK, CTX_FLOW, 1, NULL },
	{ "hr", "hr", CAT_BLOCK, CTX_VOID, 1, NULL },
	{ "ul", "ul", CAT_BLOCK, CTX_LIST, 1, NULL },
	{ "ol", "ol", CAT_BLOCK, CTX_LIST, 1, NULL },
	{ "li", "li", CAT_LI, CTX_FLOW, 1, NULL },
	{ "dl", "dl", CAT_BLOCK, CTX_DLIST, 1, NULL },
	{ "dt", "dt", CAT_DTDD, CTX_PHRASE, 1, NULL },
	{ "dd", "dd", CAT_DTDD, CTX_FLOW, 1, NULL },
	{ "table", "table", CAT_BLOCK, CTX_TABLE, 1, NULL },
	{ "caption", "caption", CAT_TPART, CTX_PHRASE, 1, NULL },
	{ "thead", "thead", CAT_TPART, CTX_TSECT, 1, NULL },
	{ "tbody", "tbody", CAT_TPART, CTX_TSECT, 1, NULL },
	{ "tfoot", "tbody", CAT_TPART, CTX_TSECT, 1, NULL },
	{ "tr", "tr", CAT_TR, CTX_TROW, 1, NULL },
	{ "th", "th", CAT_CELL, CTX_FLOW, 1, attrs_th },
	{ "td", "td", CAT_CELL, CTX_FLOW, 1, attrs_td },
	{ "strong", "strong", CAT_PHRASE, CTX_PHRASE, 0, NULL },
	{ "b", "strong", CAT_PHRASE, CTX_PHRASE, 0, NULL },
	{ "em", "em", CAT_PHRASE, CTX_PHRASE, 0, NULL },
	{ "i", "em", CAT_PHRASE, CTX_PHRASE, 0, NULL },
	{ "code", "code", CAT_PHRASE, CTX_PHRASE, 0, NULL },
	{ "kbd", "code", CAT_PHRASE, CTX_PHRASE, 0, NULL },
	{ "tt", "code", CAT_PHRASE, CTX_PHRASE, 0, NULL },
	{ "a", "a", CAT_PHRASE, CTX_PHRASE, 0, attrs_a },
	{ "img", "img", CAT_PHRASE, CTX_VOID, 0, attrs_img },
	{ "br", "br", CAT_PHRASE, CTX_VOID, 1, NULL },
};

/* Dropped with everything inside: active content, forms, foreign markup, document-level tags. */
static const char *const dropped[] = {
	"applet", "area", "audio", "base", "basefont", "bgsound", "button", "canvas", "datalist",
	"dialog", "embed", "fieldset", "form", "frame", "frameset", "head", "iframe", "image",
	"input", "isindex", "keygen", "layer", "link", "listing", "map", "marquee", "math", "meta",
	"noembed", "noframes", "noscript", "object", "optgroup", "option", "output", "param",
	"plaintext", "portal", "script", "select", "slot", "source", "style", "svg", "template",
	"textarea", "title", "track", "video", "xml", "xmp", "ilayer", "menu", "menuitem",
};

/* Hosts a link with class="video" may point at (https only), besides local paths. */
static const char *const video_hosts[] = {
	"www.youtube.com", "youtube.com", "youtu.be", "www.youtube-nocookie.com",
	"vimeo.com", "player.vimeo.com",
};

/* A growing string on the C heap; sticky failure flag. */
struct san_buf {
	char	*p;
	size_t	 len, cap;
	int	 oom;
	int	 sep;		/* pending separator of the plain text: 0, 1 space, 2 newline */
};

struct san {
	xmlDocPtr	 out;
	struct san_buf	 text;
	int		 rc;
};

static void
buf_add(struct san_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap == 0 ? 1024 : b->cap;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->p, cap)) == NULL) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Plain text: runs of white space become one space, block boundaries a newline. */
static void
text_add(struct san_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (b->sep == 0)
				b->sep = 1;
			continue;
		}
		if (b->sep != 0 && b->len > 0)
			buf_add(b, b->sep == 2 ? "\n" : " ", 1);
		b->sep = 0;
		buf_add(b, s, 1);
	}
}

static void
text_break(struct san_buf *b)
{
	b->sep = 2;
}

static const struct san_elem *
elem_find(const char *name)
{
	size_t i;

	for (i = 0; i < PT_NELEM(elems); i++)
		if (strcmp(elems[i].in, name) == 0)
			return &elems[i];
	return NULL;
}

static int
is_dropped(const char *name)
{
	size_t i;

	/* Namespaced names (svg:script, o:p) are foreign markup. */
	if (strchr(name, ':') != NULL)
		return 1;
	for (i = 0; i < PT_NELEM(dropped); i++)
		if (strcmp(dropped[i], name) == 0)
			return 1;
	return 0;
}

/*
 * Copy s without the characters XML 1.0 cannot carry (C0 controls other
 * than TAB, LF and CR; U+FFFE and U+FFFF), which the HTML parser may let
 * through from character references.  Heap string, NULL on OOM.
 */
static char *
xml_clean(const char *s)
{
	size_t n = strlen(s), i, j;
	const unsigned char *u = (const unsigned char *)s;
	char *d = malloc(n + 1);

	if (d == NULL)
		return NULL;
	for (i = j = 0; i < n; i++) {
		if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r')
			continue;
		if (u[i] == 0xef && i + 2 < n && u[i + 1] == 0xbf && (u[i + 2] == 0xbe || u[i + 2] == 0xbf)) {
			i += 2;
			continue;
		}
		d[j++] = s[i];
	}
	d[j] = '\0';
	return d;
}

static int
is_ws_only(const char *s)
{
	return s[strspn(s, " \t\n\r")] == '\0';
}

/*
 * A URL as a browser reads it: without leading and trailing C0 controls
 * and spaces, and without TAB, LF and CR anywhere.  Other control
 * characters make it unacceptable (NULL).  Heap string.
 */
static char *
url_normalise(const char *s)
{
	size_t n = strlen(s), i, j;
	char *d;

	while (n > 0 && (unsigned char)s[n - 1] <= 0x20)
		n--;
	while (n > 0 && (unsigned char)*s <= 0x20) {
		s++;
		n--;
	}
	if (n == 0 || n > SAN_URL_BYTES || (d = malloc(n + 1)) == NULL)
		return NULL;
	for (i = j = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c < 0x20 || c == 0x7f) {
			free(d);
			return NULL;
		}
		d[j++] = (char)c;
	}
	d[j] = '\0';
	return d;
}

/* The length of u's scheme (before ':'), 0 if it has none. */
static size_t
url_scheme_len(const char *u)
{
	size_t i;

	if (!((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z')))
		return 0;
	for (i = 1; u[i] != '\0'; i++) {
		char c = u[i];

		if (c == ':')
			return i;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '+' || c == '-' || c == '.'))
			return 0;
	}
	return 0;
}

/* A path on this site: "/..." but not "//host" nor "/\host" (browsers read \ as /). */
static int
url_local(const char *u)
{
	return u[0] == '/' && u[1] != '/' && u[1] != '\\';
}

/* The host of an absolute http(s) URL into host (lower case); 0 if there is none or userinfo. */
static int
url_host(const char *u, size_t scheme_len, char *host, size_t hostsz)
{
	const char *h = u + scheme_len + 1;
	size_t n, i;

	if (h[0] != '/' || h[1] != '/')
		return 0;
	h += 2;
	n = strcspn(h, "/?#\\");
	if (n == 0 || n >= hostsz || memchr(h, '@', n) != NULL)
		return 0;
	for (i = 0; i < n; i++)
		host[i] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]);
	host[n] = '\0';
	if ((i = strcspn(host, ":")) < n)
		host[i] = '\0';
	return host[0] != '\0';
}

enum url_kind { URL_BAD, URL_LOCAL, URL_EXTERNAL, URL_MAILTO };

/* Which kind of URL u (normalised) is for an attribute of kind k. */
static enum url_kind
url_check(const char *u, enum san_attr_kind k, char *host, size_t hostsz)
{
	size_t sl = url_scheme_len(u);

	host[0] = '\0';
	if (sl == 0) {
		/* No scheme: a relative reference, acceptable only as a local path. */
		return url_local(u) ? URL_LOCAL : URL_BAD;
	}
	if (k == A_HREF && sl == 6 && strncasecmp(u, "mailto", 6) == 0)
		return u[7] != '\0' ? URL_MAILTO : URL_BAD;
	if ((sl == 5 && strncasecmp(u, "https", 5) == 0) ||
	    (k == A_HREF && sl == 4 && strncasecmp(u, "http", 4) == 0))
		return url_host(u, sl, host, hostsz) ? URL_EXTERNAL : URL_BAD;
	return URL_BAD;
}

static int
digits(const char *s, size_t max)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= max && s[n] == '\0' && s[0] != '0';
}

/* The value an allowed attribute keeps (heap), or NULL to drop it. */
static char *
attr_value(const char *v, enum san_attr_kind k)
{
	char *c;

	switch (k) {
	case A_TEXT:
		if ((c = xml_clean(v)) != NULL && strlen(c) > SAN_ATTR_BYTES)
			c[SAN_ATTR_BYTES] = '\0';	/* may cut a character: cleaned below */
		if (c != NULL) {
			/* Never leave a broken UTF-8 sequence at the cut. */
			size_t n = strlen(c);

			while (n > 0 && ((unsigned char)c[n - 1] & 0xc0) == 0x80)
				n--;
			if (n > 0 && (unsigned char)c[n - 1] >= 0xc0) {
				size_t want = (unsigned char)c[n - 1] >= 0xf0 ? 4 :
				    (unsigned char)c[n - 1] >= 0xe0 ? 3 : 2;

				if (strlen(c) - (n - 1) < want)
					c[n - 1] = '\0';
			}
		}
		return c;
	case A_SCOPE:
		if (strcmp(v, "row") == 0 || strcmp(v, "col") == 0 ||
		    strcmp(v, "rowgroup") == 0 || strcmp(v, "colgroup") == 0)
			return strdup(v);
		return NULL;
	case A_SPAN:
		return digits(v, 2) ? strdup(v) : NULL;
	case A_SIZE:
		return digits(v, 4) ? strdup(v) : NULL;
	default:
		return NULL;	/* URLs and class are decided by the element */
	}
}

static xmlNodePtr
out_elem(struct san *s, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(s->out, NULL, BAD_CAST name, NULL);

	if (n == NULL || xmlAddChild(parent, n) == NULL) {
		xmlFreeNode(n);
		s->rc = PT_ENOMEM;
		return NULL;
	}
	return n;
}

static void
out_text(struct san *s, xmlNodePtr parent, const char *t)
{
	xmlNodePtr n = xmlNewDocText(s->out, BAD_CAST t);

	/* xmlAddChild may merge n into a neighbour text node and free it. */
	if (n == NULL || xmlAddChild(parent, n) == NULL) {
		xmlFreeNode(n);
		s->rc = PT_ENOMEM;
	}
}

static void
out_attr(struct san *s, xmlNodePtr n, const char *name, const char *value)
{
	if (xmlNewProp(n, BAD_CAST name, BAD_CAST value) == NULL)
		s->rc = PT_ENOMEM;
}

/*
 * The attributes of in that el allows, onto out.  Returns 0 if the element
 * is useless without its URL (an image without an acceptable src; a link
 * without an acceptable href is unwrapped by the caller).
 */
static int
copy_attrs(struct san *s, const struct san_elem *el, xmlNodePtr in, xmlNodePtr out)
{
	char host[256] = "";
	enum url_kind kind = URL_BAD;
	int has_url = 0, video = 0, has_alt = 0;
	xmlAttrPtr a;
	size_t i;

	if (el->attrs == NULL)
		return 1;
	for (a = in->properties; a != NULL && s->rc == PT_OK; a = a->next) {
		const struct san_attr *sa = NULL;
		xmlChar *raw;
		char *v = NULL;

		if (a->ns != NULL)
			continue;
		for (i = 0; el->attrs[i].name != NULL; i++)
			if (strcmp(el->attrs[i].name, (const char *)a->name) == 0)
				sa = &el->attrs[i];
		if (sa == NULL || xmlHasProp(out, BAD_CAST sa->name) != NULL)
			continue;
		if ((raw = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
			raw = xmlStrdup(BAD_CAST "");
		if (raw == NULL) {
			s->rc = PT_ENOMEM;
			break;
		}
		if (sa->kind == A_HREF || sa->kind == A_SRC) {
			if ((v = url_normalise((const char *)raw)) != NULL &&
			    (kind = url_check(v, sa->kind, host, sizeof(host))) != URL_BAD) {
				char *c = xml_clean(v);

				free(v);
				v = c;
				has_url = v != NULL;
			} else {
				free(v);
				v = NULL;
			}
		} else if (sa->kind == A_CLASS) {
			char *c = xml_clean((const char *)raw);

			/* Only the one class the stylesheet knows; white space around it is fine. */
			if (c != NULL) {
				size_t b = strspn(c, " \t\n\r"), e = strlen(c);

				while (e > b && strchr(" \t\n\r", c[e - 1]) != NULL)
					e--;
				video = e - b == 5 && strncmp(c + b, "video", 5) == 0;
			}
			free(c);
		} else {
			v = attr_value((const char *)raw, sa->kind);
			if (sa->kind == A_TEXT && strcmp(sa->name, "alt") == 0 && v != NULL)
				has_alt = 1;
		}
		xmlFree(raw);
		if (v != NULL)
			out_attr(s, out, sa->name, v);
		free(v);
	}
	if (strcmp(el->out, "img") == 0) {
		if (!has_url)
			return 0;
		if (!has_alt)
			out_attr(s, out, "alt", "");
	}
	if (strcmp(el->out, "a") == 0) {
		if (!has_url)
			return 0;
		if (video) {
			int ok = kind == URL_LOCAL;

			for (i = 0; !ok && kind == URL_EXTERNAL && i < PT_NELEM(video_hosts); i++)
				ok = strcmp(host, video_hosts[i]) == 0;
			if (ok && kind == URL_EXTERNAL) {
				xmlChar *h = xmlGetProp(out, BAD_CAST "href");

				ok = h != NULL && strncasecmp((const char *)h, "https:", 6) == 0;
				xmlFree(h);
			}
			if (ok)
				out_attr(s, out, "class", "video");
		}
		if (kind == URL_EXTERNAL)
			out_attr(s, out, "rel", "noopener noreferrer");
	}
	return 1;
}

struct san_pos;
static void walk_children(struct san *, xmlNodePtr in, struct san_pos *, int depth);

/* Does an element of category cat belong directly in ctx? */
static int
fits(enum san_ctx ctx, enum san_cat cat)
{
	switch (ctx) {
	case CTX_ROOT:
		return cat == CAT_BLOCK;
	case CTX_FLOW:
		return cat == CAT_BLOCK || cat == CAT_PHRASE;
	case CTX_PHRASE:
		return cat == CAT_PHRASE;
	case CTX_LIST:
		return cat == CAT_LI;
	case CTX_DLIST:
		return cat == CAT_DTDD;
	case CTX_TABLE:
		return cat == CAT_TPART || cat == CAT_TR;
	case CTX_TSECT:
		return cat == CAT_TR;
	case CTX_TROW:
		return cat == CAT_CELL;
	default:
		return 0;
	}
}

/*
 * Walking the children of one output element: where the next child goes.
 * Contexts that accept only some children open an implied wrapper (<p> in
 * the body, <li> in a list, <dd> in a definition list, <tr> in a table) for
 * the others, and close it when an accepted child comes.
 */
struct san_pos {
	xmlNodePtr	 out;
	enum san_ctx	 ctx;
	xmlNodePtr	 implied;
};

static xmlNodePtr
implied(struct san *s, struct san_pos *p, const char *name)
{
	if (p->implied == NULL) {
		if (p->ctx == CTX_ROOT && p->out->children != NULL)
			out_text(s, p->out, "\n");
		p->implied = out_elem(s, p->out, name);
	}
	return p->implied;
}

/*
 * Remove n if it ended up empty (an inline element whose content was all
 * dropped, or a wrapper that received nothing), with the line break put
 * before it in the body, so that the output sanitises to itself.
 */
static int
prune_empty(xmlNodePtr n)
{
	xmlNodePtr prev;

	if (n == NULL || n->children != NULL)
		return 0;
	prev = n->prev;
	xmlUnlinkNode(n);
	xmlFreeNode(n);
	if (prev != NULL && prev->next == NULL && prev->type == XML_TEXT_NODE &&
	    prev->content != NULL && strcmp((const char *)prev->content, "\n") == 0) {
		xmlUnlinkNode(prev);
		xmlFreeNode(prev);
	}
	return 1;
}

static void
walk_text(struct san *s, struct san_pos *p, const char *content)
{
	char *t;
	xmlNodePtr where = p->out;

	if (content == NULL || *content == '\0')
		return;
	if (is_ws_only(content)) {
		/* Layout white space: kept where text may be, unless it would start a wrapper. */
		switch (p->ctx) {
		case CTX_FLOW:
		case CTX_PHRASE:
			break;
		case CTX_ROOT:
		case CTX_LIST:
		case CTX_DLIST:
			if (p->implied == NULL)
				return;
			where = p->implied;
			break;
		default:
			return;
		}
	} else {
		switch (p->ctx) {
		case CTX_FLOW:
		case CTX_PHRASE:
			break;
		case CTX_ROOT:
			where = implied(s, p, "p");
			break;
		case CTX_LIST:
			where = implied(s, p, "li");
			break;
		case CTX_DLIST:
			where = implied(s, p, "dd");
			break;
		default:
			return;		/* text loose in a table: browsers move it out; we drop it */
		}
	}
	if (where == NULL)
		return;
	if ((t = xml_clean(content)) == NULL) {
		s->rc = PT_ENOMEM;
		return;
	}
	out_text(s, where, t);
	text_add(&s->text, t);
	free(t);
}

static void
walk_elem(struct san *s, struct san_pos *p, xmlNodePtr in, int depth)
{
	const char *name = (const char *)in->name;
	const struct san_elem *el;
	xmlNodePtr where, n;
	enum san_ctx wctx;

	if (depth > SAN_MAX_DEPTH) {
		s->rc = PT_ELIMIT;
		return;
	}
	if (is_dropped(name))
		return;
	el = elem_find(name);
	if (el != NULL && !fits(p->ctx, el->cat)) {
		/* Misplaced: into the context's wrapper where one fits, else unwrapped. */
		if (p->ctx == CTX_ROOT && el->cat == CAT_PHRASE) {
			where = implied(s, p, "p");
			wctx = CTX_PHRASE;
		} else if (p->ctx == CTX_LIST) {
			where = implied(s, p, "li");
			wctx = CTX_FLOW;
		} else if (p->ctx == CTX_DLIST) {
			where = implied(s, p, "dd");
			wctx = CTX_FLOW;
		} else if ((p->ctx == CTX_TABLE || p->ctx == CTX_TSECT) && el->cat == CAT_CELL) {
			where = implied(s, p, "tr");
			wctx = CTX_TROW;
		} else {
			where = NULL;
			wctx = p->ctx;
		}
		if (where != NULL) {
			struct san_pos q = { where, wctx, NULL };

			walk_elem(s, &q, in, depth);
			if (where == p->implied && prune_empty(where))
				p->implied = NULL;
			return;
		}
		el = NULL;	/* unwrap below */
	}
	/* A link inside a link: the inner one is unwrapped. */
	if (el != NULL && strcmp(el->out, "a") == 0) {
		for (n = p->out; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
			if (strcmp((const char *)n->name, "a") == 0)
				el = NULL;
	}
	if (el == NULL) {
		/* Unknown or misplaced but harmless: its children take its place. */
		walk_children(s, in, p, depth + 1);
		return;
	}
	if (p->ctx == CTX_ROOT || (p->ctx == CTX_LIST && el->cat == CAT_LI) ||
	    (p->ctx == CTX_DLIST && el->cat == CAT_DTDD) ||
	    ((p->ctx == CTX_TABLE || p->ctx == CTX_TSECT) && el->cat != CAT_CELL))
		p->implied = NULL;	/* an accepted child closes the wrapper */
	if (p->ctx == CTX_ROOT && p->out->children != NULL)
		out_text(s, p->out, "\n");	/* one block a line, for people reading the source */
	if ((n = out_elem(s, p->out, el->out)) == NULL)
		return;
	if (!copy_attrs(s, el, in, n)) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		if (strcmp(el->out, "a") == 0)
			walk_children(s, in, p, depth + 1);
		return;
	}
	if (el->block_text)
		text_break(&s->text);
	if (el->ctx != CTX_VOID) {
		struct san_pos q = { n, el->ctx, NULL };

		walk_children(s, in, &q, depth + 1);
		if (el->cat == CAT_PHRASE)
			prune_empty(n);
	}
	if (el->block_text)
		text_break(&s->text);
}

/*
 * The children of in, at position p.  An unwrapped element's children
 * continue its parent's walk (same position, same open wrapper), so loose
 * text keeps its order around them.
 */
static void
walk_children(struct san *s, xmlNodePtr in, struct san_pos *p, int depth)
{
	xmlNodePtr c;

	if (depth > SAN_MAX_DEPTH) {
		s->rc = PT_ELIMIT;
		return;
	}
	for (c = in->children; c != NULL && s->rc == PT_OK; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			walk_text(s, p, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			walk_elem(s, p, c, depth);
		/* comments, processing instructions, entity references: gone */
	}
}

/* The depth of the tree under n, without recursion (the input may be deep). */
static int
too_deep(xmlNodePtr root, int max)
{
	xmlNodePtr n = root;
	int depth = 0;

	while (n != NULL) {
		if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			if (++depth > max)
				return 1;
			continue;
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == root)
			break;
		n = n->next;
	}
	return 0;
}

/* Serialise the children of body as XHTML (<br />, <p></p>) into the arena. */
static int
serialise(struct pt_req *req, xmlNodePtr body, size_t max_bytes, const char **xhtml)
{
	xmlBufferPtr buf = xmlBufferCreateSize(4096);
	xmlSaveCtxtPtr save = NULL;
	xmlNodePtr c;
	int rc = PT_ENOMEM;

	if (buf == NULL)
		return PT_ENOMEM;
	save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_AS_XML |
	    XML_SAVE_XHTML | XML_SAVE_NO_XHTML);
	if (save == NULL)
		goto done;
	for (c = body->children; c != NULL; c = c->next)
		if (xmlSaveTree(save, c) < 0)
			goto done;
	if (xmlSaveFlush(save) < 0)
		goto done;
	if ((size_t)xmlBufferLength(buf) > max_bytes) {
		rc = PT_ELIMIT;
		goto done;
	}
	if ((*xhtml = pt_arena_strndup(req->arena, (const char *)xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf))) != NULL)
		rc = PT_OK;
done:
	if (save != NULL)
		xmlSaveClose(save);
	xmlBufferFree(buf);
	return rc;
}

int
pt_sanitize(struct pt_req *req, const char *html, size_t len, size_t max_bytes,
    const char **xhtml, const char **text)
{
	static const char head[] = "<html><body>", tail[] = "</body></html>";
	struct san s = { NULL, { NULL, 0, 0, 0, 0 }, PT_OK };
	htmlDocPtr in = NULL;
	xmlNodePtr body, root;
	char *src = NULL;
	int rc;

	*xhtml = *text = NULL;
	if (html == NULL)
		return PT_EINVAL;
	if (len > max_bytes || len > INT32_MAX / 2)
		return PT_ELIMIT;
	if (!pt_utf8_ok((const unsigned char *)html, len))
		return PT_EINVAL;
	/* The fragment inside a body, so loose text and leading <meta> are not a head. */
	if ((src = malloc(sizeof(head) + len + sizeof(tail))) == NULL)
		return PT_ENOMEM;
	memcpy(src, head, sizeof(head) - 1);
	memcpy(src + sizeof(head) - 1, html, len);
	memcpy(src + sizeof(head) - 1 + len, tail, sizeof(tail));
	in = htmlReadMemory(src, (int)(sizeof(head) - 1 + len + sizeof(tail) - 1), NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
	free(src);
	if (in == NULL || (root = xmlDocGetRootElement(in)) == NULL) {
		rc = PT_EINVAL;
		goto done;
	}
	if (too_deep(root, SAN_MAX_DEPTH + 2)) {
		rc = PT_ELIMIT;
		goto done;
	}
	if ((s.out = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (body = xmlNewDocNode(s.out, NULL, BAD_CAST "body", NULL)) == NULL) {
		rc = PT_ENOMEM;
		goto done;
	}
	xmlDocSetRootElement(s.out, body);
	/* html and body are unwrapped like any unknown element; head is dropped. */
	{
		struct san_pos p = { body, CTX_ROOT, NULL };
		xmlNodePtr c;

		for (c = in->children; c != NULL && s.rc == PT_OK; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				walk_elem(&s, &p, c, 0);
			else if (c->type == XML_TEXT_NODE)
				walk_text(&s, &p, (const char *)c->content);
	}
	if ((rc = s.rc) != PT_OK)
		goto done;
	if (s.text.oom) {
		rc = PT_ENOMEM;
		goto done;
	}
	if ((rc = serialise(req, body, max_bytes, xhtml)) != PT_OK)
		goto done;
	*text = pt_arena_strndup(req->arena, s.text.p != NULL ? s.text.p : "", s.text.len);
	rc = *text != NULL ? PT_OK : PT_ENOMEM;
done:
	if (rc != PT_OK)
		*xhtml = *text = NULL;
	free(s.text.p);
	xmlFreeDoc(s.out);
	xmlFreeDoc(in);
	return rc;
}

/*
 * The body is parsed straight into parent's document (xmlParseInNodeContext),
 * so its nodes need no copy: on an article page this runs for every view.
 */
int
pt_xhtml_append(struct pt_req *req, xmlNodePtr parent, const char *xhtml)
{
	xmlNodePtr list = NULL;
	size_t len;

	(void)req;
	if (parent == NULL || parent->type != XML_ELEMENT_NODE || parent->doc == NULL)
		return PT_EINVAL;
	if (xhtml == NULL || *xhtml == '\0')
		return PT_OK;
	if ((len = strlen(xhtml)) > INT32_MAX / 2)
		return PT_ELIMIT;
	if (xmlParseInNodeContext(parent, xhtml, (int)len, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA, &list) != XML_ERR_OK) {
		xmlFreeNodeList(list);
		return PT_EINVAL;
	}
	if (list != NULL && xmlAddChildList(parent, list) == NULL) {
		xmlFreeNodeList(list);
		return PT_ENOMEM;
	}
	return PT_OK;
}
