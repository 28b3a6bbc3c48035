// Every page of every role fits a phone and a desktop and passes axe.
//
// For anonymous visitors and each demo user, the test signs in and crawls
// the same-origin links a person can follow, from / and /kb/ (and a few
// sections a role may not find from there yet).  Each route shape (the
// path with digit runs as N, a category slug as S, no query) is opened at
// most twice per role.  At 1280 and 360 px the page must not scroll
// sideways (document.documentElement.scrollWidth <= innerWidth; the
// elements sticking out are named), every table must follow the pattern of
// xslt/README, and at 360 px the page must pass an axe-core WCAG 2.1 A/AA
// scan (once per view and navigation, so roles with the same navigation
// share the scans).  Forms are also checked in their error state, submitted
// empty where that changes nothing (sign-in, invitation, new
// organisation...).
//
// Roles run in parallel browser contexts (PORTICO_CRAWL_CONCURRENCY,
// default 3); PORTICO_CRAWL_LIMIT caps the pages per role (default 60).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, signIn, axeViolations, formatViolations,
} from './lib.mjs';

const LIMIT = Number(process.env.PORTICO_CRAWL_LIMIT || 60);
const CONCURRENCY = Number(process.env.PORTICO_CRAWL_CONCURRENCY || 3);
const PER_SHAPE = 2;           // pages opened per route shape and role
const WIDTHS = [1280, 360];

const WHO = [
  { name: 'anonymous' },
  { name: 'provider admin', email: 'admin@portico.example' },
  { name: 'manager', email: 'manager@portico.example' },
  { name: 'agent', email: 'agent@portico.example' },
  { name: 'KB editor', email: 'editor@portico.example' },
  { name: 'customer admin', email: 'anna.admin@acme.example' },
  { name: 'customer', email: 'carl@acme.example' },
  { name: 'customer olivia', email: 'olivia@acme.example' },
  { name: 'customer klaus', email: 'klaus@bergmann.example' },
  { name: 'partner', email: 'paula@northwind.example' },
];

// Forms shown in their error state: opened, submitted empty (the browser's
// own validation switched off, as a script or an old browser would), and
// checked like any page when they answer with the form again.
const ERROR_FORMS = [
  { path: '/auth/login' },
  { path: '/auth/password/forgot' },
  { path: '/auth/users/new' },
  { path: '/auth/admin/users/new' },
  { path: '/auth/admin/orgs/new' },
  { path: '/auth/admin/roles/new' },
  { path: '/kb/editor/new' },
];

// Links not to follow: signing out ends the crawl's session; attachments
// are not pages; /kb/go/ counts a search click and redirects to an article.
const SKIP = [/^\/auth\/logout\b/, /^\/kb\/go\//, /^\/kb\/files\//, /\/download/, /^\/static\//, /\.(pdf|png|jpe?g|svg|zip|csv|xml|json|txt)$/i];

// Where the crawl starts: the start pages, and sections a role may not
// find from there yet (they show their forbidden page to the others).
const START = ['/', '/kb/', '/kb/editor', '/kb/editor/feedback', '/kb/search?q=gateway'];

// A route's shape: digit runs as N, and a category's, a service's or a
// product's slug or SKU as S (every category is the same view, every
// service form and every product page too, and there are many).
const shapeOf = (pathname) => pathname.replace(/\d+/g, 'N')
  .replace(/^\/kb\/categories\/[^/]+/, '/kb/categories/S')
  .replace(/^\/tickets\/new\/[^/]+/, '/tickets/new/S')
  .replace(/^\/orders\/products\/[^/]+/, '/orders/products/S');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Axe runs once per view and navigation: the same view under the same
// header and navigation is the same markup whatever its data (a scan takes
// the better part of a second, on a crawl of hundreds of pages).
const scanned = new Set();

// The page's horizontal overflow at the current width, and when it
// overflows, the elements that stick out (innermost first, as selectors).
function measureOverflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return { over: 0, culprits: [] };
    // Inside a scrolling box an element sticks out only when it is
    // positioned out of it (an absolute element whose containing block is
    // outside, such as visually hidden text).
    const clips = (el) => {
      if (/^(absolute|fixed)$/.test(getComputedStyle(el).position)) return false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const selector = (el) => {
      const parts = [];
      for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
        let s = e.localName;
        if (e.id) { parts.unshift(`${s}#${e.id}`); break; }
        if (e.classList.length) s += `.${[...e.classList].join('.')}`;
        parts.unshift(s);
      }
      return parts.join(' > ');
    };
    const sticking = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clips(el));
    const innermost = sticking.filter((el) => !sticking.some((o) => o !== el && el.contains(o)));
    innermost.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
    return {
      over,
      culprits: innermost.slice(0, 3).map((el) => `${selector(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`),
    };
  });
}

// The table pattern of xslt/README: every table sits in a named region
// that scrolls and that Tab reaches, and no cell breaks its words.
function tableProblems(page) {
  return page.evaluate(() => {
    const out = [];
    document.querySelectorAll('main table').forEach((table, i) => {
      const name = `table ${i + 1}${table.caption ? ` "${table.caption.textContent.trim()}"` : ''}`;
      const region = table.closest('.table-scroll');
      const labelledBy = region?.getAttribute('aria-labelledby');
      const named = region && (region.getAttribute('aria-label')?.trim()
        || (labelledBy && document.getElementById(labelledBy)?.textContent.trim()));
      if (!region || region.getAttribute('role') !== 'region' || region.tabIndex !== 0 || !named) {
        out.push(`${name} is not in a named .table-scroll region that Tab reaches`);
      }
      const breaking = [...table.querySelectorAll('th, td, th *, td *')].find((el) => {
        const cs = getComputedStyle(el);
        return cs.overflowWrap === 'anywhere' || /^break-(all|word)$/.test(cs.wordBreak);
      });
      if (breaking) out.push(`${name} breaks words in the middle (${breaking.localName}.${[...breaking.classList].join('.')})`);
    });
    return out;
  });
}

// Checks the page now shown: no sideways scrolling at either width, the
// table pattern, axe at 360 px. Returns the problems found, as lines.
async function checkPage(page, label) {
  const problems = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    const { over, culprits } = await measureOverflow(page);
    if (over > 0) {
      problems.push(`${label} at ${width}px scrolls sideways by ${over}px: ${culprits.join('; ') || 'no single element found'}`);
    }
  }
  problems.push(...(await tableProblems(page)).map((p) => `${label}: ${p}`));
  const key = await page.evaluate(() => [
    document.body.className,
    [...document.querySelectorAll('header a[href], nav a[href]')].map((a) => a.getAttribute('href')).join(' '),
  ].join('|'));
  if (!scanned.has(key)) {
    scanned.add(key);
    const violations = await axeViolations(page);
    if (violations.length) problems.push(`${label} at 360px has axe violations:\n${formatViolations(violations)}`);
  }
  return problems;
}

async function crawl(who) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  const opened = new Set();      // paths
  const perShape = new Map();    // shape -> pages opened
  const wanted = (target) => {
    const { pathname } = new URL(target, BASE);
    return !opened.has(pathname) && (perShape.get(shapeOf(pathname)) || 0) < PER_SHAPE
      && !SKIP.some((re) => re.test(pathname));
  };
  const queue = [...START];
  const pages = [];
  try {
    if (who.email) await signIn(page, who.email);
    while (queue.length && pages.length < LIMIT) {
      const target = queue.shift();
      if (!wanted(target)) continue;
      const { pathname } = new URL(target, BASE);
      opened.add(pathname);
      perShape.set(shapeOf(pathname), (perShape.get(shapeOf(pathname)) || 0) + 1);
      let res;
      try {
        res = await page.goto(`${BASE}${target}`, { waitUntil: 'load' });
      } catch (err) {
        if (/Download is starting/.test(err.message)) continue;
        throw err;
      }
      if (!res || !/text\/html/.test(res.headers()['content-type'] || '')) continue;
      if (new URL(page.url()).pathname === '/auth/login' && who.email) {
        problems.push(`${target}: signed out while crawling`);
        break;
      }
      pages.push(target);
      problems.push(...await checkPage(page, `${target} (${res.status()})`));
      for (const link of await page.evaluate(() => [...document.querySelectorAll('a[href]')]
        .map((a) => new URL(a.getAttribute('href'), location.href))
        .filter((u) => u.origin === location.origin)
        .map((u) => u.pathname + u.search))) {
        if (wanted(link)) queue.push(link);
      }
    }
    for (const form of ERROR_FORMS) {
      const res = await page.goto(`${BASE}${form.path}`);
      if (!res || res.status() !== 200 || new URL(page.url()).pathname !== form.path) continue;
      // The form's main button as a person sees it (a form may hold a
      // hidden default button before it).
      const buttons = 'main form[method="post"] button[type="submit"]:not([formaction]):visible';
      let submit = page.locator(`${buttons}.btn-primary`).first();
      if (await submit.count() === 0) submit = page.locator(buttons).first();
      if (await submit.count() === 0) continue;
      await page.evaluate(() => document.querySelectorAll('main form').forEach((f) => { f.noValidate = true; }));
      let answer;
      try {
        [answer] = await Promise.all([page.waitForNavigation(), submit.click()]);
      } catch (err) {
        problems.push(`${form.path}: the form could not be sent empty: ${err.message.split('\n')[0]}`);
        continue;
      }
      if (answer && answer.status() === 422) {
        pages.push(`${form.path} (sent empty)`);
        problems.push(...await checkPage(page, `${form.path} submitted empty (422)`));
      }
    }
  } finally {
    await context.close();
  }
  return { pages, problems };
}

describe('every page of every role', { concurrency: CONCURRENCY }, () => {
  for (const who of WHO) {
    it(`${who.name}: no page scrolls sideways at 360 or 1280 px, no axe violation`, { timeout: 600000 }, async (t) => {
      const { pages, problems } = await crawl(who);
      t.diagnostic(`${pages.length} pages: ${pages.join(' ')}`);
      assert.ok(pages.length >= 3, `the crawl reached ${pages.length} pages only`);
      assert.deepEqual(problems, [], `${who.name}, ${pages.length} pages:\n${problems.join('\n')}`);
    });
  }
});
