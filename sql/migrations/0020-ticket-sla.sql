-- SLAs in business time (issue 12 §4): business calendars, SLA policies
-- chosen by service and organisation tier, their targets per priority,
-- and each ticket's clocks with the breaches they recorded.  Instants are
-- UTC like everywhere else; the calendar's own times (opening hours,
-- holidays, closures) are the wall clock of the calendar's time zone,
-- which cgi-bin-src/lib/businesstime.c turns into UTC across DST changes.

-- A calendar: the hours in which SLA time counts, in an IANA time zone.
CREATE TABLE sla_calendars (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  time_zone   VARCHAR(64) NOT NULL,
  created_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  UNIQUE KEY sla_calendars_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Weekly business hours, several intervals a weekday if need be (ISO
-- weekday: 1 Monday .. 7 Sunday; closes '24:00:00' is the end of the day).
CREATE TABLE sla_calendar_hours (
  calendar_id  INT UNSIGNED NOT NULL,
  weekday      TINYINT UNSIGNED NOT NULL,
  opens        TIME NOT NULL,
  closes       TIME NOT NULL,
  PRIMARY KEY (calendar_id, weekday, opens),
  CONSTRAINT sla_calendar_hours_calendar_fk FOREIGN KEY (calendar_id) REFERENCES sla_calendars (id) ON DELETE CASCADE,
  CONSTRAINT sla_calendar_hours_range CHECK (weekday BETWEEN 1 AND 7 AND opens >= '00:00:00'
    AND opens < closes AND closes <= '24:00:00')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Holidays: whole local days, entered year by year (Easter moves).
CREATE TABLE sla_holidays (
  calendar_id  INT UNSIGNED NOT NULL,
  day          DATE NOT NULL,
  name         VARCHAR(200) NOT NULL DEFAULT '',
  PRIMARY KEY (calendar_id, day),
  CONSTRAINT sla_holidays_calendar_fk FOREIGN KEY (calendar_id) REFERENCES sla_calendars (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-off closures: a local date-time range [starts_at, ends_at) of the
-- calendar's wall clock (not UTC), e.g. a company meeting.
CREATE TABLE sla_closures (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  calendar_id  INT UNSIGNED NOT NULL,
  starts_at    DATETIME NOT NULL,
  ends_at      DATETIME NOT NULL,
  reason       VARCHAR(200) NOT NULL DEFAULT '',
  KEY sla_closures_calendar (calendar_id, ends_at),
  CONSTRAINT sla_closures_calendar_fk FOREIGN KEY (calendar_id) REFERENCES sla_calendars (id) ON DELETE CASCADE,
  CONSTRAINT sla_closures_range CHECK (starts_at < ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A policy: a calendar, targets per priority, and the share of a target
-- at which the group lead is warned.
CREATE TABLE sla_policies (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  calendar_id   INT UNSIGNED NOT NULL,
  warn_percent  TINYINT UNSIGNED NOT NULL DEFAULT 80,
  active        TINYINT(1) NOT NULL DEFAULT 1,
  created_at    DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  UNIQUE KEY sla_policies_name (name),
  CONSTRAINT sla_policies_calendar_fk FOREIGN KEY (calendar_id) REFERENCES sla_calendars (id),
  CONSTRAINT sla_policies_warn CHECK (warn_percent BETWEEN 1 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Business minutes per policy, priority (1 = P1) and clock.  A clock
-- without a target row does not run for tickets of that priority.
CREATE TABLE sla_targets (
  policy_id  INT UNSIGNED NOT NULL,
  priority   TINYINT UNSIGNED NOT NULL,
  kind       ENUM('first_response','update','resolution') NOT NULL,
  minutes    INT UNSIGNED NOT NULL,
  PRIMARY KEY (policy_id, priority, kind),
  CONSTRAINT sla_targets_policy_fk FOREIGN KEY (policy_id) REFERENCES sla_policies (id) ON DELETE CASCADE,
  CONSTRAINT sla_targets_range CHECK (priority BETWEEN 1 AND 5 AND minutes > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which policy a ticket gets: the most specific active rule that matches
-- its service and its organisation's tier (NULL matches any).  A rule
-- naming the service wins over one naming the tier, which wins over the
-- default (both NULL).  One rule per combination.
CREATE TABLE sla_policy_rules (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  service_id   INT UNSIGNED NULL,
  tier         VARCHAR(40) NULL,
  policy_id    INT UNSIGNED NOT NULL,
  service_key  INT UNSIGNED AS (COALESCE(service_id, 0)) STORED,
  tier_key     VARCHAR(40) AS (COALESCE(tier, '')) STORED,
  UNIQUE KEY sla_policy_rules_match (service_key, tier_key),
  KEY sla_policy_rules_policy (policy_id),
  CONSTRAINT sla_policy_rules_service_fk FOREIGN KEY (service_id) REFERENCES ticket_services (id) ON DELETE CASCADE,
  CONSTRAINT sla_policy_rules_policy_fk FOREIGN KEY (policy_id) REFERENCES sla_policies (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A ticket's clocks, one row each: what struct pt_clock holds.  since is
-- when it last started, resumed, paused or stopped, and consumed_s the
-- business seconds used up to then.  due_at is set while it runs (and
-- kept once it breached); warn_at is when it reaches the policy's share.
-- warned_at and breached_at say the warning and the breach were recorded
-- (set once, by whichever process gets there first).
CREATE TABLE ticket_sla_clocks (
  ticket_id    BIGINT UNSIGNED NOT NULL,
  kind         ENUM('first_response','update','resolution') NOT NULL,
  policy_id    INT UNSIGNED NOT NULL,
  state        ENUM('running','paused','stopped') NOT NULL,
  target_s     INT UNSIGNED NOT NULL,
  consumed_s   BIGINT UNSIGNED NOT NULL DEFAULT 0,
  since        DATETIME(6) NOT NULL,
  due_at       DATETIME(6) NULL,
  warn_at      DATETIME(6) NULL,
  warned_at    DATETIME(6) NULL,
  breached_at  DATETIME(6) NULL,
  stopped_at   DATETIME(6) NULL,
  PRIMARY KEY (ticket_id, kind),
  KEY ticket_sla_clocks_breach (state, breached_at, due_at),
  KEY ticket_sla_clocks_warn (state, warned_at, warn_at),
  KEY ticket_sla_clocks_policy (policy_id),
  CONSTRAINT ticket_sla_clocks_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_sla_clocks_policy_fk FOREIGN KEY (policy_id) REFERENCES sla_policies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every breach: the clock, the due it ran past, and when it was recorded.
-- The update clock restarts with each public reply, so it can breach more
-- than once on one ticket.
CREATE TABLE ticket_sla_breaches (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id    BIGINT UNSIGNED NOT NULL,
  kind         ENUM('first_response','update','resolution') NOT NULL,
  policy_id    INT UNSIGNED NOT NULL,
  due_at       DATETIME(6) NOT NULL,
  breached_at  DATETIME(6) NOT NULL,
  KEY ticket_sla_breaches_ticket (ticket_id, id),
  KEY ticket_sla_breaches_at (breached_at),
  CONSTRAINT ticket_sla_breaches_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_sla_breaches_policy_fk FOREIGN KEY (policy_id) REFERENCES sla_policies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ticket's next due: the earliest due_at of its running clocks (NULL
-- when none runs), kept by the clocks' changes, so that lists sort by it
-- from an index.
ALTER TABLE tickets
  ADD COLUMN sla_due_at DATETIME(6) NULL,
  ADD KEY tickets_sla_due (sla_due_at);
