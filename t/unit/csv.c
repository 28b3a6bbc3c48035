/*
 * CSV for downloads (csv.c): fields quoted only when they must be, quotes
 * doubled, CRLF line ends, formulas in people's text defused, values the
 * program made left alone, and the file sent as a UTF-8 attachment.
 */
#include <string.h>

#include "portico.h"
#include "tap.h"

static const char *
body(struct pt_req *req, const struct pt_csv *c)
{
	char *s = pt_alloc(req, c->len + 1);

	memcpy(s, c->data, c->len);
	return s;
}

int
main(void)
{
	struct pt_req *req = pt_req_new("test");
	struct pt_csv c;
	size_t i;

	pt_csv_init(&c, req);
	pt_csv_value(&c, "number");
	pt_csv_value(&c, "po");
	pt_csv_end(&c);
	pt_csv_value(&c, "O-2026-000001");
	pt_csv_text(&c, "PO 4711");
	pt_csv_end(&c);
	is_str(body(req, &c), "number,po\r\nO-2026-000001,PO 4711\r\n", "plain fields, CRLF lines");

	pt_csv_init(&c, req);
	pt_csv_text(&c, "a,b");
	pt_csv_text(&c, "say \"hi\"");
	pt_csv_text(&c, "two\nlines");
	pt_csv_text(&c, "");
	pt_csv_text(&c, NULL);
	pt_csv_text(&c, "Grüße");
	pt_csv_end(&c);
	is_str(body(req, &c), "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,Grüße\r\n",
	    "comma, quote and line break quoted; quotes doubled; empty fields empty; UTF-8 kept");

	pt_csv_init(&c, req);
	pt_csv_text(&c, "=HYPERLINK(\"http://x\")");
	pt_csv_text(&c, "+1");
	pt_csv_text(&c, "-2");
	pt_csv_text(&c, "@SUM(A1)");
	pt_csv_text(&c, "\tx");
	pt_csv_text(&c, "a=b");
	pt_csv_end(&c);
	is_str(body(req, &c), "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b\r\n",
	    "text starting like a formula gets an apostrophe; = later is text already");

	pt_csv_init(&c, req);
	pt_csv_value(&c, "-12.05");
	pt_csv_value(&c, "2026-12-05T10:00:00Z");
	pt_csv_end(&c);
	is_str(body(req, &c), "-12.05,2026-12-05T10:00:00Z\r\n", "the program's values are not altered");

	pt_csv_init(&c, req);
	for (i = 0; i < 5000; i++) {
		pt_csv_value(&c, "0123456789");
		pt_csv_end(&c);
	}
	ok(c.len == 5000 * 12 && !c.failed, "the buffer grows past its first size");
	ok(memcmp(c.data + 4999 * 12, "0123456789\r\n", 12) == 0, "... and keeps every byte");

	is_int(pt_csv_send(&c, "orders.csv"), 200, "sent");
	ok(req->body_len == c.len + 3 && memcmp(req->body, "\xef\xbb\xbf" "0123", 7) == 0,
	    "the body starts with the UTF-8 byte-order mark");
	is_str(req->content_type_out, "text/csv; charset=utf-8", "as text/csv in UTF-8");
	ok(req->nheaders > 0 && strcmp(req->headers[req->nheaders - 1].value,
	    "attachment; filename=\"orders.csv\"") == 0, "as an attachment with its name");
	pt_csv_send(&c, "a\"b.csv");
	is_str(req->headers[req->nheaders - 1].value, "attachment; filename=\"export.csv\"",
	    "a name that would need quoting is replaced");
	pt_req_free(req);
	return done_testing();
}
