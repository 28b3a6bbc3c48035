/*
 * A ticket's files: the files of a reply or note (field "file", several
 * allowed) and the download, which nginx serves (X-Accel-Redirect) once
 * the worker has checked that the reader may see the ticket, and, for the
 * file of an internal note, that the reader is an agent.  Files are kept
 * under [paths] files/tickets/ (pt_file_store): written before the
 * transaction that records them, removed again when it fails.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tickets.h"

enum files_sql { SQL_DOWNLOAD, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: id, agent, agent, org, user, may read the org's, user. */
	[SQL_DOWNLOAD] = { "tk_files_download",
	    "SELECT f.storage_name, f.content_type, f.filename"
	    " FROM ticket_attachments f JOIN tickets t ON t.id = f.ticket_id"
	    " LEFT JOIN ticket_messages m ON m.id = f.message_id"
	    " WHERE f.id = ? AND (m.kind IS NULL OR m.kind <> 'internal' OR ?)"
	    " AND (? OR (t.org_id = ? AND (t.requester_id = ? OR ?"
	    "   OR EXISTS (SELECT 1 FROM ticket_cc c WHERE c.ticket_id = t.id AND c.user_id = ?))))" },
};

int
tk_files_read(struct pt_req *req, const char *field, struct pt_ticket_files *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < req->nuploads; i++) {
		const struct pt_upload *up = &req->uploads[i];
		struct pt_ticket_file *f;

		if (strcmp(up->field, field) != 0 || up->len == 0)
			continue;
		if (out->n == TK_FILES_MAX) {
			pt_message(req, "error", "tickets.files.too-many", field);
			return 1;
		}
		if ((long long)up->len > TK_FILE_MAX_BYTES) {
			pt_message_max(req, "tickets.field.file-size", field,
			    (long)(TK_FILE_MAX_BYTES / 1024));
			return 1;
		}
		f = &out->f[out->n++];
		f->up = up;
		if ((f->type = pt_file_sniff(up->data, up->len)) == NULL) {
			pt_message(req, "error", "tickets.field.file-type", field);
			return 1;
		}
	}
	return 0;
}

/* GET /tickets/files/<id>/<name>: the name is for the browser only. */
static int
download(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char *id = req->caps[1];
	int agent = pt_can(req, "tickets.work");
	struct pt_rows rows;
	int rc;

	if (!pt_valid(PT_V_ID, id, strlen(id)))
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_DOWNLOAD], &rows, PT_BINDS(pt_int(strtoll(id, NULL, 10)),
	    pt_int(agent), pt_int(agent), pt_int(u->org_id), pt_int(u->id),
	    pt_int(pt_can(req, "tickets.read.org")), pt_int(u->id)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return pt_error_page(req, 404, NULL);
	rc = pt_send_file(req, pt_printf(req, "tickets/%s", pt_cell(&rows, 0, 0)),
	    pt_cell(&rows, 0, 1), pt_cell(&rows, 0, 2), pt_file_inline(pt_cell(&rows, 0, 1)));
	return rc == PT_OK ? 200 : rc;
}

static const struct pt_route routes[] = {
	{ PT_GET, "/tickets/files/(\\d{1,18})/[^/]+", download, PT_R_LOGIN, NULL },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_files_group = PT_GROUP(routes, sql, views);
