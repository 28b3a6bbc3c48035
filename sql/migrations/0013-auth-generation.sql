-- Signed-in sessions are kept by each worker process (session.c), so that
-- a page does not cost the session's seven-table query.  What a kept
-- session holds (the user, the organisation, the roles and permissions)
-- may change, and a session may be revoked: every change of it raises
-- this counter, and every process compares it with the one its kept
-- sessions were read under at most twice a second, on every host.  A
-- change made by hand in SQL takes effect once the counter is raised:
--   UPDATE auth_generation SET n = n + 1 WHERE id = 1;
CREATE TABLE auth_generation (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  n BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO auth_generation (id, n) VALUES (1, 0);
