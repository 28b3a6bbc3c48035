/*
 * Deploying a BPMN model (deploy.h): validated as flowd will run it, then
 * a new version of its process key in flow_definitions, with its audit
 * row and the 'deployed' command that has flowd arm its start events, in
 * the caller's transaction.  A model equal byte for byte (SHA-256) to the
 * key's newest version is not deployed again.
 */
#include <stdio.h>
#include <string.h>

#include "deploy.h"

enum deploy_sql { SQL_NEWEST, SQL_INSERT, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: process key.  Locks the newest version, so two deploys of a key queue. */
	[SQL_NEWEST] = { "fl_deploy_newest",
	    "SELECT id, version, sha256 FROM flow_definitions WHERE process_key = ?"
	    " ORDER BY version DESC LIMIT 1 FOR UPDATE" },
	/* Binds: key, version, name, name_de, xml, sha256, file name, deployed by. */
	[SQL_INSERT] = { "fl_deploy_insert",
	    "INSERT INTO flow_definitions (process_key, version, name, name_de, xml, sha256,"
	    " file_name, deployed_by, deployed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
};

const struct pt_group fl_deploy_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

/* Characters (UTF-8 sequences) in s. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* 1 if s is an id flowd's tables hold: 1..FL_KEY_MAX_BYTES printable ASCII. */
static int
id_ok(const char *s)
{
	size_t n = 0;

	for (; s[n] != '\0'; n++)
		if ((unsigned char)s[n] < 0x21 || (unsigned char)s[n] > 0x7E)
			return 0;
	return n > 0 && n <= FL_KEY_MAX_BYTES;
}

/* 1 if s may be a process key: an NCName of ASCII (it is a part of the pages' addresses). */
int
fl_key_ok(const char *s)
{
	size_t n;

	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (n = 1; s[n] != '\0'; n++)
		if (!((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= '0' && s[n] <= '9') || s[n] == '_' || s[n] == '-' || s[n] == '.'))
			return 0;
	return n <= FL_KEY_MAX_BYTES;
}

/*
 * What the parser accepts but the tables cannot hold: ids that are not
 * short ASCII, names longer than their columns.  PT_OK, else PT_EINVAL
 * with a message as the parser's.
 */
static int
fits(const struct fl_model *m, char err[FL_ERROR_BYTES])
{
	const char *what = fl_kind_names[FL_PROCESS];
	size_t i;

	if (!fl_key_ok(m->id)) {
		snprintf(err, FL_ERROR_BYTES, "line %ld: %s \"%.100s\": its id must be 1 to %d"
		    " characters: a letter or _, then letters, digits, _, - or .", m->process->line,
		    what, m->id, FL_KEY_MAX_BYTES);
		return PT_EINVAL;
	}
	for (i = 0; i < m->nelements; i++) {
		const struct fl_element *e = m->elements[i];

		what = fl_kind_names[e->kind];
		if (e->id != NULL && !id_ok(e->id)) {
			snprintf(err, FL_ERROR_BYTES, "line %ld: %s \"%.100s\": its id must be 1 to"
			    " %d characters of ASCII without spaces", e->line, what, e->id,
			    FL_KEY_MAX_BYTES);
			return PT_EINVAL;
		}
		if ((e->name != NULL && chars(e->name) > FL_NAME_MAX_CHARS) ||
		    (e->name_de != NULL && chars(e->name_de) > FL_NAME_MAX_CHARS)) {
			snprintf(err, FL_ERROR_BYTES, "line %ld: %s \"%s\": its name is longer than"
			    " %d characters", e->line, what, e->id, FL_NAME_MAX_CHARS);
			return PT_EINVAL;
		}
	}
	return PT_OK;
}

/* The last part of a path, cut to FL_NAME_MAX_CHARS characters, in the arena. */
static const char *
base_name(struct pt_req *req, const char *file_name)
{
	const char *s = file_name != NULL ? file_name : "", *slash;
	size_t n = 0, len = 0;

	if ((slash = strrchr(s, '/')) != NULL)
		s = slash + 1;
	if ((slash = strrchr(s, '\\')) != NULL)
		s = slash + 1;
	for (; s[len] != '\0'; len++)
		if (((unsigned char)s[len] & 0xC0) != 0x80 && ++n > FL_NAME_MAX_CHARS)
			break;
	return pt_printf(req, "%.*s", (int)len, s);
}

int
fl_deploy(struct pt_req *req, const char *xml, size_t len, const char *file_name,
    long long user_id, long long *definition_id, int *version, int *unchanged,
    char err[FL_ERROR_BYTES])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char digest[32];
	char sha[65];
	struct fl_model *m;
	struct pt_rows rows;
	const char *name, *file, *after;
	long long org_id;
	size_t i;
	int rc;

	*definition_id = 0;
	*version = 0;
	*unchanged = 0;
	err[0] = '\0';
	if ((rc = fl_bpmn_parse(req->arena, xml, len, &m, err)) != PT_OK)
		return rc;
	if ((rc = fits(m, err)) != PT_OK)
		return rc;
	pt_sha256(xml, len, digest);
	for (i = 0; i < sizeof(digest); i++) {
		sha[2 * i] = hex[digest[i] >> 4];
		sha[2 * i + 1] = hex[digest[i] & 15];
	}
	sha[64] = '\0';
	if ((rc = pt_db_query(req, &sql[SQL_NEWEST], &rows, PT_BINDS(pt_str(m->id)))) != PT_OK)
		return rc;
	if (rows.nrows == 1) {
		*definition_id = pt_cell_int(&rows, 0, 0);
		*version = (int)pt_cell_int(&rows, 0, 1);
		if (strcmp(pt_cell(&rows, 0, 2), sha) == 0) {
			*unchanged = 1;
			return PT_OK;
		}
	}
	(*version)++;
	name = m->name != NULL && m->name[0] != '\0' ? m->name : m->id;
	if ((file = base_name(req, file_name)) == NULL)
		return PT_ENOMEM;
	rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_str(m->id), pt_int(*version),
	    pt_str(name), pt_str(m->name_de), pt_blob(xml, len), pt_str(sha), pt_str(file),
	    user_id > 0 ? pt_int(user_id) : pt_str(NULL)), NULL);
	if (rc == PT_EDUP)
		snprintf(err, FL_ERROR_BYTES, "process \"%s\" was deployed by someone else at the"
		    " same moment; try again", m->id);
	if (rc != PT_OK)
		return rc;
	*definition_id = (long long)pt_db_insert_id();
	org_id = req->session.user != NULL && user_id > 0 ? req->session.user->org_id : 0;
	if ((after = pt_printf(req, "{\"process_key\":%s,\"version\":%d,\"name\":%s,"
	    "\"sha256\":\"%s\",\"file_name\":%s,\"bytes\":%zu}", pt_json_str(req, m->id), *version,
	    pt_json_str(req, name), sha, pt_json_str(req, file), len)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_audit_as(req, user_id, org_id, "process.deploy", "flow_definition",
	    pt_printf(req, "%lld", *definition_id), NULL, after)) != PT_OK)
		return rc;
	return pt_flow_control(req, PT_FLOW_DEPLOYED, *definition_id, user_id);
}
