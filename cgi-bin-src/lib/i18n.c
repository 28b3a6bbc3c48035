/*
 * Message catalogues (xslt/i18n/<lang>.xml, plus every .xml file in xslt/i18n/<lang>/
 * so each page group keeps its strings in a file of its own), and last the
 * configured theme's xslt/themes/<theme>/i18n/<lang>.xml (its keys add to
 * and override the others: the site name, its own texts), loaded once per process into
 * hash tables and offered to stylesheets as pt:t('key').  "{site}" in any
 * text is the site name (the key site.name, which a theme may set), put in
 * once when the catalogue is read.  document() would
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
	char		 theme[1024];		/* <dir>/themes/<theme>/i18n/<lang>.xml, optional */
	time_t		 mtime;			/* newest of all its files */
	xmlHashTablePtr	 msgs;
};

static struct catalog catalogs[MAX_LANGS];
static const char *codes[MAX_LANGS];
static size_t ncatalogs;
static char theme_name[64] = "default";

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
		n = 0;	/* no directory: only the main file */
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", c->dir, names[i]->d_name);
		if (stat(path, &st) != 0 || (h != NULL && read_file(path, h) != PT_OK))
			bad = 1;
		else if (st.st_mtime > newest)
			newest = st.st_mtime;
		free(names[i]);
	}
	free(names);
	/* The theme's own file, last so that its keys win; it need not exist. */
	if (stat(c->theme, &st) == 0) {
		if (h != NULL && read_file(c->theme, h) != PT_OK)
			bad = 1;
		else if (st.st_mtime > newest)
			newest = st.st_mtime;
	}
	return bad ? -1 : newest;
}

struct site_subst {
	const char	*name;		/* site.name */
	xmlChar		**keys;		/* keys whose text has "{site}" */
	size_t		 n, cap;
};

static void
find_site(void *payload, void *data, const xmlChar *key)
{
	struct site_subst *ss = data;
	xmlChar **k;

	if (strstr(payload, "{site}") == NULL)
		return;
	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? 2 * ss->cap : 16;
		if ((k = realloc(ss->keys, ss->cap * sizeof(*k))) == NULL) {
			ss->cap = ss->n;
			return;
		}
		ss->keys = k;
	}
	if ((ss->keys[ss->n] = xmlStrdup(key)) != NULL)
		ss->n++;
}

/* Every "{site}" of text replaced with name, in new memory (xmlFree), or NULL. */
static xmlChar *
with_site(const char *text, const char *name)
{
	xmlChar *out = NULL;
	const char *p;

	while ((p = strstr(text, "{site}")) != NULL) {
		out = xmlStrncat(out, BAD_CAST text, (int)(p - text));
		out = xmlStrcat(out, BAD_CAST name);
		if (out == NULL)
			return NULL;
		text = p + 6;
	}
	return xmlStrcat(out, BAD_CAST text);
}

/* Put the site name into every text that asks for it with "{site}". */
static void
fill_site(xmlHashTablePtr h)
{
	struct site_subst ss = { NULL, NULL, 0, 0 };
	size_t i;

	ss.name = xmlHashLookup(h, BAD_CAST "site.name");
	if (ss.name == NULL || strstr(ss.name, "{site}") != NULL)
		ss.name = "Portico";
	xmlHashScan(h, find_site, &ss);
	for (i = 0; i < ss.n; i++) {
		xmlChar *text = with_site(xmlHashLookup(h, ss.keys[i]), ss.name);

		if (text != NULL && xmlHashUpdateEntry(h, ss.keys[i], text, free_value) != 0)
			xmlFree(text);
		xmlFree(ss.keys[i]);
	}
	free(ss.keys);
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
	fill_site(h);
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
		    langs[i]) >= sizeof(c->dir) ||
		    (size_t)snprintf(c->theme, sizeof(c->theme), "%s/themes/%s/i18n/%s.xml",
		    xslt_dir, theme_name, langs[i]) >= sizeof(c->theme))
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
pt_i18n_theme(const char *xslt_dir, const char *theme)
{
	size_t i;
	int rc = PT_OK;

	if ((size_t)snprintf(theme_name, sizeof(theme_name), "%s", theme) >= sizeof(theme_name))
		return PT_ELIMIT;
	for (i = 0; i < ncatalogs; i++) {
		struct catalog *c = &catalogs[i];

		if ((size_t)snprintf(c->theme, sizeof(c->theme), "%s/themes/%s/i18n/%s.xml",
		    xslt_dir, theme_name, c->code) >= sizeof(c->theme))
			return PT_ELIMIT;
		if (catalog_read(c) != PT_OK)
			rc = PT_ESYS;
	}
	return rc;
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

const char *
pt_language(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < ncatalogs; i++)
		if (strcmp(code, codes[i]) == 0)
			return codes[i];
	return NULL;
}
