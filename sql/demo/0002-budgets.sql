-- Demo budgets: Acme may order up to 5 000 GBP per order and 20 000 GBP a
-- month; its buyers up to 1 000 GBP per order, its approvers the org's.
UPDATE orgs SET order_limit_minor = 500000, monthly_limit_minor = 2000000 WHERE id = 2;
UPDATE orgs SET order_limit_minor = 1000000, monthly_limit_minor = 5000000 WHERE id = 3;
INSERT INTO org_role_limits (org_id, role_id, order_limit_minor, monthly_limit_minor)
SELECT 2, id, 100000, 400000 FROM roles WHERE name = 'buyer';
