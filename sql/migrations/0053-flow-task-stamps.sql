-- The task inbox (/tasks/, cgi-bin-src/tasks/) keeps each reader's inbox
-- as a rendered page (pagecache.c, pt_pagecache_personal) and uses it
-- while nothing it was made of changed.  Everything an inbox shows is a
-- task of the reader's organisation (offered to its roles, or assigned to
-- one of its people), so its stamp is the newest change time of the
-- organisation's tasks: one read of the end of flow_tasks_org_updated.
--
-- The triggers stamp every insert and update of a task, so flowd, the
-- inbox and the admin pages need do nothing for it.  A change of a task's
-- candidates (flow_task_candidates) happens in the transaction that
-- creates, completes or cancels the task (0050), which writes the task's
-- row too.  A row's stamp is UTC_TIMESTAMP(6) of the statement.
ALTER TABLE flow_tasks
  ADD COLUMN updated_at DATETIME(6) NULL,
  ADD KEY flow_tasks_org_updated (org_id, updated_at);

UPDATE flow_tasks SET updated_at = COALESCE(completed_at, claimed_at, created_at);

CREATE TRIGGER flow_tasks_stamp_ins BEFORE INSERT ON flow_tasks FOR EACH ROW
  SET NEW.updated_at = UTC_TIMESTAMP(6);

CREATE TRIGGER flow_tasks_stamp_upd BEFORE UPDATE ON flow_tasks FOR EACH ROW
  SET NEW.updated_at = UTC_TIMESTAMP(6);
