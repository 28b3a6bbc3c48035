// Keyboard only: the skip link comes first, Tab reaches email, password and
// the submit button in that order, each shows a visible focus indicator,
// and the whole sign-in works without a mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, launch, openPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What has focus, in a form the test can compare.
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    let kind = el.tagName.toLowerCase();
    if (kind === 'input' && el.name === 'email') kind = 'email';
    else if (kind === 'input' && el.type === 'password') kind = 'password';
    else if (el.type === 'submit' && el.form && el.form.getAttribute('action') === '/auth/login') kind = 'submit';
    else if (kind === 'a' && (el.getAttribute('href') || '').startsWith('#')) kind = 'skip';
    const r = el.getBoundingClientRect();
    return { kind, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
  });
}

// A screenshot of an element's surroundings (focus rings are often drawn
// outside the element's box). The text caret is hidden in screenshots.
function around(page, box) {
  const pad = 8;
  const x = Math.max(0, box.x - pad);
  const y = Math.max(0, box.y - pad);
  return page.screenshot({ clip: { x, y, width: box.width + 2 * pad, height: box.height + 2 * pad }, animations: 'disabled' });
}

test('Tab order and visible focus on the sign-in form', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser, { width: 1280, height: 800 });
  try {
    await page.goto(`${BASE}/auth/login`);
    const order = [];
    const shots = {};
    for (let i = 0; i < 40 && !order.includes('submit'); i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f) continue;
      order.push(f.kind);
      if (['email', 'password', 'submit'].includes(f.kind) && !shots[f.kind]) {
        shots[f.kind] = { box: f.box, focused: await around(page, f.box) };
      }
    }
    assert.equal(order[0], 'skip', `the first Tab stop is the skip link (got ${order.join(' → ')})`);
    const at = (k) => order.indexOf(k);
    assert.ok(at('email') > 0, `Tab reaches the email field (${order.join(' → ')})`);
    assert.ok(at('password') > at('email'), 'then the password field');
    assert.ok(at('submit') > at('password'), 'then the submit button');

    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    for (const kind of ['email', 'password', 'submit']) {
      const unfocused = await around(page, shots[kind].box);
      assert.ok(!shots[kind].focused.equals(unfocused), `focus on ${kind} is visible (the focused look differs)`);
    }
  } finally {
    await context.close();
  }
});

test('skip link moves to the main content', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${BASE}/auth/login`);
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
    assert.match(href || '', /^#./, 'skip link points into the page');
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate((id) => {
      const target = document.getElementById(id);
      return !!target && (target === document.activeElement || target.contains(document.activeElement)
        || location.hash === `#${id}`);
    }, href.slice(1));
    assert.ok(inMain, 'after Enter the main content is the target');
  } finally {
    await context.close();
  }
});

test('sign in and out with the keyboard only', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${BASE}/auth/login`);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await focused(page))?.kind === 'email') break;
    }
    assert.equal((await focused(page))?.kind, 'email', 'email field reached by Tab');
    await page.keyboard.type('paula@northwind.example');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.kind, 'password', 'Tab goes on to the password');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForURL(`${BASE}/`), page.keyboard.press('Enter')]);

    // Tab to the sign-out button and press it.
    let onLogout = false;
    for (let i = 0; i < 40 && !onLogout; i++) {
      await page.keyboard.press('Tab');
      onLogout = await page.evaluate(() => {
        const el = document.activeElement;
        return !!el && !!el.form && el.form.getAttribute('action') === '/auth/logout';
      });
    }
    assert.ok(onLogout, 'the sign-out button is reachable by Tab');
    await Promise.all([page.waitForURL(/\/auth\/login/), page.keyboard.press('Enter')]);
  } finally {
    await context.close();
  }
});
