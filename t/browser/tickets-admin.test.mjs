// The service catalogue's administration in the browser, at desktop and
// phone width: the admin creates a service through the form (found by its
// labels), adds a choice field with its options, checks it in the preview,
// and a customer finds the service in the catalogue and sees the choice on
// its form.  Every administration page passes an axe-core WCAG 2.1 AA scan
// without horizontal scrolling of the page, including a form sent back
// with errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, axeViolations, formatViolations, screenshot,
  horizontalOverflow, signIn, sql,
} from './lib.mjs';

const PREFIX = `tkab${process.pid}`;
let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  const like = `'${PREFIX}-%'`;
  sql(`DELETE a FROM ticket_answers a JOIN tickets t ON t.id = a.ticket_id JOIN ticket_services s ON s.id = t.service_id WHERE s.slug LIKE ${like}`);
  sql(`DELETE t FROM tickets t JOIN ticket_services s ON s.id = t.service_id WHERE s.slug LIKE ${like}`);
  sql(`DELETE FROM ticket_services WHERE slug LIKE ${like}`);
});

async function assertAccessible(page, name, width) {
  assert.equal(await horizontalOverflow(page), 0, `${name}: no horizontal scrolling at ${width}px`);
  await screenshot(page, `tickets-admin-${name}-${width}`);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${name} at ${width}px:\n${formatViolations(violations)}`);
}

for (const vp of VIEWPORTS) {
  test(`admin defines a service with a choice and a customer sees it (${vp.width}px)`, { timeout: 120000 }, async () => {
    const slug = `${PREFIX}-loan-${vp.width}`;
    const name = `Loan device ${vp.width}`;
    const admin = await openPage(browser, vp);
    const customer = await openPage(browser, vp);
    try {
      const page = admin.page;
      await signIn(page, 'admin@portico.example');
      await page.goto(`${BASE}/tickets/admin/`);
      await page.getByRole('heading', { level: 1, name: 'Service catalogue' }).waitFor();
      await assertAccessible(page, 'services', vp.width);

      await Promise.all([
        page.waitForURL(`${BASE}/tickets/admin/services/new`),
        page.getByRole('link', { name: 'New service' }).click(),
      ]);
      // First sent back: the German name is missing.
      await page.getByLabel('Name (English)').fill(name);
      await page.getByLabel('Short name in addresses').fill(slug);
      await page.getByLabel('Category').selectOption({ label: 'Devices & equipment' });
      await page.getByLabel('Ticket type').selectOption({ label: 'Service request' });
      await page.getByLabel('Agent group').selectOption({ label: 'Service Desk' });
      await page.getByRole('button', { name: 'Create service' }).click();
      await page.getByRole('alert').waitFor();
      await assertAccessible(page, 'service-422', vp.width);
      assert.equal(await page.getByLabel('Name (English)').inputValue(), name, 'the name is kept');
      await page.getByLabel('Name (German)').fill(`Leihgerät ${vp.width}`);
      await page.getByLabel('Description (English)').fill('Borrow a device while yours is repaired.');
      await Promise.all([
        page.waitForURL(/\/tickets\/admin\/services\/\d+\/form\?created=1$/),
        page.getByRole('button', { name: 'Create service' }).click(),
      ]);
      await page.getByRole('status').filter({ hasText: 'has been created' }).waitFor();
      await assertAccessible(page, 'form-empty', vp.width);

      await page.getByRole('link', { name: 'Add a field' }).click();
      await page.getByLabel('Kind').selectOption({ label: 'Choice' });
      await page.getByLabel('Machine name').fill('device');
      await page.getByLabel('Label (English)').fill('Which device?');
      await page.getByLabel('Label (German)').fill('Welches Gerät?');
      await page.getByLabel('Required: the form cannot be sent without it').check();
      await page.getByLabel('Options').fill('laptop | Laptop | Notebook\nphone | Mobile phone | Handy');
      await page.getByLabel('Pattern').fill('[a-z');
      await page.getByRole('button', { name: 'Add field' }).click();
      await page.getByRole('alert').waitFor();
      assert.match(await page.locator('#pattern-error').innerText(), /can only check text/,
        'a choice takes no pattern: said at the pattern');
      await assertAccessible(page, 'field-422', vp.width);
      await page.getByLabel('Pattern').fill('');
      await Promise.all([
        page.waitForURL(/\/form\?saved=1$/),
        page.getByRole('button', { name: 'Add field' }).click(),
      ]);
      await page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Which device?' }) }).waitFor();
      await assertAccessible(page, 'form', vp.width);

      await page.getByRole('link', { name: 'Preview the form' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await assertAccessible(page, 'preview', vp.width);
      const options = await page.getByLabel(/Which device\?/).locator('option').allInnerTexts();
      assert.deepEqual(options.slice(1), ['Laptop', 'Mobile phone'], 'the preview offers the options');

      for (const [pathName, label] of [['/tickets/admin/categories', 'categories'],
        ['/tickets/admin/groups', 'groups'], ['/tickets/admin/groups/1', 'group'],
        ['/tickets/admin/priorities', 'priorities'], ['/tickets/admin/categories/1', 'category']]) {
        await page.goto(`${BASE}${pathName}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await assertAccessible(page, label, vp.width);
      }
      assert.deepEqual(admin.problems, [], 'no CSP violations, script errors or failed resources');

      // The customer finds it and its choice.
      const c = customer.page;
      await signIn(c, 'carl@acme.example');
      await c.goto(`${BASE}/tickets/`);
      const link = c.getByRole('link', { name });
      await link.waitFor();
      await Promise.all([c.waitForURL(`${BASE}/tickets/new/${slug}`), link.click()]);
      const choice = c.getByLabel(/Which device\?/);
      await choice.waitFor();
      assert.deepEqual((await choice.locator('option').allInnerTexts()).slice(1), ['Laptop', 'Mobile phone'],
        'the customer\'s form offers the options');
      await screenshot(c, `tickets-admin-customer-form-${vp.width}`);
      assert.deepEqual(customer.problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await admin.context.close();
      await customer.context.close();
    }
  });
}
