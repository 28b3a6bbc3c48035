-- The agent desk's views (issue 12 §5, cgi-bin-src/tickets/desk.c): each
-- is sorted by the ticket's next due (tickets without a running clock
-- last), then priority, then age, and read from an index in that order,
-- so that a page reads rows in proportion to its size, not to the tickets
-- there are (t/http/147).
--
-- desk_due is sla_due_at with "no due" as the last instant, so the whole
-- order is in index columns.  sla_warn_at is kept beside sla_due_at by
-- every change of the clocks (cgi-bin-src/lib/ticket-sla.c): the earliest
-- instant a running clock reaches its policy's warning share (its due,
-- for a clock without one), so that "breaching" (warned or breached, not
-- paused) is one range.  The desk indexes of 0026, made before the SLA
-- clocks existed and ordered by priority and age, are replaced, and so is
-- tickets_sla_due, which desk_due's indexes cover.
ALTER TABLE tickets
  ADD COLUMN sla_warn_at DATETIME(6) NULL,
  ADD COLUMN desk_due DATETIME(6) AS (COALESCE(sla_due_at, '9999-12-31 23:59:59')) PERSISTENT,
  DROP KEY tickets_desk_assignee,
  DROP KEY tickets_desk_group,
  DROP KEY tickets_desk_active,
  DROP KEY tickets_desk_status,
  DROP KEY tickets_sla_due,
  -- mine (and, with NULL, every unassigned ticket)
  ADD KEY tickets_desk_assignee (assignee_id, desk_active, desk_due, priority, created_at),
  -- the tickets of my groups, one walk per group
  ADD KEY tickets_desk_group (group_id, desk_active, desk_due, priority, created_at),
  -- the unassigned ones of my groups, one walk per group (and those of no group)
  ADD KEY tickets_desk_unassigned (group_id, assignee_id, desk_active, desk_due, priority, created_at),
  -- all open ones, and one status
  ADD KEY tickets_desk_active (desk_active, desk_due, priority, created_at),
  ADD KEY tickets_desk_status (status, desk_due, priority, created_at),
  -- breaching: warned or breached by now
  ADD KEY tickets_desk_warn (desk_active, sla_warn_at);

UPDATE tickets t SET t.sla_warn_at = (SELECT MIN(COALESCE(c.warn_at, c.due_at)) FROM ticket_sla_clocks c
  WHERE c.ticket_id = t.id AND c.state = 'running')
WHERE t.id IN (SELECT ticket_id FROM ticket_sla_clocks WHERE state = 'running');
