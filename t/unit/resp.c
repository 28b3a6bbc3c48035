/* Responses: security headers on every answer, cookie flags, local-only redirects, no header injection. */
#include "extern.h"
#include "tap.h"

int
main(void)
{
	struct pt_req *req = pt_req_new("test");
	char *out;
	size_t len;

	pt_site.secure_cookies = 1;
	req->status = 200;
	req->body = "<p>hi</p>";
	req->body_len = 9;
	memcpy(req->id, "r1", 3);
	ok(pt_cookie_set(req, "portico_session", "abc", -1, 1) == PT_OK, "cookie set");
	ok(pt_header_add(req, "X-Evil", "a\r\nSet-Cookie: x=1") != PT_OK, "CRLF in a header refused");
	ok(pt_cookie_set(req, "c", "a;b", -1, 1) != PT_OK, "separator in a cookie value refused");
	out = pt_resp_serialize(req, &len);
	ok(out != NULL, "serialised");
	ok(strncmp(out, "Status: 200 OK\r\n", 16) == 0, "status line");
	ok(strstr(out, "Content-Security-Policy: default-src 'self'") != NULL, "CSP");
	ok(strstr(out, "frame-ancestors 'none'") != NULL, "no framing");
	ok(strstr(out, "X-Content-Type-Options: nosniff\r\n") != NULL, "nosniff");
	ok(strstr(out, "Referrer-Policy: same-origin\r\n") != NULL, "referrer policy");
	ok(strstr(out, "X-Request-Id: r1\r\n") != NULL, "request id");
	ok(strstr(out, "Set-Cookie: portico_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure\r\n")
	    != NULL, "session cookie flags, Secure in production");
	ok(strstr(out, "Content-Length: 9\r\n\r\n<p>hi</p>") != NULL, "length and body");
	ok(strstr(out, "X-Evil") == NULL, "refused header absent");

	pt_req_reset(req);
	memcpy(req->id, "r2", 3);
	is_int(pt_redirect(req, "//evil.example/x"), 303, "redirect status");
	is_str(req->location, "/", "foreign target replaced by /");
	pt_redirect(req, "/auth/login?next=%2F");
	is_str(req->location, "/auth/login?next=%2F", "local target kept");
	out = pt_resp_serialize(req, &len);
	ok(out != NULL && strstr(out, "Location: /auth/login?next=%2F\r\n") != NULL, "Location");
	ok(strstr(out, "Content-Length: 0\r\n") != NULL, "redirect has no body");

	/* A line break in any header value is refused, never sent. */
	pt_req_reset(req);
	memcpy(req->id, "r3", 3);
	pt_redirect(req, "/x\n");
	is_str(req->location, "/", "a target ending in LF replaced by /");
	pt_redirect(req, "/x\r\nSet-Cookie: evil=1");
	is_str(req->location, "/", "a target with CRLF replaced by /");
	ok(pt_header_add(req, "X-Evil\r\nSet-Cookie: x", "1") != PT_OK, "CRLF in a header name refused");
	ok(pt_header_add(req, "X-Evil", "a\n") != PT_OK, "LF at the end of a header value refused");
	ok(pt_header_add(req, "X-Evil", "a\rb") != PT_OK, "CR in a header value refused");
	ok(pt_cookie_set(req, "c", "a\r\nb", -1, 1) != PT_OK, "CRLF in a cookie value refused");
	ok(pt_cookie_set(req, "c\nX-Evil: 1", "a", -1, 1) != PT_OK, "LF in a cookie name refused");
	req->location = "/y\r\nX-Evil: 1";	/* set behind pt_redirect's back */
	out = pt_resp_serialize(req, &len);
	ok(out != NULL && strstr(out, "X-Evil") == NULL && strstr(out, "evil=1") == NULL,
	    "nothing injected reaches the response");
	ok(out != NULL && strstr(out, "Location: /y") == NULL, "an unsafe Location is not sent");
	{
		const char *end = out != NULL ? strstr(out, "\r\n\r\n") : NULL, *p;
		int bare = 0;

		for (p = out; end != NULL && p < end; p++)
			if ((*p == '\n' && (p == out || p[-1] != '\r')) || (*p == '\r' && p[1] != '\n'))
				bare = 1;
		ok(end != NULL && !bare, "the header block has CRLF line ends only");
	}

	pt_req_reset(req);
	pt_site.secure_cookies = 0;
	pt_cookie_set(req, "portico_lang", "de", 100, 0);
	req->status = 200;
	out = pt_resp_serialize(req, &len);
	ok(strstr(out, "portico_lang=de; Path=/; Max-Age=100; SameSite=Lax\r\n") != NULL,
	    "plain-HTTP set-up: no Secure; Max-Age; not HttpOnly when asked");
	pt_req_free(req);
	return done_testing();
}
