-- Orders, second part (issue 13): tax rates, an organisation's delivery
-- addresses, a cart per person, and orders with their lines and their
-- status history.  Money is integer minor units in the organisation's
-- currency; tax is rounded per line (cgi-bin-src/lib/money.c).
--
-- Shaped for the later parts: shipments and invoices refer to an order's
-- lines by (order_id, line_no); the provider's order desk and the
-- integration API move the status on with an order_events row each; the
-- approval step (orders.approve) is a status and two columns that a BPMN
-- process can take over.

-- Who keeps the delivery addresses: the customer's admin, and the partner's
-- people (a partner organisation has no admin role of its own).
INSERT INTO permissions (name, description) VALUES
  ('orders.addresses', 'Keep the organisation''s delivery addresses');

INSERT IGNORE INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'orders.addresses'
WHERE r.name IN ('customer_admin', 'partner_user');

-- A product's tax class: the rate is the delivery country's for that class.
ALTER TABLE products
  ADD COLUMN tax_class ENUM('standard','reduced','zero') NOT NULL DEFAULT 'standard' AFTER unit;

-- Tax rates per country and class, in basis points (1900 = 19 %).  The
-- countries of these rows are those an address may be in: an order is
-- always taxed from data, never by a guess.
CREATE TABLE tax_rates (
  country     CHAR(2) NOT NULL,
  tax_class   ENUM('standard','reduced','zero') NOT NULL,
  rate_bp     SMALLINT UNSIGNED NOT NULL,
  updated_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  PRIMARY KEY (country, tax_class),
  CONSTRAINT tax_rates_rate CHECK (rate_bp <= 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where an organisation has goods delivered.  An address orders point at
-- is never deleted (the order keeps a copy of it anyway); it is retired.
CREATE TABLE org_addresses (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id       INT UNSIGNED NOT NULL,
  label        VARCHAR(100) NOT NULL,
  recipient    VARCHAR(200) NOT NULL,
  street       VARCHAR(200) NOT NULL,
  street2      VARCHAR(200) NOT NULL DEFAULT '',
  postal_code  VARCHAR(20) NOT NULL,
  city         VARCHAR(100) NOT NULL,
  country      CHAR(2) NOT NULL,
  active       TINYINT(1) NOT NULL DEFAULT 1,
  created_at   DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  updated_at   DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  KEY org_addresses_org (org_id, active, label),
  CONSTRAINT org_addresses_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's cart: one row per person (its lock is also the lock of their
-- monthly budget: a checkout and an approval of their order take it first,
-- so two of their orders never count against the month at once) and its
-- lines, priced when shown and at checkout, never stored with a price.
CREATE TABLE carts (
  user_id     INT UNSIGNED NOT NULL PRIMARY KEY,
  org_id      INT UNSIGNED NOT NULL,
  updated_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  CONSTRAINT carts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT carts_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cart_lines (
  user_id     INT UNSIGNED NOT NULL,
  product_id  INT UNSIGNED NOT NULL,
  quantity    INT UNSIGNED NOT NULL,
  added_at    DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  PRIMARY KEY (user_id, product_id),
  KEY cart_lines_product (product_id),
  CONSTRAINT cart_lines_cart_fk FOREIGN KEY (user_id) REFERENCES carts (user_id) ON DELETE CASCADE,
  CONSTRAINT cart_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT cart_lines_quantity CHECK (quantity BETWEEN 1 AND 99999)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last order number given out in a year, as ticket_counters: taken in
-- the transaction that places the order, so numbers are gapless.
CREATE TABLE order_counters (
  year     SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  last_no  INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An order.  number is O-<year>-<seq, 6 digits or more>.  Its lifecycle:
-- submitted -> (awaiting_approval -> approved | rejected) -> confirmed ->
-- partly_shipped -> shipped -> delivered, or cancelled while nothing is
-- shipped.  counted_at: when it began to count towards its buyer's month
-- (placed within the buyer's limits, or approved); NULL while it does not.
-- budget_reason: which limit sent it for approval.  The delivery address
-- is copied, so the order says where it went whatever becomes of the
-- address.  Amounts are the sums of its lines.
CREATE TABLE orders (
  id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number             VARCHAR(20) NOT NULL,
  year               SMALLINT UNSIGNED NOT NULL,
  seq                INT UNSIGNED NOT NULL,
  org_id             INT UNSIGNED NOT NULL,
  buyer_id           INT UNSIGNED NOT NULL,
  status             ENUM('submitted','awaiting_approval','approved','rejected','confirmed',
                          'partly_shipped','shipped','delivered','cancelled') NOT NULL,
  currency           CHAR(3) NOT NULL,
  net_minor          BIGINT NOT NULL,
  tax_minor          BIGINT NOT NULL,
  gross_minor        BIGINT NOT NULL,
  po_number          VARCHAR(40) NOT NULL DEFAULT '',
  cost_centre        VARCHAR(40) NOT NULL DEFAULT '',
  requested_date     DATE NULL,
  note               VARCHAR(1000) NOT NULL DEFAULT '',
  address_id         INT UNSIGNED NULL,
  ship_label         VARCHAR(100) NOT NULL,
  ship_recipient     VARCHAR(200) NOT NULL,
  ship_street        VARCHAR(200) NOT NULL,
  ship_street2       VARCHAR(200) NOT NULL DEFAULT '',
  ship_postal_code   VARCHAR(20) NOT NULL,
  ship_city          VARCHAR(100) NOT NULL,
  ship_country       CHAR(2) NOT NULL,
  budget_reason      ENUM('order','month') NULL,
  counted_at         DATETIME(6) NULL,
  decided_by         INT UNSIGNED NULL,
  decided_at         DATETIME(6) NULL,
  decision_comment   VARCHAR(1000) NOT NULL DEFAULT '',
  created_at         DATETIME(6) NOT NULL,
  updated_at         DATETIME(6) NOT NULL,
  UNIQUE KEY orders_number (number),
  UNIQUE KEY orders_year_seq (year, seq),
  KEY orders_org_created (org_id, created_at),
  KEY orders_org_status (org_id, status, created_at),
  KEY orders_org_po (org_id, po_number),
  KEY orders_buyer_created (buyer_id, created_at),
  KEY orders_buyer_counted (buyer_id, counted_at),
  KEY orders_org_decided (org_id, decided_at),
  KEY orders_status (status, created_at),
  CONSTRAINT orders_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT orders_buyer_fk FOREIGN KEY (buyer_id) REFERENCES users (id),
  CONSTRAINT orders_address_fk FOREIGN KEY (address_id) REFERENCES org_addresses (id),
  CONSTRAINT orders_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A line as it was ordered: the product's SKU, name (in the buyer's
-- language), unit and price then, and its tax class and rate; net, tax and
-- gross rounded on the line.
CREATE TABLE order_lines (
  order_id          BIGINT UNSIGNED NOT NULL,
  line_no           SMALLINT UNSIGNED NOT NULL,
  product_id        INT UNSIGNED NOT NULL,
  sku               VARCHAR(40) NOT NULL,
  name              VARCHAR(200) NOT NULL,
  unit              VARCHAR(20) NOT NULL,
  quantity          INT UNSIGNED NOT NULL,
  unit_price_minor  BIGINT NOT NULL,
  contract_price    TINYINT(1) NOT NULL DEFAULT 0,
  tax_class         ENUM('standard','reduced','zero') NOT NULL,
  tax_rate_bp       SMALLINT UNSIGNED NOT NULL,
  net_minor         BIGINT NOT NULL,
  tax_minor         BIGINT NOT NULL,
  gross_minor       BIGINT NOT NULL,
  PRIMARY KEY (order_id, line_no),
  KEY order_lines_product (product_id),
  CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The order's timeline: one row per status it entered, who moved it there
-- (NULL: the system or an integration) and what they said.
CREATE TABLE order_events (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id  BIGINT UNSIGNED NOT NULL,
  at        DATETIME(6) NOT NULL,
  user_id   INT UNSIGNED NULL,
  status    ENUM('submitted','awaiting_approval','approved','rejected','confirmed',
                 'partly_shipped','shipped','delivered','cancelled') NOT NULL,
  comment   VARCHAR(1000) NOT NULL DEFAULT '',
  KEY order_events_order (order_id, id),
  CONSTRAINT order_events_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_events_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rates in force (2026): standard, reduced and zero per country.
INSERT INTO tax_rates (country, tax_class, rate_bp) VALUES
  ('GB', 'standard', 2000), ('GB', 'reduced', 500), ('GB', 'zero', 0),
  ('DE', 'standard', 1900), ('DE', 'reduced', 700), ('DE', 'zero', 0),
  ('AT', 'standard', 2000), ('AT', 'reduced', 1000), ('AT', 'zero', 0),
  ('CH', 'standard', 810), ('CH', 'reduced', 260), ('CH', 'zero', 0),
  ('NL', 'standard', 2100), ('NL', 'reduced', 900), ('NL', 'zero', 0),
  ('FR', 'standard', 2000), ('FR', 'reduced', 550), ('FR', 'zero', 0),
  ('IE', 'standard', 2300), ('IE', 'reduced', 1350), ('IE', 'zero', 0),
  ('US', 'standard', 0), ('US', 'reduced', 0), ('US', 'zero', 0);
