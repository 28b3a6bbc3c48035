/*
 * Request parsing: CGI variables, the query string, urlencoded bodies and
 * cookies into the request's arena.  Every length and count is bounded by
 * struct pt_limits; anything over a bound is PT_ELIMIT, anything malformed
 * (bad percent-encoding, NUL or control bytes, invalid UTF-8) is PT_EINVAL.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

void
pt_limits_default(struct pt_limits *l)
{
	l->body_bytes = 64 * 1024;
	l->upload_bytes = 10 * 1024 * 1024;
	l->files = 8;
	/*
	 * Three searches of PT_SEARCH_MAX_CHARS in their longest encoding (12
	 * bytes a character: %XX for each of 4 bytes), so a search over its
	 * limit still reaches its handler, which answers 422 with the text kept
	 * and the limit said, rather than a bare 413.  nginx's request line
	 * (8 KiB) stays the outer bound.
	 */
	l->query_bytes = 3 * 12 * PT_SEARCH_MAX_CHARS;
	l->cookie_bytes = 8192;
	l->fields = 128;	/* the agent desk's bulk form: up to 100 tickets and its own */
	l->name_bytes = 64;
	l->value_bytes = 16 * 1024;
	l->rich_value_bytes = 1024 * 1024;	/* 200 000 characters of an article body, up to 4 bytes each */
	l->path_bytes = 2048;
}

struct pt_req *
pt_req_new(const char *worker)
{
	struct pt_req *req = calloc(1, sizeof(*req));

	if (req == NULL)
		return NULL;
	if ((req->arena = pt_arena_new()) == NULL) {
		free(req);
		return NULL;
	}
	req->worker = worker;
	return req;
}

void
pt_req_reset(struct pt_req *req)
{
	struct pt_arena *arena = req->arena;
	const char *worker = req->worker;

	pt_arena_reset(arena);
	memset(req, 0, sizeof(*req));
	req->arena = arena;
	req->worker = worker;
}

void
pt_req_free(struct pt_req *req)
{
	if (req == NULL)
		return;
	pt_arena_free(req->arena);
	free(req);
}

void *
pt_alloc(struct pt_req *req, size_t n)
{
	return pt_arena_alloc(req->arena, n);
}

char *
pt_strdup(struct pt_req *req, const char *s)
{
	return s != NULL ? pt_arena_strndup(req->arena, s, strlen(s)) : NULL;
}

char *
pt_printf(struct pt_req *req, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = pt_alloc(req, (size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 1 if s is valid UTF-8: no overlong forms, surrogates or values past Unicode. */
int
pt_utf8_ok(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		unsigned long cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0) {
			n = 1;
			cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			n = 2;
			cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			n = 3;
			cp = c & 0x07;
		} else
			return 0;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
		i += n + 1;
	}
	return 1;
}

/* 1 if s is valid UTF-8 without C0 controls other than TAB, LF, CR, and without DEL. */
int
pt_text_ok(const unsigned char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') || s[i] == 0x7f)
			return 0;
	return pt_utf8_ok(s, len);
}

/* Percent-decode s[0..len) into the arena ('+' is a space). */
static int
decode(struct pt_arena *a, const char *s, size_t len, size_t max, char **out, size_t *outlen)
{
	char *d;
	size_t i, j;

	if (len > 3 * max)
		return PT_ELIMIT;
	if ((d = pt_arena_alloc(a, len + 1)) == NULL)
		return PT_ENOMEM;
	for (i = j = 0; i < len; i++) {
		if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return PT_EINVAL;
			if ((hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return PT_EINVAL;
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[j++] = s[i] == '+' ? ' ' : s[i];
	}
	d[j] = '\0';
	if (j > max)
		return PT_ELIMIT;
	if (!pt_text_ok((const unsigned char *)d, j))
		return PT_EINVAL;
	*out = d;
	*outlen = j;
	return PT_OK;
}

int
pt_params_grow(struct pt_arena *a, struct pt_params *p, size_t max)
{
	struct pt_param *v;

	if (p->n >= max)
		return PT_ELIMIT;
	/* Double in the arena; the old array stays until the request ends. */
	if ((p->n & (p->n - 1)) == 0) {
		size_t cap = p->n == 0 ? 8 : p->n * 2;

		if ((v = pt_arena_alloc(a, cap * sizeof(*v))) == NULL)
			return PT_ENOMEM;
		if (p->n > 0)
			memcpy(v, p->v, p->n * sizeof(*v));
		p->v = v;
	}
	return PT_OK;
}

int
pt_parse_urlencoded(struct pt_arena *a, const char *s, size_t len, struct pt_params *out,
    const struct pt_limits *lim)
{
	size_t i = 0;
	int rc;

	while (i < len) {
		size_t start = i, eq = 0, nlen, vlen;
		char *name, *value;
		int has_eq = 0;

		while (i < len && s[i] != '&' && s[i] != ';') {
			if (s[i] == '=' && !has_eq) {
				has_eq = 1;
				eq = i;
			}
			i++;
		}
		if (i > start) {
			size_t name_end = has_eq ? eq : i;

			if ((rc = decode(a, s + start, name_end - start, lim->name_bytes, &name, &nlen)) != PT_OK)
				return rc;
			if (has_eq)
				rc = decode(a, s + eq + 1, i - eq - 1, lim->value_bytes, &value, &vlen);
			else {
				value = pt_arena_strndup(a, "", 0);
				vlen = 0;
				rc = value != NULL ? PT_OK : PT_ENOMEM;
			}
			if (rc != PT_OK)
				return rc;
			if (nlen > 0) {
				if ((rc = pt_params_grow(a, out, lim->fields)) != PT_OK)
					return rc;
				out->v[out->n].name = name;
				out->v[out->n].value = value;
				out->v[out->n].len = vlen;
				out->n++;
			}
		}
		i++;	/* skip the separator */
	}
	return PT_OK;
}

int
pt_parse_cookies(struct pt_arena *a, const char *s, struct pt_params *out,
    const struct pt_limits *lim)
{
	size_t len;
	int rc;

	if (s == NULL)
		return PT_OK;
	if ((len = strlen(s)) > lim->cookie_bytes)
		return PT_ELIMIT;
	while (*s != '\0') {
		const char *name, *eq, *end;
		size_t nlen, vlen;

		while (*s == ' ' || *s == ';')
			s++;
		if (*s == '\0')
			break;
		name = s;
		end = strchr(s, ';');
		if (end == NULL)
			end = s + strlen(s);
		eq = memchr(s, '=', (size_t)(end - s));
		s = end;
		/* Cookies we did not set may be malformed; skip them rather than fail the request. */
		if (eq == NULL || eq == name)
			continue;
		nlen = (size_t)(eq - name);
		vlen = (size_t)(end - eq - 1);
		while (vlen > 0 && eq[vlen] == ' ')
			vlen--;
		if (nlen > lim->name_bytes || !pt_text_ok((const unsigned char *)eq + 1, vlen) ||
		    !pt_text_ok((const unsigned char *)name, nlen))
			continue;
		if ((rc = pt_params_grow(a, out, lim->fields)) != PT_OK)
			return rc;
		out->v[out->n].name = pt_arena_strndup(a, name, nlen);
		out->v[out->n].value = pt_arena_strndup(a, eq + 1, vlen);
		out->v[out->n].len = vlen;
		if (out->v[out->n].name == NULL || out->v[out->n].value == NULL)
			return PT_ENOMEM;
		out->n++;
	}
	return PT_OK;
}

const char *
pt_params_get(const struct pt_params *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, name) == 0)
			return p->v[i].value;
	return NULL;
}

static const char *
env_get(char *const *env, const char *name)
{
	size_t len = strlen(name);

	for (; env != NULL && *env != NULL; env++)
		if (strncmp(*env, name, len) == 0 && (*env)[len] == '=')
			return *env + len + 1;
	return NULL;
}

static int
wants_xml(const struct pt_req *req)
{
	const char *f = pt_query(req, "format");

	if (f != NULL)
		return strcmp(f, "xml") == 0;
	return req->accept != NULL && strstr(req->accept, "application/xml") != NULL &&
	    strstr(req->accept, "text/html") == NULL;
}

/* An HTTP method as nginx passes it on: 1 to 16 capital letters (RFC 9110 §9.1 names them so). */
static int
method_token_ok(const char *m)
{
	size_t n = strspn(m, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

	return n > 0 && n <= 16 && m[n] == '\0';
}

int
pt_req_parse(struct pt_req *req, char *const *env, const char *body, size_t body_len,
    const struct pt_limits *lim)
{
	struct pt_params cookies = { NULL, 0 };
	const char *method, *path, *qs, *ctype;
	size_t plen;
	int rc;

	method = env_get(env, "REQUEST_METHOD");
	if (method == NULL || strcmp(method, "GET") == 0)
		req->method = PT_GET;
	else if (strcmp(method, "HEAD") == 0)
		req->method = PT_HEAD;
	else if (strcmp(method, "POST") == 0)
		req->method = PT_POST;
	else if (method_token_ok(method))
		req->method = PT_OTHER;
	else
		return PT_EINVAL;

	/* DOCUMENT_URI is nginx's decoded, normalised path; REQUEST_URI is the fallback. */
	if ((path = env_get(env, "DOCUMENT_URI")) != NULL)
		plen = strlen(path);
	else if ((path = env_get(env, "REQUEST_URI")) != NULL)
		plen = strcspn(path, "?");
	else {
		path = "/";
		plen = 1;
	}
	if (plen > lim->path_bytes)
		return PT_ELIMIT;
	if (plen == 0 || path[0] != '/' || !pt_text_ok((const unsigned char *)path, plen))
		return PT_EINVAL;
	if ((req->path = pt_arena_strndup(req->arena, path, plen)) == NULL)
		return PT_ENOMEM;
	req->api = pt_api_path(req->path);

	req->remote_addr = env_get(env, "REMOTE_ADDR");
	req->user_agent = env_get(env, "HTTP_USER_AGENT");
	req->accept = env_get(env, "HTTP_ACCEPT");
	req->accept_language = env_get(env, "HTTP_ACCEPT_LANGUAGE");
	req->authorization = env_get(env, "HTTP_AUTHORIZATION");
	if (req->remote_addr == NULL)
		req->remote_addr = "";

	/*
	 * Cookies first: a request refused for its query or body still has
	 * its session for the error page (pt_dispatch_refused).  They are
	 * kept only when all of them could be read.  An API request has none:
	 * a browser's cookies must never authorise one.
	 */
	if (!req->api &&
	    (rc = pt_parse_cookies(req->arena, env_get(env, "HTTP_COOKIE"), &cookies, lim)) != PT_OK)
		return rc;
	req->cookies = cookies;
	if ((qs = env_get(env, "QUERY_STRING")) != NULL) {
		if (strlen(qs) > lim->query_bytes)
			return PT_ELIMIT;
		if ((rc = pt_parse_urlencoded(req->arena, qs, strlen(qs), &req->query, lim)) != PT_OK)
			return rc;
	}
	req->want_xml = wants_xml(req);

	ctype = env_get(env, "CONTENT_TYPE");
	req->content_type = ctype;
	if (req->method == PT_POST) {
		if (body_len > (req->api ? lim->body_bytes : pt_body_limit(ctype, lim)))
			return PT_ELIMIT;
		/*
		 * Forms, urlencoded or multipart; an API request's body as it
		 * came, for its handler; other bodies are left for the handler
		 * to refuse.
		 */
		if (req->api) {
			req->api_body = body;
			req->api_body_len = body != NULL ? body_len : 0;
			rc = PT_OK;
		} else if (ctype != NULL && strncmp(ctype, "application/x-www-form-urlencoded", 33) == 0)
			rc = pt_parse_urlencoded(req->arena, body, body_len, &req->form, lim);
		else if (pt_is_multipart(ctype))
			rc = pt_parse_multipart(req, ctype, body, body_len, lim);
		else
			rc = PT_OK;
		if (rc != PT_OK)
			return rc;
	}
	return PT_OK;
}

int
pt_is_multipart(const char *ctype)
{
	return ctype != NULL && strncasecmp(ctype, "multipart/form-data", 19) == 0 &&
	    (ctype[19] == '\0' || ctype[19] == ';' || ctype[19] == ' ');
}

size_t
pt_body_limit(const char *ctype, const struct pt_limits *lim)
{
	return pt_is_multipart(ctype) ? lim->upload_bytes : lim->body_bytes;
}

/*
 * Accept-Language: "de-DE,de;q=0.9,en;q=0.8".  The primary subtag of each
 * range is compared with the supported codes; the highest q wins, the
 * earlier range on a tie.  q=0 means "not this one".
 */
const char *
pt_lang_negotiate(const char *al, const char *const *supported, size_t nsupported)
{
	const char *best = NULL;
	double bestq = 0.0;

	while (al != NULL && *al != '\0') {
		const char *end = strchr(al, ','), *semi, *q;
		size_t tag_len, i;
		double qv = 1.0;

		if (end == NULL)
			end = al + strlen(al);
		while (al < end && *al == ' ')
			al++;
		semi = memchr(al, ';', (size_t)(end - al));
		tag_len = strcspn(al, "-;, ");
		if (al + tag_len > end)
			tag_len = (size_t)(end - al);
		if (semi != NULL && (q = strstr(semi, "q=")) != NULL && q < end)
			qv = strtod(q + 2, NULL);
		for (i = 0; i < nsupported; i++)
			if (strlen(supported[i]) == tag_len &&
			    strncasecmp(al, supported[i], tag_len) == 0 && qv > bestq) {
				best = supported[i];
				bestq = qv;
			}
		al = *end != '\0' ? end + 1 : end;
	}
	return best;
}
