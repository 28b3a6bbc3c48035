/*
 * The drawing: a model with every kind of shape drawn to SVG, written out
 * and read back (so it is well-formed XML), then checked with XPath: a
 * rounded rectangle per task, circles per event with their icons, a
 * diamond per gateway with its marker, a polyline with an arrow per flow
 * and the default flow's slash, labels escaped (a name with markup stays
 * text), German names on request, the active element highlighted, the
 * path taken shaded and count badges; and the samples of bpmn-js that are
 * accepted draw too.
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

static const char model[] =
"<?xml version='1.0'?>\n"
"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL' xmlns:p='https://portico.example/bpmn'"
" xmlns:bpmndi='http://www.omg.org/spec/BPMN/20100524/DI' xmlns:dc='http://www.omg.org/spec/DD/20100524/DC'"
" xmlns:di='http://www.omg.org/spec/DD/20100524/DI'>\n"
"<message id='M' name='paid'/>\n"
"<process id='P' name='Draw &lt;me&gt;' p:name-de='Zeichne mich'>\n"
"<startEvent id='s' name='Start' p:name-de='Anfang'/>\n"
"<userTask id='t' name='&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co' p:name-de='Prüfen' p:candidateRoles='agent'/>\n"
"<boundaryEvent id='b' attachedToRef='t' cancelActivity='false'><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>\n"
"<serviceTask id='mail' name='one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven twentyeight twentynine thirty' p:action='webhook.call'><extensionElements><p:param name='event' value='x'/></extensionElements></serviceTask>\n"
"<exclusiveGateway id='g' name='Approved?' default='f_no'/>\n"
"<parallelGateway id='fork'/>\n"
"<eventBasedGateway id='race'/>\n"
"<intermediateCatchEvent id='c'><messageEventDefinition messageRef='M'/></intermediateCatchEvent>\n"
"<intermediateCatchEvent id='wait'><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>\n"
"<endEvent id='e'><terminateEventDefinition/></endEvent>\n"
"<endEvent id='e2'/>\n"
"<sequenceFlow id='f1' sourceRef='s' targetRef='t'/>\n"
"<sequenceFlow id='f2' sourceRef='t' targetRef='g'/>\n"
"<sequenceFlow id='f_yes' name='yes' sourceRef='g' targetRef='fork'><conditionExpression>approved</conditionExpression></sequenceFlow>\n"
"<sequenceFlow id='f_no' sourceRef='g' targetRef='e'/>\n"
"<sequenceFlow id='f3' sourceRef='fork' targetRef='race'/>\n"
"<sequenceFlow id='f4' sourceRef='race' targetRef='c'/>\n"
"<sequenceFlow id='f5' sourceRef='race' targetRef='wait'/>\n"
"<sequenceFlow id='f6' sourceRef='c' targetRef='e2'/>\n"
"<sequenceFlow id='f7' sourceRef='wait' targetRef='e2'/>\n"
"<sequenceFlow id='f8' sourceRef='b' targetRef='mail'/>\n"
"<sequenceFlow id='f9' sourceRef='mail' targetRef='e2'/>\n"
"<group id='grp' categoryValueRef='cv'/>\n"
"</process>\n"
"<category id='cat'><categoryValue id='cv' value='Waiting'/></category>\n"
"<bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>\n"
"<bpmndi:BPMNShape bpmnElement='s'><dc:Bounds x='0' y='22' width='36' height='36'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='t'><dc:Bounds x='80' y='0' width='100' height='80'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='b'><dc:Bounds x='112' y='62' width='36' height='36'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='mail'><dc:Bounds x='180' y='120' width='100' height='80'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='g'><dc:Bounds x='220' y='15' width='50' height='50'/><bpmndi:BPMNLabel><dc:Bounds x='215' y='70' width='60' height='14'/></bpmndi:BPMNLabel></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='fork'><dc:Bounds x='320' y='15' width='50' height='50'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='race'><dc:Bounds x='420' y='15' width='50' height='50'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='c'><dc:Bounds x='520' y='22' width='36' height='36'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='wait'><dc:Bounds x='520' y='100' width='36' height='36'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='e'><dc:Bounds x='227' y='-80' width='36' height='36'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='e2'><dc:Bounds x='620' y='22' width='36' height='36'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNShape bpmnElement='grp'><dc:Bounds x='400' y='0' width='180' height='150'/></bpmndi:BPMNShape>\n"
"<bpmndi:BPMNEdge bpmnElement='f1'><di:waypoint x='36' y='40'/><di:waypoint x='80' y='40'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f2'><di:waypoint x='180' y='40'/><di:waypoint x='220' y='40'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f_yes'><di:waypoint x='270' y='40'/><di:waypoint x='320' y='40'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f_no'><di:waypoint x='245' y='15'/><di:waypoint x='245' y='-44'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f3'><di:waypoint x='370' y='40'/><di:waypoint x='420' y='40'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f4'><di:waypoint x='470' y='40'/><di:waypoint x='520' y='40'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f5'><di:waypoint x='445' y='65'/><di:waypoint x='445' y='118'/><di:waypoint x='520' y='118'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f6'><di:waypoint x='556' y='40'/><di:waypoint x='620' y='40'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f7'><di:waypoint x='556' y='118'/><di:waypoint x='638' y='118'/><di:waypoint x='638' y='58'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f8'><di:waypoint x='130' y='98'/><di:waypoint x='130' y='160'/><di:waypoint x='180' y='160'/></bpmndi:BPMNEdge>\n"
"<bpmndi:BPMNEdge bpmnElement='f9'><di:waypoint x='280' y='160'/><di:waypoint x='638' y='160'/><di:waypoint x='638' y='58'/></bpmndi:BPMNEdge>\n"
"</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>\n"
"</definitions>\n";

static xmlXPathContextPtr xp;

static double
num(const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, xp);
	double v = -1;

	if (o != NULL && o->type == XPATH_NUMBER)
		v = o->floatval;
	else if (o != NULL && o->type == XPATH_NODESET)
		v = o->nodesetval != NULL ? o->nodesetval->nodeNr : 0;
	else
		printf("# XPath failed: %s\n", expr);
	xmlXPathFreeObject(o);
	return v;
}

static char *
str(const char *expr)
{
	static char buf[512];
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, xp);
	xmlChar *s = o != NULL ? xmlXPathCastToString(o) : NULL;

	snprintf(buf, sizeof(buf), "%s", s != NULL ? (const char *)s : "(none)");
	xmlFree(s);
	xmlXPathFreeObject(o);
	return buf;
}

/* Draw, write out, read back: the XPath context is on the re-read document. */
static xmlDocPtr
drawn(const struct fl_model *m, const struct fl_svg_marks *marks, char **text)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0"), back;
	xmlChar *out = NULL;
	int len = 0;

	if (fl_svg_draw(m, marks, doc, NULL, NULL) != PT_OK) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlDocDumpMemory(doc, &out, &len);
	xmlFreeDoc(doc);
	back = xmlReadMemory((const char *)out, len, "drawn.svg", NULL, XML_PARSE_NONET);
	*text = strdup((const char *)out);
	xmlFree(out);
	return back;
}

/* Draw m and point the XPath context at the drawing; done() releases both. */
static xmlDocPtr
look(const struct fl_model *m, const struct fl_svg_marks *marks, char **text)
{
	xmlDocPtr doc = drawn(m, marks, text);

	xp = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(xp, (const xmlChar *)"s", (const xmlChar *)FL_SVG_NS);
	return doc;
}

static void
done(xmlDocPtr doc, char *text)
{
	xmlXPathFreeContext(xp);
	xp = NULL;
	xmlFreeDoc(doc);
	free(text);
}

static void
check_model(void)
{
	static const char *const active[] = { "t" }, *const taken[] = { "s", "f1" };
	static const struct fl_svg_count counts[] = { { "t", 12 }, { "g", 3 }, { "f1", 9 }, { "nope", 1 } };
	struct fl_svg_marks marks = { active, 1, taken, 2, counts, 4, NULL, "p1", NULL };
	struct pt_arena *a = pt_arena_new();
	char err[FL_ERROR_BYTES], *text = NULL;
	struct fl_model *m;
	xmlDocPtr doc;

	if (!ok(fl_bpmn_parse(a, model, strlen(model), &m, err) == PT_OK, "the drawing's model parses")) {
		printf("# %s\n", err);
		return;
	}
	doc = drawn(m, &marks, &text);
	if (!ok(doc != NULL, "the SVG is well-formed XML")) {
		pt_arena_free(a);
		return;
	}
	xp = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(xp, (const xmlChar *)"s", (const xmlChar *)FL_SVG_NS);
	is_int(num("count(/s:svg)"), 1, "the root is an svg element in the SVG namespace");
	is_str(str("/s:svg/@viewBox"), "-20 -100 696 320", "the viewBox is the extent plus a margin");
	is_str(str("/s:svg/s:title"), "Draw <me>", "the title is the process's name");
	is_int(num("count(//s:marker[@id='p1-arrow'])"), 1, "an arrow marker with the given prefix");
	is_int(num("count(//s:g[contains(@class,'fl-userTask')]/s:rect[@rx='10'])"), 1, "the user task is a rounded rectangle");
	is_int(num("count(//s:g[contains(@class,'fl-userTask')]/s:path)"), 1, "with the person icon");
	is_int(num("count(//s:g[contains(@class,'fl-serviceTask')]/s:circle[@stroke-dasharray])"), 1, "the service task has its gear");
	is_int(num("count(//s:g[contains(@class,'fl-startEvent')]/s:circle)"), 1, "the start event is one circle");
	is_int(num("count(//s:g[@data-element='b']/s:circle[@stroke-dasharray])"), 2,
	    "the non-interrupting boundary event: two dashed circles");
	is_int(num("count(//s:g[@data-element='b']/s:line)"), 2, "with the clock's hands");
	is_int(num("count(//s:g[@data-element='c']/s:rect)"), 1, "the message catch event has an envelope");
	is_int(num("count(//s:g[@data-element='e']/s:circle)"), 2, "the terminate end: ring and filled dot");
	is_str(str("//s:g[@data-element='e']/s:circle[1]/@stroke-width"), "4", "an end event has the thick ring");
	is_int(num("count(//s:g[contains(@class,'fl-exclusiveGateway')]/s:polygon)"), 1, "the exclusive gateway is a diamond");
	is_int(num("count(//s:g[contains(@class,'fl-exclusiveGateway')]/s:line)"), 2, "with an X");
	is_int(num("count(//s:g[contains(@class,'fl-parallelGateway')]/s:line)"), 2, "the parallel gateway has a +");
	is_int(num("count(//s:g[contains(@class,'fl-eventBasedGateway')]/s:polygon)"), 2,
	    "the event-based gateway: diamond and pentagon");
	is_int(num("count(//s:g[contains(@class,'fl-sequenceFlow')]/s:polyline[starts-with(@marker-end,'url(#p1-arrow')])"), 11,
	    "every flow is a polyline with an arrow");
	is_str(str("//s:g[@data-element='f5']/s:polyline/@points"), "445,65 445,118 520,118", "drawn through its waypoints");
	is_int(num("count(//s:g[@class='fl-pools']/s:g[@data-element='grp']/s:rect[@stroke-dasharray][@fill='none'])"), 1,
	    "a group is a dashed frame behind the shapes");
	is_str(str("//s:g[@data-element='grp']/s:text"), "Waiting", "named by its category value");
	is_int(num("count(//s:g[@data-element='mail']/s:text/s:tspan)"), 6, "a long name takes six lines at most");
	is_str(str("//s:g[@data-element='mail']/s:text/s:tspan[6]"), "thirteen\xe2\x80\xa6",
	    "and says where it was cut");
	is_int(num("count(//s:g[@data-element='f_no']/s:line)"), 1, "the default flow has its slash");
	is_int(num("count(//s:g[@data-element='f_yes']/s:line)"), 0, "a conditional one has none");
	is_str(str("//s:g[@data-element='f_yes']/s:text"), "yes", "a flow's name is its label");
	is_str(str("//s:g[@data-element='t']/s:title"), "<script>alert(1)</script> & Co", "a name with markup stays text");
	is_int(num("count(//s:script)"), 0, "and makes no script element");
	ok(strstr(text, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co") != NULL, "it is escaped in the SVG's text");
	is_str(str("//s:g[contains(@class,'fl-el')][@data-element='g']/s:text/@y"), "80", "a gateway's label stands in its DI label bounds");
	is_str(str("//s:g[@data-element='t']/@class"), "fl-el fl-userTask fl-active", "the active task is marked");
	is_str(str("//s:g[@data-element='t']/s:rect/@stroke"), "#0b57d0", "and highlighted");
	is_str(str("//s:g[@data-element='s']/@class"), "fl-el fl-startEvent fl-taken", "the start passed is marked taken");
	is_str(str("//s:g[@data-element='s']/s:circle/@fill"), "#e3efe3", "and shaded");
	is_str(str("//s:g[@data-element='f1']/s:polyline/@marker-end"), "url(#p1-arrow-taken)", "a flow taken has the taken arrow");
	is_int(num("count(//s:g[@class='fl-badge'])"), 2, "badges on the two shapes counted (not on a flow nor an unknown id)");
	is_str(str("//s:g[@class='fl-badge'][@data-element='t']/s:text"), "12", "the task's count");
	is_str(str("//s:g[@class='fl-badge'][@data-element='g']/s:text"), "3", "the gateway's count");
	done(doc, text);

	marks.lang = "de";
	doc = look(m, &marks, &text);
	is_str(str("/s:svg/s:title"), "Zeichne mich", "in German the process's German name");
	is_str(str("//s:g[@data-element='t']/s:text"), "Prüfen", "and the task's");
	is_str(str("//s:g[@data-element='f_yes']/s:text"), "yes", "a name without a German one stays");
	done(doc, text);

	{
		/* Into a page's tree, under a parent. */
		xmlDocPtr page = xmlNewDoc((const xmlChar *)"1.0");
		xmlNodePtr root = xmlNewDocNode(page, NULL, (const xmlChar *)"page", NULL), svg = NULL;

		xmlDocSetRootElement(page, root);
		ok(fl_svg_draw(m, NULL, page, root, &svg) == PT_OK && svg != NULL && svg->parent == root,
		    "the drawing can go into a page's tree");
		xmlFreeDoc(page);
	}
	pt_arena_free(a);
}

/* Each accepted sample draws, a shape for each of its diagram's shapes. */
static void
check_samples(void)
{
	static const char *const files[] = { "simple.bpmn", "import-process.bpmn" };
	char err[FL_ERROR_BYTES], *text, *xml;
	size_t i, len;

	for (i = 0; i < sizeof(files) / sizeof(*files); i++) {
		struct pt_arena *a = pt_arena_new();
		struct fl_model *m;
		xmlDocPtr doc;

		if ((xml = bpmn_file("t/unit/fixtures/bpmn", files[i], &len)) == NULL || fl_bpmn_parse(a, xml, len, &m, err) != PT_OK) {
			ok(0, files[i]);
			free(xml);
			pt_arena_free(a);
			continue;
		}
		doc = look(m, NULL, &text);
		is_int(num("count(//s:g[contains(@class,'fl-el ')])"), 8, files[i]);
		is_int(num("count(//s:g[contains(@class,'fl-subProcess')]/s:rect)"), 1, "its subprocess is drawn");
		done(doc, text);
		free(xml);
		pt_arena_free(a);
	}
}

/* An edge of 1000 waypoints far from the origin keeps every one of them. */
static void
check_long_edge(void)
{
	struct pt_arena *a = pt_arena_new();
	size_t cap = 200000, len, i;
	char *xml = malloc(cap), *text = NULL, err[FL_ERROR_BYTES];
	struct fl_model *m;
	xmlDocPtr doc = NULL;
	const char *pts;
	size_t npts = 0;

	len = (size_t)snprintf(xml, cap, "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
	    " xmlns:bpmndi='http://www.omg.org/spec/BPMN/20100524/DI' xmlns:di='http://www.omg.org/spec/DD/20100524/DI'>"
	    "<process id='P'><startEvent id='s'/><endEvent id='e'/><sequenceFlow id='f' sourceRef='s' targetRef='e'/></process>"
	    "<bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'><bpmndi:BPMNEdge bpmnElement='f'>");
	for (i = 0; i < 1000; i++)
		len += (size_t)snprintf(xml + len, cap - len, "<di:waypoint x='-999999.5' y='%zu.5'/>", 999000 + i);
	snprintf(xml + len, cap - len, "</bpmndi:BPMNEdge></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>");
	if (ok(fl_bpmn_parse(a, xml, strlen(xml), &m, err) == PT_OK, "a flow of 1000 waypoints is accepted"))
		doc = drawn(m, NULL, &text);
	if (doc != NULL) {
		xp = xmlXPathNewContext(doc);
		xmlXPathRegisterNs(xp, (const xmlChar *)"s", (const xmlChar *)FL_SVG_NS);
		/* The points in the text as written (str() keeps 512 bytes). */
		for (pts = text; (pts = strstr(pts, "-999999.5,")) != NULL; pts++)
			npts++;
		is_int(npts, 1000, "and drawn through all of them");
		is_int(num("count(//s:g[@data-element='f']/s:polyline)"), 1, "in one polyline");
		ok(strstr(text, "-999999.5,999999.5\"") != NULL, "the last one whole");
		xmlXPathFreeContext(xp);
		xmlFreeDoc(doc);
	}
	free(text);
	free(xml);
	pt_arena_free(a);
}

/* A collapsed subprocess with its own plane: drawn apart from the main one. */
static void
check_drill_down(void)
{
	static const char xml[] =
	    "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
	    " xmlns:bpmndi='http://www.omg.org/spec/BPMN/20100524/DI' xmlns:dc='http://www.omg.org/spec/DD/20100524/DC'"
	    " xmlns:di='http://www.omg.org/spec/DD/20100524/DI'>"
	    "<process id='P' name='Main'><startEvent id='s'/><subProcess id='sub' name='Inner'>"
	    "<startEvent id='in_s'/><task id='in_t' name='Inside'/><sequenceFlow id='in_f' sourceRef='in_s' targetRef='in_t'/>"
	    "</subProcess><endEvent id='e'/>"
	    "<sequenceFlow id='f1' sourceRef='s' targetRef='sub'/><sequenceFlow id='f2' sourceRef='sub' targetRef='e'/></process>"
	    "<bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='P'>"
	    "<bpmndi:BPMNShape bpmnElement='s'><dc:Bounds x='0' y='0' width='36' height='36'/></bpmndi:BPMNShape>"
	    "<bpmndi:BPMNShape bpmnElement='sub' isExpanded='false'><dc:Bounds x='100' y='-22' width='100' height='80'/></bpmndi:BPMNShape>"
	    "<bpmndi:BPMNShape bpmnElement='e'><dc:Bounds x='264' y='0' width='36' height='36'/></bpmndi:BPMNShape>"
	    "<bpmndi:BPMNEdge bpmnElement='f1'><di:waypoint x='36' y='18'/><di:waypoint x='100' y='18'/></bpmndi:BPMNEdge>"
	    "<bpmndi:BPMNEdge bpmnElement='f2'><di:waypoint x='200' y='18'/><di:waypoint x='264' y='18'/></bpmndi:BPMNEdge>"
	    "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>"
	    "<bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement='sub'>"
	    "<bpmndi:BPMNShape bpmnElement='in_s'><dc:Bounds x='1000' y='1000' width='36' height='36'/></bpmndi:BPMNShape>"
	    "<bpmndi:BPMNShape bpmnElement='in_t'><dc:Bounds x='1100' y='978' width='100' height='80'/></bpmndi:BPMNShape>"
	    "<bpmndi:BPMNEdge bpmnElement='in_f'><di:waypoint x='1036' y='1018'/><di:waypoint x='1100' y='1018'/></bpmndi:BPMNEdge>"
	    "</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>";
	struct fl_svg_marks marks = { NULL, 0, NULL, 0, NULL, 0, NULL, NULL, NULL };
	struct pt_arena *a = pt_arena_new();
	char err[FL_ERROR_BYTES], *text = NULL;
	struct fl_model *m;
	xmlDocPtr doc;

	if (!ok(fl_bpmn_parse(a, xml, strlen(xml), &m, err) == PT_OK, "a model with a drill-down plane parses")) {
		printf("# %s\n", err);
		pt_arena_free(a);
		return;
	}
	ok(m->extent.x == 0 && m->extent.width == 300, "the model's extent is its main plane's");
	doc = look(m, &marks, &text);
	is_int(num("count(//s:g[starts-with(@class,'fl-el ')])"), 5, "the main plane: its five elements");
	is_int(num("count(//s:g[@data-element='in_t'])"), 0, "not the subprocess's content");
	is_int(num("count(//s:g[@data-element='sub']/s:line)"), 2, "the collapsed subprocess has its + marker");
	done(doc, text);
	marks.plane = "sub";
	doc = look(m, &marks, &text);
	is_int(num("count(//s:g[starts-with(@class,'fl-el ')])"), 3, "the subprocess's plane: its three elements");
	is_str(str("/s:svg/@viewBox"), "980 958 240 120", "its own extent");
	is_str(str("/s:svg/s:title"), "Inner", "titled with the subprocess's name");
	done(doc, text);
	{
		xmlDocPtr none = xmlNewDoc((const xmlChar *)"1.0");

		marks.plane = "e";
		ok(fl_svg_draw(m, &marks, none, NULL, NULL) == PT_ENOTFOUND, "an element without a plane has nothing to draw");
		xmlFreeDoc(none);
	}
	pt_arena_free(a);
}

int
main(void)
{
	check_model();
	check_drill_down();
	check_long_edge();
	check_samples();
	xmlCleanupParser();
	return done_testing();
}
