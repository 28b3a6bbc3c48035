// The account journey, at desktop and phone width: sign in, open the
// account page from the header (its compact menu at 360 px), choose Deutsch in the profile and save,
// see the page in German, pass an axe-core WCAG 2.1 AA scan in both
// languages, then choose English again. A throw-away user is made for it
// (a copy of a demo user) and deleted afterwards, so the demo users keep
// their settings. The anonymous account pages (forgotten password, an
// expired link) are scanned too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, VIEWPORTS, launch, openPage, axeViolations, formatViolations,
  screenshot, emailField, passwordField, horizontalOverflow, sql,
} from './lib.mjs';

let browser;
const made = [];

function makeUser(tag) {
  const email = `${tag}-${process.pid}-${Date.now() % 100000000}@acme.example`;
  sql(`INSERT INTO users (org_id, email, name, password_hash, time_zone, status, created_at)
       SELECT org_id, '${email}', 'Bea Browser', password_hash, 'UTC', 'active', UTC_TIMESTAMP(6)
       FROM users WHERE email = 'carl@acme.example';
       INSERT INTO user_roles (user_id, role_id) SELECT LAST_INSERT_ID(), role_id FROM user_roles
       WHERE user_id = (SELECT id FROM users WHERE email = 'carl@acme.example');`);
  made.push(email);
  return email;
}

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const email of made) {
    sql(`DELETE FROM users WHERE email = '${email}'; DELETE FROM login_attempts WHERE email = '${email}';
         DELETE FROM password_reset_requests WHERE email = '${email}';`);
  }
});

async function expectNoViolations(page, what) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${what}:\n${formatViolations(violations)}`);
}

async function saveLanguage(page, label, language, button) {
  await page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: language });
  await Promise.all([
    page.waitForURL(/\/auth\/account\?saved=profile$/),
    page.getByRole('button', { name: button }).click(),
  ]);
}

for (const vp of VIEWPORTS) {
  test(`account page at ${vp.width}px: header link, language Deutsch and back, axe`, { timeout: 60000 }, async () => {
    const email = makeUser(`browser-acct-${vp.width}`);
    const { context, page, problems } = await openPage(browser, vp);
    try {
      await page.goto(`${BASE}/auth/login`);
      await emailField(page).fill(email);
      await passwordField(page).fill(PASSWORD);
      await Promise.all([page.waitForURL(`${BASE}/`), passwordField(page).press('Enter')]);

      // A narrow header has the account link in its compact menu.
      const menu = page.getByRole('banner').locator('summary.menu-button');
      if (await menu.isVisible()) await menu.click();
      await Promise.all([
        page.waitForURL(`${BASE}/auth/account`),
        page.getByRole('banner').getByRole('link', { name: 'My account' }).click(),
      ]);
      await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      assert.equal(await horizontalOverflow(page), 0, `no horizontal scrolling at ${vp.width}px`);
      await expectNoViolations(page, 'the account page (English)');

      await saveLanguage(page, 'Language', 'Deutsch', 'Save profile');
      await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'de', 'the page is German');
      await page.getByText('Ihr Profil wurde gespeichert.').waitFor();
      assert.equal(await horizontalOverflow(page), 0, `no horizontal scrolling at ${vp.width}px (German)`);
      await screenshot(page, `account-de-${vp.width}`);
      await expectNoViolations(page, 'the account page (German)');

      await page.goto(`${BASE}/auth/account/delete-request`);
      await page.getByRole('heading', { level: 1, name: 'Mein Konto löschen' }).waitFor();
      await expectNoViolations(page, 'the deletion request page');
      await page.goto(`${BASE}/auth/account`);

      await saveLanguage(page, 'Sprache', 'English', 'Profil speichern');
      await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'English again');

      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });

  test(`forgotten password pages at ${vp.width}px pass axe`, { timeout: 60000 }, async () => {
    const nobody = `nobody-browser-${process.pid}-${vp.width}@example.org`;
    made.push(nobody);
    const { context, page, problems } = await openPage(browser, vp);
    try {
      await page.goto(`${BASE}/auth/login`);
      await Promise.all([
        page.waitForURL(`${BASE}/auth/password/forgot`),
        page.getByRole('link', { name: 'Forgot your password?' }).click(),
      ]);
      await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
      await expectNoViolations(page, 'the forgotten-password form');
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 422),
        page.getByRole('button', { name: 'Send link' }).click(),
      ]);
      await page.getByText('Enter your email address.').first().waitFor();
      await expectNoViolations(page, 'the form with an error');
      assert.equal(await horizontalOverflow(page), 0, `no horizontal scrolling at ${vp.width}px`);

      await emailField(page).fill(nobody);
      await Promise.all([
        page.waitForURL(/\/auth\/password\/forgot\?sent=1$/),
        page.getByRole('button', { name: 'Send link' }).click(),
      ]);
      await page.getByText(/If the address is known/).waitFor();
      await expectNoViolations(page, 'the answer');

      const res = await page.goto(`${BASE}/auth/password/reset?token=${'0'.repeat(64)}`);
      assert.equal(res.status(), 404, 'an unknown link is a 404');
      await page.getByRole('link', { name: 'Request a new link' }).waitFor();
      await expectNoViolations(page, 'the invalid-link page');
      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });
}
