/*
 * Responses: status, headers, cookies, redirects, and the serialisation of
 * it all for FastCGI.  The security headers of DESIGN.md §5 are added here,
 * for every answer, so no handler can forget them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

static const char *const security_headers[][2] = {
	{ "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
	    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "same-origin" },
	{ "X-Frame-Options", "DENY" },
	{ "Cache-Control", "no-store" },
};

static const struct { int status; const char *text; } status_texts[] = {
	{ 200, "OK" }, { 303, "See Other" }, { 304, "Not Modified" },
	{ 400, "Bad Request" }, { 403, "Forbidden" }, { 404, "Not Found" },
	{ 405, "Method Not Allowed" }, { 413, "Payload Too Large" },
	{ 422, "Unprocessable Content" }, { 429, "Too Many Requests" },
	{ 500, "Internal Server Error" }, { 503, "Service Unavailable" },
};

const char *
pt_status_text(int status)
{
	size_t i;

	for (i = 0; i < sizeof(status_texts) / sizeof(status_texts[0]); i++)
		if (status_texts[i].status == status)
			return status_texts[i].text;
	return "Unknown";
}

/* Header values must not smuggle a line break into the response. */
static int
header_safe(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

int
pt_header_add(struct pt_req *req, const char *name, const char *value)
{
	if (req->nheaders >= PT_MAX_HEADERS || !header_safe(name) || !header_safe(value))
		return PT_ELIMIT;
	req->headers[req->nheaders].name = name;
	req->headers[req->nheaders].value = value;
	req->nheaders++;
	return PT_OK;
}

int
pt_cookie_set(struct pt_req *req, const char *name, const char *value, long max_age_s,
    int http_only)
{
	char age[80] = "";
	const char *v;

	if (strpbrk(value, ";, \"\\") != NULL)
		return PT_EINVAL;
	/* Deleting: Expires too, for clients that ignore a Max-Age of 0. */
	if (max_age_s == 0)
		snprintf(age, sizeof(age), "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
	else if (max_age_s > 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age_s);
	v = pt_printf(req, "%s=%s; Path=/%s%s; SameSite=Lax%s", name, value, age,
	    http_only ? "; HttpOnly" : "", pt_site.secure_cookies ? "; Secure" : "");
	return v != NULL ? pt_header_add(req, "Set-Cookie", v) : PT_ENOMEM;
}

int
pt_redirect(struct pt_req *req, const char *location)
{
	/* Only local paths: an open redirect would make phishing links look like ours. */
	if (location == NULL || !pt_valid(PT_V_LOCAL_PATH, location, strlen(location)))
		location = "/";
	req->location = location;
	req->status = 303;
	return 303;
}

/* Append to the buffer at *p with *left bytes free; 0 if it did not fit. */
static int __attribute__((format(printf, 3, 4)))
emit(char **p, size_t *left, const char *fmt, ...)
{
	va_list ap;
	int w;

	va_start(ap, fmt);
	w = vsnprintf(*p, *left, fmt, ap);
	va_end(ap);
	if (w < 0 || (size_t)w >= *left)
		return 0;
	*p += w;
	*left -= (size_t)w;
	return 1;
}

char *
pt_resp_serialize(struct pt_req *req, size_t *len)
{
	size_t cap = 1024 + (req->method == PT_HEAD ? 0 : req->body_len), left, i;
	char *out, *p;
	int ok;

	for (i = 0; i < req->nheaders; i++)
		cap += strlen(req->headers[i].name) + strlen(req->headers[i].value) + 4;
	if (req->location != NULL)
		cap += strlen(req->location) + 16;
	if ((out = pt_alloc(req, cap)) == NULL)
		return NULL;
	p = out;
	left = cap;
	ok = emit(&p, &left, "Status: %d %s\r\n", req->status, pt_status_text(req->status)) &&
	    emit(&p, &left, "X-Request-Id: %s\r\n", req->id);
	for (i = 0; ok && i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		ok = emit(&p, &left, "%s: %s\r\n", security_headers[i][0], security_headers[i][1]);
	if (ok && req->location != NULL)
		ok = emit(&p, &left, "Location: %s\r\n", req->location);
	for (i = 0; ok && i < req->nheaders; i++)
		ok = emit(&p, &left, "%s: %s\r\n", req->headers[i].name, req->headers[i].value);
	if (ok && req->body != NULL)
		ok = emit(&p, &left, "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
		    req->content_type_out != NULL ? req->content_type_out :
		    "text/html; charset=utf-8", req->body_len);
	else if (ok)
		ok = emit(&p, &left, "Content-Length: 0\r\n\r\n");
	if (!ok)
		return NULL;
	if (req->body != NULL && req->method != PT_HEAD) {
		if (req->body_len > left)
			return NULL;
		memcpy(p, req->body, req->body_len);
		p += req->body_len;
	}
	*len = (size_t)(p - out);
	return out;
}
