/* Validators: what passes and what must not. */
#include "portico.h"
#include "tap.h"

#define V(kind, s) pt_valid((kind), (s), strlen(s))

int
main(void)
{
	static const char *const good_emails[] = { "carl@acme.example", "a.b+c@x.co",
	    "o'neil@sub.domain.de" };
	static const char *const bad_emails[] = { "", "carl", "carl@", "@acme.example",
	    "carl@acme", "carl@@acme.example", "carl @acme.example", "carl@acme..example",
	    "<script>@x.de", "carl@-acme.example" };
	static const char *const good_paths[] = { "/", "/kb/articles/42", "/auth/login?next=%2F",
	    "/tickets/?page=2&sort=new" };
	static const char *const bad_paths[] = { "", "//evil.example", "/\\evil.example",
	    "http://evil.example/", "javascript:alert(1)", "evil", "/a b", "/a\"b", "/<x>" };
	size_t i;

	is_int(pt_valid_init(), PT_OK, "patterns compile");
	for (i = 0; i < sizeof(good_emails) / sizeof(*good_emails); i++)
		ok(V(PT_V_EMAIL, good_emails[i]), good_emails[i]);
	for (i = 0; i < sizeof(bad_emails) / sizeof(*bad_emails); i++)
		ok(!V(PT_V_EMAIL, bad_emails[i]), bad_emails[i]);
	for (i = 0; i < sizeof(good_paths) / sizeof(*good_paths); i++)
		ok(V(PT_V_LOCAL_PATH, good_paths[i]), good_paths[i]);
	for (i = 0; i < sizeof(bad_paths) / sizeof(*bad_paths); i++)
		ok(!V(PT_V_LOCAL_PATH, bad_paths[i]), bad_paths[i]);
	ok(V(PT_V_TOKEN, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
	    "64 hex digits are a token");
	ok(!V(PT_V_TOKEN, "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"),
	    "upper case is not a token");
	ok(!V(PT_V_TOKEN, "0123"), "short is not a token");
	ok(V(PT_V_ID, "42") && !V(PT_V_ID, "0") && !V(PT_V_ID, "-1") && !V(PT_V_ID, "1e3") &&
	    !V(PT_V_ID, "1234567890123456789"), "ids");
	ok(V(PT_V_LANG, "de") && !V(PT_V_LANG, "DE") && !V(PT_V_LANG, "deu"), "languages");
	ok(V(PT_V_NAME, "Jürgen Müller") && !V(PT_V_NAME, "a\nb") && !V(PT_V_NAME, ""), "names");
	ok(!pt_valid(PT_V_NAME, "\xff\xfe", 2), "invalid UTF-8 does not match (and does not crash)");
	ok(V(PT_V_TAG, "größe 2") && V(PT_V_TAG, "px-200") && !V(PT_V_TAG, "a<b") &&
	    !V(PT_V_TAG, "line\xe2\x80\xa8" "break") && !V(PT_V_TAG, "a--b") && !V(PT_V_TAG, "-a") &&
	    !V(PT_V_TAG, "a  b") && !V(PT_V_TAG, "semi;colon") && !V(PT_V_TAG, ""),
	    "tags: letters and digits with single spaces or hyphens between");
	ok(!pt_valid(PT_V_EMAIL, NULL, 0), "NULL does not match");
	/* PCRE2's $ matches before a final newline: no validator may let one through. */
	for (i = 0; i < PT_V__MAX; i++) {
		static const char *const good[PT_V__MAX] = {
			[PT_V_EMAIL] = "carl@acme.example", [PT_V_LANG] = "de",
			[PT_V_LOCAL_PATH] = "/kb", [PT_V_ID] = "42", [PT_V_NAME] = "Carl",
			[PT_V_TAG] = "wi-fi router",
			[PT_V_TOKEN] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
		};
		static const char *const tails[][2] = { { "\n", "LF" }, { "\r", "CR" },
		    { "\r\n", "CRLF" } };
		char value[128], name[128];
		size_t t;

		snprintf(name, sizeof(name), "%s: a good value matches", pt_valid_name(i));
		ok(good[i] != NULL && V(i, good[i]), name);
		for (t = 0; good[i] != NULL && t < sizeof(tails) / sizeof(*tails); t++) {
			snprintf(value, sizeof(value), "%s%s", good[i], tails[t][0]);
			snprintf(name, sizeof(name), "%s: a trailing %s does not match",
			    pt_valid_name(i), tails[t][1]);
			ok(!V(i, value), name);
		}
	}
	pt_valid_free();
	return done_testing();
}
