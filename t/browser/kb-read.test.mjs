// Reading the knowledge base as an anonymous visitor, at desktop and phone
// width: the home page, a category from the home page, an article from the
// category (breadcrumbs, body, related, feedback form) and the FAQ; no
// horizontal scrolling, no broken resources, an axe-core WCAG 2.1 AA scan
// of every page; printing the article (print media emulated) hides the
// site header, the breadcrumbs and the feedback form and keeps the
// article. The data is made with SQL under a unique slug and removed after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, axeViolations, formatViolations, screenshot,
  horizontalOverflow, sql,
} from './lib.mjs';

const TAG = `kbread-${process.pid}-${Date.now() % 100000000}`;
const CAT = `${TAG}-cat`;
const SUB = `${TAG}-sub`;
const ART_TITLE = `Reset your ${TAG} router`;
const REL_TITLE = `Router lights explained ${TAG}`;
let browser;
let articleId;

function one(query) {
  return sql(query).trim().split('\n').pop();
}

before(async () => {
  const now = 'UTC_TIMESTAMP(6)';
  sql(`INSERT INTO kb_categories (slug, position, audience) VALUES ('${CAT}', -100, 'public');
       INSERT INTO kb_category_texts (category_id, lang, name, description)
         VALUES (LAST_INSERT_ID(), 'en', 'Routers ${TAG}', 'Set-up and troubleshooting of routers.');
       INSERT INTO kb_categories (parent_id, slug, position, audience)
         SELECT id, '${SUB}', 0, 'public' FROM kb_categories WHERE slug = '${CAT}';
       INSERT INTO kb_category_texts (category_id, lang, name)
         VALUES (LAST_INSERT_ID(), 'en', 'Wi-Fi ${TAG}');`);
  const body = '<h2>Before you start</h2><p>Keep the <strong>serial number</strong> at hand and read '
    + '<a href="https://www.example.com/routers">the manufacturer page</a>.</p>'
    + '<ol><li>Unplug the router.</li><li>Hold the reset button for 10 seconds.</li></ol>'
    + '<pre><code>ping 192.168.1.1</code></pre>'
    + '<table><thead><tr><th>Light</th><th>Meaning</th></tr></thead>'
    + '<tbody><tr><td>Green</td><td>Online</td></tr><tr><td>Red</td><td>No line</td></tr></tbody></table>';
  sql(`INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at, published_at)
         SELECT id, '${TAG}-rel', 'public', 'published', ${now}, ${now}, ${now} FROM kb_categories WHERE slug = '${CAT}';
       INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at)
         VALUES (LAST_INSERT_ID(), 'en', '${REL_TITLE}', 'What each light means.', '<p>Green is good.</p>', 'Green is good.', ${now});
       INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at, published_at, view_count)
         SELECT id, '${TAG}-art', 'public', 'published', ${now}, ${now}, ${now}, 5 FROM kb_categories WHERE slug = '${CAT}';
       INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at)
         VALUES (LAST_INSERT_ID(), 'en', '${ART_TITLE}', 'Restore the factory settings in two minutes.',
                 '${body}', 'Before you start', ${now});
       INSERT INTO kb_related (article_id, related_id, position)
         SELECT a.id, r.id, 0 FROM kb_articles a, kb_articles r WHERE a.slug = '${TAG}-art' AND r.slug = '${TAG}-rel';
       INSERT INTO kb_faq_topics (slug, position) VALUES ('${TAG}-topic', -100);
       INSERT INTO kb_faq_topic_texts (topic_id, lang, name) VALUES (LAST_INSERT_ID(), 'en', 'Routers ${TAG}');
       INSERT INTO kb_faq (topic_id, article_id, audience, position, status)
         SELECT t.id, a.id, 'public', 0, 'published' FROM kb_faq_topics t, kb_articles a
         WHERE t.slug = '${TAG}-topic' AND a.slug = '${TAG}-art';
       INSERT INTO kb_faq_texts (faq_id, lang, question, answer, answer_text)
         VALUES (LAST_INSERT_ID(), 'en', 'How do I reset my router ${TAG}?', '<p>Hold the reset button for 10 seconds.</p>',
                 'Hold the reset button for 10 seconds.');`);
  articleId = one(`SELECT id FROM kb_articles WHERE slug = '${TAG}-art'`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  sql(`DELETE FROM kb_faq WHERE topic_id IN (SELECT id FROM kb_faq_topics WHERE slug = '${TAG}-topic');
       DELETE FROM kb_faq_topics WHERE slug = '${TAG}-topic';
       DELETE FROM kb_articles WHERE slug IN ('${TAG}-art', '${TAG}-rel');
       DELETE FROM kb_categories WHERE slug = '${SUB}';
       DELETE FROM kb_categories WHERE slug = '${CAT}';`);
});

async function expectClean(page, problems, what, vp) {
  assert.equal(await horizontalOverflow(page), 0, `${what}: no horizontal scrolling at ${vp.width}px`);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${what} at ${vp.width}px:\n${formatViolations(violations)}`);
  assert.deepEqual(problems, [], `${what}: no CSP errors or broken resources`);
}

for (const vp of VIEWPORTS) {
  test(`anonymous reads the knowledge base at ${vp.width}px`, { timeout: 60000 }, async () => {
    const { context, page, problems } = await openPage(browser, vp);
    try {
      await page.goto(`${BASE}/kb/`);
      await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
      await page.getByRole('search').getByRole('searchbox', { name: 'Search the knowledge base' }).waitFor();
      await expectClean(page, problems, 'the home page', vp);
      await screenshot(page, `kb-home-${vp.width}`);

      await Promise.all([
        page.waitForURL(`${BASE}/kb/categories/${CAT}`),
        page.getByRole('link', { name: `Routers ${TAG}` }).click(),
      ]);
      await page.getByRole('heading', { level: 1, name: `Routers ${TAG}` }).waitFor();
      await page.getByRole('link', { name: `Wi-Fi ${TAG}` }).waitFor();
      await expectClean(page, problems, 'the category page', vp);
      await screenshot(page, `kb-category-${vp.width}`);

      await Promise.all([
        page.waitForURL(`${BASE}/kb/articles/${articleId}`),
        page.getByRole('link', { name: ART_TITLE }).click(),
      ]);
      await page.getByRole('heading', { level: 1, name: ART_TITLE }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
      await crumbs.getByRole('link', { name: 'Knowledge base' }).waitFor();
      await crumbs.getByRole('link', { name: `Routers ${TAG}` }).waitFor();
      await page.getByRole('cell', { name: 'No line' }).waitFor();
      await page.getByRole('link', { name: REL_TITLE }).waitFor();
      await page.getByRole('button', { name: 'Yes, it helped' }).waitFor();
      await page.getByRole('textbox', { name: 'Comment (optional)' }).waitFor();
      await expectClean(page, problems, 'the article page', vp);
      await screenshot(page, `kb-article-${vp.width}`);

      // Print: the article alone.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.site-header').isVisible(), false, 'print: the header is hidden');
      assert.equal(await crumbs.isVisible(), false, 'print: breadcrumbs hidden');
      assert.equal(await page.locator('.kb-feedback').isVisible(), false, 'print: feedback form hidden');
      assert.equal(await page.getByRole('heading', { level: 1, name: ART_TITLE }).isVisible(), true,
        'print: the title stays');
      assert.equal(await page.getByRole('cell', { name: 'No line' }).isVisible(), true, 'print: the body stays');
      const after = await page.locator('.kb-body a').evaluate((a) => getComputedStyle(a, '::after').content);
      assert.match(after, /example\.com\/routers/, 'print: a link shows where it goes');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.locator('.site-header').isVisible(), true, 'screen: the header is back');

      await page.goto(`${BASE}/kb/faq`);
      await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
      const question = page.locator('summary', { hasText: `How do I reset my router ${TAG}?` });
      await question.click();
      await page.getByRole('link', { name: 'Read the full article' }).first().waitFor();
      await expectClean(page, problems, 'the FAQ page', vp);
      await screenshot(page, `kb-faq-${vp.width}`);
    } finally {
      await context.close();
    }
  });
}
