-- Demo company: the provider, two customers and a partner, with a person
-- for every role.  Every demo password is "portico-demo".

INSERT INTO orgs (id, name, kind, tier, currency, language) VALUES
  (1, 'Portico Services GmbH',    'provider', NULL,   'EUR', 'en'),
  (2, 'Acme Industrial Ltd',      'customer', 'gold', 'GBP', 'en'),
  (3, 'Bergmann Maschinenbau AG', 'customer', 'silver', 'EUR', 'de'),
  (4, 'Northwind Distribution',   'partner',  'premier', 'EUR', 'en');

INSERT INTO users (id, org_id, email, name, password_hash, language, time_zone) VALUES
  (1, 1, 'admin@portico.example',    'Ada Admin',       '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'en', 'Europe/Berlin'),
  (2, 1, 'manager@portico.example',  'Max Manager',     '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'en', 'Europe/Berlin'),
  (3, 1, 'agent@portico.example',    'Alex Agent',      '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Berlin'),
  (4, 1, 'editor@portico.example',   'Erin Editor',     '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Berlin'),
  (5, 2, 'anna.admin@acme.example',  'Anna Admin',      '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (6, 2, 'carl@acme.example',        'Carl Customer',   '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (7, 2, 'olivia@acme.example',      'Olivia Approver', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (8, 3, 'klaus@bergmann.example',   'Klaus Bergmann',  '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'de', 'Europe/Berlin'),
  (9, 4, 'paula@northwind.example',  'Paula Partner',   '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Amsterdam');

INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u JOIN roles r ON
     (u.email = 'admin@portico.example'   AND r.name = 'admin')
  OR (u.email = 'manager@portico.example' AND r.name = 'manager')
  OR (u.email = 'agent@portico.example'   AND r.name = 'agent')
  OR (u.email = 'editor@portico.example'  AND r.name = 'kb_editor')
  OR (u.email = 'anna.admin@acme.example' AND r.name = 'customer_admin')
  OR (u.email = 'carl@acme.example'       AND r.name IN ('customer_user', 'buyer'))
  OR (u.email = 'olivia@acme.example'     AND r.name IN ('customer_user', 'approver'))
  OR (u.email = 'klaus@bergmann.example'  AND r.name = 'customer_user')
  OR (u.email = 'paula@northwind.example' AND r.name = 'partner_user');
