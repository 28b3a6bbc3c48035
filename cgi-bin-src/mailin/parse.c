/*
 * One RFC 5322 message into a struct mailin_msg, with GMime: who sent it
 * and to whom, its subject and threading headers decoded, its text
 * (text/plain when there is one, else the HTML made plain), its
 * attachments, and every sign that no person wrote it to us (auto-replies,
 * bounces, lists, our own mails coming back).  Every bound is checked
 * here: the size of the message and of its header block, the number of
 * header fields, parts, nesting, attachments and their sizes.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <gmime/gmime.h>

#include "mailin.h"

static GMimeParserOptions *parser_options;

void
mailin_limits_default(struct mailin_limits *l)
{
	l->message_bytes = 25 * 1024 * 1024;
	l->header_bytes = 256 * 1024;
	l->headers = 1000;
	l->text_bytes = 256 * 1024;
	l->subject_bytes = 1000;
	l->attachments = 10;
	l->attachment_bytes = 10 * 1024 * 1024;
	l->parts = 100;
	l->depth = 8;
	l->recipients = 50;
	l->references = 50;
}

void
mailin_init(void)
{
	/* Raw 8-bit headers: UTF-8 if they are, else what Western programs send. */
	static const char *fallback[] = { "UTF-8", "windows-1252", "iso-8859-1", NULL };

	g_mime_init();
	parser_options = g_mime_parser_options_new();
	g_mime_parser_options_set_rfc2047_compliance_mode(parser_options, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_address_compliance_mode(parser_options, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_parameter_compliance_mode(parser_options,
	    GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_fallback_charsets(parser_options, fallback);
}

void
mailin_shutdown(void)
{
	if (parser_options != NULL)
		g_mime_parser_options_free(parser_options);
	parser_options = NULL;
	g_mime_shutdown();
}

const char *
mailin_flag_names(struct pt_arena *a, unsigned flags)
{
	static const char *const names[MAILIN_FLAG__COUNT] = { "auto-submitted", "precedence",
		"null-sender", "auto-reply", "report", "own-message", "loop", "mailer-daemon",
		"list" };
	char buf[256] = "";
	size_t i;

	for (i = 0; i < MAILIN_FLAG__COUNT; i++)
		if (flags & (1u << i)) {
			if (buf[0] != '\0')
				strcat(buf, " ");
			strcat(buf, names[i]);
		}
	return pt_arena_strndup(a, buf, strlen(buf));
}

/* ---- small helpers ----------------------------------------------------------- */

/* s cleaned (mailin_clean_text) on one line: white space runs as one space, ends trimmed. */
static char *
one_line(struct pt_arena *a, const char *s, size_t max, int *cut)
{
	char *t, *o, *p;
	int space = 0;

	if (s == NULL)
		s = "";
	if ((t = mailin_clean_text(a, s, strlen(s), max, cut)) == NULL)
		return NULL;
	for (o = p = t; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n') {
			space = o > t;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *p;
	}
	*o = '\0';
	return t;
}

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* An address as we keep it: lower case, printable ASCII or UTF-8, no spaces, one @. */
static char *
address(struct pt_arena *a, const char *addr)
{
	char *s;

	if (addr == NULL || strlen(addr) > PT_EMAIL_MAX_BYTES)
		return NULL;
	if ((s = one_line(a, addr, PT_EMAIL_MAX_BYTES, NULL)) == NULL)
		return NULL;
	lower(s);
	if (strchr(s, ' ') != NULL || strchr(s, '@') == NULL || strchr(s, '@') != strrchr(s, '@') ||
	    s[0] == '@' || s[strlen(s) - 1] == '@' || strpbrk(s, "<>()[],;:\"\\") != NULL)
		return NULL;
	return s;
}

/* A Message-ID without <>, printable ASCII only, or NULL. */
static char *
message_id(struct pt_arena *a, const char *id)
{
	size_t len, i;

	if (id == NULL || (len = strlen(id)) == 0 || len > 998)
		return NULL;
	for (i = 0; i < len; i++)
		if (id[i] <= ' ' || id[i] >= 0x7f || id[i] == '<' || id[i] == '>')
			return NULL;
	return pt_arena_strndup(a, id, len);
}

static int
add_recipient(struct pt_arena *a, const struct mailin_opts *o, struct mailin_msg *m,
    const char *addr)
{
	char *s = address(a, addr);
	size_t i;

	if (s == NULL)
		return PT_OK;
	for (i = 0; i < m->nrecipients; i++)
		if (strcmp(m->recipients[i], s) == 0)
			return PT_OK;
	if (m->nrecipients >= o->limits.recipients) {
		m->cut |= MAILIN_CUT_ADDRESSES;
		return PT_OK;
	}
	m->recipients[m->nrecipients++] = s;
	return PT_OK;
}

static void
add_list(struct pt_arena *a, const struct mailin_opts *o, struct mailin_msg *m,
    InternetAddressList *list, int depth)
{
	int i, n = list != NULL ? internet_address_list_length(list) : 0;

	for (i = 0; i < n; i++) {
		InternetAddress *ia = internet_address_list_get_address(list, i);

		if (INTERNET_ADDRESS_IS_MAILBOX(ia))
			add_recipient(a, o, m,
			    internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
		else if (INTERNET_ADDRESS_IS_GROUP(ia) && depth < 2)
			add_list(a, o, m, internet_address_group_get_members(
			    INTERNET_ADDRESS_GROUP(ia)), depth + 1);
	}
}

/* The first mailbox of a list, groups included. */
static InternetAddressMailbox *
first_mailbox(InternetAddressList *list, int depth)
{
	int i, n = list != NULL ? internet_address_list_length(list) : 0;

	for (i = 0; i < n; i++) {
		InternetAddress *ia = internet_address_list_get_address(list, i);
		InternetAddressMailbox *mb;

		if (INTERNET_ADDRESS_IS_MAILBOX(ia))
			return INTERNET_ADDRESS_MAILBOX(ia);
		if (INTERNET_ADDRESS_IS_GROUP(ia) && depth < 2 && (mb = first_mailbox(
		    internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), depth + 1)) != NULL)
			return mb;
	}
	return NULL;
}

/* ---- header signs of automatic mail ----------------------------------------------- */

/* A header value without white space around it and without a ";" comment part, lower case. */
static void
header_word(const char *value, char *out, size_t size)
{
	size_t n;

	while (*value == ' ' || *value == '\t')
		value++;
	n = strcspn(value, ";( \t\r\n");
	if (n >= size)
		n = size - 1;
	memcpy(out, value, n);
	out[n] = '\0';
	lower(out);
}

static int
contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

static unsigned
header_flags(const struct mailin_opts *o, const char *name, const char *value)
{
	char w[32];

	if (value == NULL)
		value = "";
	if (strcasecmp(name, "Auto-Submitted") == 0) {
		header_word(value, w, sizeof(w));
		return strcmp(w, "no") != 0 ? MAILIN_AUTO_SUBMITTED : 0;
	}
	if (strcasecmp(name, "Precedence") == 0) {
		header_word(value, w, sizeof(w));
		return strcmp(w, "bulk") == 0 || strcmp(w, "junk") == 0 || strcmp(w, "list") == 0 ?
		    MAILIN_PRECEDENCE : 0;
	}
	if (strcasecmp(name, "Return-Path") == 0) {
		while (*value == ' ' || *value == '\t')
			value++;
		return *value == '\0' || strncmp(value, "<>", 2) == 0 || strncmp(value, "< >", 3) == 0 ?
		    MAILIN_NULL_SENDER : 0;
	}
	/* Exchange's OOF and auto-replies say which answers they do not want: all of them. */
	if (strcasecmp(name, "X-Auto-Response-Suppress") == 0)
		return contains_ci(value, "all") || contains_ci(value, "oof") ||
		    contains_ci(value, "autoreply") ? MAILIN_AUTO_REPLY : 0;
	if (strcasecmp(name, "X-Autoreply") == 0 || strcasecmp(name, "X-Autorespond") == 0 ||
	    strcasecmp(name, "X-Autoresponder") == 0 || strcasecmp(name, "X-Autogenerated") == 0 ||
	    strcasecmp(name, "X-AutoReply-From") == 0 || strcasecmp(name, "X-Mail-Autoreply") == 0)
		return MAILIN_AUTO_REPLY;
	if (strcasecmp(name, "X-Loop") == 0)
		return o->own_address != NULL && *o->own_address != '\0' &&
		    contains_ci(value, o->own_address) ? MAILIN_LOOP : 0;
	if (strcasecmp(name, "List-Id") == 0)
		return MAILIN_LIST;
	return 0;
}

/* Is id (without <>) one of the Message-IDs we make? */
static int
own_message_id(const struct mailin_opts *o, const char *id)
{
	static const char *const prefixes[] = MAILIN_OWN_ID_PREFIXES;
	const char *at;
	size_t i;

	if (id == NULL || o->own_domain == NULL || *o->own_domain == '\0' ||
	    (at = strrchr(id, '@')) == NULL || strcasecmp(at + 1, o->own_domain) != 0)
		return 0;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(id, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}

/* ---- the MIME tree ---------------------------------------------------------------- */

struct walk {
	struct pt_arena		*a;
	const struct mailin_opts *o;
	struct mailin_msg	*m;
	GString			*plain;		/* inline text/plain parts, in order */
	GString			*html;		/* inline text/html parts made plain */
	size_t			 parts;
	size_t			 maxatt;	/* room in m->attachments */
};

static int
is_type(GMimeObject *obj, const char *type, const char *subtype)
{
	GMimeContentType *ct = g_mime_object_get_content_type(obj);

	return ct != NULL && g_mime_content_type_is_type(ct, type, subtype);
}

/* "type/subtype" in lower case, or application/octet-stream for anything odd. */
static const char *
mime_type(struct pt_arena *a, GMimeObject *obj)
{
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	char *t = ct != NULL ? g_mime_content_type_get_mime_type(ct) : NULL, *s;

	if (t == NULL || strlen(t) > 127 || strchr(t, '/') == NULL ||
	    strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&^_.+-/") !=
	    strlen(t) || strchr(t, '/') != strrchr(t, '/')) {
		g_free(t);
		return "application/octet-stream";
	}
	s = pt_arena_strndup(a, t, strlen(t));
	g_free(t);
	if (s != NULL)
		lower(s);
	return s != NULL ? s : "application/octet-stream";
}

/* A file name to keep: no directory, no controls, 1..255 bytes, else attachment-N.ext. */
static const char *
file_name(struct pt_arena *a, const char *name, const char *type, size_t n)
{
	static const struct {
		const char *type, *ext;
	} exts[] = {
		{ "application/pdf", ".pdf" }, { "image/png", ".png" }, { "image/jpeg", ".jpg" },
		{ "image/gif", ".gif" }, { "image/webp", ".webp" }, { "text/plain", ".txt" },
		{ "text/html", ".html" }, { "text/calendar", ".ics" }, { "text/csv", ".csv" },
		{ "message/rfc822", ".eml" }, { "application/zip", ".zip" },
	};
	const char *base = name, *ext = "";
	char *s = NULL;
	size_t i;
	int cut;

	if (name != NULL) {
		const char *p;

		for (p = name; *p != '\0'; p++)
			if (*p == '/' || *p == '\\')
				base = p + 1;
		s = one_line(a, base, 255, &cut);
	}
	if (s != NULL && *s != '\0' && strcmp(s, ".") != 0 && strcmp(s, "..") != 0)
		return s;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcmp(type, exts[i].type) == 0)
			ext = exts[i].ext;
	s = pt_arena_alloc(a, 40);
	if (s != NULL)
		snprintf(s, 40, "attachment-%zu%s", n, ext);
	return s;
}

/* The decoded content of a leaf part into a GByteArray the stream owns. */
static GByteArray *
part_bytes(GMimeObject *obj, GMimeStream **mem)
{
	*mem = g_mime_stream_mem_new();
	if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));

		if (inner != NULL)
			g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, *mem);
	} else {
		GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(obj));

		if (w != NULL)
			g_mime_data_wrapper_write_to_stream(w, *mem);
	}
	return g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(*mem));
}

static int
attach(struct walk *w, GMimeObject *obj)
{
	struct mailin_msg *m = w->m;
	struct mailin_attachment *at;
	GMimeStream *mem;
	GByteArray *bytes;
	const char *type = mime_type(w->a, obj), *name = NULL;
	int rc = PT_OK;

	if (m->nattachments >= w->maxatt) {
		m->ndropped++;
		m->cut |= MAILIN_CUT_ATTACHMENTS;
		return PT_OK;
	}
	bytes = part_bytes(obj, &mem);
	if (bytes == NULL || bytes->len > w->o->limits.attachment_bytes) {
		m->ndropped++;
		m->cut |= MAILIN_CUT_ATTACHMENTS;
		g_object_unref(mem);
		return PT_OK;
	}
	if (GMIME_IS_PART(obj))
		name = g_mime_part_get_filename(GMIME_PART(obj));
	else if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		const char *subj = inner != NULL ? g_mime_message_get_subject(inner) : NULL;

		if (subj != NULL && *subj != '\0')
			name = g_strdup_printf("%.200s.eml", subj);
	}
	at = &m->attachments[m->nattachments];
	at->content_type = type;
	at->name = file_name(w->a, name, type, m->nattachments + 1);
	at->data = pt_arena_alloc(w->a, bytes->len + 1);
	if (at->name == NULL || at->data == NULL)
		rc = PT_ENOMEM;
	else {
		if (bytes->len > 0)
			memcpy((unsigned char *)at->data, bytes->data, bytes->len);
		at->len = bytes->len;
		m->nattachments++;
	}
	if (GMIME_IS_MESSAGE_PART(obj))
		g_free((char *)name);
	g_object_unref(mem);
	return rc;
}

/* An inline text part: its text, converted to UTF-8 from the charset it names. */
static void
body_text(struct walk *w, GMimeObject *obj, int html)
{
	char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(obj));
	GString *into = html ? w->html : w->plain;
	const char *clean;

	if (t == NULL)
		return;
	if (into->len > w->o->limits.text_bytes) {
		w->m->cut |= MAILIN_CUT_TEXT;
		g_free(t);
		return;
	}
	clean = mailin_clean_text(w->a, t, strlen(t), w->o->limits.message_bytes, NULL);
	g_free(t);
	if (clean == NULL)
		return;
	if (html)
		clean = mailin_html_text(w->a, clean, strlen(clean));
	if (clean == NULL || *clean == '\0')
		return;
	if (into->len > 0)
		g_string_append(into, "\n\n");
	g_string_append(into, clean);
}

static int walk(struct walk *, GMimeObject *, size_t depth);

/* multipart/alternative: text/plain when there is one, else the richest other (the last). */
static int
walk_alternative(struct walk *w, GMimeMultipart *mp, size_t depth)
{
	int i, n = g_mime_multipart_get_count(mp);
	GMimeObject *best = NULL;

	for (i = 0; i < n; i++) {
		GMimeObject *c = g_mime_multipart_get_part(mp, i);

		if (is_type(c, "text", "plain") && !(GMIME_IS_PART(c) &&
		    g_mime_part_is_attachment(GMIME_PART(c))))
			return walk(w, c, depth + 1);
		if (GMIME_IS_MULTIPART(c) || is_type(c, "text", "html"))
			best = c;
	}
	return best != NULL ? walk(w, best, depth + 1) : PT_OK;
}

static int
walk(struct walk *w, GMimeObject *obj, size_t depth)
{
	struct mailin_msg *m = w->m;
	int rc = PT_OK, i, n;

	if (obj == NULL)
		return PT_OK;
	if (++w->parts > w->o->limits.parts || depth > w->o->limits.depth) {
		m->cut |= MAILIN_CUT_PARTS;
		return PT_OK;
	}
	if (is_type(obj, "multipart", "report") || is_type(obj, "message", "delivery-status") ||
	    is_type(obj, "message", "disposition-notification"))
		m->flags |= MAILIN_REPORT;
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);

		if (is_type(obj, "multipart", "alternative"))
			return walk_alternative(w, mp, depth);
		n = g_mime_multipart_get_count(mp);
		/*
		 * Of a signed part only the content, the signature is no
		 * attachment; of a report only the words for people, its
		 * machine-readable parts and the returned message are none.
		 */
		if ((is_type(obj, "multipart", "signed") || is_type(obj, "multipart", "report")) &&
		    n > 0)
			n = 1;
		for (i = 0; i < n && rc == PT_OK; i++)
			rc = walk(w, g_mime_multipart_get_part(mp, i), depth + 1);
		return rc;
	}
	if (GMIME_IS_MESSAGE_PART(obj))
		return attach(w, obj);
	if (!GMIME_IS_PART(obj) || is_type(obj, "application", "pgp-signature") ||
	    is_type(obj, "application", "pkcs7-signature") ||
	    is_type(obj, "application", "x-pkcs7-signature") ||
	    is_type(obj, "message", "delivery-status") ||
	    is_type(obj, "message", "disposition-notification"))
		return PT_OK;
	if (GMIME_IS_TEXT_PART(obj) && (is_type(obj, "text", "plain") ||
	    is_type(obj, "text", "html")) && !g_mime_part_is_attachment(GMIME_PART(obj)) &&
	    g_mime_part_get_filename(GMIME_PART(obj)) == NULL) {
		body_text(w, obj, is_type(obj, "text", "html"));
		return PT_OK;
	}
	return attach(w, obj);
}

/* ---- the message ------------------------------------------------------------------ */

/*
 * The header block's bounds, before GMime reads it: its size and the
 * number of fields (lines that do not continue the one before).
 */
static int
header_bounds(const char *data, size_t len, const struct mailin_limits *l)
{
	size_t i, fields = 0, end = len;

	for (i = 0; i < len; i++) {
		if (data[i] != '\n')
			continue;
		if (i + 1 < len && data[i + 1] == '\n') {
			end = i;
			break;
		}
		if (i + 2 < len && data[i + 1] == '\r' && data[i + 2] == '\n') {
			end = i;
			break;
		}
		if (i + 1 < len && data[i + 1] != ' ' && data[i + 1] != '\t')
			fields++;
	}
	return end > l->header_bytes || fields > l->headers ? PT_ELIMIT : PT_OK;
}

static void
threading(struct pt_arena *a, const struct mailin_opts *o, struct mailin_msg *m,
    GMimeObject *top)
{
	const char *irt = g_mime_object_get_header(top, "In-Reply-To");
	const char *refs = g_mime_object_get_header(top, "References");
	GMimeReferences *r;
	int i, n, from;

	m->message_id = message_id(a, g_mime_message_get_message_id(GMIME_MESSAGE(top)));
	if (m->message_id == NULL)
		m->message_id = "";
	m->in_reply_to = "";
	if (irt != NULL && (r = g_mime_references_parse(parser_options, irt)) != NULL) {
		if (g_mime_references_length(r) > 0 && (m->in_reply_to = message_id(a,
		    g_mime_references_get_message_id(r, 0))) == NULL)
			m->in_reply_to = "";
		g_mime_references_free(r);
	}
	if (refs == NULL || (r = g_mime_references_parse(parser_options, refs)) == NULL)
		return;
	n = g_mime_references_length(r);
	from = (size_t)n > o->limits.references ? n - (int)o->limits.references : 0;
	if (from > 0)
		m->cut |= MAILIN_CUT_ADDRESSES;
	m->references = pt_arena_alloc(a, (size_t)(n - from + 1) * sizeof(*m->references));
	for (i = from; m->references != NULL && i < n; i++) {
		const char *id = message_id(a, g_mime_references_get_message_id(r, i));

		if (id != NULL)
			m->references[m->nreferences++] = id;
	}
	g_mime_references_free(r);
}

static int
addresses(struct pt_arena *a, const struct mailin_opts *o, struct mailin_msg *m,
    GMimeMessage *msg)
{
	GMimeHeaderList *hl = g_mime_object_get_header_list(GMIME_OBJECT(msg));
	InternetAddressMailbox *from = first_mailbox(g_mime_message_get_from(msg), 0);
	const char *at;
	size_t i;
	int k, n;

	if (from == NULL || (m->from_addr = address(a, internet_address_mailbox_get_addr(from))) == NULL)
		return PT_EINVAL;
	m->from_name = one_line(a, internet_address_get_name(INTERNET_ADDRESS(from)), 400, NULL);
	if (m->from_name == NULL)
		return PT_ENOMEM;
	at = strchr(m->from_addr, '@');
	if (strncmp(m->from_addr, "mailer-daemon@", 14) == 0 ||
	    strncmp(m->from_addr, "postmaster@", 11) == 0 || at == m->from_addr)
		m->flags |= MAILIN_MAILER_DAEMON;
	if ((m->recipients = pt_arena_alloc(a, (o->limits.recipients + 1) *
	    sizeof(*m->recipients))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < o->nenvelope_rcpts; i++)
		add_recipient(a, o, m, o->envelope_rcpts[i]);
	n = hl != NULL ? g_mime_header_list_get_count(hl) : 0;
	for (k = 0; k < n; k++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(hl, k);
		const char *name = g_mime_header_get_name(h), *value = g_mime_header_get_value(h);

		m->flags |= header_flags(o, name, value);
		if (value != NULL && (strcasecmp(name, "Delivered-To") == 0 ||
		    strcasecmp(name, "X-Original-To") == 0 || strcasecmp(name, "Envelope-To") == 0)) {
			InternetAddressList *l = internet_address_list_parse(parser_options, value);

			if (l != NULL) {
				add_list(a, o, m, l, 0);
				g_object_unref(l);
			}
		}
	}
	add_list(a, o, m, g_mime_message_get_to(msg), 0);
	add_list(a, o, m, g_mime_message_get_cc(msg), 0);
	return PT_OK;
}

int
mailin_parse(struct pt_arena *a, const char *data, size_t len, const struct mailin_opts *o,
    struct mailin_msg *m)
{
	GMimeStream *stream = NULL;
	GMimeParser *parser = NULL;
	GMimeMessage *msg = NULL;
	struct walk w = { a, o, m, NULL, NULL, 0, 0 };
	const char *body;
	int rc, cut = 0;

	memset(m, 0, sizeof(*m));
	if (len > o->limits.message_bytes)
		return PT_ELIMIT;
	/* An mbox "From " line, which some MTAs' pipes put first, is no header. */
	if (len > 5 && memcmp(data, "From ", 5) == 0) {
		const char *nl = memchr(data, '\n', len);

		if (nl == NULL)
			return PT_EINVAL;
		len -= (size_t)(nl + 1 - data);
		data = nl + 1;
	}
	if ((rc = header_bounds(data, len, &o->limits)) != PT_OK)
		return rc;
	stream = g_mime_stream_mem_new_with_buffer(data, len);
	parser = g_mime_parser_new_with_stream(stream);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	msg = g_mime_parser_construct_message(parser, parser_options);
	if (msg == NULL) {
		rc = PT_EINVAL;
		goto out;
	}
	if ((rc = addresses(a, o, m, msg)) != PT_OK)
		goto out;
	if (o->envelope_sender != NULL && *o->envelope_sender == '\0')
		m->flags |= MAILIN_NULL_SENDER;
	m->subject = one_line(a, g_mime_message_get_subject(msg), o->limits.subject_bytes, &cut);
	if (cut)
		m->cut |= MAILIN_CUT_SUBJECT;
	threading(a, o, m, GMIME_OBJECT(msg));
	if (own_message_id(o, m->message_id))
		m->flags |= MAILIN_OWN_MESSAGE;
	w.maxatt = o->limits.attachments;
	if (m->subject == NULL || (m->attachments = pt_arena_alloc(a, (w.maxatt + 1) *
	    sizeof(*m->attachments))) == NULL) {
		rc = PT_ENOMEM;
		goto out;
	}
	w.plain = g_string_new(NULL);
	w.html = g_string_new(NULL);
	rc = walk(&w, g_mime_message_get_mime_part(msg), 0);
	/* A text/plain part of white space only says less than the HTML beside it. */
	body = w.plain->str;
	body += strspn(body, " \t\n");
	m->from_html = *body == '\0' && w.html->len > 0;
	body = m->from_html ? w.html->str : w.plain->str;
	m->text = mailin_clean_text(a, body, strlen(body), o->limits.text_bytes, &cut);
	g_string_free(w.plain, TRUE);
	g_string_free(w.html, TRUE);
	if (cut)
		m->cut |= MAILIN_CUT_TEXT;
	if (rc == PT_OK && m->text == NULL)
		rc = PT_ENOMEM;
	if (rc != PT_OK)
		goto out;
	m->forwarded = mailin_forwarded(m->subject, m->text);
	if ((m->reply = mailin_cut(a, m->text, m->forwarded)) == NULL)
		rc = PT_ENOMEM;
out:
	if (msg != NULL)
		g_object_unref(msg);
	if (parser != NULL)
		g_object_unref(parser);
	if (stream != NULL)
		g_object_unref(stream);
	return rc;
}
