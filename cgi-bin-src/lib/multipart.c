/*
 * multipart/form-data bodies (RFC 7578 on RFC 2046): the text parts become
 * form fields like those of an urlencoded body, the file parts uploads
 * whose bytes stay where they are in the request body.  Every length is
 * checked before it is read; every count is bounded (fields, files, headers
 * per part, bytes of a part's headers).  Malformed is PT_EINVAL, over a
 * bound PT_ELIMIT, never a crash: the unit test feeds it random mutations.
 */
#define _GNU_SOURCE		/* memmem */
#include <string.h>
#include <strings.h>

#include "extern.h"

#define MP_BOUNDARY_BYTES	70	/* RFC 2046 */
#define MP_HEADERS		8	/* headers in one part */
#define MP_HEADER_BYTES		4096	/* all headers of one part */
#define MP_FILENAME_BYTES	255
#define MP_TYPE_BYTES		127

struct mp_part {
	const char	*name;		/* NULL until Content-Disposition gives one */
	const char	*filename;	/* NULL: a text field */
	const char	*content_type;
};

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* RFC 2045 token characters. */
static int
tchar(int c)
{
	return c > 0x20 && c < 0x7f && strchr("()<>@,;:\\\"/[]?=", c) == NULL;
}

/*
 * Read one "name=value" parameter at *pp (leading ';' and white space
 * skipped) of a header value ending at end.  The value is a token or a
 * quoted string; in a quoted string a backslash escapes only '"' and '\\'
 * (clients escape the quote that way, while Windows paths keep theirs).
 * name and value into the arena.  0 when there are no more, 1 for one,
 * PT_EINVAL when malformed.
 */
static int
next_param(struct pt_arena *a, const char **pp, const char *end, char **name, char **value)
{
	const char *p = *pp, *n0;
	size_t nlen, vcap;
	char *v;
	size_t vlen = 0;

	while (p < end && (*p == ' ' || *p == '\t' || *p == ';'))
		p++;
	if (p == end) {
		*pp = p;
		return 0;
	}
	for (n0 = p; p < end && tchar((unsigned char)*p) && *p != '='; p++)
		;
	nlen = (size_t)(p - n0);
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (nlen == 0 || p == end || *p != '=')
		return PT_EINVAL;
	p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	vcap = (size_t)(end - p) + 1;
	if ((*name = pt_arena_strndup(a, n0, nlen)) == NULL || (v = pt_arena_alloc(a, vcap)) == NULL)
		return PT_ENOMEM;
	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\'))
				p++;
			v[vlen++] = *p;
		}
		if (p == end)
			return PT_EINVAL;	/* unterminated quoted string */
		p++;
	} else {
		/* Unquoted: a token, leniently anything printable up to ';' (file=/a/b.txt). */
		while (p < end && *p != ';' && *p != '"' && (unsigned char)*p > 0x20 && *p != 0x7f)
			v[vlen++] = *p++;
		if (vlen == 0)
			return PT_EINVAL;
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p != ';')
		return PT_EINVAL;
	v[vlen] = '\0';
	*value = v;
	*pp = p;
	return 1;
}

/* The boundary parameter of the Content-Type, checked against RFC 2046's bchars. */
static int
boundary_of(struct pt_arena *a, const char *ctype, const char **boundary)
{
	const char *p = strchr(ctype, ';'), *end = ctype + strlen(ctype);
	char *name, *value;
	int rc;

	*boundary = NULL;
	while (p != NULL && (rc = next_param(a, &p, end, &name, &value)) != 0) {
		size_t len, i;

		if (rc < 0)
			return rc;
		if (strcasecmp(name, "boundary") != 0)
			continue;
		len = strlen(value);
		if (len == 0 || len > MP_BOUNDARY_BYTES || value[len - 1] == ' ')
			return PT_EINVAL;
		for (i = 0; i < len; i++) {
			char c = value[i];

			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			    strchr("'()+_,-./:=? ", c) != NULL))
				return PT_EINVAL;
		}
		*boundary = value;
		return PT_OK;
	}
	return PT_EINVAL;
}

/* The file name without any directory part (either slash: old browsers sent C:\...). */
static int
clean_filename(struct pt_arena *a, const char *raw, const char **out)
{
	const char *base = raw, *p;
	size_t len;

	for (p = raw; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	len = strlen(base);
	if (len > MP_FILENAME_BYTES)
		return PT_ELIMIT;
	if (!pt_text_ok((const unsigned char *)base, len) || strpbrk(base, "\t\r\n") != NULL ||
	    strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return PT_EINVAL;
	if ((*out = pt_arena_strndup(a, base, len)) == NULL)
		return PT_ENOMEM;
	return PT_OK;
}

/* Content-Disposition: form-data; name="..."[; filename="..."]. */
static int
disposition(struct pt_arena *a, const char *v, const char *end, struct mp_part *part)
{
	const char *p = v;
	char *name, *value;
	int rc;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < 9 || strncasecmp(p, "form-data", 9) != 0)
		return PT_EINVAL;
	p += 9;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p != ';')
		return PT_EINVAL;
	while ((rc = next_param(a, &p, end, &name, &value)) != 0) {
		if (rc < 0)
			return rc;
		if (strcasecmp(name, "name") == 0 && part->name == NULL)
			part->name = value;
		else if (strcasecmp(name, "filename") == 0 && part->filename == NULL)
			part->filename = value;
		/* filename* (RFC 7578 §4.2 says not to send it) and others are ignored. */
	}
	return PT_OK;
}

/* Content-Type of a part: "type/subtype" lower-cased, parameters dropped. */
static int
part_type(struct pt_arena *a, const char *v, const char *end, struct mp_part *part)
{
	const char *p = v, *t0;
	char *t;
	size_t i, len;
	int slash = 0;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (t0 = p; p < end && (tchar((unsigned char)*p) || *p == '/'); p++)
		slash += *p == '/';
	len = (size_t)(p - t0);
	if (len == 0 || len > MP_TYPE_BYTES || slash != 1 || *t0 == '/' || t0[len - 1] == '/')
		return PT_EINVAL;
	if ((t = pt_arena_strndup(a, t0, len)) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < len; i++)
		t[i] = (char)lower((unsigned char)t[i]);
	part->content_type = t;
	return PT_OK;
}

/* The headers of one part, h[0..len) without the blank line that ends them. */
static int
part_headers(struct pt_arena *a, const char *h, size_t len, struct mp_part *part)
{
	const char *end = h + len;
	size_t n = 0;
	int rc;

	while (h < end) {
		const char *eol = memmem(h, (size_t)(end - h), "\r\n", 2), *colon;
		size_t nlen;

		if (eol == NULL)
			eol = end;
		if (++n > MP_HEADERS)
			return PT_ELIMIT;
		if ((colon = memchr(h, ':', (size_t)(eol - h))) == NULL)
			return PT_EINVAL;
		nlen = (size_t)(colon - h);
		if (nlen == 0 || !pt_text_ok((const unsigned char *)h, (size_t)(eol - h)))
			return PT_EINVAL;
		if (nlen == 19 && strncasecmp(h, "Content-Disposition", 19) == 0)
			rc = disposition(a, colon + 1, eol, part);
		else if (nlen == 12 && strncasecmp(h, "Content-Type", 12) == 0)
			rc = part_type(a, colon + 1, eol, part);
		else
			rc = PT_OK;	/* Content-Transfer-Encoding and the like: ignored */
		if (rc != PT_OK)
			return rc;
		h = eol == end ? end : eol + 2;
	}
	return part->name != NULL && part->name[0] != '\0' ? PT_OK : PT_EINVAL;
}

static int
add_field(struct pt_req *req, const struct mp_part *part, const char *data, size_t len,
    const struct pt_limits *lim)
{
	struct pt_params *f = &req->form;
	char *v;
	int rc;

	if (strlen(part->name) > lim->name_bytes || len > lim->rich_value_bytes)
		return PT_ELIMIT;
	if (!pt_text_ok((const unsigned char *)part->name, strlen(part->name)) ||
	    !pt_text_ok((const unsigned char *)data, len))
		return PT_EINVAL;
	if ((rc = pt_params_grow(req->arena, f, lim->fields)) != PT_OK)
		return rc;
	if ((v = pt_arena_strndup(req->arena, data, len)) == NULL)
		return PT_ENOMEM;
	f->v[f->n].name = part->name;
	f->v[f->n].value = v;
	f->v[f->n].len = len;
	f->n++;
	return PT_OK;
}

static int
add_upload(struct pt_req *req, const struct mp_part *part, const char *data, size_t len,
    const struct pt_limits *lim)
{
	struct pt_upload *u;
	const char *filename;
	int rc;

	/* A file input left empty: the browser sends filename="" and no bytes. */
	if (part->filename[0] == '\0' && len == 0)
		return PT_OK;
	if (strlen(part->name) > lim->name_bytes)
		return PT_ELIMIT;
	if (!pt_text_ok((const unsigned char *)part->name, strlen(part->name)))
		return PT_EINVAL;
	if ((rc = clean_filename(req->arena, part->filename, &filename)) != PT_OK)
		return rc;
	if (filename[0] == '\0')
		return PT_EINVAL;	/* bytes without a name, or a name that was all directory */
	if (req->nuploads >= lim->files)
		return PT_ELIMIT;
	/* Doubling in the arena, as for form fields. */
	if ((req->nuploads & (req->nuploads - 1)) == 0) {
		size_t cap = req->nuploads == 0 ? 2 : req->nuploads * 2;

		if ((u = pt_arena_alloc(req->arena, cap * sizeof(*u))) == NULL)
			return PT_ENOMEM;
		if (req->nuploads > 0)
			memcpy(u, req->uploads, req->nuploads * sizeof(*u));
		req->uploads = u;
	}
	u = &req->uploads[req->nuploads++];
	u->field = part->name;
	u->filename = filename;
	u->content_type = part->content_type != NULL ? part->content_type :
	    "application/octet-stream";
	u->data = data;
	u->len = len;
	return PT_OK;
}

/*
 * After a delimiter "--boundary": "--" ends the body, else optional
 * transport padding (spaces, tabs) and CRLF start a part.  *p moves past
 * it.  1 for a part, 0 for the end, PT_EINVAL otherwise.
 */
static int
after_delimiter(const char **p, const char *end)
{
	const char *q = *p;

	if (end - q >= 2 && q[0] == '-' && q[1] == '-') {
		*p = q + 2;
		return 0;
	}
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (end - q < 2 || q[0] != '\r' || q[1] != '\n')
		return PT_EINVAL;
	*p = q + 2;
	return 1;
}

int
pt_parse_multipart(struct pt_req *req, const char *ctype, const char *body, size_t len,
    const struct pt_limits *lim)
{
	const char *boundary, *p, *end = body + len;
	char *delim;
	size_t blen, dlen, parts = 0;
	int rc, more;

	if ((rc = boundary_of(req->arena, ctype, &boundary)) != PT_OK)
		return rc;
	if (len > pt_body_limit(ctype, lim))
		return PT_ELIMIT;
	if (body == NULL || len == 0)
		return PT_EINVAL;
	/* "\r\n--boundary": every delimiter but a first one at the very start. */
	blen = strlen(boundary);
	dlen = blen + 4;
	if ((delim = pt_arena_alloc(req->arena, dlen + 1)) == NULL)
		return PT_ENOMEM;
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else {
		/* A preamble, to be ignored. */
		if ((p = memmem(body, len, delim, dlen)) == NULL)
			return PT_EINVAL;
		p += dlen;
	}
	if ((more = after_delimiter(&p, end)) < 0)
		return more;
	while (more) {
		struct mp_part part = { NULL, NULL, NULL };
		const char *hend, *next;
		size_t hlen;

		if (++parts > lim->fields + lim->files)
			return PT_ELIMIT;
		/* Headers: up to the first blank line; an empty header block is CRLF alone. */
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			hend = p;
			hlen = 0;
		} else {
			size_t room = (size_t)(end - p);

			if ((hend = memmem(p, room < MP_HEADER_BYTES + 4 ? room : MP_HEADER_BYTES + 4,
			    "\r\n\r\n", 4)) == NULL)
				return room > MP_HEADER_BYTES ? PT_ELIMIT : PT_EINVAL;
			hlen = (size_t)(hend - p);
			hend += 2;
		}
		if ((rc = part_headers(req->arena, p, hlen, &part)) != PT_OK)
			return rc;
		p = hend + 2;
		/* The content: up to the next delimiter, which must exist. */
		if ((next = memmem(p, (size_t)(end - p), delim, dlen)) == NULL)
			return PT_EINVAL;
		rc = part.filename != NULL ? add_upload(req, &part, p, (size_t)(next - p), lim) :
		    add_field(req, &part, p, (size_t)(next - p), lim);
		if (rc != PT_OK)
			return rc;
		p = next + dlen;
		if ((more = after_delimiter(&p, end)) < 0)
			return more;
	}
	/* Whatever follows the close delimiter is an epilogue, ignored. */
	return PT_OK;
}

const struct pt_upload *
pt_upload(const struct pt_req *req, const char *field)
{
	size_t i;

	for (i = 0; i < req->nuploads; i++)
		if (strcmp(req->uploads[i].field, field) == 0)
			return &req->uploads[i];
	return NULL;
}
