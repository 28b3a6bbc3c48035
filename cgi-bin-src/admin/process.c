/*
 * portico-admin process check FILE...: validate BPMN models as deploying
 * them will, without configuration or database, so that a model drawn in
 * a modeller can be tried before it is uploaded.  One line per file:
 *   FILE: ok: order-approval "Order approval above budget", 14 elements
 *   FILE: line 5: boundaryEvent "B" is attached to nothing (no attachedToRef)
 * portico-admin process draw [--lang de] FILE: the model's diagram as SVG
 * on standard output, as the process pages will show it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "admin.h"
#include "model.h"
#include "svg.h"

/*
 * The file at path, up to one byte more than a model may have (so that
 * the parser refuses it for its size), into *buf for free().  PT_OK or
 * PT_ESYS with a message in err.
 */
static int
read_model(const char *path, char **buf, size_t *len, char *err, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t cap = FL_BPMN_MAX_BYTES + 1;

	*buf = NULL;
	if (f == NULL) {
		snprintf(err, size, "cannot be read: %s", strerror(errno));
		return PT_ESYS;
	}
	if ((*buf = malloc(cap)) == NULL) {
		fclose(f);
		snprintf(err, size, "out of memory");
		return PT_ENOMEM;
	}
	*len = fread(*buf, 1, cap, f);
	if (ferror(f)) {
		snprintf(err, size, "cannot be read: %s", strerror(errno));
		fclose(f);
		free(*buf);
		*buf = NULL;
		return PT_ESYS;
	}
	fclose(f);
	return PT_OK;
}

/* Parse path into a model in a; prints the refusal and returns non-PT_OK when there is one. */
static int
load(struct pt_arena *a, const char *path, struct fl_model **m)
{
	char err[FL_ERROR_BYTES], *xml;
	size_t len = 0;
	int rc;

	if ((rc = read_model(path, &xml, &len, err, sizeof(err))) == PT_OK) {
		rc = fl_bpmn_parse(a, xml, len, m, err);
		free(xml);
	}
	if (rc != PT_OK)
		printf("%s: %s\n", path, err);
	return rc;
}

static int
check(int argc, char **argv)
{
	int i, bad = 0;

	if (argc < 1) {
		fputs("usage: portico-admin process check FILE...\n", stderr);
		return PT_EINVAL;
	}
	for (i = 0; i < argc; i++) {
		struct pt_arena *a = pt_arena_new();
		struct fl_model *m;

		if (a == NULL)
			return PT_ENOMEM;
		if (load(a, argv[i], &m) == PT_OK)
			printf("%s: ok: %s \"%s\", %zu elements\n", argv[i], m->id,
			    m->name != NULL ? m->name : "", m->nelements);
		else
			bad = 1;
		pt_arena_free(a);
	}
	return bad ? PT_EINVAL : PT_OK;
}

static int
draw(int argc, char **argv)
{
	struct fl_svg_marks marks;
	struct pt_arena *a;
	struct fl_model *m;
	xmlDocPtr doc;
	int rc;

	memset(&marks, 0, sizeof(marks));
	if (argc == 3 && strcmp(argv[0], "--lang") == 0) {
		marks.lang = argv[1];
		argc -= 2;
		argv += 2;
	}
	if (argc != 1) {
		fputs("usage: portico-admin process draw [--lang LANG] FILE\n", stderr);
		return PT_EINVAL;
	}
	if ((a = pt_arena_new()) == NULL)
		return PT_ENOMEM;
	if ((rc = load(a, argv[0], &m)) == PT_OK) {
		if ((doc = xmlNewDoc((const xmlChar *)"1.0")) == NULL) {
			rc = PT_ENOMEM;
		} else {
			rc = fl_svg_draw(m, &marks, doc, NULL, NULL);
			if (rc == PT_ENOTFOUND)
				fprintf(stderr, "%s: the model has no diagram\n", argv[0]);
			else if (rc == PT_OK && xmlDocFormatDump(stdout, doc, 1) < 0)
				rc = PT_ESYS;
			xmlFreeDoc(doc);
		}
	}
	pt_arena_free(a);
	return rc;
}

int
admin_process(int argc, char **argv)
{
	if (argc >= 1 && strcmp(argv[0], "check") == 0)
		return check(argc - 1, argv + 1);
	if (argc >= 1 && strcmp(argv[0], "draw") == 0)
		return draw(argc - 1, argv + 1);
	fputs("usage: portico-admin process check FILE... | process draw [--lang LANG] FILE\n", stderr);
	return PT_EINVAL;
}
