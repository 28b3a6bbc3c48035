// The catalogue in the browser, at desktop and phone width: a customer
// searches it, opens a category and a product and sees the contract price
// their organisation has; a German customer reads it in German; the staff
// create a product through its form (sent back once with an error, then
// with an image), set an organisation's contract price and import a price
// list from CSV through its preview.  Every page passes an axe-core WCAG
// 2.1 AA scan and does not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, axeViolations, formatViolations, screenshot,
  horizontalOverflow, signIn, sql,
} from './lib.mjs';

const PREFIX = `ORB${process.pid}`;
// A 1x1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  sql(`DELETE FROM contract_prices WHERE product_id IN (SELECT id FROM products WHERE sku LIKE '${PREFIX}%')`);
  sql(`DELETE FROM products WHERE sku LIKE '${PREFIX}%'`);
});

async function assertAccessible(page, name, width, problems) {
  assert.equal(await horizontalOverflow(page), 0, `${name}: no horizontal scrolling at ${width}px`);
  await screenshot(page, `orders-${name}-${width}`);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${name} at ${width}px:\n${formatViolations(violations)}`);
  assert.deepEqual(problems, [], `${name}: no failed resources or CSP violations`);
}

for (const vp of VIEWPORTS) {
  test(`a customer finds a product at their price (${vp.width}px)`, { timeout: 120000 }, async () => {
    const { context, page, problems } = await openPage(browser, vp);
    try {
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/orders/`);
      await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
      await assertAccessible(page, 'catalogue', vp.width, problems);

      await page.getByLabel('Search', { exact: true }).fill('vibration magnet');
      await Promise.all([page.waitForURL(/q=vibration/), page.getByRole('button', { name: 'Show' }).click()]);
      const link = page.getByRole('link', { name: 'VS-3 vibration sensor, magnet mount' });
      await link.waitFor();
      await assertAccessible(page, 'search', vp.width, problems);

      await Promise.all([page.waitForURL(`${BASE}/orders/products/VS-3-M`), link.click()]);
      await page.getByRole('heading', { level: 1, name: 'VS-3 vibration sensor, magnet mount' }).waitFor();
      assert.ok(await page.getByText('Your contract price').isVisible(), 'the contract price is marked');
      assert.ok(await page.getByText(/168\.60\s*GBP/).first().isVisible(), "Acme's price in GBP");
      await assertAccessible(page, 'product', vp.width, problems);

      await Promise.all([page.waitForURL(/category=sensors/), page.getByRole('link', { name: 'Back to Sensors' }).click()]);
      assert.equal(await page.locator('nav.or-categories a[aria-current="page"]').innerText(), 'Sensors (18)');
      await assertAccessible(page, 'category', vp.width, problems);
    } finally {
      await context.close();
    }
  });

  test(`a German customer reads the catalogue in German (${vp.width}px)`, { timeout: 60000 }, async () => {
    const { context, page, problems } = await openPage(browser, { ...vp, lang: 'de' });
    try {
      await signIn(page, 'klaus@bergmann.example');
      await page.goto(`${BASE}/orders/?category=sensors`);
      await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor();
      assert.ok(await page.getByRole('link', { name: 'VS-3 Schwingungssensor, Magnetfuß' }).isVisible());
      await assertAccessible(page, 'katalog', vp.width, problems);
    } finally {
      await context.close();
    }
  });

  test(`the staff keep the catalogue (${vp.width}px)`, { timeout: 180000 }, async () => {
    const sku = `${PREFIX}-${vp.width}`;
    const { context, page, problems } = await openPage(browser, vp);
    try {
      await signIn(page, 'admin@portico.example');
      await page.goto(`${BASE}/orders/admin/`);
      await page.getByRole('heading', { level: 1, name: 'Product catalogue' }).waitFor();
      await assertAccessible(page, 'admin-products', vp.width, problems);

      await Promise.all([page.waitForURL(`${BASE}/orders/admin/products/new`),
        page.getByRole('link', { name: 'New product' }).click()]);
      await page.getByLabel('Name (English)').fill(`Browser test sensor ${vp.width}`);
      await page.getByLabel('SKU').fill(sku);
      await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Spare parts and consumables' });
      await page.getByLabel('EUR').fill('49.90');
      await page.getByLabel('GBP').fill('42.50');
      await page.getByRole('button', { name: 'Create the product' }).click();
      await page.getByRole('alert').waitFor();
      await assertAccessible(page, 'admin-product-422', vp.width, problems);
      assert.equal(await page.getByLabel('SKU').inputValue(), sku, 'the SKU is kept');
      assert.equal(await page.getByLabel('EUR').inputValue(), '49.90', 'the price is kept');

      await page.getByLabel('Name (German)').fill(`Browser-Testsensor ${vp.width}`);
      await page.getByLabel('A new image').setInputFiles({ name: 'sensor.png', mimeType: 'image/png', buffer: PNG });
      await Promise.all([page.waitForURL(/\/orders\/admin\/products\/\d+\?saved=1$/),
        page.getByRole('button', { name: 'Create the product' }).click()]);
      await page.getByText('Saved.').waitFor();
      await assertAccessible(page, 'admin-product', vp.width, problems);

      await page.goto(`${BASE}/orders/products/${sku}`);
      const img = page.getByRole('img', { name: `Browser test sensor ${vp.width}` });
      await img.waitFor();
      assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth === 1), 'the image loads');

      await page.goto(`${BASE}/orders/admin/contract-prices`);
      await page.getByLabel('Organisation').selectOption({ label: 'Acme Industrial Ltd (GBP)' });
      await Promise.all([page.waitForURL(/org=\d+/), page.getByRole('button', { name: 'Show' }).click()]);
      await page.getByLabel('SKU').fill(sku);
      await page.getByRole('textbox', { name: 'Contract price' }).fill('39');
      await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: 'Save the price' }).click()]);
      await page.getByText('The contract price was saved.').waitFor();
      await assertAccessible(page, 'admin-contract', vp.width, problems);

      await page.goto(`${BASE}/orders/admin/import`);
      await assertAccessible(page, 'admin-import', vp.width, problems);
      await page.getByLabel('CSV file').setInputFiles({ name: 'prices.csv', mimeType: 'text/csv',
        buffer: Buffer.from(`sku;currency;price\n${sku};EUR;59,90\n${sku};CHF;57,50\n`) });
      await Promise.all([page.waitForURL(/\/orders\/admin\/import\/\d+$/),
        page.getByRole('button', { name: 'Check the file' }).click()]);
      await page.getByRole('heading', { level: 1, name: 'Check the price list' }).waitFor();
      await assertAccessible(page, 'admin-import-preview', vp.width, problems);
      await Promise.all([page.waitForURL(/applied=1/),
        page.getByRole('button', { name: 'Apply the 2 new and changed prices' }).click()]);
      await page.getByText('The price list was applied.').waitFor();
      assert.equal(sql(`SELECT GROUP_CONCAT(CONCAT(currency, amount_minor) ORDER BY currency) FROM product_prices x`
        + ` JOIN products p ON p.id = x.product_id WHERE p.sku = '${sku}'`).trim(), 'CHF5750,EUR5990,GBP4250');
    } finally {
      await context.close();
    }
  });
}
