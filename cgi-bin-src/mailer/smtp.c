/*
 * SMTP delivery through libcurl: one connection per mail, the envelope
 * from [smtp] (url, user, password, timeout_s, tls), and an answer that
 * says whether the server accepted the message, and if not whether a
 * retry can help (4xx, network) or not (5xx).
 */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "mailer.h"

struct reader {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *buf, size_t size, size_t nitems, void *arg)
{
	struct reader *r = arg;
	size_t n = size * nitems;

	if (n > r->left)
		n = r->left;
	memcpy(buf, r->p, n);
	r->p += n;
	r->left -= n;
	return n;
}

int
smtp_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? PT_OK : PT_ESYS;
}

void
smtp_free(void)
{
	curl_global_cleanup();
}

/* [smtp] tls: "never", "try" (STARTTLS when offered; the default) or "required". */
static long
tls_mode(void)
{
	const char *t = pt_conf_str("smtp", "tls", "try");

	if (strcmp(t, "never") == 0)
		return CURLUSESSL_NONE;
	if (strcmp(t, "required") == 0)
		return CURLUSESSL_ALL;
	return CURLUSESSL_TRY;
}

int
smtp_send(const char *mail_from, const char *rcpt, const char *msg, size_t len,
    struct smtp_result *res)
{
	char errbuf[CURL_ERROR_SIZE] = "", from[300], to[300];
	struct curl_slist *rcpts = NULL;
	struct reader r = { msg, len };
	const char *user = pt_conf_str("smtp", "user", "");
	long timeout_s = pt_conf_int("smtp", "timeout_s", 20);
	CURLcode cc;
	CURL *c;

	memset(res, 0, sizeof(*res));
	if ((size_t)snprintf(from, sizeof(from), "<%s>", mail_from) >= sizeof(from) ||
	    (size_t)snprintf(to, sizeof(to), "<%s>", rcpt) >= sizeof(to)) {
		snprintf(res->error, sizeof(res->error), "address too long");
		res->permanent = 1;
		return PT_EINVAL;
	}
	if ((c = curl_easy_init()) == NULL || (rcpts = curl_slist_append(NULL, to)) == NULL) {
		snprintf(res->error, sizeof(res->error), "out of memory");
		curl_easy_cleanup(c);
		return PT_ENOMEM;
	}
	curl_easy_setopt(c, CURLOPT_URL, pt_conf_str("smtp", "url", "smtp://127.0.0.1:25"));
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &r);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s > 0 ? timeout_s : 20L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_s > 0 && timeout_s < 10 ? timeout_s : 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, tls_mode());
	if (*user != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, pt_conf_str("smtp", "password", ""));
	}
	cc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &res->code);
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(c);
	if (cc == CURLE_OK)
		return PT_OK;
	res->permanent = res->code >= 500 && res->code < 600;
	if (res->code > 0)
		snprintf(res->error, sizeof(res->error), "SMTP %ld: %s%s%s", res->code,
		    curl_easy_strerror(cc), errbuf[0] != '\0' ? ": " : "", errbuf);
	else
		snprintf(res->error, sizeof(res->error), "%s%s%s", curl_easy_strerror(cc),
		    errbuf[0] != '\0' ? ": " : "", errbuf);
	return PT_ESYS;
}
