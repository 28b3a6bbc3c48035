/*
 * The MIME builder: a multipart/alternative message with a text/plain and
 * a text/html part, both UTF-8 and quoted-printable, and header fields
 * with RFC 2047 encoded words where the text is not plain ASCII.  Every
 * line ends with CRLF and stays within the limits of RFC 2045/2047/5322,
 * so no relay has to rewrap (and break) it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mailer.h"

static const char hex[] = "0123456789ABCDEF";

void
mime_buf_add(struct mime_buf *b, const void *p, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap == 0 ? 1024 : b->cap;
		char *np;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((np = realloc(b->p, cap)) == NULL) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
mime_buf_str(struct mime_buf *b, const char *s)
{
	mime_buf_add(b, s, strlen(s));
}

void
mime_buf_free(struct mime_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/* ---- quoted-printable (RFC 2045 §6.7) ------------------------------------ */

static int
qp_literal(unsigned char c)
{
	return c >= 33 && c <= 126 && c != '=';
}

/* One line (without its end) as QP lines of at most 76 characters. */
static void
qp_line(struct mime_buf *b, const unsigned char *s, size_t n)
{
	size_t i, col = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = s[i];
		char tok[3];
		size_t tlen;
		int last = i + 1 == n;

		/*
		 * Spaces are literal except at the end of a line, where relays
		 * strip them; a dot opening a line is encoded so that no SMTP
		 * hop mistakes it for the end of the data.
		 */
		if ((qp_literal(c) && !(c == '.' && col == 0)) ||
		    ((c == ' ' || c == '\t') && !last)) {
			tok[0] = (char)c;
			tlen = 1;
		} else {
			tok[0] = '=';
			tok[1] = hex[c >> 4];
			tok[2] = hex[c & 15];
			tlen = 3;
		}
		/* Keep room for the "=" of a soft break: at most 75 + 1. */
		if (col + tlen > MIME_QP_LINE - 1) {
			mime_buf_add(b, "=\r\n", 3);
			col = 0;
			if (c == '.') {
				tok[0] = '=';
				tok[1] = hex[c >> 4];
				tok[2] = hex[c & 15];
				tlen = 3;
			}
		}
		mime_buf_add(b, tok, tlen);
		col += tlen;
	}
	mime_buf_add(b, "\r\n", 2);
}

void
mime_qp(struct mime_buf *b, const char *s, size_t len)
{
	const char *end = s + len, *nl;

	while (s < end) {
		size_t n;

		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
		if (n > 0 && s[n - 1] == '\r')
			qp_line(b, (const unsigned char *)s, n - 1);
		else
			qp_line(b, (const unsigned char *)s, n);
		s += n + (nl != NULL ? 1 : 0);
	}
}

/* ---- header fields (RFC 5322, RFC 2047) ---------------------------------- */

/* Text that may stand in a header as it is: printable ASCII, no "=?", short. */
static int
header_plain(const char *name, const char *s, int phrase)
{
	const unsigned char *p;

	if (strlen(name) + 2 + strlen(s) > MIME_HEADER_LINE - (phrase ? 40 : 0) ||
	    strstr(s, "=?") != NULL)
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 32 || *p > 126)
			return 0;
		/* In a display name: only atext and spaces, so no quoting is needed. */
		if (phrase && strchr("()<>[]:;@\\,.\"", *p) != NULL)
			return 0;
	}
	return 1;
}

/* Characters that stand for themselves inside a Q encoded word in any header position. */
static int
q_literal(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
}

/* Length of the UTF-8 sequence starting with c (1 for stray bytes). */
static size_t
utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/* Q-encode one character (n bytes) into out; returns its length. */
static size_t
q_char(const unsigned char *s, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ')
			out[o++] = '_';
		else if (q_literal(s[i]))
			out[o++] = (char)s[i];
		else {
			out[o++] = '=';
			out[o++] = hex[s[i] >> 4];
			out[o++] = hex[s[i] & 15];
		}
	}
	return o;
}

void
mime_header(struct mime_buf *b, const char *name, const char *text, const char *addr)
{
	static const char open[] = "=?UTF-8?Q?", close[] = "?=";
	const unsigned char *s = (const unsigned char *)(text != NULL ? text : "");
	size_t col, wlen = 0;
	int in_word = 0;

	mime_buf_str(b, name);
	mime_buf_add(b, ": ", 2);
	col = strlen(name) + 2;
	if (*s == '\0' || header_plain(name, (const char *)s, addr != NULL)) {
		mime_buf_str(b, (const char *)s);
		col += strlen((const char *)s);
	} else {
		while (*s != '\0') {
			char enc[16];
			size_t n = utf8_len(*s), elen, k;

			for (k = 1; k < n; k++)	/* a cut-off sequence: take what is there */
				if (s[k] == '\0' || (s[k] & 0xc0) != 0x80) {
					n = k;
					break;
				}
			elen = q_char(s, n, enc);
			/* A new word when this one (closed by "?=") would pass 75, or its line 76. */
			if (in_word && (wlen + elen + 2 > MIME_WORD_MAX ||
			    col + elen + 2 > MIME_HEADER_LINE)) {
				mime_buf_add(b, close, 2);
				mime_buf_add(b, "\r\n ", 3);
				col = 1;
				in_word = 0;
			}
			if (!in_word) {
				/* "Name: " leaves room enough for a first word with one character. */
				mime_buf_add(b, open, 10);
				col += 10;
				wlen = 10;
				in_word = 1;
			}
			mime_buf_add(b, enc, elen);
			col += elen;
			wlen += elen;
			s += n;
		}
		mime_buf_add(b, close, 2);
		col += 2;
	}
	if (addr != NULL) {
		if (col + 3 + strlen(addr) > MIME_HEADER_LINE && col > strlen(name) + 2) {
			mime_buf_add(b, "\r\n", 2);
			col = 0;
		}
		if (col > strlen(name) + 2 || col == 0)
			mime_buf_add(b, " ", 1);
		mime_buf_add(b, "<", 1);
		mime_buf_str(b, addr);
		mime_buf_add(b, ">", 1);
	}
	mime_buf_add(b, "\r\n", 2);
}

void
mime_date(time_t t, char out[64])
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	    "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(out, 64, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday % 7],
	    tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
	    tm.tm_sec);
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

void
mime_split_address(char *from, const char **name, const char **addr)
{
	char *lt = strchr(from, '<'), *gt, *n;

	if (lt == NULL || (gt = strchr(lt, '>')) == NULL) {
		*name = "";
		*addr = trim(from);
		return;
	}
	*gt = '\0';
	*lt = '\0';
	*addr = trim(lt + 1);
	n = trim(from);
	if (*n == '"' && strlen(n) >= 2 && n[strlen(n) - 1] == '"') {
		n[strlen(n) - 1] = '\0';
		n++;
	}
	*name = n;
}

/* ---- the message ---------------------------------------------------------- */

static void
part(struct mime_buf *b, const char *boundary, const char *type, const char *body)
{
	mime_buf_add(b, "--", 2);
	mime_buf_str(b, boundary);
	mime_buf_str(b, "\r\nContent-Type: ");
	mime_buf_str(b, type);
	mime_buf_str(b, "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
	mime_qp(b, body, strlen(body));
}

/* "References:" with one message id a line after the first, folded (RFC 5322 3.6.4). */
static void
references(struct mime_buf *b, const char *ids)
{
	const char *p = ids;

	mime_buf_str(b, "\r\nReferences:");
	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		mime_buf_add(b, p == ids ? " " : "\r\n ", p == ids ? 1 : 3);
		mime_buf_add(b, p, len);
		p += len;
		while (*p == ' ')
			p++;
	}
}

int
mime_build(struct mime_buf *b, const struct mime_msg *m)
{
	char date[64], boundary[64], rnd[25];

	if (m->boundary != NULL)
		snprintf(boundary, sizeof(boundary), "%s", m->boundary);
	else {
		/*
		 * "=_" can never occur in quoted-printable text (a "=" there is
		 * always followed by two hex digits), so the boundary cannot
		 * occur in either part.
		 */
		if (pt_random_hex(rnd, 12) != PT_OK)
			return PT_ESYS;
		snprintf(boundary, sizeof(boundary), "=_portico_%s", rnd);
	}
	mime_date(m->date, date);
	mime_buf_str(b, "Date: ");
	mime_buf_str(b, date);
	mime_buf_str(b, "\r\n");
	mime_header(b, "From", m->from_name, m->from_addr);
	mime_header(b, "To", m->to_name, m->to_addr);
	if (m->reply_to != NULL) {
		mime_buf_str(b, "Reply-To: ");
		mime_buf_str(b, m->reply_to);
		mime_buf_str(b, "\r\n");
	}
	mime_header(b, "Subject", m->subject, NULL);
	mime_buf_str(b, "Message-ID: ");
	mime_buf_str(b, m->message_id);
	if (m->in_reply_to != NULL) {
		mime_buf_str(b, "\r\nIn-Reply-To: ");
		mime_buf_str(b, m->in_reply_to);
	}
	if (m->references != NULL)
		references(b, m->references);
	mime_buf_str(b, "\r\nMIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\n"
	    "Content-Type: multipart/alternative;\r\n boundary=\"");
	mime_buf_str(b, boundary);
	mime_buf_str(b, "\"\r\n\r\nThis is a message in MIME format.\r\n\r\n");
	part(b, boundary, "text/plain", m->text);
	part(b, boundary, "text/html", m->html);
	mime_buf_add(b, "--", 2);
	mime_buf_str(b, boundary);
	mime_buf_str(b, "--\r\n");
	return b->oom ? PT_ENOMEM : PT_OK;
}
