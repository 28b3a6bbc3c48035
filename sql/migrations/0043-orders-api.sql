-- The integration API (issue 13 §8): the provider's ERP or warehouse reads
-- new orders and feeds confirmations, shipments, invoices and stock back
-- through /api/v1/, authorised by a token per integration.
--
-- An integration is a named token with scopes, made by an admin
-- (admin.integrations) on /orders/admin/integrations.  The token is shown
-- once; only its SHA-256 is kept (token_hash), as with sessions.  token_hint
-- is its first 8 hex digits after "pti_", for telling tokens apart.  A
-- revoked integration stays (its audit rows name it), its token refused.
-- last_used_at is stamped at most once a minute.

INSERT INTO permissions (name, description) VALUES
  ('admin.integrations', 'Create and revoke the API tokens of integrations (ERP, warehouse)');

INSERT IGNORE INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'admin.integrations'
WHERE r.name = 'admin';

CREATE TABLE integrations (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  scopes        SET('orders.read','orders.write','invoices.write','catalogue.write') NOT NULL,
  token_hash    BINARY(32) NOT NULL,
  token_hint    CHAR(8) NOT NULL,
  created_by    INT UNSIGNED NULL,
  created_at    DATETIME(6) NOT NULL,
  revoked_by    INT UNSIGNED NULL,
  revoked_at    DATETIME(6) NULL,
  last_used_at  DATETIME(6) NULL,
  last_used_ip  VARCHAR(45) NOT NULL DEFAULT '',
  UNIQUE KEY integrations_token (token_hash),
  UNIQUE KEY integrations_name (name),
  CONSTRAINT integrations_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT integrations_revoked_by_fk FOREIGN KEY (revoked_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The integration that made a change, beside (or instead of) the person.
ALTER TABLE audit_log
  ADD COLUMN integration_id INT UNSIGNED NULL AFTER org_id,
  ADD KEY audit_integration (integration_id, at);

-- Stock as the warehouse reports it: units on hand (NULL: not reported),
-- and when it was last reported.
ALTER TABLE products
  ADD COLUMN stock INT UNSIGNED NULL AFTER lead_time_days,
  ADD COLUMN stock_updated_at DATETIME(6) NULL AFTER stock;
