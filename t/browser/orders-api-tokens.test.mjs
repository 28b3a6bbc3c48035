// The integrations' API tokens in the browser: the admin finds the page
// from the start page's tile, tries to make a token without a scope (the
// error summary leads to the scopes, the name stays), makes one (shown
// once, in full), sees it in the list and revokes it.  At 1280 and at
// 360 px every page passes an axe-core WCAG 2.1 AA scan and does not
// scroll sideways; screenshots go to var/test/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn, horizontalOverflow,
} from './lib.mjs';

const PREFIX = `BT${process.pid}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  const like = `'${PREFIX} %'`;
  sql(`DELETE FROM audit_log WHERE object_type = 'integration' AND object_id IN
    (SELECT id FROM integrations WHERE name LIKE ${like})`);
  sql(`DELETE FROM integrations WHERE name LIKE ${like}`);
});

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  assert.equal(await horizontalOverflow(page), 0, `${name} fits ${width}px`);
  await screenshot(page, `orders-api-tokens-${name}-${width}`);
}

for (const { width, height } of VIEWPORTS) {
  test(`the admin makes and revokes an API token (${width}px)`, { timeout: 120000 }, async () => {
    const name = `${PREFIX} ERP ${width}`;
    const { context, page, problems } = await openPage(browser, { width, height });
    await signIn(page, 'admin@portico.example');
    await page.locator('main').getByRole('link', { name: /^Integrations and API tokens/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Integrations and API tokens' }).waitFor();
    await check(page, 'list', width);

    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await page.getByRole('button', { name: 'Create the token' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check(page, 'error', width);
    await page.getByRole('link', { name: 'Choose at least one scope.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scopes', 'the summary leads to the scopes');
    assert.equal(await page.getByRole('textbox', { name: /^Name/ }).inputValue(), name, 'the name stays');

    await page.getByRole('checkbox', { name: /orders\.read/ }).check();
    await page.getByRole('checkbox', { name: /orders\.write/ }).check();
    await page.getByRole('button', { name: 'Create the token' }).click();
    await page.getByRole('heading', { level: 2, name: `The token of ${name}` }).waitFor();
    const token = (await page.locator('#new-token').innerText()).trim();
    assert.match(token, /^pti_[0-9a-f]{64}$/, 'the token, in full');
    await check(page, 'token', width);

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    assert.match(await row.innerText(), new RegExp(`pti_${token.slice(4, 12)}`), 'the list shows its first digits');
    await page.goto(`${BASE}/orders/admin/integrations`);
    assert.equal(await page.locator('#new-token').count(), 0, 'shown once: not on the list again');

    await Promise.all([
      page.waitForURL(/\?revoked=1$/),
      row.getByRole('button', { name: /^Revoke/ }).click(),
    ]);
    assert.match(await page.locator('main').innerText(), /The token is revoked/, 'revoked');
    assert.match(await row.innerText(), /Revoked/, 'the list says so');
    await check(page, 'revoked', width);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the page is the admin\'s only', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser, {});
  await signIn(page, 'manager@portico.example');
  const res = await page.goto(`${BASE}/orders/admin/integrations`);
  assert.equal(res.status(), 403, 'a manager: 403');
  await context.close();
});
