-- The shipped processes ticket-escalation and customer-onboarding at work
-- in the demo (issue 14): what the tickets and auth workers would have
-- asked of portico-flowd, as rows in flow_commands, which flowd takes once
-- it runs (the set-up deploys the models before the demo data, so these
-- come after their "deployed" commands).
--
--   T-...-000001, whose resolution breached 3 days in (0041): its
--     escalation starts as the breach would have started it; flowd mails
--     the group's lead and waits 2 business hours for an agent's touch.
--   Lindqvist Retail AB, a customer created two days ago with Maja
--     Lindqvist named as its admin: its onboarding invites her and waits
--     for her to accept.

INSERT INTO flow_commands (kind, message, business_key, variables, created_at)
SELECT 'message', 'ticket.sla_breached', t.number,
  JSON_OBJECT('ticket_id', t.id, 'ticket_number', t.number, 'subject', t.subject,
    'priority', t.priority,
    'clock', (SELECT b.kind FROM ticket_sla_breaches b WHERE b.ticket_id = t.id
      ORDER BY b.breached_at DESC, b.id DESC LIMIT 1),
    'group_lead_id', (SELECT m.user_id FROM ticket_group_members m
      WHERE m.group_id = t.group_id AND m.is_lead = 1 ORDER BY m.user_id LIMIT 1)),
  UTC_TIMESTAMP(6)
FROM tickets t WHERE t.id = 1 AND t.status NOT IN ('resolved', 'closed');

INSERT INTO orgs (id, name, kind, tier, currency, language, created_at) VALUES
  (7, 'Lindqvist Retail AB', 'customer', 'bronze', 'EUR', 'en', UTC_TIMESTAMP(6) - INTERVAL 2 DAY);

INSERT INTO flow_commands (kind, process_key, business_key, org_id, variables, user_id, created_at)
VALUES ('start', 'customer-onboarding', '7', 7,
  JSON_OBJECT('org_id', 7, 'org_name', 'Lindqvist Retail AB', 'language', 'en',
    'admin_name', 'Maja Lindqvist', 'admin_email', 'maja.lindqvist@lindqvist.example'),
  1, UTC_TIMESTAMP(6) - INTERVAL 2 DAY);
