-- The SLA clocks of the demo tickets (0031), as the tickets worker would
-- have left them.  The two tickets of the "24x7 critical" policy (every
-- second counts) are worked out here, breaches included:
--   T-...-000001  printer fault, P3: answered after 23 hours (first response
--                 breached), no update since (breached), unresolved after
--                 3 days (resolution breached)
--   T-...-000004  login problem, P3: answered and resolved after 2 days
--                 (first response and resolution breached)
-- The two new tickets on office hours (000003, 000006) get running clocks
-- without a due; the tickets worker's periodic check works their dues out
-- in business time the first time it runs.  The pending and the closed
-- ticket were raised before the service levels: they have no clocks.

SET @now = UTC_TIMESTAMP(6);
SET @critical = (SELECT id FROM sla_policies WHERE name = '24x7 critical');
SET @premium = (SELECT id FROM sla_policies WHERE name = 'Premium');

-- T1: raised 3 days ago, first public reply 2 days ago plus an hour.
SET @t1 = (SELECT created_at FROM tickets WHERE id = 1);
SET @r1 = @now - INTERVAL 2 DAY + INTERVAL 1 HOUR;
INSERT INTO ticket_sla_clocks (ticket_id, kind, policy_id, state, target_s, consumed_s, since, due_at,
    warn_at, warned_at, breached_at, stopped_at) VALUES
  (1, 'first_response', @critical, 'stopped', 3600, TIMESTAMPDIFF(SECOND, @t1, @r1), @r1,
    @t1 + INTERVAL 60 MINUTE, NULL, @t1 + INTERVAL 30 MINUTE, @t1 + INTERVAL 61 MINUTE, @r1),
  (1, 'update', @critical, 'running', 14400, 0, @r1, @r1 + INTERVAL 240 MINUTE,
    @r1 + INTERVAL 120 MINUTE, @r1 + INTERVAL 120 MINUTE, @r1 + INTERVAL 241 MINUTE, NULL),
  (1, 'resolution', @critical, 'running', 86400, 0, @t1, @t1 + INTERVAL 1440 MINUTE,
    @t1 + INTERVAL 720 MINUTE, @t1 + INTERVAL 720 MINUTE, @t1 + INTERVAL 1441 MINUTE, NULL);

-- T4: raised 4 days ago, answered and resolved 2 days ago.
SET @t4 = (SELECT created_at FROM tickets WHERE id = 4);
SET @r4 = (SELECT resolved_at FROM tickets WHERE id = 4);
INSERT INTO ticket_sla_clocks (ticket_id, kind, policy_id, state, target_s, consumed_s, since, due_at,
    warn_at, warned_at, breached_at, stopped_at) VALUES
  (4, 'first_response', @critical, 'stopped', 3600, TIMESTAMPDIFF(SECOND, @t4, @r4), @r4,
    @t4 + INTERVAL 60 MINUTE, NULL, @t4 + INTERVAL 30 MINUTE, @t4 + INTERVAL 61 MINUTE, @r4),
  (4, 'update', @critical, 'stopped', 14400, 0, @r4, @r4 + INTERVAL 240 MINUTE, NULL, NULL, NULL, @r4),
  (4, 'resolution', @critical, 'stopped', 86400, TIMESTAMPDIFF(SECOND, @t4, @r4), @r4,
    @t4 + INTERVAL 1440 MINUTE, NULL, @t4 + INTERVAL 720 MINUTE, @r4, @r4);

INSERT INTO ticket_sla_breaches (ticket_id, kind, policy_id, due_at, breached_at)
SELECT ticket_id, kind, policy_id, due_at, breached_at FROM ticket_sla_clocks
WHERE ticket_id IN (1, 4) AND breached_at IS NOT NULL ORDER BY breached_at;

INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value)
SELECT ticket_id, breached_at, NULL, CONCAT('sla_', kind), NULL, 'breached' FROM ticket_sla_clocks
WHERE ticket_id IN (1, 4) AND breached_at IS NOT NULL ORDER BY breached_at;

-- T3 and T6 (Acme, gold: Premium), new and unanswered: running since they
-- were raised; warn_at in the past brings them to the periodic check.
INSERT INTO ticket_sla_clocks (ticket_id, kind, policy_id, state, target_s, consumed_s, since, warn_at)
SELECT t.id, g.kind, @premium, 'running', g.minutes * 60, 0, t.created_at, t.created_at
FROM tickets t JOIN sla_targets g ON g.policy_id = @premium AND g.priority = t.priority
WHERE t.id IN (3, 6);

UPDATE tickets t SET t.sla_due_at = (SELECT MIN(c.due_at) FROM ticket_sla_clocks c
  WHERE c.ticket_id = t.id AND c.state = 'running'),
  t.sla_warn_at = (SELECT MIN(COALESCE(c.warn_at, c.due_at)) FROM ticket_sla_clocks c
  WHERE c.ticket_id = t.id AND c.state = 'running') WHERE t.id IN (1, 3, 4, 6);
