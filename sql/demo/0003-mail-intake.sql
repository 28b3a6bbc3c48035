-- The demo customers take tickets by mail; the partner does not.
UPDATE orgs SET mail_intake = 1 WHERE id IN (2, 3);
