/*
 * The service catalogue (GET /tickets/): the services a person's
 * organisation may use, grouped by category, in the page language (else
 * English).  People pick what they need, never who does it: the service
 * decides the group.  Per organisation kind and tier, so never kept in
 * the page cache.
 */
#include <string.h>

#include "tickets.h"

enum catalogue_sql { SQL_SERVICES, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: org, lang x2. */
	[SQL_SERVICES] = { "tk_catalogue_services",
	    "SELECT c.slug, COALESCE(ct.name, ce.name, c.slug),"
	    " COALESCE(ct.description, ce.description, ''), s.slug, s.type,"
	    " COALESCE(st.name, se.name, s.slug), COALESCE(st.description, se.description, '')"
	    " FROM ticket_categories c JOIN ticket_services s ON s.category_id = c.id"
	    PT_TICKET_AUDIENCE_JOIN
	    " LEFT JOIN ticket_category_texts ct ON ct.category_id = c.id AND ct.lang = ?"
	    " LEFT JOIN ticket_category_texts ce ON ce.category_id = c.id AND ce.lang = 'en'"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'"
	    " WHERE c.active = 1 AND s.active = 1 AND" PT_TICKET_AUDIENCE_SQL
	    " ORDER BY c.position, c.id, s.position, s.id" },
};

enum { C_SLUG, C_NAME, C_DESC, S_SLUG, S_TYPE, S_NAME, S_DESC };

/* GET /tickets/ */
static int
catalogue(struct pt_req *req)
{
	xmlNodePtr cat, c = NULL;
	struct pt_rows rows;
	const char *prev = NULL;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_SERVICES], &rows,
	    PT_BINDS(pt_int(req->session.user->org_id), pt_str(req->lang),
	    pt_str(req->lang)))) != PT_OK)
		return rc;
	cat = pt_node(req->page, "catalogue", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr s;

		if (prev == NULL || strcmp(prev, pt_cell(&rows, i, C_SLUG)) != 0) {
			prev = pt_cell(&rows, i, C_SLUG);
			c = pt_node(cat, "category", NULL);
			pt_attr(c, "slug", prev);
			pt_node(c, "name", pt_cell(&rows, i, C_NAME));
			pt_node(c, "description", pt_cell(&rows, i, C_DESC));
		}
		s = pt_node(c, "service", NULL);
		pt_attr(s, "slug", pt_cell(&rows, i, S_SLUG));
		pt_attr(s, "type", pt_cell(&rows, i, S_TYPE));
		pt_attr(s, "href", pt_printf(req, "/tickets/new/%s", pt_cell(&rows, i, S_SLUG)));
		pt_node(s, "name", pt_cell(&rows, i, S_NAME));
		pt_node(s, "description", pt_cell(&rows, i, S_DESC));
	}
	req->view = "catalogue";
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/tickets/", catalogue, PT_R_LOGIN, "tickets.create" },
};

static const char *const views[] = { "catalogue" };

const struct pt_group tk_catalogue_group = PT_GROUP(routes, sql, views);
