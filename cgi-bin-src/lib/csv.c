/*
 * CSV files for downloads (an organisation's orders, later invoices):
 * RFC 4180 fields and lines, built in the request's arena, and sent as an
 * attachment.  See portico.h for what a field becomes.
 */
#include <string.h>

#include "portico.h"

#define CSV_FIRST_BYTES	4096

void
pt_csv_init(struct pt_csv *c, struct pt_req *req)
{
	memset(c, 0, sizeof(*c));
	c->req = req;
}

/* Room for n more bytes: the buffer doubles in the arena (the old one goes with it). */
static int
reserve(struct pt_csv *c, size_t n)
{
	size_t cap = c->cap != 0 ? c->cap : CSV_FIRST_BYTES;
	char *p;

	if (c->failed)
		return 0;
	if (c->len + n <= c->cap)
		return 1;
	while (cap < c->len + n)
		cap *= 2;
	if ((p = pt_alloc(c->req, cap)) == NULL) {
		c->failed = 1;
		return 0;
	}
	if (c->len > 0)
		memcpy(p, c->data, c->len);
	c->data = p;
	c->cap = cap;
	return 1;
}

static void
put(struct pt_csv *c, const char *s, size_t n)
{
	if (reserve(c, n)) {
		memcpy(c->data + c->len, s, n);
		c->len += n;
	}
}

static void
field(struct pt_csv *c, const char *s, int defuse)
{
	size_t n = s != NULL ? strlen(s) : 0, i;
	int quote = n > 0 && strpbrk(s, ",\"\r\n") != NULL;

	if (c->fields++ > 0)
		put(c, ",", 1);
	if (n == 0)
		return;
	if (quote)
		put(c, "\"", 1);
	if (defuse && strchr("=+-@\t\r", s[0]) != NULL)
		put(c, "'", 1);
	for (i = 0; i < n; i++)
		put(c, s[i] == '"' ? "\"\"" : &s[i], s[i] == '"' ? 2 : 1);
	if (quote)
		put(c, "\"", 1);
}

void
pt_csv_text(struct pt_csv *c, const char *s)
{
	field(c, s, 1);
}

void
pt_csv_value(struct pt_csv *c, const char *s)
{
	field(c, s, 0);
}

void
pt_csv_end(struct pt_csv *c)
{
	put(c, "\r\n", 2);
	c->fields = 0;
}

int
pt_csv_send(struct pt_csv *c, const char *filename)
{
	static const char bom[] = "\xef\xbb\xbf";
	struct pt_req *req = c->req;
	char *body;

	if (c->failed || (body = pt_alloc(req, c->len + 3)) == NULL)
		return PT_ENOMEM;
	if (filename == NULL || *filename == '\0' ||
	    strspn(filename, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") !=
	    strlen(filename))
		filename = "export.csv";
	memcpy(body, bom, 3);
	if (c->len > 0)
		memcpy(body + 3, c->data, c->len);
	req->body = body;
	req->body_len = c->len + 3;
	req->content_type_out = "text/csv; charset=utf-8";
	if (pt_header_add(req, "Content-Disposition",
	    pt_printf(req, "attachment; filename=\"%s\"", filename)) != PT_OK)
		return PT_ENOMEM;
	return 200;
}
