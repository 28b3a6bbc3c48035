-- Invoices demo data (issue 13 section 5): the provider's address, which
-- every invoice names as the seller's, the billing addresses, VAT numbers
-- and payment terms of the demo organisations, and the invoices the order
-- desk issued, numbered in the order of their dates: per shipment for the
-- orders that left (sql/demo/0071), per order for Acme's confirmed
-- O-2026-000001 and O-2026-000002 and Northwind's O-2026-000008.  Acme's
-- INV-2026-000003 is open and overdue since 4 November and has a credit
-- note for one cable sent back; Bergmann pays in 45 days, Northwind in
-- 14 (and has no billing address of its own: it is billed at its
-- warehouse).  Amounts are the sums of their lines, tax rounded per line
-- as cgi-bin-src/lib/money.c does; the credit note's are negative.  Ids
-- and numbers are explicit (invoice_counters follows them).

UPDATE orgs SET billing_street = 'Hafenstraße 21', billing_postal_code = '20457',
  billing_city = 'Hamburg', billing_country = 'DE', vat_id = 'DE298765432'
WHERE id = 1;
UPDATE orgs SET billing_street = '12 Wellington Street', billing_postal_code = 'LS1 4DL',
  billing_city = 'Leeds', billing_country = 'GB', vat_id = 'GB123456789'
WHERE id = 2;
UPDATE orgs SET billing_street = 'Fabrikstraße 12', billing_postal_code = '73728',
  billing_city = 'Esslingen am Neckar', billing_country = 'DE', vat_id = 'DE811122233',
  payment_terms_days = 45
WHERE id = 3;
UPDATE orgs SET payment_terms_days = 14 WHERE id = 4;

INSERT INTO invoices (id, number, kind, year, seq, org_id, order_id, shipment_id, return_id,
  currency, net_minor, tax_minor, gross_minor, issue_date, payment_terms_days, due_date, status,
  paid_at, paid_by, issued_at, issued_by, po_number, seller_name, seller_street, seller_street2,
  seller_postal_code, seller_city, seller_country, seller_vat_id, buyer_name, buyer_street,
  buyer_street2, buyer_postal_code, buyer_city, buyer_country, buyer_vat_id) VALUES
  (1, 'INV-2026-000001', 'invoice', 2026, 1, 2, 21, 1, NULL, 'GBP', 134420, 26884, 161304,
   '2026-09-16', 30, '2026-10-16', 'paid', '2026-10-10 09:00:00', 2, '2026-09-16 14:30:00', 2, 'PO-ACME-1012',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Acme Industrial Ltd', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'GB123456789'),
  (2, 'INV-2026-000002', 'invoice', 2026, 2, 2, 21, 2, NULL, 'GBP', 4300, 860, 5160,
   '2026-09-22', 30, '2026-10-22', 'paid', '2026-10-10 09:00:00', 2, '2026-09-22 16:00:00', 2, 'PO-ACME-1012',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Acme Industrial Ltd', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'GB123456789'),
  (3, 'INV-2026-000003', 'invoice', 2026, 3, 2, 2, NULL, NULL, 'GBP', 105460, 21092, 126552,
   '2026-10-05', 30, '2026-11-04', 'open', NULL, NULL, '2026-10-05 09:30:00', 2, 'PO-ACME-1033',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Acme Industrial Ltd', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'GB123456789'),
  (4, 'INV-2026-000004', 'invoice', 2026, 4, 2, 1, NULL, NULL, 'GBP', 72840, 14568, 87408,
   '2026-10-07', 30, '2026-11-06', 'paid', '2026-10-30 10:00:00', 2, '2026-10-07 11:00:00', 2, 'PO-ACME-1041',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Acme Industrial Ltd', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'GB123456789'),
  (5, 'INV-2026-000005', 'invoice', 2026, 5, 4, 24, 5, NULL, 'EUR', 118000, 24780, 142780,
   '2026-10-08', 14, '2026-10-22', 'paid', '2026-10-20 08:30:00', 2, '2026-10-08 10:30:00', 2, 'NW-PO-2251',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Northwind Distribution B.V.', 'Waalhaven Oostzijde 80', '', '3087 BM', 'Rotterdam', 'NL', ''),
  (6, 'INV-2026-000006', 'invoice', 2026, 6, 3, 25, 6, NULL, 'EUR', 92500, 17575, 110075,
   '2026-10-23', 45, '2026-12-07', 'open', NULL, NULL, '2026-10-23 16:30:00', 2, 'BM-4500012702',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Bergmann Maschinenbau AG', 'Fabrikstraße 12', '', '73728', 'Esslingen am Neckar', 'DE', 'DE811122233'),
  (7, 'INV-2026-000007', 'invoice', 2026, 7, 2, 23, 4, NULL, 'GBP', 75540, 15108, 90648,
   '2026-11-26', 30, '2026-12-26', 'open', NULL, NULL, '2026-11-26 10:00:00', 2, 'PO-ACME-1085',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Acme Industrial Ltd', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'GB123456789'),
  (8, 'INV-2026-000008', 'invoice', 2026, 8, 4, 8, NULL, NULL, 'EUR', 108500, 22785, 131285,
   '2026-11-28', 14, '2026-12-12', 'open', NULL, NULL, '2026-11-28 08:15:00', 2, 'NW-PO-2290',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Northwind Distribution B.V.', 'Waalhaven Oostzijde 80', '', '3087 BM', 'Rotterdam', 'NL', ''),
  (9, 'INV-2026-000009', 'invoice', 2026, 9, 2, 22, 3, NULL, 'GBP', 68900, 13780, 82680,
   '2026-12-01', 30, '2026-12-31', 'open', NULL, NULL, '2026-12-01 16:00:00', 2, 'PO-ACME-1079',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Acme Industrial Ltd', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'GB123456789'),
  (10, 'CN-2026-000001', 'credit_note', 2026, 1, 2, 2, NULL, NULL, 'GBP', -1990, -398, -2388,
   '2026-10-20', 0, '2026-10-20', 'paid', '2026-10-21 09:00:00', 2, '2026-10-20 14:00:00', 2, 'PO-ACME-1033',
   'Portico Services GmbH', 'Hafenstraße 21', '', '20457', 'Hamburg', 'DE', 'DE298765432',
   'Acme Industrial Ltd', '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', 'GB123456789');

INSERT INTO invoice_lines (invoice_id, line_no, order_line_no, sku, name, unit, quantity,
  unit_price_minor, tax_rate_bp, net_minor, tax_minor, gross_minor) VALUES
  (1, 1, 1, 'PX-200', 'PX-200 edge gateway', 'piece', 2, 65060, 2000, 130120, 26024, 156144),
  (1, 2, 2, 'CB-ETH-5', 'Industrial Ethernet cable, 5 m', 'piece', 2, 2150, 2000, 4300, 860, 5160),
  (2, 1, 2, 'CB-ETH-5', 'Industrial Ethernet cable, 5 m', 'piece', 2, 2150, 2000, 4300, 860, 5160),
  (3, 1, 1, 'PX-100', 'PX-100 gateway (discontinued)', 'piece', 2, 50740, 2000, 101480, 20296, 121776),
  (3, 2, 2, 'CB-ETH-5', 'Industrial Ethernet cable, 5 m', 'piece', 2, 1990, 2000, 3980, 796, 4776),
  (4, 1, 1, 'VS-3-M', 'VS-3 vibration sensor, magnet mount', 'piece', 4, 16860, 2000, 67440, 13488, 80928),
  (4, 2, 2, 'CB-M12-5', 'M12 sensor cable, 5 m', 'piece', 4, 1350, 2000, 5400, 1080, 6480),
  (5, 1, 1, 'PX-DEMO', 'Partner demo kit', 'set', 1, 99000, 2100, 99000, 20790, 119790),
  (5, 2, 2, 'SIM-EU', 'Data SIM card, Europe', 'piece', 10, 1900, 2100, 19000, 3990, 22990),
  (6, 1, 1, 'PX-200-EU', 'PX-200 Edge-Gateway, EU-Netzkabel', 'piece', 1, 92500, 1900, 92500, 17575, 110075),
  (7, 1, 1, 'VS-3-M', 'VS-3 vibration sensor, magnet mount', 'piece', 4, 16860, 2000, 67440, 13488, 80928),
  (7, 2, 2, 'CB-M12-5', 'M12 sensor cable, 5 m', 'piece', 6, 1350, 2000, 8100, 1620, 9720),
  (8, 1, 1, 'PX-DEMO', 'Partner demo kit', 'set', 1, 99000, 2100, 99000, 20790, 119790),
  (8, 2, 2, 'SIM-EU', 'Data SIM card, Europe', 'piece', 5, 1900, 2100, 9500, 1995, 11495),
  (9, 1, 1, 'TS-1-100', 'TS-1 temperature sensor, -40 to 100 °C', 'piece', 10, 6890, 2000, 68900, 13780, 82680),
  (10, 1, 2, 'CB-ETH-5', 'Industrial Ethernet cable, 5 m', 'piece', 1, -1990, 2000, -1990, -398, -2388);

INSERT INTO invoice_counters (kind, year, last_no) VALUES ('invoice', 2026, 9), ('credit_note', 2026, 1);
