-- Service processes (issue 14): the state of portico-flowd, the BPMN 2.0
-- engine.  Models are deployed as versions of a process key; an instance
-- keeps the version it started on.  Every step flowd takes (a job, a
-- command) runs in one transaction with its effects, so a flowd killed at
-- any moment loses nothing and repeats nothing after a restart.
--
-- Workers never link flowd's code: they write a row in flow_commands in
-- the transaction of their own change (lib/flow.c: start an instance,
-- correlate a message, complete a task) and flowd picks it up within
-- 100 ms.  The task inbox reads flow_tasks and flow_task_candidates.

-- A deployed version of a process.  process_key: the BPMN process's id;
-- version 1, 2, ... per key; new instances start on the highest version.
-- xml: the document as deployed (at most 2 MiB, flowd/model.h).
-- deployed_by: NULL when portico-admin deployed it.
CREATE TABLE flow_definitions (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  process_key  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version      INT UNSIGNED NOT NULL,
  name         VARCHAR(200) NOT NULL,
  name_de      VARCHAR(200) NULL,
  xml          MEDIUMBLOB NOT NULL,
  sha256       CHAR(64) CHARACTER SET ascii NOT NULL,
  file_name    VARCHAR(200) NOT NULL DEFAULT '',
  deployed_by  INT UNSIGNED NULL,
  deployed_at  DATETIME(6) NOT NULL,
  UNIQUE KEY flow_definitions_key_version (process_key, version),
  CONSTRAINT flow_definitions_by_fk FOREIGN KEY (deployed_by) REFERENCES users (id),
  CONSTRAINT flow_definitions_version CHECK (version >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A running or ended case.  business_key: what workers correlate on (an
-- order number, a ticket number, an RMA number); org_id: whose case it
-- is, the org scope of its user tasks (NULL: the provider's own).
-- parent_id/parent_token_id: the instance and token of the callActivity
-- that started it.  state: running, suspended (no job or task of it
-- moves), completed (reached an end), terminated (a terminate end event),
-- cancelled (by an admin), failed (an error nothing caught).
-- incidents: how many of its incidents are open (flow_incidents).
CREATE TABLE flow_instances (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  definition_id    INT UNSIGNED NOT NULL,
  parent_id        BIGINT UNSIGNED NULL,
  parent_token_id  BIGINT UNSIGNED NULL,
  business_key     VARCHAR(100) NOT NULL DEFAULT '',
  org_id           INT UNSIGNED NULL,
  state            ENUM('running','suspended','completed','terminated','cancelled','failed')
                     NOT NULL DEFAULT 'running',
  incidents        INT UNSIGNED NOT NULL DEFAULT 0,
  started_by       INT UNSIGNED NULL,
  started_at       DATETIME(6) NOT NULL,
  ended_at         DATETIME(6) NULL,
  end_element      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
  updated_at       DATETIME(6) NOT NULL,
  KEY flow_instances_definition (definition_id, state, started_at),
  KEY flow_instances_state (state, started_at),
  KEY flow_instances_business_key (business_key, state),
  KEY flow_instances_org (org_id, started_at),
  KEY flow_instances_started (started_at),
  KEY flow_instances_parent (parent_id),
  CONSTRAINT flow_instances_definition_fk FOREIGN KEY (definition_id) REFERENCES flow_definitions (id),
  CONSTRAINT flow_instances_parent_fk FOREIGN KEY (parent_id) REFERENCES flow_instances (id),
  CONSTRAINT flow_instances_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT flow_instances_started_by_fk FOREIGN KEY (started_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An instance's variables (flowd/expr.h types).  value: the text form:
-- a number as printed with %.17g, a string as it is, a boolean as true or
-- false, a date as ISO 8601 UTC (2027-01-31T08:00:00Z); NULL for null.
CREATE TABLE flow_variables (
  instance_id  BIGINT UNSIGNED NOT NULL,
  name         VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  type         ENUM('null','number','string','boolean','date') NOT NULL,
  value        MEDIUMTEXT NULL,
  updated_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (instance_id, name),
  CONSTRAINT flow_variables_instance_fk FOREIGN KEY (instance_id) REFERENCES flow_instances (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where an instance's tokens stand (executions).  element_id: the flow
-- node; scope_token_id: the token standing on the embedded subProcess
-- that holds this one (NULL at the top).  state: waiting at a wait state
-- (user, receive task, catch event, event-based gateway, call activity,
-- a subProcess whose children run, a parallel join not yet complete);
-- a token is never left "moving" between transactions.  via_flow: the
-- sequence flow it arrived by (parallel joins count these).
CREATE TABLE flow_tokens (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  instance_id      BIGINT UNSIGNED NOT NULL,
  element_id       VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  scope_token_id   BIGINT UNSIGNED NULL,
  via_flow         VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
  created_at       DATETIME(6) NOT NULL,
  KEY flow_tokens_instance (instance_id, element_id),
  CONSTRAINT flow_tokens_instance_fk FOREIGN KEY (instance_id) REFERENCES flow_instances (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Work that is due: flowd takes a due job with SELECT ... FOR UPDATE SKIP
-- LOCKED and deletes it in the transaction that does it.  kind:
--   service     run the service/send task element_id for token_id
--   timer       a timer catch event, boundary timer or event-based
--               gateway's timer: element_id is the timer event
--   start-timer a timer start event of definition_id (instance_id NULL)
--   task-due    mail the people of user task task_id before it is due
-- retries: tries left; a service job that fails with none left opens an
-- incident and stays, with suspended = 1, until retried or cancelled.
-- fired: how often a cycle timer has fired; armed_at: when it was armed.
-- suspended: 1 while its instance is suspended (or it has an incident).
CREATE TABLE flow_jobs (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind           ENUM('service','timer','start-timer','task-due') NOT NULL,
  definition_id  INT UNSIGNED NOT NULL,
  instance_id    BIGINT UNSIGNED NULL,
  token_id       BIGINT UNSIGNED NULL,
  task_id        BIGINT UNSIGNED NULL,
  element_id     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  due_at         DATETIME(6) NOT NULL,
  armed_at       DATETIME(6) NOT NULL,
  fired          INT UNSIGNED NOT NULL DEFAULT 0,
  retries        TINYINT UNSIGNED NOT NULL DEFAULT 3,
  suspended      TINYINT(1) NOT NULL DEFAULT 0,
  last_error     VARCHAR(1000) NULL,
  KEY flow_jobs_due (suspended, due_at),
  KEY flow_jobs_instance (instance_id, token_id),
  CONSTRAINT flow_jobs_definition_fk FOREIGN KEY (definition_id) REFERENCES flow_definitions (id),
  CONSTRAINT flow_jobs_instance_fk FOREIGN KEY (instance_id) REFERENCES flow_instances (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What waits for a message: a message catch event, receive task, boundary
-- message event or event-based gateway branch of an instance (token_id
-- set), or a message start event of the newest version of a definition
-- (instance_id NULL).  A message correlates on (message, business_key);
-- a start subscription matches any business key.
CREATE TABLE flow_subscriptions (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message        VARCHAR(100) NOT NULL,
  business_key   VARCHAR(100) NOT NULL DEFAULT '',
  definition_id  INT UNSIGNED NOT NULL,
  instance_id    BIGINT UNSIGNED NULL,
  token_id       BIGINT UNSIGNED NULL,
  element_id     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at     DATETIME(6) NOT NULL,
  KEY flow_subscriptions_message (message, business_key),
  KEY flow_subscriptions_instance (instance_id, token_id),
  CONSTRAINT flow_subscriptions_definition_fk FOREIGN KEY (definition_id) REFERENCES flow_definitions (id),
  CONSTRAINT flow_subscriptions_instance_fk FOREIGN KEY (instance_id) REFERENCES flow_instances (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A user task.  org_id: the org whose people may work on it (the
-- instance's org, or the provider's for portico:orgScope="provider");
-- candidate_roles: the role names, space-separated, as in the model;
-- flow_task_candidates holds them as (org, role) rows for the inbox.
-- assignee_id: who has it (named by the model, or who claimed it); NULL
-- while it is offered.  form: the fields to fill, as JSON:
--   [{"name":"approved","type":"boolean","label":"...","label_de":"...","required":true}, ...]
-- state: open; completing (a person completed it and flowd has not yet
-- taken the command); completed; cancelled (its activity was interrupted
-- or its instance ended).  business_key, process names: copies from the
-- instance and definition, so that the inbox reads one table.
CREATE TABLE flow_tasks (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  instance_id      BIGINT UNSIGNED NOT NULL,
  token_id         BIGINT UNSIGNED NOT NULL,
  element_id       VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name             VARCHAR(200) NOT NULL,
  name_de          VARCHAR(200) NULL,
  process_name     VARCHAR(200) NOT NULL,
  process_name_de  VARCHAR(200) NULL,
  business_key     VARCHAR(100) NOT NULL DEFAULT '',
  org_id           INT UNSIGNED NOT NULL,
  candidate_roles  VARCHAR(500) NOT NULL DEFAULT '',
  assignee_id      INT UNSIGNED NULL,
  form             MEDIUMTEXT NOT NULL,
  state            ENUM('open','completing','completed','cancelled') NOT NULL DEFAULT 'open',
  due_at           DATETIME(6) NULL,
  created_at       DATETIME(6) NOT NULL,
  claimed_at       DATETIME(6) NULL,
  completed_at     DATETIME(6) NULL,
  completed_by     INT UNSIGNED NULL,
  reminded_at      DATETIME(6) NULL,
  KEY flow_tasks_assignee (assignee_id, state, due_at),
  KEY flow_tasks_org (org_id, state, due_at),
  KEY flow_tasks_instance (instance_id, state),
  CONSTRAINT flow_tasks_instance_fk FOREIGN KEY (instance_id) REFERENCES flow_instances (id),
  CONSTRAINT flow_tasks_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT flow_tasks_assignee_fk FOREIGN KEY (assignee_id) REFERENCES users (id),
  CONSTRAINT flow_tasks_completed_by_fk FOREIGN KEY (completed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The roles a task is offered to, within org_id: rows exist while the
-- task is open (flowd deletes them when it completes or is cancelled).
CREATE TABLE flow_task_candidates (
  org_id     INT UNSIGNED NOT NULL,
  role_id    INT UNSIGNED NOT NULL,
  task_id    BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (org_id, role_id, task_id),
  KEY flow_task_candidates_task (task_id),
  CONSTRAINT flow_task_candidates_task_fk FOREIGN KEY (task_id) REFERENCES flow_tasks (id),
  CONSTRAINT flow_task_candidates_role_fk FOREIGN KEY (role_id) REFERENCES roles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A row for every step: an element an instance's token entered (and left,
-- ended_at), who did it (user_id for a completed user task), and the
-- definition, for the count per element on the definition page.
-- outcome: a short word (completed, interrupted, cancelled, error:<code>,
-- fired, correlated) or NULL.
CREATE TABLE flow_history (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  instance_id    BIGINT UNSIGNED NOT NULL,
  definition_id  INT UNSIGNED NOT NULL,
  element_id     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  element_kind   VARCHAR(40) CHARACTER SET ascii NOT NULL,
  token_id       BIGINT UNSIGNED NULL,
  user_id        INT UNSIGNED NULL,
  started_at     DATETIME(6) NOT NULL,
  ended_at       DATETIME(6) NULL,
  outcome        VARCHAR(100) NULL,
  KEY flow_history_instance (instance_id, id),
  KEY flow_history_definition (definition_id, element_id),
  KEY flow_history_token (token_id),
  CONSTRAINT flow_history_instance_fk FOREIGN KEY (instance_id) REFERENCES flow_instances (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A service task that failed after its retries (or an error nothing
-- caught): open until an admin retries its job or cancels the instance.
CREATE TABLE flow_incidents (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  instance_id    BIGINT UNSIGNED NOT NULL,
  job_id         BIGINT UNSIGNED NULL,
  element_id     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  message        VARCHAR(1000) NOT NULL,
  created_at     DATETIME(6) NOT NULL,
  resolved_at    DATETIME(6) NULL,
  resolved_by    INT UNSIGNED NULL,
  resolution     ENUM('retried','cancelled') NULL,
  KEY flow_incidents_open (resolved_at, created_at),
  KEY flow_incidents_instance (instance_id),
  CONSTRAINT flow_incidents_instance_fk FOREIGN KEY (instance_id) REFERENCES flow_instances (id),
  CONSTRAINT flow_incidents_resolved_by_fk FOREIGN KEY (resolved_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What workers, admins and portico-admin ask of flowd, written in the
-- transaction of their own change (lib/flow.c) and taken by flowd with
-- SELECT ... FOR UPDATE SKIP LOCKED within 100 ms.  kind:
--   start     start the newest version of process_key, with business_key,
--             org_id and variables
--   message   correlate message on business_key (an instance waiting for
--             it, else a message start event), with variables
--   complete  complete user task task_id with variables (the form)
--   deployed  definition_id was deployed: arm its start timers and
--             message start events, disarm the older version's
--   suspend, resume, cancel   instance_id
--   retry     the job of incident incident_id
-- user_id: who asked (history, audit); NULL for the system.
-- variables: a JSON object; numbers, strings, true/false, null, and dates
-- as {"date":"2027-01-31T08:00:00Z"}.
-- A command flowd took is deleted in its transaction; one it could not
-- carry out stays with failed_at and error, for the admin pages.
CREATE TABLE flow_commands (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind           ENUM('start','message','complete','deployed','suspend','resume','cancel','retry') NOT NULL,
  process_key    VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
  message        VARCHAR(100) NULL,
  business_key   VARCHAR(100) NOT NULL DEFAULT '',
  org_id         INT UNSIGNED NULL,
  definition_id  INT UNSIGNED NULL,
  instance_id    BIGINT UNSIGNED NULL,
  task_id        BIGINT UNSIGNED NULL,
  incident_id    BIGINT UNSIGNED NULL,
  variables      MEDIUMTEXT NULL,
  user_id        INT UNSIGNED NULL,
  created_at     DATETIME(6) NOT NULL,
  failed_at      DATETIME(6) NULL,
  error          VARCHAR(1000) NULL,
  KEY flow_commands_pending (failed_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Service actions done, one row per job: an action that is run again for
-- the same job (a retry after a failure that happened after the effect,
-- for a webhook) sees it and does not repeat itself.
CREATE TABLE flow_action_log (
  job_id       BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  instance_id  BIGINT UNSIGNED NOT NULL,
  action       VARCHAR(40) NOT NULL,
  done_at      DATETIME(6) NOT NULL,
  result       VARCHAR(1000) NULL,
  KEY flow_action_log_instance (instance_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
