/*
 * What the process administration's pages share (admin.h): ids from the
 * route, a definition's model, its drawing, and the end of a write.
 */
#include <stdlib.h>
#include <string.h>

#include "admin.h"

enum common_sql { SQL_XML, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_XML] = { "pa_definition_xml",
	    "SELECT xml FROM flow_definitions WHERE id = ?" },
};

const struct pt_group pa_common_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

int
pa_cap_id(const struct pt_req *req, size_t i, long long *id)
{
	const char *s = i < req->ncaps ? req->caps[i] : NULL;

	if (s == NULL || !pt_valid(PT_V_ID, s, strlen(s)))
		return PT_ENOTFOUND;
	*id = strtoll(s, NULL, 10);
	return PT_OK;
}

const char *
pa_in_lang(const struct pt_req *req, const char *en, const char *de)
{
	if (req->lang != NULL && strcmp(req->lang, "de") == 0 && de != NULL && *de != '\0')
		return de;
	return en;
}

int
pa_model(struct pt_req *req, long long definition_id, struct fl_model **m)
{
	char err[FL_ERROR_BYTES];
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_XML], &rows, PT_BINDS(pt_int(definition_id)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return PT_ENOTFOUND;
	if ((rc = fl_bpmn_parse(req->arena, pt_cell(&rows, 0, 0), rows.len[0], m, err)) != PT_OK) {
		/* It parsed when it was deployed: a newer parser that refuses it is told. */
		pt_log(req, PT_LOG_ERROR, "flow definition %lld does not parse: %s", definition_id, err);
		*m = NULL;
		return rc == PT_ENOMEM ? rc : PT_EINVAL;
	}
	return PT_OK;
}

/* The first child element of n called name, or NULL. */
static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0)
			return n;
	return NULL;
}

int
pa_drawing(struct pt_req *req, xmlNodePtr parent, const struct fl_model *m,
    struct fl_svg_marks *marks, const char *desc)
{
	xmlNodePtr d = pt_node(parent, "drawing", NULL), svg = NULL, title, dn;
	const char *prefix;
	int rc;

	if (d == NULL)
		return PT_ENOMEM;
	if (m == NULL) {
		pt_attr(d, "missing", "1");
		pt_attr(d, "broken", "1");
		return PT_OK;
	}
	marks->lang = req->lang;
	if (marks->id_prefix == NULL)
		marks->id_prefix = "pa";
	prefix = marks->id_prefix;
	if ((rc = fl_svg_draw(m, marks, req->doc, d, &svg)) == PT_ENOTFOUND) {
		pt_attr(d, "missing", "1");
		return PT_OK;
	}
	if (rc != PT_OK)
		return rc;
	/* Named by its title, described by the text of what is marked. */
	if ((title = child(svg, "title")) != NULL) {
		xmlSetProp(title, BAD_CAST "id", BAD_CAST pt_printf(req, "%s-title", prefix));
		xmlSetProp(svg, BAD_CAST "aria-labelledby", BAD_CAST pt_printf(req, "%s-title", prefix));
	}
	if (desc != NULL && *desc != '\0') {
		if ((dn = xmlNewDocNode(req->doc, svg->ns, BAD_CAST "desc", NULL)) == NULL)
			return PT_ENOMEM;
		xmlNodeAddContent(dn, BAD_CAST desc);
		if (title != NULL)
			xmlAddNextSibling(title, dn);
		else
			xmlAddChild(svg, dn);
		xmlSetProp(dn, BAD_CAST "id", BAD_CAST pt_printf(req, "%s-desc", prefix));
		xmlSetProp(svg, BAD_CAST "aria-describedby", BAD_CAST pt_printf(req, "%s-desc", prefix));
	}
	return PT_OK;
}

const char *
pa_element_name(const struct pt_req *req, const struct fl_model *m, const char *id)
{
	const struct fl_element *e = m != NULL && id != NULL ? fl_model_find(m, id) : NULL;
	const char *name;

	if (e == NULL)
		return id;
	name = pa_in_lang(req, e->name, e->name_de);
	return name != NULL && *name != '\0' ? name : e->id;
}

/* Elements by their line in the document: the order a modeller wrote them in. */
static int
by_line(const void *a, const void *b)
{
	const struct fl_element *x = *(const struct fl_element *const *)a;
	const struct fl_element *y = *(const struct fl_element *const *)b;

	return (x->line > y->line) - (x->line < y->line);
}

int
pa_elements(struct pt_req *req, xmlNodePtr parent, const struct fl_model *m)
{
	const struct fl_element **nodes;
	size_t i, n = 0;

	if (m == NULL)
		return PT_OK;
	if ((nodes = pt_alloc(req, (m->nelements + 1) * sizeof(*nodes))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < m->nelements; i++)
		if (fl_kind_is_node(m->elements[i]->kind))
			nodes[n++] = m->elements[i];
	qsort(nodes, n, sizeof(*nodes), by_line);
	for (i = 0; i < n; i++) {
		xmlNodePtr e = pt_node(parent, "element", pa_element_name(req, m, nodes[i]->id));

		pt_attr(e, "id", nodes[i]->id);
		pt_attr(e, "kind", fl_kind_names[nodes[i]->kind]);
	}
	return PT_OK;
}

int
pa_done(struct pt_req *req, int rc, const char *action, const char *type, long long id,
    const char *after, const char *location)
{
	if (rc == PT_OK)
		rc = pt_audit(req, action, type, pt_printf(req, "%lld", id), NULL, after);
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return pt_redirect(req, location);
}
