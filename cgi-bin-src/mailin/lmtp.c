/*
 * portico-mailin --lmtp: the same intake, spoken as LMTP (RFC 2033) on
 * standard input and output, for an MTA that delivers over LMTP rather
 * than through a pipe: systemd's portico-mailin.socket (Accept=yes) or
 * inetd start one process per connection with the connection as its
 * standard input and output, and the MTA delivers to the socket (Postfix:
 * lmtp:unix:/run/portico/mailin.sock; README).
 *
 * A session: LHLO, then any number of transactions (MAIL FROM, RCPT TO up
 * to MAILIN_RCPTS_MAX, DATA), RSET, NOOP, QUIT.  The message after DATA
 * ends with a line holding a single dot; a leading dot of other lines is
 * removed (dot-stuffing).  It is taken in once, as a piped mail is
 * (mailin_take), and LMTP's answer for each recipient says what the pipe's
 * exit status would: 250 taken in or ignored on purpose, 554 not a mail
 * Portico can take (the MTA bounces it), 451 try again later, 552 over
 * [mailin] message_bytes.  Commands are bounded to CMD_MAX bytes; a session
 * that sends more than LINES_BAD bad commands is closed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "mailin.h"

#define CMD_MAX		1024	/* a command line, with its CRLF */
#define ADDR_MAX	320	/* an address between < and > */
#define LINES_BAD	20	/* bad commands before the session is closed */

struct envelope {
	char	 sender[ADDR_MAX + 1];
	int	 has_sender;
	char	 rcpts[MAILIN_RCPTS_MAX][ADDR_MAX + 1];
	size_t	 nrcpts;
};

static char host[256] = "localhost";

static void __attribute__((format(printf, 1, 2)))
reply(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputs("\r\n", stdout);
	fflush(stdout);
}

/* A command line without its line end; 0 at the end of input, -1 when it was too long. */
static int
read_command(char *buf, size_t size)
{
	size_t n;
	int c;

	if (fgets(buf, (int)size, stdin) == NULL)
		return 0;
	n = strlen(buf);
	if (n == 0 || buf[n - 1] != '\n') {
		/* Too long: the rest of the line goes. */
		while ((c = getchar()) != EOF && c != '\n')
			;
		return c == EOF ? 0 : -1;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return 1;
}

/* The address of "FROM:<a> params" or "TO:<a>" after the verb, into out; 0 if malformed. */
static int
path_of(const char *s, const char *word, char *out)
{
	size_t wl = strlen(word), n;
	const char *lt, *gt;

	if (strncasecmp(s, word, wl) != 0)
		return 0;
	s += wl;
	while (*s == ' ')
		s++;
	if (*s != '<' || (gt = strchr(s, '>')) == NULL)
		return 0;
	lt = s + 1;
	n = (size_t)(gt - lt);
	if (n > ADDR_MAX || memchr(lt, ' ', n) != NULL)
		return 0;
	memcpy(out, lt, n);
	out[n] = '\0';
	return 1;
}

/*
 * The message after DATA, undotted, into a malloc'd buffer; *over when it
 * passed max (read to its end all the same).  0 when the input ended first.
 */
static int
read_message(size_t max, char **out, size_t *len, int *over)
{
	char line[CMD_MAX];
	size_t cap = 64 * 1024, n = 0, l;
	char *buf = malloc(cap), *grown, *p;
	int at_start = 1;

	*over = 0;
	if (buf == NULL)
		return 0;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		l = strlen(line);
		p = line;
		if (at_start && line[0] == '.') {
			if (strcmp(line, ".\r\n") == 0 || strcmp(line, ".\n") == 0) {
				*out = buf;
				*len = n;
				return 1;
			}
			p++;
			l--;
		}
		at_start = l > 0 && p[l - 1] == '\n';
		if (*over || n + l > max) {
			*over = 1;
			continue;
		}
		if (n + l > cap) {
			cap = cap * 2 > max ? max : cap * 2;
			if (cap < n + l || (grown = realloc(buf, cap)) == NULL) {
				*over = 1;
				continue;
			}
			buf = grown;
		}
		memcpy(buf + n, p, l);
		n += l;
	}
	free(buf);
	return 0;
}

/* DATA: read the message, take it in, and answer once per recipient. */
static int
data(struct pt_req *req, struct envelope *e, size_t max)
{
	const char *rcpts[MAILIN_RCPTS_MAX];
	char *msg = NULL;
	size_t len = 0, i;
	int over, status;

	reply("354 end the message with a line holding a single dot");
	if (!read_message(max, &msg, &len, &over))
		return 0;
	for (i = 0; i < e->nrcpts; i++)
		rcpts[i] = e->rcpts[i];
	if (over) {
		pt_log(req, PT_LOG_WARN, "a mail over [mailin] message_bytes (%zu) refused", max);
		status = -1;
	} else
		status = mailin_take(req, e->sender, rcpts, e->nrcpts, msg, len);
	free(msg);
	for (i = 0; i < e->nrcpts; i++) {
		switch (status) {
		case -1:
			reply("552 5.3.4 <%s> message too large", e->rcpts[i]);
			break;
		case MAILIN_EX_OK:
			reply("250 2.0.0 <%s> taken in", e->rcpts[i]);
			break;
		case MAILIN_EX_DATAERR:
			reply("554 5.6.0 <%s> not a mail Portico can take", e->rcpts[i]);
			break;
		default:
			reply("451 4.3.0 <%s> not taken in now, try again later", e->rcpts[i]);
		}
	}
	pt_req_reset(req);
	memset(e, 0, sizeof(*e));
	return 1;
}

int
mailin_lmtp(struct pt_req *req, size_t max)
{
	struct envelope e;
	char line[CMD_MAX];
	int rc, bad = 0, greeted = 0;

	memset(&e, 0, sizeof(e));
	if (gethostname(host, sizeof(host) - 1) != 0)
		snprintf(host, sizeof(host), "localhost");
	reply("220 %s LMTP portico-mailin", host);
	while (bad < LINES_BAD && (rc = read_command(line, sizeof(line))) != 0) {
		if (rc < 0) {
			reply("500 5.5.2 line too long");
			bad++;
		} else if (strncasecmp(line, "LHLO ", 5) == 0 && line[5] != '\0') {
			printf("250-%s\r\n250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n"
			    "250 SIZE %zu\r\n", host, max);
			fflush(stdout);
			greeted = 1;
		} else if (strncasecmp(line, "MAIL ", 5) == 0) {
			if (!greeted || e.has_sender)
				reply("503 5.5.1 %s", greeted ? "a sender was given already" :
				    "LHLO first");
			else if (!path_of(line + 5, "FROM:", e.sender))
				reply("501 5.5.4 MAIL FROM:<address>");
			else {
				e.has_sender = 1;
				reply("250 2.1.0 sender OK");
			}
		} else if (strncasecmp(line, "RCPT ", 5) == 0) {
			if (!e.has_sender)
				reply("503 5.5.1 MAIL first");
			else if (e.nrcpts == MAILIN_RCPTS_MAX)
				reply("452 4.5.3 too many recipients");
			else if (!path_of(line + 5, "TO:", e.rcpts[e.nrcpts]) ||
			    e.rcpts[e.nrcpts][0] == '\0')
				reply("501 5.5.4 RCPT TO:<address>");
			else
				reply("250 2.1.5 <%s> OK", e.rcpts[e.nrcpts++]);
		} else if (strcasecmp(line, "DATA") == 0) {
			if (e.nrcpts == 0)
				reply("503 5.5.1 RCPT first");
			else if (!data(req, &e, max))
				return 0;	/* the input ended inside the message: nothing taken */
		} else if (strcasecmp(line, "RSET") == 0) {
			memset(&e, 0, sizeof(e));
			reply("250 2.0.0 reset");
		} else if (strcasecmp(line, "NOOP") == 0) {
			reply("250 2.0.0 OK");
		} else if (strcasecmp(line, "QUIT") == 0) {
			reply("221 2.0.0 %s closing", host);
			return 0;
		} else {
			reply("500 5.5.1 command not understood");
			bad++;
		}
	}
	return 0;
}
