-- Orders and returns that waited before their steps ran as BPMN processes
-- (issue 14) get their instances: an order awaiting approval has no way
-- to be decided but its process's task, and a return whose goods arrived
-- is inspected in its process.  A 'start' command each, as the checkout
-- and the order desk write them now (cgi-bin-src/orders/checkout.c,
-- returns.c); portico-flowd takes them once the shipped processes are
-- deployed (see "Upgrade" in the README).  A case that has an instance,
-- or a start asked for already, is left alone; on a new database there is
-- none yet, and the demo data asks for its own (sql/demo/0080).

INSERT INTO flow_commands (kind, process_key, business_key, org_id, variables, user_id, created_at)
SELECT 'start', 'order-approval', o.number, o.org_id,
  CONCAT('{"order_id":', o.id, ',"buyer_id":', o.buyer_id, '}'), o.buyer_id, UTC_TIMESTAMP(6)
FROM orders o
WHERE o.status = 'awaiting_approval'
  AND NOT EXISTS (SELECT 1 FROM flow_instances i WHERE i.business_key = o.number)
  AND NOT EXISTS (SELECT 1 FROM flow_commands c WHERE c.kind = 'start'
    AND c.process_key = 'order-approval' AND c.business_key = o.number)
ORDER BY o.id;

INSERT INTO flow_commands (kind, process_key, business_key, org_id, variables, user_id, created_at)
SELECT 'start', 'return-handling', r.number, r.org_id,
  CONCAT('{"return_id":', r.id, ',"order_id":', r.order_id, '}'), r.decided_by, UTC_TIMESTAMP(6)
FROM returns r
WHERE r.status = 'received'
  AND NOT EXISTS (SELECT 1 FROM flow_instances i WHERE i.business_key = r.number)
  AND NOT EXISTS (SELECT 1 FROM flow_commands c WHERE c.kind = 'start'
    AND c.process_key = 'return-handling' AND c.business_key = r.number)
ORDER BY r.id;
