/*
 * Agent groups (permission tickets.admin): the list with their lead,
 * members and the services that send them tickets; creating and editing
 * one (slug, name, active, members from the provider's people who work
 * the queue, and the lead among them); deleting one that no service and
 * no ticket names.  A group that active services send their tickets to
 * stays active.
 */
#include <stdlib.h>
#include <string.h>

#include "admin.h"

enum groups_sql {
	SQL_LIST,
	SQL_GET,
	SQL_MEMBERS,
	SQL_SERVICES,
	SQL_CANDIDATES,
	SQL_INSERT,
	SQL_UPDATE,
	SQL_MEMBERS_CLEAR,
	SQL_MEMBER_ADD,
	SQL_LOCK,
	SQL_DELETE,
	SQL__MAX
};

/* The provider's people who may work the queue (the permission, or all of tickets.*). */
#define WORKS(u) \
	" EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id" \
	" JOIN permissions p ON p.id = rp.permission_id WHERE ur.user_id = " u \
	" AND p.name IN ('tickets.work', 'tickets.*'))"

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_LIST] = { "tka_groups_list",
	    "SELECT g.id, g.slug, g.name, g.active,"
	    " (SELECT COUNT(*) FROM ticket_group_members m WHERE m.group_id = g.id),"
	    " (SELECT GROUP_CONCAT(u.name ORDER BY u.name SEPARATOR ', ')"
	    "   FROM ticket_group_members m JOIN users u ON u.id = m.user_id"
	    "   WHERE m.group_id = g.id AND m.is_lead = 1),"
	    " (SELECT COUNT(*) FROM ticket_services s WHERE s.group_id = g.id),"
	    " (SELECT COUNT(*) FROM tickets t WHERE t.group_id = g.id"
	    "   AND t.status IN ('new', 'open', 'pending'))"
	    " FROM ticket_groups g ORDER BY g.name, g.id" },
	[SQL_GET] = { "tka_groups_get",
	    "SELECT g.id, g.slug, g.name, g.active,"
	    " (SELECT COUNT(*) FROM ticket_services s WHERE s.group_id = g.id AND s.active = 1),"
	    " (SELECT COUNT(*) FROM tickets t WHERE t.group_id = g.id)"
	    " FROM ticket_groups g WHERE g.id = ?" },
	[SQL_MEMBERS] = { "tka_groups_members",
	    "SELECT user_id, is_lead FROM ticket_group_members WHERE group_id = ? ORDER BY user_id" },
	/* Binds: lang, group. */
	[SQL_SERVICES] = { "tka_groups_services",
	    "SELECT s.id, s.slug, COALESCE(t.name, e.name, s.slug), s.active FROM ticket_services s"
	    " LEFT JOIN ticket_service_texts t ON t.service_id = s.id AND t.lang = ?"
	    " LEFT JOIN ticket_service_texts e ON e.service_id = s.id AND e.lang = 'en'"
	    " WHERE s.group_id = ? ORDER BY s.active DESC, s.slug" },
	/* Binds: group (0 for a new one).  Members who no longer qualify stay listed. */
	[SQL_CANDIDATES] = { "tka_groups_candidates",
	    "SELECT u.id, u.name, u.email, u.status = 'active' AND" WORKS("u.id")
	    " FROM users u JOIN orgs o ON o.id = u.org_id"
	    " WHERE o.kind = 'provider' AND ((u.status = 'active' AND" WORKS("u.id") ")"
	    "   OR EXISTS (SELECT 1 FROM ticket_group_members m WHERE m.user_id = u.id"
	    "     AND m.group_id = ?))"
	    " ORDER BY u.name, u.id" },
	[SQL_INSERT] = { "tka_groups_insert",
	    "INSERT INTO ticket_groups (slug, name, active, created_at)"
	    " VALUES (?, ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_UPDATE] = { "tka_groups_update",
	    "UPDATE ticket_groups SET slug = ?, name = ?, active = ? WHERE id = ?" },
	[SQL_MEMBERS_CLEAR] = { "tka_groups_members_clear",
	    "DELETE FROM ticket_group_members WHERE group_id = ?" },
	[SQL_MEMBER_ADD] = { "tka_groups_member_add",
	    "INSERT INTO ticket_group_members (group_id, user_id, is_lead) VALUES (?, ?, ?)" },
	/* A new service or ticket of the group waits for this lock. */
	[SQL_LOCK] = { "tka_groups_lock",
	    "SELECT g.id, (SELECT COUNT(*) FROM ticket_services s WHERE s.group_id = g.id),"
	    " (SELECT COUNT(*) FROM tickets t WHERE t.group_id = g.id)"
	    " FROM ticket_groups g WHERE g.id = ? FOR UPDATE" },
	[SQL_DELETE] = { "tka_groups_delete",
	    "DELETE FROM ticket_groups WHERE id = ?" },
};

enum { L_ID, L_SLUG, L_NAME, L_ACTIVE, L_MEMBERS, L_LEADS, L_SERVICES, L_OPEN };
enum { G_ID, G_SLUG, G_NAME, G_ACTIVE, G_ACTIVE_SERVICES, G_TICKETS };
enum { C_ID, C_NAME, C_EMAIL, C_WORKS };

enum { F_SLUG, F_NAME, F_ACTIVE, F_LEAD, F_MEMBERS, F__MAX };
#define F__INPUTS F_MEMBERS	/* members: a checkbox group */

static const struct tka_input inputs[F__INPUTS] = {
	[F_SLUG] =	{ "slug", TKA_SLUG, 1, 0, TKA_SLUG_MAX_CHARS, NULL, 0 },
	[F_NAME] =	{ "name", TKA_LINE, 1, 0, TKA_NAME_MAX_CHARS, NULL, 0 },
	[F_ACTIVE] =	{ "active", TKA_CHECK, 0, 0, 0, NULL, 0 },
	[F_LEAD] =	{ "lead", TKA_CHOICE, 0, 0, 0, NULL, 0 },	/* choices: the candidates */
};

static const char *const names[F__MAX] = { "slug", "name", "active", "lead", "members" };

/* ---- the list ------------------------------------------------------------ */

static int
list(struct pt_req *req)
{
	static const char *const params[] = { "saved", "deleted" };
	static const char *const keys[] = { "tickets.admin.saved", "tickets.admin.group.deleted" };
	struct pt_rows rows;
	xmlNodePtr l;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	l = pt_node(req->page, "tka-groups", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr g = pt_node(l, "group", NULL);

		pt_attr(g, "id", pt_cell(&rows, i, L_ID));
		pt_attr(g, "slug", pt_cell(&rows, i, L_SLUG));
		pt_attr(g, "active", pt_cell(&rows, i, L_ACTIVE));
		pt_attr(g, "members", pt_cell(&rows, i, L_MEMBERS));
		pt_attr(g, "services", pt_cell(&rows, i, L_SERVICES));
		pt_attr(g, "open", pt_cell(&rows, i, L_OPEN));
		pt_node(g, "name", pt_cell(&rows, i, L_NAME));
		if (pt_cell(&rows, i, L_LEADS) != NULL)
			pt_node(g, "lead", pt_cell(&rows, i, L_LEADS));
	}
	tka_flash(req, params, keys, PT_NELEM(params));
	req->view = "admin-groups";
	return 200;
}

/* ---- the form ------------------------------------------------------------ */

struct people {
	struct pt_rows	 rows;
	const char	**ids;
};

static int
people_load(struct pt_req *req, long long group_id, struct people *p)
{
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CANDIDATES], &p->rows,
	    PT_BINDS(pt_int(group_id)))) != PT_OK)
		return rc;
	if ((p->ids = pt_alloc(req, (p->rows.nrows + 1) * sizeof(*p->ids))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < p->rows.nrows; i++)
		p->ids[i] = pt_cell(&p->rows, i, C_ID);
	return PT_OK;
}

/* The form view: the group (NULL when new) with its services, the people, the values. */
static int
show_form(struct pt_req *req, int status, const struct pt_rows *g, const struct people *p,
    const char *const *v, const char *const *members, size_t nmembers)
{
	xmlNodePtr n = pt_node(req->page, "tka-group", NULL), f;
	struct pt_rows services;
	size_t i;
	int rc;

	if (g != NULL) {
		pt_attr(n, "id", pt_cell(g, 0, G_ID));
		pt_attr(n, "tickets", pt_cell(g, 0, G_TICKETS));
		pt_node(n, "name", pt_cell(g, 0, G_NAME));
		if ((rc = pt_db_query(req, &sql[SQL_SERVICES], &services, PT_BINDS(
		    pt_str(req->lang), pt_int(pt_cell_int(g, 0, G_ID))))) != PT_OK)
			return rc;
		for (i = 0; i < services.nrows; i++) {
			xmlNodePtr s = pt_node(n, "service", pt_cell(&services, i, 2));

			pt_attr(s, "id", pt_cell(&services, i, 0));
			pt_attr(s, "slug", pt_cell(&services, i, 1));
			pt_attr(s, "active", pt_cell(&services, i, 3));
		}
	}
	for (i = 0; i < p->rows.nrows; i++) {
		xmlNodePtr u = pt_node(n, "person", pt_cell(&p->rows, i, C_NAME));

		pt_attr(u, "id", pt_cell(&p->rows, i, C_ID));
		pt_attr(u, "email", pt_cell(&p->rows, i, C_EMAIL));
		pt_attr(u, "works", pt_cell(&p->rows, i, C_WORKS));
	}
	f = pt_form_values(req, "group", names, v, F__INPUTS);
	tka_form_multi(f, "members", members, nmembers);
	tka_limits(req, inputs, F__INPUTS);
	req->view = "admin-group";
	return status;
}

static int
load(struct pt_req *req, struct pt_rows *g, long long *id, const char **v,
    const char ***members, size_t *nmembers)
{
	struct pt_rows m;
	size_t i;
	int rc;

	if ((rc = tka_load(req, 1, &sql[SQL_GET], g, id)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_MEMBERS], &m, PT_BINDS(pt_int(*id)))) != PT_OK)
		return rc;
	if ((*members = pt_alloc(req, (m.nrows + 1) * sizeof(**members))) == NULL)
		return PT_ENOMEM;
	v[F_SLUG] = pt_cell(g, 0, G_SLUG);
	v[F_NAME] = pt_cell(g, 0, G_NAME);
	v[F_ACTIVE] = pt_cell(g, 0, G_ACTIVE);
	v[F_LEAD] = "";
	for (i = 0; i < m.nrows; i++) {
		(*members)[i] = pt_cell(&m, i, 0);
		if (pt_cell_int(&m, i, 1) != 0)
			v[F_LEAD] = pt_cell(&m, i, 0);
	}
	*nmembers = m.nrows;
	return PT_OK;
}

static int
new_form(struct pt_req *req)
{
	const char *v[F__MAX] = { "", "", "1", "" };
	struct people p;
	int rc;

	if ((rc = people_load(req, 0, &p)) != PT_OK)
		return rc;
	return show_form(req, 200, NULL, &p, v, NULL, 0);
}

static int
edit_form(struct pt_req *req)
{
	const char *v[F__MAX], **members;
	struct pt_rows g;
	struct people p;
	size_t nmembers;
	long long id;
	int rc;

	if ((rc = load(req, &g, &id, v, &members, &nmembers)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	if ((rc = people_load(req, id, &p)) != PT_OK)
		return rc;
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "tickets.admin.saved", NULL);
	return show_form(req, 200, &g, &p, v, members, nmembers);
}

/*
 * Read and check the form: members among the people offered, the lead one
 * of them (made a member when not ticked), and an active group for active
 * services.  The number of bad fields, or an error.
 */
static int
read_form(struct pt_req *req, const struct pt_rows *g, const struct people *p, const char **v,
    const char ***members, size_t *nmembers)
{
	struct tka_input in[F__INPUTS];
	const char **sent;
	size_t nsent, i;
	int bad, rc;

	memcpy(in, inputs, sizeof(in));
	in[F_LEAD].choices = p->ids;
	in[F_LEAD].nchoices = p->rows.nrows;
	if ((bad = tka_read(req, in, F__INPUTS, v)) < 0)
		return bad;
	if ((rc = tka_form_all(req, "members", &sent, &nsent)) != PT_OK)
		return rc;
	if ((*members = pt_alloc(req, (nsent + 2) * sizeof(**members))) == NULL)
		return PT_ENOMEM;
	*nmembers = 0;
	for (i = 0; i < nsent; i++) {
		if (!pt_one_of(sent[i], p->ids, p->rows.nrows)) {
			pt_message(req, "error", "tickets.admin.choice", "members");
			bad++;
			break;
		}
		if (!pt_one_of(sent[i], *members, *nmembers))
			(*members)[(*nmembers)++] = sent[i];
	}
	if (*v[F_LEAD] != '\0' && !pt_one_of(v[F_LEAD], *members, *nmembers))
		(*members)[(*nmembers)++] = v[F_LEAD];
	if (g != NULL && strcmp(v[F_ACTIVE], "1") != 0 && pt_cell_int(g, 0, G_ACTIVE_SERVICES) > 0) {
		pt_message(req, "error", "tickets.admin.group.active-services", "active");
		bad++;
	}
	return bad;
}

/* The members as stored, each with their lead flag. */
static int
write_members(struct pt_req *req, long long id, const char *lead, const char *const *members,
    size_t n)
{
	size_t i;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_MEMBERS_CLEAR], PT_BINDS(pt_int(id)), NULL)) != PT_OK)
		return rc;
	for (i = 0; i < n; i++)
		if ((rc = pt_db_exec(req, &sql[SQL_MEMBER_ADD], PT_BINDS(pt_int(id),
		    pt_int(strtoll(members[i], NULL, 10)), pt_int(strcmp(members[i], lead) == 0)),
		    NULL)) != PT_OK)
			return rc;
	return PT_OK;
}

/* The group as the audit log keeps it. */
static const char *
group_json(struct pt_req *req, const char **v, const char *const *members, size_t n)
{
	const char *s = "";
	size_t i;

	for (i = 0; i < n && s != NULL; i++)
		s = pt_printf(req, "%s%s%s", s, i > 0 ? "," : "", members[i]);
	v[F_MEMBERS] = s;
	return tka_json_object(req, names, v, F__MAX);
}

/*
 * Write the form as read into group id (g its row, old and nold its
 * members before) or, when g is NULL, into a new group: the row, the
 * members and the audit row, then 303; a taken slug or name answers 422.
 */
static int
save(struct pt_req *req, const struct pt_rows *g, long long id, const char **before,
    const char *const *old, size_t nold)
{
	const char *v[F__MAX], **members = NULL;
	struct people p;
	size_t n = 0;
	int rc, name;

	if ((rc = people_load(req, id, &p)) != PT_OK)
		return rc;
	if ((rc = read_form(req, g, &p, v, &members, &n)) != 0)
		return rc < 0 ? rc : show_form(req, 422, g, &p, v, members, n);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if (g != NULL)
		rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[F_SLUG]), pt_str(v[F_NAME]),
		    pt_str(v[F_ACTIVE]), pt_int(id)), NULL);
	else {
		rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(v[F_SLUG]), pt_str(v[F_NAME]),
		    pt_str(v[F_ACTIVE])), NULL);
		id = (long long)pt_db_insert_id();
	}
	if (rc == PT_EDUP) {
		name = strcmp(pt_db_dup_key(), "ticket_groups_name") == 0;
		pt_db_rollback(req);
		pt_message(req, "error", name ? "tickets.admin.group.name-taken" :
		    "tickets.admin.slug.taken", name ? "name" : "slug");
		return show_form(req, 422, g, &p, v, members, n);
	}
	if (rc == PT_OK)
		rc = write_members(req, id, v[F_LEAD], members, n);
	return tka_done(req, rc, g != NULL ? "ticket_group.update" : "ticket_group.create",
	    "ticket_group", id, g != NULL ? group_json(req, before, old, nold) : NULL,
	    group_json(req, v, members, n), g != NULL ?
	    pt_printf(req, TKA_ROOT "groups/%lld?saved=1", id) : TKA_ROOT "groups?saved=1");
}

static int
create(struct pt_req *req)
{
	return save(req, NULL, 0, NULL, NULL, 0);
}

static int
update(struct pt_req *req)
{
	const char *before[F__MAX], **old;
	struct pt_rows g;
	size_t nold;
	long long id;
	int rc;

	if ((rc = load(req, &g, &id, before, &old, &nold)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	return save(req, &g, id, before, old, nold);
}

/* POST .../delete: only a group no service and no ticket names (else 422). */
static int
delete(struct pt_req *req)
{
	const char *before[F__MAX], **members;
	struct pt_rows g, lock;
	struct people p;
	size_t n;
	long long id;
	int rc;

	if ((rc = load(req, &g, &id, before, &members, &n)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(id)))) != PT_OK)
		return tka_undo(req, rc);
	if (lock.nrows != 1)
		return tka_undo(req, tka_not_found(req));
	if (pt_cell_int(&lock, 0, 1) > 0 || pt_cell_int(&lock, 0, 2) > 0) {
		pt_db_rollback(req);
		if ((rc = people_load(req, id, &p)) != PT_OK)
			return rc;
		pt_message(req, "error", "tickets.admin.group.in-use", NULL);
		return show_form(req, 422, &g, &p, before, members, n);
	}
	rc = pt_db_exec(req, &sql[SQL_DELETE], PT_BINDS(pt_int(id)), NULL);
	return tka_done(req, rc, "ticket_group.delete", "ticket_group", id,
	    group_json(req, before, members, n), NULL, TKA_ROOT "groups?deleted=1");
}

#define GROUP TKA_ROOT "groups/(\\d{1,9})"

static const struct pt_route routes[] = {
	{ PT_GET,  TKA_ROOT "groups",		list,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  TKA_ROOT "groups/new",	new_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, TKA_ROOT "groups/new",	create,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  GROUP,			edit_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, GROUP,			update,		PT_R_LOGIN, TKA_PERM },
	{ PT_POST, GROUP "/delete",		delete,		PT_R_LOGIN, TKA_PERM },
};

static const char *const views[] = { "admin-groups", "admin-group" };

const struct pt_group tka_groups_group = PT_GROUP(routes, sql, views);
