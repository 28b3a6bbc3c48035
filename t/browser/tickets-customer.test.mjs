// The customer's side of deflection and the survey, at 1280 and 360 px:
// a customer opens a service form and types a subject; an article that
// may answer it appears while typing (the list and a polite status line);
// they raise the ticket anyway.  Without JavaScript the same submit shows
// the page of articles first, and "Raise the ticket anyway" raises it with
// what was typed.  An agent resolves the ticket; the customer rates it on
// the ticket page (the radio group by its labels), and the mail's link
// opens the survey without signing in; the agents' figures pages at
// 1280 px.  Every page fits its width and passes axe-core (WCAG 2.1 AA):
// the journey's pages at both widths, their error and answered states
// once; screenshots go to var/test/screenshots/tickets-customer-*.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, axeViolations, formatViolations, screenshot,
  horizontalOverflow, sql, signIn,
} from './lib.mjs';

const TAG = `${process.pid}-${Date.now() % 100000000}`;
// A made-up word: only this run's article has it.
const WORD = 'zq' + Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const CAT = `deflect-browser-${TAG}`;
const TITLE = `Resetting the ${WORD} sensor`;
let browser;
let article;
let firstFiling;

function one(q) { return sql(q).trim(); }

before(async () => {
  firstFiling = Number(one('SELECT COALESCE(MAX(id), 0) FROM ticket_deflections'));
  sql(`INSERT INTO kb_categories (slug, audience) VALUES ('${CAT}', 'public');
       INSERT INTO kb_category_texts (category_id, lang, name)
         SELECT id, 'en', 'Deflection journey' FROM kb_categories WHERE slug = '${CAT}';
       INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at, published_at)
         SELECT id, '${CAT}-a', 'public', 'published', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
         FROM kb_categories WHERE slug = '${CAT}';
       INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at)
         SELECT id, 'en', '${TITLE}', 'Hold the button of the ${WORD} sensor for ten seconds.',
           '<p>Hold the button for ten seconds.</p>', 'Hold the button for ten seconds.', UTC_TIMESTAMP(6)
         FROM kb_articles WHERE slug = '${CAT}-a';`);
  article = one(`SELECT id FROM kb_articles WHERE slug = '${CAT}-a'`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  sql(`DELETE FROM ticket_deflections WHERE id > ${firstFiling} AND user_id = 6;
       DELETE FROM tickets WHERE subject LIKE '%${TAG}%';
       DELETE FROM kb_articles WHERE slug = '${CAT}-a';
       DELETE FROM kb_categories WHERE slug = '${CAT}';
       DELETE FROM kb_searches WHERE query LIKE '%${WORD}%';`);
});

// The page fits its width and passes axe (scan false: a page whose
// variant was scanned at the other width, to keep the suite's time); a
// screenshot named tickets-customer-<name>-<width>.
async function check(page, name, width, scan = true) {
  if (scan) {
    const v = await axeViolations(page);
    assert.equal(v.length, 0, `${name} at ${width}px: axe violations:\n${formatViolations(v)}`);
  }
  assert.equal(await horizontalOverflow(page), 0, `${name} at ${width}px scrolls sideways`);
  await screenshot(page, `tickets-customer-${name}-${width}`);
}

// An agent resolves the ticket with a reply, as on the desk.
async function resolveAsAgent(number, width) {
  const { context, page, problems } = await openPage(browser, { width, height: 800 });
  await signIn(page, 'agent@portico.example');
  await page.goto(`${BASE}/tickets/${number}`);
  await page.getByLabel('Your reply').fill('Reset it as the article says; it works again.');
  await page.getByLabel('Then set the ticket to').selectOption('resolved');
  await Promise.all([page.waitForURL(/done=reply/), page.getByRole('button', { name: 'Send reply' }).click()]);
  assert.deepEqual(problems, []);
  await context.close();
}

for (const { width, height } of VIEWPORTS) {
  test(`a suggestion while typing, raised anyway, rated at ${width}px`, { timeout: 240000 }, async () => {
    const subject = `The ${WORD} sensor blinks red ${TAG}-${width}`;
    let number;
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/tickets/new/other-question`);
      await page.getByRole('heading', { level: 1, name: 'Other question' }).waitFor();
      await page.getByLabel('Subject').pressSequentially(subject.slice(0, 30), { delay: 20 });
      const list = page.getByRole('region', { name: 'These articles may answer your question' });
      await list.getByRole('link', { name: TITLE }).waitFor();
      await page.getByRole('status').filter({ hasText: /^(One article|\d+ articles) may answer your question\.$/ }).waitFor({ state: 'attached' });
      const href = await list.getByRole('link', { name: TITLE }).getAttribute('href');
      assert.match(href, new RegExp(`^/tickets/deflect/\\d+/open/${article}$`), 'the link records an opening');
      await page.getByLabel('Subject').fill(subject);
      await page.getByLabel('Description').fill('It started this morning after the update.');
      await check(page, 'form-suggestion', width);
      await Promise.all([
        page.waitForURL(/\/tickets\/T-\d{4}-\d{6}\?created=1$/),
        page.getByRole('button', { name: 'Submit request' }).click(),
      ]);
      number = page.url().match(/(T-\d{4}-\d{6})/)[1];
      const filing = one(`SELECT CONCAT(d.via, ' ', d.shown_count > 0, ' ', d.ticket_id = t.id)
        FROM ticket_deflections d JOIN tickets t ON t.number = '${number}' WHERE d.ticket_id = t.id`);
      assert.equal(filing, 'script 1 1', 'the filing: articles shown by the script, this ticket raised');
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      // The same without the form's script (its file blocked, as when
      // scripts are off): the page of articles, then raised anyway.
      const { context, page, problems } = await openPage(browser, { width, height });
      await page.route('**/tickets-deflect.js', (route) => route.abort());
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/tickets/new/other-question`);
      await page.getByLabel('Subject').fill(`${subject} (no script)`);
      await page.getByLabel('Description').fill('Line one.\nLine "two" & <three>.');
      await page.getByRole('button', { name: 'Submit request' }).click();
      await page.getByRole('heading', { level: 1, name: 'These articles may answer your question' }).waitFor();
      await page.getByRole('link', { name: TITLE }).waitFor();
      await check(page, 'deflect-page', width);
      await Promise.all([
        page.waitForURL(/\/tickets\/T-\d{4}-\d{6}\?created=1$/),
        page.getByRole('button', { name: 'Raise the ticket anyway' }).click(),
      ]);
      const raised = page.url().match(/(T-\d{4}-\d{6})/)[1];
      assert.equal(one(`SELECT m.body FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id
        WHERE t.number = '${raised}' ORDER BY m.id LIMIT 1`), 'Line one.\\nLine "two" & <three>.',
      'the description as typed');
      assert.deepEqual(problems.filter((p) => !/tickets-deflect\.js/.test(p)), []);
      await context.close();
    }
    await resolveAsAgent(number, width);
    {
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'carl@acme.example');
      await page.goto(`${BASE}/tickets/${number}`);
      const survey = page.getByRole('region', { name: 'How satisfied are you with our help?' });
      await survey.waitFor();
      await check(page, 'survey-ticket', width);
      await survey.getByRole('button', { name: 'Send rating' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check(page, 'survey-error', width, width === 1280);
      await page.getByRole('link', { name: 'Choose a rating from 1 to 5.' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'rating', 'the summary leads to the group');
      await page.getByLabel('4 – Satisfied').check();
      await page.getByLabel('Comment (optional)').fill('Quick help, thank you.');
      await Promise.all([page.waitForURL(/done=survey/), page.getByRole('button', { name: 'Send rating' }).click()]);
      await page.getByText('Thank you for your rating.').waitFor();
      assert.equal(await page.getByLabel('4 – Satisfied').isChecked(), true, 'the answer shown, changeable');
      await check(page, 'survey-answered', width, width === 1280);
      assert.equal(one(`SELECT CONCAT(s.rating, ' ', s.answered_via) FROM ticket_surveys s
        JOIN tickets t ON t.id = s.ticket_id WHERE t.number = '${number}'`), '4 page', 'stored');
      assert.deepEqual(problems, []);
      await context.close();
    }
    {
      // The mail's link, without signing in.
      const data = one(`SELECT data_xml FROM outbox WHERE template = 'ticket-survey'
        AND data_xml LIKE '%<number>${number}</number>%' ORDER BY id DESC LIMIT 1`);
      const link = data.match(/<link>https?:\/\/[^/<]+(\/tickets\/[^<]+)<\/link>/)[1];
      const { context, page, problems } = await openPage(browser, { width, height });
      await page.goto(`${BASE}${link}`);
      await page.getByRole('heading', { level: 1, name: subject }).waitFor();
      await check(page, 'survey-link', width);
      await page.goto(`${BASE}${link.slice(0, -3)}xyz`);
      await page.getByRole('heading', { level: 1, name: 'This survey link is not valid' }).waitFor();
      await check(page, 'survey-link-invalid', width, width === 1280);
      assert.deepEqual(problems.filter((p) => !/403/.test(p)), []);
      await context.close();
    }
    if (width === 1280) {
      // The figures (every-page.test.mjs scans them at 360 px for the agents' navigation).
      const { context, page, problems } = await openPage(browser, { width, height });
      await signIn(page, 'agent@portico.example');
      await page.goto(`${BASE}/tickets/surveys`);
      await page.getByRole('heading', { level: 1, name: 'Customer satisfaction' }).waitFor();
      await check(page, 'survey-results', width);
      await page.goto(`${BASE}/tickets/deflection`);
      await page.getByRole('heading', { level: 1, name: 'Deflection by service' }).waitFor();
      await check(page, 'deflection', width);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}
