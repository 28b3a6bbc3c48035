/*
 * portico-mailin's parser on the corpus in t/unit/fixtures/mail/: for each
 * message the sender, recipients, decoded subject, threading headers, the
 * text chosen or made from HTML, the reply without quoted history and
 * signature, the attachments, and the flags that keep automatic mail out;
 * then the bounds, the reply address in the corpus' recipients, and the
 * history cutter on its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mailin.h"
#include "tap.h"

static struct pt_arena *arena;
static struct mailin_opts opts;
static char reply_addr[PT_REPLY_ADDRESS_MAX];

/* The file with "+t{TICKET}-{MAC}@" made ticket 42's reply address and "{TICKET}" 42. */
static char *
fixture(const char *name, size_t *len)
{
	const char *src = getenv("PT_SRCDIR");
	char path[1024], *raw, *out, *o;
	const char *p, *mark = "support+t{TICKET}-{MAC}@portico.example";
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/t/unit/fixtures/mail/%s", src != NULL ? src : ".", name);
	if ((f = fopen(path, "rb")) == NULL) {
		printf("# cannot open %s\n", path);
		exit(1);
	}
	raw = malloc(1 << 20);
	n = fread(raw, 1, (1 << 20) - 1, f);
	fclose(f);
	raw[n] = '\0';
	out = malloc(2 * n + 1024);
	for (o = out, p = raw; *p != '\0';) {
		if (strncmp(p, mark, strlen(mark)) == 0) {
			o += sprintf(o, "%s", reply_addr);
			p += strlen(mark);
		} else if (strncmp(p, "{TICKET}", 8) == 0) {
			o += sprintf(o, "42");
			p += 8;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	free(raw);
	*len = (size_t)(o - out);
	return out;
}

static int
parse(const char *name, struct mailin_msg *m)
{
	size_t len;
	char *data = fixture(name, &len);
	int rc;

	pt_arena_reset(arena);
	rc = mailin_parse(arena, data, len, &opts, m);
	free(data);
	return rc;
}

static int
has_recipient(const struct mailin_msg *m, const char *addr)
{
	size_t i;

	for (i = 0; i < m->nrecipients; i++)
		if (strcmp(m->recipients[i], addr) == 0)
			return 1;
	return 0;
}

/* The ticket of the first recipient that is a reply address, PT_EINVAL for a forged one, or 0. */
static long long
reply_ticket(const struct mailin_msg *m)
{
	int64_t id;
	size_t i;

	for (i = 0; i < m->nrecipients; i++)
		switch (pt_reply_address_check(m->recipients[i], &id)) {
		case PT_OK:
			return id;
		case PT_EINVAL:
			return PT_EINVAL;
		default:
			break;
		}
	return 0;
}

static void
alternative(void)
{
	struct mailin_msg m;

	is_int(parse("alternative.eml", &m), PT_OK, "alternative: parses");
	is_str(m.from_addr, "anna.admin@acme.example", "alternative: sender in lower case");
	is_str(m.from_name, "Anna Admin", "alternative: sender's name");
	ok(has_recipient(&m, reply_addr) && has_recipient(&m, "carl@acme.example"),
	    "alternative: To and Cc among the recipients");
	is_int(m.nrecipients, 2, "alternative: Delivered-To and To are one address");
	is_int(reply_ticket(&m), 42, "alternative: the reply address names ticket 42");
	is_str(m.subject, "Re: [T-2026-000042] Printer shows error E-17", "alternative: subject");
	is_str(m.message_id, "CAJx4mP3=alt.9921@mail.gmail.example", "alternative: Message-ID");
	is_str(m.in_reply_to, "portico.t42.m9.77aa01@portico.example", "alternative: In-Reply-To");
	is_int(m.nreferences, 2, "alternative: two References");
	is_str(m.nreferences > 0 ? m.references[0] : NULL, "portico.t42.m1.0a1b2c@portico.example",
	    "alternative: oldest reference first");
	is_int(m.from_html, 0, "alternative: text/plain chosen over text/html");
	ok(strstr(m.text, "> Please install driver") != NULL, "alternative: text keeps the quote");
	is_str(m.reply, "Thanks, the new driver fixed it \xe2\x80\x93 the printer works again.\n\nAnna",
	    "alternative: reply without the wrapped attribution and the quote");
	is_int(m.flags, 0, "alternative: no automatic-mail flags");
	is_int(m.nattachments, 0, "alternative: no attachments");
}

static void
html_only(void)
{
	struct mailin_msg m;

	is_int(parse("html-only.eml", &m), PT_OK, "html only: parses");
	is_str(m.from_name, "Olivia O'Neill", "html only: quoted display name");
	is_int(m.from_html, 1, "html only: text made from HTML");
	is_str(m.text,
	    "Hello team,\n\nit happens again on three printers:\n\n- Floor 1 \xe2\x80\x93 HP 4050\n"
	    "- Floor 2\n1. switch on\n2. print\n\nDetails: our status page"
	    " <https://status.acme.example/printers> and IT.\n\nModel Error\n4050 E-17\n\n"
	    "Gr\xc3\xbc\xc3\x9f" "e\nOlivia\n\n> Earlier: please restart the printer.",
	    "html only: blocks, lists, links, table, entities; no head, style or script");
	is_str(m.reply,
	    "Hello team,\n\nit happens again on three printers:\n\n- Floor 1 \xe2\x80\x93 HP 4050\n"
	    "- Floor 2\n1. switch on\n2. print\n\nDetails: our status page"
	    " <https://status.acme.example/printers> and IT.\n\nModel Error\n4050 E-17\n\n"
	    "Gr\xc3\xbc\xc3\x9f" "e\nOlivia",
	    "html only: the blockquote is cut as quoted history");
	is_int(m.flags, 0, "html only: no flags");
}

static void
attachments(void)
{
	struct mailin_msg m;

	is_int(parse("attachments.eml", &m), PT_OK, "attachments: parses");
	is_str(m.reply, "Hello,\n\nthe error log and a photo of the display are attached.\n\nCarl",
	    "attachments: the text part is the body");
	is_int(m.nattachments, 3, "attachments: three kept");
	if (m.nattachments != 3)
		return;
	is_str(m.attachments[0].name, "error-log.pdf", "attachments: PDF name");
	is_str(m.attachments[0].content_type, "application/pdf", "attachments: PDF type");
	is_int(m.attachments[0].len, 438, "attachments: PDF decoded from base64");
	ok(memcmp(m.attachments[0].data, "%PDF-1.4\n", 9) == 0, "attachments: PDF bytes");
	is_str(m.attachments[1].name, "Anzeige B\xc3\xbcro.png", "attachments: RFC 2231 file name");
	is_str(m.attachments[1].content_type, "image/png", "attachments: image type");
	is_int(m.attachments[1].len, 73, "attachments: PNG size");
	ok(memcmp(m.attachments[1].data, "\x89PNG\r\n\x1a\n", 8) == 0, "attachments: PNG bytes");
	is_str(m.attachments[2].name, "passwd", "attachments: a path in a name keeps its last part");
	is_int(m.ndropped, 0, "attachments: none dropped");
}

static void
encoded_headers(void)
{
	struct mailin_msg m;

	is_int(parse("encoded-headers.eml", &m), PT_OK, "encoded headers: parses");
	is_str(m.from_name, "Klaus M\xc3\xbcller", "encoded headers: Q-encoded Latin-1 name");
	is_str(m.subject, "Dr\xc3\xbc" "cker im B\xc3\xbcro 3 \xe2\x80\x93 kein Toner",
	    "encoded headers: Q (Latin-1) and B (UTF-8) words in one subject");
	ok(has_recipient(&m, "support@portico.example"), "encoded headers: the support address");
	is_int(reply_ticket(&m), 0, "encoded headers: no reply address");
	ok(strstr(m.text, "im B\xc3\xbcro 3 ist der Toner leer.") != NULL,
	    "encoded headers: 8-bit UTF-8 body");
}

static void
latin1(void)
{
	struct mailin_msg m;

	is_int(parse("latin1.eml", &m), PT_OK, "Latin-1: parses");
	is_str(m.subject, "Stra\xc3\x9f" "enlaterne defekt", "Latin-1: raw 8-bit subject");
	is_str(m.reply, "Sehr geehrte Damen und Herren,\n\ndie Stra\xc3\x9f" "enlaterne vor"
	    " Geb\xc3\xa4ude 5 ist seit Montag dunkel. Gr\xc3\xbc\xc3\x9f" "e\naus M\xc3\xbc"
	    "nchen \xc2\xa9 2026.\n\nKlaus Bergmann", "Latin-1: body converted to UTF-8");
}

static void
forwarded(void)
{
	struct mailin_msg m;

	is_int(parse("forwarded.eml", &m), PT_OK, "forwarded: parses");
	is_int(m.forwarded, 1, "forwarded: known as forwarded");
	ok(strstr(m.reply, "\n---------- Forwarded message ---------\nFrom: Warehouse") != NULL,
	    "forwarded: the forwarded header kept");
	ok(strstr(m.reply, "\n\n> Two of the five boxes were crushed.\n\nPhotos follow.\n\n--\n"
	    "Acme Warehouse Team") != NULL, "forwarded: its quote and signature kept");
	is_int(m.flags, 0, "forwarded: no flags");
}

static void
automatic(void)
{
	struct mailin_msg m;

	is_int(parse("auto-replied.eml", &m), PT_OK, "auto-reply: parses");
	is_int(m.flags, MAILIN_AUTO_SUBMITTED, "auto-reply: Auto-Submitted: auto-replied");
	is_int(reply_ticket(&m), 42, "auto-reply: to a valid reply address all the same");
	is_int(parse("out-of-office.eml", &m), PT_OK, "out of office: parses");
	is_int(m.flags, MAILIN_PRECEDENCE, "out of office: Precedence: junk");
	is_int(parse("bounce.eml", &m), PT_OK, "bounce: parses");
	is_int(m.flags, MAILIN_AUTO_SUBMITTED | MAILIN_NULL_SENDER | MAILIN_REPORT |
	    MAILIN_MAILER_DAEMON, "bounce: report, empty Return-Path, MAILER-DAEMON, auto-submitted");
	is_str(mailin_flag_names(arena, m.flags), "auto-submitted null-sender report mailer-daemon",
	    "bounce: flag names for the log");
	is_int(m.nattachments, 0, "bounce: the report parts are no attachments");
	is_int(parse("own-message.eml", &m), PT_OK, "own message: parses");
	is_int(m.flags, MAILIN_OWN_MESSAGE, "own message: our Message-ID came back");
}

static void
forged(void)
{
	struct mailin_msg m;

	is_int(parse("forged.eml", &m), PT_OK, "forged: parses");
	ok(has_recipient(&m, "support+t42-aaaaaaaaaaaaaaaa@portico.example"),
	    "forged: the address as sent");
	is_int(reply_ticket(&m), PT_EINVAL, "forged: its HMAC is wrong");
	is_int(m.flags, 0, "forged: looks like a person's mail otherwise");
}

static void
outlook_german(void)
{
	struct mailin_msg m;

	is_int(parse("outlook-german.eml", &m), PT_OK, "Outlook: parses");
	is_str(m.subject, "AW: [T-2026-000042] Drucker zeigt Fehler E-17", "Outlook: subject");
	is_int(m.from_html, 0, "Outlook: the text/plain part");
	ok(strstr(m.text, "Gesendet: Dienstag, 10. M\xc3\xa4rz 2026") != NULL,
	    "Outlook: Windows-1252 quoted-printable decoded");
	is_str(m.reply, "Hallo,\n\ndanke, mit Treiber 5.2 druckt er wieder. Das Ticket kann"
	    " geschlossen werden.\n\nMit freundlichen Gr\xc3\xbc\xc3\x9f" "en\nKlaus Bergmann",
	    "Outlook: the Von/Gesendet block and the rule above it are cut");
	is_int(reply_ticket(&m), 42, "Outlook: reply address");
}

static void
signature(void)
{
	struct mailin_msg m;

	is_int(parse("signature.eml", &m), PT_OK, "signature: parses");
	is_str(m.reply, "The invoice number is 2026-0815, cost centre 4410.",
	    "signature: cut at the \"-- \" line");
	ok(strstr(m.text, "Head of IT") != NULL, "signature: still in the whole text");
}

static void
new_ticket(void)
{
	struct mailin_msg m;

	is_int(parse("new-ticket.eml", &m), PT_OK, "new ticket: parses");
	is_str(m.from_addr, "carl@acme.example", "new ticket: sender");
	is_int(reply_ticket(&m), 0, "new ticket: to the plain support address");
	is_str(m.subject, "VPN access for our new colleague", "new ticket: subject");
	ok(strncmp(m.reply, "Hello,\n\nplease set up VPN access", 32) == 0 &&
	    strstr(m.reply, "Thanks,\nCarl") != NULL, "new ticket: text");
	is_int(m.flags, 0, "new ticket: no flags");
}

/* A message from a string, with the default bounds unless the caller changed opts. */
static int
parse_text(const char *text, struct mailin_msg *m)
{
	pt_arena_reset(arena);
	return mailin_parse(arena, text, strlen(text), &opts, m);
}

#define HDR "From: a@acme.example\nTo: support@portico.example\nSubject: s\n"

static void
flags_and_envelope(void)
{
	struct mailin_msg m;
	const char *rcpts[] = { "Support+T9-ABC@portico.example" };

	is_int(parse_text(HDR "Auto-Submitted: no\n\nhi\n", &m), PT_OK, "Auto-Submitted: no");
	is_int(m.flags, 0, "... is a person's mail");
	parse_text(HDR "Auto-Submitted: auto-generated; owner-email=x@y\n\nhi\n", &m);
	is_int(m.flags, MAILIN_AUTO_SUBMITTED, "Auto-Submitted: auto-generated with a comment");
	parse_text(HDR "Precedence: list\n\nhi\n", &m);
	is_int(m.flags, MAILIN_PRECEDENCE, "Precedence: list");
	parse_text(HDR "Precedence: first-class\n\nhi\n", &m);
	is_int(m.flags, 0, "Precedence: first-class is no flag");
	parse_text(HDR "X-Autoreply: yes\n\nhi\n", &m);
	is_int(m.flags, MAILIN_AUTO_REPLY, "X-Autoreply");
	parse_text(HDR "X-Autorespond: yes\n\nhi\n", &m);
	is_int(m.flags, MAILIN_AUTO_REPLY, "X-Autorespond");
	parse_text(HDR "X-Auto-Response-Suppress: All\n\nhi\n", &m);
	is_int(m.flags, MAILIN_AUTO_REPLY, "X-Auto-Response-Suppress: All");
	parse_text(HDR "X-Loop: support@portico.example\n\nhi\n", &m);
	is_int(m.flags, MAILIN_LOOP, "X-Loop with our address");
	parse_text(HDR "List-Id: <news.acme.example>\n\nhi\n", &m);
	is_int(m.flags, MAILIN_LIST, "List-Id");
	parse_text(HDR "Message-ID: <portico.t1.m2.x@PORTICO.example>\n\nhi\n", &m);
	is_int(m.flags, MAILIN_OWN_MESSAGE, "our portico.* Message-ID, domain in any case");
	parse_text(HDR "Message-ID: <ticket.T-2026-000042.ab12@portico.example>\n\nhi\n", &m);
	is_int(m.flags, MAILIN_OWN_MESSAGE, "a ticket's Message-ID");
	parse_text(HDR "Message-ID: <portico.t1.m2.x@acme.example>\n\nhi\n", &m);
	is_int(m.flags, 0, "the prefix at another domain is not ours");
	opts.envelope_sender = "";
	opts.envelope_rcpts = rcpts;
	opts.nenvelope_rcpts = 1;
	parse_text(HDR "\nhi\n", &m);
	is_int(m.flags, MAILIN_NULL_SENDER, "an empty envelope sender (-f '')");
	is_str(m.nrecipients > 0 ? m.recipients[0] : NULL, "support+t9-abc@portico.example",
	    "the envelope recipient first, in lower case");
	opts.envelope_sender = NULL;
	opts.envelope_rcpts = NULL;
	opts.nenvelope_rcpts = 0;
	is_int(parse_text("From MAILER-DAEMON Fri Mar 13 16:00:00 2026\n" HDR "\nhi\n", &m), PT_OK,
	    "an mbox From line first");
	is_str(m.from_addr, "a@acme.example", "... is skipped");
}

static void
bounds(void)
{
	struct mailin_msg m;
	char *big;
	size_t i, n;
	int rc;

	is_int(parse_text("no headers at all, just words\n", &m), PT_EINVAL, "no sender: EINVAL");
	is_int(parse_text("To: support@portico.example\nSubject: x\n\nhi\n", &m), PT_EINVAL,
	    "no From: EINVAL");
	is_int(parse_text("From: nobody\nSubject: x\n\nhi\n", &m), PT_EINVAL,
	    "From without an address: EINVAL");
	is_int(parse_text("", &m), PT_EINVAL, "empty: EINVAL");
	opts.limits.message_bytes = 100;
	is_int(parse_text(HDR "\nThis body makes the message longer than one hundred bytes, which"
	    " is the limit.\n", &m), PT_ELIMIT, "over message_bytes: ELIMIT");
	mailin_limits_default(&opts.limits);
	big = malloc(400000);
	n = (size_t)sprintf(big, HDR);
	for (i = 0; i < 1100; i++)
		n += (size_t)sprintf(big + n, "X-Filler-%zu: x\n", i);
	sprintf(big + n, "\nhi\n");
	is_int(parse_text(big, &m), PT_ELIMIT, "over 1000 header fields: ELIMIT");
	n = (size_t)sprintf(big, HDR "X-Long: ");
	for (i = 0; i < 300000 / 70; i++)
		n += (size_t)sprintf(big + n, "%70s\n ", "folded");
	sprintf(big + n, "end\n\nhi\n");
	is_int(parse_text(big, &m), PT_ELIMIT, "a header block over 256 KiB: ELIMIT");
	/* Twelve attachments, one of them too large: ten kept. */
	n = (size_t)sprintf(big, HDR "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
	    "Content-Type: text/plain\n\nbody\n");
	for (i = 0; i < 12; i++)
		n += (size_t)sprintf(big + n, "--b\nContent-Type: text/csv\nContent-Disposition:"
		    " attachment; filename=\"f%zu.csv\"\n\n%s\n", i, i == 1 ? "a,b,c,d,e,f,g,h" : "1,2");
	sprintf(big + n, "--b--\n");
	opts.limits.attachment_bytes = 10;
	rc = parse_text(big, &m);
	is_int(rc, PT_OK, "twelve attachments: parses");
	is_int(m.nattachments, 10, "ten attachments kept");
	is_int(m.ndropped, 2, "one too large, one too many: dropped");
	ok(m.cut & MAILIN_CUT_ATTACHMENTS, "the cut is recorded");
	is_str(m.nattachments > 1 ? m.attachments[1].name : NULL, "f2.csv",
	    "the large one is the one missing");
	mailin_limits_default(&opts.limits);
	opts.limits.text_bytes = 10;
	parse_text(HDR "\n\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\n", &m);
	is_str(m.text, "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4", "text cut at a character");
	ok(m.cut & MAILIN_CUT_TEXT, "the cut text is recorded");
	mailin_limits_default(&opts.limits);
	/* Nested twenty deep: the walk stops at the bound, the message still parses. */
	n = (size_t)sprintf(big, HDR "Content-Type: multipart/mixed; boundary=b0\n\n");
	for (i = 0; i < 20; i++)
		n += (size_t)sprintf(big + n, "--b%zu\nContent-Type: multipart/mixed; boundary=b%zu\n\n",
		    i, i + 1);
	n += (size_t)sprintf(big + n, "--b20\nContent-Type: text/plain\n\ndeep\n--b20--\n");
	is_int(parse_text(big, &m), PT_OK, "twenty nested multiparts: parses");
	ok(m.cut & MAILIN_CUT_PARTS, "deeper than the bound: recorded");
	is_str(m.text, "", "the text below the bound is not read");
	free(big);
	parse_text("From: a@acme.example\nSubject: =?utf-8?q?a=1Bb=07c?=\n\nx\x01y\r\nz\n", &m);
	is_str(m.subject, "abc", "control characters leave the subject");
	is_str(m.text, "xy\nz\n", "control characters and CR leave the text");
}

static void
cutter(void)
{
	static const struct {
		const char *in, *want, *name;
	} cases[] = {
		{ "Yes.\n\nOn Mon, 2 Mar 2026, Bob <b@x.example> wrote:\n> old\n", "Yes.",
		  "On ... wrote:" },
		{ "Ja.\n\nAm 02.03.2026 um 10:00 schrieb Bob <b@x.example>:\n> alt\n", "Ja.",
		  "Am ... schrieb ...:" },
		{ "Ja.\n\nAm Mo., 2. M\xc3\xa4rz 2026 um 10:00 Uhr schrieb Bob\n<b@x.example>:\n> alt\n",
		  "Ja.", "Am ... schrieb wrapped over two lines" },
		{ "OK.\n\n-----Original Message-----\nFrom: Bob\nSent: Monday\n\nold\n", "OK.",
		  "-----Original Message-----" },
		{ "OK.\n\n-----Urspr\xc3\xbcngliche Nachricht-----\nVon: Bob\nGesendet: Montag\n\nalt\n",
		  "OK.", "-----Urspr\xc3\xbcngliche Nachricht-----" },
		{ "OK.\n\nFrom: Bob <b@x.example>\nSent: Monday, 2 March 2026 10:00\nTo: us\n\nold\n",
		  "OK.", "Outlook From/Sent block" },
		{ "Fine.\n> quoted\nMy answer.\n> more quoted\n", "Fine.\nMy answer.",
		  "interleaved > lines go, answers stay" },
		{ "Thanks.\n--\nBob\n", "Thanks.", "a \"--\" line without its space" },
		{ "Thanks.\n\nSent from my iPhone\n", "Thanks.", "a device's sign-off" },
		{ "Thanks.\n\nVon meinem iPhone gesendet\n", "Thanks.", "a German device sign-off" },
		{ "On the second floor the printer is broken.\nFrom: the IT team\n",
		  "On the second floor the printer is broken.\nFrom: the IT team",
		  "sentences that only look like the start of a history stay" },
		{ "> only a quote\n", "", "a quote alone leaves nothing" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pt_arena_reset(arena);
		is_str(mailin_cut(arena, cases[i].in, 0), cases[i].want, cases[i].name);
	}
	pt_arena_reset(arena);
	is_str(mailin_cut(arena, "FYI\n\n---------- Forwarded message ---------\n> x\n", 1),
	    "FYI\n\n---------- Forwarded message ---------\n> x", "forwarded: kept whole");
	ok(mailin_forwarded("WG: Rechnung", ""), "WG: is a forward");
	ok(mailin_forwarded("Rechnung", "x\nBegin forwarded message:\n"), "Apple's marker");
	ok(!mailin_forwarded("Re: Fwd: Rechnung", "x"), "a reply to a forward is a reply");
}

int
main(void)
{
	static const char conf[] = "[secrets]\nhmac_key = 0123456789abcdef0123456789abcdef\n"
	    "[mailin]\naddress = support@portico.example\n";

	if (pt_conf_parse(conf, strlen(conf)) != PT_OK || (arena = pt_arena_new()) == NULL ||
	    pt_reply_address(42, reply_addr, sizeof(reply_addr)) != PT_OK)
		return 1;
	mailin_init();
	mailin_limits_default(&opts.limits);
	opts.own_domain = "portico.example";
	opts.own_address = "support@portico.example";
	alternative();
	html_only();
	attachments();
	encoded_headers();
	latin1();
	forwarded();
	automatic();
	forged();
	outlook_german();
	signature();
	new_ticket();
	flags_and_envelope();
	bounds();
	cutter();
	pt_arena_free(arena);
	mailin_shutdown();
	pt_conf_clear();
	return done_testing();
}
