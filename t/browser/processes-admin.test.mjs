// The process administration in the browser (issue 14), at desktop and
// phone width: the list, a process with its drawing, the instances and an
// instance's page with the drawing highlighted, and a refused upload
// shown again with the validator's reason.  Every page passes an axe-core
// WCAG 2.1 AA scan and does not scroll sideways; the drawing is inline
// SVG (no script needed) named by its title, inside a region that
// scrolls by itself where the screen is narrower than the drawing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  BASE, REPO, VIEWPORTS, launch, openPage, axeViolations, formatViolations, screenshot,
  horizontalOverflow, signIn, sql,
} from './lib.mjs';

let browser;
let instance;
before(async () => {
  browser = await launch();
  const def = sql("SELECT id FROM flow_definitions WHERE process_key = 'order-approval' ORDER BY version DESC LIMIT 1").trim();
  sql(`INSERT INTO flow_instances (definition_id, business_key, org_id, state, started_at, updated_at)
       VALUES (${def}, 'PO-BROWSER-${process.pid}', 2, 'running', UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, UTC_TIMESTAMP(6))`);
  instance = sql(`SELECT MAX(id) FROM flow_instances WHERE business_key = 'PO-BROWSER-${process.pid}'`).trim();
  sql(`INSERT INTO flow_history (instance_id, definition_id, element_id, element_kind, started_at, ended_at, outcome)
       VALUES (${instance}, ${def}, 'placed', 'startEvent', UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, NULL),
              (${instance}, ${def}, 'approve', 'userTask', UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, NULL, NULL)`);
  sql(`INSERT INTO flow_tokens (instance_id, element_id, created_at) VALUES (${instance}, 'approve', UTC_TIMESTAMP(6) - INTERVAL 3 HOUR)`);
  sql(`INSERT INTO flow_variables (instance_id, name, type, value, updated_at)
       VALUES (${instance}, 'total', 'number', '12500', UTC_TIMESTAMP(6))`);
});
after(async () => {
  await browser?.close();
  if (instance) {
    for (const t of ['flow_tokens', 'flow_history', 'flow_variables']) sql(`DELETE FROM ${t} WHERE instance_id = ${instance}`);
    sql(`DELETE FROM flow_commands WHERE instance_id = ${instance}`);
    sql(`DELETE FROM flow_instances WHERE id = ${instance}`);
  }
});

async function check(page, name, width) {
  await screenshot(page, `processes-${name}-${width}`);
  assert.equal(await horizontalOverflow(page), 0, `${name}: the page does not scroll sideways at ${width}px`);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${name} at ${width}px:\n${formatViolations(violations)}`);
}

// The drawing: SVG with a name, in a focusable region; at 360 px the region scrolls, not the page.
async function checkDrawing(page, width) {
  const svg = page.locator('.pa-drawing svg');
  await svg.waitFor();
  assert.equal(await page.getByRole('img', { name: 'Order approval above budget' }).count(), 1,
    'the drawing is an image named by its title');
  const { region, drawing } = await page.evaluate(() => {
    const r = document.querySelector('.pa-drawing');
    return { region: r.clientWidth, drawing: r.scrollWidth };
  });
  if (width < 700) assert.ok(drawing > region, `at ${width}px the drawing scrolls inside its region`);
  const fontSize = await page.evaluate(() => {
    const t = document.querySelector('.pa-drawing svg text');
    return parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
  });
  assert.ok(fontSize >= 10, `labels stay readable (${fontSize}px)`);
}

test('the process administration in German (360px)', { timeout: 120000 }, async () => {
  const { page, context } = await openPage(browser, { width: 360, height: 740, lang: 'de' });
  try {
    await signIn(page, 'admin@portico.example');
    await page.goto(`${BASE}/auth/account`);
    await page.locator('summary.menu-button').click();
    await Promise.all([page.waitForLoadState('load'), page.locator('.menu-panel').getByRole('button', { name: 'Deutsch' }).click()]);
    try {
      await page.goto(`${BASE}/admin/processes/`);
      await page.getByRole('heading', { level: 1, name: 'Prozesse' }).waitFor();
      await check(page, 'list-de', 360);
      await page.goto(`${BASE}/admin/processes/instances?process=order-approval`);
      await page.getByRole('heading', { level: 1, name: 'Prozessinstanzen' }).waitFor();
      await check(page, 'instances-de', 360);
      await page.goto(`${BASE}/admin/processes/instances/${instance}`);
      await page.getByRole('img', { name: 'Freigabe über dem Budget' }).waitFor();
      await check(page, 'instance-de', 360);
    } finally {
      await page.goto(`${BASE}/auth/account`);
      await page.locator('summary.menu-button').click();
      await Promise.all([page.waitForLoadState('load'), page.locator('.menu-panel').getByRole('button', { name: 'English' }).click()]);
    }
  } finally {
    await context.close();
  }
});

for (const vp of VIEWPORTS) {
  test(`the process administration (${vp.width}px)`, { timeout: 120000 }, async () => {
    const { page, context } = await openPage(browser, vp);
    try {
      await signIn(page, 'admin@portico.example');
      await page.goto(`${BASE}/admin/processes/`);
      await page.getByRole('heading', { level: 1, name: 'Processes' }).waitFor();
      await check(page, 'list', vp.width);

      await Promise.all([
        page.waitForURL(`${BASE}/admin/processes/process/order-approval`),
        page.getByRole('link', { name: 'Order approval above budget' }).click(),
      ]);
      await checkDrawing(page, vp.width);
      // This test's instance and whatever else waits there (the demo's orders, other tests' checkouts).
      const waiting = sql(`SELECT COUNT(*) FROM flow_instances i JOIN flow_tokens t ON t.instance_id = i.id
        WHERE i.definition_id = (SELECT MAX(id) FROM flow_definitions WHERE process_key = 'order-approval')
        AND i.state IN ('running', 'suspended') AND t.element_id = 'approve'`).trim();
      assert.ok(Number(waiting) >= 1, 'this test\'s instance waits at the approval');
      assert.equal(await page.locator('.pa-drawing svg .fl-badge[data-element="approve"] text').textContent(), waiting,
        'a badge counts the instances waiting at the approval');
      await check(page, 'process', vp.width);

      await page.goto(`${BASE}/admin/processes/instances?process=order-approval`);
      await page.getByRole('heading', { level: 1, name: 'Process instances' }).waitFor();
      await check(page, 'instances', vp.width);
      await Promise.all([
        page.waitForURL(`${BASE}/admin/processes/instances/${instance}`),
        page.getByRole('link', { name: instance, exact: true }).click(),
      ]);
      await checkDrawing(page, vp.width);
      assert.match(await page.locator('.pa-drawing svg [data-element="approve"]').first().getAttribute('class'), /fl-active/,
        'the approval is highlighted');
      assert.match(await page.locator('.pa-drawing svg [data-element="placed"]').first().getAttribute('class'), /fl-taken/,
        'the start is shaded');
      await check(page, 'instance', vp.width);

      await page.goto(`${BASE}/admin/processes/`);
      await page.getByLabel('BPMN file').setInputFiles(path.join(REPO, 't', 'unit', 'fixtures', 'bpmn',
        'import-error-boundaryEvent-missingAttachToRef.bpmn'));
      await page.getByRole('button', { name: 'Check and deploy' }).click();
      await page.getByRole('alert').waitFor();
      assert.match(await page.locator('.pa-reason').textContent(),
        /line 5: boundaryEvent "BoundaryEvent_1" is attached to nothing/, 'the reason with element and line');
      await check(page, 'upload-422', vp.width);
    } finally {
      await context.close();
    }
  });
}
