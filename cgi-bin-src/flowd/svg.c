/*
 * A model's diagram as SVG (see svg.h).  Layers, back to front: pools and
 * lanes, expanded subprocesses (larger first), edges, the other shapes,
 * then the count badges.  Shapes follow the BPMN notation as modellers
 * draw it: tasks are rounded rectangles with a type icon, events circles
 * (thin start, double intermediate, dashed non-interrupting, thick end)
 * with their trigger's icon, gateways diamonds with X, + or the
 * event-based pentagon.  Coordinates are written with one decimal and
 * without the C locale's help, so a worker's locale never turns them
 * into "12,5".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "svg.h"

#define MARGIN		20.0
#define LINE_HEIGHT	14.0
#define CHAR_WIDTH	6.5
#define MAX_LINES	6
#define LABEL_WIDTH	90.0

#define INK		"#1f2933"
#define PAPER		"#ffffff"
#define ACTIVE_INK	"#0b57d0"
#define ACTIVE_PAPER	"#d3e3fd"
#define TAKEN_INK	"#2e7d32"
#define TAKEN_PAPER	"#e3efe3"
#define BADGE		"#0b57d0"

struct draw {
	const struct fl_model *m;
	const struct fl_svg_marks *mk;
	const char	*prefix;
	xmlNodePtr	 pools, subs, edges, shapes, badges;
	int		 oom;
};

enum mark {
	MARK_NONE,
	MARK_TAKEN,
	MARK_ACTIVE
};

static xmlNodePtr
el(struct draw *d, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n;

	if (parent == NULL)
		return NULL;
	if ((n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL)) == NULL)
		d->oom = 1;
	return n;
}

static void
set(struct draw *d, xmlNodePtr n, const char *name, const char *value)
{
	if (n != NULL && xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value) == NULL)
		d->oom = 1;
}

/* x with at most one decimal into buf, a point whatever the locale. */
static void
fmt_num(char *buf, size_t size, double x)
{
	long long tenths = llround(x * 10);
	long long whole = llabs(tenths) / 10, frac = llabs(tenths) % 10;

	if (frac != 0)
		snprintf(buf, size, "%s%lld.%lld", tenths < 0 ? "-" : "", whole, frac);
	else
		snprintf(buf, size, "%s%lld", tenths < 0 && whole != 0 ? "-" : "", whole);
}

static void
setn(struct draw *d, xmlNodePtr n, const char *name, double x)
{
	char buf[32];

	fmt_num(buf, sizeof(buf), x);
	set(d, n, name, buf);
}

/* Append "x,y" (after a space unless first) to buf (size bytes, *len used). */
static void
point(char *buf, size_t size, size_t *len, double x, double y)
{
	char xs[32], ys[32];

	fmt_num(xs, sizeof(xs), x);
	fmt_num(ys, sizeof(ys), y);
	if (*len < size)
		*len += (size_t)snprintf(buf + *len, size - *len, "%s%s,%s", *len > 0 ? " " : "",
		    xs, ys);
}

/* Text content for n, escaped when serialised. */
static void
add_text(struct draw *d, xmlNodePtr n, const char *s)
{
	xmlNodePtr t;

	if (n == NULL)
		return;
	if ((t = xmlNewDocText(n->doc, (const xmlChar *)s)) == NULL || xmlAddChild(n, t) == NULL) {
		xmlFreeNode(t);
		d->oom = 1;
	}
}

static int
listed(const char *id, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] != NULL && strcmp(v[i], id) == 0)
			return 1;
	return 0;
}

static enum mark
mark_of(const struct draw *d, const struct fl_element *e)
{
	if (listed(e->id, d->mk->active, d->mk->nactive))
		return MARK_ACTIVE;
	if (listed(e->id, d->mk->taken, d->mk->ntaken))
		return MARK_TAKEN;
	return MARK_NONE;
}

static const char *
label_of(const struct draw *d, const struct fl_element *e)
{
	if (d->mk->lang != NULL && strcmp(d->mk->lang, "de") == 0 && e->name_de != NULL)
		return e->name_de;
	return e->name;
}

static const char *
ink(enum mark k)
{
	return k == MARK_ACTIVE ? ACTIVE_INK : k == MARK_TAKEN ? TAKEN_INK : INK;
}

static const char *
paper(enum mark k)
{
	return k == MARK_ACTIVE ? ACTIVE_PAPER : k == MARK_TAKEN ? TAKEN_PAPER : PAPER;
}

/* Stroke and fill of a drawn part. */
static void
paint(struct draw *d, xmlNodePtr n, const char *stroke, const char *fill, double width)
{
	set(d, n, "stroke", stroke);
	set(d, n, "fill", fill);
	setn(d, n, "stroke-width", width);
}

/* The group of one element: classes, its id, and a title with its name. */
static xmlNodePtr
group(struct draw *d, xmlNodePtr layer, const struct fl_element *e, enum mark k)
{
	char cls[96];
	const char *name = label_of(d, e);
	xmlNodePtr g = el(d, layer, "g"), t;

	snprintf(cls, sizeof(cls), "fl-el fl-%s%s", fl_kind_names[e->kind],
	    k == MARK_ACTIVE ? " fl-active" : k == MARK_TAKEN ? " fl-taken" : "");
	set(d, g, "class", cls);
	set(d, g, "data-element", e->id);
	t = el(d, g, "title");
	add_text(d, t, name != NULL ? name : e->id);
	return g;
}

/* Word-wrapped text: lines of at most width, centred on cx (or from cx when start). */
static void
text_block(struct draw *d, xmlNodePtr g, const char *s, double cx, double cy, double width,
    int centre_v, int start)
{
	size_t starts[MAX_LINES], lens[MAX_LINES], nlines = 0, max = (size_t)(width / CHAR_WIDTH);
	const char *p = s;
	xmlNodePtr t;
	size_t i;

	if (s == NULL)
		return;
	if (max < 4)
		max = 4;
	/* Lines break at white space; a word longer than a line stands alone. */
	while (*p != '\0' && nlines < MAX_LINES) {
		const char *line, *end, *q;
		size_t chars = 0;

		while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		line = end = p;
		for (q = p; *q != '\0' && *q != '\n';) {
			const char *w = q;
			size_t wchars = 0;

			while (*q != '\0' && *q != ' ' && *q != '\n' && *q != '\t' && *q != '\r') {
				wchars += ((unsigned char)*q & 0xc0) != 0x80;
				q++;
			}
			if (chars > 0 && chars + 1 + wchars > max) {
				q = w;
				break;
			}
			chars += (chars > 0) + wchars;
			end = q;
			while (*q == ' ' || *q == '\t' || *q == '\r')
				q++;
		}
		starts[nlines] = (size_t)(line - s);
		lens[nlines] = (size_t)(end - line);
		nlines++;
		p = q;
	}
	if (nlines == 0)
		return;
	/* What did not fit is cut, and the last line says so. */
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	t = el(d, g, "text");
	set(d, t, "font-family", "sans-serif");
	set(d, t, "font-size", "12");
	set(d, t, "fill", INK);
	set(d, t, "text-anchor", start ? "start" : "middle");
	setn(d, t, "x", cx);
	setn(d, t, "y", centre_v ? cy - (double)(nlines - 1) * LINE_HEIGHT / 2 + 4 : cy + 10);
	for (i = 0; i < nlines; i++) {
		xmlChar *line = xmlStrndup((const xmlChar *)s + starts[i], (int)lens[i]);
		xmlNodePtr span;

		if (line != NULL && i == nlines - 1 && *p != '\0')
			line = xmlStrcat(line, (const xmlChar *)"\xe2\x80\xa6");	/* … */
		if (line == NULL) {
			d->oom = 1;
			return;
		}
		span = xmlNewTextChild(t, NULL, (const xmlChar *)"tspan", line);
		xmlFree(line);
		if (span == NULL) {
			d->oom = 1;
			return;
		}
		setn(d, span, "x", cx);
		if (i > 0)
			setn(d, span, "dy", LINE_HEIGHT);
	}
}

static xmlNodePtr
rect(struct draw *d, xmlNodePtr g, double x, double y, double w, double h, double r)
{
	xmlNodePtr n = el(d, g, "rect");

	setn(d, n, "x", x);
	setn(d, n, "y", y);
	setn(d, n, "width", w);
	setn(d, n, "height", h);
	if (r > 0) {
		setn(d, n, "rx", r);
		setn(d, n, "ry", r);
	}
	return n;
}

static xmlNodePtr
circle(struct draw *d, xmlNodePtr g, double cx, double cy, double r)
{
	xmlNodePtr n = el(d, g, "circle");

	setn(d, n, "cx", cx);
	setn(d, n, "cy", cy);
	setn(d, n, "r", r);
	return n;
}

static xmlNodePtr
line(struct draw *d, xmlNodePtr g, double x1, double y1, double x2, double y2, const char *stroke,
    double width)
{
	xmlNodePtr n = el(d, g, "line");

	setn(d, n, "x1", x1);
	setn(d, n, "y1", y1);
	setn(d, n, "x2", x2);
	setn(d, n, "y2", y2);
	set(d, n, "stroke", stroke);
	setn(d, n, "stroke-width", width);
	return n;
}

/* A polygon or polyline through n points (xs, ys). */
static xmlNodePtr
poly(struct draw *d, xmlNodePtr g, const char *kind, const double *xs, const double *ys, size_t n)
{
	/* A coordinate is at most 10 characters (|x| <= 1e6, one decimal): 24 a point is ample. */
	size_t size = n * 24 + 1, len = 0, i;
	xmlNodePtr p = el(d, g, kind);
	char *buf;

	if ((buf = malloc(size)) == NULL) {
		d->oom = 1;
		return p;
	}
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		point(buf, size, &len, xs[i], ys[i]);
	set(d, p, "points", buf);
	free(buf);
	return p;
}

/* An envelope of width w centred on (cx, cy); filled for what is sent. */
static void
envelope(struct draw *d, xmlNodePtr g, double cx, double cy, double w, int filled, const char *stroke)
{
	double h = w * 0.68, x = cx - w / 2, y = cy - h / 2;
	double fx[3] = { x, cx, x + w }, fy[3] = { y, cy, y };
	xmlNodePtr r = rect(d, g, x, y, w, h, 0), flap;

	paint(d, r, stroke, filled ? stroke : PAPER, 1);
	flap = poly(d, g, "polyline", fx, fy, 3);
	paint(d, flap, filled ? PAPER : stroke, "none", 1);
}

static void
timer_icon(struct draw *d, xmlNodePtr g, double cx, double cy, double r, const char *stroke)
{
	xmlNodePtr c = circle(d, g, cx, cy, r);

	paint(d, c, stroke, PAPER, 1.5);
	line(d, g, cx, cy, cx, cy - r * 0.75, stroke, 1.5);
	line(d, g, cx, cy, cx + r * 0.5, cy, stroke, 1.5);
}

/* The error zigzag inside a circle of radius r; filled when thrown. */
static void
bolt(struct draw *d, xmlNodePtr g, double cx, double cy, double r, int filled, const char *stroke)
{
	double xs[6] = { cx - r * 0.5, cx - r * 0.15, cx + r * 0.15, cx + r * 0.5, cx + r * 0.15, cx - r * 0.15 };
	double ys[6] = { cy + r * 0.55, cy - r * 0.45, cy + r * 0.05, cy - r * 0.55, cy + r * 0.45, cy - r * 0.05 };
	xmlNodePtr p = poly(d, g, "polygon", xs, ys, 6);

	paint(d, p, stroke, filled ? stroke : PAPER, 1.5);
}

static void
draw_event(struct draw *d, const struct fl_element *e, enum mark k)
{
	const struct fl_bounds *b = &e->shape->bounds;
	double cx = b->x + b->width / 2, cy = b->y + b->height / 2;
	double r = (b->width < b->height ? b->width : b->height) / 2;
	xmlNodePtr g = group(d, d->shapes, e, k), c;
	int thrown = e->kind == FL_END_EVENT;

	c = circle(d, g, cx, cy, r);
	paint(d, c, ink(k), paper(k), e->kind == FL_END_EVENT ? 4 : k == MARK_ACTIVE ? 3 : 1.5);
	if (e->kind == FL_BOUNDARY_EVENT && !e->interrupting)
		set(d, c, "stroke-dasharray", "5 3");
	if (e->kind == FL_CATCH_EVENT || e->kind == FL_BOUNDARY_EVENT) {
		c = circle(d, g, cx, cy, r - 3);
		paint(d, c, ink(k), "none", 1.5);
		if (!e->interrupting)
			set(d, c, "stroke-dasharray", "5 3");
	}
	switch (e->trigger) {
	case FL_TRIGGER_TIMER:
		timer_icon(d, g, cx, cy, r * 0.6, ink(k));
		break;
	case FL_TRIGGER_MESSAGE:
		envelope(d, g, cx, cy, r * 1.1, thrown, ink(k));
		break;
	case FL_TRIGGER_ERROR:
		bolt(d, g, cx, cy, r, thrown, ink(k));
		break;
	case FL_TRIGGER_TERMINATE:
		c = circle(d, g, cx, cy, r * 0.6);
		paint(d, c, ink(k), ink(k), 1);
		break;
	default:
		break;
	}
	if (e->shape->has_label && e->shape->label.width > 0)
		text_block(d, g, label_of(d, e), e->shape->label.x + e->shape->label.width / 2,
		    e->shape->label.y, e->shape->label.width < LABEL_WIDTH ? LABEL_WIDTH :
		    e->shape->label.width, 0, 0);
	else
		text_block(d, g, label_of(d, e), cx, b->y + b->height + 2, LABEL_WIDTH, 0, 0);
}

static void
draw_gateway(struct draw *d, const struct fl_element *e, enum mark k)
{
	const struct fl_bounds *b = &e->shape->bounds;
	double cx = b->x + b->width / 2, cy = b->y + b->height / 2, w = b->width, h = b->height;
	double xs[4] = { cx, b->x + w, cx, b->x }, ys[4] = { b->y, cy, b->y + h, cy };
	xmlNodePtr g = group(d, d->shapes, e, k), p, c;

	p = poly(d, g, "polygon", xs, ys, 4);
	paint(d, p, ink(k), paper(k), k == MARK_ACTIVE ? 3 : 1.5);
	if (e->kind == FL_EXCLUSIVE_GATEWAY) {
		line(d, g, cx - w * 0.18, cy - h * 0.18, cx + w * 0.18, cy + h * 0.18, ink(k), 3.5);
		line(d, g, cx - w * 0.18, cy + h * 0.18, cx + w * 0.18, cy - h * 0.18, ink(k), 3.5);
	} else if (e->kind == FL_PARALLEL_GATEWAY) {
		line(d, g, cx, cy - h * 0.25, cx, cy + h * 0.25, ink(k), 3.5);
		line(d, g, cx - w * 0.25, cy, cx + w * 0.25, cy, ink(k), 3.5);
	} else {
		double r = w * 0.28, px[5], py[5];
		int i;

		c = circle(d, g, cx, cy, r);
		paint(d, c, ink(k), "none", 1);
		c = circle(d, g, cx, cy, r - 3);
		paint(d, c, ink(k), "none", 1);
		/* The pentagon, one corner up. */
		for (i = 0; i < 5; i++) {
			double a = -M_PI / 2 + i * 2 * M_PI / 5;

			px[i] = cx + (r - 6) * cos(a);
			py[i] = cy + (r - 6) * sin(a);
		}
		p = poly(d, g, "polygon", px, py, 5);
		paint(d, p, ink(k), "none", 1.5);
	}
	if (e->shape->has_label && e->shape->label.width > 0)
		text_block(d, g, label_of(d, e), e->shape->label.x + e->shape->label.width / 2,
		    e->shape->label.y, e->shape->label.width < LABEL_WIDTH ? LABEL_WIDTH :
		    e->shape->label.width, 0, 0);
	else
		text_block(d, g, label_of(d, e), cx, b->y + h + 2, LABEL_WIDTH, 0, 0);
}

/* A little person: the user task's icon at (x, y). */
static void
person(struct draw *d, xmlNodePtr g, double x, double y, const char *stroke)
{
	xmlNodePtr n = circle(d, g, x + 7, y + 4, 3.5), body;
	char x0[32], x1[32], x2[32], top[32], bottom[32], path[200];

	paint(d, n, stroke, PAPER, 1.2);
	/* The shoulders: a curve from the left foot over the head's centre to the right. */
	fmt_num(x0, sizeof(x0), x);
	fmt_num(x1, sizeof(x1), x + 7);
	fmt_num(x2, sizeof(x2), x + 14);
	fmt_num(top, sizeof(top), y + 4);
	fmt_num(bottom, sizeof(bottom), y + 15);
	snprintf(path, sizeof(path), "M %s,%s Q %s,%s %s,%s Z", x0, bottom, x1, top, x2, bottom);
	body = el(d, g, "path");
	set(d, body, "d", path);
	paint(d, body, stroke, PAPER, 1.2);
}

static void
gear(struct draw *d, xmlNodePtr g, double cx, double cy, const char *stroke)
{
	xmlNodePtr n = circle(d, g, cx, cy, 6);

	paint(d, n, stroke, PAPER, 3);
	set(d, n, "stroke-dasharray", "2.4 2.3");
	n = circle(d, g, cx, cy, 2.5);
	paint(d, n, stroke, PAPER, 1.2);
}

static void
draw_activity(struct draw *d, const struct fl_element *e, enum mark k)
{
	const struct fl_bounds *b = &e->shape->bounds;
	int expanded = e->kind == FL_SUBPROCESS && e->shape->expanded;
	xmlNodePtr g = group(d, expanded ? d->subs : d->shapes, e, k), r;

	r = rect(d, g, b->x, b->y, b->width, b->height, 10);
	paint(d, r, ink(k), expanded && k == MARK_NONE ? "none" : paper(k),
	    e->kind == FL_CALL_ACTIVITY ? 4 : k == MARK_ACTIVE ? 3 : 1.5);
	switch (e->kind) {
	case FL_USER_TASK:
		person(d, g, b->x + 6, b->y + 6, ink(k));
		break;
	case FL_SERVICE_TASK:
		gear(d, g, b->x + 13, b->y + 13, ink(k));
		break;
	case FL_SEND_TASK:
		envelope(d, g, b->x + 14, b->y + 12, 16, 1, ink(k));
		break;
	case FL_RECEIVE_TASK:
		envelope(d, g, b->x + 14, b->y + 12, 16, 0, ink(k));
		break;
	case FL_SUBPROCESS:
	case FL_CALL_ACTIVITY:
		if (!expanded) {
			double mx = b->x + b->width / 2, my = b->y + b->height - 9;

			r = rect(d, g, mx - 7, my - 7, 14, 14, 0);
			paint(d, r, ink(k), "none", 1);
			line(d, g, mx - 4, my, mx + 4, my, ink(k), 1.5);
			line(d, g, mx, my - 4, mx, my + 4, ink(k), 1.5);
		}
		break;
	default:
		break;
	}
	if (expanded)
		text_block(d, g, label_of(d, e), b->x + 8, b->y + 4, b->width - 16, 0, 1);
	else
		text_block(d, g, label_of(d, e), b->x + b->width / 2, b->y + b->height / 2,
		    b->width - 8, 1, 0);
}

static void
draw_pool(struct draw *d, const struct fl_element *e, enum mark k)
{
	const struct fl_bounds *b = &e->shape->bounds;
	xmlNodePtr g = group(d, d->pools, e, k), r, t;
	char rot[96];
	const char *name = label_of(d, e);
	size_t len = 0;
	double cx = b->x + 15, cy = b->y + b->height / 2;

	r = rect(d, g, b->x, b->y, b->width, b->height, 0);
	paint(d, r, INK, "none", e->kind == FL_PARTICIPANT ? 1.5 : 1);
	if (e->kind == FL_PARTICIPANT)
		line(d, g, b->x + 30, b->y, b->x + 30, b->y + b->height, INK, 1.5);
	if (name == NULL || !e->shape->horizontal)
		return;
	/* The name reads upwards in the band at the left. */
	t = el(d, g, "text");
	add_text(d, t, name);
	set(d, t, "font-family", "sans-serif");
	set(d, t, "font-size", "12");
	set(d, t, "fill", INK);
	set(d, t, "text-anchor", "middle");
	setn(d, t, "x", cx);
	setn(d, t, "y", cy + 4);
	rot[0] = '\0';
	len += (size_t)snprintf(rot, sizeof(rot), "rotate(-90 ");
	point(rot, sizeof(rot), &len, cx, cy);
	snprintf(rot + len, sizeof(rot) - len, ")");
	set(d, t, "transform", rot);
}

/* A group: a dashed rounded frame, its name at the top left, behind the shapes. */
static void
draw_group(struct draw *d, const struct fl_element *e)
{
	const struct fl_bounds *b = &e->shape->bounds;
	xmlNodePtr g = group(d, d->pools, e, MARK_NONE), r;

	r = rect(d, g, b->x, b->y, b->width, b->height, 10);
	paint(d, r, INK, "none", 1);
	set(d, r, "stroke-dasharray", "8 4 1 4");
	text_block(d, g, label_of(d, e), b->x + 8, b->y + 4, b->width - 16, 0, 1);
}

static void
draw_annotation(struct draw *d, const struct fl_element *e)
{
	const struct fl_bounds *b = &e->shape->bounds;
	double xs[4] = { b->x + 12, b->x, b->x, b->x + 12 };
	double ys[4] = { b->y, b->y, b->y + b->height, b->y + b->height };
	xmlNodePtr g = group(d, d->shapes, e, MARK_NONE), p;

	p = poly(d, g, "polyline", xs, ys, 4);
	paint(d, p, INK, "none", 1);
	text_block(d, g, e->text, b->x + 5, b->y + 2, b->width - 8, 0, 1);
}

static void
draw_edge(struct draw *d, const struct fl_element *e, enum mark k)
{
	const struct fl_shape *s = e->shape;
	xmlNodePtr g = group(d, d->edges, e, k), p;
	double *xs, *ys, lx, ly;
	char url[64];
	size_t i, mid;

	if ((xs = calloc(s->nwaypoints, sizeof(*xs))) == NULL ||
	    (ys = calloc(s->nwaypoints, sizeof(*ys))) == NULL) {
		free(xs);
		d->oom = 1;
		return;
	}
	for (i = 0; i < s->nwaypoints; i++) {
		xs[i] = s->waypoints[i].x;
		ys[i] = s->waypoints[i].y;
	}
	p = poly(d, g, "polyline", xs, ys, s->nwaypoints);
	free(xs);
	free(ys);
	paint(d, p, k == MARK_TAKEN ? TAKEN_INK : INK, "none", k == MARK_TAKEN ? 2.5 : 1.5);
	if (e->kind == FL_ASSOCIATION) {
		set(d, p, "stroke-dasharray", "2 3");
	} else {
		snprintf(url, sizeof(url), "url(#%s-arrow%s)", d->prefix, k == MARK_TAKEN ? "-taken" : "");
		set(d, p, "marker-end", url);
	}
	/* The default flow's slash, a little way along its first segment. */
	if (e->kind == FL_SEQUENCE_FLOW && e->source != NULL && e->source->default_flow == e) {
		double dx = s->waypoints[1].x - s->waypoints[0].x, dy = s->waypoints[1].y - s->waypoints[0].y;
		double len = sqrt(dx * dx + dy * dy);

		if (len > 0) {
			double ux = dx / len, uy = dy / len, bx = s->waypoints[0].x + ux * 12,
			    by = s->waypoints[0].y + uy * 12;

			line(d, g, bx - 5 * (ux + uy), by - 5 * (uy - ux), bx + 5 * (ux + uy),
			    by + 5 * (uy - ux), k == MARK_TAKEN ? TAKEN_INK : INK, 1.5);
		}
	}
	if (label_of(d, e) == NULL)
		return;
	if (s->has_label && s->label.width > 0) {
		text_block(d, g, label_of(d, e), s->label.x + s->label.width / 2, s->label.y,
		    s->label.width < LABEL_WIDTH ? LABEL_WIDTH : s->label.width, 0, 0);
		return;
	}
	mid = (s->nwaypoints - 1) / 2;
	lx = (s->waypoints[mid].x + s->waypoints[mid + 1].x) / 2;
	ly = (s->waypoints[mid].y + s->waypoints[mid + 1].y) / 2;
	text_block(d, g, label_of(d, e), lx, ly - 18, LABEL_WIDTH, 0, 0);
}

static void
draw_badge(struct draw *d, const struct fl_element *e, long count)
{
	const struct fl_bounds *b = &e->shape->bounds;
	char num[32];
	double w, x, y = b->y - 8;
	xmlNodePtr g, r, t;

	snprintf(num, sizeof(num), "%ld", count);
	w = 10 + 7 * (double)strlen(num);
	x = b->x + b->width - w / 2;
	g = el(d, d->badges, "g");
	set(d, g, "class", "fl-badge");
	set(d, g, "data-element", e->id);
	r = rect(d, g, x - w / 2, y - 9, w, 18, 9);
	paint(d, r, PAPER, BADGE, 1);
	t = el(d, g, "text");
	add_text(d, t, num);
	set(d, t, "font-family", "sans-serif");
	set(d, t, "font-size", "11");
	set(d, t, "font-weight", "bold");
	set(d, t, "fill", PAPER);
	set(d, t, "text-anchor", "middle");
	setn(d, t, "x", x);
	setn(d, t, "y", y + 4);
}

static void
defs(struct draw *d, xmlNodePtr svg)
{
	static const char *const suffix[2] = { "", "-taken" }, *const colour[2] = { INK, TAKEN_INK };
	xmlNodePtr defs = el(d, svg, "defs");
	char id[64];
	int i;

	for (i = 0; i < 2; i++) {
		xmlNodePtr m = el(d, defs, "marker"), p;

		snprintf(id, sizeof(id), "%s-arrow%s", d->prefix, suffix[i]);
		set(d, m, "id", id);
		set(d, m, "viewBox", "0 0 10 10");
		set(d, m, "refX", "10");
		set(d, m, "refY", "5");
		set(d, m, "markerWidth", "8");
		set(d, m, "markerHeight", "8");
		set(d, m, "orient", "auto");
		p = el(d, m, "path");
		set(d, p, "d", "M 0 0 L 10 5 L 0 10 Z");
		set(d, p, "fill", colour[i]);
	}
}

/* What the shapes of plane (NULL: the main one) cover, labels included; 0 when nothing. */
static int
plane_extent(const struct fl_model *m, const struct fl_element *plane, struct fl_bounds *out)
{
	double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	int any = 0;
	size_t i, k;

	if (plane == NULL) {
		*out = m->extent;
		return m->has_diagram;
	}
	for (i = 0; i < m->nelements; i++) {
		const struct fl_shape *s = m->elements[i]->shape;
		struct fl_bounds b[2];
		size_t nb = 0;

		if (s == NULL || s->plane != plane)
			continue;
		if (s->waypoints == NULL)
			b[nb++] = s->bounds;
		if (s->has_label)
			b[nb++] = s->label;
		for (k = 0; k < s->nwaypoints; k++) {
			const struct fl_point *w = &s->waypoints[k];

			if (!any || w->x < x0) x0 = w->x;
			if (!any || w->y < y0) y0 = w->y;
			if (!any || w->x > x1) x1 = w->x;
			if (!any || w->y > y1) y1 = w->y;
			any = 1;
		}
		for (k = 0; k < nb; k++) {
			if (!any || b[k].x < x0) x0 = b[k].x;
			if (!any || b[k].y < y0) y0 = b[k].y;
			if (!any || b[k].x + b[k].width > x1) x1 = b[k].x + b[k].width;
			if (!any || b[k].y + b[k].height > y1) y1 = b[k].y + b[k].height;
			any = 1;
		}
	}
	out->x = x0;
	out->y = y0;
	out->width = x1 - x0;
	out->height = y1 - y0;
	return any;
}

static int
by_area_desc(const void *a, const void *b)
{
	const struct fl_bounds *x = &(*(struct fl_element *const *)a)->shape->bounds;
	const struct fl_bounds *y = &(*(struct fl_element *const *)b)->shape->bounds;
	double ax = x->width * x->height, ay = y->width * y->height;

	return (ax < ay) - (ax > ay);
}

int
fl_svg_draw(const struct fl_model *m, const struct fl_svg_marks *marks, xmlDocPtr doc,
    xmlNodePtr parent, xmlNodePtr *out)
{
	static const struct fl_svg_marks none;
	struct draw d;
	struct fl_element **subs = NULL;
	const struct fl_element *plane = NULL;
	struct fl_bounds extent, *x = &extent;
	xmlNodePtr svg, title;
	xmlNsPtr ns;
	char box[128];
	size_t i, nsubs = 0, len = 0;

	if (out != NULL)
		*out = NULL;
	if (marks != NULL && marks->plane != NULL &&
	    (plane = fl_model_find(m, marks->plane)) == NULL)
		return PT_ENOTFOUND;
	if (!plane_extent(m, plane, &extent))
		return PT_ENOTFOUND;
	memset(&d, 0, sizeof(d));
	d.m = m;
	d.mk = marks != NULL ? marks : &none;
	d.prefix = d.mk->id_prefix != NULL ? d.mk->id_prefix : "fl";
	if ((svg = xmlNewDocNode(doc, NULL, (const xmlChar *)"svg", NULL)) == NULL)
		return PT_ENOMEM;
	if ((ns = xmlNewNs(svg, (const xmlChar *)FL_SVG_NS, NULL)) == NULL) {
		xmlFreeNode(svg);
		return PT_ENOMEM;
	}
	xmlSetNs(svg, ns);
	if (parent == NULL)
		xmlDocSetRootElement(doc, svg);
	else if (xmlAddChild(parent, svg) == NULL) {
		xmlFreeNode(svg);
		return PT_ENOMEM;
	}
	box[0] = '\0';
	point(box, sizeof(box), &len, x->x - MARGIN, x->y - MARGIN);
	point(box, sizeof(box), &len, x->width + 2 * MARGIN, x->height + 2 * MARGIN);
	for (char *c = box; *c != '\0'; c++)
		if (*c == ',')
			*c = ' ';
	set(&d, svg, "viewBox", box);
	setn(&d, svg, "width", x->width + 2 * MARGIN);
	setn(&d, svg, "height", x->height + 2 * MARGIN);
	set(&d, svg, "class", "fl-diagram");
	set(&d, svg, "role", "img");
	title = el(&d, svg, "title");
	if (plane != NULL)
		add_text(&d, title, label_of(&d, plane) != NULL ? label_of(&d, plane) : plane->id);
	else
		add_text(&d, title, d.mk->lang != NULL && strcmp(d.mk->lang, "de") == 0 &&
		    m->name_de != NULL ? m->name_de : m->name != NULL ? m->name : m->id);
	defs(&d, svg);
	d.pools = el(&d, svg, "g");
	d.subs = el(&d, svg, "g");
	d.edges = el(&d, svg, "g");
	d.shapes = el(&d, svg, "g");
	d.badges = el(&d, svg, "g");
	set(&d, d.pools, "class", "fl-pools");
	set(&d, d.subs, "class", "fl-subprocesses");
	set(&d, d.edges, "class", "fl-edges");
	set(&d, d.shapes, "class", "fl-shapes");
	set(&d, d.badges, "class", "fl-badges");

	if ((subs = calloc(m->nelements + 1, sizeof(*subs))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < m->nelements; i++) {
		const struct fl_element *e = m->elements[i];
		enum mark k;

		if (e->shape == NULL || e->shape->plane != plane)
			continue;
		k = mark_of(&d, e);
		switch (e->kind) {
		case FL_PARTICIPANT:
		case FL_LANE:
			draw_pool(&d, e, k);
			break;
		case FL_SUBPROCESS:
			if (e->shape->expanded)
				subs[nsubs++] = m->elements[i];
			else
				draw_activity(&d, e, k);
			break;
		case FL_SEQUENCE_FLOW:
		case FL_ASSOCIATION:
			draw_edge(&d, e, k);
			break;
		case FL_START_EVENT:
		case FL_END_EVENT:
		case FL_CATCH_EVENT:
		case FL_BOUNDARY_EVENT:
			draw_event(&d, e, k);
			break;
		case FL_EXCLUSIVE_GATEWAY:
		case FL_PARALLEL_GATEWAY:
		case FL_EVENT_GATEWAY:
			draw_gateway(&d, e, k);
			break;
		case FL_ANNOTATION:
			draw_annotation(&d, e);
			break;
		case FL_GROUP:
			draw_group(&d, e);
			break;
		case FL_PROCESS:
		case FL_UNSUPPORTED:
		case FL_KIND__MAX:
			break;
		default:
			draw_activity(&d, e, k);
		}
	}
	/* Larger subprocesses first, so that nested ones are drawn over them. */
	qsort(subs, nsubs, sizeof(*subs), by_area_desc);
	for (i = 0; i < nsubs; i++)
		draw_activity(&d, subs[i], mark_of(&d, subs[i]));
	free(subs);
	for (i = 0; i < d.mk->ncounts; i++) {
		const struct fl_element *e = fl_model_find(m, d.mk->counts[i].id);

		if (e != NULL && e->shape != NULL && e->shape->plane == plane &&
		    e->shape->waypoints == NULL)
			draw_badge(&d, e, d.mk->counts[i].count);
	}
	if (d.oom)
		return PT_ENOMEM;
	if (out != NULL)
		*out = svg;
	return PT_OK;
}
