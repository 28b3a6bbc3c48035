/*
 * History (flow_history): a row for every element a token enters, ended
 * when it leaves.  The rows of a step are kept in memory and inserted in
 * one statement when the step is written; a row a step ends that an
 * earlier step opened (a token that waited) is updated by its token.
 */
#include <string.h>

#include "flowd.h"

#define HIST_BINDS 8

int
fl_hist_add(struct fl_run *r, const struct fl_element *e, long long token_id, int ended,
    const char *outcome)
{
	struct fl_hist_row *h;

	if (fl_grow(r->req, &r->hist, r->nhist, &r->caphist, sizeof(*h)) != PT_OK)
		return PT_ENOMEM;
	h = &r->hist[r->nhist++];
	memset(h, 0, sizeof(*h));
	h->element = e;
	h->token_id = token_id;
	h->ended = ended;
	h->outcome = outcome;
	return PT_OK;
}

int
fl_hist_end(struct fl_run *r, long long token_id, long long user_id, const char *outcome)
{
	size_t i;

	for (i = r->nhist; i-- > 0;)
		if (r->hist[i].token_id == token_id && !r->hist[i].ended) {
			r->hist[i].ended = 1;
			r->hist[i].outcome = outcome;
			if (user_id > 0)
				r->hist[i].user_id = user_id;
			return PT_OK;
		}
	return pt_db_exec(r->req, &fl_sql[FS_HIST_END], PT_BINDS(pt_str(outcome),
	    user_id > 0 ? pt_int(user_id) : pt_str(NULL), pt_int(token_id)), NULL);
}

int
fl_hist_end_all(struct fl_run *r, const char *outcome)
{
	size_t i;

	for (i = 0; i < r->nhist; i++)
		if (!r->hist[i].ended) {
			r->hist[i].ended = 1;
			r->hist[i].outcome = outcome;
		}
	return pt_db_exec(r->req, &fl_sql[FS_HIST_END_ALL], PT_BINDS(pt_str(outcome),
	    pt_int(r->id)), NULL);
}

int
fl_hist_flush(struct fl_run *r)
{
	struct pt_bind *b;
	size_t i;
	int rc;

	if (r->nhist == 0)
		return PT_OK;
	if ((b = pt_alloc(r->req, r->nhist * HIST_BINDS * sizeof(*b))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < r->nhist; i++) {
		const struct fl_hist_row *h = &r->hist[i];
		struct pt_bind *row = b + i * HIST_BINDS;

		row[0] = pt_int(r->id);
		row[1] = pt_int(r->def->id);
		row[2] = pt_str(h->element->id);
		row[3] = pt_str(fl_kind_names[h->element->kind]);
		row[4] = h->token_id > 0 ? pt_int(h->token_id) : pt_str(NULL);
		row[5] = h->user_id > 0 ? pt_int(h->user_id) : pt_str(NULL);
		row[6] = pt_int(h->ended);
		row[7] = pt_str(h->outcome);
	}
	rc = pt_db_exec_rows(r->req, &fl_sql[FS_HIST_INSERT], b, HIST_BINDS, r->nhist, NULL);
	r->nhist = 0;
	return rc;
}
