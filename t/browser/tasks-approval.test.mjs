// An order approval through the task inbox: a buyer (carl, 5 000.00 GBP
// per order) orders above his limit and sends the order for approval,
// which starts the order-approval process; the approver (olivia) finds its
// task in her inbox (Tasks in the navigation, on a phone in the compact
// menu), opens it, submits the form without a decision (the error summary
// leads to the choice, her comment stays), then approves; flowd moves the
// process on and the order is approved; the buyer sees it approved.  At
// 1280 and 360 px every page passes an axe-core WCAG 2.1 AA scan and does
// not scroll sideways; screenshots go to var/test/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn, until, orderAboveLimit,
} from './lib.mjs';

const TAG = `PO-TS-${process.pid}-${Date.now() % 100000000}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  sql('DELETE FROM cart_lines WHERE user_id = 6');
});

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  await screenshot(page, `tasks-approval-${name}-${width}`);
}

// A link of the navigation: on a wide screen in the bar (a section, then
// the page in the section's navigation), on a phone from the compact menu.
async function openNav(page, width, section, name) {
  if (width >= 1000) {
    await page.locator('nav.primary-nav').getByRole('link', { name: section }).click();
    if (name) await page.locator('nav.section-nav').getByRole('link', { name, exact: true }).click();
  } else {
    await page.locator('details.menu > summary').first().click();
    await page.locator('details.menu').getByRole('link', { name: name || section }).first().click();
  }
}

function orderStatus(number) {
  return sql(`SELECT status FROM orders WHERE number = '${number}'`).trim();
}

for (const { width, height } of VIEWPORTS) {
  test(`an approver approves an order from the task inbox (${width}px)`, { timeout: 180000 }, async () => {
    const po = `${TAG}-${width}`;
    let number;
    sql('DELETE FROM cart_lines WHERE user_id = 6');    // carl's cart, empty
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      number = await orderAboveLimit(page, po);
      assert.deepEqual(problems, []);
      await context.close();
    }
    // flowd starts the process and offers its task to Acme's approvers.
    await until(() => sql(`SELECT COUNT(*) FROM flow_tasks WHERE business_key = '${number}' AND state = 'open'`).trim() === '1',
      `the approval task of ${number}`);
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'olivia@acme.example');
      await openNav(page, width, /^Tasks\b/);
      await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: number });
      await row.waitFor();
      await check(page, 'inbox', width);
      await row.getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: 'Approve the order' }).waitFor();
      assert.equal(await page.getByRole('link', { name: number }).getAttribute('href'), `/orders/${number}`,
        'the case links to the order');
      await check(page, 'task', width);
      await page.getByRole('textbox', { name: /^Comment/ }).fill('Fine for line 3.');
      await page.getByRole('button', { name: 'Complete the task' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'task-error', width);
      await page.locator('.error-summary').getByRole('link').first().click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-approved', 'the summary leads to the choice');
      assert.equal(await page.getByRole('textbox', { name: /^Comment/ }).inputValue(), 'Fine for line 3.', 'the comment stays');
      await page.getByRole('radio', { name: 'Yes' }).check();
      await Promise.all([
        page.waitForURL(/\/tasks\/\?done=\d+$/),
        page.getByRole('button', { name: 'Complete the task' }).click(),
      ]);
      assert.match(await page.locator('main').innerText(), /The task is completed/, 'the inbox says so');
      await check(page, 'done', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
    await until(() => orderStatus(number) === 'approved', `${number} approved by the process`);
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/orders/${number}`);
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      assert.match(await page.locator('main').innerText(), /Approved/, 'the buyer sees it approved');
      await check(page, 'order-approved', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}
