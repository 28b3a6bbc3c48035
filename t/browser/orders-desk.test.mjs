// The provider's order desk in the browser: the manager finds a new order
// of Acme's among those to confirm, confirms it, tries to ship more than
// was ordered (the error summary leads to the line, the values stay),
// ships part of it with a tracking link, marks that shipment delivered and
// ships the rest; the buyer (carl) follows the shipments on his order page
// and its tracking link.  At 1280 and at 360 px, every page passes an
// axe-core WCAG 2.1 AA scan and does not scroll sideways; screenshots go
// to var/test/screenshots/.  Then returns: carl sends back two sensors of a
// delivered order with a photo (too many first: refused at the line), and
// the manager approves the return on the returns desk with instructions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn,
} from './lib.mjs';

const SEQ = 900000 + (process.pid % 90000);
const numbers = [];
let browser;

// A new order of carl's (Acme), a copy of the demo's O-2026-000006: two
// lines, five sensors and a training day; year 2025, so that no checkout
// gives out its number.
function newOrder(k) {
  const number = `O-2025-${String(SEQ + k).padStart(6, '0')}`;
  sql(`INSERT INTO orders (number, year, seq, org_id, buyer_id, status, currency, net_minor, tax_minor,
      gross_minor, po_number, cost_centre, note, address_id, ship_label, ship_recipient, ship_street,
      ship_street2, ship_postal_code, ship_city, ship_country, counted_at, created_at, updated_at)
    SELECT '${number}', 2025, ${SEQ + k}, org_id, buyer_id, 'submitted', currency, net_minor, tax_minor,
      gross_minor, 'PO-DESK-${k}', cost_centre, note, address_id, ship_label, ship_recipient, ship_street,
      ship_street2, ship_postal_code, ship_city, ship_country, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6),
      UTC_TIMESTAMP(6) FROM orders WHERE number = 'O-2026-000006'`);
  sql(`INSERT INTO order_lines (order_id, line_no, product_id, sku, name, unit, quantity, unit_price_minor,
      contract_price, tax_class, tax_rate_bp, net_minor, tax_minor, gross_minor)
    SELECT o.id, l.line_no, l.product_id, l.sku, l.name, l.unit, l.quantity, l.unit_price_minor,
      l.contract_price, l.tax_class, l.tax_rate_bp, l.net_minor, l.tax_minor, l.gross_minor
    FROM orders o JOIN order_lines l ON l.order_id = 6 WHERE o.number = '${number}'`);
  sql(`INSERT INTO order_events (order_id, at, user_id, status) SELECT id, created_at, buyer_id, 'submitted'
    FROM orders WHERE number = '${number}'`);
  numbers.push(number);
  return number;
}

// The same, delivered today in one shipment.
function deliveredOrder(k) {
  const number = newOrder(k);
  const o = `(SELECT id FROM orders WHERE number = '${number}')`;
  sql(`UPDATE orders SET status = 'delivered' WHERE number = '${number}'`);
  sql(`INSERT INTO shipments (order_id, no, carrier, shipped_at, delivered_at, created_at)
    SELECT id, 1, 'DHL', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM orders WHERE number = '${number}'`);
  sql(`INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity)
    SELECT s.id, l.order_id, l.line_no, l.quantity FROM shipments s JOIN order_lines l ON l.order_id = s.order_id
    WHERE s.order_id = ${o}`);
  return number;
}

// A small PNG picture, as a phone would send one.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const n of numbers) {
    const o = `(SELECT id FROM orders WHERE number = '${n}')`;
    sql(`DELETE FROM returns WHERE order_id = ${o}`);
    sql(`DELETE FROM order_events WHERE order_id = ${o}`);
    sql(`DELETE FROM shipment_lines WHERE order_id = ${o}`);
    sql(`DELETE FROM shipments WHERE order_id = ${o}`);
    sql(`DELETE FROM orders WHERE number = '${n}'`);
  }
});

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  await screenshot(page, `orders-desk-${name}-${width}`);
}

for (const [k, { width, height }] of VIEWPORTS.entries()) {
  test(`the desk confirms and ships an order, the buyer follows it (${width}px)`, { timeout: 180000 }, async () => {
    const number = newOrder(k);
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'manager@portico.example');
      if (width >= 1000) {
        await page.locator('nav.primary-nav').getByRole('link', { name: 'Orders', exact: true }).click();
        await page.locator('nav.section-nav').getByRole('link', { name: 'Order desk', exact: true }).click();
      } else {
        await page.locator('details.menu > summary').first().click();
        await page.locator('details.menu').getByRole('link', { name: 'Order desk', exact: true }).first().click();
      }
      await page.getByRole('heading', { level: 1, name: 'Order desk' }).waitFor();
      await page.getByRole('searchbox', { name: 'Order or PO number' }).fill(number);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('link', { name: number }).waitFor();
      await check(page, 'list', width);
      await page.getByRole('link', { name: number }).click();
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      await check(page, 'order', width);
      await Promise.all([
        page.waitForURL(/\?confirmed=1$/),
        page.getByRole('button', { name: 'Confirm', exact: true }).click(),
      ]);
      assert.match(await page.locator('main').innerText(), /The order is confirmed/, 'confirmed');

      const sensors = page.getByRole('textbox', { name: /^Quantity of TS-1 temperature sensor/ });
      assert.equal(await sensors.inputValue(), '5', 'what is left is filled in');
      await sensors.fill('7');
      await page.getByRole('textbox', { name: 'Carrier' }).fill('DHL Express');
      await page.getByRole('button', { name: 'Ship', exact: true }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'ship-error', width);
      await page.getByRole('link', { name: /At most 5 of this line are left to ship/ }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'qty_1', 'the summary leads to the line');
      assert.equal(await page.getByRole('textbox', { name: 'Carrier' }).inputValue(), 'DHL Express', 'the carrier kept');
      await sensors.fill('2');
      await page.getByRole('textbox', { name: /^Quantity of Training/ }).fill('0');
      await page.getByRole('textbox', { name: /^Tracking number/ }).fill('JD014600006281');
      await page.getByRole('textbox', { name: /^Tracking address/ }).fill('https://track.example.com/JD014600006281');
      await Promise.all([
        page.waitForURL(/\?shipped=1$/),
        page.getByRole('button', { name: 'Ship', exact: true }).click(),
      ]);
      assert.match(await page.locator('header.or-order-head').innerText(), /Partly shipped/, 'partly shipped');
      await check(page, 'partly-shipped', width);
      await Promise.all([
        page.waitForURL(/\?delivered=1$/),
        page.getByRole('button', { name: 'Mark delivered' }).click(),
      ]);
      await page.getByRole('textbox', { name: 'Carrier' }).fill('DPD');
      await Promise.all([
        page.waitForURL(/\?shipped=1$/),
        page.getByRole('button', { name: 'Ship', exact: true }).click(),
      ]);
      assert.match(await page.locator('header.or-order-head').innerText(), /Shipped/, 'the rest shipped');
      await check(page, 'shipped', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/orders/${number}`);
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      const main = await page.locator('main').innerText();
      assert.match(main, /Shipment 1 delivered/, 'the first shipment arrived');
      assert.match(main, /Shipment 2/, 'the second is on its way');
      const link = page.getByRole('link', { name: 'JD014600006281' });
      assert.equal(await link.getAttribute('href'), 'https://track.example.com/JD014600006281', 'the tracking link');
      await check(page, 'buyer', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}

for (const [k, { width, height }] of VIEWPORTS.entries()) {
  test(`a buyer returns two sensors, the desk approves (${width}px)`, { timeout: 180000 }, async () => {
    const number = deliveredOrder(10 + k);
    let rma;
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/orders/${number}`);
      await page.getByRole('link', { name: 'Return goods' }).click();
      await page.getByRole('heading', { level: 1, name: `Return goods of order ${number}` }).waitFor();
      await check(page, 'return-new', width);
      const sensors = page.getByRole('textbox', { name: /^Quantity of TS-1 temperature sensor/ });
      await sensors.fill('6');
      await page.getByRole('combobox', { name: 'Reason' }).selectOption('damaged');
      await page.getByRole('textbox', { name: /^What is wrong/ }).fill('Two arrived with cracked housings.');
      await page.getByRole('button', { name: 'Ask for the return' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'return-error', width);
      await page.getByRole('link', { name: /At most 5 of this line can go back/ }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'qty_1', 'the summary leads to the line');
      assert.equal(await page.getByRole('textbox', { name: /^What is wrong/ }).inputValue(),
        'Two arrived with cracked housings.', 'the comment kept');
      await sensors.fill('2');
      await page.getByLabel(/^Photos/).setInputFiles({ name: 'cracked.png', mimeType: 'image/png', buffer: PNG });
      await Promise.all([
        page.waitForURL(/\/orders\/returns\/R-\d{4}-\d{6}\?requested=1$/),
        page.getByRole('button', { name: 'Ask for the return' }).click(),
      ]);
      rma = page.url().match(/(R-\d{4}-\d{6})/)[1];
      await page.getByRole('heading', { level: 1, name: `Return ${rma}` }).waitFor();
      assert.match(await page.locator('main').innerText(), /Requested/, 'requested');
      await check(page, 'return', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'manager@portico.example');
      await page.goto(`${BASE}/orders/desk/returns`);
      await page.getByRole('heading', { level: 1, name: 'Returns desk' }).waitFor();
      await check(page, 'returns-desk', width);
      await page.getByRole('link', { name: rma }).click();
      await page.getByRole('heading', { level: 1, name: `Return ${rma}` }).waitFor();
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await page.getByRole('textbox', { name: 'How to send it back' }).fill('Send them to Unit 4, Leeds.');
      await Promise.all([
        page.waitForURL(/\?done=1$/),
        page.getByRole('button', { name: 'Approve' }).click(),
      ]);
      const main = await page.locator('main').innerText();
      assert.match(main, /Approved/, 'approved');
      assert.match(main, /Send them to Unit 4, Leeds\./, 'with the instructions');
      await check(page, 'return-approved', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}
