/*
 * model.h — portico-flowd's in-memory form of one deployed BPMN 2.0
 * process definition, and the parts of the engine that need no database:
 * the parser and validator (bpmn.c), timers (timer.c), the expression
 * language (expr.c) and the drawing (svg.c).  They are built into
 * libflowd.a, which the unit tests link now and the daemon later.
 *
 * A model lives in the arena it was parsed into: everything fl_bpmn_parse
 * returns (elements, strings, timers, shapes) is released by one
 * pt_arena_free of that arena, and nothing of it points into the XML
 * document, which is freed before fl_bpmn_parse returns.  A model is
 * immutable once returned, so one copy may serve every instance of its
 * definition version.
 *
 * The supported subset of BPMN and Portico's extension attributes are
 * described at the top of bpmn.c.
 */
#ifndef PORTICO_FLOWD_MODEL_H
#define PORTICO_FLOWD_MODEL_H

#include <stddef.h>
#include <time.h>

#include "portico.h"

/* Namespace URIs: elements are matched by these, never by prefix. */
#define FL_NS_BPMN	"http://www.omg.org/spec/BPMN/20100524/MODEL"
#define FL_NS_BPMNDI	"http://www.omg.org/spec/BPMN/20100524/DI"
#define FL_NS_DC	"http://www.omg.org/spec/DD/20100524/DC"
#define FL_NS_DI	"http://www.omg.org/spec/DD/20100524/DI"
#define FL_NS_XSI	"http://www.w3.org/2001/XMLSchema-instance"
/* Portico's own extension attributes and elements (see bpmn.c). */
#define FL_NS_PORTICO	"https://portico.example/bpmn"

/* ---- timers (timer.c) ------------------------------------------------ */

/* An ISO 8601 duration, PnYnMnWnDTnHnMnS: each part as written. */
struct fl_duration {
	long	 years, months, weeks, days;
	long	 hours, minutes, seconds;
};

enum fl_timer_kind {
	FL_TIMER_DATE,		/* timeDate: one instant */
	FL_TIMER_DURATION,	/* timeDuration: once, that long after it was armed */
	FL_TIMER_CYCLE		/* timeCycle: Rn/[start/]duration, repeated */
};

struct fl_timer {
	enum fl_timer_kind kind;
	const char	*text;		/* as written in the model */
	time_t		 at;		/* DATE: the instant; CYCLE: the first firing when has_start */
	int		 has_start;
	struct fl_duration every;	/* DURATION and CYCLE */
	long		 repeat;	/* CYCLE: firings in all, -1 for R/ (unbounded) */
	/*
	 * portico:businessTime="true" on the timerEventDefinition: the
	 * duration counts the business hours of the instance's org's
	 * calendar, as SLA clocks do; the daemon applies it, this model
	 * only carries it.
	 */
	int		 business_time;
};

/*
 * Parse an ISO 8601 instant: "YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss[.f]]"
 * followed by "Z", "+hh:mm", "-hh:mm", "+hhmm" or nothing (UTC).  PT_OK
 * with *t, else PT_EINVAL.
 */
int	 fl_time_parse(const char *s, time_t *t);
/* An ISO 8601 duration (P1D, PT2H30M, P1Y2M, P2W).  PT_OK, else PT_EINVAL. */
int	 fl_duration_parse(const char *s, struct fl_duration *d);
/* Seconds in d when it has no years or months (exact); -1 when it has. */
long long fl_duration_seconds(const struct fl_duration *d);
/*
 * from plus n times d on the UTC calendar: years and months move the
 * calendar date (31 Jan + P1M = 28/29 Feb, as a date clamps to its
 * month's end), the rest is exact.  PT_OK with *out, PT_ELIMIT when the
 * result would pass 9999-12-31.
 */
int	 fl_duration_add(const struct fl_duration *d, time_t from, long n, time_t *out);
/*
 * Parse a timer of the kind given from its text.  PT_OK, else PT_EINVAL
 * with a reason in err (size bytes).  The timer's text points at s, which
 * the caller keeps alive.
 */
int	 fl_timer_parse(enum fl_timer_kind, const char *s, struct fl_timer *,
	    char *err, size_t size);
/*
 * When the timer, armed at armed_at and fired `fired` times so far, is due
 * next: PT_OK with *due, or PT_ENOTFOUND when it fires no more (a date or
 * duration that fired, a cycle that has repeated its count).
 */
int	 fl_timer_due(const struct fl_timer *, time_t armed_at, long fired, time_t *due);

/* ---- the model ------------------------------------------------------- */

enum fl_kind {
	FL_START_EVENT,
	FL_END_EVENT,
	FL_TASK,		/* an untyped task: passes its token on at once */
	FL_USER_TASK,
	FL_SERVICE_TASK,
	FL_SEND_TASK,
	FL_RECEIVE_TASK,
	FL_SUBPROCESS,		/* embedded */
	FL_CALL_ACTIVITY,
	FL_EXCLUSIVE_GATEWAY,
	FL_PARALLEL_GATEWAY,
	FL_EVENT_GATEWAY,
	FL_CATCH_EVENT,		/* intermediateCatchEvent */
	FL_BOUNDARY_EVENT,
	FL_SEQUENCE_FLOW,
	/* Drawn, never executed. */
	FL_PROCESS,		/* the process itself (the plane of its diagram) */
	FL_PARTICIPANT,		/* a pool */
	FL_LANE,
	FL_ANNOTATION,		/* textAnnotation */
	FL_ASSOCIATION,
	FL_GROUP,		/* named by its categoryValue */
	/*
	 * An element outside the supported subset: only while parsing, so
	 * that broken references are reported before what is unsupported.
	 * A model fl_bpmn_parse returns never holds one.
	 */
	FL_UNSUPPORTED,
	FL_KIND__MAX
};
/* The BPMN element names, in the order of enum fl_kind. */
extern const char *const fl_kind_names[FL_KIND__MAX];

/* What triggers an event (none for a plain start or end). */
enum fl_trigger {
	FL_TRIGGER_NONE,
	FL_TRIGGER_TIMER,
	FL_TRIGGER_MESSAGE,
	FL_TRIGGER_ERROR,
	FL_TRIGGER_TERMINATE,
	FL_TRIGGER__MAX
};
extern const char *const fl_trigger_names[FL_TRIGGER__MAX];

/* A form field of a user task: <portico:field .../> in <portico:form>. */
enum fl_field_type {
	FL_FIELD_STRING,	/* one line of text */
	FL_FIELD_TEXT,		/* several lines */
	FL_FIELD_NUMBER,
	FL_FIELD_BOOLEAN,
	FL_FIELD_DATE,
	FL_FIELD__MAX
};
extern const char *const fl_field_type_names[FL_FIELD__MAX];

struct fl_field {
	const char	*name;		/* the variable it sets */
	enum fl_field_type type;
	const char	*label, *label_de;
	int		 required;
};

/* Who may work on a user task, and when it is due. */
enum fl_org_scope {
	FL_SCOPE_INSTANCE,	/* people of the instance's org (the default) */
	FL_SCOPE_PROVIDER,	/* the provider's staff */
	FL_SCOPE__MAX
};
extern const char *const fl_scope_names[FL_SCOPE__MAX];

struct fl_user_task {
	const char	**roles;	/* candidate role names */
	size_t		 nroles;
	enum fl_org_scope scope;
	const char	*assignee;	/* an expression giving a user id, or NULL */
	struct fl_expr	*assignee_compiled;	/* parsed once at deploy */
	const char	*due;		/* ISO 8601 duration after creation, or NULL */
	struct fl_duration due_after;
	int		 due_business_time;
	int		 notify;	/* mail its people when it is made and before it is due */
	struct fl_field	*fields;
	size_t		 nfields;
};

/*
 * A name and its value: an assignment (<portico:set name="x" expr="..."/>),
 * an action's parameter (<portico:param name="to" value="..."/> for a
 * literal, expr="..." for an expression) or a flow's condition (name NULL).
 */
struct fl_expr;
struct fl_binding {
	const char	*name;
	const char	*value;		/* a literal, or NULL */
	const char	*expr;		/* expression language text (expr.c), or NULL */
	struct fl_expr	*compiled;	/* expr parsed once at deploy */
};

/* The diagram of one element: BPMNShape or BPMNEdge. */
struct fl_point {
	double		 x, y;
};
struct fl_bounds {
	double		 x, y, width, height;
};
struct fl_shape {
	const char	*id;		/* the DI element's own id (may be NULL) */
	struct fl_bounds bounds;	/* shapes */
	struct fl_point	*waypoints;	/* edges: two at least */
	size_t		 nwaypoints;
	int		 has_label;
	struct fl_bounds label;
	int		 expanded;	/* subProcess: isExpanded (default true) */
	/*
	 * The collapsed subProcess whose own plane (BPMNPlane bpmnElement=
	 * its id, as modellers write a drill-down) holds the shape; NULL for
	 * the main plane of the process or its collaboration.
	 */
	const struct fl_element *plane;
	int		 horizontal;	/* pools and lanes: isHorizontal (default true) */
};

struct fl_element {
	const char	*id;
	enum fl_kind	 kind;
	enum fl_trigger	 trigger;	/* events only */
	const char	*name;		/* English (the BPMN name), may be NULL */
	const char	*name_de;	/* portico:name-de, may be NULL */
	long		 line;		/* in the XML as deployed */
	struct fl_element *scope;	/* the subProcess holding it, NULL at the top */

	/* Flow nodes: sequence flows in and out, in document order. */
	struct fl_element **incoming, **outgoing;
	size_t		 nincoming, noutgoing;
	struct fl_element *default_flow; /* exclusive gateways: taken when no condition holds */

	/* Activities: their boundary events; a subProcess: its children. */
	struct fl_element **boundaries, **children;
	size_t		 nboundaries, nchildren;

	/* Boundary events. */
	struct fl_element *attached_to;
	int		 interrupting;	/* cancelActivity (default true) */

	/* Events by trigger. */
	struct fl_timer	*timer;
	const char	*message;	/* the message's name: what workers correlate on */
	const char	*error_code;	/* thrown or caught; NULL on a boundary catches every error */

	/* Sequence flows and associations. */
	struct fl_element *source, *target;
	struct fl_binding *condition;	/* conditionExpression, NULL for none */

	/* Task kinds. */
	struct fl_user_task *user;	/* userTask */
	const char	*action;	/* serviceTask, sendTask: an action name (fl_actions) */
	struct fl_binding *params;	/* the action's parameters */
	size_t		 nparams;
	struct fl_binding *assignments;	/* <portico:set>, run when the node completes */
	size_t		 nassignments;
	const char	*called;	/* callActivity: the called process's id */
	const char	*text;		/* textAnnotation */

	struct fl_shape	*shape;		/* NULL when the diagram lacks it */
};

struct fl_model {
	const char	*id;		/* the process's id: a definition's key */
	const char	*name, *name_de;
	struct fl_element *process;	/* the FL_PROCESS element */
	struct fl_element **elements;	/* every element, sorted by id */
	size_t		 nelements;
	struct fl_element **top;	/* the process's own flow elements, in document order */
	size_t		 ntop;
	struct fl_element **starts;	/* its start events */
	size_t		 nstarts;
	int		 has_diagram;
	struct fl_bounds extent;	/* what the main plane covers (labels included) */
};

/* The element with that id, or NULL. */
struct fl_element *fl_model_find(const struct fl_model *, const char *id);
/* Is the kind a flow node (one that tokens pass)? An activity (may hold boundary events)? */
int	 fl_kind_is_node(enum fl_kind);
int	 fl_kind_is_activity(enum fl_kind);

/*
 * The service actions portico-flowd runs (serviceTask and sendTask name
 * one in portico:action); a model that names another is refused.  Each
 * action lists the parameters it requires.
 */
struct fl_action {
	const char	*name;
	const char	*const *required;	/* NULL-terminated */
	const char	*about;
};
extern const struct fl_action fl_actions[];
const struct fl_action *fl_action_find(const char *name);

/* ---- the parser (bpmn.c) --------------------------------------------- */

#define FL_BPMN_MAX_BYTES	(2 * 1024 * 1024)
#define FL_BPMN_MAX_ELEMENTS	5000
#define FL_ERROR_BYTES		512

/*
 * Parse and validate a BPMN 2.0 document of len bytes into a model in
 * arena a.  PT_OK with *out; PT_ELIMIT (too large, too many elements) or
 * PT_EINVAL with a message in err naming the element, its id and its
 * line, e.g.
 *   line 7: boundaryEvent "BoundaryEvent_1" is attached to nothing (no attachedToRef)
 * What was allocated in a before a failure stays there until the arena
 * is reset or freed.
 */
int	 fl_bpmn_parse(struct pt_arena *a, const char *xml, size_t len,
	    struct fl_model **out, char err[FL_ERROR_BYTES]);

#endif
