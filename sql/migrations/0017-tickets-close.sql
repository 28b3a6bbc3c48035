-- Resolved tickets close by themselves once the reopen window
-- ([tickets] reopen_days) has passed: the tickets worker looks for them by
-- status and resolution time.
ALTER TABLE tickets ADD KEY tickets_status_resolved (status, resolved_at);
