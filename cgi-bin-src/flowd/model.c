/*
 * The model's tables: names of kinds, triggers and field types, the
 * lookup of an element by id, and the service actions flowd runs.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"

const char *const fl_kind_names[FL_KIND__MAX] = {
	[FL_START_EVENT] = "startEvent",
	[FL_END_EVENT] = "endEvent",
	[FL_TASK] = "task",
	[FL_USER_TASK] = "userTask",
	[FL_SERVICE_TASK] = "serviceTask",
	[FL_SEND_TASK] = "sendTask",
	[FL_RECEIVE_TASK] = "receiveTask",
	[FL_SUBPROCESS] = "subProcess",
	[FL_CALL_ACTIVITY] = "callActivity",
	[FL_EXCLUSIVE_GATEWAY] = "exclusiveGateway",
	[FL_PARALLEL_GATEWAY] = "parallelGateway",
	[FL_EVENT_GATEWAY] = "eventBasedGateway",
	[FL_CATCH_EVENT] = "intermediateCatchEvent",
	[FL_BOUNDARY_EVENT] = "boundaryEvent",
	[FL_SEQUENCE_FLOW] = "sequenceFlow",
	[FL_PROCESS] = "process",
	[FL_PARTICIPANT] = "participant",
	[FL_LANE] = "lane",
	[FL_ANNOTATION] = "textAnnotation",
	[FL_ASSOCIATION] = "association",
	[FL_GROUP] = "group",
	[FL_UNSUPPORTED] = "unsupported",
};

const char *const fl_trigger_names[FL_TRIGGER__MAX] = {
	[FL_TRIGGER_NONE] = "none",
	[FL_TRIGGER_TIMER] = "timer",
	[FL_TRIGGER_MESSAGE] = "message",
	[FL_TRIGGER_ERROR] = "error",
	[FL_TRIGGER_TERMINATE] = "terminate",
};

const char *const fl_field_type_names[FL_FIELD__MAX] = {
	[FL_FIELD_STRING] = "string",
	[FL_FIELD_TEXT] = "text",
	[FL_FIELD_NUMBER] = "number",
	[FL_FIELD_BOOLEAN] = "boolean",
	[FL_FIELD_DATE] = "date",
};

const char *const fl_scope_names[FL_SCOPE__MAX] = {
	[FL_SCOPE_INSTANCE] = "instance",
	[FL_SCOPE_PROVIDER] = "provider",
};

static const char *const mail_params[] = { "template", "to", NULL };
static const char *const ticket_set_params[] = { "ticket", "field", "value", NULL };
static const char *const order_set_params[] = { "order", "field", "value", NULL };
static const char *const return_set_params[] = { "return", "field", "value", NULL };
static const char *const ticket_create_params[] = { "service", "subject", NULL };
static const char *const ticket_note_params[] = { "ticket", "text", NULL };
static const char *const ticket_alert_params[] = { "ticket", "clock", NULL };
static const char *const user_invite_params[] = { "org", "email", "name", "role", NULL };
static const char *const webhook_params[] = { "event", NULL };

const struct fl_action fl_actions[] = {
	{ "mail.send", mail_params, "a mail from a template to an address or a role of the instance's org" },
	{ "ticket.set", ticket_set_params, "set a field of a ticket (status, priority, group, assignee)" },
	{ "order.set", order_set_params, "set a field of an order (status)" },
	{ "return.set", return_set_params, "set a field of a return (status: approved, rejected, refunded, replaced)" },
	{ "ticket.create", ticket_create_params, "create a ticket for a service in the instance's org" },
	{ "ticket.note", ticket_note_params, "add an internal note to a ticket" },
	{ "ticket.sla_alert", ticket_alert_params, "mail a ticket's SLA breach of a clock to its group's leads, saying it escalates to them" },
	{ "user.invite", user_invite_params, "invite a person with a role into an org (the invitation mail and link)" },
	{ "webhook.call", webhook_params, "call the integration webhook with an event and the variables" },
	{ NULL, NULL, NULL }
};

const struct fl_action *
fl_action_find(const char *name)
{
	const struct fl_action *a;

	if (name == NULL)
		return NULL;
	for (a = fl_actions; a->name != NULL; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

int
fl_kind_is_node(enum fl_kind k)
{
	return k <= FL_BOUNDARY_EVENT;
}

int
fl_kind_is_activity(enum fl_kind k)
{
	return k >= FL_TASK && k <= FL_CALL_ACTIVITY;
}

static int
by_id(const void *key, const void *elem)
{
	return strcmp(key, (*(struct fl_element *const *)elem)->id);
}

struct fl_element *
fl_model_find(const struct fl_model *m, const char *id)
{
	struct fl_element **e;

	if (id == NULL || m->nelements == 0)
		return NULL;
	e = bsearch(id, m->elements, m->nelements, sizeof(*m->elements), by_id);
	return e != NULL ? *e : NULL;
}
