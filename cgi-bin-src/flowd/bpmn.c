/*
 * The BPMN 2.0 parser and validator: XML in (libxml2), a model out, or a
 * refusal that names the element, its id and its line.
 *
 * Elements are matched by namespace URI (FL_NS_*), never by prefix:
 * modellers write bpmn:, bpmn2:, semantic: or none.  Elements of other
 * namespaces (a modeller's extensions: camunda:, signavio:, ...) are
 * skipped wherever they are; Portico's own are read from the namespace
 * FL_NS_PORTICO, https://portico.example/bpmn.
 *
 * The supported subset (anything else in the BPMN namespace is refused):
 *   - one process per model; a collaboration is accepted when it holds
 *     exactly one pool (participant) whose processRef is that process,
 *     and no message flows: the pool and its lanes (laneSet, lane,
 *     childLaneSet, flowNodeRef) are drawn, never executed.  Two pools
 *     are refused: Portico runs one process per model.
 *   - startEvent: none, timer, message (in a subProcess: one, none);
 *   - endEvent: none, terminate (terminateEventDefinition), error;
 *   - task (untyped: passes its token on at once), userTask, serviceTask,
 *     sendTask, receiveTask (messageRef), embedded subProcess (not an
 *     event subprocess), callActivity (calledElement: another model's
 *     process id);
 *   - exclusiveGateway (with default), parallelGateway, eventBasedGateway
 *     (its flows lead to intermediate catch events or receive tasks);
 *   - intermediateCatchEvent: timer, message;
 *   - boundaryEvent on an activity (attachedToRef): timer (interrupting
 *     or not: cancelActivity), message (either), error (interrupting);
 *   - sequenceFlow with conditionExpression (only out of an exclusive
 *     gateway) and a gateway's default;
 *   - timers: timeDate (ISO 8601 instant), timeDuration (P1D, PT2H),
 *     timeCycle (R3/PT1H, R/P1D, R2/2027-01-01T08:00Z/P1W);
 *   - messages (<message name="...">: the name is what workers correlate
 *     on; without a name, the id) and errors (<error errorCode="...">;
 *     without a code, its name or id) at the top level; an error end
 *     event without errorRef throws an error no boundary names, which
 *     only a boundary event without errorRef catches;
 *     documentation, extensionElements, itemDefinition anywhere allowed;
 *   - textAnnotation, association and group (named by the value of its
 *     categoryValueRef, a <category><categoryValue value="..."/>): drawn
 *     only.
 *   - the diagram (BPMN DI): BPMNShape with dc:Bounds and an optional
 *     BPMNLabel per element, BPMNEdge with two or more di:waypoint per
 *     flow; one shape per element at most.
 *
 * Portico's extensions (xmlns:portico="https://portico.example/bpmn"):
 *   portico:name-de="..."          on any element: its German name (name is English)
 *   on a userTask:
 *     portico:candidateRoles="customer_admin manager"  roles that may take it (space or comma separated)
 *     portico:orgScope="instance|provider"  whose people: the instance's org (default) or the provider's staff
 *     portico:assignee="expr"        an expression giving the user id it is assigned to
 *     portico:due="P1D"              due that long after it was created
 *     portico:dueBusinessTime="true" count that in business time of the org's calendar (a
 *                                    business day is the calendar's working day)
 *     portico:notify="false"         no mails to its people when it is made and before it is
 *                                    due (default true): for a process that tells them itself
 *     <extensionElements><portico:form>
 *        <portico:field name="approved" type="string|text|number|boolean|date"
 *                       label="..." label-de="..." required="true"/>
 *     </portico:form></extensionElements>
 *   on a serviceTask or sendTask:
 *     portico:action="mail.send"     an action of fl_actions (model.c); its parameters:
 *     <extensionElements><portico:param name="template" value="literal"/>
 *                        <portico:param name="to" expr="requester_id"/></extensionElements>
 *   on a timerEventDefinition:
 *     portico:businessTime="true"    the duration counts business hours of the org's calendar
 *   on any flow node:
 *     <extensionElements><portico:set name="var" expr="expression"/></extensionElements>
 *        assignments run when the node completes
 *   A user task must name candidate roles or an assignee; a service or
 *   send task must name a known action with its required parameters.
 *
 * Hostile input: at most FL_BPMN_MAX_BYTES, FL_BPMN_MAX_ELEMENTS
 * elements, no DTD (so no entities), no network; libxml2's own depth
 * limit holds.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "model.h"
#include "expr.h"

#define MAX_WAYPOINTS	1000
#define MAX_COORD	1000000.0

/* One element as parsed, before its references are resolved. */
struct item {
	struct fl_element *e;
	xmlNodePtr	 node;
};

struct named {
	const char	*id, *value;
	xmlNodePtr	 node;
};

struct parse {
	struct pt_arena	*a;
	struct fl_model	*m;
	char		*err;
	struct item	*items;
	size_t		 nitems, capitems;
	struct named	*messages, *errors, *categories;
	size_t		 nmessages, nerrors, ncategories;
	size_t		 ndi;		/* DI nodes seen, bounded like elements */
	const char	*collaboration;	/* its id, when there is one */
	/*
	 * The first thing outside the supported subset, reported only once
	 * the ids, references and the diagram proved sound: a broken model is
	 * told as broken before it is told as unsupported.
	 */
	char		 deferred[FL_ERROR_BYTES];
	/* The subProcess whose own diagram plane is being read; NULL: the main plane. */
	struct fl_element *plane;
	xmlNodePtr	 participant;	/* the first pool */
	xmlNodePtr	 process;	/* the model's process */
};

static int
is(xmlNodePtr n, const char *ns, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, ns) == 0 &&
	    (name == NULL || strcmp((const char *)n->name, name) == 0);
}

static int
in_ns(xmlNodePtr n, const char *ns)
{
	return is(n, ns, NULL);
}

/* "line N: name "id" message" into out. */
static void
say(char *out, xmlNodePtr n, const char *fmt, va_list ap)
{
	char msg[FL_ERROR_BYTES];
	xmlChar *id = NULL;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (n != NULL && n->type == XML_ELEMENT_NODE)
		id = xmlGetNoNsProp(n, (const xmlChar *)"id");
	if (n == NULL)
		snprintf(out, FL_ERROR_BYTES, "%s", msg);
	else if (id != NULL)
		snprintf(out, FL_ERROR_BYTES, "line %ld: %s \"%.80s\" %.380s", xmlGetLineNo(n),
		    (const char *)n->name, (const char *)id, msg);
	else
		snprintf(out, FL_ERROR_BYTES, "line %ld: %s %.380s", xmlGetLineNo(n),
		    (const char *)n->name, msg);
	xmlFree(id);
}

/* Refuse the model at node n now.  Returns PT_EINVAL. */
static int
fail(struct parse *p, xmlNodePtr n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(p->err, n, fmt, ap);
	va_end(ap);
	return PT_EINVAL;
}

/*
 * Refuse the model at node n for leaving the supported subset, once its
 * references were checked (p->deferred keeps the first).  Returns PT_OK:
 * the caller stops reading that element and goes on with the next.
 */
static int
refuse(struct parse *p, xmlNodePtr n, const char *fmt, ...)
{
	va_list ap;

	if (p->deferred[0] != '\0')
		return PT_OK;
	va_start(ap, fmt);
	say(p->deferred, n, fmt, ap);
	va_end(ap);
	return PT_OK;
}

/* s, trimmed of XML white space, into the arena; NULL for NULL or empty. */
static const char *
keep(struct parse *p, const xmlChar *s)
{
	const char *b, *e;

	if (s == NULL)
		return NULL;
	for (b = (const char *)s; *b == ' ' || *b == '\t' || *b == '\n' || *b == '\r'; b++)
		;
	for (e = b + strlen(b); e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'); e--)
		;
	if (e == b)
		return NULL;
	return pt_arena_strndup(p->a, b, (size_t)(e - b));
}

/* An attribute of no namespace (ns NULL) or of ns, trimmed, or NULL. */
static const char *
attr(struct parse *p, xmlNodePtr n, const char *ns, const char *name)
{
	xmlChar *v = ns == NULL ? xmlGetNoNsProp(n, (const xmlChar *)name) :
	    xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns);
	const char *s = keep(p, v);

	xmlFree(v);
	return s;
}

static const char *
text(struct parse *p, xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetContent(n);
	const char *s = keep(p, v);

	xmlFree(v);
	return s;
}

/* A boolean attribute: dflt when absent; -1 when neither true nor false. */
static int
flag(struct parse *p, xmlNodePtr n, const char *ns, const char *name, int dflt)
{
	const char *v = attr(p, n, ns, name);

	if (v == NULL)
		return dflt;
	if (strcmp(v, "true") == 0)
		return 1;
	if (strcmp(v, "false") == 0)
		return 0;
	return -1;
}

static const char *
named_find(const struct named *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return v[i].value;
	return NULL;
}

/*
 * A new element for node into *out, recorded for the passes below.
 * PT_OK, PT_ELIMIT (too many), PT_EINVAL (no id), PT_ENOMEM.
 */
static int
element_new(struct parse *p, xmlNodePtr n, enum fl_kind kind, struct fl_element *scope,
    struct fl_element **out)
{
	struct fl_element *e;

	if (p->nitems >= FL_BPMN_MAX_ELEMENTS) {
		snprintf(p->err, FL_ERROR_BYTES, "line %ld: the model has more than %d elements",
		    xmlGetLineNo(n), FL_BPMN_MAX_ELEMENTS);
		return PT_ELIMIT;
	}
	if (p->nitems == p->capitems) {
		size_t cap = p->capitems ? p->capitems * 2 : 64;
		struct item *v = realloc(p->items, cap * sizeof(*v));

		if (v == NULL)
			return PT_ENOMEM;
		p->items = v;
		p->capitems = cap;
	}
	if ((e = pt_arena_alloc(p->a, sizeof(*e))) == NULL)
		return PT_ENOMEM;
	e->kind = kind;
	e->scope = scope;
	e->line = xmlGetLineNo(n);
	e->interrupting = 1;
	e->id = attr(p, n, NULL, "id");
	e->name = attr(p, n, NULL, "name");
	e->name_de = attr(p, n, FL_NS_PORTICO, "name-de");
	if (e->id == NULL)
		return fail(p, n, "has no id");
	p->items[p->nitems].e = e;
	p->items[p->nitems].node = n;
	p->nitems++;
	*out = e;
	return PT_OK;
}

/* ---- top level: messages, errors, the collaboration ------------------- */

static int
collect_named(struct parse *p, xmlNodePtr n, struct named **v, size_t *nv, const char *value_attr)
{
	struct named *grown;
	const char *id = attr(p, n, NULL, "id");

	if (id == NULL)
		return fail(p, n, "has no id");
	if (*nv >= FL_BPMN_MAX_ELEMENTS)
		return fail(p, n, "is one too many");
	if ((grown = realloc(*v, (*nv + 1) * sizeof(**v))) == NULL)
		return PT_ENOMEM;
	*v = grown;
	grown[*nv].id = id;
	grown[*nv].node = n;
	grown[*nv].value = attr(p, n, NULL, value_attr);
	if (grown[*nv].value == NULL)
		grown[*nv].value = attr(p, n, NULL, "name");
	if (grown[*nv].value == NULL)
		grown[*nv].value = id;
	(*nv)++;
	return PT_OK;
}

static int
read_collaboration(struct parse *p, xmlNodePtr c)
{
	struct fl_element *e;
	xmlNodePtr n;
	int rc;

	if (p->collaboration != NULL)
		return refuse(p, c, "is a second collaboration: a model holds one");
	if ((p->collaboration = attr(p, c, NULL, "id")) == NULL)
		return fail(p, c, "has no id");
	for (n = c->children; n != NULL; n = n->next) {
		if (!in_ns(n, FL_NS_BPMN) || is(n, FL_NS_BPMN, "documentation") ||
		    is(n, FL_NS_BPMN, "extensionElements"))
			continue;
		if (!is(n, FL_NS_BPMN, "participant")) {
			rc = element_new(p, n, FL_UNSUPPORTED, NULL, &e);
			if (rc == PT_OK)
				rc = refuse(p, n, "is not supported in a collaboration (one pool, no message flows)");
		} else {
			/* Every pool is an element, so that the diagram of a second one is no broken reference. */
			rc = element_new(p, n, FL_PARTICIPANT, NULL, &e);
			if (rc == PT_OK && p->participant != NULL)
				rc = refuse(p, n, "is a second pool: Portico runs one process per model");
			else if (rc == PT_OK)
				p->participant = n;
		}
		if (rc != PT_OK)
			return rc;
	}
	return PT_OK;
}

/* ---- flow elements ------------------------------------------------------ */

static int read_scope(struct parse *, xmlNodePtr, struct fl_element *);

struct kind_name {
	const char	*name;
	enum fl_kind	 kind;
};

static const struct kind_name flow_kinds[] = {
	{ "startEvent", FL_START_EVENT }, { "endEvent", FL_END_EVENT },
	{ "task", FL_TASK }, { "userTask", FL_USER_TASK }, { "serviceTask", FL_SERVICE_TASK },
	{ "sendTask", FL_SEND_TASK }, { "receiveTask", FL_RECEIVE_TASK },
	{ "subProcess", FL_SUBPROCESS }, { "callActivity", FL_CALL_ACTIVITY },
	{ "exclusiveGateway", FL_EXCLUSIVE_GATEWAY }, { "parallelGateway", FL_PARALLEL_GATEWAY },
	{ "eventBasedGateway", FL_EVENT_GATEWAY },
	{ "intermediateCatchEvent", FL_CATCH_EVENT }, { "boundaryEvent", FL_BOUNDARY_EVENT },
	{ "sequenceFlow", FL_SEQUENCE_FLOW },
	{ "textAnnotation", FL_ANNOTATION }, { "association", FL_ASSOCIATION },
	{ "group", FL_GROUP },
};

/* Children every element may have, which say nothing to the engine. */
static int
ignorable(xmlNodePtr n)
{
	return !in_ns(n, FL_NS_BPMN) || is(n, FL_NS_BPMN, "documentation") ||
	    is(n, FL_NS_BPMN, "extensionElements") || is(n, FL_NS_BPMN, "incoming") ||
	    is(n, FL_NS_BPMN, "outgoing");
}

static const char *const definition_names[FL_TRIGGER__MAX] = {
	[FL_TRIGGER_TIMER] = "timerEventDefinition",
	[FL_TRIGGER_MESSAGE] = "messageEventDefinition",
	[FL_TRIGGER_ERROR] = "errorEventDefinition",
	[FL_TRIGGER_TERMINATE] = "terminateEventDefinition",
};

static int
read_timer(struct parse *p, struct fl_element *e, xmlNodePtr def)
{
	static const char *const kinds[] = { "timeDate", "timeDuration", "timeCycle" };
	char why[256];
	xmlNodePtr n, found = NULL;
	enum fl_timer_kind kind = FL_TIMER_DATE;
	const char *s;
	size_t i;
	int bt;

	for (n = def->children; n != NULL; n = n->next) {
		if (ignorable(n))
			continue;
		for (i = 0; i < 3; i++)
			if (is(n, FL_NS_BPMN, kinds[i]))
				break;
		if (i == 3)
			return refuse(p, n, "is not supported in a timerEventDefinition");
		if (found != NULL)
			return refuse(p, n, "is a second time of one timer");
		found = n;
		kind = (enum fl_timer_kind)i;
	}
	if (found == NULL)
		return refuse(p, def, "of %s \"%s\" has no timeDate, timeDuration or timeCycle",
		    fl_kind_names[e->kind], e->id);
	if ((s = text(p, found)) == NULL)
		return refuse(p, found, "of %s \"%s\" is empty", fl_kind_names[e->kind], e->id);
	if ((e->timer = pt_arena_alloc(p->a, sizeof(*e->timer))) == NULL)
		return PT_ENOMEM;
	if (fl_timer_parse(kind, s, e->timer, why, sizeof(why)) != PT_OK)
		return refuse(p, found, "of %s \"%s\": %s", fl_kind_names[e->kind], e->id, why);
	if ((bt = flag(p, def, FL_NS_PORTICO, "businessTime", 0)) < 0)
		return refuse(p, def, "has a portico:businessTime that is neither true nor false");
	e->timer->business_time = bt;
	return PT_OK;
}

/* The event definition of an event (none, or exactly one). */
static int
read_event_definition(struct parse *p, struct fl_element *e, xmlNodePtr node)
{
	xmlNodePtr n, def = NULL;
	const char *ref;
	int t, rc;

	e->trigger = FL_TRIGGER_NONE;
	for (n = node->children; n != NULL; n = n->next) {
		if (ignorable(n))
			continue;
		if (strstr((const char *)n->name, "EventDefinition") == NULL)
			return refuse(p, n, "is not supported in %s \"%s\"", fl_kind_names[e->kind], e->id);
		for (t = 1; t < FL_TRIGGER__MAX; t++)
			if (strcmp((const char *)n->name, definition_names[t]) == 0)
				break;
		if (t == FL_TRIGGER__MAX)
			return refuse(p, n, "in %s \"%s\" is not supported (timer, message, error, terminate are)",
			    fl_kind_names[e->kind], e->id);
		if (def != NULL)
			return refuse(p, n, "is a second event definition of %s \"%s\"",
			    fl_kind_names[e->kind], e->id);
		def = n;
		e->trigger = (enum fl_trigger)t;
	}
	switch (e->trigger) {
	case FL_TRIGGER_TIMER:
		return read_timer(p, e, def);
	case FL_TRIGGER_MESSAGE:
		ref = attr(p, def, NULL, "messageRef");
		if (ref == NULL)
			return refuse(p, def, "of %s \"%s\" names no message (messageRef)",
			    fl_kind_names[e->kind], e->id);
		if ((e->message = named_find(p->messages, p->nmessages, ref)) == NULL)
			return refuse(p, def, "of %s \"%s\" names the unknown message \"%s\"",
			    fl_kind_names[e->kind], e->id, ref);
		return PT_OK;
	case FL_TRIGGER_ERROR:
		ref = attr(p, def, NULL, "errorRef");
		if (ref != NULL &&
		    (e->error_code = named_find(p->errors, p->nerrors, ref)) == NULL)
			return refuse(p, def, "of %s \"%s\" names the unknown error \"%s\"",
			    fl_kind_names[e->kind], e->id, ref);
		return PT_OK;
	default:
		rc = PT_OK;
	}
	return rc;
}

/* Which triggers an event of a kind may have, as a bit set of 1 << trigger. */
static unsigned
triggers_allowed(const struct fl_element *e)
{
	switch (e->kind) {
	case FL_START_EVENT:
		if (e->scope != NULL)
			return 1u << FL_TRIGGER_NONE;
		return 1u << FL_TRIGGER_NONE | 1u << FL_TRIGGER_TIMER | 1u << FL_TRIGGER_MESSAGE;
	case FL_END_EVENT:
		return 1u << FL_TRIGGER_NONE | 1u << FL_TRIGGER_TERMINATE | 1u << FL_TRIGGER_ERROR;
	case FL_CATCH_EVENT:
		return 1u << FL_TRIGGER_TIMER | 1u << FL_TRIGGER_MESSAGE;
	case FL_BOUNDARY_EVENT:
		return 1u << FL_TRIGGER_TIMER | 1u << FL_TRIGGER_MESSAGE | 1u << FL_TRIGGER_ERROR;
	default:
		return 0;
	}
}

/*
 * Compile b's expression, refusing the model at n when it does not
 * parse: "line 7: conditionExpression of sequenceFlow "f2": expected a
 * value, found the end at column 5 of "x =="".  what says which of the
 * element's expressions it is when n is the element itself.
 */
static int
binding_expr(struct parse *p, xmlNodePtr n, const struct fl_element *e, struct fl_binding *b,
    const char *what)
{
	struct fl_expr_error xe;

	if (b->expr == NULL)
		return PT_OK;
	if (fl_expr_parse(p->a, b->expr, &b->compiled, &xe) == PT_OK)
		return PT_OK;
	if (what != NULL)
		return refuse(p, n, "%s: %s at column %d of \"%.80s\"", what, xe.message, xe.column,
		    b->expr);
	if (b->name != NULL)
		return refuse(p, n, "\"%s\" of %s \"%s\": %s at column %d of \"%.80s\"", b->name,
		    fl_kind_names[e->kind], e->id, xe.message, xe.column, b->expr);
	return refuse(p, n, "of %s \"%s\": %s at column %d of \"%.80s\"", fl_kind_names[e->kind],
	    e->id, xe.message, xe.column, b->expr);
}

/* <portico:form>, <portico:param>, <portico:set> in extensionElements. */
static int
read_extensions(struct parse *p, struct fl_element *e, xmlNodePtr node)
{
	xmlNodePtr ext, n, f;
	size_t nparams = 0, nsets = 0, nfields = 0;
	int rc;

	for (ext = node->children; ext != NULL; ext = ext->next) {
		if (!is(ext, FL_NS_BPMN, "extensionElements"))
			continue;
		for (n = ext->children; n != NULL; n = n->next) {
			if (is(n, FL_NS_PORTICO, "param"))
				nparams++;
			else if (is(n, FL_NS_PORTICO, "set"))
				nsets++;
			else if (is(n, FL_NS_PORTICO, "form"))
				for (f = n->children; f != NULL; f = f->next)
					nfields += is(f, FL_NS_PORTICO, "field");
			else if (in_ns(n, FL_NS_PORTICO))
				return refuse(p, n, "is no Portico extension (form, param, set are)");
		}
	}
	if (nparams > 0 && (e->kind != FL_SERVICE_TASK && e->kind != FL_SEND_TASK))
		return refuse(p, node, "has portico:param, which only service and send tasks take");
	if (nfields > 0 && e->kind != FL_USER_TASK)
		return refuse(p, node, "has a portico:form, which only user tasks take");
	if (nsets > 0 && !fl_kind_is_node(e->kind))
		return refuse(p, node, "has portico:set, which only flow nodes take");
	if (nparams > 0 && (e->params = pt_arena_alloc(p->a, nparams * sizeof(*e->params))) == NULL)
		return PT_ENOMEM;
	if (nsets > 0 &&
	    (e->assignments = pt_arena_alloc(p->a, nsets * sizeof(*e->assignments))) == NULL)
		return PT_ENOMEM;
	if (nfields > 0 &&
	    (e->user->fields = pt_arena_alloc(p->a, nfields * sizeof(*e->user->fields))) == NULL)
		return PT_ENOMEM;
	for (ext = node->children; ext != NULL; ext = ext->next) {
		if (!is(ext, FL_NS_BPMN, "extensionElements"))
			continue;
		for (n = ext->children; n != NULL; n = n->next) {
			struct fl_binding *b;

			if (is(n, FL_NS_PORTICO, "form")) {
				for (f = n->children; f != NULL; f = f->next) {
					struct fl_field *fd;
					const char *type;
					int t;

					if (!is(f, FL_NS_PORTICO, "field")) {
						if (in_ns(f, FL_NS_PORTICO))
							return refuse(p, f, "is no part of a portico:form");
						continue;
					}
					fd = &e->user->fields[e->user->nfields++];
					if ((fd->name = attr(p, f, NULL, "name")) == NULL)
						return refuse(p, f, "of \"%s\" has no name", e->id);
					if (fl_expr_name_valid(fd->name) != PT_OK)
						return refuse(p, f, "of \"%s\": \"%s\" is no variable name",
						    e->id, fd->name);
					type = attr(p, f, NULL, "type");
					for (t = 0; t < FL_FIELD__MAX; t++)
						if (type == NULL || strcmp(type, fl_field_type_names[t]) == 0)
							break;
					if (t == FL_FIELD__MAX)
						return refuse(p, f, "\"%s\" of \"%s\" has the unknown type \"%s\"",
						    fd->name, e->id, type);
					fd->type = (enum fl_field_type)t;
					fd->label = attr(p, f, NULL, "label");
					fd->label_de = attr(p, f, NULL, "label-de");
					if ((fd->required = flag(p, f, NULL, "required", 0)) < 0)
						return refuse(p, f, "\"%s\" of \"%s\": required is neither true nor false",
						    fd->name, e->id);
				}
				continue;
			}
			if (is(n, FL_NS_PORTICO, "param"))
				b = &e->params[e->nparams++];
			else if (is(n, FL_NS_PORTICO, "set"))
				b = &e->assignments[e->nassignments++];
			else
				continue;
			if ((b->name = attr(p, n, NULL, "name")) == NULL)
				return refuse(p, n, "of \"%s\" has no name", e->id);
			b->value = attr(p, n, NULL, "value");
			b->expr = attr(p, n, NULL, "expr");
			/* A parameter's literal may be its text: <portico:param name="x">v</portico:param>. */
			if (b->value == NULL && b->expr == NULL && is(n, FL_NS_PORTICO, "param"))
				b->value = text(p, n);
			if ((b->value == NULL) == (b->expr == NULL))
				return refuse(p, n, "\"%s\" of \"%s\" needs either value or expr",
				    b->name, e->id);
			if (is(n, FL_NS_PORTICO, "set")) {
				if (b->expr == NULL)
					return refuse(p, n, "\"%s\" of \"%s\" needs expr", b->name, e->id);
				if (fl_expr_name_valid(b->name) != PT_OK)
					return refuse(p, n, "of \"%s\": \"%s\" is no variable name",
					    e->id, b->name);
			}
			if ((rc = binding_expr(p, n, e, b, NULL)) != PT_OK)
				return rc;
		}
	}
	return PT_OK;
}

static int
read_user_task(struct parse *p, struct fl_element *e, xmlNodePtr n)
{
	struct fl_user_task *u;
	const char *roles, *scope, *s;
	char *copy, *tok, *save;
	int t;

	if ((u = e->user = pt_arena_alloc(p->a, sizeof(*u))) == NULL)
		return PT_ENOMEM;
	if ((roles = attr(p, n, FL_NS_PORTICO, "candidateRoles")) != NULL) {
		size_t max = strlen(roles) / 2 + 1;

		if ((u->roles = pt_arena_alloc(p->a, max * sizeof(*u->roles))) == NULL ||
		    (copy = pt_arena_strndup(p->a, roles, strlen(roles))) == NULL)
			return PT_ENOMEM;
		for (tok = strtok_r(copy, " ,\t\n", &save); tok != NULL;
		    tok = strtok_r(NULL, " ,\t\n", &save))
			u->roles[u->nroles++] = tok;
	}
	scope = attr(p, n, FL_NS_PORTICO, "orgScope");
	for (t = 0; t < FL_SCOPE__MAX; t++)
		if (scope == NULL || strcmp(scope, fl_scope_names[t]) == 0)
			break;
	if (t == FL_SCOPE__MAX)
		return refuse(p, n, "has the unknown portico:orgScope \"%s\" (instance, provider)", scope);
	u->scope = (enum fl_org_scope)t;
	if ((u->assignee = attr(p, n, FL_NS_PORTICO, "assignee")) != NULL) {
		struct fl_binding b = { "assignee", NULL, u->assignee, NULL };
		int rc;

		if ((rc = binding_expr(p, n, e, &b, "portico:assignee")) != PT_OK)
			return rc;
		u->assignee_compiled = b.compiled;
	}
	if (u->nroles == 0 && u->assignee == NULL)
		return refuse(p, n, "names no portico:candidateRoles and no portico:assignee: nobody could work on it");
	if ((s = attr(p, n, FL_NS_PORTICO, "due")) != NULL) {
		u->due = s;
		if (fl_duration_parse(s, &u->due_after) != PT_OK)
			return refuse(p, n, "has a portico:due \"%s\" that is no ISO 8601 duration (P1D, PT4H)", s);
	}
	if ((u->due_business_time = flag(p, n, FL_NS_PORTICO, "dueBusinessTime", 0)) < 0)
		return refuse(p, n, "has a portico:dueBusinessTime that is neither true nor false");
	if ((u->notify = flag(p, n, FL_NS_PORTICO, "notify", 1)) < 0)
		return refuse(p, n, "has a portico:notify that is neither true nor false");
	return PT_OK;
}

static int
read_action(struct parse *p, struct fl_element *e, xmlNodePtr n)
{
	const struct fl_action *act;
	const char *const *req;
	size_t i;

	if ((e->action = attr(p, n, FL_NS_PORTICO, "action")) == NULL)
		return refuse(p, n, "names no portico:action");
	if ((act = fl_action_find(e->action)) == NULL)
		return refuse(p, n, "names the unknown action \"%s\"", e->action);
	for (req = act->required; *req != NULL; req++) {
		for (i = 0; i < e->nparams; i++)
			if (strcmp(e->params[i].name, *req) == 0)
				break;
		if (i == e->nparams)
			return refuse(p, n, "lacks the parameter \"%s\" of action %s", *req, act->name);
	}
	return PT_OK;
}

/* One flow node or artefact, its attributes and its own children. */
static int
read_element(struct parse *p, xmlNodePtr n, enum fl_kind kind, struct fl_element *scope)
{
	struct fl_element *e;
	xmlNodePtr c;
	int rc;

	if ((rc = element_new(p, n, kind, scope, &e)) != PT_OK)
		return rc;
	if (flag(p, n, NULL, "isForCompensation", 0) != 0)
		return refuse(p, n, "is for compensation, which is not supported");
	if (kind == FL_USER_TASK && (rc = read_user_task(p, e, n)) != PT_OK)
		return rc;
	if ((fl_kind_is_node(kind) || kind == FL_SEQUENCE_FLOW) &&
	    (rc = read_extensions(p, e, n)) != PT_OK)
		return rc;
	/* Refused already: what was read of it may be partial, so read no further. */
	if (p->deferred[0] != '\0')
		return PT_OK;
	switch (kind) {
	case FL_START_EVENT:
	case FL_END_EVENT:
	case FL_CATCH_EVENT:
	case FL_BOUNDARY_EVENT:
		if ((rc = read_event_definition(p, e, n)) != PT_OK)
			return rc;
		if (!(triggers_allowed(e) & 1u << e->trigger)) {
			if (e->trigger == FL_TRIGGER_NONE)
				return refuse(p, n, "has no event definition (%s)",
				    kind == FL_CATCH_EVENT ? "timer or message" : "timer, message or error");
			return refuse(p, n, "is a %s %s%s, which is not supported", fl_trigger_names[e->trigger],
			    fl_kind_names[kind], scope != NULL && kind == FL_START_EVENT ?
			    " in a subProcess" : "");
		}
		if (kind == FL_BOUNDARY_EVENT) {
			if ((e->interrupting = flag(p, n, NULL, "cancelActivity", 1)) < 0)
				return refuse(p, n, "has a cancelActivity that is neither true nor false");
			if (e->trigger == FL_TRIGGER_ERROR && !e->interrupting)
				return refuse(p, n, "catches an error without interrupting, which BPMN forbids");
		}
		if (kind == FL_START_EVENT && flag(p, n, NULL, "isInterrupting", 1) != 1)
			return refuse(p, n, "is a non-interrupting start event, which is not supported");
		return PT_OK;
	case FL_SUBPROCESS:
		if ((rc = read_scope(p, n, e)) != PT_OK)
			return rc;
		if (flag(p, n, NULL, "triggeredByEvent", 0) != 0)
			return refuse(p, n, "is an event subprocess, which is not supported");
		return PT_OK;
	case FL_SERVICE_TASK:
	case FL_SEND_TASK:
		return read_action(p, e, n);
	case FL_RECEIVE_TASK: {
		const char *ref = attr(p, n, NULL, "messageRef");

		if (ref == NULL)
			return refuse(p, n, "names no message (messageRef)");
		if ((e->message = named_find(p->messages, p->nmessages, ref)) == NULL)
			return refuse(p, n, "names the unknown message \"%s\"", ref);
		break;
	}
	case FL_CALL_ACTIVITY:
		if ((e->called = attr(p, n, NULL, "calledElement")) == NULL)
			return refuse(p, n, "names no process to call (calledElement)");
		break;
	case FL_SEQUENCE_FLOW:
		for (c = n->children; c != NULL; c = c->next) {
			if (ignorable(c))
				continue;
			if (!is(c, FL_NS_BPMN, "conditionExpression"))
				return refuse(p, c, "is not supported in sequenceFlow \"%s\"", e->id);
			if (e->condition != NULL)
				return refuse(p, c, "is a second condition of sequenceFlow \"%s\"", e->id);
			if ((e->condition = pt_arena_alloc(p->a, sizeof(*e->condition))) == NULL)
				return PT_ENOMEM;
			if ((e->condition->expr = text(p, c)) == NULL)
				return refuse(p, c, "of sequenceFlow \"%s\" is empty", e->id);
			if ((rc = binding_expr(p, c, e, e->condition, NULL)) != PT_OK)
				return rc;
		}
		return PT_OK;
	case FL_ANNOTATION:
		for (c = n->children; c != NULL; c = c->next)
			if (is(c, FL_NS_BPMN, "text"))
				e->text = text(p, c);
		return PT_OK;
	case FL_GROUP: {
		const char *ref = attr(p, n, NULL, "categoryValueRef");

		if (ref != NULL && e->name == NULL &&
		    (e->name = named_find(p->categories, p->ncategories, ref)) == NULL)
			return refuse(p, n, "names the unknown categoryValue \"%s\"", ref);
		return PT_OK;
	}
	default:
		break;
	}
	/* What remains may only have documentation, extensions and flow refs. */
	for (c = n->children; c != NULL; c = c->next)
		if (!ignorable(c))
			return refuse(p, c, "in %s \"%s\" is not supported", fl_kind_names[kind], e->id);
	return PT_OK;
}

static int
read_lanes(struct parse *p, xmlNodePtr set, int depth)
{
	xmlNodePtr l, c;
	int rc;

	if (depth > 8)
		return refuse(p, set, "nests lanes too deep");
	for (l = set->children; l != NULL; l = l->next) {
		if (ignorable(l))
			continue;
		if (!is(l, FL_NS_BPMN, "lane"))
			return refuse(p, l, "is not supported in a laneSet");
		struct fl_element *e;

		if ((rc = element_new(p, l, FL_LANE, NULL, &e)) != PT_OK)
			return rc;
		for (c = l->children; c != NULL; c = c->next) {
			if (is(c, FL_NS_BPMN, "childLaneSet")) {
				if ((rc = read_lanes(p, c, depth + 1)) != PT_OK)
					return rc;
			} else if (!ignorable(c) && !is(c, FL_NS_BPMN, "flowNodeRef")) {
				return refuse(p, c, "is not supported in a lane");
			}
		}
	}
	return PT_OK;
}

/* The flow elements of a process or a subProcess (scope). */
static int
read_scope(struct parse *p, xmlNodePtr node, struct fl_element *scope)
{
	xmlNodePtr n;
	size_t i;
	int rc;

	for (n = node->children; n != NULL; n = n->next) {
		if (ignorable(n) || is(n, FL_NS_BPMN, "property"))
			continue;
		if (scope == NULL && is(n, FL_NS_BPMN, "laneSet")) {
			if ((rc = read_lanes(p, n, 0)) != PT_OK)
				return rc;
			continue;
		}
		for (i = 0; i < sizeof(flow_kinds) / sizeof(*flow_kinds); i++)
			if (is(n, FL_NS_BPMN, flow_kinds[i].name))
				break;
		if (i == sizeof(flow_kinds) / sizeof(*flow_kinds)) {
			struct fl_element *e;

			/* Kept as a placeholder, so that references to it are sound. */
			if ((rc = element_new(p, n, FL_UNSUPPORTED, scope, &e)) != PT_OK)
				return rc;
			refuse(p, n, "is not supported (see the supported subset in bpmn.c)");
			if ((is(n, FL_NS_BPMN, "transaction") || is(n, FL_NS_BPMN, "adHocSubProcess")) &&
			    (rc = read_scope(p, n, e)) != PT_OK)
				return rc;
			continue;
		}
		if ((rc = read_element(p, n, flow_kinds[i].kind, scope)) != PT_OK)
			return rc;
	}
	return PT_OK;
}

/* ---- references and structure ------------------------------------------ */

static int
by_id(const void *a, const void *b)
{
	return strcmp((*(struct fl_element *const *)a)->id, (*(struct fl_element *const *)b)->id);
}

static int
index_elements(struct parse *p)
{
	struct fl_model *m = p->m;
	size_t i;

	if ((m->elements = pt_arena_alloc(p->a, (p->nitems + 1) * sizeof(*m->elements))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < p->nitems; i++)
		m->elements[i] = p->items[i].e;
	m->nelements = p->nitems;
	qsort(m->elements, m->nelements, sizeof(*m->elements), by_id);
	for (i = 1; i < m->nelements; i++)
		if (strcmp(m->elements[i - 1]->id, m->elements[i]->id) == 0) {
			size_t j;

			/* Name the later one in the document. */
			for (j = p->nitems; j-- > 0;)
				if (p->items[j].e == m->elements[i] || p->items[j].e == m->elements[i - 1])
					break;
			return fail(p, p->items[j].node, "repeats an id of line %ld",
			    p->items[j].e == m->elements[i] ? m->elements[i - 1]->line :
			    m->elements[i]->line);
		}
	/* Messages and errors share the ids' space with the elements. */
	for (i = 0; i < p->nmessages + p->nerrors; i++) {
		const struct named *v = i < p->nmessages ? &p->messages[i] :
		    &p->errors[i - p->nmessages];
		struct fl_element *e = fl_model_find(m, v->id);
		size_t k;

		if (e != NULL)
			return fail(p, v->node, "repeats the id of %s on line %ld", fl_kind_names[e->kind],
			    e->line);
		for (k = 0; k < i; k++) {
			const struct named *w = k < p->nmessages ? &p->messages[k] :
			    &p->errors[k - p->nmessages];

			if (strcmp(w->id, v->id) == 0)
				return fail(p, v->node, "repeats an id of line %ld", xmlGetLineNo(w->node));
		}
	}
	return PT_OK;
}

/* An element named by attribute name of n, which must exist; NULL after fail(). */
static struct fl_element *
ref(struct parse *p, xmlNodePtr n, const char *name, const char *what)
{
	const char *id = attr(p, n, NULL, name);
	struct fl_element *e;

	if (id == NULL) {
		fail(p, n, "has no %s (%s)", what, name);
		return NULL;
	}
	if ((e = fl_model_find(p->m, id)) == NULL)
		fail(p, n, "has the %s \"%s\", which is no element of the process", what, id);
	return e;
}

/* Lengths of an element's lists, counted before they are allocated and filled. */
struct counts {
	size_t	 in, out, bnd, kids;
};

/* The position of e in the model's sorted elements. */
static size_t
pos(const struct fl_model *m, const struct fl_element *e)
{
	size_t lo = 0, hi = m->nelements;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(e->id, m->elements[mid]->id);

		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return m->nelements;	/* unreachable: every element is indexed */
}

static int
link_flows(struct parse *p)
{
	struct fl_model *m = p->m;
	struct counts *cnt;
	size_t i, k;
	int rc = PT_OK;

	for (i = 0; i < p->nitems; i++) {
		struct fl_element *e = p->items[i].e;
		xmlNodePtr n = p->items[i].node;

		if (e->kind == FL_SEQUENCE_FLOW || e->kind == FL_ASSOCIATION) {
			if ((e->source = ref(p, n, "sourceRef", "source")) == NULL ||
			    (e->target = ref(p, n, "targetRef", "target")) == NULL)
				return PT_EINVAL;
		}
		if (e->kind == FL_SEQUENCE_FLOW) {
			if (!fl_kind_is_node(e->source->kind) && e->source->kind != FL_UNSUPPORTED)
				return fail(p, n, "flows from %s \"%s\", which is no flow node",
				    fl_kind_names[e->source->kind], e->source->id);
			if (!fl_kind_is_node(e->target->kind) && e->target->kind != FL_UNSUPPORTED)
				return fail(p, n, "flows to %s \"%s\", which is no flow node",
				    fl_kind_names[e->target->kind], e->target->id);
			if (e->source->scope != e->scope || e->target->scope != e->scope)
				return fail(p, n, "crosses the border of a subProcess");
		}
		if (e->kind == FL_BOUNDARY_EVENT) {
			const char *to = attr(p, n, NULL, "attachedToRef");

			if (to == NULL)
				return fail(p, n, "is attached to nothing (no attachedToRef)");
			if ((e->attached_to = fl_model_find(m, to)) == NULL)
				return fail(p, n, "is attached to \"%s\", which is no element of the process", to);
			if (!fl_kind_is_activity(e->attached_to->kind) &&
			    e->attached_to->kind != FL_UNSUPPORTED)
				return fail(p, n, "is attached to %s \"%s\", which is no activity",
				    fl_kind_names[e->attached_to->kind], to);
			if (e->attached_to->scope != e->scope)
				return fail(p, n, "is attached to \"%s\" of another scope", to);
		}
		if (e->kind == FL_EXCLUSIVE_GATEWAY || fl_kind_is_activity(e->kind) ||
		    e->kind == FL_PARALLEL_GATEWAY || e->kind == FL_EVENT_GATEWAY) {
			const char *d = attr(p, n, NULL, "default");

			if (d != NULL && e->kind != FL_EXCLUSIVE_GATEWAY)
				return fail(p, n, "has a default flow, which only exclusive gateways may have here");
			if (d != NULL) {
				if ((e->default_flow = fl_model_find(m, d)) == NULL ||
				    e->default_flow->kind != FL_SEQUENCE_FLOW)
					return fail(p, n, "has the default \"%s\", which is no sequence flow", d);
			}
		}
		if (e->kind == FL_LANE) {
			xmlNodePtr c;

			for (c = n->children; c != NULL; c = c->next) {
				const char *id;
				struct fl_element *t;

				if (!is(c, FL_NS_BPMN, "flowNodeRef"))
					continue;
				id = text(p, c);
				t = fl_model_find(m, id != NULL ? id : "");
				if (t == NULL || (!fl_kind_is_node(t->kind) && t->kind != FL_UNSUPPORTED))
					return fail(p, c, "of lane \"%s\" names \"%s\", which is no flow node of the process",
					    e->id, id != NULL ? id : "");
			}
		}
	}
	/* Count, allocate, fill: incoming, outgoing, boundaries, children. */
	if ((cnt = calloc(m->nelements + 1, sizeof(*cnt))) == NULL)
		return PT_ENOMEM;
	if ((m->top = pt_arena_alloc(p->a, (p->nitems + 1) * sizeof(*m->top))) == NULL) {
		rc = PT_ENOMEM;
		goto out;
	}
	for (i = 0; i < p->nitems; i++) {
		struct fl_element *e = p->items[i].e;

		if (e->kind == FL_SEQUENCE_FLOW) {
			cnt[pos(m, e->source)].out++;
			cnt[pos(m, e->target)].in++;
		}
		if (e->kind == FL_BOUNDARY_EVENT)
			cnt[pos(m, e->attached_to)].bnd++;
		if (e->scope != NULL)
			cnt[pos(m, e->scope)].kids++;
	}
	for (k = 0; k < m->nelements; k++) {
		struct fl_element *e = m->elements[k];
		struct counts *c = &cnt[k];

		if ((c->in && (e->incoming = pt_arena_alloc(p->a, c->in * sizeof(e))) == NULL) ||
		    (c->out && (e->outgoing = pt_arena_alloc(p->a, c->out * sizeof(e))) == NULL) ||
		    (c->bnd && (e->boundaries = pt_arena_alloc(p->a, c->bnd * sizeof(e))) == NULL) ||
		    (c->kids && (e->children = pt_arena_alloc(p->a, c->kids * sizeof(e))) == NULL)) {
			rc = PT_ENOMEM;
			goto out;
		}
	}
	/* In document order, so lists read as the model does. */
	for (i = 0; i < p->nitems; i++) {
		struct fl_element *e = p->items[i].e;

		if (e->kind == FL_SEQUENCE_FLOW) {
			e->source->outgoing[e->source->noutgoing++] = e;
			e->target->incoming[e->target->nincoming++] = e;
		}
		if (e->kind == FL_BOUNDARY_EVENT)
			e->attached_to->boundaries[e->attached_to->nboundaries++] = e;
		if (e->scope != NULL)
			e->scope->children[e->scope->nchildren++] = e;
		else if (fl_kind_is_node(e->kind) || e->kind == FL_SEQUENCE_FLOW)
			m->top[m->ntop++] = e;
	}
out:
	free(cnt);
	return rc;
}

/* The <incoming> and <outgoing> of a node must agree with the flows. */
static int
check_flow_refs(struct parse *p, struct fl_element *e, xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		int in = is(c, FL_NS_BPMN, "incoming");
		const char *id;
		struct fl_element *f;

		if (!in && !is(c, FL_NS_BPMN, "outgoing"))
			continue;
		id = text(p, c);
		f = fl_model_find(p->m, id != NULL ? id : "");
		if (f == NULL || f->kind != FL_SEQUENCE_FLOW)
			return fail(p, c, "of %s \"%s\" names \"%s\", which is no sequence flow",
			    fl_kind_names[e->kind], e->id, id != NULL ? id : "");
		if ((in ? f->target : f->source) != e)
			return fail(p, c, "of %s \"%s\" names sequenceFlow \"%s\", which does not %s it",
			    fl_kind_names[e->kind], e->id, id, in ? "flow into" : "flow out of");
	}
	return PT_OK;
}

static int
check_node(struct parse *p, struct fl_element *e, xmlNodePtr n)
{
	size_t i, nstarts = 0;
	int rc;

	if ((rc = check_flow_refs(p, e, n)) != PT_OK)
		return rc;
	switch (e->kind) {
	case FL_START_EVENT:
	case FL_BOUNDARY_EVENT:
		if (e->nincoming > 0)
			return fail(p, n, "has an incoming sequence flow");
		if (e->noutgoing == 0)
			return fail(p, n, "leads nowhere (no outgoing sequence flow)");
		return PT_OK;
	case FL_END_EVENT:
		if (e->noutgoing > 0)
			return fail(p, n, "has an outgoing sequence flow");
		break;
	default:
		break;
	}
	if (e->nincoming == 0)
		return fail(p, n, "is never reached (no incoming sequence flow)");
	if (e->default_flow != NULL && e->default_flow->source != e)
		return fail(p, n, "has the default \"%s\", which does not flow out of it",
		    e->default_flow->id);
	for (i = 0; i < e->noutgoing; i++) {
		struct fl_element *f = e->outgoing[i];

		if (f->condition != NULL && e->kind != FL_EXCLUSIVE_GATEWAY)
			return fail(p, n, "has the conditional flow \"%s\": conditions belong on the flows of an exclusive gateway",
			    f->id);
		if (f->condition != NULL && f == e->default_flow)
			return fail(p, n, "has a condition on its default flow \"%s\"", f->id);
		if (e->kind == FL_EXCLUSIVE_GATEWAY && e->noutgoing > 1 && f->condition == NULL &&
		    f != e->default_flow)
			return fail(p, n, "has the flow \"%s\" with neither a condition nor being the default",
			    f->id);
		if (e->kind == FL_EVENT_GATEWAY && f->target->kind != FL_RECEIVE_TASK &&
		    f->target->kind != FL_CATCH_EVENT)
			return fail(p, n, "leads to %s \"%s\": an event-based gateway leads to catch events and receive tasks",
			    fl_kind_names[f->target->kind], f->target->id);
	}
	if ((e->kind == FL_EXCLUSIVE_GATEWAY || e->kind == FL_PARALLEL_GATEWAY) && e->noutgoing == 0)
		return fail(p, n, "leads nowhere (no outgoing sequence flow)");
	if (e->kind == FL_EVENT_GATEWAY && e->noutgoing < 2)
		return fail(p, n, "offers fewer than two events");
	if (e->kind == FL_SUBPROCESS) {
		for (i = 0; i < e->nchildren; i++)
			nstarts += e->children[i]->kind == FL_START_EVENT;
		if (nstarts != 1)
			return fail(p, n, "has %zu start events; a subProcess has one", nstarts);
	}
	return PT_OK;
}

static int
check_structure(struct parse *p)
{
	struct fl_model *m = p->m;
	size_t i, nnone = 0;
	int rc;

	for (i = 0; i < p->nitems; i++) {
		struct fl_element *e = p->items[i].e;

		if (fl_kind_is_node(e->kind) && (rc = check_node(p, e, p->items[i].node)) != PT_OK)
			return rc;
		if (e->kind == FL_START_EVENT && e->scope == NULL) {
			m->nstarts++;
			nnone += e->trigger == FL_TRIGGER_NONE;
		}
	}
	if (m->nstarts == 0)
		return fail(p, p->process, "has no start event");
	if (nnone > 1)
		return fail(p, p->process, "has %zu none start events; one at most", nnone);
	if ((m->starts = pt_arena_alloc(p->a, m->nstarts * sizeof(*m->starts))) == NULL)
		return PT_ENOMEM;
	m->nstarts = 0;
	for (i = 0; i < p->nitems; i++)
		if (p->items[i].e->kind == FL_START_EVENT && p->items[i].e->scope == NULL)
			m->starts[m->nstarts++] = p->items[i].e;
	return PT_OK;
}

/* ---- the diagram ---------------------------------------------------------- */

/* The element's name in the XML: what a placeholder stands for, too. */
static const char *
tag(const struct parse *p, const struct fl_element *e)
{
	size_t i;

	if (e->kind != FL_UNSUPPORTED)
		return fl_kind_names[e->kind];
	for (i = 0; i < p->nitems; i++)
		if (p->items[i].e == e)
			return (const char *)p->items[i].node->name;
	return fl_kind_names[e->kind];
}

static int
number(struct parse *p, xmlNodePtr n, const char *name, double *v)
{
	const char *s = attr(p, n, NULL, name);
	char *end;

	if (s == NULL)
		return fail(p, n, "has no %s", name);
	*v = strtod(s, &end);
	if (*end != '\0' || end == s || !isfinite(*v) || fabs(*v) > MAX_COORD)
		return fail(p, n, "has the %s \"%s\", which is no coordinate", name, s);
	return PT_OK;
}

static int
bounds(struct parse *p, xmlNodePtr n, struct fl_bounds *b)
{
	int rc;

	if ((rc = number(p, n, "x", &b->x)) != PT_OK || (rc = number(p, n, "y", &b->y)) != PT_OK ||
	    (rc = number(p, n, "width", &b->width)) != PT_OK ||
	    (rc = number(p, n, "height", &b->height)) != PT_OK)
		return rc;
	if (b->width < 0 || b->height < 0)
		return fail(p, n, "has a negative size");
	return PT_OK;
}

/* The main plane's extent grows to hold (x, y); a subprocess's own plane is drawn apart. */
static void
extend(struct parse *p, double x, double y)
{
	struct fl_model *m = p->m;
	struct fl_bounds *b = &m->extent;

	if (p->plane != NULL)
		return;

	if (!m->has_diagram) {
		b->x = x;
		b->y = y;
		b->width = b->height = 0;
		m->has_diagram = 1;
		return;
	}
	if (x < b->x) {
		b->width += b->x - x;
		b->x = x;
	}
	if (y < b->y) {
		b->height += b->y - y;
		b->y = y;
	}
	if (x > b->x + b->width)
		b->width = x - b->x;
	if (y > b->y + b->height)
		b->height = y - b->y;
}

static int
read_label(struct parse *p, xmlNodePtr n, struct fl_shape *s)
{
	xmlNodePtr l, c;
	int rc;

	for (l = n->children; l != NULL; l = l->next) {
		if (!is(l, FL_NS_BPMNDI, "BPMNLabel"))
			continue;
		for (c = l->children; c != NULL; c = c->next) {
			if (!is(c, FL_NS_DC, "Bounds"))
				continue;
			if ((rc = bounds(p, c, &s->label)) != PT_OK)
				return rc;
			s->has_label = 1;
			extend(p, s->label.x, s->label.y);
			extend(p, s->label.x + s->label.width, s->label.y + s->label.height);
		}
	}
	return PT_OK;
}

static int
read_di_element(struct parse *p, xmlNodePtr n, int edge)
{
	struct fl_element *e;
	struct fl_shape *s;
	xmlNodePtr c;
	const char *ref;
	size_t nw = 0;
	int rc, is_edge_kind, v;

	if (++p->ndi > 2 * FL_BPMN_MAX_ELEMENTS)
		return fail(p, n, "is one diagram element too many");
	if ((ref = attr(p, n, NULL, "bpmnElement")) == NULL)
		return fail(p, n, "names no element (bpmnElement)");
	if ((e = fl_model_find(p->m, ref)) == NULL)
		return fail(p, n, "draws \"%s\", which is no element of the process", ref);
	is_edge_kind = e->kind == FL_SEQUENCE_FLOW || e->kind == FL_ASSOCIATION;
	/* What an unsupported element is drawn as is its own affair: it is refused later. */
	if (edge != is_edge_kind && e->kind != FL_UNSUPPORTED)
		return fail(p, n, "draws %s \"%s\" as %s", tag(p, e), e->id,
		    edge ? "an edge" : "a shape");
	if (e->shape != NULL)
		return fail(p, n, "is a second diagram element for %s \"%s\"", tag(p, e), e->id);
	if ((s = e->shape = pt_arena_alloc(p->a, sizeof(*s))) == NULL)
		return PT_ENOMEM;
	s->id = attr(p, n, NULL, "id");
	s->plane = p->plane;
	if ((v = flag(p, n, NULL, "isExpanded", 1)) < 0 ||
	    (s->horizontal = flag(p, n, NULL, "isHorizontal", 1)) < 0)
		return fail(p, n, "has a flag that is neither true nor false");
	s->expanded = v;
	if (edge) {
		for (c = n->children; c != NULL; c = c->next)
			nw += is(c, FL_NS_DI, "waypoint");
		if (nw < 2)
			return fail(p, n, "has fewer than two waypoints");
		if (nw > MAX_WAYPOINTS)
			return fail(p, n, "has more than %d waypoints", MAX_WAYPOINTS);
		if ((s->waypoints = pt_arena_alloc(p->a, nw * sizeof(*s->waypoints))) == NULL)
			return PT_ENOMEM;
		for (c = n->children; c != NULL; c = c->next) {
			struct fl_point *w;

			if (!is(c, FL_NS_DI, "waypoint"))
				continue;
			w = &s->waypoints[s->nwaypoints++];
			if ((rc = number(p, c, "x", &w->x)) != PT_OK ||
			    (rc = number(p, c, "y", &w->y)) != PT_OK)
				return rc;
			extend(p, w->x, w->y);
		}
	} else {
		for (c = n->children; c != NULL; c = c->next)
			if (is(c, FL_NS_DC, "Bounds"))
				break;
		if (c == NULL)
			return fail(p, n, "has no dc:Bounds");
		if ((rc = bounds(p, c, &s->bounds)) != PT_OK)
			return rc;
		extend(p, s->bounds.x, s->bounds.y);
		extend(p, s->bounds.x + s->bounds.width, s->bounds.y + s->bounds.height);
	}
	return read_label(p, n, s);
}

static int
read_diagram(struct parse *p, xmlNodePtr d)
{
	xmlNodePtr pl, n;
	const char *ref;
	struct fl_element *e;
	int rc;

	for (pl = d->children; pl != NULL; pl = pl->next) {
		if (is(pl, FL_NS_BPMNDI, "BPMNLabelStyle") || !in_ns(pl, FL_NS_BPMNDI))
			continue;
		if (!is(pl, FL_NS_BPMNDI, "BPMNPlane"))
			return fail(p, pl, "is not supported in a diagram");
		ref = attr(p, pl, NULL, "bpmnElement");
		e = fl_model_find(p->m, ref != NULL ? ref : "");
		if (ref == NULL || (e == NULL && (p->collaboration == NULL ||
		    strcmp(ref, p->collaboration) != 0)) ||
		    (e != NULL && e->kind != FL_PROCESS && e->kind != FL_SUBPROCESS &&
		    e->kind != FL_UNSUPPORTED))
			return fail(p, pl, "draws \"%s\", which is neither the process, its collaboration nor a subProcess",
			    ref != NULL ? ref : "");
		/* A collapsed subprocess's content has a plane of its own (a modeller's drill-down). */
		p->plane = e != NULL && e->kind != FL_PROCESS ? e : NULL;
		for (n = pl->children; n != NULL; n = n->next) {
			if (is(n, FL_NS_BPMNDI, "BPMNShape"))
				rc = read_di_element(p, n, 0);
			else if (is(n, FL_NS_BPMNDI, "BPMNEdge"))
				rc = read_di_element(p, n, 1);
			else if (in_ns(n, FL_NS_BPMNDI) || in_ns(n, FL_NS_DI) || in_ns(n, FL_NS_DC))
				rc = fail(p, n, "is not supported in a diagram");
			else
				rc = PT_OK;
			if (rc != PT_OK)
				return rc;
		}
	}
	return PT_OK;
}

/* ---- the whole ------------------------------------------------------------ */

static int
read_definitions(struct parse *p, xmlNodePtr root)
{
	xmlNodePtr n;
	struct fl_element *pe;
	const char *pref;
	int rc;

	if (!is(root, FL_NS_BPMN, "definitions"))
		return fail(p, root, "is no BPMN 2.0 definitions element (namespace " FL_NS_BPMN ")");
	/* Messages and errors first: events refer to them wherever they stand. */
	for (n = root->children; n != NULL; n = n->next) {
		if (is(n, FL_NS_BPMN, "message"))
			rc = collect_named(p, n, &p->messages, &p->nmessages, "name");
		else if (is(n, FL_NS_BPMN, "error"))
			rc = collect_named(p, n, &p->errors, &p->nerrors, "errorCode");
		else if (is(n, FL_NS_BPMN, "category")) {
			xmlNodePtr c;

			rc = PT_OK;
			for (c = n->children; c != NULL && rc == PT_OK; c = c->next)
				if (is(c, FL_NS_BPMN, "categoryValue"))
					rc = collect_named(p, c, &p->categories, &p->ncategories, "value");
		} else
			rc = PT_OK;
		if (rc != PT_OK)
			return rc;
	}
	for (n = root->children; n != NULL; n = n->next) {
		if (is(n, FL_NS_BPMN, "collaboration")) {
			rc = read_collaboration(p, n);
		} else if (is(n, FL_NS_BPMN, "process")) {
			if ((rc = element_new(p, n, FL_PROCESS, NULL, &pe)) != PT_OK)
				return rc;
			if (p->process == NULL) {
				p->process = n;
				p->m->process = pe;
			} else {
				refuse(p, n, "is a second process: Portico runs one process per model");
			}
			if (flag(p, n, NULL, "isClosed", 0) < 0)
				refuse(p, n, "has an isClosed that is neither true nor false");
			rc = read_scope(p, n, NULL);
		} else if (!in_ns(n, FL_NS_BPMN) || is(n, FL_NS_BPMN, "message") ||
		    is(n, FL_NS_BPMN, "error") || is(n, FL_NS_BPMN, "documentation") ||
		    is(n, FL_NS_BPMN, "extensionElements") || is(n, FL_NS_BPMN, "itemDefinition") ||
		    is(n, FL_NS_BPMN, "signal") || is(n, FL_NS_BPMN, "escalation") ||
		    is(n, FL_NS_BPMN, "resource") || is(n, FL_NS_BPMN, "interface") ||
		    is(n, FL_NS_BPMN, "dataStore") || is(n, FL_NS_BPMN, "import") ||
		    is(n, FL_NS_BPMN, "category")) {
			/* Declarations that do nothing by themselves; what uses them is checked. */
			rc = PT_OK;
		} else {
			rc = refuse(p, n, "is not supported (see the supported subset in bpmn.c)");
		}
		if (rc != PT_OK)
			return rc;
	}
	if (p->process == NULL)
		return fail(p, root, "holds no process");
	pe = p->m->process;
	p->m->id = pe->id;
	p->m->name = pe->name;
	p->m->name_de = pe->name_de;
	if (p->participant != NULL) {
		pref = attr(p, p->participant, NULL, "processRef");
		if (pref == NULL || strcmp(pref, pe->id) != 0)
			refuse(p, p->participant, "is a pool without the model's process (processRef)");
	}
	/* Ids and references, the diagram; then the subset; then the structure. */
	if ((rc = index_elements(p)) != PT_OK || (rc = link_flows(p)) != PT_OK)
		return rc;
	for (n = root->children; n != NULL; n = n->next)
		if (is(n, FL_NS_BPMNDI, "BPMNDiagram") && (rc = read_diagram(p, n)) != PT_OK)
			return rc;
	if (p->deferred[0] != '\0') {
		memcpy(p->err, p->deferred, FL_ERROR_BYTES);
		return PT_EINVAL;
	}
	if (p->participant != NULL && p->m->name == NULL) {
		struct fl_element *pp = fl_model_find(p->m, attr(p, p->participant, NULL, "id"));

		if (pp != NULL) {
			p->m->name = pp->name;
			p->m->name_de = pp->name_de;
		}
	}
	return check_structure(p);
}

int
fl_bpmn_parse(struct pt_arena *a, const char *xml, size_t len, struct fl_model **out,
    char err[FL_ERROR_BYTES])
{
	struct parse p;
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	int rc;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.err = err;
	err[0] = '\0';
	*out = NULL;
	if (len > FL_BPMN_MAX_BYTES) {
		snprintf(err, FL_ERROR_BYTES, "the model has %zu bytes, more than %d", len,
		    FL_BPMN_MAX_BYTES);
		return PT_ELIMIT;
	}
	if ((p.m = pt_arena_alloc(a, sizeof(*p.m))) == NULL ||
	    (ctxt = xmlNewParserCtxt()) == NULL) {
		rc = PT_ENOMEM;
		goto out;
	}
	doc = xmlCtxtReadMemory(ctxt, xml, (int)len, "model.bpmn", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
	    XML_PARSE_NOCDATA);
	if (doc == NULL || !ctxt->wellFormed) {
		const xmlError *xe = xmlCtxtGetLastError(ctxt);
		char msg[256];
		size_t n;

		snprintf(msg, sizeof(msg), "%s", xe != NULL && xe->message != NULL ? xe->message :
		    "not XML");
		n = strlen(msg);
		while (n > 0 && msg[n - 1] == '\n')
			msg[--n] = '\0';
		snprintf(err, FL_ERROR_BYTES, "line %d: the model is no well-formed XML: %s",
		    xe != NULL ? xe->line : 0, msg);
		rc = PT_EINVAL;
		goto out;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		snprintf(err, FL_ERROR_BYTES, "line 1: the model has a DTD, which BPMN does not use");
		rc = PT_EINVAL;
		goto out;
	}
	if ((rc = read_definitions(&p, xmlDocGetRootElement(doc))) != PT_OK) {
		if (rc == PT_ENOMEM && err[0] == '\0')
			snprintf(err, FL_ERROR_BYTES, "out of memory");
		goto out;
	}
	*out = p.m;
out:
	free(p.items);
	free(p.messages);
	free(p.errors);
	free(p.categories);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}
