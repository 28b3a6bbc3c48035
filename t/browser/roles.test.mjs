// The main journey of each demo role, at desktop and phone width:
// open /, get sent to the sign-in form, fill it in by label, submit with
// Enter, land on the start page showing the user's name, pass an axe-core
// WCAG 2.1 AA scan, then sign out with the button and see the form again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, ROLES, VIEWPORTS, launch, openPage, axeViolations, formatViolations,
  screenshot, emailField, passwordField, sessionInfo, horizontalOverflow,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const user of ROLES) {
  for (const vp of VIEWPORTS) {
    test(`${user.role} (${user.email}) at ${vp.width}px: sign in, start page, sign out`, { timeout: 60000 }, async () => {
      const { context, page, problems } = await openPage(browser, vp);
      try {
        const first = await page.goto(`${BASE}/`);
        assert.equal(first.status(), 200, 'the login form answers 200 after the redirect');
        assert.match(new URL(page.url()).pathname, /^\/auth\/login$/, 'sent to the sign-in form');
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');

        await emailField(page).fill(user.email);
        await passwordField(page).fill(PASSWORD);
        await Promise.all([
          page.waitForURL(`${BASE}/`),
          passwordField(page).press('Enter'),
        ]);

        const info = await sessionInfo(page);
        assert.equal(info.view, 'start', 'start page');
        assert.equal(info.email, user.email, 'signed in as the right user');
        assert.equal(info.home, user.home, `home ${user.home}`);
        assert.ok(info.name, 'the user has a name');
        await page.getByText(info.name).filter({ visible: true }).first().waitFor({ state: 'visible' });

        assert.equal(await horizontalOverflow(page), 0, `no horizontal scrolling at ${vp.width}px`);
        await screenshot(page, `${user.role}-${vp.width}`);

        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found violations on the start page:\n${formatViolations(violations)}`);

        let logout = page.locator('form[action="/auth/logout"]').getByRole('button');
        if (!(await logout.isVisible())) {
          // A narrow layout may fold the header tools into a disclosure.
          const summary = page.locator('details:has(form[action="/auth/logout"]) > summary');
          if (await summary.count()) await summary.first().click();
        }
        logout = page.locator('form[action="/auth/logout"]').getByRole('button');
        await Promise.all([
          page.waitForURL(/\/auth\/login(\?|$)/),
          logout.click(),
        ]);
        await emailField(page).waitFor({ state: 'visible' });
        const after = await sessionInfo(page, '/auth/login');
        assert.equal(after.email, null, 'nobody signed in after signing out');

        assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
      } finally {
        await context.close();
      }
    });
  }
}
