/*
 * Validators: a table of pcre2 patterns, compiled once per process.
 * Each is anchored at both ends so a match means the whole value fits;
 * PCRE2_DOLLAR_ENDONLY makes $ the very end, not also the place before a
 * final newline (a value ending in LF would pass otherwise, and a path
 * ending in one would end a header).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "portico.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)		/* a number as a string literal, for a pattern's bound */

static const char *const patterns[PT_V__MAX] = {
	[PT_V_EMAIL] = "^[A-Za-z0-9._%+'-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}$",
	[PT_V_LANG] = "^[a-z]{2}$",
	[PT_V_LOCAL_PATH] = "^/(?![/\\\\])[A-Za-z0-9/_.~%?=&+:-]{0,1023}$",
	[PT_V_TOKEN] = "^[0-9a-f]{64}$",
	[PT_V_ID] = "^[1-9][0-9]{0,17}$",
	[PT_V_NAME] = "^[^\\x00-\\x1f\\x7f]{1," STR(PT_NAME_MAX_CHARS) "}$",
	[PT_V_TAG] = "^(?=.{1," STR(PT_TAG_MAX_CHARS) "}\\z)[\\p{L}\\p{N}](?:[ -]?[\\p{L}\\p{N}])*\\z",
};

static const char *const names[PT_V__MAX] = {
	[PT_V_EMAIL] = "email",
	[PT_V_LANG] = "lang",
	[PT_V_LOCAL_PATH] = "local-path",
	[PT_V_TOKEN] = "token",
	[PT_V_ID] = "id",
	[PT_V_NAME] = "name",
	[PT_V_TAG] = "tag",
};

static pcre2_code *compiled[PT_V__MAX];
static pcre2_match_data *match_data;

int
pt_valid_init(void)
{
	int errcode;
	PCRE2_SIZE erroff;
	size_t i;

	if (match_data != NULL)
		return PT_OK;
	for (i = 0; i < PT_V__MAX; i++) {
		compiled[i] = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_DOLLAR_ENDONLY, &errcode, &erroff, NULL);
		if (compiled[i] == NULL)
			return PT_EINVAL;
		(void)pcre2_jit_compile(compiled[i], PCRE2_JIT_COMPLETE);
	}
	match_data = pcre2_match_data_create(4, NULL);
	return match_data != NULL ? PT_OK : PT_ENOMEM;
}

void
pt_valid_free(void)
{
	size_t i;

	for (i = 0; i < PT_V__MAX; i++) {
		pcre2_code_free(compiled[i]);
		compiled[i] = NULL;
	}
	pcre2_match_data_free(match_data);
	match_data = NULL;
}

int
pt_valid(enum pt_valid v, const char *s, size_t len)
{
	if (s == NULL || v >= PT_V__MAX || (match_data == NULL && pt_valid_init() != PT_OK))
		return 0;
	/* Invalid UTF-8 is a non-match (the return is negative), never a crash. */
	return pcre2_match(compiled[v], (PCRE2_SPTR)s, len, 0, 0, match_data, NULL) >= 0;
}

const char *
pt_valid_name(enum pt_valid v)
{
	return v < PT_V__MAX ? names[v] : "?";
}
