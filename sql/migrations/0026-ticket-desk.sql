-- The agent desk (issue 12 §5): canned responses, time spent, knowledge
-- base drafts made from answers, who has a ticket open, and the indexes
-- the desk's views walk.  All times are UTC.

-- Canned responses: texts an agent puts into a reply.  One row per name
-- and language (the variants of one response); the body may hold the
-- placeholders {requester.name}, {ticket.number}, {ticket.subject},
-- {agent.name} and {org.name}, filled when it is put into a reply.
CREATE TABLE ticket_canned (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  lang        CHAR(2) NOT NULL,
  body        MEDIUMTEXT NOT NULL,
  created_by  INT UNSIGNED NULL,
  updated_by  INT UNSIGNED NULL,
  created_at  DATETIME(6) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  UNIQUE KEY ticket_canned_name (name, lang),
  KEY ticket_canned_lang (lang, name),
  CONSTRAINT ticket_canned_created_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ticket_canned_updated_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Time spent on a ticket: minutes and a note per entry, by the agent who
-- spent it.  The ticket's total is their sum.
CREATE TABLE ticket_time_entries (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id   BIGINT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NOT NULL,
  minutes     SMALLINT UNSIGNED NOT NULL,
  note        VARCHAR(500) NOT NULL DEFAULT '',
  created_at  DATETIME(6) NOT NULL,
  KEY ticket_time_entries_ticket (ticket_id, id),
  KEY ticket_time_entries_user (user_id, created_at),
  CONSTRAINT ticket_time_entries_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_time_entries_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT ticket_time_entries_minutes CHECK (minutes BETWEEN 1 AND 1440)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An answer turned into a knowledge base draft: one draft per message,
-- so the ticket page links each answer to its article.
CREATE TABLE ticket_kb_drafts (
  message_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  ticket_id   BIGINT UNSIGNED NOT NULL,
  article_id  INT UNSIGNED NOT NULL,
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME(6) NOT NULL,
  KEY ticket_kb_drafts_ticket (ticket_id),
  KEY ticket_kb_drafts_article (article_id),
  CONSTRAINT ticket_kb_drafts_message_fk FOREIGN KEY (message_id) REFERENCES ticket_messages (id) ON DELETE CASCADE,
  CONSTRAINT ticket_kb_drafts_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_kb_drafts_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE,
  CONSTRAINT ticket_kb_drafts_user_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When an agent last opened a ticket's page: the page tells the others
-- who has it open (seen within the last minutes).
CREATE TABLE ticket_viewers (
  ticket_id  BIGINT UNSIGNED NOT NULL,
  user_id    INT UNSIGNED NOT NULL,
  seen_at    DATETIME(6) NOT NULL,
  PRIMARY KEY (ticket_id, user_id),
  KEY ticket_viewers_seen (seen_at),
  CONSTRAINT ticket_viewers_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
  CONSTRAINT ticket_viewers_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The desk's views: whose a ticket is (assignee, none, a group) among the
-- tickets still being worked on (new, open, pending), in the order the
-- desk shows them.  desk_active is that state as a column, so each view
-- is one range of an index read in its order: no sort, however many
-- tickets there are.
ALTER TABLE tickets
  ADD COLUMN desk_active TINYINT(1) AS (status IN ('new', 'open', 'pending')) PERSISTENT,
  ADD KEY tickets_desk_assignee (assignee_id, desk_active, priority, created_at),
  ADD KEY tickets_desk_group (group_id, desk_active, priority, created_at),
  ADD KEY tickets_desk_active (desk_active, priority, created_at),
  ADD KEY tickets_desk_status (status, priority, created_at);
