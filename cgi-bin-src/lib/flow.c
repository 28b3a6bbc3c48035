/*
 * Asking portico-flowd, the BPMN engine, for something: start an instance,
 * correlate a message, complete a user task, and the admin's suspend,
 * resume, cancel and retry.  Workers never link flowd's code: each of
 * these writes one row in flow_commands (sql/migrations/0050-flow.sql) in
 * the caller's open transaction, so it happens exactly when the caller's
 * own change commits, and flowd takes it within 100 ms.
 *
 * Variables go as a JSON object: numbers, strings, true/false, null, and
 * dates as {"date":"2027-01-31T08:00:00Z"}.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "portico.h"
#include "extern.h"

enum flow_sql { SQL_FLOW_COMMAND, SQL_FLOW_TASK_COMPLETING, SQL__MAX };

const struct pt_sql pt_flow_sql[SQL__MAX] = {
	/* Binds: kind, process key, message, business key, org, definition, instance, task, incident, variables, user. */
	[SQL_FLOW_COMMAND] = { "pt_flow_command",
	    "INSERT INTO flow_commands (kind, process_key, message, business_key, org_id,"
	    " definition_id, instance_id, task_id, incident_id, variables, user_id, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))" },
	/* Binds: user, task. */
	[SQL_FLOW_TASK_COMPLETING] = { "pt_flow_task_completing",
	    "UPDATE flow_tasks SET state = 'completing', completed_by = ?,"
	    " completed_at = UTC_TIMESTAMP(6) WHERE id = ? AND state = 'open'" },
};
const size_t pt_flow_nsql = SQL__MAX;

static struct pt_bind
id_or_null(long long id)
{
	return id > 0 ? pt_int(id) : pt_str(NULL);
}

/* One variable's JSON value, or NULL (bad variable, or out of memory). */
static const char *
value_json(struct pt_req *req, const struct pt_flow_var *v)
{
	char buf[64], when[32];
	struct tm tm;

	switch (v->type) {
	case PT_FLOW_NULL:
		return "null";
	case PT_FLOW_NUMBER:
		if (!isfinite(v->number))
			return NULL;
		snprintf(buf, sizeof(buf), "%.17g", v->number);
		return pt_strdup(req, buf);
	case PT_FLOW_STRING:
		return pt_json_str(req, v->string);
	case PT_FLOW_BOOLEAN:
		return v->boolean ? "true" : "false";
	case PT_FLOW_DATE:
		if (gmtime_r(&v->date, &tm) == NULL)
			return NULL;
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		snprintf(buf, sizeof(buf), "{\"date\":\"%s\"}", when);
		return pt_strdup(req, buf);
	}
	return NULL;
}

const char *
pt_flow_vars_json(struct pt_req *req, const struct pt_flow_var *vars, size_t n)
{
	const char *out = "{", *name, *value;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((name = pt_json_str(req, vars[i].name)) == NULL ||
		    (value = value_json(req, &vars[i])) == NULL ||
		    (out = pt_printf(req, "%s%s%s:%s", out, i > 0 ? "," : "", name, value)) == NULL)
			return NULL;
	}
	return pt_printf(req, "%s}", out);
}

static int
command(struct pt_req *req, const char *kind, const char *process_key, const char *message,
    const char *business_key, long long org_id, long long definition_id, long long instance_id,
    long long task_id, long long incident_id, const struct pt_flow_var *vars, size_t n,
    long long user_id)
{
	const char *json = NULL;

	if (n > 0 && (json = pt_flow_vars_json(req, vars, n)) == NULL)
		return PT_EINVAL;
	return pt_db_exec(req, &pt_flow_sql[SQL_FLOW_COMMAND], PT_BINDS(pt_str(kind),
	    pt_str(process_key), pt_str(message), pt_str(business_key ? business_key : ""),
	    id_or_null(org_id), id_or_null(definition_id), id_or_null(instance_id),
	    id_or_null(task_id), id_or_null(incident_id), pt_str(json), id_or_null(user_id)), NULL);
}

int
pt_flow_start(struct pt_req *req, const char *process_key, const char *business_key,
    long long org_id, long long user_id, const struct pt_flow_var *vars, size_t n)
{
	return command(req, "start", process_key, NULL, business_key, org_id, 0, 0, 0, 0,
	    vars, n, user_id);
}

int
pt_flow_message(struct pt_req *req, const char *message, const char *business_key,
    long long user_id, const struct pt_flow_var *vars, size_t n)
{
	return command(req, "message", NULL, message, business_key, 0, 0, 0, 0, 0, vars, n,
	    user_id);
}

int
pt_flow_complete(struct pt_req *req, long long task_id, long long user_id,
    const struct pt_flow_var *vars, size_t n)
{
	unsigned long long affected = 0;
	int rc;

	if ((rc = pt_db_exec(req, &pt_flow_sql[SQL_FLOW_TASK_COMPLETING],
	    PT_BINDS(id_or_null(user_id), pt_int(task_id)), &affected)) != PT_OK)
		return rc;
	if (affected == 0)
		return PT_ENOTFOUND;
	return command(req, "complete", NULL, NULL, NULL, 0, 0, 0, task_id, 0, vars, n, user_id);
}

int
pt_flow_control(struct pt_req *req, enum pt_flow_control what, long long id, long long user_id)
{
	static const char *const kinds[] = {
		[PT_FLOW_DEPLOYED] = "deployed", [PT_FLOW_SUSPEND] = "suspend",
		[PT_FLOW_RESUME] = "resume", [PT_FLOW_CANCEL] = "cancel", [PT_FLOW_RETRY] = "retry",
	};

	if ((unsigned)what >= sizeof(kinds) / sizeof(kinds[0]) || id <= 0)
		return PT_EINVAL;
	return command(req, kinds[what], NULL, NULL, NULL, 0,
	    what == PT_FLOW_DEPLOYED ? id : 0,
	    what == PT_FLOW_SUSPEND || what == PT_FLOW_RESUME || what == PT_FLOW_CANCEL ? id : 0,
	    0, what == PT_FLOW_RETRY ? id : 0, NULL, 0, user_id);
}
