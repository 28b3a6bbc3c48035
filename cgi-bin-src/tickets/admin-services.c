/*
 * The services of the catalogue (permission tickets.admin): the list by
 * category with active and inactive ones, creating and editing a service
 * (slug, category, name and description in English and German, audience
 * by organisation kind and tier, ticket type, the agent group that gets
 * its tickets, default impact and urgency, active, position), and
 * removing one: a service without tickets is deleted with its form, one
 * with tickets is deactivated instead, so its tickets keep their service.
 */
#include <string.h>

#include "admin.h"

enum services_sql {
	SQL_LIST,
	SQL_GET,
	SQL_TIERS,
	SQL_CATEGORIES,
	SQL_GROUPS,
	SQL_NEXT_POSITION,
	SQL_INSERT,
	SQL_UPDATE,
	SQL_TEXT,
	SQL_TIERS_CLEAR,
	SQL_TIER_ADD,
	SQL_LOCK,
	SQL_DEACTIVATE,
	SQL_DELETE,
	SQL__MAX
};

#define SERVICE_TEXTS(col, lang) \
	" LEFT JOIN ticket_service_texts " col " ON " col ".service_id = s.id AND " col \
	".lang = '" lang "'"
#define CATEGORY_TEXTS(col, lang) \
	" LEFT JOIN ticket_category_texts " col " ON " col ".category_id = c.id AND " col \
	".lang = '" lang "'"
#define TIERS_OF(s) \
	"(SELECT GROUP_CONCAT(x.tier ORDER BY FIELD(x.tier, 'bronze', 'silver', 'gold', 'premier'))" \
	" FROM ticket_service_tiers x WHERE x.service_id = " s ")"

static const struct pt_sql sql[SQL__MAX] = {
	/* Every category, with its services if it has any. */
	[SQL_LIST] = { "tka_services_list",
	    "SELECT c.id, c.slug, ce.name, cd.name, s.id, s.slug, s.active, s.type, s.audience,"
	    " g.name, se.name, sd.name,"
	    " (SELECT COUNT(*) FROM ticket_fields f WHERE f.service_id = s.id AND f.active = 1),"
	    " (SELECT COUNT(*) FROM tickets t WHERE t.service_id = s.id), " TIERS_OF("s.id")
	    " FROM ticket_categories c LEFT JOIN ticket_services s ON s.category_id = c.id"
	    " LEFT JOIN ticket_groups g ON g.id = s.group_id"
	    CATEGORY_TEXTS("ce", "en") CATEGORY_TEXTS("cd", "de")
	    SERVICE_TEXTS("se", "en") SERVICE_TEXTS("sd", "de")
	    " ORDER BY c.position, c.id, s.position, s.id" },
	[SQL_GET] = { "tka_services_get",
	    "SELECT s.id, s.slug, s.category_id, e.name, d.name, e.description, d.description,"
	    " s.audience, s.type, s.group_id, s.impact, s.urgency, s.active, s.position,"
	    " (SELECT COUNT(*) FROM tickets t WHERE t.service_id = s.id),"
	    " (SELECT COUNT(*) FROM ticket_fields f WHERE f.service_id = s.id AND f.active = 1),"
	    " DATE_FORMAT(s.updated_at, '%Y-%m-%dT%H:%i:%sZ')"
	    " FROM ticket_services s" SERVICE_TEXTS("e", "en") SERVICE_TEXTS("d", "de")
	    " WHERE s.id = ?" },
	[SQL_TIERS] = { "tka_services_tiers",
	    "SELECT tier FROM ticket_service_tiers WHERE service_id = ?"
	    " ORDER BY FIELD(tier, 'bronze', 'silver', 'gold', 'premier')" },
	/* Binds: lang. */
	[SQL_CATEGORIES] = { "tka_services_categories",
	    "SELECT c.id, COALESCE(t.name, e.name, c.slug) FROM ticket_categories c"
	    " LEFT JOIN ticket_category_texts t ON t.category_id = c.id AND t.lang = ?"
	    CATEGORY_TEXTS("e", "en") " ORDER BY c.position, c.id" },
	[SQL_GROUPS] = { "tka_services_groups",
	    "SELECT id, name, active FROM ticket_groups ORDER BY name, id" },
	[SQL_NEXT_POSITION] = { "tka_services_next_position",
	    "SELECT COALESCE(MAX(position), 0) + 10 FROM ticket_services WHERE category_id = ?" },
	[SQL_INSERT] = { "tka_services_insert",
	    "INSERT INTO ticket_services (slug, category_id, audience, type, group_id, impact,"
	    " urgency, active, position, created_at, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))" },
	[SQL_UPDATE] = { "tka_services_update",
	    "UPDATE ticket_services SET slug = ?, category_id = ?, audience = ?, type = ?,"
	    " group_id = ?, impact = ?, urgency = ?, active = ?, position = ?,"
	    " updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	[SQL_TEXT] = { "tka_services_text",
	    "INSERT INTO ticket_service_texts (service_id, lang, name, description)"
	    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name),"
	    " description = VALUES(description)" },
	[SQL_TIERS_CLEAR] = { "tka_services_tiers_clear",
	    "DELETE FROM ticket_service_tiers WHERE service_id = ?" },
	[SQL_TIER_ADD] = { "tka_services_tier_add",
	    "INSERT INTO ticket_service_tiers (service_id, tier) VALUES (?, ?)" },
	/* A new ticket of the service waits for this lock, so "no tickets" holds until the delete. */
	[SQL_LOCK] = { "tka_services_lock",
	    "SELECT s.id, (SELECT COUNT(*) FROM tickets t WHERE t.service_id = s.id)"
	    " FROM ticket_services s WHERE s.id = ? FOR UPDATE" },
	[SQL_DEACTIVATE] = { "tka_services_deactivate",
	    "UPDATE ticket_services SET active = 0, updated_at = UTC_TIMESTAMP(6) WHERE id = ?" },
	/* Its texts, tiers and form go with it (ON DELETE CASCADE). */
	[SQL_DELETE] = { "tka_services_delete",
	    "DELETE FROM ticket_services WHERE id = ?" },
};

enum { L_CAT_ID, L_CAT_SLUG, L_CAT_EN, L_CAT_DE, L_ID, L_SLUG, L_ACTIVE, L_TYPE, L_AUDIENCE,
	L_GROUP, L_NAME_EN, L_NAME_DE, L_FIELDS, L_TICKETS, L_TIERS };
enum { G_ID, G_SLUG, G_CATEGORY, G_NAME_EN, G_NAME_DE, G_DESC_EN, G_DESC_DE, G_AUDIENCE,
	G_TYPE, G_GROUP, G_IMPACT, G_URGENCY, G_ACTIVE, G_POSITION, G_TICKETS, G_FIELDS, G_UPDATED };

#define DESC_MAX_CHARS 2000	/* ticket_service_texts.description */

static const char *const types[] = { "incident", "request", "question" };
static const char *const levels[] = { "1", "2", "3" };
static const char *const audiences[] = { "customer", "partner" };
static const char *const tiers[] = { "bronze", "silver", "gold", "premier" };

/* The form's single-valued inputs, in the order of the audit row's JSON. */
enum { F_SLUG, F_CATEGORY, F_NAME_EN, F_NAME_DE, F_DESC_EN, F_DESC_DE, F_TYPE, F_GROUP,
	F_IMPACT, F_URGENCY, F_ACTIVE, F_POSITION, F_AUDIENCE, F_TIERS, F__MAX };
#define F__INPUTS F_AUDIENCE	/* audience and tiers are checkbox groups */

static const struct tka_input inputs[F__INPUTS] = {
	[F_SLUG] =	{ "slug", TKA_SLUG, 1, 0, TKA_SLUG_MAX_CHARS, NULL, 0 },
	[F_CATEGORY] =	{ "category", TKA_CHOICE, 1, 0, 0, NULL, 0 },	/* choices: the rows */
	[F_NAME_EN] =	{ "name_en", TKA_LINE, 1, 0, TKA_NAME_MAX_CHARS, NULL, 0 },
	[F_NAME_DE] =	{ "name_de", TKA_LINE, 1, 0, TKA_NAME_MAX_CHARS, NULL, 0 },
	[F_DESC_EN] =	{ "description_en", TKA_TEXT, 0, 0, DESC_MAX_CHARS, NULL, 0 },
	[F_DESC_DE] =	{ "description_de", TKA_TEXT, 0, 0, DESC_MAX_CHARS, NULL, 0 },
	[F_TYPE] =	{ "type", TKA_CHOICE, 1, 0, 0, types, PT_NELEM(types) },
	[F_GROUP] =	{ "group", TKA_CHOICE, 1, 0, 0, NULL, 0 },	/* choices: the rows */
	[F_IMPACT] =	{ "impact", TKA_CHOICE, 1, 0, 0, levels, PT_NELEM(levels) },
	[F_URGENCY] =	{ "urgency", TKA_CHOICE, 1, 0, 0, levels, PT_NELEM(levels) },
	[F_ACTIVE] =	{ "active", TKA_CHECK, 0, 0, 0, NULL, 0 },
	[F_POSITION] =	{ "position", TKA_INT, 0, 0, TKA_POSITION_MAX, NULL, 0 },
};

static const char *const names[F__MAX] = {
	"slug", "category", "name_en", "name_de", "description_en", "description_de", "type",
	"group", "impact", "urgency", "active", "position", "audience", "tiers"
};

/* A service's audience and tiers: checkbox groups, as lists. */
struct sets {
	const char	**audience;
	size_t		 naudience;
	const char	**tiers;
	size_t		 ntiers;
};

/* ---- the list ------------------------------------------------------------ */

static int
list(struct pt_req *req)
{
	static const char *const params[] = { "saved", "deleted" };
	static const char *const keys[] = { "tickets.admin.saved", "tickets.admin.service.deleted" };
	xmlNodePtr l, c = NULL;
	struct pt_rows rows;
	const char *prev = NULL;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	l = pt_node(req->page, "tka-services", NULL);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr s;

		if (prev == NULL || strcmp(prev, pt_cell(&rows, i, L_CAT_ID)) != 0) {
			prev = pt_cell(&rows, i, L_CAT_ID);
			c = pt_node(l, "category", NULL);
			pt_attr(c, "id", prev);
			pt_attr(c, "slug", pt_cell(&rows, i, L_CAT_SLUG));
			pt_attr(pt_node(c, "name", pt_cell(&rows, i, L_CAT_EN)), "lang", "en");
			pt_attr(pt_node(c, "name", pt_cell(&rows, i, L_CAT_DE)), "lang", "de");
		}
		if (pt_cell(&rows, i, L_ID) == NULL)
			continue;
		s = pt_node(c, "service", NULL);
		pt_attr(s, "id", pt_cell(&rows, i, L_ID));
		pt_attr(s, "slug", pt_cell(&rows, i, L_SLUG));
		pt_attr(s, "active", pt_cell(&rows, i, L_ACTIVE));
		pt_attr(s, "type", pt_cell(&rows, i, L_TYPE));
		pt_attr(s, "audience", pt_cell(&rows, i, L_AUDIENCE));
		pt_attr(s, "tiers", pt_cell(&rows, i, L_TIERS) != NULL ? pt_cell(&rows, i, L_TIERS) : "");
		pt_attr(s, "fields", pt_cell(&rows, i, L_FIELDS));
		pt_attr(s, "tickets", pt_cell(&rows, i, L_TICKETS));
		pt_node(s, "group", pt_cell(&rows, i, L_GROUP));
		pt_attr(pt_node(s, "name", pt_cell(&rows, i, L_NAME_EN)), "lang", "en");
		pt_attr(pt_node(s, "name", pt_cell(&rows, i, L_NAME_DE)), "lang", "de");
	}
	tka_flash(req, params, keys, PT_NELEM(params));
	if (pt_query(req, "deactivated") != NULL)
		pt_message(req, "info", "tickets.admin.service.deactivated", NULL);
	req->view = "admin-services";
	return 200;
}

/* ---- the form ------------------------------------------------------------ */

/* The categories and groups a service may have: ids for the checks, nodes for the form. */
struct choices {
	struct pt_rows	 categories, groups;
	const char	**category_ids, **group_ids;
};

static int
choices_load(struct pt_req *req, struct choices *ch)
{
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CATEGORIES], &ch->categories,
	    PT_BINDS(pt_str(req->lang)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_GROUPS], &ch->groups, PT_NOBINDS)) != PT_OK)
		return rc;
	ch->category_ids = pt_alloc(req, (ch->categories.nrows + 1) * sizeof(char *));
	ch->group_ids = pt_alloc(req, (ch->groups.nrows + 1) * sizeof(char *));
	if (ch->category_ids == NULL || ch->group_ids == NULL)
		return PT_ENOMEM;
	for (i = 0; i < ch->categories.nrows; i++)
		ch->category_ids[i] = pt_cell(&ch->categories, i, 0);
	for (i = 0; i < ch->groups.nrows; i++)
		ch->group_ids[i] = pt_cell(&ch->groups, i, 0);
	return PT_OK;
}

/*
 * The form view: the service (NULL when new), the choices and the values
 * to show (v[F__INPUTS..] aside: the sets).
 */
static int
show_form(struct pt_req *req, int status, const struct pt_rows *s, const struct choices *ch,
    const char *const *v, const struct sets *sets)
{
	xmlNodePtr n = pt_node(req->page, "tka-service", NULL), c, f;
	size_t i;

	if (s != NULL) {
		pt_attr(n, "id", pt_cell(s, 0, G_ID));
		pt_attr(n, "slug", pt_cell(s, 0, G_SLUG));
		pt_attr(n, "active", pt_cell(s, 0, G_ACTIVE));
		pt_attr(n, "tickets", pt_cell(s, 0, G_TICKETS));
		pt_attr(n, "fields", pt_cell(s, 0, G_FIELDS));
		pt_attr(n, "updated", pt_cell(s, 0, G_UPDATED));
		pt_attr(pt_node(n, "name", pt_cell(s, 0, G_NAME_EN)), "lang", "en");
		pt_attr(pt_node(n, "name", pt_cell(s, 0, G_NAME_DE)), "lang", "de");
	}
	c = pt_node(n, "choices", NULL);
	for (i = 0; i < ch->categories.nrows; i++)
		pt_attr(pt_node(c, "category", pt_cell(&ch->categories, i, 1)), "id",
		    pt_cell(&ch->categories, i, 0));
	for (i = 0; i < ch->groups.nrows; i++) {
		xmlNodePtr g = pt_node(c, "group", pt_cell(&ch->groups, i, 1));

		pt_attr(g, "id", pt_cell(&ch->groups, i, 0));
		pt_attr(g, "active", pt_cell(&ch->groups, i, 2));
	}
	f = pt_form_values(req, "service", names, v, F__INPUTS);
	tka_form_multi(f, "audience", sets->audience, sets->naudience);
	tka_form_multi(f, "tiers", sets->tiers, sets->ntiers);
	tka_limits(req, inputs, F__INPUTS);
	req->view = "admin-service";
	return status;
}

static int
load(struct pt_req *req, struct pt_rows *s, long long *id, struct sets *sets)
{
	struct pt_rows t;
	size_t i;
	int rc;

	if ((rc = tka_load(req, 1, &sql[SQL_GET], s, id)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_TIERS], &t, PT_BINDS(pt_int(*id)))) != PT_OK)
		return rc;
	sets->audience = pt_alloc(req, PT_NELEM(audiences) * sizeof(char *));
	sets->tiers = pt_alloc(req, (t.nrows + 1) * sizeof(char *));
	if (sets->audience == NULL || sets->tiers == NULL)
		return PT_ENOMEM;
	sets->naudience = 0;
	for (i = 0; i < PT_NELEM(audiences); i++) {
		const char *a = pt_cell(s, 0, G_AUDIENCE), *hit = strstr(a, audiences[i]);

		if (hit != NULL)
			sets->audience[sets->naudience++] = audiences[i];
	}
	for (i = 0; i < t.nrows; i++)
		sets->tiers[i] = pt_cell(&t, i, 0);
	sets->ntiers = t.nrows;
	return PT_OK;
}

/* The columns of SQL_GET the form's inputs show. */
static const int columns[F__INPUTS] = {
	[F_SLUG] = G_SLUG, [F_CATEGORY] = G_CATEGORY, [F_NAME_EN] = G_NAME_EN,
	[F_NAME_DE] = G_NAME_DE, [F_DESC_EN] = G_DESC_EN, [F_DESC_DE] = G_DESC_DE,
	[F_TYPE] = G_TYPE, [F_GROUP] = G_GROUP, [F_IMPACT] = G_IMPACT, [F_URGENCY] = G_URGENCY,
	[F_ACTIVE] = G_ACTIVE, [F_POSITION] = G_POSITION
};

static int
new_form(struct pt_req *req)
{
	static const char *const customers[] = { "customer" };
	const char *v[F__MAX] = { "", "", "", "", "", "", "request", "", "2", "2", "1", "" };
	struct sets sets = { (const char **)customers, 1, NULL, 0 };
	struct choices ch;
	int rc;

	if ((rc = choices_load(req, &ch)) != PT_OK)
		return rc;
	/* ?category= preselects the category of the list's "add a service here". */
	if (pt_query(req, "category") != NULL)
		v[F_CATEGORY] = pt_query(req, "category");
	return show_form(req, 200, NULL, &ch, v, &sets);
}

static int
edit_form(struct pt_req *req)
{
	struct pt_rows s;
	struct choices ch;
	struct sets sets;
	const char *v[F__MAX];
	long long id;
	int rc;

	if ((rc = load(req, &s, &id, &sets)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	if ((rc = choices_load(req, &ch)) != PT_OK)
		return rc;
	tka_values(&s, columns, F__INPUTS, v);
	if (pt_query(req, "saved") != NULL)
		pt_message(req, "success", "tickets.admin.saved", NULL);
	return show_form(req, 200, &s, &ch, v, &sets);
}

/*
 * A checkbox group: every value sent, each one of allowed and only once,
 * in the order of allowed.  0 fine, 1 after a message at name.
 */
static int
read_set(struct pt_req *req, const char *name, const char *const *allowed, size_t nallowed,
    const char ***out, size_t *nout)
{
	const char **sent;
	size_t nsent, i, j;
	int rc;

	if ((rc = tka_form_all(req, name, &sent, &nsent)) != PT_OK)
		return rc;
	if ((*out = pt_alloc(req, (nallowed + 1) * sizeof(**out))) == NULL)
		return PT_ENOMEM;
	*nout = 0;
	for (i = 0; i < nsent; i++)
		if (!pt_one_of(sent[i], allowed, nallowed)) {
			pt_message(req, "error", "tickets.admin.choice", name);
			/* Keep what can be shown again. */
			for (j = 0; j < nallowed; j++)
				if (pt_one_of(allowed[j], sent, nsent))
					(*out)[(*nout)++] = allowed[j];
			return 1;
		}
	for (j = 0; j < nallowed; j++)
		if (pt_one_of(allowed[j], sent, nsent))
			(*out)[(*nout)++] = allowed[j];
	return 0;
}

/* Read and check the whole form.  The number of bad fields, or an error. */
static int
read_form(struct pt_req *req, const struct choices *ch, const char **v, struct sets *sets)
{
	struct tka_input in[F__INPUTS];
	size_t i;
	int bad, rc;

	memcpy(in, inputs, sizeof(in));
	in[F_CATEGORY].choices = ch->category_ids;
	in[F_CATEGORY].nchoices = ch->categories.nrows;
	in[F_GROUP].choices = ch->group_ids;
	in[F_GROUP].nchoices = ch->groups.nrows;
	if ((bad = tka_read(req, in, F__INPUTS, v)) < 0)
		return bad;
	if ((rc = read_set(req, "audience", audiences, PT_NELEM(audiences), &sets->audience,
	    &sets->naudience)) < 0)
		return rc;
	bad += rc;
	if (rc == 0 && sets->naudience == 0) {
		pt_message(req, "error", "tickets.admin.service.audience-required", "audience");
		bad++;
	}
	if ((rc = read_set(req, "tiers", tiers, PT_NELEM(tiers), &sets->tiers,
	    &sets->ntiers)) < 0)
		return rc;
	bad += rc;
	/* An active service sends its tickets to a group that takes them. */
	for (i = 0; i < ch->groups.nrows; i++)
		if (strcmp(v[F_GROUP], ch->group_ids[i]) == 0 && strcmp(v[F_ACTIVE], "1") == 0 &&
		    pt_cell_int(&ch->groups, i, 2) == 0) {
			pt_message(req, "error", "tickets.admin.service.group-inactive", "group");
			bad++;
		}
	return bad;
}

/* "customer,partner": the SET column's value. */
static const char *
set_text(struct pt_req *req, const char *const *v, size_t n)
{
	const char *s = "";
	size_t i;

	for (i = 0; i < n && s != NULL; i++)
		s = pt_printf(req, "%s%s%s", s, i > 0 ? "," : "", v[i]);
	return s;
}

/* The service as the audit log keeps it. */
static const char *
service_json(struct pt_req *req, const char **v, const struct sets *sets)
{
	v[F_AUDIENCE] = set_text(req, sets->audience, sets->naudience);
	v[F_TIERS] = set_text(req, sets->tiers, sets->ntiers);
	return tka_json_object(req, names, v, F__MAX);
}

/* Texts and tiers of service id as the form says. */
static int
write_rest(struct pt_req *req, long long id, const char *const *v, const struct sets *sets)
{
	const char *texts_a[2] = { v[F_NAME_EN], v[F_NAME_DE] };
	const char *texts_b[2] = { v[F_DESC_EN], v[F_DESC_DE] };
	size_t i;
	int rc;

	if ((rc = tka_texts(req, &sql[SQL_TEXT], id, texts_a, texts_b)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_TIERS_CLEAR], PT_BINDS(pt_int(id)), NULL)) != PT_OK)
		return rc;
	for (i = 0; i < sets->ntiers; i++)
		if ((rc = pt_db_exec(req, &sql[SQL_TIER_ADD], PT_BINDS(pt_int(id),
		    pt_str(sets->tiers[i])), NULL)) != PT_OK)
			return rc;
	return PT_OK;
}

/*
 * Write the form as read into service id (s the row, old its sets) or,
 * when s is NULL, into a new service: the row, its texts and tiers and the
 * audit row, then 303; a taken slug answers 422.
 */
static int
save(struct pt_req *req, const struct pt_rows *s, long long id, const struct sets *old)
{
	const char *v[F__MAX], *before[F__MAX];
	struct choices ch;
	struct sets sets;
	struct pt_rows next;
	const char *audience;
	long long position;
	int rc;

	if ((rc = choices_load(req, &ch)) != PT_OK)
		return rc;
	if ((rc = read_form(req, &ch, v, &sets)) != 0)
		return rc < 0 ? rc : show_form(req, 422, s, &ch, v, &sets);
	if ((audience = set_text(req, sets.audience, sets.naudience)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_NEXT_POSITION], &next,
	    PT_BINDS(pt_str(v[F_CATEGORY])))) != PT_OK)
		return tka_undo(req, rc);
	/* Without a position: where it was, or at the end of its category when new. */
	position = tka_int(v[F_POSITION], s != NULL ? pt_cell_int(s, 0, G_POSITION) :
	    pt_cell_int(&next, 0, 0));
	v[F_POSITION] = pt_printf(req, "%lld", position);
	if (s != NULL)
		rc = pt_db_exec(req, &sql[SQL_UPDATE], PT_BINDS(pt_str(v[F_SLUG]),
		    pt_str(v[F_CATEGORY]), pt_str(audience), pt_str(v[F_TYPE]), pt_str(v[F_GROUP]),
		    pt_str(v[F_IMPACT]), pt_str(v[F_URGENCY]), pt_str(v[F_ACTIVE]),
		    pt_int(position), pt_int(id)), NULL);
	else {
		rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(v[F_SLUG]),
		    pt_str(v[F_CATEGORY]), pt_str(audience), pt_str(v[F_TYPE]), pt_str(v[F_GROUP]),
		    pt_str(v[F_IMPACT]), pt_str(v[F_URGENCY]), pt_str(v[F_ACTIVE]),
		    pt_int(position)), NULL);
		id = (long long)pt_db_insert_id();
	}
	if (rc == PT_EDUP) {
		pt_db_rollback(req);
		pt_message(req, "error", "tickets.admin.slug.taken", "slug");
		return show_form(req, 422, s, &ch, v, &sets);
	}
	if (rc == PT_OK)
		rc = write_rest(req, id, v, &sets);
	if (s == NULL)	/* next the service needs its form */
		return tka_done(req, rc, "ticket_service.create", "ticket_service", id, NULL,
		    service_json(req, v, &sets),
		    pt_printf(req, TKA_ROOT "services/%lld/form?created=1", id));
	tka_values(s, columns, F__INPUTS, before);
	return tka_done(req, rc, "ticket_service.update", "ticket_service", id,
	    service_json(req, before, old), service_json(req, v, &sets),
	    pt_printf(req, TKA_ROOT "services/%lld?saved=1", id));
}

static int
create(struct pt_req *req)
{
	return save(req, NULL, 0, NULL);
}

static int
update(struct pt_req *req)
{
	struct pt_rows s;
	struct sets old;
	long long id;
	int rc;

	if ((rc = load(req, &s, &id, &old)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	return save(req, &s, id, &old);
}

/* POST .../delete: gone with its form when it has no tickets, else deactivated. */
static int
delete(struct pt_req *req)
{
	const char *before[F__MAX];
	struct pt_rows s, lock;
	struct sets sets;
	long long id;
	int rc, keep;

	if ((rc = load(req, &s, &id, &sets)) != PT_OK)
		return rc == PT_ENOTFOUND ? tka_not_found(req) : rc;
	tka_values(&s, columns, F__INPUTS, before);
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &lock, PT_BINDS(pt_int(id)))) != PT_OK)
		return tka_undo(req, rc);
	if (lock.nrows != 1)
		return tka_undo(req, tka_not_found(req));
	keep = pt_cell_int(&lock, 0, 1) > 0;
	rc = pt_db_exec(req, &sql[keep ? SQL_DEACTIVATE : SQL_DELETE], PT_BINDS(pt_int(id)), NULL);
	return tka_done(req, rc, keep ? "ticket_service.deactivate" : "ticket_service.delete",
	    "ticket_service", id, service_json(req, before, &sets),
	    keep ? "{\"active\":\"0\"}" : NULL, keep ? TKA_ROOT "?deactivated=1" : TKA_ROOT "?deleted=1");
}

#define SERVICE TKA_ROOT "services/(\\d{1,9})"

static const struct pt_route routes[] = {
	{ PT_GET,  TKA_ROOT,			list,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  TKA_ROOT "services/new",	new_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, TKA_ROOT "services/new",	create,		PT_R_LOGIN, TKA_PERM },
	{ PT_GET,  SERVICE,			edit_form,	PT_R_LOGIN, TKA_PERM },
	{ PT_POST, SERVICE,			update,		PT_R_LOGIN, TKA_PERM },
	{ PT_POST, SERVICE "/delete",		delete,		PT_R_LOGIN, TKA_PERM },
};

static const char *const views[] = { "admin-services", "admin-service" };

const struct pt_group tka_services_group = PT_GROUP(routes, sql, views);
