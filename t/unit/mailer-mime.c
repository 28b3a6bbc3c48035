/*
 * The mailer's MIME builder: header fields with RFC 2047 encoded words
 * (never longer than 75, never splitting a character, lines within 76),
 * quoted-printable bodies (lines within 76, CRLF only, the text comes back
 * when decoded), and a multipart/alternative message whose boundary does
 * not occur in its parts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mailer.h"
#include "tap.h"

/* Longest line (without CRLF) and whether every LF is preceded by CR. */
static size_t
longest_line(const char *s, int *bare_lf)
{
	size_t max = 0, col = 0;
	char prev = '\0';

	*bare_lf = 0;
	for (; *s != '\0'; prev = *s++) {
		if (*s == '\n') {
			if (prev != '\r')
				*bare_lf = 1;
			col = 0;
			continue;
		}
		if (*s != '\r' && ++col > max)
			max = col;
	}
	return max;
}

static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decode quoted-printable with CRLF line ends back to text with LF. */
static char *
qp_decode(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	while (*s != '\0') {
		if (s[0] == '=' && s[1] == '\r' && s[2] == '\n')
			s += 3;
		else if (s[0] == '=' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			*o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			s += 3;
		} else if (s[0] == '\r' && s[1] == '\n') {
			*o++ = '\n';
			s += 2;
		} else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* Decode the Q encoded words of one unfolded header value (only what mime_header writes). */
static char *
words_decode(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	while (*s != '\0') {
		if (strncmp(s, "=?UTF-8?Q?", 10) == 0) {
			s += 10;
			while (*s != '\0' && !(s[0] == '?' && s[1] == '=')) {
				if (*s == '_')
					*o++ = ' ', s++;
				else if (*s == '=' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
					*o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
					s += 3;
				} else
					*o++ = *s++;
			}
			if (*s != '\0')
				s += 2;
			/* Whitespace between two encoded words is not part of the text. */
			if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ' && strncmp(s + 3, "=?", 2) == 0)
				s += 3;
		} else if (s[0] == '\r' && s[1] == '\n')
			s += 2;
		else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* Every encoded word at most 75 characters long. */
static int
words_short(const char *s)
{
	const char *w, *e;

	for (w = strstr(s, "=?"); w != NULL; w = strstr(e + 2, "=?")) {
		if ((e = strstr(w + 10, "?=")) == NULL || e + 2 - w > 75)
			return 0;
	}
	return 1;
}

/* No encoded word ends inside a UTF-8 sequence: each word decodes to whole characters. */
static int
words_whole(const char *s)
{
	const char *w = s;

	while ((w = strstr(w, "=?UTF-8?Q?")) != NULL) {
		const char *e = strstr(w + 10, "?=");
		char word[128], *dec;
		size_t n, i;
		int ok = 1;

		if (e == NULL || (n = (size_t)(e + 2 - w)) >= sizeof(word))
			return 0;
		memcpy(word, w, n);
		word[n] = '\0';
		dec = words_decode(word);
		for (i = 0; dec[i] != '\0';) {
			unsigned char c = (unsigned char)dec[i];
			size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1, k;

			for (k = 1; k < len; k++)
				if (((unsigned char)dec[i + k] & 0xc0) != 0x80)
					ok = 0;
			if (!ok)
				break;
			i += len;
		}
		free(dec);
		if (!ok)
			return 0;
		w = e + 2;
	}
	return 1;
}

static void
test_headers(void)
{
	struct mime_buf b = { 0 };
	int bare;
	char *dec;
	const char *long_de = "Ihr Passwort für das Portico-Serviceportal wurde geändert — "
	    "bitte prüfen Sie, ob Sie das waren: äöüß ÄÖÜ € 😀 ✓ Grüße aus München";

	mime_header(&b, "Subject", "Your password was changed", NULL);
	is_str(b.p, "Subject: Your password was changed\r\n", "plain ASCII subject stays plain");
	mime_buf_free(&b);

	mime_header(&b, "Subject", "Passwort geändert", NULL);
	is_str(b.p, "Subject: =?UTF-8?Q?Passwort_ge=C3=A4ndert?=\r\n", "umlaut: one Q encoded word");
	mime_buf_free(&b);

	mime_header(&b, "Subject", "=?UTF-8?Q?x?= looks encoded", NULL);
	ok(strncmp(b.p, "Subject: =?UTF-8?Q?=3D=3F", 25) == 0, "text that looks like a word is encoded");
	mime_buf_free(&b);

	mime_header(&b, "Subject", long_de, NULL);
	ok(longest_line(b.p, &bare) <= 76 && !bare, "long subject: folded lines within 76, CRLF");
	ok(words_short(b.p), "every encoded word at most 75 characters");
	ok(words_whole(b.p), "no encoded word splits a UTF-8 character");
	dec = words_decode(b.p + strlen("Subject: "));
	dec[strlen(dec)] = '\0';
	is_str(dec, long_de, "encoded words decode to the subject");
	free(dec);
	mime_buf_free(&b);

	mime_header(&b, "To", "Klaus Bergmann", "klaus@bergmann.example");
	is_str(b.p, "To: Klaus Bergmann <klaus@bergmann.example>\r\n", "ASCII display name");
	mime_buf_free(&b);

	mime_header(&b, "To", "Jürgen \"JJ\" Müller, Einkauf", "j@x.example");
	ok(strstr(b.p, "<j@x.example>\r\n") != NULL && strstr(b.p, "=?UTF-8?Q?") != NULL &&
	    strchr(b.p, '"') == NULL && strchr(b.p, ',') == NULL,
	    "name with umlaut, quotes and comma: encoded word, address after it");
	mime_buf_free(&b);

	mime_header(&b, "To", "", "carl@acme.example");
	is_str(b.p, "To: <carl@acme.example>\r\n", "no display name");
	mime_buf_free(&b);

	mime_header(&b, "To", "Name\r\nBcc: evil@example.com", "a@b.example");
	ok(strstr(b.p, "\r\nBcc") == NULL && strstr(b.p, "=0D=0A") != NULL,
	    "CR LF in a name cannot start a header");
	mime_buf_free(&b);
}

static void
test_qp(void)
{
	struct mime_buf b = { 0 };
	char text[4096], *dec;
	int bare, i;

	mime_qp(&b, "a=b \nline two\t\n.dot\n", 20);
	is_str(b.p, "a=3Db=20\r\nline two=09\r\n=2Edot\r\n",
	    "= and trailing space/tab encoded, leading dot encoded, CRLF");
	mime_buf_free(&b);

	/* A long line of mixed text, with umlauts and some URL. */
	text[0] = '\0';
	for (i = 0; i < 40; i++)
		strcat(text, "Grüße https://portal.example/auth/x?token=ab&y=1 ");
	strcat(text, "\nEnde\n\n");
	mime_qp(&b, text, strlen(text));
	ok(longest_line(b.p, &bare) <= 76, "QP lines at most 76 characters");
	ok(!bare, "QP output has CRLF line ends only");
	dec = qp_decode(b.p);
	is_str(dec, text, "QP decodes to the original text");
	free(dec);
	mime_buf_free(&b);

	/* Many '=' right at the wrap point: the soft break never splits =XX. */
	memset(text, '=', 300);
	text[300] = '\0';
	mime_qp(&b, text, 300);
	ok(longest_line(b.p, &bare) <= 76, "all-'=' line wraps within 76");
	dec = qp_decode(b.p);
	is_int(strlen(dec), 301, "all-'=' line decodes to itself (plus line end)");
	free(dec);
	mime_buf_free(&b);
}

static void
test_message(void)
{
	struct mime_buf b = { 0 };
	struct mime_msg m = { 0 };
	const char *body, *boundary_at;
	char boundary[80], *end;
	int bare;
	size_t n;

	m.from_name = "Portico";
	m.from_addr = "portal@example.com";
	m.to_name = "Klaus Bergmann";
	m.to_addr = "klaus@bergmann.example";
	m.subject = "Ihr Passwort wurde geändert";
	m.text = "Hallo Klaus,\n\nIhr Passwort wurde geändert.\n--\nPortico\n";
	m.html = "<!DOCTYPE html>\n<html lang=\"de\"><body><p>Hallo Klaus,</p>"
	    "<p>--=_portico_ (a fake boundary in the text)</p></body></html>\n";
	m.message_id = "<outbox.1.abc@example.com>";
	m.date = 1795000000;
	ok(mime_build(&b, &m) == PT_OK, "message built");
	ok(longest_line(b.p, &bare) <= 78 && !bare, "message: lines within 78, CRLF only");
	ok(strstr(b.p, "\r\nMIME-Version: 1.0\r\n") != NULL, "MIME-Version");
	ok(strncmp(b.p, "Date: ", 6) == 0 && strstr(b.p, " +0000\r\n") != NULL, "Date in UTC");
	ok(strstr(b.p, "\r\nFrom: Portico <portal@example.com>\r\n") != NULL, "From");
	ok(strstr(b.p, "\r\nMessage-ID: <outbox.1.abc@example.com>\r\n") != NULL, "Message-ID");
	ok(strstr(b.p, "\r\nSubject: =?UTF-8?Q?") != NULL, "Subject encoded");
	ok(strstr(b.p, "Reply-To:") == NULL && strstr(b.p, "In-Reply-To:") == NULL,
	    "no Reply-To or In-Reply-To unless given");
	boundary_at = strstr(b.p, "boundary=\"");
	ok(boundary_at != NULL, "multipart boundary declared");
	if (boundary_at == NULL)
		goto out;
	snprintf(boundary, sizeof(boundary), "%s", boundary_at + 10);
	if ((end = strchr(boundary, '"')) != NULL)
		*end = '\0';
	ok(strncmp(boundary, "=_portico_", 10) == 0 && strlen(boundary) == 34,
	    "random boundary starting with =_");
	ok(strstr(b.p, "Content-Type: multipart/alternative;") != NULL, "multipart/alternative");
	body = strstr(b.p, "\r\n\r\n");
	/* The boundary occurs exactly three times as a delimiter line, and nowhere else. */
	for (n = 0, boundary_at = body; (boundary_at = strstr(boundary_at, boundary)) != NULL;
	    boundary_at++)
		n++;
	is_int(n, 3, "boundary occurs only as the three delimiter lines");
	ok(strstr(body, "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n") != NULL, "text/plain part, QP");
	ok(strstr(body, "Content-Type: text/html; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n") != NULL, "text/html part, QP");
	ok(strstr(body, "text/plain") < strstr(body, "text/html"), "text part before HTML part");
	ok(strstr(body, "Passwort wurde ge=C3=A4ndert.") != NULL, "text part QP-encoded UTF-8");
	ok(b.len >= 4 && strcmp(b.p + b.len - strlen(boundary) - 6, "--") > 0 &&
	    strstr(b.p + b.len - strlen(boundary) - 8, "--\r\n") != NULL, "closing delimiter at the end");
out:
	mime_buf_free(&b);
	/* A mail of a ticket: threaded, and its answers go to the ticket's reply address. */
	b = (struct mime_buf){ 0 };
	m.in_reply_to = "<ticket.T-2026-000042.ab@example.com>";
	m.references = "<ticket.T-2026-000042.ab@example.com>";
	m.reply_to = "support+t42-abcdefghijklmnop@example.com";
	ok(mime_build(&b, &m) == PT_OK, "threaded message built");
	ok(strstr(b.p, "\r\nReply-To: support+t42-abcdefghijklmnop@example.com\r\n") != NULL,
	    "Reply-To: the reply address");
	ok(strstr(b.p, "\r\nIn-Reply-To: <ticket.T-2026-000042.ab@example.com>\r\n") != NULL,
	    "In-Reply-To");
	ok(strstr(b.p, "\r\nReferences: <ticket.T-2026-000042.ab@example.com>\r\n") != NULL,
	    "References");
	mime_buf_free(&b);
}

static void
test_misc(void)
{
	char date[64], from[64];
	const char *name, *addr;

	mime_date(0, date);
	is_str(date, "Thu, 01 Jan 1970 00:00:00 +0000", "RFC 5322 date");
	snprintf(from, sizeof(from), "\"Portico Portal\" <portal@example.com>");
	mime_split_address(from, &name, &addr);
	is_str(name, "Portico Portal", "from: quoted display name");
	is_str(addr, "portal@example.com", "from: address");
	snprintf(from, sizeof(from), " portal@example.com ");
	mime_split_address(from, &name, &addr);
	ok(*name == '\0' && strcmp(addr, "portal@example.com") == 0, "bare from address");
}

int
main(void)
{
	test_headers();
	test_qp();
	test_message();
	test_misc();
	return done_testing();
}
