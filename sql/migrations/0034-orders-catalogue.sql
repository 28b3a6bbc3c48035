-- The orders worker's catalogue: products and services in categories,
-- with texts in English and German, an audience like the ticket services'
-- (organisation kinds, narrowed to tiers when product_tiers has rows),
-- list prices per currency and per-organisation contract prices that
-- override them.  Money is integer minor units with its currency
-- (DESIGN.md section 4).  Products are never deleted: order lines of the
-- later slices point at them, so a product that is no longer sold is
-- made inactive.

INSERT INTO permissions (name, description) VALUES
  ('orders.read',       'Browse the product catalogue and see own orders'),
  ('catalogue.manage',  'Maintain the product catalogue, its prices and contract prices');

INSERT IGNORE INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (p.name = 'orders.read' AND r.name IN ('customer_user', 'buyer', 'approver', 'customer_admin',
      'partner_user', 'agent', 'manager', 'admin'))
  OR (p.name = 'catalogue.manage' AND r.name IN ('manager', 'admin'));

CREATE TABLE catalogue_categories (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug        VARCHAR(60) NOT NULL,
  position    INT NOT NULL DEFAULT 0,
  created_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  updated_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  UNIQUE KEY catalogue_categories_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE catalogue_category_texts (
  category_id  INT UNSIGNED NOT NULL,
  lang         CHAR(2) NOT NULL,
  name         VARCHAR(200) NOT NULL,
  description  VARCHAR(1000) NOT NULL DEFAULT '',
  PRIMARY KEY (category_id, lang),
  CONSTRAINT catalogue_category_texts_fk FOREIGN KEY (category_id)
    REFERENCES catalogue_categories (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: a product is delivered, a service is performed (both are ordered
-- the same way).  unit: what one of quantity 1 is.  lead_time_days: working
-- days from the order to delivery.  The image is a file under [paths]
-- files/orders/ (image_storage), sent after the reader's access check.
CREATE TABLE products (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku             VARCHAR(40) NOT NULL,
  category_id     INT UNSIGNED NOT NULL,
  kind            ENUM('product','service') NOT NULL DEFAULT 'product',
  unit            ENUM('piece','pack','box','set','metre','kg','litre','hour','day','month',
                       'year','licence') NOT NULL DEFAULT 'piece',
  lead_time_days  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  audience        SET('customer','partner') NOT NULL DEFAULT 'customer,partner',
  active          TINYINT(1) NOT NULL DEFAULT 1,
  image_storage   CHAR(64) NULL,
  image_type      VARCHAR(40) NULL,
  image_name      VARCHAR(100) NULL,
  created_at      DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  updated_at      DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  UNIQUE KEY products_sku (sku),
  KEY products_category (category_id, active),
  CONSTRAINT products_category_fk FOREIGN KEY (category_id) REFERENCES catalogue_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_texts (
  product_id   INT UNSIGNED NOT NULL,
  lang         CHAR(2) NOT NULL,
  name         VARCHAR(200) NOT NULL,
  description  VARCHAR(4000) NOT NULL DEFAULT '',
  PRIMARY KEY (product_id, lang),
  CONSTRAINT product_texts_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_tiers (
  product_id  INT UNSIGNED NOT NULL,
  tier        VARCHAR(40) NOT NULL,
  PRIMARY KEY (product_id, tier),
  CONSTRAINT product_tiers_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The list price of a product in one currency.  A product without a price
-- in the reader's currency is shown "on request" and cannot be ordered.
CREATE TABLE product_prices (
  product_id    INT UNSIGNED NOT NULL,
  currency      CHAR(3) NOT NULL,
  amount_minor  BIGINT UNSIGNED NOT NULL,
  updated_at    DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  PRIMARY KEY (product_id, currency),
  CONSTRAINT product_prices_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT product_prices_currency CHECK (currency IN ('EUR','CHF','GBP','USD'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An organisation's own price of a product: it overrides the list price
-- while its currency is the organisation's (orgs.currency).  A contract
-- (a later slice) may bring these; until then staff keep them on pages.
CREATE TABLE contract_prices (
  org_id        INT UNSIGNED NOT NULL,
  product_id    INT UNSIGNED NOT NULL,
  currency      CHAR(3) NOT NULL,
  amount_minor  BIGINT UNSIGNED NOT NULL,
  updated_at    DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  PRIMARY KEY (org_id, product_id),
  KEY contract_prices_product (product_id),
  CONSTRAINT contract_prices_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id),
  CONSTRAINT contract_prices_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT contract_prices_currency CHECK (currency IN ('EUR','CHF','GBP','USD'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A price list uploaded as CSV: kept between its preview and the
-- confirmation, which parses it again and writes its prices only when the
-- whole file is valid; applied_at says it was.
CREATE TABLE catalogue_imports (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     INT UNSIGNED NOT NULL,
  filename    VARCHAR(100) NOT NULL,
  data        MEDIUMBLOB NOT NULL,
  line_count  INT UNSIGNED NOT NULL,
  created_at  DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
  applied_at  DATETIME(6) NULL,
  KEY catalogue_imports_user (user_id, created_at),
  CONSTRAINT catalogue_imports_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
