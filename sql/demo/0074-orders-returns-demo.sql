-- Orders demo data (issue 13), part 5: returns.  Services cannot be
-- returned; the gateways (PX-...) carry a two-year warranty, so a
-- defective one goes back for 730 days after it arrived; everything else
-- for 30 days.  Six returns of the delivered demo orders, one in each
-- state: Acme's damaged cable refunded and another received, Acme's
-- defective gateway approved with instructions; Northwind's SIM cards
-- rejected and its demo kit (the wrong item) waiting for the desk;
-- Bergmann's defective gateway replaced.  Numbers are explicit, and
-- return_counters follows them.

UPDATE products SET return_days = 0 WHERE kind = 'service';
UPDATE products SET return_days = 730 WHERE sku LIKE 'PX-%';

INSERT INTO returns (id, number, year, seq, order_id, org_id, requested_by, status, reason, comment,
  instructions, decision_comment, decided_by, decided_at, received_at, closed_at, created_at, updated_at) VALUES
  (1, 'R-2026-000001', 2026, 1, 21, 2, 6, 'refunded', 'damaged', 'One cable came with a crushed connector.', 'Send it to Portico Returns, Unit 4, Leeds LS9 8AB, with the RMA number on the parcel.', '', 2, '2026-09-25 10:00:00', '2026-09-30 09:00:00', '2026-10-01 11:00:00', '2026-09-25 08:30:00', '2026-10-01 11:00:00'),
  (2, 'R-2026-000002', 2026, 2, 24, 4, 9, 'rejected', 'not_needed', 'We ordered too many.', '', 'Opened SIM cards cannot be taken back; their data plans are active.', 2, '2026-10-14 09:00:00', NULL, NULL, '2026-10-13 15:00:00', '2026-10-14 09:00:00'),
  (3, 'R-2026-000003', 2026, 3, 25, 3, 17, 'replaced', 'defective', 'Das Gateway startet nach einem Update nicht mehr.', 'Bitte mit der RMA-Nummer an Portico Returns, Industriestraße 8, 70565 Stuttgart schicken.', '', 2, '2026-11-02 10:00:00', '2026-11-06 09:00:00', '2026-11-09 14:00:00', '2026-11-02 07:45:00', '2026-11-09 14:00:00'),
  (4, 'R-2026-000004', 2026, 4, 21, 2, 6, 'approved', 'defective', 'Gateway 2 drops its uplink every few hours.', 'Send it to Portico Returns, Unit 4, Leeds LS9 8AB, with the RMA number on the parcel; we replace it within a week.', '', 2, '2026-11-30 10:00:00', NULL, NULL, '2026-11-29 16:20:00', '2026-11-30 10:00:00'),
  (5, 'R-2026-000005', 2026, 5, 24, 4, 9, 'requested', 'wrong_item', 'We received the lab kit, not the demo kit.', '', '', NULL, NULL, NULL, NULL, '2026-12-02 13:10:00', '2026-12-02 13:10:00'),
  (6, 'R-2026-000006', 2026, 6, 21, 2, 6, 'received', 'damaged', 'A second cable with a bent pin.', 'Send it with the first one''s label; no need to pack it again.', '', 2, '2026-10-10 12:00:00', '2026-10-15 08:00:00', NULL, '2026-10-10 09:00:00', '2026-10-15 08:00:00');

INSERT INTO return_lines (return_id, order_id, line_no, quantity) VALUES
  (1, 21, 2, 1),
  (2, 24, 2, 2),
  (3, 25, 1, 1),
  (4, 21, 1, 1),
  (5, 24, 1, 1),
  (6, 21, 2, 1);

INSERT INTO return_events (return_id, at, user_id, status, comment) VALUES
  (1, '2026-09-25 08:30:00', 6, 'requested', 'One cable came with a crushed connector.'),
  (1, '2026-09-25 10:00:00', 2, 'approved', 'Send it to Portico Returns, Unit 4, Leeds LS9 8AB, with the RMA number on the parcel.'),
  (1, '2026-09-30 09:00:00', 2, 'received', ''),
  (1, '2026-10-01 11:00:00', 2, 'refunded', ''),
  (2, '2026-10-13 15:00:00', 9, 'requested', 'We ordered too many.'),
  (2, '2026-10-14 09:00:00', 2, 'rejected', 'Opened SIM cards cannot be taken back; their data plans are active.'),
  (3, '2026-11-02 07:45:00', 17, 'requested', 'Das Gateway startet nach einem Update nicht mehr.'),
  (3, '2026-11-02 10:00:00', 2, 'approved', 'Bitte mit der RMA-Nummer an Portico Returns, Industriestraße 8, 70565 Stuttgart schicken.'),
  (3, '2026-11-06 09:00:00', 2, 'received', ''),
  (3, '2026-11-09 14:00:00', 2, 'replaced', 'Ein neues Gateway ist unterwegs.'),
  (4, '2026-11-29 16:20:00', 6, 'requested', 'Gateway 2 drops its uplink every few hours.'),
  (4, '2026-11-30 10:00:00', 2, 'approved', 'Send it to Portico Returns, Unit 4, Leeds LS9 8AB, with the RMA number on the parcel; we replace it within a week.'),
  (5, '2026-12-02 13:10:00', 9, 'requested', 'We received the lab kit, not the demo kit.'),
  (6, '2026-10-10 09:00:00', 6, 'requested', 'A second cable with a bent pin.'),
  (6, '2026-10-10 12:00:00', 2, 'approved', 'Send it with the first one''s label; no need to pack it again.'),
  (6, '2026-10-15 08:00:00', 2, 'received', '');

INSERT INTO return_counters (year, last_no) VALUES (2026, 6);
