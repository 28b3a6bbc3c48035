/*
 * Mails about user tasks of the BPMN engine (flow_tasks), queued in the
 * outbox in the transaction that creates the task or arms its reminder:
 * portico-flowd calls pt_task_mail when it creates a user task (ASSIGNED)
 * and when the task's 'task-due' job fires before the due time (DUE).
 *
 * A task that has an assignee goes to them; one that is offered goes to
 * every active person of the task's organisation who holds one of its
 * candidate roles (flow_task_candidates).  It is their work waiting, so
 * their notification settings (which are about news of tickets and
 * orders) do not hold it back.  Each recipient gets it in their language
 * (their profile's, else their organisation's), with the task's name in
 * that language (name_de, else name), and the due time in their zone (the
 * mailer renders it so).  The link opens the task in the inbox.
 *
 * Only an open task is told of: a task completed or cancelled before its
 * reminder sends nothing.  Never to the actor (the session's user, who
 * released a task back to its roles); flowd has none.
 */
#include <string.h>

#include "portico.h"
#include "extern.h"

enum task_mail_sql { SQL_TASK, SQL_REMINDED, SQL__MAX };

const struct pt_sql pt_task_mail_sql[SQL__MAX] = {
	/*
	 * The task, once for each recipient: the assignee (active, of the
	 * task's organisation), else the active people of the organisation
	 * holding a candidate role; once with NULLs when there is none.  One
	 * statement: flowd sends these as it creates each task, so the engine's
	 * speed counts its round trips.  Binds: task.
	 */
	[SQL_TASK] = { "pt_task_mail_task",
	    "SELECT t.name, t.name_de, t.process_name, t.process_name_de, t.business_key,"
	    " DATE_FORMAT(t.due_at, '%Y-%m-%dT%H:%i:%sZ'), t.state, og.name,"
	    " t.assignee_id IS NOT NULL, u.id, u.email, u.name, COALESCE(u.language, og.language, 'en')"
	    " FROM flow_tasks t JOIN orgs og ON og.id = t.org_id"
	    " LEFT JOIN users u ON u.org_id = t.org_id AND u.status = 'active'"
	    " AND (u.id = t.assignee_id OR (t.assignee_id IS NULL AND EXISTS (SELECT 1"
	    " FROM flow_task_candidates c JOIN user_roles ur ON ur.role_id = c.role_id AND ur.user_id = u.id"
	    " WHERE c.task_id = t.id AND c.org_id = t.org_id)))"
	    " WHERE t.id = ? ORDER BY u.id" },
	/* Binds: task. */
	[SQL_REMINDED] = { "pt_task_mail_reminded",
	    "UPDATE flow_tasks SET reminded_at = UTC_TIMESTAMP(6) WHERE id = ?" },
};
const size_t pt_task_mail_nsql = SQL__MAX;

enum { T_NAME, T_NAME_DE, T_PROCESS, T_PROCESS_DE, T_KEY, T_DUE, T_STATE, T_ORG, T_ASSIGNED,
	R_ID, R_EMAIL, R_NAME, R_LANG };

/* The German text when the reader reads German and there is one, else the English. */
static const char *
in_lang(const char *lang, const char *en, const char *de)
{
	return strcmp(lang, "de") == 0 && de != NULL && de[0] != '\0' ? de : en;
}

int
pt_task_mail(struct pt_req *req, long long task_id, enum pt_task_mail kind)
{
	static const char *const templates[] = {
		[PT_TASK_MAIL_ASSIGNED] = "task-assigned", [PT_TASK_MAIL_DUE] = "task-due",
	};
	struct pt_rows t;
	struct pt_mail *m;
	const char *link;
	long long actor = req->session.user != NULL ? req->session.user->id : 0;
	size_t i, n = 0;
	int rc;

	if ((unsigned)kind >= PT_NELEM(templates))
		return PT_EINVAL;
	if ((rc = pt_db_query(req, &pt_task_mail_sql[SQL_TASK], &t,
	    PT_BINDS(pt_int(task_id)))) != PT_OK)
		return rc;
	if (t.nrows == 0)
		return PT_ENOTFOUND;
	if (strcmp(pt_cell(&t, 0, T_STATE), "open") != 0)
		return PT_OK;
	if (kind == PT_TASK_MAIL_DUE && (rc = pt_db_exec(req, &pt_task_mail_sql[SQL_REMINDED],
	    PT_BINDS(pt_int(task_id)), NULL)) != PT_OK)
		return rc;
	if (pt_cell(&t, 0, R_ID) == NULL)
		return PT_OK;	/* nobody to tell */
	if ((m = pt_alloc(req, t.nrows * sizeof(*m))) == NULL ||
	    (link = pt_printf(req, "%s/tasks/%lld", pt_base_url(), task_id)) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < t.nrows; i++) {
		const char *lang = pt_mail_lang(pt_cell(&t, i, R_LANG));
		xmlNodePtr data;

		if (pt_cell_int(&t, i, R_ID) == actor)
			continue;	/* who released it knows */
		data = pt_mail_data(req);

		pt_node(data, "task", in_lang(lang, pt_cell(&t, 0, T_NAME), pt_cell(&t, 0, T_NAME_DE)));
		pt_node(data, "process", in_lang(lang, pt_cell(&t, 0, T_PROCESS),
		    pt_cell(&t, 0, T_PROCESS_DE)));
		pt_node(data, "key", pt_cell(&t, 0, T_KEY));
		pt_node(data, "org", pt_cell(&t, 0, T_ORG));
		if (pt_cell(&t, 0, T_DUE) != NULL)
			pt_node(data, "due", pt_cell(&t, 0, T_DUE));
		pt_node(data, "link", link);
		pt_attr(data, "to", strcmp(pt_cell(&t, 0, T_ASSIGNED), "1") == 0 ? "assignee" :
		    "candidates");
		m[n].template = templates[kind];
		m[n].to_email = pt_cell(&t, i, R_EMAIL);
		m[n].to_name = pt_cell(&t, i, R_NAME);
		m[n].lang = lang;
		m[n].data = data;
		m[n].th = NULL;
		n++;
	}
	return pt_mail_queue_all(req, m, n);
}
