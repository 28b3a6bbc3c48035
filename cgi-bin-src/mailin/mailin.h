/*
 * mailin.h — portico-mailin's parts.  The parser (parse.c, on GMime) and
 * the text tools (text.c: HTML to text, cutting quoted history and
 * signatures) need no database and no configuration, so the unit tests
 * link them alone; main.c reads the message and decides, and the
 * database side is in deliver.c.
 *
 * Everything the parser returns lives in the arena it is given: one
 * pt_arena_reset (or pt_arena_free) releases a parsed message whole.
 */
#ifndef PORTICO_MAILIN_H
#define PORTICO_MAILIN_H

#include <stddef.h>

#include "portico.h"

/* Exit statuses an MTA understands (sysexits.h): what it does with the mail. */
#define MAILIN_EX_OK		0	/* delivered, or ignored on purpose */
#define MAILIN_EX_USAGE		64
#define MAILIN_EX_DATAERR	65	/* unparseable or over the limits: bounced */
#define MAILIN_EX_SOFTWARE	70
#define MAILIN_EX_TEMPFAIL	75	/* the database is down: the MTA tries again */
#define MAILIN_EX_CONFIG	78

/* Bounds on one message; see mailin_limits_default for the values. */
struct mailin_limits {
	size_t	 message_bytes;		/* the whole message as read */
	size_t	 header_bytes;		/* the top header block */
	size_t	 headers;		/* header fields in it */
	size_t	 text_bytes;		/* the body text kept (cut at a character) */
	size_t	 subject_bytes;		/* the subject kept (cut at a character) */
	size_t	 attachments;		/* attachments kept; later ones are dropped */
	size_t	 attachment_bytes;	/* the largest attachment kept */
	size_t	 parts;			/* MIME parts looked at */
	size_t	 depth;			/* nesting of multiparts and attached messages */
	size_t	 recipients;		/* addresses kept from To, Cc, Delivered-To ... */
	size_t	 references;		/* Message-IDs kept from References (the newest) */
};
void	 mailin_limits_default(struct mailin_limits *);

/*
 * Our own Message-IDs: <outbox.N.R@domain> as portico-mailer writes them,
 * <ticket.*@domain> as the tickets' mails carry them, and
 * <portico.*@domain>.  A message whose own Message-ID is one of these came
 * from us and is never taken in again.
 */
#define MAILIN_OWN_ID_PREFIXES	{ "outbox.", "ticket.", "portico." }

struct mailin_opts {
	struct mailin_limits limits;
	const char	*own_domain;	/* the domain of our Message-IDs; NULL: none are ours */
	const char	*own_address;	/* the support address, for X-Loop; may be NULL */
	/* The envelope, when the MTA passed it: sender "" is the null sender (<>). */
	const char	*envelope_sender;	/* NULL: not passed */
	const char *const *envelope_rcpts;
	size_t		 nenvelope_rcpts;
};

/* Why a message must never create a ticket or a reply: automatic, a bounce, a loop. */
enum mailin_flag {
	MAILIN_AUTO_SUBMITTED	= 1 << 0,	/* Auto-Submitted other than "no" */
	MAILIN_PRECEDENCE	= 1 << 1,	/* Precedence: bulk, junk or list */
	MAILIN_NULL_SENDER	= 1 << 2,	/* Return-Path: <> or an empty envelope sender */
	MAILIN_AUTO_REPLY	= 1 << 3,	/* X-Autoreply, X-Autorespond, X-Auto-Response-Suppress */
	MAILIN_REPORT		= 1 << 4,	/* a delivery or read report (multipart/report) */
	MAILIN_OWN_MESSAGE	= 1 << 5,	/* its Message-ID is one we made */
	MAILIN_LOOP		= 1 << 6,	/* X-Loop names our address */
	MAILIN_MAILER_DAEMON	= 1 << 7,	/* from MAILER-DAEMON or postmaster */
	MAILIN_LIST		= 1 << 8	/* sent by a mailing list (List-Id) */
};
#define MAILIN_FLAG__COUNT 9

/* What the parser had to leave out to stay within the limits. */
enum mailin_cut_flag {
	MAILIN_CUT_TEXT		= 1 << 0,	/* the text was longer than text_bytes */
	MAILIN_CUT_PARTS	= 1 << 1,	/* more parts, or deeper, than allowed */
	MAILIN_CUT_ATTACHMENTS	= 1 << 2,	/* attachments dropped: ndropped */
	MAILIN_CUT_ADDRESSES	= 1 << 3,	/* recipients or references beyond the bound */
	MAILIN_CUT_SUBJECT	= 1 << 4
};

struct mailin_attachment {
	const char		*name;		/* UTF-8, no directory, 1..255 bytes, never "." or ".." */
	const char		*content_type;	/* "type/subtype", lower case */
	const unsigned char	*data;		/* decoded (base64, quoted-printable) */
	size_t			 len;
};

struct mailin_msg {
	const char	*from_addr;	/* lower case; never NULL after PT_OK */
	const char	*from_name;	/* "" when none */
	/* Every address it was sent to: envelope, Delivered-To, X-Original-To, To, Cc; lower case, unique. */
	const char	**recipients;
	size_t		 nrecipients;
	const char	*subject;	/* decoded (RFC 2047, 8-bit Latin-1), one line; "" when none */
	const char	*message_id;	/* without <>; "" when none */
	const char	*in_reply_to;	/* without <>; "" when none */
	const char	**references;	/* without <>, oldest first */
	size_t		 nreferences;
	const char	*text;		/* the body as plain text, UTF-8, LF line ends */
	const char	*reply;		/* text without quoted history and signature */
	int		 from_html;	/* text was converted from an HTML-only body */
	int		 forwarded;	/* a forwarded mail: its history is its content, never cut */
	struct mailin_attachment *attachments;
	size_t		 nattachments;
	size_t		 ndropped;	/* attachments left out (too many or too large) */
	unsigned	 flags;		/* enum mailin_flag: any set means create nothing */
	unsigned	 cut;		/* enum mailin_cut_flag */
};

#define MAILIN_RCPTS_MAX 16	/* envelope recipients of one mail */

/*
 * One mail with its envelope (main.c): parsed and taken in as a reply, a
 * new ticket, or nothing; the exit status a pipe would give the MTA.
 */
int	 mailin_take(struct pt_req *, const char *sender, const char *const *rcpts, size_t nrcpts,
	    const char *data, size_t len);
/* An LMTP session on standard input and output (lmtp.c); 0 when it ends. */
int	 mailin_lmtp(struct pt_req *, size_t message_max);

/* Once per process, before the first parse; mailin_shutdown at the end. */
void	 mailin_init(void);
void	 mailin_shutdown(void);
/*
 * Parse one RFC 5322 message of len bytes.  PT_OK with *msg filled (in
 * the arena); PT_ELIMIT when it is over message_bytes or its header block
 * over header_bytes or headers; PT_EINVAL when it is no message or names
 * no sender address; PT_ENOMEM.
 */
int	 mailin_parse(struct pt_arena *, const char *data, size_t len,
	    const struct mailin_opts *, struct mailin_msg *msg);
/* The names of flags ("auto-submitted precedence ..."), for log lines; in the arena. */
const char *mailin_flag_names(struct pt_arena *, unsigned flags);

/* ---- text.c ---- */

/*
 * The plain text of an HTML body (UTF-8, len bytes): blocks on lines of
 * their own, list items as "- ", blockquotes as "> " lines (quoted
 * history, which mailin_cut then removes), links as "text <url>", no
 * scripts or styles.  In the arena; NULL on OOM.
 */
const char *mailin_html_text(struct pt_arena *, const char *html, size_t len);
/*
 * text without what a reply quotes: everything from the first line that
 * introduces a quoted history ("On ... wrote:", "Am ... schrieb ...:",
 * "-----Original Message-----", "-----Ursprüngliche Nachricht-----", an
 * Outlook "From: ... Sent: ..." block), every line that starts with ">",
 * and the signature from a "-- " line; trailing blank lines trimmed.  A
 * forwarded mail keeps its history.  In the arena; NULL on OOM.
 */
const char *mailin_cut(struct pt_arena *, const char *text, int forwarded);
/*
 * 1 if a mail is forwarded rather than answered: its subject starts with
 * Fwd:, Fw:, WG: or TR:, or a line of text starts a forwarded message.
 */
int	 mailin_forwarded(const char *subject, const char *text);
/*
 * s (len bytes, any charset mislabelled as UTF-8 included) as valid UTF-8
 * that XML can hold: invalid sequences become U+FFFD, control characters
 * other than TAB and LF are dropped, CRLF and CR become LF.  At most max
 * bytes, cut at a character (*cut set when it was).  In the arena.
 */
char	*mailin_clean_text(struct pt_arena *, const char *s, size_t len, size_t max, int *cut);

/* ---- deliver.c: the database side ---- */

/* Register the statements; before the first delivery. */
int	 mailin_deliver_init(void);
/*
 * The mail as a public reply on ticket_id, from the person it is from.
 * PT_OK with *done saying what was done; PT_ENOTFOUND when it is ignored
 * on purpose, *done saying why; PT_EDB and the rest when it should be
 * tried again.
 */
int	 mailin_deliver_reply(struct pt_req *, const struct mailin_msg *, int64_t ticket_id,
	    const char **done);
/* The mail as a new ticket, the same way. */
int	 mailin_deliver_new(struct pt_req *, const struct mailin_msg *, const char **done);

#endif
