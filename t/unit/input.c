/*
 * A form read by a table of inputs (input.c): each kind's checks, one
 * message at each bad field with the bounds it names, the values kept as
 * typed (trimmed; a text's line ends as LF), and nothing said about good
 * or optional empty fields.
 */
#include <string.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "portico.h"
#include "tap.h"

/* Attribute attr of the first message at field, or "" when there is none. */
static const char *
attr_at(struct pt_req *req, const char *field, const char *attr)
{
	xmlNodePtr m;

	for (m = req->messages != NULL ? req->messages->children : NULL; m != NULL; m = m->next) {
		xmlChar *f = xmlGetProp(m, (const xmlChar *)"field");
		int same = f != NULL && strcmp((const char *)f, field) == 0;

		xmlFree(f);
		if (same) {
			xmlChar *v = xmlGetProp(m, (const xmlChar *)attr);
			const char *s = pt_strdup(req, v != NULL ? (const char *)v : "");

			xmlFree(v);
			return s;
		}
	}
	return "";
}

/* The key of the message at field, or "". */
static const char *
key_at(struct pt_req *req, const char *field)
{
	return attr_at(req, field, "key");
}

int
main(void)
{
	static const char *const kinds[] = { "product", "service" };
	static const struct pt_input inputs[] = {
		{ "slug", PT_IN_SLUG, 1, 0, 20, NULL, 0 },
		{ "name", PT_IN_LINE, 1, 0, 5, NULL, 0 },
		{ "text", PT_IN_TEXT, 0, 0, 100, NULL, 0 },
		{ "n", PT_IN_INT, 1, 1, 9, NULL, 0 },
		{ "price", PT_IN_AMOUNT, 0, 0, 100000, NULL, 0 },
		{ "kind", PT_IN_CHOICE, 1, 0, 0, kinds, 2 },
		{ "box", PT_IN_CHECK, 0, 0, 0, NULL, 0 },
		{ "empty", PT_IN_LINE, 0, 0, 5, NULL, 0 },
	};
	static const char *const names[] = { "name", "price" };
	static const char *const values[] = { "x", NULL };
	char *env[] = { "REQUEST_METHOD=POST", "DOCUMENT_URI=/orders/admin/x",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	struct pt_limits lim;
	struct pt_req *req = pt_req_new("orders");
	const char *v[PT_NELEM(inputs)];
	const char *body;

	pt_limits_default(&lim);
	req->lang = "en";

	body = "slug=+spare-parts+&name=%C3%84bcde&text=%0D%0A+one%0D%0Atwo+%0D%0A&n=9&price=12%2C50"
	    "&kind=service&box=1&empty=";
	is_int(pt_req_parse(req, env, body, strlen(body), &lim), PT_OK, "a good form parses");
	is_int(pt_page_init(req), PT_OK, "envelope");
	is_int(pt_input_read(req, inputs, PT_NELEM(inputs), v), 0, "a good form: no field in error");
	is_str(v[0], "spare-parts", "slug trimmed");
	is_str(v[1], "\xc3\x84" "bcde", "five characters (six bytes) are five");
	is_str(v[2], "one\ntwo", "text: LF line ends, blank lines and spaces around gone");
	is_str(v[4], "12,50", "an amount as typed");
	is_str(v[6], "1", "a ticked box");
	is_str(v[7], "", "an optional empty field is empty");
	is_int(pt_input_int(v[3], 0), 9, "the number");
	is_int(pt_input_int("", 4), 4, "an empty number: the default");

	pt_req_reset(req);
	req->lang = "en";
	body = "slug=Bad--Slug&name=abcdef&text=ok&n=10&price=-1&kind=rocket";
	is_int(pt_req_parse(req, env, body, strlen(body), &lim), PT_OK, "a bad form parses");
	is_int(pt_page_init(req), PT_OK, "envelope");
	is_int(pt_input_read(req, inputs, PT_NELEM(inputs), v), 5, "five fields in error");
	is_str(key_at(req, "slug"), "input.slug", "slug");
	is_str(key_at(req, "name"), "input.too-long", "too long");
	is_str(attr_at(req, "name", "max"), "5", "names its bound");
	is_str(key_at(req, "text"), "", "a good text among them");
	is_str(key_at(req, "n"), "input.integer", "out of range");
	is_str(attr_at(req, "n", "min"), "1", "with min");
	is_str(attr_at(req, "n", "max"), "9", "and max");
	is_str(key_at(req, "price"), "input.amount.negative", "negative");
	is_str(key_at(req, "kind"), "input.choice", "not a choice");
	is_str(key_at(req, "box"), "", "no message for an unticked box");
	is_str(v[5], "rocket", "the bad choice is kept as sent");
	is_str(v[6], "0", "an unticked box");

	pt_req_reset(req);
	req->lang = "en";
	body = "slug=&name=+&n=&price=1000.001";
	is_int(pt_req_parse(req, env, body, strlen(body), &lim), PT_OK, "an empty form parses");
	is_int(pt_page_init(req), PT_OK, "envelope");
	is_int(pt_input_read(req, inputs, PT_NELEM(inputs), v), 5, "required fields and a bad amount");
	is_str(key_at(req, "slug"), "input.required", "slug required");
	is_str(key_at(req, "name"), "input.required", "white space is empty");
	is_str(key_at(req, "n"), "input.required", "number required");
	is_str(key_at(req, "price"), "input.amount", "three decimals");
	is_str(key_at(req, "kind"), "input.choose", "choose one");
	is_str(key_at(req, "text"), "", "an optional text may be empty");

	pt_req_reset(req);
	req->lang = "en";
	body = "price=1000.01";
	is_int(pt_req_parse(req, env, body, strlen(body), &lim), PT_OK, "over the amount's max");
	is_int(pt_page_init(req), PT_OK, "envelope");
	pt_input_read(req, inputs + 4, 1, v);
	is_str(key_at(req, "price"), "input.amount", "100000.01 is over 100000 minor units");

	is_str(pt_json_fields(req, names, values, 2), "{\"name\":\"x\",\"price\":null}", "JSON of fields");
	pt_req_free(req);
	return done_testing();
}
