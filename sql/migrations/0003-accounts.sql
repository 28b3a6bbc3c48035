-- Accounts and organisations (issue 3): profile fields, budget limits,
-- one-time tokens, the mail outbox, and personal-data deletion requests.

ALTER TABLE users
  ADD COLUMN phone                 VARCHAR(40) NULL AFTER name,
  ADD COLUMN notify_tickets        TINYINT(1) NOT NULL DEFAULT 1,
  ADD COLUMN notify_orders         TINYINT(1) NOT NULL DEFAULT 1,
  ADD COLUMN notify_news           TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN deletion_requested_at DATETIME(6) NULL,
  ADD COLUMN anonymised_at         DATETIME(6) NULL;

-- Limits in the org's currency, minor units; NULL means no limit.
ALTER TABLE orgs
  ADD COLUMN order_limit_minor    BIGINT NULL,
  ADD COLUMN monthly_limit_minor  BIGINT NULL;

-- An org admin's limits per role, within the org's own.
CREATE TABLE org_role_limits (
  org_id               INT UNSIGNED NOT NULL,
  role_id              INT UNSIGNED NOT NULL,
  order_limit_minor    BIGINT NULL,
  monthly_limit_minor  BIGINT NULL,
  PRIMARY KEY (org_id, role_id),
  CONSTRAINT org_role_limits_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT org_role_limits_role_fk FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Links sent by mail.  Only the SHA-256 of the token is stored.
CREATE TABLE user_tokens (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash  BINARY(32) NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  purpose     ENUM('reset','invite','email') NOT NULL,
  data        VARCHAR(254) NULL,
  created_at  DATETIME(6) NOT NULL,
  expires_at  DATETIME(6) NOT NULL,
  used_at     DATETIME(6) NULL,
  UNIQUE KEY user_tokens_hash (token_hash),
  KEY user_tokens_user (user_id, purpose),
  CONSTRAINT user_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mails waiting for portico-mailer.  A row is marked sent only after the
-- SMTP server accepted it; failures are retried with back-off.
CREATE TABLE outbox (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at       DATETIME(6) NOT NULL,
  to_email         VARCHAR(254) NOT NULL,
  to_name          VARCHAR(200) NOT NULL DEFAULT '',
  lang             CHAR(2) NOT NULL,
  template         VARCHAR(64) NOT NULL,
  data_xml         MEDIUMTEXT NOT NULL,
  status           ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  attempts         INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(6) NOT NULL,
  last_error       VARCHAR(500) NULL,
  sent_at          DATETIME(6) NULL,
  KEY outbox_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

