-- Deflection while filing and the satisfaction survey (issue 12, items 2
-- and 8).  All times are UTC.

-- A filing: someone filling in a service's form.  A row is made when
-- knowledge base articles are first shown for it (by the form's script,
-- via 'script', or on the page the first submit shows without it, via
-- 'form'), or when a ticket is raised without any shown.  Its articles
-- are in ticket_deflection_articles; answered_at is "my question is
-- answered"; ticket_id the ticket raised after all.
CREATE TABLE ticket_deflections (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id       INT UNSIGNED NOT NULL,
  org_id        INT UNSIGNED NOT NULL,
  service_id    INT UNSIGNED NOT NULL,
  via           ENUM('script','form') NOT NULL,
  shown_count   SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  opened_count  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  answered_at   DATETIME(6) NULL,
  ticket_id     BIGINT UNSIGNED NULL,
  created_at    DATETIME(6) NOT NULL,
  updated_at    DATETIME(6) NOT NULL,
  UNIQUE KEY ticket_deflections_ticket (ticket_id),
  KEY ticket_deflections_service (service_id, created_at),
  KEY ticket_deflections_created (created_at),
  KEY ticket_deflections_user (user_id, created_at),
  CONSTRAINT ticket_deflections_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ticket_deflections_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT ticket_deflections_service_fk FOREIGN KEY (service_id) REFERENCES ticket_services (id) ON DELETE CASCADE,
  CONSTRAINT ticket_deflections_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The articles shown for a filing, each once, in the order first shown,
-- and when it was opened.  article_id has no foreign key: the knowledge
-- base is another worker's, and a deleted article stays in the history.
CREATE TABLE ticket_deflection_articles (
  deflection_id  BIGINT UNSIGNED NOT NULL,
  article_id     INT UNSIGNED NOT NULL,
  position       SMALLINT UNSIGNED NOT NULL,
  shown_at       DATETIME(6) NOT NULL,
  opened_at      DATETIME(6) NULL,
  PRIMARY KEY (deflection_id, article_id),
  KEY ticket_deflection_articles_article (article_id),
  CONSTRAINT ticket_deflection_articles_fk FOREIGN KEY (deflection_id) REFERENCES ticket_deflections (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The deflection figure, per service and day: a filing is deflected when
-- articles were shown and no ticket was raised from it (whether or not the
-- person said "answered"); the rate is deflected / filings.
CREATE VIEW ticket_deflection_daily AS
SELECT service_id, DATE(created_at) AS day,
  COUNT(*) AS filings,
  SUM(shown_count > 0) AS with_suggestions,
  SUM(opened_count > 0) AS opened,
  SUM(answered_at IS NOT NULL AND ticket_id IS NULL) AS answered,
  SUM(ticket_id IS NOT NULL) AS raised,
  SUM(shown_count > 0 AND ticket_id IS NULL) AS deflected
FROM ticket_deflections GROUP BY service_id, DATE(created_at);

-- The satisfaction survey of a ticket: one row per ticket, one answer.
-- round counts the ticket's resolutions; a survey link is signed for one
-- round (HMAC, [secrets] hmac_key; no token is stored), so reopening and
-- resolving again voids the old link and sends a new one.  The answer of
-- an earlier round stays until the new one is given (answered_round).  It
-- may be changed for 7 days after it was first given in its round.
-- service, group and agent are the ticket's when it was resolved, for
-- the dashboard.
CREATE TABLE ticket_surveys (
  ticket_id       BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  round           SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  requester_id    INT UNSIGNED NOT NULL,
  org_id          INT UNSIGNED NOT NULL,
  service_id      INT UNSIGNED NOT NULL,
  group_id        INT UNSIGNED NULL,
  agent_id        INT UNSIGNED NULL,
  sent_at         DATETIME(6) NOT NULL,
  expires_at      DATETIME(6) NOT NULL,
  rating          TINYINT UNSIGNED NULL,
  comment         VARCHAR(2000) NULL,
  answered_round  SMALLINT UNSIGNED NULL,
  answered_at     DATETIME(6) NULL,
  changed_at      DATETIME(6) NULL,
  answered_via    ENUM('link','page') NULL,
  KEY ticket_surveys_answered (answered_at),
  KEY ticket_surveys_agent (agent_id, answered_at),
  KEY ticket_surveys_group (group_id, answered_at),
  KEY ticket_surveys_service (service_id, answered_at),
  CONSTRAINT ticket_surveys_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_surveys_requester_fk FOREIGN KEY (requester_id) REFERENCES users (id),
  CONSTRAINT ticket_surveys_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT ticket_surveys_service_fk FOREIGN KEY (service_id) REFERENCES ticket_services (id),
  CONSTRAINT ticket_surveys_group_fk FOREIGN KEY (group_id) REFERENCES ticket_groups (id) ON DELETE SET NULL,
  CONSTRAINT ticket_surveys_agent_fk FOREIGN KEY (agent_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ticket_surveys_rating CHECK (rating BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
