/*
 * portico-mailin: one mail on standard input, as an MTA's pipe delivers
 * it, becomes a reply on its ticket, a new ticket, or nothing.
 *
 *   portico-mailin [-f SENDER] [-r RECIPIENT]... [--parse] < message
 *   portico-mailin --lmtp	(LMTP on standard input and output: lmtp.c)
 *
 * -f and -r are the envelope (Postfix's ${sender} and ${original_recipient},
 * Exim's $sender_address and $local_part$local_part_suffix@$domain); without
 * them the environment's SENDER and ORIGINAL_RECIPIENT or RECIPIENT, which
 * Postfix's local(8) and Exim's pipe transport set, are used.  --parse
 * prints what the mail was understood as and changes nothing.
 *
 * The exit status tells the MTA what to do with the mail: 0 when it was
 * taken in or deliberately ignored (automatic mail, unknown senders,
 * forged reply addresses: nothing to bounce to a stranger), 65
 * (EX_DATAERR) when it is no mail or over the bounds (the MTA bounces it),
 * 75 (EX_TEMPFAIL) when the database or the configuration is not usable
 * right now (the MTA keeps the mail and tries again), 64 for bad options.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mailin.h"

struct args {
	const char	*sender;	/* NULL: not given */
	const char	*rcpts[MAILIN_RCPTS_MAX];
	size_t		 nrcpts;
	int		 parse_only;
	int		 lmtp;
};

static int
usage(void)
{
	fputs("usage: portico-mailin [-f SENDER] [-r RECIPIENT]... [--parse] < message\n"
	    "       portico-mailin --lmtp\n"
	    "       (configuration from $PORTICO_CONF)\n", stderr);
	return MAILIN_EX_USAGE;
}

static int
read_args(int argc, char **argv, struct args *a)
{
	int i;

	memset(a, 0, sizeof(*a));
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--parse") == 0)
			a->parse_only = 1;
		else if (strcmp(argv[i], "--lmtp") == 0)
			a->lmtp = 1;
		else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
			a->sender = argv[++i];
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc && a->nrcpts < MAILIN_RCPTS_MAX)
			a->rcpts[a->nrcpts++] = argv[++i];
		else
			return PT_EINVAL;
	}
	if (a->lmtp && (a->parse_only || a->sender != NULL || a->nrcpts > 0))
		return PT_EINVAL;	/* LMTP brings its own envelope */
	/* What Postfix's local(8) and Exim's pipe transport put in the environment. */
	if (a->lmtp)
		return PT_OK;
	if (a->sender == NULL)
		a->sender = getenv("SENDER");
	if (a->nrcpts == 0) {
		const char *r = getenv("ORIGINAL_RECIPIENT");

		if (r == NULL || *r == '\0')
			r = getenv("RECIPIENT");
		if (r != NULL && *r != '\0')
			a->rcpts[a->nrcpts++] = r;
	}
	return PT_OK;
}

/*
 * Standard input, at most max bytes, into a malloc'd buffer (caller
 * frees).  PT_ELIMIT when there is more, PT_ESYS on a read error.
 */
static int
read_stdin(size_t max, char **out, size_t *len)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap), *grown;
	ssize_t r;

	if (buf == NULL)
		return PT_ENOMEM;
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(buf);
				return PT_ELIMIT;
			}
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			if ((grown = realloc(buf, cap)) == NULL) {
				free(buf);
				return PT_ENOMEM;
			}
			buf = grown;
		}
		r = read(0, buf + n, cap - n);
		if (r < 0) {
			free(buf);
			return PT_ESYS;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			free(buf);
			return PT_ELIMIT;
		}
	}
	*out = buf;
	*len = n;
	return PT_OK;
}

/* [mailin] message_bytes: the largest mail taken in. */
static size_t
message_max(void)
{
	struct mailin_limits l;

	mailin_limits_default(&l);
	return (size_t)pt_conf_int("mailin", "message_bytes", (long)l.message_bytes);
}

/* The bounds and whose mail is our own, from the configuration. */
static void
options(const char *sender, const char *const *rcpts, size_t nrcpts, struct mailin_opts *o,
    char *support, size_t size)
{
	const char *at;

	memset(o, 0, sizeof(*o));
	mailin_limits_default(&o->limits);
	o->limits.message_bytes = message_max();
	o->limits.attachments = (size_t)pt_conf_int("mailin", "attachments",
	    (long)o->limits.attachments);
	o->limits.attachment_bytes = (size_t)pt_conf_int("mailin", "attachment_bytes",
	    (long)o->limits.attachment_bytes);
	if (pt_mailin_address(support, size) == PT_OK) {
		o->own_address = support;
		if ((at = strrchr(support, '@')) != NULL)
			o->own_domain = at + 1;
	}
	o->envelope_sender = sender;
	o->envelope_rcpts = rcpts;
	o->nenvelope_rcpts = nrcpts;
}

/* --parse: what the mail was understood as, for checking an MTA's set-up by hand. */
static void
print_parsed(struct pt_req *req, const struct mailin_msg *m)
{
	size_t i;
	int64_t ticket;

	printf("from: %s%s%s%s\n", m->from_name, *m->from_name != '\0' ? " <" : "", m->from_addr,
	    *m->from_name != '\0' ? ">" : "");
	for (i = 0; i < m->nrecipients; i++) {
		const char *what = "";

		switch (pt_reply_address_check(m->recipients[i], &ticket)) {
		case PT_OK:
			what = pt_printf(req, " (reply address of ticket id %" PRId64 ")", ticket);
			break;
		case PT_EINVAL:
			what = " (a reply address with a wrong HMAC: forged)";
			break;
		case PT_ESYS:
			what = " (cannot be checked: no [secrets] hmac_key)";
			break;
		}
		printf("to: %s%s\n", m->recipients[i], what);
	}
	printf("subject: %s\nmessage-id: %s\nin-reply-to: %s\n", m->subject, m->message_id,
	    m->in_reply_to);
	for (i = 0; i < m->nreferences; i++)
		printf("references: %s\n", m->references[i]);
	printf("automatic: %s\n", m->flags != 0 ? mailin_flag_names(req->arena, m->flags) : "no");
	for (i = 0; i < m->nattachments; i++)
		printf("attachment: %s (%s, %zu bytes)\n", m->attachments[i].name,
		    m->attachments[i].content_type, m->attachments[i].len);
	if (m->ndropped > 0)
		printf("attachments left out: %zu\n", m->ndropped);
	printf("text%s%s:\n%s\n", m->from_html ? " (from HTML)" : "",
	    m->forwarded ? " (forwarded, kept whole)" : "", m->reply);
}

/*
 * The ticket the mail answers: PT_OK with *ticket from the first reply
 * address among its recipients; PT_ENOTFOUND when it has none;
 * PT_EINVAL when one is forged (its HMAC is wrong; *forged names it);
 * PT_ESYS without a key.
 */
static int
reply_target(const struct mailin_msg *m, int64_t *ticket, const char **forged)
{
	size_t i;
	int rc, seen = PT_ENOTFOUND;

	for (i = 0; i < m->nrecipients; i++) {
		rc = pt_reply_address_check(m->recipients[i], ticket);
		if (rc == PT_OK || rc == PT_ESYS)
			return rc;
		if (rc == PT_EINVAL && seen == PT_ENOTFOUND) {
			seen = PT_EINVAL;
			*forged = m->recipients[i];
		}
	}
	return seen;
}

/* Log why a mail changes nothing; exit 0, so no bounce goes to whoever sent it. */
static int
ignored(struct pt_req *req, const struct mailin_msg *m, const char *why)
{
	pt_log(req, PT_LOG_INFO, "mail <%s> from %s ignored: %s", m->message_id, m->from_addr, why);
	return MAILIN_EX_OK;
}

/*
 * One mail (data, len) with its envelope: parsed, then a reply on its
 * ticket, a new ticket, or nothing; the exit status the MTA reads.
 */
static int
take(struct pt_req *req, const char *sender, const char *const *rcpts, size_t nrcpts,
    int parse_only, const char *data, size_t len)
{
	struct mailin_opts o;
	struct mailin_msg m;
	char support[PT_REPLY_ADDRESS_MAX];
	const char *forged = NULL, *done = NULL;
	int64_t ticket = 0;
	int rc;

	options(sender, rcpts, nrcpts, &o, support, sizeof(support));
	rc = mailin_parse(req->arena, data, len, &o, &m);
	if (rc == PT_EINVAL || rc == PT_ELIMIT) {
		pt_log(req, PT_LOG_WARN, "a mail of %zu bytes refused: %s", len, rc == PT_EINVAL ?
		    "not a mail with a sender address" : "its header is over the bounds");
		fprintf(stderr, "portico-mailin: %s\n", rc == PT_EINVAL ?
		    "not a mail with a sender address" : "header too large");
		return MAILIN_EX_DATAERR;
	}
	if (rc != PT_OK)
		return MAILIN_EX_TEMPFAIL;
	if (parse_only) {
		print_parsed(req, &m);
		return MAILIN_EX_OK;
	}
	if (m.flags != 0)
		return ignored(req, &m, pt_printf(req, "automatic (%s)",
		    mailin_flag_names(req->arena, m.flags)));
	switch (reply_target(&m, &ticket, &forged)) {
	case PT_OK:
		rc = mailin_deliver_reply(req, &m, ticket, &done);
		break;
	case PT_EINVAL:
		pt_log(req, PT_LOG_WARN, "mail <%s> from %s to %s ignored: the reply address's HMAC"
		    " is wrong (forged or mangled)", m.message_id, m.from_addr, forged);
		return MAILIN_EX_OK;
	case PT_ENOTFOUND:
		rc = mailin_deliver_new(req, &m, &done);
		break;
	default:
		return MAILIN_EX_TEMPFAIL;	/* no key: logged; the mail waits for the fix */
	}
	if (rc == PT_ENOTFOUND)
		return ignored(req, &m, done);
	if (rc != PT_OK) {
		pt_log(req, PT_LOG_ERROR, "mail <%s> from %s not taken in (%s); the MTA will try again",
		    m.message_id, m.from_addr, rc == PT_EDB ? "database unavailable" : "error");
		return MAILIN_EX_TEMPFAIL;
	}
	pt_log(req, PT_LOG_INFO, "mail <%s> from %s: %s", m.message_id, m.from_addr, done);
	return MAILIN_EX_OK;
}


int
mailin_take(struct pt_req *req, const char *sender, const char *const *rcpts, size_t nrcpts,
    const char *data, size_t len)
{
	return take(req, sender, rcpts, nrcpts, 0, data, len);
}

static int
run(struct pt_req *req, const struct args *a)
{
	char *data = NULL;
	size_t len, max = message_max();
	int rc;

	if ((rc = read_stdin(max, &data, &len)) != PT_OK) {
		if (rc == PT_ELIMIT) {
			pt_log(req, PT_LOG_WARN, "a mail over [mailin] message_bytes (%zu) refused", max);
			fprintf(stderr, "portico-mailin: message larger than %zu bytes\n", max);
			return MAILIN_EX_DATAERR;
		}
		pt_log(req, PT_LOG_ERROR, "cannot read the mail from standard input");
		return MAILIN_EX_TEMPFAIL;
	}
	rc = take(req, a->sender, a->rcpts, a->nrcpts, a->parse_only, data, len);
	free(data);
	return rc;
}
int
main(int argc, char **argv)
{
	struct pt_req *req = NULL;
	struct args a;
	int status = MAILIN_EX_TEMPFAIL;

	pt_log_init("mailin");
	if (read_args(argc, argv, &a) != PT_OK)
		return usage();
	/* A configuration that cannot be read is the installation's fault: keep the mail. */
	if (pt_conf_load(NULL) != PT_OK || pt_log_configure() != PT_OK)
		return MAILIN_EX_TEMPFAIL;
	if (pt_valid_init() != PT_OK || pt_db_init() != PT_OK || mailin_deliver_init() != PT_OK ||
	    (req = pt_req_new("mailin")) == NULL)
		goto out;
	if (pt_random_hex(req->id, 8) != PT_OK)
		snprintf(req->id, sizeof(req->id), "-");
	req->remote_addr = "";	/* the audit rows' address: a mail has none */
	mailin_init();
	status = a.lmtp ? mailin_lmtp(req, message_max()) : run(req, &a);
	mailin_shutdown();
out:
	pt_req_free(req);
	pt_runtime_free();
	return status;
}
