/* The page envelope: attributes, session, messages, form echo, and escaping of user text. */
#include <libxml/tree.h>

#include "extern.h"
#include "tap.h"

int
main(void)
{
	static const char *const roles[] = { "customer_user", "buyer" };
	static const char *const perms[] = { "tickets.create" };
	static const char *const fields[] = { "email", "next" };
	char *env[] = { "REQUEST_METHOD=POST", "DOCUMENT_URI=/auth/login",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	const char *body = "email=%3Cscript%3Ealert(1)%3C%2Fscript%3E&password=secret";
	struct pt_user user = { .id = 7, .org_id = 3, .name = "Carl <b>Customer</b>",
	    .email = "carl@acme.example", .org_name = "Acme & Sons", .org_kind = "customer",
	    .home = "customer", .roles = (const char **)roles, .nroles = 2,
	    .perms = (const char **)perms, .nperms = 1 };
	struct pt_limits lim;
	struct pt_req *req = pt_req_new("auth");
	xmlChar *xml = NULL;
	int len;

	pt_limits_default(&lim);
	pt_site.theme = "nordlicht";
	is_int(pt_req_parse(req, env, body, strlen(body), &lim), PT_OK, "request parses");
	memcpy(req->id, "abc123", 7);
	req->lang = "de";
	strcpy(req->session.csrf, "ff");
	req->session.user = &user;
	is_int(pt_page_init(req), PT_OK, "envelope built");
	pt_message(req, "error", "login.failed", "email");
	pt_form_echo(req, "login", fields, 2);
	req->view = "login";
	req->status = 422;
	pt_page_finish(req);
	xmlDocDumpMemoryEnc(req->doc, &xml, &len, "UTF-8");
	ok(xml != NULL, "serialised");
	ok(strstr((char *)xml, "<page worker=\"auth\" lang=\"de\" path=\"/auth/login\" "
	    "theme=\"nordlicht\" request-id=\"abc123\"") != NULL, "page attributes");
	ok(strstr((char *)xml, "view=\"login\"") && strstr((char *)xml, "status=\"422\""),
	    "view and status set at the end");
	ok(strstr((char *)xml, "<session csrf=\"ff\"><user id=\"7\" org-id=\"3\" home=\"customer\"")
	    != NULL, "session with user");
	ok(strstr((char *)xml, "<name>Carl &lt;b&gt;Customer&lt;/b&gt;</name>") != NULL,
	    "user text is escaped");
	ok(strstr((char *)xml, "<org kind=\"customer\">Acme &amp; Sons</org>") != NULL, "org");
	ok(strstr((char *)xml, "<role>customer_user</role><role>buyer</role>") != NULL, "roles");
	ok(strstr((char *)xml, "<permission>tickets.create</permission>") != NULL, "permissions");
	ok(strstr((char *)xml, "<message kind=\"error\" key=\"login.failed\" field=\"email\"/>")
	    != NULL, "message with key and field");
	ok(strstr((char *)xml, "<field name=\"email\">&lt;script&gt;alert(1)&lt;/script&gt;</field>")
	    != NULL, "echoed input is escaped");
	ok(strstr((char *)xml, "secret") == NULL, "the password is never echoed");
	ok(strstr((char *)xml, "<languages/>") != NULL, "languages: none loaded, empty list");
	xmlFree(xml);
	pt_req_free(req);
	return done_testing();
}
