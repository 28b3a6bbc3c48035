/*
 * The processes Portico ships (the .bpmn files in processes/): each parses and
 * validates, names every element in English and German, has a diagram
 * shape for every node and an edge for every flow, and draws to SVG with
 * a group per element; and each does what issue 14 asks of it (order
 * approval: a reminder after 1 business day, the customer admin after 3;
 * returns: inspect, then refund, replace or reject, with a reminder;
 * tickets: the lead told, reassigned when untouched after 2 business
 * hours; onboarding: invite, welcome, check in after 7 days).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "model.h"
#include "svg.h"
#include "tap.h"
#include "bpmn-file.h"

static struct fl_model *
load(struct pt_arena *a, const char *name)
{
	char err[FL_ERROR_BYTES], msg[256];
	struct fl_model *m = NULL;
	size_t len = 0;
	char *xml;

	xml = bpmn_file("processes", name, &len);
	snprintf(msg, sizeof(msg), "%s parses and validates", name);
	if (!ok(xml != NULL && fl_bpmn_parse(a, xml, len, &m, err) == PT_OK, msg))
		printf("# %s\n", xml != NULL ? err : "cannot read it");
	free(xml);
	return m;
}

/* Names in both languages, a shape or edge for everything, and an SVG group each. */
static void
check_whole(const char *name, const struct fl_model *m)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlXPathContextPtr xp;
	xmlXPathObjectPtr o;
	size_t i, unnamed = 0, undrawn = 0, drawable = 0;
	char msg[256], expr[256];

	ok(m->name != NULL && m->name_de != NULL, name);
	for (i = 0; i < m->nelements; i++) {
		const struct fl_element *e = m->elements[i];

		if (!fl_kind_is_node(e->kind) && e->kind != FL_SEQUENCE_FLOW)
			continue;
		drawable++;
		if (e->shape == NULL) {
			printf("# %s has no diagram element\n", e->id);
			undrawn++;
		}
		if (fl_kind_is_node(e->kind) && e->kind != FL_PARALLEL_GATEWAY &&
		    (e->name == NULL || e->name_de == NULL)) {
			printf("# %s lacks a name\n", e->id);
			unnamed++;
		}
	}
	snprintf(msg, sizeof(msg), "%s: every node is named in English and German", name);
	is_int(unnamed, 0, msg);
	snprintf(msg, sizeof(msg), "%s: every node and flow is in the diagram", name);
	is_int(undrawn, 0, msg);
	snprintf(msg, sizeof(msg), "%s draws", name);
	ok(fl_svg_draw(m, NULL, doc, NULL, NULL) == PT_OK, msg);
	xp = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(xp, (const xmlChar *)"s", (const xmlChar *)FL_SVG_NS);
	snprintf(expr, sizeof(expr), "count(//s:g[starts-with(@class,'fl-el ')])");
	o = xmlXPathEvalExpression((const xmlChar *)expr, xp);
	snprintf(msg, sizeof(msg), "%s: a group per drawn element", name);
	is_int(o != NULL ? (long long)o->floatval : -1, (long long)drawable, msg);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(xp);
	xmlFreeDoc(doc);
}

static const struct fl_element *
el(const struct fl_model *m, const char *id)
{
	const struct fl_element *e = fl_model_find(m, id);

	if (e == NULL)
		printf("# no element %s\n", id);
	return e;
}

static const struct fl_element *
target(const struct fl_element *e, size_t i)
{
	return e != NULL && i < e->noutgoing ? e->outgoing[i]->target : NULL;
}

static void
check_order_approval(const struct fl_model *m)
{
	const struct fl_element *t = el(m, "approve"), *r = el(m, "remind"), *x = el(m, "escalate");
	const struct fl_element *admin = el(m, "approve_admin"), *g = el(m, "decided");
	const struct fl_element *own = el(m, "own");

	is_str(m->id, "order-approval", "the order approval's key");
	ok(t != NULL && t->kind == FL_USER_TASK && t->user->nroles == 2 &&
	    strcmp(t->user->roles[0], "approver") == 0 && t->user->scope == FL_SCOPE_INSTANCE,
	    "approvers of the buyer's org decide");
	ok(t != NULL && t->user->nfields == 2 && t->user->fields[0].type == FL_FIELD_BOOLEAN &&
	    t->user->fields[0].required, "with a form: approved (required) and a comment");
	ok(r != NULL && r->attached_to == t && !r->interrupting && r->timer->every.days == 1 &&
	    r->timer->business_time, "a reminder after 1 business day, the task staying");
	ok(target(r, 0) != NULL && strcmp(target(r, 0)->action, "mail.send") == 0, "the reminder is a mail");
	ok(x != NULL && x->attached_to == t && x->interrupting && x->timer->every.days == 3 &&
	    x->timer->business_time, "escalation after 3 business days takes the task away");
	ok(target(x, 0) == admin && admin->user->nroles == 1 &&
	    strcmp(admin->user->roles[0], "customer_admin") == 0, "to the customer admin");
	ok(own != NULL && own->kind == FL_EXCLUSIVE_GATEWAY && own->nincoming == 2 &&
	    own->default_flow != NULL && own->default_flow->target == g && own->noutgoing == 2 &&
	    target(own, 1) == t && own->outgoing[1]->condition != NULL,
	    "either task's decision: the buyer's own is asked again, any other goes on");
	ok(g != NULL && g->kind == FL_EXCLUSIVE_GATEWAY && g->nincoming == 1 && g->default_flow != NULL &&
	    strcmp(g->default_flow->target->id, "set_rejected") == 0, "rejected unless approved");
}

static void
check_returns(const struct fl_model *m)
{
	const struct fl_element *t = el(m, "inspect"), *g = el(m, "outcome"), *r = el(m, "remind");
	size_t i, statuses = 0;

	is_str(m->id, "return-handling", "the returns' key");
	ok(t != NULL && t->kind == FL_USER_TASK && t->user->scope == FL_SCOPE_PROVIDER,
	    "the provider's staff inspect");
	ok(r != NULL && r->attached_to == t && !r->interrupting && r->timer->business_time,
	    "with a timer reminder");
	ok(g != NULL && g->noutgoing == 3, "then refund, replace or reject");
	for (i = 0; g != NULL && i < g->noutgoing; i++) {
		const struct fl_element *s = g->outgoing[i]->target;

		statuses += s->kind == FL_SERVICE_TASK && strcmp(s->action, "return.set") == 0;
	}
	is_int(statuses, 3, "each sets the return's status");
}

static void
check_tickets(const struct fl_model *m)
{
	const struct fl_element *s = m->nstarts == 1 ? m->starts[0] : NULL, *g = el(m, "wait");
	const struct fl_element *timer = el(m, "untouched"), *split = target(s, 0);
	const struct fl_element *notify = el(m, "notify_lead");

	is_str(m->id, "ticket-escalation", "the ticket escalation's key");
	ok(s != NULL && s->trigger == FL_TRIGGER_MESSAGE && strcmp(s->message, "ticket.sla_breached") == 0,
	    "started by the SLA breach's message");
	ok(split != NULL && split->kind == FL_PARALLEL_GATEWAY && split->noutgoing == 2 &&
	    (target(split, 0) == g || target(split, 1) == g) &&
	    (target(split, 0) == notify || target(split, 1) == notify),
	    "at once the lead is told and the wait for a touch begins");
	ok(notify != NULL && strcmp(notify->action, "ticket.sla_alert") == 0, "the group lead is told");
	ok(g != NULL && g->kind == FL_EVENT_GATEWAY && g->noutgoing == 2, "then the first of two events");
	ok(el(m, "touched") != NULL && strcmp(el(m, "touched")->message, "ticket.touched") == 0,
	    "a touch of the ticket");
	ok(timer != NULL && timer->timer->every.hours == 2 && timer->timer->business_time,
	    "or 2 business hours untouched");
	ok(target(timer, 0) != NULL && strcmp(target(timer, 0)->action, "ticket.set") == 0,
	    "reassign the ticket");
	ok(target(target(timer, 0), 0) != NULL &&
	    strcmp(target(target(timer, 0), 0)->action, "ticket.note") == 0, "with an internal note");
}

static void
check_onboarding(const struct fl_model *m)
{
	const struct fl_element *week = el(m, "week"), *check = el(m, "check_in");
	const struct fl_element *g = target(m->starts[0], 0), *invite = el(m, "invite");

	is_str(m->id, "customer-onboarding", "the onboarding's key");
	ok(g != NULL && g->kind == FL_EXCLUSIVE_GATEWAY && g->default_flow != NULL &&
	    (target(g, 0) == invite || target(g, 1) == invite), "a new org: its admin, if named, is invited");
	ok(invite != NULL && strcmp(invite->action, "user.invite") == 0, "by an invitation");
	ok(el(m, "accepted") != NULL && el(m, "accepted")->kind == FL_RECEIVE_TASK &&
	    strcmp(el(m, "accepted")->message, "user.invitation_accepted") == 0, "which is accepted");
	ok(el(m, "welcome") != NULL && el(m, "welcome")->kind == FL_SEND_TASK, "a welcome mail");
	ok(week != NULL && week->kind == FL_CATCH_EVENT && week->timer->every.days == 7 &&
	    target(week, 0) == check, "a check-in task after 7 days");
	ok(check != NULL && check->user->scope == FL_SCOPE_PROVIDER, "for the provider's staff");
}

int
main(void)
{
	static const struct {
		const char	*file;
		void		(*check)(const struct fl_model *);
	} processes[] = {
		{ "order-approval.bpmn", check_order_approval },
		{ "return-handling.bpmn", check_returns },
		{ "ticket-escalation.bpmn", check_tickets },
		{ "customer-onboarding.bpmn", check_onboarding },
	};
	size_t i;

	for (i = 0; i < sizeof(processes) / sizeof(*processes); i++) {
		struct pt_arena *a = pt_arena_new();
		struct fl_model *m = load(a, processes[i].file);

		if (m != NULL) {
			check_whole(processes[i].file, m);
			processes[i].check(m);
		}
		pt_arena_free(a);
	}
	xmlCleanupParser();
	return done_testing();
}
