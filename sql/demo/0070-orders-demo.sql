-- Orders demo data (issue 13), part 2: delivery addresses of the demo
-- organisations, the training products taxed at the reduced rate (to show
-- two rates on one order), and nine orders in the states the customers'
-- side knows: Acme Industrial's (confirmed, cancelled, rejected, approved,
-- submitted, one awaiting Olivia's approval, and one whose PX-100 is no
-- longer sold and whose Ethernet cable costs more now, for "order again"),
-- one of Bergmann's in German and one of Northwind's.  Carl is a
-- customer_user as well as a buyer, so his limit is Acme's (5 000.00 GBP
-- per order): the orders that went to Olivia are above it.  Amounts are the
-- sums of their lines, tax rounded per line as cgi-bin-src/lib/money.c
-- does.  Ids and numbers are explicit (order_counters follows them).

INSERT INTO org_addresses (id, org_id, label, recipient, street, street2, postal_code, city, country) VALUES
  (1, 2, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB'),
  (2, 2, 'Sheffield plant', 'Acme Industrial Ltd, Maintenance', 'Unit 7, Meadowhall Way', 'Tinsley', 'S9 1EP', 'Sheffield', 'GB'),
  (3, 2, 'Dublin office', 'Acme Industrial Ireland', '4 Grand Canal Quay', '', 'D02 X576', 'Dublin', 'IE'),
  (4, 3, 'Werk Esslingen', 'Bergmann Maschinenbau AG, Wareneingang', 'Fabrikstraße 12', '', '73728', 'Esslingen am Neckar', 'DE'),
  (5, 3, 'Lager Wien', 'Bergmann Maschinenbau AG, Niederlassung Wien', 'Industriestraße 3', '', '1110', 'Wien', 'AT'),
  (6, 4, 'Rotterdam warehouse', 'Northwind Distribution B.V.', 'Waalhaven Oostzijde 80', '', '3087 BM', 'Rotterdam', 'NL'),
  (7, 5, 'Felixstowe depot', 'Harbourside Logistics Ltd', 'Dock Road', '', 'IP11 3SW', 'Felixstowe', 'GB'),
  (8, 6, 'Factory', 'Clearwater Foods B.V.', 'Industrieweg 21', '', '5531 AD', 'Bladel', 'NL');

UPDATE products SET tax_class = 'reduced' WHERE id IN (78, 79, 80);

INSERT INTO orders (id, number, year, seq, org_id, buyer_id, status, currency, net_minor,
  tax_minor, gross_minor, po_number, cost_centre, requested_date, note, address_id, ship_label,
  ship_recipient, ship_street, ship_street2, ship_postal_code, ship_city, ship_country,
  budget_reason, counted_at, decided_by, decided_at, decision_comment, created_at, updated_at) VALUES
  (1, 'O-2026-000001', 2026, 1, 2, 6, 'confirmed', 'GBP', 72840, 14568, 87408, 'PO-ACME-1041', 'MAINT-LEEDS', '2026-10-16', 'Deliver to goods-in before noon, please.', 1, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', NULL, '2026-10-06 09:12:31', NULL, NULL, '', '2026-10-06 09:12:31', '2026-10-06 14:40:02'),
  (2, 'O-2026-000002', 2026, 2, 2, 5, 'confirmed', 'GBP', 105460, 21092, 126552, 'PO-ACME-1033', 'IT-OPS', NULL, '', 1, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', NULL, '2026-10-02 11:03:10', NULL, NULL, '', '2026-10-02 11:03:10', '2026-10-02 16:21:44'),
  (3, 'O-2026-000003', 2026, 3, 2, 6, 'cancelled', 'GBP', 9910, 1982, 11892, 'PO-ACME-1052', 'MAINT-LEEDS', NULL, '', 1, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', NULL, '2026-10-14 08:45:00', NULL, NULL, '', '2026-10-14 08:45:00', '2026-10-14 09:02:17'),
  (4, 'O-2026-000004', 2026, 4, 2, 6, 'rejected', 'GBP', 563800, 112760, 676560, 'PO-ACME-1060', 'MAINT-SHEF', '2026-11-02', '', 2, 'Sheffield plant', 'Acme Industrial Ltd, Maintenance', 'Unit 7, Meadowhall Way', 'Tinsley', 'S9 1EP', 'Sheffield', 'GB', 'order', NULL, 7, '2026-10-21 08:30:40', 'Please order the PX-200 instead: five PX-400 are not budgeted this quarter.', '2026-10-20 10:15:09', '2026-10-21 08:30:40'),
  (5, 'O-2026-000005', 2026, 5, 2, 6, 'approved', 'GBP', 568380, 113676, 682056, 'PO-ACME-1071', 'MAINT-SHEF', '2026-11-20', 'Six gateways and their installation on the Sheffield line 2.', 2, 'Sheffield plant', 'Acme Industrial Ltd, Maintenance', 'Unit 7, Meadowhall Way', 'Tinsley', 'S9 1EP', 'Sheffield', 'GB', 'order', '2026-11-03 15:02:11', 7, '2026-11-03 15:02:11', 'OK for the Sheffield line.', '2026-11-03 13:20:55', '2026-11-03 15:02:11'),
  (6, 'O-2026-000006', 2026, 6, 2, 6, 'submitted', 'GBP', 85190, 9427, 94617, 'PO-ACME-1088', 'QA', NULL, '', 1, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', NULL, '2026-11-18 09:40:30', NULL, NULL, '', '2026-11-18 09:40:30', '2026-11-18 09:40:30'),
  (7, 'O-2026-000007', 2026, 7, 3, 17, 'submitted', 'EUR', 224800, 42712, 267512, 'BM-4500012877', 'KST 4711', '2026-12-10', 'Bitte an Tor 3 anliefern.', 4, 'Werk Esslingen', 'Bergmann Maschinenbau AG, Wareneingang', 'Fabrikstraße 12', '', '73728', 'Esslingen am Neckar', 'DE', NULL, '2026-11-25 07:55:12', NULL, NULL, '', '2026-11-25 07:55:12', '2026-11-25 07:55:12'),
  (8, 'O-2026-000008', 2026, 8, 4, 9, 'confirmed', 'EUR', 108500, 22785, 131285, 'NW-PO-2290', '', NULL, '', 6, 'Rotterdam warehouse', 'Northwind Distribution B.V.', 'Waalhaven Oostzijde 80', '', '3087 BM', 'Rotterdam', 'NL', NULL, '2026-11-10 12:00:00', NULL, NULL, '', '2026-11-10 12:00:00', '2026-11-10 15:30:00'),
  (9, 'O-2026-000009', 2026, 9, 2, 6, 'awaiting_approval', 'GBP', 527670, 105534, 633204, 'PO-ACME-1094', 'IT-OPS', NULL, 'Thirteen gateways of the Leeds line.', 1, 'Head office', 'Acme Industrial Ltd, Goods-in', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'order', NULL, NULL, NULL, '', '2026-11-27 16:05:48', '2026-11-27 16:05:48');

INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity,
  unit_price_minor, contract_price, tax_class, tax_rate_bp, net_minor, tax_minor, gross_minor) VALUES
  (1, 1, 11, 'VS-3-M', 'VS-3 vibration sensor, magnet mount', 'piece', 4, 16860, 1, 'standard', 2000, 67440, 13488, 80928),
  (1, 2, 30, 'CB-M12-5', 'M12 sensor cable, 5 m', 'piece', 4, 1350, 1, 'standard', 2000, 5400, 1080, 6480),
  (2, 1, 6, 'PX-100', 'PX-100 gateway (discontinued)', 'piece', 2, 50740, 0, 'standard', 2000, 101480, 20296, 121776),
  (2, 2, 33, 'CB-ETH-5', 'Industrial Ethernet cable, 5 m', 'piece', 2, 1990, 0, 'standard', 2000, 3980, 796, 4776),
  (3, 1, 39, 'PSU-24', '24 V DIN-rail power supply, 2.5 A', 'piece', 2, 4570, 1, 'standard', 2000, 9140, 1828, 10968),
  (3, 2, 50, 'FUSE-PX', 'Fuses for PX gateways, pack of 10', 'pack', 1, 770, 0, 'standard', 2000, 770, 154, 924),
  (4, 1, 4, 'PX-400', 'PX-400 edge gateway with 16 channels', 'piece', 5, 112760, 1, 'standard', 2000, 563800, 112760, 676560),
  (5, 1, 1, 'PX-200', 'PX-200 edge gateway', 'piece', 6, 65060, 1, 'standard', 2000, 390360, 78072, 468432),
  (5, 2, 71, 'FS-INSTALL', 'Installation of a gateway', 'piece', 3, 59340, 0, 'standard', 2000, 178020, 35604, 213624),
  (6, 1, 15, 'TS-1-100', 'TS-1 temperature sensor, -40 to 100 °C', 'piece', 5, 6890, 1, 'standard', 2000, 34450, 6890, 41340),
  (6, 2, 78, 'TR-BASIC', 'Training: condition monitoring basics', 'day', 1, 50740, 0, 'reduced', 500, 50740, 2537, 53277),
  (7, 1, 2, 'PX-200-EU', 'PX-200 Edge-Gateway, EU-Netzkabel', 'piece', 2, 92500, 0, 'standard', 1900, 185000, 35150, 220150),
  (7, 2, 53, 'MOD-LTE', 'LTE-Modemmodul für PX-200', 'piece', 2, 19900, 0, 'standard', 1900, 39800, 7562, 47362),
  (8, 1, 9, 'PX-DEMO', 'Partner demo kit', 'set', 1, 99000, 0, 'standard', 2100, 99000, 20790, 119790),
  (8, 2, 51, 'SIM-EU', 'Data SIM card, Europe', 'piece', 5, 1900, 0, 'standard', 2100, 9500, 1995, 11495),
  (9, 1, 63, 'SW-AN-PRO-Y', 'Analytics Pro, per gateway, yearly', 'year', 13, 40590, 1, 'standard', 2000, 527670, 105534, 633204);

INSERT INTO order_events (order_id, at, user_id, status, comment) VALUES
  (1, '2026-10-06 09:12:31', 6, 'submitted', ''),
  (1, '2026-10-06 14:40:02', 3, 'confirmed', ''),
  (2, '2026-10-02 11:03:10', 5, 'submitted', ''),
  (2, '2026-10-02 16:21:44', 3, 'confirmed', ''),
  (3, '2026-10-14 08:45:00', 6, 'submitted', ''),
  (3, '2026-10-14 09:02:17', 6, 'cancelled', 'Ordered twice; see PO-ACME-1053.'),
  (4, '2026-10-20 10:15:09', 6, 'submitted', ''),
  (4, '2026-10-20 10:15:09', NULL, 'awaiting_approval', ''),
  (4, '2026-10-21 08:30:40', 7, 'rejected', 'Please order the PX-200 instead: five PX-400 are not budgeted this quarter.'),
  (5, '2026-11-03 13:20:55', 6, 'submitted', ''),
  (5, '2026-11-03 13:20:55', NULL, 'awaiting_approval', ''),
  (5, '2026-11-03 15:02:11', 7, 'approved', 'OK for the Sheffield line.'),
  (6, '2026-11-18 09:40:30', 6, 'submitted', ''),
  (7, '2026-11-25 07:55:12', 17, 'submitted', ''),
  (8, '2026-11-10 12:00:00', 9, 'submitted', ''),
  (8, '2026-11-10 15:30:00', 3, 'confirmed', ''),
  (9, '2026-11-27 16:05:48', 6, 'submitted', ''),
  (9, '2026-11-27 16:05:48', NULL, 'awaiting_approval', '');

INSERT INTO order_counters (year, last_no) VALUES (2026, 9);
