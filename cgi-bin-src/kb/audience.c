/*
 * Who may read what: an article's audience against the reader's
 * permissions.  public: everyone, also anonymous; customer:
 * kb.read.customer; partner: kb.read.partner; internal: kb.read.internal.
 * Statements test it with three bound flags, in this order:
 *   (a.audience = 'public' OR (a.audience = 'customer' AND ?)
 *    OR (a.audience = 'partner' AND ?) OR (a.audience = 'internal' AND ?))
 * (KB_AUDIENCE_SQL below), bound with KB_AUDIENCE_BINDS(&aud).
 *
 * The same rule decides which links in an article body or an FAQ answer
 * the reader can follow.  A link to an article the reader may not open
 * would answer 404 (and its words may still be worth reading), so the
 * page shows its text as a plain <span> instead.  The page's handler
 * collects the links once the text is in the tree (kb_links_collect), asks
 * the database about all of them in one statement (KB_LINKS_FROM, bound
 * with kb_links_json), marks each article it got back (kb_links_allow) and
 * then turns the rest into text (kb_links_settle).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kb.h"

#define ARTICLE_PATH	"/kb/articles/"

void
kb_audience_of(const struct pt_req *req, struct kb_audience *a)
{
	a->customer = pt_can(req, "kb.read.customer");
	a->partner = pt_can(req, "kb.read.partner");
	a->internal = pt_can(req, "kb.read.internal");
}

int
kb_audience_allows(const struct kb_audience *a, const char *audience)
{
	if (audience == NULL)
		return 0;
	if (strcmp(audience, "public") == 0)
		return 1;
	if (strcmp(audience, "customer") == 0)
		return a->customer;
	if (strcmp(audience, "partner") == 0)
		return a->partner;
	if (strcmp(audience, "internal") == 0)
		return a->internal;
	return 0;
}

/* ---- links to articles -------------------------------------------------------- */

/*
 * The path of href when it is on this site: href itself when it is local,
 * the rest after [site] base_url when it starts with it (scheme and host
 * compared without case), else NULL.
 */
static const char *
site_path(const char *href)
{
	const char *base = pt_conf_str("site", "base_url", NULL);
	size_t n;

	if (href[0] == '/')
		return href[1] != '/' && href[1] != '\\' ? href : NULL;
	if (base == NULL || (n = strlen(base)) == 0)
		return NULL;
	while (n > 0 && base[n - 1] == '/')
		n--;
	if (strncasecmp(href, base, n) != 0 || href[n] != '/')
		return NULL;
	return href + n;
}

/*
 * 1 if href points to an article page of this site, with *id its article
 * (0 when the address names none, such as "/kb/articles/x": a 404 for
 * every reader).  The address is /kb/articles/<id>, perhaps followed by a
 * query or a fragment.
 */
static int
article_link(const char *href, long long *id)
{
	const char *p = site_path(href), *s;
	size_t n;

	*id = 0;
	if (p == NULL || strncmp(p, ARTICLE_PATH, strlen(ARTICLE_PATH)) != 0)
		return 0;
	s = p + strlen(ARTICLE_PATH);
	n = strcspn(s, "?#");
	if (pt_valid(PT_V_ID, s, n))
		*id = strtoll(s, NULL, 10);
	return 1;
}

static int
links_add(struct pt_req *req, struct kb_links *l, xmlNodePtr a, long long id)
{
	if (l->n == l->cap) {
		size_t cap = l->cap != 0 ? 2 * l->cap : 16;
		xmlNodePtr *na = pt_alloc(req, cap * sizeof(*na));
		long long *nid = pt_alloc(req, cap * sizeof(*nid));
		unsigned char *nok = pt_alloc(req, cap);

		if (na == NULL || nid == NULL || nok == NULL)
			return PT_ENOMEM;
		if (l->n > 0) {
			memcpy(na, l->a, l->n * sizeof(*na));
			memcpy(nid, l->id, l->n * sizeof(*nid));
			memcpy(nok, l->ok, l->n);
		}
		l->a = na;
		l->id = nid;
		l->ok = nok;
		l->cap = cap;
	}
	l->a[l->n] = a;
	l->id[l->n] = id;
	l->ok[l->n] = 0;
	l->n++;
	return PT_OK;
}

int
kb_links_collect(struct pt_req *req, xmlNodePtr under, struct kb_links *l)
{
	xmlNodePtr c;
	int rc;

	for (c = under != NULL ? under->children : NULL; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(c->name, BAD_CAST "a") == 0) {
			xmlChar *href = xmlGetProp(c, BAD_CAST "href");
			long long id;
			int found = href != NULL && article_link((const char *)href, &id);

			xmlFree(href);
			if (found && (rc = links_add(req, l, c, id)) != PT_OK)
				return rc;
		}
		/* Bodies nest 64 elements at most (pt_sanitize), so this recursion ends soon. */
		if ((rc = kb_links_collect(req, c, l)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

const char *
kb_links_json(struct pt_req *req, const struct kb_links *l)
{
	/* "[" + up to 19 digits and a comma an id + "]" */
	char *json = pt_alloc(req, 2 + 20 * l->n + 1), *at;
	size_t i, j;

	if (json == NULL)
		return NULL;
	at = json;
	*at++ = '[';
	for (i = 0; i < l->n; i++) {
		if (l->id[i] == 0)
			continue;
		for (j = 0; j < i && l->id[j] != l->id[i]; j++)
			;
		if (j < i)
			continue;	/* said already */
		at += sprintf(at, "%s%lld", at[-1] == '[' ? "" : ",", l->id[i]);
	}
	*at++ = ']';
	*at = '\0';
	return json;
}

void
kb_links_allow(struct kb_links *l, long long id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->id[i] == id)
			l->ok[i] = 1;
}

void
kb_links_settle(struct kb_links *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		xmlAttrPtr at, next;

		if (l->ok[i])
			continue;
		/* <a href rel title>text</a> becomes <span title>text</span>. */
		xmlNodeSetName(l->a[i], BAD_CAST "span");
		for (at = l->a[i]->properties; at != NULL; at = next) {
			next = at->next;
			if (xmlStrcmp(at->name, BAD_CAST "title") != 0)
				xmlRemoveProp(at);
		}
	}
}
