// The task inbox in the browser: an approver (olivia) finds Tasks with its
// count in the navigation (on a phone in the compact menu), sees the task
// offered to her role marked overdue, opens it, claims it, submits its
// form empty (the error summary leads to the field, nothing is lost),
// and releases it again; a buyer (carl) sees the empty inbox that says
// what it is for.  At 1280 and 360 px every page passes an axe-core WCAG
// 2.1 AA scan and does not scroll sideways; screenshots go to
// var/test/screenshots/.  The task is made as flowd makes one (rows of
// sql/migrations/0050); t/browser/tasks-approval.test.mjs completes a real
// one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, assertAccessible, screenshot, sql, signIn,
} from './lib.mjs';

const KEY = `ts-browser-${process.pid}`;
const FORM = '[{"name":"approved","type":"boolean","label":"Approve the order","label_de":"Bestellung freigeben","required":true},'
  + '{"name":"comment","type":"text","label":"Comment (required to reject)","label_de":"Kommentar","required":false},'
  + '{"name":"delivery","type":"date","label":"Deliver by","label_de":"Liefern bis","required":false}]';
let browser;

before(async () => {
  browser = await launch();
  sql(`INSERT INTO flow_definitions (process_key, version, name, xml, sha256, file_name, deployed_at)
       VALUES ('${KEY}', 1, 'Order approval above budget', '<definitions/>', REPEAT('0', 64), 'x.bpmn', UTC_TIMESTAMP(6))`);
});

after(async () => {
  await browser?.close();
  const tasks = `SELECT t.id FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id
    JOIN flow_definitions d ON d.id = i.definition_id WHERE d.process_key = '${KEY}'`;
  sql(`DELETE FROM flow_commands WHERE task_id IN (${tasks});
       DELETE FROM flow_task_candidates WHERE task_id IN (${tasks});
       DELETE t FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id
         JOIN flow_definitions d ON d.id = i.definition_id WHERE d.process_key = '${KEY}';
       DELETE i FROM flow_instances i JOIN flow_definitions d ON d.id = i.definition_id WHERE d.process_key = '${KEY}';
       DELETE FROM flow_definitions WHERE process_key = '${KEY}'`);
});

// A task of Acme offered to approvers and customer admins, overdue: its id.
function makeTask(number) {
  return sql(`INSERT INTO flow_instances (definition_id, business_key, org_id, state, started_at, updated_at)
      SELECT id, '${number}', 2, 'running', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM flow_definitions
      WHERE process_key = '${KEY}';
    SET @i = LAST_INSERT_ID();
    INSERT INTO flow_tasks (instance_id, token_id, element_id, name, name_de, process_name, process_name_de,
      business_key, org_id, candidate_roles, form, state, due_at, created_at)
      VALUES (@i, 0, 'approve', 'Approve the order', 'Bestellung freigeben', 'Order approval above budget',
      'Freigabe über dem Budget', '${number}', 2, 'approver customer_admin', '${FORM}', 'open',
      UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, UTC_TIMESTAMP(6) - INTERVAL 1 DAY);
    SET @t = LAST_INSERT_ID();
    INSERT INTO flow_task_candidates (org_id, role_id, task_id)
      SELECT 2, id, @t FROM roles WHERE name IN ('approver', 'customer_admin');
    SELECT @t`).trim();
}

async function check(page, name, width) {
  await assertAccessible(page, `${name} at ${width}px`);
  await screenshot(page, `tasks-${name}-${width}`);
}

// Open the inbox as a person does: Tasks in the main navigation, on a phone
// from the compact menu.
async function openInbox(page, width) {
  if (width >= 1000) {
    await page.locator('nav.primary-nav').getByRole('link', { name: /^Tasks\b/ }).click();
  } else {
    await page.locator('details.menu > summary').first().click();
    await page.locator('details.menu').getByRole('link', { name: /^Tasks\b/ }).first().click();
  }
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
}

for (const { width, height } of VIEWPORTS) {
  test(`an approver claims a task, tries its form and releases it (${width}px)`, { timeout: 120000 }, async () => {
    const number = `O-2026-97${String(width).padStart(4, '0')}`;
    const id = makeTask(number);
    const { context, page } = await openPage(browser, { width, height });
    await signIn(page, 'olivia@acme.example');
    const tasksLink = page.locator(`${width >= 1000 ? 'nav.primary-nav' : 'details.menu'} a[href="/tasks/"]`).first();
    assert.match(await tasksLink.textContent(), /\d+ waiting/, 'the navigation says how many wait');
    await openInbox(page, width);
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    assert.match(await row.innerText(), /Overdue/, 'marked overdue in words');
    assert.match(await row.innerText(), /Offered to your role/, 'offered to her role');
    await check(page, 'inbox', width);

    await Promise.all([
      page.waitForURL(`${BASE}/tasks/${id}`),
      row.getByRole('link', { name: 'Approve the order' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Approve the order' }).waitFor();
    assert.equal(await page.getByRole('link', { name: number }).getAttribute('href'), `/orders/${number}`,
      'the case links to the order');
    await check(page, 'task', width);

    await Promise.all([
      page.waitForURL(`${BASE}/tasks/${id}?claimed=1`),
      page.getByRole('button', { name: 'Claim the task' }).click(),
    ]);
    assert.match(await page.locator('main').innerText(), /The task is yours now/, 'it is hers');
    await page.getByRole('textbox', { name: /Comment/ }).fill('Checking with the buyer first.');
    await page.getByRole('button', { name: 'Complete the task' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: /Comment/ }).inputValue(), 'Checking with the buyer first.',
      'what she typed is kept');
    await check(page, 'task-error', width);
    await page.locator('.error-summary').getByRole('link').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-approved', 'the summary leads to the choice');

    await Promise.all([
      page.waitForURL(`${BASE}/tasks/?released=${id}`),
      page.getByRole('button', { name: 'Release the task' }).click(),
    ]);
    assert.match(await page.locator('main').innerText(), /went back to the roles/, 'the inbox says so');
    await check(page, 'inbox-released', width);
    await context.close();
  });

  test(`a buyer's empty inbox says what it is for (${width}px)`, { timeout: 60000 }, async () => {
    const { context, page } = await openPage(browser, { width, height });
    await signIn(page, 'carl@acme.example');
    await page.goto(`${BASE}/tasks/`);
    await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    assert.match(await page.locator('main').innerText(), /No task waits for you[\s\S]*task inbox/, 'the empty state');
    await check(page, 'inbox-empty', width);
    await page.goto(`${BASE}/`);
    assert.match(await page.locator('main').innerText(), /Your tasks/, 'the start page has the box');
    await check(page, 'start', width);
    await context.close();
  });
}
