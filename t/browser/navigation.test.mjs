// The header and the compact menu at 360 px: in English and German the
// header stays within 64 px and does not overflow, the name and the
// organisation are shortened with an ellipsis but kept whole for screen
// readers, "Sign out" stays on one line; the compact menu opens with the
// keyboard (visible focus) and without JavaScript, and holds the sections,
// the knowledge base search and the language switch. At 1280 px the main
// navigation and the section's pages are in the header instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, launch, openPage, axeViolations, formatViolations, screenshot,
  emailField, passwordField, horizontalOverflow, sql,
} from './lib.mjs';

const NARROW = { width: 360, height: 740 };
const MENU = {
  en: { menu: 'Menu', kb: 'Knowledge base', admin: 'Administration', budgets: 'Budgets', signOut: 'Sign out', search: 'Search articles', lang: 'Deutsch' },
  de: { menu: 'Menü', kb: 'Wissensdatenbank', admin: 'Verwaltung', budgets: 'Budgets', signOut: 'Abmelden', search: 'Artikel suchen', lang: 'English' },
};

// A customer administrator with a long name in Bergmann Maschinenbau AG,
// speaking lang: the longest header a customer gets.
const LONG_NAME = 'Maximiliane Mustermann-Schwarzenberg';
const made = [];
function makeUser(lang) {
  const email = `browser-nav-${lang}-${process.pid}-${Date.now() % 100000000}@bergmann.example`;
  sql(`INSERT INTO users (org_id, email, name, password_hash, language, time_zone, status, created_at)
       SELECT org_id, '${email}', '${LONG_NAME}', password_hash, '${lang}', 'UTC', 'active', UTC_TIMESTAMP(6)
       FROM users WHERE email = 'klaus@bergmann.example';
       INSERT INTO user_roles (user_id, role_id) SELECT LAST_INSERT_ID(), id FROM roles
       WHERE name = 'customer_admin';`);
  made.push(email);
  return email;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const email of made) {
    sql(`DELETE FROM user_roles WHERE user_id = (SELECT id FROM users WHERE email = '${email}');
         DELETE FROM users WHERE email = '${email}'; DELETE FROM login_attempts WHERE email = '${email}';`);
  }
});

async function signIn(page, email) {
  await page.goto(`${BASE}/auth/login`);
  await emailField(page).fill(email);
  await passwordField(page).fill(PASSWORD);
  await Promise.all([page.waitForURL(`${BASE}/`), passwordField(page).press('Enter')]);
}

// Height of the header, and how far its content reaches past its width.
function headerBox(page) {
  return page.locator('header.site-header').evaluate((h) => ({
    height: h.getBoundingClientRect().height,
    overflow: Math.max(h.scrollWidth - h.clientWidth,
      ...[...h.querySelectorAll('.header-bar > *')].map((e) => Math.ceil(e.getBoundingClientRect().right) - h.clientWidth)),
  }));
}

// Number of lines a button's text takes.
function textLines(locator) {
  return locator.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
  });
}

for (const lang of ['en', 'de']) {
  const t = MENU[lang];
  test(`360px header and compact menu (${lang}): height, ellipsis, keyboard, axe`, { timeout: 60000 }, async () => {
    const { context, page, problems } = await openPage(browser, { ...NARROW, lang });
    try {
      await signIn(page, makeUser(lang));
      await page.goto(`${BASE}/auth/budgets`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang, `the page is in ${lang}`);

      const box = await headerBox(page);
      assert.ok(box.height <= 64, `the header is ${box.height}px high (at most 64)`);
      assert.ok(box.overflow <= 0, `nothing in the header reaches past its width (${box.overflow}px)`);
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling');

      const name = page.locator('header .user-name');
      assert.equal(await name.evaluate((e) => getComputedStyle(e).textOverflow), 'ellipsis', 'the name ends in an ellipsis when long');
      assert.equal(await page.locator('header .user-org').evaluate((e) => getComputedStyle(e).textOverflow), 'ellipsis',
        'the organisation too');
      assert.equal(await page.locator('header .user-id').getAttribute('title'), `${LONG_NAME}, Bergmann Maschinenbau AG`,
        'the whole name and organisation stay in the title');
      assert.match(await page.locator('header .user-id').textContent(), new RegExp(`${LONG_NAME}.*Bergmann Maschinenbau AG`),
        'and in the text screen readers read');
      assert.ok(await name.evaluate((e) => e.scrollWidth > e.clientWidth), 'the long name is shortened');
      const signOut = page.getByRole('banner').getByRole('button', { name: t.signOut, exact: true });
      assert.ok(await signOut.isVisible(), `"${t.signOut}" is visible`);
      assert.equal(await textLines(signOut), 1, `"${t.signOut}" is on one line`);
      await screenshot(page, `nav-header-${lang}-360`);

      // The wide navigation rows are not shown; the compact menu is closed.
      assert.equal(await page.locator('nav.primary-nav').isVisible(), false, 'no navigation row at 360px');
      const panel = page.locator('.menu-panel');
      assert.equal(await panel.isVisible(), false, 'the menu starts closed');

      // Keyboard: Tab to the menu button, visible focus, Enter opens, Tab enters the menu.
      await page.locator('body').focus();
      let onMenu = false;
      for (let i = 0; i < 15 && !onMenu; i++) {
        await page.keyboard.press('Tab');
        onMenu = await page.evaluate(() => document.activeElement?.matches('summary.menu-button') ?? false);
      }
      assert.ok(onMenu, 'Tab reaches the menu button');
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.ok(ring.style !== 'none' && ring.width >= 2, `the menu button shows focus (${ring.style} ${ring.width}px)`);
      await page.keyboard.press('Enter');
      await panel.waitFor({ state: 'visible' });
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('.menu-panel') !== null), true,
        'the next Tab stop is inside the menu');

      const menuNav = panel.getByRole('navigation');
      await panel.getByRole('searchbox', { name: t.search }).waitFor();
      await menuNav.getByRole('link', { name: t.kb, exact: true }).waitFor();
      const current = menuNav.getByRole('link', { name: t.budgets, exact: true });
      assert.equal(await current.getAttribute('aria-current'), 'page', 'the menu marks the current page');
      await panel.getByRole('button', { name: t.lang }).waitFor();
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling with the menu open');
      await screenshot(page, `nav-menu-${lang}-360`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe found violations with the menu open:\n${formatViolations(violations)}`);

      // The header search from the menu.
      await panel.getByRole('searchbox', { name: t.search }).fill('router');
      await Promise.all([page.waitForURL(/\/kb\/search\?q=router$/), page.keyboard.press('Enter')]);
      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });
}

test('the compact menu works without JavaScript', { timeout: 60000 }, async () => {
  const context = await browser.newContext({ viewport: NARROW, javaScriptEnabled: false,
    extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  try {
    // Anonymous: search from the menu.
    await page.goto(`${BASE}/kb/`);
    await page.getByRole('banner').locator('summary', { hasText: 'Menu' }).click();
    const panel = page.locator('.menu-panel');
    await panel.waitFor({ state: 'visible' });
    await panel.getByRole('searchbox', { name: 'Search articles' }).fill('printer');
    await Promise.all([page.waitForURL(/\/kb\/search\?q=printer$/),
      panel.getByRole('button', { name: 'Start search' }).click()]);

    // Signed in: the sections, the editor among them for an editor.
    await signIn(page, 'editor@portico.example');
    await page.locator('summary.menu-button').click();
    await panel.waitFor({ state: 'visible' });
    await Promise.all([page.waitForURL(`${BASE}/kb/editor`),
      panel.getByRole('link', { name: 'KB editor' }).click()]);
    await page.locator('summary.menu-button').click();
    assert.equal(await panel.getByRole('link', { name: 'KB editor' }).getAttribute('aria-current'), 'page',
      'the editor is the current section');
  } finally {
    await context.close();
  }
});

test('1280px: main navigation and the section\'s pages in the header', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  try {
    await signIn(page, 'admin@portico.example');
    const main = page.getByRole('navigation', { name: 'Main navigation' });
    assert.equal(await page.locator('.menu').isVisible(), false, 'no compact menu at 1280px');
    await Promise.all([page.waitForURL(`${BASE}/auth/admin/orgs`),
      main.getByRole('link', { name: 'Administration' }).click()]);
    assert.equal(await main.getByRole('link', { name: 'Administration' }).getAttribute('aria-current'), 'page');
    const section = page.getByRole('navigation', { name: 'Administration: pages' });
    await Promise.all([page.waitForURL(`${BASE}/auth/admin/users`),
      section.getByRole('link', { name: 'All users' }).click()]);
    assert.equal(await main.getByRole('link', { name: 'Administration' }).getAttribute('aria-current'), 'true',
      'the section stays current on its other pages');
    assert.equal(await section.getByRole('link', { name: 'All users' }).getAttribute('aria-current'), 'page');
    const box = await headerBox(page);
    assert.ok(box.overflow <= 0, 'nothing in the header reaches past its width');
    await page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' }).waitFor();
    await screenshot(page, 'nav-admin-1280');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe found violations:\n${formatViolations(violations)}`);
    assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await context.close();
  }
});
