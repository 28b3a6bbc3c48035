/*
 * The page tree: every answer is one XML document with the same envelope
 * (DESIGN.md §2), so one layout stylesheet serves every view and
 * ?format=xml is a faithful read API.  Text enters the tree only through
 * libxml2 calls that escape it.
 */
#include <stdio.h>
#include <string.h>

#include "extern.h"

static void
free_doc(void *doc)
{
	xmlFreeDoc(doc);
}

xmlDocPtr
pt_xml_doc(struct pt_req *req)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");

	if (doc != NULL && pt_arena_defer(req->arena, free_doc, doc) != PT_OK) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlNodePtr
pt_node(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text);
}

void
pt_attr(xmlNodePtr node, const char *name, const char *value)
{
	if (node != NULL && value != NULL)
		xmlSetProp(node, BAD_CAST name, BAD_CAST value);
}

void
pt_attr_int(xmlNodePtr node, const char *name, long long value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", value);
	pt_attr(node, name, buf);
}

static void
add_user(const struct pt_req *req, xmlNodePtr session, const struct pt_user *u)
{
	xmlNodePtr n = pt_node(session, "user", NULL);
	size_t i;

	pt_attr_int(n, "id", u->id);
	pt_attr_int(n, "org-id", u->org_id);
	pt_attr(n, "home", u->home);
	pt_attr(n, "time-zone", u->time_zone);
	pt_node(n, "name", u->name);
	pt_node(n, "email", u->email);
	pt_attr(pt_node(n, "org", u->org_name), "kind", u->org_kind);
	for (i = 0; i < u->nroles; i++)
		pt_node(n, "role", u->roles[i]);
	/* The permissions the person holds in effect (pt_can), not every one a role lists. */
	for (i = 0; i < u->nperms; i++)
		if (pt_can(req, u->perms[i]))
			pt_node(n, "permission", u->perms[i]);
}

int
pt_page_init(struct pt_req *req)
{
	const char *const *langs;
	xmlNodePtr n, session;
	size_t i, nlangs;

	if ((req->doc = pt_xml_doc(req)) == NULL)
		return PT_ENOMEM;
	req->page = xmlNewDocNode(req->doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(req->doc, req->page);
	pt_attr(req->page, "worker", req->worker);
	pt_attr(req->page, "lang", req->lang);
	pt_attr(req->page, "path", req->path);
	pt_attr(req->page, "theme", pt_render_theme());
	pt_attr(req->page, "request-id", req->id);
	if (pt_site.development)
		pt_attr(req->page, "dev", "1");

	n = pt_node(req->page, "languages", NULL);
	langs = pt_languages(&nlangs);
	for (i = 0; i < nlangs; i++)
		pt_attr(pt_node(n, "language", NULL), "code", langs[i]);

	session = pt_node(req->page, "session", NULL);
	if (req->session.csrf[0] != '\0')
		pt_attr(session, "csrf", req->session.csrf);
	if (req->session.user != NULL)
		add_user(req, session, req->session.user);
	if (pt_nav_append(req, req->page) != PT_OK)
		return PT_ENOMEM;
	req->messages = pt_node(req->page, "messages", NULL);
	req->limits = pt_node(req->page, "limits", NULL);
	pt_limit(req, "search", PT_SEARCH_MAX_CHARS);
	return req->page != NULL && req->messages != NULL && req->limits != NULL ?
	    PT_OK : PT_ENOMEM;
}

void
pt_page_finish(struct pt_req *req)
{
	pt_attr(req->page, "view", req->view);
	pt_attr_int(req->page, "status", req->status);
	pt_attr(req->page, "lang", req->lang);
}

void
pt_message(struct pt_req *req, const char *kind, const char *key, const char *field)
{
	xmlNodePtr m;

	if (req->messages == NULL)
		return;
	m = pt_node(req->messages, "message", NULL);
	pt_attr(m, "kind", kind);
	pt_attr(m, "key", key);
	pt_attr(m, "field", field);
}

void
pt_message_max(struct pt_req *req, const char *key, const char *field, long max_chars)
{
	pt_message(req, "error", key, field);
	if (req->messages != NULL && req->messages->last != NULL)
		pt_attr_int(req->messages->last, "max", max_chars);
}

void
pt_limit(struct pt_req *req, const char *name, long max_chars)
{
	xmlNodePtr l;

	if (req->limits == NULL)
		return;
	l = pt_node(req->limits, "limit", NULL);
	pt_attr(l, "name", name);
	pt_attr_int(l, "chars", max_chars);
}

xmlNodePtr
pt_form_echo(struct pt_req *req, const char *form, const char *const *fields, size_t n)
{
	xmlNodePtr f = pt_node(req->page, "form", NULL);
	size_t i;

	pt_attr(f, "name", form);
	for (i = 0; i < n; i++) {
		const char *v = pt_form(req, fields[i]);

		if (v == NULL)
			v = pt_query(req, fields[i]);
		pt_attr(pt_node(f, "field", v != NULL ? v : ""), "name", fields[i]);
	}
	return f;
}

xmlNodePtr
pt_form_values(struct pt_req *req, const char *name, const char *const *fields,
    const char *const *values, size_t n)
{
	xmlNodePtr f = pt_node(req->page, "form", NULL);
	size_t i;

	pt_attr(f, "name", name);
	for (i = 0; i < n; i++)
		pt_attr(pt_node(f, "field", values[i] != NULL ? values[i] : ""), "name", fields[i]);
	return f;
}

xmlNodePtr
pt_pager(xmlNodePtr parent, long long page, long long total, long long per_page)
{
	xmlNodePtr p = pt_node(parent, "pager", NULL);

	pt_attr_int(p, "page", page);
	pt_attr_int(p, "pages", pt_pages(total, per_page));
	pt_attr_int(p, "total", total);
	return p;
}
