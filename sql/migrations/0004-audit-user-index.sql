-- The audit rows of one person: the personal-data export and the
-- anonymisation look them up by user.
ALTER TABLE audit_log ADD KEY audit_user (user_id, at);
