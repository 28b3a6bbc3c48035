-- The task inbox (/tasks/) lists a reader's tasks most urgent first, those
-- without a due time last, 25 a page.  Joining the candidates to the tasks
-- and sorting them all took 0.3 s for an approver offered 10 000 tasks.
-- inbox_due is the order of the inbox, and NULL for a task that is no
-- longer in any inbox (completed, cancelled), so the index below walks an
-- organisation's open tasks in that order and stops after a page: the
-- reader's own (assignee_id, in the index) and those offered to their roles
-- (one probe of flow_task_candidates each).  flow_tasks_inbox_mine does the
-- same for the tasks assigned to one person.  (After 0053-flow-task-stamps:
-- "flow-task-" sorts before "flow-tasks".)
ALTER TABLE flow_tasks
  ADD COLUMN inbox_due DATETIME(6) AS
    (IF(state IN ('open', 'completing'), IFNULL(due_at, '9999-12-31 23:59:59'), NULL)) PERSISTENT,
  ADD KEY flow_tasks_inbox (org_id, inbox_due, id, assignee_id),
  ADD KEY flow_tasks_inbox_mine (assignee_id, inbox_due, id);
