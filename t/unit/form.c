/*
 * Typed values as the page groups read them: trimming, addresses, amounts,
 * lists of allowed values, LIKE patterns, the password rule, the pager and
 * a form of given values.
 */
#include <libxml/tree.h>

#include "portico.h"
#include "tap.h"

static void
amount(const char *s, int want_rc, long long want_minor, const char *name)
{
	long long minor = 12345;
	int rc = pt_parse_amount(s, &minor);

	is_int(rc, want_rc, name);
	is_int(minor, want_minor, name);
}

int
main(void)
{
	static const char *const allowed[] = { "EUR", "GBP" };
	static const char *const fields[] = { "name", "tier" };
	const char *values[] = { "Acme & Sons", NULL };
	char *env[] = { "REQUEST_METHOD=POST", "DOCUMENT_URI=/auth/admin/orgs",
	    "QUERY_STRING=q=%09Anna%20&page=3&empty=",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	const char *body = "name=+%0D%0AAcme+Ltd%09%0A+&blank=+++&inner=a++b&email=+Carl%40ACME.Example%0A";
	struct pt_limits lim;
	struct pt_req *req = pt_req_new("auth");
	xmlNodePtr f;
	xmlChar *xml = NULL;
	int len;

	pt_limits_default(&lim);
	ok(pt_valid_init() == PT_OK, "validators compile");
	is_int(pt_req_parse(req, env, body, strlen(body), &lim), PT_OK, "request parses");

	/* trimming */
	is_str(pt_form_trim(req, "name"), "Acme Ltd", "form: every kind of white space trimmed");
	is_str(pt_form_trim(req, "blank"), "", "form: only spaces is empty");
	is_str(pt_form_trim(req, "inner"), "a  b", "form: inner spaces kept");
	is_str(pt_form_trim(req, "absent"), "", "form: absent is empty");
	is_str(pt_query_trim(req, "q"), "Anna", "query: tab and space trimmed");
	is_str(pt_query_trim(req, "empty"), "", "query: empty stays empty");
	is_str(pt_query_trim(req, "name"), "", "query: a form field is not a query parameter");

	/* addresses */
	is_str(pt_email_normalise(req, pt_form(req, "email")), "carl@acme.example",
	    "email: trimmed and lower-cased");
	is_str(pt_email_normalise(req, NULL), "", "email: NULL is empty");
	is_str(pt_email_normalise(req, " \t "), "", "email: white space only is empty");
	is_str(pt_email_normalise(req, "\r\n\v\fA@B.example\t\v\f\r\n "), "a@b.example",
	    "email: the C locale's white space trimmed");
	is_str(pt_email_normalise(req, "Grüße@EXAMPLE.de"), "grüße@example.de",
	    "email: only ASCII letters change case");

	/* lists */
	ok(pt_one_of("EUR", allowed, 2), "one_of: a member");
	ok(!pt_one_of("eur", allowed, 2), "one_of: case matters");
	ok(!pt_one_of("", allowed, 2), "one_of: empty is not a member");
	ok(!pt_one_of(NULL, allowed, 2), "one_of: NULL is not a member");
	ok(!pt_one_of("EUR", allowed, 0), "one_of: nothing is in an empty list");

	/* LIKE patterns */
	is_str(pt_url_encode(req, ""), "", "url: empty");
	is_str(pt_url_encode(req, "Abc-1_2.3~"), "Abc-1_2.3~", "url: unreserved as they are");
	is_str(pt_url_encode(req, "a b&c=d/ü%"), "a%20b%26c%3Dd%2F%C3%BC%25", "url: the rest as %XX, bytewise");
	is_str(pt_sql_like(req, ""), "%%", "like: empty matches everything");
	is_str(pt_sql_like(req, "anna"), "%anna%", "like: anywhere");
	is_str(pt_sql_like(req, "50%_off\\"), "%50\\%\\_off\\\\%", "like: % _ and \\ escaped");
	is_str(pt_sql_like(req, "O'Brien"), "%O'Brien%", "like: quotes are for the binding, untouched");

	/* amounts */
	amount("1000", PT_OK, 100000, "amount: whole");
	amount("1000.5", PT_OK, 100050, "amount: one decimal is tens of cents");
	amount("1000,50", PT_OK, 100050, "amount: comma separator");
	amount("0.01", PT_OK, 1, "amount: a cent");
	amount("0", PT_OK, 0, "amount: zero");
	amount(" 12.30 ", PT_OK, 1230, "amount: spaces around ignored");
	amount("", PT_OK, -1, "amount: empty is no limit");
	amount("   ", PT_OK, -1, "amount: spaces only is no limit");
	amount(NULL, PT_OK, -1, "amount: NULL is no limit");
	amount("1.234", PT_EINVAL, -1, "amount: three decimals");
	amount("5.", PT_EINVAL, -1, "amount: separator without decimals");
	amount(".5", PT_EINVAL, -1, "amount: decimals without units");
	amount("1,000.00", PT_EINVAL, -1, "amount: thousands separator");
	amount("1e5", PT_EINVAL, -1, "amount: exponent");
	amount("abc", PT_EINVAL, -1, "amount: letters");
	amount("1 000", PT_EINVAL, -1, "amount: inner space");
	amount("+5", PT_EINVAL, -1, "amount: plus sign");
	amount("-1", PT_ELIMIT, -1, "amount: negative");
	amount("-0.01", PT_ELIMIT, -1, "amount: negative decimal");
	amount("-0", PT_ELIMIT, -1, "amount: minus zero is refused too");
	amount("-", PT_EINVAL, -1, "amount: a minus alone");
	amount("-abc", PT_EINVAL, -1, "amount: minus and letters");
	amount("9999999999999.99", PT_OK, 999999999999999LL, "amount: 13 digits");
	amount("10000000000000", PT_EINVAL, -1, "amount: 14 digits are too long");
	amount("99999999999999999999", PT_EINVAL, -1, "amount: far too long, no overflow");

	/* the password rule */
	is_str(pt_password_rule(NULL, "a@b.example"), "password.required", "password: NULL");
	is_str(pt_password_rule("", "a@b.example"), "password.required", "password: empty");
	is_str(pt_password_rule("123456789", NULL), "password.too-short", "password: 9 characters");
	ok(pt_password_rule("1234567890", NULL) == NULL, "password: 10 characters are enough");
	is_str(pt_password_rule("\xc3\xa4\xc3\xb6\xc3\xbc\xc3\xa4\xc3\xb6", NULL), "password.too-short",
	    "password: 5 umlauts are 5 characters, not 10");
	{
		static char pw[2 * PT_PASSWORD_MAX_CHARS + 3];
		size_t i;

		for (i = 0; i < PT_PASSWORD_MAX_CHARS; i++)
			memcpy(pw + 2 * i, "\xc3\xa4", 2);
		ok(pt_password_rule(pw, "a@b.example") == NULL, "password: 1024 umlauts are allowed");
		memcpy(pw + 2 * i, "x", 2);
		is_str(pt_password_rule(pw, "a@b.example"), "password.too-long", "password: 1025 characters");
	}
	is_str(pt_password_rule("Carl@Acme.example", "carl@acme.example"), "password.same-as-email",
	    "password: the address in another case");
	ok(pt_password_rule("carl@acme.example!", "carl@acme.example") == NULL,
	    "password: more than the address is fine");

	/* pages */
	is_int(pt_query_page(req), 3, "page: from the query");
	is_int(pt_pages(0, 50), 1, "pages: an empty list has one page");
	is_int(pt_pages(50, 50), 1, "pages: a full page");
	is_int(pt_pages(51, 50), 2, "pages: one more row, one more page");

	/* a form of values, and the pager */
	ok(pt_page_init(req) == PT_OK, "page built");
	f = pt_form_values(req, "org", fields, values, 2);
	pt_pager(req->page, 2, 120, 50);
	xmlDocDumpMemoryEnc(req->doc, &xml, &len, "UTF-8");
	ok(xml != NULL && f != NULL, "serialised");
	ok(xml != NULL && strstr((char *)xml, "<form name=\"org\"><field name=\"name\">Acme &amp; Sons"
	    "</field><field name=\"tier\"></field></form>") != NULL, "form: values escaped, NULL is empty");
	ok(xml != NULL && strstr((char *)xml, "<pager page=\"2\" pages=\"3\" total=\"120\"/>") != NULL,
	    "pager: page, pages and total");
	xmlFree(xml);

	pt_req_free(req);
	{
		/* No ?page=, a malformed one, one too long. */
		char *e1[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/x", NULL };
		char *e2[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/x", "QUERY_STRING=page=-2", NULL };
		char *e3[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/x", "QUERY_STRING=page=1234567",
		    NULL };
		char **envs[] = { e1, e2, e3 };
		const char *names[] = { "page: absent is 1", "page: malformed is 1",
		    "page: more than 6 digits is 1" };
		size_t i;

		for (i = 0; i < 3; i++) {
			req = pt_req_new("auth");
			pt_req_parse(req, envs[i], NULL, 0, &lim);
			is_int(pt_query_page(req), 1, names[i]);
			pt_req_free(req);
		}
	}
	pt_valid_free();
	xmlCleanupParser();
	is_int(pt_chars("Grüße, 日本 🙂"), 11, "characters, not bytes, of UTF-8");
	is_int(pt_chars(""), 0, "no characters in an empty string");
	is_int(pt_chars(NULL), 0, "nor in none");
	return done_testing();
}
