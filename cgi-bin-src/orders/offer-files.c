/*
 * An offer's attachments: staff add them to a draft and remove them
 * again (contracts.manage); they are stored as product images and ticket
 * attachments are (lib/files.c: under [paths] files/orders/, a random
 * name, the type sniffed from the content, never trusted from the
 * client), at most FILE_MAX_BYTES each and FILES_MAX an offer, and sent by
 * nginx after the access check: to staff, to the organisation's
 * approvers (offer.c) and, as the contract's documents, to whoever reads
 * the organisation's contracts (contracts.c).  Their SHA-256 is part of
 * the text an acceptance hashes.  A revised offer starts without them.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "orders.h"

#define FILE_MAX_BYTES	(5 * 1024 * 1024)
#define FILES_MAX	20

enum offer_files_sql { SQL_ADD, SQL_DELETE, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: offer, name, type, size, storage, sha256, creator. */
	[SQL_ADD] = { "or_offer_file_add",
	    "INSERT INTO offer_files (offer_id, name, content_type, size_bytes, storage, sha256,"
	    " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_DELETE] = { "or_offer_file_delete",
	    "DELETE FROM offer_files WHERE id = ? AND offer_id = ?" },
};

/* The row of file id among the offer's files, or -1. */
static long
file_row(const struct or_offer *f, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < f->files.nrows; i++)
		if (strcmp(pt_cell(&f->files, i, OFL_ID), id) == 0)
			return (long)i;
	return -1;
}

int
or_offer_file_send(struct pt_req *req, const struct or_offer *f, size_t cap)
{
	long at = file_row(f, cap < req->ncaps ? req->caps[cap] : NULL);
	const char *type;
	int rc;

	if (at < 0)
		return pt_error_page(req, 404, NULL);
	type = pt_cell(&f->files, (size_t)at, OFL_TYPE);
	if ((rc = pt_send_file(req, pt_printf(req, "orders/%s", pt_cell(&f->files, (size_t)at,
	    OFL_STORAGE)), type, pt_cell(&f->files, (size_t)at, OFL_NAME),
	    pt_file_inline(type))) != PT_OK)
		return rc;
	return 200;
}

/* GET /orders/admin/offers/<number>/files/<id> */
static int
download(struct pt_req *req)
{
	struct or_offer f;
	int rc;

	if ((rc = or_offer_load(req, req->caps[1], 0, 0, &f)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	return or_offer_file_send(req, &f, 2);
}

/* The offer's page again with a message at the file field, status 422. */
static int
refuse(struct pt_req *req, const struct or_offer *f, const char *key, long max)
{
	pt_db_rollback(req);
	if (max > 0)
		pt_message_max(req, key, "file", max);
	else
		pt_message(req, "error", key, "file");
	return or_offer_admin_page(req, 422, f);
}

/* POST /orders/admin/offers/<number>/files (multipart: file) */
static int
upload(struct pt_req *req)
{
	const struct pt_upload *up = pt_upload(req, "file");
	const struct pt_file_type *type;
	const char *path, *name, *id;
	char storage[65], sha[65];
	struct or_offer f;
	int rc, answer;

	if ((rc = or_offer_draft_begin(req, &f, &answer)) != PT_OK)
		return answer != 0 ? answer : rc;
	if (up == NULL || up->len == 0)
		return refuse(req, &f, "orders.offer.file.required", 0);
	if (up->len > FILE_MAX_BYTES)
		return refuse(req, &f, "orders.offer.file.size", FILE_MAX_BYTES / 1024 / 1024);
	if ((type = pt_file_sniff(up->data, up->len)) == NULL)
		return refuse(req, &f, "orders.offer.file.type", 0);
	if (f.files.nrows >= FILES_MAX)
		return refuse(req, &f, "orders.offer.file.max", FILES_MAX);
	if ((name = pt_file_name(req, up->filename, type)) == NULL)
		return or_undo(req, PT_ENOMEM);
	or_sha256_hex(up->data, up->len, sha);
	if ((rc = pt_file_store(req, "orders", up->data, up->len, storage, &path)) != PT_OK)
		return or_undo(req, rc);
	id = pt_cell(&f.row, 0, OF_ID);
	rc = pt_db_exec(req, &sql[SQL_ADD], PT_BINDS(pt_str(id), pt_str(name), pt_str(type->type),
	    pt_int((long long)up->len), pt_str(storage), pt_str(sha), pt_int(req->session.user->id)),
	    NULL);
	if (rc == PT_OK)
		rc = pt_audit(req, "offer.file.add", "offer", id, NULL,
		    pt_printf(req, "{\"file\":%llu,\"name\":%s,\"bytes\":%zu,\"sha256\":\"%s\"}",
		    pt_db_insert_id(), pt_json_str(req, name), up->len, sha));
	if (rc == PT_OK)
		rc = pt_db_commit(req);
	if (rc != PT_OK) {
		pt_db_rollback(req);
		unlink(path);
		return rc;
	}
	return pt_redirect(req, pt_printf(req, "%s?saved=1", or_offer_href(req, req->caps[1], 1)));
}

/* POST /orders/admin/offers/<number>/files/<id>/delete */
static int
delete(struct pt_req *req)
{
	struct or_offer f;
	long at;
	int rc, answer;

	if ((rc = or_offer_draft_begin(req, &f, &answer)) != PT_OK)
		return answer != 0 ? answer : rc;
	if ((at = file_row(&f, req->caps[2])) < 0)
		return or_undo(req, pt_error_page(req, 404, NULL));
	rc = pt_db_exec(req, &sql[SQL_DELETE], PT_BINDS(pt_str(req->caps[2]),
	    pt_str(pt_cell(&f.row, 0, OF_ID))), NULL);
	rc = or_done(req, rc, "offer.file.delete", "offer", pt_cell(&f.row, 0, OF_ID),
	    pt_printf(req, "{\"file\":%s,\"name\":%s,\"sha256\":\"%s\"}", req->caps[2],
	    pt_json_str(req, pt_cell(&f.files, (size_t)at, OFL_NAME)),
	    pt_cell(&f.files, (size_t)at, OFL_SHA)), NULL,
	    pt_printf(req, "%s?saved=1", or_offer_href(req, req->caps[1], 1)));
	/* Only a draft's file goes, and no other offer shares it (a revision starts without). */
	if (rc == 303)
		unlink(pt_printf(req, "%s/orders/%s", pt_files_dir(),
		    pt_cell(&f.files, (size_t)at, OFL_STORAGE)));
	return rc;
}

#define OFFER OR_OFFERS_ADMIN "/" OR_OFFER_ROUTE

static const struct pt_route routes[] = {
	{ PT_POST, OFFER "/files",			upload,	  PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_GET,  OFFER "/files/([0-9]{1,10})",	download, PT_R_LOGIN, OR_PERM_CONTRACTS },
	{ PT_POST, OFFER "/files/([0-9]{1,10})/delete",	delete,	  PT_R_LOGIN, OR_PERM_CONTRACTS },
};

const struct pt_group or_offer_files_group = { routes, PT_NELEM(routes), sql, SQL__MAX, NULL, 0 };
