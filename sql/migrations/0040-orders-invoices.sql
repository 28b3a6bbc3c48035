-- Invoices and credit notes of orders (issue 13 section 5).
--
-- An invoice bills an order: all of what is not billed yet, or the
-- quantities of one shipment.  A credit note gives money back for a
-- return: its lines carry negative unit prices, so its amounts are
-- negative and an organisation's balance is a plain sum.  Each kind is
-- numbered without gaps per year (German law asks for it): the year's
-- counter row is taken in the transaction that issues, as order_counters,
-- so a number is used only when its invoice is committed.
--
-- An invoice never changes once issued, except its payment: the seller's
-- and the buyer's names and addresses, the lines with their prices and tax
-- and the terms are copied into it.  Overdue is no state of the row: an
-- open invoice whose due date lies before the reader's today is overdue.

-- An organisation's postal address for invoices (the provider's is the
-- seller's on every invoice; a customer's without one is billed at the
-- order's delivery address), its VAT number, and how many days it has to
-- pay an invoice.
ALTER TABLE orgs
  ADD COLUMN payment_terms_days   SMALLINT UNSIGNED NOT NULL DEFAULT 30,
  ADD COLUMN billing_street       VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN billing_street2      VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN billing_postal_code  VARCHAR(20) NOT NULL DEFAULT '',
  ADD COLUMN billing_city         VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN billing_country      CHAR(2) NOT NULL DEFAULT '',
  ADD COLUMN vat_id               VARCHAR(20) NOT NULL DEFAULT '',
  ADD CONSTRAINT orgs_payment_terms CHECK (payment_terms_days <= 365);

CREATE TABLE invoice_counters (
  kind     ENUM('invoice','credit_note') NOT NULL,
  year     SMALLINT UNSIGNED NOT NULL,
  last_no  INT UNSIGNED NOT NULL,
  PRIMARY KEY (kind, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- number: INV-<year>-<seq> or CN-<year>-<seq>, seq of six digits or more.
-- shipment_id: the shipment of the order an invoice bills (NULL: the
-- order's lines not billed before).  return_id: the return a credit note refunds (its key
-- comes with the returns' table).  issued_by, paid_by: NULL when an
-- integration did it.  issue_date and due_date are calendar days of the
-- provider's zone.
CREATE TABLE invoices (
  id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number               VARCHAR(20) NOT NULL,
  kind                 ENUM('invoice','credit_note') NOT NULL,
  year                 SMALLINT UNSIGNED NOT NULL,
  seq                  INT UNSIGNED NOT NULL,
  org_id               INT UNSIGNED NOT NULL,
  order_id             BIGINT UNSIGNED NOT NULL,
  shipment_id          BIGINT UNSIGNED NULL,
  return_id            BIGINT UNSIGNED NULL,
  currency             CHAR(3) NOT NULL,
  net_minor            BIGINT NOT NULL,
  tax_minor            BIGINT NOT NULL,
  gross_minor          BIGINT NOT NULL,
  issue_date           DATE NOT NULL,
  payment_terms_days   SMALLINT UNSIGNED NOT NULL,
  due_date             DATE NOT NULL,
  status               ENUM('open','paid') NOT NULL DEFAULT 'open',
  paid_at              DATETIME(6) NULL,
  paid_by              INT UNSIGNED NULL,
  issued_at            DATETIME(6) NOT NULL,
  issued_by            INT UNSIGNED NULL,
  po_number            VARCHAR(40) NOT NULL DEFAULT '',
  seller_name          VARCHAR(200) NOT NULL,
  seller_street        VARCHAR(200) NOT NULL DEFAULT '',
  seller_street2       VARCHAR(200) NOT NULL DEFAULT '',
  seller_postal_code   VARCHAR(20) NOT NULL DEFAULT '',
  seller_city          VARCHAR(100) NOT NULL DEFAULT '',
  seller_country       CHAR(2) NOT NULL DEFAULT '',
  seller_vat_id        VARCHAR(20) NOT NULL DEFAULT '',
  buyer_name           VARCHAR(200) NOT NULL,
  buyer_street         VARCHAR(200) NOT NULL DEFAULT '',
  buyer_street2        VARCHAR(200) NOT NULL DEFAULT '',
  buyer_postal_code    VARCHAR(20) NOT NULL DEFAULT '',
  buyer_city           VARCHAR(100) NOT NULL DEFAULT '',
  buyer_country        CHAR(2) NOT NULL DEFAULT '',
  buyer_vat_id         VARCHAR(20) NOT NULL DEFAULT '',
  UNIQUE KEY invoices_number (number),
  UNIQUE KEY invoices_kind_year_seq (kind, year, seq),
  UNIQUE KEY invoices_shipment (shipment_id),
  KEY invoices_org_issued (org_id, issue_date, id),
  KEY invoices_org_status (org_id, status, due_date),
  KEY invoices_order (order_id, id),
  KEY invoices_shipment_order (shipment_id, order_id),
  CONSTRAINT invoices_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT invoices_issued_by_fk FOREIGN KEY (issued_by) REFERENCES users (id),
  CONSTRAINT invoices_paid_by_fk FOREIGN KEY (paid_by) REFERENCES users (id),
  CONSTRAINT invoices_shipment_fk FOREIGN KEY (shipment_id, order_id)
    REFERENCES shipments (id, order_id),
  CONSTRAINT invoices_credit_note CHECK (kind = 'invoice' OR shipment_id IS NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A line as billed: which line of the order it bills (order_line_no), the
-- product as ordered, the quantity, the unit price (negative on a credit
-- note), the rate, and net, tax and gross rounded on the line.
CREATE TABLE invoice_lines (
  invoice_id        BIGINT UNSIGNED NOT NULL,
  line_no           SMALLINT UNSIGNED NOT NULL,
  order_line_no     SMALLINT UNSIGNED NOT NULL,
  sku               VARCHAR(40) NOT NULL,
  name              VARCHAR(200) NOT NULL,
  unit              VARCHAR(20) NOT NULL,
  quantity          INT UNSIGNED NOT NULL,
  unit_price_minor  BIGINT NOT NULL,
  tax_rate_bp       SMALLINT UNSIGNED NOT NULL,
  net_minor         BIGINT NOT NULL,
  tax_minor         BIGINT NOT NULL,
  gross_minor       BIGINT NOT NULL,
  PRIMARY KEY (invoice_id, line_no),
  CONSTRAINT invoice_lines_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoices (id)
    ON DELETE CASCADE,
  CONSTRAINT invoice_lines_quantity CHECK (quantity >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

