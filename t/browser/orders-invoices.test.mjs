// Invoices in the browser: the order desk invoices the first shipment of
// Acme's partly shipped demo order from the desk's order page, credits
// one of its lines and marks the invoice paid; the buyer (carl) finds his
// organisation's overdue invoice in the list, opens it, sees the totals and
// terms, and downloads its PDF.  At 1280 and at 360 px, every page passes
// an axe-core WCAG 2.1 AA scan and does not scroll sideways; screenshots go
// to var/test/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn,
} from './lib.mjs';

const SEQ = 800000 + (process.pid % 90000);
const numbers = [];
let browser;

// A copy of the demo's O-2026-000023 (partly shipped: four of six sensors
// and six cables in shipment 1), numbered in 2025 so that no checkout gives
// out its number; returns its number.
function newOrder(k) {
  const number = `O-2025-${String(SEQ + k).padStart(6, '0')}`;
  sql(`INSERT INTO orders (number, year, seq, org_id, buyer_id, status, currency, net_minor, tax_minor,
      gross_minor, po_number, cost_centre, note, address_id, ship_label, ship_recipient, ship_street,
      ship_street2, ship_postal_code, ship_city, ship_country, counted_at, created_at, updated_at)
    SELECT '${number}', 2025, ${SEQ + k}, org_id, buyer_id, status, currency, net_minor, tax_minor,
      gross_minor, 'PO-INV-${k}', cost_centre, note, address_id, ship_label, ship_recipient, ship_street,
      ship_street2, ship_postal_code, ship_city, ship_country, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6),
      UTC_TIMESTAMP(6) FROM orders WHERE number = 'O-2026-000023'`);
  const o = `(SELECT id FROM orders WHERE number = '${number}')`;
  sql(`INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity, unit_price_minor,
      contract_price, tax_class, tax_rate_bp, net_minor, tax_minor, gross_minor)
    SELECT ${o}, l.line_no, l.product_id, l.sku, l.name, l.unit, l.quantity, l.unit_price_minor,
      l.contract_price, l.tax_class, l.tax_rate_bp, l.net_minor, l.tax_minor, l.gross_minor
    FROM order_lines l WHERE l.order_id = 23`);
  sql(`INSERT INTO shipments (order_id, no, carrier, tracking_number, shipped_at, created_at)
    VALUES (${o}, 1, 'Royal Mail', 'RM000${k}', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))`);
  sql(`INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity)
    SELECT s.id, s.order_id, l.line_no, l.quantity FROM shipments s
    JOIN shipment_lines l ON l.shipment_id = 4 WHERE s.order_id = ${o}`);
  numbers.push(number);
  return number;
}

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const n of numbers) {
    const o = `(SELECT id FROM orders WHERE number = '${n}')`;
    sql(`DELETE FROM invoices WHERE order_id = ${o}`);
    sql(`DELETE FROM shipments WHERE order_id = ${o}`);
    sql(`DELETE FROM orders WHERE number = '${n}'`);
  }
});

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  await screenshot(page, `orders-invoices-${name}-${width}`);
}

for (const [k, { width, height }] of VIEWPORTS.entries()) {
  test(`the desk invoices a shipment, credits a line and books the payment (${width}px)`, { timeout: 180000 }, async () => {
    const number = newOrder(k);
    const { context, page, problems } = await openPage(browser, { width, height });
    try {
      await signIn(page, 'manager@portico.example');
      await page.goto(`${BASE}/orders/desk/${number}`);
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      await page.getByRole('link', { name: 'Invoice this order' }).click();
      await page.getByRole('heading', { level: 1, name: `Invoice order ${number}` }).waitFor();
      await check(page, 'issue', width);
      await Promise.all([
        page.waitForURL(/\/orders\/invoices\/INV-\d{4}-\d{6}\?issued=1$/),
        page.getByRole('button', { name: 'Invoice this shipment' }).click(),
      ]);
      assert.match(await page.locator('main').innerText(), /The invoice was issued/, 'issued');
      const main = await page.locator('main').innerText();
      assert.match(main, /674\.40\s*GBP/, 'four sensors at 168.60');
      assert.match(main, /Total due\s*906\.48\s*GBP/, 'the gross total');
      await check(page, 'invoice', width);
      const invoiceUrl = page.url().replace(/\?.*$/, '');

      await page.getByRole('spinbutton', { name: /M12 sensor cable/ }).fill('9');
      await page.getByRole('button', { name: 'Issue a credit note' }).click();
      await page.getByText('More would be credited than was invoiced.').first().waitFor();
      await check(page, 'credit-error', width);
      assert.equal(await page.getByRole('spinbutton', { name: /M12 sensor cable/ }).inputValue(), '9', 'the value stays');
      await page.getByRole('spinbutton', { name: /M12 sensor cable/ }).fill('2');
      await Promise.all([
        page.waitForURL(/\/orders\/invoices\/CN-\d{4}-\d{6}\?issued=1$/),
        page.getByRole('button', { name: 'Issue a credit note' }).click(),
      ]);
      assert.match(await page.locator('main').innerText(), /Total credited\s*-32\.40\s*GBP/, 'two cables credited');
      await check(page, 'credit-note', width);

      await page.goto(invoiceUrl);
      await Promise.all([
        page.waitForURL(/\?paid=1$/),
        page.getByRole('button', { name: 'Mark as paid' }).click(),
      ]);
      assert.match(await page.locator('main').innerText(), /The invoice is marked as paid/, 'paid');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test(`the buyer finds the overdue invoice and downloads it (${width}px)`, { timeout: 120000 }, async () => {
    const { context, page, problems } = await openPage(browser, { width, height });
    try {
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/orders/invoices`);
      await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
      await check(page, 'list', width);
      await page.getByLabel('Status').selectOption('overdue');
      await Promise.all([page.waitForURL(/status=overdue/), page.getByRole('button', { name: 'Show' }).click()]);
      await page.getByRole('link', { name: 'INV-2026-000003' }).click();
      await page.getByRole('heading', { level: 1, name: 'Invoice INV-2026-000003' }).waitFor();
      const main = await page.locator('main').innerText();
      assert.match(main, /Overdue/, 'overdue');
      assert.match(main, /Total due\s*1,265\.52\s*GBP/, 'the total');
      assert.match(main, /Payable within 30 days, by 4 Nov 2026/, 'the terms');
      await check(page, 'buyer-invoice', width);
      const [download] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/orders/invoices/INV-2026-000003.pdf')),
        page.evaluate(() => fetch('/orders/invoices/INV-2026-000003.pdf')),
      ]);
      assert.equal(download.status(), 200, 'the PDF');
      assert.equal(download.headers()['content-type'], 'application/pdf');
      assert.equal(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href'),
        '/orders/invoices/INV-2026-000003.pdf', 'linked from the page');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
