/* Request parsing of well-formed input: method, path, query, form body, cookies, format. */
#include "portico.h"
#include "tap.h"

static struct pt_req *
parse(char *const *env, const char *body, int *rc)
{
	struct pt_limits lim;
	struct pt_req *req = pt_req_new("test");

	pt_limits_default(&lim);
	*rc = pt_req_parse(req, env, body, body != NULL ? strlen(body) : 0, &lim);
	return req;
}

int
main(void)
{
	char *env1[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/kb/articles/42",
	    "QUERY_STRING=q=hello+world&tag=a%26b&empty=&flag&x=1&x=2",
	    "HTTP_COOKIE=portico_session=abc; theme=dark;  portico_lang=de",
	    "HTTP_ACCEPT_LANGUAGE=de", "REMOTE_ADDR=192.0.2.7", NULL };
	char *env2[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/auth/login?format=xml",
	    "QUERY_STRING=format=xml",
	    "CONTENT_TYPE=application/x-www-form-urlencoded; charset=UTF-8", NULL };
	char *env3[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/", "HTTP_ACCEPT=application/xml", NULL };
	char *env4[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/",
	    "HTTP_ACCEPT=text/html,application/xhtml+xml,application/xml;q=0.9", NULL };
	char *env5[] = { "REQUEST_METHOD=HEAD", "DOCUMENT_URI=/x", NULL };
	char *env6[] = { "REQUEST_METHOD=POST", "DOCUMENT_URI=/api/v1/stock",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", "HTTP_COOKIE=portico_session=abc",
	    "HTTP_AUTHORIZATION=Bearer pti_00", NULL };
	struct pt_req *req;
	int rc;

	req = parse(env1, NULL, &rc);
	is_int(rc, PT_OK, "GET parses");
	is_int(req->method, PT_GET, "method GET");
	is_str(req->path, "/kb/articles/42", "path from DOCUMENT_URI");
	is_str(pt_query(req, "q"), "hello world", "+ is a space");
	is_str(pt_query(req, "tag"), "a&b", "percent-decoding");
	is_str(pt_query(req, "empty"), "", "empty value");
	is_str(pt_query(req, "flag"), "", "name without = is an empty value");
	is_str(pt_query(req, "x"), "1", "repeated name: the first wins");
	is_int(req->query.n, 6, "every pair kept");
	ok(pt_query(req, "nosuch") == NULL, "missing parameter is NULL");
	is_str(pt_cookie(req, "portico_session"), "abc", "cookie");
	is_str(pt_cookie(req, "portico_lang"), "de", "cookie after extra spaces");
	is_str(req->remote_addr, "192.0.2.7", "remote address");
	ok(!req->want_xml, "HTML by default");
	pt_req_free(req);

	req = parse(env2, "email=carl%40acme.example&password=p%C3%A4ss+w&csrf=00", &rc);
	is_int(rc, PT_OK, "POST parses");
	is_int(req->method, PT_POST, "method POST");
	is_str(req->path, "/auth/login", "path from REQUEST_URI without the query");
	is_str(pt_form(req, "email"), "carl@acme.example", "form field");
	is_str(pt_form(req, "password"), "p\xc3\xa4ss w", "UTF-8 form value");
	ok(req->want_xml, "?format=xml asks for XML");
	pt_req_free(req);

	req = parse(env3, NULL, &rc);
	ok(rc == PT_OK && req->want_xml, "Accept: application/xml asks for XML");
	pt_req_free(req);
	req = parse(env4, NULL, &rc);
	ok(rc == PT_OK && !req->want_xml, "a browser's Accept gets HTML");
	pt_req_free(req);
	req = parse(env5, NULL, &rc);
	ok(rc == PT_OK && req->method == PT_HEAD, "HEAD");
	pt_req_free(req);
	/* The API: no cookies read, the body kept as sent whatever its type, the token's header. */
	req = parse(env6, "a=1&b=2", &rc);
	is_int(rc, PT_OK, "an API POST parses");
	ok(req->api, "a path under /api/ is the API's");
	ok(pt_cookie(req, "portico_session") == NULL, "no cookie is read for the API");
	is_int(req->form.n, 0, "nor a form");
	is_str(req->api_body, "a=1&b=2", "the body as sent");
	is_int(req->api_body_len, 7, "with its length");
	is_str(req->authorization, "Bearer pti_00", "the Authorization header");
	pt_req_free(req);
	req = parse(env1, NULL, &rc);
	ok(!req->api && req->api_body == NULL, "another path is not the API's");
	pt_req_free(req);

	return done_testing();
}
