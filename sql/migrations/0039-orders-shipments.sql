-- Orders, third part (issue 13 section 4): shipments and the provider's
-- order desk.  An order's goods leave in one or more shipments, each with
-- its lines and quantities; an order line is never shipped more often than
-- it was ordered (cgi-bin-src/orders/fulfil.c checks it with the order's
-- row locked, for the desk and the integration API alike).  The order is
-- partly_shipped while some of it is still to ship, shipped when all of
-- it has left, delivered when every shipment has arrived.

-- The provider's order desk: confirm, ship, mark delivered, cancel.
INSERT INTO permissions (name, description) VALUES
  ('orders.desk', 'Work the order desk: confirm, ship, deliver and cancel the orders of every organisation');

INSERT IGNORE INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'orders.desk'
WHERE r.name IN ('manager', 'admin');

-- A shipment of an order.  no: 1, 2, ... within the order.  created_by:
-- who entered it; NULL when an integration (the warehouse, the ERP) did.
-- shipped_at: when it left; delivered_at: when it arrived, NULL until it
-- is known to have.  The tracking URL, when there is one, is an http(s)
-- address the order page links the tracking number to.
CREATE TABLE shipments (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id         BIGINT UNSIGNED NOT NULL,
  no               SMALLINT UNSIGNED NOT NULL,
  carrier          VARCHAR(60) NOT NULL,
  tracking_number  VARCHAR(60) NOT NULL DEFAULT '',
  tracking_url     VARCHAR(500) NOT NULL DEFAULT '',
  shipped_at       DATETIME(6) NOT NULL,
  delivered_at     DATETIME(6) NULL,
  created_by       INT UNSIGNED NULL,
  created_at       DATETIME(6) NOT NULL,
  UNIQUE KEY shipments_order_no (order_id, no),
  -- the key shipment_lines' order_id is checked against
  UNIQUE KEY shipments_id_order (id, order_id),
  KEY shipments_shipped (shipped_at),
  CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT shipments_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT shipments_no CHECK (no >= 1),
  CONSTRAINT shipments_delivered CHECK (delivered_at IS NULL OR delivered_at >= '2000-01-01')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a shipment holds: a quantity of an order line.  order_id is the
-- shipment's order (both foreign keys hold it to that): a shipment never
-- carries another order's line.
CREATE TABLE shipment_lines (
  shipment_id  BIGINT UNSIGNED NOT NULL,
  order_id     BIGINT UNSIGNED NOT NULL,
  line_no      SMALLINT UNSIGNED NOT NULL,
  quantity     INT UNSIGNED NOT NULL,
  PRIMARY KEY (shipment_id, line_no),
  KEY shipment_lines_order_line (order_id, line_no),
  KEY shipment_lines_shipment_order (shipment_id, order_id),
  CONSTRAINT shipment_lines_shipment_fk FOREIGN KEY (shipment_id, order_id)
    REFERENCES shipments (id, order_id) ON DELETE CASCADE,
  CONSTRAINT shipment_lines_order_line_fk FOREIGN KEY (order_id, line_no)
    REFERENCES order_lines (order_id, line_no),
  CONSTRAINT shipment_lines_quantity CHECK (quantity >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline says which shipment an event is about: shipment_action
-- 'shipped' when it left (the order entered partly_shipped or shipped),
-- 'delivered' when it arrived (status is then the order's status after
-- it: delivered when it was the last, else unchanged).
ALTER TABLE order_events
  ADD COLUMN shipment_id BIGINT UNSIGNED NULL AFTER comment,
  ADD COLUMN shipment_action ENUM('shipped','delivered') NULL AFTER shipment_id,
  ADD CONSTRAINT order_events_shipment_fk FOREIGN KEY (shipment_id) REFERENCES shipments (id),
  ADD CONSTRAINT order_events_shipment_action
    CHECK ((shipment_id IS NULL) = (shipment_action IS NULL));

-- The desk searches every organisation's orders by PO number.
ALTER TABLE orders ADD KEY orders_po (po_number);
