-- Demo service levels (issue 12 §4, §9): two calendars, three policies
-- with targets per priority, and the rules that choose them.
--   Germany office  Europe/Berlin, Mon-Fri 08:00-18:00, German public
--                   holidays 2026 and 2027
--   24x7            every hour of every day
--   Standard        Germany office, for everyone without a better rule
--   Premium         Germany office, shorter targets, for gold and premium orgs
--   24x7 critical   around the clock, for the services that stop production

INSERT INTO sla_calendars (id, name, time_zone) VALUES
  (1, 'Germany office', 'Europe/Berlin'),
  (2, '24x7', 'Europe/Berlin');

INSERT INTO sla_calendar_hours (calendar_id, weekday, opens, closes) VALUES
  (1, 1, '08:00', '18:00'), (1, 2, '08:00', '18:00'), (1, 3, '08:00', '18:00'),
  (1, 4, '08:00', '18:00'), (1, 5, '08:00', '18:00'),
  (2, 1, '00:00', '24:00'), (2, 2, '00:00', '24:00'), (2, 3, '00:00', '24:00'),
  (2, 4, '00:00', '24:00'), (2, 5, '00:00', '24:00'), (2, 6, '00:00', '24:00'),
  (2, 7, '00:00', '24:00');

INSERT INTO sla_holidays (calendar_id, day, name) VALUES
  (1, '2026-01-01', 'Neujahr'),
  (1, '2026-04-03', 'Karfreitag'),
  (1, '2026-04-06', 'Ostermontag'),
  (1, '2026-05-01', 'Tag der Arbeit'),
  (1, '2026-05-14', 'Christi Himmelfahrt'),
  (1, '2026-05-25', 'Pfingstmontag'),
  (1, '2026-10-03', 'Tag der Deutschen Einheit'),
  (1, '2026-12-25', '1. Weihnachtstag'),
  (1, '2026-12-26', '2. Weihnachtstag'),
  (1, '2027-01-01', 'Neujahr'),
  (1, '2027-03-26', 'Karfreitag'),
  (1, '2027-03-29', 'Ostermontag'),
  (1, '2027-05-01', 'Tag der Arbeit'),
  (1, '2027-05-06', 'Christi Himmelfahrt'),
  (1, '2027-05-17', 'Pfingstmontag'),
  (1, '2027-10-03', 'Tag der Deutschen Einheit'),
  (1, '2027-12-25', '1. Weihnachtstag'),
  (1, '2027-12-26', '2. Weihnachtstag');

-- The office closes early on Christmas Eve and New Year's Eve.
INSERT INTO sla_closures (calendar_id, starts_at, ends_at, reason) VALUES
  (1, '2026-12-24 12:00:00', '2026-12-24 18:00:00', 'Heiligabend'),
  (1, '2026-12-31 12:00:00', '2026-12-31 18:00:00', 'Silvester'),
  (1, '2027-12-24 12:00:00', '2027-12-24 18:00:00', 'Heiligabend'),
  (1, '2027-12-31 12:00:00', '2027-12-31 18:00:00', 'Silvester');

INSERT INTO sla_policies (id, name, calendar_id, warn_percent) VALUES
  (1, 'Standard', 1, 80),
  (2, 'Premium', 1, 75),
  (3, '24x7 critical', 2, 50);

-- Business minutes: first response, update, resolution per priority.
INSERT INTO sla_targets (policy_id, priority, kind, minutes) VALUES
  (1, 1, 'first_response', 60),  (1, 1, 'update', 240),  (1, 1, 'resolution', 480),
  (1, 2, 'first_response', 120), (1, 2, 'update', 480),  (1, 2, 'resolution', 1200),
  (1, 3, 'first_response', 240), (1, 3, 'update', 960),  (1, 3, 'resolution', 3000),
  (1, 4, 'first_response', 480), (1, 4, 'update', 1440), (1, 4, 'resolution', 6000),
  (1, 5, 'first_response', 960), (1, 5, 'update', 2400), (1, 5, 'resolution', 12000),
  (2, 1, 'first_response', 30),  (2, 1, 'update', 120),  (2, 1, 'resolution', 240),
  (2, 2, 'first_response', 60),  (2, 2, 'update', 240),  (2, 2, 'resolution', 600),
  (2, 3, 'first_response', 120), (2, 3, 'update', 480),  (2, 3, 'resolution', 1800),
  (2, 4, 'first_response', 240), (2, 4, 'update', 960),  (2, 4, 'resolution', 3000),
  (2, 5, 'first_response', 480), (2, 5, 'update', 1440), (2, 5, 'resolution', 6000),
  (3, 1, 'first_response', 15),  (3, 1, 'update', 60),   (3, 1, 'resolution', 240),
  (3, 2, 'first_response', 30),  (3, 2, 'update', 120),  (3, 2, 'resolution', 480),
  (3, 3, 'first_response', 60),  (3, 3, 'update', 240),  (3, 3, 'resolution', 1440),
  (3, 4, 'first_response', 120), (3, 4, 'update', 480),  (3, 4, 'resolution', 2880),
  (3, 5, 'first_response', 240), (3, 5, 'update', 960),  (3, 5, 'resolution', 5760);

INSERT INTO sla_policy_rules (service_id, tier, policy_id) VALUES
  (NULL, NULL, 1),
  (NULL, 'gold', 2),
  (NULL, 'premium', 2);

-- A fault that stops work is answered around the clock, whatever the tier.
INSERT INTO sla_policy_rules (service_id, tier, policy_id)
SELECT id, NULL, 3 FROM ticket_services WHERE slug IN ('printer-fault', 'login-problem');
