// The self-service journey, at desktop and phone width, as an anonymous
// visitor: search the knowledge base, see the highlighted result, open it
// (through the click log), answer "Yes, helpful" and see the thanks.  The
// search results, a search without results and the article page pass an
// axe-core WCAG 2.1 AA scan; nothing overflows at 360 px.  The articles
// are made with SQL for this run and removed afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, VIEWPORTS, launch, openPage, axeViolations, formatViolations, screenshot,
  horizontalOverflow, sql,
} from './lib.mjs';

let browser;
const run = `${process.pid}-${Date.now() % 100000000}`;
// A made-up word: FULLTEXT finds it only in this run's articles.
const word = 'zq' + Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const catSlug = `kb-search-browser-${run}`;
const articleIds = [];
// A typo of the word (one letter changed), for "Did you mean".
const typo = word.slice(0, 6) + (word[6] === 'a' ? 'b' : 'a') + word.slice(7);

function one(q) { return sql(q).trim(); }

before(async () => {
  sql(`INSERT INTO kb_categories (slug, audience) VALUES ('${catSlug}', 'public');
       INSERT INTO kb_category_texts (category_id, lang, name)
         SELECT id, 'en', 'Browser journey' FROM kb_categories WHERE slug = '${catSlug}';`);
  const cat = one(`SELECT id FROM kb_categories WHERE slug = '${catSlug}'`);
  const texts = [
    [`Resetting the ${word} controller`, `How to reset the ${word} controller.`,
      `Hold the reset button of the ${word} controller for ten seconds until the light blinks.`],
    ['Cleaning the filter', 'Keep the air clean.',
      `The filter sits next to the ${word} controller. Replace it every six months.`],
  ];
  for (const [i, [title, summary, body]] of texts.entries()) {
    const slug = `${catSlug}-${i}`;
    sql(`INSERT INTO kb_articles (category_id, slug, audience, status, created_at, updated_at, published_at)
           VALUES (${cat}, '${slug}', 'public', 'published', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
         INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_text, updated_at)
           SELECT id, 'en', '${title}', '${summary}', '<p>${body}</p>', '${body}', UTC_TIMESTAMP(6)
           FROM kb_articles WHERE slug = '${slug}';`);
    articleIds.push(one(`SELECT id FROM kb_articles WHERE slug = '${slug}'`));
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (articleIds.length) sql(`DELETE FROM kb_articles WHERE id IN (${articleIds.join(',')})`);
  sql(`DELETE FROM kb_categories WHERE slug = '${catSlug}';
       DELETE FROM kb_searches WHERE query LIKE '%${word}%' OR query = '${typo}';`);
});

async function expectNoViolations(page, what) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations on ${what}:\n${formatViolations(violations)}`);
}

for (const vp of VIEWPORTS) {
  test(`search → article → helpful at ${vp.width}px, axe`, { timeout: 60000 }, async () => {
    const { context, page, problems } = await openPage(browser, vp);
    try {
      const [titleId] = articleIds;
      const before = one(`SELECT helpful_yes FROM kb_articles WHERE id = ${titleId}`);

      await page.goto(`${BASE}/kb/search`);
      await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill(`${word} controller`);
      await Promise.all([
        page.waitForURL(/\/kb\/search\?q=/),
        page.getByRole('button', { name: 'Search', exact: true }).click(),
      ]);
      const results = page.locator('.kb-result');
      assert.equal(await results.count(), 2, 'two results');
      const first = results.first().getByRole('link');
      assert.match(await first.textContent(), /Resetting the/, 'the title match comes first');
      assert.ok(await page.locator('.kb-snippet mark').count() >= 1, 'highlighted terms');
      await expectNoViolations(page, `search results at ${vp.width}px`);
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal overflow on the results');
      await screenshot(page, `kb-search-results-${vp.width}`);

      // The search's own id, from the link: ids come in blocks per process, not in order.
      const sid = new URL(await first.getAttribute('href'), 'http://x').searchParams.get('s');
      assert.match(sid ?? '', /^\d+$/, 'the result link carries the search id');
      await Promise.all([page.waitForURL(new RegExp(`/kb/articles/${titleId}$`)), first.click()]);
      assert.equal(one(`SELECT clicked_article_id FROM kb_searches WHERE id = ${sid}`), titleId, 'click logged');
      await expectNoViolations(page, `article at ${vp.width}px`);
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal overflow on the article');

      await Promise.all([
        page.waitForURL(new RegExp(`/kb/articles/${titleId}\\?feedback=thanks$`)),
        page.locator('button[name="helpful"][value="yes"]').click(),
      ]);
      await page.getByText('Thank you for your feedback', { exact: false }).first().waitFor();
      assert.equal(Number(one(`SELECT helpful_yes FROM kb_articles WHERE id = ${titleId}`)), Number(before) + 1,
        'the vote is counted');
      await expectNoViolations(page, `article with thanks at ${vp.width}px`);
      await screenshot(page, `kb-search-thanks-${vp.width}`);

      await page.goto(`${BASE}/kb/search?q=${typo}`);
      await page.getByText('Did you mean').waitFor();
      await expectNoViolations(page, `search without results at ${vp.width}px`);
      assert.equal(await horizontalOverflow(page), 0, 'no horizontal overflow without results');

      assert.deepEqual(problems, [], 'no CSP violations, script errors or failed resources');
    } finally {
      await context.close();
    }
  });
}
