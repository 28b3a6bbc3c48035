// Tables on a phone: a table wider than the screen scrolls inside its own
// region (the page does not), the region has a name, Tab reaches it and
// the arrow keys scroll it; emails and long words stay whole on one line;
// on a desktop the same table fits without scrolling.  Checked on the
// users list of a customer admin and on an article whose body holds wide
// tables (one at the top level, one inside a quote).  The article is made
// with SQL under a unique slug and removed after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, signIn, horizontalOverflow, sql } from './lib.mjs';

const TAG = `tables-${process.pid}-${Date.now() % 100000000}`;
const WORD = 'Fernwartungsschnittstellenkonfiguration';
let browser;
let articleId;

before(async () => {
  const now = 'UTC_TIMESTAMP(6)';
  const row = (cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const head = ['Model', 'Firmware', 'Interface', 'Port', 'Protocol', 'Setting'];
  const wide = `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>`
    + row(['PX-200', '4.2.17', WORD, '8443', 'HTTPS', 'service.portico.example'])
    + row(['PX-300', '5.0.1', WORD, '22', 'SSH', 'maintenance.portico.example']) + '</tbody></table>';
  const body = `<p>Ports by model.</p>${wide}<blockquote><p>Older models:</p>${wide}</blockquote>`;
  sql(`INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at, published_at)
         SELECT MIN(id), '${TAG}', 'public', 'published', ${now}, ${now}, ${now} FROM kb_categories WHERE audience = 'public';
       INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at)
         VALUES (LAST_INSERT_ID(), 'en', 'Service ports ${TAG}', 'Which port each model uses.', '${body}', 'Ports by model.', ${now});`);
  articleId = sql(`SELECT id FROM kb_articles WHERE slug = '${TAG}'`).trim();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  sql(`DELETE FROM kb_articles WHERE slug = '${TAG}'`);
});

// The region's state: its name, whether it scrolls, how far.
function regionState(region) {
  return region.evaluate((el) => {
    const by = el.getAttribute('aria-labelledby');
    return {
      name: el.getAttribute('aria-label') || (by && document.getElementById(by)?.textContent.trim()) || '',
      role: el.getAttribute('role'),
      scrolls: el.scrollWidth > el.clientWidth,
      scrollLeft: el.scrollLeft,
    };
  });
}

// How many lines the text of the first element matching `locator` takes.
function lines(locator) {
  return locator.first().evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

// Presses Tab until the element has the focus (at most `max` times).
async function tabTo(page, locator, max = 60) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return true;
  }
  return false;
}

test('the users list scrolls in its own region at 360 px and fits at 1280 px', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser, { width: 360, height: 740 });
  try {
    await signIn(page, 'anna.admin@acme.example');
    await page.goto(`${BASE}/auth/users`);
    const region = page.locator('.table-scroll').filter({ has: page.locator('table') });
    assert.equal(await region.count(), 1, 'one table region');
    const state = await regionState(region);
    assert.equal(state.role, 'region');
    assert.ok(state.name.length > 0, 'the region has a name');
    assert.ok(state.scrolls, 'at 360 px the table is wider than its region');
    assert.equal(await horizontalOverflow(page), 0, 'the page itself does not scroll sideways');
    assert.equal(await lines(page.getByRole('cell', { name: 'anna.admin@acme.example' })), 1,
      'the email address stays on one line');
    assert.ok(await tabTo(page, region), 'Tab reaches the table region');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((el) => el.scrollLeft > 0, await region.elementHandle());
    assert.ok((await regionState(region)).scrollLeft > 0, 'the arrow keys scroll the table');

    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal((await regionState(region)).scrolls, false, 'at 1280 px the columns fit');
  } finally {
    await context.close();
  }
});

test('tables in an article body scroll in named regions at 360 px, words whole', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser, { width: 360, height: 740 });
  try {
    await page.goto(`${BASE}/kb/articles/${articleId}`);
    const regions = page.locator('.kb-body .table-scroll');
    assert.equal(await regions.count(), 2, 'both tables, the one inside the quote too, are in a region');
    assert.equal(await page.locator('.kb-body blockquote .table-scroll table').count(), 1,
      'the quote keeps its table in place');
    const names = [];
    for (const i of [0, 1]) {
      const state = await regionState(regions.nth(i));
      assert.equal(state.role, 'region');
      assert.ok(state.scrolls, `table ${i + 1} scrolls inside its region`);
      names.push(state.name);
    }
    assert.deepEqual(names, ['Table 1', 'Table 2'], 'each region has its own name');
    assert.equal(await horizontalOverflow(page), 0, 'the page itself does not scroll sideways');
    assert.equal(await lines(page.getByRole('cell', { name: WORD })), 1, 'a long word is not broken');
    assert.equal(await lines(page.getByRole('cell', { name: 'maintenance.portico.example' })), 1,
      'a host name is not broken');
    assert.ok(await tabTo(page, regions.first()), 'Tab reaches the first table');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((el) => el.scrollLeft > 0, await regions.first().elementHandle());
  } finally {
    await context.close();
  }
});
