/*
 * Conformance with bpmn-js's test models (t/unit/fixtures/bpmn/, see its
 * README): each valid one is accepted, or refused with a message naming
 * the unsupported element, its id and its line; the import-error-* ones
 * are refused for the broken reference they hold.  Which is which is the
 * table below, so a change of the supported subset shows here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "tap.h"
#include "bpmn-file.h"

int
main(void)
{
	/* want: NULL when accepted, else the refusal's message. */
	static const struct {
		const char	*file, *want;
	} samples[] = {
		{ "simple.bpmn", NULL },
		{ "import-process.bpmn", NULL },
		/* valid BPMN outside the subset: refused naming what is unsupported */
		{ "boundary-events.bpmn",
		  "line 13: boundaryEvent \"BoundaryEvent_1\" has no event definition (timer, message or error)" },
		{ "draw-conditional-flow-default.bpmn",
		  "line 16: inclusiveGateway \"sid-1D5E8A2E-CCF0-4408-8C11-2BE2020AF37E\" is not supported (see the supported subset in bpmn.c)" },
		{ "draw-events.bpmn",
		  "line 8: messageEventDefinition \"sid-40ee6314-63d0-4452-8f33-f345b9f70a96\" of startEvent \"StartEvent_2\" names no message (messageRef)" },
		{ "draw-gateways.bpmn",
		  "line 11: inclusiveGateway \"InclusiveGateway_1\" is not supported (see the supported subset in bpmn.c)" },
		{ "draw-task-types.bpmn",
		  "line 11: sendTask \"sid-DC73E8B3-54C4-44E3-A172-E10E072A37CF\" names no portico:action" },
		{ "import-boundaryEvent.bpmn",
		  "line 5: boundaryEvent \"BoundaryEvent_1\" has no event definition (timer, message or error)" },
		{ "import-collaboration.bpmn",
		  "line 5: participant \"Participant_1\" is a second pool: Portico runs one process per model" },
		/* valid BPMN that cannot run: no start, so nothing is reached */
		{ "draw-xor.bpmn",
		  "line 12: exclusiveGateway \"sid-81AA9CF4-08E7-4B17-B1FF-8479FD9E24EA\" is never reached (no incoming sequence flow)" },
		/* broken: refused for the broken reference, before anything unsupported */
		{ "import-error-boundaryEvent-missingAttachToRef.bpmn",
		  "line 5: boundaryEvent \"BoundaryEvent_1\" is attached to nothing (no attachedToRef)" },
		{ "import-error-invalid-flow-element.bpmn",
		  "line 10: flowNodeRef of lane \"Lane_1\" names \"TextAnnotation_1\", which is no flow node of the process" },
		{ "import-error-multiple-dis.bpmn",
		  "line 19: BPMNShape \"_BPMNShape_InclusiveGateway_3\" is a second diagram element for inclusiveGateway \"InclusiveGateway_1\"" },
	};
	char err[FL_ERROR_BYTES], name[256];
	struct fl_model *m;
	size_t i, len;

	for (i = 0; i < sizeof(samples) / sizeof(*samples); i++) {
		struct pt_arena *a = pt_arena_new();
		char *xml = bpmn_file("t/unit/fixtures/bpmn", samples[i].file, &len);
		int rc;

		if (!ok(xml != NULL, samples[i].file)) {
			pt_arena_free(a);
			continue;
		}
		rc = fl_bpmn_parse(a, xml, len, &m, err);
		printf("# %s: %s\n", samples[i].file, rc == PT_OK ? "accepted" : err);
		snprintf(name, sizeof(name), "%s is %s", samples[i].file,
		    samples[i].want == NULL ? "accepted" : "refused");
		if (samples[i].want == NULL) {
			ok(rc == PT_OK && m != NULL && m->has_diagram, name);
		} else {
			ok(rc == PT_EINVAL && m == NULL, name);
			is_str(err, samples[i].want, samples[i].file);
		}
		free(xml);
		pt_arena_free(a);
	}
	return done_testing();
}
