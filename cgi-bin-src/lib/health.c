/*
 * /<worker>/health, added to every worker by the runtime: can this worker
 * serve?  For load balancers and monitoring; always XML, 503 when the
 * database or a stylesheet is not there, or when a worker that keeps
 * uploads cannot write to [paths] files (the log says why; the answer
 * does not, as it is public).
 */
#include "extern.h"

int
pt_health(struct pt_req *req)
{
	int db = pt_db_ping() == PT_OK, styles = pt_render_ready(), files = pt_files_health();
	int ok = db && styles && files != 0;
	xmlNodePtr h = pt_node(req->page, "health", NULL);

	pt_attr(h, "status", ok ? "ok" : "failing");
	pt_attr(h, "db", db ? "ok" : "unreachable");
	pt_attr(h, "stylesheets", styles ? "ok" : "broken");
	if (files >= 0)
		pt_attr(h, "files", files ? "ok" : "unusable");
	req->want_xml = 1;
	req->view = "health";
	return ok ? 200 : 503;
}
