/*
 * The parser on damaged mail: every corpus message cut short at many
 * points and with bytes flipped, from a fixed seed so a failure repeats.
 * Each parse must return a status, never crash (the sanitizers watch),
 * and whatever it returns must be valid UTF-8 XML text within the bounds.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"
#include "mailin.h"
#include "tap.h"

static struct pt_arena *arena;
static struct mailin_opts opts;
static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 32);
}

/* UTF-8 that XML may hold: no C0 controls but TAB and LF (pt_text_ok allows CR too). */
static int
xml_text(const char *s)
{
	return pt_text_ok((const unsigned char *)s, strlen(s)) && strchr(s, '\r') == NULL;
}

/* 1 if a parse of data came back sane. */
static int
sane(const char *data, size_t len)
{
	struct mailin_msg m;
	size_t i;
	int rc;

	pt_arena_reset(arena);
	rc = mailin_parse(arena, data, len, &opts, &m);
	if (rc == PT_EINVAL || rc == PT_ELIMIT)
		return 1;
	if (rc != PT_OK || !xml_text(m.from_addr) || !xml_text(m.from_name) ||
	    !xml_text(m.subject) || !xml_text(m.text) || !xml_text(m.reply) ||
	    strlen(m.text) > opts.limits.text_bytes || m.nattachments > opts.limits.attachments)
		return 0;
	for (i = 0; i < m.nattachments; i++)
		if (!xml_text(m.attachments[i].name) || *m.attachments[i].name == '\0' ||
		    strchr(m.attachments[i].name, '/') != NULL ||
		    m.attachments[i].len > opts.limits.attachment_bytes)
			return 0;
	return 1;
}

int
main(void)
{
	const char *src = getenv("PT_SRCDIR");
	char dir[1024], path[1400];
	struct dirent *e;
	DIR *d;
	int files = 0;

	if ((arena = pt_arena_new()) == NULL)
		return 1;
	mailin_init();
	mailin_limits_default(&opts.limits);
	opts.limits.text_bytes = 4096;
	opts.limits.attachment_bytes = 300;
	opts.limits.attachments = 2;
	opts.own_domain = "portico.example";
	snprintf(dir, sizeof(dir), "%s/t/unit/fixtures/mail", src != NULL ? src : ".");
	if ((d = opendir(dir)) == NULL)
		return 1;
	while ((e = readdir(d)) != NULL) {
		char *data, *copy;
		size_t len, cut, i;
		int bad = 0, k;
		FILE *f;

		if (strstr(e->d_name, ".eml") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((f = fopen(path, "rb")) == NULL)
			continue;
		data = malloc(1 << 20);
		len = fread(data, 1, 1 << 20, f);
		fclose(f);
		copy = malloc(len + 1);
		files++;
		/* Cut short: at every 7th byte (and so inside headers, boundaries, encodings). */
		for (cut = 0; cut <= len && !bad; cut += 7) {
			memcpy(copy, data, cut);
			bad = !sane(copy, cut);
		}
		ok(!bad, e->d_name);
		/* 300 copies with 1-8 bytes set to random values, NUL and 8-bit included. */
		for (k = 0; k < 300 && !bad; k++) {
			memcpy(copy, data, len);
			for (i = 0; i < 1 + next() % 8; i++)
				copy[next() % len] = (char)(next() & 0xff);
			bad = !sane(copy, len);
		}
		ok(!bad, "damaged bytes");
		free(copy);
		free(data);
	}
	closedir(d);
	ok(files >= 14, "the whole corpus");
	pt_arena_free(arena);
	mailin_shutdown();
	return done_testing();
}
