// The org admin's journey: anna (customer_admin of Acme) opens the users
// list, invites a new person by email, name and role; the invitation mail
// arrives at the stack's SMTP sink (the Maildir $PORTICO_VAR/mail); the
// invitee opens the link, sets a password and lands signed in on the start
// page.  The users list and the invitation form pass an axe-core WCAG 2.1
// AA scan with zero violations at 1280 and 360 px, without horizontal
// scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  BASE, VAR, PASSWORD, VIEWPORTS, launch, openPage, axeViolations, formatViolations,
  screenshot, emailField, passwordField, sessionInfo, horizontalOverflow, sql,
} from './lib.mjs';

const ANNA = 'anna.admin@acme.example';
const MAILDIR = path.join(VAR, 'mail');

let browser;
const invited = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const email of invited) sql(`DELETE FROM users WHERE email = '${email}'`);
});

// ---- a tiny Maildir reader: enough for one text part and its link ----

function decodeQuotedPrintable(s) {
  const bytes = [];
  const soft = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// The bodies of a raw mail, decoded (quoted-printable, base64 or plain).
function mailBodies(raw) {
  const bodies = [];
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head, ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) bodies.push(decodeQuotedPrintable(body));
    else if (/content-transfer-encoding:\s*base64/i.test(head)) bodies.push(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'));
    else bodies.push(body);
  }
  return bodies;
}

// Waits for a mail to `to` with an /auth/invite link; returns the link's path.
async function inviteLinkFor(to, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const sub of ['new', 'cur']) {
      const dir = path.join(MAILDIR, sub);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir)) {
        if (name.startsWith('.')) continue;
        const raw = fs.readFileSync(path.join(dir, name), 'utf8');
        const [headers] = raw.split(/\r?\n\r?\n/);
        if (!new RegExp(`^To:.*${to.replace(/[.+]/g, '\\$&')}`, 'im').test(headers)) continue;
        for (const body of mailBodies(raw)) {
          const m = body.match(/https?:\/\/[^/\s"<>]+(\/auth\/invite\?token=[0-9a-f]{64})/);
          if (m) return m[1];
        }
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no invitation mail for ${to} in ${MAILDIR} within ${timeoutMs} ms`);
}

async function signIn(page, email) {
  await page.goto(`${BASE}/auth/login`);
  await emailField(page).fill(email);
  await passwordField(page).fill(PASSWORD);
  await Promise.all([page.waitForURL(`${BASE}/`), passwordField(page).press('Enter')]);
}

async function assertAccessible(page, name, vp) {
  assert.equal(await horizontalOverflow(page), 0, `${name}: no horizontal scrolling at ${vp.width}px`);
  await screenshot(page, `${name}-${vp.width}`);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${name} at ${vp.width}px:\n${formatViolations(violations)}`);
}

for (const vp of VIEWPORTS) {
  test(`users list and invitation form pass axe at ${vp.width}px`, { timeout: 60000 }, async () => {
    const { context, page, problems } = await openPage(browser, vp);
    try {
      await signIn(page, ANNA);
      const res = await page.goto(`${BASE}/auth/users`);
      assert.equal(res.status(), 200);
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      await page.getByRole('link', { name: 'Carl Customer' }).waitFor();
      await assertAccessible(page, 'users-list', vp);

      await page.goto(`${BASE}/auth/users/new`);
      await page.getByRole('heading', { level: 1, name: 'Invite a user' }).waitFor();
      await assertAccessible(page, 'user-invite', vp);

      // The form with its errors shown is accessible too.
      await Promise.all([
        page.waitForLoadState('domcontentloaded'),
        page.getByRole('button', { name: 'Send invitation' }).click(),
      ]);
      await page.getByRole('alert').waitFor();
      await assertAccessible(page, 'user-invite-errors', vp);

      await page.goto(`${BASE}/auth/users/6`);
      await page.getByRole('heading', { level: 1, name: 'Carl Customer' }).waitFor();
      await assertAccessible(page, 'user-detail', vp);

      await page.goto(`${BASE}/auth/budgets`);
      await assertAccessible(page, 'budgets', vp);
      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });
}

test('anna invites a user who sets a password from the mail and is signed in', { timeout: 90000 }, async () => {
  const email = `invitee-${process.pid}-${Date.now()}@example.com`;
  invited.push(email);
  const admin = await openPage(browser, { width: 1280, height: 800 });
  try {
    const { page } = admin;
    await signIn(page, ANNA);
    await page.goto(`${BASE}/auth/users`);
    await Promise.all([
      page.waitForURL(`${BASE}/auth/users/new`),
      page.getByRole('link', { name: 'Invite a user' }).click(),
    ]);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Name', { exact: true }).fill('Ines Invitee');
    await page.getByLabel('Buyer').check();
    // Back to the list, as for every address (an address of another org must not show).
    await Promise.all([
      page.waitForURL(`${BASE}/auth/users?invited=1`),
      page.getByRole('button', { name: 'Send invitation' }).click(),
    ]);
    await page.getByText('Invitation sent.').waitFor();
    await Promise.all([
      page.waitForURL(/\/auth\/users\/\d+$/),
      page.getByRole('link', { name: 'Ines Invitee' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Ines Invitee' }).waitFor();
    assert.ok(await page.getByLabel('Buyer').isChecked(), 'the chosen role is held');
    assert.deepEqual(admin.problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await admin.context.close();
  }

  const link = await inviteLinkFor(email);
  const invitee = await openPage(browser, { width: 360, height: 740 });
  try {
    const { page } = invitee;
    const res = await page.goto(`${BASE}${link}`);
    assert.equal(res.status(), 200, 'the link from the mail opens the acceptance page');
    const newPassword = `Invited-${Date.now()}-secret`;
    await page.locator('input[name="password"]').fill(newPassword);
    await page.locator('input[name="password2"]').fill(newPassword);
    await Promise.all([
      page.waitForURL(`${BASE}/`),
      page.locator('input[name="password2"]').press('Enter'),
    ]);
    const info = await sessionInfo(page);
    assert.equal(info.view, 'start', 'lands on the start page');
    assert.equal(info.email, email, 'signed in as the invitee');
    assert.equal(info.name, 'Ines Invitee');
    await page.getByText('Ines Invitee').filter({ visible: true }).first().waitFor();
    const status = sql(`SELECT status FROM users WHERE email = '${email}'`).trim();
    assert.equal(status, 'active', 'the invitee is active');
    assert.deepEqual(invitee.problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await invitee.context.close();
  }
});
