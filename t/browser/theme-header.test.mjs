// A light header stays legible: with the light-header variables that
// xslt/README gives a theme (set on :root as theme.css would), the
// header's buttons, language switch and search take their outlines and
// hover tint from --pt-header-border and --pt-header-hover (no white line
// on white is left), the outlines keep 3:1 against the header, axe finds
// no contrast problem, and the page works at 360 px and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, signIn, axeViolations, formatViolations, screenshot, horizontalOverflow } from './lib.mjs';

// The example of xslt/README ("A light header").
const LIGHT = {
  '--pt-header-bg': '#f8fafc',
  '--pt-brand': '#f8fafc',
  '--pt-brand-contrast': '#0f172a',
  '--pt-brand-muted': '#475569',
  '--pt-focus-on-brand': '#1d4ed8',
  '--pt-header-border': 'rgba(15, 23, 42, 0.55)',
  '--pt-header-hover': 'rgba(15, 23, 42, 0.08)',
  '--pt-header-field-border': '#64748b',
};

function rgba(css) {
  const m = css.match(/rgba?\(([^)]+)\)/);
  assert.ok(m, `a colour: ${css}`);
  const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return { r, g, b, a };
}

// The colour fg (may be translucent) laid over the opaque bg.
function over(fg, bg) {
  const mix = (f, b) => f * fg.a + b * (1 - fg.a);
  return { r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b), a: 1 };
}

function luminance({ r, g, b }) {
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const width of [1280, 360]) {
  test(`a light header at ${width} px`, async () => {
    const { context, page, problems } = await openPage(browser, { width });
    try {
      await signIn(page, 'anna.admin@acme.example');
      await page.evaluate((vars) => {
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      }, LIGHT);
      const header = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);
      const bg = rgba(header);
      assert.deepEqual(bg, { r: 248, g: 250, b: 252, a: 1 }, 'the header is light');

      const outlined = width === 1280
        ? ['.header-bar .account-link', '.logout .btn-header', '.lang-switch .lang-button[aria-pressed="false"]', '.header-tools .header-search-button']
        : ['.logout .btn-header', '.menu-button'];
      for (const sel of outlined) {
        const border = await page.locator(sel).first().evaluate((el) => getComputedStyle(el).borderTopColor);
        assert.deepEqual(rgba(border), { r: 15, g: 23, b: 42, a: 0.55 }, `${sel}: its outline is --pt-header-border`);
        const ratio = contrast(over(rgba(border), bg), bg);
        assert.ok(ratio >= 3, `${sel}: outline ${ratio.toFixed(2)}:1 on the header, at least 3:1`);
        const text = await page.locator(sel).first().evaluate((el) => getComputedStyle(el).color);
        assert.ok(contrast(rgba(text), bg) >= 4.5, `${sel}: its text is dark on the light header`);
      }
      const hovered = outlined[0];
      await page.locator(hovered).first().hover();
      const tint = await page.locator(hovered).first().evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.deepEqual(rgba(tint), { r: 15, g: 23, b: 42, a: 0.08 }, `${hovered}: the hover tint is --pt-header-hover`);
      if (width === 1280) {
        const field = await page.locator('#header-q').evaluate((el) => getComputedStyle(el).borderTopColor);
        assert.deepEqual(rgba(field), { r: 100, g: 116, b: 139, a: 1 }, 'the search field has a visible edge');
      }
      await page.mouse.move(0, 400);

      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], formatViolations(violations));
      assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling');
      await screenshot(page, `theme-light-header-${width}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
