/*
 * multipart/form-data bodies through pt_req_parse: text parts become form
 * fields, file parts uploads (bytes untouched, NUL and CRLF included);
 * every malformed body is PT_EINVAL, every body over a bound PT_ELIMIT.
 * Then 20 000 random mutations of a good body: run under ASan, a crash or
 * an overflow fails.  pt_send_file's headers are checked at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portico.h"
#include "resp-header.h"
#include "tap.h"

#define B "----PorticoBoundary7MA4YWxkTrZu0gW"

static struct pt_limits lim;

/* Parse body as a POST with the content type; req is reset first. */
static int
parse(struct pt_req *req, const char *ctype, const char *body, size_t len)
{
	char ct[512], cl[64];
	char *env[] = { "REQUEST_METHOD=POST", "DOCUMENT_URI=/kb/editor/articles/1/attachments",
	    ct, cl, NULL };

	pt_req_reset(req);
	snprintf(ct, sizeof(ct), "CONTENT_TYPE=%s", ctype);
	snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", len);
	return pt_req_parse(req, env, body, len, &lim);
}

/* A growing body built from pieces (memcpy: pieces may hold NUL bytes). */
struct body {
	char	*p;
	size_t	 len;
};

static void
put(struct body *b, const void *s, size_t n)
{
	b->p = realloc(b->p, b->len + n + 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
puts_(struct body *b, const char *s)
{
	put(b, s, strlen(s));
}

/* n times the byte c, in one allocation (a byte at a time is quadratic under ASan). */
static void
put_repeat(struct body *b, char c, size_t n)
{
	b->p = realloc(b->p, b->len + n + 1);
	memset(b->p + b->len, c, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static const char file_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\r\n--" "--Portico\r\n\r\n\0end";
#define FILE_LEN (sizeof(file_bytes) - 1)

static struct body
good_body(void)
{
	struct body b = { NULL, 0 };

	puts_(&b, "preamble to be ignored\r\n");
	puts_(&b, "--" B "\r\n");
	puts_(&b, "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n");
	puts_(&b, "abc123\r\n");
	puts_(&b, "--" B "\r\n");
	puts_(&b, "Content-Disposition: form-data; name=\"title\"\r\n");
	puts_(&b, "Content-Type: text/plain; charset=utf-8\r\n\r\n");
	puts_(&b, "Grüße\r\nzwei Zeilen\r\n");
	puts_(&b, "--" B "\r\n");
	puts_(&b, "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\x\\\\diagram.png\"\r\n");
	puts_(&b, "Content-Type: Image/PNG\r\n\r\n");
	put(&b, file_bytes, FILE_LEN);
	puts_(&b, "\r\n--" B "\r\n");
	puts_(&b, "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n");
	puts_(&b, "Content-Type: application/octet-stream\r\n\r\n");
	puts_(&b, "\r\n--" B "--\r\nepilogue\r\n");
	return b;
}

static void
good(struct pt_req *req)
{
	struct body b = good_body();
	const struct pt_upload *u;
	int rc;

	rc = parse(req, "multipart/form-data; boundary=" B, b.p, b.len);
	is_int(rc, PT_OK, "good body parses");
	is_str(pt_form(req, "csrf"), "abc123", "text field");
	is_str(pt_form(req, "title"), "Grüße\r\nzwei Zeilen", "text field with UTF-8 and CRLF");
	is_int(req->nuploads, 1, "one upload (the empty file input is none)");
	u = pt_upload(req, "file");
	ok(u != NULL, "pt_upload finds the file");
	if (u != NULL) {
		is_str(u->filename, "diagram.png", "directory stripped from the file name");
		is_str(u->content_type, "image/png", "content type lower-cased");
		is_int(u->len, FILE_LEN, "file length");
		ok(memcmp(u->data, file_bytes, FILE_LEN) == 0, "file bytes intact (NUL, CRLF, dashes)");
	}
	ok(pt_upload(req, "empty") == NULL, "empty file input: no upload");
	ok(pt_upload(req, "nope") == NULL, "unknown field: NULL");

	rc = parse(req, "Multipart/Form-Data; charset=utf-8; boundary=\"" B "\"", b.p, b.len);
	is_int(rc, PT_OK, "quoted boundary, other parameters, any case");
	is_int(req->nuploads, 1, "same upload with a quoted boundary");
	free(b.p);

	b = (struct body){ NULL, 0 };
	puts_(&b, "--a b\r\nContent-Disposition: form-data; name=f; filename=/etc/passwd\r\n\r\nx\r\n--a b--");
	rc = parse(req, "multipart/form-data; boundary=\"a b\"", b.p, b.len);
	is_int(rc, PT_OK, "unquoted parameters, boundary with a space, no CRLF after the end");
	u = pt_upload(req, "f");
	is_str(u != NULL ? u->filename : NULL, "passwd", "Unix directory stripped");
	is_str(u != NULL ? u->content_type : NULL, "application/octet-stream", "default content type");
	free(b.p);

	b = (struct body){ NULL, 0 };
	puts_(&b, "--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\\\"b.txt\"\r\n\r\n\r\n--x--\r\n");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_OK, "escaped quote in a file name");
	u = pt_upload(req, "f");
	is_str(u != NULL ? u->filename : NULL, "a\"b.txt", "the quote is part of the name");
	is_int(u != NULL ? (long long)u->len : -1, 0, "an empty file with a name is an upload");
	free(b.p);
}

static void
bad(struct pt_req *req)
{
	struct body b = { NULL, 0 };
	char *big;
	size_t i;

#define CASE(body, want, name) do { \
	const char body_[] = body; \
	is_int(parse(req, "multipart/form-data; boundary=x", body_, sizeof(body_) - 1), want, name); \
} while (0)
	CASE("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n", PT_EINVAL,
	    "missing final boundary");
	CASE("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", PT_EINVAL,
	    "missing final boundary, no CRLF");
	CASE("no boundary here at all", PT_EINVAL, "boundary never found");
	CASE("--y\r\n\r\n--y--", PT_EINVAL, "another boundary");
	CASE("--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--", PT_EINVAL, "header without name");
	CASE("--x\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n--x--", PT_EINVAL, "empty name");
	CASE("--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--", PT_EINVAL, "no Content-Disposition");
	CASE("--x\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--x--", PT_EINVAL,
	    "disposition other than form-data");
	CASE("--x\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--x--", PT_EINVAL,
	    "unterminated quoted string");
	CASE("--x\r\nContent-Disposition form-data; name=\"a\"\r\n\r\nv\r\n--x--", PT_EINVAL,
	    "header line without a colon");
	CASE("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--x", PT_EINVAL,
	    "delimiter not followed by CRLF or --");
	CASE("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n", PT_EINVAL, "headers never end");
	CASE("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\x01.txt\"\r\n\r\nv\r\n--x--",
	    PT_EINVAL, "control character in a file name");
	CASE("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"dir/..\"\r\n\r\nv\r\n--x--",
	    PT_EINVAL, "file name ..");
	CASE("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"dir/\"\r\n\r\nv\r\n--x--",
	    PT_EINVAL, "file name that is all directory");
	CASE("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\x01\r\n--x--", PT_EINVAL,
	    "control character in a text field");
	CASE("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\xfe\r\n--x--", PT_EINVAL,
	    "invalid UTF-8 in a text field");
	CASE("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\nContent-Type: nonsense\r\n\r\nv\r\n--x--",
	    PT_EINVAL, "content type without a slash");
	CASE("", PT_EINVAL, "empty body");
#undef CASE
	is_int(parse(req, "multipart/form-data", "--x\r\n", 5), PT_EINVAL, "no boundary parameter");
	is_int(parse(req, "multipart/form-data; boundary=", "--\r\n", 4), PT_EINVAL, "empty boundary");
	is_int(parse(req, "multipart/form-data; boundary=\"x", "--x--", 5), PT_EINVAL, "unterminated quoted boundary");
	is_int(parse(req, "multipart/form-data; boundary=a<b", "--a<b--", 7), PT_EINVAL,
	    "boundary with a character outside bchars");
	is_int(parse(req, "multipart/form-data; boundary="
	    "12345678901234567890123456789012345678901234567890123456789012345678901", "x", 1), PT_EINVAL,
	    "boundary of 71 characters");

	/* A huge header: over the bound of a part's headers. */
	puts_(&b, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Junk: ");
	for (i = 0; i < 10000; i++)
		puts_(&b, "j");
	puts_(&b, "\r\n\r\nv\r\n--x--");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_ELIMIT, "huge header: PT_ELIMIT");
	free(b.p);

	b = (struct body){ NULL, 0 };
	puts_(&b, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n");
	for (i = 0; i < 20; i++)
		puts_(&b, "X-H: 1\r\n");
	puts_(&b, "\r\nv\r\n--x--");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_ELIMIT, "too many headers: PT_ELIMIT");
	free(b.p);

	/* Too many parts: files, and fields. */
	b = (struct body){ NULL, 0 };
	for (i = 0; i < 9; i++) {
		char part[160];

		snprintf(part, sizeof(part), "--x\r\nContent-Disposition: form-data; name=\"f%zu\"; "
		    "filename=\"f%zu.txt\"\r\n\r\ndata\r\n", i, i);
		puts_(&b, part);
	}
	puts_(&b, "--x--\r\n");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_ELIMIT, "9 files: PT_ELIMIT");
	free(b.p);
	b = (struct body){ NULL, 0 };
	for (i = 0; i < lim.fields + 1; i++)
		puts_(&b, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n");
	puts_(&b, "--x--\r\n");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_ELIMIT, "too many fields: PT_ELIMIT");
	free(b.p);

	/* A text field over rich_value_bytes (an article body may exceed value_bytes); a long file name. */
	b = (struct body){ NULL, 0 };
	puts_(&b, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n");
	put_repeat(&b, 'v', lim.value_bytes + 1);
	puts_(&b, "\r\n--x--");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_OK,
	    "a multipart text field may exceed value_bytes");
	free(b.p);
	b = (struct body){ NULL, 0 };
	puts_(&b, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n");
	put_repeat(&b, 'v', lim.rich_value_bytes + 1);
	puts_(&b, "\r\n--x--");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_ELIMIT,
	    "text field over rich_value_bytes");
	free(b.p);
	b = (struct body){ NULL, 0 };
	puts_(&b, "--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"");
	for (i = 0; i < 300; i++)
		puts_(&b, "n");
	puts_(&b, ".txt\"\r\n\r\nv\r\n--x--");
	is_int(parse(req, "multipart/form-data; boundary=x", b.p, b.len), PT_ELIMIT, "file name of 304 bytes");
	free(b.p);

	/* The body bounds: upload_bytes for multipart, body_bytes for the rest. */
	big = calloc(1, lim.upload_bytes + 2);
	is_int(parse(req, "multipart/form-data; boundary=x", big, lim.upload_bytes + 1), PT_ELIMIT,
	    "multipart body over upload_bytes: PT_ELIMIT");
	{
		static const char head[] =
		    "--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n";

		memcpy(big, head, sizeof(head) - 1);
		memcpy(big + lim.upload_bytes - 7, "\r\n--x--", 7);
		is_int(parse(req, "multipart/form-data; boundary=x", big, lim.upload_bytes), PT_OK,
		    "multipart body of exactly upload_bytes is fine");
		is_int(req->nuploads == 1 ? (long long)req->uploads[0].len : -1,
		    lim.upload_bytes - 7 - (sizeof(head) - 1), "its file has every byte");
	}
	is_int(parse(req, "application/x-www-form-urlencoded", big, lim.body_bytes + 1), PT_ELIMIT,
	    "urlencoded body over body_bytes: PT_ELIMIT");
	free(big);
}

/* Random mutations of a good body: any answer but a crash is fine. */
static void
fuzz(struct pt_req *req)
{
	struct body b = good_body();
	char *m = malloc(b.len + 64);
	unsigned seed = 4242;
	size_t i, counts[8] = { 0 };
	static const char *const tokens[] = { "\r\n", "--", "\"", ";", "=", "\r\n\r\n",
		"--" B, "\r\n--" B "--", "filename=", "name=", "\\", ":", "\0" };

	for (i = 0; i < 20000; i++) {
		size_t len = b.len, k, n = 1 + (size_t)(rand_r(&seed) % 4);
		int rc;

		memcpy(m, b.p, b.len);
		for (k = 0; k < n && len > 0; k++) {
			size_t pos = (size_t)rand_r(&seed) % len;
			const char *t;
			size_t tl;

			switch (rand_r(&seed) % 4) {
			case 0:		/* flip a byte */
				m[pos] = (char)rand_r(&seed);
				break;
			case 1:		/* cut the body short */
				len = pos;
				break;
			case 2:		/* delete a few bytes */
				tl = 1 + (size_t)rand_r(&seed) % 8;
				if (pos + tl > len)
					tl = len - pos;
				memmove(m + pos, m + pos + tl, len - pos - tl);
				len -= tl;
				break;
			default:	/* insert a token that means something to the parser */
				t = tokens[(size_t)rand_r(&seed) % PT_NELEM(tokens)];
				tl = *t != '\0' ? strlen(t) : 1;
				if (len + tl > b.len + 63)
					break;
				memmove(m + pos + tl, m + pos, len - pos);
				memcpy(m + pos, t, tl);
				len += tl;
			}
		}
		rc = parse(req, "multipart/form-data; boundary=" B, m, len);
		counts[rc == PT_OK ? 0 : rc == PT_EINVAL ? 1 : rc == PT_ELIMIT ? 2 : 3]++;
		if (rc == PT_OK) {
			size_t j;

			/* What was accepted stays inside the body. */
			for (j = 0; j < req->nuploads; j++)
				if (req->uploads[j].data < m || req->uploads[j].data + req->uploads[j].len > m + len)
					counts[4]++;
		}
	}
	printf("# fuzz: %zu ok, %zu invalid, %zu over a limit\n", counts[0], counts[1], counts[2]);
	is_int(counts[3], 0, "20 000 mutations: only PT_OK, PT_EINVAL or PT_ELIMIT");
	is_int(counts[4], 0, "uploads never point outside the body");
	ok(counts[0] > 0 && counts[1] > 0, "the fuzz reaches both answers");
	free(m);
	free(b.p);
}

static void
send_file(struct pt_req *req)
{
	char *out;
	size_t len;

	pt_req_reset(req);
	req->method = PT_GET;
	is_int(pt_send_file(req, "kb/0123abcd.pdf", "application/pdf", "Handbuch \"Größe\" 1.pdf", 0),
	    PT_OK, "pt_send_file");
	is_str(header(req, "X-Accel-Redirect"), "/protected/kb/0123abcd.pdf", "X-Accel-Redirect");
	is_str(header(req, "Content-Disposition"),
	    "attachment; filename=\"Handbuch _Gr__e_ 1.pdf\"; filename*=UTF-8''Handbuch%20%22Gr%C3%B6%C3%9Fe%22%201.pdf",
	    "Content-Disposition: ASCII fallback and RFC 5987 name");
	is_int(req->status, 200, "status 200");
	out = pt_resp_serialize(req, &len);
	ok(out != NULL && strstr(out, "Content-Type: application/pdf\r\n") != NULL &&
	    strstr(out, "Content-Length: 0\r\n\r\n") != NULL && out[len - 1] == '\n',
	    "no body, the file's content type");
	ok(out != NULL && strstr(out, "X-Content-Type-Options: nosniff") != NULL &&
	    strstr(out, "Content-Security-Policy:") != NULL, "security headers");

	pt_req_reset(req);
	is_int(pt_send_file(req, "kb/a.png", "image/png", "a\r\nb.png", 1), PT_OK, "inline image");
	is_str(header(req, "Content-Disposition"), "inline; filename=\"ab.png\"; filename*=UTF-8''ab.png",
	    "control characters removed from the name");
	pt_req_reset(req);
	is_int(pt_send_file(req, "kb/a.svg", "image/svg+xml", "a.svg", 1), PT_OK, "inline svg asked for");
	is_str(header(req, "Content-Disposition"), "attachment; filename=\"a.svg\"; filename*=UTF-8''a.svg",
	    "svg (script) is never inline");
	pt_req_reset(req);
	is_int(pt_send_file(req, "kb/a.bin", "application/octet-stream", NULL, 0), PT_OK, "no file name");
	is_str(header(req, "Content-Disposition"), "attachment", "plain attachment");

	pt_req_reset(req);
	is_int(pt_send_file(req, "../etc/passwd", "text/plain", "x", 0), PT_EINVAL, "path with ..");
	is_int(pt_send_file(req, "kb/../../x", "text/plain", "x", 0), PT_EINVAL, "path with .. inside");
	is_int(pt_send_file(req, "/kb/x", "text/plain", "x", 0), PT_EINVAL, "path with a leading /");
	is_int(pt_send_file(req, "kb//x", "text/plain", "x", 0), PT_EINVAL, "empty segment");
	is_int(pt_send_file(req, "kb/x y", "text/plain", "x", 0), PT_EINVAL, "space in a path");
	is_int(pt_send_file(req, "kb/x%2e", "text/plain", "x", 0), PT_EINVAL, "percent in a path");
	is_int(pt_send_file(req, "kb/x", "text/plain\r\nX: y", "x", 0), PT_EINVAL, "header in a content type");
	is_int(pt_send_file(req, "", "text/plain", "x", 0), PT_EINVAL, "empty path");
	is_int((long long)req->nheaders, 0, "no header after a refusal");
}

int
main(void)
{
	struct pt_req *req = pt_req_new("test");

	pt_limits_default(&lim);
	is_int(lim.upload_bytes, 10 * 1024 * 1024, "upload_bytes defaults to 10 MiB");
	is_int(lim.files, 8, "files defaults to 8");
	good(req);
	bad(req);
	fuzz(req);
	send_file(req);
	pt_req_free(req);
	return done_testing();
}
