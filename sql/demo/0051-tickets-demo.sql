-- Tickets demo data (issue 12), part 4: 54 more tickets of the demo
-- organisations (T-<year>-000007 to -000060), raised over the last five
-- weeks and numbered in the order they were raised: printers, sign-in
-- problems, new colleagues and leavers, invoices, orders and returns, a
-- warehouse outage.  Every state is there: new, open (assigned and not),
-- pending on the customer or a third party, resolved within the reopen
-- window, closed (by an agent's resolution and the worker's close seven
-- days later, history by nobody), and one duplicate merged into another.
-- English for the English-speaking organisations, German for Bergmann.
--
-- One block per ticket: the ticket, its form's answers (field ids as in
-- 0030), CC, conversation (public replies, internal notes, some by mail
-- with the sender's Message-ID) and history, as the tickets worker writes
-- them.  Message ids follow the time of writing across all tickets; the
-- related links come last.  Times are relative to when the demo is
-- loaded; dates in the answers too, within the bounds of their fields.

SET @y = YEAR(UTC_TIMESTAMP());
SET @now = UTC_TIMESTAMP(6);

INSERT INTO ticket_counters (year, last_no) VALUES (@y, 60)
  ON DUPLICATE KEY UPDATE last_no = GREATEST(last_no, 60);

-- 000007  Clearwater, Joost Visser: Five ribbons ordered twice (PO-60418)
--         closed, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (7, CONCAT('T-', @y, '-000007'), @y, 7, 6, 27, 11, 'request', 'Five ribbons ordered twice (PO-60418)', 'closed', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000007.demo@portico.example>'),
    @now - INTERVAL '35 02:00' DAY_MINUTE, @now - INTERVAL '24 01:55' DAY_MINUTE, @now - INTERVAL '31 01:55' DAY_MINUTE, @now - INTERVAL '24 01:55' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (7, 34, 0, 'PO-60419'),
  (7, 35, 0, 'not-needed');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (13, 7, 'public', 'web', 27, 'We ordered the same five ribbons twice by mistake (PO-60418 and PO-60419). Please take back the second delivery.',
    CONCAT('<ticket.T-', @y, '-000007.demo@portico.example>'), @now - INTERVAL '35 02:00' DAY_MINUTE),
  (14, 7, 'public', 'web', 12, 'Hello Joost,\n\nno problem. The carrier collects the five ribbons on Friday; the credit note follows once they are back.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '35 00:00' DAY_MINUTE),
  (22, 7, 'internal', 'web', 12, 'Ribbons back in stock. Credit note requested from finance.',
    NULL, @now - INTERVAL '31 02:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (7, @now - INTERVAL '35 02:00' DAY_MINUTE, 27, 'status', NULL, 'new'),
  (7, @now - INTERVAL '35 01:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (7, @now - INTERVAL '35 00:00' DAY_MINUTE, 12, 'reply', NULL, '14'),
  (7, @now - INTERVAL '35 00:00' DAY_MINUTE, 12, 'status', 'new', 'open'),
  (7, @now - INTERVAL '34 23:59' DAY_MINUTE, 12, 'status', 'open', 'pending'),
  (7, @now - INTERVAL '34 23:59' DAY_MINUTE, 12, 'pending_reason', NULL, 'third_party'),
  (7, @now - INTERVAL '31 02:00' DAY_MINUTE, 12, 'note', NULL, '22'),
  (7, @now - INTERVAL '31 01:55' DAY_MINUTE, 12, 'status', 'pending', 'resolved'),
  (7, @now - INTERVAL '31 01:55' DAY_MINUTE, 12, 'pending_reason', 'third_party', NULL),
  (7, @now - INTERVAL '24 01:55' DAY_MINUTE, NULL, 'status', 'resolved', 'closed'),
  (7, @now - INTERVAL '3 00:45' DAY_MINUTE, 12, 'related', NULL, CONCAT('T-', @y, '-000043'));

-- 000008  Harbourside, Liam O'Brien: VAT rate on INV-<year>-00049 looks wrong
--         closed, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (8, CONCAT('T-', @y, '-000008'), @y, 8, 5, 25, 9, 'question', CONCAT('VAT rate on INV-', @y, '-00049 looks wrong'), 'closed', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000008.demo@portico.example>'),
    @now - INTERVAL '34 03:00' DAY_MINUTE, @now - INTERVAL '13 05:30' DAY_MINUTE, @now - INTERVAL '20 05:30' DAY_MINUTE, @now - INTERVAL '13 05:30' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (8, 30, 0, CONCAT('INV-', @y, '-00049')),
  (8, 31, 0, 'vat'),
  (8, 32, 0, '412');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (15, 8, 'public', 'web', 25, CONCAT('Invoice INV-', @y, '-00049 charges 20% VAT on the maintenance contract, but our contract says the maintenance part is invoiced from your Irish entity under reverse charge. Please correct it.'),
    CONCAT('<ticket.T-', @y, '-000008.demo@portico.example>'), @now - INTERVAL '34 03:00' DAY_MINUTE),
  (17, 8, 'public', 'web', 12, 'Hello Liam,\n\nthank you, I have asked our tax team to check which entity should invoice the maintenance part and will come back to you.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '33 01:00' DAY_MINUTE),
  (34, 8, 'public', 'mail', 25, 'Any news on this? Our month-end close is on Friday.',
    '<DB9PR07MB8821.liam@harbourside.example>', @now - INTERVAL '26 04:00' DAY_MINUTE),
  (35, 8, 'internal', 'web', 12, 'Tax team still checking. Escalated to Max.',
    NULL, @now - INTERVAL '26 03:00' DAY_MINUTE),
  (36, 8, 'public', 'web', 12, 'Hello Liam,\n\nI am sorry for the wait. The tax team has not finished its check yet; I have escalated it and expect an answer early next week.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '26 02:50' DAY_MINUTE),
  (50, 8, 'public', 'mail', 25, 'Still nothing. Please let us have the corrected invoice this week.',
    '<DB9PR07MB9034.liam@harbourside.example>', @now - INTERVAL '21 05:00' DAY_MINUTE),
  (53, 8, 'internal', 'web', 2, CONCAT('Tax team confirms: reverse charge applies. Credit note CN-', @y, '-00011 and new invoice from the Irish entity issued today.'),
    NULL, @now - INTERVAL '20 06:00' DAY_MINUTE),
  (54, 8, 'public', 'web', 2, CONCAT('Hello Liam,\n\nyou were right: the maintenance part is invoiced from our Irish entity under reverse charge. We have cancelled INV-', @y, '-00049 with credit note CN-', @y, '-00011 and sent you a corrected invoice. I apologise for how long this took.\n\nBest regards\nMax Manager'),
    NULL, @now - INTERVAL '20 05:30' DAY_MINUTE);
INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at) VALUES
  (8, 12, 20, '', @now - INTERVAL '26 02:58' DAY_MINUTE),
  (8, 2, 45, 'Reverse charge check with the tax team', @now - INTERVAL '20 05:59' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (8, @now - INTERVAL '34 03:00' DAY_MINUTE, 25, 'status', NULL, 'new'),
  (8, @now - INTERVAL '33 02:00' DAY_MINUTE, 2, 'assignee', NULL, '12'),
  (8, @now - INTERVAL '33 01:00' DAY_MINUTE, 12, 'reply', NULL, '17'),
  (8, @now - INTERVAL '33 01:00' DAY_MINUTE, 12, 'status', 'new', 'open'),
  (8, @now - INTERVAL '26 04:00' DAY_MINUTE, 25, 'reply', NULL, '34'),
  (8, @now - INTERVAL '26 03:00' DAY_MINUTE, 12, 'note', NULL, '35'),
  (8, @now - INTERVAL '26 02:58' DAY_MINUTE, 12, 'time', NULL, '20'),
  (8, @now - INTERVAL '26 02:50' DAY_MINUTE, 12, 'reply', NULL, '36'),
  (8, @now - INTERVAL '21 05:00' DAY_MINUTE, 25, 'reply', NULL, '50'),
  (8, @now - INTERVAL '20 06:00' DAY_MINUTE, 2, 'note', NULL, '53'),
  (8, @now - INTERVAL '20 05:59' DAY_MINUTE, 2, 'time', NULL, '45'),
  (8, @now - INTERVAL '20 05:30' DAY_MINUTE, 2, 'reply', NULL, '54'),
  (8, @now - INTERVAL '20 05:30' DAY_MINUTE, 2, 'status', 'open', 'resolved'),
  (8, @now - INTERVAL '13 05:30' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000009  Acme, Fiona Walsh: Invoice INV-<year>-00057 charged twice
--         closed, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (9, CONCAT('T-', @y, '-000009'), @y, 9, 2, 14, 9, 'question', CONCAT('Invoice INV-', @y, '-00057 charged twice'), 'closed', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000009.demo@portico.example>'),
    @now - INTERVAL '33 02:00' DAY_MINUTE, @now - INTERVAL '26 00:40' DAY_MINUTE, @now - INTERVAL '33 00:40' DAY_MINUTE, @now - INTERVAL '26 00:40' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (9, 30, 0, CONCAT('INV-', @y, '-00057')),
  (9, 31, 0, 'duplicate'),
  (9, 32, 0, '1840');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (16, 9, 'public', 'web', 14, CONCAT('Our bank statement shows two direct debits for invoice INV-', @y, '-00057, both for GBP 1,840.00. Please refund the second one.'),
    CONCAT('<ticket.T-', @y, '-000009.demo@portico.example>'), @now - INTERVAL '33 02:00' DAY_MINUTE),
  (18, 9, 'internal', 'web', 12, 'Confirmed: the direct debit run of the 3rd was sent twice to the bank for 14 mandates. Finance refunds all of them in tomorrow''s run.',
    NULL, @now - INTERVAL '33 00:50' DAY_MINUTE),
  (19, 9, 'public', 'web', 12, 'Hello Fiona,\n\nyou are right, the direct debit was collected twice because of an error in our payment run. The second amount of GBP 1,840.00 goes back to your account tomorrow. I am sorry for the trouble.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '33 00:40' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (9, @now - INTERVAL '33 02:00' DAY_MINUTE, 14, 'status', NULL, 'new'),
  (9, @now - INTERVAL '33 01:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (9, @now - INTERVAL '33 00:50' DAY_MINUTE, 12, 'note', NULL, '18'),
  (9, @now - INTERVAL '33 00:40' DAY_MINUTE, 12, 'reply', NULL, '19'),
  (9, @now - INTERVAL '33 00:40' DAY_MINUTE, 12, 'status', 'new', 'resolved'),
  (9, @now - INTERVAL '26 00:40' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000010  Acme, Fiona Walsh: Two monitors from PO-103912 arrived with cracked screens
--         closed, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (10, CONCAT('T-', @y, '-000010'), @y, 10, 2, 14, 11, 'request', 'Two monitors from PO-103912 arrived with cracked screens', 'closed', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000010.demo@portico.example>'),
    @now - INTERVAL '31 06:00' DAY_MINUTE, @now - INTERVAL '22 04:00' DAY_MINUTE, @now - INTERVAL '29 04:00' DAY_MINUTE, @now - INTERVAL '22 04:00' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (10, 34, 0, 'PO-103912'),
  (10, 35, 0, 'damaged');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (20, 10, 'public', 'web', 14, 'Two of the six monitors delivered under PO-103912 arrived with cracked screens; the boxes were dented on one corner. We kept the packaging. Please collect them and send replacements.',
    CONCAT('<ticket.T-', @y, '-000010.demo@portico.example>'), @now - INTERVAL '31 06:00' DAY_MINUTE),
  (21, 10, 'public', 'web', 12, 'Hello Fiona,\n\nI am sorry about the damaged monitors. The carrier collects them on Wednesday between 9 and 13; please have them ready in the original boxes. Two replacements leave our warehouse today.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '31 03:30' DAY_MINUTE),
  (25, 10, 'public', 'web', 14, 'The replacements arrived this morning and the carrier has collected the broken ones. Thank you.',
    NULL, @now - INTERVAL '29 05:00' DAY_MINUTE),
  (26, 10, 'public', 'web', 12, 'Thank you for letting us know, Fiona. The claim with the carrier is ours; there is nothing more for you to do.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '29 04:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (10, @now - INTERVAL '31 06:00' DAY_MINUTE, 14, 'status', NULL, 'new'),
  (10, @now - INTERVAL '31 04:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (10, @now - INTERVAL '31 03:30' DAY_MINUTE, 12, 'reply', NULL, '21'),
  (10, @now - INTERVAL '31 03:30' DAY_MINUTE, 12, 'status', 'new', 'open'),
  (10, @now - INTERVAL '29 05:00' DAY_MINUTE, 14, 'reply', NULL, '25'),
  (10, @now - INTERVAL '29 04:00' DAY_MINUTE, 12, 'reply', NULL, '26'),
  (10, @now - INTERVAL '29 04:00' DAY_MINUTE, 12, 'status', 'open', 'resolved'),
  (10, @now - INTERVAL '22 04:00' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000011  Harbourside, Dev Patel: Delivery date for PO-104992 (label rolls)
--         closed, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (11, CONCAT('T-', @y, '-000011'), @y, 11, 5, 22, 10, 'question', 'Delivery date for PO-104992 (label rolls)', 'closed', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000011.demo@portico.example>'),
    @now - INTERVAL '30 01:00' DAY_MINUTE, @now - INTERVAL '22 23:00' DAY_MINUTE, @now - INTERVAL '29 23:00' DAY_MINUTE, @now - INTERVAL '22 23:00' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (11, 33, 0, 'PO-104992');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (23, 11, 'public', 'web', 22, 'When will the label rolls of PO-104992 arrive? We are down to the last two boxes.',
    CONCAT('<ticket.T-', @y, '-000011.demo@portico.example>'), @now - INTERVAL '30 01:00' DAY_MINUTE),
  (24, 11, 'public', 'web', 12, 'Hello Dev,\n\nthe rolls were shipped yesterday and arrive on Thursday; the tracking number is in the mail to this ticket.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '29 23:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (11, @now - INTERVAL '30 01:00' DAY_MINUTE, 22, 'status', NULL, 'new'),
  (11, @now - INTERVAL '30 00:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (11, @now - INTERVAL '29 23:00' DAY_MINUTE, 12, 'reply', NULL, '24'),
  (11, @now - INTERVAL '29 23:00' DAY_MINUTE, 12, 'status', 'new', 'resolved'),
  (11, @now - INTERVAL '27 03:59' DAY_MINUTE, 12, 'related', NULL, CONCAT('T-', @y, '-000013')),
  (11, @now - INTERVAL '22 23:00' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000012  Bergmann, Thomas Weber: Portal: Zwei-Faktor-Code wird nicht angenommen
--         closed, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (12, CONCAT('T-', @y, '-000012'), @y, 12, 3, 16, 7, 'incident', 'Portal: Zwei-Faktor-Code wird nicht angenommen', 'closed', NULL, 3, 1, 3, 1, 10, NULL, NULL, CONCAT('<ticket.T-', @y, '-000012.demo@portico.example>'),
    @now - INTERVAL '29 02:00' DAY_MINUTE, @now - INTERVAL '22 01:05' DAY_MINUTE, @now - INTERVAL '29 01:05' DAY_MINUTE, @now - INTERVAL '22 01:05' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (12, 25, 0, 'thomas.weber@bergmann.example'),
  (12, 26, 0, 'portal');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (27, 12, 'public', 'web', 16, 'Seit heute nimmt das Portal meinen Zwei-Faktor-Code nicht mehr an. Die App zeigt Codes an, aber jeder wird als ungültig abgelehnt.',
    CONCAT('<ticket.T-', @y, '-000012.demo@portico.example>'), @now - INTERVAL '29 02:00' DAY_MINUTE),
  (28, 12, 'public', 'web', 10, 'Guten Tag Herr Weber,\n\ndie Codes hängen von der Uhrzeit ab. Bitte prüfen Sie, ob auf Ihrem Telefon „Uhrzeit automatisch einstellen“ eingeschaltet ist; weicht die Uhr mehr als eine Minute ab, werden die Codes abgelehnt.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '29 01:40' DAY_MINUTE),
  (29, 12, 'public', 'web', 16, 'Das war es, die Uhr ging vier Minuten nach. Jetzt geht es wieder.',
    NULL, @now - INTERVAL '29 01:10' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (12, @now - INTERVAL '29 02:00' DAY_MINUTE, 16, 'status', NULL, 'new'),
  (12, @now - INTERVAL '29 01:50' DAY_MINUTE, 10, 'assignee', NULL, '10'),
  (12, @now - INTERVAL '29 01:40' DAY_MINUTE, 10, 'reply', NULL, '28'),
  (12, @now - INTERVAL '29 01:40' DAY_MINUTE, 10, 'status', 'new', 'open'),
  (12, @now - INTERVAL '29 01:10' DAY_MINUTE, 16, 'reply', NULL, '29'),
  (12, @now - INTERVAL '29 01:05' DAY_MINUTE, 10, 'status', 'open', 'resolved'),
  (12, @now - INTERVAL '22 01:05' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000013  Harbourside, Dev Patel: Wrong size label rolls delivered (PO-104992)
--         closed, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (13, CONCAT('T-', @y, '-000013'), @y, 13, 5, 22, 11, 'request', 'Wrong size label rolls delivered (PO-104992)', 'closed', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000013.demo@portico.example>'),
    @now - INTERVAL '27 06:00' DAY_MINUTE, @now - INTERVAL '18 01:00' DAY_MINUTE, @now - INTERVAL '25 01:00' DAY_MINUTE, @now - INTERVAL '18 01:00' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (13, 34, 0, 'PO-104992'),
  (13, 35, 0, 'wrong');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (30, 13, 'public', 'web', 22, 'The rolls from PO-104992 are 100 x 150 mm; we ordered 100 x 50 mm. Please exchange them.',
    CONCAT('<ticket.T-', @y, '-000013.demo@portico.example>'), @now - INTERVAL '27 06:00' DAY_MINUTE),
  (32, 13, 'public', 'web', 12, 'Hello Dev,\n\nsorry for the mix-up. The right rolls leave today, and the carrier collects the wrong ones when delivering them.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '27 04:00' DAY_MINUTE),
  (38, 13, 'public', 'web', 22, 'Exchange done, thanks.',
    NULL, @now - INTERVAL '25 02:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (13, @now - INTERVAL '27 06:00' DAY_MINUTE, 22, 'status', NULL, 'new'),
  (13, @now - INTERVAL '27 05:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (13, @now - INTERVAL '27 04:00' DAY_MINUTE, 12, 'reply', NULL, '32'),
  (13, @now - INTERVAL '27 04:00' DAY_MINUTE, 12, 'status', 'new', 'open'),
  (13, @now - INTERVAL '27 03:59' DAY_MINUTE, 12, 'related', NULL, CONCAT('T-', @y, '-000011')),
  (13, @now - INTERVAL '25 02:00' DAY_MINUTE, 22, 'reply', NULL, '38'),
  (13, @now - INTERVAL '25 01:00' DAY_MINUTE, 12, 'status', 'open', 'resolved'),
  (13, @now - INTERVAL '18 01:00' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000014  Bergmann, Thomas Weber: Laptop mit Wasserschaden ersetzen
--         closed, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (14, CONCAT('T-', @y, '-000014'), @y, 14, 3, 16, 2, 'request', 'Laptop mit Wasserschaden ersetzen', 'closed', NULL, 3, 3, 5, 1, 10, NULL, NULL, CONCAT('<ticket.T-', @y, '-000014.demo@portico.example>'),
    @now - INTERVAL '27 05:00' DAY_MINUTE, @now - INTERVAL '15 03:50' DAY_MINUTE, @now - INTERVAL '22 03:50' DAY_MINUTE, @now - INTERVAL '15 03:50' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (14, 7, 0, 'laptop'),
  (14, 8, 0, 'LT-20931'),
  (14, 9, 0, 'Flüssigkeitsschaden: Kaffee über die Tastatur, das Gerät startet nicht mehr. Die Daten liegen größtenteils auf dem Netzlaufwerk.');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (31, 14, 'public', 'web', 16, 'Einem Kollegen aus der Konstruktion ist Kaffee über den Laptop gelaufen. Das Gerät startet nicht mehr.',
    CONCAT('<ticket.T-', @y, '-000014.demo@portico.example>'), @now - INTERVAL '27 05:00' DAY_MINUTE),
  (33, 14, 'public', 'web', 10, 'Guten Tag Herr Weber,\n\nein Ersatzgerät mit dem Konstruktions-Image geht morgen per Express an Sie. Bitte schicken Sie das defekte Gerät mit dem beiliegenden Rücksendeschein zurück; wir versuchen, die lokalen Daten zu retten.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '27 03:00' DAY_MINUTE),
  (37, 14, 'public', 'web', 16, 'Ersatzgerät ist da und läuft. Das alte Gerät ist unterwegs zu Ihnen.',
    NULL, @now - INTERVAL '25 02:00' DAY_MINUTE),
  (44, 14, 'internal', 'web', 10, 'Festplatte auslesbar, 3,2 GB lokale Daten auf USB-Stick gesichert und per Einschreiben verschickt.',
    NULL, @now - INTERVAL '22 04:00' DAY_MINUTE),
  (45, 14, 'public', 'web', 10, 'Guten Tag Herr Weber,\n\nwir konnten die lokalen Daten retten; sie sind verschlüsselt auf einem USB-Stick per Einschreiben zu Ihnen unterwegs. Das Kennwort erhalten Sie telefonisch.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '22 03:50' DAY_MINUTE);
INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at) VALUES
  (14, 10, 75, 'Datenrettung von der beschädigten Festplatte', @now - INTERVAL '22 03:55' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (14, @now - INTERVAL '27 05:00' DAY_MINUTE, 16, 'status', NULL, 'new'),
  (14, @now - INTERVAL '27 04:00' DAY_MINUTE, 10, 'assignee', NULL, '10'),
  (14, @now - INTERVAL '27 03:00' DAY_MINUTE, 10, 'reply', NULL, '33'),
  (14, @now - INTERVAL '27 03:00' DAY_MINUTE, 10, 'status', 'new', 'open'),
  (14, @now - INTERVAL '25 02:00' DAY_MINUTE, 16, 'reply', NULL, '37'),
  (14, @now - INTERVAL '22 04:00' DAY_MINUTE, 10, 'note', NULL, '44'),
  (14, @now - INTERVAL '22 03:55' DAY_MINUTE, 10, 'time', NULL, '75'),
  (14, @now - INTERVAL '22 03:50' DAY_MINUTE, 10, 'reply', NULL, '45'),
  (14, @now - INTERVAL '22 03:50' DAY_MINUTE, 10, 'status', 'open', 'resolved'),
  (14, @now - INTERVAL '15 03:50' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000015  Acme, Ben Hughes: Copier on the 2nd floor reports a paper jam with an empty tray
--         closed, Alex Agent
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (15, CONCAT('T-', @y, '-000015'), @y, 15, 2, 13, 1, 'incident', 'Copier on the 2nd floor reports a paper jam with an empty tray', 'closed', NULL, 2, 2, 3, 1, 3, NULL, NULL, CONCAT('<ticket.T-', @y, '-000015.demo@portico.example>'),
    @now - INTERVAL '24 04:00' DAY_MINUTE, @now - INTERVAL '14 01:55' DAY_MINUTE, @now - INTERVAL '21 01:55' DAY_MINUTE, @now - INTERVAL '14 01:55' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (15, 1, 0, 'PX-31877'),
  (15, 2, 0, 'Leeds head office, 2nd floor, copy room'),
  (15, 3, 0, 'J-12'),
  (15, 4, 0, DATE_FORMAT(@now - INTERVAL 25 DAY, '%Y-%m-%d')),
  (15, 5, 0, '25');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (39, 15, 'public', 'web', 13, 'The copier in the 2nd floor copy room stops every few pages with "Paper jam in tray 2" although nothing is stuck and the tray is empty. We opened every flap and restarted it twice. About 25 people use this machine.',
    CONCAT('<ticket.T-', @y, '-000015.demo@portico.example>'), @now - INTERVAL '24 04:00' DAY_MINUTE),
  (40, 15, 'public', 'web', 3, 'Hello Ben,\n\nJ-12 usually means the sensor behind tray 2 sees paper that is not there. A technician will come tomorrow morning to clean the sensor and check the feed rollers.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '24 02:45' DAY_MINUTE),
  (41, 15, 'internal', 'web', 3, 'Technician visit: sensor cleaned, but the pick-up roller of tray 2 is worn. Part SP-2214 ordered, second visit on Thursday.',
    NULL, @now - INTERVAL '23 03:00' DAY_MINUTE),
  (42, 15, 'public', 'web', 3, 'Hello Ben,\n\nthe technician cleaned the sensor; the jams come from a worn pick-up roller, which we have ordered. Until it is replaced please use tray 1 and the bypass tray. The technician comes back on Thursday to fit the new roller.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '23 02:50' DAY_MINUTE),
  (43, 15, 'public', 'web', 13, 'Thanks, we have put a note on the copier.',
    NULL, @now - INTERVAL '23 01:00' DAY_MINUTE),
  (51, 15, 'internal', 'web', 3, 'Roller replaced, 200 test pages from every tray without a jam.',
    NULL, @now - INTERVAL '21 02:00' DAY_MINUTE),
  (52, 15, 'public', 'web', 3, 'Hello Ben,\n\nthe new roller is in and the copier ran 200 test pages from every tray without a jam. Tray 2 can be used again.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '21 01:55' DAY_MINUTE);
INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at) VALUES
  (15, 3, 90, 'Visit: sensor cleaned, rollers checked', @now - INTERVAL '23 00:50' DAY_MINUTE),
  (15, 3, 60, 'Visit: pick-up roller replaced, test prints', @now - INTERVAL '21 01:58' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (15, @now - INTERVAL '24 04:00' DAY_MINUTE, 13, 'status', NULL, 'new'),
  (15, @now - INTERVAL '24 03:00' DAY_MINUTE, 3, 'assignee', NULL, '3'),
  (15, @now - INTERVAL '24 02:45' DAY_MINUTE, 3, 'reply', NULL, '40'),
  (15, @now - INTERVAL '24 02:45' DAY_MINUTE, 3, 'status', 'new', 'open'),
  (15, @now - INTERVAL '23 03:00' DAY_MINUTE, 3, 'note', NULL, '41'),
  (15, @now - INTERVAL '23 02:50' DAY_MINUTE, 3, 'reply', NULL, '42'),
  (15, @now - INTERVAL '23 01:00' DAY_MINUTE, 13, 'reply', NULL, '43'),
  (15, @now - INTERVAL '23 00:50' DAY_MINUTE, 3, 'time', NULL, '90'),
  (15, @now - INTERVAL '21 02:00' DAY_MINUTE, 3, 'note', NULL, '51'),
  (15, @now - INTERVAL '21 01:58' DAY_MINUTE, 3, 'time', NULL, '60'),
  (15, @now - INTERVAL '21 01:55' DAY_MINUTE, 3, 'reply', NULL, '52'),
  (15, @now - INTERVAL '21 01:55' DAY_MINUTE, 3, 'status', 'open', 'resolved'),
  (15, @now - INTERVAL '14 01:55' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000016  Northwind, Pieter de Vries: Password reset link says it has expired
--         closed, Alex Agent
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (16, CONCAT('T-', @y, '-000016'), @y, 16, 4, 20, 7, 'incident', 'Password reset link says it has expired', 'closed', NULL, 3, 1, 3, 1, 3, NULL, NULL, CONCAT('<ticket.T-', @y, '-000016.demo@portico.example>'),
    @now - INTERVAL '22 03:00' DAY_MINUTE, @now - INTERVAL '15 01:45' DAY_MINUTE, @now - INTERVAL '22 01:45' DAY_MINUTE, @now - INTERVAL '15 01:45' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (16, 25, 0, 'pieter.devries@northwind.example'),
  (16, 26, 0, 'portal');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (46, 16, 'public', 'web', 20, 'I asked for a password reset twice; both links say "This link has expired" as soon as I open them.',
    CONCAT('<ticket.T-', @y, '-000016.demo@portico.example>'), @now - INTERVAL '22 03:00' DAY_MINUTE),
  (47, 16, 'internal', 'web', 3, 'Northwind''s mail gateway opens every link once to scan it, which uses up the reset link. Sent a reset by phone verification instead; asked Ada about a scanner-safe link.',
    NULL, @now - INTERVAL '22 02:30' DAY_MINUTE),
  (48, 16, 'public', 'web', 3, 'Hello Pieter,\n\nyour company''s mail filter opens links to check them before you see the mail, and a reset link works only once. I have set a temporary password, which I will tell you by phone in a minute; please change it after signing in.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '22 02:20' DAY_MINUTE),
  (49, 16, 'public', 'web', 20, 'Got it, I am in and have changed the password. Thanks!',
    NULL, @now - INTERVAL '22 01:50' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (16, @now - INTERVAL '22 03:00' DAY_MINUTE, 20, 'status', NULL, 'new'),
  (16, @now - INTERVAL '22 02:40' DAY_MINUTE, 3, 'assignee', NULL, '3'),
  (16, @now - INTERVAL '22 02:30' DAY_MINUTE, 3, 'note', NULL, '47'),
  (16, @now - INTERVAL '22 02:20' DAY_MINUTE, 3, 'reply', NULL, '48'),
  (16, @now - INTERVAL '22 02:20' DAY_MINUTE, 3, 'status', 'new', 'open'),
  (16, @now - INTERVAL '22 01:50' DAY_MINUTE, 20, 'reply', NULL, '49'),
  (16, @now - INTERVAL '22 01:45' DAY_MINUTE, 3, 'status', 'open', 'resolved'),
  (16, @now - INTERVAL '15 01:45' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000017  Bergmann, Monika Schulz: Lieferung zu Bestellung PO-205514 unvollständig
--         closed, Max Manager
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (17, CONCAT('T-', @y, '-000017'), @y, 17, 3, 17, 13, 'question', 'Lieferung zu Bestellung PO-205514 unvollständig', 'closed', NULL, 3, 3, 5, 2, 2, NULL, NULL, CONCAT('<ticket.T-', @y, '-000017.demo@portico.example>'),
    @now - INTERVAL '19 06:00' DAY_MINUTE, @now - INTERVAL '6 03:00' DAY_MINUTE, @now - INTERVAL '13 03:00' DAY_MINUTE, @now - INTERVAL '6 03:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (55, 17, 'public', 'mail', 17, 'Guten Tag,\n\nmit der Lieferung zu unserer Bestellung PO-205514 kamen nur 3 von 5 Scannerhalterungen. Auf dem Lieferschein stehen aber 5. Können Sie das bitte prüfen?\n\nMit freundlichen Grüßen\nMonika Schulz\nEinkauf\nBergmann Maschinenbau AG',
    '<20260211T0812.4f1c9e@bergmann.example>', @now - INTERVAL '19 06:00' DAY_MINUTE),
  (56, 17, 'public', 'web', 2, 'Guten Tag Frau Schulz,\n\nunser Lager hat die Lieferung geprüft: zwei Halterungen wurden versehentlich nicht verpackt. Sie gehen heute nach.\n\nMit freundlichen Grüßen\nMax Manager',
    NULL, @now - INTERVAL '19 03:00' DAY_MINUTE),
  (66, 17, 'public', 'mail', 17, 'Guten Tag Herr Manager,\n\ndie beiden Halterungen sind heute angekommen. Danke!\n\nMonika Schulz',
    '<20260217T0930.7a21b3@bergmann.example>', @now - INTERVAL '13 04:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (17, @now - INTERVAL '19 06:00' DAY_MINUTE, 17, 'status', NULL, 'new'),
  (17, @now - INTERVAL '19 04:00' DAY_MINUTE, 3, 'group', '1', '2'),
  (17, @now - INTERVAL '19 04:00' DAY_MINUTE, 3, 'assignee', NULL, '2'),
  (17, @now - INTERVAL '19 03:00' DAY_MINUTE, 2, 'reply', NULL, '56'),
  (17, @now - INTERVAL '19 03:00' DAY_MINUTE, 2, 'status', 'new', 'open'),
  (17, @now - INTERVAL '13 04:00' DAY_MINUTE, 17, 'reply', NULL, '66'),
  (17, @now - INTERVAL '13 03:00' DAY_MINUTE, 2, 'status', 'open', 'resolved'),
  (17, @now - INTERVAL '6 03:00' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000018  Clearwater, Emma de Jong: Order confirmation missing for PO-60533
--         closed, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (18, CONCAT('T-', @y, '-000018'), @y, 18, 6, 28, 10, 'question', 'Order confirmation missing for PO-60533', 'closed', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000018.demo@portico.example>'),
    @now - INTERVAL '18 04:00' DAY_MINUTE, @now - INTERVAL '10 22:00' DAY_MINUTE, @now - INTERVAL '17 22:00' DAY_MINUTE, @now - INTERVAL '10 22:00' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (18, 33, 0, 'PO-60533');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (57, 18, 'public', 'web', 28, 'We placed PO-60533 a week ago but have not received an order confirmation. Our approval workflow needs it before goods receipt.',
    CONCAT('<ticket.T-', @y, '-000018.demo@portico.example>'), @now - INTERVAL '18 04:00' DAY_MINUTE),
  (58, 18, 'public', 'web', 12, 'Hello Emma,\n\nthe confirmation had gone to an old address of your purchasing team. I have sent it again to you and updated the address.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '18 01:00' DAY_MINUTE),
  (59, 18, 'public', 'mail', 28, 'Received, thank you!',
    '<AM0PR02MB4410.emma@clearwater.example>', @now - INTERVAL '17 23:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (18, @now - INTERVAL '18 04:00' DAY_MINUTE, 28, 'status', NULL, 'new'),
  (18, @now - INTERVAL '18 02:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (18, @now - INTERVAL '18 01:00' DAY_MINUTE, 12, 'reply', NULL, '58'),
  (18, @now - INTERVAL '18 01:00' DAY_MINUTE, 12, 'status', 'new', 'open'),
  (18, @now - INTERVAL '17 23:00' DAY_MINUTE, 28, 'reply', NULL, '59'),
  (18, @now - INTERVAL '17 22:00' DAY_MINUTE, 12, 'status', 'open', 'resolved'),
  (18, @now - INTERVAL '10 22:00' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000019  Northwind, Paula Partner: Thank you for the support at the spring fair
--         closed, Alex Agent
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (19, CONCAT('T-', @y, '-000019'), @y, 19, 4, 9, 14, 'question', 'Thank you for the support at the spring fair', 'closed', NULL, 3, 3, 5, 1, 3, NULL, NULL, CONCAT('<ticket.T-', @y, '-000019.demo@portico.example>'),
    @now - INTERVAL '17 02:00' DAY_MINUTE, @now - INTERVAL '9 06:00' DAY_MINUTE, @now - INTERVAL '16 06:00' DAY_MINUTE, @now - INTERVAL '9 06:00' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (19, 40, 0, '5'),
  (19, 41, 0, '1');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (60, 19, 'public', 'web', 9, 'Just a word of thanks: the brochures arrived on time and your colleague on the hotline helped us set up the demo gateway on the first morning. Our customers were impressed.',
    CONCAT('<ticket.T-', @y, '-000019.demo@portico.example>'), @now - INTERVAL '17 02:00' DAY_MINUTE),
  (61, 19, 'public', 'web', 3, 'Hello Paula,\n\nthank you for taking the time to tell us; I have passed your words on to the team. We are glad the fair went well.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '16 06:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (19, @now - INTERVAL '17 02:00' DAY_MINUTE, 9, 'status', NULL, 'new'),
  (19, @now - INTERVAL '17 01:00' DAY_MINUTE, 3, 'assignee', NULL, '3'),
  (19, @now - INTERVAL '16 06:00' DAY_MINUTE, 3, 'reply', NULL, '61'),
  (19, @now - INTERVAL '16 06:00' DAY_MINUTE, 3, 'status', 'new', 'resolved'),
  (19, @now - INTERVAL '9 06:00' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000020  Clearwater, Mark Jansen: Replace the flickering monitor at the QA workstation
--         closed, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (20, CONCAT('T-', @y, '-000020'), @y, 20, 6, 29, 2, 'request', 'Replace the flickering monitor at the QA workstation', 'closed', NULL, 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000020.demo@portico.example>'),
    @now - INTERVAL '15 03:00' DAY_MINUTE, @now - INTERVAL '5 02:00' DAY_MINUTE, @now - INTERVAL '12 02:00' DAY_MINUTE, @now - INTERVAL '5 02:00' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (20, 7, 0, 'monitor'),
  (20, 8, 0, 'MN-40218'),
  (20, 9, 0, 'The screen flickers every few seconds, also with another cable and another PC.');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (62, 20, 'public', 'web', 29, 'The monitor at the QA workstation flickers every few seconds. It makes checking label prints impossible.',
    CONCAT('<ticket.T-', @y, '-000020.demo@portico.example>'), @now - INTERVAL '15 03:00' DAY_MINUTE),
  (63, 20, 'public', 'web', 11, 'Hello Mark,\n\na replacement monitor is on its way and arrives tomorrow.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '15 00:30' DAY_MINUTE),
  (64, 20, 'public', 'web', 29, 'The monitor arrived, but with a DisplayPort cable; our PC only has HDMI.',
    NULL, @now - INTERVAL '13 05:00' DAY_MINUTE),
  (65, 20, 'public', 'web', 11, 'Hello Mark,\n\nsorry about that; an HDMI cable goes out today by express.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '13 04:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (20, @now - INTERVAL '15 03:00' DAY_MINUTE, 29, 'status', NULL, 'new'),
  (20, @now - INTERVAL '15 01:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (20, @now - INTERVAL '15 00:30' DAY_MINUTE, 11, 'reply', NULL, '63'),
  (20, @now - INTERVAL '15 00:30' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (20, @now - INTERVAL '13 05:00' DAY_MINUTE, 29, 'reply', NULL, '64'),
  (20, @now - INTERVAL '13 04:00' DAY_MINUTE, 11, 'reply', NULL, '65'),
  (20, @now - INTERVAL '12 02:00' DAY_MINUTE, 11, 'status', 'open', 'resolved'),
  (20, @now - INTERVAL '5 02:00' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000021  Acme, Ben Hughes: VPN rejects my one-time code since the phone swap
--         closed, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (21, CONCAT('T-', @y, '-000021'), @y, 21, 2, 13, 7, 'incident', 'VPN rejects my one-time code since the phone swap', 'closed', NULL, 3, 1, 3, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000021.demo@portico.example>'),
    @now - INTERVAL '12 03:00' DAY_MINUTE, @now - INTERVAL '5 01:45' DAY_MINUTE, @now - INTERVAL '12 01:45' DAY_MINUTE, @now - INTERVAL '5 01:45' DAY_MINUTE);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (21, 25, 0, 'ben.hughes'),
  (21, 26, 0, 'vpn');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (67, 21, 'public', 'web', 13, 'Since I moved to my new company phone on Monday, the VPN client rejects my one-time code with "Token invalid". I moved the authenticator app over with the phone''s transfer assistant.\n\nI am working from home today, so this blocks me completely.',
    CONCAT('<ticket.T-', @y, '-000021.demo@portico.example>'), @now - INTERVAL '12 03:00' DAY_MINUTE),
  (68, 21, 'internal', 'web', 11, 'The transfer assistant does not move the MFA seed: the token is still bound to the old handset. Reset the enrolment in the VPN console; Ben scans a new QR code.',
    NULL, @now - INTERVAL '12 02:40' DAY_MINUTE),
  (69, 21, 'public', 'web', 11, 'Hello Ben,\n\nthe authenticator app cannot be moved to a new phone with the transfer assistant: the old code stays tied to your old handset. I have reset your enrolment. The next time you start the VPN client it shows a QR code; scan it with the authenticator app on your new phone and enter the code it shows.\n\nPlease let me know whether that works.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '12 02:30' DAY_MINUTE),
  (70, 21, 'public', 'web', 13, 'That worked, I am connected again. Thanks for the quick help!',
    NULL, @now - INTERVAL '12 01:50' DAY_MINUTE);
INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at) VALUES
  (21, 11, 15, 'MFA enrolment reset', @now - INTERVAL '12 01:44' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (21, @now - INTERVAL '12 03:00' DAY_MINUTE, 13, 'status', NULL, 'new'),
  (21, @now - INTERVAL '12 02:45' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (21, @now - INTERVAL '12 02:40' DAY_MINUTE, 11, 'note', NULL, '68'),
  (21, @now - INTERVAL '12 02:30' DAY_MINUTE, 11, 'reply', NULL, '69'),
  (21, @now - INTERVAL '12 02:30' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (21, @now - INTERVAL '12 01:50' DAY_MINUTE, 13, 'reply', NULL, '70'),
  (21, @now - INTERVAL '12 01:45' DAY_MINUTE, 11, 'status', 'open', 'resolved'),
  (21, @now - INTERVAL '12 01:44' DAY_MINUTE, 11, 'time', NULL, '15'),
  (21, @now - INTERVAL '5 01:45' DAY_MINUTE, NULL, 'status', 'resolved', 'closed');

-- 000022  Clearwater, Sophie van den Berg: Review of our label printer fleet before the new plant opens
--         pending on the customer, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (22, CONCAT('T-', @y, '-000022'), @y, 22, 6, 26, 16, 'request', 'Review of our label printer fleet before the new plant opens', 'pending', 'customer', 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000022.demo@portico.example>'),
    @now - INTERVAL '9 03:00' DAY_MINUTE, @now - INTERVAL '8 04:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (22, 44, 0, 'Fleet review for Zwolle and the new Deventer plant: models, replacements, central management and firmware updates.'),
  (22, 45, 0, DATE_FORMAT(@now + INTERVAL 20 DAY, '%Y-%m-%d'));
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (22, 29, 26, @now - INTERVAL '9 03:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (71, 22, 'public', 'web', 26, 'Before our new plant in Deventer opens we would like to review the printer fleet with you: which models to keep, which to replace, and how to manage them centrally.',
    CONCAT('<ticket.T-', @y, '-000022.demo@portico.example>'), @now - INTERVAL '9 03:00' DAY_MINUTE),
  (72, 22, 'public', 'web', 11, 'Hello Sophie,\n\nwe would be glad to. I can offer Tuesday the 14th or Thursday the 16th, each from 10:00 to 13:00, at your Zwolle plant. Which suits you better?\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '8 04:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (22, @now - INTERVAL '9 03:00' DAY_MINUTE, 26, 'status', NULL, 'new'),
  (22, @now - INTERVAL '9 03:00' DAY_MINUTE, 26, 'cc', NULL, 'mark.jansen@clearwater.example'),
  (22, @now - INTERVAL '8 05:00' DAY_MINUTE, 3, 'assignee', NULL, '11'),
  (22, @now - INTERVAL '8 04:00' DAY_MINUTE, 11, 'reply', NULL, '72'),
  (22, @now - INTERVAL '8 04:00' DAY_MINUTE, 11, 'status', 'new', 'pending'),
  (22, @now - INTERVAL '8 04:00' DAY_MINUTE, 11, 'pending_reason', NULL, 'customer');

-- 000023  Acme, Ben Hughes: Workshop: label printers for the new Sheffield line
--         open, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (23, CONCAT('T-', @y, '-000023'), @y, 23, 2, 13, 16, 'request', 'Workshop: label printers for the new Sheffield line', 'open', NULL, 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000023.demo@portico.example>'),
    @now - INTERVAL '8 03:00' DAY_MINUTE, @now - INTERVAL '6 01:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (23, 44, 0, 'Printer models and placement on the new line, label templates shared with Leeds, spare parts we should keep on site, and how our ERP sends print jobs.'),
  (23, 45, 0, DATE_FORMAT(@now + INTERVAL 15 DAY, '%Y-%m-%d'));
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (23, 14, 13, @now - INTERVAL '8 03:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (73, 23, 'public', 'web', 13, 'We are opening a second packing line in Sheffield and want to get the label printing right from the start this time. We would like a half-day workshop with your consultants.',
    CONCAT('<ticket.T-', @y, '-000023.demo@portico.example>'), @now - INTERVAL '8 03:00' DAY_MINUTE),
  (75, 23, 'public', 'web', 11, 'Hello Ben,\n\nthank you for thinking of us early. I would suggest a workshop at your Sheffield site so that we can walk the line together. Would Tuesday or Thursday in two weeks suit you, starting at 9:00?\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '7 05:00' DAY_MINUTE),
  (86, 23, 'public', 'web', 13, 'Thursday at 9:00 works. Fiona from purchasing will join us.',
    NULL, @now - INTERVAL '6 02:00' DAY_MINUTE),
  (89, 23, 'internal', 'web', 11, 'Booked in the consultants'' calendar; bring the P-300 demo unit and the template catalogue.',
    NULL, @now - INTERVAL '6 01:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (23, @now - INTERVAL '8 03:00' DAY_MINUTE, 13, 'status', NULL, 'new'),
  (23, @now - INTERVAL '8 03:00' DAY_MINUTE, 13, 'cc', NULL, 'fiona.walsh@acme.example'),
  (23, @now - INTERVAL '7 06:00' DAY_MINUTE, 3, 'assignee', NULL, '11'),
  (23, @now - INTERVAL '7 05:00' DAY_MINUTE, 11, 'reply', NULL, '75'),
  (23, @now - INTERVAL '7 05:00' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (23, @now - INTERVAL '6 02:00' DAY_MINUTE, 13, 'reply', NULL, '86'),
  (23, @now - INTERVAL '6 01:00' DAY_MINUTE, 11, 'note', NULL, '89');

-- 000024  Bergmann, Petra Lange: Rechnung INV-<year>-00061: Wartungsvertrag doppelt berechnet
--         pending on the customer, Max Manager
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (24, CONCAT('T-', @y, '-000024'), @y, 24, 3, 19, 9, 'question', CONCAT('Rechnung INV-', @y, '-00061: Wartungsvertrag doppelt berechnet'), 'pending', 'customer', 3, 3, 5, 2, 2, NULL, NULL, CONCAT('<ticket.T-', @y, '-000024.demo@portico.example>'),
    @now - INTERVAL '7 05:00' DAY_MINUTE, @now - INTERVAL '7 00:50' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (24, 30, 0, CONCAT('INV-', @y, '-00061')),
  (24, 31, 0, 'amount'),
  (24, 32, 0, '1250');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (74, 24, 'public', 'web', 19, CONCAT('Auf der Rechnung INV-', @y, '-00061 ist die Wartungspauschale für das erste Quartal enthalten, die wir laut Vertrag schon mit der Jahresrechnung bezahlt haben. Bitte prüfen und korrigieren Sie die Rechnung.'),
    CONCAT('<ticket.T-', @y, '-000024.demo@portico.example>'), @now - INTERVAL '7 05:00' DAY_MINUTE),
  (78, 24, 'internal', 'web', 2, 'Im Vertragssystem stehen zwei Wartungsverträge für Bergmann (Werk 1 und Werk 2). Die Jahresrechnung deckt nur Werk 1 ab. Vor einer Gutschrift klären, welcher Vertrag gemeint ist.',
    NULL, @now - INTERVAL '7 01:00' DAY_MINUTE),
  (79, 24, 'public', 'web', 2, 'Guten Tag Frau Lange,\n\nbei uns sind zwei Wartungsverträge hinterlegt, einer für Werk 1 und einer für Werk 2; mit der Jahresrechnung ist nur der für Werk 1 bezahlt. Könnten Sie uns die Vertragsnummer nennen, auf die sich Ihre Zahlung bezog? Dann korrigieren wir die Rechnung umgehend.\n\nMit freundlichen Grüßen\nMax Manager',
    NULL, @now - INTERVAL '7 00:50' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (24, @now - INTERVAL '7 05:00' DAY_MINUTE, 19, 'status', NULL, 'new'),
  (24, @now - INTERVAL '7 02:00' DAY_MINUTE, 2, 'assignee', NULL, '2'),
  (24, @now - INTERVAL '7 01:00' DAY_MINUTE, 2, 'note', NULL, '78'),
  (24, @now - INTERVAL '7 00:50' DAY_MINUTE, 2, 'reply', NULL, '79'),
  (24, @now - INTERVAL '7 00:50' DAY_MINUTE, 2, 'status', 'new', 'pending'),
  (24, @now - INTERVAL '7 00:50' DAY_MINUTE, 2, 'pending_reason', NULL, 'customer');

-- 000025  Harbourside, Hannah Clarke: Annual inspection of the dock door label printers
--         open, Alex Agent
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (25, CONCAT('T-', @y, '-000025'), @y, 25, 5, 23, 4, 'request', 'Annual inspection of the dock door label printers', 'open', NULL, 2, 3, 4, 1, 3, NULL, NULL, CONCAT('<ticket.T-', @y, '-000025.demo@portico.example>'),
    @now - INTERVAL '7 04:00' DAY_MINUTE, @now - INTERVAL '6 22:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (25, 13, 0, 'Harbourside Logistics Ltd\nFelixstowe Distribution Centre\nDock Road\nFelixstowe IP11 3XX\nReport to the gatehouse'),
  (25, 14, 0, DATE_FORMAT(@now + INTERVAL 9 DAY, '%Y-%m-%d')),
  (25, 15, 0, 'Hi-vis vest and safety boots are required on the dock.'),
  (25, 16, 0, '1');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (76, 25, 'public', 'web', 23, 'The yearly inspection of the eight label printers at the dock doors is due. Mornings are best for us.',
    CONCAT('<ticket.T-', @y, '-000025.demo@portico.example>'), @now - INTERVAL '7 04:00' DAY_MINUTE),
  (77, 25, 'public', 'web', 3, 'Hello Hannah,\n\nour technician can come on the Wednesday after next at 8:00; the inspection takes about four hours. Does that suit you?\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '7 01:00' DAY_MINUTE),
  (80, 25, 'public', 'web', 23, 'Wednesday at 8:00 is fine, I will tell the gatehouse.',
    NULL, @now - INTERVAL '6 22:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (25, @now - INTERVAL '7 04:00' DAY_MINUTE, 23, 'status', NULL, 'new'),
  (25, @now - INTERVAL '7 02:00' DAY_MINUTE, 3, 'assignee', NULL, '3'),
  (25, @now - INTERVAL '7 01:00' DAY_MINUTE, 3, 'reply', NULL, '77'),
  (25, @now - INTERVAL '7 01:00' DAY_MINUTE, 3, 'status', 'new', 'open'),
  (25, @now - INTERVAL '6 22:00' DAY_MINUTE, 23, 'reply', NULL, '80');

-- 000026  Harbourside, Dev Patel: Print heads for the dock label printers
--         resolved, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (26, CONCAT('T-', @y, '-000026'), @y, 26, 5, 22, 3, 'request', 'Print heads for the dock label printers', 'resolved', NULL, 3, 2, 4, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000026.demo@portico.example>'),
    @now - INTERVAL '6 05:00' DAY_MINUTE, @now - INTERVAL '3 06:00' DAY_MINUTE, @now - INTERVAL '3 06:00' DAY_MINUTE, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (26, 10, 0, 'PH-2040'),
  (26, 11, 0, '4'),
  (26, 12, 0, DATE_FORMAT(@now + INTERVAL 8 DAY, '%Y-%m-%d'));
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (81, 26, 'public', 'web', 22, 'Please send four print heads PH-2040 for the label printers at the dock doors; two of them are starting to print faint lines.',
    CONCAT('<ticket.T-', @y, '-000026.demo@portico.example>'), @now - INTERVAL '6 05:00' DAY_MINUTE),
  (83, 26, 'public', 'web', 11, 'Hello Dev,\n\nfour print heads PH-2040 leave our warehouse today and should be with you tomorrow. Fitting instructions are in the box; the heads need no calibration.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '6 02:30' DAY_MINUTE),
  (101, 26, 'public', 'web', 22, 'Received, thanks. Two are fitted and the lines are gone.',
    NULL, @now - INTERVAL '5 01:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (26, @now - INTERVAL '6 05:00' DAY_MINUTE, 22, 'status', NULL, 'new'),
  (26, @now - INTERVAL '6 03:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (26, @now - INTERVAL '6 02:30' DAY_MINUTE, 11, 'reply', NULL, '83'),
  (26, @now - INTERVAL '6 02:30' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (26, @now - INTERVAL '5 01:00' DAY_MINUTE, 22, 'reply', NULL, '101'),
  (26, @now - INTERVAL '3 06:00' DAY_MINUTE, 11, 'status', 'open', 'resolved');

-- 000027  Northwind, Paula Partner: Return of three demo gateways after the fair
--         pending on a third party, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (27, CONCAT('T-', @y, '-000027'), @y, 27, 4, 9, 11, 'request', 'Return of three demo gateways after the fair', 'pending', 'third_party', 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000027.demo@portico.example>'),
    @now - INTERVAL '6 04:00' DAY_MINUTE, @now - INTERVAL '6 01:30' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (27, 34, 0, 'PO-309977'),
  (27, 35, 0, 'not-needed');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (82, 27, 'public', 'web', 9, 'The fair is over; we would like to return the three demo gateways we bought for it under PO-309977.',
    CONCAT('<ticket.T-', @y, '-000027.demo@portico.example>'), @now - INTERVAL '6 04:00' DAY_MINUTE),
  (87, 27, 'public', 'web', 12, 'Hello Paula,\n\nof course. We have booked the pick-up with our carrier; they will call you to agree a day. The credit note follows once the devices are back and checked.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '6 01:30' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (27, @now - INTERVAL '6 04:00' DAY_MINUTE, 9, 'status', NULL, 'new'),
  (27, @now - INTERVAL '6 02:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (27, @now - INTERVAL '6 01:30' DAY_MINUTE, 12, 'reply', NULL, '87'),
  (27, @now - INTERVAL '6 01:30' DAY_MINUTE, 12, 'status', 'new', 'pending'),
  (27, @now - INTERVAL '6 01:30' DAY_MINUTE, 12, 'pending_reason', NULL, 'third_party');

-- 000028  Bergmann, Monika Schulz: Tonerkartuschen TN-4410 für die Drucker im Einkauf
--         pending on a third party, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (28, CONCAT('T-', @y, '-000028'), @y, 28, 3, 17, 3, 'request', 'Tonerkartuschen TN-4410 für die Drucker im Einkauf', 'pending', 'third_party', 3, 2, 4, 1, 10, NULL, NULL, CONCAT('<ticket.T-', @y, '-000028.demo@portico.example>'),
    @now - INTERVAL '6 02:00' DAY_MINUTE, @now - INTERVAL '5 22:45' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (28, 10, 0, 'TN-4410'),
  (28, 11, 0, '12'),
  (28, 12, 0, DATE_FORMAT(@now + INTERVAL 3 DAY, '%Y-%m-%d'));
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (84, 28, 'public', 'web', 17, 'Für die vier Drucker im Einkauf brauchen wir 12 Tonerkartuschen TN-4410. Der letzte Satz ist fast aufgebraucht.',
    CONCAT('<ticket.T-', @y, '-000028.demo@portico.example>'), @now - INTERVAL '6 02:00' DAY_MINUTE),
  (90, 28, 'internal', 'web', 10, 'Lager hat nur 4 Stück. Restliche 8 beim Hersteller bestellt, Liefertermin laut Hersteller unklar (Rückstand).',
    NULL, @now - INTERVAL '5 23:00' DAY_MINUTE),
  (91, 28, 'public', 'web', 10, 'Guten Tag Frau Schulz,\n\nvier Kartuschen haben wir am Lager, sie gehen heute an Sie raus. Die übrigen acht hat der Hersteller im Rückstand; wir haben sie bestellt und melden uns, sobald wir einen Liefertermin haben.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '5 22:45' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (28, @now - INTERVAL '6 02:00' DAY_MINUTE, 17, 'status', NULL, 'new'),
  (28, @now - INTERVAL '6 01:00' DAY_MINUTE, 10, 'assignee', NULL, '10'),
  (28, @now - INTERVAL '5 23:00' DAY_MINUTE, 10, 'note', NULL, '90'),
  (28, @now - INTERVAL '5 22:45' DAY_MINUTE, 10, 'reply', NULL, '91'),
  (28, @now - INTERVAL '5 22:45' DAY_MINUTE, 10, 'status', 'new', 'pending'),
  (28, @now - INTERVAL '5 22:45' DAY_MINUTE, 10, 'pending_reason', NULL, 'third_party');

-- 000029  Harbourside, Liam O'Brien: Statement of account for the first quarter
--         resolved, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (29, CONCAT('T-', @y, '-000029'), @y, 29, 5, 25, 13, 'question', 'Statement of account for the first quarter', 'resolved', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000029.demo@portico.example>'),
    @now - INTERVAL '6 02:00' DAY_MINUTE, @now - INTERVAL '5 05:00' DAY_MINUTE, @now - INTERVAL '5 05:00' DAY_MINUTE, NULL);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (85, 29, 'public', 'mail', 25, 'Hello,\n\ncould you send us a statement of account for January to March? Our auditors ask for it.\n\nKind regards\nLiam O''Brien\nFinance\nHarbourside Logistics Ltd',
    '<DB9PR07MB9410.liam@harbourside.example>', @now - INTERVAL '6 02:00' DAY_MINUTE),
  (96, 29, 'public', 'web', 12, CONCAT('Hello Liam,\n\nplease find the statement of account for January to March in the mail to this ticket. All invoices of the quarter are paid except INV-', @y, '-00071, which is due at the end of the month.\n\nKind regards\nPriya Nair'),
    NULL, @now - INTERVAL '5 05:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (29, @now - INTERVAL '6 02:00' DAY_MINUTE, 25, 'status', NULL, 'new'),
  (29, @now - INTERVAL '6 01:00' DAY_MINUTE, 3, 'group', '1', '2'),
  (29, @now - INTERVAL '6 01:00' DAY_MINUTE, 3, 'assignee', NULL, '12'),
  (29, @now - INTERVAL '5 05:00' DAY_MINUTE, 12, 'reply', NULL, '96'),
  (29, @now - INTERVAL '5 05:00' DAY_MINUTE, 12, 'status', 'new', 'resolved');

-- 000030  Acme, Ben Hughes: Reporting dashboards for the quality team
--         pending on the customer, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (30, CONCAT('T-', @y, '-000030'), @y, 30, 2, 13, 6, 'request', 'Reporting dashboards for the quality team', 'pending', 'customer', 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000030.demo@portico.example>'),
    @now - INTERVAL '6 01:00' DAY_MINUTE, @now - INTERVAL '5 22:30' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (30, 22, 0, 'reporting'),
  (30, 23, 0, 'Monthly supplier quality review: the team needs the delivery and complaint figures per supplier, which are only in the dashboards.');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (88, 30, 'public', 'web', 13, 'The quality team (four people) needs read access to the reporting dashboards for the monthly supplier review. They already have portal accounts.',
    CONCAT('<ticket.T-', @y, '-000030.demo@portico.example>'), @now - INTERVAL '6 01:00' DAY_MINUTE),
  (92, 30, 'public', 'web', 11, 'Hello Ben,\n\nhappy to set this up. Could you send us the names and e-mail addresses of the four people? Dashboard access for more than two people also needs a short OK from your administrator, Anna Admin; a reply from her on this ticket is enough.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '5 22:30' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (30, @now - INTERVAL '6 01:00' DAY_MINUTE, 13, 'status', NULL, 'new'),
  (30, @now - INTERVAL '5 23:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (30, @now - INTERVAL '5 22:30' DAY_MINUTE, 11, 'reply', NULL, '92'),
  (30, @now - INTERVAL '5 22:30' DAY_MINUTE, 11, 'status', 'new', 'pending'),
  (30, @now - INTERVAL '5 22:30' DAY_MINUTE, 11, 'pending_reason', NULL, 'customer');

-- 000031  Bergmann, Monika Schulz: Falsche Tonerkartuschen geliefert (PO-205377)
--         pending on the customer, Max Manager
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (31, CONCAT('T-', @y, '-000031'), @y, 31, 3, 17, 11, 'request', 'Falsche Tonerkartuschen geliefert (PO-205377)', 'pending', 'customer', 3, 3, 5, 2, 2, NULL, NULL, CONCAT('<ticket.T-', @y, '-000031.demo@portico.example>'),
    @now - INTERVAL '5 20:00' DAY_MINUTE, @now - INTERVAL '5 18:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (31, 34, 0, 'PO-205377'),
  (31, 35, 0, 'wrong');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (93, 31, 'public', 'web', 17, 'Statt TN-4410 wurden uns vier Kartuschen TN-4400 geliefert, die in unsere Drucker nicht passen. Bitte nehmen Sie sie zurück.',
    CONCAT('<ticket.T-', @y, '-000031.demo@portico.example>'), @now - INTERVAL '5 20:00' DAY_MINUTE),
  (94, 31, 'public', 'web', 2, 'Guten Tag Frau Schulz,\n\nentschuldigen Sie die Verwechslung. Den Rücksendeschein finden Sie im Anhang der E-Mail zu diesem Ticket; bitte schicken Sie die vier Kartuschen damit zurück. Die Gutschrift erstellen wir, sobald sie bei uns sind.\n\nMit freundlichen Grüßen\nMax Manager',
    NULL, @now - INTERVAL '5 18:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (31, @now - INTERVAL '5 20:00' DAY_MINUTE, 17, 'status', NULL, 'new'),
  (31, @now - INTERVAL '5 19:00' DAY_MINUTE, 2, 'assignee', NULL, '2'),
  (31, @now - INTERVAL '5 18:00' DAY_MINUTE, 2, 'reply', NULL, '94'),
  (31, @now - INTERVAL '5 18:00' DAY_MINUTE, 2, 'status', 'new', 'pending'),
  (31, @now - INTERVAL '5 18:00' DAY_MINUTE, 2, 'pending_reason', NULL, 'customer');

-- 000032  Acme, Fiona Walsh: Delivery date for PO-104871 (label rolls for Sheffield)
--         pending on a third party, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (32, CONCAT('T-', @y, '-000032'), @y, 32, 2, 14, 10, 'question', 'Delivery date for PO-104871 (label rolls for Sheffield)', 'pending', 'third_party', 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000032.demo@portico.example>'),
    @now - INTERVAL '5 06:00' DAY_MINUTE, @now - INTERVAL '2 05:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (32, 33, 0, 'PO-104871');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (95, 32, 'public', 'web', 14, 'We ordered 40 boxes of thermal label rolls under PO-104871 for the new Sheffield line. The order confirmation gives no delivery date. The line starts production on the 20th; can you tell us when the rolls will arrive?',
    CONCAT('<ticket.T-', @y, '-000032.demo@portico.example>'), @now - INTERVAL '5 06:00' DAY_MINUTE),
  (98, 32, 'public', 'web', 12, 'Hello Fiona,\n\nthe label rolls are made to order by our supplier and leave their plant this week. I have asked them for the exact shipping date and will come back to you as soon as I have it.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '5 03:40' DAY_MINUTE),
  (134, 32, 'internal', 'web', 12, 'Supplier (Labelpro) confirms dispatch on Friday, delivery Tuesday. Waiting for the tracking number before I tell the customer.',
    NULL, @now - INTERVAL '2 05:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (32, @now - INTERVAL '5 06:00' DAY_MINUTE, 14, 'status', NULL, 'new'),
  (32, @now - INTERVAL '5 04:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (32, @now - INTERVAL '5 03:40' DAY_MINUTE, 12, 'reply', NULL, '98'),
  (32, @now - INTERVAL '5 03:40' DAY_MINUTE, 12, 'status', 'new', 'pending'),
  (32, @now - INTERVAL '5 03:40' DAY_MINUTE, 12, 'pending_reason', NULL, 'third_party'),
  (32, @now - INTERVAL '2 05:00' DAY_MINUTE, 12, 'note', NULL, '134');

-- 000033  Bergmann, Sabine Krüger: Neue Kollegin im Einkauf: Julia Neumann
--         open, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (33, CONCAT('T-', @y, '-000033'), @y, 33, 3, 15, 5, 'request', 'Neue Kollegin im Einkauf: Julia Neumann', 'open', NULL, 3, 2, 4, 1, 10, NULL, NULL, CONCAT('<ticket.T-', @y, '-000033.demo@portico.example>'),
    @now - INTERVAL '5 04:00' DAY_MINUTE, @now - INTERVAL '5 02:40' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (33, 17, 0, 'Julia Neumann'),
  (33, 18, 0, DATE_FORMAT(@now + INTERVAL 10 DAY, '%Y-%m-%d')),
  (33, 19, 0, 'Monika Schulz'),
  (33, 20, 0, 'staff'),
  (33, 21, 0, 'portal'),
  (33, 21, 1, 'erp');
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (33, 17, 15, @now - INTERVAL '5 04:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (97, 33, 'public', 'web', 15, 'Frau Julia Neumann beginnt zum genannten Termin als Sachbearbeiterin im Einkauf. Bitte richten Sie ihr ein Portalkonto (Rolle Einkäuferin) und den ERP-Zugang ein. Ihre Vorgesetzte ist Frau Schulz.',
    CONCAT('<ticket.T-', @y, '-000033.demo@portico.example>'), @now - INTERVAL '5 04:00' DAY_MINUTE),
  (100, 33, 'public', 'web', 10, 'Guten Tag Frau Krüger,\n\nvielen Dank. Portal- und ERP-Konto richten wir bis drei Tage vor dem ersten Arbeitstag ein; die Zugangsdaten gehen an Frau Schulz. Den VPN-Zugang, den Sie im zweiten Ticket beantragt haben, haben wir diesem Ticket zugeordnet.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '5 02:40' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (33, @now - INTERVAL '5 04:00' DAY_MINUTE, 15, 'status', NULL, 'new'),
  (33, @now - INTERVAL '5 04:00' DAY_MINUTE, 15, 'cc', NULL, 'monika.schulz@bergmann.example'),
  (33, @now - INTERVAL '5 03:00' DAY_MINUTE, 10, 'assignee', NULL, '10'),
  (33, @now - INTERVAL '5 02:45' DAY_MINUTE, 10, 'child', NULL, CONCAT('T-', @y, '-000034')),
  (33, @now - INTERVAL '5 02:40' DAY_MINUTE, 10, 'reply', NULL, '100'),
  (33, @now - INTERVAL '5 02:40' DAY_MINUTE, 10, 'status', 'new', 'open');

-- 000034  Bergmann, Sabine Krüger: VPN und Dateiablage für Julia Neumann
--         new, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (34, CONCAT('T-', @y, '-000034'), @y, 34, 3, 15, 6, 'request', 'VPN und Dateiablage für Julia Neumann', 'new', NULL, 3, 3, 5, 1, 10, 33, NULL, CONCAT('<ticket.T-', @y, '-000034.demo@portico.example>'),
    @now - INTERVAL '5 03:30' DAY_MINUTE, @now - INTERVAL '5 02:44' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (34, 22, 0, 'file-share'),
  (34, 22, 1, 'vpn'),
  (34, 23, 0, 'Mobiles Arbeiten an zwei Tagen pro Woche; Bestellunterlagen liegen in der Dateiablage des Einkaufs.');
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (34, 17, 15, @now - INTERVAL '5 03:30' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (99, 34, 'public', 'web', 15, 'Frau Neumann wird zwei Tage pro Woche mobil arbeiten und braucht dafür VPN und die Dateiablage des Einkaufs.',
    CONCAT('<ticket.T-', @y, '-000034.demo@portico.example>'), @now - INTERVAL '5 03:30' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (34, @now - INTERVAL '5 03:30' DAY_MINUTE, 15, 'status', NULL, 'new'),
  (34, @now - INTERVAL '5 03:30' DAY_MINUTE, 15, 'cc', NULL, 'monika.schulz@bergmann.example'),
  (34, @now - INTERVAL '5 02:45' DAY_MINUTE, 10, 'parent', NULL, CONCAT('T-', @y, '-000033')),
  (34, @now - INTERVAL '5 02:44' DAY_MINUTE, 10, 'assignee', NULL, '10');

-- 000035  Clearwater, Sophie van den Berg: Portal account for Daan Smit (plant manager Deventer)
--         resolved, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (35, CONCAT('T-', @y, '-000035'), @y, 35, 6, 26, 5, 'request', 'Portal account for Daan Smit (plant manager Deventer)', 'resolved', NULL, 3, 2, 4, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000035.demo@portico.example>'),
    @now - INTERVAL '4 05:00' DAY_MINUTE, @now - INTERVAL '1 06:00' DAY_MINUTE, @now - INTERVAL '1 06:00' DAY_MINUTE, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (35, 17, 0, 'Daan Smit'),
  (35, 18, 0, DATE_FORMAT(@now + INTERVAL 1 DAY, '%Y-%m-%d')),
  (35, 19, 0, 'Sophie van den Berg'),
  (35, 20, 0, 'admin'),
  (35, 21, 0, 'portal'),
  (35, 21, 1, 'reporting');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (102, 35, 'public', 'web', 26, 'Daan Smit starts as plant manager of our new Deventer plant. He needs a portal account with administrator rights and the reporting dashboards.',
    CONCAT('<ticket.T-', @y, '-000035.demo@portico.example>'), @now - INTERVAL '4 05:00' DAY_MINUTE),
  (147, 35, 'public', 'web', 11, 'Hello Sophie,\n\nDaan''s account is ready; his invitation goes to his address on his first day. He has administrator rights for Clearwater and access to the reporting dashboards.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '1 06:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (35, @now - INTERVAL '4 05:00' DAY_MINUTE, 26, 'status', NULL, 'new'),
  (35, @now - INTERVAL '4 03:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (35, @now - INTERVAL '1 06:00' DAY_MINUTE, 11, 'reply', NULL, '147'),
  (35, @now - INTERVAL '1 06:00' DAY_MINUTE, 11, 'status', 'new', 'resolved');

-- 000036  Bergmann, Petra Lange: Rechnungen künftig an die Kreditorenbuchhaltung
--         resolved, Max Manager
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (36, CONCAT('T-', @y, '-000036'), @y, 36, 3, 19, 12, 'request', 'Rechnungen künftig an die Kreditorenbuchhaltung', 'resolved', NULL, 3, 3, 5, 2, 2, NULL, NULL, CONCAT('<ticket.T-', @y, '-000036.demo@portico.example>'),
    @now - INTERVAL '4 04:00' DAY_MINUTE, @now - INTERVAL '4 01:30' DAY_MINUTE, @now - INTERVAL '4 01:30' DAY_MINUTE, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (36, 37, 0, 'Bergmann Maschinenbau AG\nKreditorenbuchhaltung\nPostfach 11 20\n73221 Kirchheim unter Teck'),
  (36, 38, 0, 'DE281934567'),
  (36, 39, 0, DATE_FORMAT(@now + INTERVAL 0 DAY, '%Y-%m-%d'));
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (103, 36, 'public', 'web', 19, 'Ab sofort bitten wir, Rechnungen nicht mehr an den Einkauf, sondern an unsere Kreditorenbuchhaltung zu adressieren.',
    CONCAT('<ticket.T-', @y, '-000036.demo@portico.example>'), @now - INTERVAL '4 04:00' DAY_MINUTE),
  (107, 36, 'public', 'web', 2, 'Guten Tag Frau Lange,\n\ndie neue Rechnungsanschrift ist hinterlegt und gilt ab der nächsten Rechnung.\n\nMit freundlichen Grüßen\nMax Manager',
    NULL, @now - INTERVAL '4 01:30' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (36, @now - INTERVAL '4 04:00' DAY_MINUTE, 19, 'status', NULL, 'new'),
  (36, @now - INTERVAL '4 02:00' DAY_MINUTE, 2, 'assignee', NULL, '2'),
  (36, @now - INTERVAL '4 01:30' DAY_MINUTE, 2, 'reply', NULL, '107'),
  (36, @now - INTERVAL '4 01:30' DAY_MINUTE, 2, 'status', 'new', 'resolved');

-- 000037  Bergmann, Jürgen Hoffmann: Etikettendrucker Endmontage druckt Etiketten verschoben
--         open, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (37, CONCAT('T-', @y, '-000037'), @y, 37, 3, 18, 1, 'incident', 'Etikettendrucker Endmontage druckt Etiketten verschoben', 'open', NULL, 2, 2, 3, 1, 10, NULL, NULL, CONCAT('<ticket.T-', @y, '-000037.demo@portico.example>'),
    @now - INTERVAL '4 03:00' DAY_MINUTE, @now - INTERVAL '3 19:30' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (37, 1, 0, 'ZT-41187'),
  (37, 2, 0, 'Werk 2, Halle C, Endmontage Linie 4'),
  (37, 4, 0, DATE_FORMAT(@now - INTERVAL 5 DAY, '%Y-%m-%d')),
  (37, 5, 0, '3');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (104, 37, 'public', 'web', 18, 'Der Etikettendrucker an Linie 4 der Endmontage druckt seit gestern alle Etiketten um etwa 5 mm nach unten verschoben. Der Barcode ist dadurch angeschnitten und wird am Wareneingang des Kunden nicht gelesen. Rolle und Farbband haben wir schon gewechselt.',
    CONCAT('<ticket.T-', @y, '-000037.demo@portico.example>'), @now - INTERVAL '4 03:00' DAY_MINUTE),
  (106, 37, 'public', 'web', 10, 'Guten Tag Herr Hoffmann,\n\nbitte führen Sie einmal die Medienkalibrierung aus: Drucker einschalten, die Pause-Taste gedrückt halten, bis die Anzeige zweimal blinkt, und loslassen. Der Drucker zieht dann einige leere Etiketten ein und misst die Lücken neu.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '4 01:45' DAY_MINUTE),
  (110, 37, 'public', 'mail', 18, 'Guten Morgen Frau Fischer,\n\ndie Kalibrierung haben wir gemacht, danach waren die ersten zehn Etiketten richtig, dann ging es wieder los.\n\nGruß\nJürgen Hoffmann',
    '<8c2f4a1e-77d0-4b1e-9a35-2b6e1f0c4d21@bergmann.example>', @now - INTERVAL '3 22:00' DAY_MINUTE),
  (111, 37, 'internal', 'web', 10, 'Klingt nach verschmutztem Lückensensor oder abgenutzter Andruckwalze. Techniker Rainer hat Donnerstag Termine in Kirchheim, kann vorbeischauen. Walze PR-4410 vorsorglich mitnehmen.',
    NULL, @now - INTERVAL '3 20:00' DAY_MINUTE),
  (112, 37, 'public', 'web', 10, 'Guten Tag Herr Hoffmann,\n\ndanke für den Test. Dann ist vermutlich der Sensor verschmutzt oder die Andruckwalze abgenutzt. Unser Techniker kommt am Donnerstag gegen 10 Uhr vorbei und bringt eine neue Walze mit. Bis dahin kann Linie 3 die Etiketten für Linie 4 mitdrucken.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '3 19:30' DAY_MINUTE);
INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at) VALUES
  (37, 10, 20, 'Ferndiagnose mit Herrn Hoffmann', @now - INTERVAL '3 19:58' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (37, @now - INTERVAL '4 03:00' DAY_MINUTE, 18, 'status', NULL, 'new'),
  (37, @now - INTERVAL '4 02:00' DAY_MINUTE, 10, 'assignee', NULL, '10'),
  (37, @now - INTERVAL '4 01:45' DAY_MINUTE, 10, 'reply', NULL, '106'),
  (37, @now - INTERVAL '4 01:45' DAY_MINUTE, 10, 'status', 'new', 'open'),
  (37, @now - INTERVAL '3 22:00' DAY_MINUTE, 18, 'reply', NULL, '110'),
  (37, @now - INTERVAL '3 20:00' DAY_MINUTE, 10, 'note', NULL, '111'),
  (37, @now - INTERVAL '3 19:58' DAY_MINUTE, 10, 'time', NULL, '20'),
  (37, @now - INTERVAL '3 19:30' DAY_MINUTE, 10, 'reply', NULL, '112');

-- 000038  Acme, Anna Admin: New invoice address from the 1st of next month
--         resolved, Max Manager
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (38, CONCAT('T-', @y, '-000038'), @y, 38, 2, 5, 12, 'request', 'New invoice address from the 1st of next month', 'resolved', NULL, 3, 3, 5, 2, 2, NULL, NULL, CONCAT('<ticket.T-', @y, '-000038.demo@portico.example>'),
    @now - INTERVAL '4 02:00' DAY_MINUTE, @now - INTERVAL '3 05:40' DAY_MINUTE, @now - INTERVAL '3 05:40' DAY_MINUTE, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (38, 37, 0, 'Acme Industrial Ltd\nAccounts Payable\n14 Wellington Street\nLeeds LS1 4DL'),
  (38, 38, 0, 'GB123456789'),
  (38, 39, 0, DATE_FORMAT(@now + INTERVAL 12 DAY, '%Y-%m-%d'));
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (38, 14, 5, @now - INTERVAL '4 02:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (105, 38, 'public', 'web', 5, 'Our accounts payable team moves to Wellington Street. Please send all invoices from the 1st of next month to the new address.',
    CONCAT('<ticket.T-', @y, '-000038.demo@portico.example>'), @now - INTERVAL '4 02:00' DAY_MINUTE),
  (115, 38, 'public', 'web', 2, 'Hello Anna,\n\nthe new invoice address is stored and applies to every invoice from the 1st of next month. Invoices already issued keep the old address.\n\nBest regards\nMax Manager',
    NULL, @now - INTERVAL '3 05:40' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (38, @now - INTERVAL '4 02:00' DAY_MINUTE, 5, 'status', NULL, 'new'),
  (38, @now - INTERVAL '4 02:00' DAY_MINUTE, 5, 'cc', NULL, 'fiona.walsh@acme.example'),
  (38, @now - INTERVAL '3 06:00' DAY_MINUTE, 2, 'assignee', NULL, '2'),
  (38, @now - INTERVAL '3 05:40' DAY_MINUTE, 2, 'reply', NULL, '115'),
  (38, @now - INTERVAL '3 05:40' DAY_MINUTE, 2, 'status', 'new', 'resolved');

-- 000039  Northwind, Paula Partner: Where is PO-310288 for our customer in Antwerp?
--         resolved, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (39, CONCAT('T-', @y, '-000039'), @y, 39, 4, 9, 10, 'question', 'Where is PO-310288 for our customer in Antwerp?', 'resolved', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000039.demo@portico.example>'),
    @now - INTERVAL '4 01:00' DAY_MINUTE, @now - INTERVAL '2 20:00' DAY_MINUTE, @now - INTERVAL '2 20:00' DAY_MINUTE, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (39, 33, 0, 'PO-310288');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (108, 39, 'public', 'web', 9, 'Our customer in Antwerp is waiting for the 12 scanners of PO-310288, which should have been delivered yesterday. The tracking link shows nothing since Monday.',
    CONCAT('<ticket.T-', @y, '-000039.demo@portico.example>'), @now - INTERVAL '4 01:00' DAY_MINUTE),
  (109, 39, 'public', 'web', 12, 'Hello Paula,\n\nthe carrier held the parcel at the Belgian border because the customs invoice was missing. We have sent it to them; delivery is now expected tomorrow.\n\nKind regards\nPriya Nair',
    NULL, @now - INTERVAL '3 22:00' DAY_MINUTE),
  (129, 39, 'public', 'web', 9, 'Delivered this morning, thank you.',
    NULL, @now - INTERVAL '2 21:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (39, @now - INTERVAL '4 01:00' DAY_MINUTE, 9, 'status', NULL, 'new'),
  (39, @now - INTERVAL '3 23:00' DAY_MINUTE, 12, 'assignee', NULL, '12'),
  (39, @now - INTERVAL '3 22:00' DAY_MINUTE, 12, 'reply', NULL, '109'),
  (39, @now - INTERVAL '3 22:00' DAY_MINUTE, 12, 'status', 'new', 'open'),
  (39, @now - INTERVAL '2 21:00' DAY_MINUTE, 9, 'reply', NULL, '129'),
  (39, @now - INTERVAL '2 20:00' DAY_MINUTE, 12, 'status', 'open', 'resolved');

-- 000040  Northwind, Pieter de Vries: Demo devices and brochures for the Utrecht roadshow
--         open, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (40, CONCAT('T-', @y, '-000040'), @y, 40, 4, 20, 15, 'request', 'Demo devices and brochures for the Utrecht roadshow', 'open', NULL, 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000040.demo@portico.example>'),
    @now - INTERVAL '3 07:00' DAY_MINUTE, @now - INTERVAL '3 04:25' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (40, 42, 0, 'brochures'),
  (40, 42, 1, 'demo-device'),
  (40, 43, 0, '50');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (113, 40, 'public', 'web', 20, 'We present your gateways at the logistics roadshow in Utrecht in two weeks. Could we borrow two demo gateways and get 50 brochures in Dutch or English?',
    CONCAT('<ticket.T-', @y, '-000040.demo@portico.example>'), @now - INTERVAL '3 07:00' DAY_MINUTE),
  (117, 40, 'public', 'web', 11, 'Hello Pieter,\n\ngood luck with the roadshow! Two demo gateways and 50 English brochures are reserved for you; Dutch brochures are being reprinted and will not be ready in time. Everything ships next Thursday.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '3 04:30' DAY_MINUTE),
  (118, 40, 'internal', 'web', 11, 'Demo units GW-DEMO-07 and GW-DEMO-11, return due two weeks after the fair.',
    NULL, @now - INTERVAL '3 04:25' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (40, @now - INTERVAL '3 07:00' DAY_MINUTE, 20, 'status', NULL, 'new'),
  (40, @now - INTERVAL '3 05:00' DAY_MINUTE, 3, 'assignee', NULL, '11'),
  (40, @now - INTERVAL '3 04:30' DAY_MINUTE, 11, 'reply', NULL, '117'),
  (40, @now - INTERVAL '3 04:30' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (40, @now - INTERVAL '3 04:25' DAY_MINUTE, 11, 'note', NULL, '118');

-- 000041  Harbourside, Hannah Clarke: Replace the shift lead phone (screen broken)
--         pending on the customer, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (41, CONCAT('T-', @y, '-000041'), @y, 41, 5, 23, 2, 'request', 'Replace the shift lead phone (screen broken)', 'pending', 'customer', 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000041.demo@portico.example>'),
    @now - INTERVAL '3 06:00' DAY_MINUTE, @now - INTERVAL '3 03:30' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (41, 7, 0, 'phone'),
  (41, 8, 0, 'MP-88213'),
  (41, 9, 0, 'Dropped from a forklift, screen shattered, touch does not react. The phone is used for the shift lead hotline.');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (114, 41, 'public', 'web', 23, 'The shift lead phone at goods-in fell off the forklift; the screen is shattered and the touch no longer works.',
    CONCAT('<ticket.T-', @y, '-000041.demo@portico.example>'), @now - INTERVAL '3 06:00' DAY_MINUTE),
  (120, 41, 'public', 'web', 11, 'Hello Hannah,\n\nwe can send a replacement phone today. As it is not covered by the warranty, the replacement costs GBP 189; could your administrator, Rachel Moore, confirm the cost on this ticket? The phone leaves the same day.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '3 03:30' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (41, @now - INTERVAL '3 06:00' DAY_MINUTE, 23, 'status', NULL, 'new'),
  (41, @now - INTERVAL '3 04:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (41, @now - INTERVAL '3 03:30' DAY_MINUTE, 11, 'reply', NULL, '120'),
  (41, @now - INTERVAL '3 03:30' DAY_MINUTE, 11, 'status', 'new', 'pending'),
  (41, @now - INTERVAL '3 03:30' DAY_MINUTE, 11, 'pending_reason', NULL, 'customer');

-- 000042  Acme, Anna Admin: New starter: Grace Liu, quality engineer
--         open, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (42, CONCAT('T-', @y, '-000042'), @y, 42, 2, 5, 5, 'request', 'New starter: Grace Liu, quality engineer', 'open', NULL, 3, 2, 4, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000042.demo@portico.example>'),
    @now - INTERVAL '3 05:00' DAY_MINUTE, @now - INTERVAL '3 02:45' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (42, 17, 0, 'Grace Liu'),
  (42, 18, 0, DATE_FORMAT(@now + INTERVAL 9 DAY, '%Y-%m-%d')),
  (42, 19, 0, 'Martin Shaw'),
  (42, 20, 0, 'staff'),
  (42, 21, 0, 'portal'),
  (42, 21, 1, 'file-share'),
  (42, 21, 2, 'reporting');
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (42, 13, 5, @now - INTERVAL '3 05:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (116, 42, 'public', 'web', 5, 'Grace Liu joins our quality team on the date above. She needs the usual staff access plus the reporting dashboards. Her manager is Martin Shaw.',
    CONCAT('<ticket.T-', @y, '-000042.demo@portico.example>'), @now - INTERVAL '3 05:00' DAY_MINUTE),
  (122, 42, 'public', 'web', 11, 'Hello Anna,\n\nthank you, we will have the accounts ready two days before Grace starts. The sign-in details go to Martin Shaw, as for your last starters.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '3 02:50' DAY_MINUTE),
  (123, 42, 'internal', 'web', 11, 'Reporting licence: Acme has used 25 of 25. Asked Max whether we extend the contract or Acme frees a seat.',
    NULL, @now - INTERVAL '3 02:45' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (42, @now - INTERVAL '3 05:00' DAY_MINUTE, 5, 'status', NULL, 'new'),
  (42, @now - INTERVAL '3 05:00' DAY_MINUTE, 5, 'cc', NULL, 'ben.hughes@acme.example'),
  (42, @now - INTERVAL '3 03:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (42, @now - INTERVAL '3 02:50' DAY_MINUTE, 11, 'reply', NULL, '122'),
  (42, @now - INTERVAL '3 02:50' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (42, @now - INTERVAL '3 02:45' DAY_MINUTE, 11, 'note', NULL, '123');

-- 000043  Clearwater, Emma de Jong: Credit note for returned ribbons not applied to INV-<year>-00064
--         open, Priya Nair
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (43, CONCAT('T-', @y, '-000043'), @y, 43, 6, 28, 9, 'question', CONCAT('Credit note for returned ribbons not applied to INV-', @y, '-00064'), 'open', NULL, 3, 3, 5, 2, 12, NULL, NULL, CONCAT('<ticket.T-', @y, '-000043.demo@portico.example>'),
    @now - INTERVAL '3 04:00' DAY_MINUTE, @now - INTERVAL '3 00:50' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (43, 30, 0, CONCAT('INV-', @y, '-00064')),
  (43, 31, 0, 'amount'),
  (43, 32, 0, '312');
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (43, 27, 28, @now - INTERVAL '3 04:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (119, 43, 'public', 'web', 28, CONCAT('INV-', @y, '-00064 still charges the five ribbons we returned last month. The credit note was promised in the return ticket.'),
    CONCAT('<ticket.T-', @y, '-000043.demo@portico.example>'), @now - INTERVAL '3 04:00' DAY_MINUTE),
  (126, 43, 'internal', 'web', 12, 'Return was booked, but the credit note was never released: stuck in approval since the return ticket was closed. Asked finance to release it.',
    NULL, @now - INTERVAL '3 01:00' DAY_MINUTE),
  (127, 43, 'public', 'web', 12, CONCAT('Hello Emma,\n\nyou are right, the credit note for the returned ribbons was not released. Our finance team releases it today and deducts it from INV-', @y, '-00064; you will get the corrected invoice by mail.\n\nKind regards\nPriya Nair'),
    NULL, @now - INTERVAL '3 00:50' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (43, @now - INTERVAL '3 04:00' DAY_MINUTE, 28, 'status', NULL, 'new'),
  (43, @now - INTERVAL '3 04:00' DAY_MINUTE, 28, 'cc', NULL, 'joost.visser@clearwater.example'),
  (43, @now - INTERVAL '3 02:00' DAY_MINUTE, 2, 'assignee', NULL, '12'),
  (43, @now - INTERVAL '3 01:00' DAY_MINUTE, 12, 'note', NULL, '126'),
  (43, @now - INTERVAL '3 00:50' DAY_MINUTE, 12, 'reply', NULL, '127'),
  (43, @now - INTERVAL '3 00:50' DAY_MINUTE, 12, 'status', 'new', 'open'),
  (43, @now - INTERVAL '3 00:45' DAY_MINUTE, 12, 'related', NULL, CONCAT('T-', @y, '-000007'));

-- 000044  Clearwater, Sophie van den Berg: Leaver: Ruud Bakker (left on Friday)
--         resolved, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (44, CONCAT('T-', @y, '-000044'), @y, 44, 6, 26, 8, 'request', 'Leaver: Ruud Bakker (left on Friday)', 'resolved', NULL, 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000044.demo@portico.example>'),
    @now - INTERVAL '3 03:00' DAY_MINUTE, @now - INTERVAL '2 07:00' DAY_MINUTE, @now - INTERVAL '2 07:00' DAY_MINUTE, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (44, 27, 0, 'Ruud Bakker'),
  (44, 28, 0, DATE_FORMAT(@now - INTERVAL 4 DAY, '%Y-%m-%d')),
  (44, 29, 0, 'mark.jansen@clearwater.example');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (121, 44, 'public', 'web', 26, 'Ruud Bakker from the filling line team left us on Friday. Please close his accounts; his mail can go to Mark Jansen.',
    CONCAT('<ticket.T-', @y, '-000044.demo@portico.example>'), @now - INTERVAL '3 03:00' DAY_MINUTE),
  (130, 44, 'public', 'web', 11, 'Hello Sophie,\n\nRuud''s accounts are closed and his mail goes to Mark Jansen for the next three months.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '2 07:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (44, @now - INTERVAL '3 03:00' DAY_MINUTE, 26, 'status', NULL, 'new'),
  (44, @now - INTERVAL '3 02:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (44, @now - INTERVAL '2 07:00' DAY_MINUTE, 11, 'reply', NULL, '130'),
  (44, @now - INTERVAL '2 07:00' DAY_MINUTE, 11, 'status', 'new', 'resolved');

-- 000045  Harbourside, Rachel Moore: Leaver: Martin Hale (transport planning)
--         open, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (45, CONCAT('T-', @y, '-000045'), @y, 45, 5, 21, 8, 'request', 'Leaver: Martin Hale (transport planning)', 'open', NULL, 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000045.demo@portico.example>'),
    @now - INTERVAL '3 02:00' DAY_MINUTE, @now - INTERVAL '2 05:30' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (45, 27, 0, 'Martin Hale'),
  (45, 28, 0, DATE_FORMAT(@now + INTERVAL 8 DAY, '%Y-%m-%d')),
  (45, 29, 0, 'rachel.moore@harbourside.example');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (124, 45, 'public', 'web', 21, 'Martin Hale leaves us at the end of next week. Please close his accounts after his last day and forward his mail to me.',
    CONCAT('<ticket.T-', @y, '-000045.demo@portico.example>'), @now - INTERVAL '3 02:00' DAY_MINUTE),
  (132, 45, 'public', 'web', 11, 'Hello Rachel,\n\nwe will close Martin''s accounts at 18:00 on his last day and forward his mail to you for three months. If Chloe should take over his ERP worklists, just say so and we will move them before his account is closed.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '2 05:30' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (45, @now - INTERVAL '3 02:00' DAY_MINUTE, 21, 'status', NULL, 'new'),
  (45, @now - INTERVAL '2 06:00' DAY_MINUTE, 3, 'assignee', NULL, '11'),
  (45, @now - INTERVAL '2 05:30' DAY_MINUTE, 11, 'reply', NULL, '132'),
  (45, @now - INTERVAL '2 05:30' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (45, @now - INTERVAL '0 05:00' DAY_MINUTE, 11, 'related', NULL, CONCAT('T-', @y, '-000056'));

-- 000046  Bergmann, Jürgen Hoffmann: Wartung der Gateways in Halle C
--         open, Alex Agent
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (46, CONCAT('T-', @y, '-000046'), @y, 46, 3, 18, 4, 'request', 'Wartung der Gateways in Halle C', 'open', NULL, 2, 3, 4, 1, 3, NULL, NULL, CONCAT('<ticket.T-', @y, '-000046.demo@portico.example>'),
    @now - INTERVAL '3 01:00' DAY_MINUTE, @now - INTERVAL '2 22:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (46, 13, 0, 'Bergmann Maschinenbau AG, Werk 2\nIndustriestraße 12\n73230 Kirchheim unter Teck\nPforte Tor 3'),
  (46, 14, 0, DATE_FORMAT(@now + INTERVAL 11 DAY, '%Y-%m-%d')),
  (46, 15, 0, 'Sicherheitsschuhe und Warnweste sind in Halle C Pflicht. Besucherausweis an der Pforte Tor 3.'),
  (46, 16, 0, '1');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (125, 46, 'public', 'web', 18, 'Die beiden Gateways in Halle C sind laut Wartungsplan fällig. Bitte schicken Sie einen Techniker; am liebsten an einem Freitag, da läuft die Halle nur mit einer Schicht.',
    CONCAT('<ticket.T-', @y, '-000046.demo@portico.example>'), @now - INTERVAL '3 01:00' DAY_MINUTE),
  (128, 46, 'public', 'web', 3, 'Guten Tag Herr Hoffmann,\n\nwir haben den Freitag in zwei Wochen für Sie eingeplant, Beginn 7:30 Uhr. Die Wartung dauert etwa drei Stunden; in dieser Zeit fallen die Gateways jeweils rund 20 Minuten aus.\n\nMit freundlichen Grüßen\nAlex Agent',
    NULL, @now - INTERVAL '2 22:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (46, @now - INTERVAL '3 01:00' DAY_MINUTE, 18, 'status', NULL, 'new'),
  (46, @now - INTERVAL '2 23:00' DAY_MINUTE, 10, 'assignee', NULL, '3'),
  (46, @now - INTERVAL '2 22:00' DAY_MINUTE, 3, 'reply', NULL, '128'),
  (46, @now - INTERVAL '2 22:00' DAY_MINUTE, 3, 'status', 'new', 'open');

-- 000047  Bergmann, Sabine Krüger: Austritt: Frank Müller zum Monatsende
--         open, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (47, CONCAT('T-', @y, '-000047'), @y, 47, 3, 15, 8, 'request', 'Austritt: Frank Müller zum Monatsende', 'open', NULL, 3, 3, 5, 1, 10, NULL, NULL, CONCAT('<ticket.T-', @y, '-000047.demo@portico.example>'),
    @now - INTERVAL '2 06:00' DAY_MINUTE, @now - INTERVAL '2 04:50' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (47, 27, 0, 'Frank Müller'),
  (47, 28, 0, DATE_FORMAT(@now + INTERVAL 12 DAY, '%Y-%m-%d')),
  (47, 29, 0, 'juergen.hoffmann@bergmann.example');
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (47, 18, 15, @now - INTERVAL '2 06:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (131, 47, 'public', 'web', 15, 'Herr Frank Müller (Instandhaltung) verlässt uns zum Monatsende. Bitte sperren Sie seine Konten nach seinem letzten Arbeitstag und leiten Sie seine E-Mails an Herrn Hoffmann weiter.',
    CONCAT('<ticket.T-', @y, '-000047.demo@portico.example>'), @now - INTERVAL '2 06:00' DAY_MINUTE),
  (135, 47, 'internal', 'web', 10, 'Sperre für den letzten Arbeitstag 18:00 im Kalender eingetragen. Weiterleitung für 6 Monate, danach Postfach löschen.',
    NULL, @now - INTERVAL '2 04:55' DAY_MINUTE),
  (136, 47, 'public', 'web', 10, 'Guten Tag Frau Krüger,\n\nwir sperren die Konten von Herrn Müller am letzten Arbeitstag um 18 Uhr und leiten seine E-Mails sechs Monate lang an Herrn Hoffmann weiter.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '2 04:50' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (47, @now - INTERVAL '2 06:00' DAY_MINUTE, 15, 'status', NULL, 'new'),
  (47, @now - INTERVAL '2 06:00' DAY_MINUTE, 15, 'cc', NULL, 'juergen.hoffmann@bergmann.example'),
  (47, @now - INTERVAL '2 05:00' DAY_MINUTE, 10, 'assignee', NULL, '10'),
  (47, @now - INTERVAL '2 04:55' DAY_MINUTE, 10, 'note', NULL, '135'),
  (47, @now - INTERVAL '2 04:50' DAY_MINUTE, 10, 'reply', NULL, '136'),
  (47, @now - INTERVAL '2 04:50' DAY_MINUTE, 10, 'status', 'new', 'open');

-- 000048  Bergmann, Thomas Weber: ERP-Zugang nach Passwortwechsel gesperrt
--         resolved, Lena Fischer
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (48, CONCAT('T-', @y, '-000048'), @y, 48, 3, 16, 7, 'incident', 'ERP-Zugang nach Passwortwechsel gesperrt', 'resolved', NULL, 3, 1, 3, 1, 10, NULL, NULL, CONCAT('<ticket.T-', @y, '-000048.demo@portico.example>'),
    @now - INTERVAL '2 05:00' DAY_MINUTE, @now - INTERVAL '2 02:55' DAY_MINUTE, @now - INTERVAL '2 02:55' DAY_MINUTE, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (48, 25, 0, 't.weber'),
  (48, 26, 0, 'erp');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (133, 48, 'public', 'web', 16, 'Nach dem vorgeschriebenen Passwortwechsel heute früh sperrt mich das ERP nach der Eingabe des neuen Passworts sofort. Am Portal komme ich mit dem neuen Passwort problemlos rein.',
    CONCAT('<ticket.T-', @y, '-000048.demo@portico.example>'), @now - INTERVAL '2 05:00' DAY_MINUTE),
  (137, 48, 'internal', 'web', 10, 'ERP-Konto t.weber nach 3 Fehlversuchen gesperrt: der Client hatte noch das alte Passwort gespeichert. Sperre aufgehoben, gespeichertes Passwort muss im Client gelöscht werden.',
    NULL, @now - INTERVAL '2 04:40' DAY_MINUTE),
  (138, 48, 'public', 'web', 10, 'Guten Tag Herr Weber,\n\nIhr ERP-Client hatte noch das alte Passwort gespeichert und es bei jedem Start mitgeschickt; nach drei Fehlversuchen sperrt das ERP das Konto. Ich habe die Sperre aufgehoben. Bitte löschen Sie im ERP-Client unter „Optionen > Anmeldedaten“ das gespeicherte Passwort und geben Sie das neue einmal von Hand ein.\n\nMit freundlichen Grüßen\nLena Fischer',
    NULL, @now - INTERVAL '2 04:30' DAY_MINUTE),
  (140, 48, 'public', 'web', 16, 'Hat funktioniert, vielen Dank!',
    NULL, @now - INTERVAL '2 03:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (48, @now - INTERVAL '2 05:00' DAY_MINUTE, 16, 'status', NULL, 'new'),
  (48, @now - INTERVAL '2 04:50' DAY_MINUTE, 10, 'assignee', NULL, '10'),
  (48, @now - INTERVAL '2 04:40' DAY_MINUTE, 10, 'note', NULL, '137'),
  (48, @now - INTERVAL '2 04:30' DAY_MINUTE, 10, 'reply', NULL, '138'),
  (48, @now - INTERVAL '2 04:30' DAY_MINUTE, 10, 'status', 'new', 'open'),
  (48, @now - INTERVAL '2 03:00' DAY_MINUTE, 16, 'reply', NULL, '140'),
  (48, @now - INTERVAL '2 02:55' DAY_MINUTE, 10, 'status', 'open', 'resolved');

-- 000049  Harbourside, Gareth Evans: VPN access for our external auditor
--         pending on the customer, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (49, CONCAT('T-', @y, '-000049'), @y, 49, 5, 24, 6, 'request', 'VPN access for our external auditor', 'pending', 'customer', 3, 3, 5, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000049.demo@portico.example>'),
    @now - INTERVAL '2 03:00' DAY_MINUTE, @now - INTERVAL '2 00:29' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (49, 22, 0, 'file-share'),
  (49, 22, 1, 'vpn'),
  (49, 23, 0, 'Annual audit: the auditor works on site and remotely for three weeks and needs the finance folders of the last year.'),
  (49, 24, 0, DATE_FORMAT(@now + INTERVAL 21 DAY, '%Y-%m-%d'));
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (49, 21, 11, @now - INTERVAL '2 00:29' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (139, 49, 'public', 'web', 24, 'Our external auditor needs VPN access and read access to the finance share for three weeks.',
    CONCAT('<ticket.T-', @y, '-000049.demo@portico.example>'), @now - INTERVAL '2 03:00' DAY_MINUTE),
  (144, 49, 'public', 'web', 11, 'Hello Gareth,\n\naccess for people outside your company needs the approval of your administrator. I have added Rachel Moore to this ticket; could she confirm, and could you send us the auditor''s name and e-mail address?\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '2 00:30' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (49, @now - INTERVAL '2 03:00' DAY_MINUTE, 24, 'status', NULL, 'new'),
  (49, @now - INTERVAL '2 01:00' DAY_MINUTE, 11, 'assignee', NULL, '11'),
  (49, @now - INTERVAL '2 00:30' DAY_MINUTE, 11, 'reply', NULL, '144'),
  (49, @now - INTERVAL '2 00:30' DAY_MINUTE, 11, 'status', 'new', 'pending'),
  (49, @now - INTERVAL '2 00:30' DAY_MINUTE, 11, 'pending_reason', NULL, 'customer'),
  (49, @now - INTERVAL '2 00:29' DAY_MINUTE, 11, 'cc', NULL, 'rachel.moore@harbourside.example');

-- 000050  Clearwater, Mark Jansen: Filling line printer prints faded barcodes
--         open, Sam Okafor
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (50, CONCAT('T-', @y, '-000050'), @y, 50, 6, 29, 1, 'incident', 'Filling line printer prints faded barcodes', 'open', NULL, 2, 2, 3, 1, 11, NULL, NULL, CONCAT('<ticket.T-', @y, '-000050.demo@portico.example>'),
    @now - INTERVAL '2 02:00' DAY_MINUTE, @now - INTERVAL '1 22:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (50, 1, 0, 'LP-20977'),
  (50, 2, 0, 'Zwolle plant, filling line 3'),
  (50, 4, 0, DATE_FORMAT(@now - INTERVAL 3 DAY, '%Y-%m-%d')),
  (50, 5, 0, '4');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (141, 50, 'public', 'web', 29, 'The label printer at filling line 3 prints barcodes so faded that our scanners at the palletiser reject about one label in ten. New ribbon, same result.',
    CONCAT('<ticket.T-', @y, '-000050.demo@portico.example>'), @now - INTERVAL '2 02:00' DAY_MINUTE),
  (142, 50, 'internal', 'web', 11, 'Print darkness may have been reset by last week''s firmware update (known issue with 4.2.17). Ask for the configuration label first.',
    NULL, @now - INTERVAL '2 01:35' DAY_MINUTE),
  (143, 50, 'public', 'web', 11, 'Hello Mark,\n\ncould you print a configuration label (hold the feed button for five seconds) and send us a photo of it? Last week''s firmware update may have reset the print darkness.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '2 01:30' DAY_MINUTE),
  (145, 50, 'public', 'mail', 29, 'Photo attached to the mail. Darkness shows 12; our other printers are on 22.',
    '<AM0PR02MB5521.mark@clearwater.example>', @now - INTERVAL '1 23:00' DAY_MINUTE),
  (146, 50, 'internal', 'web', 11, 'Darkness 12 confirms it. Pushing the site profile to all 14 Clearwater printers tonight.',
    NULL, @now - INTERVAL '1 22:00' DAY_MINUTE);
INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at) VALUES
  (50, 11, 30, 'Configuration checked, site profile prepared', @now - INTERVAL '1 21:58' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (50, @now - INTERVAL '2 02:00' DAY_MINUTE, 29, 'status', NULL, 'new'),
  (50, @now - INTERVAL '2 01:40' DAY_MINUTE, 3, 'assignee', NULL, '11'),
  (50, @now - INTERVAL '2 01:35' DAY_MINUTE, 11, 'note', NULL, '142'),
  (50, @now - INTERVAL '2 01:30' DAY_MINUTE, 11, 'reply', NULL, '143'),
  (50, @now - INTERVAL '2 01:30' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (50, @now - INTERVAL '1 23:00' DAY_MINUTE, 29, 'reply', NULL, '145'),
  (50, @now - INTERVAL '1 22:00' DAY_MINUTE, 11, 'note', NULL, '146'),
  (50, @now - INTERVAL '1 21:58' DAY_MINUTE, 11, 'time', NULL, '30');

-- 000051  Harbourside, Gareth Evans: Warehouse gateway offline: handheld scanners cannot sync
--         pending on a third party, Alex Agent
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (51, CONCAT('T-', @y, '-000051'), @y, 51, 5, 24, 1, 'incident', 'Warehouse gateway offline: handheld scanners cannot sync', 'pending', 'third_party', 2, 2, 3, 1, 3, NULL, NULL, CONCAT('<ticket.T-', @y, '-000051.demo@portico.example>'),
    @now - INTERVAL '1 05:00' DAY_MINUTE, @now - INTERVAL '1 01:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (51, 1, 0, 'PX-70412'),
  (51, 2, 0, 'Felixstowe DC, mezzanine comms room'),
  (51, 3, 0, 'LINK DOWN'),
  (51, 4, 0, DATE_FORMAT(@now - INTERVAL 1 DAY, '%Y-%m-%d')),
  (51, 5, 0, '40');
INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (51, 23, 24, @now - INTERVAL '1 05:00' DAY_MINUTE),
  (51, 22, 3, @now - INTERVAL '1 04:10' DAY_MINUTE),
  (51, 21, 24, @now - INTERVAL '1 04:00' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (148, 51, 'public', 'web', 24, 'Since about 6:40 this morning the PX-200 gateway in the comms room shows LINK DOWN and none of the handheld scanners in the distribution centre can sync. We restarted the gateway and checked the patch cable. Goods-in and dispatch are working on paper.',
    CONCAT('<ticket.T-', @y, '-000051.demo@portico.example>'), @now - INTERVAL '1 05:00' DAY_MINUTE),
  (150, 51, 'public', 'web', 3, 'Hello Gareth,\n\nwe see the gateway online on its LTE backup line but not on the fibre uplink, so the problem is the line, not the gateway. I have raised a fault with the line provider and switched the scanners'' traffic to the backup line; sync will be slow, but it should work within the next 15 minutes.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '1 04:40' DAY_MINUTE),
  (152, 51, 'internal', 'web', 3, 'Openreach fault ref. OR-55810273, engineer booked for today 13:00-17:00. Backup LTE carries about 40 scanners; watch the data cap.',
    NULL, @now - INTERVAL '1 04:30' DAY_MINUTE),
  (153, 51, 'public', 'mail', 22, 'Hi,\n\nnone of our scanners in dispatch work since 7am, trucks are waiting. Please call me on +44 1394 555 0182.\n\nDev Patel\nPurchasing & Dispatch\nHarbourside Logistics Ltd',
    '<CAH7p2Qk0vX9Lw@mail.harbourside.example>', @now - INTERVAL '1 04:20' DAY_MINUTE),
  (155, 51, 'system', 'web', 3, CONCAT('merged-from:T-', @y, '-000053'),
    NULL, @now - INTERVAL '1 04:10' DAY_MINUTE),
  (156, 51, 'public', 'web', 24, 'Scanners are syncing again, slowly but they work. Thanks.',
    NULL, @now - INTERVAL '1 03:30' DAY_MINUTE),
  (160, 51, 'public', 'web', 3, 'Hello Gareth,\n\nthe line provider''s engineer found damage to the fibre in the street and needs a second visit with a splicing team tomorrow morning. The scanners stay on the backup line until then. We will update this ticket as soon as we hear from them.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '1 01:00' DAY_MINUTE);
INSERT INTO ticket_time_entries (ticket_id, user_id, minutes, note, created_at) VALUES
  (51, 3, 40, 'Diagnosis, LTE fallback, fault raised with the line provider', @now - INTERVAL '1 04:29' DAY_MINUTE),
  (51, 3, 25, 'Calls with the line provider', @now - INTERVAL '1 00:59' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (51, @now - INTERVAL '1 05:00' DAY_MINUTE, 24, 'status', NULL, 'new'),
  (51, @now - INTERVAL '1 05:00' DAY_MINUTE, 24, 'cc', NULL, 'hannah.clarke@harbourside.example'),
  (51, @now - INTERVAL '1 04:50' DAY_MINUTE, 3, 'assignee', NULL, '3'),
  (51, @now - INTERVAL '1 04:44' DAY_MINUTE, 3, 'child', NULL, CONCAT('T-', @y, '-000052')),
  (51, @now - INTERVAL '1 04:40' DAY_MINUTE, 3, 'reply', NULL, '150'),
  (51, @now - INTERVAL '1 04:40' DAY_MINUTE, 3, 'status', 'new', 'open'),
  (51, @now - INTERVAL '1 04:30' DAY_MINUTE, 3, 'note', NULL, '152'),
  (51, @now - INTERVAL '1 04:29' DAY_MINUTE, 3, 'time', NULL, '40'),
  (51, @now - INTERVAL '1 04:10' DAY_MINUTE, 3, 'cc', NULL, 'dev.patel@harbourside.example'),
  (51, @now - INTERVAL '1 04:10' DAY_MINUTE, 3, 'merged', NULL, CONCAT('T-', @y, '-000053')),
  (51, @now - INTERVAL '1 04:00' DAY_MINUTE, 24, 'cc', NULL, 'rachel.moore@harbourside.example'),
  (51, @now - INTERVAL '1 03:30' DAY_MINUTE, 24, 'reply', NULL, '156'),
  (51, @now - INTERVAL '1 01:00' DAY_MINUTE, 3, 'reply', NULL, '160'),
  (51, @now - INTERVAL '1 01:00' DAY_MINUTE, 3, 'status', 'open', 'pending'),
  (51, @now - INTERVAL '1 01:00' DAY_MINUTE, 3, 'pending_reason', NULL, 'third_party'),
  (51, @now - INTERVAL '1 00:59' DAY_MINUTE, 3, 'time', NULL, '25');

-- 000052  Harbourside, Hannah Clarke: Handheld scanners at goods-in show "no connection"
--         open, Alex Agent
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (52, CONCAT('T-', @y, '-000052'), @y, 52, 5, 23, 1, 'incident', 'Handheld scanners at goods-in show "no connection"', 'open', NULL, 2, 2, 3, 1, 3, 51, NULL, CONCAT('<ticket.T-', @y, '-000052.demo@portico.example>'),
    @now - INTERVAL '1 04:55' DAY_MINUTE, @now - INTERVAL '1 04:35' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (52, 1, 0, 'HS-55120'),
  (52, 2, 0, 'Felixstowe DC, goods-in, doors 1 to 6'),
  (52, 4, 0, DATE_FORMAT(@now - INTERVAL 1 DAY, '%Y-%m-%d')),
  (52, 5, 0, '12');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (149, 52, 'public', 'web', 23, 'All scanners at goods-in show "no connection" and drop every scan. We are writing the pallet numbers down by hand; twelve people are affected.',
    CONCAT('<ticket.T-', @y, '-000052.demo@portico.example>'), @now - INTERVAL '1 04:55' DAY_MINUTE),
  (151, 52, 'public', 'web', 3, 'Hello Hannah,\n\nthe scanners lost their connection because the gateway''s line is down; Gareth has reported it and we are working on it there. I have switched the traffic to a backup line, so the scanners should connect again within 15 minutes.\n\nBest regards\nAlex Agent',
    NULL, @now - INTERVAL '1 04:35' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (52, @now - INTERVAL '1 04:55' DAY_MINUTE, 23, 'status', NULL, 'new'),
  (52, @now - INTERVAL '1 04:45' DAY_MINUTE, 3, 'assignee', NULL, '3'),
  (52, @now - INTERVAL '1 04:44' DAY_MINUTE, 3, 'parent', NULL, CONCAT('T-', @y, '-000051')),
  (52, @now - INTERVAL '1 04:35' DAY_MINUTE, 3, 'reply', NULL, '151'),
  (52, @now - INTERVAL '1 04:35' DAY_MINUTE, 3, 'status', 'new', 'open');

-- 000053  Harbourside, Dev Patel: URGENT: no scanning in dispatch since 7am
--         merged into 000051, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (53, CONCAT('T-', @y, '-000053'), @y, 53, 5, 22, 13, 'question', 'URGENT: no scanning in dispatch since 7am', 'closed', NULL, 3, 3, 5, 1, NULL, NULL, 51, CONCAT('<ticket.T-', @y, '-000053.demo@portico.example>'),
    @now - INTERVAL '1 04:20' DAY_MINUTE, @now - INTERVAL '1 04:10' DAY_MINUTE, NULL, @now - INTERVAL '1 04:10' DAY_MINUTE);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (154, 53, 'system', 'web', 3, CONCAT('merged-into:T-', @y, '-000051'),
    NULL, @now - INTERVAL '1 04:10' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (53, @now - INTERVAL '1 04:20' DAY_MINUTE, 22, 'status', NULL, 'new'),
  (53, @now - INTERVAL '1 04:10' DAY_MINUTE, 3, 'status', 'new', 'closed'),
  (53, @now - INTERVAL '1 04:10' DAY_MINUTE, 3, 'merged_into', NULL, CONCAT('T-', @y, '-000051'));

-- 000054  Clearwater, Mark Jansen: Reporting dashboard says "access denied"
--         open, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (54, CONCAT('T-', @y, '-000054'), @y, 54, 6, 29, 7, 'incident', 'Reporting dashboard says "access denied"', 'open', NULL, 3, 1, 3, 1, NULL, NULL, NULL, CONCAT('<ticket.T-', @y, '-000054.demo@portico.example>'),
    @now - INTERVAL '1 02:00' DAY_MINUTE, @now - INTERVAL '1 01:15' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (54, 25, 0, 'mark.jansen'),
  (54, 26, 0, 'reporting');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (157, 54, 'public', 'web', 29, 'Since this morning the reporting dashboard answers "access denied" for me and for Joost. Yesterday it worked.',
    CONCAT('<ticket.T-', @y, '-000054.demo@portico.example>'), @now - INTERVAL '1 02:00' DAY_MINUTE),
  (158, 54, 'public', 'web', 11, 'Hello Mark,\n\nwe can reproduce it: after last night''s update the dashboard checks a permission that was not given to existing accounts. We are fixing it for everyone and will update this ticket.\n\nBest regards\nSam Okafor',
    NULL, @now - INTERVAL '1 01:30' DAY_MINUTE),
  (159, 54, 'internal', 'web', 11, 'Affects every customer using reporting. Handing over to the group: I am out from tomorrow. Fix is a permission migration; product team informed.',
    NULL, @now - INTERVAL '1 01:20' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (54, @now - INTERVAL '1 02:00' DAY_MINUTE, 29, 'status', NULL, 'new'),
  (54, @now - INTERVAL '1 01:50' DAY_MINUTE, 3, 'assignee', NULL, '11'),
  (54, @now - INTERVAL '1 01:30' DAY_MINUTE, 11, 'reply', NULL, '158'),
  (54, @now - INTERVAL '1 01:30' DAY_MINUTE, 11, 'status', 'new', 'open'),
  (54, @now - INTERVAL '1 01:20' DAY_MINUTE, 11, 'note', NULL, '159'),
  (54, @now - INTERVAL '1 01:15' DAY_MINUTE, 11, 'assignee', '11', NULL);

-- 000055  Harbourside, Gareth Evans: Can the new dispatch scale talk to the gateway?
--         new, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (55, CONCAT('T-', @y, '-000055'), @y, 55, 5, 24, 13, 'question', 'Can the new dispatch scale talk to the gateway?', 'new', NULL, 3, 3, 5, 1, NULL, NULL, NULL, CONCAT('<ticket.T-', @y, '-000055.demo@portico.example>'),
    @now - INTERVAL '0 20:00' DAY_MINUTE, @now - INTERVAL '0 20:00' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (161, 55, 'public', 'web', 24, 'We are buying a new pallet scale for dispatch (Mettler-Toledo, Ethernet). Can it send its weights through your gateway into the ERP, or do we need something else?',
    CONCAT('<ticket.T-', @y, '-000055.demo@portico.example>'), @now - INTERVAL '0 20:00' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (55, @now - INTERVAL '0 20:00' DAY_MINUTE, 24, 'status', NULL, 'new');

-- 000056  Harbourside, Rachel Moore: New starter: Chloe Bennett, transport planner
--         new, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (56, CONCAT('T-', @y, '-000056'), @y, 56, 5, 21, 5, 'request', 'New starter: Chloe Bennett, transport planner', 'new', NULL, 3, 2, 4, 1, NULL, NULL, NULL, CONCAT('<ticket.T-', @y, '-000056.demo@portico.example>'),
    @now - INTERVAL '0 05:10' DAY_MINUTE, @now - INTERVAL '0 05:10' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (56, 17, 0, 'Chloe Bennett'),
  (56, 18, 0, DATE_FORMAT(@now + INTERVAL 7 DAY, '%Y-%m-%d')),
  (56, 19, 0, 'Rachel Moore'),
  (56, 20, 0, 'staff'),
  (56, 21, 0, 'portal'),
  (56, 21, 1, 'erp'),
  (56, 21, 2, 'crm');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (162, 56, 'public', 'web', 21, 'Chloe Bennett joins transport planning and takes over from Martin Hale. She needs the same access as Martin had.',
    CONCAT('<ticket.T-', @y, '-000056.demo@portico.example>'), @now - INTERVAL '0 05:10' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (56, @now - INTERVAL '0 05:10' DAY_MINUTE, 21, 'status', NULL, 'new'),
  (56, @now - INTERVAL '0 05:00' DAY_MINUTE, 11, 'related', NULL, CONCAT('T-', @y, '-000045'));

-- 000057  Bergmann, Jürgen Hoffmann: Drucker im Meisterbüro zieht mehrere Blätter ein
--         new, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (57, CONCAT('T-', @y, '-000057'), @y, 57, 3, 18, 1, 'incident', 'Drucker im Meisterbüro zieht mehrere Blätter ein', 'new', NULL, 2, 2, 3, 1, NULL, NULL, NULL, CONCAT('<ticket.T-', @y, '-000057.demo@portico.example>'),
    @now - INTERVAL '0 02:50' DAY_MINUTE, @now - INTERVAL '0 02:50' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (57, 1, 0, 'MF-33019'),
  (57, 2, 0, 'Werk 1, Halle A, Meisterbüro'),
  (57, 5, 0, '2');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (163, 57, 'public', 'web', 18, 'Der Drucker im Meisterbüro von Halle A zieht bei fast jedem Druckauftrag mehrere Blätter auf einmal ein. Papier ist neu und trocken.',
    CONCAT('<ticket.T-', @y, '-000057.demo@portico.example>'), @now - INTERVAL '0 02:50' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (57, @now - INTERVAL '0 02:50' DAY_MINUTE, 18, 'status', NULL, 'new');

-- 000058  Clearwater, Joost Visser: Ribbons RB-1102 for the filling line printers
--         new, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (58, CONCAT('T-', @y, '-000058'), @y, 58, 6, 27, 3, 'request', 'Ribbons RB-1102 for the filling line printers', 'new', NULL, 3, 2, 4, 1, NULL, NULL, NULL, CONCAT('<ticket.T-', @y, '-000058.demo@portico.example>'),
    @now - INTERVAL '0 02:15' DAY_MINUTE, @now - INTERVAL '0 02:15' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (58, 10, 0, 'RB-1102'),
  (58, 11, 0, '20'),
  (58, 12, 0, DATE_FORMAT(@now + INTERVAL 5 DAY, '%Y-%m-%d'));
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (164, 58, 'public', 'web', 27, 'Please send 20 ribbons RB-1102; we want a stock on site before the summer peak.',
    CONCAT('<ticket.T-', @y, '-000058.demo@portico.example>'), @now - INTERVAL '0 02:15' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (58, @now - INTERVAL '0 02:15' DAY_MINUTE, 27, 'status', NULL, 'new');

-- 000059  Acme, Anna Admin: Leaver: Tom Fletcher, last day on Friday
--         new, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (59, CONCAT('T-', @y, '-000059'), @y, 59, 2, 5, 8, 'request', 'Leaver: Tom Fletcher, last day on Friday', 'new', NULL, 3, 3, 5, 1, NULL, NULL, NULL, CONCAT('<ticket.T-', @y, '-000059.demo@portico.example>'),
    @now - INTERVAL '0 01:35' DAY_MINUTE, @now - INTERVAL '0 01:35' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (59, 27, 0, 'Tom Fletcher'),
  (59, 28, 0, DATE_FORMAT(@now + INTERVAL 3 DAY, '%Y-%m-%d')),
  (59, 29, 0, 'ben.hughes@acme.example');
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (165, 59, 'public', 'web', 5, 'Tom Fletcher (dispatch planning) leaves us at the end of this week. Please close his accounts after his last day and forward his mail to Ben Hughes for three months.',
    CONCAT('<ticket.T-', @y, '-000059.demo@portico.example>'), @now - INTERVAL '0 01:35' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (59, @now - INTERVAL '0 01:35' DAY_MINUTE, 5, 'status', NULL, 'new');

-- 000060  Clearwater, Emma de Jong: Can the invoices show our PO number?
--         new, unassigned
INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, parent_id, merged_into_id, thread_id,
    created_at, updated_at, resolved_at, closed_at) VALUES
  (60, CONCAT('T-', @y, '-000060'), @y, 60, 6, 28, 13, 'question', 'Can the invoices show our PO number?', 'new', NULL, 3, 3, 5, 1, NULL, NULL, NULL, CONCAT('<ticket.T-', @y, '-000060.demo@portico.example>'),
    @now - INTERVAL '0 00:40' DAY_MINUTE, @now - INTERVAL '0 00:40' DAY_MINUTE, NULL, NULL);
INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (166, 60, 'public', 'web', 28, 'Our accounts payable team matches invoices to purchase orders by hand because the PO number is not printed on the invoice PDF. Could you add it?',
    CONCAT('<ticket.T-', @y, '-000060.demo@portico.example>'), @now - INTERVAL '0 00:40' DAY_MINUTE);
INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (60, @now - INTERVAL '0 00:40' DAY_MINUTE, 28, 'status', NULL, 'new');

INSERT INTO ticket_links (ticket_id, related_id, created_by, created_at) VALUES
  (11, 13, 12, @now - INTERVAL '27 03:59' DAY_MINUTE),
  (7, 43, 12, @now - INTERVAL '3 00:45' DAY_MINUTE),
  (45, 56, 11, @now - INTERVAL '0 05:00' DAY_MINUTE);
