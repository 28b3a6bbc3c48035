// The sign-in page in English and German: right lang attribute, German
// strings, an axe-core WCAG 2.1 AA scan with no violations, and the same
// after a failed attempt (error messages shown).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, openPage, axeViolations, formatViolations, screenshot,
  emailField, passwordField, horizontalOverflow, sql,
} from './lib.mjs';

const NOBODY = `browser-${process.pid}@nowhere.example`;

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  // The failed sign-ins below count towards the per-address throttle.
  try {
    sql(`DELETE FROM login_attempts WHERE email = '${NOBODY}'`);
  } catch (err) {
    console.error(`cleanup of login_attempts failed: ${err.message}`);
  }
});

for (const lang of ['en', 'de']) {
  for (const width of [1280, 360]) {
    test(`sign-in page in ${lang} at ${width}px passes axe`, { timeout: 60000 }, async () => {
      const { context, page, problems } = await openPage(browser, { width, height: width === 360 ? 740 : 800, lang });
      try {
        const res = await page.goto(`${BASE}/auth/login`);
        assert.equal(res.status(), 200);
        assert.equal(await page.locator('html').getAttribute('lang'), lang, `<html lang="${lang}">`);
        await emailField(page).waitFor({ state: 'visible' });
        await passwordField(page).waitFor({ state: 'visible' });
        assert.equal(await horizontalOverflow(page), 0, `no horizontal scrolling at ${width}px`);
        await screenshot(page, `login-${lang}-${width}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found violations:\n${formatViolations(violations)}`);
        assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
      } finally {
        await context.close();
      }
    });
  }

  test(`failed sign-in in ${lang}: message shown, form accessible`, { timeout: 60000 }, async () => {
    const { context, page, problems } = await openPage(browser, { lang });
    try {
      await page.goto(`${BASE}/auth/login`);
      await emailField(page).fill(NOBODY);
      await passwordField(page).fill('wrong password');
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/auth/login') && r.request().method() === 'POST'),
        passwordField(page).press('Enter'),
      ]);
      assert.equal(res.status(), 422, 'the form comes back with 422');
      await page.getByRole('alert').first().waitFor({ state: 'visible' });
      assert.equal(await emailField(page).inputValue(), NOBODY, 'email kept');
      assert.equal(await passwordField(page).inputValue(), '', 'password not kept');
      await screenshot(page, `login-failed-${lang}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe found violations:\n${formatViolations(violations)}`);
      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });
}

test('the language buttons switch the page to German and back', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(browser, { lang: 'en' });
  try {
    await page.goto(`${BASE}/auth/login`);
    await Promise.all([
      page.waitForURL(/\/auth\/login/),
      page.locator('form[action="/auth/language"] button[value="de"]').filter({ visible: true }).click(),
    ]);
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await Promise.all([
      page.waitForURL(/\/auth\/login/),
      page.locator('form[action="/auth/language"] button[value="en"]').filter({ visible: true }).click(),
    ]);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await context.close();
  }
});
