-- The order history of an organisation with ten thousand orders and more
-- (issue 13, speed): its count and its page read one index without a look
-- at the rows, whatever filters the page offers (status, buyer, the
-- beginning of a PO number, an order number, days placed), and a kept page's stamp (the newest change
-- time of the organisation's orders, cgi-bin-src/orders/kept.c) is the
-- end of an index.  orders_org_list begins as orders_org_created did, so
-- that one goes; orders_org_status, which a filter by status walks, holds
-- the other filters' columns too.
ALTER TABLE orders
  DROP KEY orders_org_created,
  DROP KEY orders_org_status,
  ADD KEY orders_org_status (org_id, status, created_at, id, buyer_id, po_number, number),
  ADD KEY orders_org_list (org_id, created_at, id, status, buyer_id, po_number, number),
  ADD KEY orders_org_updated (org_id, updated_at);
