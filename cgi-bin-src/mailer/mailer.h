/*
 * mailer.h — portico-mailer's parts: the MIME builder (mime.c), SMTP
 * delivery through libcurl (smtp.c) and the outbox (outbox.c).  main.c
 * runs the loop.  The MIME builder is pure (no runtime state) so the unit
 * tests link it alone.
 */
#ifndef PORTICO_MAILER_H
#define PORTICO_MAILER_H

#include <stddef.h>
#include <signal.h>
#include <time.h>

#include "portico.h"

/* A growing byte buffer; oom sticks once an allocation failed. */
struct mime_buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
	int	 oom;
};
void	 mime_buf_add(struct mime_buf *, const void *, size_t);
void	 mime_buf_str(struct mime_buf *, const char *);
void	 mime_buf_free(struct mime_buf *);

/* Line length limits of RFC 2045 (quoted-printable) and RFC 2047 (encoded words). */
#define MIME_QP_LINE	76
#define MIME_WORD_MAX	75
#define MIME_HEADER_LINE 76

/* s as quoted-printable, UTF-8 bytes, "\n" or "\r\n" line ends become CRLF. */
void	 mime_qp(struct mime_buf *, const char *s, size_t len);
/*
 * A header field "Name: text": plain when text is short printable ASCII,
 * else RFC 2047 Q-encoded words (UTF-8), folded so no line passes 76
 * characters and no character is split.  When addr is set, " <addr>"
 * follows (an address with a display name).  Ends with CRLF.
 */
void	 mime_header(struct mime_buf *, const char *name, const char *text, const char *addr);
/* "Tue, 01 Dec 2026 10:00:00 +0000" for t (UTC), into out (size >= 64). */
void	 mime_date(time_t t, char out[64]);
/* Split "Name <addr>" (or a bare addr) into its parts, in place. */
void	 mime_split_address(char *from, const char **name, const char **addr);

struct mime_msg {
	const char	*from_name;	/* may be empty */
	const char	*from_addr;
	const char	*to_name;	/* may be empty */
	const char	*to_addr;
	const char	*subject;
	const char	*text;		/* the text/plain part */
	const char	*html;		/* the text/html part, a whole document */
	const char	*message_id;	/* "<...@...>" */
	const char	*in_reply_to;	/* NULL or "<...@...>" */
	const char	*references;	/* NULL or message ids separated by spaces */
	const char	*reply_to;	/* NULL or an address (Reply-To) */
	time_t		 date;
	const char	*boundary;	/* NULL: a random one */
};
/* The whole message (headers, multipart/alternative body), CRLF line ends. PT_OK or PT_ENOMEM. */
int	 mime_build(struct mime_buf *, const struct mime_msg *);

/* ---- SMTP (smtp.c) ---- */

struct smtp_result {
	long	 code;		/* the server's last reply code, 0 if none */
	int	 permanent;	/* a 5xx answer: retrying will not help */
	char	 error[400];
};
int	 smtp_init(void);
void	 smtp_free(void);
/* Deliver msg to rcpt; PT_OK only when the server accepted the message. */
int	 smtp_send(const char *mail_from, const char *rcpt, const char *msg, size_t len,
	    struct smtp_result *);

/* ---- the outbox (outbox.c) ---- */

int	 outbox_init(void);
/*
 * Claim up to max due mails and deliver them one by one, stopping early
 * when *stop becomes set.  Returns the number handled (sent or failed),
 * or PT_EDB when the database did not answer.
 */
int	 outbox_run(struct pt_req *, int max, const volatile sig_atomic_t *stop);
/* Record what could not be recorded while the database was away. */
int	 outbox_flush(struct pt_req *);

#endif
