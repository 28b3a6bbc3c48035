-- Offers and contracts (issue 13, section 7).  The provider's staff with
-- contracts.manage write an offer for an organisation: one-off and
-- recurring lines, a validity date, terms and attachments.  Sent, it goes
-- to the organisation's approvers, who accept or decline it; once sent it
-- never changes (a changed offer is a new offer that names the one it
-- revises), and the triggers below refuse any change the code might
-- attempt.  Acceptance keeps who, when, from which address, the canonical
-- text of exactly the version accepted and its SHA-256; it makes a
-- contract of the offer and, when it has one-off lines, an order.
--
-- An offer past its validity date is "expired" as the reader sees it
-- (their today), not by a status: nothing has to run at midnight.

INSERT INTO permissions (name, description) VALUES
  ('contracts.manage', 'Write offers to organisations and follow their contracts');

INSERT IGNORE INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'contracts.manage'
WHERE r.name IN ('manager', 'admin');

-- A line of an order made from an offer may be a free text line, with no
-- product of the catalogue behind it.
ALTER TABLE order_lines MODIFY product_id INT UNSIGNED NULL;

-- The last offer and contract numbers given out in a year, as order_counters.
CREATE TABLE offer_counters (
  year     SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  last_no  INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contract_counters (
  year     SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  last_no  INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An offer.  number is Q-<year>-<seq>, given when it is written (a draft
-- is never deleted, so numbers stay gapless).  The contract it would
-- become: term_months from the day of acceptance, then renewed by
-- renewal_months at a time (0: it ends) unless notice is given
-- notice_days before a period's end.  terms_md is what staff wrote,
-- terms_html its sanitised XHTML as shown.  currency is the
-- organisation's when the offer was written.
CREATE TABLE offers (
  id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number           VARCHAR(20) NOT NULL,
  year             SMALLINT UNSIGNED NOT NULL,
  seq              INT UNSIGNED NOT NULL,
  org_id           INT UNSIGNED NOT NULL,
  revises_id       INT UNSIGNED NULL,
  status           ENUM('draft','sent','accepted','declined') NOT NULL DEFAULT 'draft',
  title            VARCHAR(200) NOT NULL,
  currency         CHAR(3) NOT NULL,
  valid_until      DATE NOT NULL,
  term_months      SMALLINT UNSIGNED NOT NULL,
  renewal_months   SMALLINT UNSIGNED NOT NULL,
  notice_days      SMALLINT UNSIGNED NOT NULL,
  terms_md         TEXT NOT NULL,
  terms_html       MEDIUMTEXT NOT NULL,
  created_by       INT UNSIGNED NOT NULL,
  created_at       DATETIME(6) NOT NULL,
  updated_at       DATETIME(6) NOT NULL,
  sent_by          INT UNSIGNED NULL,
  sent_at          DATETIME(6) NULL,
  decided_by       INT UNSIGNED NULL,
  decided_at       DATETIME(6) NULL,
  decided_ip       VARCHAR(45) NULL,
  decline_reason   VARCHAR(1000) NOT NULL DEFAULT '',
  accepted_text    MEDIUMTEXT NULL,
  accepted_sha256  CHAR(64) NULL,
  UNIQUE KEY offers_number (number),
  UNIQUE KEY offers_year_seq (year, seq),
  KEY offers_org_status (org_id, status, created_at),
  KEY offers_status (status, created_at),
  CONSTRAINT offers_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT offers_revises_fk FOREIGN KEY (revises_id) REFERENCES offers (id),
  CONSTRAINT offers_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT offers_sent_by_fk FOREIGN KEY (sent_by) REFERENCES users (id),
  CONSTRAINT offers_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id),
  CONSTRAINT offers_term CHECK (term_months BETWEEN 1 AND 120 AND renewal_months <= 120
    AND notice_days <= 730)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A line: once (delivered and invoiced once: it goes into the order) or
-- recurring (billed every month or year: it goes into the contract).  A
-- product of the catalogue (its SKU, name and unit copied) or free text
-- (product_id NULL, sku '').  The price is in the offer's currency, net.
CREATE TABLE offer_lines (
  offer_id          INT UNSIGNED NOT NULL,
  line_no           SMALLINT UNSIGNED NOT NULL,
  kind              ENUM('once','recurring') NOT NULL,
  product_id        INT UNSIGNED NULL,
  sku               VARCHAR(40) NOT NULL DEFAULT '',
  name              VARCHAR(200) NOT NULL,
  unit              VARCHAR(20) NOT NULL,
  quantity          INT UNSIGNED NOT NULL,
  unit_price_minor  BIGINT NOT NULL,
  billing           ENUM('month','year') NULL,
  tax_class         ENUM('standard','reduced','zero') NOT NULL DEFAULT 'standard',
  PRIMARY KEY (offer_id, line_no),
  KEY offer_lines_product (product_id),
  CONSTRAINT offer_lines_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (id),
  CONSTRAINT offer_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT offer_lines_billing CHECK ((kind = 'once') = (billing IS NULL)),
  CONSTRAINT offer_lines_quantity CHECK (quantity BETWEEN 1 AND 99999 AND unit_price_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An attachment, stored under [paths] files/orders/ as ticket attachments
-- are; its SHA-256 goes into the text an acceptance hashes.
CREATE TABLE offer_files (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  offer_id      INT UNSIGNED NOT NULL,
  name          VARCHAR(255) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    INT UNSIGNED NOT NULL,
  storage       CHAR(64) NOT NULL,
  sha256        CHAR(64) NOT NULL,
  created_by    INT UNSIGNED NOT NULL,
  created_at    DATETIME(6) NOT NULL,
  KEY offer_files_offer (offer_id, id),
  CONSTRAINT offer_files_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (id),
  CONSTRAINT offer_files_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A contract: from an accepted offer (offer_id), or entered from outside
-- the portal (NULL).  end_date is the last day of the first term; from
-- there it renews by renewal_months (0: it ends then) unless notice is
-- given notice_days before the end of a period.  Its recurring lines are
-- copied, so a contract reads the same whatever becomes of the catalogue.
-- order_id: the order its offer's one-off lines became.
CREATE TABLE contracts (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number          VARCHAR(20) NOT NULL,
  year            SMALLINT UNSIGNED NOT NULL,
  seq             INT UNSIGNED NOT NULL,
  org_id          INT UNSIGNED NOT NULL,
  offer_id        INT UNSIGNED NULL,
  order_id        BIGINT UNSIGNED NULL,
  title           VARCHAR(200) NOT NULL,
  currency        CHAR(3) NOT NULL,
  start_date      DATE NOT NULL,
  end_date        DATE NOT NULL,
  renewal_months  SMALLINT UNSIGNED NOT NULL,
  notice_days     SMALLINT UNSIGNED NOT NULL,
  created_at      DATETIME(6) NOT NULL,
  UNIQUE KEY contracts_number (number),
  UNIQUE KEY contracts_year_seq (year, seq),
  UNIQUE KEY contracts_offer (offer_id),
  KEY contracts_org (org_id, start_date),
  CONSTRAINT contracts_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT contracts_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (id),
  CONSTRAINT contracts_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT contracts_dates CHECK (end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contract_lines (
  contract_id       INT UNSIGNED NOT NULL,
  line_no           SMALLINT UNSIGNED NOT NULL,
  product_id        INT UNSIGNED NULL,
  sku               VARCHAR(40) NOT NULL DEFAULT '',
  name              VARCHAR(200) NOT NULL,
  unit              VARCHAR(20) NOT NULL,
  quantity          INT UNSIGNED NOT NULL,
  unit_price_minor  BIGINT NOT NULL,
  billing           ENUM('month','year') NOT NULL,
  PRIMARY KEY (contract_id, line_no),
  CONSTRAINT contract_lines_contract_fk FOREIGN KEY (contract_id) REFERENCES contracts (id),
  CONSTRAINT contract_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Once sent, an offer never changes: only its status moves on, sent ->
-- accepted | declined, with the decision's columns; a decided offer does
-- not change at all.  Its lines and files change only while it is a draft.
DELIMITER //

CREATE OR REPLACE TRIGGER offers_frozen BEFORE UPDATE ON offers FOR EACH ROW
IF OLD.status <> 'draft' AND NOT (
    NEW.number <=> OLD.number AND NEW.org_id <=> OLD.org_id AND NEW.revises_id <=> OLD.revises_id
    AND NEW.title <=> OLD.title AND NEW.currency <=> OLD.currency
    AND NEW.valid_until <=> OLD.valid_until AND NEW.term_months <=> OLD.term_months
    AND NEW.renewal_months <=> OLD.renewal_months AND NEW.notice_days <=> OLD.notice_days
    AND NEW.terms_md <=> OLD.terms_md AND NEW.terms_html <=> OLD.terms_html
    AND NEW.created_by <=> OLD.created_by AND NEW.created_at <=> OLD.created_at
    AND NEW.sent_by <=> OLD.sent_by AND NEW.sent_at <=> OLD.sent_at
    AND OLD.status = 'sent' AND NEW.status IN ('accepted', 'declined')) THEN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a sent offer never changes';
END IF //

CREATE OR REPLACE PROCEDURE offer_unsent(p_offer INT UNSIGNED)
BEGIN
  IF (SELECT status FROM offers WHERE id = p_offer) <> 'draft' THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a sent offer never changes';
  END IF;
END //

CREATE OR REPLACE TRIGGER offer_lines_frozen_ins BEFORE INSERT ON offer_lines FOR EACH ROW
CALL offer_unsent(NEW.offer_id) //
CREATE OR REPLACE TRIGGER offer_lines_frozen_upd BEFORE UPDATE ON offer_lines FOR EACH ROW
CALL offer_unsent(OLD.offer_id) //
CREATE OR REPLACE TRIGGER offer_lines_frozen_del BEFORE DELETE ON offer_lines FOR EACH ROW
CALL offer_unsent(OLD.offer_id) //
CREATE OR REPLACE TRIGGER offer_files_frozen_ins BEFORE INSERT ON offer_files FOR EACH ROW
CALL offer_unsent(NEW.offer_id) //
CREATE OR REPLACE TRIGGER offer_files_frozen_upd BEFORE UPDATE ON offer_files FOR EACH ROW
CALL offer_unsent(OLD.offer_id) //
CREATE OR REPLACE TRIGGER offer_files_frozen_del BEFORE DELETE ON offer_files FOR EACH ROW
CALL offer_unsent(OLD.offer_id) //

DELIMITER ;
