/* The integration API's runtime side: tokens, scopes, JSON errors, and which paths are the API's. */
#include <string.h>

#include "portico.h"
#include "tap.h"

int
main(void)
{
	struct pt_req *req = pt_req_new("test");
	char a[PT_API_TOKEN_CHARS + 1], b[PT_API_TOKEN_CHARS + 1];
	unsigned char ha[32], hb[32], h[32];

	is_int(pt_api_token_new(a, ha), PT_OK, "a token");
	is_int(strlen(a), PT_API_TOKEN_CHARS, "of 68 characters");
	ok(strncmp(a, "pti_", 4) == 0 && strspn(a + 4, "0123456789abcdef") == 64, "pti_ and 64 hex digits");
	pt_sha256(a, strlen(a), h);
	ok(memcmp(h, ha, 32) == 0, "its hash is the SHA-256 of the whole token");
	pt_api_token_new(b, hb);
	ok(strcmp(a, b) != 0 && memcmp(ha, hb, 32) != 0, "two tokens differ");

	ok(pt_api_scope_in("orders.read,orders.write", "orders.write"), "a scope in the list");
	ok(pt_api_scope_in("orders.read", "orders.read"), "the only one");
	ok(!pt_api_scope_in("orders.read,orders.write", "orders"), "not a prefix of one");
	ok(!pt_api_scope_in("orders.readx", "orders.read"), "nor one that starts with it");
	ok(!pt_api_scope_in("", "orders.read"), "none in an empty list");
	ok(!pt_api_scope_in(NULL, "orders.read"), "nor in none");

	ok(pt_api_path("/api/v1/orders"), "/api/v1/orders is the API's");
	ok(pt_api_path("/api/"), "/api/ too");
	ok(!pt_api_path("/api"), "/api without the slash is not");
	ok(!pt_api_path("/apis/x"), "nor /apis/");
	ok(!pt_api_path("/orders/api/v1"), "nor a path that holds it later");
	ok(!pt_api_path(NULL), "nor none");

	is_int(pt_api_error(req, 422, "invalid_fields", "Say \"why\"\n"), 422, "an error: its status");
	is_str(req->body, "{\"error\":{\"status\":422,\"code\":\"invalid_fields\","
	    "\"message\":\"Say \\\"why\\\"\\n\"}}\n", "as JSON, escaped");
	is_str(req->content_type_out, "application/json", "application/json");
	pt_req_free(req);
	return done_testing();
}
