/*
 * portico-admin process check FILE...: validate BPMN models as deploying
 * them will, without configuration or database, so that a model drawn in
 * a modeller can be tried before it is uploaded.  One line per file:
 *   FILE: ok: order-approval "Order approval above budget", 14 elements
 *   FILE: line 5: boundaryEvent "B" is attached to nothing (no attachedToRef)
 * portico-admin process draw [--lang de] FILE: the model's diagram as SVG
 * on standard output, as the process pages will show it.
 * portico-admin process deploy FILE...: each model as a new version of its
 * process (flowd/deploy.c), one transaction and one line per file:
 *   FILE: order-approval deployed as version 3
 *   FILE: order-approval unchanged (version 2)
 *   FILE: refused: line 5: boundaryEvent "B" is attached to nothing (no attachedToRef)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "admin.h"
#include "deploy.h"
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

/*
 * One file deployed in a transaction of its own, told in one line; PT_OK
 * when deployed or unchanged.
 */
static int
deploy_one(struct pt_req *req, const char *path)
{
	char err[FL_ERROR_BYTES], *xml;
	long long definition_id;
	int rc, version, unchanged;
	struct fl_model *m;
	size_t len = 0;

	if ((rc = read_model(path, &xml, &len, err, sizeof(err))) != PT_OK) {
		printf("%s: refused: %s\n", path, err);
		return rc;
	}
	/* Parsed here too for the key it names; fl_deploy refuses what this refuses. */
	if ((rc = fl_bpmn_parse(req->arena, xml, len, &m, err)) == PT_OK &&
	    (rc = pt_db_begin(req)) == PT_OK) {
		rc = fl_deploy(req, xml, len, path, 0, &definition_id, &version, &unchanged, err);
		if (rc == PT_OK)
			rc = pt_db_commit(req);
		if (rc != PT_OK)
			pt_db_rollback(req);
	}
	free(xml);
	if (rc == PT_OK && unchanged)
		printf("%s: %s unchanged (version %d)\n", path, m->id, version);
	else if (rc == PT_OK)
		printf("%s: %s deployed as version %d\n", path, m->id, version);
	else if (err[0] != '\0')
		printf("%s: refused: %s\n", path, err);
	else
		printf("%s: not deployed: the database failed (see the log)\n", path);
	return rc;
}

int
admin_process_deploy(int argc, char **argv)
{
	struct pt_req *req;
	int i, rc, bad = 0;

	if (argc < 1) {
		fputs("usage: portico-admin process deploy FILE...\n", stderr);
		return PT_EINVAL;
	}
	if ((req = pt_req_new("admin")) == NULL)
		return PT_ENOMEM;
	req->remote_addr = "cli";
	if ((rc = pt_db_init()) != PT_OK ||
	    (rc = pt_db_register(fl_deploy_group.sql, fl_deploy_group.nsql)) != PT_OK) {
		pt_req_free(req);
		return rc;
	}
	for (i = 0; i < argc; i++) {
		if (deploy_one(req, argv[i]) != PT_OK)
			bad = 1;
		pt_req_reset(req);
		req->remote_addr = "cli";
	}
	pt_db_close();
	pt_req_free(req);
	return bad ? PT_EINVAL : PT_OK;
}

int
admin_process(int argc, char **argv)
{
	if (argc >= 1 && strcmp(argv[0], "check") == 0)
		return check(argc - 1, argv + 1);
	if (argc >= 1 && strcmp(argv[0], "draw") == 0)
		return draw(argc - 1, argv + 1);
	fputs("usage: portico-admin process check FILE... | process draw [--lang LANG] FILE"
	    " | process deploy FILE...\n", stderr);
	return PT_EINVAL;
}
