// Offers and contracts in the browser: the provider's manager writes an
// offer for Acme (a mistake first: the error summary leads to the field
// and the values stay), adds a one-off and a monthly line and sends it;
// Acme's admin finds it among the offers, tries to accept it without
// ticking the box (refused at the field), then accepts it with a delivery
// address, and follows it to its contract, which shows its notice
// deadline in the contract list; the manager sees the contracts running
// out and opens the demo's spare-parts agreement among them; Bergmann's
// admin reads the offer she declined, in German.  At 1280 and at 360 px, every page passes an axe-core WCAG 2.1 AA
// scan and does not scroll sideways; screenshots go to
// var/test/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, signIn,
} from './lib.mjs';

const TAG = `Browser offer ${process.pid}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  await screenshot(page, `offers-${name}-${width}`);
}

function inDays(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

for (const { width, height } of VIEWPORTS) {
  test(`staff write an offer, the customer accepts it into a contract (${width}px)`, { timeout: 180000 }, async () => {
    const title = `${TAG} ${width}`;
    let number;
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'manager@portico.example');
      await page.goto(`${BASE}/orders/admin/offers`);
      await page.getByRole('heading', { level: 1, name: 'Offers' }).waitFor();
      await check(page, 'admin-list', width);
      await page.getByRole('link', { name: 'New offer' }).click();
      await page.getByRole('heading', { level: 1, name: 'New offer' }).waitFor();
      await page.getByLabel('Organisation').selectOption({ label: 'Acme Industrial Ltd' });
      await page.getByRole('textbox', { name: 'Title' }).fill(title);
      await page.getByRole('textbox', { name: /^Valid until/ }).fill('2020-01-01');
      await page.getByRole('button', { name: 'Create the draft' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'new-error', width);
      assert.equal(await page.getByRole('textbox', { name: 'Title' }).inputValue(), title, 'the title kept');
      await page.getByRole('link', { name: 'The validity date has passed.' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'valid_until', 'the summary leads to the field');
      await page.getByRole('textbox', { name: /^Valid until/ }).fill(inDays(20));
      await page.getByRole('textbox', { name: /^Terms/ }).fill('Payment within **30 days**.\n\n- Service on workdays');
      await Promise.all([
        page.waitForURL(/\/orders\/admin\/offers\/Q-\d{4}-\d{6}$/),
        page.getByRole('button', { name: 'Create the draft' }).click(),
      ]);
      number = page.url().match(/(Q-\d{4}-\d{6})/)[1];
      await page.getByRole('textbox', { name: /^Description/ }).fill('Installation on site');
      await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'hour' });
      await page.getByRole('textbox', { name: 'Quantity' }).fill('4');
      await page.getByRole('textbox', { name: /^Unit price/ }).fill('95.00');
      await Promise.all([
        page.waitForURL(/\?saved=1$/),
        page.getByRole('button', { name: 'Add a line' }).click(),
      ]);
      await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Recurring' });
      await page.getByLabel('Billed', { exact: true }).selectOption({ label: 'Monthly' });
      await page.getByRole('textbox', { name: /^Description/ }).fill('Remote monitoring');
      await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'month' });
      await page.getByRole('textbox', { name: 'Quantity' }).fill('1');
      await page.getByRole('textbox', { name: /^Unit price/ }).fill('120');
      await Promise.all([
        page.waitForURL(/\?saved=1$/),
        page.getByRole('button', { name: 'Add a line' }).click(),
      ]);
      await page.getByRole('rowheader', { name: 'Remote monitoring' }).waitFor();
      await check(page, 'draft', width);
      await Promise.all([
        page.waitForURL(/\/orders\/admin\/offers\?sent=1$/),
        page.getByRole('button', { name: 'Send the offer' }).click(),
      ]);
      assert.match(await page.locator('main').innerText(), /The offer has been sent/, 'sent');
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'anna.admin@acme.example');
      await page.goto(`${BASE}/orders/offers`);
      await page.getByRole('heading', { level: 1, name: 'Offers' }).waitFor();
      await check(page, 'list', width);
      await page.getByRole('link', { name: number }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await check(page, 'offer', width);
      await page.getByLabel('Deliver the one-off items to').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Accept the offer' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'accept-error', width);
      await page.getByRole('link', { name: 'Tick the box to accept.' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm', 'the summary leads to the box');
      await page.getByRole('checkbox', { name: /I accept this offer/ }).check();
      await Promise.all([
        page.waitForURL(/\?accepted=1$/),
        page.getByRole('button', { name: 'Accept the offer' }).click(),
      ]);
      const main = await page.locator('main').innerText();
      assert.match(main, /Accepted/, 'accepted');
      assert.match(main, /[0-9a-f]{64}/, 'with the fingerprint of the text');
      await check(page, 'accepted', width);
      await page.getByRole('link', { name: /^Contract C-\d{4}-\d{6}$/ }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.match(await page.locator('main').innerText(), /Remote monitoring/, 'the monthly line in the contract');
      await check(page, 'contract', width);
      await page.goto(`${BASE}/orders/contracts`);
      await page.getByRole('heading', { level: 1, name: 'Contracts' }).waitFor();
      assert.match(await page.locator('main table').innerText(), /Notice deadline/, 'the notice deadlines');
      await check(page, 'contracts', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'manager@portico.example');
      await page.goto(`${BASE}/orders/admin/contracts?days=400`);
      await page.getByRole('heading', { level: 1, name: 'Contracts running out' }).waitFor();
      await check(page, 'running-out', width);
      await page.getByRole('link', { name: 'C-2026-000002' }).click();
      await page.getByRole('heading', { level: 1, name: 'Spare parts agreement' }).waitFor();
      await check(page, 'staff-contract', width);
      await page.goto(`${BASE}/orders/admin/offers/${number}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await check(page, 'admin-accepted', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      // In German: Bergmann's admin reads the offer the demo has her decline.
      const { context, page, problems } = await openPage(browser, { width, height, lang: 'de' });
      await signIn(page, 'sabine.krueger@bergmann.example');
      await page.goto(`${BASE}/orders/offers`);
      await page.getByRole('heading', { level: 1, name: 'Angebote' }).waitFor();
      await check(page, 'list-de', width);
      await page.getByRole('link', { name: 'Q-2026-000003' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wartungsvertrag Fertigungslinie 2' }).waitFor();
      const main = await page.locator('main').innerText();
      assert.match(main, /Abgelehnt/, 'declined, in German');
      assert.match(main, /intern vergeben/, 'with her reason');
      await check(page, 'declined-de', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}
