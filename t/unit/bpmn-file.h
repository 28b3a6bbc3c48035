/*
 * bpmn-file.h — the BPMN unit tests read their models from the source
 * tree (PT_SRCDIR): bpmn_file("processes", "order-approval.bpmn", &len)
 * returns the file's bytes, NUL-terminated, for free(); NULL when it
 * cannot be read.
 */
#ifndef BPMN_FILE_H
#define BPMN_FILE_H

#include <stdio.h>
#include <stdlib.h>

static inline char *
bpmn_file(const char *dir, const char *name, size_t *len)
{
	const char *src = getenv("PT_SRCDIR");
	char path[2048];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s/%s", src != NULL ? src : ".", dir, name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		fclose(f);
		return NULL;
	}
	rewind(f);
	if ((buf = malloc((size_t)n + 1)) != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
		*len = (size_t)n;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

#endif
