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

/*
 * Call each(section, key, value, arg) for every assignment of text, in
 * order; stops at the first status other than PT_OK.  PT_EINVAL for a
 * line that is neither a section, an assignment nor a comment.
 */
static int
parse_each(const char *text, size_t len,
    int (*each)(const char *, const char *, const char *, void *), void *arg)
{
	char section[64] = "";
	char *copy, *line, *next, *end;
	int rc = PT_OK;

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
		rc = each(section, trim(s, eq), trim(eq + 1, end), arg);
	}
	free(copy);
	return rc;
}

static int
add_each(const char *section, const char *key, const char *value, void *arg)
{
	(void)arg;
	return add(section, key, value);
}

int
pt_conf_parse(const char *text, size_t len)
{
	pt_conf_clear();
	return parse_each(text, len, add_each, NULL);
}

/* The whole file into a NUL-terminated malloc'd buffer (caller frees), or NULL. */
static char *
read_all(const char *path, size_t *len)
{
	char *buf;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	if ((buf = malloc(CONF_MAX_BYTES)) == NULL) {
		fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, CONF_MAX_BYTES, f);
	fclose(f);
	if (*len == CONF_MAX_BYTES) {
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

static char conf_path[1024];

int
pt_conf_load(const char *path)
{
	char *buf;
	size_t len;
	int rc;

	if (path == NULL)
		path = getenv("PORTICO_CONF");
	if (path == NULL)
		path = PT_SYSCONFDIR "/portico/portico.conf";
	snprintf(conf_path, sizeof(conf_path), "%s", path);
	if ((buf = read_all(path, &len)) == NULL) {
		pt_log(NULL, PT_LOG_ERROR, "cannot read config %s (or it is over %d bytes)", path,
		    CONF_MAX_BYTES);
		return PT_ESYS;
	}
	rc = pt_conf_parse(buf, len);
	free(buf);
	if (rc != PT_OK)
		pt_log(NULL, PT_LOG_ERROR, "config %s is malformed", path);
	return rc;
}

const char *
pt_conf_path(void)
{
	return conf_path[0] != '\0' ? conf_path : NULL;
}

struct peek {
	const char	*section;
	const char	*key;
	char		*out;
	size_t		 size;
	int		 found;
};

static int
peek_each(const char *section, const char *key, const char *value, void *arg)
{
	struct peek *p = arg;

	/* The last assignment wins, as in pt_conf_str. */
	if (strcmp(section, p->section) == 0 && strcmp(key, p->key) == 0 && *value != '\0')
		p->found = (size_t)snprintf(p->out, p->size, "%s", value) < p->size;
	return PT_OK;
}

int
pt_conf_peek(const char *path, const char *section, const char *key, char *out, size_t size)
{
	struct peek p = { section, key, out, size, 0 };
	char *buf;
	size_t len;
	int rc;

	if ((buf = read_all(path, &len)) == NULL)
		return PT_ESYS;
	rc = parse_each(buf, len, peek_each, &p);
	free(buf);
	if (rc != PT_OK)
		return rc;
	return p.found ? PT_OK : PT_ENOTFOUND;
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
