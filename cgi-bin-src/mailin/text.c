/*
 * The text of a mail: clean UTF-8 from whatever a sender's program wrote,
 * plain text from an HTML-only body (libxml2's forgiving HTML parser), and
 * the reply itself without the history it quotes or the signature under
 * it.  Nothing here knows GMime or the database.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <glib.h>
#include <libxml/HTMLparser.h>

#include "mailin.h"

/* ---- clean UTF-8 ---------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at s (1..4) with its code point, or 0. */
static size_t
utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t n, i;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF are invalid. */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

static int
utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n;

	while (len > 0) {
		if ((n = utf8_next(p, len, &cp)) == 0)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

/* Characters XML 1.0 can hold that a person may have typed: no C0/C1 controls but TAB and LF. */
static int
keep_char(uint32_t c)
{
	if (c == '\t' || c == '\n')
		return 1;
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
		return 0;
	return c != 0xfffe && c != 0xffff;
}

char *
mailin_clean_text(struct pt_arena *a, const char *s, size_t len, size_t max, int *cut)
{
	const unsigned char *p;
	char *converted = NULL, *out, *o;
	size_t n, left;
	uint32_t cp;

	if (cut != NULL)
		*cut = 0;
	/*
	 * Text that is not UTF-8 although it says so (or says nothing) is
	 * nearly always Windows-1252 or Latin-1 from a Western mail program;
	 * Latin-1 takes every byte, so the second try never fails.
	 */
	if (!utf8_valid(s, len)) {
		converted = g_convert(s, (gssize)len, "UTF-8", "WINDOWS-1252", NULL, &n, NULL);
		if (converted == NULL)
			converted = g_convert(s, (gssize)len, "UTF-8", "ISO-8859-1", NULL, &n, NULL);
		if (converted != NULL) {
			s = converted;
			len = n;
		}
	}
	/* U+FFFD for a bad byte takes 3 bytes for 1: room for that. */
	if ((out = pt_arena_alloc(a, (len < max ? len : max) * 3 + 4)) == NULL) {
		g_free(converted);
		return NULL;
	}
	o = out;
	p = (const unsigned char *)s;
	left = len;
	while (left > 0) {
		const char *bytes = (const char *)p;
		size_t add;

		if ((n = utf8_next(p, left, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
			bytes = "\xef\xbf\xbd";
			add = 3;
		} else {
			add = n;
		}
		if (cp == '\r') {
			/* CRLF and a lone CR both end a line. */
			if (left > 1 && p[1] == '\n') {
				p++;
				left--;
			}
			cp = '\n';
			bytes = "\n";
			add = 1;
		}
		if (keep_char(cp)) {
			if ((size_t)(o - out) + add > max) {
				if (cut != NULL)
					*cut = 1;
				break;
			}
			memcpy(o, bytes, add);
			o += add;
		}
		p += n;
		left -= n;
	}
	*o = '\0';
	g_free(converted);
	return out;
}

/* ---- HTML to text ---------------------------------------------------------- */

struct html_out {
	GString	*s;
	int	 pre;		/* inside <pre>: white space as it is */
	int	 depth;
	int	 ol;		/* the number of the next item of the innermost <ol>, 0 in <ul> */
};

#define HTML_DEPTH_MAX 200

static int
name_is(xmlNodePtr n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (xmlStrcasecmp(n->name, BAD_CAST *names) == 0)
			return 1;
	return 0;
}

static const char *const html_skip[] = { "head", "script", "style", "title", "template",
	"noscript", "object", "embed", "iframe", "svg", "math", "select", "button", NULL };
static const char *const html_block[] = { "p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
	"ul", "ol", "dl", "dt", "dd", "table", "tr", "pre", "section", "article", "header",
	"footer", "address", "form", "fieldset", "hr", "center", "main", "aside", "nav",
	"figure", "caption", "thead", "tbody", "tfoot", "body", "html", NULL };
/* Blocks that stand apart by an empty line. */
static const char *const html_para[] = { "p", "h1", "h2", "h3", "h4", "h5", "h6", "table",
	"pre", NULL };

/* The output ends with at least n line ends (none at its start). */
static void
html_lines(struct html_out *h, int n)
{
	int have = 0;
	gsize i = h->s->len;

	if (h->s->len == 0)
		return;
	/* Spaces at the end of a line go. */
	while (i > 0 && h->s->str[i - 1] == ' ')
		i--;
	g_string_truncate(h->s, i);
	while (i > 0 && h->s->str[i - 1] == '\n' && have < n) {
		have++;
		i--;
	}
	for (; have < n; have++)
		g_string_append_c(h->s, '\n');
}

static int
ends_blank(const GString *s)
{
	return s->len == 0 || s->str[s->len - 1] == ' ' || s->str[s->len - 1] == '\n';
}

static void
html_text(struct html_out *h, const char *t)
{
	const unsigned char *p = (const unsigned char *)t;

	if (h->pre) {
		g_string_append(h->s, t);
		return;
	}
	for (; *p != '\0'; p++) {
		/* White space runs, no-break spaces (C2 A0) included, are one space. */
		int space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';

		if (!space && p[0] == 0xc2 && p[1] == 0xa0) {
			space = 1;
			p++;
		}
		if (space) {
			if (!ends_blank(h->s))
				g_string_append_c(h->s, ' ');
		} else {
			g_string_append_c(h->s, (char)*p);
		}
	}
}

static void html_children(struct html_out *, xmlNodePtr);

/* A <blockquote>: its text as "> " lines, which mailin_cut treats as quoted. */
static void
html_quote(struct html_out *h, xmlNodePtr n)
{
	struct html_out sub = { g_string_new(NULL), h->pre, h->depth, 0 };
	gchar **lines;
	size_t i, last;

	html_children(&sub, n);
	lines = g_strsplit(sub.s->str, "\n", -1);
	for (last = g_strv_length(lines); last > 0 && *lines[last - 1] == '\0'; last--)
		;
	html_lines(h, 1);
	for (i = 0; i < last; i++) {
		g_string_append(h->s, *lines[i] != '\0' ? "> " : ">");
		g_string_append(h->s, lines[i]);
		g_string_append_c(h->s, '\n');
	}
	g_strfreev(lines);
	g_string_free(sub.s, TRUE);
}

static void
html_link(struct html_out *h, xmlNodePtr n)
{
	xmlChar *href = xmlGetProp(n, BAD_CAST "href");
	gsize start = h->s->len;

	html_children(h, n);
	if (href != NULL && (xmlStrncasecmp(href, BAD_CAST "http://", 7) == 0 ||
	    xmlStrncasecmp(href, BAD_CAST "https://", 8) == 0) &&
	    strstr(h->s->str + start, (const char *)href) == NULL &&
	    xmlStrlen(href) <= 2000 && strpbrk((const char *)href, " \t\r\n<>") == NULL) {
		if (!ends_blank(h->s))
			g_string_append_c(h->s, ' ');
		g_string_append_printf(h->s, "<%s>", (const char *)href);
	}
	xmlFree(href);
}

static void
html_node(struct html_out *h, xmlNodePtr n)
{
	int block, para, saved;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			html_text(h, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || name_is(n, html_skip) || h->depth >= HTML_DEPTH_MAX)
		return;
	h->depth++;
	if (xmlStrcasecmp(n->name, BAD_CAST "br") == 0) {
		while (h->s->len > 0 && h->s->str[h->s->len - 1] == ' ')
			g_string_truncate(h->s, h->s->len - 1);
		g_string_append_c(h->s, '\n');
	} else if (xmlStrcasecmp(n->name, BAD_CAST "blockquote") == 0) {
		html_quote(h, n);
	} else if (xmlStrcasecmp(n->name, BAD_CAST "a") == 0) {
		html_link(h, n);
	} else if (xmlStrcasecmp(n->name, BAD_CAST "li") == 0) {
		html_lines(h, 1);
		if (h->ol > 0)
			g_string_append_printf(h->s, "%d. ", h->ol++);
		else
			g_string_append(h->s, "- ");
		html_children(h, n);
		html_lines(h, 1);
	} else if (xmlStrcasecmp(n->name, BAD_CAST "td") == 0 ||
	    xmlStrcasecmp(n->name, BAD_CAST "th") == 0) {
		if (!ends_blank(h->s))
			g_string_append_c(h->s, ' ');
		html_children(h, n);
	} else {
		block = name_is(n, html_block);
		para = name_is(n, html_para);
		if (block)
			html_lines(h, para ? 2 : 1);
		saved = h->ol;
		if (xmlStrcasecmp(n->name, BAD_CAST "ol") == 0)
			h->ol = 1;
		else if (xmlStrcasecmp(n->name, BAD_CAST "ul") == 0)
			h->ol = 0;
		if (xmlStrcasecmp(n->name, BAD_CAST "pre") == 0) {
			h->pre++;
			html_children(h, n);
			h->pre--;
		} else {
			html_children(h, n);
		}
		h->ol = saved;
		if (block)
			html_lines(h, para ? 2 : 1);
	}
	h->depth--;
}

static void
html_children(struct html_out *h, xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		html_node(h, n);
}

/* Lines without trailing spaces, at most one empty line in a row, none at the ends. */
static char *
tidy_lines(struct pt_arena *a, const char *s)
{
	char *out = pt_arena_alloc(a, strlen(s) + 1), *o = out;
	int blank = 0;

	if (out == NULL)
		return NULL;
	while (*s != '\0') {
		const char *end = strchr(s, '\n'), *e;

		if (end == NULL)
			end = s + strlen(s);
		for (e = end; e > s && (e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		if (e == s) {
			blank = o > out;
		} else {
			if (blank)
				*o++ = '\n';
			if (o > out)
				*o++ = '\n';
			memcpy(o, s, (size_t)(e - s));
			o += e - s;
			blank = 0;
		}
		s = *end != '\0' ? end + 1 : end;
	}
	*o = '\0';
	return out;
}

const char *
mailin_html_text(struct pt_arena *a, const char *html, size_t len)
{
	struct html_out h = { NULL, 0, 0, 0 };
	htmlDocPtr doc;
	xmlNodePtr root;
	const char *out;

	if (len == 0 || len > INT32_MAX)
		return pt_arena_strndup(a, "", 0);
	/*
	 * The body is UTF-8 already (GMime converted it): a <meta charset>
	 * in it must not make the parser read it as something else.
	 */
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8", HTML_PARSE_RECOVER |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC |
	    HTML_PARSE_NOIMPLIED);
	if (doc == NULL)
		return pt_arena_strndup(a, "", 0);
	h.s = g_string_new(NULL);
	for (root = doc->children; root != NULL; root = root->next)
		html_node(&h, root);
	xmlFreeDoc(doc);
	out = tidy_lines(a, h.s->str);
	g_string_free(h.s, TRUE);
	return out;
}

/* ---- quoted history and signatures ------------------------------------------- */

/* ASCII letters folded; UTF-8 bytes stay as they are. */
static int
starts_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static int
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* The line without leading and trailing white space into buf (cut to fit). */
static const char *
trimmed(const char *line, size_t len, char *buf, size_t size)
{
	const char *s = line, *e = line + len;

	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if ((size_t)(e - s) >= size)
		e = s + size - 1;
	memcpy(buf, s, (size_t)(e - s));
	buf[e - s] = '\0';
	return buf;
}

/* "-----Original Message-----" and its kin: the words between the dashes. */
static int
separator_line(const char *t)
{
	static const char *const words[] = { "original message", "original-nachricht",
		"ursprüngliche nachricht", "message d'origine",
		"oorspronkelijk bericht", "mensaje original", NULL };
	const char *const *w;
	char buf[80];
	size_t len;

	while (*t == '-' || *t == '_' || *t == ' ' || *t == '=')
		t++;
	len = strlen(t);
	if (len >= sizeof(buf))
		return 0;
	memcpy(buf, t, len + 1);
	while (len > 0 && (buf[len - 1] == '-' || buf[len - 1] == '_' || buf[len - 1] == ' ' ||
	    buf[len - 1] == '='))
		buf[--len] = '\0';
	for (w = words; *w != NULL; w++)
		if (len > 0 && strcasecmp(buf, *w) == 0)
			return 1;
	/* "Ursprüngliche Nachricht" with a capital Ü, which strcasecmp leaves alone. */
	return strcmp(buf, "URSPRÜNGLICHE NACHRICHT") == 0;
}

/* "On <date>, <name> wrote:" in the languages of our customers, on one line or wrapped over two. */
static int
attribution(const char *t)
{
	static const struct {
		const char *start, *verb;
	} forms[] = {
		{ "On ", " wrote" }, { "Am ", " schrieb" }, { "Le ", " a écrit" },
		{ "Op ", " schreef" }, { "El ", " escribió" }, { "Il ", " ha scritto" },
	};
	size_t i, len = strlen(t);

	if (len == 0 || len > 400 || t[len - 1] != ':')
		return 0;
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strncmp(t, forms[i].start, strlen(forms[i].start)) == 0 &&
		    strstr(t, forms[i].verb) != NULL)
			return 1;
	return 0;
}

/* A header line of an Outlook-style quoted block, by its field name. */
static int
field_line(const char *t, const char *const *names)
{
	for (; *names != NULL; names++)
		if (starts_ci(t, *names))
			return 1;
	return 0;
}

static const char *const from_fields[] = { "From:", "Von:", "De :", "De:", "Van:", NULL };
static const char *const sent_fields[] = { "Sent:", "Gesendet:", "Date:", "Datum:",
	"Envoyé :", "Envoyé:", "Verzonden:", "Enviado:", NULL };

struct line {
	const char	*s;
	size_t		 len;
};

/* Where quoted history starts (an index into lines), or n when it does not. */
static size_t
history_start(const struct line *l, size_t n)
{
	char t[512], t2[512], joined[1024];
	size_t i, j;

	for (i = 0; i < n; i++) {
		trimmed(l[i].s, l[i].len, t, sizeof(t));
		if (*t == '\0')
			continue;
		if (separator_line(t) || attribution(t))
			return i;
		if (i + 1 < n) {
			trimmed(l[i + 1].s, l[i + 1].len, t2, sizeof(t2));
			snprintf(joined, sizeof(joined), "%s %s", t, t2);
			if (*t2 != '\0' && t[strlen(t) - 1] != ':' && attribution(joined))
				return i;
		}
		if (field_line(t, from_fields))
			for (j = i + 1; j < n && j <= i + 4; j++) {
				trimmed(l[j].s, l[j].len, t2, sizeof(t2));
				if (field_line(t2, sent_fields))
					return i;
			}
	}
	return n;
}

/* A line only of underscores or dashes (Outlook draws one above its quoted block). */
static int
rule_line(const char *s, size_t len)
{
	size_t i, k = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '_' || s[i] == '-')
			k++;
		else if (s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return k >= 5;
}

static int
signature_line(const char *s, size_t len)
{
	return (len == 3 && memcmp(s, "-- ", 3) == 0) || (len == 2 && memcmp(s, "--", 2) == 0);
}

/* "Sent from my iPhone" and the like, alone on the last line. */
static int
device_line(const char *t)
{
	size_t len = strlen(t);

	return (starts_ci(t, "Sent from my ") && len < 80) ||
	    (starts_ci(t, "Von meinem ") && ends_with(t, len, "gesendet") && len < 80) ||
	    (starts_ci(t, "Gesendet von meinem ") && len < 80);
}

int
mailin_forwarded(const char *subject, const char *text)
{
	static const char *const prefixes[] = { "Fwd:", "Fw:", "WG:", "TR:", "Wtrlt:", "Fwd ", NULL };
	static const char *const markers[] = { "---------- Forwarded message",
		"Begin forwarded message:", "-------- Weitergeleitete Nachricht",
		"Anfang der weitergeleiteten Nachricht:", "-------- Forwarded Message", NULL };
	const char *const *p;

	subject = skip_space(subject != NULL ? subject : "");
	for (p = prefixes; *p != NULL; p++)
		if (starts_ci(subject, *p))
			return 1;
	for (p = markers; text != NULL && *p != NULL; p++) {
		const char *hit = strstr(text, *p);

		/* At the start of a line. */
		while (hit != NULL && hit != text && hit[-1] != '\n')
			hit = strstr(hit + 1, *p);
		if (hit != NULL)
			return 1;
	}
	return 0;
}

const char *
mailin_cut(struct pt_arena *a, const char *text, int forwarded)
{
	struct line *l;
	size_t n = 1, i, end, k;
	const char *s;
	char *out, *o, t[512];

	for (s = text; *s != '\0'; s++)
		n += *s == '\n';
	if ((l = pt_arena_alloc(a, n * sizeof(*l))) == NULL ||
	    (out = pt_arena_alloc(a, strlen(text) + 2)) == NULL)
		return NULL;
	for (s = text, i = 0; i < n; i++) {
		const char *e = strchr(s, '\n');

		l[i].s = s;
		l[i].len = e != NULL ? (size_t)(e - s) : strlen(s);
		s = e != NULL ? e + 1 : s + l[i].len;
	}
	end = forwarded ? n : history_start(l, n);
	/* Outlook's rule above its block goes with it. */
	while (end > 0 && end < n && (l[end - 1].len == 0 || rule_line(l[end - 1].s, l[end - 1].len)))
		end--;
	if (!forwarded)
		for (i = 0; i < end; i++)
			if (signature_line(l[i].s, l[i].len)) {
				end = i;
				break;
			}
	o = out;
	for (i = 0; i < end; i++) {
		if (!forwarded && l[i].len > 0 && l[i].s[0] == '>')
			continue;
		memcpy(o, l[i].s, l[i].len);
		o += l[i].len;
		*o++ = '\n';
	}
	*o = '\0';
	out = (char *)tidy_lines(a, out);
	if (out == NULL || forwarded)
		return out;
	/* A device's sign-off on the last line is a signature too. */
	if ((o = strrchr(out, '\n')) != NULL || *out != '\0') {
		k = o != NULL ? (size_t)(o - out) + 1 : 0;
		if (device_line(trimmed(out + k, strlen(out + k), t, sizeof(t)))) {
			out[k] = '\0';
			return tidy_lines(a, out);
		}
	}
	return out;
}
