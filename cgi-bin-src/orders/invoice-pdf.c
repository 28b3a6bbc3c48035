/*
 * An invoice as a PDF (A4), drawn by the worker with cairo's PDF surface
 * and pango's layout in DejaVu Sans: the seller's address and the title,
 * the buyer's address and the invoice's facts, its lines (page after page
 * when they do not fit, the column heads on each), the tax per rate, the
 * totals, the terms and a footer.  invoices.c prepares every text (in the
 * reader's language, money as the reader writes it); this file only lays
 * them out.
 *
 * What is costly to make is made once per process and kept: the font map
 * (fontconfig's view of the fonts, and the fonts it opened), the pango
 * context with its font options and the font descriptions.  Per request
 * there are a surface, its cairo context and one layout, all released
 * before the function returns; the PDF's bytes go into a buffer that is
 * copied into the request's arena.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "orders.h"

#define PAGE_W		595.276	/* A4 in points */
#define PAGE_H		841.890
#define MARGIN		56.0
#define BOTTOM		(PAGE_H - 64.0)
#define CONTENT_W	(PAGE_W - 2 * MARGIN)
#define ROW_GAP		4.0

/* The process's pango setup, made on the first PDF. */
static struct {
	PangoFontMap		*fontmap;
	PangoContext		*context;
	PangoFontDescription	*body, *bold, *small, *title;
} kept;

static int
kept_init(void)
{
	cairo_font_options_t *opts;

	if (kept.context != NULL)
		return PT_OK;
	if ((kept.fontmap = pango_cairo_font_map_new()) == NULL)
		return PT_ENOMEM;
	/* Points are the PDF's units: 72 per inch, not the screen's 96. */
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(kept.fontmap), 72.0);
	if ((kept.context = pango_font_map_create_context(kept.fontmap)) == NULL)
		return PT_ENOMEM;
	/* Outlines as designed: no hinting and no metrics rounded to a screen's pixels. */
	opts = cairo_font_options_create();
	cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(kept.context, opts);
	cairo_font_options_destroy(opts);
	kept.body = pango_font_description_from_string("DejaVu Sans 8.5");
	kept.bold = pango_font_description_from_string("DejaVu Sans Bold 8.5");
	kept.small = pango_font_description_from_string("DejaVu Sans 7.5");
	kept.title = pango_font_description_from_string("DejaVu Sans Bold 18");
	return PT_OK;
}

/* The PDF's bytes as cairo writes them. */
struct sink {
	unsigned char	*data;
	size_t		 len, cap;
	int		 failed;
};

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int n)
{
	struct sink *s = closure;

	if (s->failed)
		return CAIRO_STATUS_WRITE_ERROR;
	if (s->len + n > s->cap) {
		size_t cap = s->cap != 0 ? s->cap : 32768;
		unsigned char *p;

		while (cap < s->len + n)
			cap *= 2;
		if ((p = realloc(s->data, cap)) == NULL) {
			s->failed = 1;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		s->data = p;
		s->cap = cap;
	}
	memcpy(s->data + s->len, data, n);
	s->len += n;
	return CAIRO_STATUS_SUCCESS;
}

/* One request's drawing. */
struct pdf {
	cairo_t		*cr;
	PangoLayout	*layout;
	double		 y;
};

/*
 * Draw s at (x, y) in font, within width w (w > 0: wrapped and aligned in
 * it; else one line from x); returns its height.
 */
static double
text(struct pdf *p, const char *s, double x, double y, double w,
    const PangoFontDescription *font, PangoAlignment align)
{
	int pw, ph;

	pango_layout_set_font_description(p->layout, font);
	pango_layout_set_width(p->layout, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(p->layout, align);
	pango_layout_set_text(p->layout, s != NULL ? s : "", -1);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
	pango_layout_get_size(p->layout, &pw, &ph);
	return (double)ph / PANGO_SCALE;
}

/* The height s takes in font within w, without drawing it. */
static double
measure(struct pdf *p, const char *s, double w, const PangoFontDescription *font)
{
	int pw, ph;

	pango_layout_set_font_description(p->layout, font);
	pango_layout_set_width(p->layout, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(p->layout, s != NULL ? s : "", -1);
	pango_layout_get_size(p->layout, &pw, &ph);
	return (double)ph / PANGO_SCALE;
}

static void
rule(struct pdf *p, double y, double width)
{
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, MARGIN, y);
	cairo_line_to(p->cr, PAGE_W - MARGIN, y);
	cairo_stroke(p->cr);
}

/*
 * The lines' columns: left edge and width.  The item column holds the
 * name, wrapped, with the SKU in small type below it; its head is the
 * head of both.
 */
static const struct {
	double		 x, w;
	PangoAlignment	 align;
} col[6] = {
	{ 0, 18, PANGO_ALIGN_LEFT },		/* no */
	{ 20, 214, PANGO_ALIGN_LEFT },		/* name and SKU */
	{ 236, 54, PANGO_ALIGN_RIGHT },		/* quantity and unit */
	{ 292, 80, PANGO_ALIGN_RIGHT },		/* unit price */
	{ 374, 30, PANGO_ALIGN_RIGHT },		/* rate */
	{ 406, 77, PANGO_ALIGN_RIGHT },		/* net */
};

static void
lines_head(struct pdf *p, const struct or_pdf_invoice *inv)
{
	double h = 0, t;
	size_t i;

	for (i = 0; i < PT_NELEM(col); i++)
		if ((t = text(p, inv->head[i], MARGIN + col[i].x, p->y, col[i].w, kept.bold,
		    col[i].align)) > h)
			h = t;
	p->y += h + 2;
	rule(p, p->y, 0.8);
	p->y += ROW_GAP;
}

static void
new_page(struct pdf *p, const struct or_pdf_invoice *inv)
{
	cairo_show_page(p->cr);
	p->y = MARGIN;
	text(p, inv->title, MARGIN, p->y, CONTENT_W, kept.small, PANGO_ALIGN_RIGHT);
	p->y += 20;
	lines_head(p, inv);
}

static void
draw_lines(struct pdf *p, const struct or_pdf_invoice *inv)
{
	size_t i;

	lines_head(p, inv);
	for (i = 0; i < inv->nlines; i++) {
		const struct or_pdf_line *l = &inv->lines[i];
		const char *v[6] = { l->no, NULL, l->quantity, l->price, l->rate, l->net };
		double h = measure(p, l->name, col[1].w, kept.body) +
		    measure(p, l->sku, col[1].w, kept.small), t;
		size_t c;

		if (p->y + h > BOTTOM)
			new_page(p, inv);
		t = text(p, l->name, MARGIN + col[1].x, p->y, col[1].w, kept.body, col[1].align);
		text(p, l->sku, MARGIN + col[1].x, p->y + t, col[1].w, kept.small, col[1].align);
		for (c = 0; c < PT_NELEM(col); c++)
			if (v[c] != NULL && (t = text(p, v[c], MARGIN + col[c].x, p->y, col[c].w,
			    kept.body, col[c].align)) > h)
				h = t;
		p->y += h + ROW_GAP;
	}
	rule(p, p->y, 0.4);
	p->y += 8;
}

/* Label and value pairs, right-aligned at the page's right edge; bold_last: the last pair. */
static void
pairs(struct pdf *p, const struct or_pdf_invoice *inv, const char *const *v, size_t n,
    int bold_last)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2) {
		const PangoFontDescription *f = bold_last && i + 2 >= n ? kept.bold : kept.body;
		double h;

		if (p->y + 14 > BOTTOM)
			new_page(p, inv);
		text(p, v[i], MARGIN + 230, p->y, 160, f, PANGO_ALIGN_RIGHT);
		h = text(p, v[i + 1], MARGIN + 393, p->y, CONTENT_W - 393, f, PANGO_ALIGN_RIGHT);
		p->y += h + 2;
	}
}

static void
draw(struct pdf *p, const struct or_pdf_invoice *inv)
{
	double y, yb;
	size_t i;

	cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.12);
	/* The seller at the top left, the title at the right. */
	y = MARGIN;
	for (i = 0; i < inv->nseller; i++)
		y += text(p, inv->seller[i], MARGIN, y, 250, i == 0 ? kept.bold : kept.small,
		    PANGO_ALIGN_LEFT);
	text(p, inv->title, MARGIN + 250, MARGIN, CONTENT_W - 250, kept.title, PANGO_ALIGN_RIGHT);
	/* The buyer's address on the left, the facts on the right. */
	yb = y > MARGIN + 90 ? y + 24 : MARGIN + 114;
	y = yb;
	for (i = 0; i < inv->nbuyer; i++)
		y += text(p, inv->buyer[i], MARGIN, y, 240, i == 0 ? kept.bold : kept.body,
		    PANGO_ALIGN_LEFT);
	p->y = yb;
	for (i = 0; i + 1 < inv->nfacts; i += 2) {
		text(p, inv->facts[i], MARGIN + 270, p->y, 110, kept.body, PANGO_ALIGN_LEFT);
		p->y += text(p, inv->facts[i + 1], MARGIN + 383, p->y, CONTENT_W - 383, kept.bold,
		    PANGO_ALIGN_RIGHT) + 2;
	}
	p->y = (p->y > y ? p->y : y) + 28;
	draw_lines(p, inv);
	/* The tax per rate, then the totals. */
	for (i = 0; i < inv->ntaxes; i++) {
		const char *v[2] = { inv->taxes[i].label, inv->taxes[i].tax };

		pairs(p, inv, v, 2, 0);
	}
	p->y += 4;
	pairs(p, inv, inv->totals, inv->ntotals, 1);
	p->y += 18;
	if (p->y + 40 > BOTTOM)
		new_page(p, inv);
	p->y += text(p, inv->terms, MARGIN, p->y, CONTENT_W, kept.body, PANGO_ALIGN_LEFT);
	text(p, inv->footer, MARGIN, BOTTOM + 16, CONTENT_W, kept.small, PANGO_ALIGN_CENTER);
}

int
or_invoice_pdf(struct pt_req *req, const struct or_pdf_invoice *inv, const char **pdf,
    size_t *len)
{
	struct sink sink = { NULL, 0, 0, 0 };
	cairo_surface_t *surface;
	struct pdf p;
	char *out;
	int rc = PT_OK;

	*pdf = NULL;
	*len = 0;
	if ((rc = kept_init()) != PT_OK)
		return rc;
	surface = cairo_pdf_surface_create_for_stream(sink_write, &sink, PAGE_W, PAGE_H);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		return PT_ENOMEM;
	}
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, inv->title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Portico");
	p.cr = cairo_create(surface);
	pango_cairo_update_context(p.cr, kept.context);
	p.layout = pango_layout_new(kept.context);
	p.y = MARGIN;
	draw(&p, inv);
	g_object_unref(p.layout);
	cairo_destroy(p.cr);
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS || sink.failed)
		rc = sink.failed ? PT_ENOMEM : PT_ESYS;
	cairo_surface_destroy(surface);
	if (rc == PT_OK && (out = pt_alloc(req, sink.len + 1)) == NULL)
		rc = PT_ENOMEM;
	if (rc == PT_OK) {
		memcpy(out, sink.data, sink.len);
		*pdf = out;
		*len = sink.len;
	}
	free(sink.data);
	return rc;
}
