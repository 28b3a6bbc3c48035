/*
 * Message catalogues (xslt/i18n/<lang>.xml, plus every .xml file in xslt/i18n/<lang>/
 * so each page group keeps its strings in a file of its own), loaded once per process into
 * hash tables and offered to stylesheets as pt:t('key').  document() would
 * re-parse the catalogue on every transform (DESIGN.md §2); this does not.
 * In development a changed catalogue is re-read on the next render.
 */
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extern.h"

#define MAX_LANGS 8
#define PT_NS "urn:portico"

struct catalog {
	char		 code[8];
	char		 path[1024];		/* <dir>/i18n/<lang>.xml */
	char		 dir[1024];		/* <dir>/i18n/<lang>/ with more files */
	time_t		 mtime;			/* newest of all its files */
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

/* Add the <msg key> entries of one file to h; later files win on duplicate keys. */
static int
read_file(const char *path, xmlHashTablePtr h)
{
	xmlDocPtr doc;
	xmlNodePtr n;

	if ((doc = xmlReadFile(path, "UTF-8", XML_PARSE_NONET)) == NULL ||
	    xmlDocGetRootElement(doc) == NULL) {
		pt_log(NULL, PT_LOG_ERROR, "cannot read catalogue %s", path);
		xmlFreeDoc(doc);
		return PT_ESYS;
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
	return PT_OK;
}

static int
is_xml(const struct dirent *d)
{
	size_t len = strlen(d->d_name);

	return d->d_name[0] != '.' && len > 4 && strcmp(d->d_name + len - 4, ".xml") == 0;
}

/*
 * Visit the catalogue's files in a stable order (main file, then the
 * directory by name); with h, read them into it.  Returns the newest mtime,
 * or -1 if a file could not be read.
 */
static time_t
catalog_files(const struct catalog *c, xmlHashTablePtr h)
{
	struct dirent **names = NULL;
	char path[2048];
	struct stat st;
	time_t newest;
	int n, i, bad = 0;

	if (stat(c->path, &st) != 0 || (h != NULL && read_file(c->path, h) != PT_OK))
		return -1;
	newest = st.st_mtime;
	if ((n = scandir(c->dir, &names, is_xml, alphasort)) < 0)
		return newest;	/* no directory: only the main file */
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", c->dir, names[i]->d_name);
		if (stat(path, &st) != 0 || (h != NULL && read_file(path, h) != PT_OK))
			bad = 1;
		else if (st.st_mtime > newest)
			newest = st.st_mtime;
		free(names[i]);
	}
	free(names);
	return bad ? -1 : newest;
}

static int
catalog_read(struct catalog *c)
{
	xmlHashTablePtr h;
	time_t mtime;

	if ((h = xmlHashCreate(512)) == NULL)
		return PT_ENOMEM;
	if ((mtime = catalog_files(c, h)) < 0) {
		xmlHashFree(h, free_value);
		return PT_ESYS;
	}
	xmlHashFree(c->msgs, free_value);
	c->msgs = h;
	c->mtime = mtime;
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
	size_t i;

	for (i = 0; i < ncatalogs; i++)
		if (catalog_files(&catalogs[i], NULL) != catalogs[i].mtime) {
			(void)catalog_read(&catalogs[i]);
			/* Kept pages were made with the old texts. */
			pt_pagecache_invalidate();
		}
}

/* pt:t('key'): the text for key in the language of the page being rendered. */
static void
xpath_t(xmlXPathParserContextPtr ctxt, int nargs)
{
	const struct pt_reader *reader;
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
	reader = tctxt != NULL ? tctxt->_private : NULL;
	text = pt_i18n_get(reader != NULL ? reader->lang : NULL, (const char *)key);
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
		    langs[i]) >= sizeof(c->path) ||
		    (size_t)snprintf(c->dir, sizeof(c->dir), "%s/i18n/%s", xslt_dir,
		    langs[i]) >= sizeof(c->dir))
			return PT_ELIMIT;
		if ((rc = catalog_read(c)) != PT_OK)
			return rc;
		codes[ncatalogs] = c->code;
		ncatalogs++;
	}
	xsltRegisterExtModuleFunction(BAD_CAST "t", BAD_CAST PT_NS, xpath_t);
	return ncatalogs > 0 ? PT_OK : PT_EINVAL;
}

int
pt_i18n_load_site(const char *xslt_dir)
{
	char buf[128], *p, *save = NULL;
	const char *langs[MAX_LANGS];
	size_t n = 0;

	snprintf(buf, sizeof(buf), "%s", pt_conf_str("site", "languages", "en de"));
	for (p = strtok_r(buf, " ,", &save); p != NULL && n < MAX_LANGS;
	    p = strtok_r(NULL, " ,", &save))
		if (pt_valid(PT_V_LANG, p, strlen(p)))
			langs[n++] = p;
	return pt_i18n_load(xslt_dir, langs, n);
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
