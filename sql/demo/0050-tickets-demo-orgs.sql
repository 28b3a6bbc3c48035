-- Tickets demo data (issue 12), part 3: the people of a service desk that
-- has been working for a few weeks.  Two more customers, colleagues of the
-- demo customers and of the partner, and three more agents, so that the
-- lists of 0051 look like a real portal's.  The people of 0001 the tests
-- count on (carl, olivia, klaus) get no tickets here.  Every password is
-- "portico-demo", as in 0001.
--   Harbourside Logistics Ltd  customer, silver, GBP, English, takes mail
--   Clearwater Foods B.V.      customer, gold, EUR, English (a Dutch company)

INSERT INTO orgs (id, name, kind, tier, currency, language, mail_intake) VALUES
  (5, 'Harbourside Logistics Ltd', 'customer', 'silver', 'GBP', 'en', 1),
  (6, 'Clearwater Foods B.V.',     'customer', 'gold',   'EUR', 'en', 0);

INSERT INTO users (id, org_id, email, name, phone, password_hash, language, time_zone) VALUES
  -- agents of the provider
  (10, 1, 'lena.fischer@portico.example',       'Lena Fischer',        '+49 711 555 0141', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'de', 'Europe/Berlin'),
  (11, 1, 'sam.okafor@portico.example',         'Sam Okafor',          '+49 711 555 0142', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'en', 'Europe/Berlin'),
  (12, 1, 'priya.nair@portico.example',         'Priya Nair',          '+49 711 555 0143', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'en', 'Europe/Berlin'),
  -- Acme: IT and purchasing
  (13, 2, 'ben.hughes@acme.example',            'Ben Hughes',          '+44 113 555 0107', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (14, 2, 'fiona.walsh@acme.example',           'Fiona Walsh',         '+44 113 555 0112', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  -- Bergmann: the administrator, IT, purchasing, maintenance, accounts
  (15, 3, 'sabine.krueger@bergmann.example',    'Sabine Krüger',       '+49 7021 555 210', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'de', 'Europe/Berlin'),
  (16, 3, 'thomas.weber@bergmann.example',      'Thomas Weber',        '+49 7021 555 233', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'de', 'Europe/Berlin'),
  (17, 3, 'monika.schulz@bergmann.example',     'Monika Schulz',       '+49 7021 555 240', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'de', 'Europe/Berlin'),
  (18, 3, 'juergen.hoffmann@bergmann.example',  'Jürgen Hoffmann',     '+49 7021 555 318', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'de', 'Europe/Berlin'),
  (19, 3, 'petra.lange@bergmann.example',       'Petra Lange',         '+49 7021 555 252', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', 'de', 'Europe/Berlin'),
  -- Northwind: a second partner person
  (20, 4, 'pieter.devries@northwind.example',   'Pieter de Vries',     '+31 20 555 0193',  '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Amsterdam'),
  -- Harbourside
  (21, 5, 'rachel.moore@harbourside.example',   'Rachel Moore',        '+44 1394 555 0100', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (22, 5, 'dev.patel@harbourside.example',      'Dev Patel',           '+44 1394 555 0182', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (23, 5, 'hannah.clarke@harbourside.example',  'Hannah Clarke',       '+44 1394 555 0131', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (24, 5, 'gareth.evans@harbourside.example',   'Gareth Evans',        '+44 1394 555 0150', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  (25, 5, 'liam.obrien@harbourside.example',    'Liam O''Brien',       '+44 1394 555 0164', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/London'),
  -- Clearwater
  (26, 6, 'sophie.vandenberg@clearwater.example', 'Sophie van den Berg', '+31 38 555 0120', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Amsterdam'),
  (27, 6, 'joost.visser@clearwater.example',    'Joost Visser',        '+31 38 555 0134', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Amsterdam'),
  (28, 6, 'emma.dejong@clearwater.example',     'Emma de Jong',        '+31 38 555 0127', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Amsterdam'),
  (29, 6, 'mark.jansen@clearwater.example',     'Mark Jansen',         '+31 38 555 0166', '$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2', NULL, 'Europe/Amsterdam');

INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u JOIN roles r ON
     (u.id IN (10, 11, 12)         AND r.name = 'agent')
  OR (u.id IN (15, 21, 26)         AND r.name = 'customer_admin')
  OR (u.id IN (13, 14, 16, 17, 18, 19, 22, 23, 24, 25, 27, 28, 29) AND r.name = 'customer_user')
  OR (u.id IN (14, 17, 22, 27)     AND r.name = 'buyer')
  OR (u.id = 28                    AND r.name = 'approver')
  OR (u.id = 20                    AND r.name = 'partner_user');

-- Lena and Sam work the service desk, Priya billing.
INSERT INTO ticket_group_members (group_id, user_id, is_lead) VALUES
  (1, 10, 0),
  (1, 11, 0),
  (2, 12, 0);
