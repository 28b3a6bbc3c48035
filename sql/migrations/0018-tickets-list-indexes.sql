-- The ticket lists read only the rows of their page, however many tickets
-- there are (cgi-bin-src/tickets/list.c, t/http/160): each list walks an
-- index in its order, from the scope's key and the status chosen, and
-- stops after the page.  Sorted by update most indexes exist
-- (tickets_updated, tickets_org_updated, tickets_requester,
-- tickets_status_updated, tickets_org_status); sorted by age, one's own
-- tickets of a status, and the tickets of a group that nobody has taken
-- yet, they are these.
ALTER TABLE tickets
  ADD KEY tickets_created (created_at),
  ADD KEY tickets_status_created (status, created_at),
  ADD KEY tickets_org_created (org_id, created_at),
  ADD KEY tickets_org_status_created (org_id, status, created_at),
  ADD KEY tickets_requester_created (requester_id, created_at),
  ADD KEY tickets_requester_status (requester_id, status, updated_at),
  ADD KEY tickets_requester_status_created (requester_id, status, created_at),
  ADD KEY tickets_unassigned (assignee_id, group_id, status, updated_at);
