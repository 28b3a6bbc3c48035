-- Orders demo data (issue 13), part 3: orders that have left, with their
-- shipments.  Acme Industrial's O-2026-000021 came in two shipments, both
-- delivered; O-2026-000022 is shipped and on its way (a tracking link);
-- O-2026-000023 is partly shipped (four of six sensors and all the
-- cables have left).  Northwind's O-2026-000024 and Bergmann's
-- O-2026-000025 are delivered.  Max Manager works the order desk.  Amounts
-- are the sums of their lines, tax rounded per line; ids and numbers are
-- explicit, and order_counters follows them.

INSERT INTO orders (id, number, year, seq, org_id, buyer_id, status, currency, net_minor,
  tax_minor, gross_minor, po_number, cost_centre, requested_date, note, address_id, ship_label,
  ship_recipient, ship_street, ship_street2, ship_postal_code, ship_city, ship_country,
  budget_reason, counted_at, decided_by, decided_at, decision_comment, created_at, updated_at) VALUES
  (21, 'O-2026-000021', 2026, 21, 2, 6, 'delivered', 'GBP', 138720, 27744, 166464, 'PO-ACME-1012', 'IT-OPS', NULL, '', 1, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', NULL, '2026-09-14 10:20:00', NULL, NULL, '', '2026-09-14 10:20:00', '2026-09-24 11:00:00'),
  (22, 'O-2026-000022', 2026, 22, 2, 5, 'shipped', 'GBP', 68900, 13780, 82680, 'PO-ACME-1079', 'QA', NULL, '', 2, 'Sheffield plant', 'Acme Industrial Ltd, Maintenance', 'Unit 7, Meadowhall Way', 'Tinsley', 'S9 1EP', 'Sheffield', 'GB', NULL, '2026-11-23 08:10:00', NULL, NULL, '', '2026-11-23 08:10:00', '2026-12-01 15:45:00'),
  (23, 'O-2026-000023', 2026, 23, 2, 6, 'partly_shipped', 'GBP', 109260, 21852, 131112, 'PO-ACME-1085', 'MAINT-LEEDS', '2026-12-04', 'Sensors for line 3.', 1, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', NULL, '2026-11-16 13:30:00', NULL, NULL, '', '2026-11-16 13:30:00', '2026-11-26 09:15:00'),
  (24, 'O-2026-000024', 2026, 24, 4, 9, 'delivered', 'EUR', 118000, 24780, 142780, 'NW-PO-2251', '', NULL, '', 6, 'Rotterdam warehouse', 'Northwind Distribution B.V.', 'Waalhaven Oostzijde 80', '', '3087 BM', 'Rotterdam', 'NL', NULL, '2026-10-05 09:00:00', NULL, NULL, '', '2026-10-05 09:00:00', '2026-10-12 12:00:00'),
  (25, 'O-2026-000025', 2026, 25, 3, 17, 'delivered', 'EUR', 92500, 17575, 110075, 'BM-4500012702', 'KST 4711', NULL, '', 4, 'Werk Esslingen', 'Bergmann Maschinenbau AG, Wareneingang', 'Fabrikstraße 12', '', '73728', 'Esslingen am Neckar', 'DE', NULL, '2026-10-19 07:40:00', NULL, NULL, '', '2026-10-19 07:40:00', '2026-10-27 12:00:00');

INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity,
  unit_price_minor, contract_price, tax_class, tax_rate_bp, net_minor, tax_minor, gross_minor) VALUES
  (21, 1, 1, 'PX-200', 'PX-200 edge gateway', 'piece', 2, 65060, 1, 'standard', 2000, 130120, 26024, 156144),
  (21, 2, 33, 'CB-ETH-5', 'Industrial Ethernet cable, 5 m', 'piece', 4, 2150, 0, 'standard', 2000, 8600, 1720, 10320),
  (22, 1, 15, 'TS-1-100', 'TS-1 temperature sensor, -40 to 100 °C', 'piece', 10, 6890, 1, 'standard', 2000, 68900, 13780, 82680),
  (23, 1, 11, 'VS-3-M', 'VS-3 vibration sensor, magnet mount', 'piece', 6, 16860, 1, 'standard', 2000, 101160, 20232, 121392),
  (23, 2, 30, 'CB-M12-5', 'M12 sensor cable, 5 m', 'piece', 6, 1350, 1, 'standard', 2000, 8100, 1620, 9720),
  (24, 1, 9, 'PX-DEMO', 'Partner demo kit', 'set', 1, 99000, 0, 'standard', 2100, 99000, 20790, 119790),
  (24, 2, 51, 'SIM-EU', 'Data SIM card, Europe', 'piece', 10, 1900, 0, 'standard', 2100, 19000, 3990, 22990),
  (25, 1, 2, 'PX-200-EU', 'PX-200 Edge-Gateway, EU-Netzkabel', 'piece', 1, 92500, 0, 'standard', 1900, 92500, 17575, 110075);

INSERT INTO shipments (id, order_id, no, carrier, tracking_number, tracking_url, shipped_at,
  delivered_at, created_by, created_at) VALUES
  (1, 21, 1, 'DHL Express', '1234567890', 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=1234567890', '2026-09-16 14:00:00', '2026-09-17 12:00:00', 2, '2026-09-16 14:00:00'),
  (2, 21, 2, 'DHL Express', '1234567891', 'https://www.dhl.com/gb-en/home/tracking.html?tracking-id=1234567891', '2026-09-22 15:30:00', '2026-09-24 11:00:00', 2, '2026-09-22 15:30:00'),
  (3, 22, 1, 'DPD', '15501234567890', 'https://track.dpd.co.uk/parcels/15501234567890', '2026-12-01 15:45:00', NULL, 2, '2026-12-01 15:45:00'),
  (4, 23, 1, 'Royal Mail', 'RM123456785GB', '', '2026-11-26 09:15:00', NULL, NULL, '2026-11-26 09:15:00'),
  (5, 24, 1, 'PostNL', '3SABCD1234567', 'https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-3087BM', '2026-10-08 10:00:00', '2026-10-12 12:00:00', 2, '2026-10-08 10:00:00'),
  (6, 25, 1, 'DHL Paket', '00340434161094042557', 'https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode=00340434161094042557', '2026-10-23 16:00:00', '2026-10-27 12:00:00', 2, '2026-10-23 16:00:00');

INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity) VALUES
  (1, 21, 1, 2), (1, 21, 2, 2),
  (2, 21, 2, 2),
  (3, 22, 1, 10),
  (4, 23, 1, 4), (4, 23, 2, 6),
  (5, 24, 1, 1), (5, 24, 2, 10),
  (6, 25, 1, 1);

INSERT INTO order_events (order_id, at, user_id, status, comment, shipment_id, shipment_action) VALUES
  (21, '2026-09-14 10:20:00', 6, 'submitted', '', NULL, NULL),
  (21, '2026-09-14 15:02:00', 2, 'confirmed', '', NULL, NULL),
  (21, '2026-09-16 14:00:00', 2, 'partly_shipped', '', 1, 'shipped'),
  (21, '2026-09-17 12:00:00', 2, 'partly_shipped', '', 1, 'delivered'),
  (21, '2026-09-22 15:30:00', 2, 'shipped', '', 2, 'shipped'),
  (21, '2026-09-24 11:00:00', 2, 'delivered', '', 2, 'delivered'),
  (22, '2026-11-23 08:10:00', 5, 'submitted', '', NULL, NULL),
  (22, '2026-11-23 11:30:00', 2, 'confirmed', '', NULL, NULL),
  (22, '2026-12-01 15:45:00', 2, 'shipped', '', 3, 'shipped'),
  (23, '2026-11-16 13:30:00', 6, 'submitted', '', NULL, NULL),
  (23, '2026-11-17 09:00:00', 2, 'confirmed', '', NULL, NULL),
  (23, '2026-11-26 09:15:00', NULL, 'partly_shipped', '', 4, 'shipped'),
  (24, '2026-10-05 09:00:00', 9, 'submitted', '', NULL, NULL),
  (24, '2026-10-05 14:00:00', 2, 'confirmed', '', NULL, NULL),
  (24, '2026-10-08 10:00:00', 2, 'shipped', '', 5, 'shipped'),
  (24, '2026-10-12 12:00:00', 2, 'delivered', '', 5, 'delivered'),
  (25, '2026-10-19 07:40:00', 17, 'submitted', '', NULL, NULL),
  (25, '2026-10-19 13:20:00', 2, 'confirmed', '', NULL, NULL),
  (25, '2026-10-23 16:00:00', 2, 'shipped', '', 6, 'shipped'),
  (25, '2026-10-27 12:00:00', 2, 'delivered', '', 6, 'delivered');

UPDATE order_counters SET last_no = GREATEST(last_no, 25) WHERE year = 2026;
