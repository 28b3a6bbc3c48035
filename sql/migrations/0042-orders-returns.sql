-- Orders, fifth part (issue 13 section 6): returns.  From a delivered
-- order (or its delivered shipments) the buyer's people pick lines and
-- quantities (never more than delivered minus already returned), a reason
-- and photos; the return gets an RMA number, gapless per year like
-- orders.  The provider's order desk approves it (with instructions how
-- to send the goods back) or rejects it, marks it received, and closes
-- it with a refund (a credit note) or a replacement.  Each product has a
-- window: its lines may be returned for return_days days after they
-- arrived (0: not at all).

-- Who may ask for a return: those who order (a buyer, the customer's
-- admin, a partner's people) and the approvers.
INSERT INTO permissions (name, description) VALUES
  ('orders.return', 'Return delivered goods of the organisation''s orders');

INSERT IGNORE INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'orders.return'
WHERE r.name IN ('buyer', 'approver', 'customer_admin', 'partner_user');

ALTER TABLE products
  ADD COLUMN return_days SMALLINT UNSIGNED NOT NULL DEFAULT 30 AFTER lead_time_days;

-- The last RMA number given out in a year, taken in the transaction that
-- makes the return.
CREATE TABLE return_counters (
  year     SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  last_no  INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A return.  number is R-<year>-<seq, 6 digits or more>.  status:
-- requested -> approved (instructions: how to send it back) | rejected
-- (decision_comment: why) -> received -> refunded (credit_note_id: the
-- invoices' credit note, when there is one) | replaced.  comment: what
-- the person who asked said.
CREATE TABLE returns (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number            VARCHAR(20) NOT NULL,
  year              SMALLINT UNSIGNED NOT NULL,
  seq               INT UNSIGNED NOT NULL,
  order_id          BIGINT UNSIGNED NOT NULL,
  org_id            INT UNSIGNED NOT NULL,
  requested_by      INT UNSIGNED NOT NULL,
  status            ENUM('requested','approved','rejected','received','refunded','replaced') NOT NULL,
  reason            ENUM('damaged','wrong_item','defective','not_needed') NOT NULL,
  comment           VARCHAR(2000) NOT NULL DEFAULT '',
  instructions      VARCHAR(2000) NOT NULL DEFAULT '',
  decision_comment  VARCHAR(2000) NOT NULL DEFAULT '',
  decided_by        INT UNSIGNED NULL,
  decided_at        DATETIME(6) NULL,
  received_at       DATETIME(6) NULL,
  closed_at         DATETIME(6) NULL,
  credit_note_id    BIGINT UNSIGNED NULL,
  created_at        DATETIME(6) NOT NULL,
  updated_at        DATETIME(6) NOT NULL,
  UNIQUE KEY returns_number (number),
  UNIQUE KEY returns_year_seq (year, seq),
  UNIQUE KEY returns_id_order (id, order_id),
  KEY returns_order (order_id),
  KEY returns_org_created (org_id, created_at),
  KEY returns_status_created (status, created_at),
  KEY returns_requested_by (requested_by, created_at),
  CONSTRAINT returns_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT returns_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT returns_requested_by_fk FOREIGN KEY (requested_by) REFERENCES users (id),
  CONSTRAINT returns_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What is sent back: a quantity of an order line of the return's order.
CREATE TABLE return_lines (
  return_id  BIGINT UNSIGNED NOT NULL,
  order_id   BIGINT UNSIGNED NOT NULL,
  line_no    SMALLINT UNSIGNED NOT NULL,
  quantity   INT UNSIGNED NOT NULL,
  PRIMARY KEY (return_id, line_no),
  KEY return_lines_order_line (order_id, line_no),
  KEY return_lines_return_order (return_id, order_id),
  CONSTRAINT return_lines_return_fk FOREIGN KEY (return_id, order_id)
    REFERENCES returns (id, order_id) ON DELETE CASCADE,
  CONSTRAINT return_lines_order_line_fk FOREIGN KEY (order_id, line_no)
    REFERENCES order_lines (order_id, line_no),
  CONSTRAINT return_lines_quantity CHECK (quantity >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Photos of what is wrong, under [paths] files/orders/ (storage_name),
-- sent by nginx after the worker checked access.
CREATE TABLE return_files (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  return_id     BIGINT UNSIGNED NOT NULL,
  filename      VARCHAR(255) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    INT UNSIGNED NOT NULL,
  storage_name  CHAR(64) NOT NULL,
  created_at    DATETIME(6) NOT NULL,
  UNIQUE KEY return_files_storage (storage_name),
  KEY return_files_return (return_id),
  CONSTRAINT return_files_return_fk FOREIGN KEY (return_id) REFERENCES returns (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A return's timeline: one row per status it entered, who moved it there
-- (NULL: an integration) and what they said.
CREATE TABLE return_events (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  return_id  BIGINT UNSIGNED NOT NULL,
  at         DATETIME(6) NOT NULL,
  user_id    INT UNSIGNED NULL,
  status     ENUM('requested','approved','rejected','received','refunded','replaced') NOT NULL,
  comment    VARCHAR(2000) NOT NULL DEFAULT '',
  KEY return_events_return (return_id, id),
  CONSTRAINT return_events_return_fk FOREIGN KEY (return_id) REFERENCES returns (id) ON DELETE CASCADE,
  CONSTRAINT return_events_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
