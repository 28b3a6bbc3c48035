/*
 * The process administration (permission admin.processes, the provider's
 * staff only, under /admin/processes/): the deployed processes and their
 * versions, uploading a model, the instances with filters, and an
 * instance's page with its drawing, variables, history, tasks and
 * incidents, where an admin suspends, resumes, cancels or retries.  Each
 * admin-*.c is one page group; admin-common.c holds what they share.
 *
 * The pages read the engine's tables (sql/migrations/0050-flow.sql) and
 * ask portico-flowd through lib/flow.c (a flow_commands row in the
 * transaction of the audit row); they link libflowd.a to deploy
 * (deploy.c) and to draw a model from its BPMN DI (svg.c).
 */
#ifndef TASKS_ADMIN_H
#define TASKS_ADMIN_H

#include "tasks.h"
#include "model.h"
#include "svg.h"

#define PA_PERM		"admin.processes"
#define PA_ROOT		"/admin/processes/"
/* A process key in an address (fl_key_ok's shape). */
#define PA_KEY_RE	"([A-Za-z_][A-Za-z0-9_.-]{0,99})"

/* A DATETIME column as ISO 8601 UTC, for the pages' dates. */
#define PA_ISO(col)	"DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/* The route's capture i as an id: PT_OK, or PT_ENOTFOUND (answer 404). */
int	 pa_cap_id(const struct pt_req *, size_t i, long long *id);
/* The German text when the reader reads German and there is one, else the English. */
const char *pa_in_lang(const struct pt_req *, const char *en, const char *de);

/*
 * The model of flow_definitions row id, parsed into the request's arena.
 * PT_OK with *m; PT_EINVAL (logged) with *m NULL for a row that does not
 * parse (one written by hand, or a parser that grew stricter): the pages
 * show it without its drawing; PT_ENOTFOUND, or an error.
 */
int	 pa_model(struct pt_req *, long long definition_id, struct fl_model **m);
/*
 * <drawing> under parent: the model's diagram as inline SVG, with marks
 * (lang and the id prefix filled in here) and a text description of them
 * (<desc>, for screen readers); <drawing missing="1"/> when the model has
 * no diagram, with broken="1" when m is NULL.  PT_OK or PT_ENOMEM.
 */
int	 pa_drawing(struct pt_req *, xmlNodePtr parent, const struct fl_model *,
	    struct fl_svg_marks *marks, const char *desc);
/*
 * <element id kind> (the name as text) under parent for each flow node of
 * m, in document order (none when m is NULL).  PT_OK or PT_ENOMEM.
 */
int	 pa_elements(struct pt_req *, xmlNodePtr parent, const struct fl_model *m);
/* The name of element id in the reader's language, else its id. */
const char *pa_element_name(const struct pt_req *, const struct fl_model *m, const char *id);

/*
 * The end of a write: the audit row (action on object type and id, JSON
 * after), the commit and 303 to location, when rc is PT_OK; otherwise the
 * rollback and rc.
 */
int	 pa_done(struct pt_req *, int rc, const char *action, const char *type, long long id,
	    const char *after, const char *location);

#endif
