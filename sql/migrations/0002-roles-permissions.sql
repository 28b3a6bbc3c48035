-- The built-in roles and permissions.  Rights come from roles, never from
-- a person; workers ask pt_can(req, "permission").

INSERT INTO roles (name, org_kind, home, priority, builtin) VALUES
  ('customer_user',  'customer', 'customer', 10, 1),
  ('buyer',          'customer', 'customer', 20, 1),
  ('approver',       'customer', 'customer', 30, 1),
  ('customer_admin', 'customer', 'customer', 40, 1),
  ('partner_user',   'partner',  'partner',  10, 1),
  ('agent',          'provider', 'agent',    50, 1),
  ('kb_editor',      'provider', 'agent',    45, 1),
  ('manager',        'provider', 'admin',    60, 1),
  ('admin',          'provider', 'admin',    70, 1);

INSERT INTO permissions (name, description) VALUES
  ('kb.read',            'Read the knowledge base'),
  ('kb.read.customer',   'Read articles for customers'),
  ('kb.read.partner',    'Read articles for partners'),
  ('kb.read.internal',   'Read internal articles'),
  ('kb.edit',            'Write and publish articles'),
  ('tickets.create',     'Raise tickets'),
  ('tickets.read.org',   'Read all tickets of the own organisation'),
  ('tickets.work',       'Work the ticket queue'),
  ('orders.read.org',    'See the own organisation''s orders and contracts'),
  ('orders.place',       'Place orders'),
  ('orders.approve',     'Approve orders above a buyer''s limit'),
  ('partner.resources',  'Use the partner library, news and training'),
  ('users.manage.org',   'Manage the users of the own organisation'),
  ('admin.dashboard',    'See the KPI dashboard'),
  ('admin.users',        'Manage all users and organisations'),
  ('admin.roles',        'Define roles and permissions'),
  ('admin.audit',        'Read the audit log'),
  ('admin.processes',    'Manage service processes');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.name = 'customer_user'  AND p.name IN ('kb.read','kb.read.customer','tickets.create'))
  OR (r.name = 'buyer'       AND p.name IN ('kb.read','kb.read.customer','orders.read.org','orders.place'))
  OR (r.name = 'approver'    AND p.name IN ('kb.read','kb.read.customer','orders.read.org','orders.approve'))
  OR (r.name = 'customer_admin' AND p.name IN ('kb.read','kb.read.customer','tickets.create',
        'tickets.read.org','orders.read.org','orders.place','orders.approve','users.manage.org'))
  OR (r.name = 'partner_user' AND p.name IN ('kb.read','kb.read.partner','tickets.create',
        'orders.read.org','orders.place','partner.resources'))
  OR (r.name = 'agent'       AND p.name IN ('kb.read','kb.read.customer','kb.read.partner',
        'kb.read.internal','tickets.work'))
  OR (r.name = 'kb_editor'   AND p.name IN ('kb.read','kb.read.customer','kb.read.partner',
        'kb.read.internal','kb.edit'))
  OR (r.name = 'manager'     AND p.name IN ('kb.read','kb.read.customer','kb.read.partner',
        'kb.read.internal','tickets.work','admin.dashboard','admin.audit'))
  OR (r.name = 'admin'       AND (p.name LIKE 'admin.%' OR p.name IN ('kb.read','kb.read.customer',
        'kb.read.partner','kb.read.internal','kb.edit','tickets.work')));
