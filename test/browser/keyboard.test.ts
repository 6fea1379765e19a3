/**
 * Every page template walked by keyboard, in both languages at 1280 px: Tab reaches every link,
 * the language switch, every chart and table toggle and every scrolling box, in turn, and each
 * shows a visible focus indicator when it has the focus.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTemplates, newPage, openSite, VIEWPORTS, type Site } from './site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const FOCUSABLE = 'a[href], button, summary, [tabindex="0"], input, select, textarea';

/** Marks each focusable element that is shown (not in a closed <details>, not display:none) with a number. */
async function focusables(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const closed = el.closest('details:not([open])');
      const hidden = closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed);
      if (hidden || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      el.dataset.kb = String(n++);
    }
    return n;
  }, FOCUSABLE);
}

/** The focused element's number, and whether the focus is drawn (an outline or a ring). */
async function focused(page: Page): Promise<{ kb: string | null; visible: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { kb: null, visible: false, what: 'body' };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow !== 'none';
    return { kb: el.dataset.kb ?? null, visible: outline || ring, what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ''}` };
  });
}

const pages = allTemplates();

describe('keyboard', () => {
  it.each(pages.map((p) => [p.name, p.path] as const))('%s: Tab reaches everything, visibly', async (_name, path) => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      await page.goto(site.origin + path);
      const count = await focusables(page);
      expect(count).toBeGreaterThan(0);
      const reached = new Set<string>();
      const invisible: string[] = [];
      // One Tab per element and a few more (the skip link's target, the end of the page).
      for (let i = 0; i < count + 5 && reached.size < count; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f.kb === null) continue;
        reached.add(f.kb);
        if (!f.visible) invisible.push(f.what);
      }
      expect(reached.size, `${count - reached.size} of ${count} focusable elements never got the focus`).toBe(count);
      expect(invisible).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
