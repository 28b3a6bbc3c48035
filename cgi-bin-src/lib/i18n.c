/*
 * Message catalogues (xslt/i18n/<lang>.xml), loaded once per process into
 * hash tables and offered to stylesheets as pt:t('key').  document() would
 * re-parse the catalogue on every transform (DESIGN.md §2); this does not.
 * In development a changed catalogue is re-read on the next render.
 */
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "extern.h"

#define MAX_LANGS 8
#define PT_NS "urn:portico"

struct catalog {
	char		 code[8];
	char		 path[1024];
	time_t		 mtime;
	xmlHashTablePtr	 msgs;
};

static struct catalog catalogs[MAX_LANGS];
static const char *codes[MAX_LANGS];
static size_t ncatalogs;

static void
free_value(void *payload, const xmlChar *name)
{
	(void)name;
	xmlFree(payload);
}

static int
catalog_read(struct catalog *c)
{
	xmlHashTablePtr h;
	xmlDocPtr doc;
	xmlNodePtr n;
	struct stat st;

	if (stat(c->path, &st) != 0 ||
	    (doc = xmlReadFile(c->path, "UTF-8", XML_PARSE_NONET)) == NULL) {
		pt_log(NULL, PT_LOG_ERROR, "cannot read catalogue %s", c->path);
		return PT_ESYS;
	}
	if ((h = xmlHashCreate(256)) == NULL) {
		xmlFreeDoc(doc);
		return PT_ENOMEM;
	}
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		xmlChar *key, *text;

		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "msg"))
			continue;
		if ((key = xmlGetProp(n, BAD_CAST "key")) == NULL)
			continue;
		text = xmlNodeGetContent(n);
		if (text == NULL || xmlHashUpdateEntry(h, key, text, free_value) != 0)
			xmlFree(text);
		xmlFree(key);
	}
	xmlFreeDoc(doc);
	xmlHashFree(c->msgs, free_value);
	c->msgs = h;
	c->mtime = st.st_mtime;
	return PT_OK;
}

static struct catalog *
catalog_of(const char *lang)
{
	size_t i;

	for (i = 0; i < ncatalogs; i++)
		if (lang != NULL && strcmp(catalogs[i].code, lang) == 0)
			return &catalogs[i];
	return ncatalogs > 0 ? &catalogs[0] : NULL;
}

const char *
pt_i18n_get(const char *lang, const char *key)
{
	struct catalog *c = catalog_of(lang);

	if (c == NULL || key == NULL)
		return NULL;
	return xmlHashLookup(c->msgs, BAD_CAST key);
}

void
pt_i18n_refresh(void)
{
	struct stat st;
	size_t i;

	for (i = 0; i < ncatalogs; i++)
		if (stat(catalogs[i].path, &st) == 0 && st.st_mtime != catalogs[i].mtime)
			(void)catalog_read(&catalogs[i]);
}

/* pt:t('key'): the text for key in the language of the page being rendered. */
static void
xpath_t(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr tctxt;
	const char *text;
	xmlChar *key;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((key = xmlXPathPopString(ctxt)) == NULL)
		return;
	tctxt = xsltXPathGetTransformContext(ctxt);
	text = pt_i18n_get(tctxt != NULL ? tctxt->_private : NULL, (const char *)key);
	if (text == NULL) {
		pt_log(NULL, PT_LOG_WARN, "no message for key '%s'", (const char *)key);
		text = (const char *)key;
	}
	valuePush(ctxt, xmlXPathNewString(BAD_CAST text));
	xmlFree(key);
}

int
pt_i18n_load(const char *xslt_dir, const char *const *langs, size_t nlangs)
{
	size_t i;
	int rc;

	pt_i18n_free();
	for (i = 0; i < nlangs && i < MAX_LANGS; i++) {
		struct catalog *c = &catalogs[ncatalogs];

		snprintf(c->code, sizeof(c->code), "%s", langs[i]);
		if ((size_t)snprintf(c->path, sizeof(c->path), "%s/i18n/%s.xml", xslt_dir,
		    langs[i]) >= sizeof(c->path))
			return PT_ELIMIT;
		if ((rc = catalog_read(c)) != PT_OK)
			return rc;
		codes[ncatalogs] = c->code;
		ncatalogs++;
	}
	xsltRegisterExtModuleFunction(BAD_CAST "t", BAD_CAST PT_NS, xpath_t);
	return ncatalogs > 0 ? PT_OK : PT_EINVAL;
}

void
pt_i18n_free(void)
{
	size_t i;

	for (i = 0; i < ncatalogs; i++) {
		xmlHashFree(catalogs[i].msgs, free_value);
		catalogs[i].msgs = NULL;
	}
	ncatalogs = 0;
}

const char *const *
pt_languages(size_t *n)
{
	*n = ncatalogs;
	return codes;
}
