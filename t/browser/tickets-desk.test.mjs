// The agent desk in the browser, at 1280 and 360 px: the unassigned view
// with its tabs, filters and table (in its scrolling region, no word
// broken, every time in words, no raw timestamp), then a bulk assignment:
// an agent ticks two tickets by their labels, assigns them to herself,
// reads the outcome and finds them under "Mine"; without a ticket ticked
// the form says so and keeps the choice.  Every page passes an axe-core
// WCAG 2.1 AA scan without scrolling sideways; screenshots go to
// var/test/screenshots/desk-*.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, openPage, assertAccessible, screenshot, sql, signIn,
} from './lib.mjs';

const TAG = `${process.pid}-${Date.now() % 100000000}`;
const SUBJECT = `Desk browser test ${TAG}`;
const SEQ = 9000000 + (process.pid % 900000);
const NUMBERS = [1, 2].map((i) => `T-1993-${String(SEQ * 10 + i).padStart(8, '0')}`);
let browser;

before(async () => {
  browser = await launch();
  // Two unassigned tickets of the service desk, one due in two hours, one overdue.
  sql(`INSERT INTO tickets (number, year, seq, org_id, requester_id, service_id, type, subject, status,
      impact, urgency, priority, group_id, thread_id, created_at, updated_at, sla_due_at, sla_warn_at)
    SELECT CONCAT('T-1993-', LPAD(${SEQ} * 10 + seq, 8, '0')), 1993, ${SEQ} * 10 + seq, 2, 6, 1, 'incident',
      '${SUBJECT}', 'new', 2, 2, 3, 1, CONCAT('<desk-browser-', seq, '-${TAG}@x>'),
      UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, UTC_TIMESTAMP(6) - INTERVAL 3 HOUR,
      UTC_TIMESTAMP(6) + INTERVAL IF(seq = 1, 120, -30) MINUTE,
      UTC_TIMESTAMP(6) + INTERVAL IF(seq = 1, 60, -90) MINUTE
    FROM seq_1_to_2`);
});

after(async () => {
  await browser?.close();
  sql(`DELETE FROM tickets WHERE subject = '${SUBJECT}'`);
});

// The page passes axe, fits its width, shows its table in a named region
// without broken words or raw timestamps; a screenshot desk-<name>-<width>.
async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  const table = await page.evaluate(() => {
    const t = document.querySelector('main table');
    if (!t) return null;
    const region = t.closest('.table-scroll');
    const breaking = [...t.querySelectorAll('th, td, th *, td *')].some((el) => {
      const cs = getComputedStyle(el);
      return cs.overflowWrap === 'anywhere' || /^break-(all|word)$/.test(cs.wordBreak);
    });
    const lines = (el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    return {
      region: !!region && region.getAttribute('role') === 'region' && region.tabIndex === 0,
      breaking,
      raw: /\d{4}-\d\d-\d\dT\d\d:\d\d/.test(t.innerText),
      numbersOnOneLine: [...t.querySelectorAll('tbody th a')].every((a) => lines(a) === 1),
      timesOnOneLine: [...t.querySelectorAll('time')].every((el) => lines(el) === 1),
    };
  });
  if (table) {
    assert.ok(table.region, `${name}: the table scrolls in a named region`);
    assert.ok(!table.breaking, `${name}: no cell breaks words`);
    assert.ok(!table.raw, `${name}: no raw timestamp`);
    assert.ok(table.numbersOnOneLine, `${name}: each ticket number on one line`);
    assert.ok(table.timesOnOneLine, `${name}: each time on one line`);
  }
  await screenshot(page, `desk-${name}-${width}`);
}

for (const width of [1280, 360]) {
  test(`the desk's unassigned view at ${width}px`, { timeout: 60000 }, async () => {
    const { context, page, problems } = await openPage(browser, { width, height: width === 360 ? 740 : 800 });
    await signIn(page, 'agent@portico.example');
    await page.goto(`${BASE}/tickets/desk?view=unassigned`);
    await page.getByRole('heading', { level: 1, name: 'Agent desk' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Unassigned \d+\+?$/ }).getAttribute('aria-current'), 'page',
      'the tab of the view is the current one');
    await check(page, 'unassigned', width);
    await page.getByLabel('Subject or number').fill(TAG);
    await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: 'Show' }).click()]);
    const row = page.getByRole('row', { name: new RegExp(NUMBERS[1]) });
    await row.getByText('Breached').waitFor();
    await check(page, 'unassigned-filtered', width);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an agent assigns two tickets to herself at once', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  await signIn(page, 'agent@portico.example');
  await page.goto(`${BASE}/tickets/desk?view=unassigned&q=${encodeURIComponent(TAG)}`);

  await page.getByLabel('Assign to').selectOption('me');
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await check(page, 'bulk-none', 1280);
  assert.equal(await page.getByLabel('Assign to').inputValue(), 'me', 'the choice kept');

  for (const n of NUMBERS) await page.getByLabel(`Select ticket ${n}`).check();
  await Promise.all([
    page.waitForURL(/done=bulk/),
    page.getByRole('button', { name: 'Assign', exact: true }).click(),
  ]);
  await page.getByText('Tickets changed: 2.').waitFor();
  await check(page, 'bulk-done', 1280);
  await page.getByRole('link', { name: /^Mine \d+\+?$/ }).click();
  for (const n of NUMBERS) {
    await page.getByRole('link', { name: n, exact: true }).waitFor();
  }
  const assignees = sql(`SELECT COUNT(*) FROM tickets WHERE subject = '${SUBJECT}' AND assignee_id = 3`).trim();
  assert.equal(assignees, '2', 'both hers in the database');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the bulk form at 360px', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser, { width: 360, height: 740 });
  await signIn(page, 'agent@portico.example');
  await page.goto(`${BASE}/tickets/desk?view=mine&q=${encodeURIComponent(TAG)}`);
  await page.getByLabel(`Select ticket ${NUMBERS[0]}`).check();
  await page.getByLabel('Priority', { exact: true }).last().selectOption('2');
  await Promise.all([
    page.waitForURL(/done=bulk/),
    page.getByRole('button', { name: 'Set priority' }).click(),
  ]);
  await page.getByText('Tickets changed: 1.').waitFor();
  await check(page, 'bulk-done', 360);
  await context.close();
});
