/*
 * JSON string literals for audit rows and personal-data exports: quotes,
 * backslashes and control characters escaped; UTF-8 passed through.
 */
#include <stdio.h>
#include <string.h>

#include "portico.h"

const char *
pt_json_str(struct pt_req *req, const char *s)
{
	size_t len, i;
	char *out, *p;

	if (s == NULL)
		return "null";
	len = strlen(s);
	/* Worst case: every byte becomes \u00XX. */
	if ((out = pt_alloc(req, 6 * len + 3)) == NULL)
		return NULL;
	p = out;
	*p++ = '"';
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':  *p++ = '\\'; *p++ = '"'; break;
		case '\\': *p++ = '\\'; *p++ = '\\'; break;
		case '\n': *p++ = '\\'; *p++ = 'n'; break;
		case '\r': *p++ = '\\'; *p++ = 'r'; break;
		case '\t': *p++ = '\\'; *p++ = 't'; break;
		default:
			if (c < 0x20 || c == 0x7f) {
				snprintf(p, 7, "\\u%04x", c);
				p += 6;
			} else
				*p++ = (char)c;
		}
	}
	*p++ = '"';
	*p = '\0';
	return out;
}
