-- Tickets (issue 12): the service catalogue with its forms in data, agent
-- groups, the priority matrix, and tickets with their answers, CC,
-- conversation, attachments, history and links.  All times are UTC.

INSERT INTO permissions (name, description) VALUES
  ('tickets.admin', 'Define services, their forms and the agent groups');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON r.name = 'admin' AND p.name = 'tickets.admin';

-- Agent groups: the service decides which group gets a ticket.
CREATE TABLE ticket_groups (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug        VARCHAR(60) NOT NULL,
  name        VARCHAR(200) NOT NULL,
  active      TINYINT(1) NOT NULL DEFAULT 1,
  created_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  UNIQUE KEY ticket_groups_slug (slug),
  UNIQUE KEY ticket_groups_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Members of a group; a lead gets the group's warnings.
CREATE TABLE ticket_group_members (
  group_id  INT UNSIGNED NOT NULL,
  user_id   INT UNSIGNED NOT NULL,
  is_lead   TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (group_id, user_id),
  KEY ticket_group_members_user (user_id),
  CONSTRAINT ticket_group_members_group_fk FOREIGN KEY (group_id) REFERENCES ticket_groups (id) ON DELETE CASCADE,
  CONSTRAINT ticket_group_members_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Impact x urgency -> priority.  1 is high (impact, urgency) and P1 the
-- most urgent priority.
CREATE TABLE ticket_priority_matrix (
  impact    TINYINT UNSIGNED NOT NULL,
  urgency   TINYINT UNSIGNED NOT NULL,
  priority  TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (impact, urgency),
  CONSTRAINT ticket_priority_matrix_range CHECK (impact BETWEEN 1 AND 3 AND urgency BETWEEN 1 AND 3
    AND priority BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ticket_priority_matrix (impact, urgency, priority) VALUES
  (1, 1, 1), (1, 2, 2), (1, 3, 3),
  (2, 1, 2), (2, 2, 3), (2, 3, 4),
  (3, 1, 3), (3, 2, 4), (3, 3, 5);

-- The service catalogue: categories of services, names per language.
CREATE TABLE ticket_categories (
  id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug      VARCHAR(60) NOT NULL,
  position  INT NOT NULL DEFAULT 0,
  active    TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY ticket_categories_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_category_texts (
  category_id  INT UNSIGNED NOT NULL,
  lang         CHAR(2) NOT NULL,
  name         VARCHAR(200) NOT NULL,
  description  VARCHAR(1000) NOT NULL DEFAULT '',
  PRIMARY KEY (category_id, lang),
  CONSTRAINT ticket_category_texts_fk FOREIGN KEY (category_id) REFERENCES ticket_categories (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A service: what a person asks for.  audience says which kinds of
-- organisation see it; ticket_service_tiers, when it has rows for the
-- service, narrows it to those org tiers.  The service decides the type,
-- the group that gets its tickets and their default impact and urgency.
CREATE TABLE ticket_services (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_id  INT UNSIGNED NOT NULL,
  slug         VARCHAR(60) NOT NULL,
  audience     SET('customer','partner') NOT NULL DEFAULT 'customer',
  type         ENUM('incident','request','question') NOT NULL,
  group_id     INT UNSIGNED NOT NULL,
  impact       TINYINT UNSIGNED NOT NULL DEFAULT 2,
  urgency      TINYINT UNSIGNED NOT NULL DEFAULT 2,
  active       TINYINT(1) NOT NULL DEFAULT 1,
  position     INT NOT NULL DEFAULT 0,
  created_at   DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  updated_at   DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  UNIQUE KEY ticket_services_slug (slug),
  KEY ticket_services_category (category_id, position),
  CONSTRAINT ticket_services_category_fk FOREIGN KEY (category_id) REFERENCES ticket_categories (id),
  CONSTRAINT ticket_services_group_fk FOREIGN KEY (group_id) REFERENCES ticket_groups (id),
  CONSTRAINT ticket_services_levels CHECK (impact BETWEEN 1 AND 3 AND urgency BETWEEN 1 AND 3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_service_texts (
  service_id   INT UNSIGNED NOT NULL,
  lang         CHAR(2) NOT NULL,
  name         VARCHAR(200) NOT NULL,
  description  VARCHAR(2000) NOT NULL DEFAULT '',
  PRIMARY KEY (service_id, lang),
  CONSTRAINT ticket_service_texts_fk FOREIGN KEY (service_id) REFERENCES ticket_services (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_service_tiers (
  service_id  INT UNSIGNED NOT NULL,
  tier        VARCHAR(40) NOT NULL,
  PRIMARY KEY (service_id, tier),
  CONSTRAINT ticket_service_tiers_fk FOREIGN KEY (service_id) REFERENCES ticket_services (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The fields of a service's form, besides the subject and description
-- every form has.  name is the form field's name (f-<name> in the form).
-- min_value and max_value bound what the kind measures, either may be NULL:
--   text, longtext  characters;   number   the value;
--   date            days from today (-30: at most 30 days ago);
--   multiselect     how many options;   file   bytes (at most the runtime's
--                   upload bound);   select, checkbox: unused.
-- pattern is a PCRE2 pattern the whole text must match (text, longtext,
-- number).
CREATE TABLE ticket_fields (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  service_id  INT UNSIGNED NOT NULL,
  name        VARCHAR(40) NOT NULL,
  kind        ENUM('text','longtext','number','date','select','multiselect','checkbox','file') NOT NULL,
  required    TINYINT(1) NOT NULL DEFAULT 0,
  pattern     VARCHAR(500) NULL,
  min_value   BIGINT NULL,
  max_value   BIGINT NULL,
  position    INT NOT NULL DEFAULT 0,
  active      TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY ticket_fields_name (service_id, name),
  KEY ticket_fields_service (service_id, position),
  CONSTRAINT ticket_fields_service_fk FOREIGN KEY (service_id) REFERENCES ticket_services (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_field_texts (
  field_id  INT UNSIGNED NOT NULL,
  lang      CHAR(2) NOT NULL,
  label     VARCHAR(200) NOT NULL,
  help      VARCHAR(1000) NOT NULL DEFAULT '',
  PRIMARY KEY (field_id, lang),
  CONSTRAINT ticket_field_texts_fk FOREIGN KEY (field_id) REFERENCES ticket_fields (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The choices of a select or multiselect field.
CREATE TABLE ticket_field_options (
  id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  field_id  INT UNSIGNED NOT NULL,
  value     VARCHAR(60) NOT NULL,
  position  INT NOT NULL DEFAULT 0,
  UNIQUE KEY ticket_field_options_value (field_id, value),
  CONSTRAINT ticket_field_options_field_fk FOREIGN KEY (field_id) REFERENCES ticket_fields (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_field_option_texts (
  option_id  INT UNSIGNED NOT NULL,
  lang       CHAR(2) NOT NULL,
  label      VARCHAR(200) NOT NULL,
  PRIMARY KEY (option_id, lang),
  CONSTRAINT ticket_field_option_texts_fk FOREIGN KEY (option_id) REFERENCES ticket_field_options (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last ticket number given out in a year.  Taken FOR UPDATE in the
-- transaction that creates the ticket: numbers are gapless, since a
-- rolled-back ticket rolls its number back too.
CREATE TABLE ticket_counters (
  year     SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  last_no  INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A ticket.  number is T-<year>-<seq, 6 digits or more>.  thread_id is the
-- Message-ID its mails refer to (In-Reply-To, References).
CREATE TABLE tickets (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number          VARCHAR(20) NOT NULL,
  year            SMALLINT UNSIGNED NOT NULL,
  seq             INT UNSIGNED NOT NULL,
  org_id          INT UNSIGNED NOT NULL,
  requester_id    INT UNSIGNED NOT NULL,
  service_id      INT UNSIGNED NOT NULL,
  type            ENUM('incident','request','question') NOT NULL,
  subject         VARCHAR(300) NOT NULL,
  status          ENUM('new','open','pending','resolved','closed') NOT NULL DEFAULT 'new',
  pending_reason  ENUM('customer','third_party') NULL,
  impact          TINYINT UNSIGNED NOT NULL,
  urgency         TINYINT UNSIGNED NOT NULL,
  priority        TINYINT UNSIGNED NOT NULL,
  group_id        INT UNSIGNED NULL,
  assignee_id     INT UNSIGNED NULL,
  parent_id       BIGINT UNSIGNED NULL,
  merged_into_id  BIGINT UNSIGNED NULL,
  thread_id       VARCHAR(250) NOT NULL,
  created_at      DATETIME(6) NOT NULL,
  updated_at      DATETIME(6) NOT NULL,
  resolved_at     DATETIME(6) NULL,
  closed_at       DATETIME(6) NULL,
  UNIQUE KEY tickets_number (number),
  UNIQUE KEY tickets_year_seq (year, seq),
  KEY tickets_org_status (org_id, status, updated_at),
  KEY tickets_org_updated (org_id, updated_at),
  KEY tickets_requester (requester_id, updated_at),
  KEY tickets_group_status (group_id, status, updated_at),
  KEY tickets_assignee (assignee_id, status, updated_at),
  KEY tickets_status_updated (status, updated_at),
  KEY tickets_updated (updated_at),
  KEY tickets_parent (parent_id),
  KEY tickets_merged_into (merged_into_id),
  KEY tickets_service (service_id),
  CONSTRAINT tickets_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT tickets_requester_fk FOREIGN KEY (requester_id) REFERENCES users (id),
  CONSTRAINT tickets_service_fk FOREIGN KEY (service_id) REFERENCES ticket_services (id),
  CONSTRAINT tickets_group_fk FOREIGN KEY (group_id) REFERENCES ticket_groups (id),
  CONSTRAINT tickets_assignee_fk FOREIGN KEY (assignee_id) REFERENCES users (id),
  CONSTRAINT tickets_parent_fk FOREIGN KEY (parent_id) REFERENCES tickets (id),
  CONSTRAINT tickets_merged_into_fk FOREIGN KEY (merged_into_id) REFERENCES tickets (id),
  CONSTRAINT tickets_levels CHECK (impact BETWEEN 1 AND 3 AND urgency BETWEEN 1 AND 3
    AND priority BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Colleagues of the requester's organisation who follow a ticket.
CREATE TABLE ticket_cc (
  ticket_id  BIGINT UNSIGNED NOT NULL,
  user_id    INT UNSIGNED NOT NULL,
  added_by   INT UNSIGNED NULL,
  added_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (ticket_id, user_id),
  KEY ticket_cc_user (user_id, ticket_id),
  CONSTRAINT ticket_cc_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_cc_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The conversation: public replies, internal notes (staff only) and
-- system lines; message_id is the mail's Message-ID (threading).
CREATE TABLE ticket_messages (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id   BIGINT UNSIGNED NOT NULL,
  kind        ENUM('public','internal','system') NOT NULL,
  via         ENUM('web','mail') NOT NULL DEFAULT 'web',
  author_id   INT UNSIGNED NULL,
  body        MEDIUMTEXT NOT NULL,
  message_id  VARCHAR(250) NULL,
  created_at  DATETIME(6) NOT NULL,
  KEY ticket_messages_ticket (ticket_id, id),
  KEY ticket_messages_message_id (message_id),
  CONSTRAINT ticket_messages_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_messages_author_fk FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Files of a ticket: of a message (its kind decides who sees them) or of
-- a file field of the form.  Stored under <[paths] files>/tickets/ with a
-- random name.
CREATE TABLE ticket_attachments (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id     BIGINT UNSIGNED NOT NULL,
  message_id    BIGINT UNSIGNED NULL,
  field_id      INT UNSIGNED NULL,
  filename      VARCHAR(255) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    BIGINT UNSIGNED NOT NULL,
  storage_name  CHAR(64) NOT NULL,
  created_by    INT UNSIGNED NULL,
  created_at    DATETIME(6) NOT NULL,
  UNIQUE KEY ticket_attachments_storage (storage_name),
  KEY ticket_attachments_ticket (ticket_id, id),
  KEY ticket_attachments_message (message_id),
  CONSTRAINT ticket_attachments_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_attachments_message_fk FOREIGN KEY (message_id) REFERENCES ticket_messages (id) ON DELETE CASCADE,
  CONSTRAINT ticket_attachments_field_fk FOREIGN KEY (field_id) REFERENCES ticket_fields (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answers to the form's fields: one row per value (a multiselect has
-- one per option chosen, a file field points to its attachment).
CREATE TABLE ticket_answers (
  ticket_id      BIGINT UNSIGNED NOT NULL,
  field_id       INT UNSIGNED NOT NULL,
  position       SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  value          TEXT NOT NULL,
  attachment_id  BIGINT UNSIGNED NULL,
  PRIMARY KEY (ticket_id, field_id, position),
  KEY ticket_answers_field (field_id),
  CONSTRAINT ticket_answers_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_answers_field_fk FOREIGN KEY (field_id) REFERENCES ticket_fields (id),
  CONSTRAINT ticket_answers_attachment_fk FOREIGN KEY (attachment_id) REFERENCES ticket_attachments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a ticket: who, when, which field, from what to what.
CREATE TABLE ticket_history (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id  BIGINT UNSIGNED NOT NULL,
  at         DATETIME(6) NOT NULL,
  user_id    INT UNSIGNED NULL,
  field      VARCHAR(40) NOT NULL,
  old_value  VARCHAR(300) NULL,
  new_value  VARCHAR(300) NULL,
  KEY ticket_history_ticket (ticket_id, id),
  CONSTRAINT ticket_history_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_history_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Related" links between tickets, kept once with the smaller id first.
CREATE TABLE ticket_links (
  ticket_id   BIGINT UNSIGNED NOT NULL,
  related_id  BIGINT UNSIGNED NOT NULL,
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (ticket_id, related_id),
  KEY ticket_links_related (related_id, ticket_id),
  CONSTRAINT ticket_links_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_links_related_fk FOREIGN KEY (related_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_links_order CHECK (ticket_id < related_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mails of a conversation carry their own Message-ID and refer to the
-- ticket's thread, so mail programs show them as one thread.
ALTER TABLE outbox
  ADD COLUMN message_id   VARCHAR(250) NULL,
  ADD COLUMN in_reply_to  VARCHAR(250) NULL,
  ADD COLUMN references_ids VARCHAR(1000) NULL;
