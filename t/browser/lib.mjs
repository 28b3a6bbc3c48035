// Shared helpers for the browser tests (node --test t/browser/).
//
// Environment: PORTICO_URL (default http://127.0.0.1:18080), PORTICO_VAR
// (screenshots go to $PORTICO_VAR/screenshots), PORTICO_CHROMIUM (default
// /usr/bin/chromium, Debian's build; playwright-core downloads no browser).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

export const REPO = process.env.PORTICO_REPO || path.resolve(HERE, '..', '..');
export const BASE = (process.env.PORTICO_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const VAR = process.env.PORTICO_VAR || path.join(REPO, 'var', 'test');
export const SCREENSHOTS = path.join(VAR, 'screenshots');
export const PASSWORD = 'portico-demo';

export const ROLES = [
  { role: 'admin', email: 'admin@portico.example', home: 'admin' },
  { role: 'agent', email: 'agent@portico.example', home: 'agent' },
  { role: 'customer', email: 'carl@acme.example', home: 'customer' },
  { role: 'partner', email: 'paula@northwind.example', home: 'partner' },
];

export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launch() {
  return chromium.launch({
    executablePath: process.env.PORTICO_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A fresh context (own cookies) and page. The page records what a user
// would suffer without noticing in a test: Content-Security-Policy
// violations, script errors, and sub-resources (CSS, images) that fail.
export async function openPage(browser, { width = 1280, height = 800, lang = 'en' } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: lang === 'de' ? 'de-DE' : 'en-GB',
    extraHTTPHeaders: { 'Accept-Language': lang === 'de' ? 'de-DE,de;q=0.9' : 'en-GB,en;q=0.9' },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
      problems.push(`CSP: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') {
      problems.push(`${res.status()} for ${res.request().resourceType()} ${res.url()}`);
    }
  });
  page.on('requestfailed', (req) => {
    // Requests cut off by a navigation (ERR_ABORTED) are not the site's fault.
    const why = req.failure()?.errorText || '';
    if (!/ERR_ABORTED/.test(why)) problems.push(`failed ${req.resourceType()} ${req.url()}: ${why}`);
  });
  return { context, page, problems };
}

// Runs axe-core in the page. The source is evaluated through the DevTools
// protocol, which the page's CSP (default-src 'self') does not govern, so
// the page is scanned exactly as users get it, CSP enforced.
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

// The page passes the axe-core scan and does not scroll sideways; label
// names the page in the messages.
export async function assertAccessible(page, label) {
  const v = await axeViolations(page);
  assert.equal(v.length, 0, `${label}: axe violations:\n${formatViolations(v)}`);
  assert.equal(await horizontalOverflow(page), 0, `${label} scrolls sideways`);
}

export function formatViolations(violations) {
  return violations.map((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `    at ${n.target}\n      ${n.html}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The login form's fields, found the way a user finds them: by label.
export function emailField(page) {
  return page.getByLabel(/e-?mail/i).and(page.locator('input'));
}

export function passwordField(page) {
  return page.getByLabel(/pass(word|wort)/i).and(page.locator('input[type="password"]'));
}

// The page XML of the current session (fetched by the page itself, so with
// its cookies): { name, email, home, lang, view } of /page.
export async function sessionInfo(page, pathName = '/') {
  return page.evaluate(async (p) => {
    const res = await fetch(`${p}${p.includes('?') ? '&' : '?'}format=xml`, { credentials: 'same-origin' });
    const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
    const q = (sel) => doc.querySelector(sel);
    return {
      status: res.status,
      view: q('page')?.getAttribute('view') ?? null,
      lang: q('page')?.getAttribute('lang') ?? null,
      name: q('page > session > user > name')?.textContent ?? null,
      email: q('page > session > user > email')?.textContent ?? null,
      home: q('page > session > user')?.getAttribute('home') ?? null,
    };
  }, pathName);
}

// Horizontal overflow in CSS pixels (0 when the page fits its viewport).
export function horizontalOverflow(page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

// Runs SQL on the stack's database (mariadb client, unix socket), for
// cleaning up what a test left behind. Returns the client's output. A
// change made behind the workers' backs outdates the pages they keep for
// anonymous visitors (as the HTTP tests' sql() does), or a page kept by an
// earlier test would hide it.
export function sql(query) {
  const out = execFileSync('mariadb', [
    `--socket=${path.join(VAR, 'run', 'mysqld.sock')}`, '--user=portico', '--batch',
    '--skip-column-names', 'portico', '-e', query,
  ], { env: { ...process.env, MYSQL_PWD: 'portico' }, encoding: 'utf8' });
  if (!/^\s*(SELECT|SHOW)\b[^;]*;?\s*$/i.test(query)) forgetKeptPages();
  return out;
}

// Polls cond every 100 ms until it holds (what portico-flowd does takes a
// moment); fails after timeoutMs, naming what it waited for.
export async function until(cond, what, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) assert.fail(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Raises the generation of every worker's page cache
// ($PORTICO_VAR/cache/<worker>/generation, a little-endian 64-bit counter;
// pagecache.c), so no page kept before is used again.
export function forgetKeptPages() {
  const dir = path.join(VAR, 'cache');
  if (!fs.existsSync(dir)) return;
  for (const worker of fs.readdirSync(dir)) {
    const file = path.join(dir, worker, 'generation');
    if (!fs.existsSync(file)) continue;
    const fd = fs.openSync(file, 'r+');
    try {
      const buf = Buffer.alloc(8);
      const n = fs.readSync(fd, buf, 0, 8, 0);
      const gen = n === 8 ? buf.readBigUInt64LE(0) : 0n;
      buf.writeBigUInt64LE(gen + 1n, 0);
      fs.writeSync(fd, buf, 0, 8, 0);
    } finally {
      fs.closeSync(fd);
    }
  }
}

// Signs in through the login form as a user does (demo password) and
// waits for the start page.
export async function signIn(page, email, password = PASSWORD) {
  await page.goto(`${BASE}/auth/login`);
  await emailField(page).fill(email);
  await passwordField(page).fill(password);
  await Promise.all([page.waitForURL(`${BASE}/`), passwordField(page).press('Enter')]);
}

// On a page signed in as carl (a buyer with 5 000.00 GBP per order): five
// PX-400 gateways into the cart, above his limit, sent for approval with
// PO number po from the cart.  Returns the order's number, once its page
// says it awaits approval (order-approval, a process of portico-flowd,
// then offers its task to the organisation's approvers).
export async function orderAboveLimit(page, po) {
  await page.goto(`${BASE}/orders/cart`);
  await page.getByRole('textbox', { name: 'SKU', exact: true }).fill('PX-400');
  await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill('5');
  await Promise.all([
    page.waitForURL(/\/orders\/cart\?added=1$/),
    page.getByRole('button', { name: 'Add to cart' }).click(),
  ]);
  assert.match(await page.locator('main').innerText(), /above your limit per order/, 'the cart says it needs approval');
  await page.getByRole('textbox', { name: /^PO number/ }).fill(po);
  await Promise.all([
    page.waitForURL(/\/orders\/O-\d{4}-\d{6}\?placed=1$/),
    page.getByRole('button', { name: 'Send the order for approval' }).click(),
  ]);
  assert.match(await page.locator('main').innerText(), /Awaiting approval/, 'waiting for approval');
  return page.url().match(/(O-\d{4}-\d{6})/)[1];
}
