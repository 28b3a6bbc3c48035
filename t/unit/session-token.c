/* Tokens, passwords, CSRF comparison and permission checks: the pieces sessions are made of. */
#include "extern.h"
#include "tap.h"

int
main(void)
{
	static const char *const perms[] = { "tickets.create", "admin.*" };
	char a[65], b[65], hash[256];
	struct pt_user user = { .perms = (const char **)perms, .nperms = 2 };
	struct pt_params form = { 0 };
	struct pt_param field = { "csrf", a, 64 };
	struct pt_req *req = pt_req_new("test");

	ok(pt_random_hex(a, 32) == PT_OK && pt_random_hex(b, 32) == PT_OK, "random tokens");
	ok(strlen(a) == 64 && pt_valid(PT_V_TOKEN, a, 64), "a token is 64 lower-case hex digits");
	ok(strcmp(a, b) != 0, "two tokens differ");
	ok(pt_memeq_ct("abcdef", "abcdef", 6) && !pt_memeq_ct("abcdef", "abcdeg", 6),
	    "constant-time comparison");

	ok(pt_password_hash("correct horse", hash, sizeof(hash)) == PT_OK, "hash a password");
	ok(strncmp(hash, "$y$", 3) == 0, "yescrypt hash");
	ok(pt_password_verify("correct horse", hash), "right password verifies");
	ok(!pt_password_verify("correct hors", hash), "wrong password does not");
	ok(!pt_password_verify("x", "not-a-hash") && !pt_password_verify("x", NULL),
	    "malformed hash never verifies");

	form.v = &field;
	form.n = 1;
	req->form = form;
	memcpy(req->session.csrf, a, 65);
	ok(pt_csrf_ok(req), "matching token accepted");
	memcpy(req->session.csrf, b, 65);
	ok(!pt_csrf_ok(req), "other token refused");
	memcpy(req->session.csrf, a, 65);
	req->session.csrf_is_new = 1;
	ok(!pt_csrf_ok(req), "a token minted on this request is refused");
	req->session.csrf_is_new = 0;
	field.value = "abc";
	ok(!pt_csrf_ok(req), "short token refused");
	req->form.n = 0;
	ok(!pt_csrf_ok(req), "missing token refused");

	ok(!pt_can(req, "tickets.create"), "anonymous has no permission");
	req->session.user = &user;
	ok(pt_can(req, "tickets.create"), "granted permission");
	ok(!pt_can(req, "tickets.work"), "other permission refused");
	user.org_kind = "customer";
	ok(!pt_can(req, "admin.users"), "a customer's person never holds the provider's permissions");
	user.org_kind = "provider";
	ok(pt_can(req, "admin.users") && pt_can(req, "admin.users.edit"), "wildcard grant");
	ok(!pt_can(req, "administrator") && !pt_can(req, "admin"), "wildcard needs the dot");
	pt_req_free(req);
	return done_testing();
}
