-- Service processes demo data (issue 14): the demo orders that wait for
-- approval and the demo returns whose goods arrived run as the BPMN
-- processes order-approval and return-handling, as a checkout and the
-- order desk start them (cgi-bin-src/orders/checkout.c, returns.c).  The
-- demo asks portico-flowd to start them: a 'start' command each, which
-- flowd takes once it runs, after the set-up deployed processes/*.bpmn;
-- so the demo inbox holds their approval and inspection tasks.  A case
-- that has an instance, or a start asked for already, is left alone.

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
