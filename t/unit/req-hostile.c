/*
 * Request parsing of hostile input: every bound, every malformed encoding,
 * and random bytes.  Run under ASan/UBSan: a crash or an overflow fails.
 */
#include <stdlib.h>

#include "portico.h"
#include "tap.h"

static int
parse_env(char *const *env, const char *body, size_t len)
{
	struct pt_limits lim;
	struct pt_req *req = pt_req_new("test");
	int rc;

	pt_limits_default(&lim);
	rc = pt_req_parse(req, env, body, len, &lim);
	pt_req_free(req);
	return rc;
}

static int
parse_query(const char *qs)
{
	char *env[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/", NULL, NULL };
	char buf[70000];
	int rc;

	snprintf(buf, sizeof(buf), "QUERY_STRING=%s", qs);
	env[2] = buf;
	rc = parse_env(env, NULL, 0);
	return rc;
}

static int
parse_body(const char *body, size_t len)
{
	char *env[] = { "REQUEST_METHOD=POST", "DOCUMENT_URI=/",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };

	return parse_env(env, body, len);
}

int
main(void)
{
	struct pt_limits lim;
	char *big, cookie[10000];
	size_t i;
	int crashed = 0;

	pt_limits_default(&lim);
	is_int(parse_query("a=%zz"), PT_EINVAL, "bad hex digit");
	is_int(parse_query("a=%4"), PT_EINVAL, "truncated escape");
	is_int(parse_query("a=%"), PT_EINVAL, "lone percent");
	is_int(parse_query("a=x%00y"), PT_EINVAL, "NUL byte");
	is_int(parse_query("a=%01"), PT_EINVAL, "control character");
	is_int(parse_query("a=%C3%28"), PT_EINVAL, "invalid UTF-8");
	is_int(parse_query("a=%C0%AF"), PT_EINVAL, "overlong UTF-8");
	is_int(parse_query("a=%ED%A0%80"), PT_EINVAL, "UTF-16 surrogate");
	is_int(parse_query("a=%F4%90%80%80"), PT_EINVAL, "past U+10FFFF");
	is_int(parse_query("a=%E2%82"), PT_EINVAL, "truncated multibyte");
	is_int(parse_query("a=%E2%82%AC"), PT_OK, "the euro sign is fine");
	is_int(parse_query("&&&;;=&=x&"), PT_OK, "empty pairs are skipped");

	big = malloc(1 << 20);
	memset(big, 'a', 1 << 20);
	big[0] = 'a';
	big[1] = '=';
	big[lim.value_bytes + 3] = '\0';
	is_int(parse_body(big, strlen(big)), PT_ELIMIT, "over-long field value");
	for (i = 0; i < 2 * lim.fields; i++)
		memcpy(big + 4 * i, "a=1&", 4);
	big[8 * lim.fields] = '\0';
	is_int(parse_body(big, strlen(big)), PT_ELIMIT, "too many fields");
	memset(big, 'n', 200);
	big[200] = '=';
	big[201] = '\0';
	is_int(parse_body(big, strlen(big)), PT_ELIMIT, "over-long field name");
	memset(big, 'a', 1 << 20);
	is_int(parse_body(big, 1 << 20), PT_ELIMIT, "body over the limit");
	big[lim.query_bytes + 10] = '\0';
	is_int(parse_query(big), PT_ELIMIT, "query string over the limit");
	{
		/* The error page of a refused request still knows the session. */
		char *qs = calloc(1, lim.query_bytes + 32);
		char *env[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/kb/search",
		    "HTTP_COOKIE=portico_session=abc", qs, NULL };
		struct pt_req *req = pt_req_new("test");

		ok(lim.query_bytes > 2 * 12 * PT_SEARCH_MAX_CHARS,
		    "a search over its limit, all 4-byte characters, fits the query bound");
		strcpy(qs, "QUERY_STRING=q=");
		memset(qs + strlen(qs), 'q', lim.query_bytes);
		is_int(pt_req_parse(req, env, NULL, 0, &lim), PT_ELIMIT, "query over the bound");
		is_str(pt_cookie(req, "portico_session"), "abc", "cookies read before the query");
		pt_req_free(req);
		free(qs);
	}

	{
		char *env[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/", cookie, NULL };

		strcpy(cookie, "HTTP_COOKIE=");
		memset(cookie + 12, 'c', 9000);
		cookie[9012] = '\0';
		is_int(parse_env(env, NULL, 0), PT_ELIMIT, "cookie header over the limit");
		strcpy(cookie, "HTTP_COOKIE=;;=;novalue; =x; ok=1; bad=\x01; ");
		is_int(parse_env(env, NULL, 0), PT_OK, "malformed cookies are skipped, not fatal");
	}
	{
		char *env[] = { "REQUEST_METHOD=DE\x01LETE", "DOCUMENT_URI=/", NULL };
		char *env4[] = { "REQUEST_METHOD=DELETE", "DOCUMENT_URI=/", NULL };
		char *env5[] = { "REQUEST_METHOD=delete", "DOCUMENT_URI=/", NULL };
		char *env2[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=relative", NULL };
		char *env3[] = { "REQUEST_METHOD=GET", big, NULL };

		is_int(parse_env(env, NULL, 0), PT_EINVAL, "a method with a control character");
		is_int(parse_env(env4, NULL, 0), PT_OK, "DELETE is parsed (routing answers 405 or 404)");
		is_int(parse_env(env5, NULL, 0), PT_EINVAL, "a method in small letters");
		is_int(parse_env(env2, NULL, 0), PT_EINVAL, "path without leading slash");
		memcpy(big, "DOCUMENT_URI=/", 14);
		memset(big + 14, 'p', 5000);
		big[5014] = '\0';
		is_int(parse_env(env3, NULL, 0), PT_ELIMIT, "over-long path");
	}

	/* Random bytes: any answer is fine, a crash is not (ASan watches). */
	srand(42);
	for (i = 0; i < 20000; i++) {
		size_t len = (size_t)(rand() % 300), k;
		struct pt_arena *a = pt_arena_new();
		struct pt_params p = { 0 };
		char *s = malloc(len + 1);

		for (k = 0; k < len; k++) {
			static const char alphabet[] = "a=&;%+0F\xc3\xa4\xff\x80 ";
			s[k] = rand() % 4 == 0 ? (char)(rand() % 256) :
			    alphabet[rand() % (int)(sizeof(alphabet) - 1)];
		}
		s[len] = '\0';
		(void)pt_parse_urlencoded(a, s, len, &p, &lim);
		memset(&p, 0, sizeof(p));
		(void)pt_parse_cookies(a, s, &p, &lim);
		free(s);
		pt_arena_free(a);
	}
	ok(!crashed, "20000 random inputs parsed without a crash");
	free(big);
	return done_testing();
}
