-- Tickets demo data (issue 12), part 2: a handful of tickets of the demo
-- organisations in different states, with their answers, conversation,
-- CC and history.  Numbers are of the current year; the year's counter
-- goes on from the last of them, so new tickets continue without a gap.
-- Times are relative to when the demo is loaded.

SET @y = YEAR(UTC_TIMESTAMP());
SET @now = UTC_TIMESTAMP(6);

INSERT INTO ticket_counters (year, last_no) VALUES (@y, 6)
  ON DUPLICATE KEY UPDATE last_no = GREATEST(last_no, 6);

INSERT INTO tickets (id, number, year, seq, org_id, requester_id, service_id, type, subject, status,
    pending_reason, impact, urgency, priority, group_id, assignee_id, thread_id, created_at, updated_at,
    resolved_at, closed_at) VALUES
  (1, CONCAT('T-', @y, '-000001'), @y, 1, 2, 6, 1, 'incident', 'Label printer in dispatch prints blank labels',
    'open', NULL, 2, 2, 3, 1, 3, CONCAT('<ticket.T-', @y, '-000001.demo@portico.example>'),
    @now - INTERVAL 3 DAY, @now - INTERVAL 5 HOUR, NULL, NULL),
  (2, CONCAT('T-', @y, '-000002'), @y, 2, 2, 6, 9, 'question', 'VAT missing on invoice INV-2026-00042',
    'pending', 'customer', 3, 3, 5, 2, 2, CONCAT('<ticket.T-', @y, '-000002.demo@portico.example>'),
    @now - INTERVAL 6 DAY, @now - INTERVAL 2 DAY, NULL, NULL),
  (3, CONCAT('T-', @y, '-000003'), @y, 3, 2, 5, 5, 'request', 'Accounts for our new buyer Sam Taylor',
    'new', NULL, 3, 2, 4, 1, NULL, CONCAT('<ticket.T-', @y, '-000003.demo@portico.example>'),
    @now - INTERVAL 50 MINUTE, @now - INTERVAL 50 MINUTE, NULL, NULL),
  (4, CONCAT('T-', @y, '-000004'), @y, 4, 3, 8, 7, 'incident', 'Anmeldung am Portal nicht möglich',
    'resolved', NULL, 3, 1, 3, 1, 3, CONCAT('<ticket.T-', @y, '-000004.demo@portico.example>'),
    @now - INTERVAL 4 DAY, @now - INTERVAL 2 DAY, @now - INTERVAL 2 DAY, NULL),
  (5, CONCAT('T-', @y, '-000005'), @y, 5, 4, 9, 15, 'request', 'Brochures and price list for the spring fair',
    'closed', NULL, 3, 3, 5, 1, 3, CONCAT('<ticket.T-', @y, '-000005.demo@portico.example>'),
    @now - INTERVAL 20 DAY, @now - INTERVAL 9 DAY, @now - INTERVAL 12 DAY, @now - INTERVAL 9 DAY),
  (6, CONCAT('T-', @y, '-000006'), @y, 6, 2, 7, 10, 'question', 'Where is order PO-104233?',
    'new', NULL, 3, 3, 5, 2, NULL, CONCAT('<ticket.T-', @y, '-000006.demo@portico.example>'),
    @now - INTERVAL 2 HOUR, @now - INTERVAL 2 HOUR, NULL, NULL);

INSERT INTO ticket_cc (ticket_id, user_id, added_by, added_at) VALUES
  (1, 7, 6, @now - INTERVAL 3 DAY),
  (3, 6, 5, @now - INTERVAL 50 MINUTE);

-- Answers: field ids as in 0030 (printer-fault 1-6, new-user 17-21,
-- login-problem 25-26, invoice-question 30-32, order-status 33,
-- partner-material 42-43).
INSERT INTO ticket_answers (ticket_id, field_id, position, value) VALUES
  (1, 1, 0, 'LP-20418'),
  (1, 2, 0, 'Leeds plant, dispatch hall, packing line 2'),
  (1, 3, 0, 'E-071'),
  (1, 4, 0, DATE_FORMAT(@now - INTERVAL 3 DAY, '%Y-%m-%d')),
  (1, 5, 0, '6'),
  (2, 30, 0, 'INV-2026-00042'),
  (2, 31, 0, 'vat'),
  (3, 17, 0, 'Sam Taylor'),
  (3, 18, 0, DATE_FORMAT(@now + INTERVAL 10 DAY, '%Y-%m-%d')),
  (3, 19, 0, 'Anna Admin'),
  (3, 20, 0, 'staff'),
  (3, 21, 0, 'portal'),
  (3, 21, 1, 'erp'),
  (4, 25, 0, 'klaus@bergmann.example'),
  (4, 26, 0, 'portal'),
  (5, 42, 0, 'brochures'),
  (5, 42, 1, 'price-list'),
  (5, 43, 0, '200'),
  (6, 33, 0, 'PO-104233');

INSERT INTO ticket_messages (id, ticket_id, kind, via, author_id, body, message_id, created_at) VALUES
  (1, 1, 'public', 'web', 6, 'Since Monday morning the label printer on packing line 2 feeds labels but prints nothing on them. We switched it off and on and changed the ribbon; the display shows E-071 now and then. Six people in dispatch are waiting for labels.',
    CONCAT('<ticket.T-', @y, '-000001.demo@portico.example>'), @now - INTERVAL 3 DAY),
  (2, 1, 'internal', 'web', 3, 'E-071 is the print head temperature sensor on this model. Checked the service log: head is 3 years old. Ordering a replacement head; a technician can fit it on Thursday.',
    NULL, @now - INTERVAL 2 DAY),
  (3, 1, 'public', 'web', 3, 'Hello Carl, thank you for the details. The error points to the print head, which we will replace. A technician will come on Thursday morning; until then the printer on line 1 can take over the labels of line 2.',
    NULL, @now - INTERVAL 2 DAY + INTERVAL 1 HOUR),
  (4, 1, 'public', 'web', 6, 'Thursday works for us. Please ask for Olivia at the dispatch gate.',
    NULL, @now - INTERVAL 5 HOUR),
  (5, 2, 'public', 'web', 6, 'Invoice INV-2026-00042 shows no VAT, although our VAT ID has not changed. Could you check and send a corrected invoice?',
    CONCAT('<ticket.T-', @y, '-000002.demo@portico.example>'), @now - INTERVAL 6 DAY),
  (6, 2, 'public', 'web', 2, 'Hello Carl, the invoice went out under the reverse-charge rule because our records show a delivery address in Ireland. Could you confirm the delivery address of order PO-103377?',
    NULL, @now - INTERVAL 2 DAY),
  (7, 3, 'public', 'web', 5, 'Sam Taylor joins our purchasing team on the date above. Please set up a portal account with the buyer role and access to the ERP.',
    CONCAT('<ticket.T-', @y, '-000003.demo@portico.example>'), @now - INTERVAL 50 MINUTE),
  (8, 4, 'public', 'web', 8, 'Seit heute früh kann ich mich nicht mehr am Portal anmelden. Die Meldung lautet „Anmeldung fehlgeschlagen“, obwohl das Passwort stimmt.',
    CONCAT('<ticket.T-', @y, '-000004.demo@portico.example>'), @now - INTERVAL 4 DAY),
  (9, 4, 'public', 'web', 3, 'Guten Tag Herr Bergmann, Ihr Konto war nach mehreren Fehlversuchen vorübergehend gesperrt. Die Sperre ist aufgehoben; bitte melden Sie sich erneut an. Falls es nicht klappt, antworten Sie einfach auf dieses Ticket.',
    NULL, @now - INTERVAL 2 DAY),
  (10, 5, 'public', 'web', 9, 'For the spring fair we need 200 brochures and the current price list as PDF.',
    CONCAT('<ticket.T-', @y, '-000005.demo@portico.example>'), @now - INTERVAL 20 DAY),
  (11, 5, 'public', 'web', 3, 'The brochures left our warehouse today; the price list is in the partner library.',
    NULL, @now - INTERVAL 12 DAY),
  (12, 6, 'public', 'web', 7, 'Order PO-104233 was confirmed two weeks ago for delivery last Friday, but nothing has arrived yet. Can you tell us where it is?',
    CONCAT('<ticket.T-', @y, '-000006.demo@portico.example>'), @now - INTERVAL 2 HOUR);

INSERT INTO ticket_history (ticket_id, at, user_id, field, old_value, new_value) VALUES
  (1, @now - INTERVAL 3 DAY, 6, 'status', NULL, 'new'),
  (1, @now - INTERVAL 3 DAY, 6, 'cc', NULL, 'olivia@acme.example'),
  (1, @now - INTERVAL 2 DAY, 3, 'assignee', NULL, '3'),
  (1, @now - INTERVAL 2 DAY, 3, 'note', NULL, '2'),
  (1, @now - INTERVAL 2 DAY + INTERVAL 1 HOUR, 3, 'reply', NULL, '3'),
  (1, @now - INTERVAL 2 DAY + INTERVAL 1 HOUR, 3, 'status', 'new', 'open'),
  (1, @now - INTERVAL 5 HOUR, 6, 'reply', NULL, '4'),
  (2, @now - INTERVAL 6 DAY, 6, 'status', NULL, 'new'),
  (2, @now - INTERVAL 2 DAY, 2, 'reply', NULL, '6'),
  (2, @now - INTERVAL 2 DAY, 2, 'status', 'new', 'pending'),
  (2, @now - INTERVAL 2 DAY, 2, 'pending_reason', NULL, 'customer'),
  (3, @now - INTERVAL 50 MINUTE, 5, 'status', NULL, 'new'),
  (3, @now - INTERVAL 50 MINUTE, 5, 'cc', NULL, 'carl@acme.example'),
  (4, @now - INTERVAL 4 DAY, 8, 'status', NULL, 'new'),
  (4, @now - INTERVAL 2 DAY, 3, 'reply', NULL, '9'),
  (4, @now - INTERVAL 2 DAY, 3, 'status', 'new', 'resolved'),
  (5, @now - INTERVAL 20 DAY, 9, 'status', NULL, 'new'),
  (5, @now - INTERVAL 12 DAY, 3, 'reply', NULL, '11'),
  (5, @now - INTERVAL 12 DAY, 3, 'status', 'new', 'resolved'),
  (5, @now - INTERVAL 9 DAY, NULL, 'status', 'resolved', 'closed'),
  (6, @now - INTERVAL 2 HOUR, 7, 'status', NULL, 'new');
