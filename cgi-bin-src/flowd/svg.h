/*
 * svg.h — a model's diagram as SVG, drawn from its BPMN DI: shapes from
 * dc:Bounds, edges from di:waypoint, labels, gateway markers and event
 * icons, for the process administration pages (no JavaScript needed).
 *
 * The drawing is a libxml2 tree, so every name and label is escaped by
 * the library.  Colours are presentation attributes (a page's CSP allows
 * no inline style); every element's group carries classes (fl-el,
 * fl-<kind>, fl-active, fl-taken) and data-element="<id>" for a
 * stylesheet to refine.
 */
#ifndef PORTICO_FLOWD_SVG_H
#define PORTICO_FLOWD_SVG_H

#include <stddef.h>

#include <libxml/tree.h>

#include "model.h"

#define FL_SVG_NS	"http://www.w3.org/2000/svg"

/* A count shown as a badge at an element's top right (instances waiting there, say). */
struct fl_svg_count {
	const char	*id;
	long		 count;
};

/* What to mark on the drawing; every part may be empty (NULL, 0). */
struct fl_svg_marks {
	const char *const *active;	/* element ids highlighted: where tokens wait */
	size_t		 nactive;
	const char *const *taken;	/* ids of nodes and flows already passed: shaded */
	size_t		 ntaken;
	const struct fl_svg_count *counts;
	size_t		 ncounts;
	const char	*lang;		/* "de": German names where the model has them */
	const char	*id_prefix;	/* for the ids inside the SVG (markers); "fl" when NULL */
	/*
	 * NULL: the main plane.  A collapsed subProcess's id: the content
	 * of its own plane, where the model has one (a modeller's drill-down).
	 */
	const char	*plane;
};

/*
 * Draw model m as an <svg> element: the root of doc when parent is NULL,
 * else appended to parent (which belongs to doc).  PT_OK with *out (may
 * be NULL) pointing at it; PT_ENOTFOUND when the model (or the plane
 * asked for) has no diagram; PT_ENOMEM.  doc owns what is made.
 */
int	 fl_svg_draw(const struct fl_model *m, const struct fl_svg_marks *marks, xmlDocPtr doc,
	    xmlNodePtr parent, xmlNodePtr *out);

#endif
