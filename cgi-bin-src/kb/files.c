/*
 * Attachments of articles: upload and delete (kb.edit), and the download
 * that nginx serves (X-Accel-Redirect) once the worker has checked that
 * the reader may see the article.
 *
 * A file's type is what its first bytes say, never what the client
 * claims: PDF, PNG, JPEG, GIF, WebP, or UTF-8 plain text; anything else is
 * refused.  It is stored outside the web root under <files dir>/kb/ with a
 * random name (64 hex digits) that no client chooses, created exclusively
 * with mode 0640; the row and its audit entry are written in one
 * transaction, and the file is removed again when that fails.  The name
 * a person sees is the client's file name reduced to harmless characters.
 * (pt_file_sniff, pt_file_name and pt_file_store in the runtime.)
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kb.h"

enum files_sql {
	SQL_ARTICLE,
	SQL_INSERT,
	SQL_ATTACHMENT_LOCK,
	SQL_DELETE,
	SQL_DOWNLOAD,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_ARTICLE] = { "kb_files_article",
	    "SELECT id FROM kb_articles WHERE id = ?" },
	[SQL_INSERT] = { "kb_files_insert",
	    "INSERT INTO kb_attachments (article_id, filename, content_type, size_bytes,"
	    " storage_name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_ATTACHMENT_LOCK] = { "kb_files_attachment_lock",
	    "SELECT id, article_id, filename, content_type, size_bytes, storage_name"
	    " FROM kb_attachments WHERE id = ? FOR UPDATE" },
	[SQL_DELETE] = { "kb_files_delete",
	    "DELETE FROM kb_attachments WHERE id = ?" },
	/* Binds: id, may edit, then the reader's audience. */
	[SQL_DOWNLOAD] = { "kb_files_download",
	    "SELECT f.storage_name, f.content_type, f.filename"
	    " FROM kb_attachments f JOIN kb_articles a ON a.id = f.article_id"
	    " WHERE f.id = ? AND (? OR (a.status = 'published' AND " KB_AUDIENCE_SQL "))" },
};

#define FILE_MAX_BYTES	(10L * 1024 * 1024)	/* per file; the request bound is the runtime's */

/* Where the knowledge base's files live: <files dir>/kb (arena). */
static const char *
kb_dir(struct pt_req *req)
{
	return pt_printf(req, "%s/kb", pt_files_dir());
}

/* ---- pages -------------------------------------------------------------------- */

/* The lang a form came from (for the way back), or NULL. */
static const char *
back_lang(struct pt_req *req)
{
	const char *l = pt_query(req, "lang");

	if (l == NULL)
		l = pt_form(req, "lang");
	return pt_language(l);
}

static const char *
article_path(struct pt_req *req, long long id, const char *flag)
{
	const char *lang = back_lang(req);

	if (lang == NULL)
		return pt_printf(req, "/kb/editor/articles/%lld?%s=1", id, flag);
	return pt_printf(req, "/kb/editor/articles/%lld?lang=%s&%s=1", id, lang, flag);
}

/* The upload form again with what went wrong (view "editor-upload"). */
static int
refuse(struct pt_req *req, long long id, const char *key, int status)
{
	xmlNodePtr u = pt_node(req->page, "kb-upload", NULL);
	const char *lang = back_lang(req);

	pt_attr_int(u, "id", id);
	pt_attr(u, "base", pt_printf(req, "/kb/editor/articles/%lld", id));
	if (lang != NULL)
		pt_attr(u, "lang", lang);
	pt_attr_int(u, "max-bytes", FILE_MAX_BYTES);
	pt_message(req, "error", key, "file");
	req->view = "editor-upload";
	return status;
}

static long long
cap_id(const struct pt_req *req)
{
	const char *id = req->ncaps > 1 ? req->caps[1] : NULL;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return 0;
	return strtoll(id, NULL, 10);
}

/* POST /kb/editor/articles/<id>/attachments: multipart, field "file". */
static int
upload(struct pt_req *req)
{
	long long id = cap_id(req), fid;
	const struct pt_upload *up;
	const struct pt_file_type *ft;
	struct pt_rows rows;
	const char *name, *path = NULL;
	char storage[65];
	int rc;

	if (id == 0)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_ARTICLE], &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return pt_error_page(req, 404, NULL);
	up = pt_upload(req, "file");
	if (up == NULL || up->len == 0)
		return refuse(req, id, "kb.editor.file.required", 422);
	if (up->len > FILE_MAX_BYTES)
		return refuse(req, id, "kb.editor.file.too-large", 413);
	if ((ft = pt_file_sniff(up->data, up->len)) == NULL)
		return refuse(req, id, "kb.editor.file.type", 422);
	if ((name = pt_file_name(req, up->filename, ft)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_file_store(req, "kb", up->data, up->len, storage, &path)) != PT_OK)
		return rc == PT_ESYS ? PT_EDB : rc;

	if ((rc = pt_db_begin(req)) != PT_OK)
		goto gone;
	if ((rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_int(id), pt_str(name),
	    pt_str(ft->type), pt_int((long long)up->len), pt_str(storage),
	    pt_int(req->session.user->id)), NULL)) != PT_OK)
		goto fail;
	fid = (long long)pt_db_insert_id();
	if ((rc = pt_audit(req, "kb.attachment.create", "kb_attachment",
	    pt_printf(req, "%lld", fid), NULL,
	    pt_printf(req, "{\"article_id\":%lld,\"filename\":%s,\"content_type\":%s,"
	    "\"size_bytes\":%zu,\"storage_name\":\"%s\"}", id, pt_json_str(req, name),
	    pt_json_str(req, ft->type), up->len, storage))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	/* Public pages may show what changed: outdate the kept ones. */
	pt_pagecache_changed(req);
	return pt_redirect(req, article_path(req, id, "uploaded"));
fail:
	pt_db_rollback(req);
gone:
	if (unlink(path) != 0)
		pt_log(req, PT_LOG_ERROR, "unlink %s: %s", path, strerror(errno));
	return rc;
}

/* POST /kb/editor/attachments/<id>/delete: the row, then the file. */
static int
delete(struct pt_req *req)
{
	long long id = cap_id(req), article;
	struct pt_rows rows;
	const char *dir, *path;
	int rc;

	if (id == 0)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_ATTACHMENT_LOCK], &rows,
	    PT_BINDS(pt_int(id)))) != PT_OK)
		goto fail;
	if (rows.nrows != 1) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	article = pt_cell_int(&rows, 0, 1);
	if ((rc = pt_db_exec(req, &sql[SQL_DELETE], PT_BINDS(pt_int(id)), NULL)) != PT_OK ||
	    (rc = pt_audit(req, "kb.attachment.delete", "kb_attachment",
	    pt_printf(req, "%lld", id),
	    pt_printf(req, "{\"article_id\":%lld,\"filename\":%s,\"content_type\":%s,"
	    "\"size_bytes\":%s,\"storage_name\":\"%s\"}", article,
	    pt_json_str(req, pt_cell(&rows, 0, 2)), pt_json_str(req, pt_cell(&rows, 0, 3)),
	    pt_cell(&rows, 0, 4), pt_cell(&rows, 0, 5)), NULL)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	/* Public pages may show what changed: outdate the kept ones. */
	pt_pagecache_changed(req);
	/* The row is gone; a file left behind is harmless and logged. */
	if ((dir = kb_dir(req)) != NULL && (path = pt_printf(req, "%s/%s", dir,
	    pt_cell(&rows, 0, 5))) != NULL && unlink(path) != 0)
		pt_log(req, PT_LOG_WARN, "unlink %s: %s", path, strerror(errno));
	return pt_redirect(req, article_path(req, article, "deleted"));
fail:
	pt_db_rollback(req);
	return rc;
}

/*
 * GET /kb/files/<id>/<name>: an editor gets every file; a reader only
 * those of published articles of an audience they may read.  Anything
 * else is not found.  The name in the path is for the browser only.
 */
static int
download(struct pt_req *req)
{
	long long id = cap_id(req);
	struct kb_audience aud;
	struct pt_rows rows;
	int rc;

	if (id == 0)
		return pt_error_page(req, 404, NULL);
	kb_audience_of(req, &aud);
	if ((rc = pt_db_query(req, &sql[SQL_DOWNLOAD], &rows, PT_BINDS(pt_int(id),
	    pt_int(pt_can(req, "kb.edit")), KB_AUDIENCE_BINDS(&aud)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return pt_error_page(req, 404, NULL);
	rc = pt_send_file(req, pt_printf(req, "kb/%s", pt_cell(&rows, 0, 0)), pt_cell(&rows, 0, 1),
	    pt_cell(&rows, 0, 2), pt_file_inline(pt_cell(&rows, 0, 1)));
	return rc == PT_OK ? 200 : rc;
}

static const struct pt_route routes[] = {
	{ PT_POST, "/kb/editor/articles/(\\d+)/attachments",	upload,		0, "kb.edit" },
	{ PT_POST, "/kb/editor/attachments/(\\d+)/delete",	delete,		0, "kb.edit" },
	{ PT_GET,  "/kb/files/(\\d+)/[^/]+",			download,	0, NULL },
};

static const char *const views[] = { "editor-upload" };

const struct pt_group kb_files_group = PT_GROUP(routes, sql, views);
