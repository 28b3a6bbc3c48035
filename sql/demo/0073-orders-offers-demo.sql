-- Offers and contracts demo data (issue 13, section 7): three offers and
-- two contracts.  Max Manager wrote them all.
--   Q-2026-000001  Acme: managed print fleet, sent and open (valid for
--                  three more weeks from the day the demo is loaded);
--   Q-2026-000002  Acme: remote monitoring for line 3, accepted by Anna
--                  Admin, so it became contract C-2026-000001 (its monthly
--                  line) and order O-2026-000090 (its one-off lines);
--   Q-2026-000003  Bergmann: a maintenance contract, declined by Sabine
--                  Krüger with a reason (in German).
--   C-2026-000002  Acme's spare-parts agreement, signed before the portal
--                  (no offer), whose notice deadline comes in about two
--                  weeks: it is among the contracts running out.
-- Offers are written as drafts with their lines and then moved on, as
-- the triggers of migration 0041 allow; the accepted offer's text and
-- hash are computed here exactly as cgi-bin-src/orders/offer-common.c
-- computes them.  The order's amounts are the sums of its lines, tax
-- rounded per line.

INSERT INTO offers (id, number, year, seq, org_id, status, title, currency, valid_until,
  term_months, renewal_months, notice_days, terms_md, terms_html, created_by, created_at,
  updated_at) VALUES
  (1, 'Q-2026-000001', 2026, 1, 2, 'draft', 'Managed print fleet for the Sheffield plant', 'GBP',
   UTC_DATE() + INTERVAL 21 DAY, 36, 12, 90,
   'Prices are net.\n\n- Toner and spare parts are included.\n- Service on workdays, 8:00 to 18:00.',
   '<p>Prices are net.</p>\n<ul><li>Toner and spare parts are included.</li><li>Service on workdays, 8:00 to 18:00.</li></ul>',
   2, UTC_TIMESTAMP(6) - INTERVAL 3 DAY, UTC_TIMESTAMP(6) - INTERVAL 2 DAY),
  (2, 'Q-2026-000002', 2026, 2, 2, 'draft', 'Remote monitoring for line 3', 'GBP', '2026-11-30',
   12, 12, 90, 'Payment within **30 days** of the invoice.',
   '<p>Payment within <strong>30 days</strong> of the invoice.</p>',
   2, '2026-11-10 09:30:00', '2026-11-11 10:00:00'),
  (3, 'Q-2026-000003', 2026, 3, 3, 'draft', 'Wartungsvertrag Fertigungslinie 2', 'EUR', '2026-11-20',
   24, 12, 90, 'Zahlbar innerhalb von 30 Tagen.', '<p>Zahlbar innerhalb von 30 Tagen.</p>',
   2, '2026-11-02 14:00:00', '2026-11-03 08:00:00');

INSERT INTO offer_lines (offer_id, line_no, kind, product_id, sku, name, unit, quantity,
  unit_price_minor, billing, tax_class) VALUES
  (1, 1, 'once', NULL, '', 'Multifunction printer A3, installed', 'piece', 4, 189000, NULL, 'standard'),
  (1, 2, 'recurring', NULL, '', 'Managed print service per printer', 'month', 4, 4500, 'month', 'standard'),
  (2, 1, 'once', 11, 'VS-3-M', 'VS-3 vibration sensor, magnet mount', 'piece', 6, 21070, NULL, 'standard'),
  (2, 2, 'once', NULL, '', 'Installation and commissioning, one day', 'day', 1, 95000, NULL, 'standard'),
  (2, 3, 'recurring', NULL, '', 'Remote monitoring per sensor', 'month', 6, 1500, 'month', 'standard'),
  (3, 1, 'recurring', NULL, '', 'Wartung Fertigungslinie 2, zwei Besuche im Jahr', 'year', 1, 480000, 'year', 'standard'),
  (3, 2, 'once', 60, 'TOOL-KIT', 'Werkzeugsatz für Installateure', 'set', 2, 18900, NULL, 'standard');

UPDATE offers SET status = 'sent', sent_by = 2, sent_at = created_at + INTERVAL 1 DAY WHERE id IN (1, 2, 3);

-- The canonical text of Q-2026-000002 as it was accepted (see offer-common.c).
SET @text = (SELECT CONCAT('portico-offer-v1\nnumber: ', f.number, '\norg: ', f.org_id,
    '\ntitle: ', f.title, '\ncurrency: ', f.currency, '\nvalid-until: ', f.valid_until,
    '\nterm-months: ', f.term_months, '\nrenewal-months: ', f.renewal_months,
    '\nnotice-days: ', f.notice_days, '\n',
    (SELECT GROUP_CONCAT(CONCAT('line: ', l.line_no, '\t', l.kind, '\t', l.sku, '\t', l.name, '\t',
        l.unit, '\t', l.quantity, '\t', l.unit_price_minor, '\t', COALESCE(l.billing, '-'), '\t',
        l.tax_class, '\n') ORDER BY l.line_no SEPARATOR '') FROM offer_lines l WHERE l.offer_id = f.id),
    'terms: ', LENGTH(f.terms_html), '\n', f.terms_html) FROM offers f WHERE f.id = 2);

UPDATE offers SET status = 'accepted', decided_by = 5, decided_at = '2026-11-18 15:42:10',
  decided_ip = '203.0.113.24', accepted_text = @text, accepted_sha256 = SHA2(@text, 256),
  updated_at = '2026-11-18 15:42:10' WHERE id = 2;
UPDATE offers SET status = 'declined', decided_by = 15, decided_at = '2026-11-06 11:05:00',
  decided_ip = '198.51.100.7',
  decline_reason = 'Wir haben die Wartung für 2027 bereits intern vergeben. Bitte fragen Sie im Herbst wieder an.',
  updated_at = '2026-11-06 11:05:00' WHERE id = 3;

INSERT INTO offer_counters (year, last_no) VALUES (2026, 3);

-- The order of Q-2026-000002's one-off lines, to Acme's head office (GB, 20 %).
INSERT INTO orders (id, number, year, seq, org_id, buyer_id, status, currency, net_minor,
  tax_minor, gross_minor, note, address_id, ship_label, ship_recipient, ship_street, ship_street2,
  ship_postal_code, ship_city, ship_country, created_at, updated_at) VALUES
  (90, 'O-2026-000090', 2026, 90, 2, 5, 'confirmed', 'GBP', 221420, 44284, 265704,
   'Q-2026-000002: Remote monitoring for line 3', 1, 'Head office', 'Acme Industrial Ltd, Goods-in',
   '12 Wellington Street', '', 'LS1 4DL', 'Leeds', 'GB', '2026-11-18 15:42:10', '2026-11-18 15:42:10');
INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity, unit_price_minor,
  contract_price, tax_class, tax_rate_bp, net_minor, tax_minor, gross_minor) VALUES
  (90, 1, 11, 'VS-3-M', 'VS-3 vibration sensor, magnet mount', 'piece', 6, 21070, 0, 'standard', 2000, 126420, 25284, 151704),
  (90, 2, NULL, '', 'Installation and commissioning, one day', 'day', 1, 95000, 0, 'standard', 2000, 95000, 19000, 114000);
INSERT INTO order_events (order_id, at, user_id, status, comment) VALUES
  (90, '2026-11-18 15:42:10', 5, 'submitted', 'Q-2026-000002'),
  (90, '2026-11-18 15:42:10', NULL, 'confirmed', '');
UPDATE order_counters SET last_no = GREATEST(last_no, 90) WHERE year = 2026;

INSERT INTO contracts (id, number, year, seq, org_id, offer_id, order_id, title, currency,
  start_date, end_date, renewal_months, notice_days, created_at) VALUES
  (1, 'C-2026-000001', 2026, 1, 2, 2, 90, 'Remote monitoring for line 3', 'GBP',
   '2026-11-18', '2027-11-17', 12, 90, '2026-11-18 15:42:10'),
  (2, 'C-2026-000002', 2026, 2, 2, NULL, NULL, 'Spare parts agreement', 'GBP',
   UTC_DATE() - INTERVAL 11 MONTH, UTC_DATE() + INTERVAL 1 MONTH - INTERVAL 1 DAY, 12, 14,
   UTC_TIMESTAMP(6) - INTERVAL 11 MONTH);
INSERT INTO contract_lines (contract_id, line_no, product_id, sku, name, unit, quantity,
  unit_price_minor, billing) VALUES
  (1, 3, NULL, '', 'Remote monitoring per sensor', 'month', 6, 1500, 'month'),
  (2, 1, NULL, '', 'Spare parts on call, next working day', 'year', 1, 360000, 'year');
INSERT INTO contract_counters (year, last_no) VALUES (2026, 2);
