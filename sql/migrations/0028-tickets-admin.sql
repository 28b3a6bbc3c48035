-- The administration of the service catalogue (issue 12, item 1): managers
-- define services, their forms and the agent groups with the admins
-- (tickets.admin, migration 0016); and an option of a choice field that
-- tickets chose is retired, not deleted, when an administrator takes it
-- off the list, so those tickets keep showing its label while new forms
-- no longer offer it.
INSERT IGNORE INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON r.name = 'manager' AND p.name = 'tickets.admin';

ALTER TABLE ticket_field_options
  ADD COLUMN active TINYINT(1) NOT NULL DEFAULT 1;
