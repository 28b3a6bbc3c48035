/*
 * Every statement portico-flowd runs, in one table so that each part
 * uses the same few (the engine's speed is the number of round trips per
 * step).  All times are UTC (db.c sets the session's zone).
 */
#include "flowd.h"

#define NOW "UTC_TIMESTAMP(6)"

const struct pt_sql fl_sql[FS__MAX] = {
	/*
	 * The instance, locked, with its tokens (one row each, or one row of
	 * NULLs): skipped when another process holds it.  Binds: instance.
	 */
	[FS_INSTANCE_LOCK] = { "fl_instance_lock",
	    "SELECT i.definition_id, i.business_key, i.org_id, i.parent_id, i.parent_token_id,"
	    " i.state, t.id, t.element_id, t.scope_token_id, t.via_flow"
	    " FROM flow_instances i LEFT JOIN flow_tokens t ON t.instance_id = i.id"
	    " WHERE i.id = ? ORDER BY t.id FOR UPDATE SKIP LOCKED" },
	/* The same, waiting for the lock: a called instance's parent. */
	[FS_INSTANCE_LOCK_WAIT] = { "fl_instance_lock_wait",
	    "SELECT i.definition_id, i.business_key, i.org_id, i.parent_id, i.parent_token_id,"
	    " i.state, t.id, t.element_id, t.scope_token_id, t.via_flow"
	    " FROM flow_instances i LEFT JOIN flow_tokens t ON t.instance_id = i.id"
	    " WHERE i.id = ? ORDER BY t.id FOR UPDATE" },
	[FS_INSTANCE_EXISTS] = { "fl_instance_exists",
	    "SELECT state FROM flow_instances WHERE id = ?" },
	/* Binds: definition, parent, parent token, business key, org, started by. */
	[FS_INSTANCE_INSERT] = { "fl_instance_insert",
	    "INSERT INTO flow_instances (definition_id, parent_id, parent_token_id, business_key,"
	    " org_id, state, started_by, started_at, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, 'running', ?, " NOW ", " NOW ")" },
	/* Binds: state, ended (0/1), end element, incidents reset (0/1), added, instance. */
	[FS_INSTANCE_UPDATE] = { "fl_instance_update",
	    "UPDATE flow_instances SET state = ?, ended_at = IF(?, " NOW ", ended_at),"
	    " end_element = COALESCE(?, end_element), incidents = GREATEST(CAST(IF(?, 0, incidents) AS SIGNED) + ?, 0),"
	    " updated_at = " NOW " WHERE id = ?" },
	/* Binds: change (-n), instance. */
	[FS_INSTANCE_INCIDENT] = { "fl_instance_incident",
	    "UPDATE flow_instances SET incidents = GREATEST(CAST(incidents AS SIGNED) + ?, 0),"
	    " updated_at = " NOW " WHERE id = ?" },
	/*
	 * Running or suspended instances a callActivity of this one started
	 * (of its token, or of any for 0).  Binds: instance, token, token.
	 */
	[FS_INSTANCE_CHILDREN] = { "fl_instance_children",
	    "SELECT id FROM flow_instances WHERE parent_id = ? AND (? = 0 OR parent_token_id = ?)"
	    " AND state IN ('running','suspended')" },

	/* Binds: instance, element, scope token, via flow. */
	[FS_TOKEN_INSERT] = { "fl_token_insert",
	    "INSERT INTO flow_tokens (instance_id, element_id, scope_token_id, via_flow, created_at)"
	    " VALUES (?, ?, ?, ?, " NOW ")" },
	[FS_TOKEN_DELETE] = { "fl_token_delete",
	    "DELETE FROM flow_tokens WHERE id = ?" },
	[FS_TOKEN_DELETE_ALL] = { "fl_token_delete_all",
	    "DELETE FROM flow_tokens WHERE instance_id = ?" },

	[FS_VARS_LOAD] = { "fl_vars_load",
	    "SELECT name, type, value FROM flow_variables WHERE instance_id = ?" },
	/* Binds: instance, name, type, value; several rows at once. */
	[FS_VARS_SAVE] = { "fl_vars_save",
	    "INSERT INTO flow_variables (instance_id, name, type, value, updated_at)"
	    " VALUES (?, ?, ?, ?, " NOW ") ON DUPLICATE KEY UPDATE type = VALUES(type),"
	    " value = VALUES(value), updated_at = VALUES(updated_at)" },

	/* Binds: instance, definition, element, kind, token, user, ended (0/1), outcome; rows. */
	[FS_HIST_INSERT] = { "fl_hist_insert",
	    "INSERT INTO flow_history (instance_id, definition_id, element_id, element_kind,"
	    " token_id, user_id, started_at, ended_at, outcome)"
	    " VALUES (?, ?, ?, ?, ?, ?, " NOW ", IF(?, " NOW ", NULL), ?)" },
	/* Binds: outcome, user, token. */
	[FS_HIST_END] = { "fl_hist_end",
	    "UPDATE flow_history SET ended_at = " NOW ", outcome = ?, user_id = COALESCE(?, user_id)"
	    " WHERE token_id = ? AND ended_at IS NULL" },
	/* Binds: outcome, instance. */
	[FS_HIST_END_ALL] = { "fl_hist_end_all",
	    "UPDATE flow_history SET ended_at = " NOW ", outcome = ?"
	    " WHERE instance_id = ? AND ended_at IS NULL" },

	/*
	 * Binds: instance, token, element, name, name_de, process name,
	 * process name_de, business key, org, roles, assignee, form, due.
	 */
	[FS_TASK_INSERT] = { "fl_task_insert",
	    "INSERT INTO flow_tasks (instance_id, token_id, element_id, name, name_de, process_name,"
	    " process_name_de, business_key, org_id, candidate_roles, assignee_id, form, state,"
	    " due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, " NOW ")" },
	/* The roles that exist of the names (comma-separated).  Binds: org, task, names. */
	[FS_TASK_CANDIDATES] = { "fl_task_candidates",
	    "INSERT IGNORE INTO flow_task_candidates (org_id, role_id, task_id)"
	    " SELECT ?, r.id, ? FROM roles r WHERE FIND_IN_SET(r.name, ?)" },
	/* Binds: state, instance, token. */
	[FS_TASK_END] = { "fl_task_end",
	    "UPDATE flow_tasks SET state = ?, completed_at = COALESCE(completed_at, " NOW ")"
	    " WHERE instance_id = ? AND token_id = ? AND state IN ('open','completing')" },
	/* Binds: instance, token. */
	[FS_TASK_END_CANDIDATES] = { "fl_task_end_candidates",
	    "DELETE c FROM flow_task_candidates c JOIN flow_tasks t ON t.id = c.task_id"
	    " WHERE t.instance_id = ? AND t.token_id = ?" },
	[FS_TASK_END_ALL] = { "fl_task_end_all",
	    "UPDATE flow_tasks SET state = 'cancelled', completed_at = " NOW
	    " WHERE instance_id = ? AND state IN ('open','completing')" },
	[FS_TASK_END_ALL_CANDIDATES] = { "fl_task_end_all_candidates",
	    "DELETE c FROM flow_task_candidates c JOIN flow_tasks t ON t.id = c.task_id"
	    " WHERE t.instance_id = ?" },
	/* An active user of the org.  Binds: user, org. */
	[FS_TASK_ASSIGNEE] = { "fl_task_assignee",
	    "SELECT id FROM users WHERE id = ? AND org_id = ? AND status = 'active'" },
	/* The task a complete command names.  Binds: task. */
	[FS_TASK_OF] = { "fl_task_of",
	    "SELECT instance_id, token_id, state, completed_by FROM flow_tasks WHERE id = ?" },
	/* A completion flowd cannot take: open again.  Binds: task. */
	[FS_TASK_REOPEN] = { "fl_task_reopen",
	    "UPDATE flow_tasks SET state = 'open', completed_at = NULL, completed_by = NULL"
	    " WHERE id = ? AND state = 'completing'" },

	/* Binds: kind, definition, instance, token, task, element, due (NULL: now), armed, suspended. */
	[FS_JOB_INSERT] = { "fl_job_insert",
	    "INSERT INTO flow_jobs (kind, definition_id, instance_id, token_id, task_id, element_id,"
	    " due_at, armed_at, fired, suspended) VALUES (?, ?, ?, ?, ?, ?,"
	    " COALESCE(?, " NOW "), ?, 0, ?)" },
	/* Binds: instance, token. */
	[FS_JOB_DELETE_TOKEN] = { "fl_job_delete_token",
	    "DELETE FROM flow_jobs WHERE instance_id = ? AND token_id = ?" },
	[FS_JOB_DELETE_INSTANCE] = { "fl_job_delete_instance",
	    "DELETE FROM flow_jobs WHERE instance_id = ?" },
	[FS_JOB_DELETE] = { "fl_job_delete",
	    "DELETE FROM flow_jobs WHERE id = ?" },
	/* A cycle fires again.  Binds: seconds after it was armed, job. */
	[FS_JOB_REARM] = { "fl_job_rearm",
	    "UPDATE flow_jobs SET due_at = armed_at + INTERVAL ? SECOND, fired = fired + 1 WHERE id = ?" },
	/* Binds: retries left, seconds until the next try, suspended, error, job. */
	[FS_JOB_FAILED] = { "fl_job_failed",
	    "UPDATE flow_jobs SET retries = ?, due_at = " NOW " + INTERVAL ? SECOND, suspended = ?,"
	    " last_error = LEFT(?, 1000) WHERE id = ?" },
	/* Binds: suspended (0/1), instance; a job with an open incident stays suspended. */
	[FS_JOB_SUSPEND] = { "fl_job_suspend",
	    "UPDATE flow_jobs j SET j.suspended = ? WHERE j.instance_id = ? AND NOT EXISTS"
	    " (SELECT 1 FROM flow_incidents n WHERE n.job_id = j.id AND n.resolved_at IS NULL)" },
	[FS_JOB_RETRY] = { "fl_job_retry",
	    "UPDATE flow_jobs SET suspended = 0, retries = 1, due_at = " NOW " WHERE id = ?" },
	/* A due job, locked; skipped ones excluded.  Binds: four job ids not to take. */
	[FS_JOB_TAKE] = { "fl_job_take",
	    "SELECT id, kind, definition_id, instance_id, token_id, task_id, element_id,"
	    " UNIX_TIMESTAMP(armed_at), fired, retries FROM flow_jobs"
	    " WHERE suspended = 0 AND due_at <= " NOW " AND id NOT IN (?, ?, ?, ?)"
	    " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED" },

	/* Binds: message, business key, definition, instance, token, element. */
	[FS_SUB_INSERT] = { "fl_sub_insert",
	    "INSERT INTO flow_subscriptions (message, business_key, definition_id, instance_id,"
	    " token_id, element_id, created_at) VALUES (?, ?, ?, ?, ?, ?, " NOW ")" },
	[FS_SUB_DELETE_TOKEN] = { "fl_sub_delete_token",
	    "DELETE FROM flow_subscriptions WHERE instance_id = ? AND token_id = ?" },
	[FS_SUB_DELETE_INSTANCE] = { "fl_sub_delete_instance",
	    "DELETE FROM flow_subscriptions WHERE instance_id = ?" },
	/* Who waits for a message on a business key: the oldest.  Binds: message, key. */
	[FS_SUB_FIND] = { "fl_sub_find",
	    "SELECT instance_id, token_id, element_id FROM flow_subscriptions"
	    " WHERE message = ? AND business_key = ? AND instance_id IS NOT NULL ORDER BY id LIMIT 1" },
	/* A message start event of a deployed definition.  Binds: message. */
	[FS_SUB_START] = { "fl_sub_start",
	    "SELECT definition_id, element_id FROM flow_subscriptions"
	    " WHERE message = ? AND business_key = '' AND instance_id IS NULL ORDER BY id DESC LIMIT 1" },
	/* The start timers and message starts of the key's versions but one.  Binds: key, keep. */
	[FS_START_DISARM_JOBS] = { "fl_start_disarm_jobs",
	    "DELETE j FROM flow_jobs j JOIN flow_definitions d ON d.id = j.definition_id"
	    " WHERE j.kind = 'start-timer' AND d.process_key = ? AND d.id <> ?" },
	[FS_START_DISARM_SUBS] = { "fl_start_disarm_subs",
	    "DELETE s FROM flow_subscriptions s JOIN flow_definitions d ON d.id = s.definition_id"
	    " WHERE s.instance_id IS NULL AND d.process_key = ? AND d.id <> ?" },

	/* Binds: instance, job, element, message. */
	[FS_INCIDENT_INSERT] = { "fl_incident_insert",
	    "INSERT INTO flow_incidents (instance_id, job_id, element_id, message, created_at)"
	    " VALUES (?, ?, ?, LEFT(?, 1000), " NOW ")" },
	[FS_INCIDENT_OF] = { "fl_incident_of",
	    "SELECT instance_id, job_id, element_id, resolved_at IS NOT NULL FROM flow_incidents"
	    " WHERE id = ?" },
	/* Binds: by, resolution, incident. */
	[FS_INCIDENT_RESOLVE] = { "fl_incident_resolve",
	    "UPDATE flow_incidents SET resolved_at = " NOW ", resolved_by = ?, resolution = ?"
	    " WHERE id = ? AND resolved_at IS NULL" },
	/* Binds: by, instance. */
	[FS_INCIDENTS_CANCEL] = { "fl_incidents_cancel",
	    "UPDATE flow_incidents SET resolved_at = " NOW ", resolved_by = ?, resolution = 'cancelled'"
	    " WHERE instance_id = ? AND resolved_at IS NULL" },

	/*
	 * The idle loop's look, one round trip without a transaction: is a
	 * command pending, and in how many microseconds is the next job due?
	 */
	[FS_IDLE_PEEK] = { "fl_idle_peek",
	    "SELECT EXISTS (SELECT 1 FROM flow_commands WHERE failed_at IS NULL),"
	    " TIMESTAMPDIFF(MICROSECOND, " NOW ", (SELECT MIN(due_at) FROM flow_jobs WHERE suspended = 0))" },
	/* The next pending command after id, locked.  Binds: after. */
	[FS_CMD_TAKE] = { "fl_cmd_take",
	    "SELECT id, kind, process_key, message, business_key, org_id, definition_id,"
	    " instance_id, task_id, incident_id, variables, user_id FROM flow_commands"
	    " WHERE failed_at IS NULL AND id > ? ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED" },
	[FS_CMD_DELETE] = { "fl_cmd_delete",
	    "DELETE FROM flow_commands WHERE id = ?" },
	/* Binds: error, command. */
	[FS_CMD_FAIL] = { "fl_cmd_fail",
	    "UPDATE flow_commands SET failed_at = " NOW ", error = LEFT(?, 1000) WHERE id = ?" },

	[FS_DEF_LOAD] = { "fl_def_load",
	    "SELECT process_key, version, name, name_de, xml FROM flow_definitions WHERE id = ?" },
	[FS_DEF_NEWEST] = { "fl_def_newest",
	    "SELECT id FROM flow_definitions WHERE process_key = ? ORDER BY version DESC LIMIT 1" },
	[FS_PROVIDER_ORG] = { "fl_provider_org",
	    "SELECT id FROM orgs WHERE kind = 'provider' ORDER BY id LIMIT 1" },
	/*
	 * The calendar of an org: that of the SLA policy its tier's rule
	 * names (else the default rule's), as the tickets' clocks use.  Its
	 * zone ('z'), hours ('h'), holidays ('d'), closures ('c').  Binds: org.
	 */
	[FS_ORG_CALENDAR] = { "fl_org_calendar",
	    "WITH p AS (SELECT r.policy_id AS id FROM sla_policy_rules r"
	    " JOIN sla_policies sp ON sp.id = r.policy_id AND sp.active = 1"
	    " LEFT JOIN orgs o ON o.id = ?"
	    " WHERE r.service_id IS NULL AND (r.tier IS NULL OR r.tier = o.tier)"
	    " ORDER BY r.tier IS NULL, r.id LIMIT 1),"
	    " c AS (SELECT sp.calendar_id AS id FROM sla_policies sp JOIN p ON p.id = sp.id)"
	    " SELECT 'z', k.time_zone, NULL, NULL FROM sla_calendars k JOIN c ON c.id = k.id"
	    " UNION ALL SELECT 'h', h.weekday, TIME_TO_SEC(h.opens), TIME_TO_SEC(h.closes)"
	    " FROM sla_calendar_hours h JOIN c ON c.id = h.calendar_id"
	    " UNION ALL SELECT 'd', DATEDIFF(d.day, '1970-01-01'), NULL, NULL"
	    " FROM sla_holidays d JOIN c ON c.id = d.calendar_id"
	    " UNION ALL SELECT 'c', TIMESTAMPDIFF(SECOND, '1970-01-01', s.starts_at),"
	    " TIMESTAMPDIFF(SECOND, '1970-01-01', s.ends_at), NULL"
	    " FROM sla_closures s JOIN c ON c.id = s.calendar_id" },
};

int
fl_sql_init(void)
{
	return pt_db_register(fl_sql, FS__MAX);
}
