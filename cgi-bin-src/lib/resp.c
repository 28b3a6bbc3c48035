/*
 * Responses: status, headers, cookies, redirects, and the serialisation of
 * it all for FastCGI.  The security headers of DESIGN.md §5 are added here,
 * for every answer, so no handler can forget them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	{ 200, "OK" }, { 201, "Created" }, { 303, "See Other" }, { 304, "Not Modified" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" }, { 403, "Forbidden" }, { 404, "Not Found" },
	{ 405, "Method Not Allowed" }, { 409, "Conflict" }, { 410, "Gone" },
	{ 413, "Payload Too Large" }, { 415, "Unsupported Media Type" },
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

/*
 * Header names and values must not smuggle a line break into the response:
 * one would end the header, or the header block, early.  Refused and
 * logged, never sent.
 */
static int
header_safe(struct pt_req *req, const char *what, const char *s)
{
	if (s != NULL && strpbrk(s, "\r\n") == NULL)
		return 1;
	pt_log(req, PT_LOG_WARN, "%s with a line break refused", what);
	return 0;
}

int
pt_header_add(struct pt_req *req, const char *name, const char *value)
{
	if (!header_safe(req, "header name", name) || !header_safe(req, "header value", value))
		return PT_EINVAL;
	if (req->nheaders >= PT_MAX_HEADERS)
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

	if (!header_safe(req, "cookie name", name) || !header_safe(req, "cookie value", value) ||
	    strpbrk(name, "=;, \"\\") != NULL || strpbrk(value, ";, \"\\") != NULL)
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
	if (location == NULL || !header_safe(req, "redirect target", location) ||
	    !pt_valid(PT_V_LOCAL_PATH, location, strlen(location)))
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
	/* Checked again here: a handler may have set them without the functions above. */
	if (ok && req->location != NULL && header_safe(req, "Location", req->location))
		ok = emit(&p, &left, "Location: %s\r\n", req->location);
	for (i = 0; ok && i < req->nheaders; i++)
		if (header_safe(req, "header name", req->headers[i].name) &&
		    header_safe(req, "header value", req->headers[i].value))
			ok = emit(&p, &left, "%s: %s\r\n", req->headers[i].name,
			    req->headers[i].value);
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

/* A path under [paths] files that nginx may serve: see portico.h. */
static int
file_path_ok(const char *path)
{
	const char *seg = path;

	if (*path == '\0' || strlen(path) > 512 ||
	    path[strspn(path, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_.-")] != '\0')
		return 0;
	for (;;) {
		size_t n = strcspn(seg, "/");

		/* No empty segment (leading '/', "//", trailing '/'), none starting with '.' (no ".."). */
		if (n == 0 || seg[0] == '.')
			return 0;
		if (seg[n] == '\0')
			return 1;
		seg += n + 1;
	}
}

/* type/subtype with optional parameters, printable ASCII only. */
static int
content_type_ok(const char *t)
{
	const char *p;

	if (t == NULL || *t == '\0' || strlen(t) > 200 || strchr(t, '/') == NULL || *t == '/')
		return 0;
	for (p = t; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			return 0;
	return 1;
}

/*
 * Types a browser may show in our origin without running anything: every
 * other file is sent as an attachment even when inline was asked for
 * (an uploaded HTML or SVG file shown inline would be script on our site).
 */
static int
inline_safe(const char *t)
{
	static const char *const safe[] = { "image/png", "image/jpeg", "image/gif", "image/webp",
		"application/pdf", "text/plain", "video/mp4", "video/webm", "audio/mpeg" };
	size_t i, n = strcspn(t, "; ");

	for (i = 0; i < sizeof(safe) / sizeof(safe[0]); i++)
		if (strlen(safe[i]) == n && strncasecmp(t, safe[i], n) == 0)
			return 1;
	return 0;
}

/*
 * Content-Disposition (RFC 6266): a quoted ASCII fallback, in which every
 * byte outside printable ASCII and every '"', '\\' and '%' is '_', and the
 * exact name RFC 5987-encoded (UTF-8, attr-chars as they are).
 */
static const char *
disposition(struct pt_req *req, const char *filename, int inline_disposition)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *kind = inline_disposition ? "inline" : "attachment";
	size_t n, i, j = 0, k = 0;
	char *ascii, *ext;

	if (filename == NULL || *filename == '\0')
		return kind;
	if ((n = strlen(filename)) > 1024)
		n = 1024;
	if ((ascii = pt_alloc(req, n + 1)) == NULL || (ext = pt_alloc(req, 3 * n + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)filename[i];

		if (c < 0x20 || c == 0x7f)
			continue;	/* control characters are not part of a name */
		/* One '_' per character: UTF-8 continuation bytes add none. */
		if (c < 0x80 || c >= 0xc0)
			ascii[j++] = c > 0x7e || c == '"' || c == '\\' || c == '%' ? '_' : (char)c;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c < 0x80 && strchr("!#$&+-.^_`|~", c) != NULL))
			ext[k++] = (char)c;
		else {
			ext[k++] = '%';
			ext[k++] = hex[c >> 4];
			ext[k++] = hex[c & 15];
		}
	}
	ascii[j] = ext[k] = '\0';
	if (j == 0)
		return kind;
	return pt_printf(req, "%s; filename=\"%s\"; filename*=UTF-8''%s", kind, ascii, ext);
}

int
pt_send_file(struct pt_req *req, const char *path, const char *content_type,
    const char *filename, int inline_disposition)
{
	const char *accel, *disp;

	if (path == NULL || !file_path_ok(path) || !content_type_ok(content_type))
		return PT_EINVAL;
	if (inline_disposition && !inline_safe(content_type))
		inline_disposition = 0;
	if ((accel = pt_printf(req, "/protected/%s", path)) == NULL ||
	    (disp = disposition(req, filename, inline_disposition)) == NULL ||
	    (content_type = pt_strdup(req, content_type)) == NULL)
		return PT_ENOMEM;
	if (req->nheaders + 2 > PT_MAX_HEADERS)
		return PT_ELIMIT;
	pt_header_add(req, "X-Accel-Redirect", accel);
	pt_header_add(req, "Content-Disposition", disp);
	/* An empty body with a content type: pt_render sends it as it is. */
	req->status = 200;
	req->body = "";
	req->body_len = 0;
	req->content_type_out = content_type;
	return PT_OK;
}
