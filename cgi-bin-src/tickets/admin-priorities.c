/*
 * The priority matrix (permission tickets.admin): impact x urgency ->
 * priority P1..P5 as a grid of choices.  The schema holds impact and
 * urgency 1 (high) to 3 (low), so the grid is 3 x 3; raising a ticket
 * reads a cell (raise.c), and tickets already raised keep their priority.
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"

enum priorities_sql { SQL_MATRIX, SQL_LOCK, SQL_SET, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_MATRIX] = { "tka_priorities_matrix",
	    "SELECT impact, urgency, priority FROM ticket_priority_matrix"
	    " ORDER BY impact, urgency" },
	[SQL_LOCK] = { "tka_priorities_lock",
	    "SELECT impact, urgency, priority FROM ticket_priority_matrix"
	    " ORDER BY impact, urgency FOR UPDATE" },
	[SQL_SET] = { "tka_priorities_set",
	    "INSERT INTO ticket_priority_matrix (impact, urgency, priority) VALUES (?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE priority = VALUES(priority)" },
};

#define LEVELS 3	/* impact and urgency: 1 high .. 3 low (CHECK in migration 0016) */
#define CELLS (LEVELS * LEVELS)

static const char *const priorities[] = { "1", "2", "3", "4", "5" };

/* The form's name of a cell: "p-<impact>-<urgency>". */
static const char *const cell_names[CELLS] = {
	"p-1-1", "p-1-2", "p-1-3", "p-2-1", "p-2-2", "p-2-3", "p-3-1", "p-3-2", "p-3-3"
};

/* The stored matrix as cell values ("" where a cell is missing). */
static int
matrix_load(struct pt_req *req, const struct pt_sql *q, const char **cells)
{
	struct pt_rows rows;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, q, &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	for (i = 0; i < CELLS; i++)
		cells[i] = "";
	for (i = 0; i < rows.nrows; i++) {
		long long im = pt_cell_int(&rows, i, 0), ur = pt_cell_int(&rows, i, 1);

		if (im >= 1 && im <= LEVELS && ur >= 1 && ur <= LEVELS)
			cells[(im - 1) * LEVELS + (ur - 1)] = pt_cell(&rows, i, 2);
	}
	return PT_OK;
}

static int
show(struct pt_req *req, int status, const char *const *cells)
{
	xmlNodePtr m = pt_node(req->page, "tka-matrix", NULL);

	pt_attr_int(m, "levels", LEVELS);
	pt_form_values(req, "matrix", cell_names, cells, CELLS);
	req->view = "admin-priorities";
	return status;
}

static int
matrix(struct pt_req *req)
{
	const char *cells[CELLS];
	int rc;

	if ((rc = matrix_load(req, &sql[SQL_MATRIX], cells)) != PT_OK)
		return rc;
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "tickets.admin.saved", NULL);
	return show(req, 200, cells);
}

/* {"1-1":1,...}: the matrix as the audit log keeps it. */
static const char *
matrix_json(struct pt_req *req, const char *const *cells)
{
	const char *s = "{";
	size_t i;

	for (i = 0; i < CELLS && s != NULL; i++)
		s = pt_printf(req, "%s%s\"%s\":%s", s, i > 0 ? "," : "", cell_names[i] + 2,
		    *cells[i] != '\0' ? cells[i] : "null");
	return s != NULL ? pt_printf(req, "%s}", s) : NULL;
}

static int
save(struct pt_req *req)
{
	struct tka_input in[CELLS];
	const char *cells[CELLS], *before[CELLS];
	size_t i;
	int rc, changed = 0;

	for (i = 0; i < CELLS; i++) {
		in[i].name = cell_names[i];
		in[i].kind = TKA_CHOICE;
		in[i].required = 1;
		in[i].min = in[i].max = 0;
		in[i].choices = priorities;
		in[i].nchoices = PT_NELEM(priorities);
	}
	if ((rc = tka_read(req, in, CELLS, cells)) != 0)
		return rc < 0 ? rc : show(req, 422, cells);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = matrix_load(req, &sql[SQL_LOCK], before)) != PT_OK)
		goto fail;
	for (i = 0; i < CELLS; i++) {
		if (strcmp(before[i], cells[i]) == 0)
			continue;
		changed = 1;
		if ((rc = pt_db_exec(req, &sql[SQL_SET], PT_BINDS(pt_int((long long)(i / LEVELS) + 1),
		    pt_int((long long)(i % LEVELS) + 1), pt_str(cells[i])), NULL)) != PT_OK)
			goto fail;
	}
	if (changed && (rc = pt_audit(req, "ticket_priority_matrix.update",
	    "ticket_priority_matrix", NULL, matrix_json(req, before),
	    matrix_json(req, cells))) != PT_OK)
		goto fail;
	if ((rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, TKA_ROOT "priorities?saved=1");
fail:
	pt_db_rollback(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_GET,  TKA_ROOT "priorities",	matrix,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, TKA_ROOT "priorities",	save,	PT_R_LOGIN, TKA_PERM },
};

static const char *const views[] = { "admin-priorities" };

const struct pt_group tka_priorities_group = PT_GROUP(routes, sql, views);
