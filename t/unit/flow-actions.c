/*
 * portico-flowd's service actions, what of them needs no database: every
 * action the models may name (fl_actions) is one actions.c runs (it is
 * refused for a missing parameter, not for a missing function); an
 * unknown action or a missing parameter is refused at once (PT_EINVAL, an
 * incident without retries) with a sentence naming it; and the steps a
 * return may take, which return.set and the desk share.  What the actions
 * write is tested end to end (t/http/290-294).
 */
#include <string.h>

#include "actions.h"
#include "tap.h"

static int
run(struct pt_req *req, const char *action, const struct fl_param *p, size_t n, char *err)
{
	struct fl_action_ctx ctx = { req, 1, 1, 0, "K-1", "test", "task", NULL, NULL, NULL };

	return fl_action_run(&ctx, action, p, n, err, 200);
}

int
main(void)
{
	struct pt_req *req = pt_req_new("test");
	const struct fl_action *a;
	char err[200], msg[200];
	size_t i, n;

	is_int(run(req, "mail.sned", NULL, 0, err), PT_EINVAL, "an unknown action: refused");
	is_str(err, "there is no action mail.sned", "... saying which");
	is_int(run(req, NULL, NULL, 0, err), PT_EINVAL, "no action at all: refused");

	for (a = fl_actions, n = 0; a->name != NULL; a++, n++) {
		struct fl_param p[8];
		size_t k;

		/* Each required parameter left out in turn: refused, naming it. */
		for (i = 0; a->required[i] != NULL; i++) {
			size_t np = 0;

			for (k = 0; a->required[k] != NULL && np < 8; k++)
				if (k != i) {
					p[np].name = a->required[k];
					memset(&p[np].value, 0, sizeof(p[np].value));
					p[np].value.type = FL_STRING;
					p[np].value.string = "1";
					p[np].value.len = 1;
					np++;
				}
			snprintf(msg, sizeof(msg), "%s without %s: refused", a->name, a->required[i]);
			is_int(run(req, a->name, p, np, err), PT_EINVAL, msg);
			snprintf(msg, sizeof(msg), "%s needs parameter %s", a->name, a->required[i]);
			is_str(err, msg, "... saying so");
		}
	}
	is_int(n, 9, "nine actions: mail, order, return, ticket set/create/note/sla_alert, user invite, webhook");

	ok(pt_return_step_from("approved", "requested"), "a requested return may be approved");
	ok(pt_return_step_from("rejected", "requested"), "... or rejected");
	ok(pt_return_step_from("rejected", "received"), "a received one rejected after its inspection");
	ok(pt_return_step_from("refunded", "received") && pt_return_step_from("replaced", "received"),
	    "... refunded or replaced");
	ok(!pt_return_step_from("refunded", "approved"), "not refunded before the goods came");
	ok(!pt_return_step_from("received", "received"), "not received twice");
	ok(!pt_return_step_from("requested", NULL), "requested is no step");
	is_str(pt_return_step_field("approved"), "instructions", "approving says how to send it");
	is_str(pt_return_step_field("rejected"), "reason", "rejecting says why");
	ok(pt_return_step_field("cancelled") == NULL, "no step, no field");
	pt_req_free(req);
	return done_testing();
}
