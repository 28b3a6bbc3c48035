// Tickets in the browser: a customer picks a service in the catalogue,
// fills its form (a mistake first: the error summary links the field and
// the values stay), raises the ticket and finds it in "My tickets"; an
// agent opens it from the queue, writes an internal note, answers and sets
// it resolved; the customer sees the answer but never the note.  Every
// page of the journey passes an axe-core WCAG 2.1 AA scan at 1280 and 360
// px without scrolling sideways; screenshots go to var/test/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn,
} from './lib.mjs';

const TAG = `${process.pid}-${Date.now() % 100000000}`;
const SUBJECT = `Label printer silent ${TAG}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  sql(`DELETE FROM tickets WHERE subject = '${SUBJECT}'`);
});

// The page passes axe and fits its width; a screenshot named name-<width>.
async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  await screenshot(page, `tickets-${name}-${width}`);
}

test('a customer raises a ticket, an agent answers it', { timeout: 180000 }, async () => {
  let number;
  {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
    await signIn(page, 'carl@acme.example');
    await page.getByRole('link', { name: 'Request service' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Request service' }).waitFor();
    await check(page, 'catalogue', 1280);
    await page.getByRole('link', { name: 'Printer or device fault' }).click();
    await page.getByRole('heading', { level: 1, name: 'Printer or device fault' }).waitFor();
    await check(page, 'form', 1280);
    await page.getByLabel('Subject').fill(SUBJECT);
    await page.getByLabel('Description').fill('It feeds labels but prints nothing.');
    await page.getByLabel('Device serial number').fill('not a serial');
    await page.getByLabel('Location').fill('Dispatch, line 2');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check(page, 'form-errors', 1280);
    assert.equal(await page.getByLabel('Location').inputValue(), 'Dispatch, line 2', 'values kept');
    await page.getByRole('link', { name: /expected form/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-serial', 'the summary leads to the field');
    await page.getByLabel('Device serial number').fill('PX-20418');
    await Promise.all([
      page.waitForURL(/\/tickets\/T-\d{4}-\d{6}\?created=1$/),
      page.getByRole('button', { name: 'Submit request' }).click(),
    ]);
    number = page.url().match(/(T-\d{4}-\d{6})/)[1];
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await check(page, 'ticket-customer', 1280);
    await page.goto(`${BASE}/tickets/mine`);
    await page.getByRole('link', { name: number }).waitFor();
    await check(page, 'mine', 1280);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
    await signIn(page, 'agent@portico.example');
    await page.goto(`${BASE}/tickets/queue`);
    await check(page, 'queue', 1280);
    await page.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByLabel(/Note for the team/).fill(`Head is worn ${TAG}.`);
    await Promise.all([page.waitForURL(/done=note/), page.getByRole('button', { name: 'Save note' }).click()]);
    await page.getByLabel('Your reply').fill('We replace the print head on Thursday.');
    await page.getByLabel('Then set the ticket to').selectOption('resolved');
    await Promise.all([page.waitForURL(/done=reply/), page.getByRole('button', { name: 'Send reply' }).click()]);
    await check(page, 'ticket-agent', 1280);
    assert.deepEqual(problems, []);
    await context.close();
  }
  for (const { width, height } of VIEWPORTS) {
    const { context, page, problems } = await openPage(browser, { width, height });
    await signIn(page, 'carl@acme.example');
    await page.goto(`${BASE}/tickets/${number}`);
    const body = await page.locator('main').innerText();
    assert.match(body, /We replace the print head/, 'the answer');
    assert.doesNotMatch(body, /Head is worn/, 'never the note');
    assert.match(body, /Resolved/, 'resolved');
    if (width === 360) {
      await check(page, 'ticket-customer', 360);
      for (const [name, p] of [['catalogue', '/tickets/'], ['form', '/tickets/new/access-request'],
        ['mine', '/tickets/mine']]) {
        await page.goto(`${BASE}${p}`);
        await check(page, name, 360);
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { context, page } = await openPage(browser, { width: 360, height: 740 });
    await signIn(page, 'agent@portico.example');
    await page.goto(`${BASE}/tickets/${number}`);
    await check(page, 'ticket-agent', 360);
    await page.goto(`${BASE}/tickets/queue`);
    await check(page, 'queue', 360);
    await context.close();
  }
});
