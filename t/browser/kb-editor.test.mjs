// Authoring in the browser: the editor creates an article through the form
// (found by its labels) in Markdown, watches the live preview follow the
// typing, previews it, saves it, sends it through review, publishes it
// and finds it on the readers' page /kb/articles/<id>; related articles
// are picked from title suggestions.  The editor list, the new-article
// form, the edit page and the archive question pass an axe-core WCAG 2.1
// AA scan at desktop and phone width without horizontal scrolling of the
// page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, VIEWPORTS, launch, openPage, axeViolations, formatViolations,
  screenshot, emailField, passwordField, horizontalOverflow, sql,
} from './lib.mjs';

const TAG = `${process.pid}-${Date.now() % 100000000}`;
const CAT_SLUG = `browser-editor-${TAG}`;
const CAT_NAME = `Browser editing ${TAG}`;
const slugs = [];
let browser;
let catId;

before(async () => {
  browser = await launch();
  sql(`INSERT INTO kb_categories (slug, audience) VALUES ('${CAT_SLUG}', 'public')`);
  catId = sql(`SELECT id FROM kb_categories WHERE slug = '${CAT_SLUG}'`).trim();
  sql(`INSERT INTO kb_category_texts (category_id, lang, name) VALUES (${catId}, 'en', '${CAT_NAME}')`);
});

after(async () => {
  await browser?.close();
  for (const s of slugs) sql(`DELETE FROM kb_articles WHERE slug = '${s}'`);
  sql(`DELETE FROM kb_articles WHERE category_id = ${catId}`);
  sql(`DELETE FROM kb_categories WHERE id = ${catId}`);
});

async function signIn(page, email) {
  await page.goto(`${BASE}/auth/login`);
  await emailField(page).fill(email);
  await passwordField(page).fill(PASSWORD);
  await Promise.all([page.waitForURL(`${BASE}/`), passwordField(page).press('Enter')]);
}

test('editor creates, previews, saves and publishes an article', { timeout: 90000 }, async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 800 });
  const slug = `browser-article-${TAG}`;
  const title = `Pair the scanner ${TAG}`;
  slugs.push(slug);
  try {
    await signIn(page, 'editor@portico.example');
    await page.goto(`${BASE}/kb/editor`);
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await Promise.all([
      page.waitForURL(`${BASE}/kb/editor/new`),
      page.getByRole('link', { name: 'New article' }).click(),
    ]);
    await page.getByLabel('Language').selectOption('en');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Summary').fill('How to pair the handheld scanner with its base.');
    assert.equal(await page.getByLabel('Written in').inputValue(), 'markdown', 'a new text is written in Markdown');
    const live = page.locator('#kb-live');
    await live.waitFor({ state: 'visible' });
    await page.getByLabel('Body').fill('## Steps\n\nHold the **pair** button.\n\n<script>alert(1)</script>\n');
    await live.locator('.kb-body h2', { hasText: 'Steps' }).waitFor();
    assert.equal(await live.locator('.kb-body strong').innerText(), 'pair', 'the live preview follows the typing');
    assert.equal(await live.locator('script').count(), 0, 'the live preview has no script');
    await page.getByLabel('Body').press('End');
    await page.getByLabel('Body').pressSequentially('\n| Key | Use |\n|---|---|\n| F1 | Pair |\n', { delay: 5 });
    await live.locator('.kb-body td', { hasText: 'Pair' }).waitFor();
    assert.equal(await live.locator('.kb-body table th').first().innerText(), 'Key', 'a table typed shows as a table');
    await page.getByLabel('Category').selectOption(catId);
    await page.getByLabel('Address name (slug)').fill(slug);
    await page.getByLabel('Audience').selectOption('public');
    await page.getByLabel('Tags').fill('scanner, pairing');

    // Enter in a field previews (the form's default button), as before the Find of related articles.
    await page.getByLabel('Tags').press('Enter');
    const preview = page.locator('section.kb-preview');
    await preview.getByRole('heading', { name: 'Preview' }).waitFor();
    assert.equal(await preview.locator('.kb-body strong').innerText(), 'pair', 'the preview shows the body');
    assert.equal(await preview.locator('script').count(), 0, 'without the script');
    assert.equal(sql(`SELECT COUNT(*) FROM kb_articles WHERE slug = '${slug}'`).trim(), '0', 'preview saved nothing');
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), title, 'the form keeps the input');

    await Promise.all([
      page.waitForURL(/\/kb\/editor\/articles\/\d+\?lang=en&created=1$/),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'created as a draft' }).waitFor();
    const id = page.url().match(/articles\/(\d+)/)[1];
    assert.equal(sql(`SELECT status FROM kb_articles WHERE id = ${id}`).trim(), 'draft');

    await Promise.all([
      page.waitForURL(/state=review$/),
      page.getByRole('button', { name: 'Submit for review' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(/state=published$/),
      page.getByRole('button', { name: 'Publish' }).click(),
    ]);
    assert.equal(sql(`SELECT status FROM kb_articles WHERE id = ${id}`).trim(), 'published');

    await Promise.all([
      page.waitForURL(`${BASE}/kb/articles/${id}`),
      page.getByRole('link', { name: 'View as readers see it' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(await page.locator('main').innerText(), /Hold the pair button/, 'the body is on the readers\' page');
    await screenshot(page, 'kb-editor-published');
    assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await context.close();
  }
});

for (const vp of VIEWPORTS) {
  test(`authoring pages pass axe at ${vp.width}px`, { timeout: 90000 }, async () => {
    const { context, page, problems } = await openPage(browser, vp);
    const slug = `browser-axe-${vp.width}-${TAG}`;
    slugs.push(slug);
    sql(`INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at)
         VALUES (${catId}, '${slug}', 'customer', 'draft', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))`);
    const id = sql(`SELECT id FROM kb_articles WHERE slug = '${slug}'`).trim();
    sql(`INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, version_no, updated_at)
         VALUES (${id}, 'en', 'Axe article', 'Sum', '<p>Body</p>', 'Body', 1, UTC_TIMESTAMP(6))`);
    sql(`INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body, status, note, created_at)
         VALUES (${id}, 'en', 1, 'Axe article', 'Sum', '<p>Body</p>', 'draft', 'one', UTC_TIMESTAMP(6)),
                (${id}, 'en', 2, 'Axe article', 'Sum', '<p>Body two</p>', 'draft', 'two', UTC_TIMESTAMP(6))`);
    const pages = [
      { name: 'list', path: '/kb/editor', h1: 'Articles' },
      { name: 'new', path: '/kb/editor/new', h1: 'New article' },
      { name: 'edit', path: `/kb/editor/articles/${id}?lang=en`, h1: 'Edit: Axe article' },
      { name: 'versions', path: `/kb/editor/articles/${id}/versions?lang=en`, h1: `Versions of “${slug}”` },
      { name: 'diff', path: `/kb/editor/articles/${id}/diff?lang=en&from=1&to=2`, h1: 'Version 1 compared with version 2' },
      { name: 'archive', path: `/kb/editor/articles/${id}/archive?lang=en`, h1: 'Archive “Axe article”?' },
    ];
    try {
      await signIn(page, 'editor@portico.example');
      for (const p of pages) {
        await page.goto(`${BASE}${p.path}`);
        await page.getByRole('heading', { level: 1, name: p.h1 }).waitFor();
        assert.equal(await horizontalOverflow(page), 0, `${p.name}: no horizontal scrolling at ${vp.width}px`);
        await screenshot(page, `kb-editor-${p.name}-${vp.width}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found violations on ${p.path} at ${vp.width}px:\n${formatViolations(violations)}`);
      }
      // The form with errors and a preview, as an editor meets it.
      await page.goto(`${BASE}/kb/editor/articles/${id}?lang=en`);
      await page.getByLabel('Title', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('alert').waitFor();
      const v422 = await axeViolations(page);
      assert.equal(v422.length, 0, `axe on the form with errors at ${vp.width}px:\n${formatViolations(v422)}`);
      await page.getByLabel('Title', { exact: true }).fill('Axe article');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('section.kb-preview').waitFor();
      assert.equal(await horizontalOverflow(page), 0, `preview: no horizontal scrolling at ${vp.width}px`);
      const vPrev = await axeViolations(page);
      assert.equal(vPrev.length, 0, `axe on the preview at ${vp.width}px:\n${formatViolations(vPrev)}`);
      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });
}

test('related articles are picked from title suggestions as one types', { timeout: 90000 }, async () => {
  const { context, page, problems } = await openPage(browser, { width: 360, height: 800 });
  const word = `Sugg${TAG.replace(/\D/g, '')}`;
  const ids = {};
  for (const [key, status] of [['self', 'draft'], ['other', 'published']]) {
    const slug = `browser-rel-${key}-${TAG}`;
    slugs.push(slug);
    sql(`INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at)
         VALUES (${catId}, '${slug}', 'customer', '${status}', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))`);
    ids[key] = sql(`SELECT id FROM kb_articles WHERE slug = '${slug}'`).trim();
    sql(`INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, version_no, updated_at)
         VALUES (${ids[key]}, 'en', '${word} ${key}', '', '<p>x</p>', 'x', 1, UTC_TIMESTAMP(6))`);
  }
  try {
    await signIn(page, 'editor@portico.example');
    await page.goto(`${BASE}/kb/editor/articles/${ids.self}?lang=en`);
    await page.getByRole('heading', { level: 1, name: `Edit: ${word} self` }).waitFor();
    const find = page.getByLabel('Find articles by title');
    await find.fill(word);
    await Promise.all([page.waitForURL(/#related$/), find.press('Enter')]);
    assert.equal(await page.getByRole('checkbox', { name: `${word} other` }).isChecked(), false,
      'Enter in the search finds: the match is a box to tick');
    await page.getByRole('checkbox', { name: `${word} other` }).check();
    await page.getByRole('checkbox', { name: `${word} other` }).uncheck();
    await find.fill('');
    await find.pressSequentially(word.slice(0, 8), { delay: 20 });
    const suggestion = page.getByRole('button', { name: `Add: ${word} other` });
    await suggestion.waitFor();
    assert.equal(await page.getByRole('button', { name: `Add: ${word} self` }).count(), 0, 'the article itself is not suggested');
    assert.equal(await horizontalOverflow(page), 0, 'no horizontal scrolling with suggestions at 360px');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe with suggestions:\n${formatViolations(violations)}`);
    await screenshot(page, 'kb-editor-related-suggestions-360');
    await suggestion.click();
    const box = page.getByRole('checkbox', { name: `${word} other` });
    assert.equal(await box.isChecked(), true, 'the chosen article is a ticked box, named by its title');
    assert.equal(await page.getByRole('button', { name: `Add: ${word} other` }).count(), 0, 'and no longer suggested');
    await Promise.all([
      page.waitForURL(/saved=1$/),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    assert.equal(sql(`SELECT GROUP_CONCAT(related_id) FROM kb_related WHERE article_id = ${ids.self}`).trim(), ids.other, 'saved as related');
    assert.equal(await page.getByRole('checkbox', { name: `${word} other` }).isChecked(), true, 'shown by title after saving');
    await page.getByRole('checkbox', { name: `${word} other` }).uncheck();
    await Promise.all([
      page.waitForURL(/saved=1$/),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    assert.equal(sql(`SELECT COUNT(*) FROM kb_related WHERE article_id = ${ids.self}`).trim(), '0', 'unticked: removed');
    assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
  } finally {
    await context.close();
  }
});
