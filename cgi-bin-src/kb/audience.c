/*
 * Who may read what: an article's audience against the reader's
 * permissions.  public: everyone, also anonymous; customer:
 * kb.read.customer; partner: kb.read.partner; internal: kb.read.internal.
 * Statements test it with three bound flags, in this order:
 *   (a.audience = 'public' OR (a.audience = 'customer' AND ?)
 *    OR (a.audience = 'partner' AND ?) OR (a.audience = 'internal' AND ?))
 * (KB_AUDIENCE_SQL below), bound with KB_AUDIENCE_BINDS(&aud).
 */
#include <string.h>

#include "kb.h"

void
kb_audience_of(const struct pt_req *req, struct kb_audience *a)
{
	a->customer = pt_can(req, "kb.read.customer");
	a->partner = pt_can(req, "kb.read.partner");
	a->internal = pt_can(req, "kb.read.internal");
}

int
kb_audience_allows(const struct kb_audience *a, const char *audience)
{
	if (audience == NULL)
		return 0;
	if (strcmp(audience, "public") == 0)
		return 1;
	if (strcmp(audience, "customer") == 0)
		return a->customer;
	if (strcmp(audience, "partner") == 0)
		return a->partner;
	if (strcmp(audience, "internal") == 0)
		return a->internal;
	return 0;
}
