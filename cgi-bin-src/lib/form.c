/*
 * What a handler does to a typed value before it checks it: trimming,
 * lower-casing an address, reading a decimal amount, membership of a list
 * of allowed values, and turning a search term into a LIKE pattern.  The
 * page groups used to carry their own copies; these are the one version.
 *
 * White space is the C locale's (space, \t, \n, \v, \f, \r) and case is
 * ASCII, whatever locale the process runs in.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "portico.h"

#define AMOUNT_MAX_DIGITS 13	/* 10^13 major units: far beyond any budget, far from overflow */

static int
is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* s without leading and trailing white space, in the arena; NULL only when out of memory. */
static char *
trim(struct pt_req *req, const char *s)
{
	char *t;
	size_t len;

	if (s == NULL)
		s = "";
	while (is_space(*s))
		s++;
	if ((t = pt_strdup(req, s)) == NULL)
		return NULL;
	len = strlen(t);
	while (len > 0 && is_space(t[len - 1]))
		t[--len] = '\0';
	return t;
}

const char *
pt_trim(struct pt_req *req, const char *s)
{
	return trim(req, s);
}

const char *
pt_form_trim(struct pt_req *req, const char *name)
{
	return trim(req, pt_form(req, name));
}

const char *
pt_query_trim(struct pt_req *req, const char *name)
{
	return trim(req, pt_query(req, name));
}

char *
pt_email_normalise(struct pt_req *req, const char *s)
{
	char *e = trim(req, s), *p;

	for (p = e; p != NULL && *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return e;
}

size_t
pt_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	/* Every byte but a continuation byte (10xxxxxx) starts a character. */
	for (; p != NULL && *p != '\0'; p++)
		n += (*p & 0xc0) != 0x80;
	return n;
}

int
pt_one_of(const char *s, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, v[i]) == 0)
			return 1;
	return 0;
}

/* s escaped for LIKE between lead ("%" or "") and a closing "%". */
static const char *
like(struct pt_req *req, const char *lead, const char *s)
{
	char *out = pt_alloc(req, 2 * strlen(s) + 3), *p = out;

	if (out == NULL)
		return NULL;
	if (*lead != '\0')
		*p++ = '%';
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*p++ = '\\';
		*p++ = *s;
	}
	*p++ = '%';
	*p = '\0';
	return out;
}

const char *
pt_sql_like(struct pt_req *req, const char *s)
{
	return like(req, "%", s);
}

const char *
pt_sql_like_prefix(struct pt_req *req, const char *s)
{
	return like(req, "", s);
}

const char *
pt_url_encode(struct pt_req *req, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = pt_alloc(req, 3 * strlen(s) + 1), *p = out;

	if (out == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~')
			*p++ = (char)c;
		else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}

/*
 * Digits, then optionally "." or "," and one or two decimals; spaces
 * around are ignored.  A minus sign in front of an otherwise good amount
 * is told apart (PT_ELIMIT) so a form can say "not negative"; "-0" is
 * refused too, since nobody means zero that way.
 */
int
pt_parse_amount(const char *s, long long *minor)
{
	long long major = 0, cents = 0;
	size_t digits = 0, decimals = 0;
	int negative = 0;

	*minor = -1;
	if (s == NULL)
		return PT_OK;
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return PT_OK;
	if (*s == '-') {
		negative = 1;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > AMOUNT_MAX_DIGITS)
			return PT_EINVAL;
		major = major * 10 + (*s - '0');
	}
	if (digits == 0)
		return PT_EINVAL;
	if (*s == '.' || *s == ',') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			if (++decimals > 2)
				return PT_EINVAL;
			cents = cents * 10 + (*s - '0');
		}
		if (decimals == 0)
			return PT_EINVAL;
		if (decimals == 1)
			cents *= 10;
	}
	while (*s == ' ')
		s++;
	if (*s != '\0')
		return PT_EINVAL;
	if (negative)
		return PT_ELIMIT;
	*minor = major * 100 + cents;
	return PT_OK;
}

long long
pt_query_page(struct pt_req *req)
{
	const char *p = pt_query(req, "page");

	if (p == NULL || strlen(p) > 6 || !pt_valid(PT_V_ID, p, strlen(p)))
		return 1;
	return strtoll(p, NULL, 10);
}

long long
pt_pages(long long total, long long per_page)
{
	return total <= 0 ? 1 : (total + per_page - 1) / per_page;
}

/* The characters of s if it is text a person typed (see portico.h), else -1. */
long
pt_text_chars(const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0;

	while (*p != '\0') {
		size_t k, len;
		uint32_t cp;

		if (*p < 0x80) {
			if ((*p < 0x20 && !(multiline && (*p == '\t' || *p == '\n' || *p == '\r'))) ||
			    *p == 0x7f)
				return -1;
			p++;
			n++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0) {
			len = 2;
			cp = *p & 0x1f;
		} else if ((*p & 0xf0) == 0xe0) {
			len = 3;
			cp = *p & 0x0f;
		} else if ((*p & 0xf8) == 0xf0) {
			len = 4;
			cp = *p & 0x07;
		} else
			return -1;
		for (k = 1; k < len; k++) {
			if ((p[k] & 0xc0) != 0x80)
				return -1;
			cp = (cp << 6) | (p[k] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp < 0xa0))
			return -1;
		p += len;
		n++;
	}
	return n;
}


/*
 * s with its line ends as LF (see portico.h).
 */
const char *
pt_lf_lines(struct pt_req *req, const char *s)
{
	char *out, *o;

	if (strchr(s, '\r') == NULL)
		return s;
	if ((out = pt_alloc(req, strlen(s) + 1)) == NULL)
		return NULL;
	for (o = out; *s != '\0'; s++)
		if (!(s[0] == '\r' && s[1] == '\n'))
			*o++ = *s;
	*o = '\0';
	return out;
}
