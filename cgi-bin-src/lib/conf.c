/*
 * Configuration: an INI file ("[section]" lines, "key = value" lines,
 * ";" or "#" comments).  Read once at start-up; the values live for the
 * process.  Unknown keys are kept and ignored, so an old binary reads a new
 * file.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portico.h"

#define CONF_MAX_BYTES (256 * 1024)

struct entry {
	char	*section;
	char	*key;
	char	*value;
};

static struct entry *entries;
static size_t nentries;

void
pt_conf_clear(void)
{
	size_t i;

	for (i = 0; i < nentries; i++) {
		free(entries[i].section);
		free(entries[i].key);
		free(entries[i].value);
	}
	free(entries);
	entries = NULL;
	nentries = 0;
}

static char *
trim(char *s, char *end)
{
	while (s < end && isspace((unsigned char)*s))
		s++;
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	return s;
}

static int
add(const char *section, const char *key, const char *value)
{
	struct entry *e = realloc(entries, (nentries + 1) * sizeof(*e));

	if (e == NULL)
		return PT_ENOMEM;
	entries = e;
	e = &entries[nentries];
	e->section = strdup(section);
	e->key = strdup(key);
	e->value = strdup(value);
	if (e->section == NULL || e->key == NULL || e->value == NULL) {
		free(e->section);
		free(e->key);
		free(e->value);
		return PT_ENOMEM;
	}
	nentries++;
	return PT_OK;
}

int
pt_conf_parse(const char *text, size_t len)
{
	char section[64] = "";
	char *copy, *line, *next, *end;
	int rc = PT_OK;

	pt_conf_clear();
	if ((copy = malloc(len + 1)) == NULL)
		return PT_ENOMEM;
	memcpy(copy, text, len);
	copy[len] = '\0';
	for (line = copy; line != NULL && rc == PT_OK; line = next) {
		char *eq, *s;

		next = strchr(line, '\n');
		end = next != NULL ? next : line + strlen(line);
		if (next != NULL)
			next++;
		s = trim(line, end);
		if (*s == '\0' || *s == ';' || *s == '#')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');

			if (close == NULL || (size_t)(close - s - 1) >= sizeof(section)) {
				rc = PT_EINVAL;
				break;
			}
			*close = '\0';
			snprintf(section, sizeof(section), "%s", trim(s + 1, close));
			continue;
		}
		if ((eq = strchr(s, '=')) == NULL) {
			rc = PT_EINVAL;
			break;
		}
		*eq = '\0';
		/* An inline comment needs white space before it, so "a;b" stays a value. */
		for (end = eq + 1; *end != '\0'; end++)
			if ((*end == ';' || *end == '#') && isspace((unsigned char)end[-1]))
				break;
		rc = add(section, trim(s, eq), trim(eq + 1, end));
	}
	free(copy);
	return rc;
}

int
pt_conf_load(const char *path)
{
	char *buf;
	size_t len;
	FILE *f;
	int rc;

	if (path == NULL)
		path = getenv("PORTICO_CONF");
	if (path == NULL)
		path = PT_SYSCONFDIR "/portico/portico.conf";
	if ((f = fopen(path, "r")) == NULL) {
		pt_log(NULL, PT_LOG_ERROR, "cannot read config %s", path);
		return PT_ESYS;
	}
	if ((buf = malloc(CONF_MAX_BYTES)) == NULL) {
		fclose(f);
		return PT_ENOMEM;
	}
	len = fread(buf, 1, CONF_MAX_BYTES, f);
	fclose(f);
	rc = len == CONF_MAX_BYTES ? PT_ELIMIT : pt_conf_parse(buf, len);
	free(buf);
	if (rc != PT_OK)
		pt_log(NULL, PT_LOG_ERROR, "config %s is malformed", path);
	return rc;
}

const char *
pt_conf_str(const char *section, const char *key, const char *dflt)
{
	size_t i;

	/* The last assignment wins, as in most INI readers. */
	for (i = nentries; i-- > 0;)
		if (strcmp(entries[i].section, section) == 0 && strcmp(entries[i].key, key) == 0)
			return entries[i].value[0] != '\0' ? entries[i].value : dflt;
	return dflt;
}

long
pt_conf_int(const char *section, const char *key, long dflt)
{
	const char *v = pt_conf_str(section, key, NULL);
	char *end;
	long n;

	if (v == NULL)
		return dflt;
	n = strtol(v, &end, 10);
	return *end == '\0' ? n : dflt;
}

int
pt_conf_bool(const char *section, const char *key, int dflt)
{
	const char *v = pt_conf_str(section, key, NULL);

	if (v == NULL)
		return dflt;
	if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "1") == 0 ||
	    strcmp(v, "on") == 0)
		return 1;
	if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0 || strcmp(v, "0") == 0 ||
	    strcmp(v, "off") == 0)
		return 0;
	return dflt;
}
