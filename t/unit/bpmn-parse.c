/*
 * The BPMN parser and validator on models written for it: one that uses
 * every supported element (under unusual prefixes, to prove matching by
 * namespace URI) and what the model holds for each; a table of models
 * that are refused, each with the message that names the element, its
 * id and its line; and hostile input (not XML, a DTD with entities, too
 * large, too deep, too many elements, mutated bytes) that is refused
 * without a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "model.h"
#include "tap.h"

#define NS_ATTRS \
	" xmlns:semantic='http://www.omg.org/spec/BPMN/20100524/MODEL'" \
	" xmlns:bpmndi='http://www.omg.org/spec/BPMN/20100524/DI'" \
	" xmlns:dc='http://www.omg.org/spec/DD/20100524/DC'" \
	" xmlns:di='http://www.omg.org/spec/DD/20100524/DI'" \
	" xmlns:x='https://portico.example/bpmn'" \
	" xmlns:camunda='http://camunda.org/schema/1.0/bpmn'"

/* Every supported element once; line numbers matter below. */
static const char full[] =
"<?xml version='1.0' encoding='UTF-8'?>\n"
"<semantic:definitions" NS_ATTRS " id='d'>\n"
"<semantic:message id='Msg_paid' name='order.paid'/>\n"
"<semantic:error id='Err_1' errorCode='rejected'/>\n"
"<semantic:process id='approval' name='Order approval' x:name-de='Bestellfreigabe' isExecutable='true'>\n"
"<semantic:documentation>Approves orders above budget.</semantic:documentation>\n"
"<semantic:startEvent id='start' name='Order placed' x:name-de='Bestellung aufgegeben'/>\n"
"<semantic:startEvent id='start_timer'><semantic:timerEventDefinition><semantic:timeCycle>R/P1D</semantic:timeCycle></semantic:timerEventDefinition></semantic:startEvent>\n"
"<semantic:startEvent id='start_msg'><semantic:messageEventDefinition messageRef='Msg_paid'/></semantic:startEvent>\n"
"<semantic:exclusiveGateway id='gw' default='f_small' camunda:foo='ignored'/>\n"
"<semantic:userTask id='approve' name='Approve order' x:name-de='Bestellung freigeben' x:candidateRoles='customer_admin, manager' x:due='P1D' x:dueBusinessTime='true'>\n"
"  <semantic:extensionElements><camunda:properties/><x:form>\n"
"    <x:field name='approved' type='boolean' label='Approve' label-de='Freigeben' required='true'/>\n"
"    <x:field name='comment' type='text'/>\n"
"  </x:form><x:set name='decided_at' expr='now'/></semantic:extensionElements>\n"
"</semantic:userTask>\n"
"<semantic:boundaryEvent id='remind' attachedToRef='approve' cancelActivity='false'><semantic:timerEventDefinition x:businessTime='true'><semantic:timeDuration>P1D</semantic:timeDuration></semantic:timerEventDefinition></semantic:boundaryEvent>\n"
"<semantic:boundaryEvent id='escalate' attachedToRef='approve'><semantic:timerEventDefinition><semantic:timeDuration>P3D</semantic:timeDuration></semantic:timerEventDefinition></semantic:boundaryEvent>\n"
"<semantic:boundaryEvent id='cancelled' attachedToRef='approve'><semantic:messageEventDefinition messageRef='Msg_paid'/></semantic:boundaryEvent>\n"
"<semantic:serviceTask id='mail' x:action='mail.send'><semantic:extensionElements><x:param name='template' value='approval-reminder'/><x:param name='to' expr='approver_id'/></semantic:extensionElements></semantic:serviceTask>\n"
"<semantic:sendTask id='notify' x:action='webhook.call'><semantic:extensionElements><x:param name='event'>order.approved</x:param></semantic:extensionElements></semantic:sendTask>\n"
"<semantic:receiveTask id='wait_paid' messageRef='Msg_paid'/>\n"
"<semantic:subProcess id='sub'>\n"
"  <semantic:startEvent id='sub_start'/>\n"
"  <semantic:task id='sub_task'/>\n"
"  <semantic:endEvent id='sub_end'><semantic:errorEventDefinition errorRef='Err_1'/></semantic:endEvent>\n"
"  <semantic:sequenceFlow id='sf1' sourceRef='sub_start' targetRef='sub_task'/>\n"
"  <semantic:sequenceFlow id='sf2' sourceRef='sub_task' targetRef='sub_end'/>\n"
"</semantic:subProcess>\n"
"<semantic:boundaryEvent id='sub_error' attachedToRef='sub'><semantic:errorEventDefinition errorRef='Err_1'/></semantic:boundaryEvent>\n"
"<semantic:callActivity id='call' calledElement='onboarding'/>\n"
"<semantic:parallelGateway id='fork'/>\n"
"<semantic:parallelGateway id='join'/>\n"
"<semantic:eventBasedGateway id='race'/>\n"
"<semantic:intermediateCatchEvent id='wait_day'><semantic:timerEventDefinition><semantic:timeDate>2027-01-31T08:00:00+01:00</semantic:timeDate></semantic:timerEventDefinition></semantic:intermediateCatchEvent>\n"
"<semantic:intermediateCatchEvent id='wait_msg'><semantic:messageEventDefinition messageRef='Msg_paid'/></semantic:intermediateCatchEvent>\n"
"<semantic:endEvent id='end' name='Done' x:name-de='Fertig'/>\n"
"<semantic:endEvent id='end_kill'><semantic:terminateEventDefinition/></semantic:endEvent>\n"
"<semantic:endEvent id='end_err'><semantic:errorEventDefinition errorRef='Err_1'/></semantic:endEvent>\n"
"<semantic:textAnnotation id='note'><semantic:text>Above budget only</semantic:text></semantic:textAnnotation>\n"
"<semantic:association id='assoc' sourceRef='note' targetRef='approve'/>\n"
"<semantic:sequenceFlow id='f_start' sourceRef='start' targetRef='gw'/>\n"
"<semantic:sequenceFlow id='f_timer' sourceRef='start_timer' targetRef='gw'/>\n"
"<semantic:sequenceFlow id='f_msg' sourceRef='start_msg' targetRef='gw'/>\n"
"<semantic:sequenceFlow id='f_big' name='above budget' sourceRef='gw' targetRef='approve'><semantic:conditionExpression>total &gt; budget and not approved</semantic:conditionExpression></semantic:sequenceFlow>\n"
"<semantic:sequenceFlow id='f_small' sourceRef='gw' targetRef='fork'/>\n"
"<semantic:sequenceFlow id='f_approved' sourceRef='approve' targetRef='fork'/>\n"
"<semantic:sequenceFlow id='f_remind' sourceRef='remind' targetRef='mail'/>\n"
"<semantic:sequenceFlow id='f_mail_end' sourceRef='mail' targetRef='end'/>\n"
"<semantic:sequenceFlow id='f_esc' sourceRef='escalate' targetRef='end_kill'/>\n"
"<semantic:sequenceFlow id='f_cancel' sourceRef='cancelled' targetRef='end'/>\n"
"<semantic:sequenceFlow id='f_a' sourceRef='fork' targetRef='notify'/>\n"
"<semantic:sequenceFlow id='f_b' sourceRef='fork' targetRef='sub'/>\n"
"<semantic:sequenceFlow id='f_c' sourceRef='fork' targetRef='call'/>\n"
"<semantic:sequenceFlow id='f_a2' sourceRef='notify' targetRef='join'/>\n"
"<semantic:sequenceFlow id='f_b2' sourceRef='sub' targetRef='join'/>\n"
"<semantic:sequenceFlow id='f_c2' sourceRef='call' targetRef='join'/>\n"
"<semantic:sequenceFlow id='f_err' sourceRef='sub_error' targetRef='end_err'/>\n"
"<semantic:sequenceFlow id='f_race' sourceRef='join' targetRef='race'/>\n"
"<semantic:sequenceFlow id='f_day' sourceRef='race' targetRef='wait_day'/>\n"
"<semantic:sequenceFlow id='f_pay' sourceRef='race' targetRef='wait_msg'/>\n"
"<semantic:sequenceFlow id='f_day_end' sourceRef='wait_day' targetRef='end'/>\n"
"<semantic:sequenceFlow id='f_pay2' sourceRef='wait_msg' targetRef='wait_paid'/>\n"
"<semantic:sequenceFlow id='f_paid_end' sourceRef='wait_paid' targetRef='end'/>\n"
"<semantic:group id='grp' categoryValueRef='cv_billing'/>\n"
"</semantic:process>\n"
"<semantic:category id='cat'><semantic:categoryValue id='cv_billing' value='Billing'/></semantic:category>\n"
"<bpmndi:BPMNDiagram id='dia'><bpmndi:BPMNPlane id='plane' bpmnElement='approval'>\n"
"<bpmndi:BPMNShape id='start_di' bpmnElement='start'><dc:Bounds x='100' y='100' width='36' height='36'/><bpmndi:BPMNLabel><dc:Bounds x='90' y='140' width='60' height='14'/></bpmndi:BPMNLabel></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape id='approve_di' bpmnElement='approve'><dc:Bounds x='300' y='80' width='100' height='80'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape id='sub_di' bpmnElement='sub' isExpanded='false'><dc:Bounds x='500.5' y='300' width='100' height='80'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNEdge id='f_big_di' bpmnElement='f_big'><di:waypoint x='225' y='118'/><di:waypoint x='260' y='118'/><di:waypoint x='300' y='120'/><bpmndi:BPMNLabel><dc:Bounds x='230' y='100' width='50' height='14'/></bpmndi:BPMNLabel></bpmndi:BPMNEdge>\n"
"</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>\n"
"</semantic:definitions>\n";

static struct fl_element *
find(struct fl_model *m, const char *id)
{
	struct fl_element *e = fl_model_find(m, id);

	if (e == NULL)
		printf("# no element %s\n", id);
	return e;
}

static void
check_full(void)
{
	struct pt_arena *a = pt_arena_new();
	char err[FL_ERROR_BYTES];
	struct fl_model *m = NULL;
	struct fl_element *e;
	int rc;

	rc = fl_bpmn_parse(a, full, strlen(full), &m, err);
	if (!ok(rc == PT_OK, "the model with every supported element is accepted")) {
		printf("# %s\n", err);
		pt_arena_free(a);
		return;
	}
	is_str(m->id, "approval", "the process id is the model's key");
	is_str(m->name, "Order approval", "its English name");
	is_str(m->name_de, "Bestellfreigabe", "its German name");
	is_int(m->nstarts, 3, "three start events");
	is_int(m->starts[1]->trigger, FL_TRIGGER_TIMER, "the second starts by timer");
	is_int(m->starts[1]->timer->kind, FL_TIMER_CYCLE, "a cycle");
	is_int(m->starts[1]->timer->repeat, -1, "for ever");
	is_str(m->starts[2]->message, "order.paid", "the third by the message's name");
	ok(fl_model_find(m, "nothing") == NULL, "an unknown id finds nothing");

	e = find(m, "gw");
	ok(e != NULL && e->kind == FL_EXCLUSIVE_GATEWAY && e->noutgoing == 2 && e->nincoming == 3,
	    "the gateway: three in, two out");
	ok(e != NULL && e->default_flow != NULL && strcmp(e->default_flow->id, "f_small") == 0,
	    "its default flow");
	ok(e != NULL && e->outgoing[0]->condition != NULL && e->outgoing[0]->condition->compiled != NULL &&
	    strcmp(e->outgoing[0]->condition->expr, "total > budget and not approved") == 0,
	    "the condition is kept and compiled");
	{
		struct fl_scope scope = { NULL, NULL, 0 };
		struct fl_expr_error xe;
		int holds = 1;

		/* No variables: total is null, so the comparison is an error. */
		ok(e != NULL && fl_expr_test(e->outgoing[0]->condition->compiled, &scope, a, &holds, &xe) ==
		    PT_EINVAL && xe.column == 7, "the compiled condition evaluates (and says where it fails)");
	}

	e = find(m, "approve");
	ok(e != NULL && e->kind == FL_USER_TASK && e->user != NULL, "the user task");
	if (e != NULL && e->user != NULL) {
		is_int(e->user->nroles, 2, "two candidate roles");
		is_str(e->user->roles[0], "customer_admin", "the first");
		is_str(e->user->roles[1], "manager", "the second");
		is_int(e->user->scope, FL_SCOPE_INSTANCE, "of the instance's org");
		is_int(e->user->due_after.days, 1, "due after a day");
		is_int(e->user->due_business_time, 1, "a business day");
		is_int(e->user->nfields, 2, "two form fields");
		is_str(e->user->fields[0].name, "approved", "the first field");
		is_int(e->user->fields[0].type, FL_FIELD_BOOLEAN, "a boolean");
		is_int(e->user->fields[0].required, 1, "required");
		is_str(e->user->fields[0].label_de, "Freigeben", "with a German label");
		is_int(e->user->fields[1].type, FL_FIELD_TEXT, "the second is text");
		is_int(e->nassignments, 1, "an assignment on completion");
		is_str(e->name_de, "Bestellung freigeben", "the task's German name");
		is_int(e->nboundaries, 3, "three boundary events");
		is_int(e->line, 11, "its line");
		ok(e->shape != NULL && e->shape->bounds.x == 300 && e->shape->bounds.width == 100,
		    "its shape's bounds");
	}
	e = find(m, "remind");
	ok(e != NULL && !e->interrupting && e->timer != NULL && e->timer->business_time &&
	    e->attached_to == find(m, "approve"), "the reminder: non-interrupting, business time");
	e = find(m, "escalate");
	ok(e != NULL && e->interrupting && e->timer->every.days == 3, "the escalation interrupts after 3 days");
	e = find(m, "cancelled");
	ok(e != NULL && e->trigger == FL_TRIGGER_MESSAGE && e->interrupting, "a message boundary event");
	e = find(m, "mail");
	ok(e != NULL && strcmp(e->action, "mail.send") == 0 && e->nparams == 2 &&
	    strcmp(e->params[0].value, "approval-reminder") == 0 && e->params[1].compiled != NULL,
	    "the service task's action and parameters");
	e = find(m, "notify");
	ok(e != NULL && e->nparams == 1 && strcmp(e->params[0].value, "order.approved") == 0,
	    "a parameter's value may be its text");
	e = find(m, "wait_paid");
	ok(e != NULL && e->kind == FL_RECEIVE_TASK && strcmp(e->message, "order.paid") == 0,
	    "the receive task waits for the message");
	e = find(m, "sub");
	ok(e != NULL && e->nchildren == 5 && e->nboundaries == 1 && e->shape != NULL &&
	    !e->shape->expanded && e->shape->bounds.x == 500.5, "the subprocess: children, boundary, collapsed");
	e = find(m, "sub_end");
	ok(e != NULL && e->scope == find(m, "sub") && e->trigger == FL_TRIGGER_ERROR &&
	    strcmp(e->error_code, "rejected") == 0, "its error end throws the error's code");
	e = find(m, "call");
	ok(e != NULL && strcmp(e->called, "onboarding") == 0, "the call activity names its process");
	e = find(m, "fork");
	ok(e != NULL && e->kind == FL_PARALLEL_GATEWAY && e->noutgoing == 3, "the fork: three branches");
	e = find(m, "join");
	ok(e != NULL && e->nincoming == 3, "the join: three in");
	e = find(m, "race");
	ok(e != NULL && e->kind == FL_EVENT_GATEWAY && e->noutgoing == 2, "the event-based gateway");
	e = find(m, "wait_day");
	ok(e != NULL && e->timer != NULL && e->timer->kind == FL_TIMER_DATE, "a timer catch event at a date");
	e = find(m, "end_kill");
	ok(e != NULL && e->trigger == FL_TRIGGER_TERMINATE, "a terminate end");
	e = find(m, "note");
	ok(e != NULL && e->kind == FL_ANNOTATION && strcmp(e->text, "Above budget only") == 0,
	    "the annotation's text");
	e = find(m, "grp");
	ok(e != NULL && e->kind == FL_GROUP && e->name != NULL && strcmp(e->name, "Billing") == 0,
	    "a group is named by its category value");
	e = find(m, "f_big");
	ok(e != NULL && e->shape != NULL && e->shape->nwaypoints == 3 && e->shape->has_label &&
	    e->shape->waypoints[2].x == 300, "the flow's waypoints and label");
	ok(m->has_diagram && m->extent.x == 90 && m->extent.y == 80 && m->extent.width == 510.5 &&
	    m->extent.height == 300, "the diagram's extent");
	pt_arena_free(a);
}

#define HEAD "<?xml version='1.0'?>\n<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'" \
	" xmlns:p='https://portico.example/bpmn' xmlns:bpmndi='http://www.omg.org/spec/BPMN/20100524/DI'" \
	" xmlns:dc='http://www.omg.org/spec/DD/20100524/DC' xmlns:di='http://www.omg.org/spec/DD/20100524/DI'>\n" \
	"<message id='M' name='m'/><error id='E' errorCode='e'/>\n<process id='P'>\n"
#define TAIL "</process>\n</definitions>\n"
#define START "<startEvent id='s'/>\n"
#define FLOW(id, a, b) "<sequenceFlow id='" id "' sourceRef='" a "' targetRef='" b "'/>\n"
#define SIMPLE(node) HEAD START node FLOW("f1", "s", "t") FLOW("f2", "t", "e") "<endEvent id='e'/>\n" TAIL

static void
check_refusals(void)
{
	static const struct {
		const char	*xml, *want;
	} cases[] = {
		{ SIMPLE("<task id='t'/>"), NULL },
		{ "<definitions/>", "line 1: definitions is no BPMN 2.0 definitions element (namespace http://www.omg.org/spec/BPMN/20100524/MODEL)" },
		{ "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'/>", "line 1: definitions holds no process" },
		{ HEAD TAIL, "line 4: process \"P\" has no start event" },
		{ SIMPLE("<scriptTask id='t'/>"), "line 6: scriptTask \"t\" is not supported (see the supported subset in bpmn.c)" },
		{ SIMPLE("<task id='t'/><task id='t'/>"), "line 6: task \"t\" repeats an id of line 6" },
		{ SIMPLE("<task/>"), "line 6: task has no id" },
		{ SIMPLE("<task id='t'><multiInstanceLoopCharacteristics/></task>"),
		  "line 6: multiInstanceLoopCharacteristics in task \"t\" is not supported" },
		{ SIMPLE("<task id='t' isForCompensation='true'/>"), "line 6: task \"t\" is for compensation, which is not supported" },
		{ HEAD START FLOW("f1", "s", "nowhere") TAIL,
		  "line 6: sequenceFlow \"f1\" has the target \"nowhere\", which is no element of the process" },
		{ HEAD START "<sequenceFlow id='f1' sourceRef='s'/>" TAIL, "line 6: sequenceFlow \"f1\" has no target (targetRef)" },
		{ SIMPLE("<task id='t'/><boundaryEvent id='b'><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"),
		  "line 6: boundaryEvent \"b\" is attached to nothing (no attachedToRef)" },
		{ SIMPLE("<task id='t'/><boundaryEvent id='b' attachedToRef='s'><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"),
		  "line 6: boundaryEvent \"b\" is attached to startEvent \"s\", which is no activity" },
		{ SIMPLE("<task id='t'/><boundaryEvent id='b' attachedToRef='t'><timerEventDefinition><timeDuration>tomorrow</timeDuration></timerEventDefinition></boundaryEvent>"),
		  "line 6: timeDuration of boundaryEvent \"b\": \"tomorrow\" is no ISO 8601 duration (P1D, PT2H30M)" },
		{ SIMPLE("<task id='t'/><boundaryEvent id='b' attachedToRef='t'><timerEventDefinition/></boundaryEvent>"),
		  "line 6: timerEventDefinition of boundaryEvent \"b\" has no timeDate, timeDuration or timeCycle" },
		{ SIMPLE("<task id='t'/><boundaryEvent id='b' attachedToRef='t' cancelActivity='false'><errorEventDefinition/></boundaryEvent>"),
		  "line 6: boundaryEvent \"b\" catches an error without interrupting, which BPMN forbids" },
		{ SIMPLE("<task id='t'/><boundaryEvent id='b' attachedToRef='t'><signalEventDefinition/></boundaryEvent>"),
		  "line 6: signalEventDefinition in boundaryEvent \"b\" is not supported (timer, message, error, terminate are)" },
		{ SIMPLE("<task id='t'/><boundaryEvent id='b' attachedToRef='t'><messageEventDefinition messageRef='X'/></boundaryEvent>"),
		  "line 6: messageEventDefinition of boundaryEvent \"b\" names the unknown message \"X\"" },
		{ SIMPLE("<task id='t'/><intermediateCatchEvent id='c'/>"),
		  "line 6: intermediateCatchEvent \"c\" has no event definition (timer or message)" },
		{ SIMPLE("<task id='t'/><intermediateThrowEvent id='c'/>"),
		  "line 6: intermediateThrowEvent \"c\" is not supported (see the supported subset in bpmn.c)" },
		{ HEAD START "<endEvent id='e'><messageEventDefinition messageRef='M'/></endEvent>" FLOW("f", "s", "e") TAIL,
		  "line 6: endEvent \"e\" is a message endEvent, which is not supported" },
		{ SIMPLE("<userTask id='t'/>"),
		  "line 6: userTask \"t\" names no portico:candidateRoles and no portico:assignee: nobody could work on it" },
		{ SIMPLE("<userTask id='t' p:candidateRoles='agent' p:orgScope='world'/>"),
		  "line 6: userTask \"t\" has the unknown portico:orgScope \"world\" (instance, provider)" },
		{ SIMPLE("<userTask id='t' p:candidateRoles='agent' p:due='1 day'/>"),
		  "line 6: userTask \"t\" has a portico:due \"1 day\" that is no ISO 8601 duration (P1D, PT4H)" },
		{ SIMPLE("<userTask id='t' p:assignee='owner +'/>"),
		  "line 6: userTask \"t\" portico:assignee: expected a value, found the end at column 8 of \"owner +\"" },
		{ SIMPLE("<userTask id='t' p:candidateRoles='agent'><extensionElements><p:form><p:field name='x' type='colour'/></p:form></extensionElements></userTask>"),
		  "line 6: field \"x\" of \"t\" has the unknown type \"colour\"" },
		{ SIMPLE("<userTask id='t' p:candidateRoles='agent'><extensionElements><p:form><p:field name='not'/></p:form></extensionElements></userTask>"),
		  "line 6: field of \"t\": \"not\" is no variable name" },
		{ SIMPLE("<serviceTask id='t'/>"), "line 6: serviceTask \"t\" names no portico:action" },
		{ SIMPLE("<serviceTask id='t' p:action='rm -rf'/>"), "line 6: serviceTask \"t\" names the unknown action \"rm -rf\"" },
		{ SIMPLE("<serviceTask id='t' p:action='mail.send'><extensionElements><p:param name='template' value='x'/></extensionElements></serviceTask>"),
		  "line 6: serviceTask \"t\" lacks the parameter \"to\" of action mail.send" },
		{ SIMPLE("<serviceTask id='t' p:action='webhook.call'><extensionElements><p:param name='event' value='a' expr='b'/></extensionElements></serviceTask>"),
		  "line 6: param \"event\" of \"t\" needs either value or expr" },
		{ SIMPLE("<task id='t'><extensionElements><p:script/></extensionElements></task>"),
		  "line 6: script is no Portico extension (form, param, set are)" },
		{ SIMPLE("<task id='t'><extensionElements><p:set name='x' expr='1 +* 2'/></extensionElements></task>"),
		  "line 6: set \"x\" of task \"t\": expected a value, found '*' at column 4 of \"1 +* 2\"" },
		{ SIMPLE("<receiveTask id='t'/>"), "line 6: receiveTask \"t\" names no message (messageRef)" },
		{ SIMPLE("<callActivity id='t'/>"), "line 6: callActivity \"t\" names no process to call (calledElement)" },
		{ SIMPLE("<subProcess id='t'/>"), "line 6: subProcess \"t\" has 0 start events; a subProcess has one" },
		{ SIMPLE("<subProcess id='t' triggeredByEvent='true'><startEvent id='x'/></subProcess>"),
		  "line 6: subProcess \"t\" is an event subprocess, which is not supported" },
		{ SIMPLE("<subProcess id='t'><startEvent id='x'><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent></subProcess>"),
		  "line 6: startEvent \"x\" is a timer startEvent in a subProcess, which is not supported" },
		{ SIMPLE("<subProcess id='t'><startEvent id='x'/></subProcess><sequenceFlow id='bad' sourceRef='x' targetRef='e'/>"),
		  "line 6: sequenceFlow \"bad\" crosses the border of a subProcess" },
		{ HEAD START "<exclusiveGateway id='g' default='f3'/><endEvent id='e'/><endEvent id='e2'/>" FLOW("f1", "s", "g")
		  "<sequenceFlow id='f2' sourceRef='g' targetRef='e'><conditionExpression>x == </conditionExpression></sequenceFlow>" FLOW("f3", "g", "e2") TAIL,
		  "line 7: conditionExpression of sequenceFlow \"f2\": expected a value, found the end at column 5 of \"x ==\"" },
		{ HEAD START "<exclusiveGateway id='g'/><endEvent id='e'/><endEvent id='e2'/>" FLOW("f1", "s", "g")
		  FLOW("f2", "g", "e") FLOW("f3", "g", "e2") TAIL,
		  "line 6: exclusiveGateway \"g\" has the flow \"f2\" with neither a condition nor being the default" },
		{ HEAD START "<exclusiveGateway id='g' default='f1'/><endEvent id='e'/>" FLOW("f1", "s", "g") FLOW("f2", "g", "e") TAIL,
		  "line 6: exclusiveGateway \"g\" has the default \"f1\", which does not flow out of it" },
		{ HEAD START "<parallelGateway id='g' default='f2'/><endEvent id='e'/>" FLOW("f1", "s", "g") FLOW("f2", "g", "e") TAIL,
		  "line 6: parallelGateway \"g\" has a default flow, which only exclusive gateways may have here" },
		{ HEAD START "<task id='t'/><endEvent id='e'/>" FLOW("f1", "s", "t")
		  "<sequenceFlow id='f2' sourceRef='t' targetRef='e'><conditionExpression>true</conditionExpression></sequenceFlow>" TAIL,
		  "line 6: task \"t\" has the conditional flow \"f2\": conditions belong on the flows of an exclusive gateway" },
		{ HEAD START "<eventBasedGateway id='g'/><task id='t'/><task id='u'/>" FLOW("f1", "s", "g") FLOW("f2", "g", "t") FLOW("f3", "g", "u") TAIL,
		  "line 6: eventBasedGateway \"g\" leads to task \"t\": an event-based gateway leads to catch events and receive tasks" },
		{ SIMPLE("<task id='t'/><task id='lonely'/>"), "line 6: task \"lonely\" is never reached (no incoming sequence flow)" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") FLOW("f2", "e", "s") TAIL,
		  "line 5: startEvent \"s\" has an incoming sequence flow" },
		{ HEAD START "<startEvent id='s2'/><endEvent id='e'/>" FLOW("f1", "s", "e") FLOW("f2", "s2", "e") TAIL,
		  "line 4: process \"P\" has 2 none start events; one at most" },
		{ HEAD "<startEvent id='s'><outgoing>f9</outgoing></startEvent><endEvent id='e'/>" FLOW("f1", "s", "e") TAIL,
		  "line 5: outgoing of startEvent \"s\" names \"f9\", which is no sequence flow" },
		{ HEAD "<startEvent id='s'><incoming>f1</incoming></startEvent><endEvent id='e'/>" FLOW("f1", "s", "e") TAIL,
		  "line 5: incoming of startEvent \"s\" names sequenceFlow \"f1\", which does not flow into it" },
		{ "<?xml version='1.0'?><definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'><process id='P'/><process id='Q'/></definitions>",
		  "line 1: process \"Q\" is a second process: Portico runs one process per model" },
		{ "<?xml version='1.0'?><definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'><choreography id='c'/><process id='P'/></definitions>",
		  "line 1: choreography \"c\" is not supported (see the supported subset in bpmn.c)" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") "</process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>\n"
		  "<bpmndi:BPMNShape id='x' bpmnElement='ghost'><dc:Bounds x='1' y='1' width='1' height='1'/></bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>",
		  "line 8: BPMNShape \"x\" draws \"ghost\", which is no element of the process" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") "</process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>\n"
		  "<bpmndi:BPMNShape id='x' bpmnElement='s'/></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>",
		  "line 8: BPMNShape \"x\" has no dc:Bounds" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") "</process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>\n"
		  "<bpmndi:BPMNShape id='x' bpmnElement='s'><dc:Bounds x='1e9' y='1' width='1' height='1'/></bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>",
		  "line 8: Bounds has the x \"1e9\", which is no coordinate" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") "</process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>\n"
		  "<bpmndi:BPMNShape id='x' bpmnElement='s'><dc:Bounds x='nan' y='1' width='1' height='1'/></bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>",
		  "line 8: Bounds has the x \"nan\", which is no coordinate" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") "</process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>\n"
		  "<bpmndi:BPMNEdge id='x' bpmnElement='f1'><di:waypoint x='1' y='1'/></bpmndi:BPMNEdge></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>",
		  "line 8: BPMNEdge \"x\" has fewer than two waypoints" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") "</process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>\n"
		  "<bpmndi:BPMNEdge id='x' bpmnElement='s'><di:waypoint x='1' y='1'/><di:waypoint x='2' y='1'/></bpmndi:BPMNEdge></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>",
		  "line 8: BPMNEdge \"x\" draws startEvent \"s\" as an edge" },
		{ HEAD START "<endEvent id='e'/>" FLOW("f1", "s", "e") "</process><bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='Z'/></bpmndi:BPMNDiagram></definitions>",
		  "line 7: BPMNPlane draws \"Z\", which is neither the process, its collaboration nor a subProcess" },
		{ "<?xml version='1.0'?>\n<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
		  " xmlns:bpmndi='http://www.omg.org/spec/BPMN/20100524/DI' xmlns:di='http://www.omg.org/spec/DD/20100524/DI'>\n"
		  "<collaboration id='C'><participant id='pool' processRef='P'/>\n<messageFlow id='mf' sourceRef='s' targetRef='e'/></collaboration>\n"
		  "<process id='P'><startEvent id='s'/><endEvent id='e'/>" FLOW("f1", "s", "e") "</process>\n"
		  "<bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='C'><bpmndi:BPMNEdge bpmnElement='mf'>"
		  "<di:waypoint x='1' y='1'/><di:waypoint x='2' y='2'/></bpmndi:BPMNEdge></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>",
		  "line 4: messageFlow \"mf\" is not supported in a collaboration (one pool, no message flows)" },
		{ "<?xml version='1.0'?>\n<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'>\n"
		  "<collaboration id='C'><participant id='pool' name='Acme' processRef='P'/></collaboration>\n"
		  "<process id='P'>\n<laneSet><lane id='L'><flowNodeRef>s</flowNodeRef></lane></laneSet>\n"
		  "<startEvent id='s'/><endEvent id='e'/>" FLOW("f1", "s", "e") "</process></definitions>", NULL },
		{ HEAD "<startEvent id='M'/>" TAIL, "line 3: message \"M\" repeats the id of startEvent on line 5" },
		{ "<?xml version='1.0'?>\n<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'>\n"
		  "<message id='M'/>\n<error id='M'/><process id='P'/></definitions>", "line 4: error \"M\" repeats an id of line 3" },
		{ SIMPLE("<task id='t'/><group id='g' categoryValueRef='nope'/>"),
		  "line 6: group \"g\" names the unknown categoryValue \"nope\"" },
		/* broken references come before what is unsupported */
		{ SIMPLE("<scriptTask id='t'/><boundaryEvent id='b'/>"),
		  "line 6: boundaryEvent \"b\" is attached to nothing (no attachedToRef)" },
		/* hostile */
		{ "", "line 1: the model is no well-formed XML: Document is empty" },
		{ "<definitions", "line 1: the model is no well-formed XML: Couldn't find end of Start Tag definitions line 1" },
		{ "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><d>&b;</d>",
		  "line 1: the model has a DTD, which BPMN does not use" },
		{ "<?xml version='1.0'?><!DOCTYPE d SYSTEM 'file:///etc/passwd'><d/>",
		  "line 1: the model has a DTD, which BPMN does not use" },
	};
	char err[FL_ERROR_BYTES], name[160];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct pt_arena *a = pt_arena_new();
		struct fl_model *m;
		int rc = fl_bpmn_parse(a, cases[i].xml, strlen(cases[i].xml), &m, err);

		snprintf(name, sizeof(name), "case %zu: %.120s", i, cases[i].want ? cases[i].want : "accepted");
		if (cases[i].want == NULL)
			ok(rc == PT_OK, name);
		else
			is_str(rc == PT_OK ? "accepted" : err, cases[i].want, name);
		pt_arena_free(a);
	}
}

static int
owner_is_7(void *ctx, const char *name, struct fl_value *out)
{
	(void)ctx;
	if (strcmp(name, "owner_id") != 0)
		return PT_ENOTFOUND;
	memset(out, 0, sizeof(*out));
	out->type = FL_NUMBER;
	out->number = 7;
	return PT_OK;
}

/* The assignee's expression is compiled at deploy, ready to evaluate. */
static void
check_assignee(void)
{
	static const char xml[] = SIMPLE("<userTask id='t' p:assignee='owner_id'/>");
	struct fl_scope scope = { owner_is_7, NULL, 0 };
	struct pt_arena *a = pt_arena_new();
	char err[FL_ERROR_BYTES];
	struct fl_expr_error xe;
	struct fl_model *m;
	struct fl_element *t;
	struct fl_value v;

	ok(fl_bpmn_parse(a, xml, strlen(xml), &m, err) == PT_OK && (t = fl_model_find(m, "t")) != NULL &&
	    t->user->assignee_compiled != NULL &&
	    fl_expr_eval(t->user->assignee_compiled, &scope, a, &v, &xe) == PT_OK && v.type == FL_NUMBER &&
	    v.number == 7, "a user task's assignee is compiled and evaluates");
	pt_arena_free(a);
}

/* A model of n tasks in a row. */
static char *
chain(size_t n)
{
	size_t cap = 400 + n * 120, len, i;
	char *s = malloc(cap);

	len = (size_t)snprintf(s, cap, "%s<startEvent id='s'/>", HEAD);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len,
		    "<task id='t%zu'/><sequenceFlow id='f%zu' sourceRef='%s%zu' targetRef='t%zu'/>",
		    i, i, i == 0 ? "s" : "t", i == 0 ? 0 : i - 1, i);
	snprintf(s + len, cap - len, "%s", TAIL);
	if (n > 0)
		memcpy(strstr(s, "sourceRef='s0'"), "sourceRef='s' ", 14);
	return s;
}

static void
check_hostile(void)
{
	struct pt_arena *a = pt_arena_new();
	char err[FL_ERROR_BYTES];
	struct fl_model *m;
	size_t i, len, bad = 0;
	char *s, *big;

	s = chain(2000);
	ok(fl_bpmn_parse(a, s, strlen(s), &m, err) == PT_OK, "4001 elements are accepted");
	free(s);
	pt_arena_reset(a);
	s = chain(3000);
	ok(fl_bpmn_parse(a, s, strlen(s), &m, err) == PT_ELIMIT &&
	    strstr(err, "more than 5000 elements") != NULL, "6001 elements are refused");
	free(s);
	pt_arena_reset(a);

	big = malloc(FL_BPMN_MAX_BYTES + 2);
	memset(big, ' ', FL_BPMN_MAX_BYTES + 1);
	big[FL_BPMN_MAX_BYTES + 1] = '\0';
	ok(fl_bpmn_parse(a, big, FL_BPMN_MAX_BYTES + 1, &m, err) == PT_ELIMIT,
	    "a model over the size bound is refused");
	/* 10 000 nested subprocess-like elements: libxml2's depth limit holds. */
	len = 0;
	len += (size_t)sprintf(big + len, "%s", HEAD);
	for (i = 0; i < 10000; i++)
		len += (size_t)sprintf(big + len, "<subProcess id='p%zu'>", i);
	ok(fl_bpmn_parse(a, big, len, &m, err) == PT_EINVAL, "deep nesting is refused");
	pt_arena_reset(a);
	/* A hundred nested subprocesses are parsed (and refused for lacking starts). */
	len = (size_t)sprintf(big, "%s", HEAD);
	for (i = 0; i < 100; i++)
		len += (size_t)sprintf(big + len, "<subProcess id='p%zu'>", i);
	for (i = 0; i < 100; i++)
		len += (size_t)sprintf(big + len, "</subProcess>");
	len += (size_t)sprintf(big + len, "%s", TAIL);
	is_str(fl_bpmn_parse(a, big, len, &m, err) == PT_EINVAL ? err : "accepted",
	    "line 5: subProcess \"p0\" is never reached (no incoming sequence flow)",
	    "a hundred nested subprocesses are read");
	pt_arena_reset(a);
	free(big);

	/* Mutations of the full model: never a crash, always an answer. */
	len = strlen(full);
	s = malloc(len + 1);
	srand(14);
	for (i = 0; i < 3000; i++) {
		int k, rc;

		memcpy(s, full, len + 1);
		for (k = 0; k < 1 + rand() % 4; k++)
			s[rand() % len] = (char)(rand() % 2 ? "<>'/=\"&x0 -"[rand() % 12] : rand() % 256);
		rc = fl_bpmn_parse(a, s, len, &m, err);
		if ((rc == PT_OK) != (m != NULL) || (rc != PT_OK && err[0] == '\0'))
			bad++;
		pt_arena_reset(a);
	}
	is_int(bad, 0, "3000 mutated models: each accepted or refused with a message");
	free(s);
	pt_arena_free(a);
}

int
main(void)
{
	check_full();
	check_refusals();
	check_assignee();
	check_hostile();
	xmlCleanupParser();
	return done_testing();
}
