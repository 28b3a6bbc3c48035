/*
 * resp-header.h — for the unit tests: the value of a response header a
 * handler or the runtime added to a request, or NULL.
 */
#ifndef RESP_HEADER_H
#define RESP_HEADER_H

#include <string.h>

#include "portico.h"

static inline const char *
header(const struct pt_req *req, const char *name)
{
	size_t i;

	for (i = 0; i < req->nheaders; i++)
		if (strcmp(req->headers[i].name, name) == 0)
			return req->headers[i].value;
	return NULL;
}

#endif
