/*
 * Merging a duplicate into another ticket (tickets.work):
 * POST /tickets/<number>/merge with into (the other ticket's number).
 *
 * In one transaction, both tickets' rows locked (the smaller id first):
 *   - the conversation moves to the target: every message with its
 *     files (the form's own files stay with the form's answers), and the
 *     knowledge base drafts made from them;
 *   - the duplicate's requester and the people in its CC follow the
 *     target in CC (its own requester excepted);
 *   - the duplicate is closed with merged_into pointing to the target;
 *   - each gets a system line in its conversation ("merged into ...",
 *     "... was merged into this ticket": the body is "merged-into:<number>"
 *     or "merged-from:<number>", which the page says in the reader's
 *     language), history rows and an audit row.
 * Only tickets of one organisation merge: the target's customers would
 * otherwise read another organisation's conversation.  A ticket merged
 * already, or one closed, takes no merge; nor does a ticket itself.
 */
#include <string.h>

#include "desk.h"

enum merge_sql {
	SQL_IDS, SQL_MOVE_MESSAGES, SQL_MOVE_FILES, SQL_MOVE_DRAFTS, SQL_PEOPLE, SQL_CC_ADD, SQL_MERGED,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* The two tickets in id order (binds: number x2), not locked yet. */
	[SQL_IDS] = { "tk_merge_ids",
	    "SELECT id, number FROM tickets WHERE number IN (?, ?) ORDER BY id" },
	/* Binds: target, source. */
	[SQL_MOVE_MESSAGES] = { "tk_merge_messages",
	    "UPDATE ticket_messages SET ticket_id = ? WHERE ticket_id = ?" },
	[SQL_MOVE_FILES] = { "tk_merge_files",
	    "UPDATE ticket_attachments SET ticket_id = ? WHERE ticket_id = ? AND field_id IS NULL" },
	[SQL_MOVE_DRAFTS] = { "tk_merge_drafts",
	    "UPDATE ticket_kb_drafts SET ticket_id = ? WHERE ticket_id = ?" },
	/*
	 * The duplicate's requester and CC whom the target does not have yet
	 * (as requester or in CC).  Binds: source requester, source, target
	 * requester, target.
	 */
	[SQL_PEOPLE] = { "tk_merge_people",
	    "SELECT u.id, u.email FROM users u"
	    " WHERE (u.id = ? OR u.id IN (SELECT c.user_id FROM ticket_cc c WHERE c.ticket_id = ?))"
	    " AND u.id <> ? AND NOT EXISTS (SELECT 1 FROM ticket_cc x WHERE x.ticket_id = ?"
	    "   AND x.user_id = u.id) ORDER BY u.id" },
	[SQL_CC_ADD] = { "tk_merge_cc_add",
	    "INSERT IGNORE INTO ticket_cc (ticket_id, user_id, added_by, added_at)"
	    " VALUES (?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_MERGED] = { "tk_merge_merged",
	    "UPDATE tickets SET merged_into_id = ? WHERE id = ?" },
};

static const char *const merge_fields[] = { "into" };

/* The answer to a merge refused for key: the source's page again, 422. */
static int
refuse(struct pt_req *req, const char *key)
{
	return tk_refuse(req, key, "into", "merge", merge_fields, PT_NELEM(merge_fields));
}

/*
 * Lock the route's ticket into src and ticket number into into dst, the
 * smaller id first, as every change of two tickets does (links.c), so
 * two of them never wait for each other in a circle.  PT_OK; PT_ENOTFOUND
 * when the route's ticket is not there for the reader (404); PT_EINVAL
 * when the other one is not; or an error.
 */
static int
lock_both(struct pt_req *req, const char *into, struct tk_ticket *src, struct tk_ticket *dst)
{
	struct pt_rows ids;
	int rc, into_first;

	if ((rc = pt_db_query(req, &sql[SQL_IDS], &ids, PT_BINDS(pt_str(req->caps[1]),
	    pt_str(into)))) != PT_OK)
		return rc;
	if (ids.nrows != 2) {
		if ((rc = tk_ticket_lock(req, src)) != PT_OK)
			return rc;
		return PT_EINVAL;
	}
	/* Rows in id order: the first is the one to lock first. */
	into_first = strcmp(pt_cell(&ids, 0, 1), into) == 0;
	if (into_first && (rc = tk_ticket_lock_number(req, into, dst)) != PT_OK)
		return rc == PT_ENOTFOUND ? PT_EINVAL : rc;
	if ((rc = tk_ticket_lock(req, src)) != PT_OK)
		return rc;
	if (!into_first && (rc = tk_ticket_lock_number(req, into, dst)) != PT_OK)
		return rc == PT_ENOTFOUND ? PT_EINVAL : rc;
	return PT_OK;
}

/* Move the duplicate's people into the target's CC, each with a history row. */
static int
carry_people(struct pt_req *req, const struct tk_ticket *src, const struct tk_ticket *dst,
    const char **json)
{
	struct pt_rows people;
	const char *list = "";
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_PEOPLE], &people, PT_BINDS(pt_int(src->requester_id),
	    pt_int(src->id), pt_int(dst->requester_id), pt_int(dst->id)))) != PT_OK)
		return rc;
	for (i = 0; i < people.nrows; i++) {
		if ((rc = pt_db_exec(req, &sql[SQL_CC_ADD], PT_BINDS(pt_int(dst->id),
		    pt_int(pt_cell_int(&people, i, 0)), pt_int(req->session.user->id)), NULL)) != PT_OK ||
		    (rc = pt_ticket_history(req, dst->id, "cc", NULL, pt_cell(&people, i, 1))) != PT_OK)
			return rc;
		list = pt_printf(req, "%s%s%s", list, i > 0 ? "," : "",
		    pt_json_str(req, pt_cell(&people, i, 1)));
	}
	*json = pt_printf(req, "[%s]", list);
	return *json != NULL ? PT_OK : PT_ENOMEM;
}

/* POST /tickets/<number>/merge: into, the number of the ticket that stays. */
static int
merge(struct pt_req *req)
{
	const char *into = pt_form_trim(req, "into"), *mid = NULL, *cc_json = "[]";
	struct tk_ticket src, dst;
	unsigned long long moved = 0;
	long long msg;
	int rc;

	if (into == NULL)
		return PT_ENOMEM;
	if (*into == '\0')
		return refuse(req, "tickets.merge.required");
	if (!tk_number_ok(into))
		return refuse(req, "tickets.merge.number");
	if (strcmp(into, req->caps[1]) == 0)
		return refuse(req, "tickets.merge.self");
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = lock_both(req, into, &src, &dst)) == PT_ENOTFOUND) {
		pt_db_rollback(req);
		return pt_error_page(req, 404, NULL);
	}
	if (rc == PT_EINVAL)
		return refuse(req, "tickets.merge.unknown");
	if (rc != PT_OK)
		goto fail;
	if (TK_CELL(&src, TK_T_MERGED) != NULL)
		return refuse(req, "tickets.merge.already");
	if (TK_CELL(&dst, TK_T_MERGED) != NULL)
		return refuse(req, "tickets.merge.target-merged");
	if (strcmp(dst.status, "closed") == 0)
		return refuse(req, "tickets.merge.target-closed");
	if (src.org_id != dst.org_id)
		return refuse(req, "tickets.merge.other-org");

	if ((rc = pt_db_exec(req, &sql[SQL_MOVE_MESSAGES], PT_BINDS(pt_int(dst.id), pt_int(src.id)),
	    &moved)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_MOVE_FILES], PT_BINDS(pt_int(dst.id), pt_int(src.id)),
	    NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_MOVE_DRAFTS], PT_BINDS(pt_int(dst.id), pt_int(src.id)),
	    NULL)) != PT_OK ||
	    (rc = carry_people(req, &src, &dst, &cc_json)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_MERGED], PT_BINDS(pt_int(dst.id), pt_int(src.id)),
	    NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, src.id, "merged_into", NULL, dst.number)) != PT_OK ||
	    (rc = pt_ticket_history(req, dst.id, "merged", NULL, src.number)) != PT_OK ||
	    (rc = pt_ticket_message_add(req, src.id, "system", "web", pt_printf(req, "merged-into:%s", dst.number),
	    &msg, &mid)) != PT_OK)
		goto fail;
	mid = NULL;
	if ((rc = pt_ticket_message_add(req, dst.id, "system", "web", pt_printf(req, "merged-from:%s", src.number),
	    &msg, &mid)) != PT_OK)
		goto fail;
	if (strcmp(src.status, "closed") != 0)
		rc = tk_set_status(req, &src, "closed", NULL);
	else
		rc = pt_ticket_touch(req, src.id);
	if (rc != PT_OK || (rc = pt_ticket_touch(req, dst.id)) != PT_OK)
		goto fail;
	if ((rc = tk_audit(req, "ticket.merge", src.number,
	    pt_printf(req, "{\"status\":%s,\"merged_into\":null}", pt_json_str(req, src.status)),
	    pt_printf(req, "{\"status\":\"closed\",\"merged_into\":%s,\"messages_moved\":%llu,"
	    "\"cc_added\":%s}", pt_json_str(req, dst.number), moved, cc_json))) != PT_OK ||
	    (rc = tk_audit(req, "ticket.merged-from", dst.number, NULL,
	    pt_printf(req, "{\"merged\":%s,\"messages_moved\":%llu,\"cc_added\":%s}",
	    pt_json_str(req, src.number), moved, cc_json))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, dst.number, "?done=merged-here"));
fail:
	pt_db_rollback(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_POST, TK_ROUTE "/merge", merge, PT_R_LOGIN, TK_WORK },
};

static const char *const views[] = { "ticket" };

const struct pt_group tk_merge_group = PT_GROUP(routes, sql, views);
