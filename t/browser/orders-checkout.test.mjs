// Ordering in the browser: a buyer (carl, 5 000.00 GBP per order) puts five
// gateways into the cart by their SKU (a mistake first: the error summary
// leads to the field and the values stay), sees that the order is above
// the limit, sends it for approval and finds it waiting; the approver
// (olivia) finds it in her approvals, tries to reject it without a reason
// (refused at the field), then approves it with a comment; the buyer sees
// it approved in the order history.  At 1280 and at 360 px, every page
// passes an axe-core WCAG 2.1 AA scan and does not scroll sideways;
// screenshots go to var/test/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn, until,
} from './lib.mjs';

const TAG = `PO-${process.pid}-${Date.now() % 100000000}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  sql(`DELETE FROM orders WHERE po_number LIKE '${TAG}%'`);
  sql('DELETE FROM cart_lines WHERE user_id = 6');
});

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  await screenshot(page, `orders-${name}-${width}`);
}

// Follow a link of the orders section: on a wide screen the section in
// the main navigation, then the page in the section's navigation; on a
// phone from the compact menu.
async function openSection(page, width, name) {
  if (width >= 1000) {
    await page.locator('nav.primary-nav').getByRole('link', { name: 'Orders', exact: true }).click();
    await page.locator('nav.section-nav').getByRole('link', { name, exact: true }).click();
  } else {
    await page.locator('details.menu > summary').first().click();
    await page.locator('details.menu').getByRole('link', { name, exact: true }).first().click();
  }
}

for (const { width, height } of VIEWPORTS) {
  test(`a buyer orders above the limit, the approver approves (${width}px)`, { timeout: 180000 }, async () => {
    const po = `${TAG}-${width}`;
    let number;
    sql('DELETE FROM cart_lines WHERE user_id = 6');    // carl's cart, empty
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/orders/cart`);
      await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
      await page.getByRole('textbox', { name: 'SKU', exact: true }).fill('PX-4000-NOPE');
      await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill('5');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'cart-error', width);
      assert.equal(await page.getByRole('textbox', { name: 'SKU', exact: true }).inputValue(), 'PX-4000-NOPE', 'the SKU kept');
      await page.getByRole('link', { name: /No product with this SKU/ }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'sku', 'the summary leads to the field');
      await page.getByRole('textbox', { name: 'SKU', exact: true }).fill('PX-400');
      await Promise.all([
        page.waitForURL(/\/orders\/cart\?added=1$/),
        page.getByRole('button', { name: 'Add to cart' }).click(),
      ]);
      await page.getByRole('rowheader', { name: /PX-400 edge gateway with 16 channels/ }).waitFor();
      const main = await page.locator('main').innerText();
      assert.match(main, /above your limit per order/, 'the cart says it needs approval');
      await page.getByRole('textbox', { name: /^PO number/ }).fill(po);
      await page.getByRole('textbox', { name: /^Cost centre/ }).fill('MAINT-LEEDS');
      await page.getByRole('textbox', { name: /^Note/ }).fill('For line 3.');
      await check(page, 'cart', width);
      await Promise.all([
        page.waitForURL(/\/orders\/O-\d{4}-\d{6}\?placed=1$/),
        page.getByRole('button', { name: 'Send the order for approval' }).click(),
      ]);
      number = page.url().match(/(O-\d{4}-\d{6})/)[1];
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      assert.match(await page.locator('main').innerText(), /Awaiting approval/, 'waiting for approval');
      await check(page, 'order-waiting', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      // The approval is a task of the process order-approval (portico-flowd).
      await until(() => sql(`SELECT COUNT(*) FROM flow_tasks WHERE business_key = '${number}' AND state = 'open'`).trim() === '1',
        'the approval task');
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'olivia@acme.example');
      await openSection(page, width, 'Approvals');
      await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
      await check(page, 'approvals', width);
      await page.getByRole('link', { name: number }).click();
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      await page.getByRole('button', { name: 'Reject' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'order-reject-error', width);
      await page.getByRole('link', { name: 'Say why you reject the order.' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'comment', 'the summary leads to the comment');
      await page.getByRole('textbox', { name: /^Comment/ }).fill('Fine for line 3.');
      await Promise.all([
        page.waitForURL(/\?decided=1$/),
        page.getByRole('button', { name: 'Approve' }).click(),
      ]);
      await until(() => sql(`SELECT status FROM orders WHERE number = '${number}'`).trim() === 'approved',
        'the decision');
      await page.reload();
      const main = await page.locator('main').innerText();
      assert.match(main, /Approved/, 'approved');
      assert.match(main, /Fine for line 3\./, 'with the comment');
      await check(page, 'order-approved', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      await openSection(page, width, 'Order history');
      await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
      await page.getByRole('searchbox', { name: 'Order or PO number' }).fill(po);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('link', { name: number }).waitFor();
      assert.match(await page.locator('main table').innerText(), /Approved/, 'approved in the history');
      await check(page, 'history', width);
      await page.getByRole('link', { name: number }).click();
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      await check(page, 'order-buyer', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}
