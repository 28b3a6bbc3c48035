/*
 * /<worker>/health, added to every worker by the runtime: can this worker
 * serve?  For load balancers and monitoring; always XML, 503 when the
 * database or a stylesheet is not there.
 */
#include "portico.h"

int
pt_health(struct pt_req *req)
{
	int db = pt_db_ping() == PT_OK, styles = pt_render_ready();
	xmlNodePtr h = pt_node(req->page, "health", NULL);

	pt_attr(h, "status", db && styles ? "ok" : "failing");
	pt_attr(h, "db", db ? "ok" : "unreachable");
	pt_attr(h, "stylesheets", styles ? "ok" : "broken");
	req->want_xml = 1;
	req->view = "health";
	return db && styles ? 200 : 503;
}
