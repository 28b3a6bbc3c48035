// Provider administration in the browser: the admin opens the list of
// organisations, creates one through the form (found by its labels) and
// finds it in the list; the organisations list, the organisation form, the
// roles pages and the audit log pass an axe-core WCAG 2.1 AA scan at
// desktop and phone width without horizontal scrolling of the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, VIEWPORTS, launch, openPage, axeViolations, formatViolations,
  screenshot, emailField, passwordField, horizontalOverflow, sql,
} from './lib.mjs';

let browser;
const created = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const name of created) {
    sql(`DELETE FROM orgs WHERE name = '${name.replace(/'/g, "''")}'`);
  }
});

async function signIn(page, email) {
  await page.goto(`${BASE}/auth/login`);
  await emailField(page).fill(email);
  await passwordField(page).fill(PASSWORD);
  await Promise.all([page.waitForURL(`${BASE}/`), passwordField(page).press('Enter')]);
}

test('admin creates an organisation and finds it in the list', { timeout: 60000 }, async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  const name = `AAA Browser Org ${process.pid}-${Date.now() % 100000000}`;
  created.push(name);
  try {
    await signIn(page, 'admin@portico.example');
    await page.goto(`${BASE}/auth/admin/orgs`);
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await Promise.all([
      page.waitForURL(`${BASE}/auth/admin/orgs/new`),
      page.getByRole('link', { name: 'New organisation' }).click(),
    ]);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Kind').selectOption('partner');
    await page.getByLabel('Tier').selectOption('silver');
    await page.getByLabel('Currency').selectOption('CHF');
    await page.getByLabel('Language').selectOption('de');
    await page.getByLabel('Limit per order').fill('2500.50');
    await page.getByLabel('Limit per calendar month').fill('');
    await Promise.all([
      page.waitForURL(/\/auth\/admin\/orgs\?saved=1$/),
      page.getByRole('button', { name: 'Create organisation' }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'has been saved' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /Partner/, 'the new row shows the kind');
    assert.match(text, /CHF/, 'and the currency');
    const db = sql(`SELECT kind, tier, currency, language, order_limit_minor, IFNULL(monthly_limit_minor, 'NULL') FROM orgs WHERE name = '${name}'`).trim();
    assert.equal(db, 'partner\tsilver\tCHF\tde\t250050\tNULL', 'the database has what was typed');
    assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await context.close();
  }
});

const PAGES = [
  { name: 'orgs', path: '/auth/admin/orgs', h1: 'Organisations' },
  { name: 'org-form', path: '/auth/admin/orgs/2', h1: 'Acme Industrial Ltd' },
  { name: 'org-new', path: '/auth/admin/orgs/new', h1: 'New organisation' },
  { name: 'roles', path: '/auth/admin/roles', h1: 'Roles and permissions' },
  { name: 'role-form', path: '/auth/admin/roles/1', h1: 'Customer user' },
  { name: 'audit', path: '/auth/audit', h1: 'Audit log' },
  { name: 'audit-422', path: '/auth/audit?from=2026-02-30', h1: 'Audit log' },
];

for (const vp of VIEWPORTS) {
  test(`administration pages pass axe at ${vp.width}px`, { timeout: 120000 }, async () => {
    const { context, page, problems } = await openPage(browser, vp);
    try {
      await signIn(page, 'admin@portico.example');
      for (const p of PAGES) {
        await page.goto(`${BASE}${p.path}`);
        await page.getByRole('heading', { level: 1, name: p.h1 }).waitFor();
        assert.equal(await horizontalOverflow(page), 0, `${p.name}: no horizontal scrolling at ${vp.width}px`);
        await screenshot(page, `admin-${p.name}-${vp.width}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found violations on ${p.path} at ${vp.width}px:\n${formatViolations(violations)}`);
      }
      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });
}
