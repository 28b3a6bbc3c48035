-- Orders demo data (issue 13): Acme Industrial Ltd's contract prices (org 2,
-- in its currency, GBP): twelve products below their list price.
INSERT INTO contract_prices (org_id, product_id, currency, amount_minor) VALUES
  (2, 1, 'GBP', 65060),
  (2, 4, 'GBP', 112760),
  (2, 11, 'GBP', 16860),
  (2, 12, 'GBP', 16170),
  (2, 28, 'GBP', 154440),
  (2, 15, 'GBP', 6890),
  (2, 30, 'GBP', 1350),
  (2, 31, 'GBP', 1940),
  (2, 39, 'GBP', 4570),
  (2, 62, 'GBP', 4060),
  (2, 63, 'GBP', 40590),
  (2, 73, 'GBP', 9890);
