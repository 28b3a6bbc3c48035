-- Orders demo data (issue 13 section 9), part 7: twenty-five more orders,
-- so that the demo holds forty in every state: of Acme Industrial,
-- Bergmann (EUR, delivered to Esslingen and Vienna), Northwind (a partner),
-- Harbourside and Clearwater, placed through November 2026, each with its
-- timeline; those that left with their shipment (carrier, tracking, the
-- lines and quantities, delivered when the order is) and the invoice the
-- desk issued for it, some of them paid.  Prices are the organisation's
-- (contract, else list price) in its currency, and tax the delivery
-- country's rate for the product's class, rounded per line as
-- cgi-bin-src/lib/money.c does (ROUND of an exact decimal rounds half
-- away from zero); the orders' and invoices' amounts are the sums of their
-- lines.  Ids and numbers are explicit and continue the earlier parts'
-- (order_counters and invoice_counters follow them).
INSERT INTO orders (id, number, year, seq, org_id, buyer_id, status, currency, net_minor,
  tax_minor, gross_minor, po_number, cost_centre, requested_date, note, address_id, ship_label,
  ship_recipient, ship_street, ship_street2, ship_postal_code, ship_city, ship_country,
  budget_reason, counted_at, decided_by, decided_at, decision_comment, created_at, updated_at)
SELECT v.id, v.number, 2026, v.seq, v.org, v.buyer, v.status, o.currency, 0, 0, 0, v.po, v.cc, NULL, '',
  v.addr, a.label, a.recipient, a.street, a.street2, a.postal_code, a.city, a.country, v.reason,
  v.counted, v.decided_by, v.decided_at, v.comment, v.created, v.updated
FROM (SELECT 26 id, 'O-2026-000026' number, 26 seq, 2 org, 6 buyer, 'submitted' status, 'PO-ACME-2100' po, 'WERKSTATT' cc, 1 addr, NULL reason, '2026-11-03 09:50:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-03 09:50:00' created, '2026-11-03 09:50:00' updated
  UNION ALL SELECT 27 id, 'O-2026-000027' number, 27 seq, 3 org, 15 buyer, 'submitted' status, 'BM-2101' po, 'IT-OPS' cc, 5 addr, NULL reason, '2026-11-04 16:56:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-04 16:56:00' created, '2026-11-04 16:56:00' updated
  UNION ALL SELECT 28 id, 'O-2026-000028' number, 28 seq, 4 org, 9 buyer, 'submitted' status, 'NW-2102' po, 'LAB' cc, 6 addr, NULL reason, '2026-11-05 09:22:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-05 09:22:00' created, '2026-11-05 09:22:00' updated
  UNION ALL SELECT 29 id, 'O-2026-000029' number, 29 seq, 5 org, 22 buyer, 'awaiting_approval' status, 'HL-2103' po, 'WERKSTATT' cc, 7 addr, 'order' reason, NULL counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-06 17:10:00' created, '2026-11-06 17:10:00' updated
  UNION ALL SELECT 30 id, 'O-2026-000030' number, 30 seq, 6 org, 26 buyer, 'awaiting_approval' status, 'CF-2104' po, 'MAINT' cc, 8 addr, 'order' reason, NULL counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-07 16:48:00' created, '2026-11-07 16:48:00' updated
  UNION ALL SELECT 31 id, 'O-2026-000031' number, 31 seq, 2 org, 14 buyer, 'approved' status, 'PO-ACME-2105' po, 'WERKSTATT' cc, 2 addr, 'order' reason, '2026-11-09 19:59:00' counted, 7 decided_by, '2026-11-09 19:59:00' decided_at, 'Fine, thank you.' comment, '2026-11-08 13:59:00' created, '2026-11-09 19:59:00' updated
  UNION ALL SELECT 32 id, 'O-2026-000032' number, 32 seq, 3 org, 8 buyer, 'approved' status, 'BM-2106' po, '' cc, 4 addr, 'order' reason, '2026-11-10 12:55:00' counted, 17 decided_by, '2026-11-10 12:55:00' decided_at, 'Fine, thank you.' comment, '2026-11-09 15:55:00' created, '2026-11-10 12:55:00' updated
  UNION ALL SELECT 33 id, 'O-2026-000033' number, 33 seq, 2 org, 13 buyer, 'rejected' status, 'PO-ACME-2107' po, 'LAB' cc, 2 addr, 'order' reason, NULL counted, 7 decided_by, '2026-11-10 17:22:00' decided_at, 'Not in this quarter’s budget, please order again in January.' comment, '2026-11-10 11:22:00' created, '2026-11-10 17:22:00' updated
  UNION ALL SELECT 34 id, 'O-2026-000034' number, 34 seq, 5 org, 21 buyer, 'rejected' status, 'HL-2108' po, 'LAB' cc, 7 addr, 'order' reason, NULL counted, 23 decided_by, '2026-11-12 14:00:00' decided_at, 'Not in this quarter’s budget, please order again in January.' comment, '2026-11-11 15:00:00' created, '2026-11-12 14:00:00' updated
  UNION ALL SELECT 35 id, 'O-2026-000035' number, 35 seq, 6 org, 27 buyer, 'confirmed' status, 'CF-2109' po, 'IT-OPS' cc, 8 addr, NULL reason, '2026-11-12 16:13:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-12 16:13:00' created, '2026-11-13 17:13:00' updated
  UNION ALL SELECT 36 id, 'O-2026-000036' number, 36 seq, 4 org, 9 buyer, 'confirmed' status, 'NW-2110' po, 'LAB' cc, 6 addr, NULL reason, '2026-11-13 14:57:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-13 14:57:00' created, '2026-11-13 21:57:00' updated
  UNION ALL SELECT 37 id, 'O-2026-000037' number, 37 seq, 2 org, 14 buyer, 'confirmed' status, 'PO-ACME-2111' po, 'IT-OPS' cc, 2 addr, NULL reason, '2026-11-14 16:21:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-14 16:21:00' created, '2026-11-15 10:21:00' updated
  UNION ALL SELECT 38 id, 'O-2026-000038' number, 38 seq, 3 org, 8 buyer, 'partly_shipped' status, 'BM-2112' po, '' cc, 4 addr, NULL reason, '2026-11-15 17:12:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-15 17:12:00' created, '2026-11-17 14:12:00' updated
  UNION ALL SELECT 39 id, 'O-2026-000039' number, 39 seq, 5 org, 22 buyer, 'partly_shipped' status, 'HL-2113' po, '' cc, 7 addr, NULL reason, '2026-11-16 15:23:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-16 15:23:00' created, '2026-11-17 14:23:00' updated
  UNION ALL SELECT 40 id, 'O-2026-000040' number, 40 seq, 2 org, 14 buyer, 'partly_shipped' status, 'PO-ACME-2114' po, 'LAB' cc, 1 addr, NULL reason, '2026-11-17 08:58:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-17 08:58:00' created, '2026-11-18 12:58:00' updated
  UNION ALL SELECT 41 id, 'O-2026-000041' number, 41 seq, 6 org, 27 buyer, 'shipped' status, 'CF-2115' po, 'WERKSTATT' cc, 8 addr, NULL reason, '2026-11-18 13:39:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-18 13:39:00' created, '2026-11-20 07:39:00' updated
  UNION ALL SELECT 42 id, 'O-2026-000042' number, 42 seq, 3 org, 15 buyer, 'shipped' status, 'BM-2116' po, '' cc, 4 addr, NULL reason, '2026-11-19 12:00:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-19 12:00:00' created, '2026-11-20 20:00:00' updated
  UNION ALL SELECT 43 id, 'O-2026-000043' number, 43 seq, 2 org, 14 buyer, 'shipped' status, 'PO-ACME-2117' po, '' cc, 2 addr, NULL reason, '2026-11-20 17:21:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-20 17:21:00' created, '2026-11-21 02:21:00' updated
  UNION ALL SELECT 44 id, 'O-2026-000044' number, 44 seq, 4 org, 9 buyer, 'delivered' status, 'NW-2118' po, 'IT-OPS' cc, 6 addr, NULL reason, '2026-11-21 09:02:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-21 09:02:00' created, '2026-11-23 04:02:00' updated
  UNION ALL SELECT 45 id, 'O-2026-000045' number, 45 seq, 2 org, 13 buyer, 'delivered' status, 'PO-ACME-2119' po, 'IT-OPS' cc, 2 addr, NULL reason, '2026-11-22 13:59:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-22 13:59:00' created, '2026-11-24 00:59:00' updated
  UNION ALL SELECT 46 id, 'O-2026-000046' number, 46 seq, 5 org, 21 buyer, 'delivered' status, 'HL-2120' po, 'LAB' cc, 7 addr, NULL reason, '2026-11-23 12:00:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-23 12:00:00' created, '2026-11-25 20:00:00' updated
  UNION ALL SELECT 47 id, 'O-2026-000047' number, 47 seq, 3 org, 8 buyer, 'delivered' status, 'BM-2121' po, 'IT-OPS' cc, 5 addr, NULL reason, '2026-11-24 10:54:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-24 10:54:00' created, '2026-11-25 20:54:00' updated
  UNION ALL SELECT 48 id, 'O-2026-000048' number, 48 seq, 6 org, 26 buyer, 'delivered' status, 'CF-2122' po, '' cc, 8 addr, NULL reason, '2026-11-25 14:48:00' counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-25 14:48:00' created, '2026-11-28 00:48:00' updated
  UNION ALL SELECT 49 id, 'O-2026-000049' number, 49 seq, 2 org, 14 buyer, 'cancelled' status, 'PO-ACME-2123' po, 'WERKSTATT' cc, 2 addr, NULL reason, NULL counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-26 08:35:00' created, '2026-11-26 22:35:00' updated
  UNION ALL SELECT 50 id, 'O-2026-000050' number, 50 seq, 3 org, 8 buyer, 'cancelled' status, 'BM-2124' po, 'WERKSTATT' cc, 4 addr, NULL reason, NULL counted, NULL decided_by, NULL decided_at, '' comment, '2026-11-27 16:43:00' created, '2026-11-28 19:43:00' updated
) v JOIN orgs o ON o.id = v.org JOIN org_addresses a ON a.id = v.addr;
-- The lines, priced and taxed as a checkout on the order's day would have.
INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity,
  unit_price_minor, contract_price, tax_class, tax_rate_bp, net_minor, tax_minor, gross_minor)
SELECT v.o, v.no, p.id, p.sku, COALESCE(t.name, e.name), p.unit, v.qty,
  COALESCE(cp.amount_minor, lp.amount_minor), cp.amount_minor IS NOT NULL, p.tax_class, tr.rate_bp,
  v.qty * COALESCE(cp.amount_minor, lp.amount_minor),
  ROUND(v.qty * COALESCE(cp.amount_minor, lp.amount_minor) * tr.rate_bp / 10000),
  v.qty * COALESCE(cp.amount_minor, lp.amount_minor)
    + ROUND(v.qty * COALESCE(cp.amount_minor, lp.amount_minor) * tr.rate_bp / 10000)
FROM (SELECT 26 o, 1 no, 'FS-1' sku, 4 qty
  UNION ALL SELECT 27 o, 1 no, 'BAT-VS5' sku, 1 qty
  UNION ALL SELECT 27 o, 2 no, 'LS-1' sku, 2 qty
  UNION ALL SELECT 27 o, 3 no, 'PX-200' sku, 10 qty
  UNION ALL SELECT 27 o, 4 no, 'VS-5' sku, 1 qty
  UNION ALL SELECT 28 o, 1 no, 'CB-ETH-15' sku, 2 qty
  UNION ALL SELECT 28 o, 2 no, 'OS-1' sku, 2 qty
  UNION ALL SELECT 28 o, 3 no, 'CG-M20' sku, 10 qty
  UNION ALL SELECT 28 o, 4 no, 'CB-M12-2' sku, 3 qty
  UNION ALL SELECT 29 o, 1 no, 'AN-LTE' sku, 1 qty
  UNION ALL SELECT 30 o, 1 no, 'SEAL-VS3' sku, 1 qty
  UNION ALL SELECT 30 o, 2 no, 'PS-10' sku, 10 qty
  UNION ALL SELECT 30 o, 3 no, 'CB-ETH-5' sku, 5 qty
  UNION ALL SELECT 31 o, 1 no, 'VS-5' sku, 3 qty
  UNION ALL SELECT 31 o, 2 no, 'CG-M20' sku, 4 qty
  UNION ALL SELECT 31 o, 3 no, 'SD-32' sku, 10 qty
  UNION ALL SELECT 31 o, 4 no, 'TS-1-250' sku, 10 qty
  UNION ALL SELECT 32 o, 1 no, 'SPLIT-4' sku, 4 qty
  UNION ALL SELECT 32 o, 2 no, 'SIM-EU' sku, 10 qty
  UNION ALL SELECT 32 o, 3 no, 'MOD-IO8' sku, 1 qty
  UNION ALL SELECT 33 o, 1 no, 'FILTER-10' sku, 5 qty
  UNION ALL SELECT 34 o, 1 no, 'SIM-EU' sku, 10 qty
  UNION ALL SELECT 34 o, 2 no, 'FS-1' sku, 1 qty
  UNION ALL SELECT 35 o, 1 no, 'TOOL-KIT' sku, 4 qty
  UNION ALL SELECT 35 o, 2 no, 'CB-M12-2' sku, 10 qty
  UNION ALL SELECT 35 o, 3 no, 'CG-M20' sku, 5 qty
  UNION ALL SELECT 35 o, 4 no, 'CB-ETH-5' sku, 4 qty
  UNION ALL SELECT 36 o, 1 no, 'CB-M12-10' sku, 1 qty
  UNION ALL SELECT 36 o, 2 no, 'CB-M12-5' sku, 1 qty
  UNION ALL SELECT 37 o, 1 no, 'MB-MAG' sku, 3 qty
  UNION ALL SELECT 37 o, 2 no, 'HS-1' sku, 4 qty
  UNION ALL SELECT 37 o, 3 no, 'CB-M12-2' sku, 10 qty
  UNION ALL SELECT 37 o, 4 no, 'SD-32' sku, 10 qty
  UNION ALL SELECT 38 o, 1 no, 'CB-M12-10' sku, 2 qty
  UNION ALL SELECT 39 o, 1 no, 'VS-3-S' sku, 1 qty
  UNION ALL SELECT 39 o, 2 no, 'CB-M12-5' sku, 1 qty
  UNION ALL SELECT 39 o, 3 no, 'SD-32' sku, 5 qty
  UNION ALL SELECT 39 o, 4 no, 'MB-MAG' sku, 10 qty
  UNION ALL SELECT 40 o, 1 no, 'HS-1' sku, 2 qty
  UNION ALL SELECT 41 o, 1 no, 'CB-ETH-15' sku, 5 qty
  UNION ALL SELECT 42 o, 1 no, 'MOD-IO8' sku, 1 qty
  UNION ALL SELECT 42 o, 2 no, 'CB-M12-10' sku, 3 qty
  UNION ALL SELECT 43 o, 1 no, 'ENC-IP65' sku, 1 qty
  UNION ALL SELECT 43 o, 2 no, 'PX-200' sku, 3 qty
  UNION ALL SELECT 44 o, 1 no, 'CB-ETH-15' sku, 3 qty
  UNION ALL SELECT 44 o, 2 no, 'CB-ETH-5' sku, 3 qty
  UNION ALL SELECT 44 o, 3 no, 'BAT-VS5' sku, 4 qty
  UNION ALL SELECT 44 o, 4 no, 'TS-1-250' sku, 4 qty
  UNION ALL SELECT 45 o, 1 no, 'VS-3-S' sku, 1 qty
  UNION ALL SELECT 45 o, 2 no, 'CG-M20' sku, 1 qty
  UNION ALL SELECT 46 o, 1 no, 'TS-2' sku, 5 qty
  UNION ALL SELECT 47 o, 1 no, 'DIN-RAIL' sku, 10 qty
  UNION ALL SELECT 47 o, 2 no, 'TOOL-KIT' sku, 1 qty
  UNION ALL SELECT 47 o, 3 no, 'SPLIT-4' sku, 3 qty
  UNION ALL SELECT 48 o, 1 no, 'CS-200' sku, 3 qty
  UNION ALL SELECT 48 o, 2 no, 'CB-ETH-15' sku, 1 qty
  UNION ALL SELECT 48 o, 3 no, 'FILTER-10' sku, 4 qty
  UNION ALL SELECT 48 o, 4 no, 'SIM-EU' sku, 10 qty
  UNION ALL SELECT 49 o, 1 no, 'AN-LTE' sku, 1 qty
  UNION ALL SELECT 49 o, 2 no, 'SPLIT-4' sku, 2 qty
  UNION ALL SELECT 49 o, 3 no, 'TOOL-KIT' sku, 10 qty
  UNION ALL SELECT 49 o, 4 no, 'CS-200' sku, 1 qty
  UNION ALL SELECT 50 o, 1 no, 'CB-M12-5' sku, 4 qty
) v JOIN orders o ON o.id = v.o JOIN products p ON p.sku = v.sku
LEFT JOIN product_texts t ON t.product_id = p.id AND t.lang = (SELECT COALESCE(u.language, 'en') FROM users u WHERE u.id = o.buyer_id)
LEFT JOIN product_texts e ON e.product_id = p.id AND e.lang = 'en'
LEFT JOIN contract_prices cp ON cp.org_id = o.org_id AND cp.product_id = p.id AND cp.currency = o.currency
LEFT JOIN product_prices lp ON lp.product_id = p.id AND lp.currency = o.currency
JOIN tax_rates tr ON tr.country = o.ship_country AND tr.tax_class = p.tax_class;

UPDATE orders o JOIN (SELECT order_id, SUM(net_minor) n, SUM(tax_minor) x, SUM(gross_minor) g
  FROM order_lines WHERE order_id BETWEEN 26 AND 50 GROUP BY order_id) s ON s.order_id = o.id
SET o.net_minor = s.n, o.tax_minor = s.x, o.gross_minor = s.g;

INSERT INTO shipments (id, order_id, no, carrier, tracking_number, tracking_url, shipped_at,
  delivered_at, created_by, created_at) VALUES
  (21, 38, 1, 'DHL Express', '6406638629', 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=6406638629', '2026-11-17 14:12:00', NULL, 2, '2026-11-17 14:12:00'),
  (22, 39, 1, 'UPS', '4936254645', 'https://www.ups.com/track?tracknum=4936254645', '2026-11-17 14:23:00', NULL, 2, '2026-11-17 14:23:00'),
  (23, 40, 1, 'DHL Express', '9402531820', 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=9402531820', '2026-11-18 12:58:00', NULL, 2, '2026-11-18 12:58:00'),
  (24, 41, 1, 'UPS', '5026590100', 'https://www.ups.com/track?tracknum=5026590100', '2026-11-20 07:39:00', NULL, 2, '2026-11-20 07:39:00'),
  (25, 42, 1, 'DHL Express', '7064661963', 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=7064661963', '2026-11-20 20:00:00', NULL, 2, '2026-11-20 20:00:00'),
  (26, 43, 1, 'UPS', '8070686314', 'https://www.ups.com/track?tracknum=8070686314', '2026-11-21 02:21:00', NULL, 2, '2026-11-21 02:21:00'),
  (27, 44, 1, 'DPD', '3231723970', '', '2026-11-22 21:02:00', '2026-11-23 04:02:00', 2, '2026-11-22 21:02:00'),
  (28, 45, 1, 'DPD', '4603392971', '', '2026-11-23 20:59:00', '2026-11-24 00:59:00', 2, '2026-11-23 20:59:00'),
  (29, 46, 1, 'DPD', '1591510462', '', '2026-11-24 16:00:00', '2026-11-25 20:00:00', 2, '2026-11-24 16:00:00'),
  (30, 47, 1, 'DHL Express', '6426449327', 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=6426449327', '2026-11-25 06:54:00', '2026-11-25 20:54:00', 2, '2026-11-25 06:54:00'),
  (31, 48, 1, 'DHL Express', '4641573690', 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=4641573690', '2026-11-27 13:48:00', '2026-11-28 00:48:00', 2, '2026-11-27 13:48:00');

INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity) VALUES
  (21, 38, 1, 1),
  (22, 39, 1, 1),
  (22, 39, 2, 1),
  (23, 40, 1, 1),
  (24, 41, 1, 5),
  (25, 42, 1, 1),
  (25, 42, 2, 3),
  (26, 43, 1, 1),
  (26, 43, 2, 3),
  (27, 44, 1, 3),
  (27, 44, 2, 3),
  (27, 44, 3, 4),
  (27, 44, 4, 4),
  (28, 45, 1, 1),
  (28, 45, 2, 1),
  (29, 46, 1, 5),
  (30, 47, 1, 10),
  (30, 47, 2, 1),
  (30, 47, 3, 3),
  (31, 48, 1, 3),
  (31, 48, 2, 1),
  (31, 48, 3, 4),
  (31, 48, 4, 10);

INSERT INTO order_events (order_id, at, user_id, status, comment, shipment_id, shipment_action) VALUES
  (26, '2026-11-03 09:50:00', 6, 'submitted', '', NULL, NULL),
  (27, '2026-11-04 16:56:00', 15, 'submitted', '', NULL, NULL),
  (28, '2026-11-05 09:22:00', 9, 'submitted', '', NULL, NULL),
  (29, '2026-11-06 17:10:00', 22, 'awaiting_approval', '', NULL, NULL),
  (30, '2026-11-07 16:48:00', 26, 'awaiting_approval', '', NULL, NULL),
  (31, '2026-11-08 13:59:00', 14, 'awaiting_approval', '', NULL, NULL),
  (31, '2026-11-09 19:59:00', 7, 'approved', '', NULL, NULL),
  (32, '2026-11-09 15:55:00', 8, 'awaiting_approval', '', NULL, NULL),
  (32, '2026-11-10 12:55:00', 17, 'approved', '', NULL, NULL),
  (33, '2026-11-10 11:22:00', 13, 'awaiting_approval', '', NULL, NULL),
  (33, '2026-11-10 17:22:00', 7, 'rejected', 'Not in this quarter’s budget, please order again in January.', NULL, NULL),
  (34, '2026-11-11 15:00:00', 21, 'awaiting_approval', '', NULL, NULL),
  (34, '2026-11-12 14:00:00', 23, 'rejected', 'Not in this quarter’s budget, please order again in January.', NULL, NULL),
  (35, '2026-11-12 16:13:00', 27, 'submitted', '', NULL, NULL),
  (35, '2026-11-13 17:13:00', 2, 'confirmed', '', NULL, NULL),
  (36, '2026-11-13 14:57:00', 9, 'submitted', '', NULL, NULL),
  (36, '2026-11-13 21:57:00', 2, 'confirmed', '', NULL, NULL),
  (37, '2026-11-14 16:21:00', 14, 'submitted', '', NULL, NULL),
  (37, '2026-11-15 10:21:00', 2, 'confirmed', '', NULL, NULL),
  (38, '2026-11-15 17:12:00', 8, 'submitted', '', NULL, NULL),
  (38, '2026-11-16 10:12:00', 2, 'confirmed', '', NULL, NULL),
  (38, '2026-11-17 14:12:00', 2, 'partly_shipped', '', 21, 'shipped'),
  (39, '2026-11-16 15:23:00', 22, 'submitted', '', NULL, NULL),
  (39, '2026-11-17 07:23:00', 2, 'confirmed', '', NULL, NULL),
  (39, '2026-11-17 14:23:00', 2, 'partly_shipped', '', 22, 'shipped'),
  (40, '2026-11-17 08:58:00', 14, 'submitted', '', NULL, NULL),
  (40, '2026-11-17 14:58:00', 2, 'confirmed', '', NULL, NULL),
  (40, '2026-11-18 12:58:00', 2, 'partly_shipped', '', 23, 'shipped'),
  (41, '2026-11-18 13:39:00', 27, 'submitted', '', NULL, NULL),
  (41, '2026-11-19 10:39:00', 2, 'confirmed', '', NULL, NULL),
  (41, '2026-11-20 07:39:00', 2, 'shipped', '', 24, 'shipped'),
  (42, '2026-11-19 12:00:00', 15, 'submitted', '', NULL, NULL),
  (42, '2026-11-20 12:00:00', 2, 'confirmed', '', NULL, NULL),
  (42, '2026-11-20 20:00:00', 2, 'shipped', '', 25, 'shipped'),
  (43, '2026-11-20 17:21:00', 14, 'submitted', '', NULL, NULL),
  (43, '2026-11-20 22:21:00', 2, 'confirmed', '', NULL, NULL),
  (43, '2026-11-21 02:21:00', 2, 'shipped', '', 26, 'shipped'),
  (44, '2026-11-21 09:02:00', 9, 'submitted', '', NULL, NULL),
  (44, '2026-11-22 13:02:00', 2, 'confirmed', '', NULL, NULL),
  (44, '2026-11-22 21:02:00', 2, 'shipped', '', 27, 'shipped'),
  (44, '2026-11-23 04:02:00', 2, 'delivered', '', 27, 'delivered'),
  (45, '2026-11-22 13:59:00', 13, 'submitted', '', NULL, NULL),
  (45, '2026-11-23 12:59:00', 2, 'confirmed', '', NULL, NULL),
  (45, '2026-11-23 20:59:00', 2, 'shipped', '', 28, 'shipped'),
  (45, '2026-11-24 00:59:00', 2, 'delivered', '', 28, 'delivered'),
  (46, '2026-11-23 12:00:00', 21, 'submitted', '', NULL, NULL),
  (46, '2026-11-24 07:00:00', 2, 'confirmed', '', NULL, NULL),
  (46, '2026-11-24 16:00:00', 2, 'shipped', '', 29, 'shipped'),
  (46, '2026-11-25 20:00:00', 2, 'delivered', '', 29, 'delivered'),
  (47, '2026-11-24 10:54:00', 8, 'submitted', '', NULL, NULL),
  (47, '2026-11-24 22:54:00', 2, 'confirmed', '', NULL, NULL),
  (47, '2026-11-25 06:54:00', 2, 'shipped', '', 30, 'shipped'),
  (47, '2026-11-25 20:54:00', 2, 'delivered', '', 30, 'delivered'),
  (48, '2026-11-25 14:48:00', 26, 'submitted', '', NULL, NULL),
  (48, '2026-11-26 09:48:00', 2, 'confirmed', '', NULL, NULL),
  (48, '2026-11-27 13:48:00', 2, 'shipped', '', 31, 'shipped'),
  (48, '2026-11-28 00:48:00', 2, 'delivered', '', 31, 'delivered'),
  (49, '2026-11-26 08:35:00', 14, 'submitted', '', NULL, NULL),
  (49, '2026-11-26 22:35:00', 2, 'cancelled', 'The customer ordered the wrong model; a new order follows.', NULL, NULL),
  (50, '2026-11-27 16:43:00', 8, 'submitted', '', NULL, NULL),
  (50, '2026-11-28 19:43:00', 2, 'cancelled', 'The customer ordered the wrong model; a new order follows.', NULL, NULL);

UPDATE order_counters SET last_no = GREATEST(last_no, 50) WHERE year = 2026;

-- An invoice per shipment, issued by the desk two hours after it left, in
-- the order of their dates after the earlier parts' INV-2026-000001 to 9;
-- half of the delivered ones are paid.  The seller is the provider as
-- its organisation reads now, the buyer the organisation's billing
-- address (its delivery address when it has none).
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 20, 'INV-2026-000010', 'invoice', 2026, 10, o.org_id, o.id, 21, o.currency, 0, 0, 0, DATE('2026-11-17 16:12:00'),
  g.payment_terms_days, DATE('2026-11-17 16:12:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-17 16:12:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 38;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 21, 'INV-2026-000011', 'invoice', 2026, 11, o.org_id, o.id, 22, o.currency, 0, 0, 0, DATE('2026-11-17 16:23:00'),
  g.payment_terms_days, DATE('2026-11-17 16:23:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-17 16:23:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 39;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 22, 'INV-2026-000012', 'invoice', 2026, 12, o.org_id, o.id, 23, o.currency, 0, 0, 0, DATE('2026-11-18 14:58:00'),
  g.payment_terms_days, DATE('2026-11-18 14:58:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-18 14:58:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 40;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 23, 'INV-2026-000013', 'invoice', 2026, 13, o.org_id, o.id, 24, o.currency, 0, 0, 0, DATE('2026-11-20 09:39:00'),
  g.payment_terms_days, DATE('2026-11-20 09:39:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-20 09:39:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 41;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 24, 'INV-2026-000014', 'invoice', 2026, 14, o.org_id, o.id, 25, o.currency, 0, 0, 0, DATE('2026-11-20 22:00:00'),
  g.payment_terms_days, DATE('2026-11-20 22:00:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-20 22:00:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 42;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 25, 'INV-2026-000015', 'invoice', 2026, 15, o.org_id, o.id, 26, o.currency, 0, 0, 0, DATE('2026-11-21 04:21:00'),
  g.payment_terms_days, DATE('2026-11-21 04:21:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-21 04:21:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 43;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 26, 'INV-2026-000016', 'invoice', 2026, 16, o.org_id, o.id, 27, o.currency, 0, 0, 0, DATE('2026-11-22 23:02:00'),
  g.payment_terms_days, DATE('2026-11-22 23:02:00') + INTERVAL g.payment_terms_days DAY, 'paid', '2026-12-01 23:02:00', 2, '2026-11-22 23:02:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 44;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 27, 'INV-2026-000017', 'invoice', 2026, 17, o.org_id, o.id, 28, o.currency, 0, 0, 0, DATE('2026-11-23 22:59:00'),
  g.payment_terms_days, DATE('2026-11-23 22:59:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-23 22:59:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 45;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 28, 'INV-2026-000018', 'invoice', 2026, 18, o.org_id, o.id, 29, o.currency, 0, 0, 0, DATE('2026-11-24 18:00:00'),
  g.payment_terms_days, DATE('2026-11-24 18:00:00') + INTERVAL g.payment_terms_days DAY, 'paid', '2026-12-03 18:00:00', 2, '2026-11-24 18:00:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 46;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 29, 'INV-2026-000019', 'invoice', 2026, 19, o.org_id, o.id, 30, o.currency, 0, 0, 0, DATE('2026-11-25 08:54:00'),
  g.payment_terms_days, DATE('2026-11-25 08:54:00') + INTERVAL g.payment_terms_days DAY, 'open', NULL, NULL, '2026-11-25 08:54:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 47;
INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, currency,
  net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status, paid_at, paid_by,
  issued_at, issued_by, po_number, seller_name, seller_street, seller_street2, seller_postal_code,
  seller_city, seller_country, seller_vat_id, buyer_name, buyer_street, buyer_street2,
  buyer_postal_code, buyer_city, buyer_country, buyer_vat_id)
SELECT 30, 'INV-2026-000020', 'invoice', 2026, 20, o.org_id, o.id, 31, o.currency, 0, 0, 0, DATE('2026-11-27 15:48:00'),
  g.payment_terms_days, DATE('2026-11-27 15:48:00') + INTERVAL g.payment_terms_days DAY, 'paid', '2026-12-06 15:48:00', 2, '2026-11-27 15:48:00', 2, o.po_number,
  s.name, s.billing_street, '', s.billing_postal_code, s.billing_city, s.billing_country, s.vat_id, g.name,
  IF(g.billing_street = '', o.ship_street, g.billing_street), IF(g.billing_street = '', o.ship_street2, ''),
  IF(g.billing_street = '', o.ship_postal_code, g.billing_postal_code),
  IF(g.billing_street = '', o.ship_city, g.billing_city), IF(g.billing_street = '', o.ship_country, g.billing_country),
  g.vat_id
FROM orders o JOIN orgs g ON g.id = o.org_id JOIN orgs s ON s.id = 1 WHERE o.id = 48;

INSERT INTO invoice_lines (invoice_id, line_no, order_line_no, sku, name, unit, quantity,
  unit_price_minor, tax_rate_bp, net_minor, tax_minor, gross_minor)
SELECT i.id, ROW_NUMBER() OVER (PARTITION BY i.id ORDER BY l.line_no), l.line_no, l.sku, l.name, l.unit,
  sl.quantity, l.unit_price_minor, l.tax_rate_bp, sl.quantity * l.unit_price_minor,
  ROUND(sl.quantity * l.unit_price_minor * l.tax_rate_bp / 10000),
  sl.quantity * l.unit_price_minor + ROUND(sl.quantity * l.unit_price_minor * l.tax_rate_bp / 10000)
FROM invoices i JOIN shipment_lines sl ON sl.shipment_id = i.shipment_id
JOIN order_lines l ON l.order_id = sl.order_id AND l.line_no = sl.line_no
WHERE i.id BETWEEN 20 AND 30;

UPDATE invoices i JOIN (SELECT invoice_id, SUM(net_minor) n, SUM(tax_minor) x, SUM(gross_minor) g
  FROM invoice_lines WHERE invoice_id BETWEEN 20 AND 30 GROUP BY invoice_id) s ON s.invoice_id = i.id
SET i.net_minor = s.n, i.tax_minor = s.x, i.gross_minor = s.g;

UPDATE invoice_counters SET last_no = GREATEST(last_no, 20) WHERE kind = 'invoice' AND year = 2026;
