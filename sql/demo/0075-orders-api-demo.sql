-- The integration API's demo (issue 13 section 8): the warehouse's
-- integration with a token anyone with the demo may use (as every demo
-- password is known; never load the demo in production), an ERP whose
-- token was revoked, and stock the warehouse reported for the sensors.
-- The demo token: pti_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef

INSERT INTO integrations (id, name, scopes, token_hash, token_hint, created_by, created_at,
  revoked_by, revoked_at, last_used_at, last_used_ip) VALUES
  (1, 'Warehouse Leeds (demo)', 'orders.read,orders.write,invoices.write,catalogue.write',
   UNHEX(SHA2('pti_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 256)),
   '01234567', 1, '2026-09-01 08:00:00', NULL, NULL, '2026-10-06 14:40:02', '192.0.2.40'),
  (2, 'Old ERP (demo)', 'orders.read,orders.write',
   UNHEX(SHA2('pti_fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210', 256)),
   'fedcba98', 1, '2025-03-01 08:00:00', 1, '2026-08-31 17:00:00', '2026-08-31 16:58:12', '192.0.2.41');

UPDATE products SET stock = 140, stock_updated_at = '2026-10-06 14:40:02' WHERE sku = 'PX-200';
UPDATE products SET stock = 12, stock_updated_at = '2026-10-06 14:40:02' WHERE sku = 'PX-400';
UPDATE products SET stock = 0, lead_time_days = 15, stock_updated_at = '2026-10-06 14:40:02'
  WHERE sku = 'PX-400-ATEX';

INSERT INTO audit_log (at, user_id, org_id, integration_id, action, object_type, object_id,
  before_json, after_json, ip) VALUES
  ('2026-09-01 08:00:00', 1, 1, NULL, 'integration.create', 'integration', '1', NULL,
   '{"name":"Warehouse Leeds (demo)","scopes":"orders.read,orders.write,invoices.write,catalogue.write","token_hint":"01234567"}', '192.0.2.10'),
  ('2026-08-31 17:00:00', 1, 1, NULL, 'integration.revoke', 'integration', '2',
   '{"name":"Old ERP (demo)","scopes":"orders.read,orders.write","revoked":"0"}',
   '{"name":"Old ERP (demo)","scopes":"orders.read,orders.write","revoked":"1"}', '192.0.2.10'),
  ('2026-10-06 14:40:02', NULL, NULL, 1, 'product.stock', 'product',
   (SELECT id FROM products WHERE sku = 'PX-400-ATEX'),
   '{"sku":"PX-400-ATEX","stock":null,"lead_time_days":"20"}',
   '{"sku":"PX-400-ATEX","stock":"0","lead_time_days":"15"}', '192.0.2.40');
