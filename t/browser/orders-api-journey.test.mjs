// The journey of issue 13 from end to end, the ERP driving the order
// through the integration API while the buyer follows it in the browser:
// carl orders five PX-400 gateways, above his limit per order, and sends it for
// approval; olivia, Acme's approver, approves it on its page; the demo
// warehouse's integration finds the approved order in the feed of orders
// ready to confirm, confirms it, ships it with a tracking link, issues its
// invoice and marks it delivered; carl sees each step on the order's page,
// the tracking link and the invoice, downloads the invoice as a PDF and
// returns one of the gateways; the provider's admin finds the integration named in
// the audit log.  At
// 1280 and at 360 px every page passes an axe-core WCAG 2.1 AA scan and
// does not scroll sideways; screenshots go to var/test/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn, until, horizontalOverflow,
  orderAboveLimit,
} from './lib.mjs';

// The demo's "Warehouse Leeds (demo)" integration (sql/demo/0075), every scope.
const TOKEN = 'pti_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const TAG = `PO-API-${process.pid}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  const orders = `SELECT id FROM orders WHERE po_number LIKE '${TAG}%'`;
  sql(`DELETE FROM returns WHERE order_id IN (${orders})`);
  sql(`DELETE FROM invoices WHERE order_id IN (${orders})`);
  sql(`DELETE FROM order_events WHERE order_id IN (${orders}) AND shipment_id IS NOT NULL`);
  sql(`DELETE FROM shipments WHERE order_id IN (${orders})`);
  sql(`DELETE FROM orders WHERE po_number LIKE '${TAG}%'`);
  sql('DELETE FROM cart_lines WHERE user_id = 6');
});

// A call of the API as the warehouse: [status, JSON].
async function api(method, path, body) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return [res.status, await res.json()];
}

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  assert.equal(await horizontalOverflow(page), 0, `${name} fits ${width}px`);
  await screenshot(page, `orders-api-${name}-${width}`);
}

for (const { width, height } of VIEWPORTS) {
  test(`the ERP ships an order through the API, the buyer follows it (${width}px)`, { timeout: 180000 }, async () => {
    const po = `${TAG}-${width}`;
    const since = Number(sql('SELECT COALESCE(MAX(id), 0) FROM order_events').trim());
    sql('DELETE FROM cart_lines WHERE user_id = 6');
    const { context, page, problems } = await openPage(browser, { width, height });
    await signIn(page, 'carl@acme.example');
    const number = await orderAboveLimit(page, po);

    // The approver, on the order's page, once the approval is a task of the
    // process order-approval; portico-flowd takes the decision.
    {
      await until(() => sql(`SELECT COUNT(*) FROM flow_tasks WHERE business_key = '${number}' AND state = 'open'`).trim() === '1',
        'the approval task');
      const approver = await openPage(browser, { width, height });
      await signIn(approver.page, 'olivia@acme.example');
      await approver.page.goto(`${BASE}/orders/${number}`);
      await approver.page.getByRole('textbox', { name: /^Comment/ }).fill('Needed for line 3.');
      await Promise.all([
        approver.page.waitForURL(/\?decided=1$/),
        approver.page.getByRole('button', { name: 'Approve' }).click(),
      ]);
      await until(() => sql(`SELECT status FROM orders WHERE number = '${number}'`).trim() === 'approved',
        'the decision');
      await approver.page.reload();
      assert.match(await approver.page.locator('main').innerText(), /Approved/, 'approved');
      await check(approver.page, 'order-approved', width);
      assert.deepEqual(approver.problems, []);
      await approver.context.close();
    }

    // The warehouse: the feed lists a change once it is a second old.
    sql(`UPDATE order_events SET at = at - INTERVAL 5 SECOND WHERE id > ${since}`);
    let [status, body] = await api('GET', `/orders?since=${since}&status=submitted,approved`);
    assert.equal(status, 200, 'the feed');
    const found = body.orders.find((o) => o.number === number);
    assert.ok(found, 'the new order is in the feed of orders to confirm');
    assert.equal(found.po_number, po, 'with its PO number');
    assert.equal(found.status, 'approved', 'approved');
    assert.deepEqual(found.lines.map((l) => [l.sku, l.quantity]), [['PX-400', 5]], 'and its line');
    [status, body] = await api('POST', `/orders/${number}/confirm`);
    assert.equal(status, 200, 'confirmed');
    [status, body] = await api('POST', `/orders/${number}/shipments`, {
      carrier: 'DHL', tracking_number: `JD${process.pid}${width}`,
      tracking_url: `https://track.example.com/JD${process.pid}${width}`, lines: [{ line: 1, quantity: 5 }],
    });
    assert.equal(status, 201, 'shipped');
    assert.equal(body.status, 'shipped', 'the order is shipped');

    await page.goto(`${BASE}/orders/${number}`);
    await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
    let main = await page.locator('main').innerText();
    assert.match(main, /Shipped/, 'the buyer sees it shipped');
    const link = page.getByRole('link', { name: `JD${process.pid}${width}` });
    assert.equal(await link.getAttribute('href'), `https://track.example.com/JD${process.pid}${width}`, 'the tracking link');
    await check(page, 'order-shipped', width);

    // Invoiced while the buyer has the page open: the next look shows it.
    [status, body] = await api('POST', `/orders/${number}/invoices`, { shipment: 1 });
    assert.equal(status, 201, 'invoiced');
    const invoice = body.number;
    await page.reload();
    await page.getByRole('link', { name: invoice }).waitFor();

    [status, body] = await api('POST', `/orders/${number}/delivered`, {});
    assert.equal(status, 200, 'delivered');
    await page.reload();
    main = await page.locator('main').innerText();
    assert.match(main, /Delivered/, 'the buyer sees it delivered');
    await check(page, 'order-delivered', width);
    await page.getByRole('link', { name: invoice }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(invoice) }).waitFor();
    await check(page, 'invoice', width);
    const pdf = await context.request.get(`${BASE}/orders/invoices/${invoice}.pdf`);
    assert.equal(pdf.status(), 200, 'the PDF');
    assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/, 'is a PDF');

    // One gateway goes back.
    await page.goto(`${BASE}/orders/${number}`);
    await page.getByRole('link', { name: 'Return goods' }).click();
    await page.getByRole('heading', { level: 1, name: `Return goods of order ${number}` }).waitFor();
    await page.getByRole('textbox', { name: /^Quantity of PX-400/ }).fill('1');
    await page.getByRole('combobox', { name: 'Reason' }).selectOption('defective');
    await page.getByRole('textbox', { name: /^What is wrong/ }).fill('The LTE modem does not start.');
    await check(page, 'return-new', width);
    await Promise.all([
      page.waitForURL(/\/orders\/returns\/R-\d{4}-\d{6}\?requested=1$/),
      page.getByRole('button', { name: 'Ask for the return' }).click(),
    ]);
    const rma = page.url().match(/(R-\d{4}-\d{6})/)[1];
    await page.getByRole('heading', { level: 1, name: `Return ${rma}` }).waitFor();
    assert.match(await page.locator('main').innerText(), /Requested/, 'the return is requested');
    assert.equal(sql(`SELECT COUNT(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.number = '${number}'`
      + " AND r.status = 'requested'").trim(), '1', 'one return of the order in the database');
    await check(page, 'return', width);
    assert.deepEqual(problems, []);
    await context.close();

    const admin = await openPage(browser, { width, height });
    await signIn(admin.page, 'admin@portico.example');
    await admin.page.goto(`${BASE}/auth/audit?action=order.ship`);
    assert.match(await admin.page.locator('main').innerText(), /The integration Warehouse Leeds \(demo\)/,
      'the audit log names the integration');
    await check(admin.page, 'audit', width);
    assert.deepEqual(admin.problems, []);
    await admin.context.close();
  });
}
