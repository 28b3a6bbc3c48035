// After a form was sent with mistakes, the page comes back with the error
// summary ("There is a problem") and the focus is on it, so keyboard and
// screen reader users start where the problem is told; its links lead to
// the fields.  portico.js does it (no inline script under the CSP), and the
// page passes axe with the summary shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, launch, openPage, axeViolations, formatViolations, screenshot,
  emailField, passwordField,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What has the focus: the error summary, or something else (described).
function focusedSummary(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      isSummary: !!el && el.classList.contains('error-summary'),
      role: el?.getAttribute('role') || '',
      heading: el?.querySelector('h2')?.textContent.trim() || '',
      what: el ? `${el.tagName.toLowerCase()}.${el.className}` : 'nothing',
    };
  });
}

for (const [lang, heading] of [['en', 'There is a problem'], ['de', 'Es gibt ein Problem']]) {
  for (const width of [1280, 360]) {
    test(`a failed KB search form in ${lang} at ${width}px: focus on the error summary`, { timeout: 60000 }, async () => {
      const { context, page, problems } = await openPage(browser, { width, lang });
      try {
        await page.goto(`${BASE}/kb/search`);
        // A tab (pasted with the text) is a character no search holds: refused.
        await page.locator('#q').fill('printer\tqueue');
        const [res] = await Promise.all([
          page.waitForNavigation(),
          page.locator('form.kb-search-form button[type="submit"]').click(),
        ]);
        assert.equal(res.status(), 422, 'the form comes back with 422');
        await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
        const f = await focusedSummary(page);
        assert.ok(f.isSummary, `the error summary has the focus (not ${f.what})`);
        assert.equal(f.role, 'alert', 'it is the alert');
        assert.equal(f.heading, heading, 'with its heading');
        const link = page.locator('.error-summary a[href="#q"]');
        assert.equal(await link.count(), 1, 'its message links to the field');
        const right = await page.locator('.error-summary').evaluate((el) => el.getBoundingClientRect().right);
        assert.ok(right <= width, `the summary fits the ${width}px window (right edge ${right})`);
        await screenshot(page, `error-summary-${lang}-${width}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found violations:\n${formatViolations(violations)}`);
        await link.click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'the link leads to the field');
        assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
      } finally {
        await context.close();
      }
    });
  }
}

test('a failed sign-in: focus on the error summary', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${BASE}/auth/login`);
    await emailField(page).fill('');
    await passwordField(page).fill(PASSWORD);
    await Promise.all([page.waitForNavigation(), page.locator('form button[type="submit"]').last().click()]);
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    const f = await focusedSummary(page);
    assert.ok(f.isSummary, `the error summary has the focus (not ${f.what})`);
    assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await context.close();
  }
});
